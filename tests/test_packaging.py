"""A plain (non-editable) install finds its shipped rules and lexicons from any directory."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_install_finds_rules_and_lexicons(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is needed to copy the source tree")
    wheel_dir = tmp_path / "wheels"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    wheel = next(wheel_dir.glob("okrlint-*.whl"))
    target = tmp_path / "site"
    inst = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        capture_output=True,
        text=True,
    )
    assert inst.returncode == 0, inst.stderr
    assert not (target / "rules").exists(), "a bare top-level 'rules' package must not be installed"
    assert (target / "okrlint" / "rules" / "okr104_binary_kr.py").is_file()
    assert (target / "okrlint" / "lexicons" / "ru.yaml").is_file()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "q.okr.yaml").write_text(
        "language: ru\nobjectives:\n  - title: Продажи\n    key_results:\n      - Запустить новый сайт\n",
        encoding="utf-8",
    )
    env = dict(os.environ, PYTHONPATH=str(target), NO_COLOR="1")
    env.pop("GITHUB_ACTIONS", None)
    where = subprocess.run(
        [sys.executable, "-c", "import okrlint, okrlint.rules; print(okrlint.rules.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert where.stdout.startswith(str(target)), where.stdout + where.stderr
    r = subprocess.run(
        [sys.executable, "-m", "okrlint", "--format", "json", "q.okr.yaml"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert '"OKR104"' in r.stdout and '"OKR202"' in r.stdout, r.stdout + r.stderr
