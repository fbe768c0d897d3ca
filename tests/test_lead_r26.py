"""Round 26: report and export read --since/--until periods as list does ('last month')."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest


@pytest.fixture
def dated(add: Callable[..., int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-12-05T10:00:00+00:00")
    for day in ("2026-10-31", "2026-11-01", "2026-11-30", "2026-12-01"):
        add(f"I shared my story with the group on {day}.", "--date", day)


def test_report_and_export_take_last_month_as_its_first_to_its_last_day(
    cli: Callable[..., Any], dated: None
) -> None:
    window = ("--since", "last month", "--until", "last month")
    report = cli("report", *window, "--json")
    assert report.exit_code == 0, report.stderr
    data = json.loads(report.stdout)
    assert (data["since"], data["until"], data["totals"]["entries"]) == (
        "2026-11-01", "2026-11-30", 2)
    summary = cli("export", *window, "--format", "json", "--yes")
    assert summary.exit_code == 0, summary.stderr
    exported = json.loads(summary.stdout)
    assert exported["period"]["since"] == "2026-11-01"
    assert exported["period"]["until"] == "2026-11-30"
    assert exported["entries"]["total"] == 2


def test_export_and_prep_cover_the_same_last_four_weeks(
    cli: Callable[..., Any], dated: None
) -> None:
    """Saturday 5 Dec 2026: this week from Monday 30 Nov, and the 3 before it."""
    exported = json.loads(cli("export", "--format", "json", "--yes").stdout)
    assert (exported["period"]["since"], exported["period"]["until"]) == (
        "2026-11-09", "2026-12-05")
    prep = cli("supervision", "prep", "--json")
    assert prep.exit_code == 0, prep.stderr
    assert "2026-11-09" in prep.stdout and "2026-11-07" not in prep.stdout
