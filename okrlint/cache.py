"""The result cache: a file whose bytes, configuration and okrlint are unchanged is not linted again.

Like ruff's cache, it lives in ``.okrlint_cache/`` at the project root (or
``--cache-dir`` / ``$OKRLINT_CACHE_DIR``), ignores itself in git, and is only
ever a shortcut: an entry is keyed by a hash of everything the diagnostics
depend on (the file's bytes and name, the effective configuration, okrlint's
version and code, the lexicons), so a hit is the diagnostics the file would
get anyway. An entry that is corrupt, truncated or foreign is ignored and
rewritten; a directory that cannot be written turns the cache off with one
warning. Writes are atomic (a temporary file renamed over the entry), so
concurrent runs never see half an entry.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .rule import Diagnostic, Severity

CACHE_DIR_NAME = ".okrlint_cache"
FORMAT = 1  # bump when the entry layout changes
MAX_ENTRIES = 20_000  # beyond this the oldest entries are pruned
MAX_RUNS = 200  # whole runs (each a set of files: the hook's, CI's, a folder's)
_KEEP_AFTER_PRUNE = 0.8
# What an entry stores of a diagnostic: every field but the path, which is part of the key.
_FIELDS = tuple(f.name for f in dataclasses.fields(Diagnostic) if f.name != "path")
_SCALARS = (str, int, float, type(None))


def default_dir(project_root: Path) -> Path:
    env = os.environ.get("OKRLINT_CACHE_DIR")
    return Path(env) if env else project_root / CACHE_DIR_NAME


def lexicon_cache_dir() -> Path | None:
    """The per-user folder of compiled lexicons, word stores and the rule index (None: turned off)."""
    env = os.environ.get("OKRLINT_LEXICON_CACHE")
    if env is not None:
        return None if env.strip().lower() in ("", "0", "off", "false", "no") else Path(env)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "okrlint" / "Cache" / "lexicons" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "okrlint" / "lexicons"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "okrlint" / "lexicons"


def read_entry(path: Path, key: str, fmt: int) -> dict[str, Any] | None:
    """The marshalled entry at ``path`` if it was written for ``key`` in format ``fmt``, else None
    (missing, corrupt, truncated or foreign). Loading plain values runs no code."""
    import marshal

    try:
        entry = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if isinstance(entry, dict) and entry.get("format") == fmt and entry.get("key") == key:
        return entry
    return None


def write_entry(path: Path, entry: dict[str, Any]) -> None:
    """Marshal ``entry`` to ``path`` atomically (a temporary file renamed over it): concurrent
    runs never read half an entry. Raises OSError or ValueError (a value marshal cannot store)."""
    import marshal

    blob = marshal.dumps(entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(blob)
    os.replace(tmp, path)


def project_root(start: Path) -> Path:
    """The nearest directory above ``start`` with ``.git`` (else ``start``): where ``.okrlint_cache`` goes."""
    d = start.resolve()
    for candidate in (d, *d.parents):
        if (candidate / ".git").exists():
            return candidate
    return d


def fingerprint(parts: Iterable[Any]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(json.dumps(part, sort_keys=True, default=str, ensure_ascii=False).encode())
        h.update(b"\0")
    return h.hexdigest()


def code_fingerprint(files: Iterable[str]) -> list[Any]:
    """okrlint's version, and size and mtime of its code, of the rule modules' folders (``files``:
    the rules' source files) and of the lexicons (cheap: stat only, no rule module imported)."""
    import okrlint

    dirs = {Path(okrlint.__file__).parent}
    dirs.update(Path(f).parent for f in files if f)
    try:
        import okrlint.lexicons

        dirs.add(Path(okrlint.lexicons.__file__).parent)
    except (ModuleNotFoundError, TypeError):
        pass
    out: list[Any] = [__version__, FORMAT]
    for d in sorted(dirs):
        out.extend(_tree_stats(d, depth=2))
    return out


def lexicon_fingerprint(dirs: Iterable[Path]) -> list[Any]:
    """The user's lexicon folders (``lexicons:`` in the configuration), by size and mtime."""
    out: list[Any] = []
    for d in dirs:
        out.extend(_tree_stats(Path(d), depth=1))
    return out


def _tree_stats(d: Path, depth: int) -> list[Any]:
    out: list[Any] = []
    try:
        entries = sorted(os.scandir(d), key=lambda e: e.name)
    except OSError:
        return [str(d), None]
    for e in entries:
        try:
            if e.is_dir() and depth > 1 and e.name != "__pycache__":
                out.extend(_tree_stats(Path(e.path), depth - 1))
            elif e.name.endswith((".py", ".yaml", ".yml", ".json")):
                st = e.stat()
                out.append((e.path, st.st_size, st.st_mtime_ns))
        except OSError:
            continue
    return out


class ResultCache:
    """Diagnostics by key, one small JSON file per entry under ``<dir>/results/``."""

    def __init__(self, directory: Path, warn=None):
        self.directory = Path(directory)
        self.results = self.directory / "results"
        # Whole runs' diagnostics (file and cross-file rules together), keyed by all their files' keys.
        self.runs = self.directory / "runs"
        self._warn = warn or (lambda msg: print(f"okrlint: warning: {msg}", file=sys.stderr))
        self.enabled = True
        self.written = 0

    @staticmethod
    def key(context: str, display: str, data: bytes) -> str:
        h = hashlib.sha256(context.encode())
        h.update(b"\0" + display.encode("utf-8", "surrogatepass") + b"\0")
        h.update(data)
        return h.hexdigest()

    def get(self, key: str, path: str | None) -> list[Diagnostic] | None:
        """The cached diagnostics for ``key``, or None when missing or not trustworthy.

        ``path`` is the file an entry is about; None for a whole run's entry (in ``runs/``), which
        keeps each diagnostic's path (see ``put(..., with_paths=True)``)."""
        if not self.enabled:
            return None
        try:
            with open((self.results if path is not None else self.runs) / f"{key}.json", encoding="utf-8") as fh:
                entry = json.load(fh)
            if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("key") != key:
                return None
            return [_diagnostic(path, d) for d in entry["diagnostics"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, diagnostics: Sequence[Diagnostic], with_paths: bool = False) -> None:
        if not self.enabled:
            return
        stored = [_stored(d, with_paths) for d in diagnostics]
        entry = {"format": FORMAT, "okrlint": __version__, "key": key, "diagnostics": stored}
        try:
            self._prepare()
            where = self.runs if with_paths else self.results
            fd, tmp = tempfile.mkstemp(dir=where, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(entry, fh, ensure_ascii=False, separators=(",", ":"))
                os.replace(tmp, where / f"{key}.json")
            except BaseException:
                _unlink(tmp)
                raise
            self.written += 1
        except OSError as exc:
            self.enabled = False
            self._warn(
                f"cannot write the cache in {self.directory} ({exc.strerror or exc}); "
                "linting without it (--no-cache silences this)"
            )

    def _prepare(self) -> None:
        if self.results.is_dir() and self.runs.is_dir():
            return
        self.results.mkdir(parents=True, exist_ok=True)
        self.runs.mkdir(exist_ok=True)
        ignore = self.directory / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Created by okrlint automatically.\n*\n", encoding="utf-8")
        tag = self.directory / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by okrlint.\n",
                encoding="utf-8",
            )

    def prune(self, max_entries: int = MAX_ENTRIES, max_runs: int = MAX_RUNS) -> None:
        """Keep the cache bounded: past ``max_entries`` files (``max_runs`` runs), drop the least
        recently written."""
        if not self.enabled or not self.written:
            return
        for where, most in ((self.results, max_entries), (self.runs, max_runs)):
            try:
                entries = [e for e in os.scandir(where) if e.name.endswith(".json")]
                if len(entries) <= most:
                    continue
                entries.sort(key=lambda e: _mtime(e))
                for e in entries[: len(entries) - int(most * _KEEP_AFTER_PRUNE)]:
                    _unlink(e.path)
            except OSError:
                pass


def _stored(d: Diagnostic, with_path: bool = False) -> dict[str, Any]:
    out = {name: getattr(d, name) for name in _FIELDS}
    out["severity"] = d.severity.value
    if with_path:
        out["path"] = d.path
    return out


def _diagnostic(path: str | None, d: Any) -> Diagnostic:
    fields = _FIELDS if path is not None else (*_FIELDS, "path")
    if not isinstance(d, dict) or set(d) != set(fields) or not all(isinstance(v, _SCALARS) for v in d.values()):
        raise ValueError("not a cached diagnostic")
    if path is None and not isinstance(d["path"], str):
        raise ValueError("not a cached diagnostic")
    return Diagnostic(**{**d, "path": d["path"] if path is None else path, "severity": Severity(d["severity"])})


def _mtime(e: os.DirEntry) -> int:
    try:
        return e.stat().st_mtime_ns
    except OSError:
        return 0


def _unlink(p: str) -> None:
    try:
        os.unlink(p)
    except OSError:
        pass
