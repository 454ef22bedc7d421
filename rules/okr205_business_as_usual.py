"""OKR205 business-as-usual: the objective only keeps things as they are."""

from okrlint.analysis import reading
from okrlint.model import Element, Objective
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR205",
    name="business-as-usual",
    severity=Severity.INFO,
    applies_to=Element.OBJECTIVE,
    reads_text=True,
    summary="The objective only keeps things as they are: keep, maintain, continue, sustain.",
    why="Google's OKR guide names business-as-usual objectives as a trap: OKRs are for change; run-the-business "
    "work belongs in a health metric or a dashboard.",
    bad=(
        "Maintain our service quality",
        "Поддерживать качество сервиса",
        "Utrzymać jakość obsługi",
        "Hizmet kalitesini korumak",
        "Xizmat sifatini saqlab qolish",
    ),
    good=(
        "Become the service people recommend unprompted",
        "Стать сервисом, который советуют без просьбы",
        "Stać się usługą polecaną bez pytania",
        "İnsanların kendiliğinden önerdiği hizmet olmak",
        "Odamlar o'zi tavsiya qiladigan xizmatga aylanish",
    ),
)


def check(obj: Objective, ctx):
    an = ctx.analyse(obj.title)
    if an is None:
        return
    m = reading.head_match(an, "maintain_verbs")
    if m is None:
        return
    span, words = ctx.at(obj.title, m)
    yield ctx.finding(
        span,
        f'"{words}" keeps things as they are: an objective should name a change',
        ctx.suggestion(an, "business_as_usual", "track it as a health metric; make the objective a change"),
        words=(words,),
    )
