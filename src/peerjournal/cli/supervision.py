"""`peerjournal supervision`: prep, the self-check, recording a supervision, history."""

from __future__ import annotations

import contextlib
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

from peerjournal.cli.options import DATE_HELP, DAY_HELP, Json, date_bound
from peerjournal.context import AppContext
from peerjournal.dates import RECENT_WEEKS, spoken
from peerjournal.replies import STOP_WORDS, yes_or_no_reply

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from peerjournal.db.store import Store
    from peerjournal.drafts import Draft
    from peerjournal.errors import PeerJournalError
    from peerjournal.supervision import (
        Answer,
        Answers,
        EntryFacts,
        Form,
        Intention,
        Item,
        Movement,
        SelfCheck,
        TrendBrief,
        Window,
    )

# marks alone typed at 1-5 when the check stops (Ctrl-C) before a score comes with them; words
# are kept for the next check (`_Questions._keep_words`)
NOT_KEPT = "What was typed at 1-5 is not kept: no score came with it."
# words typed at 1-5 with no score, kept as the check stopped (`_Questions._keep_words`)
KEPT_WORDS_FILES = "words-*.json"
# ... and when what Ctrl-C cut holds a number that is no score ("3/5 felt ok", "3.5": Enter
# asks again for those)
NO_SCORE = ("What was typed at 1-5 is not kept: it starts with no score on the scale (a whole "
            "number from 1 to 5: \"3\", or \"3 because…\").")
REPLY_INDENT = "   "  # a reply to a line typed at a prompt, under it: "   1-5: "
NO_TERMINAL = (
    "No terminal to ask the questions on. Give the answers with --answers FILE ('-' for "
    "stdin; item id = 1-5; `peerjournal supervision check --list-items --json` lists the ids)."
)


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        name="supervision",
        help="Before and after supervision: prep, a self-check, and a record of sessions.",
        short_help="Before and after supervision.",
        no_args_is_help=True,
    )
    app.add_typer(group)

    @group.command(short_help="What to bring to supervision.")
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
        last supervision (else the last 4 weeks: this week and the 3 before it, as `export`
        covers)."""
        from dataclasses import replace

        from peerjournal.cli.report import left_out_after_today
        from peerjournal.cli.stale import say_stale_shown
        from peerjournal.db.people import list_people
        from peerjournal.db.stats import date_range, live_and_trashed
        from peerjournal.db.supervision import entry_facts, self_checks, supervisions
        from peerjournal.supervision import (
            build_prep,
            carried_entries,
            carry_window,
            load_form,
            prep_to_json,
            prep_window,
        )

        app_ctx = AppContext.from_ctx(ctx)
        # a period (--since "last month") from its first day, as `list --since` reads it
        chosen = date_bound(app_ctx, since)
        store = app_ctx.store()
        recorded = supervisions(store)
        window = _next_prep(store, prep_window(app_ctx.today(), chosen, recorded))
        if chosen is None and window.basis == "since":  # (a young journal's whole)
            app_ctx.say(
                "No supervision recorded yet: this first prep covers your whole journal, from "
                f"your first entry on {spoken(window.since)}, not only the last {RECENT_WEEKS} "
                "weeks."
            )
        dated = entry_facts(store, window.since, window.until)
        entries = window.kept(dated)
        # the periods before, for their plans (which are quoted: `follow_intentions`)
        carry = carry_window(window, recorded)
        earlier = carried_entries(
            window, carry, entry_facts(store, carry.since, carry.until) if carry else []
        )
        journal_dates = None if dated else date_range(store)
        left = left_out_after_today(app_ctx, store, window.until)
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
            [person.name for person in list_people(store, redacting=False)],
            # when the journal's entries are, if none is dated in the period (entries of its
            # first day written before that supervision count in the period before: "No
            # entries in this period" is said of those)
            journal_dates,
            left_out=len(dated) - len(entries),  # (of the supervision's day, before it)
            earlier=earlier,
            # a journal whose entries are all in the trash says so, as `list` does
            trashed=len(live_and_trashed(store)[1]) if not dated and not journal_dates else 0,
            after_today=left.entries,
        )
        result = replace(result, intentions=_quoted_plans(result.intentions))
        # (the text's word for a period with no entries names those after today itself)
        note = left.note("prep", entries_said=result.journal_dates is not None and not json_out)
        if json_out:
            app_ctx.print_json(prep_to_json(result))
        else:
            from peerjournal.render.charts import unicode_ok
            from peerjournal.render.supervision import prep_view

            app_ctx.out.print(prep_view(result, ascii_only=not unicode_ok(app_ctx.out.encoding)))
        if note:
            app_ctx.say(note)
        say_stale_shown(app_ctx, [entry.id for entry in entries], "in the prep")

    @group.command(short_help="Do a guided 1-5 self-check.")
    def check(
        ctx: typer.Context,
        answers: Annotated[
            Path | None,
            typer.Option(
                "--answers",
                metavar="FILE",
                dir_okay=False,
                help="Answers from a TOML or JSON file ('-' for stdin; item id = 1-5, or "
                "{score, note}).",
            ),
        ] = None,
        resume: Annotated[
            bool,
            typer.Option("--resume", help="Carry on with an unfinished self-check without asking."),
        ] = False,
        restart: Annotated[
            bool,
            typer.Option(
                "--restart",
                help="Set aside an unfinished self-check and start afresh; it is discarded "
                "at your first new answer.",
            ),
        ] = False,
        list_items: Annotated[
            bool,
            typer.Option("--list-items", help="Print the items (id, section, wording) and exit."),
        ] = False,
        json_out: Json = False,
    ) -> None:
        """A guided self-check before supervision: each item 1-5 with an optional note.
        A reflection, not a grade: no overall score. q or Ctrl-D stops for now; the answers
        given so far are kept (after Ctrl-C too, which exits 130)."""
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
        # a file that will not do changes nothing (it does not even start a new journal)
        given = _read_answers(answers, form) if answers is not None else None
        store = app_ctx.store()
        _said_unsaved(app_ctx, answers)
        check_id: int | None
        if given is not None and answers is not None:  # (one with the other)
            started, set_aside = _unfinished(
                app_ctx, store, form, resume=resume, restart=restart, asker=None
            )
            _say_whose(app_ctx, answers, started)
            check_id = _check_from_file(app_ctx, store, form, given, started, set_aside)
            _forget_unsaved(app_ctx, answers)
            _say_kept_words(app_ctx, given)
        else:
            app_ctx.refuse_if_damaged()  # before the first question, not after its answer
            with _Questions(app_ctx, form) as asker:
                started, set_aside = _unfinished(
                    app_ctx, store, form, resume=resume, restart=restart, asker=asker
                )
                check_id = _check_interactive(app_ctx, store, form, started, set_aside, asker)
        _show_check(app_ctx, store, form, check_id, json_out)

    @group.command(short_help="Record a supervision session.")
    def done(
        ctx: typer.Context,
        when: Annotated[
            str | None,
            typer.Option(
                "--date", "-d", metavar="DATE",
                help=f"When it took place ({DAY_HELP}), with the time it ended if you like "
                "('yesterday 15:00', '2026-11-20 2pm'). Default: now.",
            ),
        ] = None,
        note: Annotated[
            str, typer.Option("--note", metavar="TEXT", help="A line to remember it by.")
        ] = "",
        json_out: Json = False,
    ) -> None:
        """Record that a supervision took place; the next prep starts from it: entries of its
        day written after it count in the next period. It counts from the time given with
        --date (local time), else from when it is recorded (for a day before today: the end
        of that day)."""
        from peerjournal.cli.options import typed_noted
        from peerjournal.dates import parse_past_moment
        from peerjournal.db.supervision import add_supervision, supervisions
        from peerjournal.supervision import check_note, latest_supervision

        app_ctx = AppContext.from_ctx(ctx)
        once = "record a supervision once it has taken place"
        day, at = (
            parse_past_moment(when, app_ctx.now(), once) if when is not None
            else (app_ctx.today(), None)
        )
        [read_note] = typed_noted(app_ctx, note)  # (bytes not UTF-8: read as `write` reads them)
        text = check_note(read_note or "", "--note")
        store = app_ctx.store()
        record = add_supervision(store, day, text, at or app_ctx.now())
        on = f"{spoken(day)} at {at:%H:%M}" if at is not None else spoken(day)
        if json_out:
            done = f"Recorded a supervision on {on} (#{record.id})"
            app_ctx.print_json_done(done, record.to_json())
            return
        recorded = supervisions(store)
        latest = latest_supervision(recorded)
        if latest.id == record.id:
            then = "`peerjournal supervision prep` now starts from it."
        else:  # an earlier one, written up late: prep still starts from the latest
            then = f"`peerjournal supervision prep` still starts from {spoken(latest.date)}."
        if any(s.date == day and s.id != record.id for s in recorded):  # `done` run twice?
            then += " One was already recorded that day: `peerjournal supervision undo` removes"
            then += " this one if it was a mistake."
        app_ctx.say(f"Recorded a supervision on {on}. {then}")

    @group.command(short_help="Remove a supervision record.")
    def undo(
        ctx: typer.Context,
        wanted: Annotated[
            int | None,
            typer.Argument(
                metavar="[ID]",
                parser=_supervision_id,
                help="The record's ID (`supervision history` shows it); default: the last "
                "one recorded.",
                show_default=False,
            ),
        ] = None,
        yes: Annotated[
            bool, typer.Option("--yes", "-y", help="Don't ask for confirmation.")
        ] = False,
        json_out: Json = False,
    ) -> None:
        """Remove a supervision recorded by mistake. It asks first: only a clear yes (y, yes,
        'yes please') removes it. Prep then starts from the latest one left (with none left:
        the last 4 weeks, or a young journal whole; it says which). Entries and self-checks
        are never touched."""
        from peerjournal.db.supervision import remove_supervision, supervisions
        from peerjournal.errors import NotFoundError
        from peerjournal.render.supervision import supervision_label
        from peerjournal.supervision import chosen_supervision, prep_window

        app_ctx = AppContext.from_ctx(ctx)
        store = app_ctx.store()
        recorded = supervisions(store)
        record = chosen_supervision(recorded, wanted)
        # the label's note is cleaned for the terminal (first_words)
        if not yes and not app_ctx.confirm(f"Remove {supervision_label(record)}?"):
            app_ctx.say(f"Nothing removed.{app_ctx.without_terminal('remove it')}")
            raise typer.Exit(1)
        if not remove_supervision(store, record.id):
            raise NotFoundError(f"Supervision {record.id} is no longer recorded.")
        if json_out:
            done = f"Removed the supervision on {spoken(record.date)} (#{record.id})"
            app_ctx.print_json_done(done, record.to_json())
            return
        today = app_ctx.today()
        before = _next_prep(store, prep_window(today, None, recorded))
        left = [s for s in recorded if s.id != record.id]
        after = _next_prep(store, prep_window(today, None, left))
        if after.basis == "supervision" and after.supervision is not None:
            starts = f"starts from {spoken(after.since)}"
            other = after.supervision
            if other.date == record.date and _starts(after) != _starts(before):
                starts += f" at {other.created_at:%H:%M} (supervision #{other.id})"  # which one
        elif after.basis == "since":
            starts = f"covers your whole journal, from your first entry on {spoken(after.since)}"
        else:
            starts = f"covers {after.describe()}, as of today: {after.dates()}"
        # what the next prep counts from: its first day, and on it the supervision's moment
        moved = "still" if _starts(after) == _starts(before) else "now"
        app_ctx.say(
            f"Removed the supervision on {spoken(record.date)} (#{record.id}). "
            f"`peerjournal supervision prep` {moved} {starts}."
        )

    @group.command(short_help="Self-checks and supervisions so far.")
    def history(ctx: typer.Context, json_out: Json = False) -> None:
        """Show how each self-check item moved across check-ins, and each supervision with its
        ID."""
        from peerjournal.db.supervision import self_checks, supervisions
        from peerjournal.supervision import build_history, load_form

        app_ctx = AppContext.from_ctx(ctx)
        store = app_ctx.store()
        form = load_form()
        result = build_history(form, self_checks(store), supervisions(store))
        if json_out:
            app_ctx.print_json(result.to_json())
            return
        from peerjournal.render.charts import unicode_ok
        from peerjournal.render.supervision import history_view

        # nothing at all: a message (stderr), as `list` says "No entries" there
        nothing = not (result.checks or result.unfinished or result.supervisions)
        (app_ctx.err if nothing else app_ctx.out).print(
            history_view(
                result,
                ascii_only=not unicode_ok(app_ctx.out.encoding),
            )
        )
        if result.unfinished is not None and result.older_unfinished:  # (the view names one)
            newest = f"the one started {spoken(result.unfinished.created_at.date())}"
            app_ctx.say(_kept_for_later(
                result.older_unfinished, form, f"once {newest} is finished"
            ))


def _supervision_id(text: str) -> int:
    """A supervision record's ID as typed: `3`, or `#3` as `supervision history` shows it."""
    from peerjournal.cli.options import numbered

    return numbered(
        text, "a supervision ID", "`peerjournal supervision history`", "IDs start at 1"
    )


# -- check helpers -------------------------------------------------------------------------


def _list_items(app_ctx: AppContext, form: Form, json_out: bool) -> None:
    if json_out:
        app_ctx.print_json([i.to_json() for i in form.items])
        return
    from peerjournal.render.supervision import items_table

    app_ctx.out.print(items_table(form))


def _unfinished(
    app_ctx: AppContext,
    store: Store,
    form: Form,
    *,
    resume: bool,
    restart: bool,
    asker: _Questions | None,
) -> tuple[SelfCheck | None, SelfCheck | None]:
    """(the unfinished self-check to carry on with, the one set aside to start afresh).

    Default: an answers file carries on (it never throws answers away unasked); at a
    terminal (`asker`) the writer is asked. One set aside is discarded only once a new answer
    is saved: stopping before that leaves it as it was.
    """
    from peerjournal.db.supervision import unfinished_checks

    stopped = unfinished_checks(store)
    if not stopped:
        if resume:
            app_ctx.say("No unfinished self-check to resume; starting a new one.")
        return None, None
    found, others = stopped[0], stopped[1:]  # the newest first: it holds the latest answers
    summary = _described(found, form)
    later = _kept_for_later(others, form, "once this one is finished")
    keep = True
    if restart:
        keep = False
    elif asker is not None and not resume:
        keep = asker.carry_on(summary)
        if keep and later:
            app_ctx.say(later)
    elif not resume:
        app_ctx.say(f"Carrying on with {summary}; --restart starts afresh. {later}".rstrip())
    elif others:  # --resume where there is a choice: say which
        app_ctx.say(f"Carrying on with {summary}, the newest unfinished one. {later}")
    if keep:
        return found, None
    later = _kept_for_later(others, form, "once the new one is finished")
    app_ctx.say(f"Set aside {summary}: its answers go once you give a new one. {later}".rstrip())
    return None, found


def _described(check: SelfCheck, form: Form) -> str:
    """An unfinished self-check in words: "the self-check started 20 Nov 2026 (3 of 22
    answered)"."""
    return (
        f"the self-check started {spoken(check.created_at.date())} "
        f"({len(check.answers)} of {len(form.items)} answered)"
    )


def _kept_for_later(others: Sequence[SelfCheck], form: Form, when: str) -> str:
    """The sentence for unfinished self-checks other than the newest ("" for none), newest
    first: each is kept, answers and all, and `supervision check` offers it `when` (a
    restored backup can bring several: see `importer._not_yet_restored`)."""
    if not others:
        return ""
    from peerjournal.plural import counted

    one = len(others) == 1
    started = "; ".join(
        f"started {spoken(c.created_at.date())}, {len(c.answers)} of {len(form.items)} answered"
        for c in others
    )
    many = counted(len(others), "more unfinished self-check")
    what = "Another unfinished self-check" if one else many
    return (
        f"{what} ({started}) {'is' if one else 'are'} kept: `peerjournal supervision check` "
        f"offers {'it' if one else 'them, newest first,'} {when}."
    )


def _read_answers(path: Path, form: Form) -> Answers:
    """The answers in an answers file, or on stdin for '-'; at least one. Either is read as
    `write` reads text: UTF-8, or UTF-16 or UTF-32 with a byte order mark (Notepad's
    "Unicode", PowerShell's `>`)."""
    from peerjournal.cli.editor import decode
    from peerjournal.errors import PeerJournalError
    from peerjournal.paths import read_regular_file
    from peerjournal.supervision import parse_answers_text

    if str(path) == "-":
        import sys

        name, suffix, data = "standard input", "", sys.stdin.buffer.read()
    else:
        name, suffix = str(path), path.suffix  # as given: `/dev/null`, not `null`
        try:  # a named pipe refused at once (it would wait for a writer), as a folder is
            data = read_regular_file(path)
        except FileNotFoundError:
            raise PeerJournalError(f"No answers file at {path}.") from None
        except OSError as exc:
            raise PeerJournalError(
                f"Cannot read the answers file {path}: {exc.strerror or exc}."
            ) from None
    given = parse_answers_text(decode(data, name), name, suffix, form)
    if not given:
        raise PeerJournalError(f"{name} has no answers in it.")
    return given


def _check_from_file(
    app_ctx: AppContext,
    store: Store,
    form: Form,
    given: Answers,
    started: SelfCheck | None,
    set_aside: SelfCheck | None,
) -> int:
    """Save answers from a file (over an unfinished check's); returns the check's id."""
    from peerjournal.db.supervision import SavedCheck, discard_check, save_check
    from peerjournal.launcher import settled

    merged = {**(started.answers if started else {}), **given}
    ordered = {i.id: merged[i.id] for i in form.items if i.id in merged}
    complete = len(ordered) == len(form.items)
    saved = SavedCheck()
    try:
        check_id = save_check(
            store, started.id if started else None, ordered, complete, app_ctx.now(), saved
        )
        settled()  # (a Ctrl-C just before it is caught below, as one after the commit)
    except KeyboardInterrupt:
        if not saved.done or saved.id is None:
            raise
        check_id = saved.id  # too late: the answers are saved, and the command ends so
        settled()
    if set_aside is not None:
        discard_check(store, set_aside.id)
    if not complete:
        missing = [i.id for i in form.items if i.id not in ordered]
        app_ctx.say(
            f"Kept {len(ordered)} of {len(form.items)} answers"
            f"{_discarded(set_aside)}. Still to answer: "
            f"{', '.join(missing)}. Run `peerjournal supervision check` again to add them."
        )
    return check_id


def _discarded(set_aside: SelfCheck | None) -> str:
    """What setting a self-check aside cost, once a new answer has replaced it."""
    from peerjournal.plural import counted

    if set_aside is None:
        return ""
    n = len(set_aside.answers)
    return f" (the {counted(n, 'answer')} set aside {'was' if n == 1 else 'were'} discarded)"


def _check_interactive(
    app_ctx: AppContext,
    store: Store,
    form: Form,
    started: SelfCheck | None,
    set_aside: SelfCheck | None,
    asker: _Questions,
) -> int | None:
    """Ask each remaining item; every answer is saved at once, so Ctrl-C loses nothing: at a
    note it keeps the score given (and the words typed), then stops (exit 130). An answer
    the journal cannot take (another program holds it locked) is offered again until it is
    saved or the writer stops. q or end of input (Ctrl-D) before the last item stops for now
    (exit 0, docs/exit-codes.md): the check is not done, and what was answered is kept.

    Returns the id of the check that holds the answers now (None if none holds any): the one
    set aside while no new answer has replaced it."""
    from peerjournal.cli.guided import signals_held_back
    from peerjournal.db.supervision import SavedCheck, discard_check, save_check
    from peerjournal.errors import DatabaseError, ExitCode, PeerJournalError
    from peerjournal.launcher import settled
    from peerjournal.render.supervision import form_intro
    from peerjournal.supervision import run_check

    check_id = started.id if started else None
    kept = dict(started.answers) if started else {}
    saved_complete = False
    replaced: SelfCheck | None = None  # the check set aside, once a new answer replaced it
    pending = _Pending(app_ctx)  # the answer in hand, until the journal holds it
    asker.keep = lambda item_id, answer: pending.keep({**kept, item_id: answer})

    def save(answers: Answers, complete: bool) -> None:
        nonlocal check_id, set_aside, replaced, saved_complete
        late = False  # a Ctrl-C came as the answers were committed: too late to undo them
        while True:
            saved = SavedCheck()
            try:
                check_id = save_check(store, check_id, answers, complete, app_ctx.now(), saved)
                break
            except KeyboardInterrupt:  # in the wait for a journal another program writes to
                if saved.done:
                    check_id, late = saved.id, True
                    break
                stop = PeerJournalError("Stopped while waiting for the journal.",
                                        ExitCode.INTERRUPTED)
                raise _keep_unsaved(app_ctx, answers, stop, stopped,
                                    restart=set_aside is not None, pending=pending) from None
            except DatabaseError as exc:  # locked, read-only, a full disk: it may clear
                if not _again(asker, exc):  # (a damaged journal's stays one)
                    raise _keep_unsaved(
                        app_ctx, answers, exc, stopped, restart=set_aside is not None,
                        pending=pending,
                    ) from None
        with signals_held_back():  # (the journal holds them: told so, whatever comes now)
            pending.forget()
            asker.words_taken(answers)
            kept.clear()
            kept.update(answers)
            saved_complete = complete
        if set_aside is not None:  # the first new answer replaces the check set aside
            discard_check(store, set_aside.id)
            replaced, set_aside = set_aside, None
        if late and not complete:  # stopped as asked, saying what is kept (`stopped`)
            raise KeyboardInterrupt
        if complete:
            settled()  # (the check is done: a Ctrl-C from here on stops nothing)

    def stopped(journal: bool = False) -> str:
        """What is kept, in words, when the writer stops before the end; `journal`: what the
        journal holds, beside an answers file that holds more (`_keep_unsaved`): "" for
        nothing."""
        if set_aside is not None:  # no new answer: the check set aside is still there
            return (
                f"No new answer, so {_described(set_aside, form)} is kept as it was; "
                "`peerjournal supervision check` carries on with it."
            )
        if saved_complete:  # stopped at the last item's note: its score finished the check
            return (
                f"Kept all {len(form.items)} answers{_discarded(replaced)}: the self-check is "
                "done; `peerjournal supervision history` shows it."
            )
        if not kept and journal:  # (the answers file holds them all)
            return ""
        if not kept:  # stopped before the first answer: nothing to carry on from
            return (
                "No answer is kept yet: `peerjournal supervision check` starts from the first "
                "question."
            )
        held = "The journal holds" if journal else "Kept"
        return (
            f"{held} {len(kept)} of {len(form.items)} answers{_discarded(replaced)}; "
            "`peerjournal supervision check` carries on from there."
        )

    if asker.ended:  # q or Ctrl-D at "Carry on?": nothing asked, nothing changed
        answers, complete = kept, False
    else:
        app_ctx.err.print(form_intro(form, len(kept)))
        try:
            answers, complete = run_check(form.items, kept, asker, save)
        except KeyboardInterrupt:
            raise PeerJournalError(f"Stopped. {stopped()}", ExitCode.INTERRUPTED) from None
    if complete and not saved_complete:  # every item answered before (the form lost items)
        save(answers, True)
    if asker.lost is not None:  # words that could not be kept: printed, and not exit 0
        asker.lost.message += f" {stopped()}"
        raise asker.lost
    if complete:  # words kept at items answered otherwise: said where they are
        for line in kept_words_lines(app_ctx, _unsaved_folder(app_ctx)):
            app_ctx.say(line)
    if asker.interrupted:  # at a note: its score (and words) are saved, then it stops
        raise PeerJournalError(f"Stopped. {stopped()}", ExitCode.INTERRUPTED)
    if not complete:  # q or Ctrl-D: a stop that keeps what was given (docs/exit-codes.md)
        app_ctx.say(stopped())
    if set_aside is not None:
        return set_aside.id
    return check_id


def _again(asker: _Questions, failed: PeerJournalError) -> bool:
    """Whether to try saving an answer again after `failed` (`_Questions.try_again`); Ctrl-C
    at that question is a no, and `failed` then exits as Ctrl-C does."""
    from peerjournal.errors import ExitCode

    try:
        return asker.try_again(failed.message)
    except KeyboardInterrupt:
        asker.interrupted = asker.ended = True
        failed.exit_code = ExitCode.INTERRUPTED
        return False


def _keep_unsaved(
    app_ctx: AppContext, answers: Answers, failed: PeerJournalError,
    stopped: Callable[[bool], str], restart: bool, pending: _Pending | None = None,
) -> PeerJournalError:
    """`failed` (why the answer just given was not saved: a full disk, a locked journal,
    Ctrl-C while waiting for the journal), once the answers given so far, `answers`, are kept
    in an answers file that `supervision check --answers FILE` saves (--restart: over the
    check set aside), and `stopped(True)` says what the journal holds; printed on stdout when
    even that cannot be written, and then `stopped(False)` says what is kept in the journal.
    The journal is let go of first: on a full disk the failed save's -wal file took the room
    the file needs (`drafts.let_go_of_the_journal`). The file is the one `pending` kept the
    answer in hand in, when it has one."""
    import shlex

    from peerjournal.drafts import let_go_of_the_journal, text_printed

    let_go_of_the_journal(app_ctx)
    folder = _unsaved_folder(app_ctx)
    command = "supervision check" + (" --restart" if restart else "") + " --answers"
    _not_all_lost(failed)
    try:
        kept = _write_answers(app_ctx, answers, pending.draft if pending else None)
    except OSError as exc:
        failed.message += "."
        back = f"{app_ctx.command_hint(f'{command} -')} reads it back"
        failed = text_printed(failed, _answers_text(answers), folder, str(exc.strerror or exc),
                              "self-check so far", back, "answers file")
        failed.message += f" {stopped(False)}"
        return failed
    finally:
        if pending is not None:  # (its lock file goes: the file stays, for `--answers FILE`)
            pending.let_go()
    kept.release()
    saves = app_ctx.command_hint(f"{command} {shlex.quote(str(kept.path))}")
    others, them = (", with the others given so far,", "them") if len(answers) > 1 else ("", "it")
    failed.message += (
        f": it is kept{others} in {kept.path} ({saves} saves {them} once the journal can "
        f"take {them})."
    )
    held = stopped(True)
    if held:
        failed.message += f" {held}"
    return failed


def _not_all_lost(failed: PeerJournalError) -> None:
    """Say in `failed` that the answer just given was not saved: in place of the "nothing was
    saved" a full disk's error ends with, which read as the whole check lost (QA r44), when
    the answers before it are in the journal. (The sentence is ended by the caller.)"""
    lost = "; nothing was saved."
    if failed.message.endswith(lost):
        failed.message = failed.message.removesuffix(lost) + "; the answer just given was not saved"
    else:
        failed.message += " The answer just given was not saved"


def _answers_text(answers: Answers) -> str:
    """`answers` as an answers file holds them: the JSON `--answers` reads."""
    import json

    from peerjournal.supervision import answers_to_json

    return json.dumps(answers_to_json(answers), ensure_ascii=False, indent=2) + "\n"


def _unsaved_folder(app_ctx: AppContext) -> Path:
    from peerjournal import paths

    return paths.drafts_dir(app_ctx.db_path) / UNSAVED_ANSWERS


def _write_answers(app_ctx: AppContext, answers: Answers, draft: Draft | None) -> Draft:
    """`answers` written to the answers file `draft` (whole, or not at all: `write_atomic`),
    or to a new one in the drafts folder's self-check folder; OSError when it cannot be."""
    return _write_kept(app_ctx, _answers_text(answers), draft, "answers-")


def _write_kept(app_ctx: AppContext, text: str, draft: Draft | None, prefix: str) -> Draft:
    """`text` written to `draft`, or to a new file named `prefix`… in the self-check folder
    (`_write_answers`, `_Questions._keep_words`); OSError when it cannot be."""
    from peerjournal.drafts import new_draft, write_atomic

    fresh = draft is None
    if draft is None:
        draft = new_draft(_unsaved_folder(app_ctx), app_ctx.now(), ".json", prefix=prefix)
    try:
        write_atomic(draft.path, text)
    except BaseException:
        if fresh:
            draft.discard()
        raise
    return draft


class _Pending:
    """The answer in hand, kept in an answers file (`_write_answers`) from the moment its score
    is given until the journal holds it: a process killed at its note (kill -9, a crash, a
    power cut) keeps the score, and the words of the note as they stood when the writer last
    paused, for `supervision check --answers FILE` (named at the next `supervision check`:
    `_said_unsaved`). The file is held (`Draft.take`) while the check runs, so that a check in
    another terminal does not name it. Kept as well as can be: an answers file that cannot be
    written is no reason to stop the check, which saves each answer in the journal."""

    def __init__(self, app_ctx: AppContext) -> None:
        self.app_ctx = app_ctx
        self.draft: Draft | None = None

    def keep(self, answers: Answers) -> None:
        try:
            self.draft = _write_answers(self.app_ctx, answers, self.draft)
            self.draft.take()
        except OSError:
            pass

    def forget(self) -> None:
        """The journal holds the answer: the file goes."""
        if self.draft is not None:
            with contextlib.suppress(OSError):
                self.draft.path.unlink(missing_ok=True)
            self.let_go()

    def let_go(self) -> None:
        if self.draft is not None:
            self.draft.release()
            self.draft = None


class KeptWords(NamedTuple):
    """A words file a self-check kept (`_Questions._keep_words`): the item they were typed
    at, the words, and when ("2026-12-07 21:30"); `item` and `words` are "" when the file
    cannot be read as one (damaged). `saved`: when a check's note took the words but the file
    could not be removed (`_Questions.words_taken`): never offered again."""

    path: Path
    item: str
    words: str
    when: str
    saved: str = ""


def kept_words(folder: Path) -> list[KeptWords]:
    """The words files a self-check kept in `folder` (the self-check folder), oldest first."""
    from peerjournal.cli.drafts_list import started
    from peerjournal.drafts import Draft

    found = []
    with contextlib.suppress(OSError):
        for path in sorted(folder.glob(KEPT_WORDS_FILES)):
            item, words, saved = _words_in(path)
            found.append(KeptWords(path, item, words, started(Draft(path)), saved))
    return found


def _words_in(path: Path) -> tuple[str, str, str]:
    """The item, the words a words file holds and when a check's note took them ("" if
    none has: `_Questions.words_taken`); ("", "", "") when it cannot be read as one (damaged:
    said, and left as it is for the writer to read)."""
    import json

    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "", "", ""
    if not isinstance(kept, dict):
        return "", "", ""
    item, words, saved = kept.get("item"), kept.get("words"), kept.get("saved", "")
    if isinstance(item, str) and isinstance(words, str) and item and words:
        return item, words, saved if isinstance(saved, str) else ""
    return "", "", ""


def _words_kept(app_ctx: AppContext, item_id: str) -> list[KeptWords]:
    """The words typed at item `item_id`'s 1-5 prompt with no score when a check stopped
    (`_Questions._keep_words`), oldest first; not those a check's note holds already."""
    return [k for k in kept_words(_unsaved_folder(app_ctx)) if k.item == item_id and not k.saved]


def kept_words_lines(app: AppContext, folder: Path) -> list[str]:
    """For `drafts`, `where` and the start of a check: a line for each words file a self-check
    kept (`_Questions._keep_words`): no draft, but the writer's words all the same; a damaged
    one is said too (once a command), not skipped; one a check in another terminal holds
    (`_Questions._claim`) is said to be in use, not offered."""
    from peerjournal.drafts import Draft
    from peerjournal.plural import counted

    check = app.command_hint("supervision check")
    said = []
    for kept in kept_words(folder):
        on = f" on {kept.when}" if kept.when else ""
        if not kept.words:
            said.append(_damaged(kept.path))
            continue
        about = (f"Words kept from a self-check{on} (typed at {kept.item}'s 1-5 with no score, "
                 f"{counted(len(kept.words.split()), 'word')}): {kept.path}")
        if kept.saved:
            said.append(f"{about}; {_saved_in_a_note(kept.saved)}")
        elif Draft(kept.path).in_use():
            said.append(f"{about}; in use by a self-check running in another terminal, which "
                        "offers them as that question's note.")
        elif not _fits_a_note(kept.words):
            said.append(f"{about}; {check} does not offer them, as they are longer than a "
                        "note holds: open the file to keep what you need, then delete it.")
        else:
            said.append(f"{about}; {check} offers them as that question's note (it asks "
                        "first); delete the file if they are not wanted.")
    return said


def _saved_in_a_note(when: str) -> str:
    """Of a words file whose words a check's note holds (`KeptWords.saved`), which the check
    could not remove."""
    return (f"a self-check saved them in its note on {when}, but could not remove the file: "
            "delete it yourself (it is not offered again).")


def kept_words_said(app: AppContext) -> None:
    """For `where`: the folder in the drafts folder that holds words a self-check kept."""
    from peerjournal.plural import counted

    if found := kept_words(_unsaved_folder(app)):
        app.say(f"Words a self-check kept with no score ({counted(len(found), 'file')}) are in "
                f"{_unsaved_folder(app)} ({app.command_hint('drafts')} lists them).")


def _damaged(path: Path) -> str:
    return (f"A self-check's words file {path} cannot be read as one (damaged?): open it "
            "yourself, and delete it once you no longer need it.")


def not_in_backup(app: AppContext) -> list[str]:
    """For `export --full`: the words files a self-check kept, which a backup does not hold."""
    from peerjournal.plural import counted

    found = kept_words(_unsaved_folder(app))
    if not found:
        return []
    return [f"Not in the backup: words a self-check kept with no score "
            f"({counted(len(found), 'file')} in {_unsaved_folder(app)}); copy them yourself."]


def _said_unsaved(app_ctx: AppContext, given: Path | None) -> None:
    """Name the answers files a self-check kept and the journal has not taken (`_Pending`,
    `_keep_unsaved`): a check killed at a note, or one that could not save; but the one given
    with --answers (saved now), and one a check in another terminal is asking."""
    import shlex

    from peerjournal.cli.drafts_list import kept_answers

    for kept in kept_words(_unsaved_folder(app_ctx)):
        if not kept.words:  # (damaged: said once here, not skipped at every question)
            app_ctx.say(_damaged(kept.path))
    for path in kept_answers(_unsaved_folder(app_ctx), given):
        saves = app_ctx.command_hint(f"supervision check --answers {shlex.quote(str(path))}")
        app_ctx.say(
            f"A self-check stopped before the journal held all its answers: they are kept "
            f"in {path} ({saves} saves them; delete the file if they are not wanted)."
        )


def _say_kept_words(app_ctx: AppContext, given: Answers) -> None:
    """After answers saved with --answers: the words kept at those items' 1-5 when a check
    stopped are not in them (a file's answers are the writer's whole say), so say where they
    are rather than offer them silently to a later check (QA r47)."""
    for kept in kept_words(_unsaved_folder(app_ctx)):
        if kept.item in given and not kept.saved:
            on = f" on {kept.when}" if kept.when else ""
            app_ctx.say(f"Words typed at {kept.item}'s 1-5{on} with no score are not in these "
                        f"answers: they stay in {kept.path} (delete the file if they are not "
                        "wanted).")


def _kept_by_a_check(app_ctx: AppContext, answers: Path) -> bool:
    """Whether the answers file `answers` is one a self-check kept as it could not save them
    (`_keep_unsaved`)."""
    from peerjournal.cli.drafts_list import KEPT_ANSWERS

    try:
        return (answers.resolve().parent == _unsaved_folder(app_ctx).resolve()
                and answers.match(KEPT_ANSWERS))
    except OSError:
        return False


def _say_whose(app_ctx: AppContext, answers: Path, started: SelfCheck | None) -> None:
    """Before the answers a self-check kept (`_kept_by_a_check`) are saved with --answers:
    say whose they are, and where they go when that is not the check they were given in (a
    check started after they were kept, or none: a new one of today's)."""
    from peerjournal.cli.drafts_list import started as kept_since
    from peerjournal.drafts import Draft

    if not _kept_by_a_check(app_ctx, answers):
        return
    when = kept_since(Draft(answers))
    since = f" on {when}" if when else ""
    into = ""
    if started is None:
        into = f"; they are saved as a new self-check of {spoken(app_ctx.today())}"
    elif when and f"{started.created_at:%Y-%m-%d %H:%M}" > when:
        into = (f"; they are added to the self-check started "
                f"{spoken(started.created_at.date())}, not the one they were given in")
    app_ctx.say(
        f"These are the answers a self-check kept in {answers}{since}, as the journal could "
        f"not take them then{into}."
    )


def _forget_unsaved(app_ctx: AppContext, answers: Path) -> None:
    """Once the answers file `answers` is saved: remove it when it is one a self-check kept
    as it could not save them (`_keep_unsaved`), which no one would remove otherwise."""
    with contextlib.suppress(OSError):
        if _kept_by_a_check(app_ctx, answers):
            answers.unlink()
            app_ctx.say(f"Removed {answers}: its answers are saved.")


# The answers a self-check could not save, kept in the drafts folder (`_keep_unsaved`): not
# drafts of entries, so in a folder of their own
UNSAVED_ANSWERS = "self-check"


class _Questions:
    """The self-check at the terminal: questions on stderr, each answer read as one line.

    q or Ctrl-D at the 1-5 prompt stops for now; q or Ctrl-D at the note prompt keeps the
    score without a note, then stops. Ctrl-C (and SIGTERM or a closed terminal, which the
    launcher turns into it) stops too, `interrupted`, once what was typed is kept: at the note
    prompt the score with the words typed on the line so far (when readline reads the
    terminal, as for `write`); at the 1-5 prompt a score typed on the line it cut, with the
    words typed there as its note. Words typed at 1-5 with no score when the check stops (q,
    Ctrl-D, Ctrl-C) are kept in a file, as `write` keeps a draft, and the next check offers
    them at that question as its score's note, used only on a yes (`_keep_words`, `_offered`).
    Lines pasted in one go are read together: a pasted note stays one note instead of
    spilling into the next items' answers.
    """

    def __init__(self, app_ctx: AppContext, form: Form) -> None:
        from peerjournal.cli import guided

        self.app_ctx = app_ctx
        self.form = form
        self.shown: set[str] = set()
        self.ended = False  # end of input (or q at a note): stop once the answer in hand is kept
        self.interrupted = False  # Ctrl-C at a note: stop once the answer in hand is kept
        # keeps the answer in hand, by item id, until it is saved (`_Pending`)
        self.keep: Callable[[str, Answer], None] | None = None
        self.item_id = ""  # the item asked
        self.given: list[KeptWords] = []  # kept words the writer gave the item asked (`_offered`)
        self.claims: list[Draft] = []  # their files, held while this check has them (`_claim`)
        self.lost: PeerJournalError | None = None  # words that could not be kept (`_keep_words`)
        self._guided = guided
        guided.forgiving_stdin()  # a stray non-UTF-8 byte is a �, never the end
        # readline, as `write` reads: no cut at 4,095 characters, arrow keys that work
        self.reader = guided.LineReader.for_stdin()

    def __enter__(self) -> _Questions:
        return self

    def __exit__(self, *_: object) -> None:
        self._let_go()
        self.reader.close()

    def __call__(self, item: Item, position: int, total: int) -> Answer | None:
        from peerjournal.render.supervision import item_prompt, section_header
        from peerjournal.supervision import Answer

        if self.ended:
            return None
        if item.section not in self.shown:
            self.shown.add(item.section)
            self.app_ctx.err.print(section_header(self.form.section(item.section)))
        self.app_ctx.err.print(item_prompt(item, position, total))
        self.item_id = item.id
        self.given = self._offered(item.id)
        if self.ended:  # q or Ctrl-D at "Use them…?": stops as at 1-5, the words kept
            self._keep_words([kept.words for kept in self.given])
            return None
        answer = self._score([kept.words for kept in self.given])
        if answer is None:
            return None
        score, typed = answer
        note = self._checked_note([typed]) if typed else None
        if self.interrupted:  # Ctrl-C at 1-5 with a score typed: kept, and nothing more asked
            return Answer(score, note or "")
        if note is not None:
            return Answer(score, note)
        self._keep_while_noted(item, score)
        try:
            return Answer(score, self._note())
        finally:
            self.reader.paused = None

    def _offered(self, item_id: str) -> list[KeptWords]:
        """The words kept at this question when a check stopped (`_keep_words`) that the writer
        gives its score as its note: each shown (how it starts, how many words, from when) and
        asked, never added unasked (they may be from another check, weeks ago: QA r47); words
        not given, or longer than a note holds, stay in their file, said where."""
        from peerjournal.plural import counted

        given: list[KeptWords] = []
        for kept in _words_kept(self.app_ctx, item_id):
            if not self._claim(kept):  # (another check has them, or has taken them)
                continue
            on = f" on {kept.when}" if kept.when else ""
            if not _fits_a_note(" ".join([*(g.words for g in given), kept.words])):
                self._reply(f"Words typed here{on} with no score are longer than a note holds: "
                            f"they stay in {kept.path}.")
                continue
            start = kept.words if len(kept.words) <= 60 else kept.words[:60].rsplit(" ", 1)[0]
            self._reply(f"A self-check{on} stopped with words typed here and no score "
                        f"({counted(len(kept.words.split()), 'word')}): \"{start}"
                        f"{'' if start == kept.words else '…'}\"")
            if self._use_them():
                given.append(kept)
            else:
                self._let_go(kept.path)
                self._reply(f"They stay in {kept.path} (delete the file if they are not "
                            "wanted).")
            if self.ended:
                break
        return given

    def _claim(self, kept: KeptWords) -> bool:
        """Hold the file of `kept` (`Draft.take`) before its words are offered, so that a
        check in another terminal neither offers nor takes them too; False when another check
        holds it, or has taken its words since it was read (gone, or changed). A check killed
        while it holds the file leaves it as it was: the lock goes with the process."""
        from peerjournal.drafts import Draft

        claim = Draft(kept.path)
        try:
            if not claim.take():
                return False
        except OSError:  # no lock can be made (a read-only folder): offered as before
            return True
        if _words_in(kept.path) != (kept.item, kept.words, kept.saved):
            claim.release()
            return False
        self.claims.append(claim)
        return True

    def _let_go(self, path: Path | None = None) -> None:
        """Release the kept words' files held (`_claim`), or the one at `path`; with none
        named, the item's words are done with (`given` emptied)."""
        for claim in [c for c in self.claims if path in (None, c.path)]:
            claim.release()
            self.claims.remove(claim)
        if path is None:
            self.given = []

    def _use_them(self) -> bool:
        """The reply to "Use them as this score's note?", read as every [y/N] question is
        (`confirm_reply`: "yep" is a yes; a try at an answer, "4", "ok", is asked again); q
        or end of input is a no that stops the check (`ended`), as at 1-5."""
        from peerjournal.replies import ask_yes_no

        answer = ask_yes_no(lambda: self._line("   Use them as this score's note? [y/N] "),
                            self._reply)
        self.ended = self.ended or answer is None
        return answer is True

    def _keep_while_noted(self, item: Item, score: int) -> None:
        """Keep the score given (`keep`) before its note is asked, and the words of the note
        whenever the writer pauses on its line (as `write` keeps a line half typed)."""
        from peerjournal.errors import PeerJournalError
        from peerjournal.supervision import Answer, check_note

        keep = self.keep
        if keep is None:
            return
        keep(item.id, Answer(score, ""))

        def paused() -> None:
            import readline

            typed = self._guided.clean_line(self._guided._line_buffer(readline))
            with contextlib.suppress(PeerJournalError):  # (too long: the score alone is kept)
                keep(item.id, Answer(score, check_note(" ".join(typed.split()))))

        self.reader.paused = paused

    def carry_on(self, summary: str) -> bool:
        """Whether to carry on with an unfinished check (Enter, y or "yeah": yes; n or "nope":
        no; as at every [Y/n] question, `yes_or_no_reply`). End of input,
        or q (stop for now, as at every other prompt), carries on without asking anything, so
        nothing changes."""
        question = (f"Carry on with {summary}? [Y/n] (y carries on; n sets it aside and "
                    "starts afresh; q stops for now) ")
        while True:
            try:
                line = self._line(question)
            except KeyboardInterrupt:
                from peerjournal.errors import ExitCode, PeerJournalError

                raise PeerJournalError(
                    f"Stopped. Nothing changed: {summary} is kept as it was.",
                    ExitCode.INTERRUPTED,
                ) from None
            if line is None:
                return True
            if line.strip().lower() in STOP_WORDS:
                self.ended = True  # nothing more is asked: the answers stay as they are
                return True
            reply = yes_or_no_reply(line)  # (as every [Y/n] question: "yeah", "nope")
            if isinstance(reply, bool):
                return reply
            self.app_ctx.say("Please answer y (carry on), n (start afresh) or q (stop for now).")

    def try_again(self, problem: str) -> bool:
        """Whether to try saving the answer just given again, after `problem` (Enter: yes;
        q or end of input: no). After Ctrl-C (or SIGTERM) nothing more is asked: no, and the
        error that follows says what was not saved."""
        if self.interrupted:
            return False
        self._reply(f"{problem} Your answer is not saved yet.")
        line = self._line("   Enter tries again; q stops for now: ")
        return line is not None and line.strip().lower() not in STOP_WORDS

    def _score(self, words: list[str]) -> tuple[int, str] | None:
        """The score typed at 1-5, with the words typed with it ("4 because Kerry asked") or
        before it, with no score (`words`: "they asked me to", or pasted, or kept when a
        check stopped), to keep as its note: a word typed is never dropped. None to stop for
        now (the words typed then are kept for the next check: `_keep_words`)."""
        from peerjournal.supervision import bare_score, tried_a_score, typed_score

        words = list(words)
        while True:
            lines: list[str] = []
            try:
                line = self._line("   1-5: ")
                if line is None or line.strip().lower() in STOP_WORDS:
                    self._keep_words(words)
                    return None
                lines.append(line)
                if bare_score(line) is None:  # lone scores pasted ("3", "4") are answers each
                    self._pasted(lines)  # a paste read whole
            except KeyboardInterrupt:
                return self._score_at_interrupt(words, lines)
            typed = " ".join(" ".join(lines).split())
            answer = typed_score(typed)
            if answer is not None:
                score, after = answer
                note = " ".join(w for w in (*words, after) if w)
                if note and not _fits_a_note(note):  # (`_checked_note` says why)
                    self._reply(f"Kept {score}.")
                elif note:
                    self._reply(f"Kept {score}, with {self._whose(words, typed, after)} as its "
                                "note.")
                elif bare_score(typed) is None:  # "about 3", "3/5", "four-ish": what it took
                    self._reply(f"Kept {score}.")
                return score, note
            # words with no score are kept for the score that follows ("5 people came",
            # "5-minute"); not an answer that gave none ("four or five", "3.5"), which the
            # next one replaces
            if _has_words(typed) and not tried_a_score(typed):
                too_long = _too_long(" ".join([*words, typed]))
                if too_long:  # refused now, not dropped once a score comes (QA r47)
                    self._reply(f"{too_long} These words are not kept: type or paste a shorter "
                                "note with the score, or q to stop for now.")
                    continue
                words.append(typed)
                self._reply("A whole number from 1 to 5, please (or q to stop for now): the "
                            "words are kept as its note once it has one.")
            else:
                self._reply("A whole number from 1 to 5, please (or q to stop for now).")

    def _whose(self, words: list[str], typed: str, after: str) -> str:
        """Which words make the note of a score: kept from an earlier check (`given`), typed
        on lines before the score's, and typed on its line (before it too: "idk, 3")."""
        parts = []
        if self.given:
            parts.append(f"the words kept from {self.given[0].when or 'an earlier check'}")
        if len(words) > len(self.given):
            parts.append("the words typed before it")
        if after:
            first = after.split()[0].lower()
            parts.append("the words typed with it" if typed.lower().startswith(first)
                         else "the words after it")
        return " and ".join(parts)

    def _score_at_interrupt(self, words: list[str], lines: list[str]) -> tuple[int, str] | None:
        """After Ctrl-C at 1-5 (or SIGTERM, a closed terminal): the score typed on the line it
        cut ("3 because the depot thing", "4 lol", or "3" not yet entered), with the words
        typed before it and after it as its note, kept as at the note prompt; the check then
        stops (`interrupted`). Words with no score ("5 people came", "3.5 felt ok": what Enter
        would have kept for the note) are kept for the next check (`_keep_words`); a score
        only tried ("3.5", "8/10") is not, as Enter asks again for it."""
        from peerjournal.supervision import tried_a_score, typed_score

        self.interrupted = self.ended = True
        cut = self._guided.clean_line(self.reader.take_interrupted())
        typed = " ".join(" ".join([*lines, cut]).split())
        answer = typed_score(typed)  # as Enter would have read it
        if answer is None:
            if _has_words(typed) and not tried_a_score(typed):
                words = [*words, typed]
            elif any(c.isdigit() for c in typed):
                self._reply(NO_SCORE)
            elif typed:
                self._reply(NOT_KEPT)
            self._keep_words(words)
            return None
        score, after = answer
        note = " ".join(w for w in (*words, after) if w)
        self._reply(f"Kept {score}, with the words typed at 1-5 as its note." if note
                    else f"Kept {score}.")
        return score, note

    def _keep_words(self, words: list[str]) -> None:
        """Words typed at 1-5 with no score, as the check stops (q, Ctrl-D, Ctrl-C): kept in a
        file in the self-check folder, as `write` keeps a draft, which the next check offers at
        this question as its score's note (an answer is a score: the journal cannot hold them
        before); said where, or truly why they could not be kept."""
        import json

        if len(words) == len(self.given):  # nothing typed here this time: their files stay
            for given in self.given:
                self._reply(f"The words kept from {given.when or 'an earlier check'} stay in "
                            f"{given.path}.")
            self._let_go()
            return
        kept = json.dumps({"item": self.item_id, "words": " ".join(words)}, ensure_ascii=False)
        try:
            path = _write_kept(self.app_ctx, kept + "\n", None, "words-").path
        except OSError as exc:
            self.lost = self._words_printed(" ".join(words), str(exc.strerror or exc))
            return
        self._drop_given()  # (the new file holds them too)
        check = self.app_ctx.command_hint("supervision check")
        self._reply(f"No score came with the words typed at 1-5: they are kept in {path}, and "
                    f"{check} offers them as this question's note (it asks first).")

    def _words_printed(self, words: str, why: str) -> PeerJournalError:
        """When the words file cannot be written: the words printed on stdout, as `write`
        prints an entry whose draft cannot be written (`drafts.text_printed`), and the error
        the check ends with (not exit 0: QA r47)."""
        from peerjournal.drafts import text_printed
        from peerjournal.errors import ExitCode, PeerJournalError

        code = ExitCode.INTERRUPTED if self.interrupted else ExitCode.USER_ERROR
        failed = PeerJournalError("No score came with the words typed at 1-5.", code)
        check = self.app_ctx.command_hint("supervision check")
        return text_printed(failed, words, _unsaved_folder(self.app_ctx), why,
                            "text typed at 1-5", f"paste it with the score at {check}",
                            "words file")

    def _drop_given(self) -> None:
        """The kept words given to the item asked are held elsewhere now: their files go."""
        for kept in self.given:
            with contextlib.suppress(OSError):
                kept.path.unlink(missing_ok=True)
        self._let_go()

    def words_taken(self, answers: Answers) -> None:
        """Once the journal holds `answers`: the kept words given to the item asked go with
        their files when its note holds them whole; else (a note too long, refused) they stay,
        said where."""
        answer = answers.get(self.item_id)
        note = " ".join(answer.note.split()) if answer is not None else ""
        for kept in self.given:
            if " ".join(kept.words.split()) in note:
                self._forget_file(kept)
            else:
                self._reply(f"The words kept from {kept.when or 'an earlier check'} are not in "
                            f"its note: they stay in {kept.path}.")
        self._let_go()

    def _forget_file(self, kept: KeptWords) -> None:
        """Remove the file of kept words the journal now holds in a note; when it cannot be,
        mark it so that no check offers them again (`KeptWords.saved`), and say so (QA r47:
        a second y put them in two self-checks)."""
        import json

        try:
            kept.path.unlink(missing_ok=True)
            return
        except OSError as exc:
            why = str(exc.strerror or exc)
        when = f"{self.app_ctx.now():%Y-%m-%d %H:%M}"
        marked = {"item": kept.item, "words": kept.words, "saved": when}
        try:  # in place: a folder that refuses a removal refuses a new file as well
            kept.path.write_text(json.dumps(marked, ensure_ascii=False) + "\n", encoding="utf-8")
            again = "it is not offered again"
        except OSError:
            again = "until then the next check offers them again: answer n"
        self._reply(f"The words kept from {kept.when or 'an earlier check'} are saved in this "
                    f"check's note, but {kept.path} could not be removed ({why}): delete it "
                    f"yourself ({again}).")

    def _note(self) -> str:
        """The note to the score just given ("" for none)."""
        while True:
            typed = self._typed_note()
            if typed is None:
                return ""
            if len(typed) == 1 and typed[0].strip().lower() in STOP_WORDS:  # as at 1-5
                self.ended = True  # the score is kept, without a note; nothing more is asked
                return ""
            note = self._checked_note(typed)
            if note is not None or self.interrupted:
                return note or ""

    def _typed_note(self) -> list[str] | None:
        """The lines of a note as typed (a paste is several); None at the end of input.
        Ctrl-C keeps those read and the words on the line it ended, and stops the check."""
        typed: list[str] = []
        try:
            line = self._line("   note (Enter to skip): ")
            if line is None:
                return None
            typed.append(line)
            return self._pasted(typed)
        except KeyboardInterrupt:
            self.interrupted = self.ended = True
            cut = self._guided.clean_line(self.reader.take_interrupted())
            return [*typed, cut] if cut else typed

    def _checked_note(self, typed: list[str]) -> str | None:
        """The note as stored, or None if it cannot be (said why: too long)."""
        from peerjournal.errors import PeerJournalError
        from peerjournal.supervision import check_note

        try:
            return check_note(" ".join(" ".join(typed).split()))
        except PeerJournalError as exc:
            again = "." if self.interrupted else ": type or paste a shorter one (Enter for none)."
            self._reply(f"{exc.message[0].upper()}{exc.message[1:]} It was not kept{again}")
            return None

    def _pasted(self, lines: list[str]) -> list[str]:
        """The rest of a paste: the lines already waiting behind the one just read, added to
        `lines` as each is read (Ctrl-C among them keeps those before it)."""
        while not self.ended and self._guided.more_input_waiting():
            line = self._line("")
            if line is not None:
                lines.append(line)
        return lines

    def _reply(self, message: str) -> None:
        """A reply to the line just typed, under its prompt: indented as the prompt, the
        lines it wraps on to too (on a terminal, `on_screen` wraps it there)."""
        message = f"{REPLY_INDENT}{message}"
        if self.app_ctx.err.is_terminal:
            import shutil
            import textwrap

            message = textwrap.fill(
                message, shutil.get_terminal_size().columns, subsequent_indent=REPLY_INDENT,
                break_long_words=False, break_on_hyphens=False,
            )
        self.app_ctx.say(message)

    def _end_the_line(self) -> None:
        """After Ctrl-C or Ctrl-D what follows starts on a line of its own; a terminal that
        has gone (SIGHUP) takes nothing, and the answer in hand is kept all the same."""
        with contextlib.suppress(OSError, ValueError):
            self.app_ctx.err.print()

    def _show(self, prompt: str) -> None:
        self.app_ctx.err.print(prompt, end="")
        self.app_ctx.err.file.flush()

    def _line(self, prompt: str) -> str | None:
        """One line typed at `prompt`; None at end of input (Ctrl-D), which also ends the
        check once the answer in hand is kept."""
        try:
            line = self.reader.read(prompt, self._show)
        except KeyboardInterrupt:
            self._end_the_line()
            raise
        except EOFError:
            self._end_the_line()
            self.ended = True
            return None
        except UnicodeDecodeError:  # a strict stdin that could not be made forgiving
            self._reply("That line was not UTF-8 text; please type it again.")
            return self._line(prompt)
        return self._guided.clean_line(line)


def _has_words(text: str) -> bool:
    """Whether `text` holds a word (a letter) or a face: what a note keeps (a numeral alone,
    "²" or "Ⅲ", only tried a score, as "6" did)."""
    from peerjournal.supervision import is_face

    return any(c.isalpha() for c in text) or any(is_face(w) for w in text.split())


def _fits_a_note(text: str) -> bool:
    """Whether `text` can be kept as a note (`check_note`: not too long)."""
    return not _too_long(text)


def _too_long(text: str) -> str:
    """Why `text` cannot be kept as a note ("The note is 2,150 characters; …"), "" if it can."""
    from peerjournal.errors import PeerJournalError
    from peerjournal.supervision import check_note

    try:
        check_note(text)
    except PeerJournalError as exc:
        return f"{exc.message[0].upper()}{exc.message[1:]}"
    return ""


def _show_check(
    app_ctx: AppContext, store: Store, form: Form, check_id: int | None, json_out: bool
) -> None:
    """The check as stored: JSON whether finished or not; on the terminal, the answers once
    it is finished (a stopped one was already told how many are kept)."""
    from peerjournal.db.supervision import self_check, self_checks, unfinished_checks
    from peerjournal.supervision import check_to_json, movements

    result = self_check(store, check_id) if check_id is not None else None
    moved: list[Movement] = []
    if result is not None and result.complete:
        earlier = [c for c in self_checks(store) if c.complete and c.id != result.id]
        moved = movements(earlier[-1], result, form.items) if earlier else []
    if json_out:  # (its answers are saved: a retry would record them twice)
        data = check_to_json(result, form, moved)
        if result is None:
            app_ctx.print_json(data)
        else:
            finished = "saved" if result.complete else "kept to finish later"
            app_ctx.print_json_done(f"Self-check {result.id} is {finished}", data)
        return
    if result is None or not result.complete:
        return
    from peerjournal.render.supervision import check_summary

    app_ctx.out.print(check_summary(result, form, moved))
    app_ctx.say("Saved. `peerjournal supervision history` shows how answers move over time.")
    if others := unfinished_checks(store):  # (from a restored backup): said, not a surprise
        app_ctx.say(_kept_for_later(others, form, "next"))


def _starts(window: Window) -> tuple[date, str, datetime | None]:
    """Where a prep's period starts: its first day, how it was chosen and the moment of the
    supervision (of that day) it counts from (two on one day may differ only there)."""
    from peerjournal.supervision import supervision_moment

    record = window.supervision
    return window.since, window.basis, supervision_moment(record) if record else None


# -- prep helpers --------------------------------------------------------------------------


def _trend(
    app_ctx: AppContext,
    store: Store,
    window: Window,
    entries: list[EntryFacts],
    labels: dict[str, str],
) -> TrendBrief:
    """The weekly drift report over the prep window, against the period before it.

    The supervision's day is split at the supervision: what was written after it counts
    with the period since (`Window.holds`), what was written earlier that day with the
    period before, so every entry is in one of the two. The days counted are those after
    the supervision's day, and the period before ends with that day (`_counted`): from a
    supervision on 31 Aug, September against August, as `export` compares them.

    A period with no entry is compared with nothing: the report's "No entries on <days>,
    after …" counts whole days, where this period starts at the supervision's moment, so
    prep asks about the quiet spell itself (`quiet_alert`)."""
    from dataclasses import replace

    from peerjournal.db.stats import report_rows
    from peerjournal.supervision import quiet_alert, trend_brief
    from peerjournal.trends import build_report, previous_window

    counted = _counted(window)
    before, _ = previous_window(counted.since, counted.until)
    kept = {e.id for e in entries}
    read = report_rows(store, before, window.until)
    # the supervision's day: after it, on the period's first day; earlier, on the day before
    day = {True: counted.since, False: counted.since - timedelta(days=1)}
    rows = [replace(r, date=day[r.id in kept]) if r.date == window.since else r for r in read]
    quiet = None
    if not entries:  # all read is from before the period (or its first day, before supervision)
        quiet, rows = quiet_alert(window, wrote_before=bool(read)), []
    report = build_report(
        rows,
        since=counted.since,
        until=counted.until,
        by="week",
        today=app_ctx.today(),
        labels=labels,
    )
    brief = trend_brief(entries, report, quiet, counted)
    return _before_named(brief, report, window)


def _counted(window: Window) -> Window:
    """`window` as its report counts it: from the day after the supervision's (the entries
    of that day written after it are counted on that day, see `_trend`), unless that is
    after today."""
    from dataclasses import replace

    record = window.supervision
    if window.basis != "supervision" or record is None or window.since >= window.until:
        return window
    return replace(window, since=window.since + timedelta(days=1))


def _before_named(brief: TrendBrief, report: dict[str, Any], window: Window) -> TrendBrief:
    """`brief` with its alerts' period before ("than from 1 Aug to 31 Aug 2026") said as
    prep counts it: to the supervision ("than from 1 Aug 2026 to that supervision")."""
    from dataclasses import replace

    from peerjournal.supervision import dates_phrase

    record, previous = window.supervision, report.get("previous") or {}
    if window.basis != "supervision" or record is None or not previous.get("until"):
        return brief
    start = date.fromisoformat(previous["since"])
    said = dates_phrase((start, date.fromisoformat(previous["until"])))
    to_it = f"from {spoken(start)} to that supervision"
    return replace(brief, alerts=tuple(a.replace(said, to_it) for a in brief.alerts))


def _next_prep(store: Store, window: Window) -> Window:
    """The period prep covers, from `prep_window`'s: before the first supervision, the whole
    journal (basis "since", as if chosen) when it began at most 4 weeks before the
    last 4 weeks (`prep_window`'s default) start: a journal begun five weeks ago is brought
    whole, not without its first week (prep says so on stderr, `undo` names it). A longer
    journal keeps the last 4 weeks (a year's entries are not one supervision's)."""
    from dataclasses import replace

    from peerjournal.db.stats import date_range

    if window.basis != "default":
        return window
    found = date_range(store, today=window.until)
    first = found.first if found else None
    if first is None or not window.since - timedelta(weeks=RECENT_WEEKS) <= first < window.since:
        return window
    return replace(window, since=first, basis="since")


# a word that points back to what was written before it ("I want to be that.")
_POINTS_BACK = r"(?i)\b(?:that|this|it|them|those|these)\b"


def _quoted_plans(plans: Sequence[Intention]) -> tuple[Intention, ...]:
    """The plans prep quotes (which ones: `supervision.follow_intentions`), each in words that
    say what it means: one whose meaning rests on the sentence before it ("I want to be
    that.") with that sentence when there is one, else as written: a plan is never left out
    for its words (QA: "I need to do this more." went missing)."""
    from dataclasses import replace

    quoted = []
    for plan in plans:
        before = _sentence_before(plan) if _points_back(plan.text) else None
        if before is not None:
            plan = replace(plan, text=f"{before} {plan.text}")
        quoted.append(plan)
    return tuple(quoted)


def _points_back(plan: str) -> bool:
    """Whether `plan` says what it means only with the sentence before it: it points back
    ("that", "it") and has at most one word of its own ("keep doing that")."""
    import re

    from peerjournal.supervision import content_stems

    return bool(re.search(_POINTS_BACK, plan)) and len(content_stems(plan)) <= 1


def _sentence_before(plan: Intention) -> str | None:
    """The sentence just before `plan` where its entry wrote it, if any."""
    from peerjournal.intentions import sentences

    texts = [plan.entry.evaluation, *(a for _, a in plan.entry.answers_to("evaluation"))]
    for text in texts:
        said = sentences(text)
        for n, sentence in enumerate(said):
            if n and " ".join(sentence.split()) == " ".join(plan.text.split()):
                return said[n - 1]
    return None
