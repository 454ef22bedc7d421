import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def run_cli(tmp_path):
    """Run the installed okrlint command in a subprocess; returns CompletedProcess."""
    import os
    import subprocess

    def run(*args, cwd=None, input=None, env=None):
        e = dict(os.environ)
        e.pop("GITHUB_ACTIONS", None)
        e["NO_COLOR"] = "1"
        if env:
            e.update(env)
        return subprocess.run(
            [sys.executable, "-m", "okrlint", *map(str, args)],
            cwd=cwd or tmp_path,
            input=input,
            capture_output=True,
            text=True,
            env=e,
            timeout=120,
        )

    return run
