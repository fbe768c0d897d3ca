"""QA round 28, review's checks of a hand-edited summary: a generated_at in the future, a rate
no scoring can give, entries that do not add up to their periods'; and counts in review's text
written with thousands separators, as the rest of its numbers."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, FIXED_NOW
from peerjournal.drift.lexicon import MAX_WEIGHT
from peerjournal.summary import MAX_RATE
from test_summary import balance, moved, sample_summary

REMEDY = "; ask for the summary to be sent again.\n"


def _save(path: Path, data: dict[str, Any]) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _refusal(cli: CLI, tmp_path: Path, summary: dict[str, Any]) -> str:
    path = _save(tmp_path / "s.json", summary)
    result = cli("review", path)
    assert result.exit_code == 1 and result.stdout == ""
    return str(result.stderr)


def _later(hours: float) -> str:
    return (datetime.fromisoformat(FIXED_NOW) + timedelta(hours=hours)).isoformat()


# -- generated_at in the future --------------------------------------------------------------


@pytest.mark.parametrize("made", ["2099-01-01T09:00:00+00:00", _later(24.5),
                                  "2026-11-22T01:00:00+05:00"])
def test_a_summary_made_after_tomorrow_is_refused(cli: CLI, tmp_path: Path, made: str) -> None:
    """Was: shown as "Generated: 2099-01-01 09:00 UTC", as if it had been."""
    stderr = _refusal(cli, tmp_path, {**sample_summary(), "generated_at": made})
    day = datetime.fromisoformat(made).date().isoformat()
    assert stderr == (
        f"peerjournal: {tmp_path / 's.json'}: it says it was made on {day}, more than a day "
        "after this computer's date (2026-11-20): check the date on both computers; if they are "
        "right, the file was changed after it was exported, so ask for the summary to be sent "
        "again.\n"
    )


@pytest.mark.parametrize("made", [_later(23.5), "2026-11-21T18:00:00+01:00", FIXED_NOW])
def test_a_writer_clock_ahead_by_less_than_a_day_is_allowed(
    cli: CLI, tmp_path: Path, made: str
) -> None:
    result = cli("review", _save(tmp_path / "s.json", {**sample_summary(), "generated_at": made}))
    assert result.exit_code == 0, result.stderr
    assert "Generated: " in result.stdout


# -- a rate no scoring can give --------------------------------------------------------------


def test_the_highest_rate_is_two_full_weights_a_word() -> None:
    """A word holds one curated hit and one learned hit at most, each of MAX_WEIGHT at most."""
    assert MAX_RATE == 2 * 100 * MAX_WEIGHT == 1000


@pytest.mark.parametrize(("edit", "field"), [
    (lambda s: s["periods"][1].update(identity=MAX_RATE + 0.001), "periods #2 identity"),
    (lambda s: s.update(totals={"identity": 1.0, "drift": 999_999.0, "balance": -1.0}),
     "totals drift"),
    (lambda s: s["dimensions"][0].update(identity=1500), "dimensions #1 identity"),
])
def test_a_rate_above_what_scoring_can_give_is_refused(cli: CLI, tmp_path: Path, edit: Any,
                                                       field: str) -> None:
    """Was: 999,999 per 100 words was shown (the limit was 1,000,000)."""
    summary = sample_summary()
    edit(summary)
    assert _refusal(cli, tmp_path, summary).endswith(
        f"({field} is more than 1,000 per 100 words, larger than any real rate)" + REMEDY)


def test_the_highest_rate_scoring_can_give_is_read(cli: CLI, tmp_path: Path) -> None:
    summary = sample_summary()
    period = summary["periods"][1]
    period.update(identity=MAX_RATE, balance=balance(MAX_RATE, period["drift"]))
    result = cli("review", _save(tmp_path / "s.json", summary))
    assert result.exit_code == 0, result.stderr
    assert "1000.0" in result.stdout


# -- entries that do not add up --------------------------------------------------------------


@pytest.mark.parametrize(("total", "periods"), [(5, "2"), (1, "2"), (0, "2")])
def test_entries_that_do_not_add_up_to_the_periods_are_refused(
    cli: CLI, tmp_path: Path, total: int, periods: str
) -> None:
    summary = sample_summary()
    summary["entries"].update(total=total, shared=min(total, 1), scored=total)
    assert _refusal(cli, tmp_path, summary).endswith(
        f"(entries total is {total}, but the periods' entries add up to {periods})" + REMEDY)


def test_a_period_edited_to_hold_more_entries_is_refused(cli: CLI, tmp_path: Path) -> None:
    summary = sample_summary()
    summary["periods"][2]["entries"] = 12_000
    assert _refusal(cli, tmp_path, summary).endswith(
        "(entries total is 2, but the periods' entries add up to 12,001)" + REMEDY)


# -- counts with thousands separators --------------------------------------------------------


def _large(writer: str, since: str, until: str, first: int, second: int) -> dict[str, Any]:
    s = moved(sample_summary(), since, until)
    s["writer"] = writer
    s["periods"][1]["entries"], s["periods"][2]["entries"] = first, second
    s["entries"].update(total=first + second, scored=first + second)
    return s


def test_large_entry_counts_are_written_with_thousands_separators(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: "12345" in the overview, "entries 12345 → 23456" between the summaries and
    "Entries 12345 → 23456" since the previous one."""
    files = [_save(tmp_path / "a.json", _large("Sam", "2026-10-26", "2026-11-08", 12_000, 345)),
             _save(tmp_path / "b.json", _large("Sam", "2026-11-09", "2026-11-20", 23_000, 456))]
    result = cli("review", *files)
    assert result.exit_code == 0, result.stderr
    overview = result.stdout[: result.stdout.index("Between summaries")]
    assert "12,345" in overview and "23,456" in overview and "12345" not in overview
    assert "entries 12,345 → 23,456 · alerts 1 → 1" in result.stdout
    assert "• Entries 12,345 → 23,456; alerts 1 → 1." in result.stdout


def test_large_counts_in_the_overview_on_a_narrow_terminal(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    files = [_save(tmp_path / "a.json", _large("Sam", "2026-10-26", "2026-11-08", 12_000, 345)),
             _save(tmp_path / "b.json", _large("Kim", "2026-11-09", "2026-11-20", 1, 0))]
    result = cli("review", *files)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "12,345 entries, 1 shared · 1 alert" in out
    assert "1 entry, 1 shared · 1 alert" in out
