"""delete, restore, trash: nothing is destroyed except by `trash --empty`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from peerjournal.cli.options import Json, entry_ids_argument
from peerjournal.context import AppContext

if TYPE_CHECKING:
    from peerjournal.db.store import Store
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


def _discard_kept_edits(app: AppContext, store: Store, ids: list[int]) -> tuple[int, int]:
    """Discard the unsaved changes kept from editing entries that are no longer in the
    journal (nor in its trash): they hold the entry's text, which emptying the trash promises
    to leave nowhere. How many of the entries `ids` (destroyed now), and how many of entries
    destroyed before (by a `trash --empty` that stopped before discarding them). Those of
    other entries with these IDs were set aside before (`_set_aside_others`), by every run
    that destroyed entries: one left of an ID this journal gave, and holds no more, is taken
    for the destroyed entry's."""
    import contextlib

    from peerjournal import paths
    from peerjournal.drafts import kept_edits

    if not app.db_path.is_file():  # (no journal, or a link to one not there: none destroyed)
        return 0, 0
    highest = store.highest_id_given()  # (an edit of an ID never given here is not of this one)
    edits = [e for e in kept_edits(paths.drafts_dir(app.db_path))
             if e.entry_id is not None and e.entry_id <= highest]
    if not edits:
        return 0, 0
    # (one restored meanwhile, in another terminal, keeps its edit)
    there = store.existing_ids({e.entry_id for e in edits if e.entry_id is not None})
    now = before = 0
    for edit in edits:
        if edit.entry_id in there:
            continue
        with contextlib.suppress(OSError):
            edit.discard()
            if edit.entry_id in ids:
                now += 1
            else:
                before += 1
    return now, before


def _finish_emptying(app: AppContext, store: Store, said: str, destroyed: int) -> None:
    """After the trash is emptied (or found empty): copy the zeroed pages over the old ones
    in the journal file (`Store.clear_freed`), and say `said` with what is left undone, if
    any: the entries are destroyed either way, which a full disk must not unsay."""
    import typer

    from peerjournal.db.engine import FULL
    from peerjournal.errors import ExitCode

    wal = app.db_path.with_name(f"{app.db_path.name}-wal")
    try:  # (found empty: only what an earlier run could not clear is to be cleared)
        left = destroyed > 0 or wal.stat().st_size > 0
    except OSError:
        left = False
    unclear = store.clear_freed() if left else None
    if unclear is None:
        app.say(said)
        return
    what = "their text" if destroyed else "the text of entries destroyed before"
    room = " once there is room" if unclear == FULL else ""
    app.say(
        f"{said} But {what} could not yet be cleared from the journal file {app.db_path} "
        f"({unclear}): {app.command_hint('trash --empty')} clears it{room}."
    )
    raise typer.Exit(ExitCode.DATABASE)


def _trashed_json(entry: Entry) -> dict[str, object]:
    """An entry in the trash: the JSON entry shape, and when it was moved there."""
    deleted_at = entry.deleted_at.isoformat() if entry.deleted_at else None
    return {**entry.to_json(), "deleted_at": deleted_at}


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


def _check_all(app: AppContext, store: Store, ids: list[int], *, deleting: bool) -> None:
    """A NotFoundError naming every ID that cannot be deleted (restored, unless `deleting`),
    before any is: one sentence per reason, as the one-ID messages say it; the commands it
    names with this command's --db (`AppContext.command_hint`)."""
    from peerjournal.errors import NoEntryError, NotFoundError
    from peerjournal.plural import joined

    places = {entry_id: _where(store, entry_id) for entry_id in ids}
    here, other = ("journal", "trash") if deleting else ("trash", "journal")
    missing = [str(i) for i, place in places.items() if not place]
    moved = [str(i) for i, place in places.items() if place == other]
    if not missing and not moved:
        return
    problems = []
    if missing:
        see = (f" (see {app.command_hint('list')}, or {app.command_hint('trash')})"
               if deleting else "")
        problems.append(f"No entry {joined(missing, 'or')} in the {here}{see}.")
    if moved:
        one = len(moved) == 1
        subject = f"{'Entry' if one else 'Entries'} {joined(moved)} {'is' if one else 'are'}"
        if deleting:
            them = "it" if one else "them"
            problems.append(
                f"{subject} already in the trash "
                f"({app.command_hint('restore ' + ' '.join(moved))} brings {them} back)."
            )
        else:
            show = app.command_hint(f"show {moved[0]}") if one else (
                f"see {app.command_hint('list')}")
            problems.append(
                f"{subject} not in the trash: {'it is' if one else 'they are'} in the "
                f"journal ({show})."
            )
    if len(ids) > 1:
        problems.append(f"Nothing was {'deleted' if deleting else 'restored'}.")
    text = " ".join(problems)
    # (none of them anywhere: `AppContext.failed` says so when there is no journal at all)
    if missing and not moved:
        raise NoEntryError(joined(missing, "or"), text)
    raise NotFoundError(text)


def _numbered(ids: list[int]) -> str:
    """ "entry 5" or "entries 5, 6 and 7"."""
    from peerjournal.plural import joined

    return f"entry {ids[0]}" if len(ids) == 1 else f"entries {joined([str(i) for i in ids])}"


def register(app: typer.Typer) -> None:
    @app.command(short_help="Move entries to the trash.")
    def delete(
        ctx: typer.Context, entry_ids: list[int] = EntryIds, json_out: Json = False
    ) -> None:
        """Move one entry or several to the trash (`restore` brings them back). If one of the
        IDs is not in the journal, nothing is moved. --json prints the entry as `trash --json`
        lists it (a list of them for several IDs)."""
        app_ctx = AppContext.from_ctx(ctx)
        store = app_ctx.store()
        ids = list(dict.fromkeys(entry_ids))
        _check_all(app_ctx, store, ids, deleting=True)
        store.trash(ids, app_ctx.now())  # all of them, or none
        if json_out:
            moved = [_trashed_json(store.get(i, trashed=True)) for i in ids]
            app_ctx.print_json(moved if len(entry_ids) > 1 else moved[0])
            return
        them = "it" if len(ids) == 1 else "them"
        app_ctx.say(
            f"Moved {_numbered(ids)} to the trash. "
            f"{app_ctx.command_hint('restore ' + ' '.join(map(str, ids)))} brings {them} back."
        )

    @app.command(short_help="Take entries out of the trash.")
    def restore(
        ctx: typer.Context, entry_ids: list[int] = EntryIds, json_out: Json = False
    ) -> None:
        """Bring one entry or several back from the trash (none, if one of the IDs is not in
        it). --json prints the entry as `show --json` does (a list of them for several IDs)."""
        app_ctx = AppContext.from_ctx(ctx)
        store = app_ctx.store()
        ids = list(dict.fromkeys(entry_ids))
        _check_all(app_ctx, store, ids, deleting=False)
        store.restore(ids)  # all of them, or none
        if json_out:
            back = [store.get(i).to_json() for i in ids]
            app_ctx.print_json(back if len(entry_ids) > 1 else back[0])
            return
        app_ctx.say(f"Restored {_numbered(ids)}.")

    @app.command(short_help="List or empty the trash.")
    def trash(
        ctx: typer.Context,
        empty: bool = typer.Option(False, "--empty", help="Destroy everything in the trash."),
        yes: bool = typer.Option(False, "--yes", "-y", help="Don't ask for confirmation."),
        json_out: Json = False,
    ) -> None:
        """List the entries in the trash. With --empty, destroy them for good: it asks first,
        and only a clear yes (y, yes, 'yes please') destroys anything (--json then prints
        {"destroyed": N})."""
        app_ctx = AppContext.from_ctx(ctx)
        store = app_ctx.store()
        entries = store.trashed()
        if empty:
            from peerjournal.plural import counted

            destroyed = 0
            if entries and not yes and not app_ctx.confirm(
                f"Destroy {counted(len(entries), 'entry')} for good?"
            ):
                app_ctx.say(f"Nothing destroyed.{app_ctx.without_terminal('empty the trash')}")
                raise typer.Exit(1)
            if entries:
                _set_aside_others(app_ctx, entries)
                destroyed = store.empty_trash()
            # (also those a run stopped by a full disk left, of entries destroyed before)
            now, before = _discard_kept_edits(app_ctx, store, [e.id for e in entries])
            if destroyed:
                of = "it" if destroyed == 1 else "them"
                also = f", and {counted(now, 'unsaved edit')} of {of}" if now else ""
                said = f"Destroyed {counted(destroyed, 'entry')}{also}."
            else:
                said = "The trash is already empty."
            if before:
                said += (f" Discarded {counted(before, 'unsaved edit')} of entries destroyed "
                         "before.")
            try:
                _finish_emptying(app_ctx, store, said, destroyed)
            finally:
                if json_out:  # what was destroyed, as `drift --rescore --json` says what it did
                    app_ctx.print_json({"destroyed": destroyed})
            return
        if json_out:
            app_ctx.print_json([_trashed_json(e) for e in entries])
            return
        if not entries:
            app_ctx.say("The trash is empty.")
            return
        from peerjournal.render.entries import entry_table

        app_ctx.out.print(entry_table(entries, deleted=True))
