"""The analysed form of one objective or key result text.

Rules read an :class:`Analysis`, never raw strings. Everything here is
language-neutral: a language analyser fills it in, and the rules only look at
concepts (``hedging``, ``activity_verbs`` …), quantities and spans.

Offsets (``start``/``end``) index into :attr:`Analysis.text`, the text exactly
as it appeared in the source (no normalisation), so a reporter can map them back
to a line and column of the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# Parts of speech (a subset of Universal Dependencies UPOS).
VERB, NOUN, ADJ, ADV, NUM, PRON, ADP, CONJ, PART, PUNCT, SYM, PROPN, X = (
    "VERB",
    "NOUN",
    "ADJ",
    "ADV",
    "NUM",
    "PRON",
    "ADP",
    "CONJ",
    "PART",
    "PUNCT",
    "SYM",
    "PROPN",
    "X",
)

# Lexicon concepts whose entries are verbs (or their verbal nouns): the units a predicate is built from.
VERB_CONCEPTS = frozenset(
    {
        "hedging",
        "weak_verbs",
        "activity_verbs",
        "deliverable_verbs",
        "binary_verbs",
        "outcome_verbs",
        "change_verbs",
        "reach_verbs",
        "state_verbs",
        "maintain_verbs",
    }
)
# The concepts that say what a verb does (not hedges, states or upkeep): a word counted by a
# number ("20 books", "5 ta kitob") or modifying a noun carries none of them.
ACTION_CONCEPTS = frozenset(
    {
        "outcome_verbs",
        "change_verbs",
        "reach_verbs",
        "activity_verbs",
        "deliverable_verbs",
        "binary_verbs",
        "weak_verbs",
    }
)

# Verb forms. A token is "verb-like" when it has one of these forms, whatever
# its part of speech (a verbal noun such as "Запуск" or "oshirish" is NOUN + VNOUN).
INF, IMP, FIN, VNOUN, PART_FORM, CONV = "inf", "imp", "fin", "vnoun", "part", "conv"
VERB_FORMS = frozenset({INF, IMP, FIN, VNOUN, PART_FORM, CONV})


# Not ``frozen``: a frozen dataclass sets each field through ``object.__setattr__``, which made
# building tokens a tenth of all analysis time. Tokens are still never changed after they are
# built (an analyser that needs another reading builds a new one with ``dataclasses.replace``),
# and they are as unhashable as before (``feats`` is a dict).
@dataclass(slots=True)
class Token:
    text: str  # surface, exactly as in the source
    start: int
    end: int
    norm: str  # normalised, case-folded surface used for matching
    lemma: str  # best lemma (normalised)
    lemmas: frozenset[str]  # every candidate lemma, including ``lemma``
    pos: str = X
    form: str = ""  # one of VERB_FORMS for verb-like tokens, else ""
    feats: Mapping[str, str] = field(default_factory=dict)
    # Derived at construction (read on every lexicon and rule step, so not a property);
    # ``dataclasses.replace`` recomputes them. Not part of equality or repr.
    is_verb_like: bool = field(init=False, repr=False, compare=False)
    is_word: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.is_verb_like = self.form in VERB_FORMS or self.pos == VERB
        text = self.text
        self.is_word = self.pos not in _NOT_WORDS and (text.isalnum() or any(ch.isalnum() for ch in text))


_NOT_WORDS = frozenset({PUNCT, SYM})


# Quantity kinds. Only TARGET_KINDS make a text measurable; RANK is measurable
# in a key result but is not a numeric target in an objective.
NUMBER, PERCENT, MONEY, MULTIPLIER, RANK, DATE, YEAR, QUARTER, NAME = (
    "number",
    "percent",
    "money",
    "multiplier",
    "rank",
    "date",
    "year",
    "quarter",
    "name",
)
TARGET_KINDS = frozenset({NUMBER, PERCENT, MONEY, MULTIPLIER})


@dataclass(frozen=True, slots=True)
class Quantity:
    kind: str
    value: float | None
    start: int
    end: int
    tokens: tuple[int, ...]  # indexes into Analysis.tokens

    @property
    def is_target(self) -> bool:
        return self.kind in TARGET_KINDS


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon entry found in the text (single word or multiword)."""

    concept: str
    entry: str  # the lexicon entry as written, e.g. "harakat qilish"
    start: int
    end: int
    tokens: tuple[int, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Change:
    """A stated baseline→target ("с 5 000 до 15 000", "30'dan 50'ye", "(current: 35)")."""

    start: int
    end: int
    baseline: float | None
    target: float | None


@dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    language: str | None
    tokens: tuple[Token, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    matches: tuple[Match, ...] = ()
    # The verb-like tokens of the main predicate, outermost first: for
    # "Попробовать запустить канал" it is (Попробовать, запустить).
    predicate: tuple[int, ...] = ()
    # The content head: the first predicate token that is not hedging.
    head: int | None = None
    changes: tuple[Change, ...] = ()
    # Quantity indexes preceded by a relative marker ("на 40%", "by 20%").
    relative: frozenset[int] = frozenset()
    # Quantity indexes marked as a target ("до 50", "to 300", "50'ye", "50 ga").
    to_marked: frozenset[int] = frozenset()
    # Quantity indexes that count places ("in 4 hospitals", "в 12 филиалах", "4 ta filialda").
    places: frozenset[int] = frozenset()
    # True when the language puts the main verb last (tr, uz): objects precede verbs.
    head_final: bool = False

    # -- concepts -----------------------------------------------------------
    def concept(self, name: str) -> tuple[Match, ...]:
        return tuple(m for m in self.matches if m.concept == name)

    def has(self, name: str) -> bool:
        return any(m.concept == name for m in self.matches)

    def concepts_at(self, index: int | None) -> frozenset[str]:
        """Concepts of every match that covers token ``index``."""
        if index is None:
            return frozenset()
        return frozenset(m.concept for m in self.matches if index in m.tokens)

    def match_at(self, index: int | None, concept: str) -> Match | None:
        if index is None:
            return None
        for m in self.matches:
            if m.concept == concept and index in m.tokens:
                return m
        return None

    @property
    def head_token(self) -> Token | None:
        return None if self.head is None else self.tokens[self.head]

    # -- quantities ---------------------------------------------------------
    @property
    def targets(self) -> tuple[Quantity, ...]:
        return tuple(q for q in self.quantities if q.is_target)

    @property
    def has_quantity(self) -> bool:
        return any(q.is_target for q in self.quantities)

    @property
    def has_rank(self) -> bool:
        return any(q.kind == RANK for q in self.quantities)

    @property
    def has_change(self) -> bool:
        return bool(self.changes)

    @property
    def word_count(self) -> int:
        return sum(1 for t in self.tokens if t.is_word)

    @property
    def has_verb_form(self) -> bool:
        return any(t.is_verb_like for t in self.tokens)
