"""A setting one or two letters away from one the writer has used or the prompt lists.

Settings are free text, so a new one is always possible; only a near miss of a known one
("inpateint") is questioned, since it would otherwise become a row of its own in the report
and the mentor summary. Near is counted in edits (a letter added, dropped, changed, or two
neighbours swapped) between `setting_key`s: at most 2, or 1 for a name of up to 5
characters, where two edits turn one short word into another ("ward", "card", "yard"). The
start of a known one, 3 characters or more ("commu": Enter pressed early), is near it too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from peerjournal.entry import SETTING_SUGGESTIONS
from peerjournal.errors import PeerJournalError
from peerjournal.setting_groups import UNSPECIFIED_SETTING, setting_key

if TYPE_CHECKING:
    from peerjournal.db.store import Store

SHORT_NAME = 5  # characters: a name this short is near another at one edit only
# A setting typed that is the start of a known one, of at least SHORTEST_START characters, is
# questioned too; ranked after every near miss (STARTS_IT: more than any count of edits).
SHORTEST_START = 3
STARTS_IT = 3


def likely_meant(typed: str, known: Iterable[str]) -> str | None:
    """The known setting `typed` is most likely a slip for (the nearest; on a tie the first
    of `known`), or None: when it is one of them already, or near none."""
    key = setting_key(typed)
    if key == UNSPECIFIED_SETTING:
        return None
    best: tuple[int, str] | None = None
    for name in known:
        other = setting_key(name)
        if other == key:
            return None
        most = 1 if min(len(key), len(other)) <= SHORT_NAME else 2
        found = edits(key, other, most)
        if found > most:  # "commu": Enter pressed early, the rest of "community" not typed
            starts = len(key) >= SHORTEST_START and other.startswith(key)
            found = STARTS_IT if starts else STARTS_IT + 1
        if found <= STARTS_IT and (best is None or found < best[0]):
            best = (found, name)
    return best[1] if best else None


def known_settings(store: Callable[[], Store]) -> list[str]:
    """The settings of the journal `store()` opens (the most used first), then the prompt's
    list; only the list when the journal cannot be read (a near-miss question is never worth
    an error)."""
    from peerjournal.db.settings import used_settings

    try:
        used = used_settings(store())
    except PeerJournalError:
        used = []
    return [*used, *SETTING_SUGGESTIONS]


def edits(a: str, b: str, most: int) -> int:
    """Edits from `a` to `b` (optimal string alignment: a swap of neighbours is one); any
    number above `most` is returned as most + 1, without counting on."""
    if abs(len(a) - len(b)) > most:
        return most + 1
    before: list[int] | None = None
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            current[j] = min(
                row[j] + 1,
                current[j - 1] + 1,
                row[j - 1] + (a[i - 1] != b[j - 1]),
            )
            if before is not None and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > most:
            return most + 1
        before, row = row, current
    return min(row[-1], most + 1)
