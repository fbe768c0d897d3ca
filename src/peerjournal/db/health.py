"""Noticing a damaged journal before more is written to it, at almost no cost.

SQLite finds damage only on the pages a query reads, so a journal with garbage in its middle
lists, searches and takes new entries without a word. `PRAGMA quick_check` reads every page:
0.23 s on the 20,000-entry benchmark journal (196 MB), more than `write`'s budget allows on
every run. So a journal is checked when it is opened only if its file is not as peerjournal
last left it, sound (its size, times and inode, kept in the cache when a connection that found
it sound closes, if the file is then still as it was when found so): after a sync tool, a copy,
a crash or another program wrote to it. Opening it costs a stat and a read of that note
(0.1 ms), closing a stat and a write of it (2 ms). Where the note cannot be written (a
read-only data folder), every run checks. Damage that leaves the file's structure whole
(garbage inside an entry's text) is not found: SQLite keeps no checksums. `export --full`
always checks: a backup must say when it is incomplete.
"""

from __future__ import annotations

import os
import sqlite3
import zlib
from contextlib import suppress
from pathlib import Path

from peerjournal import paths

CHECKED_DIR = "checked"  # in the cache folder: one small file per journal


def _record(path: Path) -> Path:
    """(Two journals sharing a name only check more often: a stamp names its file's inode.)"""
    return paths.cache_dir() / CHECKED_DIR / f"{zlib.crc32(os.fsencode(path.absolute())):08x}"


def stamp(path: Path) -> str | None:
    """What changes whenever anything writes to the file (ctime cannot be set back); in WAL
    mode a commit writes only the -wal file, so the journal's own file changes only when it
    is checkpointed (at the last close, or when the -wal grows past 1,000 pages)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return f"{found.st_size} {found.st_mtime_ns} {found.st_ctime_ns} {found.st_ino}"


def unchanged(path: Path, found: str | None) -> bool:
    """Whether the journal, `found` as it is now (`stamp`), is as a peerjournal run that
    found it sound left it."""
    try:
        return found is not None and _record(path).read_text(encoding="ascii") == found
    except (OSError, UnicodeDecodeError):
        return False


def remember(path: Path) -> None:
    """Note the journal as sound as it is now (best effort: a lost note costs one check)."""
    found = stamp(path)
    if found is None:
        return
    with suppress(OSError):  # (a full disk: no note, and the next run checks again)
        paths.write_cache_file(_record(path), found.encode("ascii"))


def sound(conn: sqlite3.Connection) -> bool:
    """SQLite's check of every page, row and index of the journal (not of the stored text,
    which has no checksum): False when it finds anything wrong, or cannot read the journal."""
    try:
        rows = conn.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]


def damaged_warning(path: Path) -> str:
    """Said when a journal found damaged is opened: reading goes on, writing is refused."""
    return (
        f"The journal at {path} is damaged (SQLite's check of the file found errors): what is "
        "shown may be incomplete, and nothing new is saved to it. `peerjournal export --full` "
        "saves the entries that can still be read; keep the damaged file as it is."
    )


def damaged_refusal(path: Path) -> str:
    """The error of a write to a journal found damaged: writing more could spread the damage
    (a damaged list of free pages hands out pages that still hold entries)."""
    return (
        f"The journal at {path} is damaged (SQLite's check of the file found errors), so "
        "nothing was saved to it. `peerjournal export --full` saves the entries that can "
        "still be read; keep the damaged file as it is."
    )
