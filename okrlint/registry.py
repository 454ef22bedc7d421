"""Rule discovery through the ``okrlint.rules`` entry point group.

An entry point names either one rule module or a package of rule modules; the
shipped rules are registered the same way (``builtin = "okrlint.rules"``), so
there is no hand-kept list anywhere. A module is a rule when it has ``META``
(a :class:`okrlint.rule.Rule`) and a ``check`` function.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable
from types import ModuleType

from .plugins import entry_points
from .rule import Rule

ENTRY_POINT_GROUP = "okrlint.rules"
CODE_RE = re.compile(r"^[A-Z][A-Z0-9]*\d{3}$")


class RegistryError(RuntimeError):
    pass


class LoadedRule:
    """A rule: its metadata, and its ``check``, which imports the rule's module on first use
    when the metadata came from the rule index (see :mod:`okrlint.rule_index`)."""

    __slots__ = ("meta", "module", "origin", "file", "_check")

    def __init__(self, meta: Rule, check: Callable | None, module: str, origin: str, file: str = ""):
        self.meta = meta
        self.module = module
        self.origin = origin  # the entry point that provided it
        self.file = file  # the module's source file ("" when unknown)
        self._check = check

    @property
    def check(self) -> Callable:
        check = self._check
        if check is None:
            check = self._check = self._import()
        return check

    def _import(self) -> Callable:
        try:
            mod = importlib.import_module(self.module)
        except Exception as exc:  # noqa: BLE001 - a broken plugin is reported, not a traceback
            raise RegistryError(f"cannot load rule module {self.module} ({self.origin}): {exc}") from None
        if getattr(mod, "META", None) != self.meta:
            # The index is keyed by the files' sizes and mtimes; a rewrite that kept both leaves it
            # stale. Drop it so the next run imports every rule again.
            from . import rule_index

            rule_index.forget(_INDEX_KEY)
        return mod.check

    def __repr__(self) -> str:
        return f"LoadedRule({self.meta.code}, {self.module})"


class RuleSet:
    def __init__(self, rules: Iterable[LoadedRule]):
        self.by_code: dict[str, LoadedRule] = {}
        self.by_name: dict[str, str] = {}
        for r in sorted(rules, key=lambda r: r.meta.code):
            code, name = r.meta.code, r.meta.name
            if code in self.by_code:
                raise RegistryError(f"rule code {code} is defined twice ({self.by_code[code].module} and {r.module})")
            if name in self.by_name:
                raise RegistryError(f"rule name {name} is defined twice")
            self.by_code[code] = r
            self.by_name[name] = code

    def __iter__(self):
        return iter(self.by_code.values())

    def __len__(self) -> int:
        return len(self.by_code)

    def get(self, key: str) -> LoadedRule | None:
        key = key.strip()
        code = key.upper() if key.upper() in self.by_code else self.by_name.get(key.lower())
        return self.by_code.get(code) if code else None

    def resolve(self, selector: str) -> set[str]:
        """Codes matched by a code, a name, a prefix such as ``OKR3``, or ``ALL``."""
        s = selector.strip()
        if not s:
            return set()
        if s.upper() == "ALL":
            return set(self.by_code)
        rule = self.get(s)
        if rule is not None:
            return {rule.meta.code}
        return {c for c in self.by_code if c.startswith(s.upper())}

    def names(self) -> list[str]:
        return list(self.by_code) + list(self.by_name)


def _rules_in(obj: ModuleType, origin: str) -> list[LoadedRule]:
    if hasattr(obj, "META") and hasattr(obj, "check"):
        return [_loaded(obj, origin)]
    out = []
    path = getattr(obj, "__path__", None)
    if path is None:
        raise RegistryError(f"entry point {origin} is neither a rule module nor a package of rules")
    for info in sorted(pkgutil.iter_modules(path), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{obj.__name__}.{info.name}")
        if hasattr(mod, "META") and hasattr(mod, "check"):
            out.append(_loaded(mod, origin))
    return out


def _loaded(mod: ModuleType, origin: str) -> LoadedRule:
    meta = mod.META
    if not isinstance(meta, Rule):
        raise RegistryError(f"{mod.__name__}.META is not an okrlint.rule.Rule")
    if not CODE_RE.match(meta.code):
        raise RegistryError(f"{mod.__name__}: rule code {meta.code!r} must look like ABC123")
    return LoadedRule(meta, mod.check, mod.__name__, origin, getattr(mod, "__file__", None) or "")


_CACHE: RuleSet | None = None
_INDEX_KEY: str | None = None


def load_rules() -> RuleSet:
    """Every rule, from the rule index when it is valid (no rule module imported), else by import."""
    global _CACHE, _INDEX_KEY
    if _CACHE is None:
        from . import rule_index

        eps = sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.name != "builtin", e.name))
        _INDEX_KEY = rule_index.key(eps)
        indexed = rule_index.load(_INDEX_KEY)
        if indexed is not None:
            _CACHE = RuleSet(LoadedRule(meta, None, module, origin, file) for meta, module, origin, file in indexed)
            return _CACHE
        rules: list[LoadedRule] = []
        for ep in eps:
            try:
                obj = ep.load()
            except Exception as exc:  # noqa: BLE001 - a broken plugin is reported, not a traceback
                raise RegistryError(f"cannot load rule plugin '{ep.name}' ({ep.value}): {exc}") from None
            rules.extend(_rules_in(obj, ep.name))
        _CACHE = RuleSet(rules)
        rule_index.store(_INDEX_KEY, [(r.meta, r.module, r.origin, r.file) for r in _CACHE])
    return _CACHE
