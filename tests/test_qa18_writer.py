"""Round 18, the writer's side: what a tired writer meets writing and importing entries, and
what is in the journal (and the drafts folder) afterwards."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, GUIDE


def entries(cli: CLI) -> list[dict[str, Any]]:
    result = cli("list", "--json", "--limit", "0")
    assert result.exit_code == 0, result.stderr
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return sorted(data, key=lambda e: e["id"])


def drafts(home: Path) -> list[Path]:
    folder = home / "drafts"
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


def backup_of(cli: CLI, add: Any, tmp_path: Path) -> Path:
    """A journal of two entries and its full backup."""
    add("We walked to the housing office together.")
    add("A long shift on the ward; I asked Sam what he wanted said at handover.")
    path = tmp_path / "backup.json"
    result = cli("export", "--full", "--output", str(path))
    assert result.exit_code == 0, result.stderr
    return path


# -- write --from-file / stdin given JSON ------------------------------------------------------


def test_write_from_file_refuses_a_backup_instead_of_saving_it_as_one_entry(
    cli: CLI, add: Any, tmp_path: Path, isolated: Path
) -> None:
    # `write --from-file backup.json` (import was meant) stored the whole backup, every
    # entry's text, as the experience of one new entry.
    backup = backup_of(cli, add, tmp_path)
    result = cli("write", "--from-file", str(backup))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"peerjournal: {backup} holds JSON, not the Markdown entry format: `peerjournal import "
        f"{backup}` reads peerjournal's JSON (a backup, `show --json`). Nothing was saved.\n"
    )
    assert len(entries(cli)) == 2
    assert drafts(isolated) == []


def test_json_piped_into_write_is_refused_and_not_kept_as_a_draft(
    cli: CLI, add: Any, isolated: Path
) -> None:
    entry_id = add()
    shown = cli("show", str(entry_id), "--json").stdout
    result = cli("write", input=shown)
    assert result.exit_code == 1
    assert "standard input holds JSON" in result.stderr
    assert "`peerjournal import -`" in result.stderr
    assert [e["id"] for e in entries(cli)] == [entry_id]
    assert drafts(isolated) == []  # made by a program, not typed: nothing to keep


def test_a_note_that_only_starts_like_json_is_still_an_entry(cli: CLI) -> None:
    result = cli("write", input="[10:30] called back about the flat.\nWe sat together.\n")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert entry["experience"] == "[10:30] called back about the flat.\nWe sat together."


# -- the editor --------------------------------------------------------------------------------


def test_an_editor_that_deletes_its_file_says_so_rather_than_no_such_file(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated: Path
) -> None:
    script = tmp_path / "deleting_editor.py"
    script.write_text("import os, sys\nos.remove(sys.argv[-1])\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    result = cli("write", "--editor")
    assert result.exit_code == 1
    assert "No such file" not in result.stderr
    assert result.stderr.startswith("peerjournal: The editor deleted or moved the file it was "
                                    f"given ({isolated / 'drafts'}")
    assert result.stderr.endswith("); nothing was saved.\n")
    assert entries(cli) == []
    assert drafts(isolated) == []


# -- --resume and drafts -----------------------------------------------------------------------


def test_resume_with_no_draft_is_not_found(cli: CLI) -> None:
    result = cli("write", "--resume")
    assert result.exit_code == 3
    assert result.stderr == "peerjournal: There is no unfinished draft to resume.\n"
    result = cli("write", "--resume", "--draft", "2")
    assert result.exit_code == 3
    assert result.stderr == "peerjournal: There is no draft 2: there are no unfinished drafts.\n"
    result = cli("drafts", "--discard", "1")
    assert result.exit_code == 3
    assert result.stderr == "peerjournal: There is no draft 1: there are no unfinished drafts.\n"
    assert entries(cli) == []


def test_a_damaged_draft_says_which_number_discards_it(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    folder = isolated / "drafts"
    folder.mkdir(parents=True)
    damaged = folder / "20261120-100000.json"
    damaged.write_text('{"entry": {"date": "2026-11-20", "experience": "We sat', encoding="utf-8")
    newer = folder / "20261120-180000.md"
    newer.write_text("## Experience\nWe walked to the shop.\n", encoding="utf-8")
    os.utime(damaged, (1_000_000_000, 1_000_000_000))  # started first: draft 1 (round 47)
    result = cli("write", "--resume", "--draft", "1")
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "is damaged and cannot be continued: open it in a text editor to copy out what you "
        "wrote, then discard it (`peerjournal drafts --discard 1`).\n"
    )
    assert damaged.exists()  # never removed for the writer
    assert cli("drafts", "--discard", "1", "--yes").exit_code == 0
    assert drafts(isolated) == [newer]
    assert entries(cli) == []


# -- import ------------------------------------------------------------------------------------


def test_a_backup_cut_short_says_so_and_imports_nothing(
    cli: CLI, add: Any, tmp_path: Path
) -> None:
    backup = backup_of(cli, add, tmp_path)
    data = backup.read_bytes()
    cut = tmp_path / "cut.json"
    cut.write_bytes(data[: len(data) // 2])
    before = entries(cli)
    result = cli("import", str(cut))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"peerjournal: {cut}: not valid JSON: the file ends part way through (after line "
    )
    assert result.stderr.endswith(
        "), as a file cut short does (a copy or download that did not finish). Nothing was "
        "imported; import a complete copy.\n"
    )
    assert entries(cli) == before
    cut.write_bytes(b'{"schema": "peerjournal.backup/1", "entries": [{"experience": "We s')
    result = cli("import", str(cut))
    assert result.exit_code == 1 and "ends part way through (after line 1)" in result.stderr
    assert entries(cli) == before


def test_a_gzipped_backup_imports_as_the_readme_suggests_keeping_one(
    cli: CLI, add: Any, tmp_path: Path
) -> None:
    backup = backup_of(cli, add, tmp_path)
    packed = tmp_path / "backup.json.gz"
    packed.write_bytes(gzip.compress(backup.read_bytes()))
    result = cli("import", str(packed))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "Imported no entries (peerjournal backup). Skipped 2 entries already in the journal.\n"
    )
    result = cli("import", "-", input=packed.read_bytes())  # `gunzip -c` forgotten
    assert result.exit_code == 0 and "Skipped 2 entries" in result.stderr
    assert len(entries(cli)) == 2
    cut = tmp_path / "cut.json.gz"
    cut.write_bytes(packed.read_bytes()[:-20])
    result = cli("import", str(cut))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {cut} is gzip-compressed and cut short (a copy or download that did "
        "not finish); nothing was imported.\n"
    )
    assert len(entries(cli)) == 2


def test_a_gzipped_backup_restores_into_an_empty_journal(
    cli: CLI, tmp_path: Path
) -> None:
    backup = {"schema": "peerjournal.backup/1", "entries": [
        {"date": "2026-11-02", "experience": "We sat together.",
         "created_at": "2026-11-02T18:00:00+00:00"}]}
    packed = tmp_path / "backup.json.gz"
    packed.write_bytes(gzip.compress(json.dumps(backup).encode()))
    result = cli("import", str(packed))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("Imported 1 entry (peerjournal backup) on 2026-11-02")
    [entry] = entries(cli)
    assert entry["experience"] == "We sat together."


@pytest.mark.parametrize("summary_format", ["csv", "md", "html"])
def test_a_mentor_summary_is_not_blamed_for_missing_jrnl_headers(
    cli: CLI, add: Any, tmp_path: Path, summary_format: str
) -> None:
    add()
    summary = tmp_path / f"summary.{summary_format}"
    made = cli("export", "--format", summary_format, "--output", str(summary), "--yes")
    assert made.exit_code == 0, made.stderr
    result = cli("import", str(summary))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {summary}: this is a summary for a mentor, not a backup: it holds no "
        "entries to import. A backup is made with `peerjournal export --full`. Nothing was "
        "imported.\n"
    )
    assert len(entries(cli)) == 1


def test_a_markdown_entry_given_to_import_points_to_write(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "shift.md"
    path.write_text("date: 2026-11-19\n\n## Experience\nWe sat together.\n", encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path}: this looks like an entry in the Markdown format, not a journal "
        "to import: `peerjournal write --from-file FILE` saves it. Nothing was imported.\n"
    )
    assert entries(cli) == []


def test_a_spreadsheet_csv_names_the_formats_import_reads(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "entries.csv"
    path.write_text("date,experience,mood\n2026-11-02,We sat together.,ok\n", encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path}: line 1: expected a jrnl entry header like '[2026-11-20 18:30] "
        "Title'. "
        "`import` reads a peerjournal backup (`export --full`) or JSON entries, a jrnl "
        "journal or jrnl's JSON export; nothing was imported.\n"
    )
    assert entries(cli) == []


def test_a_backup_with_a_field_from_a_newer_version_says_to_upgrade(
    cli: CLI, add: Any, tmp_path: Path
) -> None:
    backup = backup_of(cli, add, tmp_path)
    data = json.loads(backup.read_text(encoding="utf-8"))
    data["entries"][0]["mood"] = "steady"
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(data), encoding="utf-8")
    result = cli("import", str(newer))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {newer}: record 1: unknown field 'mood': a backup made by a newer "
        "peerjournal? Upgrade to import it. Nothing was imported.\n"
    )
    # outside a backup (a bare array) the field is a plain error, with the fields there are
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps(data["entries"]), encoding="utf-8")
    result = cli("import", str(bare))
    assert result.stderr == (
        f"peerjournal: {bare}: record 1: unknown field 'mood' (the fields are: date, "
        "experience, feelings, evaluation, self_care, setting, mode, prompt_set, tags, answers, "
        "shared, id, created_at, updated_at). Nothing was imported.\n"
    )
    assert len(entries(cli)) == 2


# -- Ctrl-C in the middle of a line ------------------------------------------------------------


def test_ctrl_c_keeps_the_words_on_the_line_it_ended_and_resume_finishes_them(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    """The words typed on a line before Ctrl-C (no Enter yet) were thrown away: a writer
    stopping mid-sentence for the night lost that sentence. (On a real terminal, readline
    still holds them: see the pseudo-terminal test below.)"""
    from peerjournal.cli import guided

    real_read = guided.LineReader.read
    script = iter(["community", "We walked to the shop.", None])

    def read(self: guided.LineReader, prompt: str, show: Any) -> str:
        line = next(script)
        if line is None:  # Ctrl-C with these words on the line
            self.interrupted = "and then he told me about his sister"
            raise KeyboardInterrupt
        return line

    monkeypatch.setattr(guided.LineReader, "read", read)
    result = cli("write")
    assert result.exit_code == 130
    [draft] = drafts(isolated)
    assert "Interrupted. Your words are kept as draft " in result.stderr
    kept = json.loads(draft.read_text(encoding="utf-8"))["entry"]
    assert kept["experience"] == "We walked to the shop.\nand then he told me about his sister"
    monkeypatch.setattr(guided.LineReader, "read", real_read)
    answers = iter([", who lives in Leeds.", "", *[""] * 6, "y"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert entry["experience"] == (  # typing carries on the cut-off line (QA r24)
        "We walked to the shop.\nand then he told me about his sister, who lives in Leeds."
    )
    assert entry["setting"] == "community"
    assert drafts(isolated) == []


def test_ctrl_c_at_a_tag_keeps_it_as_a_tag_and_adds_nothing_to_the_answers(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    from peerjournal.cli import guided

    script = iter(["", "We sat.", "", "", "", "", "", None])

    def read(self: guided.LineReader, prompt: str, show: Any) -> str:
        line = next(script)
        if line is None:  # Ctrl-C with a half-typed tag
            self.interrupted = "hous"
            raise KeyboardInterrupt
        return line

    monkeypatch.setattr(guided.LineReader, "read", read)
    assert cli("write").exit_code == 130
    [draft] = drafts(isolated)
    kept = json.loads(draft.read_text(encoding="utf-8"))["entry"]
    assert kept["experience"] == "We sat." and kept["tags"] == ["hous"]
    assert kept["answers"] == {} and "tags" not in json.loads(draft.read_text("utf-8"))["done"]


@pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a pseudo-terminal")
def test_on_a_real_terminal_ctrl_c_keeps_the_half_typed_line(
    isolated: Path, journal_template: Path
) -> None:
    import shutil

    from test_qa16_writer_terminal import _drafts, _write_on_a_terminal

    isolated.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(journal_template, isolated / "journal.db")
    keys = [b"\r", b"We talked about the ward.\r", b"and then caf\xc3\xa9", b"\x03"]
    shown = _write_on_a_terminal(keys, None, 130)
    assert "and then caf\u00e9\r\npeerjournal: Interrupted. Your words are kept as draft " in shown
    [draft] = _drafts(isolated)
    assert json.loads(draft.read_text(encoding="utf-8"))["entry"]["experience"] == (
        "We talked about the ward.\nand then caf\u00e9"
    )


def test_from_file_dash_at_a_terminal_says_it_is_waiting_for_the_entry(
    cli: CLI, terminal: None
) -> None:
    # `write --from-file -` typed at a terminal sat silent, waiting for input nobody knew of
    result = cli("write", "--from-file", "-", input="We sat together.\n")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(
        "Reading the entry from the terminal: type or paste it, then press Ctrl-D on a line "
        "of its own.\n"
    )
    assert [e["experience"] for e in entries(cli)] == ["We sat together."]
    result = cli("import", "-", input="[2026-11-02 18:00] A visit.\n")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("Reading the file to import from the terminal; Ctrl-D ends")
    assert len(entries(cli)) == 2


def test_piped_text_gets_no_terminal_hint(cli: CLI) -> None:
    result = cli("write", "--from-file", "-", input="We sat together.\n")
    assert result.exit_code == 0 and "Ctrl-D" not in result.stderr


# -- words typed inside the template's comments ------------------------------------------------

WORDS = "We sat on the bench and he cried. I stayed."


def test_words_typed_inside_a_guidance_comment_are_not_thrown_away(
    cli: CLI, edits: Any, isolated: Path
) -> None:
    # Typed under a guiding question, before the comment's -->: the entry was "left empty",
    # and the draft holding the words was deleted.
    edits((GUIDE, f"{GUIDE}\n{WORDS}"))
    result = cli("write", "--editor")
    assert result.exit_code == 1
    [kept] = drafts(isolated)
    assert result.stderr == (
        "peerjournal: Line 12: some of your text is inside a <!-- … --> comment, where it is "
        "ignored: move it below the comment's -->. Nothing was saved. Your words are kept as "
        "draft 1: `peerjournal write --resume --draft 1`.\n"
    )
    assert kept.read_text(encoding="utf-8").split("\n")[11] == WORDS
    assert entries(cli) == []
    edits()  # resumed and closed unchanged: still kept, never discarded as blank
    result = cli("write", "--resume")
    assert result.exit_code == 1 and "Line 12: some of your text" in result.stderr
    assert drafts(isolated) == [kept]
    edits((f"\n{WORDS}", ""), ("## Feelings", f"{WORDS}\n\n## Feelings"))  # moved out
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert [e["experience"] for e in entries(cli)] == [WORDS]
    assert drafts(isolated) == []


def test_words_typed_inside_a_comment_beside_other_text_are_not_dropped(
    cli: CLI, edits: Any, isolated: Path
) -> None:
    edits((GUIDE, f"{GUIDE}\nand he cried"), ("## Feelings", "We sat.\n\n## Feelings"))
    result = cli("write", "--editor")
    assert result.exit_code == 1 and "Line 12: some of your text" in result.stderr
    assert entries(cli) == []
    assert len(drafts(isolated)) == 1


def test_tidying_the_guidance_away_is_not_mistaken_for_typing_into_it(
    cli: CLI, edits: Any, isolated: Path
) -> None:
    edits((f"     - Walk through it: {GUIDE}\n", ""), ("## Feelings", f"{WORDS}\n\n## Feelings"))
    result = cli("write", "--editor")
    assert result.exit_code == 0, result.stderr
    assert [e["experience"] for e in entries(cli)] == [WORDS]
    edits()  # a blank template closed unchanged is still not kept
    result = cli("write", "--editor")
    assert result.exit_code == 1 and "left empty" in result.stderr
    assert drafts(isolated) == []


def test_the_options_line_of_a_kept_draft_may_be_edited(
    cli: CLI, edits: Any, isolated: Path
) -> None:
    cli("write", "-s", "community", input="## Experiance\nWe sat on the bench.\n")
    edits(('"community"', '"housing office"'), ("## Experiance", "## Experience"))
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert (entry["setting"], entry["experience"]) == ("housing office", "We sat on the bench.")
    assert drafts(isolated) == []


def test_drafts_discard_json_prints_what_was_discarded(cli: CLI, isolated: Path) -> None:
    # `drafts --discard N --json` printed nothing on stdout: a script reading it failed
    cli("write", input="## Experiance\nWe sat on the bench.\n")
    [kept] = drafts(isolated)
    result = cli("drafts", "--discard", "1", "--yes", "--json")
    assert result.exit_code == 0, result.stderr
    [row] = json.loads(result.stdout)
    assert (row["number"], row["path"], row["kind"], row["first_words"]) == (
        1, str(kept), "editor", "We sat on the bench.")
    assert result.stderr.startswith("Discarded draft 1 (editor, started ")
    assert result.stderr.endswith(': "We sat on the bench.").\n')
    assert drafts(isolated) == []
    result = cli("drafts", "--discard-empty", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert result.stderr == "No draft to discard.\n"


def test_a_copy_of_a_journal_given_to_import_says_how_to_bring_it_in(
    cli: CLI, add: Any, isolated: Path, tmp_path: Path
) -> None:
    # "not UTF-8 text (at byte 107); save it as UTF-8" for a copy of journal.db
    import shutil

    add()
    copy = tmp_path / "old journal.db"
    shutil.copyfile(isolated / "journal.db", copy)
    result = cli("import", str(copy))
    assert result.exit_code == 1
    quoted = f"'{copy}'"
    assert result.stderr == (
        f"peerjournal: {copy} is a journal itself (a SQLite file), not a file to import. Open "
        f"it with `peerjournal --db {quoted} list`; to bring its entries into this journal, "
        f"make a backup of it (`peerjournal --db {quoted} export --full --output "
        "backup.json`) and import that.\n"
    )
    assert len(entries(cli)) == 1


def test_a_draft_with_a_nul_byte_is_listed_by_its_own_words(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # listed as "We sat --> together." (the parser's own marks showing through)
    script = tmp_path / "nul_editor.py"
    script.write_text(
        "import sys\nopen(sys.argv[-1], 'w').write('## Experience\\nWe sat \\x00together.\\n')\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    result = cli("write", "--editor")
    assert result.exit_code == 1
    # the error names the draft, and still says how to continue it (round 26)
    [draft] = sorted((isolated / "drafts").glob("*.md"))
    assert result.stderr == (
        f"peerjournal: {draft}: the text contains NUL bytes; is this a binary file? Your words "
        "are kept as draft 1: `peerjournal write --resume --draft 1`.\n"
    )
    [row] = json.loads(cli("drafts", "--json").stdout)
    assert row["first_words"] == "We sat together."
    assert entries(cli) == []
