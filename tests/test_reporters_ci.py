"""The CI reporters: SARIF validates against the OASIS schema, JUnit and GitLab parse, fingerprints are stable."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from okrlint.registry import load_rules
from okrlint.reporters import FORMATS, render
from okrlint.reporters.github import _escape_data, _escape_prop
from okrlint.rule import Diagnostic, Severity

SARIF_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "spec" / "sarif-schema-2.1.0.json"

SOURCE = """\
objectives:
  - title: Become the clinic patients recommend first
    key_results:
      - Cut waiting time from 40 to 15 minutes
      - Cut waiting time from 40 to 15 minutes
"""


def _diag(
    line: int,
    code: str = "OKR303",
    name: str = "missing-owner",
    sev: Severity = Severity.WARNING,
    path: str = "okrs/q1.okr.yaml",
) -> Diagnostic:
    return Diagnostic(
        path,
        line,
        9,
        line,
        48,
        code,
        name,
        sev,
        "the key result has no owner",
        "add `owner:`",
        "en",
        "key_result",
        0,
        line - 4,
    )


def _diags(path: str = "okrs/q1.okr.yaml") -> list[Diagnostic]:
    return [
        _diag(4, path=path),
        _diag(5, path=path),
        _diag(2, "OKR102", "hedging-verb", Severity.ERROR, path=path),
        _diag(2, "OKR203", "jargon", Severity.INFO, path=path),
    ]


def _sarif(diags, source=SOURCE, path="okrs/q1.okr.yaml") -> dict:
    return json.loads(render("sarif", diags, sources={path: source}, rules=load_rules()))


def test_formats_registered():
    assert {"sarif", "junit", "gitlab"} <= set(FORMATS)


def test_sarif_validates_against_the_oasis_schema():
    jsonschema = pytest.importorskip("jsonschema")
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"the SARIF schema is not at {SARIF_SCHEMA}")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    doc = _sarif(_diags())
    jsonschema.Draft7Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(doc), key=str)
    assert not errors, errors[0]
    # Also with no findings at all.
    assert not list(jsonschema.Draft7Validator(schema).iter_errors(_sarif([])))


def test_sarif_has_one_descriptor_per_rule_with_help():
    doc = _sarif(_diags())
    driver = doc["runs"][0]["tool"]["driver"]
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(r.meta.code for r in load_rules())
    for r in driver["rules"]:
        assert r["name"] and r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"]
        assert r["helpUri"].endswith(f"/docs/rules/{r['id']}.md")
    res = doc["runs"][0]["results"][0]
    assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
    region = res["locations"][0]["physicalLocation"]["region"]
    assert set(region) == {"startLine", "startColumn", "endLine", "endColumn"}
    levels = {r["ruleId"]: r["level"] for r in doc["runs"][0]["results"]}
    assert levels == {"OKR102": "error", "OKR203": "note", "OKR303": "warning"}


def test_sarif_fingerprints_survive_moved_lines_and_tell_twins_apart():
    before = _sarif(_diags())["runs"][0]["results"]
    moved_source = "# a comment added above\n\n" + SOURCE
    moved = [
        Diagnostic(
            d.path,
            d.line + 2,
            d.column,
            d.end_line + 2,
            d.end_column,
            d.code,
            d.name,
            d.severity,
            d.message,
            d.suggestion,
            d.language,
            d.element,
            d.objective_index,
            d.key_result_index,
        )
        for d in _diags()
    ]
    after = _sarif(moved, moved_source)["runs"][0]["results"]
    prints_before = [r["partialFingerprints"]["okrlint/v1"] for r in before]
    prints_after = [r["partialFingerprints"]["okrlint/v1"] for r in after]
    assert prints_before == prints_after
    assert len(set(prints_before)) == len(prints_before)  # two identical KR lines still differ


def test_sarif_uri_is_a_relative_uri_reference():
    doc = _sarif([_diag(4, path="my okrs/q1.okr.yaml")], path="my okrs/q1.okr.yaml")
    uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "my%20okrs/q1.okr.yaml"


def test_junit_is_xml_with_a_failure_per_diagnostic_and_a_pass_per_clean_file():
    sources = {"okrs/q1.okr.yaml": SOURCE, "okrs/clean.okr.yaml": SOURCE}
    xml = render("junit", _diags(), sources=sources, rules=load_rules())
    root = ET.fromstring(xml)
    assert root.tag == "testsuites" and root.get("failures") == "4" and root.get("tests") == "5"
    suites = {s.get("name"): s for s in root}
    assert len(suites["okrs/q1.okr.yaml"].findall("testcase/failure")) == 4
    assert suites["okrs/clean.okr.yaml"].findall("testcase") and not suites["okrs/clean.okr.yaml"].findall(
        "testcase/failure"
    )


def test_gitlab_code_quality_fields():
    items = json.loads(render("gitlab", _diags(), sources={"okrs/q1.okr.yaml": SOURCE}, rules=load_rules()))
    assert len(items) == 4
    for item in items:
        assert set(item) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert item["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert item["location"]["path"] == "okrs/q1.okr.yaml" and item["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in items}) == 4


def test_github_escaping_follows_the_actions_toolkit():
    # actions/toolkit core/src/command.ts: escapeData (%, CR, LF) and escapeProperty (+ ':' and ',').
    assert _escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert _escape_prop("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    out = render("github", [_diag(4, path="dir,x/q:1.okr.yaml")], sources={}, rules=load_rules())
    assert out.startswith(
        "::warning file=dir%2Cx/q%3A1.okr.yaml,line=4,col=9,endLine=4,endColumn=48,title=OKR303 missing-owner::"
    )


def _cli(*args: str):
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    return subprocess.run(
        [sys.executable, "-m", "okrlint", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={"PATH": "", "NO_COLOR": "1", "GITHUB_ACTIONS": ""},
        timeout=600,
    )


def test_cli_sarif_on_the_examples_validates():
    jsonschema = pytest.importorskip("jsonschema")
    root = Path(__file__).resolve().parents[1]
    if not SARIF_SCHEMA.is_file() or not list((root / "examples").glob("*.okr.*")):
        pytest.skip("no SARIF schema or no examples")
    done = _cli("--format", "sarif", "examples")
    assert done.returncode in (0, 1), done.stderr
    doc = json.loads(done.stdout)
    assert doc["runs"][0]["results"]
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft7Validator(schema).iter_errors(doc))


@pytest.mark.parametrize("option, value", [("--format", "xml"), ("--message-language", "de")])
def test_unknown_format_or_message_language_is_exit_2_with_the_allowed_values(option, value):
    done = _cli(option, value, "examples")
    assert done.returncode == 2
    assert "auto" in done.stderr and ("sarif" in done.stderr or "uz" in done.stderr)
