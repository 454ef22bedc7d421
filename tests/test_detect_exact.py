"""Language detection's fast scorer gives exactly the scores of the plain letter-by-letter one.

``detect`` remembers what each letter, word and piece of text between spaces contributes,
adds a letter's weight times its count, a text's evidence as the sum of its pieces' and a
document's as the sum of its titles' (instead of scoring the joined titles again); that is
only the same number because every weight is a multiple of 0.5 and no spelling, case or
word reaches over a space or a line break. This test keeps a straightforward copy of the
scorer and of the decision and compares them on real and generated texts and documents,
so a change of weights or features cannot make them drift.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.analysis import Analyzer
from okrlint.analysis import detect as d
from okrlint.analysis import normalize as nz
from okrlint.loader import load_text

ROOT = Path(__file__).resolve().parent.parent
# detect._WORD_RE as first written: one alternation per character (the fast one runs a class).
_WORD_RE = re.compile(r"[^\W\d_](?:[\w'\u2018\u2019\u02bb\u02bc`]|-(?=\w))*")


def _reference_score(text: str, prof: d.Profile, cyrillic: bool) -> float | None:
    sample = text
    translit = cyrillic and prof.script != "cyrillic"
    if translit:
        if not prof.translit:
            return None
        sample = nz.uz_cyrillic_to_latin(text)
    elif not cyrillic and prof.script == "cyrillic":
        return None
    raw_letters = [ch for ch in nz.fold_apostrophes(nz.nfc(text)) if ch.isalpha()]
    sample = nz.casefold(nz.fold_apostrophes(nz.nfc(sample)), prof.dotless_i)
    words = _WORD_RE.findall(sample)
    if not words:
        return None
    score = 0.0
    foreign = 0
    basic = d._BASIC["latin"] | d._BASIC["cyrillic"]
    for ch in raw_letters:
        low = ch.lower()
        if ch in prof.letters or low in prof.letters:
            score += d.W_LETTER
        elif low in prof.rare or ch in prof.rare:
            score -= d.W_RARE
        elif low in prof.foreign or (
            low not in basic and low not in prof.alphabet and not (translit and low in nz.UZ_CYRILLIC_LETTERS)
        ):
            score -= d.W_FOREIGN
            foreign += 1
    if foreign >= max(2, d.FOREIGN_SHARE * len(raw_letters)):
        return float("-inf")
    if cyrillic and prof.script != "cyrillic":
        score += d.W_UZ_CYR * sum(1 for ch in raw_letters if ch.lower() in nz.UZ_CYRILLIC_LETTERS)
    for w in words:
        w = w.strip("'")
        if not w:
            continue
        if w in prof.stopwords:
            score += d.W_STOP
        elif w in prof.words:
            score += d.W_WORD
        elif len(w) > 3 and w.endswith(prof.suffixes):
            score += d.W_SUFFIX
        elif w in d._OTHER_STOPWORDS:
            score -= d.W_OTHER
        for gram in () if translit else prof.ngrams:
            if gram in w:
                score += d.W_NGRAM * w.count(gram)
    return score / (len(words) ** 0.5) + prof.prior


def _texts() -> list[str]:
    texts = [
        "Ўзбекистон бозорида сотувни ошириш",
        "Увеличить выручку на 20%",
        "Größer werden, café",
        "Müşteri kaybını %5'e düşürmek",
        "O'quvchilar sonini 2 barobar oshirish",
        "Zwiększyć ruch",
        "Run 5 webinars",
        "Synergy",
        "Маркетинг",
        "",
        "!!!",
        "ЧОРАК ҲИСОБОТИ",
        "x" * 50,
    ]
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        source = load_text(str(path), path.read_text(encoding="utf-8"))
        for doc in source.documents:
            for obj in doc.objectives:
                for t in (obj.title, *(kr.title for kr in obj.key_results)):
                    if t is not None:
                        texts.append(t.value)
    texts.append("\n".join(texts))  # a whole document, as detect_document reads it
    return texts


def _reference_scores(text: str, languages: tuple[str, ...]) -> dict[str, float]:
    profiles = d._profiles(tuple(sorted(languages)), ())
    cyrillic = nz.has_cyrillic(text)
    scores = {lang: _reference_score(text, prof, cyrillic) for lang, prof in profiles.items()}
    return {lang: s for lang, s in scores.items() if s is not None}


def _reference_detect(text: str, languages: tuple[str, ...], default: str | None = None) -> str | None:
    scores = _reference_scores(text, languages)
    if not scores:
        return default if default and not any(ch.isalpha() for ch in text) else None
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if default is not None and scores.get(default, float("-inf")) >= 0 and len(_WORD_RE.findall(text)) <= 2:
        return default
    if default is not None and scores.get(default, float("-inf")) >= 0:
        if scores[default] >= top - d.MIN_MARGIN or top < d.MIN_SCORE or top - second < d.MIN_MARGIN:
            return default
    if top < d.MIN_SCORE:
        profiles = d._profiles(tuple(sorted(languages)), ())
        return best if top > 0 and profiles[best].prior > 0 else None
    return best


def _assert_same_as_reference(text: str, languages: tuple[str, ...]) -> None:
    expected = _reference_scores(text, languages)
    for _ in range(2):  # the second time from the remembered contributions
        scores = d.score_languages(text, languages)
        assert scores == expected
        assert list(scores) == list(expected)  # the same order: ties rank alike
    for default in (None, *languages):
        assert d.detect_language(text, languages, default=default) == _reference_detect(text, languages, default)


def _assert_document_same_as_reference(titles: list[str], languages: tuple[str, ...]) -> None:
    joined = "\n".join(t for t in titles if t)
    expected = _reference_detect(joined, languages) if joined.strip() else None
    assert d.detect_document(titles, languages) == expected
    if joined.strip():
        scores = d._scorer(languages, ()).document_scores([t for t in titles if t])
        assert scores == _reference_scores(joined, languages)


@pytest.mark.parametrize("text", _texts())
def test_fast_score_equals_reference(text):
    _assert_same_as_reference(text, Analyzer().languages)


def test_document_score_is_the_joined_titles_score():
    languages = Analyzer().languages
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        source = load_text(str(path), path.read_text(encoding="utf-8"))
        for doc in source.documents:
            titles = [
                t.value for obj in doc.objectives for t in (obj.title, *(kr.title for kr in obj.key_results)) if t
            ]
            _assert_document_same_as_reference(titles, languages)
    # A Latin title in a Cyrillic document is read as Cyrillic text is, as in the joined titles.
    _assert_document_same_as_reference(["Ўзбекистон бозорида сотувни ошириш", "Run 5 webinars", ""], languages)
    _assert_document_same_as_reference(["  ", "\n"], languages)


# Pieces that exercise what a text's evidence being the sum of its pieces' (and a document's
# the sum of its titles') relies on: apostrophes, hyphens, combining marks, İ and I, final
# sigma, title-case letters, Cyrillic е ц and capitals, letters no profile writes, digits.
_PIECES = st.sampled_from(
    [
        "Zwiększyć", "ruch", "o'quvchilar", "O‘quvchilar", "ko`p", "g'", "'quoted'", "e-posta", "a-", "-b", "x-'y",
        "İstanbul", "ISTANBUL", "Iğdır", "kayıt", "ΑΣ", "Σ", "ǅ", "straße", "café", "e\u0301", "\u0301x",
        "Ўзбекистон", "ЧОРАК", "Цех", "станция", "ел", "Ёш", "щы", "Маркетинг", "the", "with", "der", "und",
        "15", "000", "%20", "16'den", "b2b", "²", "Ⅻ", "", " ", "\n", "\u00a0", ".", "Run", "webinars",
    ]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=8).map(" ".join) | st.lists(_PIECES, max_size=4).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_generated_texts(text):
    _assert_same_as_reference(text, Analyzer().languages)


@settings(max_examples=150, deadline=None)
@given(st.lists(_TEXTS, max_size=5))
def test_generated_documents(titles):
    _assert_document_same_as_reference(titles, Analyzer().languages)


def test_weights_are_exact_in_any_order():
    for name in ("W_LETTER", "W_NGRAM", "W_STOP", "W_WORD", "W_SUFFIX", "W_FOREIGN", "W_RARE", "W_UZ_CYR", "W_OTHER"):
        assert (getattr(d, name) * 2).is_integer(), name


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab Zİı1_-'`’ʻ\u0301²\n."), max_size=16))
def test_word_pattern_finds_the_words_of_the_first_one(text):
    assert d._WORD_RE.findall(text) == _WORD_RE.findall(text)
