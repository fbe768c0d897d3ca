"""`peerjournal drafts`: the list's lines and each draft's age, in words.

Plain text (no Rich): the list is a line per draft, in columns that never run into each other
("10 minutes ago" beside "write"), with the first words cut to the terminal's width.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from peerjournal.dates import spoken
from peerjournal.plural import counted

# Older than this, a draft's age is its date ("on 3 Nov 2025"): "704 days ago" is a sum to do.
DATED_AFTER_DAYS = 7
FIRST_WORDS_MIN = 12  # the first words keep at least this many columns, however narrow


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
    widest cell; the first words cut to fit `width` (0: whole)."""
    from peerjournal.textsafe import clean, cut

    kinds = [str(r["kind"]) if r["entry_id"] is None else f"edit of {r['entry_id']}"
             for r in rows]
    ages = [str(r["age"]) for r in rows]
    age_width = max(map(len, ages), default=0)
    kind_width = max(map(len, kinds), default=0)
    out = []
    for row, when, what in zip(rows, ages, kinds, strict=True):
        words = clean(str(row["first_words"]), multiline=False) or "(empty)"
        line = (
            f"{row['number']:>3}  {str(row['modified'])[:16].replace('T', ' ')}  "
            f"{when:<{age_width}}  {what:<{kind_width}}  "
        )
        out.append(line + (cut(words, max(width - len(line), FIRST_WORDS_MIN)) if width
                           else words))
    return out
