"""Small layout pieces that more than one view draws (the report, the drift explanation)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from peerjournal.render.console import Trimmed, styled
from peerjournal.render.safe import safe_text, safe_title

# box.SIMPLE_HEAD's one rule under the header, in ASCII, for a console that cannot show "─":
# no vertical lines, so a bar's "|" axis is never read as a column edge
ASCII_SIMPLE_HEAD = box.Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)


def bullets(
    items: Sequence[str], bullet: str = "•", indent: int = 0, style: str = ""
) -> RenderableType:
    """'• item' a line each, an item that wraps carrying on under its own first word rather
    than under the bullet; each item cleaned for the terminal. Trimmed: the grid pads every
    line to the full width."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True, style=style)
    grid.add_column(style=style)
    for item in items:
        grid.add_row(" " * indent + bullet, safe_text(item))
    return Trimmed(grid)


class Section:
    """`body` in a panel titled `title` where styles show (`console.styled`). Elsewhere (a
    pipe, a file, TERM=dumb) the title on a line of its own, the body beneath it and a blank
    line: no border for a screen reader to read out as "vertical line" on every line of
    journal text, nor to copy into a note, and paragraphs wrapped at the full width.

    `panel`: the Panel's other settings (box, border_style, expand)."""

    def __init__(self, title: str | Text, body: RenderableType, **panel: Any) -> None:
        self.title = safe_title(title)
        self.body = body
        self.panel = panel

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if styled(console):
            yield Panel(self.body, title=self.title, title_align="left", **self.panel)
            return
        yield Trimmed(self.title)
        yield Trimmed(self.body)  # a panel hid the blanks a wrapped line and a table end in
        yield Text("")
