"""okrlint: a linter for OKRs (objectives and key results)."""

__version__ = "0.1.0"
