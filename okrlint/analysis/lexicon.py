"""Lexicons: per-language data that maps concepts to lemmas.

A lexicon is a YAML file (``lexicons/<lang>.yaml``). Concept entries are written
in dictionary form ("попробовать", "harakat qilish", "postarać się") and are
lemmatised by the language's own analyser when the lexicon is compiled, so an
entry matches every inflection the analyser recognises. A multiword entry is a
sequence; an element may be a feature constraint such as ``{case=dat}`` (any
word in the dative) and ``...`` allows up to three words in between.

Teams extend lexicons through ``lexicons:`` folders in their configuration: a
file ``<lang>.yaml`` there adds entries to the built-in lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .types import NUM, Match, Token

_FEATURE_RE = re.compile(r"^\{([^}]*)\}$")
GAP = "..."
MAX_GAP = 3


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and key."""


@dataclass(frozen=True)
class Element:
    """One position of a compiled pattern."""

    lemmas: frozenset[str] = frozenset()
    norms: frozenset[str] = frozenset()
    feats: tuple[tuple[str, str], ...] = ()
    gap_before: bool = False

    def accepts(self, token: Token) -> bool:
        if not token.is_word:
            return False
        if self.feats:
            return all(token.feats.get(k) == v or token.form == v for k, v in self.feats)
        return bool(self.lemmas & token.lemmas) or token.norm in self.norms


@dataclass(frozen=True)
class Pattern:
    concept: str
    entry: str
    elements: tuple[Element, ...]
    note: str = ""


@dataclass
class Lexicon:
    language: str
    data: dict[str, Any]
    sources: tuple[str, ...] = ()
    _patterns: list[Pattern] | None = field(default=None, repr=False)
    _by_lemma: dict[str, list[Pattern]] = field(default_factory=dict, repr=False)
    _wild: list[Pattern] = field(default_factory=list, repr=False)
    _wild_needs: list[tuple[frozenset[str], ...]] = field(default_factory=list, repr=False)
    _word_sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    # (norm, lemmas) of a token → the indexed patterns whose first element accepts it
    _starts: dict[tuple[str, frozenset[str]], tuple[Pattern, ...]] = field(default_factory=dict, repr=False)

    # -- plain data ---------------------------------------------------------
    def get(self, key: str, default: Any = None) -> Any:
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, Mapping) or part not in node:
                return default
            node = node[part]
        return node

    def words(self, key: str) -> frozenset[str]:
        """A list-valued key as a set of normalised words (cached)."""
        hit = self._word_sets.get(key)
        if hit is None:
            value = self.get(key, []) or []
            if isinstance(value, Mapping):
                value = list(value)
            hit = self._word_sets[key] = frozenset(str(v).lower() for v in value)
        return hit

    def mapping(self, key: str) -> dict[str, float]:
        cache = self.__dict__.setdefault("_maps", {})
        if key not in cache:
            value = self.get(key, {}) or {}
            cache[key] = {str(k).lower(): float(v) for k, v in value.items()}
        return cache[key]

    @property
    def concepts(self) -> Mapping[str, list]:
        return self.data.get("concepts", {}) or {}

    def suggestion(self, concept: str) -> str:
        return str(self.get(f"suggestions.{concept}", "") or "")

    # -- patterns -----------------------------------------------------------
    def compile(self, analyse_words: Callable[[str], list[Token]]) -> None:
        """Lemmatise every concept entry with the language's analyser."""
        patterns: list[Pattern] = []
        for concept, entries in self.concepts.items():
            for raw in entries or []:
                entry, note = (raw.get("entry", ""), raw.get("note", "")) if isinstance(raw, Mapping) else (raw, "")
                elements = _compile_entry(str(entry), analyse_words)
                if elements:
                    patterns.append(Pattern(concept, str(entry), elements, str(note)))
        self.use_patterns(patterns)

    def use_patterns(self, patterns: list[Pattern]) -> None:
        """Install compiled patterns (from :meth:`compile`, or the compiled-lexicon cache) and index them."""
        self._patterns = patterns
        self._starts.clear()
        self._by_lemma = {}
        self._wild = []
        self._wild_needs = []
        for p in patterns:
            first = p.elements[0]
            if first.feats:
                self._wild.append(p)
                self._wild_needs.append(tuple(e.lemmas | e.norms for e in p.elements if not e.feats))
            else:
                for key in first.lemmas | first.norms:
                    self._by_lemma.setdefault(key, []).append(p)

    @property
    def compiled(self) -> bool:
        return self._patterns is not None

    def _wild_in(self, tokens: tuple[Token, ...]) -> list[Pattern]:
        """The feature patterns ("{case=dat} çalışmak") whose every word element has its
        lemma or form somewhere in ``tokens``: only these can match, at any position."""
        keys: set[str] = set()
        for t in tokens:
            if t.is_word:
                keys.add(t.norm)
                keys.update(t.lemmas)
        return [p for p, needs in zip(self._wild, self._wild_needs) if all(not keys.isdisjoint(n) for n in needs)]

    def _candidates(self, tok: Token) -> tuple[Pattern, ...]:
        """The indexed patterns whose first element accepts word ``tok`` (that depends on
        the token's form and lemmas only, so it is worked out once per spelling)."""
        key = (tok.norm, tok.lemmas)
        hit = self._starts.get(key)
        if hit is None:
            indexed: list[Pattern] = []
            seen: set[int] = set()
            for k in tok.lemmas | {tok.norm}:
                for p in self._by_lemma.get(k, ()):
                    if id(p) not in seen:
                        seen.add(id(p))
                        if p.elements[0].accepts(tok):
                            indexed.append(p)
            hit = tuple(indexed)
            if len(self._starts) >= 200_000:
                self._starts.clear()
            self._starts[key] = hit
        return hit

    def match(self, tokens: tuple[Token, ...]) -> tuple[Match, ...]:
        found: list[Match] = []
        width: list[int] = []  # elements of each match's entry, context included
        wild = self._wild_in(tokens) if self._wild else ()
        for i, tok in enumerate(tokens):
            if not tok.is_word:
                continue
            indexed = self._candidates(tok)
            for p in wild:
                idx = _match_at(p.elements, tokens, i)
                if idx:
                    # A feature element at either end ("{case=dat} çalışmak") is context,
                    # not part of the match: the dative verb stays a unit of its own and
                    # keeps its own concepts (the hedge is "çalışmak", the head is
                    # "artırmaya"). One inside ("в {numtype=card} раз") is part of it.
                    idx = _trim_context(idx, p.elements)
                    found.append(Match(p.concept, p.entry, tokens[idx[0]].start, tokens[idx[-1]].end, idx, p.note))
                    width.append(len(p.elements))
            for p in indexed:
                elements = p.elements
                if len(elements) == 1:
                    found.append(Match(p.concept, p.entry, tok.start, tok.end, (i,), p.note))
                    width.append(1)
                    continue
                idx = _match_rest(elements, tokens, i)
                if idx:
                    idx = _trim_context(idx, elements)
                    found.append(Match(p.concept, p.entry, tokens[idx[0]].start, tokens[idx[-1]].end, idx, p.note))
                    width.append(len(elements))
        if len(found) < 2:
            return tuple(found)
        return _drop_contained(found, width)


def _compile_entry(entry: str, analyse_words: Callable[[str], list[Token]]) -> tuple[Element, ...]:
    elements: list[Element] = []
    gap = False
    for part in entry.split():
        if part == GAP:
            gap = True
            continue
        feat = _FEATURE_RE.match(part)
        if feat:
            pairs = tuple(tuple(kv.split("=", 1)) for kv in feat.group(1).split(",") if "=" in kv)
            elements.append(Element(feats=pairs, gap_before=gap))  # type: ignore[arg-type]
        else:
            toks = [t for t in analyse_words(part) if t.is_word]
            for k, t in enumerate(toks):
                elements.append(Element(frozenset({t.lemma}), frozenset({t.norm}), (), gap and k == 0))
        gap = False
    return tuple(elements)


def _match_at(elements: tuple[Element, ...], tokens: tuple[Token, ...], i: int) -> tuple[int, ...]:
    if not elements[0].accepts(tokens[i]):
        return ()
    return _match_rest(elements, tokens, i)


def _match_rest(elements: tuple[Element, ...], tokens: tuple[Token, ...], i: int) -> tuple[int, ...]:
    """The match of ``elements`` whose first element is token ``i`` (already accepted)."""
    taken = [i]
    pos = i + 1
    for el in elements[1:]:
        limit = MAX_GAP + 1 if el.gap_before else 1
        hit = None
        steps = 0
        while pos < len(tokens) and steps < limit:
            if tokens[pos].is_word:
                if el.accepts(tokens[pos]):
                    hit = pos
                    break
                # a number inside a gap is not one of its words: "achieve SOC 2 Type II certification"
                if not (el.gap_before and tokens[pos].pos == NUM):
                    steps += 1
            pos += 1
        if hit is None:
            return ()
        taken.append(hit)
        pos = hit + 1
    return tuple(taken)


def _trim_context(idx: tuple[int, ...], elements: tuple[Element, ...]) -> tuple[int, ...]:
    lo, hi = 0, len(idx)
    while lo < hi and elements[lo].feats:
        lo += 1
    while hi > lo and elements[hi - 1].feats:
        hi -= 1
    return idx[lo:hi] or idx


def _drop_contained(found: list[Match], width: list[int] | None = None) -> tuple[Match, ...]:
    """A match whose tokens lie strictly inside a longer match is dropped, and so is a
    match of another concept on the same tokens whose entry is shorter: the context of
    "{case=dat} o'tkazish" (migrate to) makes it win over the bare "o'tkazish" (hold)."""
    width = width or [len(m.tokens) for m in found]
    # Indexed by token, so a long text with many matches stays linear (a superset of a
    # match contains its first token; a rival on the same tokens has the same tuple).
    sets = [frozenset(m.tokens) for m in found]
    by_token: dict[int, list[int]] = {}
    by_tokens: dict[tuple[int, ...], list[int]] = {}
    for j, o in enumerate(found):
        for t in o.tokens:
            by_token.setdefault(t, []).append(j)
        by_tokens.setdefault(o.tokens, []).append(j)
    keep = []
    kept: set[tuple[str, tuple[int, ...]]] = set()
    for k, m in enumerate(found):
        around = by_token.get(m.tokens[0], ()) if m.tokens else range(len(found))
        if any(sets[k] < sets[j] for j in around if j != k):
            continue
        if any(found[j].concept != m.concept and width[j] > width[k] for j in by_tokens[m.tokens]):
            continue
        if (m.concept, m.tokens) in kept:
            continue
        kept.add((m.concept, m.tokens))
        keep.append(m)
    keep.sort(key=lambda m: (m.start, m.end))
    return tuple(keep)


# -- loading ------------------------------------------------------------------


def builtin_lexicon_dir() -> Path:
    """The folder of the shipped lexicons (the package ``okrlint.lexicons``; importlib.resources
    would cost a cold run ~7 ms of imports to say the same)."""
    import okrlint.lexicons

    return Path(okrlint.lexicons.__file__).parent


def builtin_lexicon_path(language: str) -> Path | None:
    candidate = builtin_lexicon_dir() / f"{language}.yaml"
    return candidate if candidate.is_file() else None


def lexicon_sources(language: str, extra_dirs: Iterable[Path] = (), base_path: Path | None = None) -> list[Path]:
    """The files :func:`load_lexicon` reads for ``language``, in order."""
    path = base_path or builtin_lexicon_path(language)
    out = [path] if path is not None else []
    out += [Path(folder) / f"{language}.yaml" for folder in extra_dirs if (Path(folder) / f"{language}.yaml").is_file()]
    return out


def load_lexicon(language: str, extra_dirs: Iterable[Path] = (), base_path: Path | None = None) -> Lexicon:
    """The built-in lexicon for ``language``, extended by ``<dir>/<language>.yaml`` files."""
    path = base_path or builtin_lexicon_path(language)
    data: dict[str, Any] = {}
    sources: list[str] = []
    if path is not None:
        data = _read(path)
        sources.append(str(path))
    for folder in extra_dirs:
        extra = Path(folder) / f"{language}.yaml"
        if extra.is_file():
            _extend(data, _read(extra))
            sources.append(str(extra))
    return Lexicon(language, data, tuple(sources))


def _read(path: Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as fh:
            # The C loader reads a large lexicon ~8x faster than the pure-Python one.
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: cannot read lexicon: {exc}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: a lexicon must be a mapping of keys to lists")
    _reject_booleans(data, path, ())
    return data


def _reject_booleans(node: Any, path: Path, keys: tuple[str, ...]) -> None:
    """YAML reads unquoted no/on/yes/off as booleans: a word list must never hold one."""
    if isinstance(node, Mapping):
        for k, v in node.items():
            _reject_booleans(v, path, (*keys, str(k)))
    elif isinstance(node, list):
        for v in node:
            if isinstance(v, bool) or v is None:
                raise LexiconError(
                    f"{path}: {'.'.join(keys)} holds {v!r}, which YAML made of an unquoted word "
                    "such as no, on, yes or off (or an empty item); quote it"
                )
            _reject_booleans(v, path, keys)


def _extend(base: dict[str, Any], extra: Mapping[str, Any]) -> None:
    """Lists are extended, mappings merged, scalars replaced."""
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(base.get(key), dict):
            _extend(base[key], value)
        elif isinstance(value, list) and isinstance(base.get(key), list):
            base[key] = base[key] + [v for v in value if v not in base[key]]
        else:
            base[key] = value
