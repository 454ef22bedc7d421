"""OKR304 missing-period: no period or deadline anywhere."""

from okrlint.analysis.types import DATE, QUARTER, YEAR
from okrlint.model import Element, KeyResult
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR304",
    name="missing-period",
    severity=Severity.WARNING,
    applies_to=Element.KEY_RESULT,
    summary="No `period` or `due` on the document, objective or key result, and no deadline in its text.",
    why="A key result without a time box cannot be scored: by when must the number be reached?",
    bad=("Raise NPS from 30 to 50   # and no period in the file",),
    good=("period: 2026-Q1", "Raise NPS from 30 to 50 by the end of Q1"),
)


def check(kr: KeyResult, ctx):
    for holder in (kr, ctx.objective, ctx.document):
        if holder is not None and (holder.get("period") or holder.get("due")):
            return
    an = ctx.analyse(kr.title)
    if an is not None and (an.has("deadline_phrases") or any(q.kind in (DATE, QUARTER, YEAR) for q in an.quantities)):
        return
    span = kr.title.span if kr.title else kr.span
    yield ctx.finding(
        span,
        "no period or deadline: by when must this be reached?",
        "add `period: 2026-Q1` to the document or `due:` to the key result",
    )
