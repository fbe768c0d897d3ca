"""Round 23: an open question about oneself ("I doubted whether I belong here", "wondered if
I was any use") is asked, not found: the identity phrases inside it are not the writer's
evidence, while the doubt itself still counts."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import CLI


def scored(cli: CLI, text: str) -> dict[str, Any]:
    result = cli("drift", "--json", "--text", text)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def counted(data: dict[str, Any], polarity: str) -> list[str]:
    return [h["text"] for h in data["hits"] if h["counted"] and h["polarity"] == polarity]


@pytest.mark.parametrize(
    "text",
    [
        "Long night. I doubted whether I belong here.",
        "Long night. I wondered if I belong in this team at all.",
        "Long night. Questioning whether I belong on the ward.",
    ],
)
def test_identity_inside_a_question_about_oneself_is_not_counted(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    assert counted(data, "identity") == []
    assert data["verdict"] != "identity"
    inside = [h for h in data["hits"] if h["polarity"] == "identity"]
    assert inside and all(h["hypothetical"] for h in inside)


def test_the_doubt_itself_still_counts(cli: CLI) -> None:
    data = scored(cli, "Long night. I doubted whether I belong here.")
    assert counted(data, "drift") == ["doubted whether I"]
    assert data["verdict"] == "drift"


def test_belonging_said_plainly_still_counts(cli: CLI) -> None:
    data = scored(cli, "Sat with Jo and listened. I felt I belong here.")
    assert "felt I belong here" in counted(data, "identity")
