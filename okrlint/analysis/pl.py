"""Polish analyser: Morfeusz 2 (SGJP dictionary, NKJP tagset) behind the shared pipeline.

Morfeusz gives every reading of a word out of context; :meth:`PolishAnalyser.analyse_word`
keeps all candidate lemmas and picks the most useful reading for OKR text (a verb
reading for verb-looking forms, a verbal noun over its lexicalised noun), and
:meth:`PolishAnalyser.disambiguate` corrects that choice from the neighbours: a
verbal noun governed by a noun or verb ("czas *wdrożenia*", "zwiększyć
*zaangażowanie*") is a plain noun, an imperative-looking genitive plural inside
the text ("liczba *dostaw*") is a noun, an auxiliary or modal before an
infinitive ("*będziemy* próbować", "*chcemy* zwiększyć") is not the head.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from typing import Any

from .base import Analyser, WordInfo
from .types import (
    ADJ,
    ADP,
    ADV,
    CONJ,
    CONV,
    DATE,
    FIN,
    IMP,
    INF,
    NAME,
    NOUN,
    NUM,
    NUMBER,
    PART,
    PART_FORM,
    PRON,
    PUNCT,
    SYM,
    VERB,
    VNOUN,
    Analysis,
    Token,
    X,
)

_MORFEUSZ: Any = None

# A letter typed without its diacritic and the letters it may stand for.
_DIACRITIC_VARIANTS = {"a": "aą", "c": "cć", "e": "eę", "l": "lł", "n": "nń", "o": "oó", "s": "sś", "z": "zżź"}
_MAX_RESTORED = 2048  # spellings tried for one word typed without Polish letters
_POLISH_LETTERS = frozenset("ąćęłńóśźż")
# Frequent words whose typed-without-diacritics form is also a (rare) word of its own.
_ASCII_HOMOGRAPHS = {
    "sie": "się",
    "sa": "są",
    "konca": "końca",
    "juz": "już",
    "miedzy": "między",
    "polowy": "połowy",
    "polowe": "połowę",
    "wzrosnie": "wzrośnie",
}


class _Morfeusz:
    """Morfeusz's native analyser with tag and label strings cached by id.

    The ``morfeusz2.Morfeusz`` wrapper builds a tuple with three extra native
    calls per reading; asking the id resolver once per tag id is ~40% faster.
    """

    def __init__(self) -> None:
        import morfeusz2

        self._native = morfeusz2.Morfeusz(generate=False, expand_tags=False)._morfeusz_obj
        self._ids = self._native.getIdResolver()
        self._tags: dict[int, str] = {}
        self._labels: dict[int, frozenset[str]] = {}

    def analyse(self, word: str) -> list[tuple[int, str, str, frozenset[str]]]:
        """(start node, lemma, tag, style labels) of every reading."""
        out = []
        for i in self._native.analyse(word):
            tag = self._tags.get(i.tagId)
            if tag is None:
                tag = self._tags[i.tagId] = self._ids.getTag(i.tagId)
            labels = self._labels.get(i.labelsId)
            if labels is None:
                labels = self._labels[i.labelsId] = frozenset(self._ids.getLabels(i.labelsId))
            out.append((i.startNode, i.lemma, tag, labels))
        return out


def _morfeusz() -> _Morfeusz:
    """One Morfeusz instance per process, created on first use (~80-150 ms)."""
    global _MORFEUSZ
    if _MORFEUSZ is None:
        _MORFEUSZ = _Morfeusz()
    return _MORFEUSZ


# NKJP grammatical class → (UPOS, verb form).
_CLASSES: dict[str, tuple[str, str]] = {
    "inf": (VERB, INF),
    "impt": (VERB, IMP),
    "fin": (VERB, FIN),
    "praet": (VERB, FIN),
    "bedzie": (VERB, FIN),
    "imps": (VERB, FIN),
    "winien": (VERB, FIN),
    "ger": (NOUN, VNOUN),
    "pact": (ADJ, PART_FORM),
    "ppas": (ADJ, PART_FORM),
    "pcon": (VERB, CONV),
    "pant": (VERB, CONV),
    "subst": (NOUN, ""),
    "depr": (NOUN, ""),
    "adj": (ADJ, ""),
    "adja": (ADJ, ""),
    "adjp": (ADJ, ""),
    "adjc": (ADJ, ""),
    "adv": (ADV, ""),
    "num": (X, ""),  # number words are quantities through the lexicon, not digit tokens
    "numcol": (X, ""),
    "numcomp": (X, ""),
    "prep": (ADP, ""),
    "conj": (CONJ, ""),
    "comp": (CONJ, ""),
    "qub": (PART, ""),
    "part": (PART, ""),
    "ppron12": (PRON, ""),
    "ppron3": (PRON, ""),
    "siebie": (PRON, ""),
    "pred": (ADV, ""),
    "interj": (X, ""),
    "brev": (X, ""),
    "burk": (X, ""),
    "ign": (X, ""),
}

# Reading preference when a word is ambiguous out of context (lower is better).
# Function words first (they are closed classes and rarely wrong), then verb
# readings: OKR text is built on verbs, and a noun reading of a verb form is
# usually a rare homograph ("mamy", "niż").
_RANK = {
    "prep": 0,
    "conj": 0,
    "comp": 0,
    "ppron12": 0,
    "ppron3": 0,
    "siebie": 0,
    "num": 1,
    "numcol": 1,
    "inf": 2,
    "fin": 2,
    "praet": 2,
    "bedzie": 2,
    "impt": 3,
    "imps": 3,
    "winien": 3,
    "ger": 4,
    "pcon": 4,
    "pant": 4,
    "adj": 5,
    "pact": 6,
    "ppas": 6,
    "subst": 5,
    "depr": 7,
    "adv": 5,
    "adja": 8,
    "adjp": 8,
    "adjc": 8,
    "qub": 6,
    "part": 6,
    "pred": 9,
    "brev": 4,
    "interj": 9,
    "burk": 9,
    "ign": 10,
}
# Style qualifiers that mark a reading as archaic, dialectal or rare.
_RARE = frozenset({"daw.", "przest.", "gwar.", "rzad.", "książk.", "daw._dziś_gwar.", "środ.", "wojsk."})

# Rare verbs whose forms coincide with common words ("jedna", "udział", "opiekę"):
# their verb reading is taken only when nothing else fits.
_RARE_VERBS = frozenset(
    {
        "jednać",
        "topić",
        "udziać",
        "nadziać",
        "opiec",
        "miesić",
        "sadowić",
        "sklepać",
        "śmiecić",
        "rozmówić",
        "nizać",
        "niżyć",
        "piąć",
        "dostawić",
        "kosić",
        "sowić",
        "stawić",
        "dziać",
        "maić",
    }
)

# Verbs too common for their rare homographs ("ma" → archaic "mój", "mają" → "maja") to win inside a text.
_NEVER_HOMOGRAPH = frozenset({"mieć"})

_WITHIN = frozenset({"ciąg", "przeciąg"})
# Nouns a "N-gwiazdkowy" value describes: "4,5-gwiazdkowa ocena" is a target, "5-gwiazdkowy hotel" a kind.
_RATING_NOUNS = frozenset({"ocena", "średnia", "wynik"})
_LONG_PERIODS = frozenset({"tydzień", "miesiąc", "kwartał", "półrocze", "rok"})
_DAY_MONTH = re.compile(r"^(0?[1-9]|[12]\d|3[01])\.(0[1-9]|1[0-2])$")

_PERSON = {"pri": "1", "sec": "2", "ter": "3"}
_CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")
_VERBAL_CLASSES = frozenset({"inf", "fin", "praet", "bedzie", "impt", "imps", "winien"})

# Words that take an infinitive and carry no content of their own.
_AUXILIARIES = frozenset(
    {
        "być",
        "chcieć",
        "musieć",
        "móc",
        "mieć",
        "powinien",
        "winien",
        "zamierzać",
        "planować",
        "zaplanować",
        "należeć",
        "pragnąć",
        "potrzebować",
        "woleć",
        "umieć",
        "zostać",
    }
)
# Words after which a new clause (and so a possible new head) begins.
_CLAUSE_WORDS = frozenset(
    {
        "i",
        "oraz",
        "a",
        "albo",
        "lub",
        "ani",
        "czy",
        "ale",
        "lecz",
        "aby",
        "by",
        "żeby",
        "ażeby",
        "który",
        "co",
        "gdzie",
        "kiedy",
        "gdy",
        "jeśli",
        "jeżeli",
        "że",
        "bo",
        "ponieważ",
        "zaś",
        "jak",
        "niż",
        "tak",
        "także",
        "również",
    }
)
_CLAUSE_PUNCT = frozenset(",;:()[]–—-•*/\"'„”«»")


def _strip_homonym(lemma: str) -> str:
    """ "tysiąc:Sm2" → "tysiąc"; lemmas are lower-cased like the text."""
    return lemma.split(":", 1)[0].lower()


def _feats(cls: str, parts: list[str]) -> dict[str, str]:
    feats: dict[str, str] = {}
    for p in parts[1:]:
        for value in p.split("."):
            if value in _PERSON and "person" not in feats:
                feats["person"] = _PERSON[value]
            elif value in ("sg", "pl") and "number" not in feats:
                feats["number"] = value
            elif value in _CASES and "case" not in feats:
                feats["case"] = value
            elif value in ("perf", "imperf") and "aspect" not in feats:
                feats["aspect"] = value
    if cls in ("subst", "ger", "adj", "pact", "ppas", "num", "depr"):
        cases = next((p for p in parts[1:] if any(c in p.split(".") for c in _CASES)), "")
        if cases:
            feats["cases"] = cases
    return feats


class PolishAnalyser(Analyser):
    language = "pl"
    persistent_tables = ("_brev",)  # what Morfeusz says of a short word written with a dot

    def analyse(self, text: str) -> Analysis:
        """An action noun in the genitive right after the noun that heads the phrase is that noun's
        topic, not the action ("Plan *rekrutacji* na III kwartał" is a plan, "Strategia *rozwoju*"
        a strategy)."""
        an = super().analyse(text)
        topics = {
            m.tokens
            for m in an.matches
            if m.concept == "action_nouns" and _genitive_after_head_noun(an.tokens, m.tokens[0])
        }
        if not topics:
            return an
        keep = tuple(m for m in an.matches if not (m.concept == "action_nouns" and m.tokens in topics))
        return dataclasses.replace(an, matches=keep)

    # -- words --------------------------------------------------------------
    def analyse_word(self, norm: str) -> WordInfo:
        readings = self._readings(norm)
        restored = False
        if not readings:
            readings = self._restored_readings(norm)
            restored = bool(readings)
        if not readings:
            return WordInfo((norm,))
        best = min(readings, key=lambda r: r[0])
        _, cls, lemma, parts = best
        pos, form = _CLASSES.get(cls, (X, ""))
        lemmas = [lemma] + [r[2] for r in sorted(readings, key=lambda r: r[0]) if r[2] != lemma]
        feats = _feats(cls, parts)
        feats["tag"] = cls
        if restored:
            feats["restored"] = "1"  # typed without its Polish letters
        alt = self._alternative(readings, best)
        if alt:
            feats["alt"] = alt
        if form == "":
            participle = next((r for r in readings if r[1] in ("ppas", "pact")), None)
            if participle is not None:
                feats["participle"] = participle[2]  # "zatrudnionych": adjective, or passive of "zatrudnić"
        return WordInfo(tuple(dict.fromkeys(lemmas)), pos, form, feats)

    def _readings(self, norm: str) -> list[tuple[int, str, str, list[str]]]:
        """(rank, class, lemma, tag parts) of every reading of the word's first segment.

        An agglutinated form ("zorganizowaliśmy", "zrobilibyśmy") is split by
        Morfeusz into segments; the first one carries the lemma and the class.
        """
        out = []
        for start, lemma, tag, labels in _morfeusz().analyse(norm):
            if start != 0:
                continue
            parts = tag.split(":")
            cls = parts[0]
            if cls == "ign":
                continue
            rank = _RANK.get(cls, 9)
            lemma = _strip_homonym(lemma) if not lemma[:1].isupper() else lemma
            if labels & _RARE:
                rank += 20
            if cls in _VERBAL_CLASSES and lemma in _RARE_VERBS:
                rank += 10
            if lemma[:1].isupper():
                rank += 3  # a proper name ("Tys", "Maja") only when nothing else fits
            out.append((rank, cls, _strip_homonym(lemma), parts))
        return out

    def _typed_without_diacritics(self, tokens: list[Token]) -> list[Token]:
        """In a text typed without Polish letters (some word needed them put back, none is written
        with one), the short words that are also rare words as typed read as their usual spelling:
        "sie" is "się", "do konca roku" is "do końca roku"."""
        if not any(t.feats.get("restored") for t in tokens) or any(
            ch in _POLISH_LETTERS for t in tokens for ch in t.norm
        ):
            return tokens
        out = []
        for tok in tokens:
            spelled = _ASCII_HOMOGRAPHS.get(tok.norm)
            if spelled is not None:
                info = self._info(spelled)
                lemmas, feats = frozenset(info.lemmas), dict(info.feats)
                tok = _replace(tok, lemma=info.lemmas[0], lemmas=lemmas, pos=info.pos, form=info.form, feats=feats)
            out.append(tok)
        return out

    def _restored_readings(self, norm: str) -> list[tuple[int, str, str, list[str]]]:
        """Readings of a word typed without Polish letters ("zwiekszyc", "obsluge", "artykulow"):
        the best-ranked known spelling with ą ć ę ł ń ó ś ź ż put back; none when no spelling is
        known or the word has too many candidate letters to try."""
        if not norm.isascii() or not norm.isalpha():
            return []
        slots = [_DIACRITIC_VARIANTS.get(ch, ch) for ch in norm]
        if math.prod(len(v) for v in slots) > _MAX_RESTORED:
            return []
        best: list[tuple[int, str, str, list[str]]] = []
        for letters in itertools.product(*slots):
            spelled = "".join(letters)
            if spelled == norm:
                continue
            found = self._readings(spelled)
            if found and (not best or min(r[0] for r in found) < min(r[0] for r in best)):
                best = found
        return best

    @staticmethod
    def _alternative(readings: list, best: tuple) -> str:
        """The class of the best competing non-verbal reading of a verbal best reading."""
        if best[1] not in _VERBAL_CLASSES and best[1] != "ger":
            return ""
        others = sorted((r for r in readings if r[1] not in _VERBAL_CLASSES and r[1] != "ger"), key=lambda r: r[0])
        return f"{others[0][1]}:{others[0][2]}" if others else ""

    # -- quantities ---------------------------------------------------------
    def _number_kind(
        self, tokens: tuple[Token, ...], i: int, suffix: str, value: float | None, word: bool = False
    ) -> str | None:
        # Polish writes decimals with a comma ("4,6"), so a dotted day.month ("do 31.03") is a date.
        if not word and _DAY_MONTH.match(tokens[i].norm):
            return DATE
        # "w ciągu 6 miesięcy" is a deadline; "w ciągu 4 godzin" stays a measured time.
        if i >= 1 and i + 1 < len(tokens) and tokens[i - 1].lemma in _WITHIN and tokens[i + 1].lemmas & _LONG_PERIODS:
            return DATE
        kind = super()._number_kind(tokens, i, suffix, value, word)
        if kind == NUMBER and not word and self._compound_attribute(tokens, i):
            return NAME  # "3-poziomowy cennik", "2-etapowa weryfikacja", "30-dniowa retencja"
        return kind

    def _compound_attribute(self, tokens: tuple[Token, ...], i: int) -> bool:
        """A number glued by a hyphen to an adjective names a kind of thing ("4-dniowy tydzień
        pracy"), not an amount; except percent and multiplier adjectives ("20-procentowy",
        "5-krotny"), a rating ("4,5-gwiazdkowa ocena") and the size of a change."""
        if i + 2 >= len(tokens) or tokens[i + 1].text != "-":
            return False
        adj = tokens[i + 2]
        if not (tokens[i].end == tokens[i + 1].start and tokens[i + 1].end == adj.start and adj.pos == ADJ):
            return False
        if any(self._is(adj, key) for key in ("numbers.percent_words", "concepts.multipliers", "numbers.currency")):
            return False
        if adj.norm.startswith(("procent", "krotn")):
            return False
        # the noun it describes: after it ("3-poziomowy cennik") or before it ("opinii 5-gwiazdkowych")
        noun = tokens[i + 3] if i + 3 < len(tokens) and tokens[i + 3].pos == NOUN else _prev_noun(tokens, i)
        if noun is None or noun.lemmas & _RATING_NOUNS:
            return False
        return not (noun.lemmas & self.lexicon.words("concepts.change_verbs"))

    # -- context ------------------------------------------------------------
    def disambiguate(self, tokens: list[Token]) -> list[Token]:
        out = self._typed_without_diacritics(list(tokens))
        action_nouns = self._action_nouns()
        for i, tok in enumerate(out):
            tag = tok.feats.get("tag", "")
            if tok.pos == NOUN and tok.lemma in self._institution_nouns() and not _genitive_object(out, i):
                out[i] = _as_institution(tok)  # "Organizacja pozarządowa": the body, not organising
            elif (
                tok.pos == NOUN
                and tag != "ger"
                and tok.lemmas & action_nouns
                and self._heads_clause(out, i, allow_prep=True)
            ):
                # "Wzrost MRR o 18%", "Migracja do chmury": an action named by a plain noun.
                out[i] = _replace(tok, form=VNOUN)
            elif tag == "ger" and tok.feats.get("alt", "").partition(":")[2] in self._thing_nouns():
                out[i] = _as_noun(tok, keep_verb_lemma=False)  # "*Doświadczenie* klienta": a thing, not an action
            elif tag == "ger" and not self._heads_clause(
                out,
                i if tok.feats.get("alt", "").startswith("subst") else self._adjectives_before(out, i),
                allow_prep=True,
            ):
                out[i] = _as_noun(tok)
            elif tag == "ger" and tok.feats.get("alt", "").startswith("subst") and self._verb_follows(out, i):
                out[i] = _as_noun(tok, keep_verb_lemma=False)  # "*Zadowolenie* klientów wzrośnie"
            elif (
                tag in ("impt", "fin", "praet", "imps")
                and tok.feats.get("alt")
                and (not self._heads_clause(out, i) or (tag == "impt" and i + 1 < len(out) and out[i + 1].pos == NUM))
                and not self._past_after_subject(out, i)
                and not self._present_after_subject(out, i)
                and tok.lemma not in _NEVER_HOMOGRAPH
            ):
                # A finite verb homograph of a noun inside the text is the noun: "liczba *dostaw*",
                # "w *powiecie*", "mamy *nadzieję*"; "*Top* 3" is no imperative either.
                out[i] = _as_noun(tok, keep_verb_lemma=False)
            elif (
                tag in ("fin", "praet", "impt", "winien")
                and tok.feats.get("alt", "").startswith("subst")
                and tok.lemma not in _AUXILIARIES
                and self._verb_follows(out, i)
            ):
                # A subject noun before the verb: "*Dział* HR przeprowadzi".
                out[i] = _as_noun(tok, keep_verb_lemma=False)
            elif (
                tag in ("fin", "impt", "praet")
                and tok.feats.get("alt", "").startswith("subst")
                and i > 0
                and out[i - 1].pos == ADJ
                and not out[i - 1].form
            ):
                out[i] = _as_noun(tok, keep_verb_lemma=False)  # an adjective qualifies a noun: "przyszłych *mam*"
            elif tag == "inf" and tok.feats.get("alt") and i > 0 and out[i - 1].pos in (ADP, NUM):
                out[i] = _as_noun(tok, keep_verb_lemma=False)  # "20 *przejść* dla pieszych"
            if (
                tok.is_word
                and len(tok.norm) <= 6
                and i + 1 < len(out)
                and out[i + 1].text == "."
                and out[i + 1].start == tok.end
            ):
                out[i] = self._abbreviation(out[i])
        for i, tok in enumerate(out):
            if tok.form in (FIN, INF) and tok.lemma in _AUXILIARIES and self._infinitive_follows(out, i):
                out[i] = _replace(tok, pos=VERB, form="", feats={**tok.feats, "aux": "yes"})
                if tok.lemma in ("być", "zostać"):
                    self._passive_participle(out, i)
        return out

    @staticmethod
    def _passive_participle(tokens: list[Token], i: int) -> None:
        """After "zostanie"/"będzie" an adjective-like participle is the passive verb ("zostanie *zatrudnionych*")."""
        for j in range(i + 1, min(i + 4, len(tokens))):
            tok = tokens[j]
            verb = tok.feats.get("participle")
            if verb and tok.form == "":
                tokens[j] = _replace(tok, form=PART_FORM, lemma=verb, lemmas=tok.lemmas | {verb})
                return
            if tok.form == PART_FORM:
                return

    def _abbreviation(self, tok: Token) -> Token:
        """A word written with a dot may be an abbreviation Morfeusz knows only with it ("tys.", "proc.")."""
        cache = self.__dict__.setdefault("_brev", {})
        lemma = cache.get(tok.norm, "")
        if tok.norm not in cache:
            brevs = [r for r in _morfeusz().analyse(tok.norm + ".") if r[0] == 0 and r[2].startswith("brev:pun")]
            lemma = cache[tok.norm] = _strip_homonym(brevs[0][1]) if brevs else ""
        if not lemma or lemma == tok.lemma:
            return tok
        return _replace(
            tok, lemma=lemma, lemmas=tok.lemmas | {lemma}, pos=X, form="", feats={**tok.feats, "tag": "brev"}
        )

    def _thing_nouns(self) -> frozenset[str]:
        """Nouns shaped like gerunds that name a thing or state (lexicon ``morphology.nouns``)."""
        cached = self.__dict__.get("_thing_lemmas")
        if cached is None:
            cached = frozenset(str(w) for w in self.lexicon.get("morphology.nouns", []) or [])
            self.__dict__["_thing_lemmas"] = cached
        return cached

    def _institution_nouns(self) -> frozenset[str]:
        """Action nouns that also name an institution (lexicon ``morphology.institution_nouns``)."""
        cached = self.__dict__.get("_institution_lemmas")
        if cached is None:
            cached = frozenset(str(w) for w in self.lexicon.get("morphology.institution_nouns", []) or [])
            self.__dict__["_institution_lemmas"] = cached
        return cached

    def _action_nouns(self) -> frozenset[str]:
        cached = self.__dict__.get("_action_lemmas")
        if cached is None:
            entries = self.lexicon.concepts.get("action_nouns", []) or []
            words = (e.get("entry", "") if isinstance(e, dict) else str(e) for e in entries)
            cached = frozenset(t.lemma for w in words for t in self.tokenise(w) if t.is_word and t.pos == NOUN)
            self.__dict__["_action_lemmas"] = cached
        return cached

    @staticmethod
    def _adjectives_before(tokens: list[Token], i: int) -> int:
        """The first of the plain adjectives right before token ``i`` ("*Szybsze* rozpatrywanie"), or ``i``.
        Only for a gerund with no noun reading: "Tanie *mieszkania*" are flats."""
        j = i
        while j > 0 and tokens[j - 1].pos == ADJ and not tokens[j - 1].form:
            j -= 1
        return j

    @staticmethod
    def _heads_clause(tokens: list[Token], i: int, allow_prep: bool = False) -> bool:
        """Whether token ``i`` opens a clause: first word, after punctuation or a conjunction,
        or (``allow_prep``) after a preposition that follows a verb ("dążyć do *zwiększenia*")."""
        j = i - 1
        if j < 0:
            return True
        prev = tokens[j]
        if prev.pos in (PUNCT, SYM):
            return prev.text in _CLAUSE_PUNCT or prev.text in "→⇒"
        if prev.pos == CONJ or prev.lemma in _CLAUSE_WORDS:
            return True
        if allow_prep and prev.pos == ADP:
            k = j - 1
            while k >= 0 and tokens[k].norm == "się":
                k -= 1
            return k < 0 or tokens[k].form in (INF, FIN, IMP) or tokens[k].feats.get("aux") == "yes"
        return False

    @staticmethod
    def _past_after_subject(tokens: list[Token], i: int) -> bool:
        """A past form with an adjective homograph ("wzrosły", "spadła", "zmalała") is the verb
        when no noun follows for the adjective to modify: "Przychody *wzrosły* o 20%"."""
        tok = tokens[i]
        if tok.feats.get("tag") != "praet" or not tok.feats.get("alt", "").startswith("adj") or i == 0:
            return False
        nxt = next((t for t in tokens[i + 1 :] if t.is_word or t.pos == NUM), None)
        return tokens[i - 1].pos in (NOUN, ADJ, X) and (nxt is None or nxt.pos not in (NOUN, ADJ))

    @staticmethod
    def _present_after_subject(tokens: list[Token], i: int) -> bool:
        """A third-person present form right after a nominative noun of its number is that noun's
        verb, not a noun homograph: "platforma *działa* bez przestojów" (not "działo")."""
        tok = tokens[i]
        if tok.feats.get("tag") != "fin" or tok.feats.get("person") != "3" or i == 0:
            return False
        prev = tokens[i - 1]
        return (
            prev.pos == NOUN and prev.feats.get("case") == "nom" and prev.feats.get("number") == tok.feats.get("number")
        )

    @staticmethod
    def _verb_follows(tokens: list[Token], i: int) -> bool:
        """An unambiguous finite verb or infinitive later in the same clause."""
        for tok in tokens[i + 1 :]:
            if (tok.pos == PUNCT and tok.text in ",;:()") or tok.lemma in _CLAUSE_WORDS:
                return False
            if tok.form in (FIN, INF, IMP) and not tok.feats.get("alt"):
                return True
        return False

    @staticmethod
    def _infinitive_follows(tokens: list[Token], i: int) -> bool:
        """An infinitive (or, after "być", a past form or participle) within the next three words."""
        seen = 0
        for tok in tokens[i + 1 :]:
            if not tok.is_word:
                if tok.pos == PUNCT and tok.text in ",;:":
                    return False
                continue
            if tok.form == INF or (
                tokens[i].lemma in ("być", "zostać") and (tok.form in (FIN, PART_FORM) or "participle" in tok.feats)
            ):
                return True
            seen += 1
            if seen >= 3:
                return False
        return False


def _replace(tok: Token, **changes: Any) -> Token:
    return dataclasses.replace(tok, **changes)


def _prev_noun(tokens: tuple[Token, ...], i: int) -> Token | None:
    prev = tokens[i - 1] if i > 0 else None
    return prev if prev is not None and prev.pos == NOUN and prev.end < tokens[i].start else None


def _genitive_after_head_noun(tokens: tuple[Token, ...], i: int) -> bool:
    tok = tokens[i]
    if i == 0 or tok.feats.get("case") != "gen":
        return False
    head = tokens[i - 1]
    return head.is_word and head.pos == NOUN and not head.form and head.feats.get("case") in ("nom", "acc")


def _genitive_object(tokens: list[Token], i: int) -> bool:
    """Whether a noun in the genitive follows token ``i``, past numbers and adjectives:
    the object of an action noun ("organizacja *wolontariatu*", "organizacja 6 *targów*")."""
    for tok in tokens[i + 1 :]:
        if tok.pos in (NUM, ADJ):
            continue
        cases = f"{tok.feats.get('case', '')}.{tok.feats.get('cases', '')}".split(".")
        return tok.pos == NOUN and "gen" in cases
    return False


def _as_institution(tok: Token) -> Token:
    """A noun read as the body it names: its lemma marked so no action entry matches it."""
    lemma = tok.lemma + "-"
    return _replace(tok, form="", norm=lemma, lemma=lemma, lemmas=frozenset({lemma}))


def _as_noun(tok: Token, keep_verb_lemma: bool = True) -> Token:
    """A verb-tagged token read as a noun in context (form cleared).

    A verbal noun keeps its verb lemma, so a lexicon entry still matches it
    ("doprowadzić do *zwiększenia*" is a change); an imperative homograph of a
    noun ("dostaw", "umów") takes the noun lemma instead.
    """
    alt = tok.feats.get("alt", "")
    feats = {k: v for k, v in tok.feats.items() if k != "alt"}
    if keep_verb_lemma or not alt:
        return _replace(tok, pos=NOUN, form="", feats=feats)
    cls, _, noun = alt.partition(":")
    pos = _CLASSES.get(cls, (NOUN, ""))[0]
    lemmas = frozenset({noun}) | frozenset(lemma for lemma in tok.lemmas if lemma != tok.lemma)
    return _replace(tok, pos=pos, form="", lemma=noun, lemmas=lemmas, feats=feats)
