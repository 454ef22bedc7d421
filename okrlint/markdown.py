"""Load Markdown OKRs (``*.okr.md``) into the same model as YAML, with exact positions.

The file is parsed with markdown-it-py (CommonMark), never with regexes over
lines: a level-2 heading is an objective, the top-level items of the lists
under it are its key results, ``key: value`` lines (or a trailing
``(owner: …)``) carry fields, and a ``---`` YAML front matter carries the
document's fields. Every title keeps the line and column of its first
character in the Markdown source, so diagnostics point inside the ``.md`` file.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .loader import ALIASES, DOCUMENT_KEYS, KEY_RESULT_KEYS, OBJECTIVE_KEYS, load_yaml, value_problem
from .model import Document, Field, KeyResult, Objective, Problem, SourceFile, Span, Text

# "Objective:", "O1:", "Цель 2:", "Cel:", "Hedef:", "Maqsad:", "Мақсад:" … before an objective's title.
_OBJECTIVE_PREFIX = re.compile(
    r"^(?:(?:objective|цель|cel|hedef|maqsad|мақсад|o)\s*(?P<id>\d+)?|(?P<oid>O\d+))\s*[:.)—–-]\s+", re.IGNORECASE
)
# "KR:", "KR1:", "КР:", "KR 2.", "Key result:" … before a key result's title; "[ ]" / "[x]" task boxes too.
_KR_PREFIX = re.compile(
    r"^(?:\[[ xX]\]\s+)?(?:(?P<kr>kr|кр|key\s+result)\s*(?P<id>\d+(?:\.\d+)?)?\s*[:.)—–-]\s+)?", re.IGNORECASE
)
_FIELD_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>\S.*?)\s*$")
_TRAILING_FIELDS = re.compile(r"\s*\((?P<body>[A-Za-z_][\w-]*\s*:[^()]*)\)\s*$")
_COMMENT = re.compile(r"<!--\s*(okrlint\s*:.*?)\s*-->", re.IGNORECASE)
_MD = MarkdownIt("commonmark")


@dataclass
class _Item:
    """A key result (or objective) being assembled: title and fields with spans."""

    title: Text | None = None
    fields: dict[str, Field] = field(default_factory=dict)
    first_line: int = 0
    last_line: int = 0


@dataclass
class _Section:
    heading: _Item
    krs: list[_Item] = field(default_factory=list)
    has_list: bool = False


def load_markdown(display: str, text: str) -> SourceFile:
    """Parse a Markdown OKR file into a :class:`SourceFile` with one document."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    return _MarkdownBuilder(display, text).build()


class _MarkdownBuilder:
    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text
        self.lines = text.split("\n")
        self.problems: list[Problem] = []
        self.doc_fields: dict[str, Field] = {}

    # -- entry ----------------------------------------------------------------
    def build(self) -> SourceFile:
        body_start = self._front_matter()
        masked = "\n".join("" if i < body_start else line for i, line in enumerate(self.lines))
        tokens = _MD.parse(masked)
        sections = self._sections(tokens)
        objectives = tuple(self._objective(i, s) for i, s in enumerate(sections))
        if not sections:
            self.problems.append(
                Problem(
                    "missing-objectives",
                    "the Markdown file has no objectives: write each one as a level-2 heading "
                    "(## Objective: …) with its key results as a list below it",
                    Span.point(1, 1),
                    message_id="missing-objectives-markdown",
                )
            )
        last = max(len(self.lines), 1)
        doc = Document(
            self.path,
            0,
            self.doc_fields,
            objectives,
            Span(1, 1, last, len(self.lines[-1]) + 1),
            tuple(sorted(self.problems, key=lambda p: (p.span.line, p.span.column))),
        )
        return SourceFile(self.path, self.text, (doc,), comments=tuple(self._comments(tokens)))

    # -- front matter ---------------------------------------------------------
    def _front_matter(self) -> int:
        """Read a leading ``---`` YAML block into document fields; the index of the first body line."""
        if not self.lines or self.lines[0].strip() != "---":
            return 0
        end = next((i for i in range(1, len(self.lines)) if self.lines[i].strip() in ("---", "...")), None)
        if end is None:
            return 0
        # Keep every line where it is, blanking the rest, so YAML positions are Markdown positions.
        yaml_text = "\n".join(line if 0 < i < end else "" for i, line in enumerate(self.lines))
        loaded = load_yaml(self.path, yaml_text)
        if loaded.error is not None:
            self.problems.append(
                Problem(
                    "wrong-type",
                    f"the front matter is not valid YAML: {loaded.error.message}",
                    loaded.error.span,
                    message_id="front-matter-invalid",
                    params={"detail": loaded.error.message},
                )
            )
        for doc in loaded.documents[:1]:
            self.doc_fields.update(doc.fields)
            self.problems.extend(p for p in doc.problems if p.kind != "missing-objectives")
            if doc.objectives:
                self.problems.append(
                    Problem(
                        "wrong-type",
                        "write objectives as level-2 headings, not in the front matter",
                        doc.objectives[0].span,
                        message_id="objectives-in-front-matter",
                    )
                )
        return end + 1

    # -- structure ------------------------------------------------------------
    def _sections(self, tokens: list[Token]) -> list[_Section]:
        sections: list[_Section] = []
        list_depth = 0
        item_depth = 0  # nesting of list items
        current_kr: _Item | None = None
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.type == "heading_open":
                inline = tokens[i + 1]
                if tok.tag == "h2":
                    sections.append(_Section(self._heading(inline)))
                    current_kr = None
                elif tok.tag == "h1" and not sections and "title" not in self.doc_fields:
                    title = self._line_text(inline.map[0] if inline.map else 0, inline.content)
                    if title is not None:
                        self.doc_fields["title"] = Field("title", title.value, title.span, title.span, title)
                i += 3
                continue
            if tok.type in ("bullet_list_open", "ordered_list_open"):
                list_depth += 1
                if list_depth == 1 and sections:
                    sections[-1].has_list = True
            elif tok.type in ("bullet_list_close", "ordered_list_close"):
                list_depth -= 1
            elif tok.type == "list_item_open":
                item_depth += 1
                if item_depth == 1 and sections:
                    current_kr = _Item(
                        first_line=(tok.map[0] + 1) if tok.map else 0, last_line=tok.map[1] if tok.map else 0
                    )
                    sections[-1].krs.append(current_kr)
            elif tok.type == "list_item_close":
                item_depth -= 1
            elif tok.type == "inline" and tok.map:
                self._paragraph(tok, sections, current_kr if item_depth >= 1 else None, item_depth)
            i += 1
        return sections

    def _paragraph(self, inline: Token, sections: list[_Section], kr: _Item | None, depth: int) -> None:
        """A paragraph: a KR's title and fields, or field lines of the objective or document."""
        start = inline.map[0]
        rows = inline.content.split("\n")
        if kr is not None and depth == 1 and kr.title is None:
            title_rows = []
            for row in rows:
                if title_rows and (self._is_field(row, KEY_RESULT_KEYS) or _misspelt(row, KEY_RESULT_KEYS)):
                    break
                title_rows.append(row)
            kr.title = self._kr_title(start, title_rows, kr.fields)
            self._field_lines(start + len(title_rows), rows[len(title_rows) :], KEY_RESULT_KEYS, kr.fields)
            return
        if kr is not None:  # nested list items or later paragraphs of a KR: its fields
            self._field_lines(start, rows, KEY_RESULT_KEYS, kr.fields)
            return
        if sections:
            self._field_lines(start, rows, OBJECTIVE_KEYS, sections[-1].heading.fields)
        else:
            self._field_lines(start, rows, DOCUMENT_KEYS, self.doc_fields)

    def _heading(self, inline: Token) -> _Item:
        line0 = inline.map[0] if inline.map else 0
        item = _Item(first_line=line0 + 1, last_line=line0 + 1)
        title = self._line_text(line0, inline.content)
        if title is None:
            self.problems.append(
                Problem("empty-title", "the objective heading is empty; write the objective", Span.point(line0 + 1, 1))
            )
            return item
        m = _OBJECTIVE_PREFIX.match(title.value)
        if m:
            group = "oid" if m.group("oid") else "id"
            if m.group(group):
                ident = m.group("oid") or f"O{m.group('id')}"
                where = _sub(title, 0, m.end(group))
                item.fields["id"] = Field("id", ident, where.span, where.span, Text(ident, where.span, None))
            title = _sub(title, m.end(), len(title.value))
        title = self._trailing_fields(_without_comments(title), OBJECTIVE_KEYS, item.fields)
        if not title.value.strip():
            self.problems.append(
                Problem(
                    "empty-title", "the objective heading has no text after its label; write the objective", title.span
                )
            )
            return item
        item.title = title
        return item

    def _kr_title(self, start: int, rows: list[str], fields: dict[str, Field]) -> Text | None:
        title = self._line_text(start, rows[0]) if len(rows) == 1 else self._multiline(start, rows)
        if title is None:
            return None
        m = _KR_PREFIX.match(title.value)
        if m and m.end():
            if m.group("id"):
                ident = f"KR{m.group('id')}"
                where = _sub(title, m.start("kr"), m.end("id"))
                fields["id"] = Field("id", ident, where.span, where.span, Text(ident, where.span, None))
            title = _sub(title, m.end(), len(title.value))
        title = self._trailing_fields(_without_comments(title), KEY_RESULT_KEYS, fields)
        if not title.value.strip():
            self.problems.append(
                Problem("empty-title", "the key result has no text; write what will change", title.span)
            )
            return None
        return title

    # -- fields ---------------------------------------------------------------
    @staticmethod
    def _is_field(row: str, allowed: tuple[str, ...]) -> bool:
        m = _FIELD_LINE.match(row.strip())
        if not m:
            return False
        key = ALIASES.get(m.group("key").lower(), m.group("key").lower())
        return key in allowed or key.startswith("x-")

    def _field_lines(self, start: int, rows: list[str], allowed: tuple[str, ...], into: dict[str, Field]) -> None:
        for offset, row in enumerate(rows):
            line_no = start + offset
            m = _FIELD_LINE.match(row.strip())
            if not m:
                continue
            if not self._is_field(row, allowed):
                self._misspelt_key(line_no, m.group("key"), allowed)
                continue
            source = self.lines[line_no] if line_no < len(self.lines) else row
            key_col = source.find(m.group("key"))
            val_col = source.find(m.group("value"), key_col + len(m.group("key")))
            if key_col < 0 or val_col < 0:
                continue
            key_span = Span(line_no + 1, key_col + 1, line_no + 1, key_col + 1 + len(m.group("key")))
            value = m.group("value")
            text = Text(
                value, Span(line_no + 1, val_col + 1, line_no + 1, val_col + 1 + len(value)), (line_no + 1, val_col + 1)
            )
            self._put(m.group("key"), value, text, key_span, allowed, into)

    def _misspelt_key(self, line0: int, key: str, allowed: tuple[str, ...]) -> None:
        """``onwer: Jan`` is a misspelt field, not prose: report it as YAML would (OKR001)."""
        close = _misspelt(f"{key}: -", allowed)
        if not close:
            return
        col = self.lines[line0].find(key) + 1
        self.problems.append(
            Problem(
                "unknown-key",
                f"unknown field '{key}'; did you mean '{close}'?",
                Span(line0 + 1, col, line0 + 1, col + len(key)),
                close,
            )
        )

    def _trailing_fields(self, title: Text, allowed: tuple[str, ...], into: dict[str, Field]) -> Text:
        """Strip a trailing ``(owner: Jan, due: 2026-03-31)`` from a title into fields."""
        m = _TRAILING_FIELDS.search(title.value)
        if not m:
            return title
        parts = re.split(r"[,;]\s*(?=[A-Za-z_][\w-]*\s*:)", m.group("body"))
        if not all(self._is_field(p, allowed) for p in parts):
            return title
        at = m.start("body")
        for part in parts:
            pm = _FIELD_LINE.match(part.strip())
            k_at = title.value.find(pm.group("key"), at)
            v_at = title.value.find(pm.group("value"), k_at + len(pm.group("key")))
            value_text = _sub(title, v_at, v_at + len(pm.group("value")))
            key_span = _sub(title, k_at, k_at + len(pm.group("key"))).span
            self._put(pm.group("key"), pm.group("value"), value_text, key_span, allowed, into)
            at = v_at + len(pm.group("value"))
        return _sub(title, 0, m.start())

    def _put(
        self, raw_key: str, raw_value: str, text: Text, key_span: Span, allowed: tuple[str, ...], into: dict[str, Field]
    ) -> None:
        key = ALIASES.get(raw_key.lower(), raw_key.lower())
        if key.startswith("x-") or key not in allowed:
            return
        if key in into:
            self.problems.append(
                Problem(
                    "duplicate-key",
                    f"duplicate field '{raw_key}' (the first one is on line {into[key].key_span.line}); remove one",
                    key_span,
                )
            )
            return
        into[key] = self._field(key, raw_value, text, Text(raw_key, key_span, None))
        bad = value_problem(into[key])
        if bad is not None:
            self.problems.append(bad)

    @staticmethod
    def _field(key: str, raw: str, text: Text, key_text: Text) -> Field:
        return Field(key, _typed(raw), text.span, key_text.span, text)

    # -- text positions -------------------------------------------------------
    def _line_text(self, line0: int, content: str) -> Text | None:
        """``content`` as it stands on source line ``line0`` (0-based), with its exact origin."""
        content = content.strip()
        if not content:
            return None
        source = self.lines[line0] if line0 < len(self.lines) else ""
        lead = re.match(r"\s*(?:#{1,6}\s+|(?:[-*+]|\d+[.)])\s+)?", source)
        col = source.find(content, lead.end() if lead else 0)
        if col < 0:
            col = source.find(content)
        if col < 0:  # escapes or entities changed the text: point at the line
            return Text(content, Span(line0 + 1, 1, line0 + 1, max(len(source), 1) + 1), None)
        return Text(content, Span(line0 + 1, col + 1, line0 + 1, col + 1 + len(content)), (line0 + 1, col + 1))

    def _multiline(self, start: int, rows: list[str]) -> Text | None:
        first = self._line_text(start, rows[0])
        if first is None:
            return None
        value = " ".join(r.strip() for r in rows)
        last_line = start + len(rows)
        last_src = self.lines[last_line - 1] if last_line - 1 < len(self.lines) else ""
        return Text(value, Span(first.span.line, first.span.column, last_line, len(last_src.rstrip()) + 1), None)

    def _objective(self, index: int, section: _Section) -> Objective:
        heading = section.heading
        for kr in section.krs:
            if kr.title is None and not any(p.span.line == kr.first_line for p in self.problems):
                self.problems.append(
                    Problem(
                        "empty-title", "the key result is empty; write what will change", Span.point(kr.first_line, 1)
                    )
                )
        krs = tuple(
            KeyResult(i, kr.title, kr.fields, Span(kr.first_line, 1, max(kr.last_line, kr.first_line), 10_000))
            for i, kr in enumerate(section.krs)
        )
        end = max([heading.first_line] + [kr.span.end_line for kr in krs])
        return Objective(
            index, heading.title, heading.fields, krs, Span(heading.first_line, 1, end, 10_000), section.has_list
        )

    # -- suppression comments -------------------------------------------------
    def _comments(self, tokens: list[Token]):
        """``(line, "okrlint: …")`` for every ``<!-- okrlint: … -->`` outside code blocks."""
        code_lines = set()
        for tok in tokens:
            if tok.type in ("fence", "code_block") and tok.map:
                code_lines.update(range(tok.map[0], tok.map[1]))
        for n, line in enumerate(self.lines):
            if n in code_lines or "okrlint" not in line:
                continue
            for m in _COMMENT.finditer(line):
                yield n + 1, m.group(1).strip()


def _sub(text: Text, start: int, end: int) -> Text:
    """The part ``[start:end]`` of a one-line text, stripped, keeping exact positions."""
    part = text.value[start:end]
    lead = len(part) - len(part.lstrip())
    part = part.strip()
    start += lead
    if text.origin is None:
        return Text(part, text.span, None)
    span = text.span_of(start, start + len(part))
    return Text(part, span, (span.line, span.column))


def _misspelt(row: str, allowed: tuple[str, ...]) -> str:
    """The known key a ``key: value`` row's key is a likely typo of ("onwer" → "owner"), else ""."""
    m = _FIELD_LINE.match(row.strip())
    if not m:
        return ""
    close = difflib.get_close_matches(m.group("key").lower(), list(allowed) + list(ALIASES), n=1, cutoff=0.8)
    return close[0] if close else ""


def _without_comments(text: Text) -> Text:
    """A title without its trailing ``<!-- … -->`` comments (suppressions live there)."""
    m = re.search(r"(?:\s*<!--.*?-->)+\s*$", text.value)
    return _sub(text, 0, m.start()) if m else text


def _typed(raw: str) -> Any:
    """A field value as YAML would read it (numbers, dates, booleans), else the string."""
    try:
        value = yaml.safe_load(raw)
    except yaml.YAMLError:
        return raw
    return value if isinstance(value, (str, int, float, bool)) or hasattr(value, "isoformat") else raw
