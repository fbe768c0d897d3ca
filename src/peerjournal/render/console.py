"""Consoles with markup and highlighting off, so journal text prints exactly as written."""

from __future__ import annotations

import os
import sys

from rich.console import Console

MIN_WIDTH = 20  # narrower than this nothing useful fits; Rich draws nothing at width 0
DEFAULT_WIDTH = 80


def make_console(*, stderr: bool) -> Console:
    # Rich honours NO_COLOR, FORCE_COLOR, TERM=dumb and COLUMNS by itself.
    console = Console(
        file=sys.stderr if stderr else sys.stdout,
        markup=False,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    _sane_width(console)
    return console


def _sane_width(console: Console) -> None:
    """COLUMNS=0 is no width at all: the terminal's, else 80; any width under 20 is 20. A
    dumb terminal (TERM=dumb: an editor's shell) gets COLUMNS, else its real width: Rich
    gives it 80 columns whatever they say (at 40, headings broke mid-word and panel borders
    wrapped).

    A sane width is left alone (not fixed), so Rich still follows a resized terminal."""
    if console.is_dumb_terminal:
        columns = os.environ.get("COLUMNS", "")
        size = _terminal_size(console)
        width = int(columns) if columns.isdigit() and int(columns) else size.columns
        width = width or DEFAULT_WIDTH
        console.size = (max(MIN_WIDTH, width), size.lines or 25)
        return
    width = console.width
    if width >= MIN_WIDTH:
        return
    if width <= 0:
        width = _terminal_size(console).columns or DEFAULT_WIDTH
    console.width = max(MIN_WIDTH, width)


def _terminal_size(console: Console) -> os.terminal_size:
    """The size of the terminal the console writes to; 0 by 0 when it is not one."""
    try:
        return os.get_terminal_size(console.file.fileno())
    except (AttributeError, ValueError, OSError):  # not a terminal (a pipe, a test)
        return os.terminal_size((0, 0))
