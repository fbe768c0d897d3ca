"""Supervision on the terminal: the self-check questions, its summary, history and prep.

Wording invites rather than judges: answers are shown as they were given, never totalled.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import date, datetime
from itertools import groupby

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from peerjournal.dates import local_day, spoken
from peerjournal.exporters import TOO_LITTLE
from peerjournal.exporters.common import too_little_note
from peerjournal.plural import joined
from peerjournal.render.charts import sparkline
from peerjournal.render.console import Trimmed, styled
from peerjournal.render.entries import first_words
from peerjournal.render.layout import bullets
from peerjournal.render.safe import clean, safe_text
from peerjournal.render.verdicts import SELF_DOUBT_WORDS, verdict_words
from peerjournal.render.widths import STATEMENT_MIN
from peerjournal.supervision import (
    MAX_NOTE_CHARS,
    SCALE,
    Form,
    History,
    Intention,
    Item,
    ItemHistory,
    Movement,
    Prep,
    Section,
    SelfCheck,
    SupervisionRecord,
    TrendBrief,
    of_scale,
)


def _heading(text: str) -> Text:
    return safe_text(text, style="bold")


def scale_line(item: Item) -> RenderableType:
    """The scale under a statement, indented: a line it wraps on to stays under it, not
    at the edge, where it would read as a statement of its own."""
    scale = safe_text(f"1 = {item.low}  …  5 = {item.high}", style="dim", overflow="fold")
    return Trimmed(Padding(scale, (0, 0, 0, 3)))


def scale_text(item: Item) -> Text:
    return safe_text(f"1 = {item.low} … 5 = {item.high}", style="dim", overflow="fold")


def form_intro(form: Form, answered: int) -> RenderableType:
    parts: list[RenderableType] = [_heading(form.title), safe_text(form.intro)]
    if answered:
        parts.append(safe_text(f"Carrying on: {answered} of {len(form.items)} already answered."))
    parts.append(safe_text("Type q to stop for now; answers so far are kept.", style="dim"))
    return Group(*parts, safe_text(""))


def section_header(section: Section) -> RenderableType:
    parts: list[RenderableType] = [safe_text(""), _heading(section.title)]
    if section.intro:
        parts.append(safe_text(section.intro, style="italic"))
    return Group(*parts)


def item_prompt(item: Item, position: int, total: int) -> RenderableType:
    return Group(safe_text(""), safe_text(f"{position}/{total}  {item.text}"), scale_line(item))


class ItemsView:
    """`check --list-items`: a table where the statements fit beside the ids, else a block per
    item (id and section, then the statement and its scale beneath)."""

    def __init__(self, form: Form) -> None:
        self.form = form

    def wide_width(self) -> int:
        id_width = max(len("ID"), *(len(i.id) for i in self.form.items))
        section_width = max(len("Section"), *(len(i.section) for i in self.form.items))
        return id_width + section_width + STATEMENT_MIN + 2 * 2

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # the blocks are prose, padded to the full width; the table is left as it is
        yield self.table() if options.max_width >= self.wide_width() else Trimmed(self.blocks())

    def table(self) -> Table:
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        table.add_column("ID", no_wrap=True, style="bold")
        table.add_column("Section", no_wrap=True)
        table.add_column("Statement (1 … 5)", ratio=1)
        for item in self.form.items:
            table.add_row(
                safe_text(item.id),
                safe_text(item.section),
                safe_text(f"{item.text}\n1 = {item.low} … 5 = {item.high}"),
            )
        return table

    def blocks(self) -> Group:
        parts: list[RenderableType] = []
        for item in self.form.items:
            heading = safe_text(item.id, style="bold", overflow="fold")
            heading.append(clean(f" · {item.section}", multiline=False))
            parts += [
                heading,
                Padding(safe_text(item.text, overflow="fold"), (0, 0, 0, 2)),
                Padding(scale_text(item), (0, 0, 1, 2)),
            ]
        return Group(*parts)


def items_table(form: Form) -> ItemsView:
    return ItemsView(form)


# the least width a statement keeps beside its score ("score 1 of 5"); with less, the score
# has a line of its own and the statement goes under it (at 20 columns, 6 were left)
BESIDE_A_SCORE_MIN = 15


class ScoredRows:
    """Self-check answers, each score with its statement (and note) beside it, a wrapped
    line staying beside it; where that leaves the statement under BESIDE_A_SCORE_MIN
    columns, the score on a line of its own and the statement under it. `ratio`: the
    statement column takes the rest of the width (Rich's grid, `ratio=1`)."""

    def __init__(self, rows: Sequence[tuple[str, Text]], *, ratio: bool = False) -> None:
        self.rows = rows
        self.ratio = ratio

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widest = max((len(score) for score, _ in self.rows), default=0)
        if options.max_width - widest - 2 < BESIDE_A_SCORE_MIN:
            yield Group(*(part for score, text in self.rows for part in (Text(score), text)))
            return
        grid = Table.grid(padding=(0, 2))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(ratio=1 if self.ratio else None)
        for score, text in self.rows:
            grid.add_row(score, text)
        yield grid


def _movement_rows(moved: Sequence[Movement]) -> RenderableType:
    """Each answer that moved, its statement beside the change: a statement that wraps stays
    beside it, not back at the margin, where it would run into the next."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for m in moved:
        word = "lower" if m.change < 0 else "higher"
        # "to", as `supervision history` says it: an arrow is read out "rightwards arrow",
        # and it was UTF-8 even on an ASCII console
        grid.add_row(f"{m.before} to {m.after} ({word})", safe_text(m.item.text))
    return Padding(grid, (0, 0, 0, 2))


def _bounded(note: str) -> str:
    """A note as shown: one stored before notes had a limit is cut there, and says so."""
    if len(note) <= MAX_NOTE_CHARS:
        return note
    return f"{note[:MAX_NOTE_CHARS]}… (the first {MAX_NOTE_CHARS:,} of {len(note):,} characters)"


def check_summary(check: SelfCheck, form: Form, moved: Sequence[Movement]) -> RenderableType:
    """Answers by section as given, then what moved since the previous check-in."""
    parts: list[RenderableType] = [_heading("Your answers")]
    for section in form.sections:
        rows = [i for i in section.items if i.id in check.answers]
        if not rows:
            continue
        parts.append(safe_text(section.title, style="underline"))
        scored = []
        for item in rows:
            answer = check.answers[item.id]
            text = safe_text(item.text)
            if answer.note:
                text.append(f"\nnote: {clean(_bounded(answer.note))}", style="italic")
            scored.append((of_scale(answer.score), text))
        parts.append(ScoredRows(scored, ratio=True))
    if moved:
        parts += [safe_text(""), _heading("Moved since your previous check-in")]
        parts.append(_movement_rows(moved))
        parts.append(
            safe_text(
                "Worth a look, not a verdict: which of these would you like to bring?", style="dim"
            )
        )
    return Trimmed(Group(*parts))  # its grids pad every line to the full width


# the scale, said once above the table: a bare "5 3 1" reads as counts, and "of 5" in each
# cell (as a "Score" column says it, "2 of 5") would no longer keep an item to a line at 40
# columns
HISTORY_SCALE = f"Answers are scored 1 (low) to {SCALE[-1]} (high), oldest first."
MOVED = "1st to now"  # the first answer and the latest, "5 to 1"


class HistoryTable:
    """Each item's answers across check-ins, in numbers ("5 3 1": a sparkline is read out
    block by block, and in ASCII was a code with no key): with the statement where it fits
    beside them, else without it (at a colour terminal, closer set if need be), else a block
    per item (its name, then its answers beneath).
    Plain text (piped, TERM=dumb) says them in words: "5, 3, no answer, 1", "5 to 1"."""

    def __init__(self, history: History, ascii_only: bool = False) -> None:
        self.history = history  # (`ascii_only`: no longer needed, its marks are words now)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        plain = not styled(console)
        compact = self.table(plain, statement=False)

        def needed(table: Table) -> int:
            return Measurement.get(console, options.update_width(10_000), table).maximum

        if options.max_width >= needed(compact) + 3 + STATEMENT_MIN:
            yield self.table(plain, statement=True)
        elif options.max_width >= needed(compact):
            yield compact
        elif not plain and options.max_width >= needed(
                tight := self.table(plain, statement=False, tight=True)):
            # a line an item at a 40-column colour terminal (a large font), as before "1st to
            # now" widened the header. Plain text (a braille display) keeps the blocks: each
            # number on a line that names it
            yield tight
        else:
            yield self.blocks(plain)

    @staticmethod
    def _cells(h: ItemHistory, plain: bool) -> tuple[str, str]:
        """The answers, and the first and the latest of them, "5 to 1": in words, as a mark
        alone is read out ("rightwards arrow"; "1 – 1" as a range, "1 to 1"). "Now" is the
        latest check-in's answer: "5 to no answer" when it has none, not the last one given."""
        def said(value: int | None) -> str:
            return "no answer" if value is None else str(value)  # (piped and in colour alike)

        answers = (", " if plain else " ").join(said(v) for v in h.scores)
        now = h.scores[-1] if h.scores else None
        return answers, " to ".join((said(h.first), said(now)))

    def table(self, plain: bool, *, statement: bool, tight: bool = False) -> Table:
        """With the statement: the full width, statements cut to fit; without: as narrow as
        the names, answers and arrows allow (no outer edge, two-space gaps). `tight`: one
        space after the name (a word beside a number), still two between the answers and
        "1st to now" ("5 4 3 2  5 to 2": with one, "2 5 to 2" reads as one more answer).
        Light: its rule is "-" where the output is plain (the console's rule, `light_head`)."""
        if statement:
            table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
        else:
            # (each gap: the padding and the box's blank divider)
            table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False,
                          padding=(0, 0 if tight else 1, 0, 0))
        lead = " " if tight else ""  # (Rich gives an empty spacer column a width of 1)
        table.add_column("Item", style="bold", no_wrap=True)
        table.add_column("Answers", no_wrap=True)
        table.add_column(lead + MOVED, no_wrap=True)
        if statement:
            table.add_column("Statement", ratio=1, no_wrap=True, overflow="ellipsis")
        for h in self.history.items:
            answers, moved = self._cells(h, plain)
            row: list[RenderableType] = [safe_text(h.item.name), answers, lead + moved]
            if statement:
                row.append(safe_text(h.item.text, no_wrap=True, overflow="ellipsis"))
            table.add_row(*row)
        return table

    def blocks(self, plain: bool) -> Group:
        """Each of the table's cells on a line of its own, named as its column."""
        parts: list[RenderableType] = []
        for h in self.history.items:
            answers, moved = self._cells(h, plain)
            # each on a line of its own, named: run together, a wrapped row of answers ran
            # into the first and latest ("3 1 3 2 2  3 → 2")
            lines = [f"Answers: {answers}", f"{MOVED}: {moved}"]
            parts += [safe_text(h.item.name, style="bold", overflow="fold"),
                      *(_indented(line) for line in lines)]
        return Group(*parts)


def history_view(history: History, *, ascii_only: bool = False) -> RenderableType:
    parts: list[RenderableType] = []
    if history.checks:
        dates = ", ".join(spoken(c.created_at.date()) for c in history.checks)
        parts.append(safe_text(f"Check-ins ({len(history.checks)}): {dates}"))
        parts.append(safe_text(HISTORY_SCALE))
        parts.append(HistoryTable(history, ascii_only))
    elif history.unfinished is None:
        parts.append(
            safe_text("No finished self-checks yet: `peerjournal supervision check` starts one.")
        )
    else:
        parts.append(safe_text("No finished self-checks yet."))
    if history.unfinished is not None:
        stopped = history.unfinished
        parts.append(_unfinished_line(stopped.created_at, len(stopped.answers), len(history.items)))
    if history.supervisions:
        parts.append(_heading("Supervisions"))
        for s in history.supervisions:
            head = f"#{s.id}  {spoken(s.date)}"
            # a note that wraps stays beside its date, not back at the margin as a new item
            parts.append(_beside(head, clean(s.note, multiline=False)) if s.note
                         else _indented(head))
    else:
        parts.append(Text("No supervisions recorded: `peerjournal supervision done` records one."))
    return Trimmed(Group(*parts))  # its grids pad every line to the full width


def _unfinished_line(
    started: datetime, answered: int, items: int, indent: int = 0
) -> RenderableType:
    """The self-check stopped part-way, which `supervision check` carries on with; its
    wrapped lines indented as its first."""
    return _indented(
        f"Unfinished: started {spoken(started.date())}, {answered} of {items} "
        "answered; `peerjournal supervision check` carries on.", indent
    )


def supervision_label(record: SupervisionRecord) -> str:
    """One supervision record in a line of plain text, to ask about it: its ID, its day,
    its time (two recorded by mistake on one day differ there) and its note. Its time on its
    day is the one `done --date` gave, or when it was recorded: either way prep counts from
    it, so it says that, not "recorded", which a time given is not; one recorded on a later
    day, with no time, says when."""
    at = record.created_at
    when = (f"prep counts from {at:%H:%M}" if local_day(at) == record.date
            else f"recorded {spoken(at.date())} {at:%H:%M}")
    note = f": “{first_words(record.note, 60)}”" if record.note else ""
    return f"the supervision on {spoken(record.date)} (#{record.id}, {when}){note}"


def _entry_line(entry_id: int, day: date, setting: str, rest: str = "") -> RenderableType:
    where = f" · {setting}" if setting else ""
    return _indented(f"#{entry_id}  {spoken(day)}{where}" + (f"  {rest}" if rest else ""))


def _beside(head: str, text: str, indent: int = 2) -> RenderableType:
    """`head`, then `text` beside it: a line `text` wraps on to stays under its start, not back
    at the margin (a long intention under its entry's number and date)."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(safe_text(head), safe_text(text))
    return Padding(grid, (0, 0, 0, indent))


def _indented(text: str, indent: int = 2, style: str = "") -> RenderableType:
    """`text` indented, its wrapped lines too (not back at the margin on a narrow terminal)."""
    return Padding(safe_text(text, style=style), (0, 0, 0, indent), expand=False)


def _none_in(prep: Prep) -> str:
    """That the period holds no entry, and when the journal's are, as every command says it
    (an entry dated tomorrow is named: no period up to today shows it), or that they are all
    in the trash, as `list` and `report` say it."""
    from peerjournal.db.stats import none_in_window

    found = prep.journal_dates
    if found is None and prep.trashed:
        from peerjournal.cli.browse import empty_journal

        return empty_journal(prep.trashed)
    if found is None:
        return "No entries in this period."
    return none_in_window(prep.window.since, prep.window.until, found)


class CommandsWhole:
    """A paragraph wrapped at the console's width between words, never inside a `command`
    in backticks ("`export --since 2026-11-21`"): a command copied from the terminal pastes
    as one. Rich would break one at any space; a command wider than the console is left
    to fold."""

    def __init__(self, text: str) -> None:
        self.text = clean(text, multiline=False)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from peerjournal.textsafe import wrapped

        for line in wrapped(self.text, options.max_width):
            yield Text(line)


def prep_view(prep: Prep, *, ascii_only: bool = False) -> RenderableType:
    w = prep.window
    parts: list[RenderableType] = [
        _heading(f"Before supervision: {w.describe()}"),
        # one day once ("20 Nov 2026"); what it leaves out of the supervision's day, said
        CommandsWhole(f"{w.dates()} · {prep.written()}"),
    ]
    if prep.entries == 0:
        parts.append(safe_text(f"{_none_in(prep)} What would you like to bring anyway?"))
    parts += _trend_parts(prep, ascii_only)
    parts += _evidence_parts(prep, ascii_only)
    parts += _list_section(
        "You marked these for supervision (tag or shared)",
        [
            _entry_line(e.id, e.date, e.setting, first_words(e.experience, 50))
            for e in prep.brought
        ],
    )
    parts += _intention_parts(prep)
    parts += _list_section(
        "Self-care notes",
        [
            _entry_line(e.id, e.date, "", first_words(e.self_care, 70))
            for e in prep.self_care
        ],
    )
    parts += _check_parts(prep)
    parts += _list_section(
        "Questions you might bring",
        [
            Group(bullets([q.text], indent=2), _indented(f"({q.reason})", 4, "dim"))
            for q in prep.questions
        ],
    )
    # prose for a mentor note: its indented lines are padded to the full width
    return Trimmed(Group(*parts))


def verdict_counts_text(t: TrendBrief) -> str:
    """"2 leans peer, 1 leans clinical, 1 self-doubt", most first: a "drift" verdict that is
    self-doubt alone (`TrendBrief.self_doubt`) named as `list`, `show` and `drift ID` name it."""
    counted_as: list[tuple[str, int]] = []
    for verdict, n in t.verdicts.items():
        doubt = t.self_doubt if verdict == "drift" else 0
        counted_as += [(verdict_words(verdict), n - doubt), (SELF_DOUBT_WORDS, doubt)]
    return ", ".join(f"{n} {words}" for words, n in sorted(counted_as, key=lambda x: -x[1]) if n)


def _list_section(title: str, rows: Sequence[RenderableType]) -> list[RenderableType]:
    return [safe_text(""), _heading(title), *rows] if rows else []


def _trend_parts(prep: Prep, ascii_only: bool) -> list[RenderableType]:
    t = prep.trend
    parts: list[RenderableType] = [safe_text(""), _heading("Drift trend in brief")]
    if t.verdicts:
        parts.append(_indented(f"Entries: {verdict_counts_text(t)}"))
    parts += [_indented(line) for line in t.lines]
    if any(v is not None for _, v in t.periods):
        parts.append(WeeklyDrift(t.periods, ascii_only, prep.window.start_words(), t.thin_weeks))
        if t.thin_weeks and too_little_note() not in t.lines:  # (said once, of the period)
            weeks = joined([spoken(date.fromisoformat(d)) for d in t.thin_weeks])
            one = len(t.thin_weeks) == 1
            parts.append(_indented(
                f"The week{'' if one else 's'} from {weeks}: {too_little_note(clause=True)}.",
                style="dim",
            ))
    for title, moved in (
        # each with its basis, as the report's "What changed" names it: this period against
        # the one before, not the report's "rising" within its weeks (round 37 QA)
        ("Moved toward drift (against the period before)", t.moved_towards_drift),
        ("Moved toward peer identity (against the period before)", t.moved_towards_identity),
        ("Less peer-identity evidence, against the period before, in", t.less_identity),
        ("Less drift evidence, against the period before, in", t.less_drift),
    ):
        if moved:
            names = ", ".join(prep.label(d) for d, _ in moved)
            parts.append(_indented(f"{title}: {names}"))
    if t.too_few:
        parts.append(_indented(t.too_few, style="dim"))
    elif len(parts) == 2:
        parts.append(_indented("Not enough scored entries to show a trend.", style="dim"))
    if t.alerts:
        parts.append(bullets(t.alerts, "!", indent=2))
    return parts


PLAIN_WEEKS = 12  # the latest weeks `WeeklyDrift` gives in numbers


def _spoken_weeks(values: Sequence[float | str | None]) -> Iterator[str]:
    """Each week's drift (or what is said instead of it: "too little"), a run of weeks
    without entries said once ("no entries for 10 weeks"), not read out ten times."""
    for empty, run in groupby(values, key=lambda v: v is None):
        weeks = list(run)
        if not empty:
            yield from (v if isinstance(v, str) else f"{v:.1f}" for v in weeks if v is not None)
        elif len(weeks) == 1:
            yield "no entries"
        else:
            yield f"no entries for {len(weeks)} weeks"


class WeeklyDrift:
    """"Drift by week from DATE: ▁▃ █", one line whatever the width: a long period (the last
    supervision a year ago, --since 1900-01-01) shows its latest weeks that fit, from the
    date it names, instead of wrapping into rows of blanks. Beneath it, the latest weeks
    (PLAIN_WEEKS at most) in numbers, which a screen reader can read out at a colour terminal
    too (a sparkline is read block by block). Plain text (a pipe, TERM=dumb) has the numbers
    alone. `first`: how to name the period's first week when it is shown ("since your
    supervision on 13 Nov 2026": `Window.start_words`, whose first week counts only what was
    written after it). A week in `thin` (its entries all "too little",
    `TrendBrief.thin_weeks`) is said "too little", as `report` says it, and drawn as no bar."""

    LABEL = "  Drift by week {}: "
    INDENT = 4  # narrower than a few weeks beside the label: the weeks go on a line below

    def __init__(
        self,
        periods: Sequence[tuple[str, float | None]],
        ascii_only: bool,
        first: str = "",
        thin: Collection[str] = (),
    ) -> None:
        self.periods = periods
        self.ascii_only = ascii_only
        self.first = first
        self.thin = thin

    def _start(self, start: str) -> str:
        """The words for the week `start` begins a shown run of weeks."""
        if self.first and start == self.periods[0][0]:
            return self.first
        return f"from {spoken(date.fromisoformat(start))}"

    def _label(self, start: str) -> str:
        return self.LABEL.format(self._start(start))

    def _numbers(self) -> tuple[str, str]:
        """The first of the latest PLAIN_WEEKS weeks, and their drift in words."""
        shown = self.periods[-PLAIN_WEEKS:]
        values = ", ".join(_spoken_weeks([TOO_LITTLE if d in self.thin else v
                                          for d, v in shown]))
        return shown[0][0], f"{values} (per 100 words)"

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        start, numbers = self._numbers()
        if not styled(console):  # a pipe, TERM=dumb: numbers a screen reader can read out
            yield _indented(f"{self._label(start).strip()} {numbers}")
            return
        # room for the widest label the shown weeks could start with ("30 Nov 2026")
        widest = self.LABEL.format(f"from {spoken(date(2026, 11, 30))}")
        room = options.max_width - max(len(widest), len(self._label(self.periods[0][0])))
        below = room < 4
        if below:
            room = max(1, options.max_width - self.INDENT)
        shown = self.periods[-room:]
        spark = sparkline([None if d in self.thin else v for d, v in shown],
                          ascii_only=self.ascii_only)
        label = self._label(shown[0][0])
        if below:
            yield safe_text(label.rstrip(), overflow="fold")
            yield Text(" " * self.INDENT + spark, no_wrap=True, overflow="crop")
        else:
            yield Text(label + spark, no_wrap=True, overflow="crop")
        # the same weeks in numbers, dated where they start elsewhere than the marks
        yield _indented(numbers if start == shown[0][0] else f"{self._start(start)}: {numbers}",
                        self.INDENT)


def _evidence_parts(prep: Prep, ascii_only: bool) -> list[RenderableType]:
    """Each entry's drift phrases, each once: “you should” (×2) when it was used twice."""
    times = "x" if ascii_only else "×"
    rows: list[RenderableType] = []
    for ev in prep.most_drift:
        e = ev.entry
        rows.append(_entry_line(e.id, e.date, e.setting))
        for p in ev.phrases:
            count = f" ({times}{p.count})" if p.count > 1 else ""
            seen = " (you noticed this yourself)" if p.self_noticed else ""
            # as `drift ID` flags it: "didn't | share my story" is an identity phrase, negated
            negated = " (negated, counts as drift)" if p.negated else ""
            rows.append(
                _indented(f"“{p.text}”{negated}{count} – {prep.label(p.dimension)}{seen}", 6)
            )
    return _list_section("Entries with the most drift phrases", rows)


def _intention_parts(prep: Prep) -> list[RenderableType]:
    """Each intention and whether a later entry came back to it: first those carried from
    before the period (not picked up then), with their dates, then the period's own."""
    carried = [i for i in prep.intentions if i.carried]
    own = [i for i in prep.intentions if not i.carried]
    rows: list[RenderableType] = []
    if carried:
        rows.append(_indented("From before your last supervision, not picked up by then:",
                              style="dim"))
        rows += [row for i in carried for row in _intention_rows(i)]
        if own:
            since = prep.window.start_words()
            rows.append(_indented(f"{since[:1].upper()}{since[1:]}:", style="dim"))
    rows += [row for i in own for row in _intention_rows(i)]
    return _list_section("What you said you would do differently", rows)


def _intention_rows(i: Intention) -> list[RenderableType]:
    rows = [_beside(f"#{i.entry.id}  {spoken(i.entry.date)}", f"“{i.text}”")]
    if len(i.also_in) == 1:
        rows.append(_indented(f"also written in #{i.also_in[0].id} "
                              f"({spoken(i.also_in[0].date)})", 6, "dim"))
    elif i.also_in:
        first = i.also_in[0]
        rows.append(_indented(f"written {len(i.also_in) + 1} times, first in #{first.id} "
                              f"({spoken(first.date)})", 6, "dim"))
    if i.came_back_in is not None:
        later = i.came_back_in
        rows.append(_indented(
            f"came back to it in #{later.id} ({spoken(later.date)}): "
            f"{', '.join(i.shared_words)}", 6, "green",
        ))
        return rows
    again = i.said_again_in
    # said again is no follow-up: the plan is still open
    then = f" (said again in #{again.id}, {spoken(again.date)})" if again else ""
    rows.append(_indented(f"not picked up in a later entry yet{then}", 6, "dim"))
    return rows


def _check_parts(prep: Prep) -> list[RenderableType]:
    rows: list[RenderableType] = []
    if prep.last_check is not None:
        before = f", {prep.check_before}" if prep.check_before else ""
        rows.append(_indented(f"Latest: {spoken(prep.last_check.created_at.date())}{before}"))
        rows += _low_answer_parts(prep)
        if prep.check_movements:
            rows.append(_movement_rows(prep.check_movements))
    if prep.unfinished is not None:
        rows.append(_unfinished_line(*prep.unfinished, indent=2))
    elif prep.last_check is None:
        rows.append(
            _indented("None yet: `peerjournal supervision check` takes about ten minutes.",
                      style="dim")
        )
    return _list_section("Self-check", rows)


def _low_answer_parts(prep: Prep) -> list[RenderableType]:
    """The latest check's answers of 1 or 2, each with the start of its note: what the check
    itself calls often the most useful thing to bring."""
    if not prep.low_answers:
        return []
    scored = []
    for item, answer in prep.low_answers:
        text = safe_text(item.text)
        if answer.note:
            text.append(f"\nnote: {first_words(answer.note, 100)}", style="italic")
        scored.append((of_scale(answer.score), text))
    return [
        _indented("Answered 1 or 2 then:" if prep.check_before
                  else "Answered 1 or 2, often the most useful to bring:"),
        Padding(ScoredRows(scored), (0, 0, 0, 4)),
    ]
