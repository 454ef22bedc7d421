"""The start-up shortcuts give the same answers as the slow paths they replace.

- okrlint.plugins reads entry points like importlib.metadata, and falls back to it
  whenever the environment is not plain directories;
- the per-user compiled-lexicon cache (okrlint.analysis.compiled) gives analysers
  the same state a fresh compile gives, and ignores a corrupt or foreign entry;
- the per-user store of analysed words gives the same analyses without loading
  pymorphy3 or Morfeusz for words seen before;
- a linter reused for text after text forgets each file's languages and analyses.
"""

from __future__ import annotations

import importlib.metadata as md
import os
import subprocess
import sys

import pytest

from okrlint import plugins
from okrlint.analysis import Analyzer, compiled

TEXTS = {
    "en": ["Grow weekly active users from 2 000 to 3 500", "Try to improve the onboarding flow", "Run 5 webinars"],
    "ru": ["Увеличить органический трафик с 5 000 до 15 000 визитов в месяц", "Попробовать запустить TikTok-канал"],
    "pl": ["Zwiększyć ruch organiczny z 5 000 do 15 000 wizyt miesięcznie", "Poprawić jakość treści"],
    "tr": ["NPS puanını 30'dan 50'ye çıkarmak", "Web sitesi trafiğini artırmaya çalışmak"],
    "uz": ["Oylik faol foydalanuvchilarni 2 000 dan 5 000 taga oshirish", "Sotuvni yaxshilashga harakat qilish"],
}


# -- entry points -------------------------------------------------------------------


@pytest.mark.parametrize(
    "group", ["okrlint.rules", "okrlint.languages", "console_scripts", "pytest11", "no.such.group"]
)
def test_entry_points_match_importlib_metadata(group):
    fast = plugins._fast(group)
    slow = [(e.name, e.value, e.group) for e in md.entry_points(group=group)]
    if fast is None:  # an environment only importlib.metadata can read: it is used
        assert [(e.name, e.value, e.group) for e in plugins.entry_points(group)] == slow
    else:
        assert [(e.name, e.value, e.group) for e in fast] == slow


def test_entry_point_load_resolves_module_and_attribute():
    ep = plugins.EntryPoint("en", "okrlint.analysis.en:EnglishAnalyser", "okrlint.languages")
    from okrlint.analysis.en import EnglishAnalyser

    assert ep.load() is EnglishAnalyser
    assert plugins.EntryPoint("builtin", "okrlint.rules", "okrlint.rules").load().__name__ == "okrlint.rules"


def test_a_finder_with_its_own_distributions_falls_back(monkeypatch):
    class Finder:
        @staticmethod
        def find_spec(*a, **k):
            return None

        @staticmethod
        def find_distributions(*a, **k):
            return iter(())

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder])
    assert plugins._fast("okrlint.rules") is None
    assert [e.name for e in plugins.entry_points("okrlint.rules")] == [
        e.name for e in md.entry_points(group="okrlint.rules")
    ]


def test_a_malformed_entry_points_file_is_left_to_importlib(tmp_path, monkeypatch):
    dist = tmp_path / "broken_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "entry_points.txt").write_text("[okrlint.rules]\nno equals sign here\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert plugins._fast("okrlint.rules") is None


def test_a_plugin_distribution_on_sys_path_is_found_first(tmp_path, monkeypatch):
    dist = tmp_path / "okr_extra-0.1.dist-info"
    dist.mkdir()
    (dist / "entry_points.txt").write_text(
        "# comment\n[other]\nx = y\n\n[okrlint.rules]\nextra = okr_extra.rules\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    fast = [(e.name, e.value) for e in plugins._fast("okrlint.rules")]
    assert fast == [(e.name, e.value) for e in md.entry_points(group="okrlint.rules")]
    assert fast[0] == ("extra", "okr_extra.rules")


# -- compiled lexicons ----------------------------------------------------------------


def _analyses(languages=TEXTS):
    an = Analyzer()
    return {lang: [an.analyse(t, lang) for t in texts] for lang, texts in languages.items()}, an


def test_a_cached_lexicon_gives_the_same_analyses_and_state(tmp_path, monkeypatch):
    monkeypatch.setenv("OKRLINT_LEXICON_CACHE", "off")
    fresh, an_fresh = _analyses()
    monkeypatch.setenv("OKRLINT_LEXICON_CACHE", str(tmp_path))
    _analyses()  # writes the entries
    assert len(list(tmp_path.glob("*.bin"))) == len(TEXTS)
    cached, an_cached = _analyses()  # reads them
    assert cached == fresh
    for lang in TEXTS:
        a, b = an_fresh.analyser(lang), an_cached.analyser(lang)
        assert a.lexicon._patterns == b.lexicon._patterns
        assert a.lexicon.data == b.lexicon.data
        assert a.lexicon._by_lemma.keys() == b.lexicon._by_lemma.keys()


def test_a_corrupt_or_foreign_entry_is_ignored_and_rewritten(tmp_path, monkeypatch):
    monkeypatch.setenv("OKRLINT_LEXICON_CACHE", str(tmp_path))
    want, _ = _analyses({"en": TEXTS["en"]})
    entry = next(tmp_path.glob("*.bin"))
    for junk in (b"", b"\x00garbage", entry.read_bytes()[:100], __import__("marshal").dumps({"format": 999})):
        entry.write_bytes(junk)
        got, _ = _analyses({"en": TEXTS["en"]})
        assert got == want
        assert compiled.load(entry.stem) is not None  # rewritten


def test_a_changed_dependency_invalidates_an_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("OKRLINT_LEXICON_CACHE", str(tmp_path))
    _analyses({"en": TEXTS["en"]})
    entry = next(tmp_path.glob("*.bin"))
    assert compiled.load(entry.stem) is not None
    monkeypatch.setattr(compiled, "_unchanged", lambda deps: False)
    assert compiled.load(entry.stem) is None


def test_an_unwritable_cache_directory_means_no_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("OKRLINT_LEXICON_CACHE", str(blocker / "lexicons"))
    want, _ = _analyses({"en": TEXTS["en"]})
    monkeypatch.setenv("OKRLINT_LEXICON_CACHE", "off")
    assert _analyses({"en": TEXTS["en"]})[0] == want


def test_a_user_lexicon_folder_changes_the_key(tmp_path, monkeypatch):
    from okrlint.analysis.en import EnglishAnalyser
    from okrlint.analysis.lexicon import lexicon_sources

    monkeypatch.setenv("OKRLINT_LEXICON_CACHE", str(tmp_path / "cache"))
    extra = tmp_path / "lex"
    extra.mkdir()
    base = compiled.entry_key("en", EnglishAnalyser, lexicon_sources("en"))
    (extra / "en.yaml").write_text("concepts:\n  jargon: [synergy]\n", encoding="utf-8")
    with_extra = compiled.entry_key("en", EnglishAnalyser, lexicon_sources("en", [extra]))
    (extra / "en.yaml").write_text("concepts:\n  jargon: [synergy, leverage]\n", encoding="utf-8")
    changed = compiled.entry_key("en", EnglishAnalyser, lexicon_sources("en", [extra]))
    assert len({base, with_extra, changed}) == 3


def test_a_cache_hit_run_imports_no_importlib_metadata(tmp_path):
    """Entry points are read without importlib.metadata (it costs ~30 ms of every start)."""
    f = tmp_path / "team.okr.yaml"
    f.write_text(
        "objectives:\n  - title: Become the clinic patients recommend\n    key_results:\n"
        "      - Grow weekly active users from 2 000 to 3 500\n",
        encoding="utf-8",
    )
    code = (
        "import sys, runpy; sys.argv = ['okrlint', '--cache-dir', sys.argv[1], sys.argv[2]]\n"
        "try:\n    runpy.run_module('okrlint', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print('importlib.metadata' in sys.modules, file=sys.stderr)"
    )
    env = dict(os.environ, OKRLINT_LEXICON_CACHE=str(tmp_path / "lex"))
    for _ in range(2):  # the second run is all cache hits
        out = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path / "cache"), str(f)],
            check=False,
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
        )
    assert out.stderr.strip().splitlines()[-1] == "False", out.stderr


# -- per-file memory of the linter ----------------------------------------------------


def test_a_reused_linter_reads_each_text_in_its_own_language():
    """The spaCy component and API callers reuse one linter for text after text, each under
    the same document path: what the first text's document was must not decide the next's."""
    from okrlint.api import check_text, make_linter
    from okrlint.registry import load_rules

    linter = make_linter([r.meta.code for r in load_rules() if r.meta.reads_text], (), None)
    assert {d.language for d in check_text("Müşteri memnuniyetini artırmaya çalışmak", linter=linter)} == {"tr"}
    again = check_text("Improve onboarding", linter=linter)
    fresh = check_text("Improve onboarding")
    assert {d.language for d in again} == {"en"}
    assert [d.as_dict() for d in again] == [d.as_dict() for d in fresh]


# -- the store of analysed words --------------------------------------------------------


def test_stored_words_give_the_same_analyses_and_spare_the_morphology_libraries(tmp_path, monkeypatch):
    monkeypatch.setenv("OKRLINT_LEXICON_CACHE", "off")
    fresh, _ = _analyses()
    monkeypatch.setenv("OKRLINT_LEXICON_CACHE", str(tmp_path))
    _, an = _analyses()
    an.save_words()
    assert len(list(tmp_path.glob("*.words"))) == len(TEXTS)
    again, an_again = _analyses()
    assert again == fresh
    # Nothing new was learnt, so nothing is written again.
    before = {p: p.stat().st_mtime_ns for p in tmp_path.glob("*.words")}
    an_again.save_words()
    assert {p: p.stat().st_mtime_ns for p in tmp_path.glob("*.words")} == before


KNOWN_WORDS_PROBE = (
    "import sys, runpy; sys.argv = ['okrlint', '--no-cache', '--format', 'json', *sys.argv[1:]]\n"
    "try:\n    runpy.run_module('okrlint', run_name='__main__')\nexcept SystemExit:\n    pass\n"
    "print('pymorphy3' in sys.modules, 'morfeusz2' in sys.modules, file=sys.stderr)"
)
RU_PL = (
    "objectives:\n  - title: Стать лидером рынка\n    key_results:\n"
    "      - Увеличить органический трафик с 5 000 до 15 000 визитов в месяц\n"
    "  - title: Zostać liderem rynku\n    key_results:\n      - Poprawić jakość treści do 50 proc.\n"
)


def _libraries_loaded(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", KNOWN_WORDS_PROBE, *args], check=False, capture_output=True, text=True, env=env
    )


def test_a_run_of_known_words_loads_neither_pymorphy3_nor_morfeusz(tmp_path):
    f = tmp_path / "team.okr.yaml"
    f.write_text(RU_PL, encoding="utf-8")
    env = dict(os.environ, OKRLINT_LEXICON_CACHE=str(tmp_path / "lex"))
    runs = [_libraries_loaded([str(f)], env) for _ in range(2)]
    assert runs[0].stderr.split()[-2:] == ["True", "True"]  # the first run analyses every word
    assert runs[1].stderr.split()[-2:] == ["False", "False"], runs[1].stderr
    assert runs[1].stdout == runs[0].stdout


def test_parallel_workers_store_what_they_learnt(tmp_path):
    """A run in worker processes fills the word store too (each worker adds its words when it exits)."""
    teams = tmp_path / "teams"
    teams.mkdir()
    for i in range(24):
        (teams / f"t{i:02}.okr.yaml").write_text(RU_PL.replace("рынка", f"рынка {i}"), encoding="utf-8")
    env = dict(os.environ, OKRLINT_LEXICON_CACHE=str(tmp_path / "lex"))
    parallel = _libraries_loaded(["--jobs", "2", str(teams)], env)
    assert "Traceback" not in parallel.stderr, parallel.stderr
    assert list((tmp_path / "lex").glob("*.words"))
    single = _libraries_loaded(["--jobs", "1", str(teams / "t05.okr.yaml")], env)
    assert single.stderr.split()[-2:] == ["False", "False"], single.stderr


def test_a_corrupt_or_stale_word_store_is_ignored_and_rewritten(tmp_path, monkeypatch):
    monkeypatch.setenv("OKRLINT_LEXICON_CACHE", str(tmp_path))
    want, an = _analyses({"ru": TEXTS["ru"]})
    an.save_words()
    store = next(tmp_path.glob("*.words"))
    marshal = __import__("marshal")
    entry = marshal.loads(store.read_bytes())
    damaged = marshal.dumps({**entry, "tables": {"words": {"трафик": "not an analysis"}}})
    for junk in (b"", b"\x00garbage", store.read_bytes()[:100], marshal.dumps({"format": 999}), damaged):
        store.write_bytes(junk)
        got, an = _analyses({"ru": TEXTS["ru"]})
        assert got == want
        an.save_words()
        assert compiled.load_words(store.name.removesuffix(".words")) is not None  # rewritten
    monkeypatch.setattr(compiled, "_unchanged", lambda deps: False)  # pymorphy3 or its dictionary changed
    assert compiled.load_words(store.name.removesuffix(".words")) is None


def test_a_word_store_write_keeps_what_others_stored(tmp_path, monkeypatch):
    """Two writers (parallel workers, runs side by side) add up; the newer analysis of a word wins."""
    monkeypatch.setenv("OKRLINT_LEXICON_CACHE", str(tmp_path))
    key = "f" * 64
    compiled.store_words(key, {"_brev": {"proc": "procent", "tys": "tysiąc"}})
    compiled.store_words(key, {"_brev": {"mln": "milion", "tys": "tysięcy"}})
    assert compiled.load_words(key) == {"_brev": {"proc": "procent", "tys": "tysięcy", "mln": "milion"}}
