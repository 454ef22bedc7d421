"""The result cache: a shortcut that never changes the output and never breaks a run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from okrlint.cache import ResultCache
from okrlint.rule import Diagnostic, Severity

OKR = (
    "language: en\nobjectives:\n  - title: Become the clinic patients recommend\n    key_results:\n"
    "      - Try to run 5 webinars\n      - Grow weekly users from 2 000 to 3 500\n"
)


def okrlint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [sys.executable, "-m", "okrlint", "--format", "json", *args],
        check=False,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def entries(cache: Path) -> list[Path]:
    return sorted((cache / "results").glob("*.json"))


def runs(cache: Path) -> list[Path]:
    return sorted((cache / "runs").glob("*.json"))


def test_warm_run_reuses_the_entry_and_prints_the_same(tmp_path):
    (tmp_path / "a.okr.yaml").write_text(OKR)
    cache = tmp_path / "c"
    cold = okrlint("--cache-dir", str(cache), "a.okr.yaml", cwd=tmp_path)
    [entry] = entries(cache)
    stamp = entry.stat().st_mtime_ns
    warm = okrlint("--cache-dir", str(cache), "a.okr.yaml", cwd=tmp_path)
    assert warm.stdout == cold.stdout and warm.returncode == cold.returncode == 1
    assert entries(cache) == [entry] and entry.stat().st_mtime_ns == stamp  # read, not rewritten
    assert json.loads(cold.stdout)


def test_default_location_is_the_project_root_and_ignored_by_git(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "okrs").mkdir()
    (tmp_path / "okrs" / "a.okr.yaml").write_text(OKR)
    okrlint("a.okr.yaml", cwd=tmp_path / "okrs")
    cache = tmp_path / ".okrlint_cache"
    assert len(entries(cache)) == 1
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (cache / "CACHEDIR.TAG").exists()


def test_no_cache_writes_nothing(tmp_path):
    (tmp_path / "a.okr.yaml").write_text(OKR)
    okrlint("--no-cache", "a.okr.yaml", cwd=tmp_path)
    assert not (tmp_path / ".okrlint_cache").exists()


def test_content_and_configuration_are_part_of_the_key(tmp_path):
    f = tmp_path / "a.okr.yaml"
    f.write_text(OKR)
    cache = ["--cache-dir", str(tmp_path / "c")]
    first = okrlint(*cache, "a.okr.yaml", cwd=tmp_path)
    f.write_text(OKR.replace("Try to run", "Run"))
    changed = okrlint(*cache, "a.okr.yaml", cwd=tmp_path)
    assert "OKR102" in first.stdout and "OKR102" not in changed.stdout
    (tmp_path / ".okrlint.yaml").write_text("ignore: [OKR101]\n")
    configured = okrlint(*cache, "a.okr.yaml", cwd=tmp_path)
    assert "OKR101" in changed.stdout and "OKR101" not in configured.stdout
    assert "OKR303" not in okrlint(*cache, "--ignore", "OKR303", "a.okr.yaml", cwd=tmp_path).stdout
    assert len(entries(tmp_path / "c")) == 4


def test_corrupt_truncated_and_foreign_entries_are_ignored_and_rewritten(tmp_path):
    (tmp_path / "a.okr.yaml").write_text(OKR)
    cache = tmp_path / "c"
    expected = okrlint("--cache-dir", str(cache), "a.okr.yaml", cwd=tmp_path).stdout
    [entry] = entries(cache)
    good = entry.read_text()
    poisoned = json.loads(good)
    poisoned["diagnostics"] = [{**d, "message": "forged"} for d in poisoned["diagnostics"]]
    poisoned["key"] = "0" * 64
    for bad in (
        good[: len(good) // 2],
        "\x00\xff garbage",
        "[]",
        json.dumps({"format": 1}),
        json.dumps(poisoned),
        json.dumps({**json.loads(good), "diagnostics": [{"line": "x"}]}),
        "",
    ):
        entry.write_text(bad, encoding="utf-8", errors="surrogateescape")
        for run in runs(cache):  # else the whole run's entry answers without reading the file's
            run.unlink()
        out = okrlint("--cache-dir", str(cache), "a.okr.yaml", cwd=tmp_path)
        assert out.stdout == expected, bad
        assert json.loads(entry.read_text()) == json.loads(good)  # rewritten


def test_an_unwritable_cache_warns_once_and_lints_anyway(tmp_path):
    (tmp_path / "a.okr.yaml").write_text(OKR)
    (tmp_path / "b.okr.yaml").write_text(OKR)
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    out = okrlint("--cache-dir", str(blocker / "cache"), "a.okr.yaml", "b.okr.yaml", cwd=tmp_path)
    expected = okrlint("--no-cache", "a.okr.yaml", "b.okr.yaml", cwd=tmp_path)
    assert out.stdout == expected.stdout and out.returncode == expected.returncode
    warnings = [ln for ln in out.stderr.splitlines() if "cache" in ln]
    assert len(warnings) == 1 and warnings[0].startswith("okrlint: warning:")


def test_concurrent_runs_share_the_cache_safely(tmp_path):
    for i in range(6):
        (tmp_path / f"t{i}.okr.yaml").write_text(OKR.replace("5 webinars", f"{i + 5} webinars"))
    cache = str(tmp_path / "c")
    cmd = [sys.executable, "-m", "okrlint", "--format", "json", "--jobs", "1", "--cache-dir", cache, "."]
    procs = [subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    outs = [p.communicate(timeout=180) for p in procs]
    assert len({o for o, _ in outs}) == 1 and all(b"Traceback" not in e for _, e in outs)
    assert len(entries(tmp_path / "c")) == 6
    assert not list((tmp_path / "c" / "results").glob(".tmp-*"))
    assert okrlint("--cache-dir", cache, ".", cwd=tmp_path).stdout.encode() == outs[0][0]


def _diag(i: int) -> Diagnostic:
    return Diagnostic(
        "x", i + 1, 1, i + 1, 2, "OKR101", "task-style-kr", Severity.WARNING, "m", "s", "en", "key_result", 0, i
    )


def test_entries_round_trip_and_the_cache_stays_bounded(tmp_path):
    cache = ResultCache(tmp_path)
    for i in range(30):
        cache.put(f"{i:064x}", [_diag(i)])
        os.utime(cache.results / f"{i:064x}.json", ns=(i * 10**9, i * 10**9))
    assert cache.get(f"{3:064x}", "x") == [_diag(3)]
    cache.prune(max_entries=20)
    left = entries(tmp_path)
    assert len(left) == 16  # pruned to 80 % of the bound, oldest first
    assert left[0].name == f"{14:064x}.json"
    assert cache.get(f"{0:064x}", "x") is None


PARENT = "objectives:\n  - id: grow\n    title: Grow the clinic patients recommend\n    key_results:\n      - Run 5 webinars\n"
CHILD = (
    "objectives:\n  - title: Become the clinic patients recommend\n    aligns_to: {parent}\n"
    "    key_results:\n      - Grow weekly users from 2 000 to 3 500\n"
)


def test_a_whole_run_is_one_entry_and_any_changed_file_misses_it(tmp_path):
    """Cross-file findings (OKR308 here) come from the run's entry only while every file is unchanged."""
    (tmp_path / "parent.okr.yaml").write_text(PARENT)
    (tmp_path / "child.okr.yaml").write_text(CHILD.format(parent="nowhere"))
    cache = tmp_path / "c"
    args = ("--cache-dir", str(cache), "parent.okr.yaml", "child.okr.yaml")
    cold = okrlint(*args, cwd=tmp_path)
    assert "OKR308" in cold.stdout and len(runs(cache)) == 1 and len(entries(cache)) == 2
    [run] = runs(cache)
    stamp = run.stat().st_mtime_ns
    assert okrlint(*args, cwd=tmp_path).stdout == cold.stdout
    assert run.stat().st_mtime_ns == stamp  # read, not rewritten
    (tmp_path / "child.okr.yaml").write_text(CHILD.format(parent="grow"))
    fixed = okrlint(*args, cwd=tmp_path)
    assert "OKR308" not in fixed.stdout and len(runs(cache)) == 2
    assert fixed.stdout == okrlint("--no-cache", *args[2:], cwd=tmp_path).stdout


def test_a_corrupt_run_entry_is_ignored_and_rewritten(tmp_path):
    (tmp_path / "parent.okr.yaml").write_text(PARENT)
    (tmp_path / "child.okr.yaml").write_text(CHILD.format(parent="nowhere"))
    cache = tmp_path / "c"
    args = ("--cache-dir", str(cache), "parent.okr.yaml", "child.okr.yaml")
    expected = okrlint(*args, cwd=tmp_path).stdout
    [run] = runs(cache)
    good = json.loads(run.read_text())
    without_paths = {**good, "diagnostics": [{k: v for k, v in d.items() if k != "path"} for d in good["diagnostics"]]}
    for bad in ("", "{", json.dumps(without_paths), json.dumps({**good, "key": "0" * 64})):
        run.write_text(bad)
        assert okrlint(*args, cwd=tmp_path).stdout == expected, bad
        assert json.loads(run.read_text()) == good
