"""Round 38, prep: the same stated dates give the same numbers.

A. `supervision prep` leaves out entries of the supervision's day written before it; its
   alerts then name the period "since your supervision on 13 Nov 2026", not "from 13 Nov …",
   which `report --since` counts with those entries in (qa_reports finding 4), and its JSON
   says how many were left out.
B. A one-day period is said once in the exports ("Period: 2026-06-02").
C. A balance the summary stores on a tie (0.595) is shown as `report` shows it (+0.59 when
   the exact number was 0.5945), read from the period's identity and drift (finding 12).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from peerjournal.exporters import common
from peerjournal.supervision import SupervisionRecord, Window, prep_window
from peerjournal.trends import Rounded

CLI = Callable[..., Any]
SUPERVISION = SupervisionRecord(1, date(2026, 11, 13), "", datetime(2026, 11, 13, 15, tzinfo=UTC))


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


# -- A. prep's words say what it counts ---------------------------------------------------------


def test_a_window_from_a_supervision_names_its_start_so() -> None:
    window = prep_window(date(2026, 12, 6), None, [SUPERVISION])
    assert window.start_words() == "since your supervision on 13 Nov 2026"
    said = "Advice came up more from 13 Nov to 6 Dec 2026 than from 20 Oct to 12 Nov 2026 (2.38"
    assert window.reworded(said) == (
        "Advice came up more since your supervision on 13 Nov 2026 than from 20 Oct to 12 Nov "
        "2026 (2.38"
    )
    opening = "From 13 Nov to 6 Dec 2026, drift markers outweighed identity markers"
    assert window.reworded(opening).startswith("Since your supervision on 13 Nov 2026, drift")


def test_a_window_of_chosen_dates_keeps_them() -> None:
    chosen = prep_window(date(2026, 12, 6), date(2026, 11, 13), [SUPERVISION])
    said = "1 of 12 entries from 13 Nov to 6 Dec 2026 has a self-care note."
    assert chosen.start_words() == "" and chosen.reworded(said) == said
    assert chosen.dates() == "13 Nov 2026 to 6 Dec 2026"


def test_a_one_day_window_says_its_day_once() -> None:
    assert Window(date(2026, 11, 20), date(2026, 11, 20), "since").dates() == "20 Nov 2026"


@pytest.fixture
def left_out(cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch) -> None:
    """Two entries written on 13 Nov before that day's supervision, four after it."""
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-13T09:00:00+00:00")
    for _ in range(2):
        add("I told him he should take his meds.", "--date", "2026-11-13")
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-13T15:00:00+00:00")
    ok(cli("supervision", "done", "--note", "with Jo"))
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-20T18:30:00+00:00")
    for day in ("14", "16", "18", "20"):
        add("I sat with Sam and shared my own story.", "--date", f"2026-11-{day}")


@pytest.mark.usefixtures("left_out")
def test_prep_alerts_name_the_supervision_not_the_dates_a_report_counts_differently(
    cli: CLI,
) -> None:
    """Was: "0 of 4 entries from 13 Nov to 20 Nov 2026 have a self-care note" in prep and
    "0 of 6 entries from 13 Nov to 20 Nov 2026 …" in `report --since 2026-11-13`."""
    data = json.loads(ok(cli("supervision", "prep", "--json")).stdout)
    assert data["entries"] == 4 and data["left_out_before_supervision"] == 2
    care = [a for a in data["alerts"] if "self-care note" in a]
    assert care == [
        "0 of 4 entries since your supervision on 13 Nov 2026 have a self-care note. What "
        "helps you come back to yourself after a hard shift?"
    ]
    assert not any("from 13 Nov" in a for a in data["alerts"])
    report = json.loads(ok(cli("report", "--since", "2026-11-13", "--json")).stdout)
    assert any(a.startswith("0 of 6 entries from 13 Nov to 20 Nov 2026") for a in report["alerts"])
    text = ok(cli("supervision", "prep")).stdout
    assert "0 of 4 entries since your supervision on 13 Nov 2026" in " ".join(text.split())


@pytest.mark.usefixtures("left_out")
def test_prep_since_a_chosen_day_counts_as_the_report_does(cli: CLI) -> None:
    data = json.loads(ok(cli("supervision", "prep", "--since", "2026-11-13", "--json")).stdout)
    assert data["entries"] == 6 and data["left_out_before_supervision"] == 0
    assert any(a.startswith("0 of 6 entries from 13 Nov to 20 Nov 2026") for a in data["alerts"])


def test_prep_written_says_what_it_leaves_out() -> None:
    from peerjournal.supervision import Prep, TrendBrief

    window = prep_window(date(2026, 12, 6), None, [SUPERVISION])
    brief = TrendBrief({}, (), (), ())
    prep = Prep(window, 12, brief, (), (), (), (), (), None, (), left_out=2)
    assert prep.written() == (
        "12 entries written after your supervision (2 written earlier that day count in the "
        "period before, as in `export --since 2026-11-14`)"
    )
    assert Prep(window, 1, brief, (), (), (), (), (), None, (), left_out=1).written() == (
        "1 entry written after your supervision (1 written earlier that day counts in the "
        "period before, as in `export --since 2026-11-14`)"
    )
    assert Prep(window, 3, brief, (), (), (), (), (), None, ()).written() == "3 entries written"


# -- B. one day once ---------------------------------------------------------------------------


def _summary(since: str, until: str) -> dict[str, Any]:
    return {"period": {"since": since, "until": until, "by": "week"}}


def test_a_one_day_export_period_is_said_once() -> None:
    """Was: "Period: 2026-06-02 to 2026-06-02"."""
    assert common.period_text(_summary("2026-06-02", "2026-06-02")) == "2026-06-02"
    assert common.period_text(_summary("2026-06-01", "2026-06-30")) == "2026-06-01 to 2026-06-30"
    assert common.period_label({"start": "2026-06-02", "end": "2026-06-02"}) == "2026-06-02"


def test_a_one_day_markdown_export_says_the_day_once(cli: CLI, add: Callable[..., int]) -> None:
    add("I sat with Sam.", "--date", "2026-11-20")
    text = ok(cli("export", "--yes", "--since", "2026-11-20")).stdout
    assert "2026-11-20 to 2026-11-20" not in text and "2026-11-20 – 2026-11-20" not in text
    assert "2026-11-20 (by week)" in text


# -- C. a balance rounded once ------------------------------------------------------------------


def test_a_stored_tie_is_shown_as_the_report_rounds_the_exact_balance() -> None:
    """Was: +0.60 in the summary (0.595 rounded again) where `report` showed +0.59."""
    assert common.balance(0.595, {"identity": 14.419, "drift": 3.667}) == "+0.59"
    assert common.balance(0.595, {"identity": 14.43, "drift": 3.66}) == "+0.60"  # 0.5966…
    assert common.balance(-0.595, {"identity": 3.667, "drift": 14.419}) == "-0.59"
    assert common.balance(0.585, {"identity": 15.0, "drift": 3.93}) == "+0.58"  # 0.5848…


def test_a_balance_that_is_no_tie_or_has_no_rates_is_rounded_as_before() -> None:
    assert common.balance(0.594, {"identity": 14.419, "drift": 3.667}) == "+0.59"
    assert common.balance(0.595) == "+0.60"
    assert common.balance(0.595, {"identity": None, "drift": 3.0}) == "+0.60"
    assert common.balance(0.595, {"identity": 0.0, "drift": 0.0}) == "+0.60"
    assert common.balance(None, {"identity": 1.0, "drift": 1.0}) == "–"
    # rates that do not round to the stored balance cannot settle it (a hand-made summary)
    assert common.balance(0.335, {"identity": 0.25, "drift": 0.125}) == "+0.34"
    exact = Rounded(5945, 10_000)  # in memory the exact number decides
    assert common.balance(exact, {"identity": 1.0, "drift": 0.0}) == "+0.59"


def test_the_markdown_and_html_trend_rows_show_the_balance_report_shows() -> None:
    from peerjournal.exporters import html, markdown

    period = {"start": "2026-11-01", "end": "2026-11-30", "entries": 20, "identity": 14.419,
              "drift": 3.667, "balance": 0.595, "words": 2100, "dimensions": {}}
    summary = {"period": {"since": "2026-11-01", "until": "2026-11-30", "by": "month"},
               "periods": [period]}
    assert "| +0.59 |" in "\n".join(markdown._trend(summary))
    assert "+0.59" in "".join(html._trend(summary)) and "+0.60" not in "".join(html._trend(summary))


# prep's changes to render/supervision.py, render/report.py, reviewing.py, exporters/pdf.py

@pytest.mark.usefixtures("left_out")
def test_prep_says_its_count_and_first_week_are_after_the_supervision(cli: CLI) -> None:
    """Was: "13 Nov 2026 to 20 Nov 2026 · 4 entries written" and "Drift by week from 13 Nov
    2026", where `report --since 2026-11-13` counts 6 entries from 13 Nov."""
    text = " ".join(ok(cli("supervision", "prep")).stdout.split())
    assert ("13 Nov 2026 to 20 Nov 2026 · 4 entries written after your supervision (2 written "
            "earlier that day count in the period before, as in `export --since 2026-11-14`)"
            ) in text
    assert "Drift by week since your supervision on 13 Nov 2026: " in text
    assert "from 13 Nov" not in text


def test_prep_without_a_supervision_keeps_its_dates(cli: CLI, add: Callable[..., int]) -> None:
    add("I told him he should take his meds.", "--date", "2026-11-10")
    text = " ".join(ok(cli("supervision", "prep")).stdout.split())
    assert "26 Oct 2026 to 20 Nov 2026 · 1 entry written " in text
    assert "Drift by week from 26 Oct 2026: " in text


def test_a_one_day_report_says_its_day_once(cli: CLI, add: Callable[..., int]) -> None:
    """Was: "Practice report  20 Nov 2026 – 20 Nov 2026"."""
    add("I sat with Sam.")
    first = ok(cli("report", "--since", "2026-11-20")).stdout.splitlines()[0]
    assert first.startswith("Practice report  20 Nov 2026  ") and "–" not in first


def test_review_shows_a_stored_tie_as_report_rounds_it() -> None:
    from peerjournal.reviewing import headline

    totals = {"identity": 14.419, "drift": 3.667, "balance": 0.595}
    assert headline({"totals": totals, "periods": []}).balance == 0.59
    assert headline({"totals": {**totals, "balance": 0.594}, "periods": []}).balance == 0.59
