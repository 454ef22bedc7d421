"""A per-user index of the rules' metadata, so a run that needs no check imports no rule module.

Finding the rules means importing every rule module (and what they import: the
analysis types, the suppression parser, the period and alignment helpers),
~80 ms of every start-up. Most runs need only the rules' metadata: ``okrlint
rules``, ``explain``, and a run whose files are all in the result cache, which
must still build the selection and the cache key. The index keeps each rule's
``META`` as plain values; :class:`okrlint.registry.LoadedRule` imports its
module when its ``check`` is first called.

- where: next to the compiled lexicons (``$OKRLINT_LEXICON_CACHE``, ``off``
  turns both off; see :mod:`okrlint.analysis.compiled`).
- keyed by: okrlint's version, the Python version, the ``okrlint.rules`` entry
  points, and the size and mtime of every file in okrlint's package and in each
  entry point's package. Any change to a rule's source makes a new key.
- stored with :mod:`marshal` (plain values only: loading runs no code); a rule
  whose metadata does not survive the round trip (an option of a type of its
  own, a subclass of ``Rule``) means no index, so the rules are imported as
  before. Written atomically; a corrupt, truncated or foreign file is ignored.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .cache import read_entry, write_entry
from .model import Element
from .rule import Option, Rule, Severity

FORMAT = 1
MAX_FILES = 8  # a few environments per user (several virtualenvs) share the directory

_TYPES = {t.__name__: t for t in (int, float, bool, str, list, tuple, dict, type(None))}


def directory() -> Path | None:
    from .cache import lexicon_cache_dir

    d = lexicon_cache_dir()
    return None if d is None else d / "rules"


def key(entry_points: Sequence[Any]) -> str | None:
    """The index key for these entry points, or None when their files cannot be told without importing."""
    import importlib.util

    from .cache import _tree_stats

    if directory() is None:
        return None
    parts: list[Any] = [FORMAT, __version__, sys.version, [(ep.name, ep.value) for ep in entry_points]]
    parts += _tree_stats(Path(__file__).parent, depth=2)
    for ep in entry_points:
        if ":" in ep.value:
            return None  # an attribute of a module: only importing it tells what it is
        try:
            spec = importlib.util.find_spec(ep.value.strip())
        except (ImportError, ValueError):
            return None
        if spec is None or spec.origin is None:
            return None
        if spec.submodule_search_locations:  # a package of rule modules
            for location in spec.submodule_search_locations:
                parts += _tree_stats(Path(location), depth=2)
        else:  # one module: its own file (its folder may be all of site-packages)
            parts.append(_file_stat(spec.origin))
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def _file_stat(path: str) -> tuple[str, int, int] | tuple[str, None]:
    try:
        st = os.stat(path)
    except OSError:
        return (path, None)
    return (path, st.st_size, st.st_mtime_ns)


def load(index_key: str | None) -> list[tuple[Rule, str, str, str]] | None:
    """(meta, module, origin, file) of every rule, or None when there is no valid index."""
    d = directory()
    if index_key is None or d is None:
        return None
    try:
        entry = read_entry(d / f"{index_key}.idx", index_key, FORMAT)
        if entry is None:
            return None
        out = []
        for meta, module, origin, file in entry["rules"]:
            decoded = _decode(meta)
            if not isinstance(decoded, Rule) or not all(isinstance(x, str) for x in (module, origin, file)):
                return None
            out.append((decoded, module, origin, file))
        return out
    except Exception:  # noqa: BLE001 - missing, corrupt, truncated or foreign: import the rules
        return None


def store(index_key: str | None, rules: Sequence[tuple[Rule, str, str, str]]) -> None:
    """Write the index, unless a rule's metadata is not plain enough to come back equal."""
    d = directory()
    if index_key is None or d is None:
        return
    try:
        encoded = []
        for meta, module, origin, file in rules:
            plain = _encode(meta)
            if _decode(plain) != meta:
                return
            encoded.append((plain, module, origin, file))
        write_entry(d / f"{index_key}.idx", {"format": FORMAT, "key": index_key, "rules": encoded})
        _prune(d)
    except Exception:  # noqa: BLE001 - unwritable, or a value marshal cannot store: no index
        return


def forget(index_key: str | None) -> None:
    d = directory()
    if index_key is not None and d is not None:
        try:
            (d / f"{index_key}.idx").unlink()
        except OSError:
            pass


def _prune(d: Path) -> None:
    entries = sorted(d.glob("*.idx"), key=lambda p: p.stat().st_mtime_ns)
    for p in entries[:-MAX_FILES]:
        try:
            p.unlink()
        except OSError:
            pass


# -- metadata <-> plain values -------------------------------------------------------
# Tuples are tagged ("t", ...), as are the few okrlint objects a rule's META holds;
# lists, dicts with string keys and scalars are themselves. Anything else is refused.


def _encode(value: Any) -> Any:
    if value is None or type(value) in (bool, int, float, str):
        return value
    if isinstance(value, Severity):
        return ("S", value.value)
    if isinstance(value, Element):
        return ("E", value.value)
    if type(value) is Rule:
        return ("R", {name: _encode(getattr(value, name)) for name in value.__dataclass_fields__})
    if type(value) is Option:
        return ("O", {name: _encode(getattr(value, name)) for name in value.__dataclass_fields__})
    if isinstance(value, type) and _TYPES.get(value.__name__) is value:
        return ("T", value.__name__)
    if type(value) is tuple:
        return ("t", *map(_encode, value))
    if type(value) is list:
        return [_encode(v) for v in value]
    if type(value) is dict and all(type(k) is str for k in value):
        return {k: _encode(v) for k, v in value.items()}
    raise TypeError(f"not a plain value: {type(value).__name__}")


def _decode(value: Any) -> Any:
    if type(value) is list:
        return [_decode(v) for v in value]
    if type(value) is dict:
        return {k: _decode(v) for k, v in value.items()}
    if type(value) is not tuple:
        return value
    tag, rest = value[0], value[1:]
    if tag == "t":
        return tuple(map(_decode, rest))
    if tag == "S":
        return Severity(rest[0])
    if tag == "E":
        return Element(rest[0])
    if tag == "T":
        return _TYPES[rest[0]]
    if tag == "R":
        return Rule(**{k: _decode(v) for k, v in rest[0].items()})
    if tag == "O":
        return Option(**{k: _decode(v) for k, v in rest[0].items()})
    raise ValueError(f"unknown tag {tag!r}")
