"""Round 44: the latest self-check is the one made last, wherever it was made. Times are stored
with the offset of the place they were written, and their text sorts a check written later in
Los Angeles before an earlier one in London: `export --with-check` sent the mentor the older
check (all 1s) while `supervision prep` showed the newer one (all 5s)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.supervision import load_items

ITEM_IDS = [i.id for i in load_items()]


def _check(cli: CLI, tmp_path: Path, score: int) -> None:
    answers = tmp_path / f"answers{score}.json"
    answers.write_text(json.dumps({i: score for i in ITEM_IDS}), encoding="utf-8")
    result = cli("supervision", "check", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr


@pytest.fixture
def checks_west_and_later(
    cli: CLI, add: Callable[..., int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    zone: Callable[[str], None],
) -> None:
    zone("UTC")
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-12-07T19:00:00Z")
    add()
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-12-07T20:00:00Z")
    _check(cli, tmp_path, 1)
    zone("America/Los_Angeles")  # 13:00 there, an hour after the check above
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-12-07T21:00:00Z")
    _check(cli, tmp_path, 5)
    zone("UTC")
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-12-07T22:00:00Z")


@pytest.mark.usefixtures("checks_west_and_later")
def test_the_mentor_summary_carries_the_check_made_last(cli: CLI) -> None:
    result = cli("export", "-f", "json", "-y", "--with-check")
    assert result.exit_code == 0, result.stderr
    scores = {item["score"] for item in json.loads(result.stdout)["selfcheck"]["items"]}
    assert scores == {5}


@pytest.mark.usefixtures("checks_west_and_later")
def test_prep_and_the_summary_agree_on_the_latest_check(cli: CLI) -> None:
    prep = cli("supervision", "prep", "--json")
    assert prep.exit_code == 0, prep.stderr
    assert json.loads(prep.stdout)["self_check"]["last"].endswith("-08:00")


@pytest.mark.usefixtures("checks_west_and_later")
def test_history_lists_the_checks_in_the_order_they_were_made(cli: CLI) -> None:
    result = cli("supervision", "history", "--json")
    assert result.exit_code == 0, result.stderr
    made = [check["created_at"] for check in json.loads(result.stdout)["check_ins"]]
    assert [stamp[-6:] for stamp in made] == ["+00:00", "-08:00"]
