"""Round 40 (drift): slips with no "I", coordination under "without", speakers after places.

- A slip with no "I" ("Without thinking, told her …", "Before I could stop myself told
  him …") counts as a noticed slip, as "Without thinking I told her …" does; only a slip's
  manner (without thinking / realising / noticing / meaning to / a second thought) is one:
  "Without judging or telling her what to do, I listened" leaves the telling undone.
- A lower-case name ending -ed or -ing ("ahmed said", "ming told him") is a speaker opening
  its sentence, unless a known word is its stem ("worried", "panicked") or punctuation follows.
- A name after stacked places and times ("Last week on the ward Zoë told him …") or after a
  place's one-word name ("At Tesco Zoë told him …") is the speaker; a day never is.
- "She reported feeling …" is her account; the writer's report is "I reported that …".
- The learned words of an awareness ("caught myself") weigh no more than its cap.
- A "leans clinical" verdict that self-doubt outweighs says so (`score.outweighing`).
"""

from __future__ import annotations

import pytest

from peerjournal.drift import Hit, Lexicon, load_lexicon, score_text
from peerjournal.drift.score import DriftScore, named_drift, outweighing

MEDS = "take his meds"


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _curated(score: DriftScore) -> list[Hit]:
    return [h for h in score.hits if not h.marker.startswith("learned.")]


def _hit(score: DriftScore, text: str) -> Hit:
    return next(h for h in _curated(score) if h.text == text)


@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("Without thinking, told her she should take her meds.", "told her she should"),
        ("Without thinking told her she should take her meds.", "told her she should"),
        ("Without thinking I told her she should take her meds.", "told her she should"),
        ("Before I could stop myself told him to calm down.", "told him to"),
        ("Before I could stop myself I told him to calm down.", "told him to"),
        ("Without a second thought I told her she should take her meds.", "told her she should"),
        ("Without thinking, just told her she should take her meds.", "told her she should"),
    ],
)
def test_a_slip_with_or_without_i_is_noticed_and_counts(
    text: str, slip: str, lexicon: Lexicon
) -> None:
    hit = _hit(score_text(text, lexicon), slip)
    assert hit.counted and hit.self_noticed and not hit.negated, hit


@pytest.mark.parametrize(
    "text",
    [
        "Without telling her what to do, I listened.",
        "Without judging or telling her what to do, I listened.",
        "Without thinking I had to tell her what to do.",  # "I had to": inside the phrase
    ],
)
def test_what_was_done_without_is_left_undone(text: str, lexicon: Lexicon) -> None:
    score = score_text(text, lexicon)
    advice = [h for h in _curated(score) if h.dimension == "advice"]
    assert advice and all(h.negated and not h.counted for h in advice), advice


def test_without_a_manner_leaves_a_comma_clause_alone(lexicon: Lexicon) -> None:
    # the comma ends the "without" phrase: the writer's own telling counts, noticed or not
    score = score_text("Without judging, I told her what to do.", lexicon)
    hit = _hit(score, "told her what to do")
    assert hit.counted and not hit.negated


@pytest.mark.parametrize(
    "text",
    [
        "ahmed said the doctor told her she should take her meds.",
        "ming told him he should take his meds.",
        "ahmed told her she should take her meds.",
    ],
)
def test_a_lower_case_name_ending_ed_or_ing_is_the_speaker(text: str, lexicon: Lexicon) -> None:
    score = score_text(text, lexicon)
    drift = [h for h in _curated(score) if h.polarity == "drift"]
    assert drift and all(h.attributed and not h.counted for h in drift), drift


@pytest.mark.parametrize(
    "text",
    [
        "worried told him he should take his meds.",
        "panicked told him he should take his meds.",
        "shocked, told him he should take his meds.",
        "stressed told him he should take his meds.",
        "laughing told him he should take his meds.",
    ],
)
def test_a_feeling_or_verb_form_opening_a_line_is_no_speaker(text: str, lexicon: Lexicon) -> None:
    hit = _hit(score_text(text, lexicon), "told him he should")
    assert hit.counted and not hit.attributed, hit


@pytest.mark.parametrize(
    "text",
    [
        "Last week on the ward Zoë told him he should take his meds.",
        "On the ward last week Zoë told him he should take his meds.",
        "At Tesco Zoë told him he should take his meds.",
        "Yesterday at Tesco Zoë told him he should take his meds.",
        "At Hope House Zoë told him he should take his meds.",
        "Last Tuesday Zoë told him he should take his meds.",
        "On Tuesday Zoë told him he should take his meds.",  # a day ends no place's name
    ],
)
def test_a_name_after_places_and_times_is_the_speaker(text: str, lexicon: Lexicon) -> None:
    score = score_text(text, lexicon)
    assert _hit(score, "told him he should").attributed
    assert not _hit(score, MEDS).counted


@pytest.mark.parametrize(
    "text",
    [
        "At Hope House told him he should take his meds.",  # "House" ends the place's name
        "Last week on the ward told him he should take his meds.",
        "At Tesco told him he should take his meds.",
        "In group Tuesday told him he should take his meds.",  # a day is when, never who
        "At the ward round with Zoë told him he should take his meds.",  # company
        "At St Mary's told him he should take his meds.",  # a saint's name is the place's
        "On Tuesday told him he should take his meds.",
    ],
)
def test_places_and_times_without_a_speaker_leave_the_writers_deed(
    text: str, lexicon: Lexicon
) -> None:
    hit = _hit(score_text(text, lexicon), "told him he should")
    assert hit.counted and not hit.attributed, hit


def test_reported_feeling_is_theirs_reported_that_is_the_writers(lexicon: Lexicon) -> None:
    # decision (round 40): what someone "reported feeling" is their account, as before; the
    # charting phrase itself ("reported hearing voices") stays the writer's clinical register
    assert _hit(score_text("She reported feeling paranoid.", lexicon), "paranoid").attributed
    assert _hit(
        score_text("I reported that she had missed her depot.", lexicon), "missed her depot"
    ).counted


def test_learned_words_of_an_awareness_weigh_no_more_than_its_cap(lexicon: Lexicon) -> None:
    # "caught myself" was counted twice: the capped awareness and a learned identity marker
    score = score_text("I caught myself telling him what to do.", lexicon)
    counted = [h for h in score.hits if h.counted]
    assert not any(h.marker.startswith("learned.") and h.text == "caught myself" for h in counted)
    assert score.identity == pytest.approx(score.drift)  # the slip nets to mixed, no more
    assert score.verdict == "mixed"


def test_self_doubt_outweighing_a_clinical_label_is_named(lexicon: Lexicon) -> None:
    score = score_text(
        "I felt like a fraud all shift. I'm not good enough for this job. I doubt myself"
        " constantly. He was manipulative with staff and I went home tired after a long shift"
        " in the rain.",
        lexicon,
    )
    assert score.verdict == "drift"
    assert named_drift(score) == ["clinical_language"]  # the verdict stays "leans clinical"
    assert outweighing(score) == ["self_worth"]  # … and what outweighs it is named


def test_nothing_outweighs_the_dimension_that_names_the_verdict(lexicon: Lexicon) -> None:
    score = score_text("You should rest. I told her to eat. You should sleep.", lexicon)
    assert named_drift(score) == ["advice"]
    assert outweighing(score) == []
    assert outweighing(score_text("I listened and shared my story.", lexicon)) == []
