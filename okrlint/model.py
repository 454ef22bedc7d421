"""The typed, immutable model of an OKR file: Document → Objective → KeyResult.

Every value keeps the span of the source it came from, so any diagnostic can
point at a line and column. Loaders build this model; rules read it.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class Element(str, enum.Enum):
    FILE = "file"
    DOCUMENT = "document"
    OBJECTIVE = "objective"
    KEY_RESULT = "key_result"
    PROJECT = "project"  # every linted file at once (cross-file rules)


@dataclass(frozen=True, slots=True)
class Span:
    """1-based line and column; ``end_column`` is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> Span:
        return cls(line, column, line, column + 1)


@dataclass(frozen=True, slots=True)
class Text:
    """A string value from the source.

    ``origin`` is the (line, column) of the value's first character when the
    value stands verbatim on one source line, so a character offset inside it
    maps to an exact column; otherwise sub-spans fall back to ``span``.
    """

    value: str
    span: Span
    origin: tuple[int, int] | None = None

    def span_of(self, start: int, end: int) -> Span:
        if self.origin is None:
            return self.span
        line, col = self.origin
        end = max(end, start + 1)
        return Span(line, col + start, line, col + end)

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Field:
    """A key: value pair with the spans of both."""

    key: str
    value: Any  # str | int | float | bool | None | date | list | dict (plain Python)
    span: Span  # the value
    key_span: Span
    text: Text | None = None  # the value as a Text when it is a string


@dataclass(frozen=True, slots=True)
class Problem:
    """A schema problem found while loading (read by the OKR001 rule)."""

    kind: str  # unknown-key | wrong-type | bad-value | empty-title | missing-objectives | duplicate-key
    message: str  # English, the fallback of a translation
    span: Span
    suggestion: str = ""
    # The key of the translated message in lexicons/messages (under OKR001; the kind when empty) and its
    # placeholders, so a message in another language says the same thing, not a generic one.
    message_id: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class KeyResult:
    index: int
    title: Text | None
    fields: Mapping[str, Field]
    span: Span

    def get(self, key: str) -> Any:
        f = self.fields.get(key)
        return None if f is None else f.value


@dataclass(frozen=True, slots=True)
class Objective:
    index: int
    title: Text | None
    fields: Mapping[str, Field]
    key_results: tuple[KeyResult, ...]
    span: Span
    has_key_results: bool  # the key was present (an empty list is still "present")

    def get(self, key: str) -> Any:
        f = self.fields.get(key)
        return None if f is None else f.value


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    index: int  # YAML document number in the file (0-based)
    fields: Mapping[str, Field]
    objectives: tuple[Objective, ...]
    span: Span
    problems: tuple[Problem, ...] = ()

    def get(self, key: str) -> Any:
        f = self.fields.get(key)
        return None if f is None else f.value


@dataclass(frozen=True, slots=True)
class LoadError:
    """The file could not be read, decoded or parsed (OKR000)."""

    message: str  # English, the fallback of a translation
    span: Span
    message_id: str = "default"  # the key of the translated message under OKR000, and its placeholders
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SourceFile:
    path: str
    text: str
    documents: tuple[Document, ...] = ()
    error: LoadError | None = None
    comments: tuple[tuple[int, str], ...] = field(default=())  # (line, comment text) for suppressions

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()
