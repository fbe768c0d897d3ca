"""peerjournal prompts list / show NAME."""

from __future__ import annotations

import typer

from peerjournal.cli.options import Json
from peerjournal.context import AppContext


def register(app: typer.Typer) -> None:
    prompts_app = typer.Typer(
        help="List and show the prompt sets: the questions that guide an entry.",
        short_help="List and show prompt sets.",
        no_args_is_help=True,
    )
    app.add_typer(prompts_app, name="prompts")

    @prompts_app.command("list", short_help="List the prompt sets.")
    def list_sets(ctx: typer.Context, json_out: Json = False) -> None:
        """List the prompt sets (shipped and your own), and what is wrong with any of yours
        that cannot be used."""
        from peerjournal import paths
        from peerjournal.cli.where import home_problem
        from peerjournal.errors import ExitCode, PeerJournalError
        from peerjournal.reflection import available, load_prompt_set

        app_ctx = AppContext.from_ctx(ctx)
        sets, broken = [], []
        for name in available(paths.user_prompts_dir()):
            try:  # one broken set of the writer's own should not hide the others
                sets.append(load_prompt_set(name, paths.user_prompts_dir()))
            except PeerJournalError as exc:
                broken.append(exc.message)
        if json_out:
            app_ctx.print_json(
                [
                    {
                        "name": s.name,
                        "title": s.title,
                        "description": s.description,
                        "path": str(s.path),
                    }
                    for s in sets
                ]
            )
        else:
            from peerjournal.render.console import stand_ins
            from peerjournal.textsafe import clean

            # one line a set, names in a column however long an organisation's set names are;
            # what an ASCII or Latin-1 stdout cannot carry as tables show it (typer.echo sent
            # UTF-8 to an ASCII one)
            width = max([9, *(len(s.name) for s in sets)])
            for prompt_set in sets:
                name = clean(prompt_set.name, multiline=False)
                line = f"{name:<{width}}  {clean(prompt_set.title, multiline=False)}"
                typer.echo(stand_ins(line, app_ctx.out.encoding))
        for message in broken:  # said, not failed on: this is where one looks to find out
            app_ctx.say(f"Prompt set not usable: {message}")
        if problem := home_problem():  # the shipped sets, but no folder for one's own
            app_ctx.say(problem)
            raise typer.Exit(ExitCode.DATABASE)
        if not json_out:
            app_ctx.say(f"Add your own as TOML files in {paths.user_prompts_dir()}.")

    @prompts_app.command("show", short_help="Show a prompt set's questions.")
    def show_set(
        ctx: typer.Context,
        name: str = typer.Argument(
            ..., metavar="NAME", help="A prompt set's name (see `prompts list`)."
        ),
        json_out: Json = False,
    ) -> None:
        """Show a prompt set's headings and questions."""
        from peerjournal import paths
        from peerjournal.reflection import load_prompt_set

        app_ctx = AppContext.from_ctx(ctx)
        prompt_set = load_prompt_set(name, paths.user_prompts_dir())
        if json_out:
            app_ctx.print_json(prompt_set.to_json())
            return
        from peerjournal.render.writing import prompt_set_view

        app_ctx.out.print(prompt_set_view(prompt_set))
