"""Messages in the author's language, from data beside the lexicons.

A rule yields a :class:`~okrlint.rule.Finding` whose ``message`` and
``suggestion`` are English (the source strings, like gettext's msgids), plus a
``message_id`` and ``params``. ``lexicons/messages/<lang>.yaml`` holds the
other languages, keyed by rule code and message id, with ``{placeholders}``::

    OKR103:
      default:
        message: "«{words}» не задаёт направление и величину"
        suggestion: "используйте глагол с направлением: «Увеличить X с A до B»"

Rules never branch on language; the engine calls :func:`translate` for each
finding. A missing translation or placeholder falls back to the English text,
never to an error. A suggestion taken from the text's own lexicon (the stronger
form in the author's language) is kept when the message speaks that language.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .rule import Finding

LANGUAGES = ("uz", "ru", "pl", "tr", "en")
MESSAGE_LANGUAGES = ("auto", *LANGUAGES)


def catalog_dir() -> Path:
    from . import lexicons

    return Path(lexicons.__file__).resolve().parent / "messages"


@cache
def catalog(language: str) -> Mapping[str, Mapping[str, Mapping[str, str]]]:
    """``{code: {message_id: {"message": …, "suggestion": …}}}`` for one language (empty if none)."""
    path = catalog_dir() / f"{language}.yaml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(code): dict(entries or {}) for code, entries in data.items() if not str(code).startswith("_")}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _fill(template: str | None, params: Mapping[str, Any]) -> str | None:
    """The template with its placeholders filled, or None when one is missing or empty."""
    if not template:
        return None
    names = placeholders(template)
    if any(params.get(n) in (None, "") for n in names):
        return None
    try:
        return template.format(**{n: params[n] for n in names})
    except (KeyError, IndexError, ValueError):
        return None


def finding_params(f: Finding) -> dict[str, Any]:
    params: dict[str, Any] = {"words": f.words[0]} if f.words else {}
    params.update(f.params)
    return params


def translate(
    code: str,
    f: Finding,
    language: str,
    *,
    text_language: str | None = None,
    lexicon_defaults: Mapping[str, str] | None = None,
) -> tuple[str, str]:
    """The finding's (message, suggestion) in ``language``."""
    lexicon_defaults = lexicon_defaults or {}
    from_lexicon = bool(f.suggestion) and f.suggestion in lexicon_defaults
    in_text_language = from_lexicon and text_language == language
    if language == "en":
        if from_lexicon and not in_text_language and lexicon_defaults[f.suggestion]:
            return f.message, lexicon_defaults[f.suggestion]
        return f.message, f.suggestion
    entry = catalog(language).get(code, {}).get(f.message_id) or {}
    params = finding_params(f)
    message = _fill(entry.get("message"), params) or f.message
    if in_text_language:
        suggestion = f.suggestion
    else:
        english = lexicon_defaults.get(f.suggestion) or f.suggestion if from_lexicon else f.suggestion
        # ``suggestion_otherwise`` is the hint for when ``suggestion``'s placeholders are empty (no close match).
        filled = _fill(entry.get("suggestion"), params) or _fill(entry.get("suggestion_otherwise"), params)
        suggestion = (filled or english) if f.suggestion else ""
    return message, suggestion
