"""`peerjournal --help` without importing Typer: the text Typer printed last time, kept on disk.

Typer's import and building every command to list them take most of the 150 ms budget, for
a text that changes only with peerjournal's code, Typer or the terminal width. The root group
saves the help it prints (`save`); the launcher prints it back (`load`) while nothing it
depends on has changed: the modification times and sizes of peerjournal's own modules and of
Typer's `__init__.py`, the Python version, `$COLUMNS` and the terminal's width. Any problem
reading or writing just means Typer prints the help as usual.

The file goes in the cache folder only once the journal's folder exists: asking for help
never creates it.
"""

from __future__ import annotations

import contextlib
import os
import sys
import zlib
from pathlib import Path

from peerjournal import paths
from peerjournal.errors import PeerJournalError

PACKAGE = os.path.dirname(os.path.abspath(__file__))


def _cache_file() -> str:
    # One file per installation: two installs sharing a data folder do not overwrite each other.
    return os.path.join(paths.cache_dir(), f"help-{zlib.crc32(PACKAGE.encode()):08x}.txt")


def _terminal_width() -> int:
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 0


def _key(typer_init: str) -> str:
    """Everything the help text depends on, as one line (raises OSError if a file is gone)."""
    parts = [sys.version.replace("\n", " "), os.environ.get("COLUMNS", ""), str(_terminal_width())]
    modules = [typer_init]
    for folder, _, names in os.walk(PACKAGE):
        modules += [os.path.join(folder, name) for name in names if name.endswith(".py")]
    for module in sorted(modules):
        found = os.stat(module)
        parts.append(f"{module}:{found.st_mtime_ns}:{found.st_size}")
    return "\t".join(parts)


def load() -> str | None:
    """The saved help text, if it is still what Typer would print; else None."""
    try:
        with open(_cache_file(), encoding="utf-8") as cached:
            typer_init = cached.readline().rstrip("\n")
            key = cached.readline().rstrip("\n")
            text = cached.read()
        return text if key == _key(typer_init) else None
    except (OSError, UnicodeDecodeError, PeerJournalError):  # (no data folder: no HOME)
        return None


def save(text: str, typer_init: str) -> None:
    """Keep `text` (as printed, newline included) for `load`; `typer_init` is typer.__file__."""
    try:
        if not paths.data_dir().is_dir():
            return
    except (OSError, PeerJournalError):
        return
    content = f"{typer_init}\n{_key(typer_init)}\n{text}"
    with contextlib.suppress(OSError):  # written whole, then renamed: readers never see half
        paths.write_cache_file(Path(_cache_file()), content.encode("utf-8"))
