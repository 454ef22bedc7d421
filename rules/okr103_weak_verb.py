"""OKR103 weak-verb: the key result is built on a verb with no direction or size."""

from okrlint.analysis import reading
from okrlint.model import Element, KeyResult, Objective
from okrlint.rule import Option, Rule, Severity

META = Rule(
    code="OKR103",
    name="weak-verb",
    severity=Severity.WARNING,
    applies_to=(Element.OBJECTIVE, Element.KEY_RESULT),
    reads_text=True,
    summary="The key result is built on a verb that names no direction or size (improve, optimise, make, help).",
    why="'Improve' cannot be scored: by how much, in which direction? A directional verb with a baseline and "
    "a target can (increase X from A to B).",
    options={"objectives": Option(bool, False, "also check objectives")},
    bad=(
        "Improve the sales funnel",
        "Улучшить качество контента",
        "Poprawić widoczność w sieci",
        "Müşteri deneyimini iyileştirmek",
        "Xizmat sifatini yaxshilash",
    ),
    good=(
        "Raise funnel conversion from 2% to 3.5%",
        "Снизить процент отказов с 70% до 50%",
        "Zwiększyć ruch z 5 000 do 15 000",
        "Şikayetleri ayda 40'tan 20'ye indirmek",
        "Shikoyatlarni 40 tadan 20 taga kamaytirish",
    ),
)


def check(element: Objective | KeyResult, ctx):
    if isinstance(element, Objective) and not ctx.options["objectives"]:
        return
    an = ctx.analyse(element.title)
    if an is None:
        return
    m = reading.weak_head(an)
    if m is None:
        return
    span, words = ctx.at(element.title, m)
    yield ctx.finding(
        span,
        f'"{words}" gives no direction or size',
        ctx.suggestion(an, "weak_verbs", "use a directional verb: Increase/Reduce <metric> from A to B"),
        words=(words,),
    )
