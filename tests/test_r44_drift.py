"""Round 44 (the drift misreadings left from round 43's QA of five services).

- A service's request to the writer ("the hostel manager wants me to …") is the service
  framing the writer's job, not the writer's voice; a person's own wish ("Nadia wanted me
  to …") stays the voice the writer made room for.
- A learned word counts in the sense it was learned in, not as the head of an everyday
  compound ("coach depot", "DLA assessment", "baby monitor").
- A label quoted after the writer's verb of naming ('referred to him as "…"') is still the
  writer's label, and "I was calling him …" is the writer naming, not a label received.
- "Ive" and "Im" (the apostrophe dropped) are the writer, as "I've" and "I'm" are.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import CLI


def _drift_json(cli: CLI, text: str) -> dict[str, Any]:
    result = cli("drift", "--text", text, "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _hits(data: dict[str, Any], words: str) -> list[dict[str, Any]]:
    """The hits whose text starts with `words` (case-insensitive)."""
    return [h for h in data["hits"] if h["text"].lower().startswith(words)]


@pytest.mark.parametrize(
    ("text", "asking"),
    [
        ("The hostel manager wants me to do the room checks on Fridays now.", "wants me"),
        ("Her social worker wanted me to report back after every visit.", "wanted me"),
        ("Housing rang and wanted me to sort out his rent arrears.", "wanted me"),
        ("Our team leader wants me to chase everyone's appointments.", "wants me"),
    ],
)
def test_a_services_request_is_not_the_writers_voice(cli: CLI, text: str, asking: str) -> None:
    data = _drift_json(cli, text)
    asked = _hits(data, asking)
    assert asked, "the request is found"
    assert all(h["attributed"] and not h["counted"] for h in asked)
    assert data["dimensions"]["voice"]["identity"] == 0.0
    assert data["verdict"] != "identity"


@pytest.mark.parametrize(
    ("text", "asking"),
    [
        ("Nadia wanted me to sit in on her review, so I did.", "wanted me"),
        ("Her nan wants me there when the doctor comes.", "wants me"),
        ("I asked her how she wanted me to be involved.", "wanted me"),
    ],
)
def test_a_persons_own_wish_stays_counted(cli: CLI, text: str, asking: str) -> None:
    asked = _hits(_drift_json(cli, text), asking)
    assert asked and all(h["counted"] and not h["attributed"] for h in asked)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("We waited outside the coach depot for his lift and talked about fishing.", "depot"),
        ("She got a letter about her DLA assessment, we read it together over a cuppa.",
         "assessment"),
        ("Put the baby monitor on and we had a brew while the little one napped.", "monitor"),
    ],
)
def test_an_everyday_compound_is_no_learned_evidence(cli: CLI, text: str, word: str) -> None:
    data = _drift_json(cli, text)
    assert not any(h["text"].lower() == word for h in data["hits"])
    assert data["dimensions"]["clinical_language"]["drift"] == 0.0
    assert data["dimensions"]["co_optation"]["drift"] == 0.0
    assert data["verdict"] in ("identity", "insufficient")


def test_the_clinical_sense_still_counts(cli: CLI) -> None:
    data = _drift_json(cli, "Her depot is due on Thursday so I reminded her.")
    depot = _hits(data, "depot")
    assert depot and depot[0]["counted"] and depot[0]["dimension"] == "co_optation"
    assert data["dimensions"]["co_optation"]["drift"] > 0


@pytest.mark.parametrize(
    "text",
    [
        'Realised I had referred to him as "non-compliant" in the handover.',
        'I labelled her "attention seeking" in my notes.',
        'Caught myself describing him to the team as "a prolific offender".',
        "I was calling him the offender on the phone.",
    ],
)
def test_a_label_the_writer_named_someone_is_theirs(cli: CLI, text: str) -> None:
    data = _drift_json(cli, text)
    labels = [h for h in data["hits"] if h["marker"] == "clinical_language.labels"]
    assert labels and all(h["counted"] and not h["attributed"] for h in labels)


def test_a_quoted_slip_the_writer_caught_is_mixed(cli: CLI) -> None:
    text = (
        'Caught myself referring to her as "a frequent attender" at the team meeting. She is '
        "Bev. She knits for the whole ward and she has a granddaughter starting school."
    )
    data = _drift_json(cli, text)
    label = next(h for h in data["hits"] if h["marker"] == "clinical_language.labels")
    assert label["counted"] and label["self_noticed"]
    assert data["verdict"] == "mixed"


def test_someone_elses_quoted_label_stays_theirs(cli: CLI) -> None:
    data = _drift_json(cli, 'The nurse labelled her "attention seeking" in the notes.')
    label = next(h for h in data["hits"] if h["marker"] == "clinical_language.labels")
    assert label["attributed"] and not label["counted"]


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        (
            "My manager said I should do the course but Ive made my decision.",
            "My manager said I should do the course but I've made my decision.",
        ),
        (
            "Mum keeps saying I should go back, Ive made my decision, im staying.",
            "Mum keeps saying I should go back, I've made my decision, I'm staying.",
        ),
        (
            "She said I should take the job but Im going to speak up for myself.",
            "She said I should take the job but I'm going to speak up for myself.",
        ),
    ],
)
def test_ive_and_im_are_the_writer(cli: CLI, typed: str, written: str) -> None:
    voice = [h for h in _drift_json(cli, typed)["hits"] if h["marker"].startswith("voice.")]
    assert voice and all(h["counted"] and not h["attributed"] for h in voice)
    with_apostrophe = [
        h for h in _drift_json(cli, written)["hits"] if h["marker"].startswith("voice.")
    ]
    assert [(h["text"], h["counted"]) for h in voice] == [
        (h["text"], h["counted"]) for h in with_apostrophe
    ]
