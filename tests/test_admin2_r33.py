"""Round 33: the note of a journal found sound is this user's only (0600); Ctrl-C during an
upgrade says what became of the journal; a data folder that is a link to nothing is named
once, not as "Cannot create the folder P: ...: P."."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.db import engine, health
from test_upgrade_stress import _files, _journal_at, _state


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask, under which a file made with the default mode is 0644."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def test_the_note_that_a_journal_is_sound_is_readable_by_this_user_only(
    cli: CLI, add: Callable[..., int], isolated: Path, umask_022: None
) -> None:
    """It was 0644: in a shared home, others could see which journals are kept where."""
    add()
    assert cli("list").exit_code == 0
    notes = list((isolated / "cache" / health.CHECKED_DIR).iterdir())
    assert notes  # (one per journal)
    assert {stat.S_IMODE(note.stat().st_mode) for note in notes} == {0o600}


def _interrupt(*args: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize("where", ["upgrading", "copying"])
def test_ctrl_c_during_an_upgrade_says_the_journal_is_unchanged_and_no_copy_kept(
    cli: CLI, add: Callable[..., int], isolated: Path, monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    """It said only "Interrupted.", after "Upgrading your journal...": was it upgraded, half
    upgraded, and where was the copy?"""
    from peerjournal.db import searchfold

    path = _journal_at(cli, add, isolated, "0006")
    before = _state(path)
    stopped = (searchfold, "folded_or_none") if where == "upgrading" else (engine, "_name_backup")
    kept = getattr(*stopped)
    monkeypatch.setattr(*stopped, _interrupt)  # (0008 reads folded_or_none)
    result = cli("list")
    assert result.exit_code == 130
    assert result.stderr == (
        f"{engine.UPGRADING}\npeerjournal: Interrupted: the journal at {path} was not "
        "upgraded; it is unchanged and no copy was kept (the upgrade runs again when it is "
        "next opened).\n"
    )
    assert _state(path) == before
    assert _files(isolated) == []
    monkeypatch.setattr(*stopped, kept)
    again = cli("list")
    assert again.exit_code == 0, again.stderr
    assert "Upgraded your journal." in again.stderr
    assert _state(path)[0] == [(engine.HEAD_REVISION,)]


def test_a_data_folder_that_is_a_link_to_nothing_is_named_once(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "dangle"
    home.symlink_to(tmp_path / "unmounted")
    monkeypatch.setenv("PEERJOURNAL_HOME", str(home))
    result = cli("people", "add", "Maria")
    assert result.exit_code == 4
    assert result.stderr == (
        f"peerjournal: PEERJOURNAL_HOME points at a link to {tmp_path / 'unmounted'}, which "
        f"is not there: {home}.\n"
    )
    assert not (tmp_path / "unmounted").exists()


def test_a_db_path_in_a_link_to_nothing_is_named_once(cli: CLI, tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.symlink_to(tmp_path / "unmounted")
    result = cli("--db", str(folder / "journal.db"), "people", "add", "Maria")
    assert result.exit_code == 4
    assert result.stderr == (
        f"peerjournal: {folder} is a link to {tmp_path / 'unmounted'}, which is not there.\n"
    )
