"""peerjournal import FILE: peerjournal JSON, jrnl text, jrnl JSON; all or nothing."""

from __future__ import annotations

import typer

from peerjournal.context import AppContext

PROGRESS_FROM = 500  # show a progress bar for imports at least this large


def register(app: typer.Typer) -> None:
    @app.command("import")
    def import_entries(
        ctx: typer.Context,
        file: str = typer.Argument(
            ...,
            metavar="FILE",
            help="A peerjournal backup (export --full) or JSON array, a jrnl journal, or jrnl's "
            "JSON export ('-' for stdin).",
        ),
        dry_run: bool = typer.Option(
            False, "--dry-run", help="Check the file and say what would be imported."
        ),
    ) -> None:
        """Import entries, and a full backup's people list. Nothing is imported if any record
        is bad."""
        import sys
        from datetime import UTC
        from pathlib import Path

        from peerjournal.cli.editor import decode, read_text_file
        from peerjournal.importing import read_import

        app_ctx = AppContext.from_ctx(ctx)
        now = app_ctx.now()
        text = (
            decode(sys.stdin.buffer.read(), "standard input")
            if file == "-"
            else read_text_file(Path(file))
        )
        # jrnl's times have no zone: they are read in the writer's (the clock is always aware).
        zone = now.tzinfo or UTC
        found = read_import(text, zone, app_ctx.today())
        kind, records, people = found.kind, found.records, found.people
        if not records and not people:
            app_ctx.say(f"No entries in {file} ({kind}).")
            return
        dates = sorted(r.draft.date for r in records)
        summary = (
            f"{len(records)} entries ({kind}) from {dates[0]} to {dates[-1]}"
            if records else f"no entries ({kind})"
        )
        listed = f"{len(people)} {'person' if len(people) == 1 else 'people'}"
        if dry_run:
            also = f" and a people list of {listed}" if people else ""
            app_ctx.say(f"Would import {summary}{also}. Nothing was changed (--dry-run).")
            return
        from peerjournal.scoring import draft_text, score_for_store

        store = app_ctx.store()
        if people:  # first: a name is on the list before any entry that holds it
            from peerjournal.db.people import restore_people

            added, notes = restore_people(store, people, now)
            already = len(people) - len(added)
            app_ctx.say(f"People list: added {len(added)} of {listed}"
                        + (f" ({already} already listed)." if already else "."))
            for note in notes:
                app_ctx.say(f"Note: {note}")
        if not records:
            return
        wanted = [r.kept.id for r in records if r.kept.id is not None]
        if (
            len(wanted) < len(records)
            or len(set(wanted)) < len(wanted)
            or store.existing_ids(wanted)
        ):
            for record in records:  # IDs are kept only when every one of them is free
                record.kept.id = None
        from peerjournal.render.progress import progress_bar

        drafts = [r.draft for r in records]
        lexicon = app_ctx.lexicon()
        total = len(drafts) if len(drafts) >= PROGRESS_FROM else 0
        with progress_bar(total, "Importing", app_ctx.err) as advance:
            drifts = score_for_store([draft_text(d) for d in drafts], lexicon, advance)
            ids = store.add_entries(drafts, now, drifts, [r.kept for r in records])
        app_ctx.say(f"Imported {summary}: IDs {ids[0]}–{ids[-1]}.")
