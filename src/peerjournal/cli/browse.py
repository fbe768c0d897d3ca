"""Finding entries again: list, show, search, tags."""

from __future__ import annotations

import typer

from peerjournal.cli.options import Json, Limit, Setting, Since, Tags, Until, build_filters
from peerjournal.context import AppContext


def register(app: typer.Typer) -> None:
    @app.command("list")
    def list_entries(
        ctx: typer.Context,
        since: Since = None,
        until: Until = None,
        tag: Tags = None,
        setting: Setting = None,
        limit: Limit = 20,
        json_out: Json = False,
    ) -> None:
        """List entries, newest first."""
        app_ctx = AppContext.from_ctx(ctx)
        entries = app_ctx.store().list(build_filters(app_ctx, since, until, tag, setting, limit))
        if json_out:
            app_ctx.print_json([e.to_json() for e in entries])
            return
        from peerjournal.render.entries import entry_table

        if not entries:
            app_ctx.say("No entries match. Write one with `peerjournal write`.")
            return
        app_ctx.out.print(entry_table(entries))

    @app.command()
    def show(
        ctx: typer.Context,
        entry_id: int = typer.Argument(..., metavar="ID", help="The entry's ID (see `list`)."),
        json_out: Json = False,
    ) -> None:
        """Show one entry, one panel per element."""
        app_ctx = AppContext.from_ctx(ctx)
        entry = app_ctx.store().get(entry_id)
        if json_out:
            app_ctx.print_json(entry.to_json())
            return
        from peerjournal.reflection import answer_layout
        from peerjournal.render.entries import entry_view

        app_ctx.out.print(entry_view(entry, answer_layout(entry.prompt_set)))

    @app.command()
    def search(
        ctx: typer.Context,
        query: str = typer.Argument(
            ...,
            help='Words, "a phrase", prefix*, -exclude, NEAR(a b). A query that starts with '
            "'-' goes after --: search -- -word.",
        ),
        since: Since = None,
        until: Until = None,
        tag: Tags = None,
        setting: Setting = None,
        limit: Limit = 20,
        json_out: Json = False,
    ) -> None:
        """Full-text search over every entry, best matches first."""
        app_ctx = AppContext.from_ctx(ctx)
        filters = build_filters(app_ctx, since, until, tag, setting, limit)
        hits = app_ctx.store().search(query, filters)
        if json_out:
            app_ctx.print_json([h.to_json() for h in hits])
            return
        if not hits:
            app_ctx.say(f"Nothing found for {query!r}.")
            return
        from peerjournal.render.entries import search_results

        app_ctx.out.print(search_results(hits))

    @app.command()
    def tags(ctx: typer.Context, json_out: Json = False) -> None:
        """Tags with the number of entries for each."""
        app_ctx = AppContext.from_ctx(ctx)
        counts = app_ctx.store().tag_counts()
        if json_out:
            app_ctx.print_json([{"tag": t, "entries": n} for t, n in counts])
            return
        if not counts:
            app_ctx.say("No tags yet. Add some with `peerjournal write --tag NAME`.")
            return
        width = max(len(t) for t, _ in counts)
        for tag_name, n in counts:
            typer.echo(f"{tag_name:<{width}}  {n}")
