"""Uzbek analyser: normalisation, suffix stripping (lemma / part of speech / verb form) and whole sentences."""

from __future__ import annotations

import pytest

from okrlint.analysis import Analyzer, reading
from okrlint.analysis.normalize import uz_cyrillic_to_latin
from okrlint.analysis.types import (
    CONV,
    DATE,
    FIN,
    IMP,
    INF,
    MONEY,
    MULTIPLIER,
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
def uz():
    return Analyzer().analyser("uz")


def word(uz, text: str):
    toks = [t for t in uz.analyse(text).tokens if t.is_word]
    assert len(toks) == 1, toks
    return toks[0]


# -- normalisation -------------------------------------------------------------


@pytest.mark.parametrize(
    "cyr, lat",
    [
        ("Ел", "Yel"),
        ("ел", "yel"),
        ("сентябрь", "sentyabr"),
        ("еттита", "yettita"),
        ("дилерни", "dilerni"),
        ("Ёш", "Yosh"),
        ("станция", "stansiya"),
        ("позиция", "pozitsiya"),
        ("цех", "sex"),
        ("концерт", "konsert"),
        ("Чорак", "Chorak"),
        ("ЧОРАК", "CHORAK"),
        ("ШАРТНОМА", "SHARTNOMA"),
        ("эълон", "e'lon"),
        ("маъно", "ma'no"),
        ("Ўзбекистон", "O'zbekiston"),
        ("ҚЎНҒИРОҚ", "QO'NG'IROQ"),
        ("Ҳар", "Har"),
    ],
)
def test_cyrillic_to_latin(cyr, lat):
    assert uz_cyrillic_to_latin(cyr) == lat


@pytest.mark.parametrize(
    "surface, norm",
    [
        ("Qoʻngʻiroq", "qo'ng'iroq"),
        ("qo`ng`iroq", "qo'ng'iroq"),
        ("qo’ng’iroq", "qo'ng'iroq"),
        ("Қўнғироқ", "qo'ng'iroq"),
        ("Töʻlov", "to'lov"),
        ("Şikoyat", "shikoyat"),
        ("çorak", "chorak"),
        ("ğoya", "g'oya"),
        ("OSHIRISH", "oshirish"),
    ],
)
def test_normalise_word(uz, surface, norm):
    assert uz.normalise_word(surface) == norm


# -- words: surface → (lemma, pos, form, features that must be present) ---------------------------
WORDS = [
    # verbal nouns with cases
    ("oshirish", "oshir", NOUN, VNOUN, {}),
    ("oshirishga", "oshir", NOUN, VNOUN, {"case": "dat"}),
    ("oshirishni", "oshir", NOUN, VNOUN, {"case": "acc"}),
    ("oshirishning", "oshir", NOUN, VNOUN, {"case": "gen"}),
    ("oshirishdan", "oshir", NOUN, VNOUN, {"case": "abl"}),
    ("oshirishda", "oshir", NOUN, VNOUN, {"case": "loc"}),
    ("yaxshilash", "yaxshila", NOUN, VNOUN, {}),
    ("yaxshilashga", "yaxshila", NOUN, VNOUN, {"case": "dat"}),
    ("ko'tarish", "ko'tar", NOUN, VNOUN, {}),
    ("Ўтказишга", "o'tkaz", NOUN, VNOUN, {"case": "dat"}),
    ("o'qish", "o'qi", NOUN, VNOUN, {}),
    ("raqamlashtirish", "raqamlashtir", NOUN, VNOUN, {}),  # unknown root, verbalising suffix
    ("oshirilishi", "oshir", NOUN, VNOUN, {"voice": "pass", "poss": "3"}),
    ("tushirilishi", "tushir", NOUN, VNOUN, {"voice": "pass"}),
    ("ketishini", "ket", NOUN, VNOUN, {"poss": "3", "case": "acc"}),
    ("qilmaslik", "qilma", NOUN, VNOUN, {"polarity": "neg"}),
    ("oshmasligi", "oshma", NOUN, VNOUN, {"polarity": "neg"}),
    # causatives are verbs of their own
    ("oshish", "osh", NOUN, VNOUN, {}),
    ("kamayish", "kamay", NOUN, VNOUN, {}),
    ("kamaytirish", "kamaytir", NOUN, VNOUN, {}),
    # infinitive and finite forms
    ("oshirmoq", "oshir", VERB, INF, {}),
    ("oshiramiz", "oshir", VERB, FIN, {"person": "1", "number": "pl"}),
    ("yaxshilaymiz", "yaxshila", VERB, FIN, {"person": "1", "number": "pl"}),
    ("intilamiz", "intil", VERB, FIN, {"person": "1", "number": "pl"}),
    ("oshirmoqdamiz", "oshir", VERB, FIN, {"person": "1", "number": "pl", "tense": "prog"}),
    ("oshirdik", "oshir", VERB, FIN, {"person": "1", "number": "pl", "tense": "past"}),
    ("qilyapmiz", "qil", VERB, FIN, {"person": "1", "tense": "prog"}),
    ("tushiramiz", "tushir", VERB, FIN, {"person": "1"}),
    ("saqlanadi", "saqla", VERB, FIN, {"voice": "pass", "person": "3"}),
    ("qilmaymiz", "qilma", VERB, FIN, {"polarity": "neg", "person": "1"}),
    # imperatives
    ("oshiring", "oshir", VERB, IMP, {"person": "2"}),
    ("oshiringiz", "oshir", VERB, IMP, {"person": "2"}),
    ("joylang", "joyla", VERB, IMP, {"person": "2"}),
    ("qisqartiring", "qisqartir", VERB, IMP, {}),
    ("oshir", "oshir", VERB, IMP, {"number": "sg"}),
    ("oshiraylik", "oshir", VERB, IMP, {"person": "1"}),
    # converbs
    ("oshirib", "oshir", VERB, CONV, {}),
    ("yaxshilab", "yaxshila", VERB, CONV, {}),
    ("qatnashib", "qatnash", VERB, CONV, {}),
    ("ishlamay", "ishlama", VERB, CONV, {"polarity": "neg"}),
    # participles
    ("oshirgan", "oshir", VERB, PART_FORM, {}),
    ("yozilgan", "yoz", VERB, PART_FORM, {"voice": "pass"}),
    ("ochadigan", "och", VERB, PART_FORM, {}),
    ("maqtaydigan", "maqta", VERB, PART_FORM, {}),
    ("o'qiyotgan", "o'qi", VERB, PART_FORM, {}),
    ("chiqqan", "chiq", VERB, PART_FORM, {}),
    # nouns: plural, possessive, case; agent nouns are not verb forms
    ("mijozlarni", "mijoz", NOUN, "", {"number": "pl", "case": "acc"}),
    ("xarajatlarini", "xarajat", NOUN, "", {"number": "pl", "poss": "3", "case": "acc"}),
    ("savdosini", "savdo", NOUN, "", {"poss": "3", "case": "acc"}),
    ("foydasini", "foyda", NOUN, "", {"poss": "3"}),
    ("ilovadagi", "ilova", NOUN, "", {"case": "loc"}),
    ("mahsulotimizni", "mahsulot", NOUN, "", {"poss": "1pl"}),
    ("bozoriga", "bozor", NOUN, "", {"case": "dat"}),
    ("so'mga", "so'm", NOUN, "", {"case": "dat"}),
    ("foizdan", "foiz", NOUN, "", {"case": "abl"}),
    ("ishlovchilar", "ishlovchi", NOUN, "", {}),
    ("foydalanuvchilarning", "foydalanuvchi", NOUN, "", {"number": "pl", "case": "gen"}),
    ("sotuvchi", "sotuvchi", NOUN, "", {}),
    ("sifatli", "sifatli", NOUN, "", {}),
    ("tarmoqlar", "tarmoq", NOUN, "", {"number": "pl"}),
    ("qulayroq", "qulay", None, "", {"degree": "cmp"}),
    ("iyungacha", "iyun", NOUN, "", {"case": "term"}),
    # numbers
    ("uchta", "uch", None, "", {"counter": "ta"}),
    ("еттита", "yetti", None, "", {"counter": "ta"}),
    ("beshtadan", "besh", None, "", {"counter": "tadan"}),
]


@pytest.mark.parametrize("surface, lemma, pos, form, feats", WORDS, ids=[w[0] for w in WORDS])
def test_word(uz, surface, lemma, pos, form, feats):
    tok = word(uz, surface)
    assert tok.lemma == lemma, (tok.lemma, tok.lemmas)
    if pos is not None:
        assert tok.pos == pos
    assert tok.form == form
    for k, v in feats.items():
        assert tok.feats.get(k) == v, tok.feats


def test_entry_forms_meet(uz):
    """Lexicon entries in -ish or -moq form lemmatise to the same stem as the text forms."""
    for entry in ("oshirish", "oshirmoq", "oshiramiz", "oshirilishi"):
        assert word(uz, entry).lemma == "oshir"


# -- sentences -----------------------------------------------------------------


def head(uz, text):
    an = uz.analyse(text)
    return an, (an.head_token.text if an.head_token else None)


def concepts_at_head(an):
    return an.concepts_at(an.head)


def test_hedged_head(uz):
    an, h = head(uz, "Bemorlar qoniqishini oshirishga harakat qilamiz")
    assert h == "oshirishga"
    assert an.has("hedging")
    assert "change_verbs" in concepts_at_head(an)


def test_aim_hedge(uz):
    an, h = head(uz, "Eksportni 2 baravar oshirishni maqsad qilganmiz")
    assert an.has("hedging") and h == "oshirishni"


def test_attempt_with_ko_rmoq(uz):
    an, h = head(uz, "Ariza ko'rib chiqish muddatini qisqartirib ko'ramiz")
    assert an.has("hedging")
    assert h == "qisqartirib"


def test_light_verb_hides_weak(uz):
    an, _ = head(uz, "Mijozlarga 200 ta qo'ng'iroq qilish")
    assert "activity_verbs" in concepts_at_head(an)
    assert not an.has("weak_verbs")
    an, _ = head(uz, "Hisobotlarni tushunarliroq qilish")
    assert "weak_verbs" in concepts_at_head(an)


def test_converb_is_not_head(uz):
    an, h = head(uz, "Jarayonni avtomatlashtirib, xatolarni 30 tadan 5 taga kamaytirish")
    assert h == "kamaytirish"
    assert len(an.changes) == 1


def test_auxiliary_hands_head_to_converb(uz):
    an, h = head(uz, "Yangi xodimlar uchun qo'llanma tayyorlab berish")
    assert h == "tayyorlab"
    assert "activity_verbs" in concepts_at_head(an)


def test_binary_multiword(uz):
    an, h = head(uz, "Elektron navbat tizimini ishga tushirish")
    assert "binary_verbs" in concepts_at_head(an) and not an.has_quantity


@pytest.mark.parametrize(
    "text, baseline, target",
    [
        ("Konversiyani 2% dan 3,5% ga oshirish", 2.0, 3.5),
        ("Xatolarni 12 tadan 4 taga kamaytirish", 12.0, 4.0),
        ("Tashriflarni 5 000 dan 15 000 vizitga yetkazish", 5000.0, 15000.0),
        ("Qarzni 1,2 mlrd so'mdan 600 mln so'mga kamaytirish", 1.2, 600.0),
        ("Qoniqishni 70 foizdan 85 foizga ko'tarish", 70.0, 85.0),
        ("Kutish vaqtini 45 daqiqadan 20 daqiqagacha qisqartirish", 45.0, 20.0),
        ("Xarajatlar: 40 mln → 25 mln so'm", 40.0, 25.0),
    ],
)
def test_baseline_to_target(uz, text, baseline, target):
    an = uz.analyse(text)
    assert [(c.baseline, c.target) for c in an.changes] == [(baseline, target)]


def test_current_value(uz):
    an = uz.analyse("Haftalik uchrashuvlarni 20 taga oshirish (hozir 12 ta)")
    assert any(c.baseline == 12.0 for c in an.changes)


def test_no_baseline_without_from(uz):
    an = uz.analyse("Reklama xarajatlarini 20% ga qisqartirish")
    assert not an.changes and an.has_quantity and an.has("change_verbs")


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("Besh ta yangi hamkor jalb qilish", [NUMBER]),
        ("Uchta filial ochish", [NUMBER]),
        ("Savdoni ikki baravar oshirish", [MULTIPLIER]),
        ("Xarajatlarni 15 foizga kamaytirish", [PERCENT]),
        ("Daromadni 5 mlrd so'mga yetkazish", [MONEY]),
        ("Bir nafar psixolog ishga olish", [NUMBER]),
        ("Bir oy ichida yangi sayt yaratish", []),  # "bir" before a period is the article
        ("Yangi bir tizim joriy etish", []),
        ("2026-yilda brend tanilishini oshirish", [YEAR]),
        ("30-iyungacha portalni ishga tushirish", [DATE]),
        ("3-chorakda yangi bozorga chiqish", [QUARTER]),
        ("Qidiruvda top-3 ga kirish", [RANK]),
        ("Reytingda birinchi o'rinni egallash", [RANK]),
        ("Viloyatda kuchli uchlikka kirish", [RANK]),
        ("ISO 9001 sertifikatini olish", []),
    ],
)
def test_quantities(uz, text, kinds):
    an = uz.analyse(text)
    assert [q.kind for q in an.quantities if q.kind != "name"] == kinds


def test_objective_without_verb(uz):
    an = uz.analyse("Korporativ madaniyat va jamoa ruhi")
    assert not an.has_verb_form
    an = uz.analyse("Ijtimoiy tarmoqlarda faol brend")
    assert not an.has_verb_form
    an = uz.analyse("Shifokorlar ishonadigan klinikaga aylanish")
    assert an.has_verb_form


def test_negated_limit_is_not_change(uz):
    an = uz.analyse("Javob vaqti 2 soatdan oshmasligi")
    assert not an.has("change_verbs")


def test_cyrillic_sentence(uz):
    an, h = head(uz, "Омбордаги ортиқча захираларни 10% га камайтириш")
    assert h == "камайтириш" and "change_verbs" in concepts_at_head(an)
    assert [q.kind for q in an.quantities] == [PERCENT]


# -- web spellings and compounds ---------------------------------------------------


@pytest.mark.parametrize(
    "surface, lemma, form",
    [
        ("kopaytirish", "ko'paytir", VNOUN),  # the apostrophe of o' dropped
        ("otkazildi", "o'tkaz", FIN),
        ("toplaymiz", "to'pla", FIN),  # "top" (find) is a root too, but "topla" is not
        ("qongiroq", "qo'ng'iroq", ""),
        ("sotish", "sot", VNOUN),  # a known root needs no restoring
        ("qaratamiz", "qarat", FIN),
    ],
)
def test_dropped_apostrophe(uz, surface, lemma, form):
    tok = word(uz, surface)
    assert tok.lemma == lemma and tok.form == form


def test_verbal_noun_modifier_is_no_verb(uz):
    an = uz.analyse("Yetkazib berish tezligi va ishonchliligi")
    assert not an.has_verb_form and an.head is None
    an = uz.analyse("Xizmat ko'rsatish sifatini yaxshilash")
    assert an.tokens[an.head].norm == "yaxshilash"


def test_zero_and_half_are_quantities(uz):
    assert [q.value for q in uz.analyse("Jarohatlar sonini nolga tushirish").quantities] == [0]
    assert [q.kind for q in uz.analyse("Xarajatlarni yarmiga qisqartirish").quantities] == [MULTIPLIER]
    assert all(q.kind == "name" for q in uz.analyse("24/7 qo'llab-quvvatlash xizmati").quantities)


def test_a_bracketed_note_is_never_the_head(uz):
    an = uz.analyse("Ko'ngillilar sonini oshirish (holat: rejalashtirilgan)")
    assert an.tokens[an.head].text == "oshirish"


def test_migrating_a_share_without_downtime_is_no_task(uz):
    an = uz.analyse("Mijozlarning 60% ini yangi ilovaga uzilishlarsiz o'tkazish")
    assert "binary_verbs" in concepts_at_head(an) and reading.task_style(an) is None


def test_privative_word_is_marked(uz):
    assert word(uz, "kamchiliklarsiz").feats.get("priv") == "yes"
    assert "priv" not in word(uz, "siz").feats


def test_connecting_customers_is_an_outcome(uz):
    an = uz.analyse("5 000 ta abonentni yangi tarmoqqa ulash")
    assert reading.task_style(an) is None
    assert reading.binary_event(uz.analyse("Kassalarni bulutli tizimga ulash")) is not None


def test_reading_books_is_an_activity(uz):
    assert reading.task_style(uz.analyse("Har oy 3 ta kitob o'qish")) is not None


@pytest.mark.parametrize(
    "text", ["Kutish vaqtini ikki soatdan bir soatga qisqartirish", "Xatolarni 4 tadan bir taga kamaytirish"]
)
def test_bir_after_a_from_value_is_one(uz, text):
    assert uz.analyse(text).has_change


def test_bir_before_a_plain_dative_stays_an_article(uz):
    assert not uz.analyse("Tumandan bir maktabga yordam berish").has_quantity


def test_every_second_is_a_share(uz):
    assert uz.analyse("Har ikkinchi mijozni ilovaga jalb qilish").has_quantity
    assert not uz.analyse("Har bir filialda trening o'tkazish").has_quantity


def test_a_deliverable_participle_counts_what_follows(uz):
    """ "Ochilgan filiallar: 1 → 4": the participle stands for the head verb, and its count follows it."""
    an = uz.analyse("Ochilgan filiallar: 1 → 4")
    assert reading.task_style(an) is not None


def test_a_quarter_part_is_a_quantity(uz):
    an = uz.analyse("Kechikishlarni chorak qismga qisqartirish")
    assert an.has_quantity
    assert not uz.analyse("Chorak oxirigacha CRM ni ishga tushirish").has_quantity


def test_getting_funding_is_an_outcome_with_its_amount(uz):
    an = uz.analyse("50 million so'mlik moliyalashtirish olish uchun 3 ta loyiha taqdim etish")
    assert reading.outcome_with_quantity(an) is not None and reading.task_style(an) is None


@pytest.mark.parametrize(
    "text", ["Hisobotni 1-sentabrgacha topshirish", "Omborni 20-oktabrgacha ta'mirlashni yakunlash"]
)
def test_official_month_spellings_are_dates(uz, text):
    assert not uz.analyse(text).has_quantity


@pytest.mark.parametrize(
    "text",
    [
        "Ota-onalar bilan 6 ta yig'ilish o'tkazib, darsga kechikishlarni kamaytirish",
        "12 ta trening o'tkazish orqali xatolarni kamaytirish",
    ],
)
def test_counted_activity_as_means_of_a_bare_outcome_is_task_style(uz, text):
    """The number counts what the team does; the reduction has no size of its own."""
    an = uz.analyse(text)
    assert reading.task_style(an) is not None
    assert reading.change_without_baseline(an) is None


def test_counted_activity_with_a_sized_outcome_is_not_task_style(uz):
    an = uz.analyse("6 ta yig'ilish o'tkazib, kechikishlarni 30% ga kamaytirish")
    assert reading.task_style(an) is None


def test_verbal_noun_before_a_postposition_of_means_stays_an_action(uz):
    an = uz.analyse("Seminar o'tkazish orqali mijozlarni jalb qilish")
    assert any(t.norm == "o'tkazish" and t.form == VNOUN for t in an.tokens)


@pytest.mark.parametrize("text", ["Ko'rgazmada 80 ta buyurtma yig'ish", "Murojaat uchun 2 000 ta imzo yig'ish"])
def test_collecting_orders_or_signatures_is_an_outcome(uz, text):
    an = uz.analyse(text)
    assert reading.task_style(an) is None and reading.outcome_with_quantity(an) is not None
