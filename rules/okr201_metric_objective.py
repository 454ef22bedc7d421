"""OKR201 metric-objective: the objective carries a numeric target."""

from okrlint.model import Element, Objective
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR201",
    name="metric-objective",
    severity=Severity.WARNING,
    applies_to=Element.OBJECTIVE,
    reads_text=True,
    summary="The objective carries a numeric target; the number belongs in a key result.",
    why="An objective is a qualitative direction that inspires; key results carry the numbers that measure it.",
    bad=(
        "Generate 53 MQLs",
        "Увеличить трафик на сайт на 20%",
        "53 MQL oluşturun",
        "Skaluj agresywnie, uzyskując 500 nowych wersji próbnych",
        "Uchta yangi bozorga chiqish",
    ),
    good=(
        "Become the clinic patients recommend first",
        "Стать лидером в сегменте умных термосов",
        "Stać się pierwszym wyborem klientów",
        "Müşterilerin ilk tercihi olmak",
        "Nishamizda ekspert kontentning №1 manbai bo'lish",
    ),
)


def check(obj: Objective, ctx):
    an = ctx.analyse(obj.title)
    if an is None:
        return
    q = next((q for q in an.quantities if q.is_target), None)
    if q is None:
        return
    span, words = ctx.at(obj.title, q)
    yield ctx.finding(
        span,
        f'"{words}" is a numeric target: move it to a key result and keep the objective qualitative',
        ctx.suggestion(an, "metric_objective", "keep the objective qualitative; put the number in a key result"),
        words=(words,),
    )
