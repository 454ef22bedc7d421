"""Text normalisation shared by every language: Unicode, apostrophes, scripts, numbers.

Normalisation never changes the offsets rules report: the tokeniser runs on the
source text and each token is normalised on its own.
"""

from __future__ import annotations

import re
import unicodedata

# Every apostrophe-like character an Uzbek or Turkish author may type.
APOSTROPHES = "'\u2018\u2019\u02bb\u02bc\u0060\u00b4\u02b9\u2032"
_APOS_RE = re.compile(f"[{re.escape(APOSTROPHES)}]")

# Spaces that may sit inside a number ("15 000", "15\u202f000").
NUMBER_SPACES = " \u00a0\u202f\u2009\u2007"

_CYR_UZ = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "x",
    "ч": "ch",
    "ш": "sh",
    "ъ": "'",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "ё": "yo",
    "ў": "o'",
    "қ": "q",
    "ғ": "g'",
    "ҳ": "h",
    "ц": "ts",
    "щ": "sh",
    "ы": "i",
}
_VOWELS_CYR = set("аеёиоуўэюяъь")
UZ_CYRILLIC_LETTERS = frozenset("ўқғҳ")


def fold_apostrophes(text: str) -> str:
    """Fold every apostrophe variant to the ASCII one."""
    return _APOS_RE.sub("'", text)


def casefold(text: str, dotless_i: bool = False) -> str:
    """Case-fold; ``dotless_i`` for alphabets with both ı and i (I → ı, İ → i)."""
    if dotless_i:
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower().replace("i̇", "i")


def has_dotless_i(alphabet: str) -> bool:
    """An alphabet that writes ı apart from i folds I to ı (Turkish, Azerbaijani …)."""
    return "ı" in alphabet


def uz_cyrillic_to_latin(text: str) -> str:
    """Transliterate Uzbek Cyrillic to the (pre-2026) Latin alphabet.

    "е" is "ye" at the start of a word and after a vowel or a hard/soft sign,
    "e" elsewhere ("ел" → "yel", "сентябрь" → "sentyabr"); "ё" is "yo".
    "ц" is "ts" after a vowel and "s" elsewhere ("станция" → "stansiya",
    "позиция" → "pozitsiya", "цех" → "sex"). A capital becomes a capital digraph
    ("Ч" → "Ch"), or an all-capital one inside a capitalised word ("ЧОРАК" →
    "CHORAK").
    """
    # Letters that read their neighbours are spelled one by one, the rest by one
    # str.translate: a Python loop over every character was a hot spot of detection.
    spelled = _UZ_CONTEXTUAL_RE.sub(lambda m: _uz_contextual(text, m.start()), text)
    return spelled.translate(_UZ_LATIN)


def _uz_contextual(text: str, k: int) -> str:
    """The Latin spelling of the letter at ``k``, one that depends on the letters around it."""
    ch = text[k]
    low = ch.lower()
    prev = text[k - 1] if k else ""
    if low == "е":
        rep = "ye" if (not prev.isalpha() or prev.lower() in _VOWELS_CYR) else "e"
    elif low == "ц":
        rep = "ts" if prev.isalpha() and prev.lower() in _VOWELS_CYR else "s"
    else:
        rep = _CYR_UZ[low]
    if ch != low and rep:
        nxt = text[k + 1] if k + 1 < len(text) else ""
        all_caps = (nxt.isalpha() and nxt.isupper()) or (not nxt.isalpha() and prev.isalpha() and prev.isupper())
        rep = rep.upper() if all_caps else rep[0].upper() + rep[1:]
    return rep


class _UzLatinTable(dict):
    """str.translate's table for every letter whose spelling needs no context.

    A character outside the alphabet stays itself, except that a capital is
    upper-cased ("ǅ" → "Ǆ"), as a capital's spelling is; those are looked up
    when first met, as there is one table for all of Unicode.
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        rep = ch.upper() if ch != ch.lower() else ch
        if len(self) < 20_000:
            self[code] = rep
        return rep


# е ц (by the letter before) and a capital spelled with two letters of which
# the second's case depends on the letters around it ("Ч" → "Ch" or "CH").
_UZ_CONTEXTUAL = "ец" + "".join(
    k.upper() for k, v in {**_CYR_UZ, "е": "ye"}.items() if v.upper() != v[:1].upper() + v[1:]
)
_UZ_CONTEXTUAL_RE = re.compile(f"[{_UZ_CONTEXTUAL}]")
_UZ_LATIN = _UzLatinTable({ord(k): v for k, v in _CYR_UZ.items() if k not in _UZ_CONTEXTUAL})
_UZ_LATIN.update({ord(k.upper()): v[:1].upper() + v[1:] for k, v in _CYR_UZ.items() if k.upper() not in _UZ_CONTEXTUAL})


def has_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_THOUSANDS_GROUP = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")


def parse_number(raw: str) -> float | None:
    """Parse "15 000", "15.000", "15,000", "1,5", "3.5", "1.234,5" to a float."""
    s = "".join(ch for ch in raw if ch not in NUMBER_SPACES and ch != "'")
    if not s or not s[0].isdigit():
        return None
    if "." in s and "," in s:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
        thou = "," if dec == "." else "."
        s = s.replace(thou, "").replace(dec, ".")
    elif s.count(".") > 1 or s.count(",") > 1 or _THOUSANDS_GROUP.match(s):
        s = s.replace(".", "").replace(",", "")
    else:
        s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None
