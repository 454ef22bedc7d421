"""Messages in the author's language: data in lexicons/messages, chosen by --message-language."""

from __future__ import annotations

import pytest

from okrlint.analysis import Analyzer
from okrlint.config import Config, Selection
from okrlint.engine import Linter
from okrlint.loader import load_text
from okrlint.messages import catalog, placeholders, translate
from okrlint.registry import load_rules
from okrlint.rule import Finding
from okrlint.model import Span

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
            for part in ("message", "suggestion"):
                if part in entry:
                    assert part in other[code][mid], (code, mid, part)
                    assert placeholders(other[code][mid][part]) == placeholders(entry[part]), (code, mid, part)


def test_catalogue_names_only_real_rules():
    codes = {r.meta.code for r in load_rules()}
    assert set(catalog("ru")) <= codes


def test_shipped_text_and_structure_rules_are_translated():
    wanted = {"OKR000", "OKR001", "OKR002", "OKR003", "OKR004", "OKR101", "OKR102", "OKR103", "OKR104", "OKR105",
              "OKR106", "OKR201", "OKR202", "OKR203", "OKR301", "OKR302", "OKR303", "OKR304", "OKR305", "OKR306"}
    for lang in TRANSLATED:
        assert wanted <= set(catalog(lang)), lang


def test_russian_messages_name_the_word():
    diags = {d.code: d for d in _lint(RU, "ru")}
    assert diags["OKR103"].message == "«Улучшить» не задаёт направление и величину"
    assert "«Попробовать»" in diags["OKR102"].message
    assert diags["OKR103"].suggestion  # a stronger form, in Russian
    assert not any(c.isascii() and c.isalpha() for c in diags["OKR103"].suggestion.replace("X", "")
                   .replace("A", "").replace("B", ""))


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
