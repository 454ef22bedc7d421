"""`okrlint schema`: the JSON Schema of the YAML format, shipped as a file; examples validate."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from okrlint.loader import ALIASES, DOCUMENT_KEYS, KEY_RESULT_KEYS, OBJECTIVE_KEYS
from okrlint.schema import build_schema, schema_text

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "okrlint" / "data" / "okr.schema.json"
EXAMPLES = sorted((ROOT / "examples").glob("**/*.okr.y*ml"))


class _EditorLoader(yaml.SafeLoader):
    """Reads YAML as editors' YAML 1.2 servers do: dates stay strings."""


_EditorLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _validator():
    schema = build_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _errors(text: str) -> list:
    v = _validator()
    return [e for doc in yaml.load_all(text, Loader=_EditorLoader) for e in v.iter_errors(doc)]


def test_shipped_file_is_what_the_command_prints():
    assert SHIPPED.read_text(encoding="utf-8") == schema_text(), "run: okrlint schema -o okrlint/data/okr.schema.json"


def test_command_prints_the_schema(capsys):
    from okrlint.schema import schema_command

    with pytest.raises(SystemExit) as done:
        schema_command.main([], prog_name="okrlint schema")
    assert done.value.code == 0
    assert json.loads(capsys.readouterr().out) == build_schema()


def test_every_loader_key_and_alias_is_in_the_schema():
    defs = build_schema()["$defs"]
    assert set(DOCUMENT_KEYS) <= set(defs["document"]["properties"])
    assert set(OBJECTIVE_KEYS) <= set(defs["objectiveFields"]["properties"])
    assert set(KEY_RESULT_KEYS) <= set(defs["keyResultFields"]["properties"])
    assert set(ALIASES) <= set(defs["objectiveFields"]["properties"])


@pytest.mark.skipif(not EXAMPLES, reason="examples/ has no *.okr.yaml yet")
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_validate(path):
    errors = _errors(path.read_text(encoding="utf-8"))
    assert not errors, f"{path.name}: {errors[0].message} at {list(errors[0].absolute_path)}"


def test_format_spec_example_validates():
    spec = ROOT.parent / "shared" / "spec" / "FORMAT.md"
    if not spec.is_file():
        pytest.skip("FORMAT.md is not beside the repository")
    block = re.search(r"```yaml\n(.*?)```", spec.read_text(encoding="utf-8"), re.S).group(1)
    assert not _errors(block)


GOOD = """\
period: 2026-Q1
x-team-notes: anything goes in x- keys
objectives:
  - title: Become the clinic patients recommend first
    type: committed
    krs:
      - Raise NPS from 30 to 50
      - title: Cut waiting time from 40 to 15 minutes
        baseline: 40
        target: 15
        unit: minutes
        due: 2026-03-31
        score: "40%"
  - Grow the clinic
"""


def test_good_file_and_bare_list_validate():
    assert not _errors(GOOD)
    assert not _errors("- title: Grow\n  key_results: [Raise NPS from 30 to 50]\n")


@pytest.mark.parametrize(
    "bad",
    [
        GOOD.replace("    type: committed", "    titel: oops"),
        GOOD.replace("        unit: minutes", "        unti: minutes"),
        GOOD.replace("period: 2026-Q1", "perod: 2026-Q1"),
        GOOD.replace("type: committed", "type: stretch"),
        GOOD.replace('score: "40%"', "score: 4"),
    ],
)
def test_misspelt_key_or_bad_value_does_not_validate(bad):
    assert _errors(bad)
