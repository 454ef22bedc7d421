"""OKR301 too-many-objectives: more objectives for one owner and period than a team can focus on."""

from collections import defaultdict

from okrlint.model import Document, Element
from okrlint.rule import Option, Rule, Severity

META = Rule(
    code="OKR301",
    name="too-many-objectives",
    severity=Severity.ERROR,
    applies_to=Element.DOCUMENT,
    message_ids=("default", "unscoped"),
    summary="More than `max` objectives for one owner and period (more than `recommended_max` is info).",
    why="OKRs are a focusing tool: Doerr and Google's guide recommend three to five objectives per period. "
    "With more, nothing is a priority.",
    options={
        "max": Option(int, 5, "more objectives than this for one owner and period is an error"),
        "recommended_max": Option(int, 3, "more than this is reported as info"),
    },
    bad=("six objectives for the same team in 2026-Q1",),
    good=("three objectives, each with three key results",),
)


def check(doc: Document, ctx):
    groups = defaultdict(list)
    for obj in doc.objectives:
        owner = obj.get("owner") or doc.get("owner")
        period = obj.get("period") or doc.get("period")
        groups[(str(owner), str(period))].append(obj)
    hard, soft = ctx.options["max"], ctx.options["recommended_max"]
    for (owner, period), objs in groups.items():
        n = len(objs)
        if n <= soft:
            continue
        limit, severity = (hard, Severity.ERROR) if n > hard else (soft, Severity.INFO)
        extra = objs[limit]
        who = "" if owner == "None" else f" for {owner}"
        when = "" if period == "None" else f" in {period}"
        span = extra.title.span if extra.title else extra.span
        yield ctx.finding(
            span,
            f"{n} objectives{who}{when}; keep at most {limit} so each one gets attention",
            "merge or drop objectives, or move run-the-business work out of the OKRs",
            severity=severity,
            message_id="default" if who or when else "unscoped",
            params={"n": n, "limit": limit, "scope": ", ".join(x for x in (owner, period) if x != "None")},
        )
