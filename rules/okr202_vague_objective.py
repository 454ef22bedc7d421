"""OKR202 vague-objective: the objective gives no direction."""

from okrlint.analysis import reading
from okrlint.model import Element, Objective
from okrlint.rule import Option, Rule, Severity

META = Rule(
    code="OKR202",
    name="vague-objective",
    severity=Severity.WARNING,
    applies_to=Element.OBJECTIVE,
    message_ids=("few-words", "no-verb"),
    reads_text=True,
    summary="The objective gives no direction: fewer than three words, or a noun phrase with no verb.",
    why="'Sales' or 'New markets' names a topic, not where the team wants to be. An objective says what will "
    "change: 'Become the first choice of …'.",
    options={"min_words": Option(int, 3, "objectives with fewer words are vague")},
    bad=("Social media", "Маркетинг", "Pazar araştırması", "Nowe rynki Azji Centralnej", "Sotuv"),
    good=(
        "Become the brand parents trust first",
        "Стать лидером в сегменте умных термосов",
        "Zostać pierwszym wyborem rodziców",
        "Velilerin ilk güvendiği marka olmak",
        "Ota-onalar eng ko'p ishonadigan brend bo'lish",
    ),
)


def check(obj: Objective, ctx):
    an = ctx.analyse(obj.title)
    if an is None:
        return
    words = an.word_count
    if words < ctx.options["min_words"]:
        yield ctx.finding(
            obj.title.span,
            f"{words} word(s) name a topic, not a direction",
            ctx.suggestion(an, "vague_objective", "say where you want to be: Become …"),
            message_id="few-words",
            params={"n": words},
        )
    elif not reading.names_action(an):
        yield ctx.finding(
            obj.title.span,
            "a noun phrase with no verb names a topic, not a direction",
            ctx.suggestion(an, "vague_objective", "say where you want to be: Become …"),
            message_id="no-verb",
        )
