"""OKR104 binary-kr: success is a yes/no event."""

from okrlint.analysis import reading
from okrlint.model import Element, KeyResult
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR104",
    name="binary-kr",
    severity=Severity.WARNING,
    applies_to=Element.KEY_RESULT,
    reads_text=True,
    summary="Success is a yes/no event (launch, implement, migrate), not a measurable change.",
    why="A launch is done or not done; it says nothing about whether it worked. Measure what the launch "
    "should change, and keep the launch as an initiative.",
    bad=(
        "Launch the new website",
        "Запустить новый сайт",
        "Uruchomienie marki w TikTok",
        "Yeni bir web sitesi başlatın",
        "Yangi CRM ga o'tish",
    ),
    good=(
        "Grow weekly active users from 2 000 to 3 500",
        "Увеличить долю онлайн-заказов с 10% до 25%",
        "Przenieść 80% klientów na nowy plan",
        "Web sitesi dönüşümünü %1'den %2'ye çıkarmak",
        "Mijozlarning 80% ini yangi CRM ga o'tkazish",
    ),
)


def check(kr: KeyResult, ctx):
    an = ctx.analyse(kr.title)
    if an is None:
        return
    m = reading.binary_event(an)
    if m is None:
        return
    span, words = ctx.at(kr.title, m)
    yield ctx.finding(
        span,
        f'"{words}" is a yes/no event: measure what it should change',
        ctx.suggestion(an, "binary_verbs", "state the change the launch should cause, from A to B"),
        words=(words,),
    )
