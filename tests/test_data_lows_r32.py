"""Round 31, a data-safety QA pass: an emptied journal taken over is private, a failed health
note leaves no file behind, an I/O error says what it can be, a lexicon error in TOML words."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.db import engine, health
from peerjournal.drift import LexiconError, load_lexicon


def test_an_empty_file_used_as_a_new_journal_is_made_private(cli: CLI, isolated: Path) -> None:
    journal = isolated / "journal.db"
    isolated.mkdir(parents=True)
    journal.touch()
    journal.chmod(0o644)  # as `touch` leaves it
    result = cli("write", "-x", "A quiet group tonight; we made tea and talked about football.")
    assert result.exit_code == 0, result.output
    assert "used as a new journal" in result.stderr
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600
    assert "A quiet group tonight" in cli("show", "1").stdout


def test_a_journal_with_entries_keeps_the_mode_it_has(cli: CLI, isolated: Path) -> None:
    assert cli("write", "-x", "First entry, written here.").exit_code == 0
    journal = isolated / "journal.db"
    journal.chmod(0o640)  # the writer's own choice for a journal with entries
    assert cli("list").exit_code == 0
    assert stat.S_IMODE(journal.stat().st_mode) == 0o640


def test_a_health_note_that_cannot_be_written_leaves_no_file(
    isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = tmp_path / "j.db"
    journal.write_bytes(b"x" * 10)  # any file: the note is of its stamp

    def full(self: Path, *args: object, **kwargs: object) -> int:
        Path.touch(self)  # the file is made, then the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)  # (the note is written as a cache file)
    health.remember(journal)
    folder = health._record(journal).parent
    assert folder.is_dir() and list(folder.iterdir()) == []  # (was one 0-byte file a run)


def test_an_io_error_names_a_file_size_limit(tmp_path: Path) -> None:
    message = engine.describe_error(tmp_path / "j.db", sqlite3.OperationalError("disk I/O error"))
    assert "ulimit -f" in message and "Traceback" not in message


@pytest.mark.parametrize(("value", "shown"), [("true", "(not true)"), ('"2"', "(not '2')")])
def test_a_weight_that_is_not_a_number_is_shown_as_written(
    tmp_path: Path, value: str, shown: str
) -> None:
    path = tmp_path / "org.toml"
    path.write_text(
        '[[marker]]\nid = "advice.org"\ndimension = "advice"\npolarity = "drift"\n'
        f'weight = {value}\npatterns = ["you should"]\nsource = "our guide"\n',
        encoding="utf-8",
    )
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    assert "field 'weight'" in info.value.message and shown in info.value.message
    assert "True" not in info.value.message
    assert os.fspath(path) in info.value.message


def test_a_nul_between_two_words_on_stdin_is_kept_as_a_space(cli: CLI, isolated: Path) -> None:
    """Was "oknul": the NUL was left out and the two words joined."""
    result = cli("write", "--stdin", input=b"ok\x00nul, a quiet shift.")
    assert result.exit_code != 0 and "NUL bytes" in result.stderr
    (kept,) = (isolated / "drafts").glob("kept-*.md")
    assert "ok nul, a quiet shift." in kept.read_text(encoding="utf-8")
