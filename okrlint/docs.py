"""Rule documentation pages, generated from each rule's META and fixtures.

``python -m okrlint.docs [DIR]`` writes ``docs/rules/<CODE>.md`` (and an
index); ``python -m okrlint.docs --check`` exits 1 when a page is stale, which
is what the test suite runs, so the pages cannot drift from the code.
"""

from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, metadata
from pathlib import Path

REPOSITORY = "https://github.com/okrlint/okrlint"
LANGUAGES = ("uz", "ru", "pl", "tr", "en")
LANGUAGE_NAMES = {"uz": "Uzbek", "ru": "Russian", "pl": "Polish", "tr": "Turkish", "en": "English"}


def repository_url() -> str:
    """The project's repository (``Repository`` in the package metadata), else the default."""
    try:
        for entry in metadata("okrlint").get_all("Project-URL") or ():
            label, _, url = entry.partition(",")
            if label.strip().lower() in ("repository", "source", "homepage"):
                return url.strip().rstrip("/")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        pass
    return REPOSITORY


def rule_url(code: str | None) -> str:
    """Where a rule's page lives (or the project itself when ``code`` is None)."""
    base = repository_url()
    return f"{base}/blob/main/docs/rules/{code}.md" if code else base
