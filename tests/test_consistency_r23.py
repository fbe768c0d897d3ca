"""Round 23, a tired writer's read-through: one form for a day ("20 Nov 2026", as `show` and
reports write it) and one spelling ("toward") across prep and history, `write` and `show`
pointing to `drift ID` in the same words, `show`'s header wrapped only between its parts, and
prep counting as "since your supervision" only what was written after it, comparing periods
only when each has enough entries."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from peerjournal.db.store import Store
from test_qa22_prep_report import scored
from test_supervision_cli import add_entry

CLI = Callable[..., Any]
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def at(monkeypatch: pytest.MonkeyPatch, moment: str) -> None:
    """The clock reads `moment` (ISO 8601, UTC) from now on."""
    monkeypatch.setenv("PEERJOURNAL_NOW", moment)


# -- 1. one form for a day ---------------------------------------------------------------------


def test_prep_and_history_write_a_day_as_show_does_and_json_keeps_iso(
    cli: CLI, add: Callable[..., int]
) -> None:
    """Was: "since your last supervision on 2026-11-13", "2026-11-13 to 2026-11-20" and
    "#2  2026-11-18 · community", where `show` says "Wed 18 Nov 2026"."""
    add("I sat with Sam.", "--date", "2026-11-10")
    second = add("I sat with Jo and shared my story.", "--date", "2026-11-18", "-s", "community",
                 "--tag", "supervision")
    ok(cli("supervision", "done", "--date", "2026-11-13", "--note", "with Kim"))
    text = ok(cli("supervision", "prep")).stdout
    assert "Before supervision: since your last supervision on 13 Nov 2026\n" in text
    assert "13 Nov 2026 to 20 Nov 2026 · 1 entry written" in text
    assert f"#{second}  18 Nov 2026 · community" in text
    assert not ISO_DAY.search(text), ISO_DAY.findall(text)
    assert "Wed 18 Nov 2026" in ok(cli("show", str(second))).stdout
    data = json.loads(ok(cli("supervision", "prep", "--json")).stdout)  # the contract: ISO
    assert (data["since"], data["until"]) == ("2026-11-13", "2026-11-20")
    assert data["brought"][0]["date"] == "2026-11-18"
    history = ok(cli("supervision", "history")).stdout
    assert "  #1  13 Nov 2026  with Kim\n" in history
    asked = cli("supervision", "undo", input="n\n").stderr
    assert "Remove the supervision on 13 Nov 2026 (#1, recorded 20 Nov 2026 18:30)" in asked


# -- 2. one spelling, one pointer to `drift ID` -------------------------------------------------


def test_prep_says_toward_as_drift_and_report_do(cli: CLI, store: Store) -> None:
    for day in (date(2026, 10, 25), date(2026, 10, 28), date(2026, 10, 30)):
        add_entry(store, day, "Before.", scored(advice=(1.0, 0.0), story=(0.0, 2.0)))
    for day in (date(2026, 11, 10), date(2026, 11, 13), date(2026, 11, 15)):
        add_entry(store, day, "Since.", scored(advice=(0.0, 3.0), story=(2.0, 0.0)))
    ok(cli("supervision", "done", "--date", "2026-11-06"))
    text = ok(cli("supervision", "prep")).stdout
    assert "  Moved toward drift (against the period before): Advice\n" in text
    assert "  Moved toward peer identity (against the period before): Recovery story\n" in text
    assert "(Advice moved toward drift over the period)" in text
    assert "towards" not in text


def test_write_and_show_point_to_drift_id_in_the_same_words(
    cli: CLI, add: Callable[..., int]
) -> None:
    """Was: "· phrases: peerjournal drift 1" after `write`, "(details: peerjournal drift 1)"
    in `show`."""
    add("I sat with Sam.")
    written = ok(cli("write", "-x", "I told her she should take her meds."))
    [summary] = [line for line in written.stderr.splitlines() if line.startswith("Drift: ")]
    assert summary.endswith("  · details: peerjournal drift 2")
    shown = ok(cli("show", "2")).stdout.splitlines()
    assert "Drift: leans clinical  · details: peerjournal drift 2" in shown


# -- 3. show's header wraps between its parts and tags ------------------------------------------


TAGS = ("advocacy", "handover", "night-shift", "self-care", "supervision", "benefits-letter")


def test_show_header_wraps_only_between_parts_and_tags(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 40 columns the header broke inside "Fri 20 Nov 2026" and "prompts: boud"."""
    tags = [arg for tag in TAGS for arg in ("--tag", tag)]
    entry = add("I sat with Sam.", "-s", "crisis house", "--mode", "in-action", *tags)
    monkeypatch.setenv("COLUMNS", "40")
    out = ok(cli("show", str(entry))).stdout
    header = out.split("\nExperience\n")[0].splitlines()  # piped: a heading, no panel
    assert header[0] == f"#{entry} · Fri 20 Nov 2026 · crisis house"
    # the lines after the first indented under the date, so that none reads as a heading
    assert header[1] == "     in-action · prompts: boud"
    assert all(line.startswith("     #") for line in header[2:]), header
    assert all(len(line) <= 40 and line == line.rstrip() for line in header), header
    # every tag whole on one line, in order
    assert " ".join(header[1:]).split()[4:] == [f"#{tag}" for tag in sorted(TAGS)]
    found = ok(cli("search", "Sam")).stdout.splitlines()
    assert found[:2] == header[:2]


# -- 4. "since your last supervision": written after it, and enough to compare -------------------


def test_prep_on_the_day_of_supervision_leaves_out_what_was_written_before_it(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "since your last supervision on 2026-12-05 … 2 entries written", the two written
    that morning and talked about in it."""
    at(monkeypatch, "2026-11-20T09:00:00+00:00")
    add("Morning shift. I told him he should take his meds.")
    add("Another note before supervision. You should rest, I said.")
    at(monkeypatch, "2026-11-20T15:00:00+00:00")
    ok(cli("supervision", "done", "--note", "with Jo"))
    at(monkeypatch, "2026-11-20T16:00:00+00:00")
    text = ok(cli("supervision", "prep")).stdout
    assert "20 Nov 2026 · 0 entries written after your supervision (2 written earlier " \
        "today count in the period before)" in " ".join(text.split())
    assert "No entries in this period." in text
    assert "Moved toward" not in text and "“you should”" not in text.lower()
    at(monkeypatch, "2026-11-20T21:00:00+00:00")
    evening = add("After supervision I sat with Sam and shared my own story.")
    data = json.loads(ok(cli("supervision", "prep", "--json")).stdout)
    assert data["entries"] == 1
    assert data["trend"]["verdicts"] == {"identity": 1}
    assert data["trend"]["towards_drift"] == [] and data["most_drift_evidence"] == []
    assert "1 entry written" in ok(cli("supervision", "prep")).stdout
    assert evening == 3


def test_a_supervision_recorded_late_counts_what_was_written_after_its_day(
    cli: CLI, add: Callable[..., int]
) -> None:
    """`done --date` a week late: an entry of that day written today (a week after the
    supervision, back-dated) was written after it, so it is since, as are those of the days
    after (round 39: was left out, and prep said "written earlier that day" of it; entries of
    that day written that day, before the record, are still left out: test_reports_r39)."""
    add("On the day of supervision.", "--date", "2026-11-13")
    later = add("The day after.", "--date", "2026-11-14", "--tag", "supervision")
    ok(cli("supervision", "done", "--date", "2026-11-13"))
    data = json.loads(ok(cli("supervision", "prep", "--json")).stdout)
    assert data["since"] == "2026-11-13" and data["entries"] == 2
    assert data["left_out_before_supervision"] == 0
    text = ok(cli("supervision", "prep")).stdout
    assert f"#{later}  14 Nov 2026" in text and "left out" not in text


def test_prep_says_too_few_entries_to_compare_instead_of_listing_moves(
    cli: CLI, store: Store
) -> None:
    """Was: two entries against two, and four dimensions "moved towards drift"."""
    # (r46: the period before ends with the supervision's day, split at the supervision: 14 days)
    for day in (date(2026, 10, 25), date(2026, 10, 30)):
        add_entry(store, day, "Before.", scored(advice=(0.0, 0.0), voice=(3.0, 0.0)))
    for day in (date(2026, 11, 10), date(2026, 11, 15)):
        add_entry(store, day, "Since.", scored(advice=(0.0, 4.0), voice=(0.0, 2.0)))
    ok(cli("supervision", "done", "--date", "2026-11-06"))
    text = " ".join(ok(cli("supervision", "prep")).stdout.split())
    assert (
        "Too few entries to say what moved: 2 entries since your supervision on 6 Nov 2026, "
        "and 2 from 24 Oct 2026 to that supervision (it takes 3 on each side)." in text
    )
    assert "Moved toward" not in text and "Less " not in text
    assert "moved toward drift over the period" not in text
    assert "Advice had drift phrases in your entries" not in text  # no hits stored: no evidence
    trend = json.loads(ok(cli("supervision", "prep", "--json")).stdout)["trend"]
    assert trend["towards_drift"] == [] and trend["less_identity"] == []
    assert trend["too_few"].startswith("Too few entries")
