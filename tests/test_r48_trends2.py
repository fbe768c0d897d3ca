"""Round 48 (fix_trends2): trend words that rest on one entry, spike cells, two exports.

1. Drift 0.70, 2.27 (one entry with the markers), 0.36 by month: once the turn was refused
   for resting on one entry, the halves (Jan against Feb-Mar) said "rising" from that same
   entry. Now the words read steady and "At a glance" names the one entry.
2. A cell that rose and fell back was also called a spike in `review` ("2.1 ↑↓ rose, fell
   spike"): a turn's cell is never a spike.
3. A spike's cell was a bare number in the Markdown and HTML summaries: now "spike", with
   the note `review` gives.
4. `review later.json earlier.json` ran the header in argument order under "oldest first":
   summaries of one period run by when they were exported.
5. Two exports differing only by their drift lexicon said the writer changed entries.
6. A period with `dimension_entries` but no `marked_entries` was accepted.

The clock is fixed (conftest: today is Friday 20 Nov 2026)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.reviewing import exported_again
from peerjournal.summary import said_direction
from test_r43_trends import Add, flat, ok, report_json
from test_r46_trends import export, glance
from test_r48_trends import CALM, HEAVY, LIGHT, QUARTER, clinical


def write_lone_rise(add: Add) -> None:
    """Jan: two entries with one clinical label each; Feb: one entry full of them, two calm;
    Mar: one label in one entry: 0.70, 2.27, 0.36 per 100 words."""
    for day, text in (("05", LIGHT), ("12", CALM), ("19", f"{CALM} Quiet."), ("26", LIGHT)):
        add(text, "-d", f"2026-01-{day}")
    for n, day in enumerate(("05", "12", "19")):
        add(HEAVY if n < 1 else f"{CALM}{CALM} Calm.", "-d", f"2026-02-{day}")
    for day, text in (("05", LIGHT), ("12", CALM), ("19", f"{CALM} Quiet."),
                      ("26", f"{CALM} Still.")):
        add(text, "-d", f"2026-03-{day}")


def test_a_refused_turn_s_entry_makes_no_rise_in_numbers() -> None:
    """The halves' "up" of 0.70, 2.27 (one entry), 0.36 rests on Feb's one entry: steady.
    Without the counts (a summary from before round 48), or with 2 entries in Feb (a turn),
    or with ends that rose as the halves say, the halves' word stands."""
    series, entries, words = [0.702, 2.273, 0.358], [4, 3, 4], [427, 506, 419]
    assert said_direction("up", series, entries, words, [2, 1, 1]) == "steady"
    assert said_direction("up", series, entries, words) == "up"
    assert said_direction("up", [0.702, 2.273, 1.6], entries, words, [2, 1, 2]) == "up"


def test_a_rise_of_one_entry_between_lower_months_reads_steady(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: `drift_reads` "up", report "drift 1.18 rising", the summary's "Peer drift rose
    from 0.7 to 1.4" and "Moved most: … rose", review "↑ rising": a rise that ended lower
    than it began, from one entry in Feb."""
    write_lone_rise(add)
    data = report_json(cli, *QUARTER)
    assert [p["dimensions"]["clinical_language"]["drift"] for p in data["periods"]] == [
        0.702, 2.273, 0.358]
    assert clinical(data)["drift_direction"] == "up"  # (the halves', as ever)
    assert clinical(data)["drift_turn"] is None
    assert clinical(data)["drift_reads"] == "steady"
    assert "Clinical language: identity 0.00 steady, drift 1.18 steady" in flat(
        ok(cli("report", *QUARTER)).stdout)
    said = glance(export(cli, tmp_path, "q.md", *QUARTER))
    assert ("Peer drift held steady apart from one entry in Feb 2026 (0.7 per 100 words at "
            "first, 2.3 in Feb 2026, 0.4 at the end).") in said, said
    assert "rose" not in said and "Moved most" not in said, said
    summary = tmp_path / "q.json"
    ok(cli("export", "--yes", "-o", str(summary), *QUARTER))
    row = next(line for line in ok(cli("review", str(summary))).stdout.splitlines()
               if line.startswith("Clinical language "))
    assert "1.2 → steady" in row and "rising" not in row, row


def test_a_cell_that_rose_and_fell_is_no_spike(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Was: "2.1 ↑↓ rose, fell spike", and a note on a spike rather than a trend, while
    "At a glance" said "rose to 5.8 in Feb 2026, then fell"."""
    for day, text in (("05", LIGHT), ("12", CALM), ("19", f"{CALM} Quiet."), ("26", LIGHT)):
        add(text, "-d", f"2026-01-{day}")
    for day, text in (("05", HEAVY), ("12", HEAVY), ("19", f"{CALM}{CALM} Calm.")):
        add(text, "-d", f"2026-02-{day}")
    for day in ("05", "12", "19", "26"):
        add(f"{CALM} Day {day}.", "-d", f"2026-03-{day}")
    summary = tmp_path / "q.json"
    ok(cli("export", "--yes", "-o", str(summary), *QUARTER))
    out = ok(cli("review", str(summary))).stdout
    row = next(line for line in out.splitlines() if line.startswith("Clinical language "))
    assert "↑↓ rose, fell" in row and "spike" not in row, row
    assert "Spike:" not in out and "rose to 5.8 in Feb 2026, then fell" in flat(out), out


def write_spike(add: Add) -> None:
    """Two calm months, then March's two entries with the labels: a spike in March."""
    for month in ("01", "02"):
        for day in ("05", "19"):
            add(f"{CALM}{CALM} Quiet.", "-d", f"2026-{month}-{day}")
    add(LIGHT, "-d", "2026-03-05")
    add(HEAVY, "-d", "2026-03-19")


@pytest.mark.parametrize("suffix", ["md", "html"])
def test_a_spike_s_cell_says_spike_in_the_files(
    cli: CLI, add: Add, tmp_path: Path, suffix: str
) -> None:
    """Was: "| Clinical language | 0.0 → steady | 1.3 |", a bare number, where `review`
    says "1.3 spike" with a note."""
    write_spike(add)
    path = tmp_path / f"q.{suffix}"
    ok(cli("export", "--yes", "-o", str(path), *QUARTER))
    text = path.read_text(encoding="utf-8")
    cell = ("| Clinical language | 0.0 → steady | 1.3 spike |" if suffix == "md"
            else "<td>Clinical language</td><td>0.0 → steady</td><td>1.3 spike</td>")
    assert cell in text, text
    assert ("Spike: the markers of the higher half all come from one month, a spike rather "
            "than a trend.") in text
    assert text.count("spike</td>" if suffix == "html" else "spike |") == 1


def test_two_exports_of_one_period_run_by_when_they_were_made(
    cli: CLI, add: Add, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: `review later.json earlier.json` showed later.json first under "oldest first",
    then said "later.json is the later"."""
    write_lone_rise(add)
    earlier, later = tmp_path / "earlier.json", tmp_path / "later.json"
    ok(cli("export", "--yes", "-o", str(earlier), *QUARTER))
    entries = json.loads(ok(cli("list", "--json")).stdout)
    ok(cli("edit", str(next(e["id"] for e in entries if e["date"] == "2026-02-05")), "-x", CALM))
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-21T10:00:00+00:00")
    ok(cli("export", "--yes", "-o", str(later), *QUARTER))
    out = ok(cli("review", str(later), str(earlier))).stdout
    assert out.index("File: " + str(earlier)) < out.index("File: " + str(later)), out
    head = out[: out.index("Between summaries")]
    assert head.index("earlier.json") < head.index("later.json"), head
    assert ("earlier.json and later.json cover the same period (1 Jan – 31 Mar 2026) with "
            "different numbers: the writer changed entries in it (edited, added, deleted or "
            "rescored them) between the two exports; later.json is the later.") in flat(out)


def test_a_lexicon_alone_is_no_changed_entries(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Two exports of one period, the same entries, scored with different lexicons: the
    lexicon note says why the numbers differ, not "the writer changed entries"; with an
    entry more as well, both are said."""
    write_lone_rise(add)
    path = tmp_path / "q.json"
    ok(cli("export", "--yes", "-o", str(path), *QUARTER))
    first: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    other = {**first, "lexicon_versions": ["0123456789ab"],
             "totals": {**first["totals"], "drift": 0.5},
             "generated_at": "2026-11-21T10:00:00+00:00"}
    assert exported_again([first, other]) == []
    more = {**other, "entries": {**first["entries"], "total": first["entries"]["total"] + 1}}
    assert exported_again([more, first]) == [(1, 0)]


@pytest.mark.parametrize("dropped", ["marked_entries", "dimension_entries"])
def test_one_count_without_the_other_is_refused(
    cli: CLI, add: Add, tmp_path: Path, dropped: str
) -> None:
    """Was: a period with `dimension_entries` and no `marked_entries` was read, and "At a
    glance" and the table then weighed the turn differently."""
    write_lone_rise(add)
    path = tmp_path / "q.json"
    ok(cli("export", "--yes", "-o", str(path), *QUARTER))
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["periods"][0][dropped]
    path.write_text(json.dumps(data), encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code != 0
    kept = "dimension entries" if dropped == "marked_entries" else "marked entries"
    assert (f"periods #1 {dropped.replace('_', ' ')} is missing, though periods #1 {kept} is "
            "given") in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
