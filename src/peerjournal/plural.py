"""Counts and lists in words: "1 entry", "3 entries", "3 days"; "a, b and c"."""

from __future__ import annotations

from collections.abc import Sequence


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`n` and the noun, plural unless `n` is 1 (default plural: noun + "s", or a consonant
    and "y" -> "ies": "entries", but "days")."""
    if n == 1:
        return f"1 {noun}"
    if plural is None:
        consonant_y = noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u", "")
        plural = noun[:-1] + "ies" if consonant_y else noun + "s"
    return f"{n:,} {plural}"


def joined(items: Sequence[str], word: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' ('' for none); `word` "or": 'a, b or c'."""
    return f" {word} ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)
