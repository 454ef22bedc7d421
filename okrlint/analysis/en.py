"""English analyser: a lemma table plus suffix rules, and verb slots from word order.

English inflects little, so lemmas come from rules: an irregular-verb table,
-s/-es/-ies, -ed/-ied, -ing (with e-drop and consonant doubling) checked
against a list of known verbs, and noun plurals. British and American
spellings share one lemma ("organizing", "organising" → organise; "analyze" →
analyse; "canceled" → cancel; "behavior" → behaviour).

Many OKR words are both nouns and verbs ("increase", "launch", "report"), so a
word is verb-like only in a verb slot (:meth:`EnglishAnalyser.disambiguate`):
the first word of the text (imperative/infinitive; "-ing" there is a verbal noun,
"-ed" a participle), after "to" (infinitive, unless it closes "from X to Y"),
after a modal or subject ("we will lower", "we grow": finite), after "that/which/who"
(finite), a verb after "and"/a comma that starts a new clause, "-ing" after
"by"/"through"/"while" (a converb, never the head), "-ing" after a verb ("try
launching": a verbal noun) and "-ed" after a noun when no verb came before
("Posted announcements: 0 → 4", "Customers onboarded": a participle).
"""

from __future__ import annotations

import dataclasses
import re

from .base import Analyser, WordInfo
from .lexicon import Lexicon
from .types import (
    ACTION_CONCEPTS,
    ADJ,
    ADP,
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
    PART_FORM,
    PRON,
    PUNCT,
    RANK,
    SYM,
    VERB,
    VERB_CONCEPTS,
    VNOUN,
    YEAR,
    Token,
    X,
)

# -- word lists ---------------------------------------------------------------

# Base forms of verbs, across domains. Lexicon verb entries are added at load.
_VERBS = frozenset(
    """
let feel want need wish believe come see hear flourish belong arrive lose walk ride travel commute sleep eat
accelerate accept access accommodate accomplish account accredit achieve acquire act activate adapt add address
adjust administer admit adopt advance advertise advise advocate affect afford aggregate aim align allocate allow
alter amend analyse announce answer anticipate appeal appear apply appoint approve archive arrange articulate
ask assemble assess assign assist attach attain attempt attend attract audit augment authorise automate avoid
award back balance ban bank be become begin benchmark benefit bid bill block blog book boost borrow brand
break brief bring broadcast budget build buy calculate call campaign cancel capture care carry catalogue
categorise cater centralise certify chair challenge champion change channel charge chart chase check choose
clarify classify clean clear close coach code collaborate collect combine comment commission commit communicate
compare compete compile complete comply compose compute conceive concentrate conclude conduct configure confirm
connect conserve consider consolidate construct consult contact contain continue contract contribute control
convene convert convince coordinate copy correct cost counsel count cover craft create cross cultivate cure
curate cut debug delight decide declare decline decommission decrease dedicate deepen defend define delegate delete
deliver demonstrate deploy deposit derive design detect determine develop diagnose digitalise digitise direct
disburse discharge disclose discontinue discover discuss dispatch display disrupt distribute diversify do
document donate double draft draw drive drop earn ease educate elevate eliminate embed embrace emerge empower
enable enact encourage end endeavour endorse energise engage engineer enhance enjoy enlarge enrich enrol ensure enter
equip establish estimate evaluate evolve examine exceed exchange execute exit expand expedite experiment explain
explore export expose extend facilitate fail feature feed fight file fill finalise finance find finish fix
focus follow forecast form formalise formulate foster free fulfil fund gain gather generate get give go govern
graduate grant grow guarantee guide halve handle harmonise have head help hire hit hold host hope house identify
implement import improve include incorporate increase incubate index inform initiate innovate input insert
inspect inspire install institute instruct insure integrate interview introduce invent invest investigate
invite invoice involve issue join judge justify keep kick know label land launch lead learn lease leave lend
level leverage license lift limit link list listen love lobby localise locate lock log lower maintain make manage
manufacture map market master match maximise measure mediate meet mentor merge migrate minimise mitigate model
modernise modify monetise monitor motivate move moderate name narrow navigate negotiate network normalise note
notify nurture obtain offer offboard onboard open operate optimise order organise outline outperform outsource
overhaul oversee own package participate partner pass pay perform permit persuade pilot pitch place plan plant
pledge post practise prepare present preserve prevent prefer price print prioritise process procure produce profile
program programme progress promote propose prospect protect prototype prove provide publicise publish purchase
pursue push qualify quantify raise rank rate reach read realise rebuild recall receive recognise recommend
reconcile record recover recruit redesign reduce refactor refer refine reform refresh refund register rely
reinforce reject relaunch release relocate remain remediate remove renew renovate reorganise repair repay
replace replicate reply report reposition represent request require research reserve reset resolve respond
restore restructure resume retain retire retrain return reuse reimagine revamp review revise revitalise reward rewrite
rise roll run satisfy save scale schedule score screen scrap secure seek select sell send serve service set
settle shape share shift ship shorten show shrink sign simplify sit solve source speak specify speed spend
sponsor stabilise staff standardise start stay steer stop store streamline strengthen strive structure study
submit subscribe succeed suggest supervise supply support surpass survey sustain switch systematise tackle take
talk target teach tell terminate test thrive tighten track trade train transfer transform transition translate
treat trial triple trim trust try turn tweet understand undertake unify unite unlock update upgrade upload upsell
upskill use utilise vaccinate validate verify visit volunteer vote wait welcome widen win withdraw work write
""".split()
)

# Irregular past and past-participle forms → base.
_IRREGULAR = {
    "was": "be",
    "were": "be",
    "been": "be",
    "is": "be",
    "are": "be",
    "am": "be",
    "being": "be",
    "had": "have",
    "has": "have",
    "did": "do",
    "done": "do",
    "does": "do",
    "made": "make",
    "went": "go",
    "gone": "go",
    "goes": "go",
    "ran": "run",
    "wrote": "write",
    "written": "write",
    "built": "build",
    "rebuilt": "rebuild",
    "held": "hold",
    "took": "take",
    "taken": "take",
    "undertook": "undertake",
    "undertaken": "undertake",
    "brought": "bring",
    "bought": "buy",
    "sold": "sell",
    "sent": "send",
    "spent": "spend",
    "won": "win",
    "grew": "grow",
    "grown": "grow",
    "drove": "drive",
    "driven": "drive",
    "began": "begin",
    "begun": "begin",
    "became": "become",
    "kept": "keep",
    "met": "meet",
    "led": "lead",
    "left": "leave",
    "got": "get",
    "gotten": "get",
    "gave": "give",
    "given": "give",
    "paid": "pay",
    "repaid": "repay",
    "rose": "rise",
    "risen": "rise",
    "fell": "fall",
    "fallen": "fall",
    "chose": "choose",
    "chosen": "choose",
    "drew": "draw",
    "drawn": "draw",
    "found": "find",
    "shown": "show",
    "told": "tell",
    "thought": "think",
    "taught": "teach",
    "caught": "catch",
    "sought": "seek",
    "understood": "understand",
    "broke": "break",
    "broken": "break",
    "spoke": "speak",
    "spoken": "speak",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "said": "say",
    "lost": "lose",
    "meant": "mean",
    "felt": "feel",
    "stood": "stand",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "rewrote": "rewrite",
    "rewritten": "rewrite",
    "oversaw": "oversee",
    "overseen": "oversee",
    "fed": "feed",
    "shrank": "shrink",
    "shrunk": "shrink",
    "lent": "lend",
    "struck": "strike",
    "stuck": "stick",
    "hung": "hang",
    "dealt": "deal",
    "learnt": "learn",
    "spelt": "spell",
    "burnt": "burn",
    "thrived": "thrive",
    "throve": "thrive",
    "upheld": "uphold",
    "overcame": "overcome",
    "sped": "speed",
    "forgave": "forgive",
    "flew": "fly",
    "flown": "fly",
    "froze": "freeze",
    "frozen": "freeze",
    "hid": "hide",
    "hidden": "hide",
    "laid": "lay",
    "sat": "sit",
    "slept": "sleep",
    "swept": "sweep",
    "taken-over": "take-over",
    "outgrew": "outgrow",
    "outgrown": "outgrow",
    "outran": "outrun",
    "mislaid": "mislay",
    "wound": "wind",
    "bound": "bind",
    "children": "child",
    "people": "person",
    "men": "man",
    "women": "woman",
    "staff": "staff",
    "analyses": "analysis",
    "criteria": "criterion",
    "indices": "index",
    "feet": "foot",
    "teeth": "tooth",
}
# Past forms identical to the base (cut, set, put …) are in _VERBS already.

# Words ending like an inflection that are not one (or not of that verb).
_NOT_INFLECTED = frozenset(
    """
bed need speed seed feed shed red hundred embed proceed succeed exceed breed greed indeed weed wed bred fled
led sled creed deed heed bleed steed united kindred hatred sacred naked wicked rugged ragged crooked wretched
thing king ring spring string sing wing bring sting swing morning evening ceiling during nothing something
anything everything sibling darling ping ding bing ling zing cling fling sling wring
this his its is was has does goes yes gas bus plus thus us status campus focus bonus census virus process
access success business class glass less loss boss cross press stress across always news series species
analysis basis crisis thesis emphasis diagnosis hypothesis axis chassis canvas atlas alias bias perhaps
sales tennis physics economics analytics logistics statistics ethics politics mathematics olympics diabetes
""".split()
)

# -ing nouns whose noun sense is the usual one at the start of a phrase
# ("Marketing automation", "Pricing page"); with a determiner or number after
# them they still read as verbal nouns ("Training 40 nurses").
_ING_NOUNS = frozenset(
    """
marketing pricing branding funding housing clothing shipping banking accounting engineering nursing hosting
billing ticketing meeting building learning reporting staffing spending earnings savings setting wedding
heating parking catering consulting advertising printing packaging licensing manufacturing farming fishing
mining teaching lending trading processing timing warning offering opening rating ranking listing booking
spending housing sibling
landing onboarding offboarding recruiting recruitment tracking messaging networking mentoring coaching
outsourcing sourcing scheduling budgeting hiring forecasting planning training testing screening feeding
""".split()
)

_DETERMINERS = frozenset(
    """
the a an our all every each this these those that their its your my his her at least more less no any some
both several many most new two three four five six seven eight nine ten twenty hundred thousand
""".split()
)
_MODALS = frozenset("will shall must should would can could may might 'll wo".split())
_SUBJECTS = frozenset("we i you they he she it team everyone".split())
_FINITE_BE_HAVE = frozenset("is are was were has have had".split())
_BE_FORMS = frozenset("is are was were be been being 's 're".split())
_HAVE_FORMS = frozenset("has have had 've".split())
# A subject with its auxiliary in one token: "we're reducing", "we've cut", "I'm leading".
_CONTRACTED_BE = ("'re", "'m")
_CONTRACTED_HAVE = ("'ve",)
_RELATIVES = frozenset("that which who whom whose".split())
_CONV_PREPS = frozenset("by through while via when after before without upon".split())
_CLAUSE_JOINS = frozenset("and then or".split())
_FUNCTION = frozenset(
    """
the a an and or but of to in on for by from with at as into onto per each every all our we us you your their
its it this that these those will shall not no than more less most over under up down out
via within across between among through before after during until about against without both other own
""".split()
)
_PREPOSITIONS = frozenset(
    """
of to in on for by from with at as into onto per via within across between among through before after
during until about against without over under than
""".split()
)
_PRONOUNS = frozenset("we i you they he she it us them our your their its my his her".split())
# Verbs that are also adjectives: after a noun they describe it ("vulnerabilities open longer than 14 days").
_ADJ_HOMOGRAPHS = frozenset("open free clean clear live idle due secure level".split())
# Noun/verb homographs that, first in a text and before a metric noun, are the noun of a compound
# metric name ("Test coverage ≥ 80%", "Staff turnover below 10%", "Change failure rate < 15%").
_NOUN_FIRST = frozenset(
    """
brand budget call change cost design launch lead market plan price process release review sales search service staff
support test
""".split()
)
_METRIC_NOUNS = frozenset(
    """
share rate score time cost volume backlog turnover turnaround failure spend revenue margin yield velocity
throughput uptime latency growth output quality conversion coverage usage leakage wastage per
""".split()
)
_ABSTRACT_SUFFIXES = ("ness", "ity", "ment", "tion", "ance", "ence", "ency", "ancy", "ship")
# Metric names built as "<measure> to <verb>": "time to hire", "days to close", "cost to serve".
_MEASURE_BEFORE_TO = frozenset("time cost days hours weeks months minutes".split())

# British/American spelling pairs: American form → the lemma used here.
_SPELLING = {
    "behavior": "behaviour",
    "color": "colour",
    "favor": "favour",
    "labor": "labour",
    "honor": "honour",
    "neighbor": "neighbour",
    "center": "centre",
    "catalog": "catalogue",
    "dialog": "dialogue",
    "program": "programme",
    "defense": "defence",
    "offense": "offence",
    "enroll": "enrol",
    "fulfill": "fulfil",
    "license": "licence",
    "practice": "practise",
    "endeavor": "endeavour",
    "gray": "grey",
    "fiber": "fibre",
    "meter": "metre",
    "liter": "litre",
    "theater": "theatre",
    "check-in": "check-in",
    "artifact": "artefact",
    "aging": "ageing",
    "jewelry": "jewellery",
}
_IZE_KEEP = frozenset("size prize seize capsize resize downsize upsize citizen".split())
_VOWELS = set("aeiou")
_APOS_S = re.compile(r"'s?$")
_RANK_WORD_RE = re.compile(r"^([^\W\d_]+)-(\d+)$")
_DECIMAL_RE = re.compile(r"^\d+\.\d+$")
# A numbered heading glued into one word: "KR1:", "O2:", "KR1.3 –".
_LABEL_RE = re.compile(r"^(?:kr|o|okr|obj)\d+(?:\.\d+)*$")


def _canonical(word: str) -> str:
    """One spelling for British/American variants of a base form."""
    if word in _SPELLING:
        return _SPELLING[word]
    if word.endswith("ize") and word not in _IZE_KEEP and len(word) > 5:
        return word[:-3] + "ise"
    if word.endswith("yze"):
        return word[:-3] + "yse"
    if word.endswith(("ization", "izations")) and len(word) > 9:
        return word.replace("ization", "isation")
    if word.endswith("or") and word[:-2] + "our" in _SPELLING.values():
        return word[:-2] + "our"
    return word


# Punctuation that ends a topic label before the text proper ("Customers: …", "Clinics — …").
_LABEL_MARKS = frozenset({":", "—", "–"})


class EnglishAnalyser(Analyser):
    language = "en"

    def __init__(self, lexicon: Lexicon):
        # Verbs a lexicon names (its own or a team's extension) are verbs too.
        verbs = set(_VERBS)
        # Nouns that name an action ("growth", "implementation") may stand in verb concepts;
        # they head a text as verbal nouns, not as verbs.
        self.action_nouns = frozenset(
            str(raw.get("entry", "") if isinstance(raw, dict) else raw).lower()
            for raw in lexicon.concepts.get("action_nouns", []) or []
        )
        for concept in sorted(VERB_CONCEPTS):
            for raw in lexicon.concepts.get(concept, []) or []:
                entry = raw.get("entry", "") if isinstance(raw, dict) else str(raw)
                first = entry.split()[0].lower() if entry.split() else ""
                if (
                    first.isalpha()
                    and first not in _FUNCTION
                    and not (first in self.action_nouns and _canonical(first) not in _VERBS)
                ):
                    verbs.add(_canonical(first))
        self.verbs = frozenset(verbs)
        super().__init__(lexicon)

    # -- tokens and numbers --------------------------------------------------
    def tokenise(self, text: str) -> list[Token]:
        """Split a rank word glued to its number ("top-3") into the word and the number."""
        rank_words = self.lexicon.words("numbers.rank_before")
        out: list[Token] = []
        for tok in super().tokenise(text):
            m = _RANK_WORD_RE.match(tok.norm) if tok.pos != NUM else None
            if m is None or m.group(1) not in rank_words:
                out.append(tok)
                continue
            word, digits = m.group(1), m.group(2)
            info = self._info(word)
            out.append(
                Token(
                    tok.text[: len(word)],
                    tok.start,
                    tok.start + len(word),
                    word,
                    info.lemmas[0],
                    frozenset(info.lemmas),
                    info.pos,
                    info.form,
                    dict(info.feats),
                )
            )
            out.append(Token(digits, tok.end - len(digits), tok.end, digits, digits, frozenset({digits}), NUM))
        return out

    def _number_kind(self, tokens, i, suffix, value, word=False):  # type: ignore[no-untyped-def]
        """English writes no day.month dates: "4.2" is a decimal; "No. 1" is a rank."""
        tok = tokens[i]
        if not word and i >= 2 and tokens[i - 1].text == "." and tokens[i - 2].norm in ("no", "nr"):
            return RANK
        if not word and i >= 2 and tokens[i - 1].text == "." and _LABEL_RE.match(tokens[i - 2].norm):
            return NAME  # "KR2.1": the second half of a heading number
        if (
            not word
            and i >= 2
            and tokens[i - 1].text == "."
            and tokens[i - 2].end == tokens[i - 1].start
            and tokens[i - 1].end == tokens[i].start
            and _VERSION_RE.match(tokens[i - 2].norm)
        ):
            return NAME  # "v2.0": the minor part of a version number
        kind = super()._number_kind(tokens, i, suffix, value, word)
        if kind == NUMBER and not word and self._compound_attribute(tokens, i):
            return NAME  # "2-factor authentication", "a 4-day week", "30-day retention"
        if (
            not word
            and kind == NUMBER
            and len(tok.norm) == 4
            and value is not None
            and 1990 <= value <= 2100
            and i + 1 < len(tokens)
            and tokens[i + 1].norm in ("the", "a", "an", "our", "their", "its", "your", "my")
        ):
            return YEAR  # "Make 2026 the year …": a count is followed by what it counts, not an article
        if kind == DATE and _DECIMAL_RE.match(tok.norm):
            kind = super()._number_kind(tokens, i, "", value, word=True)  # the checks a number word gets
        return kind

    def _compound_attribute(self, tokens, i: int) -> bool:  # type: ignore[no-untyped-def]
        """A number glued by a hyphen to a word, before a noun, names a kind of thing ("a 3-tier
        model", "2-factor authentication"), not an amount; except a value scale ("4.5-star rating",
        "20-percent") and a size of a change ("a 10-minute reduction")."""
        if i + 3 >= len(tokens) or tokens[i + 1].text != "-":
            return False
        unit, after = tokens[i + 2], tokens[i + 3]
        if not (tokens[i].end == tokens[i + 1].start and tokens[i + 1].end == unit.start and unit.is_word):
            return False
        if unit.norm == "star" and tokens[i + 3].norm in ("rating", "score", "average"):
            return False  # "a 4.5-star rating" is the value; "5-star reviews" a kind of review
        if (
            unit.pos == NUM
            or unit.norm in _VALUE_UNITS
            or any(self._is(unit, key) for key in ("numbers.percent_words", "numbers.scale", "numbers.currency"))
        ):
            return False
        if not after.is_word or after.pos not in (NOUN, VERB) or after.form:
            return False
        change = self.lexicon.words("concepts.change_verbs") | self.lexicon.words("concepts.weak_verbs")
        return not (after.lemmas & change)

    def analyse(self, text: str):  # type: ignore[no-untyped-def]
        """Buzzwords that are jargon only as verbs ("leverage partners", not "the leverage ratio"), and
        plural nouns counted by a number ("20 books", "3 drives") that only look like verbs."""
        a = super().analyse(text)
        if a.head is None:
            a = _nominal_change_head(a)
        counted = _counted_plurals(a)
        if counted:
            keep = tuple(m for m in a.matches if not (m.concept in ACTION_CONCEPTS and m.tokens in counted))
            a = dataclasses.replace(a, matches=keep)
        verb_only = self.lexicon.words("morphology.verb_only_jargon")
        if verb_only and any(m.concept == "jargon" for m in a.matches):
            keep = tuple(
                m
                for m in a.matches
                if not (
                    m.concept == "jargon"
                    and len(m.tokens) == 1
                    and a.tokens[m.tokens[0]].lemma in verb_only
                    and not a.tokens[m.tokens[0]].is_verb_like
                )
            )
            if len(keep) != len(a.matches):
                a = dataclasses.replace(a, matches=keep)
        return a

    # -- words --------------------------------------------------------------
    def analyse_word(self, norm: str) -> WordInfo:
        word = _APOS_S.sub("", norm) if "'" in norm else norm
        if "-" in word:
            head, _, last = word.rpartition("-")
            info = self.analyse_word(last) if last else WordInfo((word,))
            lemmas = tuple(f"{head}-{lem}" for lem in info.lemmas) + (word,)
            feats = dict(info.feats)
            if head not in ("re", "co", "pre", "de", "un", "over", "under", "up", "out", "cross"):
                feats.pop("verb", None)
            return WordInfo(_unique(lemmas), NOUN, "", feats)
        if word in _FUNCTION:
            pos = PRON if word in _PRONOUNS else ADP if word in _PREPOSITIONS else CONJ if word in ("and", "or") else X
            return WordInfo((word,), pos)
        base, kind = self._verb_base(word)
        if base is not None:
            feats = {"verb": kind}
            if kind == "base":
                return WordInfo(_unique((base, _canonical(word))), VERB, "", feats)
            if kind == "s":
                return WordInfo(_unique((base, self._singular(word))), VERB, "", feats)
            if kind == "ing" and word in _ING_NOUNS:
                return WordInfo(_unique((base, word)), NOUN, "", feats)
            return WordInfo(_unique((base, word)), VERB, "", feats)
        return WordInfo((self._singular(word),), NOUN)

    def _verb_base(self, word: str) -> tuple[str | None, str]:
        """The verb a word is a form of, and which form ("base", "s", "ed", "ing")."""
        verbs = self.verbs
        canon = _canonical(word)
        if canon in verbs:
            return canon, "base"
        if word in _IRREGULAR:
            base = _IRREGULAR[word]
            return (base, "s" if word in ("is", "has", "does", "goes") else "ed") if base in verbs else (None, "")
        if word in _NOT_INFLECTED:
            return None, ""
        for suffix, kind in (("ing", "ing"), ("ed", "ed"), ("s", "s")):
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                for cand in _bases(word[: -len(suffix)], kind):
                    cand = _canonical(cand)
                    if cand in verbs:
                        return cand, kind
        return None, ""

    def _singular(self, word: str) -> str:
        if word in _IRREGULAR:
            return _IRREGULAR[word]
        if word in _NOT_INFLECTED or len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
            return _canonical(word)
        if word.endswith("ies") and len(word) > 4:
            return _canonical(word[:-3] + "y")
        if word.endswith(("ches", "shes", "sses", "xes", "zzes")):
            return _canonical(word[:-2])
        return _canonical(word[:-1])

    # -- context ------------------------------------------------------------
    def disambiguate(self, tokens: list[Token]) -> list[Token]:
        words = [i for i, t in enumerate(tokens) if t.is_word or t.pos == NUM]
        forms: dict[int, tuple[str, str]] = {}  # index → (pos, form)
        seen_verb = False
        modifiers: set[int] = set()  # -ing words that only name a kind of the noun after them
        for k, i in enumerate(words):
            tok = tokens[i]
            kind = tok.feats.get("verb", "")
            prev = tokens[words[k - 1]] if k > 0 else None
            prev_i = words[k - 1] if k > 0 else -1
            nxt = tokens[words[k + 1]] if k + 1 < len(words) else None
            gap_punct = prev is not None and any(t.text in ",;:(" for t in tokens[prev_i + 1 : i])
            slot = self._slot(tokens, words, k, prev, gap_punct, seen_verb)
            decided: tuple[str, str] | None = None
            if kind == "base" and slot in ("start", "join"):
                if slot == "start" and tok.norm in _NOUN_FIRST and _metric_noun(nxt):
                    decided = (NOUN, "")  # "Test coverage ≥ 80%", "Cost per lead", "Brand awareness"
                elif slot == "start" or self._object_follows(nxt):
                    decided = (VERB, IMP)
            elif kind in ("base", "s") and slot == "finite":
                decided = (VERB, FIN)
            elif (
                kind == "base"
                and slot == "to"
                and not self._in_from_to(tokens, words, k)
                and not (k >= 2 and tokens[words[k - 2]].norm in _MEASURE_BEFORE_TO)
            ):
                decided = (VERB, INF)
            elif kind == "ing":
                if prev is not None and prev.norm in _CONV_PREPS:
                    decided = (VERB, CONV)
                elif slot == "start" and (tok.norm not in _ING_NOUNS or self._object_follows(nxt)):
                    decided = (NOUN, VNOUN)
                elif not seen_verb and nxt is not None and nxt.norm == "of":
                    decided = (NOUN, VNOUN)  # "Faster processing of loan applications"
                elif prev is not None and forms.get(prev_i, ("", ""))[1] in (IMP, INF, FIN) and not gap_punct:
                    decided = (NOUN, VNOUN)  # "try launching", "start offering"
                elif (
                    not seen_verb
                    and not gap_punct
                    and prev is not None
                    and prev.pos == NOUN
                    and (
                        prev.norm in ("people", "children", "staff")
                        or (prev.norm != prev.lemma and prev.norm.endswith("s"))
                    )
                    and nxt is not None
                    and (nxt.norm in _PREPOSITIONS or nxt.norm in _DETERMINERS)
                    and nxt.norm not in ("of", "per")
                ):
                    decided = (ADJ, PART_FORM)  # "children walking to school", "families living in …"
            elif kind == "ed":
                if slot in ("start", "finite"):
                    decided = (VERB, FIN if slot == "finite" else PART_FORM)
                elif not seen_verb and prev is not None and prev.pos in (NOUN, NUM) and prev.feats.get("verb") != "ed":
                    decided = (ADJ, PART_FORM)  # "Customers onboarded: 0 → 40"
            if tok.norm in _IRREGULAR and tok.feats.get("verb") == "s" and slot == "finite":
                decided = (VERB, FIN)
            if tok.norm in _FINITE_BE_HAVE and k > 0 and kind:
                decided = (VERB, FIN)  # "Every household has …", "Our clinics are …"
            if not kind and slot == "start" and tok.lemma in self.action_nouns:
                decided = (NOUN, VNOUN)  # "Growth in online check-ins to 60%", "Implementation of …"
            elif not kind and slot == "start" and self._unknown_verb(tok, nxt):
                decided = (VERB, IMP)  # "Synergize our network", "Vaccinate 500 children"
            if (
                decided is None
                and kind in ("base", "s")
                and not seen_verb
                and not gap_punct
                and self._agrees_with_subject(tokens, words, k, kind, forms)
            ):
                decided = (VERB, FIN)  # "Farmers get a fair price", "Every resident gets care"
            if decided is None:
                if kind == "ing" and _counted_modifier(prev, nxt):
                    modifiers.add(i)  # "4 fundraising newsletters": a kind of newsletter, not an act of fundraising
                if kind:
                    decided = (NOUN if kind in ("base", "s", "ing") else ADJ, "")
                else:
                    continue
            forms[i] = decided
            if decided[1] and decided[1] != CONV:
                seen_verb = True
        self._passive(tokens, words, forms)
        out = []
        for i, tok in enumerate(tokens):
            if tok.lemma == "raise" and self._money_follows(tokens, i):
                # "raise $250k", "raised 2 million dollars": fundraising, not a change of a metric
                tok = dataclasses.replace(tok, norm="fundraise", lemma="fundraise", lemmas=frozenset({"fundraise"}))
            if tok.norm == "one" and i + 1 < len(tokens) and tokens[i + 1].norm == "of":
                # "one of the best employers": a member of a group, not a count
                tok = dataclasses.replace(tok, pos=X, norm="one-", lemma="one-", lemmas=frozenset({"one-"}))
            if i in forms:
                pos, form = forms[i]
                if not form and (tok.norm in _ING_NOUNS or i in modifiers):
                    # "pricing page", "landing page": the noun, not the verb
                    tok = dataclasses.replace(tok, pos=pos, form=form, lemma=tok.norm, lemmas=frozenset({tok.norm}))
                else:
                    tok = dataclasses.replace(tok, pos=pos, form=form)
            out.append(tok)
        return out

    def _slot(
        self, tokens: list[Token], words: list[int], k: int, prev: Token | None, gap_punct: bool, seen_verb: bool
    ) -> str:
        """Where a word stands: "start", "to", "finite", "join" or ""."""
        if prev is None or all(_is_adverb(tokens[j]) for j in words[:k]):
            return "start"  # "Successfully complete …"
        p = prev.norm
        if (
            p in _MODALS
            or p.endswith(("'ll", *_CONTRACTED_BE, *_CONTRACTED_HAVE))
            or (p in _SUBJECTS and k == 1)
            or (p in _RELATIVES and seen_verb)
        ):
            return "finite"
        if p == "not" and k >= 2 and tokens[words[k - 2]].norm in _MODALS:
            return "finite"
        if p == "to":
            return "to"
        if gap_punct and all(
            tokens[j].pos in (NUM, PUNCT, SYM)
            or tokens[j].norm in ("kr", "o", "okr")
            or _LABEL_RE.match(tokens[j].norm)
            for j in words[:k]
        ):
            return "start"  # "KR1: Launch …", "1. Hire …"
        label_end = any(tokens[j].text in _LABEL_MARKS for j in range(words[k - 1] + 1, words[k]))
        if not seen_verb and k <= 4 and label_end:
            return "start"  # "Customers: build …", "Clinics — become …": a short topic label, then the text
        if not seen_verb and gap_punct and any(tokens[j].norm in _CONV_PREPS for j in words[:k]):
            return "start"  # "By optimising X, cut Y"
        lead = next((j for j in words[:k] if not _is_adverb(tokens[j])), words[0])
        if not seen_verb and gap_punct and tokens[lead].norm in _PREPOSITIONS:
            return "start"  # "In 2026, become …", "Together with IT, prepare …": a fronted adverbial phrase
        if p in _RELATIVES and p not in ("whom", "whose") and k >= 2 and tokens[words[k - 2]].pos == NOUN:
            before, kind = tokens[words[k - 2]], tokens[words[k]].feats.get("verb")
            plural = before.norm != before.lemma and before.norm.endswith("s")
            if p == "who" or kind == "s" or (kind == "base" and plural):
                return "finite"  # "Customer happiness that keeps …", "Patients who feel …", "NGOs that multiply …"
        if seen_verb and (p in _CLAUSE_JOINS or gap_punct):
            return "join"
        return ""

    @staticmethod
    def _passive(tokens: list[Token], words: list[int], forms: dict[int, tuple[str, str]]) -> None:
        """In a passive ("is rolled out", "will be reduced", "has been fully migrated"), a
        progressive ("we are reducing", "we're improving") or a perfect after its subject ("we
        will have trained", "we've cut") the participle is the verb and the form of "be" or
        "have" only its auxiliary."""
        for k, i in enumerate(words):
            kind = tokens[i].feats.get("verb")
            if kind not in ("ed", "ing"):
                continue
            j = k - 1
            while j >= 0 and _is_adverb(tokens[words[j]]):
                j -= 1
            if j < 0 or any(t.pos in (PUNCT, SYM) for t in tokens[words[j] + 1 : i]):
                continue
            aux = tokens[words[j]].norm
            be = aux in _BE_FORMS or aux.endswith(_CONTRACTED_BE)
            # "have" + participle is a perfect only after a subject or modal: a first "Have
            # trained staff on every shift" is the verb "have".
            have = (aux in _HAVE_FORMS and j > 0) or aux.endswith(_CONTRACTED_HAVE)
            if not (be or (kind == "ed" and have)):
                continue
            forms[i] = (VERB, FIN)
            if aux in _BE_FORMS or aux in _HAVE_FORMS:
                forms[words[j]] = (X, "")

    @staticmethod
    def _agrees_with_subject(
        tokens: list[Token], words: list[int], k: int, kind: str, forms: dict[int, tuple[str, str]]
    ) -> bool:
        """A verb form right after a noun that agrees with it, with an object or complement after it:
        a plural noun before a base form ("Farmers get"), a singular one before an -s form
        ("Every resident gets"). A preposition or the end after it keeps it a noun ("Patient visits per day")."""
        if k >= 2 and k + 1 == len(words) and tokens[words[k - 2]].norm in ("that", "which", "whom"):
            prev = tokens[words[k - 1]]  # "procurement that residents trust": a relative clause ends the text
            plural = prev.norm.endswith("s") and prev.lemma != prev.norm
            return prev.pos == NOUN and not forms.get(words[k - 1], (NOUN, ""))[1] and plural == (kind == "base")
        if k == 0 or k + 1 >= len(words):
            return False
        prev_i, next_i = words[k - 1], words[k + 1]
        prev, nxt = tokens[prev_i], tokens[next_i]
        if any(t.pos in (PUNCT, SYM) for t in tokens[words[k] + 1 : next_i]):
            return False
        if nxt.norm in _PREPOSITIONS or nxt.norm in ("and", "or") or not nxt.is_word:
            return False
        if prev.pos != NOUN or prev.norm in _FUNCTION or prev.norm in _DETERMINERS or forms.get(prev_i, (NOUN, ""))[1]:
            return False
        if tokens[words[k]].norm in _ADJ_HOMOGRAPHS:
            return False
        plural = (
            prev.norm.endswith("s")
            and not prev.norm.endswith("ss")
            and prev.lemma != prev.norm
            or prev.norm in ("people", "children", "staff", "women", "men")
        )
        if kind == "base":
            return plural
        return not plural and not prev.feats.get("verb") and not prev.norm.endswith("s")

    def _money_follows(self, tokens: list[Token], i: int) -> bool:
        """An amount of money right after the word ("$250k", "2 million dollars", "€40 000")."""
        currency = self.lexicon.words("numbers.currency")
        nxt = tokens[i + 1 : i + 5]
        if nxt and nxt[0].norm in ("a", "an"):
            nxt = tokens[i + 2 : i + 6]  # "raise a €5M seed round"
        if nxt and nxt[0].text in "$€£₽₺¥₸₴":
            return True
        if not nxt or nxt[0].pos != NUM:
            return False
        rest = [t for t in nxt[1:] if t.is_word][:2]
        return any(t.text in "$€£₽₺¥₸₴" for t in nxt[1:2]) or any(
            t.norm in currency or t.lemma in currency for t in rest
        )

    def _unknown_verb(self, tok: Token, nxt: Token | None) -> bool:
        """A first word the verb list lacks, read as an imperative from its ending or its object."""
        w = tok.norm
        if tok.pos != NOUN or "-" in w or w.endswith(("ly", "s")) or len(w) < 4:
            return False
        if w in self.lexicon.words("numbers.words") or w in self.lexicon.words("numbers.ordinals"):
            return False
        if w.endswith(("ise", "ize", "ify", "yse", "yze")):
            return True
        return self._object_follows(nxt) and nxt is not None and nxt.norm not in ("new", "more", "less")

    @staticmethod
    def _object_follows(nxt: Token | None) -> bool:
        """A determiner, number or pronoun after a verb-or-noun word makes it the verb."""
        return nxt is not None and (
            nxt.pos == NUM
            or nxt.norm in _DETERMINERS
            or nxt.norm in _PRONOUNS
            or nxt.norm in ("up", "down", "out", "on", "off", "back")
        )

    @staticmethod
    def _in_from_to(tokens: list[Token], words: list[int], k: int) -> bool:
        """Is this word the Y of "from X to Y"?"""
        return any(tokens[j].norm == "from" for j in words[max(0, k - 6) : k])


def _bases(stem: str, kind: str) -> list[str]:
    """Candidate base forms of a stem left after removing -ing, -ed or -s."""
    out = []
    if kind == "s":
        if stem.endswith("ie"):
            out.append(stem[:-2] + "y")  # tries → try
        if stem.endswith("e") and stem[:-1].endswith(("ch", "sh", "ss", "x", "z", "o")):
            out.append(stem[:-1])  # reaches → reach
        out.append(stem)
        return out
    if kind == "ed" and stem.endswith("i"):
        out.append(stem[:-1] + "y")  # tried → try
    if kind == "ing" and stem.endswith("y") and len(stem) > 1 and stem[-2] not in _VOWELS:
        out.append(stem[:-1] + "ie")  # lying → lie
    out.append(stem)
    if kind == "ed":
        out.append(stem + "e")  # hired → hire (stem "hir" + e)
    else:
        out.append(stem + "e")  # hiring → hire
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        out.append(stem[:-1])  # running → run, cancelled → cancel
    if stem.endswith("ck"):
        out.append(stem[:-1])  # panicked → panic
    return out


_VERSION_RE = re.compile(r"^v\d+$")

# Words after "N-" whose number is a value to reach, not a kind: "a 10-point lead", "2-fold".
_VALUE_UNITS = frozenset({"point", "points", "fold", "times", "x"})


def _nominal_change_head(an):  # type: ignore[no-untyped-def]
    """A verbless key result whose noun phrase ends in a change noun after its size ("25% year-over-year
    revenue growth", "20% YoY growth in members"): the change noun heads it, the size is its target."""
    for m in an.concept("change_verbs"):
        last = m.tokens[-1]
        after = next((t for t in an.tokens[last + 1 :] if t.is_word), None)
        if an.tokens[last].pos != NOUN or (after is not None and after.pos != ADP):
            continue  # the noun ends the phrase, or a prepositional phrase follows ("growth in members")
        sizes = [q for q in an.quantities if q.is_target and q.tokens[-1] < m.tokens[0]]
        between = range(sizes[-1].tokens[-1] + 1, m.tokens[0]) if sizes else range(0)
        if sizes and all(an.tokens[j].pos in (NOUN, ADJ, PUNCT, X) for j in between):
            return dataclasses.replace(an, head=m.tokens[0], predicate=m.tokens)
    return an


def _counted_plurals(an) -> set[tuple[int, ...]]:  # type: ignore[no-untyped-def]
    """Nouns right after a counted number: plurals ("read 20 books", "run 3 drives") and the first half
    of a compound ("hire 5 growth marketers"). The number counts the things, it is never the size of
    a verb ("20 books" is not booking 20 of something, "5 growth" no change of 5)."""
    out: set[tuple[int, ...]] = set()
    for q in an.quantities:
        i = q.tokens[-1] + 1
        if q.kind != NUMBER or i >= len(an.tokens):
            continue
        tok = an.tokens[i]
        if tok.pos != NOUN or tok.form or an.tokens[i - 1].end == tok.start:
            continue
        nxt = an.tokens[i + 1] if i + 1 < len(an.tokens) else None
        if tok.feats.get("verb") == "s" or (nxt is not None and nxt.pos == NOUN and not nxt.form):
            out.add((i,))
    return out


def _counted_modifier(prev: Token | None, nxt: Token | None) -> bool:
    """An -ing word between a number or determiner and a noun modifies that noun ("3 hiring days",
    "our fundraising newsletters"): it names a kind of thing, so its verb is not an outcome or an act."""
    if prev is None or nxt is None or not (nxt.pos == NOUN or nxt.feats.get("verb") == "s"):
        return False
    return prev.pos == NUM or prev.norm in _DETERMINERS


def _metric_noun(tok: Token | None) -> bool:
    """A noun that names a measured property: "coverage", "awareness", "turnover", or "per"."""
    if tok is None or not tok.is_word:
        return False
    w = tok.norm
    return w in _METRIC_NOUNS or (w.endswith(_ABSTRACT_SUFFIXES) and len(w) > 6)


def _is_adverb(tok: Token) -> bool:
    return (
        tok.norm.endswith("ly")
        and len(tok.norm) > 4
        and not tok.feats.get("verb")
        or tok.norm in ("also", "then", "finally", "together", "jointly")
    )


def _unique(items: tuple[str, ...]) -> tuple[str, ...]:
    seen: list[str] = []
    for it in items:
        if it and it not in seen:
            seen.append(it)
    return tuple(seen)
