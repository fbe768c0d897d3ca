"""What a self-check must be to be trusted: rules that both `import` (a backup's self-checks)
and `review` (a summary's) apply, so that no self-check import takes is one review refuses."""

from __future__ import annotations

from datetime import date, timedelta

# How far after the day it is read on (or a summary was made) a self-check may be dated: its
# date is the writer's own, the day it is compared with may be UTC's (a summary's generated_at).
LATE = timedelta(days=1)


def dated_too_late(day: date, read_on: date) -> bool:
    """Whether a self-check dated `day` is later than any made by `read_on` can be."""
    return read_on < date.max - LATE and day > read_on + LATE  # (no day is after 9999-12-31)


def complete_but_empty(answers: int, complete: bool) -> bool:
    """Whether a self-check is marked complete with no item answered: `supervision check`
    never saves one, and an export would include it with no items."""
    return complete and answers == 0
