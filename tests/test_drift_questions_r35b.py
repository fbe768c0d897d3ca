"""Round 35 (drift-q): a reflective question needs drift the lexicon names in its dimension
(a curated hit, or learned words of a curated phrase's weight), not one learned word that
leans that way ("Felt a" asked "…who doubted themselves the way you did today?"); and a voice
or advocacy practice someone else is named doing ("proud of how he spoke up") is theirs, not
the writer's: score.py `reflective_questions`, matcher.py `_someone_else_does`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.drift import load_lexicon, score_text
from peerjournal.drift.score import QUESTION_MIN_WEIGHT

QUESTIONS_LEXICON = """
[lexicon]
name = "questions-r35"

[questions]
advice = ["ADVICE one?", "ADVICE two?"]
self_worth = ["DOUBT one?", "DOUBT two?"]
co_optation = ["ROLE one?", "ROLE two?"]

[[marker]]
id = "org.advice"
dimension = "advice"
polarity = "drift"
source = "test"
patterns = ["told her she should"]

[[marker]]
id = "learned.self_worth.drift.1"
dimension = "self_worth"
polarity = "drift"
weight = 1.0
learned = true
source = "test"
patterns = ["felt a"]

[[marker]]
id = "learned.co_optation.drift.2"
dimension = "co_optation"
polarity = "drift"
weight = 2.0
learned = true
source = "test"
patterns = ["sleep hygiene"]
"""

ADVICE_AND_A_LEARNED_WORD = (
    "Went with Amira to the benefits appointment. Afterwards I told her she should really stop"
    " seeing that boyfriend. Felt a bit off about that."
)
# no curated drift; one learned phrase of more than a curated phrase's weight, 20+ words
LEARNED_ONLY = (
    "Rang him back after lunch and sent him a sleep hygiene leaflet, then wrote up the call for"
    " the team before heading home for tea."
)


def _lexicon(tmp_path: Path) -> str:
    path = tmp_path / "questions.toml"
    path.write_text(QUESTIONS_LEXICON, encoding="utf-8")
    return str(path)


def _asked(cli: CLI, *args: str) -> list[str]:
    result = cli("drift", *args)
    assert result.exit_code == 0, result.output
    if "Questions to sit with:" not in result.stdout:
        return []
    tail = result.stdout.split("Questions to sit with:")[1]
    return [line.strip()[2:] for line in tail.splitlines() if line.strip().startswith("• ")]


def _json(cli: CLI, *args: str) -> dict[str, Any]:
    result = cli("drift", "--json", *args)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_one_light_learned_word_asks_nothing_of_its_dimension(
    isolated: object, cli: CLI, tmp_path: Path
) -> None:
    lexicon = _lexicon(tmp_path)
    data = _json(cli, "--lexicon", lexicon, "--text", ADVICE_AND_A_LEARNED_WORD)
    assert data["dimensions"]["self_worth"]["drift"] > 0  # "Felt a" counted …
    assert data["dimensions"]["self_worth"]["drift"] * data["words"] / 100 < QUESTION_MIN_WEIGHT
    asked = _asked(cli, "--lexicon", lexicon, "--text", ADVICE_AND_A_LEARNED_WORD)
    assert asked == ["ADVICE one?", "ADVICE two?"]  # … but only the advice is asked about


def test_learned_drift_of_a_phrases_weight_still_asks(
    isolated: object, cli: CLI, tmp_path: Path
) -> None:
    lexicon = _lexicon(tmp_path)
    data = _json(cli, "--lexicon", lexicon, "--text", LEARNED_ONLY)
    counted = [h for h in data["hits"] if h["counted"]]
    assert [h["marker"] for h in counted] == ["learned.co_optation.drift.2"]
    assert data["verdict"] == "drift"
    assert _asked(cli, "--lexicon", lexicon, "--text", LEARNED_ONLY) == ["ROLE one?", "ROLE two?"]


def test_the_qa_entry_keeps_its_advice_question(isolated: object, cli: CLI) -> None:
    """The shipped lexicon: the advice ("should really stop seeing") is asked about; no
    question comes from a dimension whose only drift is learned words of little weight."""
    text = (
        "Went with Amira to the benefits appointment. I spoke up when they talked over her."
        " Afterwards I told her she should really stop seeing that boyfriend, he's bad news."
        " Felt a bit off about that."
    )
    lex = load_lexicon()
    score = score_text(text, lex)
    asked = _asked(cli, "--text", text)
    assert asked and set(asked) <= set(lex.questions["advice"])
    light = [
        d
        for d, v in score.dimensions.items()
        if 0 < v["drift"] * score.words / 100 < QUESTION_MIN_WEIGHT
        and not any(h.counted and h.dimension == d and not h.marker.startswith("learned.")
                    for h in score.hits)
    ]
    for dim in light:
        assert not set(asked) & set(lex.questions.get(dim, ())), dim


def _counted_identity(text: str) -> list[tuple[str, str]]:
    score = score_text(text)
    return [
        (h.dimension, h.text)
        for h in score.hits
        if h.counted and h.polarity == "identity" and h.dimension in ("voice", "advocacy")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Nervous, then proud of how he spoke up.",
        "I said nothing, but Jo spoke up at the end.",
        "She spoke up in the ward round.",
        "Her mum challenged the nurse about the meds.",
        "Jo who I work with spoke up.",
    ],
)
def test_someone_elses_voice_is_not_the_writers(text: str) -> None:
    score = score_text(text)
    assert _counted_identity(text) == []
    assert any(h.attributed and h.dimension == "voice" for h in score.hits)


@pytest.mark.parametrize(
    "text",
    [
        "I spoke up in the ward round.",
        "Spoke up in the ward round.",  # diary style
        "She and I spoke up in the ward round.",
        "The nurse and I spoke up in the ward round.",
        "I challenged the nurse about the meds.",
        "Jo spoke up for herself at the end.",  # the person's self-advocacy, by its reflexive
        "Order affirmed, but she had her say.",  # hers, by the possessive
        "Raised it in the meeting and the manager backed me.",  # the writer's voice, backed
    ],
)
def test_the_writers_voice_and_what_it_made_room_for_still_count(text: str) -> None:
    assert _counted_identity(text)


def test_the_readme_guided_answer_is_not_the_writers_voice(isolated: object, cli: CLI) -> None:
    data = _json(cli, "--text", "Nervous, then proud of how he spoke up.")
    spoke = [h for h in data["hits"] if h["text"] == "spoke up"]
    assert spoke and all(h["attributed"] and not h["counted"] for h in spoke)
    assert data["dimensions"]["voice"]["identity"] == 0.0
    assert data["dimensions"]["advocacy"]["identity"] == 0.0
