"""Round 44 (an unreliable laptop: a full disk, a locked journal, Ctrl-C, two terminals).

1. `edit ID -x TEXT` (and --feelings, --evaluation, --self-care) that cannot be saved keeps
   its words as unsaved changes that `edit ID` continues, once the journal is let go of (on
   a full disk the failed save's -wal file took the room): they were lost. Printed on
   stdout when not even that can be written. An edit in the editor lets go of the journal
   before its kept file is written to again.
   A self-check answer the journal cannot take, where the writer stops (q, Ctrl-C), is kept
   with the answers before it in an answers file that `supervision check --answers FILE`
   saves: it was lost ("The answer just given was not saved").
2. Draft lock files are the writer's only (0600), as every file in the journal's folder.
3. `write --resume --draft N` on unsaved changes a version before 12-04 kept names the entry
   whose text they hold, or says that no `edit ID` continues them, and the ways out.
"""

from __future__ import annotations

import builtins
import errno
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import CLI, CTRL_C, Keys
from test_editor_drafts_r29 import said, use_editor
from test_inputs_r26 import locked  # noqa: F401 (a fixture)
from test_r43_recovery import OLD_NAME, _old_edit

BIG = "We sat with the ward team and talked about the wren. " * 600
SAVED_AS_IT_IS = "text = open(path).read()\nopen(path, 'w').write(text)\n"  # (`:wq`)
NEW = "Kai and I walked to the housing office, and he did the talking."


def _entry(cli: CLI, entry_id: int = 1) -> dict[str, object]:
    result = cli("show", str(entry_id), "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def _edits(home: Path) -> list[Path]:
    folder = home / "drafts" / "edits"
    return sorted(p for p in folder.iterdir() if not p.name.startswith(".")) if folder.is_dir() \
        else []


def _full_disk(
    monkeypatch: pytest.MonkeyPatch, home: Path, refuse: Callable[[Path], bool],
    method: str = "update",
) -> list[bool]:
    """The disk fills as the change is saved (the failed transaction's -wal took the room):
    the save (`Store.method`) fails as SQLite's does, and from then on a file `refuse`d (given
    its path) cannot be written. Returns, for each save tried, whether the journal's -wal was
    there."""
    from peerjournal import drafts as drafts_module
    from peerjournal.db.store import Store
    from peerjournal.errors import DatabaseError

    opened: list[bool] = []
    wal = home / "journal.db-wal"

    def fail(self: Store, *args: object, **kwargs: object) -> int:
        opened.append(wal.exists())
        raise DatabaseError(f"The disk holding {self.path} is full; nothing was saved.")

    real_write = drafts_module.write_atomic

    def write_atomic(path: Path, text: str | bytes) -> None:
        if opened and refuse(path):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write(path, text)

    monkeypatch.setattr(Store, method, fail)
    monkeypatch.setattr(drafts_module, "write_atomic", write_atomic)
    return opened


@pytest.fixture
def entry(cli: CLI) -> int:
    assert cli("write", "-x", "Kai talked about his brother.", "--feelings", "Worried.",
               "-t", "family").exit_code == 0
    return 1


# -- 1. edit: options that cannot be saved ------------------------------------------------------


def test_options_on_a_full_disk_keep_their_words_as_an_edit_that_edit_id_continues(
    cli: CLI, isolated: Path, entry: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Was: "The disk … is full; nothing was saved." and the words given were nowhere."""
    wal = isolated / "journal.db-wal"
    with monkeypatch.context() as patched:
        opened = _full_disk(patched, isolated, lambda _: wal.exists())
        result = cli("edit", "1", "-x", NEW, "--self-care", "A walk.")
    assert opened == [True]  # (the journal was open, its -wal there, as the save failed)
    assert result.exit_code == 4
    assert result.stdout == ""
    [kept] = _edits(isolated)
    assert said(result) == (
        f"peerjournal: The disk holding {isolated / 'journal.db'} is full; nothing was saved. "
        f"Your edit is kept in {kept} (`peerjournal edit 1` continues it)."
    )
    assert _entry(cli)["experience"] == "Kai talked about his brother."
    # options are refused over it, as over any unsaved changes
    refused = cli("edit", "1", "-s", "ward")
    assert refused.exit_code == 1 and f"(kept in {kept})" in said(refused)
    # `edit 1` continues it (not taken for an edit with no change), and saves it
    use_editor(monkeypatch, tmp_path, SAVED_AS_IT_IS)
    continued = cli("edit", "1")
    assert continued.exit_code == 0, continued.stderr
    assert "You have unsaved changes to entry 1" in said(continued)
    saved = _entry(cli)
    assert (saved["experience"], saved["self_care"], saved["tags"]) == (NEW, "A walk.", ["family"])
    assert _edits(isolated) == []


def test_options_with_no_room_for_the_edit_print_it_on_stdout(
    cli: CLI, isolated: Path, entry: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    _full_disk(monkeypatch, isolated, lambda path: "edits" in path.parts)
    result = cli("edit", "1", "-x", BIG)
    assert result.exit_code == 4
    assert BIG.strip() in result.stdout and "## Experience" in result.stdout
    assert _edits(isolated) == []
    assert said(result).endswith(
        "(No space left on device), so your edit of entry 1 is printed on stdout: copy it "
        "somewhere safe (`peerjournal edit 1` opens the entry to paste it into)."
    )
    assert BIG[:40] not in result.stderr


def test_ctrl_c_while_options_are_saved_keeps_their_words(
    cli: CLI, isolated: Path, entry: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.db.store import Store

    def interrupted(self: Store, *args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "update", interrupted)
    result = cli("edit", "1", "--feelings", "Tired, and glad.")
    assert result.exit_code == 130
    [kept] = _edits(isolated)
    assert said(result) == (
        f"peerjournal: Interrupted. Nothing changed; your edit is kept in {kept} "
        "(`peerjournal edit 1` continues it)."
    )
    assert "Tired, and glad." in kept.read_text(encoding="utf-8")


@pytest.mark.parametrize("options", [["-s", "ward"], ["--feelings", ""], ["-t", "work"]])
def test_options_with_no_words_to_keep_keep_nothing(
    cli: CLI, isolated: Path, entry: int, monkeypatch: pytest.MonkeyPatch, options: list[str]
) -> None:
    """A setting, tags, an emptied part: nothing typed to lose, and no unsaved changes left
    to refuse the next `edit 1 -s ward` over."""
    _full_disk(monkeypatch, isolated, lambda _: False)
    result = cli("edit", "1", *options)
    assert result.exit_code == 4
    assert said(result).endswith("is full; nothing was saved.")
    assert _edits(isolated) == []


def test_options_refused_before_the_save_keep_nothing(cli: CLI, isolated: Path, entry: int) -> None:
    result = cli("edit", "1", "-x", NEW, "-d", "2030-01-01")
    assert result.exit_code != 0
    assert _edits(isolated) == []


def test_an_edit_lets_go_of_the_journal_before_its_kept_file_is_written_again(
    cli: CLI, isolated: Path, entry: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An editor killed while saving leaves the file without its last line (whose entry it
    is), which is put back once the save fails: on a full disk, only once the failed save's
    -wal has gone. Was: the line not put back, and the next `edit 1` took the edit for
    another entry's."""
    use_editor(monkeypatch, tmp_path, """
        text = open(path).read()
        text = text[: text.index("<!-- peerjournal: editing entry")].replace(
            "## Experience\\n", "## Experience\\nAdded in the editor.\\n", 1)
        open(path, "w").write(text)
    """)
    wal = isolated / "journal.db-wal"
    with monkeypatch.context() as patched:
        opened = _full_disk(patched, isolated, lambda _: wal.exists())
        result = cli("edit", "1")
    assert opened == [True]
    assert result.exit_code == 4
    [kept] = _edits(isolated)
    assert f"Your edit is kept in {kept} (`peerjournal edit 1` continues it)." in said(result)
    text = kept.read_text(encoding="utf-8")
    assert "Added in the editor." in text
    assert "<!-- peerjournal: editing entry 1 (written " in text


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or os.geteuid() != 0 or not shutil.which("mount"),
    reason="mounts a small tmpfs (root, Linux)",
)
@pytest.mark.parametrize("free_kb", [300, 100, 40])
def test_options_on_a_nearly_full_disk_are_kept_as_an_edit(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, free_kb: int
) -> None:
    """QA's case on a real 2 MB disk: a 32 KB experience given with -x."""
    with _small_disk(tmp_path) as disk:
        home = disk / "h"
        monkeypatch.setenv("PEERJOURNAL_HOME", str(home))
        for n in range(20):
            assert cli("write", "-x", f"Entry {n} of the ward round.").exit_code == 0
        filler = _fill(disk, free_kb)
        result = cli("edit", "3", "-x", BIG)
        assert result.exit_code == 4, said(result)
        assert result.stdout == ""
        [kept] = _edits(home)
        assert f"Your edit is kept in {kept} (`peerjournal edit 3` continues it)." in said(result)
        assert BIG.strip() in kept.read_text(encoding="utf-8")
        filler.unlink()


@contextmanager
def _small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs in `tmp_path`, unmounted after (skips the test where none can be)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"tmpfs cannot be mounted here: {mounted.stderr.decode().strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=False)
        if os.path.ismount(disk):
            subprocess.run(["umount", "-l", str(disk)], check=False)


def _fill(disk: Path, free_kb: int) -> Path:
    """A file that leaves `free_kb` KB free on `disk`."""
    found = os.statvfs(disk)
    filler = disk / "filler"
    filler.write_bytes(b"\0" * (found.f_bavail * found.f_frsize - free_kb * 1024))
    return filler


# -- 1. the self-check: an answer the journal cannot take ---------------------------------------


def _kept_answers(home: Path) -> list[Path]:
    folder = home / "drafts" / "self-check"
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_an_answer_the_locked_journal_cannot_take_is_kept_in_an_answers_file(
    cli: CLI, isolated: Path, keys: Callable[..., Keys],
    locked: sqlite3.Connection,  # noqa: F811 (the fixture)
) -> None:
    """Was: "The answer just given was not saved. No answer is kept yet" (the note typed,
    lost)."""
    keys("4", "a note typed with care", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 4
    [kept] = _kept_answers(isolated)
    assert said(result).endswith(
        "is locked by another program; try again in a moment. The answer just given was not "
        f"saved: it is kept in {kept} (`peerjournal supervision check --answers {kept}` saves it "
        "once the journal can take it)."
    )
    assert "a note typed with care" not in result.stderr.split("peerjournal:")[-1]
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    locked.execute("ROLLBACK")
    saved = cli("supervision", "check", "--answers", str(kept))
    assert saved.exit_code == 0, saved.stderr
    assert f"Removed {kept}: its answers are saved." in said(saved)
    assert _kept_answers(isolated) == []
    [check] = json.loads(cli("export", "--full").stdout)["self_checks"]
    assert [(a["score"], a["note"]) for a in check["answers"].values()] == [
        (4, "a note typed with care")
    ]


def test_ctrl_c_at_try_again_keeps_the_answer_and_exits_as_ctrl_c(
    cli: CLI, isolated: Path, keys: Callable[..., Keys],
    locked: sqlite3.Connection,  # noqa: F811 (the fixture)
) -> None:
    """Was: "Stopped. No answer is kept yet" (the answer just given, gone unsaid)."""
    keys("2", "the depot thing", CTRL_C)
    result = cli("supervision", "check")
    assert result.exit_code == 130
    [kept] = _kept_answers(isolated)
    assert json.loads(kept.read_text(encoding="utf-8")) == {
        "story": {"score": 2, "note": "the depot thing"}
    }
    assert "The answer just given was not saved: it is kept" in said(result)


def test_answers_with_no_room_for_their_file_are_printed_and_read_back(
    cli: CLI, isolated: Path, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("write", "-x", "Earlier entry.").exit_code == 0
    from peerjournal.cli import supervision

    keys("3", "first note", "5", "second one", "q")
    calls: list[int] = []
    real = supervision.UNSAVED_ANSWERS

    def save_check(store: object, check_id: int | None, *args: object) -> int:
        calls.append(1)
        if len(calls) == 2:
            from peerjournal.errors import DatabaseError

            raise DatabaseError("The disk holding the journal is full; nothing was saved.")
        return real_save(store, check_id, *args)  # type: ignore[arg-type]

    from peerjournal.db import supervision as db_supervision

    real_save = db_supervision.save_check
    from peerjournal import drafts as drafts_module

    real_write = drafts_module.write_atomic

    def write_atomic(path: Path, text: str | bytes) -> None:
        if real in path.parts:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_write(path, text)

    with monkeypatch.context() as patched:
        patched.setattr(db_supervision, "save_check", save_check)
        patched.setattr(drafts_module, "write_atomic", write_atomic)
        result = cli("supervision", "check")
    assert result.exit_code == 4
    assert _kept_answers(isolated) == []
    printed = json.loads(result.stdout)
    assert printed == {"story": {"score": 3, "note": "first note"},
                       "mutuality": {"score": 5, "note": "second one"}}
    assert said(result).endswith(
        "(No space left on device), so your self-check so far is printed on stdout: copy it "
        "somewhere safe (`peerjournal supervision check --answers -` reads it back). Kept 1 "
        "of 22 answers; `peerjournal supervision check` carries on from there."
    )
    monkeypatch.setattr(builtins, "input", Keys())  # (no terminal questions: a file)
    back = cli("supervision", "check", "--answers", "-", input=result.stdout)
    assert back.exit_code == 0, back.stderr
    [check] = json.loads(cli("export", "--full").stdout)["self_checks"]
    assert len(check["answers"]) == 2


# -- 2. draft lock files: the writer's only ------------------------------------------------------


def test_a_draft_lock_file_is_the_writers_only(isolated: Path) -> None:
    from peerjournal.drafts import Draft

    folder = isolated / "drafts"
    folder.mkdir(parents=True)
    draft = Draft(folder / "20261207-100000.json")
    old = Draft(folder / "20261207-100001.json")
    old_lock = folder / f".{old.path.name}.lock"
    old_lock.touch()
    old_lock.chmod(0o644)  # (as versions before round 44 made them)
    previous = os.umask(0o022)
    try:
        draft.hold()
        old.hold()
        lock = folder / f".{draft.path.name}.lock"
        assert stat.S_IMODE(lock.stat().st_mode) == 0o600
        assert stat.S_IMODE(old_lock.stat().st_mode) == 0o600
    finally:
        os.umask(previous)
        draft.release()
        old.release()


# -- 3. write --resume --draft N: unsaved changes an older version kept --------------------------


def test_resume_names_the_entry_an_old_edit_holds(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = _old_edit(cli, isolated, tmp_path, monkeypatch)
    result = cli("write", "--resume", "--draft", "1")
    assert result.exit_code == 1
    assert said(result) == (
        "peerjournal: Draft 1 holds unsaved changes an older version of peerjournal kept to "
        "entry 1 (they hold its text): `peerjournal edit 1` continues them, and keeps them as "
        "its edit from then on."
    )
    assert old.exists()  # (left for `edit 1`, which says so)
    use_editor(monkeypatch, tmp_path, SAVED_AS_IT_IS)
    continued = cli("edit", "1")
    assert continued.exit_code == 0, continued.stderr
    assert f"Unsaved changes an older version of peerjournal kept in {old}" in said(continued)


def test_resume_names_an_entry_in_the_trash_an_old_edit_holds(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_edit(cli, isolated, tmp_path, monkeypatch)
    assert cli("delete", "1").exit_code == 0
    result = cli("write", "--resume", "--draft", "1")
    assert "kept to entry 1 (they hold its text): `peerjournal restore 1` (the entry is in the " \
        "trash), then `peerjournal edit 1`, continues them" in said(result)


def test_resume_says_no_edit_id_continues_an_old_edit_of_no_entry(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "`edit ID` continues them", which no `edit ID` did."""
    old = _old_edit(cli, isolated, tmp_path, monkeypatch, of="Kai talked about his brother.")
    text = old.read_text(encoding="utf-8").replace(
        "Kai talked about his brother.", "Mo rang from the depot about the rota.")
    old.write_text(text, encoding="utf-8")
    result = cli("write", "--resume", "--draft", "1")
    assert result.exit_code == 1
    assert said(result) == (
        "peerjournal: Draft 1 holds unsaved changes an older version of peerjournal kept, and "
        "no entry in this journal can be told to hold their text, so no `edit ID` continues "
        f"them: copy what you need from {old} (`peerjournal write --from-file {old}` saves it "
        "as a new entry; `peerjournal drafts --discard 1` drops it)."
    )
    saved = cli("write", "--from-file", str(old))
    assert saved.exit_code == 0, saved.stderr
    assert _entry(cli, 3)["experience"] == "Mo rang from the depot about the rota."
    assert old.name == OLD_NAME


def test_resume_on_a_locked_journal_names_an_old_edit_as_kept(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "Draft 1, unsaved changes to entry None, is kept as it was."."""
    _old_edit(cli, isolated, tmp_path, monkeypatch)
    from peerjournal.context import AppContext
    from peerjournal.errors import DatabaseError

    def refuse(self: AppContext) -> None:
        raise DatabaseError("The journal is locked by another program.")

    monkeypatch.setattr(AppContext, "refuse_if_damaged", refuse)
    result = cli("write", "--resume", "--draft", "1")
    assert result.exit_code == 4
    assert said(result) == (
        "peerjournal: The journal is locked by another program. Draft 1, unsaved changes an "
        "older version of peerjournal kept, is kept as it was."
    )
