"""Running $VISUAL / $EDITOR on a file, and reading the entry format back."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from peerjournal.errors import PeerJournalError

if TYPE_CHECKING:
    from peerjournal.reflection import ParsedEntry, PromptSet

FALLBACK_EDITORS = ("nano", "vi")
# An editor that returns sooner than this with nothing changed most likely opened a window of
# its own and did not wait for it (VS Code, Sublime Text, gedit without their wait option).
QUICK_EXIT_SECONDS = 2.0
NUL_MESSAGE = "The text contains NUL bytes; is this a binary file?"


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

    The file is left in place whatever happens; the caller says where the text is kept.
    While the editor runs, Ctrl-C belongs to it (as with git): an editor that uses Ctrl-C
    itself must not be killed under the writer by peerjournal's own interrupt.
    """
    command = editor_command()
    try:
        process = subprocess.Popen([*command, str(path)])
    except FileNotFoundError:
        raise PeerJournalError(f"The editor {command[0]!r} was not found; set $EDITOR.") from None
    except PermissionError:
        raise PeerJournalError(f"The editor {command[0]!r} cannot be run; check $EDITOR.") from None
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: leave signals alone
        previous = None
    try:
        status = process.wait()
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    if status != 0:
        raise PeerJournalError(f"The editor exited with status {status}; nothing was saved.")
    return read_text_file(path)


def waiting_hint(started: float) -> str:
    """For "nothing changed" messages: how to make a windowed editor wait, when the editor
    (started at `time.monotonic()` value `started`) came back at once."""
    import time

    if time.monotonic() - started >= QUICK_EXIT_SECONDS:
        return ""
    return (
        " If your editor opens in a window of its own, make it wait until you close the "
        'file, e.g. EDITOR="code --wait".'
    )


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
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PeerJournalError(
            f"{source} is not UTF-8 text (at byte {exc.start + 1}); save it as UTF-8 and try again."
        ) from None
    if "\x00" in text:
        raise PeerJournalError(NUL_MESSAGE)
    return text


def parse_entry(text: str, prompt_set: PromptSet | None = None) -> ParsedEntry:
    """The Markdown entry format; text with a NUL byte is refused (the parser marks with it)."""
    from peerjournal.reflection import parse_template

    if "\x00" in text:
        raise PeerJournalError(NUL_MESSAGE)
    return parse_template(text, prompt_set)
