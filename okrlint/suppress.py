"""Inline suppression comments: parse them, apply them, and say which were unused.

Written in YAML comments or Markdown HTML comments::

    # okrlint: disable=OKR104,weak-verb          this line
    # okrlint: disable-next-line=OKR104          the next line
    # okrlint: disable-file=OKR303               the whole file
    <!-- okrlint: disable=OKR104 -->             Markdown

Rules are named by code, name or prefix (as with ``--select``). A directive
okrlint cannot read is not ignored: it becomes a finding of OKR003; a rule a
directive names that silenced nothing is reported by OKR004 under
``--report-unused-disables``, as ruff's RUF100 does for ``# noqa``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .model import SourceFile, Span
from .registry import RuleSet
from .rule import Diagnostic

KINDS = ("disable", "disable-next-line", "disable-file")
_DIRECTIVE = re.compile(r"^\s*okrlint\s*:\s*(?P<body>.*?)\s*(?:-->)?\s*$", re.IGNORECASE)
_BODY = re.compile(r"^(?P<kind>[a-z][a-z-]*)\s*(?:=\s*(?P<list>.*?))?\s*$", re.IGNORECASE)
_SELECTOR = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")


@dataclass(frozen=True)
class Selector:
    text: str  # as written: OKR104, weak-verb, OKR1
    codes: frozenset[str]
    span: Span


@dataclass
class Directive:
    kind: str  # disable | disable-next-line | disable-file
    line: int  # the line it applies to (0 for the whole file)
    selectors: tuple[Selector, ...]
    span: Span  # the comment
    used: set[str] = field(default_factory=set)  # selector texts that silenced something

    def matches(self, d: Diagnostic) -> Selector | None:
        if self.line and d.line != self.line:
            return None
        return next((s for s in self.selectors if d.code in s.codes), None)


@dataclass(frozen=True)
class Malformed:
    """A directive okrlint cannot read (OKR003)."""

    message: str
    span: Span
    suggestion: str = ""
    message_id: str = "default"
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Unused:
    """A rule a directive names that silenced nothing (OKR004)."""

    selector: Selector
    kind: str


@dataclass(frozen=True)
class SuppressionReport:
    """What OKR004 reads after suppressions were applied to one file."""

    source: SourceFile
    unused: tuple[Unused, ...]


def parse(source: SourceFile, rules: RuleSet) -> tuple[list[Directive], list[Malformed]]:
    """The directives of a file, and the malformed ones."""
    lines = source.text.split("\n")
    directives: list[Directive] = []
    bad: list[Malformed] = []
    for line_no, comment in source.comments:
        m = _DIRECTIVE.match(comment)
        if not m:
            continue  # a comment that only mentions okrlint
        row = lines[line_no - 1] if 0 < line_no <= len(lines) else comment
        col = max(row.find(comment.strip()), 0) + 1
        span = Span(line_no, col, line_no, col + len(comment.strip()))
        body = m.group("body")
        body_col = col + comment.strip().find(body) if body else col
        parsed = _BODY.match(body)
        if not parsed or parsed.group("kind").lower() not in KINDS:
            word = parsed.group("kind") if parsed else body
            close = difflib.get_close_matches(str(word).lower(), KINDS, n=1, cutoff=0.6)
            bad.append(
                Malformed(
                    f"'{body}' is not a suppression okrlint understands; write okrlint: disable=CODE, "
                    f"disable-next-line=CODE or disable-file=CODE",
                    span,
                    f"did you mean '{close[0]}'?" if close else "",
                    "syntax",
                    {"text": body, "close": close[0] if close else ""},
                )
            )
            continue
        kind = parsed.group("kind").lower()
        raw_list = parsed.group("list")
        if raw_list is None or not raw_list.strip():
            bad.append(
                Malformed(
                    f"'{kind}' names no rule; write {kind}=OKR104 (codes or names, comma-separated)",
                    span,
                    "",
                    "no-rules",
                    {"kind": kind},
                )
            )
            continue
        selectors = []
        list_at = body_col - 1 + body.find(raw_list)
        for item in raw_list.split(","):
            text = item.strip()
            if not text:
                continue
            at = row.find(text, list_at)
            item_span = Span(line_no, at + 1, line_no, at + 1 + len(text)) if at >= 0 else span
            codes = frozenset(rules.resolve(text)) if _SELECTOR.match(text) else frozenset()
            if not codes:
                close = difflib.get_close_matches(text, rules.names(), n=1, cutoff=0.6)
                bad.append(
                    Malformed(
                        f"'{text}' in the suppression matches no rule; use a code (OKR104), a name (binary-kr) or a "
                        "prefix (OKR1)",
                        item_span,
                        f"did you mean '{close[0]}'?" if close else "`okrlint rules` lists them",
                        "unknown-rule",
                        {"text": text, "close": close[0] if close else ""},
                    )
                )
                continue
            selectors.append(Selector(text, codes, item_span))
        if selectors:
            target = {"disable": line_no, "disable-next-line": line_no + 1, "disable-file": 0}[kind]
            directives.append(Directive(kind, target, tuple(selectors), span))
    return directives, bad


def apply(
    diagnostics: Iterable[Diagnostic], directives: Sequence[Directive], unsuppressible: frozenset[str] = frozenset()
) -> list[Diagnostic]:
    """The diagnostics no directive silences; marks each directive's selectors that were used."""
    kept = []
    for d in diagnostics:
        if d.code in unsuppressible:
            kept.append(d)
            continue
        hit = None
        for directive in directives:
            selector = directive.matches(d)
            if selector is not None:
                directive.used.add(selector.text)
                hit = selector
        if hit is None:
            kept.append(d)
    return kept


def unused(directives: Sequence[Directive]) -> tuple[Unused, ...]:
    return tuple(Unused(s, d.kind) for d in directives for s in d.selectors if s.text not in d.used)
