"""The trend report on the terminal, from the dict `trends.build_report` returns.

Designed for 80 columns: tables without vertical borders (nothing to break when a line is
cut or piped to a file), ASCII glyphs when the console cannot encode block characters, and
meaning carried by glyphs and words as well as colour (NO_COLOR loses nothing).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from peerjournal.dates import spoken
from peerjournal.drift import marker_label
from peerjournal.exporters.common import TOO_LITTLE, too_little_note, turn_words
from peerjournal.plural import counted, joined
from peerjournal.render.charts import diverging_bar, empty_bar, sparkline, unicode_ok
from peerjournal.render.console import Trimmed, styled
from peerjournal.render.layout import ASCII_SIMPLE_HEAD, bullets
from peerjournal.render.safe import clean
from peerjournal.trends import Rounded, fixed, partial, period_label, period_start

IDENTITY_STYLE = "green"
DRIFT_STYLE = "red"
TREND_WORDS = {"up": "rising", "down": "falling", "steady": "steady"}
REPORT_TITLE = "Practice report"
MAX_PERIOD_ROWS = 26  # more periods than this: the table shows the most recent ones (not --all)
BAR_HALF = 10  # cells on each side of a balance bar
LABEL_WIDTH = 18
# Below this width the tables leave out their balance bars and the space between columns,
# and shorten long labels, so that every number is still shown whole (down to 40 columns).
NARROW_WIDTH = 70
# Below this width even the periods' numbers do not fit under their full headers: the headers
# are shortened ("N" for entries, a note says so), and a week is named by its day and month.
TINY_WIDTH = 40
# Below this width no table fits with its numbers whole: each row is a line of its own
# ("23 Nov: entries 7, identity 29.17, …"), wrapped between words (see `_Stacked`).
STACKED_WIDTH = 30


class _Hanging:
    """`text` indented `first` columns, its wrapped lines `rest` columns: a side of the
    Dimensions block ("  drift 10.82 (rose to 31.08 in the weeks of 3 Aug – 14 Sep, …)")
    that wraps carries on beneath itself, not from the edge, under the side after it."""

    def __init__(self, text: Text, first: int = 2, rest: int = 4) -> None:
        self.text, self.first, self.rest = text, first, rest

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        wrapped = self.text.wrap(console, max(1, options.max_width - self.rest))
        out = Text()
        for i, line in enumerate(wrapped):
            out.append(" " * (self.rest if i else self.first))
            out.append_text(line)
            out.append("\n")
        out.rstrip()
        yield out


def print_report(
    console: Console, report: Mapping[str, Any], labels: Mapping[str, str] | None = None,
    *, every_period: bool = False,
) -> None:
    """Print the whole report; `labels` names dimensions (default: their ids, spaced);
    `every_period` (--all): every week, month or year in the table, not the last
    MAX_PERIOD_ROWS."""
    console.print(
        report_view(
            report, labels or {}, width=console.width, ascii_only=not unicode_ok(console.encoding),
            plain=not styled(console), every_period=every_period,
        )
    )


def report_view(
    report: Mapping[str, Any], labels: Mapping[str, str], *, width: int, ascii_only: bool,
    plain: bool = False, every_period: bool = False,
) -> Group:
    """`plain`: for a pipe, a file or TERM=dumb (`console.styled`): the dimensions in numbers
    and words, where a screen reader reads a sparkline out block by block."""
    view = _View(report, labels, width, ascii_only, plain)
    view.every_period = every_period
    parts: list[RenderableType] = [view.header(), view.periods()]
    parts += view.dimensions()
    if "dimension" in report:
        parts += view.dimension_detail()
    parts += view.changes()
    parts += view.settings()
    parts += view.feelings()
    parts += [view.rhythm()]
    parts += view.alerts()
    return Group(*parts)


def _day(text: str) -> str:
    return spoken(date.fromisoformat(text))


def _partial(period: dict[str, Any], unit: str) -> bool:
    """A week, month or year shorter than a whole one (`trends.partial`)."""
    return partial(date.fromisoformat(period["start"]), date.fromisoformat(period["end"]), unit)


def _cut_start(period: dict[str, Any], unit: str) -> bool:
    """A week, month or year whose first days the window leaves out."""
    start = date.fromisoformat(period["start"])
    return start != period_start(start, unit)


def _of(entries: int, share: float) -> str:
    """"13 (33%)": entries and their share of the window's."""
    return f"{entries:,} ({round(100 * share)}%)"


def _num(value: float) -> str:
    """Two decimals, rounded once from the exact value (the JSON's three are rounded too)."""
    return fixed(value)


def _scale(rows: Iterable[Mapping[str, Any]]) -> float:
    """The top of a table's bars: its highest rate of a row with entries and a balance to
    show (a "too little" row draws no bar, so it sets no scale for the others)."""
    return max((max(r["identity"], r["drift"]) for r in rows
                if r["entries"] and not r.get("too_little")), default=0)


def _balance(value: float | None, none: str = "–") -> Text:
    if value is None:
        return Text(none, style="dim")
    text = fixed(value, sign=True)
    # by the printed digits: a balance that prints "+0.00" is even, not drift
    style = "" if text.strip("+-0.") == "" else IDENTITY_STYLE if value > 0 else DRIFT_STYLE
    return Text(text, style=style)


class _View:
    def __init__(
        self, report: Mapping[str, Any], labels: Mapping[str, str], width: int, ascii_only: bool,
        plain: bool = False,
    ) -> None:
        self.report = report
        self.labels = labels
        self.width = width
        self.narrow = width < NARROW_WIDTH
        self.ascii = ascii_only
        self.unit = report["by"]
        self.up, self.down = ("+", "-") if ascii_only else ("↑", "↓")
        self.dash, self.dot = (" - ", " / ") if ascii_only else (" – ", " · ")
        self.quotes = ('"', '"') if ascii_only else ("“", "”")
        self.none = "-" if ascii_only else "–"
        self.plain = plain
        self.every_period = False

    def balance(self, value: float | None) -> Text:
        return _balance(value, self.none)

    def row_balance(self, row: Mapping[str, Any]) -> Text:
        """A period's or a setting's balance; "too little" (as `list` says of each of its
        entries) when none of its scored entries has a verdict of its own."""
        return Text(TOO_LITTLE, style="dim") if row.get("too_little") else self.balance(
            row["balance"])

    def row_bar(self, row: Mapping[str, Any], scale: float) -> list[Text]:
        """A row's bar (none in a narrow table); empty for a row that is "too little"."""
        if self.narrow:
            return []
        if row.get("too_little"):
            return [self.bar(0, 0, scale, 0)]
        return [self.bar(row["identity"], row["drift"], scale, row["entries"])]

    def span(self, start: str, end: str) -> str:
        """"2 Jun 2026 – 30 Jun 2026", or one day once: "2 Jun 2026"."""
        return _day(start) if start == end else _day(start) + self.dash + _day(end)

    def before(self) -> str:
        """The window before, as "What changed" names it: its dates, or its calendar years
        when it is whole ones ("2007–2016", "2025"), as a report by year compares them."""
        prev = self.report["previous"]
        start, end = date.fromisoformat(prev["since"]), date.fromisoformat(prev["until"])
        if (start.month, start.day, end.month, end.day) != (1, 1, 12, 31):
            return self.span(prev["since"], prev["until"])
        years = [str(start.year), str(end.year)] if end.year > start.year else [str(end.year)]
        return self.dash.strip().join(years)

    # -- building blocks -------------------------------------------------------------------

    def label(self, dim: str) -> str:
        return self.labels.get(dim) or dim.replace("_", " ")

    def table(self, *columns: tuple[str, str], squeeze: int | None = None) -> Table | _Stacked:
        """A table whose cells never wrap; column `squeeze` (its cells Text with an ellipsis,
        see `cut`) is the one shortened when the table is too wide for the terminal. Below
        STACKED_WIDTH, its rows as lines instead."""
        if self.width < STACKED_WIDTH:
            return _Stacked([name for name, _ in columns])
        table = Table(
            # plain text: a rule of "-", not "box drawings light horizontal" read aloud
            box=ASCII_SIMPLE_HEAD if self.ascii or self.plain else box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            expand=False,
            header_style="bold",
            padding=0 if self.narrow else (0, 1),
        )
        for n, (name, justify) in enumerate(columns):
            table.add_column(name, justify=justify, no_wrap=n != squeeze)  # type: ignore[arg-type]
        return table

    @staticmethod
    def cut(text: str, style: str = "") -> Text:
        """A label that is cut with an ellipsis, never wrapped, in a squeezed column."""
        return Text(clean(text, multiline=False), style=style, no_wrap=True, overflow="ellipsis")

    @staticmethod
    def wrapped(text: str) -> Text:
        """A label wrapped at its words in a squeezed column, where its end must show."""
        return Text(clean(text, multiline=False))

    def heading(self, title: str, note: str = "") -> Text:
        title = clean(title, multiline=False)
        text = Text("\n" + title, style="bold")
        if note:
            text.append(self.gap(title, note) + note, style="dim")
        return text

    def gap(self, title: str, rest: str) -> str:
        """What goes between a heading's title and the rest of its line: two spaces, or, on a
        terminal too narrow for both, a line break (not a break inside a date of the rest)."""
        return "  " if cell_len(f"{title}  {rest}") <= self.width else "\n"

    def bar(self, identity: float, drift: float, scale: float, entries: int) -> Text:
        if not entries:
            parts = empty_bar(BAR_HALF, ascii_only=self.ascii)
        else:
            parts = diverging_bar(
                drift, identity, scale=scale, half_width=BAR_HALF, ascii_only=self.ascii
            )
        text = Text(parts.left_pad)
        text.append(parts.left, style=DRIFT_STYLE)
        text.append(parts.axis, style="dim")
        text.append(parts.right, style=IDENTITY_STYLE)
        text.append(parts.right_pad)
        return text

    def bar_header(self) -> str:
        return "drift".ljust(BAR_HALF) + ("|" if self.ascii else "│") + "identity".rjust(BAR_HALF)

    # -- sections --------------------------------------------------------------------------

    def header(self) -> Text:
        r = self.report
        totals = r["totals"]
        span, by = self.span(r["since"], r["until"]), f"  by {self.unit}"
        text = Text(REPORT_TITLE + self.gap(REPORT_TITLE, span + by) + span, style="bold")
        text.append(by, style="dim")
        only = self.filters(r.get("filters") or {})
        if only:
            text.append("\n" + only, style="dim")
        text.append("\n" + counted(totals["entries"], "entry"))
        if totals["entries"]:
            text.append(
                f", {_num(totals['identity'])} identity and {_num(totals['drift'])} drift "
                "markers per 100 words, balance "
            )
            text.append_text(self.row_balance(totals))
        if totals.get("too_little"):
            text.append("\n" + too_little_note(), style="dim")
        if r.get("unscored"):
            text.append("\n" + self.unscored(r["unscored"]), style="dim")
        return text

    def unscored(self, entries: int) -> str:
        """Why `entries` are left out of the numbers: not scored yet (`drift --rescore`
        scores them), or their scores could not be read (`scores_unreadable`: a damaged
        score table, which no rescore of that journal mends)."""
        are = "is" if entries == 1 else "are"
        if self.report.get("scores_unreadable"):
            return (f"The drift scores could not be read (the journal is damaged), so "
                    f"{counted(entries, 'entry')} {are} left out of the numbers.")
        return (f"{counted(entries, 'entry')} without a drift score yet {are} left out of "
                "the numbers.")

    def filters(self, filters: Mapping[str, Any]) -> str:
        """'Only entries with setting “crisis”, tagged #first-meeting and #ward', or ''."""
        parts = []
        if filters.get("setting"):
            left, right = self.quotes
            parts.append(f"with setting {left}{filters['setting']}{right}")
        tags = [f"#{tag}" for tag in filters.get("tags") or ()]
        if tags:
            parts.append("tagged " + joined(tags))
        return clean("Only entries " + ", ".join(parts), multiline=False) if parts else ""

    def matching(self) -> str:
        """"matching " in a report of some entries (--setting, --tag): its first entry is the
        first that matches, not the journal's first."""
        filters = self.report.get("filters") or {}
        return "matching " if filters.get("setting") or filters.get("tags") else ""

    def since_first(self) -> list[dict[str, Any]]:
        """The report's periods; for a journal younger than the default window, from the one
        with its first entry on (a first week came after eleven empty rows). With filters too
        from the journal's first entry, not the first that matches: an empty month before the
        first match is shown as one after the last is."""
        periods: list[dict[str, Any]] = self.report["periods"]
        first = (self.report.get("rhythm") or {}).get("journal_first_entry")
        return [p for p in periods if p["end"] >= first] if first else periods

    def periods(self) -> RenderableType:
        periods = self.since_first()
        shown = periods if self.every_period else periods[-MAX_PERIOD_ROWS:]
        scale = _scale(periods)
        bars = not self.narrow
        tiny = STACKED_WIDTH <= self.width < TINY_WIDTH  # (stacked rows say the names whole)
        entries, identity, drift, balance = (
            ("N", "Ident", "Drift", "Bal") if tiny else ("Entries", "Identity", "Drift", "Balance")
        )
        table = self.table(
            (self.unit.capitalize(), "left"),
            (entries, "right"),
            (identity, "right"),
            (drift, "right"),
            *([(self.bar_header(), "left")] if bars else []),
            (balance, "right"),
        )
        names, said = self.period_names(shown, periods)
        for p, name in zip(shown, names, strict=True):
            if not p["entries"]:
                bar = [self.bar(0, 0, scale, 0)] if bars else []
                table.add_row(name, Text(self.none, style="dim"), "", "", *bar, "")
                continue
            table.add_row(
                name,
                str(p["entries"]),
                _num(p["identity"]),
                _num(p["drift"]),
                *self.row_bar(p, scale),
                self.row_balance(p),
            )
        note = ("per 100 words; N = entries" if tiny else "per 100 words") + said
        return Group(self.heading(f"By {self.unit}{self.years(shown)}", note), table)

    def years(self, shown: Sequence[Mapping[str, Any]]) -> str:
        """" in 2026" (or " in 2025–2026") after "By week": the year its rows begin in, which
        their labels ("8 Jun") leave out. Nothing for months and years, named with it."""
        if self.unit != "week" or not shown:
            return ""
        first, last = (date.fromisoformat(p["start"]).year for p in (shown[0], shown[-1]))
        return f" in {first}" if first == last else f" in {first}{self.dash.strip()}{last}"

    def dimensions(self) -> list[RenderableType]:
        periods = self.since_first()
        dims = list(periods[0]["dimensions"]) if periods else []
        active = [
            d
            for d in dims
            if any(p["dimensions"][d]["identity"] or p["dimensions"][d]["drift"] for p in periods)
        ]
        if not active:
            return []
        if self.plain:
            note, words = self.dimension_numbers(active)
            return [self.heading("Dimensions", note), *words]
        # as many periods as "By week" shows, so that a mark stands under its row
        room = min(MAX_PERIOD_ROWS, max(4, (self.width - LABEL_WIDTH - 6) // 2))
        shown = periods[-room:]
        # fewer marks than periods: the numbers still cover them all, and say so
        note, words = self.dimension_numbers(active, len(periods) * (len(shown) < len(periods)))
        table = self.table(
            ("Dimension", "left"), ("Identity", "left"), ("Drift", "left"), squeeze=0
        )
        for dim in active:

            def series(polarity: str, dim: str = dim) -> str:
                values = [p["dimensions"][dim][polarity] if p["entries"] else None for p in shown]
                return sparkline(values, ascii_only=self.ascii)

            table.add_row(
                self.cut(self.label(dim)),
                Text(series("identity"), style=IDENTITY_STYLE),
                Text(series("drift"), style=DRIFT_STYLE),
            )
        marks = f"one mark per {self.unit}, blank = no entries"
        if len(shown) < len(periods):
            marks += f"; the last {counted(len(shown), self.unit)}"
        # the marks are read aloud as "lower one eighth block": the same in words beneath
        in_words = Text(f"\nIn words, {note}:", style="dim")
        return [self.heading("Dimensions", marks), table, in_words, *words]

    def dimension_numbers(
        self, active: Sequence[str], periods: int = 0
    ) -> tuple[str, list[RenderableType]]:
        """Each dimension's rate over the window (word-weighted, as the totals give it) and
        which way it went, in words (as `review` gives them): `report --json`'s `trend`
        (`trends.trend_directions`, as the mentor summary computes them), never worked out
        again here: "Recovery story: identity 2.79 rising, drift 0.24 falling". Returned
        with what the numbers are, for a heading; `periods`, when the marks above show fewer,
        is how many periods the numbers cover ("over the 12 weeks of the report")."""
        from peerjournal.summary import POLARITIES

        rates = self.report["totals"]["dimensions"]
        trend = self.report["trend"]
        rows: list[tuple[str, list[str]]] = []
        for dim in active:
            said = []
            for polarity in POLARITIES:
                sides = trend["dimensions"][dim]  # (`_reads`: the words' direction, round 47)
                way = sides.get(f"{polarity}_reads", sides[f"{polarity}_direction"])
                turned = sides.get(f"{polarity}_turn")
                rate = rates[dim][polarity]
                if turned:  # (the halves would call a rise and a fall back "rising")
                    words = f" ({turn_words(turned, self.unit, _num)})"
                else:
                    words = f" {TREND_WORDS[way]}" if way else ""
                said.append(f"{polarity} {'no entries' if rate is None else _num(rate)}{words}")
            rows.append((f"{clean(self.label(dim), multiline=False)}:", said))
        # one layout for every dimension (lines that change shape by a label's length lose
        # a reader's eye): each on one line, or, when any is too long for one, each side on
        # its own (a wrap between "drift" and "0.10 steady" parts the number from its name)
        whole = all(cell_len(f"{label} {', '.join(said)}") <= self.width for label, said in rows)
        lines: RenderableType
        if whole:
            lines = Text()
            for label, said in rows:
                lines.append(label, style="bold")
                lines.append(" " + ", ".join(said) + "\n")
            lines.rstrip()
        else:  # (a side too long for a line, "rose to … then fell to …", hangs beneath itself)
            parts: list[RenderableType] = []
            for label, said in rows:
                parts.append(Text(label, style="bold"))
                parts += [_Hanging(Text(side + ("," if i < len(said) - 1 else "")))
                          for i, side in enumerate(said)]
            lines = Group(*parts)
        over = f"the {counted(periods, self.unit)} of the report" if periods else ""
        note = f"per 100 words over {over or f'these {self.unit}s'}"
        if trend["too_few"] is None:
            # the basis in the heading: "What changed" compares with the window before, so
            # one number can rise within these weeks and fall against the weeks before them
            return f"{note}; {self.halves_compared(trend['compared'])}", [lines]
        # no words at all: why, as the exported summary says it
        why = Text(f"No trend words: {trend['too_few']}", style="dim")
        return note, [lines, why]

    def dimension_periods(self, dim: str) -> list[RenderableType]:
        """One dimension period by period (`report -d DIM`), as "By week" shows the whole:
        its identity and drift per 100 words in each period of the window, and, beneath,
        which way each went (the Dimensions section's words, with what they compare)."""
        periods = self.since_first()
        shown = periods if self.every_period else periods[-MAX_PERIOD_ROWS:]
        if not any(p["entries"] for p in shown):
            return []
        table = self.table(
            (self.unit.capitalize(), "left"), ("Entries", "right"), ("Identity", "right"),
            ("Drift", "right"), squeeze=0,
        )
        names, said = self.period_names(shown, periods)
        for p, name in zip(shown, names, strict=True):
            if not p["entries"]:
                table.add_row(name, Text(self.none, style="dim"), "", "")
                continue
            values = p["dimensions"].get(dim, {})
            table.add_row(name, str(p["entries"]), _num(values.get("identity") or 0),
                          _num(values.get("drift") or 0))
        note = "per 100 words" + said  # (as the main table marks them)
        out: list[RenderableType] = [
            Text(f"\nBy {self.unit}{self.years(shown)}  {note}", style="dim"), table
        ]
        trend = self.report["trend"]
        if trend["too_few"] is None and dim in trend["dimensions"]:
            note, words = self.dimension_numbers([dim])
            out += [Text(note[0].upper() + note[1:] + ":", style="dim"), *words]
        return out

    def period_names(self, shown: Sequence[dict[str, Any]], periods: Sequence[dict[str, Any]]
                     ) -> tuple[list[str], str]:
        """Each of the `shown` periods' names in a table ("8 Jun": the year said once, in the
        heading, as "8 Jun 2026" left 40 to 60 columns too narrow for the headers; "*" when
        the window cut it short, `cut_short`), and what the table's note adds about them: the
        mark, and how many of `periods` are left out and how to see them."""
        cut = self.cut_short(shown, periods)
        names = [period_label(date.fromisoformat(p["start"]), self.unit) + ("*" if short else "")
                 for p, short in zip(shown, cut, strict=True)]
        said = f"; * part of a {self.unit}, cut by the window" if any(cut) else ""
        if len(shown) < len(periods):
            said += f"; the last {len(shown)} of {len(periods):,} {self.unit}s (--all: every one)"
        return names, said

    def cut_short(self, shown: Sequence[dict[str, Any]],
                  periods: Sequence[dict[str, Any]]) -> list[bool]:
        """Which of the `shown` periods the window cut short (`--since` on a Sunday: a
        one-day "week"), not the one still going on today unless `--since` cut its start
        too: those the tables mark "*"."""
        ongoing = (self.report.get("rhythm") or {}).get("reaches_today", True)
        return [
            _cut_start(p, self.unit) if ongoing and p is periods[-1] else _partial(p, self.unit)
            for p in shown
        ]

    def halves_compared(self, compared: Mapping[str, Any]) -> str:
        """What the Dimensions' trend words compare: "rising or falling: the last 3 months
        with entries against the first 3" (`trends.trend_directions`' `compared`)."""
        first, last = compared["first"], compared["last"]
        latest = self.unit if last == 1 else counted(last, self.unit)
        return (f"rising or falling: the last {latest} with entries against the first"
                + ("" if first == 1 else f" {first}"))

    def dimension_detail(self) -> list[RenderableType]:
        d = self.report["dimension"]
        prev = self.report["previous"]
        before = self.before()
        # no entries before: "0.00 and 0.00" would read as a measured zero ("What changed"
        # below says there is nothing to compare with)
        text = Text(
            f"{_num(d['identity'])} identity and {_num(d['drift'])} drift per 100 words; "
            + (
                f"the window before ({before}): "
                f"{_num(d['previous']['identity'])} and {_num(d['previous']['drift'])}."
                if prev["entries"]
                else f"no {self.matching()}entries in the window before ({before}) to compare."
            )
        )
        out: list[RenderableType] = [self.heading(
            # the lexicon's own label ("IPS mutuality"); the report's is in lower case
            self.labels.get(d["id"]) or d["label"].capitalize(), "in detail"
        ), text, *self.dimension_periods(d["id"])]
        if d["settings"]:
            table = self.table(
                ("Setting", "left"), ("Identity", "right"), ("Drift", "right"), squeeze=0
            )
            for name, values in d["settings"].items():
                table.add_row(
                    self.cut(self.setting_name(name)),
                    _num(values["identity"]),
                    _num(values["drift"]),
                )
            out.append(table)
        if d["markers"]:
            table = self.table(
                ("Marker", "left"), ("Side", "left"), ("Now", "right"), ("Before", "right"),
                squeeze=0,
            )
            for m in d["markers"]:
                style = IDENTITY_STYLE if m["polarity"] == "identity" else DRIFT_STYLE
                table.add_row(
                    self.cut(marker_label(m["marker"], self.labels, negated=m["negated"])),
                    Text(m["polarity"], style=style),
                    str(m["count"]),
                    str(m["previous"]),
                )
            out.append(table)
        else:
            out.append(
                Text("No markers of this dimension counted in these two windows.", style="dim")
            )
        return out

    def changes(self) -> list[RenderableType]:
        r = self.report
        prev = r["previous"]
        # the basis, as the Dimensions heading names its own (within these weeks)
        note = f"vs {self.before()}, the window before"
        if not r["changes"]:
            first = r["rhythm"].get("first_entry")
            if first and not prev["entries"]:
                reason = (
                    f"nothing to compare with yet: your first {self.matching()}entry is from "
                    f"{_day(first)}"
                )
            elif not prev["entries"]:
                reason = (
                    f"nothing to compare with: no {self.matching()}entries in the window before"
                )
            elif r.get("too_little_to_compare"):
                reason = self.too_little_to_compare()
            else:
                reason = "nothing moved by much"
            return [
                self.heading("What changed", note),
                Text(reason[0].upper() + reason[1:] + ".", style="dim"),
            ]
        table = self.table(
            ("", "left"), ("", "left"), ("Before", "right"), ("Now", "right"), squeeze=1
        )
        for c in r["changes"]:
            arrow = f"{self.up} rose" if c["change"] > 0 else f"{self.down} fell"
            style = IDENTITY_STYLE if c["polarity"] == "identity" else DRIFT_STYLE
            # wrapped, never cut: the end of a row says identity or drift
            if c["kind"] == "dimension":
                what = self.wrapped(f"{c['label']} ({c['polarity']})")
                before, now = _num(c["previous"]), _num(c["current"])
            else:
                # "Moving toward: their choices and hopes (identity)" beside "Moving toward (…)",
                # named as the Dimensions section names them; per 100 words, as the
                # dimensions: the window before may hold more writing
                what = self.wrapped(f"{c['dimension_label']}: {c['label']} ({c['polarity']})")
                before, now = _num(c["previous_rate"]), _num(c["rate"])
            table.add_row(Text(arrow + (" " if self.narrow else ""), style=style), what, before,
                          now)
        return [
            self.heading("What changed", note + "; per 100 words"),
            table,
        ]

    def too_little_to_compare(self) -> str:
        """"too little writing in the window before to compare: 4 entries, 62 scored words
        (a comparison needs 300 in each)": `trends.comparable`."""
        from peerjournal.trends import THRESHOLDS

        r = self.report
        thin = r["previous"] if r["too_little_to_compare"] == "previous" else r["totals"]
        where = "the window before" if thin is r["previous"] else f"these {self.unit}s"
        return (
            f"too little writing in {where} to compare: {counted(thin['entries'], 'entry')}, "
            f"{counted(thin.get('words', 0), 'scored word')} (a comparison needs "
            f"{THRESHOLDS.min_window_words:,} in each)"
        )

    def setting_name(self, key: str) -> str:
        """A setting as the report names it: the spelling most of its entries carry (a report
        from before `setting_names` was given: its key)."""
        return str((self.report.get("setting_names") or {}).get(key) or key)

    def settings(self) -> list[RenderableType]:
        settings = self.report["settings"]
        if not settings:
            return []
        scale = _scale(settings.values())
        bars = not self.narrow
        table = self.table(
            ("Setting", "left"),
            ("Entries", "right"),
            *([(self.bar_header(), "left")] if bars else []),
            ("Balance", "right"),
            squeeze=0,
        )
        for name, s in settings.items():
            table.add_row(self.cut(self.setting_name(name)), str(s["entries"]),
                          *self.row_bar(s, scale), self.row_balance(s))
        # the bars are what was counted, as the by-period table's (whose numbers beside them
        # say so): two settings of one balance have bars as long as their rates
        note = "balance by setting; bars: markers per 100 words" if bars else (
            "balance by setting")
        return [self.heading("Where drift shows up", note), table]

    def feelings(self) -> list[RenderableType]:
        feelings = self.report["feelings"]
        if not feelings:
            return [
                self.heading("Feelings you named"),
                Text("None named from the vocabulary in this window.", style="dim"),
            ]
        # no entry in the window before with a Feelings part (a jrnl import, a quick note
        # has none): a column of 0s, each "↑", would read as a rise
        prev = self.report["previous"]
        totals = {"entries": self.report["totals"]["entries"],
                  "with_feelings": self.report.get("with_feelings", 0)}
        compare = prev.get("with_feelings", prev["entries"]) > 0
        before = [("Before", "right"), ("", "left")] if compare else []
        table = self.table(("Feeling", "left"), ("Entries", "right"), *before, squeeze=0)
        for f in feelings[:10]:
            # by share of each window's entries (`direction`), not count: in words too, "↑" is
            # read out as "upwards arrow", and "=" as nothing at all
            arrow = {"more": f"{self.up} more", "fewer": f"{self.down} fewer"}.get(
                f["direction"], "= same"
            )
            in_the_way = f["kind"] == "obstructing"
            table.add_row(
                # marked in words as well as bold: piped or on a plain terminal, bold is lost
                self.cut(f["label"] + (" *" if in_the_way else ""), "bold" if in_the_way else ""),
                # with shares, when compared: the arrow compares them, not the counts
                *([_of(f["entries"], f["share"]), _of(f["previous"], f["previous_share"]),
                   (" " if self.narrow else "") + arrow] if compare else [str(f["entries"])]),
            )
        note = "entries naming each" + (self.share_of(prev, totals) if compare else "")
        note += "; * = in the way"
        if not compare:
            note += "; " + self.no_feelings_before(prev)
        return [self.heading("Feelings you named", note), table]

    @staticmethod
    def share_of(prev: Mapping[str, Any], totals: Mapping[str, Any]) -> str:
        """What the shares are of: all entries, or those with a Feelings part (the only part
        feelings are counted in) when some have none (a quick note, a jrnl import)."""
        every = prev.get("with_feelings", prev["entries"]) == prev["entries"] and (
            totals.get("with_feelings", totals["entries"]) == totals["entries"]
        )
        return " (share of all)" if every else " (share of those with a Feelings part)"

    def no_feelings_before(self, prev: Mapping[str, Any]) -> str:
        """Why the feelings have no "Before" column."""
        if prev.get("entries"):
            return "no entry before has a Feelings part to compare"
        return "none before to compare"

    def rhythm(self) -> RenderableType:
        r = self.report["rhythm"]
        days = (date.fromisoformat(self.report["until"])
                - date.fromisoformat(self.report["since"])).days + 1
        # not "35.0 entries a week" for a day's window, nor "0.0" for a few entries over years
        if r["entries"] and r.get("first_entry"):
            text = Text(self.since_started(r))
        elif r["entries"] and days < 7:
            text = Text(f"{counted(r['entries'], 'entry')} in {counted(days, 'day')}")
        elif r["entries"] and not _weekly(r["per_week"]):
            text = Text(f"{counted(r['entries'], 'entry')} in {_length(days)} "
                        f"({_pace(r['entries'], days)})")
        else:
            text = Text(f"{fixed(r['per_week'], 1)} entries a week")
        text.append(
            f"{self.dot}streak {counted(r['current_streak_weeks'], 'week')}"
            f" (longest {r['longest_streak_weeks']:,})"
        )
        days, last = r["days_since_last"], r.get("last_entry")
        if days is not None and last:
            # A window that ends before today may be followed by later entries: its last
            # entry is named by its date, not by an age that would read as "since any entry".
            if not r.get("reaches_today", True):
                when = _day(last)
            else:
                when = "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"
            text.append(f"{self.dot}last entry {when}")
        if r["entries"]:
            entries = counted(r["entries"], "entry")
            text.append(f"\nSelf-care noted in {r['self_care']:,} of {entries}")
        note = "" if r.get("reaches_today", True) else f"streaks as of {_day(r['as_of'])}"
        return Group(self.heading("Rhythm", note), text)

    def since_started(self, r: Mapping[str, Any]) -> str:
        """'3 entries since you started on 2 Dec 2026': a journal younger than the window,
        whose rate over the whole window ("0.3 entries a week") would undercount it. From
        four weeks on, the rate since that day is added (`per_week_since_start`)."""
        first, as_of = date.fromisoformat(r["first_entry"]), date.fromisoformat(r["as_of"])
        days = (as_of - first).days + 1
        if r.get("reaches_today", True) and days <= 2:
            when = "today" if days == 1 else "yesterday"
        else:
            when = "on " + _day(r["first_entry"])
        if self.matching():  # the first entry that matches: the writer may have started earlier
            if r["entries"] == 1:
                return f"1 matching entry, {when}"
            text = f"{counted(r['entries'], 'matching entry')}, the first {when}"
        elif r["entries"] == 1:
            return f"1 entry: you started {when}"
        else:
            text = f"{counted(r['entries'], 'entry')} since you started {when}"
        if r.get("per_week_since_start") is not None:
            text += f" ({_pace(r['entries'], days)})"
        return text

    def alerts(self) -> list[RenderableType]:
        alerts: Sequence[str] = self.report["alerts"]
        if not alerts:
            return []
        bullet = "*" if self.ascii else "•"
        return [self.heading("Something to reflect on"), bullets(alerts, bullet)]


DAYS_A_YEAR = 365.2425  # a calendar year, on average


def _weekly(per_week: float) -> bool:
    """Whether a rate of entries a week shows as one ("0.1 a week" and up), not as 0.0."""
    return fixed(per_week, 1) != "0.0"


def _pace(entries: int, days: int) -> str:
    """How often `entries` came over `days`, in words that stay true for a sparse journal:
    "1.3 a week" (the rate `trends` gives the report); below what shows as 0.1 a week,
    "about 2 a year" or "fewer than one a year" over a year or more, else "fewer than one a
    month" (not "0.0 a week")."""
    per_week = Rounded(entries * 7, days, 2)
    if _weekly(per_week):
        return f"{fixed(per_week, 1)} a week"
    if days < DAYS_A_YEAR:
        return "fewer than one a month"  # (under 0.05 a week: under 0.22 a month)
    per_year = entries * DAYS_A_YEAR / days
    return f"about {round(per_year)} a year" if per_year >= 1 else "fewer than one a year"


def _length(days: int) -> str:
    """A window's length, said as a reader would: "75 weeks", or "17 years" from two years on
    (where a year more or less is not what "1 year" or "2 years" would read as)."""
    if days < 2 * DAYS_A_YEAR:
        return counted(round(days / 7), "week")
    return counted(round(days / DAYS_A_YEAR), "year")


class _Stacked:
    """A table's rows as lines, for a terminal too narrow for its columns: "first cell:
    header value, header value", wrapped between words, so that no number is cut. A cell
    under no header (an arrow, a trend) goes with the cell before it; an empty one is left
    out."""

    def __init__(self, headers: Sequence[str]) -> None:
        self.headers = headers
        self.lines: list[Text] = []

    def add_row(self, *cells: str | Text) -> None:
        lead: list[Text] = []
        rest: list[list[Text]] = []
        for n, (header, cell) in enumerate(zip(self.headers, cells, strict=True)):
            text = cell if isinstance(cell, Text) else Text(cell)
            text = Text(text.plain.strip(), style=text.style)  # (no cut: it wraps here)
            if not text.plain:
                continue
            if n and header:
                rest.append([Text(f"{header.lower()} "), text])
            else:
                (rest[-1] if rest else lead).extend([Text(" "), text])
        line = Text.assemble(*lead[1:], ":" if rest else "")
        line.stylize("bold")  # what the row is, as `dimension_numbers` marks it
        if rest:
            line.append(" ")
            line.append(Text(", ").join(Text.assemble(*part) for part in rest))
        self.lines.append(line)

    def __rich__(self) -> Trimmed:
        return Trimmed(Text("\n").join(self.lines))  # prose: no blank where a line wraps
