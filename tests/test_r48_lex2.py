"""Round 48, the drift lexicon (second pass), from a peer supporter in a gambling-harm service:
"kicked off" of an event starting or of someone removed is no label; a phrase ending in the
first part of a compound ("self" of "self-excluded") is never learned; the writer knowing
"chasing losses" from their own life is their recovery story; "mostly" in the verdict sentence
means more than half of the drift; a person named by a noun phrase ("her son") and "a drunk" is
labelled as "he" is."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import CLI
from drift_eval import Example
from learn_markers import count, usable
from peerjournal.drift import load_lexicon
from peerjournal.drift.score import score_text
from peerjournal.render.drift import OUTWEIGHED_SENTENCE, largest_part, verdict_sentence


def _drift(cli: CLI, text: str) -> dict[str, Any]:
    result = cli("drift", "--text", text, "--json")
    assert result.exit_code == 0, result.stderr
    return dict(json.loads(result.stdout))


def _counted(cli: CLI, text: str, dimension: str, polarity: str = "drift") -> list[str]:
    return [
        h["text"] for h in _drift(cli, text)["hits"]
        if h["dimension"] == dimension and h["polarity"] == polarity and h["counted"]
    ]


@pytest.mark.parametrize("text", [
    "The group kicked off at ten with a check-in.",
    "We kicked off the session with a quiz.",
    "It all kicked off on the ward after tea.",
    "He got kicked off the course for missing days.",
    "The meeting kicked off late.",
])
def test_kicked_off_of_an_event_or_a_removal_is_no_label(cli: CLI, text: str) -> None:
    assert _counted(cli, text, "clinical_language") == []


@pytest.mark.parametrize(("text", "label"), [
    ("Bay 3 was kicking off again.", "kicking off"),
    ("He kicked off at staff when they said no.", "kicked off"),
    ("She kicks off whenever the nurse comes in.", "kicks off"),
])
def test_a_person_kicking_off_is_still_the_wards_label(cli: CLI, text: str, label: str) -> None:
    assert _counted(cli, text, "clinical_language") == [label]


def _examples(*texts: str) -> list[Example]:
    return [Example(t, "drift", (), f"set{n % 2}") for n, t in enumerate(texts)]


def test_the_first_part_of_compounds_is_not_learned_alone() -> None:
    counts = count(iter(_examples(*["Talked about self-harm."] * 8, *["She self harms."] * 3,
                                  *["Non-compliant again."] * 10)))
    prefixes = counts.prefixes()
    assert {"self", "non"} <= prefixes
    assert not usable("self", prefixes=prefixes) and not usable("talked about self",
                                                                prefixes=prefixes)
    # the compound with the part after stays learnable
    assert usable("self harm", prefixes=prefixes) and usable("non compliant", prefixes=prefixes)


def test_the_shipped_lexicon_has_no_learned_self() -> None:
    learned = {p for m in load_lexicon().markers if m.learned for p in m.patterns}
    assert "self" not in learned and "self harm" in learned


@pytest.mark.parametrize("text", [
    "She decided to self exclude from the bookies.",
    "He has self-excluded from every site.",
])
def test_self_exclusion_is_no_focus_drift(cli: CLI, text: str) -> None:
    assert _counted(cli, text, "focus") == []


def test_the_writers_own_chasing_losses_is_their_story(cli: CLI) -> None:
    text = "I know what chasing losses feels like, I did it for years."
    found = _drift(cli, text)
    drift = [h["text"] for h in found["hits"] if h["polarity"] == "drift" and h["counted"]]
    assert drift == []
    assert _counted(cli, text, "story", "identity")[:1] == ["I know what chasing losses feels like"]
    assert found["verdict"] != "drift"


def test_mostly_is_said_only_of_more_than_half_of_the_drift() -> None:
    # self-doubt is half of the drift here, clinical language and advice a quarter each
    score = score_text("I felt like a fraud and doubted myself all day. He is manipulative. "
                       "I told her what to do.", load_lexicon())
    sentence = verdict_sentence(score, load_lexicon())
    assert "mostly" not in sentence
    assert sentence == OUTWEIGHED_SENTENCE.format(
        role="clinical language and advice", largest="self-doubt more than anything else")
    alone = score_text("I felt like a fraud and doubted myself. He is manipulative.",
                       load_lexicon())
    assert largest_part(alone, ["self_worth"], load_lexicon()) == "mostly self-doubt"


@pytest.mark.parametrize("text", [
    "Her son was a drunk, full stop.",
    "My brother is a junkie.",
    "The guy in bed 3 was a drunk.",
])
def test_a_noun_phrase_named_as_a_drunk_is_a_label(cli: CLI, text: str) -> None:
    assert len(_counted(cli, text, "clinical_language")) == 1


@pytest.mark.parametrize("text", [
    "I was a drunk for years.",
    "Her son was a drunk driver.",
])
def test_the_writer_or_a_drunk_driver_is_no_label(cli: CLI, text: str) -> None:
    assert _counted(cli, text, "clinical_language") == []
