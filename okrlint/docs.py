"""Rule documentation pages, generated from each rule's META and fixtures.

``python -m okrlint.docs [DIR]`` writes ``docs/rules/<CODE>.md`` (and an
index); ``python -m okrlint.docs --check`` exits 1 when a page is stale, which
is what the test suite runs, so the pages cannot drift from the code.
"""

from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, metadata
from pathlib import Path

REPOSITORY = "https://github.com/okrlint/okrlint"
LANGUAGES = ("uz", "ru", "pl", "tr", "en")
LANGUAGE_NAMES = {"uz": "Uzbek", "ru": "Russian", "pl": "Polish", "tr": "Turkish", "en": "English"}


def repository_url() -> str:
    """The project's repository (``Repository`` in the package metadata), else the default."""
    try:
        for entry in metadata("okrlint").get_all("Project-URL") or ():
            label, _, url = entry.partition(",")
            if label.strip().lower() in ("repository", "source", "homepage"):
                return url.strip().rstrip("/")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        pass
    return REPOSITORY


def rule_url(code: str | None) -> str:
    """Where a rule's page lives (or the project itself when ``code`` is None)."""
    base = repository_url()
    return f"{base}/blob/main/docs/rules/{code}.md" if code else base


# -- fixtures: bad → good pairs per language ---------------------------------------------------

ELEMENT_KEYS = ("key_result", "objective")


def fixtures_dir() -> Path:
    """tests/fixtures/rules in a source checkout (an installed wheel has none: pairs come from META only)."""
    return Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "rules"


def language_cases(code: str, per_language: int = 2, root: Path | None = None) -> list[tuple[str, str, list, list]]:
    """``(language, element, flagged, not_flagged)`` from ``<root>/<code>/<lang>.yaml``.

    The fixture format is ``{key_result|objective: {fail: [...], pass: [...]}}``.
    """
    import yaml

    folder = (root or fixtures_dir()) / code
    out: list[tuple[str, str, list, list]] = []
    for lang in LANGUAGES:
        path = folder / f"{lang}.yaml"
        if not path.is_file():
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError:
            continue
        for element in ELEMENT_KEYS:
            cases = data.get(element) or {}
            bad = [str(s) for s in cases.get("fail") or []][:per_language]
            good = [str(s) for s in cases.get("pass") or []][:per_language]
            if bad or good:
                out.append((lang, element, bad, good))
    return out


def yields_sentence(meta) -> str:
    """When a rule stays silent for another (``okrlint explain`` and the rule pages say it the same way)."""
    return f"Not reported when {' or '.join(meta.yields_to)} fires on the same element."


def example_pairs(meta) -> list[tuple[str, str]]:
    """META's bad and good examples side by side (they are written as pairs, one per language)."""
    if len(meta.bad) == len(meta.good):
        return list(zip(meta.bad, meta.good))
    return []


# -- pages ------------------------------------------------------------------------------------


def _md_list(items) -> list[str]:
    out = []
    for item in items:
        if "\n" in item:
            out += ["", "```yaml", item, "```", ""]
        else:
            out.append(f"- `{item}`" if item.startswith(("#", "-", " ")) or ": " in item else f"- {item}")
    return out


def render_page(meta, cases: list[tuple[str, str, list, list]]) -> str:
    elements = ", ".join(e.value.replace("_", " ") + "s" for e in meta.elements)
    out = [
        f"# {meta.code} `{meta.name}`",
        "",
        f"**Default severity:** {meta.severity.value} · **Reads:** {elements}",
        "",
        meta.summary,
        "",
    ]
    if meta.why:
        out += ["## Why it matters", "", meta.why, ""]
    if meta.options:
        out += ["## Options", "", "| option | type | default | meaning |", "|---|---|---|---|"]
        for name, opt in meta.options.items():
            out.append(f"| `{name}` | {opt.type_name()} | `{opt.default!r}` | {opt.help} |")
        out.append("")
    if meta.yields_to:
        out += [yields_sentence(meta), ""]
    pairs = example_pairs(meta)
    if pairs and not any("\n" in b + g for b, g in pairs):
        out += ["## Bad → good", "", "| flagged | better |", "|---|---|"]
        out += [f"| {_cell(b)} | {_cell(g)} |" for b, g in pairs]
        out.append("")
    elif meta.bad or meta.good:
        out += ["## Examples", ""]
        if meta.bad:
            out += ["Flagged:", "", *_md_list(meta.bad), ""]
        if meta.good:
            out += ["Not flagged:", "", *_md_list(meta.good), ""]
    if cases:
        out += [
            "## More cases by language",
            "",
            f"From the rule's test fixtures (`tests/fixtures/rules/{meta.code}/<lang>.yaml`).",
            "",
            "| language | flagged | not flagged |",
            "|---|---|---|",
        ]
        for lang, element, bad, good in cases:
            where = "" if element == "key_result" else " (objectives)"
            out.append(
                f"| {LANGUAGE_NAMES[lang]}{where} | {'<br>'.join(map(_cell, bad))} | {'<br>'.join(map(_cell, good))} |"
            )
        out.append("")
    out += [
        "## Configure",
        "",
        "```yaml",
        "# .okrlint.yaml",
        "rules:",
        f"  {meta.name}: {{severity: error}}   # or: off",
        "```",
        "",
        "Silence one line: `# okrlint: disable="
        + meta.code
        + "` (YAML) or `<!-- okrlint: disable="
        + meta.code
        + " -->` (Markdown).",
        "",
    ]
    out += ["<!-- generated by `python -m okrlint.docs` from the rule's META and tests/fixtures; do not edit -->", ""]
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_index(rules) -> str:
    out = ["# Rules", "", "| code | name | severity | what it checks |", "|---|---|---|---|"]
    for r in rules:
        m = r.meta
        out.append(f"| [{m.code}]({m.code}.md) | `{m.name}` | {m.severity.value} | {_cell(m.summary)} |")
    out += ["", "<!-- generated by `python -m okrlint.docs`; do not edit -->", ""]
    return "\n".join(out)


def pages(rules=None) -> dict[str, str]:
    """File name → content of every page under docs/rules/."""
    from .registry import load_rules

    rules = rules if rules is not None else load_rules()
    out = {f"{r.meta.code}.md": render_page(r.meta, language_cases(r.meta.code)) for r in rules}
    out["README.md"] = render_index(rules)
    return out


def stale(target: Path, rules=None) -> list[str]:
    """Pages under ``target`` that are missing or differ from what the rules generate."""
    wanted = pages(rules)
    bad = [
        name
        for name, text in wanted.items()
        if not (target / name).is_file() or (target / name).read_text(encoding="utf-8") != text
    ]
    extra = [p.name for p in target.glob("OKR*.md") if p.name not in wanted]
    return sorted(bad + extra)


def write(target: Path, rules=None) -> list[str]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in pages(rules).items():
        path = target / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(name)
    return written


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m okrlint.docs", description="Generate docs/rules/<CODE>.md.")
    parser.add_argument("target", nargs="?", default=str(Path(__file__).resolve().parents[1] / "docs" / "rules"))
    parser.add_argument("--check", action="store_true", help="exit 1 if a page is stale, write nothing")
    args = parser.parse_args(argv)
    target = Path(args.target)
    if args.check:
        old = stale(target)
        for name in old:
            print(f"{target / name}: stale; run python -m okrlint.docs", file=sys.stderr)
        return 1 if old else 0
    for name in write(target):
        print(f"wrote {target / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
