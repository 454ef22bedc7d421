"""A per-user cache of compiled lexicons, so a cold run does not lemmatise every lexicon entry again.

Compiling a lexicon runs every entry through its language's analyser (~250 ms for
the five shipped languages, most of a cold run's analysis cost). The result — the
lexicon's data, its compiled patterns and the analyser's word cache as it stood
right after compiling — is stored once per user, like ``__pycache__``:

- where: ``$OKRLINT_LEXICON_CACHE`` if set (``off`` or ``0`` turns the cache off), else
  the platform's user cache directory (``~/.cache/okrlint/lexicons`` on Linux). Never
  inside a project: a cloned repository cannot bring its own entries.
- keyed by: the bytes of every lexicon file read (built-in and the configuration's
  folders), the analyser class, okrlint's version, the Python version and the fields
  of the stored classes; an entry also lists the files of every non-standard-library
  module that was loaded when it was written (okrlint's own code, the morphology
  libraries) with their size and mtime, and is used only while they are unchanged.
- stored with :mod:`marshal` (plain values only: loading an entry runs no code);
  written atomically (temporary file + rename), so concurrent runs are safe. A
  corrupt, truncated or foreign entry is ignored and rewritten, an unwritable
  directory silently means no cache.

A hit gives the analyser exactly the state compiling would have left (see
``Analyser.__init__``), so results never depend on the cache.
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
import os
import sys
import sysconfig
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..cache import lexicon_cache_dir as cache_dir
from ..cache import read_entry, write_entry

FORMAT = 1
MAX_ENTRIES = 64  # a few lexicon versions per language; older entries are pruned
MAX_WORDS = 50_000  # analysed words kept per entry's word store; the most recently added win


def _classes() -> dict[str, type]:
    from .base import WordInfo
    from .lexicon import Element, Pattern

    return {"WordInfo": WordInfo, "Element": Element, "Pattern": Pattern}


def entry_key(language: str, analyser_cls: type, sources: Iterable[Path]) -> str | None:
    """The key of a language's compiled lexicon, or None when a source cannot be read."""
    from .. import __version__

    if cache_dir() is None:
        return None
    h = hashlib.sha256()
    parts = [
        FORMAT,
        __version__,
        sys.version,
        sys.implementation.name,
        language,
        f"{analyser_cls.__module__}:{analyser_cls.__qualname__}",
    ]
    parts += [f"{name}:{','.join(f.name for f in dataclasses.fields(cls))}" for name, cls in _classes().items()]
    h.update(repr(parts).encode())
    for src in sources:
        try:
            h.update(str(src).encode() + b"\0" + Path(src).read_bytes() + b"\0")
        except OSError:
            return None
    return h.hexdigest()


def _stdlib_dirs() -> tuple[str, ...]:
    paths = sysconfig.get_paths()
    return tuple(os.path.realpath(paths[k]) + os.sep for k in ("stdlib", "platstdlib") if k in paths)


def _dependencies() -> list[tuple[str, int, int]]:
    """(file, mtime_ns, size) of every loaded module outside the standard library (rules excepted)."""
    std = _stdlib_dirs()
    out = []
    for name, mod in list(sys.modules.items()):
        if name.startswith("okrlint.rules"):
            continue
        f = getattr(mod, "__file__", None)
        if not f:
            continue
        real = os.path.realpath(f)
        if real.startswith(std):
            continue
        try:
            st = os.stat(real)
        except OSError:
            continue
        out.append((real, st.st_mtime_ns, st.st_size))
    return sorted(set(out))


def _unchanged(deps: Any) -> bool:
    for path, mtime, size in deps:
        try:
            st = os.stat(path)
        except OSError:
            return False
        if st.st_mtime_ns != mtime or st.st_size != size:
            return False
    return True


# -- plain values <-> objects ------------------------------------------------------
# A pattern is stored as the tuple of its field values, its ``elements`` as tuples of
# theirs; a word's analysis as the tuple of its fields. Anything else is refused.


def _fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        raise ValueError("a nested object the cache cannot store")
    return value


def _encode_patterns(patterns: list[Any]) -> list[Any]:
    names = _fields(type(patterns[0])) if patterns else ()
    enames = None
    out = []
    for p in patterns:
        row = []
        for name in names:
            value = getattr(p, name)
            if name == "elements":
                enames = enames or _fields(type(value[0]))
                value = tuple(tuple(_plain(getattr(e, n)) for n in enames) for e in value)
            else:
                value = _plain(value)
            row.append(value)
        out.append(tuple(row))
    return out


def _encode_words(words: dict[str, Any]) -> dict[str, Any]:
    names: dict[type, tuple[str, ...]] = {}
    out = {}
    for k, w in words.items():
        cls = type(w)
        fields = names.get(cls) or names.setdefault(cls, _fields(cls))
        out[k] = tuple(_plain(getattr(w, n)) for n in fields)
    return out


def _maker(cls: type) -> Any:
    """A fast constructor from field values: the objects are plain frozen dataclasses."""
    names = _fields(cls)
    if hasattr(cls, "__post_init__") or getattr(cls, "__slots__", None) is not None:
        return lambda values: cls(*values)
    new = object.__new__

    def make(values: tuple) -> Any:
        obj = new(cls)
        obj.__dict__.update(zip(names, values))
        return obj

    return make


def _decode_patterns(rows: list[Any], classes: dict[str, type]) -> list[Any]:
    pattern, element = _maker(classes["Pattern"]), _maker(classes["Element"])
    at = _fields(classes["Pattern"]).index("elements")
    out = []
    for row in rows:
        row = list(row)
        row[at] = tuple(element(e) for e in row[at])
        out.append(pattern(row))
    return out


def _decode_words(words: dict[str, Any], classes: dict[str, type]) -> dict[str, Any]:
    make = _maker(classes["WordInfo"])
    return {k: make(v) for k, v in words.items()}


# -- reading and writing -------------------------------------------------------------


def load(key: str | None) -> tuple[dict[str, Any], list[Any], dict[str, Any]] | None:
    """(lexicon data, patterns, word cache) of a valid entry, else None."""
    d = cache_dir()
    if key is None or d is None:
        return None
    try:
        entry = read_entry(d / f"{key}.bin", key, FORMAT)
        if entry is None or not _unchanged(entry["deps"]):
            return None
        classes = _classes()
        data, patterns, words = (
            entry["data"],
            _decode_patterns(entry["patterns"], classes),
            _decode_words(entry["words"], classes),
        )
        if not (isinstance(data, dict) and isinstance(patterns, list) and isinstance(words, dict)):
            return None
        return data, patterns, words
    except Exception:  # noqa: BLE001 - missing, corrupt, truncated or foreign: compile instead
        return None


def store(key: str | None, data: bytes, patterns: list[Any], words: dict[str, Any]) -> None:
    """Write an entry (``data`` is the marshalled lexicon data as read, before any analyser ran)."""
    d = cache_dir()
    if key is None or d is None:
        return
    try:
        entry = {
            "format": FORMAT,
            "key": key,
            "deps": _dependencies(),
            "data": marshal.loads(data),
            "patterns": _encode_patterns(patterns),
            "words": _encode_words(words),
        }
        write_entry(d / f"{key}.bin", entry)
        _prune(d)
    except Exception:  # noqa: BLE001 - unwritable, or a value marshal cannot store: no cache
        return


def _prune(d: Path) -> None:
    for pattern in ("*.bin", "*.words"):
        entries = sorted(d.glob(pattern), key=lambda p: p.stat().st_mtime_ns)
        for p in entries[:-MAX_ENTRIES]:
            try:
                p.unlink()
            except OSError:
                pass


# -- analysed words ------------------------------------------------------------------
# Next to an entry, ``<key>.words`` keeps what the analyser learnt of text words in earlier
# runs ({table: {word: analysis}}, see ``Analyser.word_tables``), so a word seen before needs
# neither pymorphy3 nor Morfeusz. An analysis depends only on the word and on what the entry's
# key covers; the store is also tied to the files of every module loaded when it was written
# (the morphology libraries and their dictionaries), like an entry.


def load_words(key: str | None) -> dict[str, dict[str, Any]] | None:
    """The word tables stored for entry ``key``, or None (none stored, stale, corrupt or foreign)."""
    d = cache_dir()
    if key is None or d is None:
        return None
    try:
        entry = read_entry(d / f"{key}.words", key, FORMAT)
        if entry is None or not _unchanged(entry["deps"]):
            return None
        tables = dict(entry["tables"])
        if not all(isinstance(t, dict) for t in tables.values()):
            return None
        if "words" in tables:
            classes = _classes()
            width = len(_fields(classes["WordInfo"]))
            # The shape of every analysis, so that a damaged store is refused, never half-read.
            if not all(
                type(v) is tuple and len(v) == width and type(v[0]) is tuple and all(type(x) is str for x in v[0])
                for v in tables["words"].values()
            ):
                return None
            tables["words"] = _decode_words(tables["words"], classes)
        return tables
    except Exception:  # noqa: BLE001 - missing, corrupt, truncated or foreign: analyse again
        return None


def store_words(key: str | None, tables: dict[str, dict[str, Any]]) -> None:
    """Write the word tables of entry ``key`` (the last MAX_WORDS items of each), atomically.

    What the store already holds is kept (parallel workers, and runs side by side, each
    add their words); an analysis in ``tables`` wins over a stored one.
    """
    d = cache_dir()
    if key is None or d is None:
        return
    try:
        stored = load_words(key) or {}
        plain = {}
        for name, table in tables.items():
            merged = {**stored.get(name, {}), **table}
            items = list(merged.items())[-MAX_WORDS:]
            plain[name] = _encode_words(dict(items)) if name == "words" else dict(items)
        write_entry(d / f"{key}.words", {"format": FORMAT, "key": key, "deps": _dependencies(), "tables": plain})
    except Exception:  # noqa: BLE001 - unwritable, or a value marshal cannot store: no store
        return
