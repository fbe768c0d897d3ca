"""`peerjournal drafts`: the list's lines and each draft's age, in words.

Plain text (no Rich): the list is a line per draft, in columns that never run into each other
("10 minutes ago" beside "write"), with the first words cut to the terminal's width (on a
narrow one, without the time a draft was changed, or beneath it: `lines`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from peerjournal.dates import spoken
from peerjournal.plural import counted

# Older than this, a draft's age is its date ("on 3 Nov 2025"): "704 days ago" is a sum to do.
DATED_AFTER_DAYS = 7
FIRST_WORDS_MIN = 12  # the first words keep at least this many columns on a draft's line
STACK_INDENT = 5  # the first words on a line of their own: under the age, past the number


def age(then: datetime, now: datetime | None = None) -> str:
    """'just now', '10 minutes ago', '3 hours ago', '2 days ago'; beyond DATED_AFTER_DAYS,
    'on 3 Nov' (with its year when that is not this year's)."""
    now = now or datetime.now().astimezone()
    seconds = (now - then).total_seconds()
    if seconds >= DATED_AFTER_DAYS * 86400:
        day = then.date()
        return f"on {spoken(day, year=day.year != now.year)}"
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            return f"{counted(int(seconds // size), unit)} ago"
    return "just now"


def lines(rows: Sequence[Mapping[str, object]], width: int = 0) -> list[str]:
    """A line per draft row (`drafts --json`'s): its number, when it was last changed, its
    age, what it is and its first words, the columns two spaces apart and each as wide as its
    widest cell; the first words cut to fit `width` (0: whole). Where they would have fewer
    than FIRST_WORDS_MIN columns, the time it was changed is left out (its age says when);
    narrower still, the first words go on a line of their own beneath (`STACK_INDENT`)."""
    from peerjournal.drafts import listed_kind
    from peerjournal.textsafe import clean, cut

    numbers = [f"{r['number']:>3}" for r in rows]
    changed = [str(r["modified"])[:16].replace("T", " ") for r in rows]
    ages = [str(r["age"]) for r in rows]
    kinds = [listed_kind(str(r["kind"]), Path(str(r.get("path", ""))).name)
             if r["entry_id"] is None else f"edit of {r['entry_id']}" for r in rows]
    heads = _columns(numbers, changed, ages, kinds)
    if width and _widest(heads) + FIRST_WORDS_MIN > width:
        heads = _columns(numbers, ages, kinds)
    stacked = bool(width) and _widest(heads) + FIRST_WORDS_MIN > width
    out = []
    for row, head in zip(rows, heads, strict=True):
        words = clean(str(row["first_words"]), multiline=False) or "(empty)"
        if stacked:
            out += [head.rstrip(), " " * STACK_INDENT + cut(words, width - STACK_INDENT)]
        else:
            out.append(head + (cut(words, max(width - len(head), FIRST_WORDS_MIN)) if width
                               else words))
    return out


def _columns(*columns: Sequence[str]) -> list[str]:
    """Each row's cells, each column as wide as its widest cell, two spaces after each."""
    widths = [max(map(len, column), default=0) for column in columns]
    return ["".join(f"{cell:<{w}}  " for cell, w in zip(cells, widths, strict=True))
            for cells in zip(*columns, strict=True)]


def _widest(heads: Sequence[str]) -> int:
    return max(map(len, heads), default=0)
