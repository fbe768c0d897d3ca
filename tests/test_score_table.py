"""The table of scores a report adds up (db.scoretable, revision 0007): written with every
score, removed with its entry, filled by the upgrade with the numbers the report read before."""

from __future__ import annotations

import importlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CLI, alembic_config
from peerjournal.db import engine
from peerjournal.db.scoretable import COLUMNS, TABLE, _row
from peerjournal.drift import DIMENSIONS

DRIFTY = "I told him he should take his meds and reminded him he is non-compliant."
PEER = "I shared my own story of recovery and we sat with it together, side by side."


def _scores(path: Path) -> dict[int, tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(f"SELECT entry_id, {', '.join(COLUMNS)} FROM {TABLE}").fetchall()
    return {row[0]: row[1:] for row in rows}


def _from_summaries(path: Path) -> dict[int, tuple[object, ...]]:
    """What the upgrade's SQL makes of each stored drift_summary (revision 0007)."""
    from alembic import command

    copy = path.with_name("copy.db")
    with sqlite3.connect(path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    config = alembic_config(copy)
    command.downgrade(config, "0006")
    command.upgrade(config, "0007")
    return _scores(copy)


def test_every_way_of_storing_a_score_keeps_the_table_as_the_upgrade_fills_it(
    cli: CLI, add: Callable[..., int], isolated: Path
) -> None:
    first, second, third = add(DRIFTY), add(PEER), add("A quiet shift.")
    assert cli("edit", str(second), "--experience", DRIFTY + " " + PEER).exit_code == 0
    path = isolated / "journal.db"
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE entry SET lexicon_version = 'old'")
    assert cli("drift", "--rescore").exit_code == 0
    assert cli("delete", str(first)).exit_code == 0
    assert cli("trash", "--empty", "--yes").exit_code == 0
    stored = _scores(path)
    assert set(stored) == {second, third}
    assert stored == _from_summaries(path)
    words, identity_w, drift_w = stored[second][:3]  # the edit has evidence both ways
    assert words > 20 and identity_w > 0 and drift_w > 0


def test_the_upgrade_fills_the_table_and_the_report_says_the_same(
    cli: CLI, add: Callable[..., int], isolated: Path
) -> None:
    from alembic import command

    for n in range(6):
        add(DRIFTY if n % 2 else PEER, "--date", f"2026-11-0{n + 1}", "--setting", "ward")
    before = cli("report", "--json", "--by", "month", "--since", "2026-01-01").stdout
    path = isolated / "journal.db"
    config = alembic_config(path)
    command.downgrade(config, "0006")
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert TABLE not in tables and "entry_score_delete" not in tables
    after = cli("report", "--json", "--by", "month", "--since", "2026-01-01")  # upgrades
    assert after.exit_code == 0, after.stderr
    assert json.loads(after.stdout) == json.loads(before)
    assert len(_scores(path)) == 6
    with sqlite3.connect(path) as conn:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == (engine.HEAD_REVISION,)


_rate = st.decimals(min_value=0, max_value=200, places=3).map(float)


@settings(max_examples=200, deadline=None)
@given(
    words=st.integers(min_value=0, max_value=100_000),
    identity=_rate,
    drift=_rate,
    dimensions=st.dictionaries(st.sampled_from(DIMENSIONS), st.tuples(_rate, _rate)),
)
def test_the_stores_arithmetic_is_sqlites(
    words: int, identity: float, drift: float, dimensions: dict[str, tuple[float, float]]
) -> None:
    """The store's row for a summary (Python) is what the upgrade computes from it (SQLite)."""
    summary = json.dumps([words, identity, drift, {d: list(v) for d, v in dimensions.items()}])
    sql = _sql_row(summary)
    assert _row(1, summary) == (1, *sql)


def _sql_row(summary: str) -> tuple[object, ...]:
    columns = importlib.import_module("peerjournal.db.migrations.versions.0007_entry_score")
    with sqlite3.connect(":memory:") as conn:
        select = ", ".join(columns.sources(":s").values())
        return tuple(conn.execute(f"SELECT {select}", {"s": summary}).fetchone())
