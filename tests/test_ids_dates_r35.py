"""Round 35: a month typed where delete or restore take IDs is not read as a range of IDs.

Before: `delete 12-2025` (someone typing December 2025) read as the IDs 12 to 2025, moving
every one of them to the trash in a journal that had them all; `delete 2025-12` answered
"give the lower ID first, as in 12-2025", suggesting exactly that."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from conftest import CLI
from peerjournal.cli.trash import _run_names

Add = Callable[..., int]


def _said(command: str, text: str, find: str, meant: str = "") -> str:
    return (
        f"peerjournal: Invalid value for 'ID...': {text} looks like a date, not entry IDs: "
        f"{find}, with their IDs (`peerjournal trash`: those in the trash){meant}. "
        f"See 'peerjournal {command} --help'.\n"
    )


DECEMBER = ("`peerjournal list --since 2025-12-01 --until 2025-12-31` lists that month's "
            "entries")
NOV_20 = "`peerjournal list --since 2026-11-20 --until 2026-11-20` lists that day's entries"


@pytest.mark.parametrize(
    ("typed", "find", "meant"),
    [
        ("12-2025", DECEMBER, "; for the IDs 12 to 2025, type #12-#2025"),
        ("2025-12", DECEMBER, ""),
        ("2-2024", DECEMBER.replace("2025-12-01", "2024-02-01").replace("2025-12-31",
                                                                          "2024-02-29"),
         "; for the IDs 2 to 2024, type #2-#2024"),
        ("25-2031", "there is no month 25, and no entry is dated after today; `peerjournal "
         "list` lists the newest entries", "; for the IDs 25 to 2031, type #25-#2031"),
        # (round 36, data3: a date with / or . as one with dashes, each a command that runs)
        ("12/2025", DECEMBER, ""),
        ("20/11/2026", NOV_20, ""),
        ("2025-12-01", "`peerjournal list --since 2025-12-01 --until 2025-12-01` lists that "
         "day's entries", ""),  # (round 36: a day's own dates, as 1-12-2025's)
        ("20.11.2026", NOV_20, ""),
    ],
)
def test_a_date_is_refused_in_one_line_and_nothing_moves(
    cli: CLI, add: Add, typed: str, find: str, meant: str
) -> None:
    for _ in range(3):
        add()
    for command in ("delete", "restore"):
        result = cli(command, typed)
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == _said(command, typed, find, meant)
    assert len(json.loads(cli("list", "--json").stdout)) == 3


def test_a_date_among_other_ids_is_refused_too(cli: CLI, add: Add) -> None:
    add()
    result = cli("delete", "1,12-2025")
    assert result.exit_code == 2 and "12-2025 looks like a date" in result.stderr
    assert len(json.loads(cli("list", "--json").stdout)) == 1


def test_ranges_of_ids_still_work_and_a_date_like_one_with_hashes(cli: CLI, add: Add) -> None:
    ids = [add() for _ in range(6)]
    assert cli("delete", "2-3").exit_code == 0
    assert cli("delete", "#5-#6").exit_code == 0
    assert [e["id"] for e in json.loads(cli("list", "--json").stdout)] == [ids[3], ids[0]]
    gone = cli("delete", "#12-#2025")  # (IDs, as typed: none of them there)
    assert gone.exit_code == 3 and "No entry #12-#2025 in the journal" in gone.stderr


def test_runs_of_ids_are_named_as_delete_and_restore_take_them() -> None:
    """The restore command a message suggests must run: a run 5-2000 is written #5-#2000."""
    assert _run_names([[5, 2020], [1, 2000], [2000, 2010], [20, 25], [7, 7]]) == [
        "#5-#2020", "1-2000", "2000-2010", "20-25", "7"]
