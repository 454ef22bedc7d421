"""Resolve ``aligns_to`` references across every linted file into an alignment graph.

``aligns_to: company.okr.yaml#O2`` names an objective (or key result) by file and
id, the file relative to the referring file; ``aligns_to: O2`` names an id in the
same file first, then in any linted file. The result is data: the objectives
(nodes), each reference with what it resolved to or why it did not, and the
cycles. OKR308 reports the problems; the report draws the tree. Neither re-reads
a file.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from .model import Document, Field, KeyResult, Objective, SourceFile

LEVELS = ("company", "department", "team", "individual")


@dataclass(frozen=True)
class Node:
    """One objective of one file."""

    source: SourceFile
    document: Document
    objective: Objective

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.source.path, self.document.index, self.objective.index)

    @property
    def ident(self) -> str | None:
        v = self.objective.get("id")
        return None if v is None else str(v)

    @property
    def label(self) -> str:
        """How a message names it: ``file#id``, or ``file#objective N`` when it has no id."""
        return f"{self.source.path}#{self.ident or f'objective {self.objective.index + 1}'}"

    @property
    def level(self) -> str | None:
        for v in (self.objective.get("level"), self.document.get("level")):
            if isinstance(v, str) and v.strip():
                return v.strip().lower()
        return None

    @property
    def team(self) -> str | None:
        for v in (self.objective.get("team"), self.document.get("team"), self.document.get("owner")):
            if v is not None and str(v).strip():
                return str(v).strip()
        return None

    @property
    def title(self) -> str:
        return self.objective.title.value if self.objective.title else ""


@dataclass(frozen=True)
class Reference:
    """One ``aligns_to`` value and what it resolved to."""

    node: Node  # the objective that aligns (or owns the key result that does)
    key_result: KeyResult | None
    field: Field
    raw: str
    target: Node | None = None
    problem: str = ""  # why it did not resolve; empty when resolved or not checkable
    suggestion: str = ""
    problem_id: str = ""  # the message id of the problem (OKR308 in lexicons/messages) and its params
    params: dict = field(default_factory=dict)


@dataclass
class Alignment:
    nodes: list[Node] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    cycles: list[list[Reference]] = field(default_factory=list)  # each cycle as the references that form it
    _index: tuple | None = field(default=None, repr=False, compare=False)

    def _links(self) -> tuple[dict, dict, dict]:
        """Parents, children and unresolved references per objective key, built once."""
        if self._index is None or self._index[0] != len(self.references):
            parents: dict[tuple, dict[tuple, Node]] = {}
            children: dict[tuple, dict[tuple, Node]] = {}
            unresolved: dict[tuple, list[Reference]] = {}
            for r in self.references:
                if r.target is None:
                    unresolved.setdefault(r.node.key, []).append(r)
                else:
                    parents.setdefault(r.node.key, {}).setdefault(r.target.key, r.target)
                    children.setdefault(r.target.key, {}).setdefault(r.node.key, r.node)
            self._index = (len(self.references), parents, children, unresolved)
        return self._index[1:]

    def parents(self, node: Node) -> list[Node]:
        return list(self._links()[0].get(node.key, {}).values())

    def children(self, node: Node) -> list[Node]:
        return list(self._links()[1].get(node.key, {}).values())

    def unresolved(self, node: Node) -> list[Reference]:
        return list(self._links()[2].get(node.key, ()))

    def tree(self) -> list[tuple[int, Node, bool]]:
        """Rows (depth, node, repeated) of the alignment tree, company level first.

        Every objective appears; one that sits under two parents, or inside a
        cycle, is shown again with ``repeated`` and its children are not
        expanded twice, so the tree is always finite.
        """
        rows: list[tuple[int, Node, bool]] = []
        done: set[tuple] = set()

        def visit(root: Node) -> None:
            # An explicit stack: a chain of thousands of objectives must not hit the recursion limit.
            stack = [(root, 0)]
            while stack:
                node, depth = stack.pop()
                if node.key in done:
                    rows.append((depth, node, True))
                    continue
                done.add(node.key)
                rows.append((depth, node, False))
                stack.extend((child, depth + 1) for child in sorted(self.children(node), key=_order, reverse=True))

        for node in sorted((n for n in self.nodes if not self.parents(n)), key=_order):
            visit(node)
        for node in sorted(self.nodes, key=_order):  # what only a cycle reaches
            if node.key not in done:
                visit(node)
        return rows


def _order(n: Node) -> tuple:
    return (_level_rank(n.level), n.key)


def _level_rank(level: str | None) -> int:
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


def _norm(path: str) -> str:
    return os.path.normcase(os.path.abspath(os.path.normpath(path)))


class _Index:
    def __init__(self, files: tuple[SourceFile, ...]):
        self.files = files
        self.by_path: dict[str, SourceFile] = {}
        self.nodes: list[Node] = []
        self.ids: dict[str, dict[str, Node]] = {}  # path → id → node (objective ids and key result ids)
        for src in files:
            self.by_path.setdefault(_norm(src.path), src)
            ids = self.ids.setdefault(src.path, {})
            mine = []
            for doc in src.documents:
                for obj in doc.objectives:
                    node = Node(src, doc, obj)
                    mine.append(node)
                    if node.ident is not None:
                        ids.setdefault(node.ident, node)
            self.nodes += mine
            for node in mine:
                for kr in node.objective.key_results:
                    kid = kr.get("id")
                    if kid is not None:
                        ids.setdefault(str(kid), node)

    def find_file(self, referrer: SourceFile, name: str) -> SourceFile | None:
        base = os.path.dirname(referrer.path)
        return self.by_path.get(_norm(os.path.join(base, name)))

    def similar_file(self, referrer: SourceFile, name: str) -> str | None:
        """A linted file with the same name elsewhere, as a path relative to the referrer."""
        want = os.path.basename(name)
        found = [s for s in self.files if os.path.basename(s.path) == want and s is not referrer]
        if len(found) != 1:
            return None
        rel = os.path.relpath(_norm(found[0].path), os.path.dirname(_norm(referrer.path)))
        return rel.replace(os.sep, "/")


def _values(f: Field) -> Iterator[object]:
    if isinstance(f.value, list):
        yield from f.value
    else:
        yield f.value


def _closest(ident: str, ids: dict[str, Node]) -> str:
    close = difflib.get_close_matches(ident, list(ids), n=1, cutoff=0.5)
    return close[0] if close else ""


def resolve(files: tuple[SourceFile, ...]) -> Alignment:
    index = _Index(files)
    out = Alignment(nodes=list(index.nodes))
    for node in index.nodes:
        holders: list[tuple[KeyResult | None, Field]] = []
        f = node.objective.fields.get("aligns_to")
        if f is not None:
            holders.append((None, f))
        for kr in node.objective.key_results:
            kf = kr.fields.get("aligns_to")
            if kf is not None:
                holders.append((kr, kf))
        for kr, f in holders:
            for raw in _values(f):
                out.references.append(_resolve_one(index, node, kr, f, raw))
    out.cycles = _cycles(out)
    return out


def _resolve_one(index: _Index, node: Node, kr: KeyResult | None, f: Field, raw: object) -> Reference:
    text = "" if raw is None else str(raw).strip()

    def bad(problem_id: str, problem: str, suggestion: str = "", **params: str) -> Reference:
        return Reference(node, kr, f, text, None, problem, suggestion, problem_id, {"ref": text, **params})

    if raw is None or isinstance(raw, (dict, list, bool)) or not text:
        return bad(
            "not-a-reference",
            f"aligns_to {_shown(raw)} is not a reference",
            "write 'file.okr.yaml#ID' or 'ID'",
            ref=_shown(raw),
        )
    if text.count("#") > 1:
        return bad("two-hashes", f"aligns_to '{text}' has more than one '#'", "write 'file.okr.yaml#ID' or 'ID'")
    name, _, ident = text.rpartition("#")
    name, ident = name.strip(), ident.strip()
    if not ident:
        return bad(
            "no-id",
            f"aligns_to '{text}' names a file but no objective",
            f"add the objective's id: '{name}#O1'",
            file=name,
        )
    if name:
        target_file = index.find_file(node.source, name)
        if target_file is None:
            other = index.similar_file(node.source, name)
            suggested = f"{other}#{ident}" if other else ""
            hint = (
                f"did you mean '{suggested}'? (paths are relative to this file)"
                if other
                else "fix the path (relative to this file) or lint that file too"
            )
            return bad("no-file", f"aligns_to '{text}': no linted file '{name}'", hint, file=name, suggested=suggested)
        if target_file.error is not None:
            return Reference(node, kr, f, text)  # that file's OKR000 says why; nothing to check here
        ids = index.ids.get(target_file.path, {})
        target = ids.get(ident)
        if target is None:
            close = _closest(ident, ids)
            return bad(
                "no-objective-in-file",
                f"aligns_to '{text}': {target_file.path} defines no objective '{ident}'",
                f"did you mean '{close}'?" if close else "check the id in that file",
                file=target_file.path,
                id=ident,
                suggested=close,
            )
        return Reference(node, kr, f, text, target)
    own = index.ids.get(node.source.path, {})
    if ident in own:
        return Reference(node, kr, f, text, own[ident])
    found = [(p, ids[ident]) for p, ids in index.ids.items() if ident in ids]
    if len(found) == 1:
        return Reference(node, kr, f, text, found[0][1])
    if len(found) > 1:
        where = ", ".join(sorted(p for p, _ in found))
        suggested = f"{os.path.basename(found[0][0])}#{ident}"
        return bad(
            "ambiguous",
            f"aligns_to '{text}' is ambiguous: '{ident}' is defined in {where}",
            f"name the file: '{suggested}'",
            id=ident,
            files=where,
            suggested=suggested,
        )
    every = {i: n for ids in index.ids.values() for i, n in ids.items()}
    close = _closest(ident, every)
    return bad(
        "no-objective",
        f"aligns_to '{text}': no linted file defines an objective '{ident}'",
        f"did you mean '{close}'?" if close else "fix the id, or lint the file that defines it",
        id=ident,
        suggested=close,
    )


def _cycles(al: Alignment) -> list[list[Reference]]:
    """One cycle per strongly connected group of objectives, as the references along it."""
    edges: dict[tuple, list[Reference]] = {}
    for r in al.references:
        if r.target is not None:
            edges.setdefault(r.node.key, []).append(r)
    out: list[list[Reference]] = []
    for group in _strongly_connected(edges):
        start = min(group)
        if len(group) == 1 and not any(r.target.key == start for r in edges.get(start, ())):  # type: ignore[union-attr]
            continue
        out.append(_path_back(start, group, edges))
    return sorted(out, key=lambda c: c[0].node.key)


def _strongly_connected(edges: dict[tuple, list[Reference]]) -> list[set[tuple]]:
    """Tarjan's algorithm, iterative (deep alignment chains must not hit the recursion limit)."""
    index: dict[tuple, int] = {}
    low: dict[tuple, int] = {}
    stack: list[tuple] = []
    on_stack: set[tuple] = set()
    groups: list[set[tuple]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on_stack.add(v)
            succ = [r.target.key for r in edges.get(v, ())]  # type: ignore[union-attr]
            if i < len(succ):
                work.append((v, i + 1))
                w = succ[i]
                if w not in index:
                    work.append((w, 0))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            if low[v] == index[v]:
                group = set()
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    group.add(w)
                    if w == v:
                        break
                groups.append(group)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
    return groups


def _path_back(start: tuple, group: set[tuple], edges: dict[tuple, list[Reference]]) -> list[Reference]:
    """The shortest chain of references from ``start`` back to itself inside ``group`` (BFS)."""
    came: dict[tuple, list[Reference]] = {start: []}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for r in edges.get(v, ()):
            w = r.target.key  # type: ignore[union-attr]
            if w == start:
                return came[v] + [r]
            if w in group and w not in came:
                came[w] = came[v] + [r]
                queue.append(w)
    return []  # unreachable for a strongly connected group


def _shown(raw: object) -> str:
    return "(empty)" if raw is None or raw == "" else repr(raw) if not isinstance(raw, str) else f"'{raw}'"
