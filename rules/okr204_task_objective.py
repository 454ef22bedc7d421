"""OKR204 task-objective: the objective is a task or a one-off deliverable, not a direction."""

from okrlint.analysis import reading
from okrlint.model import Element, Objective
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR204",
    name="task-objective",
    severity=Severity.WARNING,
    applies_to=Element.OBJECTIVE,
    reads_text=True,
    summary="The objective's head verb is an activity or a yes/no event (launch, implement, hold), not a direction.",
    why="An objective says where the team wants to be ('Become …'); a launch is an initiative, or at most a "
    "key result. Doerr: objectives are significant, action-oriented and inspirational, not a to-do item.",
    bad=(
        "Launch the mobile app",
        "Провести ребрендинг",
        "Wdrożyć nowy system CRM",
        "Yeni CRM'i kurmak",
        "Yangi CRM tizimini joriy etish",
    ),
    good=(
        "Become the app patients open every week",
        "Стать приложением, которое пациенты открывают каждую неделю",
        "Zostać aplikacją, którą pacjenci otwierają co tydzień",
        "Hastaların her hafta açtığı uygulama olmak",
        "Bemorlar har hafta ochadigan ilovaga aylanish",
    ),
)


def check(obj: Objective, ctx):
    an = ctx.analyse(obj.title)
    if an is None:
        return
    m = reading.head_match(an, "activity_verbs") or reading.head_match(an, "binary_verbs")
    if m is None or reading.head_match(an, "state_verbs") is not None:
        return
    span, words = ctx.at(obj.title, m)
    yield ctx.finding(
        span,
        f'"{words}" makes the objective a task: say where you want to be instead',
        ctx.suggestion(an, "task_objective", "Become … / be the … that …; keep the launch as an initiative"),
        words=(words,),
    )
