"""Small layout pieces that more than one view draws (the report, the drift explanation)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.panel import Panel
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from peerjournal.render.console import ASCII_SIMPLE_HEAD as ASCII_SIMPLE_HEAD
from peerjournal.render.console import Trimmed, styled
from peerjournal.render.safe import safe_text, safe_title


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


class LongTable:
    """`table` as Rich draws it, line for line and style for style, in a fraction of the time
    when it has thousands of rows (`list --limit 0`: 20,000 rows took 25 s, 1.2 ms a row).

    Rich measures every cell to size the columns, then draws each cell through several layers.
    Here the columns are sized once from a table of two rows that measure as all the rows do
    (for each column, the cell with the widest line and the one with the longest word), Rich
    draws the edges and the header from a table of no rows at those widths, and each row is
    drawn as one line of its cells, cut and padded as Rich cuts and pads them.

    Only for what the entry tables are: cells of one line (no_wrap columns of text), no row
    styles, section lines nor footer.
    """

    def __init__(self, table: Table, rows: Sequence[Sequence[RenderableType]]) -> None:
        """`table`: the columns and settings (its own rows are left out); `rows`: the cells."""
        self.table = table
        self.rows = [[_as_text(cell) for cell in row] for row in rows]
        self.cells = [list(column) for column in zip(*self.rows, strict=True)]

    def _proxy(self) -> Table:
        """The table's columns with two rows that give them the widths all the rows would."""
        proxy = _columns_only(self.table)
        widest = [max(cells, key=lambda t: t.cell_len, default=Text()) for cells in self.cells]
        longest = [max(cells, key=_longest_word, default=Text()) for cells in self.cells]
        proxy.add_row(*widest)
        proxy.add_row(*longest)
        return proxy

    def widths(self, console: Console, options: ConsoleOptions) -> list[int]:
        """Each column's width with its padding, as `Table.__rich_console__` works it out."""
        proxy = self._proxy()
        # Rich's own sizing (private, pinned by tests/test_list_speed_r25.py)
        return proxy._calculate_column_widths(
            console, options.update_width(options.max_width - proxy._extra_width)
        )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = self.table
        widths = self.widths(console, options)
        head = _columns_only(table)
        last = len(widths) - 1
        for n, (column, width) in enumerate(zip(head.columns, widths, strict=True)):
            column.width, column.ratio = width - sum(_pads(table, n, last)), None
        head.expand = False
        *top, bottom = Segment.split_lines(console.render(head, options))
        for line in top:
            yield from line
            yield Segment.line()
        safe = console.safe_box if table.safe_box is None else table.safe_box
        # the head's box, as drawn: the console's rule may have made it plain (`light_head`)
        shape = head.box.substitute(options, safe=safe) if head.box else None
        border = console.get_style(table.style or "") + console.get_style(table.border_style or "")
        rows = self.rows
        cells = [_CellShape(console, table, n, width) for n, width in enumerate(widths)]
        for n, row in enumerate(rows):
            if shape is None:
                edges = ("", "", "")
            elif n == len(rows) - 1:
                edges = (shape.foot_left, shape.foot_vertical, shape.foot_right)
            else:
                edges = (shape.mid_left, shape.mid_vertical, shape.mid_right)
            yield from self._row(row, cells, edges, border, plain=not styled(console))
        if table.show_edge and table.box:
            yield from bottom
            yield Segment.line()

    def _row(self, row: Sequence[Text], cells: Sequence[_CellShape], edges: tuple[str, str, str],
             border: Style, *, plain: bool) -> list[Segment]:
        left, divider, right = edges
        line = [Segment(left, border)] if self.table.show_edge and left else []
        for n, (cell, shape) in enumerate(zip(row, cells, strict=True)):
            if n and divider:
                line.append(Segment(divider, border))
            line += shape.segments(cell)
        if self.table.show_edge and right:
            line.append(Segment(right, border))
        if not plain:
            return [*Segment.simplify(line), Segment.line()]
        # no style is written at all: the row as one piece, far less for the console to do
        return [Segment("".join(segment.text for segment in line)), Segment.line()]


class _CellShape:
    """How Rich draws a cell of one line in a column of the table: the padding either side in
    the column's style, the text cut with the column's overflow and justified in its width."""

    def __init__(self, console: Console, table: Table, n: int, width: int) -> None:
        column = table.columns[n]
        self.console = console
        self.before, self.after = _pads(table, n, len(table.columns) - 1)
        self.width = width - self.before - self.after
        self.justify = column.justify
        self.overflow = column.overflow
        self.style = console.get_style(column.style or "")
        self.styles: dict[str | Style, Style] = {}

    def text_style(self, text: Text) -> Style:
        """Rich gives the text's own style to the whole cell, under its spans' styles."""
        if text.style not in self.styles:
            self.styles[text.style] = self.style + self.console.get_style(text.style or "")
        return self.styles[text.style]

    def segments(self, cell: Text) -> list[Segment]:
        style = self.text_style(cell)
        justify = cell.justify or self.justify
        overflow = cell.overflow or self.overflow
        plain = cell.plain
        if cell.spans or overflow != "ellipsis" or justify not in ("left", "right", "default") or (
            "\n" in plain or "\t" in plain
        ):  # not in the entry tables: Rich's own way
            (line,) = cell.copy().wrap(self.console, self.width, no_wrap=True, justify=justify,
                                       overflow=overflow)
            body = list(Segment.apply_style(line.render(self.console, end=""), style))
        else:  # as `Text.wrap` cuts and justifies a line
            if justify == "right":
                plain = plain.rstrip()
            if cell_len(plain) > self.width:
                plain = _cut(plain, self.width)
            blanks = " " * (self.width - cell_len(plain))
            body = [Segment(blanks + plain if justify == "right" else plain + blanks, style)]
        before = [Segment(" " * self.before, self.style)] if self.before else []
        after = [Segment(" " * self.after, self.style)] if self.after else []
        return before + body + after


def _as_text(cell: RenderableType) -> Text:
    if isinstance(cell, Text):
        return cell
    if isinstance(cell, str):
        return Text(cell)
    raise TypeError(f"LongTable draws text cells, not {type(cell).__name__}")


def _cut(plain: str, width: int) -> str:
    """`plain` cut to `width` cells with an ellipsis, as `Text.truncate` cuts it. Where the
    part kept and the letter after it are ASCII, without reading through all of it (Rich reads
    the whole text character by character: 0.2 ms for a line of 60)."""
    if plain[:width].isascii():  # one cell a character, none joined to the next
        return plain[: width - 1] + "…"
    return set_cell_size(plain, width - 1) + "…"


def _longest_word(text: Text) -> int:
    """Rich's narrowest width for `text`: its longest word (or the text, if it has none)."""
    plain = text.plain
    words = plain.split()
    if not words:
        return text.cell_len
    if plain.isascii():
        return max(map(len, words))
    return max(cell_len(word) for word in words)


def _columns_only(table: Table) -> Table:
    """A table with `table`'s settings and a copy of its columns, and no rows."""
    copy = Table(
        box=table.box, safe_box=table.safe_box, padding=table.padding,
        collapse_padding=table.collapse_padding, pad_edge=table.pad_edge, expand=table.expand,
        show_header=table.show_header, show_edge=table.show_edge, style=table.style,
        header_style=table.header_style, border_style=table.border_style, width=table.width,
        min_width=table.min_width,
    )
    for column in table.columns:
        copy.columns.append(replace(column, _cells=[]))
    return copy


def _pads(table: Table, n: int, last: int) -> tuple[int, int]:
    """The spaces before and after column `n`'s cells (the table's padding, none at its edges
    when `pad_edge` is off)."""
    _, right, _, left = table.padding
    if not table.pad_edge:
        left = 0 if n == 0 else left
        right = 0 if n == last else right
    return left, right
