"""The settings the journal's entries use, for `write` to question a near miss of one."""

from __future__ import annotations

from peerjournal.db.engine import translated_errors
from peerjournal.db.store import Store


def used_settings(store: Store) -> list[str]:
    """Each setting of the live entries, as written, the most used first."""
    with translated_errors(store.path):
        rows = store.fetch(
            "SELECT setting FROM entry WHERE deleted_at IS NULL AND setting != '' "
            "GROUP BY setting ORDER BY count(*) DESC, setting",
            named=False,
        )
    return [str(setting) for (setting,) in rows]
