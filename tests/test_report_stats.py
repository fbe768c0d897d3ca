"""db.stats.report_stats (SQLite adds the journal up) against trends.stats_from_rows (Python, entry
by entry over report_rows): the same stats and the same report on random journals."""

from __future__ import annotations

import tempfile
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.db.stats import marker_counts, report_rows, report_stats
from peerjournal.db.store import Drift, Store
from peerjournal.drift import DIMENSIONS
from peerjournal.entry import EntryDraft
from peerjournal.trends import (
    ReportRow,
    build_report,
    previous_window,
    report_from_stats,
    stats_from_rows,
)

UNTIL = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)

LENGTHS = (1, 7, 31, 45)  # report windows, in days
BOUNDARIES = sorted({n for length in LENGTHS for n in (length - 1, length, 2 * length)})

rates = st.integers(0, 9000).map(lambda thousandths: thousandths / 1000)  # stored precision
hits = st.fixed_dictionaries(
    {
        "marker": st.sampled_from(["labels", "compliance", "shared_story", "learned.story.2"]),
        "dimension": st.sampled_from(["clinical_language", "story"]),
        "polarity": st.sampled_from(["identity", "drift"]),
        "counted": st.booleans(),
        "negated": st.booleans(),  # counted too: a flipped marker ("didn't share my story")
    }
)
scores = st.fixed_dictionaries(
    {
        "words": st.integers(0, 600),
        "identity": rates,
        "drift": rates,
        "dimensions": st.dictionaries(
            st.sampled_from(DIMENSIONS),
            st.fixed_dictionaries({"identity": rates, "drift": rates}),
            max_size=5,
        ),
        "hits": st.lists(hits, max_size=4),
    }
)
entries = st.fixed_dictionaries(
    {
        # Often on a window's first or last day (LENGTHS), or just outside one.
        # Sometimes long before both windows: such entries count only towards the streaks.
        "days_before": st.integers(0, 90) | st.sampled_from(BOUNDARIES) | st.integers(91, 400),
        "setting": st.sampled_from(["", "Inpatient", "inpatient ", "in  patient", "crisis"]),
        "feelings": st.sampled_from(["", "tired", "Tired, so tired. Not scared.", "hopeful"]),
        "self_care": st.sampled_from(["", "a walk"]),
        "tags": st.lists(st.sampled_from(["ward", "night"]), unique=True),
        "score": st.none() | scores,
        "trashed": st.booleans(),
    }
)


def stored_markers(score: dict[str, Any]) -> list[tuple[Any, ...]]:
    """What scoring stores beside a score: its counted curated markers, in order of first use,
    `true` after a negated one's count."""
    times: Counter[tuple[str, str, str, bool]] = Counter(
        (h["marker"], h["dimension"], h["polarity"], h["negated"])
        for h in score["hits"]
        if h["counted"] and not h["marker"].startswith("learned.")
    )
    return [(m, d, p, n, *((True,) if negated else ())) for (m, d, p, negated), n in times.items()]


def make_journal(path: Path, journal: list[dict[str, Any]], markers: bool = False) -> Store:
    """A journal of `journal`'s entries; `markers`: their scores are stored with their counted
    markers (as scoring stores them now), else without (as stored before they were)."""
    store = Store(path)
    drafts = [
        EntryDraft(
            date=UNTIL - timedelta(days=e["days_before"]),
            experience="An entry.",
            setting=e["setting"],
            feelings=e["feelings"],
            self_care=e["self_care"],
            tags=e["tags"],
        )
        for e in journal
    ]
    drifts = [
        Drift("mixed", score, "v1", "s1", markers=stored_markers(score) if markers else None)
        if (score := e["score"])
        else None
        for e in journal
    ]
    ids = store.add_entries(drafts, NOW, drifts)
    for entry_id, e in zip(ids, journal, strict=True):
        if e["trashed"]:
            store.trash([entry_id], NOW)
    return store


@settings(max_examples=100, deadline=None)
@given(
    journal=st.lists(entries, max_size=40),
    length=st.sampled_from(LENGTHS) | st.integers(1, 60),
    by=st.sampled_from(["week", "month"]),
    setting=st.sampled_from([None, "inpatient"]),
    tags=st.sampled_from([(), ("ward",)]),
    dimension=st.sampled_from([None, "clinical_language", "story"]),
)
def test_sql_stats_match_the_entry_by_entry_ones(
    journal: list[dict[str, Any]],
    length: int,
    by: str,
    setting: str | None,
    tags: tuple[str, ...],
    dimension: str | None,
) -> None:
    since = UNTIL - timedelta(days=length - 1)
    with tempfile.TemporaryDirectory() as folder:
        store = make_journal(Path(folder) / "journal.db", journal)
        try:
            prev_since, _ = previous_window(since, UNTIL)
            # From the journal's start: the streaks reach back before the previous window.
            rows = report_rows(store, date.min, UNTIL, setting, tags, hits_from=prev_since)
            sql = report_stats(store, since, UNTIL, by, setting, tags, dimensions=DIMENSIONS)
            sql.markers, sql.previous_markers = marker_counts(store, since, UNTIL, setting, tags)
        finally:
            store.close()
    expected = stats_from_rows(rows, since=since, until=UNTIL, by=by, dimensions=DIMENSIONS)
    assert sql == expected
    window = {"since": since, "until": UNTIL, "by": by, "today": UNTIL, "dimension": dimension}
    assert report_from_stats(sql, **window) == build_report(rows, **window)


def test_cells_are_periods_and_settings_with_exact_sums(tmp_path: Path) -> None:
    def entry(days_before: int, setting: str, identity: float) -> dict[str, Any]:
        score = {"words": 3, "identity": identity, "drift": 0.0, "dimensions": {}, "hits": []}
        return {"days_before": days_before, "setting": setting, "feelings": "", "self_care": "",
                "tags": [], "score": score, "trashed": False}

    # UNTIL is a Friday: 4 days before is Monday 16 Nov, 5 days before Sunday 15 Nov.
    store = make_journal(
        tmp_path / "journal.db",
        [entry(4, "ward", 1.001), entry(5, "ward", 1.005), entry(5, "home", 0.5)],
    )
    try:
        weeks = report_stats(store, date(2026, 11, 1), UNTIL, "week", dimensions=DIMENSIONS)
        months = report_stats(store, date(2026, 10, 1), UNTIL, "month", dimensions=DIMENSIONS)
    finally:
        store.close()
    assert {key: cell.identity_w for key, cell in weeks.cells.items()} == {
        (date(2026, 11, 16), "ward"): 3003,  # 1.001 x 1000 is 1000.999… in floating point
        (date(2026, 11, 9), "ward"): 3015,
        (date(2026, 11, 9), "home"): 1500,
    }
    assert {key: cell.entries for key, cell in months.cells.items()} == {
        (date(2026, 11, 1), "ward"): 2,
        (date(2026, 11, 1), "home"): 1,
    }


@settings(max_examples=50, deadline=None)
@given(journal=st.lists(entries, max_size=30), length=st.sampled_from(LENGTHS))
def test_markers_stored_with_a_score_read_as_its_hits_do(
    journal: list[dict[str, Any]], length: int
) -> None:
    """A score stored with its counted markers reports exactly what one stored before they
    were (read from its hits) does."""
    since = UNTIL - timedelta(days=length - 1)
    found = []
    with tempfile.TemporaryDirectory() as folder:
        for markers in (False, True):
            store = make_journal(Path(folder) / f"journal-{markers}.db", journal, markers)
            try:
                rows = report_rows(store, since, UNTIL, hits_from=since)
                found.append(
                    (
                        marker_counts(store, since, UNTIL),
                        [sorted(map(str, r.drift["hits"])) if r.drift else None for r in rows],
                    )
                )
            finally:
                store.close()
    assert found[0] == found[1]


def test_rates_are_rounded_once_half_to_even() -> None:
    def period(*identities: float) -> dict[str, Any]:
        rows = [
            ReportRow(id=n, date=UNTIL, drift={"words": 100, "identity": i, "drift": 0.0})
            for n, i in enumerate(identities, 1)
        ]
        report = build_report(rows, since=UNTIL, until=UNTIL, by="week", today=UNTIL)
        return report["periods"][0]

    assert period(0.001, 0.002)["identity"] == 0.002  # 1.5 thousandths: up to the even 2
    assert period(0.002, 0.003)["identity"] == 0.002  # 2.5: down to the even 2
    assert period(0.001, 0.002, 0.002)["identity"] == 0.002  # 1.67
    assert period(0.1, 0.2)["identity"] == 0.15  # 0.1 + 0.2 is 0.30000000000000004 in floats


def test_marker_lists_leave_learned_markers_out(tmp_path: Path) -> None:
    """A learned marker groups unrelated words by weight: its id means nothing to a reader."""
    hit = {"dimension": "story", "polarity": "identity", "counted": True, "negated": False}
    score = {"words": 100, "identity": 1.0, "drift": 0.0, "dimensions": {}}
    score["hits"] = [{**hit, "marker": "story.shared"}, {**hit, "marker": "learned.story.2"}]
    entry = {"days_before": 0, "setting": "", "feelings": "", "self_care": "", "tags": ()}
    store = make_journal(tmp_path / "journal.db", [{**entry, "score": score, "trashed": False}])
    try:
        markers, _ = marker_counts(store, UNTIL, UNTIL, None, ())
        rows = report_rows(store, UNTIL, UNTIL, None, (), hits_from=UNTIL)
    finally:
        store.close()
    assert list(markers) == [("story.shared", "story", "identity", False)]
    assert [h["marker"] for h in rows[0].drift["hits"]] == ["story.shared"]  # type: ignore[index]
