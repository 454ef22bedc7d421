"""Render a rule's documentation from its metadata (``okrlint explain``, docs pages)."""

from __future__ import annotations

from .docs import LANGUAGE_NAMES, example_pairs, language_cases, rule_url, yields_sentence
from .registry import LoadedRule


def _indent(text: str) -> str:
    return text.replace("\n", "\n    ")


def explain(rule: LoadedRule) -> str:
    m = rule.meta
    elements = ", ".join(e.value.replace("_", " ") + "s" for e in m.elements)
    out = [f"{m.code} {m.name} ({m.severity.value}; reads {elements})", "", m.summary, ""]
    if m.why:
        out += ["Why it matters:", f"  {m.why}", ""]
    if m.options:
        out.append("Options:")
        for name, opt in m.options.items():
            out.append(f"  {name} ({opt.type_name()}, default {opt.default!r}): {opt.help}")
        out.append("")
    if m.yields_to:
        out += [yields_sentence(m), ""]
    pairs = example_pairs(m)
    if pairs:
        out.append("Bad → good:")
        for bad, good in pairs:
            out += [f"  ✗ {_indent(bad)}", f"  ✓ {_indent(good)}", ""]
    else:
        if m.bad:
            out.append("Bad:")
            out += [f"  ✗ {_indent(b)}" for b in m.bad]
        if m.good:
            out.append("Good:")
            out += [f"  ✓ {_indent(g)}" for g in m.good]
    cases = language_cases(m.code)
    if cases:
        out.append("More cases from the test fixtures (✗ flagged, ○ not flagged by this rule):")
        for lang, element, bad, good in cases:
            where = " objectives" if element == "objective" else ""
            out.append(f"  {LANGUAGE_NAMES[lang]}{where}:")
            out += [f"    ✗ {b}" for b in bad] + [f"    ○ {g}" for g in good]
    out += [
        "",
        f"Configure: rules: {{{m.name}: {{severity: error}}}}; silence a line: # okrlint: disable={m.code}",
        f"Docs: {rule_url(m.code)}",
    ]
    return "\n".join(out)
