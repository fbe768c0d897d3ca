"""`peerjournal supervision`: prep, the self-check, recording a supervision, history."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from peerjournal.cli.options import DATE_HELP, Json
from peerjournal.context import AppContext

if TYPE_CHECKING:
    from peerjournal.db.store import Store
    from peerjournal.supervision import (
        Answer,
        Ask,
        EntryFacts,
        Form,
        Item,
        SelfCheck,
        TrendBrief,
        Window,
    )

NO_TERMINAL = (
    "No terminal to ask the questions on. Give the answers with --answers FILE "
    "(item id = 1-5; `peerjournal supervision check --list-items --json` lists the ids)."
)


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        name="supervision",
        help="Before and after supervision: prep, a self-check, and a record of sessions.",
        no_args_is_help=True,
    )
    app.add_typer(group)

    @group.command()
    def prep(
        ctx: typer.Context,
        since: Annotated[
            str | None,
            typer.Option(
                "--since",
                metavar="DATE",
                help=f"From this date instead of the last supervision ({DATE_HELP}).",
            ),
        ] = None,
        json_out: Json = False,
    ) -> None:
        """What to bring: entries, drift trend, intentions, self-care and questions since the
        last supervision (else the last 4 weeks)."""
        from peerjournal.db.supervision import entry_facts, self_checks, supervisions
        from peerjournal.supervision import build_prep, load_form, prep_to_json, prep_window

        app_ctx = AppContext.from_ctx(ctx)
        store = app_ctx.store()
        chosen = app_ctx.parse_date(since) if since is not None else None
        window = prep_window(app_ctx.today(), chosen, supervisions(store))
        entries = entry_facts(store, window.since, window.until)
        lexicon = app_ctx.lexicon()
        labels = {d: lexicon.label(d) for d in lexicon.labels}
        result = build_prep(
            window,
            entries,
            _trend(app_ctx, store, window, entries, labels),
            self_checks(store),
            load_form(),
            lexicon.questions,
            labels,
        )
        if json_out:
            app_ctx.print_json(prep_to_json(result))
            return
        from peerjournal.render.charts import unicode_ok
        from peerjournal.render.supervision import prep_view

        app_ctx.out.print(prep_view(result, ascii_only=not unicode_ok(app_ctx.out.encoding)))

    @group.command()
    def check(
        ctx: typer.Context,
        answers: Annotated[
            Path | None,
            typer.Option(
                "--answers",
                metavar="FILE",
                dir_okay=False,
                help="Answers from a TOML or JSON file (item id = 1-5, or {score, note}).",
            ),
        ] = None,
        resume: Annotated[
            bool,
            typer.Option("--resume", help="Carry on with an unfinished self-check without asking."),
        ] = False,
        restart: Annotated[
            bool,
            typer.Option("--restart", help="Set aside an unfinished self-check and start afresh."),
        ] = False,
        list_items: Annotated[
            bool,
            typer.Option("--list-items", help="Print the items (id, section, wording) and exit."),
        ] = False,
        json_out: Json = False,
    ) -> None:
        """A guided self-check before supervision: each item 1-5 with an optional note.
        A reflection, not a grade: no overall score. Ctrl-C keeps the answers given so far."""
        from peerjournal.errors import PeerJournalError
        from peerjournal.supervision import load_form

        app_ctx = AppContext.from_ctx(ctx)
        form = load_form()
        if list_items:
            _list_items(app_ctx, form, json_out)
            return
        if resume and restart:
            raise PeerJournalError("Choose one of --resume and --restart.")
        if answers is None and not app_ctx.stdin_is_terminal():
            raise PeerJournalError(NO_TERMINAL)
        store = app_ctx.store()
        started, set_aside = _unfinished(
            app_ctx, store, form, resume=resume, restart=restart, interactive=answers is None
        )
        if answers is not None:
            result = _check_from_file(app_ctx, store, form, answers, started, set_aside)
        else:
            result = _check_interactive(app_ctx, store, form, started, set_aside)
        if result is not None:
            _show_check(app_ctx, store, form, result, json_out)

    @group.command()
    def done(
        ctx: typer.Context,
        when: Annotated[
            str | None,
            typer.Option(
                "--date", metavar="DATE", help=f"When it took place (default today; {DATE_HELP})."
            ),
        ] = None,
        note: Annotated[
            str, typer.Option("--note", metavar="TEXT", help="A line to remember it by.")
        ] = "",
        json_out: Json = False,
    ) -> None:
        """Record that a supervision took place; the next prep starts from it."""
        from peerjournal.db.supervision import add_supervision
        from peerjournal.entry import clean_text

        app_ctx = AppContext.from_ctx(ctx)
        once = "record a supervision once it has taken place"
        day = app_ctx.parse_past_date(when, once) if when is not None else app_ctx.today()
        record = add_supervision(app_ctx.store(), day, clean_text(note), app_ctx.now())
        if json_out:
            app_ctx.print_json(record.to_json())
            return
        app_ctx.say(
            f"Recorded a supervision on {day.isoformat()}. "
            "`peerjournal supervision prep` now starts from it."
        )

    @group.command()
    def history(ctx: typer.Context, json_out: Json = False) -> None:
        """How each self-check item moved across check-ins, and the dates of supervisions."""
        from peerjournal.db.supervision import self_checks, supervisions
        from peerjournal.supervision import build_history, load_form

        app_ctx = AppContext.from_ctx(ctx)
        store = app_ctx.store()
        result = build_history(load_form(), self_checks(store), supervisions(store))
        if json_out:
            app_ctx.print_json(result.to_json())
            return
        from peerjournal.render.charts import unicode_ok
        from peerjournal.render.supervision import history_view

        app_ctx.out.print(
            history_view(
                result,
                ascii_only=not unicode_ok(app_ctx.out.encoding),
            )
        )


# -- check helpers -------------------------------------------------------------------------


def _list_items(app_ctx: AppContext, form: Form, json_out: bool) -> None:
    if json_out:
        app_ctx.print_json([i.to_json() for i in form.items])
        return
    from peerjournal.render.supervision import items_table

    app_ctx.out.print(items_table(form))


def _unfinished(
    app_ctx: AppContext, store: Store, form: Form, *, resume: bool, restart: bool, interactive: bool
) -> tuple[SelfCheck | None, SelfCheck | None]:
    """(the unfinished self-check to carry on with, the one set aside to start afresh).

    Default: an answers file carries on (it never throws answers away unasked); at a
    terminal the writer is asked. One set aside is discarded only once a new answer is
    saved: stopping before that leaves it as it was.
    """
    from peerjournal.db.supervision import unfinished_check

    found = unfinished_check(store)
    if found is None:
        if resume:
            app_ctx.say("No unfinished self-check to resume; starting a new one.")
        return None, None
    summary = (
        f"the self-check started {found.created_at.date().isoformat()} "
        f"({len(found.answers)} of {len(form.items)} answered)"
    )
    keep = True
    if restart:
        keep = False
    elif interactive and not resume:
        keep = typer.confirm(
            f"Carry on with {summary}? No sets it aside and starts afresh", default=True, err=True
        )
    elif not resume:
        app_ctx.say(f"Carrying on with {summary}; --restart starts afresh.")
    if keep:
        return found, None
    app_ctx.say(f"Set aside {summary}: its answers go once you give a new one.")
    return None, found


def _check_from_file(
    app_ctx: AppContext,
    store: Store,
    form: Form,
    path: Path,
    started: SelfCheck | None,
    set_aside: SelfCheck | None,
) -> SelfCheck | None:
    from peerjournal.db.supervision import discard_check, save_check
    from peerjournal.errors import PeerJournalError
    from peerjournal.supervision import SelfCheck, read_answers_file

    given = read_answers_file(path, form)
    if not given:
        raise PeerJournalError(f"{path.name} has no answers in it.")
    merged = {**(started.answers if started else {}), **given}
    ordered = {i.id: merged[i.id] for i in form.items if i.id in merged}
    complete = len(ordered) == len(form.items)
    check_id = save_check(store, started.id if started else None, ordered, complete, app_ctx.now())
    if set_aside is not None:
        discard_check(store, set_aside.id)
    if not complete:
        missing = [i.id for i in form.items if i.id not in ordered]
        app_ctx.say(
            f"Kept {len(ordered)} of {len(form.items)} answers. Still to answer: "
            f"{', '.join(missing)}. Run `peerjournal supervision check` again to add them."
        )
        return None
    return SelfCheck(check_id, app_ctx.now(), ordered, True)


def _check_interactive(
    app_ctx: AppContext,
    store: Store,
    form: Form,
    started: SelfCheck | None,
    set_aside: SelfCheck | None,
) -> SelfCheck | None:
    """Ask each remaining item; every answer is saved at once, so Ctrl-C loses nothing."""
    from peerjournal.db.supervision import discard_check, save_check
    from peerjournal.errors import ExitCode, PeerJournalError
    from peerjournal.render.supervision import form_intro
    from peerjournal.supervision import Answers, SelfCheck, run_check

    check_id = started.id if started else None
    kept = dict(started.answers) if started else {}

    def save(answers: Answers, complete: bool) -> None:
        nonlocal check_id, set_aside
        check_id = save_check(store, check_id, answers, complete, app_ctx.now())
        if set_aside is not None:  # the first new answer replaces the check set aside
            discard_check(store, set_aside.id)
            set_aside = None
        kept.clear()
        kept.update(answers)

    app_ctx.err.print(form_intro(form, len(kept)))
    total = len(form.items)
    try:
        answers, complete = run_check(form.items, kept, _asker(app_ctx, form), save)
    except (KeyboardInterrupt, EOFError, typer.Abort):
        raise PeerJournalError(
            f"Stopped. {len(kept)} of {total} answers kept; `peerjournal supervision check` "
            "carries on from there.",
            ExitCode.INTERRUPTED,
        ) from None
    if not complete:
        app_ctx.say(
            f"Kept {len(answers)} of {total} answers; "
            "`peerjournal supervision check` carries on from there."
        )
        return None
    return SelfCheck(check_id or 0, app_ctx.now(), answers, True)


def _asker(app_ctx: AppContext, form: Form) -> Ask:
    """The interactive question: a number 1-5 (q stops for now), then an optional note."""
    from peerjournal.render.supervision import item_prompt, section_header
    from peerjournal.supervision import SCALE, Answer

    shown: set[str] = set()

    def ask(item: Item, position: int, total: int) -> Answer | None:
        if item.section not in shown:
            shown.add(item.section)
            app_ctx.err.print(section_header(form.section(item.section)))
        app_ctx.err.print(item_prompt(item, position, total))
        while True:
            raw = typer.prompt("   1-5", err=True, prompt_suffix=" › ").strip().lower()
            if raw in ("q", "quit", "stop"):
                return None
            if raw.isdecimal() and int(raw) in SCALE:  # isdigit() takes '²', which int() refuses
                break
            app_ctx.say("   A whole number from 1 to 5, please (or q to stop for now).")
        note = typer.prompt(
            "   note (Enter to skip)", default="", show_default=False, err=True, prompt_suffix=" › "
        )
        return Answer(int(raw), " ".join(note.split()))

    return ask


def _show_check(
    app_ctx: AppContext, store: Store, form: Form, result: SelfCheck, json_out: bool
) -> None:
    from peerjournal.db.supervision import self_checks
    from peerjournal.supervision import movements

    earlier = [c for c in self_checks(store) if c.complete and c.id != result.id]
    moved = movements(earlier[-1], result, form.items) if earlier else []
    if json_out:
        data = result.to_json(form)
        data["moved"] = [{"id": m.item.id, "before": m.before, "after": m.after} for m in moved]
        app_ctx.print_json(data)
        return
    from peerjournal.render.supervision import check_summary

    app_ctx.out.print(check_summary(result, form, moved))
    app_ctx.say("Saved. `peerjournal supervision history` shows how answers move over time.")


# -- prep helpers --------------------------------------------------------------------------


def _trend(
    app_ctx: AppContext,
    store: Store,
    window: Window,
    entries: list[EntryFacts],
    labels: dict[str, str],
) -> TrendBrief:
    """The weekly drift report over the prep window (and the window before, for changes)."""
    from peerjournal.db.stats import report_rows
    from peerjournal.supervision import trend_brief
    from peerjournal.trends import build_report, previous_window

    before, _ = previous_window(window.since, window.until)
    report = build_report(
        report_rows(store, before, window.until),
        since=window.since,
        until=window.until,
        by="week",
        today=app_ctx.today(),
        labels=labels,
    )
    return trend_brief(entries, report)
