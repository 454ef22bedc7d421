"""Language detection's fast scorer gives exactly the scores of the plain letter-by-letter one.

``detect._score`` looks up what each letter and word contributes (remembered per profile)
and adds a letter's weight times its count; that is only the same number because every
weight is a multiple of 0.5. This test keeps a straightforward copy of the scorer and
compares the two on real texts, so a change of weights or features cannot make them drift.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from okrlint.analysis import Analyzer
from okrlint.analysis import detect as d
from okrlint.analysis import normalize as nz
from okrlint.loader import load_text

ROOT = Path(__file__).resolve().parent.parent


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
    words = d._WORD_RE.findall(sample)
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


@pytest.mark.parametrize("text", _texts())
def test_fast_score_equals_reference(text):
    languages = Analyzer().languages
    profiles = d._profiles(tuple(sorted(languages)), ())
    cyrillic = nz.has_cyrillic(text)
    for _ in range(2):  # the second time from the remembered contributions
        for prof in profiles.values():
            assert d._score(text, prof, cyrillic) == _reference_score(text, prof, cyrillic)


def test_weights_are_exact_in_any_order():
    for name in ("W_LETTER", "W_NGRAM", "W_STOP", "W_WORD", "W_SUFFIX", "W_FOREIGN", "W_RARE", "W_UZ_CYR", "W_OTHER"):
        assert (getattr(d, name) * 2).is_integer(), name
