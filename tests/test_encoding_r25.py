"""A file that is not UTF-8 is refused with a guess at what it is (round 25 QA: UTF-16 saved
without its byte order mark, and Latin-1, got no hint, so the writer could not tell how to
save it again)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CLI

TEXT = "I walked with Zoë to the café, and we talked about music.\n"


@pytest.mark.parametrize(
    ("encoding", "guess"),
    [  # (Latin-1 and Windows-1252 are read as that since round 32, by import since 41: below)
        ("utf-16-le", "it looks like UTF-16 saved without a byte order mark"),
        ("utf-16-be", "it looks like UTF-16 saved without a byte order mark"),
    ],
)
def test_a_file_in_another_encoding_is_refused_with_a_guess(
    cli: CLI, isolated: Path, tmp_path: Path, encoding: str, guess: str
) -> None:
    path = tmp_path / "entry.txt"
    path.write_bytes(TEXT.encode(encoding))
    for command in [("import", str(path)), ("write", "--from-file", str(path))]:
        result = cli(*command)
        assert result.exit_code == 1, result.stderr
        assert result.stderr.startswith(f"peerjournal: {path} is not UTF-8 text")
        # (`import` goes on, on the same line, with how to convert it: round 42)
        iconv = f"iconv -f {encoding.upper().replace('16-', '16')} -t UTF-8 {path} > "
        ending = f" To convert it: `{iconv}" if command[0] == "import" else "\n"
        assert f"; {guess}: save it as UTF-8 and try again.{ending}" in result.stderr
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert cli("list", "--json").stdout.strip() in ("", "[]")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
@pytest.mark.parametrize("command", ["write", "import"])
def test_write_reads_a_western_file_in_windows_1252_and_says_so(
    cli: CLI, isolated: Path, tmp_path: Path, encoding: str, command: str
) -> None:
    path = tmp_path / "entry.txt"
    header = "[2026-11-20 18:00] " if command == "import" else ""  # (a jrnl journal)
    path.write_bytes((header + TEXT).encode(encoding))
    result = cli(*(["write", "--from-file"] if command == "write" else ["import"]), str(path))
    assert result.exit_code == 0, result.stderr
    assert "Windows-1252" in result.stderr
    assert [e["experience"] for e in json.loads(cli("list", "--json").stdout)] == [TEXT.strip()]


def test_utf16_of_plain_ascii_is_named_not_called_binary(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    # every second byte NUL: it used to read "The text contains NUL bytes; is this a binary file?"
    path = tmp_path / "entry.txt"
    path.write_bytes("We walked to the shop together.\n".encode("utf-16-le"))
    result = cli("write", "--from-file", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path} is not UTF-8 text; it looks like UTF-16 saved without a byte "
        "order mark: save it as UTF-8 and try again.\n"
    )


def test_binary_bytes_get_no_guess(cli: CLI, isolated: Path, tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    result = cli("write", "--from-file", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path} is not UTF-8 text (at byte 1); save it as UTF-8 and try again.\n"
    )


def test_a_pdf_export_says_which_characters_its_font_cannot_show(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    # round 25 QA: Chinese, Arabic and emoji became � in the PDF, said only in its footnote
    text = "李伟和我一起去了住房办公室。I shared my own story 😊."  # 13 Han, 。 and 😊
    assert cli("write", "-x", text, "--share").exit_code == 0
    pdf = cli("export", "--format", "pdf", "--output", str(tmp_path / "s.pdf"), "--yes")
    assert pdf.exit_code == 0 and (tmp_path / "s.pdf").exists()
    assert (
        "15 different characters in your text are not in the PDF's font (😊 李 伟 和 我 …): the "
        "PDF shows each as �. `--format html` or `--format md` shows them." in pdf.stderr
    )
    markdown = cli("export", "--format", "md", "--output", str(tmp_path / "s.md"), "--yes")
    assert markdown.exit_code == 0 and "PDF's font" not in markdown.stderr


def test_a_pdf_of_latin_greek_and_cyrillic_text_has_no_such_warning(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    assert cli("write", "-x", "Łódź café with Zoë, Γιώργος and Дмитрий.", "--share").exit_code == 0
    pdf = cli("export", "--format", "pdf", "--output", str(tmp_path / "s.pdf"), "--yes")
    assert pdf.exit_code == 0 and "PDF's font" not in pdf.stderr
