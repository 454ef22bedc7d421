"""Markdown OKRs: the same model as YAML, with positions inside the .md source."""

from __future__ import annotations

import pytest

from okrlint.analysis import Analyzer
from okrlint.config import Config, Selection
from okrlint.engine import Linter
from okrlint.loader import load_text
from okrlint.registry import load_rules

YAML_TWIN = """\
title: Marketing
period: 2026-Q1
owner: Anna Kowalska
objectives:
  - title: Stać się pierwszym źródłem wiedzy eksperckiej w naszej niszy
    key_results:
      - title: Zwiększyć ruch organiczny z 5 000 do 15 000 wizyt miesięcznie
        owner: Jan
      - Spróbować uruchomić kanał na TikToku
      - title: Poprawić widoczność w sieci
        baseline: 10
  - id: O2
    title: Sprzedaż
"""

MARKDOWN = """\
---
period: 2026-Q1
---
# Marketing
owner: Anna Kowalska

## Objective: Stać się pierwszym źródłem wiedzy eksperckiej w naszej niszy

Some prose about why this matters: it is not a field.

- KR: Zwiększyć ruch organiczny z 5 000 do 15 000 wizyt miesięcznie (owner: Jan)
- KR2: Spróbować uruchomić kanał na TikToku
- Poprawić widoczność w sieci
  baseline: 10
  - an initiative under the key result, not a key result

## O2: Sprzedaż
"""


def _lint(name: str, text: str):
    rules = load_rules()
    cfg = Config()
    linter = Linter(rules, cfg, Selection.build(cfg, rules), Analyzer())
    source = load_text(name, text)
    return source, linter.lint(source)


def _flagged(text: str, d) -> str:
    line = text.split("\n")[d.line - 1]
    return line[d.column - 1 : d.end_column - 1] if d.end_line == d.line else line[d.column - 1 :]


def test_markdown_model_matches_yaml():
    md = load_text("q1.okr.md", MARKDOWN).documents[0]
    ya = load_text("q1.okr.yaml", YAML_TWIN).documents[0]
    assert [o.title.value for o in md.objectives] == [o.title.value for o in ya.objectives]
    assert [[k.title.value for k in o.key_results] for o in md.objectives] == [
        [k.title.value for k in o.key_results] for o in ya.objectives
    ]
    assert md.get("period") == ya.get("period") and md.get("owner") == ya.get("owner") == "Anna Kowalska"
    assert md.get("title") == "Marketing"
    assert md.objectives[0].key_results[0].get("owner") == "Jan"
    assert md.objectives[0].key_results[1].get("id") == "KR2"
    assert md.objectives[0].key_results[2].get("baseline") == 10
    assert md.objectives[1].get("id") == "O2"
    assert not md.problems


def test_titles_point_into_the_markdown_source():
    md = load_text("q1.okr.md", MARKDOWN).documents[0]
    lines = MARKDOWN.split("\n")
    for text in [md.objectives[0].title, *(k.title for k in md.objectives[0].key_results)]:
        line, col = text.origin
        assert lines[line - 1][col - 1 :].startswith(text.value)
    kr = md.objectives[0].key_results[0]
    assert kr.title.span_of(0, 9) == kr.title.span_of(0, 9)
    assert lines[kr.title.span.line - 1][kr.title.span.column - 1 : kr.title.span.column + 8] == "Zwiększyć"
    owner = kr.fields["owner"]
    assert lines[owner.span.line - 1][owner.span.column - 1 : owner.span.end_column - 1] == "Jan"


def test_markdown_and_yaml_twins_give_the_same_diagnostics_at_their_own_positions():
    md_source, md_diags = _lint("q1.okr.md", MARKDOWN)
    ya_source, ya_diags = _lint("q1.okr.yaml", YAML_TWIN)
    assert md_diags, "the twins are meant to have findings"
    key = lambda d: (d.objective_index, d.key_result_index, d.code, d.message)  # noqa: E731
    assert sorted(map(key, md_diags)) == sorted(map(key, ya_diags))
    by_key = {key(d): d for d in ya_diags}
    for d in md_diags:
        twin = by_key[key(d)]
        assert _flagged(MARKDOWN, d) == _flagged(YAML_TWIN, twin), (d, twin)
        assert (d.line, d.column) != (twin.line, twin.column)


@pytest.mark.parametrize(
    "heading, title, ident",
    [
        ("## Objective: Grow the clinic", "Grow the clinic", None),
        ("## O3: Grow the clinic", "Grow the clinic", "O3"),
        ("## Цель: Стать клиникой №1", "Стать клиникой №1", None),
        ("## Cel: Zostać liderem", "Zostać liderem", None),
        ("## Hedef: Lider olmak", "Lider olmak", None),
        ("## Maqsad: Yetakchi bo'lish", "Yetakchi bo'lish", None),
        ("## Objective 2 — Grow the clinic", "Grow the clinic", "O2"),
        ("## Grow the clinic", "Grow the clinic", None),
    ],
)
def test_objective_labels_are_stripped(heading, title, ident):
    doc = load_text("x.okr.md", f"{heading}\n- KR: Raise NPS from 30 to 50\n").documents[0]
    obj = doc.objectives[0]
    assert obj.title.value == title
    assert obj.get("id") == ident
    assert heading[obj.title.span.column - 1 :] == title


@pytest.mark.parametrize(
    "item, title",
    [
        ("- KR: Raise NPS from 30 to 50", "Raise NPS from 30 to 50"),
        ("- KR1: Raise NPS from 30 to 50", "Raise NPS from 30 to 50"),
        ("- КР: Поднять NPS с 30 до 50", "Поднять NPS с 30 до 50"),
        ("* Raise NPS from 30 to 50 (owner: Dana, due: 2026-03-31)", "Raise NPS from 30 to 50"),
        ("1. Raise NPS from 30 to 50", "Raise NPS from 30 to 50"),
        ("- [ ] KR: Raise NPS from 30 to 50", "Raise NPS from 30 to 50"),
    ],
)
def test_key_result_labels_and_trailing_fields(item, title):
    kr = load_text("x.okr.md", f"## Grow the clinic\n{item}\n").documents[0].objectives[0].key_results[0]
    assert kr.title.value == title
    assert item[kr.title.span.column - 1 :].startswith(title)


def test_markdown_problems_are_data():
    doc = load_text("x.okr.md", "# Just notes\n\nNothing here.\n").documents[0]
    assert [p.kind for p in doc.problems] == ["missing-objectives"]
    doc = load_text("x.okr.md", "## Grow the clinic\n- Raise NPS from 30 to 50\n  onwer: Dana\n").documents[0]
    assert [(p.kind, p.span.line, p.span.column, p.suggestion) for p in doc.problems] == [
        ("unknown-key", 3, 3, "owner")
    ]


def test_suppression_comments_are_collected_outside_code():
    src = "## Grow\n- Launch it <!-- okrlint: disable=OKR104 -->\n\n```\n<!-- okrlint: disable=OKR105 -->\n```\n"
    source = load_text("x.okr.md", src)
    assert source.comments == ((2, "okrlint: disable=OKR104"),)
    assert source.documents[0].objectives[0].key_results[0].title.value == "Launch it"
