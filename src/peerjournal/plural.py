"""Counts in words: "1 entry", "3 entries", "3 days"."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`n` and the noun, plural unless `n` is 1 (default plural: noun + "s", or a consonant
    and "y" -> "ies": "entries", but "days")."""
    if n == 1:
        return f"1 {noun}"
    if plural is None:
        consonant_y = noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u", "")
        plural = noun[:-1] + "ies" if consonant_y else noun + "s"
    return f"{n} {plural}"
