"""``--format text``: one line per diagnostic with the source line and a caret, like ruff."""

from __future__ import annotations

from collections import Counter

_COLORS = {"error": "31", "warning": "33", "info": "36", "path": "1", "code": "1;35", "caret": "31", "dim": "2"}


def _c(text: str, key: str, on: bool) -> str:
    return f"\x1b[{_COLORS[key]}m{text}\x1b[0m" if on else text


def render(diagnostics, *, sources, rules, color=False, statistics=False, quiet=False) -> str:
    out: list[str] = []
    lines_of: dict[str, list[str]] = {}
    for d in diagnostics:
        head = (
            f"{_c(d.path, 'path', color)}:{d.line}:{d.column}: {_c(d.code, 'code', color)} {d.name} "
            f"[{_c(d.severity.value, d.severity.value, color)}] {d.message}"
        )
        out.append(head)
        if quiet:
            continue
        if d.path not in lines_of:
            lines_of[d.path] = sources.get(d.path, "").split("\n")
        src = lines_of[d.path]
        if 1 <= d.line <= len(src):
            line = src[d.line - 1].replace("\t", " ")
            if len(line) > 200:
                line = line[:200] + "…"
            gutter = f"{d.line:>5} | "
            out.append(_c(gutter, "dim", color) + line)
            start = max(d.column - 1, 0)
            end = d.end_column - 1 if d.end_line == d.line else len(line)
            width = max(1, min(end, len(line)) - start)
            out.append(_c(" " * 6 + "| ", "dim", color) + " " * min(start, len(line)) + _c("^" * width, "caret", color))
        if d.suggestion:
            out.append(_c(" " * 6 + "= help: ", "dim", color) + d.suggestion)
    if statistics and diagnostics:
        out.append("")
        counts = Counter((d.code, d.name) for d in diagnostics)
        for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"{n:>5}  {code}  {name}")
    if diagnostics:
        n = len(diagnostics)
        files = len({d.path for d in diagnostics})
        out.append(f"Found {n} problem{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}.")
    return "\n".join(out) + ("\n" if out else "")
