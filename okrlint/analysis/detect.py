"""Language identification for one objective or key result.

A small scorer over features each lexicon declares under ``detect:``
(characteristic letters, stop words, suffixes). It tells Uzbek from Turkish and
Uzbek Cyrillic from Russian, needs no model, and loads in about a millisecond.
Returns None when no language scores enough: rules then stay silent rather
than act on a wrong guess.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from . import normalize as nz
from .lexicon import load_lexicon

_WORD_RE = re.compile(r"[^\W\d_](?:[\w'\u2018\u2019\u02bb\u02bc`]|-(?=\w))*")


@lru_cache(maxsize=32)
def _profiles(languages: tuple[str, ...], dirs: tuple[Path, ...]) -> dict[str, dict]:
    out = {}
    for lang in languages:
        lx = load_lexicon(lang, dirs)
        det = lx.get("detect", {}) or {}
        out[lang] = {
            "script": det.get("script", "latin"),
            "letters": set(str(det.get("letters", ""))),
            "stopwords": {str(w).lower() for w in det.get("stopwords", []) or []},
            "suffixes": tuple(str(s).lower() for s in det.get("suffixes", []) or []),
            "translit": det.get("translit_from_cyrillic", False),
        }
    return out


def score_languages(text: str, languages: Iterable[str], dirs: Iterable[Path] = ()) -> dict[str, float]:
    profiles = _profiles(tuple(sorted(languages)), tuple(dirs))
    cyrillic = nz.has_cyrillic(text)
    scores: dict[str, float] = {}
    for lang, prof in profiles.items():
        sample = text
        if cyrillic and prof["script"] != "cyrillic":
            if not prof["translit"]:
                continue
            sample = nz.uz_cyrillic_to_latin(text)
        elif not cyrillic and prof["script"] == "cyrillic":
            continue
        sample = nz.casefold(nz.fold_apostrophes(nz.nfc(sample)), lang)
        words = _WORD_RE.findall(sample)
        if not words:
            continue
        score = 0.0
        score += 2.0 * sum(1 for ch in sample if ch in prof["letters"])
        score += 1.5 * sum(1 for w in words if w in prof["stopwords"])
        score += 1.0 * sum(1 for w in words if len(w) > 3 and w.endswith(prof["suffixes"]))
        if cyrillic and prof["script"] != "cyrillic":
            # Letters only Uzbek Cyrillic has are strong evidence.
            score += 4.0 * sum(1 for ch in text.lower() if ch in nz.UZ_CYRILLIC_LETTERS)
        scores[lang] = score / (len(words) ** 0.5)
    return scores


def detect_language(text: str, languages: Iterable[str], dirs: Iterable[Path] = ()) -> str | None:
    scores = score_languages(text, languages, dirs)
    if not scores:
        return None
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] > 0 else None
