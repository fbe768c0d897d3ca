"""Where the journal lives.

The data directory is `$PEERJOURNAL_HOME` if set, else the platform's user data
directory (platformdirs) + `peerjournal`. The database is `--db PATH`, else
`$PEERJOURNAL_DB`, else `<data dir>/journal.db`.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "peerjournal"
DB_FILENAME = "journal.db"


def data_dir() -> Path:
    """An absolute path: a relative PEERJOURNAL_HOME is read from the current folder, and
    every message names the folder in full."""
    home = os.environ.get("PEERJOURNAL_HOME")
    if home:
        return Path(home).expanduser().absolute()
    from platformdirs import user_data_dir

    try:
        return Path(user_data_dir(APP_NAME, appauthor=False)).absolute()
    except RuntimeError:  # no HOME, and no home folder for this user in the system's list
        from peerjournal.errors import PeerJournalError

        raise PeerJournalError(
            "Cannot tell where your home folder is (HOME is not set): set HOME, or "
            "PEERJOURNAL_HOME to the folder to keep the journal in."
        ) from None


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    chosen = explicit or os.environ.get("PEERJOURNAL_DB")
    if chosen:
        return Path(chosen).expanduser()
    return data_dir() / DB_FILENAME


def drafts_dir() -> Path:
    return data_dir() / "drafts"


def user_prompts_dir() -> Path:
    return data_dir() / "prompts"


def cache_dir() -> Path:
    """Things that can be rebuilt at any time (the parsed drift lexicon, the --help text)."""
    return data_dir() / "cache"


def config_path() -> Path:
    return data_dir() / "config.toml"
