"""Team-level rules (OKR307–OKR310, OKR401, OKR402), progress and alignment.

Rule cases live in tests/fixtures/rules/<CODE>/team.yaml: each case is a set
of files (path → YAML text, linted together in memory, cross-file rules
included), the expected findings of that rule as ``path:line:col`` and
optionally rule options and a message or suggestion substring. Adding a case
is adding a few lines of YAML.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from okrlint import progress
from okrlint.alignment import resolve
from okrlint.analysis import Analyzer
from okrlint.config import Config, Selection
from okrlint.engine import Linter
from okrlint.loader import load_text
from okrlint.registry import load_rules

RULES = Path(__file__).parent / "fixtures" / "rules"


def _cases():
    for path in sorted(RULES.glob("*/team.yaml")):
        code = path.parent.name
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(code, case, id=f"{code}-{case['name']}")


def lint_files(files: dict[str, str], select: tuple[str, ...], options: dict | None = None):
    rules = load_rules()
    config = Config(rules={select[0]: options} if options else {})
    linter = Linter(rules, config, Selection.build(config, rules, select), Analyzer())
    sources = tuple(load_text(p, text) for p, text in files.items())
    diags = [d for s in sources for d in linter.lint(s)] + linter.lint_project(sources)
    return sources, sorted(diags, key=lambda d: d.sort_key())


@pytest.mark.parametrize("code,case", list(_cases()))
def test_rule_case(code, case):
    _, diags = lint_files(case["files"], (code,), case.get("options"))
    got = [f"{d.path}:{d.line}:{d.column}" for d in diags]
    assert got == case["expect"], [f"{d.path}:{d.line}:{d.column} {d.message}" for d in diags]
    assert all(d.code == code for d in diags)
    if case.get("message"):
        assert case["message"] in diags[0].message
    if case.get("suggestion"):
        assert case["suggestion"] in diags[0].suggestion


def test_every_team_rule_has_cases():
    assert {p.parent.name for p in RULES.glob("*/team.yaml")} >= {
        "OKR307",
        "OKR308",
        "OKR309",
        "OKR310",
        "OKR401",
        "OKR402",
    }


def test_project_findings_name_their_element():
    files = {
        "team.okr.yaml": "objectives:\n  - title: Become the main source of new clinics\n"
        "    key_results:\n      - {title: Grow leads from 40 to 90, aligns_to: X9}\n"
    }
    _, diags = lint_files(files, ("OKR308",))
    (d,) = diags
    assert (d.path, d.element, d.objective_index, d.key_result_index) == ("team.okr.yaml", "key_result", 0, 0)


# -- progress -------------------------------------------------------------------
@pytest.mark.parametrize(
    "baseline,target,current,expected",
    [
        (5000, 15000, 8200, 0.32),
        (5, 3, 4, 0.5),  # lower is better
        (5, 3, 6, 0.0),  # moved the wrong way: clamped
        (100, 200, 260, 1.0),  # overshoot: clamped
        (100, 100, 150, None),  # no change asked: undefined
        (None, 200, 150, None),
    ],
)
def test_progress_is_direction_aware_and_clamped(baseline, target, current, expected):
    got = progress.compute(baseline, target, current)
    assert got == pytest.approx(expected) if expected is not None else got is None


def test_binary_progress_is_zero_or_one():
    assert progress.compute(None, 5, 5, binary=True) == 1.0
    assert progress.compute(None, 5, 4.9, binary=True) == 0.0
    assert progress.compute(10, 3, 3, binary=True) == 1.0  # lower is better


@pytest.mark.parametrize("raw,value", [(0.7, 0.7), ("70%", 0.7), ("0.7", 0.7), (0, 0.0), (1, 1.0), ("100 %", 1.0)])
def test_valid_scores(raw, value):
    assert progress.parse_score(raw).value == pytest.approx(value)


@pytest.mark.parametrize("raw,hint", [(70, "0.7"), (1.3, "0 to 1"), ("130%", "100%"), ("high", "0.7"), (True, "0.7")])
def test_invalid_scores_say_what_to_write(raw, hint):
    s = progress.parse_score(raw)
    assert s.value is None and s.problem and hint in s.suggestion


@pytest.mark.parametrize(
    "raw,value,percent",
    [
        (42, 42.0, False),
        ("15 000", 15000.0, False),
        ("15\u202f000", 15000.0, False),
        ("1,5", 1.5, False),
        ("35%", 35.0, True),
        ("15k", 15000.0, False),
        ("-2", -2.0, False),
        ("2M", 2e6, False),
    ],
)
def test_parse_value(raw, value, percent):
    n = progress.parse_value(raw)
    assert n is not None and n.value == pytest.approx(value) and n.percent == percent


@pytest.mark.parametrize("raw", ["about half", "", "%", None, True, [1], "k"])
def test_parse_value_rejects_non_numbers(raw):
    assert progress.parse_value(raw) is None


def test_key_result_progress_compares_with_the_given_score():
    src = load_text(
        "t.okr.yaml",
        "objectives:\n  - title: Grow\n    key_results:\n      - title: Grow MAU from 2 000 to 3 500\n"
        "        baseline: 2000\n        target: 3500\n        current: 2750\n        score: 0.9\n",
    )
    p = progress.of_key_result(src.documents[0].objectives[0].key_results[0])
    assert p.value == pytest.approx(0.5) and p.score == pytest.approx(0.9) and p.gap == pytest.approx(0.4)


# -- alignment ------------------------------------------------------------------
def _sources(files: dict[str, str]):
    return tuple(load_text(p, t) for p, t in files.items())


def test_alignment_tree_puts_company_first_and_never_loops():
    files = {
        "team.okr.yaml": "level: team\nobjectives:\n  - {id: T1, title: t, aligns_to: company.okr.yaml#C1}\n",
        "company.okr.yaml": "level: company\nobjectives:\n  - {id: C1, title: c}\n",
        "me.okr.yaml": "level: individual\nobjectives:\n  - {id: I1, title: i, aligns_to: team.okr.yaml#T1}\n",
        "loop.okr.yaml": "objectives:\n  - {id: L1, title: a, aligns_to: L2}\n  - {id: L2, title: b, aligns_to: L1}\n",
    }
    al = resolve(_sources(files))
    rows = [(depth, n.ident, repeated) for depth, n, repeated in al.tree()]
    assert rows[:3] == [(0, "C1", False), (1, "T1", False), (2, "I1", False)]
    assert {ident for _, ident, _ in rows} == {"C1", "T1", "I1", "L1", "L2"}
    assert len(al.cycles) == 1 and [r.node.ident for r in al.cycles[0]] == ["L1", "L2"]


def test_deep_alignment_chain_does_not_hit_the_recursion_limit():
    n = 3000
    objs = (
        "".join(f"  - {{id: O{i}, title: t, aligns_to: O{i + 1}}}\n" for i in range(n))
        + f"  - {{id: O{n}, title: t}}\n"
    )
    al = resolve(_sources({"deep.okr.yaml": "objectives:\n" + objs}))
    assert not al.cycles and all(r.target is not None for r in al.references)
    rows = al.tree()
    assert len(rows) == n + 1 and rows[-1][0] == n  # one chain, deepest last


def test_inline_comment_silences_a_cross_file_finding():
    files = {
        "team.okr.yaml": "objectives:\n  - title: Become the main source of new clinics\n"
        "    aligns_to: company.okr.yaml#C7  # okrlint: disable=unknown-parent\n"
        "    key_results: [Grow leads from 40 to 90]\n"
        "  - title: Become the fastest booking app\n"
        "    aligns_to: company.okr.yaml#C8\n"
        "    key_results: [Cut booking time from 4 to 2 minutes]\n"
    }
    _, diags = lint_files(files, ("OKR308",))
    assert [d.line for d in diags] == [6]
