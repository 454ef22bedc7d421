"""Run rules over loaded files and turn their findings into diagnostics.

The engine owns what no single rule should: which rules run on which element,
language resolution per text, the shared analysis cache, severities and
options from the configuration, yielding (OKR105 yields to OKR101/OKR104/OKR310),
inline suppressions and sorting.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .analysis import Analyzer
from .analysis.types import Analysis
from .config import Config, Selection
from .model import Document, Element, Objective, SourceFile, Span, Text
from .registry import LoadedRule, RuleSet
from .rule import Diagnostic, Finding, Severity

_UNKNOWN = object()


class Context:
    """What a rule's ``check`` may read besides its element."""

    def __init__(
        self,
        linter: Linter,
        rule: LoadedRule,
        source: SourceFile | None,
        document: Document | None = None,
        objective: Objective | None = None,
        files: tuple[SourceFile, ...] = (),
    ):
        self._linter = linter
        self.rule = rule.meta
        self.options: dict[str, Any] = linter.selection.options.get(rule.meta.code, {})
        self.source = source
        self.document = document
        self.objective = objective
        self.files = files  # for PROJECT rules: every linted file

    @property
    def config(self) -> Config:
        return self._linter.config

    @property
    def rules(self) -> RuleSet:
        return self._linter.rules

    def language_of(self, text: Text | str | None, document: Document | None = None) -> str | None:
        if text is None:
            return None
        return self._linter.language_of(str(text), document or self.document)

    def analyse(self, text: Text | None, document: Document | None = None) -> Analysis | None:
        """The shared analysis of ``text`` in its language, or None if the language is unknown."""
        if text is None:
            return None
        return self._linter.analysis_of(text, document or self.document)

    def lexicon(self, language: str):
        return self._linter.analyzer.lexicon(language)

    def finding(self, span: Span, message: str, suggestion: str = "", **kw: Any) -> Finding:
        return Finding(span, message, suggestion, **kw)

    def suggestion(self, an: Analysis, concept: str, default: str = "") -> str:
        """The lexicon's stronger form for ``concept`` in the text's language."""
        if an.language is None:
            return default
        found = self.lexicon(an.language).suggestion(concept)
        if found:
            # Remember it came from the text's lexicon, so messages in another language use their own.
            self._linter.lexicon_suggestions[found] = default
        return found or default

    @staticmethod
    def at(text: Text, part: Any) -> tuple[Span, str]:
        """The source span and the words of a match, quantity or change inside ``text``."""
        return text.span_of(part.start, part.end), text.value[part.start : part.end]


@dataclass
class _Where:
    element: Element
    objective_index: int | None = None
    key_result_index: int | None = None


class Linter:
    def __init__(
        self,
        rules: RuleSet,
        config: Config,
        selection: Selection,
        analyzer: Analyzer,
        language: str | None = None,
        *,
        message_language: str | None = None,
        report_unused_disables: bool = False,
    ):
        self.rules = rules
        self.config = config
        self.selection = selection
        self.analyzer = analyzer
        self.forced_language = language if language and language != "auto" else None
        self.message_language = message_language or config.message_language or "en"
        self.report_unused_disables = report_unused_disables
        self.lexicon_suggestions: dict[str, str] = {}  # lexicon suggestion -> the rule's English default
        self._detected: dict[tuple[str, str | None], str | None] = {}
        self._languages: dict[tuple[str, str | None, int | None], str | None] = {}
        self._analyses: dict[tuple[str, str | None, int | None], Analysis | None] = {}
        self._doc_language: dict[tuple[str, int], str | None] = {}
        self._analysis_errors: dict[tuple[str, str], Finding] = {}
        # Rules that must run: the enabled ones, plus hidden ones others yield to.
        enabled = set(selection.enabled)
        needed = set(enabled)
        for code in enabled:
            needed.update(c for c in rules.by_code[code].meta.yields_to if c in rules.by_code)
        self._needed = needed
        self._by_element: dict[Element, list[LoadedRule]] = {}
        for r in rules:
            if r.meta.code in needed:
                for el in r.meta.elements:
                    self._by_element.setdefault(el, []).append(r)

    # -- language -----------------------------------------------------------
    def language_of(self, text: str, document: Document | None) -> str | None:
        # Every rule asks for every text: the answer is remembered per text and document.
        key = (text, document.path, document.index) if document is not None else (text, None, None)
        hit = self._languages.get(key, _UNKNOWN)
        if hit is _UNKNOWN:
            hit = self._languages[key] = self._language_of(text, document)
        return hit

    def _language_of(self, text: str, document: Document | None) -> str | None:
        if self.forced_language:
            return self.forced_language
        if document is not None:
            declared = document.get("language")
            if isinstance(declared, str) and declared in self.analyzer.languages:
                return declared
        if self.config.language != "auto":
            return self.config.language
        # Each text is detected on its own, leaning on the document's language when
        # its own evidence is weak ("Synergy" in a Turkish file is Turkish).
        default = self._document_language(document) if document is not None else None
        key = (text, default)
        if key not in self._detected:
            self._detected[key] = self.analyzer.detect(text, default)
        return self._detected[key]

    def _document_language(self, document: Document) -> str | None:
        key = (document.path, document.index)
        if key not in self._doc_language:
            titles = [o.title.value for o in document.objectives if o.title is not None]
            titles += [k.title.value for o in document.objectives for k in o.key_results if k.title is not None]
            self._doc_language[key] = self.analyzer.detect_document(titles)
        return self._doc_language[key]

    def analysis_of(self, text: Text, document: Document | None) -> Analysis | None:
        """The analysis of ``text`` in its language (None when unknown), remembered per text and
        document while a file is linted: every text-reading rule asks for it."""
        value = text.value
        key = (value, document.path, document.index) if document is not None else (value, None, None)
        hit = self._analyses.get(key, _UNKNOWN)
        if hit is _UNKNOWN:
            lang = self.language_of(value, document)
            hit = self._analyses[key] = None if lang is None else self.analyse(text, lang)
        return hit

    def analyse(self, text: Text, language: str) -> Analysis | None:
        """Analyse once; an analyser crash is reported once per text, not once per rule."""
        try:
            return self.analyzer.analyse(text.value, language)
        except Exception as exc:  # noqa: BLE001
            key = (language, text.value)
            if key not in self._analysis_errors:
                self._analysis_errors[key] = Finding(
                    text.span,
                    f"internal error while analysing this text as '{language}' "
                    f"({type(exc).__name__}: {exc}); please report it",
                    severity=Severity.ERROR,
                )
            return None

    # -- running ------------------------------------------------------------
    def lint(self, source: SourceFile) -> list[Diagnostic]:
        out: list[Diagnostic] = []
        for rule in self._by_element.get(Element.FILE, ()):
            ctx = Context(self, rule, source)
            out.extend(self._emit(rule, ctx, source, _Where(Element.FILE), source))
        for doc in source.documents:
            out.extend(self._lint_document(source, doc))
        if self._analysis_errors:
            internal = self.rules.by_code.get("OKR000")
            for f in self._analysis_errors.values():
                if internal is not None:
                    out.append(self._diagnostic(internal, f, source.path, _Where(Element.FILE), None))
            self._analysis_errors.clear()
        # A file's analyses serve its own rules only (no cross-file rule reads text): keeping every
        # file's would hold a large run's tokens in memory for nothing. What was learnt of its
        # documents' languages goes too: a linter that is reused for text after text (the API,
        # the spaCy component) sees another document under the same path each time.
        self.analyzer.forget_analyses()
        self._languages.clear()
        self._analyses.clear()
        self._doc_language.clear()
        return self._finish(self._suppress(source, out))

    def _suppress(self, source: SourceFile, diags: list[Diagnostic]) -> list[Diagnostic]:
        """Drop what inline comments silence; report unused ones (OKR004) when asked."""
        if not source.comments:
            return diags
        from . import suppress

        directives, _ = suppress.parse(source, self.rules)
        kept = suppress.apply(diags, directives, frozenset({"OKR003"}))
        unused_rule = self.rules.by_code.get("OKR004")
        if self.report_unused_disables and unused_rule is not None and "OKR004" in self.selection.enabled:
            report = suppress.SuppressionReport(source, suppress.unused(directives))
            ctx = Context(self, unused_rule, source)
            kept.extend(self._emit(unused_rule, ctx, report, _Where(Element.FILE), source))
        return kept

    def lint_project(self, sources: tuple[SourceFile, ...]) -> list[Diagnostic]:
        """The findings of the cross-file (PROJECT) rules over every linted file."""
        return self._lint_project(sources)[0]

    def finish_project(
        self, sources: tuple[SourceFile, ...], file_diagnostics: Iterable[Diagnostic]
    ) -> list[Diagnostic]:
        """A whole run: the per-file diagnostics plus the cross-file ones, sorted.

        The per-file pass judges a suppression unused (OKR004) before the cross-file rules have run; one
        that silenced a cross-file finding was used after all, so its OKR004 is dropped here.
        """
        project, used = self._lint_project(sources)
        kept = [d for d in file_diagnostics if d.code != "OKR004" or (d.path, d.line, d.column) not in used]
        return sorted([*kept, *project], key=Diagnostic.sort_key)

    def _lint_project(self, sources: tuple[SourceFile, ...]) -> tuple[list[Diagnostic], set[tuple[str, int, int]]]:
        out: list[Diagnostic] = []
        by_path = {s.path: s for s in sources}
        for rule in self._by_element.get(Element.PROJECT, ()):
            ctx = Context(self, rule, None, files=sources)
            for f in _safe_check(rule, sources, ctx):
                where = _Where(f.element or Element.DOCUMENT, f.objective_index, f.key_result_index)
                about = f.language or (self._file_language(by_path[f.path]) if f.path in by_path else None)
                out.append(self._diagnostic(rule, f, f.path or "", where, f.language, about))
        kept, used = self._suppress_project(sources, out)
        return self._finish(kept), used

    def _suppress_project(
        self, sources: tuple[SourceFile, ...], diags: list[Diagnostic]
    ) -> tuple[list[Diagnostic], set[tuple[str, int, int]]]:
        """Inline comments silence cross-file findings too, in the file each finding points into.

        Also returns where the selectors that silenced something are ((path, line, column), as OKR004 points).
        """
        commented = {s.path: s for s in sources if s.comments}
        if not commented or not diags:
            return diags, set()
        from . import suppress

        kept = [d for d in diags if d.path not in commented]
        used: set[tuple[str, int, int]] = set()
        for path, source in commented.items():
            mine = [d for d in diags if d.path == path]
            if mine:
                directives, _ = suppress.parse(source, self.rules)
                kept.extend(suppress.apply(mine, directives, frozenset({"OKR003"})))
                used.update(
                    (path, s.span.line, s.span.column) for d in directives for s in d.selectors if s.text in d.used
                )
        return kept, used

    def _lint_document(self, source: SourceFile, doc: Document) -> Iterator[Diagnostic]:
        for rule in self._by_element.get(Element.DOCUMENT, ()):
            ctx = Context(self, rule, source, doc)
            yield from self._emit(rule, ctx, doc, _Where(Element.DOCUMENT), source)
        obj_rules = self._by_element.get(Element.OBJECTIVE, ())
        kr_rules = self._by_element.get(Element.KEY_RESULT, ())
        for obj in doc.objectives:
            found: dict[str, list[Diagnostic]] = {}
            where = _Where(Element.OBJECTIVE, obj.index)
            for rule in obj_rules:
                ctx = Context(self, rule, source, doc, obj)
                found[rule.meta.code] = self._emit_list(rule, ctx, obj, where, source, obj.title)
            yield from self._resolve_yields(found)
            # A key result's context is its objective's: one per rule serves all its key results.
            contexts = [(rule, Context(self, rule, source, doc, obj)) for rule in kr_rules]
            for kr in obj.key_results:
                found = {}
                where = _Where(Element.KEY_RESULT, obj.index, kr.index)
                for rule, ctx in contexts:
                    found[rule.meta.code] = self._emit_list(rule, ctx, kr, where, source, kr.title)
                yield from self._resolve_yields(found)

    def _resolve_yields(self, found: dict[str, list[Diagnostic]]) -> Iterator[Diagnostic]:
        for code, diags in found.items():
            if not diags or code not in self.selection.enabled:
                continue
            meta = self.rules.by_code[code].meta
            if any(found.get(other) for other in meta.yields_to):
                continue
            yield from diags

    def _emit(
        self, rule: LoadedRule, ctx: Context, element: Any, where: _Where, source: SourceFile, text: Text | None = None
    ) -> Iterator[Diagnostic]:
        for f in _safe_check(rule, element, ctx):
            yield self._diagnostic_of(rule, ctx, f, where, source, text)

    def _emit_list(
        self, rule: LoadedRule, ctx: Context, element: Any, where: _Where, source: SourceFile, text: Text | None
    ) -> list[Diagnostic]:
        """``list(self._emit(...))``, in the same order (each finding becomes a diagnostic before the
        rule goes on), with no generator between the rule and the engine: most checks find nothing,
        and a plain ``for`` ends a rule's generator without raising StopIteration."""
        out: list[Diagnostic] = []
        converting = False
        try:
            for f in rule.check(element, ctx):
                converting = True
                out.append(self._diagnostic_of(rule, ctx, f, where, source, text))
                converting = False
        except Exception as exc:  # noqa: BLE001 - a crashing rule becomes one diagnostic
            if converting:
                raise
            out.append(self._diagnostic_of(rule, ctx, _crash(rule, element, exc), where, source, text))
        return out

    def _diagnostic_of(
        self, rule: LoadedRule, ctx: Context, f: Finding, where: _Where, source: SourceFile, text: Text | None
    ) -> Diagnostic:
        lang = f.language
        if lang is None and rule.meta.reads_text and text is not None:
            lang = ctx.language_of(text)
        about = lang or (ctx.language_of(text) if text is not None else None) or self._file_language(source)
        return self._diagnostic(rule, f, source.path, where, lang, about)

    def _file_language(self, source: SourceFile) -> str | None:
        """The language a file's messages speak under ``auto`` when a finding is about no one text."""
        for doc in source.documents:
            declared = doc.get("language")
            if isinstance(declared, str) and declared in self.analyzer.languages:
                return declared
            for obj in doc.objectives:
                for text in (obj.title, *(kr.title for kr in obj.key_results)):
                    if text is not None and (found := self.language_of(text.value, doc)):
                        return found
        return None

    def _diagnostic(
        self, rule: LoadedRule, f: Finding, path: str, where: _Where, lang: str | None, about: str | None = None
    ) -> Diagnostic:
        meta = rule.meta
        severity = self.selection.severities.get(meta.code) or f.severity or meta.severity
        s = f.span
        message, suggestion = self._translate(meta.code, f, lang, about or lang)
        return Diagnostic(
            path,
            s.line,
            s.column,
            s.end_line,
            s.end_column,
            meta.code,
            meta.name,
            Severity(severity),
            message,
            suggestion,
            lang,
            where.element.value,
            where.objective_index,
            where.key_result_index,
        )

    def _translate(self, code: str, f: Finding, lang: str | None, about: str | None) -> tuple[str, str]:
        from .messages import translate

        target = (about or "en") if self.message_language == "auto" else self.message_language
        return translate(code, f, target, text_language=lang, lexicon_defaults=self.lexicon_suggestions)

    def _finish(self, diags: Iterable[Diagnostic]) -> list[Diagnostic]:
        return sorted((d for d in diags if d.code in self.selection.enabled), key=Diagnostic.sort_key)


def _crash(rule: LoadedRule, element: Any, exc: Exception) -> Finding:
    span = getattr(element, "span", None) or Span.point(1, 1)
    if not isinstance(span, Span):
        span = Span.point(1, 1)
    return Finding(
        span,
        f"internal error in rule {rule.meta.code} ({type(exc).__name__}: {exc}); please report it",
        severity=Severity.ERROR,
    )


def _safe_check(rule: LoadedRule, element: Any, ctx: Context) -> Iterator[Finding]:
    """Run a rule; a crashing rule becomes one diagnostic, never a traceback for the user."""
    try:
        yield from rule.check(element, ctx)
    except Exception as exc:  # noqa: BLE001
        yield _crash(rule, element, exc)
