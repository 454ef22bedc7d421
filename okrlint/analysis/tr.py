"""tr analyser (placeholder until the language is built)."""

from .base import Analyser


class TurkishAnalyser(Analyser):
    language = "tr"
