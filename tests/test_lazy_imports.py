"""Start-up stays light: commands that read no wording import no NLP library.

Each case runs in a fresh interpreter and lists the heavy modules it imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY_ROOTS = (
    "pymorphy3",
    "pymorphy3_dicts_ru",
    "morfeusz2",
    "spacy",
    "snowballstemmer",
    "thinc",
    "dawg_python",
    "DAWG2",
)
ANALYSERS = ("ru", "pl", "en", "tr", "uz")

PROBE = """
import json, sys
from okrlint.cli import main
try:
    main(json.loads(sys.argv[1]))
except SystemExit:
    pass
sys.stderr.write("MODULES=" + json.dumps(sorted(sys.modules)) + "\\n")
"""


def loaded_modules(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> list[str]:
    """Every module a fresh interpreter imported to run ``okrlint ARGS``."""
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        check=False,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    line = next(ln for ln in proc.stderr.splitlines() if ln.startswith("MODULES="))
    return json.loads(line[len("MODULES=") :])


def heavy_modules(args: list[str], cwd: Path) -> list[str]:
    return sorted(
        m
        for m in loaded_modules(args, cwd)
        if m.split(".")[0] in HEAVY_ROOTS or (m.startswith("okrlint.analysis.") and m.rsplit(".", 1)[1] in ANALYSERS)
    )


OKR = (
    "objectives:\n  - title: Стать главным источником экспертного контента\n    key_results:\n"
    "      - Попробовать запустить TikTok-канал\n      - Spróbować uruchomić kanał na TikToku\n"
    "  - title: Become the clinic patients recommend\n    key_results:\n      - Run 5 webinars\n"
)


@pytest.mark.parametrize(
    "args",
    [
        ["rules"],
        ["--help"],
        ["explain", "OKR104"],
        ["explain", "hedging-verb"],
        ["--version"],
        ["rules", "--format", "json"],
    ],
)
def test_commands_that_read_no_text_import_no_nlp(tmp_path, args):
    assert heavy_modules(args, tmp_path) == []


def test_a_structure_only_selection_imports_no_nlp(tmp_path):
    (tmp_path / "a.okr.yaml").write_text(OKR, encoding="utf-8")
    # OKR304, OKR306 and OKR309 read lexicons (deadline phrases, metric lemmas): not in this selection.
    args = ["--no-cache", "--select", "OKR0,OKR301,OKR302,OKR303,OKR305", "a.okr.yaml"]
    assert heavy_modules(args, tmp_path) == []


def test_a_cache_hit_imports_no_nlp(tmp_path):
    (tmp_path / "a.okr.yaml").write_text(OKR, encoding="utf-8")
    args = ["--cache-dir", str(tmp_path / "cache"), "a.okr.yaml"]
    first = heavy_modules(args, tmp_path)
    assert "okrlint.analysis.ru" in first  # the cold run did analyse
    assert heavy_modules(args, tmp_path) == []


def test_only_the_languages_present_are_loaded(tmp_path):
    (tmp_path / "a.okr.yaml").write_text(
        "language: en\nobjectives:\n  - title: Grow\n    key_results:\n      - Run 5 webinars\n", encoding="utf-8"
    )
    loaded = heavy_modules(["--no-cache", "a.okr.yaml"], tmp_path)
    assert "okrlint.analysis.en" in loaded
    assert not {"okrlint.analysis.ru", "okrlint.analysis.pl", "pymorphy3", "morfeusz2"} & set(loaded)


def _rules_and_parsers(modules: list[str]) -> list[str]:
    return [m for m in modules if m.startswith("okrlint.rules.") or m in ("yaml", "okrlint.loader", "okrlint.markdown")]


def test_a_run_of_unchanged_files_imports_no_rule_module_and_no_parser(tmp_path):
    """The rule index gives the rules' metadata, the cache the whole run's findings (cross-file ones too)."""
    (tmp_path / "a.okr.yaml").write_text(OKR, encoding="utf-8")
    (tmp_path / "b.okr.yaml").write_text(
        "objectives:\n  - title: Grow the clinic\n    aligns_to: nowhere\n    key_results:\n      - Run 5 webinars\n",
        encoding="utf-8",
    )
    env = {"OKRLINT_LEXICON_CACHE": str(tmp_path / "user-cache")}
    args = ["--cache-dir", str(tmp_path / "cache"), "a.okr.yaml", "b.okr.yaml"]
    cold = loaded_modules(args, tmp_path, env)
    assert "okrlint.rules.okr308_unknown_parent" in cold and "yaml" in cold
    assert _rules_and_parsers(loaded_modules(args, tmp_path, env)) == []


def test_rules_and_explain_read_the_rule_index(tmp_path):
    env = {"OKRLINT_LEXICON_CACHE": str(tmp_path / "user-cache")}
    assert "okrlint.rules.okr104_binary_kr" in loaded_modules(["rules"], tmp_path, env)  # writes the index
    for args in (["rules"], ["explain", "OKR104"]):
        assert [m for m in loaded_modules(args, tmp_path, env) if m.startswith("okrlint.rules.")] == []
