"""OKR302 kr-count: an objective with no key results, or too many."""

from okrlint.model import Element, Objective
from okrlint.rule import Option, Rule, Severity

META = Rule(
    code="OKR302",
    name="kr-count",
    severity=Severity.WARNING,
    applies_to=Element.OBJECTIVE,
    message_ids=("none", "too-many", "too-few"),
    summary="An objective with no key results (error), or more than `max` (warning).",
    why="An objective without key results cannot be measured; one with many has no focus. "
    "Most guides advise two to five key results per objective.",
    options={
        "max": Option(int, 5, "more key results than this is a warning"),
        "min": Option(int, 1, "fewer key results than this (but at least one) is a warning"),
    },
    bad=("an objective whose key_results list is empty",),
    good=("an objective with three measurable key results",),
)


def check(obj: Objective, ctx):
    span = obj.title.span if obj.title else obj.span
    n = len(obj.key_results)
    if n == 0:
        yield ctx.finding(
            span,
            "the objective has no key results; add two to five measurable ones",
            severity=Severity.ERROR,
            message_id="none",
        )
    elif n > ctx.options["max"]:
        yield ctx.finding(
            span,
            f"the objective has {n} key results; keep at most {ctx.options['max']}",
            "keep the ones that best measure the objective",
            message_id="too-many",
            params={"n": n, "max": ctx.options["max"]},
        )
    elif n < ctx.options["min"]:
        yield ctx.finding(
            span,
            f"the objective has {n} key result(s); add at least {ctx.options['min']}",
            message_id="too-few",
            params={"n": n, "min": ctx.options["min"]},
        )
