"""Round 48 (second pass): a rescore never waits for ever on dead workers, a -wal whose header
is damaged is kept and said, and "Re-scored N entries" counts only the entries written.

A SIGTERM to the rescore's process group hung it in 4 of ~38 runs: the signal was taken by a
thread of the worker pool, so the main thread, asleep waiting for a batch, never ran its
handler, and the workers had died of the same signal. A -wal whose header was damaged lost
every change in it without a word (SQLite ignores such a log whole)."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.drift import load_lexicon
from peerjournal.drift import score as score_module
from peerjournal.drift.score import PARALLEL_FROM, iter_score_many
from peerjournal.errors import PeerJournalError
from test_r48_data import _left_by_a_crash, _listed, _stale_journal, _stopping_after

Add = Callable[..., int]
LINUX = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")


def _blocked(thread_id: int) -> int:
    """The signals the thread `thread_id` of this process blocks (a mask, bit n-1: signal n)."""
    status = Path(f"/proc/self/task/{thread_id}/status").read_text()
    (line,) = [line for line in status.splitlines() if line.startswith("SigBlk:")]
    return int(line.split()[1], 16)


@LINUX
def test_no_thread_of_the_pool_takes_a_stopping_signal() -> None:
    """Only the main thread can take SIGTERM while the workers score: the kernel gives it to
    any thread that does not block it, and a pool thread that took it left the main thread
    asleep, never told."""
    seen: list[tuple[int, int]] = []
    main = threading.get_native_id()
    before = {int(task) for task in os.listdir("/proc/self/task")} - {main}  # (pytest-xdist's)

    def look(_: int) -> None:
        if not seen:
            seen.extend((int(task), _blocked(int(task))) for task in os.listdir("/proc/self/task"))

    texts = ["We talked about his housing."] * PARALLEL_FROM
    assert len(list(iter_score_many(texts, workers=2, progress=look))) == PARALLEL_FROM
    term = 1 << (signal.SIGTERM - 1)
    others = [mask for task, mask in seen if task != main and task not in before]
    assert len(others) >= 3  # (the pool's threads)
    assert all(mask & term for mask in others)
    assert dict(seen)[main] & term == 0
    assert _blocked(main) & term == 0  # (and the main thread's mask is as it was)


def _dies(_: object) -> object:
    os._exit(1)


def test_a_worker_that_dies_ends_the_scoring_instead_of_a_wait_for_ever() -> None:
    texts = ["We talked about his housing."] * PARALLEL_FROM
    with pytest.raises(PeerJournalError, match="A scoring process ended before its work was"):
        list(iter_score_many(texts, workers=2, convert=_dies))


@pytest.mark.parametrize(
    ("at", "flip"),
    [(0, 0x01), (10, 0x01), (17, 0x01)],
    ids=["magic number", "page size", "salt"],
)
def test_a_wal_whose_header_is_damaged_is_kept_and_said(
    cli: CLI, add: Add, isolated: Path, at: int, flip: int
) -> None:
    """SQLite ignores such a -wal whole: the changes in it were lost without a word."""
    _, wal = _left_by_a_crash(cli, add, isolated)
    damaged = bytearray(wal.read_bytes())
    damaged[at] ^= flip
    wal.write_bytes(damaged)
    ids, stderr = _listed(cli)
    assert ids == [1]
    (copy,) = isolated.glob("journal.db-wal.damaged-*")
    assert stderr.startswith("Your last 3 changes to the journal (entries written, edited or ")
    assert f"A copy of that file is kept at {copy} (do not delete it)" in stderr
    assert stderr.count("\n") == 1
    assert copy.read_bytes() == bytes(damaged)


def test_a_wal_with_no_whole_frame_is_no_damage(cli: CLI, add: Add, isolated: Path) -> None:
    """A crash as the first frame of a log was written: nothing was committed in it."""
    _, wal = _left_by_a_crash(cli, add, isolated)
    data = bytearray(wal.read_bytes()[:32 + 100])
    data[0] ^= 0x01
    wal.write_bytes(data)
    assert _listed(cli) == ([1], "")
    assert not list(isolated.glob("journal.db-wal.damaged-*"))


def test_entries_edited_while_the_rescore_runs_are_not_counted_as_rescored(
    cli: CLI, add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _stale_journal(add, isolated, 4)
    lexicon = load_lexicon().version

    def edited_elsewhere() -> None:
        with sqlite3.connect(isolated / "journal.db") as conn:
            conn.execute("UPDATE entry SET lexicon_version = ? WHERE id = ?", (lexicon, ids[3]))

    _stopping_after(monkeypatch, 1, then=edited_elsewhere)
    result = cli("drift", "--rescore", "--json")
    assert result.exit_code == 0, result.stderr
    assert '"rescored": 3' in result.stdout
    assert "Re-scored 3 entries" in result.stderr


class _StuckPool:
    """A pool whose `terminate` waits for ever, as on a lock a killed worker held."""

    def __init__(self) -> None:
        self.killed: list[int] = []
        self._pool = [_Worker(self, n) for n in range(2)]

    def terminate(self) -> None:
        threading.Event().wait()


class _Worker:
    def __init__(self, pool: _StuckPool, number: int) -> None:
        self.pool, self.number = pool, number

    def kill(self) -> None:
        self.pool.killed.append(self.number)


def test_stopping_a_pool_stuck_on_a_dead_workers_lock_kills_its_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(score_module, "TERMINATE_SECONDS", 0.05)
    pool = _StuckPool()
    score_module._terminate(pool)
    assert pool.killed == [0, 1]
