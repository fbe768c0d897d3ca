"""share / unshare: mark the entries whose text may go into a mentor summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from peerjournal.cli.options import Json
from peerjournal.cli.options import entry_id as parse_entry_id
from peerjournal.context import AppContext

if TYPE_CHECKING:
    from datetime import date

EntryIds = typer.Argument(
    ..., metavar="ID...", parser=parse_entry_id, help="One or more entry IDs."
)


def _mark(ctx: typer.Context, entry_ids: list[int], shared: bool, json_out: bool) -> None:
    app = AppContext.from_ctx(ctx)
    store = app.store()
    # check all first: nothing changes if one ID is wrong
    dates = {entry_id: store.get(entry_id).date for entry_id in entry_ids}
    for entry_id in dict.fromkeys(entry_ids):
        store.set_shared(entry_id, shared)
    ids = list(dict.fromkeys(entry_ids))
    if json_out:
        app.print_json({"ids": ids, "shared": shared})
        return
    listed = ", ".join(str(i) for i in ids)
    noun, its = ("Entry", "its") if len(ids) == 1 else ("Entries", "their")
    if shared:
        app.say(f"{noun} {listed} shared: {its} text (redacted) goes into `peerjournal export`.")
        _outside_default_export(app, dates)
    else:
        app.say(f"{noun} {listed} no longer shared: exports keep only their numbers and markers.")


def register(app: typer.Typer) -> None:
    @app.command()
    def share(ctx: typer.Context, entry_ids: list[int] = EntryIds, json_out: Json = False) -> None:
        """Let these entries' text go into mentor summaries (redacted)."""
        _mark(ctx, entry_ids, True, json_out)

    @app.command()
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
        ids = ", ".join(str(entry_id) for _, entry_id in older)
        app.say(
            f"An export covers the last {DEFAULT_WEEKS} weeks (from {since}) unless told "
            f"otherwise; to include {'entry' if len(older) == 1 else 'entries'} {ids}, export "
            f"with --since {older[0][0]}."
        )
