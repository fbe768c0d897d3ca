"""trends.build_report: periods, weighting, windows, changes, rhythm and the alert rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.errors import PeerJournalError
from peerjournal.render.charts import diverging_bar, empty_bar, sparkline, unicode_ok
from peerjournal.trends import (
    THRESHOLDS,
    ReportRow,
    build_report,
    periods,
    previous_window,
    resolve_window,
)

TODAY = date(2026, 11, 20)  # a Friday


def score(
    identity: float,
    drift: float,
    words: int = 200,
    dim: str = "clinical_language",
    markers: tuple[str, ...] = (),
) -> dict[str, Any]:
    return {
        "identity": identity,
        "drift": drift,
        "words": words,
        "dimensions": {
            "story": {"identity": identity, "drift": 0.0},
            dim: {"identity": 0.0, "drift": drift},
        },
        "hits": [
            {"marker": m, "dimension": dim, "polarity": "drift", "counted": True} for m in markers
        ],
    }


def row(
    day: date,
    identity: float = 1.0,
    drift: float = 0.0,
    *,
    n: int = 0,
    words: int = 200,
    setting: str = "community",
    feelings: str = "",
    self_care: bool = False,
    markers: tuple[str, ...] = (),
    scored: bool = True,
) -> ReportRow:
    return ReportRow(
        id=n or day.toordinal(),
        date=day,
        setting=setting,
        feelings=feelings,
        has_self_care=self_care,
        drift=score(identity, drift, words, markers=markers) if scored else None,
    )


def report(
    rows: list[ReportRow],
    since: date | None = None,
    until: date | None = None,
    by: str = "week",
    **kw: Any,
) -> dict[str, Any]:
    start, end = resolve_window(since, until, TODAY)
    return build_report(rows, since=start, until=end, by=by, today=TODAY, **kw)


# -- windows and periods -------------------------------------------------------------------


def test_default_window_is_the_twelve_iso_weeks_up_to_today() -> None:
    since, until = resolve_window(None, None, TODAY)
    assert (since, until) == (date(2026, 8, 31), TODAY)
    assert since.weekday() == 0
    assert len(periods(since, until, "week")) == 12


def test_previous_window_has_the_same_length_and_ends_the_day_before() -> None:
    assert previous_window(date(2026, 8, 31), date(2026, 11, 20)) == (
        date(2026, 6, 10),
        date(2026, 8, 30),
    )


def test_weeks_across_a_year_end_are_one_iso_week() -> None:
    spans = periods(date(2026, 12, 21), date(2027, 1, 10), "week")
    assert spans[1] == (date(2026, 12, 28), date(2027, 1, 3))
    assert [s for s, _ in spans] == [date(2026, 12, 21), date(2026, 12, 28), date(2027, 1, 4)]


@pytest.mark.parametrize("sunday", [date(2026, 3, 29), date(2026, 10, 25), date(2026, 11, 1)])
def test_weeks_across_dst_changes_are_seven_days(sunday: date) -> None:
    # EU clocks change on the last Sunday of March and October, US clocks on 1 Nov 2026.
    spans = periods(sunday - timedelta(days=13), sunday + timedelta(days=14), "week")
    assert all((end - start).days == 6 for start, end in spans[1:-1])
    rows = [row(sunday, n=1), row(sunday + timedelta(days=1), n=2)]
    r = report(rows, since=sunday - timedelta(days=6), until=sunday + timedelta(days=7))
    assert [p["entries"] for p in r["periods"]] == [1, 1]


def test_months_cover_calendar_months_and_clip_to_the_window() -> None:
    spans = periods(date(2026, 11, 15), date(2027, 2, 10), "month")
    assert spans == [
        (date(2026, 11, 15), date(2026, 11, 30)),
        (date(2026, 12, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 1, 31)),
        (date(2027, 2, 1), date(2027, 2, 10)),
    ]
    assert periods(date(2028, 2, 1), date(2028, 2, 29), "month") == [
        (date(2028, 2, 1), date(2028, 2, 29))
    ]


def test_entries_on_the_boundaries_fall_in_the_right_periods() -> None:
    since, until = date(2026, 11, 2), date(2026, 11, 15)
    rows = [
        row(since, n=1),
        row(date(2026, 11, 8), n=2),
        row(date(2026, 11, 9), n=3),
        row(until, n=4),
        row(until + timedelta(days=1), n=5),
    ]
    r = report(rows, since=since, until=until)
    assert [(p["start"], p["end"], p["entries"]) for p in r["periods"]] == [
        ("2026-11-02", "2026-11-08", 2),
        ("2026-11-09", "2026-11-15", 2),
    ]
    assert r["previous"]["entries"] == 0  # 16 Nov is after the window, not in the previous one


def test_empty_periods_are_kept_as_gaps() -> None:
    r = report([row(date(2026, 9, 1))])
    assert len(r["periods"]) == 12
    empty = r["periods"][5]
    assert empty["entries"] == 0 and empty["balance"] is None
    assert empty["identity"] is None and empty["drift"] is None  # (round 42: null, not 0)


def test_one_entry() -> None:
    r = report([row(TODAY, 2.0, 1.0, self_care=True)])
    assert r["totals"]["entries"] == 1
    assert r["periods"][-1]["identity"] == 2.0
    assert r["periods"][-1]["balance"] == pytest.approx(1 / 3, abs=1e-3)
    assert r["rhythm"]["days_since_last"] == 0
    assert r["rhythm"]["self_care"] == 1
    assert r["changes"] == []


def test_start_after_end_is_a_clear_error() -> None:
    with pytest.raises(PeerJournalError, match="after"):
        resolve_window(date(2026, 11, 1), date(2026, 10, 1), TODAY)
    with pytest.raises(PeerJournalError, match="in the future"):
        resolve_window(date(2026, 12, 1), date(2026, 11, 1), TODAY)


def test_unknown_dimension_lists_the_valid_ones() -> None:
    with pytest.raises(PeerJournalError, match="clinical_language"):
        report([], dimension="clinical")


# -- numbers -------------------------------------------------------------------------------


def test_period_rates_are_weighted_by_words() -> None:
    rows = [row(TODAY, 4.0, 0.0, n=1, words=300), row(TODAY, 0.0, 4.0, n=2, words=100)]
    period = report(rows)["periods"][-1]
    assert period["identity"] == 3.0
    assert period["drift"] == 1.0
    assert period["balance"] == 0.5
    assert period["dimensions"]["clinical_language"] == {"identity": 0.0, "drift": 1.0}


def test_unscored_entries_count_as_entries_but_not_in_the_numbers() -> None:
    rows = [row(TODAY, 2.0, 0.0, n=1), row(TODAY, n=2, scored=False)]
    r = report(rows)
    assert r["periods"][-1]["entries"] == 2
    assert r["periods"][-1]["identity"] == 2.0
    assert r["unscored"] == 1


def test_a_period_without_evidence_has_no_balance() -> None:
    assert report([row(TODAY, 0.0, 0.0)])["periods"][-1]["balance"] is None


def test_settings_group_case_insensitively() -> None:
    rows = [
        row(TODAY, 0, 2, n=1, setting="Inpatient"),
        row(TODAY, 0, 2, n=2, setting="inpatient"),
        row(TODAY, 2, 0, n=3, setting=""),
        row(TODAY, 2, 0, n=4, setting="community"),
    ]
    settings_ = report(rows)["settings"]
    assert list(settings_) == ["inpatient", "community", "unspecified"]
    assert settings_["inpatient"] == {"entries": 2, "identity": 0.0, "drift": 2.0, "balance": -1.0}


def test_changes_compare_with_the_previous_window() -> None:
    before = [
        row(date(2026, 7, 1) + timedelta(days=i), 1.0, 0.2, n=i + 1, markers=("labels",))
        for i in range(3)
    ]
    now = [
        row(
            date(2026, 10, 1) + timedelta(days=i),
            1.0,
            2.0,
            n=i + 10,
            markers=("labels", "labels", "compliance"),
        )
        for i in range(3)
    ]
    changes = report(before + now)["changes"]
    dims = [c for c in changes if c["kind"] == "dimension"]
    assert dims[0]["id"] == "clinical_language" and dims[0]["polarity"] == "drift"
    assert dims[0]["previous"] == 0.2 and dims[0]["current"] == 2.0
    markers = {c["id"]: (c["previous"], c["current"]) for c in changes if c["kind"] == "marker"}
    assert markers == {"labels": (3, 6), "compliance": (0, 3)}


def test_rows_outside_both_windows_are_ignored() -> None:
    r = report([row(date(2020, 1, 1)), row(date(2027, 1, 1))])
    assert r["totals"]["entries"] == 0 and r["previous"]["entries"] == 0


def test_feelings_count_entries_per_family_against_the_previous_window() -> None:
    rows = [
        row(TODAY, feelings="Tired, so tired. Not scared.", n=1),
        row(TODAY, feelings="Exhausted but hopeful", n=2),
        row(date(2026, 7, 1), feelings="hopeful", n=3),
    ]
    feelings = {f["id"]: (f["entries"], f["previous"]) for f in report(rows)["feelings"]}
    assert feelings == {"tired": (2, 0), "hope": (1, 1)}


def test_rhythm_streaks_and_days_since_last() -> None:
    # Entries in the 4 weeks before this one, none yet this week: the streak is not broken.
    days = [
        date(2026, 10, 19),
        date(2026, 10, 27),
        date(2026, 11, 3),
        date(2026, 11, 12),
        date(2026, 9, 1),
        date(2026, 9, 8),
    ]
    rhythm = report([row(d, n=i + 1, self_care=i % 2 == 0) for i, d in enumerate(days)])["rhythm"]
    assert rhythm["current_streak_weeks"] == 4
    assert rhythm["longest_streak_weeks"] == 4
    assert rhythm["days_since_last"] == 8
    assert rhythm["self_care"] == 3
    assert rhythm["per_week"] == pytest.approx(6 / (82 / 7), abs=0.01)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 160), st.floats(0, 9), st.floats(0, 9), st.integers(1, 800)),
        max_size=30,
    ),
    st.randoms(),
)
def test_order_of_rows_does_not_change_the_report(data: list[Any], rng: Any) -> None:
    rows = [
        row(TODAY - timedelta(days=d), i, dr, n=k + 1, words=w)
        for k, (d, i, dr, w) in enumerate(data)
    ]
    shuffled = rows[:]
    rng.shuffle(shuffled)
    first, second = report(rows), report(shuffled)
    assert first == second
    for p in first["periods"]:
        assert p["balance"] is None or -1.0 <= p["balance"] <= 1.0
    assert sum(p["entries"] for p in first["periods"]) == first["totals"]["entries"]


# -- alerts --------------------------------------------------------------------------------


def weekly(drifts: list[float], setting: str = "inpatient") -> list[ReportRow]:
    """One 200-word entry per week, the last one this week."""
    monday = TODAY - timedelta(days=TODAY.weekday())
    return [
        row(
            monday - timedelta(weeks=len(drifts) - 1 - k),
            2.0,
            d,
            n=k + 1,
            setting=setting,
            self_care=True,
        )
        for k, d in enumerate(drifts)
    ]


def alerts(rows: list[ReportRow]) -> list[str]:
    return report(rows, labels={"clinical_language": "Clinical language"})["alerts"]


def test_rising_drift_in_three_of_four_weeks_is_named_with_where() -> None:
    # (rises of 1.0 per 100 words: more than `summary.steady`, as "rising" needs; this week,
    # still going on, is named as part of one, as the table stars a week cut short)
    # (two entries a week: weeks of one entry each are no trend, round 38)
    rows = weekly([2.5, 2.0, 3.0, 4.0, 3.5, 5.0])
    twice = [replace(r, id=r.id + 100, date=r.date + timedelta(days=1)) for r in rows]
    found = alerts(rows + twice)
    assert found[0] == (
        "Drift markers rose in 3 of the last 4 weeks you wrote in, each against the one before "
        "(from 19 Oct to 20 Nov 2026; the week of 16 Nov is only part of a week), mostly "
        "clinical language in inpatient shifts. Something to bring to supervision?"
    )


def test_rising_drift_in_two_of_four_weeks_is_not_an_alert() -> None:
    assert not any("rose" in a for a in alerts(weekly([2.5, 3.0, 2.0, 4.0, 3.5])))


def test_thin_weeks_do_not_count_towards_rising_drift() -> None:
    rows = weekly([2.0, 3.0, 4.0, 5.0, 6.0])  # (a rise each week, without the thin one)
    rows[0].drift = score(2.0, 0.5, words=THRESHOLDS.min_period_words - 1)
    assert not any("rose" in a for a in alerts(rows))


def test_tipped_balance_at_the_threshold() -> None:
    # balance (2 - 3) / 5 = -0.2: exactly at the threshold speaks up.
    assert any("outweighed" in a for a in alerts(weekly([3.0, 3.0, 3.0])))
    assert not any("outweighed" in a for a in alerts(weekly([2.9, 2.9, 2.9])))
    assert not any("outweighed" in a for a in alerts(weekly([3.0, 3.0])))  # too few entries


def test_dimension_creep_needs_double_and_a_clear_margin() -> None:
    prev = [row(date(2026, 7, 1) + timedelta(days=i), 2.0, 0.4, n=50 + i) for i in range(2)]
    margin = THRESHOLDS.dimension_rise_min  # both rises below at least double 0.4
    more, less = 0.4 + margin + 0.1, 0.4 + margin - 0.1
    assert any("Clinical language came up more" in a for a in alerts(prev + weekly([more, more])))
    assert not any("came up more" in a for a in alerts(prev + weekly([less, less])))


def test_obstructing_feeling_rise() -> None:
    rows = weekly([0.1, 0.1, 0.1])
    for r in rows:
        r.feelings = "drained"
    # no entries in the previous window: a share of this one, not "0 in the previous window"
    assert any(
        "“Tired / drained” feelings came up in 3 of 3 entries from 31 Aug to 20 Nov 2026." in a
        for a in alerts(rows)
    )
    rows[0].feelings = "not drained at all"
    assert not any("Tired" in a for a in alerts(rows))


def test_obstructing_feeling_rise_against_an_earlier_window_says_so() -> None:
    earlier = row(TODAY - timedelta(weeks=20), 2.0, 0.1, n=99, feelings="calm")
    rows = weekly([0.1, 0.1, 0.1])
    for r in rows:
        r.feelings = "drained"
    found = [a for a in alerts([earlier, *rows]) if "Tired" in a]
    assert found and (
        "came up in 3 entries from 31 Aug to 20 Nov 2026, and in none from 10 Jun to 30 Aug 2026."
    ) in found[0]


def test_self_care_rule() -> None:
    rows = weekly([0.1] * 4)
    for r in rows:
        r.has_self_care = False
    assert any(
        "0 of 4 entries from 31 Aug to 20 Nov 2026 have a self-care note" in a for a in alerts(rows)
    )
    rows[0].has_self_care = True  # 1 of 4 = 25%: not below the threshold
    assert not any("self-care" in a for a in alerts(rows))


def test_gap_rule() -> None:
    last = TODAY - timedelta(days=THRESHOLDS.gap_days)
    assert any(f"{THRESHOLDS.gap_days} days since" in a for a in alerts([row(last)]))
    assert not any("days since" in a for a in alerts([row(last + timedelta(days=1))]))


def test_alerts_are_reflective_never_diagnostic() -> None:
    rows = weekly([2.5, 2.0, 3.0, 4.0, 3.5, 8.0])
    for r in rows:
        r.feelings, r.has_self_care = "exhausted", False
    found = alerts(rows)
    assert len(found) >= 3
    for text in found:
        assert text.rstrip().endswith(("?", "."))
        assert not any(
            word in text.lower() for word in ("you are drifting", "diagnos", "burnout", "disorder")
        )


# -- charts --------------------------------------------------------------------------------


def test_sparkline_gaps_and_scale() -> None:
    assert sparkline([0, 1, None, 2]) == "▁▅ █"
    assert sparkline([None, None]) == "  "
    assert sparkline([0, 0]) == "▁▁"
    assert sparkline([0, 1, 2], ascii_only=True) == "_=#"
    assert sparkline([]) == ""


def test_diverging_bar_keeps_width_and_shows_small_values() -> None:
    bar = diverging_bar(0.01, 4.0, scale=4.0, half_width=5)
    assert str(bar) == "    ░│█████"
    assert bar.width == 11 == empty_bar(5).width
    assert str(diverging_bar(2, 0, scale=4, half_width=4, ascii_only=True)) == "  --|    "
    assert unicode_ok("utf-8") and not unicode_ok("ascii") and not unicode_ok(None)
