"""`okrlint report`: the Markdown page against a golden file, the HTML page in a real browser, bad input.

Regenerate the golden file after an intended change with
``OKRLINT_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_report.py`` and review the diff.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from okrlint import __version__
from okrlint.cli import main
from okrlint.loader import load_text
from okrlint.report import build, quality, report_command
from okrlint.rule import Diagnostic, Severity

TEAM = Path(__file__).parent / "fixtures" / "team"
REVIEW = TEAM / "review"
GOLDEN = TEAM / "review.golden.md"
# The golden page covers the structure and team rules: the wording rules' findings belong to their own tests,
# and the language analysers they read change often.
GOLDEN_ARGS = [".", "--select", "OKR0,OKR3,OKR4", "--message-language", "en"]
# English, so a new message translation does not change the golden page (auto is tested below).


def _report(args: list[str], cwd: Path) -> tuple[int, str, str]:
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2 mixes stderr into stdout by default
    except TypeError:
        runner = CliRunner()
    old = os.getcwd()
    os.chdir(cwd)
    try:
        res = runner.invoke(report_command, args, catch_exceptions=False)
    finally:
        os.chdir(old)
    return res.exit_code, res.stdout, res.stderr


def test_markdown_report_matches_the_golden_file():
    code, out, _ = _report(GOLDEN_ARGS, REVIEW)
    assert code == 0
    out = out.replace(f"okrlint {__version__}", "okrlint <version>")  # a release does not change the page
    if os.environ.get("OKRLINT_UPDATE_GOLDEN"):
        GOLDEN.write_text(out, encoding="utf-8")
    assert out == GOLDEN.read_text(encoding="utf-8")


def test_the_done_when_scenario_findings_are_at_the_right_lines():
    code, out, _ = _report([".", "--select", "OKR3,OKR4", "--message-language", "en"], REVIEW)
    assert code == 0
    assert "`OKR308` unknown-parent (line 28)" in out  # team-growth: aligns_to company.okr.yaml#C7
    assert "`OKR309` inconsistent-numbers (line 16)" in out  # target 12000 vs "с 5 000 до 15 000"
    assert "`OKR401` sandbagging (line 10)" in out  # team-product P1: aspirational, every KR 1.0


def test_report_language_follows_the_okrs_unless_told():
    _, auto, _ = _report([".", "--select", "OKR0,OKR3,OKR4"], REVIEW)
    _, en, _ = _report(GOLDEN_ARGS, REVIEW)
    assert auto.startswith("# Przegląd OKR")  # most objectives in the fixture are Polish
    assert en.startswith("# OKR review")


def test_output_file_format_follows_the_extension(tmp_path):
    code, out, err = _report([str(REVIEW), "-o", str(tmp_path / "r.html")], tmp_path)
    assert code == 0 and out == "" and "wrote" in err
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    code, _, _ = _report([str(REVIEW), "-o", str(tmp_path / "r.md")], tmp_path)
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# ")


def test_html_is_self_contained(tmp_path):
    _report([str(REVIEW), "-o", str(tmp_path / "r.html")], tmp_path)
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert not re.search(r"<script|<link|<img|<iframe|\bsrc=|url\(|@import", html)
    assert "Content-Security-Policy" in html and "<svg" in html


def test_missing_path_and_unknown_rule_are_usage_errors(tmp_path):
    code, _, err = _report(["nope"], tmp_path)
    assert code == 2 and "nope: no such file or directory" in err
    code, _, err = _report([str(REVIEW), "--select", "OKR999"], tmp_path)
    assert code == 2 and "matches no rule" in err and "Traceback" not in err


def test_main_dispatches_report(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["report", str(REVIEW), "-o", str(tmp_path / "r.md"), "--message-language", "en"])
    assert exc.value.code in (0, None)
    assert "## Alignment" in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_bad_input_still_renders(tmp_path):
    (tmp_path / "broken.okr.yaml").write_text("objectives: [unclosed\n", encoding="utf-8")
    (tmp_path / "odd.okr.yaml").write_text(
        "objectives:\n"
        "  - title: Become the booking app clinics trust\n"
        "    aligns_to: [nowhere.okr.yaml#X, 42, {a: b}]\n"
        "    score: high\n"
        "    key_results:\n"
        "      - {title: Raise NPS from 30 to 45, baseline: thirty, target: 45, current: [1], score: 70}\n"
        "      - {title: Ship payments, scoring: binary, target: true, current: true}\n"
        "      - 42\n"
        "  - just a string\n",
        encoding="utf-8",
    )
    for name in ("r.md", "r.html"):
        code, _, err = _report([".", "-o", name], tmp_path)
        assert code == 0, err
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "broken.okr.yaml" in text and "OKR402" in text and "OKR308" in text


def _diag(severity: Severity) -> Diagnostic:
    return Diagnostic("f", 1, 1, 1, 2, "OKR999", "x", severity, "m")


def test_quality_score_is_defined_by_severities():
    assert quality([], 5) == 100
    assert quality([_diag(Severity.ERROR)], 5) == 80  # 10 points of 50
    assert quality([_diag(Severity.WARNING), _diag(Severity.INFO)], 2) == 80  # 4 points of 20
    assert quality([_diag(Severity.ERROR)] * 9, 2) == 0  # floored
    assert quality([], 3, readable=False) == 0
    assert quality([], 0) == 100  # an empty file has nothing wrong


def test_build_places_findings_on_their_key_result():
    src = load_text(
        "t.okr.yaml",
        "objectives:\n  - title: Grow\n    key_results:\n      - title: a\n        score: 70\n      - title: b\n",
    )
    d = Diagnostic("t.okr.yaml", 5, 16, 5, 18, "OKR402", "score-range", Severity.ERROR, "score 70 is outside 0–1")
    review = build([src], [d])
    (obj,) = review.files[0].objectives
    assert obj.key_results[0].findings == [d] and not obj.key_results[1].findings and not obj.findings


# -- the HTML page in a real browser ---------------------------------------------
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--enable-logging=stderr",
    "--v=0",
]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")
def test_html_report_renders_in_headless_chromium(tmp_path):
    page = tmp_path / "report.html"
    code, _, err = _report([str(REVIEW), "-o", str(page), "--message-language", "en"], tmp_path)
    assert code == 0, err

    def chromium(*args: str) -> subprocess.CompletedProcess:
        profile = tmp_path / f"profile{len(list(tmp_path.iterdir()))}"
        return subprocess.run(
            [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )

    dom = chromium("--dump-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    # Console messages (CSP violations, script errors) are logged as ":CONSOLE"; the page must have none.
    assert ":CONSOLE" not in dom.stderr, [ln for ln in dom.stderr.splitlines() if ":CONSOLE" in ln]
    html = dom.stdout
    headings = re.findall(r"<h[123][^>]*>(.*?)</h[123]>", html)
    for expected in (
        "OKR review",
        "Summary",
        "Alignment",
        "Totals per rule",
        "team-growth.okr.yaml",
        "team-product.okr.yaml",
        "company.okr.yaml",
        "people/ewa.okr.yaml",
    ):
        assert any(expected in h for h in headings), (expected, headings)
    # Quality per file, progress numbers and the alignment tree's nodes.
    assert re.search(r'class="quality q-fair">54<', html) and re.search(r'class="quality q-good">100<', html)
    assert "5 000 → <b>8 200</b> → 12 000" in html and ">46%<" in html
    assert re.search(r"<svg[^>]*aria-label=\"Alignment\"", html)
    for ident in ("C1 · ", "G1 · ", "P2 · ", "E1 · "):
        assert ident in html
    assert "company.okr.yaml#C7 (missing)" in html
    assert "OKR308" in html and "OKR309" in html and "OKR401" in html

    shot = tmp_path / "report.png"
    res = chromium("--window-size=1200,2000", f"--screenshot={shot}")
    assert res.returncode == 0 and shot.stat().st_size > 20_000  # a blank page is a few kB
