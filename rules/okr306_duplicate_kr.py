"""OKR306 duplicate-kr: two key results of one objective measure the same thing."""

import re

from okrlint.analysis.types import NUM, PUNCT, SYM, VERB_CONCEPTS
from okrlint.model import Element, Objective
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR306",
    name="duplicate-kr",
    severity=Severity.WARNING,
    applies_to=Element.OBJECTIVE,
    summary="Two key results of one objective measure the same thing.",
    why="Two key results on one metric double-count it and leave another side of the objective unmeasured.",
    bad=("Raise NPS from 30 to 40 / Increase NPS from 30 to 45",),
    good=("Raise NPS from 30 to 40 / Cut churn from 5% to 3%",),
)

# Verbs, deadlines and "all" say how, not what is measured.
_NOT_METRIC = VERB_CONCEPTS | {"deadline_phrases", "all_words", "multipliers"}


def _metric_words(an) -> frozenset:
    skip = {i for m in an.matches if m.concept in _NOT_METRIC for i in m.tokens}
    for q in an.quantities:
        skip.update(q.tokens)
    return frozenset(
        t.lemma
        for i, t in enumerate(an.tokens)
        if i not in skip and t.pos not in (NUM, PUNCT, SYM) and t.is_word and not t.is_verb_like and len(t.norm) > 2
    )


_NOT_ALNUM_OR_SPACE = re.compile(r"[^\w\s]|_")  # \w is alphanumeric or "_", \s is whitespace, as str methods say


def _plain(text: str) -> str:
    return " ".join(_NOT_ALNUM_OR_SPACE.sub("", text.casefold()).split())


def check(obj: Objective, ctx):
    seen: list[tuple[str, frozenset, object]] = []
    for kr in obj.key_results:
        if kr.title is None:
            continue
        plain = _plain(kr.title.value)
        an = ctx.analyse(kr.title)
        words = _metric_words(an) if an is not None else frozenset()
        for other_plain, other_words, other in seen:
            if plain == other_plain or (words and words == other_words):
                yield ctx.finding(
                    kr.title.span,
                    f"this key result measures the same thing as key result "
                    f"{other.index + 1} (line {other.title.span.line})",
                    "merge them, or measure a different side of the objective",
                    params={"index": other.index + 1, "line": other.title.span.line},
                )
                break
        seen.append((plain, words, kr))
