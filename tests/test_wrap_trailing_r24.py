"""No blank at the end of a wrapped line, round 24: Rich keeps the space a paragraph was wrapped
at and pads indented and bulleted paragraphs to the full width. Unseen on the terminal, but
pasted into an email or a mentor note. Plain and colour output alike; nothing else changes."""

from __future__ import annotations

import io
import os
import re
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from conftest import CLI
from peerjournal.render.console import Trimmed, make_console
from peerjournal.render.layout import bullets

WIDTHS = (40, 50, 80, 120)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
COLOUR_ENV = {"FORCE_COLOR": "1", "TERM": "xterm-256color", "NO_COLOR": ""}
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

words = st.text(
    st.characters(codec="utf-8", categories=["L", "N", "P"]), min_size=1, max_size=14
)
paragraphs = st.lists(words, min_size=1, max_size=60).map(" ".join)
# Rich cuts a bulleted line of wide characters with "…" (at 63 columns, "、" in it): not ours
narrow_paragraphs = st.lists(
    words.filter(lambda w: cell_len(w) == len(w)), min_size=1, max_size=60
).map(" ".join)


def console(width: int, *, colour: bool) -> Console:
    """A console as the commands make it, writing into a string."""
    changes = COLOUR_ENV if colour else {"NO_COLOR": "1"}
    with mock.patch.dict(os.environ, changes):
        if colour:
            del os.environ["NO_COLOR"]
        made = make_console(stderr=False)
    made.file = io.StringIO()
    made.width = width
    return made


def shown(made: Console, *objects: Any, **options: Any) -> str:
    """What is printed, without its colours."""
    made.print(*objects, **options)
    assert isinstance(made.file, io.StringIO)
    return ANSI.sub("", made.file.getvalue())


def coloured(made: Console) -> bool:
    assert isinstance(made.file, io.StringIO)
    return ANSI.search(made.file.getvalue()) is not None


def blank_ended(output: str) -> list[str]:
    return [line for line in output.split("\n") if line != line.rstrip()]


@SETTINGS
@given(paragraphs, st.integers(20, 140), st.booleans())
def test_a_printed_paragraph_has_no_blank_at_a_line_end(
    text: str, width: int, colour: bool
) -> None:
    made = console(width, colour=colour)
    output = shown(made, Text(text, style="bold") if colour else text)
    assert coloured(made) == colour
    assert blank_ended(output) == []
    if max(map(cell_len, text.split())) <= width:  # no word folded: the words as written
        assert output.split() == text.split()
    assert "".join(output.split()) == "".join(text.split())
    assert all(cell_len(line) <= width for line in output.splitlines())


def _indented(text: str) -> RenderableType:
    return Trimmed(Padding(Text(text, style="dim"), (0, 0, 0, 4), expand=False))


@SETTINGS
@given(st.lists(narrow_paragraphs, min_size=1, max_size=4), st.integers(20, 140), st.booleans())
def test_bullets_and_indented_paragraphs_have_no_blank_at_a_line_end(
    items: list[str], width: int, colour: bool
) -> None:
    made = console(width, colour=colour)
    output = shown(made, bullets(items, indent=2), *map(_indented, items))
    assert coloured(made) == colour
    assert blank_ended(output) == []
    expected = [w for item in items for w in ["•", *item.split()]]
    if max(cell_len(w) for item in items for w in item.split()) <= width - 6:
        assert output.split() == expected + [w for item in items for w in item.split()]


def test_a_prompt_keeps_its_space_before_the_cursor() -> None:
    made = console(40, colour=False)
    assert shown(made, "Save this entry? [Y/n] ", end="") == "Save this entry? [Y/n] "


@pytest.mark.parametrize("style", ["on red", "strike", "underline"])
def test_a_blank_that_shows_is_kept_where_styles_are_shown(style: str) -> None:
    made = console(40, colour=True)
    assert shown(made, Text("marked   ", style=style)) == "marked   \n"
    assert shown(console(40, colour=False), Text("marked   ", style=style)) == "marked\n"


def test_prose_in_a_printed_group_is_trimmed_and_a_table_is_left_as_it_is() -> None:
    table = Table("Name", "Count", expand=True)
    table.add_row("housing", "3")
    paragraph = "Drift is how far an entry's words lean from the peer role toward a clinical one."
    made = console(40, colour=False)
    output = shown(made, Group(Text(paragraph), Group(Text(paragraph)), table))
    prose, table_lines = output.split("\n")[:6], output.split("\n")[6:-1]
    assert blank_ended("\n".join(prose)) == [] and " ".join(prose).split() == paragraph.split() * 2
    assert table_lines and all(cell_len(line) == 40 for line in table_lines)  # padded


# -- the commands ------------------------------------------------------------------------------

ENTRIES = (
    "I told him he should take his meds and that he was being non-compliant with the care "
    "plan, which I regret now.",
    "We sat together on the bench and I shared a bit of my own story about housing; he "
    "chose what to do next.",
    "The client was resistant and I advised the team to escalate, because the symptoms were "
    "clearly getting worse.",
)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_first_entry_s_note_has_no_blank_at_a_line_end(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli("write", "-x", ENTRIES[0], "-s", "housing")
    assert result.exit_code == 0, result.stderr
    assert "Drift is how far an entry's words lean" in result.stderr  # the wrapped note
    assert blank_ended(result.stderr) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_supervision_prep_has_no_blank_at_a_line_end(
    cli: CLI, add: Any, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    for text in ENTRIES:
        add(text, "-t", "supervision")
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli("supervision", "prep")
    assert result.exit_code == 0, result.stderr
    assert "Questions you might bring" in result.stdout
    assert blank_ended(result.stdout) == []
