"""Round 42: `report --by year`, for a writer some years in. Years are periods as weeks and
months are: the same windows (clipped, compared with the window before), the same 300-scored-
words rule before comparing, --all, --json, plain output and the chart; a row is named "2024".
By default a report by year covers the 10 calendar years up to and including this one (12 weeks
would be one row). `export --by` stays week or month: `review` reads no other.

The clock is fixed (conftest: today is Friday 20 Nov 2026)."""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.dates import period_end, period_start
from peerjournal.db.stats import marker_counts, report_rows, report_stats
from peerjournal.drift import DIMENSIONS
from peerjournal.errors import PeerJournalError
from peerjournal.trends import (
    build_report,
    check_by,
    partial,
    period_label,
    previous_window,
    report_from_stats,
    resolve_window,
    stats_from_rows,
)
from test_report_stats import NOW, UNTIL, make_journal

TODAY = date(2026, 11, 20)
# ~45 words, identity markers only: seven of these hold more than the 300 words a window needs
LONG = ("I sat with Sam at the drop-in and we talked about his week. I shared a little of my own "
        "recovery story and he told me what he hopes for next. We made a plan together, his plan, "
        "and he chose what to try first.")
DRIFT = ("I told him he needs to take his meds and be compliant with the care plan. I documented "
         "his presentation and risk for the team and advised him what to do about his symptoms.")
SHORT = "Quiet shift at the cafe."  # too little to say anything: a row of it has no balance


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def flat(text: str) -> str:
    return " ".join(text.split())


def import_years(cli: CLI, tmp_path: Path, extra: tuple[tuple[str, str], ...] = ()) -> None:
    """2022: 6 long entries; 2023: none; 2024: one short note; 2025: 10 leaning toward drift,
    March to December; 2026: 7 long ones; and `extra` (date, text) entries."""
    plan = [(f"2022-{m:02d}-15", LONG) for m in range(1, 7)]
    plan += [("2024-05-04", SHORT)]
    plan += [(f"2025-{m:02d}-10", DRIFT) for m in range(3, 13)]
    plan += [(f"2026-{m:02d}-15", LONG) for m in range(1, 8)]
    plan += list(extra)
    entries = [{"date": day, "setting": "community", "experience": text, "feelings": "hopeful"}
               for day, text in plan]
    path = tmp_path / "years.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    ok(cli("import", str(path)))


def rows_of(text: str) -> dict[str, str]:
    """The "By year" table's rows, by their first cell."""
    table = text.split("\nBy year", 1)[1].split("\n\n", 1)[0]
    return {line.split()[0]: line for line in table.splitlines()[3:] if line.strip()}


# -- the periods --------------------------------------------------------------------------


def test_a_year_runs_from_1_january_to_31_december_and_is_named_by_its_number() -> None:
    assert period_start(date(2024, 7, 9), "year") == date(2024, 1, 1)
    assert period_end(date(2024, 7, 9), "year") == date(2024, 12, 31)
    assert period_label(date(2024, 1, 1), "year") == "2024"
    assert not partial(date(2024, 1, 1), date(2024, 12, 31), "year")
    assert partial(date(2024, 1, 2), date(2024, 12, 31), "year")  # --since cut its start
    assert partial(date(2026, 1, 1), TODAY, "year")  # still going on
    # weeks and months are as they were
    assert period_start(date(2024, 7, 9), "month") == date(2024, 7, 1)
    assert period_end(date(2024, 2, 9), "month") == date(2024, 2, 29)
    assert not partial(date(2024, 2, 1), date(2024, 2, 29), "month")
    assert partial(date(2024, 2, 1), date(2024, 2, 28), "month")


def test_the_default_window_by_year_is_the_last_ten_calendar_years() -> None:
    assert resolve_window(None, None, TODAY, by="year") == (date(2017, 1, 1), TODAY)
    assert resolve_window(None, date(2020, 5, 5), TODAY, by="year") == (
        date(2011, 1, 1), date(2020, 5, 5))
    assert resolve_window(date(2023, 3, 1), None, TODAY, by="year") == (date(2023, 3, 1), TODAY)
    # weeks and months keep the 12 weeks
    assert resolve_window(None, None, TODAY, by="month") == resolve_window(None, None, TODAY)
    # whole years are compared with as many whole years before them
    assert previous_window(date(2023, 1, 1), date(2025, 12, 31)) == (
        date(2020, 1, 1), date(2022, 12, 31))


def test_an_unknown_period_names_the_three() -> None:
    assert check_by("year") == "year"
    with pytest.raises(PeerJournalError, match=r"^Unknown period 'decade' for --by: use week, "
                       r"month or year\.$"):
        check_by("decade")


@pytest.mark.parametrize("length", [1, 40, 400, 900])
def test_sql_stats_by_year_match_the_entry_by_entry_ones(length: int) -> None:
    """As tests/test_report_stats.py checks weeks and months: SQLite's sums per year and
    setting are Python's, for windows cut inside a year and across several."""
    since = UNTIL - timedelta(days=length - 1)
    score = {"words": 120, "identity": 2.5, "drift": 1.25,
             "dimensions": {"story": {"identity": 2.5, "drift": 0.0}},
             "hits": [{"marker": "labels", "dimension": "clinical_language",
                       "polarity": "drift", "counted": True, "negated": False}]}
    journal = [
        {"days_before": days, "setting": setting, "feelings": "hopeful", "self_care": "",
         "tags": [], "score": None if days % 7 == 0 else score, "trashed": days == 33}
        for days in (0, 1, 33, 200, 325, 326, 400, 700, 1200, 1600)
        for setting in ("community", "crisis")
    ]
    with tempfile.TemporaryDirectory() as folder:
        store = make_journal(Path(folder) / "journal.db", journal)
        try:
            # (the window before is whole calendar years: round 43)
            before = previous_window(since, UNTIL, "year")[0]
            rows = report_rows(store, date.min, UNTIL, hits_from=before)
            sql = report_stats(store, since, UNTIL, "year", dimensions=DIMENSIONS)
            sql.markers, sql.previous_markers = marker_counts(store, since, UNTIL, by="year")
        finally:
            store.close()
    expected = stats_from_rows(rows, since=since, until=UNTIL, by="year", dimensions=DIMENSIONS)
    assert sql == expected
    assert {start for start, _ in sql.cells if start} <= {date(y, 1, 1) for y in range(2022, 2027)}
    window = {"since": since, "until": UNTIL, "by": "year", "today": NOW.date()}
    assert report_from_stats(sql, **window) == build_report(rows, **window)


# -- the report ---------------------------------------------------------------------------


def test_report_by_year_over_five_years_of_a_journal(cli: CLI, tmp_path: Path) -> None:
    import_years(cli, tmp_path)
    result = ok(cli("report", "--by", "year"))
    text = result.stdout
    assert text.startswith("Practice report  1 Jan 2017 – 20 Nov 2026  by year\n24 entries, ")
    assert "\nBy year  per 100 words\n" in text  # no "in 2026": each row says its year
    rows = rows_of(text)
    # from the year of the first entry (the years before it are not shown), this one unmarked:
    # a period still going on is not "cut by the window", as the month now is not
    assert list(rows) == ["2022", "2023", "2024", "2025", "2026"]
    assert rows["2023"].split()[:2] == ["2023", "–"]  # an empty year stays in the table
    assert rows["2024"].split()[1] == "1" and rows["2024"].endswith("too little")
    assert rows["2025"].split()[1] == "10" and rows["2025"].endswith("-1.00")
    assert rows["2026"].split()[1] == "7" and rows["2026"].endswith("+1.00")
    assert "*" not in text.split("Dimensions", 1)[0]
    said = flat(text)
    assert "Dimensions per 100 words over these years" in said  # plain: numbers and words
    assert "24 entries since you started on 15 Jan 2022" in said
    assert "Nothing to compare with yet: your first entry is from 15 Jan 2022." in said
    assert "\x1b" not in text and "█" in text  # the bars, without colour (NO_COLOR)
    assert "By year" not in result.stderr


def test_report_by_year_as_json(cli: CLI, tmp_path: Path) -> None:
    import_years(cli, tmp_path)
    report = json.loads(ok(cli("report", "--by", "year", "--json")).stdout)
    assert (report["since"], report["until"], report["by"]) == ("2017-01-01", "2026-11-20", "year")
    periods = report["periods"]
    assert [(p["start"], p["end"]) for p in periods] == [
        *((f"{y}-01-01", f"{y}-12-31") for y in range(2017, 2026)), ("2026-01-01", "2026-11-20")]
    entries = {p["start"][:4]: p["entries"] for p in periods}
    assert entries == {"2017": 0, "2018": 0, "2019": 0, "2020": 0, "2021": 0, "2022": 6,
                       "2023": 0, "2024": 1, "2025": 10, "2026": 7}
    by_year = {p["start"][:4]: p for p in periods}
    assert by_year["2024"]["too_little"] is True and by_year["2024"]["balance"] is None
    assert by_year["2023"]["balance"] is None and by_year["2023"]["words"] == 0
    assert by_year["2025"]["balance"] == -1.0 and by_year["2022"]["balance"] == 1.0
    assert by_year["2022"]["lexicon_versions"] and by_year["2023"]["lexicon_versions"] == []
    assert report["rhythm"]["first_entry"] == "2022-01-15"
    assert report["totals"]["entries"] == 24


def test_a_year_compared_with_a_year_of_too_little_writing(cli: CLI, tmp_path: Path) -> None:
    """2025 against 2024, whose one short note is under the 300 scored words a comparison
    needs: nothing is compared, as for weeks and months."""
    import_years(cli, tmp_path)
    args = ("report", "--by", "year", "--since", "2025", "--until", "2025")
    report = json.loads(ok(cli(*args, "--json")).stdout)
    assert (report["previous"]["since"], report["previous"]["until"]) == (
        "2024-01-01", "2024-12-31")
    assert report["previous"]["entries"] == 1 and report["previous"]["words"] < 300
    assert report["too_little_to_compare"] == "previous" and report["changes"] == []
    text = ok(cli(*args)).stdout
    said = flat(text)
    assert said.startswith("Practice report 1 Jan 2025 – 31 Dec 2025 by year")
    assert ("What changed vs 2024, the window before Too little writing in "
            "the window before to compare: 1 entry, ") in said  # (its year: round 43)
    assert list(rows_of(text)) == ["2025"]  # a whole year: no mark
    assert "streaks as of 31 Dec 2025" in said


def test_this_year_so_far_compared_with_last_year(cli: CLI, tmp_path: Path) -> None:
    """A window up to today, by year, is compared with the calendar year before it, 2025,
    which holds the ten entries leaning toward drift (round 43; it was as many days before
    it, from 11 Feb 2025)."""
    import_years(cli, tmp_path)
    report = json.loads(ok(cli("report", "--by", "year", "--since", "this year", "--json")).stdout)
    assert (report["previous"]["since"], report["previous"]["until"]) == (
        "2025-01-01", "2025-12-31")
    assert report["previous"]["entries"] == 10
    assert report["too_little_to_compare"] is None
    fell = [c for c in report["changes"] if c["kind"] == "dimension" and c["change"] < 0]
    assert fell and all(c["polarity"] == "drift" for c in fell)


def test_a_year_cut_by_the_window_is_marked(cli: CLI, tmp_path: Path) -> None:
    import_years(cli, tmp_path)
    args = ("--by", "year", "--since", "2022-06-01", "--until", "2025-06-30")
    text = ok(cli("report", *args)).stdout
    rows = rows_of(text)
    assert list(rows) == ["2022*", "2023", "2024", "2025*"]
    assert "\nBy year  per 100 words; * part of a year, cut by the window\n" in text
    assert rows["2022*"].split()[1] == "1"  # 15 Jun; the five before 1 Jun are left out
    assert rows["2025*"].split()[1] == "4"  # March to June


def test_all_shows_every_year_the_table_otherwise_cuts(cli: CLI, tmp_path: Path) -> None:
    import_years(cli, tmp_path, extra=(("1995-03-03", LONG),))
    args = ("report", "--by", "year", "--since", "1995")
    cut = ok(cli(*args)).stdout
    assert "; the last 26 of 32 years (--all: every one)" in cut
    assert "2001" in rows_of(cut) and "2000" not in rows_of(cut)
    every = ok(cli(*args, "--all")).stdout
    assert list(rows_of(every)) == [str(y) for y in range(1995, 2027)]
    assert "(--all" not in every


def test_the_chart_has_one_mark_per_year(cli: CLI, tmp_path: Path, colour_terminal: None) -> None:
    import_years(cli, tmp_path)
    text = re.sub(r"\x1b\[[0-9;]*m", "", ok(cli("report", "--by", "year")).stdout)
    assert "\nDimensions  one mark per year, blank = no entries\n" in text


def test_by_takes_year_in_any_case_and_refuses_another_period(cli: CLI, tmp_path: Path) -> None:
    import_years(cli, tmp_path)
    assert json.loads(ok(cli("report", "--by", "Year", "--json")).stdout)["by"] == "year"
    result = cli("report", "--by", "decade")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("peerjournal: Invalid value for '--by': 'decade' is not one of")
    assert "'year'" in result.stderr and result.stderr.count("\n") == 1
    help_text = flat(ok(cli("report", "--help")).stdout)
    assert "--by week|month|year" in help_text
    assert "(with --by year, the 10 calendar years up to and including this one)" in help_text
