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


def test_review_shows_a_quote_the_writer_noticed_as_noticed(
    cli: Callable[..., Any], tmp_path: Any
) -> None:
    text = "I noticed I wanted to fix it for her and held back. We sat together and I listened."
    assert cli("write", "-x", text, "--share").exit_code == 0
    summary = tmp_path / "s.json"
    assert cli("export", "--format", "json", "--yes", "-o", str(summary)).exit_code == 0
    shown = " ".join(cli("review", str(summary)).stdout.split())
    assert "“I noticed I wanted to fix it for her and held back.” (2026-11-20) (the writer" \
        " noticed it)" in shown


def test_review_piped_at_60_columns_gives_each_period_a_balance_number(
    cli: Callable[..., Any], add: Callable[..., int], tmp_path: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add("I shared my story and we sat together; I listened to him.", "--date", "2026-11-03")
    add("I told her she needs to take her meds and stay compliant.", "--date", "2026-11-10")
    summary = tmp_path / "s.json"
    assert cli("export", "--format", "json", "--yes", "-o", str(summary)).exit_code == 0
    monkeypatch.setenv("COLUMNS", "60")
    out = " ".join(cli("review", str(summary)).stdout.split())
    # (round 26 drew two sparklines on one scale here; piped output gives numbers since round 41)
    assert "Balance" in out and "+1.00" in out and "-1.00" in out


@pytest.mark.parametrize(
    ("path", "said"),
    [
        ("/dev/zero", "it is not a file (a device or a pipe): give the lexicon's .toml file"),
        ("fifo", "it is not a file (a device or a pipe): give the lexicon's .toml file"),
        ("big.toml", "it is over 50 MB, too large for a lexicon"),
    ],
)
def test_a_lexicon_that_is_a_device_a_pipe_or_huge_is_refused_before_it_is_read(
    cli: Callable[..., Any], tmp_path: Any, path: str, said: str
) -> None:
    """Was: --lexicon /dev/zero (or it in config.toml) was read until memory ran out."""
    import os

    if path == "fifo":
        os.mkfifo(tmp_path / "fifo")  # opening it would wait for a writer for ever
        path = str(tmp_path / "fifo")
    elif path == "big.toml":
        with (tmp_path / "big.toml").open("wb") as file:
            file.truncate(51 * 1024 * 1024)  # sparse: no disk used
        path = str(tmp_path / "big.toml")
    result = cli("drift", "--lexicon", path, "--text", "I shared my story with him.")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.strip() == f"peerjournal: {path}: cannot read lexicon: {said}."


def test_the_signature_is_not_flagged_but_the_same_name_in_an_entry_is(
    cli: Callable[..., Any], tmp_path: Any
) -> None:
    """Was (after round 26's first fix): --from Sunny stopped "Sunny said she would come" in
    an entry being flagged, and it left unredacted."""
    text = "Sunny said she would come. Joy rang me at nine. I shared my story."
    assert cli("write", "-x", text, "--share").exit_code == 0
    for signature, hidden in (("Sunny", "Sunny"), ("Joy Smith", "Joy")):
        result = cli("export", "--from", signature, "--yes", "-o", str(tmp_path / "s.md"),
                     "--force")
        assert result.exit_code == 0, result.stderr
        said = " ".join(result.stderr.split())
        assert "Check these capitalised words" in said and hidden in said, said
    alone = cli("export", "--from", "Alex", "--yes", "-o", str(tmp_path / "a.md"))
    assert "Alex" not in alone.stderr


def test_delete_names_its_commands_with_the_same_db(
    cli: Callable[..., Any], tmp_path: Any
) -> None:
    other = str(tmp_path / "other.db")
    assert cli("--db", other, "write", "-x", "We sat together.").exit_code == 0
    refused = cli("--db", other, "delete", "1", "2")
    assert f"(see `peerjournal --db {other} list`, or" in refused.stderr
    moved = cli("--db", other, "delete", "1")
    assert f"`peerjournal --db {other} restore 1` brings it back." in moved.stderr
