"""OKR203 jargon: corporate buzzwords."""

from okrlint.model import Element, KeyResult, Objective
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR203",
    name="jargon",
    severity=Severity.INFO,
    applies_to=(Element.OBJECTIVE, Element.KEY_RESULT),
    reads_text=True,
    summary="Corporate buzzwords the team would not say aloud (synergy, leverage, paradigm shift).",
    why="OKRs are read by the whole organisation; plain words make clear what will change.",
    bad=(
        "Leverage synergies across teams",
        "Создать синергию отделов",
        "Wykorzystać synergię zespołów",
        "Ekipler arası sinerji yaratmak",
        "Jamoalar sinergiyasini oshirish",
    ),
    good=(
        "Cut hand-off time between teams from 5 to 2 days",
        "Сократить время передачи задач с 5 до 2 дней",
        "Skrócić czas przekazania z 5 do 2 dni",
        "Ekipler arası devir süresini 5 günden 2 güne indirmek",
        "Jamoalar o'rtasida topshirish vaqtini 5 kundan 2 kunga qisqartirish",
    ),
)


def check(element: Objective | KeyResult, ctx):
    an = ctx.analyse(element.title)
    if an is None:
        return
    for m in an.concept("jargon")[:1]:
        span, words = ctx.at(element.title, m)
        yield ctx.finding(
            span,
            f'"{words}" is jargon; say plainly what will change',
            ctx.suggestion(an, "jargon", "name the concrete change in plain words"),
            words=(words,),
        )
