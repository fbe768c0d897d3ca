"""Round 40 (drift, review fixes): misreadings introduced this round.

- "I'm the one who knows what it's like …" is lived experience; only "knows best / better /
  it all" instructs.
- "She'd got it wrong about me." is no correcting of others' work; that needs the writer
  showing them ("I showed her she'd filled it all wrong").
- "borderline" with no person subject ("Her benefits claim was really borderline") is no label.
- "read it back" notices a slip only when the writer reads it back, not aloud to someone, not
  someone else, and not when they stand by it.
- "gonna / wanna be honest" opens a telling as "going to be honest" does: no plan.
- Teaching a chosen skill ("teaching people to cook") is no instructing; reminding the team of
  a plan the person wrote is no coercion.
"""

from __future__ import annotations

import pytest

from peerjournal.drift import Hit, Lexicon, load_lexicon, score_text
from peerjournal.drift.score import DriftScore

MEDS = "I told him he should take his meds."


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _curated(score: DriftScore) -> list[Hit]:
    return [h for h in score.hits if not h.marker.startswith("learned.")]


def _markers(text: str, lexicon: Lexicon) -> set[str]:
    return {h.marker for h in _curated(score_text(text, lexicon))}


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("I'm the one who knows what it's like to be sectioned.", "mutuality.instruct"),
        ("I'm the one who knows how hard the first week is.", "mutuality.instruct"),
        ("She'd got it wrong about me.", "mutuality.instruct"),
        ("Her benefits claim was really borderline.", "clinical_language.labels"),
        ("I love teaching people to cook at the group.", "mutuality.instruct"),
        (
            "I reminded the team that we need to stick to the plan she wrote herself.",
            "co_optation.coercion_risk",
        ),
    ],
)
def test_misreadings_are_gone(text: str, marker: str, lexicon: Lexicon) -> None:
    assert marker not in _markers(text, lexicon)
    assert score_text(text, lexicon).verdict != "drift"


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("Honestly I'm the one who knows best here.", "mutuality.instruct"),
        ("I showed her she'd filled it all wrong.", "mutuality.instruct"),
        ("He's so borderline, I said to the team.", "clinical_language.labels"),
        ("Love being able to educate people about their illness.", "mutuality.instruct"),
        ("I love teaching people the right way to do their forms.", "mutuality.instruct"),
        (
            "I reminded the team that we need to stick to the rules with him.",
            "co_optation.coercion_risk",
        ),
    ],
)
def test_the_real_senses_stay(text: str, marker: str, lexicon: Lexicon) -> None:
    assert marker in _markers(text, lexicon)


@pytest.mark.parametrize(
    "later",
    [
        "He read it back to me.",
        "Reading it back, I stand by it.",
        "I read it back to him twice.",
        "She was reading it back to me.",
    ],
)
def test_read_back_by_others_or_stood_by_notices_nothing(later: str, lexicon: Lexicon) -> None:
    score = score_text(f"{MEDS} {later}", lexicon)
    assert not any(h.self_noticed for h in _curated(score)), score.hits
    assert score.verdict == "drift"


@pytest.mark.parametrize(
    "later",
    [
        "Reading it back, I cringed.",
        "I read it back and winced.",
        "I read it back to myself and cringed.",
        "Reading it back, not my words.",
    ],
)
def test_the_writer_reading_it_back_notices(later: str, lexicon: Lexicon) -> None:
    score = score_text(f"{MEDS} {later}", lexicon)
    advice = next(h for h in _curated(score) if h.dimension == "advice")
    assert advice.self_noticed, advice


@pytest.mark.parametrize(
    "opening",
    ["im gonna be honest", "i'm gonna be honest", "i wanna be honest", "i'm going to be honest"],
)
def test_gonna_be_honest_is_like_going_to(opening: str, lexicon: Lexicon) -> None:
    score = score_text(f"{opening} i told him he needed rehab", lexicon)
    advice = next(h for h in _curated(score) if h.dimension == "advice")
    assert advice.counted and not advice.hypothetical, advice
    assert score.verdict == "drift"


def test_a_plan_to_be_honest_with_someone_stays_a_plan(lexicon: Lexicon) -> None:
    score = score_text("im gonna be honest with him and tell him he needs rehab", lexicon)
    assert all(h.hypothetical for h in _curated(score) if h.polarity == "drift"), score.hits
