"""Round 33: one learned phrase alone decides no short text ("We had tea after the group and
talked about the weekend." read "drift" from the learned phrase "after the group": score.py,
`LEARNED_PHRASE_MIN_WORDS`)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import CLI
from peerjournal.drift.score import LEARNED_PHRASE_MIN_WORDS

NOT_ENOUGH = "Not enough signal in this entry to say either way"
# a neutral sentence whose only hit is a learned drift phrase: "after the call" (round 39:
# "after the group" is no longer learned, "group" counts only inside a longer phrase)
RAIN = "It rained after the call so I waited inside for the bus"


def _drift_json(cli: CLI, text: str) -> dict[str, Any]:
    result = cli("drift", "--json", "--text", text)
    assert result.exit_code == 0, result.output
    score: dict[str, Any] = json.loads(result.stdout)
    return score


@pytest.mark.parametrize(
    "text",
    [
        "We had tea after the group and talked about the weekend.",
        "After the call I went home and made some soup for dinner.",
        f"{RAIN}.",
        "Had lunch with the team and then drove home in the rain.",
        "Quiet shift, only two people came to the drop-in and both left early.",
    ],
)
def test_one_learned_phrase_in_a_short_text_is_not_enough(
    isolated: object, cli: CLI, text: str
) -> None:
    score = _drift_json(cli, text)
    assert score["verdict"] == "insufficient"
    # the phrase is still found and shown (every number stays traceable), it just decides nothing
    learned = [h for h in score["hits"] if h["marker"].startswith("learned.") and h["counted"]]
    assert len(learned) == 1
    assert NOT_ENOUGH in cli("drift", "--text", text).stdout


def test_one_learned_phrase_decides_from_the_minimum_length(isolated: object, cli: CLI) -> None:
    """The same lone phrase: below the length no verdict, from it the entry's lean."""
    short = f"{RAIN}, which came at six and was full."
    long = f"{RAIN}, which came at six and was full again."
    assert _drift_json(cli, short)["words"] == LEARNED_PHRASE_MIN_WORDS - 1
    assert _drift_json(cli, short)["verdict"] == "insufficient"
    assert _drift_json(cli, long)["words"] == LEARNED_PHRASE_MIN_WORDS
    assert _drift_json(cli, long)["verdict"] == "drift"


@pytest.mark.parametrize(
    "text",
    [
        # round 39: "missing" counts only inside a longer phrase; "appointments" is learned
        "After the group I told her she should take her meds and keep her appointments.",
        "After the group I told him he was non-compliant and needed to take his medication.",
    ],
)
def test_short_drift_with_curated_and_learned_hits_is_still_drift(
    isolated: object, cli: CLI, text: str
) -> None:
    score = _drift_json(cli, text)
    assert score["words"] < LEARNED_PHRASE_MIN_WORDS
    assert score["verdict"] == "drift"
    counted = [h for h in score["hits"] if h["counted"]]
    assert any(h["marker"].startswith("learned.") for h in counted)
    assert any(not h["marker"].startswith("learned.") for h in counted)


def test_a_curated_phrase_alone_still_decides_a_short_text(isolated: object, cli: CLI) -> None:
    score = _drift_json(cli, "Today I told her she should stop.")
    assert [h["marker"] for h in score["hits"] if h["counted"]] == ["advice.you_should"]
    assert score["verdict"] == "drift"
