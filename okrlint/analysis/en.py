"""English analyser (placeholder until the language is built)."""

from .base import Analyser


class EnglishAnalyser(Analyser):
    language = "en"
