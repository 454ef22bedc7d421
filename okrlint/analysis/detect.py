"""Language identification for one objective or key result.

A small scorer over features each lexicon declares under ``detect:``
(characteristic letters and letter pairs, stop words, common words, suffixes,
letters the language never writes). It tells Uzbek from Turkish and Uzbek
Cyrillic from Russian, needs no model, and loads in a few milliseconds: only the
``detect:`` block of each lexicon is parsed.

Returns None when no language has enough evidence, or when the text carries
letters none of the languages writes (German ä ß, French é è, Kazakh ә ң …):
rules then stay silent rather than act on a wrong guess. A short or
ambiguous text ("Marketing", "Маркетинг") can take the language of its
document: pass the document's language as ``default`` (see
:func:`detect_document`).
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import Any

import yaml

from . import normalize as nz
from .lexicon import builtin_lexicon_path

# A letter, then letters, digits, apostrophes, and hyphens that join two words (runs of a
# character class first: one alternation per character made the pattern slow).
_WORD_RE = re.compile(r"[^\W\d_][\w'\u2018\u2019\u02bb\u02bc`]*(?:-(?=\w)[\w'\u2018\u2019\u02bb\u02bc`]*)*")
_DETECT_BLOCK = re.compile(r"^detect:[^\n]*\n(?:(?:[ \t#][^\n]*)?\n)*", re.M)
_BASIC = {
    "latin": frozenset("abcdefghijklmnopqrstuvwxyz'"),
    "cyrillic": frozenset("абвгдежзийклмнопрстуфхцчшщъыьэюяё"),
}

# Weights of the evidence kinds. A text's score is its evidence divided by the
# square root of its word count, so long texts need proportionally more of it.
# Keep them multiples of 0.5: sums of such numbers are exact, so _score may add
# a letter's weight times its count (tests/test_detect_exact.py checks this).
W_LETTER = 2.0  # a characteristic letter (ı ğ ş, ą ł ż, ў қ ғ ҳ …)
W_NGRAM = 1.0  # a characteristic letter sequence (o' g' th sz cz …)
W_STOP = 2.0  # a function word
W_WORD = 1.5  # a common content word
W_SUFFIX = 1.0  # a characteristic ending
W_FOREIGN = 3.0  # a letter the language does not write (penalty)
W_RARE = 1.0  # a letter the language writes only in loanwords (penalty)
# (a profile's ``foreign`` letters count like letters outside its alphabet: ы щ for Uzbek Cyrillic)
W_UZ_CYR = 4.0  # ў қ ғ ҳ in Cyrillic text: only Uzbek writes them
W_OTHER = 1.5  # a function word of a language okrlint does not read (penalty)
FOREIGN_SHARE = 0.04  # this share of foreign letters (at least 2) rules a language out
MIN_SCORE = 1.0  # below this the text is not recognised
MIN_MARGIN = 0.35  # best and second closer than this: ambiguous


# Frequent function words of languages okrlint does not read (German, French,
# Spanish, Italian, Portuguese, Dutch): evidence that a text is none of ours.
# A word one of our languages also uses ("de", "in", "a") is ignored for it.
_OTHER_STOPWORDS = frozenset(
    """der die das und den dem des nicht mit für auf ist sind wir sie ein eine einen einer im zum zur
    von bis über le la les des du une et pour sur avec dans est nous au aux leur par
    el los las del y para con por una es nuestro nuestra il lo gli della delle degli che di nel
    nella os as da dos das com um uma het een voor met naar onze""".split()
)


@dataclass(frozen=True)
class Profile:
    language: str
    script: str
    letters: frozenset[str]
    alphabet: frozenset[str]
    rare: frozenset[str]
    foreign: frozenset[str]
    ngrams: tuple[str, ...]
    stopwords: frozenset[str]
    words: frozenset[str]
    suffixes: tuple[str, ...]
    translit: bool
    prior: float
    dotless_i: bool = False


def _detect_block(path: Path) -> dict[str, Any]:
    """The ``detect:`` mapping of one lexicon file, parsed on its own (fast)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    m = _DETECT_BLOCK.search(text)
    if not m:
        return {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(m.group(), Loader=loader) or {}  # noqa: S506 (a safe loader)
    except yaml.YAMLError:
        return {}
    block = data.get("detect") if isinstance(data, Mapping) else None
    return dict(block) if isinstance(block, Mapping) else {}


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, list) and isinstance(base.get(key), list):
            base[key] = base[key] + [v for v in value if v not in base[key]]
        elif isinstance(value, str) and key in ("letters", "alphabet", "rare") and isinstance(base.get(key), str):
            base[key] = base[key] + value
        else:
            base[key] = value


def _chars(letters: str) -> frozenset[str]:
    """Each letter and its one-character lower case ("İ".lower() is two characters)."""
    return frozenset(letters) | frozenset(c.lower() for c in letters if len(c.lower()) == 1)


def _word_set(values: Any, dotless_i: bool) -> frozenset[str]:
    return frozenset(nz.casefold(nz.fold_apostrophes(str(v)), dotless_i) for v in values or [])


def _profile(language: str, det: Mapping[str, Any]) -> Profile:
    letters = str(det.get("letters", "") or "")
    dotless = nz.has_dotless_i(letters + str(det.get("alphabet", "") or ""))
    return Profile(
        language=language,
        script=str(det.get("script", "latin")),
        letters=_chars(letters),
        alphabet=_chars(str(det.get("alphabet", "") or "")) | _chars(letters),
        rare=frozenset(str(det.get("rare", "") or "").lower()),
        foreign=_chars(str(det.get("foreign", "") or "")),
        ngrams=tuple(nz.fold_apostrophes(str(s)).lower() for s in det.get("ngrams", []) or []),
        stopwords=_word_set(det.get("stopwords"), dotless),
        words=_word_set(det.get("words"), dotless),
        suffixes=tuple(sorted(_word_set(det.get("suffixes"), dotless), key=len, reverse=True)),
        translit=bool(det.get("translit_from_cyrillic", False)),
        prior=float(det.get("prior", 0.0) or 0.0),
        dotless_i=dotless,
    )


@lru_cache(maxsize=32)
def _profiles(languages: tuple[str, ...], dirs: tuple[Path, ...]) -> dict[str, Profile]:
    out = {}
    for lang in languages:
        det: dict[str, Any] = {}
        path = builtin_lexicon_path(lang)
        if path is not None:
            det = _detect_block(path)
        for folder in dirs:
            extra = Path(folder) / f"{lang}.yaml"
            if extra.is_file():
                _merge(det, _detect_block(extra))
        if det:
            out[lang] = _profile(lang, det)
    return out


_MEMO_LIMIT = 100_000  # texts, pieces of text, letters and words remembered per set of profiles


class _Memo(dict):
    """A value per key, worked out when first asked for and then looked up (a run repeats most keys)."""

    def __init__(self, compute: Callable[[str], Any]):
        super().__init__()
        self._compute = compute

    def __missing__(self, key: str) -> Any:
        if len(self) > _MEMO_LIMIT:
            self.clear()
        value = self[key] = self._compute(key)
        return value


def _letter_delta(ch: str, prof: Profile, translit: bool, basic: frozenset[str]) -> tuple[float, int]:
    """(score change, foreign count) of one letter; 0.0 when it is no evidence."""
    low = ch.lower()
    if ch in prof.letters or low in prof.letters:
        return W_LETTER, 0
    if low in prof.rare or ch in prof.rare:
        return -W_RARE, 0
    if low in prof.foreign or (
        low not in basic and low not in prof.alphabet and not (translit and low in nz.UZ_CYRILLIC_LETTERS)
    ):
        return -W_FOREIGN, 1
    return 0.0, 0


_BASIC_ALL = _BASIC["latin"] | _BASIC["cyrillic"]  # brand names mix scripts


def _halves(score: float) -> int:
    """A score as a count of halves: every weight is a multiple of 0.5, so this is exact."""
    return int(score * 2)


# The evidence of a text: its letter count, then for each profile that reads its script the score
# (in halves), the foreign letters and the words. Every field is an integer that adds up: a text's
# evidence is the sum of its pieces' between spaces (no letter's spelling, case or word reaches
# over a space), a document's the sum of its titles' (joined by a line break, read alike), a
# piece's the sum of what its letters and words add. Packed into one integer, a field every 64
# bits, adding evidence is one integer addition.
_FIELD_BITS = 64
_FIELD_SIGN = 1 << (_FIELD_BITS - 1)


def _field(index: int, value: int) -> int:
    """Packed evidence with ``value`` in one field (the letter count is field 0)."""
    return value << (_FIELD_BITS * index)


class _Reading:
    """How one profile reads texts of one script (Latin, or Cyrillic transliterated for a Latin profile).

    It is the ``index``-th profile of that script, so its fields in the packed evidence
    are 1 + 3 * index (score in halves), the next (foreign letters) and the next (words).
    """

    def __init__(self, prof: Profile, cyrillic: bool, index: int):
        self.profile = prof
        # Letter pairs are features of a Latin orthography; in transliterated
        # Cyrillic "sh", "ch", "x" come from ш ч х, which Russian writes too.
        self.translit = cyrillic and prof.script != "cyrillic"
        self.variant = (self.translit, prof.dotless_i)  # which normalised text it splits into words
        # Most words hold none of the letter pairs: one search tells, before counting each.
        grams = () if self.translit else prof.ngrams
        self._any_gram = re.compile("|".join(map(re.escape, grams))) if grams else None
        self._score_shift = _FIELD_BITS * (1 + 3 * index)
        self._foreign_shift = _FIELD_BITS * (2 + 3 * index)
        self._one_word = _field(3 + 3 * index, 1)

    def letter(self, ch: str) -> int:
        """The evidence one letter adds: a score change and a foreign letter, or nothing."""
        score, foreign = _letter_delta(ch, self.profile, self.translit, _BASIC_ALL)
        if self.translit and ch.lower() in nz.UZ_CYRILLIC_LETTERS:
            score += W_UZ_CYR  # ў қ ғ ҳ in Cyrillic text: only Uzbek writes them
        return (_halves(score) << self._score_shift) + (foreign << self._foreign_shift)

    def word(self, w: str) -> int:
        """The evidence one (stripped) word adds: a score change and a word."""
        prof = self.profile
        if w in prof.stopwords:
            score = W_STOP
        elif w in prof.words:
            score = W_WORD
        elif len(w) > 3 and w.endswith(prof.suffixes):
            score = W_SUFFIX
        elif w in _OTHER_STOPWORDS:
            score = -W_OTHER
        else:
            score = 0.0
        if self._any_gram is not None and self._any_gram.search(w):
            score += W_NGRAM * sum(map(w.count, prof.ngrams))
        return (_halves(score) << self._score_shift) + self._one_word


class _Unpacker:
    """Reads the fields of a sum of packed evidence (each field, negative ones too, below 2**63 in size)."""

    def __init__(self, count: int):
        # Adding 2**63 to every field makes each a plain unsigned 64-bit digit: no borrows between fields.
        self._bias = sum(_field(k, _FIELD_SIGN) for k in range(count))
        self._digits = struct.Struct(f"<{count}Q")

    def __call__(self, packed: int) -> list[int]:
        digits = self._digits.unpack((packed + self._bias).to_bytes(self._digits.size, "little"))
        return [digit - _FIELD_SIGN for digit in digits]


class _Scorer:
    """Scores texts against one set of profiles, remembering what each piece of text contributes."""

    def __init__(self, profiles: dict[str, Profile]):
        self.profiles = profiles
        self._readings = {cyrillic: self._readings_of(cyrillic) for cyrillic in (False, True)}
        self._letters = {cyrillic: _Memo(partial(self._letter, cyrillic=cyrillic)) for cyrillic in (False, True)}
        # Characters that are evidence for no profile (most letters, digits, spaces): skipped as a set.
        self._plain: dict[bool, set[str]] = {False: set(), True: set()}
        self._variants = {cyrillic: self._variants_of(cyrillic) for cyrillic in (False, True)}
        self._unpack = {cyrillic: _Unpacker(1 + 3 * len(self._readings[cyrillic])) for cyrillic in (False, True)}
        self._priors = {
            cyrillic: [(r.profile.language, r.profile.prior) for r in self._readings[cyrillic]]
            for cyrillic in (False, True)
        }
        self._pieces = {cyrillic: _Memo(partial(self._weigh, cyrillic=cyrillic)) for cyrillic in (False, True)}
        self._texts = {cyrillic: _Memo(partial(self._sum, cyrillic=cyrillic)) for cyrillic in (False, True)}
        self._text_scores = _Memo(self._score_text)  # a text met in several documents is detected again

    def _readings_of(self, cyrillic: bool) -> tuple[_Reading, ...]:
        """The profiles that read texts of this script, in the profiles' order."""
        out = []
        for prof in self.profiles.values():
            if cyrillic and prof.script != "cyrillic" and not prof.translit:
                continue
            if not cyrillic and prof.script == "cyrillic":
                continue
            out.append(_Reading(prof, cyrillic, len(out)))
        return tuple(out)

    def _variants_of(self, cyrillic: bool) -> tuple[tuple[tuple[bool, bool], _Memo], ...]:
        """Each normalised text some profiles split into words, with what each word adds for them."""
        groups: dict[tuple[bool, bool], list[_Reading]] = {}
        for reading in self._readings[cyrillic]:
            groups.setdefault(reading.variant, []).append(reading)
        return tuple((variant, _Memo(partial(self._word, readings=group))) for variant, group in groups.items())

    def _letter(self, ch: str, cyrillic: bool) -> int:
        """What one character adds to the scores and foreign counts (letters are counted apart)."""
        if not ch.isalpha():
            return 0
        return sum(reading.letter(ch) for reading in self._readings[cyrillic])

    @staticmethod
    def _word(w: str, readings: list[_Reading]) -> int:
        """What one word adds to the scores and word counts of the readings that split it."""
        out = 0
        for reading in readings:
            out += reading.word(w)
        return out

    def evidence(self, text: str, cyrillic: bool) -> int:
        """What ``text`` contributes, read as a ``cyrillic`` text (a document's script decides for its titles)."""
        return self._texts[cyrillic][text]

    def _sum(self, text: str, cyrillic: bool) -> int:
        return sum(map(self._pieces[cyrillic].__getitem__, text.split(" ")))

    def _weigh(self, piece: str, cyrillic: bool) -> int:
        """The evidence of one piece of text between spaces."""
        if piece.isascii() and _ASCII_NO_LETTER.fullmatch(piece):
            return 0  # no letter, so no word (digits, "%", "-", "")
        folded = nz.fold_apostrophes(nz.nfc(piece))
        evidence = len(folded) if folded.isalpha() else sum(map(str.isalpha, folded))
        letters = self._letters[cyrillic]
        plain = self._plain[cyrillic]
        for ch in set(folded).difference(plain):
            worth = letters[ch]
            if worth:
                evidence += worth * folded.count(ch)
            elif len(plain) < _MEMO_LIMIT:
                plain.add(ch)
        words_of: dict[str, list[str]] = {}
        for variant, worth_of in self._variants[cyrillic]:
            evidence += sum(map(worth_of.__getitem__, _words(piece, folded, *variant, words_of)))
        return evidence

    def scores(self, evidence: int, cyrillic: bool) -> dict[str, float]:
        """Language code → score, for every profile that reads the script and finds a word."""
        fields = self._unpack[cyrillic](evidence)
        ruled_out = max(2, FOREIGN_SHARE * fields[0])  # foreign letters that rule a language out
        out: dict[str, float] = {}
        for k, (language, prior) in enumerate(self._priors[cyrillic]):
            halves, foreign, words = fields[1 + 3 * k : 4 + 3 * k]
            if not words:
                continue
            if foreign >= ruled_out:
                out[language] = float("-inf")
            else:
                # A text's score is its evidence divided by the square root of its word count.
                out[language] = (halves / 2) / (words**0.5) + prior
        return out

    def text_scores(self, text: str) -> dict[str, float]:
        """The scores of one text (shared: not to be changed)."""
        return self._text_scores[text]

    def _score_text(self, text: str) -> dict[str, float]:
        cyrillic = _CYRILLIC_RE.search(text) is not None
        return self.scores(self.evidence(text, cyrillic), cyrillic)

    def document_scores(self, texts: list[str]) -> dict[str, float]:
        """The scores of the titles read together (``"\\n".join(texts)``)."""
        # The script of the whole decides how each title is read (a Latin title in a
        # Cyrillic document is transliterated, as in the joined text).
        cyrillic = any(_CYRILLIC_RE.search(t) for t in texts)
        return self.scores(sum(self.evidence(t, cyrillic) for t in texts), cyrillic)


_ASCII_NO_LETTER = re.compile(r"[^A-Za-z]*")
_CYRILLIC_RE = re.compile("[\u0400-\u04ff]")  # normalize.has_cyrillic, without a Python loop


def _words(piece: str, folded: str, translit: bool, dotless_i: bool, known: dict[str, list[str]]) -> list[str]:
    """The words a profile reads in a piece: case-folded, apostrophes folded, quoting apostrophes stripped."""
    if translit and not piece.isascii():  # (ASCII has no Cyrillic letter, and its capitals stay)
        folded = nz.fold_apostrophes(nz.nfc(nz.uz_cyrillic_to_latin(piece)))
    sample = nz.casefold(folded, dotless_i)
    words = known.get(sample)
    if words is None:
        if sample.isalpha():
            words = [sample]  # one word: the pattern's first letter and then letters
        else:
            words = _WORD_RE.findall(sample)
            if "'" in sample:
                words = [w.strip("'") for w in words]  # a word starts with a letter: never emptied
        known[sample] = words
    return words


def _scorer(languages: Iterable[str], dirs: Iterable[Path]) -> _Scorer:
    return _scorer_for(tuple(languages), tuple(dirs))


@lru_cache(maxsize=32)
def _scorer_for(languages: tuple[str, ...], dirs: tuple[Path, ...]) -> _Scorer:
    return _Scorer(_profiles(tuple(sorted(languages)), tuple(Path(d) for d in dirs)))


def score_languages(text: str, languages: Iterable[str], dirs: Iterable[Path] = ()) -> dict[str, float]:
    """Language code → evidence score, for every language whose script fits."""
    return dict(_scorer(languages, dirs).text_scores(text))


def detect_language(
    text: str, languages: Iterable[str], dirs: Iterable[Path] = (), default: str | None = None
) -> str | None:
    """The language of ``text``, ``default`` when its own evidence is weak, None when unsupported."""
    scorer = _scorer(languages, dirs)
    scores = scorer.text_scores(text)
    if not scores:
        return default if default and not _has_letters(text) else None
    if default is not None and scores.get(default, float("-inf")) >= 0 and _at_most_two_words(text):
        # One or two words carry too little evidence to overrule the document.
        return default
    return _best(scores, scorer.profiles, default)


def _best(scores: dict[str, float], profiles: Mapping[str, Profile], default: str | None) -> str | None:
    ranked = sorted(scores.items(), key=itemgetter(1), reverse=True)
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if default is not None and scores.get(default, float("-inf")) >= 0:
        # No evidence against the document's language: keep it unless another
        # language is clearly better ("Marketing" in a Polish file stays Polish).
        if scores[default] >= top - MIN_MARGIN or top < MIN_SCORE or top - second < MIN_MARGIN:
            return default
    if top < MIN_SCORE:
        # A script's usual language (its profile's ``prior``) when nothing else
        # speaks: a Cyrillic text with no Uzbek feature ("Маркетинг") is Russian.
        return best if top > 0 and profiles[best].prior > 0 else None
    return best


def detect_document(texts: Iterable[str], languages: Iterable[str], dirs: Iterable[Path] = ()) -> str | None:
    """The language of a whole document (all its titles read together)."""
    titles = [t for t in texts if t]
    if all(t.isspace() for t in titles):  # nothing but blanks to read
        return None
    scorer = _scorer(languages, dirs)
    scores = scorer.document_scores(titles)
    return _best(scores, scorer.profiles, None) if scores else None


def _at_most_two_words(text: str) -> bool:
    return next(islice(_WORD_RE.finditer(text), 2, None), None) is None


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)
