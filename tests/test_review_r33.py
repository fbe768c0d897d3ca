"""Round 33: review checks each period of a summary as it checks the totals: its balance is
the one its identity and drift give (give or take rounding), and it lies within the summary's
period. A tampered period fails with one line naming the file and the field; every summary
export writes still opens."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI

REMEDY = "; ask for the summary to be sent again."


def _write_weeks(add: Callable[..., int]) -> None:
    """Entries over four weeks, with identity and drift evidence in different weeks."""
    add("I shared my story and we talked about hope and his choices.", "--share",
        "--date", "2026-10-28")
    add("The patient was non-compliant so I gave advice about meds.", "--share",
        "--date", "2026-11-04")
    add("I shared my story with her; she decided what she wanted.", "--date", "2026-11-11")
    add("I told him what to do and he was non-compliant.", "--share", "--date", "2026-11-18")


def _export(cli: CLI, path: Path, *args: str) -> dict[str, Any]:
    result = cli("export", "--format", "json", "-o", str(path), "--yes",
                 "--since", "2026-10-26", *args)
    assert result.exit_code == 0, result.stderr
    return dict(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("by", ["week", "month"])
def test_an_export_of_several_periods_opens_in_review(
    cli: CLI, add: Callable[..., int], tmp_path: Path, by: str
) -> None:
    _write_weeks(add)
    path = tmp_path / "s.json"
    summary = _export(cli, path, "--by", by)
    scored = [p for p in summary["periods"] if p["balance"] is not None]
    assert len(scored) >= (3 if by == "week" else 2)  # the check has periods to check
    result = cli("review", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def _scored(summary: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """The first period with a balance, and its place (from 0)."""
    return next((n, p) for n, p in enumerate(summary["periods"]) if p["balance"] is not None)


def _tamper_balance(s: dict[str, Any]) -> str:
    n, p = _scored(s)
    expected = (p["identity"] - p["drift"]) / (p["identity"] + p["drift"])
    p["balance"] = 0.5 if expected < 0 else -0.5
    return (f"periods #{n + 1} balance is {p['balance']:g}, but periods #{n + 1} identity "
            f"{p['identity']:g} and drift {p['drift']:g} make it {expected:.3f}")


def _null_balance(s: dict[str, Any]) -> str:
    n, p = _scored(s)
    p["balance"] = None
    return f"periods #{n + 1} balance is null, but periods #{n + 1} identity"


def _start_before_since(s: dict[str, Any]) -> str:
    s["periods"][0]["start"] = "2026-10-19"
    return "periods #1 start is 2026-10-19, before period since 2026-10-26"


def _end_after_until(s: dict[str, Any]) -> str:
    s["periods"][-1]["end"] = "2026-11-22"
    return f"periods #{len(s['periods'])} end is 2026-11-22, after period until 2026-11-20"


def _start_after_end(s: dict[str, Any]) -> str:
    s["periods"][1]["start"] = "2026-11-09"
    return "periods #2 start is after periods #2 end"


def _more_entries(s: dict[str, Any]) -> str:
    s["periods"][0]["entries"] += 3
    return "entries total is 4, but the periods' entries add up to 7"


@pytest.mark.parametrize("tamper", [_tamper_balance, _null_balance, _start_before_since,
                                    _end_after_until, _start_after_end, _more_entries])
def test_a_tampered_period_is_refused_with_one_line(
    cli: CLI, add: Callable[..., int], tmp_path: Path,
    tamper: Callable[[dict[str, Any]], str],
) -> None:
    _write_weeks(add)
    path = tmp_path / "s.json"
    summary = _export(cli, path)
    said = tamper(summary)
    path.write_text(json.dumps(summary), encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code != 0
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"peerjournal: {path}: the file was changed after it was exported (")
    assert line.endswith(")" + REMEDY) and f"({said}" in line


def test_a_period_balance_rounded_as_review_shows_it_is_kept(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    """Rounding is allowed as for the totals: a balance given to 2 places (a file written by
    hand) still agrees with its identity and drift."""
    _write_weeks(add)
    path = tmp_path / "s.json"
    summary = _export(cli, path)
    for p in summary["periods"]:
        if p["balance"] is not None:
            p["balance"] = round(p["balance"], 2)
    path.write_text(json.dumps(summary), encoding="utf-8")
    result = cli("review", "--json", str(path))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["errors"] == []


def test_an_empty_text_file_is_not_a_summary_and_a_folder_skips_it(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    # an empty notes.txt is not a summary cut short: alone it is named so; in a folder it is
    # skipped, as a one-word readme.txt is (an empty .json is still "ask again")
    _write_weeks(add)
    folder = tmp_path / "from-sam"
    folder.mkdir()
    _export(cli, folder / "s.json", "--by", "week")
    (folder / "notes.txt").write_text("\n", encoding="utf-8")
    alone = cli("review", str(folder / "notes.txt"))
    assert alone.exit_code == 1
    assert "notes.txt: an empty file, not a summary." in alone.stderr
    both = cli("review", str(folder))
    assert both.exit_code == 0, both.stderr
    assert "Check-in summary" in both.stdout or "summary" in both.stdout.lower()
    (folder / "empty.json").write_text("", encoding="utf-8")
    refused = cli("review", str(folder / "empty.json"))
    assert refused.exit_code == 1
    assert "empty.json: the file is empty; ask for the summary to be sent again." in refused.stderr
