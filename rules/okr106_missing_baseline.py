"""OKR106 missing-baseline: a change with a target but no starting value."""

from okrlint.analysis import reading
from okrlint.model import Element, KeyResult
from okrlint.rule import Option, Rule, Severity

META = Rule(
    code="OKR106",
    name="missing-baseline",
    severity=Severity.WARNING,
    applies_to=Element.KEY_RESULT,
    reads_text=True,
    summary="The key result describes a change (increase, reduce, by N%) but gives no starting value.",
    why="'Increase traffic by 40%' cannot be scored without knowing from where; 'from 5 000 to 15 000' can, "
    "and it shows the ambition.",
    options={
        "require_for": Option(list, ["change"], "kinds of key result that need a baseline", choices=("change", "reach"))
    },
    bad=(
        "Increase MQLs to 300",
        "Увеличить трафик на 40%",
        "Zwiększyć konwersję do 4%",
        "SEO performansını %50 artırın",
        "Sotuvni 15% ga oshirish",
    ),
    good=(
        "Increase MQLs from 200 to 300",
        "Снизить процент отказов с 70% до 50%",
        "Zwiększyć konwersję z 2% do 4%",
        "MQL'leri 20'den 30'a çıkarın",
        "Organik trafikni oyiga 5 000 dan 15 000 vizitga yetkazish",
    ),
)


def check(kr: KeyResult, ctx):
    if kr.get("baseline") is not None:
        return
    an = ctx.analyse(kr.title)
    if an is None:
        return
    m = reading.change_without_baseline(an, tuple(ctx.options["require_for"]))
    if m is None:
        return
    span, words = ctx.at(kr.title, m)
    yield ctx.finding(
        span,
        f'"{words}" describes a change but not where it starts',
        ctx.suggestion(an, "missing_baseline", "state the baseline: from A to B"),
        words=(words,),
    )
