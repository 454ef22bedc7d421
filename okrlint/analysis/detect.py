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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from . import normalize as nz
from .lexicon import builtin_lexicon_path

_WORD_RE = re.compile(r"[^\W\d_](?:[\w'\u2018\u2019\u02bb\u02bc`]|-(?=\w))*")
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


_MEMO_LIMIT = 200_000  # letters and words remembered per profile (a run repeats most of them)


def _memo(prof: Profile, kind: str) -> dict:
    """A per-profile table of what one letter or word contributes (the profile is immutable)."""
    tables = prof.__dict__.get("_memo")
    if tables is None:
        tables = {"letter": {}, "word": {}}
        object.__setattr__(prof, "_memo", tables)
    table = tables[kind]
    if len(table) > _MEMO_LIMIT:
        table.clear()
    return table


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


def _word_deltas(w: str, prof: Profile, translit: bool) -> tuple[float, ...]:
    """The score changes one (stripped) word makes, in the order they are added."""
    out: list[float] = []
    if w in prof.stopwords:
        out.append(W_STOP)
    elif w in prof.words:
        out.append(W_WORD)
    elif len(w) > 3 and w.endswith(prof.suffixes):
        out.append(W_SUFFIX)
    elif w in _OTHER_STOPWORDS:
        out.append(-W_OTHER)
    for gram in () if translit else prof.ngrams:
        if gram in w:
            out.append(W_NGRAM * w.count(gram))
    return tuple(out)


_BASIC_ALL = _BASIC["latin"] | _BASIC["cyrillic"]  # brand names mix scripts


def _score(
    text: str, prof: Profile, cyrillic: bool, raw_letters: list[str] | None = None, counts: dict[str, int] | None = None
) -> float | None:
    sample = text
    # Letter pairs are features of a Latin orthography; in transliterated
    # Cyrillic "sh", "ch", "x" come from ш ч х, which Russian writes too.
    translit = cyrillic and prof.script != "cyrillic"
    if translit:
        if not prof.translit:
            return None
        sample = nz.uz_cyrillic_to_latin(text)
    elif not cyrillic and prof.script == "cyrillic":
        return None
    if raw_letters is None:
        raw_letters = _raw_letters(text)
    if counts is None:
        counts = _letter_counts(raw_letters)
    sample = nz.casefold(nz.fold_apostrophes(nz.nfc(sample)), prof.dotless_i)
    words = _WORD_RE.findall(sample)
    if not words:
        return None
    score = 0.0
    foreign = 0
    # Each letter's and word's contribution is looked up (computed once per profile). Every
    # weight is a multiple of 0.5, so these sums are exact in any order: counting each distinct
    # letter once gives the very score that adding letter by letter gives.
    letters = _memo(prof, "letter")
    for ch, n in counts.items():
        key = (ch, translit)
        hit = letters.get(key)
        if hit is None:
            hit = letters[key] = _letter_delta(ch, prof, translit, _BASIC_ALL)
        if hit[0]:
            score += hit[0] * n
            foreign += hit[1] * n
    if foreign >= max(2, FOREIGN_SHARE * len(raw_letters)):
        return float("-inf")
    if cyrillic and prof.script != "cyrillic":
        score += W_UZ_CYR * sum(n for ch, n in counts.items() if ch.lower() in nz.UZ_CYRILLIC_LETTERS)
    memo = _memo(prof, "word")
    for w in words:
        w = w.strip("'")
        if not w:
            continue
        key = (w, translit)
        deltas = memo.get(key)
        if deltas is None:
            deltas = memo[key] = _word_deltas(w, prof, translit)
        for d in deltas:
            score += d
    return score / (len(words) ** 0.5) + prof.prior


def _raw_letters(text: str) -> list[str]:
    return [ch for ch in nz.fold_apostrophes(nz.nfc(text)) if ch.isalpha()]


def _letter_counts(raw_letters: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ch in raw_letters:
        counts[ch] = counts.get(ch, 0) + 1
    return counts


def score_languages(text: str, languages: Iterable[str], dirs: Iterable[Path] = ()) -> dict[str, float]:
    """Language code → evidence score, for every language whose script fits."""
    profiles = _profiles(tuple(sorted(languages)), tuple(Path(d) for d in dirs))
    cyrillic = nz.has_cyrillic(text)
    raw_letters = _raw_letters(text)
    counts = _letter_counts(raw_letters)
    scores: dict[str, float] = {}
    for lang, prof in profiles.items():
        s = _score(text, prof, cyrillic, raw_letters, counts)
        if s is not None:
            scores[lang] = s
    return scores


def detect_language(
    text: str, languages: Iterable[str], dirs: Iterable[Path] = (), default: str | None = None
) -> str | None:
    """The language of ``text``, ``default`` when its own evidence is weak, None when unsupported."""
    scores = score_languages(text, languages, dirs)
    if not scores:
        return default if default and not _has_letters(text) else None
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if default is not None and scores.get(default, float("-inf")) >= 0 and len(_WORD_RE.findall(text)) <= 2:
        # One or two words carry too little evidence to overrule the document.
        return default
    if default is not None and scores.get(default, float("-inf")) >= 0:
        # No evidence against the document's language: keep it unless another
        # language is clearly better ("Marketing" in a Polish file stays Polish).
        if scores[default] >= top - MIN_MARGIN or top < MIN_SCORE or top - second < MIN_MARGIN:
            return default
    if top < MIN_SCORE:
        # A script's usual language (its profile's ``prior``) when nothing else
        # speaks: a Cyrillic text with no Uzbek feature ("Маркетинг") is Russian.
        profiles = _profiles(tuple(sorted(languages)), tuple(Path(d) for d in dirs))
        return best if top > 0 and profiles[best].prior > 0 else None
    return best


def detect_document(texts: Iterable[str], languages: Iterable[str], dirs: Iterable[Path] = ()) -> str | None:
    """The language of a whole document (all its titles read together)."""
    joined = "\n".join(t for t in texts if t)
    return detect_language(joined, languages, dirs) if joined.strip() else None


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)
