"""OKR000 invalid-file: the file cannot be read, decoded or parsed."""

from okrlint.model import Element, SourceFile
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR000",
    name="invalid-file",
    severity=Severity.ERROR,
    applies_to=Element.FILE,
    message_ids=(
        "default",
        "bad-encoding",
        "bad-utf8",
        "binary",
        "too-many-values",
        "invalid-yaml",
        "too-deep",
        "alias-bomb",
        "directory",
        "not-regular",
        "too-big",
        "grew",
        "unreadable",
        "internal-error",
    ),
    summary="The file cannot be read, decoded or parsed.",
    why="A file okrlint cannot read is a file nobody's tooling can read; the other files are still linted.",
    bad=("objectives: [", 'title: "unclosed'),
    good=("objectives:\n  - title: Become the clinic patients recommend",),
)


def check(source: SourceFile, ctx):
    if source.error is not None:
        error = source.error
        yield ctx.finding(
            error.span, error.message, message_id=error.message_id, params={"detail": error.message, **error.params}
        )
