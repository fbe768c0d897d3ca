"""peerjournal drift: the evidence behind an entry's score, ad-hoc scoring, rescoring."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from peerjournal.cli.options import Json
from peerjournal.cli.options import entry_id as parse_entry_id
from peerjournal.context import AppContext
from peerjournal.launcher import print_whole_of, stdout_whole

if TYPE_CHECKING:
    from peerjournal.db.store import Store
    from peerjournal.drift import Lexicon
    from peerjournal.drift.score import DriftScore
    from peerjournal.entry import Entry


def register(app: typer.Typer) -> None:
    @app.command(short_help="Explain an entry's drift score.")
    def drift(
        ctx: typer.Context,
        entry_id: int = typer.Argument(
            None, metavar="[ID]", parser=_entry_id, help="The entry to explain."
        ),
        text: str = typer.Option(
            None, "--text", metavar="TEXT",
            help="Score this text (peerjournal saves nothing; your shell's history keeps "
            "what is typed here: --stdin does not).",
        ),
        stdin: bool = typer.Option(
            False, "--stdin", help="Score text read from stdin (nothing is saved)."
        ),
        rescore: bool = typer.Option(
            False,
            "--rescore",
            help="Re-score the entries scored with another lexicon or an older peerjournal.",
        ),
        lexicon_path: str = typer.Option(
            None, "--lexicon", metavar="PATH", help="Use this lexicon (TOML)."
        ),
        json_out: Json = False,
    ) -> None:
        """Explain the drift score of an entry, or of any text: how much the words lean to
        your peer identity or drift toward a clinical role, with the phrases behind every
        number. --rescore updates every entry's score after the lexicon changes.

        \b
        Examples:
          peerjournal drift 14
          peerjournal drift --text "I shared my story."

        With --json, each hit's start and end count characters (not bytes) into the text
        scored: for --text and --stdin, the text as given, less a byte order mark at its
        start; for an entry ID, its experience, feelings, evaluation and answers to the prompt
        set's questions (as `show ID --json` gives them), in that order, the empty ones left
        out, joined by a blank line ("\\n\\n").
        """
        from peerjournal.errors import ExitCode, PeerJournalError

        app_ctx = AppContext.from_ctx(ctx)
        if lexicon_path is not None:
            app_ctx.lexicon_option = lexicon_path
        sources = [
            n
            for n, on in (
                ("ID", entry_id is not None),
                ("--text", text is not None),
                ("--stdin", stdin),
                ("--rescore", rescore),
            )
            if on
        ]
        if len(sources) != 1:
            given = f" (got {' and '.join(sources)})" if sources else ""
            raise PeerJournalError(
                f"Give one of: an entry ID, --text TEXT, --stdin or --rescore{given}.",
                ExitCode.USAGE,
            )
        if rescore:
            lexicon = app_ctx.lexicon()  # a broken file says so before advice to configure it
            app_ctx.refuse_a_trial_lexicon("drift --rescore")
            _rescore(app_ctx, lexicon, json_out)
            return
        from peerjournal.drift import reflective_questions, score_text

        lexicon = app_ctx.lexicon()
        entry = None
        if entry_id is not None:
            from peerjournal.cli.trash import live_entry
            from peerjournal.entry import scored_text

            entry = live_entry(app_ctx.store(), entry_id)
            body = scored_text(entry.experience, entry.feelings, entry.evaluation, entry.answers)
        else:
            given, cleaned = _ad_hoc_text(app_ctx, text, stdin)
            # JSON spans index the text exactly as given; the view shows it trimmed.
            body = given if json_out else cleaned
        score = score_text(body, lexicon)
        if json_out:
            scored = score.to_dict()
            if entry is not None and (stored := _stored_otherwise(app_ctx, entry, score)):
                scored["stored"] = {"verdict": stored}  # (what the note says, in the text view)
            stdout_whole(lambda: app_ctx.print_json(scored))  # (a late SIGTERM: exit 0)
            return
        from peerjournal.render.charts import unicode_ok
        from peerjournal.render.drift import entry_parts, explanation

        ascii_only = not unicode_ok(app_ctx.out.encoding)
        questions = reflective_questions(score, lexicon)
        view = explanation(
            _title(entry, ascii_only), body, score, lexicon, questions, ascii_only=ascii_only,
            labels=entry_parts(entry) if entry is not None else (),
        )
        print_whole_of(app_ctx.out, lambda: app_ctx.out.print(view))
        if entry is not None:
            _stored_score_note(app_ctx, entry, score)


def _stored_otherwise(app_ctx: AppContext, entry: Entry, score: DriftScore) -> str | None:
    """The verdict the journal holds for `entry`, which `list`, `report` and `prep` show, when
    it is another score than `score`: another verdict, or the same from another lexicon or
    scoring code, whose figures (identity, drift, balance) differ; else None."""
    from peerjournal.drift.lexicon import scorer_version

    stored = entry.drift_verdict
    if not stored:
        return None
    other = app_ctx.store().scored_otherwise(entry.id, score.lexicon_version, scorer_version())
    return stored if stored != score.verdict or other else None


def _stored_score_note(app_ctx: AppContext, entry: Entry, score: DriftScore) -> None:
    """A word when the journal holds another score for `entry` than `score`, the one explained
    above (`_stored_otherwise`): the same verdict is said as the stored score's figures, the
    same or other ("another score … with the same figures" read as a contradiction)."""
    from peerjournal.cli.stale import configure_hint, note_command
    from peerjournal.render.verdicts import named_of_summary, verdict_words

    stored = _stored_otherwise(app_ctx, entry, score)
    if not stored:
        return
    words = verdict_words(stored, named_of_summary(stored, entry.drift_summary))
    lexicon_file = app_ctx.lexicon_path()
    if lexicon_file and not app_ctx.is_the_journals_lexicon():  # only a look through it
        held = "from the lexicon it was scored with"
        if stored != score.verdict:
            held = f"The journal holds another score for this entry ({words}), {held}"
        elif _same_figures(app_ctx, entry, score):
            held = f"The journal's stored score for this entry, {held}, has the same verdict " \
                   f"and figures ({words})"
        else:
            held = f"The journal's stored score for this entry, {held}, has the same verdict " \
                   f"({words}) with other figures"
        app_ctx.say(
            f"{held}; `list`, `report` and `supervision prep` show that one. To score the "
            f"journal with this --lexicon, {configure_hint(app_ctx, lexicon_file)}."
        )
        return
    if stored == score.verdict:
        figures = "the same" if _same_figures(app_ctx, entry, score) else "other"
        words = f"also {words}, with {figures} figures"
    app_ctx.say(
        f"The journal still holds an earlier score for this entry ({words}), from another "
        "lexicon or version of peerjournal, which `list`, `report` and `supervision prep` "
        f"show: {note_command(app_ctx, 'drift --rescore')} brings it up to date."
    )


def _same_figures(app: AppContext, entry: Entry, score: DriftScore) -> bool:
    """Whether the figures the journal holds for `entry` (identity, drift, balance and the
    words scored, as `list --json` gives them) are `score`'s: another lexicon (a copy renamed)
    or version of peerjournal may score a text alike."""
    from peerjournal.cli.browse import stored_numbers
    from peerjournal.errors import PeerJournalError

    try:
        rows = app.store().stored_rates([entry.id])
    except PeerJournalError:  # (a damaged journal: not the same, for all one can tell)
        return False
    if not rows:
        return False
    stored, made = stored_numbers(*rows[0][1:]), score.figures()
    return all(stored[f"{key}_per_100_words"] == made[key] for key in ("identity", "drift")) and (
        stored["words"] == made["words"])


def _entry_id(value: str) -> int:
    """An entry ID (`options.entry_id`). Words in its place are most likely text to score
    (`drift "I told him…"`): the error points to --text (`options.numbered` does not repeat
    more than a word of them, as they may name someone)."""
    try:
        return parse_entry_id(value)
    except typer.BadParameter as exc:
        if not any(c.isalpha() for c in value):  # a number mistyped ("0", "1.5")
            raise
        hint = "; to score text, give it with --text TEXT or pipe it in with --stdin."
        raise typer.BadParameter(exc.message.rstrip(".") + hint) from None


def _ad_hoc_text(app: AppContext, text: str | None, stdin: bool) -> tuple[str, str]:
    """The text of --text or --stdin, as given and cleaned; an error if there is nothing."""
    from peerjournal.entry import MAX_TEXT_CHARS, clean_text
    from peerjournal.errors import PeerJournalError

    if stdin:
        import sys

        from peerjournal.cli.editor import decode_or_1252, read_by_mark
        from peerjournal.textsafe import read_as_1252

        source = "Standard input"  # (as `write --stdin` says it)
        if app.stdin_is_terminal():  # nothing piped: without a word it would just wait
            app.say("Type or paste the text to score, then press Ctrl-D on a new line.")
        most = 4 * MAX_TEXT_CHARS  # bytes: never read a piped video or disk image whole
        data = sys.stdin.buffer.read(most + 1)
        if len(data) > most:
            raise PeerJournalError(
                f"{source} is over {most:,} bytes; the limit is {MAX_TEXT_CHARS:,} characters."
            )
        # read as `write --stdin` reads it; said for a score, as nothing is saved
        scored = "the text is scored as read, and nothing is saved"
        read_as = read_as_1252("Standard input", scored)
        raw = decode_or_1252(data, source, lambda _entry_note: app.say(read_as),
                             marked=lambda encoding: app.say(read_by_mark(
                                 "Standard input", encoding, scored)))
    else:  # a byte order mark dropped, as --stdin's is: the spans of --json index the same
        from peerjournal.textsafe import from_command_line

        source, (raw, note) = "--text", from_command_line(text or "")
        if note:  # not UTF-8: read from its bytes, as `write -x` reads it
            app.say(note)
        raw = raw.removeprefix("\ufeff")
    body = clean_text(raw)
    if not body:
        raise PeerJournalError(f"Nothing to score: {source.lower()} is empty.")
    return raw, body


def _title(entry: Entry | None, ascii_only: bool = False) -> str:
    """'#12 · Fri 20 Nov 2026 · inpatient': the parts the entry has."""
    if entry is None:
        return "Your text"
    from peerjournal.dates import spoken

    parts = [f"#{entry.id}", spoken(entry.date, weekday=True), entry.setting]
    return (" / " if ascii_only else " · ").join(part for part in parts if part)


def _rescore(app: AppContext, lexicon: Lexicon, json_out: bool) -> None:
    from peerjournal.db.engine import writing_long
    from peerjournal.drift.lexicon import scorer_version
    from peerjournal.errors import PeerJournalError
    from peerjournal.render.progress import progress_bar
    from peerjournal.scoring import score_for_store

    store = app.store()
    pending: list[tuple[int, str]] = []
    stored: list[int] = []  # the entries whose new score is committed, batch by batch
    try:
        pending = store.texts_to_rescore(lexicon.version, scorer_version())
        if pending:
            _starting(app, len(pending), lexicon)
            with progress_bar(len(pending), "Re-scoring", app.err) as advance:
                scores = score_for_store([body for _, body in pending], lexicon, advance)
                # (a write in another terminal that waits for it in vain names it)
                with writing_long(store.path, "drift --rescore"):
                    store.rescore(zip([entry_id for entry_id, _ in pending], scores, strict=True),
                                  lexicon.version, scorer_version(), stored)
    except KeyboardInterrupt:
        raise _interrupted(app, store, lexicon, stored, len(pending)) from None
    except PeerJournalError as exc:  # (a full disk part way: what is stored stays stored)
        if stored:
            exc.message = f"{exc.message.rstrip('.')}. {_kept(app, stored, len(pending))}"
        raise
    if json_out:  # (the rescore is done: a reader gone is said, not a failure)
        from peerjournal.plural import counted

        app.print_json_done(f"Re-scored {counted(len(stored), 'entry')}",
                            {"rescored": len(stored), "lexicon_version": lexicon.version})
    app.say(_rescored_message(store, stored, lexicon))


def _interrupted(
    app: AppContext, store: Store, lexicon: Lexicon, stored: list[int], pending: int
) -> Exception:
    """What a Ctrl-C (SIGTERM, SIGHUP) left of a rescore: nothing, every score, or the batches
    committed before it (`Store.rescore`), and that running it again finishes the rest."""
    from peerjournal.errors import ExitCode, PeerJournalError

    if pending and len(stored) == pending:  # (the signal came during the last COMMIT, or after)
        return PeerJournalError(
            f"Interrupted once the scores were stored. {_rescored_message(store, stored, lexicon)}",
            ExitCode.INTERRUPTED,
        )
    if stored:
        return PeerJournalError(f"Interrupted: {_kept(app, stored, pending)}",
                                ExitCode.INTERRUPTED)
    from peerjournal.cli.stale import note_command

    return PeerJournalError(
        "Interrupted: no entry was re-scored, the journal is as it was. Run "
        f"{note_command(app, 'drift --rescore')} again to bring the scores up to date.",
        ExitCode.INTERRUPTED,
    )


def _kept(app: AppContext, stored: list[int], pending: int) -> str:
    """'3,000 of 20,000 entries were re-scored and are stored: run … again to score the other
    17,000.'"""
    from peerjournal.cli.stale import note_command
    from peerjournal.plural import counted

    left = pending - len(stored)
    return (
        f"{len(stored):,} of {counted(pending, 'entry')} were re-scored and are stored: run "
        f"{note_command(app, 'drift --rescore')} again to score the other {left:,}."
    )


def _starting(app: AppContext, count: int, lexicon: Lexicon) -> None:
    """Before a progress bar that will sit at 0% for seconds (a large journal is scored in
    worker processes, whose first batch arrives after they start and compile the lexicon's
    phrases): what is being done, so the wait does not read as a hang."""
    from peerjournal.drift.score import PARALLEL_FROM
    from peerjournal.plural import counted

    if count >= PARALLEL_FROM and app.err.is_terminal and not app.err.is_dumb_terminal:
        app.say(f"Re-scoring {counted(count, 'entry')} with {_named(lexicon)}: the bar moves "
                "once the first batch is scored, after a few seconds.")


def _named(lexicon: Lexicon) -> str:
    return f"lexicon {lexicon.version} ({lexicon.name})"


def _rescored_message(store: Store, rescored: list[int], lexicon: Lexicon) -> str:
    """What --rescore did, in words true of any journal: empty, one entry, only trash."""
    from peerjournal.db.stats import live_and_trashed
    from peerjournal.plural import counted

    live, trashed = live_and_trashed(store)
    named = _named(lexicon)
    if rescored:
        in_trash = _in_trash(len(trashed.intersection(rescored)), len(rescored))
        return f"Re-scored {counted(len(rescored), 'entry')}{in_trash} with {named}."
    if not live and not trashed:
        return "The journal has no entries yet: there is nothing to score."
    if not live:
        every = f"All {counted(len(trashed), 'entry')} are"
        held = "The journal's one entry is" if len(trashed) == 1 else every
        return f"{held} in the trash, already scored with {named}."
    total = live + len(trashed)
    if total == 1:
        return f"The journal's one entry is already scored with {named}."
    return (
        f"All {counted(total, 'entry')}{_in_trash(len(trashed), total)} are already "
        f"scored with {named}."
    )


def _in_trash(trashed: int, of: int) -> str:
    """' (2 in the trash)': how many of the entries talked about `list` does not show."""
    if not trashed:
        return ""
    if trashed == of:
        return " (in the trash)" if of == 1 else " (all in the trash)"
    return f" ({trashed} in the trash)"
