"""OKR001 schema: unknown keys, wrong types, empty titles, no objective list."""

from okrlint.model import Document, Element
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR001", name="schema", severity=Severity.ERROR, applies_to=Element.DOCUMENT,
    summary="Unknown key, wrong type, empty title or missing objective list.",
    why="A misspelt key ('titel') is silently ignored by every other tool, so the OKR it carries is lost.",
    bad=("titel: Grow revenue", "key_results: 3"),
    good=("title: Grow revenue", "key_results:\n  - Raise monthly revenue from $40k to $60k"),
)


def check(doc: Document, ctx):
    for problem in doc.problems:
        yield ctx.finding(problem.span, problem.message, problem.suggestion, message_id=problem.kind,
                          params={"key": _source_text(ctx, problem.span), "suggestion": problem.suggestion,
                                  "detail": problem.message})


def _source_text(ctx, span) -> str:
    """The text a problem points at (the unknown or duplicate key), for translated messages."""
    lines = ctx.source.text.split("\n") if ctx.source is not None else []
    if span.end_line != span.line or not 0 < span.line <= len(lines):
        return ""
    return lines[span.line - 1][span.column - 1 : span.end_column - 1].strip().strip("'\"")
