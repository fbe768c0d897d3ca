"""One error type and the documented exit codes.

Everything that should reach the user as a one-line message raises
`PeerJournalError`; the CLI's single exit point prints it and exits with its code.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    USER_ERROR = 1  # bad input: a wrong date, empty text, an invalid file
    USAGE = 2  # unknown option or command (click's own code)
    NOT_FOUND = 3  # no entry, prompt set, person … with that name or ID
    DATABASE = 4  # the journal cannot be opened: corrupt, locked, read-only, not ours
    INTERNAL = 70  # a bug: reported without journal text
    INTERRUPTED = 130  # Ctrl-C


class PeerJournalError(Exception):
    """An error the user can act on; `message` is printed as one line. `printed`: the entry it
    stopped is printed on stdout instead, as not even a draft of it could be written
    (`drafts.text_printed`): a caller that names a draft knows it by this, whatever the
    message says."""

    printed: bool = False

    def __init__(self, message: str, exit_code: ExitCode = ExitCode.USER_ERROR) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


class NotFoundError(PeerJournalError):
    def __init__(self, message: str) -> None:
        super().__init__(message, ExitCode.NOT_FOUND)


class NoEntryError(NotFoundError):
    """No entry with the ID (or IDs) `entries`: said differently where there is no journal at
    all (`AppContext.failed`)."""

    def __init__(self, entries: str, message: str) -> None:
        super().__init__(message)
        self.entries = entries


class DatabaseError(PeerJournalError):
    def __init__(self, message: str) -> None:
        super().__init__(message, ExitCode.DATABASE)


class DamagedJournal(DatabaseError):
    """The refusal to write into a journal found damaged (db/health.py). It says that itself:
    said in any words (a write's kept draft named after it), no warning goes before it
    (`AppContext.failed`)."""


def plain_hint(command: str) -> str:
    """How a message names another command ("`peerjournal people list`") where no --db is
    known to add to it, as `AppContext.command_hint` adds it."""
    return f"`peerjournal {command}`"
