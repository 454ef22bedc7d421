"""``--format gitlab``: GitLab Code Quality JSON (the ``codequality`` report artifact).

GitLab shows these in merge-request widgets and diffs. The fingerprint is the
same stable hash the SARIF reporter uses, so a finding keeps its identity when
lines move.
"""

from __future__ import annotations

import json

from .sarif import fingerprints

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def build(diagnostics, *, sources: dict[str, str]) -> list[dict]:
    out = []
    for d, print_ in zip(diagnostics, fingerprints(diagnostics, sources)):
        out.append(
            {
                "description": f"{d.code} {d.name}: {d.message}" + (f" ({d.suggestion})" if d.suggestion else ""),
                "check_name": d.code,
                "fingerprint": print_,
                "severity": _SEVERITY[d.severity.value],
                "categories": ["Style"],
                "location": {"path": d.path, "lines": {"begin": d.line, "end": max(d.end_line, d.line)}},
            }
        )
    return out


def render(diagnostics, *, sources, **_) -> str:
    return json.dumps(build(diagnostics, sources=sources), ensure_ascii=False, indent=2) + "\n"
