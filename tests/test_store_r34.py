"""Round 34 (store): a damaged page of entries read past by reports; destroyed text held in
the file by another program's read, said so; an unmounted PEERJOURNAL_HOME; search slips.

Before: one damaged entry page made `report`, `report --json`, `supervision prep` and the
mentor `export` exit 4 with nothing shown (after a warning that said output followed), and
`list --limit 0` refused too; `trash --empty` and `edit` said the text was gone while another
program's read kept it in journal.db; `list` in a PEERJOURNAL_HOME linking to an unmounted
drive said "No entries yet"; a word pasted 5,000 times took seconds to search; an unclosed
NEAR( found "Nothing found"; `--setting unspecified` said no entry had that setting."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.db.store import fts_queries, query_terms

LONG = "We walked to the housing office together and I shared my own story. " * 12
SECRET = "Quillanovazebra"


def said(stderr: str) -> str:
    return " ".join(stderr.split())


def settled(path: Path) -> None:
    """Every page in the main file (no WAL), as a copy would be."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def zero_page(path: Path, page: int) -> None:
    with path.open("r+b") as handle:
        handle.seek((page - 1) * 4096)
        handle.write(b"\0" * 4096)


def entry_leaf_of(path: Path, marker: bytes) -> int:
    """The page of the entry table that holds the row whose text begins with `marker`."""
    page = path.read_bytes().index(marker) // 4096 + 1
    conn = sqlite3.connect(path)
    (kind,) = conn.execute("SELECT name FROM dbstat WHERE pageno = ?", (page,)).fetchone()
    conn.close()
    assert kind == "entry"
    return page


@pytest.fixture
def journal(add: Callable[..., int], isolated: Path) -> Path:
    for n in range(30):
        add(f"Entry {n}. {LONG}", "-s", "community", "--date", f"2026-11-{n % 19 + 1:02d}")
    path = isolated / "journal.db"
    settled(path)
    return path


def lost_rows(path: Path) -> list[int]:
    """The IDs whose rows cannot be read one by one (as `export --full` finds them)."""
    conn = sqlite3.connect(path)
    lost = []
    for entry_id in range(1, 31):
        try:
            conn.execute("SELECT * FROM entry NOT INDEXED WHERE id = ?", (entry_id,)).fetchall()
        except sqlite3.DatabaseError:
            lost.append(entry_id)
    conn.close()
    return lost


@pytest.fixture
def damaged_entries(journal: Path) -> tuple[Path, list[int]]:
    zero_page(journal, entry_leaf_of(journal, b"Entry 14. We walked"))
    lost = lost_rows(journal)
    assert lost and len(lost) < 30  # (the damage is where the test means it to be)
    return journal, lost


# -- 1. a damaged page of entries: reports read the rest, naming what they leave out --------

def left_out(path: Path, lost: list[int]) -> str:
    """The error a command that read past the damage ends with (exit 4)."""
    named = f"Entry {lost[0]}" if len(lost) == 1 else (
        "Entries " + ", ".join(map(str, lost[:-1])) + f" and {lost[-1]}")
    where, them = ("it is", "it") if len(lost) == 1 else ("they are", "them")
    return (f"peerjournal: {named} of the journal at {path} cannot be read (the file is "
            f"damaged where {where}), so what is shown may be missing {them}. "
            "`peerjournal export "
            "--full` saves the entries that can still be read; keep the damaged file as it is.")


def test_report_reads_past_a_damaged_page_and_ends_naming_the_entries_left_out(
    cli: CLI, damaged_entries: tuple[Path, list[int]]
) -> None:
    path, lost = damaged_entries
    result = cli("report", "--json", "--since", "2026-11-01")
    assert result.exit_code == 4  # (as `export --full`: no script takes it for the whole)
    report = json.loads(result.stdout)
    assert report["totals"]["entries"] == 30 - len(lost)
    assert said(result.stderr) == left_out(path, lost)  # one message, no "restore it"


def test_report_supervision_prep_and_list_all_answer_from_a_damaged_journal(
    cli: CLI, damaged_entries: tuple[Path, list[int]]
) -> None:
    path, lost = damaged_entries
    shown = cli("report", "--since", "2026-11-01")
    assert f"{30 - len(lost)} entries" in shown.stdout
    assert said(shown.stderr).endswith(left_out(path, lost))
    prep = cli("supervision", "prep")
    assert "Before supervision" in prep.stdout
    assert said(prep.stderr).endswith(left_out(path, lost))
    listed = cli("list", "--limit", "0", "--json")
    ids = {entry["id"] for entry in json.loads(listed.stdout)}
    assert ids == set(range(1, 31)) - set(lost)
    assert said(listed.stderr) == left_out(path, lost)
    assert shown.exit_code == prep.exit_code == listed.exit_code == 4


def test_a_mentor_summary_of_a_damaged_journal_is_not_written(
    cli: CLI, damaged_entries: tuple[Path, list[int]], tmp_path: Path
) -> None:
    """Round 36: a summary without the lost entries did not say so, and a mentor read it as
    the whole period; it is refused, naming them (tests/test_mentor_r36.py)."""
    path, lost = damaged_entries
    out = tmp_path / "summary.md"
    result = cli("export", "--yes", "--output", str(out), "--since", "2026-11-01")
    assert result.exit_code == 4 and not out.exists()
    message = said(result.stderr)
    assert message.startswith("peerjournal: No summary was written: it would leave out entries")
    # (round 37: in export's words, not the store's "could not tell whether it belongs in
    # what it shows")
    named = left_out(path, lost).removeprefix("peerjournal: ").partition(" cannot be read")[0]
    assert f"{named} cannot be read (the file is damaged there), so a summary of this period " \
        "would be incomplete." in message
    assert "could not tell" not in message
    assert message.endswith("`peerjournal export --full` saves the entries that can still be "
                            "read; keep the damaged file as it is.")


def test_a_sound_journal_reads_whole_and_exits_0(cli: CLI, journal: Path) -> None:
    for command in (["report", "--since", "2026-11-01"], ["list", "--limit", "0"]):
        result = cli(*command)
        assert result.exit_code == 0, result.stderr
        assert "cannot be read" not in result.stderr


def test_a_damaged_people_list_still_refuses_every_summary(
    cli: CLI, journal: Path, tmp_path: Path
) -> None:
    assert cli("people", "add", "Jordan Smith").exit_code == 0
    settled(journal)
    conn = sqlite3.connect(journal)
    (page,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'person'").fetchone()
    conn.close()
    zero_page(journal, page)
    out = tmp_path / "summary.md"
    result = cli("export", "--yes", "--output", str(out))
    assert result.exit_code == 4  # no names list: nothing could be redacted
    assert not out.exists()
    assert "Traceback" not in result.stderr


# -- 2. destroyed text held in the file by another program's read --------------------------

@pytest.fixture
def reader(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[sqlite3.Connection]:
    """Another program reading the journal (a read transaction left open), from now on."""
    monkeypatch.setenv("PEERJOURNAL_BUSY_TIMEOUT_MS", "100")
    conn = sqlite3.connect(isolated / "journal.db", isolation_level=None)
    conn.execute("BEGIN")
    conn.execute("SELECT count(*) FROM entry").fetchone()
    yield conn
    conn.close()


def in_the_files(path: Path, word: str) -> bool:
    return any(
        word.encode() in found.read_bytes()
        for found in (path, path.with_name(f"{path.name}-wal"))
        if found.exists()
    )


HELD = "Another program has the journal at {} open, so the removed text is not yet wiped"


def test_trash_empty_says_when_another_programs_read_keeps_the_text_in_the_file(
    cli: CLI, add: Callable[..., int], isolated: Path, request: pytest.FixtureRequest
) -> None:
    entry = add(f"{SECRET} said things about the ward.")
    assert cli("delete", str(entry)).exit_code == 0
    path = isolated / "journal.db"
    held: sqlite3.Connection = request.getfixturevalue("reader")
    result = cli("trash", "--empty", "--yes", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"destroyed": 1}
    assert HELD.format(path) in said(result.stderr)
    assert "when that program closes the journal" in said(result.stderr)
    assert in_the_files(path, SECRET)  # (what the line says: still there)
    held.close()  # the other program closes it: the text is wiped
    assert not in_the_files(path, SECRET)


def test_trash_empty_says_nothing_of_other_programs_when_none_reads(
    cli: CLI, add: Callable[..., int], isolated: Path
) -> None:
    entry = add(f"{SECRET} said things about the ward.")
    assert cli("delete", str(entry)).exit_code == 0
    result = cli("trash", "--empty", "--yes")
    assert result.exit_code == 0, result.stderr
    assert "Another program" not in result.stderr
    assert not in_the_files(isolated / "journal.db", SECRET)


def test_an_edit_that_removes_words_says_when_a_read_keeps_them_in_the_file(
    cli: CLI, add: Callable[..., int], isolated: Path, request: pytest.FixtureRequest
) -> None:
    entry = add(f"{SECRET} said things about the ward.")
    path = isolated / "journal.db"
    settled(path)
    held: sqlite3.Connection = request.getfixturevalue("reader")
    result = cli("edit", str(entry), "--experience", "Someone said things about the ward.")
    assert result.exit_code == 0, result.stderr
    assert HELD.format(path) in said(result.stderr)
    held.close()
    assert not in_the_files(path, SECRET)


# -- 3. PEERJOURNAL_HOME a link to a folder not there (an unmounted drive) ------------------

@pytest.mark.parametrize("command", [["list"], ["tags"], ["report"], ["search", "ward"]])
def test_a_home_linking_to_nothing_is_an_error_not_an_empty_journal(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    home = tmp_path / "usb-home"
    home.symlink_to(tmp_path / "unmounted")
    monkeypatch.setenv("PEERJOURNAL_HOME", str(home))
    result = cli(*command)
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr == (
        f"peerjournal: PEERJOURNAL_HOME points at a link to {tmp_path / 'unmounted'}, which "
        f"is not there: {home} (a drive not mounted, or a folder moved?), so there is no "
        "journal to read.\n"
    )
    assert not (tmp_path / "unmounted").exists()


def test_a_db_inside_a_folder_link_to_nothing_names_the_link(
    cli: CLI, tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    folder.symlink_to(tmp_path / "unmounted")
    result = cli("--db", str(folder / "journal.db"), "list")
    assert result.exit_code == 3
    assert said(result.stderr).startswith(
        f"peerjournal: {folder} is a link to {tmp_path / 'unmounted'}, which is not there"
    )


def test_a_home_not_made_yet_still_reads_as_no_journal_yet(cli: CLI) -> None:
    result = cli("list")
    assert result.exit_code == 0
    assert "No journal yet at" in result.stderr


# -- 5. search: repeated words, NEAR slips, --setting unspecified ---------------------------

def test_a_word_repeated_is_searched_for_once() -> None:
    query = " ".join(["housing"] * 5000)
    assert list(fts_queries(query)) == ["housing", '"housing"']
    assert query_terms(", ".join(["housing"] * 50) + " -ward -ward").include == ['"housing"']
    assert query_terms("housing -ward -ward").exclude == ['"ward"']
    # a repeat inside a phrase or NEAR is left as typed: it can mean something there
    assert next(fts_queries('"very very" good')) == '"very very" good'


def test_a_pasted_paragraph_of_one_word_finds_what_the_word_finds(
    cli: CLI, add: Callable[..., int]
) -> None:
    add("Went to the housing office with Dee.")
    add("A quiet shift on the ward.")
    once = cli("search", "--json", "housing")
    pasted = cli("search", "--json", ", ".join(["housing"] * 3000))
    assert pasted.exit_code == 0, pasted.stderr
    assert [h["id"] for h in json.loads(pasted.stdout)] == [
        h["id"] for h in json.loads(once.stdout)] == [1]


def test_a_near_left_open_at_the_end_is_closed_and_said_so(
    cli: CLI, add: Callable[..., int]
) -> None:
    add("Went to the housing appointment with Dee.")
    result = cli("search", "--json", "NEAR(housing appointment")
    assert result.exit_code == 0, result.stderr
    assert [h["id"] for h in json.loads(result.stdout)] == [1]
    assert result.stderr == ("Search reads 'NEAR(housing appointment' as 'NEAR(housing "
                             "appointment)': the NEAR( had no closing bracket.\n")


@pytest.mark.parametrize(("query", "mistake"), [
    ("NEAR(housing (appointment", "NEAR( needs a closing bracket after its words"),
    ("NEAR(housing, -1)", "the number after the comma in NEAR(…, N) is how many words apart"),
    ("ward NEAR(housing office, two)", "the number after the comma in NEAR(…, N)"),
])
def test_a_near_fts5_cannot_read_is_named(
    cli: CLI, add: Callable[..., int], query: str, mistake: str
) -> None:
    add("Went to the housing appointment with Dee.")
    result = cli("search", query)
    assert result.exit_code == 1
    assert said(result.stderr).startswith("peerjournal: Search cannot read ")
    assert mistake in said(result.stderr)


@pytest.mark.parametrize("query", ["NEAR(housing appointment)", "NEAR(housing appointment, 3)",
                                   '"NEAR(" housing'])
def test_a_near_fts5_reads_is_searched(cli: CLI, add: Callable[..., int], query: str) -> None:
    add("Went to the NEAR( housing appointment with Dee.")
    result = cli("search", "--json", query)
    assert result.exit_code == 0, result.stderr
    assert [h["id"] for h in json.loads(result.stdout)] == [1]


def test_setting_unspecified_when_every_entry_has_a_setting(
    cli: CLI, add: Callable[..., int]
) -> None:
    add("A quiet shift.", "-s", "ward")
    result = cli("list", "--setting", "unspecified")
    assert result.exit_code == 0
    assert result.stderr == (
        "No entries match: every entry has a setting ('unspecified' selects the entries "
        "without one).\n"
    )
    add("A walk with no place named.")
    listed = cli("list", "--json", "--setting", "unspecified")
    assert [e["id"] for e in json.loads(listed.stdout)] == [2]
