"""Messages in the author's language: data in lexicons/messages, chosen by --message-language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from okrlint.analysis import Analyzer
from okrlint.config import Config, Selection
from okrlint.engine import Linter
from okrlint.loader import load_text
from okrlint.messages import catalog, placeholders, translate
from okrlint.model import Span
from okrlint.registry import load_rules
from okrlint.rule import Finding

TRANSLATED = ("uz", "ru", "pl", "tr")

RU = """\
period: 2026-Q1
owner: Анна
objectives:
  - title: Стать главным источником экспертного контента в нише
    key_results:
      - Улучшить качество контента
      - Попробовать запустить TikTok-канал
"""


def _lint(text: str, message_language: str, name: str = "q.okr.yaml"):
    rules = load_rules()
    cfg = Config()
    linter = Linter(rules, cfg, Selection.build(cfg, rules), Analyzer(), message_language=message_language)
    return linter.lint(load_text(name, text))


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_language_has_the_same_messages_and_placeholders(lang):
    reference, other = catalog("ru"), catalog(lang)
    assert set(other) == set(reference)
    for code, entries in reference.items():
        assert set(other[code]) == set(entries), code
        for mid, entry in entries.items():
            for part in ("message", "suggestion", "suggestion_otherwise"):
                if part in entry:
                    assert part in other[code][mid], (code, mid, part)
                    assert placeholders(other[code][mid][part]) == placeholders(entry[part]), (code, mid, part)


def test_catalogue_names_only_real_rules():
    codes = {r.meta.code for r in load_rules()}
    assert set(catalog("ru")) <= codes


def test_shipped_text_and_structure_rules_are_translated():
    wanted = {
        "OKR000",
        "OKR001",
        "OKR002",
        "OKR003",
        "OKR004",
        "OKR101",
        "OKR102",
        "OKR103",
        "OKR104",
        "OKR105",
        "OKR106",
        "OKR201",
        "OKR202",
        "OKR203",
        "OKR301",
        "OKR302",
        "OKR303",
        "OKR304",
        "OKR305",
        "OKR306",
    }
    for lang in TRANSLATED:
        assert wanted <= set(catalog(lang)), lang


def test_russian_messages_name_the_word():
    diags = {d.code: d for d in _lint(RU, "ru")}
    assert diags["OKR103"].message == "«Улучшить» не задаёт направление и величину"
    assert "«Попробовать»" in diags["OKR102"].message
    assert diags["OKR103"].suggestion  # a stronger form, in Russian
    assert not any(
        c.isascii() and c.isalpha()
        for c in diags["OKR103"].suggestion.replace("X", "").replace("A", "").replace("B", "")
    )


def test_auto_speaks_the_language_of_the_text_and_en_is_the_default():
    auto = {d.code: d.message for d in _lint(RU, "auto")}
    assert auto["OKR103"].startswith("«Улучшить»")
    english = {d.code: d.message for d in _lint(RU, "en")}
    assert english["OKR103"] == '"Улучшить" gives no direction or size'
    rules = load_rules()
    cfg = Config()
    default = Linter(rules, cfg, Selection.build(cfg, rules), Analyzer())
    assert {d.message for d in default.lint(load_text("q.okr.yaml", RU))} == set(english.values())


def test_config_key_message_language():
    rules = load_rules()
    cfg = Config(message_language="pl")
    linter = Linter(rules, cfg, Selection.build(cfg, rules), Analyzer())
    diags = {d.code: d.message for d in linter.lint(load_text("q.okr.yaml", RU))}
    assert diags["OKR103"] == "„Улучшить” nie określa kierunku ani skali zmiany"


def test_structure_rules_with_numbers():
    text = "objectives:\n  - title: Стать клиникой, которую рекомендуют пациенты\n    key_results: []\n"
    (d,) = [d for d in _lint(text, "tr") if d.code == "OKR302"]
    assert d.message == "hedefin anahtar sonucu yok; ölçülebilir iki ile beş tane ekleyin"


def test_missing_translation_or_placeholder_falls_back_to_english():
    f = Finding(Span.point(1, 1), "English text", "English hint", message_id="no-such-id")
    assert translate("OKR103", f, "ru") == ("English text", "English hint")
    f = Finding(Span.point(1, 1), "English text", "English hint")  # the message needs {words}; the hint does not
    message, suggestion = translate("OKR103", f, "ru")
    assert message == "English text" and suggestion.startswith("возьмите глагол")


# -- every message a shipped rule can emit is translated -------------------------------------------------------

_LITERAL_ID = re.compile(r"""message_id=["']([\w-]+)["']""")


def _shipped_rules():
    return [r for r in load_rules() if r.origin == "builtin"]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_id_of_a_shipped_rule_is_in_every_catalogue(lang):
    missing = [
        (r.meta.code, mid)
        for r in _shipped_rules()
        for mid in r.meta.message_ids
        if mid not in catalog(lang).get(r.meta.code, {})
    ]
    assert not missing, f"{lang}.yaml lacks {missing}"


def test_message_ids_written_in_a_rule_are_declared_in_its_meta():
    import importlib

    for r in _shipped_rules():
        source = Path(importlib.import_module(r.module).__file__).read_text(encoding="utf-8")
        written = set(_LITERAL_ID.findall(source))
        assert written <= set(r.meta.message_ids), (r.meta.code, written - set(r.meta.message_ids))


def test_catalogue_ids_are_ids_a_rule_declares():
    declared = {r.meta.code: set(r.meta.message_ids) for r in _shipped_rules()}
    for lang in TRANSLATED:
        for code, entries in catalog(lang).items():
            assert set(entries) <= declared[code], (lang, code, set(entries) - declared[code])


def _emitted(monkeypatch, projects: list[dict[str, str]]) -> set[tuple[str, str]]:
    """(code, message_id) of every finding the shipped rules emit on each project ({path: text})."""
    import okrlint.messages

    seen: set[tuple[str, str]] = set()
    real = okrlint.messages.translate

    def spy(code, f, language, **kw):
        message, suggestion = real(code, f, language, **kw)
        seen.add((code, f.message_id))
        if message == f.message:  # the English fallback: no entry, or a placeholder without a value
            seen.add((code, f"{f.message_id} (English)"))
        return message, suggestion

    monkeypatch.setattr(okrlint.messages, "translate", spy)
    rules = load_rules()
    cfg = Config()
    linter = Linter(
        rules,
        cfg,
        Selection.build(cfg, rules, ("ALL",)),
        Analyzer(),
        message_language="ru",
        report_unused_disables=True,
    )
    for documents in projects:
        sources = tuple(load_text(name, text) for name, text in documents.items())
        for s in sources:
            linter.lint(s)
        linter.lint_project(sources)
    return seen


def test_what_the_rules_emit_on_the_fixtures_is_declared(monkeypatch):
    """The declared ids are checked against real findings: every fixture document and sentence, linted."""
    import yaml

    fixtures = Path(__file__).parent / "fixtures" / "rules"
    projects: list[dict[str, str]] = []
    for path in sorted(fixtures.glob("*/cases.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            projects.append({case.get("path", "case.okr.yaml"): case["document"]})
    for path in sorted(fixtures.glob("*/team.yaml")):
        projects.extend(case["files"] for case in yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    for path in sorted(fixtures.glob("*/[a-z][a-z].yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        krs = [
            s
            for kind in ("key_result", "objective")
            for v in ("fail", "pass")
            for s in (data.get(kind) or {}).get(v) or []
        ]
        body = "".join(f"      - {json.dumps(s, ensure_ascii=False)}\n" for s in krs)
        head = f"language: {path.stem}\nperiod: 2026-Q1\nowner: T\nobjectives:\n  - title: Grow\n    key_results:\n"
        projects.append({f"{path.stem}.okr.yaml": head + body})
    declared = {r.meta.code: set(r.meta.message_ids) for r in load_rules()}
    emitted = _emitted(monkeypatch, projects)
    assert {code for code, _ in emitted} >= {"OKR001", "OKR307", "OKR308", "OKR309", "OKR310", "OKR401", "OKR402"}
    english = sorted((code, mid) for code, mid in emitted if mid.endswith(" (English)"))
    assert not english, "these findings were not translated into Russian"
    undeclared = sorted((code, mid) for code, mid in emitted if mid not in declared.get(code, {"default"}))
    assert not undeclared


@pytest.mark.parametrize("lang", TRANSLATED)
def test_schema_problems_and_unreadable_files_speak_the_language(lang):
    text = "objectives:\n  - title: Стать клиникой, которую рекомендуют\n    type: comitted\n    key_results: 3\n"
    diags = [d for d in _lint(text, lang) if d.code == "OKR001"]
    messages = {d.message for d in diags}
    assert len(diags) == 2
    assert not any("must be" in m for m in messages), messages
    assert any("comitted" in m for m in messages)
    bad_value = next(d for d in diags if "comitted" in d.message)
    assert "committed" in bad_value.suggestion and bad_value.line == 3 and bad_value.column == 11
    (d,) = [d for d in _lint("objectives: [\n", lang) if d.code == "OKR000"]
    assert d.message.split(":")[0] not in ("invalid YAML",), d.message


def test_a_suggestion_without_its_close_match_uses_the_otherwise_hint():
    f = Finding(
        Span.point(1, 1),
        "English",
        "fix the path (relative to this file) or lint that file too",
        message_id="no-file",
        params={"ref": "x.okr.yaml#O1", "file": "x.okr.yaml", "suggested": ""},
    )
    _, suggestion = translate("OKR308", f, "ru")
    assert suggestion == catalog("ru")["OKR308"]["no-file"]["suggestion_otherwise"]
