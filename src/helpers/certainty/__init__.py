"""Certainty: is each sentence's claim asserted, hedged or rumour, and does it report a denial? See ``rules``."""

from .rules import LEVELS, Certainty, Cue, classify

__all__ = ["LEVELS", "Certainty", "Cue", "classify"]
