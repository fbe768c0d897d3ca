from peerjournal.intentions import MAX_CHARS, intentions, sentences


def test_finds_forward_looking_sentences_in_order() -> None:
    text = (
        "It went badly. Next time I will ask before sharing my story. I want to check in "
        "with my supervisor! I'm going to rest tonight\nIn future, I'd name the fear earlier. "
        "I'll try to slow down."
    )
    assert intentions(text) == [
        "Next time I will ask before sharing my story.",
        "I want to check in with my supervisor!",
        "I'm going to rest tonight",
        "In future, I'd name the fear earlier.",
        "I'll try to slow down.",
    ]


def test_reported_speech_is_not_the_writers_plan() -> None:
    assert intentions("She told me I will never cope. He said I'll be fine.") == []


def test_past_conditional_and_plain_description_are_skipped() -> None:
    assert intentions("I will have learned by then. We talked about housing.") == []


def test_curly_apostrophes_and_clause_openers() -> None:
    assert intentions("It was hard, so I’ll ask for a debrief.") == [
        "It was hard, so I’ll ask for a debrief."
    ]


def test_repeats_are_dropped_case_insensitively() -> None:
    assert intentions("I will listen more. i will listen more.") == ["I will listen more."]


def test_long_sentences_are_clipped_at_a_word() -> None:
    line = "I will " + "keep listening " * 40 + "."
    (found,) = intentions(line)
    assert len(found) <= MAX_CHARS and found.endswith("…")


def test_empty_text() -> None:
    assert intentions("") == [] and sentences("  \n ") == []
