"""Round 39 (second lexicon pass): a noticed slip nets to mixed at most (the awareness weighs
no more than the slip it notices), the questions open on what the verdict sentence names,
and three curated phrases of withholding and co-optation."""

from __future__ import annotations

import pytest

from peerjournal.drift import load_lexicon, score_text
from peerjournal.drift.score import asked_dimensions, named_drift, reflective_questions

LEX = load_lexicon()


def test_awareness_weighs_no_more_than_the_slip_it_notices() -> None:
    """Was: "realised we had been" (1.5) over "diagnosis" (0.75) leaned peer (+0.33)."""
    score = score_text("I realised we had been treating him as a diagnosis.", LEX)
    assert score.verdict == "mixed"
    assert score.weights["worldview.self_noticing"] == score.weights["focus.deficit_words"]
    assert score.balance == pytest.approx(0.0)


def test_a_heavier_slip_keeps_the_awareness_weight() -> None:
    score = score_text("I caught myself telling him what to do.", LEX)
    assert score.weights["worldview.self_noticing"] == LEX.marker("worldview.self_noticing").weight
    assert score.verdict == "mixed"


def test_awareness_without_a_slip_is_no_hit() -> None:
    score = score_text("I noticed I was hungry after the group, so I had some soup.", LEX)
    assert all(h.marker != "worldview.self_noticing" for h in score.hits)


def test_questions_open_on_the_named_dimension() -> None:
    """Self-doubt leads, but the clinical language beside it is more than negligible: the
    sentence says clinical, and so does the first question (was: a self-doubt question)."""
    text = (
        "I felt like a fraud all day, a total failure, useless and out of my depth. "
        "He was kicking off again."
    )
    score = score_text(text, LEX)
    assert score.verdict == "drift"
    assert asked_dimensions(score)[0] == "self_worth"
    assert named_drift(score) == ["clinical_language"]
    assert reflective_questions(score, LEX)[0] in LEX.questions["clinical_language"]


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("dont bring my own stuff up anymore. feels unprofessional.", "story.withheld"),
        ("Went through the no-show list this morning.", "co_optation.compliance_monitor"),
        ("I called everybody who missed their eye exam.", "co_optation.compliance_monitor"),
        ("Told him clients aren't allowed behind the counter.", "co_optation.messenger_extension"),
    ],
)
def test_withholding_and_co_optation_phrases(text: str, marker: str) -> None:
    assert any(h.marker == marker and h.counted for h in score_text(text, LEX).hits)


def test_sharing_my_story_is_not_withholding() -> None:
    hits = score_text("I brought my own story up and she opened right up.", LEX).hits
    assert not any(h.marker == "story.withheld" and h.counted for h in hits)
