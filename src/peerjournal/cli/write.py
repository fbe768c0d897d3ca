"""peerjournal write: a guided reflection, the editor, a file, or a quick entry from flags."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from peerjournal.cli.options import DATE_HELP, Json
from peerjournal.context import AppContext

if TYPE_CHECKING:
    from peerjournal.drafts import Draft
    from peerjournal.entry import EntryDraft
    from peerjournal.reflection import PromptSet


def register(app: typer.Typer) -> None:
    @app.command()
    def write(
        ctx: typer.Context,
        experience: str = typer.Option(
            None, "--experience", "-x", help="What happened (quick entry, no prompts)."
        ),
        feelings: str = typer.Option(None, "--feelings", "-f", help="Feelings (quick entry)."),
        evaluation: str = typer.Option(
            None, "--evaluation", "-e", help="Evaluation (quick entry)."
        ),
        date: str = typer.Option(
            None, "--date", "-d", help=f"When it happened ({DATE_HELP}). Default: today."
        ),
        setting: str = typer.Option(
            None,
            "--setting",
            "-s",
            help="Where: community, inpatient, crisis, emergency department, forensic, housing, "
            "group, phone/text line …",
        ),
        tag: list[str] = typer.Option(None, "--tag", "-t", help="A tag (repeatable)."),
        mode: str = typer.Option(
            None,
            "--mode",
            help="on-action (after the fact, default) or in-action (what you noticed and "
            "adjusted in the moment).",
        ),
        prompts: str = typer.Option(
            None, "--prompts", "-p", help="Prompt set (see `prompts list`). Default: boud."
        ),
        self_care: str = typer.Option(None, "--self-care", help="A self-care note."),
        share: bool = typer.Option(
            False, "--share", help="Mark the entry as shared with your mentor."
        ),
        editor: bool = typer.Option(
            False, "--editor", help="Write in $VISUAL/$EDITOR on a Markdown template."
        ),
        from_file: str = typer.Option(
            None,
            "--from-file",
            metavar="FILE",
            help="Read the Markdown entry format from FILE ('-' for stdin).",
        ),
        resume: bool = typer.Option(
            False, "--resume", help="Continue the most recent unfinished draft."
        ),
        json_out: Json = False,
    ) -> None:
        """Write a reflection. Prints the new entry's ID on stdout."""
        from peerjournal import paths
        from peerjournal.drafts import pending
        from peerjournal.entry import EntryDraft
        from peerjournal.errors import PeerJournalError
        from peerjournal.reflection import DEFAULT_SET

        app_ctx = AppContext.from_ctx(ctx)
        quick = any(v is not None for v in (experience, feelings, evaluation))
        chosen = [
            name
            for name, on in (
                ("--editor", editor),
                ("--from-file", from_file is not None),
                ("--resume", resume),
                ("--experience/--feelings/--evaluation", quick),
            )
            if on
        ]
        if len(chosen) > 1:
            raise PeerJournalError(f"Use only one of {' and '.join(chosen)}.")
        draft = EntryDraft(
            date=app_ctx.parse_past_date(date) if date else app_ctx.today(),
            setting=setting or "",
            mode=mode or "on-action",
            prompt_set=prompts or DEFAULT_SET,
            tags=list(tag or []),
            self_care=self_care or "",
            shared=share,
        )
        prompt_set = _prompt_set(draft.prompt_set)
        drafts_dir = paths.drafts_dir()
        draft_file: Draft | None = None
        if resume:
            waiting = pending(drafts_dir)
            if not waiting:
                raise PeerJournalError("There is no unfinished draft to resume.")
            draft_file = waiting[0]
            draft = _resume(app_ctx, draft_file, draft)
        elif quick:
            draft.experience, draft.feelings, draft.evaluation = (
                experience or "",
                feelings or "",
                evaluation or "",
            )
        elif from_file is not None or (not editor and not app_ctx.stdin_is_terminal()):
            _from_file(
                app_ctx,
                draft,
                from_file or "-",
                explicit_header=_explicit(date, setting, tag, mode, prompts),
            )
        elif editor:
            draft_file = _new_draft(app_ctx, ".md")
            draft = _from_editor(app_ctx, draft, prompt_set, draft_file)
        else:
            waiting = pending(drafts_dir)
            if waiting:
                app_ctx.say(
                    f"You have {len(waiting)} unfinished draft(s); "
                    "`peerjournal write --resume` continues the latest."
                )
            from peerjournal.cli.guided import GuidedSession

            draft_file = _new_draft(app_ctx, ".json")
            draft = GuidedSession(app_ctx, draft, prompt_set, draft_file).run(
                ask_setting=setting is None, ask_tags=not tag, ask_self_care=self_care is None
            )
        _save(app_ctx, draft, draft_file, json_out)


def _explicit(
    date: str | None,
    setting: str | None,
    tag: list[str] | None,
    mode: str | None,
    prompts: str | None,
) -> dict[str, object]:
    """The options given on the command line: they win over a file's header."""
    given = {
        "date": date,
        "setting": setting,
        "tags": tag or None,
        "mode": mode,
        "prompt_set": prompts,
    }
    return {k: v for k, v in given.items() if v is not None}


def _prompt_set(name: str) -> PromptSet:
    from peerjournal import paths
    from peerjournal.reflection import load_prompt_set

    return load_prompt_set(name, paths.user_prompts_dir())


def _new_draft(app: AppContext, suffix: str) -> Draft:
    from peerjournal import paths
    from peerjournal.drafts import new_draft

    return new_draft(paths.drafts_dir(), app.now(), suffix)


def _from_file(
    app: AppContext, draft: EntryDraft, source: str, explicit_header: dict[str, object]
) -> None:
    import sys

    from peerjournal.cli.editor import decode, read_text_file
    from peerjournal.reflection import apply_parsed, parse_template

    text = (
        decode(sys.stdin.buffer.read(), "standard input")
        if source == "-"
        else read_text_file(Path(source))
    )
    kept = {k: getattr(draft, k) for k in explicit_header}
    # Question headings are matched against the set the entry will use: --prompts, else the
    # file's own `prompts:` header, else the default.
    named = None if "prompt_set" in explicit_header else parse_template(text).prompts
    prompt_set = _prompt_set(named or draft.prompt_set)
    apply_parsed(draft, parse_template(text, prompt_set), app.today())
    for key, value in kept.items():
        setattr(draft, key, value)


def _from_editor(
    app: AppContext, draft: EntryDraft, prompt_set: PromptSet, draft_file: Draft
) -> EntryDraft:
    from peerjournal.cli.editor import run_editor
    from peerjournal.drafts import write_atomic
    from peerjournal.errors import PeerJournalError
    from peerjournal.reflection import apply_parsed, format_template, parse_template

    write_atomic(draft_file.path, format_template(draft, prompt_set))
    text = run_editor(draft_file.path)
    parsed = parse_template(text, prompt_set)
    if not any(v.strip() for v in parsed.texts.values()) and not parsed.answers:
        draft_file.discard()
        raise PeerJournalError("The entry was left empty, so nothing was saved.")
    return apply_parsed(draft, parsed, app.today())


def _resume(app: AppContext, draft_file: Draft, defaults: EntryDraft) -> EntryDraft:
    app.say(f"Resuming the draft {draft_file.path}.")
    if draft_file.kind == "editor":
        from peerjournal.cli.editor import run_editor
        from peerjournal.reflection import apply_parsed, parse_template

        return apply_parsed(defaults, parse_template(run_editor(draft_file.path)), app.today())
    from peerjournal.cli.guided import GuidedSession

    session = GuidedSession.resume(app, draft_file, _prompt_set)
    return session.run(ask_setting=True, ask_tags=True, ask_self_care=True)


def _keep_as_draft(app: AppContext, draft: EntryDraft, prompt_set: PromptSet) -> Draft:
    """A finished entry that could not be saved, as a guided draft with every step done."""
    from peerjournal.drafts import save_json
    from peerjournal.entry import ELEMENTS

    questions = [f"answer:{qid}" for qid in prompt_set.questions()]
    kept = _new_draft(app, ".json")
    save_json(kept, {"entry": draft.to_dict(),
                     "done": ["setting", *ELEMENTS, *questions, "tags", "self_care"]})
    return kept


def _save(app: AppContext, draft: EntryDraft, draft_file: Draft | None, json_out: bool) -> None:
    from peerjournal.entry import validate
    from peerjournal.errors import PeerJournalError
    from peerjournal.scoring import score_draft

    prompt_set = _prompt_set(draft.prompt_set)  # a file may name a set; it must exist
    validate(draft, app.today())
    try:
        drift = score_draft(draft, app.lexicon())
        entry_id = app.store().add_entry(draft, app.now(), drift)
    except PeerJournalError as exc:
        if draft_file is None:  # text from flags or stdin: keep it before reporting the failure
            draft_file = _keep_as_draft(app, draft, prompt_set)
        raise PeerJournalError(
            f"{exc.message} Your entry is kept as a draft in {draft_file.path} "
            "(`peerjournal write --resume`).",
            exc.exit_code,
        ) from None
    if draft_file is not None:
        draft_file.discard()
    if json_out:
        app.print_json(app.store().get(entry_id).to_json())
    else:
        typer.echo(entry_id)
    if app.config.get("drift", {}).get("summary_after_write", True):
        from peerjournal.render.drift import one_line_summary

        app.err.print(one_line_summary(entry_id, drift.data), soft_wrap=True)
