"""Steps of the shared pipeline (okrlint.analysis.base) that every language gets."""

from __future__ import annotations

import pytest

from okrlint.analysis import Analyzer
from okrlint.analysis.types import DATE


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer()


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "Open the new ward by 30/06/2025"),
        ("ru", "Открыть новое отделение до 30/06/2025"),
        ("pl", "Otworzyć nowy oddział do 30/06/2025"),
        ("tr", "Yeni servisi 30/06/2025 tarihine kadar açmak"),
        ("uz", "Yangi bo'limni 30/06/2025 gacha ochish"),
    ],
)
def test_a_date_written_with_slashes_is_one_date(analyzer, lang, text):
    an = analyzer.analyse(text, lang)
    assert [q.kind for q in an.quantities] == [DATE, DATE, DATE]
    assert not any(q.is_target for q in an.quantities)


@pytest.mark.parametrize(
    "lang,text,head",
    [
        ("ru", "(как договорились с советом) Сократить время ожидания с 40 до 25 минут", "сократить"),
        ("pl", "(jak uzgodniliśmy z zarządem) Skrócić czas oczekiwania z 40 do 25 minut", "skrócić"),
        ("tr", "Bekleme süresini 40 dakikadan 25 dakikaya düşürmek (durum: planlandığı gibi gidiyor)", "düşürmek"),
    ],
)
def test_a_verb_in_a_bracketed_note_is_not_the_head(analyzer, lang, text, head):
    an = analyzer.analyse(text, lang)
    assert an.head is not None and an.tokens[an.head].lemma == head
