"""Options shared by several commands, declared once."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from peerjournal.context import AppContext
    from peerjournal.db.store import Filters

class Period(StrEnum):
    week = "week"
    month = "month"


By = Annotated[Period, typer.Option(
    "--by", metavar="week|month", case_sensitive=False,
    help="Weeks (Monday to Sunday) or calendar months.")]

DATE_HELP = "today, 'last night', '3 days ago', 'last friday', 2026-11-20, 20/11/2026 (d/m/y) …"


def entry_id(text: str) -> int:
    """An entry's ID as typed: `12`, or `#12` as `show` prints it. A negative number passes,
    for the command to say that IDs start at 1."""
    digits = text.strip().removeprefix("#")
    if not digits.isascii() or not digits.removeprefix("-").isdigit():
        raise typer.BadParameter(
            f"{text!r} is not an entry ID: use the number `peerjournal list` shows, such as 12."
        )
    return int(digits)


def entry_id_argument(help: str = "The entry's ID.") -> Any:
    """The ID argument of show, edit, delete and restore."""
    return typer.Argument(..., metavar="ID", parser=entry_id, help=help)


Json = Annotated[bool, typer.Option("--json", help="Print JSON on stdout (data only).")]
Since = Annotated[
    str | None, typer.Option("--since", metavar="DATE", help=f"From this date ({DATE_HELP}).")
]
Until = Annotated[
    str | None, typer.Option("--until", metavar="DATE", help="Up to and including this date.")
]
Tags = Annotated[
    list[str] | None, typer.Option(
        "--tag", "-t", metavar="TAG",
        help="Only entries with this tag (repeatable; a,b: entries with both).",
    )
]
Setting = Annotated[
    str | None, typer.Option(
        "--setting", "-s", metavar="SETTING", help="Only entries from this setting."
    )
]


def whole_number(least: int) -> Callable[[str | int], int]:
    """The parser of a number option (`-n 5`): a whole number, `least` or more. (Click's own
    range check shows "<int range> … [x>=0]" in the help, and says "-1 is not in the range
    x>=0".)"""

    def parse(text: str | int) -> int:
        if isinstance(text, int):  # the default
            return text
        digits = text.strip()
        if not digits.isascii() or not digits.isdigit() or int(digits) < least:
            raise typer.BadParameter(f"{text!r}: give a whole number, {least} or more.")
        return int(digits)

    return parse


Limit = Annotated[
    int, typer.Option(
        "--limit", "-n", metavar="N", parser=whole_number(0), help="At most N (0: no limit)."
    )
]


def setting_filter(setting: str | None) -> str | None:
    """--setting as given to list, search and report: None when not given, and an error when
    it names nothing (`--setting ''` would otherwise match every entry, as no filter does)."""
    from peerjournal.errors import PeerJournalError
    from peerjournal.textsafe import shows_anything

    if setting is None:
        return None
    if not shows_anything(setting):
        raise PeerJournalError(
            f"Not a usable setting: {setting!r} (name one, or `--setting unspecified` for "
            "entries without a setting)."
        )
    return " ".join(setting.split())


def build_filters(
    app: AppContext,
    since: str | None,
    until: str | None,
    tags: list[str] | None,
    setting: str | None,
    limit: int | None,
) -> Filters:
    from peerjournal.db.store import Filters
    from peerjournal.entry import normalise_tags
    from peerjournal.errors import PeerJournalError

    filters = Filters(
        since=app.parse_date(since) if since is not None else None,
        until=app.parse_date(until) if until is not None else None,
        tags=normalise_tags(tags or []),
        setting=setting_filter(setting),
        limit=limit or None,
    )
    if filters.since and filters.until and filters.since > filters.until:
        raise PeerJournalError(
            f"--since {filters.since} is after --until {filters.until}; nothing can match."
        )
    return filters


def option_text(value: str, option: str) -> str:
    """A text option's value (`--note`) cleaned as entry text is; an error names the option
    ("--note: UTF-8 is needed …", not a crash on bytes that are not UTF-8)."""
    from peerjournal.entry import after_prefix, clean_text
    from peerjournal.errors import PeerJournalError

    try:
        return clean_text(value)
    except PeerJournalError as exc:
        raise PeerJournalError(after_prefix(option, exc.message)) from None
