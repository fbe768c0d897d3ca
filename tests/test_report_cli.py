"""`peerjournal report`: what a user sees, the JSON contract, filters and errors."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rich.console import Console

from conftest import CLI
from peerjournal.render.report import print_report

CLINICAL = "She was symptomatic and non-compliant so I told her she should take her meds."
PEER = "I shared my own recovery story and we learned from each other; she chose what to do."


def report_json(cli: CLI, *args: str) -> dict[str, Any]:
    result = cli("report", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_empty_journal_points_to_write(cli: CLI) -> None:
    result = cli("report")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "peerjournal write" in result.stderr and "peerjournal demo" in result.stderr


def test_empty_window_says_so(cli: CLI, add: Callable[..., int]) -> None:
    add(PEER, "--date", "2025-01-10")
    result = cli("report")
    assert result.exit_code == 0
    assert "No entries from 31 Aug 2026 to 20 Nov 2026" in result.stderr


def test_json_contract(cli: CLI, add: Callable[..., int]) -> None:
    add(PEER, "--date", "2026-11-16", "--setting", "community", "--feelings", "Hopeful, calm.")
    add(CLINICAL, "--date", "2026-11-19", "--setting", "inpatient", "--self-care", "a walk")
    data = report_json(cli)
    assert {
        "since",
        "until",
        "by",
        "periods",
        "changes",
        "settings",
        "feelings",
        "rhythm",
        "alerts",
    } <= set(data)
    assert (data["since"], data["until"], data["by"]) == ("2026-08-31", "2026-11-20", "week")
    assert len(data["periods"]) == 12
    period = data["periods"][-1]
    assert set(period) == {
        "start", "end", "entries", "identity", "drift", "balance", "words", "dimensions",
        "lexicon_versions", "marked_entries", "dimension_entries",  # (added in round 48)
    }
    assert (period["start"], period["end"], period["entries"]) == ("2026-11-16", "2026-11-20", 2)
    assert isinstance(period["identity"], float) and isinstance(period["drift"], float)
    assert period["drift"] > 0 and period["identity"] > 0
    assert set(period["dimensions"]["clinical_language"]) == {"identity", "drift"}
    assert data["periods"][0]["balance"] is None
    assert set(data["settings"]) == {"community", "inpatient"}
    assert data["settings"]["inpatient"]["balance"] < data["settings"]["community"]["balance"]
    assert {f["id"] for f in data["feelings"]} == {"hope", "calm"}
    assert data["rhythm"]["self_care"] == 1 and data["rhythm"]["days_since_last"] == 1
    assert all(isinstance(a, str) for a in data["alerts"])
    assert isinstance(data["changes"], list)


def test_by_month_and_explicit_window(cli: CLI, add: Callable[..., int]) -> None:
    add(PEER, "--date", "2026-01-31")
    add(CLINICAL, "--date", "2026-03-01")
    data = report_json(cli, "--by", "month", "--since", "2026-01-15", "--until", "2026-03-01")
    assert data["by"] == "month"
    assert [(p["start"], p["end"], p["entries"]) for p in data["periods"]] == [
        ("2026-01-15", "2026-01-31", 1),
        ("2026-02-01", "2026-02-28", 0),
        ("2026-03-01", "2026-03-01", 1),
    ]


def test_filters_by_setting_and_tag(cli: CLI, add: Callable[..., int]) -> None:
    add(PEER, "--date", "2026-11-10", "--setting", "Community", "--tag", "group")
    add(CLINICAL, "--date", "2026-11-11", "--setting", "inpatient", "--tag", "ward")
    assert report_json(cli, "--setting", "community")["totals"]["entries"] == 1
    only_ward = report_json(cli, "--tag", "ward")
    assert only_ward["totals"]["entries"] == 1 and list(only_ward["settings"]) == ["inpatient"]
    assert report_json(cli, "--tag", "nothing")["totals"]["entries"] == 0


def test_dimension_detail_and_unknown_dimension(cli: CLI, add: Callable[..., int]) -> None:
    add(CLINICAL, "--date", "2026-11-11")
    detail = report_json(cli, "--dimension", "clinical_language")["dimension"]
    assert detail["id"] == "clinical_language" and detail["drift"] > 0
    assert detail["markers"] and all(m["count"] >= 1 for m in detail["markers"])
    result = cli("report", "--dimension", "clinical")
    assert result.exit_code == 2  # a usage error (round 35: was 1)
    assert "Unknown dimension 'clinical'" in result.stderr and "advocacy" in result.stderr
    assert "Traceback" not in result.stderr


def test_markers_are_named_not_shown_as_ids(cli: CLI, add: Callable[..., int]) -> None:
    """A marker id in quotes read like a phrase the writer used ("“advice.you_should”")."""
    # (round 41: 300 scored words in each window, the least "What changed" compares)
    add(" ".join([CLINICAL] * 25), "--date", "2026-11-11")
    add(" ".join([PEER] * 25), "--date", "2026-10-20")
    args = ("--since", "2026-10-29", "--dimension", "clinical_language")
    result = cli("report", *args)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    ids = [m["marker"] for m in report_json(cli, *args)["dimension"]["markers"]]
    assert ids and not any(marker_id in out for marker_id in ids)
    assert "Clinical language: clinical labels for people (drift)" in out  # [marker_labels]
    assert "1 entry," in out and "of 1 entry\n" in out  # not "1 entries"


def test_bad_options_are_clear_errors(cli: CLI) -> None:
    result = cli("report", "--since", "2026-11-01", "--until", "2026-10-01")
    assert result.exit_code == 1 and "after" in result.stderr
    assert cli("report", "--by", "decade").exit_code == 2  # (year is a period since round 42)
    result = cli("report", "--since", "the day after never")
    assert result.exit_code != 0 and "Traceback" not in result.stderr


def test_rich_report_reads_at_80_columns(cli: CLI, add: Callable[..., int]) -> None:
    for day in ("2026-10-05", "2026-10-20", "2026-11-02", "2026-11-19"):
        add(CLINICAL, "--date", day, "--setting", "inpatient", "--feelings", "drained")
    add(PEER, "--date", "2026-11-18", "--setting", "community")
    data = report_json(cli)
    out = io.StringIO()
    console = Console(file=out, width=80, color_system=None, markup=False, highlight=False)
    print_report(console, data, {"clinical_language": "Clinical language"})
    text = out.getvalue()
    assert max(len(line) for line in text.splitlines()) <= 80
    for section in (
        "By week",
        "Dimensions",
        "What changed",
        "Where drift shows up",
        "Feelings you named",
        "Rhythm",
    ):
        assert section in text
    assert "inpatient" in text and "tired / drained" in text
    assert "\x1b[" not in text  # no colour codes
    lines = text.splitlines()
    assert any(line.startswith("5 Oct ") for line in lines)
    assert any(line.startswith("12 Oct ") and "│" in line for line in lines)  # an empty week


def test_ascii_console_gets_no_box_or_block_characters(cli: CLI, add: Callable[..., int]) -> None:
    add(CLINICAL, "--date", "2026-11-19")
    add(PEER, "--date", "2026-11-12")
    out = io.BytesIO()
    wrapper = io.TextIOWrapper(out, encoding="ascii", errors="strict")
    console = Console(file=wrapper, width=80, color_system=None, legacy_windows=False)
    print_report(console, report_json(cli), {})
    wrapper.flush()
    text = out.getvalue().decode("ascii")  # would raise on any non-ASCII character
    assert "By week" in text and "|" in text


def test_piped_report_has_no_colour_codes(cli: CLI, add: Callable[..., int]) -> None:
    add(CLINICAL, "--date", "2026-11-19", "--setting", "inpatient")
    result = cli("report")
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    # (it asserted "1 entries", found only inside "0.1 entries a week")
    assert "Practice report" in result.stdout and "\n1 entry, " in result.stdout


def test_report_rows_column_query(cli: CLI, add: Callable[..., int], isolated: Any) -> None:
    from datetime import date

    from peerjournal.context import AppContext
    from peerjournal.db.stats import has_scored_entries, report_rows

    add(CLINICAL, "--date", "2026-11-10", "--tag", "ward", "--tag", "night", "--self-care", "tea")
    add(PEER, "--date", "2026-11-12", "--setting", "Community")
    store = AppContext().store()
    try:
        rows = report_rows(
            store,
            date(2026, 11, 1),
            date(2026, 11, 30),
            with_tags=True,
            hits_from=date(2026, 11, 11),
        )
        assert [r.date for r in rows] == [date(2026, 11, 10), date(2026, 11, 12)]
        assert rows[0].tags == ("night", "ward") and rows[0].has_self_care
        assert rows[0].drift is not None and rows[0].drift["hits"] == []  # before hits_from
        assert rows[1].drift is not None and rows[1].drift["words"] > 0
        hits = rows[1].drift["hits"]
        assert all(set(h) == {"marker", "dimension", "polarity", "negated"} for h in hits)
        assert report_rows(store, date(2026, 11, 1), date(2026, 11, 30))[0].tags == ()
        assert len(report_rows(store, date(2026, 11, 1), date(2026, 11, 30), "community")) == 1
        assert len(report_rows(store, date(2026, 11, 1), date(2026, 11, 30), tags=["ward"])) == 1
        assert has_scored_entries(store, date(2026, 11, 1), date(2026, 11, 10))
        assert not has_scored_entries(store, date(2026, 10, 1), date(2026, 10, 31))
    finally:
        store.close()


def test_report_says_when_scores_come_from_another_lexicon(cli: CLI, isolated: Path) -> None:
    import sqlite3

    for text in ("I shared my story with Sam.", "We explored options together."):
        assert cli("write", "-x", text).exit_code == 0
    assert "--rescore" not in cli("report").stderr
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("UPDATE entry SET lexicon_version = 'an-old-one' WHERE id = 1")
    result = cli("report")
    assert result.exit_code == 0
    assert "1 entry was scored with another version" in result.stderr
    assert "brings it up to date" in result.stderr
    assert cli("drift", "--rescore").exit_code == 0
    assert "--rescore" not in cli("report").stderr
    with sqlite3.connect(isolated / "journal.db") as conn:  # an upgrade of peerjournal
        conn.execute("UPDATE entry SET scorer_version = 'older-code'")
    assert "2 entries were scored with another version" in (stale := cli("report").stderr)
    assert "brings them up to date" in stale


def test_labels_come_from_the_lexicon_wherever_its_tables_are(
    tmp_path: Path, isolated: Path
) -> None:
    from peerjournal.cli.report import lexicon_labels
    from peerjournal.context import AppContext

    shipped = lexicon_labels(AppContext(), ("story", "advice"))
    assert shipped["story"] == "Recovery story" and shipped["advice"] == "Advice"
    assert shipped["moving_toward.choice_hope"] == "their choices and hopes"
    marker = '[[marker]]\nid = "a.b"\ndimension = "story"\npolarity = "identity"\n'
    marker += 'source = "s"\npatterns = ["x y"]\n'
    tables = '[labels]\nstory = "Our stories"\n\n[marker_labels]\n"a.b" = "our words"\n'
    for text in (
        f"{tables}\n{marker}",
        f"{marker}\n{tables}",  # after the markers: the whole file
        f'[labels]\nstory = "Our stories"\n\n{marker}\n[marker_labels]\n"a.b" = "our words"\n',
    ):
        path = tmp_path / "org.toml"
        path.write_text(text, encoding="utf-8")
        labels = lexicon_labels(AppContext(lexicon_option=str(path)), ("story", "advice"))
        assert labels == {"story": "Our stories", "advice": "Advice", "a.b": "our words"}


# -- QA round 17 -----------------------------------------------------------------------------


def test_dimension_by_the_name_the_report_shows_in_any_case(
    cli: CLI, add: Callable[..., int]
) -> None:
    """The report prints "Clinical language" and "Self-worth"; --dimension took only ids."""
    add(CLINICAL, "--date", "2026-11-11")
    for typed in ("Clinical language", "CLINICAL_LANGUAGE", "clinical-language"):
        assert report_json(cli, "--dimension", typed)["dimension"]["id"] == "clinical_language"
    assert report_json(cli, "--dimension", "Self-Worth")["dimension"]["id"] == "self_worth"
    assert report_json(cli, "--dimension", "recovery story")["dimension"]["id"] == "story"
    result = cli("report", "--dimension", "Clinical language")
    assert result.exit_code == 0 and "Clinical language  in detail" in result.stdout


def test_by_month_in_capitals(cli: CLI, add: Callable[..., int]) -> None:
    add(PEER, "--date", "2026-11-11")
    assert report_json(cli, "--by", "MONTH")["by"] == "month"
    assert report_json(cli, "--by", "Week")["by"] == "week"


def test_feelings_in_the_way_are_marked_in_words_not_only_bold(
    cli: CLI, add: Callable[..., int]
) -> None:
    """Piped or on a plain terminal, bold is lost: "bold = in the way" marked nothing."""
    add(PEER, "--date", "2026-11-11", "--feelings", "Drained, but hopeful.")
    out = cli("report").stdout
    assert "* = in the way" in out and "bold" not in out
    rows = {line.split("  ")[0].strip(): line for line in out.splitlines()}
    assert "tired / drained *" in rows and "hope" in rows and "hope *" not in rows


def test_a_few_entries_over_years_are_not_0_0_a_week(cli: CLI, add: Callable[..., int]) -> None:
    add(PEER, "--date", "2024-03-31")
    add(PEER, "--date", "2026-11-11")
    result = cli("report", "--since", "2024-01-01", "--by", "month")
    assert result.exit_code == 0
    # (in years, with how often that is: round 43; was "2 entries in 151 weeks")
    assert "2 entries in 3 years (fewer than one a year)" in result.stdout
    assert "0.0" not in result.stdout.split("\nRhythm", 1)[1]
    # 1 entry in 12 weeks, from a journal older than the window: a rate, as before (a journal
    # younger than the window counts "since you started": test_qa19_first_week.py)
    assert "0.1 entries a week" in cli("report").stdout


def test_ascii_tables_have_no_vertical_lines_beside_the_bars(
    cli: CLI, add: Callable[..., int]
) -> None:
    """With ASCII2 boxes every column had a "|" edge, and the bars' "|" axis read as one."""
    add(CLINICAL, "--date", "2026-11-19", "--setting", "inpatient")
    add(PEER, "--date", "2026-11-12", "--setting", "community")
    out = io.BytesIO()
    wrapper = io.TextIOWrapper(out, encoding="ascii", errors="strict")
    console = Console(file=wrapper, width=80, color_system=None, legacy_windows=False)
    print_report(console, report_json(cli), {})
    wrapper.flush()
    lines = out.getvalue().decode("ascii").splitlines()
    week = next(line for line in lines if line.startswith("16 Nov "))
    assert week.count("|") == 1 and "----------|" in week  # the bar's axis alone
    assert not any("+" in line and "--" in line for line in lines)  # no "---+---" rules


def test_a_window_shorter_than_a_week_counts_its_days(cli: CLI, add: Callable[..., int]) -> None:
    """A one-day window with 5 entries was "35.0 entries a week"."""
    for _ in range(5):
        add(PEER, "--date", "2026-09-14")
    one_day = cli("report", "--since", "2026-09-14", "--until", "2026-09-14").stdout
    assert "5 entries in 1 day ·" in one_day and "35.0" not in one_day
    three_days = cli("report", "--since", "2026-09-14", "--until", "2026-09-16").stdout
    assert "5 entries in 3 days ·" in three_days


def test_counted_plurals() -> None:
    from peerjournal.plural import counted

    assert [counted(n, "entry") for n in (0, 1, 2)] == ["0 entries", "1 entry", "2 entries"]
    assert counted(3, "day") == "3 days"  # was "3 daies"
    assert counted(2, "key") == "2 keys" and counted(2, "person", "people") == "2 people"


def test_the_unspecified_row_can_be_reported_on_its_own(cli: CLI, add: Callable[..., int]) -> None:
    """The report lists entries with no setting as "unspecified"; `--setting unspecified` used
    to match nothing (it looked for entries whose setting was the word)."""
    add(PEER, "--date", "2026-11-10")
    add(PEER, "--date", "2026-11-11", "--setting", "unspecified")
    add(CLINICAL, "--date", "2026-11-12", "--setting", "inpatient")
    whole = report_json(cli)
    only = report_json(cli, "--setting", "unspecified")
    assert only["totals"]["entries"] == whole["settings"]["unspecified"]["entries"] == 2
    assert list(only["settings"]) == ["unspecified"]
    assert only["settings"]["unspecified"] == whole["settings"]["unspecified"]
    shown = cli("report", "--setting", "unspecified")
    assert shown.exit_code == 0 and "2 entries" in shown.stdout
