"""Round 31: "save" is rescuing a person, not saving a thing (a QA find: "I saved notes on the
laptop" was quoted to a mentor as "instructing, managing for them")."""

from __future__ import annotations

import json

import pytest

from conftest import CLI


def _rescue_hits(cli: CLI, text: str) -> list[str]:
    result = cli("drift", "--json", "--text", text)
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)["hits"]
    return [h["text"] for h in hits if h["text"].lower().startswith(("sav", "rescu"))]


@pytest.mark.parametrize(
    "text",
    [
        "I saved notes on the laptop after the group today.",
        "I saved money for the bus fare home.",
        "Saved a lot of arguments by letting them pick the film.",
        "We saved the leftover cake for the night staff.",
    ],
)
def test_saving_a_thing_is_not_rescuing(isolated: object, cli: CLI, text: str) -> None:
    assert _rescue_hits(cli, text) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("I wanted to save her from all of it.", "save her"),
        ("I tried to save Tom from himself again.", "save Tom from"),
        ("I rescued Tom again, as if he could not cope.", "rescued Tom"),
        ("Part of me is still saving them.", "saving them"),
    ],
)
def test_saving_a_person_is_still_found(isolated: object, cli: CLI, text: str, phrase: str) -> None:
    assert any(hit.startswith(phrase) for hit in _rescue_hits(cli, text))
