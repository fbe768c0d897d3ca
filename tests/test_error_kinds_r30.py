"""The refusal to write into a damaged journal is a kind of error, not a wording (round 30).

Before: `AppContext.failed` told it from other errors by looking for its message in theirs, so
a refusal reworded (or wrapped by the path that keeps a write's text as a draft) was taken for
another error, and the journal said to be damaged twice. What each command says on a damaged
journal is pinned here, word for word."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal import drafts as drafts_module
from peerjournal.db import engine, health
from test_damaged_journal_r29 import garbage, journal, root_page
from test_write_r26 import deleting_editor  # noqa: F401 (a fixture)

NOTE = "A new note after the shift."


@pytest.fixture
def damaged(add: Callable[..., int], isolated: Path) -> Iterator[Path]:
    path = journal(add, isolated, entries=4)
    garbage(path, root_page(path, "entry_fts_data"))
    before = path.read_bytes()
    yield path
    assert path.read_bytes() == before  # nothing was ever written into it


def refused(path: Path, then: str = "") -> str:
    """The one line a refused write ends with (`then`: what it adds of the text it kept)."""
    return f"peerjournal: {health.damaged_refusal(path)}{then}\n"


def kept(isolated: Path) -> list[Path]:
    folder = isolated / "drafts"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def test_a_guided_write_is_refused_before_its_first_question(
    cli: CLI, damaged: Path, isolated: Path, keys: Callable[..., Any]
) -> None:
    keys("Sat with Sam in the garden.")
    result = cli("write")
    assert (result.exit_code, result.stdout, result.stderr) == (4, "", refused(damaged))
    assert kept(isolated) == []


def test_a_quick_write_is_refused_and_kept_as_a_draft(
    cli: CLI, damaged: Path, isolated: Path
) -> None:
    result = cli("write", "-x", NOTE, "-t", "night")
    [draft] = kept(isolated)
    assert (result.exit_code, result.stdout) == (4, "")
    assert result.stderr == refused(
        damaged, " Your words are kept as draft 1: `peerjournal write --resume --draft 1`.")
    entry = json.loads(draft.read_text(encoding="utf-8"))["entry"]
    assert (entry["experience"], entry["tags"]) == (NOTE, ["night"])


def test_piped_text_is_refused_and_kept_as_a_draft(
    cli: CLI, damaged: Path, isolated: Path
) -> None:
    result = cli("write", "--stdin", input=f"## Experience\n{NOTE}\n")
    [draft] = kept(isolated)
    assert result.exit_code == 4
    assert result.stderr.endswith(refused(
        damaged, " Your words are kept as draft 1: `peerjournal write --resume --draft 1`."))
    assert json.loads(draft.read_text(encoding="utf-8"))["entry"]["experience"] == NOTE


def test_a_quick_write_with_no_room_for_a_draft_prints_the_entry(
    cli: CLI, damaged: Path, isolated: Path
) -> None:
    (isolated / "drafts").write_text("", encoding="utf-8")  # no folder can be made there
    result = cli("write", "-x", NOTE)
    assert result.exit_code == 4
    assert NOTE in result.stdout
    assert result.stderr.startswith(refused(damaged).rstrip("\n") + " The draft could not be "
                                    f"written to {isolated / 'drafts'} (")
    assert result.stderr.endswith(
        "), so your entry is printed on stdout: copy it somewhere safe (`write --from-file` "
        "reads it back).\n")
    assert result.stderr.count("is damaged") == 1


def test_a_resumed_draft_is_refused_and_left_as_it_was(
    cli: CLI, damaged: Path, isolated: Path
) -> None:
    assert cli("write", "-x", NOTE).exit_code == 4
    [draft] = kept(isolated)
    before = draft.read_bytes()
    for resume in (["--resume"], ["--resume", "--editor"], ["--draft", "1"]):
        result = cli("write", *resume)
        assert (result.exit_code, result.stdout, result.stderr) == (4, "", refused(damaged))
        assert kept(isolated) == [draft] and draft.read_bytes() == before


def test_an_edit_is_refused(cli: CLI, damaged: Path, isolated: Path) -> None:
    """(In the editor it is refused before the editor opens: test_write_r30.)"""
    result = cli("edit", "3", "--tag", "new")
    assert (result.exit_code, result.stdout, result.stderr) == (4, "", refused(damaged))
    assert kept(isolated) == []


def test_a_delete_and_an_import_are_refused(
    cli: CLI, damaged: Path, isolated: Path, tmp_path: Path
) -> None:
    result = cli("delete", "3")
    assert (result.exit_code, result.stdout, result.stderr) == (4, "", refused(damaged))
    source = tmp_path / "entries.json"
    source.write_text(json.dumps([{"date": "2026-11-01", "experience": NOTE}]), encoding="utf-8")
    result = cli("import", str(source))
    assert (result.exit_code, result.stdout) == (4, "")
    assert result.stderr.endswith(refused(damaged)) and result.stderr.count("is damaged") == 1
    assert kept(isolated) == []


def test_a_self_check_is_refused_before_its_first_question(
    cli: CLI, damaged: Path, keys: Callable[..., Any]
) -> None:
    keys("3", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 4
    assert result.stderr.endswith(refused(damaged, ""))  # (no answer asked, none lost)
    assert result.stderr.count("is damaged") == 1


@pytest.fixture
def reworded(monkeypatch: pytest.MonkeyPatch) -> str:
    """The refusal in other words: it must still be told from other errors by its kind."""
    wording = "This journal is in a bad way; nothing was saved."
    examine = engine._examine

    def rewording(conn: Any, path: Path) -> None:
        examine(conn, path)
        if getattr(conn, "damage", None):
            conn.damage = wording

    monkeypatch.setattr(engine, "_examine", rewording)
    return wording


def test_a_reworded_refusal_is_still_said_once(
    cli: CLI, damaged: Path, isolated: Path, tmp_path: Path, reworded: str,
    keys: Callable[..., Any],
) -> None:
    """Before: the warning that the journal is damaged, then the refusal: said twice."""
    keys("Sat with Sam in the garden.")
    for command in (["write"], ["delete", "3"], ["edit", "3", "--tag", "new"]):
        result = cli(*command)
        assert (result.exit_code, result.stderr) == (4, f"peerjournal: {reworded}\n"), command
    result = cli("write", "-x", NOTE)  # kept as a draft: the refusal, with more words
    [draft] = kept(isolated)
    assert draft.exists()
    assert (result.exit_code, result.stderr) == (4, f"peerjournal: {reworded} Your words are "
                                                    "kept as draft 1: `peerjournal write "
                                                    "--resume --draft 1`.\n")
    draft.unlink()
    (isolated / "drafts").rmdir()
    (isolated / "drafts").write_text("", encoding="utf-8")  # and printed, where it cannot be
    result = cli("write", "-x", NOTE)
    assert result.exit_code == 4 and result.stderr.startswith(f"peerjournal: {reworded} The ")
    assert "damaged" not in result.stderr


def test_another_error_still_warns_of_the_damage(cli: CLI, damaged: Path) -> None:
    result = cli("edit", "99", "--tag", "new")
    assert result.exit_code == 3
    assert result.stderr.startswith(health.damaged_warning(damaged).split(" (")[0])
    assert result.stderr.endswith("\npeerjournal: No entry 99 in the journal (see `peerjournal "
                                  "list`, or `peerjournal trash`).\n")


# -- the command that throws away a draft with no number ---------------------------------------


def pasted(message: str, before: str) -> None:
    """Run, as a shell would, the command quoted in `message` just before `before`."""
    command = message.split(before)[0].rsplit("`", 2)[-2]
    assert subprocess.run(["sh", "-c", command], check=False).returncode == 0, command


@pytest.fixture
def spaced_home(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = isolated.parent / "my journal's home"
    monkeypatch.setenv("PEERJOURNAL_HOME", str(home))
    return home


def test_a_write_draft_with_no_number_is_thrown_away_by_a_command_that_works(
    cli: CLI, spaced_home: Path, monkeypatch: pytest.MonkeyPatch,
    deleting_editor: str,  # noqa: F811 (the fixture)
) -> None:
    """Before: "delete kept-….md", which no shell runs and which names the file only from
    its folder."""
    assert cli("write", input=f"date: 2099-01-01\n\n{NOTE}\n").exit_code == 1
    [draft] = (spaced_home / "drafts").glob("*.md")
    monkeypatch.setenv("EDITOR", deleting_editor)
    # its number cannot be known (as when another terminal discards it meanwhile)
    monkeypatch.setattr(drafts_module, "everything", lambda folder: [])
    result = cli("write", "--resume")
    assert result.exit_code == 1
    told = " ".join(result.stderr.split())
    assert told.endswith(
        f"The text it held before is back in {draft}: `peerjournal write --resume` opens it "
        f"again (`rm {shlex.quote(str(draft))}` if you meant to throw it away).")
    pasted(told, " if you meant to throw it away")
    assert not draft.exists()


def test_a_kept_edit_with_no_number_is_thrown_away_by_a_command_that_works(
    cli: CLI, add: Callable[..., int], spaced_home: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, edits: Callable[..., None],
) -> None:
    entry_id = add(NOTE)
    edits(("date: 2026-11-20", "date: 2027-11-20"))  # kept: a date in the future
    assert cli("edit", str(entry_id)).exit_code == 1
    [kept_edit] = (spaced_home / "drafts" / "edits").glob("*.md")
    script = tmp_path / "saving_then_failing_editor.py"
    script.write_text("import sys\nopen(sys.argv[-1], 'a').write('More words.\\n')\n"
                      "sys.exit(1)\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.setattr(drafts_module, "everything", lambda folder: [])
    result = cli("edit", str(entry_id))
    assert result.exit_code == 1
    [copy] = [p for p in (spaced_home / "drafts" / "edits").glob("*.md") if p != kept_edit]
    told = " ".join(result.stderr.split())
    assert told.endswith(
        f"Your unsaved changes as they were before the editor opened them are kept in {copy} "
        f"(`peerjournal edit {entry_id}` continues them once the newer edit is saved, or "
        f"discarded with `rm {shlex.quote(str(kept_edit))}`; `rm {shlex.quote(str(copy))}` "
        "if you no longer need them).")
    pasted(told, "; `rm")
    pasted(told, " if you no longer need them")
    assert not kept_edit.exists() and not copy.exists()
