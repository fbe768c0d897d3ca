"""An editor that fails on a file already holding the writer's text (a resumed `write` draft,
a kept `edit`): it exited with an error, was stopped, cut the file short, emptied or deleted
it. The text as it was before the editor opened it survives: when the editor left nothing
new, it is put back; when it saved new words and then failed, both are kept, and named.
Imported only on the editor's path (`write`'s `_edited`, `edit`'s `_edit_in_editor`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from peerjournal.errors import ExitCode, PeerJournalError

if TYPE_CHECKING:
    from peerjournal.context import AppContext
    from peerjournal.drafts import Draft


class Before(NamedTuple):
    """A file as it was before the editor opened it."""

    data: bytes
    text: str  # its text ("" if it is not UTF-8)
    modified: float | None  # when it was last written

    @classmethod
    def of(cls, file: Draft) -> Before:
        """`file` as it is now, the editor about to open it; the recovery files beside it now
        outlive it (`Draft.keep_recovery_files`, `kept_recovery_note`)."""
        file.keep_recovery_files()
        try:
            data, modified = file.path.read_bytes(), file.path.stat().st_mtime
        except OSError:  # (the editor's own reading says what is wrong)
            data, modified = b"", None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = ""
        return cls(data, text, modified)

    def closed_unsaved(self, file: Draft) -> bool:
        """Whether the editor left `file` as it was before it opened, not even written again:
        closed without saving (vim's `:q!`). One saved unchanged (`:wq`) was written: the
        writer chose to keep it (`write` on an editor draft, `edit` on a kept edit)."""
        try:
            modified = file.path.stat().st_mtime
        except OSError:
            return False
        return modified == self.modified and left_in(file) == self.data


@dataclass(frozen=True)
class Naming:
    """How a command names the files it keeps, in the errors below."""

    again: Callable[[Draft], str]  # the command that continues a file
    forget: Callable[[Draft], str]  # the command that throws away the file put back
    spare: Callable[[], Draft]  # a new file, for a copy of the text as it was before
    as_it_was: Callable[[Draft], str]  # the sentence that names that copy


def discard_command(app: AppContext, file: Draft, number: int | None) -> str:
    """The command, to paste, that throws `file` (a draft or a kept edit) away: `drafts
    --discard N` by its `number` in `peerjournal drafts`; when it has none (another terminal
    removed it meanwhile, say), `rm` of its whole path (a file name alone finds it only from
    its folder)."""
    import shlex

    if number is None:
        return f"`rm {shlex.quote(str(file.path))}`"
    return app.command_hint(f"drafts --discard {number}")


def stopped(exc: PeerJournalError | KeyboardInterrupt) -> PeerJournalError:
    """The error for an editor that failed; a KeyboardInterrupt is SIGTERM or SIGHUP while
    it ran (Ctrl-C is the editor's then)."""
    if isinstance(exc, PeerJournalError):
        return exc
    return PeerJournalError("Interrupted.", ExitCode.INTERRUPTED)


def naming_recovery(
    file: Draft, failed: PeerJournalError, again: str, forget: str, what: str
) -> PeerJournalError:
    """`failed` (the editor on `file`, a draft or kept edit, failed or was stopped: a closed
    terminal), naming the recovery files the editor left beside it (`recovery_note`). The
    caller keeps `file`, which lists them (`peerjournal drafts`) and removes them with it."""
    note = recovery_note(file, again, forget, what)
    if note:
        failed.message = f"{failed.message.rstrip()} {note}"
    return failed


def recovery_note(file: Draft, again: str, forget: str, what: str) -> str:
    """The sentence that names the recovery files an editor left beside `file` (a draft or
    kept edit: `Draft.recovery_files`), which may hold words typed and not saved, with how to
    get them back and how to discard them with the file (`again`, `forget`: commands; `what`:
    "draft", "edit"); "" when there are none."""
    import shlex

    found = file.recovery_files()
    if not found:
        return ""
    files, it = ("a recovery file", "it") if len(found) == 1 else ("recovery files", "them")
    said = (f"The editor left {files} beside {file.path} that may hold words you typed and "
            f"did not save: {', '.join(map(str, found))}.")
    if any(path.name.startswith(".") for path in found):  # vim's swap file (`.NAME.swp`)
        how = (f"{again} opens the {what} again and vim offers to recover them (or "
               f"`vim -r {shlex.quote(str(file.path))}`)")
    else:  # nano's `NAME.save`, emacs's `#NAME#`: the text itself
        how = f"Open {it} to copy them back ({again} opens the {what} again)"
    return f"{said} {how}; {forget} discards {it} with the {what}."


def kept_recovery_note(file: Draft) -> str:
    """The sentence that names the recovery files left by an editor stopped on `file` earlier
    that outlived it (`Draft.kept_recovery_files`): the words in them may be none of those
    saved (vim's "Edit anyway"); "" when there are none."""
    import shlex

    kept = file.kept_recovery_files()
    if not kept:
        return ""
    one = len(kept) == 1
    files, it, verb = ("recovery file", "it", "is") if one else ("recovery files", "them", "are")
    they = "it" if one else "they"
    vims = [f"`vim -r {shlex.quote(str(path))}`" for path in kept if path.name.startswith(".")]
    how = f"{' or '.join(vims)} shows what vim kept" if vims else f"open {it}: plain text"
    if vims and len(vims) < len(kept):  # (nano's `NAME.save`, emacs's `#NAME#` too)
        how += "; the others are plain text"
    return (f"The editor's {files} from an earlier session {verb} kept, as {they} may hold "
            f"words that are not in what was saved: {', '.join(map(str, kept))} ({how}); "
            f"delete {it} once you have them.")


def keeping_before(
    file: Draft,
    before: Before,
    failed: PeerJournalError,
    naming: Naming,
    earlier: Draft | None = None,
) -> PeerJournalError:
    """`failed` (the editor failed, was stopped, or left the file empty), once the text `file`
    held `before` is safe. `earlier`: another file that holds that text (the guided draft a
    write draft was made from). When the editor left nothing new in `file` (gone, cut short,
    untouched, or without typed text), that text is what remains: in `earlier`, or put back
    in `file`; an untouched `file` is `failed` as it is, for the caller to name. When it left
    something new (saved, then crashed; not UTF-8), both are kept, and named."""
    left = left_in(file)
    if earlier is None and (left == before.data or before.modified is None):
        return failed  # untouched, or not read before: nothing to put back over it
    if not adds_something(file, left, before):
        if earlier is None:
            return put_back(file, before.data, failed, naming)
        file.discard()  # a copy of `earlier`, cut short at most
        earlier.release()
        return PeerJournalError(
            f"{failed.message.rstrip()} Your text is still in {earlier.path} "
            f"({naming.again(earlier)}).",
            failed.exit_code,
        )
    return _both_kept(file, before, earlier, failed, naming)


def left_in(file: Draft) -> bytes | None:
    """What the editor left in `file`: None when it is gone (or cannot be read: then it is
    written over with what it held)."""
    try:
        return file.path.read_bytes()
    except OSError:
        return None


def adds_something(file: Draft, left: bytes | None, before: Before) -> bool:
    """Whether what the editor `left` in `file` holds words that `before` did not: not when it
    is gone, is a start of `before` (a write cut short), or holds no typed text (nor words
    typed into one of its comments)."""
    from peerjournal.reflection import typed_into_comment

    if left is None or before.data.startswith(left):
        return False
    if file.holds_text():
        return True
    return typed_into_comment(before.text, left.decode("utf-8", "replace")) is not None


def put_back(
    file: Draft, held: bytes, failed: PeerJournalError, naming: Naming
) -> PeerJournalError:
    """`drafts.put_back`, naming the file once it is back (a file the editor deleted is
    listed, and numbered, only then)."""
    import contextlib

    from peerjournal import drafts

    with contextlib.suppress(OSError):  # (drafts.put_back writes it again; says if it cannot)
        drafts.write_atomic(file.path, held)
    return drafts.put_back(
        file, held, failed.message, failed.exit_code,
        reopen=naming.again(file), forget=naming.forget(file),
    )


def _both_kept(
    file: Draft,
    before: Before,
    earlier: Draft | None,
    failed: PeerJournalError,
    naming: Naming,
) -> PeerJournalError:
    """`failed`, naming both files: what the editor left stays in `file`; the text as it was
    before is in `earlier`, or in a copy written beside it (as old as `file` was). If the copy
    cannot be written, that text is printed on stdout."""
    import os

    from peerjournal.drafts import printed_instead, write_atomic

    if earlier is None:
        earlier = naming.spare()
        try:
            write_atomic(earlier.path, before.data)
            if before.modified is not None:
                os.utime(earlier.path, (before.modified, before.modified))
        except OSError as exc:
            text = before.data.decode("utf-8", "replace")
            why = str(exc.strerror or exc)
            return printed_instead(
                text, failed.message, earlier.path.parent, failed.exit_code, why
            )
    earlier.release()
    said = failed.message.rstrip()
    if str(file.path) not in said:
        said += f" What the editor left is kept in {file.path} ({naming.again(file)})."
    return PeerJournalError(f"{said} {naming.as_it_was(earlier)}", failed.exit_code)


def replace_earlier(file: Draft, before: Before, earlier: Draft, naming: Naming) -> None:
    """Remove `earlier` (the file `file` was made from) once the editor has saved text in
    `file`, made to last first (a power cut must not take both); raise, keeping it, when it
    saved none."""
    from peerjournal.drafts import durable

    if not file.holds_text():
        empty = PeerJournalError("The entry was left empty, so nothing was saved.")
        raise keeping_before(file, before, empty, naming, earlier)
    if durable(file.path):  # (else both are kept: two copies, not none)
        earlier.discard()

