"""Entry points without importing :mod:`importlib.metadata` (~30 ms of every run's start-up).

okrlint finds its rules (``okrlint.rules``) and language analysers
(``okrlint.languages``) through entry points. :func:`entry_points` reads the
``entry_points.txt`` of every distribution on ``sys.path`` the way
``importlib.metadata.entry_points(group=...)`` does — the same directories in the
same order, the first distribution of a name winning, the same file syntax — and
hands back to :mod:`importlib.metadata` whenever the environment is anything but
plain directories (a zip on ``sys.path`` that holds distributions, an ``.egg``
path, an import hook that finds distributions of its own).
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from typing import Any

_PATTERN = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")


@dataclass(frozen=True)
class EntryPoint:
    """The parts of :class:`importlib.metadata.EntryPoint` okrlint uses."""

    name: str
    value: str
    group: str

    def load(self) -> Any:
        match = _PATTERN.match(self.value)
        if match is None:
            raise ValueError(f"invalid entry point value {self.value!r}")
        import importlib

        obj: Any = importlib.import_module(match.group("module"))
        for attr in filter(None, (match.group("attr") or "").split(".")):
            obj = getattr(obj, attr)
        return obj


def _normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def _standard_finders_only() -> bool:
    from importlib.machinery import PathFinder

    for finder in sys.meta_path:
        if finder is PathFinder or isinstance(finder, PathFinder):
            continue
        if getattr(finder, "find_distributions", None) is not None:
            return False
    return True


def _fast(group: str) -> list[EntryPoint] | None:
    """The entry points of ``group``, or None when only importlib.metadata can tell."""
    if not _standard_finders_only():
        return None
    seen: set[str] = set()
    out: list[EntryPoint] = []
    for entry in sys.path:
        root = entry or "."
        if root.lower().endswith(".egg"):
            return None
        try:
            children = os.listdir(root)
        except NotADirectoryError:
            try:  # a zip of the standard library is fine as long as it holds no distribution
                import zipfile

                with zipfile.ZipFile(root) as zf:
                    if any(
                        n.lower().rstrip("/").endswith((".dist-info", ".egg-info"))
                        or ".dist-info/" in n.lower()
                        or ".egg-info/" in n.lower()
                        for n in zf.namelist()
                    ):
                        return None
            except Exception:  # noqa: BLE001 - not a zip: importlib.metadata skips it too, but be safe
                return None
            continue
        except OSError:
            continue
        # importlib.metadata groups a directory's distributions by normalised name, in listing order.
        infos: dict[str, list[str]] = {}
        for child in children:
            low = child.lower()
            if low.endswith((".dist-info", ".egg-info")):
                infos.setdefault(_normalize(low.rpartition(".")[0].partition("-")[0]), []).append(child)
        for paths in infos.values():
            for child in paths:
                stem, ext = os.path.splitext(child)
                if ext not in (".dist-info", ".egg-info"):
                    return None  # an odd case spelling: let importlib.metadata decide
                name = _normalize(stem.partition("-")[0])
                if name in seen:
                    continue
                seen.add(name)
                path = os.path.join(root, child)
                try:
                    with open(os.path.join(path, "entry_points.txt"), encoding="utf-8") as fh:
                        text = fh.read()
                except FileNotFoundError:
                    continue
                except OSError:
                    if os.path.isdir(path):
                        return None
                    continue
                found = _parse(text, group)
                if found is None:
                    return None
                out.extend(found)
    return out


def _parse(text: str, group: str) -> list[EntryPoint] | None:
    """The group's entry points in one ``entry_points.txt`` (None when a line would make importlib fail)."""
    out = []
    section = None
    for line in map(str.strip, text.splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
            continue
        if section is None:
            continue
        if "=" not in line:
            return None
        if section != group:
            continue
        name, _, value = line.partition("=")
        out.append(EntryPoint(name.strip(), value.strip(), section))
    return out


def entry_points(group: str) -> list[Any]:
    """The entry points of ``group`` in importlib.metadata's order (duplicates by name kept, as there)."""
    found = _fast(group)
    if found is not None:
        return found
    from importlib.metadata import entry_points as slow

    return list(slow(group=group))
