"""ru analyser (placeholder until the language is built)."""

from .base import Analyser


class RussianAnalyser(Analyser):
    language = "ru"
