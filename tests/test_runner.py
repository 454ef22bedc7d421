"""The runner: how many jobs, and no file lost when a worker or a loader dies."""

from __future__ import annotations

import os
import sys

import pytest

from okrlint import runner
from okrlint.config import Config
from okrlint.runner import Settings, Task, choose_jobs, lint_tasks

OKR = "language: en\nobjectives:\n  - title: Grow\n    key_results:\n      - Try to run {n} webinars\n"


def tasks(n: int) -> list[Task]:
    return [Task(f"t{i}.okr.yaml", None, OKR.format(n=i + 2).encode()) for i in range(n)]


def test_jobs_default_to_one_for_a_few_files_and_cpus_for_many(monkeypatch):
    monkeypatch.setattr(runner, "_cpu_count", lambda: 4)
    assert choose_jobs(None, 3) == 1
    assert choose_jobs(None, 15) == 1
    assert choose_jobs(None, 16) == 2
    assert choose_jobs(None, 500) == 4
    assert choose_jobs(0, 3) == 4
    assert choose_jobs(3, 1) == 3


@pytest.mark.skipif(sys.platform != "linux", reason="the test patches code that fork-started workers inherit")
def test_a_dead_worker_leaves_its_files_to_the_main_process(monkeypatch):
    parent = os.getpid()
    real = runner.lint_task

    def dying(task, linters):
        if task.display == "t3.okr.yaml" and os.getpid() != parent:
            os._exit(3)  # as if the worker ran out of memory
        return real(task, linters)

    monkeypatch.setattr(runner, "lint_task", dying)
    settings = Settings({None: Config()})
    parallel = lint_tasks(tasks(8), settings, jobs=2)
    serial = lint_tasks(tasks(8), settings, jobs=1)
    assert parallel.diagnostics == serial.diagnostics
    assert {d.path for d in serial.diagnostics} == {f"t{i}.okr.yaml" for i in range(8)}


def test_a_crashing_loader_is_an_okr000_for_that_file_only(monkeypatch):
    import okrlint.loader

    real = okrlint.loader.load_bytes

    def broken(display, data):
        if display == "t1.okr.yaml":
            raise RuntimeError("boom")
        return real(display, data)

    monkeypatch.setattr(okrlint.loader, "load_bytes", broken)
    run = lint_tasks(tasks(3), Settings({None: Config()}), jobs=1)
    by_path = {}
    for d in run.diagnostics:
        by_path.setdefault(d.path, []).append(d)
    assert [d.code for d in by_path["t1.okr.yaml"]] == ["OKR000"]
    assert "internal error" in by_path["t1.okr.yaml"][0].message and "boom" in by_path["t1.okr.yaml"][0].message
    assert {"OKR102"} <= {d.code for d in by_path["t0.okr.yaml"]} and by_path["t2.okr.yaml"]


def test_a_crashing_rule_keeps_what_it_found_and_becomes_one_error(monkeypatch):
    """A rule that raises halfway is one internal-error diagnostic for that key result, after the
    findings it made before; the other rules and key results are linted as usual."""
    from okrlint import api
    from okrlint.api import lint_text, make_linter
    from okrlint.registry import LoadedRule, RuleSet, load_rules

    rules = load_rules()
    real = rules.by_code["OKR102"].check

    def half(element, ctx):
        yield from real(element, ctx)
        if "boom" in (element.title.value if element.title else ""):
            raise RuntimeError("boom")

    patched = RuleSet(LoadedRule(r.meta, half, r.module, r.origin) if r.meta.code == "OKR102" else r for r in rules)
    monkeypatch.setattr(api, "load_rules", lambda: patched)
    linter = make_linter(["OKR102", "OKR105"], (), "en")
    text = (
        "objectives:\n  - title: Grow the clinic\n    key_results:\n"
        "      - Try to improve boom\n      - Try to improve care\n"
    )
    diags = [(d.line, d.code, "internal error in rule OKR102" in d.message) for d in lint_text(text, linter=linter)]
    assert (4, "OKR102", False) in diags  # found before the crash
    assert (4, "OKR102", True) in diags  # the crash itself
    assert (5, "OKR102", False) in diags  # the next key result is linted as usual
    assert (4, "OKR105", False) in diags  # and the other rules too
    assert sum(1 for d in diags if d[2]) == 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_is_told_of_every_linted_file_in_order(jobs):
    seen: list[tuple[int, int]] = []
    run = lint_tasks(tasks(18), Settings({None: Config()}), jobs=jobs, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(k, 18) for k in range(1, 19)]
    assert len(run.sources) == 18


def test_the_progress_line_waits_is_throttled_and_is_cleared():
    import io

    from okrlint.cli import ProgressLine

    now = [0.0]
    out = io.StringIO()
    line = ProgressLine(out, delay=0.5, every=0.1, clock=lambda: now[0])
    line(1, 100)  # a short run shows nothing
    assert out.getvalue() == ""
    now[0] = 0.6
    line(40, 100)
    now[0] = 0.65
    line(41, 100)  # too soon after the last one
    line(100, 100)  # the last one always shows
    assert out.getvalue() == "\rokrlint: linted 40 of 100 files\rokrlint: linted 100 of 100 files"
    line.close()
    assert out.getvalue().endswith("\r\x1b[K")
