"""QA round 22 of `supervision prep` and `report`: prep said "moved towards drift" for a
fall in identity, dropped the self-check's low answers, and asked per-entry questions about a
month; the report's self-care alert, rhythm rate, dimension detail and filtered "first entry"
said more than their numbers did."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from peerjournal.db.store import Store
from peerjournal.drift.lexicon import DEFAULT_LEXICON, DRIFT_ONLY_DIMENSIONS
from peerjournal.supervision import load_form, period_questions
from test_supervision_cli import add_entry, all_answers, answers_file

CLI = Callable[..., Any]
FORM = load_form()


def scored(**dimensions: tuple[float, float]) -> dict[str, Any]:
    """A stored score of 100 words with (identity, drift) per 100 words for each dimension."""
    identity = sum(i for i, _ in dimensions.values())
    drift = sum(d for _, d in dimensions.values())
    total = identity + drift
    return {
        "verdict": "drift" if drift > identity else "identity" if identity else "insufficient",
        "balance": (identity - drift) / total if total else None,
        "identity": identity,
        "drift": drift,
        "words": 100,
        "dimensions": {
            dim: {"identity": i, "drift": d} for dim, (i, d) in dimensions.items()
        },
        "hits": [],
        "lexicon_version": "test",
    }


def prep_json(cli: CLI) -> dict[str, Any]:
    result = cli("supervision", "prep", "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def two_windows(store: Store, before: dict[str, Any], now: dict[str, Any]) -> None:
    """Supervision on 6 Nov: three scored entries in the window before it, three since (as
    few as prep compares)."""
    for day in (date(2026, 10, 25), date(2026, 10, 28), date(2026, 10, 30)):
        add_entry(store, day, "Before the last supervision.", before)
    for day in (date(2026, 11, 10), date(2026, 11, 13), date(2026, 11, 15)):
        add_entry(store, day, "Since the last supervision.", now)


# -- 1. a fall in identity is not a move towards drift -----------------------------------------


def test_prep_says_identity_fell_and_asks_no_drift_question_about_it(
    cli: CLI, store: Store
) -> None:
    """Was: "Moved towards drift: Voice" with 0.00 drift in both windows, and the question
    "What did you hold back from saying…" (`report` said voice identity went down)."""
    two_windows(store, scored(voice=(5.0, 0.0), advice=(0.0, 0.0)), scored(advice=(0.0, 3.0)))
    assert cli("supervision", "done", "--date", "2026-11-06").exit_code == 0
    text = cli("supervision", "prep").stdout
    assert "  Moved toward drift (against the period before): Advice\n" in text
    assert "  Less peer-identity evidence, against the period before, in: Voice\n" in text
    assert "Voice moved toward" not in text
    assert FORM.item("voice").question not in text
    assert "What did you hold back from saying" not in text
    trend = prep_json(cli)["trend"]
    assert trend["towards_drift"] == [{"dimension": "advice", "change": 3.0}]
    assert trend["less_identity"] == [{"dimension": "voice", "change": -5.0}]
    assert trend["towards_identity"] == [] and trend["less_drift"] == []
    assert [q["why"] for q in prep_json(cli)["questions"]] == [
        "Advice moved toward drift over the period"
    ]
    report = cli("report", "--since", "2026-11-06").stdout  # and the report agrees
    assert "Voice (identity)" in report and "Advice (drift)" in report


def test_prep_says_drift_fell_as_a_fall_and_identity_rose_as_a_move(
    cli: CLI, store: Store
) -> None:
    two_windows(store, scored(advice=(0.0, 4.0)), scored(story=(2.0, 0.0)))
    assert cli("supervision", "done", "--date", "2026-11-06").exit_code == 0
    text = cli("supervision", "prep").stdout
    assert "  Moved toward peer identity (against the period before): Recovery story\n" in text
    assert "  Less drift evidence, against the period before, in: Advice\n" in text
    assert "Moved toward drift" not in text


# -- 2. the self-check's low answers ------------------------------------------------------------


def test_prep_shows_the_latest_checks_answers_of_1_and_2_with_their_notes(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: "Latest: 2026-11-20" and nothing else, though the check says a low number is
    often the most useful thing to bring."""
    answers: dict[str, Any] = dict(all_answers(3))
    answers["voice"] = {"score": 2, "note": "Held back in the ward round again."}
    answers["self_worth"] = 1
    answers["story"] = 4
    assert cli("supervision", "check", "--answers", answers_file(tmp_path, answers)).exit_code == 0
    text = cli("supervision", "prep").stdout
    shown = text[text.index("Self-check") : text.index("Questions you might bring")]
    assert "Answered 1 or 2, often the most useful to bring:" in shown
    worth, voice = FORM.item("self_worth").text, FORM.item("voice").text
    # the 1s first; each "N of 5", not a bare number read as the item's (round 43)
    assert shown.index(f"1 of 5  {worth}") < shown.index(f"2 of 5  {voice[:40]}")
    assert "note: Held back in the ward round again." in shown
    assert FORM.item("story").text not in shown and FORM.item("focus").text not in shown
    check = prep_json(cli)["self_check"]
    assert check["low"] == [
        {"id": "self_worth", "section": "identity", "text": worth, "score": 1, "note": ""},
        {
            "id": "voice",
            "section": "identity",
            "text": voice,
            "score": 2,
            "note": "Held back in the ward round again.",
        },
    ]
    # the first check has no drops to ask about: its lowest answers give the questions
    questions = prep_json(cli)["questions"]
    assert [q["text"] for q in questions] == [
        FORM.item("self_worth").question,
        FORM.item("voice").question,
    ]
    assert questions[0]["why"] == (
        f"you answered '{worth}' with score 1 of 5 in your latest self-check")


def test_prep_with_no_low_answers_says_nothing_more(cli: CLI, tmp_path: Path) -> None:
    answers = answers_file(tmp_path, all_answers(3))
    assert cli("supervision", "check", "--answers", answers).exit_code == 0
    text = cli("supervision", "prep").stdout
    assert "Answered 1 or 2" not in text and "Latest: 20 Nov 2026" in text
    assert prep_json(cli)["self_check"]["low"] == []


# -- 3. the self-care alert counts notes, and says so ------------------------------------------


def test_self_care_alert_says_it_counts_self_care_notes(cli: CLI, add: Callable[..., int]) -> None:
    """Was: "0 of 4 entries … mention self-care" beside entries that all talk about it."""
    for day in ("2026-11-02", "2026-11-09", "2026-11-12", "2026-11-16"):
        add("Shift on the ward. Afterwards a swim, which is my self-care.", "--date", day)
    expected = (
        "0 of 4 entries from 31 Aug to 20 Nov 2026 have a self-care note. What helps you come "
        "back to yourself after a hard shift?"
    )
    data = json.loads(cli("report", "--json").stdout)
    assert expected in data["alerts"]
    assert "mention self-care" not in cli("report").stdout


# -- 4. one rate since the first entry, in the text and the JSON -------------------------------


def test_rate_since_the_first_entry_is_the_same_in_text_and_json(
    cli: CLI, add: Callable[..., int]
) -> None:
    """Was: "(2.8 a week)" in the text, and only the window's "per_week": 1.6 in --json."""
    for day in ("10-05", "10-12", "10-19", "10-26", "11-02", "11-19"):
        add("I sat with Sam.", "--date", f"2026-{day}")
    rhythm = json.loads(cli("report", "--json").stdout)["rhythm"]
    assert rhythm["first_entry"] == "2026-10-05"
    assert rhythm["per_week_since_start"] == 0.89  # 6 entries in 47 days
    assert rhythm["per_week"] == 0.51  # the window's: 6 in 12 weeks
    assert "6 entries since you started on 5 Oct 2026 (0.9 a week)" in cli("report").stdout
    since = json.loads(cli("report", "--since", "2026-10-01", "--json").stdout)["rhythm"]
    assert since["first_entry"] is None and since["per_week_since_start"] is None


def test_a_journal_under_four_weeks_old_has_no_rate_in_either(
    cli: CLI, add: Callable[..., int]
) -> None:
    for day in ("2026-11-10", "2026-11-19"):
        add("I sat with Sam.", "--date", day)
    assert json.loads(cli("report", "--json").stdout)["rhythm"]["per_week_since_start"] is None
    assert "2 entries since you started on 10 Nov 2026 ·" in cli("report").stdout


# -- 5. a dimension in detail with nothing before -----------------------------------------------


def test_dimension_detail_says_there_were_no_entries_before(
    cli: CLI, add: Callable[..., int]
) -> None:
    """Was: "the window before (10 Jun 2026 – 30 Aug 2026): 0.00 and 0.00", above "Nothing to
    compare with yet"."""
    add("I shared my own story of recovery with Sam.", "--date", "2026-11-02")
    text = cli("report", "--dimension", "story").stdout
    assert "0.00 and 0.00" not in text
    assert "no entries in the window before (10 Jun 2026 – 30 Aug 2026) to compare." in " ".join(
        text.split()
    )
    assert "Nothing to compare with yet: your first entry is from 2 Nov 2026." in text


# -- 6. prep's questions speak of the period ----------------------------------------------------


def test_prep_questions_speak_of_the_period_not_of_one_day(cli: CLI, store: Store) -> None:
    """Was: "Which of today's tasks were peer support…" for a two-week prep."""
    two_windows(store, scored(co_optation=(0.0, 0.0)), scored(co_optation=(0.0, 4.0)))
    assert cli("supervision", "done", "--date", "2026-11-06").exit_code == 0
    [question] = prep_json(cli)["questions"]
    assert question == {
        "text": FORM.item("real_relationships").question,  # the item mirroring co-optation
        "why": "Co-optation moved toward drift over the period",
    }
    assert "today" not in cli("supervision", "prep").stdout


def test_every_drift_dimension_has_a_question_for_a_period() -> None:
    """The shipped self-check mirrors each dimension that can drift but advice, whose lexicon
    question speaks of no single day."""
    questions = tomllib.loads(DEFAULT_LEXICON.read_text("utf-8"))["questions"]
    asked = period_questions(FORM.items, questions)
    drifting = DRIFT_ONLY_DIMENSIONS | {"story", "mutuality", "focus", "voice", "self_worth"}
    for dim in drifting:
        assert asked[dim], dim
        assert "today" not in asked[dim] and "the person" not in asked[dim], dim


# -- 7. a filtered report's first entry is the first that matches ------------------------------


def test_a_filtered_report_speaks_of_the_first_matching_entry(
    cli: CLI, add: Callable[..., int]
) -> None:
    """Was: "your first entry is from 12 Oct 2026" with --setting, for a journal begun on 5 Oct."""
    add("I sat with Jo on the ward.", "--date", "2026-10-05", "--setting", "inpatient")
    for day in ("2026-10-12", "2026-10-26", "2026-11-09", "2026-11-16"):
        add("A call on the line; I listened.", "--date", day, "--setting", "phone line")
    text = cli("report", "--setting", "phone line").stdout
    assert "Nothing to compare with yet: your first matching entry is from 12 Oct 2026." in text
    assert "4 matching entries, the first on 12 Oct 2026 (0.7 a week)" in text
    assert "since you started" not in text
    whole = cli("report").stdout
    assert "Nothing to compare with yet: your first entry is from 5 Oct 2026." in whole
    assert "5 entries since you started on 5 Oct 2026" in whole


def test_weeks_the_window_cuts_short_are_marked(cli, add) -> None:
    """Was: `--since 2026-11-01` (a Sunday) gave a one-day "week" of 1 Nov, then 2 Nov, each
    looking like a whole week."""
    for day in ("2026-11-01", "2026-11-03", "2026-11-18"):
        add("We sat together and talked about his week.", "--date", day)
    result = cli("report", "--since", "2026-11-01", "--until", "2026-11-18")
    assert result.exit_code == 0, result.stderr
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    assert "By week in 2026 per 100 words; * part of a week, cut by the window" in lines
    rows = [line.split()[:2] for line in lines if line[:1].isdigit() and " Nov" in line[:7]]
    assert [" ".join(r) for r in rows] == ["1 Nov*", "2 Nov", "9 Nov", "16 Nov*"]
    # the week still going on today is not cut by the window: no mark
    default = cli("report").stdout
    assert "*" not in default and "part of a week" not in default


def test_prep_lines_that_wrap_keep_their_indent(cli, add, monkeypatch) -> None:
    """Was: at 60 columns an alert's second line, or a long phrase's dimension, went back to
    the margin ("  ! Co-optation came up more … \\n2026 (5.85 vs …")."""
    text = ("I told him he should take his meds and I spent most of the shift doing paperwork "
            "for the nurses.")
    for day in ("2026-11-10", "2026-11-17", "2026-11-19"):
        add(text, "--date", day)
    monkeypatch.setenv("COLUMNS", "60")
    result = cli("supervision", "prep")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(map(len, lines)) <= 60
    alert = lines.index(next(line for line in lines if line.startswith("  ! ")))
    assert lines[alert + 1].startswith("    ") and lines[alert + 1].strip()  # it wraps, indented
    # after the title and its dates, only headings (a capital) at the margin: no wrapped
    # line's rest
    body = lines[lines.index("Drift trend in brief"):]
    margin = [line for line in body if line and not line[0].isspace()]
    assert all(line[0].isupper() or line[0].isdigit() for line in margin), margin
