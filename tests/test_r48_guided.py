"""Round 48 (QA: a tired peer supporter over SSH, pasting from a phone): a CRLF is one line end
in a guided write; everyday yeses ("yeah", "yep", "sure") answer a [Y/n] question; a setting
typed at the day question, or a feeling typed at the Setting, is asked about; `people add`
with no name takes names one a line."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, Keys
from test_guided_r31 import TO_TAGS
from test_guided_r33 import Terminal, _on_a_terminal
from test_write import entries

LATE = "2026-11-21T00:40:00+00:00"  # the day question is asked: about Fri 20 Nov?
NOT_Y_OR_N = "Please answer y"

# -- 1. a CRLF (or a lone CR) is one line end ---------------------------------------------------


@pytest.fixture
def on_a_terminal(isolated: Path, journal_template: Path, tmp_path: Path) -> Iterator[Terminal]:
    yield from _on_a_terminal(isolated, journal_template, tmp_path)


def _draft_entry(home: Path) -> dict[str, Any]:
    try:
        [draft] = (home / "drafts").glob("*.json")
        entry: dict[str, Any] = json.loads(draft.read_text(encoding="utf-8"))["entry"]
    except ValueError:  # none yet, or being replaced
        return {}
    return entry


def test_on_a_terminal_a_pasted_crlf_is_one_line_end(
    on_a_terminal: Terminal, isolated: Path
) -> None:
    """Before: the paste's last CRLF ended the experience ("line one\\n\\nline two"), the
    writer's own Enter skipped the feelings, and "calm" went to the follow-up question."""
    terminal = on_a_terminal
    terminal.type(b"line one from phone\r\nline two\r\n")
    pasted = "line one from phone\nline two"
    assert terminal.read(20, lambda: _draft_entry(isolated).get("experience") == pasted)
    assert b"2/3" not in terminal.shown  # the experience has not ended
    terminal.type(b"\r")
    assert terminal.read(20, lambda: b"2/3" in terminal.shown)
    terminal.type(b"calm\r")
    assert terminal.read(20, lambda: _draft_entry(isolated).get("feelings") == "calm")
    assert _draft_entry(isolated)["answers"] == {}


def test_the_key_reader_hands_a_crlf_over_as_one_enter(key_pipe: tuple[int, int]) -> None:
    from peerjournal.cli import guided

    read_end, write_end = key_pipe
    keys = guided._Utf8Keys(lambda byte: 1, read_end)
    os.write(write_end, b"a\r\nb\r\r")
    assert [chr(keys._getc(None)) for _ in range(5)] == ["a", "\r", "b", "\r", "\r"]


def test_the_key_reader_hands_over_a_line_feed_typed_later(key_pipe: tuple[int, int]) -> None:
    """Ctrl-J typed on its own after an Enter is a key of its own."""
    from peerjournal.cli import guided

    read_end, write_end = key_pipe
    keys = guided._Utf8Keys(lambda byte: 1, read_end)
    os.write(write_end, b"\r")
    assert keys._getc(None) == ord("\r")
    time.sleep(guided._Utf8Keys.CRLF_WAIT * 2)
    os.write(write_end, b"\n")
    assert keys._getc(None) == ord("\n")


def test_the_line_feed_of_a_crlf_is_no_more_input_waiting(key_pipe: tuple[int, int]) -> None:
    """A paste's last line, its CRLF's line feed not yet read, is not followed by more of the
    paste (`more_input_waiting`): a y there is an answer, and the draft is saved."""
    from peerjournal.cli import guided

    read_end, write_end = key_pipe
    keys = guided._Utf8Keys(lambda byte: 1, read_end)
    os.write(write_end, b"y\r\n")
    assert [chr(keys._getc(None)) for _ in range(2)] == ["y", "\r"]
    assert keys.only_a_line_feed_waits()
    os.write(write_end, b"b")
    assert not keys.only_a_line_feed_waits()


def test_ctrl_c_after_a_crlf_keeps_the_rest_without_a_blank_line_first(
    key_pipe: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("termios")
    from peerjournal.cli import guided

    read_end, write_end = key_pipe
    keys = guided._Utf8Keys(lambda byte: 1, read_end)
    os.write(write_end, b"a\r\n")
    assert [chr(keys._getc(None)) for _ in range(2)] == ["a", "\r"]
    controller, terminal = os.openpty()
    try:
        monkeypatch.setattr(guided, "_stdin_terminal", lambda: terminal)
        monkeypatch.setattr(guided._Utf8Keys, "installed", keys)
        os.write(controller, b"\nrest\r")
        assert guided._queued_input() == "rest\n"
    finally:
        os.close(controller)
        os.close(terminal)


def test_between_two_lines_the_terminal_keeps_a_carriage_return(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Before: a paste that came while no line was being read had each CR made a line feed
    by the terminal, and a CRLF read as two line ends."""
    termios = pytest.importorskip("termios")
    from peerjournal.cli import guided

    controller, terminal = os.openpty()
    try:
        monkeypatch.setattr(guided, "_stdin_terminal", lambda: terminal)
        put_back = guided._keys_as_they_come()
        os.write(controller, b"a\r\n")
        assert os.read(terminal, 10) == b"a\r\n"
        put_back()
        assert termios.tcgetattr(terminal)[0] & termios.ICRNL
    finally:
        os.close(controller)
        os.close(terminal)


@pytest.mark.parametrize("keep_bytes", [True, False])
def test_standard_input_reads_a_crlf_or_a_cr_as_a_line_end(
    monkeypatch: pytest.MonkeyPatch, keep_bytes: bool
) -> None:
    """Python reads a Unix stdin in lines ended by LF only: "community\r", and text with lone
    CRs one line. (CliRunner's stdin reads any line end, so this is tried on a real one.)"""
    import io
    import sys

    from peerjournal.cli import guided

    stdin = io.TextIOWrapper(io.BytesIO(b"community\r\nWe sat.\rCalm.\n"), newline="\n")
    monkeypatch.setattr(sys, "stdin", stdin)
    guided.forgiving_stdin(keep_bytes=keep_bytes)
    assert [sys.stdin.readline() for _ in range(3)] == ["community\n", "We sat.\n", "Calm.\n"]


# -- 2. everyday yeses and noes ------------------------------------------------------------------

YESES = ["yeah", "Yep!", "yup", "ya", "sure", "ok", "okay", "aye", "y", "yeah ok"]


@pytest.mark.parametrize("reply", YESES)
def test_an_everyday_yes_saves_the_entry(cli: CLI, keys: Callable[..., Keys], reply: str) -> None:
    """Before: "yeah" (and the rest but y) was asked again."""
    keys(*TO_TAGS, "", "", reply)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert NOT_Y_OR_N not in result.stderr
    assert entries(cli)[0]["evaluation"] == ""


@pytest.mark.parametrize("reply", ["nope", "nah", "Nope."])
def test_an_everyday_no_keeps_the_draft(
    cli: CLI, keys: Callable[..., Keys], isolated: Path, reply: str
) -> None:
    keys(*TO_TAGS, "", "", reply)
    result = cli("write")
    assert result.exit_code == 1 and "Not saved." in result.stderr
    assert NOT_Y_OR_N not in result.stderr
    assert entries(cli) == [] and list((isolated / "drafts").glob("*.json"))


@pytest.mark.parametrize(("reply", "day"), [("yeah", "2026-11-20"), ("yep", "2026-11-20"),
                                            ("nah", "2026-11-21")])
def test_an_everyday_yes_or_no_answers_the_day_question(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch, reply: str, day: str
) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", LATE)
    keys(reply, *TO_TAGS, "", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert NOT_Y_OR_N not in result.stderr
    [entry] = entries(cli)
    assert (entry["date"], entry["experience"]) == (day, "We sat.")


@pytest.fixture
def trashed(cli: CLI, add: Callable[..., int]) -> None:
    """An entry in the trash, for `trash --empty` to ask about."""
    assert cli("delete", str(add())).exit_code == 0


@pytest.mark.parametrize(("reply", "destroyed"), [("yeah", True), ("sure", True), ("Yep!", True),
                                                  ("nope", False), ("nah", False)])
def test_an_everyday_yes_or_no_answers_a_destroying_question(
    cli: CLI, trashed: None, reply: str, destroyed: bool
) -> None:
    result = cli("trash", "--empty", input=f"{reply}\n")
    assert result.exit_code == (0 if destroyed else 1), result.stderr
    assert "Please answer y or n." not in result.stderr
    assert (json.loads(cli("trash", "--json").stdout) == []) is destroyed


@pytest.mark.parametrize("reply", ["ok", "okay", "OK."])
def test_ok_only_acknowledges_a_destroying_question_and_is_asked_again(
    cli: CLI, trashed: None, reply: str
) -> None:
    result = cli("trash", "--empty", input=f"{reply}\n")
    assert result.exit_code == 1
    assert result.stderr.count("Please answer y or n.") == 1
    assert json.loads(cli("trash", "--json").stdout) != []


def test_one_table_holds_the_everyday_answers() -> None:
    from peerjournal.replies import AGAIN, confirm_reply, yes_or_no_reply

    assert [yes_or_no_reply(r) for r in YESES] == [True] * len(YESES)
    assert [yes_or_no_reply(r) for r in ("nope", "nah", "ye", "yess", "maybe", "hmm")] == [
        False, False, AGAIN, AGAIN, AGAIN, AGAIN
    ]
    assert [confirm_reply(r) for r in ("yeah", "ok", "q", "stop", "quit")] == [
        True, AGAIN, False, False, False
    ]


# -- 3. a reply that answers another question is asked about -----------------------------------


@pytest.mark.parametrize("typed", ["comunity", "community", "Crisis"])
def test_a_setting_typed_at_the_day_question_is_asked_about(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    """Before: "comunity" was added to the experience, and the setting left blank."""
    monkeypatch.setenv("PEERJOURNAL_NOW", LATE)
    meant = "crisis" if typed == "Crisis" else "community"
    keys(typed, "", "y", "", *TO_TAGS[1:], "", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert f"'{typed}' reads like a setting, not y or n: make {meant} the setting? [Y/n]" in said
    assert said.count("is this entry about yesterday") == 2
    [entry] = entries(cli)
    assert (entry["setting"], entry["experience"], entry["date"]) == (
        meant, "We sat.", "2026-11-20")


def test_a_setting_at_the_day_question_answered_no_goes_to_the_experience(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", LATE)
    keys("comunity", "n", "", *TO_TAGS, "", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "Added to the end of your experience." in result.stderr
    [entry] = entries(cli)
    assert (entry["setting"], entry["experience"]) == ("", "comunity\nWe sat.")


def test_words_at_the_day_question_still_go_to_the_experience_unasked(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", LATE)
    keys("rough one tonight", "", *TO_TAGS, "", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "reads like a setting" not in result.stderr
    assert entries(cli)[0]["experience"] == "rough one tonight\nWe sat."


@pytest.mark.parametrize("typed", [
    "gutted for him", "he cried", "tired",
    # round 48's second pass: feelings without -ed, or with for/of/with a person
    "anxious", "sad", "upset", "angry", "nervous", "guilty", "calm", "feeling anxious",
    "upset for her", "proud of her", "fed up with them", "feeling low",
])
def test_a_feeling_typed_at_the_setting_is_asked_about(
    cli: CLI, keys: Callable[..., Keys], typed: str
) -> None:
    """Before: "gutted for him" was saved as the setting, unasked."""
    keys(typed, "", *TO_TAGS, "", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "not a setting: begin your experience with it instead? [Y/n]" in result.stderr
    [entry] = entries(cli)
    assert (entry["setting"], entry["experience"]) == ("", f"{typed}\nWe sat.")


@pytest.mark.parametrize("typed", ["his flat", "her mum's house", "day centre", "short staffed"])
def test_a_place_typed_at_the_setting_is_not_asked_about(
    cli: CLI, keys: Callable[..., Keys], typed: str
) -> None:
    keys(typed, *TO_TAGS[1:], "", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "[Y/n]" not in result.stderr.replace("Save this entry? [Y/n]", "")
    assert entries(cli)[0]["setting"] == typed


# -- 5. people add with no name: names one a line -----------------------------------------------


def _people(cli: CLI) -> list[str]:
    return [p["name"] for p in json.loads(cli("people", "list", "--json").stdout)]


@pytest.mark.parametrize("lines", [["Kerry Jones", "Mo Ahmed", ""], ["Kerry Jones", "Mo Ahmed"]])
def test_people_add_at_the_prompt_takes_names_until_an_empty_line(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, terminal: None, lines: list[str]
) -> None:
    """Before: one name was read, and the second typed went to the shell (and its history).
    An empty line, or Ctrl-D (the end of the lines), adds them."""
    read = iter(lines)
    monkeypatch.setattr("builtins.input", lambda: _next_or_eof(read))
    result = cli("people", "add")
    assert result.exit_code == 0, result.stderr
    assert "Names, one a line, then Enter on an empty line to add them" in result.stderr
    assert _people(cli) == ["Kerry Jones", "Mo Ahmed"]


def _next_or_eof(lines: Iterator[str]) -> str:
    try:
        return next(lines)
    except StopIteration:
        raise EOFError from None


def test_people_add_at_the_prompt_with_json_lists_the_names(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    read = iter(["Kerry Jones", "Mo Ahmed", ""])
    monkeypatch.setattr("builtins.input", lambda: next(read))
    result = cli("people", "add", "--json")
    assert result.exit_code == 0, result.stderr
    assert [row["name"] for row in json.loads(result.stdout)] == ["Kerry Jones", "Mo Ahmed"]


def test_people_add_with_an_alias_at_the_prompt_takes_one_name(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    read = iter(["Kerry Jones", "not read"])
    monkeypatch.setattr("builtins.input", lambda: next(read))
    result = cli("people", "add", "--alias", "KJ")
    assert result.exit_code == 0, result.stderr
    assert "Name (typed here, it stays out of your shell's history)" in result.stderr
    assert _people(cli) == ["Kerry Jones"] and next(read) == "not read"


def test_people_add_at_the_prompt_with_no_name_adds_nobody(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    monkeypatch.setattr("builtins.input", lambda: "")
    result = cli("people", "add")
    assert result.exit_code == 1
    assert "No name was typed, so nobody was added." in result.stderr
