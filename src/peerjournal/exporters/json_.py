"""JSON: the summary document as is (schema peerjournal.summary/1; see docs/summary-schema.md)."""

from __future__ import annotations

import json
import re
from typing import Any

BACKUP_SCHEMA = "peerjournal.backup/1"  # what `importing.read_import` reads back
# What a parser stops at when the text runs out inside a value: "nul", "84.", "-", "\\ud8".
_CUT_TOKEN = re.compile(r"[A-Za-z0-9.+\-\\]*")
_CUT_MESSAGES = ("Expecting", "Invalid \\uXXXX escape")
BEFORE_JSON = " \t\r\n\ufeff"  # JSON's white space, and a byte-order mark an editor added


def write(summary: dict[str, Any]) -> bytes:
    return (json.dumps(summary, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def cut_short(text: str, exc: json.JSONDecodeError) -> bool:
    """Whether JSON that does not parse was cut short (a copy, download or send that stopped
    part way) rather than written wrong: the text ran out before the JSON did (a string
    still open at the end, or nothing more), or stops inside its last value. Only text that
    starts as every file peerjournal writes does, with an object or a list, can be: a note
    that says "notes" is no JSON at all, not JSON cut inside "null"."""
    if not text.lstrip(BEFORE_JSON).startswith(("{", "[")):
        return False
    if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
        return True
    rest = text[exc.pos:].rstrip()
    return exc.msg.startswith(_CUT_MESSAGES) and _CUT_TOKEN.fullmatch(rest) is not None
