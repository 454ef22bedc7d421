"""Language identification: five languages, Uzbek Cyrillic, and texts okrlint does not read."""

from __future__ import annotations

import time

import pytest

from okrlint.analysis.detect import detect_document, detect_language, score_languages

LANGS = ("en", "pl", "ru", "tr", "uz")


@pytest.mark.parametrize(
    "text,lang",
    [
        # English
        ("Cut average ambulance response time from 14 to 9 minutes", "en"),
        ("We will train every ward nurse on the new triage checklist", "en"),
        ("Become the most trusted community bank in the valley", "en"),
        ("Launching the parent portal for all primary schools", "en"),
        # Polish
        ("Skrócić czas oczekiwania na wizytę z 20 do 12 dni", "pl"),
        ("Wdrożyć elektroniczny obieg dokumentów w urzędzie gminy", "pl"),
        ("Zwiekszyc liczbe uczniow korzystajacych z biblioteki", "pl"),  # written without diacritics
        ("Pozyskać 40 nowych rolników do spółdzielni", "pl"),
        # Russian
        ("Сократить время доставки заказов с 48 до 24 часов", "ru"),
        ("Попробуем внедрить электронные рецепты во всех поликлиниках", "ru"),
        ("Стать самым надёжным перевозчиком в регионе", "ru"),
        # Turkish
        ("Hasta bekleme süresini 40 dakikadan 25 dakikaya düşürmek", "tr"),
        ("Okul kütüphanesine kayıtlı öğrenci sayısını artırmaya çalışacağız", "tr"),
        ("Depo stok doğruluğunu %97'ye çıkarmak", "tr"),
        ("Yeni muhasebe yazilimini kurmak", "tr"),  # written without Turkish letters
        # Uzbek (Latin)
        ("Bemorlarning navbat kutish vaqtini 30 daqiqadan 15 daqiqaga qisqartirish", "uz"),
        ("Maktab o'quvchilari uchun 5 ta yangi to'garak ochish", "uz"),
        ("Fermerlarga kredit berish jarayonini tezlashtirishga harakat qilamiz", "uz"),
        ("Shahar avtobuslari qatnovini yaxshilash", "uz"),
        # Uzbek (Cyrillic)
        ("Беморларнинг навбат кутиш вақтини 30 дақиқадан 15 дақиқага қисқартириш", "uz"),
        ("Мактаб ўқувчилари учун янги тўгарак очиш", "uz"),
        ("Ҳудуддаги фермерлар сонини 20 фоизга ошириш", "uz"),
        ("Шаҳар кутубхонасига ташрифларни кўпайтириш", "uz"),
    ],
)
def test_detects_language(text: str, lang: str) -> None:
    assert detect_language(text, LANGS) == lang


@pytest.mark.parametrize(
    "text",
    [
        "Die Wartezeit der Patienten im nächsten Quartal deutlich verkürzen",  # German
        "Neue Kunden gewinnen und den Umsatz um 20 % steigern",  # German
        "Améliorer l'accueil des élèves dans les écoles de la ville",  # French
        "Réduire le délai de livraison à 24 heures",  # French
        "Aumentar la satisfacción de los pacientes en un 15%",  # Spanish
        "Збільшити кількість відвідувачів бібліотеки на 20%",  # Ukrainian
        "Мектептердегі оқушылар санын 10%-ға арттыру",  # Kazakh
    ],
)
def test_unsupported_language_is_none(text: str) -> None:
    assert detect_language(text, LANGS) is None


def test_uzbek_not_turkish_and_cyrillic_uzbek_not_russian() -> None:
    tr = score_languages("Müşteri şikayetlerini azaltmak", LANGS)
    assert tr["tr"] > tr["uz"]
    uz = score_languages("Mijozlar shikoyatlarini kamaytirish", LANGS)
    assert uz["uz"] > uz["tr"]
    uz_cyr = score_languages("Мижозлар шикоятларини камайтириш", LANGS)
    assert uz_cyr["uz"] > uz_cyr["ru"]
    ru = score_languages("Сократить количество жалоб клиентов", LANGS)
    assert ru["ru"] > ru["uz"]


def test_short_text_takes_the_document_language() -> None:
    # One word says little on its own; the document around it says more.
    assert detect_language("Marketing", LANGS, default="pl") == "pl"
    assert detect_language("Marketing", LANGS, default="en") == "en"
    # …but a text that is clearly another language keeps its own.
    assert detect_language("Skrócić czas obsługi zgłoszeń z 5 do 2 dni", LANGS, default="en") == "pl"
    # …and letters no supported language writes are never taken for the document's.
    assert detect_language("Die Qualität der Versorgung erhöhen", LANGS, default="en") is None


def test_cyrillic_without_uzbek_features_is_russian() -> None:
    assert detect_language("Маркетинг", LANGS) == "ru"


def test_detect_document() -> None:
    titles = ["Become the clinic patients recommend", "Cut waiting time from 40 to 20 minutes", "Social media"]
    assert detect_document(titles, LANGS) == "en"
    assert detect_document([], LANGS) is None


def test_no_letters_is_none() -> None:
    assert detect_language("100% → 120%", LANGS) is None


def test_fast() -> None:
    detect_language("warm-up", LANGS)
    start = time.perf_counter()
    for _ in range(200):
        detect_language("Hasta bekleme süresini 40 dakikadan 25 dakikaya düşürmek", LANGS)
    assert (time.perf_counter() - start) / 200 < 0.005
