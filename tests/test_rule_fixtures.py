"""Every rule's behaviour, from YAML fixtures (sqlfluff style).

Text rules: ``tests/fixtures/rules/<CODE>/<lang>.yaml`` holds sentences per element kind::

    key_result:
      fail: ["Написать 10 статей"]    # the rule must fire on this key result
      pass: ["Привлечь 500 клиентов"] # and must not fire here

Structure rules: ``tests/fixtures/rules/<CODE>/cases.yaml`` holds whole documents::

    - name: six objectives
      fires: true
      lines: [14]          # optional: lines the rule must report
      options: {max: 5}    # optional: rule options
      document: |
        objectives: …
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from okrlint.api import lint_text, make_linter
from okrlint.config import Config
from okrlint.registry import load_rules

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
LANGS = ("uz", "ru", "pl", "tr", "en")


def _text_cases():
    for path in sorted(FIXTURES.glob("*/*.yaml")):
        if path.stem not in LANGS:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for kind in ("key_result", "objective"):
            for verdict in ("fail", "pass"):
                for sentence in (data.get(kind) or {}).get(verdict) or []:
                    yield pytest.param(
                        path.parent.name,
                        path.stem,
                        kind,
                        verdict == "fail",
                        sentence,
                        id=f"{path.parent.name}-{path.stem}-{kind}-{verdict}-{sentence[:40]}",
                    )


def _structure_cases():
    for path in sorted(FIXTURES.glob("*/cases.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            yield pytest.param(path.parent.name, case, id=f"{path.parent.name}-{case['name']}")


_LINTERS: dict = {}


def _linter(code: str, lang: str):
    key = (code, lang)
    if key not in _LINTERS:
        _LINTERS[key] = make_linter(select=[code], language=lang)
    return _LINTERS[key]


def _document(kind: str, sentence: str) -> str:
    q = json.dumps(sentence, ensure_ascii=False)
    if kind == "key_result":
        return f'period: 2026-Q1\nowner: T\nobjectives:\n  - title: "-"\n    key_results:\n      - {q}\n'
    return f'period: 2026-Q1\nowner: T\nobjectives:\n  - title: {q}\n    key_results:\n      - "-"\n'


@pytest.mark.parametrize("code,lang,kind,fires,sentence", list(_text_cases()))
def test_text_rule_fixture(code, lang, kind, fires, sentence):
    diags = lint_text(_document(kind, sentence), linter=_linter(code, lang))
    hits = [d for d in diags if d.code == code and d.element == kind]
    assert bool(hits) == fires, f"{code} {'should' if fires else 'should not'} fire on {kind} {sentence!r}: {hits}"
    for d in hits:
        # The diagnostic points inside the sentence, at a word, not elsewhere in the file.
        assert d.line == 6 if kind == "key_result" else d.line == 4
        assert d.language == lang


@pytest.mark.parametrize("code,case", list(_structure_cases()))
def test_structure_rule_fixture(code, case):
    rules = load_rules()
    options = {code: case.get("options", {})} if case.get("options") else {}
    config = Config(rules=options)
    diags = lint_text(
        case["document"],
        path=case.get("path", "case.okr.yaml"),
        select=[code],
        config=config,
        language=case.get("language", "en"),
    )
    hits = [d for d in diags if d.code == code]
    assert bool(hits) == case["fires"], f"{case['name']}: {hits}"
    if "lines" in case:
        assert sorted({d.line for d in hits}) == sorted(case["lines"])
    if "severity" in case:
        assert {d.severity.value for d in hits} == {case["severity"]}
    assert rules.get(code) is not None


def test_every_shipped_rule_has_fixtures():
    missing = [r.meta.code for r in load_rules() if r.origin == "builtin" and not (FIXTURES / r.meta.code).is_dir()]
    assert not missing, f"rules without fixtures: {missing}"
