"""peerjournal write: a guided reflection, the editor, a file, or a quick entry from flags.
peerjournal drafts: the unfinished drafts, and discarding them."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import typer
from typer.core import TyperCommand

from peerjournal.cli.options import (
    DAY_HELP,
    Json,
    draft_number,
    draft_numbers,
    every_draft_number,
    once,
    unquoted_value,
)
from peerjournal.context import AppContext
from peerjournal.errors import ExitCode, NotFoundError, PeerJournalError
from peerjournal.plural import counted

if TYPE_CHECKING:
    from datetime import date, datetime

    from typer._click.core import Context as ClickContext  # (typer <0.29 vendors click)

    from peerjournal.cli.editor import Encoding
    from peerjournal.cli.editor_safety import Naming
    from peerjournal.cli.guided import GuidedSession
    from peerjournal.db.store import Drift
    from peerjournal.drafts import Draft
    from peerjournal.entry import Entry, EntryDraft
    from peerjournal.reflection import ParsedEntry, PromptSet



def register(app: typer.Typer) -> None:
    @app.command(  # extra arguments are allowed, to explain them: see below
        context_settings={"allow_extra_args": True}, short_help="Write a journal entry.",
        cls=_WriteCommand,
    )
    def write(
        ctx: typer.Context,
        # the text options are lists only so that one given twice is caught (see `once`)
        experience_given: list[str] | None = typer.Option(
            None, "--experience", "-x", metavar="TEXT",
            help="What happened (quick entry, no prompts)."
        ),
        feelings_given: list[str] | None = typer.Option(
            None, "--feelings", "-f", metavar="TEXT",
            help="Feelings (quick entry; without -x, text piped in is the experience)."
        ),
        evaluation_given: list[str] | None = typer.Option(
            None, "--evaluation", "-e", metavar="TEXT", help="Evaluation (quick entry)."
        ),
        date: str = typer.Option(
            None, "--date", "-d", metavar="DATE",
            help=f"When it happened ({DAY_HELP}), and at what time if you like: "
            "'yesterday 18:00' (local time). Default: today, now."
        ),
        setting_given: list[str] | None = typer.Option(
            None,
            "--setting",
            "-s",
            metavar="SETTING",
            help="Where: community, inpatient, crisis, emergency department, forensic, housing, "
            "group, phone/text line …",
        ),
        tag: list[str] = typer.Option(
            None, "--tag", "-t", metavar="TAG", help="A tag (repeatable, or comma-separated)."
        ),
        mode: str = typer.Option(
            None,
            "--mode", metavar="MODE",
            help="on-action (after the fact, default) or in-action (what you noticed and "
            "adjusted in the moment).",
        ),
        prompts: str = typer.Option(
            None, "--prompts", "-p", metavar="SET",
            help="Prompt set (see `prompts list`). Default: boud."
        ),
        self_care_given: list[str] | None = typer.Option(
            None, "--self-care", metavar="TEXT", help="A self-care note."
        ),
        share: bool = typer.Option(
            False, "--share",
            help="Let the entry's text go into mentor summaries (see `peerjournal share`)."
        ),
        again: bool = typer.Option(
            False, "--again",
            help="Save it even if an entry made in the last hour holds exactly this text, "
            "of the same date (or of today, when --date names another day): -x, --from-file, "
            "--stdin; such a repeat is not saved twice without it."
        ),
        editor: bool = typer.Option(
            False,
            "--editor",
            help="Write in $VISUAL/$EDITOR on a Markdown template. With --resume: continue "
            "the draft there (a guided one too, e.g. to cut down a part that is too long).",
        ),
        from_file: str = typer.Option(
            None,
            "--from-file",
            metavar="FILE",
            help="Read the Markdown entry format from FILE ('-' for stdin).",
        ),
        stdin: bool = typer.Option(
            False, "--stdin", help="Read the entry from standard input (as --from-file -)."
        ),
        resume: bool = typer.Option(
            False,
            "--resume",
            help="Continue the most recent unfinished draft (--resume 3: draft 3, as "
            "--draft 3). --date, --setting, --tag, --mode, "
            "--self-care and --share given with it replace the draft's values.",
        ),
        draft_number: int = typer.Option(
            None,
            "--draft",
            metavar="N",
            parser=draft_number,
            help="Continue draft N of `peerjournal drafts` instead (implies --resume).",
        ),
        json_out: Json = False,
    ) -> None:
        """Write a journal entry. With no options, it asks the questions of a prompt set one
        by one; -x saves a quick entry in one line. Prints the new entry's ID on stdout.

        \b
        Example:
          peerjournal write -x "A calm shift." -s ward
        """
        from peerjournal.errors import PeerJournalError
        from peerjournal.textsafe import all_from_command_line as typed

        app_ctx = AppContext.from_ctx(ctx)
        if json_out:  # an entry nothing could keep is printed as JSON too
            from peerjournal.drafts import PRINTED_AS_JSON

            PRINTED_AS_JSON.set(True)
            ctx.call_on_close(lambda: PRINTED_AS_JSON.set(False))  # (tests run commands in turn)
        notes: list[str] = []  # (text not UTF-8: read as Windows-1252, or kept with a �)
        stray, numbered = _number_after_resume(ctx, resume, draft_number)
        line = _CommandLine(
            stray=stray, unquoted=unquoted_value(ctx) if stray else None,
            experience=typed(experience_given, notes),
            feelings=typed(feelings_given, notes), evaluation=typed(evaluation_given, notes),
            date=date, setting=typed(setting_given, notes), tags=typed(tag, notes), mode=mode,
            prompts=prompts, self_care=typed(self_care_given, notes), share=share, editor=editor,
            from_file=from_file, stdin=stdin, resume=resume, draft_number=numbered,
            again=again,
        )
        # Text typed or piped in exists nowhere else: when a check below fails, it is kept as
        # a draft with the options that are usable (`_keeping_given`). Piped text is read only
        # then; an option checked here never waits for stdin. -x and --from-file FILE never
        # read it (`while read l; do peerjournal write -x "$l"; done < list` leaves the loop
        # its lines). Text piped in that an editor would take as its keystrokes (--editor;
        # --resume of a draft for the editor: `_continue_draft`) is kept and refused.
        for note in notes:
            app_ctx.say(note)
        given, bad = _usable_options(app_ctx, line)
        piped = _reads_stdin(app_ctx, line)
        try:
            plan = _plan(app_ctx, line, given, bad, piped)
        except PeerJournalError as exc:
            if line.resuming and bad is not None and exc is bad[1]:
                exc.message = f"{exc.message.rstrip()} Your drafts are as they were."
            raise _keeping_given(app_ctx, exc, line, given, bad, piped) from None
        # (a guided draft resumed reads its answers from stdin: `echo y | write --resume`)
        unused = _unused_stdin(app_ctx) if line.editor and not line.resuming else None
        if unused is not None:
            refused = _unused_refused(line)
            raise _keeping_given(app_ctx, refused, line, given, bad, piped, unused)
        _write_and_save(app_ctx, plan, json_out)

    @app.command(short_help="List unfinished drafts.")
    def drafts(
        ctx: typer.Context,
        discard: list[int] = typer.Option(
            None, "--discard", metavar="N", parser=_discard_numbers,
            callback=_every_discard_number,
            help="Discard draft N, or several: 1,2 or a range 1-3, which takes the drafts in "
            "it (repeatable; asks first), with any recovery file an editor left beside it."
        ),
        discard_empty: bool = typer.Option(
            False, "--discard-empty", help="Discard the drafts that hold no text."
        ),
        yes: bool = typer.Option(False, "--yes", "-y", help="Don't ask for confirmation."),
        json_out: Json = False,
    ) -> None:
        """List unfinished drafts (by number, with their age and first words), or discard
        some. A draft keeps its number until it is saved or discarded. `write --resume
        --draft N` continues draft N; `edit ID` continues an edit."""
        from peerjournal.drafts import by_number, everything

        app_ctx = AppContext.from_ctx(ctx)
        _refuse_a_file_as_home(app_ctx)
        found = everything(_drafts_dir(app_ctx))
        if discard or discard_empty:
            wanted = discard or []  # (lowest first, each once: `every_draft_number`)
            chosen = [d for n in wanted if (d := by_number(found, n)) is not None]
            wrong = [n for n in wanted if by_number(found, n) is None]
            # a number given alone is meant: none has it, nothing goes; a range takes the
            # drafts in it (numbers have gaps: a discarded draft's is free), none is refused
            meant = [n for n in wrong if not isinstance(n, _InRange)]
            if meant:
                raise _no_draft(app_ctx, meant[0], found)
            if wanted and not chosen:
                raise _no_draft(app_ctx, f"in {wanted[0]}-{wanted[-1]}", found)
            if discard_empty:  # (one open in another terminal is being written: left alone)
                chosen += [d for d in found
                           if d.kind != "edit" and not d.keeps_words() and not d.in_use()]
            chosen = list({d.path: d for d in chosen}.values())
            if not chosen:
                app_ctx.say("No draft to discard.")
                if json_out:
                    app_ctx.print_json([])
                return
            from peerjournal.cli.drafts_list import ask_discard, discarded, refuse_open

            refuse_open(found, chosen)
            asking = not yes and any(d.keeps_words() for d in chosen)
            if asking and not ask_discard(app_ctx, found, chosen):
                app_ctx.say(f"Nothing discarded.{app_ctx.without_terminal('discard')}")
                raise typer.Exit(1)
            # --json: the drafts discarded, as `drafts --json` listed them
            gone = [_draft_row(app_ctx, d) for d in chosen]
            done = discarded(found, chosen)  # (named by their words before they go)
            for d in chosen:
                d.discard()
            app_ctx.say(done)
            if json_out:
                app_ctx.print_json_done(done.removesuffix("."), gone)
            return
        rows = [_draft_row(app_ctx, d) for d in found]
        if json_out:
            app_ctx.print_json(rows)
            return
        if not rows:
            from peerjournal.cli.drafts_list import no_drafts
            from peerjournal.cli.supervision import UNSAVED_ANSWERS

            app_ctx.say(no_drafts(app_ctx, _drafts_dir(app_ctx) / UNSAVED_ANSWERS))
            _orphaned_recovery(app_ctx)
            _kept_answers(app_ctx)
            return
        import os

        from peerjournal.cli.drafts_list import closing_line, lines
        from peerjournal.render.console import stand_ins

        # on a terminal (or with COLUMNS), each draft on one line: at 80 columns they wrapped
        width = app_ctx.out.width if app_ctx.out.is_terminal or os.environ.get("COLUMNS") else 0
        # the first words as far as the terminal has room for (the list cuts them there)
        shown = [{**row, "first_words": d.first_words(max(width, 50))}
                 for row, d in zip(rows, found, strict=True)]
        # (a Latin-1 or ASCII locale: "~" for the "…" that cuts them, as tables show it); in
        # one write, as tables are printed: `drafts | head -1` ends alike every time
        typer.echo("\n".join(stand_ins(line, app_ctx.out.encoding)
                             for line in lines(shown, width)))
        for row, draft in zip(rows, found, strict=True):
            if row["original"] is not None:  # (`NotUtf8`: piped in, not UTF-8)
                app_ctx.say(
                    f"Draft {row['number']} came in as text that is not UTF-8; as it came in, "
                    f"it is in {row['original']}."
                )
            if row["recovery"]:  # (an editor stopped on it: a closed terminal)
                app_ctx.say(f"Draft {draft.number}: "
                            f"{_recovery_note(app_ctx, draft.number or 0, draft)}")
        app_ctx.say(closing_line(app_ctx, found))  # (of the drafts: before what is no draft)
        _orphaned_recovery(app_ctx)
        _kept_answers(app_ctx)


class _InRange(int):
    """A draft number `drafts --discard` took from a range (`1-4`), not given alone: one that
    no draft has is passed over (QA r46: `--discard 1-4` over drafts 1, 3 and 4 was refused,
    "There is no draft 2")."""


def _discard_numbers(text: str) -> list[int]:
    """`options.draft_numbers` of one `--discard`, those of a range marked `_InRange`."""
    numbers = draft_numbers(text)  # (read whole first: its errors name the argument)
    alone = {number for part in text.split(",") if part.strip() and "-" not in part.strip()[1:]
             for number in draft_numbers(part)}
    return [n if n in alone else _InRange(n) for n in numbers]


def _every_discard_number(given: list[list[int]] | None) -> list[int]:
    """`options.every_draft_number`, a number given alone as well as in a range unmarked
    (`_InRange`): it is meant."""
    alone = {n for numbers in given or [] for n in numbers if not isinstance(n, _InRange)}
    return [n if n in alone else _InRange(n) for n in every_draft_number(given)]


def _recovery_note(app: AppContext, number: int, draft: Draft) -> str:
    """`editor_safety.recovery_note` for `draft`, number `number` in `drafts`' list."""
    from peerjournal.cli.editor_safety import recovery_note

    is_edit = draft.entry_id is not None
    again = (app.command_hint(f"edit {draft.entry_id}") if is_edit
             else app.resume_hint(f" --draft {number}"))
    forget = app.command_hint(f"drafts --discard {number}")
    return recovery_note(draft, again, forget, "edit" if is_edit else "draft")


def _orphaned_recovery(app: AppContext) -> None:
    """Name the recovery files editors left in the drafts folder whose draft is gone
    (`drafts.orphaned_recovery_files`): words never saved may be in them, and nothing else
    leads to them."""
    from peerjournal.drafts import orphaned_recovery_files

    for path in orphaned_recovery_files(_drafts_dir(app)):
        app.say(
            f"An editor's recovery file is left in the drafts folder with no draft: {path}. It "
            "may hold words never saved (vim's: `vim -r` on it; nano's and emacs's are plain "
            "text); delete it once you no longer need them."
        )


def _kept_answers(app: AppContext) -> None:
    """Name the answers files a self-check kept as the journal could not take them
    (`drafts_list.kept_answers_lines`): no draft, but the writer's words, which nothing else
    lists (QA r44)."""
    from peerjournal.cli.drafts_list import kept_answers_lines
    from peerjournal.cli.supervision import UNSAVED_ANSWERS

    for line in kept_answers_lines(app, _drafts_dir(app) / UNSAVED_ANSWERS):
        app.say(line)


def _refuse_a_file_as_home(app: AppContext) -> None:
    """Refuse a journal's folder that is a file (PEERJOURNAL_HOME set to one), as every
    command that opens the journal does: "There are no unfinished drafts" said they were gone."""
    from peerjournal.db.engine import file_in_the_way
    from peerjournal.errors import DatabaseError

    found = file_in_the_way(app.db_path)
    if found is not None:
        raise DatabaseError(found)


def _draft_row(app: AppContext, draft: Draft) -> dict[str, object]:
    """`drafts --json`'s row for `draft` (of `drafts.everything`: it knows its number): when
    it was changed on the app's clock (`changed_at`), and how long ago, by its file's time."""
    from peerjournal.cli.drafts_list import age, changed_at
    from peerjournal.drafts import listed_kind

    modified = changed_at(app, draft)
    return {
        "number": draft.number,
        "path": str(draft.path),
        "kind": draft.kind,  # as a backup carries it (a kept quick entry is a guided draft)
        "listed_as": listed_kind(draft.kind, draft.path.name),  # as `drafts` lists it
        "entry_id": draft.entry_id,
        "modified": modified.isoformat(timespec="seconds"),
        # a date beyond a week: "on 3 Nov 2025", not "704 days ago"
        "age": age(draft.modified()),
        "first_words": draft.first_words(),
        # its text's bytes as they came in, not UTF-8 (`NotUtf8`); discarded with it
        "original": str(draft.original) if draft.has_original() else None,
        "open": draft.in_use(),  # held by a session in another terminal (`drafts` says so)
        # what an editor stopped on it left beside it, words not saved perhaps; discarded with it
        "recovery": [str(path) for path in draft.recovery_files()],
    }


class _WriteCommand(TyperCommand):
    """`write`, whose --resume may be followed by a draft's number (`_number_after_resume`):
    one with a minus (`--resume -1`) is refused as 0 is, not as an option click does not
    know (QA r47: "No such option: -1")."""

    def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
        after = _after_resume(args)
        if after is not None and re.fullmatch(r"#?-\d+", after.strip()):
            _resume_number(after)  # (refused: no draft is numbered below 1)
        return super().parse_args(ctx, args)


def _after_resume(typed: list[str]) -> str | None:
    """The word typed right after --resume in `typed` (a command's words), None when none is."""
    words = typed[:typed.index("--")] if "--" in typed else typed
    return next((words[i + 1] for i, arg in enumerate(words[:-1]) if arg == "--resume"), None)


def _resume_number(after: str) -> int:
    """The draft number `after` (typed after --resume); refused when it is none. A word is
    repeated only when it is one short word (it may be journal text typed in the wrong place:
    `options.numbered`)."""
    try:
        return draft_number(after)
    except typer.BadParameter as exc:
        if re.fullmatch(r"#?-?\d+", after.strip()):
            raise PeerJournalError(f"--resume {after}: {exc.message}", ExitCode.USAGE) from None
    shown = after.strip() or '""'  # (`--resume ""`)
    raise PeerJournalError(
        f"--resume {shown}: give a draft's number (see `peerjournal drafts`). Nothing was "
        "changed.", ExitCode.USAGE
    )


def _number_after_resume(
    ctx: typer.Context, resume: bool, number: int | None
) -> tuple[list[str], int | None]:
    """The words no option took, and the draft to continue: `write --resume 3` is `write
    --resume --draft 3` (the number typed right after --resume, as a writer who read "draft
    3" types it; it was refused as a quick entry's text without its -x). One word that is no
    number there (`--resume two`) meant a draft too (QA r47: it was told how to give a quick
    entry's text); words (`--resume We sat`) are a quick entry's text without -x (`_one_word`)."""
    from peerjournal.cli.options import TYPED_ARGS

    typed = ctx.meta.get(TYPED_ARGS, [])[len(ctx.command_path.split()) - 1:]
    after = _after_resume(typed)
    if not resume or after is None or after not in ctx.args or not _one_word(after, ctx.args):
        return ctx.args, number
    given = _resume_number(after)
    if number is not None and number != given:
        raise PeerJournalError(
            f"--resume {after} and --draft {number} name two drafts: give one number "
            "(`peerjournal drafts` lists them). Nothing was changed.",
            ExitCode.USAGE,
        )
    stray = list(ctx.args)
    stray.remove(after)
    return stray, given


def _one_word(typed: str, stray: list[str]) -> bool:
    """Whether `typed` is a draft's number, or a number mistyped: nothing but digits, signs
    and spaces ("", "1-99999999999999999999", "1 2"), or one short word ("two", "#2a"), the
    only word no option took (`--resume We sat`: text without its -x)."""
    if re.fullmatch(r"[\s#\d,\-\u2013]*", typed):
        return True
    return stray == [typed] and len(typed.split()) == 1 and len(typed.strip()) <= 12


# How a write's entry comes in: the draft resumed, -x/-f/-e, a file or stdin, the editor, or
# the questions of a guided session.
_Mode = Literal["resume", "quick", "file", "editor", "guided"]


class _CommandLine(NamedTuple):
    """`write`'s options as Typer gives them. The text options are lists only so that one
    given twice is caught (see `once`)."""

    stray: list[str]  # words that no option takes
    unquoted: str | None  # (`options.unquoted_value`) when they follow an option's value
    experience: list[str] | None
    feelings: list[str] | None
    evaluation: list[str] | None
    date: str | None
    setting: list[str] | None
    tags: list[str] | None
    mode: str | None
    prompts: str | None
    self_care: list[str] | None
    share: bool
    editor: bool
    from_file: str | None
    stdin: bool
    resume: bool
    draft_number: int | None
    again: bool  # a text an entry made in the last hour holds is saved again (`_repeat_of`)

    @property
    def texts(self) -> tuple[list[str] | None, ...]:
        return (self.experience, self.feelings, self.evaluation)

    @property
    def quick(self) -> bool:
        """A quick entry: -x, -f or -e given (even empty)."""
        return any(self.texts)

    @property
    def resuming(self) -> bool:
        """--resume, or --draft N (which implies it)."""
        return self.resume or self.draft_number is not None

    @property
    def source(self) -> str | None:
        """The file the entry is read from: --from-file, '-' (stdin) with --stdin."""
        return "-" if self.stdin else self.from_file


class _Plan(NamedTuple):
    """A command line that passed every check: how the entry comes in, and the new entry
    with the options given applied."""

    line: _CommandLine
    mode: _Mode
    texts: tuple[str | None, ...]  # -x, -f and -e (each given at most once)
    given: dict[str, object]  # the options, normalised (see `_usable_options`)
    draft: EntryDraft
    prompt_set: PromptSet
    piped: bool  # the entry, or its experience, comes in on standard input (`_reads_stdin`)


class _Writing:
    """A write under way: what its failure handlers keep, name or release."""

    def __init__(self, draft: EntryDraft, quick: bool) -> None:
        self.draft = draft
        self.quick = quick
        self.file: Draft | None = None  # the draft file that holds the text
        self.held: Draft | None = None  # the draft this session writes: no other terminal's
        # whether the setting was typed at the guided prompt, which asks about a near miss
        self.prompted = False
        self.piped: str | None = None  # the text, when it came in on standard input
        self.whole = False  # `held` holds that text whole, as it came in (`_StdinDraft`)
        # for `write --resume` of text `write` kept when it could not save it (`drafts.KEPT`):
        # when that draft was kept (a repeat of an entry made since is not saved: `_repeat_of`)
        self.kept_at: datetime | None = None

    @property
    def stale(self) -> Draft | None:
        """The draft this session wrote that holds the entry only up to the last line that
        could be saved (a disk that filled meanwhile: `_after_session`; the text that came in
        on standard input, as it came: `_StdinDraft`): removed once the entry is saved, or
        kept whole in another draft; else named with the error."""
        if self.file is not None or self.held is None or not self.held.path.exists():
            return None
        return self.held

    @property
    def in_hand(self) -> bool:
        """The text was given on the command line or piped in, not typed in a guided
        session (see `_new_draft`)."""
        return self.quick or self.piped is not None


def _plan(
    app: AppContext,
    line: _CommandLine,
    given: dict[str, object],
    bad: tuple[str, PeerJournalError] | None,
    piped: bool,
) -> _Plan:
    """The command line checked. Every option is checked before anything is asked or read:
    a typo in --mode or --tag never costs a whole guided session."""
    from peerjournal.entry import EntryDraft
    from peerjournal.reflection import DEFAULT_SET

    texts = (
        once(line.experience, "--experience"),
        once(line.feelings, "--feelings"),
        once(line.evaluation, "--evaluation"),
    )
    setting = once(line.setting, "--setting")
    self_care = once(line.self_care, "--self-care")
    others = (*texts[1:], line.date, setting, line.tags, line.mode, line.prompts, self_care)
    _refuse_stray_words(line.stray, others, line.unquoted)
    _refuse_file_names(texts)
    mode = _mode(line, piped, app.stdin_is_terminal())
    if bad is not None:
        raise bad[1]
    if line.resuming and line.prompts is not None:
        _prompt_set(line.prompts)  # it must exist; whether it fits the draft is checked later
    draft = EntryDraft(
        date=app.today(), prompt_set=line.prompts or DEFAULT_SET, shared=line.share
    )
    _apply(draft, given)
    return _Plan(line, mode, texts, given, draft, _prompt_set(draft.prompt_set), piped)


def _refuse_stray_words(
    stray: list[str], others: tuple[object, ...], unquoted: str | None
) -> None:
    """Refuse words that no option takes: a value of more than one word not quoted (when one
    of `others`, the options but -x, is given; said for the option it follows, `unquoted`),
    or a quick entry's text without its -x."""
    from peerjournal.errors import ExitCode, PeerJournalError
    from peerjournal.plural import counted

    if stray and any(others):  # `-s phone/text line`: a value not quoted
        raise PeerJournalError(
            f"{unquoted}. Nothing was saved." if unquoted else
            f"{counted(len(stray), 'word')} no option takes: an option's value of more than "
            'one word goes in quotes (-s "phone/text line"). Nothing was saved.',
            ExitCode.USAGE,
        )
    if stray:  # `peerjournal write We sat together`, as jrnl takes it
        raise PeerJournalError(
            "A quick entry's text goes after -x, in quotes: "
            'peerjournal write -x "What happened". Nothing was saved.',
            ExitCode.USAGE,
        )


def _refuse_file_names(texts: tuple[str | None, ...]) -> None:
    """Refuse a text option (-x, -f, -e) whose whole value is the name of a file: `-f
    notes.md` was saved as the feelings "notes.md" (-f is --feelings), `write -f shift.md`
    refused as "The experience is empty"."""
    import os
    import shlex

    from peerjournal.errors import ExitCode, PeerJournalError

    for text, (short, long) in zip(
        texts, (("-x", "--experience"), ("-f", "--feelings"), ("-e", "--evaluation")), strict=True
    ):
        if text and text.strip() == text and os.path.isfile(text):
            raise PeerJournalError(
                f"{short} is {long}, given the text itself; to read the entry from {text}, "
                f"use --from-file {shlex.quote(text)}. Nothing was saved.",
                ExitCode.USAGE,
            )


def _mode(line: _CommandLine, piped: bool, terminal: bool) -> _Mode:
    """How the entry comes in (`piped`: see `_reads_stdin`); two ways at once are refused.
    -f or -e without -x at a `terminal` (stdin one) start a guided session with them filled
    in, as -s and -t do: there is no experience to save them with, and nothing piped."""
    from peerjournal.errors import ExitCode, PeerJournalError

    if line.stdin and line.from_file not in (None, "-"):
        raise PeerJournalError("Use only one of --stdin and --from-file.", ExitCode.USAGE)
    texts = "/".join(
        name
        for name, text in zip(("--experience", "--feelings", "--evaluation"), line.texts,
                              strict=True)
        if text
    )
    if line.resuming and line.quick:
        # Kept as a draft of its own, the text became the newest draft, and the next `write
        # --resume` opened it instead of the one meant; added to the draft resumed, where it
        # should go (before or after its text, or in its place) is a guess. The words are on
        # the command line just typed.
        resuming = "--resume" if line.resume else "--draft"
        raise PeerJournalError(
            f"Use only one of {resuming} and {texts}: {resuming} continues a draft (type "
            f"more into it there), {texts.split('/')[0]} writes a new entry. Nothing was "
            "saved, and your drafts are as they were.",
            ExitCode.USAGE,
        )
    chosen = [
        name
        for name, on in (
            # --resume --editor: a draft in the editor
            ("--editor", line.editor and not line.resuming),
            ("--stdin" if line.stdin else "--from-file", line.source is not None),
            ("--resume" if line.resume else "--draft", line.resuming),
            (texts, line.quick),
        )
        if on
    ]
    if len(chosen) > 1:
        raise PeerJournalError(
            f"Use only one of {' and '.join(chosen)}. Nothing was saved.", ExitCode.USAGE
        )
    if line.resuming:
        return "resume"
    if line.quick:
        return "guided" if terminal and not line.experience else "quick"
    if line.source is not None or piped:
        return "file"
    return "editor" if line.editor else "guided"


# What a write refused before it begins (a read-only journal) has kept: -x and piped text
# are kept as a draft when the save fails instead
_NOT_BEGUN = {
    "guided": "nothing was asked, and nothing is kept",
    "editor": "the editor was not opened, and nothing is kept",
    "resume": "your drafts are kept as they were",
}


def _write_and_save(app: AppContext, plan: _Plan, json_out: bool) -> None:
    """Fill in the entry the way `plan.mode` says, and save it. Whatever stops it, the text
    is kept: the error names the draft that holds it."""
    from peerjournal.entry import holds_text
    from peerjournal.errors import ExitCode, PeerJournalError

    work = _Writing(plan.draft, quick=plan.mode == "quick")
    if plan.mode in ("guided", "editor", "resume"):  # before the first question: nothing typed yet
        try:
            _refuse_before_beginning(app, plan.mode)
        except PeerJournalError as exc:  # text piped to --resume is kept or printed still
            if plan.mode != "resume":
                raise
            exc.message = f"{exc.message.rstrip()}{_kept_edit_note(app, plan.line.draft_number)}"
            raise _nothing_to_resume(app, plan, exc) from None
    try:
        _fill(app, plan, work)
        at = _given_time(app, plan.line, work.draft)
        _save(app, work.draft, work.file, json_out, check_setting=not work.prompted,
              in_hand=work.in_hand, piped=work.piped, stale=work.stale, whole=work.whole,
              said=_saved_notes(app, plan.line, work.draft, work.prompted, at),
              once=(plan.mode in ("quick", "file") or work.kept_at is not None)
              and not plan.line.again, since=work.kept_at, at=at,
              dated=plan.line.date is not None)
    except PeerJournalError as exc:
        raise _naming_the_draft(app, exc, work.file or work.stale) from None
    except KeyboardInterrupt:
        interrupted = PeerJournalError("Interrupted.", ExitCode.INTERRUPTED)
        if work.file is None and holds_text(work.draft):  # text read from stdin or flags
            interrupted = _keep_or_print(
                app, work.draft, _set_for(work.draft, plan.prompt_set), interrupted,
                in_hand=work.in_hand, replacing=work.stale, whole=work.whole,
            )
        raise _naming_the_draft(app, interrupted, work.file or work.stale) from None
    finally:
        if work.held is not None:
            work.held.release()


def _kept_edit_note(app: AppContext, number: int | None) -> str:
    """What `write --resume` (--draft `number`) refused before it could look at the journal
    (damaged, locked) says of the kept edit it would have looked up there (`_pick_draft`),
    untouched: "" when it would pick no such edit."""
    from peerjournal.drafts import by_number, everything, pending, unsaved_edits

    folder = _drafts_dir(app)
    try:
        if number is not None:
            chosen = by_number(everything(folder), number)
            if chosen is None or chosen.kind != "edit":
                return ""
            whose = ("an older version of peerjournal kept" if chosen.entry_id is None
                     else f"to entry {chosen.entry_id}")
            return f" Draft {number}, unsaved changes {whose}, is kept as it was."
        if pending(folder):
            return ""
        ids = sorted({d.entry_id for d in unsaved_edits(folder) if d.entry_id is not None})
    except OSError:  # (the drafts folder cannot be read: nothing to say of it)
        return ""
    if not ids:
        return ""
    return (f" There is no unfinished draft to resume. Unsaved changes to entry "
            f"{', '.join(map(str, ids))} are kept as they were: "
            f"{app.command_hint(f'edit {ids[0]}')} continues them.")


def _refuse_before_beginning(app: AppContext, mode: str) -> None:
    """Refuse a write that would ask or open something (`mode`) it could not save."""
    app.refuse_if_damaged()
    app.refuse_if_read_only(_NOT_BEGUN[mode])
    app.refuse_unusable_lexicon()
    _refuse_drafts_in_the_way(app, _NOT_BEGUN[mode])


def _refuse_drafts_in_the_way(app: AppContext, not_begun: str) -> None:
    """Refuse a write that needs the drafts folder when a file has its name: the raw "File
    exists" said nothing of what to do."""
    from peerjournal.errors import PeerJournalError

    folder = _drafts_dir(app)
    if folder.exists() and not folder.is_dir():
        raise PeerJournalError(
            f"Cannot use the drafts folder {folder}: a file of that name is in the way (move "
            f"or rename it); {not_begun}."
        )


def _fill(app: AppContext, plan: _Plan, work: _Writing) -> None:
    """Fill in `work.draft` the way `plan.mode` says."""
    if plan.mode == "resume":
        _continue_draft(app, plan, work)
    elif plan.mode == "quick":
        work.draft.experience, work.draft.feelings, work.draft.evaluation = (
            text or "" for text in plan.texts
        )
        if plan.piped:  # -f or -e without -x: the experience is piped in
            options = _explicit(plan.given, plan.line.prompts)
            work.piped = _piped_experience(app, work.draft, plan.prompt_set, options, plan.line)
    elif plan.mode == "file":
        explicit = _explicit(plan.given, plan.line.prompts)
        work.piped = _from_file(app, work, plan.line.source or "-", explicit=explicit)
    elif plan.mode == "editor":
        _no_editor_without_a_keyboard(app)
        markdown = _new_draft(app, ".md")
        work.file = work.held = markdown
        markdown.hold()
        if "date" not in plan.given:
            _say_the_day_in_the_small_hours(app, work.draft, plan.prompt_set, markdown)
        work.draft = _from_editor(app, work.draft, plan.prompt_set, markdown)
    else:
        _start_guided(app, plan, work)


def _continue_draft(app: AppContext, plan: _Plan, work: _Writing) -> None:
    """`write --resume`: the draft picked, continued with the options given now (in the
    editor with --editor)."""
    line = plan.line
    try:
        _refuse_a_file_as_home(app)
        picked = _pick_draft(app, _drafts_dir(app), line.draft_number)
    except PeerJournalError as exc:
        raise _nothing_to_resume(app, plan, exc) from None
    work.file = work.held = picked
    # piped, it would be the editor's keystrokes; a yes piped in saves it as it is
    as_it_is = (line.editor or picked.kind == "editor") and _refuse_unused_stdin(
        app, plan, picked
    )
    if as_it_is and picked.has_original():  # (in the editor, the writer sees the �)
        raise _garbled_draft(app, picked)
    if not as_it_is and (line.editor or picked.kind == "editor"):
        _no_editor_without_a_keyboard(app, picked, asked=line.editor)
    # the name `drafts` listed, before --editor moves a guided draft to Markdown; what it is,
    # by when it was started and its first words (QA r47: numbers lost, a number given before
    # opened another draft, and only its file's name said so)
    app.say(f"Resuming {_resumed(_drafts_dir(app), picked)}: {picked.path}.")
    work.kept_at = _kept_at(app, picked)
    earlier = None  # a guided draft opened in the editor: kept until the editor has saved it
    if line.editor and picked.kind == "guided":
        earlier, picked = picked, _as_editor_draft(app, picked, line.prompts)
        work.file = work.held = picked
    again = "" if line.draft_number is None else f" --draft {line.draft_number}"
    work.prompted = picked.kind == "guided" and "setting" not in plan.given
    try:
        work.draft, work.file = _resume(
            app, picked, work.draft, plan.given, line.prompts, line.share, again, earlier,
            as_it_is=as_it_is, repeat_since=None if line.again else work.kept_at,
        )
    finally:
        if earlier is not None:
            earlier.release()


def _resumed(folder: Path, picked: Draft) -> str:
    """`picked` as `write --resume` names it: 'draft 2 (quick, started 2026-12-06 08:46:
    "Tired but glad…")' (`drafts_list.named`)."""
    from peerjournal.cli.drafts_list import named
    from peerjournal.drafts import number_of

    number = picked.number if picked.number is not None else number_of(folder, picked)
    return "the draft" if number is None else named(number, picked)  # (None: gone meanwhile)


def _nothing_to_resume(app: AppContext, plan: _Plan, exc: PeerJournalError) -> PeerJournalError:
    """`exc` (no draft to resume, or no folder for one) once text piped in is kept as a
    draft of its own, or printed when it cannot be (`_keeping_piped`): never dropped. Only
    what is waiting is read (`_unused_stdin`): standard input left open with nothing in it
    for long (`_keeping_stdin`), and the error says it was not read."""
    return _keeping_stdin(app, exc, _explicit(plan.given, plan.line.prompts)) or exc


def _keeping_stdin(
    app: AppContext, exc: PeerJournalError, options: dict[str, object], unused: str = ""
) -> PeerJournalError | None:
    """`exc` once the text piped in to a `write --resume` that does not use it is kept as a
    draft of its own with the `options` (`_kept_piped_data`), `unused` added to it then;
    None when nothing came to keep (only replies, `echo y |`). Standard input left open with
    nothing in it is waited for only _NOTHING_PIPED_AFTER seconds (`_first_text_comes`): `exc`
    says it was not read; text that is slow to come, or stops coming, is waited for, saying so
    after `guided.NOTICE_AFTER` seconds. Ctrl-C while it is read: what came is kept, and `exc`
    is "Interrupted." (exit 130)."""
    from peerjournal.cli.guided import QuietNotice

    if app.stdin_is_terminal():
        return None
    notice = QuietNotice(app.say, _KEEPING_NOTICE.format(_NOTHING_PIPED_AFTER))
    try:
        if not _first_text_comes():
            exc.message = (f"{exc.message.rstrip()} Nothing came in on standard input for "
                           f"{_NOTHING_PIPED_AFTER:.0f} seconds, {_NOT_READ}")
            return None
        data = _unused_stdin(app, wait=True, came=notice.poke) or b""
    except _StdinInterrupted as stop:
        data = stop.data
        exc.message = f"Interrupted. {exc.message}"
        exc.exit_code = ExitCode.INTERRUPTED
    finally:
        notice.cancel()
    words = _words_piped(data) if data.strip() else None
    if words is None:
        return None
    said = exc.message
    exc.message += unused
    kept = _kept_piped_data(app, exc, words, options)
    if kept is None:
        exc.message = said
    return kept


# Said when text piped to `write --resume` that does not use it stops coming (`_keeping_stdin`)
_KEEPING_NOTICE = (
    "Waiting for the end of standard input: what is piped in is kept as a draft of its own "
    "(Ctrl-D, or closing the pipe, ends it; if nothing at all comes in for "
    "{:.0f} seconds, it is not read)."
)


_NOT_READ = "so it was not read."
# How long a `write --resume` that keeps what is piped in (`_keeping_stdin`) waits for its
# first text: a slow source (`ssh host cat notes |`, `gpg -d notes.gpg |`) has time, a pipe
# left open with nothing in it (a program running peerjournal) is not waited on for ever
_NOTHING_PIPED_AFTER = 30.0


def _first_text_comes() -> bool:
    """Whether text, or the end of input, comes in on standard input (no terminal) within
    _NOTHING_PIPED_AFTER seconds. Ctrl-C (SIGTERM, SIGHUP) while waiting: `_StdinInterrupted`
    with nothing come in."""
    try:
        return _stdin_waiting(_NOTHING_PIPED_AFTER)
    except KeyboardInterrupt:
        raise _StdinInterrupted(b"") from None


def _no_editor_without_a_keyboard(
    app: AppContext, picked: Draft | None = None, asked: bool = True
) -> None:
    """Refuse to open the editor on the draft `picked` (None: a new entry) when standard
    input, its keyboard, is a pipe or a file at its end (`editor.stdin_is_input`; text
    waiting is refused and kept before: `_refuse_unused_stdin`). Not `asked` for (no
    --editor), stdin that is no terminal is the answer to "Save this entry?", as for a guided
    draft: with none (`write --resume < /dev/null`, cron) the draft is left as it was, the
    editor not opened. --editor on /dev/null runs the editor (one that needs no keyboard: a
    script, a window of its own)."""
    from peerjournal.cli.editor import no_keyboard, stdin_is_input
    from peerjournal.errors import PeerJournalError

    if not stdin_is_input() and (asked or not no_keyboard()):
        return
    why = (
        "your editor, which needs a terminal as its keyboard, and standard input is a pipe or "
        "a file"
    )
    if picked is None:
        raise PeerJournalError(
            f"--editor opens {why}: nothing was saved. Pipe the entry in instead "
            f"({app.command_hint('write < entry.md')} reads the Markdown entry format)."
        )
    listed = _listed(app, picked)[0]
    if asked:
        raise PeerJournalError(
            f"--editor opens the draft {picked.path} in {why}, so it was left as it was: "
            f"{app.resume_hint(listed + ' --editor')}, in a terminal, opens it."
        )
    again, saves = app.resume_hint(listed), app.resume_hint(_saved_by(app, picked))
    too_long = _too_long_to_save(picked)
    ways = (f"{again}, in a terminal, opens it to cut it down: {too_long}" if too_long else
            f"{again}, in a terminal, opens it, `echo y | {saves[1:-1]}` saves it as it is")
    raise PeerJournalError(
        "No answer to 'Save this entry?' came in on standard input, which is not a terminal "
        f"your editor could use, so the draft {picked.path} was left as it was: {ways}."
    )


def _too_long_to_save(picked: Draft) -> str | None:
    """Why `picked` cannot be saved as it is, when a part of it is over what an entry holds
    (as `_too_long` counts): a yes piped in (`echo y | peerjournal write --resume`) would be
    refused again, so it is not offered. None when it can be (or cannot be read: said when
    it is resumed)."""
    from peerjournal.entry import MAX_TEXT_CHARS, normalised_text

    try:
        longest = max(map(len, map(normalised_text, picked.texts().values())), default=0)
    except PeerJournalError:
        return None
    if longest <= MAX_TEXT_CHARS:
        return None
    return (f"at {longest:,} characters, it is too long to save as it is (an entry holds at "
            f"most {MAX_TEXT_CHARS:,} in each part)")


def _garbled_draft(app: AppContext, picked: Draft) -> PeerJournalError:
    """A draft kept from text that was not UTF-8 holds � where its letters were: saved as it
    is (a yes piped in), unseen, the entry would too, and the bytes as they came in would go
    with the draft (QA). It is saved converted (`iconv`), or retyped in the editor."""
    again, forget = _listed(app, picked)
    return PeerJournalError(
        f"The draft {picked.path} came in as text that is not UTF-8 (shown with �); as it "
        f"came in, it is in {picked.original}: convert that to UTF-8 and pipe it to "
        f"{app.command_hint('write')} to save it, or {app.resume_hint(again)[:-1]} --editor` "
        f"to retype it ({forget} drops both). Nothing was saved."
    )


def _refuse_unused_stdin(app: AppContext, plan: _Plan, picked: Draft) -> bool:
    """Refuse text piped in to a `write --resume` that opens `picked` in the editor (which,
    given the pipe as its keyboard, typed it as commands); the text is kept as a new draft.
    A reply piped in (`_piped_reply`) is no text to keep: a yes (`echo y | write --resume`,
    as for a guided draft) saves `picked` as it is, without the editor (True); a no, or a
    reply that is neither, leaves it as it was. Ctrl-C while the reply is read saves nothing."""
    wait = not plan.line.editor
    notice = _reply_notice(app, picked) if wait and not app.stdin_is_terminal() else None
    try:
        unused = _unused_stdin(app, wait=wait)
    except _StdinInterrupted as stop:
        refused = _refused_reply(app, plan, picked, stop.data) if stop.data.strip() else None
        raise _interrupted_reply(app, picked, refused, _answered_no(stop.data)) from None
    finally:
        if notice is not None:
            notice.cancel()
    if unused is None:
        return False
    refused = _refused_reply(app, plan, picked, unused)
    if refused is not None:
        raise refused
    return True


def _reply_notice(app: AppContext, picked: Draft) -> Any:
    """Say what is waited for while the reply to "Save this entry?" is read from standard
    input: at once when nothing is there yet (`cat | write --resume` typed at a terminal
    showed nothing), else after `guided.NOTICE_AFTER` seconds (a pipe left open after the
    answer), as a guided draft says it. Returns the timer, to cancel, or None."""
    from peerjournal.cli.guided import WAITING_FOR_THE_END, notice_later

    message = (
        f"Save the draft {picked.path} as it is? The answer (y or n) is read from standard "
        "input, which is not a terminal: waiting for it to end (Ctrl-D, or closing the pipe, "
        "ends it; Ctrl-C stops without saving)."
    )
    if not _stdin_waiting():
        app.say(message)
        return None
    # (words after the answer go where `_words_after_the_answer` puts them)
    where = f"the end of the evaluation in the draft {picked.path}"
    return notice_later(app.say, WAITING_FOR_THE_END.format(where=where))


def _interrupted_reply(
    app: AppContext, picked: Draft, refused: PeerJournalError | None, no: bool = False
) -> PeerJournalError:
    """Ctrl-C while the reply was read: nothing is saved (exit 130), whatever had come in;
    `refused`, what that would have said (words after the answer added to the draft, text
    kept), follows. After a no (`no`), that says why it was not saved: not the Ctrl-C."""
    stopped = "Interrupted." if no else "Interrupted, so the entry was not saved."
    if refused is None:
        refused = PeerJournalError(
            f"The draft {picked.path} is as it was: {app.resume_hint(_listed(app, picked)[0])} "
            "continues it."
        )
    refused.message = f"{stopped} {refused.message}"
    refused.exit_code = ExitCode.INTERRUPTED
    return refused


def _refused_reply(
    app: AppContext, plan: _Plan, picked: Draft, unused: bytes
) -> PeerJournalError | None:
    """What `_refuse_unused_stdin` refuses for what was piped in (`unused`); None for a yes
    (without --editor), which saves `picked` as it is."""
    from peerjournal.replies import AGAIN

    reply = _piped_reply(unused)
    if reply is True and not plan.line.editor:
        return None
    again = app.resume_hint(_listed(app, picked)[0])
    saves = app.resume_hint(_saved_by(app, picked))  # (`echo y | …`)
    if reply is False:
        return PeerJournalError(
            f"Not saved (a no was piped in). The draft {picked.path} is as it was: {again} "
            "continues it.",
            ExitCode.USER_ERROR,
        )
    if reply == AGAIN:
        return PeerJournalError(
            "No answer to 'Save this entry?' (what was piped in is not a yes or a no), so it "
            f"was not saved. The draft {picked.path} is as it was: `echo y | {saves[1:-1]}` "
            "saves it.",
            ExitCode.USER_ERROR,
        )
    after = None if reply is not None or plan.line.editor else _after_the_answer(unused)
    if after is not None:
        added = _words_after_the_answer(app, picked, *after)
        if added is not None:
            return added
    refused = _unused_refused(plan.line)
    if reply is True:  # with --editor: the editor was asked for
        too_long = _too_long_to_save(picked)
        ways = (f"{app.resume_hint(_listed(app, picked)[0] + ' --editor')}, in a terminal, "
                f"opens it to cut it down: {too_long}" if too_long else
                f"without --editor, `echo y | {saves[1:-1]}` saves it as it is")
        return PeerJournalError(
            f"{refused.message} The draft {picked.path} is as it was: {ways}.",
            refused.exit_code,
        )
    options = _explicit(plan.given, plan.line.prompts)
    refused = _kept_piped_data(app, refused, unused, options) or refused
    again = _listed(app, picked)[0]  # (the piped text's draft is the newest now)
    return PeerJournalError(
        f"{refused.message} The draft {picked.path} is as it was: "
        f"{app.resume_hint(again)}, in a terminal, continues it.",
        refused.exit_code,
    )


def _answered_no(data: bytes) -> bool:
    """Whether `data`, piped in, answers "Save this entry?" with a no (alone or first)."""
    after = _after_the_answer(data)
    return _piped_reply(data) is False or (after is not None and not after[0])


def _after_the_answer(data: bytes) -> tuple[bool, bytes] | None:
    """The answer, and what came in after the first line of `data`, when that line is a yes
    or a no to "Save this entry?" (`printf 'y\\nOne more thing\\n' | write --resume`); None
    when it is not."""
    from peerjournal.replies import SAVE_ANSWERS, yes_or_no_reply

    lines = data.splitlines(keepends=True)
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        try:
            first = line.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None
        reply = yes_or_no_reply(first, SAVE_ANSWERS)
        if isinstance(reply, bool):
            return reply, b"".join(lines[number + 1 :])
        return None
    return None


def _words_after_the_answer(
    app: AppContext, picked: Draft, save: bool, rest: bytes
) -> PeerJournalError | None:
    """The error once the lines piped in after the answer (`save`: a yes) (`rest`; more
    answers left out)
    are added to the end of the evaluation of the editor draft `picked`, as they are to a
    guided draft's: under a second `## Evaluation` heading at the end of its file, which
    reads as the end of the evaluation. None when they hold no words, or the draft would read
    otherwise with them (it does not parse, a comment is left open): kept as a draft of their
    own then."""
    import dataclasses

    from peerjournal.cli.editor import parse_entry
    from peerjournal.cli.guided import AFTER_THE_ANSWER, words_after_the_answer
    from peerjournal.drafts import write_atomic
    from peerjournal.reflection import escaped

    said = PeerJournalError("", ExitCode.USER_ERROR)
    text = _kept_stdin(app, said, rest)
    if text is None:
        return None
    words, lines = words_after_the_answer(text.splitlines())
    if not words:
        return None
    try:
        before = picked.path.read_text(encoding="utf-8")
        added = (
            f"{before.rstrip()}\n\n## Evaluation\n<!-- Added from standard input, after the "
            f"answer to 'Save this entry?' -->\n\n{escaped(words)}\n"
        )
        was, now = parse_entry(before), parse_entry(added)
    except (OSError, UnicodeDecodeError, PeerJournalError):
        return None
    def others(parsed: ParsedEntry) -> ParsedEntry:
        return dataclasses.replace(parsed, texts={**parsed.texts, "evaluation": ""})

    if others(now) != others(was) or not (
        now.texts.get("evaluation", "").endswith(words.strip())
    ):
        return None
    try:
        write_atomic(picked.path, added)
    except OSError:
        return None
    where = (f"the evaluation in the draft {picked.path} (under a second '## Evaluation' "
             "heading at its end)")
    again = app.resume_hint(_listed(app, picked)[0])
    saves = app.resume_hint(_saved_by(app, picked))
    return PeerJournalError(
        f"{AFTER_THE_ANSWER[save].format(count=counted(lines, 'line'), where=where)}"
        f"{said.message} "
        f"{again[:-1]} --editor` opens it to check it, `echo y | {saves[1:-1]}` saves it.",
        ExitCode.USER_ERROR,
    )


def _piped_reply(data: bytes) -> bool | str | None:
    """What text piped in to `write --resume` is when every line of it is a reply to "Save
    this entry?" (`replies.yes_or_no_reply`): True, all yes; False, a no among them; AGAIN,
    replies that are neither ("maybe later"); None when it holds words (text, to keep)."""
    from peerjournal.replies import AGAIN, SAVE_ANSWERS, yes_or_no_reply

    try:
        lines = [line for line in data.decode("utf-8-sig").splitlines() if line.strip()]
    except UnicodeDecodeError:
        return None
    replies = [yes_or_no_reply(line, SAVE_ANSWERS) for line in dict.fromkeys(lines)]
    if not replies or None in replies:
        return None
    if False in replies:
        return False
    return True if all(reply is True for reply in replies) else AGAIN


def _start_guided(app: AppContext, plan: _Plan, work: _Writing) -> None:
    """A guided session on a new draft, the unfinished ones named first."""
    from peerjournal.drafts import pending

    waiting = pending(_drafts_dir(app))
    if waiting:
        app.say(
            f"You have {counted(len(waiting), 'unfinished draft')}; "
            f"{app.resume_hint()} continues the latest, "
            f"{app.command_hint('drafts')} lists them."
        )
    # -f and -e at a terminal (`_mode`): filled in, shown when their part is asked, to add to
    work.draft.feelings, work.draft.evaluation = (text or "" for text in plan.texts[1:])
    guided = _new_draft(app, ".json")
    work.file = work.held = guided
    guided.hold()
    work.file = _guided(app, work.draft, plan.prompt_set, guided, plan.given)
    work.prompted = "setting" not in plan.given


def _usable_options(
    app: AppContext, line: _CommandLine
) -> tuple[dict[str, object], tuple[str, PeerJournalError] | None]:
    """The options given on the command line that can be used, normalised; and those that
    cannot, as the hint that continues their draft gives them again ("--date DATE --mode
    MODE"), with one error for all of them."""
    from peerjournal.entry import clean_text, normalise_setting, normalise_tags, validate_mode
    from peerjournal.errors import PeerJournalError

    checks: list[tuple[str, str, object, Callable[[Any], object]]] = [
        # an empty --date "" is an error, as "  " is
        ("date", "--date DATE", line.date, lambda text: _dated(app, text)[0]),
        ("setting", '--setting "SETTING"', _single(line.setting), normalise_setting),
        ("mode", "--mode MODE", line.mode, validate_mode),
        # --tag '' (alone): no tags at all, as `edit --tag ''` (a draft resumed: its removed)
        ("tags", "--tag TAG", line.tags or None,
         lambda tags: normalise_tags([t for t in tags if t.strip()])),
        ("self_care", '--self-care "TEXT"', _single(line.self_care), clean_text),
    ]
    given: dict[str, object] = {}
    bad: list[tuple[str, PeerJournalError]] = []
    for key, option, value, check in checks:
        if value is None:
            continue
        try:
            given[key] = check(value)
        except PeerJournalError as exc:
            bad.append((option, exc))
    return given, _all_unusable(bad)


def _all_unusable(
    bad: list[tuple[str, PeerJournalError]],
) -> tuple[str, PeerJournalError] | None:
    """The options of `bad` as the resume hint gives them, and one line for all: the first
    one's error, naming the others (each is put right before the draft is saved)."""
    from peerjournal.errors import PeerJournalError
    from peerjournal.plural import joined

    if not bad:
        return None
    again = " ".join(option for option, _ in bad)
    first = bad[0][1]
    if len(bad) == 1:
        return again, first
    others = joined([option.split()[0] for option, _ in bad[1:]])
    return again, PeerJournalError(
        f"{first.message.rstrip()} Also not usable: {others}.", first.exit_code
    )


def _dated(app: AppContext, text: str) -> tuple[date, datetime | None]:
    """The day --date gives, and the moment when a time follows it ("2026-11-20 18:00",
    "yesterday 6pm": local time), never after now (`dates.parse_past_moment`)."""
    from peerjournal.dates import parse_past_moment

    return parse_past_moment(text, app.now())


def _given_time(app: AppContext, line: _CommandLine, draft: EntryDraft) -> datetime | None:
    """The moment --date gives with a time, kept as the entry's `created_at`: an entry is
    otherwise stamped when it is saved, and prep compares that with a supervision's time
    (18:00 after a 14:00 supervision that day counts after it); without --date, the one a
    `date:` line gave (`_timed_header`). None without a time, or for a draft not of that
    day any more."""
    day, at = _dated(app, line.date) if line.date is not None else (draft.date, draft.at)
    return at if at is not None and draft.date == day else None


def _timed_header(
    app: AppContext, draft: EntryDraft, parsed: ParsedEntry, explicit: dict[str, object]
) -> ParsedEntry:
    """`parsed` with a `date:` line that gives a time of day ("2026-11-19 14:00") read as
    --date reads one (one rule for a new entry, however its date is given): its day stays
    the line's, its moment is `draft.at`. `edit` refuses a time there (`header_day`). A
    `date:` line is not read when --date is given (`apply_parsed`)."""
    import dataclasses

    from peerjournal.dates import day_of_timed

    if parsed.date is None or "date" in explicit or day_of_timed(parsed.date) is None:
        return parsed
    day, draft.at = _dated(app, parsed.date)
    return dataclasses.replace(parsed, date=day.isoformat())


def _single(values: list[str] | None) -> str | None:
    """The value of a text option given once; None if not given, or given twice (`once`
    refuses that)."""
    return values[0] if values and len(values) == 1 else None


def _reads_stdin(app: AppContext, line: _CommandLine) -> bool:
    """Whether the entry, or its experience (-f and -e given without -x, as with -t or -s
    alone), would come from piped standard input (a terminal's is not: nothing is typed
    there before peerjournal asks)."""
    if app.stdin_is_terminal():
        return False
    if line.source == "-":
        return True
    # read to its end, however slowly it comes (`ssh host cat note | write -f tired`)
    return not (line.source is not None or line.editor or line.resuming or line.experience)


# How long piped standard input that an editor would take as keystrokes may take to show it
# is there
_PIPE_WAIT = 0.1


def _stdin_waiting(within: float = _PIPE_WAIT) -> bool:
    """Whether standard input (not a terminal) has text, or its end, to read already (or
    `within` seconds): a pipe left open by a program that runs peerjournal (and writes nothing
    to it) is not waited on by a command line for the editor."""
    import select
    import sys

    try:
        fileno = sys.stdin.fileno()
    except (OSError, ValueError, AttributeError):
        return True  # text in memory (a test's input): it is there, or not at all
    try:
        return bool(select.select([fileno], [], [], within)[0])
    except (OSError, ValueError):  # (Windows: select takes no pipe) not read, as before
        return False


def _unused_stdin(
    app: AppContext, wait: bool = False, came: Callable[[], None] = lambda: None
) -> bytes | None:
    """What was piped in for a command line that opens the editor (see `_stdin_waiting`; or,
    `wait`, however slowly it comes: the reply to "Save this entry?" for a draft resumed
    without --editor, as a guided draft's is read), if it holds any text; else None. `came`
    is called as each part of it comes in (`guided.QuietNotice.poke`)."""
    from peerjournal.entry import MAX_TEXT_CHARS

    if app.stdin_is_terminal() or not (wait or _stdin_waiting()):
        return None
    data, stopped = _read_stdin(app, _REPLIES_AT_MOST, came)
    if len(data) > _REPLIES_AT_MOST and not stopped:  # `yes |` never ends: its first MiB,
        whole_lines = data[: data.rfind(b"\n") + 1]  # if all replies
        if _piped_reply(whole_lines) is not None:
            return whole_lines
        more, stopped = _read_stdin(app, _KEPT_AT_MOST - len(data), came)  # text, to keep
        data += more
        if len(data) > _KEPT_AT_MOST and not stopped:
            data = _cut_at(data, _KEPT_AT_MOST)
            app.say(
                f"Standard input went on past {_KEPT_AT_MOST:,} bytes, more than an entry's "
                f"part can hold ({MAX_TEXT_CHARS:,} characters): the first {len(data):,} are "
                "kept, the rest was not read."
            )
    if stopped and wait:  # Ctrl-C while the reply was awaited: no reply
        raise _StdinInterrupted(data)
    return data if data.strip() else None


def _cut_at(data: bytes, most: int) -> bytes:
    """`data` cut to at most `most` bytes: after its last whole line there, or between two
    UTF-8 characters when it has no line break in its second half (one long line after a
    short one is not cut back to the short one)."""
    line_end = data.rfind(b"\n", most // 2, most)
    if line_end >= 0:
        return data[: line_end + 1]
    end = most
    while end > 0 and data[end] & 0xC0 == 0x80:  # (a byte inside a character)
        end -= 1
    return data[:end]


class _StdinInterrupted(KeyboardInterrupt):
    """Ctrl-C (or SIGTERM, SIGHUP) while `_unused_stdin` waited for the reply; `data`: what
    had come in."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.data = data


# Of what is piped in to a command that opens the editor, this much is read before looking at
# it: `yes | write --resume` (a yes for ever) grew to 23 GB read whole (QA)
_REPLIES_AT_MOST = 1 << 20
# and of text that is not all replies, this much is kept (more than one part of an entry can
# hold, in any UTF-8): read whole, 200 MB grew to 1.4 GB, and `yes text |` was read on after
# SIGTERM until killed (QA)
_KEPT_AT_MOST = 4 * 2_000_000 + 4


def _unused_refused(line: _CommandLine) -> PeerJournalError:
    """The error for text piped in that `line` would not use (see `_unused_stdin`)."""
    from peerjournal.errors import ExitCode, PeerJournalError

    if line.resuming:
        why = "--resume opens the draft in your editor, which takes what you type in a terminal"
    else:
        why = "--editor opens an empty template in your editor"
    return PeerJournalError(
        f"Text was piped in, and {why}: the piped text was not used, and nothing was saved.",
        ExitCode.USAGE,
    )


def _usable_set(name: str | None) -> str | None:
    """`name` if it is a prompt set that loads, else None."""
    from peerjournal.errors import PeerJournalError

    if name is None:
        return None
    try:
        return _prompt_set(name).name
    except PeerJournalError:
        return None


def _quick_draft(
    app: AppContext, texts: tuple[list[str] | None, ...], options: dict[str, object]
) -> EntryDraft | None:
    """The quick entry given by -x, -f and -e (`texts`, each given at most once), with the
    usable `options`; None when there is none."""
    from peerjournal.entry import EntryDraft, holds_text
    from peerjournal.reflection import DEFAULT_SET

    if not any(texts):
        return None
    experience, feelings, evaluation = (_single(t) or "" for t in texts)
    draft = EntryDraft(app.today(), experience, feelings, evaluation, prompt_set=DEFAULT_SET)
    _apply(draft, options)
    return draft if holds_text(draft) else None


def _keeping_given(
    app: AppContext,
    exc: PeerJournalError,
    line: _CommandLine,
    given: dict[str, object],
    bad: tuple[str, PeerJournalError] | None,
    piped: bool,
    unused: bytes | None = None,
) -> PeerJournalError:
    """`exc` (a check before anything was read or asked), once the text in hand is kept with
    the usable options (`given`, --prompts if it loads, --share): a quick entry as a finished
    guided draft (its experience the `piped` text, if any), other `piped` text, or text piped
    in that was `unused`, as an editor draft. The error names the options of `bad`, for
    `write --resume` to be given again."""
    from peerjournal.errors import ExitCode

    named = _usable_set(line.prompts)
    options = {**_explicit(given, named), **_refused_setting(line, bad),
               **({"shared": True} if line.share else {})}
    again = f" {bad[0]}" if bad is not None else ""
    # a command line that is not well formed (a word not quoted, an option given
    # twice): which text is meant is not known, and all of it is in the shell's history
    usage = exc.exit_code == ExitCode.USAGE
    quick = None if usage else _quick_draft(app, line.texts, options)
    if quick is not None and piped:  # -f or -e, the experience piped in: one draft for both
        kept = _kept_stdin(app, exc, _read_stdin(app)[0])
        quick.experience = kept or ""
        piped = False
    if quick is not None:
        exc = _keep_or_print(app, quick, _keepable_set(quick.prompt_set), exc, again, in_hand=True)
    if unused is None and not piped:
        return exc
    text = _kept_stdin(app, exc, _read_stdin(app)[0] if unused is None else unused)
    if text is None:
        return exc
    # (-x, -f, -e beside text piped in: a command line not well formed, the words kept too)
    texts = tuple(_single(t) for t in line.texts) if usage else ()
    return _keeping_piped(app, text, options, exc, again, given=texts)


def _refused_setting(
    line: _CommandLine, bad: tuple[str, PeerJournalError] | None
) -> dict[str, object]:
    """The --setting refused as too long, kept with the draft as typed (the writer's words):
    `write --resume --setting X` replaces it, and counts as a change though the editor is
    closed unsaved (`_fixes_the_setting`); `write --resume` alone refuses it again, naming
    --setting. One with no letter or digit (`-s ,`) holds no words, and is not kept."""
    from peerjournal.entry import clean_text

    typed = _single(line.setting)
    if bad is None or typed is None or "--setting" not in bad[0].split():
        return {}
    try:
        setting = " ".join(clean_text(typed).split())
    except PeerJournalError:
        return {}
    return {"setting": setting} if any(ch.isalnum() for ch in setting) else {}


def _kept_stdin(app: AppContext, exc: PeerJournalError, data: bytes) -> str | None:
    """The text of standard input (`data`) to keep as a draft with `exc`, which names what
    is wrong with it (after the option's error: that is what to put right); None when it
    holds no text to keep (nothing, only NUL bytes, a backup or a summary made by a program)."""
    return _kept_stdin_and_bytes(app, exc, data)[0]


def _kept_stdin_and_bytes(
    app: AppContext, exc: PeerJournalError, data: bytes
) -> tuple[str | None, NotUtf8 | None]:
    """`_kept_stdin`, and the bytes it came in as when they are not UTF-8 (to keep beside
    the draft: `_keep_original`)."""
    from peerjournal.errors import PeerJournalError

    try:
        text, flaw = _stdin_text(app, data)
        _not_an_entry(text, "standard input")
    except PeerJournalError:
        return None, None
    if not text.strip():
        return None, None
    if flaw is not None:
        exc.message = f"{exc.message.rstrip()} {flaw.message}"
    return text, _original(flaw)


def _kept_piped_data(
    app: AppContext, exc: PeerJournalError, data: bytes, options: dict[str, object]
) -> PeerJournalError | None:
    """`exc` once the text piped in (`data`) is kept as an editor draft with the `options`,
    its bytes beside it when they are not UTF-8 (with the `iconv` command), as `write`
    keeps them; None when it holds no text to keep."""
    text, original = _kept_stdin_and_bytes(app, exc, data)
    if text is None:
        return None
    return _keeping_piped(app, text, options, exc, original=original)


def _words_piped(data: bytes) -> bytes | None:
    """What of `data`, piped to `write --resume`, is text to keep: None when it is only
    replies to "Save this entry?" (`echo y |`); a reply on its first line
    (`printf 'y\\nmore words'`) is left out, as after the answer elsewhere."""
    if _piped_reply(data) is not None:
        return None
    after = _after_the_answer(data)
    return data if after is None else after[1]


def _apply(draft: EntryDraft, given: dict[str, object]) -> None:
    for key, value in given.items():
        setattr(draft, key, list(value) if isinstance(value, list) else value)


def _explicit(given: dict[str, object], prompts: str | None) -> dict[str, object]:
    """The options given on the command line: they win over a file's header."""
    return {**given, **({"prompt_set": prompts} if prompts is not None else {})}


def _prompt_set(name: str) -> PromptSet:
    """The set `name`; the user's prompts folder that cannot be entered (a data folder
    made by `sudo`) is exit 4, which keeps the text in hand (`cli.folder_kept_out`)."""
    from peerjournal import paths
    from peerjournal.cli import folder_kept_out
    from peerjournal.reflection import load_prompt_set

    try:
        return load_prompt_set(name, paths.user_prompts_dir())
    except OSError as exc:
        kept_out = folder_kept_out(exc)
        if kept_out is None:
            raise
        raise kept_out from None


def _keepable_set(name: str) -> PromptSet:
    """The set `name` to keep a draft with: when it cannot be loaded, the shipped set of that
    name, else the default one (the draft names `name` all the same)."""
    from peerjournal.errors import PeerJournalError
    from peerjournal.reflection import DEFAULT_SET, available, load_prompt_set

    try:
        return _prompt_set(name)
    except PeerJournalError:
        return load_prompt_set(name if name in available() else DEFAULT_SET)


def _set_for(draft: EntryDraft, fallback: PromptSet) -> PromptSet:
    """The set a draft names, or `fallback` when that set cannot be loaded."""
    from peerjournal.errors import PeerJournalError

    try:
        return _prompt_set(draft.prompt_set)
    except PeerJournalError:
        return fallback


def _new_draft(app: AppContext, suffix: str, in_hand: bool = False) -> Draft:
    """A new draft file; `in_hand`: for text given on the command line or piped in that could
    not be saved (`drafts.kept_copies` finds it once the same text is saved)."""
    from peerjournal.drafts import KEPT, new_draft

    return new_draft(_drafts_dir(app), app.now(), suffix, prefix=KEPT if in_hand else "")


def _drafts_dir(app: AppContext) -> Path:
    """The drafts folder of the journal in use (`paths.drafts_dir`), known without opening
    it: a locked or damaged journal's text is kept with that journal. A --db that names no
    path (blank) is the default journal's, as `resume_hint` names it: the text is kept. A
    relative PEERJOURNAL_DB, refused, is the journal its message names in full: once it is
    set so, `write --resume` finds the text there."""
    from peerjournal import paths
    from peerjournal.errors import PeerJournalError

    try:
        journal = app.db_path
    except PeerJournalError:
        journal = paths.data_dir() / paths.DB_FILENAME
        if app.db_from_env and app.db_option and app.db_option.strip():
            journal = paths.expand_user(app.db_option, "PEERJOURNAL_DB").absolute()
    return paths.drafts_dir(journal)


def _naming_the_draft(
    app: AppContext, exc: PeerJournalError, draft_file: Draft | None, again: str = ""
) -> PeerJournalError:
    """Every failure that leaves a draft behind says where it is, and how to continue it
    (`again`: options to give `write --resume` besides its --draft N: `drafts.kept_as`),
    unless it says so already: also one about the draft's text ("X: the text contains NUL
    bytes …")."""
    from peerjournal.drafts import KEPT_AS

    if draft_file is None or not draft_file.path.exists():
        return exc
    if exc.printed:  # the draft could not be written: it is behind the text printed
        exc.message += (
            f" The draft {draft_file.path} holds your text only up to the last line that could "
            "be saved."
        )
    elif KEPT_AS not in exc.message and (
        str(draft_file.path) not in exc.message.removeprefix(f"{draft_file.path}: ")
    ):
        exc.message = (
            f"{exc.message.rstrip()} {_kept_as(app, draft_file, _giving_again(exc, again))}"
        )
    return exc


# (its hint, `write --resume`, would open the editor on the draft's setting again)
_SETTING_TO_GIVE = (
    " The draft's setting cannot be saved as it is: give another with --setting, and the "
    "draft is saved even with the editor closed unchanged."
)


def _fixes_the_setting(explicit: dict[str, object], text: str) -> bool:
    """Whether `explicit` gives a setting in place of the draft's own that cannot be stored
    (`_own_setting_refused`): what `_giving_again` asks for, a change to save though the
    editor was closed unsaved; any other option is not."""
    return "setting" in explicit and _own_setting_refused(text)


def _own_setting_refused(text: str) -> bool:
    """Whether a draft's setting (`text`'s `setting:` header, or the one its options line
    keeps: `_refused_setting`) cannot be stored (`entry.SettingError`)."""
    from peerjournal.cli.editor import parse_entry
    from peerjournal.drafts import read_options
    from peerjournal.entry import SettingError, normalise_setting

    try:
        normalise_setting(parse_entry(text).setting or "")
        normalise_setting(str(read_options(text).get("setting", "")))
    except SettingError:
        return True
    except PeerJournalError:  # a file that does not parse: its error is said when saved
        return False
    return False


def _saved_by(app: AppContext, picked: Draft) -> str:
    """What picks `picked` again (`_listed`), with --setting when its own setting cannot be
    stored (`_draft_setting_refused`): `echo y | peerjournal write --resume` alone, the way
    to save it as it is, refused it again."""
    again = _listed(app, picked)[0]
    return f'{again} --setting "SETTING"' if _draft_setting_refused(app, picked) else again


def _draft_setting_refused(app: AppContext, picked: Draft) -> bool:
    """Whether the setting `picked` holds (an editor draft's `setting:` header or kept
    option, a guided draft's own) cannot be stored (`entry.SettingError`)."""
    from peerjournal.entry import SettingError, normalise_setting

    try:
        if picked.kind != "guided":
            return _own_setting_refused(picked.path.read_text(encoding="utf-8"))
        normalise_setting(picked.entry(app.today()).setting)
    except SettingError:
        return True
    except (OSError, UnicodeDecodeError, PeerJournalError):  # (said when it is resumed)
        return False
    return False


def _giving_again(failed: PeerJournalError, again: str) -> str:
    """`again`, with --setting when `failed` is the setting's (`entry.SettingError`: a
    `setting:` header too long): `write --resume` alone would save the draft's own, and fail
    the same way."""
    from peerjournal.entry import SettingError

    if isinstance(failed, SettingError) and "--setting" not in again:
        return f'{again} --setting "SETTING"'
    return again


def _kept_as(app: AppContext, draft_file: Draft, again: str) -> str:
    """"Your words are kept as draft 3: `peerjournal write --resume --draft 3`." for a kept
    draft (`drafts.kept_as`); `again`, the options not usable that are to be given again (a
    --date not given again is easily missed: the entry is dated today, or as its text says)."""
    from peerjournal.drafts import kept_as

    unkept = " Give --date again: the draft does not keep it." if (
        "--date" in again.split()
    ) else ""
    return f"{kept_as(app, draft_file, again)}{unkept}"


def _pick_draft(app: AppContext, folder: Path, number: int | None) -> Draft:
    from peerjournal.drafts import by_number, everything, number_of, pending, unsaved_edits

    if number is not None:
        found = everything(folder)
        chosen = by_number(found, number)
        if chosen is None:
            raise _no_draft(app, number, found)
        if chosen.kind == "edit":
            chosen = _edit_of_no_entry(app, folder, number, chosen)
        chosen.hold()
        return chosen
    waiting = pending(folder)
    free = [d for d in waiting if not d.in_use()]  # not those being written in another terminal
    if free:
        # one that cannot be read (damaged, not text) does not stand in the way of the
        # others: passed over, and said so with the ways out; the newest, when all are
        passed = list(itertools.takewhile(lambda d: _unreadable(d) is not None, free))
        picked = free[len(passed)] if len(passed) < len(free) else free[0]
        if picked is not waiting[0] and waiting[0].in_use():
            app.say(_left_open(app, folder, waiting[0], picked))
        for draft in passed if picked is not free[0] else []:
            app.say(_passed_over(app, folder, draft, picked))
        picked.hold()
        return picked
    if waiting:
        waiting[0].hold()  # says where it is open
    message = "There is no unfinished draft to resume."
    edits = [d for d in unsaved_edits(folder) if d.entry_id is not None]
    gone = [d for d in edits  # (a journal that cannot tell: `edit ID` continues them)
            if d.entry_id is not None and _entry_gone(app, d.entry_id, d) is True]
    if gone:  # (`_edit_of_no_entry`: `edit ID` would only say "No entry")
        number = number_of(folder, gone[0])
        message += (
            f" Unsaved changes to an entry {gone[0].entry_id} no longer in the journal are "
            f"draft {number}: {app.resume_hint(f' --draft {number}')} saves them as a new entry."
        )
        edits = [d for d in edits if d not in gone]
    ids = sorted({d.entry_id for d in edits if d.entry_id is not None})
    if ids:
        message += (
            f" Unsaved changes to entry {', '.join(map(str, ids))} are kept: "
            f"{continues_command(app, ids[0])} them."
        )
    raise NotFoundError(message)


def _unreadable(draft: Draft) -> PeerJournalError | None:
    """Why `write --resume` cannot continue `draft` as it is (a guided draft damaged, an
    editor draft whose bytes are not text, read as the editor's are), else None."""
    from datetime import date

    from peerjournal.cli.editor import decode_or_1252
    from peerjournal.errors import PeerJournalError

    try:
        if draft.kind == "guided":
            draft.entry(date.today())
        else:
            decode_or_1252(draft.path.read_bytes(), str(draft.path), lambda _: None)
    except PeerJournalError as exc:
        return exc
    except OSError:  # (gone meanwhile, or no permission: continuing it says so)
        return None
    return None


def _passed_over(app: AppContext, folder: Path, draft: Draft, picked: Draft) -> str:
    """The line that says `write --resume` passed over `draft`, which cannot be read, and
    continues `picked`: why, and the ways out (`unreadable_ways_out`)."""
    from peerjournal.cli.editor import NotTextError
    from peerjournal.drafts import number_of

    number, error = number_of(folder, draft), _unreadable(draft)
    why = "it is damaged"
    if isinstance(error, NotTextError):
        why = f"it is not UTF-8 text{f'; {error.hint}' if error.hint else ''}"
    return (
        f"Draft {number} ({draft.path}) cannot be continued: {why}. It is left as it "
        f"is.{unreadable_ways_out(app, folder, draft, error, others=False)} Continuing "
        f"draft {number_of(folder, picked)}, the newest after it."
    )


def unreadable_ways_out(
    app: AppContext, folder: Path, draft: Draft, error: PeerJournalError | None,
    others: bool = True,
) -> str:
    """The ways out for a draft that cannot be read (`error`, from `_unreadable`): the `iconv`
    command that makes it UTF-8 (its encoding guessed), `drafts --discard N` to throw it away;
    and, for an error about it (`others`), how to continue another draft, else (it is passed
    over) `--draft N` to open it in the editor."""
    import shlex

    from peerjournal.cli.editor import NotTextError
    from peerjournal.drafts import number_of, pending

    number = number_of(folder, draft)
    ways = []
    if isinstance(error, NotTextError) and error.likely is not None:
        path = shlex.quote(str(draft.path))
        ways.append(f"`iconv -f {error.likely.name} -t UTF-8 {path} > {path}.txt && "
                    f"mv {path}.txt {path}` makes it UTF-8")
    if draft.kind == "editor" and not others:  # (an error for it names that command)
        ways.append(f"{app.resume_hint(f' --draft {number}')} opens it in the editor")
    ways.append(f"{app.command_hint(f'drafts --discard {number}')} discards it")
    other = next(
        (d for d in pending(folder) if d.path != draft.path and _unreadable(d) is None), None
    )  # (one that can be continued: not another unreadable one)
    newest = pending(folder)[:1]  # (what --resume continues first: it passes over this one)
    if others and other is not None:
        ways.append(f"{app.resume_hint()} continues your other drafts meanwhile"
                    if newest and newest[0].path == draft.path else
                    f"{app.resume_hint(f' --draft {number_of(folder, other)}')} continues "
                    "another")
    return " " + "; ".join(ways) + "."


def continues_command(app: AppContext, entry_id: int) -> str:
    """"`edit ID` continues": the command that continues unsaved changes to entry `entry_id`;
    `restore ID` first when the entry is in the trash (`edit` refuses to open it there)."""
    command = app.command_hint(f"edit {entry_id}")
    if not app.db_path.exists():
        return f"{command} continues"
    try:
        app.store().get(entry_id, trashed=True)
    except PeerJournalError:  # not in the trash; or the journal cannot be read (damaged,
        return f"{command} continues"  # locked): `edit` says so itself
    return (f"{app.command_hint(f'restore {entry_id}')} (the entry is in the trash), then "
            f"{command}, continues")


def _left_open(app: AppContext, folder: Path, newest: Draft, picked: Draft) -> str:
    """The line that says `write --resume` left the `newest` draft alone, open in another
    terminal, and continues `picked`: else the draft opened is not the one the writer meant."""
    from peerjournal.drafts import number_of

    words = newest.first_words(40)
    said = f" (“{words}”)" if words and not words.startswith("(") else ""
    return (
        f"Your newest draft{said} is open in another terminal, and is left alone there; "
        f"continuing draft {number_of(folder, picked)}, the newest after it."
    )


def _edit_of_no_entry(app: AppContext, folder: Path, number: int, edit: Draft) -> Draft:
    """Draft `number`, unsaved changes kept by `edit` (`edit`): moved to a new-entry draft,
    for `write --resume --draft N` to save as a new entry, when the entry they change is no
    longer there (not in the journal, nor in the trash: a journal restored from a backup
    without it, the trash emptied while it was open in the editor). Else refused: `edit ID`
    continues them (the newest of the entry's kept edits, which may be another)."""
    from peerjournal.drafts import number_of, unsaved_edits
    from peerjournal.errors import PeerJournalError

    entry_id = edit.entry_id
    gone = None if entry_id is None else _entry_gone(app, entry_id, edit)
    if isinstance(gone, PeerJournalError):  # (not moved: the entry may well be there)
        gone.message = (f"{gone.message.rstrip()} Draft {number}, unsaved changes to entry "
                        f"{entry_id}, is kept as it was.")
        raise gone
    if gone:
        moved = edit.as_new_entry()
        app.say(
            f"Draft {number} held unsaved changes to an entry {entry_id} that is no longer in "
            f"the journal (nor in the trash): they are saved as a new entry, kept till then in "
            f"{moved.path}."
        )
        return moved
    if edit.was:  # (not unsaved work: the entry's text as it was before options replaced it)
        raise PeerJournalError(
            f"Draft {number} is entry {entry_id}'s text as it was before an option replaced it, "
            f"not a draft to continue: copy what you need from {edit.path} "
            f"({app.command_hint(f'drafts --discard {number}')} drops it)."
        )
    if entry_id is None:
        raise _old_edit(app, number, edit)
    command = app.command_hint(f"edit {entry_id}")
    continues = continues_command(app, entry_id)
    newer = unsaved_edits(folder, entry_id)
    if newer and newer[0].path != edit.path:
        newest = number_of(folder, newer[0])
        raise PeerJournalError(
            f"Draft {number} holds unsaved changes to entry {entry_id}, older than those of "
            f"draft {newest}, which {command} continues: once draft {newest} is saved there, "
            f"or discarded ({app.command_hint(f'drafts --discard {newest}')}), {command} "
            f"continues draft {number}."
        )
    raise PeerJournalError(
        f"Draft {number} holds unsaved changes to entry {entry_id}: {continues} them."
    )


def _old_edit(app: AppContext, number: int, edit: Draft) -> PeerJournalError:
    """The error for draft `number`, unsaved changes a version before 12-04 kept (`edit`: no
    entry in its name): the entry whose text it holds, which `edit ID` takes it for from then
    on (`drafts.old_edits_of`); for none, that `edit ID` never finds it, and the ways out."""
    import shlex

    from peerjournal.drafts import old_edit_of

    older = f"Draft {number} holds unsaved changes an older version of peerjournal kept"
    entry = None
    if app.db_path.exists():  # (none is made just to look)
        try:
            store = app.store()
            entry = old_edit_of(edit, itertools.chain(store.iter_all(), store.trashed()))
        except PeerJournalError as exc:  # damaged, locked: it cannot tell
            exc.message = (f"{exc.message.rstrip()} {older}, and it is kept as it was "
                           "(whose they are cannot be told meanwhile).")
            return exc
    if entry is not None:
        return PeerJournalError(
            f"{older} to entry {entry.id} (they hold its text): {continues_command(app, entry.id)} "
            "them, and keeps them as its edit from then on."
        )
    path = shlex.quote(str(edit.path))
    return PeerJournalError(
        f"{older}, and no entry in this journal can be told to hold their text, so no `edit "
        f"ID` continues them: copy what you need from {edit.path} "
        f"({app.command_hint(f'write --from-file {path}')} saves it as a new entry; "
        f"{app.command_hint(f'drafts --discard {number}')} drops it)."
    )


def _entry_gone(app: AppContext, entry_id: int, edit: Draft) -> bool | PeerJournalError:
    """Whether the entry `edit` changes is neither in the journal nor in the trash (one of
    another entry with its ID counts as gone: `edit ID` would move it aside). With no
    journal file, it is gone: none is made just to look (a home holding only drafts). The
    error when the journal cannot be read (damaged, locked): it cannot tell."""
    if not app.db_path.exists():
        return True
    try:
        store = app.store()
        for trashed in (False, True):
            try:
                entry = store.get(entry_id, trashed=trashed)
            except NotFoundError:
                continue
            return not edit.is_of(entry)
    except PeerJournalError as exc:
        return exc
    return True


def _no_draft(app: AppContext, number: int | str, found: list[Draft]) -> NotFoundError:
    """The error for a draft `number` that none of the drafts `found` has (a draft keeps its
    number: the others' are not 1 to N); or none in a range (`number`: "in 2-3"). With none,
    as `drafts` says it (`no_drafts`: "no unfinished entry drafts" when a self-check kept words)."""
    from peerjournal.plural import joined

    if not found:
        from peerjournal.cli.drafts_list import no_drafts
        from peerjournal.cli.supervision import UNSAVED_ANSWERS

        none = no_drafts(app, _drafts_dir(app) / UNSAVED_ANSWERS)
        return NotFoundError(f"There is no draft {number}: {none[0].lower()}{none[1:]}")
    listed = app.command_hint("drafts")
    if len(found) == 1:
        which = f"the only draft is draft {found[0].number} ({listed} lists it)"
    else:
        which = f"the drafts are {joined([str(d.number) for d in found])} ({listed} lists them)"
    return NotFoundError(f"There is no draft {number}: {which}.")


def _from_file(
    app: AppContext, work: _Writing, source: str, explicit: dict[str, object]
) -> str | None:
    """Fill `work.draft` from the Markdown entry format in a file or on stdin ('-'), and check
    it; returns the text read from stdin (None for a file).

    Text piped in exists nowhere else: when it cannot be made an entry (a typo in a heading,
    a future date in its header, no experience), it is kept as a draft that `write --resume`
    opens in the editor, and the error says where (typed at a terminal: the draft it was
    kept in as it was typed, `_StdinDraft`).
    """
    import contextlib

    from peerjournal.cli.editor import decode_or_1252, parse_entry
    from peerjournal.errors import PeerJournalError
    from peerjournal.reflection import apply_parsed

    draft = work.draft
    piped = source == "-"
    if piped and app.stdin_is_terminal():  # `--from-file -` typed at a terminal: not a hang
        app.say("Reading the entry from the terminal: type or paste it, then press Ctrl-D on "
                "a line of its own.")
    if piped:
        text = _piped_text(app, {**explicit, **({"shared": True} if draft.shared else {})}, work)
        explicit = {**_options_kept_for(app, text), **explicit}
    else:  # Windows-1252 read as such, as it is piped in (`_stdin_text`)
        text = decode_or_1252(_entry_file_bytes(Path(source)), str(Path(source)), app.say)
    if piped and not text.strip():
        raise PeerJournalError(
            "No text came in on standard input: pipe an entry in, give it with -x, or run "
            "`peerjournal write` in a terminal to be guided through one."
        )
    try:
        _not_an_entry(text, "standard input" if piped else source)
    except PeerJournalError:  # made by a program: not kept (nor the copy kept as it came in)
        if work.stale is not None:
            with contextlib.suppress(OSError):
                work.stale.discard()
        raise
    try:
        # Question headings are matched against the set the entry will use: --prompts, else
        # the file's own `prompts:` header, else the default.
        named = None if "prompt_set" in explicit else parse_entry(text).prompts
        prompt_set = _prompt_set(named or draft.prompt_set)
        parsed = _timed_header(app, draft, parse_entry(text, prompt_set), explicit)
        apply_parsed(draft, parsed, app.today(), explicit)
        _apply(draft, explicit)
        typed = draft.setting  # as typed, for `_saved_notes` to say what is left out of it
        _checked(app, draft)
        _say_replaced_headers(app, parsed, draft, explicit)
        draft.setting = typed  # (checked again as it is saved)
    except PeerJournalError as exc:
        if piped:
            options = {**explicit, **({"shared": True} if draft.shared else {})}
            raise _keeping_piped(app, text, options, exc, into=work.stale) from None
        raise
    return text if piped else None


# The most bytes a character takes (UTF-8, UTF-32): an entry file (`--from-file`) of more
# bytes than this many times the text limit cannot be one part of an entry, and is refused
# before it is read (a 3 GB file ran out of memory); the file is left as it is.
_BYTES_A_CHARACTER = 4


def _entry_file_bytes(path: Path) -> bytes:
    """The bytes of the entry file at `path`; an error, before reading it, when it is larger
    than an entry can be (a device that never ends, /dev/zero, is read that far)."""
    import os

    from peerjournal.cli.editor import open_to_read
    from peerjournal.entry import MAX_TEXT_CHARS

    at_most = _BYTES_A_CHARACTER * MAX_TEXT_CHARS
    with open_to_read(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        data = b"" if size > at_most else handle.read(at_most + 1)
    if size > at_most or len(data) > at_most:
        said = f"{size:,} bytes" if size > at_most else f"over {at_most:,} bytes"
        raise PeerJournalError(
            f"{path} is {said}: too large for an entry file (at most {at_most:,} bytes; an "
            f"entry holds at most {MAX_TEXT_CHARS:,} characters in each part). Nothing was "
            "saved; the file is as it was."
        )
    return data


def _say_replaced_headers(
    app: AppContext, parsed: ParsedEntry, draft: EntryDraft, explicit: dict[str, object]
) -> None:
    """Say which of the file's own setting and tags (`parsed`) the options given (`explicit`,
    -s and -t) replaced: else "group, evening" are dropped without a word."""
    from peerjournal.entry import normalise_tags

    replaced = []
    if "setting" in explicit and parsed.setting and parsed.setting != draft.setting:
        replaced.append(f"setting {parsed.setting!r} (-s)")
    try:
        tags = normalise_tags(parsed.tags or [])
    except PeerJournalError:  # (one the options replaced: never checked)
        tags = parsed.tags or []
    if "tags" in explicit and tags and set(tags) != set(draft.tags):
        replaced.append(f"tags {', '.join(tags)} (-t)")
    if replaced:
        app.say(f"The options given replace the file's own {' and '.join(replaced)}.")


def _options_kept_for(app: AppContext, text: str) -> dict[str, object]:
    """The options kept with the draft of text that came in not UTF-8 (`_converted`) which
    `text` is, converted (`iconv … | peerjournal write`, as the error said): given with it
    then (-s, --tag …), they are given with it still; {} if there is no such draft, or the
    drafts folder cannot be read (root's, made by `sudo`): that must not stop the save."""
    from peerjournal.drafts import read_options

    try:
        converted = _converted(app, text)
    except OSError:
        return {}
    for kept in converted:
        try:
            return read_options(kept.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
    return {}


def _piped_text(app: AppContext, options: dict[str, object], work: _Writing) -> str:
    """Standard input as text, kept in a draft with the `options` until the entry is saved
    (`_StdinDraft`: held, `work.held`). Bytes that are not UTF-8, or NUL bytes, are not lost
    with the error (`_stdin_text`): the text is kept in it, as a line typed at a prompt is;
    and so is what came in before Ctrl-C, Ctrl-\\, SIGTERM or SIGHUP stopped the reading."""
    from peerjournal.errors import ExitCode, PeerJournalError

    kept = _StdinDraft(app, options)
    try:
        data, interrupted = _read_stdin(app, typed=kept)
        try:
            text, flaw = _stdin_text(app, data)
        except PeerJournalError:
            if interrupted:  # only NUL bytes came in: nothing to keep
                raise KeyboardInterrupt from None
            raise
        if interrupted:
            if not text.strip():
                raise KeyboardInterrupt
            stop = PeerJournalError("Interrupted.", ExitCode.INTERRUPTED)
            if flaw is not None:
                stop.message += f" {flaw.message}"
            raise _keeping_piped(app, text, options, stop, original=_original(flaw), into=kept.file)
        if flaw is not None:
            raise _keeping_piped(app, text, options, flaw, original=_original(flaw), into=kept.file)
        work.whole = kept.keep(text) is None and kept.file is not None
        return text
    finally:
        work.held = kept.file


def _piped_experience(
    app: AppContext,
    draft: EntryDraft,
    prompt_set: PromptSet,
    options: dict[str, object],
    line: _CommandLine,
) -> str:
    """Standard input as `draft`'s experience (-f or -e given without -x); returns the text
    as it came. When it cannot be saved as it is (not UTF-8, NUL bytes, Ctrl-C), the draft
    is kept with what came in, and the error says where. A whole entry in the Markdown
    format (`_a_whole_entry`) is refused and kept, with the command-line `options`, as
    --from-file with -f/-e is."""
    from peerjournal.errors import PeerJournalError

    given = (None, draft.feelings, draft.evaluation)  # kept with the text, if it is refused
    data, interrupted = _read_stdin(app)
    try:
        text, flaw = _stdin_text(app, data)
        _not_an_entry(text, "standard input")
    except PeerJournalError as exc:  # only NUL bytes, a backup: the options' text is kept
        raise _keep_or_print(app, draft, prompt_set, exc, in_hand=True) from None
    try:
        whole = not interrupted and flaw is None and _a_whole_entry(text, prompt_set)
    except PeerJournalError as exc:  # an entry file with a typo (`write < FILE` says so too)
        raise _keeping_piped(app, text, options, exc, given=given) from None
    if whole:
        raise _keeping_piped(app, text, options, _a_whole_entry_refused(line), given=given)
    draft.experience = text
    if interrupted:
        raise KeyboardInterrupt  # (`_write_and_save` keeps the draft)
    if flaw is not None:
        raise _keep_or_print(app, draft, prompt_set, flaw, in_hand=True, original=_original(flaw))
    return text


# An entry file has its parts under `## ` headings; text without one is never a whole entry
# (QA: "Date: yesterday we talked about it." and "Mode: crisis" were refused as one)
_SECTION_HEADING = re.compile(r"^##[ \t]", re.MULTILINE)
# An entry file's header: `---` then a `date:` line (front matter), or a `date:` line first
_FRONT_MATTER = re.compile(r"\A\s*(?:---[ \t]*\n(?:[^\n]*\n)*?)?date:[ \t]*\d")


def _a_whole_entry(text: str, prompt_set: PromptSet) -> bool:
    """Whether piped `text` is a whole entry in the Markdown format (what --from-file reads:
    a peerjournal entry file, an export): header lines read as such (`date:`, `setting:` …
    at the top), a section other than the experience, or an answer. Plain text, with or
    without Markdown of its own, is not; nor is text the format cannot read (a `## Notes`
    heading of the writer's own), which stays the experience as it came; unless it starts
    with an entry file's header (`_FRONT_MATTER`): then the format's error is raised (`Line 9:
    unknown section`), as `write < FILE` gives it."""
    from peerjournal.cli.editor import parse_entry
    from peerjournal.entry import unix_newlines
    from peerjournal.errors import PeerJournalError

    if not _SECTION_HEADING.search(text):  # ("Date: yesterday we talked" is the writer's)
        return False
    try:
        parsed = parse_entry(text, prompt_set)
    except PeerJournalError:
        if _FRONT_MATTER.match(unix_newlines(text.removeprefix("\ufeff"))):
            raise
        return False
    headers = (parsed.date, parsed.setting, parsed.tags, parsed.mode, parsed.prompts)
    return (
        any(header is not None for header in headers)
        or any(part != "experience" for part in parsed.texts)
        or bool(parsed.answers)
        # `## Experience`, a comment: the format's, not the writer's words
        or parsed.texts.get("experience", "") != unix_newlines(text.removeprefix("\ufeff")).strip()
    )


def _a_whole_entry_refused(line: _CommandLine) -> PeerJournalError:
    """The error for a whole entry piped in with -f or -e (`_a_whole_entry`): its parts
    given twice over, which wins is a guess, and saved as its experience, its headings
    and date were words of it."""
    from peerjournal.errors import ExitCode, PeerJournalError

    given = " and ".join(
        name for name, text in zip(("--feelings", "--evaluation"), line.texts[1:], strict=True)
        if text
    )
    return PeerJournalError(
        f"The text piped in is a whole entry in the Markdown format (its ## headings or "
        f"date: lines), and {given} gives a part of it too: use only one. Pipe the entry "
        "alone (`peerjournal write < FILE` reads it, as --from-file does), with that part "
        "written in it. Nothing was saved.",
        ExitCode.USAGE,
    )


def _read_stdin(
    app: AppContext,
    most: int | None = None,
    came: Callable[[], None] = lambda: None,
    typed: _StdinDraft | None = None,
) -> tuple[bytes, bool]:
    """What came in on standard input, and whether Ctrl-C (or Ctrl-\\, SIGTERM, SIGHUP, as
    in a guided write) stopped it coming: the text typed or piped in before that is kept. On
    a terminal it is read line by line as a guided answer is (readline, where there is
    one), the line being typed when Ctrl-C is pressed with it; kept in `typed` as it comes,
    when given. Piped, with `most`: read on only until more than that has come (the rest is
    left to read); `came` is called as each part comes."""
    import sys

    from peerjournal.cli.guided import quit_as_terminate

    chunks: list[bytes] = typed.chunks if typed is not None else []
    put_back_quit = quit_as_terminate()
    try:
        if sys.stdin.isatty():
            _typed_lines(app, chunks, typed)
        else:
            stream = sys.stdin.buffer
            read = getattr(stream, "read1", stream.read)
            size = 0
            while (most is None or size <= most) and (chunk := read(1 << 16)):
                chunks.append(chunk)
                came()
                size += len(chunk)
    except KeyboardInterrupt:
        return b"".join(chunks), True
    finally:
        put_back_quit()
    return b"".join(chunks), False


def _typed_lines(app: AppContext, chunks: list[bytes], typed: _StdinDraft | None) -> None:
    """The lines typed at the terminal until Ctrl-D, each added to `chunks` as it comes (as
    the bytes typed, for `_stdin_text` to check), and kept in `typed` (when given); on
    Ctrl-C, the words on the line being typed too."""
    import contextlib
    import sys

    from peerjournal.cli.guided import LineReader

    with contextlib.suppress(ValueError, OSError, AttributeError):
        sys.stdin.reconfigure(errors="surrogateescape")  # type: ignore[union-attr]
    reader = LineReader.for_stdin()
    if typed is not None:
        reader.idle, reader.paused = typed.save_unsaved, typed.save_the_typed_line
    put_back_ctrl_d = _ctrl_d_ends_the_line(reader)
    try:
        while True:
            chunks.append(reader.read("", lambda _: None).encode("utf-8", "surrogateescape"))
            chunks.append(b"\n")
            if typed is not None:
                typed.line_ended()
    except EOFError:
        if typed is not None:
            typed.save_unsaved()
        return
    except KeyboardInterrupt:
        chunks.append(reader.take_interrupted().encode("utf-8", "surrogateescape"))
        app.err.print()  # the error on a line of its own, not after the ^C (lost if stderr is)
        raise
    finally:
        put_back_ctrl_d()
        reader.close()


class _StdinDraft:
    """Text that comes in on standard input for `write --stdin` (`--from-file -`, `write <
    FILE`), kept in the draft that Ctrl-C, or text that cannot be saved, keeps it in
    (`_keeping_piped`: an editor draft, the options noted in it, that `write --resume`
    knows) until the entry is saved or kept: a process killed (kill -9, a battery gone)
    keeps it. Piped, once it has all come in (`keep`); typed at a terminal, as it is typed:
    every line ended with Enter, and the line being typed once the writer pauses
    (`LineReader.paused`), as a guided write keeps them. The lines of a paste are saved
    together once read, and at least every `guided.SAVE_EVERY` seconds meanwhile: written
    again after each line, a long paste would crawl. The session holds it (another
    terminal's `write --resume` leaves it alone)."""

    def __init__(self, app: AppContext, options: dict[str, object]) -> None:
        self.app = app
        self.options = options
        self.chunks: list[bytes] = []  # what has come in so far (`_read_stdin`)
        self.file: Draft | None = None
        self._on_disk = ""  # the text the file holds
        self._saved_at = 0.0
        self._unsaved = False
        self._warned = False

    def line_ended(self) -> None:
        """After each line typed: saved, unless more of a paste is waiting and the draft was
        saved less than SAVE_EVERY seconds ago (`save_unsaved` saves it once the paste is
        read). A draft that cannot be written is said once: the text is kept in memory, and
        kept, or printed, at the end, as ever."""
        import time

        from peerjournal.cli.guided import SAVE_EVERY, more_input_waiting

        if time.monotonic() - self._saved_at < SAVE_EVERY and more_input_waiting():
            self._unsaved = True
            return
        problem = self._save()
        if problem is not None and not self._warned:
            self._warned = True
            self.app.say(
                f"The draft cannot be saved in {_drafts_dir(self.app)} ({problem}); carry on: "
                "your text is kept in memory."
            )

    def save_unsaved(self) -> None:
        """Save the lines `line_ended` left unsaved (readline calls this when it is to wait
        for a key: the paste is read; and at Ctrl-D)."""
        if self._unsaved:
            self._save()

    def save_the_typed_line(self) -> None:
        """Save with the words on the line being typed (the writer has paused: readline's
        line buffer), as Ctrl-C would keep them."""
        import readline

        try:
            line = str(readline.get_line_buffer())
        except (AttributeError, ValueError, OSError):
            return
        self._save(line)

    def _save(self, typing: str = "") -> str | None:
        """`keep` the lines typed, and `typing` after them."""
        import time

        from peerjournal.textsafe import without_nul

        self._unsaved = False
        self._saved_at = time.monotonic()
        return self.keep(without_nul(b"".join(self.chunks).decode("utf-8", "replace") + typing))

    def keep(self, text: str) -> str | None:
        """Write `text` to the draft (unless it holds it already); why it could not be, else
        None. Text with no word in it is no draft: the file is removed (the line saved at a
        pause erased)."""
        from peerjournal.drafts import removed, with_options, write_atomic

        if text == self._on_disk:
            return None
        try:
            if not text.strip():
                if self.file is not None:
                    removed(self.file.path)
            else:
                if self.file is None:
                    self.file = _new_draft(self.app, ".md", in_hand=True)
                    self.file.hold()
                write_atomic(self.file.path, with_options(text, self.options))
        except OSError as exc:
            return str(exc.strerror or exc)
        except PeerJournalError as exc:  # (called from readline too: nothing may raise)
            return exc.message
        self._on_disk = text
        return None


def _ctrl_d_ends_the_line(reader: Any) -> Callable[[], None]:
    """Through GNU readline (`reader.readline`), Ctrl-D on a line with text on it ends that
    line, as a terminal's own line reading (`cat`) does: text, Ctrl-D, Ctrl-D ends the input
    (readline's Ctrl-D there deletes the character under the cursor: at the end of the line,
    nothing happened). On an empty line readline still reads it as the end of the input.
    Returns what puts readline's own binding back."""
    if not reader.readline:
        return lambda: None
    import readline

    if "libedit" in (readline.__doc__ or ""):
        return lambda: None
    readline.parse_and_bind('"\\C-d": accept-line')
    return lambda: readline.parse_and_bind('"\\C-d": delete-char')


def _stdin_text(app: AppContext, data: bytes) -> tuple[str, PeerJournalError | None]:
    """Standard input (`data`) as text that a draft can hold, and what is wrong with it (None
    when nothing is): bytes that are not UTF-8 (a � in place of each) or NUL bytes (a stray
    one in a note, a binary file: left out, as a draft holding one could not be resumed).
    Text in Windows-1252 (`editor.as_windows_1252`: "café" from a Western Windows or an old
    file) is read as that, with a line on stderr; what follows a UTF-16 or UTF-32 byte order
    mark but is not text in it (binary) is kept as read in it. Raises when there is nothing to
    keep (only NULs)."""
    from peerjournal.cli.editor import (
        NotTextError,
        decode_with_nul,
        nul_error,
        read_as_windows_1252,
        read_by_mark,
    )
    from peerjournal.errors import PeerJournalError
    from peerjournal.textsafe import without_nul

    try:
        text = decode_with_nul(data, "Standard input", marked=lambda encoding: app.say(
            read_by_mark("Standard input", encoding)))
    except NotTextError as exc:
        utf16 = _utf16_without_mark(data) if exc.utf8 else None  # ("Zoë", Chinese)
        if utf16 is not None:
            return utf16
        guessed = read_as_windows_1252(data, "Standard input", app.say) if exc.utf8 else None
        if guessed is not None:
            return guessed, None
        if exc.utf8:
            kept = data.decode("utf-8", errors="replace")
            guess = f"; {exc.hint}" if exc.hint else ""
            message = (f"Standard input is not UTF-8 text (at byte {exc.at}{guess}): those bytes "
                       "are kept as �")
        else:  # UTF-16 or UTF-32 by its byte order mark, but not text (binary?): kept as read
            kept = data.decode(exc.encoding, errors="replace")
            message = f"{exc.what}: it is kept as read in {exc.encoding.upper()}"
        if not kept.replace("\x00", "").strip():
            raise  # nothing to keep
        if "\x00" in kept:
            message += ", and its NUL bytes are left out"
        return without_nul(kept), NotUtf8(message + ".", exc.exit_code, data, exc.likely)
    if "\x00" not in text:
        return text, None
    utf16 = _utf16_without_mark(data)
    if utf16 is not None:
        return utf16
    kept = without_nul(text)
    if not kept.strip():
        raise nul_error("standard input")  # nothing but NULs: nothing to keep
    return kept, PeerJournalError(
        "Standard input contains NUL bytes (is it a binary file?): they are left out."
    )


def _utf16_without_mark(data: bytes) -> tuple[str, NotUtf8] | None:
    """Standard input that looks like UTF-16 saved without a byte order mark (`--from-file`
    names it so: `editor.encoding_hint`), read as that and kept as a draft, its bytes beside
    it; None when it does not look like that."""
    from peerjournal.cli.editor import Encoding, encoding_hint, save_as_utf8, utf16_order
    from peerjournal.errors import ExitCode

    order = utf16_order(data)
    if order is None:
        return None
    hint = encoding_hint(data)
    text = data[: len(data) // 2 * 2].decode(order, errors="replace")
    if not text.replace("\x00", "").strip():
        return None
    message = (f"Standard input is not UTF-8 text; {save_as_utf8(hint)}. It was read as "
               f"{order} to keep it: check the text.")
    return text.replace("\x00", ""), NotUtf8(
        message, ExitCode.USER_ERROR, data, Encoding(order, f"text in {order}")
    )


class NotUtf8(PeerJournalError):
    """Standard input that is not UTF-8 (`_stdin_text`), kept with a � for each byte that is
    not: its bytes as they came in (`original`) are kept beside the draft, and the encoding
    they are `likely` in (None: not known) names what `iconv` converts them from."""

    def __init__(
        self, message: str, code: ExitCode, original: bytes, likely: Encoding | None
    ) -> None:
        super().__init__(message, code)
        self.original = original
        self.likely = likely


def _original(flaw: PeerJournalError | None) -> NotUtf8 | None:
    return flaw if isinstance(flaw, NotUtf8) else None


def _keep_original(
    app: AppContext, kept: Draft, original: NotUtf8 | None, saves: bool, options: bool = False
) -> str:
    """Keep the bytes `original` came in as beside the draft `kept` (`Draft.keep_original`);
    the sentence that says where, and how to convert them to UTF-8 (`saves`: and save them,
    piped to `write`, with the `options` kept in the draft: `_options_kept_for`); "" when
    there are none, or they cannot be written (the text is in the draft, each byte that is
    not UTF-8 a �)."""
    import shlex

    if original is None:
        return ""
    try:
        kept.keep_original(original.original)
    except OSError:
        return ""
    source = original.likely.name if original.likely is not None else "ENCODING"
    iconv = f"iconv -f {source} -t UTF-8 {shlex.quote(str(kept.original))}"
    which = "" if original.likely is not None else ", ENCODING the one it was saved in"
    if saves:
        command = f"`{iconv} | {app.command_hint('write').strip('`')}` saves it{which}"
        if options:
            command += " (with the options you gave, kept in the draft)"
        return f" As it came in, it is in {kept.original}: {command}."
    return f" As it came in, it is in {kept.original} (`{iconv}` converts it{which})."


def _not_an_entry(text: str, source: str) -> None:
    """Refuse JSON (a backup, `show --json`) and a summary for a mentor: read as the Markdown
    format, the whole file would become one entry's experience, every entry of a backup in it."""
    import json

    from peerjournal.errors import PeerJournalError
    from peerjournal.exporters.common import summary_form

    named = "-" if source == "standard input" else source
    form = summary_form(text)
    if form is not None:  # `review` reads only the JSON form
        raise PeerJournalError(
            f"{source} is a summary for a mentor ({form}), not an entry: nothing was saved. "
            "`peerjournal review` reads the JSON form (`export --format json`)."
        )
    if not text.lstrip().startswith(("{", "[")):
        return
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return  # text that only starts like JSON: a note that opens with "[10:30]"
    if not isinstance(data, (dict, list)):
        return
    schema = data.get("schema") if isinstance(data, dict) else None
    if isinstance(schema, str) and schema.startswith("peerjournal.summary/"):
        raise PeerJournalError(
            f"{source} is a summary for a mentor, not an entry: `peerjournal review {named}` "
            "shows it. Nothing was saved."
        )
    raise PeerJournalError(
        f"{source} holds JSON, not the Markdown entry format: `peerjournal import {named}` "
        "reads peerjournal's JSON (a backup, `show --json`). Nothing was saved."
    )


def _keeping_piped(
    app: AppContext,
    text: str,
    options: dict[str, object],
    exc: PeerJournalError,
    again: str = "",
    original: NotUtf8 | None = None,
    given: tuple[str | None, ...] = (),
    into: Draft | None = None,
) -> PeerJournalError:
    """`exc`, once the piped `text` is kept as an editor draft (or printed, if it can't be),
    with the command-line `options` noted in it for `write --resume`; the bytes `original`
    came in as (not UTF-8) beside it. Text `given` with -x, -f and -e is named as not kept:
    which text is meant is not known (the file's own part, or the option's, or both), and
    `write --resume` would save the draft without it, unseen. `into`: the draft that held
    the text as it was typed (`_StdinDraft`), written over, not left beside a new one."""
    from peerjournal.drafts import text_printed, with_options, write_atomic

    flags = "/".join(flag for flag, words in zip(("-x", "-f", "-e"), given, strict=False)
                     if words and words.strip())
    if flags:
        exc.message = (
            f"{exc.message.rstrip()} The draft holds the text piped in, not the words given "
            f"with {flags}: add them when you continue it."
        )
    text = with_options(text, options)
    try:
        kept = into or _new_draft(app, ".md", in_hand=True)
        write_atomic(kept.path, text)
    except OSError as err:
        return text_printed(exc, text, _drafts_dir(app), str(err.strerror or err))
    exc = _naming_the_draft(app, exc, kept, again)
    exc.message += _keep_original(app, kept, original, saves=True, options=bool(options))
    return exc


def _checked(app: AppContext, draft: EntryDraft) -> PromptSet:
    """The draft made ready to save (see `entry.validate`), and the prompt set it names."""
    from peerjournal.entry import validate

    prompt_set = _prompt_set(draft.prompt_set)  # a file may name a set; it must exist
    validate(draft, app.today())
    return prompt_set


def _say_the_day_in_the_small_hours(
    app: AppContext, draft: EntryDraft, prompt_set: PromptSet, draft_file: Draft
) -> None:
    """Before the editor opens on a new entry in the small hours (no --date), the day is asked
    at a terminal, as a guided write asks it (`guided.day_question`, read by a guided
    session: `GuidedSession.ask`): Enter, y, "yesterday" date it yesterday, n or "today"
    today. Words typed or pasted there, every line, begin the experience (the editor opens
    with them) and the question is asked again; Ctrl-C keeps them in `draft_file`, which
    `write --resume` opens in the editor. With no answer (Ctrl-D), or no terminal, the day is
    left as it was begun: said, with how to change it."""
    from datetime import timedelta

    from peerjournal.cli.guided import SMALL_HOURS_END, GuidedSession, day_question
    from peerjournal.dates import EARLIEST, spoken
    from peerjournal.replies import DAY_ANSWERS

    now = app.now()
    if now.hour >= SMALL_HOURS_END:
        return
    change = ("change the date: line in the editor (or, once saved, "
              f"{app.command_hint('edit ID --date DATE')})")
    dated = (f"It is {now:%H:%M}: this entry is dated today, {spoken(draft.date, weekday=True)}. "
             f"For yesterday's shift, {change}.")
    offered = now.date() - timedelta(days=1)
    if app.stdin_is_terminal() and now.date() > EARLIEST:
        question, again = day_question(now, offered, draft.date)
        try:
            reply = GuidedSession(app, draft, prompt_set, draft_file).ask(
                question, again, "experience", DAY_ANSWERS)
        except PeerJournalError as exc:  # (Ctrl-C, q: what was typed kept in `draft_file`)
            if draft_file.path.exists():
                exc.message += f" {dated}"
            raise
        if reply is not None:
            if reply:
                draft.date = offered
            today = "" if reply else "today, "
            app.say(f"Dated {today}{spoken(draft.date, weekday=True)}: to change it, {change}.")
            return
    app.say(dated)


def _from_editor(
    app: AppContext, draft: EntryDraft, prompt_set: PromptSet, draft_file: Draft
) -> EntryDraft:
    from peerjournal.cli.editor import not_opened
    from peerjournal.drafts import write_atomic
    from peerjournal.reflection import format_template

    try:
        write_atomic(draft_file.path, format_template(draft, prompt_set))
    except OSError as exc:  # a full disk: "No space left on device" alone said nothing of what
        draft_file.discard()
        raise not_opened("draft", draft_file.path.parent, exc, "nothing was typed yet") from None
    # words typed at the day question are the writer's: an editor closed without saving
    # (`:q!`, or one that does not wait) keeps them as a draft, as `write --resume` does
    typed = bool(draft.experience.strip())
    return _edited(app, draft, prompt_set, draft_file, {}, keep_unchanged=typed)


def _edited(
    app: AppContext,
    draft: EntryDraft,
    prompt_set: PromptSet | None,
    draft_file: Draft,
    explicit: dict[str, object],
    earlier: Draft | None = None,
    keep_unchanged: bool = False,
    as_it_is: bool = False,
) -> EntryDraft:
    """Run the editor on a write draft and read it back; a draft left blank is not kept.
    `earlier`: the guided draft `draft_file` was made from (`_as_editor_draft`), removed only
    once the editor has left text in `draft_file`; whatever stops it first, it is kept.
    `keep_unchanged` (`write --resume`, with --editor or without): an editor closed without
    saving (vim's `:q!`, or an editor that does not wait) leaves the draft a draft, as the
    template says ("Save and close the editor to keep it"), instead of saving it; unless
    `--setting` was given for a `setting:` header that cannot be saved (`_fixes_the_setting`).
    `as_it_is`: the editor is not run; the draft is read back as it is (`echo y | write
    --resume`)."""
    import time

    from peerjournal.cli.editor import (
        NotTextError,
        check_comments,
        parse_entry,
        run_editor_or_1252,
        waiting_hint,
    )
    from peerjournal.cli.editor_safety import (
        Before,
        keeping_before,
        kept_recovery_note,
        naming_recovery,
        replace_earlier,
        stopped,
    )
    from peerjournal.drafts import number_of, read_options, take_number
    from peerjournal.entry import MODES, EntryDraft
    from peerjournal.errors import ExitCode, PeerJournalError
    from peerjournal.reflection import apply_parsed, format_template, typed_into_comment

    before = Before.of(draft_file)
    resumed = earlier is not None or draft_file.holds_text()  # typed text, here or in `earlier`
    naming = _naming(app, draft_file)
    started = time.monotonic()
    try:
        # a draft saved in another encoding is fixed and then resumed: `write --editor`
        # again would start a new template
        retry = f"run {naming.again(draft_file)}"
        text = (
            _read_as_it_is(app, draft_file.path, retry) if as_it_is
            else run_editor_or_1252(draft_file.path, app.say, retry)
        )
    except (PeerJournalError, KeyboardInterrupt) as exc:  # KeyboardInterrupt: SIGTERM or SIGHUP
        failed = stopped(exc)
        if isinstance(failed, NotTextError):  # the editor saved it so: the ways out
            failed.message += unreadable_ways_out(app, _drafts_dir(app), draft_file, failed)
        # the editor's recovery file (a closed terminal) may hold words: the draft is kept
        # with it, whatever it holds, and both are named (`drafts` lists them)
        recovery = draft_file.recovery_files()
        if recovery and earlier is not None:  # (its words may be in either: both kept)
            earlier.release()
        elif resumed:  # what the draft held survives whatever the editor did
            failed = keeping_before(draft_file, before, failed, naming, earlier)
        elif not recovery and not draft_file.holds_text():
            draft_file.discard()  # only the template: nothing worth keeping
            if failed.exit_code == ExitCode.INTERRUPTED:
                raise PeerJournalError(
                    f"{failed.message} Nothing was typed, so no draft was kept.",
                    ExitCode.INTERRUPTED,
                ) from None
        if recovery:
            again, forget = naming.again(draft_file), naming.forget(draft_file)
            raise naming_recovery(draft_file, failed, again, forget, "draft") from None
        if resumed:
            raise failed from None
        raise
    # (`write --resume --setting X` for a draft whose own setting was refused is a change)
    if keep_unchanged and not as_it_is and not _fixes_the_setting(explicit, text) and (
        before.closed_unsaved(draft_file)
    ):
        unchanged = PeerJournalError(
            "No changes were made in the editor, so nothing was saved." + waiting_hint(started)
            + _SETTING_TO_GIVE * _own_setting_refused(text)
        )
        raise keeping_before(draft_file, before, unchanged, naming, earlier)
    if resumed and not text.strip():
        # an editor that crashed while saving, or a full disk, leaves an empty file
        emptied = PeerJournalError("The editor left the draft empty; nothing was saved.")
        raise keeping_before(draft_file, before, emptied, naming, earlier)
    if earlier is not None:
        number = number_of(_drafts_dir(app), earlier)
        replace_earlier(draft_file, before, earlier, naming)
        if not earlier.path.exists():  # (its words are in `draft_file` now, and its number)
            take_number(draft_file, number)
    check_comments(before.text, text)
    # Options kept with piped text that could not be saved; those given now replace them.
    kept = read_options(text)
    if kept.pop("shared", False):
        draft.shared = True
    explicit = {**kept, **explicit}
    if prompt_set is None:  # a resumed draft: the set its header names (or --prompts)
        named = explicit.get("prompt_set") or parse_entry(text).prompts or draft.prompt_set
        prompt_set = _prompt_set(str(named))
    parsed = parse_entry(text, prompt_set)
    if not any(v.strip() for v in parsed.texts.values()) and not parsed.answers:
        # words left inside a comment by an earlier session: this draft is not blank (the
        # guidance in its comments is that of either mode: the mode line may have changed)
        blanks = [format_template(EntryDraft(draft.date, mode=m), prompt_set) for m in MODES]
        if all(typed_into_comment(blank, text) for blank in blanks):
            check_comments(blanks[0], text)
        if as_it_is and text.strip():  # not emptied by the writer: never thrown away unseen
            raise PeerJournalError(
                f"The draft {draft_file.path} reads as an empty entry, so nothing was saved; "
                f"it is kept as it was: {naming.again(draft_file)[:-1]} --editor` opens it."
            )
        draft_file.discard()
        left = "The entry was left empty, so nothing was saved." + waiting_hint(started)
        raise PeerJournalError(f"{left} {kept_recovery_note(draft_file)}".rstrip())
    left_out = _keep_left_out(draft, before.text, parsed, prompt_set) if resumed else []
    apply_parsed(draft, _timed_header(app, draft, parsed, explicit), app.today(), explicit)
    if left_out:
        _write_kept(app, draft_file, draft, prompt_set, text, left_out)
    _apply(draft, explicit)
    return draft


def _keep_left_out(
    draft: EntryDraft, before: str, parsed: ParsedEntry, prompt_set: PromptSet
) -> list[str]:
    """The sections and answers of a resumed draft (`before`: its file as the editor opened
    it) that the saved file (`parsed`) left out, a heading deleted by accident: put in
    `draft` (`apply_parsed` keeps them), as `edit` keeps an entry's; the note that says so."""
    from peerjournal.cli.edit import headings_deleted, sections_left_out
    from peerjournal.cli.editor import parse_entry
    from peerjournal.entry import EntryDraft
    from peerjournal.errors import PeerJournalError

    try:
        was = parse_entry(before, prompt_set)
    except PeerJournalError:  # (a draft that did not parse: nothing known to keep)
        return []
    old = EntryDraft(draft.date, answers=dict(was.answers))
    for part, value in was.texts.items():
        setattr(old, part, value)
    notes = [*headings_deleted(old, parsed), *sections_left_out(old, parsed)]
    if notes:
        for part in was.texts.keys() - parsed.texts.keys():
            setattr(draft, part, was.texts[part])
        draft.answers = {**draft.answers, **{
            qid: answer for qid, answer in was.answers.items() if qid not in parsed.questions
        }}
    return notes


def _write_kept(
    app: AppContext, draft_file: Draft, draft: EntryDraft, prompt_set: PromptSet, text: str,
    notes: list[str],
) -> None:
    """Say `notes` (`_keep_left_out`), and write the draft with what they keep into its file:
    a save refused after this (a setting too long) keeps them for `write --resume` too."""
    import contextlib

    from peerjournal.drafts import read_options, with_options, write_atomic
    from peerjournal.reflection import format_template

    for note in notes:
        app.say(note)
    with contextlib.suppress(OSError):  # (a full disk: the entry is whole in memory)
        write_atomic(draft_file.path, with_options(
            format_template(draft, prompt_set), read_options(text)
        ))


def _read_as_it_is(app: AppContext, path: Path, retry: str) -> str:
    """A draft's text as `editor.run_editor_or_1252` reads it back, the editor not run."""
    from peerjournal.cli.editor import decode_or_1252, read_file

    return decode_or_1252(read_file(path), str(path), app.say, retry)


def _naming(app: AppContext, draft_file: Draft) -> Naming:
    """How `editor_safety` names a write draft: `write --resume --draft N` continues it,
    `drafts --discard N` throws it away; the text as it was before goes in a new draft (one
    kept from text given in hand, if that one was)."""
    from peerjournal.cli.editor_safety import Naming
    from peerjournal.drafts import KEPT

    def as_it_was(copy: Draft) -> str:
        again, forget = _listed(app, copy, always=True)
        return (
            f"The draft as it was before the editor opened it is kept in {copy.path} "
            f"({app.resume_hint(again)}; {forget} if you no longer need it)."
        )

    return Naming(
        again=lambda file: app.resume_hint(_listed(app, file, always=True)[0]),
        forget=lambda file: _listed(app, file)[1],
        spare=lambda: _new_draft(app, ".md", in_hand=draft_file.path.name.startswith(KEPT)),
        as_it_was=as_it_was,
    )


def _listed(app: AppContext, file: Draft, always: bool = False) -> tuple[str, str]:
    """How to continue the draft `file` and how to throw it away: the options `write --resume`
    needs (none when it is the draft --resume picks, else --draft N; `always`: --draft N
    whichever it is, the one command to type for a draft a failure kept) and the command
    that discards it (`editor_safety.discard_command`)."""
    from peerjournal.cli.editor_safety import discard_command
    from peerjournal.drafts import number_of, pending

    folder = _drafts_dir(app)
    number = number_of(folder, file)
    if number is None:
        return "", discard_command(app, file, number)
    newest = pending(folder)
    again = "" if not always and newest and newest[0].path == file.path else f" --draft {number}"
    return again, discard_command(app, file, number)


def _guided(
    app: AppContext,
    draft: EntryDraft,
    prompt_set: PromptSet,
    draft_file: Draft,
    given: dict[str, object],
) -> Draft | None:
    """A guided session; returns the draft file that holds the finished entry (None if the
    file could not be written: `_save` then keeps or prints the entry itself)."""
    from peerjournal.cli.guided import GuidedSession

    session = GuidedSession(app, draft, prompt_set, draft_file)
    session.ask_date = "date" not in given  # (asked only in the small hours)
    _run(session, given)
    return _after_session(session)


def _run(session: GuidedSession, given: dict[str, object]) -> EntryDraft:
    """Ask what the command line did not give."""
    return session.run(*_asked(given))


def _asked(given: dict[str, object]) -> tuple[bool, bool, bool]:
    """Whether to ask the setting, the tags and the self-care note (not given as flags)."""
    return "setting" not in given, "tags" not in given, "self_care" not in given


def _after_session(session: GuidedSession) -> Draft | None:
    """The draft file that holds the whole entry; None when the last of it could not be
    written (a full disk): the entry is whole in memory only, and the file, holding it up to
    the last line saved, is left as it is (`_Writing.stale`) until the entry is saved or
    kept whole elsewhere."""
    if not session.saved:
        session.save()  # once more: space may have been freed meanwhile
    return session.file if session.saved else None


def _resume(
    app: AppContext,
    draft_file: Draft,
    defaults: EntryDraft,
    given: dict[str, object],
    prompts: str | None,
    share: bool,
    again: str = "",
    earlier: Draft | None = None,
    *,
    as_it_is: bool = False,
    repeat_since: datetime | None = None,
) -> tuple[EntryDraft, Draft | None]:
    """Continue a draft; options given now replace the draft's values. `again` is what
    `write --resume` needs to pick this draft again (" --draft N", or nothing); `earlier`:
    the guided draft an editor draft was made from (see `_edited`); `as_it_is`: an editor
    draft is saved as it is, without the editor (a yes piped in); `repeat_since`: when a
    kept quick draft was kept (`_kept_at`): one whose text is an entry already is returned
    as it is, unasked (`_save` names the entry: QA r46, "Save this entry?" came first)."""
    from peerjournal.drafts import KEPT
    from peerjournal.errors import PeerJournalError

    if draft_file.kind == "editor":
        explicit = _explicit(given, prompts)
        edited = _edited(
            app, defaults, None, draft_file, explicit, earlier, keep_unchanged=True,
            as_it_is=as_it_is,
        )
        return edited, draft_file
    session = _resumed_session(app, draft_file, prompts)
    if prompts is not None and prompts != session.draft.prompt_set and not (
        draft_file.path.name.startswith(KEPT)  # (a quick entry or piped text kept)
        and session.takes_another_set(_prompt_set(prompts))
    ):
        raise PeerJournalError(
            f"This draft was started with the {session.draft.prompt_set!r} prompts; --prompts "
            "cannot change them halfway. Resume without --prompts."
        )
    _apply(session.draft, given)
    if "date" in given:  # (the day asked in the small hours is given: not asked again)
        session.day_offered = None
    if share:
        session.draft.shared = True
    # A part over the size limit would make the session end, every time, with an entry that
    # cannot be saved: say so before a single question, and how to cut it down.
    too_long = _too_long(session.draft)
    if too_long is not None:
        raise PeerJournalError(_too_long_message(app, too_long, draft_file, again))
    if repeat_since is not None and _is_a_repeat(app, session.draft, repeat_since):
        return session.draft, draft_file
    if session.unanswerable(*_asked(given)):  # (flags answer their questions)
        raise _piped_to_questions_left(app, draft_file, given, prompts)
    draft = _run(session, given)
    return draft, _after_session(session)


def _piped_to_questions_left(
    app: AppContext, draft_file: Draft, given: dict[str, object], prompts: str | None
) -> PeerJournalError:
    """The error for a guided draft with questions still to answer resumed with standard input
    no terminal (`guided.QUESTIONS_LEFT`): the draft is left as it was, and text piped in
    (answers meant for its questions, perhaps) is kept as an editor draft of its own, as
    for an editor draft (`_refuse_unused_stdin`), never dropped."""
    from peerjournal.cli.guided import QUESTIONS_LEFT

    refused = PeerJournalError(QUESTIONS_LEFT)
    unused = " What was piped in was not taken as its answers."
    kept = _keeping_stdin(app, refused, _explicit(given, prompts), unused)
    again = _listed(app, draft_file)[0]  # (the piped text's draft is the newest now)
    if kept is None:
        if refused.message.endswith(_NOT_READ):  # named here: "Your text is kept in" the
            refused.message += (  # draft would read as if what was piped in was
                f" {app.resume_hint(again)}, in a terminal, asks the questions of the draft "
                f"{draft_file.path}."
            )
        return refused
    kept.message += (
        f" To answer the questions of the draft {draft_file.path}: "
        f"{app.resume_hint(again)}, in a terminal."
    )
    return kept


def _resumed_session(app: AppContext, guided: Draft, prompts: str | None) -> GuidedSession:
    from peerjournal.cli.guided import GuidedSession

    session = GuidedSession.resume(app, guided, _resumable_set(app, prompts))
    session.draft.prompt_set = session.prompt_set.name  # another, if the draft's set is gone
    return session


def _as_editor_draft(app: AppContext, guided: Draft, prompts: str | None) -> Draft:
    """The guided draft `guided` as an editor draft (`write --resume --editor`): every word
    and option of it in the Markdown entry format; returns the new draft, held. `guided` is
    left as it is: `_edited` removes it once the editor has saved its text."""
    from peerjournal.drafts import with_options, write_atomic
    from peerjournal.errors import PeerJournalError
    from peerjournal.reflection import format_template

    session = _resumed_session(app, guided, prompts)
    if session.tags_line is not None and "tags" not in session.done:
        session.draft.tags = [session.tags_line]  # as typed: the `tags:` line shows it
    text = format_template(session.draft, session.prompt_set)
    text = with_options(text, {"shared": True} if session.draft.shared else {})
    markdown = _new_draft(app, ".md")
    try:
        markdown.hold()
        write_atomic(markdown.path, text)
    except BaseException as exc:
        markdown.discard()
        markdown.release()
        if isinstance(exc, OSError):
            raise PeerJournalError(
                f"The draft cannot be written to {markdown.path.parent} "
                f"({exc.strerror or exc}); {guided.path} is unchanged."
            ) from None
        raise
    return markdown


def _too_long(draft: EntryDraft) -> str | None:
    """What is over the size limit in `draft` (as `entry.clean_text` counts), said for the
    writer; None if nothing is."""
    from peerjournal.entry import MAX_TEXT_CHARS, normalised_text

    parts = [
        ("The setting", draft.setting),
        ("The experience section", draft.experience),
        ("The feelings section", draft.feelings),
        ("The evaluation section", draft.evaluation),
        *(("An answer to a question", answer) for answer in draft.answers.values()),
        ("The self-care section", draft.self_care),
    ]
    for name, text in parts:
        size = len(normalised_text(text))
        if size > MAX_TEXT_CHARS:
            return (
                f"{name} is {size:,} characters long; an entry can hold at most "
                f"{MAX_TEXT_CHARS:,} in each part."
            )
    return None


def _too_long_message(
    app: AppContext, too_long: str, draft_file: Draft, again: str = ""
) -> str:
    """`too_long`, and how to cut the draft down in the editor without losing a word."""
    editor = "" if draft_file.kind == "editor" else " --editor"
    return (
        f"{too_long} Every word is kept in the draft {draft_file.path}: "
        f"{app.resume_hint(editor + again)} opens it in your editor, to cut it down or move "
        "some of it to another entry."
    )


def _resumable_set(app: AppContext, prompts: str | None) -> Callable[[str], PromptSet]:
    """Loads a resumed draft's prompt set. A set removed since the draft was started would
    make the draft impossible to finish: --prompts (or the default set) takes its place."""
    from peerjournal.errors import NotFoundError
    from peerjournal.reflection import DEFAULT_SET

    def load(name: str) -> PromptSet:
        try:
            return _prompt_set(name)
        except NotFoundError:
            chosen = prompts or DEFAULT_SET
            app.say(
                f"The prompt set {name!r} this draft was started with is gone; "
                f"continuing with the {chosen!r} prompts."
            )
            return _prompt_set(chosen)

    return load


def _keep_as_draft(
    app: AppContext, draft: EntryDraft, prompt_set: PromptSet, in_hand: bool
) -> Draft:
    """A finished entry that could not be saved, as a guided draft with every step done
    but an empty experience, which `write --resume` asks for (`in_hand`: see `_new_draft`)."""
    from peerjournal.drafts import save_json
    from peerjournal.entry import ELEMENTS
    from peerjournal.textsafe import shows_anything

    questions = [f"answer:{qid}" for qid in prompt_set.questions()]
    elements = [e for e in ELEMENTS if e != "experience" or shows_anything(draft.experience)]
    kept = _new_draft(app, ".json", in_hand)
    try:
        save_json(
            kept,
            {
                "entry": draft.to_dict(),
                "done": ["setting", *elements, *questions, "tags", "self_care"],
            },
        )
    except BaseException:
        kept.discard()
        raise
    return kept


def _keep_or_print(
    app: AppContext,
    draft: EntryDraft,
    prompt_set: PromptSet,
    failed: PeerJournalError,
    again: str = "",
    *,
    in_hand: bool,
    original: NotUtf8 | None = None,
    replacing: Draft | None = None,
    whole: bool = False,
) -> PeerJournalError:
    """`failed` (the reason an entry was not saved), once the entry is kept as a draft; if even
    that fails, printed on stdout. `in_hand`: its text was given on the command line or piped
    in (not typed in a guided session); `original`: the bytes its experience was piped in as
    (not UTF-8), kept beside it; `replacing`: a draft holding part of the entry
    (`_Writing.stale`), removed once the whole of it is kept, else left for the caller to
    name; `whole`: it holds the entry's text whole as it came in on standard input
    (`_StdinDraft`), and is the draft named when no other can be written (a full disk)."""
    import contextlib

    from peerjournal.drafts import text_printed
    from peerjournal.reflection import format_template

    try:
        kept = _keep_as_draft(app, draft, prompt_set, in_hand)
    except OSError as exc:
        if whole and replacing is not None and replacing.path.exists():
            return _kept_in(app, replacing, failed, again)
        text = format_template(draft, prompt_set)
        return text_printed(failed, text, _drafts_dir(app), str(exc.strerror or exc))
    if replacing is not None:
        with contextlib.suppress(OSError):  # (named with the error if it stays)
            replacing.discard()
    failed = _kept_in(app, kept, failed, again)
    failed.message += _keep_original(app, kept, original, saves=False)
    return failed


def _kept_in(
    app: AppContext, kept: Draft, failed: PeerJournalError, again: str = ""
) -> PeerJournalError:
    """`failed`, saying where the entry is kept; still of its kind (`errors.DamagedJournal`)."""
    failed.message = f"{failed.message} {_kept_as(app, kept, _giving_again(failed, again))}"
    return failed


def _saved_notes(
    app: AppContext,
    line: _CommandLine,
    draft: EntryDraft,
    prompted: bool,
    at: datetime | None = None,
) -> list[str]:
    """What to say once the entry is saved: its date when that is not today (and the time
    --date gave, `at`: "Dated Fri 20 Nov 2026 at 18:00."), and how to give
    the other reading of numbers typed (`dates.dated_note`: "12/06/2026" is 12 June, far down
    `list`); tags stored as another word than typed (`entry.retagged_note`: "ana's"), and a
    setting stored without a character typed (`entry.resettled_note`: an escape) or naming a
    person (`guided.named_note`), given with -s or in a `setting:` header (the guided prompt,
    `prompted`, says it as it is typed)."""
    from peerjournal.cli.guided import named_note
    from peerjournal.dates import dated_note
    from peerjournal.entry import resettled_note, retagged_note

    typed = _single(line.setting)
    given = typed if typed is not None or prompted else draft.setting
    notes = [
        dated_note(draft.date, app.today(), line.date, at),
        retagged_note(line.tags or []),
        resettled_note(given),
        named_note(given),
    ]
    return [note for note in notes if note]


def _save(
    app: AppContext,
    draft: EntryDraft,
    draft_file: Draft | None,
    json_out: bool,
    check_setting: bool = True,
    in_hand: bool = False,
    piped: str | None = None,
    stale: Draft | None = None,
    said: Sequence[str] = (),
    whole: bool = False,
    once: bool = False,
    since: datetime | None = None,
    at: datetime | None = None,
    dated: bool = False,
) -> None:
    """Save the entry and say so; `check_setting`: a setting not typed at the guided prompt
    (-s, a file's header) that is a near miss of a known one is named on stderr, not asked
    about (a script may be writing). `in_hand`: the text was given on the command line or
    piped in (`piped`: as it came), not typed in a guided session. `stale`: a draft that
    holds the entry only in part (`_Writing.stale`), removed once it is saved or kept whole
    in a new draft, and never before: a disk that filled mid-session takes nothing typed;
    `whole`: it holds the text whole, as it came in on standard input (see `_keep_or_print`).
    `said`: lines to say once it is saved (`_saved_notes`). `once`: an entry of its date made
    in the last hour that holds exactly its text (`_repeat_of`: the command run again) is
    named, and the entry is not saved a second time (shared, if --share asks for it);
    `since`: for a kept draft resumed, when it was kept (made since, an entry is a repeat).
    `at`: the time --date gave (`_given_time`), stored as when the entry was written.
    `dated`: --date was given: with `once`, an entry of another date made in the last hour
    that holds the same text is named too (`_redated_repeat`), and the text not saved again."""
    from peerjournal.cli.saved import (
        discard_kept,
        print_after_saving,
        setting_hint,
        stored_json,
    )
    from peerjournal.drafts import let_go_of_the_journal
    from peerjournal.errors import ExitCode, PeerJournalError
    from peerjournal.reflection import DEFAULT_SET
    from peerjournal.scoring import score_draft
    from peerjournal.setting_names import known_settings, likely_meant

    too_long = _too_long(draft)
    if too_long is not None and draft_file is not None:
        raise PeerJournalError(_too_long_message(app, too_long, draft_file))
    if too_long is not None:  # a guided entry whose draft could not be written: keep it now
        fallback = _prompt_set(DEFAULT_SET)
        raise _keep_or_print(
            app, draft, _set_for(draft, fallback), PeerJournalError(too_long), in_hand=in_hand,
            replacing=stale, whole=whole,
        )
    try:
        prompt_set = _checked(app, draft)
    except PeerJournalError as exc:  # -f and -e without -x: "The experience is empty"
        if draft_file is not None or not (
            stale is not None or (in_hand and _needs_an_experience(app, draft))
        ):
            raise
        fallback = _set_for(draft, _prompt_set(DEFAULT_SET))
        raise _keep_or_print(
            app, draft, fallback, exc, in_hand=in_hand, replacing=stale, whole=whole
        ) from None
    meant = None  # (looked up before the entry is saved: its own setting is not "used" yet)
    if check_setting and draft.setting:
        meant = likely_meant(draft.setting, known_settings(app.store))
    try:
        repeated = _repeat_of(app, draft, since, at) if once else None
        redated = _redated_repeat(app, draft) if once and dated and repeated is None else None
        repeated = repeated or redated
        if repeated is None:
            drift = score_draft(draft, app.lexicon())
            entry_id = _add(app, draft, drift, at)
    except (KeyboardInterrupt, PeerJournalError) as exc:  # (scoring and a cold start take
        # seconds: Ctrl-C then keeps what was written too)
        failed = exc if isinstance(exc, PeerJournalError) else PeerJournalError(
            "Interrupted before the entry was saved.", ExitCode.INTERRUPTED
        )
        if draft_file is not None:
            raise _kept_in(app, draft_file, failed) from None
        let_go_of_the_journal(app)
        # text from flags or stdin (or a guided entry whose draft is behind): kept before
        # the failure is reported
        raise _keep_or_print(
            app, draft, prompt_set, failed, in_hand=in_hand, replacing=stale, whole=whole
        ) from None
    if repeated is not None:
        _not_saved_again(app, draft, repeated, json_out, (draft_file, stale), in_hand, piped,
                         resumed=since is not None, redated=redated is not None)
        return
    # The entry is saved: from here on nothing may turn that into an error, or the writer
    # (or a script trusting the exit code) writes it again. A damaged page that the insert
    # did not touch can still fail the reads below.
    for done_with in (draft_file, stale):
        if done_with is not None:
            discard_kept(app, entry_id, "saved", done_with, "`write --resume` saves it again")
    print_after_saving(
        app, entry_id, "saved",
        (lambda: app.print_json({**stored_json(app, entry_id, "saved"), "already": False}))
        if json_out else (lambda: typer.echo(entry_id)),
    )
    if in_hand:
        _forget_copies(app, draft, piped)
    if meant is not None:
        app.say(setting_hint(app, draft.setting, meant, entry_id))
    for note in said:
        app.say(note)
    first = _is_first_entry(app)
    if first:
        app.say(
            f"Your first entry is saved (entry {entry_id}) in {app.db_path}. peerjournal never "
            "sends anything anywhere (a synced or shared folder is copied by its own program)."
        )
    if app.config.get("drift", {}).get("summary_after_write", True):
        from peerjournal.render.verdicts import OneLineSummary

        app.err.print(
            OneLineSummary(entry_id, drift.data, drift.markers, app.command_text("drift")),
            soft_wrap=not app.err.is_terminal
        )
        if first:
            # wrapped at words, even in a log: it is a paragraph
            note = FIRST_DRIFT_NOTE.format(details=app.command_hint(f"drift {entry_id}"))
            app.err.print(note, markup=False, highlight=False)


REPEAT_MINUTES = 60  # how recent an entry holding the same text is for `_repeat_of`


def _add(app: AppContext, draft: EntryDraft, drift: Drift, at: datetime | None) -> int:
    """Store `draft`; written at `at` when --date gave a time (`updated_at` is then when it
    was saved), else now."""
    from peerjournal.entry import KeptIdentity

    if at is None:
        return app.store().add_entry(draft, app.now(), drift)
    stamps = KeptIdentity(created_at=at, updated_at=app.now())
    return app.store().add_entries([draft], app.now(), [drift], [stamps])[0]


def _repeat_of(
    app: AppContext, draft: EntryDraft, since: datetime | None = None, at: datetime | None = None
) -> Entry | None:
    """The entry made in the last `REPEAT_MINUTES` (by the clock) that holds exactly what
    `draft` (checked, as it is saved) holds: its date, texts, answers, setting, tags, mode
    and prompt set, as `import` compares an entry with no creation time (whether it is shared
    is not what is written). A file written twice, or a quick entry sent again with the Up
    arrow, is then not saved twice; the same short note on another day, or at the next shift
    ("Quiet shift." at 09:00 and 17:00), is another entry. Its date is part of what it holds,
    so only the entries of the draft's date are looked at, whenever they were made: a note for
    "today" at 23:50 and again at 00:20 is each night's own (the writer who means the same
    day gives `--date yesterday`, and that is a repeat). An entry made after now (a clock
    stepped back, an import from a machine ahead) is not recent: else it would stay a repeat
    until the clock caught up with it. `since`: when the draft resumed was kept (`_kept_at`):
    an entry made since then (or in the hour before) is a repeat however long ago that was,
    the command run again once the journal could take it. `at`: the time --date gave: an
    entry written at that moment (`_add`) is a repeat too, the command run again."""
    from datetime import timedelta

    from peerjournal.db.store import Filters
    from peerjournal.entry import entry_content
    from peerjournal.errors import PeerJournalError

    if not app.db_path.exists():  # (a first entry: nothing to repeat, and nothing made yet)
        return None
    try:
        same_day = app.store().list(Filters(since=draft.date, until=draft.date, limit=None))
    except PeerJournalError:  # (the save says what is wrong, and keeps the text)
        return None
    now, window = app.now(), timedelta(minutes=REPEAT_MINUTES)
    earliest = (now if since is None else min(now, since)) - window
    wanted = entry_content(None, draft)
    return next((entry for entry in same_day
                 if (earliest <= _made(app, entry) <= now or _made(app, entry) == at)
                 and entry_content(None, entry) == wanted), None)


RECENT_ENTRIES = 50  # the newest entries `_redated_repeat` looks at


def _redated_repeat(app: AppContext, draft: EntryDraft) -> Entry | None:
    """The entry made in the last `REPEAT_MINUTES` (not after now), dated the day it was
    made (the default date), that holds what `draft` holds but for its date: the same text
    written again with --date ("last night") is most likely the writer putting the first
    one's date right, not a second entry. An entry dated another day is left alone: the same
    text given --date for one day after another is a log filled in, each day its own. Only
    the newest `RECENT_ENTRIES` are looked at: one made in the last hour is among them."""
    import dataclasses
    from datetime import timedelta

    from peerjournal.db.store import Filters
    from peerjournal.entry import entry_content
    from peerjournal.errors import PeerJournalError

    if not app.db_path.exists():
        return None
    try:
        newest = app.store().highest_id_given()
        recent = app.store().list(Filters(
            ids=range(max(1, newest - RECENT_ENTRIES + 1), newest + 1), limit=None))
    except PeerJournalError:  # (the save says what is wrong, and keeps the text)
        return None
    now = app.now()
    wanted = entry_content(None, draft)
    return next((entry for entry in recent
                 if now - timedelta(minutes=REPEAT_MINUTES) <= _made(app, entry) <= now
                 and entry.date == _made(app, entry).date()
                 and entry_content(None, dataclasses.replace(entry, date=draft.date)) == wanted),
                None)


def _is_a_repeat(app: AppContext, draft: EntryDraft, since: datetime) -> bool:
    """Whether `draft`, made ready to save (`_checked`, on a copy), is an entry made since
    `since` already (`_repeat_of`); not when it cannot be saved as it is."""
    import copy

    from peerjournal.errors import PeerJournalError

    ready = copy.deepcopy(draft)
    try:
        _checked(app, ready)
    except PeerJournalError:
        return False
    return _repeat_of(app, ready, since) is not None


def _kept_at(app: AppContext, draft: Draft) -> datetime | None:
    """When `write` kept `draft`, text it could not save (`drafts.KEPT`: -x, or piped in), in
    the clock's time zone (now, when its name does not say); None for any other draft (what
    was typed in a session, or an editor, is saved as asked)."""
    from peerjournal.drafts import KEPT, started_at

    if not draft.path.name.startswith(KEPT):
        return None
    kept = started_at(draft)
    return app.now() if kept is None else kept.replace(tzinfo=app.now().tzinfo)


def _not_saved_again(
    app: AppContext,
    draft: EntryDraft,
    entry: Entry,
    json_out: bool,
    kept: tuple[Draft | None, ...],
    in_hand: bool,
    piped: str | None,
    resumed: bool = False,
    redated: bool = False,
) -> None:
    """Say that `entry` holds the text of `draft` already, and print its ID (or, --json, the
    entry, with `"already": true`) as a save would: the text is in the journal, so a
    script's `id=$(peerjournal write …)` has the entry that holds it, and exit 0. --share
    (`draft.shared`) shares `entry`, as `peerjournal share` does. The drafts that held the
    text (`kept`, copies kept when it could not be saved before) go, as once it is saved;
    `resumed`: the first, a draft `write --resume` continued, is named as it goes.
    `redated`: `entry` is of another date than `draft` (`_redated_repeat`): its date, and
    the edit that gives it the date asked for, are said."""
    from peerjournal.cli.saved import discard_kept, print_after_saving, stored_json
    from peerjournal.dates import spoken

    dated = f" and dated {spoken(entry.date, weekday=True)}" if redated else ""
    written = (f"Entry {entry.id} already holds this text, written {_written(app, entry)}"
               f"{dated}: it is not saved again")
    sharing = draft.shared and not entry.shared
    if sharing:
        _share(app, entry.id, written)
    removed = again = ""
    for done_with in kept:
        if done_with is not None and discard_kept(
            app, entry.id, "saved", done_with, "`write --resume` saves it again"
        ) and resumed and done_with is kept[0]:
            removed = f"; the draft {done_with.path} that held it is removed"
    if not removed:  # (resumed: with the draft gone, `write --resume --again` finds nothing)
        again = "; --again saves a second entry with it"
    print_after_saving(
        app, entry.id, "saved already",
        (lambda: app.print_json({**stored_json(app, entry.id, "saved"), "already": True}))
        if json_out else (lambda: typer.echo(entry.id)),
    )
    if in_hand:
        _forget_copies(app, draft, piped, f"entry {entry.id} holds the same text")
    shared = " You asked to share it: it is now shared." if sharing else ""
    redating = (f"; {app.command_hint(f'edit {entry.id} --date {draft.date.isoformat()}')} "
                f"dates it {spoken(draft.date, weekday=True)} instead") if redated else ""
    app.say(
        f"{written} ({app.command_hint(f'show {entry.id}')} shows it{redating}{again})"
        f"{removed}.{shared}"
    )


def _share(app: AppContext, entry_id: int, written: str) -> None:
    """Share the entry `entry_id` (a repeat written with --share), as `peerjournal share`
    does; an error, saying that its text is in the journal, when it cannot be."""
    from peerjournal.errors import PeerJournalError

    try:
        app.store().set_shared(entry_id, True)
    except PeerJournalError as exc:
        raise PeerJournalError(
            f"{written}, and it could not be shared: {exc.message}", exc.exit_code
        ) from None


def _made(app: AppContext, entry: Entry) -> datetime:
    """When `entry` was made, in the clock's time zone (a time stored with none is local)."""
    try:
        return entry.created_at.astimezone(app.now().tzinfo)
    except (OverflowError, OSError, ValueError):  # (the calendar's first or last hours)
        return entry.created_at


def _written(app: AppContext, entry: Entry) -> str:
    """When `entry` was made, as a writer would say it: "today at 14:02", "yesterday at
    09:15", "on 3 Nov 2026 at 18:30" (the local time, as the clock has it)."""
    from datetime import timedelta

    from peerjournal.dates import spoken

    now, made = app.now(), _made(app, entry)
    day = {now.date(): "today", now.date() - timedelta(days=1): "yesterday"}.get(
        made.date(), f"on {spoken(made.date())}")
    return f"{day} at {made:%H:%M}"


def _needs_an_experience(app: AppContext, draft: EntryDraft) -> bool:
    """Whether `draft` holds text, and only an experience stops it being saved: kept, its
    draft asks for one (see `_keep_as_draft`). Text that cannot be kept (not UTF-8) can't."""
    import dataclasses

    from peerjournal.entry import holds_text, validate
    from peerjournal.errors import PeerJournalError
    from peerjournal.textsafe import shows_anything

    if shows_anything(draft.experience) or not holds_text(draft):
        return False
    try:
        validate(dataclasses.replace(draft, experience="-"), app.today())
    except PeerJournalError:
        return False
    return True


def _forget_copies(
    app: AppContext, draft: EntryDraft, piped: str | None, why: str = "the same text is saved now"
) -> None:
    """Remove the drafts kept when this same text could not be saved before (the command run
    again, put right): `write --resume` would save it a second time. The entry is saved (or
    one holds it already: `why` says which): a copy that cannot be removed is left as it is."""
    import contextlib

    from peerjournal.drafts import kept_copies

    removed = []
    with contextlib.suppress(OSError):
        for copy in [*kept_copies(_drafts_dir(app), draft, piped), *_converted(app, piped)]:
            copy.discard()
            removed.append(str(copy.path))
    if removed:
        which, are = ("The draft", "is") if len(removed) == 1 else (
            f"The {len(removed)} drafts", "are"
        )
        app.say(
            f"{which} kept when this text could not be saved before ({', '.join(removed)}) "
            f"{are} removed: {why}."
        )


def _converted(app: AppContext, piped: str | None) -> list[Draft]:
    """The drafts kept for text piped in that was not UTF-8 (`NotUtf8`) whose bytes, as they
    came in, are the `piped` text (saved now) in another encoding: converted with `iconv`
    and piped in again, as the error said."""
    from peerjournal.cli.editor import ENCODINGS
    from peerjournal.drafts import KEPT, pending

    if piped is None:
        return []
    found = []
    for draft in pending(_drafts_dir(app)):
        if not draft.path.name.startswith(KEPT) or not draft.has_original() or draft.in_use():
            continue
        try:
            original = draft.original.read_bytes()
        except OSError:
            continue
        skeleton = _ascii_skeleton(original)
        if any(_encodes_as(piped, name, original) for name in ENCODINGS) or (
            len(re.findall(rb"[A-Za-z]", skeleton)) >= _SKELETON_LETTERS
            and skeleton == _ascii_skeleton(piped.encode("utf-8"))
        ):
            found.append(draft)
    return found


# the ASCII letters text must hold for its converted form to be known by them alone
_SKELETON_LETTERS = 8


def _encodes_as(text: str, encoding: str, data: bytes) -> bool:
    try:
        return text.encode(encoding) == data
    except UnicodeEncodeError:
        return False


def _ascii_skeleton(data: bytes) -> bytes:
    """`data` with each run of bytes that are not ASCII as one NUL, and CRLF as LF: alike for
    text in any encoding that keeps ASCII as it is (MACINTOSH, CP850, ISO-8859-15…) and the
    same text converted to UTF-8 (`_converted`: an encoding not in `editor.ENCODINGS`)."""
    return re.sub(rb"[\x80-\xff]+", b"\0", data.replace(b"\r\n", b"\n"))


# After the first entry only: the one-line summary's words, for someone who has never seen them
FIRST_DRIFT_NOTE = (
    "Drift is how far an entry's words lean from the peer role toward a clinical one "
    "(labels, advice, instructing); identity is the peer side (your story, mutuality, "
    "choice). The numbers count phrases per 100 words: something to reflect on, not a "
    "grade. {details} shows the phrases behind them."
)


def _is_first_entry(app: AppContext) -> bool:
    """Is the entry just saved the only one in the journal (the trash aside)? When the
    journal cannot say (a damaged page), it is taken as not the first: the entry is saved."""
    from peerjournal.db.store import Filters
    from peerjournal.errors import PeerJournalError

    try:
        return len(app.store().list(Filters(limit=2))) == 1
    except PeerJournalError:
        return False
