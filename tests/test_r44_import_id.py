"""Round 44 (fix_import_id): a backup's Journal ID at import. Two people who import one starter
backup into new journals are asked at a terminal (else told, with the way back); `import
--journal-id new` gives a journal an ID of its own; `--journal-id backup` from a backup that
carries none says so; the question comes after what the backup holds, and Ctrl-D at it stops
the import."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, CTRL_D
from peerjournal.cli.importer import (
    JOURNAL_ID_ASK,
    JOURNAL_ID_FIRST_QUESTION,
    JOURNAL_ID_QUESTION,
)
from test_r43_journal_id import TAKEN_NOTE, _backup, _export, _flat, _review_json, _stored, _write

STARTER_TEXT = "Starter example: I sat with a man on the ward and we talked about sleep."


def _starter(cli: CLI, tmp_path: Path) -> tuple[Path, str]:
    """A coordinator's starter backup, from a journal that once exported a summary (so the
    backup carries its Journal ID), and that ID."""
    _write(cli, STARTER_TEXT, "2026-09-03")
    coordinator = _export(cli, tmp_path / "coord.json", "--from", "Coordinator")["journal"]
    starter = tmp_path / "starter.json"
    _backup(cli, starter)
    return starter, coordinator


def _journal(tmp_path: Path, name: str) -> tuple[str, str]:
    return ("--db", str(tmp_path / name / "journal.db"))


def _entries(db: tuple[str, str]) -> int:
    import sqlite3

    with sqlite3.connect(db[1]) as conn:
        return int(conn.execute("SELECT count(*) FROM entry").fetchone()[0])


def test_a_starter_taken_by_two_people_says_the_way_back_and_new_parts_them(
    cli: CLI, tmp_path: Path
) -> None:
    """Not at a terminal, a journal without an ID still takes the backup's, but the note
    names the command that undoes it; `--journal-id new` then gives Jo's journal an ID of its
    own, and the mentor's review reads Jo and Kim as two writers."""
    starter, coordinator = _starter(cli, tmp_path)
    jo, kim = _journal(tmp_path, "jo"), _journal(tmp_path, "kim")
    for db in (jo, kim):
        result = cli(*db, "import", str(starter))
        assert result.exit_code == 0, result.stderr
        said = _flat(result.stderr)
        assert TAKEN_NOTE in said
        assert (f"If the backup is someone else's (a starter journal), `peerjournal --db {db[1]} "
                f"import --journal-id new {starter}` gives this journal one of its own.") in said
        assert _stored(Path(db[1])) == [(1, coordinator)]
    kept = cli(*jo, "import", str(starter), "--journal-id", "keep", "--json")
    assert kept.exit_code == 0 and json.loads(kept.stdout)["journal_id"] == "same"
    assert (f"already carries the backup's Journal ID ({coordinator}), taken from it before: "
            "--journal-id keep changes nothing") in _flat(kept.stderr)
    planned = cli(*jo, "import", str(starter), "--journal-id", "new", "--dry-run", "--json")
    assert planned.exit_code == 0 and json.loads(planned.stdout)["journal_id"] == "new"
    assert f"would get a new Journal ID in place of {coordinator}" in _flat(planned.stderr)
    assert _stored(Path(jo[1])) == [(1, coordinator)]
    fresh = cli(*jo, "import", str(starter), "--journal-id", "NEW", "--json")
    assert fresh.exit_code == 0, fresh.stderr
    done = json.loads(fresh.stdout)
    assert done["journal_id"] == "new" and done["entries"] == 0 and _entries(jo) == 1
    ((_, new_id),) = _stored(Path(jo[1]))
    assert new_id not in (coordinator, None) and len(new_id) == 12
    said = _flat(fresh.stderr)
    assert f"got a new Journal ID ({new_id}) in place of {coordinator}" in said
    assert f"Summaries already sent carry {coordinator}" in said
    _write(cli, "Met her at the cafe and I shared a bit of my own story.", "2026-10-14", *jo)
    _write(cli, "Group at the day centre: I said I have heard voices too.", "2026-11-18", *kim)
    jo_sum = tmp_path / "jo1.json"
    kim_sum = tmp_path / "kim1.json"
    _export(cli, jo_sum, "--from", "Jo", "--since", "2026-10-12", "--until", "2026-11-08", db=jo)
    _export(cli, kim_sum, "--from", "Kim", "--since", "2026-11-09", db=kim)
    review = _review_json(cli, jo_sum, kim_sum)
    assert sorted(s["writer_number"] for s in review["summaries"]) == [1, 2]


def test_at_a_terminal_a_journal_without_an_id_is_asked_after_what_the_backup_holds(
    cli: CLI, tmp_path: Path, keys: Any
) -> None:
    starter, coordinator = _starter(cli, tmp_path)
    jo = _journal(tmp_path, "jo")
    keys("n")
    kept = cli(*jo, "import", str(starter), "--json")
    assert kept.exit_code == 0, kept.stderr
    assert json.loads(kept.stdout)["journal_id"] == "kept" and _stored(Path(jo[1])) == []
    said = _flat(kept.stderr)
    holds = f"{starter} holds 1 entry (peerjournal backup), on 2026-09-03. It carries a Journal"
    assert said.index(holds) < said.index(_flat(JOURNAL_ID_FIRST_QUESTION))
    assert f"({coordinator})." in said and "Imported 1 entry" in said
    asked = [line for line in kept.stderr.splitlines() if JOURNAL_ID_ASK in line]
    # (a short line of its own, not 330 wide; the typed answer is not echoed here)
    assert len(asked) == 1 and asked[0].startswith(f"{JOURNAL_ID_ASK} [y/N] ")
    kim = _journal(tmp_path, "kim")
    keys("y")
    taken = cli(*kim, "import", str(starter))
    assert taken.exit_code == 0, taken.stderr
    assert TAKEN_NOTE in _flat(taken.stderr) and _stored(Path(kim[1])) == [(1, coordinator)]
    keys()  # the IDs the same now: not asked
    again = cli(*kim, "import", str(starter))
    assert again.exit_code == 0 and JOURNAL_ID_ASK not in again.stderr


@pytest.mark.parametrize("typed", [CTRL_D, "q", "stop"])  # (q: a no at other questions)
def test_ctrl_d_at_the_question_stops_the_import(
    cli: CLI, tmp_path: Path, keys: Any, typed: str
) -> None:
    """"No" would import; a key pressed to leave must not: nothing imported, ID unchanged."""
    starter, _ = _starter(cli, tmp_path)
    mine = _journal(tmp_path, "mine")
    _write(cli, "We walked to the housing office together.", "2026-11-05", *mine)
    own = _export(cli, tmp_path / "mine.json", "--since", "2026-11-01", db=mine)["journal"]
    keys(typed)
    stopped = cli(*mine, "import", str(starter))
    assert stopped.exit_code == 1 and "Traceback" not in stopped.stderr
    assert _flat(JOURNAL_ID_QUESTION) in _flat(stopped.stderr)
    said = "No answer" if typed == CTRL_D else "Stopped"  # (q is typed: the terminal ends its line)
    assert stopped.stderr.strip().splitlines()[-1].endswith(
        f"peerjournal: {said}: nothing was imported (the journal is as it was). --journal-id "
        "backup or keep gives the answer without the question.")
    assert _entries(mine) == 1 and _stored(Path(mine[1])) == [(1, own)]


def test_replacing_says_the_old_id_and_the_way_back(cli: CLI, tmp_path: Path) -> None:
    starter, coordinator = _starter(cli, tmp_path)
    mine = _journal(tmp_path, "mine")
    _write(cli, "We walked to the housing office together.", "2026-11-05", *mine)
    own = _export(cli, tmp_path / "mine.json", "--since", "2026-11-01", db=mine)["journal"]
    replaced = cli(*mine, "import", str(starter), "--journal-id", "backup")
    assert replaced.exit_code == 0, replaced.stderr
    said = _flat(replaced.stderr)
    assert f"took the backup's Journal ID ({coordinator}) in place of its own ({own})" in said
    assert (f"If the backup is not of your own journal, `peerjournal --db {mine[1]} import "
            f"--journal-id new {starter}` gives this journal a new ID of its own (not {own} "
            f"again: tell your mentor that summaries carrying {own} are yours).") in said
    back = cli(*mine, "import", str(starter), "--journal-id", "new")
    assert back.exit_code == 0
    assert _stored(Path(mine[1]))[0][1] not in (own, coordinator)


def test_journal_id_backup_from_a_backup_without_one_says_so(cli: CLI, tmp_path: Path) -> None:
    """A backup of a journal that never exported a summary: nothing to take, said, exit 0."""
    old = _journal(tmp_path, "old")
    _write(cli, "Sat with him on the ward and listened.", "2026-08-01", *old)
    backup = tmp_path / "b.json"
    _backup(cli, backup, *old)
    new = _journal(tmp_path, "new")
    _write(cli, "Group at the day centre.", "2026-11-01", *new)
    own = _export(cli, tmp_path / "s.json", "--since", "2026-11-01", db=new)["journal"]
    note = ("The backup carries no Journal ID (a journal's first summary makes one), so "
            "--journal-id backup has none to take: this journal's ID {} unchanged.")
    planned = cli(*new, "import", "--journal-id", "backup", str(backup), "--dry-run")
    assert planned.exit_code == 0 and note.format("would be") in _flat(planned.stderr)
    result = cli(*new, "import", "--journal-id", "backup", str(backup), "--json")
    assert result.exit_code == 0, result.stderr
    done = json.loads(result.stdout)
    assert done["journal_id"] is None and done["notes"] == [note.format("is")]
    assert _stored(Path(new[1])) == [(1, own)]
    plain = cli(*new, "import", "--journal-id", "keep", str(backup), "--json")
    assert json.loads(plain.stdout)["notes"] == []  # (keep: nothing to say)
