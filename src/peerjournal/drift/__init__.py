"""Peer identity vs peer drift: a lexicon of markers, a matcher and an explainable score.

Stdlib only (re, tomllib, hashlib, dataclasses), so importing it is cheap.

    >>> from peerjournal.drift import score_text
    >>> score_text("I shared my own recovery story and we learned from each other.").verdict
    'identity'
"""

from peerjournal.drift.lexicon import DIMENSIONS, Lexicon, LexiconError, Marker, load_lexicon
from peerjournal.drift.matcher import Hit
from peerjournal.drift.score import (
    DriftScore,
    iter_score_many,
    reflective_questions,
    score_many,
    score_text,
)

__all__ = [
    "DIMENSIONS",
    "DriftScore",
    "Hit",
    "Lexicon",
    "LexiconError",
    "Marker",
    "iter_score_many",
    "load_lexicon",
    "reflective_questions",
    "score_many",
    "score_text",
]
