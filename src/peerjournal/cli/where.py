"""peerjournal where: the paths in use."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from peerjournal.cli.options import Json
from peerjournal.context import AppContext
from peerjournal.errors import ExitCode

if TYPE_CHECKING:
    from collections.abc import Iterator


def register(app: typer.Typer) -> None:
    @app.command(short_help="Show where your files are kept.")
    def where(ctx: typer.Context, json_out: Json = False) -> None:
        """Print where the journal, drafts, prompt sets, settings and drift lexicon live, and
        the copies of the journal that upgrades kept."""
        from peerjournal import paths
        from peerjournal.db.engine import empty_journal, upgrade_copies

        app_ctx = AppContext.from_ctx(ctx)
        copies = upgrade_copies(app_ctx.db_path)
        found = {
            "data_dir": str(paths.data_dir()),
            "database": str(app_ctx.db_path),
            "drafts": str(paths.drafts_dir(app_ctx.db_path)),
            "cache": str(paths.cache_dir()),
            "prompts": str(paths.user_prompts_dir()),
            "config": str(paths.config_path()),
            "lexicon": _lexicon(app_ctx),
        }
        named, unusable = _lexicon_named(app_ctx)  # (read, not parsed: the paths first)
        if json_out:  # (new fields after the others: a script may read them in order)
            app_ctx.print_json({**found, "upgrade_copies": [str(p) for p in copies], **named})
        else:
            _echo_rows(found, named)
        if emptied := empty_journal(app_ctx.db_path):
            app_ctx.say(emptied)
        elif copies:
            app_ctx.say(_copies_line(copies))
        if problem := _journal_problem(app_ctx):  # as every command that opens the journal
            if None in named.values() and (why := _lexicon_said(app_ctx, named, unusable)):
                app_ctx.say(why)  # (an "unknown" row above says this message says why)
            app_ctx.say(problem)
            raise typer.Exit(ExitCode.DATABASE)
        if why := _lexicon_said(app_ctx, named, unusable):  # (parses it: after every path)
            app_ctx.say(why)
        from peerjournal.cli.supervision import kept_words_said

        kept_words_said(app_ctx)  # (a self-check's words kept with no score: in drafts/)


def _journal_problem(app: AppContext) -> str | None:
    """Why no journal can be kept where `app` has it, or None: the data folder cannot be one
    (`home_problem`), or the journal path is a folder."""
    if problem := home_problem():
        return problem
    if app.db_path.is_dir():
        return f"The journal path {app.db_path} is a folder, not a file; {_folder_fix(app)}."
    return None


def _lexicon_said(
    app: AppContext, named: dict[str, str | None], unusable: str | None
) -> str | None:
    """Why the lexicon's rows are not to be trusted, or None: config.toml cannot be read, or
    the lexicon cannot be used (`unusable`, where naming it found out already)."""
    if problem := _config_problem(app):
        return f"Settings not read: {problem}"
    if problem := unusable or app.lexicon_problem():
        return f"Drift lexicon not usable: {problem}{_unusable(named)}"
    return None


def home_problem() -> str | None:
    """Why nothing can be kept in the data folder (a file, or a dangling link, in its place),
    or None: `where` and `prompts list`, which answer without the journal, end on it with the
    exit code of the commands that cannot open the journal there."""
    from peerjournal import paths

    home = paths.data_dir()
    problem = paths.not_a_folder(home)
    if problem:
        return f"{problem}; no journal, draft or setting can be kept there."
    for folder in home.parents:  # a file (or a link to nothing) on the way to it
        if problem := paths.not_a_folder(folder):
            return (f"{problem}, so the data folder {home} cannot be made in it; no journal, "
                    "draft or setting can be kept there.")
        if folder.exists():
            break
    return None


def _folder_fix(app: AppContext) -> str:
    """How to put right a journal path that is a folder: --db or PEERJOURNAL_DB, whichever
    named it, should name a file; the data dir's journal.db is in the way."""
    if app.db_option is None:
        return "move it aside: the journal is kept at that path"
    return f"{'PEERJOURNAL_DB' if app.db_from_env else '--db'} should name the journal file"


def _copies_line(copies: list[Path]) -> str:
    """The copies upgrades kept beside the journal, each as big as it was: one a version."""
    from peerjournal.db.engine import file_size

    size = 0
    for copy in copies:
        with suppress(OSError):
            size += copy.stat().st_size
    if len(copies) == 1:
        kept = f"a copy of the journal ({file_size(size)}), {copies[0]}: delete it"
    else:
        kept = (f"{len(copies)} copies of the journal ({file_size(size)} in all), the newest "
                f"{copies[-1]}: delete them")
    return f"Kept by upgrades: {kept} once you are happy with this version."


def _config_problem(app: AppContext) -> str | None:
    """Why config.toml cannot be read, or None: `where` is where one looks to find out."""
    from peerjournal.errors import PeerJournalError

    try:
        app.config  # noqa: B018 (reading it is the check)
    except PeerJournalError as exc:
        return exc.message
    return None


# `where`'s text rows for the lexicon's name and version: under its `lexicon` row, within the
# paths' column (`where | cut -c11-`) and not starting "lexicon " (`grep ^lexicon` finds its path)
_LEXICON_ROWS = {"lexicon_name": " name", "lexicon_version": " version"}
# a row not read: the file cannot be read, or is not valid TOML, which the lexicon check says
UNKNOWN = "unknown (the message below says why)"


def _unusable(named: dict[str, str | None]) -> str:
    """After a lexicon's problem: that the version `where` gave (its file's hash, read before
    the file is parsed) is of a file that scores nothing, so no summary gives it."""
    if not (version := named["lexicon_version"]):
        return ""
    return f" (Version {version} above is of that file, which scores nothing as it is.)"


def _echo_rows(found: dict[str, str], named: dict[str, str | None]) -> None:
    """`where`'s text, in one write (`where | head -1` ends alike every time, as `tags` does):
    the paths, then the lexicon's name (left out where it was not read) and version."""
    from peerjournal.textsafe import clean  # (a name with escapes is shown escaped)

    name, version = named["lexicon_name"], named["lexicon_version"]
    rows = {key.replace("_", " "): value for key, value in found.items()}
    rows[_LEXICON_ROWS["lexicon_name"]] = (clean(name, multiline=False) if name else UNKNOWN)
    rows[_LEXICON_ROWS["lexicon_version"]] = version or UNKNOWN
    width = max(map(len, found))  # (the paths' column as it was: scripts cut it)
    typer.echo("\n".join(f"{key:<{width}}  {value}" for key, value in rows.items()))


def _lexicon_named(app: AppContext) -> tuple[dict[str, str | None], str | None]:
    """The lexicon in use's name and version, without parsing it (a large organisation's
    lexicon takes a minute the first time, a broken one on every run): what a practice lead
    matches against the version a mentor's summaries give. The version is the file's hash;
    the name is read from its [lexicon] table (`_name_read`). Where it cannot be read so, the
    lexicon is loaded to name it, as scoring names it; the second value is then why it cannot
    be loaded (said after the paths: an "unknown" name always has its reason), else None."""
    from peerjournal.drift.lexicon import lexicon_version
    from peerjournal.errors import PeerJournalError

    try:
        path = app.lexicon_path()
        version = lexicon_version(path)  # (first: it refuses a device, a folder, 50 MB+)
    except PeerJournalError:  # (the message after the paths says why)
        return {"lexicon_name": None, "lexicon_version": None}, None
    name, unusable = _name_read(path), None
    if name is None:
        try:
            name = app.lexicon().name
        except PeerJournalError as exc:
            unusable = exc.message
    return {"lexicon_name": name, "lexicon_version": version}, unusable


def _name_read(path: Path | None) -> str | None:
    """A lexicon file's name (`path` None: the shipped one's), as loading it names it: its
    [lexicon] table's, else the file's name without .toml; decoded as loading decodes it
    (`config.toml_text`: with a byte order mark too) and read, not parsed (as
    `cli.report.lexicon_labels` reads its labels): parsing a large file's patterns is what
    takes the time. None where the table is not valid TOML or its name is not a name. A file
    named as the shipped one is "a copy of" it, as scoring names it."""
    from peerjournal.config import toml_text
    from peerjournal.drift.lexicon import DEFAULT_LEXICON, name_as_read
    from peerjournal.errors import PeerJournalError

    file = path or DEFAULT_LEXICON
    try:
        table = _lexicon_table(toml_text(file.read_bytes(), file))
    except (OSError, ValueError, RecursionError, PeerJournalError):  # (TOMLDecodeError too)
        return None
    if table is None:
        table = {}
    if not isinstance(table, dict):
        return None
    name = table.get("name", file.stem)
    if not isinstance(name, str) or not name.strip():
        return None
    return name.strip() if path is None else name_as_read(name.strip(), path)


def _header(key: str, brackets: int = 1) -> str:
    """The pattern of a table's header, `[key]` (`[[key]]` with 2 `brackets`), after the line's
    start: spaced as TOML lets it be, the key bare or quoted."""
    opening, closing = r"\[" * brackets, r"\]" * brackets
    return rf"""[ \t]*{opening}[ \t]*(?:{key}|"{key}"|'{key}')[ \t]*{closing}"""


# From the line's start (`^`) for the first marker, an early line; else from the line break
# before, which `re` finds ~4 times as fast as `^` in a large file.
_MARKER_HEADER = "^" + _header("marker", 2)  # `[[marker]]`, `[[ marker ]]`
_LEXICON_HEADER = r"\n" + _header("lexicon") + r"[ \t]*(?:#.*)?\r?$"  # (a comment after it)
_ANY_HEADER = r"\n[ \t]*\["  # the next table's
# A multi-line string, which may hold a line that reads as a header, and the one-line strings
# and comments that may hold its quotes (`'"""'`, `# '''`), read past in order.
_STRINGS = "|".join((
    r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*"{3,5}',
    r"'''[\s\S]*?'{3,5}",
    r'"(?:[^"\\\n]|\\.)*"',
    r"'[^'\n]*'",
    r"#[^\n]*",
))


def _lexicon_table(text: str) -> Any:
    """A lexicon's [lexicon] table (None where it has none), parsing only the text above the
    first [[marker]], where the shipped file has it, or else that table alone, found by a
    line scan: not the markers, however many there are, nor a line in a multi-line string.
    Raises ValueError (TOMLDecodeError) where the part read is not valid TOML."""
    import re
    import tomllib

    lines = _strings_on_one_line(text)
    first = re.compile(_MARKER_HEADER, re.MULTILINE).search(lines)
    table = tomllib.loads(text[:first.start()] if first else text).get("lexicon")
    if table is not None or first is None:
        return table
    found = re.compile(_LEXICON_HEADER, re.MULTILINE).search(lines, first.end())
    if found is None:
        return None
    after = re.compile(_ANY_HEADER).search(lines, found.end())  # the next table's header
    return tomllib.loads(text[found.start():after.start() if after else None]).get("lexicon")


def _strings_on_one_line(text: str) -> str:
    """`text` with every line break inside a multi-line string made a space, so that no line
    in one (a marker's `source = \"\"\"…\n[lexicon]…\"\"\"`) is taken for a table's header; as
    long as `text`, to cut it where a header is found. Most lexicons have none to change."""
    pieces, done = [], 0
    for start, end in _multiline_strings(text):
        pieces += [text[done:start], text[start:end].replace("\n", " ")]
        done = end
    return "".join([*pieces, text[done:]]) if pieces else text


def _multiline_strings(text: str) -> Iterator[tuple[int, int]]:
    """Where each multi-line string is in `text`. Only the lines with three quotes in a row
    are read, token by token from the line's start or the string before's end (a one-line
    string or comment holding them is read past): a line without cannot open or close one,
    and tokenising every string of a large lexicon takes ~0.6 s a 6 MB file."""
    import re

    token = re.compile(_STRINGS)
    ahead = {quotes: text.find(quotes) for quotes in ('"""', "'''")}  # each kind's next
    pos = 0
    while True:
        for quotes, at in ahead.items():
            if 0 <= at < pos:  # (found once more from where the last one ended: one pass)
                ahead[quotes] = text.find(quotes, pos)
        if (quotes_at := min((at for at in ahead.values() if at >= 0), default=-1)) < 0:
            return
        at = max(pos, text.rfind("\n", 0, quotes_at) + 1)
        while (found := token.search(text, at)) and found.start() <= quotes_at:
            at = found.end()
            if found[0][:3] in ('"""', "'''"):
                yield found.span()
                break
        pos = max(at, quotes_at + 3)  # (three quotes that open nothing: loading refuses it)


def _lexicon(app: AppContext) -> str:
    """The drift lexicon in use (--lexicon, the setting, else the shipped one), as named:
    `where` answers even when that file is missing or the settings cannot be read, since it
    is where one looks to find out why."""
    from peerjournal.drift.lexicon import DEFAULT_LEXICON

    if app.lexicon_option is not None:
        return str(app.lexicon_path())
    if _config_problem(app):
        return "unknown: config.toml cannot be read (the message below says why)"
    return str(app.config.get("drift", {}).get("lexicon") or DEFAULT_LEXICON)
