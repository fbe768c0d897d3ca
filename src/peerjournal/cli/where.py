"""peerjournal where: the paths in use."""

from __future__ import annotations

import typer

from peerjournal.context import AppContext


def register(app: typer.Typer) -> None:
    @app.command()
    def where(
        ctx: typer.Context,
        json_out: bool = typer.Option(False, "--json", help="Print the paths as JSON."),
    ) -> None:
        """Print where the journal, drafts, prompt sets and settings live."""
        from peerjournal import paths

        app_ctx = AppContext.from_ctx(ctx)
        found = {
            "data_dir": str(paths.data_dir()),
            "database": str(app_ctx.db_path),
            "drafts": str(paths.drafts_dir()),
            "cache": str(paths.cache_dir()),
            "prompts": str(paths.user_prompts_dir()),
            "config": str(paths.config_path()),
        }
        if json_out:
            app_ctx.print_json(found)
        else:
            width = max(map(len, found))
            for key, value in found.items():
                typer.echo(f"{key.replace('_', ' '):<{width}}  {value}")
