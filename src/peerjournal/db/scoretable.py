"""Each scored entry's evidence as whole numbers ready to add up: the table `entry_score`.

A report adds up, per period and setting, each entry's words and its identity and drift rates
(overall and per dimension) times its words (`trends.Totals`). Read out of drift_summary's
JSON, that took ~30 JSON parses an entry (SQLite before 3.45 parses a value again for each
`json_extract`): most of a 10-year report over 20,000 entries. This table keeps those numbers
as integers, one row per scored entry, one column per dimension (revision 0007). The store
writes it with every score; a trigger removes a row with its entry.
"""

from __future__ import annotations

import json
import sqlite3

from peerjournal.drift import DIMENSIONS
from peerjournal.trends import scaled

TABLE = "entry_score"
# [identity, drift] x words for the whole entry, then for each dimension; NULL where the
# dimension has no evidence (as a sum over no entries with it)
PAIRS = ("", *(f"{dimension}_" for dimension in DIMENSIONS))
COLUMNS = ("words", *(f"{pair}{side}_w" for pair in PAIRS for side in ("identity", "drift")))
_UPSERT = (
    f"INSERT OR REPLACE INTO {TABLE} (entry_id, {', '.join(COLUMNS)}) "
    f"VALUES (?{', ?' * len(COLUMNS)})"
)


def dimension_columns(dimension: str) -> tuple[str, str]:
    """The (identity, drift) columns of `dimension`, one of DIMENSIONS."""
    if dimension not in DIMENSIONS:
        raise ValueError(f"not a dimension: {dimension!r}")
    return f"{dimension}_identity_w", f"{dimension}_drift_w"


class ScoreRows:
    """The table's rows for scores as they arrive, built at once (while worker processes are
    still scoring the rest: an import or a rescore waits for them), written by `write` (as
    many times as rows are added: each writes those added since the one before)."""

    def __init__(self) -> None:
        self._rows: list[tuple[int | None, ...]] = []
        self._unscored: list[tuple[int]] = []

    def add(
        self, entry_id: int, summary: str | None, made: tuple[int | None, ...] | None = None
    ) -> None:
        """The entry whose drift_summary is `summary` (None: not scored, no row). `made`: its
        row but the ID (`rates`), when made with the summary (in the process that scored it),
        so that the summary is not parsed again here."""
        if summary is None:
            self._unscored.append((entry_id,))
        elif made is not None:
            self._rows.append((entry_id, *made))
        else:
            self._rows.append(_row(entry_id, summary))

    def write(self, conn: sqlite3.Connection) -> None:
        conn.executemany(f"DELETE FROM {TABLE} WHERE entry_id = ?", self._unscored)
        conn.executemany(_UPSERT, self._rows)
        self._unscored.clear()
        self._rows.clear()


def _row(entry_id: int, summary: str) -> tuple[int | None, ...]:
    """The table's row for an entry whose drift_summary is `summary`."""
    return (entry_id, *rates(*json.loads(summary)[:4]))


def rates(
    words: int, identity: float, drift: float, dimensions: dict[str, list[float]]
) -> tuple[int | None, ...]:
    """The table's row but the entry's ID (COLUMNS), from the first four items of a
    drift_summary (`words`, `identity`, `drift`, `dimensions`: {dimension: [identity, drift]}
    of those with evidence)."""
    row: list[int | None] = [words, scaled(identity) * words, scaled(drift) * words]
    for dimension in DIMENSIONS:
        pair = dimensions.get(dimension)
        row += (None, None) if pair is None else (scaled(pair[0]) * words, scaled(pair[1]) * words)
    return tuple(row)
