"""Consoles with markup and highlighting off, so journal text prints exactly as written."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO, cast

from rich import box
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
from rich.table import Table
from rich.text import Text

from peerjournal.render.widths import MIN_WIDTH

DEFAULT_WIDTH = 80
# wider than any screen: a COLUMNS beyond it (a broken terminal emulator, a script's wrong
# value) is taken as this, not drawn (`list`'s rule ran out of memory at 99999999999)
MAX_WIDTH = 1000


# box.SIMPLE_HEAD's one rule under the header, in ASCII, for plain text and for a console that
# cannot show "─": no vertical lines, so a bar's "|" axis is never read as a column edge
ASCII_SIMPLE_HEAD = box.Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)


DUMB_TERMS = ("emacs",)  # TERMs that only print, besides Rich's own "dumb" and "unknown"


def make_console(*, stderr: bool) -> Console:
    # Rich honours NO_COLOR, FORCE_COLOR, TERM=dumb and COLUMNS by itself.
    stream = sys.stderr if stderr else sys.stdout
    # (the stream's own encoding: under LANG=C, LC_ALL=C or no locale Python writes UTF-8,
    # PEP 538 and 540, and so does peerjournal, lines and marks too: a stand-in there would
    # change the writer's own words on screen, "fine…" to "fine~")
    encoding = getattr(stream, "encoding", None)
    console = _Console(
        file=stream if _encodes_all_of(encoding) else cast(TextIO, Substituted(stream)),
        markup=False,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    _sane_width(console)
    console.push_render_hook(_TrimmedText(console))
    return console


class _Console(Console):
    """A console on which every light table (`box.SIMPLE_HEAD`, as `list`, `people list` and
    `supervision history` draw) follows one rule: where the output is plain text (`styled`:
    piped, TERM=dumb) or cannot show "─" (an ASCII locale), its rule under the header is "-"
    (`light_head`), not "box drawings light horizontal" read aloud, nor Rich's own ASCII
    stand-in, a grid of "+---+" and "|" between every cell.

    TERM=emacs is a dumb terminal too, as TERM=dumb is: Emacs's shell (M-x shell, on a system
    with termcap) sets it with the termcap "emacs:co#WIDTH:tc=unknown:", a terminal that only
    prints; Rich took it for a colour one (174 escape codes in a guided write)."""

    @property
    def is_dumb_terminal(self) -> bool:
        term = os.environ.get("TERM", "").lower()
        return super().is_dumb_terminal or (self.is_terminal and term in DUMB_TERMS)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # a console whose output cannot carry every character (an ASCII or Latin-1 locale):
        # its text is stood in before Rich lays it out (`_stood_in`), not escaped after
        self.stands_in = not _encodes_all_of(self.encoding)
        self._cells = 0  # > 0: rendering the cells of a table with lines (one cell, one cell)
        self._exact = 0  # > 0: rendering an `Exact`, whose letters are escaped, not plain

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        if isinstance(renderable, Table) and renderable.box is box.SIMPLE_HEAD:
            renderable.box = light_head(self, options or self.options)
        if not self.stands_in:
            return super().render(renderable, options)
        return self._stood_in(renderable, options)

    def _stood_in(
        self, renderable: RenderableType, options: ConsoleOptions | None
    ) -> Iterator[Segment]:
        """`render` where the output encoding cannot carry every character: each `Text` with
        its stand-ins (`stand_in_text`), measured as printed (an escape, "\\u0141", was
        wider than the cell Rich measured, and pushed a panel's border out)."""
        if isinstance(renderable, Text):
            renderable = self.stand_in_text(renderable)
        depth = ("_cells" if isinstance(renderable, Table) and renderable.box is not None
                 else "_exact" if isinstance(renderable, Exact) else "")
        if depth:
            setattr(self, depth, getattr(self, depth) + 1)
        try:
            yield from super().render(renderable, options)
        finally:
            if depth:
                setattr(self, depth, getattr(self, depth) - 1)

    def render_str(self, text: str, **kwargs: Any) -> Text:
        rendered = super().render_str(text, **kwargs)
        return self.stand_in_text(rendered) if self.stands_in else rendered

    def stand_in_text(self, text: Text) -> Text:
        """`text` as this console's encoding carries it: in a table's cells, a stand-in as
        wide as each character (`stand_ins`); in prose "..." for "…" too (`prose_stand_ins`);
        in an `Exact` (an entry `show` prints whole) each letter as its escape ("Zo\\xeb")."""
        plain = text.plain
        if plain.isascii():
            return text
        swap = (exact_stand_ins if self._exact else stand_ins if self._cells
                else prose_stand_ins)
        encoding = self.encoding
        if swap(plain, encoding) == plain:
            return text
        return _styled_text(text, lambda part: swap(part, encoding))


def light_head(console: Console, options: ConsoleOptions) -> box.Box:
    """The box of a light table drawn on `console`: box.SIMPLE_HEAD where styles show and
    "─" can be drawn, else its rule in ASCII (`ASCII_SIMPLE_HEAD`)."""
    return ASCII_SIMPLE_HEAD if options.ascii_only or not styled(console) else box.SIMPLE_HEAD


# what stands in for a character the output encoding cannot carry: one cell for one cell, so
# that a table's borders stay where Rich measured them ("Zo\xeb" overran them)
_STAND_INS = {"…": "~", "–": "-", "—": "-", "·": "/", "“": '"', "”": '"', "‘": "'", "’": "'",
              "•": "*", "─": "-", "│": "|", "↑": "+", "↓": "-", "\u00a0": " "}
# in prose, where no column is measured to the cell: "..." as a reader expects it
_PROSE_STAND_INS = {**_STAND_INS, "…": "...", "—": "--"}


class Substituted:
    """A stream that cannot encode every character (an ASCII or Latin-1 locale), written to
    with a stand-in of the same width for the punctuation and lines peerjournal draws that it
    cannot take: "-" for "–", "/" for "·" (as the views written for such a console say it),
    "~" for the "…" that ends a cut cell. The stream's escapes ("\\u2026") are wider than
    what Rich measured, and break a table's borders. Letters are left to those escapes, so
    that no word of an entry is lost ("Zo\\xeb"): a table cuts its cells' text to
    `stand_ins` first (`EntryTable`)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.encoding = getattr(stream, "encoding", None) or "ascii"

    def write(self, text: str) -> int:
        if text.isascii():
            return self.stream.write(text)
        return self.stream.write("".join(
            _STAND_INS.get(char, char) if not _encodes(char, self.encoding) else char
            for char in text
        ))

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno, …: the stream's own
        return getattr(self.stream, name)


def _encodes(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def stand_ins(text: str, encoding: str | None) -> str:
    """`text` with each character `encoding` cannot carry as a stand-in of the same width: its
    plain letter ("e" for "ë", "L" for "Ł": `plain_letters`), a letter of a script with no
    plain letters as the first letter of its name ("n" for Arabic noon: `_named_letter`), a
    punctuation mark's plain one, else "?" for each cell (an ideograph, an emoji). For a
    table's cells, cut to their width after this, not before: an escape would overrun the
    border."""
    return _swapped(text, encoding, _STAND_INS, _stand_in)


def prose_stand_ins(text: str, encoding: str | None) -> str:
    """`stand_ins` for prose, a line that is not a table's cell: "..." for "…" ("~" reads as
    a tilde, or "about"), as wide as a reader expects, not as the cell it stands in for."""
    return _swapped(text, encoding, _PROSE_STAND_INS, _stand_in)


def exact_stand_ins(text: str, encoding: str | None) -> str:
    """`prose_stand_ins`, but each letter as its escape ("Zo\\xeb"), so that no word is lost:
    an entry as `show` prints it (`Exact`)."""
    return _swapped(text, encoding, _PROSE_STAND_INS, _escaped)


def cut_mark_extra(console: Console) -> int:
    """The cells more than one that the "…" ending a line cut at a word (`at_a_word`) takes on
    `console`: 2 where it is printed "..." (`prose_stand_ins`), else 0. A line cut to fit
    prose, not a table's cell, is cut that much shorter."""
    return len(prose_stand_ins("…", console.encoding)) - 1


def _swapped(
    text: str, encoding: str | None, marks: dict[str, str], letter: Callable[[str], str]
) -> str:
    if text.isascii() or _encodes_all_of(encoding):
        return text
    shown = []
    for char in text:
        if _encodes(char, encoding or "ascii"):
            shown.append(char)
        elif (mark := marks.get(char)) is not None:
            shown.append(mark)
        else:
            shown.append(letter(char))
            letters_not_shown(encoding)
    return "".join(shown)


def _encodes_all_of(encoding: str | None) -> bool:
    return "utf" in str(encoding or "utf-8").lower()


def _stand_in(char: str) -> str:
    """One character the output cannot carry, as cells as wide as it: see `stand_ins`."""
    if found := _STAND_INS.get(char):
        return found
    import unicodedata

    from rich.cells import cell_len

    from peerjournal.plain_letters import SPELLED_OUT, STROKED

    width = cell_len(char)
    base = STROKED.get(char) or SPELLED_OUT.get(char.lower(), "")[:1]
    if not base:
        base = unicodedata.normalize("NFKD", char)[:1]  # "e" of "ë"
    if char.isdecimal():  # Arabic-Indic, Devanagari, full-width digits
        base = str(unicodedata.decimal(char))
    if base.isascii() and base.isprintable() and len(base) == width:
        return base if char.islower() or not base.isalpha() else base.upper()
    return _named_letter(char, width) or "?" * width


_LETTER_NAME = None  # (compiled on first use: only an ASCII locale needs it)


def _named_letter(char: str, width: int) -> str:
    """A letter of a script with no plain letters as `width` letters of its Unicode name:
    "n" for "ARABIC LETTER NOON", "z" for "CYRILLIC SMALL LETTER ZHE", "ka" for "HIRAGANA
    LETTER KA": two names in Arabic or Hebrew do not both look like "????" (which were told
    apart by nothing, on `people list` too). "" for a character with no letter in its name
    (an ideograph, an emoji), and for one of no width (a vowel sign, a combining mark)."""
    global _LETTER_NAME
    if width <= 0:
        return ""
    import re
    import unicodedata

    if _LETTER_NAME is None:
        _LETTER_NAME = re.compile(r"\b(?:LETTER|SYLLABLE|CHARACTER) ([A-Z]+)")
    found = _LETTER_NAME.search(unicodedata.name(char, "").replace(" SHORT ", " "))
    if not found:
        return ""
    name = found[1]
    if name in ("SOFT", "HARD"):  # Cyrillic's soft and hard signs: a mark, as Latin writes it
        return "'" * width
    if len(name) == 2 and name[0] == "E" and name[1] not in "AEIOU":  # Cyrillic EL, EM, EN…
        name = name[1]
    letters = name[:width].lower().ljust(width)
    return letters.capitalize() if "CAPITAL" in unicodedata.name(char) else letters


def _escaped(char: str) -> str:
    return char.encode("ascii", "backslashreplace").decode("ascii")


_not_shown: list[str] = []  # the encoding that could not show a letter, once one was met


def letters_not_shown(encoding: str | None) -> None:
    """Keep in mind that a letter was shown as a plain one or as an escape, for
    `letters_note` (said once the command's output is written: below it, not in the way of
    its first lines)."""
    if not _not_shown:
        _not_shown.append(encoding or "ascii")


def letters_note() -> str | None:
    """The note on stderr that some letters were not shown as written, and how to see them;
    None when every letter was (the launcher says it as the command ends)."""
    if not _not_shown:
        return None
    import codecs

    try:
        encoding = codecs.lookup(_not_shown[0]).name  # "ascii", not "ANSI_X3.4-1968"
    except LookupError:
        encoding = _not_shown[0]
    return (f"Note: this terminal's encoding ({encoding}) cannot show every letter, so some are "
            "shown as the nearest plain letter, or as an escape (\"\\xe9\"). To see them as "
            "written, use a UTF-8 locale (for example LC_ALL=C.UTF-8).")


class Exact:
    """`renderable` with each letter the output encoding cannot carry as its escape ("Zo\\xeb")
    rather than as a plain letter: an entry as `show` prints it, so that no word is lost."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.renderable

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.renderable)


def _styled_text(text: Text, swap: Callable[[str], str]) -> Text:
    """`text` with `swap` applied to its characters, its styles kept on what they covered."""
    cuts = sorted({span.start for span in text.spans} | {span.end for span in text.spans})
    swapped = Text(style=text.style, justify=text.justify, overflow=text.overflow,
                   no_wrap=text.no_wrap, end=text.end, tab_size=text.tab_size)
    for part in text.divide(cuts):
        start = len(swapped)
        swapped.append(swap(part.plain))
        for span in part.spans:  # (each covers the whole part, cut where spans start and end)
            swapped.stylize(span.style, start, len(swapped))
    return swapped


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
    Tables and other layouts are Unpadded: no line of spaces before or after them (a light
    table's top and bottom edges, read out as "blank" on a terminal too), and written to a
    file or a pipe, no blank at the end of a line either."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def process_renderables(
        self, renderables: list[ConsoleRenderable]
    ) -> list[ConsoleRenderable]:
        plain = not styled(self.console)
        if _encodes_all_of(self.console.encoding):
            return [_prose_trimmed(r, plain) for r in renderables]
        # (what a renderable drew itself, not through `_Console.render`: a summary's lines)
        return [_SegmentsStoodIn(_prose_trimmed(StoodIn(r) if isinstance(r, Table) else r,
                                                plain)) for r in renderables]


class StoodIn(Trimmed):
    """`renderable` (a table, or what stands in for one) with each character the output
    encoding cannot carry as its `stand_ins`, of the same width: the stream's escapes
    ("Zo\\xeb") are wider than what Rich measured, and would push the borders out of line.
    Every `Table` printed is one (`_TrimmedText`); wrap another layout of cells in it."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        encoding = console.encoding
        for segment in console.render(self.renderable, options):
            text, style, control = segment
            yield segment if control else Segment(stand_ins(text, encoding), style)


class _SegmentsStoodIn:
    """`renderable` with each character its segments hold that the output encoding cannot
    carry as a stand-in as wide (`stand_ins`): for text a renderable draws as segments of its
    own, which `_Console.render` does not see (the stream would write "\\u0119")."""

    def __init__(self, renderable: ConsoleRenderable) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        encoding = console.encoding
        for segment in console.render(self.renderable, options):
            text, style, control = segment
            if control or text.isascii():
                yield segment
            else:
                yield Segment(stand_ins(text, encoding), style)


def _prose_trimmed(renderable: ConsoleRenderable, plain: bool = False) -> ConsoleRenderable:
    if isinstance(renderable, Text):
        return Trimmed(renderable)
    if type(renderable) is Group:  # a copy: the caller's Group is left as it was
        parts = [_prose_trimmed(r) if isinstance(r, Group | Text) else r
                 for r in renderable.renderables]
        renderable = Group(*parts, fit=renderable.fit)
    return Unpadded(renderable)


class Unpadded(Trimmed):
    """`renderable` with no line of spaces before or after it (a light table's top and
    bottom edges), which a screen reader reads out as "blank", and `diff` and a mail carry
    as noise, and no blank at the end of a line (but one that shows, on a terminal: see
    `Trimmed`). An empty line printed on purpose is kept."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        held: list[tuple[str, bool]] = []  # blank lines not yet known to be inside
        started = False
        shown = styled(console)
        for line, newline in _lines(console.render(self.renderable, options)):
            ended = newline is not None
            raw = "".join(text for text, _, control in line if not control)
            if not raw.strip() and not any(seg.control for seg in line):
                held.append((raw, ended))
                continue
            yield from (Segment("\n") for raw_held, _ in held if started or not raw_held)
            held, started = [], True
            yield from _rstripped(line, shown)
            if ended:
                yield Segment("\n")
        # after the last line: only the empty lines printed on purpose
        yield from (Segment("\n") for raw, ended in held if ended and not raw)


def _lines(segments: Iterable[Segment]) -> Iterator[tuple[list[Segment], Segment | None]]:
    """The segments line by line, each with the line break that ended it (in its segment's
    style), None for the last line when no break ends it."""
    line: list[Segment] = []
    for segment in segments:
        text, style, control = segment
        if control or "\n" not in text:
            line.append(segment)
            continue
        *ended, rest = text.split("\n")
        for part in ended:
            yield [*line, Segment(part, style)], Segment("\n", style)
            line = []
        line = [Segment(rest, style)] if rest else []
    if line:
        yield line, None


def _trim_line_ends(segments: Iterable[Segment], shown: bool) -> Iterator[Segment]:
    for line, newline in _lines(segments):
        if newline is None:  # the last line, not ended: left as it is
            yield from line
            continue
        yield from _rstripped(line, shown)
        yield newline


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
    wrapped). Any width over MAX_WIDTH is MAX_WIDTH.

    A sane width is left alone (not fixed), so Rich still follows a resized terminal."""
    if console.is_dumb_terminal:
        columns = os.environ.get("COLUMNS", "")
        size = _terminal_size(console)
        width = int(columns) if columns.isdigit() and int(columns) else size.columns
        width = width or DEFAULT_WIDTH
        console.size = (min(max(MIN_WIDTH, width), MAX_WIDTH), size.lines or 25)
        return
    width = console.width
    if MIN_WIDTH <= width <= MAX_WIDTH:
        return
    if width <= 0:
        width = _terminal_size(console).columns or DEFAULT_WIDTH
    console.width = min(max(MIN_WIDTH, width), MAX_WIDTH)


def _terminal_size(console: Console) -> os.terminal_size:
    """The size of the terminal the console writes to; 0 by 0 when it is not one."""
    try:
        return os.get_terminal_size(console.file.fileno())
    except (AttributeError, ValueError, OSError):  # not a terminal (a pipe, a test)
        return os.terminal_size((0, 0))
