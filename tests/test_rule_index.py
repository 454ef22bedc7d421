"""The rule index: the rules' metadata without importing their modules, never different from the modules'."""

from __future__ import annotations

import importlib
import os

import pytest

from okrlint import registry, rule_index
from okrlint.plugins import EntryPoint, entry_points


@pytest.fixture
def fresh_registry(monkeypatch, tmp_path):
    monkeypatch.setenv("OKRLINT_LEXICON_CACHE", str(tmp_path))
    monkeypatch.setattr(registry, "_CACHE", None)
    return tmp_path / "rules"


def test_every_shipped_rule_comes_back_from_the_index_as_its_module_declares_it(fresh_registry):
    imported = registry.load_rules()
    assert len(list(fresh_registry.glob("*.idx"))) == 1
    registry._CACHE = None
    indexed = registry.load_rules()
    assert [r.meta for r in indexed] == [r.meta for r in imported]
    for r in indexed:
        assert r.check is importlib.import_module(r.module).check  # imported on first use


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"\xe3\x01\x00\x00"])
def test_a_damaged_index_is_ignored(fresh_registry, damage):
    registry.load_rules()
    [index] = fresh_registry.glob("*.idx")
    index.write_bytes(damage)
    registry._CACHE = None
    assert [r.meta.code for r in registry.load_rules()][:3] == ["OKR000", "OKR001", "OKR002"]


def test_the_key_follows_the_rule_files(fresh_registry, tmp_path, monkeypatch):
    pkg = tmp_path / "site" / "acme_index_probe"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    rule = pkg / "acme001.py"
    rule.write_text("# a rule module\n")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    eps = [EntryPoint("acme", "acme_index_probe", registry.ENTRY_POINT_GROUP)]
    before = rule_index.key(eps)
    assert before is not None and before == rule_index.key(eps)
    st = rule.stat()
    os.utime(rule, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    touched = rule_index.key(eps)
    (pkg / "acme002.py").write_text("")
    assert len({before, touched, rule_index.key(eps)}) == 3
    assert rule_index.key([EntryPoint("acme", "acme_index_probe:RULES", registry.ENTRY_POINT_GROUP)]) is None


def test_no_index_when_the_cache_is_off(monkeypatch):
    monkeypatch.setenv("OKRLINT_LEXICON_CACHE", "off")
    assert rule_index.key(entry_points(group=registry.ENTRY_POINT_GROUP)) is None


def test_a_one_module_plugin_is_keyed_by_its_own_file_not_its_folder(fresh_registry, tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    module = site / "acme_one_rule.py"
    module.write_text("# a rule module\n")
    monkeypatch.syspath_prepend(str(site))
    eps = [EntryPoint("acme", "acme_one_rule", registry.ENTRY_POINT_GROUP)]
    before = rule_index.key(eps)
    (site / "unrelated_package.py").write_text("")  # site-packages holds everything else too
    assert rule_index.key(eps) == before
    module.write_text("# a rule module, edited\n")
    assert rule_index.key(eps) != before
