"""docs/rules/<CODE>.md are generated from the rules' META and fixtures, and kept fresh."""

from __future__ import annotations

from pathlib import Path

from okrlint.docs import language_cases, pages, render_page, stale
from okrlint.explain import explain
from okrlint.registry import load_rules

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"


def test_rule_docs_are_up_to_date():
    old = stale(DOCS)
    assert not old, f"stale rule docs {old}: run `python -m okrlint.docs`"


def test_every_rule_has_a_page_and_the_index_links_it():
    generated = pages()
    index = generated["README.md"]
    for r in load_rules():
        assert f"{r.meta.code}.md" in generated
        assert f"]({r.meta.code}.md)" in index


def test_page_shows_meta_and_fixture_cases(tmp_path):
    (tmp_path / "OKR103").mkdir()
    (tmp_path / "OKR103" / "ru.yaml").write_text(
        "key_result:\n  fail: [Улучшить сервис]\n  pass: [Снизить жалобы с 40 до 20]\n", encoding="utf-8"
    )
    meta = load_rules().get("OKR103").meta
    page = render_page(meta, language_cases("OKR103", root=tmp_path))
    assert page.startswith("# OKR103 `weak-verb`")
    assert meta.why in page and "| Russian | Улучшить сервис | Снизить жалобы с 40 до 20 |" in page
    assert "`objectives`" in page  # the options table


def test_explain_shows_bad_good_pairs_in_five_languages():
    rule = load_rules().get("weak-verb")
    text = explain(rule)
    for bad, good in zip(rule.meta.bad, rule.meta.good):
        assert f"✗ {bad}\n  ✓ {good}" in text
    assert len(rule.meta.bad) == 5
    assert "docs/rules/OKR103.md" in text
