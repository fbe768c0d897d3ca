"""export and review after the mentor-side QA of round 33.

Before: `review notes.txt` holding the one word "notes" said the file "ends part-way through
(cut short …)", and a folder holding such a readme failed with exit 1 rather than skip it;
`export -o x.svg` (or .docx) wrote Markdown under that name with exit 0; and `export --yes
--no-redact` said nothing on stderr of the names left in the file.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI

CUT_SHORT = "ends part-way through"
NOT_JSON = "not a summary (not JSON)"
TITLE = "# Reflective-practice summary"
WRITTEN = "Sat with Sam on the bench; we talked about his week."


@pytest.fixture
def journal(cli: CLI, add: Callable[..., int]) -> None:
    """A journal with Sam on the people list and one shared entry naming him."""
    assert cli("people", "add", "Sam").exit_code == 0
    entry = add(WRITTEN)
    assert cli("share", str(entry)).exit_code == 0


# -- M3: a text file that never was JSON is no summary cut short -------------------------------


@pytest.mark.parametrize("text", ["notes\n", "hello", "n", "\ufeffnotes\n", "  nul"])
def test_a_word_alone_is_not_a_summary_rather_than_cut_short(
    cli: CLI, tmp_path: Path, text: str
) -> None:
    note = tmp_path / "a.txt"
    note.write_text(text, encoding="utf-8")
    result = cli("review", str(note))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: {note}: {NOT_JSON}; `peerjournal review` reads the file made by "
        "`peerjournal export --format json`.\n"
    )


@pytest.mark.parametrize("start", ["", "\ufeff", " \n\t"])
def test_a_summary_cut_short_after_white_space_or_a_byte_order_mark_still_says_so(
    cli: CLI, tmp_path: Path, start: str
) -> None:
    cut = tmp_path / "cut.json"
    cut.write_text(start + '{"schema": "peerjournal.summary/1", "wri', encoding="utf-8")
    result = cli("review", str(cut))
    assert result.exit_code == 1 and CUT_SHORT in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.usefixtures("journal")
def test_a_folder_skips_a_readme_of_one_word_and_reads_the_summary(
    cli: CLI, tmp_path: Path
) -> None:
    folder = tmp_path / "summaries"
    folder.mkdir()
    exported = cli("export", "--yes", "-o", str(folder / "november.json"))
    assert exported.exit_code == 0, exported.stderr
    (folder / "readme.txt").write_text("notes\n", encoding="utf-8")
    result = cli("review", str(folder))
    assert result.exit_code == 0, result.stderr
    assert f"peerjournal: skipped {folder / 'readme.txt'}: {NOT_JSON}" in result.stderr
    assert CUT_SHORT not in result.stderr
    assert "[person]" in result.stdout and "Sam" not in result.stdout


# -- L1: an --output extension that is no format's is refused ---------------------------------


@pytest.mark.usefixtures("journal")
@pytest.mark.parametrize("name", ["x.svg", "x.docx", "summary.mp4", "S.XLSX"])
@pytest.mark.parametrize("yes", [["--yes"], []], ids=["yes", "preview"])
def test_an_extension_of_no_format_is_refused_before_anything(
    cli: CLI, tmp_path: Path, name: str, yes: list[str]
) -> None:
    target = tmp_path / name
    result = cli("export", *yes, "-o", str(target), input="y\n")
    assert result.exit_code == 2 and result.stdout == ""
    extension = name.rsplit(".", 1)[1].lower()
    assert result.stderr == (
        f"peerjournal: --output {target}: there is no .{extension} format. Name the file .md, "
        ".html, .pdf, .json or .csv (.txt holds Markdown), or choose one with --format md, "
        "html, pdf, json or csv. Nothing was written.\n"
    )
    assert not target.exists()


@pytest.mark.usefixtures("journal")
@pytest.mark.parametrize("name", ["notes", "notes.txt", "NOTES.TXT", "summary.2026-12", "s.text"])
def test_a_name_without_a_format_s_extension_but_plain_text_is_markdown(
    cli: CLI, tmp_path: Path, name: str
) -> None:
    target = tmp_path / name
    result = cli("export", "--yes", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert f"Wrote {target} (" in result.stderr
    written = target.read_text(encoding="utf-8")
    assert written.startswith(TITLE) and "[person]" in written and "Sam" not in written


@pytest.mark.usefixtures("journal")
def test_format_chooses_what_is_written_under_any_name(cli: CLI, tmp_path: Path) -> None:
    target = tmp_path / "x.svg"
    result = cli("export", "--yes", "--format", "html", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").lower().startswith("<!doctype html")


@pytest.mark.usefixtures("journal")
def test_a_full_backup_is_json_under_any_name(cli: CLI, tmp_path: Path) -> None:
    """--full has one format: the name's extension chooses nothing, so none is refused."""
    target = tmp_path / "backup.bak"
    result = cli("export", "--full", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    backup = json.loads(target.read_text(encoding="utf-8"))
    assert [e["experience"] for e in backup["entries"]] == [WRITTEN]


# -- L7: --no-redact is said on stderr, as the file's header says it ---------------------------


def unredacted(where: str) -> str:
    return (f"UNREDACTED: names and identifiers were NOT removed from the summary {where} "
            "(--no-redact); share it only with someone who may read them.")


@pytest.mark.usefixtures("journal")
@pytest.mark.parametrize("yes", [["--yes"], []], ids=["yes", "preview"])
def test_an_unredacted_file_is_said_to_be_so_after_it_is_written(
    cli: CLI, tmp_path: Path, yes: list[str], terminal: None
) -> None:
    target = tmp_path / "s.md"
    result = cli("export", *yes, "--no-redact", "-o", str(target), input="y\n")
    assert result.exit_code == 0, result.stderr
    *_, wrote, reminder = result.stderr.splitlines()
    assert f"Wrote {target} (" in wrote and reminder == unredacted(f"in {target}")
    assert "Sam" in target.read_text(encoding="utf-8")


@pytest.mark.usefixtures("journal")
def test_an_unredacted_summary_on_standard_output_is_said_to_be_so(cli: CLI) -> None:
    result = cli("export", "--yes", "--no-redact")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(TITLE) and WRITTEN.replace("_", "") in result.stdout
    assert result.stderr.splitlines()[-1] == unredacted("on standard output")


@pytest.mark.usefixtures("journal")
def test_a_redacted_summary_says_nothing_of_names_left_in(cli: CLI, tmp_path: Path) -> None:
    result = cli("export", "--yes", "-o", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    assert "UNREDACTED" not in result.stderr and "NOT removed" not in result.stderr
