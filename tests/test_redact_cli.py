"""Redaction as QA met it: names written into entries, then `export --yes` for a mentor."""

from __future__ import annotations

import json
from typing import Any

from conftest import CLI


def people(cli: CLI, *names: str) -> None:
    for name in names:
        result = cli("people", "add", name)
        assert result.exit_code == 0, result.stderr


def summary(cli: CLI) -> dict[str, Any]:
    result = cli("export", "--yes", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def shared(cli: CLI, text: str, *extra: str) -> None:
    result = cli("write", "-x", text, "--share", "--date", "yesterday", *extra)
    assert result.exit_code == 0, result.stderr


def test_names_beside_cjk_arabic_and_hebrew_letters_leave_no_trace(cli: CLI) -> None:
    names = ("小明", "Sam", "田中", "أحمد", "דוד")
    people(cli, *names)
    shared(cli, "我今天和小明聊天。我和Sam说话。田中さんと話した。وأحمد كان هناك. "
                "שוחחתי עם דוד ולדוד.")
    result = cli("export", "--yes", "--format", "md")
    assert result.exit_code == 0, result.stderr
    for name in names:
        assert name not in result.stdout, name
    assert "我今天和[person]聊天。我和[person]说话。[person]さんと話した。" in result.stdout


def test_tags_naming_a_listed_person_are_redacted(cli: CLI) -> None:
    people(cli, "Grace Hill", "Will Turner")
    shared(cli, "Grace and I walked to the shop.", "-t", "Grace", "-t", "Will", "-t", "Turner",
           "-t", "shop")
    entry = summary(cli)["shared_entries"][0]
    # one [person] however many names, sorted: neither count nor order hints at them
    assert entry["tags"] == ["[person]", "shop"]
    assert entry["experience"] == "[person] and I walked to the shop."


def test_particle_names_and_joined_spellings_are_redacted(cli: CLI) -> None:
    people(cli, "Van Nguyen", "Di Harris", "Minh Le", "Mary-Jane Smith", "Sam Jones")
    shared(cli, "Van was upset. Di said no. Mr Le agreed. MaryJane laughed. Notes on SamJones.")
    text = json.dumps(summary(cli), ensure_ascii=False)
    for leaked in ("Van", "Di ", "Le ", "MaryJane", "SamJones"):
        assert leaked not in text, leaked
    assert summary(cli)["shared_entries"][0]["experience"] == (
        "[person] was upset. [person] said no. Mr [person] agreed. [person] laughed. "
        "Notes on [person]."
    )
