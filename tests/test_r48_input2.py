"""Round 48: bad input (fix_input2). Text behind a UTF-16 or UTF-32 byte order mark is read
when it decodes and holds no control character, private-use or unassigned code point (short
texts, Japanese, scripts mixed were refused as "not text"); binary behind one is refused and,
piped in, kept as a draft with its bytes; names and aliases refuse line separators and
characters that turn text around, and an alias's control character comes before the
one-letter hint; `drift --stdin` says "Standard input" as `write --stdin` does."""

from __future__ import annotations

import codecs
import json
import zlib
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.cli.editor import NotTextError, decode
from test_damaged_journal_r29 import said

# the texts QA piped in as UTF-16 and UTF-32 (short ones with no final newline, Japanese with
# ー, 々 and half-width kana, scripts mixed), that were refused as not text
TEXTS = [
    "你好", "日本", "😀", "😀😀", "ñ", "Ω", "ок", "ǅ", "スーパーで買い物。", "コーヒー", "時々",
    "ｺｰﾋｰ",
    "Spoke with Dimitris (Δημήτρης) and Olga (Ольга) today.", "Hi 你好 Zoë Привет", "שלום سلام",
    "今天和Иван聊天", "Ｍｒ．田中", "今天我和同伴聊了很久。", "오늘 동료와 이야기했다.",
    "تحدثت مع زميلي اليوم", "आज मैंने बात की।", "Καλημέρα", "สวัสดี",
]
MARKS = {"UTF-16LE": codecs.BOM_UTF16_LE, "UTF-16BE": codecs.BOM_UTF16_BE,
         "UTF-32LE": codecs.BOM_UTF32_LE, "UTF-32BE": codecs.BOM_UTF32_BE}
# what `printf '\xff\xfe\x00a'` pipes: a byte order mark, then a NUL byte and "a" (read: 愀)
MARKED_BINARY = b"\xff\xfe\x00a"
NOT_TEXT = "Standard input is not text: it starts with a UTF-16 byte order mark"


def _marked(text: str, encoding: str) -> bytes:
    return MARKS[encoding] + text.encode(encoding.lower())


@pytest.mark.parametrize("encoding", list(MARKS))
@pytest.mark.parametrize("end", ["", "\n"])
def test_text_behind_a_byte_order_mark_reads_in_either_byte_order(encoding: str, end: str) -> None:
    """Was: 22 of 138 real files refused as "not text" (too short, kana, scripts mixed)."""
    for text in TEXTS:
        assert decode(_marked(text + end, encoding), "x") == text + end


@pytest.mark.parametrize("text", ["你好", "😀", "ｺｰﾋｰ", "スーパーで買い物。", "Hi 你好 Zoë Привет",
                                  "Spoke with Dimitris (Δημήτρης) and Olga (Ольга) today."])
def test_short_japanese_and_mixed_utf16_is_saved_from_stdin(cli: CLI, text: str) -> None:
    """Was: `printf '你好' | iconv -t UTF-16 | peerjournal write --stdin` refused, exit 1."""
    result = cli("write", "--stdin", input=text.encode("utf-16"))
    assert result.exit_code == 0, result.stderr
    assert "it was read as UTF-16" in said(result.stderr)
    listed = cli("list", "--json")
    assert [entry["experience"] for entry in json.loads(listed.stdout)] == [text]


def test_a_utf16_backup_and_a_utf16_jrnl_file_are_imported(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: both refused as not text (a Greek and Cyrillic name among English words)."""
    text = "Spoke with Dimitris (Δημήτρης) and Olga (Ольга) today."
    assert cli("write", "-x", text).exit_code == 0
    backup = tmp_path / "backup.json"
    backup.write_bytes(cli("export", "--full").stdout.encode("utf-16"))
    jrnl = tmp_path / "jrnl.txt"
    jrnl.write_bytes("2026-11-19 10:30 今天和Иван聊天.\nHi 你好 Zoë Привет\n".encode("utf-16"))
    for path in (backup, jrnl):
        monkeypatch.setenv("PEERJOURNAL_HOME", str(tmp_path / path.stem))  # (a new journal)
        result = cli("import", str(path))
        assert result.exit_code == 0, result.stderr
        assert "it was read as UTF-16" in said(result.stderr)
        assert "Imported 1 entry" in said(result.stderr + result.stdout)


def _binary() -> list[bytes]:
    """Binary files' first bytes behind a byte order mark: a PNG, an ELF program, a SQLite
    journal, zlib data (each of them a control or unassigned character within a few)."""
    heads = [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
             b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00",
             b"SQLite format 3\x00\x10\x00\x01\x01\x00@  \x00",
             zlib.compress(bytes(range(256)) * 4)[:32]]
    return [mark + head for head in heads for mark in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)]


@pytest.mark.parametrize("data", [MARKED_BINARY, b"\xfe\xff\x61\x00", *_binary()])
def test_binary_behind_a_byte_order_mark_is_refused(data: bytes) -> None:
    """A lone U+xx00 past Latin-1 (a NUL byte, read as 愀) is binary; so is a control."""
    with pytest.raises(NotTextError):
        decode(data, "x")


def test_one_letter_behind_a_mark_reads_unless_it_is_a_nul_byte() -> None:
    assert decode(b"\xfe\xff\x00a", "x") == "a"  # (big-endian: 00 61 is "a")
    assert decode(codecs.BOM_UTF16_LE + "一a".encode("utf-16-le"), "x") == "一a"


@pytest.mark.parametrize("data", [MARKED_BINARY, _binary()[0],
                                  b"\xff\xfe\x00\xd8a\x00b\x00"])  # (half a pair: not valid)
def test_refused_stdin_is_kept_as_a_draft_with_its_bytes(
    cli: CLI, isolated: Path, data: bytes
) -> None:
    """Was: refused, nothing kept (docs/writing.md: "refused, and kept as a draft")."""
    result = cli("write", "--stdin", input=data)
    assert result.exit_code == 1
    assert "Standard input is not" in result.stderr and "Your words are kept as draft 1" in said(
        result.stderr)
    assert "Traceback" not in result.stderr
    [draft] = (isolated / "drafts").glob("*.md")
    assert (isolated / "drafts" / "originals" / draft.name).read_bytes() == data
    assert cli("list", "--json").stdout.strip() in ("", "[]")


def test_drift_says_standard_input_as_write_does(cli: CLI) -> None:
    """Was: "peerjournal: standard input is not text" (write: "Standard input")."""
    for command in (("drift", "--stdin"), ("write", "--stdin")):
        result = cli(*command, input=MARKED_BINARY)
        assert result.exit_code == 1
        assert result.stderr.startswith(f"peerjournal: {NOT_TEXT}"), result.stderr


CONTROL = "cannot hold control characters (such as a pasted escape code): type it again."


@pytest.mark.parametrize("alias", ["A\x07", "A\u202e", "A\u2066", "\u202dML", "ML\u2069",
                                   "M\u2028L", "M\u2029L"])
def test_an_alias_with_a_control_character_is_refused_before_the_one_letter_hint(
    cli: CLI, alias: str
) -> None:
    """Was: `people add Maria --alias $'A\\x07'` hinted `--alias A\\x07`; U+202E, U+2028 were
    added."""
    result = cli("people", "add", "Maria", "--alias", alias)
    assert result.exit_code == 1
    assert result.stderr == f"peerjournal: An alias {CONTROL}\n"
    assert cli("people", "list", "--json").stdout.strip() in ("", "[]")


@pytest.mark.parametrize("odd", ["\u202e", "\u202b", "\u2067", "\u2068"])
def test_a_name_that_turns_text_around_is_refused(cli: CLI, odd: str) -> None:
    """Was: "Maria\\u202eLopez" added, shown as "MariazepoL" in a list."""
    result = cli("people", "add", f"Maria{odd}Lopez")
    assert result.exit_code == 1
    assert result.stderr == f"peerjournal: A name {CONTROL}\n"


def test_a_name_with_zwnj_or_a_right_to_left_mark_is_still_added(cli: CLI) -> None:
    """ZWNJ is part of Persian spelling; a mark (U+200F) turns nothing around."""
    for name in ("Mehr\u200cdad", "דנה\u200f"):
        result = cli("people", "add", name)
        assert result.exit_code == 0, result.stderr
