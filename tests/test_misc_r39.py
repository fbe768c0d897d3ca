"""Round 39 (QA week findings 2-4 and two minor slips): a backup restored into a journal whose
entries share one creation time pairs records with entries by their words or ID, and says
which came back after being destroyed; a search that finds nothing names the word no entry
has and a near one; a config.toml slip is one plain line; `people remove` suggests a listed
name; --since "this monday"."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal import paths
from peerjournal.dates import parse_date


def _ok(cli: CLI, *args: str) -> Any:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result


def _live(cli: CLI) -> list[tuple[int, str]]:
    listed = json.loads(_ok(cli, "list", "--json", "--limit", "0").stdout)
    return sorted((e["id"], e["experience"]) for e in listed)


# -- 1. a backup restored into a journal whose entries share one creation time ----------------

SEED = [{"date": f"2026-11-0{n}", "experience": f"Entry {n} on the ward.", "tags": []}
        for n in range(1, 8)]


@pytest.fixture
def restored(cli: CLI, tmp_path: Path) -> str:
    """A journal started from a JSON array (no creation times: all get the import's), backed
    up; then entry 2 edited, entry 3 too, entries 4 and 5 deleted and destroyed."""
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps(SEED), encoding="utf-8")
    _ok(cli, "import", str(seed))
    backup = tmp_path / "backup.json"
    _ok(cli, "export", "--full", "--output", str(backup))
    _ok(cli, "edit", "2", "--experience", "Entry two, rewritten.")
    _ok(cli, "edit", "3", "--feelings", "Calmer after.")
    _ok(cli, "delete", "4", "5")
    _ok(cli, "trash", "--empty", "--yes")
    return str(backup)


VERSIONS = ("2 entries differ from the journal's version (IDs 2–3: edited since, here or "
            "there), so they {} added beside them{}: compare with `peerjournal show ID`; "
            "`peerjournal delete ID` removes the copy you do not want.")


def test_a_dry_run_names_versions_and_destroyed_entries_apart(cli: CLI, restored: str) -> None:
    result = _ok(cli, "import", "--dry-run", restored)
    assert result.stderr.splitlines()[0] == (
        "Would import 4 entries (peerjournal backup) from 2026-11-02 to 2026-11-05. "
        + VERSIONS.format("would be", "")
        + " 2 entries not in the journal (deleted since?) would be added back (IDs 4–5 in the"
        " file). 3 entries already in the journal would be skipped. Nothing was changed"
        " (--dry-run).")
    assert [i for i, _ in _live(cli)] == [1, 2, 3, 6, 7]


def test_the_import_lists_ids_that_add_up_and_a_second_adds_nothing(
    cli: CLI, restored: str
) -> None:
    result = _ok(cli, "import", restored)
    assert result.stderr.splitlines()[0] == (
        "Imported 4 entries (peerjournal backup) from 2026-11-02 to 2026-11-05: IDs 8–11. "
        + VERSIONS.format("were", " as IDs 8–9")
        + " 2 entries not in the journal (deleted since?) were added back: IDs 10–11."
        " Skipped 3 entries already in the journal.")
    assert _live(cli) == [
        (1, "Entry 1 on the ward."), (2, "Entry two, rewritten."), (3, "Entry 3 on the ward."),
        (6, "Entry 6 on the ward."), (7, "Entry 7 on the ward."),
        (8, "Entry 2 on the ward."), (9, "Entry 3 on the ward."),
        (10, "Entry 4 on the ward."), (11, "Entry 5 on the ward."),
    ]
    again = _ok(cli, "import", restored)
    assert again.stderr.splitlines()[0] == (
        "Imported no entries (peerjournal backup). Skipped 7 entries already in the journal.")
    assert len(_live(cli)) == 9


def test_an_entry_alone_at_its_time_is_still_paired_whatever_it_holds(
    cli: CLI, tmp_path: Path
) -> None:
    """A creation time no other entry has says which entry a record is (as before)."""
    _ok(cli, "write", "-x", "Alone at its time.")
    backup = tmp_path / "backup.json"
    _ok(cli, "export", "--full", "--output", str(backup))
    _ok(cli, "edit", "1", "--experience", "Quite another text now.")
    result = _ok(cli, "import", str(backup))
    assert ("1 entry differs from the journal's version (ID 1: edited since, here or there), "
            "so it was added beside it as ID 2:") in result.stderr
    assert "not in the journal" not in result.stderr


# -- 2. a search that finds nothing ------------------------------------------------------------

TEXTS = ("Handover with the night team went well.", "Went to the housing office with Sam.",
         "I can't sleep before a shift.", "Quiet handover; the housing list is long.")


@pytest.fixture
def written(cli: CLI) -> None:
    for text in TEXTS:
        _ok(cli, "write", "-x", text)


@pytest.mark.usefixtures("written")
@pytest.mark.parametrize(("query", "said"), [
    (["handovr"], "Nothing found for 'handovr': no entry has that word; did you mean "
                  "'handover' (`peerjournal search handover`)?"),
    (["housing", "offce"], "Nothing found for 'housing offce': no entry has 'offce'; did you "
                           "mean 'office' (`peerjournal search housing office`)?"),
    (["cant"], "Nothing found for 'cant': no entry has that word; did you mean \"can't\" "
               "(`peerjournal search \"can't\"`)?"),
    (["zebra", "handover"], "Nothing found for 'zebra handover': no entry has 'zebra'."),
    (["zebra"], "Nothing found for 'zebra'."),  # (no near word: as before)
    (["housing", "offce", "offce"], "Nothing found for 'housing offce offce': no entry has "
     "'offce'; did you mean 'office' (`peerjournal search housing office office`)?"),
    (["night", "office"], "Nothing found for 'night office': each word is in some entry, but "
                          "no entry has them all."),
])
def test_a_search_that_finds_nothing_names_the_word_and_a_near_one(
    cli: CLI, query: list[str], said: str
) -> None:
    result = _ok(cli, "search", *query)
    assert result.stdout == ""
    assert result.stderr == said + "\n"


@pytest.mark.usefixtures("written")
def test_a_near_word_only_in_the_trash_is_not_offered(cli: CLI) -> None:
    _ok(cli, "delete", "2")
    result = _ok(cli, "search", "offce")
    assert result.stderr == "Nothing found for 'offce'.\n"


@pytest.mark.usefixtures("written")
def test_a_search_that_finds_is_as_before(cli: CLI) -> None:
    result = _ok(cli, "search", "housing", "office")
    assert "housing" in result.stdout.lower() and result.stderr == ""


# -- 3. a slip in config.toml ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "said"), [
    ("[drift]\nsummary_after_write = false\n[drift]\n",
     "line 3: [drift] appears twice: merge them into one."),
    ("[drift]\nsummary_after_write = yes\n",
     "line 2: summary_after_write = yes: write true or false."),
    ("[drift]\nsummary_after_write = False\n",
     "line 2: summary_after_write = False: write true or false, lower case."),
    ("[drift]\nlexicon = ours.toml\n",
     'line 2: lexicon = ours.toml: put the path in quotes ("ours.toml").'),
    ("[drift]\nlexicon = \"a.toml\"\nlexicon = \"b.toml\"\n",
     "line 3: lexicon is set twice: keep one of them."),
    ("[drift]\nlexicon = \"a.toml\n",
     "line 2: lexicon = \"a.toml: a quote is not closed: end the text with \" on the same line."),
])
def test_a_toml_slip_in_config_is_one_plain_line(
    cli: CLI, isolated: Path, text: str, said: str
) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    config = isolated / "config.toml"
    config.write_text(text, encoding="utf-8")
    result = cli("write", "-x", "A shift on the ward.")
    assert result.exit_code != 0
    assert f"{config}: {said}" in result.stderr
    assert "(at line" not in result.stderr and "('drift'" not in result.stderr
    assert not paths.db_path().exists() or _count(paths.db_path()) == 0


def _count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM entry").fetchone()[0])


# -- 4. people remove, and "this monday" ------------------------------------------------------

def test_people_remove_suggests_a_listed_name(cli: CLI) -> None:
    _ok(cli, "people", "add", "Sam", "Jones")
    result = cli("people", "remove", "Sam", "Jone")
    assert result.exit_code != 0
    assert result.stderr == ("peerjournal: 'Sam Jone' is not on the people list; did you mean "
                             "'Sam Jones' (`peerjournal people remove 'Sam Jones'`)?\n")
    assert json.loads(_ok(cli, "people", "list", "--json").stdout)[0]["name"] == "Sam Jones"
    unknown = cli("people", "remove", "Zed")
    assert unknown.stderr == ("peerjournal: 'Zed' is not on the people list (see `peerjournal "
                              "people list`).\n")


@pytest.mark.parametrize(("typed", "today", "day"), [
    ("this monday", date(2026, 11, 20), date(2026, 11, 16)),  # a Friday: its week's Monday
    ("this mon", date(2026, 11, 16), date(2026, 11, 16)),  # on a Monday: today
    ("this friday", date(2026, 11, 20), date(2026, 11, 20)),
    ("this wednesday morning", date(2026, 11, 20), date(2026, 11, 18)),
])
def test_this_weekday_is_that_day_of_this_week(typed: str, today: date, day: date) -> None:
    assert parse_date(typed, today) == day


def test_since_this_monday_lists_this_weeks_entries(cli: CLI) -> None:
    _ok(cli, "write", "-x", "Before the week.", "--date", "2026-11-13")
    _ok(cli, "write", "-x", "In the week.", "--date", "2026-11-17")
    listed = json.loads(_ok(cli, "list", "--since", "this monday", "--json").stdout)
    assert [e["experience"] for e in listed] == ["In the week."]
