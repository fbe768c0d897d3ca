"""Trends over weeks, months or years: the numbers behind `peerjournal report` (pure; no I/O).

`build_report(rows, since=, until=, by=, today=)` returns the report as plain JSON values.
It adds the rows up into `ReportStats` (`stats_from_rows`) and builds the report from those
(`report_from_stats`); `db.stats.report_stats` has SQLite add up the same stats instead, so
a report over years of entries never handles them one by one in Python.

Rows. `rows` may hold entries from the report window [since, until] *and* from the previous
window, `previous_window(since, until, by)`, which ends the day before `since`: as many
calendar months when the window is whole months (October is compared with September,
July-September with April-June), as many calendar years by year (2017 to today with 2007 to
2016), else as many days. Rows after `until` are ignored, and rows before the
previous window count only towards the week streaks, so callers can pass a wider set safely.
The previous window is used only for `changes`, the feelings comparison, the alerts that
compare and `previous`. Windows compare as rates, never as raw counts (the window before
may hold far more or less writing): dimensions and markers per 100 words, feelings as a share
of the window's entries. Marker and feeling counts are kept beside the rates for the reader.

Rhythm. The streaks are runs of consecutive ISO weeks with an entry, over the whole journal
(as far back as the rows go) up to "as of": `until`, or today when the window runs past
today. The current streak ends in the week of "as of" (or the week before, while that week
has no entry yet: a week that is not over does not break a streak); the longest is the
longest run up to "as of", so it is never shorter than the current one. `days_since_last`
is the age of the window's last entry counted from today, and the gap alert speaks only
when the window reaches today (a window that ends in the past may be followed by entries).
`first_entry` is the date of the first entry when the journal started inside the default
window (no `--since`), so that a week-old journal's rhythm counts from that day, not over
weeks before it existed; a window chosen with `--since` keeps its own rate.

Numbers. A period's identity and drift are evidence per 100 words, weighted by words: the sum
over scored entries of (rate x words) divided by the total words, so a 40-word note counts for
less than a 400-word reflection. Stored rates have ROUND (3) decimals, so the sums are exact
integers (thousandths x words), the same in any order, and the result is rounded once, half to
even. `balance` = (identity - drift) / (identity + drift), the same formula as one entry's
score, from the exact sums (rounded once too), and null when the period has no evidence at all
or when every scored entry in it is "too little" for a verdict of its own (`too_little`: true).
Each of these numbers is a `Rounded`: the JSON's value, keeping the exact one it was rounded
from, so that the table rounds that to 2 decimals (`fixed`) rather than rounding twice.
Entries without a stored score are counted in `entries` but not in the numbers; the report
says how many (`unscored`) so the writer can run `peerjournal drift --rescore`.

Periods are ISO weeks (Monday to Sunday), calendar months or calendar years of the entry
dates (dates are calendar days, so time zones and DST only matter for what "today" is). The
first and last periods are clipped to the window; empty periods stay in the list with 0 entries
and null numbers (as an empty window's `totals` and `previous` have), never 0.

All alert thresholds are in `THRESHOLDS`; alerts are worded as questions for reflection,
never as advice or a diagnosis, and name the dates they speak of (mentor summaries quote them).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from peerjournal.dates import period_end, period_start, recent_weeks, spoken
from peerjournal.drift import drift_name, leading, marker_label, mostly
from peerjournal.errors import ExitCode, PeerJournalError
from peerjournal.feelings import Vocabulary, load_vocabulary, named_feelings
from peerjournal.plural import counted
from peerjournal.setting_groups import UNSPECIFIED_SETTING, setting_key

# The periods of an exported summary (`export --by`; `summary` checks a file's by them); a
# report may be by year besides, for a journal kept over years.
PERIODS = ("week", "month")
REPORT_PERIODS = (*PERIODS, "year")
DEFAULT_WEEKS = 12
DEFAULT_YEARS = 10  # a report by year: the 10 calendar years up to and including this one
ROUND = 3


@dataclass(frozen=True)
class Thresholds:
    """Every number the alerts and the "what changed" list depend on, in one place."""

    rising_lookback: int = 4  # compare the last N period-to-period steps …
    rising_min: int = 3  # … and speak up when drift rose in at least this many of them
    min_period_words: int = 150  # a period with fewer scored words is too thin to compare …
    min_period_entries: int = 2  # … unless it holds this many scored entries (short notes)
    mostly_share: float = 0.5  # a setting is named when it holds this share of drift evidence
    tipped_balance: float = -0.2  # window balance at or below this: drift outweighs identity
    min_window_entries: int = 3  # scored entries a window needs before window-level alerts
    min_window_words: int = 300  # scored words each window needs before comparing them
    dimension_rise_factor: float = 2.0  # a dimension's drift at least doubled …
    # … and rose by at least this much per 100 words (0.5 until round 12: learned markers made
    # a dimension's drift per 100 words about twice what the curated markers alone give)
    dimension_rise_min: float = 1.0
    feeling_rise_factor: float = 2.0  # an obstructing feeling named at least twice as often …
    feeling_min_entries: int = 3  # … in at least this many entries
    self_care_share: float = 0.25  # fewer than this share of entries note any self-care …
    self_care_min_entries: int = 4  # … once there are at least this many entries
    gap_days: int = 14  # days without an entry before a gentle nudge
    changes_limit: int = 5  # dimensions and markers listed under "what changed", each
    # per 100 words; smaller moves are noise (0.05 until round 12: rates are ~3x the curated ones)
    min_rate_change: float = 0.15
    # a marker's move per 100 words (one phrase in 2,000 words): smaller moves are noise
    min_marker_change: float = 0.05
    # a jump into drift: the last `jump_periods` solid periods each hold at least
    # `jump_factor` times the drift of the window's solid periods before them, and
    # `jump_min` more per 100 words (or tip the balance below zero, from above it before)
    jump_periods: int = 2
    jump_factor: float = 2.0
    jump_min: float = 3.0
    jump_base_periods: int = 2  # solid periods before the jump: the level it is measured from
    # the last this many scored entries each lean toward drift (balance at or below
    # `tipped_balance`) after one that did not: the jump said of entries, whatever the periods
    lean_entries: int = 4


THRESHOLDS = Thresholds()
# How many of the window's last entries a report keeps (`ReportStats.recent`): a run of
# entries leaning toward drift is named up to this long.
RECENT_ENTRIES = 12


@dataclass(slots=True)  # not frozen: frozen init is measurably slower at 20,000 rows
class ReportRow:
    """One entry, reduced to what the report needs.

    `drift` is the stored score dict (see `DriftScore.to_dict`); only `verdict`, `identity`,
    `drift`, `words`, `dimensions` and each hit's `marker`, `dimension`, `polarity`, `counted` (true
    when absent) and `negated` (false when absent) are read, so the store may pass a slimmed
    copy. Without `hits` the entry adds nothing to marker counts. None means the entry has
    not been scored.
    """

    id: int
    date: date
    setting: str = ""
    tags: tuple[str, ...] = ()
    feelings: str = ""
    has_self_care: bool = False
    drift: Mapping[str, Any] | None = None


# -- windows and periods -------------------------------------------------------------------


def periods(since: date, until: date, by: str) -> list[tuple[date, date]]:
    """(start, end) of every period overlapping [since, until], clipped to it, in order."""
    check_by(by)
    out: list[tuple[date, date]] = []
    start = period_start(since, by)
    while start <= until:
        end = period_end(start, by)
        out.append((max(start, since), min(end, until)))
        if end >= until:  # (so never a day past date.max)
            break
        start = end + timedelta(days=1)
    return out


def partial(start: date, end: date, by: str) -> bool:
    """Whether the period from `start` to `end` is shorter than a whole week, month or year:
    cut by the window, or still going on."""
    if by == "week":
        return (end - start).days < 6
    return start != period_start(start, by) or end != period_end(start, by)


def period_label(start: date, by: str) -> str:
    """How the report's table names a period: "8 Jun" (a week), "Jun 2026" (a month),
    "2026" (a year)."""
    if by == "week":
        return spoken(start, year=False)
    return str(start.year) if by == "year" else start.strftime("%b %Y")


def resolve_window(
    since: date | None, until: date | None, today: date, weeks: int = DEFAULT_WEEKS,
    *, by: str = "week",
) -> tuple[date, date]:
    """Fill in the defaults: up to today, and the `weeks` ISO weeks up to and including
    `until`'s (12 for a report); by year, the DEFAULT_YEARS calendar years up to and
    including `until`'s (12 weeks would be one row, or two).

    A window never runs past today: no entry is dated in the future, so a later `until`
    ("--until 9999-12-31" for no end) is read as today, and a `since` after today is an error.
    """
    if since is not None and since > today:
        raise PeerJournalError(
            f"--since {since.isoformat()} is in the future: a period ends today at the latest."
        )
    end = min(until, today) if until else today
    if since is not None:
        start = since
    elif by == "year":
        start = date(max(end.year - DEFAULT_YEARS + 1, 1), 1, 1)
    else:
        start = recent_weeks(end, weeks)[0]
    if start > end:
        raise PeerJournalError(
            f"--since {start.isoformat()} is after --until {end.isoformat()}: "
            "a period needs a start on or before its end."
        )
    return start, end


def previous_window(since: date, until: date, by: str | None = None) -> tuple[date, date]:
    """The window just before [since, until], ending the day before `since`: as many whole
    calendar months when the window is whole months (October: September; 1 Jul - 30 Sep:
    1 Apr - 30 Jun), else as many days. So a month is compared with the month before it,
    which may be a few days shorter or longer. By year (`by`), as many calendar years as the
    window touches, before its first: 2017 to 7 Dec 2026 is compared with 2007 to 2016, and
    one that starts inside a year (1 Mar 2023) takes that year's first days in as well (1 Jan
    2019 to 28 Feb 2023), so that the two windows meet, as they always do.

    Clipped at date.min (1 Jan of year 1) rather than overflowing; typed dates never come
    near it (`dates.EARLIEST`), so this only keeps a wide window from crashing.
    """
    first = since.toordinal()
    months = 12 * (until.year - since.year + 1) if by == "year" else _whole_months(since, until)
    if months:
        if by == "year":
            since = since.replace(month=1, day=1)
        index = since.year * 12 + since.month - 1 - months  # months since 1 Jan of year 0
        start = date(index // 12, index % 12 + 1, 1).toordinal() if index >= 12 else 1
    else:
        start = first - ((until - since).days + 1)
    return date.fromordinal(max(1, start)), date.fromordinal(max(1, first - 1))


def _whole_months(since: date, until: date) -> int:
    """How many calendar months [since, until] is when it runs from a 1st to a month's last
    day, else 0."""
    if since.day != 1 or not (until == date.max or (until + timedelta(days=1)).day == 1):
        return 0
    return max(0, (until.year - since.year) * 12 + until.month - since.month + 1)


def check_by(by: str) -> str:
    """`by` if it is a period; else an error naming --by, the option that gives it."""
    if by not in REPORT_PERIODS:
        message = f"Unknown period {by!r} for --by: use week, month or year."
        raise PeerJournalError(message, ExitCode.USAGE)  # a bad option value, as click's
    return by


def check_dimension(
    dimension: str, dimensions: Sequence[str], labels: Mapping[str, str] | None = None
) -> str:
    """The id of the dimension `dimension` names: its id or its label (as the report shows
    it: "Clinical language"), in any case, with spaces or hyphens for underscores."""

    def key(name: str) -> str:
        return "_".join(name.lower().replace("-", " ").replace("_", " ").split())

    wanted = key(dimension)
    for dim in dimensions:
        if wanted in (key(dim), key((labels or {}).get(dim, ""))):
            return dim
    raise unknown_dimension(dimension, dimensions)


def unknown_dimension(dimension: str, dimensions: Sequence[str], why: str = "") -> PeerJournalError:
    """"Unknown dimension 'x'" (with `why`, after a colon; else the likely one meant, for a
    typo), naming the valid ones: a usage error (exit 2), as an option value outside click's
    choices is."""
    from peerjournal.config import did_you_mean
    from peerjournal.textsafe import quoted

    typed = "_".join(dimension.lower().replace("-", " ").split())
    said = f"Unknown dimension {quoted(dimension)}" + (
        f": {why}" if why else did_you_mean(typed, dimensions)
    )
    return PeerJournalError(f"{said}. Valid dimensions: {', '.join(dimensions)}.", ExitCode.USAGE)


# -- accumulation --------------------------------------------------------------------------

SCALE = 10**ROUND  # stored rates have ROUND decimals: sums count thousandths, as integers


def scaled(rate: Any) -> int:
    """A stored rate (per 100 words) in thousandths."""
    return round(float(rate or 0.0) * SCALE)


def _half_even(numerator: int, denominator: int) -> int:
    """numerator / denominator (denominator > 0) rounded to a whole number, ties to even."""
    quotient, remainder = divmod(numerator, denominator)
    if 2 * remainder > denominator or (2 * remainder == denominator and quotient % 2):
        quotient += 1
    return quotient


class Rounded(float):
    """A number as the JSON gives it (`places` decimals) that keeps the exact fraction it was
    rounded from, so that the table can round that once to 2 decimals: 16.9449 is 16.945 in
    the JSON and 16.94 on screen, where rounding 16.945 again would say 16.95 (`fixed`)."""

    __slots__ = ("denominator", "numerator", "places")
    numerator: int
    denominator: int
    places: int

    def __new__(cls, numerator: int, denominator: int, places: int = ROUND) -> Rounded:
        scale = 10**places
        self = super().__new__(cls, _half_even(numerator * scale, denominator) / scale)
        self.numerator, self.denominator, self.places = numerator, denominator, places
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # copy and pickle
        return Rounded, (self.numerator, self.denominator, self.places)


def fixed(value: float, places: int = 2, *, sign: bool = False) -> str:
    """`value` with `places` decimals, rounded once (ties to even) from the exact number a
    `Rounded` keeps, or else from the decimal digits the value prints with (not its binary
    approximation: 21.675 is 21.68 whatever the float's last bits are). `sign`: "+0.43"."""
    if isinstance(value, Rounded):
        numerator, denominator = value.numerator, value.denominator
    else:
        from fractions import Fraction  # rarely needed: ~4 ms to import

        numerator, denominator = Fraction(repr(float(value))).as_integer_ratio()
    scale = 10**places
    whole = _half_even(abs(numerator) * scale, denominator)
    text = f"{whole // scale}.{whole % scale:0{places}d}" if places else str(whole)
    if numerator < 0 and whole:  # "-0.00" would read as drift for a balance that prints even
        return "-" + text
    return "+" + text if sign else text


def _rate(weighted: int, words: int) -> float:
    """`weighted` / `words` as a rate rounded to ROUND decimals (exactly; ties to even)."""
    if not words:
        return 0.0
    return Rounded(weighted, words * SCALE)


# The stored verdict of an entry with too little evidence to say either way (`drift.score.
# verdict_for`: under four words, one learned phrase in a short text, ...): `list` shows it as
# "too little", and a row made only of such entries gives no balance either (`Totals`).
INSUFFICIENT = "insufficient"


def decided(score: Mapping[str, Any]) -> bool:
    """Whether a stored score has a verdict, not "insufficient" (a score stored without its
    verdict counts as one that has)."""
    return score.get("verdict") != INSUFFICIENT


def _balance(identity_w: int, drift_w: int) -> float | None:
    """(identity - drift) / (identity + drift) from the word-weighted sums (the words cancel
    out), rounded once; None without any evidence."""
    total = identity_w + drift_w
    return Rounded(identity_w - drift_w, total) if total > 0 else None


@dataclass(slots=True)
class Totals:
    """Word-weighted evidence for a group of entries (a period, a setting, a window).

    Rates are summed as thousandths per 100 words (the stored precision) times words, in
    integers: the sums are exact, so they do not depend on the order entries are added in,
    and the database can add them up to the same numbers (`db.stats.report_stats`).

    A group whose scored entries are all "too little" on their own (`decided`: none has a
    verdict) has no balance: one 4-word note is not a setting's or a week's lean, whatever
    its one phrase weighs per 100 words (`too_little`). Its rates are still given (what was
    counted, per 100 words), and its evidence counts beside entries that have a verdict.
    """

    entries: int = 0
    scored: int = 0
    decided: int = 0  # scored entries with a verdict (not "insufficient")
    words: int = 0
    identity_w: int = 0  # sum of identity-per-100-words (thousandths) x words
    drift_w: int = 0
    self_care: int = 0  # entries that note some self-care
    first: tuple[date, int] = (date.max, 0)  # (date, id) of the earliest entry
    last: int = 0  # the id of the entry written last (the highest)
    dims: dict[str, list[int]] = field(default_factory=dict)  # dimension: [identity_w, drift_w]
    # dimension: [entries with its identity markers, with its drift markers]: how many
    # entries a period's number rests on (`summary.turn`: one entry's markers are no turn)
    marked: dict[str, list[int]] = field(default_factory=dict)
    marked_all: list[int] = field(default_factory=lambda: [0, 0])  # the same of any marker

    def add(self, row: ReportRow, dimensions: Container[str]) -> None:
        """One entry; only `dimensions` are kept."""
        self.entries += 1
        self.self_care += row.has_self_care
        self.first = min(self.first, (row.date, row.id))
        self.last = max(self.last, row.id)
        score = row.drift
        if score is None:
            return
        words = int(score.get("words") or 0)
        self.scored += 1
        self.decided += decided(score)
        self.words += words
        self.identity_w += scaled(score.get("identity")) * words
        self.drift_w += scaled(score.get("drift")) * words
        self.marked_all[0] += scaled(score.get("identity")) * words > 0
        self.marked_all[1] += scaled(score.get("drift")) * words > 0
        for dim, values in (score.get("dimensions") or {}).items():
            if dim in dimensions:
                identity_w = scaled(values.get("identity")) * words
                drift_w = scaled(values.get("drift")) * words
                acc = self.dims.setdefault(dim, [0, 0])
                acc[0] += identity_w
                acc[1] += drift_w
                count = self.marked.setdefault(dim, [0, 0])
                count[0] += identity_w > 0
                count[1] += drift_w > 0

    def merge(self, other: Totals) -> None:
        self.entries += other.entries
        self.scored += other.scored
        self.decided += other.decided
        self.words += other.words
        self.identity_w += other.identity_w
        self.drift_w += other.drift_w
        self.self_care += other.self_care
        self.first = min(self.first, other.first)
        self.last = max(self.last, other.last)
        for dim, (dim_identity_w, dim_drift_w) in other.dims.items():
            acc = self.dims.setdefault(dim, [0, 0])
            acc[0] += dim_identity_w
            acc[1] += dim_drift_w
        self.marked_all = [n + m for n, m in zip(self.marked_all, other.marked_all, strict=True)]
        for dim, (identity_n, drift_n) in other.marked.items():
            count = self.marked.setdefault(dim, [0, 0])
            count[0] += identity_n
            count[1] += drift_n

    @property
    def identity(self) -> float:
        return _rate(self.identity_w, self.words)

    @property
    def drift(self) -> float:
        return _rate(self.drift_w, self.words)

    @property
    def too_little(self) -> bool:
        """Scored entries, none with a verdict of its own: no balance is read from them."""
        return self.scored > 0 and not self.decided

    @property
    def balance(self) -> float | None:
        return None if self.too_little else _balance(self.identity_w, self.drift_w)

    def dimension(self, dim: str) -> dict[str, float]:
        identity_w, drift_w = self.dims.get(dim, (0, 0))
        return {"identity": _rate(identity_w, self.words), "drift": _rate(drift_w, self.words)}

    def marked_entries(self, dim: str | None = None) -> dict[str, int]:
        """The entries with identity markers and with drift markers (of `dim`; else of any
        dimension), as `report --json`'s periods give them (`dimension_entries`,
        `marked_entries`; added in round 48): what a period's number rests on."""
        identity_n, drift_n = self.marked_all if dim is None else self.marked.get(dim, (0, 0))
        return {"identity": identity_n, "drift": drift_n}

    def shown_dimension(self, dim: str) -> Mapping[str, float | None]:
        """`dimension` as `report --json` gives it: null, not 0, in a group with no entries
        (`summary`)."""
        return self.dimension(dim) if self.entries else {"identity": None, "drift": None}

    def summary(self) -> dict[str, Any]:
        """The numbers as `report --json` gives them. A group with no entries has none (null,
        not 0: the table's "–", as `supervision prep` and the mentor summary give it), so
        that a script averaging the periods does not read an empty week as one without
        drift."""
        empty = not self.entries
        return {
            "entries": self.entries,
            "identity": None if empty else self.identity,
            "drift": None if empty else self.drift,
            "balance": self.balance,
            # (only when true: a key added to `report --json`'s numbers, which keep their shape)
            **({"too_little": True} if self.too_little else {}),
        }


def _merged(groups: Iterable[Totals]) -> Totals:
    total = Totals()
    for group in groups:
        total.merge(group)
    return total


def comparable(totals: Totals, th: Thresholds = THRESHOLDS) -> bool:
    """Whether a window holds enough writing to be compared with another (`enough_writing`).
    Four imported notes of 60 words in all move by whole points per phrase, so "What
    changed", the feelings' "Before" and the alerts that compare leave them out."""
    return enough_writing(totals.words, th)


def enough_writing(words: int, th: Thresholds = THRESHOLDS) -> bool:
    """Whether `words` scored words are enough to set against another stretch of writing:
    `min_window_words`. The one rule for every move the report and the summary name: a window
    against the one before (`comparable`), and the first half of a window's periods against
    the second (`summary.halves`: the Dimensions' trend words, "At a glance")."""
    return words >= th.min_window_words


def too_little_to_compare(
    window: Totals, before: Totals, th: Thresholds = THRESHOLDS
) -> str | None:
    """Which window is too thin to compare (`comparable`): "previous" or "window" (the
    report's own); None when both hold enough, or when the window before has no scored
    entry (nothing to compare, which the report says in its own words)."""
    if not before.scored or not window.scored:
        return None
    if not comparable(before, th):
        return "previous"
    return None if comparable(window, th) else "window"


def window_totals(stats: ReportStats) -> Totals:
    """The whole window's totals (every cell of its periods): what the report's headline and
    alerts add up."""
    return _merged(cell for (start, _), cell in stats.cells.items() if start is not None)


@dataclass(frozen=True, slots=True)
class RecentEntry:
    """One of a window's last entries: its date, ID, whether it is scored, its balance (None:
    unscored, "too little" for a verdict, or no evidence either way) and its drift per 100
    words."""

    date: date
    id: int
    scored: bool
    balance: float | None
    drift: float = 0.0


def recent_entries(rows: Iterable[ReportRow], limit: int = RECENT_ENTRIES) -> list[RecentEntry]:
    """The last `limit` of `rows` (by date, then ID), oldest first, as `RecentEntry`s."""
    last = sorted(rows, key=lambda r: (r.date, r.id))[-limit:] if limit else []
    out = []
    for row in last:
        score = row.drift
        balance = None if score is None or not decided(score) else _balance(
            scaled(score.get("identity")), scaled(score.get("drift"))
        )
        drift = float((score or {}).get("drift") or 0.0)
        out.append(RecentEntry(row.date, row.id, score is not None, balance, drift))
    return out


# counted hits per (marker, dimension, polarity, negated): a negated marker counted flipped,
# for the polarity opposite its own ("I didn't share my story" as drift)
Markers = Counter[tuple[str, str, str, bool]]


@dataclass
class ReportStats:
    """A report window and the one before it, reduced to what the report is built from.

    `cells` holds the `Totals` of each (period start, setting as written), the previous
    window's under period None. `stats_from_rows` builds it entry by entry;
    `db.stats.report_stats` has the database add it up (the same numbers).
    """

    cells: dict[tuple[date | None, str], Totals] = field(default_factory=dict)
    days: set[date] = field(default_factory=set)  # days with an entry, in either window
    # ISO weeks (their Mondays) with an entry dated up to `until`, however long ago: streaks
    weeks: set[date] = field(default_factory=set)
    feelings: Counter[str] = field(default_factory=Counter)  # feelings text: entries
    previous_feelings: Counter[str] = field(default_factory=Counter)
    markers: Markers = field(default_factory=Counter)
    previous_markers: Markers = field(default_factory=Counter)
    scores_unreadable: bool = False  # the score table is damaged: entries counted unscored
    # the window's last RECENT_ENTRIES entries, oldest first (`recent_entries`)
    recent: list[RecentEntry] = field(default_factory=list)

    @property
    def previous(self) -> Totals:
        return _merged(t for (start, _), t in self.cells.items() if start is None)


def stats_from_rows(
    rows: Iterable[ReportRow], *, since: date, until: date, by: str, dimensions: Container[str]
) -> ReportStats:
    """`rows` in [since, until] and the previous window added up; the weeks of earlier rows
    are kept for the streaks, later rows are ignored."""
    check_by(by)
    prev_since, _ = previous_window(since, until, by)
    stats = ReportStats()
    key: tuple[date | None, str]
    window_rows: list[ReportRow] = []
    for row in rows:
        if row.date <= until:
            stats.weeks.add(period_start(row.date, "week"))
        if since <= row.date <= until:
            window_rows.append(row)
            key = (period_start(row.date, by), row.setting)
            feelings, markers = stats.feelings, stats.markers
        elif prev_since <= row.date < since:
            key = (None, row.setting)
            feelings, markers = stats.previous_feelings, stats.previous_markers
        else:
            continue
        cell = stats.cells.get(key)
        if cell is None:
            cell = stats.cells[key] = Totals()
        cell.add(row, dimensions)
        stats.days.add(row.date)
        if row.feelings:
            feelings[row.feelings] += 1
        for hit in (row.drift or {}).get("hits") or ():
            if hit.get("counted", True):
                dimension, polarity = str(hit["dimension"]), str(hit["polarity"])
                markers[(str(hit["marker"]), dimension, polarity, bool(hit.get("negated")))] += 1
    stats.recent = recent_entries(window_rows)
    return stats


# -- the report ----------------------------------------------------------------------------


def build_report(
    rows: Iterable[ReportRow],
    *,
    since: date,
    until: date,
    by: str,
    today: date,
    dimension: str | None = None,
    dimensions: Sequence[str] | None = None,
    labels: Mapping[str, str] | None = None,
    vocabulary: Vocabulary | None = None,
    thresholds: Thresholds = THRESHOLDS,
    since_given: bool = False,
) -> dict[str, Any]:
    """The report as JSON values (the `report --json` contract; see the module docstring).

    `dimensions` (default: the drift lexicon's) fixes the order and set of dimensions;
    `labels` maps dimension ids to readable names for alerts (default: the id, spaced).
    """
    stats = stats_from_rows(
        rows, since=since, until=until, by=by, dimensions=set(report_dimensions(dimensions))
    )
    return report_from_stats(
        stats,
        since=since,
        until=until,
        by=by,
        today=today,
        dimension=dimension,
        dimensions=dimensions,
        labels=labels,
        vocabulary=vocabulary,
        thresholds=thresholds,
        since_given=since_given,
    )


def report_dimensions(dimensions: Sequence[str] | None = None) -> tuple[str, ...]:
    """`dimensions`, or the drift lexicon's."""
    from peerjournal.drift import DIMENSIONS

    return tuple(dimensions or DIMENSIONS)


def report_from_stats(
    stats: ReportStats,
    *,
    since: date,
    until: date,
    by: str,
    today: date,
    dimension: str | None = None,
    dimensions: Sequence[str] | None = None,
    labels: Mapping[str, str] | None = None,
    vocabulary: Vocabulary | None = None,
    thresholds: Thresholds = THRESHOLDS,
    since_given: bool = False,
    people: Sequence[str] = (),
) -> dict[str, Any]:
    """`build_report` from `stats` added up for the same window and periods (`people`: the
    people list's names, not counted as feelings: "Hope" of Hope Walker).

    `since_given`: the window's start was chosen (`--since`), so the rhythm is its rate over
    that window even when the journal started later (see `first_entry`)."""
    check_by(by)
    if since > until:
        raise PeerJournalError("The report window starts after it ends.")
    dims = report_dimensions(dimensions)
    if dimension is not None:
        dimension = check_dimension(dimension, dims, labels)
    names = {d: dimension_title(d, labels).lower() for d in dims}  # (in sentences)
    vocab = vocabulary or load_vocabulary()
    prev_since, prev_until = previous_window(since, until, by)

    spans = periods(since, until, by)
    index = {period_start(start, by): i for i, (start, _) in enumerate(spans)}
    period_settings: list[dict[str, Totals]] = [defaultdict(Totals) for _ in spans]
    for (start, setting), cell in stats.cells.items():
        if start is not None:
            period_settings[index[start]][setting_key(setting)].merge(cell)
    period_totals = [_merged(places.values()) for places in period_settings]
    window, before = window_totals(stats), stats.previous
    by_setting: dict[str, Totals] = defaultdict(Totals)
    for places in period_settings:
        for key, totals in places.items():
            by_setting[key].merge(totals)

    period_list = [
        {
            "start": start.isoformat(),
            "end": end.isoformat(),
            **totals.summary(),
            "words": totals.words,  # of its scored entries: the rates are per 100 of them
            "dimensions": {d: totals.shown_dimension(d) for d in dims},
            # how many of its entries carry markers, each dimension's (`summary.turn`)
            "marked_entries": totals.marked_entries(),
            "dimension_entries": {d: totals.marked_entries(d) for d in dims},
        }
        for (start, end), totals in zip(spans, period_totals, strict=True)
    ]
    window_dims = {d: window.shown_dimension(d) for d in dims}
    # entries with a Feelings part: feelings are counted only there (a jrnl import or a
    # quick note has none), so their shares are of these
    with_feelings = (sum(stats.feelings.values()), sum(stats.previous_feelings.values()))
    feelings = _feelings(stats.feelings, stats.previous_feelings, vocab, people, with_feelings)
    rhythm = _rhythm(stats.days, stats.weeks, window, since, until, today, since_given, by)
    shown = setting_names(stats.cells)
    settings = {
        key: totals.summary()
        for key, totals in sorted(by_setting.items(), key=lambda kv: (-kv[1].entries, kv[0]))
    }
    report: dict[str, Any] = {
        "since": since.isoformat(),
        "until": until.isoformat(),
        "by": by,
        "periods": period_list,
        # each dimension's word-weighted rate over the window, as the mentor summary gives it
        "totals": {**window.summary(), "words": window.words, "dimensions": window_dims},
        "previous": {
            "since": prev_since.isoformat(),
            "until": prev_until.isoformat(),
            **before.summary(),
            "words": before.words,
            "with_feelings": with_feelings[1],
        },
        # "previous" or "window": the one too thin to compare (`comparable`), or None
        "too_little_to_compare": too_little_to_compare(window, before, thresholds),
        "trend": trend_directions(period_list, window_dims, by),
        "unscored": window.entries - window.scored,
        "with_feelings": with_feelings[0],  # the window's entries with a Feelings part
        "changes": _changes(
            window, before, (stats.markers, stats.previous_markers), dims, labels, thresholds
        ),
        "settings": settings,
        # each setting as the report names it (keyed as "settings"): `setting_names`
        "setting_names": {key: shown[key] for key in settings},
        "feelings": feelings,
        "rhythm": rhythm,
        "alerts": [],
    }
    report["alerts"] = alerts(
        period_totals,
        period_settings,
        window,
        before,
        feelings,
        rhythm,
        spans=spans,
        by=by,
        names=names,
        thresholds=thresholds,
        recent=stats.recent,
        with_feelings=with_feelings,
    )
    if dimension is not None:
        report["dimension"] = _dimension_detail(
            dimension,
            names[dimension],
            window,
            before,
            by_setting,
            stats.markers,
            stats.previous_markers,
        )
    return report


def setting_names(cells: Mapping[tuple[date | None, str], Totals]) -> dict[str, str]:
    """Each setting group of the window's `cells` (by `setting_key`) named as the report
    shows it: the spelling most of its entries carry ("Ysbyty Gwynedd", where the key is
    "ysbyty gwynedd"), of two as common the one written last (the writer's spelling now), as
    `Store.tag_counts` names a tag; "unspecified" for the entries with none."""
    spelled: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    for (start, setting), cell in cells.items():
        if start is not None:  # (None: the window before, which the report does not list)
            n, last = spelled[setting_key(setting)].get(setting, (0, 0))
            spelled[setting_key(setting)][setting] = (n + cell.entries, max(last, cell.last))
    return {
        key: key if key == UNSPECIFIED_SETTING else max(found, key=lambda s: (*found[s], s))
        for key, found in spelled.items()
    }


def trend_directions(
    periods: Sequence[Mapping[str, Any]], dims: Mapping[str, Mapping[str, Any]], by: str
) -> dict[str, Any]:
    """The words of the report's Dimensions section as JSON (`report --json`'s `trend`):
    each dimension's `identity_direction` and `drift_direction` within the window, named and
    valued as the summary's dimensions (`summary.dimension_trend`: "up", "down", "steady", or
    None), and `too_few`, why none has one as the section says it ("too few entries per
    week to show a trend: …", "too little writing to compare …"), or None. `dims`: the
    window's rates (`totals.dimensions`). Added in round 46: each side's `*_turn`, a rise
    and a fall back within the window (`summary.turn`), which the directions (first half
    against second) cannot show, and `compared`, the periods of each half. Added in round 47:
    `*_reads`, the direction the words give (`summary.said_direction`: steady where the
    periods ended where they began, though the halves' odd split moved; since round 48 a
    turn's `way`, "up_down" or "down_up", where the words say its path)."""
    from peerjournal.exporters.common import too_few_for_a_trend
    from peerjournal.summary import (
        POLARITIES,
        dimension_trend,
        marked_series,
        said_direction,
        split_at,
        too_little_writing,
        turn,
    )

    starts = [p["start"] for p in periods]
    words = [p["words"] for p in periods]
    directions: dict[str, dict[str, Any]] = {}
    for dim, rates in dims.items():
        for polarity in POLARITIES:
            t = dimension_trend(periods, dim, polarity, rates[polarity])
            way = directions.setdefault(dim, {})
            way[f"{polarity}_direction"] = t.halves.direction if t.halves else None
            entries = [p["entries"] for p in periods]
            marked = marked_series(periods, dim, polarity)
            turned = turn(t.series, entries, words, marked)
            way[f"{polarity}_turn"] = turned.as_json(starts) if turned else None
            # (the words' path when they say one, "rose to … back to": round 48)
            way[f"{polarity}_reads"] = turned.way if turned else said_direction(
                way[f"{polarity}_direction"], t.series, entries, words, marked)
    trended = any(d[f"{k}_direction"] is not None for d in directions.values()
                  for k in POLARITIES)
    written = [p for p in periods if p["entries"]]
    entries = [p["entries"] for p in written]
    too_few = None if trended else (
        too_little_writing(by, entries, [p["words"] for p in written])
        or too_few_for_a_trend(by, entries)
    )
    half = split_at(entries)
    compared = None if too_few else {  # what the directions compare: the halves' periods
        "first": half, "first_since": written[0]["start"], "first_until": written[half - 1]["end"],
        "last": len(written) - half, "last_since": written[half]["start"],
        "last_until": written[-1]["end"],
    }
    return {"too_few": too_few, "compared": compared, "dimensions": directions}


def dimension_title(dim: str, labels: Mapping[str, str] | None) -> str:
    """A dimension's name as the Dimensions section and the summary's `dimension_label` give
    it ("Clinical language"): its lexicon label, else its id spaced."""
    return (labels or {}).get(dim) or dim.replace("_", " ").capitalize()


def _changes(
    window: Totals,
    before: Totals,
    markers: tuple[Markers, Markers],
    dims: Sequence[str],
    labels: Mapping[str, str] | None,
    th: Thresholds,
) -> list[dict[str, Any]]:
    """Dimensions and markers that moved most against the last window, per 100 words.

    A marker's row keeps its counts (`current`, `previous`) beside its rates (`rate`,
    `previous_rate`); `change` and the order are the rates': the window before may hold far
    more writing, so a count can fall while the marker comes up more often. `label` is the
    marker's name (`marker_label`, as the summary's markers), `dimension_label` its
    dimension's (`dimension_title`, as the summary's: "Clinical language"); a dimension's row
    is labelled so too. Empty when either window has no scored entries, or too few scored
    words to compare (`comparable`).
    """
    if not window.scored or not before.scored or too_little_to_compare(window, before, th):
        return []
    moved: list[dict[str, Any]] = []
    for dim in dims:
        now, then = window.dimension(dim), before.dimension(dim)
        for polarity in ("identity", "drift"):
            change = round(now[polarity] - then[polarity], ROUND)
            if abs(change) >= th.min_rate_change:
                moved.append(
                    {
                        "kind": "dimension",
                        "id": dim,
                        "label": dimension_title(dim, labels),
                        "polarity": polarity,
                        "current": now[polarity],
                        "previous": then[polarity],
                        "change": change,
                    }
                )
    moved.sort(key=lambda c: (-abs(c["change"]), c["id"], c["polarity"]))
    return moved[: th.changes_limit] + _marker_changes(window, before, markers, labels, th)


def _marker_changes(
    window: Totals,
    before: Totals,
    markers: tuple[Markers, Markers],
    labels: Mapping[str, str] | None,
    th: Thresholds,
) -> list[dict[str, Any]]:
    """The markers of `_changes`: those whose rate per 100 words moved `min_marker_change`
    or more, most moved first."""
    current, previous = markers
    found: list[dict[str, Any]] = []
    for key in sorted(set(current) | set(previous)):
        marker, dim, polarity, negated = key
        rate, previous_rate = _per_100(current[key], window), _per_100(previous[key], before)
        change = round(rate - previous_rate, ROUND)
        if abs(change) < th.min_marker_change:
            continue
        found.append(
            {
                "kind": "marker",
                "id": marker,
                "dimension": dim,
                "label": marker_label(marker, labels, negated=negated),
                "dimension_label": dimension_title(dim, labels),
                "polarity": polarity,
                "negated": negated,
                "current": current[key],
                "previous": previous[key],
                "rate": rate,
                "previous_rate": previous_rate,
                "change": change,
            }
        )
    found.sort(key=lambda c: (-abs(c["change"]), c["id"]))
    return found[: th.changes_limit]


def _per_100(count: int, totals: Totals) -> float:
    """`count` (a marker's counted hits) per 100 of `totals`' scored words."""
    return Rounded(count * 100, totals.words) if totals.words else 0.0


def _feelings(
    current: Mapping[str, int],
    previous: Mapping[str, int],
    vocab: Vocabulary,
    people: Sequence[str] = (),
    totals: tuple[int, int] = (0, 0),
) -> list[dict[str, Any]]:
    """Entries naming each feelings family, this window and the last, most frequent first.

    `current` and `previous` count the entries with each feelings text: the Feelings part
    with the answers to the questions asked under it (`db.stats.feeling_questions`: "If one
    feeling is still in the way, what is it?" names one). An entry counts once per family
    however often it repeats the word. `totals`: the two windows' entries with such a text
    (the only text feelings are counted in); each family's `share` and
    `previous_share` are of them, and `direction` ("more", "fewer", "same") compares the
    shares, not the counts: 3 of 3 entries before and 36 of 36 now is the same.
    """

    seen: dict[str, tuple[str, ...]] = {}  # journals repeat short answers ("tired", "ok")

    def entries_per_family(texts: Mapping[str, int]) -> Counter[str]:
        counts: Counter[str] = Counter()
        for text, entries in texts.items():
            families = seen.get(text)
            if families is None:
                families = seen[text] = tuple(named_feelings(text, vocab, people))
            for family in families:
                counts[family] += entries
        return counts

    now, then = entries_per_family(current), entries_per_family(previous)
    families = vocab.by_id()
    listed: list[dict[str, Any]] = [
        {
            "id": fid,
            "label": families[fid].label,
            "kind": families[fid].kind,
            "entries": now[fid],
            "previous": then[fid],
            "share": _share(now[fid], totals[0]),
            "previous_share": _share(then[fid], totals[1]),
            "direction": _direction((now[fid], totals[0]), (then[fid], totals[1])),
        }
        for fid in set(now) | set(then)
    ]
    listed.sort(key=lambda f: (-f["entries"], -f["previous"], f["id"]))
    return listed


def _share(part: int, whole: int) -> float:
    return Rounded(part, whole) if whole else 0.0


def _direction(now: tuple[int, int], then: tuple[int, int]) -> str:
    """"more", "fewer" or "same": the share `now` (part, whole) against `then`'s, exactly."""
    a, b = now[0] * then[1], then[0] * now[1]
    return "more" if a > b else "fewer" if a < b else "same"


def week_streaks(weeks: Iterable[date], last_week: date) -> tuple[int, int]:
    """(current, longest) runs of consecutive ISO weeks (given by their Mondays) with an
    entry, counting only weeks up to `last_week`.

    The current run ends at `last_week`, or the week before it when `last_week` has no entry
    yet: a week that is not over does not break a streak. The longest run includes the
    current one, so it is never shorter.
    """
    counted = sorted(week for week in set(weeks) if week <= last_week)
    longest = run = 0
    prior: date | None = None
    for week in counted:
        run = run + 1 if prior is not None and (week - prior).days == 7 else 1
        longest = max(longest, run)
        prior = week
    current = 0
    present = set(counted)
    cursor = last_week.toordinal() if last_week in present else last_week.toordinal() - 7
    while cursor > 0 and date.fromordinal(cursor) in present:
        current += 1
        cursor -= 7
    return current, longest


def _rhythm(
    days: set[date],
    weeks_with_entries: set[date],
    window: Totals,
    since: date,
    until: date,
    today: date,
    since_given: bool = False,
    by: str = "week",
) -> dict[str, Any]:
    """Entries per week, week streaks, the last entry and its age, self-care notes (`by`:
    the window's periods, which say what the window before it is).

    "As of" is `until`, or today when the window runs past today: the streaks are counted
    over every week with an entry up to then (see the module docstring). The last entry is
    the window's, and `days_since_last` its age today. `reaches_today` says whether the
    window runs up to today (else later entries may exist outside it). `per_week` is the
    window's rate; `per_week_since_start` the rate from `first_entry` (see `_since_start`).
    `journal_first_entry` is where the text report's rows begin: `first_entry` here, the
    journal's own first entry in a report with filters (`cli.report.build` sets it then).
    """
    as_of = min(until, today)
    days_in_window = (until - since).days + 1
    current_days = {day for day in days if since <= day <= as_of}
    streak, longest = week_streaks(weeks_with_entries, period_start(as_of, "week"))
    last = max(current_days, default=None)
    entries, self_care = window.entries, window.self_care
    first = (
        None if since_given else _started_in_window(days, weeks_with_entries, since, until, by)
    )
    return {
        "entries": entries,
        "weeks": round(days_in_window / 7, 2),
        "per_week": Rounded(entries * 7, days_in_window, 2),  # shown to 1 decimal
        "first_entry": first,
        "journal_first_entry": first,
        "per_week_since_start": _since_start(entries, first, as_of),
        "as_of": as_of.isoformat(),
        "reaches_today": until >= today,
        "current_streak_weeks": streak,
        "longest_streak_weeks": longest,
        "last_entry": last.isoformat() if last else None,
        "days_since_last": (today - last).days if last else None,
        "self_care": self_care,
        "self_care_share": round(self_care / entries, ROUND) if entries else None,
    }


# A journal younger than this has a count since its start but no rate: one entry in its
# first days is no "3.5 a week".
SINCE_START_RATE_DAYS = 28


def _since_start(entries: int, first: str | None, as_of: date) -> float | None:
    """Entries a week from the first entry (`first_entry`) to "as of", the rate the report's
    Rhythm line shows ("19 entries since you started on 19 Oct 2026 (2.8 a week)"); None
    without a first entry in the window or within its first SINCE_START_RATE_DAYS days."""
    if not entries or first is None:
        return None
    days = (as_of - date.fromisoformat(first)).days + 1
    return Rounded(entries * 7, days, 2) if days >= SINCE_START_RATE_DAYS else None


def _started_in_window(
    days: set[date], weeks_with_entries: set[date], since: date, until: date, by: str = "week"
) -> str | None:
    """The date of the journal's first entry (of those the report's filters select) when it
    falls after `since`, else None: a journal younger than the window.

    `days` holds every day with an entry in the window and the one before it, and
    `weeks_with_entries` every week with one up to `until`; the earliest day is the first
    entry only when no earlier week has an entry and its whole week lies in those windows
    (a window shorter than a week could miss an earlier entry of the same week).
    """
    first = min(days, default=None)
    if first is None or first <= since or first > until:
        return None
    week = period_start(first, "week")
    if min(weeks_with_entries, default=week) < week or week < previous_window(since, until, by)[0]:
        return None
    return first.isoformat()


def _dimension_detail(
    dim: str,
    label: str,
    window: Totals,
    before: Totals,
    by_setting: Mapping[str, Totals],
    current_markers: Markers,
    previous_markers: Markers,
) -> dict[str, Any]:
    """One dimension in detail: its rates, per setting, and every marker behind them (their
    counts: the table has no arrow; "What changed" compares markers per 100 words).

    Settings are listed in the order the window first names them.
    """
    keys = {k for k in set(current_markers) | set(previous_markers) if k[1] == dim}
    markers: list[dict[str, Any]] = [
        {
            "marker": marker,
            "polarity": polarity,
            "negated": negated,
            "count": current_markers[(marker, d, polarity, negated)],
            "previous": previous_markers[(marker, d, polarity, negated)],
        }
        for marker, d, polarity, negated in keys
    ]
    markers.sort(
        key=lambda m: (-m["count"], -m["previous"], m["marker"], m["polarity"], m["negated"])
    )
    return {
        "id": dim,
        "label": label,
        **window.shown_dimension(dim),
        "previous": before.shown_dimension(dim),
        "settings": {
            key: totals.dimension(dim)
            for key, totals in sorted(by_setting.items(), key=lambda kv: kv[1].first)
        },
        "markers": markers,
    }


# -- alerts --------------------------------------------------------------------------------


def alerts(
    period_totals: Sequence[Totals],
    period_settings: Sequence[Mapping[str, Totals]],
    window: Totals,
    before: Totals,
    feelings: Sequence[Mapping[str, Any]],
    rhythm: Mapping[str, Any],
    *,
    spans: Sequence[tuple[date, date]],
    by: str,
    names: Mapping[str, str],
    thresholds: Thresholds = THRESHOLDS,
    recent: Sequence[RecentEntry] = (),
    with_feelings: tuple[int, int] | None = None,
) -> list[str]:
    """Reflective prompts, never diagnoses; each rule's numbers come from `thresholds`.

    `period_settings` holds each period's totals per setting, `spans` each period's (start,
    end); `names` lists the dimensions; `recent` the window's last entries; `with_feelings`
    the two windows' entries with a Feelings part (default: all of them). A prompt that
    compares or sums up windows names their dates, so that it says the same thing in a
    mentor summary, a month later.
    """
    th = thresholds
    now = (spans[0][0], spans[-1][1])
    then = previous_window(*now, by)
    rising = _rising_drift(period_totals, period_settings, spans, by, names, th)
    jump = None if rising else _drift_jump(period_totals, spans, by, th)
    found = [
        rising or jump,
        None if jump else _leaned_drift(recent, window, th),
        _tipped_balance(window, now, th),
        _dimension_creep(window, before, now, then, names, th,
                         came_back=(period_totals, spans, by),
                         to_today=rhythm.get("reaches_today", True)),
        _obstructing_feeling(
            feelings, window, before, (now, then), th,
            with_feelings or (window.entries, before.entries),
        ),
        _self_care(rhythm, now, th),
        _gap(rhythm, th),
        _quiet_window(window, before, now, then),
    ]
    return [text for text in found if text]


def _quiet_window(
    window: Totals, before: Totals, now: tuple[date, date], then: tuple[date, date]
) -> str | None:
    """A window with no entry after one with some: in a mentor's list of summaries, the
    writer who stopped writing must not read as the one with nothing to talk about."""
    if window.entries or not before.entries:
        return None
    return (
        f"No entries {_dates(now)}, after {counted(before.entries, 'entry')} {_dates(then)}. "
        "What made writing hard to fit in, and is there a moment from then you would like to "
        "return to?"
    )


def _dates(window: tuple[date, date]) -> str:
    """"from 10 Jun to 30 Aug 2026" (the year once when both share it), or "on 3 Nov 2026"."""
    start, end = window
    if start == end:
        return f"on {spoken(end)}"
    return f"from {spoken(start, start.year != end.year)} to {spoken(end)}"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _rising_drift(
    period_totals: Sequence[Totals],
    period_settings: Sequence[Mapping[str, Totals]],
    spans: Sequence[tuple[date, date]],
    by: str,
    names: Mapping[str, str],
    th: Thresholds,
) -> str | None:
    """Drift per 100 words rose from one period to the next in most of the recent steps.

    Only solid periods take part: at least `min_period_words` scored words, or at least
    `min_period_entries` scored entries (a writer of short notes writes two 60-word entries a
    week; one short entry alone is noise). A quiet week is skipped, not read as a fall. When
    the rise shows only with the thin periods counted, and most of its periods are thin, the
    alert says so instead of staying silent while the table climbs. A rise counts only when
    it is more than `summary.steady` (0.25 per 100 words, and 15% of the higher): the change
    the Dimensions section needs to say "rising", so that the two never disagree about what
    rose. A period cut short (by the window, or still going on) takes part and is named as
    part of one, as the table stars it. When every period of the window holds one entry
    (`_single_entries`) it says so instead of "rose": single entries weighed against each
    other are no trend, and the Dimensions section and the mentor summary show no arrows
    then either. When some period holds more, they do show arrows, and so this says "rose"
    even where the steps themselves are single entries: one rule for the whole report.
    """
    single = _single_entries(period_totals)
    solid = [i for i, t in enumerate(period_totals) if _solid(t, th)]
    found = _rises(period_totals, solid, th)
    if found is not None:
        recent, rising = found
        if single:
            return _single_entries_rose(spans, recent, rising, by, th)
        where = _where_drift_rose(period_totals, period_settings, rising, names, th)
        return (
            f"Drift markers rose in {len(rising)} of the last {th.rising_lookback} {by}s you "
            f"wrote in, each against the one before ({_rise_dates(spans, recent, by)}){where}. "
            "Something to bring to supervision?"
        )
    scored = [i for i, t in enumerate(period_totals) if t.scored]
    thin = _rises(period_totals, scored, th)
    if thin is None:
        return None
    recent, rising = thin
    short = len(set(recent) - set(solid))
    if 2 * short <= len(recent):  # mostly solid: the thin ones decided it, not a trend
        return None
    if single:
        return _single_entries_rose(spans, recent, rising, by, th)
    return (  # (a caveat, not "no trend": the window's arrows may well say rising)
        f"Drift markers rose in {len(rising)} of the last {th.rising_lookback} {by}s you wrote "
        f"in ({_rise_dates(spans, recent, by)}), but {short} of the {len(recent)} {by}s behind "
        f"those steps are short (under {th.min_period_words} scored words and "
        f"{th.min_period_entries} entries each), so one entry moves them a lot. Worth a look "
        "in the table?"
    )


def _drift_jump(
    period_totals: Sequence[Totals], spans: Sequence[tuple[date, date]], by: str, th: Thresholds
) -> str | None:
    """A sudden rise that stays high: the last `jump_periods` periods with scored entries hold
    `min_period_words` scored words each (entries alone are not enough here) and each holds at
    least `jump_factor` times the drift per 100 words of such periods before them, and
    `jump_min` more; or each tips the balance below zero where those before it kept it above,
    with drift up by `jump_min` and not `summary.steady`. "Rose in 3 of the last 4 steps"
    misses this shape (one step up, then level), the most worrying one. Needs
    `jump_base_periods` such periods before it."""
    from peerjournal.summary import steady

    def full(i: int) -> bool:  # (by words alone: two notes of ten words are no level)
        return period_totals[i].words >= th.min_period_words

    scored = [i for i, t in enumerate(period_totals) if t.scored]
    last = scored[-th.jump_periods :]
    if len(last) < th.jump_periods or not all(full(i) for i in last):
        return None
    earlier = [i for i in range(last[0]) if full(i)]
    if len(earlier) < th.jump_base_periods or _single_entries(period_totals):
        return None  # (one entry each: no trend, as `_rising_drift` says)
    base = _merged(period_totals[i] for i in earlier)
    recent = [period_totals[i] for i in last]
    jumped = all(
        t.drift >= th.jump_factor * base.drift and t.drift - base.drift >= th.jump_min
        for t in recent
    )
    tipped = (base.balance or 0.0) > 0 and all(
        t.balance is not None and t.balance < 0 and t.drift - base.drift >= th.jump_min
        and not steady(base.drift, t.drift)
        for t in recent
    )
    if not (jumped or tipped):
        return None
    rates = _and([fixed(t.drift) for t in recent])
    outweighed = (
        f", and drift outweighed identity in {'both' if len(recent) == 2 else 'each'}"
        if all(t.balance is not None and t.balance < 0 for t in recent) else ""
    )
    return (
        f"Drift rose sharply in the last {len(recent)} {by}s you wrote in ({rates} per 100 "
        f"words, {_rise_dates(spans, last, by)}), against {fixed(base.drift)} in the "
        f"{counted(len(earlier), by).removeprefix('1 ')} with enough writing before them "
        f"({_dates((spans[earlier[0]][0], spans[earlier[-1]][1]))}){outweighed}. "
        "What pulled you there, and who could you talk it through with?"
    )


def _leaned_drift(recent: Sequence[RecentEntry], window: Totals, th: Thresholds) -> str | None:
    """The jump of `_drift_jump` said of entries, not periods: the last `lean_entries` or more
    scored entries each lean toward drift (balance at or below `tipped_balance`, the window
    alert's, with at least `jump_min` drift per 100 words: one stray phrase in a long entry
    is no lean) after a scored one that did not. A once-a-week writer's weeks hold one entry
    each, which shows no trend (`_single_entries`), and a month's few entries may be under
    the words a period needs; entries leaning one way, one after another, need neither, and
    the alert uses no trend word. When every scored entry of the window leans so, or the run
    fills all of `recent` (RECENT_ENTRIES: where it began is not known) and the window tips,
    `_tipped_balance` speaks instead; a run filling `recent` is "N or more" entries."""
    scored = [e for e in recent if e.scored]
    run = 0
    for entry in reversed(scored):
        if entry.balance is None or entry.balance > th.tipped_balance or entry.drift < th.jump_min:
            break
        run += 1
    capped = run == len(scored)  # no entry that did not lean among the kept ones
    if run < th.lean_entries or run >= window.scored or (capped and _tipped(window, th)):
        return None
    when = _dates((scored[-run].date, scored[-1].date))
    count, lead = (f"{run} or more", f"the last {run} ") if capped else (str(run), "")
    return (
        f"Your last {count} entries each leaned toward drift ({lead}{when}): drift markers "
        "outweighed identity markers in each. What pulled you there, and who could you talk it "
        "through with?"
    )


def _solid(totals: Totals, th: Thresholds) -> bool:
    """A period with enough writing to compare (`_rising_drift`)."""
    return totals.words >= th.min_period_words or totals.scored >= th.min_period_entries


def _single_entries_rose(
    spans: Sequence[tuple[date, date]],
    recent: Sequence[int],
    rising: Sequence[tuple[int, int]],
    by: str,
    th: Thresholds,
) -> str:
    """The rise of `_rising_drift` over periods of one entry each, said as no trend."""
    return (
        f"Drift markers were higher than the {by} before in {len(rising)} of the last "
        f"{th.rising_lookback} {by}s you wrote in ({_rise_dates(spans, recent, by)}), but "
        f"each of those {by}s holds only 1 entry: too few entries per {by} to show a trend. "
        "Worth a look in the table?"
    )


def _single_entries(period_totals: Sequence[Totals]) -> bool:
    """Whether every period of the window with entries holds one entry: the rule
    (`summary.one_entry_each` over the periods' entries) that keeps the arrows out of the
    report's and the summary's dimensions, so that the alerts never deny a trend they show,
    nor give one they do not."""
    from peerjournal.summary import one_entry_each

    return one_entry_each(t.entries for t in period_totals)


def _rises(
    period_totals: Sequence[Totals], periods: Sequence[int], th: Thresholds
) -> tuple[list[int], list[tuple[int, int]]] | None:
    """The last `rising_lookback` + 1 of `periods` and the steps between them where drift
    rose more than `summary.steady`, when at least `rising_min` did; else None."""
    recent = list(periods[-(th.rising_lookback + 1) :])
    if len(recent) < th.rising_lookback + 1:
        return None
    from peerjournal.summary import steady  # (only here: most reports never get this far)

    rising = [
        (a, b)
        for a, b in pairwise(recent)
        if period_totals[b].drift > period_totals[a].drift
        and not steady(period_totals[a].drift, period_totals[b].drift)
    ]
    return (recent, rising) if len(rising) >= th.rising_min else None


def _rise_dates(spans: Sequence[tuple[date, date]], recent: Sequence[int], by: str) -> str:
    """"from 2 Nov to 29 Nov; the week of 30 Nov is only part of a week"."""
    dates = _dates((spans[recent[0]][0], spans[recent[-1]][1]))
    cut = [_named_period(spans[i][0], by) for i in recent if partial(*spans[i], by)]
    if cut:
        some = f"is only part of a {by}" if len(cut) == 1 else f"are only parts of {by}s"
        dates += f"; {' and '.join(cut)} {some}"
    return dates


def _named_period(start: date, by: str) -> str:
    """"the week of 16 Nov", "Dec 2026", "2026": a period as the table's row names it."""
    return f"the week of {period_label(start, by)}" if by == "week" else period_label(start, by)


def _where_drift_rose(
    period_totals: Sequence[Totals],
    period_settings: Sequence[Mapping[str, Totals]],
    rising: Sequence[tuple[int, int]],
    names: Mapping[str, str],
    th: Thresholds,
) -> str:
    """What rose: ", mostly clinical language in inpatient shifts".

    Over the `rising` steps (periods a to b), each dimension's and setting's share of the
    rise in drift per 100 words (its drift in b over b's words, less that in a over a's: the
    shares add up to the rise). "mostly" names the dimension that rose most, or those tied
    for it (`leading`, `mostly`, `drift_name`: "mostly self-doubt", "clinical language, and
    as much advice"), only when it holds more than half of what rose; else the dimensions
    that rose, most first ("across advice, co-optation and mutuality"); none when none rose.
    A setting is named when it holds at least `mostly_share` of their rise and its drift
    in them (per 100 words, over the later period of each step) stands out from the other
    settings' (`_stands_out`): a setting that holds most entries holds most of any rise.
    """
    rise: dict[tuple[str, str], float] = defaultdict(float)  # (dimension, setting): its share
    first: dict[str, tuple[date, int]] = {}
    for a, b in rising:
        for i, sign in ((a, -1), (b, 1)):
            for key, totals in period_settings[i].items():
                first[key] = min(first.get(key, totals.first), totals.first)
                for dim, (_, drift_w) in totals.dims.items():
                    rise[dim, key] += sign * drift_w / period_totals[i].words
    by_dim = {dim: sum(v for (d, _), v in rise.items() if d == dim) for dim in names}
    top = leading(by_dim)  # as the drift verdict names its dimensions
    if not top:
        return ""
    rose = {dim: v for dim, v in by_dim.items() if v > 0}
    if 2 * sum(by_dim[dim] for dim in top) > sum(rose.values()):
        text = f", {mostly([drift_name(dim, names[dim]) for dim in top])}"
    else:
        top = sorted(rose, key=lambda d: -rose[d])[:3]  # (stable: `names`' order on a tie)
        text = f", across {_and([drift_name(dim, names[dim]) for dim in top])}"
    total = sum(by_dim[dim] for dim in top)
    place, share = max(
        ((key, sum(rise[dim, key] for dim in top)) for key in sorted(first, key=first.__getitem__)),
        key=lambda kv: kv[1],
    )
    later = [period_settings[b] for _, b in rising]
    if (
        place != UNSPECIFIED_SETTING
        and share / total >= th.mostly_share
        and _stands_out(place, later, top)
    ):
        text += f" in {place} shifts"
    return text


def _and(names: Sequence[str]) -> str:
    """"a, b and c"."""
    return " and ".join(filter(None, (", ".join(names[:-1]), names[-1])))


def _stands_out(
    place: str, periods: Sequence[Mapping[str, Totals]], dims: Sequence[str]
) -> bool:
    """Whether `dims`' drift per 100 words in `place` over `periods` (their settings' totals)
    is clearly above the other settings' together (`summary.steady`), or they have none."""
    from peerjournal.summary import steady

    here, rest = Totals(), Totals()
    for settings in periods:
        for key, totals in settings.items():
            (here if key == place else rest).merge(totals)
    if not rest.words:
        return True
    rates = [
        sum(t.dims.get(d, (0, 0))[1] for d in dims) / (t.words * SCALE) for t in (here, rest)
    ]
    return rates[0] > rates[1] and not steady(rates[1], rates[0])


def _tipped(window: Totals, th: Thresholds) -> bool:
    """Whether the window's balance leans toward drift enough for `_tipped_balance`."""
    balance = window.balance
    return (
        window.scored >= th.min_window_entries and balance is not None
        and balance <= th.tipped_balance
    )


def _tipped_balance(window: Totals, now: tuple[date, date], th: Thresholds) -> str | None:
    balance = window.balance
    if balance is None or not _tipped(window, th):
        return None
    return (
        f"{_sentence(_dates(now))}, drift markers outweighed identity markers (balance "
        f"{fixed(balance, sign=True)}). Which moments felt least like peer work, and what "
        "pulled you there?"
    )


def _dimension_creep(
    window: Totals,
    before: Totals,
    now_dates: tuple[date, date],
    then_dates: tuple[date, date],
    names: Mapping[str, str],
    th: Thresholds,
    came_back: tuple[Sequence[Totals], Sequence[tuple[date, date]], str] | None = None,
    *,
    to_today: bool = True,
) -> str | None:
    """The one dimension whose drift grew most, if it at least doubled by a clear margin;
    with `came_back` (the periods' totals, their spans, the unit), saying so when it has been
    back at or below its level before for its last periods (`_back_since`): "since the week
    of 28 Sep it is back down" in a window that reaches today (`to_today`), else "from the
    week of 28 Sep to 31 Oct 2026 it was back down" (a summary is read weeks later, and the
    writing since may have gone up again); while the window's last period is not over, "it
    has been back down so far (0.00 per 100 words up to Fri 20 Nov 2026; the week of 16 Nov
    was not over)",
    in words a summary's reader weeks later reads rightly too (round 48)."""
    if not (comparable(window, th) and comparable(before, th)):
        return None
    best: tuple[float, str, float, float] | None = None
    for dim in sorted(set(window.dims) | set(before.dims)):
        now, then = window.dimension(dim)["drift"], before.dimension(dim)["drift"]
        rise = now - then
        grew = rise >= th.dimension_rise_min and now >= th.dimension_rise_factor * then
        if grew and (best is None or rise > best[0]):
            best = (rise, dim, now, then)
    if best is None:
        return None
    _, dim, now, then = best
    said = (f"{names.get(dim, dim).capitalize()} came up more {_dates(now_dates)} than "
            f"{_dates(then_dates)} ({fixed(now)} vs {fixed(then)} per 100 words)")
    back = _back_since(came_back[0], came_back[1], dim, then) if came_back else None
    if back is None or came_back is None:
        return f"{said}. Whose words or whose agenda were they?"
    start, rate = back
    period = _named_period(start, came_back[2])
    running = to_today and partial(*came_back[1][-1], came_back[2])
    when = (f"since {period} it {'has been' if running else 'is'}" if to_today
            else f"{_back_span(start, now_dates[1], came_back[2])} it was")
    # (the last period not over yet: its rate is so far, and may still go up)
    # (the period named, not "the week": read in January, "the week" is no week)
    so_far = (f" so far ({fixed(rate)} per 100 words up to "
              f"{spoken(now_dates[1], weekday=True)}; "
              f"{_named_period(came_back[1][-1][0], came_back[2])} was not over)")
    return (f"{said}; {when} back down"
            f"{so_far if running else f' ({fixed(rate)} per 100 words)'}. Whose words or "
            "whose agenda were they, and what brought it back down?")


def _back_span(start: date, until: date, by: str) -> str:
    """When a past window's back-down ran: "from the week of 28 Sep to 31 Oct 2026"; of
    months (years) that the window ends with whole, their span as the table names them, "in
    Sep – Nov 2025", not "from Sep 2025 to 30 Nov 2025"."""
    from peerjournal.exporters.common import starts_span

    if by == "week" or period_end(until, by) != until:
        return f"from {_named_period(start, by)} to {spoken(until)}"
    return f"in {starts_span(start.isoformat(), period_start(until, by).isoformat(), by)}"


def _back_since(
    period_totals: Sequence[Totals], spans: Sequence[tuple[date, date]], dim: str, level: float
) -> tuple[date, float] | None:
    """Where `dim`'s drift came back: the start of the window's last periods with scored
    writing (at least two, not the whole window) each at or below `level` (its rate in the
    window before), and its rate over them; None when it has not come back, or when those
    periods hold too little writing to say so (`comparable`: "back down" compares them with
    the window before, and two 5-word notes, or entries not scored, are no return).
    (Until round 47 periods with unscored or a few words of entries read as back down.)"""
    run = 0
    for totals in reversed(period_totals):
        if totals.words and totals.dimension(dim)["drift"] > level:
            break
        run += 1
    written = [t for t in period_totals[len(period_totals) - run:] if t.words]
    if len(written) < 2 or run >= len(period_totals) or not comparable(_merged(written)):
        return None
    first = next(i for i in range(len(period_totals) - run, len(period_totals))
                 if period_totals[i].words)
    return spans[first][0], _merged(written).dimension(dim)["drift"]


def _obstructing_feeling(
    feelings: Sequence[Mapping[str, Any]],
    window: Totals,
    before: Totals,
    dates: tuple[tuple[date, date], tuple[date, date]],
    th: Thresholds,
    with_feelings: tuple[int, int],
) -> str | None:
    """An obstructing feeling named in at least `feeling_min_entries` entries, and at least
    `feeling_rise_factor` times as often (as a share of the entries with a Feelings part)
    as in the window before, when some entry there has one; else its count alone. "In none"
    is said only of entries with a Feelings part: a jrnl import that says "Ashamed" in its
    text has none. (Shares of entries, shown with their counts: not gated by words, as the
    rates per 100 words of `comparable` are.)"""
    now, then = dates
    compare = with_feelings[1] > 0
    for feeling in feelings:  # most frequent first, so the first match is the biggest
        if feeling["kind"] != "obstructing" or feeling["entries"] < th.feeling_min_entries:
            continue
        # as a share of each window's entries: a window with more writing names more of all
        if compare and feeling["entries"] * with_feelings[1] < (
            th.feeling_rise_factor * feeling["previous"] * with_feelings[0]
        ):
            continue
        of_now = _out_of(feeling["entries"], with_feelings[0], window.entries)
        if not compare:  # (nothing before, or too little: "0 from … to …" would read as a rise)
            count = f"{of_now} {_dates(now)}"
        elif feeling["previous"]:
            of_then = _out_of(feeling["previous"], with_feelings[1], before.entries, noun=False)
            count = f"{of_now} {_dates(now)}, and in {of_then} {_dates(then)}"
        else:
            some = with_feelings[1] < before.entries
            of = f" of the {counted(with_feelings[1], 'entry')} with a Feelings part" * some
            count = f"{counted(feeling['entries'], 'entry')} {_dates(now)}, and in none{of} "
            count += _dates(then)
        # the label quoted, as a name: "fear / anxious" pairs a noun with an adjective,
        # and "Feelings of fear / anxious" read as a slip
        return (
            f"“{_sentence(feeling['label'])}” feelings came up in {count}. What is in the "
            "way, and who could you talk it through with?"
        )
    return None


def _out_of(count: int, with_feelings: int, entries: int, *, noun: bool = True) -> str:
    """"3 of 12 entries" ("3 of 12" without `noun`), or "3 of the 8 entries with a Feelings
    part" when not every entry has one (feelings are counted only there)."""
    if with_feelings < entries:
        return f"{count:,} of the {counted(with_feelings, 'entry')} with a Feelings part"
    return f"{count:,} of {counted(entries, 'entry') if noun else f'{entries:,}'}"


def _self_care(rhythm: Mapping[str, Any], now: tuple[date, date], th: Thresholds) -> str | None:
    """A question, not a rule to follow: the writer knows best what looking after themselves
    is, and an alert that lectures is one more thing to feel behind on.

    It counts the self-care notes (the entry's own field), not self-care written about in the
    text, and says so: "mention self-care" read as false beside entries that talk of it."""
    entries, noted = rhythm["entries"], rhythm["self_care"]
    if entries < th.self_care_min_entries or noted / entries >= th.self_care_share:
        return None
    return (
        f"{noted:,} of {counted(entries, 'entry')} {_dates(now)} {'has' if noted == 1 else 'have'} "
        "a self-care note. What "
        "helps you come back to yourself after a hard shift?"
    )


def _gap(rhythm: Mapping[str, Any], th: Thresholds) -> str | None:
    """Only for a window that reaches today: one that ends earlier may be followed by entries."""
    days, last = rhythm["days_since_last"], rhythm.get("last_entry")
    if days is None or days < th.gap_days or not rhythm.get("reaches_today", True):
        return None
    on = f", on {spoken(date.fromisoformat(last))}" if last else ""
    return (
        f"It has been {days} days since your last entry{on}. Is there a moment since then "
        "you would like to return to?"
    )
