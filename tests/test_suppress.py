"""Inline suppression comments in YAML and Markdown; malformed and unused ones are findings."""

from __future__ import annotations

from okrlint.analysis import Analyzer
from okrlint.config import Config, Selection
from okrlint.engine import Linter
from okrlint.loader import load_text
from okrlint.registry import load_rules

HEAD = "period: 2026-Q1\nobjectives:\n  - title: Become the clinic patients recommend first\n    key_results:\n"


def _lint(text: str, name: str = "q.okr.yaml", unused: bool = False, select=("OKR0", "OKR3")):
    rules = load_rules()
    cfg = Config()
    linter = Linter(rules, cfg, Selection.build(cfg, rules, select), Analyzer(), report_unused_disables=unused)
    return [(d.line, d.code) for d in linter.lint(load_text(name, text))]


def test_without_comments_the_findings_are_there():
    assert _lint(HEAD + "      - Raise NPS from 30 to 50\n") == [(5, "OKR303")]


def test_disable_on_the_line_by_code_or_name():
    assert _lint(HEAD + "      - Raise NPS from 30 to 50  # okrlint: disable=OKR303\n") == []
    assert _lint(HEAD + "      - Raise NPS from 30 to 50  # okrlint: disable=missing-owner\n") == []
    assert _lint(HEAD + "      - Raise NPS from 30 to 50  # okrlint: disable=OKR3\n") == []
    assert _lint(HEAD + "      - Raise NPS from 30 to 50  # okrlint: disable=OKR304\n") == [(5, "OKR303")]


def test_disable_next_line_and_file():
    assert _lint(HEAD + "      # okrlint: disable-next-line=OKR303\n      - Raise NPS from 30 to 50\n") == []
    assert _lint(HEAD + "      - Raise NPS from 30 to 50\n      # okrlint: disable-next-line=OKR303\n") == [
        (5, "OKR303")
    ]
    text = (
        "# okrlint: disable-file=missing-owner\n"
        + HEAD
        + "      - Raise NPS from 30 to 50\n      - Cut churn from 5% to 3%\n"
    )
    assert _lint(text) == []


def test_markdown_html_comments():
    md = "period: 2026-Q1\n\n## Become the clinic patients recommend first\n- Raise NPS from 30 to 50\n"
    assert _lint(md, "q.okr.md") == [(4, "OKR303")]
    assert _lint(md.replace("to 50\n", "to 50 <!-- okrlint: disable=OKR303 -->\n"), "q.okr.md") == []
    assert _lint(md.replace("- Raise", "<!-- okrlint: disable-next-line=OKR303 -->\n- Raise"), "q.okr.md") == []
    assert _lint("<!-- okrlint: disable-file=OKR303 -->\n" + md, "q.okr.md") == []


def test_malformed_suppressions_are_OKR003_and_do_not_suppress():
    for comment in ("disabel=OKR303", "disable=OKR999", "disable", "disable=OKR303;OKR304"):
        got = _lint(HEAD + f"      - Raise NPS from 30 to 50  # okrlint: {comment}\n")
        assert sorted(got) == [(5, "OKR003"), (5, "OKR303")], comment
    # A comment that only mentions okrlint is not a directive.
    assert _lint(HEAD + "      - Raise NPS from 30 to 50  # checked by okrlint weekly\n") == [(5, "OKR303")]


def test_unused_suppressions_only_when_asked():
    text = HEAD + "      - Raise NPS from 30 to 50  # okrlint: disable=OKR303,OKR305\n"
    assert _lint(text) == []
    assert _lint(text, unused=True) == [(5, "OKR004")]


def test_unused_suppression_message_names_the_rule():
    rules = load_rules()
    cfg = Config()
    linter = Linter(rules, cfg, Selection.build(cfg, rules, ("OKR0", "OKR3")), Analyzer(), report_unused_disables=True)
    text = HEAD + "      - Raise NPS from 30 to 50  # okrlint: disable=OKR303,long-period\n"
    (d,) = linter.lint(load_text("q.okr.yaml", text))
    assert d.code == "OKR004" and "'long-period'" in d.message
    assert text.split("\n")[4][d.column - 1 : d.end_column - 1] == "long-period"
