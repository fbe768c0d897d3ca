"""Round 40 QA (qa_lang F1, F3, F8, F9, F13, F15): everyday talk and places read as peer presence,
diagnoses as adjectives, warm instructing, giving a choice back, keeping quiet to listen, and
learned phrases that were someone else's act or chance."""

from __future__ import annotations

import pytest

from learn_markers import told_the_writer
from peerjournal.drift import Lexicon, load_lexicon, score_text


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _counted(text: str, lexicon: Lexicon) -> list[tuple[str, str, str]]:
    score = score_text(text, lexicon)
    return [(h.marker, h.text.lower(), h.polarity) for h in score.hits if h.counted]


def _curated(text: str, lexicon: Lexicon) -> list[tuple[str, str, str]]:
    return [hit for hit in _counted(text, lexicon) if not hit[0].startswith("learned.")]


# -- F1: presence needs a person, not the radio, family, colleagues or a place -------------


@pytest.mark.parametrize(
    "text",
    [
        "Quiet one. Sat in the staff room listening to the radio, chatted to the cleaner about "
        "the football, then rang my sister. Bus home.",
        "Admin day. Listening to a podcast on the bus, then had a quick natter with the "
        "receptionist.",
    ],
)
def test_a_day_without_practice_has_no_curated_presence(text: str, lexicon: Lexicon) -> None:
    assert not [h for h in _curated(text, lexicon) if h[0] == "connection.presence"]


@pytest.mark.parametrize(
    "text",
    [
        "I listened to him for most of the session and he opened up about his dad.",
        "Dave and I chatted for ages about his allotment; I listened to Dave talk about his "
        "brother.",
        "Took her to her first hearing voices group and sat with her at the back.",
        "We talked about her mum and the move, and she said nobody had asked before.",
        "Had a proper chat with Tomasz on the bench.",
    ],
)
def test_presence_with_the_person_still_counts(text: str, lexicon: Lexicon) -> None:
    hits = _curated(text, lexicon)
    assert any(h[0] == "connection.presence" for h in hits), hits


# -- F8: a diagnosis as an adjective about a person ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "he's so bipolar, up and down all day on the ward today.",
        "she is so borderline, honestly, all over the place today on the ward.",
        "he was being very OCD about the kitchen again, cleaning all morning.",
        'at handover i described L as "very borderline today" to the nurse.',
    ],
)
def test_diagnosis_as_an_adjective_is_a_label(text: str, lexicon: Lexicon) -> None:
    assert any(h[0] == "clinical_language.labels" for h in _counted(text, lexicon))


def test_a_diagnosis_named_plainly_is_not_a_label(lexicon: Lexicon) -> None:
    hits = _counted("Booked bipolar disorder awareness training for the whole team.", lexicon)
    assert not [h for h in hits if h[0] == "clinical_language.labels"]


# -- F9: instructing in a warm voice; "be consistent, don't give in" -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Then I showed the new lads how to fill in their recovery plans properly, they'd done "
        "them all wrong haha.",
        "Love being able to teach people stuff.",
        "I think I've found my calling, being the one who knows how it all works.",
    ],
)
def test_warm_instructing_is_instructing(text: str, lexicon: Lexicon) -> None:
    assert any(h[0] == "mutuality.instruct" for h in _counted(text, lexicon))


def test_be_consistent_and_do_not_give_in_is_not_advocacy(lexicon: Lexicon) -> None:
    text = "Told the team we need to be consistent and not give in to her demands."
    score = score_text(text, lexicon)
    assert not [h for h in score.hits if h.counted and h.dimension == "advocacy"]
    assert score.verdict == "drift"


# -- F13: "not my place, it's his life" gives the choice back -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "He asked whether to take the job. Honestly not my place to say, it's his life, so we "
        "talked through what he wanted instead.",
        "I'm not going to tell her yes or no, that's not my call. I'll ask what she needs.",
        "Not my call, that's for her to decide.",
    ],
)
def test_not_my_place_giving_the_choice_back_is_not_deferring(
    text: str, lexicon: Lexicon
) -> None:
    hits = _counted(text, lexicon)
    assert not [h for h in hits if h[0] == "voice.defer_avoid"], hits
    assert any(h[0] == "moving_toward.choice_hope" for h in hits), hits


def test_not_my_place_to_challenge_is_still_deferring(lexicon: Lexicon) -> None:
    hits = _counted("It wasn't my place to challenge the consultant, so I stayed quiet.", lexicon)
    assert any(h[0] == "voice.defer_avoid" for h in hits), hits


# -- F3 (lexicon part): keeping quiet to listen is not avoidance ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kept my mouth shut and listened to him instead.",
        "kept my gob shut and let her talk.",
        "Bit my tongue and let him finish.",
    ],
)
def test_keeping_quiet_to_listen_is_not_avoidance(text: str, lexicon: Lexicon) -> None:
    hits = _counted(text, lexicon)
    assert not [h for h in hits if h[0] == "voice.defer_avoid"], hits
    assert any(h[0] == "connection.presence" for h in hits), hits


def test_keeping_quiet_in_the_meeting_is_still_avoidance(lexicon: Lexicon) -> None:
    hits = _counted("In the ward round I kept my mouth shut about the restraint.", lexicon)
    assert any(h[0] == "voice.defer_avoid" for h in hits), hits


# -- F15: "told me about" is someone talking to the writer ----------------------------------


def test_someone_telling_the_writer_is_a_listener_phrase() -> None:
    assert told_the_writer("told me about")
    assert told_the_writer("said me too")
    assert not told_the_writer("sat with me")
    assert not told_the_writer("told him he")


def test_told_me_about_is_learned_as_connection_not_story(lexicon: Lexicon) -> None:
    for marker in lexicon.markers:
        if marker.learned and marker.polarity == "identity":
            for phrase in marker.patterns:
                if told_the_writer(phrase):
                    assert marker.dimension == "connection", (phrase, marker.id)
    learned = {p for m in lexicon.markers if m.learned for p in m.patterns}
    assert "told me about" in learned  # still evidence that they opened up
