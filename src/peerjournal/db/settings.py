"""The settings the journal's entries use, for `write` to question a near miss of one."""

from __future__ import annotations

from peerjournal.db.engine import translated_errors
from peerjournal.db.store import Store


def used_settings(store: Store) -> list[str]:
    """Each setting of the live entries, as written, the most used first; ties in the order
    of their letters whatever their case ('crisis' before 'Ty Hafan': SQL's order puts every
    capital before any small letter)."""
    with translated_errors(store.path):
        rows = store.fetch(
            "SELECT setting, count(*) FROM entry WHERE deleted_at IS NULL AND setting != '' "
            "GROUP BY setting",
            named=False,
        )
    ranked = sorted(rows, key=lambda row: (-row[1], str(row[0]).casefold(), str(row[0])))
    return [str(setting) for setting, _ in ranked]
