"""share / unshare: mark the entries whose text may go into a mentor summary."""

from __future__ import annotations

import typer

from peerjournal.cli.options import Json
from peerjournal.context import AppContext

EntryIds = typer.Argument(..., metavar="ID...", help="One or more entry IDs.")


def _mark(ctx: typer.Context, entry_ids: list[int], shared: bool, json_out: bool) -> None:
    app = AppContext.from_ctx(ctx)
    store = app.store()
    for entry_id in entry_ids:  # check all first: nothing changes if one ID is wrong
        store.get(entry_id)
    for entry_id in dict.fromkeys(entry_ids):
        store.set_shared(entry_id, shared)
    ids = list(dict.fromkeys(entry_ids))
    if json_out:
        app.print_json({"ids": ids, "shared": shared})
        return
    listed = ", ".join(str(i) for i in ids)
    noun = "Entry" if len(ids) == 1 else "Entries"
    if shared:
        app.say(f"{noun} {listed} shared: their text (redacted) goes into `peerjournal export`.")
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
