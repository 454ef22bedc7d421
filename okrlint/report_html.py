"""The HTML form of ``okrlint report``: one self-contained page (inline CSS and SVG, no script, no network)."""

from __future__ import annotations

from html import escape

from . import progress
from .report import FileView, KeyResultView, ObjectiveView, Review
from .report_markdown import short
from .rule import Diagnostic

# The page may load nothing: a stray external reference is refused by the browser, not fetched.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

CSS = """
:root { --error:#c62828; --warning:#b26a00; --info:#1565c0; --ok:#2e7d32; --muted:#666; --line:#ddd; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; margin: 0;
       color: #1d1d1f; background: #fafafa; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { margin: 0 0 4px; font-size: 28px; }
h2 { margin: 36px 0 12px; font-size: 21px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { margin: 20px 0 6px; font-size: 17px; }
.meta, .facts { color: var(--muted); font-size: 14px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid var(--line); padding: 6px 10px; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.quality { display: inline-block; min-width: 3.2em; padding: 1px 8px; border-radius: 10px; color: #fff;
           font-weight: 600; text-align: center; }
.q-good { background: var(--ok); } .q-fair { background: var(--warning); } .q-poor { background: var(--error); }
section.file { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 4px 20px 16px;
               margin-top: 24px; }
ul.krs { list-style: none; padding: 0; margin: 0; }
ul.krs > li { padding: 8px 0; border-top: 1px solid #eee; }
.kr-title { font-weight: 500; }
.progress { display: flex; align-items: center; gap: 10px; margin-top: 4px; font-size: 14px; }
.bar { position: relative; width: 220px; height: 10px; border-radius: 5px; background: #e6e6e6; flex: none; }
.bar > .fill { position: absolute; left: 0; top: 0; bottom: 0; border-radius: 5px; background: var(--ok); }
.nums { white-space: nowrap; } .nums b { font-weight: 700; }
.tag { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; background: #eee; }
.tag.aspirational { background: #ede7f6; color: #4527a0; } .tag.committed { background: #e3f2fd; color: #0d47a1; }
ul.findings { margin: 4px 0 0; padding-left: 18px; font-size: 14px; }
ul.findings li { margin: 2px 0; }
.sev { font-weight: 700; text-transform: uppercase; font-size: 11px; letter-spacing: .03em; }
.sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); }
.help { color: var(--muted); }
.missing { color: var(--error); font-weight: 600; }
.tree { overflow-x: auto; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
"""

LEVEL_COLORS = {"company": "#6a1b9a", "department": "#00838f", "team": "#1565c0", "individual": "#2e7d32"}
ROW, INDENT, CHAR = 30, 28, 7.4  # tree geometry in px; CHAR is an average glyph width at 13px


def e(text: object) -> str:
    return escape(str(text), quote=True)


def _quality_class(q: int) -> str:
    return "q-good" if q >= 80 else "q-fair" if q >= 50 else "q-poor"


def render_html(r: Review) -> str:
    body = [
        f"<h1>{e(r.label('title'))}</h1>",
        f'<p class="meta">{" · ".join(e(x) for x in [r.label("generated", version=r.version), *r.counts()])}</p>',
        f'<h2 id="summary">{e(r.label("summary"))}</h2>',
        _summary(r),
        f'<h2 id="alignment">{e(r.label("alignment"))}</h2>',
        _tree(r),
    ]
    body += [_file(r, f) for f in r.files]
    body += [f'<h2 id="totals">{e(r.label("totals"))}</h2>', _totals(r)]
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{e(r.language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(r.label('title'))}</title>\n<style>{CSS}</style>\n</head>\n"
        "<body>\n<main>\n" + "\n".join(body) + "\n</main>\n</body>\n</html>\n"
    )


def _summary(r: Review) -> str:
    head = "".join(f"<th>{e(r.label(k))}</th>" for k in ("file", "team", "level", "period"))
    head += "".join(f'<th class="num">{e(r.label(k))}</th>' for k in ("quality", "errors", "warnings", "infos"))
    rows = []
    for f in r.files:
        rows.append(
            f'<tr><td><a href="#{f.anchor}">{e(f.path)}</a></td><td>{e(f.team or "")}</td>'
            f"<td>{e(r.level_label(f.level))}</td><td>{e(f.period or '')}</td>"
            f'<td class="num"><span class="quality {_quality_class(f.quality)}">{f.quality}</span></td>'
            f'<td class="num">{f.counts["error"]}</td><td class="num">{f.counts["warning"]}</td>'
            f'<td class="num">{f.counts["info"]}</td></tr>'
        )
    return f'<table class="summary"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _tree(r: Review) -> str:
    """The alignment tree as an indented outline drawn in SVG, every node a link to its objective."""
    if not r.tree:
        return f"<p>{e(r.label('alignment_none'))}</p>"
    parts: list[str] = []
    width = 0.0
    last_at_depth: dict[int, int] = {}
    for i, row in enumerate(r.tree):
        x, y = 14 + row.depth * INDENT, 20 + i * ROW
        if row.depth > 0 and row.depth - 1 in last_at_depth:
            py = 20 + last_at_depth[row.depth - 1] * ROW
            px = 14 + (row.depth - 1) * INDENT
            parts.append(f'<path d="M{px} {py + 6} V{y} H{x - 7}" fill="none" stroke="#999" stroke-width="1.2"/>')
        last_at_depth[row.depth] = i
        for deeper in [d for d in last_at_depth if d > row.depth]:
            del last_at_depth[deeper]
        color = LEVEL_COLORS.get(row.level or "", "#555")
        who = " · ".join(x for x in (row.team, r.level_label(row.level)) if x)
        label = f"{row.ident} · {short(row.title, 70)}"
        text = [f'<tspan font-weight="600">{e(label)}</tspan>']
        if who:
            text.append(f'<tspan fill="#666"> — {e(who)}</tspan>')
        if row.repeated:
            text.append(f'<tspan fill="#888" font-style="italic"> ({e(r.label("repeated"))})</tspan>')
        for ref in row.missing:
            text.append(
                f'<tspan fill="#c62828" font-weight="700"> ⚠ {e(r.label("aligns_to"))} {e(ref)} '
                f"({e(r.label('missing'))})</tspan>"
            )
        length = (
            len(label)
            + (len(who) + 3 if who else 0)
            + sum(len(ref) + 24 for ref in row.missing)
            + (16 if row.repeated else 0)
        )
        width = max(width, x + 14 + length * CHAR)
        parts.append(
            f'<a href="#{row.anchor}"><circle cx="{x}" cy="{y}" r="6" fill="{color}"/>'
            f'<text x="{x + 12}" y="{y + 4.5}" font-size="13" fill="#1d1d1f">{"".join(text)}</text></a>'
        )
    height = 20 + len(r.tree) * ROW
    legend = " ".join(
        f'<span style="color:{c}">●</span> {e(r.level_label(level))}' for level, c in LEVEL_COLORS.items()
    )
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{e(r.label("alignment"))}" '
        f'width="{int(width) + 20}" height="{height}" viewBox="0 0 {int(width) + 20} {height}" '
        f'font-family="system-ui, sans-serif">{"".join(parts)}</svg>'
    )
    return f'<div class="tree">{svg}</div><p class="meta">{legend}</p>'


def _file(r: Review, f: FileView) -> str:
    facts = [e(x) for x in (f.team, r.level_label(f.level), f.period) if x]
    facts.append(f'{e(r.label("quality"))} <span class="quality {_quality_class(f.quality)}">{f.quality}</span>')
    out = [
        f'<section class="file" id="{f.anchor}">',
        f"<h2>{e(f.path)}</h2>",
        f'<p class="facts">{" · ".join(facts)}</p>',
    ]
    if f.error:
        out.append(f'<p class="missing">{e(r.label("not_parsed"))}: {e(f.error)}</p>')
    if f.findings:
        out.append(f"<p>{e(r.label('file_findings'))}:</p>{_findings(r, f.findings)}")
    out += [_objective(r, o) for o in f.objectives]
    out.append("</section>")
    return "\n".join(out)


def _objective(r: Review, o: ObjectiveView) -> str:
    ident = f"<code>{e(o.ident)}</code> " if o.ident else ""
    facts = []
    if o.kind:
        facts.append(f'<span class="tag {e(o.kind)}">{e(r.kind_label(o.kind))}</span>')
    refs = [e(a) for a in o.aligns_to] + [
        f'<span class="missing">{e(m)} ({e(r.label("missing"))})</span>' for m in o.missing
    ]
    if refs:
        facts.append(f"{e(r.label('aligns_to'))} {', '.join(refs)}")
    out = [f'<div class="objective" id="{o.anchor}">', f"<h3>{ident}{e(o.title)}</h3>"]
    if facts:
        out.append(f'<p class="facts">{" · ".join(facts)}</p>')
    if o.findings:
        out.append(_findings(r, o.findings))
    if o.key_results:
        out.append('<ul class="krs">' + "".join(_key_result(r, kr) for kr in o.key_results) + "</ul>")
    else:
        out.append(f"<p>{e(r.label('no_key_results'))}</p>")
    out.append("</div>")
    return "\n".join(out)


def _progress(r: Review, p: progress.Progress) -> str:
    parts = []
    shown = p.shown
    if shown is not None:
        pct = round(shown * 100)
        title = f"{r.label('progress')} {pct}%"
        parts.append(
            f'<span class="bar" role="img" aria-label="{e(title)}" title="{e(title)}">'
            f'<span class="fill" style="width:{pct}%"></span></span>'
        )
    if p.baseline or p.current or p.target:
        parts.append(
            f'<span class="nums" title="{e(r.label("baseline"))} → {e(r.label("current"))} → {e(r.label("target"))}">'
            f"{e(progress.format_number(p.baseline))} → <b>{e(progress.format_number(p.current))}</b> → "
            f"{e(progress.format_number(p.target))}</span>"
        )
    if p.binary and p.value is not None:
        parts.append(f'<span class="pct">{e(r.label("done") if p.value >= 1 else r.label("not_done"))}</span>')
    elif shown is not None:
        parts.append(f'<span class="pct">{round(shown * 100)}%</span>')
    if p.score is not None:
        parts.append(f'<span class="score">{e(r.label("score"))} {e(progress.format_number(round(p.score, 2)))}</span>')
    return f'<div class="progress">{"".join(parts)}</div>' if parts else ""


def _key_result(r: Review, kr: KeyResultView) -> str:
    findings = _findings(r, kr.findings) if kr.findings else ""
    return f'<li><div class="kr-title">{e(kr.title)}</div>{_progress(r, kr.progress)}{findings}</li>'


def _findings(r: Review, diags: list[Diagnostic]) -> str:
    items = []
    for d in diags:
        help_ = f' <span class="help">— {e(d.suggestion)}</span>' if d.suggestion else ""
        items.append(
            f'<li><span class="sev sev-{d.severity.value}">{e(r.label(d.severity.value))}</span> '
            f'<code>{e(d.code)}</code> {e(d.name)} <span class="help">({e(r.label("line"))} {d.line})</span>: '
            f"{e(d.message)}{help_}</li>"
        )
    return f'<ul class="findings">{"".join(items)}</ul>'


def _totals(r: Review) -> str:
    if not r.totals:
        return f"<p>{e(r.label('no_findings'))}</p>"
    head = (
        f"<tr><th>{e(r.label('rule'))}</th><th>{e(r.label('name'))}</th><th>{e(r.label('severity'))}</th>"
        f'<th class="num">{e(r.label("count"))}</th></tr>'
    )
    rows = "".join(
        f'<tr><td><code>{e(c)}</code></td><td>{e(n)}</td><td><span class="sev sev-{e(s)}">{e(r.label(s))}'
        f'</span></td><td class="num">{k}</td></tr>'
        for c, n, s, k in r.totals
    )
    return f'<table class="totals"><thead>{head}</thead><tbody>{rows}</tbody></table>'
