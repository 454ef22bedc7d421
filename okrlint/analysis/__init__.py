"""Language analysis: one analyser per language behind one interface.

Analysers are found through the entry point group ``okrlint.languages``
(``code = "package.module:AnalyserClass"``), the shipped ones included, and are
imported only when a text in their language needs analysis. An
:class:`Analyzer` object keeps the loaded analysers and a per-text cache, so
every rule that reads a text shares one analysis.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..plugins import entry_points
from .types import Analysis

if TYPE_CHECKING:
    from .lexicon import Lexicon

# .lexicon (and what it compiles at import) loads with the first analyser: a rule module that
# imports okrlint.analysis.reading, or a run of cache hits, does not need it.
_LAZY = {"Lexicon", "LexiconError", "load_lexicon"}


def __getattr__(name: str):
    if name in _LAZY:
        from . import lexicon

        return getattr(lexicon, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


ENTRY_POINT_GROUP = "okrlint.languages"
MAX_TEXT = 2_000  # characters of one text that are analysed


def available_languages() -> dict[str, str]:
    """Language code → "module:Class" of every installed analyser."""
    return {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}


class Analyzer:
    """Loads analysers lazily and caches analyses for one run."""

    def __init__(self, lexicon_dirs: Iterable[Path] = ()):
        self.lexicon_dirs = tuple(Path(p) for p in lexicon_dirs)
        self._analysers: dict[str, object] = {}
        self._cache: dict[tuple[str, str], Analysis] = {}
        # language → (compiled-lexicon key, size of each word table when it was read from the store)
        self._stored: dict[str, tuple[str, dict[str, int]]] = {}
        self._eps = {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(sorted(self._eps))

    def analyser(self, language: str):
        if language not in self._analysers:
            ep = self._eps.get(language)
            if ep is None:
                raise LookupError(language)
            cls = ep.load()
            path = getattr(cls, "lexicon_path", None)
            self._analysers[language] = self._build(language, cls, Path(path) if path else None)
        return self._analysers[language]

    def _restore_words(self, language: str, analyser, key: str | None):  # type: ignore[no-untyped-def]
        """Give ``analyser`` the words earlier runs analysed (see compiled.load_words)."""
        from . import compiled

        if key is None:
            return analyser
        tables = analyser.word_tables()
        for name, saved in (compiled.load_words(key) or {}).items():
            table = tables.get(name)
            if table is not None:
                for word, value in saved.items():
                    table.setdefault(word, value)
        self._stored[language] = (key, {name: len(t) for name, t in tables.items()})
        return analyser

    def save_words(self) -> None:
        """Store what the analysers learnt of new words for the next run (per user, like compiled lexicons)."""
        from . import compiled

        for language, (key, sizes) in self._stored.items():
            tables = self._analysers[language].word_tables()  # type: ignore[attr-defined]
            if any(len(t) != sizes.get(name) for name, t in tables.items()):
                compiled.store_words(key, tables)
                self._stored[language] = (key, {name: len(t) for name, t in tables.items()})

    def _build(self, language: str, cls: type, path: Path | None):
        """The analyser, its lexicon compiled or, when unchanged since a previous run, read compiled."""
        from . import compiled
        from .lexicon import Lexicon, lexicon_sources, load_lexicon

        key = compiled.entry_key(language, cls, lexicon_sources(language, self.lexicon_dirs, path))
        hit = compiled.load(key)
        if hit is not None:
            data, patterns, words = hit
            lexicon = Lexicon(language, data, tuple(str(p) for p in lexicon_sources(language, self.lexicon_dirs, path)))
            lexicon.__dict__["precompiled"] = (patterns, words)
            return self._restore_words(language, cls(lexicon), key)
        lexicon = load_lexicon(language, self.lexicon_dirs, path)
        try:
            data = marshal.dumps(lexicon.data)  # as read, before the analyser sees it
        except ValueError:  # a value marshal cannot store (a date): no cache for this lexicon
            data = None
        analyser = cls(lexicon)
        words = lexicon.__dict__.pop("compiled_words", None)
        if data is not None and words is not None and lexicon.compiled:
            compiled.store(key, data, lexicon._patterns, words)  # type: ignore[arg-type]
        return self._restore_words(language, analyser, key)

    def lexicon(self, language: str) -> Lexicon:
        return self.analyser(language).lexicon  # type: ignore[attr-defined]

    def analyse(self, text: str, language: str) -> Analysis:
        key = (language, text)
        hit = self._cache.get(key)
        if hit is None:
            # No objective or key result is this long; past the cap only the start is read, so a
            # pasted megabyte costs what a long sentence costs (offsets stay valid: it is a prefix).
            hit = self.analyser(language).analyse(_capped(text))  # type: ignore[attr-defined]
            if len(self._cache) > 50_000:
                self._cache.clear()
            self._cache[key] = hit
        return hit

    def forget_analyses(self) -> None:
        """Drop the remembered analyses (the analysers and what they know of words stay)."""
        self._cache.clear()

    def detect(self, text: str, default: str | None = None) -> str | None:
        """The language of ``text``; ``default`` (the document's) when its own evidence is weak."""
        from .detect import detect_language

        return detect_language(text, self.languages, self.lexicon_dirs, default=default)

    def detect_document(self, texts: Iterable[str]) -> str | None:
        from .detect import detect_document

        return detect_document(texts, self.languages, self.lexicon_dirs)


def _capped(text: str) -> str:
    if len(text) <= MAX_TEXT:
        return text
    cut = text.rfind(" ", MAX_TEXT // 2, MAX_TEXT)
    return text[: cut if cut > 0 else MAX_TEXT]


__all__ = ["Analysis", "Analyzer", "Lexicon", "LexiconError", "available_languages", "load_lexicon"]
