"""A new journal is made at the head revision at once, from `schema.sql`.

Running the revisions one by one from an empty file loads Alembic and replays every step
(tables made, then remade by later revisions): ~1.2 s on the first command a new writer ever
runs, the one that makes a first impression. `schema.sql` holds the statements that leave a
journal exactly as those revisions do, in the order SQLite keeps them, and the version row.
tests/test_new_journal.py checks that the two ways give the same journal; after a new revision,
write the file again with

    python -m peerjournal.db.newjournal

Journals that already exist are still upgraded by the revisions (engine._upgrade).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA = Path(__file__).with_name("schema.sql")
HEADER = (
    "-- The schema of a new journal: what the revisions in migrations/versions build, as\n"
    "-- SQLite keeps it. Written by `python -m peerjournal.db.newjournal`; do not edit.\n"
)
# What FTS5 makes by itself for each of its tables (named after the table)
_FTS_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")


def dump(conn: sqlite3.Connection) -> str:
    """The statements that make `conn`'s schema, and its version row, one after another."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
    ).fetchall()
    virtual = [name for name, sql in rows if sql.startswith("CREATE VIRTUAL TABLE")]
    shadows = {name + suffix for name in virtual for suffix in _FTS_SHADOWS}
    statements = [
        f"{sql};" for name, sql in rows if name not in shadows and not name.startswith("sqlite_")
    ]  # (sqlite_sequence comes with the first AUTOINCREMENT table)
    # each index built from its (empty) content, as the revisions leave it
    statements += [f"INSERT INTO {name}({name}) VALUES ('rebuild');" for name in virtual]
    (version,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    statements.append(f"INSERT INTO alembic_version (version_num) VALUES ('{version}');")
    return HEADER + "\n".join(statements) + "\n"


def statements(text: str | None = None) -> list[str]:
    """`schema.sql` (or `text`) as single statements (a trigger's body holds semicolons)."""
    found: list[str] = []
    pending = ""
    for line in (SCHEMA.read_text(encoding="utf-8") if text is None else text).splitlines():
        if not pending and line.startswith("--"):
            continue
        pending += line + "\n"
        if sqlite3.complete_statement(pending):
            found.append(pending.strip())
            pending = ""
    return found


def _write() -> None:
    """schema.sql, from a journal the revisions make in a temporary folder."""
    import tempfile

    from peerjournal.db import engine

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.db"
        engine._upgrade(path)
        conn = sqlite3.connect(path)
        try:
            SCHEMA.write_text(dump(conn), encoding="utf-8")
        finally:
            conn.close()
    print(f"Wrote {SCHEMA}.")


if __name__ == "__main__":
    _write()
