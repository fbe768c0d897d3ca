"""peerjournal import FILE: peerjournal JSON, jrnl text, jrnl JSON; all or nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from peerjournal.context import AppContext
from peerjournal.plural import counted

if TYPE_CHECKING:
    from peerjournal.importing import ImportRecord

PROGRESS_FROM = 500  # show a progress bar for imports at least this large
MAX_IDS_LISTED = 8


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
        name = "standard input" if file == "-" else file
        text = decode(sys.stdin.buffer.read(), name) if file == "-" else read_text_file(Path(file))
        # jrnl's times have no zone: they are read in the writer's (the clock is always aware).
        zone = now.tzinfo or UTC
        found = read_import(text, zone, app_ctx.today())
        kind, records, people = found.kind, found.records, found.people
        if not records and not people:
            app_ctx.say(f"No entries in {name} ({kind}).")
            return
        total = len(records)
        records = _not_yet_imported(app_ctx, records)
        skipped = counted(total - len(records), "entry") if len(records) < total else ""
        dates = sorted(r.draft.date for r in records)
        if records:
            when = f"on {dates[0]}" if dates[0] == dates[-1] else f"from {dates[0]} to {dates[-1]}"
            summary = f"{counted(len(records), 'entry')} ({kind}) {when}"
        else:
            summary = f"no entries ({kind})"
        listed = counted(len(people), "person", "people")
        if dry_run:
            also = f" and a people list of {listed}" if people else ""
            app_ctx.say(
                f"Would import {summary}{also}."
                + (f" {skipped} already in the journal would be skipped." if skipped else "")
                + " Nothing was changed (--dry-run)."
            )
            return
        from peerjournal.scoring import draft_text, score_for_store

        store = app_ctx.store()
        if people:  # first: a name is on the list before any entry that holds it
            from peerjournal.db.people import restore_people

            added, notes = restore_people(store, people, now)
            listed_before = len(people) - len(added)
            app_ctx.say(f"People list: added {len(added)} of {listed}"
                        + (f" ({listed_before} already listed)." if listed_before else "."))
            for note in notes:
                app_ctx.say(f"Note: {note}")
        skipped_note = f" Skipped {skipped} already in the journal." if skipped else ""
        if not records:
            if skipped:
                app_ctx.say(f"Imported {summary}.{skipped_note}")
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
        app_ctx.say(f"Imported {summary}: {_ids_text(ids)}.{skipped_note}")


def _not_yet_imported(app: AppContext, records: list[ImportRecord]) -> list[ImportRecord]:
    """The records that are not already entries of the journal: a backup or jrnl journal
    imported a second time adds nothing twice. An entry counts as already there when its
    creation time, date and experience are all the same (records without a creation time,
    such as `list --json` of an older version, are always new)."""
    if not app.db_path.exists() or not any(r.kept.created_at for r in records):
        return records  # (a dry run never creates the journal)
    have = {(e.created_at, e.date, e.experience) for e in app.store().iter_all()}
    return [
        r
        for r in records
        if r.kept.created_at is None
        or (r.kept.created_at, r.draft.date, r.draft.experience) not in have
    ]


def _ids_text(ids: list[int]) -> str:
    """'ID 4', 'IDs 4–9' or 'IDs 1, 3, 8': in order, and a range only when it has no gaps."""
    ids = sorted(ids)
    if len(ids) == 1:
        return f"ID {ids[0]}"
    if ids[-1] - ids[0] == len(ids) - 1:
        return f"IDs {ids[0]}–{ids[-1]}"
    shown = ", ".join(map(str, ids[:MAX_IDS_LISTED]))
    return f"IDs {shown}{', …' if len(ids) > MAX_IDS_LISTED else ''}"
