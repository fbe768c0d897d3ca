"""Round 30: words typed into a template comment keep their draft; a new journal is readable
by its writer only; two writes started in the same second each get a draft; a note pasted at
the Setting prompt; a self-care line cut off mid-word; words other tools use for a command."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from conftest import CLI, CTRL_C, Keys
from peerjournal.cli import guided
from peerjournal.db import engine
from peerjournal.drafts import Draft
from peerjournal.entry import EntryDraft
from peerjournal.reflection import format_template, load_prompt_set
from test_qa18_writer import entries
from test_write_robust_r23 import _ctrl_c_after
from test_writer_r24 import FakeReadline

TYPED_IN_COMMENT = ("without judging it yet", "without judging it yet. I typed my words in here")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def listed_drafts(home: Path) -> list[str]:
    return sorted(p.name for p in (home / "drafts").iterdir() if not p.name.startswith("."))


# -- 1. words typed into a template comment ----------------------------------------------------


def test_a_draft_whose_only_words_are_in_a_comment_is_listed_by_them_and_never_discarded(
    cli: CLI, isolated: Path, edits: Callable[..., None]
) -> None:
    """Was: `drafts` listed it as "(empty)" and `drafts --discard-empty` deleted it."""
    edits(TYPED_IN_COMMENT)
    refused = cli("write", "--editor")
    assert refused.exit_code == 1 and "inside a <!-- … --> comment" in refused.stderr
    [kept] = listed_drafts(isolated)
    listed = cli("drafts").stdout
    assert "I typed my words in here" in listed and "(empty)" not in listed
    assert cli("drafts", "--discard-empty").stderr == "No draft to discard.\n"
    assert listed_drafts(isolated) == [kept]


def test_discard_empty_still_removes_a_blank_template_of_any_set_and_mode(
    cli: CLI, isolated: Path
) -> None:
    folder = isolated / "drafts"
    folder.mkdir(parents=True)
    gibbs = load_prompt_set("gibbs")
    draft = EntryDraft(date(2026, 11, 20), mode="in-action", prompt_set="gibbs")
    blank = format_template(draft, gibbs)
    (folder / "20261101-090000.md").write_text(blank, encoding="utf-8")
    typed = blank.replace("<!--", "<!-- Sam asked me to wait.", 1)
    (folder / "20261102-090000.md").write_text(typed, encoding="utf-8")
    listed = cli("drafts").stdout
    assert "Sam asked me to wait." in listed and "(empty)" in listed
    assert cli("drafts", "--discard-empty").exit_code == 0
    assert listed_drafts(isolated) == ["20261102-090000.md"]


# -- 2. a new journal is its writer's only -----------------------------------------------------


@pytest.fixture
def umask_022() -> Iterator[None]:
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_a_new_journal_its_folder_drafts_and_side_files_are_the_writers_only(
    cli: CLI, isolated: Path, umask_022: None, edits: Callable[..., None]
) -> None:
    """Was: drwxr-xr-x and -rw-r--r--: any user of the computer could read the journal."""
    assert not isolated.exists()
    assert cli("write", "-x", "We sat.").exit_code == 0
    assert mode(isolated) == 0o700
    assert mode(isolated / "journal.db") == 0o600
    conn = sqlite3.connect(isolated / "journal.db")  # open: its -wal and -shm files are there
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for side in ("journal.db-wal", "journal.db-shm"):
            assert mode(isolated / side) == 0o600, side
    finally:
        conn.close()
    edits(TYPED_IN_COMMENT)
    assert cli("write", "--editor").exit_code == 1  # a draft kept
    assert mode(isolated / "drafts") == 0o700


def test_a_journal_named_with_db_in_a_folder_the_writer_has_keeps_that_folder_as_it_is(
    cli: CLI, tmp_path: Path, umask_022: None
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir(mode=0o755)
    assert cli("--db", str(documents / "j.db"), "write", "-x", "We sat.").exit_code == 0
    assert mode(documents) == 0o755
    assert mode(documents / "j.db") == 0o600
    made = tmp_path / "new" / "journals" / "k.db"
    assert cli("--db", str(made), "write", "-x", "We sat.").exit_code == 0
    assert mode(made.parent) == 0o700 and mode(made.parent.parent) == 0o700


def test_the_copy_an_upgrade_keeps_is_the_writers_only(
    cli: CLI, isolated: Path, umask_022: None
) -> None:
    assert cli("write", "-x", "We sat.").exit_code == 0
    journal = isolated / "journal.db"
    journal.chmod(0o644)  # made by an older version
    copy = engine.backup(journal)
    assert mode(copy) == 0o600


# -- 3. two writes started in the same second --------------------------------------------------


def test_a_write_started_while_another_has_its_draft_name_gets_a_draft_of_its_own(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    """Was: "The draft …json is open in another terminal: finish it there" for a new entry."""
    keys(CTRL_C)
    first = cli("write")
    named = re.search(r"saved as you type:\s*(\S+\.json)", first.stderr)
    assert named, first.stderr
    other = Draft(Path(named.group(1)))  # another terminal's write, nothing typed yet
    other.hold()
    try:
        keys("", "We sat.", *[""] * 7, "y")
        result = cli("write")
        assert result.exit_code == 0, result.stderr
        assert "another terminal" not in result.stderr
        assert "-2.json" in result.stderr
    finally:
        other.release()
    assert [e["experience"] for e in entries(cli)] == ["We sat."]


# -- 4. the Setting prompt ---------------------------------------------------------------------


REST = [*[""] * 7, "y"]  # feelings, its question, evaluation, its question, tags, self-care; save
NOTE = ["We walked to the housing office together.", "He was nervous.", "I stayed beside him."]


def test_a_note_pasted_at_the_setting_prompt_is_all_experience(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """Was: its first line saved as the setting, the rest as the experience."""
    keys([*NOTE, ""], *REST)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "it begins your experience, and the setting is left blank" in result.stderr
    [entry] = entries(cli)
    assert entry["setting"] == "" and entry["experience"] == "\n".join(NOTE)


def test_a_sentence_typed_at_the_setting_prompt_is_offered_to_the_experience(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys(NOTE[0], "", "housing", "", *REST)  # Enter: yes; then the setting asked again
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "begin your experience with it instead? [Y/n]" in result.stderr
    [entry] = entries(cli)
    assert (entry["setting"], entry["experience"]) == ("housing", NOTE[0])
    keys("The crisis house on Elm Street", "n", "We sat.", "", *REST)  # n keeps it
    assert cli("write").exit_code == 0
    assert entries(cli)[1]["setting"] == "The crisis house on Elm Street"


def test_the_setting_prompt_fits_a_narrow_terminal(cli: CLI, keys: Callable[..., Keys]) -> None:
    keys("", "We sat.", *REST)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    [prompt] = [line for line in result.stderr.splitlines() if line.startswith("Setting (")]
    assert prompt.strip() == "Setting (community, inpatient, crisis, …; Enter to skip):"
    assert len(prompt) < 60


def test_a_self_care_line_cut_mid_word_is_typed_back_in_through_readline(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    """Was: "Walk ho" and "me" saved as "Walk ho me"."""
    with monkeypatch.context() as patch:
        _ctrl_c_after(patch, ["", "We sat.", *[""] * 6], "Walk ho")
        assert cli("write").exit_code == 130
    fake = FakeReadline()
    typed = iter(["me", "y"])

    def input_(prompt: str = "") -> str:
        fake.buffer = ""
        if fake.hook is not None:
            fake.hook()
        return fake.buffer + next(typed)

    monkeypatch.setitem(sys.modules, "readline", fake)
    monkeypatch.setattr("builtins.input", input_)
    monkeypatch.setattr(guided.LineReader, "for_stdin", classmethod(lambda cls: cls(True)))
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert "Self-care (your line was cut off: it is back on the line below)" in result.stderr
    assert entries(cli)[0]["self_care"] == "Walk home"


# -- 5. words other tools use ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("undo", "restore"), ("rm", "delete"), ("remove", "delete"), ("new", "write"),
     ("ls", "list"), ("grep", "search"), ("stats", "report"), ("lsit", "list")],
)
def test_a_command_another_tool_would_use_is_answered_with_ours(
    cli: CLI, typed: str, meant: str
) -> None:
    result = cli(typed)
    assert result.exit_code == 2
    assert f"No such command '{typed}'. Did you mean '{meant}'?" in result.stderr

