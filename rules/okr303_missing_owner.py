"""OKR303 missing-owner: nobody owns the key result."""

from okrlint.model import Element, KeyResult
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR303",
    name="missing-owner",
    severity=Severity.WARNING,
    applies_to=Element.KEY_RESULT,
    summary="A key result with no `owner`, and none on its objective or document.",
    why="A key result everyone owns is a key result nobody moves; name one accountable person.",
    bad=("- title: Cut onboarding time from 10 to 5 days   # no owner anywhere",),
    good=("- title: Cut onboarding time from 10 to 5 days\n  owner: Dana",),
)


def check(kr: KeyResult, ctx):
    if (
        kr.get("owner")
        or (ctx.objective and ctx.objective.get("owner"))
        or (ctx.document and ctx.document.get("owner"))
    ):
        return
    span = kr.title.span if kr.title else kr.span
    yield ctx.finding(span, "the key result has no owner", "add `owner:` to the key result or its objective")
