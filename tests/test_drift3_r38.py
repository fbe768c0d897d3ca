"""Round 38 (drift3, QA findings 5, 6, 7 of qa_changes2): noticing counts only when a slip is
noticed ("I noticed I was hungry" is no practice); "I wonder if" makes only the writer's guess
at what someone is a label of theirs, not what someone will do, does or was told; a clause
the writer sees, hears or thinks, with its own subject, is that subject's deed ("At handover
I could see staff telling him …", "I think the nurse told him …")."""

from __future__ import annotations

import pytest

from peerjournal.drift import Lexicon, load_lexicon, score_text
from peerjournal.drift.matcher import AWARENESS_MARKERS
from peerjournal.drift.score import DriftScore


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _awareness(score: DriftScore) -> list[str]:
    return [h.text for h in score.hits if h.marker in AWARENESS_MARKERS]


def _drift(score: DriftScore) -> list[tuple[str, bool, bool, bool]]:
    """(text, counted, attributed, hypothetical) of the curated drift hits."""
    return [
        (h.text, h.counted, h.attributed, h.hypothetical)
        for h in score.hits
        if h.polarity == "drift" and not h.marker.startswith("learned.")
    ]


# -- 5. noticing earns the awareness only where a slip is noticed -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Long day. I noticed I was tired and realised I was hungry, so I went home early and had "
        "some soup with my partner.",
        "I noticed I was hungry.",
        "I realised I was late for the bus.",
        "I noticed we were out of milk at the hub.",
        "I found myself smiling when she laughed.",
        "I noticed I was scrolling my phone a lot tonight and realised I had been avoiding the "
        "washing up again.",
    ],
)
def test_noticing_no_practice_is_no_evidence(text: str, lexicon: Lexicon) -> None:
    score = score_text(text, lexicon)
    assert _awareness(score) == []
    assert score.verdict == "insufficient"
    assert score.dimensions["worldview"]["identity"] == 0


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("I caught myself giving advice again and stopped.", "giving advice"),
        ("Found myself telling him what to do.", "telling him what to do"),
        ("I noticed I was tired and realised I was lecturing him.", "lecturing"),
    ],
)
def test_noticing_a_slip_earns_one_awareness(text: str, slip: str, lexicon: Lexicon) -> None:
    score = score_text(text, lexicon)
    noticed = [h for h in score.hits if h.text == slip]
    assert noticed and noticed[0].self_noticed and noticed[0].counted
    assert len(_awareness(score)) == 1  # the nearest noticing before the slip, once
    assert score.dimensions["worldview"]["identity"] > 0


def test_a_slip_in_another_sentence_or_someone_elses_earns_nothing(lexicon: Lexicon) -> None:
    later = score_text("I found myself smiling. Then I told him he should take his meds.", lexicon)
    assert _awareness(later) == [] and later.verdict == "drift"
    theirs = score_text("I realised I was wrong: the nurse told him he should take his meds.",
                        lexicon)
    assert _awareness(theirs) == []
    negated = score_text("I realised I hadn't told him what to do.", lexicon)
    assert _awareness(negated) == []


# -- 6. "I wonder if" -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I wonder if the team will tell him he needs to take his meds.",
        "I wonder if calling him non-compliant helps anyone.",
        "I wonder if he was told he is psychotic before.",
        "I wonder if he should take his meds.",
        "I wonder if she feels people see her as manipulative.",
        "I wondered whether the team would tell him he should take his meds.",
        "I wonder if calling him manipulative is fair.",
    ],
)
def test_wondering_what_someone_will_do_or_was_told_stays_hypothetical(
    text: str, lexicon: Lexicon
) -> None:
    score = score_text(text, lexicon)
    hits = _drift(score)
    assert hits and all(hyp and not counted for _, counted, _, hyp in hits), hits
    assert score.verdict == "insufficient"


@pytest.mark.parametrize(
    "text",
    ["I wonder if he is psychotic.", "I wonder if he's psychotic.", "I wonder if he has BPD.",
     "I wondered whether she was manic.", "I'm wondering if she is manic."],
)
def test_wondering_what_someone_is_is_the_writers_label(text: str, lexicon: Lexicon) -> None:
    hits = _drift(score_text(text, lexicon))
    assert hits and all(counted for _, counted, _, _ in hits), hits


# -- 7. a clause the writer perceives, with its own subject -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "At handover I could see staff telling him he needs to comply.",
        "At handover I think the nurse told him he needs to take his meds.",
        "In the review I watched the doctor tell him he should take his meds.",
        "I think the nurse told him he needs to take his meds.",
        "I saw the nurse tell him he should take his meds.",
        "I heard the nurse telling him he needs to comply.",
        "I could see Sam telling him he should take his meds.",
    ],
)
def test_a_perceived_clause_is_its_subjects_deed(text: str, lexicon: Lexicon) -> None:
    score = score_text(text, lexicon)
    hits = _drift(score)
    assert hits and all(attributed and not counted for _, counted, attributed, _ in hits), hits
    assert score.verdict != "drift"


@pytest.mark.parametrize(
    "text",
    [
        "At handover I told him he needs to take his medication and stick to the care plan.",
        "At handover I had the nurse tell him he should take his meds.",  # the writer's doing
        "I made the nurse tell him he should take his meds.",
        "I heard myself telling him he should take his meds.",
        "I sat with the nurse telling him he should take his meds.",
    ],
)
def test_the_writers_own_deed_stays_theirs(text: str, lexicon: Lexicon) -> None:
    score = score_text(text, lexicon)
    hits = _drift(score)
    assert hits and all(counted for _, counted, _, _ in hits), hits
    assert score.verdict == "drift"


def test_a_label_the_writer_says_is_theirs(lexicon: Lexicon) -> None:
    """A state is no deed: "I'd say he's deteriorating" is the writer's word."""
    hits = _drift(score_text("Bongani came on looking flat, I'd say he's deteriorating.", lexicon))
    assert ("deteriorating", True, False, False) in hits
