"""export --full and import: a backup holds the whole journal (entries, the people list,
self-checks, supervision records) and restores it faithfully, once."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.supervision import load_items

ITEM_IDS = [i.id for i in load_items()]
NOTE = "Better with Maria since the ward round"  # journal text: never in an error


def _answers(tmp_path: Path, answers: dict[str, Any]) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    return str(path)


def _at(monkeypatch: pytest.MonkeyPatch, stamp: str) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", stamp)


def _ok(cli: CLI, *args: str) -> str:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture
def journal(cli: CLI, add: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A journal with entries, people, two finished self-checks, an unfinished one and two
    supervision records; returns its full backup."""
    _at(monkeypatch, "2026-10-30T17:00:00+00:00")
    add("I shared my own story with Maria and we planned the week.", "--share",
        "--tag", "housing", "--date", "2026-10-28")
    _ok(cli, "people", "add", "Maria Lopez", "--alias", "M.")
    _ok(cli, "supervision", "check", "--answers",
        _answers(tmp_path, {i: 3 for i in ITEM_IDS} | {"mutuality": {"score": 2, "note": NOTE}}))
    _ok(cli, "supervision", "done", "--note", "Talked about handovers", "--date", "2026-10-29")
    _at(monkeypatch, "2026-11-13T17:00:00+00:00")
    add("At handover I told him he should take his meds.", "--date", "2026-11-12")
    _ok(cli, "supervision", "check", "--answers", _answers(tmp_path, {i: 4 for i in ITEM_IDS}))
    _ok(cli, "supervision", "done", "--date", "2026-11-13")
    _at(monkeypatch, "2026-11-19T09:00:00+00:00")
    _ok(cli, "supervision", "check", "--answers",
        _answers(tmp_path, {"story": {"score": 5, "note": "Felt easy"}, "voice": 2}))
    _at(monkeypatch, "2026-11-20T18:30:00+00:00")
    backup = tmp_path / "backup.json"
    _ok(cli, "export", "--full", "-o", str(backup))
    return backup


def _views(cli: CLI) -> dict[str, Any]:
    """What the writer sees of the journal, as JSON."""
    return {
        "entries": json.loads(_ok(cli, "list", "--json", "--limit", "0")),
        "people": json.loads(_ok(cli, "people", "list", "--json")),
        "history": json.loads(_ok(cli, "supervision", "history", "--json")),
        "prep": json.loads(_ok(cli, "supervision", "prep", "--json")),
        "prep_since": json.loads(_ok(cli, "supervision", "prep", "--json", "--since",
                                     "2026-10-01")),
    }


def _rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(db) as conn:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("selfcheck", "supervision")
        }


def test_a_backup_holds_every_self_check_and_supervision_record(journal: Path) -> None:
    data = json.loads(journal.read_text())
    assert data["schema"] == "peerjournal.backup/1"
    assert [(c["id"], c["created_at"], c["complete"]) for c in data["self_checks"]] == [
        (1, "2026-10-30T17:00:00+00:00", True),
        (2, "2026-11-13T17:00:00+00:00", True),
        (3, "2026-11-19T09:00:00+00:00", False),  # the unfinished one too
    ]
    assert data["self_checks"][0]["answers"]["mutuality"] == {"score": 2, "note": NOTE}
    assert data["self_checks"][2]["answers"] == {
        "story": {"score": 5, "note": "Felt easy"}, "voice": {"score": 2, "note": ""}}
    assert data["supervisions"] == [
        {"id": 1, "date": "2026-10-29", "note": "Talked about handovers",
         "created_at": "2026-10-30T17:00:00+00:00"},
        {"id": 2, "date": "2026-11-13", "note": "", "created_at": "2026-11-13T17:00:00+00:00"},
    ]
    assert data["people"] == [
        {"name": "Maria Lopez", "alias": "M.", "created_at": "2026-10-30T17:00:00+00:00"}]


def test_a_restored_backup_shows_the_same_journal(
    cli: CLI, journal: Path, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _views(cli)
    stored = _rows(isolated / "journal.db")
    restored_db = tmp_path / "restored.db"
    monkeypatch.setenv("PEERJOURNAL_DB", str(restored_db))
    result = cli("import", str(journal))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == (
        "Imported 2 entries (peerjournal backup) from 2026-10-28 to 2026-11-12: IDs 1–2. "
        "Also imported 3 self-checks and 2 supervision records."
    )
    assert _views(cli) == before
    assert before["prep"]["self_check"]["unfinished"] == {
        "started": "2026-11-19T09:00:00+00:00", "answered": 2, "items": len(ITEM_IDS)}
    assert _rows(restored_db) == stored  # every field, as stored
    # the unfinished check carries on where it stopped
    carried = cli("supervision", "check", "--answers", _answers(tmp_path, {"focus": 1}),
                  "--json")
    assert json.loads(carried.stdout)["answered"] == 3
    again = tmp_path / "again.json"
    assert cli("export", "--full", "-o", str(again)).exit_code == 0
    first, second = json.loads(journal.read_text()), json.loads(again.read_text())
    assert second["self_checks"][2]["answers"]["focus"] == {"score": 1, "note": ""}
    del second["self_checks"][2]["answers"]["focus"]
    assert second == first


def test_importing_a_backup_twice_adds_nothing(
    cli: CLI, journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    restored_db = tmp_path / "restored.db"
    monkeypatch.setenv("PEERJOURNAL_DB", str(restored_db))
    assert cli("import", str(journal)).exit_code == 0
    before, rows = _views(cli), _rows(restored_db)
    dry = cli("import", "--dry-run", str(journal))
    assert ("2 entries, 3 self-checks and 2 supervision records already in the journal would "
            "be skipped.") in dry.stderr
    again = cli("import", str(journal))
    assert again.exit_code == 0, again.stderr
    assert again.stderr.splitlines()[-1] == (
        "Imported no entries (peerjournal backup). Skipped 2 entries, 3 self-checks and 2 "
        "supervision records already in the journal."
    )
    assert _views(cli) == before and _rows(restored_db) == rows


def test_the_same_backup_in_its_own_journal_adds_nothing(
    cli: CLI, journal: Path, isolated: Path, tmp_path: Path
) -> None:
    """Even after the unfinished check was carried on: it is the same check, with more
    answers now; bringing back the backup's older copy would leave two unfinished checks."""
    assert cli("supervision", "check", "--answers",
               _answers(tmp_path, {"focus": 2})).exit_code == 0
    rows = _rows(isolated / "journal.db")
    result = cli("import", str(journal))
    assert result.exit_code == 0, result.stderr
    assert "Skipped 2 entries, 3 self-checks and 2 supervision records" in result.stderr
    assert _rows(isolated / "journal.db") == rows


def test_a_journal_with_its_own_records_keeps_them_and_gains_the_backups(
    cli: CLI, journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """IDs already taken: the backup's records get new ones, in order, and none is lost."""
    restored_db = tmp_path / "restored.db"
    monkeypatch.setenv("PEERJOURNAL_DB", str(restored_db))
    _ok(cli, "supervision", "done", "--note", "My own, in the new journal", "--date",
        "2026-11-01")
    result = cli("import", str(journal))
    assert result.exit_code == 0, result.stderr
    assert "Also imported 3 self-checks and 2 supervision records." in result.stderr
    history = json.loads(_ok(cli, "supervision", "history", "--json"))
    assert [(s["id"], s["date"], s["note"]) for s in history["supervisions"]] == [
        (2, "2026-10-29", "Talked about handovers"),
        (1, "2026-11-01", "My own, in the new journal"),
        (3, "2026-11-13", ""),
    ]
    assert [c["id"] for c in history["check_ins"]] == [1, 2]  # the table was free: kept


def test_an_older_backup_still_imports_as_before(
    cli: CLI, journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A backup from before self-checks and supervision records were in it (and people's
    created_at): its entries and people come back, and nothing else is claimed."""
    data = json.loads(journal.read_text())
    older = {"schema": "peerjournal.backup/1", "entries": data["entries"],
             "people": [{"name": "Maria Lopez", "alias": "M."}]}
    path = tmp_path / "older.json"
    path.write_text(json.dumps(older), encoding="utf-8")
    monkeypatch.setenv("PEERJOURNAL_DB", str(tmp_path / "restored.db"))
    dry = cli("import", "--dry-run", str(path))
    assert dry.stderr.splitlines()[0] == (
        "Would import 2 entries (peerjournal backup) from 2026-10-28 to 2026-11-12 and a people "
        "list of 1 person. Nothing was changed (--dry-run).")
    result = cli("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "People list: added 1 of 1 person.",
        "Imported 2 entries (peerjournal backup) from 2026-10-28 to 2026-11-12: IDs 1–2.",
    ]
    listed = json.loads(_ok(cli, "people", "list", "--json"))
    assert listed[0]["created_at"] == "2026-11-20T18:30:00+00:00"  # none given: now
    history = json.loads(_ok(cli, "supervision", "history", "--json"))
    assert history["check_ins"] == [] and history["supervisions"] == []
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps(data["entries"]), encoding="utf-8")
    monkeypatch.setenv("PEERJOURNAL_DB", str(tmp_path / "bare.db"))
    result = cli("import", str(bare))
    assert result.stderr == (
        "Imported 2 entries (peerjournal JSON) from 2026-10-28 to 2026-11-12: IDs 1–2.\n")


def test_a_backup_of_self_checks_alone_imports(cli: CLI, tmp_path: Path) -> None:
    backup = {"schema": "peerjournal.backup/1", "entries": [], "people": [],
              "self_checks": [{"id": 4, "created_at": "2026-11-02T10:00:00+00:00",
                               "complete": False, "answers": {"story": {"score": 2}}}],
              "supervisions": []}
    path = tmp_path / "checks.json"
    path.write_text(json.dumps(backup), encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "Imported no entries (peerjournal backup). Also imported 1 self-check.\n")
    prep = json.loads(_ok(cli, "supervision", "prep", "--json"))
    assert prep["self_check"]["unfinished"]["started"] == "2026-11-02T10:00:00+00:00"


GOOD_CHECK = {"id": 1, "created_at": "2026-11-02T10:00:00+00:00", "complete": True,
              "answers": {"story": {"score": 4, "note": ""}}}
GOOD_SUPERVISION = {"id": 1, "date": "2026-11-03", "note": "", "created_at":
                    "2026-11-03T12:00:00+00:00"}


@pytest.mark.parametrize(
    ("check", "expected"),
    [
        ({**GOOD_CHECK, "answers": {"story": {"score": NOTE, "note": ""}}},
         "self-check 2: story: text is not an answer on the scale; use a whole number from 1 "
         "to 5."),
        ({**GOOD_CHECK, "answers": {"story": {"score": 9}}},
         "self-check 2: story: 9 is not an answer on the scale; use a whole number from 1 to 5."),
        ({**GOOD_CHECK, "answers": {NOTE: {"score": 3}}},
         "self-check 2: answer 1 is not under an item id (lower-case letters, digits, _)."),
        ({**GOOD_CHECK, "answers": {"story": NOTE}},
         "self-check 2: story: expected an object with a 'score'."),
        ({**GOOD_CHECK, "answers": {"story": {"score": 3, "note": ["x"]}}},
         "self-check 2: story: 'note' should be text."),
        ({**GOOD_CHECK, "answers": [NOTE]},
         "self-check 2: 'answers' should map item ids to a score and a note."),
        ({**GOOD_CHECK, "created_at": NOTE},
         "self-check 2: 'created_at' is not an ISO 8601 timestamp (like "
         "2026-11-20T18:30:00+00:00)."),
        ({k: v for k, v in GOOD_CHECK.items() if k != "created_at"},
         "self-check 2: 'created_at' is missing (an ISO 8601 timestamp)."),
        ({**GOOD_CHECK, "complete": "yes"}, "self-check 2: 'complete' should be true or false."),
        ({**GOOD_CHECK, "mood": NOTE}, "self-check 2: unknown field 'mood': a backup made by a "
         "newer peerjournal? Upgrade to import it."),
        (NOTE, "self-check 2: expected an object with 'created_at', 'complete' and 'answers'."),
    ],
)
def test_a_damaged_self_check_is_one_line_naming_it_and_imports_nothing(
    cli: CLI, tmp_path: Path, check: Any, expected: str
) -> None:
    backup = {"schema": "peerjournal.backup/1",
              "entries": [{"date": "2026-11-01", "experience": "We talked with Maria."}],
              "people": [{"name": "Maria"}],
              "self_checks": [GOOD_CHECK, check], "supervisions": [GOOD_SUPERVISION]}
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(backup), encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"peerjournal: {path}: {expected} Nothing was imported.\n"
    assert "Maria" not in result.stderr
    assert json.loads(_ok(cli, "list", "--json")) == []
    assert json.loads(_ok(cli, "people", "list", "--json")) == []
    history = json.loads(_ok(cli, "supervision", "history", "--json"))
    assert history["check_ins"] == [] and history["supervisions"] == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"date": "2026-12-01"}, "supervision 1: 'date' 2026-12-01 is in the future."),
        ({"date": NOTE}, "supervision 1: 'date' is not a YYYY-MM-DD date."),
        ({"note": 5}, "supervision 1: 'note' should be text."),
        ({"created_at": None}, "supervision 1: 'created_at' is missing (an ISO 8601 timestamp)."),
        ({"place": NOTE}, "supervision 1: unknown field 'place': a backup made by a newer "
         "peerjournal? Upgrade to import it."),
    ],
)
def test_a_damaged_supervision_record_is_one_line_naming_it(
    cli: CLI, tmp_path: Path, change: dict[str, Any], expected: str
) -> None:
    backup = {"schema": "peerjournal.backup/1", "entries": [],
              "supervisions": [{**GOOD_SUPERVISION, **change}]}
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(backup), encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"peerjournal: {path}: {expected} Nothing was imported.\n"


@pytest.mark.parametrize("key", ["self_checks", "supervisions"])
def test_a_backup_whose_lists_are_not_lists_is_refused(
    cli: CLI, tmp_path: Path, key: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"schema": "peerjournal.backup/1", key: {}}), encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert f"{path}: the backup's '{key}' should be a list of" in result.stderr


def test_an_entrys_bad_date_or_timestamp_is_not_echoed(cli: CLI, tmp_path: Path) -> None:
    """Before: "Record 1: 'I sat with Maria…' is not an ISO 8601 timestamp." printed the
    text that had landed in the wrong field."""
    for record, expected in (
        ({"date": "2026-11-01", "experience": "x", "created_at": NOTE},
         "standard input: record 1: 'created_at' is not an ISO 8601 timestamp"),
        ({"date": NOTE, "experience": "x"},
         "standard input: record 1: 'date' is not a YYYY-MM-DD date."),
    ):
        result = cli("import", "-", input=json.dumps([record]))
        assert result.exit_code == 1 and expected in result.stderr
        assert "Maria" not in result.stderr
