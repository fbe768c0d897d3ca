"""Round 43, writer: a NUL in a paste is part of the paste, not a Ctrl-D. A NUL at the start of
a pasted line stopped the guided write there ("Stopped for now (Ctrl-D)"), and the rest of the
paste, still waiting on the terminal, went to the shell, which ran each line as a command. A
NUL with nothing behind it is still a Ctrl-D (the terminal makes one of a Ctrl-D that comes
between two lines: round 42)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.cli import guided
from test_qa16_writer_terminal import REST, _write_on_a_terminal
from test_r43_writer_access import _as_without_nul
from test_writer_input import _read_all

on_a_terminal = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")


@pytest.fixture
def journal(isolated: Path, journal_template: Path) -> Path:
    isolated.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(journal_template, isolated / "journal.db")  # no migration in the child
    return isolated


def _experiences(home: Path) -> list[str]:
    with sqlite3.connect(home / "journal.db") as conn:
        return [row[0] for row in conn.execute("SELECT experience FROM entry")]


@on_a_terminal
def test_a_nul_at_the_start_of_a_pasted_line_is_left_out_and_the_paste_goes_on(
    journal: Path,
) -> None:
    paste = b"First pasted line.\r\0Second pasted line.\rA line with a \0NUL in it.\r"
    shown = _write_on_a_terminal([b"\r", paste, b"\r", *REST])
    assert "Stopped for now" not in shown
    assert _experiences(journal) == [
        "First pasted line.\nSecond pasted line.\nA line with a NUL in it."
    ]


@on_a_terminal
def test_a_nul_with_nothing_behind_it_is_still_a_ctrl_d(journal: Path) -> None:
    shown = _write_on_a_terminal([b"\r", b"We sat together.\r", b"\0"], None, 1)
    assert "Stopped for now (Ctrl-D)" in shown
    [draft] = (journal / "drafts").glob("*.json")
    assert "We sat together." in draft.read_text(encoding="utf-8")


def test_a_nul_followed_later_by_more_of_the_paste_is_left_out() -> None:
    """A terminal (or ssh) hands a long paste over in pieces: what comes within WAIT seconds
    after a NUL is behind it."""
    import threading

    read_end, write_end = os.pipe()
    keys = guided._Utf8Keys(lambda byte: 1, read_end)
    os.write(write_end, b"\0")
    later = threading.Timer(keys.WAIT / 5, os.write, (write_end, b"x"))  # (the next piece)
    later.start()
    try:
        assert keys._getc(None) == ord("x")
    finally:
        later.join()
        os.close(read_end)
        os.close(write_end)


@settings(max_examples=300)
@given(st.binary(max_size=40))
def test_every_byte_reaches_readline_as_python_would_decode_it_but_a_pasted_nul(
    data: bytes,
) -> None:
    """test_writer_input's property, with the NULs of a paste: one with bytes behind it is
    read as textsafe.without_nul reads it (a space between two words, else left out); the
    last one, with nothing behind it, is a Ctrl-D."""
    assert _read_all(data) == _as_without_nul(data)
