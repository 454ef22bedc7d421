"""Property-based tests: random OKR documents in five alphabets never crash okrlint.

For every generated file (YAML or Markdown, well-formed or mangled), linting
returns only diagnostics located inside the file, no "internal error", and the
same diagnostics every time. CI runs a seeded, bounded number of examples;
docs/fuzzing.md explains how to run a long fuzz session locally.
"""

from __future__ import annotations

import os

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okrlint.config import Config
from okrlint.runner import Linters, Settings, Task, lint_task

settings.register_profile(
    "okrlint-ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
settings.register_profile(
    "okrlint-fuzz",
    max_examples=20_000,
    derandomize=False,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
PROFILE = os.environ.get("OKRLINT_FUZZ_PROFILE", "okrlint-ci")


def budget(ci_examples: int) -> settings:
    """The CI share of about 3 500 examples (~1 minute), unless a long run or OKRLINT_FUZZ_EXAMPLES asks for more."""
    profile = settings.get_profile(PROFILE)
    if os.environ.get("OKRLINT_FUZZ_EXAMPLES"):
        return settings(profile, max_examples=int(os.environ["OKRLINT_FUZZ_EXAMPLES"]))
    if PROFILE != "okrlint-ci":
        return settings(profile)
    return settings(profile, max_examples=ci_examples)


# -- alphabets ----------------------------------------------------------------------------------------------

LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
POLISH = "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ"
TURKISH = "çğıöşüÇĞİÖŞÜâî"
UZBEK = "o‘g‘ʻʼ’`'"  # o‘ g‘ and the apostrophe variants Uzbek text uses
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
UZBEK_CYRILLIC = "ўқғҳЎҚҒҲ"
DIGITS = "0123456789"
PUNCT = ' .,:;-–—%$€₽₺№#→->()/"!?&*[]{}|@'
SPACES = "\u00a0\u2009\u202f\u200b\u200d\u200e\u202e\u2066\u2069\t"
ODD = "\u0301\u0308🚀👩‍💻﷽𝕏\ufeff\ufffd"
ALPHABET = LATIN + POLISH + TURKISH + UZBEK + CYRILLIC + UZBEK_CYRILLIC + DIGITS + PUNCT + SPACES + ODD

WORDS = [  # real OKR words, so the analysers see their own languages, not only noise
    "Попробовать",
    "запустить",
    "увеличить",
    "с",
    "до",
    "клиентов",
    "Spróbować",
    "zwiększyć",
    "ruch",
    "z",
    "do",
    "artırmaya",
    "çalışmak",
    "trafiğini",
    "yaxshilashga",
    "harakat",
    "qilish",
    "oshirish",
    "sotuv",
    "Try",
    "to",
    "run",
    "webinars",
    "Grow",
    "weekly",
    "users",
    "from",
    "improve",
    "launch",
    "by",
    "%",
    "→",
]

word = st.one_of(st.sampled_from(WORDS), st.text(alphabet=ALPHABET, min_size=1, max_size=10))
number = st.one_of(
    st.integers(min_value=-10, max_value=10**9).map(str),
    st.tuples(st.integers(1, 999), st.integers(0, 999), st.sampled_from([" ", "\u00a0", "\u202f", ",", "."])).map(
        lambda t: f"{t[0]}{t[2]}{t[1]:03d}"
    ),
    st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda f: f"{f:.1f}%"),
)
sentence = st.lists(st.one_of(word, number), min_size=0, max_size=12).map(" ".join)
scalar = st.one_of(sentence, st.integers(), st.none(), st.booleans(), st.floats(allow_nan=False), st.dates().map(str))

key_result = st.one_of(
    sentence,
    scalar,
    st.fixed_dictionaries(
        {"title": st.one_of(sentence, scalar)},
        optional={
            "owner": sentence,
            "baseline": scalar,
            "target": scalar,
            "current": scalar,
            "due": st.one_of(st.dates(), sentence),
            "score": scalar,
            "unit": sentence,
            "x-note": sentence,
            "titel": sentence,
        },
    ),
)
objective = st.one_of(
    sentence,
    st.fixed_dictionaries(
        {"title": st.one_of(sentence, scalar, st.lists(word, max_size=2))},
        optional={
            "key_results": st.one_of(st.lists(key_result, max_size=6), scalar),
            "owner": sentence,
            "period": st.sampled_from(["2026-Q1", "2026", "Q5", ""]),
            "type": st.sampled_from(["committed", "aspirational", "other"]),
            "krs": st.lists(key_result, max_size=2),
            "id": sentence,
        },
    ),
)
document = st.one_of(
    st.fixed_dictionaries(
        {"objectives": st.lists(objective, max_size=7)},
        optional={
            "language": st.sampled_from(["en", "ru", "pl", "tr", "uz", "auto", "xx", 5]),
            "period": st.sampled_from(["2026-Q1", "2026-H1", "2026", "someday"]),
            "owner": sentence,
            "team": sentence,
            "level": st.sampled_from(["team", "company", "x"]),
            "okrlint": st.sampled_from([1, 2, "x"]),
            "colour": sentence,
        },
    ),
    st.lists(objective, max_size=5),
    scalar,
)


@st.composite
def yaml_file(draw) -> bytes:
    text = yaml.safe_dump(draw(document), allow_unicode=True, sort_keys=False, width=draw(st.integers(20, 200)))
    if draw(st.booleans()):
        comment = draw(
            st.sampled_from(
                [
                    "# okrlint: disable=OKR104",
                    "# okrlint: disable-next-line=ALL",
                    "# okrlint: disable-file=OKR303",
                    "# okrlint: disable=",
                    "# x",
                ]
            )
        )
        lines = text.split("\n")
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, comment)
        text = "\n".join(lines)
    return _mangle(draw, text).encode("utf-8")


@st.composite
def markdown_file(draw) -> bytes:
    out = []
    if draw(st.booleans()):
        out.append(f"# {draw(sentence)}")
    if draw(st.booleans()):
        out.append(f"owner: {draw(sentence)}")
    for _ in range(draw(st.integers(0, 4))):
        prefix = draw(st.sampled_from(["Objective: ", "O1: ", "Цель: ", "Cel: ", "Hedef: ", "Maqsad: ", ""]))
        out.append(f"## {prefix}{draw(sentence)}")
        for _ in range(draw(st.integers(0, 4))):
            kr_prefix = draw(st.sampled_from(["KR: ", "KR1: ", "КР: ", "[ ] ", ""]))
            tail = draw(
                st.sampled_from(["", " (owner: Ana)", " (due: 2026-03-31)", "<!-- okrlint: disable=OKR104 -->"])
            )
            indent = draw(st.sampled_from(["", "  ", "    "]))
            out.append(f"{indent}{draw(st.sampled_from(['-', '*', '1.']))} {kr_prefix}{draw(sentence)}{tail}")
        if draw(st.booleans()):
            out.append(f"{draw(st.sampled_from(['owner', 'period', 'colour']))}: {draw(sentence)}")
    text = "\n".join(out) + "\n"
    return _mangle(draw, text).encode("utf-8")


def _mangle(draw, text: str) -> str:
    """Sometimes break the file: insert, delete or duplicate a stretch, or change line endings."""
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate", "crlf"]))
        if action == "insert":
            text = text[:at] + draw(st.text(alphabet=ALPHABET + "\n:-'\"&*!|>", max_size=8)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        elif action == "duplicate":
            text = text[:at] + text[at : at + 40] + text[at:]
        else:
            text = text.replace("\n", "\r\n")
    return text


# -- the properties -------------------------------------------------------------------------------------------

_SETTINGS = Settings({None: Config()})
_LINTERS: list[Linters] = []


def _linters() -> tuple[Linters, Linters]:
    """Two independent linters, built once (loading analysers is the slow part)."""
    if not _LINTERS:
        _LINTERS.extend([Linters(_SETTINGS), Linters(_SETTINGS)])
    return _LINTERS[0], _LINTERS[1]


def _lines_of(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def check_file(name: str, data: bytes) -> None:
    first, second = _linters()
    task = Task(name, None, data)
    result = lint_task(task, first)
    if result.source.text:
        lines = _lines_of(result.source.text)
    else:  # not decodable: positions count the characters before the first bad byte
        lines = data.decode("utf-8", "replace").split("\n")
    for d in result.diagnostics:
        where = f"{d.code} at {d.line}:{d.column}-{d.end_line}:{d.end_column}: {d.message}"
        assert "internal error" not in d.message, where
        assert d.path == name
        assert 1 <= d.line <= len(lines), where
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1, where
        assert d.line <= d.end_line <= len(lines), where
        assert d.end_column >= 1, where
    again = lint_task(task, first).diagnostics
    fresh = lint_task(task, second).diagnostics
    assert again == result.diagnostics
    assert fresh == result.diagnostics


@budget(600)
@given(yaml_file())
def test_random_yaml_documents(data):
    check_file("fuzz.okr.yaml", data)


@budget(800)
@given(markdown_file())
def test_random_markdown_documents(data):
    check_file("fuzz.okr.md", data)


@budget(1500)
@given(st.binary(max_size=400))
def test_random_bytes(data):
    check_file("fuzz.okr.yaml", data)


@budget(600)
@given(
    st.lists(st.one_of(sentence, st.text(alphabet=ALPHABET, max_size=60)), min_size=1, max_size=6),
    st.sampled_from(["en", "ru", "pl", "tr", "uz", "auto"]),
)
def test_random_texts_in_every_language(krs, language):
    body = {"language": language, "objectives": [{"title": krs[0], "key_results": krs[1:]}]}
    check_file("fuzz.okr.yaml", yaml.safe_dump(body, allow_unicode=True).encode("utf-8"))
