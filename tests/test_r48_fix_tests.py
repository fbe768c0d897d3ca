"""Round 48 (fix_tests): the same text again with another --date is a repeat only when the
first entry was dated the day it was written (the writer putting its date right); the same text
given --date for one day after another (a log filled in) saves an entry for each day."""

from __future__ import annotations

import json

import pytest

from conftest import CLI

TEXT = "Team meeting, then two calls on the ward."


def _dates(cli: CLI) -> list[str]:
    return [e["date"] for e in json.loads(cli("list", "--json").stdout)]


def test_the_same_text_for_one_past_day_after_another_saves_each(cli: CLI) -> None:
    for n, day in enumerate(("2026-11-02", "2026-11-03", "2026-11-04"), start=1):
        result = cli("write", "-x", TEXT, "-d", day)
        assert result.exit_code == 0 and result.stdout == f"{n}\n", result.stderr
        assert "already holds" not in result.stderr
    assert sorted(_dates(cli)) == ["2026-11-02", "2026-11-03", "2026-11-04"]


def test_a_first_entry_dated_today_is_still_told_when_the_text_comes_again_dated(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-20T18:30:00+00:00")
    assert cli("write", "-x", TEXT, "-d", "today").stdout == "1\n"
    result = cli("write", "-x", TEXT, "-d", "2026-11-19")
    assert result.exit_code == 0 and result.stdout == "1\n"
    assert "Entry 1 already holds this text" in result.stderr
    assert _dates(cli) == ["2026-11-20"]
