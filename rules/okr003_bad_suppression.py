"""OKR003 bad-suppression: an ``okrlint:`` comment that okrlint cannot read."""

from okrlint.model import Element, SourceFile
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR003",
    name="bad-suppression",
    severity=Severity.ERROR,
    applies_to=Element.FILE,
    message_ids=("syntax", "no-rules", "unknown-rule"),
    summary="A suppression comment with unknown syntax or a rule that does not exist.",
    why="A misspelt suppression silences nothing, and nobody notices; saying so keeps every `okrlint:` comment "
    "meaningful (ruff and ESLint report the same).",
    bad=("# okrlint: disable=OKR999", "# okrlint: disabel=OKR104", "# okrlint: disable"),
    good=("# okrlint: disable=OKR104", "# okrlint: disable-next-line=weak-verb", "<!-- okrlint: disable=OKR104 -->"),
)


def check(source: SourceFile, ctx):
    if not source.comments:
        return  # no comment, no directive (and the parser is not even imported)
    from okrlint import suppress

    _, malformed = suppress.parse(source, ctx.rules)
    for bad in malformed:
        yield ctx.finding(bad.span, bad.message, bad.suggestion, message_id=bad.message_id, params=bad.params)
