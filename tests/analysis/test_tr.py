"""Turkish analyser: suffix analysis over verb roots, noun stripping, and whole sentences."""

from __future__ import annotations

import pytest

from okrlint.analysis import Analyzer
from okrlint.analysis.tr import match_ending, noun_parses, realise
from okrlint.analysis.types import (
    ADJ,
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
def tr():
    return Analyzer().analyser("tr")


def word(tr, text: str):
    toks = [t for t in tr.analyse(text).tokens if t.is_word]
    assert len(toks) == 1, toks
    return toks[0]


# surface → (lemma, pos, form, features that must be present); pos None = not checked
WORDS = [
    # infinitives and their cases
    ("artırmak", "artırmak", VERB, INF, {}),
    ("Arttırmak", "arttırmak", VERB, INF, {}),
    ("İyileştirmek", "iyileştirmek", VERB, INF, {}),
    ("artırmaya", "artırmak", NOUN, VNOUN, {"case": "dat"}),
    ("göndermeyi", "göndermek", NOUN, VNOUN, {"case": "acc"}),
    ("olmaya", "olmak", NOUN, VNOUN, {"case": "dat"}),
    # finite forms: future 1pl, progressive, past, optative, necessitative, ability
    ("artıracağız", "artırmak", VERB, FIN, {"tense": "fut", "person": "1", "number": "pl"}),
    ("deneyeceğiz", "denemek", VERB, FIN, {"tense": "fut"}),
    ("edeceğiz", "etmek", VERB, FIN, {"tense": "fut"}),
    ("gideceğiz", "gitmek", VERB, FIN, {"tense": "fut"}),
    ("hedefliyoruz", "hedeflemek", VERB, FIN, {"tense": "pres", "person": "1", "number": "pl"}),
    ("başlıyor", "başlamak", VERB, FIN, {"tense": "pres"}),
    ("topluyoruz", "toplamak", VERB, FIN, {"tense": "pres"}),
    ("düşürüyoruz", "düşürmek", VERB, FIN, {"tense": "pres"}),
    ("başlattık", "başlatmak", VERB, FIN, {"tense": "past", "person": "1"}),
    ("ulaşalım", "ulaşmak", VERB, FIN, {"mood": "opt"}),
    ("azaltmalıyız", "azaltmak", VERB, FIN, {"mood": "nec"}),
    ("artırabiliriz", "artırmak", VERB, FIN, {"mood": "abil"}),
    ("uğraşacağız", "uğraşmak", VERB, FIN, {}),
    # imperatives: bare stem and -(y)In(Iz)
    ("gönder", "göndermek", VERB, IMP, {"number": "sg"}),
    ("iyileştir", "iyileştirmek", VERB, IMP, {"number": "sg"}),
    ("başlatın", "başlatmak", VERB, IMP, {"number": "pl"}),
    ("yazın", "yazmak", VERB, IMP, {"number": "pl"}),
    ("artırın", "artırmak", VERB, IMP, {"number": "pl"}),
    ("paylaşın", "paylaşmak", VERB, IMP, {"number": "pl"}),
    ("düzenleyiniz", "düzenlemek", VERB, IMP, {"number": "pl"}),
    ("edin", "etmek", VERB, IMP, {"number": "pl"}),
    # verbal nouns, passives mapped to the active root
    ("iyileştirilmesi", "iyileştirmek", NOUN, VNOUN, {"poss": "3", "voice": "pass"}),
    ("düşürülmesi", "düşürmek", NOUN, VNOUN, {"voice": "pass"}),
    ("artırılması", "artırmak", NOUN, VNOUN, {"voice": "pass"}),
    ("hazırlanması", "hazırlamak", NOUN, VNOUN, {"voice": "pass"}),
    ("edilmesi", "etmek", NOUN, VNOUN, {"voice": "pass"}),
    ("alınması", "almak", NOUN, VNOUN, {"voice": "pass"}),
    ("tamamlanmasını", "tamamlamak", NOUN, VNOUN, {"case": "acc"}),
    ("alma", "almak", NOUN, VNOUN, {}),
    ("geçiş", "geçmek", NOUN, VNOUN, {}),
    ("geçişin", "geçmek", NOUN, VNOUN, {"case": "gen"}),
    ("açılma", "açmak", NOUN, VNOUN, {"voice": "pass"}),
    ("büyümesi", "büyümek", NOUN, VNOUN, {"poss": "3"}),
    # participles and converbs
    ("çalışan", "çalışmak", ADJ, PART_FORM, {}),
    ("tamamlayan", "tamamlamak", ADJ, PART_FORM, {}),
    ("yayınlanan", "yayınlamak", ADJ, PART_FORM, {"voice": "pass"}),
    ("kullandığı", "kullanmak", ADJ, PART_FORM, {"poss": "3"}),
    ("düzenleyerek", "düzenlemek", VERB, CONV, {}),
    ("ederek", "etmek", VERB, CONV, {}),
    # unknown verbs built on a verb-forming suffix, or with a verb-only ending
    ("önceliklendirmek", "önceliklendirmek", VERB, INF, {}),
    ("dijitalleştirilmesi", "dijitalleştirmek", NOUN, VNOUN, {"voice": "pass"}),
    ("fonlayacağız", "fonlamak", VERB, FIN, {}),
    ("kaldıraçlamak", "kaldıraçlamak", VERB, INF, {}),
    # nouns: plural, possessive and case stripped where safe, consonant alternation undone
    ("trafiğini", "trafik", NOUN, "", {"case": "acc", "poss": "3"}),
    ("satışlarda", "satış", NOUN, "", {"case": "loc", "number": "pl"}),
    ("sinerjiyi", "sinerji", NOUN, "", {"case": "acc"}),
    ("kalitesini", "kalite", NOUN, "", {"poss": "3"}),
    ("müşterilerimizin", "müşteri", NOUN, "", {"case": "gen", "poss": "1"}),
    ("sürümünden", "sürüm", NOUN, "", {"case": "abl"}),
    ("seviyesine", "seviye", NOUN, "", {"case": "dat"}),
    ("plandaki", "plan", NOUN, "", {"case": "loc"}),
    ("sinerji", "sinerji", NOUN, "", {}),
    ("kalite", "kalite", NOUN, "", {}),
    ("yazılım", "yazılım", NOUN, "", {}),
    ("satış", "satış", NOUN, "", {}),
    # names with a suffix after an apostrophe; acronyms keep the Latin i
    ("TL'den", "tl", NOUN, "", {"case": "abl"}),
    ("Google'da", "google", NOUN, "", {"case": "loc"}),
    ("KOBİ'lerin", "kobi", NOUN, "", {"case": "gen"}),
    ("ISO", "iso", None, "", {}),
    ("İK", "ik", None, "", {}),
    # number words
    ("ikiye", "iki", None, "", {"case": "dat"}),
    ("dörde", "dört", None, "", {"case": "dat"}),
    ("yirmi", "yirmi", None, "", {}),
    ("yüzde", "yüzde", None, "", {}),
    # circumflex folded
    ("zekâ", "zeka", None, "", {}),
]


@pytest.mark.parametrize("surface,lemma,pos,form,feats", WORDS, ids=[w[0] for w in WORDS])
def test_word(tr, surface, lemma, pos, form, feats):
    tok = word(tr, surface)
    assert tok.lemma == lemma, tok
    if pos is not None:
        assert tok.pos == pos
    assert tok.form == form
    for key, value in feats.items():
        assert tok.feats.get(key) == value, (key, tok.feats)


@pytest.mark.parametrize(
    "surface,lemma",
    [
        ("oranı", "oran"),
        ("değişiminin", "değişim"),
        ("ekiplerin", "ekip"),
        ("hedefimiz", "hedef"),
        ("toplantısı", "toplantı"),
    ],
)
def test_candidate_lemmas(tr, surface, lemma):
    """Ambiguous strips keep both readings, so a dictionary-form lexicon entry still meets the word."""
    assert lemma in word(tr, surface).lemmas


@pytest.mark.parametrize(
    "stem,template,surface",
    [
        ("artır", "(y)AcAğIz", "artıracağız"),
        ("başla", "(I)yor", "başlıyor"),
        ("topla", "(I)yor", "topluyor"),
        ("gel", "(I)yor", "geliyor"),
        ("yap", "DI", "yaptı"),
        ("gönder", "DI", "gönderdi"),
        ("dene", "(y)In", "deneyin"),
        ("düşür", "Il", "düşürül"),
        ("ödeme", "(s)I", "ödemesi"),
        ("kitap", "(s)I", "kitabı"[:0] + "kitapı"),
    ],
)
def test_realise(stem, template, surface):
    assert realise(stem, template) == surface


@pytest.mark.parametrize(
    "stem,rest,form",
    [
        ("artır", "ılması", VNOUN),
        ("artır", "ın", IMP),
        ("artır", "maya", VNOUN),
        ("artır", "acağız", FIN),
        ("başl", "ıyor", FIN),
        ("düşür", "ülmesi", VNOUN),
        ("düşür", "müyor", FIN),
        ("ulaş", "abiliriz", FIN),
    ],
)
def test_match_ending(stem, rest, form):
    hit = match_ending(stem, rest, only_progressive=(stem == "başl"))
    assert hit is not None and hit[0] == form


@pytest.mark.parametrize("stem,rest", [("artır", "ilmesi"), ("artır", "meye"), ("başla", "ıyor"), ("gönder", "tı")])
def test_match_ending_respects_harmony(stem, rest):
    assert match_ending(stem, rest) is None


def test_noun_parses_are_complete_readings(tr):
    """ "altına" is alt+ı+na (or altın+a): its best lemma is never the number "altı"."""
    stems = {p[0] for p in noun_parses("altına")}
    assert "alt" in stems and "altın" in stems
    assert word(tr, "altına").lemma == "alt"
    assert not tr.analyse("Kargo hasar oranını %1'in altına düşürmek").quantities[1:]


def test_words_in_context(tr):
    an = tr.analyse("Deneme sürümünden ücretli plana geçişi artırmak")
    deneme = an.tokens[0]
    assert deneme.form == "" and "denemek" not in deneme.lemmas  # a compound, not "to try"
    assert not an.has("hedging")
    an = tr.analyse("Yazın 3 festival düzenlemek")
    assert an.tokens[0].form == ""  # "in summer", not the imperative "write"
    an = tr.analyse("Çalışan bağlılığının artırılması")
    assert an.tokens[0].form == "" and an.head_token.text == "artırılması"


def head_text(an):
    return an.head_token.text if an.head_token is not None else None


@pytest.mark.parametrize(
    "text,head",
    [
        ("Bekleme süresini 40 dakikadan 15 dakikaya indirmek", "indirmek"),
        ("Randevu iptallerini azaltmaya çalışacağız", "azaltmaya"),
        ("Kızamık aşı oranını artırmayı hedefliyoruz", "artırmayı"),
        ("Bağışçılara 4 bülten göndermeyi deneyeceğiz", "göndermeyi"),
        ("Yeni İK portalını devreye almaya çalışacağız", "devreye"),
        ("Gönüllü sayısını artırmak için uğraşacağız", "artırmak"),
        ("Rotaları optimize ederek yakıt giderini %10 düşürmek", "düşürmek"),
        ("Köylerde 6 tarla günü düzenleyerek 400 çiftçiye ulaşmak", "ulaşmak"),
        ("Bilgi bankasının oluşturulması", "oluşturulması"),
        ("Gönderilen bültenler: 0 → 6", "Gönderilen"),
        ("Mahallelerde 20 halk buluşması yapmak", "yapmak"),
        ("Yeni ödeme akışı üzerinde çalışmak", "üzerinde"),
    ],
)
def test_head(tr, text, head):
    assert head_text(tr.analyse(text)) == head


def test_hedge_chain(tr):
    an = tr.analyse("Okuma oranını artırmaya çalışmak")
    assert [an.tokens[i].text for i in an.predicate] == ["çalışmak", "artırmaya"]
    assert an.has("hedging") and an.match_at(an.head, "change_verbs") is not None


def test_light_verb_carries_the_noun(tr):
    an = tr.analyse("Mahallelerde 20 halk buluşması yapmak")
    assert an.match_at(an.head, "activity_verbs") is not None
    assert an.match_at(an.head, "weak_verbs") is None
    an = tr.analyse("Ödeme sayfasını mobilde daha kullanışlı yapmak")
    assert an.match_at(an.head, "weak_verbs") is not None


@pytest.mark.parametrize(
    "text,concept",
    [
        ("Her ay 10 kurumsal müşteriyle toplantı yapmak", "activity_verbs"),
        ("Sayfa yüklenme süresini optimize etmek", "weak_verbs"),
        ("Müşteri sadakat programını hayata geçireceğiz", "binary_verbs"),
        ("Canlı destek sohbetini devreye alma", "binary_verbs"),
        ("Çeyrek sonuna kadar 5 mühendis işe almak", "activity_verbs"),
        ("Rakiplerin fiyatlarını analiz etmek", "activity_verbs"),
    ],
)
def test_multiword_head(tr, text, concept):
    an = tr.analyse(text)
    assert an.match_at(an.head, concept) is not None, an.matches


def kinds(an):
    return [(q.kind, q.value) for q in an.quantities]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Sağlık sektöründen beş yeni müşteri kazanmak", [(NUMBER, 5)]),
        ("Devamsızlığı yüzde yirmi azaltmak", [(PERCENT, 20)]),
        ("Web trafiğini %40 artırmak", [(PERCENT, 40)]),
        ("Reklam harcamalarını 200 bin TL azaltmak", [(MONEY, 200_000)]),
        ("Enerji giderini 1,5 milyon ₺ azaltmak", [(MONEY, 1_500_000)]),
        ("Bayi siparişlerini ikiye katlamak", [(NUMBER, 2), (MULTIPLIER, None)]),
        ("Sepet tutarını 2 katına çıkarmak", [(MULTIPLIER, 2)]),
        ("Satışları iki katına çıkarmak", [(MULTIPLIER, 2)]),
        ("Google aramalarında ilk 3'e girmek", [(RANK, 3)]),
        ("Türkiye'nin 1 numaralı kooperatifi olmak", [(RANK, 1)]),
        ("Sektörde ilk beşe girmek", [(RANK, 5)]),
        ("Denetimi 30 Haziran'a kadar tamamlamak", [(DATE, 30)]),
        ("2026'da bölgenin lideri olmak", [(YEAR, 2026)]),
        ("2026 pazarlama stratejisi", [(YEAR, 2026)]),
        ("3. çeyrekte bir marka olmak", [(QUARTER, 3)]),
        ("ISO 27001 sertifikasını almak", [(NAME, 27001)]),
        ("Kümeleri 1.29 sürümüne yükseltmek", [(NAME, 1.29)]),
        ("Destek ekibi için bir bilgi bankası oluşturmak", []),
        ("Tüm şubelerde yeni POS sistemine geçmek", []),
        ("B2B portalını açmak", []),
    ],
)
def test_quantities(tr, text, expected):
    got = kinds(tr.analyse(text))
    assert [k for k, _ in got] == [k for k, _ in expected], got
    for (_, v), (_, want) in zip(got, expected):
        if want is not None:
            assert v == pytest.approx(want)


@pytest.mark.parametrize(
    "text,baseline,target",
    [
        ("MQL'leri 20'den 30'a çıkarın", 20, 30),
        ("Sepet terk oranını %70'ten %55'e düşürmek", 70, 55),
        ("Oranı %15'ten %5'e indirmek", 15, 5),
        ("Bekleme süresini 40 dakikadan 15 dakikaya indirmek", 40, 15),
        ("LCP süresini 3.5s'den 2.5s'ye iyileştirmek", 3.5, 2.5),
        ("Yanıt süresini 800 ms'den 300 ms'ye indirmek", 800, 300),
        ("Abonelik yenileme oranını yüzde 80'den yüzde 90'a çıkarmak", 80, 90),
        ("Maliyetleri 1,2 milyon TL'den 900 bin TL'ye düşürmek", 1_200_000, 900_000),
        ("Aktif kullanıcıları 9.000 seviyesinden 14.000 seviyesine taşımak", 9000, 14000),
        ("Veli sayısını 40'tan 60'a çıkarmak", 40, 60),
        ("Haftalık aktif ekip sayısı: 1.800 → 2.600", 1800, 2600),
        ("Aylık demo sayısını 60'a çıkarmak (şu an 35)", 35, None),
    ],
)
def test_baseline_target(tr, text, baseline, target):
    changes = tr.analyse(text).changes
    assert changes, text
    assert changes[0].baseline == pytest.approx(baseline)
    if target is not None:
        assert changes[0].target == pytest.approx(target)


@pytest.mark.parametrize(
    "text",
    [
        "Web trafiğini %40 artırmak",
        "Aylık geliri 1,5 milyon TL'ye çıkarmak",
        "Sayfa yüklenme süresini %30 oranında optimize etmek",
    ],
)
def test_no_baseline(tr, text):
    assert not tr.analyse(text).changes


def test_article_is_not_a_quantity(tr):
    assert not tr.analyse("Yeni bir web sitesi başlatın").has_quantity


def test_verbal_noun_counts_as_a_verb_form(tr):
    assert tr.analyse("Orta Asya pazarlarına açılma").has_verb_form
    assert not tr.analyse("2026 marka ve içerik stratejisi").has_verb_form
    assert not tr.analyse("Kurumsal müşteri portföyü").has_verb_form


@pytest.mark.parametrize(
    "text,marked",
    [
        ("Müşteri puanını 70'e iyileştirmek", {0}),
        ("Verimi 2,4 tona çıkarmak", {0}),
        ("Destek sürecini 5 kişiyle iyileştirmek", set()),  # an instrumental, not a dative
        ("Sayfa yüklenme süresini %30 oranında optimize etmek", set()),  # a locative
    ],
)
def test_to_target_needs_the_dative(tr, text, marked):
    assert set(tr.analyse(text).to_marked) == marked


def test_zero_and_half(tr):
    assert kinds(tr.analyse("Kritik hata sayısını sıfıra indirmek")) == [(NUMBER, 0)]
    assert not tr.analyse("Sıfır atık belediyesi olmak").quantities
    assert kinds(tr.analyse("Bekleme süresini yarıya indirmek")) == [(MULTIPLIER, 0.5)]


# -- light verbs with a possessed object, compound nouns, per mille ----------------


@pytest.mark.parametrize(
    "text, concept",
    [
        ("Diyabet hastalarının düzenli takibini yapmak", "activity_verbs"),
        ("Yeni ürün özelliğinin lansmanını Q3'te yapmak", "binary_verbs"),
        ("Depoda stok sayımı yapmak", "activity_verbs"),
    ],
)
def test_light_verb_takes_object_meaning(tr, text, concept):
    an = tr.analyse(text)
    assert an.match_at(an.head, concept) is not None
    assert not an.concept("weak_verbs")


def test_compound_noun_is_no_verb(tr):
    assert not tr.analyse("Şehir içi toplu taşıma").has_verb_form


def test_per_mille_and_interval(tr):
    assert tr.analyse("Hataları binde 5'ten binde 1'e indirmek").changes
    assert tr.analyse("Sefer aralığını 5 dakikadan 3 dakikaya düşürmek").changes


# Turkish typed without its letters: the word is read as the known root or word it spells.
@pytest.mark.parametrize(
    "typed, lemma, form",
    [
        ("artirmak", "artırmak", INF),
        ("dusurmek", "düşürmek", INF),
        ("calisacagiz", "çalışmak", FIN),
        ("yayinlanmasi", "yayınlamak", VNOUN),
        ("gelistirmeyi", "geliştirmek", VNOUN),
        ("egitim", "eğitim", ""),
        ("uygulamayi", "uygulama", ""),
    ],
)
def test_word_typed_without_turkish_letters(tr, typed, lemma, form):
    tok = word(tr, typed)
    assert tok.lemma == lemma
    assert tok.form == form


@pytest.mark.parametrize("typed", ["kalite", "hasta", "acil", "yasal", "azaltmak", "onboarding"])
def test_plain_ascii_words_stay(tr, typed):
    assert word(tr, typed).norm == typed
    assert word(tr, typed).lemma == tr._analyse_spelled(typed).lemmas[0]


def test_typed_without_letters_in_a_sentence(tr):
    an = tr.analyse("Musteri sikayetlerini %20 azaltmaya calisacagiz")
    assert an.concept("hedging") and an.concept("change_verbs")


@pytest.mark.parametrize("text", ["Satışları yıllık bazda %25 artırmak", "Geliri yıl bazında %10 artırmak"])
def test_basis_in_the_locative_is_no_current_value(tr, text):
    assert not tr.analyse(text).changes


def test_current_value_label_baz(tr):
    assert tr.analyse("Kayıtları 800'e çıkarmak (baz: 650)").changes


def test_aorist_of_a_joined_light_verb(tr):
    an = tr.analyse("Her hasta kendini güvende hisseder")
    assert an.head is not None and an.tokens[an.head].lemma == "hissetmek"


def test_currency_sign_carries_the_case_after_its_apostrophe(tr):
    an = tr.analyse("ARR'yi 4,2 milyon $'dan 6 milyon $'a çıkarmak")
    assert [(c.baseline, c.target) for c in an.changes] == [(4_200_000, 6_000_000)]


def test_a_bracketed_note_is_never_the_head(tr):
    an = tr.analyse("Bağışçı memnuniyetini artırmak (durum: planlandığı gibi)")
    assert an.tokens[an.head].lemma == "artırmak"


def test_applying_is_an_activity(tr):
    an = tr.analyse("3 ulusal fona başvurmak")
    assert an.match_at(an.head, "activity_verbs") is not None


@pytest.mark.parametrize(
    ("text", "baseline", "target"),
    [
        ("Üye sayısını üç yüzden beş yüze çıkarmak", 300, 500),
        ("Ziyaretçi sayısını iki bin beş yüzden dört bine çıkarmak", 2500, 4000),
        ("Hata oranını yüzde 8'den yüzde 3'e indirmek", 8, 3),
    ],
)
def test_inflected_hundred_and_thousand_after_a_number(tr, text, baseline, target):
    changes = tr.analyse(text).changes
    assert [(c.baseline, c.target) for c in changes] == [(baseline, target)]


def test_heading_number_and_app_release(tr):
    assert not tr.analyse("Hedef 2: Bölgenin en sevilen oteli olmak").has_quantity
    an = tr.analyse("Mobil uygulamanın yeni sürümünü yayınlamak")
    assert an.match_at(an.head, "binary_verbs") is not None
    an = tr.analyse("Şirket blogunda 10 makale yayınlamak")
    assert an.match_at(an.head, "activity_verbs") is not None


def test_count_before_a_compound_is_no_change(tr):
    # "5 büyüme uzmanı" counts specialists: "büyüme" is no change of size 5
    an = tr.analyse("5 büyüme uzmanı işe almak")
    assert not an.has("change_verbs") and an.has("activity_verbs")
    assert tr.analyse("Gelirde %20 büyüme sağlamak").has("change_verbs")


def test_fractions_are_shares(tr):
    for text in ("Maliyetleri onda bir oranında düşürmek", "Müşterilerin dörtte birini geri kazanmak"):
        assert any(q.kind == MULTIPLIER for q in tr.analyse(text).quantities), text


def test_number_before_a_unit_adjective_is_a_name(tr):
    for text in ("2 faktörlü kimlik doğrulamayı devreye almak", "30 günlük elde tutma oranını artırmak"):
        assert not tr.analyse(text).has_quantity, text
    for text in ("250 nitelikli potansiyel müşteri edinmek", "Google'da 4,5 yıldızlı puana ulaşmak"):
        assert tr.analyse(text).has_quantity, text


def test_soft_g_proves_the_ending(tr):
    # "desteği" is destek + i, "sağlığı" sağlık + ı: no Turkish word of two syllables ends in ğ
    assert tr.analyse("Bayilere pazarlama desteği sağlamak").tokens[2].lemma == "destek"
    assert tr.analyse("Çalışan sağlığı").tokens[1].lemma == "sağlık"


@pytest.mark.parametrize(
    "text,concept",
    [
        ("5 yeni eğitim modülü geliştirmek", "binary_verbs"),
        ("Yeni çalışanların becerilerini geliştirmek", "weak_verbs"),
        ("Stok takibini otomatik hale getirmek", "binary_verbs"),
        ("Tedarikçi sözleşmelerini yeniden müzakere etmek", "activity_verbs"),
    ],
)
def test_develop_new_automate_negotiate(tr, text, concept):
    an = tr.analyse(text)
    assert an.match_at(an.head, concept) is not None, an.matches


def test_release_count_and_roll_out(tr):
    assert [q.kind for q in tr.analyse("Hatasız 50 sürüm yayınlamak").quantities] == [NUMBER]
    assert [q.kind for q in tr.analyse("Uygulamanın 2.0 sürümünü yayınlamak").quantities] == [NAME]
    an = tr.analyse("Pilot başarılı olursa sistemi tüm şubelere yaymak")
    assert an.match_at(an.head, "binary_verbs") is not None


def test_loan_nouns_in_ma_are_not_verbal_nouns(tr):
    # the -ma of "firma", "şema", "klima" is part of the stem: no verb "firmek" has a verbal noun here
    for text in ("Kargo firması", "Veri şeması", "Ofis kliması", "Sinema salonu", "Ürün gamasını"):
        toks = [t for t in tr.analyse(text).tokens if t.is_word]
        assert all(not t.is_verb_like for t in toks), (text, toks)
    # an unknown stem with a harmonising ending is still read as a verbal noun
    assert word(tr, "resetlemesi").form == VNOUN


def test_dative_verbal_noun_before_a_reach_verb_is_what_is_reached(tr):
    an = tr.analyse("Ayda 5.000 dosya indirmesine erişmek")
    assert not an.has("change_verbs")
    assert an.match_at(an.head, "reach_verbs") is not None
    # the same verb as an action keeps its sense
    assert tr.analyse("Dosya boyutunu %30 indirmek").has("change_verbs")


def test_sending_and_shooting_nouns_are_activities(tr):
    an = tr.analyse("8 haber bülteni gönderimi")
    assert an.match_at(an.head, "activity_verbs") is not None


def test_dotted_day_month_is_a_date(tr):
    for text in ("15.09'a kadar yeni kasa sistemini kurmak", "31.03 tarihine kadar e-faturaya geçmek"):
        assert [q.kind for q in tr.analyse(text).quantities] == [DATE], text
    assert [q.kind for q in tr.analyse("1.000 yeni abone kazanmak").quantities] == [NUMBER]


@pytest.mark.parametrize(
    "text,kind",
    [
        ("Yaz okuluna 2000 katılımcı çekmek", NUMBER),  # an agent noun in -CI only looks possessed
        ("2000 gönüllüye ulaşmak", NUMBER),  # an opening count before its object
        ("2026 bütçesini hazırlamak", YEAR),
        ("2027 hedefine ulaşmak", YEAR),
        ("2030 vizyonuyla şehri dönüştürmek", YEAR),
    ],
)
def test_year_or_count(tr, text, kind):
    assert [q.kind for q in tr.analyse(text).quantities][0] == kind
