"""The optional spaCy pipeline component (``okrlint[spacy]``)."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy", reason="the spaCy extra is not installed: pip install -e '.[spacy]'")


def test_add_pipe_by_name_finds_the_factory_through_entry_points():
    nlp = spacy.blank("ru")
    nlp.add_pipe("okrlint")
    doc = nlp("Попробуем запустить новый сайт")
    codes = [f["code"] for f in doc._.okr_findings]
    assert "OKR102" in codes and "OKR104" in codes
    assert doc._.okr_language == "ru"
    spans = {s._.okr_code: s.text for s in doc.spans["okrlint"]}
    assert spans["OKR102"] == "Попробуем"
    assert doc[0]._.okr_lemma == "попробовать"


def test_objective_kind_and_explicit_language():
    nlp = spacy.blank("xx")
    nlp.add_pipe("okrlint", config={"kind": "objective", "language": "en"})
    doc = nlp("Sales")
    assert [f["code"] for f in doc._.okr_findings] == ["OKR202"]


def test_clean_text_has_no_findings():
    nlp = spacy.blank("en")
    nlp.add_pipe("okrlint")
    doc = nlp("Raise patient NPS from 30 to 50")
    assert doc._.okr_findings == []
    assert [t._.okr_lemma for t in doc][0] == "raise"
