"""pl analyser (placeholder until the language is built)."""

from .base import Analyser


class PolishAnalyser(Analyser):
    language = "pl"
