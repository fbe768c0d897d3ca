"""Consoles with markup and highlighting off, so journal text prints exactly as written."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator

from rich.console import (
    Console,
    ConsoleOptions,
    ConsoleRenderable,
    Group,
    RenderableType,
    RenderHook,
    RenderResult,
)
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

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
    console.push_render_hook(_TrimmedText())
    return console


def styled(console: Console) -> bool:
    """Does `console` show styles, and so boxes? Not where stdout (or stderr) is a pipe or a
    file, nor with TERM=dumb (an editor's shell, a screen reader's console): there a view is
    plain text, with headings in place of panels."""
    return console.color_system is not None


class Trimmed:
    """`renderable` with no blank left at the end of a line. Rich keeps the space a paragraph
    was wrapped at, and pads an indented or bulleted paragraph to the full width: unseen on
    the terminal, but carried into a note or an email the output is pasted into. A blank
    that shows (on a background, underlined, where styles are shown at all) is kept, and so
    is a last line with no line break after it (the space between a question and the cursor).
    """

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # where no style is written at all, no blank can show
        yield from _trim_line_ends(console.render(self.renderable, options), styled(console))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)


class _TrimmedText(RenderHook):
    """Every paragraph printed (a string, a Text, on its own or in a Group) is Trimmed.
    Tables and other layouts are left as they are: a view trims those that are prose."""

    def process_renderables(
        self, renderables: list[ConsoleRenderable]
    ) -> list[ConsoleRenderable]:
        return [_prose_trimmed(r) for r in renderables]


def _prose_trimmed(renderable: ConsoleRenderable) -> ConsoleRenderable:
    if isinstance(renderable, Text):
        return Trimmed(renderable)
    if type(renderable) is Group:  # a copy: the caller's Group is left as it was
        parts = [_prose_trimmed(r) if isinstance(r, Group | Text) else r
                 for r in renderable.renderables]
        return Group(*parts, fit=renderable.fit)
    return renderable


def _trim_line_ends(segments: Iterable[Segment], shown: bool) -> Iterator[Segment]:
    line: list[Segment] = []
    for segment in segments:
        text, style, control = segment
        if control or "\n" not in text:
            line.append(segment)
            continue
        *ended, rest = text.split("\n")
        for part in ended:
            line.append(Segment(part, style))
            yield from _rstripped(line, shown)
            yield Segment("\n", style)
            line = []
        line.append(Segment(rest, style))
    yield from line


def _rstripped(line: list[Segment], shown: bool) -> list[Segment]:
    while line and not line[-1].control and not (shown and _shows_blanks(line[-1].style)):
        text, style, _ = line.pop()
        if text.rstrip():
            line.append(Segment(text.rstrip(), style))
            break
    return line


def _shows_blanks(style: Style | None) -> bool:
    """Can a space in `style` be seen?"""
    return style is not None and bool(
        style.bgcolor or style.reverse or style.underline or style.underline2 or style.strike
        or style.overline
    )


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
