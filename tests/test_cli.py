"""The command line as users and CI call it: exit codes, formats, paths, configuration."""

from __future__ import annotations

import json
import textwrap

GOOD = textwrap.dedent("""\
    period: 2026-Q1
    owner: Dana
    language: en
    objectives:
      - title: Become the clinic patients recommend first
        key_results:
          - Cut average wait from 40 to 15 minutes
          - Raise patient NPS from 30 to 50
    """)

SIX_OBJECTIVES = (
    "period: 2026-Q1\nowner: Ops\nlanguage: en\nobjectives:\n"
    + "".join(
        f"  - title: Become the team that ships feature {n} on time\n"
        f'    key_results: ["Raise on-time releases from {n}0% to 90%"]\n'
        for n in range(1, 7)
    )
    + "  - title: Become the team that answers every ticket\n    titel: typo\n    key_results: []\n"
)


def write(tmp_path, name, text):
    p = tmp_path / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def test_clean_file_exits_zero(run_cli, tmp_path):
    write(tmp_path, "good.okr.yaml", GOOD)
    r = run_cli("good.okr.yaml")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == ""


def test_done_when_scenario(run_cli, tmp_path):
    write(tmp_path, "team.okr.yaml", SIX_OBJECTIVES)
    write(tmp_path, "broken.okr.yaml", "objectives:\n  - title: [unclosed\n")
    r = run_cli("--format", "json", ".")
    assert r.returncode == 1
    diags = json.loads(r.stdout)
    got = {(d["path"].split("/")[-1], d["code"]) for d in diags}
    assert ("team.okr.yaml", "OKR301") in got
    assert ("team.okr.yaml", "OKR302") in got
    assert ("broken.okr.yaml", "OKR000") in got
    schema = [d for d in diags if d["code"] == "OKR001"]
    assert schema and schema[0]["line"] == 18 and "did you mean 'title'" in schema[0]["message"]


def test_json_carries_the_whole_contract(run_cli, tmp_path):
    write(
        tmp_path,
        "a.okr.yaml",
        "language: en\nobjectives:\n  - title: Sales\n    key_results:\n      - Try to launch the new website\n",
    )
    r = run_cli("--format", "json", "a.okr.yaml")
    diags = json.loads(r.stdout)
    keys = {
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "name",
        "severity",
        "language",
        "message",
        "suggestion",
        "element",
        "objective_index",
        "key_result_index",
    }
    assert diags and all(set(d) == keys for d in diags)
    assert diags == sorted(diags, key=lambda d: (d["path"], d["line"], d["column"], d["code"]))
    hedge = next(d for d in diags if d["code"] == "OKR102")
    assert (hedge["line"], hedge["column"], hedge["end_column"]) == (5, 9, 12)
    assert hedge["element"] == "key_result" and hedge["key_result_index"] == 0 and hedge["language"] == "en"
    structural = next(d for d in diags if d["code"] == "OKR303")
    assert structural["language"] is None


def test_text_output_shows_source_and_caret(run_cli, tmp_path):
    write(
        tmp_path,
        "a.okr.yaml",
        "language: en\nperiod: 2026-Q1\nowner: A\nobjectives:\n"
        "  - title: Become the school parents choose\n    key_results:\n"
        "      - Try to raise enrolment from 300 to 360\n",
    )
    r = run_cli("a.okr.yaml")
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    i = next(i for i, ln in enumerate(lines) if "OKR102" in ln)
    assert lines[i].startswith("a.okr.yaml:7:9: OKR102 hedging-verb [error]")
    assert lines[i + 1].endswith("- Try to raise enrolment from 300 to 360")
    assert lines[i + 2].index("^") == lines[i + 1].index("Try") and lines[i + 2].count("^") == 3
    assert "\x1b[" not in r.stdout  # no colour when not a terminal


def test_unknown_option_and_bad_select_exit_two(run_cli, tmp_path):
    write(tmp_path, "good.okr.yaml", GOOD)
    assert run_cli("--frobnicate", "good.okr.yaml").returncode == 2
    r = run_cli("--select", "OKR999", "good.okr.yaml")
    assert r.returncode == 2 and "matches no rule" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("--select", "binary-kt", "good.okr.yaml")
    assert r.returncode == 2 and "did you mean 'binary-kr'" in r.stderr


def test_missing_path_exits_two_after_linting_the_rest(run_cli, tmp_path):
    write(tmp_path, "bad.okr.yaml", "objectives:\n  - title: x\n    key_results: []\n")
    r = run_cli("--format", "json", "bad.okr.yaml", "nope.okr.yaml")
    assert r.returncode == 2
    assert "nope.okr.yaml" in r.stderr
    assert any(d["code"] == "OKR302" for d in json.loads(r.stdout))


def test_select_ignore_by_code_name_prefix(run_cli, tmp_path):
    write(tmp_path, "team.okr.yaml", SIX_OBJECTIVES)

    def codes(*a):
        return {d["code"] for d in json.loads(run_cli("--format", "json", *a, "team.okr.yaml").stdout)}

    assert codes("--select", "OKR3") <= {f"OKR3{n:02d}" for n in range(100)}
    assert codes("--select", "kr-count") == {"OKR302"}
    assert "OKR302" not in codes("--ignore", "OKR302,schema")
    assert "OKR001" not in codes("--ignore", "schema")


def test_fail_on_and_exit_zero(run_cli, tmp_path):
    write(tmp_path, "a.okr.yaml", GOOD.replace("owner: Dana\n", ""))  # only OKR303 warnings
    assert run_cli("a.okr.yaml").returncode == 1
    assert run_cli("--fail-on", "error", "a.okr.yaml").returncode == 0
    assert run_cli("--exit-zero", "a.okr.yaml").returncode == 0


def test_stdin_with_filename(run_cli, tmp_path):
    r = run_cli(
        "--format",
        "json",
        "--stdin-filename",
        "team/q1.okr.yaml",
        "-",
        input="objectives:\n  - title: x\n    key_results: []\n",
    )
    diags = json.loads(r.stdout)
    assert r.returncode == 1 and diags[0]["path"] == "team/q1.okr.yaml"


def test_directory_walk_skips_vendored_dirs(run_cli, tmp_path):
    bad = "objectives:\n  - title: x\n    key_results: []\n"
    write(tmp_path, "okrs/q1.okr.yaml", bad)
    write(tmp_path, "okrs/notes.yaml", bad)  # not an OKR file name: not walked
    write(tmp_path, ".git/q.okr.yaml", bad)
    write(tmp_path, "node_modules/x/q.okr.yml", bad)
    write(tmp_path, ".venv/q.okr.md", bad)
    r = run_cli("--format", "json", "--select", "OKR302", ".")
    paths = {d["path"] for d in json.loads(r.stdout)}
    assert paths == {"okrs/q1.okr.yaml"}


def test_config_discovery_and_options(run_cli, tmp_path):
    write(tmp_path, ".git/HEAD", "ref: main\n")
    write(
        tmp_path,
        ".okrlint.yaml",
        "ignore: [OKR303]\nrules:\n  kr-count: {max: 1, severity: error}\nexclude: ['archive/**']\n",
    )
    write(tmp_path, "team/q1.okr.yaml", GOOD.replace("owner: Dana\n", ""))
    write(tmp_path, "archive/old.okr.yaml", "objectives:\n  - title: x\n    key_results: []\n")
    r = run_cli("--format", "json", ".")
    diags = json.loads(r.stdout)
    assert {d["code"] for d in diags} == {"OKR302"}
    assert diags[0]["severity"] == "error" and diags[0]["path"] == "team/q1.okr.yaml"


def test_pyproject_configuration(run_cli, tmp_path):
    write(tmp_path, "pyproject.toml", "[project]\nname='x'\n\n[tool.okrlint]\nselect = ['OKR302']\n")
    write(tmp_path, "q.okr.yaml", SIX_OBJECTIVES)
    r = run_cli("--format", "json", "q.okr.yaml")
    assert {d["code"] for d in json.loads(r.stdout)} == {"OKR302"}


def test_config_errors_exit_two_with_location(run_cli, tmp_path):
    write(tmp_path, "q.okr.yaml", GOOD)
    write(tmp_path, ".okrlint.yaml", "language: en\nrules:\n  kr-count: {maxx: 3}\n")
    r = run_cli("q.okr.yaml")
    assert r.returncode == 2
    assert ".okrlint.yaml:3" in r.stderr and "did you mean 'max'" in r.stderr and "Traceback" not in r.stderr
    write(tmp_path, ".okrlint.yaml", "rules:\n  kr-cont: {max: 3}\n")
    r = run_cli("q.okr.yaml")
    assert r.returncode == 2 and "did you mean 'kr-count'" in r.stderr
    write(tmp_path, ".okrlint.yaml", "rules:\n  kr-count: {max: three}\n")
    r = run_cli("q.okr.yaml")
    assert r.returncode == 2 and "must be integer" in r.stderr
    write(tmp_path, ".okrlint.yaml", "languag: en\n")
    r = run_cli("q.okr.yaml")
    assert r.returncode == 2 and "did you mean 'language'" in r.stderr
    write(tmp_path, ".okrlint.yaml", "rules: [\n")
    r = run_cli("q.okr.yaml")
    assert r.returncode == 2 and "invalid YAML" in r.stderr


def test_github_format(run_cli, tmp_path):
    write(tmp_path, "a.okr.yaml", "objectives:\n  - title: x\n    key_results: []\n")
    r = run_cli("--select", "OKR302", "a.okr.yaml", env={"GITHUB_ACTIONS": "true"})
    assert r.stdout.startswith("::error file=a.okr.yaml,line=2,col=12,endLine=2,endColumn=13,title=OKR302 kr-count::")


def test_statistics_and_quiet(run_cli, tmp_path):
    write(tmp_path, "team.okr.yaml", SIX_OBJECTIVES)
    r = run_cli("--quiet", "--statistics", "team.okr.yaml")
    assert " | " not in r.stdout
    assert any(line.strip().endswith("OKR302  kr-count") for line in r.stdout.splitlines())


def test_rules_and_explain(run_cli):
    r = run_cli("rules")
    assert r.returncode == 0
    for code in ("OKR000", "OKR001", "OKR101", "OKR106", "OKR203", "OKR301", "OKR306"):
        assert code in r.stdout
    r = run_cli("explain", "binary-kr")
    assert r.returncode == 0 and r.stdout.startswith("OKR104 binary-kr") and "Why it matters" in r.stdout
    r = run_cli("explain", "OKR999")
    assert r.returncode == 2


def test_no_progress_line_when_stderr_is_not_a_terminal(run_cli, tmp_path):
    for i in range(20):
        (tmp_path / f"t{i:02}.okr.yaml").write_text(
            f"language: en\nobjectives:\n  - title: Grow the clinic\n    key_results:\n      - Run {i + 2} webinars\n"
        )
    r = run_cli("--no-cache", "--jobs", "1", ".")
    assert r.returncode == 1 and "OKR101" in r.stdout
    assert "linted" not in r.stderr and "\r" not in r.stderr
