"""``okrlint schema``: the JSON Schema of the OKR YAML format, for editors.

The schema is built from the loader's own key lists and allowed values (so a key
or value the loader accepts is one the editor completes) and shipped as ``okrlint/data/okr.schema.json``;
a test keeps the file and this module in step. ``x-`` keys are user extensions
and always allowed, as in the loader.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from .docs import repository_url
from .loader import ALIASES, ALLOWED_VALUES, DOCUMENT_KEYS, KEY_RESULT_KEYS, OBJECTIVE_KEYS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
LANGUAGES = ALLOWED_VALUES["language"]

_TEXT = {"type": "string", "minLength": 1}
_NUMBER_OR_TEXT = {"type": ["number", "string"]}
_DATE = {"type": "string", "description": "A date, YYYY-MM-DD."}
_PERIOD = {
    "description": "2026-Q1 · 2026-H1 · 2026 · {start: 2026-01-01, end: 2026-03-31}",
    "anyOf": [
        {"type": "string"},
        {"type": "integer"},
        {
            "type": "object",
            "properties": {"start": _DATE, "end": _DATE},
            "required": ["start", "end"],
            "additionalProperties": False,
        },
    ],
}
_SCORE = {
    "description": '0–1, or a percentage such as "40%".',
    "anyOf": [
        {"type": "number", "minimum": 0, "maximum": 1},
        {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*%\s*$"},
    ],
}

# What each key holds; a key the loader knows but this map does not is accepted with any value.
_VALUES: dict[str, dict[str, Any]] = {
    "okrlint": {"description": "Format version.", "const": 1},
    "language": {"description": "Language of the texts (default: detected per text).", "enum": list(LANGUAGES)},
    "period": _PERIOD,
    "due": _DATE,
    "level": {"description": "Where these OKRs sit.", "enum": list(ALLOWED_VALUES["level"])},
    "team": _TEXT,
    "owner": {"description": "The one accountable person.", **_TEXT},
    "title": {"description": "The text of the objective or key result.", **_TEXT},
    "id": {"description": "Identifier for aligns_to (O1, KR2 …).", "type": ["string", "integer"]},
    "type": {
        "description": "Committed (must deliver) or aspirational (stretch).",
        "enum": list(ALLOWED_VALUES["type"]),
    },
    "aligns_to": {"description": "Parent objective: file.okr.yaml#O2, or an id in this file.", "type": "string"},
    "description": {"type": "string"},
    "score": _SCORE,
    "baseline": {"description": "Value at the start of the period.", **_NUMBER_OR_TEXT},
    "target": {"description": "Value to reach.", **_NUMBER_OR_TEXT},
    "current": {"description": "Latest measured value.", **_NUMBER_OR_TEXT},
    "unit": {"type": "string"},
    "scoring": {"description": "How the key result is scored.", "enum": list(ALLOWED_VALUES["scoring"])},
}


def _object(keys: tuple[str, ...], *, title: str, nested: dict[str, Any]) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for key in keys:
        props[key] = nested.get(key) or _VALUES.get(key, {})
    for alias, target in ALIASES.items():
        if target in props:
            props[alias] = {"$ref": f"#/$defs/{title}/properties/{target}", "description": f"Alias of '{target}'."}
    return {"type": "object", "properties": props, "patternProperties": {"^x-": {}}, "additionalProperties": False}


def build_schema() -> dict[str, Any]:
    key_result = _object(KEY_RESULT_KEYS, title="keyResultFields", nested={})
    objective = _object(
        OBJECTIVE_KEYS,
        title="objectiveFields",
        nested={
            "key_results": {
                "description": "Key results: plain strings or mappings.",
                "type": ["array", "null"],
                "items": {"$ref": "#/$defs/keyResult"},
            }
        },
    )
    document = _object(
        DOCUMENT_KEYS,
        title="document",
        nested={"objectives": {"type": ["array", "null"], "items": {"$ref": "#/$defs/objective"}}},
    )
    document["required"] = ["objectives"]
    return {
        "$schema": DIALECT,
        "$id": f"{repository_url()}/raw/main/okrlint/data/okr.schema.json",
        "title": "okrlint OKR file",
        "description": "Objectives and key results, as okrlint reads them (*.okr.yaml). Keys starting with x- "
        "are user extensions.",
        "anyOf": [
            {"$ref": "#/$defs/document"},
            {"type": "array", "items": {"$ref": "#/$defs/objective"}},
            {"type": "null"},
        ],
        "$defs": {
            "document": document,
            "objectiveFields": objective,
            "objective": {"anyOf": [_TEXT, {"allOf": [{"$ref": "#/$defs/objectiveFields"}, _one_title()]}]},
            "keyResultFields": key_result,
            "keyResult": {"anyOf": [_TEXT, {"allOf": [{"$ref": "#/$defs/keyResultFields"}, _one_title()]}]},
        },
    }


def _one_title() -> dict[str, Any]:
    names = ["title", *(a for a, t in ALIASES.items() if t == "title")]
    return {"anyOf": [{"required": [n]} for n in names]}


def schema_text() -> str:
    return json.dumps(build_schema(), ensure_ascii=False, indent=2) + "\n"


@click.command(name="schema")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to this file.")
def schema_command(output: str | None) -> None:
    """Print the JSON Schema of the OKR YAML format (for VS Code YAML, JetBrains, …)."""
    text = schema_text()
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":  # python -m okrlint.schema > okrlint/data/okr.schema.json
    schema_command()
