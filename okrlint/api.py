"""A small Python API: lint a string or a file without the command line."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .analysis import Analyzer
from .config import Config, Selection
from .engine import Linter
from .loader import load_path, load_text
from .model import SourceFile
from .registry import load_rules
from .rule import Diagnostic


def make_linter(
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    language: str | None = None,
    config: Config | None = None,
    *,
    report_unused_disables: bool = False,
    message_language: str | None = None,
) -> Linter:
    """A linter like the command line's: ``message_language`` is uz, ru, pl, tr, en or auto (default: the
    configuration's, else en); ``report_unused_disables`` turns on OKR004 for suppressions that silence nothing."""
    from .messages import MESSAGE_LANGUAGES

    if message_language is not None and message_language not in MESSAGE_LANGUAGES:
        raise ValueError(f"message_language must be one of {', '.join(MESSAGE_LANGUAGES)}, not {message_language!r}")
    rules = load_rules()
    config = config or Config()
    selection = Selection.build(config, rules, tuple(select) if select is not None else None, tuple(ignore))
    return Linter(
        rules,
        config,
        selection,
        Analyzer(config.lexicons),
        language,
        message_language=message_language,
        report_unused_disables=report_unused_disables,
    )


def lint_text(
    text: str,
    path: str = "<string>.okr.yaml",
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    language: str | None = None,
    config: Config | None = None,
    linter: Linter | None = None,
) -> list[Diagnostic]:
    """Lint OKR source text (YAML, or Markdown when ``path`` ends in .md)."""
    linter = linter or make_linter(select, ignore, language, config)
    return linter.lint(load_text(path, text))


def lint_file(path: str | Path, **kw) -> list[Diagnostic]:
    p = Path(path)
    linter = kw.pop("linter", None) or make_linter(**kw)
    return linter.lint(load_path(p, str(path), linter.config.max_file_size))


def check_text(
    text: str,
    kind: str = "key_result",
    *,
    language: str | None = None,
    select: Iterable[str] | None = None,
    linter: Linter | None = None,
) -> list[Diagnostic]:
    """Run the rules on one objective or key result given as a plain string.

    Columns in the result are 1-based offsets into ``text`` (line 1).
    """
    from .model import Document, KeyResult, Objective, Span, Text

    if kind not in ("key_result", "objective"):
        raise ValueError("kind must be 'key_result' or 'objective'")
    if linter is None:
        if select is None:  # structure rules mean nothing for a lone sentence
            select = [r.meta.code for r in load_rules() if r.meta.reads_text]
        linter = make_linter(select, (), language)
    end = Span(1, 1, 1, len(text) + 1)
    title = Text(text, end, (1, 1))
    fields = {}
    if kind == "key_result":
        kr = KeyResult(0, title, fields, end)
        obj = Objective(0, None, fields, (kr,), end, True)
    else:
        obj = Objective(0, title, fields, (KeyResult(0, None, fields, end),), end, True)
    doc = Document("<text>", 0, {}, (obj,), end)
    diags = linter.lint(SourceFile("<text>", text, (doc,)))
    return [d for d in diags if d.element == kind]
