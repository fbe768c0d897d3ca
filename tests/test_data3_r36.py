"""Round 36 (data3): search's options typed with one dash in any case or with "=value",
delete's and restore's date hints that are commands that work (a future date, no such month),
and a search of words to leave out alone typed without quotes ("search -tea")."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from conftest import CLI
from peerjournal.cli.options import one_dash_option

Add = Callable[..., int]


# -- qa_changes1 9: `search tea -JSON`, `search tea -limit=5` ------------------------------------

@pytest.mark.parametrize(
    ("typed", "meant", "leave_out"),
    [
        ("-JSON", "--json", " To leave out the entries with the word 'JSON', type NOT JSON."),
        ("-Limit", "--limit", " To leave out the entries with the word 'Limit', type NOT Limit."),
        ("-limit=5", "--limit=5", ""),
        ("-Since=2026-01-01", "--since=2026-01-01", ""),
    ],
)
def test_an_option_with_one_dash_in_any_case_or_with_a_value_is_refused(
    cli: CLI, add: Add, typed: str, meant: str, leave_out: str
) -> None:
    """Before: searched as words to leave out, exit 0 (and no JSON for -JSON)."""
    add("Tea with Sam.")
    result = cli("search", "tea", typed)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: No such option: {typed}; did you mean {meant}?{leave_out} "
        "See 'peerjournal search --help'.\n"
    )


def test_the_option_as_meant_works(cli: CLI, add: Add) -> None:
    add("Tea with Sam.")
    add("Tea and a kettle.")
    result = cli("search", "tea", "--limit=1", "--json")
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 1


def test_one_dash_words_after_double_dash_or_as_values_are_not_options() -> None:
    from typer.main import get_command

    from peerjournal.cli import app

    options = get_command(app).commands["search"].params  # type: ignore[attr-defined]
    assert one_dash_option(options, ["tea", "-JSON"]) == ("-JSON", "--json")
    assert one_dash_option(options, ["--", "tea", "-JSON"]) is None
    assert one_dash_option(options, ["--setting", "-JSON", "tea"]) is None
    assert one_dash_option(options, ["-n", "-limit=5", "tea"]) is None
    assert one_dash_option(options, ["tea", "-kettle", "-t", "x"]) is None


# -- qa_changes1 10: every date hint is a command that works ------------------------------------

def _refusal(command: str, typed: str, what: str, find: str, meant: str = "") -> str:
    return (
        f"peerjournal: Invalid value for 'ID...': {typed} looks like {what}, not entry IDs: "
        f"{find}, with their IDs (`peerjournal trash`: those in the trash){meant}. "
        f"See 'peerjournal {command} --help'.\n"
    )


NEWEST = "no entry is dated after today; `peerjournal list` lists the newest entries"


@pytest.mark.parametrize(
    ("typed", "what", "find", "meant"),
    [  # (today is 2026-11-20: conftest.FIXED_NOW)
        ("1-1-2027", "a date", NEWEST, ""),
        ("12-2026", "a date", NEWEST, "; for the IDs 12 to 2026, type #12-#2026"),
        ("2027-2028", "years", NEWEST, "; for the IDs 2027 to 2028, type #2027-#2028"),
        ("50-2020", "a date", "there is no month 50; `peerjournal list --since 2020-01-01 "
         "--until 2020-12-31` lists 2020's entries", "; for the IDs 50 to 2020, type #50-#2020"),
        ("25-2031", "a date", f"there is no month 25, and {NEWEST}",
         "; for the IDs 25 to 2031, type #25-#2031"),
        ("31-02-2025", "a date", "Feb 2025 has no day 31; `peerjournal list --since 2025-02-01 "
         "--until 2025-02-28` lists that month's entries", ""),
        ("0-2025", "a date", "there is no month 0; `peerjournal list --since 2025-01-01 "
         "--until 2025-12-31` lists 2025's entries", ""),  # (no #0-#2025: IDs start at 1)
        ("31-13-2025", "a date", "there is no month 13; `peerjournal list --since 2025-01-01 "
         "--until 2025-12-31` lists 2025's entries", ""),
        ("12/2025", "a date", "`peerjournal list --since 2025-12-01 --until 2025-12-31` lists "
         "that month's entries", ""),
        ("20/11/2026", "a date", "`peerjournal list --since 2026-11-20 --until 2026-11-20` "
         "lists that day's entries", ""),
        ("20.11", "a date", "`peerjournal list` lists the newest entries (`--since` and "
         "`--until` pick the dates)", ""),
    ],
)
def test_each_date_hint_fits_and_its_command_runs(
    cli: CLI, add: Add, typed: str, what: str, find: str, meant: str
) -> None:
    """Before: `delete 1-1-2027` suggested `list --since 2027-01-01 …`, itself refused (the
    date is in the future); 50-2020 "lists the entries of those days"."""
    add()
    for command in ("delete", "restore"):
        result = cli(command, typed)
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == _refusal(command, typed, what, find, meant)
    suggested = find.split("`")[1].split()[1:]  # the command the hint names
    ran = cli(*suggested)
    assert ran.exit_code == 0, ran.stderr
    assert len(json.loads(cli("list", "--json").stdout)) == 1


# -- a search of words to leave out alone, typed without quotes ---------------------------------

@pytest.mark.parametrize("typed", [["-tea"], ["-sad", "-tea"], ["-tea", "--json"]])
def test_a_left_out_word_alone_read_as_a_filter_is_refused_as_not_word_is(
    cli: CLI, add: Add, typed: list[str]
) -> None:
    """Before: "-tea" was read as -t ea, and the answer was "Missing argument 'QUERY'"."""
    add("Tea with Sam.")
    result = cli("search", *typed)
    words = " ".join(word for word in typed if word != "--json")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: Search needs a word to look for: '{words}' only leaves words out (as "
        "in `search 'handover -housing'`).\n"
    )


def test_a_filter_without_a_query_is_still_a_missing_query(cli: CLI, add: Add) -> None:
    add("Tea with Sam.", "--tag", "housing")
    result = cli("search", "-t", "housing")
    assert result.exit_code == 2 and "Missing argument 'QUERY'" in result.stderr


@pytest.mark.parametrize("typed", [["NOT", "tea"], ["--", "-tea"], ["-kettle"]])
def test_not_word_alone_says_why_and_exits_1(cli: CLI, add: Add, typed: list[str]) -> None:
    add("Tea with Sam.")
    result = cli("search", *typed)
    assert result.exit_code == 1 and "Search needs a word to look for" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
