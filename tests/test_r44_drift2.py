"""Round 44, second pass (the QA of the service-request and "Im" fixes).

- "IM" in capitals (intramuscular, instant message), and "im" after a word that takes a noun
  ("for im", "gave her im"), is a word of its own, not the writer's "I'm": what someone else
  says after it stays theirs.
- A service word that only describes the person asking ("a lad from the hostel", "his
  sister who volunteers at the hospital") does not make their wish the service's request; a
  role there ("the staff nurse on the ward"), or someone from a body that employs ("someone
  from the council"), still asks for the service.
- A learned phrase of the writer's opinion opening a clause ("think she") is no evidence:
  what leans is what the clause says. Bringing one's own story into the work is Recovery
  story identity, not drift.
- A learned phrase that holds a service and its wish ("Staff wanted") still counts: in the
  labelled sets it is the writer recording a wish they then challenge (see the round's report).
- "mail depot", "sorting depot": everyday compounds, also as the first word of a learned
  phrase ("depot and").
"""

from __future__ import annotations

from typing import Any

import pytest

from conftest import CLI
from test_r44_drift import _drift_json, _hits


def _counted(data: dict[str, Any], dimension: str, polarity: str) -> list[str]:
    return [
        h["text"]
        for h in data["hits"]
        if h["counted"] and h["dimension"] == dimension and h["polarity"] == polarity
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The consultant charted him for IM and said he needs to stop drinking.",
        "The consultant charted him for im and said he needs to stop drinking.",
        "The nurse gave him im and said he should go back to bed.",
    ],
)
def test_im_as_a_noun_is_not_the_writer(cli: CLI, text: str) -> None:
    data = _drift_json(cli, text)
    assert _counted(data, "advice", "drift") == []
    assert data["verdict"] != "drift"


@pytest.mark.parametrize(
    ("typed", "spelled"),
    [
        ("Im really proud of how far he's come.", "I'm really proud of how far he's come."),
        (
            "she said stop but im not going to tell her what to do",
            "she said stop but i'm not going to tell her what to do",
        ),
    ],
)
def test_im_for_i_am_is_still_the_writer(cli: CLI, typed: str, spelled: str) -> None:
    a, b = _drift_json(cli, typed), _drift_json(cli, spelled)
    assert a["verdict"] == b["verdict"]
    assert [(h["dimension"], h["polarity"], h["counted"]) for h in a["hits"]] == [
        (h["dimension"], h["polarity"], h["counted"]) for h in b["hits"]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A lad from the hostel wanted me to come to his appeal hearing.",
        "Some of the girls on the unit wanted me to start a knitting group with them.",
        "His sister who volunteers at the hospital wanted me to meet him for a coffee.",
    ],
)
def test_a_place_that_describes_the_asker_is_not_the_service(cli: CLI, text: str) -> None:
    asked = _hits(_drift_json(cli, text), "wanted me")
    assert asked, "the wish is found"
    assert all(h["counted"] and not h["attributed"] for h in asked)


@pytest.mark.parametrize(
    "text",
    [
        "The staff nurse on the ward wanted me to make him take his tablets.",
        "Someone from the council wanted me to get her to sign the tenancy form.",
        "The head of the unit wanted me to monitor her attendance.",
    ],
)
def test_a_role_or_a_body_still_asks_for_the_service(cli: CLI, text: str) -> None:
    asked = _hits(_drift_json(cli, text), "wanted me")
    assert asked
    assert all(h["attributed"] and not h["counted"] for h in asked)


def test_the_writers_opinion_of_someone_is_no_advice(cli: CLI) -> None:
    data = _drift_json(cli, "Thinking it over, I think she handled it better than I did.")
    assert _hits(data, "think she") == []
    assert data["verdict"] != "drift"


def test_bringing_my_own_story_in_is_story_identity(cli: CLI) -> None:
    data = _drift_json(cli, "Next week I'd like to bring my own experience into the group.")
    assert _counted(data, "story", "identity")
    assert _counted(data, "story", "drift") == []


def test_not_bringing_my_own_story_in_is_still_story_drift(cli: CLI) -> None:
    data = _drift_json(cli, "I don't bring my own experience into it, it feels unprofessional.")
    assert _counted(data, "story", "drift")
    assert _counted(data, "story", "identity") == []


def test_the_writer_speaking_up_after_staffs_wish_still_counts(cli: CLI) -> None:
    data = _drift_json(cli, "Staff wanted him moved to another room, so I spoke up for him.")
    assert "spoke up for him" in _counted(data, "advocacy", "identity")
    assert data["verdict"] == "identity"


@pytest.mark.parametrize(
    "text",
    [
        "Dropped her at the mail depot so she could collect her parcel.",
        "He works nights at the sorting depot and hates it, but the money is decent.",
    ],
)
def test_more_everyday_depots(cli: CLI, text: str) -> None:
    assert _hits(_drift_json(cli, text), "depot") == []
