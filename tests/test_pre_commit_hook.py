"""The pre-commit hook works as a real hook: `pre-commit try-repo` against this repository.

pre-commit clones this repository (a shadow copy with any uncommitted changes)
and installs it into a fresh virtualenv with pip. So that the test needs no
network, pip is told not to use an index (``PIP_NO_INDEX``) and not to resolve
dependencies (``PIP_NO_DEPS``); the hook's runtime dependencies (click, PyYAML,
the analysers) and setuptools for the build are borrowed from the test's own
environment through ``PYTHONPATH``. okrlint itself is still built and installed
from the clone, and ``okrlint`` is run by pre-commit exactly as for a user,
who gets the dependencies from PyPI instead.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

WEAK = """\
period: 2026-Q1
owner: Dana
objectives:
  - title: Become the clinic patients recommend first
    key_results: []
"""

GOOD = """\
period: 2026-Q1
owner: Dana
objectives:
  - title: Become the clinic patients recommend first
    key_results:
      - Raise the net promoter score from 30 to 50
      - Cut the average waiting time from 40 to 15 minutes
"""


def _pre_commit() -> list[str] | None:
    try:
        import pre_commit  # noqa: F401
    except ImportError:
        exe = shutil.which("pre-commit")
        return [exe] if exe else None
    return [sys.executable, "-m", "pre_commit"]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    cmd = _pre_commit()
    if cmd is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    if not (ROOT / ".git").exists() or not (ROOT / ".pre-commit-hooks.yaml").is_file():
        pytest.skip(f"{ROOT} is not a git checkout with .pre-commit-hooks.yaml")
    work = tmp_path_factory.mktemp("user-repo")
    git = [
        "git",
        "-c",
        "user.email=test@example.invalid",
        "-c",
        "user.name=okrlint test",
        "-c",
        "commit.gpgsign=false",
        "-c",
        "init.defaultBranch=main",
    ]
    subprocess.run([*git, "init", "-q", str(work)], check=True)
    (work / "weak.okr.yaml").write_text(WEAK, encoding="utf-8")
    (work / "good.okr.yaml").write_text(GOOD, encoding="utf-8")
    subprocess.run([*git, "add", "."], cwd=work, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "OKRs"], cwd=work, check=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PRE_COMMIT", "VIRTUALENV_"))}
    env.update(
        {
            "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
            "PIP_NO_INDEX": "1",
            "PIP_NO_DEPS": "1",
            "PIP_NO_BUILD_ISOLATION": "0",  # pip's inverted spelling of --no-build-isolation
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "PYTHONPATH": sysconfig.get_paths()["purelib"],
            "GITHUB_ACTIONS": "",  # the hook's output format must not depend on where the test runs
            "NO_COLOR": "1",
        }
    )

    def run(name: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*cmd, "try-repo", str(ROOT), "okrlint", "--files", name],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )

    return run


def test_hook_fails_on_a_weak_okr_file_with_the_diagnostic(hook_repo):
    done = hook_repo("weak.okr.yaml")
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "okrlint" in out and "Failed" in out, out
    assert "weak.okr.yaml:4:12: OKR302 kr-count [error]" in out, out


def test_hook_passes_on_a_good_okr_file(hook_repo):
    done = hook_repo("good.okr.yaml")
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert "Passed" in out, out
