"""Round 32 (QA data safety): "other versions" are matched the same way, in linear time, where
many entries share one creation time; unfinished self-checks a backup brings are kept, every
one listed, and `supervision check` says which it carries on with."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from conftest import CLI
from peerjournal.supervision import load_items

ITEMS = load_items()
N = len(ITEMS)
STAMP = "2026-11-20T18:30:00+00:00"  # FIXED_NOW: what a JSON array's entries are given


def _ok(cli: CLI, *args: str) -> Any:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result


def _write(path: Path, data: Any) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _entry(experience: str, day: str, **extra: Any) -> dict[str, Any]:
    return {"date": day, "experience": experience, "tags": [], **extra}


# -- 4. other versions among entries that share one creation time ---------------------------


def test_other_versions_among_entries_of_one_creation_time_are_matched_as_before(
    cli: CLI, tmp_path: Path, isolated: Path
) -> None:
    """A JSON array without creation times gives its entries one (the import's); a backup
    of them with some changed, some not and some new matches each new record with the entry
    it is likeliest another version of: one with its experience whose content no record of
    the file repeats first, then the one with its ID; since round 39 a record with neither
    (the time is shared, so it says nothing) is an entry not in the journal, said apart."""
    array = [
        _entry("Alpha on the ward.", "2026-11-01"),
        _entry("Alpha on the ward.", "2026-11-02"),
        _entry("Beta at the drop-in.", "2026-11-03"),
        _entry("Gamma on the phone.", "2026-11-04"),
        _entry("Delta in the garden.", "2026-11-05"),
    ]
    result = _ok(cli, "import", _write(tmp_path / "array.json", array))
    assert "Imported 5 entries (peerjournal JSON) from 2026-11-01 to 2026-11-05: IDs 1–5." \
        in result.stderr
    backup = tmp_path / "backup.json"
    _ok(cli, "export", "--full", "-o", str(backup))
    data = json.loads(backup.read_text(encoding="utf-8"))
    records = {r["id"]: r for r in data["entries"]}
    assert {r["created_at"] for r in records.values()} == {STAMP}
    records[2]["tags"] = ["changed"]  # free, same experience and date: entry 2
    records[3]["experience"] = "Beta at the drop-in, and after."  # same date: entry 3
    records[4] |= {"date": "2026-11-01", "tags": ["moved"]}  # same experience: entry 4
    new = {"created_at": STAMP, "updated_at": STAMP, "tags": ["x"]}
    data["entries"] += [
        # entry 1 is as the file gives it (record 1): entry 2, free and Alpha, is likelier
        {**records[1], **new, "id": 6},
        # nothing alike: not another version of any entry (round 39)
        {**records[1], **new, "id": 7, "experience": "Omega.", "date": "2026-11-09"},
    ]
    changed = _write(tmp_path / "changed.json", data)
    # (round 39: "Omega.", with neither the words nor the ID of an entry of that shared
    # time, is not paired with an unrelated one: it is said to be not in the journal)
    differ = (" 4 entries differ from the journal's version (IDs 2–4; 2 versions of ID 2: "
              "edited since, here or there), so they {} added beside them{}: compare with "
              "`peerjournal show ID`; `peerjournal delete ID` removes the copy you do not want.")
    dry = _ok(cli, "import", "--dry-run", changed)
    assert dry.stderr.splitlines()[0] == (
        "Would import 5 entries (peerjournal backup) from 2026-11-01 to 2026-11-09."
        + differ.format("would be", "") + " 1 entry not in the journal (deleted since?) would"
        " be added back (ID 7 in the file). 2 entries already in the journal would be skipped."
        " Nothing was changed (--dry-run).")
    result = _ok(cli, "import", changed)
    assert result.stderr.splitlines()[0] == (
        "Imported 5 entries (peerjournal backup) from 2026-11-01 to 2026-11-09: IDs 6–10."
        + differ.format("were", " as IDs 6–9") + " 1 entry not in the journal (deleted"
        " since?) was added back: ID 10. Skipped 2 entries already in the journal.")
    listed = json.loads(_ok(cli, "list", "--json", "--limit", "0").stdout)
    assert sorted((e["id"], e["experience"], e["date"], e["tags"]) for e in listed) == [
        (1, "Alpha on the ward.", "2026-11-01", []),
        (2, "Alpha on the ward.", "2026-11-02", []),
        (3, "Beta at the drop-in.", "2026-11-03", []),
        (4, "Gamma on the phone.", "2026-11-04", []),
        (5, "Delta in the garden.", "2026-11-05", []),
        (6, "Alpha on the ward.", "2026-11-02", ["changed"]),
        (7, "Beta at the drop-in, and after.", "2026-11-03", []),
        (8, "Gamma on the phone.", "2026-11-01", ["moved"]),
        (9, "Alpha on the ward.", "2026-11-01", ["x"]),
        (10, "Omega.", "2026-11-09", ["x"]),
    ]
    again = _ok(cli, "import", changed)  # all of it there now: nothing twice
    assert again.stderr.splitlines()[0] == (
        "Imported no entries (peerjournal backup). Skipped 7 entries already in the journal.")


def test_a_record_repeated_by_the_file_is_the_last_choice_for_another_version(
    cli: CLI, tmp_path: Path
) -> None:
    """Every entry of the time is repeated by a record of the file: the first with the same
    experience is named (as before), and nothing else is imported."""
    array = [_entry("Alpha.", "2026-11-01"), _entry("Beta.", "2026-11-02"),
             _entry("Beta.", "2026-11-03")]
    _ok(cli, "import", _write(tmp_path / "array.json", array))
    backup = tmp_path / "backup.json"
    _ok(cli, "export", "--full", "-o", str(backup))
    data = json.loads(backup.read_text(encoding="utf-8"))
    data["entries"].append({**data["entries"][0], "id": 9, "experience": "Beta.",
                            "date": "2026-11-09"})
    result = _ok(cli, "import", "--dry-run", _write(tmp_path / "more.json", data))
    assert "1 entry differs from the journal's version (ID 2: edited since" in result.stderr
    assert "3 entries already in the journal would be skipped." in result.stderr


# -- 3. several unfinished self-checks after a restore ---------------------------------------


def _backup_with_checks(tmp_path: Path) -> str:
    """The QA's twochecks.json, its self-checks: two unfinished, started 1 and 5 Nov."""
    checks = [
        {"id": 1, "created_at": "2026-11-01T10:00:00+00:00", "complete": False,
         "answers": {"story": {"score": 2, "note": "first unfinished"}}},
        {"id": 2, "created_at": "2026-11-05T10:00:00+00:00", "complete": False,
         "answers": {"mutuality": {"score": 5, "note": "second unfinished"}}},
    ]
    backup = {"schema": "peerjournal.backup/1", "entries": [], "people": [],
              "self_checks": checks, "supervisions": []}
    return _write(tmp_path / "twochecks.json", backup)


def _checks(isolated: Path) -> list[tuple[str, dict[str, Any], int]]:
    with sqlite3.connect(isolated / "journal.db") as conn:
        rows = conn.execute(
            "SELECT created_at, answers, complete FROM selfcheck ORDER BY created_at").fetchall()
    return [(r[0][:10], json.loads(r[1]), r[2]) for r in rows]


OLDER = ("2 more unfinished self-checks (started 5 Nov 2026, 1 of {n} answered; started "
         "1 Nov 2026, 1 of {n} answered) are kept: `peerjournal supervision check` offers them, "
         "newest first, {when}.").format


def test_a_restore_keeps_every_unfinished_check_and_history_lists_them(
    cli: CLI, tmp_path: Path, isolated: Path
) -> None:
    _ok(cli, "supervision", "check", "--answers", _write(tmp_path / "a.json", {"voice": 3}))
    result = _ok(cli, "import", _backup_with_checks(tmp_path))
    assert result.stderr == (
        "Imported no entries (peerjournal backup). Also imported 2 self-checks.\n")
    assert _checks(isolated) == [  # every answer kept
        ("2026-11-01", {"story": {"score": 2, "note": "first unfinished"}}, 0),
        ("2026-11-05", {"mutuality": {"score": 5, "note": "second unfinished"}}, 0),
        ("2026-11-20", {"voice": {"score": 3, "note": ""}}, 0),
    ]
    history = _ok(cli, "supervision", "history")
    assert "Unfinished: started 20 Nov 2026, 1 of" in history.stdout
    assert history.stderr == OLDER(n=N, when="once the one started 20 Nov 2026 is finished") + "\n"
    data = json.loads(_ok(cli, "supervision", "history", "--json").stdout)
    assert data["unfinished"]["started"] == STAMP
    assert [(c["started"][:10], c["answered"], c["items"]) for c in data["older_unfinished"]] \
        == [("2026-11-05", 1, N), ("2026-11-01", 1, N)]


def test_check_says_which_unfinished_check_it_carries_on_with_and_what_waits(
    cli: CLI, tmp_path: Path, isolated: Path
) -> None:
    _ok(cli, "supervision", "check", "--answers", _write(tmp_path / "a.json", {"voice": 3}))
    _ok(cli, "import", _backup_with_checks(tmp_path))
    focus = _write(tmp_path / "focus.json", {"focus": 4})
    result = _ok(cli, "supervision", "check", "--resume", "--answers", focus)
    assert result.stderr.splitlines()[0] == (
        f"Carrying on with the self-check started 20 Nov 2026 (1 of {N} answered), the newest "
        "unfinished one. " + OLDER(n=N, when="once this one is finished"))
    # the rest of the newest: it is finished, and the next one is named
    rest = {i.id: 3 for i in ITEMS if i.id not in ("voice", "focus")}
    result = _ok(cli, "supervision", "check", "--answers", _write(tmp_path / "r.json", rest))
    assert result.stderr.splitlines()[0].startswith(
        "Carrying on with the self-check started 20 Nov 2026 (2 of")
    assert result.stderr.splitlines()[-1] == OLDER(n=N, when="next")
    assert [c[2] for c in _checks(isolated)] == [0, 0, 1]
    # the next: 5 Nov's, its answer kept; one more waits
    result = _ok(cli, "supervision", "check", "--answers", focus)
    assert result.stderr.splitlines()[0] == (
        f"Carrying on with the self-check started 5 Nov 2026 (1 of {N} answered); --restart "
        f"starts afresh. Another unfinished self-check (started 1 Nov 2026, 1 of {N} answered) "
        "is kept: `peerjournal supervision check` offers it once this one is finished.")
    assert _checks(isolated)[1][1] == {"mutuality": {"score": 5, "note": "second unfinished"},
                                       "focus": {"score": 4, "note": ""}}


def test_restart_and_the_question_at_the_terminal_name_the_checks_that_wait(
    cli: CLI, tmp_path: Path, isolated: Path, terminal: None
) -> None:
    _ok(cli, "import", _backup_with_checks(tmp_path))
    result = cli("supervision", "check", input="y\nq\n")
    assert result.exit_code == 0, result.stderr
    assert (f"Carry on with the self-check started 5 Nov 2026 (1 of {N} answered)?"
            in result.stderr)
    assert (f"Another unfinished self-check (started 1 Nov 2026, 1 of {N} answered) is kept: "
            "`peerjournal supervision check` offers it once this one is finished.") \
        in result.stderr
    result = cli("supervision", "check", "--restart", input="q\n")
    assert (f"Set aside the self-check started 5 Nov 2026 (1 of {N} answered): its answers go "
            f"once you give a new one. Another unfinished self-check (started 1 Nov 2026, 1 of "
            f"{N} answered) is kept: `peerjournal supervision check` offers it once the new one "
            "is finished.") in result.stderr
    assert len(_checks(isolated)) == 2  # no new answer: nothing set aside is gone


def test_an_unfinished_check_finished_since_the_backup_is_not_brought_back(
    cli: CLI, tmp_path: Path, isolated: Path, monkeypatch: Any
) -> None:
    """Finishing a check gives it the time it was finished, so the backup's unfinished copy
    no longer matches by time: it is there all the same when the finished check holds every
    one of its answers. One whose answers were changed since is restored (nothing lost)."""
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-10T09:00:00+00:00")
    _ok(cli, "supervision", "check", "--answers",
        _write(tmp_path / "a.json", {"story": {"score": 2, "note": "slow start"}}))
    backup = tmp_path / "backup.json"
    _ok(cli, "export", "--full", "-o", str(backup))
    monkeypatch.setenv("PEERJOURNAL_NOW", STAMP)
    rest = {i.id: 4 for i in ITEMS if i.id != "story"}
    _ok(cli, "supervision", "check", "--answers", _write(tmp_path / "r.json", rest))
    before = _checks(isolated)
    assert [(c[0], c[2]) for c in before] == [("2026-11-20", 1)]
    result = _ok(cli, "import", str(backup))
    assert result.stderr == (
        "Imported no entries (peerjournal backup). Skipped 1 self-check already in the "
        "journal.\n")
    assert _checks(isolated) == before
    data = json.loads(backup.read_text(encoding="utf-8"))
    data["self_checks"][0]["answers"]["story"]["note"] = "another word"
    result = _ok(cli, "import", _write(tmp_path / "other.json", data))
    assert result.stderr == (
        "Imported no entries (peerjournal backup). Also imported 1 self-check.\n")
    assert _checks(isolated)[0] == (
        "2026-11-10", {"story": {"score": 2, "note": "another word"}}, 0)


def test_the_newest_unfinished_check_is_the_latest_started_whatever_its_offset(
    cli: CLI, tmp_path: Path, isolated: Path
) -> None:
    """09:30-02:00 is after 10:00+00:00 (their text sorts the other way): `check` carries on
    with the one history names, the latest started."""
    checks = [
        {"id": 1, "created_at": "2026-11-05T10:00:00+00:00", "complete": False,
         "answers": {"story": {"score": 2, "note": ""}}},
        {"id": 2, "created_at": "2026-11-05T09:30:00-02:00", "complete": False,
         "answers": {"story": {"score": 4, "note": ""}, "voice": {"score": 4, "note": ""}}},
    ]
    backup = {"schema": "peerjournal.backup/1", "entries": [], "people": [],
              "self_checks": checks, "supervisions": []}
    _ok(cli, "import", _write(tmp_path / "offsets.json", backup))
    data = json.loads(_ok(cli, "supervision", "history", "--json").stdout)
    assert data["unfinished"]["answered"] == 2 and data["older_unfinished"][0]["answered"] == 1
    result = _ok(cli, "supervision", "check", "--resume", "--answers",
                 _write(tmp_path / "f.json", {"focus": 1}))
    assert result.stderr.startswith(
        f"Carrying on with the self-check started 5 Nov 2026 (2 of {N} answered), the newest")
    assert sorted(len(c[1]) for c in _checks(isolated)) == [1, 3]
