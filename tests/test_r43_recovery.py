"""Round 43, the editor's recovery files (round 42) where an edit is dropped or its entry
destroyed: `edit ID --fresh` keeps and names those of the edits it drops that may hold words
the entry has not (a crashed vim's), never deleting them unsaid; `trash --empty` destroys those
kept beside an entry's edits, naming them in its question and its result as it names the
unsaved edits. Also (QA r43): `edit ID` continues an unsaved edit a version before 12-04 kept
(no entry in its name), and drafts folders an older version left open to all are made private.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import CLI
from test_r42_privacy import NANO_HUNG_UP, VIM_HUNG_UP, WORDS, holding_words, said, use_editor

ENTRY = "Kai talked about his brother."
FRESH = """
    text = open(path).read().replace("## Experience\\n", "## Experience\\nA fresh start.\\n", 1)
    open(path, "w").write(text)
"""
# vim's "Edit anyway" at its ATTENTION screen, then `:wq`: the swap file left as it was
VIM_EDIT_ANYWAY = """
    text = open(path).read().replace("## Experience\\n", "## Experience\\nShort retelling.\\n", 1)
    open(path, "w").write(text)
"""


def _kept_edit(cli: CLI, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
               stopped: str = VIM_HUNG_UP) -> Path:
    """Entry 1, and an edit of it kept with the recovery file of an editor `stopped` on it."""
    assert cli("write", "-x", ENTRY).exit_code == 0
    use_editor(monkeypatch, tmp_path, stopped)
    assert cli("edit", "1").exit_code == 130
    [kept] = (home / "drafts" / "edits").glob("*.md")
    return kept


def _recovery_of(kept: Path) -> list[Path]:
    return sorted(p for p in kept.parent.iterdir() if p.name != kept.name)


# -- edit ID --fresh ---------------------------------------------------------------------------


@pytest.mark.parametrize("stopped", [VIM_HUNG_UP, NANO_HUNG_UP], ids=["vim", "nano"])
def test_edit_fresh_keeps_and_names_the_recovery_file_of_the_edit_it_drops(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stopped: str
) -> None:
    kept = _kept_edit(cli, isolated, tmp_path, monkeypatch, stopped)
    [recovery] = _recovery_of(kept)
    use_editor(monkeypatch, tmp_path, FRESH)
    result = cli("edit", "1", "--fresh")
    assert result.exit_code == 0, result.stderr
    assert not kept.exists()  # (the edit dropped, as asked)
    # the words typed before the editor was stopped are still there, and said to be
    assert holding_words(isolated) == [str(recovery.relative_to(isolated))]
    assert (f"The editor's recovery file from an earlier session is kept, as it may hold words "
            f"that are not in what was saved: {recovery}") in said(result)
    assert "Discarded the unsaved changes to entry 1." in said(result)
    assert "Updated entry 1." in said(result)
    assert json.loads(cli("show", "1", "--json").stdout)["experience"].startswith("A fresh start.")


def test_edit_fresh_with_options_keeps_the_recovery_file_too(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _kept_edit(cli, isolated, tmp_path, monkeypatch)
    [swap] = _recovery_of(kept)
    result = cli("edit", "1", "--fresh", "-s", "ward")
    assert result.exit_code == 0, result.stderr
    assert not kept.exists() and swap.exists()
    assert f"recovery file from an earlier session is kept, as it may hold words that are " \
           f"not in what was saved: {swap} (`vim -r {swap}` shows what vim kept)" in said(result)


def test_edit_fresh_drops_a_plain_recovery_file_whose_words_are_all_in_the_entry(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """nano's NAME.save holding the entry as `edit` showed it, nothing typed: no word is lost."""
    as_shown = """
        open(path + ".save", "w").write(open(path).read())
        os.kill(os.getpid(), signal.SIGHUP)
    """
    kept = _kept_edit(cli, isolated, tmp_path, monkeypatch, as_shown)
    [save] = _recovery_of(kept)
    use_editor(monkeypatch, tmp_path, FRESH)
    result = cli("edit", "1", "--fresh")
    assert result.exit_code == 0, result.stderr
    assert not save.exists() and not kept.exists()
    assert "recovery file" not in said(result)


def test_edit_fresh_that_saves_nothing_keeps_the_edit_and_its_recovery_file(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _kept_edit(cli, isolated, tmp_path, monkeypatch)
    [swap] = _recovery_of(kept)
    use_editor(monkeypatch, tmp_path, "pass\n")  # (closed without a change)
    result = cli("edit", "1", "--fresh")
    assert result.exit_code == 0, result.stderr
    assert "Entry 1 is unchanged." in said(result)
    assert kept.exists() and swap.exists()


# -- the wording of several recovery files -----------------------------------------------------


BOTH_HUNG_UP = f"""
    folder, name = os.path.split(path)
    open(os.path.join(folder, "." + name + ".swp"), "w").write("b0VIM 9.0 {WORDS}")
    open(path + ".save", "w").write(open(path).read() + "{WORDS}")
    os.kill(os.getpid(), signal.SIGHUP)
"""


def test_several_recovery_files_are_named_in_plain_english(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("write", "-x", ENTRY).exit_code == 0
    use_editor(monkeypatch, tmp_path, BOTH_HUNG_UP)
    stopped = cli("edit", "1")
    assert stopped.exit_code == 130
    assert "The editor left recovery files beside" in said(stopped)
    assert "left a recovery files" not in said(stopped)
    use_editor(monkeypatch, tmp_path, FRESH)
    result = cli("edit", "1", "--fresh")
    assert ("The editor's recovery files from an earlier session are kept, as they may hold "
            "words that are not in what was saved:") in said(result)


# -- trash --empty -----------------------------------------------------------------------------


def _recovery_kept_beside_a_saved_edit(
    cli: CLI, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Entry 1, edited after an editor was stopped on it: the earlier session's swap file is
    kept, its edit gone (saved)."""
    kept = _kept_edit(cli, home, tmp_path, monkeypatch)
    [swap] = _recovery_of(kept)
    use_editor(monkeypatch, tmp_path, VIM_EDIT_ANYWAY)
    assert cli("edit", "1").exit_code == 0
    assert not kept.exists() and swap.exists()
    return swap


def test_trash_empty_names_the_recovery_file_kept_of_an_entry_and_destroys_it(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    swap = _recovery_kept_beside_a_saved_edit(cli, isolated, tmp_path, monkeypatch)
    assert cli("delete", "1").exit_code == 0
    asked = cli("trash", "--empty", input="n\n")
    assert asked.exit_code == 1
    assert ("Destroy 1 entry for good, and 1 editor's recovery file of entry 1 (changes never "
            "saved; to keep them, answer n, then `peerjournal restore 1`)?") in said(asked)
    assert swap.exists()
    result = cli("trash", "--empty", "--yes")
    assert result.exit_code == 0, result.stderr
    assert said(result) == "Destroyed 1 entry, and 1 editor's recovery file of it."
    assert holding_words(isolated) == []
    listed = cli("drafts")
    assert "recovery file" not in said(listed)


def test_trash_empty_names_an_unsaved_edit_and_a_recovery_file_kept_together(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _recovery_kept_beside_a_saved_edit(cli, isolated, tmp_path, monkeypatch)
    # an edit kept (the editor stopped on a file with changes, no recovery file this time),
    # started in the same second as the edit gone: it is not given that edit's name, nor
    # taken to have its recovery file
    use_editor(monkeypatch, tmp_path, """
        text = open(path).read().replace("## Experience\\n", "## Experience\\nMore.\\n", 1)
        open(path, "w").write(text)
        os.kill(os.getpid(), signal.SIGHUP)
    """)
    assert cli("edit", "1").exit_code == 130
    assert json.loads(cli("drafts", "--json").stdout)[0]["recovery"] == []
    assert cli("delete", "1").exit_code == 0
    asked = cli("trash", "--empty", input="n\n")
    assert ("and 1 unsaved edit and 1 editor's recovery file of entry 1 (changes never saved;"
            in said(asked))
    result = cli("trash", "--empty", "--yes")
    assert said(result) == ("Destroyed 1 entry, and 1 unsaved edit and 1 editor's recovery "
                            "file of it.")
    assert holding_words(isolated) == []
    assert list((isolated / "drafts" / "edits").iterdir()) == []


def test_trash_empty_leaves_the_recovery_files_of_entries_still_there(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    swap = _recovery_kept_beside_a_saved_edit(cli, isolated, tmp_path, monkeypatch)
    assert cli("write", "-x", "Another day.").exit_code == 0
    assert cli("delete", "2").exit_code == 0
    result = cli("trash", "--empty", "--yes")
    assert said(result) == "Destroyed 1 entry."
    assert swap.exists()


def test_trash_empty_discards_what_editors_left_of_entries_destroyed_before(
    cli: CLI, isolated: Path
) -> None:
    """Left by round 42's `trash --empty` (the entry "Destroyed", its words in the file), or an
    older version's (a backup `NAME~`); one of an ID the journal never gave is not its own."""
    for text in ("One.", "Two."):
        assert cli("write", "-x", text).exit_code == 0
    assert cli("delete", "1").exit_code == 0
    assert cli("trash", "--empty", "--yes").exit_code == 0
    edits = isolated / "drafts" / "edits"
    edits.mkdir(parents=True, exist_ok=True)
    left = [edits / ".entry-1-20261101-100000.md.swp", edits / "entry-1-20261101-100000.md~"]
    never_given = edits / "#entry-7-20261101-100000.md#"
    for path in (*left, never_given):
        path.write_text(WORDS)
    result = cli("trash", "--empty", "--yes")
    assert result.exit_code == 0, result.stderr
    assert said(result) == ("The trash is already empty. Discarded 1 editor's recovery file and "
                            "1 editor's backup copy of entries destroyed before.")
    assert not any(path.exists() for path in left)
    assert never_given.exists()


# -- an unsaved edit kept by a version before 12-04 (QA r43) -----------------------------------


OLD_HEADER = "Save and close the editor to keep it; leave Experience empty to cancel. -->"
OLD_NAME = "20261201-120000.md"  # (`YYYYMMDD-HHMMSS.md`: no entry in the name)


def _old_edit(cli: CLI, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              of: str = ENTRY) -> Path:
    """Entries 1 (`of`) and 2, and an edit of entry 1 that a version before 12-04 kept (a
    future date refused, say): the entry file as it showed it (a new entry's header, no line
    noting the entry), with a thought added, in `drafts/edits/YYYYMMDD-HHMMSS.md`."""
    from peerjournal.drafts import EDIT_HEADER

    assert cli("write", "-x", of).exit_code == 0
    assert cli("write", "-x", "The ward round ran late again.").exit_code == 0
    copy = tmp_path / "as_shown.md"
    use_editor(monkeypatch, tmp_path, f"import shutil; shutil.copy(path, {str(copy)!r})\n")
    assert cli("edit", "1").exit_code == 0
    shown = copy.read_text(encoding="utf-8").replace(EDIT_HEADER, OLD_HEADER)
    old = shown[: shown.index("<!-- peerjournal: editing entry")] + "Thought from old edit.\n"
    kept = home / "drafts" / "edits" / OLD_NAME
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_text(old, encoding="utf-8")
    return kept


def test_edit_continues_an_edit_an_older_version_kept_and_names_it_as_the_entrys(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: `drafts` listed it, `write --resume --draft N` said "`edit ID` continues them", and
    `edit 1` said "Entry 1 is unchanged", never offering it."""
    old = _old_edit(cli, isolated, tmp_path, monkeypatch)
    now = old.with_name(f"entry-1-{OLD_NAME}")
    use_editor(monkeypatch, tmp_path, "text = open(path).read()\nopen(path, 'w').write(text)\n")
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    assert said(result).startswith(
        f"Unsaved changes an older version of peerjournal kept in {old} hold entry 1's text: "
        f"they are kept as its edit from now on, in {now}. You have unsaved changes to entry 1")
    assert "Updated entry 1." in said(result)
    assert json.loads(cli("show", "1", "--json").stdout)["self_care"] == "Thought from old edit."
    assert not old.exists() and not now.exists()


def test_an_edit_an_older_version_kept_is_named_as_the_entrys_when_options_are_refused(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = _old_edit(cli, isolated, tmp_path, monkeypatch)
    now = old.with_name(f"entry-1-{OLD_NAME}")
    before = old.read_bytes()
    refused = cli("edit", "1", "-s", "home")
    assert refused.exit_code == 1
    assert f"Entry 1 has unsaved changes from an earlier edit (kept in {now})" in said(refused)
    assert now.read_bytes() == before  # (every byte, as it was)
    listed = json.loads(cli("drafts", "--json").stdout)
    assert [(d["listed_as"], d["entry_id"]) for d in listed] == [("edit", 1)]
    resumed = cli("write", "--resume", "--draft", "1")
    assert "Draft 1 holds unsaved changes to entry 1: `peerjournal edit 1` continues them." \
        in said(resumed)


def test_an_edit_an_older_version_kept_is_not_taken_for_another_entrys(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = _old_edit(cli, isolated, tmp_path, monkeypatch)
    use_editor(monkeypatch, tmp_path, "pass\n")
    result = cli("edit", "2")
    assert result.exit_code == 0, result.stderr
    assert said(result).startswith("Entry 2 is unchanged.")
    assert old.exists()
    assert cli("edit", "2", "-s", "home").exit_code == 0


def test_an_edit_an_older_version_kept_with_no_words_stays_as_it_is(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whose it is cannot be told: not claimed by the first entry edited."""
    old = _old_edit(cli, isolated, tmp_path, monkeypatch)
    old.write_bytes(b"\xff\xfe not text")
    assert cli("edit", "1", "-s", "home").exit_code == 0
    assert old.exists()


# -- a drafts folder an older version made 0755 (QA r43) ---------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="Unix permissions")
def test_drafts_folders_an_older_version_left_open_to_all_are_made_private(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    from peerjournal.paths import drafts_dir

    drafts = isolated / "drafts"
    edits = drafts / "edits"
    other = tmp_path / "other.db"
    other_drafts = drafts_dir(other)
    for folder in (edits, other_drafts / "edits"):
        folder.mkdir(parents=True)
    for folder in (drafts, edits, other_drafts, other_drafts / "edits"):
        folder.chmod(0o755)
    assert cli("drafts").exit_code == 0
    assert [oct(f.stat().st_mode & 0o777) for f in (drafts, edits)] == ["0o700", "0o700"]
    assert cli("--db", str(other), "drafts").exit_code == 0
    assert [oct(f.stat().st_mode & 0o777) for f in (other_drafts, other_drafts / "edits")] \
        == ["0o700", "0o700"]
    # one that gives others nothing (the writer's group: a choice) is left as it is, and so is
    # the folder the writer chose for the journal
    drafts.chmod(0o750)
    isolated.chmod(0o755)
    assert cli("drafts").exit_code == 0
    assert oct(drafts.stat().st_mode & 0o777) == "0o750"
    assert oct(isolated.stat().st_mode & 0o777) == "0o755"
