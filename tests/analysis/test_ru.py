"""Russian analyser: pymorphy3 readings mapped to lemma / part of speech / verb form, and whole sentences."""

from __future__ import annotations

import pytest

from okrlint.analysis import Analyzer, reading
from okrlint.analysis.lexicon import load_lexicon
from okrlint.analysis.ru import lemma_table_text
from okrlint.analysis.types import (
    ADJ,
    ADP,
    CONV,
    DATE,
    FIN,
    IMP,
    INF,
    MONEY,
    MULTIPLIER,
    NAME,
    NOUN,
    NUMBER,
    PART_FORM,
    PERCENT,
    PRON,
    QUARTER,
    RANK,
    VERB,
    VNOUN,
    YEAR,
)


@pytest.fixture(scope="module")
def ru():
    return Analyzer().analyser("ru")


def word(ru, text: str):
    toks = [t for t in ru.analyse(text).tokens if t.is_word]
    assert len(toks) == 1, toks
    return toks[0]


# surface → (lemma, pos, form, features that must be present); pos None = not checked
WORDS = [
    ("увеличить", "увеличить", VERB, INF, {"aspect": "perf"}),
    ("увеличивать", "увеличивать", VERB, INF, {"aspect": "impf"}),
    ("Увеличьте", "увеличить", VERB, IMP, {"mood": "imp", "number": "pl"}),
    ("снизь", "снизить", VERB, IMP, {"mood": "imp", "number": "sg"}),
    ("сократим", "сократить", VERB, FIN, {"person": "1", "number": "pl", "tense": "fut"}),
    ("Запустили", "запустить", VERB, FIN, {"number": "pl", "tense": "past"}),
    ("работаем", "работать", VERB, FIN, {"person": "1", "tense": "pres"}),
    ("попробуем", "попробовать", VERB, FIN, {"person": "1"}),
    ("постараемся", "постараться", VERB, FIN, {"person": "1"}),
    ("пытались", "пытаться", VERB, FIN, {"tense": "past"}),
    ("опубликованных", "опубликовать", VERB, PART_FORM, {"number": "pl", "voice": "pass"}),
    ("привлекающую", "привлекать", VERB, PART_FORM, {"case": "acc"}),
    ("запущен", "запустить", VERB, PART_FORM, {"short": "yes"}),
    ("оптимизируя", "оптимизировать", VERB, CONV, {}),
    # verbal nouns carry their verbs as extra lemmas
    ("Внедрение", "внедрение", NOUN, VNOUN, {"case": "nom"}),
    ("снижение", "снижение", NOUN, VNOUN, {}),
    ("Проведение", "проведение", NOUN, VNOUN, {}),
    ("автоматизация", "автоматизация", NOUN, VNOUN, {}),
    ("Запуск", "запуск", NOUN, VNOUN, {}),
    ("рост", "рост", NOUN, VNOUN, {}),
    ("Подготовка", "подготовка", NOUN, VNOUN, {}),
    # nouns that are not actions
    ("приложение", "приложение", NOUN, "", {}),
    ("здравоохранение", "здравоохранение", NOUN, "", {}),
    ("станция", "станция", NOUN, "", {}),
    ("продажи", "продажа", NOUN, "", {}),
    ("конверсию", "конверсия", NOUN, "", {"case": "acc"}),
    # ties: the noun that is not a verb, the adjective over a lexicalised participle
    ("статей", "статья", NOUN, "", {"case": "gen", "number": "pl"}),
    ("текущий", "текущий", ADJ, "", {}),
    ("действующих", "действующий", ADJ, "", {}),
    ("данные", "данные", NOUN, "", {}),
    # unknown verbs shaped as infinitives
    ("драйвить", "драйвить", VERB, INF, {}),
    ("левереджить", "левереджить", VERB, INF, {}),
    # numbers in every case, ё folded
    ("пяти", "пять", None, "", {"numtype": "card"}),
    ("двадцати", "двадцать", None, "", {"numtype": "card"}),
    ("трёх", "три", None, "", {"numtype": "card"}),
    ("тысяч", "тысяча", NOUN, "", {"case": "gen"}),
    ("удовлетворённость", "удовлетворенность", NOUN, "", {}),
    ("с", "с", ADP, "", {}),
    ("мы", "мы", PRON, "", {}),
]


@pytest.mark.parametrize("surface,lemma,pos,form,feats", WORDS, ids=[w[0] for w in WORDS])
def test_word(ru, surface, lemma, pos, form, feats):
    tok = word(ru, surface)
    assert tok.lemma == lemma
    if pos is not None:
        assert tok.pos == pos
    assert tok.form == form
    for key, value in feats.items():
        # An ambiguous case is listed under "cases" ("статей" is only genitive, "внедрение" nom or acc).
        ambiguous = key == "case" and value in tok.feats.get("cases", "").split("|")
        assert tok.feats.get(key) == value or ambiguous, (key, tok.feats)


@pytest.mark.parametrize(
    "noun,verb",
    [
        ("снижение", "снизить"),
        ("снижение", "снижать"),
        ("сокращение", "сократить"),
        ("повышение", "повысить"),
        ("внедрение", "внедрить"),
        ("создание", "создать"),
        ("развитие", "развить"),
        ("миграция", "мигрировать"),
        ("публикация", "публиковать"),
        ("привлечение", "привлечь"),
        ("проведение", "провести"),
        ("запуск", "запустить"),
        ("рост", "расти"),
    ],
)
def test_verbal_noun_carries_its_verb(ru, noun, verb):
    assert verb in word(ru, noun).lemmas


def test_ambiguous_case_is_not_a_case(ru):
    """ "новых" may be genitive, accusative or locative: no "case" to mislead a place count."""
    tok = word(ru, "новых")
    assert "case" not in tok.feats and "loc" in tok.feats["cases"].split("|")
    assert word(ru, "филиалах").feats["case"] == "loc"


def test_places_are_not_deliverables(ru):
    assert ru.analyse("Внедрить CRM в 5 филиалах").places == frozenset({0})
    assert not ru.analyse("Разработать 3 новых образовательных курса").places


def test_noun_lemma_does_not_match_verb_entries(ru):
    """ "статей" has a rival lemma "стать" (a noun); it must not read as the verb "стать"."""
    an = ru.analyse("Написать 10 статей")
    assert not an.has("state_verbs")


def analyse(ru, text):
    return ru.analyse(text)


def head_text(an):
    return an.head_token.text if an.head_token is not None else None


@pytest.mark.parametrize(
    "text,head",
    [
        ("Сократить время ожидания с 40 до 15 минут", "Сократить"),
        ("Мы запустим чат-бот для записи к врачу", "запустим"),
        ("Попробуем провести 5 семинаров", "провести"),
        ("Будем стараться достичь 10 000 подписчиков", "достичь"),
        ("Планируем открыть два новых склада", "открыть"),
        ("Проведение трёх субботников в парке", "Проведение"),
        ("Время обработки заявок сократить до двух дней", "сократить"),
        ("Работаем над снижением очередей", "Работаем"),
        ("Опубликованных новостей: 0 → 12", "Опубликованных"),
        ("Оптимизируя маршруты, сократить пробег на 10%", "сократить"),
        ("Будет запущен новый сайт", "запущен"),
        ("Сайт запущен до конца марта", "запущен"),
        ("Если пилот пройдёт успешно, внедрить систему во всех филиалах", "внедрить"),
        ("Если понадобится, сократить сроки поставки с 10 до 7 дней", "сократить"),
    ],
)
def test_head(ru, text, head):
    assert head_text(analyse(ru, text)) == head


def test_hedge_chain(ru):
    an = analyse(ru, "Постараемся улучшить отзывы о доставке")
    assert [an.tokens[i].text for i in an.predicate] == ["Постараемся", "улучшить"]
    assert an.has("hedging") and an.match_at(an.head, "weak_verbs") is not None


def test_dependent_verbal_noun_is_not_a_verb(ru):
    """ "качество *обслуживания*": a verbal noun governed by a noun names no action."""
    an = analyse(ru, "Качество обслуживания пациентов")
    assert not an.has_verb_form
    assert analyse(ru, "Рост выручки в Казахстане").has_verb_form


def test_institution_noun_is_an_action_only_with_an_object(ru):
    """ "некоммерческая организация" is a body; "Организация приёмов" is organising them."""
    an = analyse(ru, "Некоммерческая организация для пожилых жителей")
    assert not an.has_verb_form and not an.has("activity_verbs")
    assert analyse(ru, "Организация выездных приёмов в сёлах").has("activity_verbs")


def kinds(an):
    return [(q.kind, q.value) for q in an.quantities]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Привлечь пять новых клиентов", [(NUMBER, 5)]),
        ("Обучить двадцать двух фельдшеров", [(NUMBER, 22)]),
        ("Увеличить выручку на 15 %", [(PERCENT, 15)]),
        ("Снизить расходы на двадцать процентов", [(PERCENT, 20)]),
        ("Собрать 1,2 млн ₽ пожертвований", [(MONEY, 1_200_000)]),
        ("Продать 5 000 абонементов", [(NUMBER, 5000)]),
        ("Продать 5\u00a0000 абонементов", [(NUMBER, 5000)]),
        ("Сократить очередь вдвое", [(MULTIPLIER, None)]),
        ("Сократить очередь в 2 раза", [(MULTIPLIER, None)]),
        ("Уменьшить брак в три раза", [(MULTIPLIER, None)]),
        ("Удвоить число волонтёров", [(MULTIPLIER, None)]),
        ("Войти в топ-3 вузов региона", [(RANK, 3)]),
        ("Стать №1 в регионе", [(RANK, 1)]),
        ("Занять 1-е место в рейтинге", [(RANK, 1)]),
        ("Занять второе место в рейтинге", [(RANK, None)]),
        ("Запустить сайт до 1 июля", [(DATE, None)]),
        ("Открыть филиал в 2026 году", [(YEAR, 2026)]),
        ("Обучить 150 врачей до 2026", [(NUMBER, 150), (YEAR, 2026)]),
        ("Увеличить число полисов с 1200 до 2030", [(NUMBER, 1200), (NUMBER, 2030)]),
        ("Открыть филиал в Q3", [(QUARTER, None)]),
        ("Перейти на 1С и ISO 9001", [(NAME, 1), (NAME, 9001)]),
        ("Внедрить B2B-портал", []),
        ("Пройти проверку по 152-ФЗ", []),
        ("Разработать 5-летнюю программу", []),
        ("Запустить поддержку 24/7", []),
        ("Обучить всех медсестёр", []),
        ("Сократить доставку до одного дня", [(NUMBER, 1)]),
        ("Стать одним из лидеров рынка", []),
    ],
)
def test_quantities(ru, text, expected):
    got = [(k, v) for k, v in kinds(analyse(ru, text))]
    assert [k for k, _ in got] == [k for k, _ in expected]
    for (_, v), (_, want) in zip(got, expected):
        if want is not None:
            assert v == pytest.approx(want)


@pytest.mark.parametrize(
    "text,baseline,target",
    [
        ("Снизить долю брака с 4% до 1,5%", 4, 1.5),
        ("Сократить время ответа со 120 до 30 секунд", 120, 30),
        ("Увеличить средний чек от 2 500 до 3 000 ₽", 2500, 3000),
        ("Сократить ожидание с пятнадцати до пяти минут", 15, 5),
        ("Число доноров: 400 → 600", 400, 600),
        ("Поднять явку до 70% (сейчас 52%)", 52, None),
        ("Поднять явку до 70% (текущий: 52%)", 52, None),
    ],
)
def test_baseline_target(ru, text, baseline, target):
    changes = analyse(ru, text).changes
    assert changes, text
    assert changes[0].baseline == pytest.approx(baseline)
    if target is not None:
        assert changes[0].target == pytest.approx(target)


@pytest.mark.parametrize("text", ["Снизить долю брака до 1,5%", "Увеличить трафик на 40%", "Привлечь 300 клиентов"])
def test_no_baseline(ru, text):
    assert not analyse(ru, text).changes


def test_relative(ru):
    an = analyse(ru, "Увеличить трафик на 40%")
    assert an.relative == frozenset({0})


@pytest.mark.parametrize(
    "text,concept",
    [
        ("Попытаемся увеличить продажи", "hedging"),
        ("Стремимся стать лидером", "hedging"),
        ("Работать над качеством", "weak_verbs"),
        ("Перейти на новую CRM", "binary_verbs"),
        ("Добиться снижения расходов", "change_verbs"),
        ("Довести долю до 40%", "reach_verbs"),
        ("Раскрыть синергию отделов", "jargon"),
        ("Синергетический эффект", "jargon"),
    ],
)
def test_concepts(ru, text, concept):
    assert analyse(ru, text).has(concept)


def test_reach_is_not_change(ru):
    an = analyse(ru, "Довести долю онлайн-заказов до 40%")
    assert an.has("reach_verbs") and not an.has("change_verbs")


def test_entry_lemma_table_is_current():
    """The generated ``entry_lemmas`` block of lexicons/ru.yaml matches what pymorphy3 gives now."""
    lexicon = load_lexicon("ru")
    assert lemma_table_text(lexicon).split() == str(lexicon.get("entry_lemmas", "")).split(), (
        "regenerate with: python -m okrlint.analysis.ru"
    )


def test_one_morph_analyzer_per_process(ru):
    from okrlint.analysis import ru as module

    first = module._morph()
    Analyzer().analyser("ru")
    assert module._morph() is first


@pytest.mark.parametrize(
    "text", ["Запустить портал во второй половине года", "Запустить портал в первой половине 2026 г."]
)
def test_half_of_a_period_is_a_date(ru, text):
    assert not ru.analyse(text).has_quantity


def test_half_of_a_population_stays_a_quantity(ru):
    assert ru.analyse("Половина пациентов записывается онлайн").has_quantity


@pytest.mark.parametrize(
    "text",
    ["Набрать 8 новых стажёров в отдел продаж", "Набрать в штат двух инженеров", "Набирать волонтёров на выставку"],
)
def test_recruiting_staff_is_an_activity(ru, text):
    an = analyse(ru, text)
    assert reading.task_style(an) is not None


def test_gaining_an_audience_stays_an_outcome(ru):
    an = analyse(ru, "Набрать 5 000 подписчиков в телеграм-канале")
    assert reading.task_style(an) is None and an.has("outcome_verbs")


def test_leverage_noun_names_an_action(ru):
    assert reading.names_action(analyse(ru, "Левередж экспертизы для выхода на новые рынки"))


def test_every_second_is_a_share(ru):
    an = analyse(ru, "Каждый третий покупатель оставляет отзыв")
    assert an.has_quantity and reading.task_style(an) is None
    assert not analyse(ru, "Провести обучение в каждом филиале").has_quantity


@pytest.mark.parametrize(
    "text",
    [
        "Снизить число пропусков занятий, проведя 6 собраний с родителями",
        "Сократить ошибки путём проведения 12 тренингов",
    ],
)
def test_counted_activity_as_means_of_a_bare_outcome_is_task_style(ru, text):
    """The number counts what the team does; the reduction has no size of its own."""
    an = analyse(ru, text)
    assert reading.task_style(an) is not None
    assert reading.change_without_baseline(an) is None


def test_counted_activity_with_a_sized_outcome_is_not_task_style(ru):
    an = analyse(ru, "Снизить число пропусков на 30% за счёт проведения 6 собраний")
    assert reading.task_style(an) is None and reading.change_without_baseline(an) is not None


def test_verbal_noun_coordinated_with_a_genitive_is_not_a_verb_form(ru):
    assert not reading.names_action(analyse(ru, "Отделы логистики и снабжения"))
    assert reading.names_action(analyse(ru, "Рост выручки и снижение издержек"))


def test_no_finite_verb_after_a_preposition(ru):
    """ "из сёл" written with е ("из сел"): the noun, not the past tense of "сесть"."""
    assert not reading.names_action(analyse(ru, "Врачи для сел района"))
