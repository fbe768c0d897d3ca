"""Options shared by several commands, declared once."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable
from contextlib import suppress
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, cast

import typer

from peerjournal.textsafe import quoted

if TYPE_CHECKING:
    from datetime import date

    from peerjournal.context import AppContext
    from peerjournal.db.store import Filters

class Period(StrEnum):
    """An exported summary's periods (`export --by`): `review` reads no other."""

    week = "week"
    month = "month"


class ReportPeriod(StrEnum):
    """A report's periods (`report --by`): a year besides, for a journal kept over years."""

    week = "week"
    month = "month"
    year = "year"


By = Annotated[Period, typer.Option(
    "--by", metavar="week|month", case_sensitive=False,
    help="Weeks (Monday to Sunday) or calendar months.")]
ReportBy = Annotated[ReportPeriod, typer.Option(
    "--by", metavar="week|month|year", case_sensitive=False,
    help="Weeks (Monday to Sunday), calendar months or calendar years.")]

_DAYS = "today, 'last night', '3 days ago', 'last friday'"
_DATES = "2026-11-20, 20/11/2026 (d/m/y) …"
# One day (write and edit --date, supervision done --date): a period is refused there.
DAY_HELP = f"{_DAYS}, {_DATES}"
# --since: a day, or a period from its first day (an --until's own help says its last day).
DATE_HELP = f"{_DAYS}, 'last fortnight' or 'last month' (its first day), {_DATES}"


def entry_id(text: str) -> int:
    """An entry's ID as typed: `12`, or `#12` as `show` prints it. Every command that takes
    an ID reads it here, so 0 and -1 get the same usage error everywhere (exit 2), never
    "No entry 0" from one command and "IDs start at 1" from another."""
    return numbered(text, "an entry ID", "`peerjournal list`", "IDs start at 1")


def draft_number(text: str) -> int:
    """A draft's number as `peerjournal drafts` lists it (`--draft 2`, `--discard 2`)."""
    return numbered(
        text, "a draft number", "`peerjournal drafts`", "drafts are numbered from 1"
    )


def numbered(text: str, what: str, lister: str, first: str) -> int:
    """A number that names something `lister` shows, counted from 1 (`first` says so); `#`
    before it is allowed. No example number is given: this runs before the journal is open,
    and "such as 12" failed when typed in a journal of 11 entries (QA)."""
    digits = text.strip().removeprefix("#")
    if not digits.isascii() or not digits.removeprefix("-").isdigit():
        # words are not repeated: they may be journal text typed in the wrong place
        said = "that" if len(digits) > 12 or len(digits.split()) > 1 else quoted(text)
        raise typer.BadParameter(
            f"{said} is not {what}: give it in digits, as {lister} shows it."
        )
    if int(digits) < 1:
        raise typer.BadParameter(
            f"{text.strip()} is not {what}; {first} (see {lister})."
        )
    return int(digits)


def entry_id_argument(help: str = "The entry's ID.") -> Any:
    """The ID argument of show and edit."""
    return typer.Argument(..., metavar="ID", parser=entry_id, help=help)


# A range of IDs (`delete 14-20`) holds at most this many: enough for any journal's entries
# (20,000 is a large one), never so many that a slip of the keyboard (`1-100000000000`) fills
# the memory. Every ID in a range must be there to delete (or restore): none is moved else.
MOST_IN_RANGE = 1_000_000
_RANGE = re.compile(r"#?(\d+)\s*[-\u2013]\s*#?(\d+)")  # (an en dash too, as pasted from a text)


# What reads as a date rather than IDs: a year a journal's entries may have (2010 to 2099)
# beside a number of one or two digits (12-2025, 2025-12: a month; 50-2020 too, though no
# month is 50: such a range is refused rather than guessed; 1-2000 and 100-2020 are IDs), two
# such years (2025-2026), a day (1-12-2025 day first, as dates are read, or 2025-12-01), or
# anything with / or . between digits (20/11/2026, 20.11.2026). Typed with #, #12-#2025, a
# range is IDs whatever they are.
_YEAR = r"20[1-9]\d"
_DASH = r"\s*[-\u2013]\s*"
_MONTH = re.compile(rf"(?P<m>\d{{1,2}}){_DASH}(?P<y>{_YEAR})"
                    rf"|(?P<y2>{_YEAR}){_DASH}(?P<m2>\d{{1,2}})")
_YEARS = re.compile(rf"(?P<first>{_YEAR}){_DASH}(?P<last>{_YEAR})")
_DAY = re.compile(rf"(?P<d>\d{{1,2}}){_DASH}(?P<m>\d{{1,2}}){_DASH}(?P<y>(?:19|20)\d\d)"
                  rf"|(?P<y2>(?:19|20)\d\d){_DASH}(?P<m2>\d{{1,2}}){_DASH}(?P<d2>\d{{1,2}})")
_DATE = re.compile(r"\d+\s*[/.]\s*\d+(?:\s*[/.]\s*\d+)?")


_NEWEST = "`peerjournal list` lists the newest entries"


def _listed(first: date, last: date, what: str) -> str:
    """The `list` command that shows the entries from `first` to `last`, and `what` they are;
    for days after today, which no entry is of (`list --since` refuses them), `list`."""
    if first > _today():
        return f"no entry is dated after today; {_NEWEST}"
    return f"`peerjournal list --since {first} --until {last}` lists {what} entries"


def _today() -> date:
    """Today, as the running command has it (PEERJOURNAL_NOW)."""
    from typer._click.globals import get_current_context  # (typer <0.29 vendors click)

    from peerjournal.context import AppContext, system_clock

    ctx = get_current_context(silent=True)
    return AppContext.from_ctx(cast(typer.Context, ctx)).today() if ctx else (
        system_clock().date())


def _dated(part: str) -> tuple[str, str] | None:
    """What `part` of delete's or restore's IDs reads as ("a date", "years") and the `list`
    command that finds those entries; None when it reads as IDs (`_date_like`). A date
    with / or . reads as one with dashes (20/11/2026 as 20-11-2026)."""
    from datetime import date

    from peerjournal.dates import spoken

    if years := _YEARS.fullmatch(part):
        first, last = sorted((int(years["first"]), int(years["last"])))
        return "years", _listed(date(first, 1, 1), date(last, 12, 31), "those years'")
    slashed = bool(_DATE.fullmatch(part))
    dashed = re.sub(r"\s*[/.]\s*", "-", part) if slashed else part
    if month := _MONTH.fullmatch(dashed):
        return "a date", _month_listed(int(month["y"] or month["y2"]),
                                       int(month["m"] or month["m2"]))
    if day := _DAY.fullmatch(dashed):
        year, number = int(day["y"] or day["y2"]), int(day["m"] or day["m2"])
        with suppress(ValueError):
            one = date(year, number, int(day["d"] or day["d2"]))
            return "a date", _listed(one, one, "that day's")
        if 1 <= number <= 12:  # ("Feb 2025", as `spoken` names its month)
            month_name = spoken(date(year, number, 1)).partition(" ")[2]
            no_day = f"{month_name} has no day {int(day['d'] or day['d2'])}"
            return "a date", _besides(no_day, _month_listed(year, number))
        return "a date", _month_listed(year, number)
    if slashed:  # 20.11, 1/2/3: no year to go by
        return "a date", f"{_NEWEST} (`--since` and `--until` pick the dates)"
    return None  # (none matches a part with #: that is IDs)


def _month_listed(year: int, number: int) -> str:
    """The `list` command for a month's entries, or for its year's when there is no such
    month (50-2020)."""
    from datetime import date

    from peerjournal.dates import period_end

    if not 1 <= number <= 12:
        return _besides(f"there is no month {number}",
                        _listed(date(year, 1, 1), date(year, 12, 31), f"{year}'s"))
    start = date(year, number, 1)
    return _listed(start, period_end(start, "month"), "that month's")


def _besides(slip: str, listed: str) -> str:
    """"there is no month 50; `peerjournal list …` lists 2020's entries", or "…, and no
    entry is dated after today; …"."""
    return f"{slip}, and {listed}" if listed.startswith("no entry") else f"{slip}; {listed}"


def _date_like(part: str) -> typer.BadParameter | None:
    """The error for `part` of delete's or restore's IDs when it reads as a date (someone
    typing the month whose entries they mean): `12-2025` taken as the IDs 12 to 2025 would
    move every entry between them. It says where to find the IDs by date, and how to type
    such a range if it was meant (#12-#2025)."""
    dated = _dated(part)
    if dated is None:
        return None
    what, find = dated
    ids = _RANGE.fullmatch(part)
    meant = (f"; for the IDs {ids[1]} to {ids[2]}, type #{ids[1]}-#{ids[2]}"
             if ids and 1 <= int(ids[1]) <= int(ids[2]) else "")  # (0-2025: IDs start at 1)
    return typer.BadParameter(
        f"{part} looks like {what}, not entry IDs: {find}, with their IDs (`peerjournal "
        f"trash`: those in the trash){meant}."
    )


def typed_range(first: int, last: int) -> str:
    """The IDs `first` to `last` as delete and restore take them: "20-25", or "#5-#2000"
    where that would read as a date (`_date_like`)."""
    run = f"{first}-{last}"
    return f"#{first}-#{last}" if _date_like(run) else run


def entry_ids(text: str) -> list[int]:
    """The IDs of one argument of delete and restore: `12` (as `entry_id` reads it), several
    `14,15` as `--tag a,b` takes several tags, or a range from the lower to the higher,
    `14-20`, as their messages name runs of IDs (`trash._ids_in_words`)."""
    return _numbers(text, _ENTRY_IDS)


def draft_numbers(text: str) -> list[int]:
    """The draft numbers of one `drafts --discard`: `2`, `1,2` or `1-3`, read as `entry_ids`
    reads IDs (the writer who learnt `delete 14,15 20-25` types them so here too)."""
    return _numbers(text, _DRAFT_NUMBERS)


class _Numbered(NamedTuple):
    """What `_numbers` reads: one number (`single`), what a run of them is called (`runs`)
    and one of them (`one`), the command that lists them, what starts the count, an example,
    and a check of a part (a date, for IDs)."""

    single: Callable[[str], int]
    runs: str
    one: str
    lister: str
    start: str
    example: str
    check: Callable[[str], typer.BadParameter | None]


def _numbers(text: str, numbered: _Numbered) -> list[int]:
    """The numbers in `text`: one, several split by commas, or a range from the lower to the
    higher (at most MOST_IN_RANGE)."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) > 1 and not any(parts):
        raise typer.BadParameter(f"{quoted(text)} is not {numbered.example}.")
    found: list[int] = []
    for part in filter(None, parts) if len(parts) > 1 else parts:
        if refused := numbered.check(part):
            raise refused
        run = _RANGE.fullmatch(part)
        if run is None:
            found.append(numbered.single(part))
            continue
        first, last = int(run[1]), int(run[2])
        runs = f"{part} is not a range of {numbered.runs}"
        if min(first, last) < 1:  # (`5-0` too: `0-5`, the other way round, is no better)
            raise typer.BadParameter(f"{runs}; {numbered.start} (see {numbered.lister}).")
        if last < first:
            raise typer.BadParameter(
                f"{runs}: give the lower {numbered.one} first, as in {last}-{first}."
            )
        if last - first + 1 > MOST_IN_RANGE:
            raise typer.BadParameter(
                f"{runs}: it holds more than {MOST_IN_RANGE:,} (see {numbered.lister} for the "
                f"{numbered.one}s)."
            )
        found.extend(range(first, last + 1))
    return found


_ENTRY_IDS = _Numbered(
    lambda part: entry_id(part), "entry IDs", "ID", "`peerjournal list`", "IDs start at 1",
    "an entry ID: give one, such as 12", lambda part: _date_like(part),
)
_DRAFT_NUMBERS = _Numbered(
    lambda part: draft_number(part), "draft numbers", "number", "`peerjournal drafts`",
    "drafts are numbered from 1", "a draft number: give one, such as 2", lambda part: None,
)


def _at_most_in_all(given: list[list[int]], numbered: _Numbered) -> None:
    """Refuses more than MOST_IN_RANGE numbers in all: ten ranges of a million each took
    586 MB (delete) and 917 MB (`drafts --discard`)."""
    if sum(map(len, given)) > MOST_IN_RANGE:
        raise typer.BadParameter(
            f"more than {MOST_IN_RANGE:,} {numbered.one}s in all (see {numbered.lister} for "
            f"the {numbered.one}s)."
        )


def _every_id(given: list[list[int]]) -> list[int]:
    """The IDs of every argument, in order (`entry_ids` reads each argument into a list)."""
    _at_most_in_all(given, _ENTRY_IDS)
    return [found for ids in given for found in ids]


def every_draft_number(given: list[list[int]] | None) -> list[int]:
    """The draft numbers of every `--discard` (`draft_numbers` reads each into a list),
    lowest first and each once (`3,1,1 2-3`: 1, 2, 3); the one place they are made so (the
    drafts command takes them as they are)."""
    _at_most_in_all(given or [], _DRAFT_NUMBERS)
    return sorted({number for numbers in given or [] for number in numbers})


def entry_ids_argument() -> Any:
    """The IDs of delete and restore: one or several (`entry_ids`)."""
    return typer.Argument(
        ..., metavar="ID...", parser=entry_ids, callback=_every_id,
        help="The entry's ID, or several: 5 6 7, 5,6,7 or a range 5-7.",
    )


TYPED_ARGS = "peerjournal.typed"  # (ctx.meta) the command line after the global options


def option_names(params: Iterable[Any]) -> dict[str, bool]:
    """Every name of the options among a command's `params` ("--limit", "-n"), and whether
    it takes a value."""
    return {
        name: not (param.is_flag or param.count)
        for param in params
        if getattr(param, "param_type_name", "") == "option"
        for name in (*param.opts, *param.secondary_opts)
    }


def one_dash_option(params: Iterable[Any], args: list[str]) -> tuple[str, str] | None:
    """The first of `args` (before any `--`, and not an option's value) that is a long option
    of `params` typed with one dash, in any case, with or without "=value" ("-json",
    "-JSON", "-limit=5"), and the option as meant ("--json", "--limit=5"); None when there
    is none. Click reads such a word as short options (-j -s -o -n: "No such option: -j"),
    or as one with its value attached (-t ag)."""
    names = option_names(params)
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            return None
        if names.get(arg):  # (its value is the next argument, whatever it is)
            next(rest, None)
            continue
        name, equals, value = arg.partition("=")
        meant = f"-{name.lower()}"
        if name.startswith("-") and not name.startswith("--") and meant in names:
            return arg, f"{meant}{equals}{value}"
    return None


# The metavars of options whose value may hold spaces: a text, a name, a setting, a path; and
# a date ("4 weeks ago"), which is hinted only when the words together read as one. Any other
# value (a dimension, a mode, a prompt set, a format, a number, a choice) is one word: words
# after it are left to click's own message, as quotes would not make them a value.
_PHRASE_METAVARS = frozenset({"TEXT", "NAME", "SETTING", "FILE", "PATH", "DATE", "DIM"})
# The metavars of options whose value is the writer's own words (an entry's text, a note, a
# person's name): a hint never repeats them (errors print no journal text), it shows this
# placeholder instead, as `write We sat together` is told `-x "What happened"`.
_FREE_TEXT = {"TEXT": "your words", "NAME": "the whole name"}

Owner = tuple[str, str]  # an option as typed, and the value it took


def words_after_values(ctx: Any) -> list[tuple[str, Owner | None]]:
    """Each positional word on `ctx`'s command line (`TYPED_ARGS`), with the option and value
    it follows when an option whose value may hold spaces (`_PHRASE_METAVARS`, a repeatable
    one-word option) comes before it with no other option between ("--since", "4" for
    "weeks" in `--since 4 weeks ago`; "--since=4" is read so too); None for the others."""
    params = ctx.command.get_params(ctx)
    names = option_names(params)
    phrases = {name for p in params if getattr(p, "param_type_name", "") == "option"
               and (p.metavar in _PHRASE_METAVARS or _one_word(p)) for name in p.opts}
    typed = ctx.meta.get(TYPED_ARGS, [])[len(ctx.command_path.split()) - 1:]
    words: list[tuple[str, Owner | None]] = []
    owner: Owner | None = None
    rest = iter(typed)
    for arg in rest:
        name, equals, attached = arg.partition("=")
        if arg == "--":
            words += [(word, None) for word in rest]
        elif names.get(arg):  # (its value is the next word, whatever it is)
            owner = (arg, next(rest, "")) if arg in phrases else None
        elif equals and name.startswith("--") and names.get(name):  # --since=4
            owner = (name, attached) if name in phrases else None
        elif arg.startswith("-") and len(arg) > 1:
            owner = None
        else:
            words.append((arg, owner))
    return words


def unquoted_value(ctx: Any, failed: Any = None) -> str | None:
    """`list --since 4 weeks ago`: the words no option or argument of `ctx`'s command took,
    when they follow an option's value, said as the value they were meant to be part of
    ("'weeks ago' is not part of --since: …, as in --since "4 weeks ago""), naming the option
    as typed; None when the first of them follows no option's value. With `failed`, the
    argument that could not read such a word (`edit 1 -x New text`: "text" is no ID), the
    words are those after the option's value whatever took them, but the ones at their end
    that argument reads (the IDs typed last). A text option's words are not repeated
    (`free_text_unquoted`)."""
    params = ctx.command.get_params(ctx)
    arguments = [p for p in params if getattr(p, "param_type_name", "") == "argument"]
    words = words_after_values(ctx)
    if failed is not None:
        if not _read_by(failed, ctx, [word for word, after in words if after is None]):
            return None  # (`edit abc -x New text`: "abc" is the slip, said as it is)
        owned: list[Owner | None] = [after for _, after in words if after is not None]
    elif any(p.nargs < 0 for p in arguments):  # (one taking any number leaves nothing extra)
        return None
    else:
        owned = [after for _, after in words[sum(p.nargs for p in arguments):]][:1]
    if not owned or owned[0] is None:
        return None
    option, value = owned[0]
    stray = [word for word, after in words if after == (option, value)]
    if failed is not None:  # (`edit -x New text 1`: the 1 is the ID, not part of the text)
        taken = sum(after is None for _, after in words)
        stray = _before_arguments(stray, failed, ctx, taken)
        if not stray:
            return None
    given = [value, *stray]
    found = next(p for p in params if option in p.opts)
    if placeholder := _FREE_TEXT.get(found.metavar or ""):
        return free_text_unquoted(option, len(stray), placeholder)
    if word := _one_word(found):  # `list --tag a b`: two tags meant, not a tag "a b"
        each = " ".join(f"{option} {_as_arg(one)}" for one in given)
        return (f"{quoted(' '.join(stray))} is not part of {option}: it takes one {word}; "
                f"give each its own {option}, as in {each}")
    if found.metavar == "DATE" and not _reads_as_date(" ".join(given)):
        return None  # (`--since yesterday housing`: quotes would make no date of it)
    if found.metavar == "DIM" and not _names_dimension(ctx, " ".join(given)):
        return None  # (`report -d story mutuality`: click's own message says it)
    return quotes_left_out(option, stray, given)


def free_text_unquoted(option: str, more: int, placeholder: str = "your words") -> str:
    """The quoting hint for a text option (`_FREE_TEXT`), which repeats none of the words
    typed: "-x took one word, and 2 more came after it: …, as in -x "your words"."""
    return (f"{option} took one word, and {more:,} more came after it: a text of "
            f"more than one word goes in quotes, as in {option} \"{placeholder}\"")


# a word typed as an entry ID, or IDs, whether or not it is one: 0, -3, #12, 5-2, 14,15
_ID_LIKE = re.compile(r"[-#]?\d+(?:\s*[-\u2013,]\s*#?\d+)*")


def _before_arguments(stray: list[str], argument: Any, ctx: Any, taken: int) -> list[str]:
    """`stray` without the words at its end that `argument` reads (the IDs typed last:
    `edit 1 -s crisis team 2`), as many as it has room for besides the `taken` it has, nor
    those typed as IDs that are none (`_ID_LIKE`: `edit -s ward 0`), which its own error
    says of them ("0 is not an entry ID"), not the option's quoting hint."""
    room = argument.nargs - taken if argument.nargs > 0 else len(stray)
    cut = len(stray)
    while cut and len(stray) - cut < room and (
        _ID_LIKE.fullmatch(stray[cut - 1]) or _read_by(argument, ctx, stray[cut - 1:cut])
    ):
        cut -= 1
    return stray[:cut]


def _names_dimension(ctx: Any, text: str) -> bool:
    """Whether `text` names a drift dimension, by its id or its label (`report -d clinical
    language`), as the report's lexicon has them."""
    from peerjournal.cli.report import lexicon_labels
    from peerjournal.context import AppContext
    from peerjournal.drift import DIMENSIONS
    from peerjournal.errors import PeerJournalError
    from peerjournal.trends import check_dimension

    try:
        check_dimension(text, DIMENSIONS, lexicon_labels(AppContext.from_ctx(ctx), DIMENSIONS))
    except PeerJournalError:
        return False
    return True


def option_without_value(params: Iterable[Any], args: list[str]) -> str | None:
    """"--note has no value: …" when an option of `params` that takes a value is followed
    in `args` (before any `--`) by another of the command's options (`write -x --share`,
    `export -o --json`), by a word written as an option that is none of them
    (`supervision done --note -y`) or by `--`, which click would take as its value; None
    otherwise. (`--experience=--share`, or `-x=--share` made that by `with_equals`, still
    gives such a value.)"""
    names = option_names(params)
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            return None
        if not names.get(arg):
            continue
        value = next(rest, None)
        if value == "--":  # (click would take it as the value: `write -x -- --share`)
            return (f"{arg} has no value: the word after it, --, ends the options; give "
                    f"{arg} its value before it ({arg} {_metavar(params, arg)} -- …), or "
                    f"write {arg}=-- to give it -- itself")
        if value in names:
            return (f"{arg} has no value: the word after it, {value}, is an option; give "
                    f"{arg} its value first ({arg} {_metavar(params, arg)} {value} …)")
        if value is not None and _OPTION_LIKE.fullmatch(value):
            return (f"{arg} has no value: the word after it, {value}, is written as an option "
                    f"(this command has no {value.split('=')[0]}); to give {arg} that value, "
                    f"write {arg}={value}")
    return None


def with_equals(params: Iterable[Any], args: list[str]) -> list[str]:
    """`args` with each short option of `params` that takes a value written with "=" as
    its long form is (`-x="A calm shift."`: `--experience=A calm shift.`; `-x=--share`:
    `--experience=--share`), or attached where it has none (`-xVALUE`): click reads the
    value of `-x=VALUE` as "=VALUE", a stray "=" saved at the start of the text."""
    names = option_names(params)
    longs = {opt: next((o for o in p.opts if o.startswith("--")), None)
             for p in params if getattr(p, "param_type_name", "") == "option"
             for opt in p.opts if not opt.startswith("--")}
    written = list(args)
    rest = iter(enumerate(args))
    for at, arg in rest:
        if arg == "--":
            break
        if names.get(arg):  # (its value is the next word, as it is)
            next(rest, None)
            continue
        name, equals, value = arg.partition("=")
        if equals and names.get(name) and name in longs:
            long = longs[name]
            written[at] = f"{long}={value}" if long else f"{name}{value}"
    return written


# A word written as an option ("-y", "--yes", "--force=1") that is none of the command's
# options: taken as an option's value it is almost always a slip (`supervision done --note
# -y`), as argparse holds; `--note=-y` still gives it. Text with a space, "-" alone, "-5" and
# "--" are not option-like (`--` is handled on its own).
_OPTION_LIKE = re.compile(r"-[A-Za-z]|--[A-Za-z][A-Za-z0-9-]*(=\S*)?")


def quotes_left_out(option: str, stray: list[str], given: list[str]) -> str:
    """"'weeks ago' is not part of --since: …, as in --since "4 weeks ago""."""
    return (f"{quoted(' '.join(stray))} is not part of {option}: a value of more than one "
            f"word goes in quotes, as in {option} {in_quotes(' '.join(given))}")


def _read_by(argument: Any, ctx: Any, words: list[str]) -> bool:
    """Whether `argument` reads each of `words` (those no option's value came before)."""
    try:
        for word in words[:max(argument.nargs, 0) or None]:
            argument.type.convert(word, argument, ctx)
    except (typer.BadParameter, ValueError):
        return False
    return True


def _metavar(params: Iterable[Any], option: str) -> str:
    """What `option`'s help calls its value ("TEXT")."""
    return next((p.metavar or "VALUE" for p in params if option in getattr(p, "opts", ())),
                "VALUE")


def _reads_as_date(text: str) -> bool:
    """Whether `text` is a date --since (or --date) reads."""
    from peerjournal.dates import parse_bound
    from peerjournal.errors import PeerJournalError

    try:
        parse_bound(text, _today(), until=True)
    except PeerJournalError:
        return False
    return True


# What the value of a repeatable option with one of these metavars is: one word, never a
# phrase (a tag is one word, "hard day" is stored as hard-day; a draft's number). Click's
# `multiple` alone does not say it: write's -s is multiple only to catch it given twice.
_ONE_WORD = {"TAG": "tag", "N": "number"}


def _one_word(param: Any) -> str | None:
    """What one value of `param` is ("tag") when it is repeatable and takes one word."""
    return _ONE_WORD.get(param.metavar or "") if param.multiple else None


def _as_arg(word: str) -> str:
    """`word` as typed on a command line: as it is, or in quotes (`in_quotes`)."""
    return word if re.fullmatch(r"[\w,.#@+/-]+", word) else in_quotes(word)


def in_quotes(value: str) -> str:
    """`value` as typed in double quotes on a command line, for a message to show; repr's
    quotes (`quoted`) where it holds what double quotes would not keep as it is."""
    from peerjournal.textsafe import QUOTED_WIDTH, as_typed, cut, has_control

    if has_control(value) or any(ch in value for ch in '"$`\\!'):
        return quoted(value)
    return f'"{cut(as_typed(value), QUOTED_WIDTH)}"'


def one_dash_usage(ctx: Any) -> str | None:
    """"No such option: -json; did you mean --json?" when the command line (`TYPED_ARGS`,
    kept by the root) has a long option of `ctx`'s command typed with one dash
    (`one_dash_option`); None when it has none. For the usage error of any command."""
    slip = one_dash_option(ctx.command.get_params(ctx), ctx.meta.get(TYPED_ARGS, []))
    return None if slip is None else f"No such option: {slip[0]}; did you mean {slip[1]}?"


Json = Annotated[bool, typer.Option("--json", help="Print JSON on stdout (data only).")]
Since = Annotated[
    str | None, typer.Option("--since", metavar="DATE", help=f"From this date ({DATE_HELP}).")
]
Until = Annotated[
    str | None, typer.Option(
        "--until", metavar="DATE",
        help="Up to and including this date ('last fortnight' or 'last month': its last day).",
    )
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


def once(
    values: list[str] | None, option: str, unchanged: str = "Nothing was saved."
) -> str | None:
    """The value of a text option given at most once. Typer keeps the last of an option given
    twice (`-x "First" -x "Second"`) and drops the first without a word: that is refused."""
    from peerjournal.errors import ExitCode, PeerJournalError

    if not values:
        return None
    if len(values) > 1:
        raise PeerJournalError(
            f"{option} was given twice; give it once, with the whole text in quotes. "
            f"{unchanged}",
            ExitCode.USAGE,
        )
    return values[0]


def whole_number(least: int) -> Callable[[str | int], int]:
    """The parser of a number option (`-n 5`): a whole number, `least` or more. (Click's own
    range check shows "<int range> … [x>=0]" in the help, and says "-1 is not in the range
    x>=0".)"""

    def parse(text: str | int) -> int:
        if isinstance(text, int):  # the default
            return text
        digits = text.strip()
        if not digits.isascii() or not digits.isdigit() or int(digits) < least:
            raise typer.BadParameter(f"{quoted(text)}: give a whole number, {least} or more.")
        return int(digits)

    return parse


Limit = Annotated[
    int, typer.Option(
        "--limit", "-n", metavar="N", parser=whole_number(0), help="At most N (0: no limit)."
    )
]


def typed(value: str) -> str:
    """A text typed on the command line that names data (a tag, a setting, a name to look
    up): its bytes that are not UTF-8 read as `write` reads them
    (`textsafe.from_command_line`), so that what was saved from them is found by them too."""
    from peerjournal.textsafe import from_command_line

    return from_command_line(value)[0]


def typed_noted(app: AppContext, *values: str | None) -> list[str | None]:
    """`typed` for text to be kept (a name, an alias, a note), each note on how it was read
    said once (None stays None)."""
    from peerjournal.textsafe import from_command_line

    notes: list[str] = []
    read: list[str | None] = []
    for value in values:
        text, note = from_command_line(value) if value is not None else (None, None)
        read.append(text)
        if note and note not in notes:
            notes.append(note)
            app.say(note)
    return read


def setting_filter(setting: str | None) -> str | None:
    """--setting as given to list, search and report: None when not given, and an error when
    it names nothing (`--setting ''` would otherwise match every entry, as no filter does)."""
    from peerjournal.errors import PeerJournalError
    from peerjournal.textsafe import shows_anything

    if setting is None:
        return None
    read = typed(setting)
    # a control character is a space, as in a setting `write -s` stores (`normalise_setting`)
    spaced = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in read)
    if not shows_anything(spaced):
        raise PeerJournalError(
            f"Not a usable setting: {quoted(read)} (name one, or `--setting unspecified` for "
            "entries without a setting)."
        )
    return " ".join(spaced.split())


def tag_filter(tags: list[str] | None) -> list[str]:
    """--tag as given to list, search and report: the tags to look for, normalised as `write`
    stores them, though one may hold U+FFFD, as `tags` shows a damaged one, or be longer than
    a new tag may (see `entry.normalise_tag`)."""
    from peerjournal.entry import normalise_tags

    return normalise_tags([typed(tag) for tag in tags or []], new=False)


def build_filters(
    app: AppContext,
    since: str | None,
    until: str | None,
    tags: list[str] | None,
    setting: str | None,
    limit: int | None,
) -> Filters:
    from peerjournal.db.store import Filters
    from peerjournal.errors import PeerJournalError

    filters = Filters(
        since=date_bound(app, since),
        until=date_bound(app, until, until=True),
        tags=tag_filter(tags),
        setting=setting_filter(setting),
        limit=limit or None,
    )
    if filters.since and filters.since > app.today():  # as report and export say it
        raise PeerJournalError(
            f"--since {filters.since} is in the future: entries are of days up to today."
        )
    if filters.since and filters.until and filters.since > filters.until:
        raise PeerJournalError(
            f"--since {filters.since} is after --until {filters.until}; nothing can match."
        )
    return filters


def date_bound(app: AppContext, text: str | None, *, until: bool = False) -> date | None:
    """--since (or --until, if `until`) as typed, or None when not given: a period such as
    'last month' gives its first day (or its last). For every command with the two options."""
    from peerjournal.dates import parse_bound
    from peerjournal.errors import ExitCode, PeerJournalError

    if text is None:  # (`is not None`: an empty --since "" is an error, as "  " is)
        return None
    _no_time(app, text, until)
    try:
        return parse_bound(text, app.today(), until=until)
    except PeerJournalError:
        if meant := _date_cut_short(text):  # `search housing --since 4 weeks ago`
            raise PeerJournalError(f"{meant}.", ExitCode.USAGE) from None
        raise


def _no_time(app: AppContext, text: str, until: bool) -> None:
    """Refuse a time of day in a --since/--until `text` ("2026-11-20 18:00"), which dateutil
    would drop: entries are picked by the day they happened on (only some were given a time
    that says when: `write --date "… 18:00"`), so a time cannot be honoured."""
    from peerjournal.dates import day_of_timed, parse_bound
    from peerjournal.errors import PeerJournalError
    from peerjournal.textsafe import quoted

    day = day_of_timed(text)
    if day is None:
        return
    option = "--until" if until else "--since"
    typed = f"{option} takes a day, not a time of day ({quoted(text.strip())})"
    try:
        bound = parse_bound(day, app.today(), until=until)
    except PeerJournalError:  # (the day before it is no date either)
        bound = None
    if bound is not None and not until and bound > app.today():  # (as `build_filters`)
        raise PeerJournalError(
            f"{typed}, and its day, {bound}, is in the future: entries are of days up to today."
        )
    give = f": give {option} {bound}" if bound is not None else ""
    raise PeerJournalError(f"{typed}{give}; entries are picked by the day they happened on.")


def _date_cut_short(value: str) -> str | None:
    """The quoting hint (`quotes_left_out`) for a date option's `value` that does not read as
    a date, when the words typed after it make one with it (`search`'s words took them:
    `--since 4 weeks ago`); None otherwise."""
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    if ctx is None:
        return None
    dates = {name for p in ctx.command.get_params(ctx) if p.metavar == "DATE" for name in p.opts}
    typed = ctx.meta.get(TYPED_ARGS, [])
    for at, arg in enumerate(typed):
        name, equals, attached = arg.partition("=")
        if (arg in dates and typed[at + 1:at + 2] == [value]) or (
                equals and name in dates and attached == value):
            option, after = (name, typed[at + 1 + (not equals):])
            # the whole run of words or none (`--since last fortnight ago`: not "last fortnight")
            words = list(itertools.takewhile(lambda word: not word.startswith("-"), after))
            if words and _reads_as_date(" ".join([value, *words])):
                return quotes_left_out(option, words, [value, *words])
    return None


def option_text(value: str, option: str) -> str:
    """A text option's value (`--note`) read as `typed` reads it and cleaned as entry text is;
    an error names the option ("--note: …")."""
    from peerjournal.entry import after_prefix, clean_text
    from peerjournal.errors import PeerJournalError

    try:
        text = clean_text(typed(value))
    except PeerJournalError as exc:
        raise PeerJournalError(after_prefix(option, exc.message)) from None
    text = _LINE_BREAKS.sub("\n", text)  # Word's Shift+Enter (\x0b), a page break (\x0c)
    if control := _CONTROL.search(text):  # (an escape sequence, into a file for a mentor)
        raise PeerJournalError(
            f"{option} holds a control character ({quoted(control[0])}); give the text "
            "alone (line breaks and tabs are kept)."
        )
    return text


# control characters but line breaks and tabs (`option_text`: a note is read, not drawn)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# the line breaks str.splitlines knows but \n and \r: read as \n in a text option
_LINE_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
