"""Polish analyser: Morfeusz readings mapped to lemma / part of speech / verb form, and whole sentences."""

from __future__ import annotations

import pytest

from okrlint.analysis import Analyzer
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
    QUARTER,
    RANK,
    VERB,
    VNOUN,
    YEAR,
)


@pytest.fixture(scope="module")
def pl():
    return Analyzer().analyser("pl")


def word(pl, text: str):
    toks = [t for t in pl.analyse(text).tokens if t.is_word]
    assert len(toks) == 1, toks
    return toks[0]


# surface → (lemma, pos, form, features that must be present)
WORDS = [
    ("zwiększyć", "zwiększyć", VERB, INF, {"aspect": "perf"}),
    ("zwiększać", "zwiększać", VERB, INF, {"aspect": "imperf"}),
    ("Zwiększcie", "zwiększyć", VERB, IMP, {"person": "2", "number": "pl"}),
    ("zwiększ", "zwiększyć", VERB, IMP, {"person": "2", "number": "sg"}),
    ("skrócimy", "skrócić", VERB, FIN, {"person": "1", "number": "pl"}),
    ("zorganizowaliśmy", "zorganizować", VERB, FIN, {"number": "pl"}),
    ("wdrożyli", "wdrożyć", VERB, FIN, {"number": "pl"}),
    ("postaramy", "postarać", VERB, FIN, {"person": "1"}),
    ("spróbujemy", "spróbować", VERB, FIN, {"person": "1"}),
    ("uruchomienie", "uruchomić", NOUN, VNOUN, {"case": "nom"}),
    ("Przeprowadzenie", "przeprowadzić", NOUN, VNOUN, {}),
    ("zwiększenie", "zwiększyć", NOUN, VNOUN, {}),
    ("Usprawnienie", "usprawnić", NOUN, VNOUN, {}),
    ("opublikowanych", "opublikować", ADJ, PART_FORM, {"number": "pl"}),
    ("przeszkolonych", "przeszkolić", ADJ, PART_FORM, {}),
    ("przyciągającą", "przyciągający", ADJ, "", {}),  # lexicalised: the adjective reading wins
    ("zwiększając", "zwiększać", VERB, CONV, {}),
    ("wzrost", "wzrost", NOUN, VNOUN, {}),  # an action noun from the lexicon
    ("sprzedaż", "sprzedaż", NOUN, "", {}),
    ("konwersję", "konwersja", NOUN, "", {"case": "acc"}),
    ("dwudziestu", "dwadzieścia", None, "", {}),
    ("pięciu", "pięć", None, "", {}),
    ("trzech", "trzy", None, "", {}),
    ("tysięcy", "tysiąc", NOUN, "", {"case": "gen"}),
    ("z", "z", ADP, "", {}),
    ("dwukrotnie", "dwukrotnie", None, "", {}),
]


@pytest.mark.parametrize("surface,lemma,pos,form,feats", WORDS, ids=[w[0] for w in WORDS])
def test_word(pl, surface, lemma, pos, form, feats):
    tok = word(pl, surface)
    assert tok.lemma == lemma
    assert lemma in tok.lemmas
    if pos is not None:
        assert tok.pos == pos
    assert tok.form == form
    for key, value in feats.items():
        assert tok.feats.get(key) == value, (key, tok.feats)


def test_homonym_suffix_is_stripped(pl):
    tok = word(pl, "tysiąc")
    assert all(":" not in lemma for lemma in tok.lemmas)


def test_every_candidate_lemma_is_kept(pl):
    # "zamówień" is both the noun "zamówienie" and the verbal noun of "zamówić".
    tok = [t for t in pl.analyse("liczba zamówień").tokens][1]
    assert {"zamówienie", "zamówić"} <= tok.lemmas


def head(pl, text: str) -> str | None:
    an = pl.analyse(text)
    return None if an.head is None else an.tokens[an.head].text


def test_head_skips_hedge_and_auxiliary(pl):
    assert head(pl, "Będziemy się starać osiągnąć 98% terminowych dostaw") == "osiągnąć"
    assert head(pl, "Postaramy się przygotować 10 szablonów ofert") == "przygotować"
    assert head(pl, "Chcemy zwiększyć sprzedaż o 10%") == "zwiększyć"


def test_verbal_noun_heads_only_its_clause(pl):
    an = pl.analyse("Skrócić czas wdrożenia nowego pracownika")
    wdrozenia = an.tokens[2]
    assert wdrozenia.form == "" and an.tokens[an.head].text == "Skrócić"
    assert head(pl, "Wdrożenie programu poleceń") == "Wdrożenie"


def test_institution_noun_is_an_action_only_with_an_object(pl):
    """ "Organizacja pozarządowa" is a body; "Organizacja szkoleń" is organising them."""
    an = pl.analyse("Organizacja pozarządowa dla seniorów")
    assert not an.has_verb_form and not an.has("activity_verbs") and not an.has("action_nouns")
    assert head(pl, "Organizacja szkoleń dla rolników") == "Organizacja"
    assert head(pl, "Organizacja 6 targów pracy") == "Organizacja"


def test_noun_homographs_of_verbs(pl):
    an = pl.analyse("Zmniejszyć liczbę skarg w powiecie na wywóz śmieci")
    assert [t.text for t in an.tokens if t.is_verb_like] == ["Zmniejszyć"]
    an = pl.analyse("Wejść do top 5 sklepów")
    assert an.tokens[2].form == ""


def kinds(pl, text: str) -> list[tuple[str, float | None]]:
    return [(q.kind, q.value) for q in pl.analyse(text).quantities]


def test_quantities(pl):
    assert kinds(pl, "Pozyskać pięciu nowych dystrybutorów") == [(NUMBER, 5.0)]
    assert kinds(pl, "Zwiększyć udział do dwudziestu procent") == [(PERCENT, 20.0)]
    assert kinds(pl, "Obniżyć koszty o 1,5 mln zł") == [(MONEY, 1_500_000.0)]
    assert kinds(pl, "Zwiększyć przychody dwukrotnie")[0][0] == MULTIPLIER
    assert kinds(pl, "Podwoić liczbę klientów")[0][0] == MULTIPLIER
    assert kinds(pl, "Zwiększyć liczbę obserwujących dwa razy")[0][0] == MULTIPLIER
    assert kinds(pl, "Zwiększyć sprzedaż 2x")[0][0] == MULTIPLIER
    assert kinds(pl, "Zająć 1. miejsce w rankingu")[0][0] == RANK
    assert kinds(pl, "Wejść do top 5 sklepów")[0][0] == RANK
    assert kinds(pl, "Uruchomić sklep do 31.03")[0][0] == DATE
    assert kinds(pl, "Osiągnąć 50 mln zł przychodu w 2026 roku") == [(MONEY, 50_000_000.0), (YEAR, 2026.0)]
    assert kinds(pl, "w 3 kwartale")[0][0] == QUARTER
    assert kinds(pl, "Podnieść ocenę aplikacji do 4,6") == [(NUMBER, 4.6)]


def changes(pl, text: str) -> list[tuple[float | None, float | None]]:
    return [(c.baseline, c.target) for c in pl.analyse(text).changes]


def test_baseline_to_target(pl):
    assert changes(pl, "Obniżyć wskaźnik rezygnacji z 9% do 6%") == [(9.0, 6.0)]
    assert changes(pl, "Skrócić czas oczekiwania z dwunastu do czterech minut") == [(12.0, 4.0)]
    assert changes(pl, "Zwiększyć udział sprzedaży online od 15 % do 25 %") == [(15.0, 25.0)]
    assert changes(pl, "Zwiększyć przychody z 800 tys. zł do 1,1 mln zł") == [(800_000.0, 1_100_000.0)]
    assert changes(pl, "Zwiększyć liczbę wizyt z 10 tysięcy do 20 tysięcy") == [(10_000.0, 20_000.0)]
    assert changes(pl, "Konwersja 1,8% → 2,5%") == [(1.8, 2.5)]
    assert changes(pl, "Zwiększyć NPS do 45 (obecnie 32)") == [(32.0, None)]
    # "z wersji próbnej do płatnej" names states, not quantities.
    assert changes(pl, "Podnieść konwersję z wersji próbnej do płatnej o pięć punktów") == []


def test_relative_target(pl):
    an = pl.analyse("Zwiększyć ruch z newslettera o 40%")
    assert an.relative == frozenset({0})


def test_concepts(pl):
    an = pl.analyse("Postarać się przejść na fakturowanie w KSeF")
    assert an.has("hedging") and an.match_at(an.head, "binary_verbs") is not None
    an = pl.analyse("Pracujemy nad stabilnością wydań")
    assert an.match_at(an.head, "weak_verbs").entry == "pracować nad"
    assert pl.analyse("Uwolnić synergię między działami").has("jargon")
    assert pl.analyse("Przeprowadzić próbę ewakuacji").has("hedging") is False
    assert pl.analyse("Zwiększyć konwersję do 4%").has("change_verbs")
    assert not pl.analyse("Osiągnąć 40% udziału").has("change_verbs")


def test_within_a_long_period_is_a_deadline(pl):
    assert kinds(pl, "W ciągu 2 tygodni uruchomić aplikację") == [(DATE, 2.0)]
    assert kinds(pl, "Odpowiadać na zgłoszenia w ciągu 4 godzin") == [(NUMBER, 4.0)]


def test_subject_noun_is_not_the_head(pl):
    assert head(pl, "Dział HR przeprowadzi 10 rozmów rozwojowych") == "przeprowadzi"
    assert head(pl, "Nowy system zostanie uruchomiony w Q2") == "uruchomiony"
    assert head(pl, "Zostanie zatrudnionych 5 nowych lekarzy") == "zatrudnionych"
    assert head(pl, "Zadowolenie klientów wzrośnie o 5 punktów") == "wzrośnie"
    assert head(pl, "Wdrożenie systemu CRM, który skróci obsługę") == "Wdrożenie"


@pytest.mark.parametrize("text", ["Uruchomić portal do połowy roku", "Uruchomić portal w II połowie 2026 r."])
def test_half_of_a_period_is_a_date(pl, text):
    assert not pl.analyse(text).has_quantity


def test_half_of_a_population_stays_a_quantity(pl):
    assert pl.analyse("Połowa pacjentów korzysta z e-rejestracji").has_quantity


def test_every_nth_is_a_share(pl):
    # "co trzeci klient": a share of a population is a quantity, like "jedna trzecia"
    assert kinds(pl, "Co trzeci klient wraca po zakupie")[0][0] == MULTIPLIER
    assert kinds(pl, "Co piątą reklamację zamykać w ciągu doby")[0][0] == MULTIPLIER


def test_submissions_and_enabling(pl):
    an = pl.analyse("Złożyć 4 wnioski o dofinansowanie")
    assert an.match_at(an.head, "activity_verbs") is not None
    an = pl.analyse("Włączyć logowanie dwuskładnikowe we wszystkich aplikacjach")
    assert an.match_at(an.head, "binary_verbs") is not None
    assert kinds(pl, "Uzyskać raport SOC 2 do końca roku")[0][0] == NAME


def test_retiring_is_a_yes_no_event(pl):
    for text in ("Wycofać starą aplikację mobilną", "Wygaszenie starego systemu kadrowego"):
        an = pl.analyse(text)
        assert an.match_at(an.head, "binary_verbs") is not None, text


def test_number_in_a_compound_adjective_is_a_name(pl):
    for text in (
        "Wprowadzić 3-poziomowy cennik",
        "Zwiększyć 30-dniową retencję użytkowników",
        "Zwiększyć liczbę opinii 5-gwiazdkowych",
    ):
        assert not pl.analyse(text).has_quantity, text
    assert kinds(pl, "Osiągnąć 4,5-gwiazdkową ocenę w Google") == [(NUMBER, 4.5)]
    assert kinds(pl, "20-procentowy wzrost przychodów")[0][0] == PERCENT


def test_typed_without_polish_letters(pl):
    # "Zwiekszyc liczbe klientow": the letters are put back where only the restored spelling is a word
    an = pl.analyse("Zwiekszyc liczbe klientow o 20% do konca roku")
    assert an.match_at(an.head, "change_verbs") is not None
    assert an.has("deadline_phrases")
    an = pl.analyse("Zorganizowac szkolenie dla wszystkich pracownikow")
    assert an.match_at(an.head, "activity_verbs") is not None
    assert pl.analyse("Postaramy sie pozyskac 20 sponsorow").has("hedging")
    # a word written with its letters is left alone, and so is "sie" among words that have them
    assert pl.analyse("Koszty spadną o 10%").tokens[0].lemma == "koszt"


def test_detects_polish_typed_without_its_letters():
    from okrlint.analysis import Analyzer

    assert Analyzer().detect("Sprobowac pozyskac 20 sponsorow") == "pl"


def test_genitive_action_noun_after_a_head_noun_is_its_topic(pl):
    from okrlint.analysis import reading

    assert reading.heading_action_noun(pl.analyse("Plan rekrutacji na III kwartał")) is None
    assert reading.heading_action_noun(pl.analyse("Wzrost sprzedaży w Niemczech")) is not None


def test_leading_condition_heads_nothing(pl):
    an = pl.analyse("Jeżeli pilotaż się powiedzie, wdrożyć system we wszystkich oddziałach")
    assert an.match_at(an.head, "binary_verbs") is not None


def test_promotion_names_an_action(pl):
    from okrlint.analysis import reading

    assert reading.names_action(pl.analyse("Awans klubu do Ekstraklasy"))


def test_carrying_out_sessions_is_an_activity(pl):
    an = pl.analyse("Zrealizować 4 warsztaty dla seniorów")
    assert an.match_at(an.head, "activity_verbs") is not None
    an = pl.analyse("Zrealizować sprzedaż na poziomie 3 mln zł")
    assert an.match_at(an.head, "outcome_verbs") is not None


def test_baseline_to_target_saves_an_outcome_from_a_counted_activity(pl):
    from okrlint.analysis import reading

    an = pl.analyse("Zwiększyć odsetek uczniów, którzy oceniają zajęcia na 4 punkty, z 55% do 70%")
    assert reading.task_style(an) is None
