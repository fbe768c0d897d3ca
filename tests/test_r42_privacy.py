"""Round 42, a shared office computer: an editor's recovery files are named, listed and removed
with their draft; `trash --empty` names the copies an upgrade kept; peerjournal promises what it
does, not where the file lives; `people add` without the shell's history; removed names and
notes are wiped from the file on any SQLite build."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI

WORDS = "Mo Blackwood cried in the car park."


def said(result: Any) -> str:
    return " ".join(result.stderr.split())


def use_editor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: str) -> None:
    """$EDITOR: a Python script, `body`, with `path` the file it is given."""
    script = tmp_path / f"editor{len(list(tmp_path.glob('editor*')))}.py"
    script.write_text("import os, signal, sys\npath = sys.argv[-1]\n" + textwrap.dedent(body),
                      encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")


# vim killed by a closed terminal: its swap file beside the file, holding the words typed
VIM_HUNG_UP = f"""
    folder, name = os.path.split(path)
    with open(os.path.join(folder, "." + name + ".swp"), "w") as swap:
        swap.write("b0VIM 9.0 {WORDS}")
    os.kill(os.getpid(), signal.SIGHUP)
"""
# nano killed so: the text in NAME.save
NANO_HUNG_UP = f"""
    with open(path + ".save", "w") as save:
        save.write(open(path).read() + "{WORDS}")
    os.kill(os.getpid(), signal.SIGHUP)
"""


def holding_words(home: Path) -> list[str]:
    return sorted(str(p.relative_to(home)) for p in home.rglob("*")
                  if p.is_file() and b"Blackwood" in p.read_bytes())


def test_an_interrupted_write_editor_names_vims_recovery_file_and_keeps_the_draft(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_editor(monkeypatch, tmp_path, VIM_HUNG_UP)
    result = cli("write", "--editor")
    assert result.exit_code == 130
    [draft] = (isolated / "drafts").glob("*.md")
    swap = draft.with_name(f".{draft.name}.swp")
    message = said(result)
    assert "Nothing was typed" not in message
    assert (f"The editor left a recovery file beside {draft} that may hold words you typed and "
            f"did not save: {swap}.") in message
    assert f"vim offers to recover them (or `vim -r {draft}`)" in message
    assert "`peerjournal drafts --discard 1` discards it with the draft." in message
    # listed, never forgotten; --discard-empty leaves it
    listed = cli("drafts")
    assert "(words only in the editor's recovery file)" in listed.stdout
    assert f"Draft 1: The editor left a recovery file beside {draft}" in said(listed)
    assert json.loads(cli("drafts", "--json").stdout)[0]["recovery"] == [str(swap)]
    assert "No draft to discard." in cli("drafts", "--discard-empty").stderr
    assert swap.exists()
    # discarded with its draft
    assert cli("drafts", "--discard", "1", "--yes").exit_code == 0
    assert holding_words(isolated) == [] and not draft.exists()


def test_nanos_save_file_is_named_as_plain_text(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_editor(monkeypatch, tmp_path, NANO_HUNG_UP)
    result = cli("write", "--editor")
    assert result.exit_code == 130
    [draft] = (isolated / "drafts").glob("*.md")
    assert f"may hold words you typed and did not save: {draft}.save." in said(result)
    assert ("Open it to copy them back (`peerjournal write --resume --draft 1` opens the draft "
            "again); "
            "`peerjournal drafts --discard 1` discards it with the draft.") in said(result)


def test_an_editor_stopped_without_a_recovery_file_still_says_nothing_was_typed(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_editor(monkeypatch, tmp_path, "os.kill(os.getpid(), signal.SIGHUP)\n")
    result = cli("write", "--editor")
    assert result.exit_code == 130
    assert "Nothing was typed, so no draft was kept." in said(result)
    assert not list((isolated / "drafts").iterdir())


def test_saving_the_draft_removes_the_side_files_of_its_session_and_only_those(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_editor(monkeypatch, tmp_path, VIM_HUNG_UP)
    cli("write", "--editor")
    [draft] = (isolated / "drafts").glob("*.md")
    folder = draft.parent
    swap = folder / f".{draft.name}.swp"  # (the interrupted session's: kept, see below)
    made_now = [folder / f".{draft.name}.swo", folder / f"{draft.name}~",
                folder / f"#{draft.name}#", folder / f"{draft.name}.save.1"]
    others = [folder / "notes.txt.swp", folder / f".{draft.name}.swp.txt", tmp_path / "x.md~"]
    for other in others:
        other.write_text("not peerjournal's")
    # the editor's own files, made while it is open (emacs's lock: a dangling link)
    use_editor(monkeypatch, tmp_path, f"""
        for side in {[str(p) for p in made_now]!r}:
            open(side, "w").write("{WORDS}")
        folder, name = os.path.split(path)
        os.symlink("user@host.1234", os.path.join(folder, ".#" + name))
        text = open(path).read().replace("## Experience\\n", "## Experience\\n{WORDS}\\n", 1)
        open(path, "w").write(text)
    """)
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert sorted(folder.iterdir()) == sorted([swap, *others[:2]])
    assert others[2].exists()


# vim's "Edit anyway" at its ATTENTION screen: a swap file of its own beside the earlier one,
# the words typed, `:wq` (which removes its own swap file, and leaves the earlier one)
VIM_EDIT_ANYWAY = """
    own = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".swo")
    open(own, "w").write("b0VIM 9.0")
    text = open(path).read().replace("## Experience\\n", "## Experience\\nShort retelling.\\n", 1)
    open(path, "w").write(text)
    os.remove(own)
"""
# ... and `:wq` on the template as it is
VIM_EDIT_ANYWAY_UNTOUCHED = """
    text = open(path).read()
    open(path, "w").write(text)
"""


@pytest.mark.parametrize(
    "editor", [VIM_EDIT_ANYWAY, VIM_EDIT_ANYWAY_UNTOUCHED], ids=["typed", "as-is"]
)
def test_a_resumed_draft_keeps_the_recovery_file_its_editor_did_not_use(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, editor: str
) -> None:
    use_editor(monkeypatch, tmp_path, VIM_HUNG_UP)
    assert cli("write", "--editor").exit_code == 130
    [draft] = (isolated / "drafts").glob("*.md")
    use_editor(monkeypatch, tmp_path, editor)
    result = cli("write", "--resume")
    assert not draft.exists()  # (saved, or emptied: nothing left to resume)
    assert result.exit_code == (0 if editor == VIM_EDIT_ANYWAY else 1), result.stderr
    # the words typed before the terminal closed are still there, and `drafts` says where
    assert holding_words(isolated) == [f"drafts/.{draft.name}.swp"]
    assert "An editor's recovery file is left in the drafts folder with no draft" in said(
        cli("drafts"))


@pytest.mark.parametrize(
    "editor", [VIM_EDIT_ANYWAY, VIM_EDIT_ANYWAY_UNTOUCHED], ids=["typed", "as-is"]
)
def test_a_continued_edit_keeps_the_recovery_file_its_editor_did_not_use(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, editor: str
) -> None:
    assert cli("write", "-x", "Kai talked about his brother.").exit_code == 0
    use_editor(monkeypatch, tmp_path, VIM_HUNG_UP)
    assert cli("edit", "1").exit_code == 130
    [kept] = (isolated / "drafts" / "edits").glob("*.md")
    use_editor(monkeypatch, tmp_path, editor)
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    assert not kept.exists()
    assert holding_words(isolated) == [f"drafts/edits/.{kept.name}.swp"]


def test_the_recovery_file_kept_is_named_when_the_draft_is_saved_or_emptied(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for editor, code in ((VIM_EDIT_ANYWAY, 0), (VIM_EDIT_ANYWAY_UNTOUCHED, 1)):
        use_editor(monkeypatch, tmp_path, VIM_HUNG_UP)
        cli("write", "--editor")
        [draft] = (isolated / "drafts").glob("*.md")
        swap = draft.with_name(f".{draft.name}.swp")
        use_editor(monkeypatch, tmp_path, editor)
        result = cli("write", "--resume")
        assert result.exit_code == code
        assert (f"The editor's recovery file from an earlier session is kept, as it may hold "
                f"words that are not in what was saved: {swap} (`vim -r {swap}` shows what vim "
                "kept); delete it once you have them.") in said(result)
        swap.unlink()


def test_the_recovery_file_kept_is_named_when_the_edit_is_saved_or_unchanged(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("write", "-x", "Kai talked about his brother.").exit_code == 0
    for editor, done in ((VIM_EDIT_ANYWAY_UNTOUCHED, "Entry 1 is unchanged."),
                         (VIM_EDIT_ANYWAY, "Updated entry 1.")):
        use_editor(monkeypatch, tmp_path, VIM_HUNG_UP)
        cli("edit", "1")
        [kept] = (isolated / "drafts" / "edits").glob("*.md")
        swap = kept.with_name(f".{kept.name}.swp")
        use_editor(monkeypatch, tmp_path, editor)
        result = cli("edit", "1")
        assert result.exit_code == 0
        assert done in said(result)
        assert f"recovery file from an earlier session is kept, as it may hold words that are " \
               f"not in what was saved: {swap}" in said(result)
        swap.unlink()


def test_drafts_discard_still_removes_the_recovery_files_it_names(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked for by the writer, as the interrupted session's message says."""
    use_editor(monkeypatch, tmp_path, VIM_HUNG_UP)
    assert cli("write", "--editor").exit_code == 130
    [swap] = [Path(p) for p in holding_words(isolated)]
    asked = cli("drafts", "--discard", "1", input="n\n")  # (review r42: it was not named)
    assert f"and the text in it, and the editor's recovery file {swap.name}?" in said(asked)
    result = cli("drafts", "--discard", "1", "--yes")
    assert result.exit_code == 0
    assert said(result).endswith(f", and the editor's recovery file {swap.name}.")
    assert holding_words(isolated) == []
    shown = " ".join(cli("drafts", "--help").stdout.split())
    assert "with any recovery file an editor left beside it" in shown


def test_a_draft_open_in_an_editor_elsewhere_is_not_said_to_have_a_recovery_file(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """vim writes its swap file as it opens a file: another terminal's open editor."""
    from peerjournal.drafts import Draft

    use_editor(monkeypatch, tmp_path, VIM_HUNG_UP)
    assert cli("write", "--editor").exit_code == 130
    [path] = (isolated / "drafts").glob("*.md")
    elsewhere = Draft(path)
    assert elsewhere.take()  # (held as another terminal's `write --resume` holds it)
    try:
        listed = cli("drafts")
        assert listed.exit_code == 0
        [line] = listed.stdout.splitlines()
        assert "editor (open in another terminal)  (open in an editor)" in line
        assert "recovery" not in listed.stdout + listed.stderr
        assert json.loads(cli("drafts", "--json").stdout)[0]["recovery"] == []
    finally:
        elsewhere.release()
    listed = cli("drafts")  # closed there, and no longer held: the swap file was left
    assert "(words only in the editor's recovery file)" in listed.stdout
    assert "Draft 1: The editor left a recovery file beside" in said(listed)


def test_an_interrupted_edit_keeps_its_recovery_file_and_trash_empty_destroys_it(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("write", "-x", "Kai talked about his brother.").exit_code == 0
    use_editor(monkeypatch, tmp_path, VIM_HUNG_UP)
    result = cli("edit", "1")
    assert result.exit_code == 130
    [kept] = (isolated / "drafts" / "edits").glob("*.md")
    assert f"The editor left a recovery file beside {kept}" in said(result)
    assert "`peerjournal edit 1` opens the edit again and vim offers to recover them" in said(
        result)
    assert holding_words(isolated) == [f"drafts/edits/.{kept.name}.swp"]
    assert cli("delete", "1").exit_code == 0
    emptied = cli("trash", "--empty", "--yes")
    assert "Destroyed 1 entry, and 1 unsaved edit of it." in said(emptied)
    assert holding_words(isolated) == []


def test_drafts_names_a_recovery_file_whose_draft_is_gone(cli: CLI, isolated: Path) -> None:
    folder = isolated / "drafts" / "edits"
    folder.mkdir(parents=True)
    orphan = folder / ".entry-1-20261101-100000.md.swp"
    orphan.write_text(WORDS)
    result = cli("drafts")
    assert "There are no unfinished drafts." in said(result)
    assert (f"An editor's recovery file is left in the drafts folder with no draft: {orphan}. It "
            "may hold words never saved") in said(result)
    assert orphan.exists()


# -- trash --empty and the copies an upgrade kept ---------------------------------------------


def test_trash_empty_names_the_copy_an_upgrade_kept(cli: CLI, isolated: Path) -> None:
    assert cli("write", "-x", WORDS).exit_code == 0
    copy = isolated / "journal.db.backup-20261201T080000"
    copy.write_bytes((isolated / "journal.db").read_bytes())
    assert cli("delete", "1").exit_code == 0
    result = cli("trash", "--empty", "--yes")
    assert result.exit_code == 0
    assert said(result) == (
        f"Destroyed 1 entry. A copy of the journal kept by an upgrade may still hold it: {copy}; "
        "deleting it (once you are happy with this version of peerjournal) removes that text "
        "for good."
    )
    assert copy.exists()


def test_trash_empty_without_upgrade_copies_says_only_what_it_did(cli: CLI) -> None:
    assert cli("write", "-x", WORDS).exit_code == 0
    cli("delete", "1")
    assert said(cli("trash", "--empty", "--yes")) == "Destroyed 1 entry."


# -- what is promised ---------------------------------------------------------------------------


def test_the_promise_is_about_what_peerjournal_does(cli: CLI, isolated: Path) -> None:
    first = said(cli("write", "-x", WORDS))
    assert "on this computer only" not in first
    assert ("peerjournal never sends anything anywhere (a synced or shared folder is copied by "
            "its own program).") in first
    shown = " ".join(cli("--help").stdout.split())
    assert "Private: peerjournal never sends anything anywhere." in shown
    assert "nothing leaves this machine" not in shown


# -- people add, out of the shell's history ----------------------------------------------------


def names(cli: CLI) -> list[str]:
    return [p["name"] for p in json.loads(cli("people", "list", "--json").stdout)]


def test_people_add_reads_names_from_stdin(cli: CLI) -> None:
    result = cli("people", "add", "-", input="Maria Lopez\n\n  Bo Lin \n")
    assert result.exit_code == 0, result.stderr
    assert "Added Maria Lopez" in said(result) and "Added Bo Lin" in said(result)
    assert names(cli) == ["Bo Lin", "Maria Lopez"]
    listed = cli("people", "add", "-", "--json", input="Zed Quill\n")
    assert json.loads(listed.stdout) == [{"name": "Zed Quill", "alias": None, "added": True}]


def test_people_add_from_stdin_refuses_one_alias_for_several_and_adds_nobody(cli: CLI) -> None:
    result = cli("people", "add", "-", "--alias", "M.", input="Maria Lopez\nBo Lin\n")
    assert result.exit_code == 1
    assert "--alias is for one name, and 2 came in" in said(result)
    assert names(cli) == []
    assert "No name came in on standard input" in said(cli("people", "add", "-", input="\n"))


def test_people_add_without_a_name_asks_at_a_terminal_only(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    monkeypatch.setattr("builtins.input", iter(["Maria Lopez", ""]).__next__)
    result = cli("people", "add")
    assert result.exit_code == 0
    assert "they stay out of your shell's history" in result.stderr
    assert names(cli) == ["Maria Lopez"]


@pytest.mark.parametrize("how", ["windows-1252", "replaced"])
def test_people_add_says_a_name_not_utf_8_was_typed_at_the_prompt(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, terminal: None, how: str
) -> None:
    # review r42: it was called "the text given on the command line"
    from peerjournal import textsafe

    if how == "replaced":  # (bytes Windows-1252 cannot read either)
        monkeypatch.setattr(textsafe, "typed_bytes", lambda data: ("Ren\ufffd Dupont", how))
    monkeypatch.setattr("builtins.input", iter(["Ren\udce9 Dupont", ""]).__next__)  # Latin-1 é
    result = cli("people", "add")
    assert result.exit_code == 0, result.stderr
    assert "The name typed at the prompt is not UTF-8" in said(result)
    assert "command line" not in said(result)
    assert names(cli) == ["René Dupont" if how == "windows-1252" else "Ren\ufffd Dupont"]


def test_people_add_without_a_name_and_no_terminal_says_how(cli: CLI) -> None:
    result = cli("people", "add", input="")
    assert result.exit_code == 2
    assert "`-` to read names from standard input" in said(result)


def test_people_add_help_mentions_the_shells_history(cli: CLI) -> None:
    shown = " ".join(cli("people", "add", "--help").stdout.split())
    assert "A name typed on the command line is kept in your shell's history" in shown


SRC = str(Path(__file__).resolve().parents[1] / "src")


def piped(isolated: Path, data: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    """`peerjournal ARGS` in a process of its own, `data` on a real pipe as its stdin."""
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run([sys.executable, "-m", "peerjournal", *args], input=data, env=env,
                          capture_output=True, timeout=120, check=False)


def test_people_add_refuses_more_than_it_reads_and_adds_nobody(
    cli: CLI, isolated: Path
) -> None:
    """Not a name cut in half and the names after it left out, unsaid."""
    data = b"\n" * ((1 << 20) - 6) + b"Zora Quillfeather\nMaria Lopez\n"
    done = piped(isolated, data, "people", "add", "-")
    assert done.returncode == 1
    assert done.stderr.decode() == ("peerjournal: Standard input is over 1 MiB: that is not a "
                                    "list of names. Nobody was added.\n")
    assert names(cli) == []


def test_people_add_reads_latin_1_from_a_pipe_as_from_the_command_line(
    cli: CLI, isolated: Path
) -> None:
    done = piped(isolated, "José García\n".encode("latin-1"), "people", "add", "-")
    assert done.returncode == 0, done.stderr
    told = " ".join(done.stderr.decode().split())
    assert ("Standard input is not UTF-8: it was read as Windows-1252 (Latin-1), so letters such "
            "as é are kept; check they read as you meant.") in told
    assert names(cli) == ["José García"]


def test_people_add_adds_a_list_in_one_go_reading_the_list_once(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.db import people

    assert cli("people", "add", "Sam Jones", "--alias", "S.").exit_code == 0
    reads: list[int] = []
    listing = people.list_people
    monkeypatch.setattr(people, "list_people", lambda *a, **k: reads.append(1) or listing(*a, **k))
    given = "".join(f"Person Number{i}\n" for i in range(200)) + "sam jones\n"
    result = cli("people", "add", "-", input=given)
    assert result.exit_code == 0, result.stderr
    assert len(reads) == 1
    # one already listed is named, and left as it is; the others are added
    assert "Already on the people list, left as they are: Sam Jones." in said(result)
    assert len(names(cli)) == 201


def test_people_add_from_stdin_adds_all_or_none(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C (or a failure) part of the way down the list leaves the list as it was."""
    from peerjournal import redact

    keys: list[str] = []
    key = redact.name_key

    def interrupted(name: str) -> str:
        keys.append(name)
        if len(keys) > 4:  # (at the third name, two added already)
            raise KeyboardInterrupt
        return key(name)

    monkeypatch.setattr(redact, "name_key", interrupted)
    result = cli("people", "add", "-", input="Ann Bee\nCid Dee\nEve Fox\n")
    assert result.exit_code == 130 and said(result) == "peerjournal: Interrupted."
    assert keys[-1] == "Eve Fox"
    monkeypatch.setattr(redact, "name_key", key)
    assert names(cli) == []


@pytest.mark.parametrize(("given", "why"), [
    ("Sam Jones\nClient-A\nBob Smith\n",
     "Maria Lopez's alias 'Client-A' contains 'Client-A'; change that alias first"),
    ("Sam Jones\nA\nBob Smith\n", "'A' cannot go on the people list: it is also the word 'a'"),
    ("Sam Jones\n\x1b[1m\nBob Smith\n", "A name cannot hold control characters"),
])
def test_people_add_from_stdin_refusing_a_name_mid_list_adds_nobody_and_says_which(
    cli: CLI, given: str, why: str
) -> None:
    # review r42: which name was refused, and that the names before it were not added
    assert cli("people", "add", "Maria Lopez", "--alias", "Client-A").exit_code == 0
    result = cli("people", "add", "-", input=given)
    assert result.exit_code == 1
    assert why in said(result)
    assert said(result).endswith("That is name 2 of the 3 read, so nobody was added.")
    assert "Added" not in said(result)
    assert names(cli) == ["Maria Lopez"]


# -- removed names and notes wiped on an SQLite built without SECURE_DELETE -------------------


def test_removed_names_and_notes_leave_no_trace_without_secure_delete(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = sqlite3.connect

    def without_secure_delete(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real(*args, **kwargs)
        conn.execute("PRAGMA secure_delete = OFF")  # (sqlite.org's default build)
        return conn

    monkeypatch.setattr(sqlite3, "connect", without_secure_delete)
    assert cli("people", "add", "Zephyrina Quillfeather").exit_code == 0
    assert cli("write", "-x", "A calm day.").exit_code == 0
    assert cli("supervision", "done", "--note", "talked about section 136").exit_code == 0
    assert cli("people", "remove", "Zephyrina Quillfeather").exit_code == 0
    assert cli("supervision", "undo", "--yes").exit_code == 0
    data = b"".join(p.read_bytes() for p in isolated.glob("journal.db*"))
    assert b"Zephyrina" not in data and b"section 136" not in data


# -- Windows-1252 read the same way everywhere --------------------------------------------------


def test_text_read_as_windows_1252_is_said_in_the_shared_words() -> None:
    from peerjournal.cli.editor import read_as_windows_1252
    from peerjournal.textsafe import read_as_1252

    told: list[str] = []
    assert read_as_windows_1252(b"caf\xe9", "notes.txt", told.append) == "café"
    assert told == [read_as_1252("notes.txt", "check them in the entry")]
