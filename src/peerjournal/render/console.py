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
    """COLUMNS=0 is no width at all: the terminal's, else 80; any width under 20 is 20.

    A sane width is left alone (not fixed), so Rich still follows a resized terminal."""
    width = console.width
    if width >= MIN_WIDTH:
        return
    if width <= 0:
        try:
            width = os.get_terminal_size(console.file.fileno()).columns
        except (AttributeError, ValueError, OSError):  # not a terminal (a pipe, a test)
            width = 0
        width = width or DEFAULT_WIDTH
    console.width = max(MIN_WIDTH, width)
