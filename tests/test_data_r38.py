"""Round 38 (data): the empty-window wording with entries dated after today, and for one day
("on 2 Jun 2026"); did-you-mean for date slips only where the date would be taken
(`--until tomorow`, `--since "las week"`); a lexicon nested too deeply is one line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import CLI, FIXED_NOW
from peerjournal.dates import parse_bound, parse_date
from peerjournal.db.stats import Found, date_range, none_in_window
from peerjournal.drift.lexicon import LexiconError, parse_lexicon
from peerjournal.errors import PeerJournalError

TODAY = date(2026, 11, 20)  # conftest.FIXED_NOW


@pytest.fixture
def dated(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Entries written on these days (a day after today: as by a clock set wrong)."""

    def write(*days: str) -> None:
        for day in days:
            monkeypatch.setenv("PEERJOURNAL_NOW", f"{day}T12:00:00+00:00")
            assert cli("write", "-x", f"We walked and talked ({day}).").exit_code == 0
        monkeypatch.setenv("PEERJOURNAL_NOW", FIXED_NOW)

    return write


def _said(text: str) -> str:
    return " ".join(text.split())


# -- 1. entries dated after today -------------------------------------------------------------


def test_none_in_window_says_entries_after_today_apart() -> None:
    """Was: "your entries run from 2 Jun 2026 to 4 Dec 2026", as if they covered the window."""
    window = (date(2026, 7, 1), TODAY)
    one = Found(date(2026, 6, 2), date(2026, 12, 4), ahead=1, before=date(2026, 6, 2),
                after=date(2026, 12, 4))
    assert none_in_window(*window, one) == (
        "No entries from 1 Jul 2026 to 20 Nov 2026; your entries up to today are all dated 2 Jun "
        "2026, and 1 more is dated after today (4 Dec 2026)."
    )
    several = Found(date(2026, 5, 1), date(2026, 12, 9), ahead=3, before=date(2026, 6, 2),
                    after=date(2026, 12, 4))
    assert none_in_window(*window, several, filtered=True) == (
        "No entries from 1 Jul 2026 to 20 Nov 2026 match these filters; those that match run "
        "from 1 May 2026 to 2 Jun 2026, and 3 more are dated after today (from 4 Dec 2026 to "
        "9 Dec 2026)."
    )
    only_ahead = Found(date(2026, 11, 21), date(2026, 11, 21), ahead=2,
                       after=date(2026, 11, 21))
    assert none_in_window(*window, only_ahead) == (
        "No entries from 1 Jul 2026 to 20 Nov 2026; yours are all dated after today "
        "(21 Nov 2026)."
    )


def test_date_range_splits_off_the_entries_after_today(dated: Callable[..., None]) -> None:
    from peerjournal import paths
    from peerjournal.db.store import Store

    dated("2026-06-02", "2026-06-05", "2026-12-04", "2026-12-09")
    store = Store(paths.db_path())
    try:
        assert date_range(store, today=TODAY) == Found(
            date(2026, 6, 2), date(2026, 12, 9), 2, date(2026, 6, 5), date(2026, 12, 4))
        assert date_range(store, today=date(2026, 12, 31)) == Found(
            date(2026, 6, 2), date(2026, 12, 9), 0, date(2026, 12, 9), None)
        assert date_range(store) == date_range(store, today=TODAY)  # (PEERJOURNAL_NOW's)
    finally:
        store.close()


@pytest.mark.parametrize("command", [
    ["report", "--since", "2026-07-01"],
    ["list", "--since", "2026-07-01", "--until", "today"],
    ["export", "--yes", "--since", "2026-07-01", "--format", "json"],
    ["supervision", "prep", "--since", "2026-07-01"],
])
def test_every_command_names_an_entry_after_today_apart(
    cli: CLI, tmp_path: Path, dated: Callable[..., None], command: list[str]
) -> None:
    dated("2026-06-02", "2026-12-04")
    if command[0] == "export":
        command = [*command, "-o", str(tmp_path / "s.json")]
    result = cli(*command)
    assert result.exit_code == 0, result.stderr
    shown = _said(result.stdout + result.stderr)
    assert ("from 1 Jul 2026 to 20 Nov 2026; your entries up to today are all dated 2 Jun 2026, "
            "and 1 more is dated after today (4 Dec 2026)") in shown
    assert "run from 2 Jun 2026 to 4 Dec 2026" not in shown


# -- 3. a window of one day ---------------------------------------------------------------------


def test_a_one_day_window_is_said_on_that_day() -> None:
    """Was: "No entries from 2 Jun 2026 to 2 Jun 2026"."""
    day = date(2026, 6, 2)
    assert none_in_window(day, day, (date(2026, 6, 8), date(2026, 6, 8))) == (
        "No entries on 2 Jun 2026; yours are all dated 8 Jun 2026."
    )
    assert none_in_window(day, day, (date(2026, 6, 8), date(2026, 6, 9)), filtered=True) == (
        "No entries on 2 Jun 2026 match these filters; those that match run from 8 Jun 2026 "
        "to 9 Jun 2026."
    )


@pytest.mark.parametrize(("command", "expected"), [
    (["report", "--since", "2026-06-03", "--until", "2026-06-03"],
     "No entries on 3 Jun 2026; yours are all dated 2 Jun 2026."),
    (["list", "--since", "2026-06-03", "--until", "2026-06-03"],
     "No entries match: none on 3 Jun 2026; yours are all dated 2 Jun 2026."),
    (["export", "--yes", "--since", "today", "--until", "today", "--format", "json"],
     "No entries on 20 Nov 2026; yours are all dated 2 Jun 2026, so the summary has no"),
    (["supervision", "prep", "--since", "today"],
     "No entries on 20 Nov 2026; yours are all dated 2 Jun 2026."),
])
def test_every_command_says_a_one_day_window_on_that_day(
    cli: CLI, tmp_path: Path, dated: Callable[..., None], command: list[str], expected: str
) -> None:
    dated("2026-06-02")
    if command[0] == "export":
        command = [*command, "-o", str(tmp_path / "s.json")]
    result = cli(*command)
    assert result.exit_code == 0, result.stderr
    shown = _said(result.stdout + result.stderr)
    assert expected in shown
    assert "from 3 Jun 2026 to 3 Jun" not in shown and "from 20 Nov 2026 to 20 Nov" not in shown


# -- 2. did-you-mean only for what the command takes --------------------------------------------


@pytest.mark.parametrize(("option", "typed", "meant"), [
    ("--until", "tomorow", "tomorrow"),  # --until takes a day after today
    ("--since", "tomorow", None),  # --since refuses it: no second error after the first
    ("--since", "yesterdy", "yesterday"),
    ("--until", "yesterdy", "yesterday"),
    ("--since", "las week", "last week"),
    ("--until", "las month", "last month"),
    ("--since", "lst friday", "last friday"),
    ("--since", "las fortnight", "last fortnight"),
])
@pytest.mark.parametrize("command", [["list"], ["report"], ["export", "--yes"]])
def test_date_slips_suggest_what_the_option_takes(
    cli: CLI, tmp_path: Path, command: list[str], option: str, typed: str, meant: str | None
) -> None:
    args = [*command, option, typed]
    if command[0] == "export":
        args += ["-o", str(tmp_path / "s.json")]
    result = cli(*args)
    assert result.exit_code != 0 and "Traceback" not in result.stderr
    assert f"Could not read the date {typed!r}" in result.stderr
    if meant is None:
        assert "did you mean" not in result.stderr
    else:
        assert f"did you mean {meant!r}?" in result.stderr
        # and what is suggested is read by that option
        parse_bound(meant, TODAY, until=option == "--until")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("typed", "meant"), [
    ("tomorow", None),  # an entry is of a day up to today
    ("las week", None),  # a period: write --date takes one day
    ("las friday", "last friday"),
    ("yesterdy", "yesterday"),
])
def test_write_date_slips_suggest_only_a_past_day(
    cli: CLI, typed: str, meant: str | None
) -> None:
    result = cli("write", "-x", "We talked.", "--date", typed)
    assert result.exit_code != 0
    if meant is None:
        assert "did you mean" not in result.stderr
    else:
        assert f"did you mean {meant!r}?" in result.stderr
        assert parse_date(meant, TODAY) <= TODAY


@pytest.mark.parametrize(("typed", "meant"), [
    ("las mon", "last mon"),  # a weekday's abbreviation is no slip for "month"
    ("lst sat", "last sat"),
    ("las yer", "last year"),
])
def test_a_three_letter_slip_is_put_right_and_abbreviations_are_kept(
    typed: str, meant: str
) -> None:
    with pytest.raises(PeerJournalError) as caught:
        parse_bound(typed, TODAY)
    assert f"did you mean {meant!r}?" in str(caught.value)
    parse_bound(meant, TODAY)


# -- 4. a lexicon nested too deeply -------------------------------------------------------------

DEEP = "x = " + "[" * 5000 + "]" * 5000 + "\n"


def test_parse_lexicon_refuses_deep_nesting_in_one_line() -> None:
    with pytest.raises(LexiconError) as caught:
        parse_lexicon(DEEP.encode(), "deep.toml")
    assert str(caught.value) == "deep.toml: not valid TOML (nested too deeply)."


@pytest.mark.parametrize("command", [
    ["drift", "--text", "I shared my story."],
    ["report"],
    ["write", "-x", "Words about the day I will not lose"],
])
def test_a_deeply_nested_lexicon_is_one_line_naming_the_file(
    cli: CLI, tmp_path: Path, isolated: Path, command: list[str]
) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(DEEP, "utf-8")
    result = cli("--lexicon", str(path), *command)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"peerjournal: {path}: not valid TOML (nested too deeply).")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    if command[0] == "write":
        kept = list((isolated / "drafts").glob("kept-*.json"))
        assert len(kept) == 1 and "I will not lose" in kept[0].read_text("utf-8")


@pytest.mark.parametrize(("typed", "meant"), [
    ("next fridya", "next friday"),  # was suggested nowhere; --until takes it (test_data2_r37)
    ("2 weeks", "2 weeks ago"),
    ("since last week", "last week"),
    ("today.", "today"),
])
def test_until_suggests_a_date_it_takes(cli: CLI, typed: str, meant: str) -> None:
    result = cli("list", "--until", typed)
    assert result.exit_code == 1 and f"did you mean {meant!r}?" in result.stderr
    assert cli("list", "--until", meant).exit_code == 0
