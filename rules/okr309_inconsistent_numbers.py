"""OKR309 inconsistent-numbers: baseline/target/current/score disagree with the title or with each other."""

from okrlint import progress
from okrlint.analysis.types import Analysis, Change
from okrlint.model import Element, KeyResult
from okrlint.rule import Option, Rule, Severity

META = Rule(
    code="OKR309",
    name="inconsistent-numbers",
    severity=Severity.WARNING,
    applies_to=Element.KEY_RESULT,
    message_ids=(
        "target-equals-baseline",
        "title-goes-nowhere",
        "title-disagrees",
        "reducing-verb-goes-up",
        "score-gap",
        "score-gap-reached",
        "score-gap-not-reached",
    ),
    reads_text=True,
    summary="Structured fields disagree with the text or with themselves: `baseline`/`target` differ from the "
    '"from X to Y" in the title, target equals baseline, a reducing verb with target above baseline, '
    "or a `score` far from the progress the numbers show.",
    why="Dashboards read the fields and people read the title; when they disagree one of them is stale, and the "
    "score is computed from the wrong numbers. The title's numbers come from the language analysis, so "
    '"с 5 000 до 15 000", "z 5 000 do 15 000" and "5 000 dan 15 000 ga" all equal baseline 5000, '
    "target 15000.",
    options={
        "score_tolerance": Option(
            (int, float),
            0.25,
            "report a score that differs from the computed progress by more than this (0 turns it off)",
        )
    },
    bad=(
        "title: Увеличить трафик с 5 000 до 15 000 визитов\n  baseline: 5000\n  target: 12000",
        "title: Raise NPS from 30 to 45\n  baseline: 30\n  target: 30",
        "title: Grow MAU from 2 000 to 3 500\n  baseline: 2000\n  target: 3500\n  current: 2100\n  score: 0.9",
    ),
    good=("title: Увеличить трафик с 5 000 до 15 000 визитов\n  baseline: 5000\n  target: 15000\n  current: 8200",),
)


def _same(field: progress.Number, stated: float | None) -> bool:
    if stated is None:
        return True
    v = field.value
    close = abs(v - stated) <= 1e-9 * max(1.0, abs(stated))
    as_percent = not field.percent and abs(v) <= 1 and abs(v * 100 - stated) <= 1e-9 * max(1.0, abs(stated))
    return close or as_percent


def _agrees(nums: dict, change: Change) -> bool:
    b, t = nums["baseline"], nums["target"]
    return (b is None or _same(b, change.baseline)) and (t is None or _same(t, change.target))


def check(kr: KeyResult, ctx):
    # A key result written as a bare string has no fields to read.
    nums = {k: progress.field_number(kr, k) if kr.fields else None for k in progress.NUMERIC_FIELDS}
    b, t = nums["baseline"], nums["target"]
    if b is not None and t is not None and _same(t, b.value) and _same(b, t.value):
        yield ctx.finding(
            kr.fields["target"].span,
            f"target equals baseline ({progress.format_number(b)}): the key result asks for no change",
            "set the target the team means to reach",
            message_id="target-equals-baseline",
            params={"value": progress.format_number(b)},
        )
        return
    an = ctx.analyse(kr.title) if kr.title is not None else None
    changes = [c for c in (an.changes if an else ()) if c.baseline is not None and c.target is not None]
    for c in changes:
        if c.baseline == c.target:
            span, words = ctx.at(kr.title, c)
            yield ctx.finding(
                span,
                f'"{words}" goes nowhere: the target equals the baseline',
                "state the target the team means to reach",
                words=(words,),
                message_id="title-goes-nowhere",
            )
            return
    if changes and (b is not None or t is not None) and not any(_agrees(nums, c) for c in changes):
        yield _disagreement(kr, ctx, nums, changes[0])
    elif not changes and b is not None and t is not None and an is not None:
        yield from _direction(kr, ctx, an, b, t)
    yield from _score_gap(kr, ctx)


def _disagreement(kr: KeyResult, ctx, nums: dict, c: Change):
    _, words = ctx.at(kr.title, c)
    wrong = [
        k
        for k, stated in (("baseline", c.baseline), ("target", c.target))
        if nums[k] is not None and not _same(nums[k], stated)
    ]
    fields = " and ".join(f"{k}: {progress.format_number(nums[k])}" for k in wrong)
    stated = ", ".join(f"{k} {progress.format_number(v)}" for k, v in (("baseline", c.baseline), ("target", c.target)))
    return ctx.finding(
        kr.fields[wrong[0]].span,
        f'{fields} disagree{"s" if len(wrong) == 1 else ""} with "{words}" in the title ({stated})',
        "make the fields and the title say the same numbers",
        words=(words,),
        message_id="title-disagrees",
        params={
            "fields": ", ".join(f"{k}: {progress.format_number(nums[k])}" for k in wrong),
            "baseline": progress.format_number(c.baseline),
            "target": progress.format_number(c.target),
        },
    )


def _direction(kr: KeyResult, ctx, an: Analysis, b: progress.Number, t: progress.Number):
    # "reduce_verbs" is optional lexicon data: a language that lists it gets this check.
    reducing = an.concept("reduce_verbs")
    if reducing and t.value > b.value:
        _, words = ctx.at(kr.title, reducing[0])
        yield ctx.finding(
            kr.fields["target"].span,
            f'"{words}" reduces, but target {progress.format_number(t)} is above baseline {progress.format_number(b)}',
            "swap baseline and target, or use a verb that says the metric goes up",
            words=(words,),
            message_id="reducing-verb-goes-up",
            params={"baseline": progress.format_number(b), "target": progress.format_number(t)},
        )


def _score_gap(kr: KeyResult, ctx):
    tolerance = ctx.options["score_tolerance"]
    p = progress.of_key_result(kr)
    if not tolerance or p.gap is None or abs(p.gap) <= tolerance:
        return
    how = (
        f"current {progress.format_number(p.current)} is {round(p.value * 100)}% of the way from "
        f"{progress.format_number(p.baseline)} to {progress.format_number(p.target)}"
        if not p.binary
        else f"current {progress.format_number(p.current)} {'reaches' if p.value else 'does not reach'} "
        f"the target {progress.format_number(p.target)}"
    )
    message_id = "score-gap" if not p.binary else "score-gap-reached" if p.value else "score-gap-not-reached"
    params = {
        "score": progress.format_number(p.score),
        "current": progress.format_number(p.current),
        "baseline": progress.format_number(p.baseline),
        "target": progress.format_number(p.target),
        "percent": round(p.value * 100),
        "progress": f"{p.value:.1f}",
    }
    yield ctx.finding(
        kr.fields["score"].span,
        f"score {progress.format_number(p.score)} but {how}",
        f"update the score (about {p.value:.1f}) or the current value",
        message_id=message_id,
        params=params,
    )
