"""peerjournal export: a redacted summary for a mentor, or (--full) a complete JSON backup."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any, BinaryIO, TypeVar

import typer

from peerjournal.cli.options import DATE_HELP, By, Period, option_text, typed_noted
from peerjournal.dates import RECENT_WEEKS

if TYPE_CHECKING:
    from collections import Counter
    from collections.abc import Callable, Sequence
    from datetime import date
    from pathlib import Path

    from peerjournal.context import AppContext
    from peerjournal.db.stats import Found
    from peerjournal.db.store import Store
    from peerjournal.entry import Entry
    from peerjournal.errors import DatabaseError, PeerJournalError
    from peerjournal.redact import Person
    from peerjournal.summary import SelfCheck

T = TypeVar("T")
DEFAULT_WEEKS = RECENT_WEEKS  # the period supervision prep goes over too
FULL_WARNING = (
    "This backup holds the journal's entries, records and drafts, unredacted: every entry's "
    "full text, names included. Keep it as private as the journal itself."
)
NO_PEOPLE_WARNING = (
    "No people are listed, so no names were redacted: add them with "
    "`peerjournal people add NAME`."
)
# (the words of the summary's own header, `exporters.common.UNREDACTED`)
NOT_REDACTED = (
    "UNREDACTED: names and identifiers were NOT removed from the summary {where} "
    "(--no-redact); share it only with someone who may read them."
)
JSON_NEEDS_OUTPUT = "--json describes the written file: use it with --output FILE."
JSON_NOT_TO_STDOUT = (
    "--json describes the written file, and --output {output} is where standard output goes "
    "too: the two would run together. Leave out --json, or write to another file."
)

SIGNATURE_ON_ONE_LINE = (
    "--from signs the summary with one line of text, and this one holds a line break, a tab "
    "or another control character: give your name alone (e.g. --from Sam)."
)


def _csv_leaves_out(options: Sequence[str]) -> str:
    """What a CSV export says of the given `options` it has no place for."""
    from peerjournal.plural import joined

    are, them = ("are", "them") if len(options) > 1 else ("is", "it")
    return (
        f"The CSV holds the numbers only: {joined(options)} {are} left out; use md, html, pdf "
        f"or json to send {them}."
    )


Since = Annotated[str | None, typer.Option(
    "--since", metavar="DATE",
    help=f"From this date ({DATE_HELP}). Default: the last {DEFAULT_WEEKS} weeks "
    "(this week and the 3 before it).")]
Until = Annotated[str | None, typer.Option(
    "--until", metavar="DATE", help="Up to and including this date. Default: today.")]
Format = Annotated[str | None, typer.Option(
    "--format", "-f", metavar="FORMAT",
    help="md (Markdown), html, pdf, json (what `peerjournal review` opens) or csv (the numbers "
    "alone). Default: from the --output file's extension, else md (also for .txt).")]
Output = Annotated[str | None, typer.Option(
    "--output", "-o", metavar="FILE",
    help="Write to FILE (only you can read it) instead of standard output ('-').")]
Force = Annotated[bool, typer.Option(
    "--force", help="Overwrite FILE if it exists (an earlier export; never the journal or "
    "another file peerjournal keeps).")]
Note = Annotated[str, typer.Option(
    "--note", metavar="TEXT", help="A note to your mentor, included (redacted).")]
Writer = Annotated[str, typer.Option(
    "--from", metavar="NAME", help="How the summary is signed (e.g. your first name).")]
WithCheck = Annotated[bool, typer.Option(
    "--with-check", help="Include your latest complete self-check (redacted).")]
Yes = Annotated[bool, typer.Option("--yes", "-y", help="Write without the preview and question.")]
NoRedact = Annotated[bool, typer.Option(
    "--no-redact", help="Do NOT replace names and identifiers (the file says so).")]
NoJournalId = Annotated[bool, typer.Option(
    "--no-journal-id", help="Leave out the journal's ID, which tells a mentor's `review` "
    "which summaries come from one journal (it names no one): this summary is then joined to "
    "your others by its signature alone, if signed.")]
Json = Annotated[bool, typer.Option(
    "--json", help="With --output FILE (not standard output): print what was written (output: "
    "the file's absolute path, format, bytes; for a summary, always, the words_to_check that "
    "may be names, the replaced_opening words that may be everyday words, the "
    "passages_to_read no check could read, and after_today: the entries dated after today "
    "left out) as JSON.")]
Full = Annotated[bool, typer.Option(
    "--full", help="A complete, unredacted JSON backup: every entry, the people list, "
    "self-checks, supervision records and unfinished drafts, in the shape `peerjournal "
    "import` reads. Without --output it goes to standard output, or, on a terminal, to "
    "peerjournal-backup-DATE.json in the current folder.")]


def register(app: typer.Typer) -> None:
    @app.command(short_help="Export a summary for your mentor.")
    def export(
        ctx: typer.Context,
        since: Since = None,
        until: Until = None,
        fmt: Format = None,
        output: Output = None,
        force: Force = False,
        note: Note = "",
        writer: Writer = "",
        by: By = Period.week,
        with_check: WithCheck = False,
        yes: Yes = False,
        no_redact: NoRedact = False,
        full: Full = False,
        json_out: Json = False,
        no_journal_id: NoJournalId = False,
    ) -> None:
        """Export a summary for your mentor: the numbers, trends and drift markers of the
        period, and the text of the entries you have shared (`peerjournal share ID`). Names
        on the people list, and details such as e-mails, phone numbers, addresses, dates of
        birth, ID numbers and links, are replaced. You see a preview of exactly what will
        leave before anything is written. --full makes a complete backup instead.

        \b
        Examples:
          peerjournal export -o summary.html
          peerjournal export --full -o backup.json
        """
        from peerjournal.context import AppContext
        from peerjournal.errors import ExitCode, PeerJournalError
        from peerjournal.exporters import FORMATS, get_format
        from peerjournal.textsafe import has_control

        if json_out and output in (None, "-"):  # a usage error: before any work or preview
            raise PeerJournalError(JSON_NEEDS_OUTPUT, ExitCode.USAGE)
        if has_control(writer):
            raise PeerJournalError(SIGNATURE_ON_ONE_LINE, ExitCode.USAGE)
        app_ctx = AppContext.from_ctx(ctx)
        extension = _extension(output)
        named = extension if extension in FORMATS else None
        if fmt is None and not full and extension not in (None, *FORMATS, *TEXT_EXTENSIONS):
            raise _unknown_extension(str(output), str(extension))
        # a full backup is JSON: the only format it has
        chosen = get_format(fmt if fmt is not None else named or ("json" if full else "md"))
        if named is not None and chosen.name != named:
            raise PeerJournalError(
                f"--format {chosen.name} does not match --output {output} (a .{named} name): "
                f"name the file .{chosen.name}, or leave out --format.", ExitCode.USAGE
            )
        # the period before the file: an unreadable date is the error to fix first
        window = None if full else _window(app_ctx, since, until)
        target = None if output in (None, "-") else _target(app_ctx, output, force)
        if json_out and target is not None and _is_stdout(target):  # still before any work
            raise PeerJournalError(JSON_NOT_TO_STDOUT.format(output=output), ExitCode.USAGE)
        if full and output is None and _stdout_is_terminal():
            # the whole unredacted journal is not for a terminal's screen and scrollback
            named_for_today = f"peerjournal-backup-{app_ctx.today().isoformat()}.json"
            target = _target(app_ctx, named_for_today, force)
        flagged: list[str] | None = None  # the words to check (a summary's)
        after_today = 0  # the entries dated after today a summary leaves out
        replaced: list[str] = []  # the word-names replaced opening a sentence (a summary's)
        if full:
            _refuse_with_full(chosen.name, since, until, note, writer, with_check, no_redact,
                              no_journal_id)
            data, notes, salvage = _full_backup(app_ctx)
            app_ctx.say(FULL_WARNING)
            for line in notes:
                app_ctx.say(line)
        else:
            # (bytes not UTF-8 read as `write` reads them, its note said once for the two)
            read_note, read_writer = typed_noted(app_ctx, note, writer)
            note = option_text(read_note or "", "--note")
            writer = option_text(read_writer or "", "--from")
            if target is not None and not no_redact:
                _refuse_name_in_file_name(app_ctx, target)
            assert window is not None
            given = {"--note": note, "--from": writer, "--with-check": with_check}
            left_out = [name for name, value in given.items() if value and chosen.name == "csv"]
            if left_out:  # a CSV has no place for them: no self-check is needed either
                note, writer, with_check = "", "", False
            data, summary, warnings, replaced = _summary(
                app_ctx, window, by.value, note, writer, with_check, no_redact, chosen.name, yes,
                journal=not no_journal_id,
            )
            after_today = _after_today(app_ctx, window, until, summary, warnings)
            if left_out:
                warnings.append(_csv_leaves_out(left_out))
            if chosen.name == "json":
                _refuse_unreviewable(summary, data)
            if not yes:
                flagged = _preview_and_confirm(
                    app_ctx, summary, data, chosen.name, target, warnings
                )
            else:
                flagged, checks = _words_to_check(app_ctx, summary, data, chosen.name)
                for warning in [*warnings, *checks]:
                    app_ctx.say(warning)
        # a summary is for the mentor (a backup has had its warning)
        sent = "" if full else SENDS_NOTHING
        to_read = _passages_to_read(summary, data, chosen.name) if json_out and not full else None
        _deliver(app_ctx, data, target, chosen.name, json_out, force, sent, flagged, to_read,
                 replaced, after_today)
        if no_redact and not full:  # said last, as "Wrote …" is: the file header says so too
            where = "on standard output" if target is None else f"in {_written(target)}"
            app_ctx.say(NOT_REDACTED.format(where=where))
        if full and salvage is not None:
            raise _salvaged(app_ctx, target, salvage)


# ------------------------------------------------------------------------------ helpers


def _stdout_is_terminal() -> bool:
    import sys

    return sys.stdout.isatty()


# Extensions of plain text: Markdown is written under them, as under a name without one.
TEXT_EXTENSIONS = frozenset({"txt", "text"})


def _extension(output: str | None) -> str | None:
    """The --output file's extension as a format would name it ("htm" is html), lower case
    and without its dot; None for standard output, a name without one, or a number after
    the last dot ("summary.2026-12", "notes.06": a date, not a file type)."""
    from pathlib import PurePath

    if not output or output == "-":
        return None
    suffix = PurePath(output).suffix.lower().lstrip(".")
    if not suffix.isalnum() or suffix.isdigit():
        return None
    return {"markdown": "md", "htm": "html"}.get(suffix, suffix)


def _unknown_extension(output: str, extension: str) -> PeerJournalError:
    """The error for an --output name whose extension is no format's (x.svg, x.docx): a file
    of Markdown under it would open wrong, or not at all."""
    from peerjournal.errors import ExitCode, PeerJournalError
    from peerjournal.exporters import FORMATS
    from peerjournal.plural import joined

    return PeerJournalError(
        f"--output {output}: there is no .{extension} format. Name the file "
        f"{joined([f'.{name}' for name in FORMATS], 'or')} (.txt holds Markdown), or choose "
        f"one with --format {joined(list(FORMATS), 'or')}. Nothing was written.",
        ExitCode.USAGE,
    )


def _target(app: AppContext, output: str, force: bool) -> Path:
    """The file `output` names, checked before any work: never one of the journal's own
    files (`_refuse_own_file`), never an existing file without --force. A link is written
    through to the file it points to (`_link_end`), the --force rule applying to that file."""
    from peerjournal import paths
    from peerjournal.errors import PeerJournalError

    if not output.strip():  # Path("") is the current folder
        raise PeerJournalError("--output needs a file name (or - for standard output).")
    path = paths.expand_user(output, "--output")
    if _is_stream(path):  # nothing there to overwrite: written into, as stdout is
        _refuse_own_file(app, path)  # (/proc/self/fd/N: the journal's own open file)
        return path
    end = _link_end(path)
    if end.is_dir():
        raise PeerJournalError(f"{path} is a folder; --output needs a file name.")
    _refuse_own_file(app, path)
    if end.exists() and not force:
        raise PeerJournalError(f"{_named(path, end)} already exists; add --force to overwrite it.")
    if not end.parent.is_dir():
        if end != path.absolute() and path.is_symlink():  # an unmounted drive, a moved folder
            raise PeerJournalError(
                f"{path} is a link to {end}, and the folder {end.parent} does not exist: "
                "nothing was written."
            )
        raise PeerJournalError(f"The folder {path.parent} does not exist.")
    return path


def _link_end(path: Path) -> Path:
    """Where a link at `path` leads, followed to its end (the file to write: a link into a
    synced folder stays a link, the file it points to replaced or made, as `>` does); `path`
    itself, absolute, when it is no link. A circle of links is refused."""
    from peerjournal.errors import PeerJournalError

    if not path.is_symlink():
        return path.absolute()
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a loop ("Symlink loop", or ELOOP from 3.13 on)
        raise PeerJournalError(
            f"{path} is a link that leads round in a circle to itself: choose another file "
            "for --output."
        ) from None


def _named(path: Path, end: Path) -> str:
    """`path` as the writer gave it, and where it leads when it is a link elsewhere."""
    if end != path.absolute() and path.is_symlink():
        return f"{path} (a link to {end})"
    return str(path)


OWN_FILE = (
    "--output {path} is {what}: choose another file name (--force is for replacing an earlier "
    "export, never a file peerjournal keeps). Nothing was written."
)
SQLITE_HEADER = b"SQLite format 3\x00"
JOURNAL_COMPANIONS = {"-wal": "the write-ahead log", "-shm": "the shared-memory file",
                      "-journal": "the rollback journal"}


def _refuse_own_file(app: AppContext, path: Path) -> None:
    """Refuse an --output that is a file peerjournal keeps (`_own_file`), even with --force:
    the journal (`-o journal.db --force` replaced it with a summary, every command after it
    saying "not a journal"), the files SQLite and upgrades keep beside it, anything in the
    drafts, cache or prompt-set folders, the settings and the drift lexicon in use, and any
    other SQLite database (another journal): no export is one."""
    from peerjournal.errors import PeerJournalError

    what = _own_file(app, path)
    if what is not None:
        raise PeerJournalError(OWN_FILE.format(path=path, what=what))


def _own_file(app: AppContext, path: Path) -> str | None:
    """What `path` is of peerjournal's own (see `_refuse_own_file`), or None. Links are
    followed, and a hard link (another name for the same file) is found by its inode."""
    import glob
    import os
    import stat
    from pathlib import Path

    from peerjournal import paths
    from peerjournal.errors import PeerJournalError

    fd = _stream_fd(path)
    try:
        found = os.fstat(fd) if fd is not None else os.stat(path)
    except OSError:  # not there yet (or a dangling link): its name alone can tell
        found = None
    ends = {path.absolute(), paths.resolved(path)}

    def same(other: Path) -> bool:
        if found is None:
            return False
        try:
            return os.path.samestat(found, os.stat(other))
        except OSError:
            return False

    def is_in(folder: Path) -> bool:
        return any(end.is_relative_to(where) for end in ends
                   for where in (folder.absolute(), paths.resolved(folder)))

    def linked_in(folder: Path) -> bool:  # another name, elsewhere, of a file in `folder`
        if found is None or found.st_nlink < 2 or not folder.is_dir():
            return False
        return any(same(Path(top, name)) for top, _, names in os.walk(folder) for name in names)

    journal = app.db_path
    journals = {journal.absolute(), paths.resolved(journal)}
    if ends & journals or same(journal):
        return "your journal" + ("" if path.absolute() in journals else f" ({journal})")
    for kept in journals:
        for end in ends:
            if end.parent == kept.parent and (part := _companion(kept.name, end.name)):
                return part.format(journal)
        if found is not None and found.st_nlink > 1:
            for other in kept.parent.glob(f"{glob.escape(kept.name)}*"):
                if (part := _companion(kept.name, other.name)) and same(other):
                    return f"{part.format(journal)} (another name for {other.name})"
    try:
        folders = {
            "peerjournal's drafts folder": paths.data_dir() / "drafts",
            "peerjournal's cache folder": paths.cache_dir(),
            "your prompt sets' folder": paths.user_prompts_dir(),
        }
        files = {"your settings file": paths.config_path()}
    except PeerJournalError:  # no home folder to find them in (a --db journal is written to)
        folders, files = {}, {}
    for name, folder in folders.items():
        if is_in(folder):
            inside = path.absolute().is_relative_to(folder.absolute())
            return f"in {name}" + ("" if inside else f" ({folder})")
        if linked_in(folder):
            return f"another name for a file in {name} ({folder})"
    if (lexicon := _lexicon_named(app)) is not None:
        files["the drift lexicon peerjournal reads"] = lexicon
    for name, kept in files.items():
        if ends & {kept.absolute(), paths.resolved(kept)} or same(kept):
            return name + ("" if path.absolute() == kept.absolute() else f" ({kept})")
    if found is not None and stat.S_ISREG(found.st_mode) and _is_sqlite(path):
        return "a SQLite database (a journal?)"
    return None


def _lexicon_named(app: AppContext) -> Path | None:
    """The organisation's drift lexicon (--lexicon, else the setting), read without a word:
    a backup says nothing of settings it does not use, and a setting that cannot be used is
    its own commands' to report (None then, as for the shipped lexicon)."""
    from pathlib import Path

    from peerjournal import paths
    from peerjournal.config import load_config
    from peerjournal.errors import PeerJournalError

    if app.lexicon_option is not None:
        if not app.lexicon_option.strip():  # (refused as empty where it is used)
            return None
        return paths.expand_user(app.lexicon_option, "--lexicon")
    try:  # (no home folder: no settings)
        chosen = load_config(paths.config_path(), lambda _: None).get("drift", {}).get("lexicon")
    except PeerJournalError:
        return None
    return Path(chosen) if isinstance(chosen, str) and chosen else None


def _companion(journal: str, name: str) -> str | None:
    """What the file `name`, beside the journal named `journal`, is of it ("{}" for the
    journal's path), or None."""
    if not name.startswith(journal) or name == journal:
        return None
    rest = name[len(journal):]
    if rest in JOURNAL_COMPANIONS:
        return f"{JOURNAL_COMPANIONS[rest]} of your journal {{}}"
    if rest.startswith(".backup-"):
        return "a copy of your journal {} that an upgrade kept"
    if rest.startswith((".partial-backup", ".new-")):
        return "a copy of your journal {} being made"
    return None


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _is_stream(path: Path) -> bool:
    """A pipe, socket or device (`-o /dev/stdout`, a named pipe), one of this process's open
    descriptors by name (/dev/stdout, /dev/fd/N, /proc/self/fd/N, or a link to one: a file
    when standard output is redirected to one), or any other link under /dev or /proc: written
    into, never replaced by a file (which --force would do to the link /dev/stdout)."""
    import stat

    if _stream_fd(path) is not None or (path.is_symlink() and _in_system_folder(path)):
        return True
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


_STANDARD_STREAMS = {"/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2}
MAX_LINKS = 40  # as the kernel follows


def _stream_fd(path: Path) -> int | None:
    """The descriptor of this process that `path` names, following links (~/out -> /dev/stdout
    -> /proc/self/fd/1), or None. Written through the descriptor itself, not the file reopened
    by its name, so that `>> log` appends rather than truncates."""
    import os
    import re

    name = os.path.abspath(path)
    for _ in range(MAX_LINKS):
        if name in _STANDARD_STREAMS:
            return _STANDARD_STREAMS[name]
        own = re.fullmatch(r"/(?:dev|proc/(self|thread-self|\d+))/fd/(\d+)", name)
        if own and own[1] in (None, "self", "thread-self", str(os.getpid())):
            return int(own[2])
        try:
            link = os.readlink(name)
        except OSError:  # not a link (or not there): not a descriptor by name
            return None
        name = os.path.normpath(os.path.join(os.path.dirname(name), link))
    return None


def _is_stdout(path: Path) -> bool:
    """`path` is where standard output goes: /dev/stdout or /dev/fd/1 (or a link to one), or
    the very file, pipe or terminal it is (`-o out.json > out.json`)."""
    import os

    if _stream_fd(path) == 1:
        return True
    try:
        return os.path.samestat(os.stat(path), os.fstat(1))
    except OSError:  # not there yet, or no standard output at all
        return False


def _in_system_folder(path: Path) -> bool:
    import os
    from pathlib import Path  # (the module's own is for type checking only)

    return Path(os.path.abspath(path)).parts[1:2] in (("dev",), ("proc",))


def _refuse_name_in_file_name(app: AppContext, target: Path) -> None:
    """A file's name goes wherever the file goes (an attachment, a shared folder): refuse
    one that holds a listed name, as the summary inside holds none. In any case, as a label
    is read (`Redactor.label`): a file name is typed in lower case ("frank.pdf") and has no
    sentence around it to tell the word from the name."""
    from peerjournal.db.people import list_people
    from peerjournal.errors import PeerJournalError
    from peerjournal.redact import Person, names_in_label

    people = [Person(p.name, p.alias) for p in list_people(app.store())]
    if not people:
        return
    for name in dict.fromkeys((target.name, _link_end(target).name)):  # a link's file's too
        found = names_in_label(name, people)
        if found:
            held = "; ".join(f"{piece!r} reads as {whose}" for piece, whose in found)
            instead = _name_to_suggest(app, target, people)
            raise PeerJournalError(
                f"The file name {name!r} holds a name on the people list ({held}). A file's "
                "name goes wherever the file goes, and has no sentence around it to tell an "
                "everyday word from the name, so it is refused even where the word is meant: "
                f"choose another name for --output (such as {instead}). Nothing was written."
            )


# File names to suggest in place of one refused, the first holding no listed name
_SUGGESTED_STEMS = ("summary", "export", "mentor-export", "journal-export")


def _name_to_suggest(app: AppContext, target: Path, people: Sequence[Person]) -> str:
    """A file name for --output, like `target`'s, that `_refuse_name_in_file_name` would take
    ("summary.md" holds Mary for Mary Smith, "summary.mark" holds Mark): `target`'s extension
    kept where it holds no name, else ".md"; the stem a word that holds none, else today's
    date (a name has letters)."""
    from peerjournal.redact import names_in_label

    suffixes = dict.fromkeys((target.suffix, ".md" if target.suffix else ""))
    for suffix in suffixes:
        for stem in _SUGGESTED_STEMS:
            if not names_in_label(stem + suffix, people):
                return stem + suffix
    return app.today().isoformat() + next(
        (suffix for suffix in suffixes if not names_in_label(suffix, people)), ""
    )


def _refuse_with_full(fmt: str, *others: Any) -> None:
    from peerjournal.errors import PeerJournalError

    if fmt != "json":
        raise PeerJournalError("--full writes a JSON backup: use it with --format json.")
    if any(others):
        raise PeerJournalError(
            "--full exports every entry as it is; it takes no --since, --until, --note, --from, "
            "--with-check, --no-redact or --no-journal-id."
        )


def _full_backup(app: AppContext) -> tuple[bytes, list[str], Salvage | None]:
    """Everything the journal holds, in the shape `importing.read_import` reads back (README:
    "The JSON entry shape"): live entries, the people list, every self-check (unfinished ones
    too), every supervision record, each with all its stored fields, and the unfinished
    drafts and unsaved edits. Not the trash, nor what is recomputed on import (drift scores,
    the search index). Also what to tell the writer: the drafts it carries, and what it
    leaves out (the trash among it); and, for a damaged journal, what could not be read
    (None: the journal was checked whole, db/health.py)."""
    from peerjournal import paths
    from peerjournal.db import health
    from peerjournal.db.people import list_people
    from peerjournal.db.supervision import self_checks, supervisions
    from peerjournal.drafts import for_backup
    from peerjournal.exporters.json_ import BACKUP_SCHEMA, write
    from peerjournal.supervision import answers_to_json

    store = app.store()
    drafts, unreadable = for_backup(paths.drafts_dir(app.db_path))
    if not drafts:  # (no empty backup over a real one: a mistyped PEERJOURNAL_HOME)
        app.refuse_no_journal("nothing to back up")
    salvage = None if health.sound(store.conn) else Salvage()
    entries = _entries(app, salvage)
    if entries is None:  # a whole scan failed after all
        salvage = Salvage()
        entries = _entries(app, salvage)
    assert entries is not None
    backup: dict[str, Any] = {
        "schema": BACKUP_SCHEMA,
        "entries": [entry.to_json() for entry in entries],
        "people": [
            {"name": p.name, "alias": p.alias, "created_at": p.created_at.isoformat()}
            for p in _part(salvage, "the people list",
                           lambda: list_people(store, redacting=False))
        ],
        "self_checks": [
            {"id": c.id, "created_at": c.created_at.isoformat(), "complete": c.complete,
             "answers": answers_to_json(c.answers)}
            for c in _part(salvage, "the self-checks", lambda: self_checks(store))
        ],
        "supervisions": [
            s.to_json()
            for s in _part(salvage, "the supervision records", lambda: supervisions(store))
        ],
    }
    if drafts:  # only then: a peerjournal older than drafts in backups still reads the rest
        backup["drafts"] = [draft.to_json() for draft in drafts]
    # the journal's ID, once a summary made it (none is made here): `import` of the backup into
    # a new journal takes it, so a writer's summaries from both computers read as one's
    for found in _part(salvage, "the journal ID", lambda: _known_journal_id(store)):
        backup["journal"] = found
    notes = [*_backup_notes(app, len(drafts), unreadable), *_trash_note(app)]
    return write(backup), notes, salvage


def _known_journal_id(store: Store) -> list[str]:
    """The journal's ID as `_part` reads a record: none when it has none yet."""
    found = store.known_journal_id()
    return [] if found is None else [found]


@dataclass
class Salvage:
    """What a backup of a damaged journal could not read: entries' IDs, and other records."""

    lost: list[int] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    unnamed: int = 0  # entries lost whose IDs cannot be read either (`health.named_lost`)


def _entries(app: AppContext, salvage: Salvage | None) -> list[Entry] | None:
    """The live entries: by one scan of a sound journal (None if that fails: damaged after
    all), else one by one (`Store.readable`), their lost IDs noted in `salvage`. A journal of
    which not even that reads is refused, the file left as it is (`engine.unreadable`)."""
    from peerjournal.db.engine import unreadable
    from peerjournal.db.health import named_lost
    from peerjournal.errors import DatabaseError

    store = app.store()
    try:
        if salvage is None:
            return list(store.iter_all())
        entries, lost = store.readable()
    except DatabaseError:
        if salvage is None:
            return None
        raise DatabaseError(unreadable(app.db_path, "no entry can be read")) from None
    try:
        highest = store.highest_id_given() or None
    except DatabaseError:  # (its page damaged too)
        highest = None
    salvage.lost, salvage.unnamed = named_lost(lost, highest, {e.id for e in entries})
    return entries


def _part(salvage: Salvage | None, name: str, read: Callable[[], list[T]]) -> list[T]:
    """Records of one kind; of a damaged journal, none when they cannot be read (`name`d
    in `salvage`), rather than no backup at all."""
    from peerjournal.errors import DatabaseError

    if salvage is None:
        return read()
    try:
        return read()
    except DatabaseError:
        salvage.parts.append(name)
        return []


def _trash_note(app: AppContext) -> list[str]:
    """What the backup says about the trash it leaves out: moving to another computer with
    it, and wiping this one, would lose those entries without a word."""
    from peerjournal.errors import DatabaseError
    from peerjournal.plural import counted

    try:
        trashed = app.store().trashed()
    except DatabaseError:  # a damaged journal: whether it has any cannot be told
        return [f"Not in the backup: any entries in the trash ({app.command_hint('trash')})."]
    if not trashed:
        return []
    one = len(trashed) == 1
    restore = app.command_hint(f"restore {trashed[0].id if one else 'ID'}")
    return [
        f"Not in the backup: {counted(len(trashed), 'entry')} in the trash "
        f"({app.command_hint('trash')} lists {'it' if one else 'them'}): to keep "
        f"{'it' if one else 'one'}, {restore} and back up again."
    ]


def _salvaged(app: AppContext, target: Path | None, salvage: Salvage) -> PeerJournalError:
    """The error after a backup of a damaged journal is written: it holds what could be read,
    and names what could not be (exit 4, so that no script takes it for a whole backup). It
    says the damage itself (`DamagedJournal`): no warning that "what is shown may be
    incomplete" goes before it (`AppContext.failed`)."""
    from peerjournal.db.health import stale_wal_note
    from peerjournal.errors import DamagedJournal
    from peerjournal.plural import counted, joined

    where = "The backup" if target is None else f"The backup in {target}"
    wal = stale_wal_note(app.db_path)  # (a copy restored beside the -wal of another file)
    lost = salvage.lost
    missing = list(salvage.parts)
    if lost or salvage.unnamed:
        ids = ", ".join(str(i) for i in lost[:20]) + (", …" if len(lost) > 20 else "")
        if salvage.unnamed:  # (an ID read off a damaged page is not named: it may be garbage)
            ids = (f"{ids}; and {salvage.unnamed} whose ID cannot be read either" if ids
                   else f"nor {'its ID' if salvage.unnamed == 1 else 'their IDs'}")
        missing.insert(0, f"{counted(len(lost) + salvage.unnamed, 'entry')} could not be ({ids})")
    if not missing:
        return DamagedJournal(
            f"The journal at {app.db_path} is damaged (SQLite's check of the file found "
            f"errors), though every entry and record in it could still be read. {where} holds "
            f"them all; keep the damaged journal too.{wal}"
        )
    return DamagedJournal(
        f"The journal at {app.db_path} is damaged. {where} holds every entry that could still be "
        f"read; {joined(missing)}. Keep the damaged journal too.{wal}"
    )


def _backup_notes(app: AppContext, drafts: int, unreadable: list[tuple[Path, str]]) -> list[str]:
    """What a full backup carries beside the journal (unfinished drafts and unsaved edits),
    and what it leaves out: drafts that cannot be read, the writer's own prompt sets and
    config.toml."""
    from peerjournal import paths
    from peerjournal.plural import counted, joined

    carried = counted(drafts, "unfinished draft")
    listed = app.command_hint("drafts")
    notes = [f"The backup holds {carried} too ({listed})."] if drafts else []
    notes += [
        f"Not in the backup: the draft {path}, which cannot be read ({why}); copy it yourself."
        for path, why in unreadable
    ]
    parts = []
    prompts = paths.user_prompts_dir()
    if prompts.is_dir() and any(prompts.glob("*.toml")):
        parts.append(f"your own prompt sets ({prompts})")
    if paths.config_path().is_file():
        parts.append(f"your settings ({paths.config_path()})")
    if parts:
        notes.append(f"Not in the backup, as they are files beside the journal: {joined(parts)}.")
    from peerjournal.cli.supervision import not_in_backup  # (a self-check's kept words)

    return [*notes, *not_in_backup(app)]


def default_window(app: AppContext) -> tuple[date, date]:
    """The period an export covers when given no --since or --until."""
    return _window(app, None, None)


def _window(app: AppContext, since: str | None, until: str | None) -> tuple[date, date]:
    """The report's own window rules: the same defaults, a window ends today at the latest
    (--until 9999-12-31 is no end, not 400,000 empty weeks), an empty --since is an error, a
    period ('last month') runs from its first day to its last."""
    from peerjournal.cli.options import date_bound
    from peerjournal.trends import resolve_window

    return resolve_window(
        date_bound(app, since), date_bound(app, until, until=True), app.today(),
        weeks=DEFAULT_WEEKS,
    )


def _summary(
    app: AppContext, period: tuple[date, date], by: str, note: str, writer: str,
    with_check: bool, no_redact: bool, fmt: str, yes: bool = False, *, journal: bool = True,
) -> tuple[bytes, dict[str, Any], list[str], list[str]]:
    """The written bytes of `period` (its first and last days), the summary they render,
    warnings for the writer, and the word-names replaced opening a sentence in doubt (as
    written, most often first: `Redactor.in_doubt`); `yes`: no preview is shown; `journal`:
    the summary carries the journal's ID (`_with_journal_id`), but for a CSV (no signature
    either)."""
    from peerjournal import __version__
    from peerjournal.cli.report import lexicon_labels
    from peerjournal.cli.stale import stale_note
    from peerjournal.db.people import list_people
    from peerjournal.db.stats import date_range, has_scored_entries, report_rows, summary_drifts
    from peerjournal.db.store import Filters
    from peerjournal.drift import DIMENSIONS
    from peerjournal.exporters import get_format
    from peerjournal.redact import Person, Redactor, one_letter_word_note
    from peerjournal.reflection import answer_layouts
    from peerjournal.summary import (
        SummaryInput,
        build_summary,
        in_doubt_places,
        in_doubt_sentences,
        people_together,
    )
    from peerjournal.trends import previous_window, report_from_stats, stats_from_rows

    start, end = period
    store = app.store()
    labels = lexicon_labels(app, DIMENSIONS)  # the labels alone: compiling the lexicon is slow
    prev_start, prev_end = previous_window(start, end)
    compare = has_scored_entries(store, prev_start, prev_end)
    rows = report_rows(store, prev_start, end, hits_from=prev_start if compare else None)
    stats = stats_from_rows(rows, since=start, until=end, by=by, dimensions=set(DIMENSIONS))
    report = report_from_stats(stats, since=start, until=end, by=by, today=app.today(),
                               labels=labels,
                               people=[p.name for p in list_people(store, redacting=False)])
    entries = store.list(Filters(since=start, until=end, limit=None))
    found = date_range(store)
    data = SummaryInput(
        since=start,
        until=end,
        generated_at=app.now(),
        report=report,
        entries=entries,
        drifts=summary_drifts(store, start, end, full={e.id for e in entries if e.shared}),
        labels=labels,
        note=note,
        writer=writer,
        selfcheck=_selfcheck(app) if with_check else None,
        generator=f"peerjournal {__version__}",
        layouts=answer_layouts(e.prompt_set for e in entries if e.shared),
        lexicon_in_use=_organisation_lexicon(app),
        journal_began=found.first if found else None,
    )
    _refuse_past_damage(store, prev_start, end)
    warnings = [stale] if (stale := stale_note(app, store)) else []
    if not entries:
        warnings.append(_no_entries(found, start, end))
    redactor = None
    if not no_redact:
        people = list_people(store)
        if not people:
            warnings.append(NO_PEOPLE_WARNING)
        # a word of one letter listed before such names were refused ("A"): exports replace it
        warnings += filter(None, (one_letter_word_note(p.name, app.command_hint) for p in people))
        redactor = Redactor([Person(p.name, p.alias) for p in people])
    summary = build_summary(data, redactor)
    if journal and fmt != "csv":
        summary = _with_journal_id(app, summary, warnings)
    if redactor is not None and writer and summary["writer"] != writer.strip():
        warnings.append(_signature_note(writer, summary["writer"], redactor.people))
    # a CSV holds numbers alone: no sentence in it to check
    in_doubt = redactor.in_doubt if redactor is not None and fmt != "csv" else None
    replaced = [word for word, _ in in_doubt.most_common()] if in_doubt else []
    if in_doubt and redactor is not None:
        from collections import Counter

        places = in_doubt_places(data, redactor)
        # each place once (redaction reads an entry's sentence again in its quotes); a word
        # only in a quote of an entry not shared is there once
        counted = Counter({word: max(1, sum(1 for _, w, _ in places if w == word))
                           for word in in_doubt})
        warnings.append(in_doubt_note(counted, previewed=not yes,
                                      sentences=in_doubt_sentences(places)))
    if redactor is not None and fmt != "csv":
        from peerjournal.redact import joined_note

        # words replaced whole for a listed name inside them ("SkyBet"), the name masked
        joined = joined_note(redactor.joined)
        if joined:
            warnings.append(joined)
        together = people_together(data, redactor)
        if together:
            warnings.append(_together_note(together, app.command_hint))
    if fmt == "pdf":
        from peerjournal.exporters.pdf import drawn

        document, missing = drawn(summary)
        return document, summary, warnings + _unshown_in_pdf(missing), replaced
    return get_format(fmt).write(summary), summary, warnings, replaced


def _with_journal_id(
    app: AppContext, summary: dict[str, Any], warnings: list[str]
) -> dict[str, Any]:
    """`summary` with the journal's ID (`Store.journal_id`) as "journal", after the signature
    (added within schema 1: optional; `review` joins one journal's summaries by it). A
    journal that cannot keep one (read-only, damaged) exports none, saying so in `warnings`;
    nor does an export with no journal there yet (it holds no entries: said already). One
    that carries it says what it links (`JOURNAL_ID_LINKS`): signed or not, a summary is
    then the writer's to a mentor."""
    from peerjournal.errors import DatabaseError

    try:
        found = app.store().journal_id()
    except DatabaseError as exc:
        if app.db_path.exists():
            warnings.append(_no_journal_id(app, exc))
        return summary
    warnings.append(JOURNAL_ID_LINKS)
    after = "writer_replaced" if "writer_replaced" in summary else "writer"
    out: dict[str, Any] = {}
    for key, value in summary.items():
        out[key] = value
        if key == after:
            out["journal"] = found
    return out


# Said by each export carrying the journal's ID (`_with_journal_id`), in its preview or with --yes
JOURNAL_ID_LINKS = ("Its Journal ID links this summary to your others in your mentor's "
                    "`peerjournal review`, signed or not (the ID names no one); "
                    "--no-journal-id leaves it out.")


def _no_journal_id(app: AppContext, exc: DatabaseError) -> str:
    """The warning of an export whose journal could not store its ID (`exc`): why, in words
    that do not read as the journal losing anything (the engine's "nothing was saved" is of
    a write that failed: here only the ID's). A damaged journal's is the warning said of it
    once the export is done (`AppContext.answered`), not said here again."""
    from peerjournal.db.engine import write_blocker
    from peerjournal.errors import DamagedJournal

    blocker = write_blocker(app.db_path)  # (a full disk, a read-only folder)
    if isinstance(exc, DamagedJournal):
        why = ", as it is damaged."
    elif blocker:
        why = f", as it cannot be changed: {blocker}. Nothing in the journal was lost or changed."
    else:
        why = f". {exc.message} Nothing in the journal was lost or changed."
    return (f"This summary carries no Journal ID: the journal could not store one{why} Your "
            "mentor's `peerjournal review` joins this summary to your other summaries by your "
            "signature (--from) alone.")


def _refuse_past_damage(store: Store, first: date, last: date) -> None:
    """Refuse, before anything is written, a summary whose period (`first` to `last`, with
    the period before it that the summary compares) holds entries a read past damage left
    out (`Store.left_out`): it would hold fewer entries (none, of a journal none of whose
    entries read) and not say so, and a mentor would read "0 entries" as nothing happened.
    Entries whose dates can be read (`_lost_dates`) and fall outside it change nothing."""
    if not store.left_out:
        return
    dates = _lost_dates(store)
    if dates is not None and not any(first <= day <= last for day in dates):
        return
    from peerjournal.db.health import salvage_advice
    from peerjournal.errors import DamagedJournal

    outside = ""
    if dates:
        days = f"{min(dates)}" if min(dates) == max(dates) else f"{min(dates)} to {max(dates)}"
        outside = (f"They are dated {days}: a period (--since, --until) that holds none of "
                   "those days, nor has them in the period of the same length just before it "
                   "(which a summary compares), can still be exported here. ")
    raise DamagedJournal(
        f"No summary was written: {_what_damage_leaves_out(store)} {outside}To send a summary "
        "of this period, save what can be read (`export --full`) and import that backup into "
        "a new journal (`peerjournal import FILE` with PEERJOURNAL_HOME set to a new folder), "
        f"then export it from there. {salvage_advice(store.hint('export --full'))}"
    )


def _what_damage_leaves_out(store: Store) -> str:
    """What a summary of a journal read past damage would leave out, as the summary's
    writer needs it said: the entries that cannot be read (the summary would be
    incomplete), and those whose tags cannot be read (their text can: the summary would
    show them untagged). Not the store's own note, which says a command "could not tell
    whether they belong in what it shows"."""
    from peerjournal.plural import counted

    said = []
    if store.lost or store.unnamed_lost:
        named = _ids_named(sorted(store.lost))
        if store.unnamed_lost:
            ids_too = f"{'its ID' if store.unnamed_lost == 1 else 'their IDs'} cannot be read"
            named = (f"{named}, and {store.unnamed_lost} more ({ids_too} either)," if named
                     else f"{counted(store.unnamed_lost, 'entry')} ({ids_too})")
        said.append(
            f"it would leave out entries that cannot be read, without saying so. {named} of the "
            f"journal at {store.path} cannot be read (the file is damaged there), so a summary "
            "of this period would be incomplete."
        )
    if store.tags_lost:
        said.append(
            f"{'It' if said else 'it'} would show entries without their tags, without saying "
            f"so: the tags of {_ids_named(sorted(store.tags_lost)).lower()} of the journal at "
            f"{store.path} cannot be read (the file is damaged there), though their text can."
        )
    return " ".join(said)


def _ids_named(ids: list[int]) -> str:
    """"Entry 3", "Entries 3, 4 and 9 more" ("" for none): the first `NAMED_AT_MOST`."""
    from peerjournal.db.store import NAMED_AT_MOST
    from peerjournal.plural import joined

    if not ids:
        return ""
    named = [str(i) for i in ids[:NAMED_AT_MOST]]
    if len(ids) > NAMED_AT_MOST:
        named[-1] = f"{len(ids) - NAMED_AT_MOST + 1} more"
    return f"{'Entry' if len(ids) == 1 else 'Entries'} {joined(named)}"


def _lost_dates(store: Store) -> list[date] | None:
    """The dates of the entries a read past damage left out, or read without their tags,
    from the index of dates, which holds them beside the pages that cannot be read; those in
    the trash are no summary's. None when any cannot be told (its ID unread, the index
    damaged too)."""
    import sqlite3
    from datetime import date

    ids = sorted(store.lost | store.tags_lost)
    if store.unnamed_lost:
        return None
    marks = ", ".join("?" * len(ids))
    try:
        rows = store.conn.execute(
            "SELECT id, deleted_at, date FROM entry INDEXED BY ix_entry_live_date "
            f"WHERE id IN ({marks})", ids,
        ).fetchall()
        found = {row[0]: (row[1], date.fromisoformat(row[2])) for row in rows}
    except (sqlite3.DatabaseError, ValueError, TypeError):
        return None
    if set(found) != set(ids):
        return None
    return [day for deleted, day in found.values() if deleted is None]


# Sentences quoted in the in-doubt note at most (each cut around its word: `in_doubt_places`)
IN_DOUBT_QUOTED = 5


def in_doubt_note(
    in_doubt: Counter[str], previewed: bool = True, sentences: Sequence[tuple[str, str]] = ()
) -> str:
    """What the writer is told of the listed names that are also words, replaced opening a
    sentence that did not say which it is (`Redactor.in_doubt`): replaced all the same, as a
    name let out cannot be taken back, and named so that a word lost is not lost unseen.
    `sentences` (where, the words around one as written: `in_doubt_sentences`) are quoted, as in the
    preview each is only "[person]"; `previewed`: the writer is shown the summary before it
    is written (no --yes). On stderr, the writer's own: the quotes hold the names."""
    from peerjournal.textsafe import clean

    listed = ", ".join(f"{word} ({n})" if n > 1 else word for word, n in in_doubt.most_common())
    where = "in the preview" if previewed else "in the summary"
    check = f"Check those sentences {where}"
    if sentences:
        quoted = [f"{day} \u201c{text}\u201d" for day, text in sentences[:IN_DOUBT_QUOTED]]
        more = len(sentences) - IN_DOUBT_QUOTED
        these = "this sentence" if len(sentences) == 1 else "these sentences"
        check = f"Check {these} (as you wrote {'it' if len(sentences) == 1 else 'them'}): "
        check += "; ".join(quoted) + (f"; and {more} more" if more > 0 else "")
    return (
        f"Replaced opening a sentence (or after my, his, her…, or with, without, from…), where "
        f"it may be the everyday word and not the person: {clean(listed, multiline=False)}. "
        f"{clean(check, multiline=False)}; if one means the word, reword it where you wrote it "
        "(the entry, or the --note text) so it no longer stands where a name could "
        "(\u201cwhat I hope is\u2026\u201d, \u201cthe will he left\u2026\u201d), and export again."
    )


def _together_note(dates: Sequence[str], hint: Callable[[str], str]) -> str:
    """The hint when shared entries (`dates`) replace two or more different people each with
    "[person]" (`summary.people_together`): an alias keeps them apart for the mentor."""
    shown = ", ".join(dates[:IN_DOUBT_QUOTED]) + (" …" if len(dates) > IN_DOUBT_QUOTED else "")
    entries = "a shared entry" if len(dates) == 1 else f"{len(dates):,} shared entries"
    return (
        f"In {entries} ({shown}) different people all show as [person], so your mentor cannot "
        f"tell who did what. To keep them apart, give each an alias "
        f"({hint('people add NAME --alias A.')}), then export again."
    )


def _signature_note(writer: str, signed: str, people: Sequence[Person]) -> str:
    """What the writer is told when redaction changed their --from signature: it holds a
    listed name (they may have listed their own) or an identifier, replaced as any other."""
    from peerjournal.redact import contains_name

    held = ("a name on the people list" if contains_name(writer, people)
            else "what looks like an identifier")
    stop = "" if signed.endswith((".", "!", "?")) else "."  # (not "signed S..")
    return (
        f"Your signature (--from {writer}) holds {held}, so it is replaced there too: the "
        f"summary is signed {signed}{stop}"
    )


def _unshown_in_pdf(missing: Sequence[str]) -> list[str]:
    """A warning when the writer's text holds characters the PDF's font cannot draw (Chinese,
    Arabic, emoji; `missing`, as `pdf.drawn` found them): they would reach the mentor as a
    page of �, said only in a footnote."""
    if not missing:
        return []
    sample = " ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
    some = (f"{len(missing):,} different characters in your text are" if len(missing) > 1
            else "A character in your text is")
    return [
        f"{some} not in the PDF's font ({sample}): the PDF shows "
        f"{'each' if len(missing) > 1 else 'it'} as �. `--format html` or `--format md` "
        f"shows {'them' if len(missing) > 1 else 'it'}."
    ]


def _refuse_unreviewable(summary: dict[str, Any], data: bytes) -> None:
    """Refuse, before any preview, a JSON summary that `peerjournal review` would not open."""
    from peerjournal.cli.review import MAX_BYTES
    from peerjournal.errors import PeerJournalError
    from peerjournal.summary import SummaryError, validate_summary

    megabyte = 1024 * 1024
    if len(data) > MAX_BYTES:
        raise PeerJournalError(
            f"This summary would be {len(data) / megabyte:.1f} MB, and `peerjournal review` "
            f"opens summaries of up to {MAX_BYTES // megabyte} MB; nothing was written. "
            "Export a shorter period (--since, --until) or share fewer entries."
        )
    try:
        validate_summary(summary, "this summary")
    except SummaryError as exc:
        raise PeerJournalError(
            f"`peerjournal review` could not open {exc.message[0].lower()}{exc.message[1:]} "
            "Nothing was written; export a shorter period (--since, --until)."
        ) from None


def _selfcheck(app: AppContext) -> SelfCheck:
    from peerjournal.db.supervision import latest_complete_check
    from peerjournal.errors import PeerJournalError
    from peerjournal.summary import CheckItem, SelfCheck

    found = latest_complete_check(app.store())
    if found is None:
        raise PeerJournalError(
            "There is no complete self-check to include yet: `peerjournal supervision check` "
            "makes one (or leave out --with-check)."
        )
    wording, sections = _check_wording()
    items = []
    for item_id, answer in found.answers.items():
        section, text = wording.get(item_id, ("", ""))
        items.append(CheckItem(
            id=item_id,
            score=answer.score,
            note=answer.note,
            section=sections.get(section, section),
            text=text,
        ))
    order = {item_id: n for n, item_id in enumerate(wording)}
    items.sort(key=lambda i: order.get(i.id, len(order)))
    return SelfCheck(found.created_at, items)


def _check_wording() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """item id -> (section id, wording), section id -> title; empty if the form can't load."""
    from peerjournal.errors import PeerJournalError

    try:
        from peerjournal.supervision import load_form
    except ImportError:
        return {}, {}
    try:
        form = load_form()
    except PeerJournalError:
        return {}, {}
    items = {i.id: (i.section, i.text) for i in form.items}
    return items, {s.id: s.title for s in form.sections}


def _preview_text(summary: dict[str, Any], data: bytes, fmt: str) -> str:
    if fmt == "csv":
        return data.decode("utf-8")
    from peerjournal.exporters.markdown import lines

    return "\n".join(lines(summary))


def _shown_text(summary: dict[str, Any], data: bytes, fmt: str) -> str:
    """What the preview shows: what will be written where it is text to read (the JSON, the
    CSV), else its Markdown ("(html)", "(pdf)": the title says "shown as Markdown"). In the
    JSON a line break or tab inside the writer's text is an escape ("hub.\\nDorota"): a
    line break or a space is shown after it, so the word after it is read and highlighted
    as a word (the file is as written)."""
    if fmt != "json":
        return _preview_text(summary, data, fmt)
    import re

    return re.sub(
        r"(?<!\\)((?:\\\\)*\\([nrt]))",
        lambda m: m.group(1) + ("\n" if m.group(2) == "n" else " "),
        data.decode("utf-8"),
    )


def _words_to_check(
    app: AppContext, summary: dict[str, Any], data: bytes, fmt: str
) -> tuple[list[str], list[str]]:
    """With --yes there is no preview: (the capitalised words it would highlight, warnings
    naming them and the words it could not check: scripts without capitals); none without
    redaction: the writer chose to send names."""
    if not summary["redacted"]:
        return [], []
    from peerjournal.render.summary import (
        check_words_message,
        ranked_words,
        spoken_of,
        unchecked_scripts_message,
        words_to_check,
    )
    from peerjournal.summary import journal_labels

    people = _people(app)
    text = _preview_text(summary, data, fmt)
    writers = _writers_texts(summary)
    words = words_to_check(text, writers, people, journal_labels(summary),
                           signature=summary.get("writer") or "", vocabulary=_tool_words())
    names = [p.name for p in people]
    spoken = spoken_of(words, writers)
    warnings = [check_words_message(words, "in the summary", names, spoken)] if words else []
    unchecked = unchecked_scripts_message(text)
    flagged = [word for word, _ in ranked_words(words, names, spoken)]
    return flagged, warnings + ([unchecked] if unchecked else [])


def _passages_to_read(summary: dict[str, Any], data: bytes, fmt: str) -> list[dict[str, str]]:
    """The passages in scripts without capital letters (Chinese, Arabic, Thai…) that no name
    check could read, as `export --json` gives them beside `words_to_check`: {text, script},
    each once (the preview and --yes name them on stderr); none without redaction."""
    if not summary["redacted"]:
        return []
    from peerjournal.render.summary import caseless_passages

    runs = caseless_passages(_preview_text(summary, data, fmt))
    return [{"text": text, "script": script} for text, script in dict.fromkeys(runs)]


def _people(app: AppContext) -> list[Person]:
    from peerjournal.db.people import list_people
    from peerjournal.redact import Person

    return [Person(p.name, p.alias) for p in list_people(app.store())]


def _writers_texts(summary: dict[str, Any]) -> list[str]:
    """`summary.journal_texts`, but with the tool's own words taken out of the alerts: the
    dimensions' labels ("Co-optation came up more from 1 Nov…") and the capitalised word
    opening each sentence ("Worth a look in the table?"), so they are no names to check. The
    rest of an alert (a setting or a feeling of the writer's) still is."""
    import re

    from peerjournal.summary import journal_texts

    labels = sorted(
        {str(d.get("label") or "") for d in summary.get("dimensions") or []} - {""},
        key=len, reverse=True,
    )
    alerts = {str(a.get("message") or "") for a in summary.get("alerts") or []}
    if not alerts:
        return journal_texts(summary)
    label = re.compile("|".join(map(re.escape, labels)), re.IGNORECASE) if labels else None
    # a word opening one of the alert's sentences: the tool's ("Worth a look in the table?");
    # the writer's words in it (a setting, a feeling) are shown in lower case, inside one
    opening = re.compile(r"(^|[.!?]\s+)([^\W\d_]+)")

    def writers(text: str) -> str:
        text = label.sub("", text) if label else text
        return opening.sub(lambda m: m.group(1) if m.group(2)[0].isupper() else m.group(), text)

    return [writers(text) if text in alerts else text for text in journal_texts(summary)]


def _tool_words() -> frozenset[str]:
    """The tool's own words, never taken for names opening a sentence ("Tender.", "Long
    walk."): the feelings vocabulary, the words of the prompt sets' questions (the writer's
    own sets too) and `redact.ANSWER_WORDS`, as `redact.lower_case_words` gives them."""
    from peerjournal import paths
    from peerjournal.errors import PeerJournalError
    from peerjournal.feelings import load_vocabulary
    from peerjournal.redact import ANSWER_WORDS, lower_case_words
    from peerjournal.reflection import available, load_prompt_set

    texts = [*ANSWER_WORDS]
    texts += [form for f in load_vocabulary().families for form in (*f.words, *f.cued)]
    for name in available(paths.user_prompts_dir()):
        try:
            prompts = load_prompt_set(name, paths.user_prompts_dir())
        except PeerJournalError:  # a set of the writer's that cannot be read: not its words
            continue
        texts += [text for e in prompts.elements
                  for text in (e.heading, *e.guide, *e.guide_in_action,
                               *(q.text for q in e.questions))]
    return lower_case_words(texts)


def _preview_and_confirm(
    app: AppContext, summary: dict[str, Any], data: bytes, fmt: str, target: Path | None,
    warnings: list[str],
) -> list[str]:
    """Show the preview and ask; the words it asked the writer to check (see `preview`)."""
    from peerjournal.render.summary import preview
    from peerjournal.summary import journal_labels

    destination = str(target) if target else "standard output"
    flagged = preview(app.err, _shown_text(summary, data, fmt), _writers_texts(summary),
            f"{destination} ({fmt})", summary["redacted"], _people(app), journal_labels(summary),
            signature=summary.get("writer") or "", vocabulary=_tool_words())
    for warning in warnings:  # after the preview, next to the question, so it is seen
        app.say(warning)
    # AppContext.confirm, not typer.confirm(err=True): click echoes the prompt's last space
    # through input(" "), i.e. onto stdout, the first byte of a summary written there
    if not app.confirm(f"Write this summary to {destination}?"):
        # a "no", or no answer at all (end of input: a script, `< /dev/null`)
        hint = "" if app.stdin_is_terminal() else (
            " Check the preview, then add --yes to write without the question."
        )
        app.say(f"Nothing was written.{hint}")
        raise typer.Exit(1)
    return flagged if summary["redacted"] else []


SENDS_NOTHING = " peerjournal sends nothing: give it to your mentor as you usually share files."


def _to_stdout(data: bytes) -> None:
    """Write `data` on standard output, all of it or an error: a reader that stops early (`|
    head`) takes part of a large write, and Python says nothing of the rest (a backup piped
    on, cut short, once exited 0). Its last part is written `settled`, as
    `launcher.print_whole` writes: a late SIGTERM as it is read ended `export -y` with 130
    in 14 of 30 runs, its output whole."""
    import sys

    from peerjournal.errors import PeerJournalError
    from peerjournal.launcher import LAST_PART, cannot_print, settled, silence_stdout

    view, out = memoryview(data), sys.stdout.buffer
    cut = max(0, len(view) - LAST_PART)
    try:
        for last, part in enumerate((view[:cut], view[cut:])):
            if last:
                settled()
            while part:
                written = out.write(part)
                if not written:
                    raise BrokenPipeError
                part = part[written:]
            out.flush()
    except BrokenPipeError:  # the one rule: the launcher ends it with SIGPIPE, and no message
        raise
    except OSError as exc:  # (`> /dev/full`: said of standard output, not of the journal)
        silence_stdout()
        raise PeerJournalError(cannot_print(exc)) from None


def _deliver(
    app: AppContext, data: bytes, target: Path | None, fmt: str, json_out: bool, force: bool,
    after: str = "", flagged: list[str] | None = None,
    to_read: list[dict[str, str]] | None = None, replaced: Sequence[str] = (),
    after_today: int = 0,
) -> None:
    """Write `data` to `target` (or stdout) and say so, then `after`; with `json_out`, a
    summary's JSON names the `flagged` words the writer was asked to check and the passages
    no check could read (`to_read`), the word-names replaced opening a sentence, maybe
    the everyday word (`replaced`), and how many entries dated after today it leaves out
    (`after_today`). A summary's keys are always there, empty when there is nothing to say,
    so that a script can rely on them; `output` is the file's absolute path."""
    from peerjournal.errors import PeerJournalError

    if target is None:  # (--json has been refused without a file)
        if fmt == "pdf" and _stdout_is_terminal():
            raise PeerJournalError("A PDF is not for a terminal: add --output FILE.")
        _to_stdout(data)
        return
    try:
        if _is_stream(target):
            with _open_stream(target) as stream:
                if fmt == "pdf" and stream.isatty():
                    raise PeerJournalError("A PDF is not for a terminal: add --output FILE.")
                stream.write(data)
        else:
            end = _link_end(target)
            _write_private(end, data, force, _named(target, end))
    except OSError as exc:  # a full disk: the error alone names no file
        raise PeerJournalError(f"Could not write {target}: {exc.strerror or exc}.") from None
    if json_out:
        written: dict[str, Any] = {
            "output": str(target.absolute()), "format": fmt, "bytes": len(data)
        }
        if flagged is not None:  # a summary's (a full backup has none of these)
            written |= {"words_to_check": flagged, "replaced_opening": list(replaced),
                        "passages_to_read": to_read or [], "after_today": after_today}
        app.print_json(written)
    else:
        app.say(f"Wrote {_written(target)} ({len(data):,} bytes).{after}")


def _written(target: Path) -> str:
    """The file written, as "Wrote …" names it: a link's own file, through the link."""
    if _is_stream(target):
        return str(target)
    end = _link_end(target)
    return f"{end} through the link {target}" if end != target.absolute() else str(target)


def _open_stream(target: Path) -> BinaryIO:
    """The stream `target` names: a copy of this process's descriptor when it names one
    (closing it leaves standard output open), else `target` opened for writing."""
    import os
    import sys

    fd = _stream_fd(target)
    if fd is None:
        return target.open("wb")
    sys.stdout.flush()  # what was printed before goes first
    return os.fdopen(os.dup(fd), "wb")


def _write_private(path: Path, data: bytes, force: bool, named: str = "") -> None:
    """Write with mode 600; never replace an existing file without --force.

    Without --force the file is created exclusively (O_EXCL), so a file that appeared since
    the check is not overwritten either; with --force it is replaced atomically. `path` is
    no link (`_link_end`: the file a link leads to); `named` is how the writer named it.
    """
    import os
    import tempfile
    from contextlib import suppress

    from peerjournal.errors import PeerJournalError

    if not force:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise PeerJournalError(
                f"{named or path} already exists; add --force to overwrite it."
            ) from None
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())  # on disk before "Wrote …" is said
        except BaseException:  # a full disk, Ctrl-C: no empty or half "backup" is left
            with suppress(OSError):
                os.unlink(path)  # (made above, exclusively: never a file that was there)
            raise
        return
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # on disk before it replaces the file
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _after_today(
    app: AppContext, window: tuple[date, date], until: str | None, summary: dict[str, Any],
    warnings: list[str],
) -> int:
    """How many entries dated after today a summary of `window` leaves out, its note (and
    an --until read as today) added to `warnings`, as `report` says it."""
    from peerjournal.cli.options import date_bound
    from peerjournal.cli.report import left_out_after_today

    left = left_out_after_today(
        app, app.store(), window[1], date_bound(app, until, until=True)
    )
    # (`_no_entries`' warning, for a period with none, names them itself)
    if said := left.note("a summary", entries_said=not summary["entries"]["total"]):
        warnings.append(said)
    return left.entries


def _no_entries(found: Found | None, start: date, end: date) -> str:
    """The warning for a summary of a period without entries (`found`: when the journal's
    entries are dated, `stats.date_range`), its dates said as every command says them
    (`stats.none_in_window`)."""
    from peerjournal.db.stats import none_in_window

    if found is None:
        return ("The summary has no numbers: your journal has no entries yet (`peerjournal "
                "write` adds one).")
    return (f"{none_in_window(start, end, found)[:-1]}, so the summary has no numbers: choose "
            "another period with --since and --until.")


def _organisation_lexicon(app: AppContext) -> dict[str, str]:
    """An organisation's lexicon's name by its version, for the summary to name it (the
    shipped one is named by `summary` itself). Loaded already by `lexicon_labels`: no cost."""
    if app.lexicon_path() is None:
        return {}
    lexicon = app.lexicon()
    return {lexicon.version: lexicon.name}

