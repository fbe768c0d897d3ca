"""PDF: a short report with a table and charts, drawn with fpdf2 in the bundled DejaVu Sans.

fpdf2 is imported here only, so it loads for PDF exports alone. fpdf2 embeds a subset of
the font (the glyphs used), which keeps a report to a few dozen kilobytes. Characters the font
lacks (for example CJK or emoji) print as U+FFFD rather than vanishing silently, and a
line at the end says why.

Paragraphs are broken into lines here (`_lines`), not by `FPDF.multi_cell`: fpdf2's line
breaker re-measures the whole line so far for every character it adds, which made a year of
shared entries take 10+ seconds. `_lines` takes the same decisions from the font's integer
glyph widths, and each line goes to fpdf2's own line renderer, so the page is what
`multi_cell(w, h, text)` (justified) drew; tests/test_exporters.py checks that it is.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib.resources import files
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from peerjournal.exporters import common
from peerjournal.exporters.writer_words import about_the_writer

if TYPE_CHECKING:
    from fpdf import FPDF

FONT = "DejaVu"
IDENTITY = (27, 122, 90)
DRIFT = (181, 70, 47)
GREY = (120, 120, 120)
LINE_H = 5.2
MISSING_GLYPHS = (
    "Characters shown as \ufffd (such as Arabic, Hebrew, Chinese or emoji) have no glyph in "
    "this PDF's font; the HTML or Markdown export of the same summary shows them."
)


def write(summary: dict[str, Any]) -> bytes:
    return drawn(summary)[0]


def drawn(summary: dict[str, Any]) -> tuple[bytes, list[str]]:
    """The PDF, and the characters in it that the font has no glyph for (drawn as U+FFFD),
    each once: what `export` warns of before the writer sends a page of \ufffd, so that one
    whose entries hold Chinese, Arabic or emoji can choose HTML or Markdown instead."""
    report = _Report(summary)
    report.build()
    return bytes(report.pdf.output()), report.unshown


def _new_document() -> FPDF:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    fonts = files("peerjournal") / "fonts"
    pdf.add_font(FONT, "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(fonts / "DejaVuSans-Bold.ttf"))
    return pdf


def _glyphs(pdf: FPDF) -> set[int]:
    """The code points the regular font of `pdf` has glyphs for; the bundled bold font has
    the same ones (tests/test_export_r27.py checks), so this holds for bold text too."""
    return set(getattr(pdf.fonts[FONT.lower()], "cmap", {}))


class _Line(NamedTuple):
    text: str
    units: float  # the glyph widths' sum, in 1/1000 of the font size
    spaces: int  # the gaps justification widens
    justify: bool  # False for a paragraph's last line, a line ended by a newline or cut in a word
    newline: bool  # ended by "\n"

    @property
    def drawn(self) -> bool:
        """Whether fpdf2 draws a text object: not for an empty line ended by a newline, but
        for one cut back to nothing at a break (an empty text, invisible, kept for parity)."""
        return bool(self.text) or self.justify


def _lines(text: str, widths: Mapping[int, float], width: Callable[[float], float],
           limit: float) -> Iterator[_Line]:
    """Greedy word wrap, taking the decisions fpdf2's `MultiLineBreak` takes (justified).

    `widths` maps code points to glyph widths; `width` turns a sum of them into document
    units, and a line is at most `limit` wide (the cell less its margins; compared as fpdf2
    does, in document units with its tolerance). A newline ends a line; otherwise a line
    breaks at the last breaking space that fits (the space is dropped), at an overflowing
    space itself, or, in a word wider than the line, before the character that overflows.
    A no-break space stays in its line, as a space that justification widens.
    """
    pieces = text.split("\n")
    for n, piece in enumerate(pieces):
        yield from _wrap(piece, widths, width, limit, newline=n < len(pieces) - 1)


def _wrap(piece: str, widths: Mapping[int, float], width: Callable[[float], float],
          limit: float, newline: bool) -> Iterator[_Line]:
    """The lines of text without newlines; each costs a binary search over running widths,
    not a walk over its characters."""
    from bisect import bisect_right
    from itertools import accumulate

    from fpdf.line_break import BREAKING_SPACE_SYMBOLS_STR, NBSP
    from fpdf.util import FloatTolerance

    stored = piece.replace(NBSP, " ")  # as drawn: a no-break space is a space
    ends = list(accumulate(map(widths.__getitem__, map(ord, stored)), initial=0))
    spaces = BREAKING_SPACE_SYMBOLS_STR + NBSP
    units_per_line = limit / width(1)

    def line(start: int, end: int, justify: bool, last: bool = False) -> _Line:
        return _Line(stored[start:end], ends[end] - ends[start],
                     sum(map(piece[start:end].count, spaces)), justify, last and newline)

    def over(i: int, start: int) -> bool:
        """Whether character i no longer fits on a line from `start` (fpdf2's comparison)."""
        return FloatTolerance.greater_than(
            width(ends[i] - ends[start]) + width(widths[ord(piece[i])]), limit
        )

    start = 0
    while True:
        # The first character that overflows, if any (a line holds at least one): estimated
        # from the running widths, never past it (fpdf2's tolerance lets a line be a hair
        # longer), then confirmed with fpdf2's own comparison.
        i = max(bisect_right(ends, ends[start] + units_per_line, start + 1) - 1, start + 1)
        while i < len(piece) and not over(i, start):
            i += 1
        if i >= len(piece):
            break
        if piece[i] in BREAKING_SPACE_SYMBOLS_STR:
            yield line(start, i, justify=True)
            start = i + 1
            continue
        space = max(piece.rfind(char, start, i) for char in BREAKING_SPACE_SYMBOLS_STR)
        if space >= 0:
            yield line(start, space, justify=True)
            start = space + 1
        else:
            yield line(start, i, justify=False)
            start = i
    rest = line(start, len(piece), justify=False, last=True)
    if rest.newline or rest.units:
        yield rest


def _arrow(summary: dict[str, Any], dim: dict[str, Any], polarity: str) -> str:
    """A space and the arrows of `dim`'s `polarity` (`common.dimension_way` without its
    words): up or down, both for a rise and fall back; nothing for steady or unknown."""
    arrows = common.dimension_way(summary, dim, polarity).split(" ")[0]
    return f" {arrows}" if arrows[:1] in ("↑", "↓") else ""


def _dimensions_note(summary: dict[str, Any]) -> str:
    """What the numbers and bars are, and how the arrows are decided."""
    return ("Per 100 words; the bars grow from the line, drift to the left and identity to the "
            f"right. {common.direction_note(summary, steady_mark='steady (no arrow)')}")


class _Printable(dict[int, str | None]):
    """A `str.translate` table, filled as characters turn up: a tab becomes a space, other
    controls and unassigned or private code points go (None), a character the font has no
    glyph for becomes U+FFFD."""

    def __init__(self, glyphs: set[int]) -> None:
        super().__init__()
        self.glyphs = glyphs
        self.missing: list[str] = []  # the characters drawn as U+FFFD, each once

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        if char in "\n\t":
            value: str | None = " " if char == "\t" else char
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            value = None
        else:
            value = char if code in self.glyphs else "\ufffd"
            if value == "\ufffd":
                self.missing.append(char)
        self[code] = value
        return value


class _Report:
    def __init__(self, summary: dict[str, Any]) -> None:
        self.s = summary
        self.pdf = _new_document()
        self.pdf.set_title(common.title(summary))
        self.pdf.set_creator(str(summary["generator"]))
        self.pdf.set_margins(16, 16, 16)
        self.pdf.set_auto_page_break(True, margin=16)
        self.printable = _Printable(_glyphs(self.pdf))
        self.unshown: list[str] = []  # what the font lacked in the summary's text (`build`)
        # No page numbers, so no page-count alias: a writer's "{nb}" stays "{nb}". fpdf2
        # documents None as the way to turn it off but types the argument as str.
        self.pdf.alias_nb_pages(None)  # type: ignore[arg-type]
        self.pdf.add_page()

    # -- text helpers ------------------------------------------------------------------

    def clean(self, text: Any) -> str:
        """Printable text the font can draw: controls dropped, unknown glyphs as U+FFFD."""
        return unicodedata.normalize("NFC", str(text)).translate(self.printable)

    def text(self, text: str, size: float = 10, bold: bool = False,
             colour: tuple[int, int, int] = (30, 30, 30), indent: float = 0) -> None:
        pdf = self.pdf
        pdf.set_font(FONT, "B" if bold else "", size)
        pdf.set_text_color(*colour)
        pdf.set_x(pdf.l_margin + indent)
        self.paragraph(self.clean(text), pdf.epw - indent, size * 0.5)

    def paragraph(self, text: str, w: float, h: float) -> None:
        """Draw what `pdf.multi_cell(w, h, text, new_x="LMARGIN", new_y="NEXT")` draws."""
        from fpdf.enums import Align, XPos, YPos
        from fpdf.fonts import TTFFont
        from fpdf.line_break import Fragment, TextLine

        pdf = self.pdf
        font = pdf.current_font
        assert isinstance(font, TTFFont)  # the bundled DejaVu, chosen by set_font
        size, k = pdf.font_size_pt, pdf.k
        state = pdf._get_current_graphics_state()  # font, size and colour of the fragments

        def width(units: float) -> float:  # as fpdf2 measures a string in the current font
            return units * size * 0.001 / k

        limit = w - pdf.c_margin - pdf.c_margin
        lines = list(_lines(text, font.cw, width, limit))
        for n, line in enumerate(lines or [_Line("", 0, 0, justify=False, newline=False)]):
            last = n == max(0, len(lines) - 1)
            pdf._render_styled_text_line(
                TextLine([Fragment(line.text, state, k)] if line.drawn else [],
                         text_width=width(line.units), number_of_spaces=line.spaces,
                         align=Align.J if line.justify else Align.L, height=h, max_width=w),
                h, new_x=XPos.LMARGIN if last else XPos.LEFT, new_y=YPos.NEXT,
            )
        if lines and lines[-1].newline:
            pdf.ln()  # multi_cell's extra line for text that ends with a newline

    def heading(self, title: str) -> None:
        pdf = self.pdf
        if pdf.get_y() > pdf.h - 45:
            pdf.add_page()
        pdf.ln(3)
        self.text(title, 13, bold=True)
        pdf.set_draw_color(200, 200, 200)
        pdf.line(pdf.l_margin, pdf.get_y() + 0.5, pdf.w - pdf.r_margin, pdf.get_y() + 0.5)
        pdf.ln(2)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]],
              widths: Sequence[float], numeric: Sequence[int] = ()) -> None:
        """`numeric`: the columns of numbers, aligned on the right as in the HTML export."""
        from fpdf.fonts import FontFace

        headings = FontFace(emphasis="BOLD", fill_color=(238, 238, 238))
        pdf = self.pdf
        pdf.set_font(FONT, "", 9)
        pdf.set_text_color(30, 30, 30)
        pdf.set_draw_color(190, 190, 190)
        # Rows are zebra-striped in light grey; the stripes use the current fill colour,
        # which would otherwise be whatever colour the last chart drew with.
        pdf.set_fill_color(247, 247, 247)
        with pdf.table(col_widths=tuple(widths), line_height=LINE_H, first_row_as_headings=True,
                       width=sum(widths), align="LEFT", headings_style=headings,
                       cell_fill_color=(247, 247, 247), cell_fill_mode="ROWS",
                       text_align=tuple("RIGHT" if n in numeric else "LEFT"
                                        for n in range(len(widths)))) as table:
            for values in [header, *rows]:
                row = table.row()
                for value in values:
                    row.cell(self.clean(value))
        pdf.ln(2)

    # -- sections ----------------------------------------------------------------------

    def build(self) -> None:
        s = self.s
        self.text(common.title(s), 18, bold=True)
        self.pdf.ln(1)
        if not s["redacted"]:
            self.text(common.UNREDACTED, 10, bold=True, colour=DRIFT)
        for label, value in common.facts(s):
            self.text(f"{label}: {value}", 10)
        glance = common.glance(s)
        if glance:
            self.heading(common.GLANCE_TITLE)
            for line in glance:
                self.text(f"• {line}", indent=2)
        if s["note"]:
            self.heading("Note from the writer")
            self.text(s["note"])
        if s["alerts"]:
            self.heading("Alerts")
            self.text(common.alerts_note(s), 9, colour=GREY)
            for alert in s["alerts"]:
                self.text(f"• {alert['message']}", indent=2)
        if common.has_entries(s):
            self.trend()
            self.dimensions()
            self.markers()
        if s["intentions"]:
            self.heading(common.INTENTIONS_TITLE)
            for item in s["intentions"]:
                self.text(f"• {item['date']}: {item['text']}", indent=2)
        self.selfcheck()
        self.entries()
        self.pdf.ln(4)
        self.text(common.data_note(self.s), 8, colour=GREY)
        # what the font lacked, before the note says so (its own \ufffd is one of them)
        self.unshown = list(self.printable.missing)
        if self.unshown:  # said, so that a reader knows the � are not the writer's
            self.text(MISSING_GLYPHS, 8, colour=GREY)

    def trend(self) -> None:
        periods = self.s["periods"]
        if not periods:
            return
        self.heading(f"Trend by {self.s['period']['by']}")
        self.trend_chart(periods)
        self.text(common.chart_note(self.s), 8, colour=GREY)
        shown, cut = common.table_periods(self.s)
        if cut:
            self.text(cut, 9, colour=GREY)
        rows = [
            [common.period_label(p), common.period_entries(p), common.number(p["identity"]),
             common.number(p["drift"]), common.balance(p["balance"], p)]
            for p in shown
        ]
        self.table(["Period", "Entries", "Identity", "Drift", "Balance"], rows,
                   (60, 22, 24, 24, 24), numeric=(1, 2, 3, 4))

    def trend_chart(self, periods: Sequence[dict[str, Any]]) -> None:
        pdf = self.pdf
        height = 50.0
        if pdf.get_y() + height + 12 > pdf.h - pdf.b_margin:
            pdf.add_page()
        x0, y0 = pdf.l_margin + 10, pdf.get_y() + 6
        width = pdf.epw - 14
        values = [p[k] for p in periods for k in ("identity", "drift") if p[k] is not None]
        high = max([*values, 1.0])
        step = width / max(1, len(periods) - 1)
        pdf.set_draw_color(*GREY)
        pdf.set_line_width(0.2)
        pdf.line(x0, y0 + height, x0 + width, y0 + height)
        pdf.line(x0, y0, x0, y0 + height)
        pdf.set_font(FONT, "", 7)
        pdf.set_text_color(*GREY)
        pdf.text(pdf.l_margin, y0 + 2, f"{high:.1f}")
        pdf.text(pdf.l_margin + 4, y0 + height, "0")
        label_every = max(1, len(periods) // 6)
        for n, period in enumerate(periods):
            if n % label_every == 0:
                x = x0 + (n * step if len(periods) > 1 else width / 2)
                label = common.axis_label(period, periods)
                pdf.text(x - pdf.get_string_width(label) / 2, y0 + height + 4, label)
        for key, colour, dashed in (("identity", IDENTITY, False), ("drift", DRIFT, True)):
            pdf.set_draw_color(*colour)
            pdf.set_fill_color(*colour)
            pdf.set_line_width(0.6)
            pdf.set_dash_pattern(dash=2, gap=1.2) if dashed else pdf.set_dash_pattern()
            previous = None
            for n, period in enumerate(periods):
                value = period[key] if period["entries"] else None
                if value is None:
                    previous = None
                    continue
                x = x0 + (n * step if len(periods) > 1 else width / 2)
                y = y0 + height - value / high * height
                if previous:
                    pdf.line(previous[0], previous[1], x, y)
                if dashed:
                    pdf.rect(x - 0.9, y - 0.9, 1.8, 1.8, style="F")
                else:
                    pdf.circle(x, y, 1.0, style="F")
                previous = (x, y)
            pdf.set_dash_pattern()
        # legend
        ly = y0 - 3
        for n, (label, colour, dashed) in enumerate(
            (("identity", IDENTITY, False), ("drift (per 100 words)", DRIFT, True))
        ):
            lx = x0 + 4 + n * 40
            pdf.set_draw_color(*colour)
            pdf.set_dash_pattern(dash=2, gap=1.2) if dashed else pdf.set_dash_pattern()
            pdf.line(lx, ly, lx + 8, ly)
            pdf.set_dash_pattern()
            pdf.set_text_color(*colour)
            pdf.text(lx + 10, ly + 1, label)
        pdf.set_line_width(0.2)
        pdf.set_y(y0 + height + 7)

    def dimensions(self) -> None:
        """A row per dimension, as `review` lays it out: the numbers in columns headed
        Identity and Drift, then a bar headed "◀ drift | identity ▶"; each order is named
        where it is drawn."""
        dims = self.s["dimensions"]
        if not dims:
            return
        self.heading("Dimensions")
        self.text(_dimensions_note(self.s), 8, colour=GREY)
        pdf = self.pdf
        scale = max([1.0, *(d[k] or 0.0 for d in dims for k in ("identity", "drift"))])
        label_w, number_w = 52.0, 18.0
        half = (pdf.epw - label_w - 2 * number_w - 2) / 2
        axis = pdf.l_margin + label_w + 2 * number_w + 2 + half

        def row(label: str, identity: str, drift: str) -> None:
            pdf.set_x(pdf.l_margin)
            pdf.cell(label_w, 5, self.clean(label))
            pdf.cell(number_w, 5, self.clean(identity), align="R")
            pdf.cell(number_w, 5, self.clean(drift), align="R")

        pdf.set_font(FONT, "B", 8)
        pdf.set_text_color(*GREY)
        row("", "Identity", "Drift")
        pdf.set_x(axis - half)
        pdf.cell(half - 1, 5, "◀ drift", align="R")
        pdf.set_x(axis + 1)
        pdf.cell(half - 1, 5, "identity ▶")
        pdf.ln(5.5)
        for d in dims:
            if pdf.get_y() + 6 > pdf.h - pdf.b_margin:
                pdf.add_page()
            y = pdf.get_y()
            pdf.set_font(FONT, "", 9)
            pdf.set_text_color(30, 30, 30)
            row(about_the_writer(d["label"]),
                f"{common.number(d['identity'])}{_arrow(self.s, d, 'identity')}",
                f"{common.number(d['drift'])}{_arrow(self.s, d, 'drift')}")
            drift = (d["drift"] or 0.0) / scale * half
            identity = (d["identity"] or 0.0) / scale * half
            if drift:
                pdf.set_fill_color(*DRIFT)
                pdf.rect(axis - drift, y + 1, drift, 3.2, style="F")
            if identity:
                pdf.set_fill_color(*IDENTITY)
                pdf.rect(axis, y + 1, identity, 3.2, style="F")
            pdf.set_draw_color(*GREY)
            pdf.line(axis, y, axis, y + 5)
            pdf.ln(5.5)
        glosses = common.glosses_text(self.s)
        if glosses:
            self.text(f"{common.GLOSS_TITLE}:", 8, colour=GREY)
            for line in glosses:
                self.text(line, 8, colour=GREY, indent=2)

    def markers(self) -> None:
        for polarity, heading in common.POLARITY_TITLES.items():
            markers = self.s["markers"][polarity]
            if not markers:
                continue
            self.heading(heading)
            for m in markers:
                self.text(f"• {common.marker_line(m, self.s)}", indent=2)
                for ex in m["excerpts"]:
                    self.text(f"“{ex['text']}” ({ex['date']}) {common.quote_note(ex)}".rstrip(),
                              9, colour=(70, 70, 70), indent=8)

    def selfcheck(self) -> None:
        check = self.s["selfcheck"]
        if not check:
            return
        # Paragraphs, not a table: an fpdf2 table row cannot break across pages, and a note
        # may hold 2,000 characters (supervision.MAX_NOTE_CHARS), taller than a page in a
        # table cell.
        self.heading(common.check_title(self.s))
        self.text(common.CHECK_NOTE, 9, colour=GREY)
        for section, items in groupby(check["items"], itemgetter("section")):
            if section:
                self.text(common.check_section(section), 10, bold=True)
            for item in items:
                beside = self.scored(common.check_score(item["score"]),
                                     item["text"] or item["id"])
                if item["note"]:
                    self.text(f"Note: {item['note']}", 9, colour=(70, 70, 70), indent=beside)

    def scored(self, score: str, statement: str, indent: float = 2) -> float:
        """A self-check answer: its score, then the statement beside it, whose wrapped lines
        stay beside it (in one paragraph, "score 2 of 5" was justified with the statement's
        gaps, and the lines after it went back under the score). The statement's indent,
        for its note."""
        from fpdf.enums import XPos, YPos

        pdf = self.pdf
        pdf.set_font(FONT, "", 10)
        pdf.set_text_color(30, 30, 30)
        h = 10 * 0.5
        if pdf.get_y() + h > pdf.page_break_trigger:  # the score on the statement's page
            pdf.add_page()
        score = self.clean(score)
        width = pdf.get_string_width(score) + 2 * pdf.c_margin + 2
        pdf.set_x(pdf.l_margin + indent)
        pdf.cell(width, h, score, new_x=XPos.RIGHT, new_y=YPos.TOP)
        self.text(statement, indent=indent + width)
        return indent + width

    def entries(self) -> None:
        if not self.s["shared_entries"]:
            return
        self.heading("Shared entries")
        for entry in self.s["shared_entries"]:
            self.text(common.entry_heading(entry), 11, bold=True)
            for key, label in common.ELEMENT_TITLES:
                if entry[key]:
                    self.text(label, 9, bold=True, colour=GREY)
                    self.text(entry[key])
            self.pdf.ln(2)
