"""Uzbek analyser: Latin (Cyrillic transliterated), a root lexicon and a suffix stripper.

No Uzbek package fits (uzbek-morph does not import on Python 3.11, none reads
Cyrillic, none knows the -ish verbal noun), so this module carries its own:

* ``normalise_word``: NFC, apostrophe variants folded to ``'`` (o' oʻ o` o’),
  Cyrillic transliterated, the 2026 Latin letters (ō/ö ḡ/ğ ş ç) mapped back to
  o' g' sh ch, lower case.
* ``analyse_word``: right-to-left suffix stripping. A verb is a known root (or a
  stem ending in a verbalising suffix such as -lashtir) followed by voice
  (passive -il/-l/-in/-n, a generic causative), optional negation -ma and one
  inflection: verbal noun -(i)sh + plural/possessive/case, infinitive -moq,
  finite -(a/y)miz, -moqda…, -di(k), -yap…, imperative -(i)ng(iz), bare stem,
  -(a)ylik, converb -(i)b/-gach/-sa, participles -gan/-(a/y)digan/-(a)yotgan.
  The lemma is the stem with causatives kept ("oshir" ≠ "osh") and the passive
  removed ("oshirilishi" → "oshir", second lemma "oshiril").
  Agent nouns (-uvchi) and -uv nouns are nouns, not verb forms.
  Nouns lose -lar, possessives (-i/-si, -imiz/-miz, -ingiz/-ngiz) and cases
  (-ni -ning -ga/-ka/-qa -da -dan -gacha -dagi).
* ``disambiguate``: "bir" is the article "a" unless a counter follows it
  ("bir ta", "bir nafar", "bir million", "bir foiz", "bir soat"); then it is the
  number one (lemma "bitta"). Periods ("bir oy", "bir yil") stay articles: they
  are durations, not targets. A converb followed by an auxiliary
  ("tayyorlab berish", "o'rganib chiqish") hands the verb form to the converb,
  whose lemma carries the meaning; "-ib ko'rmoq" (attempt) marks the auxiliary
  with ``aux=attempt`` for the hedging lexicon.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from . import normalize as nz
from .base import Analyser, WordInfo
from .types import (
    ACTION_CONCEPTS,
    ADJ,
    CONV,
    FIN,
    IMP,
    INF,
    NOUN,
    NUM,
    PART_FORM,
    VERB,
    VNOUN,
    Analysis,
    Match,
    Quantity,
    Token,
    X,
)

# -- roots -------------------------------------------------------------------
# Verb stems (dictionary form minus -moq). Causatives that are separate verbs
# are roots of their own ("osh" grow / "oshir" raise).
_ROOTS = """
qil et bo'l ol ber ko'r kel ket kir kirit chiq chiqar o't o'tkaz tur turg'iz yur bor qo'y qol qoldir
tush tushir yet yetkaz erish ishla ishlat tashla ajrat ajral buyur sol sana o'yla bil bildir eshit
osh oshir ko'tar ko'pay ko'paytir kamay kamaytir qisqar qisqartir pasay pasaytir kengay kengaytir
o's o'stir ort orttir yuksal yuksaltir kuchay kuchaytir tezlash tezlashtir sekinlash sekinlashtir
yaxshila takomillash takomillashtir optimallash optimallashtir mustahkamla rivojlan rivojlantir
kichray kichraytir arzonla arzonlashtir soddalashtir yengillashtir jadallashtir faollashtir faollash
barqarorlashtir normallashtir standartlashtir avtomatlashtir raqamlashtir modernizatsiyala ikkilantir
tikla o'zgar o'zgartir almash almashtir yangila uzaytir chegarala
aylan aylantir yut yutqaz ishon ishontir saqla ushla to'pla yig' qozon top topshir jamla
qaytar qayt sot to'la foydalan qo'lla qo'llab-quvvatla quvvatla maqta
yarat tuz qur o'rnat sozla tayyorla uyushtir o'rgat o'rgan o'qit o'qi tekshir o'lcha
hisobla rejala rejalashtir tasdiqla imzola yubor jo'nat tarqat joyla joylashtir yoz chiz chop
o'chir tuzat ta'mirla tozala sina yolla moslash moslashtir bahola so'ra ayt tushuntir tushun chaqir
uchrash suhbatlash tanish tanishtir tani kut kuzat boshqar ta'minla belgila aniqla izla qidir
ko'rsat yop och ula birlash birlashtir ko'chir tugat tuga yakunla tamomla bajar boshla
to'xtat kes bo'shat davola emla parvarishla bitir o'zlashtir yotqiz asfaltla yorit
obodonlashtir ko'kalamzorlashtir tashi yukla taqsimla undir teja sarfla moliyala qopla ek o'g'itla sug'or
zaxirala shifrla xabarla intil urin tirish ko'zla mo'ljalla qatnash
tasnifla ro'yxatla kirgiz tugalla tarbiyala shakllan shakllantir kafolatla bog'la
sug'urtala litsenziyala sertifikatla ijarala kreditla taqiqla chekla qo'shil qo'sh sayla
hujjatla hujjatlashtir loyihala dasturla testla postla integratsiyala qamra tayinla tahrirla nishonla
qarat sog' asra yech uzat kelish tort sep ter bo'ya yo'qot tik pishir quy to'xta yurit o'yna yuv
"""
ROOTS: frozenset[str] = frozenset(_ROOTS.split())

# Stems that are also everyday nouns or adjectives: their bare form is not an
# imperative ("yoz" summer, "tur" type, "bor" there is, "top" in "top 5" …).
_NOUN_FIRST = frozenset(
    """
yoz tur bor o't qo'y kir och tush osh ot soz et ol tuz top to'la yut ek qol ko'r kel yet sol tani ula
ber qur kut bil tashi sot sana chop bitir kes qopla yop
""".split()
)

# Endings that make a stem a verb even when the root is unknown.
_VERBALISERS = ("lashtir", "lantir", "llashtir", "lash", "lan", "la", "tir", "dir", "ytir", "kaz", "giz")

# Known words that must not lose their last letters to the noun stripper.
_KNOWN_NOUNS = frozenset(
    """
foyda savdo daraja ilova g'oya liga yoga kompaniya xizmat tizim xodim bo'lim bilim yechim ta'lim hokim
qism muhim doim kirim chiqim hajm daromad xarajat mijoz bozor sifat narx ulush soni son vaqt muddat
hisobot reja maqola post video vebinar trening tadbir kampaniya sayt sahifa kanal obunachi foydalanuvchi
sotuvchi xaridor o'quvchi o'qituvchi ishchi dasturchi mutaxassis menejer rahbar jamoa bank kassa
aksiya tarif konversiya trafik lid diler hamkor shartnoma bitim buyurtma tovar mahsulot ombor zaxira
kun oy yil hafta chorak soat daqiqa soniya so'm dollar foiz marta baravar nafar ta dona o'rin qator
top lider yetakchi bemor shifokor kasalxona maktab o'quv talaba hokimiyat mahalla fermer hosil
gektar tonna yuk reys haydovchi kredit depozit to'lov qarz soliq server xato xatolik ilova dastur
tashrif tashriflar so'rov murojaat javob shikoyat reyting baho ball imtihon dars kurs sertifikat
qo'ng'iroq uchrashuv sotuv harakat maqsad jalb natija samaradorlik sadoqat qoniqish
ishonch jarayon tajriba yo'nalish yig'ilish sinergiya paradigma ekotizim platforma segment brend
""".split()
)

_ADJECTIVES = frozenset(
    """
qulay tez oson arzon sodda yaxshi ko'p kam yuqori past katta kichik qisqa uzoq yaqin kuchli aniq
samarali tushunarli ishonchli xavfsiz barqaror foydali sifatli ochiq shaffof tejamkor yengil
bepul onlayn elektron ommabop mashhur toza erkin mustaqil inklyuziv ixcham mos
""".split()
)

NUMBER_WORDS = {
    "ikki": 2,
    "uch": 3,
    "to'rt": 4,
    "besh": 5,
    "olti": 6,
    "yetti": 7,
    "sakkiz": 8,
    "to'qqiz": 9,
    "o'n": 10,
    "yigirma": 20,
    "o'ttiz": 30,
    "qirq": 40,
    "ellik": 50,
    "oltmish": 60,
    "yetmish": 70,
    "sakson": 80,
    "to'qson": 90,
    "yuz": 100,
    "bitta": 1,
    "ikkita": 2,
}
# Counted forms glue "ta" (and "ov"/"ala" collectives) to the number word: "uchta", "ikkita", "bitta".
_COUNTER_TAILS = ("tagacha", "tadan", "taga", "tasi", "tani", "ta", "ovi", "ovlon", "ala", "ov")
# Words after which "bir" is the number one, not the article.
_BIR_COUNTERS = frozenset(
    """
ta nafar dona marta baravar barobar hissa foiz million milliard mln mlrd ming yuz soat daqiqa soniya
""".split()
)
# Auxiliaries after an -ib converb: the converb carries the meaning.
_AUX = frozenset("ber chiq ol qo'y tur qol bor yubor ket o'tir kel tashla".split())

# Light verbs: weak alone ("qilish" = make), a verb of their own after a bare noun.
_LIGHT = frozenset({"qil", "et"})
# Adjective endings: "samarali qilish", "bepulroq qilish" stay weak.
_ADJ_ENDINGS = ("li", "siz", "roq", "iy", "viy", "dor", "simon", "chan", "ona", "cha", "ik")

_VOWELS = set("aeiou")
_NEW_LATIN = str.maketrans({"ö": "o'", "ō": "o'", "ğ": "g'", "ḡ": "g'", "ǵ": "g'", "ş": "sh", "ç": "ch"})

_CASES = (
    ("gacha", "term"),
    ("dagi", "loc"),
    ("ning", "gen"),
    ("dan", "abl"),
    ("ga", "dat"),
    ("ka", "dat"),
    ("qa", "dat"),
    ("ni", "acc"),
    ("da", "loc"),
)
_POSS_AFTER_C = (("imiz", "1pl"), ("ingiz", "2pl"), ("i", "3"))
_POSS_AFTER_V = (("miz", "1pl"), ("ngiz", "2pl"), ("si", "3"))
_POSS_VERBAL = _POSS_AFTER_C + (("im", "1sg"), ("ing", "2sg"))
_POSS_VERBAL_V = _POSS_AFTER_V + (("m", "1sg"), ("ng", "2sg"))
_PERSON = {
    "man": ("1", "sg"),
    "san": ("2", "sg"),
    "miz": ("1", "pl"),
    "siz": ("2", "pl"),
    "di": ("3", ""),
    "dilar": ("3", "pl"),
    "sizlar": ("2", "pl"),
    "": ("3", ""),
}
_PAST = {
    "di": ("3", ""),
    "dim": ("1", "sg"),
    "ding": ("2", "sg"),
    "dik": ("1", "pl"),
    "dingiz": ("2", "pl"),
    "dilar": ("3", "pl"),
}
_PROG = {
    "man": ("1", "sg"),
    "san": ("2", "sg"),
    "ti": ("3", ""),
    "miz": ("1", "pl"),
    "siz": ("2", "pl"),
    "tilar": ("3", "pl"),
}

_TOP_RE = re.compile(r"^top-?\d+$")


def _is_vowel_final(stem: str) -> bool:
    return bool(stem) and stem[-1] in _VOWELS


def _has_vowel(s: str) -> bool:
    return any(ch in _VOWELS for ch in s)


class UzbekAnalyser(Analyser):
    language = "uz"

    # -- normalisation ------------------------------------------------------
    def normalise_word(self, surface: str) -> str:
        text = unicodedata.normalize("NFC", surface)
        if nz.has_cyrillic(text):
            text = nz.uz_cyrillic_to_latin(text)
        text = nz.fold_apostrophes(text)
        text = text.lower().translate(_NEW_LATIN).replace("''", "'")
        # "g'" typed as "gʻ" or "g`" is folded above; a "g" before "ʼ" is the same letter.
        return text

    # -- words --------------------------------------------------------------
    def analyse_word(self, norm: str) -> WordInfo:
        info = self._analyse_plain(norm)
        if "'" not in norm and ("o" in norm or "g" in norm) and not self._recognised(norm, info):
            # Web text often drops the apostrophe of o' and g' ("kopaytirish", "qongiroq"):
            # restore it where that yields a known verb root, noun or number word.
            restored = self._restore_apostrophes(norm)
            if restored is not None:
                return restored
        return info

    def _recognised(self, norm: str, info: WordInfo) -> bool:
        if info.feats.get("num") or info.feats.get("rank"):
            return True
        if info.form:
            return _known_stem(info.lemmas[0])
        return info.lemmas[0] in _KNOWN_NOUNS or info.lemmas[0] in self._known

    def _restore_apostrophes(self, norm: str) -> WordInfo | None:
        slots = [i for i, ch in enumerate(norm) if ch in "og" and i + 1 < len(norm)]
        if not slots or len(slots) > 6:
            return None
        combos = [(i,) for i in slots] + [(i, j) for n, i in enumerate(slots) for j in slots[n + 1 :]]
        for combo in combos:
            cand = "".join(ch + ("'" if i in combo else "") for i, ch in enumerate(norm))
            info = self._analyse_plain(cand)
            if self._recognised(cand, info) and (
                info.form or info.feats.get("num") or info.lemmas[0] in _KNOWN_NOUNS or info.lemmas[0] in self._known
            ):
                return info
        return None

    def _analyse_plain(self, norm: str) -> WordInfo:
        if _TOP_RE.match(norm):
            return WordInfo(("top",), NOUN, "", {"rank": "yes"})
        number = self._number_word(norm)
        if number is not None:
            return number
        verb = self._verb(norm)
        if verb is not None and not (norm in _NOUN_FIRST and verb.form == IMP):
            # A lexicalised noun wins over a verb reading ("yo'nalishlari", "qoniqishi").
            if any(norm[:k] in _KNOWN_NOUNS or norm[:k] in self._known for k in range(3, len(norm) + 1)):
                noun = self._noun(norm)
                if (
                    noun is not None
                    and noun.lemmas[0] in _KNOWN_NOUNS | self._known
                    and noun.lemmas[0] != verb.lemmas[0]
                ):
                    return noun
            return verb
        return self._noun(norm) or WordInfo((norm,), NOUN)

    def _number_word(self, norm: str) -> WordInfo | None:
        if norm in NUMBER_WORDS:
            return WordInfo((norm,), X, "", {"num": "card"})
        for tail in _COUNTER_TAILS:
            if norm.endswith(tail) and norm[: -len(tail)] in NUMBER_WORDS:
                base = norm[: -len(tail)]
                return WordInfo((base, norm), X, "", {"num": "card", "counter": tail})
        for case, _ in _CASES:
            if norm.endswith(case) and norm[: -len(case)] in NUMBER_WORDS:
                return WordInfo((norm[: -len(case)],), X, "", {"num": "card"})
        return None

    # -- verbs --------------------------------------------------------------
    def _verb(self, word: str) -> WordInfo | None:
        for k in range(len(word), 1, -1):
            stem = word[:k]
            if stem in ROOTS:
                info = self._verb_tail(stem, word[k:], known=True)
                if info is not None:
                    return info
        # Unknown root with a verbalising ending ("raqamlashtirish", "kompyuterlashtirildi").
        for k in range(len(word) - 1, 3, -1):
            stem = word[:k]
            if stem.endswith(_VERBALISERS) and len(stem) >= 5:
                info = self._verb_tail(stem, word[k:], known=False)
                if info is not None:
                    return info
        # Unknown consonant-final root with the unmistakable -ish / -moq.
        m = re.match(r"^(.{3,}?[^aeiou'])(ish|moq)(.*)$", word)
        if m and _has_vowel(m.group(1)):
            info = self._verb_tail(m.group(1), word[len(m.group(1)) :], known=False)
            if info is not None and info.form in (VNOUN, INF):
                return info
        return None

    def _verb_tail(self, stem: str, rest: str, known: bool) -> WordInfo | None:
        """Parse ``rest`` as voice + inflection after ``stem``."""
        voiced = stem
        lemmas = [stem]
        feats: dict[str, str] = {}
        # Voice: a generic causative, then the passive.
        for caus in ("tir", "dir", "giz", "kaz", "t"):
            if rest.startswith(caus) and (caus != "t" or _is_vowel_final(stem)) and len(rest) > len(caus):
                if self._inflection(stem + caus, rest[len(caus) :]) is not None:
                    voiced = stem + caus
                    lemmas = [voiced]
                    rest = rest[len(caus) :]
                    break
        for pas in self._passives(voiced):
            if rest.startswith(pas) and len(rest) > len(pas):
                inf = self._inflection(voiced + pas, rest[len(pas) :])
                if inf is not None:
                    feats["voice"] = "pass"
                    lemmas.append(voiced + pas)
                    return self._finish(lemmas, inf, feats)
        inf = self._inflection(voiced, rest)
        if inf is None:
            return None
        if inf[0] == IMP and rest == "" and not known:
            return None
        return self._finish(lemmas, inf, feats)

    @staticmethod
    def _passives(stem: str) -> tuple[str, ...]:
        if _is_vowel_final(stem):
            return ("l", "n")
        if stem.endswith("l"):
            return ("in",)
        return ("il",)

    @staticmethod
    def _finish(lemmas: list[str], inf: tuple[str, str, dict[str, str]], feats: dict[str, str]) -> WordInfo:
        form, pos, extra = inf
        if extra.get("polarity") == "neg":
            # A negated verb is not its positive ("oshmasligi" = not exceed ≠ "oshish" = grow).
            lemmas = [lemma + "ma" for lemma in lemmas]
        return WordInfo(tuple(dict.fromkeys(lemmas)), pos, form, {**feats, **extra})

    def _inflection(self, stem: str, rest: str) -> tuple[str, str, dict[str, str]] | None:
        """(form, pos, feats) of an inflection ``rest`` after ``stem``, or None."""
        v = _is_vowel_final(stem)
        if rest.startswith("ma") and len(rest) > 2:
            if rest in ("maslik", "may", "masdan", "masdan", "masa"):
                form = VNOUN if rest == "maslik" else CONV
                return form, NOUN if form == VNOUN else VERB, {"polarity": "neg"}
            for neg_noun in ("maslik", "maslig"):
                if rest.startswith(neg_noun) and len(rest) > 6 and _noun_tail(rest[6:], "k") is not None:
                    return VNOUN, NOUN, {"polarity": "neg", **_noun_tail(rest[6:], "k")}
            neg = self._inflection(stem + "ma", rest[2:])
            if neg is not None:
                return neg[0], neg[1], {**neg[2], "polarity": "neg"}
        if rest == "":
            return IMP, VERB, {"person": "2", "number": "sg"}
        # Verbal noun -(i)sh + plural/possessive/case.
        vn = "sh" if v else "ish"
        if rest.startswith(vn):
            tail = _noun_tail(rest[len(vn) :], "h", verbal=True)
            if tail is not None:
                return VNOUN, NOUN, tail
        # Infinitive and the -moq- finite forms.
        if rest == "moq":
            return INF, VERB, {}
        if rest.startswith("moq"):
            t = rest[3:]
            if t.startswith("da") and t[2:] in _PERSON:
                person, number = _PERSON[t[2:]] if t[2:] else ("3", "")
                return FIN, VERB, _pn(person, number, tense="prog")
            if t.startswith("chi") and t[3:] in _PERSON:
                person, number = _PERSON[t[3:]] if t[3:] else ("3", "")
                return FIN, VERB, _pn(person, number, mood="intent")
            tail = _noun_tail(t, "q")
            if tail is not None:
                return INF, VERB, tail
        # Present-future -(a/y)man …
        pres = "y" if v else "a"
        if rest.startswith(pres) and rest[1:] in _PERSON and rest[1:]:
            person, number = _PERSON[rest[1:]]
            return FIN, VERB, _pn(person, number, tense="pres")
        # Past -di(k) …
        if rest in _PAST:
            person, number = _PAST[rest]
            return FIN, VERB, _pn(person, number, tense="past")
        # Progressive -(a)yap…
        for prog in ("yap",) if v else ("yap", "ayap"):
            if rest.startswith(prog) and rest[len(prog) :] in _PROG:
                person, number = _PROG[rest[len(prog) :]]
                return FIN, VERB, _pn(person, number, tense="prog")
        # Imperatives.
        imp = {
            ("ng" if v else "ing"): "2",
            ("ngiz" if v else "ingiz"): "2",
            "sin": "3",
            "sinlar": "3",
            ("ylik" if v else "aylik"): "1",
            ("y" if v else "ay"): "1",
        }
        if rest in imp:
            return IMP, VERB, {"person": imp[rest]}
        # Converbs.
        if (
            rest == ("b" if v else "ib")
            or rest in ("gach", "kach", "qach", "guncha", "kuncha", "quncha")
            or rest in ("ibdi",)
            or (rest.startswith("sa") and rest[2:] in ("", "m", "ng", "k", "ngiz", "lar"))
        ):
            return CONV, VERB, {}
        # Participles.
        for part in ("gan", "kan", "qan", ("ydigan" if v else "adigan"), ("yotgan" if v else "ayotgan")):
            if part == "kan" and not stem.endswith("k"):
                continue
            if part == "qan" and not stem.endswith("q"):
                continue
            if rest.startswith(part):
                t = rest[len(part) :]
                if t.startswith("lik"):
                    return "", NOUN, {}
                if t in ("man", "san", "miz", "siz"):
                    person, number = _PERSON[t]
                    return FIN, VERB, _pn(person, number, tense="past")
                tail = _noun_tail(t, "n", verbal=True)
                if tail is not None:
                    return PART_FORM, VERB, tail
        return None

    # -- nouns --------------------------------------------------------------
    def _noun(self, word: str) -> WordInfo | None:
        parses = _noun_parses(word)
        if not parses:
            return None
        known = [p for p in parses if p[0] in _KNOWN_NOUNS or p[0] in self._known]
        stem, feats = known[0] if known else _best_guess(parses)
        lemmas = [stem] + [p[0] for p in known if p[0] != stem] + [word]
        pos = NOUN
        base = _comparative(stem)
        if base is not None:
            lemmas.insert(0, base)
            pos = ADJ
            feats = {**feats, "degree": "cmp"}
        elif stem.endswith("siz") and len(stem) > 5:
            # Privative "-siz" (without): "uzilishlarsiz" = without downtime, a manner word that
            # may stand between a verb and its dative ("yangi tizimga uzilishlarsiz o'tkazish").
            feats = {**feats, "priv": "yes"}
        return WordInfo(tuple(dict.fromkeys(lemmas)), pos, "", feats)

    @property
    def _known(self) -> frozenset[str]:
        """Nouns whose last letters look like suffixes: built-in plus ``morphology.nouns``."""
        known = self.__dict__.get("_known_words")
        if known is None:
            extra = self.lexicon.get("morphology.nouns", []) or []
            known = frozenset(self.normalise_word(str(w)) for w in extra)
            self.__dict__["_known_words"] = known
        return known

    # -- context ------------------------------------------------------------
    def analyse(self, text: str) -> Analysis:
        an = super().analyse(text)
        # The light verb alone is weak ("tushunarliroq qilish" = make clearer), but after a
        # bare noun it forms a verb of its own ("segmentatsiya qilish", "rekonstruksiya
        # qilish" = segment, rebuild): that verb names no "make", so it is not weak.
        drop = [
            m
            for m in an.matches
            if m.concept == "weak_verbs"
            and len(m.tokens) == 1
            and an.tokens[m.tokens[0]].lemma in _LIGHT
            and self._noun_before(an.tokens, m.tokens[0])
        ]
        # A verbal noun that modifies the next noun ("emlash kampaniyasi" = vaccination campaign,
        # "xizmat ko'rsatish sifati") names a kind of thing, not an act the text performs.
        drop += [
            m
            for m in an.matches
            if m.concept in ACTION_CONCEPTS and an.tokens[m.tokens[-1]].feats.get("modifier") == "yes"
        ]
        # An action noun that qualifies a possessed noun is part of a name ("qishloq taraqqiyoti
        # loyihalari" = rural development projects), not the action itself.
        drop += [m for m in an.matches if m.concept == "action_nouns" and self._qualifies(an.tokens, m.tokens[-1])]
        # A plural or possessed hedge is a thing counted ("kirish urinishlari" = login attempts).
        drop += [
            m
            for m in an.matches
            if m.concept == "hedging"
            and len(m.tokens) == 1
            and an.tokens[m.tokens[0]].form == VNOUN
            and an.tokens[m.tokens[0]].feats.get("number") == "pl"
        ]
        if not drop:
            return an
        return replace(an, matches=tuple(m for m in an.matches if m not in drop))

    def find_quantities(self, tokens: tuple[Token, ...], matches: tuple[Match, ...]) -> tuple[Quantity, ...]:
        # A one-word multiplier noun ("yarmiga" = to half) is a target only in the dative:
        # "yilning birinchi yarmida" is a time.
        matches = tuple(
            m
            for m in matches
            if not (
                m.concept == "multipliers"
                and len(m.tokens) == 1
                and tokens[m.tokens[0]].pos == NOUN
                and not tokens[m.tokens[0]].form
                and tokens[m.tokens[0]].feats.get("case") not in ("dat", "term")
            )
        )
        out = super().find_quantities(tokens, matches)
        # Bare "nol" before an adjective names a kind ("nol chiqindili" = zero-waste); "nolga" is a target.
        return tuple(
            q
            for q in out
            if not (
                len(q.tokens) == 1
                and tokens[q.tokens[0]].norm == "nol"
                and q.tokens[0] + 1 < len(tokens)
                and tokens[q.tokens[0] + 1].norm.endswith(("li", "siz"))
            )
        )

    @staticmethod
    def _qualifies(tokens: tuple[Token, ...], i: int) -> bool:
        nxt = next((j for j in range(i + 1, len(tokens)) if tokens[j].is_word or tokens[j].pos == "NUM"), None)
        if nxt is None or _punct_between(list(tokens), i, nxt):
            return False
        t = tokens[nxt]
        return t.pos == NOUN and not t.form and _possessed(t) and tokens[i].feats.get("case") in (None, "gen")

    @staticmethod
    def _noun_before(tokens: tuple[Token, ...], i: int) -> bool:
        if i == 0 or not tokens[i - 1].is_word:
            return False
        prev = tokens[i - 1]
        return (
            prev.pos == NOUN
            and not prev.form
            and not prev.feats
            and prev.norm not in _ADJECTIVES
            and not prev.norm.endswith(_ADJ_ENDINGS)
            and prev.norm not in NUMBER_WORDS
        )

    def disambiguate(self, tokens: list[Token]) -> list[Token]:
        out = list(tokens)
        words = [i for i, t in enumerate(out) if t.is_word]
        for a, b in zip(words, words[1:]):
            ta, tb = out[a], out[b]
            if ta.norm == "bir" and (
                tb.lemmas & _BIR_COUNTERS or tb.norm in _BIR_COUNTERS or _target_after_from(out, words, a, tb)
            ):
                out[a] = _retoken(ta, lemma="bitta", lemmas=frozenset({"bitta"}), feats={"num": "card"})
            if (
                ta.form == CONV
                and tb.form
                and tb.form != CONV
                and out[a].end <= tb.start
                and not _punct_between(out, a, b)
            ):
                if tb.lemma == "ko'r" and not self._lexicalised(ta, tb):
                    # "-ib ko'rmoq" = attempt: the auxiliary hedges, the converb is the verb.
                    out[a] = _retoken(ta, form=tb.form, feats={**tb.feats, "aux_head": "yes"})
                    out[b] = _retoken(tb, form="", feats={**tb.feats, "aux": "attempt"})
                elif tb.lemma in _AUX and not self._lexicalised(ta, tb):
                    # "tayyorlab berish": the converb is the verb, the auxiliary only its aspect.
                    out[a] = _retoken(ta, form=tb.form, feats={**tb.feats, "aux_head": "yes"})
                    out[b] = _retoken(
                        tb,
                        norm="aux:" + tb.norm,
                        lemma="aux:" + tb.lemma,
                        lemmas=frozenset({"aux:" + tb.lemma}),
                        form="",
                        feats={"aux": "yes"},
                    )
        # A bare verbal noun before a possessed noun modifies it ("yetkazib berish tezligi",
        # "xizmat ko'rsatish sifati", "kutish vaqti"): a noun compound, not a predicate.
        for a, b in zip(words, words[1:]):
            ta, tb = out[a], out[b]
            if (
                ta.form == VNOUN
                and not ta.feats.get("case")
                and not ta.feats.get("poss")
                and not ta.feats.get("number")
                and tb.pos == NOUN
                and not tb.form
                and _possessed(tb)
                and not _punct_between(out, a, b)
            ):
                out[a] = _retoken(ta, form="", feats={**ta.feats, "modifier": "yes"})
                k = words.index(a)
                if k > 0 and out[words[k - 1]].form == CONV and not _punct_between(out, words[k - 1], a):
                    # "yetkazib berish tezligi": the converb belongs to the compound too.
                    out[words[k - 1]] = _retoken(out[words[k - 1]], form="", pos=NOUN)
        return out

    def _lexicalised(self, ta: Token, tb: Token) -> bool:
        """Is converb + auxiliary a lexicon entry of its own ("ishlab chiqish", "sotib olish")?"""
        if not self.lexicon.compiled:
            return False
        return any(len(m.tokens) >= 2 for m in self.lexicon.match((ta, tb)))


def _target_after_from(tokens: list[Token], words: list[int], a: int, nxt: Token) -> bool:
    """ "uch ish kunidan bir kunga": "bir" before a dative unit, right after a counted ablative
    ("X dan"), is the target value one of a from→to, not the article."""
    if nxt.feats.get("case") not in ("dat", "term"):
        return False
    k = words.index(a)
    before = [tokens[i] for i in words[max(0, k - 3) : k]]
    for n, t in enumerate(before):
        if t.feats.get("case") == "abl" and not _punct_between(tokens, words[k - len(before) + n], a):
            lo = words[k - len(before) + n]
            return any(u.pos == NUM or u.feats.get("num") == "card" for u in tokens[max(0, lo - 3) : lo + 1])
    return False


def _known_stem(lemma: str) -> bool:
    """Is a verb lemma a known root, or one with a causative ("yozdir")?"""
    stem = lemma[:-2] if lemma.endswith("ma") and lemma[:-2] in ROOTS else lemma
    if stem in ROOTS:
        return True
    return any(stem.endswith(c) and stem[: -len(c)] in ROOTS for c in ("tir", "dir", "giz", "kaz", "t"))


def _pn(person: str, number: str, **extra: str) -> dict[str, str]:
    feats = {"person": person, **extra}
    if number:
        feats["number"] = number
    return feats


def _build_tails(after_v: bool, verbal: bool) -> dict[str, dict[str, str]]:
    """Every plural + possessive + case ending after a stem, with its feats."""
    out: dict[str, dict[str, str]] = {}
    for plural in ("", "lar"):
        v = after_v and not plural
        poss = (_POSS_VERBAL_V if v else _POSS_VERBAL) if verbal else (_POSS_AFTER_V if v else _POSS_AFTER_C)
        for p_suf, p_name in (("", ""),) + poss:
            for c_suf, c_name in (("", ""),) + _CASES:
                feats = {}
                if plural:
                    feats["number"] = "pl"
                if p_name:
                    feats["poss"] = p_name
                if c_name:
                    feats["case"] = c_name
                out.setdefault(plural + p_suf + c_suf, feats)
    return out


_TAILS = {(v, verbal): _build_tails(v, verbal) for v in (False, True) for verbal in (False, True)}
_MAX_TAIL = max(len(t) for table in _TAILS.values() for t in table)


def _noun_tail(t: str, prev: str, verbal: bool = False) -> dict[str, str] | None:
    """Feats of plural + possessive + case ``t`` after a stem ending in ``prev``, or None."""
    feats = _TAILS[(prev[-1:] in _VOWELS, verbal)].get(t)
    if feats is None:
        return None
    if (t == "ka" and not prev.endswith("k")) or (t == "qa" and not prev.endswith("q")):
        return None
    return dict(feats)


def _noun_parses(word: str) -> list[tuple[str, dict[str, str]]]:
    """Every (stem, feats) split of ``word`` into stem + plural/possessive/case, most stripped first."""
    out: list[tuple[str, dict[str, str]]] = []
    n = len(word)
    for k in range(max(2, n - _MAX_TAIL), n):
        stem = word[:k]
        # "g'" is one letter: "mablag'i", "bog'lari" split after it; a bare apostrophe does not end a stem.
        if stem.endswith("-") or (stem.endswith("'") and not stem.endswith("g'")) or not _has_vowel(stem):
            continue
        tail = _noun_tail(word[k:], stem)
        if tail is not None:
            out.append((stem, tail))
    out.append((word, {}))
    return out


def _best_guess(parses: list[tuple[str, dict[str, str]]]) -> tuple[str, dict[str, str]]:
    """The most stripped parse that does not eat a derivational ending (-li, -chi, -gi …)."""
    for stem, feats in parses:
        if feats.get("poss") == "3" and "number" not in feats:
            # A bare "-i" after -l/-ch/-g/-k is usually part of the word ("sifatli", "sotuvchi", "bahorgi").
            if (
                stem.endswith(("l", "g", "k")) or (stem.endswith("ch") and not stem.endswith(("ich", "nch")))
            ) and not stem.endswith(("lil", "ll")):
                continue
        if len(stem) < 3:
            continue
        return stem, feats
    return parses[-1]


def _comparative(stem: str) -> str | None:
    if stem.endswith("roq") and len(stem) > 5:
        base = stem[:-3]
        if base in _ADJECTIVES or base.endswith(("li", "iy", "viy")):
            return base
    return None


_POSSESSED_RE = re.compile(
    r"(?:[^aeiou'](?:i|ini|iga|ida|idan|ining|idagi)|(?:si|sini|siga|sida|sidan|sining|sidagi))$"
)


# Postpositions of means and cause that end like a possessed noun: a verbal noun before them stays
# the action ("uchrashuv o'tkazish orqali" = by holding meetings), not a modifier.
_MEANS_POSTPOSITIONS = frozenset({"orqali", "tufayli", "hisobiga", "natijasida", "yordamida", "vositasida", "evaziga"})


def _possessed(tok: Token) -> bool:
    """A 3rd-person possessed noun ("sifati", "tezligini", "narxiga")."""
    if tok.norm in _MEANS_POSTPOSITIONS:
        return False
    return tok.feats.get("poss") == "3" or bool(_POSSESSED_RE.search(tok.norm))


def _punct_between(tokens: list[Token], a: int, b: int) -> bool:
    return any(not t.is_word for t in tokens[a + 1 : b])


def _retoken(tok: Token, **changes) -> Token:
    data = {
        "text": tok.text,
        "start": tok.start,
        "end": tok.end,
        "norm": tok.norm,
        "lemma": tok.lemma,
        "lemmas": tok.lemmas,
        "pos": tok.pos,
        "form": tok.form,
        "feats": tok.feats,
    }
    data.update(changes)
    return Token(**data)
