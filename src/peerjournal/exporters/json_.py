"""JSON: the summary document as is (schema peerjournal.summary/1; see docs/summary-schema.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any


def write(summary: dict[str, Any]) -> bytes:
    return (json.dumps(summary, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def full_backup(entries: Iterable[dict[str, Any]]) -> bytes:
    """Every entry as `Entry.to_json()` gives it: a JSON array that `import` reads back."""
    return (json.dumps(list(entries), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
