"""OKR402 score-range: a score outside 0–1 (or 0–100%), or a baseline/target/current that is not a number."""

from okrlint import progress
from okrlint.model import Element, KeyResult, Objective
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR402",
    name="score-range",
    severity=Severity.ERROR,
    applies_to=(Element.OBJECTIVE, Element.KEY_RESULT),
    message_ids=(
        "score-not-number",
        "score-outside-percent",
        "score-percent-without-sign",
        "score-outside",
        "score-binary",
        "field-not-number",
    ),
    summary="A `score` outside 0–1 (or 0–100%), a binary key result scored other than 0 or 1, or a "
    "`baseline`/`target`/`current` that is not a number.",
    why='Scores are read on one scale: 0.7 and "70%" are the same, but a bare 70 is either a typo or a '
    "different scale, and every average that includes it is wrong. A current value such as 'about half' "
    "cannot be turned into progress.",
    bad=("score: 70", "score: 1.3", 'score: "130%"', "current: about half", "scoring: binary + score: 0.5"),
    good=("score: 0.7", 'score: "70%"', "current: 8200", 'current: "35%"'),
)


def check(element: Objective | KeyResult, ctx):
    binary = isinstance(element, KeyResult) and progress.is_binary(element)
    f = element.fields.get("score")
    if f is not None and f.value is not None:
        s = progress.parse_score(f.value, binary)
        if s.problem:
            yield ctx.finding(f.span, s.problem, s.suggestion, message_id=s.problem_id, params=s.params)
    if not isinstance(element, KeyResult):
        return
    for key in progress.NUMERIC_FIELDS:
        f = element.fields.get(key)
        if f is None or f.value is None or progress.field_number(element, key) is not None:
            continue
        shown = f'"{f.value}"' if isinstance(f.value, str) else str(f.value)
        yield ctx.finding(
            f.span,
            f"{key} {shown} is not a number",
            f'write the measured value as a number, e.g. {key}: 42 or {key}: "35%"',
            message_id="field-not-number",
            params={"field": key, "value": shown},
        )
