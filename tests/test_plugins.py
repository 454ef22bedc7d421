"""Third-party rules arrive through the ``okrlint.rules`` entry point group."""

from __future__ import annotations

import json
import os
import textwrap

PLUGIN = textwrap.dedent("""\
    from okrlint.model import Element
    from okrlint.rule import Rule, Severity

    META = Rule(code="ACME001", name="acme-no-tbd", severity=Severity.WARNING, applies_to=Element.KEY_RESULT,
                summary="Key results must not say TBD.")

    def check(kr, ctx):
        if kr.title is not None and "TBD" in kr.title.value:
            yield ctx.finding(kr.title.span, "TBD is not a key result")
    """)


def make_plugin(root):
    site = root / "site"
    (site / "acme_okr_rules").mkdir(parents=True)
    (site / "acme_okr_rules" / "__init__.py").write_text(PLUGIN)
    info = site / "acme_okr_rules-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-okr-rules\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[okrlint.rules]\nacme = acme_okr_rules\n")
    return site


def test_plugin_rule_is_listed_and_runs(run_cli, tmp_path):
    site = make_plugin(tmp_path)
    env = {"PYTHONPATH": str(site) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    r = run_cli("rules", env=env)
    assert "ACME001  acme-no-tbd" in r.stdout
    (tmp_path / "q.okr.yaml").write_text("objectives:\n  - title: x\n    key_results: [Raise NPS to TBD]\n")
    r = run_cli("--format", "json", "--select", "ACME", "q.okr.yaml", env=env)
    assert [(d["code"], d["line"]) for d in json.loads(r.stdout)] == [("ACME001", 3)]


def test_a_changed_plugin_is_read_again_not_taken_from_the_rule_index(run_cli, tmp_path):
    site = make_plugin(tmp_path)
    env = {
        "PYTHONPATH": str(site) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        "OKRLINT_LEXICON_CACHE": str(tmp_path / "user-cache"),
    }
    assert "Key results must not say TBD." in run_cli("rules", env=env).stdout
    assert list((tmp_path / "user-cache" / "rules").glob("*.idx"))  # the index was written
    module = site / "acme_okr_rules" / "__init__.py"
    module.write_text(PLUGIN.replace("must not say TBD.", "must never say TBD, not even once."))
    assert "must never say TBD, not even once." in run_cli("rules", env=env).stdout


OWN_TYPE = textwrap.dedent("""\
    from okrlint.model import Element
    from okrlint.rule import Option, Rule, Severity

    class Words(list):
        pass

    META = Rule(code="ACME002", name="acme-banned", severity=Severity.WARNING, applies_to=Element.KEY_RESULT,
                summary="No banned words.", options={"words": Option(Words, Words(["TBD"]), "banned words")})

    def check(kr, ctx):
        if kr.title is not None and any(w in kr.title.value for w in ctx.options.get("words", ["TBD"])):
            yield ctx.finding(kr.title.span, "a banned word")
    """)


def test_a_plugin_whose_metadata_is_not_plain_still_works_without_an_index(run_cli, tmp_path):
    site = make_plugin(tmp_path)
    (site / "acme_okr_rules" / "__init__.py").write_text(OWN_TYPE)
    env = {
        "PYTHONPATH": str(site) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        "OKRLINT_LEXICON_CACHE": str(tmp_path / "user-cache"),
    }
    (tmp_path / "q.okr.yaml").write_text("objectives:\n  - title: x\n    key_results: [Raise NPS to TBD]\n")
    for _ in range(2):
        r = run_cli("--format", "json", "--no-cache", "--select", "ACME", "q.okr.yaml", env=env)
        assert [d["code"] for d in json.loads(r.stdout)] == ["ACME002"], r.stderr
    assert not list((tmp_path / "user-cache" / "rules").glob("*.idx"))
