"""`list` of thousands of entries (round 25 QA: `list --limit 0` of 20,000 took 25 s): the long
table is drawn by `LongTable`, which must print exactly what Rich's own table prints, character
for character and style for style, at every width, in colour and without."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.style import Style
from rich.text import Text

from peerjournal.entry import Entry
from peerjournal.render.entries import LONG_LIST, EntryTable
from peerjournal.render.layout import LongTable

# letters of one cell and of two, accents typed apart, emoji, spaces: what a journal holds
LETTERS = st.sampled_from(
    [*"abcxyz ABC  .,-'", "é", "e\u0301", "日", "本", "😀", "ł", "ß", "ﬁ", "\u200b", "Ａ"]
)
WORDS = st.lists(LETTERS, max_size=80).map("".join)
VERDICTS = st.sampled_from([None, "identity", "drift", "mixed", "insufficient"])


@st.composite
def entries(draw: st.DrawFn) -> list[Entry]:
    count = draw(st.integers(1, 6))
    return [
        Entry(
            date=date(2026, 1, 1 + n),
            experience=draw(WORDS),
            setting=draw(st.lists(LETTERS, max_size=20).map("".join)),
            tags=draw(st.lists(st.text(st.sampled_from("abé日-"), min_size=1, max_size=9),
                               max_size=3)),
            id=draw(st.integers(1, 10**draw(st.integers(1, 6)))),
            deleted_at=datetime(2026, 2, 1, 9, 0) if draw(st.booleans()) else None,
            drift_verdict=draw(VERDICTS),
        )
        for n in range(count)
    ]


def _drawn(renderable: Any, width: int, colour: bool) -> str | list[tuple[str, Style]]:
    """What the terminal shows: without colour, the text printed; in colour, each character
    of it with its style, read back from the codes written (Rich may write one style as two
    runs where LongTable writes one: the screen is the same)."""
    out = io.StringIO()
    console = Console(
        file=out, width=width, force_terminal=colour, color_system="truecolor" if colour else None,
        markup=False, highlight=False, emoji=False, legacy_windows=False,
        _environ={},  # not the tests' TERM=dumb, with which Rich draws at 80 columns whatever
    )
    console.print(renderable)
    if not colour:
        return out.getvalue()
    return [
        (ch, segment.style or Style())
        for segment in Text.from_ansi(out.getvalue()).render(console)
        for ch in segment.text
    ]


@settings(max_examples=150, deadline=None)
@given(entries(), st.integers(20, 160), st.booleans(), st.booleans())
def test_long_table_draws_what_rich_draws(
    listed: list[Entry], width: int, colour: bool, trash: bool
) -> None:
    table = EntryTable(listed, deleted=trash)
    if table.parts(width) is None:
        return  # the stacked blocks: not a table

    def parts() -> tuple[Any, Any]:
        return table.parts(width)

    head, rows = parts()
    for cells in rows:
        head.add_row(*cells)
    assert _drawn(LongTable(*parts()), width, colour) == _drawn(head, width, colour)


def test_a_list_longer_than_the_threshold_is_the_same_list(
    cli: Callable[..., Any], add: Callable[..., int]
) -> None:
    """What a user sees: every entry, one row each, in the table Rich would draw."""
    for n in range(LONG_LIST + 5):
        add(f"Shift number {n} on the ward, a long day with the team.", "-t", "team")
    result = cli("list", "--limit", "0")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    rows = [line for line in lines if line.strip()[:1].isdigit()]
    assert len(rows) == LONG_LIST + 5
    header = next(line for line in lines if line.strip())
    assert header.split() == ["ID", "Date", "Setting", "Tags", "Drift", "Experience"]
    assert any("Shift number 104" in row for row in rows)
    assert all(len(line) <= 100 for line in lines)  # COLUMNS=100 in the tests
    ids = [json.loads(cli("list", "--limit", "0", "--json").stdout)[i]["id"] for i in (0, -1)]
    assert rows[0].split()[0] == str(ids[0]) and rows[-1].split()[0] == str(ids[-1])
