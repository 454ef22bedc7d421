"""OKR307 ambition-mix: a team's period is all aspirational, or has too many aspirational objectives."""

from collections import defaultdict

from okrlint.alignment import Node
from okrlint.model import Element, SourceFile
from okrlint.rule import Option, Rule, Severity

META = Rule(
    code="OKR307",
    name="ambition-mix",
    severity=Severity.INFO,
    applies_to=Element.PROJECT,
    message_ids=("all-aspirational", "all-aspirational-no-period", "too-many", "too-many-no-period"),
    summary="Objectives declare `type: committed|aspirational`: all are aspirational, or more than "
    "`max_aspirational` are aspirational in one period.",
    why="Committed objectives are promises the team must keep (expected score 1.0); aspirational ones are "
    "bets (0.6–0.7 is a good result). A team with only bets promises nothing, and one with many bets "
    "spreads itself thin. Objectives are grouped by team (or owner, or file) and period across every "
    "linted file; only groups where some objective declares a type are checked, and 'all aspirational' "
    "needs at least two objectives.",
    options={"max_aspirational": Option(int, 2, "more aspirational objectives than this in one period is reported")},
    bad=("three objectives in 2026-Q1, all type: aspirational",),
    good=("two committed and one aspirational objective in 2026-Q1",),
)

COMMITTED, ASPIRATIONAL = "committed", "aspirational"


def _kind(node: Node) -> str | None:
    v = node.objective.get("type")
    v = v.strip().lower() if isinstance(v, str) else None
    return v if v in (COMMITTED, ASPIRATIONAL) else None


def _group(node: Node) -> tuple[str, str]:
    period = node.objective.get("period") or node.document.get("period")
    return (node.team or node.source.path, "" if period is None else str(period))


def _span(node: Node):
    f = node.objective.fields.get("type")
    return f.span if f is not None else (node.objective.title.span if node.objective.title else node.objective.span)


def check(files: tuple[SourceFile, ...], ctx):
    groups: dict[tuple[str, str], list[Node]] = defaultdict(list)
    for src in files:
        for doc in src.documents:
            for obj in doc.objectives:
                node = Node(src, doc, obj)
                groups[_group(node)].append(node)
    limit = ctx.options["max_aspirational"]
    for (team, period), nodes in sorted(groups.items()):
        kinds = [_kind(n) for n in nodes]
        if not any(kinds):
            continue
        bets = [n for n, k in zip(nodes, kinds) if k == ASPIRATIONAL]
        when = f" in {period}" if period else ""
        # Message ids end in "-no-period" when the objectives name no period (a translation has no {period}).
        suffix = "" if period else "-no-period"
        params = {"team": team, "period": period, "max": limit}
        if len(bets) == len(nodes) and len(nodes) >= 2:
            n = bets[0]
            yield ctx.finding(
                _span(n),
                f"all {len(nodes)} objectives of {team}{when} are aspirational; nothing is committed",
                "make the objectives the team must deliver type: committed",
                path=n.source.path,
                element=Element.OBJECTIVE,
                objective_index=n.objective.index,
                message_id="all-aspirational" + suffix,
                params={**params, "n": len(nodes)},
            )
        elif len(bets) > limit:
            n = bets[limit]
            yield ctx.finding(
                _span(n),
                f"{len(bets)} aspirational objectives for {team}{when}; more than {limit} spreads the team thin",
                "keep the boldest bets and make the rest committed or drop them",
                path=n.source.path,
                element=Element.OBJECTIVE,
                objective_index=n.objective.index,
                message_id="too-many" + suffix,
                params={**params, "n": len(bets)},
            )
