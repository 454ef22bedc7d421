"""What a rule module declares, and what it yields.

A rule is a module with ``META = Rule(...)`` and ``check(element, ctx)``, a
generator of :class:`Finding`. The engine turns findings into
:class:`Diagnostic` (path, severity, language, indexes) so rules stay small.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .model import Element, Span


class Severity(str, enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(frozen=True)
class Option:
    type: type | tuple[type, ...]
    default: Any
    help: str = ""
    choices: tuple[Any, ...] = ()  # for list options: the allowed items

    def type_name(self) -> str:
        types = self.type if isinstance(self.type, tuple) else (self.type,)
        names = {int: "integer", float: "number", bool: "true/false", str: "string", list: "list"}
        return " or ".join(names.get(t, t.__name__) for t in types)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    applies_to: Element | tuple[Element, ...]
    summary: str
    why: str = ""
    options: Mapping[str, Option] = field(default_factory=dict)
    bad: tuple[str, ...] = ()
    good: tuple[str, ...] = ()
    # Rules whose finding on the same element makes this one redundant (OKR105 yields to OKR101/OKR104/OKR310).
    yields_to: tuple[str, ...] = ()
    # True for rules that read the wording (they need a language analysis).
    reads_text: bool = False
    # Every ``message_id`` the rule's findings may carry: each needs an entry in every message catalogue.
    message_ids: tuple[str, ...] = ("default",)

    @property
    def elements(self) -> tuple[Element, ...]:
        return self.applies_to if isinstance(self.applies_to, tuple) else (self.applies_to,)


@dataclass(frozen=True)
class Finding:
    """What a rule reports: where, what, and optionally how to fix it."""

    span: Span
    message: str
    suggestion: str = ""
    severity: Severity | None = None  # overrides the rule's default (e.g. OKR301 error vs info)
    language: str | None = None
    words: tuple[str, ...] = ()  # the offending words, for messages in other languages
    # PROJECT rules only (they see every file): which file and element the finding is about.
    path: str | None = None
    element: Element | None = None
    objective_index: int | None = None
    key_result_index: int | None = None
    # The message's key in lexicons/messages/<lang>.yaml (under the rule's code) and its
    # placeholders; ``message``/``suggestion`` above stay the English text and the fallback.
    message_id: str = "default"
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    message: str
    suggestion: str = ""
    language: str | None = None
    element: str = "document"
    objective_index: int | None = None
    key_result_index: int | None = None

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.end_line, self.end_column, self.message)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "language": self.language,
            "message": self.message,
            "suggestion": self.suggestion,
            "element": self.element,
            "objective_index": self.objective_index,
            "key_result_index": self.key_result_index,
        }


def finding(span: Span, message: str, suggestion: str = "", **kw: Any) -> Finding:
    return Finding(span, message, suggestion, **kw)


Findings = Iterable[Finding]
