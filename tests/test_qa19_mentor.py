"""QA round 19, the mentor's side: what a mentor with two minutes sees first, in every format.

An "At a glance" block opens every summary (what changed, in words, and what there is to talk
about); the period's numbers and the dimensions' are the ones the writer's report and alerts
quote; alerts say whose they are and which dates "the previous window" is; balances carry
their sign; the HTML chart's last date is not cut; the PDF shows the dimensions' arrows and
aligns its numbers; `review` says what an older summary or another tool's file is.
"""

from __future__ import annotations

import html
import io
import json
import re
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from peerjournal.exporters import get_format, svg
from peerjournal.summary import build_summary
from test_summary import counted_as_periods, redactor, sample_input

# round 46: "Moved most" says which weeks each number covers
FELL = "fell from 5.0 in the first 2 weeks with entries to 0.0 in the last 2 weeks"

FORMATS = ("md", "html", "pdf", "review")


def _period(start: str, end: str, identity: float, drift: float, story: float,
            co_optation: float) -> dict[str, Any]:
    # two entries a week: weeks of one entry each are no trend (round 38)
    return {"start": start, "end": end, "entries": 2, "identity": identity, "drift": drift,
            "balance": round((identity - drift) / (identity + drift), 3),
            "dimensions": {"story": {"identity": story, "drift": 0.0},
                           "co_optation": {"identity": 0.0, "drift": co_optation}}}


PREVIOUS_ALERT = ("Co-optation came up more than in the previous window (2.56 vs 0.18 per 100 "
                  "words). Whose words or whose agenda were they?")


def turning_summary(alerts: list[str] | None = None) -> dict[str, Any]:
    """Four weeks in which drift falls away and identity grows, with a note and an alert."""
    data = sample_input(note="Can we talk about handovers?")
    report = {
        "by": "week",
        "periods": [
            _period("2026-10-26", "2026-11-01", 1.0, 8.0, 0.5, 6.0),
            _period("2026-11-02", "2026-11-08", 2.0, 6.0, 1.0, 4.0),
            _period("2026-11-09", "2026-11-15", 6.0, 1.0, 3.0, 0.0),
            _period("2026-11-16", "2026-11-20", 8.0, 0.0, 4.0, 0.0),
        ],
        "totals": {"entries": 8, "identity": 4.3, "drift": 3.6, "balance": 0.089},
        "alerts": alerts if alerts is not None else [PREVIOUS_ALERT],
    }
    labels = {"story": "Recovery story", "co_optation": "Co-optation"}
    return counted_as_periods(build_summary(replace(data, report=report, labels=labels),
                                            redactor()))


def seen(fmt: str, summary: dict[str, Any], cli: Any, tmp_path: Path) -> str:
    """What the mentor reads, as one line of words: the file opened, or `review`'s screen."""
    if fmt == "review":
        path = tmp_path / "summary.json"
        path.write_bytes(get_format("json").write(summary))
        result = cli("review", str(path))
        assert result.exit_code == 0, result.stderr
        text = re.sub(r"[│╭╮╰╯─]", " ", result.stdout)
    elif fmt == "pdf":
        reader = PdfReader(io.BytesIO(get_format("pdf").write(summary)))
        text = "\n".join(page.extract_text() for page in reader.pages)
    else:
        text = get_format(fmt).write(summary).decode("utf-8")
        if fmt == "html":
            text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return " ".join(text.replace("**", "").split())


GLANCE = [
    "At a glance",
    "Over the whole period: peer identity 4.3 and peer drift 3.6 markers per 100 words, "
    "balance +0.09 (-1 all drift, +1 all identity).",
    "Peer drift fell from 7.0 to 0.5 per 100 words: the first 2 weeks with entries "
    "(26 Oct – 8 Nov 2026) against the last 2 weeks (9 Nov – 20 Nov 2026).",
    "Peer identity rose from 1.5 to 7.0 per 100 words.",
    f"Moved most: Co-optation (drift markers) {FELL}.",
    "To talk about: a note from the writer, 1 alert, a self-check, 1 thing the writer will do "
    "differently and 1 shared entry.",
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_what_changed_is_the_first_thing_after_the_facts(fmt, cli, tmp_path) -> None:
    """Was: after the facts came the note, the alerts, then a table of numbers per week with
    no word on what changed: the mentor had to work out the trend from the table."""
    text = seen(fmt, turning_summary(), cli, tmp_path)
    places = [text.find(line) for line in GLANCE]
    assert -1 not in places, [line for line in GLANCE if line not in text]
    assert places == sorted(places)
    assert places[-1] < text.index("Note from the writer") < text.index("Trend by week")
    assert text.index("Redaction") < places[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_weeks_are_not_called_a_trend(fmt, cli, tmp_path) -> None:
    summary = turning_summary()
    for period in summary["periods"][2:]:
        period.update(entries=0, identity=None, drift=None, balance=None)
    for dim in summary["dimensions"]:
        for key in ("identity", "drift"):
            dim[f"{key}_series"][2:] = [None, None]
            known = [x for x in dim[f"{key}_series"] if x is not None]
            if known and dim[key] is not None:  # (round 36: review checks the rate is theirs)
                dim[key] = min(max(dim[key], min(known)), max(known))
    text = seen(fmt, counted_as_periods(summary), cli, tmp_path)
    assert ("Only 2 weeks with entries: too few to show a trend; the numbers are in the table "
            "below.") in text
    assert "fell from" not in text and "rose from" not in text and "Moved most" not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_alerts_say_whose_they_are_and_which_dates_the_previous_window_is(
    fmt, cli, tmp_path
) -> None:
    """Was: "came up more than in the previous window … who could you talk it through with?"
    reached the mentor with no word that it was said to the writer, nor which dates."""
    text = seen(fmt, turning_summary(), cli, tmp_path)
    note = ('Prompts from the writer\'s own report, written to the writer. "The previous '
            'window" is the 26 days just before this period: 2026-09-30 to 2026-10-25.')
    assert note in text
    assert text.index("Alerts") < text.index(note) < text.index("Co-optation came up more")
    other = seen(fmt, turning_summary(["It has been 9 days since your last entry."]), cli,
                 tmp_path)
    assert "Prompts from the writer's own report, written to the writer." in other
    assert "The previous window" not in other


@pytest.mark.parametrize("fmt", ("md", "html", "pdf"))
def test_a_balance_has_its_sign_as_in_the_report(fmt, cli, tmp_path) -> None:
    """Was: "0.13" beside "-0.93", where the writer's report shows "+0.13"."""
    text = seen(fmt, turning_summary(), cli, tmp_path)
    assert re.findall(r"[-+]?\d\.\d\d(?!\d)", text.split("Trend by week")[1])[:4] == [
        "-0.78", "-0.50", "+0.71", "+1.00"]


def test_a_window_of_whole_weeks_is_counted_in_weeks(cli, tmp_path) -> None:
    summary = turning_summary()
    summary["period"]["since"] = "2026-10-24"  # 28 days to 2026-11-20
    assert ('"The previous window" is the 4 weeks just before this period: 2026-09-26 to '
            "2026-10-23.") in seen("md", summary, cli, tmp_path)


def test_an_old_summary_of_a_month_names_the_days_its_alerts_compared_with(cli, tmp_path) -> None:
    """Summaries that say "the previous window" compared with as many days just before, even
    for a calendar month (reports now compare October with September, and say so by dates)."""
    summary = turning_summary()
    summary["period"].update(since="2026-10-01", until="2026-10-31")
    assert ('"The previous window" is the 31 days just before this period: 2026-08-31 to '
            "2026-09-30.") in seen("md", summary, cli, tmp_path)


# -- the numbers are the report's ---------------------------------------------------------

ADVICE_SHORT = "I told him he should take his tablets."
ADVICE_LONG = (
    "A long shift on the ward with a lot of sitting together and talking about music, "
    "football, the garden, the weather, his sister and the food. " * 4
    + "At the end I told him he should take his tablets."
)


def test_the_summary_quotes_the_numbers_the_report_and_its_alerts_quote(cli, add) -> None:
    """Was: a dimension's rate was the weeks' rates averaged by entries (Co-optation 2.4),
    while the alerts quoted the report's word-weighted rate (2.56) for the same period."""
    add(ADVICE_SHORT, "--date", "2026-11-03")
    add(ADVICE_LONG, "--date", "2026-11-10")
    add("We walked to the housing office together and she did the talking.", "--date",
        "2026-11-17")
    exported = cli("export", "--since", "2026-11-02", "--format", "json", "--yes")
    assert exported.exit_code == 0, exported.stderr
    summary = json.loads(exported.stdout)
    report = json.loads(cli("report", "--since", "2026-11-02", "--dimension", "advice",
                            "--json").stdout)
    advice = next(d for d in summary["dimensions"] if d["id"] == "advice")
    assert advice["drift"] == report["dimension"]["drift"] > 0
    entry_weighted = sum(p["dimensions"]["advice"]["drift"] for p in summary["periods"]) / 3
    assert round(entry_weighted, 3) != advice["drift"]  # the two ways do differ here
    totals = report["totals"]
    assert summary["totals"] == {k: totals[k] for k in ("identity", "drift", "balance")}
    markdown = cli("export", "--since", "2026-11-02", "--format", "md", "--yes").stdout
    assert (f"Over the whole period: peer identity {totals['identity']:.1f} and peer drift "
            f"{totals['drift']:.1f} markers per 100 words") in markdown


def test_review_reads_a_summary_from_before_the_totals(cli, tmp_path) -> None:
    summary = turning_summary()
    del summary["totals"]
    text = seen("review", summary, cli, tmp_path)
    assert "Over the whole period" not in text
    assert "Peer drift fell from 7.0 to 0.5 per 100 words" in text


def test_review_refuses_totals_that_cannot_be_real(cli, tmp_path) -> None:
    summary = turning_summary()
    summary["totals"]["balance"] = 3
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(summary), encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"peerjournal: {path}: the file was changed after it was exported (totals balance is "
        "not a number from -1 to 1); ask for the summary to be sent again."]


# -- review: files it cannot read ------------------------------------------------------------


def test_an_older_summary_is_not_met_with_upgrade_advice(cli, tmp_path) -> None:
    """Was: "(upgrade peerjournal to read newer summaries)" for a summary older than this
    peerjournal, when it is the writer who needs to export again."""
    summary = turning_summary()
    summary["schema"] = "peerjournal.summary/0"
    path = tmp_path / "old.json"
    path.write_text(json.dumps(summary), encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"peerjournal: {path}: a summary from an older peerjournal (schema "
        "'peerjournal.summary/0'), which this one no longer reads; ask for it to be exported "
        "again."]


@pytest.mark.parametrize("content", [
    "Date,Entry,Mood\n2026-11-01,Good day,4\n",
    "Dear mentor,\nHere is my month.\n",
    "<?xml version=\"1.0\"?><journal/>",
])
def test_another_tools_file_is_named_as_not_a_summary(cli, tmp_path, content) -> None:
    """Was: "not valid JSON (line 1, column 1: Expecting value)" for a spreadsheet or a
    letter: a parser's words about a file that was never meant to be JSON."""
    path = tmp_path / "from-someone.txt"
    path.write_text(content, encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"peerjournal: {path}: not a summary (not JSON); `peerjournal review` reads the file "
        "made by `peerjournal export --format json`."]


def test_a_hand_edited_summary_still_says_where_it_breaks(cli, tmp_path) -> None:
    path = tmp_path / "edited.json"
    path.write_text('{"schema": "peerjournal.summary/1", oops}', encoding="utf-8")
    result = cli("review", str(path))
    assert result.stderr.splitlines() == [
        f"peerjournal: {path}: not valid JSON (line 1, column 37: Expecting property name "
        "enclosed in double quotes)."]


# -- the HTML chart and the PDF --------------------------------------------------------------


def test_the_html_charts_last_date_fits_inside_it() -> None:
    """Was: the last week's date under the chart was cut to "11-3" at the chart's edge."""
    summary = turning_summary()
    periods = [dict(summary["periods"][1], start=f"2026-{m:02d}-01", end=f"2026-{m:02d}-07")
               for m in range(4, 13)]
    periods[0] = dict(periods[0], start="2025-12-30")  # two years: whole dates, the widest
    chart = svg.trend_chart(periods)
    width = float(re.search(r'viewBox="0 0 (\d+)', chart).group(1))  # type: ignore[union-attr]
    labels = re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="middle">([^<]+)</text>',
                        chart)
    assert labels[-1][1] == "2026-12-01"
    x, label = float(labels[-1][0]), labels[-1][1]
    assert x + len(label) * 11 * 0.6 / 2 <= width  # 11px text, glyphs ~0.6em wide


def _pdf_words(data: bytes) -> list[tuple[str, float]]:
    """Each text the PDF draws, with where it starts across the page."""
    found: list[tuple[str, float]] = []
    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=lambda text, cm, tm, *_: found.append(
            (text.strip(), tm[4] * cm[0] + cm[4])) if text.strip() else None)
    return found


def test_the_pdf_shows_which_way_each_dimension_moved() -> None:
    """Was: the PDF's dimensions showed "0.3 | 2.6" alone, where the other formats said which
    way each moved."""
    text = " ".join(t for t, _ in _pdf_words(get_format("pdf").write(turning_summary())))
    assert "↑ rising, ↓ falling: the later half of the weeks with entries" in text
    # identity first, as md, html and review give it (round 24), under headings that say so
    # (round 26: the heading said "drift ◀ | ▶ identity" over "identity | drift")
    assert "Identity Drift ◀ drift identity ▶ Recovery story 2.1 ↑ 0.0" in text
    assert "Co-optation 0.0 2.5 ↓" in text  # drift fell


def test_the_pdf_trend_table_aligns_its_numbers_on_the_right() -> None:
    """Was: numbers left-aligned in the PDF's table ("3" under "12"'s first digit)."""
    summary = turning_summary()
    summary["periods"][0]["entries"] = 12
    summary["periods"][1]["entries"] = 3
    words = _pdf_words(get_format("pdf").write(summary))
    column = [x for text, x in words if text in ("Entries", "12", "3")][:3]  # header, rows
    assert [text for text, _ in words if text in ("Entries", "12", "3")][:3] == [
        "Entries", "12", "3"]
    assert column[0] < column[1] < column[2]  # the ends line up, so shorter ones start later


# -- an empty period, markers without quotes, the time it was made ----------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_period_says_so_at_a_glance(fmt, cli, tmp_path) -> None:
    """Was: the note and alerts came first; "no entries" only further down, where the trend
    would have been."""
    summary = turning_summary(alerts=[])
    summary["entries"] = {"total": 0, "shared": 0, "scored": 0}
    summary.update(totals=None, dimensions=[], intentions=[], shared_entries=[],
                   selfcheck=None, markers={"identity": [], "drift": []})
    summary["periods"] = [{**p, "entries": 0, "identity": None, "drift": None, "balance": None,
                           "dimensions": {}} for p in summary["periods"]]
    text = seen(fmt, summary, cli, tmp_path)
    said = "No entries were written in this period, so there are no numbers to show."
    assert text.count(said) == 1
    assert re.search(rf"At a glance[\s#*•-]*{re.escape(said)}", text)  # first, under its heading
    assert text.index(said) < text.index("To talk about: a note from the writer.") < text.index(
        "Can we talk about handovers?")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_marker_without_a_quote_says_why_it_may_have_none(fmt, cli, tmp_path) -> None:
    """Was: "Busy work (Co-optation): 1 time in 1 entry" and nothing under it, beside
    markers with quotes: the mentor could not tell why."""
    text = seen(fmt, turning_summary(), cli, tmp_path)
    assert (
        "busy work (Co-optation): 1 time in 1 entry, no quote here (not shared, or quoted under "
        "another marker)" in " ".join(text.split())
    )
    assert "non compliant (Clinical language): 1 time in 1 entry, no quote here" not in text


@pytest.mark.parametrize(("made", "shown"), [
    ("2026-11-20T18:30:00+00:00", "2026-11-20 18:30 UTC"),
    ("2026-11-20T18:30:00.123456+01:00", "2026-11-20 18:30 UTC+01:00"),
    ("2026-11-20T18:30:00-05:30", "2026-11-20 18:30 UTC-05:30"),
])
def test_the_time_a_summary_was_made_names_its_zone(made, shown, cli, tmp_path) -> None:
    """Was: "Generated: 2026-11-20 18:30", the writer's local time with no zone. `review`
    refuses a time without its zone (export always writes one): test_review_checks_r27."""
    summary = turning_summary()
    summary["generated_at"] = made
    for fmt in FORMATS:
        text = seen(fmt, summary, cli, tmp_path)  # HTML: a term and its definition, no colon
        assert re.search(rf"Generated:? {re.escape(shown)} by peerjournal", text), fmt


def test_summary_numbers_are_rounded_once_as_the_report_rounds_them() -> None:
    """A rate of exactly 16.9449 is 16.945 in the JSON; the writer's report shows 16.94, and
    the summary said 16.95 (it rounded the JSON's value again)."""
    from peerjournal.exporters.common import balance, number
    from peerjournal.trends import Rounded, fixed

    rate = Rounded(169449, 10000)
    assert float(rate) == 16.945
    assert number(rate, 2) == fixed(rate) == "16.94"
    assert balance(Rounded(-7495, 10000)) == "-0.75" and balance(None) == "–"
    assert number(16.945, 2) == "16.94"  # a plain value is rounded from its decimal digits


def test_halves_weigh_each_period_by_its_entries(cli, tmp_path, monkeypatch) -> None:
    """Was: "Peer drift rose from 9.6 to 17.0 … the first 1 month with entries against the
    last 2": the plain mean of November (11 entries) and a 5-day December (3 entries), while
    the same entries by week said drift fell."""
    made = datetime(2026, 12, 5, 18, 30, tzinfo=UTC)
    monkeypatch.setenv("PEERJOURNAL_NOW", made.isoformat())  # reviewed the day it was made
    data = replace(sample_input(), since=date(2026, 10, 1), until=date(2026, 12, 5),
                   generated_at=made)
    months = [("2026-10-01", "2026-10-31", 4, 9.6), ("2026-11-01", "2026-11-30", 11, 11.0),
              ("2026-12-01", "2026-12-05", 3, 23.0)]
    periods = [_period(start, end, 5.0, drift, 1.0, drift / 2) | {"entries": n}
               for start, end, n, drift in months]
    report = {"by": "month", "periods": periods, "alerts": [],
              "totals": {"entries": 18, "identity": 5.0, "drift": 12.5, "balance": -0.43}}
    labels = {"co_optation": "Co-optation"}
    summary = counted_as_periods(build_summary(replace(data, report=report, labels=labels),
                                               redactor()))
    for fmt in FORMATS:
        text = seen(fmt, summary, cli, tmp_path)
        assert ("Peer drift rose from 9.6 to 13.6 per 100 words: the first month with entries "
                "(1 Oct – 31 Oct 2026) against the last 2 months (1 Nov – 5 Dec 2026).") in text, \
            fmt  # (11 × 11.0 + 3 × 23.0) / 14
        assert ("Moved most: Co-optation (drift markers) rose from 4.8 in the first month with "
                "entries to 6.8 in the last 2 months.") in text, fmt
