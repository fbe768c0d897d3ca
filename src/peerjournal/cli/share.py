"""share / unshare: mark the entries whose text may go into a mentor summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from peerjournal.cli.options import Json, entry_ids_argument
from peerjournal.context import AppContext

if TYPE_CHECKING:
    from datetime import date

    from peerjournal.db.store import Store

EntryIds = entry_ids_argument()  # read as delete and restore read them: 3 4, 3,4 or 3-4


def _mark(ctx: typer.Context, entry_ids: list[int], shared: bool, json_out: bool) -> None:
    app = AppContext.from_ctx(ctx)
    store = app.store()
    ids = list(dict.fromkeys(entry_ids))  # `share 3 3` or `share 3 '#3'` is entry 3 once
    # check all first: nothing changes if one ID is wrong (and the error says so)
    dates = {entry_id: _live_date(store, entry_id, several=len(ids) > 1)
             for entry_id in ids}
    for entry_id in ids:
        store.set_shared(entry_id, shared)
    listed = _entries(ids).capitalize()
    if json_out:  # (made: said on stderr if it cannot be printed, and exit 0)
        done = f"{listed} {'shared' if shared else 'no longer shared'}"
        app.print_json_done(done, {"ids": ids, "shared": shared})
        return
    its = "its" if len(ids) == 1 else "their"
    if shared:
        app.say(f"{listed} shared: {its} text (redacted) goes into `peerjournal export`.")
        _outside_default_export(app, dates)
    else:
        app.say(f"{listed} no longer shared: exports keep only {its} numbers and markers.")


def _live_date(store: Store, entry_id: int, *, several: bool) -> date:
    """The date of a live entry; an unknown or trashed ID is an error that says what it is
    (a trashed entry: how to restore it) and, among several IDs, that none was changed."""
    from peerjournal.cli.trash import live_entry
    from peerjournal.errors import NotFoundError

    try:
        return live_entry(store, entry_id).date
    except NotFoundError as exc:
        if not several:
            raise
        raise NotFoundError(f"{exc.message} Nothing was changed.") from None


def _entries(ids: list[int]) -> str:
    """'entry 3', 'entries 3, 5 and 8', or of many '5,000 entries (1-5000)', as delete and
    restore name them."""
    from peerjournal.cli.trash import _numbered

    return _numbered(ids)


def register(app: typer.Typer) -> None:
    @app.command(short_help="Share entries' text in summaries.")
    def share(ctx: typer.Context, entry_ids: list[int] = EntryIds, json_out: Json = False) -> None:
        """Let these entries' text go into mentor summaries (redacted)."""
        _mark(ctx, entry_ids, True, json_out)

    @app.command(short_help="Stop sharing entries' text.")
    def unshare(
        ctx: typer.Context, entry_ids: list[int] = EntryIds, json_out: Json = False
    ) -> None:
        """Keep these entries' text out of mentor summaries again."""
        _mark(ctx, entry_ids, False, json_out)


def _outside_default_export(app: AppContext, dates: dict[int, date]) -> None:
    """Name the shared entries that an export with its default period would leave out."""
    from peerjournal.cli.export import DEFAULT_WEEKS, default_window

    since, _ = default_window(app)
    older = sorted((day, entry_id) for entry_id, day in dates.items() if day < since)
    if older:
        which = _entries([entry_id for _, entry_id in older])
        app.say(
            f"An export covers the last {DEFAULT_WEEKS} weeks (from {since}) unless told "
            f"otherwise; to include {which}, export with --since {older[0][0]}."
        )
