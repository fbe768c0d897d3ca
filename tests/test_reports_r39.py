"""Round 39, reports: one rule for trend words, one naming of dimensions, prep's true words.

1. (final review F8) The alerts give or deny a trend by the rule the Dimensions arrows and the
   summary's glance follow: every period of the window holding one entry. Was: "Clinical
   language … rising" and "Peer drift rose from 0.0 to 8.6" above an alert saying "each of
   those weeks holds only 1 entry: too few entries per week to show a trend", because the
   alert looked at its last five weeks alone.
2. `report --json`'s `dimension_label` (and a dimension row's `label`) is "Clinical language",
   as the exported summary's `markers[].dimension_label` (was "clinical language").
3. (F2) `supervision prep` holds an entry dated on the supervision's day but written on a later
   day (the supervision was over by then), and says what it left out truly: "(1 written that
   day, before you recorded it on 20 Nov 2026, is left out)" for a supervision recorded days
   after it. Was: "(1 written earlier that day is left out)" of an entry written 20 days later.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from peerjournal.trends import ReportRow, build_report

CLI = Callable[..., Any]
PEER = ("I shared my own story of recovery and we talked about what she hopes for and what she "
        "chose to do next. We laughed together and she decided her own plan.")
DRIFTS = ("I told him he should rest.", "He is non-compliant.",
          "I reminded him to take his medication.", "I assessed his symptoms.")
WINDOW = ("--since", "2026-10-12", "--until", "2026-11-29")
DENIES = "to show a trend"


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def flat(text: str) -> str:
    return " ".join(text.split())


def _rising_singles(add: Callable[..., int], *, doubled: bool) -> None:
    """One entry a week from 26 Oct, each with more drift; before them two weeks of two peer
    entries each (`doubled`) or none (the window then holds one entry a week only). Each text
    twice over: each half holds the 300 scored words a trend needs (round 43), each single
    week still under the 150 of a solid one."""
    if doubled:
        for day in ("2026-10-12", "2026-10-13", "2026-10-19", "2026-10-20"):
            add(" ".join([PEER] * 2), "--date", day)
    for k in range(5):
        text = " ".join((PEER, *DRIFTS[:k]))
        add(" ".join([text] * 2), "--date", (date(2026, 10, 26) + timedelta(weeks=k)).isoformat())


@pytest.fixture
def december(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-12-02T18:30:00+00:00")


def _alerts(cli: CLI) -> list[str]:
    return [str(a) for a in json.loads(ok(cli("report", *WINDOW, "--json")).stdout)["alerts"]]


# -- 1. the alerts and the arrows follow one rule -------------------------------------------


@pytest.mark.usefixtures("december")
def test_a_report_with_arrows_has_no_alert_denying_a_trend(
    cli: CLI, add: Callable[..., int]
) -> None:
    _rising_singles(add, doubled=True)
    out = flat(ok(cli("report", *WINDOW)).stdout)
    assert "Clinical language: identity 0.00 steady, drift 1.65 rising" in out
    assert DENIES not in out
    rose = [a for a in _alerts(cli) if a.startswith("Drift markers")]
    assert rose == [
        "Drift markers rose in 4 of the last 4 weeks you wrote in (from 26 Oct to 29 Nov 2026), "
        "but 5 of the 5 weeks behind those steps are short (under 150 scored words and 2 "
        "entries each), so one entry moves them a lot. Worth a look in the table?"
    ]


@pytest.mark.usefixtures("december")
def test_a_report_without_arrows_still_says_single_entries_are_no_trend(
    cli: CLI, add: Callable[..., int]
) -> None:
    _rising_singles(add, doubled=False)
    out = flat(ok(cli("report", *WINDOW)).stdout)
    assert "rising" not in out and "No trend words: too few entries per week" in out
    rose = [a for a in _alerts(cli) if a.startswith("Drift markers")]
    assert len(rose) == 1 and rose[0].startswith(
        "Drift markers were higher than the week before in 4 of the last 4 weeks")
    assert "each of those weeks holds only 1 entry: too few entries per week to show a trend" in (
        rose[0])


def _export(cli: CLI, tmp_path: Path, fmt: str) -> str:
    path = tmp_path / f"summary.{fmt}"
    ok(cli("export", "--yes", *WINDOW, "-f", fmt, "-o", str(path)))
    return path.read_text(encoding="utf-8")


@pytest.mark.usefixtures("december")
@pytest.mark.parametrize("doubled", [True, False])
def test_exports_and_review_agree_with_the_report(
    cli: CLI, add: Callable[..., int], tmp_path: Path, doubled: bool
) -> None:
    """Each of report, md, html, json (its alerts) and `review` of the json gives a trend and
    never denies one, or denies one and shows no arrow."""
    _rising_singles(add, doubled=doubled)
    summary = json.loads(_export(cli, tmp_path, "json"))
    review = ok(cli("review", str(tmp_path / "summary.json"))).stdout
    texts = {
        "report": ok(cli("report", *WINDOW)).stdout,
        "md": _export(cli, tmp_path, "md"),
        "html": _export(cli, tmp_path, "html"),
        "json alerts": " ".join(a["message"] for a in summary["alerts"]),
        "review": review,
    }
    for name, text in texts.items():
        text = flat(text)
        if doubled:
            assert DENIES not in text, name
        else:
            assert "rising" not in text and "rose from" not in text, name
            assert DENIES in text, name
    assert ("Peer drift rose from 0.0 to 8.6 per 100 words" in flat(review)) is doubled
    assert ("Peer drift rose from 0.0 to 8.6 per 100 words" in flat(texts["md"])) is doubled


TODAY = date(2026, 11, 20)


def _row(n: int, day: date, drift: float, words: int = 200) -> ReportRow:
    score = {"identity": 2.0, "drift": drift, "words": words, "hits": [],
             "dimensions": {"advice": {"identity": 0.0, "drift": drift}}}
    return ReportRow(id=n, date=day, drift=score)


def test_single_entry_steps_in_a_window_with_fuller_weeks_read_as_a_rise() -> None:
    """The steps are single entries, an earlier week holds two: the arrows can say rising, so
    the alert says "rose" (was: "too few entries per week to show a trend")."""
    monday = TODAY - timedelta(days=TODAY.weekday())
    fuller = monday - timedelta(weeks=6)  # a week of two entries
    rows = [_row(1, fuller, 2.0), _row(2, fuller + timedelta(days=1), 2.0)]
    rows += [_row(10 + k, monday - timedelta(weeks=5 - k), d)
             for k, d in enumerate([2.0, 2.5, 3.0, 4.0, 3.5, 5.0])]
    report = build_report(rows, since=TODAY - timedelta(weeks=8), until=TODAY, by="week",
                          today=TODAY)
    drift = [str(a) for a in report["alerts"] if str(a).startswith("Drift markers")]
    assert len(drift) == 1 and drift[0].startswith("Drift markers rose in 3 of the last 4 weeks")
    assert DENIES not in drift[0]


# -- 2. one naming of a dimension ------------------------------------------------------------


def test_report_json_names_dimensions_as_the_summary_does(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    # (round 41: 300 scored words in each window, the least "What changed" compares)
    add(" ".join([PEER] * 25), "--date", "2026-10-20")
    add(" ".join([PEER] * 25) + " He is non-compliant and lacks insight.", "--date", "2026-11-11")
    report = json.loads(ok(cli("report", "--since", "2026-10-29", "--json")).stdout)
    markers = [c for c in report["changes"] if c["kind"] == "marker"]
    dims = [c for c in report["changes"] if c["kind"] == "dimension"]
    assert markers and dims
    clinical = [c for c in markers if c["dimension"] == "clinical_language"]
    assert clinical and all(c["dimension_label"] == "Clinical language" for c in clinical)
    assert all(c["label"][:1].isupper() for c in dims), dims
    ok(cli("export", "--yes", "--since", "2026-10-29", "-f", "json", "-o",
           str(tmp_path / "s.json")))
    summary = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    exported = {m["dimension"]: m["dimension_label"]
                for side in summary["markers"].values() for m in side}
    assert exported["clinical_language"] == "Clinical language"
    out = flat(ok(cli("report", "--since", "2026-10-29")).stdout)
    assert "Clinical language: clinical labels for people (drift)" in out


# -- 3. prep's left-out entries ---------------------------------------------------------------


def _at(monkeypatch: pytest.MonkeyPatch, moment: str) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", moment)


@pytest.fixture
def recorded_late(cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch) -> None:
    """Supervision on Friday 13 Nov, recorded a week later; entries dated 13 Nov written that
    morning and on 18 Nov (back-dated), one dated 16 Nov."""
    _at(monkeypatch, "2026-11-13T09:00:00+00:00")
    add("I told him he should take his meds.", "--date", "2026-11-13")
    _at(monkeypatch, "2026-11-16T12:00:00+00:00")
    add("I sat with Sam and shared my own story.", "--date", "2026-11-16")
    _at(monkeypatch, "2026-11-18T12:00:00+00:00")
    add("I sat with Jo on Friday and we planned her week.", "--date", "2026-11-13")
    _at(monkeypatch, "2026-11-20T18:30:00+00:00")
    ok(cli("supervision", "done", "--date", "2026-11-13", "--note", "with Jo"))


@pytest.mark.usefixtures("recorded_late")
def test_prep_holds_an_entry_of_the_day_written_days_later(cli: CLI) -> None:
    data = json.loads(ok(cli("supervision", "prep", "--json")).stdout)
    assert data["entries"] == 2 and data["left_out_before_supervision"] == 1
    text = flat(ok(cli("supervision", "prep")).stdout)
    assert ("13 Nov 2026 to 20 Nov 2026 · 2 entries written after your supervision (1 written "
            "that day, before you recorded it on 20 Nov 2026, counts in the period before; "
            "export counts whole days: `export --since 2026-11-13` has 3 entries, "
            "`export --since 2026-11-14` 1 entry)") in text
    assert "earlier that day" not in text


def test_prep_says_nothing_is_left_out_when_nothing_is(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The final review's case: the only entry of the day was written days after it, minutes
    before `done -d` recorded the supervision (was: "(1 written earlier that day is left out)")."""
    _at(monkeypatch, "2026-11-20T18:00:00+00:00")
    add("I sat with Jo on Monday and we planned her week.", "--date", "2026-11-16")
    add("I shared my own story with Sam.", "--date", "2026-11-18")
    _at(monkeypatch, "2026-11-20T18:30:00+00:00")
    ok(cli("supervision", "done", "--date", "2026-11-16"))
    data = json.loads(ok(cli("supervision", "prep", "--json")).stdout)
    assert data["entries"] == 2 and data["left_out_before_supervision"] == 0
    text = flat(ok(cli("supervision", "prep")).stdout)
    assert "16 Nov 2026 to 20 Nov 2026 · 2 entries written" in text
    assert "left out" not in text


def test_prep_recorded_the_same_day_still_says_earlier_today(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    _at(monkeypatch, "2026-11-20T09:00:00+00:00")
    add("I told him he should take his meds.")
    _at(monkeypatch, "2026-11-20T15:00:00+00:00")
    ok(cli("supervision", "done"))
    _at(monkeypatch, "2026-11-20T18:30:00+00:00")
    add("I sat with Sam and shared my own story.")
    text = flat(ok(cli("supervision", "prep")).stdout)
    assert ("1 entry written after your supervision (1 written earlier today counts in the "
            "period before)" in text)  # (round 47: "earlier that day" of today's supervision)
