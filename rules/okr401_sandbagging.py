"""OKR401 sandbagging: an aspirational objective that scores 1.0 everywhere, or a document that averages too high."""

from okrlint import progress
from okrlint.model import Document, Element, Objective
from okrlint.rule import Option, Rule, Severity

META = Rule(
    code="OKR401",
    name="sandbagging",
    severity=Severity.INFO,
    applies_to=Element.DOCUMENT,
    message_ids=("every-key-result", "objective", "average"),
    summary="Scores are present and an aspirational objective scores 1.0 on every key result, or the "
    "document's objectives average above `max_average`.",
    why="An aspirational objective is a bet: Google's guide calls 0.6–0.7 a good score. Scoring 1.0 on every "
    "key result means the target was safe, not ambitious. Committed objectives are expected to score "
    "1.0, so the average leaves them out.",
    options={
        "max_average": Option(
            (int, float), 0.9, "an average score of the document's non-committed objectives above this is reported"
        )
    },
    bad=("type: aspirational, and every key result has score: 1.0",),
    good=("type: aspirational, key results scored 0.6, 0.7 and 0.8",),
)


def _is(obj: Objective, kind: str) -> bool:
    v = obj.get("type")
    return isinstance(v, str) and v.strip().lower() == kind


def _scores(obj: Objective) -> list[float] | None:
    """Every key result's valid score, or the objective's own when it has no key result scores."""
    krs = [progress.of_key_result(kr).score for kr in obj.key_results]
    if krs and all(s is not None for s in krs):
        return krs  # type: ignore[return-value]
    own = obj.get("score")
    s = progress.parse_score(own).value if own is not None else None
    return [s] if s is not None else None


def _where(obj: Objective):
    f = obj.fields.get("type") or obj.fields.get("score")
    return f.span if f is not None else (obj.title.span if obj.title else obj.span)


def check(doc: Document, ctx):
    flagged: set[int] = set()
    for obj in doc.objectives:
        if not _is(obj, "aspirational"):
            continue
        scores = _scores(obj)
        if scores and min(scores) >= 1.0:
            flagged.add(obj.index)
            every_kr = len(scores) > 1 or bool(obj.key_results)
            what = "every key result" if every_kr else "the objective"
            yield ctx.finding(
                _where(obj),
                f"aspirational objective scores 1.0 on {what}; the target was too safe",
                "set targets the team has about a 60–70% chance to reach",
                message_id="every-key-result" if every_kr else "objective",
            )
    rated = [(obj, progress.objective_score(obj)) for obj in doc.objectives if not _is(obj, "committed")]
    rated = [(obj, s) for obj, s in rated if s is not None]
    if len(rated) < 2 or all(obj.index in flagged for obj, _ in rated):
        return
    average = sum(s for _, s in rated) / len(rated)
    if average > ctx.options["max_average"]:
        where = doc.fields.get("team") or doc.fields.get("owner") or doc.fields.get("period")
        yield ctx.finding(
            where.span if where is not None else doc.span,
            f"the {len(rated)} scored objectives average {average:.2f}, above "
            f"{ctx.options['max_average']}; the goals were too safe",
            "aim higher next period: 0.6–0.7 is the healthy range for aspirational goals",
            message_id="average",
            params={"n": len(rated), "average": f"{average:.2f}", "max": ctx.options["max_average"]},
        )
