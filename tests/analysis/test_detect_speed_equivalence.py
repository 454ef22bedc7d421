"""The fast Uzbek transliteration spells every text exactly as the plain per-character loop does.

``normalize.uz_cyrillic_to_latin`` spells the context-free letters with one
``str.translate`` and only е ц and two-letter capitals one by one. This keeps the
straightforward loop it replaced and compares the two on generated strings, every
Cyrillic-block character in every neighbourhood that matters, and real titles.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from okrlint.analysis import normalize as nz

ROOT = Path(__file__).resolve().parent.parent.parent

_CYR_UZ = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "j", "з": "z", "и": "i", "й": "y", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "x", "ч": "ch", "ш": "sh", "ъ": "'", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ё": "yo",
    "ў": "o'", "қ": "q", "ғ": "g'", "ҳ": "h", "ц": "ts", "щ": "sh", "ы": "i",
}  # fmt: skip
_VOWELS_CYR = set("аеёиоуўэюяъь")


def _reference(text: str) -> str:
    out: list[str] = []
    n = len(text)
    for k, ch in enumerate(text):
        low = ch.lower()
        prev = text[k - 1] if k else ""
        if low == "е":
            rep = "ye" if (not prev.isalpha() or prev.lower() in _VOWELS_CYR) else "e"
        elif low == "ц":
            rep = "ts" if prev.isalpha() and prev.lower() in _VOWELS_CYR else "s"
        elif low in _CYR_UZ:
            rep = _CYR_UZ[low]
        else:
            rep = ch
        if ch != low and rep:
            nxt = text[k + 1] if k + 1 < n else ""
            all_caps = (nxt.isalpha() and nxt.isupper()) or (not nxt.isalpha() and prev.isalpha() and prev.isupper())
            rep = rep.upper() if all_caps else rep[0].upper() + rep[1:]
        out.append(rep)
    return "".join(out)


def test_alphabet_is_the_reference_alphabet():
    assert nz._CYR_UZ == _CYR_UZ
    assert nz._VOWELS_CYR == _VOWELS_CYR


_LETTERS = "".join(_CYR_UZ) + "е"
_CHARS = (
    _LETTERS
    + _LETTERS.upper()
    + "aeiouxyzAEIOUXYZ İıß"  # Latin, Turkish i's
    + "ǅǈᾈΣσ"  # title-case letters (upper-cased as capitals are), Greek
    + "0123456789 -'`ʻ’.,%\n\t\u00a0"
    + "\u0301\u0306\u0308"  # combining marks
    + "ѐѓєѕіїјљњћќѝўџѠѡҊҋӀӁӐӑӘәӢӣӦӧ"  # Cyrillic letters outside the alphabet
)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_CHARS), max_size=24))
def test_generated_strings(text):
    assert nz.uz_cyrillic_to_latin(text) == _reference(text)


def test_every_cyrillic_and_latin_character_in_every_neighbourhood():
    neighbours = ["", " ", "а", "б", "А", "Б", "Ч", "е", "ь", "Ъ", "1", "x", "X"]
    for code in list(range(0x0000, 0x0250)) + list(range(0x0370, 0x0530)) + list(range(0x1E00, 0x2000)):
        ch = chr(code)
        for before in neighbours:
            for after in neighbours:
                text = before + ch + after
                assert nz.uz_cyrillic_to_latin(text) == _reference(text), text


def test_real_titles():
    texts = [
        "ЧОРАК ҲИСОБОТИ",
        "Шаҳар кутубхонасига ташрифларни кўпайтириш",
        "Ел, сентябрь, станция, позиция, цех, Цех, ЦЕХ, Ёш, ЁШ, Юқори, ЮҚОРИ, Ўқувчи",
    ]
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        texts.extend(path.read_text(encoding="utf-8").splitlines())
    for text in texts:
        assert nz.uz_cyrillic_to_latin(text) == _reference(text), text
