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
    home = os.environ.get("PEERJOURNAL_HOME")
    if home:
        return Path(home).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


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
