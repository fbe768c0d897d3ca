"""peerjournal edit ID: in the editor, or part by part from flags."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from peerjournal.cli.options import DATE_HELP, Json
from peerjournal.context import AppContext

if TYPE_CHECKING:
    from peerjournal.drafts import Draft
    from peerjournal.entry import EntryDraft

EDITED = ("date", "setting", "mode", "experience", "feelings", "evaluation", "self_care", "answers")


def register(app: typer.Typer) -> None:
    @app.command()
    def edit(
        ctx: typer.Context,
        entry_id: int = typer.Argument(..., metavar="ID", help="The entry's ID."),
        experience: str = typer.Option(None, "--experience", "-x", help="Replace the experience."),
        feelings: str = typer.Option(None, "--feelings", "-f", help="Replace the feelings."),
        evaluation: str = typer.Option(None, "--evaluation", "-e", help="Replace the evaluation."),
        date: str = typer.Option(None, "--date", "-d", help=f"Change the date ({DATE_HELP})."),
        setting: str = typer.Option(None, "--setting", "-s", help="Change the setting."),
        tag: list[str] = typer.Option(None, "--tag", "-t", help="Replace the tags (repeatable)."),
        mode: str = typer.Option(None, "--mode", help="on-action or in-action."),
        self_care: str = typer.Option(None, "--self-care", help="Replace the self-care note."),
        json_out: Json = False,
    ) -> None:
        """Change an entry. Without flags, opens it in $VISUAL/$EDITOR; nothing changes if the
        editor fails or the text is unchanged."""
        from peerjournal.entry import EntryDraft, validate
        from peerjournal.errors import PeerJournalError
        from peerjournal.scoring import score_draft

        app_ctx = AppContext.from_ctx(ctx)
        store = app_ctx.store()
        entry = store.get(entry_id)
        kept: Draft | None = None
        draft = EntryDraft.from_dict(entry.to_json())
        flags = {
            "experience": experience,
            "feelings": feelings,
            "evaluation": evaluation,
            "setting": setting,
            "mode": mode,
            "self_care": self_care,
        }
        if any(v is not None for v in flags.values()) or date or tag:
            for key, value in flags.items():
                if value is not None:
                    setattr(draft, key, value)
            if date:
                draft.date = app_ctx.parse_past_date(date)
            if tag:
                draft.tags = list(tag)
        else:
            kept = _edit_in_editor(app_ctx, draft)
            if kept is None:
                app_ctx.say("No changes.")
                return
        try:
            validate(draft, app_ctx.today())
            changes = {k: getattr(draft, k) for k in EDITED}
            drift = score_draft(draft, app_ctx.lexicon())
            updated = store.update(entry_id, changes, app_ctx.now(), drift, tags=draft.tags)
        except PeerJournalError as exc:
            if kept is not None:
                exc.message += f" Nothing changed; your edit is kept in {kept.path}."
            raise
        if kept is not None:
            kept.discard()
        if json_out:
            app_ctx.print_json(updated.to_json())
        else:
            app_ctx.say(f"Updated entry {entry_id}.")


def _edit_in_editor(app: AppContext, draft: EntryDraft) -> Draft | None:
    """Edit the draft in place via the Markdown template; None when the text is unchanged.

    The returned file keeps the edited text until the caller has saved it.
    """
    from peerjournal import paths
    from peerjournal.cli.editor import run_editor
    from peerjournal.drafts import new_draft, write_atomic
    from peerjournal.errors import NotFoundError
    from peerjournal.reflection import (
        DEFAULT_SET,
        apply_parsed,
        format_template,
        load_prompt_set,
        parse_template,
    )

    try:
        prompt_set = load_prompt_set(draft.prompt_set, paths.user_prompts_dir())
    except NotFoundError:  # imported (jrnl) or a set since removed: the default set's template
        prompt_set = load_prompt_set(DEFAULT_SET, paths.user_prompts_dir())
    original = format_template(draft, prompt_set)
    file = new_draft(paths.drafts_dir() / "edits", app.now(), ".md")
    write_atomic(file.path, original)
    text = run_editor(file.path)
    parsed = parse_template(text, prompt_set)
    # Compare what the file says, not its bytes: an editor that adds a final newline or
    # trims trailing spaces, or an edited comment, is not a change to the entry.
    if text == original or parsed == parse_template(original, prompt_set):
        file.discard()
        return None
    apply_parsed(draft, parsed, app.today())
    return file
