"""How the guided write reads the writer's keys: every byte typed is kept (as � when it is not
UTF-8), and Ctrl-C while a character is being read still interrupts. The same on a real
terminal: tests/test_qa16_writer_terminal.py."""

from __future__ import annotations

import builtins
import contextlib
import os
from collections.abc import Iterator

import pytest

from peerjournal.cli import guided


def _handed_to_readline(keys: guided._Utf8Keys) -> tuple[bytes, int]:
    """Everything the key reader hands readline (each key it returns, then the bytes it
    queues behind it) until the end of input; and the most handed over in one call."""
    queued: list[int] = []

    def stuff(byte: int) -> int:
        queued.append(byte)
        return 1

    keys.stuff = stuff
    out = b""
    most = 0
    while (key := keys._getc(None)) != -1:
        most = max(most, 1 + len(queued))
        out += bytes([key, *queued])
        queued.clear()
    return out, most


def _read_all(data: bytes) -> bytes:
    """`data`, typed in one go, as the key reader hands it to readline."""
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, data)
        os.close(write_end)
        return _handed_to_readline(guided._Utf8Keys(lambda byte: 1, read_end))[0]
    finally:
        os.close(read_end)


# (every byte reaching readline as Python would decode it, a NUL as a pasted one or Ctrl-D:
# tests/test_r43_writer_nul.py)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (b"caf\xe9 ok", "caf\ufffd ok"),  # Latin-1 é, then a space
        (b"na\xefve", "na\ufffdve"),  # a lead byte followed by a letter
        (b"end\xc3", "end\ufffd"),  # a character cut short at the end of the line
        (b"\xf0\x9fb", "\ufffdb"),  # two bytes of an emoji, then a letter: one �
        (b"x\x80\xffy", "x\ufffd\ufffdy"),
        ("café 😀".encode(), "café 😀"),  # UTF-8 passes untouched
        (b"\xe0\x80", "\ufffd\ufffd"),  # an overlong form: both bytes
        (b"\xed\xa0\x80", "\ufffd" * 3),  # a surrogate, as Python's own decoder counts it
    ],
)
def test_bytes_that_are_not_utf8_become_replacement_characters(typed: bytes, kept: str) -> None:
    assert _read_all(typed).decode("utf-8") == kept


@pytest.mark.parametrize("typed", [b"\xe9" * 3000, "中文".encode("gbk") * 1000, b"\xc3" * 600])
def test_a_long_run_of_broken_bytes_is_kept_whole_and_never_overfills_readline(
    typed: bytes,
) -> None:
    # "ééé…" pasted from a Latin-1 file: each é starts a character the next one breaks.
    # The reader followed the run by recursion and handed readline all of it at once: past
    # 170 of them readline's queue (511 bytes) was full and the reader said "end of input"
    # (the whole session ended, the line lost); past ~1,000 a RecursionError did the same.
    read_end, write_end = os.pipe()
    os.write(write_end, b"start " + typed + b" end")
    os.close(write_end)
    out, most = _handed_to_readline(guided._Utf8Keys(lambda byte: 1, read_end))
    os.close(read_end)
    assert out.decode("utf-8") == (b"start " + typed + b" end").decode("utf-8", "replace")
    assert most <= 511


@pytest.fixture
def pipe() -> Iterator[tuple[int, int]]:
    read_end, write_end = os.pipe()
    yield read_end, write_end
    for fd in (read_end, write_end):
        with contextlib.suppress(OSError):  # a test closed it
            os.close(fd)


def test_the_key_reader_gives_readline_one_byte_and_queues_the_rest(
    pipe: tuple[int, int],
) -> None:
    read_end, write_end = pipe
    stuffed: list[int] = []

    def stuff(byte: int) -> int:
        stuffed.append(byte)
        return 1

    keys = guided._Utf8Keys(stuff, read_end)
    os.write(write_end, b"\xe9a")
    assert keys._getc(None) == 0xEF and stuffed == [0xBF, 0xBD, ord("a")]  # "\ufffda"
    os.close(write_end)
    assert keys._getc(None) == -1  # end of input


def test_the_key_reader_is_readlines_only_while_a_line_is_read(pipe: tuple[int, int]) -> None:
    import ctypes

    hook = ctypes.c_void_p(1234)  # readline's own reader
    keys = guided._Utf8Keys(lambda byte: 1, pipe[0], hook)
    with keys.reading():
        assert hook.value == keys.address
    assert hook.value == 1234
    with pytest.raises(EOFError), keys.reading():
        raise EOFError
    assert hook.value == 1234


def test_ctrl_c_while_readline_runs_the_key_reader_ends_the_line_and_then_interrupts(
    pipe: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl-C that Python handled inside the key reader (C calling Python) could not go
    # anywhere: ctypes printed "Exception ignored on calling ctypes callback function …
    # KeyboardInterrupt" with a traceback, and the Ctrl-C was lost (seen on a long paste).
    import signal
    import sys

    read_end, write_end = pipe
    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    queued: list[int] = []

    def stuff(byte: int) -> int:  # Ctrl-C arrives while the rest of "é" is queued
        if not queued:
            signal.raise_signal(signal.SIGINT)
        queued.append(byte)
        return 1

    keys = guided._Utf8Keys(stuff, read_end)
    os.write(write_end, "é and more".encode())
    with pytest.raises(KeyboardInterrupt), keys.reading():  # raised once readline returns
        assert keys.callback(None) == 0xC3  # called from C, as readline calls it
        assert queued == [0xA9, ord("\n")]  # the line ends after the é
        assert keys.callback(None) == ord("\n")  # and nothing more is read
    assert unraisable == []
    assert os.read(read_end, 100) == b" and more"


def test_ctrl_c_while_waiting_for_a_key_ends_the_line_and_interrupts(
    pipe: tuple[int, int],
) -> None:
    import signal
    import threading

    read_end, _ = pipe
    keys = guided._Utf8Keys(lambda byte: 1, read_end)
    timer = threading.Timer(0.2, signal.raise_signal, (signal.SIGINT,))
    with pytest.raises(KeyboardInterrupt), keys.reading():
        timer.start()
        assert keys.callback(None) == ord("\n")  # no key came: the wait ends all the same


def test_an_interrupted_line_is_an_interrupt(monkeypatch: pytest.MonkeyPatch) -> None:
    keys = guided._Utf8Keys(lambda byte: 1, 0)
    monkeypatch.setattr(guided._Utf8Keys, "installed", keys)

    def ctrl_c_in_the_middle(prompt: str = "") -> str:
        keys.signalled = __import__("signal").SIGINT
        return "half a line"

    monkeypatch.setattr(builtins, "input", ctrl_c_in_the_middle)
    with pytest.raises(KeyboardInterrupt):
        guided.LineReader(readline=True).read("Tags: ", lambda text: None)


def answering_ok(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """input() answers "ok" to every prompt; the prompts it was given."""
    asked: list[str] = []

    def answer(prompt: str = "") -> str:
        asked.append(prompt)
        return "ok"

    monkeypatch.setattr(builtins, "input", answer)
    return asked


def test_without_readline_the_prompt_goes_to_stderr_and_with_it_to_readline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = answering_ok(monkeypatch)
    shown: list[str] = []
    monkeypatch.setattr(guided._Utf8Keys, "installed", None)
    assert guided.LineReader().read("\nTags: ", shown.append) == "ok"
    assert (shown, asked) == (["\nTags: "], [""])
    shown.clear()
    asked.clear()
    # readline is told the prompt's last line, so that it redraws a long line in its place
    assert guided.LineReader(readline=True).read("\nTags: ", shown.append) == "ok"
    assert (shown, asked) == (["\n"], ["Tags: "])


def test_if_stdout_cannot_be_pointed_at_the_terminal_lines_are_read_without_readline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = answering_ok(monkeypatch)
    shown: list[str] = []
    reader = guided.LineReader(readline=True, terminal=987654)  # not an open descriptor
    assert reader.read("Setting: ", shown.append) == "ok"
    # the prompt never goes to the redirected stdout (input()'s own prompt would)
    assert (shown, asked, reader.readline, reader.terminal) == (["Setting: "], [""], False, None)
