"""OKR308 unknown-parent: ``aligns_to`` names an objective no linted file defines, or alignment loops."""

from okrlint.alignment import Reference, resolve
from okrlint.model import Element, SourceFile
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR308",
    name="unknown-parent",
    severity=Severity.ERROR,
    applies_to=Element.PROJECT,
    message_ids=(
        "not-a-reference",
        "two-hashes",
        "no-id",
        "no-file",
        "no-objective-in-file",
        "ambiguous",
        "no-objective",
        "self",
        "cycle",
    ),
    summary="`aligns_to` names an objective that none of the linted files defines, or the alignment is a cycle.",
    why="Alignment is how a team shows which company objective its work serves. A reference to a renamed, "
    "deleted or mistyped objective silently breaks the cascade, and a cycle (A serves B, B serves A) has "
    "no top. A reference is 'file#id' (the file relative to the referring file) or 'id' (this file first, "
    "then any linted file); it may also name a key result's id.",
    bad=(
        "aligns_to: company.okr.yaml#O9   # company.okr.yaml has no O9",
        "aligns_to: ../compnay.okr.yaml#O2   # no such linted file",
        "aligns_to: 'a.okr.yaml#O1#KR2'   # malformed",
    ),
    good=("aligns_to: ../company-2026.okr.yaml#O2", "aligns_to: O2"),
)


def _at(ctx, r: Reference, message: str, suggestion: str, message_id: str, params: dict):
    kr = r.key_result
    return ctx.finding(
        r.field.span,
        message,
        suggestion,
        path=r.node.source.path,
        element=Element.KEY_RESULT if kr else Element.OBJECTIVE,
        objective_index=r.node.objective.index,
        key_result_index=kr.index if kr else None,
        message_id=message_id,
        params=params,
    )


def check(files: tuple[SourceFile, ...], ctx):
    alignment = resolve(files)
    for r in alignment.references:
        if r.problem:
            yield _at(ctx, r, r.problem, r.suggestion, r.problem_id, r.params)
    for cycle in alignment.cycles:
        chain = " → ".join([cycle[0].node.label] + [r.target.label for r in cycle])
        self_loop = len(cycle) == 1
        what = "aligns to itself" if self_loop else "is part of an alignment cycle"
        yield _at(
            ctx,
            cycle[0],
            f"{cycle[0].node.label} {what}: {chain}",
            "point aligns_to at the higher-level objective this one serves",
            "self" if self_loop else "cycle",
            {"objective": cycle[0].node.label, "chain": chain},
        )
