"""Round 48: bad input (fix_input). Binary that starts with a byte order mark is refused as
not text, and text honoured by one says so; an alias holds no control character, as a name
does not; an entry ID typed after an option's value gets the ID's message; every --resume
value that is no draft's number gets the same message; a damaged journal's export says the
damage once; an oversized draft is not offered `echo y | …`, which would fail again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, SRC
from peerjournal.entry import MAX_TEXT_CHARS
from test_damaged_journal_r29 import garbage, journal, root_page, said
from test_r45_newcomer2 import _one_line_usage_error as _usage_error

# what `printf '\xff\xfe\x00a'` pipes: a UTF-16 byte order mark, then bytes that read as 愀
MARKED_BINARY = b"\xff\xfe\x00a"
NOT_TEXT = "is not text: it starts with a UTF-16 byte order mark"


def _one_line(result: object) -> str:
    """The stderr of a refusal: one line, no traceback, exit not 0."""
    assert result.exit_code != 0, result.stdout  # type: ignore[attr-defined]
    stderr: str = result.stderr  # type: ignore[attr-defined]
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert "Traceback" not in stderr
    return stderr


def _experiences(cli: CLI) -> list[str]:
    listed = cli("list", "--json")
    assert listed.exit_code == 0, listed.stderr
    return [entry["experience"] for entry in json.loads(listed.stdout)]


def _people(cli: CLI) -> list[str]:
    listed = cli("people", "list", "--json")
    assert listed.exit_code == 0, listed.stderr
    return [person["name"] for person in json.loads(listed.stdout)]


# -- 1. binary behind a byte order mark is not text ------------------------------------------


@pytest.mark.parametrize("command", [["write", "--stdin"], ["drift", "--stdin"],
                                     ["people", "add", "-"]])
def test_binary_behind_a_byte_order_mark_is_refused_as_not_text(
    cli: CLI, command: list[str]
) -> None:
    """Was: exit 0, an entry (or a person) "愀" saved without a word."""
    stderr = _one_line(cli(*command, input=MARKED_BINARY))
    assert NOT_TEXT in stderr and "愀" not in stderr
    assert _experiences(cli) == []
    assert _people(cli) == []


@pytest.mark.parametrize("data", [
    "\x01\x02\x03\x04\x05".encode("utf-16"),  # control codes
    "\ue000\ue001\ue002\ue003\ue004".encode("utf-16"),  # private use
    b"\xff\xfe" + "\U0001f600".encode("utf-16-le")[:2] + b"a\x00",  # half a pair
    b"\xff\xfeH\x00i",  # an odd number of bytes
])
def test_what_does_not_read_as_text_in_its_marks_encoding_is_refused(
    cli: CLI, data: bytes
) -> None:
    stderr = _one_line(cli("write", "--stdin", input=data))
    assert "Standard input is not" in stderr and "UTF-16" in stderr
    assert _experiences(cli) == []


def test_import_of_binary_behind_a_mark_says_not_text(cli: CLI, tmp_path: Path) -> None:
    """Was: "line 1: expected a jrnl entry header"."""
    path = tmp_path / "photo.bin"
    path.write_bytes(MARKED_BINARY)
    stderr = _one_line(cli("import", str(path)))
    assert f"{path} {NOT_TEXT}" in stderr and "jrnl" not in stderr


def test_a_notepad_utf16_entry_is_saved_and_said_to_be_read_as_utf16(cli: CLI) -> None:
    text = "Zoë and I sat in the café.\r\nWe talked about her week.\r\n"
    result = cli("write", "--stdin", input=text.encode("utf-16"))  # (BOM, little-endian)
    assert result.exit_code == 0, result.stderr
    assert ("Standard input is not UTF-8: it was read as UTF-16, as its byte order mark says, "
            "so its letters are kept; check them in the entry.") in said(result.stderr)
    assert _experiences(cli) == ["Zoë and I sat in the café.\nWe talked about her week."]


@pytest.mark.parametrize("text", ["今天我和玛丽亚聊了很久。她说她很累。",
                                  "今日は彼女と長く話した。カフェで。",
                                  "오늘은 마리아와 오래 이야기했다.",
                                  "Мы долго говорили с Марией."])
def test_utf16_text_in_other_scripts_still_reads(cli: CLI, text: str) -> None:
    result = cli("drift", "--stdin", input=b"\xfe\xff" + text.encode("utf-16-be"))  # (big-endian)
    assert result.exit_code == 0, result.stderr
    assert text in result.stdout
    assert "it was read as UTF-16" in said(result.stderr)


def test_people_from_a_utf16_list_are_added_and_it_is_said(cli: CLI) -> None:
    result = cli("people", "add", "-", input="Мария\r\nLi Ming\r\n".encode("utf-16"))
    assert result.exit_code == 0, result.stderr
    assert "it was read as UTF-16" in said(result.stderr)
    assert sorted(_people(cli)) == ["Li Ming", "Мария"]


# -- 2. an alias holds no control character ---------------------------------------------------


@pytest.mark.parametrize("alias", ["\x07", "friend\x1b[31m", "a\x00b"])
def test_an_alias_with_a_control_character_is_refused_as_a_name_is(
    cli: CLI, alias: str
) -> None:
    """Was: "exports will show \\x07 instead", and the export showed nothing there."""
    stderr = _one_line(cli("people", "add", "Maria", "--alias", alias))
    assert ("An alias cannot hold control characters (such as a pasted escape code): type it "
            "again.") in stderr
    assert _people(cli) == []
    named = _one_line(cli("people", "add", "Maria\x07"))
    assert "A name cannot hold control characters" in named
    assert cli("people", "add", "Maria", "--alias", "friend M").exit_code == 0


# -- 3. an entry ID after an option's value -------------------------------------------------


@pytest.mark.parametrize(("args", "message"), [
    (["-s", "ward", "0"], "0 is not an entry ID; IDs start at 1"),
    (["-t", "x", "5-2"], "5-2 is not a range of entry IDs: give the lower ID first"),
    (["--add-tag", "x", "0"], "0 is not an entry ID; IDs start at 1"),
    (["-t", "x", "-3"], "-3 is not an entry ID; IDs start at 1"),
])
def test_an_id_after_an_options_value_gets_the_ids_message(
    cli: CLI, add: Callable[..., int], args: list[str], message: str
) -> None:
    """Was: "'0' is not part of -s: a value of more than one word goes in quotes…"."""
    add()
    stderr = _usage_error(cli("edit", *args))
    assert message in stderr and "is not part of" not in stderr


def test_words_after_an_options_value_still_get_the_quoting_hint(
    cli: CLI, add: Callable[..., int]
) -> None:
    add()
    stderr = _usage_error(cli("edit", "-s", "crisis", "team", "0"))
    assert "'team' is not part of -s" in stderr and '-s "crisis team"' in stderr


# -- 4. --resume with no draft's number ----------------------------------------------------------


@pytest.mark.parametrize("value", ["", " ", "1-99999999999999999999", "1 2", "abc"])
def test_a_resume_value_that_is_no_number_gets_one_message(cli: CLI, value: str) -> None:
    """Was: "" and a long range said "A quick entry's text goes after -x"."""
    stderr = _usage_error(cli("write", "--resume", value))
    shown = value.strip() or '""'
    assert (f"--resume {shown}: give a draft's number (see `peerjournal drafts`). Nothing was "
            "changed.") in stderr


# -- 5. a damaged journal's export says so once ---------------------------------------------------


@pytest.fixture
def damaged(add: Callable[..., int], isolated: Path) -> Path:
    """A journal with garbage over its search index: every entry still reads."""
    path = journal(add, isolated)
    garbage(path, root_page(path, "entry_fts_data"))
    return path


def test_a_backup_of_a_damaged_journal_says_the_damage_once(
    cli: CLI, damaged: Path, tmp_path: Path
) -> None:
    """Was: "what is shown may be incomplete", then "though every entry … could still be
    read"."""
    out = tmp_path / "backup.json"
    result = cli("export", "--full", "--output", str(out))
    assert result.exit_code == 4
    stderr = said(result.stderr)
    assert stderr.count(f"The journal at {damaged} is damaged") == 1
    assert "may be incomplete" not in stderr
    assert "though every entry and record in it could still be read" in stderr


def test_a_summary_of_a_damaged_journal_says_the_damage_once(
    cli: CLI, damaged: Path, tmp_path: Path
) -> None:
    """Was: the damage said in the Journal ID's note and again after it, with "Nothing in
    the journal was lost or changed"."""
    result = cli("export", "-y", "--output", str(tmp_path / "summary.md"))
    assert result.exit_code == 0, result.stderr
    stderr = said(result.stderr)
    assert stderr.count(f"The journal at {damaged} is damaged") == 1
    assert "This summary carries no Journal ID: the journal could not store one, as it is " \
           "damaged." in stderr
    assert "Nothing in the journal was lost or changed" not in stderr


# -- 6. an oversized draft is not offered a save that fails -----------------------------------


def test_an_oversized_draft_is_offered_the_editor_not_a_piped_yes(isolated: Path) -> None:
    folder = isolated / "drafts"
    folder.mkdir(parents=True, exist_ok=True)
    draft = folder / "20250101-120000.md"
    words = "word " * (MAX_TEXT_CHARS // 5 + 20_000)
    draft.write_text(f"## Experience\n{words}\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "peerjournal", "write", "--resume"],
                         env={**os.environ, "PYTHONPATH": SRC}, stdin=subprocess.DEVNULL,
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 1
    last = run.stderr.splitlines()[-1]
    assert "echo y" not in last
    assert (f"`peerjournal write --resume`, in a terminal, opens it to cut it down: at "
            f"{len(words.strip()):,} characters, it is too long to save as it is (an entry "
            f"holds at most {MAX_TEXT_CHARS:,} in each part).") in last
    assert draft.read_text(encoding="utf-8") == f"## Experience\n{words}\n"
