"""OKR001 checks the values the format allows (type, scoring, level, language); make_linter's keyword options."""

from __future__ import annotations

import pytest

from okrlint.api import lint_text, make_linter
from okrlint.loader import ALLOWED_VALUES
from okrlint.schema import build_schema

YAML = """\
language: russian
level: Team
objectives:
  - title: Become the clinic patients recommend first
    type: comitted
    key_results:
      - title: Raise NPS from 30 to 50
        scoring: binary
      - title: Cut waiting time from 40 to 20 minutes
        scoring: bool
"""


def _schema(text: str, path: str = "q.okr.yaml"):
    return [(d.line, d.column, d.message, d.suggestion) for d in lint_text(text, path, select=["OKR001"])]


def test_values_outside_the_allowed_ones_are_located_with_a_did_you_mean():
    found = _schema(YAML)
    assert [(line, col) for line, col, _, _ in found] == [(1, 11), (2, 8), (5, 11), (10, 18)]
    assert found[1][2] == "'level' must be company, team or individual, not 'Team'; did you mean 'team'?"
    assert found[2][3] == "committed"
    assert found[3][2] == "'scoring' must be spectrum or binary, not 'bool'" and found[3][3] == ""


def test_allowed_values_pass():
    ok = (
        YAML.replace("russian", "ru")
        .replace("Team", "team")
        .replace("comitted", "committed")
        .replace("bool", "spectrum")
    )
    assert _schema(ok) == []


def test_markdown_fields_are_checked_too():
    text = "---\nlevel: teem\n---\n## Objective: Become the clinic patients recommend (type: comited)\n\n- Raise NPS from 30 to 50\n"
    found = _schema(text, "q.okr.md")
    assert [(line, s) for line, _, _, s in found] == [(2, "team"), (4, "committed")]


def test_the_json_schema_enumerates_the_same_values():
    defs = build_schema()["$defs"]
    assert defs["objectiveFields"]["properties"]["type"]["enum"] == list(ALLOWED_VALUES["type"])
    assert defs["keyResultFields"]["properties"]["scoring"]["enum"] == list(ALLOWED_VALUES["scoring"])
    assert defs["document"]["properties"]["level"]["enum"] == list(ALLOWED_VALUES["level"])
    assert defs["document"]["properties"]["language"]["enum"] == list(ALLOWED_VALUES["language"])


def test_make_linter_takes_message_language_and_unused_disables():
    text = (
        "objectives:\n  - title: Стать клиникой, которую рекомендуют\n    key_results: 3  # okrlint: disable=OKR104\n"
    )
    linter = make_linter(select=["OKR0"], message_language="ru", report_unused_disables=True)
    codes = {d.code: d.message for d in lint_text(text, linter=linter)}
    assert set(codes) == {"OKR001", "OKR004"}
    assert codes["OKR001"] == "«key_results» должен быть списком"
    assert "OKR004" not in {d.code for d in lint_text(text, select=["OKR0"])}
    with pytest.raises(ValueError):
        make_linter(message_language="klingon")
