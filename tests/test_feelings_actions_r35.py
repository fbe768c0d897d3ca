"""Round 35: a feeling verb with an object is an action, not a feeling the writer names ("I
encouraged him to ring his sister" is no hope, "Excited the team" no joy), while the feeling
itself still counts ("I felt encouraged", "Excited about the group", "Worried the client might
relapse")."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from peerjournal.feelings import named_feelings

CLI = Callable[..., Any]

ACTIONS = [
    "I encouraged him to ring his sister.",
    "Excited the team about the new group.",
    "Monitored client's mood and symptoms, encouraged adherence to medication.",
    "I upset her by mentioning the ward.",
    "Inspired the group to try the walk.",
    "I reassured and encouraged Sam to keep going.",
    "Worried the family with my news.",
    "I relaxed the rules for the group.",
    "Pleased the manager with the rota.",
    "I frustrated everyone by being late.",
    "I connected him with the housing team.",
    "Disappointed my client by cancelling.",
    "I scared them with that story.",
]

FEELINGS = [
    ("I felt encouraged after group.", {"hope"}),
    ("I was excited about the new group.", {"joy"}),
    ("Excited about the new group.", {"joy"}),
    ("Encouraged by how she spoke up.", {"hope"}),
    ("I was really encouraged.", {"hope"}),
    ("So excited for tomorrow.", {"joy"}),
    ("Worried the client might relapse.", {"fear"}),
    ("Relieved the session ended on time.", {"calm"}),
    ("Pleased the group went well.", {"joy"}),
    ("Worried she would not come back.", {"fear"}),
    ("Excited to start the course.", {"joy"}),
    ("Frustrated the meeting ran over again.", {"anger"}),
    ("Scared stiff before the panel.", {"fear"}),
    ("Encouraged that he came back.", {"hope"}),
    ("Anxious the whole day.", {"fear"}),
    ("Worried the whole shift.", {"fear"}),
    ("Tired body, tired head.", {"tired"}),
    ("Encouraged her, then felt anxious about it.", {"fear"}),
    ("Tired and moved the chairs back.", {"tired"}),
]


@pytest.mark.parametrize("text", ACTIONS)
def test_a_feeling_verb_with_an_object_is_no_feeling(text: str) -> None:
    assert dict(named_feelings(text)) == {}


@pytest.mark.parametrize(("text", "families"), FEELINGS)
def test_a_feeling_named_still_counts(text: str, families: set[str]) -> None:
    assert set(named_feelings(text)) == families


def test_report_names_no_feeling_for_actions_done_to_others(cli: CLI) -> None:
    """The reproduction of qa-ux #6: was `["hope", "joy"]`."""
    result = cli(
        "write", "-x", "Ward shift, long day with lots of people around.", "-f",
        "I encouraged him to ring his sister. Calmed things down with the nurse. Excited the "
        "team about the new group.", "-d", "2026-11-18",
    )
    assert result.exit_code == 0, result.stderr
    result = cli("write", "-x", "Group.", "-f", "Felt encouraged and excited about it.",
                 "-d", "2026-11-19")
    assert result.exit_code == 0, result.stderr
    result = cli("report", "--since", "2026-11-01", "--json")
    assert result.exit_code == 0, result.stderr
    feelings = {f["id"]: f["entries"] for f in json.loads(result.stdout)["feelings"]}
    assert feelings == {"hope": 1, "joy": 1}
