"""Round 39 (drift): whose words and deeds a hit is.

- A name after a place or a time ("At the ward round Zoë told him …"), a title and a name ("Dr
  Patel told him …"), a role and a name ("her keyworker Dave told her …") is the subject: the
  advice is theirs.
- A name in lower case before "said" / "told" ("zoë said …") is the speaker, only where the word
  is no everyday word ("then said …", "basically told her …" stay the writer's diary).
- "Without thinking I …", "Before I could stop myself I …" negate nothing of the writer's
  clause after them: the slip counts, flagged as self-noticed. "Without asking her I rang …"
  is the writer's deed, and so is what the writer "reported that" someone did.
- The writer's gloss after a label ("…, which in my experience means …"), the writer's next deed
  after a topic in a "when" clause ("I bit my tongue when she talked about the depot and let
  her …"), and the writer's act someone thanks or praises ("He said I had really helped him by
  sharing my own story") are the writer's.
"""

from __future__ import annotations

import pytest

from peerjournal.drift import Lexicon, load_lexicon, score_text
from peerjournal.drift.score import DriftScore


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _curated(score: DriftScore, polarity: str, counted: bool = True) -> list[str]:
    """The text of the curated hits of `polarity` that are (or are not) counted."""
    return [
        h.text
        for h in score.hits
        if h.counted == counted and h.polarity == polarity and not h.marker.startswith("learned.")
    ]


def _hit(score: DriftScore, text: str):  # type: ignore[no-untyped-def]
    return next(h for h in score.hits if h.text == text and not h.marker.startswith("learned."))


# -- subjects: a name after a place or a time, a title, a role ---------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "At the ward round Zoë told him he should take his meds.",
        "During the ward round Zoë told him he should take his meds.",
        "At the end of group Sam told him he should take his meds.",
        "In group Priya told him he should take his meds.",
        "Last week Zoë told him he should take his meds.",
        "At the ward round the nurse told him he should take his meds.",
        "Dr Patel told him he needs to take his meds.",
        "Dr. Patel told him he needs to take his meds.",
        "Then Dr Patel told him he needs to take his meds.",
        "Prof Jones told him he needs to take his meds.",
        "Mr Okafor told him he should take his meds.",
        "Nurse Kelly told him he should take his meds.",
        "Sister Jones told him he should take his meds.",
        "Her keyworker Dave told him he should take his meds.",
        "At the ward round Dr Patel told him he should take his meds.",
    ],
)
def test_someone_elses_advice_is_theirs(lexicon: Lexicon, text: str) -> None:
    score = score_text(text, lexicon)
    assert _curated(score, "drift") == []
    assert "told him he" in " ".join(_curated(score, "drift", counted=False))


@pytest.mark.parametrize(
    "text",
    [
        "At the ward round I told him he should take his meds.",
        "In the kitchen I told him he should take his meds.",
        "At the ward round with Zoë I told him he should take his meds.",
        "I saw Dr Patel and told him he should take his meds.",
        "Told him he should take his meds.",
    ],
)
def test_the_writers_advice_stays_theirs(lexicon: Lexicon, text: str) -> None:
    assert _curated(score_text(text, lexicon), "drift")[0].lower().startswith("told him he")


def test_a_state_after_a_title_and_name_stays_the_writers_label(lexicon: Lexicon) -> None:
    # "'s" before a progressive that is no deed is no "is": the writer's deficit words
    score = score_text("Mr Pritchard's really deteriorating now.", lexicon)
    assert _curated(score, "drift") == ["deteriorating"]


# -- names in lower case -----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "zoë said the doctor told her to take the meds",
        "zoë told him he should take his meds",
        "priya told him he should take his meds",
        "kwame asked me to check he had taken his meds",
    ],
)
def test_a_lower_case_name_is_a_subject(lexicon: Lexicon, text: str) -> None:
    assert _curated(score_text(text, lexicon), "drift") == []


@pytest.mark.parametrize(
    "text",
    [
        "then told him he should take his meds",
        "straight away told him he should take his meds",
        "basically said he should take his meds",
        "ive told him he should take his meds",
        "also told him he should take his meds",
        "tbh told him he should take his meds",
        "then said he lacks insight",
    ],
)
def test_an_everyday_word_in_lower_case_is_no_name(lexicon: Lexicon, text: str) -> None:
    assert _curated(score_text(text, lexicon), "drift") != []


# -- slips the writer owns, and the writer's own reporting -------------------------------------

@pytest.mark.parametrize(
    ("text", "slip"),
    [
        ("Without thinking I told her she needs to calm down.", "told her she needs"),
        ("Without thinking, I told her she needs to calm down.", "told her she needs"),
        ("Before I could stop myself I told him he needs to take his meds.", "told him he needs"),
        ("Before I knew it I told him he needs to take his meds.", "told him he needs"),
    ],
)
def test_a_slip_counts_and_is_self_noticed(lexicon: Lexicon, text: str, slip: str) -> None:
    score = score_text(text, lexicon)
    hit = _hit(score, slip)
    assert hit.counted and not hit.negated and hit.self_noticed
    assert score.verdict == "drift"


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        ("I sat with him without thinking about his diagnosis.", "diagnosis"),
        ("I stopped myself before I told him he should take his meds.", "told him he should"),
        ("I listened without telling her what to do.", "telling her what to do"),
        ("I stopped telling him he should take his meds.", "telling him he should"),
    ],
)
def test_a_negation_of_the_deed_itself_still_drops_it(
    lexicon: Lexicon, text: str, dropped: str
) -> None:
    hit = _hit(score_text(text, lexicon), dropped)
    assert hit.negated and not hit.counted


def test_without_asking_the_writer_reports_compliance(lexicon: Lexicon) -> None:
    text = (
        "Without asking her I rang the care coordinator and reported that she had missed "
        "her depot."
    )
    score = score_text(text, lexicon)
    assert _curated(score, "drift") == ["missed her depot"]
    assert score.verdict == "drift"


@pytest.mark.parametrize(
    "text",
    [
        "The nurse said she had missed her depot.",
        "She rang the care coordinator and reported that he had missed his depot.",
        "She told the team he had missed his depot.",
    ],
)
def test_someone_elses_report_stays_theirs(lexicon: Lexicon, text: str) -> None:
    assert _curated(score_text(text, lexicon), "drift") == []


def test_i_told_the_nurse_that_she_told_him_keeps_her_advice_hers(lexicon: Lexicon) -> None:
    score = score_text("I told the nurse that she had told him he should take his meds.", lexicon)
    assert "told him he should" in _curated(score, "drift", counted=False)


# -- the writer's commentary, next deed, and praised act ----------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        'Apparently he\'s "treatment resistant", which in my experience means nobody has asked '
        "him what he wants.",
        'Apparently he\'s "treatment resistant", which in my view is nonsense because nobody '
        "has asked him what he wants.",
        "The doctor said he lacks insight, which to me means nobody has asked him what he wants.",
    ],
)
def test_the_writers_gloss_after_a_label_is_theirs(lexicon: Lexicon, text: str) -> None:
    score = score_text(text, lexicon)
    assert _curated(score, "identity") == ["nobody has asked him"]
    assert score.verdict == "identity"


def test_the_label_itself_stays_someone_elses(lexicon: Lexicon) -> None:
    score = score_text("Apparently he lacks insight, which is what the notes say.", lexicon)
    assert _curated(score, "drift") == []


def test_the_writers_deed_after_a_when_clause_topic(lexicon: Lexicon) -> None:
    text = "I bit my tongue when she talked about the depot and let her work out what she wanted."
    assert "what she wanted" in _curated(score_text(text, lexicon), "identity")


def test_a_topic_in_someone_elses_sentence_stays_theirs(lexicon: Lexicon) -> None:
    text = "When she talked about the depot and her meds he said she should take them."
    assert _curated(score_text(text, lexicon), "drift") == []


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("He said I had really helped him by sharing my own story about the hostel.",
         "sharing my own story"),
        ("He thanked me for sharing my story.", "sharing my story"),
        ("shaz said ta for having her back", "having her back"),
    ],
)
def test_the_writers_praised_act_is_theirs(lexicon: Lexicon, text: str, act: str) -> None:
    assert act in _curated(score_text(text, lexicon), "identity")


def test_someone_elses_story_stays_theirs(lexicon: Lexicon) -> None:
    score = score_text("He said he had been sharing his story at group.", lexicon)
    assert _curated(score, "identity") == []
