"""Round 28: a named person's feelings are theirs, not the writer's ("Priya felt anxious"),
while the writer's own still count ("Honestly felt anxious", "Priya and I felt anxious")."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from peerjournal.feelings import named_feelings

CLI = Callable[..., Any]

OTHERS = [
    "Priya felt anxious.",
    "Sam felt angry.",
    "Jordan was scared the whole time.",
    "Dee felt ashamed afterwards.",
    "Marcus was proud of himself.",
    "J felt anxious.",
    "J. felt anxious.",
    "Then J. was scared.",
    "Priya really seemed worried.",
    "Priya's anxious about the move.",
    "Priya's anxiety filled the room.",
    "When I left, Zoë looked upset.",
    "We got there and Priya got anxious.",
    "Will felt anxious all day.",  # a name that is also a word, as the subject
    "Sam and Priya were both nervous.",
    "O'Neill was furious.",
    "He was angry.",
    "Her mum felt hopeless.",
    "The nurse was irritated.",
]

WRITERS = [
    ("I felt anxious.", "fear"),
    ("Felt anxious.", "fear"),
    ("Anxious.", "fear"),
    ("Priya and I both felt anxious.", "fear"),
    ("Me and Priya felt anxious.", "fear"),
    ("Me and her mum were anxious.", "fear"),
    ("When Priya left I felt anxious.", "fear"),
    ("Sam felt angry and so did I.", "anger"),
    ("Sam felt angry, me too.", "anger"),
    ("Honestly felt anxious.", "fear"),
    ("Really anxious today.", "fear"),
    ("Proper anxious.", "fear"),
    ("Still anxious.", "fear"),
    ("Still felt anxious.", "fear"),
    ("Kinda felt anxious.", "fear"),
    ("Totally felt drained.", "tired"),
    ("Just felt tired.", "tired"),
    ("Monday felt heavy.", "sadness"),  # a day, not a person
    ("Christmas felt lonely without them.", "sadness"),  # a holiday, not a person
    ("Today was lonely.", "sadness"),
    ("Everything felt hopeless.", "sadness"),
    ("Went to Tesco and felt anxious.", "fear"),  # a place before another verb
    ("Priya scared me.", "fear"),  # the name is not the feeling's subject
    ("I met J. Felt anxious after.", "fear"),  # the initial ends a sentence
    ("Priya said I seemed anxious.", "fear"),
    ("God was I tired.", "tired"),
    ("OK was tired by the end.", "tired"),
]


@pytest.mark.parametrize("text", OTHERS)
def test_a_named_persons_feelings_are_not_the_writers(text: str) -> None:
    assert dict(named_feelings(text)) == {}


@pytest.mark.parametrize(("text", "family"), WRITERS)
def test_the_writers_own_feelings_still_count(text: str, family: str) -> None:
    assert dict(named_feelings(text)) == {family: 1}


def test_mixed_sentence_counts_only_the_writers_part() -> None:
    text = "Priya felt anxious, but I felt calm. Sam was furious; I was just tired."
    assert dict(named_feelings(text)) == {"calm": 1, "tired": 1}


def _report_feelings(cli: CLI) -> dict[str, int]:
    result = cli("report", "--since", "2026-11-01", "--json")
    assert result.exit_code == 0, result.stderr
    return {f["id"]: f["entries"] for f in json.loads(result.stdout)["feelings"]}


def test_report_leaves_out_a_named_persons_feelings(cli: CLI) -> None:
    for feelings in ("Priya felt anxious.", "Sam felt angry.", "Marcus was proud of himself."):
        result = cli("write", "-x", "We walked to the office.", "-f", feelings)
        assert result.exit_code == 0, result.stderr
    assert _report_feelings(cli) == {}
    result = cli("write", "-x", "We walked back.", "-f", "When Priya left I felt anxious.")
    assert result.exit_code == 0, result.stderr
    assert _report_feelings(cli) == {"fear": 1}


# The subject past an aside, an adverb or a verb of starting; "'s" as "has"; initials.
OTHERS_QA = [
    "Sam was very, very anxious.",
    "Sam, who I support, felt anxious.",
    "Sam (new to the group) felt anxious.",
    "Sam then felt anxious.",
    "Sam later felt anxious.",
    "Sam started to feel anxious.",
    "Sam began feeling anxious.",
    "Sam's been anxious.",
    "Sam's so anxious.",
    "JR felt anxious.",
    "Saw Kofi calm for once.",
    "Hope felt anxious.",  # a feeling word as a name is neither the writer's hope nor fear
    "Joy felt tired.",
]

WRITERS_QA = [
    ("Church felt safe.", "calm"),  # a surname that is an everyday word opens as the word
    ("Park was calm.", "calm"),
    ("Brexit felt tense.", "fear"),
    ("UK felt tense.", "fear"),
    ("I was SO anxious.", "fear"),  # a word in capitals is no initials
    ("Drove to Tesco anxious.", "fear"),  # a place after a preposition
    ("Left Church anxious.", "fear"),
    ("Felt anxious (not sure why).", "fear"),
    ("Went to group (felt anxious).", "fear"),  # the form inside the brackets
    ("Priya, who was kind, and I felt calm.", "calm"),
    ("Sam's party made me anxious.", "fear"),
    ("Hope was all I had.", "hope"),  # the feeling, no one's name, with no feeling after it
    ("Hope was what kept me going.", "hope"),
]


@pytest.mark.parametrize("text", OTHERS_QA)
def test_a_named_persons_feelings_past_asides_and_adverbs(text: str) -> None:
    assert dict(named_feelings(text)) == {}


@pytest.mark.parametrize(("text", "family"), WRITERS_QA)
def test_everyday_capitalised_words_and_asides_keep_the_writers_feeling(
    text: str, family: str
) -> None:
    assert dict(named_feelings(text)) == {family: 1}


def test_seeing_someone_anxious_counts_only_the_writers_anxiety() -> None:
    assert dict(named_feelings("Seeing Priya anxious made me anxious.")) == {"fear": 1}
    assert dict(named_feelings("Seeing Priya so anxious made me anxious.")) == {"fear": 1}


def test_report_counts_a_place_but_not_a_name_that_is_a_feeling(cli: CLI) -> None:
    for feelings in ("Church felt safe.", "Hope felt anxious.", "Sam, who I support, felt sad."):
        result = cli("write", "-x", "We walked to the office.", "-f", feelings)
        assert result.exit_code == 0, result.stderr
    assert _report_feelings(cli) == {"calm": 1}
