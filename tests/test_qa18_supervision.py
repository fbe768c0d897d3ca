"""QA round 18 of `peerjournal supervision`: what a tired writer meets when they stop a
self-check they restarted, and prep over a long period or a narrow terminal."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import CTRL_C, Keys
from peerjournal.db.store import Store
from test_supervision_cli import add_entry, answers_file, drift_dict, stored_checks

CLI = Callable[..., Any]




def three_answers_then_stop(cli: CLI, keys: Callable[..., Keys], store: Store) -> int:
    """An unfinished self-check with three answers; returns its id."""
    keys("5", "", "4", "a note", "3", "", "q")
    assert cli("supervision", "check").exit_code == 0
    [(check_id, answers, complete)] = stored_checks(store)
    assert len(answers) == 3 and complete == 0
    return check_id


# -- the known defect: --restart, then q, counted 0 answers -----------------------------------


def test_restart_then_q_at_the_first_item_says_the_old_answers_are_kept(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    old_id = three_answers_then_stop(cli, keys, store)
    before = stored_checks(store)
    keys("q")
    result = cli("supervision", "check", "--restart")
    assert result.exit_code == 0
    assert "Kept 0 of" not in result.stderr  # it said so, while 3 answers were still kept
    assert (
        "No new answer, so the self-check started 20 Nov 2026 (3 of 22 answered) is kept as "
        "it was; `peerjournal supervision check` carries on with it." in result.stderr
    )
    assert stored_checks(store) == before
    keys("y", "q")  # and it does carry on with it
    result = cli("supervision", "check")
    assert "(3 of 22 answered)" in result.stderr and stored_checks(store)[0][0] == old_id


def test_restart_then_q_at_a_later_item_counts_the_new_answers_and_what_went(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    old_id = three_answers_then_stop(cli, keys, store)
    keys("2", "", "q")
    result = cli("supervision", "check", "--restart")
    assert result.exit_code == 0
    assert (
        "Kept 1 of 22 answers (the 3 answers set aside were discarded); "
        "`peerjournal supervision check` carries on from there." in result.stderr
    )
    [(new_id, answers, complete)] = stored_checks(store)
    assert new_id != old_id and complete == 0
    assert answers == {"story": {"score": 2, "note": ""}}


def test_no_at_carry_on_then_ctrl_c_before_a_new_answer_keeps_the_old_check(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    three_answers_then_stop(cli, keys, store)
    before = stored_checks(store)
    keys("n", CTRL_C)
    result = cli("supervision", "check")
    assert result.exit_code == 130
    assert "0 of 22" not in result.stderr
    assert (
        "peerjournal: Stopped. No new answer, so the self-check started 20 Nov 2026 "
        "(3 of 22 answered) is kept as it was" in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert stored_checks(store) == before


def test_restart_stopped_before_a_new_answer_prints_the_check_still_kept_as_json(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    old_id = three_answers_then_stop(cli, keys, store)
    keys("q")
    result = cli("supervision", "check", "--restart", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)  # stdout is the JSON alone
    assert data["id"] == old_id and data["answered"] == 3 and data["complete"] is False


def test_restart_with_a_partial_answers_file_says_the_set_aside_answers_went(
    cli: CLI, store: Store, keys: Callable[..., Keys], tmp_path: Path
) -> None:
    three_answers_then_stop(cli, keys, store)
    result = cli(
        "supervision", "check", "--restart", "--answers", answers_file(tmp_path, {"focus": 1})
    )
    assert result.exit_code == 0
    assert "Kept 1 of 22 answers (the 3 answers set aside were discarded)." in result.stderr
    [(_, answers, _)] = stored_checks(store)
    assert answers == {"focus": {"score": 1, "note": ""}}


def test_restart_help_says_when_the_old_answers_go(cli: CLI) -> None:
    result = cli("supervision", "check", "--help")
    assert "discarded at your first new answer" in " ".join(result.stdout.split())


# -- prep: the weekly drift line ----------------------------------------------------------------


def spark_lines(stdout: str) -> list[str]:
    lines = stdout.splitlines()
    start = next(n for n, line in enumerate(lines) if "Drift by week" in line)
    return lines[start : start + 3]


@pytest.mark.parametrize("columns", [80, 30, 20])
@pytest.mark.usefixtures("colour_terminal")  # the sparkline (piped, since round 25: numbers)
def test_prep_over_a_long_period_keeps_the_weekly_drift_on_the_screen(
    cli: CLI, store: Store, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    # --since 1900 (or a supervision a year ago) drew one character a week: 6,600 of them,
    # wrapped into screens of blanks, with the only drift at the very end.
    add_entry(store, date(2026, 11, 10), "I told him what to do.", drift_dict("told him"))
    monkeypatch.setenv("COLUMNS", str(columns))
    result = cli("supervision", "prep", "--since", "1900-01-01")
    assert result.exit_code == 0
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    too_wide = [line for line in plain.splitlines() if len(line) > columns]
    assert too_wide == []
    shown = spark_lines(result.stdout)
    assert "from 1900-01-01" not in " ".join(shown)  # the latest weeks that fit, dated
    assert any("█" in line for line in shown)


@pytest.mark.usefixtures("colour_terminal")
def test_prep_weekly_drift_over_four_weeks_is_unchanged(cli: CLI, store: Store) -> None:
    add_entry(store, date(2026, 11, 10), "I told him what to do.", drift_dict("told him"))
    result = cli("supervision", "prep")
    [line] = [x for x in result.stdout.splitlines() if "Drift by week" in x]
    assert line.startswith("  Drift by week from 26 Oct 2026: ") and line.rstrip().endswith("█")


def test_prep_weekly_drift_piped_says_a_run_of_empty_weeks_once(cli: CLI, store: Store) -> None:
    add_entry(store, date(2026, 11, 10), "I told him what to do.", drift_dict("told him"))
    result = cli("supervision", "prep", "--since", "1900-01-01")
    text = " ".join(result.stdout.split())
    assert "Drift by week from 31 Aug 2026: no entries for 10 weeks, 2.0, no entries (per " \
        "100 words)" in text, text


# -- history of a stopped self-check ------------------------------------------------------------


def test_history_names_the_unfinished_check_instead_of_saying_check_starts_one(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    # It said "No finished self-checks yet: `peerjournal supervision check` starts one." while
    # `check` would ask to carry on with the three answers given.
    old_id = three_answers_then_stop(cli, keys, store)
    result = cli("supervision", "history")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "check` starts one" not in text
    assert (
        "No finished self-checks yet. Unfinished: started 20 Nov 2026, 3 of 22 answered; "
        "`peerjournal supervision check` carries on." in text
    )
    data = json.loads(cli("supervision", "history", "--json").stdout)
    assert data["check_ins"] == []
    assert data["unfinished"] == {
        "id": old_id, "started": "2026-11-20T18:30:00+00:00", "answered": 3, "items": 22
    }


def test_history_with_nothing_unfinished_is_as_before(cli: CLI, tmp_path: Path) -> None:
    result = cli("supervision", "history")
    assert "No finished self-checks yet: `peerjournal supervision check` starts one." in (
        " ".join(result.stderr.split())
    )
    assert json.loads(cli("supervision", "history", "--json").stdout)["unfinished"] is None


# -- a mistyped journal path --------------------------------------------------------------------


def test_an_answers_file_that_will_not_do_starts_no_new_journal(
    cli: CLI, tmp_path: Path
) -> None:
    journal = tmp_path / "typo" / "journal.db"
    journal.parent.mkdir()
    bad = answers_file(tmp_path, {"not_an_item": 3})
    result = cli("--db", str(journal), "supervision", "check", "--answers", bad)
    assert result.exit_code == 1
    assert "no self-check item 'not_an_item'" in result.stderr
    assert not journal.exists()  # an empty journal was left there
    good = answers_file(tmp_path, {"story": 3}, "good.json")
    result = cli("--db", str(journal), "supervision", "check", "--answers", good)
    assert result.exit_code == 0 and journal.exists()


# -- q at the note prompt ---------------------------------------------------------------------


def test_q_at_the_note_prompt_stops_instead_of_becoming_the_note(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    # "Type q to stop for now": at the note prompt q was kept as the note ("q") and the next
    # item was asked, so a tired writer had to type q twice and found a note "q" later.
    fake = keys("3", "q", "4", "")
    result = cli("supervision", "check")
    assert result.exit_code == 0
    assert "Kept 1 of 22 answers;" in result.stderr
    assert "2/22" not in result.stderr and len(fake.lines) == 2  # nothing more was asked
    [(_, answers, complete)] = stored_checks(store)
    assert answers == {"story": {"score": 3, "note": ""}} and complete == 0


def test_q_inside_a_pasted_note_or_a_longer_note_is_kept(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    keys("3", ["q", "was what Sam typed"], "2", "quit smoking talk", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0
    [(_, answers, _)] = stored_checks(store)
    assert answers == {
        "story": {"score": 3, "note": "q was what Sam typed"},
        "mutuality": {"score": 2, "note": "quit smoking talk"},
    }


# -- answers files in other encodings -----------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_an_answers_file_saved_as_unicode_by_notepad_is_read(
    cli: CLI, store: Store, tmp_path: Path, encoding: str
) -> None:
    # `--answers -` read these; `--answers FILE` refused them with Python's codec error.
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"story": {"score": 4, "note": "café"}}), encoding=encoding)
    result = cli("supervision", "check", "--answers", str(path))
    assert result.exit_code == 0, result.stderr
    [(_, answers, _)] = stored_checks(store)
    assert answers == {"story": {"score": 4, "note": "café"}}


def test_an_answers_file_that_is_not_utf8_is_one_plain_line(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes('story = { score = 3, note = "café" }'.encode("latin-1"))
    result = cli("supervision", "check", "--answers", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path} is not UTF-8 text (at byte 33); it may be Latin-1 or "
        "Windows-1252: save it as UTF-8 and try again.\n"
    )
    missing = cli("supervision", "check", "--answers", str(tmp_path / "gone.json"))
    assert missing.exit_code == 1
    assert f"No answers file at {tmp_path / 'gone.json'}." in missing.stderr
