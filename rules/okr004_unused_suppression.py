"""OKR004 unused-suppression: a suppression that silences nothing (with ``--report-unused-disables``)."""

from okrlint.model import Element, SourceFile
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR004",
    name="unused-suppression",
    severity=Severity.WARNING,
    applies_to=Element.FILE,
    summary="A suppression comment names a rule that reported nothing there (only with --report-unused-disables).",
    why="Suppressions outlive the text they were written for; a stale one would hide the next real finding "
    "on that line. Like ruff's RUF100, it is reported only when asked for.",
    bad=("- Raise NPS from 30 to 50   # okrlint: disable=OKR104",),
    good=("- Raise NPS from 30 to 50",),
)


def check(report, ctx):
    # The engine calls this after suppressions were applied; on the plain file pass there is nothing to say.
    if isinstance(report, SourceFile):
        return
    for item in report.unused:
        yield ctx.finding(
            item.selector.span,
            f"'{item.selector.text}' is suppressed here but reported nothing; remove it from the comment",
            "delete the unused suppression",
            message_id="default",
            params={"text": item.selector.text},
        )
