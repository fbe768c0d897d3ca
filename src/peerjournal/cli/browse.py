"""Finding entries again: list, show, search, tags."""

from __future__ import annotations

import typer

from peerjournal.cli.options import (
    Json,
    Limit,
    Setting,
    Since,
    Tags,
    Until,
    build_filters,
    entry_id_argument,
)
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
        filters = build_filters(app_ctx, since, until, tag, setting, limit)
        entries = app_ctx.store().list(filters)
        if json_out:
            app_ctx.print_json([e.to_json() for e in entries])
            return
        from peerjournal.render.entries import entry_table

        if not entries:
            narrowed = filters.since or filters.until or filters.tags or filters.setting
            app_ctx.say(
                "No entries match: try fewer of --since, --until, --tag and --setting."
                if narrowed
                else "No entries yet. Write one with `peerjournal write`."
            )
            return
        app_ctx.out.print(entry_table(entries))

    @app.command()
    def show(
        ctx: typer.Context,
        entry_id: int = entry_id_argument("The entry's ID (see `list`)."),
        json_out: Json = False,
    ) -> None:
        """Show one entry, one panel per element."""
        from peerjournal.cli.trash import live_entry

        app_ctx = AppContext.from_ctx(ctx)
        entry = live_entry(app_ctx.store(), entry_id)
        if json_out:
            app_ctx.print_json(entry.to_json())
            return
        from peerjournal.reflection import answer_layout
        from peerjournal.render.entries import entry_view

        app_ctx.out.print(entry_view(entry, answer_layout(entry.prompt_set)))

    @app.command()
    def search(
        ctx: typer.Context,
        words: list[str] = typer.Argument(
            ...,
            metavar="QUERY",
            help='Words, "a phrase", prefix*, -exclude, NEAR(a b); several words need no '
            "quotes. A query that starts with '-' goes after --: search -- -word.",
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
        query = " ".join(words)  # `search housing office` is `search "housing office"`
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
