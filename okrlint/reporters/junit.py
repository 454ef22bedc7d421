"""``--format junit``: JUnit XML for CI test-report views (GitLab, Jenkins, Azure, CircleCI).

Every linted file is a ``testsuite``; every diagnostic is a failed ``testcase``,
and a clean file is one passing test case, so the view counts files as well as
findings.
"""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET


def render(diagnostics, *, sources, **_) -> str:
    by_file: dict[str, list] = defaultdict(list)
    for path in sources:
        by_file.setdefault(path, [])
    for d in diagnostics:
        by_file[d.path].append(d)
    root = ET.Element("testsuites", name="okrlint", tests="0", failures="0", errors="0")
    total = failures = 0
    for path in sorted(by_file):
        diags = by_file[path]
        suite = ET.SubElement(
            root,
            "testsuite",
            name=path,
            tests=str(max(len(diags), 1)),
            failures=str(len(diags)),
            errors="0",
            skipped="0",
        )
        if not diags:
            ET.SubElement(suite, "testcase", classname=path, name="okrlint")
            total += 1
            continue
        for d in diags:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=path,
                name=f"{d.code} {d.name} at {d.line}:{d.column}",
                file=path,
                line=str(d.line),
            )
            text = d.message + (f" ({d.suggestion})" if d.suggestion else "")
            failure = ET.SubElement(case, "failure", message=text, type=d.severity.value)
            failure.text = f"{path}:{d.line}:{d.column}: {d.code} {d.name} [{d.severity.value}] {text}"
        total += len(diags)
        failures += len(diags)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
