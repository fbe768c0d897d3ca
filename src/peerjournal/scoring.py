"""Drift scores for entries: what is scored, and the value the store keeps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from peerjournal.db.store import Drift, scored_text

if TYPE_CHECKING:
    from peerjournal.drift import Lexicon
    from peerjournal.entry import EntryDraft


def score_text_for_store(text: str, lexicon: Lexicon) -> Drift:
    from peerjournal.drift import score_text

    score = score_text(text, lexicon)
    return Drift(score.verdict, score.to_dict(), lexicon.version)


def score_draft(draft: EntryDraft, lexicon: Lexicon) -> Drift:
    """Score the three elements of an entry (the same text `drift ID` highlights)."""
    return score_text_for_store(
        scored_text(draft.experience, draft.feelings, draft.evaluation), lexicon
    )
