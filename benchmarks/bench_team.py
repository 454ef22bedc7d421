"""Time the cross-file rules and the report on a generated organisation (not a test).

    .venv/bin/python benchmarks/bench_team.py [TEAMS] [PEOPLE_PER_TEAM]

One company file, TEAMS team files and TEAMS × PEOPLE individual files, each
objective aligned to one above it; prints the time of each stage.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from okrlint.analysis import Analyzer
from okrlint.config import Config, Selection
from okrlint.engine import Linter
from okrlint.loader import load_path
from okrlint.registry import load_rules
from okrlint.report import build
from okrlint.report_html import render_html
from okrlint.report_markdown import render_markdown

KR = (
    "      - {{title: Grow weekly active clinics from 2 000 to 3 500, baseline: 2000, target: 3500, "
    "current: {c}, score: 0.{s}}}\n"
)


def _file(level: str, ident: str, parent: str | None) -> str:
    out = [f"level: {level}\nteam: {ident}\nperiod: 2026-Q1\nlanguage: en\nobjectives:\n"]
    for k in range(3):
        out.append(
            f"  - id: {ident}-O{k}\n    title: Become the clinic app people talk about\n"
            f"    type: {'aspirational' if k == 0 else 'committed'}\n"
        )
        if parent:
            out.append(f"    aligns_to: {parent}\n")
        out.append("    key_results:\n" + "".join(KR.format(c=2000 + 300 * j, s=j + 3) for j in range(3)))
    return "".join(out)


def main(teams: int = 50, people: int = 10) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "company.okr.yaml").write_text(_file("company", "ACME", None), encoding="utf-8")
        for t in range(teams):
            (root / f"team{t}.okr.yaml").write_text(_file("team", f"T{t}", f"company.okr.yaml#ACME-O{t % 3}"))
            for p in range(people):
                (root / f"p{t}-{p}.okr.yaml").write_text(
                    _file("individual", f"P{t}x{p}", f"team{t}.okr.yaml#T{t}-O{p % 3}")
                )
        paths = sorted(root.glob("*.okr.yaml"))
        rules = load_rules()
        config = Config()
        t0 = time.perf_counter()
        sources = tuple(load_path(p, p.name, config.max_file_size) for p in paths)
        t1 = time.perf_counter()
        team = Linter(
            rules,
            config,
            Selection.build(config, rules, ("OKR307", "OKR308", "OKR309", "OKR310", "OKR401", "OKR402")),
            Analyzer(),
        )
        diags = [d for s in sources for d in team.lint(s)]
        t2 = time.perf_counter()
        diags += team.lint_project(sources)
        t3 = time.perf_counter()
        review = build(sources, diags)
        t4 = time.perf_counter()
        html, md = render_html(review), render_markdown(review)
        t5 = time.perf_counter()
        n_obj = sum(len(d.objectives) for s in sources for d in s.documents)
        print(f"{len(sources)} files, {n_obj} objectives, {3 * n_obj} key results, {len(diags)} findings")
        print(
            f"load {t1 - t0:.2f}s · per-file team rules {t2 - t1:.2f}s · cross-file rules {t3 - t2:.2f}s · "
            f"report data {t4 - t3:.2f}s · render html+md {t5 - t4:.2f}s ({len(html) // 1024} KiB html, "
            f"{len(md) // 1024} KiB md)"
        )


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
