"""OKR310 placeholder: template text left in a title or owner (TBD, XX%, [metric], "Objective 1")."""

import re

from okrlint.model import Element, KeyResult, Objective
from okrlint.rule import Rule, Severity

META = Rule(
    code="OKR310",
    name="placeholder",
    severity=Severity.ERROR,
    applies_to=(Element.OBJECTIVE, Element.KEY_RESULT),
    message_ids=(
        "marker",
        "number",
        "slot",
        "filler",
        "no-numbers",
        "title-label",
        "title-empty",
        "title-placeholder",
        "owner",
    ),
    summary='Template text left in: "TBD", "TODO", "XX%", "???", "[metric]", "<target>", "lorem ipsum", '
    '"Objective 1", "KR 2", or a title that is only "-" or "…".',
    why="A template copied into the OKR file and never filled in looks like a plan in every dashboard but "
    "commits to nothing. The patterns are language-free; the labels the format itself uses (Objective, "
    "KR, Цель, Cel, Hedef, Maqsad …) count as placeholders when they are the whole title.",
    bad=(
        "Increase [metric] from X to Y",
        "Raise NPS to XX%",
        "TBD",
        "KR 2",
        "Цель 1",
        "…",
        "Reduce <target> churn",
        "Lorem ipsum dolor sit amet",
    ),
    good=("Raise NPS from 32 to 45", "Increase the retention of new users from 20% to 30%"),
)

# Anywhere in a title: (pattern, message id, English message). Uppercase markers only: "todo" in a
# to-do app's OKR is a word.
_ANYWHERE = [
    (re.compile(r"(?<![\w])(TBD|TBA|TBC|TODO|FIXME|XXX+)(?![\w])"), "marker", '"{0}" is a placeholder'),
    (re.compile(r"(?<![\w.,])(?:[Xx]{1,3}|N|\?+)\s?%"), "number", '"{0}" is a placeholder number'),
    (re.compile(r"\?{2,}"), "marker", '"{0}" is a placeholder'),
    (re.compile(r"\[[^\[\]]{0,40}\](?!\()"), "slot", '"{0}" is a template slot'),
    (re.compile(r"\{\{[^{}]{0,40}\}\}"), "slot", '"{0}" is a template slot'),
    (re.compile(r"<\s*[^\W\d][^<>]{0,40}>"), "slot", '"{0}" is a template slot'),
    (re.compile(r"(?i)lorem ipsum"), "filler", '"{0}" is filler text'),
    (re.compile(r"(?i)\bfrom\s+X\s+to\s+Y\b"), "no-numbers", '"{0}" has no numbers'),
]
# The whole title. Format labels from FORMAT.md's Markdown headings, in every language the format knows.
_LABEL = (
    r"objective|obj|goal|o|key\s*result|kr|цель|задача|кр|ключевой\s+результат|cel|"
    r"kluczowy\s+rezultat|hedef|amaç|anahtar\s+sonuç|maqsad|asosiy\s+natija|natija"
)
_WHOLE = [
    (re.compile(rf"(?i)^\s*(?:{_LABEL})\s*[#№]?\s*\d*\s*[:.]?\s*$"), "title-label", "the title is only a label"),
    (re.compile(r"^\s*[\-–—_.…•*?!/]+\s*$"), "title-empty", "the title is empty-looking"),
    (
        re.compile(r"(?i)^\s*(n/?a|tbd|todo|tba|placeholder|title|text|title here|your objective here)\s*[.!]?\s*$"),
        "title-placeholder",
        "the title is a placeholder",
    ),
]


# What each pattern of _ANYWHERE cannot match without (any one of these substrings, the last two
# in the lower-cased title): most titles hold none of them, and then that pattern's regex never runs.
_NEEDS = (
    ("TB", "TODO", "FIXME", "XXX"),
    ("%",),
    ("??",),
    ("[",),
    ("{{",),
    ("<",),
    ("lorem",),
    ("from",),
)
_LOWER_NEEDS = frozenset({6, 7})
_ANY_NEED = re.compile("|".join(re.escape(n) for k, needs in enumerate(_NEEDS) if k not in _LOWER_NEEDS for n in needs))
_WHOLE_MAX_WORDS = 5  # the longest whole-title pattern: "key result # 2 :"
_OWNER = re.compile(r"(?i)^\s*(tbd|tba|todo|\?+|-+|—|…|n/?a|xxx*|someone|owner|name)\s*$")


def check(element: Objective | KeyResult, ctx):
    title = element.title
    if title is not None:
        yield from _title(title, ctx)
    owner = element.fields.get("owner")
    if owner is not None and isinstance(owner.value, str) and _OWNER.match(owner.value):
        yield ctx.finding(
            owner.span,
            f'owner "{owner.value}" is a placeholder',
            "name the person accountable",
            words=(owner.value,),
            message_id="owner",
        )


def _title(title, ctx):
    text = title.value
    for pattern, message_id, what in _WHOLE if len(text.split()) <= _WHOLE_MAX_WORDS else ():
        if pattern.match(text):
            yield ctx.finding(
                title.span,
                f'{what}: "{text.strip()}"',
                "write the objective or key result, or delete the entry",
                words=(text.strip(),),
                message_id=message_id,
            )
            return
    low = text.lower()
    if not (_ANY_NEED.search(text) or "lorem" in low or "from" in low):
        return  # the common case: one scan in C
    for k, (pattern, message_id, what) in enumerate(_ANYWHERE):
        if not any(n in (low if k in _LOWER_NEEDS else text) for n in _NEEDS[k]):
            continue
        for m in pattern.finditer(text):
            span, words = ctx.at(title, _Part(m.start(), m.end()))
            yield ctx.finding(
                span,
                what.format(words),
                "replace the template text with the real value",
                words=(words,),
                message_id=message_id,
            )
            return  # one placeholder per title is enough to send the author back


class _Part:
    def __init__(self, start: int, end: int):
        self.start, self.end = start, end
