"""Round 40, reports: stamps at the calendar's edges, one source of trend words.

1. `supervision prep` (and `--json`) stopped with "Unexpected error (OverflowError)" when a
   restored supervision or entry had a time recorded at the calendar's first or last hour
   (0001-01-01T00:00+05:00, 9999-12-31T23:59-05:00): comparing the two converted both to UTC.
   Times with zones now compare as instants, unconverted.
2. The report's Dimensions words ("identity 2.79 rising") are `report --json`'s `trend`, read
   from it rather than worked out a second time (they agreed; now they cannot drift apart).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from peerjournal.supervision import EntryFacts, SupervisionRecord, Window

CLI = Callable[..., Any]
PEER = "I shared my own story of recovery and we laughed together; she chose her own plan."
DRIFTS = ("I told him he should rest.", "He is non-compliant.",
          "I reminded him to take his medication.", "I assessed his symptoms.")
WORDS = {"rising": "up", "falling": "down", "steady": "steady"}


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


# --------------------------------------------------------------------------- 1. edges


def _facts(day: date, created: datetime) -> EntryFacts:
    return EntryFacts(1, day, "", (), False, "x", "", "", "", created_at=created)


@pytest.mark.parametrize(
    ("recorded", "written", "held"),
    [
        ("0001-01-01T00:00:00+05:00", "0001-01-01T00:00:00+05:00", False),
        ("0001-01-01T00:00:00+05:00", "2026-11-20T09:00:00+00:00", True),
        ("9999-12-31T23:59:59-05:00", "2026-11-20T09:00:00+00:00", False),
        ("2026-11-20T09:00:00+00:00", "9999-12-31T23:59:59-05:00", True),
        ("0001-01-01T00:00:00", "0001-01-01T00:00:01", True),  # no zone: local time
    ],
)
def test_a_stamp_at_the_calendars_edge_is_compared_not_converted(
    recorded: str, written: str, held: bool
) -> None:
    day = date(2026, 11, 20)
    record = SupervisionRecord(1, day, "", datetime.fromisoformat(recorded))
    window = Window(day, day, "supervision", record)
    assert window.holds(_facts(day, datetime.fromisoformat(written))) is held


def _backup(tmp_path: Path, cli: CLI, add: Callable[..., int], recorded: str, written: str) -> Path:
    """A backup of one entry and one supervision on 18 Nov 2026, with these stamps."""
    add(PEER, "--date", "2026-11-18")
    ok(cli("supervision", "done", "--date", "2026-11-18"))
    path = tmp_path / "backup.json"
    ok(cli("export", "--full", "-o", str(path)))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["supervisions"][0]["created_at"] = recorded
    data["entries"][0]["created_at"] = data["entries"][0]["updated_at"] = written
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("tz", ["UTC", "Pacific/Auckland", "America/Los_Angeles"])
@pytest.mark.parametrize(
    ("recorded", "written"),
    [
        ("9999-12-31T23:59:59-05:00", "2026-11-18T10:00:00+00:00"),
        ("0001-01-01T00:00:00+05:00", "0001-01-01T00:00:00+05:00"),
        ("0001-01-01T00:00:00-23:59", "2026-11-18T10:00:00+00:00"),
    ],
)
def test_every_supervision_command_reads_a_restored_edge_stamp(
    cli: CLI, add: Callable[..., int], tmp_path: Path, zone: Callable[[str], None],
    monkeypatch: pytest.MonkeyPatch, recorded: str, written: str, tz: str,
) -> None:
    path = _backup(tmp_path, cli, add, recorded, written)
    zone(tz)
    monkeypatch.setenv("PEERJOURNAL_HOME", str(tmp_path / "restored"))
    ok(cli("import", str(path)))
    for args in (("prep",), ("prep", "--json"), ("history",), ("history", "--json")):
        result = ok(cli("supervision", *args))
        assert "Unexpected" not in result.stderr
    prep = json.loads(ok(cli("supervision", "prep", "--json")).stdout)
    # the entry of the supervision's day is held when written after it was recorded
    assert prep["entries"] == (1 if recorded.startswith("0001") and written > recorded else 0)
    ok(cli("report"))
    ok(cli("export", "--yes"))


# --------------------------------------------------------------------------- 2. trend words


def _dimension_words(text: str) -> Counter[tuple[str, str | None]]:
    """(polarity, direction) of every number of the plain report's Dimensions section."""
    section = text.split("\nDimensions", 1)[1].split("\n\n", 1)[0]
    body = " ".join(section.split("\n")[1:])
    found = re.findall(r"\b(identity|drift) (?:[\d.]+|–|-)(?: (rising|falling|steady))?", body)
    return Counter((polarity, WORDS.get(word)) for polarity, word in found)


def _json_words(report: dict[str, Any]) -> Counter[tuple[str, str | None]]:
    """The same from `report --json`: the `trend` of each dimension the section lists (one
    with a number in some period)."""
    periods = report["periods"]
    out: Counter[tuple[str, str | None]] = Counter()
    for dim, ways in report["trend"]["dimensions"].items():
        if any(p["dimensions"][dim]["identity"] or p["dimensions"][dim]["drift"] for p in periods):
            for polarity in ("identity", "drift"):
                out[(polarity, ways[f"{polarity}_direction"])] += 1
    return out


def _journal(add: Callable[..., int], n: int, today: date) -> None:
    """`n` entries over the last weeks up to `today`, drift growing in the later ones."""
    for k in range(n):
        day = today - timedelta(days=(n - 1 - k) * 27 // max(n - 1, 1))
        add(" ".join((PEER, *DRIFTS[: k * len(DRIFTS) // max(n, 1)])), "--date", day.isoformat())


@pytest.mark.parametrize("n", [0, 1, 2, 5, 30])
@pytest.mark.parametrize("by", ["week", "month"])
def test_the_dimension_words_are_the_json_trend(
    cli: CLI, add: Callable[..., int], n: int, by: str
) -> None:
    _journal(add, n, date(2026, 11, 20))
    report = json.loads(ok(cli("report", "--by", by, "--json")).stdout)
    text = ok(cli("report", "--by", by)).stdout
    if n == 0:
        assert "\nDimensions" not in text
        return
    assert _dimension_words(text) == _json_words(report)
    too_few = report["trend"]["too_few"]
    assert (too_few is None) == ("No trend words" not in text)
    if too_few:
        assert too_few in " ".join(text.split())


def test_the_words_and_the_json_agree_with_a_filter(cli: CLI, add: Callable[..., int]) -> None:
    _journal(add, 12, date(2026, 11, 20))
    add(" ".join(DRIFTS), "--date", "2026-11-19", "--setting", "ward")
    for args in (("--setting", "ward"), ("--since", "2026-10-01"), ("--by", "month")):
        report = json.loads(ok(cli("report", *args, "--json")).stdout)
        text = ok(cli("report", *args)).stdout
        if "\nDimensions" in text:
            assert _dimension_words(text) == _json_words(report)



# ----------------------------------------------------------------- 3. one journal, four views


def _views(cli: CLI, since: str) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    report = json.loads(ok(cli("report", "--since", since, "--json")).stdout)
    summary = json.loads(ok(cli("export", "-f", "json", "--since", since, "--yes")).stdout)
    prep = json.loads(ok(cli("supervision", "prep", "--since", since, "--json")).stdout)
    return report, summary, prep


@pytest.mark.parametrize("tz", ["Pacific/Auckland", "America/Los_Angeles"])
@pytest.mark.parametrize("n", [1, 2, 5, 30])
def test_report_summary_and_prep_agree_over_one_period(
    cli: CLI, add: Callable[..., int], zone: Callable[[str], None],
    monkeypatch: pytest.MonkeyPatch, n: int, tz: str,
) -> None:
    """Entries on the period's first and last day (today here, in a zone far from UTC)."""
    zone(tz)
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-30T11:30:00+00:00")  # 1 Dec in Auckland
    today = datetime.fromisoformat("2026-11-30T11:30:00+00:00").astimezone().date()
    first = date(2026, 11, 2)
    days = [first, today, *(first + timedelta(days=3 * k % 29) for k in range(n))][:n]
    for k, day in enumerate(days):
        add(" ".join((PEER, *DRIFTS[: k % 5])), "--date", day.isoformat())
    report, summary, prep = _views(cli, first.isoformat())
    span = (first.isoformat(), today.isoformat())
    assert (report["since"], report["until"]) == span
    assert (summary["period"]["since"], summary["period"]["until"]) == span
    assert (prep["since"], prep["until"]) == span
    assert report["totals"]["entries"] == summary["entries"]["total"] == prep["entries"] == n
    alerts = list(report["alerts"])
    assert alerts == [a["message"] for a in summary["alerts"]]
    assert set(prep["alerts"]) <= set(alerts)
    ways = {d["id"]: (d["identity_direction"], d["drift_direction"]) for d in summary["dimensions"]}
    assert ways == {
        dim: (w["identity_direction"], w["drift_direction"])
        for dim, w in report["trend"]["dimensions"].items()
    }
