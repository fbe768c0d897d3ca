"""Round 41 lexicon: presence needs a person (not a bare café, not a long chat about the rota),
"Strictly" the TV show is no learned drift word, keeping quiet instead of advising is not
avoidance, and a sarcastic "sticker chart for adults" questions the practice. Each is checked
through what `drift --text … --json` says."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import CLI
from learn_markers import usable


def scored(cli: CLI, text: str) -> dict[str, Any]:
    result = cli("drift", "--json", "--text", text)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def counted(data: dict[str, Any], marker: str) -> list[str]:
    """The counted hits' texts of one marker (lowercase)."""
    return [h["text"].lower() for h in data["hits"] if h["marker"] == marker and h["counted"]]


# -- 1: presence needs a person, not a place or a long chat about the rota --------------------


@pytest.mark.parametrize(
    "text",
    [
        "Went to the recovery cafe this afternoon. Had a long chat about the new rota.",
        "Dropped in at the recovery café after work.",
        "I had a long chat with the manager about rotas.",
        "Long catch-up about the new parking rules at team meeting.",
    ],
)
def test_a_place_or_a_chat_without_a_person_is_not_presence(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    assert counted(data, "connection.presence") == []
    assert data["verdict"] == "insufficient"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Long chat with Minh at the uni.", "long chat with minh"),
        ("Had a good long chat with him in the smoking shelter.", "good long chat with him"),
        ("Long chat, mostly about his cousin's barbershop.", "long chat, mostly about his"),
        ("Met her at the recovery cafe and we talked.", "met her at the recovery cafe"),
        ("Took him to the recovery cafe for the first time.", "took him to the recovery cafe"),
        ("Peer group tonight was about shame.", "peer group"),
        ("Had a proper chat about football.", "proper chat"),
        ("We had a good long chat in the lounge.", "we had a good long chat"),
    ],
)
def test_presence_with_a_person_or_a_gathering_still_counts(
    cli: CLI, text: str, phrase: str
) -> None:
    assert phrase in counted(scored(cli, text), "connection.presence")


# -- 2: "Strictly" is a TV show; how strictly is evidence only in its phrase -----------------


def test_strictly_alone_is_not_learned() -> None:
    assert not usable("strictly")
    assert usable("follow it strictly")


@pytest.mark.parametrize(
    "text",
    [
        "Watched Strictly with her mum on the ward telly and we both laughed at the judges.",
        "Strictly was on in the lounge so we watched it together.",
    ],
)
def test_the_tv_show_is_no_drift(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    assert not [h for h in data["hits"] if "strictly" in h["text"].lower()]
    assert data["drift"] == 0.0


def test_strictly_in_advice_or_a_withheld_story_still_drifts(cli: CLI) -> None:
    told = scored(cli, "Told him he should follow the plan strictly.")
    assert counted(told, "advice.you_should") and told["verdict"] == "drift"
    kept = scored(cli, "He asked if I'd ever used. I keep it strictly professional now.")
    assert kept["verdict"] == "drift"


# -- 3: keeping quiet instead of giving advice gives the choice back -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I kept my mouth shut instead of telling her what to do.",
        "Kept my mouth shut rather than tell him what I'd do.",
        "Kept quiet and didn't give him my advice, he worked it out.",
        "I bit my tongue rather than telling her to leave him.",
    ],
)
def test_holding_back_advice_is_not_avoidance(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    assert counted(data, "voice.defer_avoid") == []
    assert counted(data, "moving_toward.choice_hope")
    assert data["verdict"] == "identity"


@pytest.mark.parametrize(
    "text",
    [
        "I kept my mouth shut in the meeting when the consultant called her manipulative.",
        "I kept my mouth shut instead of challenging the psychiatrist.",
    ],
)
def test_holding_back_a_challenge_is_still_avoidance(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    assert counted(data, "voice.defer_avoid") == ["kept my mouth shut"]
    assert data["verdict"] == "drift"


# -- 4: a sticker chart for adults, said of the ward, questions the practice -----------------


@pytest.mark.parametrize(
    "text",
    [
        "The ward still runs a sticker chart for adults.",
        "Sticker charts for grown men. Still.",
    ],
)
def test_a_sticker_chart_for_adults_questions_the_practice(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    assert not [h for h in data["hits"] if h["marker"].startswith("co_optation.")]
    assert counted(data, "worldview.language_critique")
    assert data["verdict"] == "identity"


@pytest.mark.parametrize(
    "text",
    [
        "Day centre. Updated his sticker chart.",
        "Told the mum exactly what to do: sticker chart, no phone after 8.",
    ],
)
def test_running_a_sticker_chart_is_still_co_optation(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    assert counted(data, "co_optation.coercion_risk") == ["sticker chart"]
    assert data["verdict"] == "drift"
