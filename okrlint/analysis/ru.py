"""Russian analyser: pymorphy3 (OpenCorpora dictionary) behind the shared pipeline.

pymorphy3 gives every reading of a word out of context with a probability.
:meth:`RussianAnalyser.analyse_word` sums those per lemma and part of speech,
breaks ties the way OKR text needs (a noun over a homographic verb form,
"статей" → статья not стать; an adjective over a lexicalised participle,
"текущий"), and marks verbal nouns ("внедрение", "запуск") as NOUN + vnoun with
their verbs as extra lemmas, so a lexicon entry "внедрить" also matches
"Внедрение". :meth:`RussianAnalyser.disambiguate` corrects that from the
neighbours: a verbal noun governed by a word before it ("время *обработки*",
"добиться *снижения*") is a plain noun, an auxiliary or modal before an
infinitive ("*будем* стараться", "*планируем* запустить") is not the head, and
the case ending of a numeral ("1-*е* место") is not a word.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any

from .base import Analyser, WordInfo
from .types import (
    ADJ,
    ADP,
    ADV,
    CONJ,
    CONV,
    FIN,
    IMP,
    INF,
    NOUN,
    NUM,
    PART,
    PART_FORM,
    PRON,
    PROPN,
    PUNCT,
    SYM,
    VERB,
    VNOUN,
    Token,
    X,
)

_MORPH: Any = None


def _morph() -> Any:
    """One MorphAnalyzer per process, created on first use (~75 ms)."""
    global _MORPH
    if _MORPH is None:
        import pymorphy3
        import pymorphy3_dicts_ru

        # Naming the dictionary spares pymorphy3 its search of every installed package's entry
        # points (importlib.metadata), which cost ~45 ms of each run that reads Russian.
        _MORPH = pymorphy3.MorphAnalyzer(path=pymorphy3_dicts_ru.get_path(), lang="ru")
    return _MORPH


# OpenCorpora part of speech → (UPOS, verb form).
_POS: dict[str, tuple[str, str]] = {
    "NOUN": (NOUN, ""),
    "ADJF": (ADJ, ""),
    "ADJS": (ADJ, ""),
    "COMP": (ADJ, ""),
    "VERB": (VERB, FIN),
    "INFN": (VERB, INF),
    "PRTF": (VERB, PART_FORM),
    "PRTS": (VERB, PART_FORM),
    "GRND": (VERB, CONV),
    "NUMR": (X, ""),  # number words are quantities through the lexicon, not digit tokens
    "ADVB": (ADV, ""),
    "NPRO": (PRON, ""),
    "PRED": (ADV, ""),
    "PREP": (ADP, ""),
    "CONJ": (CONJ, ""),
    "PRCL": (PART, ""),
    "INTJ": (X, ""),
}
_CASES = {
    "nomn": "nom",
    "gent": "gen",
    "datv": "dat",
    "accs": "acc",
    "ablt": "ins",
    "loct": "loc",
    "voct": "voc",
    "gen2": "gen",
    "acc2": "acc",
    "loc2": "loc",
}
_PERSON = {"1per": "1", "2per": "2", "3per": "3"}
_TENSE = {"past": "past", "pres": "pres", "futr": "fut"}
# Proper-name guesses for unknown words ("драйвить" → a name "Драйвитя") are rarely right in OKRs.
_NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
_TIE = 1e-6
# Equal scores: a noun or numeral, then an adjective or short participle, then the rest.
_TIE_ORDER = {"NOUN": 0, "NUMR": 0, "ADJF": 1, "PRTS": 1, "ADJS": 2}

# Endings of verbal nouns whose verb can be derived by rule; zero-suffix ones
# ("запуск", "рост") come from the lexicon's ``morphology.verbal_nouns``.
_VNOUN_ENDINGS = ("ние", "тие", "ция")
# Consonant alternations between a verbal noun and its verb: снижение/снизить,
# сокращение/сократить, повышение/повысить, укрепление/укрепить.
_ALTERNATIONS = {
    "жд": ("д",),
    "ж": ("з", "д", "г"),
    "щ": ("ст", "т", "ск"),
    "ш": ("с", "х"),
    "ч": ("т", "к"),
    "вл": ("в",),
    "пл": ("п",),
    "бл": ("б",),
    "мл": ("м",),
    "фл": ("ф",),
}

# Words after which a verbal noun may still head its own clause.
_CLAUSE_WORDS = frozenset(
    {
        "и",
        "а",
        "или",
        "либо",
        "но",
        "также",
        "чтобы",
        "который",
        "что",
        "где",
        "когда",
        "если",
        "мы",
    }
)
# Prepositions of means: the verbal noun after them names an action of its own.
_MEANS_WORDS = frozenset({"путем", "посредством", "благодаря"})
_CLAUSE_PUNCT = frozenset(",;:()[]–—-•*/\"'«»„“”")
# Words after which "один" is a determiner, not a count.
_ONE_AS_DETERMINER_BEFORE = frozenset({"из", "клик", "окно", "касание", "раз"})
_RANK_WORD_RE = re.compile(r"^([^\W\d_]+)[-–](\d+)$")
_ORDINAL_ENDINGS = frozenset({"е", "й", "я", "го", "му", "м", "ми", "х", "ое", "ой", "ый", "ий", "ая", "ю", "ом"})


def _infinitive_shaped(lemma: str) -> bool:
    return lemma.endswith(("ть", "ти", "чь", "ться", "тись", "чься"))


class RussianAnalyser(Analyser):
    language = "ru"

    def __init__(self, lexicon: Any):
        morph = lexicon.get("morphology", {}) or {}
        self._verbal_nouns: dict[str, tuple[str, ...]] = {
            str(k).replace("ё", "е"): tuple(str(v).replace("ё", "е") for v in (vs if isinstance(vs, list) else [vs]))
            for k, vs in (morph.get("verbal_nouns", {}) or {}).items()
        }
        self._not_verbal = frozenset(str(w).replace("ё", "е") for w in morph.get("not_verbal_nouns", []) or [])
        self._adjectives = frozenset(str(w).replace("ё", "е") for w in morph.get("adjectival_participles", []) or [])
        self._auxiliaries = frozenset(str(w).replace("ё", "е") for w in morph.get("auxiliaries", []) or [])
        self._institutions = frozenset(str(w).replace("ё", "е") for w in morph.get("institution_nouns", []) or [])
        self._infinitives: dict[str, bool] = {}
        # Lemmas of the lexicon's own entry words, precomputed (see lemma_table_text):
        # pymorphy3 would spend most of the load time lemmatising them again.
        self._entry_lemmas = _read_lemma_table(str(lexicon.get("entry_lemmas", "") or ""))
        self.computed_entry_lemmas: dict[str, str] = {}
        # Compiling the lexicon needs only each entry word's best lemma: skip the
        # verbal-noun derivation then, and analyse text words in full later.
        self._compiling = True
        super().__init__(lexicon)
        self._compiling = False
        self.forget_words()

    # -- words --------------------------------------------------------------
    def normalise_word(self, surface: str) -> str:
        return super().normalise_word(surface).replace("ё", "е").replace("\u0301", "")

    def analyse_word(self, norm: str) -> WordInfo:
        if self._compiling and norm in self._entry_lemmas:
            return WordInfo((self._entry_lemmas[norm],))
        parses = _morph().parse(norm)
        if not parses:
            return WordInfo((norm,))
        ranked = self._rank(norm, parses)
        best_lemma, best_pos, best, cases = ranked[0]
        if self._compiling:
            self.computed_entry_lemmas[norm] = best_lemma
            return WordInfo((best_lemma,), _POS.get(best_pos, (X, ""))[0])
        if best_pos in ("LATN", "UNKN", "NUMB", "ROMN", "PNCT"):
            return WordInfo((norm,), PROPN if best_pos == "LATN" else X)
        pos, form = _POS.get(best_pos, (X, ""))
        if best_pos == "VERB" and best.tag.mood == "impr":
            form = IMP
        verbal = form != ""
        # A noun's rival lemma that is a verb's infinitive ("статей": стать) must not
        # match verb entries; a verb keeps its rivals ("стали": сталь).
        lemmas = [best_lemma] + [
            lemma
            for lemma, p, _, _ in ranked[1:]
            if verbal or (p not in ("INFN", "VERB", "PRTF", "PRTS", "GRND") and not _infinitive_shaped(lemma))
        ]
        feats = _feats(best.tag)
        # An ambiguous case ("новых": gen, acc or loc) is no evidence: keep it out of "case".
        if len(cases) > 1:
            feats.pop("case", None)
            feats["cases"] = "|".join(sorted(cases))
        if best_pos == "NUMR" or best_lemma in self.lexicon.mapping("numbers.words"):
            feats["numtype"] = "card"
        if pos == NOUN:
            verbs = self._verbs_of(best_lemma)
            if verbs:
                form = VNOUN
                lemmas[1:1] = verbs
        return WordInfo(tuple(dict.fromkeys(lemmas)), pos, form, feats)

    def _rank(self, norm: str, parses: list) -> list[tuple[str, str, Any, set[str]]]:
        """(lemma, OpenCorpora POS, best parse, its possible cases) per reading, best first."""
        scores: dict[tuple[str, str], float] = {}
        first: dict[tuple[str, str], Any] = {}
        cases: dict[tuple[str, str], set[str]] = {}
        for p in parses:
            pos = str(p.tag.POS) if p.tag.POS else str(p.tag).split(",")[0].split()[0]
            lemma = p.normal_form.replace("ё", "е")
            weight = p.score
            if any(t in p.tag for t in _NAME_TAGS):
                weight *= 0.2
            key = (lemma, pos)
            scores[key] = scores.get(key, 0.0) + weight
            first.setdefault(key, p)
            if p.tag.case in _CASES:
                cases.setdefault(key, set()).add(_CASES[p.tag.case])
        # An unknown word shaped as an infinitive is a verb ("драйвить", "левереджить").
        if _infinitive_shaped(norm) and (norm, "INFN") in scores and not _morph().word_is_known(norm):
            scores[(norm, "INFN")] += 1.0

        def preference(key: tuple[str, str]) -> tuple:
            lemma, pos = key
            # Ties: a noun over a verb form, an adjective over a participle, and a
            # noun lemma that is not itself a verb ("статей" → статья, not стать).
            return (
                -round(scores[key] / _TIE) * _TIE,
                1 if pos == "NOUN" and _infinitive_shaped(lemma) else 0,
                _TIE_ORDER.get(pos, 3),
            )

        keys = sorted(scores, key=preference)
        if keys[0][1] == "PRTF":
            self._prefer_adjective(keys, scores, first)
        top = scores[keys[0]]
        keys = [k for k in keys if k == keys[0] or scores[k] >= top * 0.1]
        return [(lemma, pos, first[(lemma, pos)], cases.get((lemma, pos), set())) for lemma, pos in keys]

    def _prefer_adjective(self, keys: list, scores: dict, first: dict) -> None:
        """A lexicalised participle ("текущий", "действующих", "растущая") reads as an adjective."""
        participle = keys[0]
        adj = next((k for k in keys if k[1] == "ADJF"), None)
        if adj is None:
            nominative = first[participle].inflect({"masc", "sing", "nomn"})
            word = nominative.word.replace("ё", "е") if nominative else ""
            if word not in self._adjectives:
                return
            adj = (word, "ADJF")
            scores[adj] = scores[participle]
            first[adj] = first[participle]
        elif adj[0] not in self._adjectives and scores[adj] < scores[participle] - _TIE:
            return
        if adj in keys:
            keys.remove(adj)
        keys.insert(0, adj)

    def _verbs_of(self, noun: str) -> tuple[str, ...]:
        """The verbs a noun names the action of ("снижение" → снижать, снизить), or ()."""
        if noun in self._not_verbal:
            return ()
        if noun in self._verbal_nouns:
            return self._verbal_nouns[noun]
        if not noun.endswith(_VNOUN_ENDINGS) or len(noun) < 6:
            return ()
        return tuple(c for c in _verb_candidates(noun) if self._is_infinitive(c))

    def _is_infinitive(self, word: str) -> bool:
        hit = self._infinitives.get(word)
        if hit is None:
            m = _morph()
            hit = m.word_is_known(word) and any(p.tag.POS == "INFN" and p.normal_form == word for p in m.parse(word))
            self._infinitives[word] = hit
        return hit

    def tokenise(self, text: str) -> list[Token]:
        """The shared tokens, with two Russian spellings of numbers with words mended.

        A rank word glued to its number ("топ-3") is split into the word and the
        number; a number hyphenated to a word ("152-ФЗ", "5-летний", "30-дневный")
        is one word, a name or an adjective, not a quantity. Ordinal endings
        ("1-е", "2-х") stay apart: they belong to the numeral (see disambiguate).
        """
        out: list[Token] = []
        for tok in super().tokenise(text):
            if (
                tok.pos != NUM
                and tok.is_word
                and _hyphenated_to_number(out, tok)
                and not self._is(tok, "numbers.percent_words")
            ):  # "20-процентный рост" is 20%
                out[-2:] = [self._compound(text, out[-2], tok)]
            elif tok.pos != NUM and tok.is_word:
                out.extend(self._split_rank_word(tok))
            elif tok.pos == NUM and _round_the_clock(out, tok):
                out[-2:] = [self._compound(text, out[-2], tok)]
            else:
                out.append(tok)
        return out

    def _split_rank_word(self, tok: Token) -> list[Token]:
        m = _RANK_WORD_RE.match(tok.norm)
        if m is None or m.group(1) not in self.lexicon.words("numbers.rank_before"):
            return [tok]
        word_end = tok.start + len(m.group(1))
        info = self._info(m.group(1))
        digits = m.group(2)
        return [
            Token(
                tok.text[: len(m.group(1))],
                tok.start,
                word_end,
                m.group(1),
                info.lemmas[0],
                frozenset(info.lemmas),
                info.pos,
                info.form,
                dict(info.feats),
            ),
            Token(digits, tok.end - len(digits), tok.end, digits, digits, frozenset({digits}), NUM),
        ]

    def _compound(self, text: str, first: Token, last: Token) -> Token:
        """ "152-ФЗ", "5-летний", "24/7" as one token: an adjective if its word part is one, else a name."""
        surface = text[first.start : last.end]
        norm = self.normalise_word(surface)
        pos = ADJ if last.pos == ADJ else X
        return Token(surface, first.start, last.end, norm, norm, frozenset({norm}), pos)

    # -- context ------------------------------------------------------------
    def disambiguate(self, tokens: list[Token]) -> list[Token]:
        out = list(tokens)
        for i, tok in enumerate(out):
            if tok.pos == NUM:
                out[i] = dataclasses.replace(tok, feats={**tok.feats, "numtype": "card"})
            elif tok.pos == NOUN and tok.lemma in self._institutions and not _genitive_object(out, i):
                # "некоммерческая организация для пожилых": the body, not organising; marked so no
                # action entry matches it
                mark = tok.lemma + "-"
                out[i] = dataclasses.replace(tok, form="", norm=mark, lemma=mark, lemmas=frozenset({mark}))
            elif tok.form == VNOUN and (not _heads_clause(out, i) or _coordinated_genitive(out, i)):
                out[i] = dataclasses.replace(tok, form="")
            elif tok.form == FIN and i > 0 and out[i - 1].pos == ADP and _noun_lemma(tok):
                # "из сёл" (ё written е: "сел"): no finite verb follows a preposition, so the noun reading.
                noun = _noun_lemma(tok)
                out[i] = dataclasses.replace(tok, lemma=noun, lemmas=frozenset({noun}), pos=NOUN, form="", feats={})
            elif tok.lemma == "один" and (
                (i + 1 < len(out) and out[i + 1].lemma in _ONE_AS_DETERMINER_BEFORE)
                or (i > 0 and out[i - 1].norm == "ни")
            ):
                # "одним из лидеров", "в один клик", "одно окно", "ни один ребёнок": not a count.
                out[i] = dataclasses.replace(tok, norm="один-", lemma="один-", lemmas=frozenset({"один-"}), feats={})
            elif tok.is_word and tok.norm in _ORDINAL_ENDINGS and _after_number_hyphen(out, i):
                # "1-е место", "2-х раз": the ending belongs to the numeral.
                out[i] = dataclasses.replace(tok, pos=PUNCT, form="", lemma=tok.norm, lemmas=frozenset({tok.norm}))
        for i, tok in enumerate(out):
            if (
                tok.form in (FIN, INF, IMP)
                and tok.lemma in self._auxiliaries
                and _infinitive_follows(out, i, passive=tok.lemma == "быть")
            ):
                out[i] = dataclasses.replace(tok, form="", feats={**tok.feats, "aux": "yes"})
        return out

    # -- head verb ----------------------------------------------------------
    def _verb_units(self, tokens: tuple[Token, ...], matches: tuple) -> list[tuple[int, ...]]:
        """Verb units, the text's own predicate first.

        A Russian KR may open with its metric ("Время обработки заявок
        сократить до 2 дней", "Долю брака снизить …"): when the text does not
        start with a verb-like word, a finite verb, infinitive or imperative comes
        before participles and verbal nouns found earlier in the noun phrase.
        """
        units = super()._verb_units(tokens, matches)
        if not units:
            return units
        first_word = next((i for i, t in enumerate(tokens) if t.is_word and t.pos != PRON), None)
        if first_word is not None and first_word in units[0]:
            return units

        def predicative(unit: tuple[int, ...]) -> bool:
            tok = tokens[unit[0]]
            return tok.form in (FIN, INF, IMP) or (tok.form == PART_FORM and "short" in tok.feats)

        return [u for u in units if predicative(u)] + [u for u in units if not predicative(u)]


def _read_lemma_table(text: str) -> dict[str, str]:
    """``word`` (its own lemma) or ``word=lemma`` items, separated by whitespace."""
    table: dict[str, str] = {}
    for item in text.split():
        word, _, lemma = item.partition("=")
        table[word] = lemma or word
    return table


def lemma_table_text(lexicon: Any, width: int = 100) -> str:
    """The ``entry_lemmas`` block for ``lexicon``, computed with pymorphy3.

    Run ``python -m okrlint.analysis.ru`` after editing the lexicon's entries and
    paste the output over the ``entry_lemmas`` block of lexicons/ru.yaml; a test
    checks that the two agree. A word missing from the table is only slower to load.
    """
    from .lexicon import Lexicon

    data = {k: v for k, v in lexicon.data.items() if k != "entry_lemmas"}
    analyser = RussianAnalyser(Lexicon(lexicon.language, data))
    items = [w if lemma == w else f"{w}={lemma}" for w, lemma in sorted(analyser.computed_entry_lemmas.items())]
    lines, line = [], ""
    for item in items:
        if line and len(line) + 1 + len(item) > width:
            lines.append(line)
            line = item
        else:
            line = f"{line} {item}" if line else item
    if line:
        lines.append(line)
    return "\n".join(lines)


def _verb_candidates(noun: str) -> Iterable[str]:
    if noun.endswith(("ание", "яние")):
        base, vowel = noun[:-4], noun[-4]
        yield base + vowel + "ть"
        yield base + "ывать"
        yield base + "ивать"
    elif noun.endswith("ение"):
        base = noun[:-4]
        for stem in _stems(base):
            yield from (stem + "ить", stem + "ать", stem + "ять", stem + "еть")
    elif noun.endswith("тие"):
        yield noun[:-3] + "ть"
    elif noun.endswith("ация"):
        base = noun[:-4]
        yield from (base + "ировать", base + "овать")
    elif noun.endswith("ция"):
        yield noun[:-3] + "ировать"


def _stems(base: str) -> Iterable[str]:
    yield base
    for ending, alternatives in _ALTERNATIONS.items():
        if base.endswith(ending):
            for alt in alternatives:
                yield base[: -len(ending)] + alt
            return


def _feats(tag: Any) -> dict[str, str]:
    feats: dict[str, str] = {}
    if tag.case in _CASES:
        feats["case"] = _CASES[tag.case]
    if tag.number:
        feats["number"] = "sg" if tag.number == "sing" else "pl"
    if tag.person in _PERSON:
        feats["person"] = _PERSON[tag.person]
    if tag.aspect:
        feats["aspect"] = str(tag.aspect)  # a plain str: pymorphy3 gives its own str type
    if tag.tense in _TENSE:
        feats["tense"] = _TENSE[tag.tense]
    if tag.mood == "impr":
        feats["mood"] = "imp"
    if tag.voice:
        feats["voice"] = "pass" if tag.voice == "pssv" else "act"
    if tag.POS in ("PRTS", "ADJS"):
        feats["short"] = "yes"
    return feats


def _genitive_object(tokens: list[Token], i: int) -> bool:
    """Whether a noun that may be genitive follows token ``i``, past numbers and adjectives:
    the object of a verbal noun ("организация *приёмов*", "организация 6 *ярмарок*")."""
    for tok in tokens[i + 1 :]:
        if tok.pos in (NUM, ADJ):
            continue
        cases = {tok.feats.get("case", "")} | set(tok.feats.get("cases", "").split("|"))
        return tok.pos == NOUN and "gen" in cases
    return False


def _noun_lemma(tok: Token) -> str | None:
    """A candidate lemma of ``tok`` that is not a verb's ("сел" → "село")."""
    return next((lem for lem in sorted(tok.lemmas) if not _infinitive_shaped(lem)), None)


def _coordinated_genitive(tokens: list[Token], i: int) -> bool:
    """A verbal noun joined by "и"/"или" to a genitive noun before it: a second genitive of the same
    head ("отделы продаж и *поддержки*"), not an action of its own."""
    if i < 2 or tokens[i - 1].norm not in ("и", "или"):
        return False
    prev, tok = tokens[i - 2], tokens[i]
    cases = set(tok.feats.get("cases", tok.feats.get("case", "")).split("|"))
    return prev.pos == NOUN and prev.feats.get("case") == "gen" and "gen" in cases


def _heads_clause(tokens: list[Token], i: int) -> bool:
    """Whether a verbal noun at ``i`` opens a clause rather than depends on a word before it.

    "*Запуск* сайта", "Быстрое *внедрение*", "CRM: *внедрение*" head; "время
    *обработки*", "добиться *снижения*", "для *привлечения*" depend.
    """
    j = i - 1
    while j >= 0 and tokens[j].is_word and tokens[j].pos == ADJ:
        j -= 1
    if j < 0:
        return True
    prev = tokens[j]
    if prev.pos in (PUNCT, SYM):
        return prev.text in _CLAUSE_PUNCT
    if prev.norm in _MEANS_WORDS or (prev.norm == "счет" and j > 0 and tokens[j - 1].norm == "за"):
        return True  # "за счёт *проведения* 8 встреч", "путём *внедрения*": the means is an action
    return prev.pos == CONJ or prev.norm in _CLAUSE_WORDS


def _hyphenated_to_number(out: list[Token], tok: Token) -> bool:
    """A word glued by a hyphen to the number before it, not an ordinal ending ("1-е")."""
    return (
        len(out) >= 2
        and out[-1].text in "-–"
        and out[-2].pos == NUM
        and out[-2].end == out[-1].start
        and out[-1].end == tok.start
        and tok.norm not in _ORDINAL_ENDINGS
    )


def _round_the_clock(out: list[Token], tok: Token) -> bool:
    """ "24/7": a schedule, not two quantities."""
    return (
        len(out) >= 2
        and out[-1].text == "/"
        and out[-2].norm == "24"
        and tok.norm == "7"
        and out[-2].end == out[-1].start
        and out[-1].end == tok.start
    )


def _after_number_hyphen(tokens: list[Token], i: int) -> bool:
    return (
        i >= 2
        and tokens[i - 1].text in "-–"
        and tokens[i - 2].pos == NUM
        and tokens[i - 1].start == tokens[i - 2].end
        and tokens[i].start == tokens[i - 1].end
    )


def _infinitive_follows(tokens: list[Token], i: int, passive: bool = False) -> bool:
    """An infinitive (or, with ``passive``, a short participle: "будет *запущен*") within
    the next three words, no clause boundary in between."""
    seen = 0
    for tok in tokens[i + 1 :]:
        if not tok.is_word:
            if tok.pos == PUNCT and tok.text in ",;:":
                return False
            continue
        if tok.form == INF or (passive and tok.form == PART_FORM and "short" in tok.feats):
            return True
        seen += 1
        if seen >= 3:
            return False
    return False


if __name__ == "__main__":  # pragma: no cover - maintenance tool
    from .lexicon import load_lexicon

    print(lemma_table_text(load_lexicon("ru")))
