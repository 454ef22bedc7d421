"""OKR101 task-style-kr: the key result is an activity, not a result."""

from okrlint.analysis import reading
from okrlint.model import Element, KeyResult
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR101",
    name="task-style-kr",
    severity=Severity.WARNING,
    applies_to=Element.KEY_RESULT,
    reads_text=True,
    summary="The key result names an activity or deliverable the team will do, not a result it will achieve.",
    why="A key result measures an outcome; the work that produces it is an initiative. Teams that list tasks "
    "can finish every one and still miss the objective (Doerr, Measure What Matters; Google's OKR guide).",
    bad=(
        "Write 10 articles",
        "Написать 10 статей",
        "Napisać 10 artykułów",
        "3 e-posta bülteni gönder",
        "10 ta maqola yozish",
    ),
    good=(
        "Grow newsletter sign-ups from 200 to 800 a month",
        "Привлечь 500 участников вебинаров",
        "Zwiększyć liczbę zapisów z 200 do 800",
        "Bülten abonelerini 200'den 800'e çıkarmak",
        "Obunachilarni 200 dan 800 ga oshirish",
    ),
)


def check(kr: KeyResult, ctx):
    an = ctx.analyse(kr.title)
    if an is None:
        return
    m = reading.task_style(an)
    if m is None:
        return
    span, words = ctx.at(kr.title, m)
    yield ctx.finding(
        span,
        f'"{words}" is an activity, not a result: measure what it should change',
        ctx.suggestion(an, "activity_verbs", "state the outcome: Increase <metric> from A to B"),
        words=(words,),
    )
