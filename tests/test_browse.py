"""Finding entries again: list, show, search, tags."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CLI

Add = Callable[..., int]
# What search says about a query with no word to look for: none at all, or only `-word`s.
NO_WORDS = "peerjournal: Nothing to search for in "
ONLY_EXCLUDED = "peerjournal: Search needs a word to look for: "


def as_json(cli: CLI, *args: str) -> Any:
    result = cli(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def journal(add: Add) -> dict[str, int]:
    """Four entries over three weeks, in a mixed order."""
    return {
        "old": add("Visited Ana at the hostel; we planned her move.", "--date", "2026-11-01",
                   "--setting", "housing", "--tag", "move"),
        "crisis": add("A long call on the crisis line about sleep.", "--date", "2026-11-18",
                      "--setting", "crisis", "--tag", "night", "--tag", "phone"),
        "group": add("Ran the Tuesday group; people talked about hope.", "--date", "2026-11-17",
                     "--setting", "group", "--tag", "night"),
        "today": add("Coffee with a colleague who is new to peer work.", "--setting", "Community"),
    }


def test_list_is_newest_first(cli: CLI, journal: dict[str, int]) -> None:
    dates = [e["date"] for e in as_json(cli, "list")]
    assert dates == ["2026-11-20", "2026-11-18", "2026-11-17", "2026-11-01"]


def test_list_table(cli: CLI, journal: dict[str, int]) -> None:
    result = cli("list")
    assert result.exit_code == 0
    for column in ("ID", "Date", "Setting", "Tags", "Experience"):
        assert column in result.stdout
    assert "Coffee with a colleague" in result.stdout
    assert result.stdout.index("2026-11-20") < result.stdout.index("2026-11-01")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--since", "2026-11-17"], ["today", "crisis", "group"]),
        (["--until", "3 days ago"], ["group", "old"]),
        (["--since", "1 week ago", "--until", "yesterday"], ["crisis", "group"]),
        (["--tag", "night"], ["crisis", "group"]),
        (["--tag", "#Night", "--tag", "phone"], ["crisis"]),
        (["--setting", "community"], ["today"]),
        (["--setting", "CRISIS"], ["crisis"]),
        (["--limit", "2"], ["today", "crisis"]),
        (["--limit", "0"], ["today", "crisis", "group", "old"]),
        (["--tag", "nothing-has-this"], []),
    ],
)
def test_list_filters(cli: CLI, journal: dict[str, int], options: list[str],
                      expected: list[str]) -> None:
    ids = [e["id"] for e in as_json(cli, "list", *options)]
    assert ids == [journal[name] for name in expected]


def test_list_default_limit_is_20(cli: CLI, add: Add) -> None:
    from datetime import date, datetime

    from peerjournal.db.store import Store
    from peerjournal.entry import EntryDraft
    from peerjournal.paths import db_path

    store = Store(db_path())
    drafts = [EntryDraft(date=date(2026, 1, 1 + n), experience=f"Entry {n}") for n in range(25)]
    store.add_entries(drafts, datetime(2026, 2, 1, tzinfo=UTC), [None] * 25)
    store.close()
    listed = cli("list")
    assert listed.stdout.count("Entry ") == 20 and "Showing the newest 20 entries" in listed.stderr
    assert len(as_json(cli, "list")) == 25  # --json: every one unless -n (round 42)


def test_filters_with_bad_dates_or_order(cli: CLI, journal: dict[str, int]) -> None:
    result = cli("list", "--since", "whenever")
    assert result.exit_code == 1 and "yesterday" in result.stderr
    result = cli("list", "--since", "today", "--until", "yesterday")
    assert result.exit_code == 1 and "after --until" in result.stderr
    assert cli("list", "--limit", "-1").exit_code == 2


def test_empty_journal_says_so(cli: CLI) -> None:
    result = cli("list")
    assert result.exit_code == 0 and result.stdout == ""
    assert "No entries yet. Write one with `peerjournal write`." in result.stderr
    assert as_json(cli, "list") == []


def test_filters_that_match_nothing_say_so_rather_than_suggest_writing(cli: CLI,
                                                                       add: Add) -> None:
    add()
    result = cli("list", "--tag", "nosuchtag")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == (
        "No entries match: no entry is tagged nosuchtag (`peerjournal tags` lists the tags).\n"
    )


def test_show_panels_and_json(cli: CLI, add: Add) -> None:
    entry_id = add("We walked.", "--feelings", "Calm.", "--evaluation", "Good.",
                   "--self-care", "Bath.", "--tag", "walk")
    result = cli("show", str(entry_id))
    assert result.exit_code == 0
    for title in ("Experience", "Feelings", "Evaluation", "Self-care", "#walk"):
        assert title in result.stdout
    data = as_json(cli, "show", str(entry_id))
    assert (data["experience"], data["feelings"], data["self_care"]) == ("We walked.", "Calm.",
                                                                         "Bath.")


@pytest.mark.parametrize("entry_id", ["999", "99999999999999999999999"])  # (0: a usage error)
@pytest.mark.parametrize("command", ["show", "edit", "delete", "restore"])
def test_unknown_id_is_not_found(cli: CLI, add: Add, command: str, entry_id: str) -> None:
    add()
    result = cli(command, entry_id)
    assert result.exit_code == 3
    assert f"No entry {entry_id}" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_huge_limit_means_no_limit(cli: CLI, journal: dict[str, int]) -> None:
    assert len(as_json(cli, "list", "--limit", "99999999999999999999999")) == 4
    assert len(as_json(cli, "search", "about", "--limit", "99999999999999999999999")) == 2


def test_rich_markup_in_entries_prints_as_written(cli: CLI, add: Add) -> None:
    text = "She said [bold]stop[/bold] and [red]meant it[/]. :smile: [link=x]y[/link]"
    entry_id = add(text, "--setting", "[i]ward[/i]", "--feelings", "[dim]tired[/dim]")
    shown = cli("show", str(entry_id)).stdout
    assert text in shown and "[dim]tired[/dim]" in shown and "[i]ward[/i]" in shown
    assert "[bold]stop[/bold]" in cli("list").stdout
    assert "[bold]stop[/bold]" in cli("search", "stop").stdout


def test_search_finds_ranked_matches_with_snippets(cli: CLI, journal: dict[str, int]) -> None:
    hits = as_json(cli, "search", "night OR sleep OR hope")
    assert {h["id"] for h in hits} == {journal["crisis"], journal["group"]}
    crisis = next(h for h in hits if h["id"] == journal["crisis"])
    assert "sleep" in crisis["snippet"] and crisis["matches"] == ["sleep"]
    assert set(crisis) >= {"id", "date", "experience", "snippet", "matches"}
    result = cli("search", "hostel")
    assert result.exit_code == 0 and "hostel" in result.stdout


def test_search_takes_the_list_filters(cli: CLI, journal: dict[str, int]) -> None:
    assert [h["id"] for h in as_json(cli, "search", "about", "--tag", "phone")] == [
        journal["crisis"]]
    assert as_json(cli, "search", "about", "--since", "today") == []
    assert [h["id"] for h in as_json(cli, "search", "about", "--setting", "group")] == [
        journal["group"]]
    assert len(as_json(cli, "search", "about", "--limit", "1")) == 1


def test_search_stemming_and_prefixes(cli: CLI, journal: dict[str, int]) -> None:
    assert [h["id"] for h in as_json(cli, "search", "planning")] == [journal["old"]]
    assert [h["id"] for h in as_json(cli, "search", "colleag*")] == [journal["today"]]


def test_nothing_found_is_a_message_not_an_error(cli: CLI, journal: dict[str, int]) -> None:
    result = cli("search", "xylophone")
    assert result.exit_code == 0 and result.stdout == ""
    assert "Nothing found" in result.stderr


def test_search_does_not_show_the_trash(cli: CLI, journal: dict[str, int]) -> None:
    cli("delete", str(journal["old"]))
    assert as_json(cli, "search", "hostel") == []


@pytest.mark.parametrize(
    "query",
    ['"long call"', '"unbalanced', 'crisis"', "*", "call*", "-sleep", "crisis -sleep", "- -",
     "NEAR(long call)", "NEAR(a b", "experience:call", "call:", ":", "AND", "OR OR", "NOT",
     "(", ")", "a'b", "^call", "call + line", "{experience}: call", "'", "😀", "\\", "%", "_"],
)
def test_any_typed_query_gives_results_or_a_clear_message(
    cli: CLI, journal: dict[str, int], query: str
) -> None:
    result = cli("search", "--", query)  # `--`: a query may start with "-"
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stderr and "Unexpected" not in result.stderr
    if result.exit_code == 1:
        assert result.stderr.startswith(ONLY_EXCLUDED if query == "-sleep" else NO_WORDS)


@pytest.mark.parametrize("args", [["list", "--setting", "\udcff"],
                                  ["search", "call", "--setting", "\udcff"]])
def test_non_utf8_bytes_in_a_query_are_a_clear_error(cli: CLI, journal: dict[str, int],
                                                     args: list[str]) -> None:
    """Round 36: a filter's bytes that are not UTF-8 are read as `write` reads them (0xff is
    'ÿ' in Windows-1252), as search words are (test_data4_r36); was exit 1, "not UTF-8"."""
    result = cli(*args)
    assert result.exit_code == 0
    assert "the setting 'ÿ'" in result.stderr and "Unexpected" not in result.stderr


def test_phrases_and_exclusions_mean_what_they_say(cli: CLI, journal: dict[str, int]) -> None:
    assert [h["id"] for h in as_json(cli, "search", '"long call"')] == [journal["crisis"]]
    assert as_json(cli, "search", '"call long"') == []
    about = {h["id"] for h in as_json(cli, "search", "about -sleep")}
    assert about == {journal["group"]}
    assert [h["id"] for h in as_json(cli, "search", '"unbalanced phrase about sleep')] == []
    assert [h["id"] for h in as_json(cli, "search", '"long call')] == [journal["crisis"]]


def test_a_query_starting_with_a_dash_is_explained_in_help(cli: CLI) -> None:
    assert "search -- -word" in " ".join(cli("search", "--help").stdout.split())


def test_empty_query_is_a_clear_message(cli: CLI, journal: dict[str, int]) -> None:
    for query in ("", "   ", "-", "***"):
        result = cli("search", "--", query)
        assert result.exit_code == 1
        assert "Nothing to search for" in result.stderr


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=25))
def test_search_never_crashes(cli: CLI, journal: dict[str, int], query: str) -> None:
    if "\x00" in query:  # a NUL cannot be passed as a command-line argument
        return
    result = cli("search", "--json", "--", query)
    assert result.exit_code in (0, 1), (query, result.stderr)
    if result.exit_code == 0:
        assert isinstance(json.loads(result.stdout), list)
    else:
        assert result.stderr.startswith((NO_WORDS, ONLY_EXCLUDED)), (query, result.stderr)


def test_tags_with_counts(cli: CLI, journal: dict[str, int]) -> None:
    result = cli("tags")
    assert result.exit_code == 0
    lines = [line.split() for line in result.stdout.splitlines()]
    assert lines == [["night", "2"], ["move", "1"], ["phone", "1"]]
    assert as_json(cli, "tags")[0] == {"tag": "night", "entries": 2}
    cli("delete", str(journal["old"]))
    assert "move" not in cli("tags").stdout


def test_no_tags_yet(cli: CLI) -> None:
    result = cli("tags")
    assert result.exit_code == 0 and "No tags yet" in result.stderr


@pytest.mark.parametrize("command", ["show", "edit", "delete", "restore", "share", "drift"])
def test_an_id_that_is_not_a_number_says_what_an_id_is(cli: CLI, command: str) -> None:
    result = cli(command, "abc")
    assert result.exit_code == 2
    assert ("'abc' is not an entry ID: give it in digits, as `peerjournal list` shows it"
            in result.stderr)
    assert "valid int" not in result.stderr


def test_an_id_typed_as_show_prints_it_works(cli: CLI, add: Add) -> None:
    entry_id = add()
    shown = cli("show", f"#{entry_id}")
    assert shown.exit_code == 0 and shown.stdout.startswith(f"#{entry_id} ")
    assert cli("show", f"#{entry_id}", "--json").stdout == cli(
        "show", str(entry_id), "--json"
    ).stdout
    assert cli("drift", f"#{entry_id}", "--json").stdout == cli(
        "drift", str(entry_id), "--json"
    ).stdout
    assert cli("share", f"#{entry_id}").exit_code == 0


def test_search_takes_several_words_without_quotes(cli: CLI, journal: dict[str, int]) -> None:
    # `peerjournal search crisis line` was "Got unexpected extra argument(s) (line)".
    unquoted = cli("search", "crisis", "line", "--json")
    assert unquoted.exit_code == 0, unquoted.stderr
    assert [h["id"] for h in json.loads(unquoted.stdout)] == [journal["crisis"]]
    assert unquoted.stdout == cli("search", "crisis line", "--json").stdout
    excluded = json.loads(cli("search", "--json", "--", "-sleep", "about").stdout)
    assert [h["id"] for h in excluded] == [journal["group"]]
