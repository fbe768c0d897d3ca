"""AppContext: what every command needs, built once per invocation and kept in ctx.obj."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from peerjournal import paths
from peerjournal.dates import EARLIEST, HAPPENED, LATEST, parse_past_date

if TYPE_CHECKING:
    import typer
    from rich.console import Console

    from peerjournal.db.store import Store
    from peerjournal.drift import Lexicon
    from peerjournal.errors import PeerJournalError


def system_clock() -> datetime:
    """Now, in the local time zone. PEERJOURNAL_NOW (ISO 8601) fixes it, for tests and demos:
    a moment with a zone (`Z`, `+05:30`) is that moment, seen in the local zone, so "today" is
    its local date, as the real clock's would be then; one without a zone is a local time."""
    value = fixed_now()
    return datetime.now().astimezone() if value is None else _local(value)


def _local(value: datetime) -> datetime:
    """A fixed clock's moment seen in the local zone (`system_clock`); as given (without a
    zone: UTC) in a year the system cannot place."""
    try:
        return value.astimezone()
    except (OverflowError, OSError, ValueError):
        return value if value.tzinfo else value.replace(tzinfo=UTC)


def fixed_now() -> datetime | None:
    """PEERJOURNAL_NOW as read (None: unset or empty); one that is not a date and time, or
    whose local date is outside the dates peerjournal takes (`dates.EARLIEST`, `LATEST`: the
    date arithmetic of "2 weeks ago", a report's weeks, would overflow), is a usage error
    (exit 2), as a mistyped option is."""
    fixed = os.environ.get("PEERJOURNAL_NOW")
    if not fixed:
        return None
    try:
        value = datetime.fromisoformat(fixed)
    except ValueError:
        raise _bad_clock(f"PEERJOURNAL_NOW={fixed!r} is not a date and time such "
                         "as 2026-11-20T18:30:00+00:00") from None
    if not EARLIEST <= _local(value).date() <= LATEST:
        raise _bad_clock(f"PEERJOURNAL_NOW={fixed!r} is out of range: use a date and time from "
                         f"1 Jan {EARLIEST.year} to 31 Dec {LATEST.year}, as for any date")
    return value


def _bad_clock(said: str) -> PeerJournalError:
    """The usage error (exit 2) of a PEERJOURNAL_NOW that cannot be used: `said`, then how
    to use the real clock."""
    from peerjournal.errors import ExitCode, PeerJournalError

    return PeerJournalError(f"{said}; unset it to use the real clock.", ExitCode.USAGE)


# the commands that store the scores of the lexicon they use (`drift --rescore` checks its own)
_STORES_SCORES = {("write",), ("edit",), ("import",)}

# the commands that may start a journal (any other finds none: at a path named with --db or
# PEERJOURNAL_DB an error, else an empty journal that makes no file)
_STARTERS = {("write",), ("import",), ("people", "add"), ("supervision", "check"),
             ("supervision", "done")}


@dataclass
class AppContext:
    db_option: str | None = None
    lexicon_option: str | None = None
    clock: Callable[[], datetime] = system_clock
    command: tuple[str, ...] = ()  # the running command's words: ("people", "add")
    db_from_env: bool = False  # db_option is PEERJOURNAL_DB's (`from_ctx`), not a --db typed
    _store: Store | None = field(default=None, repr=False)
    # what the command is still to say of the journal it opened (`answered`, `failed`)
    _no_journal: Path | None = field(default=None, repr=False)  # none there: an empty one
    _damaged: Path | None = field(default=None, repr=False)  # found damaged (db/health.py)

    @classmethod
    def from_ctx(cls, ctx: typer.Context) -> AppContext:
        root = ctx.find_root()
        if not isinstance(root.obj, AppContext):
            root.obj = AppContext()
        names: list[str] = []
        level: Any = ctx
        while level.parent is not None:  # the command's name, after the program's
            names.insert(0, level.info_name or "")
            level = level.parent
        root.obj.command = tuple(names)
        if root.obj.clock is system_clock:  # a mistyped clock said by every command, not
            fixed_now()  # only those that read the time (`list` ran on the real one)
        # (--db read from PEERJOURNAL_DB: refused when relative, as a --db typed is not)
        source = root.get_parameter_source("db")
        root.obj.db_from_env = source is not None and source.name == "ENVIRONMENT"
        root.obj.refuse_empty_lexicon()  # by every command, not only those that score
        return root.obj

    # -- time ------------------------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.now().date()

    def parse_past_date(self, text: str, why: str = HAPPENED) -> date:
        return parse_past_date(text, self.today(), why)

    # -- storage ---------------------------------------------------------------------------

    @property
    def db_path(self) -> Path:
        return paths.db_path(self.db_option, from_env=self.db_from_env)

    def command_hint(self, command: str) -> str:
        """"`peerjournal COMMAND`" with this command's --db: drafts and unsaved edits are kept
        per journal, and without it the command would find the default journal's."""
        return f"`{self.command_text(command)}`"

    def command_text(self, command: str) -> str:
        """`command_hint` without its backquotes ("peerjournal --db X drift 12")."""
        import shlex

        db = f" --db {shlex.quote(self.db_option)}" if self.db_option else ""
        if self.db_from_env and self.db_option and not os.path.isabs(
            os.path.expanduser(self.db_option)
        ):  # (refused: `paths.not_relative` says to set it in full first)
            db = ""
        return f"peerjournal{db} {command}"

    def resume_hint(self, more: str = "") -> str:
        """The command that continues a draft (`more`: options after --resume)."""
        return self.command_hint(f"write --resume{more}")

    def store(self) -> Store:
        if self._store is None:
            from peerjournal.db.engine import journal_notices
            from peerjournal.db.store import Store

            path = self.db_path
            named = self.db_option is not None  # --db, or PEERJOURNAL_DB through it
            if self.command not in _STARTERS and not path.exists():
                from peerjournal.errors import NotFoundError

                # (an unmounted drive is not an empty journal: "No entries yet")
                if gone := paths.folder_link_gone(path):
                    raise NotFoundError(
                        f"{gone} (a drive not mounted, or a folder moved?), so there is no "
                        "journal to read."
                    )
            if named and not path.exists() and self.command not in _STARTERS:
                # a mistyped --db would otherwise be a new, empty journal: "No entries yet"
                if path.is_symlink():  # (`write` makes none through it either)
                    raise NotFoundError("{}: {}.".format(*self._no_journal_yet(path)))
                raise NotFoundError(
                    f"There is no journal at {path}: check the path given by --db or "
                    "PEERJOURNAL_DB (`peerjournal write` starts a new journal there)."
                )
            starts = self.command in _STARTERS
            with journal_notices(self.say, self.command_hint):
                self._store = Store(path, create=starts)
            if not starts and not path.exists():  # an empty journal in memory: no file made
                self._no_journal = path
            if getattr(self._store.conn, "damage", None):
                self._damaged = path
        return self._store

    def refuse_no_journal(self, missing: str) -> None:
        """For a command that has nothing to do without a journal (`export --full` with no
        drafts either), once it has opened the store: where there is none, NotFoundError
        "No journal at PATH: `missing`"."""
        from peerjournal.errors import NotFoundError

        if self._no_journal is not None:
            self._no_journal = None  # (said by this error)
            raise NotFoundError(f"No journal at {self.db_path}: {missing}.")

    def refuse_if_damaged(self) -> None:
        """Refuse at once a write that would take the writer's time before it saves (a
        guided `write`): the journal there is opened (checked only if its file changed,
        db/health.py), and a damaged one refused with the error its save would meet. No
        journal is started by this."""
        from peerjournal.errors import DamagedJournal

        if self._store is None and not self.db_path.exists():
            return
        damage = getattr(self.store().conn, "damage", None)
        if damage:
            raise DamagedJournal(damage)

    def refuse_if_read_only(self, what_is_kept: str) -> None:
        """Refuse at once a write that would take the writer's time before it saves (a guided
        `write`, the editor): a journal file or folder that cannot be written (a read-only
        disk, `chattr +i`, no permission) is found by SQLite only when the change is made.
        `what_is_kept` ends the message ("entry 3 is unchanged, and the editor was not
        opened"). Where there is no journal yet, the folder it would be started in is
        checked. Nothing is locked meanwhile."""
        from peerjournal.db.engine import READ_ONLY
        from peerjournal.errors import DatabaseError

        journal = self.db_path.resolve()  # (SQLite writes beside the file a link leads to)
        folder = next((p for p in journal.parents if p.exists()), journal.parent)
        for path, what in ((journal, "the file"), (folder, "its folder")):
            if path.exists() and not os.access(path, os.W_OK):
                raise DatabaseError(
                    f"The journal at {self.db_path} cannot be changed: {what} {READ_ONLY}; "
                    f"{what_is_kept}."
                )

    def answered(self) -> None:
        """Said once a command has answered: that the journal is damaged, or that there is
        none (an error says only itself, in one line: `failed`). A command that left out
        entries it could not read (a damaged page: `Store.past_damage`) ends with the error
        that names them (exit 4, as `export --full` of a damaged journal does: no script
        takes what it showed for the whole journal)."""
        if self._store is not None and self._store.left_out:
            from peerjournal.errors import DamagedJournal

            raise DamagedJournal(self._store.left_out_note())
        self._warn_of_damage()
        if self._no_journal is not None:
            self.say("{}: {}.".format(*self._no_journal_yet(self._no_journal)))
            self._no_journal = None

    def failed(self, exc: PeerJournalError) -> PeerJournalError:
        """The error a command ended with, as it is to be said: "No entry 1: there is no
        journal yet at PATH" where there is none, rather than "No entry 1 in the journal";
        after the warning of a damaged journal, unless it is the refusal to write into it
        (one message, not two)."""
        from peerjournal.errors import DamagedJournal, NoEntryError

        if isinstance(exc, DamagedJournal):
            self._damaged = None
        self._warn_of_damage()
        if self._no_journal is not None and isinstance(exc, NoEntryError):
            none, why = self._no_journal_yet(self._no_journal)
            said = f"No entry {exc.entries}: {none[:1].lower()}{none[1:]} ({why})."
            return NoEntryError(exc.entries, said)
        return exc

    def _warn_of_damage(self) -> None:
        if self._damaged is not None:
            from peerjournal.db.health import damaged_warning

            self.say(damaged_warning(self._damaged))
            self._damaged = None

    def _no_journal_yet(self, path: Path) -> tuple[str, str]:
        """"No journal yet at PATH", and what to do (a drive not mounted or a synced folder
        gone leaves a link to a journal not there: not one for `write` to start anew)."""
        if path.is_symlink():
            target = os.readlink(path)
            return f"No journal at {path}", f"it is a link to {target}, which is not there"
        return f"No journal yet at {path}", f"{self.command_hint('write')} starts one"

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    # -- configuration ---------------------------------------------------------------------

    @cached_property
    def config(self) -> dict[str, Any]:
        """The settings (`config.load_config`). Any error reading them is a PeerJournalError,
        one a parser let through too: `write` keeps the entry as a draft only for those."""
        from peerjournal.config import load_config
        from peerjournal.errors import PeerJournalError

        path = paths.config_path()
        try:
            return load_config(path, self.say)
        except (ValueError, RecursionError, MemoryError) as exc:
            raise PeerJournalError(
                f"{path}: cannot read settings ({type(exc).__name__})."
            ) from None

    def lexicon_path(self) -> Path | None:
        """The organisation's lexicon (--lexicon, else the setting); None for the shipped one."""
        if self.lexicon_option is not None:
            self.refuse_empty_lexicon()  # (`drift --lexicon` sets it after `from_ctx`)
            return paths.expand_user(self.lexicon_option, "--lexicon")
        return self.configured_lexicon_path()

    def refuse_empty_lexicon(self) -> None:
        """`--lexicon "$UNSET"` (or `--lexicon=`) is a usage error (exit 2) for every command,
        not the shipped lexicon: `list` ignoring it while `where` refused it hid the slip."""
        if self.lexicon_option is not None and not self.lexicon_option.strip():
            from peerjournal.errors import ExitCode, PeerJournalError

            message = "--lexicon is empty: give the lexicon file's path."
            raise PeerJournalError(message, ExitCode.USAGE)

    def configured_lexicon_path(self) -> Path | None:
        """The lexicon set in config.toml, whatever --lexicon says; None for the shipped one.

        A setting naming a file that is not there says so: the writer may never have typed
        that path (an organisation set it up), and needs to know where it comes from."""
        chosen = self.config.get("drift", {}).get("lexicon")
        if not chosen:
            return None
        path = Path(chosen)
        if not path.is_file():
            from peerjournal.drift.lexicon import LexiconError, lexicon_version

            try:
                lexicon_version(path)  # the lexicon's own reason it cannot be read
            except LexiconError as exc:
                raise self._set_in_config(exc) from None
        return path

    def refuse_unusable_lexicon(self) -> None:
        """Refuse, before the writer types a word (`write`'s questions or editor, `edit`'s
        editor), an organisation's lexicon (--lexicon, config.toml) that cannot be read: found
        only when the entry is scored, it cost the whole entry. The shipped one always loads."""
        if self.lexicon_path() is not None:
            self.lexicon()  # (its load at save then reads the copy parsed now from the cache)

    def lexicon(self) -> Lexicon:
        """The lexicon to score with. For a command that stores scores (`_STORES_SCORES`), a
        --lexicon other than the journal's is refused (`refuse_a_trial_lexicon`), once it has
        loaded (a broken file says its own error first): found here, it is found before the
        first question or the editor (`refuse_unusable_lexicon`), and before `write -x` saves
        (which keeps the text as a draft, as for any error there)."""
        from peerjournal.drift import load_lexicon
        from peerjournal.drift.lexicon import LexiconError

        path = self.lexicon_path()
        try:
            loaded = load_lexicon(path, paths.cache_dir(), announce=self.say)
        except LexiconError as exc:
            if path is None or self.lexicon_option is not None:
                raise
            raise self._set_in_config(exc) from None
        if self.command in _STORES_SCORES:
            self.refuse_a_trial_lexicon(" ".join(self.command))
        return loaded

    def is_the_journals_lexicon(self) -> bool:
        """Whether the lexicon in use scores as the one set in config.toml (or the shipped one)
        does: `write`, `report` and a plain `--rescore` use that one, whatever --lexicon said."""
        if self.lexicon_option is None:
            return True
        from peerjournal.drift.lexicon import LexiconError, lexicon_version

        given = lexicon_version(self.lexicon_path())
        try:
            return given == lexicon_version(self.configured_lexicon_path())
        except LexiconError:  # the configured one cannot be read: it is not this one
            return False

    def refuse_a_trial_lexicon(self, command: str) -> None:
        """The one rule for every `command` that stores scores (`write`, `edit`, `import`,
        `drift --rescore`): a --lexicon other than the journal's is refused (exit 2). Its
        scores, stored, would be mixed with those of the journal's lexicon, which the next
        `write` uses again; `drift ID` and `drift --text` try a lexicon without storing."""
        given = self.lexicon_path()
        if given is None or self.is_the_journals_lexicon():
            return
        from peerjournal.errors import ExitCode, PeerJournalError

        configured = self.configured_lexicon_path()
        own = f"{configured}, set in {paths.config_path()}" if configured else "the shipped one"
        raise PeerJournalError(
            f"{command} --lexicon: {given} is not the journal's lexicon ({own}); scores from a "
            "lexicon you are only trying are never stored (`drift ID --lexicon PATH` and "
            "`drift --text` try it), and `write`, `report` and `drift --rescore` score with "
            f"the journal's. To make it the journal's lexicon, "
            f"{how_to_configure(given, self.command_hint('drift --rescore'))}.",
            ExitCode.USAGE,
        )

    def lexicon_problem(self) -> str | None:
        """Why the lexicon in use (--lexicon or the setting) cannot be used, or None: for
        `where`, which answers anyway. The shipped lexicon is not checked: it always loads."""
        from peerjournal.errors import PeerJournalError

        try:
            if self.lexicon_path() is not None:
                self.lexicon()
        except PeerJournalError as exc:
            return exc.message
        return None

    @staticmethod
    def _set_in_config(exc: PeerJournalError) -> PeerJournalError:
        """A configured lexicon's error, saying where it is set and how to do without it: the
        writer may never have heard of the file (an organisation set it up)."""
        from peerjournal.drift.lexicon import LexiconError

        said = exc.message if exc.message.endswith(".") else f"{exc.message}."
        return LexiconError(
            f"{said} It is the drift lexicon set in {paths.config_path()}: fix it, or remove "
            "the `lexicon = …` line there to use the shipped lexicon."
        )

    # -- output ----------------------------------------------------------------------------

    @cached_property
    def out(self) -> Console:
        from peerjournal.render.console import make_console

        return make_console(stderr=False)

    @cached_property
    def err(self) -> Console:
        from peerjournal.render.console import make_console

        console = make_console(stderr=True)
        console.file = cast("IO[str]", _MessagesOnly(console.file))
        return console

    def say(self, message: str) -> None:
        """A message for the person (stderr), never data; control characters in it (a name, a
        path, a query) are shown as escapes, never sent to the terminal; on a terminal it is
        wrapped between words (`on_screen`)."""
        from peerjournal.textsafe import clean, on_screen

        self.err.print(on_screen(clean(message), self.err.is_terminal), soft_wrap=True)

    def print_json(self, data: Any) -> None:
        """JSON on stdout: as UTF-8 text, or with \\u escapes where stdout's encoding is not
        UTF-8 (a Latin-1 locale), so every character arrives exactly."""
        import json

        from peerjournal.launcher import writes_unicode

        ascii_only = not writes_unicode(sys.stdout)
        sys.stdout.write(json.dumps(data, ensure_ascii=ascii_only, indent=2) + "\n")

    def print_done(self, done: str, show: Callable[[], None]) -> None:
        """`show()` prints the result of a change already made (`done`: "Entry 3 is saved",
        "Moved entry 2 to the trash"); when stdout takes nothing (a full disk, closed, a
        reader gone), stderr says it is done and the command still succeeds, or a script
        trusting the exit code makes the change again. Stdout is then pointed at the null
        device, so that the flush at exit cannot fail again."""
        from peerjournal.launcher import CLOSED, silence_stdout

        try:
            show()
            sys.stdout.flush()
        except OSError as exc:
            silence_stdout()
            why = "standard output is closed" if exc.strerror == CLOSED else exc.strerror or exc
            self.say(f"{done}, but it could not be printed ({why}).")

    def print_json_done(self, done: str, data: Any) -> None:
        """`print_json(data)` for a change already made (`print_done`)."""
        self.print_done(done, lambda: self.print_json(data))

    def confirm(self, question: str) -> bool:
        """Ask a yes/no question on stderr. Yes is a clear yes as the guided write reads one,
        with only a few words after it (`confirm_reply`: "y", "Yes!", "yes please"); a try at
        one ("ues", "hmm", "ok", "yes, keep it") is asked again; anything else (Enter, "no
        thanks", "cancel", other words) is no, as is end of input (a closed or empty stdin).
        Ctrl-C propagates as an interrupt."""
        from peerjournal.replies import ask_yes_no

        return ask_yes_no(lambda: self.answer_line(question), self.say) is True

    def without_terminal(self, verb: str) -> str:
        """After a confirmation's no, how to go ahead where there is no terminal to answer on
        (a script, `< /dev/null`): " Add --yes to VERB without the question."; '' on one."""
        return "" if self.stdin_is_terminal() else f" Add --yes to {verb} without the question."

    def answer_line(self, question: str) -> str | None:
        """The line typed at `question` ([y/N], on stderr), or None at end of input. The
        question's line is always ended before anything else is said ("Nothing was written.",
        "Interrupted."): by the terminal echoing the answer, else here (an answer piped in is
        not echoed). Control characters in the question (a file name) are shown as escapes,
        as in `say`."""
        from peerjournal.textsafe import clean

        self._warn_of_damage()  # (before the answer is asked for: what was shown may lack some)
        self.err.print(f"{clean(question, multiline=False)} [y/N] ", end="", soft_wrap=True)
        self.err.file.flush()
        echoed = self.stdin_is_terminal()
        try:
            answer = input()
        except EOFError:
            self.err.print()
            return None
        except KeyboardInterrupt:
            self.err.print()
            raise
        except UnicodeDecodeError:
            answer = ""
        if not echoed:
            self.err.print()
        return answer

    def stdin_is_terminal(self) -> bool:
        return sys.stdin.isatty()


class _MessagesOnly:
    """Stderr as messages use it: one that cannot be written (its reader gone, as in
    `id=$(peerjournal write -x … 2>&1 | head -n1)`; a closed terminal; `2>/dev/full`) loses the
    message instead of failing the command, so that a change already made still exits 0 and
    a script does not make it twice (`_fail` says its error the same way). Text that must
    arrive, an entry printed because it could not be kept, is not written through here
    (`drafts.text_printed` checks each write)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except UnicodeError:  # (Rich says which character: not a stream gone)
            raise
        except (OSError, ValueError):  # (ValueError: a closed stream)
            return len(text)

    def flush(self) -> None:
        with suppress(OSError, ValueError):
            self.stream.flush()

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding: the stream's own
        return getattr(self.stream, name)


def how_to_configure(path: Path, rescore: str = "`peerjournal drift --rescore`") -> str:
    """'set lexicon = "…" under [drift] in …/config.toml, then run …': the README's way to
    make the lexicon file at `path` the journal's own (`rescore`: the command to run then,
    with the --db given: `AppContext.command_hint`)."""
    import json

    chosen = json.dumps(str(path.absolute()), ensure_ascii=False)  # a TOML string too
    return f"set lexicon = {chosen} under [drift] in {paths.config_path()}, then run {rescore}"
