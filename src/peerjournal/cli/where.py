"""peerjournal where: the paths in use."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import Any

import typer

from peerjournal.cli.options import Json
from peerjournal.context import AppContext
from peerjournal.errors import ExitCode


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
        named = _lexicon_named(app_ctx)  # (read, not parsed: the paths come first)
        if json_out:  # (new fields after the others: a script may read them in order)
            app_ctx.print_json({**found, "upgrade_copies": [str(p) for p in copies], **named})
        else:
            _echo_rows(found, named)
        if emptied := empty_journal(app_ctx.db_path):
            app_ctx.say(emptied)
        elif copies:
            app_ctx.say(_copies_line(copies))
        if problem := home_problem():  # nothing can be kept there
            app_ctx.say(problem)
            raise typer.Exit(ExitCode.DATABASE)  # as every command that opens the journal
        if app_ctx.db_path.is_dir():  # as every command that opens the journal says
            app_ctx.say(f"The journal path {app_ctx.db_path} is a folder, not a file; "
                        f"{_folder_fix(app_ctx)}.")
            raise typer.Exit(ExitCode.DATABASE)
        if problem := _config_problem(app_ctx):  # after the paths, which still answer
            app_ctx.say(f"Settings not read: {problem}")
        elif problem := app_ctx.lexicon_problem():  # (parses it: after every path is out)
            app_ctx.say(f"Drift lexicon not usable: {problem}{_unusable(named)}")


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


def _lexicon_named(app: AppContext) -> dict[str, str | None]:
    """The lexicon in use's name and version, without parsing it (a large organisation's
    lexicon takes a minute the first time, a broken one on every run): what a practice lead
    matches against the version a mentor's summaries give. The version is the file's hash;
    the name is read from its [lexicon] table (`_name_read`; null where the file cannot be
    read)."""
    from peerjournal.drift.lexicon import lexicon_version
    from peerjournal.errors import PeerJournalError

    try:
        path = app.lexicon_path()
        version = lexicon_version(path)  # (first: it refuses a device, a folder, 50 MB+)
    except PeerJournalError:  # (the message after the paths says why)
        return {"lexicon_name": None, "lexicon_version": None}
    return {"lexicon_name": _name_read(path), "lexicon_version": version}


def _name_read(path: Path | None) -> str | None:
    """A lexicon file's name (`path` None: the shipped one's), as loading it names it: its
    [lexicon] table's, else the file's name without .toml; read, not parsed (as
    `cli.report.lexicon_labels` reads its labels): parsing a large file's patterns is what
    takes the time. None where the table is not valid TOML or its name is not a name (the
    lexicon's own error says why). A file named as the shipped one is "a copy of" it, as
    scoring names it."""
    from peerjournal.drift.lexicon import DEFAULT_LEXICON, name_as_read

    file = path or DEFAULT_LEXICON
    try:
        table = _lexicon_table(file.read_text("utf-8"))
    except (OSError, ValueError, RecursionError):  # (TOMLDecodeError and UnicodeError too)
        return None
    if table is None:
        table = {}
    if not isinstance(table, dict):
        return None
    name = table.get("name", file.stem)
    if not isinstance(name, str) or not name.strip():
        return None
    return name.strip() if path is None else name_as_read(name.strip(), path)


# a `[lexicon]` table's header line, wherever in the file (TOML lets tables come in any order)
_LEXICON_HEADER = r"^[ \t]*\[[ \t]*lexicon[ \t]*\][ \t]*(?:#.*)?$"


def _lexicon_table(text: str) -> Any:
    """A lexicon's [lexicon] table (None where it has none), parsing only the text above the
    first [[marker]], where the shipped file has it, or else that table alone, found by a
    line scan: not the markers, however many there are. Raises ValueError (TOMLDecodeError)
    where the part read is not valid TOML."""
    import re
    import tomllib

    head, _, rest = text.partition("\n[[marker]]")
    table = tomllib.loads(head).get("lexicon")
    if table is not None or not (found := re.search(_LEXICON_HEADER, rest, re.MULTILINE)):
        return table
    body = rest[found.end():]
    if after := re.search(r"^[ \t]*\[", body, re.MULTILINE):  # the next table's header
        body = body[:after.start()]
    return tomllib.loads(f"[lexicon]{body}").get("lexicon")


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
