"""A journal kept for years: what the writer's report and the mentor's summary show at scale."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import CLI, compact_and_whole_summaries
from peerjournal.exporters.common import MAX_TABLE_ROWS

PEER = "I sat with Sam and asked what he wanted from the week; we talked it through together."
FIRST = date(2025, 8, 1)  # the clock's today is 2026-11-20: about 68 weeks later


def _every_fourth_week(add: Callable[..., int]) -> int:
    """An entry every 4 weeks since FIRST: the 3 empty weeks between stay rows of their own
    (a run of more than 4 is one), so the summary has more weekly rows than a table shows."""
    day, n = FIRST, 0
    while day <= date(2026, 11, 20):
        add(PEER, "--date", day.isoformat(), "--feelings", "hopeful")
        day += timedelta(weeks=4)
        n += 1
    return n


def _summary(cli: CLI) -> dict:
    result = cli("export", "--yes", "-f", "json", "--since", FIRST.isoformat())
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_a_long_weekly_summary_shows_the_recent_weeks_in_a_table_of_bounded_length(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    _every_fourth_week(add)
    periods = _summary(cli)["periods"]
    assert len(periods) > MAX_TABLE_ROWS  # the JSON keeps every week
    newest, cut_off = periods[-1]["start"], periods[-MAX_TABLE_ROWS - 1]["start"]
    first_shown = periods[-MAX_TABLE_ROWS]["start"]
    note = f"The most recent {MAX_TABLE_ROWS} of {len(periods)} rows, from {first_shown}"

    md = cli("export", "--yes", "-f", "md", "--since", FIRST.isoformat()).stdout
    rows = [line for line in md.splitlines() if line.startswith("| 20")]
    assert len(rows) == MAX_TABLE_ROWS
    assert note in md and newest in md and f"| {cut_off}" not in md
    spark = next(line for line in md.splitlines() if line.startswith("identity "))
    # one mark per row shown (framed by |), not one per week of the whole period
    assert len(spark.removeprefix("identity ").strip("|")) == MAX_TABLE_ROWS

    html = cli("export", "--yes", "-f", "html", "--since", FIRST.isoformat()).stdout
    assert html.count("<tr>") - 1 <= MAX_TABLE_ROWS + 20  # trend rows, dimensions, markers
    assert note in html and f"<td>{cut_off}" not in html

    out = tmp_path / "s.pdf"
    assert cli("export", "--yes", "--since", FIRST.isoformat(), "-o", str(out)).exit_code == 0
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert note in text and f"{cut_off} – " not in text


def test_review_of_a_long_summary_shows_the_table_the_exports_show(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    _every_fourth_week(add)
    summary = cli("export", "--yes", "-f", "json", "--since", FIRST.isoformat()).stdout
    path = tmp_path / "long.json"
    path.write_text(summary, encoding="utf-8")
    periods = json.loads(summary)["periods"]
    cut_off, first_shown = periods[-MAX_TABLE_ROWS - 1]["start"], periods[-MAX_TABLE_ROWS]["start"]
    shown = cli("review", str(path))
    assert shown.exit_code == 0, shown.stderr
    assert f"The most recent {MAX_TABLE_ROWS} of {len(periods)} rows, from {first_shown}" in (
        " ".join(shown.stdout.replace("│", " ").split())
    )
    assert first_shown in shown.stdout and cut_off not in shown.stdout


def test_a_short_summary_shows_every_period_without_a_note(
    cli: CLI, add: Callable[..., int]
) -> None:
    add(PEER, "--date", "2026-11-02")
    add(PEER, "--date", "2026-11-16")
    md = cli("export", "--yes", "-f", "md", "--since", "2026-11-02").stdout
    assert "The most recent" not in md
    assert "| 2026-11-02 – 2026-11-08 |" in md and "| 2026-11-16 – 2026-11-20 |" in md


def test_report_feelings_leave_out_before_when_the_window_before_has_no_entries(
    cli: CLI, add: Callable[..., int]
) -> None:
    add(PEER, "--date", "2026-11-16", "--feelings", "hopeful")
    out = cli("report", "--since", "2026-11-01").stdout
    feelings = out[out.index("Feelings you named"):out.index("Rhythm")]
    assert "none before to compare" in feelings
    assert "Before" not in feelings and "↑" not in feelings
    assert "hope" in feelings


def test_report_feelings_compare_with_the_window_before_when_it_has_entries(
    cli: CLI, add: Callable[..., int]
) -> None:
    add(PEER, "--date", "2026-10-20", "--feelings", "hopeful")
    add(PEER, "--date", "2026-11-16", "--feelings", "hopeful, calm")
    out = cli("report", "--since", "2026-11-01").stdout
    feelings = out[out.index("Feelings you named"):out.index("Rhythm")]
    assert "Before" in feelings and "none before to compare" not in feelings


def test_report_dimensions_say_what_the_last_marks_are(cli: CLI, add: Callable[..., int]) -> None:
    _every_fourth_week(add)
    out = cli("report", "--since", FIRST.isoformat()).stdout
    heading = next(line for line in out.splitlines() if line.startswith("Dimensions"))
    # (round 37: the heading names its basis, "over these weeks; which way each went within
    # them", rather than "the last 37 weeks" — never a count without its unit, "the last 37")
    # (round 38: one entry in each week with any is no trend: the heading names no
    # direction, and a line says why, per week)
    assert heading.rstrip().endswith("per 100 words over these weeks"), heading
    assert "No trend words: too few entries per week to show a trend" in out, out


def test_counts_in_words_have_thousands_separators() -> None:
    """"20000 entries" and "Self-care noted in 10097 of 20000" in a ten-year journal's report."""
    from peerjournal.plural import counted

    assert counted(20_000, "entry") == "20,000 entries"
    assert counted(1, "entry") == "1 entry" and counted(999, "week") == "999 weeks"


def test_a_summary_reads_the_same_from_the_compact_scores(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export parses each entry's whole stored score only for shared entries (their
    excerpts quote the hits); the summary is the one the whole scores give."""
    texts = [
        "I told him he should take his meds and reminded him he is non-compliant.",
        "I shared my own story of recovery and we sat with it together, side by side.",
        "I caught myself telling her what to do. We worked it out together in the end.",
    ]
    ids = [add(text, "--date", f"2026-11-{n + 10}") for n, text in enumerate(texts * 2)]
    assert cli("share", str(ids[0])).exit_code == 0
    assert cli("share", str(ids[4])).exit_code == 0
    compact, whole = compact_and_whole_summaries(cli, monkeypatch)
    assert compact == whole
    markers = compact["markers"]
    assert markers["drift"] and markers["identity"]
    assert any(m["excerpts"] for m in markers["drift"] + markers["identity"])  # from shared
