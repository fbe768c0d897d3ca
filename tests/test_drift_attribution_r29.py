"""Round 29: whose practice it is. Someone named by a possessive noun phrase ("the caller's
mum", "Sam's mum") or by a role of more than one word ("her social worker", "the duty social
worker", "her keyworker", "the crisis team") who tells someone what to do does it themselves:
the hits are attributed and the writer's verdict is not drift. The writer's own advice, alone
or alongside someone else ("The caller's mum and I told her …"), still counts."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import CLI


def scored(cli: CLI, text: str) -> dict[str, Any]:
    result = cli("drift", "--json", "--text", text)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def counted_drift(data: dict[str, Any]) -> list[str]:
    return [h["text"] for h in data["hits"] if h["counted"] and h["polarity"] == "drift"]


OTHERS = [
    # a possessive noun phrase as the subject
    "The caller's mum keeps telling her what to do.",
    "Sam's mum keeps telling her what to do.",
    "The caller's partner told her she should leave.",
    "The client's mother told him he needs to comply.",
    "Her GP's receptionist told her she should come back next week.",
    # a role of two or more words, or one written as a compound
    "Her social worker told her she should take her meds.",
    "His support worker told him he needs to take his meds.",
    "Her keyworker told her she should take her meds.",
    "Her key worker told her she should take her meds.",
    "Her care co-ordinator told her she should take her meds.",
    "His probation officer told him he should take his meds.",
    "The duty social worker told him he needs to take his meds.",
    "Her new housing officer keeps telling her what to do.",
    "The crisis team told her she should take her meds.",
    "The support workers told her she should take her meds.",
    "Her stepdad told her she should get a job.",
    "His boss told him he should take his meds.",
    # note style, and a time word before the subject
    "Social worker told her she should take her meds.",
    "Later her mum told her what to do.",
    # what they said reaches what follows it in the sentence
    "Sam's support worker told her she should leave him.",
]


@pytest.mark.parametrize("text", OTHERS)
def test_someone_elses_advice_is_theirs(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    assert counted_drift(data) == [], data["hits"]
    assert any(h["attributed"] for h in data["hits"])
    assert data["verdict"] != "drift"


WRITERS = [
    "I told her she should take her meds.",
    "Told her she should take her meds.",
    # the writer is one of the subjects
    "The caller's mum and I told her what to do.",
    "Me and her mum told her what to do.",
    # the writer was told to, and did
    "My manager told me to tell her to take her meds, and I did.",
    # someone else is named, but not as the one who advises
    "I told the caller's mum she should take her meds.",
    "After the caller's mum left I told her she should take her meds.",
    "The caller's mum was crying and I told her what to do.",
    # diary style: a verb or a time before the advice, no one else as its subject
    "Rang support worker, told him to take his meds.",
    "This morning told her she should take her meds.",
    # notes that name the writer by their role
    "Peer worker told him he should take his meds.",
]


@pytest.mark.parametrize("text", WRITERS)
def test_the_writers_advice_counts(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    assert counted_drift(data), data["hits"]
    assert data["verdict"] == "drift"


def test_the_role_named_as_the_doer_is_not_the_writers_drift(cli: CLI) -> None:
    """A role word that is evidence of drift when the writer does the role's work ("key
    worker") is not when it names who gave the advice."""
    data = scored(cli, "Her key worker told her she should take her meds.")
    role = [h for h in data["hits"] if h["text"] == "key worker"]
    assert role and all(h["attributed"] and not h["counted"] for h in role)


def test_work_handed_to_the_writer_is_the_writers(cli: CLI) -> None:
    """"gave me …": what follows is the writer's to do, not the giver's practice."""
    data = scored(cli, "The discharge coordinator gave me four patients to take home in the car.")
    assert "take home" in counted_drift(data)
    assert data["verdict"] == "drift"


def test_an_entry_stores_the_attributed_verdict(cli: CLI) -> None:
    """What list shows: the entry about a social worker's advice is not the writer's drift."""
    result = cli(
        "write", "--experience", "Her social worker told her she should take her meds."
    )
    assert result.exit_code == 0, result.stderr
    listed = cli("list", "--json")
    assert listed.exit_code == 0, listed.stderr
    assert [e["drift"] for e in json.loads(listed.stdout)] == ["insufficient"]
