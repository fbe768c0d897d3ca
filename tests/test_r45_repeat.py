"""Round 45 (qa_fixes_a): a repeat is a text written again within the hour, --share shares it,
write --json says "already" (and imports), the `editor` alternative and sensible-editor are
terminal editors, `vim -e -s` is vim's silent mode as `-es` is, import on 31 Dec 9999."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CLI, SRC


def _ids(cli: CLI) -> list[int]:
    return [e["id"] for e in json.loads(cli("list", "--json").stdout)]


def _at(monkeypatch: pytest.MonkeyPatch, clock: str) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", clock)


# -- 1. a repeat is an entry made in the last hour ------------------------------------------------


@pytest.mark.parametrize(("later", "saved_as"), [
    ("2026-11-20T09:40:00+00:00", 1),  # sent again: the entry made 40 minutes ago holds it
    ("2026-11-20T10:00:00+00:00", 1),  # an hour on, to the second
    ("2026-11-20T10:00:01+00:00", 2),  # past the hour: another shift's note
    ("2026-11-20T17:00:00+00:00", 2),
])
def test_the_same_note_at_the_next_shift_is_a_new_entry(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, later: str, saved_as: int
) -> None:
    _at(monkeypatch, "2026-11-20T09:00:00+00:00")
    assert cli("write", "-x", "Quiet shift.", "-s", "drop-in").stdout.strip() == "1"
    _at(monkeypatch, later)
    second = cli("write", "-x", "Quiet shift.", "-s", "drop-in")
    assert second.exit_code == 0, second.stderr
    assert second.stdout.strip() == str(saved_as)
    assert ("already holds" in second.stderr) is (saved_as == 1)
    assert len(_ids(cli)) == saved_as


def test_an_entry_made_hours_ago_for_the_same_date_is_not_a_repeat(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("write", "-x", "Quiet shift.", "-d", "2026-11-20").exit_code == 0
    _at(monkeypatch, "2026-11-21T09:15:00+00:00")
    again = cli("write", "-x", "Quiet shift.", "-d", "2026-11-20")
    assert again.exit_code == 0 and again.stdout.strip() == "2", again.stderr
    assert _ids(cli) == [2, 1]


def test_a_repeat_for_an_earlier_date_within_the_hour_says_when_it_was_written(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("write", "-x", "Quiet shift.", "-d", "2026-11-19").exit_code == 0
    _at(monkeypatch, "2026-11-20T19:10:00+00:00")
    again = cli("write", "-x", "Quiet shift.", "-d", "2026-11-19")
    assert again.exit_code == 0 and again.stdout.strip() == "1"
    assert again.stderr.strip().splitlines() == [
        "Entry 1 already holds this text, written today at 18:30: it is not saved again "
        "(`peerjournal show 1` shows it; --again saves a second entry with it)."
    ]
    assert _ids(cli) == [1]


# -- 2. --share on a repeat shares the entry ------------------------------------------------------


def test_share_on_a_repeat_shares_the_entry_that_holds_the_text(cli: CLI) -> None:
    assert cli("write", "-x", "Walked Sam home.").exit_code == 0
    again = cli("write", "-x", "Walked Sam home.", "--share", "--json")
    assert again.exit_code == 0, again.stderr
    shown = json.loads(again.stdout)
    assert shown["id"] == 1 and shown["shared"] is True and shown["already"] is True
    assert again.stderr.strip().endswith("You asked to share it: it is now shared.")
    assert json.loads(cli("show", "1", "--json").stdout)["shared"] is True
    assert _ids(cli) == [1]


def test_a_repeat_without_share_leaves_a_shared_entry_shared(cli: CLI) -> None:
    assert cli("write", "-x", "Walked Sam home.", "--share").exit_code == 0
    again = cli("write", "-x", "Walked Sam home.")
    assert again.exit_code == 0 and "shared" not in again.stderr
    assert json.loads(cli("show", "1", "--json").stdout)["shared"] is True
    again = cli("write", "-x", "Walked Sam home.", "--share")  # (shared already: nothing said)
    assert again.exit_code == 0 and "shared" not in again.stderr


def test_a_repeat_that_cannot_be_shared_says_so_and_fails(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.db.store import Store
    from peerjournal.errors import PeerJournalError

    def refused(self: Store, entry_id: int, shared: bool) -> None:
        raise PeerJournalError("The journal is read-only.")

    assert cli("write", "-x", "Walked Sam home.").exit_code == 0
    monkeypatch.setattr(Store, "set_shared", refused)
    again = cli("write", "-x", "Walked Sam home.", "--share")
    assert again.exit_code == 1 and again.stdout == ""
    assert again.stderr == (
        "peerjournal: Entry 1 already holds this text, written today at 18:30: it is not saved "
        "again, and it could not be shared: The journal is read-only.\n")
    assert _ids(cli) == [1]


# -- 3. write --json: "already", which import ignores -------------------------------------------


def test_write_json_says_already_last_and_both_outputs_import(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = cli("write", "-x", "Walked with Rosa to the clinic.", "-t", "walk", "--json")
    again = cli("write", "-x", "Walked with Rosa to the clinic.", "-t", "walk", "--json")
    new, repeat = json.loads(first.stdout), json.loads(again.stdout)
    assert list(new)[-1] == list(repeat)[-1] == "already"
    assert new["already"] is False and repeat["already"] is True
    assert {k: v for k, v in new.items() if k != "already"} == {
        k: v for k, v in repeat.items() if k != "already"}
    for n, output in enumerate((first.stdout, again.stdout)):
        saved = tmp_path / f"w{n}.json"
        saved.write_text(output, encoding="utf-8")
        monkeypatch.setenv("PEERJOURNAL_HOME", str(tmp_path / f"other{n}"))
        imported = cli("import", str(saved))
        assert imported.exit_code == 0, imported.stderr
        assert json.loads(cli("show", "1", "--json").stdout)["experience"] == (
            "Walked with Rosa to the clinic.")


# -- 7. a kept draft removed by a repeat: one true sentence -------------------------------------


def test_a_repeat_that_removes_a_kept_draft_says_the_entry_holds_the_text(cli: CLI) -> None:
    assert cli("write", "-x", "Sat with Kev at the bus stop.").exit_code == 0
    kept = cli("write", "-x", "Sat with Kev at the bus stop.", "-d", "tomorow")
    assert kept.exit_code != 0 and "kept as draft" in kept.stderr
    again = cli("write", "-x", "Sat with Kev at the bus stop.")
    assert again.exit_code == 0 and again.stdout.strip() == "1"
    said = again.stderr.strip().splitlines()
    assert said[0].startswith("The draft kept when this text could not be saved before (")
    assert said[0].endswith(") is removed: entry 1 holds the same text.")
    assert "saved now" not in again.stderr
    assert said[1].startswith("Entry 1 already holds this text")
    assert cli("drafts", "--json").stdout.strip() == "[]"


# -- 5. import on the calendar's last day ---------------------------------------------------------


def test_import_on_the_last_day_of_the_calendar_imports(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _at(monkeypatch, "9999-12-31T00:00:00+00:00")
    records = [{"date": "9999-12-31", "experience": "The last day."},
               {"date": "9999-12-30", "experience": "The day before."}]
    given = tmp_path / "entries.json"
    given.write_text(json.dumps(records), encoding="utf-8")
    imported = cli("import", str(given))
    assert imported.exit_code == 0, imported.stderr
    assert sorted(e["date"] for e in json.loads(cli("list", "--json").stdout)) == [
        "9999-12-30", "9999-12-31"]


def test_a_backup_made_on_the_last_day_imports_on_it(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _at(monkeypatch, "9999-12-31T23:00:00+00:00")
    assert cli("write", "-x", "The last shift.").exit_code == 0
    assert cli("supervision", "done").exit_code == 0
    backup = tmp_path / "backup.json"
    assert cli("export", "--full", "-o", str(backup)).exit_code == 0
    monkeypatch.setenv("PEERJOURNAL_HOME", str(tmp_path / "restored"))
    imported = cli("import", str(backup))
    assert imported.exit_code == 0, imported.stderr
    assert "1 supervision record" in imported.stderr
    assert json.loads(cli("show", "1", "--json").stdout)["date"] == "9999-12-31"


# -- 4, 6. editors that need a terminal, by what they run ---------------------------------------

# an "editor" that changes the entry: if it is run, the test sees it
_EDITS = "import sys, pathlib\np = pathlib.Path(sys.argv[-1])\np.write_text(p.read_text().replace('Before.', 'After.'))\n"  # noqa: E501


def _program(path: Path) -> Path:
    """An executable at `path` that edits its last argument (`_EDITS`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!{sys.executable}\n{_EDITS}", encoding="utf-8")
    path.chmod(0o755)
    return path


def _edit_without_terminal(
    cli: CLI, tmp_path: Path, editor: str
) -> subprocess.CompletedProcess[str]:
    """`edit 1` as cron runs it (stdin /dev/null), with $EDITOR `editor` and tmp_path/bin
    first on PATH."""
    assert cli("write", "-x", "Before.").exit_code == 0
    env = {**os.environ, "PYTHONPATH": SRC, "EDITOR": editor, "VISUAL": "",
           "PATH": f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run([sys.executable, "-m", "peerjournal", "edit", "1"], env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=120, check=False)


def _debian_editor(tmp_path: Path) -> None:
    """bin/editor → alternatives/editor → vim.basic, as Debian links its `editor`."""
    vim = _program(tmp_path / "usr" / "vim.basic")
    (tmp_path / "alternatives").mkdir()
    (tmp_path / "alternatives" / "editor").symlink_to(vim)
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "editor").symlink_to(tmp_path / "alternatives" / "editor")


def test_the_editor_alternative_leading_to_vim_is_not_started_without_a_terminal(
    cli: CLI, tmp_path: Path
) -> None:
    _debian_editor(tmp_path)
    done = _edit_without_terminal(cli, tmp_path, "editor")
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("peerjournal: $EDITOR is 'editor' (vim.basic), which needs "
                                  "a terminal")
    assert json.loads(cli("show", "1", "--json").stdout)["experience"] == "Before."


def test_vim_behind_the_editor_alternative_in_silent_mode_runs(cli: CLI, tmp_path: Path) -> None:
    _debian_editor(tmp_path)
    done = _edit_without_terminal(cli, tmp_path, "editor -e -s")
    assert done.returncode == 0, done.stderr
    assert json.loads(cli("show", "1", "--json").stdout)["experience"] == "After."


@pytest.mark.parametrize("name", ["sensible-editor", "select-editor"])
def test_a_program_that_picks_the_editor_is_not_started_without_a_terminal(
    cli: CLI, tmp_path: Path, name: str
) -> None:
    _program(tmp_path / "bin" / name)
    done = _edit_without_terminal(cli, tmp_path, name)
    assert done.returncode == 2, done.stderr
    assert f"$EDITOR is '{name}', which needs a terminal" in done.stderr
    assert json.loads(cli("show", "1", "--json").stdout)["experience"] == "Before."


@pytest.mark.parametrize(("command", "needs"), [
    (["vim", "-es"], False), (["vim", "-e", "-s"], False), (["vim", "-E", "-s"], False),
    (["nvim", "-e", "-s", "-c", "wq"], False), (["vim", "-Es"], False),
    (["vim", "-s", "keys.txt", "-e"], True),  # -s before -e: a file of keys, on a screen
    (["vim", "-e"], True), (["vim", "--", "-e", "-s"], True),  # (file names after --)
    (["nano", "-E", "-s", "aspell"], True),  # nano's -s is its speller
    (["sensible-editor"], True), (["/usr/bin/select-editor"], True),
])
def test_vims_silent_mode_split_or_together(command: list[str], needs: bool) -> None:
    from peerjournal.cli.editor import needs_a_terminal

    assert needs_a_terminal(command) is needs
