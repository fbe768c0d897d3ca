"""Search, round 28: a word with an apostrophe (Jo's, don't) is one term, as the index reads
it; "Sam OR NOT Jo", which FTS5 cannot read, is refused rather than silently searched as
"Sam NOT Jo"; a tag stored with a full stop (a hand edit) is found by `list --tag` as `tags`
lists it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, search_hits

Add = Callable[..., int]

# -- a word with an apostrophe ---------------------------------------------------------------


@pytest.fixture
def journal(add: Add) -> dict[str, int]:
    """Entries with Jo's, Jo and an s apart, Sam, don't and it's: each by its name."""
    return {
        "sam": add("Sam came by the ward."),
        "jos": add("Talked about Jo's housing; it's going well."),
        "apart": add("Jo said yes, it was s grade."),  # jo, it and s, not as Jo's or it's
        "dont": add("Don't forget the forms."),
        "curly": add("Jo’s curly apostrophe; it’s Sam who typed it."),
    }


APOSTROPHE_QUERIES = [
    # (query, the entries found): Jo's is the phrase "jo s", never jo AND s anywhere
    ("Sam OR Jo's", {"sam", "jos", "curly"}),  # was (Sam OR Jo) AND s: Sam alone not found
    ("Jo's", {"jos", "curly"}),
    ("JO’S", {"jos", "curly"}),  # a curly apostrophe typed, and any case
    ("don't", {"dont"}),
    ("it's -Sam", {"jos"}),  # was it AND s, NOT Sam: the entry with "it was s" too
    ("Sam -Jo's", {"sam"}),
    ("Jo's housing", {"jos"}),
    ('"Jo\'s housing"', {"jos"}),  # inside a phrase, as before
    ("NEAR(Jo's housing)", {"jos"}),
]


@pytest.mark.parametrize(("query", "found"), APOSTROPHE_QUERIES)
def test_a_word_with_an_apostrophe_is_one_term(cli: CLI, journal: dict[str, int], query: str,
                                               found: set[str]) -> None:
    hits = search_hits(cli, query)
    assert {hit["id"] for hit in hits} == {journal[name] for name in found}


def test_an_apostrophe_word_is_highlighted_as_written(cli: CLI, add: Add) -> None:
    entry = add("We talked about Jo's move.")
    [hit] = search_hits(cli, "jo's")
    assert (hit["id"], hit["matches"]) == (entry, ["Jo's"])


def test_several_unquoted_words_with_apostrophes(cli: CLI, add: Add) -> None:
    """`search Jo's don't`, typed without quotes: each word is its own term."""
    both = add("Jo's flat: don't rush it.")
    add("Jo's flat.")
    assert [hit["id"] for hit in search_hits(cli, "Jo's", "don't")] == [both]


# -- OR NOT ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "suggested"),
    [
        (["Sam OR NOT Jo"], "'Sam NOT Jo'"),
        (["Sam", "OR", "NOT", "Jo"], "'Sam NOT Jo'"),  # typed without quotes
        (["Sam OR -Jo"], "'Sam NOT Jo'"),
        (["Sam OR NOT Jo OR -Al"], "'Sam NOT Jo NOT Al'"),
        (['Sam OR NOT "Jo Al"'], "'Sam NOT \"Jo Al\"'"),
        # brackets did not hide it (QA: "Sam OR (NOT Jo)" found only the entry with Jo)
        (["Sam OR (NOT Jo)"], "'Sam NOT Jo'"),
        (["Sam OR (-Jo)"], "'Sam NOT Jo'"),
        (["Sam OR NOT(Jo)"], "'Sam NOT (Jo)'"),
        (["Sam OR ( NOT Jo Al )"], "'Sam NOT Jo Al'"),
    ],
)
def test_or_not_is_refused_with_what_to_type(cli: CLI, add: Add, query: list[str],
                                             suggested: str) -> None:
    add("Sam came by.")
    result = cli("search", *query)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1  # one line
    assert "NOT (or -word) leaves words out of what comes before it, so it cannot follow OR" in (
        result.stderr
    )
    assert f"try {suggested} to leave them out." in result.stderr


@pytest.mark.parametrize(
    "query",
    ["Sam AND NOT Jo", "Sam NOT Jo", "Sam -Jo", '"Sam OR NOT Jo" Sam', "Sam OR not Jo",
     "Sam OR Jo NOT Al"],
)
def test_not_that_does_not_follow_or_still_searches(cli: CLI, add: Add, query: str) -> None:
    """NOT after AND (or alone) leaves words out as FTS5 reads it; in a "phrase" and in lower
    case it is a word."""
    add("Sam OR NOT Jo: Sam came by, not Jo.")
    result = cli("search", "--json", query)
    assert result.exit_code == 0, result.stderr


def test_and_not_leaves_the_word_out(cli: CLI, add: Add) -> None:
    sam = add("Sam came by.")
    add("Sam and Jo came by.")
    assert [hit["id"] for hit in search_hits(cli, "Sam AND NOT Jo")] == [sam]


# -- a tag stored with a full stop -----------------------------------------------------------


def _stored_with_a_stop(isolated: Path, entry: int, tag: str) -> None:
    """A hand edit of the journal (revision 0011 took the full stops off)."""
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("UPDATE entry_tag SET tag = ? WHERE entry_id = ?", (tag, entry))


@pytest.mark.parametrize("typed", ["ward.", "ward", "Ward.", "#ward"])
def test_list_tag_finds_a_tag_stored_with_a_full_stop(cli: CLI, add: Add, isolated: Path,
                                                      typed: str) -> None:
    stopped = add("On the ward, by hand.", "--tag", "ward")
    plain = add("On the ward.", "--tag", "ward")
    add("Elsewhere.", "--tag", "housing")
    _stored_with_a_stop(isolated, stopped, "ward.")
    tags = cli("tags", "--json")
    assert {t["tag"] for t in json.loads(tags.stdout)} == {"ward", "housing"}  # one row
    listed = cli("list", "--json", "--tag", typed)
    assert listed.exit_code == 0, listed.stderr
    assert [e["id"] for e in json.loads(listed.stdout)] == [plain, stopped]
    assert {hit["id"] for hit in search_hits(cli, "ward", "--tag", typed)} == {plain, stopped}


def test_a_tag_stored_with_a_full_stop_counts_in_the_hint(cli: CLI, add: Add,
                                                          isolated: Path) -> None:
    """A search that finds nothing says the word is a tag, counting the stored "ward." too."""
    _stored_with_a_stop(isolated, add("A quiet day.", "--tag", "ward"), "ward.")
    result = cli("search", "ward")
    assert result.exit_code == 0
    assert "1 entry is tagged ward (`peerjournal list --tag ward`)" in result.stderr


def test_a_new_tag_still_loses_its_full_stop(cli: CLI, add: Add, isolated: Path) -> None:
    entry = add("A new entry.", "--tag", "ward.")
    with sqlite3.connect(isolated / "journal.db") as conn:
        assert conn.execute("SELECT tag FROM entry_tag WHERE entry_id = ?", (entry,)).fetchall() \
            == [("ward",)]


def test_a_tag_with_inner_dots_is_not_another(cli: CLI, add: Add) -> None:
    """Only a full stop after the tag goes: v1.2 is not v1 nor v12."""
    versioned = add("Release notes.", "--tag", "v1.2")
    add("Older.", "--tag", "v1")
    listed = cli("list", "--json", "--tag", "v1.2")
    assert [e["id"] for e in json.loads(listed.stdout)] == [versioned]
