"""OKR001 schema: unknown keys, wrong types, values the format does not allow, empty titles, no objective list."""

from okrlint.model import Document, Element
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR001",
    name="schema",
    severity=Severity.ERROR,
    applies_to=Element.DOCUMENT,
    message_ids=(
        "unknown-key",
        "duplicate-key",
        "wrong-type",
        "empty-title",
        "missing-objectives",
        "missing-objectives-markdown",
        "key-not-string",
        "objectives-not-list",
        "document-not-mapping",
        "objective-not-mapping",
        "key-results-not-list",
        "key-result-not-mapping",
        "title-not-string",
        "title-not-text",
        "front-matter-invalid",
        "objectives-in-front-matter",
        "bad-value",
    ),
    summary="Unknown key, wrong type, a value the format does not allow (`type`, `scoring`, `level`, "
    "`language`), empty title or missing objective list.",
    why="A misspelt key ('titel') is silently ignored by every other tool, so the OKR it carries is lost.",
    bad=("titel: Grow revenue", "key_results: 3", "type: comitted"),
    good=("title: Grow revenue", "key_results:\n  - Raise monthly revenue from $40k to $60k", "type: committed"),
)


def check(doc: Document, ctx):
    for problem in doc.problems:
        params = {"key": _source_text(ctx, problem.span), "suggestion": problem.suggestion, **problem.params}
        yield ctx.finding(
            problem.span,
            problem.message,
            problem.suggestion,
            message_id=problem.message_id or problem.kind,
            params=params,
        )


def _source_text(ctx, span) -> str:
    """The text a problem points at (the unknown or duplicate key), for translated messages."""
    lines = ctx.source.text.split("\n") if ctx.source is not None else []
    if span.end_line != span.line or not 0 < span.line <= len(lines):
        return ""
    return lines[span.line - 1][span.column - 1 : span.end_column - 1].strip().strip("'\"")
