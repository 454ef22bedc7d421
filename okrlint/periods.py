"""Parse OKR periods: "2026-Q1", "2026-H1", "2026", "2026-2027", {start, end}, dates."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_Q = re.compile(r"^\s*(\d{4})\s*[-/ ]?\s*([QqHh])([1-4])\s*$|^\s*([QqHh])([1-4])\s*[-/ ]?\s*(\d{4})\s*$")
_Y = re.compile(r"^\s*(\d{4})\s*$")
_YY = re.compile(r"^\s*(\d{4})\s*(?:-|–|\.\.)\s*(\d{4})\s*$")
_M = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")


def _as_date(v: Any) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v.strip())
        except ValueError:
            return None
    return None


def period_bounds(value: Any) -> tuple[dt.date, dt.date] | None:
    """(start, end) inclusive, or None when the value is not a period okrlint understands."""
    if isinstance(value, dict):
        start, end = _as_date(value.get("start")), _as_date(value.get("end"))
        return (start, end) if start and end else None
    if isinstance(value, int) and 1900 <= value <= 2200:
        return dt.date(value, 1, 1), dt.date(value, 12, 31)
    if not isinstance(value, str):
        d = _as_date(value)
        return (d, d) if d else None
    m = _Q.match(value)
    if m:
        year = int(m.group(1) or m.group(6))
        kind = (m.group(2) or m.group(4)).upper()
        n = int(m.group(3) or m.group(5))
        if kind == "H" and n > 2:
            return None
        months = 3 if kind == "Q" else 6
        first = (n - 1) * months + 1
        last = first + months - 1
        return dt.date(year, first, 1), _month_end(year, last)
    m = _Y.match(value)
    if m:
        y = int(m.group(1))
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    m = _YY.match(value)
    if m:
        return dt.date(int(m.group(1)), 1, 1), dt.date(int(m.group(2)), 12, 31)
    m = _M.match(value)
    if m and 1 <= int(m.group(2)) <= 12:
        y, mo = int(m.group(1)), int(m.group(2))
        return dt.date(y, mo, 1), _month_end(y, mo)
    d = _as_date(value)
    return (d, d) if d else None


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)
