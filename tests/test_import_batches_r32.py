"""Round 32: a large import or rescore writes its tags, score rows and search index by
batches as the scores arrive (`store.WRITTEN_BY`), and an import reads each list of tags once:
what the journal holds is as before, in every batch and across their edges."""

from __future__ import annotations

import json
import sqlite3

import pytest

from conftest import CLI, fts_integrity_check, search_hits
from peerjournal import paths
from peerjournal.db import store as store_module

BATCH = 7  # small, so that a few hundred entries cross many batch edges
COUNT = 250  # over BULK_FROM (indexed in bulk) and not a multiple of BATCH (a last part batch)


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "WRITTEN_BY", BATCH)


def _records() -> list[dict[str, object]]:
    return [
        {
            "date": "2026-11-01",
            "experience": f"I sat with Sam, entry marker{n}word, and we talked about his week.",
            "feelings": "I felt hopeful." if n % 2 else "",
            "tags": ["Hand Over", f"t{n % 3}"] if n % 5 else [],
            "answers": {"learn": f"answer{n}word"} if n % 4 == 0 else {},
        }
        for n in range(1, COUNT + 1)
    ]


def _rows(sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(paths.db_path()) as conn:
        return conn.execute(sql).fetchall()


def test_every_batch_of_a_large_import_is_tagged_scored_and_searchable(cli: CLI) -> None:
    result = cli("import", "-", input=json.dumps(_records()))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"Imported {COUNT} entries (peerjournal JSON) on ")
    tagged = [(n, tag) for n in range(1, COUNT + 1) if n % 5
              for tag in sorted(["hand-over", f"t{n % 3}"])]
    # in the order of the entries, each one's tags in order, as one by one before
    assert _rows("SELECT entry_id, tag FROM entry_tag ORDER BY rowid") == tagged
    assert _rows("SELECT count(*) FROM entry_score") == [(COUNT,)]
    assert _rows("SELECT count(*) FROM entry WHERE drift_summary IS NULL") == [(0,)]
    for n in (1, BATCH, BATCH + 1, 2 * BATCH, COUNT - 1, COUNT):  # batch edges, the last part
        assert [hit["id"] for hit in search_hits(cli, f"marker{n}word")] == [n]
    assert [hit["id"] for hit in search_hits(cli, "answer248word")] == [248]
    fts_integrity_check(paths.db_path())
    assert cli("write", "-x", "a new entry after the import: marker0word").exit_code == 0
    assert [hit["id"] for hit in search_hits(cli, "marker0word")] == [COUNT + 1]  # trigger back


def test_a_rescore_by_batches_stores_every_score(cli: CLI) -> None:
    assert cli("import", "-", input=json.dumps(_records())).exit_code == 0
    before = _rows("SELECT entry_id, words, identity_w, drift_w FROM entry_score ORDER BY 1")
    with sqlite3.connect(paths.db_path()) as conn:
        conn.execute("UPDATE entry SET lexicon_version = 'old'")
        conn.execute("DELETE FROM entry_score")
    result = cli("drift", "--rescore")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"Re-scored {COUNT} entries with lexicon ")
    assert _rows("SELECT count(*) FROM entry WHERE lexicon_version = 'old'") == [(0,)]
    assert _rows("SELECT entry_id, words, identity_w, drift_w FROM entry_score ORDER BY 1") == (
        before
    )


def test_a_bad_tag_is_still_refused_by_its_record(cli: CLI) -> None:
    records = _records()[:3]
    records[2]["tags"] = ["!!!"]
    result = cli("import", "-", input=json.dumps(records))
    assert result.exit_code == 1
    assert result.stderr == (
        "peerjournal: standard input: record 3: not a usable tag: '!!!' (a tag needs at least "
        "one letter or number). Nothing was imported.\n"
    )
