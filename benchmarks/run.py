"""okrlint's speed and memory, side by side with reference tools measured in the same run.

    python benchmarks/run.py                 # the full table (a few minutes)
    python benchmarks/run.py --quick         # fewer runs and a smaller throughput set
    python benchmarks/run.py --reference-venv /tmp/benchvenv

Every figure is the median of several runs of a fresh process, the tools
alternating run by run so that a busy machine slows them alike. Peak RSS is the
process's own maximum resident set (``wait4``). The references (yamllint on
the same file, ``python -c "import spacy"``) come from a separate virtual
environment, never from okrlint's dependencies:

    python -m venv /tmp/benchvenv && /tmp/benchvenv/bin/pip install yamllint spacy

A reference that is not installed is skipped, and the table says so.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

TYPICAL = """\
period: 2026-Q1
team: Growth
owner: Anna
objectives:
  - title: Стать главным источником экспертного контента в нише
    owner: Анна Петрова
    key_results:
      - Увеличить органический трафик с 5 000 до 15 000 визитов в месяц
      - Попробовать запустить TikTok-канал
      - Написать 10 статей для корпоративного блога
  - title: Stać się pierwszym źródłem wiedzy eksperckiej w naszej niszy
    owner: Jan Kowalski
    key_results:
      - Zwiększyć ruch organiczny z 5 000 do 15 000 wizyt miesięcznie
      - Spróbować uruchomić kanał na TikToku
      - Poprawić jakość treści
  - title: Müşterilerin tavsiye ettiği marka olmak
    owner: Ayşe Yılmaz
    key_results:
      - Web sitesi trafiğini artırmaya çalışmak
      - NPS puanını 30'dan 50'ye çıkarmak
      - 3 e-posta bülteni gönder
  - title: Mijozlar tavsiya qiladigan brend bo'lish
    owner: Dilshod Karimov
    key_results:
      - Sotuvni yaxshilashga harakat qilish
      - Oylik faol foydalanuvchilarni 2 000 dan 5 000 taga oshirish
      - 20 ta sovuq qo'ng'iroq qilish
  - title: Become the clinic patients recommend
    owner: Maria Lopez
    key_results:
      - Grow weekly active users from 2 000 to 3 500
      - Run 5 webinars
      - Improve the onboarding flow
"""

# Templates for the throughput set: {n} and {m} make every key result distinct.
KR_TEMPLATES = [
    "Увеличить органический трафик с {n} до {m} визитов в месяц",
    "Снизить процент отказов с {n}% до {m}%",
    "Написать {n} статей для корпоративного блога",
    "Zwiększyć ruch organiczny z {n} do {m} wizyt miesięcznie",
    "Podnieść konwersję strony docelowej z {n}% do {m}%",
    "Napisać {n} artykułów na blog",
    "Web sitesi trafiğini {n}'den {m}'e çıkarmak",
    "Müşteri kaybını %{n}'den %{m}'e düşürmek",
    "{n} e-posta bülteni gönder",
    "Oylik faol foydalanuvchilarni {n} dan {m} taga oshirish",
    "{n} ta maqola yozish",
    "Sotuvni {n} mln so'mdan {m} mln so'mga oshirish",
    "Grow weekly active users from {n} to {m}",
    "Cut churn from {n}% to {m}%",
    "Run {n} webinars for new customers",
]
OBJECTIVES = [
    "Стать лидером рынка",
    "Zostać liderem rynku",
    "Pazar lideri olmak",
    "Bozor yetakchisi bo'lish",
    "Become the market leader",
]


def make_corpus(root: Path, files: int, krs_per_file: int) -> Path:
    """``files`` files of ``krs_per_file`` distinct key results each, all five languages mixed."""
    out = root / f"corpus-{files}"
    if out.exists():
        return out
    out.mkdir(parents=True)
    k = 0
    for f in range(files):
        lines = ["period: 2026-Q1", f"owner: Team {f}", "objectives:"]
        for o in range(0, krs_per_file, 5):
            lines += [f"  - title: {OBJECTIVES[(f + o) % 5]} {f}-{o}", "    key_results:"]
            for _ in range(min(5, krs_per_file - o)):
                template = KR_TEMPLATES[k % len(KR_TEMPLATES)]
                lines.append("      - " + template.format(n=10 + k, m=20 + 2 * k))
                k += 1
        (out / f"team-{f:04d}.okr.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


# -- measuring ------------------------------------------------------------------------------------------------


def run_once(cmd: list[str], cwd: Path) -> tuple[float, int, int]:
    """(seconds, peak RSS in MiB, exit code) of one fresh process; leading ``NAME=value`` items set its environment."""
    env = dict(os.environ)
    while cmd and "=" in cmd[0] and not cmd[0].startswith(("/", ".")):
        name, _, value = cmd[0].partition("=")
        env[name] = value
        cmd = cmd[1:]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.stderr.close()
    if "Traceback" in err:
        raise SystemExit(f"{' '.join(cmd)} crashed:\n{err}")
    rss = usage.ru_maxrss // 1024 if sys.platform != "darwin" else usage.ru_maxrss // (1024 * 1024)
    return elapsed, rss, os.waitstatus_to_exitcode(status)


def _forget_words(lexicons: Path, name: str) -> None:
    """Before a "new words" run: no stored word analyses (compiled lexicons stay)."""
    if "new words" in name:
        for f in lexicons.glob("*.words"):
            f.unlink()


def measure(commands: dict[str, list[str]], cwd: Path, runs: int, before=None) -> dict[str, dict]:
    """Median time and RSS of each command; the commands alternate run by run."""
    samples: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    for name, cmd in commands.items():  # a warm-up each: disk cache, .pyc files
        if before:
            before(name)
        run_once(cmd, cwd)
    for _ in range(runs):
        for name, cmd in commands.items():
            if before:
                before(name)
            t, rss, _ = run_once(cmd, cwd)
            samples[name].append((t, rss))
    return {
        name: {
            "seconds": statistics.median(t for t, _ in s),
            "rss_mib": statistics.median(r for _, r in s),
            "runs": len(s),
        }
        for name, s in samples.items()
    }


PHASES = r"""
import gc, json, sys, time
t0 = time.perf_counter()
from pathlib import Path
from okrlint import cli  # noqa: F401 - what the command imports before any work
from okrlint.config import Config
from okrlint.registry import load_rules
from okrlint.runner import Linters, Settings, read_tasks
from okrlint.loader import load_bytes
from okrlint.reporters import render
from okrlint.runner import _gc_relaxed
rules = load_rules()
for r in rules:  # a rule's module is imported when its check first runs: count it as an import
    r.check
t1 = time.perf_counter()
relaxed = _gc_relaxed()  # the collector as the command sets it while linting
relaxed.__enter__()
paths = [Path(p) for p in sys.argv[1:]]
files = sorted(f for p in paths for f in (p.glob("*.okr.yaml") if p.is_dir() else [p]))
settings = Settings({None: Config()})
tasks = read_tasks(((f, str(f), None) for f in files), settings)
sources = [load_bytes(t.display, t.data) for t in tasks]
t2 = time.perf_counter()
linter = Linters(settings).get(None)
texts = []
for s in sources:
    for doc in s.documents:
        for obj in doc.objectives:
            for text in (obj.title, *(kr.title for kr in obj.key_results)):
                if text is not None:
                    texts.append((text, doc))
langs = {linter.language_of(t.value, d) for t, d in texts} - {None}
t3 = time.perf_counter()
for lang in sorted(langs):
    linter.analyzer.analyser(lang)
t4 = time.perf_counter()
# A linter keeps a file's analyses while its rules run, then forgets them: analyse a file's
# texts (timed as analysis), then run its rules on them (timed as rules).
analysis = rules_time = 0.0
diags = []
for s in sources:
    a = time.perf_counter()
    for doc in s.documents:
        for obj in doc.objectives:
            for text in (obj.title, *(kr.title for kr in obj.key_results)):
                lang = linter.language_of(text.value, doc) if text is not None else None
                if lang:
                    linter.analyse(text, lang)
    b = time.perf_counter()
    diags += linter.lint(s)
    analysis += b - a
    rules_time += time.perf_counter() - b
t5 = t4 + analysis
t6 = t5 + rules_time
out = render("text", diags, sources={s.path: s.text for s in sources}, rules=rules)
t7 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "read+parse": t2 - t1, "language detection": t3 - t2,
                  "analyser load": t4 - t3, "analysis": t5 - t4, "rules": t6 - t5, "report": t7 - t6,
                  "texts": len(texts), "languages": sorted(langs), "diagnostics": len(diags)}))
"""


def phases(python: str, paths: list[Path], cwd: Path, runs: int) -> dict:
    samples = []
    for _ in range(max(1, runs)):
        out = subprocess.run(
            [python, "-c", PHASES, *map(str, paths)], cwd=cwd, capture_output=True, text=True, check=True
        )
        samples.append(json.loads(out.stdout))
    keys = [k for k, v in samples[0].items() if isinstance(v, float)]
    merged = {k: statistics.median(s[k] for s in samples) for k in keys}
    merged.update({k: v for k, v in samples[0].items() if not isinstance(v, float)})
    return merged


# -- the report -----------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7, help="runs per figure (median); default 7")
    ap.add_argument("--quick", action="store_true", help="3 runs, 4 000 KRs in 400 files for throughput")
    ap.add_argument(
        "--reference-venv",
        default=os.environ.get("OKRLINT_BENCH_VENV", "/tmp/benchvenv"),
        help="virtual environment with yamllint and spacy (default: $OKRLINT_BENCH_VENV or /tmp/benchvenv)",
    )
    ap.add_argument("--workdir", help="where to write the generated files (default: a temporary directory)")
    ap.add_argument("--json", dest="json_out", help="also write the figures to this JSON file")
    args = ap.parse_args(argv)
    runs = 3 if args.quick else args.runs
    files, per_file = (400, 10) if args.quick else (2000, 10)

    py = sys.executable
    okrlint = [py, "-m", "okrlint"]
    ref_bin = Path(args.reference_venv) / ("Scripts" if os.name == "nt" else "bin")
    yamllint = ref_bin / "yamllint"
    ref_python = ref_bin / "python"
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="okrlint-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    typical = work / "typical.okr.yaml"
    typical.write_text(TYPICAL, encoding="utf-8")
    cache = work / "cache"
    notes: list[str] = []
    # Compiled lexicons and analysed words are stored per user (like __pycache__); the benchmark keeps
    # its own, filled by the warm-up run. "cold" is a new process with no result cache whose words were
    # seen before (a hook run on an edited file); "cold, new words" has no stored words; "first run"
    # has no per-user store at all.
    os.environ["OKRLINT_LEXICON_CACHE"] = str(work / "lexicons")

    cold = {
        "python -c pass": [py, "-c", "pass"],
        "okrlint (cold)": [*okrlint, "--no-cache", "typical.okr.yaml"],
        "okrlint (first run)": ["OKRLINT_LEXICON_CACHE=off", *okrlint, "--no-cache", "typical.okr.yaml"],
        "okrlint (cold, new words)": [*okrlint, "--no-cache", "typical.okr.yaml"],
    }
    if yamllint.exists():
        cold["yamllint"] = [str(yamllint), "typical.okr.yaml"]
    else:
        notes.append(f"yamllint skipped: not installed in {args.reference_venv}")
    spacy_ok = (
        ref_python.exists()
        and subprocess.run([str(ref_python), "-c", "import spacy"], check=False, capture_output=True).returncode == 0
    )
    if spacy_ok:
        cold["import spacy"] = [str(ref_python), "-c", "import spacy"]
    else:
        notes.append(f"`import spacy` skipped: spaCy is not installed in {args.reference_venv}")
    cold["okrlint (warm)"] = [*okrlint, "--cache-dir", str(cache), "typical.okr.yaml"]
    cold["okrlint rules"] = [*okrlint, "rules"]
    print(f"single file: {runs} runs each ...", file=sys.stderr)
    single = measure(cold, work, runs, before=lambda name: _forget_words(work / "lexicons", name))

    corpus = make_corpus(work, files, per_file)
    n_krs = files * per_file
    thr_runs = max(1, min(runs, 3))
    through = {f"--jobs {j}": [*okrlint, "--no-cache", "--jobs", str(j), corpus.name] for j in (1, 2)}
    through["warm, --jobs 1"] = [*okrlint, "--cache-dir", str(work / "cache-corpus"), "--jobs", "1", corpus.name]
    # The machine's speed in the same minutes: a fixed pure-Python loop (a shared or throttled
    # machine slows it as much as okrlint, so compare KR/s between runs through this row).
    through["python loop (speed reference)"] = [py, "-c", "s = 0\nfor i in range(30_000_000): s += i"]
    print(f"throughput: {n_krs} KRs in {files} files, {thr_runs} runs each ...", file=sys.stderr)
    thr = measure(through, work, thr_runs)
    print("phases ...", file=sys.stderr)
    phase_single = phases(py, [typical], work, runs)
    phase_corpus = phases(py, [corpus], work, 1)

    report = render_report(single, thr, n_krs, files, phase_single, phase_corpus, notes, runs, thr_runs)
    print(report)
    if args.json_out:
        Path(args.json_out).write_text(
            json.dumps(
                {
                    "single": single,
                    "throughput": thr,
                    "krs": n_krs,
                    "phases_single": phase_single,
                    "phases_corpus": phase_corpus,
                    "notes": notes,
                },
                indent=2,
            )
        )
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def render_report(single, thr, n_krs, files, ph1, ph2, notes, runs, thr_runs) -> str:
    ms = _ms
    out = [
        (
            f"okrlint benchmark · Python {sys.version.split()[0]} · {os.cpu_count()} CPUs · "
            f"medians of {runs} runs (throughput: {thr_runs})"
        ),
        "",
    ]
    yl = single.get("yamllint", {}).get("seconds")
    sp = single.get("import spacy", {}).get("seconds")
    out += [
        "| single file (5 languages, 15 KRs) | time | peak RSS | × yamllint | × import spacy |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, r in single.items():
        x_yl = f"{r['seconds'] / yl:.2f}" if yl else "–"
        x_sp = f"{r['seconds'] / sp:.2f}" if sp else "–"
        out.append(f"| {name} | {ms(r['seconds'])} | {r['rss_mib']} MiB | {x_yl} | {x_sp} |")
    out += [
        "",
        f"| throughput ({n_krs:,} distinct KRs, {files:,} files) | time | KR/s | peak RSS |",
        "|---|---:|---:|---:|",
    ]
    for name, r in thr.items():
        rate = "–" if name.startswith("python loop") else f"{n_krs / r['seconds']:,.0f}"
        out.append(f"| {name} | {r['seconds']:.2f} s | {rate} | {r['rss_mib']} MiB |")
    out += ["", "| phase (in one process) | single file | throughput set (--jobs 1) |", "|---|---:|---:|"]
    for key in ("imports", "read+parse", "language detection", "analyser load", "analysis", "rules", "report"):
        out.append(f"| {key} | {ms(ph1[key])} | {ms(ph2[key])} |")
    out.append(
        f"| texts · diagnostics | {ph1['texts']} · {ph1['diagnostics']} | {ph2['texts']:,} · {ph2['diagnostics']:,} |"
    )
    if notes:
        out += [""] + [f"- {n}" for n in notes]
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
