"""Round 30: IDs an import keeps, a journal whose IDs ran out, search of an entry with
thousands of matches (and Ctrl-C during a long search), two imports at once, what an import
changes in a backup, and the messages of odd files and queries."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import CLI, SRC, search_hits
from peerjournal import paths
from peerjournal.db.store import Store
from peerjournal.entry import EntryDraft, KeptIdentity

NOW = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
HIGHEST = 2**63 - 1


def _journal_ids(store: Store) -> list[int]:
    return sorted(row[0] for row in store.conn.execute("SELECT id FROM entry"))


def _add_with_id(store: Store, entry_id: int, text: str = "kept from an old import") -> None:
    draft = EntryDraft(date=NOW.date(), experience=text)
    store.add_entries([draft], NOW, [None], [KeptIdentity(id=entry_id)])


# -- 1. IDs an import keeps, and a journal whose IDs ran out ------------------------------


@pytest.mark.parametrize("absurd", [HIGHEST, 2**62, 10**9 + 1])
def test_an_import_gives_an_id_too_high_to_keep_a_new_one_and_says_so(
    cli: CLI, store: Store, absurd: int
) -> None:
    records = [{"id": absurd, "date": "2026-11-01", "experience": "one"},
               {"id": 7, "date": "2026-11-02", "experience": "two"}]
    result = cli("import", "-", input=json.dumps(records))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "Imported 2 entries (peerjournal JSON) from 2026-11-01 to 2026-11-02: IDs 1–2. 1 record "
        "has an ID over 1,000,000,000 (made by hand?), more than a journal keeps, so the "
        "entries got new IDs.\n"
    )
    written = cli("write", "-x", "hi")
    assert written.exit_code == 0, written.stderr
    assert _journal_ids(store) == [1, 2, 3]


def test_an_id_up_to_the_cap_is_still_kept(cli: CLI, store: Store) -> None:
    records = [{"id": 10**9, "date": "2026-11-01", "experience": "one"}]
    assert cli("import", "-", input=json.dumps(records)).exit_code == 0
    assert _journal_ids(store) == [10**9]


def test_a_journal_whose_ids_ran_out_says_so_rather_than_blame_the_disk(
    cli: CLI, store: Store
) -> None:
    _add_with_id(store, HIGHEST)  # as an import before this round kept it
    result = cli("write", "-x", "hi")
    assert result.exit_code == 4
    assert "full" not in result.stderr
    assert result.stderr.startswith(
        f"peerjournal: No new entry can be added: entry {HIGHEST} has the highest ID a journal "
        "can give (its ID was kept from an import), and a new entry's must be higher. "
        f"`peerjournal delete {HIGHEST}` and then `peerjournal trash --empty` let numbering go "
        "on from the entry before it; nothing was saved."
    )
    assert cli("delete", str(HIGHEST)).exit_code == 0
    in_trash = cli("write", "-x", "hi")
    assert in_trash.exit_code == 4
    assert f"entry {HIGHEST}, in the trash, has the highest ID" in in_trash.stderr
    assert "`peerjournal trash --empty` lets numbering go on" in in_trash.stderr
    assert cli("trash", "--empty", "--yes").exit_code == 0
    after = cli("write", "-x", "hi")  # (the draft kept by the failures is saved now)
    assert after.exit_code == 0, after.stderr
    assert _journal_ids(store) == [1]


def test_numbering_goes_on_from_the_highest_id_once_a_huge_one_is_destroyed(
    cli: CLI, store: Store, add: Callable[..., int]
) -> None:
    """AUTOINCREMENT keeps the highest ID ever given: after an imported 2**62 was destroyed
    (as the QA found), every new entry still got a 19-digit ID."""
    first = add("the first")
    _add_with_id(store, 2**62)
    assert cli("delete", str(2**62)).exit_code == 0
    assert cli("trash", "--empty", "--yes").exit_code == 0
    assert add("after it") == first + 1


# -- 2. search of an entry with thousands of matches; Ctrl-C ------------------------------


def test_search_of_an_entry_with_thousands_of_matches_is_quick(
    cli: CLI, add: Callable[..., int]
) -> None:
    """FTS5's snippet() takes time with the square of the matches (20,000: ~25 s before)."""
    add("Start here. " + "word " * 20_000 + "end.")
    began = time.monotonic()
    (hit,) = search_hits(cli, "word")
    assert time.monotonic() - began < 5
    assert hit["matches"] and set(hit["matches"]) == {"word"}
    assert hit["snippet"].endswith("…") and "word word" in hit["snippet"]
    (end,) = search_hits(cli, "end")
    assert end["snippet"].startswith("…") and end["snippet"].endswith("end.")


@pytest.mark.parametrize("words", [3, 250])
def test_a_long_entry_with_few_matches_keeps_fts5s_snippet(
    cli: CLI, add: Callable[..., int], isolated: Path, words: int
) -> None:
    text = ("The ward was quiet that morning and nobody said much at handover. " * 60
            + "We talked about housing. " * words)
    add(text)
    (hit,) = search_hits(cli, "housing")
    with sqlite3.connect(isolated / "journal.db") as conn:
        (snippet,) = conn.execute(
            "SELECT snippet(entry_fts, -1, '', '', '…', 16) FROM entry_fts "
            "WHERE entry_fts MATCH 'housing'"
        ).fetchone()
    assert len(text) > 2_000 and hit["snippet"] == snippet


_SLOW_SEARCH = f"""
import sys
sys.path.insert(0, {SRC!r})
from peerjournal.db import store
plain = store.Filters.where
slow = ("(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000000)"
        " SELECT count(*) FROM c) > 0")

def where(self):
    sql, params = plain(self)
    print("searching", file=sys.stderr, flush=True)
    return f"{{sql}} AND {{slow}}", params

store.Filters.where = where
sys.argv = ["peerjournal", "search", "sam"]
from peerjournal.launcher import main
main()
"""


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_stops_a_search_while_sqlite_runs_it(
    add: Callable[..., int], stop: signal.Signals
) -> None:
    add()
    process = subprocess.Popen(
        [sys.executable, "-c", _SLOW_SEARCH], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": SRC},
    )
    try:
        assert process.stderr is not None
        assert process.stderr.readline() == b"searching\n"
        time.sleep(0.3)  # inside the query
        process.send_signal(stop)
        _, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130
    assert err.decode() == "peerjournal: Interrupted.\n"


# -- 3. two imports at once ---------------------------------------------------------------


def test_two_imports_of_one_backup_at_once_add_its_entries_once(
    cli: CLI, store: Store, add: Callable[..., int], tmp_path: Path, isolated: Path
) -> None:
    add("one entry")
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps([
        {"date": "2026-11-01", "experience": f"entry {n}",
         "created_at": f"2026-11-01T10:0{n}:00+00:00"} for n in range(3)
    ]))
    holder = sqlite3.connect(isolated / "journal.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # both imports start while another write is going on
    env = {**os.environ, "PYTHONPATH": SRC, "PEERJOURNAL_BUSY_TIMEOUT_MS": "30000"}
    imports = [
        subprocess.Popen([sys.executable, "-m", "peerjournal", "import", str(backup)],
                         stderr=subprocess.PIPE, env=env)
        for _ in range(2)
    ]
    try:
        time.sleep(2)  # (each has read the file and checked what the journal holds, before)
        holder.execute("COMMIT")
        said = [p.communicate(timeout=30)[1].decode() for p in imports]
    finally:
        holder.close()
        for process in imports:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert [p.returncode for p in imports] == [0, 0]
    texts = sorted(row[0] for row in store.conn.execute("SELECT experience FROM entry"))
    assert texts == ["entry 0", "entry 1", "entry 2", "one entry"]
    assert sum("Skipped 3 entries already in the journal." in s for s in said) == 1


# -- 4. what an import changes in a backup ------------------------------------------------


def test_an_import_says_what_it_changed_and_keeps_every_word(cli: CLI, store: Store) -> None:
    records = [
        {"date": "2026-11-01", "experience": "one", "tags": ["a\u0000b", "x" * 100]},
        {"date": "2026-11-03", "experience": "three", "prompt_set": "mine"},
        {"date": "2026-11-04", "experience": "four", "created_at": "2030-01-01T00:00:00+00:00"},
        {"date": "2026-11-05", "experience": "five", "created_at": "2026-11-05T10:00:00+00:00",
         "updated_at": "2026-11-01T10:00:00+00:00"},
        {"date": "2026-11-06", "experience": "six", "answers": {"bogus_q": "my own words"}},
    ]
    result = cli("import", "-", input=json.dumps(records))
    assert result.exit_code == 0, result.stderr
    prompts = paths.user_prompts_dir()
    assert result.stderr.splitlines()[1:] == [
        "Note: 1 tag held control characters (a NUL, a tab, a line break), which a tag "
        "cannot: imported with a break between words in their place, as a-b.",
        "Note: 1 entry's 'created_at' is after today (a clock set wrong?): kept as written.",
        "Note: 1 entry's 'updated_at' is before its 'created_at': read as last changed when "
        "made.",
        "Note: 1 entry uses a prompt set not installed here ('mine'): kept as written; copy "
        f"your prompt set files into {prompts} to have their questions shown.",
        "Note: 1 entry holds answers to questions its prompt set does not ask: kept as "
        "written, each headed by its question's id.",
    ]
    entries = {e.experience: e for e in store.iter_all()}
    assert entries["one"].tags == ["a-b", "x" * 100]
    assert entries["three"].prompt_set == "mine"
    assert entries["four"].created_at.year == 2030
    assert entries["five"].updated_at == entries["five"].created_at
    assert entries["six"].answers == {"bogus_q": "my own words"}
    again = cli("import", "-", input=json.dumps(records))  # nothing twice
    assert again.stderr == (
        "Imported no entries (peerjournal JSON). Skipped 5 entries already in the journal.\n"
    )


def test_a_dry_run_says_what_the_import_would_change(cli: CLI) -> None:
    records = [{"date": "2026-11-05", "experience": "five",
                "created_at": "2026-11-05T10:00:00+00:00",
                "updated_at": "2026-11-01T10:00:00+00:00"}]
    result = cli("import", "--dry-run", "-", input=json.dumps(records))
    assert result.stderr.splitlines()[1] == (
        "Note: 1 entry's 'updated_at' is before its 'created_at': would be read as last "
        "changed when made."
    )


# -- 5. messages of odd files and queries -------------------------------------------------


@pytest.mark.parametrize(("given", "kind"), [("null", "null"), ('"hello"', "a text"),
                                              ("42", "a number")])
def test_a_json_file_of_one_value_is_said_to_be_json(cli: CLI, given: str, kind: str) -> None:
    result = cli("import", "-", input=given)
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: standard input: this is JSON, but only {kind}: not a peerjournal backup "
        "(`export --full`), JSON entries or jrnl's JSON export. Nothing was imported.\n"
    )


def test_a_backup_that_lost_its_schema_is_imported_as_a_backup(cli: CLI, store: Store) -> None:
    backup = {"entries": [{"date": "2026-11-01", "experience": "restored words",
                           "feelings": "calm"}],
              "people": [{"name": "Sam Jones", "alias": "S."}]}
    result = cli("import", "-", input=json.dumps(backup))
    assert result.exit_code == 0, result.stderr
    assert "Imported 1 entry (peerjournal backup) on 2026-11-01: ID 1." in result.stderr
    (entry,) = store.iter_all()
    assert (entry.experience, entry.feelings) == ("restored words", "calm")


def test_a_number_of_thousands_of_digits_is_said_plainly(cli: CLI) -> None:
    text = '[{"id": ' + "9" * 5000 + ', "date": "2026-11-01", "experience": "x"}]'
    result = cli("import", "-", input=text)
    assert result.exit_code == 1
    assert result.stderr == (
        "peerjournal: standard input: not valid JSON for an import: a number in it is thousands "
        "of digits long (no field of a backup is). Nothing was imported.\n"
    )


def test_a_boost_is_ignored_with_its_number_and_said(cli: CLI, add: Callable[..., int]) -> None:
    add("We went to the housing office.")
    result = cli("search", "housing^2")
    assert result.exit_code == 0 and "housing office" in result.stdout
    assert result.stderr == (
        "Search ignores ^2 (a boost, in other search tools): it finds the words as typed, best "
        "matches first.\n"
    )


@pytest.mark.parametrize(("query", "said"), [
    ("housing NOT", "Search ignores the NOT at the end: nothing follows it.\n"),
    ("housing OR", "Search ignores the OR at the end: nothing follows it.\n"),
    ("AND housing", "Search ignores the AND at the start: nothing comes before it.\n"),
])
def test_an_operator_with_nothing_to_join_is_said_to_be_ignored(
    cli: CLI, add: Callable[..., int], query: str, said: str
) -> None:
    add("We went to the housing office.")
    result = cli("search", query)
    assert result.exit_code == 0 and "housing office" in result.stdout
    assert result.stderr == said
