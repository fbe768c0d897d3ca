"""JSON: the summary document as is (schema peerjournal.summary/1; see docs/summary-schema.md)."""

from __future__ import annotations

import json
from typing import Any

BACKUP_SCHEMA = "peerjournal.backup/1"  # what `importing.read_import` reads back


def write(summary: dict[str, Any]) -> bytes:
    return (json.dumps(summary, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
