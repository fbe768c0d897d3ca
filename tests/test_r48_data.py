"""Round 48: `drift --rescore` commits by batches, so an interrupted one keeps what it finished.

It was one transaction: a Ctrl-C, SIGTERM or crash near the end of a 20,000-entry rescore
(~10-20 s) threw away every score made. Now every WRITTEN_BY entries are committed, each
entry's score and lexicon version together; an interrupted run says how many are stored and
that running it again finishes the rest. An entry scored anew in another terminal while the
rescore ran (an edit) keeps that score."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal import scoring
from peerjournal.db import store as store_module
from peerjournal.drift import load_lexicon
from test_drift_cli import DRIFT, IDENTITY, stored_versions

Add = Callable[..., int]
OLD = "an-old-one"


def _stale_journal(add: Add, home: Path, count: int) -> list[int]:
    """`count` entries whose stored score is an earlier lexicon's, with a verdict no score
    makes: a rescore that stores an entry's version without its score shows."""
    ids = [add(DRIFT if n % 2 else IDENTITY) for n in range(count)]
    with sqlite3.connect(home / "journal.db") as conn:
        conn.execute("UPDATE entry SET lexicon_version = ?, drift_verdict = 'old'", (OLD,))
    return ids


def _verdicts(home: Path) -> dict[int, tuple[str, str]]:
    with sqlite3.connect(home / "journal.db") as conn:
        rows = conn.execute("SELECT id, lexicon_version, drift_verdict FROM entry").fetchall()
    return {entry_id: (version, verdict) for entry_id, version, verdict in rows}


def _stopping_after(
    monkeypatch: pytest.MonkeyPatch, scored: int, then: Callable[[], None] | None = None
) -> None:
    """Scores as the rescore gets them, but a Ctrl-C once `scored` are handed over (or,
    with `then`, run it there and carry on)."""
    real = scoring.score_for_store

    def scores(texts: Sequence[str], *args: object, **kwargs: object) -> Iterator[object]:
        for n, score in enumerate(real(texts, *args, **kwargs), 1):  # type: ignore[arg-type]
            yield score
            if n == scored:
                if then is None:
                    raise KeyboardInterrupt
                then()

    monkeypatch.setattr(scoring, "score_for_store", scores)


def test_an_interrupted_rescore_keeps_the_batches_it_stored(
    cli: CLI, add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _stale_journal(add, isolated, 5)
    monkeypatch.setattr(store_module, "WRITTEN_BY", 2)
    real = scoring.score_for_store
    _stopping_after(monkeypatch, 3)  # the first batch (2) is committed, the second not
    result = cli("drift", "--rescore")
    assert result.exit_code == 130
    assert result.stderr == (
        "peerjournal: Interrupted: 2 of 5 entries were re-scored and are stored: run "
        "`peerjournal drift --rescore` again to score the other 3.\n"
    )
    lexicon = load_lexicon().version
    verdicts = _verdicts(isolated)
    assert {verdicts[i][0] for i in ids[:2]} == {lexicon}
    assert "old" not in {verdicts[i][1] for i in ids[:2]}  # (its score came with its version)
    assert {verdicts[i] for i in ids[2:]} == {(OLD, "old")}  # (as they were)
    monkeypatch.setattr(scoring, "score_for_store", real)
    again = cli("drift", "--rescore")
    assert again.exit_code == 0, again.stderr
    assert "Re-scored 3 entries" in again.stderr
    assert set(stored_versions(isolated).values()) == {lexicon}


def test_an_entry_scored_anew_while_the_rescore_runs_keeps_that_score(
    cli: CLI, add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit in another terminal stores its own score (of its new text) as the rescore
    scores the old text: the rescore's score of the old text must not replace it."""
    ids = _stale_journal(add, isolated, 4)
    lexicon = load_lexicon().version
    monkeypatch.setattr(store_module, "WRITTEN_BY", 2)

    def edited_elsewhere() -> None:
        with sqlite3.connect(isolated / "journal.db") as conn:
            conn.execute(
                "UPDATE entry SET lexicon_version = ?, drift_verdict = 'edited' WHERE id = ?",
                (lexicon, ids[3]),
            )

    _stopping_after(monkeypatch, 1, then=edited_elsewhere)
    result = cli("drift", "--rescore")
    assert result.exit_code == 0, result.stderr
    verdicts = _verdicts(isolated)
    assert verdicts[ids[3]] == (lexicon, "edited")
    assert "old" not in {verdicts[i][1] for i in ids[:3]}


def test_a_failure_part_way_names_the_scores_kept(
    cli: CLI, add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk at the second batch: the first batch's scores are stored, and said so."""
    ids = _stale_journal(add, isolated, 3)
    monkeypatch.setattr(store_module, "WRITTEN_BY", 2)
    real = store_module._still_stale
    calls: list[int] = []

    def full_at_second(*args: object) -> set[int]:
        calls.append(1)
        if len(calls) == 2:
            raise sqlite3.OperationalError("database or disk is full")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(store_module, "_still_stale", full_at_second)
    result = cli("drift", "--rescore")
    assert result.exit_code == 4
    assert result.stderr.count("\n") == 1
    assert "full" in result.stderr
    assert result.stderr.endswith(
        "2 of 3 entries were re-scored and are stored: run `peerjournal drift --rescore` again "
        "to score the other 1.\n"
    )
    assert [stored_versions(isolated)[i] for i in ids] == [load_lexicon().version] * 2 + [OLD]


# -- A damaged frame in the -wal: its later commits are kept in a copy, and said -----------------

FRAME = 24 + 4096  # (a frame of the journal's 4 KB pages, after the log's 32-byte header)


def _left_by_a_crash(cli: CLI, add: Add, home: Path) -> tuple[Path, Path]:
    """A journal of 4 entries whose last 3 are only in its -wal, as a crash leaves it: the
    files copied while another connection kept the -wal from being checkpointed, then put
    back once it closed. (The journal, its -wal.)"""
    add("First shift, we walked to the library together.")
    journal, wal = home / "journal.db", home / "journal.db-wal"
    holder = sqlite3.connect(journal)
    holder.execute("SELECT count(*) FROM entry").fetchone()
    for n in range(3):
        add(f"Shift {n}: we talked about housing and his week.")
    files = {kept: kept.read_bytes() for kept in (journal, wal)}
    holder.close()
    for kept, data in files.items():
        kept.write_bytes(data)
    return journal, wal


def _listed(cli: CLI) -> tuple[list[int], str]:
    result = cli("list", "--json")
    assert result.exit_code == 0, result.stderr
    return [entry["id"] for entry in json.loads(result.stdout)], result.stderr


def test_a_damaged_wal_frame_is_kept_in_a_copy_and_said(
    cli: CLI, add: Add, isolated: Path
) -> None:
    _, wal = _left_by_a_crash(cli, add, isolated)
    damaged = bytearray(wal.read_bytes())
    damaged[32 + 2 * FRAME + 24 + 100] ^= 0xFF  # a byte of the third frame's page
    wal.write_bytes(damaged)
    ids, stderr = _listed(cli)
    assert ids == [1]  # (SQLite drops every commit from the damaged frame on)
    (copy,) = isolated.glob("journal.db-wal.damaged-*")
    assert stderr == (
        "Your last 3 changes to the journal (entries written, edited or deleted, or scores a "
        f"rescore stored) could not be read back: {wal}, the file that held them until the "
        "journal was next opened, is damaged (a crash, a full disk or a failing drive?), and "
        f"the journal opens without them. A copy of that file is kept at {copy} (do not "
        "delete it): check your latest entries and write again what is missing (`peerjournal "
        'drift --rescore` redoes scores); see "Changes that could not be read back" in '
        "docs/data.md.\n"
    )
    assert copy.read_bytes() == bytes(damaged)
    assert copy.stat().st_mode & 0o777 == 0o600
    assert _listed(cli) == ([1], "")  # (said once: the next open finds no -wal)


def test_a_sound_wal_left_by_a_crash_is_read_silently(
    cli: CLI, add: Add, isolated: Path
) -> None:
    _left_by_a_crash(cli, add, isolated)
    assert _listed(cli) == ([4, 3, 2, 1], "")
    assert not list(isolated.glob("journal.db-wal.damaged-*"))


def test_a_frame_cut_short_after_the_last_commit_is_no_damage(
    cli: CLI, add: Add, isolated: Path
) -> None:
    """A crash while a transaction was written leaves frames never committed: SQLite drops
    them, as it should, and nothing is said."""
    _, wal = _left_by_a_crash(cli, add, isolated)
    extra = wal.read_bytes()[32:32 + FRAME]
    with wal.open("ab") as log:
        log.write(extra[:8] + bytes(8) + extra[16:] + extra[:100])  # (wrong salts, cut short)
    assert _listed(cli) == ([4, 3, 2, 1], "")
    assert not list(isolated.glob("journal.db-wal.damaged-*"))


def test_a_wal_whose_header_is_damaged_loses_every_commit_in_it(
    cli: CLI, add: Add, isolated: Path
) -> None:
    _, wal = _left_by_a_crash(cli, add, isolated)
    damaged = bytearray(wal.read_bytes())
    damaged[13] ^= 0x01  # (the checkpoint sequence number: the header's checksum fails)
    wal.write_bytes(damaged)
    ids, stderr = _listed(cli)
    assert ids == [1]
    assert "Your last 3 changes to the journal" in stderr
    assert len(list(isolated.glob("journal.db-wal.damaged-*"))) == 1


def test_a_journal_another_program_has_open_is_not_checked(add: Add, isolated: Path) -> None:
    """Its -wal is live (SQLite drops no frame while a program has it open): `list` in a
    second terminal reads no -wal."""
    from peerjournal.db import engine

    add("One shift.")
    journal = isolated / "journal.db"
    assert not engine._open_elsewhere(journal)
    holding = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
         "c.execute('SELECT count(*) FROM entry').fetchone(); print(flush=True); "
         "sys.stdin.read()", str(journal)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )
    try:
        assert holding.stdout is not None
        holding.stdout.readline()
        assert engine._open_elsewhere(journal) == (sys.platform in ("linux", "darwin"))
    finally:
        holding.communicate(b"")
