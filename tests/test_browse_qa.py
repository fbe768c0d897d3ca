"""QA of finding entries again (round 17): paging, answers in search results, long queries,
a journal whose entries are all in the trash."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from conftest import CLI

Add = Callable[..., int]


def add_drafts(*drafts: Any) -> None:
    """Entries straight into the journal (answers to several questions, many entries)."""
    from peerjournal.db.store import Store
    from peerjournal.paths import db_path

    store = Store(db_path())
    try:
        store.add_entries(list(drafts), datetime(2026, 11, 20, tzinfo=UTC), [None] * len(drafts))
    finally:
        store.close()


def draft(day: int, experience: str, **fields: Any) -> Any:
    from peerjournal.entry import EntryDraft

    return EntryDraft(date=date(2026, 11, day), experience=experience, **fields)


# -- a list cut at --limit says so -----------------------------------------------------------


@pytest.mark.parametrize("json_out", [False, True])
def test_a_list_cut_at_the_limit_says_there_are_more(cli: CLI, json_out: bool) -> None:
    add_drafts(*(draft(1 + n, f"Shift note {n}") for n in range(5)))
    result = cli("list", "--limit", "3", *(["--json"] if json_out else []))
    assert result.exit_code == 0
    if json_out:
        assert [e["date"] for e in json.loads(result.stdout)] == [
            "2026-11-05", "2026-11-04", "2026-11-03"
        ]
    else:
        assert "Shift note 4" in result.stdout and "Shift note 1" not in result.stdout
    assert result.stderr == (
        "Showing the newest 3 entries; there are more: `--limit 0` lists them all, or narrow "
        "with --since, --until, --tag or --setting.\n"
    )


def test_the_hint_names_only_filters_not_given_yet(cli: CLI) -> None:
    """Was: "narrow with --since, …" to a list that had --since."""
    add_drafts(*(draft(1 + n, f"Shift note {n}") for n in range(5)))
    result = cli("list", "--since", "2026-11-02", "--limit", "2")
    assert result.stderr == (
        "Showing the newest 2 entries; there are more: `--limit 0` lists them all, or narrow "
        "with --until, --tag or --setting.\n"
    )
    every = ("--since", "2026-11-02", "--until", "2026-11-20", "--tag", "a", "--setting", "b")
    add_drafts(*(draft(3, "Tagged", tags=["a"], setting="b") for _ in range(3)))
    assert cli("list", *every, "--limit", "1").stderr == (
        "Showing the newest 1 entry; there are more: `--limit 0` lists them all.\n"
    )


@pytest.mark.parametrize("options", [["--limit", "5"], ["--limit", "0"], ["--limit", "9"]])
def test_a_whole_list_says_nothing_more(cli: CLI, options: list[str]) -> None:
    add_drafts(*(draft(1 + n, f"Shift note {n}") for n in range(5)))
    result = cli("list", *options)
    assert result.exit_code == 0 and result.stderr == ""
    assert all(f"Shift note {n}" in result.stdout for n in range(5))


def test_the_default_list_of_20_says_there_are_more(cli: CLI) -> None:
    add_drafts(*(draft(1 + n % 20, f"Shift note {n}") for n in range(21)))
    result = cli("list", "-n", "20", "--json")  # (--json alone lists all 21: round 42)
    assert len(json.loads(result.stdout)) == 20
    assert "Showing the newest 20 entries; there are more" in result.stderr
    assert "Showing the newest 20 entries; there are more" in cli("list").stderr


def test_search_cut_at_the_limit_says_there_are_more(cli: CLI) -> None:
    add_drafts(*(draft(1 + n, f"We talked about housing, visit {n}.") for n in range(4)))
    result = cli("search", "housing", "-n", "2", "--json")
    assert len(json.loads(result.stdout)) == 2
    assert result.stderr == (
        "Showing the best 2 matches; there are more: `--limit 0` shows them all.\n"
    )
    result = cli("search", "housing", "-n", "4")
    assert result.exit_code == 0 and result.stderr == ""


# -- answers found by search read as the writer's words ---------------------------------------


def test_a_match_in_an_answer_shows_the_answer_not_json(cli: CLI) -> None:
    add_drafts(
        draft(18, "A short call.", answers={
            "do_differently": "Ask about the hostel first.\nThen the \"tenancy\" papers.",
            "learned": "Slow down.",
        }),
    )
    result = cli("search", "hostel")
    assert result.exit_code == 0
    assert 'Ask about the hostel first. Then the "tenancy" papers. · Slow down.' in result.stdout
    assert "do_differently" not in result.stdout and "{" not in result.stdout
    assert "\\n" not in result.stdout and '\\"' not in result.stdout
    hit = json.loads(cli("search", "hostel", "--json").stdout)[0]
    assert hit["snippet"] == 'Ask about the hostel first. Then the "tenancy" papers. · Slow down.'
    assert hit["matches"] == ["hostel"]
    assert hit["answers"]["learned"] == "Slow down."  # the entry itself is as stored


def test_a_match_in_a_later_answer_drops_the_question_ids_too(cli: CLI) -> None:
    add_drafts(draft(18, "A call.", answers={"first": "Nothing much.", "second": "Café later."}))
    hit = json.loads(cli("search", "café", "--json").stdout)[0]
    assert hit["snippet"] == "Nothing much. · Café later."


def test_a_match_in_the_experience_is_left_as_it_is(cli: CLI) -> None:
    text = 'She said "stay": {"not": "json"} and we walked to the hostel.'
    add_drafts(draft(18, text, answers={"learned": "Walk more."}))
    hit = json.loads(cli("search", "hostel", "--json").stdout)[0]
    assert hit["snippet"] == text


# -- what search and list say when there is nothing -----------------------------------------


def test_nothing_found_repeats_a_long_query_cut_short(cli: CLI, add: Add) -> None:
    add()
    query = "zebra " * 2000
    result = cli("search", query)
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.startswith("Nothing found for 'zebra zebra")
    assert result.stderr.endswith("…'.\n") and len(result.stderr) < 100


def test_nothing_found_for_a_short_query_repeats_it_whole(cli: CLI, add: Add) -> None:
    add()
    assert cli("search", "zebra", "crossing").stderr == "Nothing found for 'zebra crossing'.\n"


def test_a_journal_with_every_entry_in_the_trash_says_so(cli: CLI, add: Add) -> None:
    for _ in range(2):
        assert cli("delete", str(add())).exit_code == 0
    result = cli("list")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == (
        "No entries in the journal; 2 entries are in the trash (`peerjournal trash`).\n"
    )
    assert json.loads(cli("list", "--json").stdout) == []
    assert json.loads(cli("search", "sam", "--json").stdout) == []


def test_trashed_entries_stay_out_of_list_search_and_report(cli: CLI, add: Add) -> None:
    kept = add("We walked to the housing office.", "--tag", "walk")
    gone = add("The housing panel was cancelled.", "--tag", "panel")
    assert cli("delete", str(gone)).exit_code == 0
    assert [e["id"] for e in json.loads(cli("list", "--json").stdout)] == [kept]
    assert [h["id"] for h in json.loads(cli("search", "housing", "--json").stdout)] == [kept]
    assert json.loads(cli("report", "--json").stdout)["totals"]["entries"] == 1
    assert json.loads(cli("report", "--json", "--tag", "panel").stdout)["totals"]["entries"] == 0
    assert json.loads(cli("tags", "--json").stdout) == [{"tag": "walk", "entries": 1}]


def test_search_results_wrap_under_their_header(cli: CLI, add: Add, monkeypatch: Any) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    add("We walked to the housing office together and I shared my own story on the way.")
    lines = cli("search", "housing").stdout.splitlines()
    start = next(n for n, line in enumerate(lines) if "We walked" in line)
    body = [line for line in lines[start:] if line.strip()]
    assert len(body) > 1 and all(line.startswith("    ") for line in body)


# -- a query that only leaves words out ------------------------------------------------------


def test_a_query_that_only_excludes_says_a_word_to_find_is_needed(cli: CLI, add: Add) -> None:
    add("We walked to the housing office.")
    result = cli("search", "--", "-housing")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        "peerjournal: Search needs a word to look for: '-housing' only leaves words out "
        "(as in `search 'handover -housing'`).\n"
    )
    assert "Nothing to search for" not in result.stderr
    # with a word to find, the same exclusion works
    assert json.loads(cli("search", "--json", "--", "walked -housing").stdout) == []


def test_a_long_query_with_nothing_to_find_is_cut_short(cli: CLI, add: Add) -> None:
    add()
    for query, start in (("-zebra " * 2000, "peerjournal: Search needs a word to look for: "),
                         ("*** " * 2000, "peerjournal: Nothing to search for in ")):
        result = cli("search", "--", query)
        assert result.exit_code == 1
        assert result.stderr.startswith(start) and result.stderr.count("\n") == 1
        assert "…'" in result.stderr and len(result.stderr) < 200


# -- the report's "unspecified" setting is a filter too -------------------------------------


def test_the_setting_the_report_calls_unspecified_can_be_listed(cli: CLI, add: Add) -> None:
    none = add("We walked to the housing office.")
    typed = add("A housing call.", "--setting", "Unspecified")
    add("A housing ward round.", "--setting", "inpatient")
    report = json.loads(cli("report", "--json").stdout)
    assert report["settings"]["unspecified"]["entries"] == 2  # the two, as one group
    for args in (["list"], ["search", "housing"]):
        for name in ("unspecified", "UNSPECIFIED"):
            found = json.loads(cli(*args, "--setting", name, "--json").stdout)
            assert sorted(e["id"] for e in found) == [none, typed]
    shown = cli("list", "--setting", "unspecified")
    assert shown.exit_code == 0 and "housing office" in shown.stdout
    assert "ward round" not in shown.stdout
    # another setting still matches only itself
    assert [e["setting"] for e in json.loads(cli("list", "-s", "inpatient", "--json").stdout)] == [
        "inpatient"]


def test_a_search_starting_with_a_dash_says_where_it_goes(cli: CLI) -> None:
    """Was: `search -handover` answered "No such option: -a", an option never typed. Since
    round 35 a -word typed without quotes is a word to leave out: alone, it says so."""
    result = cli("search", "-handover")
    assert result.exit_code == 1
    assert result.stderr == (
        "peerjournal: Search needs a word to look for: '-handover' only leaves words out "
        "(as in `search 'handover -housing'`).\n"
    )
    typo = cli("search", "--sinc", "x")  # a mistyped option is still answered as one
    assert "Did you mean" in typo.stderr and "start with '-'" not in typo.stderr
