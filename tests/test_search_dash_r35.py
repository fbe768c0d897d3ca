"""Round 35: a word to leave out, typed without quotes, is left out.

Before: `search tea -kettle` answered "'-kettle' is not an option: to leave a word out, put the
query in quotes", exit 2, and `search tea -nurse` "'-nurse' is read as --limit urse": the
writer had to type the command again. Now both search as `search 'tea -kettle'` does. A -word
read as a filter an entry has, or none has (-tired: --tag ired), still says what to type."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from conftest import CLI

Add = Callable[..., int]


@pytest.fixture
def teas(add: Add) -> dict[str, int]:
    return {
        "plain": add("We had tea together after group."),
        "kettle": add("The kettle broke, so no tea today."),
        "nurse": add("Tea with the nurse on the ward."),
        "other": add("A walk by the river."),
    }


def found(cli: CLI, *args: str) -> list[int]:
    result = cli("search", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return sorted(hit["id"] for hit in json.loads(result.stdout))


@pytest.mark.parametrize(
    ("typed", "left_out"),
    [
        (["tea", "-kettle"], "kettle"),
        (["-kettle", "tea"], "kettle"),
        (["tea", "-nurse"], "nurse"),  # (-n urse: no number for --limit)
        (["tea", "-kettle", "-n", "5"], "kettle"),
        (["tea", "-kettle", "--limit", "5", "--since", "2026-01-01"], "kettle"),
    ],
)
def test_a_word_typed_with_a_dash_and_no_quotes_is_left_out(
    cli: CLI, teas: dict[str, int], typed: list[str], left_out: str
) -> None:
    wanted = sorted(i for name, i in teas.items() if name not in (left_out, "other"))
    assert found(cli, *typed) == wanted
    assert found(cli, f"tea -{left_out}") == wanted  # (as the query in quotes)


def test_not_in_capitals_leaves_out_as_a_dash_does(cli: CLI, teas: dict[str, int]) -> None:
    assert found(cli, "tea", "NOT", "kettle") == found(cli, "tea", "-kettle")


def test_a_query_that_only_leaves_words_out_still_says_a_word_is_needed(
    cli: CLI, teas: dict[str, int]
) -> None:
    for typed in (["-kettle"], ["--", "-kettle"], ["NOT kettle"]):
        result = cli("search", *typed)
        assert result.exit_code == 1 and result.stdout == ""
        assert result.stderr.startswith("peerjournal: Search needs a word to look for: ")
        assert result.stderr.count("\n") == 1


def test_a_mistyped_long_option_is_still_an_error(cli: CLI, teas: dict[str, int]) -> None:
    result = cli("search", "tea", "--limt", "3")
    assert result.exit_code == 2 and "Did you mean --limit?" in result.stderr


def test_a_dash_word_read_as_a_tag_no_entry_has_says_what_to_type(
    cli: CLI, teas: dict[str, int]
) -> None:
    result = cli("search", "tea", "-tired")
    assert result.exit_code == 2 and result.stdout == ""
    assert "`peerjournal search 'tea -tired'`" in result.stderr


def test_help_says_how_to_leave_a_word_out(cli: CLI) -> None:
    shown = " ".join(cli("search", "--help").stdout.split())
    assert "-word or NOT word leaves out the entries that have it: search tea -kettle" in shown
    assert "needs the query in quotes, 'tea -tired'" in shown
