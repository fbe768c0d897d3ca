"""Bad input said the same way everywhere (QA round 23, findings 5, 6, 7 and 9)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import SRC
from peerjournal.db.store import Filters, Store

CLI = Callable[..., Any]


def _one_line(result: Any) -> str:
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    return str(result.stderr)


# -- import (findings 5 and 6) ---------------------------------------------------------------


def test_json_without_created_at_imported_twice_is_skipped(
    cli: CLI, store: Store, tmp_path: Path
) -> None:
    file = tmp_path / "i.json"
    file.write_text(json.dumps([{"date": "2026-11-01", "experience": "ok import"}]))
    assert cli("import", str(file)).exit_code == 0
    again = cli("import", str(file))
    assert again.exit_code == 0
    assert "Skipped 1 entry already in the journal" in again.stderr
    dry = cli("import", "--dry-run", str(file))
    assert "1 entry already in the journal would be skipped" in dry.stderr
    assert len(store.list(Filters(limit=None))) == 1
    # deleted since: skipped as a jrnl entry in the trash is, with how to bring it back
    assert cli("delete", "1").exit_code == 0
    trashed = cli("import", str(file))
    assert "Skipped 1 entry in the trash: `peerjournal restore 1`" in trashed.stderr
    assert store.list(Filters(limit=None)) == []


def test_json_with_other_words_on_the_day_is_still_imported(
    cli: CLI, store: Store, tmp_path: Path
) -> None:
    file = tmp_path / "i.json"
    file.write_text(json.dumps([{"date": "2026-11-01", "experience": "ok import"}]))
    assert cli("import", str(file)).exit_code == 0
    file.write_text(json.dumps([{"date": "2026-11-01", "experience": "ok import, edited"}]))
    assert "Imported 1 entry" in cli("import", str(file)).stderr
    assert len(store.list(Filters(limit=None))) == 2


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ('"abc"', "'id' should be an entry's ID (a whole number, 1 or more)"),
        ("-5", "'id' should be an entry's ID"),
        ("0", "'id' should be an entry's ID"),
        ("true", "'id' should be an entry's ID"),
        ("1.5", "'id' should be an entry's ID"),
        # (99999999999999999999, past 2**63, now gets a new ID as one over 1e9 does: round 37)
    ],
)
def test_a_bad_id_in_an_import_is_refused(
    cli: CLI, store: Store, tmp_path: Path, value: str, said: str
) -> None:
    file = tmp_path / "b.json"
    file.write_text(f'[{{"date": "2026-11-02", "experience": "x"}}, '
                    f'{{"date": "2026-11-02", "experience": "y", "id": {value}}}]')
    result = cli("import", str(file))
    assert result.exit_code == 1
    assert f"{file}: record 2: {said}" in _one_line(result)
    assert not Path(store.path).exists() or store.list(Filters(limit=None)) == []


def test_a_good_or_null_id_in_an_import_is_kept(cli: CLI, tmp_path: Path) -> None:
    file = tmp_path / "b.json"
    file.write_text('[{"date": "2026-11-02", "experience": "x", "id": 7}]')
    assert cli("import", str(file)).exit_code == 0
    assert cli("show", "7").exit_code == 0
    file.write_text('[{"date": "2026-11-03", "experience": "y", "id": null}]')
    assert cli("import", str(file)).exit_code == 0


# -- export (finding 7 and the order of checks) ----------------------------------------------


def test_export_format_that_contradicts_the_file_name_is_refused(
    cli: CLI, add: Any, tmp_path: Path
) -> None:
    add()
    target = tmp_path / "x.md"
    result = cli("export", "--format", "pdf", "--yes", "--output", str(target))
    assert result.exit_code == 2
    assert "--format pdf does not match --output" in _one_line(result)
    assert not target.exists()
    # an unknown or missing extension is the writer's choice
    for name in ("x.txt", "summary"):
        done = cli("export", "--format", "md", "--yes", "--output", str(tmp_path / name))
        assert done.exit_code == 0, done.stderr
    # an alias of the same format is no contradiction
    same = cli("export", "-f", "md", "--yes", "-o", str(tmp_path / "y.markdown"))
    assert same.exit_code == 0, same.stderr


def test_export_says_the_bad_date_before_the_existing_file(cli: CLI, tmp_path: Path) -> None:
    existing = tmp_path / "existing.md"
    existing.write_text("keep me")
    result = cli("export", "--output", str(existing), "--since", "yesterday-ish")
    assert result.exit_code == 1
    assert "Could not read the date 'yesterday-ish'" in _one_line(result)
    assert existing.read_text() == "keep me"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_export_to_a_full_device_names_the_output(cli: CLI, add: Any) -> None:
    add()
    result = cli("export", "--yes", "--output", "/dev/full")
    assert result.exit_code == 1
    assert "Could not write /dev/full: No space left on device." in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_version_and_help_printing_to_a_full_device_name_standard_output(add: Any) -> None:
    add()
    env = {**os.environ, "PYTHONPATH": SRC}
    for args in (["--version"], ["--help"]):
        with open("/dev/full", "wb") as full:
            done = subprocess.run([sys.executable, "-m", "peerjournal", *args], env=env,
                                  stdout=full, stderr=subprocess.PIPE, timeout=120)
        assert (done.returncode, done.stderr) == (
            1, b"peerjournal: Could not write to standard output: No space left on device.\n"
        ), args


# -- entry IDs (finding 9) -------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("show", "0"), ("delete", "0"), ("restore", "0"), ("share", "0"), ("unshare", "0"),
        ("edit", "0"), ("drift", "0"), ("show", "-1"), ("delete", "-2"), ("share", "1", "-3"),
        ("drift", "-1"), ("edit", "-1"),
    ],
)
def test_id_zero_or_negative_is_the_same_usage_error_everywhere(
    cli: CLI, add: Any, args: tuple[str, ...]
) -> None:
    add()
    result = cli(*args)
    assert result.exit_code == 2, args
    message = _one_line(result)
    assert "is not an entry ID; IDs start at 1 (see `peerjournal list`)" in message, args
    assert "No such option" not in message


def test_a_negative_word_is_still_an_unknown_option_where_no_id_is_taken(cli: CLI) -> None:
    result = cli("list", "-1")
    assert result.exit_code == 2 and "No such option: -1" in result.stderr


def test_supervision_id_zero_is_a_usage_error(cli: CLI) -> None:
    result = cli("supervision", "undo", "0", "--yes")
    assert result.exit_code == 2
    assert "0 is not a supervision ID; IDs start at 1" in _one_line(result)


def test_global_option_after_the_command_says_where_it_goes(cli: CLI) -> None:
    result = cli("list", "--db", "x.db")
    assert result.exit_code == 2
    assert "--db goes before the command, as in `peerjournal --db PATH list …`" in _one_line(
        result)
    nested = cli("supervision", "prep", "--lexicon", "l.toml")
    assert "`peerjournal --lexicon PATH supervision prep …`" in nested.stderr


def test_a_draft_number_that_is_no_number_is_said_as_ids_are(cli: CLI) -> None:
    result = cli("drafts", "--discard", "abc")
    assert result.exit_code == 2
    assert "'abc' is not a draft number: give it in digits, as `peerjournal drafts` shows it" in (
        result.stderr)


# -- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "why"),
    [("31 Feb 2026", "Feb 2026 has no day 31"), ("29 Feb 2025", "Feb 2025 has no day 29"),
     ("February 30th, 2026", "Feb 2026 has no day 30")],
)
def test_a_month_name_date_without_that_day_says_so(cli: CLI, typed: str, why: str) -> None:
    result = cli("write", "-d", typed, "-x", "A shift note.")
    assert result.exit_code == 1
    assert f"Could not read the date {typed!r}: {why}." in _one_line(result)


@pytest.mark.parametrize(
    "args",
    [("list", "--since", "9999-12-31"), ("search", "--since", "tomorrow", "x"),
     ("report", "--since", "9999-12-31"), ("export", "--since", "9999-12-31", "--yes")],
)
def test_a_future_since_is_said_by_every_command(cli: CLI, add: Any, args: tuple[str, ...]) -> None:
    add()
    result = cli(*args)
    assert result.exit_code == 1, args
    assert "is in the future" in _one_line(result), args


# -- files given as '-' and by path ----------------------------------------------------------


def test_review_reads_a_summary_from_stdin(cli: CLI, add: Any, tmp_path: Path) -> None:
    add()
    summary = tmp_path / "s.json"
    assert cli("export", "--yes", "-f", "json", "-o", str(summary)).exit_code == 0
    result = cli("review", "-", input=summary.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert "Reflective-practice summary" in result.stdout
    assert "standard input" in result.stdout
    empty = cli("review", "-", input=b"")
    assert empty.exit_code == 1
    assert "standard input: the file is empty" in _one_line(empty)


def test_answers_file_is_named_as_given(cli: CLI, tmp_path: Path) -> None:
    empty = tmp_path / "answers.txt"
    empty.write_text("")
    result = cli("supervision", "check", "--answers", str(empty))
    assert result.exit_code == 1
    assert f"{empty} has no answers in it." in _one_line(result)
