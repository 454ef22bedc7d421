"""The analysis pipeline every language shares.

A language analyser subclasses :class:`Analyser` and overrides at most
:meth:`Analyser.normalise_word` (script and case rules) and
:meth:`Analyser.analyse_word` (lemmas, part of speech, verb form, features).
Tokenising, lexicon matching, quantities, baseline→target spans and the head
verb are computed here from the lexicon's data, so a rule never needs to know
which language it reads.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from . import normalize as nz
from .lexicon import Lexicon
from .types import (
    CONV,
    DATE,
    MONEY,
    MULTIPLIER,
    NAME,
    NOUN,
    NUM,
    NUMBER,
    PERCENT,
    PUNCT,
    QUARTER,
    RANK,
    SYM,
    VERB_CONCEPTS,
    VERB_FORMS,
    YEAR,
    Analysis,
    Change,
    Match,
    Quantity,
    Token,
    X,
)


@dataclass(frozen=True)
class WordInfo:
    """What an analyser knows about one word out of context."""

    lemmas: tuple[str, ...]  # best first
    pos: str = X
    form: str = ""
    feats: Mapping[str, str] = field(default_factory=dict)


_A = re.escape(nz.APOSTROPHES)
_SP = re.escape(nz.NUMBER_SPACES)
# A word (a letter, then letters, digits or apostrophes, hyphens only between letters) is tried
# first: it is the commonest token, and no word starts like a number or the other way round.
TOKEN_RE = re.compile(
    rf"""
    (?P<word>[^\W\d_][\w{_A}]*(?:-[^\W\d_][\w{_A}]*)*)
   |(?P<num>\d{{4}}-\d{{2}}(?:-\d{{2}})?(?!\d)
          |\d{{1,3}}(?:[{_SP}]\d{{3}}(?!\d))+(?:[.,]\d+)?(?:[{_A}]?[^\W\d_]+)*
          |\d+(?:[.,]\d+)*(?:[{_A}]?[^\W\d_]+(?:[{_A}]?[^\W\d_]+)*)?)
   |(?P<arrow>->|=>|—>|-->|→|⇒|➝|➔|⟶|↦)
   |(?P<sym>\S)
    """,
    re.VERBOSE,
)
_NUM_HEAD = re.compile(rf"^\d[\d{_SP}.,]*")
ARROWS = frozenset({"->", "=>", "—>", "-->", "→", "⇒", "➝", "➔", "⟶", "↦"})
# "31.03" alone is read as a decimal: KRs hold far more decimals than day.month dates.
_DATE_RE = re.compile(r"^(\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}(?:-\d{2})?)$")
_TIMES_RE = re.compile(r"^[x×](\d+)$")  # "x2": a multiplier written before its factor
_SEASON_RE = re.compile(r"^(19|20)\d\d/(\d\d|(19|20)\d\d)$")
_QUARTER_RE = re.compile(r"^(q[1-4]|h[12]|[1-4]q)$", re.I)
CURRENCY_SYMBOLS = frozenset("$€£₽₺¥₸₴")


class Analyser:
    """Base class of every language analyser (see module docstring)."""

    language = "xx"
    lexicon: Lexicon
    dotless_i = False  # set from the lexicon's alphabet in __init__

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self._word_cache: dict[str, WordInfo] = {}
        self._surface_readings: dict[str, tuple] = {}  # surface → what tokenise makes of it
        self.head_final = lexicon.get("head_position", "initial") == "final"
        # Read from the lexicon's alphabet, not the language code: "I" folds to "ı" where ı is a letter.
        self.dotless_i = self.dotless_i or nz.has_dotless_i(
            f"{lexicon.get('detect.letters', '')}{lexicon.get('detect.alphabet', '')}"
        )
        precompiled = lexicon.__dict__.pop("precompiled", None)
        if precompiled is not None:
            # From the compiled-lexicon cache (see compiled.py): the patterns and the word cache
            # exactly as compiling left them, so what follows sees the same state.
            patterns, words = precompiled
            lexicon.use_patterns(patterns)
            self._word_cache.update(words)
        else:
            lexicon.compile(self.analyse_words)
        lexicon.__dict__["compiled_words"] = dict(self._word_cache)
        self._surface_readings.clear()  # an analyser may read words differently while compiling

    # Dict attributes (word → plain value) an analyser fills as it reads words, passed on to the
    # next run with its word analyses (see ``word_tables``). Each value must depend only on the
    # word, the lexicon and the analyser's code and dictionaries.
    persistent_tables: tuple[str, ...] = ()

    def word_tables(self) -> dict[str, dict]:
        """What this analyser knows of single words, by table: "words" (word → WordInfo) and
        the ``persistent_tables``. The tables are the live ones: adding to them teaches it."""
        out: dict[str, dict] = {"words": self._word_cache}
        for name in self.persistent_tables:
            out[name] = self.__dict__.setdefault(name, {})
        return out

    def forget_words(self) -> None:
        """Drop every remembered word analysis (and the token readings made from them)."""
        self._word_cache.clear()
        self._surface_readings.clear()

    # -- per-language hooks -------------------------------------------------
    def normalise_word(self, surface: str) -> str:
        """The form a word is matched by (script, case, apostrophes). Leaves ASCII digits as they are."""
        return nz.casefold(nz.fold_apostrophes(nz.nfc(surface)), self.dotless_i)

    def analyse_word(self, norm: str) -> WordInfo:
        """Lemmas and features of one normalised word. Override per language."""
        return WordInfo((norm,))

    def disambiguate(self, tokens: list[Token]) -> list[Token]:
        """Context rules over the whole sentence. Override per language."""
        return tokens

    # -- pipeline -----------------------------------------------------------
    def analyse(self, text: str) -> Analysis:
        tokens = tuple(self.disambiguate(self.tokenise(text)))
        matches = self.lexicon.match(tokens)
        quantities = self.find_quantities(tokens, matches)
        predicate, head = self.find_predicate(tokens, matches)
        changes = self.find_changes(tokens, quantities)
        relative = self.find_relative(tokens, quantities)
        places = self.find_places(tokens, quantities)
        to_marked = frozenset(
            k for k, q in enumerate(quantities) if q.is_target and self._marked(tokens, q, "to", near=True)
        )
        return Analysis(
            text,
            self.language,
            tokens,
            quantities,
            matches,
            predicate,
            head,
            changes,
            relative,
            places=places,
            to_marked=to_marked,
            head_final=self.head_final,
        )

    def analyse_words(self, text: str) -> list[Token]:
        """Tokens with word analysis, no context (used to compile lexicons)."""
        return self.tokenise(text)

    def tokenise(self, text: str) -> list[Token]:
        out: list[Token] = []
        append = out.append
        readings = self._surface_readings
        for m in TOKEN_RE.finditer(text):
            surface = m.group()
            reading = readings.get(surface)
            if reading is None:
                reading = self._surface_reading(surface, m.lastgroup)
            start, end = m.span()
            append(Token(surface, start, end, *reading))
        return out

    def _surface_reading(self, surface: str, kind: str | None) -> tuple:
        """(norm, lemma, lemmas, pos, form, feats) of one token's surface, remembered per analyser.

        What a token reads as depends on its surface only (its kind, "word", "num" or a
        symbol, is a function of the surface too), so a run analyses each spelling once.
        """
        if kind == "word":
            norm = self.normalise_word(surface)
            info = self._info(norm)
            reading = (norm, info.lemmas[0], frozenset(info.lemmas), info.pos, info.form, dict(info.feats))
        elif kind == "num":
            # Plain digits (most numbers, and new ones in every text) need no normalising.
            norm = surface if surface.isascii() and surface.isdigit() else self.normalise_word(surface)
            reading = (norm, norm, frozenset({norm}), NUM, "", {})
        else:
            pos = SYM if kind == "arrow" or surface in CURRENCY_SYMBOLS or surface in "%№#" else PUNCT
            reading = (surface, surface, frozenset({surface}), pos, "", {})
        if len(self._surface_readings) >= 200_000:
            self._surface_readings.clear()
        self._surface_readings[surface] = reading
        return reading

    def _info(self, norm: str) -> WordInfo:
        info = self._word_cache.get(norm)
        if info is None:
            info = self.analyse_word(norm)
            if not info.lemmas:
                info = WordInfo((norm,), info.pos, info.form, info.feats)
            if len(self._word_cache) < 200_000:
                self._word_cache[norm] = info
        return info

    # -- quantities ---------------------------------------------------------
    def _is(self, tok: Token, key: str) -> bool:
        words = self.lexicon.words(key)
        return tok.norm in words or tok.lemma in words or not words.isdisjoint(tok.lemmas)

    def find_quantities(self, tokens: tuple[Token, ...], matches: tuple[Match, ...]) -> tuple[Quantity, ...]:
        lx = self.lexicon
        number_words = lx.mapping("numbers.words")
        ordinals = lx.mapping("numbers.ordinals")
        out: list[Quantity] = []
        used: set[int] = set()
        for m in matches:
            if m.concept == "multipliers":
                out.append(Quantity(MULTIPLIER, None, m.start, m.end, m.tokens))
                used.update(m.tokens)
        for m in matches:
            if m.concept == "rank_phrases":
                out.append(Quantity(RANK, None, m.start, m.end, m.tokens))
                used.update(m.tokens)
        n = len(tokens)
        i = 0
        while i < n:
            tok = tokens[i]
            if i in used:
                i += 1
                continue
            value: float | None = None
            span = [i]
            if tok.pos == NUM:
                head = _NUM_HEAD.match(tok.norm)
                digits = head.group() if head else ""
                value = (
                    float(digits)
                    if digits.isascii() and digits.isdigit()
                    else nz.parse_number(digits)
                    if head
                    else None
                )
                suffix = tok.norm[head.end() :] if head else ""
                kind = self._number_kind(tokens, i, suffix, value)
                # "10 tysięcy", "800 tys.", "5 million": the scale word belongs to the number.
                scale = self._scale_after(tokens, i)
                if scale and kind in (NUMBER, PERCENT, MONEY):
                    span.extend(scale)
                    factor = number_words.get(tokens[scale[0]].lemma, number_words.get(tokens[scale[0]].norm))
                    if value is not None and factor and factor >= 1000:
                        value *= factor
                # "9:30" (minutes:seconds, hours:minutes) is one duration, not two numbers.
                if (
                    kind == NUMBER
                    and value is not None
                    and i + 2 < n
                    and tokens[i + 1].text == ":"
                    and tokens[i + 2].pos == NUM
                    and len(tokens[i + 2].norm) == 2
                    and tokens[i + 2].norm.isdigit()
                    and tokens[i].end == tokens[i + 1].start
                    and tokens[i + 1].end == tokens[i + 2].start
                ):
                    span.extend((i + 1, i + 2))
                    value += int(tokens[i + 2].norm) / 60
            elif tok.norm[:1] in ("x", "×") and _TIMES_RE.match(tok.norm):
                out.append(Quantity(MULTIPLIER, float(_TIMES_RE.match(tok.norm).group(1)), tok.start, tok.end, (i,)))
                i += 1
                continue
            elif len(tok.norm) == 2 and _QUARTER_RE.match(tok.norm):
                out.append(Quantity(QUARTER, None, tok.start, tok.end, (i,)))
                i += 1
                continue
            elif tok.lemma in number_words or tok.norm in number_words:
                value = number_words.get(tok.lemma, number_words.get(tok.norm))
                # A case ending closes the number: "yirmi beşten | elliye", "yigirma beshtadan | elliktaga".
                closing = self._marks("from")[2] + self._marks("to")[2]
                while (
                    i + 1 < n
                    and (tokens[i + 1].lemma in number_words or tokens[i + 1].norm in number_words)
                    and not (closing and tokens[i].norm not in number_words and tokens[i].norm.endswith(closing))
                ):
                    i += 1
                    span.append(i)
                if len(span) > 1:
                    value = _compose_number(
                        [number_words.get(tokens[j].lemma, number_words.get(tokens[j].norm)) for j in span]
                    )
                kind = self._number_kind(tokens, span[-1], "", value, word=True)
            elif (tok.lemma in ordinals or tok.norm in ordinals) and self._rank_after(tokens, i):
                kind = RANK
            else:
                i += 1
                continue
            if kind is None:
                i += 1
                continue
            # "×2", "2×": the times sign glued to a number makes it a multiplier.
            for j in (span[0] - 1, span[-1] + 1):
                if (
                    kind == NUMBER
                    and 0 <= j < n
                    and tokens[j].text == "×"
                    and (tokens[j].end == tokens[span[0]].start or tokens[span[-1]].end == tokens[j].start)
                ):
                    kind = MULTIPLIER
                    span = sorted(span + [j])
            # A percent sign or currency before the number ("%40", "$5k") belongs to it.
            first = span[0]
            if first > 0 and tokens[first - 1].text in {"%", "#", "№"} | CURRENCY_SYMBOLS:
                span.insert(0, first - 1)
            last = span[-1]
            # A percent sign after the number is its own only when none came before it
            # and no case suffix closes the number: in "%40'tan %70'e" the second
            # "%" belongs to 70.
            prev_w = _prev_word(tokens, first)
            prefixed = (
                span[0] != first
                or "'" in tokens[last].norm
                or (prev_w is not None and self._is(prev_w, "numbers.percent_words"))
            )
            if (
                kind in (PERCENT, MONEY)
                and last + 1 < n
                and (
                    (
                        not prefixed
                        and (tokens[last + 1].text == "%" or self._is(tokens[last + 1], "numbers.percent_words"))
                    )
                    or tokens[last + 1].text in CURRENCY_SYMBOLS
                    or self._is(tokens[last + 1], "numbers.currency")
                    or self._is(tokens[last + 1], "numbers.scale")
                )
            ):
                span.append(last + 1)
            out.append(Quantity(kind, value, tokens[span[0]].start, tokens[span[-1]].end, tuple(span)))
            i = span[-1] + 1
        out.sort(key=lambda q: q.start)
        return tuple(out)

    @staticmethod
    def _numbered_name(tokens: tuple[Token, ...], sign: int, value: float | None) -> bool:
        """ "школа № 5", "Route #12": a number sign right after a noun names
        the thing; only "№1" after a noun ("бренд №1") stays a rank."""
        before = tokens[sign - 1] if sign > 0 else None
        return before is not None and before.is_word and before.pos == NOUN and value is not None and value != 1

    def _rank_after(self, tokens: tuple[Token, ...], i: int) -> bool:
        return i + 1 < len(tokens) and self._is(tokens[i + 1], "numbers.rank_after")

    def _number_kind(
        self, tokens: tuple[Token, ...], i: int, suffix: str, value: float | None, word: bool = False
    ) -> str | None:
        if word and value is not None and value < 1 and self._period_follows(tokens, i):
            # "do połowy roku", "во второй половине года": a point in time, not half of something
            return DATE
        tok = tokens[i]
        prev = _prev_word(tokens, i)
        prev_any = tokens[i - 1] if i > 0 else None
        nxt = _next_word(tokens, i)
        nxt_any = tokens[i + 1] if i + 1 < len(tokens) else None
        adjacent_prev = prev_any is not None and prev_any.end == tok.start
        if not word:
            if _DATE_RE.match(tok.norm.split("'")[0]):
                return DATE  # "31.12.2026", "31.12.2026'ya kadar"
            if (i > 0 and tokens[i - 1].text == "/") or (i + 1 < len(tokens) and tokens[i + 1].text == "/"):
                run = _slash_run(tokens, i)
                if run in ("24/7", "24/7/365", "7/24"):
                    return NAME  # round the clock, not a quantity
                if _DATE_RE.match(run):
                    return DATE  # "30/06/2025": the tokeniser splits a date at its slashes
                if _SEASON_RE.match(run):
                    return YEAR  # "the 2026/27 season", "FY 2025/2026": a span of years
            if adjacent_prev and prev_any.is_word and prev_any.pos != NUM:
                return NAME  # "Web3", "B2B"
            glued = i >= 2 and adjacent_prev and prev_any.text == "-" and tokens[i - 2].end == prev_any.start
            if (
                glued
                and tokens[i - 2].is_word
                and tokens[i - 2].pos != NUM
                and not self._is(tokens[i - 2], "numbers.rank_before")
            ):
                return NAME  # "COVID-19", "ISO-9001"; but "top-3" is a rank
            letters = suffix.strip("'").split("'")[0] if suffix else ""
            if (
                len(suffix) == 1
                and tok.text[-1:].isupper()
                and tok.text[-1:].lower() == suffix
                and suffix not in self.lexicon.words("numbers.scale")
                and suffix != "x"
            ):
                return NAME  # "4G", "3D": one capital letter names a generation/format, not a unit ("500g")
            if (
                letters
                and not suffix.startswith("'")
                and letters not in self.lexicon.words("numbers.units")
                and letters not in self.lexicon.words("numbers.scale")
                and letters != "x"
            ):
                return NAME  # "4G", "1C", "3D"
            if letters == "x" and not suffix.startswith("'"):
                return MULTIPLIER
            if prev is not None and self._is(prev, "numbers.name_prefixes") and prev_any is prev:
                return NAME  # "ISO 9001"
        if prev_any is not None and prev_any.text in ("№", "#"):
            return NAME if self._numbered_name(tokens, i - 1, value) else RANK
        if prev is not None and self._is(prev, "numbers.rank_before") and prev_any is prev:
            return RANK
        if (
            prev_any is not None
            and prev_any.text == "-"
            and i >= 2
            and tokens[i - 2].is_word
            and self._is(tokens[i - 2], "numbers.rank_before")
        ):
            return RANK  # "top-3", "топ-3"
        if nxt is not None and self._is(nxt, "numbers.rank_after"):
            return RANK
        if nxt_any is not None and nxt_any.text == "%":
            return PERCENT  # "30% quarter over quarter", "5% в квартал": the sign says what the number is
        if nxt is not None and (self._is(nxt, "numbers.months")):
            return DATE
        if prev is not None and prev.norm in self.lexicon.words("numbers.months"):
            return DATE  # "March 5"; an inflected homograph before a number is no month ("aralığını 5 dakikadan")
        if nxt is not None and self._is(nxt, "numbers.quarter_words"):
            return QUARTER
        if (
            value is not None
            and not word
            and value == int(value)
            and 1990 <= value <= 2100
            and len(tok.norm.split("'")[0]) == 4
        ):
            year_after = nxt is not None and (
                self._is(nxt, "numbers.year_words") or self._is(nxt, "numbers.date_words")
            )
            if (
                nxt is None
                or year_after
                or (prev is not None and (self._is(prev, "numbers.date_words") or self._is(prev, "numbers.year_words")))
                or (prev is not None and (self._is(prev, "numbers.quarter_words") or _QUARTER_RE.match(prev.norm)))
            ) and (year_after or not self._counted_up_to(tokens, i)):
                return YEAR  # "2026 yılı", "Q1 2026", "I kwartał 2026"; not "z 1100 do 2000"
        if (
            (prev_any is not None and prev_any.text == "%")
            or (nxt_any is not None and nxt_any.text == "%")
            or (prev is not None and self._is(prev, "numbers.percent_words"))
            or (nxt is not None and self._is(nxt, "numbers.percent_words"))
        ):
            return PERCENT
        if (
            (prev_any is not None and prev_any.text in CURRENCY_SYMBOLS)
            or (nxt_any is not None and nxt_any.text in CURRENCY_SYMBOLS)
            or (
                nxt is not None
                and (
                    self._is(nxt, "numbers.currency")
                    or (self._is(nxt, "numbers.scale") and self._next_is_currency(tokens, i))
                )
            )
        ):
            return MONEY
        return NUMBER

    def _period_follows(self, tokens: tuple[Token, ...], i: int) -> bool:
        """A year, month, quarter or year word comes right after token ``i``."""
        if i + 1 >= len(tokens):
            return False
        nxt = tokens[i + 1]
        if nxt.pos == NUM:
            return len(nxt.norm) == 4 and nxt.norm.isdigit() and 1990 <= int(nxt.norm) <= 2100
        return any(self._is(nxt, key) for key in ("numbers.year_words", "numbers.quarter_words", "numbers.months"))

    def _counted_up_to(self, tokens: tuple[Token, ...], i: int) -> bool:
        """A year-shaped number marked as the target of a from→to whose baseline is a plain
        count is a count too: "z 1100 do 2000", "с 1100 до 2000", "1100'den 2000'e"; but
        "до 2026" after a count that is no baseline ("150 врачей до 2026") stays a year."""
        if not self._marked_at(tokens, i, "to"):
            return False
        for j in range(i - 1, max(-1, i - 5), -1):
            t = tokens[j]
            if t.pos != NUM:
                continue
            digits = t.norm.split("'")[0]
            head = _NUM_HEAD.match(digits)
            value = nz.parse_number(head.group()) if head else None
            if value is None or (value == int(value) and 1990 <= value <= 2100 and len(digits) == 4):
                return False
            return self._marked_at(tokens, j, "from")
        return False

    def _marked_at(self, tokens: tuple[Token, ...], i: int, side: str) -> bool:
        """Number token ``i`` has the ``side`` mark before it ("do", "до", "from") or as its own case ending ("2000'e")."""
        before, _, suffixes, _ = self._marks(side)
        prev = _prev_word(tokens, i, skip_symbols=True)
        if prev is not None and (prev.norm in before or prev.lemma in before):
            return True
        norm = tokens[i].norm
        return bool(suffixes) and "'" in norm and norm.rsplit("'", 1)[-1].endswith(suffixes)

    def _scale_after(self, tokens: tuple[Token, ...], i: int) -> list[int]:
        """The scale word after a digit token, with its abbreviation dot ("tys.", "тыс.")."""
        j = i + 1
        if (
            j >= len(tokens)
            or not tokens[j].is_word
            or tokens[j].pos == NUM
            or not self._is(tokens[j], "numbers.scale")
        ):
            return []
        if j + 1 < len(tokens) and tokens[j + 1].text == "." and tokens[j + 1].start == tokens[j].end:
            return [j, j + 1]
        return [j]

    def _next_is_currency(self, tokens: tuple[Token, ...], i: int) -> bool:
        j = i + 2
        if j < len(tokens) and tokens[j].text == "." and tokens[j].start == tokens[j - 1].end:
            j += 1  # "800 tys. zł"
        return j < len(tokens) and (tokens[j].text in CURRENCY_SYMBOLS or self._is(tokens[j], "numbers.currency"))

    # -- baseline → target --------------------------------------------------
    def find_changes(self, tokens: tuple[Token, ...], quantities: tuple[Quantity, ...]) -> tuple[Change, ...]:
        qs = [q for q in quantities if q.kind in (NUMBER, PERCENT, MONEY)]
        out: list[Change] = []
        for a, b in zip(qs, qs[1:]):
            between = tokens[a.tokens[-1] + 1 : b.tokens[0]]
            if any(t.text in ARROWS for t in between) and len(between) <= 4:
                out.append(Change(a.start, b.end, a.value, b.value))
            elif self._marked(tokens, a, "from") and self._marked(tokens, b, "to"):
                out.append(Change(a.start, b.end, a.value, b.value))
        current = self.lexicon.words("baseline.current")
        previous_end = -1
        for q in qs:
            lo = q.tokens[0]
            # The marker stands just before its number, never across another number.
            # Three words, not tokens: "(boshlang'ich daraja: oyiga 1 800)", "(punkt wyjścia: 1800)".
            window = [t for t in tokens[previous_end + 1 : lo] if t.is_word][-3:]
            previous_end = q.tokens[-1]
            # A label that also means "existing" ("mevcut müşteriler") marks a value only as "label: N".
            label = (
                lo >= 2
                and tokens[lo - 1].text == ":"
                and tokens[lo - 2].norm in self.lexicon.words("baseline.current_label")
            )
            if label or any(t.norm in current or t.lemma in current for t in window):
                out.append(Change(q.start, q.end, q.value, None))
        return tuple(out)

    def _marked(self, tokens: tuple[Token, ...], q: Quantity, side: str, near: bool = False) -> bool:
        """Is ``q`` marked as the baseline ("from") or target ("to") side?

        ``near`` accepts only marks on the quantity itself (a preposition before it,
        a case ending on the number or its unit, a bare "ga"/"dan" after it), not
        a case ending on a counted noun: in "150 ta oilaga yordam" the dative is
        the object of "help", not a target value.
        """
        before, suffix_set, suffixes, measures = self._marks(side)
        lo = q.tokens[0]
        prev = _prev_word(tokens, lo, skip_symbols=True)
        if prev is not None and (prev.norm in before or prev.lemma in before):
            return True
        if not suffixes:
            return False
        # Turkish/Uzbek: the case suffix sits on the number ("30'dan"), on a
        # following unit ("dakikadan", "taga") or stands alone ("dan").
        hi = q.tokens[-1]
        cands = [tokens[hi]] + [t for t in tokens[hi + 1 : hi + 4] if t.is_word][:2]
        for k, t in enumerate(cands):
            word = t.norm.split("'")[-1] if "'" in t.norm else t.norm
            if t.pos == NUM and "'" not in t.norm:
                continue
            # A unit word inside the quantity ("70 foizdan", "5 mln so'mdan") carries the case too.
            measure = t.norm in measures or t.lemma in measures or not measures.isdisjoint(t.lemmas)
            inside = k == 0 or cands[k] is tokens[q.tokens[-1]] or measure
            if word in suffix_set and (not near or k <= 1):
                return True
            if near and not inside:
                continue
            if (k > 0 or "'" in t.norm or t.pos != NUM) and word.endswith(suffixes):
                return True
        return False

    def _marks(self, side: str) -> tuple[frozenset[str], frozenset[str], tuple[str, ...], frozenset[str]]:
        """What marks the ``side`` ("from"/"to") of a change: the words before a number, the
        case suffixes (as a set and a tuple), and the unit words that carry a suffix too."""
        cache = self.__dict__.setdefault("_marks_cache", {})
        hit = cache.get(side)
        if hit is None:
            lx = self.lexicon
            suffixes = lx.words(f"baseline.{side}_suffixes")
            measures = (
                lx.words("numbers.units")
                | lx.words("numbers.currency")
                | lx.words("numbers.percent_words")
                | lx.words("numbers.scale")
            )
            hit = cache[side] = (lx.words(f"baseline.{side}_before"), suffixes, tuple(suffixes), measures)
        return hit

    def find_relative(self, tokens: tuple[Token, ...], quantities: tuple[Quantity, ...]) -> frozenset[int]:
        before = self.lexicon.words("numbers.relative_before")
        after = self.lexicon.words("numbers.relative_after")
        out = set()
        for k, q in enumerate(quantities):
            prev = _prev_word(tokens, q.tokens[0], skip_symbols=True)
            nxt = _next_word(tokens, q.tokens[-1])
            if (prev is not None and prev.norm in before) or (nxt is not None and nxt.norm in after):
                out.add(k)
        return frozenset(out)

    def find_places(self, tokens: tuple[Token, ...], quantities: tuple[Quantity, ...]) -> frozenset[int]:
        """Quantities that count where something happens, not how many things are made."""
        before = self.lexicon.words("numbers.place_before")
        out = set()
        for k, q in enumerate(quantities):
            prev = _prev_word(tokens, q.tokens[0], skip_symbols=True)
            # The counted noun, past a counter word ("4 ta filialda"), in the locative.
            following = [t for t in tokens[q.tokens[-1] + 1 : q.tokens[-1] + 4] if t.is_word][:2]
            if (prev is not None and prev.norm in before) or any(t.feats.get("case") == "loc" for t in following):
                out.add(k)
        return frozenset(out)

    # -- head verb ----------------------------------------------------------
    def find_predicate(
        self, tokens: tuple[Token, ...], matches: tuple[Match, ...]
    ) -> tuple[tuple[int, ...], int | None]:
        units = _after_condition(
            tokens,
            _outside_brackets(tokens, self._verb_units(tokens, matches)),
            self.lexicon.words("clauses.conditions"),
        )
        if not units:
            return (), None
        hedges = {i for m in matches if m.concept == "hedging" for i in m.tokens}
        order = list(reversed(units)) if self.head_final else units
        chain = [order[0]]
        for unit in order[1:]:
            if not (set(chain[-1]) & hedges):
                break
            chain.append(unit)
        predicate = tuple(i for unit in chain for i in unit)
        head = next((unit[0] for unit in chain if not (set(unit) & hedges)), None)
        return predicate, head

    def _verb_units(self, tokens: tuple[Token, ...], matches: tuple[Match, ...]) -> list[tuple[int, ...]]:
        """Verb-like tokens, a multiword verb counted once (its own tokens)."""
        verbal = VERB_CONCEPTS
        # A multiword verb counts when one of its words is verb-like: "повышение квалификации" inside
        # "курсы повышения квалификации" is a noun phrase, not a predicate.
        multi = [
            m
            for m in matches
            if len(m.tokens) > 1 and m.concept in verbal and any(tokens[i].is_verb_like for i in m.tokens)
        ]
        in_multi = {i: m for m in multi for i in m.tokens}
        units: list[tuple[int, ...]] = []
        done: set[int] = set()
        for i, tok in enumerate(tokens):
            if i in done:
                continue
            if i in in_multi:
                m = in_multi[i]
                units.append(m.tokens)
                done.update(m.tokens)
            elif tok.form in VERB_FORMS and tok.form != CONV:
                units.append((i,))
        return units


def _outside_brackets(tokens: tuple[Token, ...], units: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """A note in round brackets ("(status: on track)", "(durum: planlandığı gibi)", "(holat:
    rejalashtirilgan)") is outside the sentence: its verbs head nothing, unless every verb is in one."""
    if not any(t.text == "(" for t in tokens):
        return units
    inside: set[int] = set()
    depth = 0
    for i, t in enumerate(tokens):
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth:
            inside.add(i)
    return [u for u in units if u[-1] not in inside] or units


def _after_condition(
    tokens: tuple[Token, ...], units: list[tuple[int, ...]], conditions: frozenset[str]
) -> list[tuple[int, ...]]:
    """A leading condition ("If funding is approved, launch …", "Jeżeli pilotaż się powiedzie,
    wdrożyć …") heads nothing: the main clause after its comma does. The words that open one are
    the lexicon's ``clauses.conditions``."""
    if not conditions:
        return units
    first = next((t for t in tokens if t.is_word), None)
    if first is None or first.norm not in conditions:
        return units
    comma = next((k for k, t in enumerate(tokens) if t.text == ","), None)
    if comma is None:
        return units
    return [u for u in units if u[0] > comma] or units


def _slash_run(tokens: tuple[Token, ...], i: int) -> str:
    """The digits-and-slashes run a number token belongs to ("24/7"), as written."""
    lo = hi = i
    while (
        lo >= 2
        and tokens[lo - 1].text == "/"
        and tokens[lo - 2].pos == NUM
        and tokens[lo - 2].end == tokens[lo - 1].start
        and tokens[lo - 1].end == tokens[lo].start
    ):
        lo -= 2
    while (
        hi + 2 < len(tokens)
        and tokens[hi + 1].text == "/"
        and tokens[hi + 2].pos == NUM
        and tokens[hi].end == tokens[hi + 1].start
        and tokens[hi + 1].end == tokens[hi + 2].start
    ):
        hi += 2
    return "".join(t.text for t in tokens[lo : hi + 1])


def _compose_number(values: list[float | None]) -> float | None:
    """The value of a run of number words: "on beş" 15, "iki yüz elli" 250, "üç bin" 3000."""
    total = current = 0.0
    for v in values:
        if v is None:
            return None
        if v >= 1000:
            total += max(current, 1) * v
            current = 0.0
        elif v == 100:
            current = max(current, 1) * v
        else:
            current += v
    return total + current


def _prev_word(tokens: tuple[Token, ...], i: int, skip_symbols: bool = False) -> Token | None:
    j = i - 1
    while j >= 0:
        t = tokens[j]
        if t.is_word:
            return t
        if not skip_symbols or t.pos not in (SYM, PUNCT) or t.text in ARROWS:
            return None
        j -= 1
    return None


def _next_word(tokens: tuple[Token, ...], i: int) -> Token | None:
    j = i + 1
    while j < len(tokens):
        t = tokens[j]
        if t.is_word and t.pos != NUM:
            return t
        if t.pos == NUM:
            return None
        j += 1
    return None
