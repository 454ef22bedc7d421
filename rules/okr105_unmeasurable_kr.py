"""OKR105 unmeasurable-kr: the key result states no quantity."""

from okrlint.model import Element, KeyResult
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR105",
    name="unmeasurable-kr",
    severity=Severity.ERROR,
    applies_to=Element.KEY_RESULT,
    reads_text=True,
    # A placeholder ("TBD", "KR 2") has no number either; it is reported once, as a placeholder.
    yields_to=("OKR101", "OKR104", "OKR310"),
    summary="The key result states no quantity: no number, percentage, amount or multiplier.",
    why="'It is not a key result unless it has a number' (Marissa Mayer, quoted in Measure What Matters). "
    "Dates, quarters and names with digits do not count.",
    bad=(
        "Increase brand awareness",
        "Повысить узнаваемость бренда",
        "Zwiększyć zaangażowanie klientów",
        "Marka bilinirliğini artırın",
        "Brend tanilishini oshirish",
    ),
    good=(
        "Raise aided brand awareness from 12% to 20%",
        "Привлечь пять новых клиентов",
        "Zwiększyć zaangażowanie z 3% do 5%",
        "Marka bilinirliğini %12'den %20'ye çıkarmak",
        "Brend tanilishini 12% dan 20% ga oshirish",
    ),
)


def check(kr: KeyResult, ctx):
    an = ctx.analyse(kr.title)
    if an is None or an.has_quantity or an.has_rank or not an.word_count:
        return
    head = an.head_token
    if head is not None:
        span, words = kr.title.span_of(head.start, head.end), head.text
    else:
        span, words = kr.title.span, kr.title.value
    yield ctx.finding(
        span,
        "the key result states no number: how will you know it is achieved?",
        ctx.suggestion(an, "unmeasurable", "add a metric with a baseline and a target: from A to B"),
        words=(words,),
    )
