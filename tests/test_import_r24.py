"""jrnl imports: month-first dates, decided for the whole file; a zoneless stamp stored with its
own date's offset (summer time), and still matched when imported again."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI

US = "[03/04/2026 09:00 PM] US entry one.\nBody.\n\n[05/06/2026 10:15 AM] US entry two.\n"
US_TOLD = "[03/04/2026 09:00 PM] One.\n\n[11/13/2026 10:15 AM] Two.\n"
MIXED = "[13/04/2026 09:00] One.\n\n[03/04/2026 10:00] Two.\n\n[11/13/2026 10:15 AM] Three.\n"
SEASONS = "[2026-07-14 09:00] Summer entry.\n\n[2026-01-14 09:00] Winter entry.\n"


def listed(cli: CLI) -> list[dict[str, Any]]:
    """Every live entry, oldest first."""
    data: list[dict[str, Any]] = json.loads(cli("list", "--json", "--limit", "0").stdout)
    return sorted(data, key=lambda e: (e["date"], e["id"]))


@pytest.fixture
def journal(tmp_path: Path) -> Callable[[str], str]:
    def write(text: str) -> str:
        path = tmp_path / "journal.txt"
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def test_a_month_first_stamp_makes_the_whole_file_month_first(cli: CLI, journal: Any) -> None:
    result = cli("import", journal(US_TOLD))
    assert result.exit_code == 0, result.stderr
    assert [e["date"] for e in listed(cli)] == ["2026-03-04", "2026-11-13"]
    assert ("Dates read month first (month/day/year), as 11/13/2026 (line 3) shows."
            in result.stderr)


def test_undecidable_dates_are_read_day_first_and_the_dry_run_says_so(
    cli: CLI, journal: Any
) -> None:
    result = cli("import", journal(US), "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "Would import 2 entries (jrnl text) from 2026-04-03 to 2026-06-05. Dates read day "
        "first (day/month/year): 03/04/2026 is 3 Apr 2026; if your jrnl writes the month "
        "first, import with --month-first. Nothing was changed (--dry-run).\n"
    )
    result = cli("import", journal(US))
    assert "Dates read day first (day/month/year): 03/04/2026 is 3 Apr 2026;" in result.stderr
    assert "delete these entries (`peerjournal delete ID`) and import again with --month-first" \
        in result.stderr
    assert [e["date"] for e in listed(cli)] == ["2026-04-03", "2026-06-05"]


def test_month_first_option_reads_them_month_first(cli: CLI, journal: Any) -> None:
    result = cli("import", journal(US), "--month-first")
    assert result.exit_code == 0, result.stderr
    assert "Dates read" not in result.stderr
    entries = listed(cli)
    assert [e["date"] for e in entries] == ["2026-03-04", "2026-05-06"]
    assert entries[0]["created_at"].startswith("2026-03-04T21:00")


def test_month_first_option_refuses_a_day_first_stamp(cli: CLI, journal: Any) -> None:
    path = journal("[13/04/2026 09:00] One.\n")
    result = cli("import", path, "--month-first")
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path}: line 1: cannot read the date '13/04/2026 09:00' (read as "
        "month/day/year). Nothing was imported.\n"
    )
    assert listed(cli) == []


def test_day_first_stamps_say_nothing_more(cli: CLI, journal: Any) -> None:
    result = cli("import", journal("[03/04/2026 09:00] One.\n\n[13/04/2026 10:00] Two.\n"))
    assert result.exit_code == 0, result.stderr
    assert "Dates read" not in result.stderr
    assert [e["date"] for e in listed(cli)] == ["2026-04-03", "2026-04-13"]


def test_dates_mixing_both_orders_are_refused_naming_one_of_each(cli: CLI, journal: Any) -> None:
    path = journal(MIXED)
    result = cli("import", path)
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path}: the dates mix day-first (13/04/2026, line 1) and month-first "
        "(11/13/2026, line 5): a jrnl journal writes them one way, so correct the odd one in "
        "the file. Nothing was imported.\n"
    )
    assert listed(cli) == []


def test_a_summer_stamp_keeps_its_own_offset(cli: CLI, journal: Any, zone: Any) -> None:
    zone("Europe/London")  # and the fixed clock is in November (GMT)
    result = cli("import", journal(SEASONS))
    assert result.exit_code == 0, result.stderr
    assert [(e["date"], e["created_at"]) for e in listed(cli)] == [
        ("2026-01-14", "2026-01-14T09:00:00+00:00"),
        ("2026-07-14", "2026-07-14T09:00:00+01:00"),
    ]


def test_a_stamp_in_the_spring_gap_keeps_its_date_and_time(
    cli: CLI, journal: Any, zone: Any
) -> None:
    zone("America/Havana")  # clocks go from 00:00 to 01:00: 00:30 is no time there
    assert cli("import", journal("[2026-03-08 00:30] In the gap.\n")).exit_code == 0
    (entry,) = listed(cli)
    assert entry["date"] == "2026-03-08" and entry["created_at"].startswith("2026-03-08T00:30")


def test_entries_imported_with_another_offset_are_not_imported_twice(
    cli: CLI, journal: Any, zone: Any
) -> None:
    """Imports before this stored a summer 09:00 as 09:00+00:00 in winter, as UTC does now."""
    zone("UTC")
    assert cli("import", journal(SEASONS)).exit_code == 0
    zone("Europe/London")
    result = cli("import", journal(SEASONS))
    assert result.exit_code == 0, result.stderr
    assert "Imported no entries (jrnl text). Skipped 2 entries already in the journal." \
        in result.stderr
    result = cli("import", journal("[2026-07-14 09:00] Summer entry, edited since.\n"))
    assert "1 entry differs from the journal's version (ID 1: edited since, here or there), " \
        "so it was added beside it" in result.stderr
    assert len(listed(cli)) == 3
