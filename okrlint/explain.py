"""Render a rule's documentation from its metadata (``okrlint explain``, docs pages)."""

from __future__ import annotations

from .registry import LoadedRule


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
        out += [f"Not reported when {' or '.join(m.yields_to)} fires on the same element.", ""]
    if m.bad:
        out.append("Bad:")
        out += [f"  ✗ {b}" for b in m.bad]
    if m.good:
        out.append("Good:")
        out += [f"  ✓ {g}" for g in m.good]
    out += ["", f"Configure: rules: {{{m.name}: {{severity: error}}}}; silence a line: # okrlint: disable={m.code}"]
    return "\n".join(out)
