"""Small layout pieces that more than one view draws (the report, the drift explanation)."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import RenderableType
from rich.table import Table

from peerjournal.render.console import Trimmed
from peerjournal.render.safe import safe_text

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
