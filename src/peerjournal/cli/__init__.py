"""The root command: global options, command registration and the single exit point."""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from contextlib import suppress
from typing import Any, NoReturn

import typer
from typer._click.core import Context
from typer._click.exceptions import (  # (typer <0.29 vendors click)
    BadParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer._click.formatting import HelpFormatter, term_len, wrap_text
from typer.core import TyperGroup

from peerjournal import version_line
from peerjournal.context import AppContext
from peerjournal.errors import ExitCode, PeerJournalError
from peerjournal.render.widths import HELP_MAX, help_width

# Each module defines register(app) and imports only typer (and light modules) at the top.
# Command name -> the module that registers it: a run imports only the module it needs.
COMMANDS = {
    "write": "write",
    "drafts": "write",
    "list": "browse",
    "show": "browse",
    "search": "browse",
    "tags": "browse",
    "edit": "edit",
    "delete": "trash",
    "restore": "trash",
    "trash": "trash",
    "import": "importer",
    "where": "where",
    "drift": "drift",
    "report": "report",
    "demo": "report",
    "share": "share",
    "unshare": "share",
    "export": "export",
    "review": "review",
    "prompts": "prompts",
    "supervision": "supervision",
    "people": "people",
}
COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))
# Words a writer may reach for that name no command, and what does it: a command line, answered
# "Did you mean 'restore'?", or (starting with a capital) a sentence of its own. One table:
# tests check that each command line's command exists and no word here is a command itself.
SETTINGS_HINT = "Settings are kept in config.toml: 'peerjournal where' names the file"
LIKELY_MEANT = {
    "undo": "restore", "undelete": "restore",
    "rm": "delete", "remove": "delete", "del": "delete",
    "new": "write", "add": "write", "create": "write",
    "resume": "write --resume", "continue": "write --resume",
    "ls": "list", "entries": "list",
    "view": "show", "read": "show", "cat": "show",
    "find": "search", "grep": "search",
    "update": "edit", "change": "edit", "modify": "edit",
    "stats": "report", "trends": "report",
    "summary": "export", "backup": "export --full",
    "person": "people", "names": "people",
    "path": "where", "paths": "where", "location": "where",
    "settings": SETTINGS_HINT, "config": SETTINGS_HINT, "configure": SETTINGS_HINT,
    "preferences": SETTINGS_HINT, "prefs": SETTINGS_HINT,
    "help": "--help", "version": "--version",
}
GLOBAL_OPTIONS_WITH_VALUES = ("--db", "--lexicon")


class PeerJournalGroup(TyperGroup):
    """Catches every error once: a one-line message on stderr, a documented exit code.

    Keeps the help text it prints for the launcher to answer the next `--help` with.
    """

    def make_context(self, info_name: str | None, args: list[str], *rest: Any,
                     **kwargs: Any) -> Any:
        typed = list(args)  # (click parses them away)
        try:
            return super().make_context(info_name, args, *rest, **kwargs)
        except UsageError as exc:  # the root's own options (`--db` without a path)
            _usage_failed(self._a_commands_option(exc, typed) or exc)

    def _a_commands_option(self, exc: UsageError, args: list[str]) -> UsageError | None:
        """`peerjournal --json list`: an option of the command typed before it, which the
        root does not know ("Did you mean --version?"), is told where it goes; None for any
        other error."""
        if not isinstance(exc, NoSuchOption) or exc.ctx is None:
            return None
        command: Any = self
        named: list[str] = []
        for word in args:  # the command and its subcommand (`people list`), past any value
            if not isinstance(command, TyperGroup):
                break
            if not word.startswith("-") and (found := command.get_command(exc.ctx, word)):
                command = found
                named.append(word)
        option = next((p for p in command.params if exc.option_name in p.opts), None)
        if command is self or option is None:
            return None
        value = "" if getattr(option, "is_flag", False) else " …"
        return UsageError(
            f"{exc.option_name} goes after the command, as in "
            f"`peerjournal {' '.join(named)} {exc.option_name}{value}`", exc.ctx)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Keeps the command line after the global options, as typed, for a usage error to
        read (`options.one_dash_usage`: `list -json` is "No such option: -j" to click)."""
        from peerjournal.cli.options import TYPED_ARGS, option_names, option_without_value

        params = self.get_params(ctx)
        if ctx.parent is None and (meant := option_without_value(  # `--db -h write`
                params, _before_command(option_names(params), args))):
            raise UsageError(meant, ctx)
        rest = super().parse_args(ctx, args)
        ctx.meta[TYPED_ARGS] = [*ctx._protected_args, *ctx.args]
        return rest

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """An unknown command is suggested the one it most likely means: a near spelling
        (Typer's "Did you mean 'list'?"), or a word another tool uses (`LIKELY_MEANT`)."""
        args = _in_lower_case(self, ctx, args)  # `Write`, capitalised by a phone keyboard
        try:
            name, command, rest = super().resolve_command(ctx, args)
        except UsageError as exc:
            meant = _likely_meant(args)
            if meant:
                unknown = exc.message.split(". Did you mean")[0].rstrip(".")
                exc.message = f"{unknown}. {meant}"
            raise
        if isinstance(command, TyperGroup):  # `people List`: its group's click resolves it
            rest = _in_lower_case(command, ctx, rest)
        return name, command, _checked_values(ctx, name, command, rest)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """Each command's short help whole, wrapped as the help is: Click cuts it to what
        fits on one line beside the name ("List entries,..."), on a narrow terminal most."""
        rows = [(name, command.get_short_help_str(limit=HELP_MAX))
                for name in self.list_commands(ctx)
                if (command := self.get_command(ctx, name)) is not None and not command.hidden]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def get_help(self, ctx: Any) -> str:
        from peerjournal import help_cache

        text = super().get_help(ctx)
        help_cache.save(text + "\n", typer.__file__)  # as printed: echo adds the newline
        return text

    def invoke(self, ctx: Any) -> Any:  # click's Context, which Typer vendors privately
        from peerjournal.launcher import returned

        try:
            _refuse_one_dash_option(ctx)
            found = super().invoke(ctx)
            returned()  # (a late Ctrl-C or SIGTERM from here on: the command's own code)
            if isinstance(ctx.obj, AppContext):
                ctx.obj.answered()
            return found
        except PeerJournalError as exc:
            if isinstance(ctx.obj, AppContext):
                exc = ctx.obj.failed(exc)
            _fail(exc.message, exc.exit_code)
        except (KeyboardInterrupt, typer.Abort):
            _fail("Interrupted.", ExitCode.INTERRUPTED)
        except UsageError as exc:  # a command's arguments and options
            _usage_failed(exc)
        except (typer.TyperException, typer.Exit):
            raise
        except BrokenPipeError:  # the reader stopped reading (`| head`): click exits quietly
            raise
        except OSError as exc:
            kept_out = folder_kept_out(exc)
            if kept_out is not None:
                _fail(kept_out.message, kept_out.exit_code)
            if exc.filename is None and _from_stdout(exc):  # (`list > /dev/full`, a full disk)
                from peerjournal.launcher import cannot_print, silence_stdout

                silence_stdout()  # (what it still holds would fail again at exit)
                _fail(cannot_print(exc), ExitCode.USER_ERROR)
            # File errors name a path and a reason, never journal text.
            _fail(
                f"{exc.strerror or exc.__class__.__name__}: {exc.filename or ''}".rstrip(": "),
                ExitCode.USER_ERROR,
            )
        except Exception as exc:
            from peerjournal.launcher import is_interrupt

            if is_interrupt(exc):  # a Ctrl-C Python wrapped ("Error calling __set_name__")
                _fail("Interrupted.", ExitCode.INTERRUPTED)
            if os.environ.get("PEERJOURNAL_DEBUG"):  # the traceback, and still exit 70
                import traceback

                traceback.print_exc()
            _fail(
                f"Unexpected error ({type(exc).__name__}). Run with PEERJOURNAL_DEBUG=1 to see "
                "the traceback (it may contain journal text).",
                ExitCode.INTERNAL,
            )
        finally:
            if isinstance(ctx.obj, AppContext):
                ctx.obj.close()


def _from_stdout(exc: OSError) -> bool:
    """Whether `exc` (naming no file) came from printing to standard output: a stream being
    written at the time (a `file`, or the `file` of the Rich console writing) is on
    descriptor 1, or the line that failed writes to `sys.stdout` itself (`print_json`)."""
    import linecache

    tb = exc.__traceback__
    while tb is not None:
        scope = tb.tb_frame.f_locals
        for stream in (scope.get("file"), getattr(scope.get("self"), "file", None)):
            with contextlib.suppress(AttributeError, OSError, ValueError, TypeError):
                if stream is not None and stream.fileno() == 1:
                    return True
        if tb.tb_next is None:  # the innermost frame: the line that wrote
            code = tb.tb_frame.f_code
            return "sys.stdout." in linecache.getline(code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return False


def folder_kept_out(exc: OSError) -> PeerJournalError | None:
    """A permission error on a path in the data folder (or the journal's folder), as exit 4
    with what to do: a folder made by `sudo peerjournal write` is root's and cannot be
    entered. None for other errors, and for files elsewhere (an import file, say)."""
    import errno
    from pathlib import Path

    from peerjournal import paths
    from peerjournal.db.engine import other_owner

    if exc.errno not in (errno.EACCES, errno.EPERM) or not exc.filename:
        return None
    target = Path(os.fsdecode(exc.filename)).absolute()
    try:
        homes = {paths.data_dir(), paths.db_path().parent}
    except (PeerJournalError, OSError):
        return None
    if not any(target == home or home in target.parents for home in homes):
        return None
    # the outermost folder on the way that cannot be entered, else the one that cannot be read
    shut = next((p for p in reversed(target.parents) if not os.access(p, os.X_OK)), None)
    folder = shut or (target if target.is_dir() else target.parent)
    owner = other_owner(folder)
    whose = f"it belongs to {owner}, not to you (made with sudo?)" if owner else (
        "its permissions keep you out")
    verb = "entered" if shut is not None else "read"
    return PeerJournalError(
        f"The folder {folder} cannot be {verb}: {whose}. Nothing in it was read or changed. "
        f"Make it yours again (`sudo chown -R $USER {folder}`), or set PEERJOURNAL_HOME to a "
        "folder of your own.",
        ExitCode.DATABASE,
    )


def _refuse_one_dash_option(ctx: Any) -> None:
    """A long option typed with one dash that click takes as a short option with its value
    attached, and runs with (`list -tag`: -t "ag", "No entries match"), is refused as one
    it cannot read is (`options.one_dash_usage`: "did you mean --tag?"): checked here, before
    any command runs, against the options of the command the line names (a subcommand's
    too: `people list -json`)."""
    from peerjournal.cli.options import TYPED_ARGS, one_dash_usage

    args = list(ctx.meta.get(TYPED_ARGS, []))
    command, at = ctx.command, ctx
    while isinstance(command, TyperGroup) and args and not args[0].startswith("-"):
        args = _in_lower_case(command, at, args)
        found = command.get_command(at, args[0])
        if found is None:  # (an unknown command: `resolve_command` says so)
            return
        at = found.context_class(found, info_name=args.pop(0), parent=at)
        command = found
    if getattr(command, "checks_one_dash", False):  # (`search`: its own words, see there)
        return
    if at is not ctx and (meant := one_dash_usage(at)):
        raise UsageError(meant, at)


def _in_lower_case(group: TyperGroup, ctx: Any, args: list[str]) -> list[str]:
    """`args` with the command they begin with in lower case when it is one of `group`'s
    typed in another case (`Write`, `people List`); as they are otherwise."""
    if args and not args[0].islower() and group.get_command(ctx, args[0].lower()):
        return [args[0].lower(), *args[1:]]
    return args


def _likely_meant(args: list[str]) -> str | None:
    """What `LIKELY_MEANT` answers to the unknown command `args` begins with: `help write` is
    meant as `write --help`."""
    meant = LIKELY_MEANT.get(args[0].lower()) if args else None
    if meant is None:
        return None
    if meant[0].isupper():
        return f"{meant}."
    if meant == "--help" and len(args) > 1 and args[1] in COMMANDS:
        meant = f"{args[1]} --help"
    if "--" in meant.split()[0] or meant.endswith("--help"):  # an option alone: said in full
        meant = f"peerjournal {meant}"
    return f"Did you mean '{meant}'?"


def _usage_failed(exc: UsageError) -> NoReturn:
    """Click's usage error block (usage line, hint, blank line, error) as the one line every
    other error is, naming the help to read. A command called bare still shows its help."""
    if isinstance(exc, NoArgsIsHelpError):
        raise exc
    if exc.ctx is not None and (
        isinstance(exc, NoSuchOption | BadParameter)
        or exc.message.startswith("Got unexpected extra argument")
    ):
        from peerjournal.cli.options import one_dash_usage

        # `list -json`, not "No such option: -j"; `list --since 4 weeks ago`: quotes left out
        if meant := one_dash_usage(exc.ctx) or _unquoted(exc):
            exc = UsageError(meant, exc.ctx)
    if isinstance(exc, NoSuchOption):
        exc = _negative_number(exc) or exc
    _suggest_in_lower_case(exc)
    if isinstance(exc, NoSuchOption) and exc.possibilities:  # a typo: name what was meant
        from peerjournal.plural import joined

        either = joined(sorted(exc.possibilities), "or")
        message = f"{exc.message.rstrip('.')}. Did you mean {either}?"
    else:  # ("No such command 'lsit'. Did you mean 'list'?" ends with its own question mark)
        message = exc.format_message()
    if (
        isinstance(exc, NoSuchOption)
        and exc.option_name in GLOBAL_OPTIONS_WITH_VALUES
        and exc.ctx is not None
        and exc.ctx.parent is not None  # (after a command: the root's own are known there)
    ):
        command = exc.ctx.command_path.split(" ", 1)[-1]  # ("supervision prep")
        message = (f"{exc.option_name} goes before the command, as in "
                   f"`peerjournal {exc.option_name} PATH {command} …`")
    if not message.endswith("?"):
        message = message.rstrip(".") + "."
    if exc.ctx is not None and "--help" not in message:  # (`help`: "Did you mean '--help'?")
        message += f" See '{exc.ctx.command_path} --help'."
    from peerjournal.textsafe import as_typed_in  # (click quotes a value typed with repr)

    _fail(as_typed_in(message), ExitCode.USAGE)


def _suggest_in_lower_case(exc: UsageError) -> None:
    """"No such command 'WIRTE'" (or `people Lsit`) with the near spelling Typer suggests
    for a typo in lower case ("Did you mean 'write'?"): its match is case-sensitive."""
    import ast
    import re
    from difflib import get_close_matches

    found = re.fullmatch(r"No such command ('.*'|\".*\")\.", exc.message)
    if found is None or exc.ctx is None or not isinstance(group := exc.ctx.command, TyperGroup):
        return
    typo = ast.literal_eval(found[1])
    if near := get_close_matches(typo.lower(), group.list_commands(exc.ctx)):
        exc.message = f"{exc.message} Did you mean {', '.join(map(repr, near))}?"


def _before_command(names: dict[str, bool], args: list[str]) -> list[str]:
    """The words of `args` before the command's name: the root's options, and their values
    (`names`: whether each takes one), up to any `--`."""
    at = 0
    while at < len(args) and args[at].startswith("-") and args[at] != "--":
        at += 2 if names.get(args[at]) else 1
    return args[:at + 1]  # (with the word after the last: an option's value, or --)


def _checked_values(ctx: Any, name: str | None, command: Any, rest: list[str]) -> list[str]:
    """`write -x --share`, `export -o --json`: a usage error when an option's value is another
    of its command's options (`options.option_without_value`), before click takes it as the
    value (an entry "--share", a file "--json"). `rest` is returned with a short option
    written with "=" made its long form (`options.with_equals`: `-x=TEXT`). A group's
    subcommand (`people add`) is found in `rest` as click would find it."""
    from peerjournal.cli.options import option_without_value, with_equals

    command_ctx = command.context_class(command, info_name=name, parent=ctx)
    start = 0
    while isinstance(command, TyperGroup):
        at = next((at for at, word in enumerate(rest[start:], start)
                   if not word.startswith("-")), None)
        found = None if at is None else command.get_command(command_ctx, rest[at])
        if at is None or found is None:
            return rest  # (its group says what is missing or unknown)
        command, start = found, at + 1
        command_ctx = command.context_class(command, info_name=found.name, parent=command_ctx)
    tail = rest[start:]
    if any(word in command_ctx.help_option_names
           for word in (tail[:tail.index("--")] if "--" in tail else tail)):
        typer.echo(command.get_help(command_ctx), color=command_ctx.color)
        raise typer.Exit()  # (click shows the help for --help anywhere; -x would take it)
    params = command.get_params(command_ctx)
    if meant := option_without_value(params, tail):
        raise UsageError(meant, command_ctx)
    return [*rest[:start], *with_equals(params, tail)]


def _unquoted(exc: UsageError) -> str | None:
    """The quoting hint (`options.unquoted_value`) for words no option took ("Got unexpected
    extra argument"), or for one an argument could not read (`edit 1 -x New text`: "text" is
    no ID; `drift --text Sat with Sam`: "with"); None for any other error."""
    from peerjournal.cli.options import unquoted_value

    if isinstance(exc, NoSuchOption):
        return None
    if isinstance(exc, BadParameter):
        failed = exc.param
        if getattr(failed, "param_type_name", "") != "argument":
            return None
        return unquoted_value(exc.ctx, failed)
    return unquoted_value(exc.ctx)


def _negative_number(exc: NoSuchOption) -> UsageError | None:
    """`show -1`: click reads a negative number as an option. Where the command takes a
    number argument (an ID), the error is that argument's own ("IDs start at 1"), not "No
    such option: -1"; None otherwise."""
    import re

    from typer._click.types import FuncParamType

    ctx = exc.ctx
    if ctx is None or not re.fullmatch(r"-[0-9]+", exc.option_name):
        return None
    for param in ctx.command.params:
        if param.param_type_name == "argument" and isinstance(param.type, FuncParamType):
            try:
                param.type.convert(exc.option_name, param, ctx)
            except typer.BadParameter as error:
                error.ctx, error.param = ctx, param
                return error
            return None
    return None


def _fail(message: str, code: int) -> NoReturn:
    from peerjournal.textsafe import clean, on_screen  # (not render.safe: no Rich on this path)

    # a message may quote a file name or a setting: no control character reaches the terminal,
    # and a line break in one (a path with a newline) does not split the one line
    with suppress(OSError, ValueError):  # stderr closed or gone (a closed terminal): keep the code
        line = f"peerjournal: {clean(message, multiline=False)}"
        typer.echo(on_screen(line, sys.stderr.isatty()), err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(version_line())
        raise typer.Exit()


def root(
    ctx: typer.Context,
    db: str = typer.Option(
        None, "--db", envvar="PEERJOURNAL_DB", metavar="PATH", help="Journal file to use."
    ),
    lexicon: str = typer.Option(
        None,
        "--lexicon",
        metavar="PATH",
        help="Drift lexicon (TOML) to use instead of the shipped one.",
    ),
    version: bool = typer.Option(
        False,
        "--version",
        "-V",  # as the launcher answers it alone
        callback=_version,
        is_eager=True,
        help="Print the version and exit.",
    ),
) -> None:
    ctx.obj = AppContext(db_option=db, lexicon_option=lexicon)


_HYPHEN = "\x00"  # a hyphen while the help is wrapped: words break at spaces only


class NarrowHelpFormatter(HelpFormatter):
    """Click's help, but readable on a narrow terminal (40 columns, a braille display, a large
    font): an option's text goes on the lines under it, indented, where beside it would leave
    fewer than `HELP_TEXT_MIN` columns (Click's leaves 10: "self_worth, c / linical_langu").
    Lines break at spaces only, never after a hyphen ("--self-" / "care", "year-month-" /
    "day"); the usage line's words follow "Usage: peerjournal report" while they fit, and an
    example kept as typed that is wider than the help is folded at a space, indented."""

    HELP_TEXT_MIN = 25
    UNDER = 4  # the indent of a text under its option, past the option's own

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = prefix or "Usage: "
        words = _unbroken(args).split()
        room = self.width - self.current_indent
        if not words or term_len(f"{prefix}{prog}") > room:
            super().write_usage(prog, _unbroken(args), prefix)
            return
        indent = " " * term_len(prefix)
        # the words under the command, at the same indent whether or not the first fits
        # beside it (Click's own layout put them 11 columns in, after a trailing space)
        above, first = "", f"{prefix}{prog} "
        if term_len(first + words[0]) > room:
            above, first = f"{prefix}{prog}\n", indent
        self.write(above + wrap_text(" ".join(words), room, initial_indent=first,
                                     subsequent_indent=indent) + "\n")

    def write_text(self, text: str) -> None:
        super().write_text(_unbroken(text))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(_unbroken(first), _unbroken(second)) for first, second in rows]
        first_col = min(max((term_len(first) for first, _ in rows), default=0), col_max)
        beside = self.width - self.current_indent - first_col - col_spacing
        longest = max((term_len(word) for _, second in rows for word in second.split()), default=0)
        if beside >= max(self.HELP_TEXT_MIN, longest):
            super().write_dl(rows, col_max, col_spacing)
            return
        under = " " * (self.current_indent + self.UNDER)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}\n")
            if second:
                self.write(wrap_text(second, self.width, initial_indent=under,
                                     subsequent_indent=under, preserve_paragraphs=True) + "\n")

    def getvalue(self) -> str:
        lines = super().getvalue().split("\n")
        text = "\n".join(folded for line in lines for folded in _folded(line, self.width))
        return text.replace(_HYPHEN, "-")


def _unbroken(text: str) -> str:
    return text.replace("-", _HYPHEN)


def _folded(line: str, width: int) -> list[str]:
    """`line` (an example click keeps as typed) in lines of `width` at most, broken at spaces,
    the rest indented two more than the line; a word wider than that stays whole. A command
    ("peerjournal …") ends each line but its last in " \\", so that it still pastes as one."""
    if term_len(line) <= width:
        return [line]
    margin = line[: len(line) - len(line.lstrip())]
    command = line.lstrip().startswith("peerjournal ")
    lines = wrap_text(line.strip(), width - 2 * command, initial_indent=margin,
                      subsequent_indent=margin + "  ").split("\n")
    return [part + " \\" for part in lines[:-1]] + lines[-1:] if command else lines


def _help_width() -> int:
    """Help wrapped to the terminal (`COLUMNS` first), down to 40 columns: Click's stops at
    50, and a 40-column terminal broke its lines mid-word."""
    import shutil

    return help_width(shutil.get_terminal_size().columns)


def build_app(modules: tuple[str, ...] = COMMAND_MODULES) -> typer.Typer:
    """The root app with the commands of `modules` registered."""
    app = typer.Typer(
        cls=PeerJournalGroup,
        name="peerjournal",
        help="A reflective-practice journal for peer supporters. "
        "Private: peerjournal never sends anything anywhere.",
        # (as the docstring of `root` they were never shown: this help takes its place)
        epilog="New here? `peerjournal demo` shows a journal of example weeks; `peerjournal "
        "write` starts your first entry.\n\nExit codes: 0 ok, 1 user error, 2 usage error, "
        "3 not found, 4 journal cannot be opened, 70 unexpected error, 130 interrupted, "
        "141 output cut short by its reader (`| head`).",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        pretty_exceptions_show_locals=False,
        add_completion=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"],
                          "terminal_width": _help_width()},
    )
    # Every command's help, subcommands' too (each makes a plain Context of its own)
    Context.formatter_class = NarrowHelpFormatter
    app.callback()(root)
    for name in modules:
        importlib.import_module(f"peerjournal.cli.{name}").register(app)
    return app


def __getattr__(name: str) -> typer.Typer:
    """`peerjournal.cli.app`: every command (tests and tools); built on first use."""
    if name != "app":
        raise AttributeError(name)
    app = build_app()
    globals()["app"] = app
    return app


def command_name(args: list[str]) -> str | None:
    """The command a command line asks for (skipping global options and their values)."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in GLOBAL_OPTIONS_WITH_VALUES:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def main() -> None:
    name = command_name(sys.argv[1:])
    known = COMMANDS.get(name.lower()) if name else None  # (`Write` too: one module)
    modules = (known,) if known else COMMAND_MODULES
    build_app(modules)(prog_name="peerjournal")
