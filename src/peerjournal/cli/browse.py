"""Finding entries again: list, show, search, tags."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar, cast

import typer
from typer._click.core import Context as ClickContext  # (typer <0.29 vendors click)
from typer._click.exceptions import BadParameter, MissingParameter, NoSuchOption, UsageError
from typer.core import TyperCommand, TyperOption

from peerjournal.cli.options import (
    Json,
    Limit,
    Setting,
    Since,
    Tags,
    Until,
    build_filters,
    entry_id_argument,
)
from peerjournal.context import AppContext
from peerjournal.launcher import print_whole_of, stdout_whole
from peerjournal.plural import counted

if TYPE_CHECKING:
    from peerjournal.db.store import Filters, SearchHit, Store

T = TypeVar("T")
QUOTED_MAX = 60  # characters of a query repeated back in a message
_TYPED = "peerjournal.search.typed"  # (ctx.meta) a search's arguments as typed
# OR just before NOT or a -word: "Sam OR NOT Jo", "Sam OR -Jo", "Sam OR NOT(Jo)", or in
# brackets of their own, "Sam OR (NOT Jo)", "Sam OR (-Jo)" (`left`: what they leave out)
_OR_NOT = re.compile(
    r'(?<!\S)OR\s+(?:\(\s*(?:NOT\s+|-)(?P<left>[^()]*?)\s*\)|NOT\s*(?=\()|(?:NOT\s+|-)(?=[\w"(]))'
)


def one_page(limit: int | None, fetch: Callable[[int | None], list[T]]) -> tuple[list[T], bool]:
    """At most `limit` results (0 or None: all), and whether there were more: `fetch(n)`
    gets at most n (None: all), and one more is fetched, so a list cut at the limit says so
    instead of passing for the whole journal (list, search, trash)."""
    if not limit:
        return fetch(None), False
    found = fetch(limit + 1)
    return found[:limit], len(found) > limit


THOUSANDTHS = 1000  # a stored rate's unit in db.scoretable (trends.SCALE: not imported, ~50 ms)
# What `with_scores` adds to the JSON entry shape, after its keys, for an entry not scored
UNSCORED: dict[str, Any] = {
    "identity_per_100_words": None, "drift_per_100_words": None, "balance": None, "words": None,
}


def with_scores(app: AppContext, shapes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The JSON entry `shapes` (`Entry.to_json`, with what a command adds to it) with what a
    script selects on after their keys: `verdict`, the value `drift` holds (named as `drift
    ID --json`, `report` and summaries name it: there `drift` is a number), and the stored
    score's numbers as `drift ID --json` gives them, named for what they count:
    `identity_per_100_words`, `drift_per_100_words`, `balance` and `words` (the words
    scored), as `drift ID --json` gives them (its balance too when the verdict is
    insufficient). The numbers are null for an entry not scored.
    `list --json | jq '.[] | select(.drift_per_100_words > 5)'`."""
    numbers = _stored_numbers(app, [shape["id"] for shape in shapes])
    for shape in shapes:
        found = numbers.get(shape["id"]) if shape.get("drift") is not None else None
        # (an entry whose score row is lost: its verdict, no numbers)
        shape.update({"verdict": shape.get("drift"), **(UNSCORED if found is None else found)})
    return shapes


def _stored_numbers(app: AppContext, ids: list[int]) -> dict[int, dict[str, Any]]:
    """The numbers of the stored scores of the entries `ids`, read from the whole numbers
    reports add up (`Store.stored_rates`). Numbers that cannot be read (a damaged journal)
    are null, and said."""
    if not ids:
        return {}
    from peerjournal.errors import PeerJournalError

    try:
        rows = app.store().stored_rates(ids)
    except PeerJournalError as exc:
        app.say(f"The drift numbers could not be read, so --json gives them as null: "
                f"{exc.message}")
        return {}
    return {entry_id: stored_numbers(*rates) for entry_id, *rates in rows}


def stored_numbers(words: int, identity_w: int, drift_w: int) -> dict[str, Any]:
    """A stored score's numbers, named as --json names them, from its row of
    `Store.stored_rates`: as `drift ID --json` gives them for a score made now."""
    identity = identity_w // words / THOUSANDTHS if words else 0.0
    drift = drift_w // words / THOUSANDTHS if words else 0.0
    return {
        "identity_per_100_words": identity, "drift_per_100_words": drift,
        "balance": round((identity - drift) / (identity + drift), 3) if identity + drift else 0.0,
        "words": words,
    }


def page_limit(ctx: typer.Context, limit: int, json_out: bool) -> int:
    """`--limit` as given; with --json and no -n, 0 (all): the JSON has nothing in it to say
    it was cut (`list --json > entries.json`, `| jq length`), and the 20 of a table are
    for reading on a screen (list, search, trash)."""
    source = ctx.get_parameter_source("limit")
    return 0 if json_out and source is not None and source.name == "DEFAULT" else limit


def _filter_options(filters: Filters) -> dict[str, bool]:
    """Each filter option, and whether it was given."""
    return {"--since": bool(filters.since), "--until": bool(filters.until),
            "--tag": bool(filters.tags), "--setting": bool(filters.setting)}


def _as_options(filters: Filters) -> str:
    """The filters as a command gives them (" --tag x --setting ward"): for a search
    suggested again."""
    pairs = [("--since", filters.since), ("--until", filters.until),
             *(("--tag", tag) for tag in filters.tags), ("--setting", filters.setting)]
    return "".join(f" {option} {shlex.quote(str(value))}" for option, value in pairs if value)


def _given(filters: Filters) -> list[str]:
    return [option for option, given in _filter_options(filters).items() if given]


def _narrow_further(filters: Filters) -> str:
    """', or narrow with --until, --tag or --setting': the filters not given yet."""
    from peerjournal.plural import joined

    unused = [option for option, given in _filter_options(filters).items() if not given]
    return f", or narrow with {joined(unused, 'or')}" if unused else ""


def _quoted(query: str) -> str:
    """The query as typed, quoted, cut short when it is long (a pasted paragraph): an emoji's
    zero-width joiner as typed ("😮‍💨", which repr() showed as "\\u200d"), only control
    characters shown as escapes."""
    from peerjournal.textsafe import as_typed, clean, cut

    flat = cut(" ".join(as_typed(query).split()), QUOTED_MAX)
    mark = '"' if "'" in flat and '"' not in flat else "'"
    return f"{mark}{clean(flat, multiline=False)}{mark}"


def _one_line(hit: SearchHit) -> SearchHit:
    """`hit` with its snippet on one line: the line breaks of the text it comes from (an
    answer's, an experience's) read as spaces, in the terminal and in --json alike."""
    return replace(hit, snippet=" ".join(hit.snippet.split()))


def _check_searchable(query: str) -> None:
    """Refuse a query with no word to look for, saying why (FTS5 cannot search for "not X",
    "-X" or "NOT X")."""
    from peerjournal.db.store import query_terms
    from peerjournal.errors import PeerJournalError

    terms = query_terms(query)
    if terms.include:
        _check_or_not(query)
        _check_near(query)
        return
    if terms.exclude:
        raise PeerJournalError(
            f"Search needs a word to look for: {_quoted(query)} only leaves words out "
            "(as in `search 'handover -housing'`)."
        )
    if _symbols(query):  # ("NOT 😊" too: the emoji is what cannot be found)
        raise PeerJournalError(
            f"Nothing to search for in {_quoted(query)}: search finds words, not emoji or other "
            "symbols; search for a word of the entry instead."
        )
    if terms.operators:  # "OR", "AND NOT": words to look for in lower case
        word = terms.operators[0].lower()
        raise PeerJournalError(
            f"Nothing to search for in {_quoted(query)}: AND, OR and NOT in capitals join "
            f"words; type {word!r} in lower case to look for the word."
        )
    raise PeerJournalError(f"Nothing to search for in {_quoted(query)}: type a word or a phrase.")


# the parts of an emoji besides its symbol (So): a skin tone (Sk), the variation selector
# that makes ❤ an emoji (Mn), the joiner of 👩‍⚕️ (Cf)
_EMOJI_PARTS = {"So", "Sk", "Mn", "Cf"}


def _symbols(query: str) -> list[str]:
    """The emoji and other symbols (☺, ✓) typed in `query`, each once, as typed ("👍🏽",
    "❤️"): the search index holds words only (FTS5's unicode61 reads symbols as spaces), so a
    search finds none of them."""
    import unicodedata

    found: list[str] = []
    run = ""
    for ch in f"{query} ":
        if unicodedata.category(ch) in _EMOJI_PARTS:
            run += ch
            continue
        if any(unicodedata.category(c) == "So" for c in run) and run not in found:
            found.append(run)
        run = ""
    return found


def _note_ignored(app_ctx: AppContext, query: str) -> None:
    """Say what of a query is not read: a ^ outside a "phrase" (`searchfold.CARET`:
    "^housing" finds housing anywhere, not only at the start of a text, as a regular
    expression would), a boost ("housing^2", `searchfold.BOOST`), and an AND, OR or NOT
    with nothing to join on one side ("housing NOT", `store.query_terms`); emoji and other
    symbols (`_symbols`)."""
    from peerjournal.db.searchfold import BOOST, CARET, STRING
    from peerjournal.db.store import OPERATORS

    outside = STRING.sub(" ", query)
    if boost := BOOST.search(outside):
        app_ctx.say(f"Search ignores {boost[0]} (a boost, in other search tools): it finds "
                    "the words as typed, best matches first.")
    elif CARET in outside:
        app_ctx.say(f"Search ignores {CARET}: it finds words anywhere in the text.")
    if symbols := _symbols(query):  # (with words to look for: those are searched)
        app_ctx.say(f"Search ignores {' '.join(symbols)}: it finds words, not emoji or other "
                    "symbols.")
    words = outside.split() or [""]
    if words[-1] in OPERATORS:
        app_ctx.say(f"Search ignores the {words[-1]} at the end: nothing follows it.")
    elif words[0] in ("AND", "OR"):
        app_ctx.say(f"Search ignores the {words[0]} at the start: nothing comes before it.")


def _check_or_not(query: str) -> None:
    """Refuse "Sam OR NOT Jo" (or "Sam OR -Jo"), which FTS5 cannot read: its NOT leaves out
    of what comes before it, and no search finds entries by a word they lack. Read as the
    forgiving rewrite reads it, it would silently be "Sam NOT Jo", so that is suggested."""
    from peerjournal.errors import PeerJournalError

    outside = _outside_phrases(query)  # (a "phrase" is not operators)
    meant = query
    for found in reversed(list(_OR_NOT.finditer(outside))):
        left = "" if found["left"] is None else meant[found.start("left") : found.end("left")]
        meant = meant[: found.start()] + "NOT " + left + meant[found.end() :]
    if meant != query:
        raise PeerJournalError(
            f"Search cannot read {_quoted(query)}: NOT (or -word) leaves words out of what "
            "comes before it, so it cannot follow OR (a search finds entries by the words they "
            f"have); try {_quoted(meant)} to leave them out."
        )


# NEAR( outside a "phrase", what follows it up to its closing bracket (none: to the end), and
# that bracket
_NEAR = re.compile(r"(?<![\w\"])NEAR\s*\((?P<inside>[^()]*)(?P<close>\)?)")
_NEAR_DISTANCE = re.compile(r",\s*(?P<distance>[^,]*?)\s*$")


def _closed_near(app_ctx: AppContext, query: str) -> str:
    """`query` with the bracket a NEAR( at its end was left without ("NEAR(housing
    appointment", a slip of typing), said so; read by the forgiving rewrite, it looked for
    the word "near" too, and so found nothing."""
    if any(not found["close"] and found.end() == len(query.rstrip())
           for found in _NEAR.finditer(_outside_phrases(query))):
        closed = f"{query.rstrip()})"
        app_ctx.say(f"Search reads {_quoted(query)} as {_quoted(closed)}: the NEAR( had no "
                    "closing bracket.")
        return closed
    return query


# "money NEAR worry": a NEAR between two words (outside a "phrase"), which FTS5 reads as the
# word "near"
_BARE_NEAR = re.compile(r"(?<![\w\"*-])(?P<left>\w+\*?)\s+NEAR\s+(?P<right>\w+\*?)(?![\w(\"])")


def _bracketed_near(app_ctx: AppContext, query: str) -> str:
    """`query` with each NEAR typed between two words as NEAR(left right) (the README's
    form), said so: read as it was, it looked for the word "near" too, and so found nothing
    without a word of why."""
    from peerjournal.db.store import OPERATORS

    meant = query
    for found in reversed(list(_BARE_NEAR.finditer(_outside_phrases(query)))):
        left, right = found["left"], found["right"]
        words = (query[found.start("left") : found.end("left")],
                 query[found.start("right") : found.end("right")])
        if words != (left, right) or {left, right} & {*OPERATORS, "NEAR"}:  # (a "phrase")
            continue
        meant = f"{meant[: found.start()]}NEAR({left} {right}){meant[found.end() :]}"
    if meant != query:
        app_ctx.say(f"Search reads {_quoted(query)} as {_quoted(meant)}: NEAR takes the words "
                    "it joins in brackets.")
    return meant


def _outside_phrases(query: str) -> str:
    """`query` with each "phrase" blanked out (no operator is read inside one)."""
    from peerjournal.db.searchfold import STRING

    return STRING.sub(lambda m: "_" * len(m[0]), query)


def _check_near(query: str) -> None:
    """Refuse a NEAR(…) that FTS5 cannot read: without its closing bracket (one left open
    at the end is closed first: `_closed_near`), or with a distance that is not a number of
    words. Read by the forgiving rewrite, either looked for the word "near" as well, and so
    found nothing."""
    from peerjournal.errors import PeerJournalError

    for found in _NEAR.finditer(_outside_phrases(query)):
        if not found["close"]:
            raise PeerJournalError(
                f"Search cannot read {_quoted(query)}: NEAR( needs a closing bracket after "
                "its words, as in `search 'NEAR(housing appointment)'`."
            )
        distance = _NEAR_DISTANCE.search(found["inside"])
        if distance and not distance["distance"].isdigit():
            raise PeerJournalError(
                f"Search cannot read {_quoted(query)}: the number after the comma in "
                "NEAR(…, N) is how many words apart they may be (0 or more), as in "
                "`search 'NEAR(housing appointment, 5)'`."
            )


def unknown_setting(store: Store, setting: str | None) -> str | None:
    """When no entry has the --setting given: "no entry has the setting 'communty'", with the
    entries' setting it is likely a slip for, as `write` asks ("did you mean community?"), or
    else the settings entries have. Not the prompt's list of settings, which `write` offers
    too: a filter with one that no entry has finds nothing either. For list, search and
    report alike."""
    from peerjournal.db.settings import used_settings
    from peerjournal.plural import joined
    from peerjournal.setting_groups import UNSPECIFIED_SETTING, setting_key
    from peerjournal.setting_names import likely_meant
    from peerjournal.textsafe import quoted

    if not setting or store.with_setting(setting):
        return None
    if setting_key(setting) == UNSPECIFIED_SETTING:  # (the entries without a setting)
        return f"every entry has a setting ({quoted(setting)} selects the entries without one)."
    missing = f"no entry has the setting {quoted(setting)}"
    used = used_settings(store)  # (the most used first)
    if meant := likely_meant(setting, used):
        return f"{missing}; did you mean {meant!r} (`--setting {shlex.quote(meant)}`)?"
    if not used:
        return f"{missing}, nor any other."
    settings = "the setting" if len(used) == 1 else "the settings"
    return f"{missing}; entries have {settings} {joined(_some(list(map(quoted, used))))}."


def not_found(store: Store, filters: Filters, *, searched: bool = False) -> str:
    """Why a list or search (`searched`) narrowed by `filters` found nothing: a setting or a
    tag no entry has, tags that no entry has together, or else the filters given."""
    from peerjournal.plural import joined

    if slip := unknown_setting(store, filters.setting):
        return slip
    if untagged := [tag for tag in filters.tags if not store.tagged(tag)]:
        return _untagged(store, untagged)
    given = _given(filters)
    if not searched and set(given) <= {"--since", "--until"} and (
        window := _empty_window(store, filters)
    ):
        return window
    if given == ["--tag"] and not searched:  # (a search's words may be what is missing)
        together = "both" if len(filters.tags) == 2 else "all of"
        return f"no entry is tagged {together} {joined(_some(list(map(_cut, filters.tags))))}."
    if len(given) == 1:
        return f"try without {given[0]}."
    return f"try fewer of {joined(given)}."


def _untagged(store: Store, untagged: list[str]) -> str:
    """No live entry has these tags: "no entry is tagged solo", and the entries in the trash
    that have them ("1 entry in the trash is tagged solo"), or else where the tags are."""
    from peerjournal.plural import joined

    trashed = {tag: n for tag in untagged if (n := store.tagged(tag, trashed=True))}
    missing = f"no entry is tagged {joined(_some(list(map(_cut, untagged))), 'or')}"
    if len(trashed) < len(untagged):  # a tag no entry has, or has had: a slip?
        missing += _tag_meant(store, [tag for tag in untagged if tag not in trashed])
    if not trashed:
        return missing if missing.endswith("?") else f"{missing}."
    in_trash = [  # "2 entries in the trash are tagged duo and 1 entry is tagged solo"
        f"{counted(n, 'entry')}{'' if at else ' in the trash'} {'is' if n == 1 else 'are'} "
        f"tagged {tag}"
        for at, (tag, n) in enumerate(trashed.items())
    ]
    return f"{missing}; {joined(_some(in_trash))} (see `peerjournal trash`)."


def _tag_meant(store: Store, unknown: list[str]) -> str:
    """After "no entry is tagged handovr": where the tags are listed, and the journal's tag
    the first of the `unknown` tags is likely a slip for, as `unknown_setting` says it
    ("; did you mean 'handover'"), if any."""
    from peerjournal.setting_names import likely_meant

    listed = " (`peerjournal tags` lists the tags)"
    known = [tag for tag, _ in store.tag_counts()]  # (the most used first: a tie's pick)
    for tag in unknown:
        if meant := likely_meant(tag, known):
            return f"{listed}; did you mean {meant!r} (`--tag {shlex.quote(meant)}`)?"
    return listed


_NAMED = 5  # tags said back by name; the rest counted (a thousand --tag would fill the screen)


def _cut(tag: str) -> str:
    """A tag typed, as a message repeats it: cut as `textsafe.quoted` cuts a value."""
    from peerjournal.textsafe import QUOTED_WIDTH, cut

    return cut(tag, QUOTED_WIDTH)


def _some(named: list[str]) -> list[str]:
    """The first `_NAMED` of `named`, and how many more there are."""
    if len(named) <= _NAMED:
        return named
    return [*named[:_NAMED], f"{len(named) - _NAMED:,} more"]


def _empty_window(store: Store, filters: Filters) -> str | None:
    """A list narrowed by dates alone that found nothing: the window, and when the entries
    are, as every command says it (`stats.none_in_window`: "none from 1 Jan 2025 to 31
    Dec 2025; your entries run from 14 Sep 2026 to …"); None for an empty journal."""
    from peerjournal.db.stats import date_range, none_in_window

    found = date_range(store)
    if found is None:
        return None
    said = none_in_window(filters.since, filters.until, found)
    return "none" + said.removeprefix("No entries")  # (after "No entries match: ")


def _tagged_or_set(store: Store, query: str) -> list[str]:
    """The entries that carry a search's words as a tag or a setting, which search does not
    read: "2,134 entries are tagged meds (`peerjournal list --tag meds`)"."""
    from peerjournal.entry import normalise_tag
    from peerjournal.errors import PeerJournalError

    words = " ".join(query.replace('"', " ").split())
    found = []
    try:
        tag = normalise_tag(words, new=False)
    except PeerJournalError:  # no letter or number in it
        return []
    if tagged := store.tagged(tag):
        verb = "is" if tagged == 1 else "are"
        found.append(f"{counted(tagged, 'entry')} {verb} tagged {tag} "
                     f"(`peerjournal list --tag {shlex.quote(tag)}`)")
    if in_setting := store.with_setting(words):
        verb = "has" if in_setting == 1 else "have"
        found.append(f"{counted(in_setting, 'entry')} {verb} the setting {words} "
                     f"(`peerjournal list --setting {shlex.quote(words)}`)")
    return found


def _nothing_found(store: Store, query: str, filters: Filters) -> str:
    """The message for a search that found nothing (see `not_found`, `_tagged_or_set`)."""
    from peerjournal.db.store import Filters

    # a filter can hide every match (a typo in --setting), as in `list`; but when the words
    # are in no entry at all, dropping a filter would not help
    if _given(filters) and (
        unknown_setting(store, filters.setting) or store.search(query, Filters(limit=1))
    ):
        return f"Nothing found for {_quoted(query)}: {not_found(store, filters, searched=True)}"
    elsewhere = _tagged_or_set(store, query)
    if trashed := store.trashed_matches(query):  # as `list --tag` counts them
        has = "has" if trashed == 1 else "have"
        elsewhere.append(f"{counted(trashed, 'entry')} in the trash {has} {_quoted(query)} "
                         f"(see {store.hint('trash')})")
    if not elsewhere:
        if said := _words_missing(store, query, filters):
            return f"Nothing found for {_quoted(query)}{said}"
        anywhere = " in any entry" if _given(filters) else ""
        return f"Nothing found for {_quoted(query)}{anywhere}."
    where = " in the journal" if trashed and len(elsewhere) == 1 else " in the entries' text"
    return f"Nothing found for {_quoted(query)}{where}; {'; '.join(elsewhere)}."


_PLAIN_WORD = re.compile(r"\w+(?:'\w+)*")
_WORDS_CHECKED = 8  # a query of more words (a pasted paragraph) is said back as it is


def _words_missing(store: Store, query: str, filters: Filters) -> str:
    """After "Nothing found for 'housing offce'", for a query of a few plain words: which of
    them no entry has, and the words of the journal they are likely slips for
    (`searchfold.word_near`: "; did you mean 'office'"), with the search put right when every
    missing word has a near one and the words found together; or that each is in some entry,
    not together. Nothing when no word is in any entry and none is near one: the message says
    it. The search put right keeps the filters given (`filters`), or says it finds entries
    only without them. Asked only once a search found nothing: an index look-up per word, one
    per word missing for the words near it, and one or two for the search put right."""
    from peerjournal.db.searchfold import in_live_entry, word_near, word_split
    from peerjournal.db.store import OPERATORS
    from peerjournal.plural import joined

    words = query.split()
    distinct = list(dict.fromkeys(words))
    if len(distinct) > _WORDS_CHECKED or not all(
        _PLAIN_WORD.fullmatch(w) and w not in (*OPERATORS, "NEAR") for w in distinct
    ):
        return ""  # ("phrases", prefix*, NEAR(…), -word: as typed)
    missing = [w for w in distinct if not in_live_entry(store.conn, w)]
    if not missing:
        together = ": each word is in some entry, but no entry has them all."
        return together if len(distinct) > 1 else ""
    joins = _joined(store, words, missing)
    covered = {w for pair in joins for w in pair.split()}
    meant = {**joins, **{w: near for w in missing if w not in covered and (
        near := word_split(store.conn, w) or word_near(store.conn, w))}}
    if not meant and missing == distinct:
        return ""
    named = "that word" if distinct == missing == distinct[:1] else joined(
        [_quoted(w) for w in missing], "or")
    said = f": no entry has {named}"
    if not meant:
        return f"{said}."
    nears = joined([_quoted(near) for near in meant.values()], "and")
    if not set(missing) <= covered | set(meant):  # a word left in the search would find nothing
        return f"{said}; did you mean {nears} for {joined(list(map(_quoted, meant)), 'and')}?"
    fixed = _put_right(words, meant)
    if not in_live_entry(store.conn, " ".join(fixed)):
        return f"{said}; near ones are {nears}, but no entry has them all with the rest."
    # (plain words: one with an apostrophe is quoted as a person would type it, "can't")
    again = " ".join(f'"{w}"' if "'" in w else shlex.quote(w) for w in fixed)
    given = _given(filters)
    if given and not store.search(" ".join(fixed), replace(filters, limit=1)):
        those = "those" if len(given) > 1 else "it"
        without = f"without {joined(given, 'and')}: no entry with {those} has the words"
        return f"{said}; did you mean {nears} ({store.hint(f'search {again}')}, {without})?"
    again += _as_options(filters)
    return f"{said}; did you mean {nears} ({store.hint(f'search {again}')})?"


def _joined(store: Store, words: list[str], missing: list[str]) -> dict[str, str]:
    """Two words typed one after the other, one of them in no entry (`missing`), that an
    entry has as one word: {"gam stop": "gamstop"}. An index look-up per such pair."""
    from itertools import pairwise

    from peerjournal.db.searchfold import in_live_entry

    pairs = (f"{first} {second}" for first, second in pairwise(words)
             if first in missing or second in missing)
    return {pair: pair.replace(" ", "") for pair in pairs
            if in_live_entry(store.conn, pair.replace(" ", ""))}


def _put_right(words: list[str], meant: dict[str, str]) -> list[str]:
    """`words` with each word, or pair of words (`_joined`), that `meant` has a word for
    replaced by it; a word split in two ("well being") is two words."""
    fixed: list[str] = []
    rest = words
    while rest:
        pair = " ".join(rest[:2])
        taken = 2 if len(rest) > 1 and pair in meant else 1
        fixed += meant.get(" ".join(rest[:taken]), " ".join(rest[:taken])).split()
        rest = rest[taken:]
    return fixed


class SearchCommand(TyperCommand):
    """`search`, whose words may start with '-' ("-medication": leave that word out). Typed
    without quotes, such a word is read as options (-m …), or as a short option with its value
    ("-nurse" is -n urse): one that is no option, or that gives --limit a value that is no
    number, is a word to leave out, and the command is read again with it among the words
    (`search tea -kettle` is `search 'tea -kettle'`). One that gives --tag or --setting a value
    no entry has ("-tired" is -t ired) is refused once the journal is opened
    (`_words_read_as_filters`): the error names the word as typed and the command, made of
    the writer's own words, that searches for it."""

    # its own parsing refuses an option typed with one dash, naming the word to leave out
    # (`_option_with_one_dash`): the root's check leaves it to that (`cli._refuse_one_dash_option`)
    checks_one_dash = True

    def parse_args(self, ctx: ClickContext, args: list[str]) -> list[str]:
        ctx.meta[_TYPED] = typed_args = list(args)  # (the parser takes them off `args`)
        if slip := self._option_with_one_dash(ctx, typed_args):
            raise slip
        try:
            return super().parse_args(ctx, args)
        except NoSuchOption as exc:
            words, options = self._words_and_options(ctx, typed_args)
            # the parser stops at the first: "-handover" is -h, then "No such option: -a"
            if exc.possibilities or not any(map(_left_out_word, words)):
                raise
        except MissingParameter:  # "search -tea": -t ea, and no word to look for
            self._only_left_out(ctx, typed_args)
            raise
        except BadParameter as exc:  # "-nurse": -n urse, which is no number
            if exc.param is None or exc.param.name != "limit":
                raise
            word = self._misread_word(ctx, "--limit", lambda n: any(map(str.isalpha, n)))
            if word is None:
                raise
            words, options = self._words_and_options(ctx, typed_args, word)
        return super().parse_args(ctx, [*(arg for option in options for arg in option), "--",
                                        *words])

    def _option_with_one_dash(self, ctx: ClickContext, args: list[str]) -> UsageError | None:
        """The error for an option of search's typed with one dash, "-json" for --json (or
        "-JSON", "-limit", "-limit=5", "-since"), before any `--`: meant as the option, not as
        a word to leave out (an entry without the word "json"), which would find entries and
        exit 0 with no JSON. The word itself is left out with NOT json, or typed after `--`."""
        from peerjournal.cli.options import one_dash_option

        slip = one_dash_option(self.get_params(ctx), args)
        if slip is None:
            return None
        typed, meant = slip
        word = typed[1:]
        leave_out = "" if "=" in word else (
            f" To leave out the entries with the word {word!r}, type NOT {word}")
        return UsageError(f"No such option: {typed}; did you mean {meant}?{leave_out}", ctx)

    def _only_left_out(self, ctx: ClickContext, args: list[str]) -> None:
        """Refuse a search of words to leave out alone typed without quotes, "-tea", which the
        parser read as -t ea and so found no QUERY, as `search NOT tea` is refused
        (`_check_searchable`), not with "Missing argument 'QUERY'"."""
        attached = next((arg for arg in args if _left_out_word(arg) and arg[2:].isalpha()), "")
        if not attached:
            return
        words, _ = self._words_and_options(ctx, args, attached)
        if words:
            _check_searchable(" ".join(words))

    def misread(
        self, ctx: ClickContext, option: str, what: str, is_word: Callable[[str], bool]
    ) -> UsageError | None:
        """The error for a word such as "-tired" that the parser read as `option`'s short
        form with its value attached (-t ired, for --tag), when `is_word(value)`: the value
        means nothing as the option's (`what` says why: "a tag no entry has"), so it is a word
        to leave out, typed without quotes. None when there is no such word."""
        word = self._misread_word(ctx, option, is_word)
        if word is None:
            return None
        return self._left_out(ctx, word, f"is read as {option} {shlex.quote(word[2:])}, {what}")

    def _misread_word(
        self, ctx: ClickContext, option: str, is_word: Callable[[str], bool]
    ) -> str | None:
        """The first word typed as `option`'s short form with its value attached ("-tired":
        -t ired) where `is_word(value)`; None when there is none."""
        short = next(
            name
            for param in self.get_params(ctx)
            if option in param.opts
            for name in param.opts
            if not name.startswith("--")
        )
        _, options = self._words_and_options(ctx, ctx.meta[_TYPED])
        for arg, *value in options:
            if not value and arg.startswith(short) and arg != short and is_word(arg[2:]):
                return arg
        return None

    def _left_out(self, ctx: ClickContext, word: str, read: str) -> UsageError:
        """The error for `word`, a word to leave out that the parser did not take as one
        (`read` says how it took it): the command line that searches for it."""
        words, options = self._words_and_options(ctx, ctx.meta[_TYPED], word)
        typed_options = [shlex.quote(arg) for option in options for arg in option]
        query = shlex.quote(" ".join(words))
        if query.startswith(("-", "'-")):  # quotes do not hide a '-' from the parser
            how, line = "a query that starts with '-' goes after --", [*typed_options, "--", query]
        else:
            how, line = "to leave a word out, put the query in quotes", [query, *typed_options]
        app = AppContext.from_ctx(cast(typer.Context, ctx))  # (typer's contexts are)
        hint = app.command_hint(" ".join(["search", *line]))
        return UsageError(f"{word!r} {read}: {how}, as in {hint}", ctx)

    def _words_and_options(
        self, ctx: ClickContext, args: list[str], word: str = ""
    ) -> tuple[list[str], list[list[str]]]:
        """The words of a search command line, and its options as typed, each with its
        value: as the parser reads them, except that a word starting with '-' that is no
        option ("-medication", "-handover" though -h is) is a word, and so is `word`
        ("-tired", which the parser read as -t ired) and, with it, any other short option
        with letters attached ("-nurse" beside "-tired": the command suggested for one must
        not fail on the next)."""
        takes_value = {
            name: not (param.is_flag or param.count)
            for param in self.get_params(ctx)
            if isinstance(param, TyperOption)
            for name in (*param.opts, *param.secondary_opts)
        }
        words: list[str] = []
        options: list[list[str]] = []
        rest = iter(args)
        for arg in rest:
            name = arg.split("=", 1)[0] if arg.startswith("--") else arg[:2]
            if arg == "--":
                words += rest
            elif (
                arg != word
                and not (word and not arg.startswith("--") and arg[2:].isalpha())
                and name in takes_value
                and (name == arg.split("=", 1)[0] or takes_value[name])
            ):
                if takes_value[name] and arg == name:  # its value is the next argument
                    options.append([arg, next(rest, "")])
                else:
                    options.append([arg])
            else:
                words.append(arg)
        return words, options


def _left_out_word(word: str) -> bool:
    """Whether `word`, among a search's words, is one to leave out typed without quotes
    ("-kettle"; not "-" or "--")."""
    return word.startswith("-") and word[1:2] not in ("", "-")


def _words_read_as_filters(ctx: typer.Context, store: Store) -> UsageError | None:
    """The error for "-tired" or "-sad" after a search's words when no entry has the tag or
    setting the parser read it as (-t ired, -s ad): a word to leave out, as "-medication" is
    (see `SearchCommand`). Typed apart (-t ired, --tag ired) or naming a tag or setting an
    entry has, it is the filter."""
    from peerjournal.cli.options import tag_filter, typed

    command = cast(SearchCommand, ctx.command)
    return command.misread(
        ctx, "--tag", "a tag no entry has",
        lambda tags: not all(store.tagged(tag) for tag in tag_filter([tags])),
    ) or command.misread(
        ctx, "--setting", "a setting no entry has",
        lambda setting: not store.with_setting(typed(setting)),
    )


def entries_lost(store: Store) -> bool:
    """Whether a read past damage left out entries that cannot be read: then "no entries"
    (or a count of them) is not known, and the command's closing note says why."""
    return bool(store.lost or store.unnamed_lost)


def empty_journal(trashed: int) -> str:
    if not trashed:
        return "No entries yet. Write one with `peerjournal write`."
    return (
        f"No entries in the journal; {counted(trashed, 'entry')} "
        f"{'is' if trashed == 1 else 'are'} in the trash (`peerjournal trash`)."
    )


def _no_tags(store: Store) -> str:
    """What `tags` says when no entry in the journal has a tag: whether entries in the trash
    have some (their tags are not listed, but `list --tag` names them too)."""
    if in_trash := len(store.tag_counts(trashed=True)):
        return (
            f"No entry in the journal has a tag; entries in the trash have "
            f"{counted(in_trash, 'tag')} (`peerjournal trash`)."
        )
    return "No tags yet. Add some with `peerjournal write --tag NAME`."


def _say_stale(app: AppContext, ids: list[int], shown: str) -> None:
    """Below entries whose stored drift verdicts (and --json's numbers) were shown: that some
    are from another lexicon or version of peerjournal, as `report` says (`say_stale_shown`)."""
    from peerjournal.cli.stale import say_stale_shown

    say_stale_shown(app, ids, shown)


def register(app: typer.Typer) -> None:
    @app.command("list")
    def list_entries(
        ctx: typer.Context,
        since: Since = None,
        until: Until = None,
        tag: Tags = None,
        setting: Setting = None,
        limit: Limit = 20,
        json_out: Json = False,
    ) -> None:
        """List entries, newest first.

        The newest 20 unless -n is given; --json lists every one unless -n is given."""
        app_ctx = AppContext.from_ctx(ctx)
        limit = page_limit(ctx, limit, json_out)
        filters = build_filters(app_ctx, since, until, tag, setting, limit)
        store = app_ctx.store()
        entries, more = one_page(
            filters.limit, lambda n: store.list(replace(filters, limit=n))
        )
        if json_out:
            data = with_scores(app_ctx, [e.to_json() for e in entries])
            stdout_whole(lambda: app_ctx.print_json(data))
            _say_stale(app_ctx, [e.id for e in entries], "listed")
        elif not entries:
            if entries_lost(store):
                pass  # "no entries" would contradict the closing note: some cannot be read
            elif _given(filters):
                app_ctx.say(f"No entries match: {not_found(store, filters)}")
            else:
                from peerjournal.db.stats import live_and_trashed

                app_ctx.say(empty_journal(len(live_and_trashed(store)[1])))
            return
        else:
            from peerjournal.render.entries import entry_table

            print_whole_of(app_ctx.out, lambda: app_ctx.out.print(entry_table(entries)))
            _say_stale(app_ctx, [e.id for e in entries], "listed")
        if more:
            app_ctx.say(
                f"Showing the newest {counted(len(entries), 'entry')}; there are more: "
                f"`--limit 0` lists them all{_narrow_further(filters)}."
            )

    @app.command(short_help="Show one entry.")
    def show(
        ctx: typer.Context,
        entry_id: int = entry_id_argument("The entry's ID (see `list`)."),
        json_out: Json = False,
    ) -> None:
        """Show one entry, one panel per element."""
        from peerjournal.cli.trash import live_entry

        app_ctx = AppContext.from_ctx(ctx)
        entry = live_entry(app_ctx.store(), entry_id)
        if json_out:
            data = with_scores(app_ctx, [entry.to_json()])[0]
            stdout_whole(lambda: app_ctx.print_json(data))
        else:
            from peerjournal.reflection import shown_layout
            from peerjournal.render.entries import entry_view

            view = entry_view(entry, shown_layout(entry.answers, entry.prompt_set),
                              app_ctx.command_text("drift"))
            print_whole_of(app_ctx.out, lambda: app_ctx.out.print(view))
        _say_stale(app_ctx, [entry.id], "shown")

    @app.command(short_help="Search the text of every entry.", cls=SearchCommand)
    def search(
        ctx: typer.Context,
        words: list[str] = typer.Argument(
            ...,
            metavar="QUERY",
            help='Words (no quotes needed), "a phrase", prefix*, NEAR(a b), AND/OR (in '
            "capitals). -word or NOT word leaves out the entries that have it: search tea "
            "-kettle (a query needs a word to find, too). A -word read as a filter with its "
            "value (-tired: -t ired; -sad: -s ad) needs the query in quotes, 'tea -tired', "
            "or after --: search -- -word tea.",
        ),
        since: Since = None,
        until: Until = None,
        tag: Tags = None,
        setting: Setting = None,
        limit: Limit = 20,
        json_out: Json = False,
    ) -> None:
        """Full-text search over the text of every entry, best matches first (tags and
        settings: list --tag, list --setting).

        Case and accents do not matter: strasse finds Straße, cafe finds Café, lodz finds
        Łódź, and first finds text pasted from a PDF with a ligature in it. A word in Chinese,
        Japanese or Korean is found inside a sentence.

        The best 20 unless -n is given; --json gives every match unless -n is given."""
        app_ctx = AppContext.from_ctx(ctx)
        from peerjournal.textsafe import from_command_line

        # `search housing office` is `search "housing office"`; UTF-8 typed under an ASCII
        # locale is read as UTF-8 (`textsafe.from_command_line`)
        query, note = from_command_line(" ".join(words))
        if note:
            app_ctx.say(note)
        filters = build_filters(app_ctx, since, until, tag, setting,
                                page_limit(ctx, limit, json_out))
        query = _bracketed_near(app_ctx, _closed_near(app_ctx, query))
        _check_searchable(query)
        _note_ignored(app_ctx, query)
        store = app_ctx.store()
        if misread := _words_read_as_filters(ctx, store):
            raise misread
        found, more = one_page(
            filters.limit, lambda n: store.search(query, replace(filters, limit=n))
        )
        hits = [_one_line(hit) for hit in found]
        if json_out:
            data = with_scores(app_ctx, [h.to_json() for h in hits])
            stdout_whole(lambda: app_ctx.print_json(data))
            _say_stale(app_ctx, [h.entry.id for h in hits], "found")
        elif not hits:
            app_ctx.say(_nothing_found(store, query, filters))
            return
        else:
            from peerjournal.render.entries import search_results

            print_whole_of(app_ctx.out, lambda: app_ctx.out.print(search_results(hits)))
        if more:
            app_ctx.say(
                f"Showing the best {counted(len(hits), 'match', 'matches')}; there are more: "
                "`--limit 0` shows them all."
            )

    @app.command(short_help="List tags, with entry counts.")
    def tags(ctx: typer.Context, json_out: Json = False) -> None:
        """Tags with the number of entries for each."""
        app_ctx = AppContext.from_ctx(ctx)
        counts = app_ctx.store().tag_counts()
        if json_out:
            app_ctx.print_json([{"tag": t, "entries": n} for t, n in counts])
            return
        if not counts:
            app_ctx.say(_no_tags(app_ctx.store()))
            return
        from peerjournal.render.console import stand_ins
        from peerjournal.render.entries import tag_lines

        # in one write, as tables are printed: `tags | head -1` ends alike every time; what
        # an ASCII or Latin-1 stdout cannot carry as a table shows it (typer.echo sent UTF-8)
        encoding = app_ctx.out.encoding
        typer.echo("\n".join(stand_ins(line, encoding) for line in tag_lines(counts)))
