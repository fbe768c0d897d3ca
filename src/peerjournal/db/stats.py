"""Column queries for reports: entries reduced to `ReportRow`s, without building `Entry` objects.

The stored drift JSON carries every hit's text and offsets; the report needs only the totals,
the per-dimension rates and which markers counted. SQLite's JSON functions slim it down in C
before Python parses it, and the hits are read only for the dates that need them (marker
counts compare two windows; when the earlier one is empty there is nothing to compare). That
keeps a 20,000-entry report well under a second.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from peerjournal.db.engine import translated_errors
from peerjournal.db.store import TAG_SEP, Filters, Store
from peerjournal.trends import ReportRow

# The score without hit texts, in two columns: the compact summary stored beside the score
# ([words, identity, drift, {dimension: [identity, drift]}], written with it; parsing the full
# ~2.5 KB score of 20,000 entries was most of the time budget), and the counted hits as
# [[marker, dimension, polarity], …] for entries dated on or after :hits_from (NULL: none).
_DRIFT_COLUMNS = """
e.drift_summary,
CASE WHEN e.date >= :hits_from THEN (
  SELECT json_group_array(json_array(
    json_extract(h.value, '$.marker'),
    json_extract(h.value, '$.dimension'),
    json_extract(h.value, '$.polarity')))
  FROM json_each(e.drift_json, '$.hits') AS h
  WHERE json_extract(h.value, '$.counted')
) END
"""

_TAGS = f"(SELECT group_concat(tag, '{TAG_SEP}') FROM entry_tag t WHERE t.entry_id = e.id)"


def _columns(with_tags: bool) -> str:
    # The tags subquery costs ~0.15 s at 20,000 rows; the report filters tags in SQL instead.
    tags = _TAGS if with_tags else "NULL"
    return (
        "e.id, e.date, e.setting, e.feelings, e.self_care != '', e.drift_summary IS NOT NULL, "
        f"{tags}, {_DRIFT_COLUMNS}"
    )


def _slim_drift(row: Sequence[Any]) -> dict[str, Any] | None:
    """The columns from index 5 on as the slim score dict `ReportRow.drift` documents."""
    scored, _tags, values, hits = row[5:9]
    if not scored:
        return None
    words, identity, drift, dimensions = json.loads(values)
    return {
        "identity": identity or 0.0,
        "drift": drift or 0.0,
        "words": words or 0,
        "dimensions": {d: {"identity": i, "drift": x} for d, (i, x) in dimensions.items()},
        "hits": [{"marker": m, "dimension": d, "polarity": p} for m, d, p in json.loads(hits)]
        if hits
        else [],
    }


def _where(
    since: date, until: date, setting: str | None, tags: Sequence[str]
) -> tuple[str, dict[str, Any]]:
    """The store's filter SQL, with its positional parameters turned into named ones."""
    where, params = Filters(
        since=since, until=until, setting=setting, tags=list(tags), limit=None
    ).where()
    parts = where.split("?")
    named = "".join(f"{part}:p{i}" for i, part in enumerate(parts[:-1])) + parts[-1]
    return named, {f"p{i}": value for i, value in enumerate(params)}


def report_rows(
    store: Store,
    since: date,
    until: date,
    setting: str | None = None,
    tags: Sequence[str] = (),
    *,
    hits_from: date | None = None,
    with_tags: bool = False,
) -> list[ReportRow]:
    """Live entries dated in [since, until] (inclusive), oldest first.

    `setting` matches case-insensitively; an entry must carry every tag in `tags`.

    Counted hits are loaded for entries dated on or after `hits_from` (None: for none), and
    each row's `tags` only `with_tags` (the report itself never needs them).
    """
    where, params = _where(since, until, setting, tags)
    params["hits_from"] = hits_from.isoformat() if hits_from else None
    sql = f"SELECT {_columns(with_tags)} FROM entry e WHERE {where} ORDER BY e.date, e.id"
    with translated_errors(store.path):
        rows = store.conn.execute(sql, params).fetchall()
    return [
        ReportRow(
            id=row[0],
            date=date.fromisoformat(row[1]),
            setting=row[2],
            feelings=row[3],
            has_self_care=bool(row[4]),
            tags=tuple(sorted(row[6].split(TAG_SEP))) if row[6] else (),
            drift=_slim_drift(row),
        )
        for row in rows
    ]


def has_scored_entries(
    store: Store, since: date, until: date, setting: str | None = None, tags: Sequence[str] = ()
) -> bool:
    """Whether any live, scored entry matching the filters is dated in [since, until]."""
    where, params = _where(since, until, setting, tags)
    sql = f"SELECT EXISTS (SELECT 1 FROM entry e WHERE {where} AND e.drift_json IS NOT NULL)"
    with translated_errors(store.path):
        return bool(store.conn.execute(sql, params).fetchone()[0])
