"""Writing, round 26: `write --editor` on a full disk says what `edit` says (exit 4), a draft
put back after the editor deleted it names its real number for `drafts --discard`, and NUL
bytes on standard input or in a file are refused naming where they came from."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal import drafts as drafts_module

WORDS = "We talked about housing with Sam for a long while."
NUL_REFUSED = "the text contains NUL bytes; is this a binary file?"


def drafts(isolated: Path) -> list[Path]:
    return sorted((isolated / "drafts").glob("*.md"))


# -- 1. `write --editor` when the draft cannot be written ---------------------------------------


@pytest.mark.parametrize(
    ("number", "free"),
    [(errno.ENOSPC, " Free some space and try again."), (errno.EACCES, "")],
)
def test_write_editor_that_cannot_write_its_draft_says_so_as_edit_does(
    cli: CLI, isolated: Path, edits: Any, monkeypatch: pytest.MonkeyPatch, number: int,
    free: str,
) -> None:
    """Before: its own copy of the message, exit 1 (`edit` exits 4), and "Free some space"
    for a folder that is only read-only."""

    def cannot(*args: object) -> None:
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(drafts_module, "write_atomic", cannot)
    edits(("## Experience\n", f"## Experience\n{WORDS}\n"))
    result = cli("write", "--editor")
    assert result.exit_code == 4
    assert result.stderr == (
        f"peerjournal: The draft cannot be written to {isolated / 'drafts'} "
        f"({os.strerror(number)}), so the editor was not opened; nothing was typed yet.{free}\n"
    )
    assert drafts(isolated) == []
    assert cli("list", "--json").stdout.strip() in ("", "[]")


# -- 2. a draft put back names its number --------------------------------------------------------


@pytest.fixture
def deleting_editor(tmp_path: Path) -> str:
    script = tmp_path / "deleting_editor.py"
    script.write_text("import os, sys\nos.remove(sys.argv[-1])\n", encoding="utf-8")
    return f"{sys.executable} {script}"


def two_drafts(cli: CLI, isolated: Path) -> tuple[Path, Path]:
    """Two piped entries kept as drafts (dated in the future), the older first."""
    for words in ("The older draft, about the phone line.", WORDS):
        assert cli("write", input=f"date: 2099-01-01\n\n{words}\n").exit_code == 1
    older, newer = drafts(isolated)
    os.utime(older, (1_700_000_000, 1_700_000_000))
    os.utime(newer, (1_700_000_100, 1_700_000_100))
    return older, newer


def test_a_deleted_draft_put_back_names_its_number_for_discarding_it(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, deleting_editor: str
) -> None:
    """Before: "(`peerjournal drafts --discard N` if you meant to throw it away)", a literal N:
    the number was looked up while the editor had the file deleted."""
    older, newer = two_drafts(cli, isolated)
    before = older.read_bytes()
    monkeypatch.setenv("EDITOR", deleting_editor)
    result = cli("write", "--resume", "--draft", "2")  # the older one; back, it is the newest
    assert result.exit_code == 1
    said = " ".join(result.stderr.split())
    assert said.endswith(  # (still draft 2: a draft keeps its number - round 46)
        f"The text it held before is back in {older}: `peerjournal write --resume --draft 2` "
        "opens it again (`peerjournal drafts --discard 2` if you meant to throw it away)."
    )
    assert older.read_bytes() == before
    assert cli("drafts", "--discard", "2", "--yes").exit_code == 0  # as the message says
    assert drafts(isolated) == [newer]


# -- 3. NUL bytes name where they came from -----------------------------------------------------


@pytest.mark.parametrize(
    "command", [("write", "--stdin"), ("write",), ("drift", "--stdin"), ("import", "-")]
)
def test_nul_bytes_on_standard_input_are_refused_naming_it(
    cli: CLI, isolated: Path, command: tuple[str, ...]
) -> None:
    result = cli(*command, input=b"\x00\x00\x00")
    assert result.exit_code == 1
    assert result.stderr == f"peerjournal: standard input: {NUL_REFUSED}\n"
    assert drafts(isolated) == []


def test_nul_bytes_in_a_file_are_refused_naming_it(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    note = tmp_path / "note.md"
    note.write_bytes(f"## Experience\n{WORDS}\x00\n".encode())
    result = cli("write", "--from-file", str(note))
    assert result.exit_code == 1
    assert result.stderr == f"peerjournal: {note}: {NUL_REFUSED}\n"
    assert drafts(isolated) == []
