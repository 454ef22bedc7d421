"""OKR002 unknown-language: a text whose language okrlint cannot tell is not analysed."""

from okrlint.model import Element, KeyResult, Objective
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR002",
    name="unknown-language",
    severity=Severity.INFO,
    applies_to=(Element.OBJECTIVE, Element.KEY_RESULT),
    summary="The text's language was not recognised, so no wording rule checked it.",
    why="okrlint reads Uzbek, Russian, Polish, Turkish and English. Rather than guess and act on a wrong "
    "language, it says it could not read the text. Set `language:` in the file or the configuration "
    "to choose one.",
    bad=("Steigerung der Kundenzufriedenheit",),
    good=("Raise customer satisfaction from 7.1 to 8.0",),
)


def check(element: Objective | KeyResult, ctx):
    text = element.title
    if text is None or not ctx.config.report_unknown_language:
        return
    if not any(ch.isalpha() for ch in text.value):
        return
    if ctx.language_of(text) is None:
        yield ctx.finding(
            text.span,
            "the language of this text was not recognised, so its wording was not checked",
            "set `language:` (uz, ru, pl, tr, en) in the file or configuration",
        )
