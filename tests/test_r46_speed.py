"""Round 46 (speed of import and rescore): a score's row of `entry_score` is made where it is
scored (`StoredDrift.rates`, in the worker process), not parsed again from its summary by the
store. What is stored must be the same either way."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from peerjournal.db.scoretable import COLUMNS, TABLE, rates
from peerjournal.db.store import DRIFT_COLUMNS, Store, StoredDrift
from peerjournal.drift import load_lexicon
from peerjournal.entry import EntryDraft
from peerjournal.scoring import draft_text, score_for_store

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
TEXTS = (
    "I shared my own recovery story and we learned from each other.",
    "I told him he needs to take his medication and stick to the care plan.",
    "I felt like a fraud. The doctor called her non-compliant; I did not give advice.",
    "We walked to the library together.",
    "Ok.",
    "",
)


def _drafts() -> list[EntryDraft]:
    return [
        EntryDraft(date=date(2026, 12, 1), experience=text or "-", feelings=text)
        for text in TEXTS
    ]


def _stored(drafts: list[EntryDraft]) -> list[StoredDrift]:
    return list(score_for_store([draft_text(d) for d in drafts], load_lexicon()))


def _rows(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        scores = conn.execute(f"SELECT * FROM {TABLE} ORDER BY entry_id").fetchall()
        drifts = conn.execute(
            f"SELECT id, {', '.join(DRIFT_COLUMNS)} FROM entry ORDER BY id"
        ).fetchall()
    return scores, drifts


def test_the_rates_made_with_a_score_are_those_read_from_its_summary() -> None:
    for stored in _stored(_drafts()):
        assert stored.rates is not None
        assert len(stored.rates) == len(COLUMNS)
        assert stored.rates == rates(*json.loads(stored.summary)[:4])


def test_an_import_stores_the_same_rows_with_rates_made_or_read(tmp_path: Path) -> None:
    drafts = _drafts()
    made = _stored(drafts)
    read = [stored._replace(rates=None) for stored in made]  # (as a caller without them)
    stores = []
    for name, drifts in (("made", made), ("read", read)):
        store = Store(tmp_path / f"{name}.db")
        store.add_entries(drafts, NOW, drifts)
        store.close()
        stores.append(_rows(tmp_path / f"{name}.db"))
    assert stores[0] == stores[1]
    scores, drifts = stores[0]
    assert len(scores) == len(drifts) == len(TEXTS)
    # the entry's drift columns hold the five values, not the rates after them
    assert [row[1:] for row in drifts] == [tuple(stored[: len(DRIFT_COLUMNS)]) for stored in made]


def test_a_rescore_stores_the_same_rows_with_rates_made_or_read(tmp_path: Path) -> None:
    drafts = _drafts()
    made = _stored(drafts)
    results = []
    for name, drifts in (("made", made), ("read", [s._replace(rates=None) for s in made])):
        store = Store(tmp_path / f"{name}.db")
        ids = store.add_entries(drafts, NOW, [None] * len(drafts))  # (not scored yet)
        store.set_drifts(zip(ids, drifts, strict=True))
        store.close()
        results.append(_rows(tmp_path / f"{name}.db"))
    assert results[0] == results[1]
    assert len(results[0][0]) == len(TEXTS)
