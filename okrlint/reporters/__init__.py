"""Reporters turn diagnostics into text for people and machines. They decide nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..registry import RuleSet
from ..rule import Diagnostic

# name -> "module:function"; imported only when chosen.
FORMATS = {
    "text": "text:render",
    "json": "json:render",
    "github": "github:render",
    "sarif": "sarif:render",
    "junit": "junit:render",
    "gitlab": "gitlab:render",
}


def render(
    fmt: str,
    diagnostics: Sequence[Diagnostic],
    *,
    sources: dict[str, str],
    rules: RuleSet,
    color: bool = False,
    statistics: bool = False,
    quiet: bool = False,
) -> str:
    module, func = FORMATS[fmt].split(":")
    from importlib import import_module

    fn: Callable[..., str] = getattr(import_module(f"{__name__}.{module}"), func)
    return fn(diagnostics, sources=sources, rules=rules, color=color, statistics=statistics, quiet=quiet)
