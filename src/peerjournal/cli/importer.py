"""peerjournal import FILE: peerjournal JSON, jrnl text, jrnl JSON; all or nothing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, BinaryIO

import typer

from peerjournal.cli.options import Json
from peerjournal.context import AppContext
from peerjournal.entry import entry_content
from peerjournal.errors import ExitCode, PeerJournalError
from peerjournal.plural import counted, joined
from peerjournal.textsafe import cut

if TYPE_CHECKING:
    from datetime import date, datetime
    from pathlib import Path

    from peerjournal.db.engine import Commit
    from peerjournal.db.store import Store
    from peerjournal.drafts import KeptDraft
    from peerjournal.entry import Entry, EntryDraft
    from peerjournal.importing import DateOrder, Imported, ImportRecord
    from peerjournal.redact import Person
    from peerjournal.supervision import Answer, SelfCheck, SupervisionRecord

PROGRESS_FROM = 500  # show a progress bar for imports at least this large
MAX_IDS_LISTED = 8
# the most a file to import may hold (unpacked), whatever its format: far beyond a journal of
# years (each entry has its own limit, `entry.MAX_TEXT_CHARS`), and short of using up memory
MAX_IMPORT_BYTES = 256 * 1024 * 1024


class JournalIdChoice(StrEnum):
    """Which Journal ID a journal carries after importing a backup (`import --journal-id`):
    the backup's (in place of its own, if it has one); its own (none yet: its first summary
    makes one); or a new one, in place of any it has (the way back from a backup's ID taken by
    mistake: someone else's, a starter journal)."""

    backup = "backup"
    keep = "keep"
    new = "new"


# Asked at a terminal when the backup carries a Journal ID other than the journal's (or the
# journal has none yet): the writer who reinstalled, or someone importing another's backup, a
# starter journal say; only the writer knows which it is. Said after what the backup holds
# (`_backup_holds`), the question itself short, on a line of its own.
JOURNAL_ID_ASK = "Is the backup of your own journal?"
_JOURNAL_ID_WHY = ("The Journal ID tells a mentor's `peerjournal review` whose summaries are "
                   "whose. Yes if the backup is of your own journal (from before a reinstall, "
                   "or another computer): this journal takes its ID")
_JOURNAL_ID_ONE = ", and your summaries from both read as one writer's."
JOURNAL_ID_QUESTION = (  # the journal has an ID of its own
    f"{_JOURNAL_ID_WHY} in place of its own{_JOURNAL_ID_ONE} No if it is someone else's (a "
    f"starter journal): it keeps its own. {JOURNAL_ID_ASK}"
)
JOURNAL_ID_FIRST_QUESTION = (  # the journal has none yet
    f"{_JOURNAL_ID_WHY}{_JOURNAL_ID_ONE} No if it is someone else's (a starter journal): this "
    f"journal makes its own with its first summary. {JOURNAL_ID_ASK}"
)


def register(app: typer.Typer) -> None:
    @app.command("import", short_help="Import entries or a full backup.")
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
        month_first: bool = typer.Option(
            False, "--month-first",
            help="A jrnl journal's dates are month/day/year (03/04/2026 is 4 March); needed "
            "only when none of them shows it.",
        ),
        journal_id: JournalIdChoice | None = typer.Option(
            None, "--journal-id", metavar="backup|keep|new", case_sensitive=False,
            help="For a backup of another journal: 'backup' gives this journal the backup's "
            "Journal ID (your own backup, after a reinstall: a mentor's review then reads "
            "your summaries from both as one writer's); 'keep' keeps this journal's own (a "
            "backup someone else made: a starter journal); 'new' gives this journal a new ID "
            "of its own, in place of one taken by mistake (summaries already sent keep the "
            "old). Without it, you are asked at a terminal; else a journal with no ID takes "
            "the backup's, and one with its own keeps it.",
        ),
        json_out: Json = False,
    ) -> None:
        """Import entries, and a full backup's people list, self-checks, supervision records
        and unfinished drafts. Nothing is imported if any record is bad; what is already in
        the journal is skipped. --json prints what was (or, with --dry-run, would be)
        imported: the entries' IDs and their IDs in the file, what was skipped, what became
        of a backup's journal ID ("journal_id": taken, replaced, same, kept, or new with
        --journal-id new), and the notes;
        the messages still go to stderr."""
        from datetime import UTC

        from peerjournal import paths
        from peerjournal.cli.editor import decode_or_1252
        from peerjournal.db.engine import all_or_nothing, writing_long
        from peerjournal.drafts import not_yet_kept
        from peerjournal.importing import import_notes, read_capped, read_import

        app_ctx = AppContext.from_ctx(ctx)
        now = app_ctx.now()
        name = "standard input" if file == "-" else file
        _refuse_itself(app_ctx, file)
        if file == "-" and app_ctx.stdin_is_terminal():  # waiting on the keyboard: say so
            app_ctx.say("Reading the file to import from the terminal; Ctrl-D ends it. "
                        "Pipe it in instead: peerjournal import - < backup.json")
        result = _Result(app_ctx, dry_run)
        # the checks of what the journal holds and the writes, in one transaction under the
        # write lock: a second import of the same file at the same moment waits, then skips it
        stop = _Stop(app_ctx.db_path)
        with ExitStack() as held:
            held.enter_context(stop.before_commit())  # Ctrl-C or an error: nothing imported
            with _opened(file) as handle:  # `export --full | gzip > backup.json.gz` too
                data = read_capped(handle, name, MAX_IMPORT_BYTES)
            # Windows-1252 read as that, as `write` and `drift --stdin` read it; the line that
            # says so is the import's own (`_read_as`), said once the file is read (not
            # before an error: "not a journal"); a file refused says how to convert it
            read_as: list[str] = []
            marked: list[str] = []  # UTF-16 or UTF-32, read by its byte order mark
            try:
                text = decode_or_1252(data, name, read_as.append, marked=marked.append)
            except PeerJournalError as exc:
                raise _with_conversion(app_ctx, exc, data, file) from None
            # jrnl's times have no zone: each takes the local zone's offset on its own date; this
            # one (the clock's, always aware) where the system cannot place the date.
            zone = now.tzinfo or UTC
            found = read_import(text, name, zone, app_ctx.today(), month_first)
            kind, records, people = found.kind, found.records, found.people
            if read_as or marked:
                result.note(_read_as(file, name, dry_run, next(iter(marked), None)))
            result.data["format"] = kind
            if not (records or people or found.checks or found.supervisions or found.drafts):
                result.say(f"No entries in {name} ({kind}).")
                result.print_json(json_out)
                return
            # asked before the journal's write lock is held: an answer may take a while
            chosen = _journal_id_choice(app_ctx, found, name, journal_id,
                                        dry_run or file == "-")
            result.choice(chosen, None if chosen else _journal_id_hint(app_ctx, file),
                          _journal_id_new_hint(app_ctx, file))
            if not dry_run:  # (a dry run never creates the journal, nor waits)
                store = app_ctx.store()
                stop.commit = held.enter_context(all_or_nothing(store.conn, store.path))
                # (once it holds the lock: a write that waits for it in vain names `import`)
                held.enter_context(writing_long(store.path, "import"))
            ids_journal = found.journal is not None or chosen is not None
            had_id = _journal_id_held(app_ctx) if ids_journal else None
            records, repeated = _unrepeated(records)
            total = len(records)
            records, in_trash, others, already = _not_yet_imported(app_ctx, records)
            checks, sessions = _not_yet_restored(app_ctx, found)
            drafts = not_yet_kept(paths.drafts_dir(app_ctx.db_path), found.drafts)
            result.skipped(
                entries=total - len(records) - len(in_trash), in_trash=len(in_trash),
                repeated=repeated, self_checks=len(found.checks) - len(checks),
                supervisions=len(found.supervisions) - len(sessions),
                drafts=len(found.drafts) - len(drafts),
            )
            skipped = joined(_counts(
                (total - len(records) - len(in_trash), "entry"),
                (len(found.checks) - len(checks), "self-check"),
                (len(found.supervisions) - len(sessions), "supervision record"),
                (len(found.drafts) - len(drafts), "draft"),
            ))
            result.data["restored"] = {"self_checks": len(checks), "supervisions": len(sessions),
                                   "drafts": len(drafts)}
            restored = _counts((len(checks), "self-check"), (len(sessions), "supervision record"))
            if drafts:
                listed = app_ctx.command_hint("drafts")
                restored.append(f"{counted(len(drafts), 'unfinished draft')} ({listed})")
            dates = sorted(r.draft.date for r in records)
            renumbered = _too_high_note(records, would=dry_run)  # (before the import drops them)
            new_ids = _why_new_ids(app_ctx, records)
            keeps = None if renumbered else new_ids  # (IDs too high: `_too_high_note` says it)
            backup_ids = [r.kept.id for r in records]  # (an import may give them other IDs)
            if records:
                first, last = dates[0], dates[-1]
                when = f"on {first}" if first == last else f"from {first} to {last}"
                summary = f"{counted(len(records), 'entry')} ({kind}) {when}"
                result.data.update({"from": first.isoformat(), "to": last.isoformat()})
            else:
                summary = f"no entries ({kind})"
            listed = counted(len(people), "person", "people")
            if dry_run:
                if records:  # what the import refuses (a --lexicon only tried, or broken)
                    app_ctx.lexicon()
                also: list[str] = []
                if people:  # "(1 already listed)", as the import itself says
                    from peerjournal.redact import people_to_add

                    listed_now = _listed(app_ctx) if app_ctx.db_path.exists() else []
                    joining, _ = people_to_add(listed_now, people)
                    counts, _ = _people_left_out(app_ctx, listed_now, people, joining)
                    also.append(f"a people list of {listed}{counts}")
                    result.people(len(joining), len(people))
                to_give = _ids_to_give(app_ctx, records, new_ids)
                result.entries(records, backup_ids, to_give, others)
                result.say(
                    f"Would import {joined([summary, *restored, *also])}."
                    + _dates_note(found.dates, would=True)
                    + renumbered
                    + _new_ids_note(backup_ids, others, keeps, to_give, file, would=True)
                    + _versions_note(others)
                    + _gone_note(others, records)
                    + (f" {skipped} already in the journal would be skipped." if skipped else "")
                    + _repeated_note(repeated, would=True)
                    + _trash_note(in_trash, would=True)
                    + " Nothing was changed (--dry-run)."
                )
                for note in [*result.journal(found.journal, had_id, would=True),
                             *import_notes(records, would=True), *_prompt_notes(records)]:
                    result.note(note, "Note: ")
                result.print_json(json_out)
                return
            added: list[Person] = []
            notes: list[str] = []
            ids: list[int] = []
            if people:  # first: a name is on the list before any entry that holds it
                from peerjournal.db.people import restore_people

                listed_before = _listed(app_ctx)
                added, notes = restore_people(store, people, now, found.listed_at)
                counts, left_out = _people_left_out(app_ctx, listed_before, people, added)
                result.people(len(added), len(people))
            if records:
                ids = _import_entries(app_ctx, records, now, new_ids is None)
            if checks or sessions:
                from peerjournal.db.supervision import restore_supervision

                restore_supervision(store, checks, sessions)
            if ids_journal:
                result.fresh = _give_journal_id(store, found.journal, had_id, chosen)
        # files, written only once the journal holds the entries their edits belong to
        with stop.after_commit():
            given = {old: new for old, new in zip(backup_ids, ids, strict=True) if old is not None}
            as_new = _restore_drafts(app_ctx, drafts, {**already, **given}, name)
            result.entries(records, backup_ids, ids, others)
            if people:  # said once it is all in the journal
                app_ctx.say(f"People list: added {len(added)} of {listed}{counts}.")
                for note in [*left_out, *notes]:
                    result.note(note, "Note: ")
            skipped_note = f" Skipped {skipped} already in the journal." if skipped else ""
            restored_note = f" Also imported {joined(restored)}." if restored else ""
            done = f"Imported {summary}: {_ids_text(ids)}." if ids else f"Imported {summary}."
            if records or skipped or restored or in_trash or repeated:
                result.say(
                    f"{done}{_dates_note(found.dates, would=False)}{renumbered}"
                    f"{_new_ids_note(backup_ids, others, keeps, ids, file, would=False)}"
                    f"{_versions_note(others, ids)}{_gone_note(others, records, ids)}"
                    f"{restored_note}{skipped_note}"
                    f"{_repeated_note(repeated, would=False)}"
                    f"{_trash_note(in_trash, would=False)}{_as_new_note(app_ctx, as_new)}"
                )
            for note in [*result.journal(found.journal, had_id, would=False),
                         *import_notes(records), *_prompt_notes(records)]:
                result.note(note, "Note: ")
            result.print_json(json_out)


def _journal_id_held(app: AppContext) -> str | None:
    """The journal's ID before the import (None: it has none, or there is no journal yet)."""
    return app.store().known_journal_id() if app.db_path.exists() else None


def _journal_id_choice(
    app: AppContext, found: Imported, name: str, chosen: JournalIdChoice | None,
    no_question: bool,
) -> JournalIdChoice | None:
    """Which Journal ID the journal is to carry (`JournalIdChoice`): as --journal-id says;
    else, when the backup (`found`) carries one other than the journal's (or it has none
    yet), the writer's answer at a terminal (not in a dry run, nor with the file read from
    stdin: `no_question`), after what the backup holds; else None, the default: the backup's
    into a journal without one, and never in place of one (a script's import changes no ID
    unasked; its note says how to undo it)."""
    given = found.journal
    if chosen is not None or given is None or no_question or not app.stdin_is_terminal():
        return chosen
    held = _journal_id_held(app)
    if held == given:
        return None
    carries = f"carries a Journal ID ({given})" + (
        "" if held is None else f" other than this journal's ({held})")
    app.say(f"{_backup_holds(found, name)} It {carries}.")
    question = JOURNAL_ID_FIRST_QUESTION if held is None else JOURNAL_ID_QUESTION
    app.say(question.removesuffix(JOURNAL_ID_ASK).rstrip())
    return JournalIdChoice.backup if _answered_yes(app) else JournalIdChoice.keep


def _backup_holds(found: Imported, name: str) -> str:
    """"backup.json holds 3 entries (peerjournal JSON), from 2026-09-03 to 2026-10-01.": what
    an import brings in, said before a question about it (the import says what it skipped)."""
    dates = sorted(r.draft.date for r in found.records)
    when = "" if not dates else (
        f", on {dates[0]}" if dates[0] == dates[-1] else f", from {dates[0]} to {dates[-1]}")
    holds = joined(_counts((len(found.records), "entry"), (len(found.people), "person"),
                           (len(found.checks), "self-check"),
                           (len(found.supervisions), "supervision record"),
                           (len(found.drafts), "draft")))
    return f"{name} holds {holds} ({found.kind}){when}."


def _answered_yes(app: AppContext) -> bool:
    """The answer to `JOURNAL_ID_ASK` (`AppContext.confirm`'s reading of it); end of input
    (Ctrl-D) and q (quit, stop) stop the import, as Ctrl-C does: "no" would import, and a key
    pressed to leave must not."""
    from peerjournal.replies import ask_yes_no

    typed: list[str | None] = []

    def read() -> str | None:
        typed.append(app.answer_line(JOURNAL_ID_ASK))
        return typed[-1]

    answer = ask_yes_no(read, app.say)
    if answer is None:  # (q: a no at other questions)
        raise PeerJournalError(
            f"{'No answer' if typed[-1] is None else 'Stopped'}: nothing was imported (the "
            "journal is as it was). --journal-id backup or keep gives the answer without the "
            "question.", ExitCode.USER_ERROR)
    return answer


def _journal_id_status(given: str, held: str | None, chosen: JournalIdChoice | None) -> str:
    """What became of a backup's journal ID (`given`; `held`: the journal's before): "taken"
    by a journal that had none, so that the writer's summaries carry one ID on either
    computer; "replaced", the journal's own by the backup's (asked for: `chosen`); "same";
    "kept", the journal's own (or none, with --journal-id keep); or "new" (--journal-id new)."""
    if chosen is JournalIdChoice.new:
        return "new"
    if held == given:
        return "same"
    if chosen is JournalIdChoice.keep:
        return "kept"
    if held is None:
        return "taken"
    return "replaced" if chosen is JournalIdChoice.backup else "kept"


def _journal_id_note(
    status: str, given: str, held: str | None, would: bool, chosen: JournalIdChoice | None,
    hints: tuple[str, str],
) -> str | None:
    """The note on a backup's journal ID (`_journal_id_status`), saying how a mentor's review
    reads the summaries then: a taking said (a backup imported by someone else joins their
    summaries to its writer's) with the way back (`hints[1]`, `_journal_id_new_hint`; a dry
    run without --journal-id says how not to), and one kept with `hints[0]`
    (`_journal_id_hint`). Nothing when it is the same (unless --journal-id keep asked for
    the journal's own: how to get one)."""
    takes, keeps = ("would take", "would keep") if would else ("took", "keeps")
    hint, undo = hints
    if status == "taken":
        return (f"This journal {takes} the backup's Journal ID: a mentor's `peerjournal review` "
                "reads summaries exported from either journal as one writer's."
                + (" If the backup is someone else's (a starter journal), --journal-id keep "
                   "leaves this journal an ID of its own." if would and chosen is None else "")
                + ("" if would else f" If the backup is someone else's (a starter journal), "
                   f"{undo} gives this journal one of its own."))
    if status == "replaced":
        return (f"This journal {takes} the backup's Journal ID ({given}) in place of its own "
                f"({held}): a mentor's `peerjournal review` reads summaries exported from either "
                f"journal from now on as one writer's; those exported from this one before carry "
                f"{held}: export them again to send them with the backup's."
                + ("" if would else f" If the backup is not of your own journal, {undo} gives "
                   f"this journal a new ID of its own (not {held} again: tell your mentor that "
                   f"summaries carrying {held} are yours)."))
    if status == "same" and chosen is JournalIdChoice.keep:
        return (f"This journal already carries the backup's Journal ID ({given}), taken from it "
                f"before: --journal-id keep changes nothing. If the backup is someone else's, "
                f"{undo} gives this journal one of its own.")
    if status == "kept" and held is None:
        return (f"This journal {'would not take' if would else 'did not take'} the backup's "
                "Journal ID (--journal-id keep): its first summary makes one of its own, and a "
                "mentor's `peerjournal review` reads summaries exported from the backup's "
                "journal and from this one as two writers'.")
    if status == "kept":
        return (f"This journal {keeps} its own Journal ID, not the backup's: a mentor's "
                "`peerjournal review` reads summaries exported from the backup's journal and "
                f"from this one as two writers'.{hint}")
    return None


def _journal_id_new_note(held: str | None, fresh: str | None, would: bool) -> str:
    """The note on --journal-id new: the journal's new ID (`fresh`; not known before: `would`)
    in place of `held`, and what becomes of summaries already sent with it."""
    gets = "would get" if would else "got"
    new = "a new Journal ID" + (f" ({fresh})" if fresh else "")
    if held is None:
        return (f"This journal {gets} {new} of its own: a mentor's `peerjournal review` reads "
                "its summaries as one writer's, told apart from the backup's.")
    return (f"This journal {gets} {new} in place of {held}: a mentor's `peerjournal review` "
            f"reads summaries exported from now on as a writer's of their own. Summaries already "
            f"sent carry {held} (and are read as one writer's with any other journal that carries "
            f"it): export them again to send them with the new ID, or tell your mentor.")


def _journal_id_new_hint(app: AppContext, file: str) -> str:
    """The command that gives the journal a new Journal ID (`--journal-id new`): the way back
    from a backup's taken by mistake."""
    import shlex

    return app.command_hint(f"import --journal-id new {shlex.quote(file)}")


def _journal_id_hint(app: AppContext, file: str) -> str:
    """How to give the journal the backup's Journal ID after an import that kept its own."""
    import shlex

    command = app.command_hint(f"import --journal-id backup {shlex.quote(file)}")
    return (f" If the backup is of your own journal (from before a reinstall, or another "
            f"computer), {command} gives this journal its ID (no entry is imported twice).")


def _give_journal_id(
    store: Store, given: str | None, held: str | None, chosen: JournalIdChoice | None
) -> str | None:
    """Within the import's transaction, the backup's journal ID (`given`) made the journal's
    (`held`: its own before) as `chosen` says (`_journal_id_choice`), or a new one made
    (--journal-id new, returned)."""
    if chosen is JournalIdChoice.new:
        import secrets

        from peerjournal.db.store import JOURNAL_ID_BYTES

        fresh = secrets.token_hex(JOURNAL_ID_BYTES)
        _set_journal_id(store, fresh, held)
        return fresh
    if given is None or chosen is JournalIdChoice.keep or given == held:
        return None
    if held is None or chosen is JournalIdChoice.backup:
        _set_journal_id(store, given, held)
    return None


def _set_journal_id(store: Store, given: str, held: str | None) -> None:
    """The journal's ID made `given`, in place of `held` (its own, if any)."""
    if held is None:
        store.take_journal_id(given)
    else:
        store.replace_journal_id(given)


def _refuse_itself(app: AppContext, file: str) -> None:
    """Refuse to import the journal in use into itself (its entries are all there already),
    saying it is this one: not "a journal itself", with the steps to bring another in."""
    import os

    with suppress(OSError, ValueError):  # (not there, or no file: `_opened` says why)
        if file != "-" and os.path.samefile(file, app.db_path):
            raise PeerJournalError(
                f"{file} is this journal, the one in use ({app.command_hint('where')} shows "
                "its path): its entries are here already. Nothing was imported."
            )


def _read_as(file: str, name: str, dry_run: bool, by_mark: str | None) -> str:
    """The line that says the file was not UTF-8 and was read as Windows-1252, or as
    `by_mark` ("UTF-16") by its byte order mark ("Standard input is …", as `write` says it),
    with where its letters can be checked: the imported entries; after a dry run, which
    imports none, those entries once imported."""
    from peerjournal.cli.editor import read_by_mark
    from peerjournal.textsafe import read_as_1252

    source = name[:1].upper() + name[1:] if file == "-" else name
    check = "check them in the entries once imported" if dry_run else (
        "check them in the imported entries")
    return read_as_1252(source, check) if by_mark is None else read_by_mark(
        source, by_mark, check)


def _with_conversion(
    app: AppContext, exc: PeerJournalError, data: bytes, file: str
) -> PeerJournalError:
    """`exc`, the refusal of a file that is not UTF-8 (`editor.decode`), with the command
    that converts it on the same line (`_conversion`): from the encoding it looks like it is
    in, else ENCODING to fill in. `exc` as it is where converting is no way out: text in
    UTF-16 or UTF-32 by its byte order mark but broken; a NUL in a file that is not UTF-16
    without its mark (not text: a photo, a zip)."""
    from peerjournal.cli.editor import NotTextError, utf16_order

    encoding: str | None = None
    if not isinstance(exc, NotTextError):  # a NUL read: UTF-16 without its mark, or no text
        encoding = utf16_order(data)
        if encoding is None:
            return exc
    elif not exc.utf8:  # UTF-16 or UTF-32 by its mark, but broken
        return exc
    elif exc.likely is not None:
        encoding = exc.likely.name
    elif b"\x00" in data:
        return exc
    return PeerJournalError(f"{exc.message} {_conversion(app, file, encoding)}",
                            exc.exit_code)


def _conversion(app: AppContext, file: str, encoding: str | None) -> str:
    """"To convert it: `iconv -f CP1251 -t UTF-8 notes.txt > notes-utf8.txt`, then `peerjournal
    import notes-utf8.txt`." (standard input: `iconv … FILE | peerjournal import -`). A
    gzip-compressed file is unpacked first, to a copy that is not (`gunzip -c b.json.gz |
    iconv … > b-utf8.json`). On Windows, which has no iconv, a line of Python (which
    peerjournal runs on) writes the copy; not piped, as PowerShell re-encodes what goes
    through a pipe."""
    import shlex
    import sys
    from pathlib import Path
    from subprocess import list2cmdline

    source = encoding or "ENCODING"
    blanks = [*(["ENCODING: the one it was saved in"] if encoding is None else []),
              *(["FILE: the file piped in"] if file == "-" else [])]
    fill = f" ({'; '.join(blanks)})" if blanks else ""
    original = "FILE" if file == "-" else file
    packed = file != "-" and _gzipped(file)
    named = Path(original).with_suffix("") if packed and original.endswith(".gz") else Path(
        original)
    copy = str(named.with_name(f"{named.stem}-utf8{named.suffix}"))
    if sys.platform == "win32":
        opener = ("gzip, sys", "gzip.open(sys.argv[1], 'rt', ") if packed else (
            "sys", "open(sys.argv[1], ")
        command = (
            f"python -c \"import {opener[0]}; open(sys.argv[2], 'w', encoding='utf-8').write("
            f"{opener[1]}encoding='{source}').read())\" {list2cmdline([original, copy])}"
        )
        then = app.command_hint(f"import {list2cmdline([copy])}")
        return f"To convert it: `{command}`{fill}, then {then}."
    iconv = (f"gunzip -c {shlex.quote(original)} | iconv -f {source} -t UTF-8" if packed
             else f"iconv -f {source} -t UTF-8 {shlex.quote(original)}")
    if file == "-":
        return f"To convert it: `{iconv} | {app.command_hint('import -').strip('`')}`{fill}."
    then = app.command_hint(f"import {shlex.quote(copy)}")
    return f"To convert it: `{iconv} > {shlex.quote(copy)}`{fill}, then {then}."


def _gzipped(file: str) -> bool:
    """Whether `file` is gzip-compressed (its first bytes, as `importing.read_capped` tells),
    whatever its name."""
    try:
        with open(file, "rb") as handle:
            return handle.read(2) == b"\x1f\x8b"
    except OSError:
        return False


@contextmanager
def _opened(file: str) -> Iterator[BinaryIO]:
    """The file to import, open to read ('-': standard input)."""
    if file == "-":
        import sys

        yield sys.stdin.buffer
        return
    from peerjournal.cli.editor import open_to_read

    with open_to_read(file) as handle:
        yield handle


class _Stop:
    """Ctrl-C (or SIGTERM) during an import. Before it is committed, the journal is as it was,
    and the message says so (a bare "Interrupted." after a long import leaves the writer to
    guess). Once it is (`commit`: also when the signal came during COMMIT), everything is in
    the journal: the import finishes, its drafts written (a few small files, which a re-run
    would otherwise have to bring back) and what it did said, then stops with exit 130,
    saying that nothing is left to do."""

    def __init__(self, journal: Path) -> None:
        self.journal = journal
        self.new = not journal.exists()  # a journal this import starts is left empty
        self.commit: Commit | None = None  # the import's transaction, once begun
        self.came = False  # a Ctrl-C once it was committed

    @contextmanager
    def before_commit(self) -> Iterator[None]:
        from peerjournal.errors import DamagedJournal, DatabaseError

        try:
            yield
        except KeyboardInterrupt:
            if self.commit is None or not self.commit.done:
                raise PeerJournalError(
                    f"Interrupted: nothing was imported ({self._left()}).", ExitCode.INTERRUPTED
                ) from None
            self.came = True  # (and on to `after_commit`)
        except DatabaseError as exc:  # a journal locked, full or failing: rolled back
            done = self.commit is not None and self.commit.done
            # (a damaged journal's message says nothing is saved to it)
            if not (done or isinstance(exc, DamagedJournal) or "imported" in exc.message):
                exc.message = f"{exc.message.rstrip()} Nothing was imported ({self._left()})."
            raise

    def _left(self) -> str:
        """What an import stopped before its commit left: the journal as it was."""
        if self.new and self.journal.exists():
            return f"the new journal {self.journal} is empty"
        return "the journal is as it was"

    @contextmanager
    def after_commit(self) -> Iterator[None]:
        try:
            yield
        except KeyboardInterrupt:  # (not while the drafts are written: `_restore_drafts`)
            self.came = True
        if self.came:
            raise PeerJournalError(
                "Interrupted, but the import was complete: nothing is left to do.",
                ExitCode.INTERRUPTED,
            )


def _restore_drafts(
    app: AppContext, drafts: list[KeptDraft], entry_ids: dict[int, int], source: str
) -> list[int]:
    """Write the backup's drafts (see `drafts.restore`); the numbers (`peerjournal drafts`)
    of the edits kept as new-entry drafts. A failure (a full disk) after the journal has
    taken the rest says what to do."""
    if not drafts:
        return []
    from peerjournal import paths
    from peerjournal.drafts import everything, restore

    folder = paths.drafts_dir(app.db_path)
    again, skipped = f"import {source} again", " (what is already in the journal is skipped)"
    try:
        as_new = restore(folder, drafts, entry_ids).as_new
    except OSError as exc:
        raise PeerJournalError(
            f"The entries and records are imported, but the unfinished drafts could not be "
            f"written to {folder} ({exc.strerror or exc}): {again} once that is fixed{skipped}."
        ) from None
    except KeyboardInterrupt:
        raise PeerJournalError(
            "Interrupted: the entries and records are imported, but not every unfinished "
            f"draft was written to {folder}: {again}{skipped}.", ExitCode.INTERRUPTED
        ) from None
    return [draft.number for draft in everything(folder)
            if draft.path in as_new and draft.number is not None]


def _as_new_note(app: AppContext, numbers: list[int]) -> str:
    """The sentence for edits whose entry is not in the journal, kept as new-entry drafts
    (`numbers`: theirs in `peerjournal drafts`)."""
    if not numbers:
        return ""
    one = len(numbers) == 1
    return (
        f" {counted(len(numbers), 'unsaved edit')} of an entry not in the backup "
        f"{'is kept as a new draft' if one else 'are kept as new drafts'}, every word of "
        f"{'it' if one else 'them'}: {app.resume_hint(f' --draft {numbers[0]}')} saves "
        f"{'it' if one else 'one'} as a new entry"
        + ("." if one else f" (drafts {joined([str(n) for n in numbers])}).")
    )


def _listed(app: AppContext) -> list[Person]:
    """The journal's people list as it is before the import."""
    from peerjournal.db.people import list_people
    from peerjournal.redact import Person

    return [Person(p.name, p.alias) for p in list_people(app.store(), redacting=False)]


def _people_left_out(
    app: AppContext, listed: list[Person], incoming: list[Person], added: list[Person]
) -> tuple[str, list[str]]:
    """Why the backup's people not added were left out, as counts ("1 already listed; 1
    named twice in the backup"), and a note for each alias of theirs not used (the name
    listed keeps its own), with the command that adds it: it is never dropped unsaid. Who
    is `added` (in the order of `incoming`) is `people_to_add`'s to say, as `restore_people`
    returns them (`incoming` is a backup's people, each name as `check_name` tidies it, and
    `listed` the list before): each of the others is left out for the person listed, or
    added, under its name before it."""
    import shlex

    from peerjournal.redact import name_key

    already = {name_key(p.name) for p in listed}
    kept = {name_key(p.name): p for p in listed}  # the person each name stays listed as
    joining = iter(added)
    joins = next(joining, None)
    counts = {"already listed": 0, "named twice in the backup": 0}
    notes: list[str] = []
    for person in incoming:
        key = name_key(person.name)
        if joins is not None and joins.name == person.name:  # added, as `joins` says how
            kept[key], joins = joins, next(joining, None)
            continue
        why = "already listed" if key in already else "named twice in the backup"
        counts[why] += 1
        alias, first = (person.alias or "").strip(), kept.get(key, person)
        if alias and alias != (first.alias or "").strip():
            has = f"the alias {first.alias!r}" if first.alias else "no alias"
            where = why if key in already else f"in the backup as {first.name!r} first"
            command = f"people add {shlex.quote(first.name)} --alias {shlex.quote(alias)}"
            notes.append(
                f"{person.name!r} is {where}, with {has}: the backup's alias {alias!r} for it "
                f"was not used ({app.command_hint(command)} uses it)."
            )
    said = "; ".join(f"{n} {why}" for why, n in counts.items() if n)
    return (f" ({said})" if said else ""), notes


def _import_entries(
    app_ctx: AppContext, records: list[ImportRecord], now: datetime, keep: bool
) -> list[int]:
    """Score and add the entries; their IDs. The IDs in the file are kept (`keep`) only when
    every one of them is free (`_why_new_ids`)."""
    from peerjournal.render.progress import progress_bar
    from peerjournal.scoring import draft_text, score_for_store

    store = app_ctx.store()
    if not keep:
        for record in records:
            record.kept.id = None
    drafts = [r.draft for r in records]
    lexicon = app_ctx.lexicon()
    total = len(drafts) if len(drafts) >= PROGRESS_FROM else 0
    with progress_bar(total, "Importing", app_ctx.err) as advance:
        drifts = score_for_store([draft_text(d) for d in drafts], lexicon, advance)
        return store.add_entries(drafts, now, drifts, [r.kept for r in records])


def _prompt_notes(records: list[ImportRecord]) -> list[str]:
    """Lines for entries whose prompt set is not installed here (a set of your own, not yet
    copied beside this journal), and for answers to questions their set does not ask: all kept
    as written (`show` heads an answer with its question's id), and said."""
    from peerjournal import paths
    from peerjournal.reflection import available, load_prompt_set

    folder = paths.user_prompts_dir()
    installed = set(available(folder))
    missing = sorted({r.draft.prompt_set for r in records} - installed - {"jrnl"})
    notes = []
    if missing:
        named = joined([repr(cut(name, 30)) for name in missing[:5]]
                       + ([f"{len(missing) - 5} more"] if len(missing) > 5 else []))
        n = sum(r.draft.prompt_set in missing for r in records)
        notes.append(
            f"{counted(n, 'entry')} {'uses a prompt set' if n == 1 else 'use prompt sets'} not "
            f"installed here ({named}): kept as written; copy your prompt set files into "
            f"{folder} to have their questions shown."
        )
    asked: dict[str, set[str]] = {}
    for name in {r.draft.prompt_set for r in records} & installed:
        with suppress(PeerJournalError):  # (a set of yours that cannot be read: said elsewhere)
            asked[name] = set(load_prompt_set(name, folder).questions())
    odd = sum(1 for r in records if r.draft.prompt_set in asked
              and set(r.draft.answers) - asked[r.draft.prompt_set])
    if odd:
        notes.append(
            f"{counted(odd, 'entry')} {'holds' if odd == 1 else 'hold'} answers to questions "
            f"{'its' if odd == 1 else 'their'} prompt set does not ask: kept as written, each "
            "headed by its question's id."
        )
    return notes


def _too_high(records: list[ImportRecord]) -> int:
    """How many records have an ID over HIGHEST_KEPT_ID (made by hand?), which no entry keeps:
    such an ID would make every later entry's as long, or leave none to give."""
    from peerjournal.db.store import HIGHEST_KEPT_ID

    return sum(1 for r in records if r.kept.id is not None and r.kept.id > HIGHEST_KEPT_ID)


def _too_high_note(records: list[ImportRecord], would: bool) -> str:
    """The sentence for records whose IDs are too high to keep (`_too_high`)."""
    from peerjournal.db.store import HIGHEST_KEPT_ID

    n = _too_high(records)
    if not n:
        return ""
    had = f"{counted(n, 'record')} {'has' if n == 1 else 'have'}"
    return (f" {had} an ID over {HIGHEST_KEPT_ID:,} (made by hand?), more than a journal "
            f"keeps, so the entries {'would get' if would else 'got'} new IDs.")


def _unrepeated(records: list[ImportRecord]) -> tuple[list[ImportRecord], int]:
    """The records of a file, each entry once: one that repeats an earlier record of the
    same file (the same creation time and everything written in it; without a creation time,
    what is written alone) is left out, as `_not_yet_imported` leaves out one already in the
    journal. How many were left out."""
    seen: set[tuple[object, ...]] = set()
    kept: list[ImportRecord] = []
    for record in records:
        stamp = _matched_time(record)
        key = entry_content(stamp, record.draft)
        if key in seen:  # (one without a time repeats any with its words: as in the journal)
            continue
        seen.update({key, entry_content(None, record.draft) if stamp else key})
        kept.append(record)
    return kept, len(records) - len(kept)


def _repeated_note(repeated: int, would: bool) -> str:
    """The sentence for records skipped as repeats of another in the same file."""
    if not repeated:
        return ""
    n = counted(repeated, "entry")
    if would:
        return f" {n} repeated in the file (the same entry twice) would be skipped."
    return f" Skipped {n} repeated in the file (the same entry twice)."


@dataclass
class _Others:
    """What new records with an entry's creation time are: another version of an entry
    (`versions`: the record's place among the new ones -> that entry's ID), or an entry of
    this journal gone from it since (`gone`: their places), destroyed in the trash."""

    versions: dict[int, int] = field(default_factory=dict)
    gone: list[int] = field(default_factory=list)


def _not_yet_imported(
    app: AppContext, records: list[ImportRecord]
) -> tuple[list[ImportRecord], list[int], _Others, dict[int, int]]:
    """The records that are not already entries of the journal; the IDs of those in its
    trash; which new ones are other versions of an entry or gone from the journal (`_Others`);
    and for each record skipped, its ID in the file -> the ID of the entry it is in the journal.

    A backup, jrnl journal or JSON array imported a second time adds nothing twice. An entry
    counts as already there when its creation time and everything written in it (date, texts,
    answers, tags, setting, mode, prompt set) are the same; whether it is shared is not what
    is written in it, so the journal's stays as it is. A record without a creation
    time (hand-made JSON, another tool's, `list --json` of an older version) is compared by
    what is written in it alone: the same words on the same date are there already, whenever
    that entry was made. A record with the creation time of an entry but other content
    (edited since the backup, on either side) is imported beside it, never dropped: no word is
    lost, and the writer is told which entries to compare. Where several entries share the
    time (a JSON array without creation times gives them all the import's), the time alone
    says nothing: a record is another version of one with its words or its ID, and one with
    neither is an entry deleted since, brought back (`_likeliest`). Restoring a backup does
    not bring back, as a second copy, an entry deleted since: one in the trash with the same
    creation time (if the record has one), date and experience (`restore` does)."""
    if not app.db_path.exists():
        return records, [], _Others(), {}  # (a dry run never creates the journal)
    store = app.store()
    walls = any(r.zoneless for r in records)  # jrnl's: matched by wall-clock time too
    have: dict[tuple[object, ...], int] = {}
    written: dict[tuple[object, ...], int] = {}  # for records without a creation time
    created: dict[datetime, list[tuple[Entry, tuple[object, ...]]]] = {}  # with their keys
    for entry in store.iter_all():
        for when in _times(entry.created_at, walls):
            key = entry_content(when, entry)
            have[key] = entry.id
            created.setdefault(when, []).append((entry, key))
        written.setdefault(entry_content(None, entry), entry.id)
    trashed: dict[tuple[object, ...], int] = {}
    for entry in store.trashed():
        for when in _times(entry.created_at, walls):
            trashed[when, entry.date, entry.experience] = entry.id
        trashed.setdefault((None, entry.date, entry.experience), entry.id)
    given = {entry_content(_matched_time(r), r.draft) for r in records if r.kept.created_at}
    in_file = Counter(_matched_time(r) for r in records)  # how many records have each time
    # and how many of them are no entry of the journal as it is (nor one in the trash)
    unpaired = Counter(
        stamp for r in records if (stamp := _matched_time(r)) in created
        and entry_content(stamp, r.draft) not in have
        and (stamp, r.draft.date, r.draft.experience) not in trashed
    )
    new: list[ImportRecord] = []
    in_trash: list[int] = []  # one for each record skipped
    others = _Others()
    already: dict[int, int] = {}
    likeness: dict[datetime, dict[tuple[object, ...], int]] = {}  # each time's, when first asked
    for record in records:
        stamp = _matched_time(record)
        same_id = (have if stamp else written).get(entry_content(stamp, record.draft))
        if same_id is not None:
            _note_id(already, record, same_id)
        elif (key := (stamp, record.draft.date, record.draft.experience)) in trashed:
            in_trash.append(trashed[key])
            _note_id(already, record, trashed[key])
        else:
            new.append(record)
            if stamp in created:
                if stamp not in likeness:
                    likeness[stamp] = _by_likeness(created[stamp], given)
                alone = len(created[stamp]) == 1 and in_file[stamp] == 1
                match = _likeliest(likeness[stamp], record, alone, unpaired[stamp] == 1)
                if match is None:
                    others.gone.append(len(new) - 1)
                else:
                    others.versions[len(new) - 1] = match
    return new, in_trash, others, already


def _by_likeness(
    entries: list[tuple[Entry, tuple[object, ...]]], given: set[tuple[object, ...]]
) -> dict[tuple[object, ...], int]:
    """The entries of one creation time (each with its `_content`), indexed for `_likeliest`:
    for each way a record can be like one of them, the ID of the first that is (in the
    journal's order). Made once per time, so a file of thousands of records sharing one (a
    JSON array without creation times, imported before) is matched in linear time."""
    index: dict[tuple[object, ...], int] = {}
    left = [entry.id for entry, key in entries if key not in given]
    if len(left) == 1:  # the one entry of the time no record of the file is the same as
        index["left",] = left[0]
    for entry, key in entries:  # free: not the same as another record of the file
        free = key not in given
        for way in (*_ways(free, _said(entry), entry.date), ("id", entry.id), ("any",)):
            index.setdefault(way, entry.id)
    return index


def _likeliest(
    index: dict[tuple[object, ...], int], record: ImportRecord, alone: bool, last: bool
) -> int | None:
    """The entry a record is likeliest another version of, among those of its creation time:
    one with its words (experience, or answers) and not the same as another record of the
    file, on its date first; then the one with its ID (edited here since); then one with its
    words that is the same as another record of the file; the first such in the journal's
    order. When the time is the entry's alone and the record's (`alone`), that entry whatever
    it holds; when the record is the time's only one the journal lacks (`last`) and one entry
    of the time is left that no record is the same as, that one (an edited jrnl entry: jrnl
    keeps no IDs); otherwise none (an entry deleted since): the time does not say which."""
    said, day = _said(record.draft), record.draft.date
    ways = [*_ways(True, said, day), ("id", record.kept.id), *_ways(False, said, day)]
    found = next((index[way] for way in ways if way in index), None)
    if found is None and alone:
        return index["any",]
    return index.get(("left",)) if found is None and last else found


def _ways(free: bool, said: object, day: date) -> tuple[tuple[object, ...], ...]:
    """The ways a record can be like an entry of its creation time by its words, likest
    first (none when it has none)."""
    return ((free, said, day), (free, said)) if said is not None else ()


def _said(entry: EntryDraft) -> object:
    """What an entry is recognised by when edited: its experience, or, without one (a prompt
    set's), its answers; None when it has neither."""
    if entry.experience.strip():
        return entry.experience
    return frozenset(entry.answers.items()) if entry.answers else None


def _matched_time(record: ImportRecord) -> datetime | None:
    """The creation time a record is matched by: a zoneless (jrnl) one by its wall-clock time
    alone, as entries imported before stamps kept their date's offset hold that time with
    another offset (09:00+00:00 for a summer 09:00 in London, now 09:00+01:00)."""
    stamp = record.kept.created_at
    return stamp.replace(tzinfo=None) if stamp and record.zoneless else stamp


def _times(created_at: datetime, walls: bool) -> tuple[datetime, ...]:
    """An entry's creation time, and (`walls`) its wall-clock time, for `_matched_time`."""
    return (created_at, created_at.replace(tzinfo=None)) if walls else (created_at,)


def _note_id(ids: dict[int, int], record: ImportRecord, journal_id: int) -> None:
    if record.kept.id is not None:
        ids[record.kept.id] = journal_id


def _dates_note(order: DateOrder | None, would: bool) -> str:
    """The sentence on how a jrnl journal's numeric dates were read: month first because a
    stamp shows it, or day first although none could tell (and how to have them month first)."""
    if order is None or not order.example:  # (nothing to say, or --month-first said it)
        return ""
    if order.month_first:
        return (f" Dates read month first (month/day/year), as {order.example} "
                f"(line {order.line}) shows.")
    from peerjournal.dates import spoken

    read = f"{order.example} is {spoken(order.day)}" if order.day else order.example
    again = ("import with --month-first" if would else
             "delete these entries (`peerjournal delete ID`) and import again with --month-first")
    return (f" Dates read day first (day/month/year): {read}; if your jrnl writes the month "
            f"first, {again}.")


def _versions_note(others: _Others, ids: list[int] | None = None) -> str:
    """The sentence for records imported beside the entries they are other versions of (same
    creation time, other content), naming those entries and (`ids`: the new entries' IDs,
    after the import) the copies added."""
    versions = others.versions
    if not versions:
        return ""
    matched = Counter(versions.values())
    n = len(versions)
    verb = "would be" if ids is None else ("was" if n == 1 else "were")
    they = f"{'it' if n == 1 else 'they'} {verb}"
    several = joined([f"{k} versions of ID {i}" for i, k in sorted(matched.items()) if k > 1])
    added = f" as {_ids_text([ids[at] for at in versions])}" if ids is not None else ""
    return (
        f" {counted(n, 'entry')} differ{'s' if n == 1 else ''} from the journal's version "
        f"({_ids_text(list(matched))}{'; ' + several if several else ''}: edited since, here "
        f"or there), so {they} added beside {'it' if len(matched) == 1 else 'them'}{added}: "
        "compare with `peerjournal show ID`; `peerjournal delete ID` removes the copy you do "
        "not want."
    )


def _gone_note(others: _Others, records: list[ImportRecord], ids: list[int] | None = None
               ) -> str:
    """The sentence for records of entries gone from the journal since (`_Others.gone`),
    added back: their new IDs (`ids`, after the import), or before it their IDs in the file."""
    if not others.gone:
        return ""
    n = len(others.gone)
    gone = f" {counted(n, 'entry')} not in the journal (deleted since?)"
    if ids is not None:
        back = _ids_text([ids[at] for at in others.gone])
        return f"{gone} {'was' if n == 1 else 'were'} added back: {back}."
    given = [records[at].kept.id for at in others.gone]
    named = [i for i in given if i is not None]
    in_file = f" ({_ids_text(named)} in the file)" if len(named) == n else ""
    return f"{gone} would be added back{in_file}."


def _trash_note(in_trash: list[int], would: bool) -> str:
    """The sentence for records skipped because they are in the trash (`in_trash`: the ID of
    the entry each one matched)."""
    if not in_trash:
        return ""
    n = counted(len(in_trash), "entry")
    skipped = f"{n} in the trash would be skipped" if would else f"Skipped {n} in the trash"
    ids = sorted(set(in_trash))
    if len(ids) == 1:
        return f" {skipped}: `peerjournal restore {ids[0]}` brings it back."
    return f" {skipped}: `peerjournal restore ID` brings one back ({_ids_text(ids)})."


def _not_yet_restored(
    app: AppContext, found: Imported
) -> tuple[list[SelfCheck], list[SupervisionRecord]]:
    """A backup's self-checks and supervision records that the journal does not hold yet.

    A supervision record is already there when its date, note and creation time are the
    same; a finished self-check when its time and answers are. An unfinished one is there
    when one started at the same time is still unfinished: the same check, perhaps carried
    on since the backup (its answers are the newer ones); or when a check finished since it
    was started holds every one of its answers: the same check, finished since (finishing
    gives it that time), and bringing it back would lose nothing but add a second unfinished
    check. Any other unfinished one is restored as it is, answers and all, beside the
    journal's (`supervision check` offers them newest first)."""
    if not app.db_path.exists() or not (found.checks or found.supervisions):
        return found.checks, found.supervisions  # (a dry run never creates the journal)
    from peerjournal.db.supervision import self_checks, supervisions

    store = app.store()
    stored = self_checks(store)
    have = {_check_key(c) for c in stored}
    finished = [c for c in stored if c.complete]
    held = {(s.date, s.note, s.created_at) for s in supervisions(store)}
    return (
        [c for c in found.checks
         if _check_key(c) not in have and not _finished_since(c, finished)],
        [s for s in found.supervisions if (s.date, s.note, s.created_at) not in held],
    )


def _finished_since(check: SelfCheck, finished: list[SelfCheck]) -> bool:
    """Whether `check`, unfinished, was finished since: one of the journal's `finished`
    checks, finished after it started, gives every one of its answers (score and note)."""
    return not check.complete and any(
        done.created_at >= check.created_at and check.answers.items() <= done.answers.items()
        for done in finished
    )


def _check_key(check: SelfCheck) -> tuple[datetime, frozenset[tuple[str, Answer]] | None]:
    """What makes a self-check the same one (see `_not_yet_restored`)."""
    return check.created_at, (frozenset(check.answers.items()) if check.complete else None)


def _counts(*counts: tuple[int, str]) -> list[str]:
    """'2 self-checks', … for each count that is not 0."""
    return [counted(n, noun) for n, noun in counts if n]


def _ids_text(ids: list[int]) -> str:
    """'ID 4', 'IDs 4–9', 'IDs 1–44 and 46–48' or 'IDs 1, 3 and 8': in order, each run
    without a gap as a range; after MAX_IDS_LISTED of those, '…'."""
    ids = sorted(ids)
    if len(ids) == 1:
        return f"ID {ids[0]}"
    runs: list[list[int]] = []
    for n in ids:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs]
    if len(parts) > MAX_IDS_LISTED:
        return f"IDs {', '.join(parts[:MAX_IDS_LISTED])}, …"
    return f"IDs {joined(parts)}"


_SKIPPED = ("entries", "in_trash", "repeated", "self_checks", "supervisions", "drafts")


class _Result:
    """What an import did (a dry run: would do), said on stderr as it goes and kept for
    --json, in the shape of other commands' (counts, IDs as numbers, data only)."""

    def __init__(self, app: AppContext, dry_run: bool) -> None:
        self.app = app
        self.data: dict[str, Any] = {
            "dry_run": dry_run, "format": None, "entries": 0, "ids": [], "file_ids": [],
            "from": None, "to": None, "versions": [], "added_back": [], "people": None,
            "restored": {"self_checks": 0, "supervisions": 0, "drafts": 0},
            "skipped": dict.fromkeys(_SKIPPED, 0), "message": None, "notes": [],
            "journal_id": None,
        }
        self.chosen: JournalIdChoice | None = None
        self.hint = self.undo = ""
        self.fresh: str | None = None  # the journal's new ID (--journal-id new)

    def say(self, message: str) -> None:
        """The line that sums the import up."""
        self.app.say(message.strip())
        self.data["message"] = message.strip()

    def note(self, line: str, prefix: str = "") -> None:
        """A line beside it (how the file was read, what the import changed in it)."""
        self.app.say(f"{prefix}{line}")
        self.data["notes"].append(line)

    def skipped(self, **counts: int) -> None:
        """What was not imported, already there (`_SKIPPED`)."""
        self.data["skipped"].update(counts)

    def choice(self, chosen: JournalIdChoice | None, hint: str | None, undo: str) -> None:
        """The Journal ID asked for (`_journal_id_choice`; None: the default), and with the
        default, how to take the backup's (`_journal_id_hint`), said where its own is kept;
        `undo`, how to give the journal a new one (`_journal_id_new_hint`)."""
        self.chosen, self.hint, self.undo = chosen, hint or "", undo

    def journal(self, given: str | None, held: str | None, would: bool) -> list[str]:
        """What became of a backup's journal ID (`given`; `held`: the journal's before), for
        --json (`_journal_id_status`), and the note saying so (`_journal_id_note`); a new one
        (--journal-id new) whatever the backup gives; --journal-id backup from a backup that
        gives none said (nothing to take)."""
        if self.chosen is JournalIdChoice.new:
            self.data["journal_id"] = "new"
            return [_journal_id_new_note(held, self.fresh, would)]
        if given is None:
            if self.chosen is not JournalIdChoice.backup:
                return []
            unchanged = "would be unchanged" if would else "is unchanged"
            return ["The backup carries no Journal ID (a journal's first summary makes one), so "
                    f"--journal-id backup has none to take: this journal's ID {unchanged}."]
        status = _journal_id_status(given, held, self.chosen)
        self.data["journal_id"] = status
        note = _journal_id_note(status, given, held, would, self.chosen,
                                (self.hint, self.undo))
        return [note] if note else []

    def people(self, added: int, in_file: int) -> None:
        self.data["people"] = {"added": added, "in_file": in_file}

    def entries(self, records: list[ImportRecord], file_ids: list[int | None],
                ids: list[int] | None, others: _Others) -> None:
        """The entries imported: their IDs (`ids`, in the records' order; None: not known
        before the import), and their IDs in the file."""
        def given(at: int) -> int | None:
            return ids[at] if ids else None

        self.data.update({
            "entries": len(records), "ids": ids, "file_ids": file_ids,
            "versions": [{"id": given(at), "of": of} for at, of in others.versions.items()],
            "added_back": [given(at) for at in others.gone],
        })

    def print_json(self, json_out: bool) -> None:
        if not json_out:
            return
        if self.data["dry_run"]:
            self.app.print_json(self.data)
        else:
            self.app.print_json_done("The import is complete", self.data)


def _why_new_ids(app: AppContext, records: list[ImportRecord]) -> str | None:
    """Why the records cannot keep their IDs in the file (each keeps its own only when every
    one of them can: `_import_entries`); None when they can, or have none to keep."""
    from peerjournal.db.store import HIGHEST_KEPT_ID

    wanted = [r.kept.id for r in records if r.kept.id is not None]
    if not wanted:
        return None
    if len(wanted) < len(records):
        return "not every entry in the file has one"
    twice = [n for n, times in Counter(wanted).items() if times > 1]
    if twice:
        return f"the file gives ID {twice[0]} to more than one entry"
    if _too_high(records):  # (`_too_high_note` says it)
        return f"one is over {HIGHEST_KEPT_ID:,}"
    taken = sorted(app.store().existing_ids(wanted)) if app.db_path.exists() else []
    if taken:
        return f"{_ids_text(taken)} {'is' if len(taken) == 1 else 'are'} taken here"
    return None


def _ids_to_give(app: AppContext, records: list[ImportRecord], why: str | None
                 ) -> list[int] | None:
    """The IDs an import would give the records (`why`: why not their own): theirs, or the
    next ones the journal gives; None when that is not known before (`_number_on`)."""
    from peerjournal.db.store import HIGHEST_KEPT_ID

    if why is None and all(r.kept.id is not None for r in records):
        return [r.kept.id for r in records if r.kept.id is not None]
    start = app.store().highest_id_given() if app.db_path.exists() else 0
    return None if start > HIGHEST_KEPT_ID else list(range(start + 1, start + 1 + len(records)))


def _new_ids_note(file_ids: list[int | None], others: _Others, why: str | None,
                  ids: list[int] | None, file: str, would: bool) -> str:
    """The sentence for entries that do not keep their IDs in the file (`file_ids`; `why`
    not), with the IDs they get (`ids`; None: not known), that an old note's ID names
    another entry, and how a backup's are kept. "" when other sentences say it: only other
    versions of entries and entries added back, each named by ID."""
    import shlex

    if why is None or len(others.versions) + len(others.gone) == len(file_ids):
        return ""
    pairs = sorted((old, new) for old, new in zip(file_ids, ids or [], strict=False)
                   if old is not None)
    own = _ids_text(sorted({n for n in file_ids if n is not None})).split(" ", 1)[1]
    got = f": they {'would get' if would else 'got'} {_ids_text(ids)}" if ids else ""
    names = "would name" if would else "may name"
    return (
        f" The file's IDs ({own}) {'would not be' if would else 'were not'} kept, as {why}"
        f"{got}{_moved(pairs, would)}, and an ID in old notes {names} another entry. A new, "
        f"empty journal keeps a backup's IDs: `peerjournal --db NEW.db import "
        f"{shlex.quote(file)}`."
    )


def _moved(pairs: list[tuple[int, int]], would: bool) -> str:
    """How IDs in a file map to those given: "(ID 1 is now 2, each 1 higher)", or the first
    and last pairs."""
    if not pairs:
        return ""
    is_now = "would be" if would else "is now"
    (old, new), (last, given) = pairs[0], pairs[-1]
    moves = {b - a for a, b in pairs}
    first = f"ID {old} {is_now} {new}"
    if len(moves) == 1:
        step = moves.pop()
        return f" ({first}, each {abs(step):,} {'higher' if step > 0 else 'lower'})"
    return f" ({first}, …, ID {last} {is_now} {given}: --json pairs them all)"
