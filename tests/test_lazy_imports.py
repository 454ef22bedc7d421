"""Start-up stays light: commands that read no wording import no NLP library.

Each case runs in a fresh interpreter and lists the heavy modules it imported.
"""

from __future__ import annotations

import json
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
heavy = sorted(m for m in sys.modules
               if m.split(".")[0] in {roots} or (m.startswith("okrlint.analysis.") and m.rsplit(".", 1)[1] in {langs}))
sys.stderr.write("HEAVY=" + json.dumps(heavy) + "\\n")
"""

OKR = (
    "objectives:\n  - title: Стать главным источником экспертного контента\n    key_results:\n"
    "      - Попробовать запустить TikTok-канал\n      - Spróbować uruchomić kanał na TikToku\n"
    "  - title: Become the clinic patients recommend\n    key_results:\n      - Run 5 webinars\n"
)


def heavy_modules(args: list[str], cwd: Path) -> list[str]:
    code = PROBE.format(roots=repr(set(HEAVY_ROOTS)), langs=repr(set(ANALYSERS)))
    proc = subprocess.run(
        [sys.executable, "-c", code, json.dumps(args)],
        check=False,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    line = next(ln for ln in proc.stderr.splitlines() if ln.startswith("HEAVY="))
    return json.loads(line[len("HEAVY=") :])


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
