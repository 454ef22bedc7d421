"""Hostile and broken input: every file gets a located diagnostic or a one-line error, never a traceback.

Each case runs the real command line in a subprocess (so nothing in-process can
hide a crash), and a bad file never hides the findings of a good one.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

GOOD = (
    "language: en\nobjectives:\n  - title: Become the clinic patients recommend\n    owner: Ana\n"
    "    period: 2026-Q1\n    key_results:\n      - Try to run 5 webinars\n"
)
GOOD_FINDINGS = {(7, 9, "OKR102"), (7, 16, "OKR101")}  # "Try" hedges, "run" is an activity


def okrlint(
    *args: str, cwd: Path, stdin: bytes | None = None, env: dict | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    """Run the CLI; a traceback on stderr fails the test whatever the exit code."""
    proc = subprocess.run(
        [sys.executable, "-m", "okrlint", "--no-cache", *args],
        check=False,
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return proc


def findings(proc: subprocess.CompletedProcess) -> list[dict]:
    return json.loads(proc.stdout.decode("utf-8"))


def by_file(proc: subprocess.CompletedProcess) -> dict[str, list[tuple[int, int, str]]]:
    out: dict[str, list[tuple[int, int, str]]] = {}
    for d in findings(proc):
        out.setdefault(d["path"], []).append((d["line"], d["column"], d["code"]))
    return out


def lint_one(tmp_path: Path, name: str, content: bytes | str, *extra: str) -> list[dict]:
    f = tmp_path / name
    f.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    proc = okrlint("--format", "json", *extra, name, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    return findings(proc)


def codes_at(diags: list[dict]) -> set[tuple[int, int, str]]:
    return {(d["line"], d["column"], d["code"]) for d in diags}


def only_okr000(diags: list[dict]) -> dict:
    assert [d["code"] for d in diags] == ["OKR000"], diags
    return diags[0]


# -- encodings -----------------------------------------------------------------------------------------


def test_invalid_utf8_is_located_at_its_byte(tmp_path):
    d = only_okr000(lint_one(tmp_path, "a.okr.yaml", b"objectives:\n  - title: Gr\xffow users\n"))
    assert (d["line"], d["column"]) == (2, 14)
    assert "byte 25" in d["message"] and "UTF-8" in d["message"]


@pytest.mark.parametrize(
    "encoding,bom",
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)
def test_byte_order_marks_are_decoded_with_the_same_positions(tmp_path, encoding, bom):
    assert GOOD_FINDINGS <= codes_at(lint_one(tmp_path, "a.okr.yaml", bom + GOOD.encode(encoding)))


def test_windows_line_endings_give_the_same_diagnostics(tmp_path):
    plain = lint_one(tmp_path, "a.okr.yaml", GOOD)
    crlf = lint_one(tmp_path, "a.okr.yaml", GOOD.replace("\n", "\r\n"))
    assert codes_at(crlf) == codes_at(plain) and GOOD_FINDINGS <= codes_at(plain)


def test_tab_indentation_is_a_located_yaml_error(tmp_path):
    d = only_okr000(lint_one(tmp_path, "a.okr.yaml", "objectives:\n\t- title: x\n"))
    assert d["line"] == 2


def test_tabs_inside_a_text_keep_columns_on_the_line(tmp_path):
    text = GOOD.replace("Try to run 5 webinars", '"Try\\tto\\trun 5 webinars"')
    diags = lint_one(tmp_path, "a.okr.yaml", text)
    assert (7, 9, "OKR102") in codes_at(diags)


@pytest.mark.parametrize(
    "kr",
    [
        "Gro\u200bw weekly users from 5\u00a0000 to 15\u202f000",  # zero-width space, NBSP, narrow NBSP
        "Grow \u202eweekly\u202c users \u2066from\u2069 5 to 10",  # bidi overrides and isolates
        "Grow we\u0301\u0301ekly users from 5 to 10 🚀👩‍👩‍👧",  # combining marks, emoji, ZWJ sequence
        "Zwiększyć ruch z 5\u2009000 do 15\u00a0000 wizyt — Увеличить трафик с 5 000 до 15 000 ﷽ 𝕏",
    ],
)
def test_unusual_characters_stay_inside_their_line(tmp_path, kr):
    text = GOOD.replace("Try to run 5 webinars", kr)
    lines = text.split("\n")
    for d in lint_one(tmp_path, "a.okr.yaml", text):
        assert 1 <= d["line"] <= len(lines)
        assert 1 <= d["column"] <= len(lines[d["line"] - 1]) + 1, d


def test_nbsp_and_thin_spaces_group_digits(tmp_path):
    text = GOOD.replace("Try to run 5 webinars", "Grow weekly active users from 5\u00a0000 to 15\u202f000")
    assert "OKR105" not in {d["code"] for d in lint_one(tmp_path, "a.okr.yaml", text)}


def test_lone_surrogates_never_reach_the_output(tmp_path):
    # Encoded as UTF-8 (CESU-style) they are invalid bytes, located like any other.
    md = "## Objective: Grow users\n- KR: Try to run \ud800 webinars\n".encode("utf-8", "surrogatepass")
    d = only_okr000(lint_one(tmp_path, "a.okr.md", md))
    assert (d["line"], d["column"]) == (2, 18)
    # In UTF-16 they are invalid code units.
    md16 = codecs.BOM_UTF16_LE + "## Objective: Grow\n- KR: Try \udfff\n".encode("utf-16-le", "surrogatepass")
    assert "utf-16" in only_okr000(lint_one(tmp_path, "b.okr.md", md16))["message"]
    # As character references or YAML escapes they become U+FFFD or a YAML error, never a crash.
    lint_one(tmp_path, "c.okr.md", "## Objective: Grow &#xD800; users\n- KR: Try to run webinars &#55296; &#0;\n")
    lint_one(tmp_path, "d.okr.yaml", 'objectives:\n  - title: "Grow \\ud800 users"\n')


def test_a_console_that_cannot_encode_the_text_gets_escapes(tmp_path):
    (tmp_path / "a.okr.yaml").write_text(GOOD.replace("webinars", "вебинаров\u00a0🚀"), encoding="utf-8")
    proc = okrlint("a.okr.yaml", cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 1 and b"OKR102" in proc.stdout


# -- YAML hostility -----------------------------------------------------------------------------------


def _bomb(levels: int = 10) -> str:
    lines = ['x-a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"x-a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + f"\nobjectives:\n  - title: Grow\n    description: *a{levels - 1}\n"


def test_alias_bomb_is_rejected_where_it_explodes(tmp_path):
    d = only_okr000(lint_one(tmp_path, "a.okr.yaml", _bomb()))
    assert "alias" in d["message"] and d["line"] <= 10


def test_recursive_alias_is_rejected(tmp_path):
    d = only_okr000(lint_one(tmp_path, "a.okr.yaml", "objectives:\n  - title: Grow\n    x-loop: &a [1, *a]\n"))
    assert d["line"] == 3


@pytest.mark.parametrize(
    "body",
    [
        "objectives: " + "[" * 50_000 + "]" * 50_000,
        "objectives:\n  - title: x\n    x-deep: " + "{a: " * 50_000 + "1" + "}" * 50_000,
        "objectives:\n" + "".join("  " * i + "- \n" for i in range(3_000)),
    ],
)
def test_50000_deep_nesting_is_a_located_error(tmp_path, body):
    d = only_okr000(lint_one(tmp_path, "a.okr.yaml", body + "\n"))
    assert "nest" in d["message"]


def test_python_and_unknown_tags_are_never_executed(tmp_path):
    marker = tmp_path / "PWNED"
    text = (
        f'objectives:\n  - title: !!python/object/apply:os.system ["touch {marker}"]\n'
        f'    key_results:\n      - !!python/name:os.system\n      - !!python/object/new:os.system ["touch {marker}"]\n'
        f"      - !custom Grow users from 5 to 10\n  - !!binary aGVsbG8=\n"
    )
    lint_one(tmp_path, "a.okr.yaml", text)
    assert not marker.exists()


def test_duplicate_keys_are_okr001_not_last_wins(tmp_path):
    diags = lint_one(
        tmp_path, "a.okr.yaml", "objectives:\n  - title: A\n    title: B\n    key_results: [x]\nobjectives: []\n"
    )
    dup = [(d["line"], d["column"]) for d in diags if d["code"] == "OKR001" and "duplicate" in d["message"]]
    assert dup == [(3, 5), (5, 1)]


@pytest.mark.parametrize(
    "value,shown",
    [
        ("42", "number"),
        ("2026-01-01", "date"),
        ("null", "empty"),
        ("[a, b]", "list"),
        ("{a: b}", "mapping"),
        ("true", "true or false"),
        ("3.5", "number"),
    ],
)
def test_non_string_titles_are_okr001(tmp_path, value, shown):
    diags = lint_one(
        tmp_path, "a.okr.yaml", f"objectives:\n  - title: {value}\n    key_results:\n      - title: {value}\n"
    )
    schema = [d for d in diags if d["code"] == "OKR001"]
    assert {d["line"] for d in schema} == {2, 4}
    assert all(shown in d["message"] for d in schema)


def test_legitimate_anchors_and_aliases(tmp_path):
    text = (
        "language: en\nowner: &anna Anna\nperiod: &q 2026-Q1\nobjectives:\n"
        "  - title: &t Become the clinic patients recommend\n    owner: *anna\n    period: *q\n"
        "    key_results:\n      - &kr Try to run 5 webinars\n      - *kr\n"
        "  - title: *t\n    key_results: [Grow weekly users from 5 to 10]\n"
    )
    diags = lint_one(tmp_path, "a.okr.yaml", text)
    assert not [d for d in diags if d["code"] in ("OKR000", "OKR001")]
    assert (9, 13, "OKR102") in codes_at(diags)  # "Try" after the anchor


# -- size ----------------------------------------------------------------------------------------------


def test_a_one_megabyte_key_result_line(tmp_path):
    kr = "Try to grow weekly users from 5 to 10 and " * 25_000
    diags = lint_one(tmp_path, "a.okr.yaml", GOOD.replace("Try to run 5 webinars", kr))
    assert (7, 9, "OKR102") in codes_at(diags)


def test_a_file_over_max_file_size_is_okr000(tmp_path):
    (tmp_path / ".okrlint.yaml").write_text("max_file_size: 2000\n")
    d = only_okr000(lint_one(tmp_path, "a.okr.yaml", GOOD + "# padding\n" * 300))
    assert "max_file_size" in d["message"] and (d["line"], d["column"]) == (1, 1)


def test_a_ten_megabyte_file_is_refused_quickly(tmp_path):
    body = "objectives:\n" + "  - Grow weekly users from 5 to 10\n" * 330_000  # ~11 MB > the 10 MiB default
    d = only_okr000(lint_one(tmp_path, "a.okr.yaml", body))
    assert "max_file_size" in d["message"]


def test_too_many_yaml_values_is_a_located_okr000(tmp_path):
    d = only_okr000(lint_one(tmp_path, "a.okr.yaml", "objectives: [" + "1," * 400_000 + "1]\n"))
    assert "values" in d["message"] and d["line"] == 1


def test_100000_objectives(tmp_path):
    titles = [f"Grow weekly active users in region {i % 40}" for i in range(100_000)]
    body = "language: en\nowner: Ana\nperiod: 2026-Q1\nobjectives:\n" + "".join(f"  - {t}\n" for t in titles)
    # The loader and a document rule: per-element rule costs are the throughput benchmark's job.
    diags = lint_one(tmp_path, "a.okr.yaml", body, "--select", "OKR0,OKR301")
    assert any(d["code"] == "OKR301" for d in diags)


# -- files ---------------------------------------------------------------------------------------------


def _hostile_dir(root: Path) -> None:
    (root / "good.okr.yaml").write_text(GOOD)
    (root / "bad-utf8.okr.yaml").write_bytes(b"objectives:\n  - title: \xff\n")
    (root / "binary.okr.yaml").write_bytes(bytes(range(256)) * 8)
    (root / "nul.okr.yaml").write_bytes(b"objectives:\x00\n")
    (root / "empty.okr.yaml").write_bytes(b"")
    (root / "bomb.okr.yaml").write_text(_bomb())
    (root / "deep.okr.yaml").write_text("objectives: " + "[" * 50_000 + "]" * 50_000)
    (root / "broken.okr.md").write_bytes(b"## Objective: \xed\xa0\x80\n")
    (root / "folder.okr.yaml").mkdir()
    os.symlink("loop.okr.yaml", root / "loop.okr.yaml")
    os.symlink("nowhere", root / "dangling.okr.yaml")
    (root / "sub").mkdir()
    os.symlink("..", root / "sub" / "up")  # a directory loop
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "fifo.okr.yaml")  # would block forever if it were opened


def test_hostile_directory_beside_a_good_file(tmp_path):
    _hostile_dir(tmp_path)
    proc = okrlint("--format", "json", ".", cwd=tmp_path)
    assert proc.returncode == 1
    files = by_file(proc)
    assert GOOD_FINDINGS <= set(files.pop("good.okr.yaml"))
    for name in ("bad-utf8", "binary", "nul", "bomb", "deep", "loop", "dangling", "fifo"):
        assert [c for _, _, c in files.pop(f"{name}.okr.yaml")] == ["OKR000"], name
    assert [c for _, _, c in files.pop("broken.okr.md")] == ["OKR000"]
    assert files == {}  # the empty file and the folder say nothing


def test_hostile_directory_stays_under_one_gibibyte(tmp_path):
    _hostile_dir(tmp_path)
    (tmp_path / "many.okr.yaml").write_text("objectives: [" + "1," * 400_000 + "1]\n")
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run([sys.executable, '-m', 'okrlint', '--no-cache', '-q', '.'], capture_output=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], check=False, cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr
    peak_kib = int(out.stdout.strip())
    assert peak_kib > 10_000  # the probe really measured a run
    assert peak_kib < 1024 * 1024, f"peak RSS {peak_kib} KiB"


def test_missing_paths_exit_2_after_linting_the_rest(tmp_path):
    (tmp_path / "good.okr.yaml").write_text(GOOD)
    proc = okrlint("--format", "json", "nope.okr.yaml", "good.okr.yaml", "gone/", cwd=tmp_path)
    assert proc.returncode == 2
    assert GOOD_FINDINGS <= set(by_file(proc)["good.okr.yaml"])
    err = proc.stderr.decode()
    assert "nope.okr.yaml" in err and "gone/" in err


def test_an_explicit_directory_named_like_a_file_is_walked(tmp_path):
    (tmp_path / "q1.okr.yaml").mkdir()
    (tmp_path / "q1.okr.yaml" / "team.okr.yaml").write_text(GOOD)
    proc = okrlint("--format", "json", "q1.okr.yaml", cwd=tmp_path)
    assert GOOD_FINDINGS <= set(by_file(proc)[str(Path("q1.okr.yaml") / "team.okr.yaml")])


def test_unreadable_file_is_okr000(tmp_path):
    f = tmp_path / "secret.okr.yaml"
    f.write_text(GOOD)
    f.chmod(0)
    try:
        try:
            f.read_bytes()
            pytest.skip("this user (root?) can read a chmod-000 file, so it cannot be made unreadable here")
        except PermissionError:
            pass
        d = only_okr000(findings(okrlint("--format", "json", "secret.okr.yaml", cwd=tmp_path)))
        assert "cannot read" in d["message"]
    finally:
        f.chmod(0o644)


def test_a_file_that_changes_while_it_is_read(tmp_path):
    """A writer rewrites the file the whole time; every run still ends with findings or one OKR000."""
    f = tmp_path / "a.okr.yaml"
    f.write_text(GOOD)
    stop = threading.Event()

    def writer() -> None:
        variants = [GOOD, GOOD * 3, "", GOOD[: len(GOOD) // 2], GOOD.replace("Try", "Grow")]
        k = 0
        while not stop.is_set():
            f.write_text(variants[k % len(variants)])
            k += 1
            time.sleep(0.0005)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        for _ in range(4):
            proc = okrlint("--format", "json", "a.okr.yaml", cwd=tmp_path)
            assert proc.returncode in (0, 1)
            findings(proc)  # valid JSON
    finally:
        stop.set()
        thread.join()


def test_a_file_that_grows_past_the_limit_between_stat_and_read(tmp_path, monkeypatch):
    from okrlint import loader

    f = tmp_path / "a.okr.yaml"
    f.write_text(GOOD * 100)
    real_stat = Path.stat

    def small_stat(self, *a, **kw):
        st = real_stat(self, *a, **kw)
        if self == f:
            return os.stat_result(
                (
                    st.st_mode,
                    st.st_ino,
                    st.st_dev,
                    st.st_nlink,
                    st.st_uid,
                    st.st_gid,
                    10,
                    st.st_atime,
                    st.st_mtime,
                    st.st_ctime,
                )
            )
        return st

    monkeypatch.setattr(Path, "stat", small_stat)
    data, error = loader.read_path(f, 1000)
    assert data is None and "grew" in error.message


def test_standard_input(tmp_path):
    proc = okrlint("--format", "json", "--stdin-filename", "team.okr.yaml", "-", cwd=tmp_path, stdin=GOOD.encode())
    assert GOOD_FINDINGS <= set(by_file(proc)["team.okr.yaml"])


# -- configuration ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,content,where,says",
    [
        (".okrlint.yaml", "language: [\n", ".okrlint.yaml:2:", "invalid YAML"),
        (".okrlint.yaml", "ignore: [OKR203]\nlangauge: ru\n", ".okrlint.yaml:2:", "did you mean 'language'"),
        (".okrlint.yaml", "max_file_size: big\n", ".okrlint.yaml:1:", "whole number"),
        (".okrlint.yaml", "language: xx\n", ".okrlint.yaml:1:", "allowed: auto, uz, ru, pl, tr, en"),
        (".okrlint.yaml", "rules:\n  weak-verb: {severty: error}\n", ".okrlint.yaml:2:", "allowed: severity"),
        (".okrlint.yaml", "rules:\n  kr-count:\n    severity: loud\n", ".okrlint.yaml:3:", "allowed: error, warning"),
        (".okrlint.yaml", "- a\n- b\n", ".okrlint.yaml:1:", "mapping"),
        ("pyproject.toml", '[tool.okrlint]\nlanguage = "ru"\nfoo = [\n', "pyproject.toml:4", "invalid TOML"),
        (
            "pyproject.toml",
            '[project]\nname = "x"\n[tool.okrlint]\nmax_file_size = "big"\n',
            "pyproject.toml:4:",
            "whole number",
        ),
        (
            "pyproject.toml",
            '[tool.okrlint]\n[tool.okrlint.rules.kr-count]\nmax = "x"\n',
            "pyproject.toml:3:",
            "integer",
        ),
        ("pyproject.toml", '[tool.okrlint.rules]\nkr-count = {max = "x"}\n', "pyproject.toml:2:", "integer"),
    ],
)
def test_configuration_errors_exit_2_with_file_and_line(tmp_path, name, content, where, says):
    (tmp_path / ".git").mkdir()
    (tmp_path / name).write_text(content)
    (tmp_path / "good.okr.yaml").write_text(GOOD)
    proc = okrlint("good.okr.yaml", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert len(err.strip().splitlines()) == 1 and where in err and says in err, err


# -- concurrency -----------------------------------------------------------------------------------------


def test_jobs_give_byte_identical_output(tmp_path):
    _hostile_dir(tmp_path)
    langs = {
        "ru": "Попробовать запустить TikTok-канал",
        "pl": "Spróbować uruchomić kanał na TikToku",
        "tr": "Web sitesi trafiğini artırmaya çalışmak",
        "uz": "Sotuvni yaxshilashga harakat qilish",
        "en": "Improve the onboarding flow",
    }
    for i in range(24):
        kr = list(langs.values())[i % 5]
        (tmp_path / f"team{i:02}.okr.yaml").write_text(
            f"objectives:\n  - title: Objective number {i}\n    key_results:\n      - {kr}\n      - {kr} {i}\n"
        )
    for fmt in ("text", "json", "github"):
        outs = [okrlint("--format", fmt, "--jobs", str(j), ".", cwd=tmp_path) for j in (1, 2, 3)]
        assert outs[0].stdout and outs[0].returncode == 1
        assert outs[1].stdout == outs[0].stdout and outs[2].stdout == outs[0].stdout
        assert {p.returncode for p in outs} == {1}
