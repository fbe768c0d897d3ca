"""Round 45 (fix_last_write): the repeat rule at midnight and with a clock stepped back,
`write -x -- --share`, and "Your first entry" only for the journal's first entry ever."""

from __future__ import annotations

import json

import pytest

from conftest import CLI


def _at(monkeypatch: pytest.MonkeyPatch, clock: str) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", clock)


def _entries(cli: CLI) -> list[dict[str, object]]:
    return json.loads(cli("list", "--json").stdout)


# -- 1. the repeat rule: the same date, made in the last hour, never after now -----------------


def test_a_note_for_today_sent_again_after_midnight_is_the_new_day_s_entry(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A repeat holds the same date: "today" at 00:20 is another day than at 23:50."""
    _at(monkeypatch, "2026-12-07T23:50:00+00:00")
    assert cli("write", "-x", "Late note.").stdout == "1\n"
    _at(monkeypatch, "2026-12-08T00:20:00+00:00")
    result = cli("write", "-x", "Late note.")
    assert result.exit_code == 0 and result.stdout == "2\n"
    assert "already holds" not in result.stderr
    assert [e["date"] for e in _entries(cli)] == ["2026-12-08", "2026-12-07"]


def test_the_same_day_s_note_sent_again_after_midnight_is_a_repeat(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    _at(monkeypatch, "2026-12-07T23:50:00+00:00")
    assert cli("write", "-x", "Late note.").stdout == "1\n"
    _at(monkeypatch, "2026-12-08T00:20:00+00:00")
    result = cli("write", "-x", "Late note.", "--date", "yesterday")
    assert result.exit_code == 0 and result.stdout == "1\n"
    assert "Entry 1 already holds this text, written yesterday at 23:50" in result.stderr
    assert len(_entries(cli)) == 1


@pytest.mark.parametrize("later", ["2026-12-07T09:59:00+00:00", "2026-12-07T09:00:00+00:00"])
def test_an_entry_made_after_now_is_not_a_repeat(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, later: str
) -> None:
    """A clock stepped back (or an entry imported from a machine ahead): an entry stamped
    after now is not recent, or it would stay a repeat until the clock caught up."""
    _at(monkeypatch, "2026-12-07T10:00:00+00:00")
    assert cli("write", "-x", "Clock note.").stdout == "1\n"
    _at(monkeypatch, later)
    result = cli("write", "-x", "Clock note.")
    assert result.exit_code == 0 and result.stdout == "2\n"
    assert "already holds" not in result.stderr


# -- 2. `--` is no option's value -----------------------------------------------------------------


@pytest.mark.parametrize("args", [["-x", "--", "--share"], ["--experience", "--"]])
def test_double_dash_is_not_the_text(cli: CLI, args: list[str]) -> None:
    result = cli("write", *args)
    assert result.exit_code == 2
    option = args[0]
    assert (f"{option} has no value: the word after it, --, ends the options; give {option} "
            "its value before it") in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert _entries(cli) == []


# -- 3. "Your first entry" once in a journal's life -----------------------------------------------


def test_help_after_an_option_that_takes_a_value_is_the_help(cli: CLI) -> None:
    """Was (QA r45): 'write -x --help' said '-x has no value' (before it, saved '--help')."""
    result = cli("write", "-x", "--help")
    assert result.exit_code == 0
    assert result.stdout == cli("write", "--help").stdout
    assert cli("list", "--json").stdout.strip() == "[]"
