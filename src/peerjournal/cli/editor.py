"""Running $VISUAL / $EDITOR on a file."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

from peerjournal.errors import PeerJournalError

FALLBACK_EDITORS = ("nano", "vi")


def editor_command() -> list[str]:
    chosen = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if chosen:
        try:
            command = shlex.split(chosen)
        except ValueError:  # an unbalanced quote
            command = []
        if not command:
            raise PeerJournalError(f"Cannot run the editor {chosen!r}: check $VISUAL / $EDITOR.")
        return command
    for name in FALLBACK_EDITORS:
        if shutil.which(name):
            return [name]
    raise PeerJournalError("No editor found: set $EDITOR (for example EDITOR=nano).")


def run_editor(path: Path) -> str:
    """Open the editor on `path` and return the file's text afterwards.

    The file is left in place whatever happens, so the writer's text is never lost.
    """
    command = editor_command()
    try:
        status = subprocess.call([*command, str(path)])
    except FileNotFoundError:
        raise PeerJournalError(
            f"The editor {command[0]!r} was not found; set $EDITOR. Your text is kept in {path}."
        ) from None
    if status != 0:
        raise PeerJournalError(
            f"The editor exited with status {status}; nothing was saved. "
            f"Your text is kept in {path}."
        )
    return read_text_file(path)


def read_text_file(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PeerJournalError(f"No such file: {path}.") from None
    except IsADirectoryError:
        raise PeerJournalError(f"{path} is a folder, not a file.") from None
    return decode(data, str(path))


def decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PeerJournalError(
            f"{source} is not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again."
        ) from None
