"""delete, restore, trash: nothing is destroyed except by `trash --empty`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from peerjournal.cli.options import Json, entry_id_argument
from peerjournal.context import AppContext

if TYPE_CHECKING:
    from peerjournal.db.store import Store
    from peerjournal.entry import Entry

EntryId = entry_id_argument()


def live_entry(store: Store, entry_id: int, *, deleting: bool = False) -> Entry:
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
    back = f"`peerjournal restore {entry_id}` brings it back"
    if deleting:
        raise NotFoundError(f"Entry {entry_id} is already in the trash ({back}).")
    raise NotFoundError(f"Entry {entry_id} is in the trash: {back}.")


def _discard_kept_edits(app: AppContext, store: Store, ids: list[int]) -> int:
    """Discard the unsaved changes kept from editing entries that are now destroyed: they
    hold the entry's text, which emptying the trash promises to leave nowhere. How many."""
    import contextlib

    from peerjournal import paths
    from peerjournal.drafts import kept_edits

    gone = set(ids) - store.existing_ids(ids)  # (one restored meanwhile keeps its edit)
    discarded = 0
    for edit in kept_edits(paths.drafts_dir(app.db_path)):
        if edit.entry_id in gone:
            with contextlib.suppress(OSError):
                edit.discard()
                discarded += 1
    return discarded


def _trashed_json(entry: Entry) -> dict[str, object]:
    """An entry in the trash: the JSON entry shape, and when it was moved there."""
    deleted_at = entry.deleted_at.isoformat() if entry.deleted_at else None
    return {**entry.to_json(), "deleted_at": deleted_at}


def register(app: typer.Typer) -> None:
    @app.command(short_help="Move an entry to the trash.")
    def delete(ctx: typer.Context, entry_id: int = EntryId, json_out: Json = False) -> None:
        """Move an entry to the trash (`restore` brings it back). --json prints the entry as
        `trash --json` lists it."""
        app_ctx = AppContext.from_ctx(ctx)
        store = app_ctx.store()
        live_entry(store, entry_id, deleting=True)
        store.trash(entry_id, app_ctx.now())
        if json_out:
            app_ctx.print_json(_trashed_json(store.get(entry_id, trashed=True)))
            return
        app_ctx.say(
            f"Moved entry {entry_id} to the trash. `peerjournal restore {entry_id}` brings it back."
        )

    @app.command(short_help="Take an entry out of the trash.")
    def restore(ctx: typer.Context, entry_id: int = EntryId, json_out: Json = False) -> None:
        """Bring an entry back from the trash. --json prints the entry as `show --json` does."""
        from peerjournal.errors import NotFoundError

        app_ctx = AppContext.from_ctx(ctx)
        store = app_ctx.store()
        try:
            store.restore(entry_id)
        except NotFoundError as missing:
            try:
                store.get(entry_id)
            except NotFoundError:
                raise missing from None
            raise NotFoundError(
                f"Entry {entry_id} is not in the trash: it is in the journal "
                f"(`peerjournal show {entry_id}`)."
            ) from None
        if json_out:
            app_ctx.print_json(store.get(entry_id).to_json())
            return
        app_ctx.say(f"Restored entry {entry_id}.")

    @app.command(short_help="List or empty the trash.")
    def trash(
        ctx: typer.Context,
        empty: bool = typer.Option(False, "--empty", help="Destroy everything in the trash."),
        yes: bool = typer.Option(False, "--yes", "-y", help="Don't ask for confirmation."),
        json_out: Json = False,
    ) -> None:
        """List the entries in the trash. With --empty, destroy them for good: it asks first,
        and only y or yes destroys anything (--json then prints {"destroyed": N})."""
        app_ctx = AppContext.from_ctx(ctx)
        store = app_ctx.store()
        entries = store.trashed()
        if empty:
            from peerjournal.plural import counted

            destroyed = 0
            if not entries:
                app_ctx.say("The trash is already empty.")
            elif not yes and not app_ctx.confirm(
                f"Destroy {counted(len(entries), 'entry')} for good?"
            ):
                app_ctx.say("Nothing destroyed.")
                raise typer.Exit(1)
            else:
                destroyed = store.empty_trash()
                edits = _discard_kept_edits(app_ctx, store, [e.id for e in entries])
                of = "it" if destroyed == 1 else "them"
                also = f", and {counted(edits, 'unsaved edit')} of {of}" if edits else ""
                app_ctx.say(f"Destroyed {counted(destroyed, 'entry')}{also}.")
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
