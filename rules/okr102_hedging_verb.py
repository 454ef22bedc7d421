"""OKR102 hedging-verb: the text hedges (try, attempt, strive, aim to)."""

from okrlint.model import Element, KeyResult, Objective
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR102",
    name="hedging-verb",
    severity=Severity.ERROR,
    applies_to=(Element.OBJECTIVE, Element.KEY_RESULT),
    reads_text=True,
    summary="The text hedges: try, attempt, strive, endeavour, aim to.",
    why="An OKR is a commitment (or an explicit aspiration), not an attempt: 'try to' makes every outcome a "
    "success and nothing to score.",
    bad=(
        "Try to launch a TikTok channel",
        "Попробовать запустить TikTok-канал",
        "Spróbować uruchomić kanał",
        "Web sitesi trafiğini artırmaya çalışmak",
        "Sotuvni yaxshilashga harakat qilish",
    ),
    good=(
        "Grow TikTok followers from 0 to 5 000",
        "Увеличить число подписчиков с 0 до 5 000",
        "Zwiększyć liczbę obserwujących z 0 do 5 000",
        "Web trafiğini 10 000'den 15 000'e çıkarmak",
        "Sotuvni 100 dan 150 mln so'mga oshirish",
    ),
)


def check(element: Objective | KeyResult, ctx):
    an = ctx.analyse(element.title)
    if an is None:
        return
    for m in an.concept("hedging")[:1]:
        span, words = ctx.at(element.title, m)
        yield ctx.finding(
            span,
            f'"{words}" hedges; state the result you commit to',
            ctx.suggestion(an, "hedging", "drop the hedge and state the result"),
            words=(words,),
        )
