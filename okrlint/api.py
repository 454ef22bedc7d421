"""A small Python API: lint a string or a file without the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .analysis import Analyzer
from .config import Config, Selection
from .engine import Linter
from .loader import load_path, load_text
from .registry import load_rules
from .rule import Diagnostic


def make_linter(select: Iterable[str] | None = None, ignore: Iterable[str] = (), language: str | None = None,
                config: Config | None = None) -> Linter:
    rules = load_rules()
    config = config or Config()
    selection = Selection.build(config, rules, tuple(select) if select is not None else None, tuple(ignore))
    return Linter(rules, config, selection, Analyzer(config.lexicons), language)


def lint_text(text: str, path: str = "<string>.okr.yaml", *, select: Iterable[str] | None = None,
              ignore: Iterable[str] = (), language: str | None = None, config: Config | None = None,
              linter: Linter | None = None) -> list[Diagnostic]:
    """Lint OKR source text (YAML, or Markdown when ``path`` ends in .md)."""
    linter = linter or make_linter(select, ignore, language, config)
    return linter.lint(load_text(path, text))


def lint_file(path: str | Path, **kw) -> list[Diagnostic]:
    p = Path(path)
    linter = kw.pop("linter", None) or make_linter(**kw)
    return linter.lint(load_path(p, str(path), linter.config.max_file_size))
