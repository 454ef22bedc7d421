"""The YAML loader: positions, aliases, shapes, safety."""

from __future__ import annotations

from okrlint.loader import decode, load_text
from okrlint.model import Span


def load(text):
    return load_text("t.okr.yaml", text)


def test_every_scalar_keeps_line_and_column():
    f = load(
        "period: 2026-Q1\nobjectives:\n  - title: Grow\n    key_results:\n"
        '      - "Cut churn from 5% to 3%"\n      - title: Raise NPS from 30 to 50\n        owner: Li\n'
    )
    obj = f.documents[0].objectives[0]
    assert obj.title.span == Span(3, 12, 3, 16)
    quoted, mapped = obj.key_results
    assert quoted.title.value == "Cut churn from 5% to 3%"
    assert quoted.title.span.column == 10  # inside the quotes
    assert quoted.title.span_of(4, 9) == Span(5, 14, 5, 19)  # "churn"
    assert mapped.title.span.line == 6 and mapped.fields["owner"].span == Span(7, 16, 7, 18)
    assert f.documents[0].fields["period"].value == "2026-Q1"


def test_aliases_bare_lists_and_documents():
    f = load(
        "- objective: A b c\n  krs: [x]\n- text: D e f\n  results:\n    - text: y\n---\nobjectives:\n  - title: G\n"
    )
    assert [o.title.value for d in f.documents for o in d.objectives] == ["A b c", "D e f", "G"]
    assert f.documents[0].objectives[1].key_results[0].title.value == "y"
    assert all(not d.problems for d in f.documents)


def test_extension_keys_are_not_problems():
    f = load("x-owner-email: a@b.c\nobjectives:\n  - title: A\n    x-jira: OKR-1\n    key_results: [k]\n")
    assert not f.documents[0].problems


def test_unknown_key_with_suggestion_and_location():
    f = load("objectives:\n  - title: A\n    key_result: [k]\n")
    (p,) = f.documents[0].problems
    assert p.kind == "unknown-key" and p.span.line == 3 and p.suggestion == "key_results"


def test_wrong_types_are_problems_not_crashes():
    f = load(
        "objectives:\n  - title: [a, b]\n    key_results: {a: 1}\n  - 42\n  - title: 2026-01-01\n"
        "    key_results:\n      - [nested]\n      - null\n"
    )
    kinds = [p.kind for p in f.documents[0].problems]
    assert kinds.count("wrong-type") >= 4


def test_tags_are_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    f = load(f"objectives:\n  - title: !!python/object/apply:os.system ['touch {marker}']\n")
    assert not marker.exists()
    assert f.error is None


def test_parse_error_is_located():
    f = load("objectives:\n  - title: ok\n  bad: [\n")
    assert f.error is not None and f.error.span.line >= 3 and "invalid YAML" in f.error.message


def test_alias_bomb_is_rejected():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join('*' + chr(97 + i) for _ in range(10))}]\n" for i in range(8)
    )
    f = load(bomb + "owner: *i\nobjectives: []\n")
    assert f.error is not None and "alias" in f.error.message


def test_decode_reports_invalid_utf8_position():
    text, err = decode("objectives:\n  - title: caf\xe9\n".encode("latin-1"))
    assert text is None and err.span.line == 2 and err.span.column == 15


def test_decode_boms():
    assert decode("\ufeffa: 1".encode("utf-8"))[0] == "a: 1"
    assert decode("a: ü".encode("utf-16"))[0] == "a: ü"
    assert decode("a: ü".encode("utf-32"))[0] == "a: ü"
