"""Load OKR files into the model, keeping the line and column of every value.

YAML is composed into nodes with PyYAML's safe composer (no tag is ever
constructed or executed) and walked by hand, so every scalar keeps its marks.
Problems with the shape (unknown keys, wrong types) are recorded on the
document as data; the loader never knows which rule reports them.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import difflib
import gc
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

from .files import decode, read_path
from .model import Document, Field, KeyResult, LoadError, Objective, Problem, SourceFile, Span, Text

try:  # the C composer is several times faster; the pure one is the fallback
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

DOCUMENT_KEYS = ("okrlint", "language", "period", "due", "level", "team", "owner", "objectives", "title")
OBJECTIVE_KEYS = (
    "id",
    "title",
    "type",
    "owner",
    "aligns_to",
    "key_results",
    "period",
    "due",
    "score",
    "description",
    "team",
    "level",
)
KEY_RESULT_KEYS = (
    "id",
    "title",
    "owner",
    "baseline",
    "target",
    "current",
    "unit",
    "due",
    "score",
    "scoring",
    "description",
    "aligns_to",
)
ALIASES = {"objective": "title", "text": "title", "krs": "key_results", "results": "key_results"}
# The only values these keys may hold (OKR001 reports any other with a did-you-mean; the JSON schema's enums).
ALLOWED_VALUES: dict[str, tuple[str, ...]] = {
    "type": ("committed", "aspirational"),
    "scoring": ("spectrum", "binary"),
    "level": ("company", "team", "individual"),
    "language": ("uz", "ru", "pl", "tr", "en", "auto"),
}
MAX_NODES = 1_000_000  # values visited while building, aliases expanded: a guard against alias bombs
MAX_VALUES = 250_000  # values composed (each costs ~0.6 KB and ~6 µs in PyYAML): bounds time and memory
_INDICATORS = "\n,[{-:?"  # every YAML value but the first needs one of these before it


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Composing allocates many objects and no cycles; the collector would only rescan them (3-4x slower)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _expansion_overflow(root: yaml.Node) -> yaml.Node | None:
    """The node where expanding aliases passes MAX_NODES values, or None.

    The composer shares an aliased node instead of copying it, so the expanded
    size is counted once per distinct node (linear), before anything expands.
    """
    size: dict[int, int] = {}
    open_: set[int] = set()  # on the current path: an alias back to one of them expands forever
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in size:
            continue
        kids = _children(node)
        if done or not kids:
            size[id(node)] = 1 + sum(size[id(k)] for k in kids)
            open_.discard(id(node))
            continue
        if any(id(k) in open_ or k is node for k in kids):
            return node
        open_.add(id(node))
        stack.append((node, True))
        stack.extend((k, False) for k in kids if id(k) not in size)
    if size[id(root)] <= MAX_NODES:
        return None
    node = root
    while True:
        bigger = next((k for k in _children(node) if size[id(k)] > MAX_NODES), None)
        if bigger is None:
            return node
        node = bigger


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _value_overflow(text: str) -> Span | None:
    """Where the YAML passes MAX_VALUES values, or None; the parser's events are counted, not kept."""
    if 1 + 2 * sum(text.count(c) for c in _INDICATORS) <= MAX_VALUES:  # an upper bound, free to compute
        return None
    count = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent, yaml.AliasEvent)):
            count += 1
            if count > MAX_VALUES:
                mark = event.start_mark
                return Span.point(mark.line + 1, mark.column + 1)
    return None


class _Budget:
    def __init__(self) -> None:
        self.left = MAX_NODES

    def spend(self, node: yaml.Node) -> None:
        self.left -= 1
        if self.left < 0:
            raise _TooBig(node)


class _TooBig(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node


def load_yaml(path: str, text: str) -> SourceFile:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        head = text[: text.index("\x00")]
        return SourceFile(
            path,
            text,
            error=LoadError(
                "the file contains NUL bytes: is it binary?", Span.point(head.count("\n") + 1, 1), "binary"
            ),
        )
    try:
        crowded = _value_overflow(text)
        if crowded is not None:
            return SourceFile(
                path,
                text,
                error=LoadError(
                    f"the file holds more than {MAX_VALUES:,} YAML values; split it",
                    crowded,
                    "too-many-values",
                    {"max": MAX_VALUES},
                ),
            )
        with _gc_paused():
            nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _inside(text, mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or str(exc)
        return SourceFile(
            path,
            text,
            error=LoadError(f"invalid YAML: {what}", Span.point(line, col), "invalid-yaml", {"detail": what}),
        )
    except yaml.YAMLError as exc:
        return SourceFile(
            path, text, error=LoadError(f"invalid YAML: {exc}", Span.point(1, 1), "invalid-yaml", {"detail": str(exc)})
        )
    except RecursionError:
        return SourceFile(
            path, text, error=LoadError("the YAML nests too deeply to read", Span.point(1, 1), "too-deep")
        )
    builder = _Builder(path, text)
    docs = []
    has_alias = "*" in text
    try:
        with _gc_paused():
            for i, node in enumerate(nodes):
                if node is None:
                    continue
                # Only an alias ("*name") makes the expanded size exceed the values composed, which
                # _value_overflow already bounded below MAX_NODES: without one there is nothing to walk.
                bomb = _expansion_overflow(node) if has_alias else None
                if bomb is not None:
                    raise _TooBig(bomb)
                docs.append(builder.document(node, i))
    except _TooBig as big:
        return SourceFile(
            path,
            text,
            error=LoadError("the YAML expands to too many values (an alias bomb?)", _span(big.node), "alias-bomb"),
        )
    except RecursionError:
        return SourceFile(
            path, text, error=LoadError("the YAML nests too deeply to read", Span.point(1, 1), "too-deep")
        )
    return SourceFile(path, text, tuple(docs), comments=tuple(_comments(text)))


def _inside(text: str, line: int, col: int) -> tuple[int, int]:
    """A parser mark moved inside the file: at the end of a file with no final newline it points past it."""
    lines = text.split("\n")
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return line, min(col, len(lines[line - 1]) + 1)


_COMMENT_RE = re.compile(r"(?:^|\s)#(.*)$")


def _comments(text: str):
    for n, line in enumerate(text.split("\n"), 1):
        if "#" in line and "okrlint" in line:
            m = _COMMENT_RE.search(line)
            if m:
                yield n, m.group(1).strip()


def _span(node: yaml.Node) -> Span:
    s, e = node.start_mark, node.end_mark
    if e.line > s.line and e.column == 0:
        # A block node ends at the start of the next line; keep it on its last line.
        return Span(s.line + 1, s.column + 1, e.line, 10_000)
    return Span(
        s.line + 1, s.column + 1, e.line + 1, max(e.column + 1, s.column + 2) if e.line == s.line else e.column + 1
    )


def value_problem(f: Field) -> Problem | None:
    """A value outside the ones the format allows for its key (``type: comitted``), with a did-you-mean."""
    allowed = ALLOWED_VALUES.get(f.key)
    if allowed is None or f.value is None or f.value in allowed:
        return None
    shown = str(f.value).lower() if isinstance(f.value, bool) else str(f.value)
    close = difflib.get_close_matches(shown.strip().lower(), allowed, n=1, cutoff=0.6)
    choices = ", ".join(allowed[:-1]) + " or " + allowed[-1]
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return Problem(
        "bad-value",
        f"'{f.key}' must be {choices}, not '{shown}'{hint}",
        f.span,
        close[0] if close else "",
        "bad-value",
        {"key": f.key, "value": shown, "allowed": ", ".join(allowed), "suggestion": close[0] if close else ""},
    )


_TYPE_NAMES = {
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true or false",
    list: "a list",
    dict: "a mapping",
    type(None): "empty",
    _dt.date: "a date",
    _dt.datetime: "a date",
}


class _Builder:
    def __init__(self, path: str, text: str):
        self.path = path
        self.source = text
        self.budget = _Budget()
        self.problems: list[Problem] = []

    # -- values -------------------------------------------------------------
    def value(self, node: yaml.Node) -> Any:
        """Plain Python value of a node (safe: only core tags are resolved)."""
        self.budget.spend(node)
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(n) for n in node.value]
        out = {}
        for k, v in node.value:
            key = self.value(k)
            out[str(key) if not isinstance(key, (str, int, float, bool)) else key] = self.value(v)
        return out

    def text(self, node: yaml.Node) -> Text | None:
        if not isinstance(node, yaml.ScalarNode):
            return None
        value = _scalar(node)
        if value is None:
            return None
        s = str(value) if not isinstance(value, str) else value
        span = _span(node)
        origin = None
        if "\n" not in s and node.start_mark.index is not None:
            raw = self.source[node.start_mark.index : node.end_mark.index]
            at = raw.find(s)
            if at >= 0 and "\n" not in raw[:at]:
                origin = (span.line, span.column + at)
                span = Span(span.line, span.column + at, span.line, span.column + at + len(s))
        return Text(s, span, origin)

    def fields(
        self, node: yaml.MappingNode, allowed: tuple[str, ...], where: str
    ) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for knode, vnode in node.value:
            self.budget.spend(knode)
            raw_key = _scalar(knode) if isinstance(knode, yaml.ScalarNode) else None
            if not isinstance(raw_key, str):
                self.problem(
                    "wrong-type",
                    f"{where} keys must be strings, not {self.shown(knode)}",
                    _span(knode),
                    message_id="key-not-string",
                )
                continue
            key = ALIASES.get(raw_key, raw_key)
            if key.startswith("x-"):
                continue
            if key not in allowed:
                close = difflib.get_close_matches(raw_key, list(allowed) + list(ALIASES), n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}"
                self.problem(
                    "unknown-key",
                    f"unknown key '{raw_key}' in {where}; {hint}",
                    _span(knode),
                    close[0] if close else "",
                )
                continue
            if key in out:
                self.problem(
                    "duplicate-key",
                    f"duplicate key '{raw_key}' in {where} (the first one is on line "
                    f"{out[key][0].start_mark.line + 1}); remove one",
                    _span(knode),
                )
                continue
            out[key] = (knode, vnode)
        return out

    def problem(
        self,
        kind: str,
        message: str,
        span: Span,
        suggestion: str = "",
        *,
        message_id: str = "",
        params: dict[str, Any] | None = None,
    ) -> None:
        self.problems.append(Problem(kind, message, span, suggestion, message_id, params or {}))

    def shown(self, node: yaml.Node) -> str:
        if isinstance(node, yaml.MappingNode):
            return "a mapping"
        if isinstance(node, yaml.SequenceNode):
            return "a list"
        return _TYPE_NAMES.get(type(_scalar(node)), "a value")

    def make_fields(self, pairs: dict[str, tuple[yaml.Node, yaml.Node]], skip: tuple[str, ...]) -> dict[str, Field]:
        out = {}
        for key, (knode, vnode) in pairs.items():
            if key in skip:
                continue
            out[key] = Field(key, self.value(vnode), _span(vnode), _span(knode), self.text(vnode))
            bad = value_problem(out[key])
            if bad is not None:
                self.problems.append(bad)
        return out

    # -- structure ----------------------------------------------------------
    def document(self, node: yaml.Node, index: int) -> Document:
        self.problems = []
        self.budget.spend(node)
        objectives: tuple[Objective, ...] = ()
        fields: dict[str, Field] = {}
        if isinstance(node, yaml.SequenceNode):  # a bare list of objectives
            objectives = self.objectives(node)
        elif isinstance(node, yaml.MappingNode):
            pairs = self.fields(node, DOCUMENT_KEYS, "the document")
            fields = self.make_fields(pairs, ("objectives",))
            if "objectives" in pairs:
                knode, vnode = pairs["objectives"]
                if isinstance(vnode, yaml.SequenceNode):
                    objectives = self.objectives(vnode)
                elif not (isinstance(vnode, yaml.ScalarNode) and _scalar(vnode) is None):
                    self.problem(
                        "wrong-type",
                        f"'objectives' must be a list of objectives, not {self.shown(vnode)}",
                        _span(vnode),
                        message_id="objectives-not-list",
                    )
            else:
                self.problem(
                    "missing-objectives",
                    "the document has no 'objectives' list; add one",
                    Span.point(node.start_mark.line + 1, node.start_mark.column + 1),
                )
        elif isinstance(node, yaml.ScalarNode) and _scalar(node) is None:
            pass
        else:
            self.problem(
                "wrong-type",
                f"an OKR document must be a mapping with 'objectives' or a list of objectives, not {self.shown(node)}",
                _span(node),
                message_id="document-not-mapping",
            )
        return Document(self.path, index, fields, objectives, _span(node), tuple(self.problems))

    def objectives(self, seq: yaml.SequenceNode) -> tuple[Objective, ...]:
        out = []
        for i, item in enumerate(seq.value):
            self.budget.spend(item)
            out.append(self.objective(item, i))
        return tuple(out)

    def objective(self, node: yaml.Node, index: int) -> Objective:
        if isinstance(node, yaml.ScalarNode):
            title = self.title(node, "objective")
            return Objective(index, title, {}, (), _span(node), False)
        if not isinstance(node, yaml.MappingNode):
            self.problem(
                "wrong-type",
                f"an objective must be a mapping with a 'title', not {self.shown(node)}",
                _span(node),
                message_id="objective-not-mapping",
            )
            return Objective(index, None, {}, (), _span(node), False)
        pairs = self.fields(node, OBJECTIVE_KEYS, "an objective")
        fields = self.make_fields(pairs, ("key_results", "title"))
        title = self.title(pairs["title"][1], "objective") if "title" in pairs else None
        if "title" not in pairs:
            self.problem("empty-title", "the objective has no 'title'; add one", _span(node))
        krs: tuple[KeyResult, ...] = ()
        has_krs = "key_results" in pairs
        if has_krs:
            vnode = pairs["key_results"][1]
            if isinstance(vnode, yaml.SequenceNode):
                krs = tuple(self.key_result(n, i) for i, n in enumerate(vnode.value))
            elif not (isinstance(vnode, yaml.ScalarNode) and _scalar(vnode) is None):
                self.problem(
                    "wrong-type",
                    f"'key_results' must be a list, not {self.shown(vnode)}",
                    _span(vnode),
                    message_id="key-results-not-list",
                )
        return Objective(index, title, fields, krs, _span(node), has_krs)

    def key_result(self, node: yaml.Node, index: int) -> KeyResult:
        self.budget.spend(node)
        if isinstance(node, yaml.ScalarNode):
            return KeyResult(index, self.title(node, "key result"), {}, _span(node))
        if not isinstance(node, yaml.MappingNode):
            self.problem(
                "wrong-type",
                f"a key result must be a string or a mapping, not {self.shown(node)}",
                _span(node),
                message_id="key-result-not-mapping",
            )
            return KeyResult(index, None, {}, _span(node))
        pairs = self.fields(node, KEY_RESULT_KEYS, "a key result")
        fields = self.make_fields(pairs, ("title",))
        title = self.title(pairs["title"][1], "key result") if "title" in pairs else None
        if "title" not in pairs:
            self.problem("empty-title", "the key result has no 'title'; add one", _span(node))
        return KeyResult(index, title, fields, _span(node))

    def title(self, node: yaml.Node, what: str) -> Text | None:
        if not isinstance(node, yaml.ScalarNode):
            self.problem(
                "wrong-type",
                f"the {what} title must be a string, not {self.shown(node)}",
                _span(node),
                message_id="title-not-string",
            )
            return None
        value = _scalar(node)
        if value is None or (isinstance(value, str) and not value.strip()):
            self.problem("empty-title", f"the {what} title is empty; write what it is", _span(node))
            return None
        if not isinstance(value, str):
            self.problem(
                "wrong-type",
                f"the {what} title must be text, not {self.shown(node)}; quote it",
                _span(node),
                message_id="title-not-text",
            )
        return self.text(node)


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TS = "tag:yaml.org,2002:timestamp"
_resolver = yaml.SafeLoader  # used only for its constructors of core scalar tags
_CONSTRUCT: dict[str, Callable[[yaml.SafeLoader, yaml.ScalarNode], Any]] = {
    _INT: yaml.SafeLoader.construct_yaml_int,
    _FLOAT: yaml.SafeLoader.construct_yaml_float,
    _BOOL: yaml.SafeLoader.construct_yaml_bool,
    _NULL: yaml.SafeLoader.construct_yaml_null,
    _TS: yaml.SafeLoader.construct_yaml_timestamp,
}


def _scalar(node: yaml.ScalarNode) -> Any:
    """A core-schema scalar; any other tag (including !!python/…) stays a string."""
    fn = _CONSTRUCT.get(node.tag)
    if fn is None:
        return node.value
    try:
        return fn(_DUMMY, node)
    except Exception:  # noqa: BLE001 - a malformed core scalar is just text
        return node.value


class _Dummy(yaml.SafeLoader):
    def __init__(self) -> None:  # no stream: only the scalar constructors are used
        pass


_DUMMY = _Dummy()


def load_path(path: Path, display: str, max_size: int) -> SourceFile:
    """Read, decode and parse one file; every failure becomes a LoadError."""
    data, err = read_path(path, max_size)
    if data is None:
        return SourceFile(display, "", error=err)
    return load_bytes(display, data)


def load_bytes(display: str, data: bytes) -> SourceFile:
    text, err = decode(data)
    if err is not None or text is None:
        return SourceFile(display, "", error=err)
    return load_text(display, text)


def load_text(display: str, text: str) -> SourceFile:
    if display.lower().endswith((".md", ".markdown")):
        from .markdown import load_markdown

        return load_markdown(display, text)
    return load_yaml(display, text)


def as_date(value: Any) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    return None
