"""Opening a journal: checks, automatic migration with a backup, WAL, busy timeout.

Runtime access uses the standard library's sqlite3 rather than a SQLAlchemy engine:
importing SQLModel costs 0.6-0.8 s on the reference machine, more than the whole
400 ms budget for `list`/`show`/`search`/`write`. SQLAlchemy and Alembic are
imported only when a journal has to be created or migrated.
"""

from __future__ import annotations

import errno
import glob
import os
import re
import sqlite3
import stat
import sys
import threading
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from peerjournal import JOURNAL_FORMAT
from peerjournal.db import health
from peerjournal.errors import (
    DamagedJournal,
    DatabaseError,
    ExitCode,
    PeerJournalError,
    plain_hint,
)
from peerjournal.paths import closed_to_others, make_private_folder, owned_by_me

if TYPE_CHECKING:  # (Alembic is imported only to create or upgrade a journal)
    from alembic.config import Config

# the revisions, "0001" to the journal format's (a new migration raises JOURNAL_FORMAT, once)
KNOWN_REVISIONS = tuple(f"{n:04d}" for n in range(1, JOURNAL_FORMAT + 1))
HEAD_REVISION = KNOWN_REVISIONS[-1]
BUSY_TIMEOUT_MS = 10_000  # how long a writer waits for another one before "locked"
BUSY_TIMEOUT_ENV = "PEERJOURNAL_BUSY_TIMEOUT_MS"  # overrides it (tests use a short wait)
# Less free space than this beside a journal that fails to open or write means a full disk
# (WAL mode needs 32 KiB for its shared-memory file before it can read anything).
LOW_SPACE_BYTES = 1 << 20
MIGRATIONS = Path(__file__).parent / "migrations"  # the revisions installed with this code


def busy_timeout_ms() -> int:
    """How long a writer waits for another one; a bad BUSY_TIMEOUT_ENV is a usage error
    (exit 2), as a relative PEERJOURNAL_HOME is: the setting is wrong, not the journal."""
    raw = os.environ.get(BUSY_TIMEOUT_ENV, "")
    try:
        return max(0, int(raw)) if raw.strip() else BUSY_TIMEOUT_MS
    except ValueError:
        raise PeerJournalError(
            f"{BUSY_TIMEOUT_ENV}={raw!r} is not a number of milliseconds: set it to a whole "
            f"number, such as {BUSY_TIMEOUT_MS}, or unset it.",
            ExitCode.USAGE,
        ) from None


@contextmanager
def translated_errors(path: Path) -> Iterator[None]:
    """Turn sqlite3's errors into one-line messages that never carry journal text (also when
    SQLAlchemy wraps them, as Alembic's migrations do, and a full disk met outside SQLite)."""
    try:
        yield
    except sqlite3.Error as exc:
        raise DatabaseError(describe_error(path, exc)) from None
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DatabaseError(_full(path)) from None
        raise
    except UnicodeEncodeError:  # a query or filter with non-UTF-8 bytes from the command line
        raise PeerJournalError(
            "Some of the text given is not UTF-8 (non-UTF-8 bytes on the command line?)."
        ) from None
    except Exception as exc:  # sqlalchemy.exc.DBAPIError wraps the sqlite3 error as .orig
        orig = getattr(exc, "orig", None)
        if isinstance(orig, sqlite3.Error):
            raise DatabaseError(describe_error(path, orig)) from None
        raise


WRITING_DIR = "writing"  # in the cache folder: which command holds a journal's lock for long


def _writing_note(path: Path) -> Path:
    """(One small file per journal: `health.note_file`.)"""
    return health.note_file(path, WRITING_DIR)


@contextmanager
def writing_long(path: Path, command: str) -> Iterator[None]:
    """Around a write that holds the journal at `path` locked for long (`drift --rescore` of
    a large journal: one transaction): a note of this process and `command`, so that a write
    in another terminal that waited for it in vain names it (`long_writer`), not "another
    program". Best effort: a note that cannot be written leaves the message as it was."""
    from peerjournal.paths import write_cache_file

    note = _writing_note(path)
    noted = False
    with suppress(OSError):
        write_cache_file(note, f"{os.getpid()} {command}".encode())
        noted = True
    try:
        yield
    finally:
        if noted:
            with suppress(OSError):
                note.unlink()


def long_writer(path: Path) -> str | None:
    """The command of another peerjournal still running that noted it holds the journal at
    `path` locked (`writing_long`), or None (no note, or its process has ended)."""
    try:
        pid, command = _writing_note(path).read_text(encoding="utf-8").split(" ", 1)
        if int(pid) == os.getpid():
            return None
        os.kill(int(pid), 0)  # (no signal sent: only whether the process is there)
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return command.strip() or None


def other_owner(path: os.PathLike[str]) -> str | None:
    """The name of the user `path` belongs to when that is not this user, else None."""
    try:
        uid = os.stat(path).st_uid
    except OSError:
        return None
    if uid == os.getuid():
        return None
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"user {uid}"


def describe_error(path: Path, exc: sqlite3.Error) -> str:
    reason = _safe_reason(exc)
    text = reason.lower()
    if "not a database" in text or "encrypted" in text:
        return f"{path} is not a peerjournal journal (not a SQLite database, or it is damaged)."
    if "malformed" in text or "corrupt" in text or "not utf-8" in text:
        if reason.startswith("SQLITE_"):  # (a code's name, SQLITE_CORRUPT: not for the writer)
            reason = "a damaged page"
        return (
            f"The journal at {path} is damaged ({reason}). {_backups_hint(path)} "
            f"{health.salvage_advice()}"
        )
    if "locked" in text or "busy" in text:
        holder = long_writer(path)
        if holder:
            return (
                f"The journal at {path} is locked by another peerjournal command, "
                f"`peerjournal {holder}`, still running; try again once it has finished."
            )
        return f"The journal at {path} is locked by another program; try again in a moment."
    if "disk" in text and "full" in text:
        return _full(path)
    blocked = _write_blocker(path)  # an I/O error or read-only journal: often the real cause
    if blocked and ("readonly" in text or "unable to open" in text or "i/o error" in text):
        if blocked == FULL:
            return _full(path)
        return f"The journal at {path} cannot be changed: {blocked}; nothing was saved."
    owner = other_owner(path) if "readonly" in text or "unable to open" in text else None
    if owner is not None:  # the other result of `sudo peerjournal …`, besides its folder
        return (
            f"The journal at {path} belongs to {owner}, not to you (made with sudo?), so it "
            f"cannot be {'changed' if 'readonly' in text else 'opened'}. Make it yours again "
            f"(`sudo chown $USER {path}`), or set PEERJOURNAL_HOME to a folder of your own."
        )
    if "readonly" in text or "read-only" in text:
        return f"The journal at {path} is read-only; check the file's permissions."
    if "unable to open" in text:
        return f"Cannot open the journal at {path}: {_why_unopened(path)}."
    if "i/o error" in text:  # not a full disk (said above): say what else it can be
        return (f"Database error in {path}: {reason} (a file-size limit such as `ulimit -f`, "
                "a drive removed or failing?).")
    return f"Database error in {path}: {reason}."


def _why_unopened(path: Path) -> str:
    """Why SQLite could not open the journal at `path`, in words that follow "Cannot open the
    journal at …: ": the file's permissions when it is there and they keep this user from
    reading or writing it (chmod 000), else what to check of its folder."""
    import shlex

    if path.is_file() and not os.access(path, os.R_OK | os.W_OK):
        return ("the file's permissions do not let you read and write it (make them so: "
                f"`chmod u+rw {shlex.quote(str(path))}`)")
    return "check that the folder exists and is writable"


# SQLite's messages that can hold no data: its own for each result code, and those that name
# only the schema (a constraint's columns). Any other message may quote a stored value (as
# Python's for text that is not UTF-8 does) or a query: it is never shown, only its code.
_SAFE_MESSAGES = re.compile(
    r"(?:SQL logic error|access permission denied|query aborted|database is locked"
    r"|database table is locked|out of memory|attempt to write a readonly database"
    r"|interrupted|disk I/O error|database disk image is malformed|unknown operation"
    r"|database or disk is full|unable to open database file|locking protocol"
    r"|database schema has changed|string or blob too big|constraint failed"
    r"|datatype mismatch|bad parameter or other API misuse|authorization denied"
    r"|column index out of range|file is not a database|file is encrypted or is not a database"
    r"|cannot start a transaction within a transaction"
    r"|cannot (?:commit|rollback) - no transaction is active"
    r"|Cannot operate on a closed database\."
    r"|(?:UNIQUE|NOT NULL|CHECK|FOREIGN KEY|PRIMARY KEY) constraint failed"
    r"(?:: \w+(?:\.\w+)?(?:, \w+(?:\.\w+)?)*)?)"
)
# (a column that is an expression, a subquery say, is named by its SQL: not named here)
_NOT_UTF8 = re.compile(r"Could not decode to UTF-8 column '(?:(\w+)' with text )?")


def _safe_reason(exc: sqlite3.Error) -> str:
    """What went wrong, in words that never quote the journal's text or a query: SQLite's
    message when it is one of `_SAFE_MESSAGES`, else its result code's name (SQLITE_CORRUPT)."""
    message = str(exc)
    if _SAFE_MESSAGES.fullmatch(message):
        return message
    not_utf8 = _NOT_UTF8.match(message)  # (Python's, with the stored bytes after it)
    if not_utf8:
        column = not_utf8.group(1)
        return "text that is not UTF-8" + (f" in column {column}" if column else "")
    return getattr(exc, "sqlite_errorname", None) or f"SQLite {type(exc).__name__}"


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether `exc` is SQLite finding a damaged page (SQLITE_CORRUPT, of a table or of the
    search index), rather than any other failure."""
    name = getattr(exc, "sqlite_errorname", None) or ""
    text = str(exc).lower()
    return "CORRUPT" in name or "malformed" in text or "corrupt" in text


def rebuilt_elsewhere(hint: Callable[[str], str]) -> str:
    """How to get a damaged search index or score table made anew (`hint`: how the command
    names another, with its --db): the entries, which can still be read, saved and imported
    into a new journal, which indexes and scores them; the damaged file kept as it is."""
    return (
        f"{hint('export --full --output backup.json')} saves the entries, and importing that "
        "file into a new journal (`peerjournal --db NEW.db import backup.json`) rebuilds the "
        "search index and the scores; keep the damaged file as it is."
    )


def not_utf8(exc: sqlite3.Error) -> bool:
    """Whether `exc` is Python's failure to read stored text that is not UTF-8 (bytes written
    by another program), rather than SQLite's."""
    return _NOT_UTF8.match(str(exc)) is not None


def upgrade_copies(path: Path) -> list[Path]:
    """The copies of the journal at `path` that upgrades kept beside it, oldest first (for
    `peerjournal where`, and the hint for a damaged journal)."""
    try:
        return sorted(path.parent.glob(f"{glob.escape(path.name)}.backup-*"))
    except OSError:
        return []


def empty_journal(path: Path) -> str | None:
    """The warning for a journal file of 0 bytes (a sync tool, a crash, `> journal.db`), which
    SQLite takes for a new, empty journal; None for any other (a new journal has no file yet,
    and beside a -wal that holds data, the journal's content may all be in that)."""
    wal = wal_file(path)
    try:  # (not a file at all, /dev/null say: refused as such when opened)
        if not path.is_file() or path.stat().st_size or (wal.exists() and wal.stat().st_size):
            return None
    except OSError:  # removed meanwhile
        return None
    if _made_up_as_read(path):  # (/proc/version: not a journal at all, refused when opened)
        return None
    found = upgrade_copies(path)
    restore = (f"a backup (the newest beside it, kept by an upgrade, is {found[-1]})" if found
               else "a copy of your own (such as one made by `peerjournal export --full`)")
    return (f"{path} is empty (0 bytes), so it is used as a new journal: if it held your "
            f"journal, restore it from {restore}.")


def _made_up_as_read(path: Path) -> bool:
    """Whether `path` is a file of 0 bytes that yet reads as something (/proc/version, a file
    in /sys): SQLite would take it for a new journal and fail to write it, and an empty
    journal's warning would say it was emptied. Read without waiting (/proc/kmsg would wait
    for the kernel's next message): one that has nothing to give at once is one of those."""
    try:
        if not path.is_file() or path.stat().st_size:
            return False
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:  # gone, or not readable: opening it says why
        return False
    try:
        return bool(os.read(handle, 1))
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(handle)


def _backups_hint(path: Path) -> str:
    """Where to look for an earlier copy of a damaged journal."""
    found = upgrade_copies(path)
    if found:
        return f"The newest backup made before an upgrade is {found[-1]}."
    return "Restore it from a copy of your own (such as one made by `peerjournal export --full`)."


def _full(path: Path) -> str:
    return f"The disk holding {path} is full; nothing was saved."


FULL = "the disk holding it is full"


def why_unwritten(path: Path, exc: sqlite3.Error | OSError) -> str:
    """Why something could not be written to the journal at `path` (`exc`), in words that
    follow "because": FULL, a read-only folder, or SQLite's reason (never journal text)."""
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return FULL
        return _write_blocker(path) or str(exc.strerror or exc)
    reason = _safe_reason(exc)
    if "full" in reason.lower():
        return FULL
    return _write_blocker(path) or reason


# Why a file or folder cannot be written, after its name ("its folder is read-only (…)")
READ_ONLY = "is read-only (a read-only disk, or no permission to write there)"


def _write_blocker(path: Path) -> str | None:
    """Why nothing can be written beside the journal (FULL, or a read-only folder or file
    system), in words that follow "cannot be changed: "; None when the folder looks writable."""
    real = _real(path)  # (through a link, SQLite writes beside the file it leads to)
    try:
        found = os.statvfs(real.parent)
        # (a file system of no blocks at all, such as /proc, is not a disk that filled up)
        if found.f_blocks and found.f_bavail * found.f_frsize < LOW_SPACE_BYTES:
            return FULL
        if not os.access(real.parent, os.W_OK):
            if path.is_symlink():
                return f"the folder {real.parent} of the file it links to {READ_ONLY}"
            return f"its folder {READ_ONLY}"
        if not os.access(path, os.W_OK):  # (the journal itself: "check the file's permissions")
            return None
    except (OSError, AttributeError):  # gone, or no statvfs (Windows)
        return None
    return _side_file_blocker(path)


def write_blocker(path: Path) -> str | None:
    """Why nothing can be written beside the journal at `path` (`_write_blocker`): for a
    command that goes on without the write (an export's journal ID), to say why in words that
    follow "cannot be changed: "."""
    return _write_blocker(path)


def _side_file_blocker(path: Path) -> str | None:
    """Which of SQLite's side files beside the writable journal at `path` cannot be written
    (another user's, left by `sudo peerjournal` say: `_unstick_side_files` mends this user's
    own), with what to do about it, in words that follow "cannot be changed: ". Through a
    link they are beside the file it leads to (`_side_files`), and are named in full there."""
    real = _real(path)
    for end, remedy in _SIDE_FILE_REMEDIES.items():
        side = real.with_name(f"{real.name}{end}")
        if side.exists() and not os.access(side, os.W_OK):
            where = (f"{side} beside the file it links to" if path.is_symlink()
                     else f"{side.name} beside it")
            return f"{where} is read-only for you (another user's?): {remedy}"
    return None


_SIDE_FILE_REMEDIES = {  # (SQLite makes the -shm anew; the -wal may hold the latest changes)
    "-shm": "SQLite makes that file anew, so delete it while no program has the journal open",
    "-wal": "it may hold the latest changes, so do not delete it; have its owner give it to you",
}


def open_journal(path: Path, *, create: bool = True) -> sqlite3.Connection:
    """Open (creating or migrating as needed) the journal at `path`; without `create` (a
    command that only reads), a journal not there yet, or a file with no table in it (of 0
    bytes, or a SQLite database another program made empty), is an empty one in memory
    (`_no_journal_yet`), and nothing is written: only a command that writes makes a journal.

    A new journal is made whole beside its path, then put there (`_start_new`): one that could
    not be made (a full disk, Ctrl-C) leaves nothing, so the next run starts afresh instead of
    finding half a schema it would take for a foreign file, and two runs starting the same
    journal at once (two `import`s) never find it empty or half made: the second finds the
    first's. A file that was there before (even empty) is never removed. A journal
    found damaged (db/health.py) is opened for reading (`JournalConnection.damage`); writes
    are refused, and so is its upgrade.
    """
    busy_timeout_ms()  # (a bad setting is an error whether or not the journal is there yet)
    if not create and not path.exists():  # (nor a link to a file not there: none is made)
        in_the_way = file_in_the_way(path)
        if in_the_way:
            raise DatabaseError(in_the_way)
        return _no_journal_yet()
    if path.is_symlink() and not path.exists():  # (a drive not mounted, a synced folder gone)
        raise DatabaseError(_dangling(path))
    if path.is_dir():
        raise DatabaseError(f"The journal path {path} is a folder, not a file{WHERE_HINT}.")
    if path.exists() and not path.is_file():  # /dev/null, a pipe: never made a journal, or removed
        raise DatabaseError(f"The journal path {path} is not a regular file{WHERE_HINT}.")
    if _made_up_as_read(path):
        raise DatabaseError(
            f"{path} is not a peerjournal journal: its size reads as 0 bytes, yet it holds "
            "text (a file the system makes up, as in /proc or /sys); --db needs a journal "
            "file's path."
        )
    try:
        make_private_folder(path.parent)
    except OSError as exc:
        raise DatabaseError(_no_folder(path, exc)) from None
    emptied = empty_journal(path)
    if emptied:
        _tell(emptied)
        if create:  # (a command that only reads changes nothing of the file)
            with suppress(OSError):  # it holds nothing yet: private, as a journal made here is
                path.chmod(0o600)
    existed = path.exists() and path.stat().st_size > 0
    if existed:
        _unstick_side_files(path)
        _keep_damaged_wal(path)
    new = not path.exists() and not path.is_symlink()
    conn: sqlite3.Connection | None = None
    try:
        with translated_errors(path):
            try:
                if new:
                    _start_new(path)
                conn = _connect(path)
                revision = _readable_version(conn, path, _schema_revision(path, conn))
            except sqlite3.OperationalError:
                if conn is not None:
                    conn.close()
                conn = _read_only(path) if existed else None
                if conn is None:
                    raise
                revision = _readable_version(conn, path, _revision(conn))
                if revision is None and not create:
                    conn.close()
                    return _no_journal_yet()
                _check_readable(path, revision)
                _examine(conn, path)
                return conn
            if revision != HEAD_REVISION:
                if existed:
                    _check_ours(path, revision)
                if revision is None and not create:  # (no table in it: nothing to read)
                    conn.close()
                    return _no_journal_yet()
                if revision is not None:  # (refused at once, before a word of upgrading)
                    _refuse_damaged_upgrade(conn, path)
                    _check_room_for_backup(path, conn)
                conn.close()
                conn = None
                if revision is None:
                    _create(path)
                else:
                    _tell(UPGRADING)  # (before Alembic is imported: that takes a second too)
                    _upgrade(path)
                conn = _connect(path)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            if os.access(path, os.W_OK):  # (a 0444 journal SQLite opened read-only: as it is)
                _make_private(path)  # (before `_examine` notes its stamp: chmod changes ctime)
            _examine(conn, path)
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return conn


SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite's, beside a journal


def _make_private(path: Path) -> None:
    """Make the journal at `path` this user's only (0600) when everyone on the computer may
    read it, as earlier versions of peerjournal left it (0644, the usual umask's), with its
    side files (`SIDE_FILES`) and the copies upgrades kept beside it; and so peerjournal's
    own data folder (0700), when it holds the journal. What gives others no access (0640:
    the writer's group, a choice) is left as it is, and so is a folder the writer chose
    (PEERJOURNAL_HOME, --db) and what this user does not own. What cannot be changed (a
    file system without Unix permissions) is left as it is, silently: the journal works
    as before. Through a link, the side files are beside the journal it leads to, where
    SQLite makes them."""
    for target in (path, *_side_files(path), *upgrade_copies(path)):
        closed_to_others(target)
    if _is_default_data_folder(path.parent):
        closed_to_others(path.parent)


def _unstick_side_files(path: Path) -> None:
    """Give this user back the right to write SQLite's side files (`SIDE_FILES`) of a journal
    it may write. SQLite makes them with the journal's mode, and a read cannot remove them:
    reading a journal made read-only (0400) leaves a read-only -wal and -shm, and once the
    journal is made writable again every write would still fail as "read-only" until they
    were deleted by hand. Only the owner's write permission is added, to this user's own
    regular files; nothing is deleted (the -wal may hold the latest changes, and a -shm
    removed while another program has the journal open would put the two out of step, as
    no change of mode does). What another user owns is named by `_side_file_blocker`."""
    try:
        journal = path.stat()
    except OSError:
        return
    if not (owned_by_me(journal) and journal.st_mode & stat.S_IWUSR):
        return
    for side in _side_files(path):
        with suppress(OSError):  # not there (most of the time), or its mode cannot be changed
            found = side.lstat()  # (a link is left alone: it is not SQLite's)
            if (stat.S_ISREG(found.st_mode) and owned_by_me(found)
                    and not found.st_mode & stat.S_IWUSR):
                side.chmod(stat.S_IMODE(found.st_mode) | stat.S_IWUSR)


def _side_files(path: Path) -> list[Path]:
    """Where SQLite keeps the journal at `path`'s side files (`SIDE_FILES`): beside the file
    a link leads to, not beside the link."""
    real = _real(path)
    return [real.with_name(f"{real.name}{end}") for end in SIDE_FILES]


def wal_file(path: Path) -> Path:
    """The journal at `path`'s write-ahead log (-wal), where SQLite keeps it (`_side_files`)."""
    return _side_files(path)[SIDE_FILES.index("-wal")]


# SQLite's write-ahead log (https://www.sqlite.org/fileformat.html, section 4): a header, then
# frames (a header and a page each), every one carrying the header's two salts and a checksum
# of itself and all the frames before it. Opening a journal no program has open replays the
# frames up to the first whose salts or checksum do not match, silently: every commit after a
# damaged frame is lost (`_keep_damaged_wal`).
WAL_MAGIC = (0x377F0682, 0x377F0683)  # (its last bit: the checksums' words are big-endian)
WAL_HEADER = 32
WAL_FRAME_HEADER = 24
WAL_PAGE_SIZES = frozenset(1 << n for n in range(9, 17))  # 512 to 65,536 bytes
# The frames read at most (0.1-0.6 s a 1,000 frames of 4 KB, once, after a crash): a -wal is
# checkpointed at 1,000 pages, but a transaction can pass that (a rescore's 1,000 entries: ~1,500
# to ~4,000 frames; a large import). One larger still is not checked.
WAL_FRAMES_CHECKED = 10_000
SHM_DMS_BYTE = 128  # the -shm byte every connection to the journal holds a lock on (SQLite's)


def _keep_damaged_wal(path: Path) -> None:
    """Before SQLite opens the journal at `path`: when its -wal holds commits after a damaged
    frame, which SQLite would drop without a word (and the next checkpoint forget for good),
    keep a copy of the -wal beside it and say so. Only for a -wal left by a program that
    ended (a crash, a killed terminal, a copied folder): none is there after a clean close,
    so an ordinary open costs a `stat`, and one another program has open is live (no frame
    is dropped while it is)."""
    wal = wal_file(path)
    try:
        found = wal.stat()
        if not stat.S_ISREG(found.st_mode) or found.st_size <= WAL_HEADER or _open_elsewhere(path):
            return
        with wal.open("rb") as log:
            lost, salts = wal_commits_lost(log, _page_size(path))
    except OSError:
        return
    if lost:
        _tell(_kept_wal(wal, lost, salts))


def _kept_wal(wal: Path, lost: int, salts: bytes) -> str:
    """Copy the damaged -wal `wal` beside it (once per log: named by its salts), this user's
    only; the line that says what happened and where the copy is."""
    import shutil

    copy = wal.with_name(f"{wal.name}.damaged-{salts.hex()}")
    changes, them = ("change", "it") if lost == 1 else (f"{lost:,} changes", "them")
    happened = (f"Your last {changes} to the journal (entries written, edited or deleted, or "
                f"scores a rescore stored) could not be read back: {wal}, the file that held "
                f"{them} until the journal was next opened, is damaged (a crash, a full disk or "
                f"a failing drive?), and the journal opens without {them}")
    todo = ("check your latest entries and write again what is missing (`peerjournal drift "
            "--rescore` redoes scores); see \"Changes that could not be read back\" in "
            "docs/data.md")
    try:
        if not copy.exists():
            _start_private(copy)
            shutil.copyfile(wal, copy)
    except OSError as exc:
        why = exc.strerror or exc
        return f"{happened}, and no copy of that file could be kept ({why}): {todo}."
    return f"{happened}. A copy of that file is kept at {copy} (do not delete it): {todo}."


def _page_size(path: Path) -> int | None:
    """The page size the journal at `path` says in its header (SQLite's: 1 for 65,536), the
    size of its -wal's pages too; None when it cannot be read."""
    with path.open("rb") as journal:
        head = journal.read(18)
    size = int.from_bytes(head[16:18], "big") if len(head) == 18 else 0
    size = 65_536 if size == 1 else size
    return size if size in WAL_PAGE_SIZES else None


def wal_commits_lost(log: Any, journal_page_size: int | None = None) -> tuple[int, bytes]:
    """How many commits of the write-ahead log open as `log` (binary) lie after its first
    damaged frame, which SQLite drops when it opens the journal, and the log's salts. (0, b"")
    for a sound log (frames after the last commit are a transaction never finished; frames
    with other salts are an earlier log's, written over), or one too large to check. A log
    whose header is damaged is ignored whole by SQLite: its commits are counted in the frames
    that carry the first frame's salts (the header's own may be what is damaged), read at
    the size of the journal's pages (`journal_page_size`) when the header's cannot be."""
    import struct

    header = log.read(WAL_HEADER)
    if len(header) < WAL_HEADER:
        return 0, b""
    magic, _, page_size, _, _, _, first, second = struct.unpack(">8I", header)
    salts, sums, big = header[16:24], (first, second), bool(magic & 1)
    sound = magic in WAL_MAGIC and page_size in WAL_PAGE_SIZES
    if not sound:
        page_size = journal_page_size or 0
    size = WAL_FRAME_HEADER + page_size
    frame = log.read(size) if page_size else b""
    if not sound or _wal_checksum(header[:24], (0, 0), big) != sums:
        if len(frame) < size:  # (no whole frame: no commit in it)
            return 0, b""
        salts = frame[8:16]
        return _commits_after(log, frame, size, salts), salts
    for _ in range(WAL_FRAMES_CHECKED):
        if len(frame) < size:
            return 0, b""  # (every frame sound, or a last one cut short: never committed)
        sums = _wal_checksum(frame[:8] + frame[WAL_FRAME_HEADER:], sums, big)
        if frame[8:16] != salts or sums != struct.unpack(">2I", frame[16:24]):
            return _commits_after(log, frame, size, salts), salts
        frame = log.read(size)
    return 0, b""


def _commits_after(log: Any, frame: bytes, size: int, salts: bytes) -> int:
    """The commit frames (a database size in their header) of this log (its `salts`) from
    `frame`, the first damaged one, to the end of `log`, frames of `size` bytes, within
    WAL_FRAMES_CHECKED."""
    commits = 0
    for _ in range(WAL_FRAMES_CHECKED):
        if len(frame) < size:
            break
        commits += frame[8:16] == salts and frame[4:8] != bytes(4)
        frame = log.read(size)
    return commits


def _wal_checksum(data: bytes, sums: tuple[int, int], big: bool) -> tuple[int, int]:
    """SQLite's checksum of a -wal's header or frame, carried on from `sums`: over its 32-bit
    words, two at a time, in the byte order the log's magic number gives."""
    import array

    words = array.array("I", data)
    if big != (sys.byteorder == "big"):
        words.byteswap()
    first, second = sums
    pairs = iter(words)
    for one, other in zip(pairs, pairs, strict=True):
        first = (first + one + second) & 0xFFFFFFFF
        second = (second + other + first) & 0xFFFFFFFF
    return first, second


def _open_elsewhere(path: Path) -> bool:
    """Whether another program has the journal at `path` open (a lock on its -shm's DMS byte,
    asked of the system without taking one); True where that cannot be asked (nothing is
    checked then: a live -wal is no sign of damage)."""
    shm = _side_files(path)[SIDE_FILES.index("-shm")]
    if not shm.exists():
        return False
    if sys.platform not in ("linux", "darwin"):
        return True
    import fcntl
    import struct

    # struct flock, as F_GETLK reads it: a write lock of the byte wanted (type, whence, start,
    # length, process), and what holds it; macOS has the type and whence last
    lock = (fcntl.F_WRLCK, os.SEEK_SET, SHM_DMS_BYTE, 1, 0)
    layout, asked = ("hhqqi", lock) if sys.platform == "linux" else ("qqihh", lock[2:] + lock[:2])
    try:
        fd = os.open(shm, os.O_RDONLY)
    except OSError:
        return True
    try:
        held = struct.unpack(layout, fcntl.fcntl(fd, fcntl.F_GETLK, struct.pack(layout, *asked)))
    except OSError:
        return True
    finally:
        os.close(fd)
    return bool(held[0 if sys.platform == "linux" else 3] != fcntl.F_UNLCK)


def _real(path: Path) -> Path:
    """The file the journal at `path` is: the one a link leads to, where SQLite works."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return path


def _is_default_data_folder(folder: Path) -> bool:
    """Whether `folder` is where peerjournal keeps its data unless told otherwise (the
    platform's, ~/.local/share/peerjournal on Linux), a folder peerjournal made."""
    from platformdirs import user_data_dir

    from peerjournal.paths import APP_NAME, resolved

    try:
        return resolved(folder) == resolved(Path(user_data_dir(APP_NAME, appauthor=False)))
    except RuntimeError:  # no home folder
        return False


def _start_new(path: Path) -> None:
    """Make a new journal at `path`, private (`_start_private`) and whole (`_create`), beside
    it first, then linked into place only if no file is there yet: another run that started
    the same journal meanwhile keeps its own, and this one opens it (`_create` alone, in
    place, let the second run find an empty file, "used as a new journal", while the first
    was making it). What could not be made is removed; nothing is left at `path`."""
    partial = path.with_name(f"{path.name}.new-{os.getpid()}")
    _remove_new_journal(partial)  # (left by a run killed with this process ID)
    try:
        _start_private(partial)
        _create(partial)
        try:
            os.link(partial, path)
        except FileExistsError:  # made meanwhile by another run
            pass
        except OSError:  # a file system without hard links (FAT, some network shares)
            if not path.exists():  # (what is left of a race is a millisecond wide)
                with suppress(FileExistsError):  # (Windows: made in that millisecond)
                    os.rename(partial, path)
    finally:
        _remove_new_journal(partial)


class JournalConnection(sqlite3.Connection):
    """A journal's connection. `damage` is why nothing may be written through it (None when
    none was found); one that found its journal sound notes so when it closes (`_examine`)."""

    journal: Path | None = None  # the file, once it is found sound
    sound_as: str | None = None  # its stamp then (`health.stamp`)
    damage: str | None = None
    damaged_at: Path | None = None  # the journal found damaged (`damage`), kept as it is
    notices: Teller | None = None  # where it tells the writer of a wait (`_begin_write`)
    told_of_wait = False

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        """A read of a journal found damaged that fails as damaged is made again without the
        entries' indexes (`unindexed`): `show` and `export --full` find each entry by its ID,
        the table's own key, and so read past a damaged index of dates or settings; `list`
        and `report`, which the planner would have walk that index, read past it too. (The
        read is tried whole first, as SQLite meets damage only on the row it reaches: a read
        the indexes alone answer still reads past a damaged page of the table.)"""
        if self.damage and _READ.match(sql):
            try:
                super().execute(sql, parameters).fetchall()
            except sqlite3.OperationalError:
                pass  # (not damage: the read below fails as it would have)
            except sqlite3.DatabaseError:
                sql = unindexed(sql)
        return super().execute(sql, parameters)

    def close(self) -> None:
        """Note the journal as sound only if its file is still as it was found sound: one
        damaged while open (by another program, a sync tool) is checked by the next run.
        (This run's own checkpoint of a long import also changes it: one check more.)"""
        journal, self.journal = self.journal, None
        kept = journal is not None and health.stamp(journal) == self.sound_as
        holder = _keeping_wal(self.damaged_at) if self.damaged_at is not None else None
        try:
            super().close()
        finally:
            if holder is not None:
                holder.close()
        if journal is not None and kept:  # after closing: the last one out checkpoints into it
            health.remember(journal)


def _keeping_wal(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to the damaged journal at `path`, to hold open while its own
    connection closes: the last connection to close copies the -wal into the journal file
    and removes it (SQLite's checkpoint on close), which a read-only one cannot do. A copy of
    journal.db restored beside the -wal of the file it replaced reads as damaged: that -wal
    copied into it would change the copy, and lose the replaced file's last changes with the
    -wal (`health.stale_wal_note` tells the writer to move it aside). Best effort: None when
    it cannot be opened."""
    try:
        holder = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    # (a read, so that it has the journal open: the file's lock is held from then on)
    with suppress(sqlite3.Error):
        holder.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return holder


_READ = re.compile(r"\s*(?:SELECT|WITH)\b", re.IGNORECASE)
# `FROM entry` or `JOIN entry` (or entry_tag), with its alias if it has one (`FROM entry e`)
_ENTRY_TABLE = re.compile(
    r"\b(?:FROM|JOIN)\s+entry(?:_tag)?\b(?:\s+(?:AS\s+)?(?!(?:WHERE|ORDER|GROUP|LEFT|INNER|CROSS|JOIN|ON"
    r"|USING|LIMIT|UNION|HAVING|WINDOW|INDEXED|NOT)\b)[A-Za-z_]\w*)?",
    re.IGNORECASE,
)
_CHOSEN_INDEX = re.compile(r"\s+(?:INDEXED|NOT)\b", re.IGNORECASE)


def unindexed(sql: str) -> str:
    """`sql` with every read of the entry table (and of entry_tag, the entries' tags) made
    NOT INDEXED (its rows found by scanning the table, or by ID, its own key), unless the
    query chose an index itself. A damaged index fails any query the planner walks it for,
    though every entry can still be read: this reads them, at the cost of a scan of the
    table (on a damaged journal only)."""

    def not_indexed(found: re.Match[str]) -> str:
        if _CHOSEN_INDEX.match(sql, found.end()):
            return found.group(0)
        return f"{found.group(0)} NOT INDEXED"

    return _ENTRY_TABLE.sub(not_indexed, sql)


def _examine(conn: sqlite3.Connection, path: Path) -> None:
    """Check a journal that is not as peerjournal last left it (db/health.py): a damaged one
    is refused every write (`damage`), and its reader warned (`AppContext.store`)."""
    if not isinstance(conn, JournalConnection) or conn.damage:  # (`_readable_version`)
        return
    found = health.stamp(path)  # (before the check: a change during it is not taken as sound)
    if health.unchanged(path, found) or health.sound(conn):
        conn.journal, conn.sound_as = path, found
        return
    conn.damage = health.damaged_refusal(path)
    conn.damaged_at = path


def _refuse_damaged_upgrade(conn: sqlite3.Connection, path: Path) -> None:
    """A journal to be upgraded is checked first: a damaged one is left as it is, with no
    copy made (the upgrade would write into it, and its backup, a damaged copy, is not one
    to restore, let alone to be told to delete)."""
    if health.unchanged(path, health.stamp(path)) or health.sound(conn):
        return
    raise DatabaseError(
        f"The journal at {path} is damaged (SQLite's check of the file found errors) and "
        "needs upgrading for this version of peerjournal, so it was not upgraded, nothing "
        f"was written to it and no copy was made: keep the file as it is. {_backups_hint(path)} "
        "The version of peerjournal that last wrote to it can still save the entries that "
        "can be read, with `peerjournal export --full`."
    )


def _schema_revision(path: Path, conn: sqlite3.Connection) -> str | None:
    """`_revision`; a journal whose very list of tables cannot be read has nothing left to
    salvage, which its error says (it would otherwise send the writer to `export --full`)."""
    try:
        return _revision(conn)
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) or "malformed" not in str(exc):
            raise
        if isinstance(conn, JournalConnection):  # (closed leaving the file and its -wal as is)
            conn.damaged_at = path
        raise DatabaseError(unreadable(path, _safe_reason(exc))) from None


def unreadable(path: Path, reason: str) -> str:
    """The error for a damaged journal of which nothing can be read, not even by `export
    --full` (which the usual message sends the writer to): the file is left as it is, to be
    kept (a recovery service may get more out of it), and a copy made before is restored."""
    return (
        f"The journal at {path} is damaged ({reason}) and nothing in it can be read, so "
        f"nothing was written and the file is left as it is: keep it. {_backups_hint(path)} "
        "(A backup written by `peerjournal export --full` goes back with `peerjournal import "
        f"FILE`, once the damaged file is moved aside.){health.stale_wal_note(path)}"
    )


def _no_journal_yet() -> sqlite3.Connection:
    """An empty journal in memory, for a command that only reads a journal not made yet: it
    answers as a new journal would ("no entries"), and no file appears where the journal
    would be (a mistyped PEERJOURNAL_HOME would otherwise become a journal)."""
    from peerjournal.db.newjournal import statements

    conn = sqlite3.connect(":memory:", isolation_level=None, factory=JournalConnection)
    for statement in statements():
        conn.execute(statement)
    conn.execute("PRAGMA query_only=ON")
    return conn


def _read_only(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to a journal that cannot be opened as usual because nothing can
    be written beside it (a full disk, a read-only folder or file system: WAL mode needs its
    side files even to read); None for any other reason, or if even that fails.

    Reading still works, so the writer can list, search and export; every change is refused
    with the reason (`describe_error`). Without WAL side files no one else can be writing,
    so the file is then opened as immutable, the only way SQLite reads WAL mode without them.
    """
    if _write_blocker(path) is None:
        return None
    uri = path.absolute().as_uri()
    wal = wal_file(path)
    queries = ["mode=ro"]
    if not wal.exists() or wal.stat().st_size == 0:
        queries.append("mode=ro&immutable=1")
    for query in queries:
        conn = sqlite3.connect(
            f"{uri}?{query}", uri=True, isolation_level=None, factory=JournalConnection
        )
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn.close()
            continue
        return conn
    return None


# (the journal's path comes from --db, PEERJOURNAL_DB, PEERJOURNAL_HOME or the default folder)
WHERE_HINT = " (`peerjournal where` shows the paths in use)"


def _dangling(path: Path) -> str:
    """The refusal to make a journal through a link to a file not there: the journal it
    linked to is elsewhere (a drive not mounted, a synced folder gone), and one made through
    it would be a new, empty journal where the writer never chose, readable by others."""
    try:
        target = os.readlink(path)
    except OSError:  # (removed meanwhile)
        target = "a file"
    return (
        f"{path} is a link to {target}, which is not there (a drive not mounted, or a folder "
        "moved?), so no journal is made through it; nothing was saved."
    )


def _no_folder(path: Path, exc: OSError) -> str:
    """Why the journal's folder cannot be made; a file in the way (PEERJOURNAL_HOME or --db
    naming a file as a folder) is named as such, not as "File exists"."""
    if found := file_in_the_way(path):
        return found
    if isinstance(exc, NotADirectoryError) and exc.filename is None:  # `not_a_folder`'s reason,
        return f"{exc.strerror}."  # which names the path (the system's own names none)
    return f"Cannot create the folder {path.parent}: {exc.strerror or exc}."


def file_in_the_way(path: Path) -> str | None:
    """The error when the nearest of the journal's folders that exists is a file."""
    for folder in (path.parent, *path.parent.parents):
        if folder.exists():
            if not folder.is_dir():
                return (
                    f"{folder} is a file, not a folder, so the journal {path} cannot be kept "
                    f"in it{WHERE_HINT}."
                )
            break
    return None


def _remove_new_journal(path: Path) -> None:
    """Remove what a failed creation left (the file and SQLite's side files); best effort."""
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f"{path.name}-journal"):
        with suppress(OSError):
            path.with_name(name).unlink(missing_ok=True)


def _start_private(path: Path) -> None:
    """Make the empty file `path` readable and writable by this user only, before SQLite
    opens it (SQLite gives its `-wal` and `-shm` files the journal's mode). When it cannot be
    made, SQLite tries, and says why it cannot."""
    with suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _connect(path: Path) -> JournalConnection:
    # isolation_level=None: we issue BEGIN IMMEDIATE ourselves for every write.
    timeout = busy_timeout_ms()
    conn = sqlite3.connect(
        path, timeout=timeout / 1000, isolation_level=None, factory=JournalConnection
    )
    conn.execute(f"PRAGMA busy_timeout={timeout}")
    conn.notices = teller()  # (the command's, when it opens the journal)
    return conn


WAIT_NOTICE_SECONDS = 1.0  # how long a write waits for another before saying so
WAITING = "Waiting for the journal: another peerjournal (or another program) is writing to it."


def _begin_write(conn: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE: take the write lock, waiting while another program holds it (up to
    the busy timeout, SQLite's own wait). A wait longer than WAIT_NOTICE_SECONDS is told
    (`WAITING`, on stderr, once a connection), as a silent pause looks like a hang: from a
    timer, since SQLite waits inside one call (which lets other threads run)."""
    if not isinstance(conn, JournalConnection) or conn.notices is None or conn.told_of_wait:
        conn.execute("BEGIN IMMEDIATE")
        return
    journal, notices = conn, conn.notices

    def tell() -> None:
        journal.told_of_wait = True
        notices.say(WAITING)

    timer = threading.Timer(WAIT_NOTICE_SECONDS, tell)
    timer.daemon = True  # (never keeps a stopped run alive)
    timer.start()
    try:
        conn.execute("BEGIN IMMEDIATE")
    finally:
        timer.cancel()


LOST = "unversioned"  # (`_revision`: a journal whose schema version cannot be read)


def _revision(conn: sqlite3.Connection) -> str | None:
    """The journal's schema version; None for a file that holds nothing yet (a new journal),
    "foreign" for another program's database, and LOST for one that holds data but no
    version that can be read (a damaged page: never taken for a new journal, QA r46)."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:  # (a damaged list of tables can read as empty: the pages in use tell)
        return LOST if _pages_in_use(conn) > 1 else None
    if "alembic_version" not in tables:
        return "foreign"
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:  # (its page damaged: the entries may all be there)
        if isinstance(exc, sqlite3.OperationalError) or not is_damage(exc):
            raise
        return LOST
    version = row[0] if row else None
    if isinstance(version, str):
        return version
    # no row, a NULL or a value not text: with tables, never a half-made journal of ours
    return None if tables == {"alembic_version"} else LOST


def _pages_in_use(conn: sqlite3.Connection) -> int:
    """How many of the file's pages hold something (a new file: none, or the first alone;
    another program's database whose tables were all dropped: its free pages do not count)."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    return int(pages) - int(conn.execute("PRAGMA freelist_count").fetchone()[0])


def _readable_version(conn: sqlite3.Connection, path: Path, revision: str | None) -> str | None:
    """`revision`, or HEAD_REVISION for a journal that lost its version (LOST) to damage
    SQLite's check finds, yet holds this version's schema whole: it is opened as damaged
    (`JournalConnection.damage`), so that its entries can be read and saved (`export
    --full`), and nothing is written to it. Any other that lost it is refused (`_check_ours`)."""
    if revision != LOST or not isinstance(conn, JournalConnection):
        return revision
    if not _head_schema(conn) or health.sound(conn):
        return revision
    conn.damage = health.damaged_refusal(path)
    conn.damaged_at = path
    return HEAD_REVISION


def _head_schema(conn: sqlite3.Connection) -> bool:
    """Whether the journal holds every table, index and trigger a new journal is made with
    (db/newjournal.py), as they are made."""
    from peerjournal.db.newjournal import statements

    try:
        found = {row[0] for row in conn.execute("SELECT sql FROM sqlite_master")}
    except sqlite3.DatabaseError:
        return False
    made = {sql.removesuffix(";") for sql in statements() if sql.startswith("CREATE")}
    return made <= found


def _check_ours(path: Path, revision: str | None) -> None:
    if revision == "foreign":
        raise DatabaseError(f"{path} is a SQLite database, but not a peerjournal journal.")
    from peerjournal.textsafe import cut

    if revision is None or revision in KNOWN_REVISIONS:
        return
    if _NEWER.fullmatch(revision) and revision > HEAD_REVISION:
        from peerjournal import __version__

        raise DatabaseError(
            f"The journal at {path} was written by a newer peerjournal (journal format "
            f"{int(revision)}; this one, {__version__}, reads formats up to {JOURNAL_FORMAT}): "
            f"upgrade peerjournal to open it.{_copy_to_open(path)}"
        )
    # no version, an empty one, or one no peerjournal writes (changed by hand?)
    lost = ("has lost its schema version" if revision == LOST or not revision.strip()
            else f"holds a schema version no peerjournal writes, {cut(revision, 20)!r}")
    raise DatabaseError(
        f"The journal at {path} {lost} (damaged, or not made by peerjournal). Nothing was "
        f"written to it; keep the file as it is. {_backups_hint(path)}"
    )


_NEWER = re.compile(r"[0-9]{4}")  # how a later peerjournal's revision is named, like ours


def _copy_to_open(path: Path) -> str:
    """For a journal a newer peerjournal upgraded: the newest copy an upgrade kept beside it
    (`upgrade_copies`) that this one opens, with what it lacks; '' when there is none."""
    for copy in reversed(upgrade_copies(path)):
        revision = _stored_revision(copy)
        if revision is not None and revision in KNOWN_REVISIONS:
            return (f" The newest copy an upgrade kept that this peerjournal opens is {copy} "
                    f"(journal format {int(revision)}): it holds nothing written since that "
                    "upgrade.")
    return ""


def _upgrade_mismatch(path: Path, error: BaseException) -> DatabaseError | None:
    """The error for an upgrade that SQLite refused as wrong SQL ("duplicate column", "no
    such table"): the journal's tables are not at the schema version it records (its version
    changed by hand, or a file mixed with another version's), or None for any other error."""
    from peerjournal.textsafe import cut

    found = error if isinstance(error, sqlite3.Error) else getattr(error, "orig", None)
    if not isinstance(found, sqlite3.OperationalError) or found.sqlite_errorcode != 1:
        return None  # (SQLITE_ERROR: a locked, full or damaged journal has its own code)
    return DatabaseError(
        f"The journal at {path} could not be upgraded: its tables do not match the schema "
        f"version it records ({cut(str(_stored_revision(path)), 20)!r}; changed by hand, or "
        "mixed with another version's file?). It was left as it was, and no copy was kept. "
        f"{_backups_hint(path)}"
    )


def _check_readable(path: Path, revision: str | None) -> None:
    """A journal opened read-only must be ours and current: it cannot be upgraded."""
    if revision != HEAD_REVISION:
        _check_ours(path, revision)
        raise DatabaseError(
            f"The journal at {path} needs upgrading for this version of peerjournal, but "
            f"{_write_blocker(path) or 'it cannot be changed'}."
        )


def backup(path: Path) -> Path:
    """Copy the journal (with any WAL content) to a timestamped file next to it. The copy is
    made under another name and renamed when complete, so a file named as a backup is never
    half a copy (Ctrl-C, a full disk, a kill)."""
    partial = path.with_name(f"{path.name}{PARTIAL_BACKUP}")
    _remove_partial_backup(partial)  # what a killed run left
    reader = sqlite3.connect(path)
    try:
        _check_room_for_backup(path, reader)
        _start_private(partial)  # a copy of the journal: for this user only
        dest = sqlite3.connect(partial)
        try:
            dest.execute("PRAGMA journal_mode=OFF")  # (a new file: nothing to roll back to)
            # in steps, each a chance for Ctrl-C to stop it (a signal waits for Python code)
            reader.backup(dest, pages=BACKUP_STEP_PAGES, progress=lambda *_: None)
        finally:
            dest.close()
        return _name_backup(path, partial)
    except BaseException:
        _remove_partial_backup(partial)
        raise
    finally:
        reader.close()


PARTIAL_BACKUP = ".partial-backup"  # (not `.backup-*`: `_backups_hint` must never name it)
BACKUP_STEP_PAGES = 4096


def _remove_partial_backup(partial: Path) -> None:
    for name in (partial.name, f"{partial.name}-journal"):
        with suppress(OSError):
            partial.with_name(name).unlink(missing_ok=True)


def _check_room_for_backup(path: Path, conn: sqlite3.Connection) -> None:
    """Refuse at once, rather than after filling the disk, when the copy cannot fit."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    needed = pages * conn.execute("PRAGMA page_size").fetchone()[0] + LOW_SPACE_BYTES
    try:
        found = os.statvfs(path.parent)
    except (OSError, AttributeError):  # gone, or no statvfs (Windows): the copy will tell
        return
    free = found.f_bavail * found.f_frsize
    if found.f_blocks and free < needed:
        raise DatabaseError(
            f"The journal at {path} needs upgrading for this version of peerjournal, which "
            f"first copies it to a backup beside it: that needs {_megabytes(needed)} free, "
            f"and the disk has {_megabytes(free)}. Nothing was changed."
        )


def _megabytes(size: int) -> str:
    return f"{-(-size // 1_000_000)} MB"


def file_size(size: int) -> str:
    """A size to read at a glance: "195 MB", or "84 kB" below a megabyte."""
    return _megabytes(size) if size >= 1_000_000 else f"{-(-size // 1000)} kB"


def _name_backup(path: Path, partial: Path) -> Path:
    """journal.db.backup-<time>, or -2, -3 after it if one was made in the same second."""
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.backup-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.backup-{stamp}-{number}")
    partial.rename(target)
    return target


class Teller(NamedTuple):
    """Where a journal tells the writer what it found: the command's messages (stderr), and
    how that command names another (`AppContext.command_hint`: with its --db)."""

    say: Callable[[str], None]
    command_hint: Callable[[str], str]


# Where opening a journal tells the writer what it found (`journal_notices`): None for silence
_notices: ContextVar[Teller | None] = ContextVar("journal_notices", default=None)
UPGRADING = "Upgrading your journal to this version of peerjournal (once; it can take a while)."


@contextmanager
def journal_notices(
    say: Callable[[str], None], command_hint: Callable[[str], str] = plain_hint
) -> Iterator[None]:
    """Journals opened inside tell `say` (the command's messages, on stderr) when they are
    upgraded: a line before (an upgrade takes seconds, and a silent pause looks like a hang)
    and one after naming the full-size copy it kept, which nothing else would mention; and
    when the file is empty (`empty_journal`), before it is made a new journal. A store opened
    inside keeps them (`teller`), for what it finds later (text that is not UTF-8)."""
    token = _notices.set(Teller(say, command_hint))
    try:
        yield
    finally:
        _notices.reset(token)


def teller() -> Teller | None:
    """Where journals opened now tell the writer what they found (None: nowhere)."""
    return _notices.get()


def _tell(message: str) -> None:
    found = _notices.get()
    if found is not None:
        found.say(message)


def _upgraded(copy: Path) -> str:
    try:
        size = f" ({file_size(copy.stat().st_size)})"
    except OSError:
        size = ""
    return (
        f"Upgraded your journal. The copy from before the upgrade is {copy}{size}: delete "
        "it once you are happy with this version."
    )


def _old_scores_note(path: Path) -> str | None:
    """After an upgrade, how many entries' drift scores are still the earlier version's (its
    scoring code's, `_scored_by_another_scorer`), and how to recompute them: kept as they
    were, they are what `list`, `show` and a supervision prep show, which nothing said before
    a `report` (QA r45). None when there are none."""
    stale = _scored_by_another_scorer(path)
    if not stale:
        return None
    from peerjournal.plural import counted

    found = _notices.get()
    rescore = found.command_hint("drift --rescore") if found else "`peerjournal drift --rescore`"
    return (
        f"The drift scores of {counted(stale, 'entry')} are still the earlier version's; "
        f"{rescore} recomputes {'it' if stale == 1 else 'them'} with this one."
    )


def _upgrade(path: Path) -> None:
    """Run the revisions to the head in one write transaction (migrations/env.py); a journal
    with a schema is first backed up inside it, so a second peerjournal opening the journal
    at the same moment waits, then finds it current: one backup, one upgrade, told once.

    An upgrade that fails or is stopped leaves the journal as it was; the backup it made is
    then removed too, or every Ctrl-C (or a full disk) would leave one more full copy. A
    Ctrl-C while Alembic is still loading (a second or so) is told as one later is."""
    made: list[Path] = []
    try:
        _run_upgrade(path, made)
    except BaseException as error:
        if _stored_revision(path) in (HEAD_REVISION, "unknown"):
            raise
        for target in made:
            with suppress(OSError):
                target.unlink()
        if isinstance(error, KeyboardInterrupt):
            raise PeerJournalError(
                f"Interrupted: the journal at {path} was not upgraded; it is unchanged and no "
                "copy was kept (the upgrade runs again when it is next opened).",
                ExitCode.INTERRUPTED,
            ) from None
        if mismatch := _upgrade_mismatch(path, error):
            raise mismatch from None
        raise
    for target in made:  # (the copy named first: what follows takes a moment)
        _tell(_upgraded(target))
    if made and (note := _old_scores_note(path)):
        _tell(note)


def _run_upgrade(path: Path, made: list[Path]) -> None:
    """`_upgrade`'s work: the copies it makes are added to `made` as soon as they are whole."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    _check_installed(path, config)
    config.attributes["busy_timeout_ms"] = busy_timeout_ms()

    def back_up_if_behind(locked: sqlite3.Connection) -> None:
        """(`locked` holds the write lock, with nothing written yet: the backup reads what
        it sees through a connection of its own; SQLite copies no connection that writes)"""
        revision = _revision(locked)
        if revision is not None and revision != HEAD_REVISION:  # (another run may have upgraded it)
            _check_ours(path, revision)
            made.append(backup(path))

    config.attributes["before_upgrade"] = back_up_if_behind
    command.upgrade(config, HEAD_REVISION)  # (not "head": a stray newer file is not run)


def _scored_by_another_scorer(path: Path) -> int:
    """How many live entries of the journal just upgraded hold drift scores that an earlier
    version's scoring code made (or none). Only the scoring code is compared: the lexicon in
    use is config.toml's, which opening a journal does not read (`list`, `show` and `report`
    tell of scores from another lexicon: `cli/report.py`). 0 if it cannot be read."""
    from peerjournal.drift.lexicon import scorer_version

    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT count(*) FROM entry WHERE deleted_at IS NULL "
                "AND (scorer_version IS NULL OR scorer_version != ?)",
                (scorer_version(),),
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return 0
    return int(row[0])


def _check_installed(path: Path, config: Config) -> None:
    """Refuse an upgrade the installed revisions cannot complete, before any copy is made.

    In a broken install (a migration file missing), Alembic would take the journal to the
    newest revision it finds, short of HEAD_REVISION: every command then "upgraded" it again,
    each time keeping one more full-size copy, and never reached the schema this code reads.
    Refused here, nothing is copied or changed, so nothing piles up however often it is run."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        with warnings.catch_warnings():  # (Alembic warns of a gap in the revisions, then fails)
            warnings.simplefilter("ignore")
            script = ScriptDirectory.from_config(config)
            found = [step.revision for step in script.walk_revisions("base", HEAD_REVISION)]
    except (CommandError, KeyError):  # HEAD_REVISION, or one before it, is missing
        found = []
    if found[::-1] != list(KNOWN_REVISIONS):
        raise DatabaseError(
            f"The upgrade of the journal at {path} did not complete: this installation of "
            f"peerjournal lacks some of its upgrade steps (to schema {HEAD_REVISION}). "
            "The journal is unchanged and no copy was kept; reinstall peerjournal to upgrade it."
        )


def _create(path: Path) -> None:
    """Make a new journal at the head at once (db/newjournal.py), in one write transaction:
    a second peerjournal starting the same journal waits, then finds it made. Ctrl-C or a
    full disk leaves the file empty (`open_journal` then removes what it started)."""
    from peerjournal.db.newjournal import statements

    conn = _connect(path)
    try:
        _begin_write(conn)
        made = _revision(conn) is None
        if made:
            for statement in statements():
                conn.execute(statement)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            with suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
    if not made:  # another run made it meanwhile, perhaps an older peerjournal
        _upgrade(path)


def _stored_revision(path: Path) -> str | None:
    """The journal's revision as committed, or "unknown" if it cannot be read."""
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            return _revision(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return "unknown"


class Commit:
    """Whether a write transaction was committed (`all_or_nothing` yields one): a command that
    Ctrl-C or SIGTERM stops as it ends says from this whether its writes are in the journal."""

    done = False


@contextmanager
def write_transaction(
    conn: sqlite3.Connection, commit: Commit | None = None
) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE takes the write lock up front, so two writers queue instead of failing.

    Inside another one (`all_or_nothing`), it is part of that one: the outer commits or rolls
    back everything. `commit` is marked done once COMMIT has run, also when a Ctrl-C that came
    during it is raised as it returns (SQLite finishes a COMMIT whatever signal comes)."""
    if conn.in_transaction:  # (every BEGIN is ours: the connection runs in autocommit mode)
        yield conn
        return
    damage = getattr(conn, "damage", None)
    if damage:
        raise DamagedJournal(damage)
    commit = Commit() if commit is None else commit
    _begin_write(conn)
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # (SQLite ends it itself on some errors, a full disk say)
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except KeyboardInterrupt:  # one that came during COMMIT is raised as it returns
        if conn.in_transaction:  # (or it came before COMMIT ran: the journal is as it was)
            conn.execute("ROLLBACK")
            raise
        commit.done = True
        raise
    commit.done = True


@contextmanager
def all_or_nothing(conn: sqlite3.Connection, path: Path) -> Iterator[Commit]:
    """One transaction around several writes (an import's people list, entries, self-checks
    and supervision records): an error or Ctrl-C in any of them leaves the journal as it was.
    What it yields says, once it ends, whether the writes were committed (`Commit`)."""
    commit = Commit()
    with translated_errors(path), write_transaction(conn, commit):
        yield commit
