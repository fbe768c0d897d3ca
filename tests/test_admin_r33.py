"""Round 33 (QA data report, 5, 6, 7, 9, 10): a named pipe as config.toml, PEERJOURNAL_HOME
naming a file or a link to nothing, cache files' modes, Ctrl-C during an import into a new
journal, and what the people-list restore says of the people it leaves out."""

from __future__ import annotations

import json
import os
import signal
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from conftest import CLI
from peerjournal import paths

BACKUP = {"schema": "peerjournal.backup/1", "entries": [], "self_checks": [], "supervisions": []}


@contextmanager
def within(seconds: int) -> Iterator[None]:
    """Fail, rather than hang the suite, when the command waits for ever."""

    def late(signum: int, frame: FrameType | None) -> None:
        raise AssertionError(f"still waiting after {seconds} s")

    before = signal.signal(signal.SIGALRM, late)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)


def _home() -> Path:
    return Path(os.environ["PEERJOURNAL_HOME"])


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# ------------------------------------------------------------ 5: config.toml not a file


@pytest.mark.parametrize("kind", ["named pipe", "folder"])
def test_a_config_that_is_not_a_file_is_refused_in_one_line(cli: CLI, kind: str) -> None:
    config = _home() / "config.toml"
    config.parent.mkdir(parents=True)
    os.mkfifo(config) if kind == "named pipe" else config.mkdir()
    with within(20):
        result = cli("drift", "--text", "I sat with them.")
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {config}: cannot read settings: it is not a file (a folder, a named "
        "pipe or a device); settings are a .toml file.\n"
    )


def test_where_says_why_a_named_pipe_config_is_not_read(cli: CLI) -> None:
    config = _home() / "config.toml"
    config.parent.mkdir(parents=True)
    os.mkfifo(config)
    with within(20):
        result = cli("where")
    assert result.exit_code == 0
    assert f"config    {config}\n" in result.stdout
    assert result.stderr.startswith(f"Settings not read: {config}: cannot read settings: it is")


# ---------------------------------------------------- 6: PEERJOURNAL_HOME not a folder


@pytest.fixture
def home_is_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "afile"
    home.write_text("not a folder\n")
    monkeypatch.setenv("PEERJOURNAL_HOME", str(home))
    return home


@pytest.fixture
def home_is_a_dangling_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "dangle"
    home.symlink_to(tmp_path / "unmounted")
    monkeypatch.setenv("PEERJOURNAL_HOME", str(home))
    return home


def test_a_draft_that_cannot_be_kept_says_home_is_a_file(
    cli: CLI, home_is_a_file: Path
) -> None:
    result = cli("write", "-x", "Walked with Kev to the library.")
    assert result.exit_code == 4
    assert "Walked with Kev to the library." in result.stdout  # (printed instead)
    assert (
        f"The draft could not be written to {home_is_a_file / 'drafts'} (PEERJOURNAL_HOME "
        f"points at a file, not a folder: {home_is_a_file}), so your entry is printed"
    ) in result.stderr
    assert "File exists" not in result.stderr
    assert home_is_a_file.read_text() == "not a folder\n"


def test_a_dangling_home_link_is_named_as_such(
    cli: CLI, home_is_a_dangling_link: Path, tmp_path: Path
) -> None:
    result = cli("write", "-x", "Walked with Kev to the library.")
    assert result.exit_code == 4
    assert (
        f"PEERJOURNAL_HOME points at a link to {tmp_path / 'unmounted'}, which is not there: "
        f"{home_is_a_dangling_link}"
    ) in result.stderr
    assert "File exists" not in result.stderr
    assert not (tmp_path / "unmounted").exists()


@pytest.mark.parametrize("json_out", [False, True])
def test_where_lists_the_paths_then_warns_that_home_is_a_file(
    cli: CLI, home_is_a_file: Path, json_out: bool
) -> None:
    result = cli("where", *(["--json"] if json_out else []))
    assert result.exit_code == 4  # r36: as every command that opens the journal (was 1)
    if json_out:
        assert json.loads(result.stdout)["data_dir"] == str(home_is_a_file)
    else:
        assert f"data dir  {home_is_a_file}\n" in result.stdout
    assert result.stderr == (
        f"PEERJOURNAL_HOME points at a file, not a folder: {home_is_a_file}; no journal, "
        "draft or setting can be kept there.\n"
    )


def test_where_warns_of_a_dangling_home_link(cli: CLI, home_is_a_dangling_link: Path) -> None:
    result = cli("where")
    assert result.exit_code == 4  # r36: as every command that opens the journal (was 1)
    assert "PEERJOURNAL_HOME points at a link to " in result.stderr
    assert "which is not there" in result.stderr


def test_where_is_quiet_for_a_home_not_made_yet(cli: CLI) -> None:
    result = cli("where")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_a_file_in_the_way_of_another_folder_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(NotADirectoryError) as raised:
        paths.make_private_folder(blocker / "inner")
    assert raised.value.strerror == f"{blocker} is a file, not a folder"


# ------------------------------------------------------------------ 10: cache file modes


def test_cache_files_in_the_data_folder_are_private(cli: CLI) -> None:
    from peerjournal.drift import load_lexicon
    from peerjournal.drift.lexicon import _keep

    folder = paths.cache_dir()
    paths.write_cache_file(folder / "checked" / "note", b"1 2 3 4")
    assert _keep(load_lexicon(), folder, "test")
    assert _mode(folder / "checked" / "note") == 0o600
    assert _mode(folder / "lexicon-test.pickle") == 0o600
    assert _mode(folder) == _mode(folder / "checked") == 0o700
    assert sorted(p.name for p in folder.rglob("*")) == ["checked", "lexicon-test.pickle", "note"]


def test_a_cache_file_written_again_stays_private(cli: CLI) -> None:
    target = paths.cache_dir() / "checked" / "note"
    paths.write_cache_file(target, b"old")
    paths.write_cache_file(target, b"new")
    assert target.read_bytes() == b"new" and _mode(target) == 0o600


# --------------------------------------------------- 9: Ctrl-C importing into a new journal


def _interrupt(*args: object, **kwargs: object) -> None:
    raise KeyboardInterrupt


def _backup(tmp_path: Path, people: list[dict[str, Any]]) -> str:
    path = tmp_path / "backup.json"
    path.write_text(json.dumps({**BACKUP, "people": people}))
    return str(path)


def test_ctrl_c_importing_into_a_new_journal_says_it_is_empty(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.db import people

    backup = _backup(tmp_path, [{"name": "Sam", "alias": None}])
    monkeypatch.setattr(people, "restore_people", _interrupt)
    journal = _home() / "journal.db"
    result = cli("import", backup)
    assert result.exit_code == 130
    assert result.stderr == (
        f"peerjournal: Interrupted: nothing was imported (the new journal {journal} is "
        "empty).\n"
    )
    monkeypatch.undo()
    listed = cli("people", "list", "--json")
    assert listed.exit_code == 0 and json.loads(listed.stdout) == []


def test_ctrl_c_importing_into_a_journal_already_there_says_it_is_as_it_was(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.db import people

    assert cli("people", "add", "Kev").exit_code == 0
    backup = _backup(tmp_path, [{"name": "Sam", "alias": None}])
    monkeypatch.setattr(people, "restore_people", _interrupt)
    result = cli("import", backup)
    assert result.exit_code == 130
    assert result.stderr == (
        "peerjournal: Interrupted: nothing was imported (the journal is as it was).\n"
    )


# ------------------------------------------------------ 7: the people it leaves out


def _people(cli: CLI) -> list[tuple[str, str | None]]:
    result = cli("people", "list", "--json")
    assert result.exit_code == 0, result.stderr
    return [(p["name"], p["alias"]) for p in json.loads(result.stdout)]


def test_an_alias_for_someone_already_listed_is_not_dropped_unsaid(
    cli: CLI, tmp_path: Path
) -> None:
    assert cli("people", "add", "Sam").exit_code == 0
    backup = _backup(tmp_path, [{"name": "Sam", "alias": "S."}])
    dry = cli("import", "--dry-run", backup)
    assert dry.exit_code == 0 and "a people list of 1 person (1 already listed)" in dry.stderr
    result = cli("import", backup)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "People list: added 0 of 1 person (1 already listed).",
        "Note: 'Sam' is already listed, with no alias: the backup's alias 'S.' for it was not "
        "used (`peerjournal people add Sam --alias S.` uses it).",
    ]
    assert _people(cli) == [("Sam", None)]
    assert cli("people", "add", "Sam", "--alias", "S.").exit_code == 0  # as it says
    assert _people(cli) == [("Sam", "S.")]


def test_a_different_alias_already_listed_is_named(cli: CLI, tmp_path: Path) -> None:
    assert cli("people", "add", "Sam Jones", "--alias", "SJ").exit_code == 0
    result = cli("import", _backup(tmp_path, [{"name": "sam jones", "alias": "Sammy J"}]))
    assert result.exit_code == 0, result.stderr
    assert (
        "Note: 'sam jones' is already listed, with the alias 'SJ': the backup's alias 'Sammy J' "
        "for it was not used (`peerjournal people add 'Sam Jones' --alias 'Sammy J'` uses it)."
    ) in result.stderr.splitlines()
    assert _people(cli) == [("Sam Jones", "SJ")]


def test_a_name_twice_in_the_backup_is_not_called_already_listed(
    cli: CLI, tmp_path: Path
) -> None:
    backup = _backup(tmp_path, [{"name": "Zoe", "alias": None}, {"name": "zoe", "alias": "Z"}])
    dry = cli("import", "--dry-run", backup)
    assert "a people list of 2 people (1 named twice in the backup)" in dry.stderr
    result = cli("import", backup)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "People list: added 1 of 2 people (1 named twice in the backup).",
        "Note: 'zoe' is in the backup as 'Zoe' first, with no alias: the backup's alias 'Z' for "
        "it was not used (`peerjournal people add Zoe --alias Z` uses it).",
    ]
    assert _people(cli) == [("Zoe", None)]


def test_both_reasons_are_counted_apart_and_the_same_alias_is_no_news(
    cli: CLI, tmp_path: Path
) -> None:
    assert cli("people", "add", "Kev", "--alias", "K").exit_code == 0
    backup = _backup(tmp_path, [
        {"name": "Kev", "alias": "K"}, {"name": "Amir", "alias": None},
        {"name": "AMIR", "alias": None}, {"name": "Priya", "alias": None},
    ])
    result = cli("import", backup)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "People list: added 2 of 4 people (1 already listed; 1 named twice in the backup).\n"
    )
