"""Round 31: whose words they are, when the speaker's name is long or is a role word.

- A subject with a prepositional phrase ("The nurse on the ward was telling her she should take
  her meds", "Someone at the hostel told him to …") or a relative clause without commas ("The
  nurse who I like told her …", "The worker that came in said …") is the subject of the verb
  after it: the advice is theirs (attributed), even with "I" inside the relative clause.
- The writer's own deed still counts: "I told her …", "The nurse was busy so I told her …",
  "The nurse on the ward and I told her …", "The client who I told he should …", "It was me
  who told her …", a diary-style verb before the role ("Sat with the nurse on the ward, told
  her …").
- A drift hit in the name of someone who speaks ("My keyworker | told me …", "Her CPN | reckons
  …"): the learned lexicon's role words named who spoke, not the writer's co-optation; "I acted
  like her keyworker" is still the writer's.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CLI
from peerjournal.drift import load_lexicon, score_text


def scored(cli: CLI, text: str) -> dict[str, Any]:
    result = cli("drift", "--json", "--text", text)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def drift(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [h for h in data["hits"] if h["polarity"] == "drift"]


def advice(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [h for h in data["hits"] if h["marker"] == "advice.you_should"]


OTHERS = [
    # a prepositional phrase between the subject and its verb
    "The nurse on the ward was telling her she should take her meds.",
    "The doctor from the crisis team told him he should take his meds.",
    "Someone at the hostel told him to take his meds.",
    "The nurse in charge told him he should take his meds.",
    "The nurse on nights kept telling her she should take her meds.",
    "Her keyworker from the hostel was telling her to take her meds.",
    "The staff on the unit were telling him he needs to comply.",
    "Then the doctor from the crisis team told him he should take his meds.",
    # a relative clause without commas
    "The nurse who I like told her she needs to comply.",
    "The worker that came in told her she should take her meds.",
    "Her mum who was fuming told her she should leave him.",
    "The GP that she sees told her she needs to stop drinking.",
    "The doctor who saw her kept telling her she should take her meds.",
    "Jo who I work with told him he should take his meds.",
]


@pytest.mark.parametrize("text", OTHERS)
def test_a_long_subjects_advice_is_theirs(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    hits = advice(data)
    assert hits and all(h["attributed"] and not h["counted"] for h in hits), data["hits"]
    # nothing after the subject's head counts as the writer's drift
    assert not [h for h in drift(data) if h["counted"]], data["hits"]
    assert data["verdict"] != "drift"


@pytest.mark.parametrize(
    "text",
    [
        "The nurse who I like said she was non-compliant.",
        "The nurse that I work with said she was non-compliant.",
        "The doctor from the crisis team said she was non-compliant.",
        "Someone at the hostel said he was non-compliant.",
        "Jo who I work with said she was non-compliant.",
        "Everyone at the meeting said she was non-compliant.",
    ],
)
def test_what_a_long_subject_says_is_theirs(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    labels = [h for h in data["hits"] if h["dimension"] == "clinical_language"]
    assert labels and all(h["attributed"] and not h["counted"] for h in labels), data["hits"]
    assert data["verdict"] != "drift"


WRITERS = [
    "I told her she should take her meds.",
    "I was telling her she needs to take her meds.",
    "The nurse was busy so I told her to take her meds.",
    "The nurse on the ward was busy so I told her she should take her meds.",
    "The nurse who I like was off so I told her she should take her meds.",
    # the writer joined to the subject, or the writer's own relative clause
    "The nurse on the ward and I told her she should take her meds.",
    "The nurse and I told her she should take her meds.",
    "It was me who told her she should take her meds.",
    "I was the one who told her she should take her meds.",
    # a place or a person in the writer's own clause
    "With the nurse on the ward I told her she should take her meds.",
    "After the meeting with the nurse I told her she should take her meds.",
    # diary style: the role is an object
    "Sat with the nurse on the ward, told her she should take her meds.",
    "Went to see the nurse on the ward and told her she should take her meds.",
    "I acted like her keyworker and told her she should take her meds.",
]


@pytest.mark.parametrize("text", WRITERS)
def test_the_writers_own_advice_still_counts(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    hits = advice(data)
    assert hits and all(h["counted"] and not h["attributed"] for h in hits), data["hits"]
    assert data["verdict"] == "drift"


def test_the_writers_own_relative_clause_deed_counts(cli: CLI) -> None:
    data = scored(cli, "The client who I told he should take his meds got angry.")
    hits = advice(data)
    assert hits and all(h["counted"] for h in hits), data["hits"]


@pytest.mark.parametrize(
    "text",
    [
        "I said she was non-compliant.",
        "The client who I said was non-compliant got angry.",
        "I spoke to the nurse that I like and said she was non-compliant.",
    ],
)
def test_the_writers_own_label_still_counts(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    labels = [h for h in data["hits"] if h["marker"] == "clinical_language.labels"]
    assert labels and all(h["counted"] for h in labels), data["hits"]


def test_a_gerund_with_no_auxiliary_is_no_clause(cli: CLI) -> None:
    # the writer describing themself: not "a woman … | running a group" as someone's deed
    text = "Next to her I felt like a nobody, a woman with standard eight running a group."
    data = scored(cli, text)
    assert [h for h in drift(data) if h["counted"]], data["hits"]
    assert not [h for h in data["hits"] if h["attributed"]], data["hits"]


SPEAKERS = [
    ("My keyworker told me I should take my meds.", "told"),
    ("Her CPN reckons she is doing well.", "reckons"),
    ("My care coordinator said I should engage more.", "said"),
    ("The care coordinator who I like said she was fine.", "said"),
    ("Her keyworker asked me to check on her.", "asked"),
    ("My keyworker told me about her weekend.", "told"),
]


@pytest.mark.parametrize(("text", "verb"), SPEAKERS)
def test_a_speakers_role_word_is_not_the_writers_drift(cli: CLI, text: str, verb: str) -> None:
    data = scored(cli, text)
    name = [h for h in drift(data) if h["end"] <= text.index(f" {verb} ")]
    assert name, data["hits"]  # the role word is a (learned) drift marker …
    assert all(h["attributed"] and not h["counted"] for h in name), data["hits"]  # … not counted
    assert data["verdict"] != "drift"


@pytest.mark.parametrize(
    "text",
    [
        "I acted like her keyworker.",
        "Acting as her care coordinator, I said she was fine.",
        "I basically became his keyworker.",
    ],
)
def test_the_writer_acting_as_the_role_is_still_drift(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    role = [h for h in drift(data) if "worker" in h["text"] or "coordinator" in h["text"]]
    assert role and all(h["counted"] and not h["attributed"] for h in role), data["hits"]


def test_a_speakers_label_is_still_the_writers_word(cli: CLI) -> None:
    # labels are the writer's words whoever they describe: "client" as a speaker's name too
    data = scored(cli, "The client said she was fine.")
    labels = [h for h in data["hits"] if h["dimension"] == "clinical_language"]
    assert all(not h["attributed"] for h in labels), data["hits"]


SUBJECTS = ["The nurse", "The doctor", "Someone", "Her keyworker", "The worker", "Her mum"]
MODIFIERS = [
    "on the ward",
    "from the crisis team",
    "at the hostel",
    "in charge",
    "who I like",
    "that came in",
    "who I work with",
    "who saw her",
]
DEEDS = [
    "told her she should take her meds",
    "was telling her she needs to take her meds",
    "kept telling her she should leave him",
    "told her to take her meds",
]
SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.sampled_from(SUBJECTS), st.sampled_from(MODIFIERS), st.sampled_from(DEEDS))
def test_property_whose_advice_it_is(subject: str, modifier: str, deed: str) -> None:
    """Someone else's advice, however their name is modified, never counts; the same advice
    with the writer as its subject (alone, or joined to them) always does."""
    lexicon = load_lexicon()
    theirs = score_text(f"{subject} {modifier} {deed}.", lexicon)
    theirs_advice = [h for h in theirs.hits if h.marker == "advice.you_should"]
    assert theirs_advice and all(h.attributed and not h.counted for h in theirs_advice)
    own = "I was telling her" + deed.removeprefix("was telling her") if deed.startswith(
        "was"
    ) else f"I {deed}"
    for mine in (f"{own}.", f"{subject} {modifier} was busy so {own}."):
        score = score_text(mine, lexicon)
        hits = [h for h in score.hits if h.marker == "advice.you_should"]
        assert hits and all(h.counted for h in hits), (mine, score.hits)
