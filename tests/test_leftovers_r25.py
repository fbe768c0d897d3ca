"""Round 25, last round's leftovers:

1. `report --json` says, window by window, which lexicon versions scored its entries;
2. a name that is also a word ("Will", "Grace") opening a sentence is flagged for checking
   in the export when what follows makes it a person ("Will was upset");
3. "31 Feb 2026" still says "Feb 2026 has no day 31" without dateutil's private parser.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from test_mentor_r24 import _checked

Add = Callable[..., int]
PEER = "I sat with him and shared a bit of my own story. We talked as equals."


# -- 1. report --json: the lexicon versions of each window ------------------------------------


def test_report_json_gives_each_window_the_lexicon_versions_that_scored_it(
    cli: CLI, add: Add, isolated: Path
) -> None:
    """Was: only the journal-wide `lexicon_version` and `stale`; a script charting weeks could
    not tell which weeks mixed scores of two lexicons."""
    days = ("2026-11-02", "2026-11-09", "2026-11-10", "2026-11-11", "2026-11-16", "2026-11-17")
    for day in days:
        add(PEER, "--date", day)
    with sqlite3.connect(isolated / "journal.db") as conn:  # two scored with an older lexicon
        conn.execute("UPDATE entry SET lexicon_version = 'an-old-one' WHERE id IN (1, 2)")
        # and one left unscored: it names no version
        conn.execute("UPDATE entry SET drift_json = NULL, drift_summary = NULL WHERE id = 6")
        conn.execute("DELETE FROM entry_score WHERE entry_id = 6")
    result = cli("report", "--json", "--since", "2026-11-01")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    now = data["lexicon_version"]
    weeks = {p["start"]: p["lexicon_versions"] for p in data["periods"]}
    assert weeks == {
        "2026-11-01": [],  # a Sunday: no entries
        "2026-11-02": ["an-old-one"],
        "2026-11-09": [now, "an-old-one"],  # most used first
        "2026-11-16": [now],
    }
    months = json.loads(cli("report", "--json", "--by", "month").stdout)["periods"]
    assert [p["lexicon_versions"] for p in months if p["entries"]] == [[now, "an-old-one"]]


def test_report_json_lexicon_versions_follow_the_filters(cli: CLI, add: Add) -> None:
    add(PEER, "--date", "2026-11-16", "--setting", "ward")
    result = cli("report", "--json", "--setting", "community")
    assert result.exit_code == 0, result.stderr
    assert all(p["lexicon_versions"] == [] for p in json.loads(result.stdout)["periods"])


# -- 2. a name that is also a word, opening a sentence ------------------------------------------

# Each name is in lower case elsewhere too ("will", "grace"…), which used to make it a word.
AS_NAMES = (
    "Will was upset about the forms. Grace rang me after. Hope said she would come back. "
    "Mark and I walked to the shop. Frank's mum came in. I will call, by the grace of the "
    "rota; I hope so, I mark it down, and frank talk helps."
)
AS_WORDS = (
    "Will you come back? Will need to check. Hope this helps. Mark the date. I will, I hope, "
    "and I mark it."
)


def test_a_name_that_is_also_a_word_opening_a_sentence_is_flagged(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: "Will was upset" went to the mentor with nothing said; "will" is a sentence
    opener, and the others are written in lower case elsewhere in the export."""
    add(AS_NAMES, "--share")
    result = cli("export", "--yes", "-o", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    checked = _checked(result.stderr)
    assert all(word in checked for word in ("Will", "Grace", "Hope", "Mark", "Frank"))
    assert "Will was upset" in (tmp_path / "s.md").read_text()  # flagged, not changed


def test_the_same_words_read_as_words_are_not_flagged(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    add(AS_WORDS + " Priya came in later.", "--share")
    result = cli("export", "--yes", "-o", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    checked = _checked(result.stderr)
    assert "Priya" in checked
    assert not any(word in checked for word in ("Will", "Hope", "Mark"))


# -- 3. a day the month does not have ------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "said"),
    [("31 Feb 2026", "Feb 2026 has no day 31"), ("February 30th", "Feb 2026 has no day 30"),
     ("29 Feb 2025 10:30", "Feb 2025 has no day 29"), ("32 Feb 30", "Feb 2032 has no day 30")],
)
def test_a_day_the_month_lacks_is_named_without_dateutils_private_parser(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, typed: str, said: str
) -> None:
    """Was: read with dateutil's private `parser._parse`; a release that changed it would
    have turned this message into the generic one without a word. Here it changes: dateutil
    itself still calls it, anything else gets an error."""
    from dateutil import parser

    private = parser.parser._parse

    def changed(self: parser.parser, *args: Any, **kwargs: Any) -> Any:
        if sys._getframe(1).f_globals.get("__name__", "").startswith("dateutil"):
            return private(self, *args, **kwargs)
        raise TypeError("_parse() takes other arguments now")

    monkeypatch.setattr(parser.parser, "_parse", changed)
    result = cli("write", "--experience", "We talked.", "--date", typed)
    assert result.exit_code != 0
    assert said in result.stderr
    assert "Traceback" not in result.stderr
