"""Lexicon files load cleanly, and a word YAML turns into a boolean is caught."""

from __future__ import annotations

import pytest

from okrlint.analysis.lexicon import LexiconError, load_lexicon


@pytest.mark.parametrize("language", ["uz", "ru", "pl", "tr", "en"])
def test_shipped_lexicons_load(language):
    lx = load_lexicon(language)
    assert lx.concepts["hedging"], "every language names its hedges"


def test_an_unquoted_no_in_a_word_list_is_an_error(tmp_path):
    (tmp_path / "en.yaml").write_text("numbers:\n  rank_before: [top, no]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="numbers.rank_before.*quote it"):
        load_lexicon("en", [tmp_path])
