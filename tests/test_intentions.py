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


# -- answers to a prompt set's evaluation questions -------------------------------------------


def test_answers_to_evaluation_questions_count_as_intentions() -> None:
    from peerjournal.intentions import evaluation_intentions

    answers = [
        ("Appropriation: what do you now own; what will you do differently?",
         "It was hard. Next time I will ask Sam first."),
        ("Action plan: if it came up again, what would you do?", "Ask first.\nThen listen."),
        ("Conclusion: what else could you have done?", "Listened more."),
        ("Now what? What will you do differently, or keep doing?", "  "),
    ]
    assert evaluation_intentions("I want to rest. Next time I will ask Sam first.", answers) == [
        "I want to rest.",
        "Next time I will ask Sam first.",
        "Ask first. Then listen.",
    ]


def test_forward_questions_are_recognised() -> None:
    from peerjournal.intentions import asks_for_intention

    assert asks_for_intention("Moving toward: what do they want, and what will you do differently?")
    assert asks_for_intention("Now what? What will you do differently, or keep doing?")
    assert asks_for_intention("Action plan: if it came up again, what would you do?")
    assert not asks_for_intention("Conclusion: what else could you have done?")
    assert not asks_for_intention("Mutuality: what did you learn from them?")
