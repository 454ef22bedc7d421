"""``--format json``: a JSON array, one object per diagnostic (the stable machine contract)."""

from __future__ import annotations

import json as _json


def render(diagnostics, **_) -> str:
    return _json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2) + "\n"
