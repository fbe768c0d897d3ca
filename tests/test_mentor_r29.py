"""QA round 29, the mentor journey: a slide into drift over three weeks shows as a trend; a
name's parts show as its alias; a to-do verb opening a sentence is no name to check; an
answers file is read by what it holds; a summary's shared count must match its list."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from peerjournal.redact import Person, Redactor
from peerjournal.summary import halves, split_at
from test_summary import sample_summary

CLI = Callable[..., Any]
Add = Callable[..., int]
PEER = "I shared my own story and we learned together; I spoke up with him."
DRIFT = "I told her she should take her medication. I monitored her meds."
CHECK = "Check these capitalised words"


def _words(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def _export(cli: CLI, tmp_path: Path, name: str = "s.md") -> tuple[str, str]:
    """The written summary and export's stderr, each as one line of words."""
    result = cli("export", "--yes", "-o", str(tmp_path / name))
    assert result.exit_code == 0, result.stderr
    return _words((tmp_path / name).read_text(encoding="utf-8")), _words(result.stderr)


def _write(add: Add, text: str, *days: str) -> None:
    for day in days:
        add(text, "-d", day, "-s", "community", "--share")


# -- 1. three weeks of 1, 6 and 5 entries are a trend ------------------------------------------


@pytest.mark.parametrize(("entries", "first"), [
    ([1, 6, 5], 2),  # the middle week joins the smaller half: 7 against 5
    ([5, 6, 1], 1),  # and the other way round: 5 against 7
    ([1, 1, 1], 1),  # a tie: the later half, as before
    ([2, 2, 2, 2], 2),  # even: half the weeks each
    ([1, 1, 9, 1, 1], 2),
    ([1, 1, 9, 1, 5], 3),
])
def test_the_middle_period_of_an_odd_number_joins_the_half_with_fewer_entries(
    entries: list[int], first: int
) -> None:
    assert split_at(entries) == first


def test_a_slide_over_three_weeks_has_a_direction_and_a_single_entry_half_has_none() -> None:
    split = halves([67.9, 41.7, 0.0], [1, 6, 5])
    assert split is not None and (split.first, split.last, split.direction) == (2, 1, "down")
    assert halves([67.9, 41.7, 0.0], [1, 6, 1]) is None  # one entry either side of the middle


def test_the_mentor_sees_a_slide_into_drift_over_three_weeks(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: "Only 12 entries in 3 weeks: too few to show a trend" beside a table going from
    identity 67.9 to 0.0: the first half was the first week alone, of one entry."""
    # (5 times over: each half holds the 300 scored words a trend needs, round 43)
    _write(add, " ".join([PEER] * 5), "2026-11-08", *(f"2026-11-{d}" for d in range(9, 14)))
    _write(add, " ".join([DRIFT] * 5), "2026-11-15", *(f"2026-11-{d}" for d in range(16, 21)))
    text, _ = _export(cli, tmp_path)
    assert "too few" not in text and "No arrows" not in text
    assert ("Peer drift rose from 5.7 to 45.8 per 100 words: the first 2 weeks with entries "
            "(2 Nov – 15 Nov 2026) against the last week (16 Nov – 20 Nov 2026).") in text
    assert ("Peer identity fell from 59.4 to 0.0 per 100 words; most of what counts for it is "
            "words learned from example entries") in text  # as its export (the caveat: r43)
    assert "| Co-optation | 0.0 → steady | 11.5 ↑ rising |" in (tmp_path / "s.md").read_text()
    report = _words(cli("report").stdout)  # the writer's report decides it alike
    assert "Co-optation: identity 0.00 steady, drift 11.54 rising" in report


def test_too_few_for_a_trend_says_which_half_is_short(cli: CLI, add: Add, tmp_path: Path) -> None:
    _write(add, PEER, "2026-11-08")
    _write(add, DRIFT, *(f"2026-11-{d}" for d in range(9, 14)))
    _write(add, DRIFT, "2026-11-19")
    text, _ = _export(cli, tmp_path)
    reason = "it needs 2 entries in each half: the first week holds 1, the last 2 weeks 6"
    assert (f"Only 7 entries in 3 weeks: too few to show a trend ({reason}); the numbers are "
            "in the table below.") in text
    assert f"No arrows: too few entries to show a trend ({reason})." in text


def test_two_weeks_say_a_trend_needs_three(cli: CLI, add: Add, tmp_path: Path) -> None:
    _write(add, PEER, "2026-11-12", "2026-11-13")
    _write(add, DRIFT, "2026-11-18", "2026-11-19")
    text, _ = _export(cli, tmp_path)
    assert ("No arrows: too few entries to show a trend (it needs 3 weeks with entries; only "
            "2 have any).") in text


# -- 2. every part of a name shows as its alias ------------------------------------------------


def test_the_surname_alone_shows_as_the_alias(cli: CLI, add: Add, tmp_path: Path) -> None:
    assert cli("people", "add", "Sam Jones", "--alias", "S.").exit_code == 0
    add("Sam Jones came. Jones was late. S. Jones. Sam rang.", "--share")
    text, _ = _export(cli, tmp_path)
    assert "S. came. S. was late. S. S. S. rang." in text
    assert "[person]" not in text.split("Shared entries", 1)[1]


@pytest.mark.parametrize("other", ["Ann Jones", "Zara Jones"])
def test_a_part_of_two_listed_names_is_no_one_s_alias_whatever_their_order(other: str) -> None:
    """Was: "Jones" alone took the alias of whichever Jones sorted first: a mentor read "S."
    for what may have been Ann Jones."""
    redact = Redactor([Person(other, "A."), Person("Sam Jones", "S.")])
    assert redact("Sam Jones came. Jones was late.") == "S. came. [person] was late."
    assert redact(f"{other} came.") == "A. came."


def test_a_part_that_is_another_listed_name_is_shown_as_that_one() -> None:
    redact = Redactor([Person("Sam Jones", "S."), Person("Jones", "J.")])
    assert redact("Sam Jones came. Jones was late.") == "S. came. J. was late."


# -- 3. a to-do verb opening a sentence is no name ---------------------------------------------


def _checked(stderr: str) -> str:
    """The words an export --yes asks to check ('' when none)."""
    if CHECK not in stderr:
        return ""
    return stderr.split(f"{CHECK} (in the summary): ")[1].split(". If any is")[0]


def test_check_opening_a_sentence_is_not_flagged_but_the_name_after_it_is(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: "Check these capitalised words: … Check" for "Check on Margaret."."""
    add("We talked about her week.", "-e", "Check on Margaret.", "--share")
    assert _checked(_export(cli, tmp_path)[1]) == "Margaret"


@pytest.mark.parametrize("line", [
    "Ring the GP tomorrow.", "Call the housing office.", "Ask about the rota.",
    "Follow up on Monday.", "Chase the referral.", "Book a room for group.",
    "Remember the forms.", "Text back after lunch.", "Email the team.", "Visit on Friday.",
    "Sort the rota.", "Remind the team about it.", "Mark the date.",
])
def test_to_do_verbs_opening_a_sentence_are_not_flagged(
    line: str, cli: CLI, add: Add, tmp_path: Path
) -> None:
    add("We talked about her week.", "-e", line, "--share")
    assert CHECK not in _export(cli, tmp_path)[1]


def test_a_name_opening_a_sentence_is_flagged_even_when_it_is_a_verb_too(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    add("Chase rang me about the forms. Kerry was upset.", "--share")
    assert _checked(_export(cli, tmp_path)[1]) == "Chase, Kerry"


# -- 4. an answers file is read by what it holds -----------------------------------------------


@pytest.mark.parametrize(("name", "content"), [
    ("a.toml", '{"story": 4, "voice": {"score": 2, "note": "held back"}}'),
    ("a.json", 'story = 4\nvoice = { score = 2, note = "held back" }\n'),
    ("answers", '\n  {"story": 4, "voice": {"score": 2, "note": "held back"}}'),
])
def test_answers_are_read_as_json_or_toml_by_their_content(
    name: str, content: str, cli: CLI, tmp_path: Path
) -> None:
    """Was: "a.toml: not valid TOML" for JSON, which --help says the file may hold."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = cli("supervision", "check", "--answers", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    answers = json.loads(result.stdout)["answers"]
    assert {k: (v["score"], v["note"]) for k, v in answers.items()} == {
        "story": (4, ""), "voice": (2, "held back")}


def test_broken_json_in_a_toml_file_is_named_as_json(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text('{"story": 4,', encoding="utf-8")
    result = cli("supervision", "check", "--answers", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"peerjournal: {path}: not valid JSON (")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("name", ["e.json", "e.toml"])
def test_a_json_list_of_item_ids_is_refused_as_not_answers(
    name: str, cli: CLI, tmp_path: Path
) -> None:
    """Was: '["story"]' read as a TOML table header: "story: nothing is not an answer"."""
    path = tmp_path / name
    path.write_text('["story"]', encoding="utf-8")
    result = cli("supervision", "check", "--answers", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"peerjournal: {path}: should map item ids to answers from 1 to 5.\n"


# -- 5. the shared count matches the list ------------------------------------------------------


def test_a_shared_count_that_is_not_the_list_s_length_is_refused(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: 5,000 shared entries under a header saying 14 were shared, all printed."""
    summary = sample_summary()
    summary["entries"].update(total=31, shared=1)
    summary["periods"][1]["entries"] += 31 - sum(p["entries"] for p in summary["periods"])
    summary["shared_entries"] = summary["shared_entries"][:1] * 5_000
    path = tmp_path / "s.json"
    path.write_text(json.dumps(summary), encoding="utf-8")
    started = time.process_time()
    result = cli("review", str(path))
    assert time.process_time() - started < 10
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: {path}: the file was changed after it was exported (entries shared is 1, "
        "but the shared entries number 5,000); ask for the summary to be sent again.\n")
    summary["shared_entries"] = summary["shared_entries"][:1]
    path.write_text(json.dumps(summary), encoding="utf-8")
    assert cli("review", str(path)).exit_code == 0


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    cli: CLI, tmp_path: Path
) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.write(b'{"schema": "peerjournal.summary/1", "note": "')
        handle.truncate(64 * 1024 * 1024 + 1)
    started = time.process_time()
    result = cli("review", str(path))
    assert time.process_time() - started < 5
    assert result.stderr == f"peerjournal: {path}: larger than 64 MB; not a summary.\n"
