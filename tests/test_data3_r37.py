"""Round 37 (data3): a date slip put right only to what the command reads (no period for a
date of one day); import's "given twice" naming the record (and field) it is in, and a key
given twice with one value taken once; the damaged-journal note in plain words."""

from __future__ import annotations

import gzip
import json
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.dates import parse_bound, parse_date
from peerjournal.errors import PeerJournalError

TODAY = date(2026, 11, 20)  # conftest.FIXED_NOW


# -- 1. a slip in a date put right only to what the command would accept ------------------------

@pytest.mark.parametrize("typed", ["last mnoth", "novembre 2025", "lsat year"])
def test_a_slip_for_a_period_is_not_suggested_where_one_day_is_needed(typed: str) -> None:
    """Was: "did you mean 'last month'?", which the same option then refused as a period."""
    with pytest.raises(PeerJournalError) as one_day:
        parse_date(typed, TODAY)
    assert "did you mean" not in one_day.value.message
    assert one_day.value.message.startswith(f"Could not read the date {typed!r}. Use today,")
    with pytest.raises(PeerJournalError) as bound:  # --since reads periods: asked there
        parse_bound(typed, TODAY)
    assert "; did you mean '" in bound.value.message and "a period (" in bound.value.message


def test_a_slip_for_one_day_is_still_suggested_everywhere() -> None:
    for read in (parse_date, parse_bound):
        with pytest.raises(PeerJournalError) as exc:
            read("yesterdya", TODAY)
        assert "did you mean 'yesterday'?" in exc.value.message


@pytest.mark.parametrize("command", [
    ["write", "-x", "I sat with Sam.", "--date"],
    ["supervision", "done", "--note", "x", "--date"],
])
def test_write_and_supervision_done_do_not_suggest_a_period(cli: CLI, command: list[str]) -> None:
    result = cli(*command, "last mnoth")
    assert result.exit_code != 0
    assert "Could not read the date 'last mnoth'. Use today," in result.stderr
    assert "last month" not in result.stderr.split("Use today", 1)[0]


def test_list_since_still_suggests_the_period(cli: CLI) -> None:
    result = cli("list", "--since", "last mnoth")
    assert result.exit_code != 0
    assert "Could not read the date 'last mnoth'; did you mean 'last month'?" in result.stderr


# -- 2. import: a key given twice, named where it is ---------------------------------------------

ENTRY = '{"date": "2026-11-01", "experience": "I sat with Sam."}'
BACKUP = '{"schema": "peerjournal.backup/1", "entries": '
TAIL = ("with two values, which no export writes; peerjournal will not guess which to keep. "
        "Nothing was imported.\n")


def _import(cli: CLI, tmp_path: Path, text: str, name: str = "b.json") -> tuple[Path, str]:
    path = tmp_path / name
    data = text.encode("utf-8")
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    result = cli("import", str(path))
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(cli("list", "--json").stdout) == []
    return path, result.stderr


@pytest.mark.parametrize("name", ["b.json", "b.json.gz"])
def test_a_key_given_twice_names_its_record(cli: CLI, tmp_path: Path, name: str) -> None:
    twice = '{"date": "2026-11-01", "experience": "Lost?", "experience": "Kept?"}'
    path, said = _import(cli, tmp_path, f"[{ENTRY}, {ENTRY}, {twice}]", name)
    assert said == f"peerjournal: {path}: record 3: 'experience' is given twice, {TAIL}"


def test_a_key_given_twice_inside_a_field_names_the_field(cli: CLI, tmp_path: Path) -> None:
    twice = '{"date": "2026-11-01", "experience": "x", "answers": {"q": "a", "q": "b"}}'
    path, said = _import(cli, tmp_path, f"[{ENTRY}, {twice}]")
    assert said == f"peerjournal: {path}: record 2: 'q' is given twice in 'answers', {TAIL}"


@pytest.mark.parametrize(("text", "where"), [
    (BACKUP + f'[{ENTRY}], "people": [{{"name": "Al"}}, {{"name": "Bo", "name": "Cy"}}]}}',
     "person 2: 'name' is given twice,"),
    (BACKUP + f'[{ENTRY}, {{"date": "2026-11-01", "experience": "a", "experience": "b"}}]}}',
     "record 2: 'experience' is given twice,"),
    ('{"schema": "peerjournal.backup/1", "schema": "x", "entries": []}',
     "'schema' is given twice in the file's outer object,"),
    ('{"date": "2026-11-01", "experience": "a", "experience": "b"}',  # `show --json`
     "record 1: 'experience' is given twice,"),
    ('{"entries": [{"date": "2026-11-01", "time": "10:00", "title": "t", "body": "a", '
     '"body": "b"}]}', "entry 1: 'body' is given twice,"),  # jrnl's JSON export
])
def test_each_kind_of_file_names_the_place(
    cli: CLI, tmp_path: Path, text: str, where: str
) -> None:
    path, said = _import(cli, tmp_path, text)
    assert said == f"peerjournal: {path}: {where} {TAIL}"


def test_a_key_given_twice_with_one_value_loses_nothing_and_is_imported(
    cli: CLI, tmp_path: Path
) -> None:
    path = tmp_path / "b.json"
    path.write_text('[{"date": "2026-11-01", "experience": "Same.", "experience": "Same."}]',
                    encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert [e["experience"] for e in json.loads(cli("list", "--json").stdout)] == ["Same."]


def test_true_and_1_are_two_values(cli: CLI, tmp_path: Path) -> None:
    text = '[{"date": "2026-11-01", "experience": "x", "shared": true, "shared": 1}]'
    path, said = _import(cli, tmp_path, text)
    assert said == f"peerjournal: {path}: record 1: 'shared' is given twice, {TAIL}"


def test_a_file_cut_short_after_a_key_given_twice_is_said_to_be_cut_short(
    cli: CLI, tmp_path: Path
) -> None:
    path, said = _import(cli, tmp_path, '[{"date": "2026-11-01", "experience": "a", '
                         '"experience": "b"}, {')
    assert said.startswith(f"peerjournal: {path}: not valid JSON: the file ends part way")


def test_a_key_given_twice_nested_very_deep_is_refused_without_a_traceback(
    cli: CLI, tmp_path: Path
) -> None:
    deep = "[" + '{"a": ' * 950 + '{"x": 1, "x": 2}' + "}" * 950 + "]"
    path, said = _import(cli, tmp_path, deep)
    assert said.startswith(f"peerjournal: {path}: ") and "Traceback" not in said
    assert said.endswith("Nothing was imported.\n")


# -- 3. the note of a read past damage, in plain words --------------------------------------------

def test_the_damage_note_says_what_is_shown_may_be_missing_them(isolated: Path) -> None:
    """Was: "so this command could not tell whether they belong in what it shows"."""
    from peerjournal.db.store import Store

    store = Store(isolated / "journal.db")
    try:
        store.lost = {7}
        assert store.left_out_note().startswith(
            f"Entry 7 of the journal at {store.path} cannot be read (the file is damaged where "
            "it is), so what is shown may be missing it. ")
        store.lost, store.tags_lost = {3, 4}, {9}
        note = store.left_out_note()
        assert note.startswith(
            f"Entries 3 and 4 of the journal at {store.path} cannot be read (the file is damaged "
            "where they are), so what is shown may be missing them. The tags of entry 9 of the "
            f"journal at {store.path} cannot be read (the file is damaged where they are): that "
            "entry was read without them, so what is shown may be incomplete. ")
        assert "could not tell" not in note and "left out" not in note
    finally:
        store.close()


# -- 4. qa_changes3 5: drift ID --json says the journal holds another score ------------------------

def test_drift_id_json_gives_the_stored_verdict_when_it_is_another_score(
    cli: CLI, add: Callable[..., int], isolated: Path
) -> None:
    entry = add("I shared my own story and we explored options together; he chose.")
    assert "stored" not in json.loads(cli("drift", str(entry), "--json").stdout)
    verdict = json.loads(cli("show", str(entry), "--json").stdout)["drift"]
    db = sqlite3.connect(isolated / "journal.db")
    with db:
        db.execute("UPDATE entry SET lexicon_version = 'older'")
    db.close()
    result = cli("drift", str(entry), "--json")
    assert result.exit_code == 0 and result.stderr == ""
    scored = json.loads(result.stdout)
    assert scored["stored"] == {"verdict": verdict} and scored["verdict"] == verdict
    assert cli("drift", "--rescore").exit_code == 0
    assert "stored" not in json.loads(cli("drift", str(entry), "--json").stdout)
