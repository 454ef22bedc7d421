"""uz analyser (placeholder until the language is built)."""

from .base import Analyser


class UzbekAnalyser(Analyser):
    language = "uz"
