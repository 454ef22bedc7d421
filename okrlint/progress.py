"""Numbers of a key result: parse baseline/target/current/score and compute progress.

Progress is how far ``current`` has moved from ``baseline`` toward ``target``,
0–1, clamped, and direction-aware: for "reduce churn from 5% to 3%" a current
of 4% is 0.5. A ``scoring: binary`` key result is 0 or 1. Rules (OKR309,
OKR401, OKR402) and the report read these values; nothing here decides what is
wrong or prints.
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field
from typing import Any

from .analysis.normalize import NUMBER_SPACES
from .analysis.normalize import parse_number as _parse_digits
from .model import KeyResult, Objective

NUMERIC_FIELDS = ("baseline", "target", "current")
_SCALE = {"k": 1e3, "K": 1e3, "M": 1e6}  # "15k", "2M": language-free suffixes people type in YAML


@dataclass(frozen=True)
class Number:
    """A parsed numeric field: its value and whether it was written as a percentage."""

    value: float
    percent: bool = False


def parse_value(value: Any) -> Number | None:
    """A field value as a number: 42, 4.5, "15 000", "1,5", "35%", "15k"; None when it is not one."""
    if isinstance(value, bool) or value is None or isinstance(value, (_dt.date, list, dict)):
        return None
    if isinstance(value, (int, float)):
        return Number(float(value)) if math.isfinite(value) else None
    if not isinstance(value, str):
        return None
    s = value.strip().strip(NUMBER_SPACES)
    percent = s.endswith("%") or s.startswith("%")
    s = s.strip("%").strip(NUMBER_SPACES)
    sign = 1.0
    if s[:1] in ("-", "−", "+"):
        sign = -1.0 if s[0] != "+" else 1.0
        s = s[1:].lstrip(NUMBER_SPACES)
    scale = 1.0
    if not percent and s[-1:] in _SCALE:
        scale, s = _SCALE[s[-1]], s[:-1].rstrip(NUMBER_SPACES)
    n = _parse_digits(s) if s else None
    if n is None:
        return None
    return Number(sign * n * scale, percent)


@dataclass(frozen=True)
class Score:
    """A ``score`` field: ``value`` on the 0–1 scale when valid, else ``problem`` says why not.

    ``problem_id`` and ``params`` key the message for translation (lexicons/messages, rule OKR402).
    """

    value: float | None
    problem: str = ""
    suggestion: str = ""
    problem_id: str = ""
    params: dict = field(default_factory=dict)


def parse_score(raw: Any, binary: bool = False) -> Score:
    """0.7 and "70%" are the same score; a bare 70 is out of range (write 0.7 or "70%")."""
    shown = _shown(raw)

    def bad(problem_id: str, message: str, suggestion: str, **params: Any) -> Score:
        return Score(None, message, suggestion, problem_id, {"value": shown, **params})

    n = parse_value(raw)
    if n is None:
        return bad(
            "score-not-number",
            f"score {shown} is not a number",
            'write a fraction from 0 to 1 (0.7) or a percentage ("70%")',
        )
    if n.percent:
        if not 0 <= n.value <= 100:
            return bad(
                "score-outside-percent", f"score {shown} is outside 0–100%", 'write a percentage from "0%" to "100%"'
            )
        value = n.value / 100
    elif 0 <= n.value <= 1:
        value = n.value
    elif 1 < n.value <= 100 and n.value == int(n.value):
        fraction, percent = _fmt(n.value / 100), _fmt(n.value)
        return bad(
            "score-percent-without-sign",
            f"score {shown} is outside 0–1",
            f'write {fraction} or "{percent}%" if you meant a percentage',
            fraction=fraction,
            percent=percent,
        )
    else:
        return bad("score-outside", f"score {shown} is outside 0–1", "write a fraction from 0 to 1 (0.7)")
    if binary and value not in (0.0, 1.0):
        return bad(
            "score-binary",
            f"score {shown} on a binary key result; it scores 0 or 1",
            "write 0 or 1, or set scoring: spectrum",
        )
    return Score(value)


def is_binary(kr: KeyResult) -> bool:
    scoring = kr.get("scoring")
    return isinstance(scoring, str) and scoring.strip().lower() == "binary"


def compute(baseline: float | None, target: float | None, current: float | None, binary: bool = False) -> float | None:
    """Progress from baseline toward target, 0–1, clamped; None when it cannot be known.

    Direction comes from the numbers themselves (target below baseline means
    lower is better). A binary key result is 1 once current reaches the target,
    else 0; without a baseline its direction is "reach at least".
    """
    if target is None or current is None:
        return None
    if binary:
        if baseline is not None and target < baseline:
            return 1.0 if current <= target else 0.0
        return 1.0 if current >= target else 0.0
    if baseline is None or target == baseline:
        return None
    raw = (current - baseline) / (target - baseline)
    return min(1.0, max(0.0, raw))


@dataclass(frozen=True)
class Progress:
    """Everything the report and the score rules need about one key result."""

    baseline: Number | None
    target: Number | None
    current: Number | None
    binary: bool
    value: float | None  # computed progress 0–1
    score: float | None  # the given score, 0–1 (None when absent or invalid)

    @property
    def gap(self) -> float | None:
        """Given score minus computed progress, when both are known."""
        if self.value is None or self.score is None:
            return None
        return self.score - self.value

    @property
    def shown(self) -> float | None:
        """The number to draw: the computed progress, else the given score."""
        return self.value if self.value is not None else self.score


def field_number(kr: KeyResult, key: str) -> Number | None:
    """``baseline``/``target``/``current`` as a number; a binary key result may say true/false (1/0)."""
    raw = kr.get(key)
    if isinstance(raw, bool) and is_binary(kr):
        return Number(1.0 if raw else 0.0)
    return parse_value(raw)


def of_key_result(kr: KeyResult) -> Progress:
    if not kr.fields:  # a key result written as a bare string (the common case) has no numbers
        return _NOTHING
    nums = {k: field_number(kr, k) for k in NUMERIC_FIELDS}
    binary = is_binary(kr)
    value = compute(*(nums[k].value if nums[k] else None for k in NUMERIC_FIELDS), binary=binary)
    raw_score = kr.get("score")
    score = parse_score(raw_score, binary).value if raw_score is not None else None
    return Progress(nums["baseline"], nums["target"], nums["current"], binary, value, score)


_NOTHING = Progress(None, None, None, False, None, None)


def objective_score(obj: Objective) -> float | None:
    """The objective's own valid score, else the mean of its key results' valid scores."""
    raw = obj.get("score")
    if raw is not None:
        s = parse_score(raw).value
        if s is not None:
            return s
    scores = [p.score for p in (of_key_result(kr) for kr in obj.key_results) if p.score is not None]
    return sum(scores) / len(scores) if scores else None


def _fmt(x: float) -> str:
    return f"{x:.4f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


def format_number(n: Number | float | None) -> str:
    """A number as people read it in a report: 15000 → "15 000", 0.5 → "0.5", 35% stays "35%"."""
    if n is None:
        return "—"
    value, percent = (n.value, n.percent) if isinstance(n, Number) else (float(n), False)
    if value == int(value) and abs(value) >= 1000:
        text = f"{int(value):,}".replace(",", " ")
    else:
        text = _fmt(value)
    return text + ("%" if percent else "")


def _shown(raw: Any) -> str:
    return f'"{raw}"' if isinstance(raw, str) else str(raw)
