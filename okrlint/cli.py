"""The ``okrlint`` command: lint paths, list and explain rules.

``okrlint [OPTIONS] [PATH]...`` lints; ``okrlint rules``, ``okrlint explain``,
``okrlint schema`` and ``okrlint report`` are subcommands. Exit codes: 0 clean,
1 findings at or above ``--fail-on``, 2 usage or configuration error.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import click

from . import __version__

SUBCOMMANDS = ("rules", "explain", "schema", "report")
FORMATS = ("auto", "text", "json", "github", "sarif", "junit", "gitlab")
LANGS = ("auto", "uz", "ru", "pl", "tr", "en")
DEFAULT_PATTERNS = ("*.okr.yaml", "*.okr.yml", "*.okr.md")
SKIP_DIRS = {
    ".git",
    ".hg",
    ".svn",
    "node_modules",
    ".venv",
    "venv",
    "env",
    ".env",
    ".tox",
    ".nox",
    "__pycache__",
    ".okrlint_cache",
    ".mypy_cache",
    ".pytest_cache",
    "site-packages",
}


class UsageError(Exception):
    """Exit 2 with this message."""


@dataclass
class Target:
    path: Path | None  # None for standard input
    display: str


def _split(values: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        out.extend(s.strip() for s in v.split(",") if s.strip())
    return tuple(out)


def _is_venv(d: Path) -> bool:
    return (d / "pyvenv.cfg").is_file()


def _excluded(path: Path, patterns: tuple[str, ...], root: Path) -> bool:
    if not patterns:
        return False
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    for pat in patterns:
        pat = pat.rstrip("/")
        if fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(rel, pat + "/*") or fnmatch.fnmatch(path.name, pat):
            return True
        if pat.endswith("/**") and (rel + "/").startswith(pat[:-2]):
            return True
    return False


def collect(paths: tuple[str, ...], config_for, stdin_name: str | None) -> tuple[list[Target], list[str]]:
    targets: list[Target] = []
    missing: list[str] = []
    seen: set[str] = set()

    def add(p: Path, display: str) -> None:
        key = os.path.normpath(str(p))
        if key not in seen:
            seen.add(key)
            targets.append(Target(p, display))

    for raw in paths:
        if raw == "-":
            targets.append(Target(None, stdin_name or "<stdin>"))
            continue
        p = Path(raw)
        if p.is_dir():
            for f in sorted(_walk(p, config_for)):
                add(f, str(f))
        elif p.exists() or p.is_symlink():
            cfg = config_for(p)
            if not _excluded(p, cfg.exclude, cfg.root):
                add(p, raw)
        else:
            missing.append(raw)
    return targets, missing


def _walk(top: Path, config_for) -> Iterable[Path]:
    for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
        d = Path(dirpath)
        dirnames[:] = sorted(n for n in dirnames if n not in SKIP_DIRS and not _is_venv(d / n))
        for name in sorted(filenames):
            f = d / name
            cfg = config_for(f)
            patterns = DEFAULT_PATTERNS
            matched = any(fnmatch.fnmatch(name, pat) for pat in patterns)
            if not matched and cfg.include:
                try:
                    rel = f.resolve().relative_to(cfg.root.resolve()).as_posix()
                except ValueError:
                    rel = f.as_posix()
                matched = any(fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(name, pat) for pat in cfg.include)
            if matched and not _excluded(f, cfg.exclude, cfg.root):
                yield f


def _use_color(no_color: bool) -> bool:
    if no_color or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _result_cache(cache_dir: str | None, configs: dict):
    """The result cache: --cache-dir, else $OKRLINT_CACHE_DIR, else .okrlint_cache at the project root."""
    from .cache import ResultCache, default_dir, project_root

    if cache_dir:
        return ResultCache(Path(cache_dir))
    cfg_paths = [p for p in configs if p is not None]
    root = cfg_paths[0].parent if cfg_paths else project_root(Path.cwd())
    return ResultCache(default_dir(root))


def load_rule_set(select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()):
    """Every rule, after checking that each --select/--ignore item names one."""
    from .registry import RegistryError, load_rules

    try:
        rules = load_rules()
    except RegistryError as exc:
        raise UsageError(str(exc)) from None
    for s in (*select, *ignore):
        if not rules.resolve(s):
            import difflib

            close = difflib.get_close_matches(s, rules.names(), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise UsageError(
                f"'{s}' matches no rule{hint}; use a code (OKR104), a name (binary-kr), a prefix (OKR1) or ALL"
            )
    return rules


@dataclass
class Linted:
    """What ``okrlint PATH…`` and ``okrlint report`` lint: files, diagnostics, configurations, missing paths."""

    sources: list
    diagnostics: list
    configs: dict
    missing: list[str]
    language_of: Callable[[str, object], str | None]


def lint_paths(
    paths: tuple[str, ...],
    *,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    config_file: str | None = None,
    language: str | None = None,
    message_language: str | None = None,
    report_unused_disables: bool = False,
    stdin_filename: str | None = None,
    jobs: int | None = None,
    cache: bool = False,
    cache_dir: str | None = None,
    keep_documents: bool = False,
    rules=None,
    progress: Callable[[int, int], None] | None = None,
) -> Linted:
    """Discover files and their configurations, then lint them (cached, in parallel) and run the project rules."""
    from . import runner
    from .config import Config, ConfigError, find_config, load_config

    rules = rules if rules is not None else load_rule_set(select, ignore)
    configs: dict[Path | None, Config] = {}
    found_cache: dict[Path, Path | None] = {}
    forced = Path(config_file) if config_file else None
    if forced is not None and not forced.is_file():
        raise UsageError(f"--config {config_file}: no such file")

    def config_at(cfg_path: Path | None) -> Config:
        if cfg_path not in configs:
            configs[cfg_path] = load_config(cfg_path, rules) if cfg_path else Config()
        return configs[cfg_path]

    def config_path_for(p: Path) -> Path | None:
        return forced if forced is not None else find_config(p, found_cache)

    try:
        targets, missing = collect(paths, lambda p: config_at(config_path_for(p)), stdin_filename)
        settings = runner.Settings(configs, select or None, ignore, language, message_language, report_unused_disables)
        stdin_cfg = Path(stdin_filename or ".").absolute()

        def cfg_of(t: Target) -> Path | None:
            cfg_path = config_path_for(t.path if t.path is not None else stdin_cfg)
            config_at(cfg_path)
            return cfg_path

        tasks = runner.read_tasks(((t.path, t.display, cfg_of(t)) for t in targets), settings)
        result_cache = _result_cache(cache_dir, configs) if cache else None
        run = runner.lint_tasks(
            tasks, settings, jobs=jobs, cache=result_cache, keep_documents=keep_documents, progress=progress
        )
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    language_of = run.language_of or (lambda text, doc: None)
    return Linted(run.sources, run.diagnostics, configs, missing, language_of)


class ProgressLine:
    """ "okrlint: linted 1,200 of 2,000 files" on a terminal's stderr, rewritten in place, for a run
    long enough to wonder about (shown after ``delay`` seconds, at most every ``every``); cleared
    before the results are printed. Never shown when stderr is not a terminal (CI logs, pipes)."""

    def __init__(self, stream, delay: float = 0.5, every: float = 0.1, clock=None):
        import time

        self.stream = stream
        self.clock = clock or time.monotonic
        self.start = self.clock()
        self.delay, self.every = delay, every
        self.last = float("-inf")
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        now = self.clock()
        if now - self.start < self.delay or (now - self.last < self.every and done < total):
            return
        self.last = now
        self.shown = True
        self.stream.write(f"\rokrlint: linted {done:,} of {total:,} files")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def run_lint(
    paths: tuple[str, ...],
    *,
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_file: str | None,
    language: str | None,
    fail_on: str | None,
    exit_zero: bool,
    quiet: bool,
    statistics: bool,
    no_color: bool,
    stdin_filename: str | None,
    message_language: str | None = None,
    jobs: int | None = None,
    report_unused_disables: bool = False,
    no_cache: bool = False,
    cache_dir: str | None = None,
) -> int:
    from .reporters import FORMATS as REPORTERS
    from .reporters import render

    rules = load_rule_set(select, ignore)
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if fmt not in REPORTERS:
        raise UsageError(f"the format '{fmt}' is not available yet; choose one of: {', '.join(REPORTERS)}")
    progress = ProgressLine(sys.stderr) if sys.stderr.isatty() else None
    try:
        linted = lint_paths(
            paths,
            select=select,
            ignore=ignore,
            config_file=config_file,
            language=language,
            message_language=message_language,
            report_unused_disables=report_unused_disables,
            stdin_filename=stdin_filename,
            jobs=jobs,
            cache=not no_cache,
            cache_dir=cache_dir,
            rules=rules,
            progress=progress,
        )
    finally:
        if progress is not None:
            progress.close()
    sources, diagnostics, configs, missing = linted.sources, linted.diagnostics, linted.configs, linted.missing

    from .rule import Diagnostic, Severity

    diagnostics.sort(key=Diagnostic.sort_key)
    text = render(
        fmt,
        diagnostics,
        sources={s.path: s.text for s in sources},
        rules=rules,
        color=_use_color(no_color) and fmt == "text",
        statistics=statistics,
        quiet=quiet,
    )
    if text:
        sys.stdout.write(text)
        sys.stdout.flush()
    for m in missing:
        click.echo(f"okrlint: {m}: no such file or directory", err=True)
    if missing:
        return 2
    threshold_name = fail_on or (next(iter(configs.values())).fail_on if configs else "warning")
    threshold = Severity(threshold_name).rank
    if exit_zero:
        return 0
    return 1 if any(d.severity.rank >= threshold for d in diagnostics) else 0


_LINT_EPILOG = """\b
Subcommands:
  okrlint rules                  list every rule
  okrlint explain CODE|NAME      what a rule checks, why, and examples
  okrlint schema                 the JSON Schema of the YAML format
  okrlint report PATH... -o F    an HTML or Markdown review page
\b
Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage or configuration error."""


@click.command(name="okrlint", epilog=_LINT_EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("paths", nargs=-1, type=str)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="Output format (auto: github under GitHub Actions, else text).",
)
@click.option("--select", multiple=True, help="Rules to run: codes, names or prefixes, comma-separated; ALL.")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, names or prefixes, comma-separated.")
@click.option("--config", "config_file", type=str, help="Use this configuration file instead of discovery.")
@click.option("--language", type=click.Choice(LANGS), help="Language of every text (default: per file, else detected).")
@click.option("--message-language", type=click.Choice(LANGS), help="Language of the messages (default en).")
@click.option(
    "--fail-on",
    type=click.Choice(("error", "warning", "info")),
    help="Lowest severity that makes the exit code 1 (default warning).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--quiet", "-q", is_flag=True, help="Only the diagnostic lines, no source excerpts.")
@click.option("--statistics", is_flag=True, help="Print a count per rule.")
@click.option("--report-unused-disables", is_flag=True, help="Report suppression comments that suppress nothing.")
@click.option("--no-cache", is_flag=True, help="Do not read or write the result cache.")
@click.option("--cache-dir", type=str, help="Where the result cache lives.")
@click.option("--no-color", is_flag=True, help="No colours (also NO_COLOR=1).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), help="Files linted in parallel (0: one per CPU).")
@click.option("--stdin-filename", type=str, help="The name to report for standard input ('-').")
@click.version_option(__version__, "--version", prog_name="okrlint")
def lint_command(
    paths,
    fmt,
    select,
    ignore,
    config_file,
    language,
    message_language,
    fail_on,
    exit_zero,
    quiet,
    statistics,
    report_unused_disables,
    no_cache,
    cache_dir,
    no_color,
    jobs,
    stdin_filename,
):
    """Lint OKR files (YAML or Markdown) and directories (default: the current directory)."""
    try:
        code = run_lint(
            paths or (".",),
            fmt=fmt,
            select=_split(select),
            ignore=_split(ignore),
            config_file=config_file,
            language=language,
            fail_on=fail_on,
            exit_zero=exit_zero,
            quiet=quiet,
            statistics=statistics,
            no_color=no_color,
            stdin_filename=stdin_filename,
            message_language=message_language,
            jobs=jobs,
            report_unused_disables=report_unused_disables,
            no_cache=no_cache,
            cache_dir=cache_dir,
        )
    except UsageError as exc:
        click.echo(f"okrlint: error: {exc}", err=True)
        sys.exit(2)
    sys.exit(code)


@click.command(name="rules")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def rules_command(fmt):
    """List every rule: code, name, default severity, summary."""
    from .registry import load_rules

    rules = load_rules()
    if fmt == "json":
        import json

        click.echo(
            json.dumps(
                [
                    {
                        "code": r.meta.code,
                        "name": r.meta.name,
                        "severity": r.meta.severity.value,
                        "summary": r.meta.summary,
                        "origin": r.origin,
                    }
                    for r in rules
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    for r in rules:
        click.echo(f"{r.meta.code}  {r.meta.name:<22} {r.meta.severity.value:<8} {r.meta.summary}")


@click.command(name="explain")
@click.argument("rule")
def explain_command(rule):
    """Explain one rule: what it checks, why, its options and examples."""
    from .explain import explain
    from .registry import load_rules

    loaded = load_rules().get(rule)
    if loaded is None:
        import difflib

        close = difflib.get_close_matches(rule, load_rules().names(), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        click.echo(f"okrlint: error: no rule '{rule}'{hint}; `okrlint rules` lists them", err=True)
        sys.exit(2)
    click.echo(explain(loaded))


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show a letter gets an escape, not a crash
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    commands = {"rules": rules_command, "explain": explain_command}
    # report and schema import much (the analysis, the HTML report): only when asked for.
    if args and args[0] == "report":
        try:
            from . import report as _report  # noqa: F401

            commands["report"] = _report.report_command
        except ImportError:
            pass
    if args and args[0] == "schema":
        try:
            from . import schema as _schema

            commands["schema"] = _schema.schema_command
        except ImportError:
            pass
    if args and args[0] in commands:
        commands[args[0]].main(args[1:], prog_name=f"okrlint {args[0]}")
    else:
        lint_command.main(args, prog_name="okrlint")
