"""Which settings are one and the same: how reports group entries and filters select them.

A setting is the writer's own words, so spellings that differ only in case or spacing are one
setting: "Crisis team" and "crisis  team", "ÄRZTEHAUS" and "Ärztehaus", "CAFÉ" and "café"
(whether é was typed as one character or as e and an accent, as some keyboards send it),
"crisis" and "crisis" with a zero-width space pasted after it (or inside: "cri\u200bsis").
Entries with no setting form the group "unspecified". `report` groups entries by this key and
`--setting` selects them by it (in SQL too: `db.store` registers it as a function), so the two
always agree.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from peerjournal.textsafe import drawn_as_nothing

UNSPECIFIED_SETTING = "unspecified"


@lru_cache(maxsize=1024)  # a journal names few settings; SQLite asks once per entry
def setting_key(setting: str) -> str:
    """The group `setting` belongs to: lower case (any script), single-spaced, composed (NFC).

    Lower case rather than casefold: the key is the name the report shows, and casefold
    would show "Straße" as "strasse"."""
    folded = unicodedata.normalize("NFC", setting).lower().translate(_NEVER_MEANT)
    return " ".join(_trimmed(folded).split()) or UNSPECIFIED_SETTING


# Invisible characters that change no word wherever they are, dropped inside a setting too:
# "hous\u200bing" (a pasted zero-width space) is "housing". Not the joiners and direction
# marks that _trimmed keeps inside.
_NEVER_MEANT = str.maketrans(dict.fromkeys("\u200b\u2060\ufeff\u00ad"))


def _trimmed(text: str) -> str:
    """`text` without white space or invisible format characters at its ends: "crisis" with
    a zero-width space or a byte order mark after it (a paste) is "crisis". Inside, they stay
    (direction marks in a Hebrew or Arabic name, joiners in an emoji), and so do the tag
    characters that end an emoji flag (U+E0020-U+E007F)."""

    def invisible(ch: str) -> bool:
        return drawn_as_nothing(ch) and not "\U000e0020" <= ch <= "\U000e007f"

    start, end = 0, len(text)
    while start < end and invisible(text[start]):
        start += 1
    while end > start and invisible(text[end - 1]):
        end -= 1
    return text[start:end]
