"""Round 40, reports: entries with "too little" evidence give no row a balance on their own.

QA (newcomer, F2): `report`'s "Where drift shows up" drew a setting fully clinical (-1.00) from
one 4-word note ("Checked in by phone.") that `write`, `list` and `drift` all call "not enough
signal"; a journal whose only entry was "Sat with Kay." (3 words) headlined "balance +1.00",
and its mentor summary said the same. Now a row (a week or month, a setting, the window, the
window before) whose scored entries all have the stored verdict "insufficient" has no balance:
`report` says "too little" (as `list` does) and draws no bar, `report --json` gives
`"balance": null, "too_little": true`, `supervision prep` says so under its numbers, and the
mentor summary gives no balance either (its glance line says why). Such entries still count
beside entries that have a verdict, and their rates (what was counted per 100 words) are kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from peerjournal.db.stats import report_rows, report_stats
from peerjournal.db.store import Drift, Store
from peerjournal.drift import DIMENSIONS
from peerjournal.entry import EntryDraft
from peerjournal.trends import (
    ReportRow,
    Totals,
    build_report,
    recent_entries,
    report_from_stats,
    stats_from_rows,
)

CLI = Callable[..., Any]
PEER = ("I shared my own story of recovery with him and we sat together, learning from each "
        "other about what he wants next.")
SHORT = "Checked in by phone."  # one learned phrase in 4 words: "not enough signal"
TINY = "Sat with Kay."  # 3 words: no verdict at all
TODAY = date(2026, 11, 20)


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def _score(verdict: str, identity: float, drift: float, words: int = 4) -> dict[str, Any]:
    return {"verdict": verdict, "identity": identity, "drift": drift, "words": words,
            "dimensions": {"co_optation": {"identity": identity, "drift": drift}}}


def _row(n: int, verdict: str, identity: float, drift: float, setting: str = "",
         day: date = TODAY) -> ReportRow:
    return ReportRow(id=n, date=day, setting=setting, drift=_score(verdict, identity, drift))


# ------------------------------------------------------------------------------ the numbers


def test_a_group_of_entries_without_a_verdict_has_no_balance() -> None:
    totals = Totals()
    totals.add(_row(1, "insufficient", 0.0, 25.0), DIMENSIONS)
    totals.add(_row(2, "insufficient", 0.0, 31.25), DIMENSIONS)
    assert totals.too_little and totals.balance is None
    assert totals.summary() == {"entries": 2, "identity": 0.0, "drift": 28.125,
                                "balance": None, "too_little": True}


def test_beside_an_entry_with_a_verdict_they_count_as_before() -> None:
    totals = Totals()
    totals.add(_row(1, "insufficient", 0.0, 25.0), DIMENSIONS)
    totals.add(_row(2, "identity", 30.0, 0.0), DIMENSIONS)
    assert not totals.too_little
    assert totals.summary() == {"entries": 2, "identity": 15.0, "drift": 12.5,
                                "balance": pytest.approx(0.091, abs=1e-9)}


@pytest.mark.parametrize("verdict", [None, "identity", "drift", "mixed"])
def test_a_score_with_a_verdict_or_none_stored_keeps_its_balance(verdict: str | None) -> None:
    score = _score("x", 0.0, 25.0)
    if verdict is None:
        del score["verdict"]
    else:
        score["verdict"] = verdict
    totals = Totals()
    totals.add(ReportRow(id=1, date=TODAY, drift=score), DIMENSIONS)
    assert totals.balance == -1.0 and "too_little" not in totals.summary()


def test_an_unscored_entry_is_not_too_little() -> None:
    totals = Totals()
    totals.add(ReportRow(id=1, date=TODAY), DIMENSIONS)
    assert not totals.too_little and totals.balance is None


def test_settings_periods_and_window_each_judged_on_their_own_entries() -> None:
    rows = [
        _row(1, "identity", 37.5, 0.0, "community", date(2026, 11, 9)),
        _row(2, "insufficient", 0.0, 31.25, "crisis", date(2026, 11, 17)),
        _row(3, "insufficient", 33.333, 0.0, "crisis", date(2026, 11, 18)),
    ]
    report = build_report(rows, since=date(2026, 11, 1), until=TODAY, by="week", today=TODAY)
    assert report["settings"]["crisis"]["balance"] is None
    assert report["settings"]["crisis"]["too_little"] is True
    assert report["settings"]["community"]["balance"] == 1.0
    assert "too_little" not in report["settings"]["community"]
    weeks = {p["start"]: p for p in report["periods"]}
    assert weeks["2026-11-16"]["balance"] is None and weeks["2026-11-16"]["too_little"]
    assert weeks["2026-11-09"]["balance"] == 1.0
    assert report["totals"]["balance"] is not None and "too_little" not in report["totals"]
    # the rates of the "too little" week are still what was counted
    assert weeks["2026-11-16"]["drift"] > 0


def test_a_too_little_entry_leans_nowhere_among_the_last_entries() -> None:
    recent = recent_entries([_row(1, "insufficient", 0.0, 31.25), _row(2, "drift", 0.0, 9.0)])
    assert [r.balance for r in recent] == [None, -1.0]
    assert all(r.scored for r in recent)


def test_no_alert_leans_on_notes_without_a_verdict() -> None:
    """Five 4-word notes each "too little" (drift 31.25 per 100 words each) are no run of
    entries leaning toward drift, nor a window tipped toward it."""
    rows = [_row(n, "insufficient", 0.0, 31.25, day=date(2026, 11, 10 + n)) for n in range(6)]
    report = build_report(rows, since=date(2026, 10, 1), until=TODAY, by="week", today=TODAY)
    assert report["totals"]["balance"] is None
    assert not any("outweighed" in a or "leaned" in a.lower() for a in report["alerts"])


# --------------------------------------------------------------------- SQL and Python agree


def _journal(path: Path, verdicts: list[tuple[str, str, int]]) -> Store:
    """(verdict, setting, days before TODAY) for each entry, each scored with drift only."""
    store = Store(path)
    drafts = [EntryDraft(date=date.fromordinal(TODAY.toordinal() - days), experience="A note.",
                         setting=setting) for _, setting, days in verdicts]
    drifts = [Drift(verdict, {**_score(verdict, 0.0, 25.0), "hits": []}, "v1", "s1")
              for verdict, _, _ in verdicts]
    store.add_entries(drafts, datetime(2026, 11, 20, 18, 30, tzinfo=UTC), drifts)
    return store


@pytest.mark.parametrize("by", ["week", "month"])
def test_sql_counts_the_entries_with_a_verdict_as_python_does(tmp_path: Path, by: str) -> None:
    verdicts = [("insufficient", "crisis", 1), ("insufficient", "crisis", 2),
                ("drift", "ward", 3), ("insufficient", "ward", 9), ("insufficient", "", 40),
                ("mixed", "", 41)]
    store = _journal(tmp_path / "journal.db", verdicts)
    since = date(2026, 11, 1)
    try:
        rows = report_rows(store, date.min, TODAY)
        sql = report_stats(store, since, TODAY, by, dimensions=DIMENSIONS)
    finally:
        store.close()
    assert [r.drift and r.drift["verdict"] for r in rows] == [v for v, _, _ in verdicts][::-1]
    python = stats_from_rows(rows, since=since, until=TODAY, by=by, dimensions=DIMENSIONS)
    assert sql.cells == python.cells
    report = report_from_stats(sql, since=since, until=TODAY, by=by, today=TODAY)
    assert report["settings"]["crisis"]["too_little"] is True
    assert report["settings"]["ward"]["balance"] == -1.0
    assert report == build_report(rows, since=since, until=TODAY, by=by, today=TODAY)


# -------------------------------------------------------------------------------- the CLI


def _settings_rows(text: str) -> dict[str, str]:
    section = text.split("Where drift shows up", 1)[1].split("\n\n", 1)[0]
    return {line.split()[0]: line for line in section.splitlines()[3:] if line.strip()}


def test_report_shows_a_setting_of_one_short_note_as_too_little(
    cli: CLI, add: Callable[..., int]
) -> None:
    add(PEER, "-s", "community", "-d", "2026-11-16")
    add(SHORT, "-s", "crisis", "-d", "2026-11-17")
    listed = ok(cli("list")).stdout
    # the entry's verdict, as `drift` and `show` name it (round 47)
    assert "not enough signal" in next(line for line in listed.splitlines() if "Checked" in line)
    rows = _settings_rows(ok(cli("report")).stdout)
    assert rows["crisis"].rstrip().endswith("too little")
    assert "-1.00" not in rows["crisis"] and "░" not in rows["crisis"]
    assert rows["community"].rstrip().endswith("+1.00")
    report = json.loads(ok(cli("report", "--json")).stdout)
    assert report["settings"]["crisis"]["balance"] is None
    assert report["settings"]["crisis"]["too_little"] is True


def test_a_journal_of_one_three_word_entry_headlines_no_balance(
    cli: CLI, add: Callable[..., int]
) -> None:
    add(TINY, "-d", "2026-11-18")
    text = ok(cli("report")).stdout
    headline = " ".join(text.split("\n\n", 1)[0].split())
    assert "+1.00" not in text
    assert "balance too little" in headline
    assert "Too little to read a balance from" in headline
    week = next(line for line in text.splitlines() if line.startswith("16 Nov"))
    assert week.rstrip().endswith("too little")
    totals = json.loads(ok(cli("report", "--json")).stdout)["totals"]
    assert totals["balance"] is None and totals["too_little"] is True
    prep = ok(cli("supervision", "prep")).stdout
    assert "Too little to read a balance from" in " ".join(prep.split())


def test_ascii_and_narrow_reports_say_too_little_whole(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    add(SHORT, "-s", "crisis", "-d", "2026-11-17")
    for width in ("100", "60", "40", "32", "25"):
        monkeypatch.setenv("COLUMNS", width)
        text = ok(cli("report")).stdout
        assert "too little" in text.split("Where drift shows up", 1)[1]
        assert "-1.00" not in text


def test_prep_keeps_the_drift_of_a_too_little_week(cli: CLI, add: Callable[..., int]) -> None:
    """Its balance is withheld, not its counted drift: the week is not "no entries"."""
    add(PEER, "-d", "2026-11-09")
    add(SHORT, "-d", "2026-11-17")
    prep = json.loads(ok(cli("supervision", "prep", "--json")).stdout)
    weeks = {w["start"]: w["drift"] for w in prep["trend"]["weekly_drift"]}
    assert weeks["2026-11-16"] == pytest.approx(31.25, abs=0.01)
    report = json.loads(ok(cli("report", "--json")).stdout)
    week = next(p for p in report["periods"] if p["start"] == "2026-11-16")
    assert week["too_little"] is True and week["drift"] == weeks["2026-11-16"]


# ----------------------------------------------------------- the mentor summary (a patch)


def test_the_mentor_summary_gives_no_balance_for_too_little(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    add(TINY, "-d", "2026-11-18")
    summary = json.loads(ok(cli("export", "-f", "json", "--yes")).stdout)
    # (mentor2: the file keeps the balance, for older readers; readers that know the key hide it)
    assert summary["totals"]["balance"] == 1.0 and summary["totals"]["too_little"] is True
    week = next(p for p in summary["periods"] if p["entries"])
    assert week["balance"] == 1.0 and week["too_little"] is True
    markdown = " ".join(ok(cli("export", "--yes")).stdout.split())
    assert "too little to read a balance from" in markdown
    assert "+1.00" not in markdown
    path = tmp_path / "summary.json"
    path.write_text(json.dumps(summary), encoding="utf-8")
    ok(cli("review", str(path)))


def test_a_mixed_summary_still_reviews_and_agrees_with_the_report(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    add(PEER, "-s", "community", "-d", "2026-11-09")
    add(SHORT, "-s", "crisis", "-d", "2026-11-16")
    add(TINY, "-s", "crisis", "-d", "2026-11-17")
    add("I told him he should take his meds and assessed his symptoms for compliance.",
        "-s", "ward", "-d", "2026-11-04")
    since = "2026-11-02"
    report = json.loads(ok(cli("report", "--since", since, "--json")).stdout)
    summary = json.loads(ok(cli("export", "-f", "json", "--since", since, "--yes")).stdout)
    assert summary["totals"]["balance"] == pytest.approx(report["totals"]["balance"], abs=1e-3)
    by_start = {p["start"]: p for p in summary["periods"]}
    for period in report["periods"]:
        if period["entries"]:
            kept = by_start[period["start"]]["balance"]  # (kept for older readers: mentor2)
            if period.get("too_little"):
                assert kept is not None and period["balance"] is None
            else:
                assert kept == (None if period["balance"] is None
                                else pytest.approx(period["balance"], abs=1e-3))
            assert by_start[period["start"]].get("too_little") == period.get("too_little")
    assert [p.get("too_little") for p in report["periods"]] == [None, None, True]
    path = tmp_path / "summary.json"
    path.write_text(json.dumps(summary), encoding="utf-8")
    ok(cli("review", str(path)))
