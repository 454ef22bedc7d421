"""An optional spaCy pipeline component: okrlint's analysis and text rules on a ``Doc``.

Install with ``pip install 'okrlint[spacy]'`` and add it to any pipeline::

    nlp = spacy.blank("ru")
    nlp.add_pipe("okrlint", config={"kind": "key_result"})
    doc = nlp("Попробуем запустить новый сайт")
    doc._.okr_findings        # [{"code": "OKR102", "name": "hedging-verb", ...}, ...]
    [s._.okr_code for s in doc.spans["okrlint"]]
    [t._.okr_lemma for t in doc]

The factory is registered through spaCy's ``spacy_factories`` entry point, so
``nlp.add_pipe("okrlint")`` works without importing okrlint first. okrlint
does its own analysis (spaCy's blank pipelines have no tagger offline); the
component maps it onto spaCy's tokens by character offsets.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .api import check_text, make_linter
from .registry import load_rules

SPAN_KEY = "okrlint"
_SUPPORTED = ("uz", "ru", "pl", "tr", "en")


def _register_extensions() -> None:
    if not Doc.has_extension("okr_findings"):
        Doc.set_extension("okr_findings", default=None)
        Doc.set_extension("okr_language", default=None)
        Span.set_extension("okr_code", default=None)
        Span.set_extension("okr_message", default=None)
        Token.set_extension("okr_lemma", default=None)
        Token.set_extension("okr_pos", default=None)


class OkrlintComponent:
    def __init__(self, nlp: Language, name: str, kind: str, language: str | None, select: list[str] | None):
        if kind not in ("key_result", "objective"):
            raise ValueError(f"okrlint component: kind must be 'key_result' or 'objective', not {kind!r}")
        _register_extensions()
        self.kind = kind
        lang = language or (nlp.lang if nlp.lang in _SUPPORTED else None)
        self.language = lang
        codes = select or [r.meta.code for r in load_rules() if r.meta.reads_text]
        self.linter = make_linter(codes, (), lang)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        lang = self.language or self.linter.language_of(text, None)
        doc._.okr_language = lang
        diags = check_text(text, self.kind, linter=self.linter)
        doc._.okr_findings = [d.as_dict() for d in diags]
        spans = []
        for d in diags:
            span = doc.char_span(d.column - 1, d.end_column - 1, label=d.code, alignment_mode="expand")
            if span is not None:
                span._.okr_code = d.code
                span._.okr_message = d.message
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        if lang is not None:
            analysis = self.linter.analyzer.analyse(text, lang)
            by_start = {t.start: t for t in analysis.tokens}
            for tok in doc:
                ours = by_start.get(tok.idx)
                if ours is not None:
                    tok._.okr_lemma = ours.lemma
                    tok._.okr_pos = ours.pos
        return doc


@Language.factory("okrlint", default_config={"kind": "key_result", "language": None, "select": None})
def create_okrlint_component(nlp: Language, name: str, kind: str, language: Any, select: Any) -> OkrlintComponent:
    return OkrlintComponent(nlp, name, kind, language, select)
