"""OKR305 long-period: a period longer than a year."""

from okrlint.model import Document, Element
from okrlint.periods import period_bounds
from okrlint.rule import Option, Rule, Severity

META = Rule(
    code="OKR305",
    name="long-period",
    severity=Severity.INFO,
    applies_to=Element.DOCUMENT,
    summary="A period longer than `max_days` (default one year).",
    why="OKRs work in short cycles: quarterly key results under an annual objective let a team learn and adjust.",
    options={"max_days": Option(int, 366, "periods longer than this many days are reported")},
    bad=("period: 2026-2028",),
    good=("period: 2026-Q1",),
)


def check(doc: Document, ctx):
    holders = [doc] + list(doc.objectives)
    for h in holders:
        field = h.fields.get("period")
        if field is None:
            continue
        bounds = period_bounds(field.value)
        if bounds is None:
            continue
        days = (bounds[1] - bounds[0]).days + 1
        if days > ctx.options["max_days"]:
            yield ctx.finding(
                field.span,
                f"the period spans {days} days; OKRs work best quarterly",
                "set quarterly key results under an annual objective",
                params={"days": days},
            )
