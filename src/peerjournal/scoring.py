"""Drift scores for entries: what is scored, and the values the store keeps."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from peerjournal.db.store import Drift, StoredDrift
from peerjournal.entry import scored_text

if TYPE_CHECKING:
    from peerjournal.drift import DriftScore, Lexicon
    from peerjournal.entry import EntryDraft


def _drift(score: DriftScore) -> Drift:
    from peerjournal.drift.lexicon import scorer_version

    version = scorer_version()
    # [marker, dimension, polarity, times], and `true` after them for a flipped marker's
    # (db.stats reads a list without it, as stored before, as not negated)
    markers = [
        (marker, dimension, polarity, times, *((True,) if negated else ()))
        for (marker, dimension, polarity, negated), times in score.counted_markers().items()
    ]
    figures = score.figures()  # (once: its JSON starts with them)
    return Drift(
        score.verdict, figures, score.lexicon_version, version, score.to_json(figures), markers
    )


def _stored(score: DriftScore) -> StoredDrift:
    return _drift(score).stored()


def draft_text(draft: EntryDraft) -> str:
    """The text scored for an entry: the three elements and the answers (what `drift ID`
    highlights)."""
    return scored_text(draft.experience, draft.feelings, draft.evaluation, draft.answers)


def score_draft(draft: EntryDraft, lexicon: Lexicon) -> Drift:
    from peerjournal.drift import score_text

    return _drift(score_text(draft_text(draft), lexicon))


def score_for_store(
    texts: Sequence[str], lexicon: Lexicon, progress: Callable[[int], None] | None = None
) -> Iterator[StoredDrift]:
    """Scores of many texts, serialised for the store, in order as they are ready.

    Scored in parallel processes when it pays, so the store can insert early results while
    later ones are being scored.
    """
    from peerjournal.drift import iter_score_many

    return iter_score_many(texts, lexicon, convert=_stored, progress=progress)
