"""Round 38 (trends2): windows compare as rates, a jump into drift is named, and the rising
drift alert says "mostly" and a setting only when they are so (qa_reports 2, 5, 10, 14)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from peerjournal.trends import ReportRow, build_report, resolve_window

TODAY = date(2026, 11, 20)  # a Friday
MONDAY = TODAY - timedelta(days=TODAY.weekday())
LABELS = {
    "clinical_language": "Clinical language",
    "advice": "Advice",
    "co_optation": "Co-optation",
    "mutuality": "Mutuality",
    "advice.directive": "telling them what to do",
}


def entry(
    day: date,
    drift: dict[str, float] | None = None,
    *,
    n: int,
    words: int = 200,
    identity: float = 2.0,
    setting: str = "community",
    feelings: str = "",
    markers: tuple[str, ...] = (),
) -> ReportRow:
    """An entry with `drift` per dimension (per 100 words) and `markers` (advice drift)."""
    dims = {d: {"identity": 0.0, "drift": v} for d, v in (drift or {}).items()}
    dims["story"] = {"identity": identity, "drift": 0.0}
    return ReportRow(
        id=n,
        date=day,
        setting=setting,
        feelings=feelings,
        has_self_care=True,
        drift={
            "identity": identity,
            "drift": round(sum((drift or {}).values()), 3),
            "words": words,
            "dimensions": dims,
            "hits": [
                {"marker": m, "dimension": "advice", "polarity": "drift", "counted": True}
                for m in markers
            ],
        },
    )


def report(rows: list[ReportRow], since: date | None = None) -> dict[str, Any]:
    start, end = resolve_window(since, None, TODAY)
    return build_report(rows, since=start, until=end, by="week", today=TODAY, labels=LABELS)


def weeks(drifts: list[float], per_week: int = 2, n: int = 0) -> list[ReportRow]:
    """`per_week` 200-word entries a week with clinical drift `drifts[k]`, the last this week."""
    return [
        entry(
            MONDAY - timedelta(weeks=len(drifts) - 1 - k, days=-i),
            {"clinical_language": d},
            n=n + 10 * k + i + 1,
        )
        for k, d in enumerate(drifts)
        for i in range(per_week)
    ]


# -- 2: markers per 100 words, feelings as shares --------------------------------------------


def test_a_marker_whose_count_fell_but_rate_rose_is_said_to_rise() -> None:
    before = [
        entry(date(2026, 7, 1) + timedelta(days=i), n=i + 1, words=600,
              markers=("advice.directive",) * 3)
        for i in range(4)
    ]  # 12 in 2,400 words: 0.5 per 100
    # (two entries: round 41's window needs 300 scored words to be compared)
    now = [entry(date(2026, 10, 1 + i), n=50 + i, words=200, markers=("advice.directive",) * 2)
           for i in range(2)]
    (row,) = [c for c in report(before + now)["changes"] if c["kind"] == "marker"]
    assert (row["previous"], row["current"]) == (12, 4)  # the counts, kept
    assert (row["previous_rate"], row["rate"], row["change"]) == (0.5, 1.0, 0.5)
    # the marker's own name, and its dimension's beside it (as the summary's markers)
    assert row["label"] == "telling them what to do" and row["dimension_label"] == "Advice"


def test_a_marker_at_the_same_rate_with_a_smaller_count_is_not_a_change() -> None:
    before = [entry(date(2026, 7, 1) + timedelta(days=i), n=i + 1, words=400,
                    markers=("advice.directive",) * 2) for i in range(4)]
    now = [entry(date(2026, 10, 1), n=50, words=400, markers=("advice.directive",) * 2)]
    assert not [c for c in report(before + now)["changes"] if c["kind"] == "marker"]


def test_a_feeling_named_in_every_entry_of_both_windows_did_not_rise() -> None:
    before = [entry(date(2026, 7, 1) + timedelta(days=i), n=i + 1, feelings="drained")
              for i in range(3)]
    now = [entry(date(2026, 9, 7) + timedelta(days=i), n=i + 10, feelings="drained")
           for i in range(36)]
    r = report(before + now)
    (tired,) = [f for f in r["feelings"] if f["id"] == "tired"]
    assert (tired["entries"], tired["previous"], tired["direction"]) == (36, 3, "same")
    assert (tired["share"], tired["previous_share"]) == (1.0, 1.0)
    assert not any("Tired" in a for a in r["alerts"])


def test_a_feeling_alert_compares_shares_and_says_them() -> None:
    before = [entry(date(2026, 7, 1) + timedelta(days=i), n=i + 1,
                    feelings="drained" if i == 0 else "calm") for i in range(10)]
    now = [entry(date(2026, 9, 7) + timedelta(days=i), n=i + 20, feelings="drained")
           for i in range(3)]
    r = report(before + now)
    (tired,) = [f for f in r["feelings"] if f["id"] == "tired"]
    assert tired["direction"] == "more"
    (alert,) = [a for a in r["alerts"] if "Tired" in a]
    assert ("came up in 3 of 3 entries from 31 Aug to 20 Nov 2026, and in 1 of 10 from "
            "10 Jun to 30 Aug 2026.") in alert
    # more entries naming it, but a smaller share of more writing: fewer, and no alert
    more_writing = [entry(date(2026, 9, 7) + timedelta(days=i), n=i + 40,
                          feelings="drained" if i < 3 else "calm") for i in range(40)]
    r = report(before + more_writing)
    (tired,) = [f for f in r["feelings"] if f["id"] == "tired"]
    assert (tired["entries"], tired["previous"], tired["direction"]) == (3, 1, "fewer")
    assert not any("Tired" in a for a in r["alerts"])


# -- 5: a jump into drift that stays high ------------------------------------------------------


def drift_alerts(rows: list[ReportRow]) -> list[str]:
    return [a for a in report(rows)["alerts"] if a.startswith("Drift ")]


def test_a_sharp_two_week_jump_that_stays_high_is_named() -> None:
    found = drift_alerts(weeks([1.5, 2.0, 1.0, 1.5, 2.0, 1.5, 1.0, 1.6, 19.5, 21.7]))
    assert found == [
        "Drift rose sharply in the last 2 weeks you wrote in (19.50 and 21.70 per 100 words, "
        "from 9 Nov to 20 Nov 2026; the week of 16 Nov is only part of a week), against 1.51 "
        "in the 8 weeks with enough writing before them (from 14 Sep to 8 Nov 2026), and "
        "drift outweighed "
        "identity in both. What pulled you there, and who could you talk it through with?"
    ]


def test_noise_and_a_jump_that_fell_back_are_not_named() -> None:
    assert not drift_alerts(weeks([1.0, 3.0, 1.0, 3.0, 1.0, 3.0, 1.0, 3.0]))
    assert not drift_alerts(weeks([1.0, 1.5, 1.0, 1.5, 12.0, 1.0]))  # one week, then back
    assert not drift_alerts(weeks([1.0, 1.5, 1.0, 1.5, 1.0, 12.0, 1.0]))
    assert not drift_alerts(weeks([9.0, 10.0, 9.5, 9.0, 10.5, 10.0]))  # high all along


def test_a_jump_needs_weeks_before_it_and_more_than_one_entry_a_week() -> None:
    assert not drift_alerts(weeks([1.0, 19.5, 21.7]))  # one week before: no level to rise from
    assert not drift_alerts(weeks([1.0, 1.5, 1.0, 1.5, 19.5, 21.7], per_week=1))


def test_a_steady_climb_gets_the_rising_alert_alone() -> None:
    found = drift_alerts(weeks([1.0, 1.5, 1.0, 4.0, 8.0, 12.0, 16.0]))
    assert len(found) == 1 and found[0].startswith("Drift markers rose in 4 of the last 4")


# -- 10: "mostly" a majority, a setting only when it stands out --------------------------------


def spread(days: list[date], drift: dict[str, float], n: int, settings: tuple[str, ...]) -> list[
    ReportRow
]:
    return [
        entry(day, drift, n=n + i * len(settings) + j, setting=s)
        for i, day in enumerate(days)
        for j, s in enumerate(settings)
    ]


def rising_rows(
    levels: list[float], shares: dict[str, float], settings: tuple[str, ...]
) -> list[ReportRow]:
    rows: list[ReportRow] = []
    for k, level in enumerate(levels):
        day = MONDAY - timedelta(weeks=len(levels) - 1 - k)
        drift = {d: round(level * s, 3) for d, s in shares.items()}
        rows += spread([day], drift, 100 * (k + 1), settings)
    return rows


def rising_alert(rows: list[ReportRow]) -> str:
    (found,) = [a for a in report(rows)["alerts"] if a.startswith("Drift markers rose")]
    return found


def test_mostly_names_only_a_dimension_holding_most_of_the_rise() -> None:
    levels = [1.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    even = {"advice": 0.36, "co_optation": 0.34, "mutuality": 0.30}
    text = rising_alert(rising_rows(levels, even, ("community", "community", "inpatient")))
    assert text.endswith("(from 19 Oct to 20 Nov 2026; the week of 16 Nov is only part of a "
                         "week), across advice, co-optation and mutuality. Something to bring "
                         "to supervision?")
    most = {"advice": 0.6, "co_optation": 0.4}
    text = rising_alert(rising_rows(levels, most, ("community",) * 2))
    assert ", mostly advice in community shifts." in text  # (the one setting: as before)


def test_a_setting_is_named_only_when_its_drift_stands_out() -> None:
    levels = [1.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    shares = {"advice": 1.0}
    # the same words in both settings: community holds 2 of 3 entries, not more drift
    same = rising_alert(rising_rows(levels, shares, ("community", "community", "inpatient")))
    assert ", mostly advice. " in same and "shifts" not in same
    # inpatient drifts, community does not
    rows = rising_rows(levels, shares, ("inpatient",) * 2) + rising_rows(
        [0.0] * len(levels), shares, ("community",) * 2
    )
    for n, r in enumerate(rows):
        r.id = 1000 + n
    assert ", mostly advice in inpatient shifts." in rising_alert(rows)


# -- 14: report --json names a marker's change by the marker ------------------------------------


def test_report_json_marker_changes_carry_both_labels(
    cli: Callable[..., Any], add: Callable[..., int]
) -> None:
    # (each text 12 times: round 41's windows need 300 scored words to be compared)
    add(" ".join(["I told him what to do about his housing and he should take his meds."] * 12),
        "--date", "2026-08-10")
    add(" ".join(["We sat together; I listened and shared my own recovery story."] * 12),
        "--date", "2026-08-12")
    for day in ("2026-10-05", "2026-10-12", "2026-11-02"):
        add(" ".join(["I told him what to do and he should take his meds, he must stop."] * 12),
            "--date", day)
    result = cli("report", "--json")
    assert result.exit_code == 0, result.stderr
    rows = [c for c in json.loads(result.stdout)["changes"] if c["kind"] == "marker"]
    assert rows
    for c in rows:
        assert c["label"] and c["dimension_label"] and c["label"] != c["dimension_label"]
        assert (c["change"] > 0) == (c["rate"] > c["previous_rate"])


def test_two_weeks_that_tip_the_balance_by_a_small_rise_are_not_called_sharp() -> None:
    # (identity 2.0 a week: 2.5 drift tips the balance, but a rise of 1.4 is no sharp one:
    # the final review found "rose sharply" said of 4.05 -> 5.17)
    assert not [a for a in drift_alerts(weeks([1.0, 1.2, 1.0, 1.2, 2.5, 2.6]))
                if "sharply" in a]
    assert not drift_alerts(weeks([1.9, 1.9, 1.9, 1.9, 2.1, 2.1]))  # below zero, but barely up
