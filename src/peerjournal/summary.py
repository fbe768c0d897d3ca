"""The mentor summary: what leaves the journal, as one versioned dict.

`build_summary` turns plain inputs (the trends report, the period's entries with their
stored drift scores, the people list) into the `peerjournal.summary/1` document described
in docs/summary-schema.md. Every string that comes from the journal passes through the
redactor here, so the exporters only format what they are given.

`validate_summary` checks a loaded document for `review`: a mentor's tool must treat the
file as untrusted input and fail with one line naming the file, the field in words, and what
to do (ask for the summary again).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from peerjournal.drift import is_learned_marker, marker_label
from peerjournal.drift.lexicon import MAX_WEIGHT
from peerjournal.entry import Entry, scored_text
from peerjournal.errors import PeerJournalError
from peerjournal.intentions import evaluation_intentions, sentence_ends
from peerjournal.namewords import word_set
from peerjournal.reflection import Layout, element_answers, element_text

if TYPE_CHECKING:
    from peerjournal.redact import Redactor

SCHEMA = "peerjournal.summary/1"
SCHEMA_FAMILY = "peerjournal.summary/"
TOP_MARKERS = 5
EXCERPTS_PER_MARKER = 2
EXCERPT_CONTEXT = 70  # characters either side of a marker
MIN_TREND_POINTS = 3
# A run of more periods without entries than this is one period (entries 0, values null)
# spanning the run: a window reaching back years before the first entry, or a long gap,
# costs one period rather than hundreds, and the periods still cover the window.
MAX_EMPTY_RUN = 4
STEADY = 0.25  # a change smaller than this (per 100 words) is "steady" at any level
STEADY_SHARE = 0.15  # and so is one smaller than this share of the higher half
MIN_HALF_ENTRIES = 2  # a half of fewer entries is one entry's number, not a trend's end
POLARITIES = ("identity", "drift")


def _identity(text: str) -> str:
    return text


# Control characters other than tab and line breaks: a terminal acts on them, and JSON writes
# them as escapes ("\b", "\u001b") whose letters run into the text around them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` with each control character (but tab, newline and carriage return) made a space:
    a space, not nothing, so two words never run together into one."""
    return _CONTROL.sub(" ", text)


@dataclass
class CheckItem:
    """One answered self-check item, with the wording if the item bank knows it."""

    id: str
    score: int | None
    note: str = ""
    section: str = ""
    text: str = ""


@dataclass
class SelfCheck:
    created_at: datetime
    items: list[CheckItem]


@dataclass
class SummaryInput:
    """Everything a summary is built from, as plain values."""

    since: date
    until: date
    generated_at: datetime
    # the trends report of the period: its periods, alerts and totals (the dimensions' rates
    # over the whole period are its `totals.dimensions`, word-weighted as its alerts quote them)
    report: Mapping[str, Any]
    entries: Sequence[Entry]  # every live entry in the period (shared or not)
    # entry id -> stored DriftScore.to_dict(), or its compact form (`db.stats.summary_drifts`)
    drifts: Mapping[int, Mapping[str, Any]]
    labels: Mapping[str, str] = field(default_factory=dict)  # dimension or marker id -> label
    note: str = ""
    writer: str = ""
    selfcheck: SelfCheck | None = None
    generator: str = "peerjournal"
    # prompt set name -> its question layout (reflection.answer_layout), to put the answers
    # to a set's questions back into their element; a set missing here puts them all under
    # Evaluation
    layouts: Mapping[str, Layout] = field(default_factory=dict)
    # the lexicon in use: its version -> its [lexicon] name (`Lexicon.name`), for `review` to
    # name it; the shipped one is named without it (`lexicon_names`)
    lexicon_in_use: Mapping[str, str] = field(default_factory=dict)
    # the date of the journal's first entry (None: no entries): the periods before it are
    # not weeks without writing (`before_journal`)
    journal_began: date | None = None


Redact = Callable[[str], str]


def build_summary(data: SummaryInput, redact: Redact | None = None) -> dict[str, Any]:
    """The summary document; `redact=None` means an unredacted export (it says so)."""
    redact_or_not = redact or _identity

    from peerjournal.redact import Redactor, nfc, placeholders

    redactor = redact if isinstance(redact, Redactor) else None  # (checked once)
    label_or_not = redact_or_not if redactor is None else _label_redactor(redactor)
    # what redaction writes in place of a name or an identifier: a quote is never cut in one
    keep = [] if redact is None else [*placeholders()]
    if redactor is not None:
        keep += [person.replacement for person in redactor.people]

    def r(text: str) -> str:
        # redacted first: the redactor sees a name with a control character inside it
        return printable(redact_or_not(text))

    def label(text: str) -> str:
        """A setting or a tag, redacted as a label (`_label_redactor`: names in any case,
        "[person]'s flat" for "will's flat" with Will Jones listed)."""
        return printable(label_or_not(text))

    def layout(entry: Entry) -> Layout:
        return data.layouts.get(entry.prompt_set, {})

    shared = sorted((e for e in data.entries if e.shared), key=lambda e: (e.date, e.id))
    signature = data.writer.strip()
    signed = _signature(signature, r, redactor)
    periods = before_journal(
        collapse_empty([_period(p) for p in data.report.get("periods", [])]), data.journal_began
    )
    versions = lexicon_versions(data.drifts.values())
    return {
        "schema": SCHEMA,
        "generated_at": data.generated_at.isoformat(),
        "generator": data.generator,
        "redacted": redact is not None,
        # whether the people list had anyone on it: with nobody, no name was replaced, and
        # the mentor is told so rather than that names show as [person] (added within schema
        # 1: optional; only in a summary redacted by a `Redactor`)
        **({"people_listed": bool(redactor.people)} if redactor is not None else {}),
        "writer": signed or None,
        # a signature redaction changed ("[person]" for Sam, an alias) names no one: review
        # compares no such summaries (added within schema 1: optional, only when true)
        **({"writer_replaced": True}
           if redact is not None and signed != printable(nfc(signature)) else {}),
        "period": {
            "since": data.since.isoformat(),
            "until": data.until.isoformat(),
            "by": str(data.report.get("by", "week")),
        },
        "entries": {
            "total": len(data.entries),
            "shared": len(shared),
            "scored": sum(1 for e in data.entries if e.id in data.drifts),
        },
        "lexicon_versions": versions,
        # added within schema 1: optional (absent from summaries made before December 2026)
        "lexicon_names": lexicon_names(versions, data.lexicon_in_use),
        "totals": _totals(data.report.get("totals"), data.entries, data.drifts),
        # the window before, as the alerts compare with it (added within schema 1: optional,
        # absent from summaries before round 46 and when there is nothing to compare with)
        **({"previous": before} if (before := _previous(data.report)) else {}),
        "periods": periods,
        "dimensions": _with_curated(dimension_trends(
            periods, data.labels, (data.report.get("totals") or {}).get("dimensions")
        ), data.drifts),
        "markers": top_markers(data.entries, data.drifts, data.labels, r, keep),
        "intentions": [
            {"date": e.date.isoformat(), "text": line}
            for e in shared
            for line in _intentions(e, layout(e), r)
        ],
        "alerts": [
            _alert(a, r, _settings_in_alerts(data.entries, label))
            for a in data.report.get("alerts", [])
        ],
        "shared_entries": [_shared_entry(e, r, label, layout(e)) for e in shared],
        "note": r(data.note.strip()),
        "selfcheck": _selfcheck(data.selfcheck, r) if data.selfcheck else None,
    }


# ------------------------------------------------------------------------------ pieces


def _signature(signature: str, r: Redact, redactor: Redactor | None) -> str:
    """The signature (`--from`) redacted by `r`. A listed word-name as the signature ("--from
    Hope") is said by its own line (`cli.export`), not again among the redactor's words in
    doubt, as a word opening a sentence that is not there: what it counted is put back."""
    if redactor is None:
        return r(signature)
    doubts = Counter(redactor.in_doubt)
    signed = r(signature)
    redactor.in_doubt = doubts
    return signed


def lexicon_versions(drifts: Iterable[Mapping[str, Any]]) -> list[str]:
    """The drift lexicon versions the period's scores were made with, most used first: the
    numbers of two summaries compare only when they were scored with the same lexicon."""
    counts = Counter(str(d["lexicon_version"]) for d in drifts if d.get("lexicon_version"))
    return [version for version, _ in sorted(counts.items(), key=lambda c: (-c[1], c[0]))]


def lexicon_names(versions: Sequence[str], in_use: Mapping[str, str]) -> dict[str, str]:
    """The names of the drift lexicons behind `versions` that this peerjournal knows: the one
    it ships (SHIPPED_NAME, which no other lexicon is given: an organisation's copy is "a copy
    of" it) and the one in use (`in_use`, version -> name). What lets `review` tell an
    organisation's lexicon from one an earlier peerjournal shipped; a version scored with a
    lexicon no longer in use (stale scores) is not named."""
    from peerjournal.drift.lexicon import SHIPPED_NAME, lexicon_version

    shipped = lexicon_version()
    return {v: SHIPPED_NAME if v == shipped else printable(in_use[v]) for v in versions
            if v == shipped or v in in_use}


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return round(float(value), 3)


def _totals(
    raw: Mapping[str, Any] | None, entries: Sequence[Entry], drifts: Mapping[int, Any]
) -> dict[str, float | None] | None:
    """The period's identity, drift and balance as `peerjournal report` headlines them (word-
    weighted over the scored entries); None when no entry in the period is scored."""
    if not raw or not any(e.id in drifts for e in entries):
        return None
    numbers = {key: _number(raw.get(key)) for key in ("identity", "drift")}
    return {**numbers, "balance": _kept_balance(raw), **_too_little(raw)}


def _previous(report: Mapping[str, Any]) -> dict[str, Any] | None:
    """The window before the period (`trends.previous_window`, as the report's "What changed"
    and the alerts compare with it): its dates, entries, identity and drift; None when it
    holds no entries or too little writing to compare (`trends.comparable`)."""
    prev = report.get("previous")
    if not prev or not prev.get("entries") or report.get("too_little_to_compare"):
        return None
    return {"since": prev["since"], "until": prev["until"], "entries": prev["entries"],
            **{key: _number(prev.get(key)) for key in ("identity", "drift")}}


def _kept_balance(raw: Mapping[str, Any]) -> float | None:
    """The balance as the file has always carried it: for "too little" numbers (which the
    report gives none) the one their identity and drift make, so a peerjournal from before
    `too_little` still reads the file; readers that know the key show "too little" instead."""
    balance = _number(raw.get("balance"))
    identity, drift = _number(raw.get("identity")), _number(raw.get("drift"))
    if balance is not None or not raw.get("too_little") or identity is None or drift is None:
        return balance
    return round((identity - drift) / (identity + drift), 3) if identity + drift > 0 else None


def _too_little(raw: Mapping[str, Any]) -> dict[str, bool]:
    """{"too_little": true} for numbers whose scored entries are all "too little" for a
    verdict of their own (`trends.Totals`; added within schema 1: optional, only when true):
    the file keeps their balance (`_kept_balance`), which readers show as "too little"."""
    return {"too_little": True} if raw.get("too_little") else {}


def _period(raw: Mapping[str, Any]) -> dict[str, Any]:
    """A report period; a period without entries has no numbers (null), not zeros."""
    dims = raw.get("dimensions") or {}
    entries = int(raw.get("entries") or 0)

    def value(v: Any) -> float | None:
        return _number(v) if entries else None

    return {
        "start": str(raw["start"]),
        "end": str(raw["end"]),
        "entries": entries,
        "identity": value(raw.get("identity")),
        "drift": value(raw.get("drift")),
        "balance": _kept_balance(raw) if entries else None,
        **({"words": int(raw["words"] or 0)} if "words" in raw else {}),
        **_too_little(raw),
        "dimensions": {
            str(dim): {p: value((v or {}).get(p)) for p in POLARITIES} for dim, v in dims.items()
        },
        # its entries with identity and drift markers, and each dimension's, which `turn`
        # weighs (added within schema 1 in round 48: optional)
        **({"marked_entries": _marked(raw["marked_entries"]), "dimension_entries": {
            str(dim): _marked(n) for dim, n in raw["dimension_entries"].items()
        }} if "dimension_entries" in raw else {}),
    }


def _marked(raw: Mapping[str, Any]) -> dict[str, int]:
    """A period's entries with identity and with drift markers (`trends.Totals.marked`)."""
    return {p: int(raw[p]) for p in POLARITIES}


def marked_series(
    periods: Sequence[Mapping[str, Any]], dim: str | None, polarity: str
) -> list[int] | None:
    """Each period's entries with `dim`'s `polarity` markers (`turn`'s `marked`; `dim` None:
    with any), or None when a period does not give them (from before round 48)."""
    counts = [((p.get("dimension_entries") or {}).get(dim, {}) if dim is not None
               else p.get("marked_entries") or {}).get(polarity) for p in periods]
    known = [int(n) for n in counts if n is not None]
    return known if len(known) == len(counts) else None


def collapse_empty(periods: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The periods with each run of more than MAX_EMPTY_RUN empty ones made one period."""
    out: list[dict[str, Any]] = []
    run: list[dict[str, Any]] = []

    def close_run() -> None:
        if len(run) > MAX_EMPTY_RUN:
            out.append({**run[0], "end": run[-1]["end"]})
        else:
            out.extend(run)
        run.clear()

    for period in periods:
        if period["entries"]:
            close_run()
            out.append(period)
        else:
            run.append(period)
    close_run()
    return out


def before_journal(
    periods: Sequence[dict[str, Any]], began: date | None
) -> list[dict[str, Any]]:
    """The periods, with those that end before the journal's first entry (`began`) made one,
    marked `before_journal`: a journal begun on 23 Nov, exported over 4 weeks, did not stop
    writing in the weeks of 9 and 16 Nov (added within schema 1: optional, only when true)."""
    if began is None:
        return list(periods)
    cut = next((n for n, p in enumerate(periods)
                if p["entries"] or date.fromisoformat(p["end"]) >= began), len(periods))
    if not cut:
        return list(periods)
    return [{**periods[0], "end": periods[cut - 1]["end"], "before_journal": True},
            *periods[cut:]]


def steady(before: float, after: float, margin: float = 1) -> bool:
    """Whether a change from `before` to `after` (per 100 words) is too small to name: less
    than STEADY, or than STEADY_SHARE of the larger (29.9 to 29.4 is steady; 0.5 to 1.2 is
    not); `margin` times that between two single periods (`turn`)."""
    return abs(after - before) < margin * max(STEADY, STEADY_SHARE * max(before, after))


@dataclass(frozen=True)
class Halves:
    """A series' mean over its first half of periods with data and over the rest."""

    before: float
    after: float
    first: int  # how many periods the first half holds
    last: int  # and the second
    spike: bool = False  # the higher half's evidence is all in one of its several periods

    @property
    def direction(self) -> str:
        """Up or down; steady when the change is too small to name (`steady`) or when it
        rests on one period of the higher half (a spike: [0, 0, 16.9, 0])."""
        if self.spike or steady(self.before, self.after):
            return "steady"
        return "up" if self.after > self.before else "down"

    @property
    def arrow(self) -> str | None:
        """The direction as an arrow shows it: none for a spike, which "At a glance" calls
        no trend ("a spike rather than a trend"), where `direction` says steady; a change too
        small to name is steady, spike or not (0.0 in every period is no spike)."""
        return None if self.spike and not steady(self.before, self.after) else self.direction


@dataclass(frozen=True)
class Turn:
    """A rise and a fall back (or a fall and a climb back) within a run of periods, which
    the halves (`halves`) would call rising, falling or steady: the rates of its three thirds,
    each pooled over its words (`pooled`), and the periods of the middle and the last third
    (their indexes among the run's periods, first and last)."""

    way: str  # "up_down": rose, then fell back; "down_up": fell, then came back up
    first: float  # the first third's rate
    peak: float  # the middle third's
    last: float  # the last third's
    middle: tuple[int, int]
    end: tuple[int, int]
    back: bool  # the last third is back near the first (`steady`)

    @property
    def size(self) -> float:
        """How far the middle stood from the nearer end: what `_moved_most` weighs."""
        return min(abs(self.peak - self.first), abs(self.peak - self.last))

    def as_json(self, starts: Sequence[str]) -> dict[str, Any]:
        """`report --json`'s `trend.dimensions[..].*_turn`: `starts`, the periods' starts.
        `at`..`at_end` are the starts of the middle third's first and last periods, `value`
        its rate; `last_at`..`last_end` and `last` the same of the last third."""
        return {"way": self.way, "first": self.first, "at": starts[self.middle[0]],
                "at_end": starts[self.middle[1]], "value": self.peak,
                "last_at": starts[self.end[0]], "last_end": starts[self.end[1]],
                "last": self.last, "back": self.back}


MIN_THIRD = 2  # periods in each end third (fewer periods: one, if it holds a half's evidence)


def turn(
    series: Sequence[float | None], entries: Sequence[int], words: Sequence[int] | None = None,
    marked: Sequence[int] | None = None,
) -> Turn | None:
    """Whether the periods with data rose and fell back (or fell and came back): their
    thirds, each pooled over its words (`pooled`), as the halves pool theirs, with the middle
    above (below) both the first third and the last by more than `steady`, and still so
    without its most extreme period (one period's spike or dip is no turn, as it is no trend),
    in two of its periods at least, and beyond every period of the end thirds but their most
    extreme one by more than `steady` (a dip no deeper than the ends' own ups and downs is
    noise; one thin end week beyond it is that week's, as a spike in the middle is). Each end third
    holds MIN_THIRD periods or more, and each third enough writing; and it needs what a
    direction needs (`halves`). [0, 0, 5.9, 8.6, 0.3, 0] by month rose to 7.2 in Aug-Sep and
    came back to 0.1 in Oct-Nov, where its halves (0→3.0) read "rising".

    Three to five periods with data have end thirds of one period each (`_thin_thirds`),
    which must each hold what a half holds (MIN_HALF_ENTRIES entries, enough writing): a
    part week is no end. One period against one carries the ups and downs of both, where a
    half pools them, so the middle must stand out by twice `steady`'s margin and by
    ONE_PERIOD_GAP (1.42, 1.15, 1.65 and 1.77, 0.40, 2.13 by month are steady; 15.5, 0, 0,
    15.5 fell and came back). A middle of one period (exactly three) holds a half's evidence
    too, and a peak there needs markers in an end as well: 0, 0.5, 0 (or 0, 15.5, 0) is one
    period's spike, as the halves call it and say. (Until round 47 three
    periods needed only a middle that stood out, and four or five had no turn.)

    `marked`: each period's entries that carry the markers (`trends.Totals.marked`; None for
    a summary from before round 48). The high side must rest on MIN_HALF_ENTRIES of them:
    the middle of a rise, each end of a dip. A month whose rise is one entry's markers is that
    entry, not a turn (what the halves say is said instead)."""
    at = [i for i, (v, n) in enumerate(zip(series, entries, strict=True))
          if v is not None and n > 0]
    points = trend_points(series, entries, words)
    end = len(points) // 3
    thin = end < MIN_THIRD
    if thin:
        end = 1
    if len(points) < MIN_TREND_POINTS or halves(series, entries, words) is None:
        return None
    parts = (points[:end], points[end:-end], points[-end:])
    if words is not None and not _enough_writing(parts):
        return None  # (each third is weighed as a half is: on enough writing)
    if thin and not _thin_thirds(parts):
        return None
    rates = [pooled(part) for part in parts]
    if any(r is None for r in rates):
        return None
    a, m, b = (float(r or 0.0) for r in rates)
    up = m > a
    if not _stands_out(m, a, b) or (thin and not _one_period_turn(m, a, b)):
        return None
    if marked is not None and not _rests_on_entries(at, marked, end, up):
        return None
    middle = list(parts[1])
    if len(middle) == 1:  # (its spike: no marker outside it, as `Halves.spike` reads it)
        if up and not (a > 0 or b > 0):
            return None
    else:
        extreme = (max if up else min)(range(len(middle)), key=lambda k: middle[k][0])
        without = pooled(middle[:extreme] + middle[extreme + 1:])
        if without is None or not _stands_out(without, a, b):
            return None  # (it rests on one period)
        near = max(a, b) if up else min(a, b)
        beyond = [v for v, _, _ in middle
                  if (v > near if up else v < near) and not steady(near, v)]
        ends = sorted(v for v, _, _ in parts[0] + parts[2])
        edge = ends[-2] if up else ends[1]  # (the ends' own ups and downs, but one, are no turn)
        if len(beyond) < 2 or (m < edge if up else m > edge) or steady(edge, m):
            return None
    return Turn("up_down" if up else "down_up", a, m, b, (at[end], at[-end - 1]),
                (at[-end], at[-1]), steady(a, b))


def _rests_on_entries(at: Sequence[int], marked: Sequence[int], end: int, up: bool) -> bool:
    """Whether the high side of a turn (`turn`: the middle third of a rise, each end third of
    a dip) holds MIN_HALF_ENTRIES entries with the markers; `at`: the indexes of the periods
    with data, `end`: how many of them each end third holds."""
    counts = [marked[i] for i in at]
    high = [counts[end:-end]] if up else [counts[:end], counts[-end:]]
    return all(sum(part) >= MIN_HALF_ENTRIES for part in high)


def _thin_thirds(parts: Sequence[Sequence[TrendPoint]]) -> bool:
    """Whether the thirds of three to five periods (ends of one period) each hold the
    entries a half needs (MIN_HALF_ENTRIES): one or two notes are no level to turn from."""
    return all(sum(n for _, n, _ in part) >= MIN_HALF_ENTRIES for part in parts)


# how far (per 100 words) one period must stand from each end to be a turn of its own: a
# quarter's months at a steady rate wobble by ~0.5-1.8 (QA: 1.77, 0.40, 2.13 read "fell, then
# rose"), and a real peak (0, 15.5, 0) is far beyond it
ONE_PERIOD_GAP = 1.0


def _one_period_turn(middle: float, a: float, b: float) -> bool:
    """Whether a middle of one period stands out from ends of one period each: beyond twice
    `steady`'s margin (one period against one carries the noise of both) and by at least
    ONE_PERIOD_GAP."""
    return _stands_out(middle, a, b, margin=2) and min(abs(middle - a), abs(middle - b)) >= (
        ONE_PERIOD_GAP
    )


def _stands_out(middle: float, a: float, b: float, margin: float = 1) -> bool:
    """Whether `middle` is above both `a` and `b`, or below both, by more than `steady`
    (`margin` times its margin)."""
    return (not steady(a, middle, margin) and not steady(middle, b, margin)
            and (middle - a) * (middle - b) > 0)


def ended_where_began(
    series: Sequence[float | None], entries: Sequence[int], words: Sequence[int] | None = None,
    marked: Sequence[int] | None = None,
) -> tuple[float, float, int] | None:
    """The rates of the first and the last third of the periods with data (of three to five,
    the first period and the last) when they are `steady` against each other while the
    halves (`halves`) name a rise or a fall and no turn (`turn`) is: that move is where the
    odd split put a middle that stands out too thinly for a turn (26.3, 14.4, 26.3 by week,
    15.5, 15.5, 0, 15.5, 15.5 by month), so the words say steady; the JSON's direction stays
    the halves' (`review` checks older summaries by it). With how many periods each end
    holds; else None. `marked`: as `turn`."""
    split = halves(series, entries, words)
    if split is None or split.direction == "steady" or turn(series, entries, words, marked):
        return None
    points = trend_points(series, entries, words)
    end = max(1, len(points) // 3)
    if words is not None and any(_thin_period(w) for _, _, w in [*points[:end], *points[-end:]]):
        return None  # (an end of short notes is no level: 0, 15.5, 15.5, then thin months)
    first, last = pooled(points[:end]), pooled(points[-end:])
    if first is None or last is None or not steady(first, last):
        return None
    return first, last, end


def said_direction(
    direction: str | None,
    series: Sequence[float | None], entries: Sequence[int], words: Sequence[int] | None = None,
    marked: Sequence[int] | None = None,
) -> str | None:
    """The direction the words give (`direction`, the halves'), steady when the periods
    ended where they began (`ended_where_began`; `marked` as `turn`), or when a turn rests on
    one entry (`lone_turn`) and its ends do not move `direction`'s way: the halves' move is
    then that entry's (0.70, 2.27 of one entry, 0.36 by month is no rise; round 48)."""
    if direction in (None, "steady"):
        return direction
    if ended_where_began(series, entries, words, marked) is not None:
        return "steady"
    lone = lone_turn(series, entries, words, marked)
    if lone is not None and (steady(lone.first, lone.last)
                             or (lone.last > lone.first) != (direction == "up")):
        return "steady"
    return direction


def lone_turn(
    series: Sequence[float | None], entries: Sequence[int], words: Sequence[int] | None = None,
    marked: Sequence[int] | None = None,
) -> Turn | None:
    """The turn `turn` finds without `marked` but refuses with it: its high side rests on one
    entry's markers (`_rests_on_entries`). The halves' move then rests on that entry too,
    which `said_direction` and "At a glance" say instead of a rise or a fall."""
    if marked is None or turn(series, entries, words, marked) is not None:
        return None
    return turn(series, entries, words)


def split_at(entries: Sequence[int]) -> int:
    """How many of a run of periods (their entry counts, in order) the first half holds:
    half of them, and of an odd number the middle one goes to the half with fewer entries
    without it (the later on a tie). [1, 6, 5] is [1, 6] against [5], not one entry
    against eleven: the middle week is where a slide shows, and the smaller half needs it."""
    half = len(entries) // 2
    if len(entries) % 2 and sum(entries[:half]) < sum(entries[half + 1 :]):
        half += 1
    return half


def one_entry_each(entries: Iterable[int]) -> bool:
    """Whether every period compared (their entry counts; those with entries) holds exactly
    one entry: weighing them against each other weighs single entries, a see-saw rather than
    a trend, so no trend word is given for them (report, summary, alerts and review alike)."""
    counts = [n for n in entries if n]
    return bool(counts) and all(n == 1 for n in counts)


# What may show a trend that weeks of one entry each do not: said to the writer (`report`),
# who has --by, and to the mentor (the exported summary, `review`), who has not
BY_MONTH = {
    "writer": "months (--by month) may hold more",
    "mentor": "a summary by month (ask the writer for one) may hold more",
}


def too_few_per_period(unit: str, entries: Sequence[int], *, mentor: bool = False) -> str | None:
    """Why no trend is shown when `one_entry_each(entries)`, in words ("too few entries per
    week to show a trend: each of the 5 weeks with entries holds only 1"); else None.
    `mentor`: said to the mentor, who asks the writer for months (`BY_MONTH`)."""
    n = sum(1 for e in entries if e)
    if n < MIN_TREND_POINTS or not one_entry_each(entries):
        return None  # (fewer periods: `halves` gives that reason first)
    longer = f"; {BY_MONTH['mentor' if mentor else 'writer']}" if unit == "week" else ""
    return (f"too few entries per {unit} to show a trend: each of the {n:,} {unit}s with "
            f"entries holds only 1 entry{longer}.")


TrendPoint = tuple[float, int, int]  # (value, entries, weight): see `trend_points`


def halves(
    series: Sequence[float | None],
    entries: Sequence[int],
    words: Sequence[int] | None = None,
    *,
    singles: bool = False,
) -> Halves | None:
    """The first half of the periods with data against the second (`split_at`), each
    half's rate pooled over its words: its periods' rates weighted by their scored `words`
    (`period_words`), so that a half reads as a summary of those periods alone would. Without
    `words` (a summary from before periods had them) the periods weigh as their entries.

    None (no direction) when the entries are too few (`split_points`), when either half holds
    fewer scored words than two windows need to be compared (`trends.enough_writing`: one
    rule for every move a report or a summary names; `too_little_writing` says why), or no
    scored words at all. A direction (`Halves.direction`) then
    needs a change that is not `steady`, and evidence in more than one period of the higher
    half when it has several (a period of a few words, `_thin_period`, is not counted): one
    week's spike is not a trend. A period's rate does not say
    how many of its entries held the evidence, so periods are what is counted. `singles`:
    the rules of exports before round 38, which weighed periods of one entry each, and before
    round 43, which weighed halves of any length of writing (`review` checks their directions
    so)."""
    split = split_points(trend_points(series, entries, words), singles=singles)
    if split is None:
        return None
    if words is not None and not singles and not _enough_writing(split):
        return None  # (`too_little_writing` says why)
    first, last = split
    before, after = pooled(first), pooled(last)
    if before is None or after is None:
        return None
    higher = [v for v, _, w in (first if before > after else last)
              if words is None or singles or not _thin_period(w)]
    spike = len(higher) > 1 and sum(1 for v in higher if v > 0) < 2
    return Halves(before, after, len(first), len(last), spike)


def _thin_period(words: int) -> bool:
    """Whether a period holds too few scored words to count as one without evidence in a
    spike (`halves`): three 3-word notes between two clinical months are no month of peer
    work (0, 13.3, 0 of 9 words, 13.3 rose; until round 47 it read steady, a spike)."""
    from peerjournal.trends import THRESHOLDS

    return words < THRESHOLDS.min_period_words


def split_points(
    points: Sequence[TrendPoint], *, singles: bool = False
) -> tuple[Sequence[TrendPoint], Sequence[TrendPoint]] | None:
    """The two halves `halves` compares (`split_at`); None when the entries are too few for
    a trend: fewer than MIN_TREND_POINTS periods (two points are not a trend), one entry in
    each (`one_entry_each`; but with `singles`), or fewer than MIN_HALF_ENTRIES entries in
    either half (one entry is not a half)."""
    if len(points) < MIN_TREND_POINTS or (
        not singles and one_entry_each(n for _, n, _ in points)
    ):
        return None
    half = split_at([n for _, n, _ in points])
    first, last = points[:half], points[half:]
    if min(sum(n for _, n, _ in first), sum(n for _, n, _ in last)) < MIN_HALF_ENTRIES:
        return None
    return first, last


def _enough_writing(split: Sequence[Sequence[TrendPoint]]) -> bool:
    """Whether each half (its points weighed by their words; or each third, `turn`) holds
    enough writing to be compared (`trends.enough_writing`)."""
    from peerjournal.trends import enough_writing

    return all(enough_writing(sum(w for _, _, w in half)) for half in split)


def too_little_writing(
    unit: str, entries: Sequence[int], words: Sequence[int] | None
) -> str | None:
    """Why no move is named when the halves (`split_points`) hold entries enough but too
    little writing (`_enough_writing`): "too little writing to compare the earlier weeks
    with the later: the first 2 weeks with entries hold 43 scored words, the last 2 weeks 20
    (a comparison needs 300 in each)." Else None: enough writing, no `words` (a summary from
    before periods had them), or too few entries, which `too_few_per_period` and
    `exporters.common.too_few_for_a_trend` say. `entries` and `words`: of the periods with
    numbers, in order."""
    from peerjournal.plural import counted
    from peerjournal.trends import THRESHOLDS

    if words is None:
        return None
    split = split_points([(0.0, n, w) for n, w in zip(entries, words, strict=True) if n])
    if split is None or _enough_writing(split):
        return None
    (first, first_words), (last, last_words) = (
        (len(half), sum(w for _, _, w in half)) for half in split
    )

    def periods(n: int) -> str:
        return unit if n == 1 else counted(n, unit)

    return (
        f"too little writing to compare the earlier {unit}s with the later: the first "
        f"{periods(first)} with entries {'holds' if first == 1 else 'hold'} "
        f"{counted(first_words, 'scored word')}, the last {periods(last)} {last_words:,} "
        f"(a comparison needs {THRESHOLDS.min_window_words:,} in each)."
    )


def period_words(periods: Sequence[Mapping[str, Any]]) -> list[int] | None:
    """Each period's scored words, over which its rates are per 100 (`halves` pools them);
    None when a period does not give them (a summary exported before periods had `words`)."""
    words = [p.get("words") for p in periods]
    return None if any(w is None for w in words) else [int(w or 0) for w in words]


def trend_points(
    series: Sequence[float | None], entries: Sequence[int], words: Sequence[int] | None = None
) -> list[TrendPoint]:
    """(value, entries, weight) of the periods `halves` weighs: those with entries and a
    number; the weight is the period's words, or its entries without `words`."""
    weights = entries if words is None else words
    return [
        (v, n, w)
        for v, n, w in zip(series, entries, weights, strict=True)
        if v is not None and n > 0
    ]


def pooled(points: Sequence[TrendPoint]) -> float | None:
    """The points' rates weighted by their weights: their rate over all their words; None
    without any weight (no scored word)."""
    weight = sum(w for _, _, w in points)
    return sum(v * w for v, _, w in points) / weight if weight else None


@dataclass(frozen=True)
class DimensionTrend:
    """One side (identity or drift) of a dimension over a run of periods: its rate over them,
    its per-period series (None for a period without entries) and its halves (`halves`)."""

    rate: float | None
    series: list[float | None]
    halves: Halves | None


def dimension_trend(
    periods: Sequence[Mapping[str, Any]],
    dim: str,
    polarity: str,
    window: float | None = None,
    *,
    singles: bool = False,
) -> DimensionTrend:
    """`dim`'s `polarity` over `periods` (a report's, or a summary's): the rate is `window`
    (the report's word-weighted `totals.dimensions`, the number its alerts quote) when given,
    else the periods' rates pooled over their words (`halves`); None when no period has a
    number. The report's dimension lines and the summary's dimensions both read it.
    `singles`: as `halves`."""
    series = [
        p["dimensions"].get(dim, {}).get(polarity) if p["entries"] else None for p in periods
    ]
    entries = [p["entries"] for p in periods]
    words = period_words(periods)
    points = trend_points(series, entries, words)
    rate = (window if window is not None else pooled(points)) if points else None
    return DimensionTrend(rate, series, halves(series, entries, words, singles=singles))


def dimension_trends(
    periods: Sequence[Mapping[str, Any]],
    labels: Mapping[str, str],
    window: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """Per dimension (`dimension_trend`): the per-period series, the rate over the period
    (rounded as the summary's numbers are) and the direction. `window`: the report's
    `totals.dimensions`; without them, the periods' rates are weighed."""
    from peerjournal.trends import dimension_title

    dims = list(dict.fromkeys(d for p in periods for d in p["dimensions"]))  # report order
    out = []
    for dim in dims:
        row: dict[str, Any] = {"id": dim, "label": dimension_title(dim, labels)}
        for polarity in POLARITIES:
            rate = _number((window or {}).get(dim, {}).get(polarity))
            t = dimension_trend(periods, dim, polarity, rate)
            row[polarity] = _number(t.rate)
            row[f"{polarity}_series"] = t.series
            row[f"{polarity}_direction"] = t.halves.direction if t.halves else None
        out.append(row)
    return out


def counted_curated(hits: Iterable[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    """The counted hits of curated markers (the lexicon's own phrases, not words learned from
    example entries)."""
    return (
        hit for hit in hits
        if hit.get("counted", True) and hit.get("polarity") in POLARITIES
        and not is_learned_marker(str(hit["marker"]))
    )


def _with_curated(
    rows: list[dict[str, Any]], drifts: Mapping[int, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Each dimension `rows` item with `curated`: per polarity, the counted hits of curated
    markers of it over the period (`markers` lists only the most frequent): with none, its
    number rests on learned words alone (added within schema 1, round 39: optional)."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for drift in drifts.values():
        for hit in counted_curated(drift.get("hits", [])):
            key = (str(hit.get("dimension", "")), str(hit["polarity"]))
            counts[key] += int(hit.get("times", 1))
    for row in rows:
        row["curated"] = {polarity: counts[(row["id"], polarity)] for polarity in POLARITIES}
    return rows


def learned_caveat(
    summary: Mapping[str, Any], polarity: str, dim: Mapping[str, Any] | None = None
) -> str:
    """What a move named in "At a glance" rests on, when that is words learned from example
    entries ("brother", "needs") rather than the tool's own markers, which the marker list
    shows: a mentor would ask about a change the journal never showed. `dim`: a dimension's
    row ("Moved most"); without it, the period's own `polarity` ("Peer identity rose"), over
    every dimension. One wording for both:

    "; none of the phrases counted for it is one of the tool's own markers, so this rests on
    words learned from example entries" when none of its counted phrases is a curated one
    (`curated`: 0); "; most of what counts for it is words learned …: only 2 phrases of the
    tool's own markers counted" when most of its number rests on others (`_mostly_learned`);
    else "", as for a summary without `curated` (before round 39), which does not say."""
    from peerjournal.plural import counted

    rows = [dim] if dim is not None else list(summary.get("dimensions") or ())
    counts = [_curated_count(row, polarity) for row in rows]
    if not rows or any(count is None for count in counts):
        return ""
    count = sum(count or 0 for count in counts)
    if count == 0:
        return ("; none of the phrases counted for it is one of the tool's own markers, so this "
                "rests on words learned from example entries")
    rate = (dim if dim is not None else summary.get("totals") or {}).get(polarity)
    if not _mostly_learned(summary, rows, polarity, rate):
        return ""
    return ("; most of what counts for it is words learned from example entries, which the "
            f"marker list does not show: only {counted(count, 'phrase')} of the tool's own "
            "markers counted")


def _curated_count(row: Mapping[str, Any], polarity: str) -> int | None:
    """A dimension row's counted hits of curated markers on `polarity` (`_with_curated`);
    None in a summary from before it gave them."""
    curated = row.get("curated")
    count = curated.get(polarity) if isinstance(curated, Mapping) else None
    return count if isinstance(count, int) and not isinstance(count, bool) else None


def _mostly_learned(
    summary: Mapping[str, Any], rows: Sequence[Mapping[str, Any]], polarity: str, rate: Any
) -> bool:
    """Whether the `rows`' curated hits, each at the heaviest weight a curated marker of its
    dimension has (`_heaviest_curated`), make less than half of the evidence `rate` (per 100
    words) holds over the summary's words. False when the summary does not give its words."""
    words = period_words(summary.get("periods") or ())
    if words is None or isinstance(rate, bool) or not isinstance(rate, int | float):
        return False
    heaviest = _heaviest_curated(summary)
    curated = sum((_curated_count(row, polarity) or 0)
                  * heaviest.get((str(row.get("id")), polarity), MAX_WEIGHT) for row in rows)
    return curated < rate * sum(words) / 100 / 2


def _heaviest_curated(summary: Mapping[str, Any]) -> dict[tuple[str, str], float]:
    """The heaviest weight of a curated marker per (dimension, polarity) in the lexicon this
    peerjournal ships, when the summary was scored with it alone; else none, and any weight a
    lexicon allows is assumed (MAX_WEIGHT: an organisation's lexicon gets no caveat it may
    not deserve). The parsed lexicon is read from the cache `write` keeps (`paths.cache_dir`),
    as scoring reads it: parsing it anew took an export ~3 s."""
    from peerjournal import paths
    from peerjournal.drift.lexicon import lexicon_version, load_lexicon

    if summary.get("lexicon_versions") != [lexicon_version()]:
        return {}
    heaviest: dict[tuple[str, str], float] = {}
    for m in load_lexicon(None, paths.cache_dir()).markers:
        if not m.learned:
            key = (m.dimension, m.polarity)
            heaviest[key] = max(heaviest.get(key, 0.0), m.weight)
    return heaviest


_MarkerKey = tuple[str, str, bool]  # (polarity, marker, negated)
_Hit = tuple[_MarkerKey, int, int, bool]  # a counted hit: marker, start, end, noticed (drift)


@dataclass(frozen=True)
class _Quote:
    """A sentence that could be quoted for a marker: where its hit is, and what else it holds."""

    date: str
    text: str  # the entry's scored text (the hit indexes into it)
    start: int
    end: int
    sentence: str  # the whole sentence, as `_quote_key` gives it: each is quoted once
    mixed: bool  # the sentence also holds a curated hit counted for the other polarity
    noticed: bool  # the writer noticed the marker as they wrote ("I caught myself…")


def top_markers(
    entries: Sequence[Entry],
    drifts: Mapping[int, Mapping[str, Any]],
    labels: Mapping[str, str],
    redact: Redact,
    keep: Sequence[str] = (),
) -> dict[str, list[dict[str, Any]]]:
    """The most frequent counted markers per polarity; excerpts only from shared entries,
    redacted by `redact` (`keep`: its replacements, never cut: see `excerpt`).

    A negated marker that counted was flipped ("I didn't share my story"): it is listed under
    the polarity it counted for, named as its opposite ("not sharing their recovery story":
    labels say "their" for "your", as the mentor reads them, `writer_words.about_the_writer`).
    `noticed`, for a drift marker: how many of its hits in shared entries the writer noticed
    themselves ("I caught myself calling him manipulative"): still counted, as the drift
    engine counts them, but the awareness is what a mentor reads there. Shared entries only:
    an export reads the other entries' compact scores (`db.stats.summary_drifts`), which keep
    no flags (and each marker once, with the `times` it counted). An identity marker's is
    always 0: the noticing is of a slip. Excerpts: see `_choose_quotes`."""
    from peerjournal.exporters.writer_words import about_the_writer
    from peerjournal.trends import dimension_title

    counts: dict[_MarkerKey, int] = defaultdict(int)
    noticed: dict[_MarkerKey, int] = defaultdict(int)
    seen_in: dict[_MarkerKey, set[int]] = defaultdict(set)
    dimension_of: dict[str, str] = {}
    shared: list[tuple[Entry, list[_Hit]]] = []  # each with its curated counted hits
    for entry in sorted(entries, key=lambda e: (e.date, e.id)):
        curated: list[_Hit] = []
        for hit in counted_curated(drifts.get(entry.id, {}).get("hits", [])):
            key = (str(hit["polarity"]), str(hit["marker"]), bool(hit.get("negated")))
            aware = key[0] == "drift" and entry.shared and bool(hit.get("self_noticed"))
            counts[key] += int(hit.get("times", 1))
            noticed[key] += aware
            seen_in[key].add(entry.id)
            dimension_of[key[1]] = str(hit.get("dimension", ""))
            if entry.shared:
                curated.append((key, int(hit["start"]), int(hit["end"]), aware))
        if curated:
            shared.append((entry, curated))
    ranked = {
        polarity: sorted(
            (k for k in counts if k[0] == polarity), key=lambda k: (-counts[k], k[1], k[2])
        )[:TOP_MARKERS]
        for polarity in POLARITIES
    }
    listed = {key for keys in ranked.values() for key in keys}
    cached = lru_cache(maxsize=64)(redact)  # a passage, redacted once for all its quotes
    chosen = _choose_quotes(
        ranked, counts, _candidates(shared, listed),
        lambda q: excerpt(q.text, q.start, q.end, cached, keep=keep),
    )
    return {
        polarity: [
            {
                "id": marker,
                "label": about_the_writer(marker_label(marker, labels, negated=negated)),
                "dimension": dimension_of[marker],
                "dimension_label": dimension_title(dimension_of[marker], labels),
                "count": counts[(polarity, marker, negated)],
                "entries": len(seen_in[(polarity, marker, negated)]),
                "noticed": noticed[(polarity, marker, negated)],
                "excerpts": chosen[(polarity, marker, negated)],
            }
            for _, marker, negated in ranked[polarity]
        ]
        for polarity in POLARITIES
    }


# A marker's candidate sentences of each kind (mixed or not) kept, earliest first: the other
# listed markers quote at most 18 sentences, so 20 leave a marker room for its two (reading
# every shared entry's sentences for a common marker cost a year's export ~40 ms).
MAX_CANDIDATES = 2 * TOP_MARKERS * EXCERPTS_PER_MARKER
_Candidates = dict[_MarkerKey, dict[str, _Quote]]  # marker -> {sentence: quote}, in order


def _candidates(
    shared: Sequence[tuple[Entry, Sequence[_Hit]]], listed: set[_MarkerKey]
) -> _Candidates:
    """The sentences the listed markers' hits are in, from the shared entries (each with its
    curated counted hits), earliest first, up to MAX_CANDIDATES of each kind per marker.

    A sentence is mixed when a curated hit of the other polarity is in it too, what a mentor
    could see quoted on the other side: a learned word ("felt a", "meds") does not count."""
    quotes: _Candidates = {key: {} for key in listed}
    kept: Counter[tuple[_MarkerKey, bool]] = Counter()
    wanted = set(listed)  # the markers still short of clean candidates
    for entry, hits in shared:
        if not any(key in wanted for key, _, _, _ in hits):
            continue
        text = _scored_text(entry)
        ends = sentence_ends(text)
        spans = [_sentence(ends, len(text), start, end) for _, start, end, _ in hits]
        holding = {p: {span for span, h in zip(spans, hits, strict=True) if h[0][0] == p}
                   for p in POLARITIES}
        for (key, start, end, aware), (lo, hi) in zip(hits, spans, strict=True):
            mixed = (lo, hi) in holding[POLARITIES[1 - POLARITIES.index(key[0])]]
            if key not in listed or kept[(key, mixed)] >= MAX_CANDIDATES:
                continue
            sentence = _quote_key(text[lo:hi])
            if sentence not in quotes[key]:
                quotes[key][sentence] = _Quote(entry.date.isoformat(), text, start, end,
                                               sentence, mixed, aware)
                kept[(key, mixed)] += 1
                if not mixed and kept[(key, mixed)] == MAX_CANDIDATES:
                    wanted.discard(key)
    return quotes


def _sentence(ends: Sequence[int], size: int, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end], given where the text's sentences end: from the
    last end before it to the first at or after its end."""
    before = bisect_right(ends, start) - 1
    after = bisect_left(ends, end)
    return (ends[before] if before >= 0 else 0, ends[after] if after < len(ends) else size)


def _choose_quotes(
    ranked: Mapping[str, Sequence[_MarkerKey]],
    counts: Mapping[_MarkerKey, int],
    quotes: _Candidates,
    shown: Callable[[_Quote], str],
) -> dict[_MarkerKey, list[dict[str, Any]]]:
    """Up to EXCERPTS_PER_MARKER excerpts ({date, text, noticed}, the text as `shown` gives
    it; noticed: the writer noticed the quoted marker) for each listed marker, earliest first.

    A sentence is quoted once in a summary, and so is a text (two sentences that differ only
    in a redacted name read the same). The markers take turns, strongest first (the most
    counted; between equals, the higher ranked, identity before drift), one quote a turn, so
    every marker gets a quote before any gets two. A marker takes a sentence of its own before
    one that other listed markers hold too ("I shared my story and we made a plan she chose"),
    which is left to the strongest of them that has no other.

    A sentence that also counts for the other side ("I doubted whether I belong here":
    self-doubt, and belonging) is quoted only for a marker left with no quote, drift markers
    first: drift in a sentence is what a reader takes from it."""
    order = sorted(
        (key for polarity in POLARITIES for key in ranked[polarity]),
        key=lambda k: (-counts[k], ranked[k[0]].index(k), POLARITIES.index(k[0])),
    )
    held_by = Counter(sentence for key in order for sentence in quotes.get(key, {}))
    chosen: dict[_MarkerKey, list[tuple[_Quote, str]]] = {key: [] for key in order}
    used: set[str] = set()  # sentences, and texts as shown

    def take(key: _MarkerKey, mixed: bool) -> None:
        free = [q for s, q in quotes.get(key, {}).items() if s not in used and q.mixed == mixed]
        for quote in sorted(free, key=lambda q: held_by[q.sentence]):  # stable: earliest first
            text = shown(quote)
            if _quote_key(text) not in used:
                chosen[key].append((quote, text))
                used.update((quote.sentence, _quote_key(text)))
                return
            used.add(quote.sentence)  # reads as a quote already given

    for _ in range(EXCERPTS_PER_MARKER):
        for key in order:
            take(key, mixed=False)
    for key in sorted(order, key=lambda k: k[0] != "drift"):  # stable: strongest first
        if not chosen[key]:
            take(key, mixed=True)
    result = {}
    for key, picked in chosen.items():
        position = {sentence: n for n, sentence in enumerate(quotes.get(key, {}))}
        picked.sort(key=lambda pair: position[pair[0].sentence])
        result[key] = [{"date": quote.date, "text": text, "noticed": quote.noticed}
                       for quote, text in picked]
    return result


def _quote_key(text: str) -> str:
    """Two quotes are the same when they differ only in case, spacing and the ellipses that
    mark a cut."""
    return " ".join(text.replace("…", " ").split()).casefold()


def _scored_text(entry: Entry) -> str:
    """The same text drift scores: its hits index into it."""
    return scored_text(entry.experience, entry.feelings, entry.evaluation, entry.answers)


# Marks a quote may be cut after inside a sentence written without spaces ("，", "、")
_PAUSES = frozenset("，、；：」』）〉》")


def excerpt(
    text: str, start: int, end: int, redact: Redact = _identity,
    context: int = EXCERPT_CONTEXT, keep: Sequence[str] = (),
) -> str:
    """The words around text[start:end], kept inside its sentence, as `redact` shows them.

    The text is redacted first (the sentence, and one either side) and the quote cut from
    that, so a cut never falls inside a name (half of "王小明" is no name the redactor knows)
    nor inside what replaced one: `keep`, the replacements ("[person]", aliases). A cut falls
    at a space, or after a pause mark ("，") in a script written without spaces; only where
    no such place is within `context` more characters is a run of letters cut.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    ends = sentence_ends(text)
    # the hit's sentence and the one either side: what the redactor reads around a name at
    # the sentence's edges ("Jo-\nnes"), without redacting the whole text for each quote
    before, after = bisect_right(ends, start) - 2, bisect_left(ends, end) + 1
    origin = ends[before] if before >= 0 else 0
    piece = text[origin : ends[after] if after < len(ends) else len(text)]
    shown, lo, hi = _redacted_hit(piece, start - origin, end - origin, redact)
    kept = _kept_spans(shown, keep)
    ends = [at for at in sentence_ends(shown) if not _inside(kept, at - 1)]
    first, last = _sentence(ends, len(shown), lo, hi)
    if lo - context > first:  # from the widest context in, else out to the sentence's start
        outer = max(first, lo - 2 * context)
        lo = _cut(shown, kept, range(lo - context, lo + 1), range(lo - context, outer - 1, -1))
    else:
        lo = first
    if hi + context < last:
        outer = min(last, hi + 2 * context)
        hi = _cut(shown, kept, range(hi + context, hi - 1, -1), range(hi + context, outer + 1))
    else:
        hi = last
    prefix = "…" if shown[first:lo].strip() else ""
    suffix = "…" if shown[hi:last].strip() else ""
    # redacted once more as it is shown: a name the piece's context kept (a word-name read as
    # the word, a name broken over a line) is replaced if the quote alone reads it as one
    return f"{prefix}{redact(' '.join(shown[lo:hi].split()))}{suffix}"


def _redacted_hit(text: str, start: int, end: int, redact: Redact) -> tuple[str, int, int]:
    """`text` redacted, and where text[start:end] is in it: found by redacting the text again
    with a mark (a private-use character it does not hold) either side of the hit. Where the
    marks change what is replaced (a name right beside the hit), the hit's words are looked
    for nearest to where they would be."""
    shown = redact(text)
    mark = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text)
    marked = redact(f"{text[:start]}{mark}{text[start:end]}{mark}{text[end:]}")
    if marked.count(mark) == 2 and marked.replace(mark, "") == shown:
        lo = marked.index(mark)
        return shown, lo, marked.index(mark, lo + 1) - 1
    guess = start * len(shown) // max(len(text), 1)
    hit = text[start:end]
    found = [m.start() for m in re.finditer(re.escape(hit), shown)] if hit else []
    lo = min(found, key=lambda at: abs(at - guess)) if found else guess
    return shown, lo, lo + len(hit) if found else lo


def _kept_spans(text: str, keep: Sequence[str]) -> list[tuple[int, int]]:
    """Where the replacements `keep` are in `text`: a quote is never cut inside one."""
    if not keep:
        return []
    words = "|".join(map(re.escape, sorted(set(keep), key=len, reverse=True)))
    return [m.span() for m in re.finditer(words, text)]


def _inside(spans: Sequence[tuple[int, int]], at: int) -> bool:
    """Whether a cut at `at` falls inside one of `spans` (not at its edge)."""
    return any(start < at < end for start, end in spans)


def _cut(
    text: str, kept: Sequence[tuple[int, int]], near: range, further: range
) -> int:
    """Where to cut `text`: the first place in `near` that is a word's edge (`_edge`) outside
    the `kept` replacements, else the first in `further`, else `near`'s first, moved out of a
    replacement it falls inside (the replacement kept whole)."""
    for place in (*near, *further):
        if _edge(text, place) and not _inside(kept, place):
            return place
    at = near[0]
    for start, stop in kept:
        if start < at < stop:
            return start if near.step > 0 else stop
    return at


def _edge(text: str, at: int) -> bool:
    """Whether `at` is at a space or after a pause mark: a cut there splits no word."""
    if at <= 0 or at >= len(text):
        return True
    return text[at - 1].isspace() or text[at].isspace() or text[at - 1] in _PAUSES


def _intentions(entry: Entry, layout: Layout, redact: Redact) -> list[str]:
    """The things the writer will do, found in the evaluation and its answers as written (an
    alias's full stop, "N.", would end a sentence), each sentence redacted whole before a long
    one is cut short (`intentions.MAX_CHARS`): a cut made first could leave half a name ("王小"
    of 王小明) that no redaction knows."""
    answers = element_answers(entry.answers, layout, "evaluation")
    return evaluation_intentions(entry.evaluation, answers, shown=redact)


# A run of letters and digits between a tag's or setting's visible joins (spaces, "-", "_",
# ".", "/", an apostrophe)
_LABEL_PART = re.compile(r"[^\W_]+")


def _label_redactor(redactor: Redactor) -> Redact:
    """A tag or a setting is a label (`Redactor.label`: names in any case at its joins,
    "housing-[person]", "[person]'s flat"; a run holding a listed name that is no everyday
    word replaced whole, "ngozicare", "kerryvisit", as a hashtag would be; one that is an
    everyday word kept inside an English word, "marketing", "willpower", "Greenwich"). One
    rule, redaction's: the label a file name is checked with too."""
    return redactor.label


# In a tag or setting, what follows a word that makes it a person: a feeling or what a person
# does ("busy ward, jamal upset", "kai shouting"), or, glued to a listed name that is an
# everyday word, what a person has ("willvisit", "hopesflat")
_DOING = re.compile(r"(?:shout|cry|scream|yell|swear|sobb|kick|laugh|smil|wait|sleep)ing")
_PERSON_WORDS = word_set(
    """client clients patient patients resident residents member members user users everyone
    someone people peer peers mentee visitor visitors man woman men women boy girl lady guy
    staff nurse nurses"""
)
_HAD = word_set("visit visits call calls chat meeting review care plan flat house home mum dad "
                "room notes file")
_SETTING_WORDS = re.compile(r"(?<![^\W\d_])([^\W\d_]+)[^\S\n]+([^\W\d_]+)")
# a doing word so followed names a place, not what someone does ("waiting room")
_PLACE_AFTER = re.compile(r"[^\S\n]+(?:room|area|list|time|hall|lounge|bay)s?(?![^\W\d_])",
                          re.IGNORECASE)


def _no_name(word: str) -> bool:
    """A letter alone or an abbreviation in capitals ("E" of "A&E", "NHS"): no name."""
    return len(word) < 2 or word.isupper()


def label_words_in_doubt(label: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """Spans of the words of a tag or setting (as exported) that redaction kept but may name
    someone, for the writer to check: one in lower case that a feeling or a person's doing
    follows ("jamal upset"), as "Jamal upset" is questioned; and one holding a listed name
    that is an everyday word glued to what a person has ("willvisit" for Will Turner)."""
    from peerjournal.namewords import FEELINGS, PERSON_VERBS
    from peerjournal.redact import _an_everyday_word, _plain, everyday_name

    spans = []
    for m in _SETTING_WORDS.finditer(label):
        word, after = _plain(m.group(1)), m.group(2).casefold()
        doing = bool(_DOING.fullmatch(after)) and not _PLACE_AFTER.match(label, m.end())
        if (after in FEELINGS or doing or re.fullmatch(PERSON_VERBS, after)) and not (
                _no_name(m.group(1)) or _an_everyday_word(word) or word in _PERSON_WORDS
                or word in FEELINGS):
            spans.append(m.span(1))
    listed = {key for name in names for part in re.split(r"[\W\d_]+", name)
              if len(key := _plain(part)) >= 4 and everyday_name(key)}
    for m in _LABEL_PART.finditer(label):
        key = _plain(m.group())
        if any(key.startswith(form) and key[len(form):].removeprefix("s") in _HAD
               for form in listed):
            spans.append(m.span())
    return sorted(set(spans))


def _settings_in_alerts(
    entries: Sequence[Entry], label: Redact
) -> list[tuple[re.Pattern[str], str]]:
    """(where a setting shows in an alert, its label-redacted text), for each setting that
    holds a name: alerts name a setting as the report shows it, in lower case ("mostly
    advice in will's flat shifts"), where prose redaction would leave "will" alone."""
    from peerjournal.setting_groups import setting_key

    out = []
    keys = {setting_key(e.setting) for e in entries if e.setting.strip()}
    for key in sorted(keys, key=len, reverse=True):  # "will's flat" before "flat"
        redacted = label(key)
        if redacted != key:
            out.append((re.compile(rf"(?<!\w){re.escape(key)}(?!\w)"), redacted))
    return out


def _alert(
    raw: Any, redact: Redact, settings: Sequence[tuple[re.Pattern[str], str]] = ()
) -> dict[str, str]:
    if isinstance(raw, Mapping):
        message = str(raw.get("message") or raw.get("text") or raw.get("title") or "")
        kind = raw.get("kind") or raw.get("level") or raw.get("id") or "alert"
    else:
        message, kind = str(raw), "alert"
    for where, redacted in settings:
        message = where.sub(redacted.replace("\\", "\\\\"), message)  # literally
    return {"kind": str(kind), "message": redact(message)}


def _shared_entry(
    entry: Entry, redact: Redact, label: Redact, layout: Layout
) -> dict[str, Any]:
    def element(name: str) -> str:
        # the element's text with the answers to its questions (they are stored apart)
        return redact(element_text(getattr(entry, name), entry.answers, layout, name))

    return {
        "date": entry.date.isoformat(),
        "setting": label(entry.setting),
        "mode": entry.mode,
        "tags": sorted({label(t) for t in entry.tags}),  # no order that hints at a name
        "experience": element("experience"),
        "feelings": element("feelings"),
        "evaluation": element("evaluation"),
        "self_care": redact(entry.self_care),
        "drift": entry.drift_verdict,
    }


def _selfcheck(check: SelfCheck, redact: Redact) -> dict[str, Any]:
    return {
        "date": check.created_at.date().isoformat(),
        "items": [
            {
                "id": item.id,
                "section": item.section,
                "text": item.text,
                "score": item.score,
                "note": redact(item.note),
            }
            for item in check.items
        ],
    }


def in_doubt_sentences(places: Sequence[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(where: an entry's date, or "--note"; the words around the replaced one, as written)
    of each place (`in_doubt_places`) once: each sentence of the shared entries and the note
    where a listed word-name was replaced though the sentence does not say whether it is the
    person or the word (as `Redactor.in_doubt` counts them), so the writer can find the one
    "[person]" that was a verb ("Mark up the rota."). Journal text with the name in it: for
    the writer's own terminal, never a file."""
    return list(dict.fromkeys((where, sentence) for where, _, sentence in places))


def in_doubt_places(data: SummaryInput, redactor: Redactor) -> list[tuple[str, str, str]]:
    """(where, the word as written, the words of its sentence around it: `_words_around`) of
    each place in the writer's shared texts that `in_doubt_sentences` quotes, once each:
    `Redactor.in_doubt` counts a place once for every time redaction read it (the entry, a
    quote of it, an intention of it)."""
    from peerjournal.redact import nfc, replaced_in_doubt

    if not redactor.in_doubt:
        return []
    sources = [
        (e.date.isoformat(), element_text(getattr(e, name), e.answers,
                                          data.layouts.get(e.prompt_set, {}), name))
        for e in sorted(data.entries, key=lambda e: (e.date, e.id)) if e.shared
        for name in ("experience", "feelings", "evaluation")
    ]
    sources += [(e.date.isoformat(), e.self_care) for e in data.entries if e.shared]
    sources.append(("--note", data.note.strip()))
    found = []
    for where, raw in sources:
        text = nfc(raw)
        found += [
            (where, text[start:end], _words_around(text, start, end))
            for start, end, _, _ in redactor.name_spans(text, any_case=False)  # as it redacts
            if text[start:end] in redactor.in_doubt and replaced_in_doubt(text, start, end)
        ]
    return found


def people_together(data: SummaryInput, redactor: Redactor) -> list[str]:
    """The dates of the shared entries in which two or more different listed people without
    an alias are replaced, each by the same "[person]": the mentor cannot follow who did what
    there ("[person] helped [person]"). A replaced word no listed name matches as written (a
    misspelling, "Zoey" or "Grcae") is left out: it may well be one of the others."""
    from peerjournal.redact import PLACEHOLDER, contains_name, nfc

    plain = [p for p in redactor.people if p.replacement == PLACEHOLDER]
    if len(plain) < 2:
        return []
    dates = []
    for e in sorted((e for e in data.entries if e.shared), key=lambda e: (e.date, e.id)):
        texts = [element_text(getattr(e, name), e.answers, data.layouts.get(e.prompt_set, {}),
                              name) for name in ("experience", "feelings", "evaluation")]
        who: set[str] = set()
        for text in map(nfc, [*texts, e.self_care]):
            for start, end, _, put in redactor.name_spans(text, any_case=False):  # as it redacts
                if put == PLACEHOLDER:
                    word = text[start:end]
                    named = (p.name for p in plain if contains_name(word, [p], any_case=True))
                    who.update(filter(None, [next(named, None)]))  # (one person a word)
        if len(who) > 1:
            dates.append(e.date.isoformat())
    return dates


# Characters of a sentence quoted around a replaced word at most (`_words_around`)
IN_DOUBT_CHARS = 60


def _words_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds the word at `start`:`end`, on one line, cut at spaces
    to about IN_DOUBT_CHARS around the word ("…at the office, my hope is gone."), so the quote
    always shows the word, wherever in a long sentence it is."""
    ends = sentence_ends(text)
    begin = max((i for i in ends if i <= start), default=0)
    begin = text.rfind("\n", begin, start) + 1 or begin
    stop = next((i for i in ends if i > start), len(text))
    newline = text.find("\n", end, stop)
    stop = stop if newline < 0 else newline
    before, word, after = text[begin:start], text[start:end], text[end:stop]
    before = " ".join(before.split()) + (" " if before[-1:].isspace() and before.strip() else "")
    after = (" " if after[:1].isspace() else "") + " ".join(after.split())
    room = max(0, IN_DOUBT_CHARS - len(word))
    right = min(len(after), max(room // 2, room - len(before)))
    left = min(len(before), room - right)
    head = before[len(before) - left:]
    if left < len(before):
        head = "…" + head[head.find(" ") + 1:] if " " in head else "…"
    tail = after[:right]
    if right < len(after):
        tail = (tail[: tail.rfind(" ")] if " " in tail.strip() else tail.rstrip()) + "…"
    return head + word + tail


def journal_texts(summary: Mapping[str, Any]) -> list[str]:
    """Every string in a summary that came from the writer's journal (for the preview)."""
    texts = [summary.get("writer") or "", summary["note"]]
    texts += [a["message"] for a in summary["alerts"]]
    texts += [x["text"] for p in POLARITIES for m in summary["markers"][p] for x in m["excerpts"]]
    texts += [i["text"] for i in summary["intentions"]]
    for entry in summary["shared_entries"]:
        texts += [entry["setting"], *entry["tags"], entry["experience"], entry["feelings"],
                  entry["evaluation"], entry["self_care"]]
    if summary.get("selfcheck"):
        texts += [i["note"] for i in summary["selfcheck"]["items"]]
    return [t for t in texts if t]


def journal_labels(summary: Mapping[str, Any]) -> list[str]:
    """The settings and tags of the shared entries: journal text, in lower case."""
    return [label for entry in summary["shared_entries"]
            for label in (entry["setting"], *entry["tags"]) if label]


# ------------------------------------------------------------------------------ validation


class SummaryError(PeerJournalError):
    """A summary file that review cannot read; the message names the file."""


def changed_after_export(name: str, problem: str) -> SummaryError:
    """The one message for a summary file that holds what no export writes (`problem`, in
    words): the same wherever review finds it (validation, `reviewing.check_as_exported`, a
    key given twice)."""
    return SummaryError(
        f"{name}: the file was changed after it was exported ({problem}); ask for the summary "
        "to be sent again."
    )


class NotASummary(SummaryError):
    """A file that is no summary at all (another export, a backup, a report, not JSON), rather
    than a summary that is damaged: `review FOLDER` skips it with a line."""


class OtherExport(NotASummary):
    """A summary exported in a format other than JSON (`kind`: "Markdown"), to read as it
    is: `review FOLDER` skips such copies together, in one line by kind."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


_Check = Callable[[Any], bool]


def _is_str(v: Any) -> bool:
    return isinstance(v, str)


def _is_opt_str(v: Any) -> bool:
    return v is None or isinstance(v, str)


def _is_num(v: Any) -> bool:
    return v is None or (
        isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
    )


# The highest rate a score can have (drift.score): per 100 words, the counted weights of the
# curated hits (which never overlap: one a word at most) and of the learned ones (nor do they;
# each at most its weight) on top, each weight at most MAX_WEIGHT. Periods and totals are
# means of entries' rates, so no higher. A larger one is a damaged or edited file (the
# labelled and demo entries reach 114).
MAX_RATE = 100 * 2 * MAX_WEIGHT


def _is_rate(v: Any) -> bool:
    """Evidence per 100 words: never negative, never absurd."""
    return _is_num(v) and (v is None or 0 <= v <= MAX_RATE)


def _too_large(v: Any) -> bool:
    """A number that fails `_is_rate` only by its size: the reason to give is its limit."""
    return _is_num(v) and v is not None and v > MAX_RATE


def _is_balance(v: Any) -> bool:
    return _is_num(v) and (v is None or -1 <= v <= 1)


def _is_count(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def _is_time(v: Any) -> bool:
    """A date and time with its offset from UTC, as export writes `generated_at`."""
    if not isinstance(v, str):
        return False
    try:
        return datetime.fromisoformat(v).utcoffset() is not None
    except ValueError:
        return False


def _is_date(v: Any) -> bool:
    if not isinstance(v, str):
        return False
    try:
        date.fromisoformat(v)
    except ValueError:
        return False
    return True


def _is_score(v: Any) -> bool:
    return v is None or (isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 5)


def _is_bool(v: Any) -> bool:
    return isinstance(v, bool)


def _is_by(v: Any) -> bool:
    """A word of the review's headings: any other string is a damaged or edited file."""
    from peerjournal.trends import PERIODS

    return v in PERIODS


def _is_direction(v: Any) -> bool:
    return v in (None, "up", "down", "steady")


# What a value that fails each check is not, in a mentor's words.
_WRONG: dict[_Check, str] = {
    _is_str: "is not text",
    _is_time: "is not a date and time with its offset from UTC",
    _is_opt_str: "is not text",
    _is_rate: "is not a number of 0 or more",
    _is_balance: "is not a number from -1 to 1",
    _is_count: "is not a whole number of 0 or more",
    _is_date: "is not a date",
    _is_score: "is not a score from 1 to 5",
    _is_bool: "is not true or false",
    _is_by: "is not week or month",
    _is_direction: "is not up, down or steady",
}
# what a rate above MAX_RATE is, after "is" or "holds a number"
TOO_LARGE = f"more than {MAX_RATE:,g} per 100 words, larger than any real rate"
_KINDS = ((type(None), "null"), (bool, "true or false"), (int | float, "a number"),
          (str, "text"), (list, "a list"))


def _spoken(where: str) -> str:
    """A field's place in words a mentor can read out: "selfcheck items #1 score" for
    "selfcheck.items[0].score"."""
    where = re.sub(r"\[(\d+)\]", lambda m: f" #{int(m[1]) + 1}", where)
    return where.replace(".", " ").replace("_", " ")


_FIELDS: dict[str, _Check] = {
    "generated_at": _is_time,
    "generator": _is_str,
    "writer": _is_opt_str,
    "note": _is_str,
}
# A list longer than this is refused: room for a journal of many years with every entry
# shared (a 20,000-entry journal over ten years), not for an unbounded one.
_MAX_ITEMS = 100_000


class _Validator:
    """Checks that fail with one line a mentor can act on: what is wrong, in words, and the
    remedy, as review's other errors give them."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, where: str, problem: str) -> SummaryError:
        return changed_after_export(self.name, f"{_spoken(where)} {problem}")

    def obj(self, value: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(where, "is not in the form a summary gives it")
        return value

    def items(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, "is not a list")
        if len(value) > _MAX_ITEMS:
            raise self.fail(where, f"has more than {_MAX_ITEMS:,} items")
        return value

    def field(self, parent: Mapping[str, Any], key: str, check: _Check, where: str) -> Any:
        place = f"{where}.{key}".lstrip(".")
        if key not in parent:
            raise self.fail(place, "is missing")
        value = parent[key]
        if not check(value):
            if check is _is_rate and _too_large(value):
                raise self.fail(place, f"is {TOO_LARGE}")
            raise self.fail(place, _WRONG.get(check, "has a value a summary cannot have"))
        return value

    def fields(self, parent: Any, where: str, checks: Mapping[str, _Check]) -> Mapping[str, Any]:
        obj = self.obj(parent, where)
        for key, check in checks.items():
            self.field(obj, key, check, where)
        return obj


def balance_range(identity: float, drift: float) -> tuple[float, float] | None:
    """The balances, (identity - drift) / (identity + drift), that `identity` and `drift` as a
    summary gives them (rounded to 3 decimals) may come from, rounded as review shows them (to
    2: a file written by hand may give them so); None when identity and drift may both be 0,
    and any balance (or none) may be right."""
    half = 0.0005 + 1e-9  # half a thousandth, and what a float adds to it
    shown = 0.005 + 1e-9  # half a hundredth
    low_identity, high_drift = max(0.0, identity - half), drift + half
    high_identity, low_drift = identity + half, max(0.0, drift - half)
    if identity - half <= 0 and drift - half <= 0:
        return None
    low = (low_identity - high_drift) / (low_identity + high_drift)
    high = (high_identity - low_drift) / (high_identity + low_drift)
    return max(-1.0, low - shown), min(1.0, high + shown)


def _check_balance(v: _Validator, values: Mapping[str, Any], where: str) -> None:
    """The balance of `values` (the totals, or a period: `where`) is the one their identity
    and drift give, give or take rounding (`balance_range`); null only when there is no
    evidence (both 0), or for numbers that are "too little" (`_too_little`)."""
    identity, drift, balance = values["identity"], values["drift"], values["balance"]
    if identity is None or drift is None or (balance is None and values.get("too_little")):
        return
    possible = balance_range(identity, drift)
    if possible is None:
        return
    low, high = possible
    if balance is None or not low <= balance <= high:
        given = "null" if balance is None else f"{balance:g}"
        expected = f"{(identity - drift) / (identity + drift):.3f}"
        raise v.fail(f"{where}.balance", f"is {given}, but {_spoken(where)} identity "
                                         f"{identity:g} and drift {drift:g} make it {expected}")


def _check_marked(v: _Validator, period: Mapping[str, Any], where: str) -> None:
    """A period's `marked_entries` and `dimension_entries` (added within schema 1 in round
    48: optional) are counts of its entries, none more than it holds, and come together
    (export writes both: one alone makes "At a glance" and the table weigh differently)."""
    given = [key for key in ("marked_entries", "dimension_entries") if key in period]
    if len(given) == 1:
        missing = "dimension_entries" if given == ["marked_entries"] else "marked_entries"
        raise v.fail(f"{where}.{missing}",
                     f"is missing, though {_spoken(f'{where}.{given[0]}')} is given")
    counts = {f"{where}.dimension_entries.{dim}": n for dim, n in
              v.obj(period.get("dimension_entries", {}), f"{where}.dimension_entries").items()}
    if "marked_entries" in period:
        counts[f"{where}.marked_entries"] = period["marked_entries"]
    for place, marked in counts.items():
        checked = v.fields(marked, place, dict.fromkeys(POLARITIES, _is_count))
        for polarity in POLARITIES:
            if (n := checked[polarity]) > period["entries"]:
                raise v.fail(f"{place}.{polarity}",
                             f"is {n:,}, more than {_spoken(where)} entries")


def _check_periods(v: _Validator, periods: list[Any], since: date, until: date,
                   total: int) -> None:
    """Each period is well formed, within the summary's period (export clips the first and
    last to it), with its balance checked as the totals' is; their entries add up to `total`."""
    for n, p in enumerate(periods):
        where = f"periods[{n}]"
        period = v.fields(p, where, {"start": _is_date, "end": _is_date, "entries": _is_count,
                                     "identity": _is_rate, "drift": _is_rate,
                                     "balance": _is_balance})
        if "words" in period:  # added within schema 1: optional
            v.field(period, "words", _is_count, where)
        for dim, vals in v.obj(period.get("dimensions", {}), f"{where}.dimensions").items():
            v.fields(vals, f"{where}.dimensions.{dim}", {"identity": _is_rate, "drift": _is_rate})
        _check_marked(v, period, where)
        start, end = date.fromisoformat(period["start"]), date.fromisoformat(period["end"])
        if start > end:
            raise v.fail(f"{where}.start", f"is after {_spoken(where)} end")
        if start < since:
            raise v.fail(f"{where}.start", f"is {start.isoformat()}, before period since "
                                           f"{since.isoformat()}")
        if end > until:
            raise v.fail(f"{where}.end", f"is {end.isoformat()}, after period until "
                                         f"{until.isoformat()}")
        _check_balance(v, period, where)
    in_periods = sum(p["entries"] for p in periods)
    if in_periods != total:
        raise v.fail("entries.total", f"is {total:,}, but the periods' entries add up "
                                      f"to {in_periods:,}")


# Rounding the dimensions' numbers may add up to (each is given to a thousandth, of entries'
# rates each stored to a thousandth): far below a change that would mislead a mentor
_DIMENSION_ROUNDING = 0.002


def _check_dimensions(
    v: _Validator, rows: list[Mapping[str, Any]], periods: list[Mapping[str, Any]]
) -> None:
    """The dimensions agree with the periods, within rounding, as an export writes them: each
    series is the periods' numbers for it, and each rate is a word-weighted mean of its
    series, so within its lowest and highest. (Their sum is not checked against the totals:
    entries scored with an older lexicon have dimensions no longer listed.)"""
    for n, row in enumerate(rows):
        if "curated" in row:  # added within schema 1 (round 39): optional
            v.fields(row["curated"], f"dimensions[{n}].curated",
                     dict.fromkeys(POLARITIES, _is_count))
    for polarity in POLARITIES:
        for n, row in enumerate(rows):
            where = f"dimensions[{n}]"
            series = row.get(f"{polarity}_series")
            if series is not None:
                _check_series(v, row, polarity, periods, where)
            rate, known = row[polarity], [x for x in series or () if x is not None]
            if rate is not None and known and not (
                min(known) - _DIMENSION_ROUNDING <= rate <= max(known) + _DIMENSION_ROUNDING
            ):
                raise v.fail(f"{where}.{polarity}", f"is {rate:g}, but its periods' numbers "
                                                    f"are {min(known):g} to {max(known):g}")


def _check_series(
    v: _Validator, row: Mapping[str, Any], polarity: str, periods: list[Mapping[str, Any]],
    where: str,
) -> None:
    """A dimension's series is its number in each period that gives one, in the periods'
    order."""
    series = row[f"{polarity}_series"]
    if len(series) != len(periods):
        raise v.fail(f"{where}.{polarity}_series", f"has {len(series):,} numbers, but there "
                                                   f"are {len(periods):,} periods")
    for k, (value, period) in enumerate(zip(series, periods, strict=True)):
        given = ((period.get("dimensions") or {}).get(row["id"]) or {}).get(polarity)
        if value is not None and given is not None and abs(value - given) > _DIMENSION_ROUNDING:
            raise v.fail(f"{where}.{polarity}_series",
                         f"differs from periods #{k + 1} dimensions {row['id']} {polarity}")


# How far after `now` a summary's generated_at may be: the writer's clock may be ahead of the
# mentor's, but not by days.
CLOCK_SKEW = timedelta(days=1)


def validate_summary(data: Any, name: str, now: datetime | None = None) -> dict[str, Any]:
    """Check a loaded summary against schema 1; raise SummaryError naming `name` and the field.
    `now`: the reader's time, which generated_at may pass by CLOCK_SKEW at most (None: the
    summary was made just now, as export checks its own)."""
    v = _Validator(name)
    if not isinstance(data, Mapping):  # a list is caught before (review's _not_a_summary)
        kind = next((k for t, k in _KINDS if isinstance(data, t)), "something else")
        raise NotASummary(
            f"{name}: not a summary (the file holds only {kind}); `peerjournal review` reads "
            "the file made by `peerjournal export --format json`."
        )
    doc = data
    schema = doc.get("schema")
    if not isinstance(schema, str) or not schema.startswith(SCHEMA_FAMILY):
        raise NotASummary(f"{name}: not a peerjournal summary (no \"schema\": \"{SCHEMA}\").")
    version = schema[len(SCHEMA_FAMILY):]
    if version.isdigit() and int(version) < int(SCHEMA[len(SCHEMA_FAMILY):]):
        raise SummaryError(
            f"{name}: a summary from an older peerjournal (schema {schema!r}), which this one "
            "no longer reads; ask for it to be exported again."
        )
    if schema != SCHEMA:
        raise SummaryError(
            f"{name}: summary schema {schema!r} is not supported; this peerjournal reads "
            f"{SCHEMA!r} (upgrade peerjournal to read newer summaries)."
        )
    for key, check in _FIELDS.items():
        v.field(doc, key, check, "")
    v.field(doc, "redacted", _is_bool, "")
    for key in ("people_listed", "writer_replaced"):  # added within schema 1: optional
        if key in doc:
            v.field(doc, key, _is_bool, "")
    if doc.get("totals") is not None:  # added within schema 1: optional
        totals = v.fields(doc["totals"], "totals",
                          {"identity": _is_rate, "drift": _is_rate, "balance": _is_balance})
        _check_balance(v, totals, "totals")
    if "previous" in doc:  # added within schema 1 (round 46): optional
        v.fields(doc["previous"], "previous", {"since": _is_date, "until": _is_date,
                                               "entries": _is_count, "identity": _is_rate,
                                               "drift": _is_rate})
    if "lexicon_versions" in doc and not all(  # added within schema 1: optional
        _is_str(x) for x in v.items(doc["lexicon_versions"], "lexicon_versions")
    ):
        raise v.fail("lexicon_versions", "holds something other than text")
    period = v.fields(doc.get("period"), "period",
                      {"since": _is_date, "until": _is_date, "by": _is_by})
    since, until = date.fromisoformat(period["since"]), date.fromisoformat(period["until"])
    if since > until:
        raise v.fail("period.since", "is after period until")
    made_at = datetime.fromisoformat(doc["generated_at"])
    if now is not None and made_at - now > CLOCK_SKEW:  # (now + 1 day overflows in 9999)
        # most likely a clock set wrong, on either computer: not only a changed file
        raise SummaryError(
            f"{name}: it says it was made on {made_at.date().isoformat()}, more than a day after "
            f"this computer's date ({now.date().isoformat()}): check the date on both "
            "computers; if they are right, the file was changed after it was exported, so ask "
            "for the summary to be sent again."
        )
    made = made_at.date()
    if (until - made).days > 1:  # (not made + 1 day: that overflows on 31 Dec 9999)
        # (a day's grace: generated_at is UTC, the period the writer's own dates)
        raise v.fail("period.until", "is after the day the summary was made")
    counts = v.fields(doc.get("entries"), "entries",
                      {"total": _is_count, "shared": _is_count, "scored": _is_count})
    for key in ("shared", "scored"):
        if counts[key] > counts["total"]:
            raise v.fail(f"entries.{key}", "is more than entries total")
    periods = v.items(doc.get("periods"), "periods")
    if not periods:  # they cover the period, which is a day at least
        raise v.fail("periods", "is empty")
    _check_periods(v, periods, since, until, counts["total"])
    shared = v.items(doc.get("shared_entries"), "shared_entries")
    if len(shared) != counts["shared"]:
        raise v.fail("entries.shared", f"is {counts['shared']:,}, but the shared entries "
                                       f"number {len(shared):,}")
    for n, d in enumerate(v.items(doc.get("dimensions"), "dimensions")):
        where = f"dimensions[{n}]"
        row = v.fields(d, where, {"id": _is_str, "label": _is_str, "identity": _is_rate,
                                  "drift": _is_rate})
        for polarity in POLARITIES:
            series = v.items(row.get(f"{polarity}_series", []), f"{where}.{polarity}_series")
            wrong = [x for x in series if not _is_rate(x)]
            if wrong:
                raise v.fail(f"{where}.{polarity}_series",
                             f"holds a number {TOO_LARGE}" if _too_large(wrong[0])
                             else "holds something other than numbers of 0 or more")
            v.field(row, f"{polarity}_direction", _is_direction, where)
    _check_dimensions(v, v.items(doc.get("dimensions"), "dimensions"), periods)
    markers = v.obj(doc.get("markers"), "markers")
    for polarity in POLARITIES:
        for n, m in enumerate(v.items(markers.get(polarity), f"markers.{polarity}")):
            where = f"markers.{polarity}[{n}]"
            marker = v.fields(m, where, {"id": _is_str, "label": _is_str, "dimension": _is_str,
                                         "dimension_label": _is_str, "count": _is_count,
                                         "entries": _is_count})
            if "noticed" in marker:  # added within schema 1: optional
                v.field(marker, "noticed", _is_count, where)
                if marker["noticed"] > marker["count"]:
                    raise v.fail(f"{where}.noticed", "is more than its count")
            for k, ex in enumerate(v.items(marker.get("excerpts"), f"{where}.excerpts")):
                quote = v.fields(ex, f"{where}.excerpts[{k}]",
                                 {"date": _is_date, "text": _is_str})
                if "noticed" in quote:  # added within schema 1: optional
                    v.field(quote, "noticed", _is_bool, f"{where}.excerpts[{k}]")
    for n, item in enumerate(v.items(doc.get("intentions"), "intentions")):
        v.fields(item, f"intentions[{n}]", {"date": _is_date, "text": _is_str})
    for n, item in enumerate(v.items(doc.get("alerts"), "alerts")):
        v.fields(item, f"alerts[{n}]", {"kind": _is_str, "message": _is_str})
    for n, item in enumerate(shared):
        where = f"shared_entries[{n}]"
        entry = v.fields(item, where, {
            "date": _is_date, "setting": _is_str, "mode": _is_str, "experience": _is_str,
            "feelings": _is_str, "evaluation": _is_str, "self_care": _is_str,
            "drift": _is_opt_str,
        })
        if not all(isinstance(t, str) for t in v.items(entry.get("tags"), f"{where}.tags")):
            raise v.fail(f"{where}.tags", "holds something other than text")
    selfcheck = doc.get("selfcheck")
    if selfcheck is not None:
        v.fields(selfcheck, "selfcheck", {"date": _is_date})
        for n, item in enumerate(v.items(selfcheck.get("items"), "selfcheck.items")):
            v.fields(item, f"selfcheck.items[{n}]", {"id": _is_str, "section": _is_str,
                                                     "text": _is_str, "score": _is_score,
                                                     "note": _is_str})
    elif "selfcheck" not in doc:
        raise v.fail("selfcheck", "is missing")
    return dict(doc)
