"""The Markdown form of ``okrlint report``: for pull-request comments (Mermaid for the tree)."""

from __future__ import annotations

import re

from . import progress
from .report import FileView, KeyResultView, ObjectiveView, Review
from .rule import Diagnostic

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_MD_SPECIAL_KEEP_CODE = re.compile(r"([\\*_\[\]<>|#])")  # rule messages mark code with `backticks`
BAR_CELLS = 10


def md(text: str, keep_code: bool = False) -> str:
    """Escape text so Markdown shows it as written (``keep_code``: `code` spans stay code, unescaped)."""
    text = " ".join(str(text).split())
    if not keep_code or text.count("`") % 2:
        return _MD_SPECIAL.sub(r"\\\1", text)
    parts = text.split("`")  # odd parts are inside a code span
    return "`".join(p if i % 2 else _MD_SPECIAL_KEEP_CODE.sub(r"\\\1", p) for i, p in enumerate(parts))


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def text_bar(value: float) -> str:
    filled = int(value * BAR_CELLS + 0.5)
    return "▓" * filled + "░" * (BAR_CELLS - filled)


def progress_line(r: Review, p: progress.Progress) -> str:
    """ "120 → **150** → 200 `▓▓▓▓░░░░░░` 38% · score 0.4" (only the parts that are known)."""
    parts: list[str] = []
    if p.baseline or p.current or p.target:
        nums = [
            progress.format_number(p.baseline),
            f"**{progress.format_number(p.current)}**",
            progress.format_number(p.target),
        ]
        parts.append(" → ".join(nums))
    shown = p.shown
    if p.binary and p.value is not None:
        parts.append(r.label("done") if p.value >= 1 else r.label("not_done"))
    elif shown is not None:
        parts.append(f"`{text_bar(shown)}` {round(shown * 100)}%")
    if p.score is not None:
        parts.append(f"{r.label('score')} {progress.format_number(round(p.score, 2))}")
    return " · ".join(parts)


def finding_line(r: Review, d: Diagnostic, indent: str) -> str:
    tail = f" — {md(d.suggestion, keep_code=True)}" if d.suggestion else ""
    return (
        f"{indent}- **{r.label(d.severity.value)}** `{d.code}` {d.name} ({r.label('line')} {d.line}): "
        f"{md(d.message, keep_code=True)}{tail}"
    )


def render_markdown(r: Review) -> str:
    out: list[str] = [f"# {r.label('title')}", ""]
    out.append(" · ".join([r.label("generated", version=r.version), *r.counts()]))
    out += ["", f"## {r.label('summary')}", ""]
    out.append(
        f"| {r.label('file')} | {r.label('team')} | {r.label('level')} | {r.label('period')} | "
        f"{r.label('quality')} | {r.label('errors')} | {r.label('warnings')} | {r.label('infos')} |"
    )
    out.append("|---|---|---|---|---:|---:|---:|---:|")
    for f in r.files:
        out.append(
            f"| {md(f.path)} | {md(f.team or '')} | {md(r.level_label(f.level))} | {md(f.period or '')} | "
            f"{f.quality} | {f.counts['error']} | {f.counts['warning']} | {f.counts['info']} |"
        )
    out += ["", f"## {r.label('alignment')}", ""]
    out += _mermaid(r)
    for f in r.files:
        out += _file(r, f)
    out += ["", f"## {r.label('totals')}", ""]
    if r.totals:
        out.append(f"| {r.label('rule')} | {r.label('name')} | {r.label('severity')} | {r.label('count')} |")
        out.append("|---|---|---|---:|")
        for code, name, severity, n in r.totals:
            out.append(f"| {code} | {name} | {r.label(severity)} | {n} |")
    else:
        out.append(r.label("no_findings"))
    return "\n".join(out) + "\n"


def _mermaid_text(text: str) -> str:
    return text.replace("\\", "/").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def _mermaid(r: Review) -> list[str]:
    if not r.edges and not any(row.missing for row in r.tree):
        return [r.label("alignment_none")]
    out = ["```mermaid", "flowchart TD"]
    shown: set[str] = set()
    missing: list[tuple[str, str]] = []
    for row in r.tree:
        if row.anchor in shown:
            continue
        shown.add(row.anchor)
        who = " · ".join(x for x in (row.team, r.level_label(row.level)) if x)
        label = _mermaid_text(f"{row.ident} · {short(row.title, 48)}") + (f"<br/>{_mermaid_text(who)}" if who else "")
        out.append(f'  {row.anchor.replace("-", "_")}["{label}"]')
        missing += [(row.anchor, ref) for ref in row.missing]
    for parent, child in r.edges:
        out.append(f"  {parent.replace('-', '_')} --> {child.replace('-', '_')}")
    for k, (child, ref) in enumerate(missing, 1):
        out.append(f'  missing{k}["{_mermaid_text(ref)} ({r.label("missing")})"]:::missing')
        out.append(f"  missing{k} -.-> {child.replace('-', '_')}")
    if missing:
        out.append("  classDef missing stroke:#c62828,stroke-width:2px,stroke-dasharray:5 3,color:#c62828")
    out.append("```")
    return out


def _file(r: Review, f: FileView) -> list[str]:
    out = ["", f"## {md(f.path)}", ""]
    facts = [x for x in (f.team, r.level_label(f.level), f.period) if x]
    out.append(" · ".join([md(x) for x in facts] + [f"{r.label('quality')} **{f.quality}/100**"]))
    if f.error:
        out += ["", f"**{r.label('not_parsed')}:** {md(f.error)}"]
    if f.findings:
        out += ["", f"{r.label('file_findings')}:", ""]
        out += [finding_line(r, d, "") for d in f.findings]
    for o in f.objectives:
        out += _objective(r, o)
    return out


def _objective(r: Review, o: ObjectiveView) -> list[str]:
    head = f"{o.ident} — {md(o.title)}" if o.ident else md(o.title)
    out = ["", f"### {head}", ""]
    facts = []
    if o.kind:
        facts.append(f"*{md(r.kind_label(o.kind))}*")
    refs = [md(a) for a in o.aligns_to] + [f"{md(m)} ({r.label('missing')})" for m in o.missing]
    if refs:
        facts.append(f"{r.label('aligns_to')} {', '.join(refs)}")
    if facts:
        out += [" · ".join(facts), ""]
    out += [finding_line(r, d, "") for d in o.findings]
    if o.findings:
        out.append("")
    if not o.key_results:
        out.append(r.label("no_key_results"))
    for kr in o.key_results:
        out += _key_result(r, kr)
    return out


def _key_result(r: Review, kr: KeyResultView) -> list[str]:
    line = progress_line(r, kr.progress)
    out = [f"- {md(kr.title)}" + (f"  \n  {line}" if line else "")]
    out += [finding_line(r, d, "  ") for d in kr.findings]
    return out
