"""Lint a list of files: read each once, reuse cached results, lint the rest, keep the input order.

The command line collects the files and configurations; this module turns them
into diagnostics. Files are linted in worker processes when there are enough
of them (``--jobs``); the output is the same whatever the number of jobs,
because results are gathered in input order and sorted the same way. One file
that crashes the loader or a rule becomes an OKR000 diagnostic for that file,
never a traceback that hides the findings of the others.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Config, Selection
from .model import Element, LoadError, SourceFile, Span
from .rule import Diagnostic

# With fewer files than this to lint, worker processes cost more than they save
# (each one loads its own analysers: ~0.1-0.3 s).
PARALLEL_MIN_FILES = 16


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs to build the same linters as the parent (picklable)."""

    configs: dict[Path | None, Config]
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    language: str | None = None
    message_language: str | None = None
    report_unused_disables: bool = False


@dataclass(frozen=True)
class Task:
    """One file to lint: its bytes (read once, so what is hashed is what is linted) or why they are missing."""

    display: str
    config: Path | None
    data: bytes | None = None
    error: LoadError | None = None
    cacheable: bool = True


@dataclass
class Result:
    source: SourceFile
    diagnostics: list[Diagnostic] = field(default_factory=list)


class Linters:
    """One :class:`~okrlint.engine.Linter` per configuration, built on first use."""

    def __init__(self, settings: Settings):
        from .registry import load_rules

        self.settings = settings
        self.rules = load_rules()
        self._linters: dict[Path | None, Any] = {}
        self._selections: dict[Path | None, Selection] = {}

    def selection(self, cfg_path: Path | None) -> Selection:
        if cfg_path not in self._selections:
            s = self.settings
            self._selections[cfg_path] = Selection.build(s.configs[cfg_path], self.rules, s.select, s.ignore)
        return self._selections[cfg_path]

    def get(self, cfg_path: Path | None):
        if cfg_path not in self._linters:
            from .analysis import Analyzer
            from .engine import Linter

            s = self.settings
            cfg = s.configs[cfg_path]
            self._linters[cfg_path] = Linter(
                self.rules,
                cfg,
                self.selection(cfg_path),
                Analyzer(cfg.lexicons),
                s.language,
                message_language=s.message_language,
                report_unused_disables=s.report_unused_disables,
            )
        return self._linters[cfg_path]

    def save_words(self) -> None:
        """Pass on what this run's analysers learnt of new words (parallel workers keep theirs)."""
        for linter in self._linters.values():
            linter.analyzer.save_words()

    def needs_project(self) -> bool:
        """True when a selected rule reads every file at once (so cached files must still be parsed)."""
        project = {r.meta.code for r in self.rules if Element.PROJECT in r.meta.elements}
        return any(project & self.selection(p).enabled for p in self.settings.configs)

    def cache_context(self, cfg_path: Path | None) -> list[Any]:
        """What a file's diagnostics depend on besides its bytes and name."""
        s = self.settings
        cfg = s.configs[cfg_path]
        sel = self.selection(cfg_path)
        relevant = {
            f.name: getattr(cfg, f.name)
            for f in dataclasses.fields(cfg)
            if f.name not in ("path", "include", "exclude", "fail_on")
        }
        return [
            relevant,
            sorted(sel.enabled),
            sorted((k, v.value) for k, v in sel.severities.items()),
            sel.options,
            s.language,
            s.message_language,
            s.report_unused_disables,
        ]


def read_tasks(
    targets: Iterable[tuple[Path | None, str, Path | None]],
    settings: Settings,
    read_stdin: Callable[[], bytes] | None = None,
) -> list[Task]:
    """Read every target once: (path or None for stdin, display name, configuration path)."""
    from .files import read_path

    tasks = []
    for path, display, cfg_path in targets:
        if path is None:
            data = (read_stdin or sys.stdin.buffer.read)()
            tasks.append(Task(display, cfg_path, data, cacheable=False))
            continue
        data, error = read_path(path, settings.configs[cfg_path].max_file_size)
        tasks.append(Task(display, cfg_path, data, error))
    return tasks


def lint_task(task: Task, linters: Linters) -> Result:
    """Load and lint one file; an unexpected crash becomes an OKR000 for this file only."""
    from .loader import load_bytes

    linter = linters.get(task.config)
    try:
        source = (
            SourceFile(task.display, "", error=task.error) if task.data is None else load_bytes(task.display, task.data)
        )
        return Result(source, linter.lint(source))
    except Exception as exc:  # noqa: BLE001 - one file's bug must not hide the other files' findings
        error = LoadError(
            f"internal error while linting this file ({type(exc).__name__}: {exc}); please report it",
            Span.point(1, 1),
            "internal-error",
            {"detail": f"{type(exc).__name__}: {exc}"},
        )
        source = SourceFile(task.display, _text_of(task.data), error=error)
        try:
            return Result(source, linter.lint(source))
        except Exception:  # noqa: BLE001
            return Result(source, [])


def _cache_keys(tasks: Sequence[Task], settings: Settings, linters: Linters, cache) -> dict[int, str]:
    """The result-cache key of every task that can be cached, by index."""
    from .cache import code_fingerprint, fingerprint, lexicon_fingerprint

    code = code_fingerprint(sorted({r.file for r in linters.rules}))
    contexts: dict[Path | None, str] = {}
    keys: dict[int, str] = {}
    for i, task in enumerate(tasks):
        if task.data is None or not task.cacheable:
            continue
        if task.config not in contexts:
            cfg = settings.configs[task.config]
            contexts[task.config] = fingerprint(
                [code, lexicon_fingerprint(cfg.lexicons), linters.cache_context(task.config)]
            )
        keys[i] = cache.key(contexts[task.config], task.display, task.data)
    return keys


def _text_of(data: bytes | None) -> str:
    """The text a loader would keep for the reporter's excerpts (decoded, line endings normalised)."""
    if data is None:
        return ""
    from .files import decode

    text, err = decode(data)
    if text is None or err is not None:
        return ""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# -- worker processes ------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(settings: Settings, keep_documents: bool) -> None:
    from multiprocessing import util

    linters = _WORKER["linters"] = Linters(settings)
    _WORKER["keep_documents"] = keep_documents
    # What a worker learnt of new words is stored when it exits (multiprocessing runs these
    # finalisers in a child, which skips atexit); the store merges what every worker wrote.
    util.Finalize(linters, linters.save_words, exitpriority=10)


def _work(task: Task) -> Result:
    result = lint_task(task, _WORKER["linters"])
    if not _WORKER["keep_documents"]:  # only the text goes back: less to pickle
        s = result.source
        result.source = SourceFile(s.path, s.text, error=s.error)
    return result


def choose_jobs(requested: int | None, pending: int) -> int:
    """--jobs N as given; 0 means one per CPU; unset means one per CPU only when there are many files."""
    cpus = _cpu_count()
    if requested is None:
        return min(cpus, max(1, pending // (PARALLEL_MIN_FILES // 2))) if pending >= PARALLEL_MIN_FILES else 1
    if requested == 0:
        return cpus
    return max(1, requested)


def _cpu_count() -> int:
    if hasattr(os, "sched_getaffinity"):
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except OSError:
            pass
    return os.cpu_count() or 1


def _lint_parallel(
    tasks: Sequence[Task],
    settings: Settings,
    jobs: int,
    keep_documents: bool,
    progress: Callable[[int, int], None] | None = None,
) -> list[Result]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    methods = multiprocessing.get_all_start_methods()
    # fork starts a worker in milliseconds and inherits the imports; spawn re-imports everything.
    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" and "fork" in methods else None)
    results: list[Result | None] = [None] * len(tasks)
    chunk = max(1, min(32, len(tasks) // (jobs * 4) or 1))
    try:
        with ProcessPoolExecutor(
            jobs, mp_context=ctx, initializer=_init_worker, initargs=(settings, keep_documents)
        ) as pool:
            for i, result in enumerate(pool.map(_work, tasks, chunksize=chunk)):
                results[i] = result
                if progress is not None:
                    progress(i + 1, len(tasks))
    except (BrokenProcessPool, OSError):  # a worker died (out of memory, a crash in C): finish here
        pass
    if any(r is None for r in results):
        linters = Linters(settings)
        for i, task in enumerate(tasks):
            if results[i] is None:
                results[i] = lint_task(task, linters)
    return results  # type: ignore[return-value]


# -- the whole run -----------------------------------------------------------------


def _language_of(linters: Linters, cfg_path: Path | None) -> Callable[[str, Any], str | None]:
    """The linter's ``language_of``, the linter built on the first call only (a run of cache hits needs none)."""

    def language_of(text: str, document: Any) -> str | None:
        return linters.get(cfg_path).language_of(text, document)

    return language_of


GC_GEN0 = 50_000  # allocations between young collections while linting (Python's default: 700)


@contextlib.contextmanager
def _gc_relaxed() -> Iterator[None]:
    """Collect garbage rarely while linting: analyses allocate many small objects and almost no
    cycles, so the default collector spent ~10 % of a large run rescanning live ones. Objects
    alive before linting (modules, rules, configuration) are frozen out of every collection."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(before[0], GC_GEN0), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


@dataclass
class Run:
    sources: list[SourceFile]
    diagnostics: list[Diagnostic]
    cache_hits: int = 0
    linted: int = 0
    jobs: int = 1
    # How the first file's linter resolves a text's language (the report names its page language with it).
    language_of: Callable[[str, Any], str | None] | None = None


def lint_tasks(
    tasks: Sequence[Task],
    settings: Settings,
    *,
    jobs: int | None = None,
    cache=None,
    keep_documents: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Run:
    """Diagnostics of every task (cached or linted), then of the project rules, in input order.

    The sources keep their parsed documents when ``keep_documents`` or a project rule needs them.
    ``progress(done, total)`` is told each time a file that needed linting is done.
    """
    linters = Linters(settings)
    project = bool(tasks) and linters.needs_project()
    wanted_documents = keep_documents
    keep_documents = keep_documents or project
    results: list[Result | None] = [None] * len(tasks)
    keys: dict[int, str] = {}
    run_key = None
    if cache is not None and cache.enabled:
        keys = _cache_keys(tasks, settings, linters, cache)
        if project and len(keys) == len(tasks):
            # The cross-file rules read every file: their findings, and the whole run's, are cached
            # under the keys of all the files together, so a run of unchanged files parses none.
            run_key = cache.key("run", "", "\0".join(keys[i] for i in range(len(tasks))).encode())
            if not wanted_documents:
                hit = cache.get(run_key, None)
                if hit is not None:
                    sources = [SourceFile(t.display, _text_of(t.data)) for t in tasks]
                    return Run(sources, hit, len(tasks), 0, 1, _language_of(linters, tasks[0].config))
        for i, k in keys.items():
            hit = cache.get(k, tasks[i].display)
            if hit is not None:
                task = tasks[i]
                if keep_documents:
                    from .loader import load_bytes

                    source = load_bytes(task.display, task.data)
                else:
                    source = SourceFile(task.display, _text_of(task.data))
                results[i] = Result(source, hit)
    pending = [i for i, r in enumerate(results) if r is None]
    n_jobs = choose_jobs(jobs, len(pending))
    with _gc_relaxed():
        if n_jobs > 1 and len(pending) > 1:
            done = _lint_parallel([tasks[i] for i in pending], settings, n_jobs, keep_documents, progress)
        else:
            done = []
            for i in pending:
                done.append(lint_task(tasks[i], linters))
                if progress is not None:
                    progress(len(done), len(pending))
    linters.save_words()
    for i, result in zip(pending, done):
        results[i] = result
        if i in keys:
            cache.put(keys[i], result.diagnostics)
    sources = [r.source for r in results if r is not None]
    diagnostics = [d for r in results if r is not None for d in r.diagnostics]
    if project:
        # After the project rules, so a suppression that silenced a cross-file finding is not called unused.
        diagnostics = linters.get(tasks[0].config).finish_project(tuple(sources), diagnostics)
    diagnostics.sort(key=Diagnostic.sort_key)
    if run_key is not None:
        cache.put(run_key, diagnostics, with_paths=True)
    if cache is not None:
        cache.prune()
    language_of = _language_of(linters, tasks[0].config) if tasks else None
    return Run(sources, diagnostics, len(tasks) - len(pending), len(pending), n_jobs, language_of)
