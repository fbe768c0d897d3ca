"""JSON: the summary document as is (schema peerjournal.summary/1; see docs/summary-schema.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from peerjournal.redact import Person

BACKUP_SCHEMA = "peerjournal.backup/1"  # what `importing.read_import` reads back


def write(summary: dict[str, Any]) -> bytes:
    return (json.dumps(summary, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def full_backup(
    entries: Iterable[dict[str, Any]], people: Iterable[Person] | None = None
) -> bytes:
    """A backup that `import` reads back: {"schema": "peerjournal.backup/1", "entries":
    [every entry as `Entry.to_json()` gives it], "people": [{"name", "alias"}, …]}.

    The people list goes with the entries so a restored journal still redacts those names.
    Without `people` (None) it is the old bare array of entries, which restores no names:
    every caller should pass the people list (an empty one if there is nobody).
    """
    listed: Any = list(entries)
    if people is not None:
        listed = {
            "schema": BACKUP_SCHEMA,
            "entries": listed,
            "people": [{"name": p.name, "alias": p.alias} for p in people],
        }
    return (json.dumps(listed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
