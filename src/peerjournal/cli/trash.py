"""delete, restore, trash: nothing is destroyed except by `trash --empty`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import typer

from peerjournal.cli.options import Json, Limit, entry_ids_argument, typed_range
from peerjournal.context import AppContext

if TYPE_CHECKING:
    from pathlib import Path

    from peerjournal.db.store import Store
    from peerjournal.drafts import Draft
    from peerjournal.entry import Entry

EntryIds = entry_ids_argument()


def live_entry(store: Store, entry_id: int) -> Entry:
    """The entry with this ID; if it is in the trash, a not-found error that says so and how
    to bring it back (not just "no entry": the writer can see it with `peerjournal trash`)."""
    from peerjournal.errors import NotFoundError

    try:
        return store.get(entry_id)
    except NotFoundError as missing:
        try:
            store.get(entry_id, trashed=True)
        except NotFoundError:
            raise missing from None
    raise NotFoundError(
        f"Entry {entry_id} is in the trash: `peerjournal restore {entry_id}` brings it back."
    )


def _set_aside_others(app: AppContext, entries: list[Entry]) -> None:
    """Before the trashed `entries` are destroyed, and the edits kept by their IDs discarded:
    move aside, every word, those of other entries with the same IDs (of a journal this one
    replaced), which are not theirs to discard (`edit.set_aside_others`)."""
    from peerjournal import paths
    from peerjournal.cli.edit import set_aside_others
    from peerjournal.drafts import kept_edits

    edits = kept_edits(paths.drafts_dir(app.db_path))
    for entry in entries:
        named = [e for e in edits if e.entry_id == entry.id]
        if named:
            set_aside_others(app, entry, named)


@dataclass
class _Kept:
    """What of trashed entries' text is kept outside the journal, which emptying the trash
    discards with them: the edits kept of them (unsaved edits, and copies of replaced text:
    `Draft.was`), and the files editors left beside such edits that are gone (their recovery
    files, kept once the edit was saved or dropped, may hold words never saved; backups an
    older version left: `drafts.left_of_edits`), each with whether it is a recovery file."""

    edits: list[Draft] = field(default_factory=list)
    left: list[tuple[Path, bool]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.edits or self.left)


def _unsaved_named(app: AppContext, entries: list[Entry]) -> str:
    """The unsaved edits of the trashed `entries`, and the files editors left beside their
    edits, that emptying the trash discards with them (they hold the entries' text), named
    for its question: ", and 1 unsaved edit of entry 3 (…)"; "" when there are none."""
    from peerjournal import paths
    from peerjournal.drafts import kept_edits, left_of_edits

    trashed = {entry.id for entry in entries}
    try:
        folder = paths.drafts_dir(app.db_path)
        kept = _Kept([e for e in kept_edits(folder) if e.entry_id in trashed])
        left = [(i, side, recovery) for i, side, recovery in left_of_edits(folder)
                if i in trashed]
    except OSError:
        return ""
    kept.left = [(side, recovery) for _, side, recovery in left]
    ids = sorted({e.entry_id for e in kept.edits if e.entry_id is not None}
                 | {i for i, _, _ in left})
    if not ids:
        return ""
    was = [e for e in kept.edits if e.was]
    if len(was) == len(kept.edits) and not kept.left:
        what = "words that `edit -x` replaced, in no entry now"
    elif was:
        what = "changes never saved, and words that `edit -x` replaced"
    else:
        what = "changes never saved"
    return (
        f", and {_kinds(kept)} of {_numbered(ids)} ({what}; to keep them, answer n, then "
        f"{_restore_hint(app, ids)})"
    )


def _kinds(kept: _Kept) -> str:
    """What is `kept`, counted by kind: "1 unsaved edit", "2 copies of replaced text"
    (`Draft.was`: an entry's text as it was before `edit ID -x` replaced it), "1 editor's
    recovery file", "1 editor's backup copy", or several of these."""
    from peerjournal.plural import counted, joined

    edits, was = len(kept.edits), sum(edit.was for edit in kept.edits)
    left, recovery = len(kept.left), sum(recovery for _, recovery in kept.left)
    return joined([
        *([counted(edits - was, "unsaved edit")] if edits > was else []),
        *([counted(was, "copy of replaced text", "copies of replaced text")] if was else []),
        *([counted(recovery, "editor's recovery file")] if recovery else []),
        *([counted(left - recovery, "editor's backup copy", "editor's backup copies")]
          if left > recovery else []),
    ])


def _discard_kept_edits(app: AppContext, store: Store, ids: list[int]) -> tuple[_Kept, _Kept]:
    """Discard the unsaved changes kept from editing entries that are no longer in the
    journal (nor in its trash), and the files editors left beside such edits (`_Kept`): they
    hold the entry's text, which emptying the trash promises to leave nowhere. Those of the
    entries `ids` (destroyed now), and those of entries destroyed before (by a `trash
    --empty` that stopped before discarding them, or left the files editors left). Those of
    other entries with these IDs were set aside before (`_set_aside_others`), by every run
    that destroyed entries: one left of an ID this journal gave, and holds no more, is taken
    for the destroyed entry's."""
    import contextlib

    from peerjournal import paths
    from peerjournal.drafts import kept_edits, left_of_edits

    now, before = _Kept(), _Kept()
    if not app.db_path.is_file():  # (no journal, or a link to one not there: none destroyed)
        return now, before
    folder = paths.drafts_dir(app.db_path)
    edits = [e for e in kept_edits(folder) if e.entry_id is not None]
    left = left_of_edits(folder)  # (beside edits gone before these are discarded)
    gone = _destroyed(store, {e.entry_id for e in edits if e.entry_id is not None}
                      | {i for i, _, _ in left})
    for edit in edits:
        if edit.entry_id in gone:
            with contextlib.suppress(OSError):
                edit.discard()
                (now if edit.entry_id in ids else before).edits.append(edit)
    for entry_id, side, recovery in left:
        if entry_id in gone:
            with contextlib.suppress(OSError):
                side.unlink(missing_ok=True)
                (now if entry_id in ids else before).left.append((side, recovery))
    return now, before


def _destroyed(store: Store, named: set[int]) -> set[int]:
    """Those of the entry IDs `named` (by kept edits) that this journal gave and holds no
    more, in the journal or its trash (one restored meanwhile, in another terminal, keeps its
    edit); an ID never given here is not one of this journal's entries."""
    highest = store.highest_id_given()
    named = {i for i in named if i <= highest}
    return named - store.existing_ids(named) if named else set()


def _finish_emptying(app: AppContext, store: Store, said: str, destroyed: int) -> None:
    """After the trash is emptied (or found empty): copy the zeroed pages over the old ones
    in the journal file (`Store.clear_freed`), and say `said` with what is left undone, if
    any: the entries are destroyed either way, which a full disk must not unsay."""
    import typer

    from peerjournal.db.engine import FULL, wal_file
    from peerjournal.errors import ExitCode

    wal = wal_file(app.db_path)  # (through a link, beside the journal it leads to)
    try:  # (found empty: only what an earlier run could not clear is to be cleared)
        left = destroyed > 0 or wal.stat().st_size > 0
    except OSError:
        left = False
    unclear = store.clear_freed() if left else None
    if unclear is None:
        _uncleared(app.db_path, False)
    if unclear is None or not (destroyed or _uncleared_noted(app.db_path)):
        app.say(said)  # (a -wal of ordinary writes a full disk kept: no destroyed text in it)
        return
    what = "their text" if destroyed else "the text of entries destroyed before"
    room = " once there is room" if unclear == FULL else ""
    app.say(
        f"{said} But {what} could not yet be cleared from the journal file {app.db_path} "
        f"({unclear}): {app.command_hint('trash --empty')} clears it{room}."
    )
    raise typer.Exit(ExitCode.DATABASE)


UNCLEARED_DIR = "uncleared"  # in the cache folder: journals whose destroyed text is not wiped


def _uncleared(path: Path, left: bool) -> None:
    """Note (`left`), before entries are destroyed, that the text of destroyed entries may
    be left in the journal at `path` until the journal file is cleared (`Store.clear_freed`),
    or remove that note once it is. Without it a later `trash --empty` that finds the trash
    empty cannot tell that text from the ordinary writes in a -wal that a full disk kept
    from being copied back (QA r46). Best effort: a note that cannot be written (a cache
    folder that is read-only) leaves that later run silent about it."""
    from contextlib import suppress

    from peerjournal.db.health import note_file
    from peerjournal.paths import write_cache_file

    note = note_file(path, UNCLEARED_DIR)
    with suppress(OSError):
        if left:
            write_cache_file(note, b"")
        else:
            note.unlink(missing_ok=True)


def _uncleared_noted(path: Path) -> bool:
    """Whether the text of entries destroyed before may still be in the journal at `path`
    (`_uncleared`)."""
    from peerjournal.db.health import note_file

    return note_file(path, UNCLEARED_DIR).exists()


def _trashed_json(app: AppContext, entries: list[Entry]) -> list[dict[str, Any]]:
    """Entries in the trash: the JSON entry shape, when each was moved there, then the
    numbers `list --json` adds (`browse.with_scores`)."""
    from peerjournal.cli.browse import with_scores

    return with_scores(app, [
        {**e.to_json(), "deleted_at": e.deleted_at.isoformat() if e.deleted_at else None}
        for e in entries
    ])


def _where(store: Store, entry_id: int) -> str:
    """"journal" or "trash", where the entry with this ID is; "" when there is none."""
    from peerjournal.errors import NotFoundError

    for place, trashed in (("journal", False), ("trash", True)):
        try:
            store.get(entry_id, trashed=trashed)
        except NotFoundError:
            continue
        return place
    return ""


def _places(store: Store, ids: list[int]) -> dict[int, str]:
    """`_where` of every ID in `ids`, in a few reads however many there are (a range such as
    1-20000 is two reads, not 40,000)."""
    if len(ids) <= NAMED_AT_MOST:
        return {entry_id: _where(store, entry_id) for entry_id in ids}
    from peerjournal.db.stats import live_and_trashed

    there = store.existing_ids(ids)
    trashed = live_and_trashed(store)[1] if there else set()
    return {
        i: ("trash" if i in trashed else "journal") if i in there else "" for i in ids
    }


def _check_all(app: AppContext, store: Store, ids: list[int], *, deleting: bool) -> list[int]:
    """The IDs of `ids` to move: those in the journal to delete (in the trash to restore,
    unless `deleting`). One already where the command puts it is no error: a repeat (a
    script run again) ends as the first run did, exit 0, the note saying so (`_already`), as
    `share` twice does. An ID that is nowhere is a NoEntryError naming every such ID (exit 3),
    before any entry is moved."""
    from peerjournal.errors import NoEntryError

    places = _places(store, ids)
    here = "journal" if deleting else "trash"
    missing = [i for i, place in places.items() if not place]
    if missing:
        see = (f" (see {app.command_hint('list')}, or {app.command_hint('trash')})"
               if deleting else "")
        text = f"No entry {_ids_in_words(missing, 'or')} in the {here}{see}."
        if len(ids) > 1:
            text += f" Nothing was {'deleted' if deleting else 'restored'}."
        # (`AppContext.failed` says so when there is no journal at all)
        raise NoEntryError(_ids_in_words(missing, "or"), text)
    return [i for i, place in places.items() if place == here]


def _already(app: AppContext, ids: list[int], *, deleting: bool, moved: bool) -> str:
    """The note on `ids` already where `delete` (not `deleting`: `restore`) puts them; after
    entries `moved`, a second sentence."""
    one = len(ids) == 1
    verb = ("was" if one else "were") if moved else _is(ids)
    subject = f"{'Entry' if one else 'Entries'} {_ids_in_words(ids)} {verb}"
    if deleting:
        return (f"{subject} already in the trash ({_restore_hint(app, ids)} brings "
                f"{'it' if one else 'them'} back).")
    show = app.command_hint(f"show {ids[0]}") if one else f"see {app.command_hint('list')}"
    return f"{subject} already in the journal, not in the trash ({show})."


NAMED_AT_MOST = 10  # IDs named one by one; of more, a count and their runs ("1-5000")


def _ids_in_words(ids: list[int], word: str = "and") -> str:
    """ "5", "5, 6 and 7" (`word` "or": "5, 6 or 7"), as given; of more than NAMED_AT_MOST,
    their runs in order, "1-5000" or "1-3, 7 and 9-12", the first few of many ("2, 4, 6 and
    4,991 more"): a line, however many IDs (--json lists every one)."""
    from peerjournal.plural import counted, joined

    if len(ids) <= NAMED_AT_MOST:
        return joined([str(i) for i in ids], word)
    runs = _runs(ids)
    named = _run_names(runs[:NAMED_AT_MOST])
    if len(runs) > NAMED_AT_MOST:
        shown = sum(b - a + 1 for a, b in runs[: NAMED_AT_MOST - 1])
        named[-1] = counted(len(ids) - shown, "more", "more")
    return joined(named, word)


def _runs(ids: list[int]) -> list[list[int]]:
    """The IDs as runs of consecutive ones, in order: [[1, 3], [7, 7], [9, 12]]."""
    runs: list[list[int]] = []
    for entry_id in sorted(ids):
        if runs and entry_id == runs[-1][1] + 1:
            runs[-1][1] = entry_id
        else:
            runs.append([entry_id, entry_id])
    return runs


def _run_names(runs: list[list[int]]) -> list[str]:
    """Runs as typed: "1-3", "7" (a range is how delete and restore take one too)."""
    return [str(a) if a == b else typed_range(a, b) for a, b in runs]


def _numbered(ids: list[int]) -> str:
    """ "entry 5", "entries 5, 6 and 7", or of many "5,000 entries (1-5000)"."""
    from peerjournal.plural import counted

    if len(ids) > NAMED_AT_MOST:
        return f"{counted(len(ids), 'entry')} ({_ids_in_words(ids)})"
    return f"entry {ids[0]}" if len(ids) == 1 else f"entries {_ids_in_words(ids)}"


def _restore_hint(app: AppContext, ids: list[int]) -> str:
    """The command that brings the entries `ids` back: with every ID, of more than
    NAMED_AT_MOST their runs (`restore 1-5000`, which `options.entry_ids` reads), unless
    even those are too many to name in a line (then `trash` names them all)."""
    if len(ids) <= NAMED_AT_MOST:
        return app.command_hint("restore " + " ".join(map(str, ids)))
    runs = _runs(ids)
    if len(runs) > NAMED_AT_MOST:  # (the IDs not named in the line are listed by `trash`)
        return (f"{app.command_hint('restore')} with their IDs ({app.command_hint('trash')} "
                "lists them)")
    return app.command_hint("restore " + " ".join(_run_names(runs)))


def _interrupted_move(app: AppContext, store: Store, ids: list[int], *, deleting: bool) -> None:
    """Ctrl-C (or SIGTERM) while entries were moved: one transaction, so either every one
    was (the signal came during COMMIT, or after it) or none; which, said as it is."""
    from peerjournal.errors import ExitCode, PeerJournalError

    moved = _where(store, ids[0]) == ("trash" if deleting else "journal")
    them = "it" if len(ids) == 1 else "them"
    if not moved:
        if deleting:
            said = "nothing was deleted, the entries are as they were"
        else:
            said = "nothing was restored, the entries are still in the trash"
        raise PeerJournalError(f"Interrupted: {said}.", ExitCode.INTERRUPTED)
    done = (f"{_numbered(ids)} {'was' if len(ids) == 1 else 'were'} already "
            f"{'moved to the trash' if deleting else 'restored'}")
    back = f" ({_restore_hint(app, ids)} brings {them} back)" if deleting else ""
    raise PeerJournalError(f"Interrupted, but {done}{back}.", ExitCode.INTERRUPTED)


def _destroyed_anyway(store: Store, entries: list[Entry]) -> int:
    """After Ctrl-C (or SIGTERM) during `Store.empty_trash`, how many of the `entries` it was
    to destroy are gone: all (one transaction, committed as the signal came) or none; when
    none, the error that says nothing was destroyed."""
    from peerjournal.errors import ExitCode, PeerJournalError
    from peerjournal.plural import counted

    gone = len(entries) - len(store.existing_ids(e.id for e in entries))
    if not gone:
        raise PeerJournalError(
            f"Interrupted: nothing was destroyed, the {counted(len(entries), 'entry')} "
            f"{'is' if len(entries) == 1 else 'are'} still in the trash.",
            ExitCode.INTERRUPTED,
        )
    return gone


def register(app: typer.Typer) -> None:
    @app.command(short_help="Move entries to the trash.")
    def delete(
        ctx: typer.Context, entry_ids: list[int] = EntryIds, json_out: Json = False
    ) -> None:
        """Move one entry or several to the trash (`restore` brings them back). If one of the
        IDs is not in the journal, nothing is moved. --json prints the entry as `trash --json`
        lists it (a list of them for several IDs; `3,3` is one), with "already": true if it
        was in the trash before (false: moved now)."""
        app_ctx = AppContext.from_ctx(ctx)
        store = app_ctx.store()
        ids = list(dict.fromkeys(entry_ids))
        to_move = _check_all(app_ctx, store, ids, deleting=True)
        try:
            if to_move:
                store.trash(to_move, app_ctx.now())  # all of them, or none
        except KeyboardInterrupt:
            _interrupted_move(app_ctx, store, to_move, deleting=True)
        if json_out:
            _already_in_json(app_ctx, ids, to_move, deleting=True)
            moved = _with_already(
                _trashed_json(app_ctx, [store.get(i, trashed=True) for i in ids]), to_move)
            app_ctx.print_json_done(_done(ids, to_move, deleting=True),
                                    moved if len(ids) > 1 else moved[0])
            return
        app_ctx.say(_moved_note(app_ctx, ids, to_move, deleting=True))

    @app.command(short_help="Take entries out of the trash.")
    def restore(
        ctx: typer.Context, entry_ids: list[int] = EntryIds, json_out: Json = False
    ) -> None:
        """Bring one entry or several back from the trash (none, if one of the IDs is not in
        it). --json prints the entry as `show --json` does (a list of them for several IDs;
        `3,3` is one), with "already": true if it was in the journal before (false: restored
        now)."""
        from peerjournal.cli.browse import with_scores

        app_ctx = AppContext.from_ctx(ctx)
        store = app_ctx.store()
        ids = list(dict.fromkeys(entry_ids))
        to_move = _check_all(app_ctx, store, ids, deleting=False)
        try:
            if to_move:
                store.restore(to_move)  # all of them, or none
        except KeyboardInterrupt:
            _interrupted_move(app_ctx, store, to_move, deleting=False)
        if json_out:
            _already_in_json(app_ctx, ids, to_move, deleting=False)
            back = _with_already(
                with_scores(app_ctx, [store.get(i).to_json() for i in ids]), to_move)
            app_ctx.print_json_done(_done(ids, to_move, deleting=False),
                                    back if len(ids) > 1 else back[0])
            return
        app_ctx.say(_moved_note(app_ctx, ids, to_move, deleting=False))

    @app.command(short_help="List or empty the trash.")
    def trash(
        ctx: typer.Context,
        empty: bool = typer.Option(False, "--empty", help="Destroy everything in the trash."),
        yes: bool = typer.Option(False, "--yes", "-y", help="Don't ask for confirmation."),
        limit: Limit = 20,
        json_out: Json = False,
    ) -> None:
        """List the entries in the trash, the last moved there first (20 unless -n is given;
        --json lists every one unless -n is given). With --empty, destroy them all for good:
        it asks first, and only a clear yes (y, yes, 'yes please') destroys anything (--json
        then prints {"destroyed": N})."""
        from peerjournal.cli.browse import page_limit

        app_ctx = AppContext.from_ctx(ctx)
        store = app_ctx.store()
        if not empty:
            _list_trash(app_ctx, store, page_limit(ctx, limit, json_out), json_out)
            return
        try:
            entries = store.trashed()
        except KeyboardInterrupt:
            from peerjournal.errors import ExitCode, PeerJournalError

            raise PeerJournalError(
                "Interrupted: nothing was destroyed.", ExitCode.INTERRUPTED
            ) from None
        from peerjournal.plural import counted

        destroyed = 0
        if entries and not yes and not app_ctx.confirm(
            f"Destroy {counted(len(entries), 'entry')} for good{_unsaved_named(app_ctx, entries)}?"
        ):
            app_ctx.say(f"Nothing destroyed.{app_ctx.without_terminal('empty the trash')}")
            raise typer.Exit(1)
        came = False  # a Ctrl-C as the entries were destroyed: what is left is done first
        if entries:
            try:
                _set_aside_others(app_ctx, entries)
                _uncleared(app_ctx.db_path, True)  # (before: a full disk may stop it after)
                destroyed = store.empty_trash()
            except KeyboardInterrupt:
                destroyed = _destroyed_anyway(store, entries)
                came = True
        try:
            _empty_the_rest(app_ctx, store, entries, destroyed)
        except KeyboardInterrupt:
            raise _stopped_emptying(app_ctx, destroyed) from None
        finally:
            if json_out:  # what was destroyed, as `drift --rescore --json` says what it did
                app_ctx.print_json_done(
                    f"Destroyed {counted(destroyed, 'entry')}", {"destroyed": destroyed}
                )
        if came:
            from peerjournal.errors import ExitCode, PeerJournalError

            raise PeerJournalError(
                "Interrupted, but the trash was already emptied: nothing is left to do.",
                ExitCode.INTERRUPTED,
            )


def _is(ids: list[int]) -> str:
    return "is" if len(ids) == 1 else "are"


def _done(ids: list[int], moved: list[int], *, deleting: bool) -> str:
    """What was done, for a --json that cannot be printed (`print_done`): "Moved entry 3 to
    the trash", "Restored entry 3"; "Entry 3 is already in the trash" when nothing moved."""
    if not moved:
        return f"{_numbered(ids).capitalize()} {_is(ids)} already in the " + (
            "trash" if deleting else "journal")
    return f"Moved {_numbered(moved)} to the trash" if deleting else f"Restored {_numbered(moved)}"


def _with_already(shapes: list[dict[str, Any]], moved: list[int]) -> list[dict[str, Any]]:
    """The entries `delete --json` (`restore --json`) prints, each with "already": true when
    it was already where the command puts it (not `moved`: a repeat), false when this run
    moved it; a script tells them apart without reading stderr (`_already_in_json`)."""
    done = set(moved)
    return [{**shape, "already": shape["id"] not in done} for shape in shapes]


def _already_in_json(app: AppContext, ids: list[int], moved: list[int], *, deleting: bool) -> None:
    """Under --json, which prints every entry of `ids` alike, the note on those that were
    already where the command puts them (`_already`)."""
    done = set(moved)
    if before := [i for i in ids if i not in done]:
        app.say(_already(app, before, deleting=deleting, moved=bool(moved)))


def _moved_note(app: AppContext, ids: list[int], moved: list[int], *, deleting: bool) -> str:
    """What `delete` (not `deleting`: `restore`) did with `ids`, of which it `moved` these:
    "Moved entry 3 to the trash. `peerjournal restore 3` brings it back.", "Restored entry
    3.", then of the others, already there, `_already`."""
    done = set(moved)
    before = [i for i in ids if i not in done]
    if not moved:
        return _already(app, before, deleting=deleting, moved=False)
    said = f"{_done(ids, moved, deleting=deleting)}."
    if deleting:
        said += f" {_restore_hint(app, moved)} brings {'it' if len(moved) == 1 else 'them'} back."
    return f"{said} {_already(app, before, deleting=deleting, moved=True)}" if before else said


def _list_trash(app: AppContext, store: Store, limit: int, json_out: bool) -> None:
    """`trash`: at most `limit` entries (0: all), the last moved there first, and when there
    are more, how many and how to see them (a trash of thousands is not printed whole)."""
    from peerjournal.cli.browse import one_page
    from peerjournal.plural import counted

    entries, more = one_page(limit, store.trashed)
    if json_out:
        app.print_json(_trashed_json(app, entries))
    elif not entries:
        app.say("The trash is empty.")
        return
    else:
        from peerjournal.render.entries import entry_table

        app.out.print(entry_table(entries, deleted=True))
    if more:
        from peerjournal.db.stats import live_and_trashed

        total = len(live_and_trashed(store)[1])
        app.say(
            f"Showing the {counted(len(entries), 'entry')} moved to the trash last, of "
            f"{total:,}: `--limit 0` lists them all."
        )


def _empty_the_rest(
    app_ctx: AppContext, store: Store, entries: list[Entry], destroyed: int
) -> None:
    """What `trash --empty` does once the `entries` (`destroyed` of them) are destroyed:
    discard their unsaved edits, clear their text from the journal file, say so."""
    from peerjournal.plural import counted

    # (also those a run stopped by a full disk left, of entries destroyed before)
    now, before = _discard_kept_edits(app_ctx, store, [e.id for e in entries])
    if destroyed:
        of = "it" if destroyed == 1 else "them"
        also = f", and {_kinds(now)} of {of}" if now else ""
        said = f"Destroyed {counted(destroyed, 'entry')}{also}."
    else:
        said = "The trash is already empty."
    if before:
        said += f" Discarded {_kinds(before)} of entries destroyed before."
    if destroyed:
        said += _upgrade_copies_note(app_ctx, entries, destroyed)
    _finish_emptying(app_ctx, store, said, destroyed)


def _upgrade_copies_note(app: AppContext, entries: list[Entry], destroyed: int) -> str:
    """What `trash --empty` adds when upgrades kept copies of the journal beside it (made
    before an upgrade, as `where` lists them): those made after the oldest of the destroyed
    `entries` was written may still hold it (`destroyed` of them in all), and are never
    deleted without a word; "" when there are none."""
    from peerjournal.db.engine import upgrade_copies

    oldest = _written(entries)
    found = [copy for copy in upgrade_copies(app.db_path)
             if oldest is None or (made := _copy_made(copy)) is None or made > oldest]
    if not found:
        return ""
    them = "it" if destroyed == 1 else "them"
    copies, it = ("A copy", "it") if len(found) == 1 else ("Copies", "them")
    return (
        f" {copies} of the journal kept by an upgrade may still hold {them}: "
        f"{', '.join(map(str, found))}; deleting {it} (once you are happy with this version of "
        f"peerjournal) removes that text for good."
    )


def _written(entries: list[Entry]) -> float | None:
    """When the oldest of `entries` was written (a POSIX time; a time without a zone is
    local), or None where one has no time to tell (an entry from a journal before it)."""
    from datetime import datetime

    if not entries or any(e.created_at == datetime.min for e in entries):
        return None
    return min(e.created_at.timestamp() for e in entries)


def _copy_made(copy: Path) -> float | None:
    """When an upgrade copy was made, as late as it may have been: the later of the time in
    its name ("journal.db.backup-20261207T183000", local) and its last change; None when
    neither can be read (the copy is then named: it may hold anything)."""
    from contextlib import suppress
    from datetime import datetime

    times = []
    stamp = copy.name.rpartition(".backup-")[2][:15]
    with suppress(ValueError):  # (not one named by hand: "journal.db.backup-old")
        times.append(datetime.strptime(stamp, "%Y%m%dT%H%M%S").timestamp())
    with suppress(OSError):
        times.append(copy.stat().st_mtime)
    return max(times, default=None)


def _stopped_emptying(app_ctx: AppContext, destroyed: int) -> Exception:
    """The error of a Ctrl-C (or SIGTERM) once the trash was emptied, before the text of what
    it held was cleared from everywhere (unsaved edits, the journal file)."""
    from peerjournal.errors import ExitCode, PeerJournalError
    from peerjournal.plural import counted

    what = (f"but the trash was already emptied ({counted(destroyed, 'entry')} destroyed)"
            if destroyed else "and the trash was already empty")
    return PeerJournalError(
        f"Interrupted, {what}; the text of destroyed entries may not all be cleared yet: "
        f"{app_ctx.command_hint('trash --empty')} clears it.",
        ExitCode.INTERRUPTED,
    )
