"""OKR206 long-objective: the objective does not fit on one line."""

import re

from okrlint.model import Element, Objective
from okrlint.rule import Option, Rule, Severity

META = Rule(
    code="OKR206",
    name="long-objective",
    severity=Severity.INFO,
    applies_to=Element.OBJECTIVE,
    message_ids=("too-long", "sentences"),
    summary="The objective is longer than `max_chars` characters or more than one sentence.",
    why="An objective people remember fits on one line; detail belongs in the key results.",
    options={"max_chars": Option(int, 90, "objectives longer than this are reported")},
    bad=("Become the clinic patients recommend. Also cut costs and improve morale across every department we run.",),
    good=("Become the clinic patients recommend to their families",),
)

# A sentence ends at . ! ? followed by a space and a capital letter (not "e.g. the", "No. 1").
_SENTENCE_END = re.compile(r"[.!?…]\s+(?=[^\W\d_])(?=\w)(?=[A-ZА-ЯЁĄĆĘŁŃÓŚŹŻÇĞİÖŞÜЎҚҒҲ])")


def check(obj: Objective, ctx):
    if obj.title is None:
        return
    text = obj.title.value.strip()
    limit = ctx.options["max_chars"]
    if len(text) > limit:
        yield ctx.finding(
            obj.title.span,
            f"the objective is {len(text)} characters long; keep it under {limit}",
            "move the detail into key results",
            message_id="too-long",
            params={"n": len(text), "max": limit},
        )
    elif _SENTENCE_END.search(text):
        yield ctx.finding(
            obj.title.span,
            "the objective is more than one sentence; keep one",
            "move the detail into key results",
            message_id="sentences",
        )
