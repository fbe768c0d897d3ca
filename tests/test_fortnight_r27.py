"""Round 27 (QA 5 and 6): "a fortnight ago", "N fortnights ago" and the period "last
fortnight" (the two whole weeks before this one) are read as dates; and a search whose only
words are FTS5 operators or what they leave out ("NOT Sam", "OR") says so, as `-Sam` does,
while a dangling operator ("Sam NOT") is a search for the word beside it."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest

from conftest import CLI
from peerjournal.dates import parse_bound, parse_date, period
from peerjournal.errors import PeerJournalError

Add = Callable[..., int]
TODAY = date(2026, 11, 20)  # a Friday (FIXED_NOW); this week began on Monday 16 Nov


# -- 1. fortnights -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a fortnight ago", date(2026, 11, 6)),
        ("fortnight ago", date(2026, 11, 6)),
        ("A  Fortnight  Ago", date(2026, 11, 6)),
        ("2 fortnights ago", date(2026, 10, 23)),
        ("two fortnights ago", date(2026, 10, 23)),
        ("in a fortnight", date(2026, 12, 4)),  # read, so a past-only option can say "future"
        ("week ago", date(2026, 11, 13)),
    ],
)
def test_fortnights_ago_are_fourteen_days_each(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected
    assert parse_bound(text, TODAY) == parse_bound(text, TODAY, until=True) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("a few fortnights ago", "'a few' is not an exact number. Give one, such as "
         "'3 fortnights ago'."),
        ("weeks ago", "it gives no number. Give one, such as '3 weeks ago'."),
    ],
)
def test_a_fortnight_count_that_is_no_number_is_refused_saying_so(text: str, why: str) -> None:
    with pytest.raises(PeerJournalError) as caught:
        parse_date(text, TODAY)
    assert str(caught.value) == f"Could not read the date {text!r}: {why}"


@pytest.mark.parametrize(
    "today",
    [TODAY, date(2026, 11, 16), date(2026, 11, 22), date(2027, 1, 3)],  # Fri, Mon, Sun, new year
)
def test_last_fortnight_is_the_two_whole_weeks_before_this_one(today: date) -> None:
    span = period("last fortnight", today)
    last_week = period("last week", today)
    assert span is not None and last_week is not None
    first, last = span
    assert first.weekday() == 0 and last.weekday() == 6  # Monday to Sunday
    assert (last - first).days == 13
    assert last == last_week[1]  # it ends where last week does, the day before this week
    assert (today - first).days >= 14  # so --since "last fortnight" covers the last 14 days


def test_list_since_and_until_last_fortnight(cli: CLI, add: Add) -> None:
    ids = {day: add(f"Shift on {day}.", "--date", day) for day in
           ("2026-11-01", "2026-11-02", "2026-11-15", "2026-11-16")}
    result = cli("list", "--since", "last fortnight", "--until", "last fortnight", "--json")
    assert result.exit_code == 0, result.stderr
    assert [e["id"] for e in json.loads(result.stdout)] == [ids["2026-11-15"], ids["2026-11-02"]]
    since = cli("list", "--since", "a fortnight ago", "--json")
    assert [e["id"] for e in json.loads(since.stdout)] == [ids["2026-11-16"], ids["2026-11-15"]]


def test_this_fortnight_is_refused_naming_what_to_type(cli: CLI) -> None:
    result = cli("list", "--since", "this fortnight")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        "peerjournal: 'this fortnight' is no calendar period: a fortnight has no set first day. "
        "Use 'past fortnight' (the last 14 days), 'last fortnight' (the two weeks before "
        "this one) or 'this week'.\n"
    )


def test_one_day_options_take_a_fortnight_ago_but_not_last_fortnight(cli: CLI, add: Add) -> None:
    entry = add("Supervision prep.", "--date", "a fortnight ago")
    shown = json.loads(cli("show", str(entry), "--json").stdout)
    assert shown["date"] == "2026-11-06"
    refused = cli("write", "--experience", "Another.", "--date", "last fortnight")
    assert refused.exit_code == 1
    assert "'last fortnight' is a period, not one day. Give one day, such as '2 Nov 2026'" in (
        refused.stderr)
    assert len(json.loads(cli("list", "--json").stdout)) == 1


# -- 2. search operators -------------------------------------------------------------------


@pytest.mark.parametrize("query", ["NOT Sam", "NOT Sam NOT Jo", "AND NOT Sam"])
def test_a_query_that_only_leaves_words_out_with_not_says_so(
    cli: CLI, add: Add, query: str
) -> None:
    add("Sam came to group and we talked about housing.")
    result = cli("search", query)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: Search needs a word to look for: {query!r} only leaves words out "
        "(as in `search 'handover -housing'`).\n"
    )
    assert result.stderr.replace(repr(query), "'-Sam'") == cli("search", "--", "-Sam").stderr


@pytest.mark.parametrize(("query", "word"), [("OR", "or"), ("AND NOT", "and"), ("NOT", "not")])
def test_a_query_of_operators_alone_says_how_to_search_for_the_word(
    cli: CLI, add: Add, query: str, word: str
) -> None:
    add("Not sure whether to stay and wait or go.")
    result = cli("search", query)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: Nothing to search for in {query!r}: AND, OR and NOT in capitals join "
        f"words; type {word!r} in lower case to look for the word.\n"
    )
    assert json.loads(cli("search", word, "--json").stdout)  # in lower case, it is a word


def _found(cli: CLI, query: str) -> list[int]:
    result = cli("search", query, "--json")
    assert result.exit_code == 0, result.stderr
    return sorted(hit["id"] for hit in json.loads(result.stdout))


def test_operators_join_words_as_the_user_means(cli: CLI, add: Add) -> None:
    sam = add("Sam came to group and we talked about housing.")
    jo = add("Jo was not coping at handover.")
    both = add("Sam and Jo met at the cafe.")
    assert _found(cli, "Sam NOT") == _found(cli, "Sam AND") == _found(cli, "OR Sam") == [
        sam, both]  # a dangling operator is left out, never searched for as "not"
    assert _found(cli, "Sam NOT Jo") == _found(cli, "Sam AND NOT Jo") == [sam]
    assert _found(cli, "housing OR handover") == [sam, jo]
    assert _found(cli, "housing OR handover NOT") == [sam, jo]  # (FTS5 refuses it as typed)
    assert _found(cli, "cafe OR housing AND Sam") == [sam, both]
    assert _found(cli, "not coping") == [jo]  # in lower case, "not" is a word
    assert cli("search", "Jo NOT").stdout == cli("search", "Jo").stdout


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        (["handover", "-tired", "-nurse"], "search 'handover -tired -nurse'"),
        (["handover", "-Jo", "-tired"], "search 'handover -Jo -tired'"),
        (["handover", "-n5", "-tired"], "search 'handover -tired' -n5"),
    ],
)
def test_the_command_suggested_for_a_misread_word_takes_every_such_word(
    cli: CLI, add: Add, typed: list[str], suggested: str
) -> None:
    """QA: for `handover -tired -nurse` the suggestion kept -tired as an option, and failed
    again when typed."""
    add("Long handover tonight and I was tired after.")
    result = cli("search", *typed)
    assert result.exit_code == 2
    assert f"`peerjournal {suggested}`" in result.stderr
