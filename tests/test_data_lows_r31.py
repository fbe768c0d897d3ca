"""Low-severity data and admin problems (round 31).

Before: `list` and `report` stopped (exit 4, "damaged … Restore it from a copy") on a journal
whose index of dates was damaged, though `show` and `export --full` read every entry; `--db
/proc/version` (a file whose size reads as 0) was "empty (0 bytes), so it is used as a new
journal"; PEERJOURNAL_NOW with a zone (`Z`) made "today" that zone's day, not the local one;
two `import`s starting the same journal at once could find it empty ("used as a new
journal"); and the cache folders in the data folder were made 0755."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, SRC
from peerjournal import paths
from peerjournal.db import engine
from peerjournal.db.store import Store
from peerjournal.drift.regex_store import RegexStore

CHECKED = "SQLite's check of the file found errors"
ENTRY = "We walked to the housing office together and I shared my own story. "


def said(stderr: str) -> str:
    return " ".join(stderr.split())


# -- 1. a damaged index: list and report read past it, as show and export --full do ----------


def journal(add: Callable[..., int], home: Path, entries: int = 24) -> Path:
    """`entries` entries over November, in two settings and three tags, every page in the
    main file (no WAL)."""
    for n in range(entries):
        add(f"Entry {n}. " + ENTRY * 5, "--date", f"2026-11-{n % 19 + 1:02d}",
            "--setting", ("outreach", "drop-in")[n % 2], "-t", f"tag{n % 3}")
    path = home / "journal.db"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def garbage_over(path: Path, name: str) -> None:
    """Random bytes over the index `name`'s root page (past the file's header on page 1)."""
    with sqlite3.connect(path) as conn:
        (page,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                               (name,)).fetchone()
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((page - 1) * page_size + 8)
        handle.write(random.Random(page).randbytes(512))


def listed(cli: CLI, *options: str) -> list[int]:
    result = cli("list", "--limit", "0", "--json", *options)
    assert result.exit_code == 0, result.stderr
    return [entry["id"] for entry in json.loads(result.stdout)]


LISTINGS = [(), ("--setting", "outreach"), ("--since", "2026-11-18", "--tag", "tag0"),
            ("--limit", "2"), ("--until", "2026-11-03")]


@pytest.mark.parametrize("index", ["ix_entry_live_date", "ix_entry_live_setting",
                                   "ix_entry_scored_with"])
def test_list_and_report_read_past_a_damaged_index(cli: CLI, add: Callable[..., int],
                                                   isolated: Path, index: str) -> None:
    path = journal(add, isolated)
    sound = {options: listed(cli, *options) for options in LISTINGS}
    report = cli("report", "--since", "2026-11-01").stdout
    assert sorted(sound[()]) == list(range(1, 25)) and sound[("--limit", "2")] == [19, 18]
    garbage_over(path, index)
    conn = sqlite3.connect(path)  # what the planner may walk `list` through now fails
    with pytest.raises(sqlite3.DatabaseError, match="malformed"):
        conn.execute(f"SELECT * FROM entry INDEXED BY {index} ORDER BY 1").fetchall()
    conn.close()
    before = path.read_bytes()

    for options in LISTINGS:  # the same entries, in the same order, and a warning
        result = cli("list", "--limit", "0", "--json", *options)
        assert result.exit_code == 0, result.stderr
        assert [entry["id"] for entry in json.loads(result.stdout)] == sound[options]
        assert f"is damaged ({CHECKED}): what is shown may be incomplete" in said(result.stderr)
        assert "Restore it" not in result.stderr  # not the error of a journal that cannot be read
    shown = cli("list")
    assert shown.exit_code == 0 and "Entry 18." in shown.stdout

    result = cli("report", "--since", "2026-11-01")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == report
    assert f"is damaged ({CHECKED})" in said(result.stderr)
    as_json = cli("report", "--json", "--since", "2026-11-01")
    assert json.loads(as_json.stdout)["totals"]["entries"] == 24
    assert path.read_bytes() == before  # read only: nothing written into the damaged file

    refused = cli("write", "-x", "Still refused.")  # writing is still refused
    assert refused.exit_code == 4
    assert f"damaged ({CHECKED}), so nothing was saved to it" in said(refused.stderr)


def test_reads_of_a_sound_journal_still_use_its_indexes(add: Callable[..., int],
                                                        isolated: Path) -> None:
    journal(add, isolated, entries=3)
    store = Store(isolated / "journal.db")
    try:
        plan = store.conn.execute("EXPLAIN QUERY PLAN SELECT id FROM entry "
                                  "WHERE deleted_at IS NULL ORDER BY date").fetchall()
        assert "ix_entry_live_date" in str(plan)
    finally:
        store.close()


# -- 2. a file whose size reads as 0 yet holds text ----------------------------------------


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="no /proc (Linux only)")
@pytest.mark.parametrize("command", [["list"], ["show", "1"], ["write", "-x", "A note."],
                                     ["export", "--full"], ["people", "add", "Sam"]])
def test_a_file_that_reads_as_empty_but_is_not_is_refused(cli: CLI, command: list[str]) -> None:
    version = Path("/proc/version").read_bytes()
    assert Path("/proc/version").stat().st_size == 0  # (what made it look empty)
    result = cli("--db", "/proc/version", *command)
    assert result.exit_code == 4, result.stderr
    assert said(result.stderr).startswith(
        "peerjournal: /proc/version is not a peerjournal journal: its size reads as 0 bytes, "
        "yet it holds text (a file the system makes up, as in /proc or /sys); --db needs a "
        "journal file's path.")
    assert "empty (0 bytes)" not in result.stderr and "used as a new journal" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert Path("/proc/version").read_bytes() == version
    assert not Path("/proc/version-wal").exists()
    where = cli("--db", "/proc/version", "where")  # names the paths, says nothing of it empty
    assert where.exit_code == 0 and "empty" not in where.stderr


def test_a_journal_file_of_0_bytes_is_still_started_anew(cli: CLI, tmp_path: Path) -> None:
    empty = tmp_path / "journal.db"
    empty.touch()
    result = cli("--db", str(empty), "write", "-x", "A first note.")
    assert result.exit_code == 0, result.stderr
    assert f"{empty} is empty (0 bytes), so it is used as a new journal" in said(result.stderr)
    assert cli("--db", str(empty), "show", "1").exit_code == 0


# -- 3. PEERJOURNAL_NOW with a zone: today is that moment's local date ------------------------


def written_on(cli: CLI, now: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    monkeypatch.setenv("PEERJOURNAL_NOW", now)
    result = cli("write", "-x", f"A note at {now}.")
    assert result.exit_code == 0, result.stderr
    entry_id = int(result.stdout.split()[0])
    [found] = [e for e in json.loads(cli("export", "--full").stdout)["entries"]
               if e["id"] == entry_id]
    return found["date"], found["created_at"]


def test_a_moment_with_a_zone_is_today_in_the_local_zone(
    cli: CLI, zone: Callable[[str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    zone("Pacific/Auckland")  # 23:30 UTC on the 20th is 12:30 on the 21st there
    assert written_on(cli, "2026-11-20T23:30:00Z", monkeypatch) == (
        "2026-11-21", "2026-11-21T12:30:00+13:00")
    assert written_on(cli, "2026-11-20T23:30:00+00:00", monkeypatch)[0] == "2026-11-21"
    assert written_on(cli, "2026-11-21T00:30:00+01:00", monkeypatch)[0] == "2026-11-21"
    assert written_on(cli, "2026-11-20T23:30:00", monkeypatch) == (  # no zone: a local time
        "2026-11-20", "2026-11-20T23:30:00+13:00")
    zone("America/Los_Angeles")  # and 15:30 on the 20th there
    assert written_on(cli, "2026-11-21T00:30:00Z", monkeypatch) == (
        "2026-11-20", "2026-11-20T16:30:00-08:00")
    until_today = cli("list", "--until", "today", "--json")  # (Los Angeles' 20 November)
    assert [e["date"] for e in json.loads(until_today.stdout)] == ["2026-11-20", "2026-11-20"]


def test_a_moment_too_late_for_the_local_zone_keeps_its_own(
    cli: CLI, zone: Callable[[str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    zone("Pacific/Auckland")
    assert written_on(cli, "9999-12-31T23:30:00Z", monkeypatch)[0] == "9999-12-31"


# -- 4. two imports starting the same journal at once ----------------------------------------


def test_two_imports_into_a_journal_not_there_yet_both_succeed(
    cli: CLI, add: Callable[..., int], isolated: Path, tmp_path: Path
) -> None:
    for n in range(3):
        add(f"Note {n} about the housing office.")
    backup = tmp_path / "backup.json"
    assert cli("export", "--full", "--output", str(backup)).exit_code == 0
    env = {**os.environ, "PYTHONPATH": SRC}
    for attempt in range(4):  # (a race: tried a few times)
        target = tmp_path / f"new{attempt}" / "journal.db"
        command = [sys.executable, "-m", "peerjournal", "--db", str(target), "import",
                   str(backup)]
        runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(2)]
        outcomes = [(run.wait(60), *run.communicate()) for run in runs]
        assert [code for code, _, _ in outcomes] == [0, 0], outcomes
        stderr = "".join(err for _, _, err in outcomes)
        stdout = "".join(out for _, out, _ in outcomes)
        assert "empty (0 bytes)" not in stderr and "Error" not in stderr, stderr
        assert stdout.count("Imported 3 entries") + stderr.count("Imported 3 entries") == 1
        assert "Skipped 3 entries already in the journal" in stdout + stderr
        assert sorted(p.name for p in target.parent.iterdir()) == ["journal.db"]
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        found = cli("--db", str(target), "list", "--json")
        assert len(json.loads(found.stdout)) == 3


def test_a_journal_made_meanwhile_by_another_run_is_kept(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The moment of the race, made certain: while this run makes its new journal, another
    makes the same one and saves an entry to it. This run opens that one; nothing is lost."""
    target = isolated / "journal.db"
    creating = engine._create
    other: list[int] = []

    def create(path: Path) -> None:
        if not other:
            other.append(1)
            with monkeypatch.context() as other_run:  # the other run, at the same moment
                other_run.setattr(engine.os, "getpid", lambda: 1)
                first = Store(target)
            first.conn.execute(
                "INSERT INTO person (name, created_at) VALUES ('Sam', '2026-11-20')")
            first.close()
        creating(path)

    monkeypatch.setattr(engine, "_create", create)
    store = Store(target)
    try:
        assert store.conn.execute("SELECT name FROM person").fetchall() == [("Sam",)]
    finally:
        store.close()
    assert sorted(p.name for p in isolated.iterdir() if p.name.startswith("journal")) == [
        "journal.db"]


# -- 5. cache folders in the data folder are private -----------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_cache_folders_in_the_data_folder_are_private(
    cli: CLI, add: Callable[..., int], isolated: Path, tmp_path: Path
) -> None:
    add()
    lexicon = tmp_path / "org.toml"  # an organisation's lexicon, parsed into the cache
    lexicon.write_bytes((Path(engine.__file__).parents[1] / "drift" / "markers.toml")
                        .read_bytes())
    assert cli("--lexicon", str(lexicon), "drift", "1").exit_code == 0
    cache = isolated / "cache"
    assert list(cache.glob("lexicon-*.pickle"))
    assert mode(cache) == 0o700 and mode(cache / "checked") == 0o700
    store = RegexStore(cache / "deeper" / "regex-test.bin")
    store.compile(r"\bhousing\b")
    assert (cache / "deeper" / "regex-test.bin").exists() and mode(cache / "deeper") == 0o700


def test_a_cache_beside_the_package_is_made_as_python_makes_pycache(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    os.umask(umask)
    beside = Path(paths.__file__).parent / "__pycache__" / f"r31-test-{os.getpid()}"
    try:
        paths.make_cache_folder(beside / "lexicon")
        assert mode(beside / "lexicon") == 0o777 & ~umask
    finally:
        for folder in (beside / "lexicon", beside):
            if folder.exists():
                folder.rmdir()
    paths.make_cache_folder(tmp_path / "data" / "cache")
    assert mode(tmp_path / "data") == 0o700 and mode(tmp_path / "data" / "cache") == 0o700
