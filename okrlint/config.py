"""Configuration: ``.okrlint.yaml`` or ``[tool.okrlint]`` in ``pyproject.toml``.

Found by walking up from each linted file to the repository root (the first
directory with ``.git``); ``--config`` overrides discovery. Every error names
the file, the line, the key and the allowed values, and is exit 2 in the CLI.
"""

from __future__ import annotations

import difflib
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .registry import RuleSet
from .rule import Severity

CONFIG_NAMES = (".okrlint.yaml", ".okrlint.yml")
LANGUAGES = ("auto", "uz", "ru", "pl", "tr", "en")
SEVERITIES = ("error", "warning", "info")
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024

_TOP_KEYS = {
    "language": str,
    "select": list,
    "ignore": list,
    "include": list,
    "exclude": list,
    "rules": dict,
    "lexicons": list,
    "message_language": str,
    "fail_on": str,
    "max_file_size": int,
    "report_unknown_language": bool,
}


_KINDS = {
    str: "a string",
    list: "a list",
    dict: "a mapping",
    int: "a whole number",
    bool: "true or false",
    float: "a number",
    type(None): "empty",
}


class ConfigError(Exception):
    """A configuration problem; ``str()`` is the one-line message for the user."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    language: str = "auto"
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)  # code -> options (+ "severity")
    lexicons: tuple[Path, ...] = ()
    message_language: str = "en"
    fail_on: str = "warning"
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    report_unknown_language: bool = True

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def with_overrides(self, **kw: Any) -> Config:
        return replace(self, **{k: v for k, v in kw.items() if v is not None})


def _positions(text: str) -> dict[tuple[str, ...], int]:
    """Key path → 1-based line, for error messages."""
    import yaml

    out: dict[tuple[str, ...], int] = {}
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return out

    def walk(n: Any, path: tuple[str, ...]) -> None:
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                key = (*path, str(k.value))
                out[key] = k.start_mark.line + 1
                walk(v, key)

    walk(node, ())
    return out


def _read_yaml(path: Path) -> tuple[dict, dict]:
    import yaml  # only when a YAML configuration is read: a run of cache hits parses nothing else

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise ConfigError(
            f"{path}{where}: invalid YAML in the configuration: {getattr(exc, 'problem', None) or exc}"
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: the configuration must be a mapping of keys (language, select, ignore, rules …)")
    return data, _positions(text)


def _read_pyproject(path: Path) -> tuple[dict, dict] | None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        where = f":{at.group(1)}:{at.group(2)}" if at else f":{text.count(chr(10)) + 1}"
        raise ConfigError(f"{path}{where}: invalid TOML: {re.sub(r' *[(]at [^)]*[)]', '', str(exc))}") from None
    section = data.get("tool", {}).get("okrlint")
    if not isinstance(section, dict):
        return None
    return section, _toml_positions(text)


def _toml_positions(text: str) -> dict[tuple[str, ...], int]:
    """Key path inside [tool.okrlint] → 1-based line (tables, dotted keys and one-line inline tables)."""
    out: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] | None = None
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        header = re.match(r"^\[\[?\s*([^\]]+?)\s*\]\]?", stripped)
        if header:
            parts = tuple(p.strip().strip("\"'") for p in header.group(1).split("."))
            table = parts[2:] if parts[:2] == ("tool", "okrlint") else None
            if table:
                out.setdefault(table, n)
            continue
        if table is None or "=" not in stripped or stripped.startswith("#"):
            continue
        key = tuple(p.strip().strip("\"'") for p in stripped.split("=", 1)[0].split("."))
        out.setdefault((*table, *key), n)
        for inner in re.findall(r"([\w-]+)\s*=", stripped.split("=", 1)[1]):  # {max = 3, severity = "error"}
            out.setdefault((*table, *key, inner), n)
    return out


def load_config(path: Path, rules: RuleSet) -> Config:
    if path.name == "pyproject.toml":
        got = _read_pyproject(path)
        data, pos = got if got else ({}, {})
    else:
        data, pos = _read_yaml(path)
    return parse_config(data, path, pos, rules)


def find_config(start: Path, cache: dict[Path, Path | None]) -> Path | None:
    """The nearest configuration above ``start`` (a file or directory), up to the repository root."""
    d = start if start.is_dir() else start.parent
    if d in cache:  # the folder as given: files of one folder resolve no symlinks again
        return cache[d]
    given = d
    d = d.resolve()
    visited = [given]
    found: Path | None = None
    while True:
        if d in cache:
            found = cache[d]
            break
        visited.append(d)
        hit = next((d / n for n in CONFIG_NAMES if (d / n).is_file()), None)
        if hit is None and (d / "pyproject.toml").is_file() and _has_tool_section(d / "pyproject.toml"):
            hit = d / "pyproject.toml"
        if hit is not None or (d / ".git").exists() or d.parent == d:
            found = hit
            break
        d = d.parent
    for v in visited:
        cache[v] = found
    return found


def _has_tool_section(path: Path) -> bool:
    try:
        return "[tool.okrlint" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def _err(path: Path, pos: dict, key: tuple[str, ...], message: str) -> ConfigError:
    line = next((pos[key[:n]] for n in range(len(key), 0, -1) if key[:n] in pos), None)
    where = f"{path}:{line}" if line else str(path)
    return ConfigError(f"{where}: {'.'.join(key)}: {message}")


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _as_list(value: Any) -> list:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return list(value)


def parse_config(data: dict, path: Path, pos: dict, rules: RuleSet) -> Config:
    kw: dict[str, Any] = {"path": path}
    for key, value in data.items():
        if key not in _TOP_KEYS:
            raise _err(
                path,
                pos,
                (str(key),),
                f"unknown key{_did_you_mean(str(key), list(_TOP_KEYS))}; allowed: {', '.join(_TOP_KEYS)}",
            )
        want = _TOP_KEYS[key]
        if want is list and isinstance(value, str):
            value = _as_list(value)
        if not isinstance(value, want) or (want is int and isinstance(value, bool)):
            raise _err(
                path, pos, (key,), f"must be {_KINDS[want]}, not {_KINDS.get(type(value), type(value).__name__)}"
            )
        kw[key] = value
    lang = kw.get("language", "auto")
    if lang not in LANGUAGES:
        raise _err(
            path, pos, ("language",), f"'{lang}' is not a language okrlint reads; allowed: {', '.join(LANGUAGES)}"
        )
    if kw.get("message_language", "en") not in LANGUAGES:
        raise _err(path, pos, ("message_language",), f"allowed: {', '.join(LANGUAGES)}")
    if kw.get("fail_on", "warning") not in SEVERITIES:
        raise _err(path, pos, ("fail_on",), f"allowed: {', '.join(SEVERITIES)}")
    for key in ("select", "ignore"):
        if key in kw:
            items = [str(s) for s in kw[key]]
            for s in items:
                if not rules.resolve(s):
                    raise _err(
                        path,
                        pos,
                        (key,),
                        f"'{s}' matches no rule{_did_you_mean(s, rules.names())}; "
                        "use a code (OKR104), a name (binary-kr), a prefix (OKR1) or ALL",
                    )
            kw[key] = tuple(items)
    for key in ("include", "exclude"):
        if key in kw:
            kw[key] = tuple(str(s) for s in kw[key])
    if "lexicons" in kw:
        kw["lexicons"] = tuple((path.parent / str(p)).resolve() for p in kw["lexicons"])
    if "rules" in kw:
        kw["rules"] = parse_rule_options(kw["rules"], rules, lambda k, m: _err(path, pos, k, m))
    return Config(**kw)


def parse_rule_options(raw: dict, rules: RuleSet, error) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for rkey, opts in raw.items():
        rule = rules.get(str(rkey))
        if rule is None:
            raise error(("rules", str(rkey)), f"unknown rule{_did_you_mean(str(rkey), rules.names())}")
        if opts is None:
            opts = {}
        if not isinstance(opts, dict):
            raise error(("rules", str(rkey)), "options must be a mapping such as {severity: error}")
        meta = rule.meta
        clean: dict[str, Any] = {}
        for okey, oval in opts.items():
            if okey == "severity":
                if oval not in SEVERITIES and oval != "off":
                    raise error(("rules", str(rkey), "severity"), f"'{oval}'; allowed: {', '.join(SEVERITIES)}, off")
                clean["severity"] = oval
                continue
            option = meta.options.get(okey)
            if option is None:
                allowed = ", ".join(["severity", *meta.options]) or "severity"
                raise error(
                    ("rules", str(rkey), str(okey)),
                    f"{meta.code} {meta.name} has no option '{okey}'{_did_you_mean(str(okey), list(meta.options))}; "
                    f"allowed: {allowed}",
                )
            types = option.type if isinstance(option.type, tuple) else (option.type,)
            if float in types and isinstance(oval, int) and not isinstance(oval, bool):
                oval = float(oval)
            if not isinstance(oval, types) or (bool not in types and isinstance(oval, bool)):
                raise error(("rules", str(rkey), str(okey)), f"must be {option.type_name()}, not {oval!r}")
            if option.choices and isinstance(oval, list):
                bad = [v for v in oval if v not in option.choices]
                if bad:
                    raise error(
                        ("rules", str(rkey), str(okey)),
                        f"{bad[0]!r} is not allowed; allowed: {', '.join(map(str, option.choices))}",
                    )
            clean[okey] = oval
        out.setdefault(meta.code, {}).update(clean)
    return out


@dataclass(frozen=True)
class Selection:
    """The effective rule selection, severities and options for one configuration."""

    enabled: frozenset[str]
    severities: dict[str, Severity]
    options: dict[str, dict[str, Any]]

    @classmethod
    def build(
        cls, config: Config, rules: RuleSet, select: tuple[str, ...] | None = None, ignore: tuple[str, ...] = ()
    ) -> Selection:
        chosen: set[str] = set()
        for s in select if select is not None else config.select:
            chosen |= rules.resolve(s)
        for s in (*config.ignore, *ignore):
            chosen -= rules.resolve(s)
        severities: dict[str, Severity] = {}
        options: dict[str, dict[str, Any]] = {}
        for r in rules:
            code = r.meta.code
            opts = {k: o.default for k, o in r.meta.options.items()}
            user = config.rules.get(code, {})
            opts.update({k: v for k, v in user.items() if k != "severity"})
            options[code] = opts
            sev = user.get("severity")
            if sev == "off":
                chosen.discard(code)
            elif sev:
                severities[code] = Severity(sev)
        return cls(frozenset(chosen), severities, options)
