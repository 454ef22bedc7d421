"""``--format github``: workflow commands that GitHub turns into inline annotations."""

from __future__ import annotations

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(diagnostics, **_) -> str:
    lines = []
    for d in diagnostics:
        props = (
            f"file={_escape_prop(d.path)},line={d.line},col={d.column},endLine={d.end_line},"
            f"endColumn={d.end_column},title={_escape_prop(f'{d.code} {d.name}')}"
        )
        msg = d.message + (f" ({d.suggestion})" if d.suggestion else "")
        lines.append(f"::{_LEVEL[d.severity.value]} {props}::{_escape_data(msg)}")
    return "\n".join(lines) + ("\n" if lines else "")
