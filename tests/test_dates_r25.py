"""Round 25 QA: periods ('last month', 'this week', 2025-11, 2025) for --since and --until, and
delete/restore of several IDs at once. Today here is Saturday 5 Dec 2026."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from peerjournal.db.store import Store

DAYS = (
    "2025-06-01", "2025-11-30", "2026-10-31", "2026-11-01", "2026-11-29", "2026-11-30",
    "2026-12-01",
)


@pytest.fixture
def dated(cli: Any, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-12-05T10:00:00+00:00")
    for day in DAYS:
        add(f"A shift on {day}.", "--date", day)


def _dates(cli: Any, *args: str) -> list[str]:
    result = cli(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return sorted(entry["date"] for entry in json.loads(result.stdout))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("last month", ["2026-11-01", "2026-11-29", "2026-11-30"]),
        ("this month", ["2026-12-01"]),
        ("last week", ["2026-11-29"]),  # Mon 23 to Sun 29 Nov, as the report's weeks
        ("this week", ["2026-11-30", "2026-12-01"]),  # from Monday 30 Nov
        ("last year", ["2025-06-01", "2025-11-30"]),
        ("this year", ["2026-10-31", "2026-11-01", "2026-11-29", "2026-11-30", "2026-12-01"]),
        ("2025-11", ["2025-11-30"]),
        ("2025", ["2025-06-01", "2025-11-30"]),
        ("  Last   Month ", ["2026-11-01", "2026-11-29", "2026-11-30"]),
    ],
)
def test_a_period_as_since_and_until_is_that_whole_period(
    cli: Any, dated: None, typed: str, expected: list[str]
) -> None:
    assert _dates(cli, "list", "--since", typed, "--until", typed) == expected


def test_since_a_period_is_from_its_first_day_and_until_to_its_last(
    cli: Any, dated: None
) -> None:
    assert _dates(cli, "list", "--since", "last month") == list(DAYS[3:])
    assert _dates(cli, "list", "--until", "last month") == list(DAYS[:6])
    assert _dates(cli, "search", "shift", "--since", "last week", "--until", "this week") == [
        "2026-11-29", "2026-11-30", "2026-12-01"
    ]


def test_until_this_month_ends_today_not_in_the_future(cli: Any, dated: None) -> None:
    result = cli("list", "--since", "2026-12-31", "--until", "this month")
    assert result.exit_code == 1
    assert "--since 2026-12-31 is in the future" in result.stderr


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2025-13", "Could not read the date '2025-13': there is no month 13."),
        ("1899", "Date out of range: '1899'."),
    ],
)
def test_a_period_that_is_none_is_refused(cli: Any, dated: None, typed: str, message: str) -> None:
    result = cli("list", "--since", typed)
    assert result.exit_code == 1 and result.stdout == ""
    assert message in result.stderr


def test_an_unreadable_since_names_months_ago_and_the_periods(cli: Any, dated: None) -> None:
    result = cli("list", "--since", "the other week")
    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    assert "Could not read the date 'the other week'." in message
    assert "'N months ago'" in message and "'last month'" in message and "2025-11" in message
    assert cli("list", "--since", "1 month ago").exit_code == 0  # the form it names


def test_write_refuses_a_period_as_the_entrys_day_and_stores_nothing(
    cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-12-05T10:00:00+00:00")
    result = cli("write", "-x", "A shift.", "--date", "last month")
    assert result.exit_code == 1
    assert (
        "'last month' is a period, not one day. Give one day, "
        "such as '1 Nov 2026' or 2026-11-01."
    ) in " ".join(result.stderr.split())
    assert json.loads(cli("list", "--json").stdout) == []


def test_write_names_no_periods_in_its_list_of_forms(cli: Any) -> None:
    result = cli("write", "-x", "A shift.", "--date", "the other week")
    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    assert "'N months ago'" in message and "'last month'" not in message


# -- delete and restore several IDs --------------------------------------------------------


def _trashed(store: Store) -> list[int]:
    return sorted(entry.id for entry in store.trashed())


def test_delete_several_ids_moves_them_all_to_the_trash(
    cli: Any, add: Callable[..., int], store: Store
) -> None:
    ids = [add(f"Shift {n}.") for n in range(4)]
    result = cli("delete", *map(str, ids[:3]))
    assert result.exit_code == 0, result.stderr
    assert " ".join(result.stderr.split()) == (
        "Moved entries 1, 2 and 3 to the trash. `peerjournal restore 1 2 3` brings them back."
    )
    assert _trashed(store) == [1, 2, 3]
    result = cli("restore", "1", "#2")
    assert result.exit_code == 0 and result.stderr.strip() == "Restored entries 1 and 2."
    assert _trashed(store) == [3]


def test_delete_with_an_unknown_id_deletes_nothing_and_names_it(
    cli: Any, add: Callable[..., int], store: Store
) -> None:
    add()
    add()
    result = cli("delete", "1", "9", "2", "10")
    assert result.exit_code == 3 and result.stdout == ""
    assert "No entry 9 or 10 in the journal" in result.stderr
    assert "Nothing was deleted." in result.stderr
    assert _trashed(store) == []


def test_delete_with_one_already_in_the_trash_moves_the_other_and_says_so(
    cli: Any, add: Callable[..., int], store: Store
) -> None:
    """(round 44: a repeat is done already, exit 0, as `share` twice is; was exit 3)"""
    add()
    add()
    assert cli("delete", "2").exit_code == 0
    result = cli("delete", "1", "2")
    assert result.exit_code == 0
    assert (
        "Moved entry 1 to the trash. `peerjournal restore 1` brings it back. Entry 2 was "
        "already in the trash (`peerjournal restore 2` brings it back)."
    ) in " ".join(result.stderr.split())
    assert _trashed(store) == [1, 2]


def test_restore_with_one_not_in_the_trash_restores_nothing(
    cli: Any, add: Callable[..., int], store: Store
) -> None:
    add()
    add()
    assert cli("delete", "1").exit_code == 0
    result = cli("restore", "1", "2", "7")
    assert result.exit_code == 3
    message = " ".join(result.stderr.split())
    assert "No entry 7 in the trash." in message  # (an unknown ID: still nothing moves)
    assert "Nothing was restored." in message
    assert _trashed(store) == [1]


def test_json_is_one_object_for_one_id_and_a_list_for_several(
    cli: Any, add: Callable[..., int]
) -> None:
    for _ in range(3):
        add()
    one = json.loads(cli("delete", "1", "--json").stdout)
    assert one["id"] == 1 and one["deleted_at"]
    several = json.loads(cli("delete", "2", "3", "--json").stdout)
    assert [e["id"] for e in several] == [2, 3] and all(e["deleted_at"] for e in several)
    back = json.loads(cli("restore", "3", "2", "--json").stdout)
    assert [e["id"] for e in back] == [3, 2]
    assert json.loads(cli("restore", "1", "--json").stdout)["id"] == 1


def test_an_id_given_twice_is_deleted_once(
    cli: Any, add: Callable[..., int], store: Store
) -> None:
    add()
    result = cli("delete", "1", "1")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("Moved entry 1 to the trash.")
    assert _trashed(store) == [1]
