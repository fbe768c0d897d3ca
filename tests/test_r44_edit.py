"""Round 44, QA of the durability fixes (qa_fixes1 findings 1-4, 13, 14).

1. `edit ID -x TEXT` stopped by Ctrl-C once the change was committed (in the WAL checkpoint
   after it) said "Interrupted. Nothing changed", deleted the copy of the text it replaced
   (the only one left) and kept the new text a second time as an unsaved edit. Once the
   commit is done the edit is saved, and the command says so (exit 0); before it, nothing
   changed and the words given are kept.
2. A Ctrl-C while the notes after the save are said waits for them: "Updated entry 1." and
   where the text replaced is kept, never "Interrupted." alone over a saved edit.
3. `supervision check`: Ctrl-C while it waits for a journal another program is writing to
   keeps the answer just given (score and note) in the answers file, names the file, and
   leaves no lock file.
4. `drafts` names the kept answers files, and `--answers FILE` of one says whose answers
   they are.
14. `edit ID -x TEXT` stopped before the save (while it is checked) keeps the words too.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, Keys
from test_editor_drafts_r29 import said

OLD = "A calm shift on the ward. Tom and I talked about his garden."
NEW = "Kai and I walked to the housing office, and he did the talking."
SRC = str(Path(__file__).resolve().parents[1] / "src")


@pytest.fixture
def entry(cli: CLI) -> int:
    assert cli("write", "-x", OLD, "--feelings", "Calm.").exit_code == 0
    return 1


def _files(home: Path) -> tuple[list[Path], list[Path]]:
    """(the kept edits, the copies of replaced text) in the drafts folder."""
    folder = home / "drafts" / "edits"
    found = sorted(p for p in folder.iterdir() if not p.name.startswith(".")) \
        if folder.is_dir() else []
    return ([p for p in found if "-was-" not in p.name], [p for p in found if "-was-" in p.name])


def _experience(cli: CLI) -> str:
    result = cli("show", "1", "--json")
    assert result.exit_code == 0, result.stderr
    return str(json.loads(result.stdout)["experience"])


# -- 1. Ctrl-C once the change is committed -----------------------------------------------------


def test_ctrl_c_in_the_checkpoint_after_the_commit_is_a_saved_edit(
    cli: CLI, isolated: Path, entry: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: exit 130, "Interrupted. Nothing changed; your edit is kept in …", the copy of
    the replaced experience deleted (its words in no file), the new text kept twice."""
    from peerjournal.db.store import Store

    real = Store.clear_freed
    calls: list[int] = []

    def interrupted(self: Store) -> str | None:
        calls.append(1)
        if len(calls) == 1:  # (the one after the commit; the edit runs it again, unstopped)
            raise KeyboardInterrupt
        return real(self)

    monkeypatch.setattr(Store, "clear_freed", interrupted)
    result = cli("edit", "1", "-x", NEW)
    assert result.exit_code == 0, result.stderr
    assert _experience(cli) == NEW
    kept, [was] = _files(isolated)
    assert kept == []  # (not a second copy of what the entry holds)
    assert OLD in was.read_text(encoding="utf-8")
    assert "Nothing changed" not in result.stderr and "Interrupted" not in result.stderr
    assert said(result).startswith("Updated entry 1. Replaced the experience (13 words); the "
                                   f"entry as it was is kept as draft 1, in {was}")
    assert len(calls) == 2  # the words removed are wiped from the WAL after all


def test_ctrl_c_in_the_transaction_before_the_commit_changes_nothing(
    cli: CLI, isolated: Path, entry: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.db import scoretable

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(scoretable.ScoreRows, "write", interrupted)
    result = cli("edit", "1", "-x", NEW)
    assert result.exit_code == 130
    assert _experience(cli) == OLD
    [kept], was = _files(isolated)
    assert was == []  # (the entry still holds it)
    assert NEW in kept.read_text(encoding="utf-8")
    assert said(result) == (
        f"peerjournal: Interrupted. Nothing changed; your edit is kept in {kept} "
        "(`peerjournal edit 1` continues it)."
    )


def test_ctrl_c_in_the_checkpoint_of_an_edit_continued_from_the_editor(
    cli: CLI, isolated: Path, entry: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The kept edit that `edit 1` continued goes once saved, as without the Ctrl-C."""
    from peerjournal.db.store import Store
    from test_editor_drafts_r29 import use_editor

    def locked(self: Store, *args: object, **kwargs: object) -> None:
        from peerjournal.errors import DatabaseError

        raise DatabaseError("The journal is locked by another program.")

    with monkeypatch.context() as patched:
        patched.setattr(Store, "update", locked)
        assert cli("edit", "1", "-x", NEW).exit_code == 4
    [kept], _ = _files(isolated)
    monkeypatch.setattr(Store, "clear_freed", _interrupted_once(Store.clear_freed))
    use_editor(monkeypatch, tmp_path, "text = open(path).read()\nopen(path, 'w').write(text)\n")
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    assert _experience(cli) == NEW
    assert not kept.exists()
    assert "Updated entry 1." in said(result)


def _interrupted_once(real: Callable[..., str | None]) -> Callable[..., str | None]:
    calls: list[int] = []

    def clear_freed(self: object) -> str | None:
        calls.append(1)
        if len(calls) == 1:
            raise KeyboardInterrupt
        return real(self)

    return clear_freed


# -- 2. Ctrl-C while the notes after the save are said -------------------------------------------


def test_ctrl_c_after_the_save_waits_for_updated_and_the_copy_note(
    cli: CLI, isolated: Path, entry: int
) -> None:
    """A real SIGINT (in a process of its own) as the notes begin. Was: exit 130 and only
    "peerjournal: Interrupted." over an entry updated."""
    code = (
        "import os, signal, sys\n"
        "from peerjournal.cli import edit\n"
        "real = edit._keep_recovery_of\n"
        "def interrupted(*args):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    return real(*args)\n"
        "edit._keep_recovery_of = interrupted\n"
        "sys.argv[0] = 'peerjournal'\n"
        "from peerjournal.launcher import main\n"
        "main()\n"
    )
    env = {**os.environ, "PYTHONPATH": SRC}
    done = subprocess.run([sys.executable, "-c", code, "edit", "1", "-x", NEW], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    _, [was] = _files(isolated)
    assert " ".join(done.stderr.split()).startswith(
        f"Updated entry 1. Replaced the experience (13 words); the entry as it was is kept as "
        f"draft 1, in {was}"
    )
    assert _experience(cli) == NEW
    # the signal is not left held back, nor ignored, for what runs next
    assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN


# -- 14. Ctrl-C before the save ------------------------------------------------------------------


def test_ctrl_c_while_the_edit_is_checked_keeps_the_words(
    cli: CLI, isolated: Path, entry: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "Interrupted." and nothing kept (QA: 2 of 21 Ctrl-Cs)."""
    from peerjournal import entry as entry_module

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(entry_module, "validate", interrupted)
    result = cli("edit", "1", "-x", NEW)
    assert result.exit_code == 130
    [kept], was = _files(isolated)
    assert was == []
    assert NEW in kept.read_text(encoding="utf-8")
    assert "Nothing changed; your edit is kept in" in said(result)
    assert _experience(cli) == OLD


def test_ctrl_c_while_words_as_stored_are_checked_keeps_nothing(
    cli: CLI, isolated: Path, entry: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The words given are the entry's: nothing to keep, and no edit left to refuse the next
    `edit 1 -s ward` over."""
    from peerjournal import entry as entry_module

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(entry_module, "validate", interrupted)
    result = cli("edit", "1", "-x", f"  {OLD} ")
    assert result.exit_code == 130
    assert said(result) == "peerjournal: Interrupted."
    assert _files(isolated) == ([], [])


# -- 3. the self-check: Ctrl-C while it waits for the journal ------------------------------------


def _kept_answers(home: Path) -> list[Path]:
    folder = home / "drafts" / "self-check"
    return sorted(folder.iterdir()) if folder.is_dir() else []


@pytest.fixture
def waiting_then_ctrl_c(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second answer meets a journal another program is writing to, and Ctrl-C comes
    in the wait (`save_check`'s busy wait, "Waiting for the journal")."""
    from peerjournal.db import supervision as db_supervision

    real = db_supervision.save_check
    calls: list[int] = []

    def save_check(*args: object, **kwargs: object) -> int:
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(db_supervision, "save_check", save_check)


def test_ctrl_c_while_waiting_for_the_journal_keeps_the_answer_and_its_note(
    cli: CLI, isolated: Path, keys: Callable[..., Keys], waiting_then_ctrl_c: None
) -> None:
    """Was: "Stopped. Kept 1 of 22 answers" (exit 130), the second answer's note in no file,
    the file unnamed, and its empty lock file left beside it."""
    keys("3", "my first note", "2", "SECOND NOTE I would hate to lose")
    result = cli("supervision", "check")
    assert result.exit_code == 130
    [kept] = _kept_answers(isolated)  # (no `.answers-….json.lock` beside it)
    assert json.loads(kept.read_text(encoding="utf-8")) == {
        "story": {"score": 3, "note": "my first note"},
        "mutuality": {"score": 2, "note": "SECOND NOTE I would hate to lose"},
    }
    message = said(result).split("peerjournal: ")[-1]
    assert message == (
        "Stopped while waiting for the journal. The answer just given was not saved: it is "
        f"kept, with the others given so far, in {kept} (`peerjournal supervision check "
        f"--answers {kept}` saves them once the journal can take them). The journal holds 1 "
        "of 22 answers; `peerjournal supervision check` carries on from there."
    )
    assert "SECOND NOTE" not in message
    saved = cli("supervision", "check", "--answers", str(kept))
    assert saved.exit_code == 0, saved.stderr
    [check] = json.loads(cli("export", "--full").stdout)["self_checks"]
    assert check["answers"]["mutuality"] == {"score": 2, "note": "SECOND NOTE I would hate to lose"}


# -- 4. the kept answers file: `drafts` names it, `--answers` says whose it is -------------------


def test_drafts_names_a_kept_answers_file(
    cli: CLI, isolated: Path, keys: Callable[..., Keys], waiting_then_ctrl_c: None
) -> None:
    """Was: "There are no unfinished drafts." and not a word of the file."""
    keys("3", "my first note", "2", "a note")
    assert cli("supervision", "check").exit_code == 130
    [kept] = _kept_answers(isolated)
    listed = cli("drafts")
    assert listed.exit_code == 0
    assert said(listed) == (
        "There are no unfinished entry drafts. Kept by a self-check (not drafts: `peerjournal "
        "write --resume` does not continue them): A self-check's answers that the journal could "
        f"not take are kept in {kept} (2 answers, 2026-11-20 18:30): `peerjournal supervision "
        f"check --answers {kept}` saves them; delete the file if they are not wanted."
    )


def test_answers_kept_by_a_check_say_whose_they_are(
    cli: CLI, isolated: Path, keys: Callable[..., Keys], waiting_then_ctrl_c: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keys("3", "my first note", "2", "a note")
    assert cli("supervision", "check").exit_code == 130
    [kept] = _kept_answers(isolated)
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-12-08T09:00:00")
    saved = cli("supervision", "check", "--answers", str(kept))
    assert saved.exit_code == 0, saved.stderr
    assert (
        "Carrying on with the self-check started 20 Nov 2026 (1 of 22 answered); --restart "
        f"starts afresh. These are the answers a self-check kept in {kept} on 2026-11-20 "
        "18:30, as the journal could not take them then. Kept 2 of 22 answers."
    ) in said(saved)


def test_answers_kept_by_an_earlier_check_say_where_they_go(
    cli: CLI, isolated: Path, keys: Callable[..., Keys], waiting_then_ctrl_c: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The writer started afresh since: the answers go into the new check, and are said
    to. Was: "Kept 2 of 22 answers." over a check of 8 Dec, with 20 Nov's answers, unsaid."""
    keys("3", "my first note", "2", "a note")
    assert cli("supervision", "check").exit_code == 130
    [kept] = _kept_answers(isolated)
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-12-08T09:00:00")
    keys("4", "", "q")
    assert cli("supervision", "check", "--restart").exit_code == 0
    saved = cli("supervision", "check", "--answers", str(kept))
    assert saved.exit_code == 0, saved.stderr
    assert (
        f"These are the answers a self-check kept in {kept} on 2026-11-20 18:30, as the "
        "journal could not take them then; they are added to the self-check started 8 Dec "
        "2026, not the one they were given in."
    ) in said(saved)


# -- 13. the wording of the failure messages -----------------------------------------------------


def test_no_room_for_the_copy_nor_the_edit_says_where_the_words_are_before_try_again(
    cli: CLI, isolated: Path, entry: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "… so entry 1 is unchanged. Free some space and try again. The draft could not
    be written to …" (told to try again before being told the words are only on stdout)."""
    import errno

    from peerjournal import drafts as drafts_module

    real = drafts_module.write_atomic

    def write_atomic(path: Path, text: str | bytes) -> None:
        if "edits" in path.parts:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(path, text)

    monkeypatch.setattr(drafts_module, "write_atomic", write_atomic)
    result = cli("edit", "1", "-x", NEW)
    assert result.exit_code == 4
    assert NEW in result.stdout
    edits = isolated / "drafts" / "edits"
    assert said(result) == (
        f"peerjournal: The entry as it was cannot be kept in {edits} (No space left on device) "
        f"before its text is replaced, so entry 1 is unchanged. The edit could not be written "
        f"to {edits} (No space left on device), so your edit of entry 1 is printed on stdout: "
        "copy it somewhere safe (`peerjournal edit 1` opens the entry to paste it into, once "
        "some space is freed)."
    )
    assert _experience(cli) == OLD


def test_a_full_disk_at_the_second_answer_does_not_say_nothing_was_saved(
    cli: CLI, isolated: Path, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "The disk holding … is full; nothing was saved. The answer just given was not
    saved: …", which read as the whole check lost, when the first answer is in the journal."""
    from peerjournal.db import supervision as db_supervision
    from peerjournal.errors import DatabaseError

    real = db_supervision.save_check
    calls: list[int] = []

    def save_check(*args: object, **kwargs: object) -> int:
        calls.append(1)
        if len(calls) == 2:
            raise DatabaseError("The disk holding the journal is full; nothing was saved.")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(db_supervision, "save_check", save_check)
    keys("3", "first note", "5", "second one", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 4
    [kept] = _kept_answers(isolated)
    assert said(result).endswith(
        "peerjournal: The disk holding the journal is full; the answer just given was not "
        f"saved: it is kept, with the others given so far, in {kept} (`peerjournal "
        f"supervision check --answers {kept}` saves them once the journal can take them). The "
        "journal holds 1 of 22 answers; `peerjournal supervision check` carries on from there."
    )
