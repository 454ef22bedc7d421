"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One ``reportingDescriptor`` per rule (so a viewer can show the rule's help next
to each result), one ``result`` per diagnostic with its physical location, and a
``partialFingerprints`` entry that survives unrelated edits: it hashes the rule,
the path and the whitespace-normalised text of the flagged line (plus an
occurrence number for identical lines), never the line number.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import PurePath
from urllib.parse import quote

from .. import __version__
from ..docs import rule_url

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "okrlint/v1"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    p = PurePath(path)
    if p.is_absolute():
        return "file://" + quote(p.as_posix())
    return quote(p.as_posix().removeprefix("./"))


def _descriptor(meta) -> dict:
    help_text = meta.summary + (f"\n\nWhy: {meta.why}" if meta.why else "")
    if meta.bad:
        help_text += "\n\nBad: " + " · ".join(b.replace("\n", " ") for b in meta.bad)
    if meta.good:
        help_text += "\nGood: " + " · ".join(g.replace("\n", " ") for g in meta.good)
    return {
        "id": meta.code,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": meta.why or meta.summary},
        "help": {"text": help_text},
        "helpUri": rule_url(meta.code),
        "defaultConfiguration": {"level": _LEVEL[meta.severity.value]},
        "properties": {"tags": ["okr", meta.name]},
    }


def _normalised_line(sources: dict[str, str], d) -> str:
    lines = sources.get(d.path, "").split("\n")
    line = lines[d.line - 1] if 1 <= d.line <= len(lines) else ""
    return " ".join(line.split()).casefold()


def fingerprint(code: str, path: str, line_text: str, occurrence: int) -> str:
    raw = "\x1f".join((code, PurePath(path).as_posix(), line_text, str(occurrence)))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


def fingerprints(diagnostics, sources: dict[str, str]) -> list[str]:
    """One stable fingerprint per diagnostic: rule, path, flagged line's text, n-th such finding."""
    seen: Counter = Counter()
    out = []
    for d in diagnostics:
        key = (d.code, d.path, _normalised_line(sources, d))
        seen[key] += 1
        out.append(fingerprint(*key, seen[key]))
    return out


def build(diagnostics, *, sources: dict[str, str], rules) -> dict:
    descriptors = [_descriptor(r.meta) for r in rules]
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    results = []
    for d, print_ in zip(diagnostics, fingerprints(diagnostics, sources)):
        text = d.message + (f" ({d.suggestion})" if d.suggestion else "")
        result = {
            "ruleId": d.code,
            "level": _LEVEL[d.severity.value],
            "message": {"text": text},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(d.path)},
                        "region": {
                            "startLine": max(d.line, 1),
                            "startColumn": max(d.column, 1),
                            "endLine": max(d.end_line, d.line, 1),
                            "endColumn": max(d.end_column, 1),
                        },
                    }
                }
            ],
            "partialFingerprints": {FINGERPRINT_KEY: print_},
            "properties": {"name": d.name, "element": d.element, "language": d.language},
        }
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        results.append(result)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "okrlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": rule_url(None),
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(diagnostics, *, sources, rules, **_) -> str:
    return json.dumps(build(diagnostics, sources=sources, rules=rules), ensure_ascii=False, indent=2) + "\n"
