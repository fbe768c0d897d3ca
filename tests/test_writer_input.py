"""How the guided write reads the writer's keys: every byte typed is kept (as � when it is not
UTF-8), and Ctrl-C while a character is being read still interrupts. The same on a real
terminal: tests/test_qa16_writer_terminal.py."""

from __future__ import annotations

import builtins
import contextlib
import os
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.cli import guided


def _read_all(data: bytes) -> bytes:
    """`data` as the key reader hands it to readline, character by character."""
    rest = iter(data)

    def following() -> bytes:
        byte = next(rest, None)
        return b"" if byte is None else bytes([byte])

    out = b""
    for first in rest:
        out += guided._valid_character(first, following)
    return out


@settings(max_examples=300)
@given(st.binary(max_size=40))
def test_every_byte_reaches_readline_as_python_would_decode_it(data: bytes) -> None:
    # one U+FFFD for each broken piece, never a dropped byte, never a byte that readline
    # (in a UTF-8 locale) would throw away
    assert _read_all(data) == data.decode("utf-8", "replace").encode("utf-8")


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


def test_ctrl_c_while_a_character_is_read_ends_the_line_and_interrupts(
    pipe: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    read_end, _ = pipe
    keys = guided._Utf8Keys(lambda byte: 1, read_end)

    def interrupted() -> bytes:
        raise KeyboardInterrupt

    monkeypatch.setattr(keys, "character", interrupted)
    assert keys._getc(None) == ord("\n")  # readline hands back the line…
    assert keys.interrupted
    # …and reading it is an interrupt, as Ctrl-C at any other moment
    monkeypatch.setattr(guided._Utf8Keys, "installed", keys)

    def ctrl_c_in_the_middle(prompt: str = "") -> str:
        keys.interrupted = True
        return "half a line"

    monkeypatch.setattr(builtins, "input", ctrl_c_in_the_middle)
    with pytest.raises(KeyboardInterrupt):
        guided.LineReader(readline=True).read("Tags: ", lambda text: None)


def test_without_readline_the_prompt_goes_to_stderr_and_with_it_to_readline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    shown: list[str] = []

    def answer(prompt: str = "") -> str:
        asked.append(prompt)
        return "ok"

    monkeypatch.setattr(builtins, "input", answer)
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
    asked: list[str] = []
    shown: list[str] = []

    def answer(prompt: str = "") -> str:
        asked.append(prompt)
        return "ok"

    monkeypatch.setattr(builtins, "input", answer)
    reader = guided.LineReader(readline=True, terminal=987654)  # not an open descriptor
    assert reader.read("Setting: ", shown.append) == "ok"
    # the prompt never goes to the redirected stdout (input()'s own prompt would)
    assert (shown, asked, reader.readline, reader.terminal) == (["Setting: "], [""], False, None)
