"""Turkish analyser: a hand-written suffix analyser over a lexicon of verb roots.

Turkish is agglutinative: "artırılmasını" is artır (increase) + ıl (passive) +
ma (verbal noun) + sı (its) + nı (accusative). Verbs are recognised from a
lexicon of roots (``VERB_INFINITIVES`` below, plus every infinitive that appears
in the lexicon's concepts, so a team that adds "aşılamak" to a concept also
teaches the analyser the verb). The OKR endings are written once with
archiphonemes (A = a/e, I = ı/i/u/ü, D = d/t, buffers (y)/(n)/(s)) in a trie;
for a known root the rest of the word is walked through the trie, realising
each archiphoneme from the letters before it, so harmony, buffers, d/t
assimilation, k→ğ, the narrowing of "başla" + "ıyor" and the et→ed alternation
are all checked, and the analyser never guesses where a known stem ends.

Lemma convention: a verb form's lemma is the infinitive of the active root
("artırılması" → "artırmak", "düşürülmesi" → "düşürmek"). Causatives are roots
of their own ("artırmak" is not "artmak"). A noun's lemma is the stem with
plural, possessive and case suffixes stripped where the strip is safe
("trafiğini" → "trafik", "satışlarda" → "satış"); where it is ambiguous (a lone
final vowel: "oranı" is oran + ı, "sinerji" is not sinerj + i) both readings are
kept as candidate lemmas and the unstripped one comes first.

Unknown words ending in an unambiguous verbal ending (-mAk, -(y)AcAğIz, -(I)yor,
-(y)ArAk, -mAsI …) or built on a verb-forming suffix (-lA, -lAş, -lAştIr,
-lAndIr: "önceliklendirmek", "dijitalleştirilmesi") are read as verbs too.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from . import normalize as nz
from .base import CURRENCY_SYMBOLS, Analyser, WordInfo, _next_word
from .lexicon import Lexicon
from .types import (
    ADJ,
    CONV,
    DATE,
    FIN,
    IMP,
    INF,
    MULTIPLIER,
    NAME,
    NOUN,
    NUM,
    NUMBER,
    PART_FORM,
    RANK,
    VERB,
    VNOUN,
    YEAR,
    Analysis,
    Match,
    Quantity,
    Token,
)

VOWELS = frozenset("aeıioöuü")
BACK = frozenset("aıou")
VOICELESS = frozenset("çfhkpsşt")

# Infinitives of the verbs the analyser knows, across domains. Causatives and
# passives with a meaning of their own are listed as roots ("artırmak",
# "bulunmak"); regular passives are derived ("artırılmak" → "artırmak").
VERB_INFINITIVES = """
abartmak adamak aktarmak aktifleştirmek almak alıştırmak amaçlamak anlamak anlatmak anlaşmak aramak araştırmak
artmak arttırmak artırmak arındırmak arıtmak asfaltlamak atamak atmak avlamak ayarlamak aydınlatmak ayrılmak
ayrıştırmak ayıklamak ayırmak azalmak azaltmak açmak açıklamak ağaçlandırmak ağırlamak ağırlaştırmak aşmak aşılamak
bakmak barındırmak basitleştirmek basmak bağlamak bağışlamak başarmak başlamak başlatmak başvurmak beklemek
belgelemek belgelendirmek belirginleştirmek belirlemek belirtmek benimsemek benimsetmek beslemek bildirmek
bilgilendirmek bilmek biriktirmek birleştirmek bitirmek biçimlendirmek biçmek borçlanmak boyamak boşaltmak budamak
bulmak bulundurmak bulunmak buluşmak buluşturmak bütçelemek bütünleştirmek büyümek büyütmek bırakmak cevaplamak
cezbetmek danışmak daraltmak davranmak dayandırmak dağıtmak denemek denetlemek dengelemek derlemek desteklemek
devretmek değerlendirmek değişmek değiştirmek dijitalleştirmek dikmek dinlemek doldurmak donatmak doğrulamak
durdurmak duyurmak dökmek döndürmek dönmek dönüşmek dönüştürmek döşemek düzeltmek düzenlemek düşmek düşünmek
düşürmek edinmek eklemek elemek engellemek erişmek ermek etkilemek etkinleştirmek etmek eğitmek eşleştirmek
fiyatlandırmak fonlamak gelişmek geliştirmek gelmek genişlemek genişletmek gerçekleştirmek getirmek gevşetmek
geçirmek geçmek gidermek girmek gitmek göndermek görmek görüşmek göstermek götürmek gübrelemek güncellemek güvenmek
güçlendirmek haberleşmek hafifletmek halletmek harcamak hatırlatmak hazırlamak hedeflemek hesaplamak hissetmek hissettirmek hizalamak hızlandırmak
hızlanmak ilaçlamak ilerlemek ilerletmek iletmek ilgilenmek incelemek indirmek inmek istemek iyileşmek iyileştirmek
izlemek işlemek kaldırmak kalmak kapamak kapatmak kapsamak kartlamak karşılamak karşılaştırmak katlamak katılmak
kaybetmek kaydetmek kaydolmak kaydırmak kaynaklamak kazandırmak kazanmak kazımak kaçırmak kesmek keşfetmek kiralamak
kişiselleştirmek kodlamak kolaylaştırmak konuşmak korumak koymak kullanmak kurmak kurtarmak küçültmek kısalmak
kısaltmak kısmak kıyaslamak listelemek merkezileştirmek mezunlaşmak modernleştirmek netleştirmek odaklanmak okumak
okutmak olmak oluşturmak onarmak onaylamak ortaklaşmak otomatikleştirmek oylamak paketlemek paylaşmak pazarlamak
pekiştirmek planlamak puanlamak raporlamak reddetmek sabitlemek sadeleştirmek saklamak satmak savunmak sağlamak
serbestleştirmek sergilemek sertleştirmek sevmek seçmek sigortalamak sorgulamak sormak standartlaştırmak sulamak
sunmak sürdürmek sürmek sıkılaştırmak sınamak sınırlamak sıralamak tamamlamak tanımak tanımlamak tanıtmak taramak
tartışmak tasarlamak taşımak taşınmak temizlemek toplamak tutmak tüketmek ulaşmak ulaştırmak ummak uyarlamak uyarmak
uygulamak uzatmak uğraşmak varmak vermek yakalamak yaklaşmak yalınlaştırmak yamalamak yapmak yapılandırmak yaratmak
yatırmak yaygınlaştırmak yayımlamak yayınlamak yazmak yaşamak yaşatmak yedeklemek yenilemek yerelleştirmek yerleştirmek
yetiştirmek yitirmek yumuşatmak yönetmek yönlendirmek yüklemek yükselmek yükseltmek yürümek yürütmek zayıflatmak
zenginleştirmek çabalamak çalışmak çağırmak çekmek çevirmek çeşitlendirmek çoğaltmak çözmek çözümlemek çıkarmak
çıkmak ödemek ödüllendirmek ölçeklemek ölçeklendirmek ölçmek ölçümlemek önceliklendirmek önlemek öğrenmek öğretmek
üretmek şifrelemek
""".split()

# Nouns that make the number before them a multiplier ("2 katına çıkarmak").
MULTIPLIER_NOUNS = frozenset({"kat", "misli"})
# Aorist forms that are everyday nouns: never read as a final verb.
_AORIST_NOUNS = frozenset(
    {
        "gelir",
        "gider",
        "yazar",
        "okur",
        "çıkar",
        "tutar",
        "döner",
        "akar",
        "kapar",
        "satar",
        "görür",
        "sever",
        "sürer",
        "alır",
        "verir",
        "bakar",
        "geçer",
        "yeter",
        "değer",
    }
)

# Light verbs that are weak alone or after an adjective, a verb of their own after a noun.
_NOUN_LIGHT = frozenset({"etmek", "yapmak"})
_ADJECTIVES = frozenset(
    """
kolay basit sade şeffaf etkin hazır uygun açık iyi güçlü hızlı modern dijital esnek ücretsiz mümkün
""".split()
)
_ADJ_ENDINGS = ("lı", "li", "lu", "lü", "sız", "siz", "suz", "süz", "sal", "sel", "bilir", "ik", "ık")

# Verbs that only carry a verbal noun before them ("buluşma yapmak").
LIGHT_VERBS = frozenset({"yapmak", "gerçekleştirmek"})

# Verbs whose final t becomes d before a vowel (et → ediyoruz, git → gidecek).
ALTERNATING_ROOTS = frozenset({"et", "git"})

# -mAk words that are nouns, and deverbal nouns that name a thing, not an action.
NOT_VERBS = frozenset(
    {
        "ekmek",
        "parmak",
        "kaymak",
        "çakmak",
        "ırmak",
        "damak",
        "kıymak",
        "yemek",
        "tokmak",
        "yumak",
        "alan",
        "alanı",
        "olan",
        "satış",
        "giriş",
        "çıkış",
        "bakış",
        "görüş",
        "akış",
        "anlayış",
        "alışveriş",
        "yürüyüş",
        "duruş",
        "uçuş",
        "dönüş",
        "yakış",
        "uygulama",
        "anlaşma",
        "sözleşme",
        "dondurma",
        "arama",
        "danışma",
        "toplantı",
        "yazılım",
        "kazanç",
        "kayma",
        "satın",
        "deneyim",
        "tutum",
        "sonuç",
        "deneme",
        "pazarlama",
        "düşünce",
        # loan nouns ending in -ma/-me, which read like verbal nouns of unknown roots ("firması")
        "firma",
        "forma",
        "diploma",
        "aroma",
        "drama",
        "dogma",
        "plazma",
        "panorama",
        "prizma",
        "karizma",
        "sinema",
        "klima",
        "şema",
        "sigma",
        "gama",
        "pijama",
    }
)

# Nouns whose ending looks like a case suffix ("hafta" is not haf + ta).
KNOWN_NOUNS = frozenset(
    {
        "hafta",
        "fayda",
        "gıda",
        "madde",
        "cadde",
        "iade",
        "ifade",
        "vade",
        "oda",
        "ada",
        "sade",
        "kadın",
        "altın",
        "yakın",
        "kalite",
        "site",
        "nitelik",
        "bayi",
        "ekip",
        "seviye",
        "sayı",
        "oran",
        "hedef",
        "ayda",
        "yılda",
        "hasta",
        "usta",
        "posta",
        "pasta",
        "liste",
        "ajanda",
        "kota",
        "moda",
        "veda",
        "deste",
        "kumanda",
        "propaganda",
        "fıkra",
        "bina",
        "dünya",
        "vida",
        "gündem",
        "dönem",
        "kaynak",
        "destek",
        "tedarik",
        "gider",
        "güven",
        "alacak",
        "ele",
        "yarı",
        # loan stems of "X etmek" verbs
        "optimize",
        "maksimize",
        "minimize",
        "organize",
        "modernize",
        "revize",
        "standardize",
        "dijitalize",
        "finanse",
        "entegre",
        "koordine",
        "motive",
        "aktive",
        "lanse",
        "analiz",
        "rapor",
        "test",
        "kontrol",
        "takip",
        "otomatize",
        "mobilize",
        "transfer",
        "teslim",
        "tespit",
        "ziyaret",
        "tedavi",
        "muayene",
        "dahil",
        "ihraç",
        "tavsiye",
        "tercih",
    }
)

# Function words, pronouns and lexicalised forms that are never stripped.
FIXED = {
    **{w: ("CONJ", w) for w in "ve veya ya da ile ama fakat ancak hem ki ise de".split()},
    **{
        w: ("PRON", w)
        for w in "o onu ona onda ondan onun onlar onları onlara onların bu bunu buna bunda "
        "bundan bunun şu şunu şuna bunlar biz bize bizi bizim siz size sizi sizin "
        "kendi kendimiz kendini kendilerini".split()
    },
    **{
        w: ("ADV", w)
        for w in "daha en çok az her tüm bütün hiç gibi göre kadar için sonra önce için "
        "yüzde binde yeni bir birlikte hızla şu an anda artık hemen".split()
    },
}

NUMBER_WORDS = {
    "sıfır": 0,
    "iki": 2,
    "üç": 3,
    "dört": 4,
    "beş": 5,
    "altı": 6,
    "yedi": 7,
    "sekiz": 8,
    "dokuz": 9,
    "on": 10,
    "yirmi": 20,
    "otuz": 30,
    "kırk": 40,
    "elli": 50,
    "altmış": 60,
    "yetmiş": 70,
    "seksen": 80,
    "doksan": 90,
    "yüz": 100,
    "bin": 1000,
    "milyon": 1e6,
    "milyar": 1e9,
}
# Number words whose inflected forms are other words ("onu" him, "altında" under, "yüzde" percent).
# Concepts of a verb; the first half of a counted compound carries none of them.
_VERB_CONCEPTS = frozenset({"outcome_verbs", "change_verbs", "reach_verbs", "activity_verbs", "binary_verbs"})

_NO_INFLECTION = frozenset({"on", "altı", "yüz", "bin", "bir"})

_CASES = {"(y)I": "acc", "(y)A": "dat", "DA": "loc", "DAn": "abl", "(n)In": "gen", "(y)lA": "ins"}


# -- phonology ------------------------------------------------------------------


def last_vowel(s: str) -> str:
    for ch in reversed(s):
        if ch in VOWELS:
            return ch
    return "e"


def harmony_a(s: str) -> str:
    return "a" if last_vowel(s) in BACK else "e"


def harmony_i(s: str) -> str:
    v = last_vowel(s)
    return {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i", "ö": "ü", "ü": "ü"}[v]


# Letters people leave unmarked when they type Turkish on a keyboard without it
# ("artirmak", "musteri", "egitim"): ASCII letter → its Turkish twin.
_ASCII_FOLD = str.maketrans("çğıöşü", "cgiosu")
_UNMARKED_CONSONANTS = {"c": "ç", "g": "ğ", "s": "ş"}
_MAX_RESTORED = 16  # readings tried per typed suffix


def restored_suffixes(stem: str, typed: str) -> list[str]:
    """Readings of an ending typed without Turkish letters after ``stem`` (a word with them).

    The vowels follow harmony from the stem (typed "i" is ı after a back vowel, "u" is ü after
    a front one; "o" stays, as in -yor); ç/ğ/ş may each have been typed as c/g/s.
    """
    prev = last_vowel(stem)
    chars: list[str] = []
    for ch in typed:
        if ch == "i":
            ch = "ı" if prev in BACK else "i"
        elif ch == "u":
            ch = "u" if prev in BACK else "ü"
        if ch in VOWELS:
            prev = ch
        chars.append(ch)
    out = [""]
    for ch in chars:
        twin = _UNMARKED_CONSONANTS.get(ch)
        out = [o + c for o in out for c in ((ch, twin) if twin else (ch,))][:_MAX_RESTORED]
    return out


def realise(stem: str, template: str) -> str:
    """Attach an ending written with archiphonemes to ``stem``.

    A → a/e, I → ı/i/u/ü, D → d/t, (y)/(n)/(s) buffers after a vowel, (I) a
    linking vowel after a consonant; "(I)yor" narrows a final a/e ("başla" →
    "başlıyor").
    """
    s = stem
    i = 0
    n = len(template)
    while i < n:
        ch = template[i]
        if ch == "(":
            j = template.index(")", i)
            part = template[i + 1 : j]
            i = j + 1
            if part == "I":
                if template.startswith("yor", i) and s and s[-1] in VOWELS:
                    s = s[:-1]
                    s += harmony_i(s)
                elif s and s[-1] not in VOWELS:
                    s += harmony_i(s)
            elif part == "A":
                if s and s[-1] not in VOWELS:
                    s += harmony_a(s)
            elif s and s[-1] in VOWELS:
                s += part
            continue
        if ch == "A":
            s += harmony_a(s)
        elif ch == "I":
            s += harmony_i(s)
        elif ch == "D":
            s += "t" if s and s[-1] in VOICELESS else "d"
        else:
            s += ch
        i += 1
    return s


# -- verb endings -----------------------------------------------------------------

# Nominal tails after a verbal noun (-mA, -(y)Iş) or a participle used as a noun.
_NOMINAL_TAILS: tuple[tuple[str, dict], ...] = (
    ("", {}),
    ("(y)I", {"case": "acc"}),
    ("(y)A", {"case": "dat"}),
    ("DA", {"case": "loc"}),
    ("DAn", {"case": "abl"}),
    ("(n)In", {"case": "gen"}),
    ("(y)lA", {"case": "ins"}),
    ("(s)I", {"poss": "3"}),
    ("(s)InI", {"poss": "3", "case": "acc"}),
    ("(s)InA", {"poss": "3", "case": "dat"}),
    ("(s)IndA", {"poss": "3", "case": "loc"}),
    ("(s)IndAn", {"poss": "3", "case": "abl"}),
    ("(s)InIn", {"poss": "3", "case": "gen"}),
    ("(s)IylA", {"poss": "3", "case": "ins"}),
    ("(s)IndAki", {"poss": "3", "case": "loc"}),
    ("(I)mIz", {"poss": "1"}),
    ("(I)mIzI", {"poss": "1", "case": "acc"}),
    ("(I)mIzA", {"poss": "1", "case": "dat"}),
    ("(I)mIzIn", {"poss": "1", "case": "gen"}),
    ("(I)mIzDA", {"poss": "1", "case": "loc"}),
    ("lAr", {"number": "pl"}),
    ("lArI", {"number": "pl", "case": "acc"}),
    ("lArA", {"number": "pl", "case": "dat"}),
    ("lArDA", {"number": "pl", "case": "loc"}),
    ("lArDAn", {"number": "pl", "case": "abl"}),
    ("lArIn", {"number": "pl", "case": "gen"}),
    ("lArInI", {"number": "pl", "poss": "3", "case": "acc"}),
    ("lArInA", {"number": "pl", "poss": "3", "case": "dat"}),
    ("lArIndA", {"number": "pl", "poss": "3", "case": "loc"}),
    ("lArInIn", {"number": "pl", "poss": "3", "case": "gen"}),
    ("lArIylA", {"number": "pl", "case": "ins"}),
    ("lAryla", {"number": "pl", "case": "ins"}),
)

_PERSONAL = (("", {}),)


def _endings() -> tuple[tuple[str, str, dict], ...]:
    """(template, form, feats) of every ending after a verb stem, best readings first."""
    out: list[tuple[str, str, dict]] = []
    add = out.append
    # Infinitive.
    add(("mAk", INF, {}))
    add(("mAktA", INF, {"case": "loc"}))
    add(("mAktAn", INF, {"case": "abl"}))
    add(("mAklA", INF, {"case": "ins"}))
    add(("mAksIzIn", CONV, {}))
    add(("mAdAn", CONV, {}))
    # Finite forms.
    for tmpl, feats in (
        ("(y)AcAğIz", {"person": "1", "number": "pl"}),
        ("(y)AcAğIm", {"person": "1", "number": "sg"}),
        ("(y)AcAk", {"person": "3", "number": "sg"}),
        ("(y)AcAklAr", {"person": "3", "number": "pl"}),
        ("(y)AcAksInIz", {"person": "2", "number": "pl"}),
        ("(y)AcAktIr", {"person": "3", "number": "sg"}),
    ):
        add((tmpl, FIN, {"tense": "fut", **feats}))
    for tmpl, feats in (
        ("(I)yor", {"person": "3", "number": "sg"}),
        ("(I)yorIz", {"person": "1", "number": "pl"}),
        ("(I)yorum", {"person": "1", "number": "sg"}),
        ("(I)yorlAr", {"person": "3", "number": "pl"}),
        ("(I)yorsunuz", {"person": "2", "number": "pl"}),
        ("mAktAyIz", {"person": "1", "number": "pl"}),
        ("mAktAdIr", {"person": "3", "number": "sg"}),
    ):
        add((tmpl, FIN, {"tense": "pres", **feats}))
    for tmpl, feats in (
        ("DI", {"person": "3", "number": "sg"}),
        ("DIk", {"person": "1", "number": "pl"}),
        ("DIm", {"person": "1", "number": "sg"}),
        ("DInIz", {"person": "2", "number": "pl"}),
        ("DIlAr", {"person": "3", "number": "pl"}),
        ("mIştIr", {"person": "3", "number": "sg"}),
        ("mIşIz", {"person": "1", "number": "pl"}),
    ):
        add((tmpl, FIN, {"tense": "past", **feats}))
    for tmpl, feats in (
        ("mAlIyIz", {"person": "1", "number": "pl"}),
        ("mAlIyIm", {"person": "1", "number": "sg"}),
        ("mAlIdIr", {"person": "3", "number": "sg"}),
        ("mAlI", {"person": "3", "number": "sg"}),
        ("(y)AlIm", {"person": "1", "number": "pl"}),
    ):
        add((tmpl, FIN, {"mood": "nec" if tmpl.startswith("m") else "opt", **feats}))
    # Imperatives ("başlatın", "yazın", "artırın", "gönder").
    add(("(y)In", IMP, {"person": "2", "number": "pl"}))
    add(("(y)InIz", IMP, {"person": "2", "number": "pl"}))
    add(("sIn", IMP, {"person": "3", "number": "sg"}))
    add(("sInlAr", IMP, {"person": "3", "number": "pl"}))
    # Converbs: never the head.
    for tmpl in ("(y)ArAk", "(y)Ip", "(y)IncA", "DIkçA", "(y)AlI", "(y)ArAktAn"):
        add((tmpl, CONV, {}))
    # Verbal nouns with their nominal tails (-mAyA is the dative of -mA).
    for tail, feats in _NOMINAL_TAILS:
        add(("mA" + tail, VNOUN, dict(feats)))
    for tail, feats in _NOMINAL_TAILS:
        add(("(y)Iş" + tail, VNOUN, dict(feats)))
    # Participles: -(y)An (with plural nominal tails: "katılanlar"), -DIK + possessive, -(y)AcAK + possessive.
    add(("(y)An", PART_FORM, {}))
    for tail, feats in _NOMINAL_TAILS:
        if tail.startswith("lAr"):
            add(("(y)An" + tail, PART_FORM, dict(feats)))
    for base in ("DIğ", "(y)AcAğ"):
        for tail, feats in (
            ("I", {"poss": "3"}),
            ("InI", {"poss": "3", "case": "acc"}),
            ("InA", {"poss": "3", "case": "dat"}),
            ("IndA", {"poss": "3", "case": "loc"}),
            ("InIn", {"poss": "3", "case": "gen"}),
            ("ImIz", {"poss": "1"}),
            ("ImIzI", {"poss": "1", "case": "acc"}),
            ("ImIzA", {"poss": "1", "case": "dat"}),
            ("ImIzdA", {"poss": "1", "case": "loc"}),
            ("In", {"poss": "2"}),
        ):
            add((base + tail, PART_FORM, feats))
    for tmpl in ("DIklArI", "DIklArInI", "DIklArIndA", "(y)AcAklArI", "mIş"):
        add((tmpl, PART_FORM, {}))
    add(("", IMP, {"person": "2", "number": "sg"}))
    return tuple(out)


ENDINGS = _endings()
_LIMITED_NEG = frozenset({INF, VNOUN, FIN, CONV})
_NEG_OK = ("mAk", "mA", "mAsI", "mAsInI", "mAyA", "mAyI")

# Stem extensions before an ending: "<P>" is the passive (-n after a vowel, -In
# after l, -Il elsewhere).
_VARIANTS = (
    ("", {}),
    ("<P>", {"voice": "pass"}),
    ("(y)Abil", {"mood": "abil"}),
    ("<P>(y)Abil", {"voice": "pass", "mood": "abil"}),
    ("mA", {"polarity": "neg"}),
    ("<P>mA", {"voice": "pass", "polarity": "neg"}),
)


def _symbols(template: str) -> list[str]:
    out = []
    i = 0
    while i < len(template):
        if template[i] in "(<":
            j = template.index(")" if template[i] == "(" else ">", i)
            out.append(template[i : j + 1])
            i = j + 1
        else:
            out.append(template[i])
            i += 1
    return out


class _Node:
    __slots__ = ("children", "terminal")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.terminal: tuple[str, tuple[tuple[str, str], ...], int] | None = None


def _build_trie() -> _Node:
    """Every (extension + ending) template of ENDINGS in one trie of archiphonemes."""
    root = _Node()

    def insert(template: str, form: str, feats: dict, rank: int) -> None:
        node = root
        for sym in _symbols(template):
            node = node.children.setdefault(sym, _Node())
        if node.terminal is None or node.terminal[2] > rank:
            node.terminal = (form, tuple(sorted(feats.items())), rank)

    for prefix, extra in _VARIANTS:
        neg = extra.get("polarity") == "neg"
        abil = extra.get("mood") == "abil"
        for rank, (tmpl, form, feats) in enumerate(ENDINGS):
            if not _combines(extra, tmpl, form):
                continue
            if neg and tmpl.startswith("(I)yor"):
                insert(prefix[:-1] + "I" + tmpl[3:], form, {**feats, **extra}, rank)  # "artırmıyor"
                continue
            insert(prefix + tmpl, form, {**feats, **extra}, rank)
        if abil:
            for tmpl, feats in (("Ir", {"person": "3"}), ("IrIz", {"person": "1", "number": "pl"})):
                insert(prefix + tmpl, FIN, {**feats, **extra}, 0)
    return root


def _combines(extra: dict, tmpl: str, form: str) -> bool:
    """Whether an ending follows a stem extension (the negative takes only a few)."""
    if extra.get("mood") == "abil" and form == IMP and not tmpl:
        return False
    if extra.get("polarity") == "neg":
        return tmpl.startswith("(y)") or tmpl in _NEG_OK or (form in _LIMITED_NEG and not tmpl.startswith(("mA", "mI")))
    return True


_TRIE = _build_trie()


def _realise_symbol(sym: str, last: str, vowel: str) -> str:
    """One archiphoneme after a string ending in ``last`` whose last vowel is ``vowel``."""
    after_vowel = last in VOWELS
    if len(sym) == 1:
        if sym == "A":
            return "a" if vowel in BACK else "e"
        if sym == "I":
            return _HIGH[vowel]
        if sym == "D":
            return "t" if last in VOICELESS else "d"
        return sym
    if sym == "(I)":
        return "" if after_vowel else _HIGH[vowel]
    if sym == "(A)":
        return "" if after_vowel else ("a" if vowel in BACK else "e")
    if sym == "<P>":
        if after_vowel:
            return "n"
        return _HIGH[vowel] + ("n" if last == "l" else "l")
    return sym[1] if after_vowel else ""  # (y) (n) (s)


_HIGH = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i", "ö": "ü", "ü": "ü"}


def match_ending(stem: str, rest: str, only_progressive: bool = False):
    """The best (form, feats, rank) for ``stem`` + ``rest``, or None.

    Walks the template trie realising each archiphoneme against the actual
    letters, so only endings consistent with harmony and buffers are explored.
    With ``only_progressive`` the stem is a vowel-final root minus its vowel and
    only "-(I)yor" forms are allowed ("başl" + "ıyor").
    """
    best = None
    stack = [(_TRIE, 0, stem[-1], last_vowel(stem), 0)]
    n = len(rest)
    while stack:
        node, pos, last, vowel, depth = stack.pop()
        if (
            pos == n
            and node.terminal is not None
            and (best is None or node.terminal[2] < best[2])
            and (not only_progressive or depth >= 4)
        ):
            best = node.terminal
        for sym, child in node.children.items():
            if only_progressive and depth == 0 and sym != "(I)":
                continue
            if only_progressive and depth == 1 and sym != "y":
                continue
            piece = _realise_symbol(sym, last, vowel)
            if only_progressive and depth == 0:
                piece = _HIGH[vowel]  # the narrowed vowel is always there
            if not piece:
                stack.append((child, pos, last, vowel, depth + 1))
            elif rest.startswith(piece, pos):
                v = vowel
                for ch in piece:
                    if ch in VOWELS:
                        v = ch
                stack.append((child, pos + len(piece), piece[-1], v, depth + 1))
    return best


def infinitive(root: str) -> str:
    return root + ("mak" if harmony_a(root) == "a" else "mek")


# Verb-forming suffixes: a stem built on one of them is a verb even if unknown.
_VERBAL_STEM_ENDS = ("la", "le", "laş", "leş", "laştır", "leştir", "landır", "lendir")
# Endings that mark a verb on their own (an unknown stem before them is still a verb).
_UNAMBIGUOUS = re.compile(
    r"(m[ae]k|m[ae]k(t[ae]n|l[ae])|[ae]c[ae]ğ[ıi]z|[ıiuü]yor(uz|um|lar|sunuz)?|m[ae]y[ae]|m[ae]y[ıi]|"
    r"m[ae]s[ıi](n[ıi]|n[ae]|nd[ae]|n[ıi]n|yl[ae])?|[ae]r[ae]k|d[ıiuü]ğ[ıiuü](n[ıiuü]|m[ıiuü]z)?|"
    r"t[ıiuü]ğ[ıiuü](n[ıiuü]|m[ıiuü]z)?)$"
)


def _harmonic_guess(stem: str, suffix: str, typed_ascii: bool) -> bool:
    """A verb ending on an unknown stem harmonises with it; "firması", "şeması", "kliması" do not
    (firm-a, şem-a are loan nouns ending in -a), so they are not verbal nouns of "firmek", "şemek".
    Typed without Turkish letters, i/o/u may stand for ı/ö/ü, and the stem's vowel proves nothing."""
    vowel = next((ch for ch in suffix if ch in "ae"), None)
    if vowel is None or suffix[0] not in "mae" or "yor" in suffix:
        return True
    if typed_ascii and last_vowel(stem) in "iou":
        return True
    return harmony_a(stem) == vowel


_DAY_MONTH = re.compile(r"^(0?[1-9]|[12]\d|3[01])\.(0[1-9]|1[0-2])$")


class TurkishAnalyser(Analyser):
    language = "tr"
    dotless_i = True  # Turkish writes ı and i apart: I → ı, İ → i

    def __init__(self, lexicon: Lexicon):
        self.roots: set[str] = {w[:-3] for w in VERB_INFINITIVES if w.endswith(("mak", "mek"))}
        # Every infinitive in the lexicon's concepts teaches the analyser a root.
        for entries in (lexicon.concepts or {}).values():
            for raw in entries or []:
                entry = raw.get("entry", "") if isinstance(raw, dict) else raw
                for word in str(entry).split():
                    word = self.normalise_word(word)
                    if (
                        word.endswith(("mak", "mek"))
                        and len(word) > 4
                        and word not in NOT_VERBS
                        and not self._regular_passive(word[:-3])
                    ):
                        self.roots.add(word[:-3])
        self.roots.update(str(w) for w in (lexicon.get("morphology.verb_roots", []) or []))
        self.action_nouns = set()
        for raw in (lexicon.concepts or {}).get("action_nouns", []) or []:
            entry = raw.get("entry", "") if isinstance(raw, dict) else raw
            if " " not in str(entry):
                self.action_nouns.add(self.normalise_word(str(entry)))
        self.number_forms = _number_forms()
        self.known_words: set[str] = set(KNOWN_NOUNS)
        for entries in (lexicon.concepts or {}).values():
            for raw in entries or []:
                entry = raw.get("entry", "") if isinstance(raw, dict) else raw
                self.known_words.update(
                    w for w in map(self.normalise_word, str(entry).split()) if w.isalpha() and len(w) > 2
                )
        # ASCII spelling → the words and verb stems it may stand for ("artir" → "artır").
        self.by_ascii: dict[str, list[str]] = {}
        self.dictionary_words = frozenset(self.known_words | NOT_VERBS)
        for word in sorted(self.dictionary_words | self.roots):
            if len(word) > 2:
                self.by_ascii.setdefault(word.translate(_ASCII_FOLD), []).append(word)
        self.basis_nouns = frozenset(
            self.normalise_word(str(w)) for w in (lexicon.get("morphology.basis_nouns", []) or [])
        )
        super().__init__(lexicon)

    def _regular_passive(self, stem: str) -> bool:
        """ "tamamlan" is tamamla + n: the passive of a known root, not a root of its own."""
        if stem.endswith("n") and stem[:-1] in self.roots and stem[-2] in VOWELS:
            return True
        return len(stem) > 3 and stem[-1] in "ln" and stem[-2] in _H_I and stem[:-2] in self.roots

    # -- words ----------------------------------------------------------------------
    def normalise_word(self, surface: str) -> str:
        surface = nz.fold_apostrophes(nz.nfc(surface))
        head = surface.split("'")[0]
        if head.isascii() and head.isupper() and len(head) <= 5:
            # A short all-capital Latin word is an acronym, mostly a foreign one
            # ("ISO", "IT", "KPI"): its I is the Latin i, not the Turkish ı.
            surface = head.lower() + nz.casefold(surface[len(head) :], self.dotless_i)
        norm = nz.casefold(surface, self.dotless_i)
        return norm.translate(_CIRCUMFLEX)

    def analyse_word(self, norm: str) -> WordInfo:
        info = self._analyse_spelled(norm)
        if norm.isascii() and norm not in self.dictionary_words:
            restored = self._restore_letters(norm)
            # A dictionary word beats a parse of the typed letters ("uygulamayi" is the noun
            # "uygulamayı", not a verbal noun of "uygulamak" with a wrong vowel).
            if restored is not None and (not self._known(norm, info) or not self._verb_reading(restored)):
                return restored
        return info

    @staticmethod
    def _verb_reading(info: WordInfo) -> bool:
        return bool(info.form) or info.pos == VERB

    def _known(self, norm: str, info: WordInfo) -> bool:
        """Did the analyser recognise ``norm`` (a known root, dictionary word or fixed form)?"""
        if norm in FIXED or norm in self.number_forms or "'" in norm or "-" in norm:
            return True
        if self._verb_reading(info):
            return any(lem.endswith(("mak", "mek")) and lem[:-3] in self.roots for lem in info.lemmas)
        return any(lem in self.dictionary_words for lem in info.lemmas)

    def _restore_letters(self, typed: str) -> WordInfo | None:
        """Read a word typed without Turkish letters ("artirmak", "yayinlamak", "egitim") as the
        known root or word it spells, with its ending restored by harmony; None when none fits."""
        for k in range(len(typed), 2, -1):
            for stem in self.by_ascii.get(typed[:k], ()):
                for ending in restored_suffixes(stem, typed[k:]):
                    if stem + ending == typed:
                        continue
                    info = self._analyse_spelled(stem + ending)
                    if self._known(stem + ending, info):
                        return info
        return None

    def _analyse_spelled(self, norm: str) -> WordInfo:
        if "'" in norm:
            return self._proper(norm)
        if norm in FIXED:
            pos, lemma = FIXED[norm]
            return WordInfo((lemma,), pos)
        if norm in self.number_forms:
            value, feats = self.number_forms[norm]
            # Not NUM: the shared pipeline keeps NUM for digit tokens.
            return WordInfo((value,), ADJ, "", feats)
        if norm in KNOWN_NOUNS:
            return WordInfo((norm,), NOUN)
        if "-" in norm:
            # "e-postaları", "kazan-kazan": the suffixes sit on the last part.
            head, _, last = norm.rpartition("-")
            info = self._noun(last) if last not in KNOWN_NOUNS else WordInfo((last,), NOUN)
            lemmas = tuple(dict.fromkeys([f"{head}-{lem}" for lem in info.lemmas] + [norm]))
            return WordInfo(lemmas, NOUN, "", info.feats)
        if norm in NOT_VERBS or any(p[0] in NOT_VERBS for p in noun_parses(norm)):
            return self._noun(norm)
        # Fast path for infinitives (every lexicon entry is one).
        if norm.endswith(("mak", "mek")) and norm[:-3] in self.roots and harmony_a(norm[:-3]) == norm[-2]:
            return WordInfo((norm,), VERB, INF)
        verb = self._verb(norm)
        if verb is not None:
            return verb
        noun = self._noun(norm)
        if noun.lemmas[0] in self.action_nouns or any(lem in self.action_nouns for lem in noun.lemmas):
            return WordInfo(noun.lemmas, NOUN, VNOUN, noun.feats)
        return noun

    def _verb(self, w: str) -> WordInfo | None:
        found: list[tuple[int, int, str, str, tuple]] = []  # (bare, -len(root), lemma, form, feats)
        n = len(w)
        for k in range(2, n + 1):
            prefix, rest = w[:k], w[k:]
            cands = [(prefix, prefix, rest, False)]
            if prefix[-1] == "d" and prefix[:-1] + "t" in ALTERNATING_ROOTS and rest[:1] in VOWELS:
                cands.append((prefix[:-1] + "t", prefix[:-1] + "t", rest, False))
            if rest.startswith("yor") and prefix[-1] in "ıiuü" and len(prefix) > 2:
                # "başlıyor": the root's final a/e narrows before -yor
                cands += [(prefix[:-1] + v, prefix[:-1], w[k - 1 :], True) for v in "ae"]
            for root, stem, tail, narrow in cands:
                known = root in self.roots
                if not known and not (
                    rest
                    and root.endswith(_VERBAL_STEM_ENDS)
                    and len(root) >= 4
                    and any(ch in VOWELS for ch in root[:-3])
                ):
                    continue
                hit = match_ending(stem, tail, narrow)
                if hit is None:
                    continue
                form, feats, _ = hit
                if not known and not rest:
                    continue
                found.append((int(not rest), -len(root) if known else 0, infinitive(root), form, feats, known))
        if any(f[5] for f in found):
            found = [f for f in found if f[5]]
        if not found:
            return self._guess_verb(w)
        found.sort(key=lambda f: (f[0], f[1]))
        lemmas = tuple(dict.fromkeys(f[2] for f in found))
        _, _, _, form, feats, _ = found[0]
        pos = NOUN if form == VNOUN else (ADJ if form == PART_FORM else VERB)
        return WordInfo(lemmas, pos, form, dict(feats))

    def _guess_verb(self, w: str) -> WordInfo | None:
        """An unknown word with an ending only a verb has."""
        m = _UNAMBIGUOUS.search(w)
        if m is None or m.start() < 2 or w in NOT_VERBS:
            return None
        stem = w[: m.start()]
        if not any(ch in VOWELS for ch in stem):
            return None
        suffix = m.group()
        if stem.endswith("y") and suffix[0] in VOWELS and suffix[0] in "ae":
            stem = stem[:-1]
        if not _harmonic_guess(stem, suffix, w.isascii()):
            return None
        if suffix.endswith(("mak", "mek")) and len(suffix) == 3:
            return WordInfo((w,), VERB, INF)
        if suffix.startswith(("ac", "ec")):
            return WordInfo((infinitive(stem),), VERB, FIN, {"tense": "fut", "person": "1", "number": "pl"})
        if "yor" in suffix:
            return WordInfo((infinitive(stem),), VERB, FIN, {"tense": "pres"})
        if suffix.startswith(("may", "mey")):
            case = "dat" if suffix[-1] in "ae" else "acc"
            return WordInfo((infinitive(stem),), NOUN, VNOUN, {"case": case})
        if suffix.startswith(("mas", "mes")):
            return WordInfo((infinitive(stem),), NOUN, VNOUN, {"poss": "3"})
        if suffix.startswith(("ar", "er")):
            return WordInfo((infinitive(stem),), VERB, CONV)
        if suffix.startswith(("mak", "mek")):
            return WordInfo((infinitive(stem),), VERB, INF)
        return WordInfo((infinitive(stem),), ADJ, PART_FORM, {"poss": "3"})

    def _proper(self, w: str) -> WordInfo:
        """A name with its suffix after an apostrophe: "TL'den", "Google'da", "KOBİ'lerin"."""
        base, _, suffix = w.partition("'")
        feats = _suffix_feats(suffix)
        return WordInfo((base, w), NOUN, "", feats)

    def _noun(self, w: str) -> WordInfo:
        parses = noun_parses(w)
        lemmas = [w]
        best = w
        best_depth = 0
        feats: dict[str, str] = {}
        any_poss = False
        for stem, pfeats, safe, depth in parses:
            # a soft g before a vowel ending proves the ending: "desteği" is destek + i, "bebeği" bebek + i
            safe = safe or (stem[-1] == "ğ" and pfeats.get("_vowel", False) and sum(ch in VOWELS for ch in stem) > 1)
            for cand in _alternation_variants(stem, pfeats.get("_vowel", False) and safe):
                if cand not in lemmas:
                    lemmas.append(cand)
            if pfeats.get("poss") == "3":
                any_poss = True
            if safe and (depth > best_depth or (depth == best_depth and len(stem) < len(best))):
                best, best_depth = _alternation_variants(stem, pfeats.get("_vowel", False))[0], depth
                feats = {k: v for k, v in pfeats.items() if not k.startswith("_")}
        if best != w:
            lemmas.remove(best)
            lemmas.insert(0, best)
        if any_poss:
            feats["poss_any"] = "3"
        return WordInfo(tuple(lemmas[:8]), NOUN, "", feats)

    # -- context ---------------------------------------------------------------------
    def disambiguate(self, tokens: list[Token]) -> list[Token]:
        out = list(tokens)
        for i, tok in enumerate(out):
            if not tok.is_word or tok.pos == NUM:
                continue
            # "üç yüzden beş yüze", "on bine": after a number, "yüz"/"bin"/"on" with a case
            # ending is the number (alone they may be "face", "ride", "on").
            number = self._inflected_homonym_number(out, i)
            if number is not None:
                out[i] = number
                continue
            nxt = out[i + 1] if i + 1 < len(out) else None
            next_word = nxt if nxt is not None and nxt.is_word and nxt.pos != NUM else None
            # "yıllık bazda", "yıl bazında": on a yearly basis, an adverb, not the label "baz: 35".
            if tok.lemma in self.basis_nouns and tok.feats.get("case") == "loc":
                out[i] = replace(tok, lemma=tok.norm)
                continue
            # A lexicalised compound names a thing ("toplu taşıma" public transport), not an action.
            if tok.form == VNOUN and i > 0 and (out[i - 1].norm, tok.lemma) in self._compound_nouns:
                out[i] = self._as_noun(tok)
                continue
            # "1.000 uygulama indirmesine ulaşmak", "10 bin kayda erişmek": a verbal noun in the
            # dative right before a reach verb names what is reached (downloads), a noun, not an
            # action of its own ("indirmek" is also "to lower").
            if (
                tok.form == VNOUN
                and tok.feats.get("case") == "dat"
                and next_word is not None
                and self._is(next_word, "concepts.reach_verbs")
            ):
                out[i] = self._as_noun(tok)
                continue
            # A bare imperative or a -(y)In imperative inside the sentence is a noun
            # ("kur" rate, "yazın" in summer): Turkish imperatives close the clause.
            if tok.form == IMP and nxt is not None and nxt.is_word and nxt.lemma not in ("ve", "veya"):
                out[i] = self._as_noun(tok)
                continue
            # "X-mA yapmak / gerçekleştirmek" is a light-verb construction: the verbal
            # noun carries the meaning ("buluşma yapmak" = buluşmak).
            if tok.lemma in LIGHT_VERBS and i > 0 and self._light_object(out[i - 1]):
                noun = out[i - 1]
                lemmas = frozenset({noun.lemma}) | tok.lemmas
                out[i] = Token(
                    tok.text,
                    tok.start,
                    tok.end,
                    tok.norm,
                    noun.lemma,
                    lemmas,
                    tok.pos,
                    tok.form,
                    {**tok.feats, "light": tok.lemma},
                )
                continue
            # A third-person "-(y)Abilir" before a noun is an adjective ("sürdürülebilir üretim",
            # "ölçülebilir hedefler", "yenilenebilir enerji"), not a finite verb.
            if (
                tok.form == FIN
                and tok.feats.get("mood") == "abil"
                and tok.feats.get("person") == "3"
                and "number" not in tok.feats
                and next_word is not None
                and next_word.pos == NOUN
                and not next_word.is_verb_like
            ):
                out[i] = self._as_noun(tok)
                continue
            # A bare verbal noun or participle before a possessed noun is the first
            # half of a compound ("deneme sürümü" trial version, "ödeme sayfası",
            # "çalışan bağlılığı"), not an action.
            if (
                tok.form in (VNOUN, PART_FORM)
                and not (set(tok.feats) & {"case", "poss", "number"})
                and next_word is not None
                and next_word.feats.get("poss_any") == "3"
                and not next_word.is_verb_like
            ):
                out[i] = self._as_noun(tok)
        self._final_aorist(out)
        return out

    def _inflected_homonym_number(self, out: list[Token], i: int) -> Token | None:
        tok = out[i]
        prev = out[i - 1] if i > 0 else None
        if prev is None or not (prev.pos == NUM or prev.norm in self.number_forms):
            return None
        if self._is(tok, "numbers.percent_words"):
            return None  # "yüzde 80'den yüzde 90'a": "yüzde" is the percent word
        for word in ("yüz", "bin", "on"):
            if tok.norm.startswith(word) and tok.norm != word:
                feats = _suffix_feats(tok.norm[len(word) :])
                if feats:
                    return replace(tok, lemma=word, lemmas=frozenset({word}), pos=ADJ, form="", feats=feats)
        return None

    def _final_aorist(self, out: list[Token]) -> None:
        """The last word of a statement may be an aorist ("Platformumuz kesintisiz *çalışır*",
        "Müşteriler bizi tavsiye *eder*"): a known root + -r/-Ir/-Ar (+lAr), read as a finite
        verb only there, since inside a text these are nouns ("gelir" income, "yazar" writer)."""
        words = [i for i, t in enumerate(out) if t.is_word or t.pos == NUM]
        if len(words) < 2:
            return
        i = words[-1]
        tok = out[i]
        w = tok.norm
        if tok.pos != NOUN or tok.form or tok.feats or w in KNOWN_NOUNS or w in NOT_VERBS or w in _AORIST_NOUNS:
            return
        base = w[:-3] if w.endswith(("lar", "ler")) and len(w) > 5 else w
        if not base.endswith("r"):
            return
        for stem in (base[:-1], base[:-2]):
            for root in (stem, stem[:-1] + "t" if stem.endswith("d") else ""):
                # Light verbs ("tavsiye eder", "mümkün olur") need their noun; they stay unread.
                if (
                    root
                    and root in self.roots
                    and root not in ("et", "yap", "ol", "kıl")
                    and (stem == base[:-1]) == (root[-1] in VOWELS)
                ):
                    number = "pl" if base != w else "sg"
                    out[i] = Token(
                        tok.text,
                        tok.start,
                        tok.end,
                        tok.norm,
                        infinitive(root),
                        frozenset({infinitive(root)}) | tok.lemmas,
                        VERB,
                        FIN,
                        {"tense": "aor", "person": "3", "number": number},
                    )
                    return

    @property
    def _compound_nouns(self) -> frozenset[tuple[str, str]]:
        """(first word, lemma of the verbal noun) of ``morphology.compound_nouns`` entries."""
        pairs = self.__dict__.get("_compound_pairs")
        if pairs is None:
            pairs = set()
            for entry in self.lexicon.get("morphology.compound_nouns", []) or []:
                words = str(entry).split()
                if len(words) == 2:
                    first = self.normalise_word(words[0])
                    pairs.add((first, self._info(self.normalise_word(words[1])).lemmas[0]))
            pairs = frozenset(pairs)
            self.__dict__["_compound_pairs"] = pairs
        return pairs

    @staticmethod
    def _light_object(tok: Token) -> bool:
        return (
            tok.form == VNOUN
            and tok.pos == NOUN
            and "case" not in tok.feats
            and "voice" not in tok.feats
            and tok.lemma.endswith(("mak", "mek"))
            and tok.lemma not in ("çalışmak", "denemek")
        )

    def _as_noun(self, tok: Token) -> Token:
        info = self._noun(tok.norm)
        return Token(
            tok.text, tok.start, tok.end, tok.norm, info.lemmas[0], frozenset(info.lemmas), NOUN, "", dict(info.feats)
        )

    # -- pipeline steps ----------------------------------------------------------------
    def analyse(self, text: str) -> Analysis:
        an = self._counted_compounds(self._noun_light_verbs(self._light_objects(super().analyse(text))))
        an = self._owner_in_gap(an)
        light = {i for i, t in enumerate(an.tokens) if "light" in t.feats}
        if not light:
            return an
        # The light verb of "buluşma yapmak" is not the weak "yapmak" on its own.
        matches = tuple(
            m
            for m in an.matches
            if not (len(m.tokens) == 1 and m.tokens[0] in light and m.entry == an.tokens[m.tokens[0]].feats["light"])
        )
        predicate, head = self.find_predicate(an.tokens, matches)
        return replace(an, matches=matches, predicate=predicate, head=head)

    def _owner_in_gap(self, an: Analysis) -> Analysis:
        """ "yeni ... geliştirmek" is developing a new thing; with a genitive between ("yeni çalışanların
        becerilerini geliştirmek") the first word describes the owner, and the verb keeps its own sense."""
        drop = [
            m
            for m in an.matches
            if len(m.tokens) == 2
            and m.tokens[1] - m.tokens[0] > 1
            and any(an.tokens[j].feats.get("case") == "gen" for j in range(m.tokens[0] + 1, m.tokens[1]))
        ]
        if not drop:
            return an
        matches = [m for m in an.matches if m not in drop]
        for m in drop:  # what the verb alone means, no longer hidden inside the longer match
            j = m.tokens[-1]
            matches += [replace(own, tokens=(j,)) for own in self.lexicon.match(an.tokens[j : j + 1])]
        matches.sort(key=lambda m: (m.start, m.end))
        predicate, head = self.find_predicate(an.tokens, tuple(matches))
        return replace(an, matches=tuple(matches), predicate=predicate, head=head)

    @staticmethod
    def _counted_compounds(an: Analysis) -> Analysis:
        """ "5 büyüme uzmanı" (5 growth specialists): a bare noun between a count and a possessed noun
        is the first half of a compound the number counts, not a change of size 5."""
        counted = set()
        for q in an.quantities:
            i = q.tokens[-1] + 1
            if q.kind != NUMBER or i + 1 >= len(an.tokens):
                continue
            tok, nxt = an.tokens[i], an.tokens[i + 1]
            if (
                tok.pos == NOUN
                and not tok.is_verb_like
                and not (set(tok.feats) & {"case", "poss", "number"})
                and nxt.feats.get("poss_any") == "3"
                and not nxt.is_verb_like
            ):
                counted.add((i,))
        if not counted:
            return an
        keep = tuple(m for m in an.matches if not (m.tokens in counted and m.concept in _VERB_CONCEPTS))
        return replace(an, matches=keep)

    @staticmethod
    def _noun_light_verbs(an: Analysis) -> Analysis:
        """ "etmek"/"yapmak" alone or after an adjective is weak ("erişilebilir yapmak"); after a
        bare noun it forms a verb of its own ("standardize etmek", "triyaj etmek"), which is not."""
        drop = []
        for m in an.matches:
            i = m.tokens[0]
            if m.concept != "weak_verbs" or len(m.tokens) != 1 or an.tokens[i].lemma not in _NOUN_LIGHT or i == 0:
                continue
            prev = an.tokens[i - 1]
            if (
                prev.is_word
                and prev.pos == NOUN
                and not prev.form
                and not (set(prev.feats) & {"case", "poss"})
                and prev.norm not in _ADJECTIVES
                and not prev.norm.endswith(_ADJ_ENDINGS)
            ):
                drop.append(m)
        if not drop:
            return an
        return replace(an, matches=tuple(m for m in an.matches if m not in drop))

    def _light_objects(self, an: Analysis) -> Analysis:
        """ "takibini yapmak", "lansmanını Q3'te yapmak", "stok sayımı yapmak": a light verb
        takes its meaning from its object noun, also when the object is possessed or in
        the accusative and an adverbial stands between; "X yapmak" reads like "X etmek"."""
        tokens = an.tokens
        in_multi = {i for m in an.matches if len(m.tokens) > 1 for i in m.tokens}
        found: list[Match] = []
        for v, verb in enumerate(tokens):
            if verb.lemma not in LIGHT_VERBS or v in in_multi or "light" in verb.feats:
                continue
            words = 0
            for j in range(v - 1, -1, -1):
                obj = tokens[j]
                if not obj.is_word or obj.pos == NUM:
                    continue
                words += 1
                if words > 3 or (obj.is_verb_like and obj.form != VNOUN):
                    break
                if obj.pos != NOUN or obj.feats.get("case") not in (None, "acc"):
                    if obj.is_verb_like:
                        break
                    continue
                for lemma in ("", "etmek"):
                    pair = (obj, replace(verb, lemma=lemma, lemmas=frozenset({lemma})) if lemma else verb)
                    hits = [m for m in self.lexicon.match(pair) if m.tokens == (0, 1)]
                    found.extend(Match(m.concept, m.entry, obj.start, verb.end, (j, v), m.note) for m in hits)
                    if hits:
                        break
                if (found and found[-1].tokens == (j, v)) or obj.is_verb_like:
                    break
        if not found:
            return an
        spans = [set(m.tokens) for m in found]
        kept = [m for m in an.matches if not any(set(m.tokens) < s for s in spans)]
        matches = tuple(sorted(kept + found, key=lambda m: (m.start, m.end)))
        predicate, head = self.find_predicate(tokens, matches)
        return replace(an, matches=matches, predicate=predicate, head=head)

    def _verb_units(self, tokens: tuple[Token, ...], matches: tuple[Match, ...]) -> list[tuple[int, ...]]:
        # A multiword verb whose verb is a converb ("optimize ederek", "yayına alarak")
        # is a means, never the head.
        # (A note in brackets is left out by find_predicate, as in every language.)
        units = super()._verb_units(tokens, matches)
        return [u for u in units if tokens[u[-1]].form != CONV]

    def find_quantities(self, tokens: tuple[Token, ...], matches: tuple[Match, ...]) -> tuple[Quantity, ...]:
        out = list(super().find_quantities(tokens, matches))
        # "2 katına", "üç kat", "iki misli": a number before "kat" is a multiplier.
        for q in list(out):
            nxt = q.tokens[-1] + 1
            if q.kind == NUMBER and nxt < len(tokens) and tokens[nxt].lemma in MULTIPLIER_NOUNS:
                out.remove(q)
                out.append(Quantity(MULTIPLIER, q.value, q.start, tokens[nxt].end, q.tokens + (nxt,)))
        # "yarıya indirmek", "yarısına düşürmek": halving is a multiplier. "sıfıra
        # indirmek" is a target of zero, while bare "sıfır atık" is a name.
        taken = {i for q in out for i in q.tokens}
        for i, tok in enumerate(tokens):
            if i not in taken and tok.lemma == "yarı" and tok.feats.get("case") == "dat":
                out.append(Quantity(MULTIPLIER, 0.5, tok.start, tok.end, (i,)))
            elif i not in taken and tok.lemma == "sıfır" and tok.feats.get("case"):
                out.append(Quantity(NUMBER, 0.0, tok.start, tok.end, (i,)))
        out.sort(key=lambda q: q.start)
        return tuple(out)

    def _marked(self, tokens: tuple[Token, ...], q: Quantity, side: str, near: bool = False) -> bool:
        """ "X'den" / "Y'ye" on the number or the unit after it, in the right case.

        The shared check reads the ending only; a word ending in -a/-e or -den is
        not a dative or ablative when the analyser knows its case ("%30
        oranında" is a locative, "5 kişiyle" an instrumental).
        """
        if not super()._marked(tokens, q, side, near):
            return False
        want = "abl" if side == "from" else "dat"
        suffixes = tuple(self.lexicon.words(f"baseline.{side}_suffixes"))
        hi = q.tokens[-1]
        units = self.lexicon.words("numbers.scale") | self.lexicon.words("numbers.currency")
        for t in [tokens[hi]] + [t for t in tokens[hi + 1 : hi + 4] if t.is_word][:2]:
            if t.pos == NUM and "'" not in t.norm:
                continue
            case = t.feats.get("case")
            if case is not None:
                return case == want
            word = t.norm.rsplit("'", 1)[-1]
            if any(word == x or word.endswith(x) for x in suffixes):
                return True
            # only "milyon TL'den" carries the case past a word; "$'dan" is split at its apostrophe
            if not (t.lemmas & units) and t.text not in CURRENCY_SYMBOLS:
                return False
        return False

    def _attribute_word(self, tokens, i: int) -> bool:  # type: ignore[no-untyped-def]
        """A number before an "-lı/-lık" adjective of a unit, followed by a noun, names a kind of thing
        ("2 faktörlü kimlik doğrulama", "4 günlük çalışma haftası"), not an amount; except a rating
        ("4,5 yıldızlı puan") and the size of a change ("30 dakikalık azalma")."""
        if i + 2 >= len(tokens):
            return False
        adj, after = tokens[i + 1], tokens[i + 2]
        if not (adj.is_word and after.is_word and after.pos == NOUN) or "'" in adj.norm:
            return False
        ending = next((e for e in _ATTRIBUTE_ENDINGS if adj.norm.endswith(e) and len(adj.norm) > len(e) + 1), None)
        if ending is None:
            return False
        root = adj.norm[: -len(ending)]
        if root not in _ATTRIBUTE_UNITS or (root == "yıldız" and after.lemmas & _RATING_NOUNS):
            return False
        return not (after.lemmas & self.lexicon.words("concepts.change_verbs"))

    def _number_kind(self, tokens, i, suffix, value, word=False):
        # Turkish writes decimals with a comma ("4,5") and groups thousands by three ("1.000"), so a
        # dotted day.month with a case ending or before "tarih"/"kadar" ("30.06'ya kadar") is a date.
        digits, apostrophe, _ = tokens[i].norm.partition("'")
        nxt = _next_word(tokens, i)
        if (
            not word
            and _DAY_MONTH.match(digits)
            and (apostrophe or (nxt is not None and (nxt.lemma in ("tarih", "kadar") or nxt.norm.startswith("tarih"))))
        ):
            return DATE
        kind = super()._number_kind(tokens, i, suffix, value, word)
        nxt = _next_word(tokens, i)
        if (
            kind == NUMBER
            and not word
            and nxt is not None
            and nxt.lemmas & self.lexicon.words("numbers.name_after")
            and not (nxt.norm in _COUNTABLE_RELEASES and tokens[i].norm.isdigit())
        ):
            return NAME  # "1.29 sürümü", "5 numaralı madde"; "50 sürüm" counts releases
        if kind == NUMBER and not word and self._attribute_word(tokens, i):
            return NAME  # "2 faktörlü doğrulama", "3 kademeli fiyatlandırma", "30 günlük elde tutma"
        if (
            kind == NUMBER
            and not word
            and i + 2 < len(tokens)
            and tokens[i + 1].text == "."
            and tokens[i + 1].start == tokens[i].end
            and tokens[i + 2].is_word
            and tokens[i + 2].lemmas & _PLACE_VERBS
        ):
            return RANK  # "sıralamada 1. olmak", "yarışta 3. gelmek": an ordinal place
        if kind == NUMBER and not word and value is not None and value == int(value) and 2000 <= value <= 2100:
            tok = tokens[i]
            digits = tok.norm.split("'")[0]
            if (
                len(digits) == 4
                and digits.isdigit()
                and _is_year_context(tokens, i, suffix, self.dictionary_words)
                and not self._counted_up_to(tokens, i)
            ):
                return YEAR
        return kind


_PLACE_VERBS = frozenset({"olmak", "gelmek", "ol", "gel"})
# A bare "sürüm"/"versiyon" after a whole number counts releases ("50 sürüm yayınlamak");
# "1.29 sürümü", "2.0 sürüm" name one.
_COUNTABLE_RELEASES = frozenset({"sürüm", "versiyon"})
_ATTRIBUTE_ENDINGS = ("lık", "lik", "luk", "lük", "lı", "li", "lu", "lü")
# Units and steps a "N-lık/-lı" adjective measures a thing by: "4 günlük hafta", "2 faktörlü doğrulama".
# Other "-lı" adjectives only describe what is counted ("250 nitelikli müşteri", "10.000 akıllı sayaç").
_ATTRIBUTE_UNITS = frozenset(
    {
        "saniye",
        "dakika",
        "saat",
        "gün",
        "hafta",
        "ay",
        "yıl",
        "faktör",
        "kademe",
        "aşama",
        "adım",
        "katman",
        "seviye",
        "basamak",
        "yıldız",
        "kişi",
        "yatak",
        "oda",
        "şerit",
    }
)
# Nouns a "N yıldızlı" value describes: "4,5 yıldızlı puan" is a target, "5 yıldızlı yorum" a kind.
_RATING_NOUNS = frozenset({"puan", "ortalama", "değerlendirme", "not"})
_CIRCUMFLEX = str.maketrans({"â": "a", "î": "i", "û": "u"})


def _known_possessor(tok: Token, known: frozenset[str]) -> bool:
    """ "hedefi" is hedef + i: a known word with a possessive vowel after it ("kullanıcı" is not kullanıc + ı)."""
    return any(lem in known and tok.lemma.startswith(lem) and 0 < len(tok.lemma) - len(lem) <= 2 for lem in tok.lemmas)


def _is_year_context(tokens, i: int, suffix: str, known: frozenset[str] = frozenset()) -> bool:
    """ "2026'da", "2026 hedefi", a text that opens with "2026": a year, not a count. A word that
    only looks possessed ("katılımcı", "kullanıcı": agent nouns in -CI) is counted ("2000
    katılımcı"): the possessive must be certain, or leave a known word ("hedef-i")."""
    if suffix.startswith("'") and suffix[1:].rstrip("ki") in (
        "da",
        "de",
        "ta",
        "te",
        "nın",
        "nin",
        "ın",
        "in",
        "a",
        "e",
        "ya",
        "ye",
        "dan",
        "den",
        "tan",
        "ten",
    ):
        return True
    nxt = _next_word(tokens, i)
    if i == 0:
        # "2000 kullanıcıya ulaşmak", "2000 katılımcıyı ağırlamak": an opening bare number before a
        # noun in the dative or accusative (the verb's object) is what it counts
        return not (
            not suffix
            and nxt is not None
            and nxt.pos == NOUN
            and nxt.norm.isalpha()
            and nxt.feats.get("case") in ("dat", "acc")
            and nxt.feats.get("poss") != "3"
            and not (known and _known_possessor(nxt, known))
        )
    if nxt is None:
        return False
    j = tokens.index(nxt)
    for t in tokens[j : j + 3]:
        if t.is_word and (
            t.feats.get("poss") == "3" or (t.feats.get("poss_any") == "3" and (not known or _known_possessor(t, known)))
        ):
            return True
    return False


def _suffix_feats(suffix: str) -> dict[str, str]:
    s = suffix.removesuffix("ki")
    for pat, case in (
        (r"(n?d[ae]n|n?t[ae]n)", "abl"),
        (r"(n?d[ae]|n?t[ae])", "loc"),
        (r"(n?[ıiuü]n)", "gen"),
        (r"(y?l[ae])", "ins"),
        (r"([yn]?[ae])", "dat"),
        (r"([yn]?[ıiuü])", "acc"),
    ):
        if re.fullmatch(r"(l[ae]r)?(s?[ıiuü])?" + pat, s):
            return {"case": case}
    return {}


def _number_forms() -> dict[str, tuple[str, dict]]:
    """Inflected number words ("ikiye", "dörde", "beşten") → (number word, case)."""
    out: dict[str, tuple[str, dict]] = {}
    for word in NUMBER_WORDS:
        out[word] = (word, {})
        if word in _NO_INFLECTION:
            continue
        for tmpl, case in _CASES.items():
            base = word
            if word.endswith("t") and (tmpl[0] in "AI" or (tmpl.startswith("(") and tmpl[3:4] in "AI")):
                base = word[:-1] + "d"  # dört → dörde
            out[realise(base, tmpl)] = (word, {"case": case})
    return out


# -- nouns -----------------------------------------------------------------------------

_H_I = "ıiuü"


def _variants(pattern: str) -> tuple[str, ...]:
    """Every surface of a suffix written with A (a/e), I (ı/i/u/ü) and D (d/t)."""
    out = [""]
    for ch in pattern:
        opts = {"A": "ae", "I": _H_I, "D": "dt"}.get(ch, ch)
        out = [o + c for o in out for c in opts]
    return tuple(out)


# (surfaces, case, needs: "v" after a vowel, "c" after a consonant, "p" after a possessive, "" any)
_CASE_SUFFIXES = tuple(
    (frozenset(_variants(p)), case, need)
    for p, case, need in (
        ("nI", "acc", "p"),
        ("yI", "acc", "v"),
        ("I", "acc", "c"),
        ("nA", "dat", "p"),
        ("yA", "dat", "v"),
        ("A", "dat", "c"),
        ("ndAn", "abl", "p"),
        ("DAn", "abl", ""),
        ("ndA", "loc", "p"),
        ("DA", "loc", ""),
        ("nIn", "gen", "v"),
        ("In", "gen", "c"),
        ("ylA", "ins", "v"),
        ("lA", "ins", "c"),
    )
)
_POSS_SUFFIXES = tuple(
    (frozenset(_variants(p)), person, need)
    for p, person, need in (
        ("sI", "3", "v"),
        ("I", "3", "c"),
        ("lArI", "3", ""),
        ("mIz", "1", "v"),
        ("ImIz", "1", "c"),
    )
)


def _index(table) -> tuple[tuple[int, dict[str, list[tuple[str, str]]]], ...]:
    by_size: dict[int, dict[str, list[tuple[str, str]]]] = {}
    for surfaces, value, need in table:
        for x in surfaces:
            by_size.setdefault(len(x), {}).setdefault(x, []).append((value, need))
    return tuple(sorted(by_size.items()))


_CASE_INDEX = _index(_CASE_SUFFIXES)
_POSS_INDEX = _index(_POSS_SUFFIXES)


def _strip(word: str, index) -> list[tuple[str, str, str, str]]:
    """(stem, suffix, value, need) for every suffix of ``index`` that ends ``word``."""
    out = []
    n = len(word)
    for size, surfaces in index:
        if n > size:
            hits = surfaces.get(word[-size:])
            if hits:
                out.extend((word[:-size], word[-size:], value, need) for value, need in hits)
    return out


def _d_agrees(stem: str, suffix: str) -> bool:
    """-DA/-DAn: t after a voiceless consonant, d elsewhere."""
    d = suffix.lstrip("n")[:1]
    return d == ("t" if stem[-1] in VOICELESS else "d")


def _harmonises(stem: str, suffix: str) -> bool:
    vs = [ch for ch in suffix if ch in VOWELS]
    if not vs:
        return True
    v = vs[0]
    if v in "ae":
        return harmony_a(stem) == v
    return harmony_i(stem) == v


@lru_cache(maxsize=20000)
def noun_parses(w: str) -> tuple[tuple[str, dict, bool, int], ...]:
    """Readings of ``w`` as stem + (plural) + (possessive) + (case) (+ ki), outermost stripped first."""
    out: list[tuple[str, dict, bool, int]] = []
    starts = [(w, {}, True, 0)]
    if w.endswith("ki") and len(w) > 5 and w[-4:-2] in ("da", "de", "ta", "te"):
        starts.append((w[:-2], {"ki": "1"}, True, 1))
    for word, base_feats, _, base_depth in starts:
        # case layer (optional)
        case_opts = [(word, {}, True, 0, False)]
        for stem, suffix, case, need in () if word in KNOWN_NOUNS else _strip(word, _CASE_INDEX):
            if len(stem) < 2 or not any(ch in VOWELS for ch in stem) or not _harmonises(stem, suffix):
                continue
            if need == "v" and stem[-1] not in VOWELS:
                continue
            if need == "c" and stem[-1] in VOWELS:
                continue
            if need == "p" and stem[-1] not in _H_I:
                continue
            if case in ("loc", "abl") and not _d_agrees(stem, suffix):
                continue  # "kalite" is not kali + te
            if stem[-1] in VOWELS and len(stem) < 4 and need == "":
                continue  # "gıda", "iade", "oda"
            lone = need == "c" and (len(suffix) == 1 or case in ("gen", "ins"))
            # "-nIn" after a high vowel may follow a possessive ("değişiminin").
            licensed = need == "p" or (case == "gen" and stem[-1] in _H_I)
            case_opts.append((stem, {"case": case}, not lone, 1, need == "p", licensed))
        for opt in case_opts:
            stem1, f1, safe1, d1, needs_poss = opt[:5]
            licensed = opt[5] if len(opt) > 5 else False
            # possessive layer
            poss_opts = [] if needs_poss else [(stem1, {}, True, 0)]
            for stem, suffix, person, need in () if stem1 in KNOWN_NOUNS else _strip(stem1, _POSS_INDEX):
                if len(stem) < 2 or not any(ch in VOWELS for ch in stem) or not _harmonises(stem, suffix):
                    continue
                if need == "v" and stem[-1] not in VOWELS:
                    continue
                if need == "c" and stem[-1] in VOWELS:
                    continue
                lone = need == "c" and len(suffix) == 1 and not licensed
                poss_opts.append((stem, {"poss": person}, not lone, 1))
            if needs_poss:
                # the pronominal n may also follow a stem-final vowel we did not strip
                poss_opts.append((stem1, {"poss": "3"}, True, 0))
            for stem2, f2, safe2, d2 in poss_opts:
                # "-In" after a possessive is safe: müşterilerimizin = müşteri+ler+imiz+in.
                safe1_eff = safe1 or (d2 > 0 and safe2 and stem2 != stem1 and len(stem1) - len(stem2) > 1)
                pl_opts = [(stem2, {}, 0)]
                if stem2[-3:] in ("lar", "ler") and len(stem2) - 3 >= 2 and _harmonises(stem2[:-3], stem2[-3:]):
                    pl_opts.append((stem2[:-3], {"number": "pl"}, 1))
                for stem3, f3, d3 in pl_opts:
                    depth = base_depth + d1 + d2 + d3
                    if depth == 0:
                        continue
                    feats = {**base_feats, **f3, **f2, **f1}
                    vowel_suffix = stem3 != w and w[len(stem3) : len(stem3) + 1] in VOWELS
                    if vowel_suffix:
                        feats["_vowel"] = True
                    safe = (safe1_eff or (d3 and d2 == 0 and stem2 == stem1 and not safe1 and False)) and safe2
                    if not safe1 and d3 and d2 == 0:
                        safe = safe2  # "-lArIn", "-lArA": the plural licenses the case
                    out.append((stem3, feats, safe, depth))
    return tuple(out)


def _alternation_variants(stem: str, vowel_suffix: bool) -> list[str]:
    """k/ğ, p/b, ç/c, t/d, nk/ng: the dictionary form first when the change is certain."""
    if not vowel_suffix or len(stem) < 2:
        return [stem]
    last = stem[-1]
    syllables = sum(ch in VOWELS for ch in stem)
    if last == "ğ":
        alt = stem[:-1] + "k"
        return [alt, stem] if syllables > 1 else [stem, alt]
    if last == "g" and stem[-2] == "n":
        return [stem, stem[:-1] + "k"]
    if last in "bcd":
        return [stem, stem[:-1] + {"b": "p", "c": "ç", "d": "t"}[last]]
    return [stem]


__all__ = ["TurkishAnalyser", "match_ending", "noun_parses", "realise"]
