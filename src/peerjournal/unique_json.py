"""JSON objects read with each key once: `json.loads` keeps the last of a key given twice
(`{"story": 3, "story": 4}` in self-check answers, `"redacted": false, "redacted": true` in a
summary), which is not for peerjournal to guess."""

from __future__ import annotations

from typing import Any


class KeyGivenTwice(ValueError):
    """A key given twice in one JSON object (`unique_keys`)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """`json.loads`'s object_pairs_hook that refuses a key given twice (`KeyGivenTwice`)."""
    found = dict(pairs)
    if len(found) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise KeyGivenTwice(key)
            seen.add(key)
    return found
