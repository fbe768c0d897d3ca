"""Where the journal lives.

The data directory is `$PEERJOURNAL_HOME` if set, else the platform's user data
directory (platformdirs) + `peerjournal`. The database is `--db PATH`, else
`$PEERJOURNAL_DB`, else `<data dir>/journal.db`.
"""

from __future__ import annotations

import errno
import os
import stat
from contextlib import suppress
from pathlib import Path

APP_NAME = "peerjournal"
DB_FILENAME = "journal.db"


def expand_user(path: str | os.PathLike[str], named_by: str) -> Path:
    """`path` with a leading `~` or `~name` made the home folder it names; a `~name` with no
    such user (or `~` with no HOME) is a one-line error naming where the path came from
    (`named_by`), not an unexpected error."""
    try:
        return Path(path).expanduser()
    except RuntimeError:
        from peerjournal.errors import PeerJournalError

        head = Path(path).parts[0] if Path(path).parts else str(path)
        raise PeerJournalError(
            f"{named_by} is {os.fspath(path)!r}: there is no home folder {head!r} on this "
            "computer; write the path in full."
        ) from None


def not_relative(path: Path, named_by: str, given: str) -> Path:
    """`path` (`given` in the environment variable `named_by`, `~` expanded), refused when
    relative: a setting that lasts from folder to folder, read from each one, would name
    another journal wherever peerjournal is run (one written in ~/a is "No journal yet" in
    ~/b). A path typed on the command line (`--db`) is read from the current folder, as
    every command's is."""
    if path.is_absolute():
        return path
    from peerjournal.errors import ExitCode, PeerJournalError

    raise PeerJournalError(
        f"{named_by} is {given!r}, a relative path, which would name another "
        f"{'folder' if named_by == 'PEERJOURNAL_HOME' else 'journal'} in each folder "
        f"peerjournal is run from: set it to a full path (such as {path.absolute()}).",
        ExitCode.USAGE,
    )


def data_dir() -> Path:
    """An absolute path, as every message names the folder: a relative PEERJOURNAL_HOME is
    an error (`not_relative`)."""
    home = os.environ.get("PEERJOURNAL_HOME", "")
    if home.strip():  # blank, as `PEERJOURNAL_HOME= ` leaves it, is unset: not a folder named ' '
        return not_relative(expand_user(home, "PEERJOURNAL_HOME"), "PEERJOURNAL_HOME", home)
    from platformdirs import user_data_dir

    try:
        return Path(user_data_dir(APP_NAME, appauthor=False)).absolute()
    except RuntimeError:  # no HOME, and no home folder for this user in the system's list
        from peerjournal.errors import PeerJournalError

        raise PeerJournalError(
            "Cannot tell where your home folder is (HOME is not set): set HOME, or "
            "PEERJOURNAL_HOME to the folder to keep the journal in."
        ) from None


def db_path(explicit: str | os.PathLike[str] | None = None, *, from_env: bool = False) -> Path:
    """In full, as `where` and every message name it. A blank --db (`--db "$UNSET"`) is an
    error: read as no --db, it would quietly open the default journal instead. A relative
    PEERJOURNAL_DB (`explicit` from it: `from_env`) is an error too (`not_relative`); a
    relative --db is read from the current folder."""
    from_env = from_env or explicit is None
    chosen = os.environ.get("PEERJOURNAL_DB") if explicit is None else explicit
    if chosen is not None and not os.fspath(chosen).strip():
        if explicit is None:  # PEERJOURNAL_DB= leaves it empty: unset, as for PEERJOURNAL_HOME
            return data_dir() / DB_FILENAME
        from peerjournal.errors import ExitCode, PeerJournalError

        raise PeerJournalError(
            "--db (or PEERJOURNAL_DB) is empty: give the journal file's path.", ExitCode.USAGE
        )
    if chosen:
        found = expand_user(chosen, "--db (or PEERJOURNAL_DB)")
        if from_env:
            return not_relative(found, "PEERJOURNAL_DB", os.fspath(chosen))
        return found.absolute()
    return data_dir() / DB_FILENAME


def drafts_dir(journal: Path) -> Path:
    """Where the drafts and unsaved edits of the journal at `journal` are kept: an unsaved
    edit of entry 5 belongs to one journal's entry 5, never another's. The default journal's
    are in `<data dir>/drafts` (where they have always been); another journal's (`--db`,
    PEERJOURNAL_DB) in a folder of their own inside it, named after the journal's file and
    its full path (`other-1a2b3c4d`), which the default journal's listing never looks into."""
    folder = data_dir() / "drafts"
    where = resolved(journal)
    if where == resolved(data_dir() / DB_FILENAME):
        return folder
    import hashlib

    digest = hashlib.sha256(os.fsencode(where)).hexdigest()[:8]
    return folder / f"{journal.stem[:40]}-{digest}"


def resolved(path: Path) -> Path:
    """`path` with links followed (so that a journal named two ways has one drafts folder);
    as given, absolute, for a circle of links."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop: the path as given
        return path.absolute()


def user_prompts_dir() -> Path:
    return data_dir() / "prompts"


def cache_dir() -> Path:
    """Things that can be rebuilt at any time (the parsed drift lexicon, the --help text)."""
    return data_dir() / "cache"


def config_path() -> Path:
    return data_dir() / "config.toml"


def make_private_folder(folder: Path) -> None:
    """Make `folder`, and every folder above it not there yet, readable by this user only
    (0700: a journal's text is nobody else's), as `mkdir -p` would. A folder already there is
    left as it is: the writer may have chosen it (`--db ~/Documents/journal.db`)."""
    if folder.is_dir():
        return
    if folder.parent != folder:
        make_private_folder(folder.parent)
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        if problem := not_a_folder(folder):  # said as such, not as mkdir's "File exists"
            raise NotADirectoryError(errno.ENOTDIR, problem) from None


def owned_by_me(found: os.stat_result) -> bool:
    """Whether the file or folder `found` (its stat) is this user's."""
    return found.st_uid == getattr(os, "getuid", lambda: -1)()


def closed_to_others(target: Path) -> None:
    """Make `target` this user's only (its mode & 0o700) when it is this user's and others, not
    only its group, may use it, as versions of peerjournal before 5 Dec left the journal
    (0644) and its folders (0755). A mode that gives others nothing (0640, 0750: the writer's
    group, a choice) is left as it is, and so is what is not there or cannot be changed."""
    with suppress(OSError):
        found = target.stat()
        if owned_by_me(found) and found.st_mode & 0o007:
            target.chmod(found.st_mode & 0o700)


def not_a_folder(folder: Path) -> str | None:
    """Why `folder` cannot be used as a folder (a file, or a link to nothing, in its place),
    naming PEERJOURNAL_HOME when it is the one set wrong; None when it is a folder or not
    there yet."""
    if folder.is_dir() or not (folder.exists() or folder.is_symlink()):
        return None
    if folder.exists():
        what = "a file, not a folder"
    else:
        try:
            target = os.readlink(folder)
        except OSError:  # (removed meanwhile)
            target = "a folder"
        what = f"a link to {target}, which is not there"
    home = os.environ.get("PEERJOURNAL_HOME", "")
    if home.strip() and Path(home).expanduser() == folder:
        return f"PEERJOURNAL_HOME points at {what}: {folder}"
    return f"{folder} is {what}"


def folder_link_gone(path: Path) -> str | None:
    """`not_a_folder`'s words for the nearest folder of `path` that is a link to nothing (an
    unmounted drive as PEERJOURNAL_HOME, or in a --db path); None when there is none."""
    for folder in path.parents:
        if folder.is_symlink() and not folder.exists():
            return not_a_folder(folder)
        if folder.exists():
            return None
    return None


class NotAFileError(OSError):
    """`read_regular_file`'s refusal of a folder, a named pipe or a device."""


def read_regular_file(path: Path, limit: int = -1) -> bytes:
    """The bytes of the file at `path` (up to `limit`). Opened without waiting and refused
    (`NotAFileError`) unless it is a regular file: a named pipe would wait for a writer for
    ever, and a device (/dev/zero) never ends."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise NotAFileError(
                errno.EINVAL, "it is not a file (a folder, a named pipe or a device)"
            )
        with open(handle, "rb", closefd=False) as file:
            return file.read(limit)
    finally:
        os.close(handle)


def write_cache_file(path: Path, data: bytes) -> None:
    """Replace the cache file `path` with `data`, whole or not at all (two runs may write it
    at once), making its folder as `make_cache_folder` does: readable by this user only
    (0600) in the data folder, as what is kept there comes from the writer's journal and
    settings; by everyone beside the installed package. OSError if it cannot be written."""
    private = not _beside_package(path.parent)
    make_cache_folder(path.parent)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        partial.touch(mode=0o600 if private else 0o666)  # (less the umask) before any byte
        partial.write_bytes(data)
        partial.replace(path)
    except BaseException:  # a full disk: no part-written file left to fill it further
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        raise


def _beside_package(folder: Path) -> bool:
    return folder.absolute().is_relative_to(Path(__file__).parent.absolute())


def make_cache_folder(folder: Path) -> None:
    """Make a cache folder and those above it not there yet: private (`make_private_folder`)
    in the data folder, where what is kept comes from the writer's journal and settings (an
    organisation's lexicon parsed, the notes of journals found sound); beside the installed
    package (the shipped lexicon parsed, the drift modules' own regexes: nothing of anyone's,
    like Python's .pyc files), as Python makes its `__pycache__` there, so that everyone who
    runs that installation can read it."""
    if _beside_package(folder):
        folder.mkdir(parents=True, exist_ok=True)
    else:
        make_private_folder(folder)
