"""Round 40 (drift, QA of 04196bb): the new rules narrowed where they took the writer's drift away.

- A lower-case -ed / -ing word opening a line is a name only if it is a known given name
  ("ahmed said"); any other ("knackered told him …") is the writer's tired diary style.
- A frame of identity opening with a negator ("without judging", "no agenda") negates only the
  marker one bare "or" / "nor" joins to it; not a deed after "and then", not a past deed after
  the "or", and never from a marker of drift whose own words open with "not" ("I don't know
  what I'm doing or whether I'm a fraud").
- After a one-word place, a second capitalised word is the speaker only if it is a given name
  ("At Tesco Dave told him"); otherwise it is the place's ("At Turning Point told her …").
- A slip with no "I" is the writer's only when its cue opens the sentence ("Her mum without
  thinking told him …" is hers).
"""

from __future__ import annotations

import pytest

from peerjournal.drift import Lexicon, load_lexicon, score_text
from test_drift_r40 import _curated, _hit


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


@pytest.mark.parametrize(
    "text",
    [
        "knackered told him he should take his meds.",
        "Long shift. frazzled told him he should take his meds.",
        "knackered said she should take her meds.",
        "shattered told him he should take his meds.",
        "overthinking told him he should take his meds.",
        "sectioned told him he should take his meds.",
    ],
)
def test_an_unknown_ed_or_ing_opener_is_the_writers_state(text: str, lexicon: Lexicon) -> None:
    score = score_text(text, lexicon)
    advice = next(h for h in _curated(score) if h.dimension == "advice")
    assert advice.counted and not advice.attributed, advice
    assert score.verdict == "drift"


@pytest.mark.parametrize(
    "text",
    ["ahmed said she should take her meds.", "mohammed told him he should take his meds."],
)
def test_a_known_given_name_ending_ed_is_still_the_speaker(text: str, lexicon: Lexicon) -> None:
    drift = [h for h in _curated(score_text(text, lexicon)) if h.polarity == "drift"]
    assert drift and all(h.attributed and not h.counted for h in drift), drift


@pytest.mark.parametrize(
    "text",
    [
        "I listened without judging or interrupting and then told her she should take her meds.",
        "I went in with no agenda or notes and still told her she should take her meds.",
        "I sat with her, no judgement or interrupting and then told him what to do.",
        "I listened without judging or told him he should take his meds.",
    ],
)
def test_a_deed_beyond_the_or_is_not_under_without(text: str, lexicon: Lexicon) -> None:
    score = score_text(text, lexicon)
    advice = next(h for h in _curated(score) if h.dimension == "advice")
    assert advice.counted and not advice.negated, advice


@pytest.mark.parametrize(
    "text",
    [
        "Without judging or telling her what to do, I listened.",
        "Without judging her or telling her what to do, I listened.",
    ],
)
def test_a_bare_or_still_carries_without(text: str, lexicon: Lexicon) -> None:
    advice = _hit(score_text(text, lexicon), "telling her what to do")
    assert advice.negated and not advice.counted, advice


@pytest.mark.parametrize(
    ("text", "doubt"),
    [
        ("I don't know what I'm doing or whether I'm a fraud.", "a fraud"),
        ("Honestly I'm not cut out for this or maybe I'm just a fraud.", "a fraud"),
        ("It's not my place or maybe I'm just not good enough.", "not good enough"),
    ],
)
def test_a_drift_marker_opening_with_not_negates_nothing_after_it(
    text: str, doubt: str, lexicon: Lexicon
) -> None:
    score = score_text(text, lexicon)
    hit = _hit(score, doubt)
    assert hit.counted and not hit.negated and hit.polarity == "drift", hit
    assert score.verdict == "drift"


@pytest.mark.parametrize(
    "text",
    [
        "At Turning Point told her what to do.",
        "At Tesco Express told him he should take his meds.",
        "At Citizens Advice told him what to do.",
        "At Kings Cross told her what to do.",
    ],
)
def test_two_capitalised_words_after_at_are_the_place(text: str, lexicon: Lexicon) -> None:
    advice = next(h for h in _curated(score_text(text, lexicon)) if h.dimension == "advice")
    assert advice.counted and not advice.attributed, advice


@pytest.mark.parametrize(
    "text",
    ["At Tesco Dave told him he should take his meds.", "At Costa Zoë told her what to do."],
)
def test_a_given_name_after_a_one_word_place_is_the_speaker(text: str, lexicon: Lexicon) -> None:
    advice = next(h for h in _curated(score_text(text, lexicon)) if h.dimension == "advice")
    assert advice.attributed and not advice.counted, advice


@pytest.mark.parametrize(
    "text",
    [
        "Her mum without thinking told him what to do.",
        "He acted without thinking told him what to do.",
        "She left before I could stop myself told him what to do.",
    ],
)
def test_someone_elses_unthinking_deed_is_not_the_writers_slip(
    text: str, lexicon: Lexicon
) -> None:
    # (not counted, as before 04196bb: the cue does not open the sentence)
    assert not _hit(score_text(text, lexicon), "told him what to do").counted


@pytest.mark.parametrize(
    "text",
    [
        "Without thinking, told him what to do.",
        "Honestly, without thinking told him what to do.",
        "Then before I could stop myself told him what to do.",
    ],
)
def test_a_slip_opening_its_sentence_stays_the_writers(text: str, lexicon: Lexicon) -> None:
    hit = _hit(score_text(text, lexicon), "told him what to do")
    assert hit.counted and hit.self_noticed, hit
