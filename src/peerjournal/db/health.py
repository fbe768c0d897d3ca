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
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from peerjournal import paths

CHECKED_DIR = "checked"  # in the cache folder: one small file per journal


def _record(path: Path) -> Path:
    """(Two journals sharing a name only check more often: a stamp names its file's inode.)"""
    return note_file(path, CHECKED_DIR)


def note_file(path: Path, folder: str) -> Path:
    """Where a note about the journal at `path` is kept in the cache's `folder`: one small
    file per journal, named by its path."""
    return paths.cache_dir() / folder / f"{zlib.crc32(os.fsencode(path.absolute())):08x}"


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


def salvage_advice(command: str = "`peerjournal export --full`", also: str = "") -> str:
    """The sentence every word on a damaged journal ends with: how to save the entries that can
    still be read (`command`, as the command names it, with its --db), and to keep the file
    (`also`: a clause after "read", in brackets)."""
    return (f"{command} saves the entries that can still be read{also}; keep the damaged file "
            "as it is.")


def damaged_warning(path: Path) -> str:
    """Said when a journal found damaged is opened: reading goes on, writing is refused."""
    return (
        f"The journal at {path} is damaged (SQLite's check of the file found errors): what is "
        f"shown may be incomplete, and nothing new is saved to it. {salvage_advice()}"
        f"{stale_wal_note(path)}"
    )


def damaged_refusal(path: Path) -> str:
    """The error of a write to a journal found damaged: writing more could spread the damage
    (a damaged list of free pages hands out pages that still hold entries)."""
    return (
        f"The journal at {path} is damaged (SQLite's check of the file found errors), so "
        f"nothing was saved to it. {salvage_advice()}{stale_wal_note(path)}"
    )


def stale_wal_note(path: Path) -> str:
    """For a journal found damaged: a sentence on the -wal beside it, when that was last
    written before the journal's file was (its ctime: a copy put in its place, by `cp` or
    `cp -p`, `mv`, a sync tool), else "". A copy of journal.db restored by hand beside the
    -wal a crash left of the file it replaced reads as damaged: SQLite reads the old file's
    last changes out of that -wal into the copy's pages. Nothing is removed here: the -wal
    may hold the replaced file's latest entries, and a damaged journal's own -wal is part of
    it (the writer is told to move it aside, and keep it)."""
    from datetime import datetime

    from peerjournal.db.engine import wal_file

    wal = wal_file(path)
    try:
        log, journal = wal.stat(), path.stat()
    except OSError:
        return ""
    if not log.st_size or log.st_mtime_ns >= journal.st_ctime_ns:
        return ""
    written = datetime.fromtimestamp(log.st_mtime).strftime("%Y-%m-%d %H:%M")
    return (
        f" The {wal.name} beside it (last written {written}) is older than the journal "
        f"file: if {path.name} was put back from a copy, that -wal belongs to the file it "
        f"replaced, not to this one. Close every peerjournal, move {wal.name} and "
        f"{wal.name.removesuffix('-wal')}-shm out of {wal.parent} (keep them), and run the "
        "command again."
    )


def named_lost(lost: list[int], highest: int | None, read: set[int]) -> tuple[list[int], int]:
    """Of the IDs of a damaged journal's rows that could not be read (`Store.readable`), those
    that may be named, and how many more rows could not be read: an ID read off a damaged page
    may itself be garbage (0, 17497791742, or the ID of an entry read whole). One is named only
    if it is an ID this journal gave (1 to `highest`, the highest AUTOINCREMENT gave: None when
    that cannot be read either, and then any above 0), not of an entry that was `read`, and
    once; the others are only counted, as the rows they were read from are there."""
    named: dict[int, None] = {}  # (in order, once)
    for entry_id in lost:
        if 0 < entry_id <= (entry_id if highest is None else highest) and entry_id not in read:
            named[entry_id] = None
    return list(named), len(lost) - len(named)


def lost_entry(path: Path, entry_id: int, hint: Callable[[str], str]) -> str:
    """The error for an entry of the damaged journal at `path` that cannot be read (`hint`:
    how the command names another, with its --db): what is left saved, the file kept as it
    is, and where the entry may still be found."""
    from peerjournal.db.engine import upgrade_copies

    copies = upgrade_copies(path)
    kept = f"; the newest copy an upgrade kept beside it is {copies[-1]}" if copies else ""
    return (
        f"Entry {entry_id} of the journal at {path} cannot be read: the file is damaged where "
        f"it is. {salvage_advice(hint('export --full'))} A copy of the journal made before "
        f"the damage (a backup of "
        f"your own{kept}) may still hold entry {entry_id}."
    )
