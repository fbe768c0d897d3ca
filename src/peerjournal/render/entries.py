"""Entries on the terminal: the list table, one entry's panels, search results, the trash."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from peerjournal.dates import spoken
from peerjournal.entry import MAX_TAG_CHARS
from peerjournal.render.console import Exact, Trimmed
from peerjournal.render.layout import LongTable, Section
from peerjournal.render.safe import clean, safe_text
from peerjournal.render.verdicts import (
    VERDICT_STYLES,
    VERDICT_WORDS,
    details_hint,
    named_of_summary,
    verdict_words,
    with_details,
)
from peerjournal.textsafe import at_a_word

if TYPE_CHECKING:
    from peerjournal.db.store import SearchHit
    from peerjournal.entry import Entry


EXPERIENCE_SHOWN = 60  # the experience the table makes room for beside wide setting and tags


def first_words(text: str, limit: int = EXPERIENCE_SHOWN) -> str:
    """The start of `text` on one line, cleaned for the terminal, cut at a word."""
    return at_a_word(" ".join(clean(text).split()), limit)


# a table's Drift column: `show`'s words ("leans peer", "leans clinical", "mixed", "not enough
# signal"), so that one verdict has one name everywhere a writer reads it (round 47's QA read
# "too little" in `list` and "not enough signal" in `drift` for one entry); the column wraps
# between the words where it must
UNSCORED = "not scored"


def verdict_text(entry: Entry) -> Text:
    """`entry`'s stored verdict in words, as `write` and `drift ID` name it (drift that is
    self-doubt alone: "self-doubt", from its stored summary: `verdicts.verdict_words`)."""
    verdict = entry.drift_verdict
    if not verdict:
        return Text(UNSCORED, style="dim")
    named = named_of_summary(verdict, entry.drift_summary)
    shown = clean(verdict_words(verdict, named) if named else VERDICT_WORDS.get(verdict, verdict),
                  multiline=False)
    return Text(shown, style=VERDICT_STYLES.get(verdict, ""))


ESSENTIAL_WIDTHS = {"Date": 10}  # an ISO date (the Drift column: its widest verdict)
# the cells the table gives the experience's first words at least; where not even that fits
# beside the ID, date, drift and every setting's and tag's longest word, each entry is a block
NARROW_EXPERIENCE = 10
WIDE_EXPERIENCE = 20  # what the experience gets before the setting and tags grow
# the Setting and Tags columns' widths before the experience has all it shows; a longer
# setting or list of tags wraps inside its row, between words and between tags
WIDE_LIMITS = {"Setting": 14, "Tags": 18}
COLUMN_ORDER = ["ID", "Date", "Setting", "Tags", "Drift", "Trashed", "Experience"]


def _overhead(columns: int) -> int:
    """SIMPLE_HEAD with edges, no outer padding: 2 edges, 1 divider and 2 padding between."""
    return 3 * columns - 1


def _words(value: str, hyphens: bool) -> list[tuple[str, str]]:
    """`value`'s words (with `hyphens`, also the pieces of a word after each hyphen: "hard-",
    "day"), each with what goes before it on a line it shares: a space, or nothing."""
    pieces = []
    for word in value.split():
        parts = [p for p in re.split(r"(?<=-)(?=.)", word) if p] if hyphens else [word]
        pieces += [(" " if n == 0 else "", part) for n, part in enumerate(parts)]
    return pieces


def wrapped_words(value: str, width: int, hyphens: bool = False) -> list[str]:
    """`value` in lines of `width` cells at most, broken only between words (a list of tags
    between its tags: "ward," / "night-shift"), and with `hyphens` after a hyphen of a word
    wider than a line, never elsewhere in a word; a word (or piece) wider than `width` has a
    line of its own (`EntryTable` makes its columns at least that wide)."""
    if cell_len(value) <= width:  # (most cells: 20,000 rows of `list --limit 0`)
        return [value]
    lines: list[str] = []
    for word in value.split():
        pieces = _words(word, hyphens) if cell_len(word) > width else [(" ", word)]
        for n, (gap, piece) in enumerate(pieces):
            # a word broken at its hyphens starts a line of its own: "hard-" / "conversation"
            fresh = n == 0 and len(pieces) > 1
            if lines and not fresh and cell_len(lines[-1]) + len(gap) + cell_len(piece) <= width:
                lines[-1] += gap + piece
            else:
                lines.append(piece)
    return lines or [""]


def _cell(row: dict[str, str], key: str, n: int, lines: dict[str, list[str]], room: int,
          drift_style: str | Style) -> Text:
    """Line `n` of `key`'s cell in an `EntryTable`: the setting's, tags' and drift's lines
    (`wrapped_words`); the rest on the first line only."""
    if key in lines:
        shown = lines[key][n] if n < len(lines[key]) else ""
    elif n:
        shown = ""
    else:
        shown = at_a_word(row[key], room) if key == "Experience" else row[key]
    return Text(shown, no_wrap=True, overflow="ellipsis",
                style=drift_style if key == "Drift" else "")


class EntryTable:
    """The entries as a table that fits the width it is drawn at, every setting and tag whole.

    The ID, date and drift columns are always whole (the ID is what `show`, `drift` and
    `edit` need). The Setting and Tags columns are as wide as their longest word or tag at
    least, up to `WIDE_LIMITS` (more where the experience has all it shows): a longer setting
    or list of tags wraps inside its row between words and tags, never cut ("commun…",
    "hard-…": other words, read aloud or in braille). The experience's first words take what
    is left. A Setting or Tags column that no entry has anything in is left out where that
    makes the room; where not even NARROW_EXPERIENCE cells of the experience fit, each entry
    is a block instead: the ID, date and drift on one line, its setting and tags on the next,
    and up to two lines of what the writer wrote beneath. The trash has a "Trashed" column
    beside the drift, kept as the date is.
    """

    def __init__(self, entries: Sequence[Entry], *, deleted: bool = False) -> None:
        self.entries = list(entries)
        self.deleted = deleted
        # the trash: when each entry was trashed is a column of its own, as essential as the
        # date, so that the experience keeps its column (not squeezed out by the date)
        self.verdicts = [verdict_text(e) for e in self.entries]
        drift = max([cell_len("Drift"), *(v.cell_len for v in self.verdicts)])
        self.essential = {**ESSENTIAL_WIDTHS, "Drift": drift,
                          **({"Trashed": 10} if deleted else {})}
        self.drift_least = max([cell_len("Drift"), *(cell_len(word) for v in self.verdicts
                                                     for word in v.plain.split())])
        self.order = [k for k in COLUMN_ORDER if k != "Trashed" or deleted]
        self.rows = [
            {
                "ID": str(entry.id),
                "Date": entry.date.isoformat(),
                "Setting": clean(entry.setting, multiline=False),
                "Tags": clean(", ".join(entry.tags), multiline=False),
                "Trashed": entry.deleted_at.strftime("%Y-%m-%d") if entry.deleted_at else "",
                "Experience": first_words(entry.experience),
            }
            for entry in self.entries
        ]

    def _natural_width(self, key: str) -> int:
        """`key`'s column (Setting or Tags) at its widest: its header or its widest cell."""
        return max([cell_len(key), *(cell_len(r[key]) for r in self.rows)])

    def _least_width(self, key: str, hyphens: bool) -> int:
        """`key`'s column at its narrowest: its header or its longest word or tag (with
        `hyphens`, its longest piece of one between hyphens: "supervision-", "follow-up")."""
        return max([cell_len(key), *(cell_len(word) for r in self.rows
                                     for _, word in _words(r[key], hyphens))])

    def id_width(self) -> int:
        return max([2, *(len(r["ID"]) for r in self.rows)])

    def sizes(self, width: int, hyphens: bool = False) -> dict[str, int] | None:
        """Each shown column's width at `width` (they add up to `width`); None where not
        even NARROW_EXPERIENCE cells of the experience fit beside the others, every word
        whole (with `hyphens`: broken after a hyphen at most)."""
        # the drift verdict may wrap between its words ("leans" / "clinical") where it must
        fixed = {"ID": self.id_width(), **self.essential, "Drift": self.drift_least}
        optional = {key: self._least_width(key, hyphens) for key in ("Setting", "Tags")}
        for key in ("Tags", "Setting"):  # an empty column, left out where it makes the room
            room = width - sum(fixed.values()) - sum(optional.values())
            if room - _overhead(len(fixed) + len(optional) + 1) < NARROW_EXPERIENCE and not any(
                row[key] for row in self.rows
            ):
                del optional[key]
        sizes = {**fixed, **optional, "Experience": 0}
        extra = width - sum(sizes.values()) - _overhead(len(sizes))
        if extra < NARROW_EXPERIENCE:
            return None
        shows = max([WIDE_EXPERIENCE, *(min(cell_len(r["Experience"]), EXPERIENCE_SHOWN)
                                        for r in self.rows)])
        # the experience up to WIDE_EXPERIENCE, the setting and tags up to WIDE_LIMITS, the
        # experience up to all it shows, the setting and tags whole, the experience the rest
        wants = [("Experience", NARROW_EXPERIENCE), ("Drift", self.essential["Drift"]),
                 ("Experience", WIDE_EXPERIENCE),
                 *((key, min(WIDE_LIMITS[key], self._natural_width(key))) for key in optional),
                 ("Experience", shows),
                 *((key, self._natural_width(key)) for key in optional),
                 ("Experience", width)]
        for key, want in wants:
            grow = max(0, min(extra, want - sizes[key]))
            sizes[key] += grow
            extra -= grow
        return sizes

    def parts(self, width: int) -> tuple[Table, list[list[RenderableType]]] | None:
        """The table's columns, without rows, and its rows (an entry whose setting or tags
        wrap takes a row for each of their lines); None where `sizes` is None.

        Fixed widths that add up to `width`: Rich never takes any from the ID."""
        found = self.sizes(width)
        hyphens = found is None  # a tag wider than a column: "supervision-" / "follow-up"
        sizes = found or self.sizes(width, hyphens)
        if sizes is None:
            return None
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        shown = [k for k in self.order if k in sizes]
        for key in shown:
            if key == "ID":
                table.add_column(key, justify="right", style="bold", no_wrap=True,
                                 min_width=sizes["ID"])
            else:
                table.add_column(key, no_wrap=True, overflow="ellipsis", width=sizes[key])
        room = sizes["Experience"]  # the first words cut at a word, not by Rich
        rows: list[list[RenderableType]] = []
        for verdict, row in zip(self.verdicts, self.rows, strict=True):
            lines: dict[str, list[str]] = {
                key: wrapped_words(row[key], sizes[key], hyphens)
                for key in ("Setting", "Tags") if key in sizes
            }
            lines["Drift"] = wrapped_words(verdict.plain, sizes["Drift"])
            for n in range(max(map(len, lines.values()))):
                rows.append([_cell(row, key, n, lines, room, verdict.style) for key in shown])
        return table, rows

    def _stand_ins(self, encoding: str) -> None:
        """The cells in what `encoding` carries, measured as printed (`stand_ins`)."""
        from peerjournal.render.console import stand_ins

        for row in self.rows:
            for key in ("Setting", "Tags", "Experience"):
                row[key] = stand_ins(row[key], encoding)

    def stacked(self, console: Console, width: int) -> Indented:
        """A block per entry: its ID, date and drift on one line (the drift verdict on the
        next, indented, for every entry, where one entry's would not fit: never left out),
        then up to two lines of the experience (for the trash: when it was trashed, then the
        experience), indented."""
        blocks: list[tuple[int, Text]] = []
        body_width = max(1, width - STACK_INDENT)
        heads = [[Text(str(e.id), style="bold"), Text(e.date.isoformat()),
                  verdict_text(e)] for e in self.entries]
        # two spaces between them, or one where that lets every drift verdict fit too
        widest = max((sum(cell.cell_len for cell in cells) for cells in heads), default=0)
        gap = "  " if widest + 4 <= width else " "
        below = widest + 2 * len(gap) > width  # the verdicts in one place, for every entry
        for entry, cells in zip(self.entries, heads, strict=True):
            verdict = cells.pop() if below else None
            blocks += _packed_head(cells, gap, width)
            if verdict is not None:
                blocks.append((STACK_INDENT, verdict))
            shown = first_words(entry.experience, 4 * body_width)  # more than two lines hold
            if self.deleted and entry.deleted_at:
                shown = f"trashed {entry.deleted_at:%Y-%m-%d}  {shown}"
            if placed := _setting_and_tags(entry):  # not dropped for want of a column
                blocks.append((STACK_INDENT, placed))
            blocks += [(STACK_INDENT, line)
                       for line in _at_most_two_lines(console, shown, body_width)]
        return Indented(blocks)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        if width > EXPERIENCE_SHOWN:  # a wide terminal: as many first words as it has room for
            for entry, row in zip(self.entries, self.rows, strict=True):
                row["Experience"] = first_words(entry.experience, width)
        if options.encoding and not options.encoding.lower().startswith("utf"):
            self._stand_ins(options.encoding)
        if (parts := self.parts(width)) is not None:
            head, rows = parts
        else:  # (rather than a table that cuts or leaves out a setting or tags an entry has)
            yield self.stacked(console, width)
            return
        # (plain text, or ASCII: a rule of "-" under the header, by the console's rule)
        if len(rows) > LONG_LIST:
            yield LongTable(head, rows)
            return
        for cells in rows:
            head.add_row(*cells)
        yield head


def _packed_head(cells: Sequence[Text], gap: str, width: int) -> list[tuple[int, Text]]:
    """`cells` with `gap` between them, as many to a line as fit, whole: those that do not
    go on to a line of their own, indented (an ID too long for its date beside it)."""
    lines = [(0, cells[0].copy())]
    for cell in cells[1:]:
        indent, head = lines[-1]
        if not indent and head.cell_len + len(gap) + cell.cell_len <= width:
            head.append(gap)
            head.append_text(cell)
        else:
            lines.append((STACK_INDENT, cell))
    return lines


class Indented:
    """Lines of text, each at its indent, a line too long wrapped under its own start: what
    a Group of `Padding`s draws, at a fraction of the cost (the stacked `list --limit 0` of
    2,160 entries took 2 s, a millisecond an entry)."""

    def __init__(self, lines: Sequence[tuple[int, Text]]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        for indent, text in self.lines:
            room = max(1, width - indent)
            fits = text.cell_len <= room and "\n" not in text.plain
            for line in [text] if fits else text.wrap(console, room):
                if indent:
                    yield Segment(" " * indent)
                yield from line.render(console)
                yield Segment.line()


def _setting_and_tags(entry: Entry) -> Text | None:
    """The stacked list's line for an entry's setting and tags ("community  #housing"), as
    `show` writes them; None when it has neither."""
    parts = [entry.setting] if entry.setting else []
    parts += [f"#{tag}" for tag in entry.tags]
    return Text(clean("  ".join(parts), multiline=False)) if parts else None


# more rows than this are drawn by `LongTable`: the same table, 20,000 rows in a second or
# two rather than 25 s
LONG_LIST = 100
STACK_INDENT = 2  # the experience under its entry's ID in the stacked list


def _at_most_two_lines(console: Console, text: str, width: int) -> list[Text]:
    """`text` wrapped at `width`; what would not fit on two lines is cut at a word, with an
    ellipsis. Nothing at all for an entry without an experience."""
    if not text:
        return []
    lines = Text(text).wrap(console, width)
    if len(lines) <= 2:
        return list(lines)
    rest = Text(first_words(text[len(lines[0].plain):], width))
    rest.truncate(width, overflow="ellipsis")  # wide characters take two cells each
    return [lines[0], rest]


def entry_table(entries: Sequence[Entry], *, deleted: bool = False) -> EntryTable:
    return EntryTable(entries, deleted=deleted)


def tag_lines(counts: Sequence[tuple[str, int]]) -> list[str]:
    """`tags`: each tag and its number of entries, the numbers in one column however many
    cells a tag's letters take ("日本語" takes six, an "é" typed as e and an accent one). A tag
    wider than a new one may be long (one stored before there was a limit, or by hand) is cut
    with "…", not pushing every number that far right (`tags --json` has it whole)."""
    names = [_at_most(clean(tag, multiline=False), MAX_TAG_CHARS) for tag, _ in counts]
    width = max((cell_len(name) for name in names), default=0)
    return [
        f"{name}{' ' * (width - cell_len(name))}  {n}"
        for name, (_, n) in zip(names, counts, strict=True)
    ]


def _at_most(name: str, width: int) -> str:
    return name if cell_len(name) <= width else set_cell_size(name, width - 1) + "…"


class EntryHeader:
    """'#12 · Tue 1 Dec 2026 · inpatient · on-action · prompts: gibbs   #a #b   shared with
    mentor', wrapped only between its parts and between tags: a line too narrow for the next
    one goes on to a new line, so a date or a tag is never split (unless it alone is wider
    than the terminal). The lines it goes on to are indented under the date, so that a tag
    wrapped on to a line of its own reads as the header's, not as a heading of its own."""

    def __init__(self, entry: Entry) -> None:
        meta = [f"#{entry.id}", spoken(entry.date, weekday=True)]  # "Tue 1 Dec 2026"
        meta += [p for p in (entry.setting, entry.mode, f"prompts: {entry.prompt_set}") if p]
        # (separator before it, part, style)
        self.parts = [(" · ", clean(p, multiline=False), "bold") for p in meta]
        self.parts += [
            ("   " if n == 0 else " ", clean(f"#{tag}", multiline=False), "cyan")
            for n, tag in enumerate(entry.tags)
        ]
        if entry.shared:
            self.parts.append(("   ", "shared with mentor", "magenta"))

    def text(self, width: int) -> Text:
        header = Text()
        used = 0
        # under the date ("#12 · "); a quarter of a narrow terminal at most
        hang = min(cell_len(self.parts[0][1]) + 3, width // 4)
        for n, (gap, part, style) in enumerate(self.parts):
            if n and used + cell_len(gap) + cell_len(part) <= width:
                header.append(gap, style=style)
                used += cell_len(gap)
            elif n:  # under the date, also a part wider than a line: broken there
                used = hang
                header.append("\n" + " " * used)
            if used + cell_len(part) > width:  # wider than a line: at a space or a hyphen
                pieces = _broken(part, width - used)
                header.append(("\n" + " " * used).join(pieces), style=style)
                used = width  # what follows starts a line: not read as the tag's last piece
                continue
            header.append(part, style=style)
            used += cell_len(part)
        return header

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.text(options.max_width)


_BREAK_AFTER = re.compile(r"(?<=[-_/. ])")  # where a long part may go on to the next line


def _broken(part: str, width: int) -> list[str]:
    """`part` (a tag, a setting wider than the terminal) in lines of `width` cells at most,
    broken at a space or after a hyphen (or _ / .) rather than inside a word: "#very-long-"
    and "tag", not "#very-long-ta" and "g"; "mental health" and "tribunal", not "mental
    health tribun" and "al". A piece with no such place that is wider still is cut by cells."""
    width = max(width, 1)
    lines = [""]
    for piece in _BREAK_AFTER.split(part):
        while piece:
            if cell_len((lines[-1] + piece).rstrip(" ")) <= width:
                lines[-1] += piece
                piece = ""
            elif lines[-1]:
                lines.append("")
            else:  # one word wider than the line
                head = set_cell_size(piece, width).rstrip()
                head = head[:len(head) - 1] if cell_len(head) > width else head
                lines[-1] = head or piece[0]
                piece = piece[len(lines[-1]):]
                lines.append("")
    return [line.rstrip(" ") for line in lines if line.strip(" ")] or [part]


class DriftLine:
    """'Drift: leans peer  · details: peerjournal drift 12', ending as `write`'s line does."""

    def __init__(self, entry: Entry, drift: str = "peerjournal drift") -> None:
        self.entry = entry
        self.drift = drift  # (`details_hint`)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        line = Text("Drift: ")
        line.append_text(verdict_text(self.entry))
        line.append_text(details_hint(self.entry.id, options.ascii_only, self.drift))
        # wrapped at 40 columns, it would keep the space it broke at; the command kept whole
        yield Trimmed(line if options.no_wrap else with_details(console, line, options.max_width))


def entry_view(
    entry: Entry, layout: dict[str, tuple[str, str]], drift: str = "peerjournal drift"
) -> RenderableType:
    """The entry, a `Section` (a panel) per element; answers to extra questions sit inside
    their element; its drift line ends with `drift` ID (the command with the journal's --db).

    `layout` maps question id -> (element, question text); unknown ids go under Evaluation.
    """
    from peerjournal.reflection import element_answers, shown_answer

    parts: list[RenderableType] = [EntryHeader(entry)]
    for element in ("experience", "feelings", "evaluation"):
        text = getattr(entry, element)
        body = safe_text(text) if text.strip() else Text()
        for question, answer in element_answers(entry.answers, layout, element):
            # a blank line between paragraphs, none above the first (an element with no text
            # of its own, only answers)
            gap = "\n\n" if body.plain else ""
            body.append(f"{gap}{clean(question)}\n", style="bold")
            body.append(clean(shown_answer(question, answer)))
        if body.plain:
            parts.append(Section(element.capitalize(), body, box=box.ROUNDED))
    if entry.self_care:
        parts.append(
            Section("Self-care", safe_text(entry.self_care), box=box.ROUNDED,
                    border_style="green")
        )
    parts.append(DriftLine(entry, drift))
    # (an ASCII locale: each letter as its escape, "Zo\\xeb", so that no word of it is lost)
    return Exact(Group(*parts))


LINE_BREAK = re.compile(r"\s*\n\s*")  # a line break and the whitespace around it
EDGE_BREAK = re.compile(r"^\s*\n\s*|\s*\n\s*$")


def highlighted_snippet(snippet: str, marks: tuple[str, str]) -> Text:
    """A snippet (matches between the two `marks`) on one line, its matches highlighted.

    Each line break (with the whitespace around it) reads as one space, also where a match
    starts or ends beside it, so "Tenancy\\npapers" never becomes "Tenancypapers"."""
    start, end = marks
    flat = LINE_BREAK.sub(" ", EDGE_BREAK.sub("", snippet))
    text = Text()
    for n, chunk in enumerate(flat.replace(end, start).split(start)):
        text.append(clean(chunk, multiline=False), style="bold reverse" if n % 2 else "")
    return text


def search_results(hits: Sequence[SearchHit]) -> RenderableType:
    rows: list[RenderableType] = []
    for hit in hits:
        rows.append(EntryHeader(hit.entry))
        # indented as a block, so a snippet that wraps stays under its entry's header
        snippet = highlighted_snippet(hit.snippet, (hit.START, hit.END))
        rows.append(Padding(snippet, (0, 0, 0, 4), expand=False))
        rows.append(Text(""))
    return Group(*rows)
