"""Suppressions of cross-file findings: with --report-unused-disables, one that silenced a PROJECT rule is used."""

from __future__ import annotations

from pathlib import Path

from okrlint.analysis import Analyzer
from okrlint.config import Config, Selection
from okrlint.engine import Linter
from okrlint.loader import load_text
from okrlint.registry import load_rules

TEAM = """\
period: 2026-Q1
owner: Ana
objectives:
  - title: Become the clinic patients recommend first
    aligns_to: company.okr.yaml#O9  # okrlint: disable=OKR308{extra}
    key_results:
      - Raise NPS from 30 to 50
"""
COMPANY = """\
period: 2026-Q1
owner: Bo
objectives:
  - id: O1
    title: Become the region's most trusted clinic network
    key_results:
      - Raise NPS from 25 to 45
"""


def _files(extra: str = "") -> dict[str, str]:
    return {"team.okr.yaml": TEAM.format(extra=extra), "company.okr.yaml": COMPANY}


def _engine_run(files: dict[str, str], select=("OKR0", "OKR3")):
    rules = load_rules()
    cfg = Config()
    linter = Linter(rules, cfg, Selection.build(cfg, rules, select), Analyzer(), report_unused_disables=True)
    sources = tuple(load_text(name, text) for name, text in files.items())
    per_file = [d for s in sources for d in linter.lint(s)]
    return [(d.path, d.line, d.code) for d in linter.finish_project(sources, per_file)]


def test_a_suppression_that_silences_a_cross_file_finding_is_not_unused():
    assert _engine_run(_files()) == []


def test_the_cross_file_finding_is_there_without_the_comment():
    files = _files()
    files["team.okr.yaml"] = files["team.okr.yaml"].replace("  # okrlint: disable=OKR308", "")
    assert _engine_run(files) == [("team.okr.yaml", 5, "OKR308")]


def test_an_unused_selector_beside_it_is_still_reported():
    assert _engine_run(_files(",OKR305")) == [("team.okr.yaml", 5, "OKR004")]


def test_a_suppression_of_a_cross_file_rule_that_found_nothing_is_unused():
    files = _files()
    files["team.okr.yaml"] = files["team.okr.yaml"].replace("#O9", "#O1")
    assert _engine_run(files) == [("team.okr.yaml", 5, "OKR004")]


def test_lint_project_alone_is_unchanged():
    rules = load_rules()
    cfg = Config()
    linter = Linter(rules, cfg, Selection.build(cfg, rules, ("OKR308",)), Analyzer(), report_unused_disables=True)
    sources = tuple(load_text(name, text) for name, text in _files().items())
    assert linter.lint_project(sources) == []


def test_the_command_line_with_cache_and_jobs(tmp_path: Path, monkeypatch):
    from okrlint.cli import run_lint

    for name, text in _files().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    kw = {
        "fmt": "json",
        "select": ("OKR0", "OKR3"),
        "ignore": (),
        "config_file": None,
        "language": None,
        "fail_on": None,
        "exit_zero": False,
        "quiet": True,
        "statistics": False,
        "no_color": True,
        "stdin_filename": None,
        "report_unused_disables": True,
        "cache_dir": str(tmp_path / ".cache"),
    }
    for jobs in (1, 2):
        for _ in range(2):  # the second run reads the per-file results from the cache
            assert run_lint(("team.okr.yaml", "company.okr.yaml"), jobs=jobs, **kw) == 0
