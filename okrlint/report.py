"""``okrlint report``: a review page for the OKR meeting, in HTML or Markdown.

The report lints the given paths like ``okrlint`` does, then lays the results
out per file: objectives and key results with their findings inline, progress
from baseline through current to target, a quality score per file, the
alignment tree company → team → individual, and totals per rule. This module
builds that page as data (:class:`Review`); ``report_html`` and
``report_markdown`` turn it into text. It decides nothing about what is wrong:
the rules did that.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import click

from . import __version__, progress
from .alignment import Node, resolve
from .model import SourceFile, Span
from .rule import Diagnostic, Severity

WEIGHTS = {Severity.ERROR: 10, Severity.WARNING: 3, Severity.INFO: 1}
LABEL_LANGUAGES = ("en", "ru", "pl", "tr", "uz")


# -- the page as data ---------------------------------------------------------
@dataclass
class KeyResultView:
    title: str
    line: int
    progress: progress.Progress
    findings: list[Diagnostic] = field(default_factory=list)


@dataclass
class ObjectiveView:
    anchor: str
    ident: str | None
    title: str
    kind: str | None  # committed | aspirational
    line: int
    aligns_to: list[str] = field(default_factory=list)  # labels of resolved parents
    missing: list[str] = field(default_factory=list)  # references that did not resolve
    key_results: list[KeyResultView] = field(default_factory=list)
    findings: list[Diagnostic] = field(default_factory=list)


@dataclass
class FileView:
    path: str
    anchor: str
    team: str | None
    level: str | None
    period: str | None
    error: str | None
    quality: int
    counts: dict[str, int]
    objectives: list[ObjectiveView] = field(default_factory=list)
    findings: list[Diagnostic] = field(default_factory=list)  # about the file or document as a whole

    @property
    def items(self) -> int:
        return len(self.objectives) + sum(len(o.key_results) for o in self.objectives)


@dataclass
class TreeRow:
    depth: int
    anchor: str  # the objective's anchor in the page
    ident: str
    title: str
    team: str | None
    level: str | None
    repeated: bool
    missing: list[str]


@dataclass
class Review:
    language: str
    labels: dict[str, str]
    version: str
    files: list[FileView]
    tree: list[TreeRow]
    edges: list[tuple[str, str]]  # (parent anchor, child anchor)
    totals: list[tuple[str, str, str, int]]  # (code, name, severity, count)

    def label(self, key: str, **kw: object) -> str:
        text = self.labels.get(key, key)
        return text.format(**kw) if kw else text

    def kind_label(self, kind: str) -> str:
        """An objective's ``type`` as the page says it (committed and aspirational are translated)."""
        return self.label(kind) if kind in ("committed", "aspirational") else kind

    def level_label(self, level: str | None) -> str:
        if not level:
            return ""
        return self.label("team_level") if level == "team" else self.labels.get(level, level)

    def counts(self) -> list[str]:
        """ "Files: 4", "Objectives: 7" …: a label and a number, so no language needs plural forms."""
        return [
            f"{self.label(k)}: {n}"
            for k, n in (
                ("files", len(self.files)),
                ("objectives", self.objective_count),
                ("key_results", self.key_result_count),
                ("findings", self.finding_count),
            )
        ]

    @property
    def objective_count(self) -> int:
        return sum(len(f.objectives) for f in self.files)

    @property
    def key_result_count(self) -> int:
        return sum(len(o.key_results) for f in self.files for o in f.objectives)

    @property
    def finding_count(self) -> int:
        return sum(n for *_, n in self.totals)


def quality(diagnostics: Iterable[Diagnostic], items: int, readable: bool = True) -> int:
    """0–100: 100 × (1 − penalty ÷ (10 × items)), floored at 0 (docs/report.md).

    penalty = 10 per error + 3 per warning + 1 per info; items = objectives +
    key results (at least 1). A file that cannot be read scores 0.
    """
    if not readable:
        return 0
    penalty = sum(WEIGHTS[d.severity] for d in diagnostics)
    value = 100 * (1 - penalty / (10 * max(items, 1)))
    return max(0, int(value + 0.5))


@cache
def _all_labels() -> dict[str, dict[str, str]]:
    import yaml

    path = Path(__file__).parent / "data" / "report-labels.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def labels_for(language: str) -> dict[str, str]:
    table = _all_labels()
    return {**table["en"], **table.get(language, {})}


def _contains(span: Span, line: int) -> bool:
    return span.line <= line <= span.end_line


def _optional_str(value: object) -> str | None:
    return None if value is None or str(value).strip() == "" else str(value)


def build(sources: Iterable[SourceFile], diagnostics: Iterable[Diagnostic], language: str = "en") -> Review:
    sources = tuple(sources)
    by_path: dict[str, list[Diagnostic]] = {}
    for d in sorted(diagnostics, key=Diagnostic.sort_key):
        by_path.setdefault(d.path, []).append(d)
    alignment = resolve(sources)
    anchors: dict[tuple, str] = {}
    files: list[FileView] = []
    for i, src in enumerate(sources, 1):
        view = _file_view(src, f"f{i}", by_path.get(src.path, []), alignment, anchors)
        files.append(view)
    tree = [
        TreeRow(
            depth,
            anchors[n.key],
            n.ident or f"#{n.objective.index + 1}",
            n.title,
            n.team,
            n.level,
            repeated,
            [r.raw for r in alignment.unresolved(n) if r.problem],
        )
        for depth, n, repeated in alignment.tree()
    ]
    edges = sorted(
        {(anchors[r.target.key], anchors[r.node.key]) for r in alignment.references if r.target is not None},
        key=lambda e: (_anchor_order(e[0]), _anchor_order(e[1])),
    )
    counts = Counter((d.code, d.name, d.severity.value) for ds in by_path.values() for d in ds)
    totals = sorted(((c, n, s, k) for (c, n, s), k in counts.items()), key=lambda t: (t[0], t[2]))
    return Review(language, labels_for(language), __version__, files, tree, edges, totals)


def _anchor_order(anchor: str) -> tuple[int, ...]:
    return tuple(int(p[1:]) for p in anchor.split("-"))


def _file_view(src: SourceFile, anchor: str, diags: list[Diagnostic], alignment, anchors: dict) -> FileView:
    docs = src.documents
    first = docs[0] if docs else None
    view = FileView(
        path=src.path,
        anchor=anchor,
        team=_optional_str(first.get("team") or first.get("owner")) if first else None,
        level=_optional_str(first.get("level")) if first else None,
        period=_optional_str(first.get("period")) if first else None,
        error=src.error.message if src.error else None,
        quality=0,
        counts={s.value: sum(1 for d in diags if d.severity is s) for s in Severity},
    )
    placed: set[int] = set()
    k = 0
    for doc in docs:
        for obj in doc.objectives:
            k += 1
            node = Node(src, doc, obj)
            anchors[node.key] = f"{anchor}-o{k}"
            ov = ObjectiveView(
                anchor=f"{anchor}-o{k}",
                ident=node.ident,
                title=node.title,
                kind=_optional_str(obj.get("type")),
                line=(obj.title.span if obj.title else obj.span).line,
                aligns_to=[p.label for p in alignment.parents(node)],
                missing=[r.raw for r in alignment.unresolved(node) if r.problem],
            )
            for kr in obj.key_results:
                kv = KeyResultView(
                    kr.title.value if kr.title else "",
                    (kr.title.span if kr.title else kr.span).line,
                    progress.of_key_result(kr),
                )
                kv.findings = _take(diags, placed, lambda d, kr=kr: _contains(kr.span, d.line))
                ov.key_results.append(kv)
            ov.findings = _take(diags, placed, lambda d, obj=obj: _contains(obj.span, d.line))
            view.objectives.append(ov)
    view.findings = [d for i, d in enumerate(diags) if i not in placed]
    view.quality = quality(diags, view.items, src.error is None)
    return view


def _take(diags: list[Diagnostic], placed: set[int], where) -> list[Diagnostic]:
    out = []
    for i, d in enumerate(diags):
        if i not in placed and where(d):
            placed.add(i)
            out.append(d)
    return out


# -- choosing the page's language ----------------------------------------------
def page_language(sources: Iterable[SourceFile], language_of) -> str:
    """The most common language of the objective titles; English when none is known."""
    seen: Counter[str] = Counter()
    for src in sources:
        for doc in src.documents:
            for obj in doc.objectives:
                if obj.title is not None:
                    lang = language_of(obj.title.value, doc)
                    if lang in LABEL_LANGUAGES:
                        seen[lang] += 1
    if not seen:
        return "en"
    return min(seen.items(), key=lambda kv: (-kv[1], kv[0]))[0]


# -- linting for the report -----------------------------------------------------
def lint_paths(
    paths: tuple[str, ...],
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    config_file: str | None = None,
    language: str | None = None,
    message_language: str | None = None,
):
    """Lint like ``okrlint PATH…`` (same discovery, configuration and rules), keeping the loaded files."""
    from .cli import UsageError
    from .cli import lint_paths as lint

    if "-" in paths:
        raise UsageError("the report reads files, not standard input")
    return lint(
        paths,
        select=select,
        ignore=ignore,
        config_file=config_file,
        language=language,
        message_language=message_language,
        keep_documents=True,
    )


def render(review: Review, fmt: str) -> str:
    if fmt == "html":
        from .report_html import render_html

        return render_html(review)
    from .report_markdown import render_markdown

    return render_markdown(review)


def _format_for(output: str | None, fmt: str) -> str:
    if fmt != "auto":
        return fmt
    if output and output.lower().endswith((".html", ".htm")):
        return "html"
    return "md"


@click.command(name="report", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=str)
@click.option("-o", "--output", type=str, help="Write the page here (.html or .md); default: Markdown on stdout.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("auto", "html", "md")),
    default="auto",
    show_default=True,
    help="Page format (auto: from the -o extension, else md).",
)
@click.option("--select", multiple=True, help="Rules to run: codes, names or prefixes, comma-separated; ALL.")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, names or prefixes, comma-separated.")
@click.option("--config", "config_file", type=str, help="Use this configuration file instead of discovery.")
@click.option(
    "--language",
    type=click.Choice(("auto", *LABEL_LANGUAGES)),
    help="Language of every OKR text (default: per file, else detected).",
)
@click.option(
    "--message-language",
    type=click.Choice(("auto", *LABEL_LANGUAGES)),
    default="auto",
    show_default=True,
    help="Language of the labels and messages (auto: the OKRs' own language).",
)
def report_command(paths, output, fmt, select, ignore, config_file, language, message_language):
    """Write a review page: findings per objective, progress, alignment tree, totals per rule."""
    from .cli import UsageError, _split

    try:
        # auto: each finding speaks the language of the text it is about; the labels the page's main language.
        run = lint_paths(paths or (".",), _split(select), _split(ignore), config_file, language, message_language)
    except UsageError as exc:
        click.echo(f"okrlint report: error: {exc}", err=True)
        sys.exit(2)
    for m in run.missing:
        click.echo(f"okrlint report: {m}: no such file or directory", err=True)
    if run.missing:
        sys.exit(2)
    lang = message_language if message_language != "auto" else page_language(run.sources, run.language_of)
    text = render(build(run.sources, run.diagnostics, lang), _format_for(output, fmt))
    if output and output != "-":
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            click.echo(f"okrlint report: error: cannot write {output}: {exc.strerror or exc}", err=True)
            sys.exit(2)
        click.echo(
            f"okrlint report: wrote {output} ({len(run.sources)} files, {len(run.diagnostics)} findings)", err=True
        )
    else:
        sys.stdout.write(text)
