"""What `write` and `edit` print once their change is committed. From there on nothing may
turn the command into a failure, or the writer (or a script trusting the exit code) makes
the change again: what cannot be read back or printed is a word on stderr."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from peerjournal.context import AppContext

if TYPE_CHECKING:
    from peerjournal.drafts import Draft


def stored_json(app: AppContext, entry_id: int, done: str) -> dict[str, object]:
    """The entry as stored now (`--json`, with the numbers `list --json` gives); its ID alone
    when it cannot be read back (a damaged page), with a word on stderr. `done`: "saved" or
    "updated"."""
    from peerjournal.cli.browse import with_scores
    from peerjournal.errors import PeerJournalError

    try:
        return with_scores(app, [app.store().get(entry_id).to_json()])[0]
    except PeerJournalError as exc:
        app.say(f"Entry {entry_id} is {done}, but it could not be read back ({exc.message}); "
                "--json gives only its ID.")
        return {"id": entry_id}


def print_after_saving(app: AppContext, entry_id: int, done: str, show: Callable[[], None]) -> None:
    """`show()` prints to stdout; when stdout takes nothing, stderr says the entry is `done`
    (`AppContext.print_done`)."""
    app.print_done(f"Entry {entry_id} is {done}", show)


def discard_kept(app: AppContext, entry_id: int, done: str, kept: Draft, again: str) -> bool:
    """Remove the draft (or kept edit) of an entry now `done`; False, and a word on stderr,
    when it cannot be removed (a folder made read-only): `again` says what it would do then
    ("`write --resume` saves it again")."""
    from peerjournal.cli.editor_safety import kept_recovery_note

    what = "its draft" if done == "saved" else "the edit kept in"
    try:
        kept.discard()
    except OSError as exc:
        app.say(
            f"Entry {entry_id} is {done}, but {what} {kept.path} could not be removed "
            f"({exc.strerror or exc}): delete it, or {again}."
        )
        return False
    note = kept_recovery_note(kept)  # (an editor stopped on it before: vim's "Edit anyway")
    if note:
        app.say(note)
    return True


def setting_hint(app: AppContext, typed: str, meant: str, entry_id: int) -> str:
    """The line for a setting saved as typed that is a near miss of `meant`."""
    import shlex

    change = app.command_hint(f"edit {entry_id} --setting {shlex.quote(meant)}")
    return f"Setting '{typed}' is new; did you mean '{meant}'? Change it with {change}."
