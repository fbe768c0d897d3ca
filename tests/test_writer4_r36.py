"""Round 36, QA of this round's changes (qa_changes3), writer4:

1. Piped text is saved when the drafts folder cannot be read (root's, made by `sudo`): the
   look-up of earlier kept copies no longer stops the save with exit 4, the words gone; text
   piped to `write --resume` refused before a draft is picked is kept or printed.
6. Ctrl-D at a guided prompt keeps what q keeps: the part it ends is not marked answered, so
   `--resume` asks it again.
9. `write --json` prints an entry nothing could keep as {"saved": false, "text": …}; a journal
   file that belongs to another user (made by `sudo`) is named as such, with the chown hint.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, CTRL_D, SRC, Keys
from peerjournal.errors import ExitCode
from test_write import drafts, entries
from test_writer2_r36 import shut_the_home

PJ = [sys.executable, "-m", "peerjournal"]
TEXT = "We walked with Sam, he spoke up about housing."


def _denied(path: Path) -> PermissionError:
    return PermissionError(errno.EACCES, "Permission denied", str(path))


# -- 1. a drafts folder that cannot be read ----------------------------------------------------


@pytest.mark.parametrize("how", [[], ["--stdin"]])
def test_piped_text_is_saved_when_the_drafts_folder_cannot_be_read(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, how: list[str]
) -> None:
    """Was: exit 4, "The folder …/drafts cannot be read", no draft, nothing on stdout."""
    from peerjournal import drafts as drafts_module

    assert cli("write", "-x", "First entry words for the journal.").exit_code == 0

    def shut(folder: Path) -> list[object]:
        raise _denied(folder)

    monkeypatch.setattr(drafts_module, "pending", shut)
    result = cli("write", *how, input=TEXT + "\n")
    assert result.exit_code == 0, result.stderr
    assert any(TEXT in str(entry.get("experience")) for entry in entries(cli)), entries(cli)


def _resume(data: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*PJ, "write", "--resume"], input=data, capture_output=True,
                          env={**os.environ, "PYTHONPATH": SRC}, timeout=120)


def test_text_piped_to_resume_with_a_file_for_drafts_folder_is_printed(
    cli: CLI, isolated: Path
) -> None:
    """Was: "a file of that name is in the way", exit 1, the piped words dropped unsaid."""
    assert cli("write", "-x", "First entry words for the journal.").exit_code == 0
    (isolated / "drafts").write_text("", encoding="utf-8")
    result = _resume(TEXT.encode() + b"\n")
    said = " ".join(result.stderr.decode().split())
    assert result.returncode == 1
    assert TEXT in result.stdout.decode()
    assert "a file of that name is in the way" in said and "printed on stdout" in said


def test_text_piped_to_resume_with_a_damaged_journal_is_kept(isolated: Path) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "journal.db").write_bytes(b"not a journal at all, only some bytes" * 40)
    result = _resume(TEXT.encode() + b"\n")
    said = " ".join(result.stderr.decode().split())
    assert result.returncode == ExitCode.DATABASE, said
    [kept] = drafts(isolated)
    assert TEXT in kept.read_text(encoding="utf-8") and "Your words are kept as draft " in said


# -- 6. Ctrl-D at a guided prompt keeps what q keeps -------------------------------------------


def _done(isolated: Path) -> tuple[list[str], dict[str, object]]:
    [draft] = drafts(isolated)
    data = json.loads(draft.read_text(encoding="utf-8"))
    return data["done"], data["entry"]


@pytest.mark.parametrize(
    "typed",
    [
        ("community", "We walked to the shop.", ""),  # at the empty Feelings prompt
        ("community", "We walked to the shop."),  # after one line of the experience
    ],
)
def test_ctrl_d_marks_nothing_answered_that_q_does_not(
    cli: CLI, isolated: Path, keys: Callable[..., Keys], typed: tuple[str, ...]
) -> None:
    """Was: Ctrl-D marked the part it ended answered (even an empty Feelings): never asked
    again by `--resume`."""
    found = {}
    for stop in ("q", CTRL_D):
        keys(*typed, stop)
        result = cli("write")
        assert result.exit_code == 1 and "Stopped for now" in result.stderr
        found[stop] = _done(isolated)
        for draft in drafts(isolated):
            draft.unlink()
    assert found[CTRL_D] == found["q"]
    done, entry = found[CTRL_D]
    assert "feelings" not in done and entry["experience"] == "We walked to the shop."
    assert ("experience" in done) == ("" in typed)


def test_resume_after_ctrl_d_asks_the_feelings_again(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    keys("community", "We walked to the shop.", "", CTRL_D)
    assert cli("write").exit_code == 1
    keys("Calm in the end.", "", CTRL_D)
    result = cli("write", "--resume")
    assert result.exit_code == 1, result.stderr
    done, entry = _done(isolated)
    assert entry["feelings"] == "Calm in the end." and "feelings" in done


# -- 9. --json, and a journal that belongs to another user -------------------------------------


def test_write_json_prints_an_entry_nothing_could_keep_as_json(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: the raw text on stdout, which a script reading --json cannot parse."""
    shut_the_home(isolated, monkeypatch)
    result = cli("write", "--stdin", "--json", input=TEXT + "\n")
    assert result.exit_code == ExitCode.DATABASE
    printed = json.loads(result.stdout)
    assert printed["saved"] is False and TEXT in printed["text"]
    assert "printed on stdout" in result.stderr
    plain = cli("write", "--stdin", input=TEXT + "\n")  # without --json: the text as it is
    assert plain.exit_code == ExitCode.DATABASE and plain.stdout.startswith(TEXT)


@pytest.mark.parametrize("reason", ["unable to open database file",
                                    "attempt to write a readonly database"])
def test_a_journal_of_another_user_is_named_with_the_chown_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reason: str
) -> None:
    """Was: "Cannot open the journal at …: check that the folder exists and is writable." for
    a journal.db that `sudo peerjournal …` made root's, in a folder of the writer's own."""
    from peerjournal.db import engine

    journal = tmp_path / "journal.db"
    journal.write_bytes(b"")
    mine = engine.describe_error(journal, sqlite3.OperationalError(reason))
    assert "belongs to" not in mine
    monkeypatch.setattr(engine.os, "getuid", lambda: os.stat(journal).st_uid + 1)
    said = engine.describe_error(journal, sqlite3.OperationalError(reason))
    assert said.startswith(f"The journal at {journal} belongs to ")
    assert f"`sudo chown $USER {journal}`" in said and "PEERJOURNAL_HOME" in said
