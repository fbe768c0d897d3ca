"""A damaged journal: `export --full` saves every entry that can still be read (a damaged page
fails a whole scan, rows read one by one fail only where the damage is), names the ones that
cannot be, and exits 4 so that no script takes the file for a whole backup."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from conftest import CLI
from peerjournal import paths

MARK = b"UNREADABLE-PART"


def damage_one_entry(db: Path) -> None:
    """Break an overflow page halfway through the one long entry's text: its pointer to the
    next page points past the end of the file, so that row, and only it, cannot be read."""
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(db.read_bytes())
    middle = data.find(MARK, data.find(MARK) + 3 * page_size)  # past the row's own page
    page = middle // page_size * page_size
    data[page : page + 4] = b"\xff\xff\xff\xff"
    db.write_bytes(bytes(data))


def test_a_full_export_of_a_damaged_journal_saves_what_can_be_read(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    kept = [add(f"Sat with Sam on day {n}, and we talked about his week.") for n in range(3)]
    lost = add(" ".join([MARK.decode()] * 2000))  # long: it runs over several pages
    kept.append(add("Walked Jo to the housing office."))
    damage_one_entry(paths.db_path())
    assert cli("list").exit_code == 4  # a whole scan fails

    out = tmp_path / "backup.json"
    result = cli("export", "--full", "--output", str(out))
    assert result.exit_code == 4
    message = " ".join(result.stderr.split())
    assert f"The backup in {out} holds every entry that could still be read; 1 entry could " \
        f"not be ({lost})." in message
    backup = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(e["id"] for e in backup["entries"]) == kept
    assert all(MARK.decode() not in e["experience"] for e in backup["entries"])


def test_a_damaged_journal_says_export_full_saves_what_is_left(
    cli: CLI, add: Callable[..., int]
) -> None:
    add(" ".join([MARK.decode()] * 2000))
    damage_one_entry(paths.db_path())
    result = cli("list")
    assert result.exit_code == 4
    assert "`peerjournal export --full` saves the entries that can still be read" in (
        " ".join(result.stderr.split()))


def test_an_undamaged_journal_exports_whole_and_exits_0(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    ids = [add(), add("Walked Jo to the housing office.")]
    out = tmp_path / "backup.json"
    assert cli("export", "--full", "--output", str(out)).exit_code == 0
    assert [e["id"] for e in json.loads(out.read_text(encoding="utf-8"))["entries"]] == ids
