"""Round 48 (fix_trends): what a trend word rests on, and how it shows.

1. A turn ("rose to 3.11 in Feb 2026, back to 0.70 in Mar 2026") was said where the month
   that stood out held one entry with the markers: a turn now needs 2 entries that carry
   the dimension's markers on its high side (the middle of a rise, each end of a dip), from
   per-period counts (`report --json` periods' `marked_entries` and `dimension_entries`,
   kept in the exported summary's periods).
2. `report --json` `*_reads` said the halves' "up" where the text said a turn: now the
   turn's way ("up_down", "down_up").
3. A spike's cell in `review`'s Dimensions table showed a bare number: now "spike", with a
   note beneath the table.
4. "since the week of 28 Sep it is back down" while that week is not over: now "has been
   back down so far (… up to 20 Nov 2026, before the week's end)" (tests/test_r47_trends.py).

The clock is fixed (conftest: today is Friday 20 Nov 2026)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CLI
from peerjournal.summary import turn
from test_r43_trends import Add, flat, ok, report_json
from test_r46_trends import export, glance

QUARTER = ("--by", "month", "--since", "2026-01-01", "--until", "2026-03-31")
# a calm paragraph (recovery-story markers, none of clinical language)
CALM = ("We sat in the garden and talked about football, the weather, the new cafe on the "
        "corner and the bus timetable. He laughed about his old dog and the long walk to "
        "the shops. ") * 3
LIGHT = f"{CALM} I said his chart showed he was non-compliant."  # one clinical label
HEAVY = (f"{CALM[: len(CALM) * 2 // 3]} He is non-compliant. She was psychotic. They are "
         "schizophrenic. He is bipolar. The borderline patient. An addict. The alcoholic. A "
         "manipulative client. Attention-seeking. He was delusional.")


def write_quarter(add: Add, heavy: int) -> None:
    """Jan and Mar: four entries, two with one clinical label each; Feb: three entries,
    `heavy` of them full of clinical labels, the rest calm."""
    for month in ("01", "03"):
        for day, text in (("05", LIGHT), ("12", CALM), ("19", f"{CALM} Quiet."), ("26", LIGHT)):
            add(text, "-d", f"2026-{month}-{day}")
    for n, day in enumerate(("05", "12", "19")):
        add(HEAVY if n < heavy else f"{CALM}{CALM} Calm.", "-d", f"2026-02-{day}")


def clinical(data: dict[str, object]) -> dict[str, object]:
    return data["trend"]["dimensions"]["clinical_language"]  # type: ignore[index]


def test_one_entry_s_markers_are_no_turn_in_numbers() -> None:
    """The same rates, 0.70, 3.11, 0.70: a turn when Feb's rise is in 2 entries, none when
    in 1; without the counts (a summary from before round 48) as before."""
    series, entries, words = [0.702, 3.108, 0.702], [4, 3, 4], [427, 370, 427]
    assert turn(series, entries, words) is not None
    assert turn(series, entries, words, [2, 1, 2]) is None
    rose = turn(series, entries, words, [2, 2, 2])
    assert rose is not None and rose.way == "up_down"
    # a dip needs its ends (the high side) to rest on 2 entries each
    dip = [3.0, 0.2, 3.1]
    assert turn(dip, [3, 3, 3], [400, 400, 400], [2, 0, 3]) is not None
    assert turn(dip, [3, 3, 3], [400, 400, 400], [1, 0, 3]) is None


def test_a_month_s_rise_from_one_entry_is_no_turn(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Was: "drift 1.43 (rose to 3.11 in Feb 2026, back to 0.70 in Mar 2026)", and the
    summary's "Peer drift rose to 3.1 in Feb 2026", from one entry in Feb."""
    write_quarter(add, heavy=1)
    data = report_json(cli, *QUARTER)
    periods = data["periods"]
    series = [p["dimensions"]["clinical_language"]["drift"] for p in periods]
    assert series == [0.702, 2.273, 0.702]
    # (without the counts, as until round 47: a turn)
    assert turn(series, [p["entries"] for p in periods], [p["words"] for p in periods])
    assert [p["dimension_entries"]["clinical_language"] for p in data["periods"]] == [
        {"identity": 0, "drift": 2}, {"identity": 0, "drift": 1}, {"identity": 0, "drift": 2}]
    assert [p["marked_entries"]["drift"] for p in data["periods"]] == [2, 1, 2]
    assert clinical(data)["drift_turn"] is None
    assert clinical(data)["drift_reads"] == "steady"  # (ended where it began)
    out = flat(ok(cli("report", *QUARTER)).stdout)
    assert "Clinical language: identity 0.00 steady, drift 1.29 steady" in out, out
    said = glance(export(cli, tmp_path, "q.md", *QUARTER))
    assert "rose to" not in said, said
    assert "Peer drift ended where it began: 0.7 per 100 words" in said, said


def test_two_entries_make_a_turn_and_reads_says_it(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Two entries in Feb carry the labels: the turn is said, and `drift_reads` is the
    turn's way (was "up", the halves', while the text said "rose to … back to")."""
    write_quarter(add, heavy=2)
    data = report_json(cli, *QUARTER)
    turned = clinical(data)["drift_turn"]
    assert turned is not None and turned["way"] == "up_down" and turned["at"] == "2026-02-01"
    assert clinical(data)["drift_direction"] == "up"  # (the halves', as ever)
    assert clinical(data)["drift_reads"] == "up_down"
    out = flat(ok(cli("report", *QUARTER)).stdout)
    assert "rose to 5.79 in Feb 2026, back to 0.70 in Mar 2026" in out, out
    # the summary keeps the counts, and `review` says the same turn from them
    summary = tmp_path / "q.json"
    ok(cli("export", "--yes", "-o", str(summary), *QUARTER))
    periods = json.loads(summary.read_text(encoding="utf-8"))["periods"]
    assert [p["dimension_entries"]["clinical_language"]["drift"] for p in periods] == [2, 2, 2]
    assert "↑↓ rose, fell" in ok(cli("review", str(summary))).stdout


def test_review_refuses_counts_a_period_cannot_hold(cli: CLI, add: Add, tmp_path: Path) -> None:
    """More entries with markers than the period holds is a file changed after export."""
    write_quarter(add, heavy=1)
    summary = tmp_path / "q.json"
    ok(cli("export", "--yes", "-o", str(summary), *QUARTER))
    data = json.loads(summary.read_text(encoding="utf-8"))
    data["periods"][1]["dimension_entries"]["clinical_language"]["drift"] = 9
    summary.write_text(json.dumps(data), encoding="utf-8")
    result = cli("review", str(summary))
    assert result.exit_code != 0
    assert "dimension entries clinical language drift is 9, more than periods #2 entries" in (
        result.stderr), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_a_spike_s_cell_says_spike_in_review(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Was: "Clinical language  0.0 → steady   0.9" (a bare number) where the halves' higher
    half had all its markers in one month."""
    for month in ("01", "02"):
        for day in ("05", "19"):
            add(f"{CALM}{CALM} Quiet.", "-d", f"2026-{month}-{day}")
    add(LIGHT, "-d", "2026-03-05")
    add(HEAVY, "-d", "2026-03-19")
    summary = tmp_path / "q.json"
    ok(cli("export", "--yes", "-o", str(summary), *QUARTER))
    out = ok(cli("review", str(summary))).stdout
    row = next(line for line in out.splitlines() if line.startswith("Clinical language "))
    assert "spike" in row.split("│")[0], row
    assert "Spike: the markers of the higher half all come from one month" in flat(out), out
    # a dimension without one says nothing of spikes
    calm = next(line for line in out.splitlines() if line.startswith("Advocacy "))
    assert "spike" not in calm


def test_review_says_why_one_period_has_two_figures(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Was: two exports of the same quarter, an entry edited between them, showed "drift 7.0
    → 5.8" without a word on why; now one line says the entries changed."""
    write_quarter(add, heavy=2)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    ok(cli("export", "--yes", "-o", str(first), *QUARTER))
    entry = json.loads(ok(cli("list", "--json")).stdout)
    heavy = next(e["id"] for e in entry if e["date"] == "2026-02-05")
    ok(cli("edit", str(heavy), "-x", CALM))
    ok(cli("export", "--yes", "-o", str(second), *QUARTER))
    out = flat(ok(cli("review", str(first), str(second))).stdout)
    assert ("first.json and second.json cover the same period (1 Jan – 31 Mar 2026) with "
            "different numbers: the writer changed entries in it (edited, added, deleted or "
            "rescored them) between the two exports; second.json is the later.") in out, out
    # the same export twice says nothing of changes
    again = flat(ok(cli("review", str(second), str(second))).stdout)
    assert "changed entries" not in again
