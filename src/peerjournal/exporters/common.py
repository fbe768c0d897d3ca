"""Wording and number formats shared by the summary writers."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from peerjournal.exporters import TOO_LITTLE
from peerjournal.exporters.writer_words import about_the_writer
from peerjournal.plural import counted, joined
from peerjournal.trends import Rounded, fixed

if TYPE_CHECKING:
    from peerjournal.summary import Turn

TITLE = "Reflective-practice summary"
UNREDACTED = (
    "UNREDACTED: this summary was exported with --no-redact. Names and identifiers were NOT "
    "removed."
)
REDACTED = (
    "on (names on the writer's people list, and identifiers such as phone numbers, are shown "
    "as [person], [phone]…)"
)
# with an empty people list: no name was replaced, only identifiers (a summary that says
# `people_listed: false`)
REDACTED_NO_PEOPLE = (
    "on, but no people were listed, so no names were replaced (identifiers such as phone "
    "numbers are shown as [phone]…)"
)
# a redacted summary without `people_listed` (made before exports said it, as `review` reads
# one: `reviewing.PEOPLE_LISTED_SINCE`): it cannot show whether any name was replaced, and its
# "redacted" may have been set by hand in an unredacted one, so it claims neither
REDACTED_UNTOLD = (
    "on, but this summary was made before peerjournal recorded whether anyone was on the "
    "people list, so names may not have been hidden: check it before sharing it further"
)
DIRECTIONS = {"up": "↑ rising", "down": "↓ falling", "steady": "→ steady", None: ""}
INTENTIONS_TITLE = "What the writer will do differently"
POLARITY_TITLES = {"identity": "Peer identity markers", "drift": "Peer drift markers"}
ELEMENT_TITLES = (
    ("experience", "Experience"),
    ("feelings", "Feelings"),
    ("evaluation", "Evaluation"),
    ("self_care", "Self-care"),
)


def summary_form(text: str) -> str | None:
    """The format of the summary for a mentor that `text` is ("Markdown", "HTML", "CSV"; a
    JSON one says so by its schema), or None: `write` and `import` name it rather than read it
    as an entry or a journal."""
    from peerjournal.exporters.csv_ import ABOUT

    opening = text.lstrip()[:4000]
    if opening.startswith(f"# {TITLE}"):
        return "Markdown"
    if opening.startswith(",".join(ABOUT)):
        return "CSV"
    if opening.startswith("<") and f"<title>{TITLE}" in opening:
        return "HTML"
    return None


def number(value: float | None, digits: int = 1) -> str:
    """A rate per 100 words, or an en dash for a period without evidence; rounded once, as
    `peerjournal report` rounds it (`trends.fixed`)."""
    return "–" if value is None else fixed(value, digits)


def too_little_note(*, clause: bool = False) -> str:
    """Why numbers marked `too_little` give no balance, worded alike by `report`, `supervision
    prep`, the mentor summary and `review`: a sentence, or (`clause`) a clause to follow the
    numbers after a comma."""
    why = "each entry scored holds too little evidence on its own to say either way"
    return (f"too little to read a balance from ({why})" if clause
            else f"Too little to read a balance from: {why}.")


def balance(value: float | None, rates: Mapping[str, Any] | None = None) -> str:
    """A balance with its sign, as `peerjournal report` shows it: "+0.13", "-0.93"; "too
    little" for `rates` marked `too_little`.

    `rates`: the same period's (or totals') "identity" and "drift", which settle a balance
    the summary stores on a tie (`settled`)."""
    if rates is not None and rates.get("too_little"):
        return TOO_LITTLE
    if value is None:
        return "–"
    return fixed(settled(value, rates) if rates is not None else value, 2, sign=True)


def settled(value: float, rates: Mapping[str, Any]) -> float:
    """`value` (a balance with 3 decimals, as a summary stores it), or, when it ends in 5 and
    so sits between two shown values, a hair toward the side the exact balance is on: the
    summary rounded it from that exact number, which `peerjournal report` rounds once, so a
    stored 0.595 was 0.5945 (+0.59 on screen) or 0.5951 (+0.60). The side is read from the
    period's identity and drift, (identity - drift) / (identity + drift), when that is clearly
    on one side and rounds to the stored balance."""
    text = f"{value:.3f}"
    if isinstance(value, Rounded) or not text.endswith("5") or float(text) != value:
        return value  # (a Rounded keeps the exact number; other values are no tie)
    identity, drift = _exact(rates.get("identity")), _exact(rates.get("drift"))
    if identity is None or drift is None or identity + drift <= 0:
        return value
    stored, derived = _exact(value), (identity - drift) / (identity + drift)
    # how far the rates' own rounding (half a thousandth each) can move the balance they give
    blur = Fraction(1, 1_000) / (identity + drift)
    if stored is None or not blur < abs(derived - stored) <= Fraction(1, 2_000) + blur:
        return value  # (too close to tell the side, or rates that give another balance)
    hair = Fraction(1, 10_000) if derived > stored else Fraction(-1, 10_000)
    return float(stored + hair)


def _exact(value: Any) -> Fraction | None:
    """A stored number as the decimal it was written as; None if it is not a number."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return Fraction(repr(float(value)))


def direction_note(summary: dict[str, Any], steady_mark: str = "→ steady") -> str:
    """How the dimensions' arrows are decided (`summary.halves`), in a reader's words; the
    summary's own unit ("week"). `steady_mark` is how a format shows steady."""
    from peerjournal.summary import STEADY, STEADY_SHARE

    unit = summary["period"]["by"]
    if all(d[f"{k}_direction"] is None for d in summary["dimensions"]
           for k in ("identity", "drift")):
        why = too_few_for_a_trend(unit, _trend_entries(summary), mentor=True,
                                  words=_trend_words(summary))
        return f"No arrows: {why}"
    turns = _dimension_turns(summary)
    return (f"↑ rising, ↓ falling: the later half of the {unit}s with entries against the "
            f"earlier, by at least {number(STEADY, 2)} per 100 words and {STEADY_SHARE:.0%} "
            f"of the higher, and not from one {unit}'s spike, nor where the last {unit}s end "
            f"where the first began; otherwise {steady_mark}."
            + (f" Rose and fell back (or fell and came back) within the period, which halves "
               f"do not show: {'; '.join(turns)}."
               if turns else ""))


def _dimension_turns(summary: dict[str, Any]) -> list[str]:
    """Each dimension side that rose and fell back (or fell and came back) within the period
    (`summary.turn`), in words: "Clinical language (drift) rose to 8.6 in Sep 2026, back to
    0.0 by Nov 2026"."""
    unit = str(summary["period"]["by"])
    starts = [p["start"] for p in summary["periods"]]
    said = []
    for dim in summary["dimensions"]:
        for polarity in ("identity", "drift"):
            turned = dimension_turn(summary, dim, polarity)
            if turned:
                said.append(f"{about_the_writer(dim['label'])} ({polarity}) "
                            f"{turn_words(turned.as_json(starts), unit)}")
    return said


def too_few_for_a_trend(
    unit: str, entries: Sequence[int] | None = None, *, mentor: bool = False,
    words: Sequence[int] | None = None,
) -> str:
    """Why no dimension has a direction (`summary.halves`), for the exports and `report`;
    with `entries` (those of the periods with numbers, in order), the reason they give:
    one entry in each of them first (`summary.too_few_per_period`; `mentor`: said to the
    mentor, who asks the writer for a summary by month), then, with their `words`, too
    little writing in a half (`summary.too_little_writing`)."""
    from peerjournal.summary import too_few_per_period, too_little_writing

    if entries is None:
        return f"too few entries to show a trend ({_trend_needs(unit, entries)})."
    return (too_few_per_period(unit, entries, mentor=mentor)
            or too_little_writing(unit, entries, words)
            or f"too few entries to show a trend ({_trend_needs(unit, entries)}).")


def _trend_needs(unit: str, entries: Sequence[int] | None) -> str:
    """What a trend needs (`summary.halves`) and, given the periods' entries, what they
    lack: "it needs 2 entries in each half: the first week holds 1, the last 2 weeks 6"."""
    from peerjournal.summary import MIN_HALF_ENTRIES, MIN_TREND_POINTS, split_at

    if entries is None:
        return (f"it needs {MIN_TREND_POINTS} {unit}s with entries and {MIN_HALF_ENTRIES} "
                "entries in each half")
    if len(entries) < MIN_TREND_POINTS:
        n = len(entries)
        have = {0: "none has any", 1: "only 1 has any"}.get(n, f"only {n} have any")
        return f"it needs {MIN_TREND_POINTS} {unit}s with entries; {have}"
    half = split_at(entries)
    return (f"it needs {MIN_HALF_ENTRIES} entries in each half: the first "
            f"{_periods(half, unit)} holds {sum(entries[:half]):,}, the last "
            f"{_periods(len(entries) - half, unit)} {sum(entries[half:]):,}")


def _trend_entries(summary: dict[str, Any], key: str = "identity") -> list[int]:
    """The entries of the periods with a `key` number: those `summary.halves` weighs."""
    return [p["entries"] for p in summary["periods"] if p["entries"] and p[key] is not None]


def _trend_words(summary: dict[str, Any], key: str = "identity") -> list[int] | None:
    """The scored words of the same periods (`_trend_entries`), or None for a summary from
    before periods gave them (`summary.period_words`)."""
    from peerjournal.summary import period_words

    return period_words([p for p in summary["periods"] if p["entries"] and p[key] is not None])


def dimension_cell(summary: Mapping[str, Any], dim: Mapping[str, Any], polarity: str) -> str:
    """`dim`'s cell for `polarity` ("identity", "drift") in a summary's Dimensions table,
    as every format shows it: its rate and which way it went ("3.9 → steady", "0.7 ↑
    rising", "–" when there is neither), or the rise and fall back that the halves' arrow
    would hide ("2.4 ↑↓ rose, fell": `direction_note` gives its path), or "1.3 spike"
    (`dimension_spike`: `spike_note` says what it is)."""
    way = "spike" if dimension_spike(summary, dim, polarity) else dimension_way(
        summary, dim, polarity)
    return f"{number(dim[polarity])} {way}".strip()


def dimension_spike(summary: Mapping[str, Any], dim: Mapping[str, Any], polarity: str) -> bool:
    """Whether `dim`'s `polarity` has no arrow for a one-period spike (`summary.Halves.arrow`:
    "At a glance" calls it "a spike rather than a trend"), and no rise and fall back
    (`dimension_turn`) either, which its cell says instead: a bare number would say nothing."""
    from peerjournal.summary import halves, period_words

    periods = summary["periods"]
    series = dim.get(f"{polarity}_series") or []
    if dim[f"{polarity}_direction"] not in (None, "steady") or len(series) != len(periods):
        return False
    split = halves(series, [p["entries"] for p in periods], period_words(periods))
    return (split is not None and split.arrow is None
            and dimension_turn(summary, dim, polarity) is None)


def spike_note(summary: Mapping[str, Any]) -> str:
    """What "spike" in the Dimensions table is (`dimension_cell`), when a cell says it; else
    "". Said after `direction_note`."""
    if not any(dimension_spike(summary, d, p) for d in summary["dimensions"]
               for p in ("identity", "drift")):
        return ""
    return (f" Spike: the markers of the higher half all come from one "
            f"{summary['period']['by']}, a spike rather than a trend.")


def dimension_way(summary: Mapping[str, Any], dim: Mapping[str, Any], polarity: str) -> str:
    """Which way `dim`'s `polarity` went, as `dimension_cell` says it after the rate."""
    from peerjournal.summary import marked_series, period_words, said_direction

    turned = dimension_turn(summary, dim, polarity)
    if turned is not None:
        return _TURN_MARKS[turned.way]
    periods = summary["periods"]
    series = dim.get(f"{polarity}_series") or []
    direction = dim[f"{polarity}_direction"]
    if len(series) == len(periods):  # (steady where the periods ended where they began)
        direction = said_direction(direction, series, [p["entries"] for p in periods],
                                   period_words(periods),
                                   marked_series(periods, dim["id"], polarity))
    return DIRECTIONS[direction]


_TURN_MARKS = {"up_down": "↑↓ rose, fell", "down_up": "↓↑ fell, rose"}  # (the path: below)


def dimension_turn(summary: Mapping[str, Any], dim: Mapping[str, Any], polarity: str
                   ) -> Turn | None:
    """Whether `dim`'s `polarity` rose and fell back within the summary's periods
    (`summary.turn`), worked out from its series as `direction_note` does."""
    from peerjournal.summary import marked_series, period_words, turn

    periods = summary["periods"]
    series = dim.get(f"{polarity}_series") or []
    if len(series) != len(periods):
        return None
    return turn(series, [p["entries"] for p in periods], period_words(periods),
                marked_series(periods, dim["id"], polarity))


def spark_note(summary: dict[str, Any], high: float) -> str:
    """What a text sparkline under the trend table is, as `report` says it: one mark per row
    (framed by `spark_frame`, so that blanks at its start are seen), and `high`, the top of
    the one scale both rows are drawn on (`sparklines`)."""
    return (f"One mark per {summary['period']['by']} listed above; both rows on one scale, 0 to "
            f"{number(high)} per 100 words; blank = no entries.")


def sparklines(
    periods: Sequence[dict[str, Any]], ascii_only: bool = False
) -> tuple[str, str, float]:
    """The identity and drift sparklines of `periods` (framed) on one scale, and its top:
    drawn each to its own highest, drift 0.6 beside identity 18.8 would be a full bar. The
    top is at least 1, as in the drawn charts (`svg.trend_chart`)."""
    from peerjournal.render.charts import sparkline

    rows = {key: [p[key] if p["entries"] else None for p in periods]
            for key in ("identity", "drift")}
    high = max([1.0, *(v for row in rows.values() for v in row if v is not None)])
    identity, drift = (spark_frame(sparkline(rows[key], lo=0.0, hi=high, ascii_only=ascii_only))
                       for key in ("identity", "drift"))
    return identity, drift, high


def chart_note(summary: dict[str, Any]) -> str:
    """The same for a drawn trend chart (html, pdf), which covers every period."""
    return f"One point per {summary['period']['by']}; a gap = no entries."


def spark_frame(line: str) -> str:
    return f"|{line}|"


def title(summary: dict[str, Any]) -> str:
    writer = summary.get("writer")
    return f"{TITLE}: {writer}" if writer else TITLE


def period_text(summary: dict[str, Any]) -> str:
    """"2026-11-01 to 2026-11-30", or one day once: "2026-06-02"."""
    period = summary["period"]
    return period_label({"start": period["since"], "end": period["until"]}, " to ")


def facts(summary: dict[str, Any]) -> list[tuple[str, str]]:
    """The headline facts, as (label, value) pairs, in display order."""
    entries = summary["entries"]
    counts = f"{entries['total']:,} written, {entries['shared']:,} shared with you"
    unscored = entries["total"] - entries["scored"]
    if unscored > 0:
        counts += f" ({unscored:,} without a drift score, left out of the numbers)"
    rows = [
        ("Period", f"{period_text(summary)} (by {summary['period']['by']})"),
        ("Entries", counts),
        ("Generated", f"{generated_text(summary['generated_at'])} by {summary['generator']}"),
    ]
    if isinstance(journal := summary.get("journal"), str):
        rows.append(("Journal ID", f"{journal} {JOURNAL_ID_NOTE}"))
    versions = summary.get("lexicon_versions") or []
    if versions:
        said = [lexicon_text(versions), _whose(summary)]
        rows.append(("Drift lexicon", ". ".join(filter(None, said))))
    if not summary["redacted"]:
        rows.append(("Redaction", "OFF (exported with --no-redact)"))
    elif "people_listed" not in summary:  # an older summary: no "[person]" it cannot show
        rows.append(("Redaction", REDACTED_UNTOLD))
    elif summary["people_listed"] is False:  # not "[person]" for names never replaced
        rows.append(("Redaction", REDACTED_NO_PEOPLE + _typed_placeholder(summary)))
    else:  # said, not only implied by the absence of the warning: what [person] stands for
        rows.append(("Redaction", REDACTED))
    return rows


# What a summary's journal ID is (`export`: `Store.journal_id`), after it
JOURNAL_ID_NOTE = "(the same in every summary from one journal; it names no one)"

# the facts a review of several summaries says once, above them all, when every one says the
# same (`facts_alike`), rather than in each summary's header
SAID_ONCE = ("Drift lexicon", "Redaction")


def facts_alike(summaries: Sequence[dict[str, Any]]) -> list[tuple[str, str]]:
    """Of the SAID_ONCE facts, those every one of several summaries gives alike, in order."""
    if len(summaries) < 2:
        return []
    each = [dict(facts(s)) for s in summaries]
    return [(label, each[0][label]) for label in SAID_ONCE
            if label in each[0] and all(f.get(label) == each[0][label] for f in each[1:])]


def _typed_placeholder(summary: dict[str, Any]) -> str:
    """With no people listed, a "[person]" in the text is the writer's own (typed so in the
    journal): said, as the line above it says no names were replaced (review cannot refuse
    such a summary as changed: an export writes it so)."""
    from peerjournal.summary import journal_texts

    if not any("[person]" in text for text in journal_texts(summary)):
        return ""
    return "; a [person] in it was written so in the journal, not put there by redaction"


def generated_text(value: str) -> str:
    """When the summary was made, to the minute, with its offset from UTC: the writer's
    18:00 is not the mentor's when they live in different time zones."""
    from datetime import datetime

    # export writes the offset, review refuses a time without one; a fixed offset read from
    # ISO 8601 is named "UTC", "UTC+01:00", "UTC-05:30"
    made = datetime.fromisoformat(value)
    return f"{made:%Y-%m-%d %H:%M} {made.tzname()}"


def lexicon_text(versions: list[str]) -> str:
    """The lexicon version(s) behind the numbers, said as what they are to a mentor: the
    phrase list counted, whose version tells which summaries compare; more than one makes
    them less comparable."""
    if len(versions) == 1:
        return (
            f"version {versions[0]} (the list of phrases the drift numbers count: two "
            "exports made with the same version compare directly)"
        )
    return (
        f"versions {', '.join(versions)} (entries were scored with different lexicons, the "
        "lists of phrases the drift numbers count, so their numbers compare less well)"
    )


# a lexicon's words by which peerjournal shipped it (`reviewing.lexicons`' "shipped_by")
SHIPPED_BY = {
    "this": "the lexicon this peerjournal ships",
    "earlier": "the lexicon an earlier peerjournal shipped",
    "later": "the lexicon a later peerjournal ships",
}
# one the summary does not name (exported before summaries named their lexicon)
NOT_SHIPPED_HERE = ("not the lexicon this peerjournal ships: an organisation's own, or one "
                    "that another version of peerjournal shipped")


def lexicon_about(lexicon: dict[str, Any]) -> str:
    """What one drift lexicon (`reviewing.lexicons`' item) is, as a mentor reads it: its name
    where the summary gives one, and which peerjournal shipped it, if one did."""
    if said := SHIPPED_BY.get(lexicon["shipped_by"] or ""):
        return said
    if name := lexicon["name"]:  # a summary that names its lexicon names a shipped one so too
        if not any(mark in name for mark in '"“”'):  # (a name with its own quotes, as it is)
            name = f'"{name}"'
        return f"{name}, not a lexicon peerjournal ships"
    return NOT_SHIPPED_HERE


def _whose(summary: dict[str, Any]) -> str:
    """The header's sentence on whose phrase list(s) scored `summary`: a mentor reviewing one
    summary learns there whether it is peerjournal's own (`lexicon_about`)."""
    from peerjournal.reviewing import lexicons

    found = lexicons(summary)
    if len(found) < 2:
        return f"It is {lexicon_about(found[0])}." if found else ""
    return " ".join(f"{lexicon['version']} is {lexicon_about(lexicon)}." for lexicon in found)


# A trend table longer than this shows its most recent rows: ten years by week is 523 rows
# (13 PDF pages), and the chart above it, the glance and the dimensions cover the whole period.
MAX_TABLE_ROWS = 53  # a year of weeks


def table_periods(summary: dict[str, Any]) -> tuple[list[dict[str, Any]], str]:
    """The periods the trend table (and a text sparkline) shows, and a note saying so when
    they are not all of them ('' when they are)."""
    periods = list(summary["periods"])
    if len(periods) <= MAX_TABLE_ROWS:
        return periods, ""
    shown = periods[-MAX_TABLE_ROWS:]
    return shown, (
        f"The most recent {len(shown)} of {len(periods):,} rows, from {shown[0]['start']}; "
        "the numbers at a glance and by dimension cover the whole period."
    )


def period_label(period: dict[str, Any], dash: str = " – ") -> str:
    """A period's ISO dates: "2026-11-01 – 2026-11-30", one day once."""
    start, end = period["start"], period["end"]
    return start if start == end else f"{start}{dash}{end}"


def period_entries(period: dict[str, Any], short: bool = True) -> str:
    """A period's entries in the trend table: the weeks before the journal's first entry
    (`summary.before_journal`) say so ("not begun"; not `short`: "before the journal
    began"), as 0 would read as weeks without writing."""
    if not period.get("before_journal"):
        return str(period["entries"])
    return "not begun" if short else "before the journal began"


def axis_label(period: dict[str, Any], periods: Sequence[dict[str, Any]]) -> str:
    """A period's start under a chart: month and day, or the whole date when the periods
    span more than one year (a run of empty years is one period: "01-01" would hide it)."""
    one_year = periods[0]["start"][:4] == periods[-1]["end"][:4]
    return str(period["start"][5:] if one_year else period["start"])


def entry_heading(entry: dict[str, Any]) -> str:
    parts = [entry["date"]]
    if entry.get("setting"):
        parts.append(entry["setting"])
    if entry.get("tags"):
        parts.append(" ".join(f"#{t}" for t in entry["tags"]))
    return " · ".join(parts)


def said_of_the_writer(dimensions: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The dimensions with their names as a mentor reads them: an organisation's lexicon may
    name one to the writer ("Your voice"), said about them ("The writer's voice")."""
    return [{**d, "label": about_the_writer(d["label"])} for d in dimensions]


def marker_line(marker: dict[str, Any], summary: dict[str, Any]) -> str:
    """A marker and how often it came up, and how often the writer noticed it themselves
    ("I caught myself…": the awareness is what to read there); where there is no quote
    beneath it while other entries are shared, it says why it may be (a sentence is quoted
    once in a summary, so one this marker shares with a stronger one is quoted there)."""
    line = (
        f"{about_the_writer(marker['label'])} ({about_the_writer(marker['dimension_label'])}): "
        f"{counted(marker['count'], 'time')} "
        f"in {counted(marker['entries'], 'entry')}"
    )
    noticed = marker.get("noticed") or 0  # not in summaries from before it was added
    if noticed == marker["count"]:
        line += ", noticed by the writer" + (" each time" if noticed > 1 else "")
    elif noticed:  # counted in shared entries only (`summary.top_markers`)
        line += f", {noticed} of them noticed by the writer (in shared entries)"
    quoted = len(marker["excerpts"])
    if not quoted and summary["shared_entries"]:
        line += ", no quote here (not shared, or quoted under another marker)"
    elif 0 < quoted < marker["count"]:
        line += f"; {quoted} quoted below"
    return line


NOTICED = "(the writer noticed it)"

# What each dimension looks for, in a line a mentor can read beside its name (from the domain
# brief's table and the self-check's items that mirror them): identity side, then drift side.
DIMENSION_GLOSSES = {
    "story": "using the writer's own recovery story as a tool, or holding it back",
    "mutuality": "learning together with people, or instructing them",
    "focus": "people's strengths and skills, or their barriers, symptoms and diagnoses",
    "voice": "making decisions and staying with challenges, or leaving them to others",
    "self_worth": "confidence and pride in the role, or self-doubt and shame",
    "clinical_language": "clinical labels and jargon (\"non-compliant\", \"presenting with\")",
    "advice": "telling people what to do (\"you should…\")",
    "co_optation": "being drawn into clinical tasks, compliance checks or busy work",
    "connection": "building real connection, and repairing it when it slips",
    "worldview": "curiosity about how people make sense of their own experience",
    "moving_toward": "moving toward what people want, not only away from problems",
    "advocacy": "speaking up for people, and questioning force or pressure",
}
GLOSS_TITLE = "What the dimensions look for"


def dimension_glosses(summary: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, gloss) for each dimension of the summary that has a gloss, in its order."""
    return [
        (about_the_writer(d["label"]), DIMENSION_GLOSSES[d["id"]])
        for d in summary["dimensions"] if d.get("id") in DIMENSION_GLOSSES
    ]


def glosses_text(summary: dict[str, Any]) -> list[str]:
    """The glosses as lines: "Focus: people's strengths and skills, or …"."""
    return [f"{label}: {gloss}" for label, gloss in dimension_glosses(summary)]


_SECOND_PERSON = {"your": "the writer's", "yourself": "themselves", "you": "them"}
_SECOND_PERSON_WORD = re.compile(r"\b(?:your|yourself|you)\b", re.IGNORECASE)


def check_section(section: str) -> str:
    """A self-check section's heading, put to the writer ("What your workplace gives you"),
    as a mentor reads it ("What the writer's workplace gives them"): "your" is not theirs."""
    def swap(m: re.Match[str]) -> str:
        word = _SECOND_PERSON[m.group().casefold()]
        return word[:1].upper() + word[1:] if m.group()[:1].isupper() else word

    return _SECOND_PERSON_WORD.sub(swap, section)


def quote_note(excerpt: dict[str, Any]) -> str:
    """What follows a quoted marker: NOTICED when the writer noticed it as they wrote."""
    return NOTICED if excerpt.get("noticed") else ""


def check_title(summary: dict[str, Any]) -> str:
    """'Self-check (2026-11-20)', saying so when it was done after the period (--with-check
    takes the latest: an October summary exported in December carries December's) or before
    it (the latest may be months old)."""
    day = str(summary["selfcheck"]["date"])
    return f"Self-check ({day}{check_when(summary)})"


def check_when(summary: dict[str, Any]) -> str:
    """', before this period' or ', after this period' for a self-check made outside the
    summary's period; "" for one made in it."""
    day = str(summary["selfcheck"]["date"])
    if day > str(summary["period"]["until"]):
        return ", after this period"
    if day < str(summary["period"]["since"]):
        return ", before this period"
    return ""


CHECK_NOTE = (
    "The writer's own statements, each scored by them from 1 (low) to 5, under the headings "
    "the self-check put to them."
)


def check_score(score: int | None) -> str:
    """A self-check answer's score as the check itself shows it beside a statement, where no
    heading says what it is ("score 2 of 5": `supervision.of_scale`)."""
    from peerjournal.supervision import of_scale

    return "–" if score is None else of_scale(score)


def table_score(score: int | None) -> str:
    """A self-check answer's score in a column headed "Score": "2 of 5", as the heading says
    the rest (and a narrower column leaves the statements more width)."""
    from peerjournal.supervision import out_of

    return "–" if score is None else out_of(score)


_DATA_NOTE = (
    "Identity and drift are marker evidence per 100 words (how often the writer's words show "
    "peer identity, or drift into a clinical role); balance runs from -1 (all drift) to +1 "
    "(all identity); a period without entries shows –, and one whose scored entries each hold "
    f"too little evidence to say either way shows \"{TOO_LITTLE}\". Markers are phrases the "
    "writer used; {learned}. Trends over many entries say more than one entry."
)
_LEARNED = ("common words learned from labelled entries (\"together\", \"medication\"), which "
            "the marker lists leave out and the writer can see entry by entry with `peerjournal "
            "drift ID`")
# What the numbers mean, for any summary: whether its lexicon counted learned words is not
# known of every one (`data_note`: a summary's own)
DATA_NOTE = _DATA_NOTE.format(learned=(
    f"the numbers may also count (as peerjournal's own lexicon has since 3 December 2026) "
    f"{_LEARNED}"))


def data_note(*summaries: dict[str, Any]) -> str:
    """DATA_NOTE for `summaries`: said outright that their numbers count learned words when
    each was scored with the lexicon this peerjournal ships, which holds learned markers
    (`scored_with_shipped`); else "may" (an older lexicon had none, and an organisation's
    may have none)."""
    if summaries and all(map(scored_with_shipped, summaries)):
        return _DATA_NOTE.format(learned=f"the numbers also count {_LEARNED}")
    return DATA_NOTE


def scored_with_shipped(summary: dict[str, Any]) -> bool:
    """Whether every entry of `summary` was scored with the lexicon this peerjournal ships
    (a lexicon's version is its content's hash)."""
    from peerjournal.drift.lexicon import lexicon_version

    return summary.get("lexicon_versions") == [lexicon_version()]
NO_ENTRIES = "No entries were written in this period, so there are no numbers to show."


def turn_words(turn: Mapping[str, Any], by: str, shown: Any = None) -> str:
    """A rise and a fall back within the periods (`summary.turn`), in words: the middle
    third's rate and the last third's, each pooled over its periods, with their spans: "rose
    to 7.2 in Aug – Sep 2026, back to 0.1 in Oct – Nov 2026"; "fell to 0.4 in the weeks of
    7 Sep – 12 Oct, then rose to 2.7 in the weeks of 19 Oct – 30 Nov". `shown`: how a number
    is written."""
    first, then = ("rose", "fell") if turn["way"] == "up_down" else ("fell", "rose")
    back = "back" if turn["back"] else f"then {then}"
    show = shown or number
    return (f"{first} to {show(turn['value'])} in {starts_span(turn['at'], turn['at_end'], by)}"
            f", {back} to {show(turn['last'])} in "
            f"{starts_span(turn['last_at'], turn['last_end'], by)}")


def lone_words(lone: Turn, starts: Sequence[str], by: str) -> str:
    """A turn that rests on one entry (`summary.lone_turn`), in words: no move, and the
    periods as they are: "held steady apart from one entry in Feb 2026 (0.7 per 100 words
    at first, 2.3 in Feb 2026, 0.4 at the end)"."""
    when = starts_span(starts[lone.middle[0]], starts[lone.middle[1]], by)
    return (f"held steady apart from one entry in {when} ({number(lone.first)} per 100 words "
            f"at first, {number(lone.peak)} in {when}, {number(lone.last)} at the end)")


def starts_span(start: str, last: str, by: str) -> str:
    """The periods from the one starting `start` to the one starting `last`, named as the
    report names periods: "Aug – Sep 2026", "the weeks of 3 Aug – 7 Sep"."""
    from datetime import date

    from peerjournal.trends import period_label

    one, other = (period_label(date.fromisoformat(d), by) for d in (start, last))
    if by == "week":
        return f"the week of {one}" if one == other else f"the weeks of {one} – {other}"
    if one == other:
        return one
    year = f" {start[:4]}"  # "Aug 2026 – Sep 2026" reads "Aug – Sep 2026"
    if by == "month" and start[:4] == last[:4] and one.endswith(year):
        one = one[: -len(year)]
    return f"{one} – {other}"


def has_entries(summary: dict[str, Any]) -> bool:
    return bool(summary["entries"]["total"])


GLANCE_TITLE = "At a glance"
_MOVED = {"up": "rose", "down": "fell"}


def glance(summary: dict[str, Any]) -> list[str]:
    """What changed over the period, in words, and what the summary holds to talk about:
    the lines a mentor reads first. Each change is the first half of the periods with
    entries against the second (`summary.halves`), as the dimensions' arrows are. Said to
    the mentor, who has no `export --by` of their own."""
    from peerjournal.summary import (
        ended_where_began,
        halves,
        learned_caveat,
        lone_turn,
        marked_series,
        period_words,
        said_direction,
        steady,
        too_few_per_period,
        too_little_writing,
        turn,
    )

    unit = str(summary["period"]["by"])
    with_entries = [p for p in summary["periods"] if p["entries"]]
    if not has_entries(summary):
        talk = _to_talk_about(summary)
        return [NO_ENTRIES, *([f"To talk about: {talk}."] if talk else [])]
    lines: list[str] = []
    totals = summary.get("totals")
    if totals and totals["identity"] is not None and totals["drift"] is not None:
        overall = (f"Over the whole period: peer identity {number(totals['identity'])} and peer "
                   f"drift {number(totals['drift'])} markers per 100 words")
        if totals.get("too_little"):  # (as the writer's report says it)
            overall += ", " + too_little_note(clause=True)
        elif totals["balance"] is not None:
            shown = balance(totals["balance"], totals)
            overall += f", balance {shown} (-1 all drift, +1 all identity)"
        lines.append(overall + ".")
    before = _against_before(summary)
    if before:
        lines.append(before)
    compared = False
    entries, words = [p["entries"] for p in with_entries], period_words(with_entries)
    splits = {key: halves([p[key] for p in with_entries], entries, words)
              for key in ("drift", "identity")}
    if len(with_entries) in (1, 2):
        lines.append(f"Only {counted(len(with_entries), unit)} with entries: too few to show "
                     "a trend; the numbers are in the table below.")
    elif not any(splits.values()):
        trend_entries = _trend_entries(summary, "drift")
        per = (too_few_per_period(unit, trend_entries, mentor=True)  # as `review` says it
               or too_little_writing(unit, trend_entries, _trend_words(summary, "drift")))
        why = per.rstrip(".") if per else (
            f"too few to show a trend ({_trend_needs(unit, trend_entries)})")
        lines.append(f"Only {counted(summary['entries']['total'], 'entry')} in "
                     f"{counted(len(with_entries), unit)}: {why}; the numbers are in the "
                     "table below.")
    for key, name in (("drift", "Peer drift"), ("identity", "Peer identity")):
        split = splits[key]
        if split is None:
            continue
        series, marked = [p[key] for p in with_entries], marked_series(with_entries, None, key)
        turned = turn(series, entries, words, marked)
        if turned:  # (its halves would call a rise and a fall back "rose" or "held steady")
            starts = [p["start"] for p in with_entries]
            lines.append(f"{name} {turn_words(turned.as_json(starts), unit)} (per 100 "
                         f"words){learned_caveat(summary, key)}.")
            continue
        then = f"{number(split.before)}, then {number(split.after)} per 100 words"
        caveat = ""
        ended = ended_where_began(series, entries, words, marked)
        if ended:  # (the halves' move is where their odd split put a thin middle)
            ends = _periods(ended[2], unit)
            lines.append(f"{name} ended where it began: {number(ended[0])} per 100 words in "
                         f"the first {ends} with entries, {number(ended[1])} in the last "
                         f"{ends}; the {unit}s between are in the table below.")
            continue
        lone = lone_turn(series, entries, words, marked)
        if lone and said_direction(split.direction, series, entries, words, marked) != (
                split.direction):  # (the halves' move is that one entry's)
            lines.append(f"{name} {lone_words(lone, [p['start'] for p in with_entries], unit)}.")
            continue
        if steady(split.before, split.after):
            change = f"held steady ({then})"
        elif split.spike:  # the numbers as they are, and why they are no trend
            change = (f"went from {number(split.before)} to {number(split.after)} per 100 "
                      "words")
            half = "later" if split.after > split.before else "earlier"
            caveat = (f"; but the markers of the {half} half all come from one {unit}, a "
                      "spike rather than a trend")
        else:  # (a move named: on what it rests, as "Moved most" says it)
            change = (f"{_MOVED[split.direction]} from {number(split.before)} to "
                      f"{number(split.after)} per 100 words")
            caveat = learned_caveat(summary, key)
        if not compared:  # the first of these lines says what is compared, and when
            scored = [p for p in with_entries if p[key] is not None]  # the periods halves used
            change += (f": the first {_periods(split.first, unit)} with entries "
                       f"({_span(scored[:split.first])}) against the last "
                       f"{_periods(split.last, unit)} ({_span(scored[-split.last:])})")
            compared = True
        lines.append(f"{name} {change}{caveat}.")
    moved = _moved_most(summary)
    if moved:
        lines.append(moved)
    talk = _to_talk_about(summary)
    if talk:
        lines.append(f"To talk about: {talk}.")
    return lines


def _span(periods: Sequence[dict[str, Any]]) -> str:
    """The dates a run of periods covers: "19 Oct – 8 Nov 2026"."""
    return date_span(periods[0]["start"], periods[-1]["end"])


def date_span(since: str, until: str, dash: str = " – ") -> str:
    """Two ISO dates on one line, as people say them: "1 Oct – 20 Nov 2026", the year once
    when both ends share it; one day once."""
    from datetime import date

    from peerjournal.dates import spoken

    start, end = date.fromisoformat(since), date.fromisoformat(until)
    if start == end:
        return spoken(end)
    return f"{spoken(start, year=start.year != end.year)}{dash}{spoken(end)}"


def _periods(n: int, unit: str) -> str:
    """'week' for one ("the first week"), else '3 weeks'."""
    return unit if n == 1 else counted(n, unit)


def _moved_most(summary: dict[str, Any]) -> str | None:
    """The dimension whose identity or drift moved most, if any did by more than `steady`
    (its `Halves.direction`; or, when it rose and fell back, `summary.turn`, which says its
    path), weighed by the size of the move in rate: a rise and return of 8 per 100 words is
    named before a rise of 0.5."""
    from peerjournal.summary import halves, marked_series, period_words, said_direction, turn

    best: tuple[float, str] | None = None
    unit = str(summary["period"]["by"])
    periods = summary["periods"]
    entries, words = [p["entries"] for p in periods], period_words(periods)
    starts = [p["start"] for p in periods]
    for dim in summary["dimensions"]:
        for polarity in ("drift", "identity"):
            series = dim.get(f"{polarity}_series") or []
            if len(series) != len(entries):
                continue
            marked = marked_series(periods, dim["id"], polarity)
            turned = turn(series, entries, words, marked)
            split = None if turned else halves(series, entries, words)
            if turned:
                size, moved = turned.size, turn_words(turned.as_json(starts), unit)
            elif split is not None and said_direction(split.direction, series, entries,
                                                      words, marked) != "steady":
                size = abs(split.after - split.before)
                moved = (f"{_MOVED[split.direction]} from {number(split.before)} in the first "
                         f"{_periods(split.first, unit)} with entries to "
                         f"{number(split.after)} in the last {_periods(split.last, unit)}")
            else:
                continue
            if best is None or size > best[0]:
                best = (size, _moved_line(summary, dim, polarity, moved))
    return best[1] if best else None


def _against_before(summary: dict[str, Any]) -> str | None:
    """The period against the one before it (the summary's `previous`, as its alerts compare
    with it): "Against the period before (1 – 31 Aug 2026, 19 entries): peer drift rose from
    14.3 to 26.8 and peer identity fell from 6.5 to 0.2 per 100 words." None without one (a
    summary from before round 46, or nothing to compare with)."""
    from peerjournal.summary import steady

    prev, totals = summary.get("previous"), summary.get("totals")
    if not prev or not totals:
        return None
    said, none = [], []  # ("none either time" first: "per 100 words" ends the numbers)
    for key, name in (("drift", "peer drift"), ("identity", "peer identity")):
        then, now = prev[key], totals[key]
        if then is None or now is None:
            continue
        if number(then) == number(now) == number(0):  # (not "held steady (0.0, then 0.0)")
            none.append(f"no {name} either time")
        elif steady(then, now):
            said.append(f"{name} held steady ({number(then)}, then {number(now)})")
        else:
            way = "rose" if now > then else "fell"
            said.append(f"{name} {way} from {number(then)} to {number(now)}")
    if not said and not none:
        return None
    unit = " per 100 words" if said else ""
    return (f"Against the period before ({date_span(prev['since'], prev['until'])}, "
            f"{counted(prev['entries'], 'entry')}): {' and '.join(none + said)}{unit}.")


def _moved_line(summary: dict[str, Any], dim: dict[str, Any], polarity: str, moved: str) -> str:
    """"Moved most: …", naming the dimension's markers unless its number rests on words
    learned from example entries ("brother", "needs"), which the marker list does not show
    (`summary.learned_caveat`, as the period's own lines say it)."""
    from peerjournal.summary import learned_caveat

    caveat = learned_caveat(summary, polarity, dim)
    side = polarity if caveat else f"{polarity} markers"
    return f"Moved most: {about_the_writer(dim['label'])} ({side}) {moved}{caveat}."


def _to_talk_about(summary: dict[str, Any]) -> str:
    parts = []
    if summary["note"]:
        parts.append("a note from the writer")
    if summary["alerts"]:
        parts.append(counted(len(summary["alerts"]), "alert"))
    check = summary.get("selfcheck")
    if check:
        parts.append(_check_talk(check["items"], _check_made(summary)))
    if summary["intentions"]:
        parts.append(counted(len(summary["intentions"]), "thing", "things") + " the writer "
                     "will do differently")
    if summary["shared_entries"]:
        parts.append(counted(len(summary["shared_entries"]), "shared entry", "shared entries"))
    return joined(parts)


def _check_made(summary: dict[str, Any]) -> str:
    """'a self-check from 1 October, before this period' for a check made outside the period
    (an old check is not where the writer is now; `supervision prep` says so too); "a
    self-check" for one made in it."""
    when = check_when(summary)
    if not when:
        return "a self-check"
    from datetime import date

    from peerjournal.dates import spoken

    made = date.fromisoformat(str(summary["selfcheck"]["date"]))
    until = date.fromisoformat(str(summary["period"]["until"]))
    return f"a self-check from {spoken(made, year=made.year != until.year)}{when}"


def _check_talk(items: Sequence[dict[str, Any]], check: str = "a self-check") -> str:
    """'a self-check (scored 1 or 2 out of 5: 6 of 17 items about the writer's practice, 3 of
    5 about the writer's workplace)': a low workplace item is not about the writer's own
    practice ("their" would read as the person supported's, as in the labels).
    `check`: how the check is named (`_check_made`)."""
    def low(group: Sequence[dict[str, Any]]) -> int:
        return sum(1 for i in group if i["score"] is not None and i["score"] <= 2)

    if not low(items):
        return check
    ids = _workplace_ids()
    workplace = [i for i in items if i["id"] in ids]
    practice = [i for i in items if i["id"] not in ids]
    if not workplace or not practice:  # another questionnaire: no split to make
        return f"{check} ({low(items)} of {len(items)} items scored 1 or 2 out of 5)"
    return (f"{check} (scored 1 or 2 out of 5: {low(practice)} of "
            f"{counted(len(practice), 'item')} about the writer's practice, {low(workplace)} "
            f"of {len(workplace)} about the writer's workplace)")


WORKPLACE_SECTION = "workplace"  # the self-check section about the workplace, not the writer


def _workplace_ids() -> frozenset[str]:
    """The ids of the self-check's workplace items, from the questionnaire this install
    uses; none when it has no such section (or cannot be read: the summary still shows)."""
    from peerjournal.errors import PeerJournalError
    from peerjournal.supervision import load_form

    try:
        form = load_form()
    except PeerJournalError:
        return frozenset()
    return frozenset(i.id for i in form.items if i.section == WORKPLACE_SECTION)


def alerts_note(summary: dict[str, Any]) -> str:
    """Whose the alerts are and, when one compares with "the previous window", which dates
    that is: the writer's report said it to the writer, who knew."""
    from datetime import date, timedelta

    note = "Prompts from the writer's own report, written to the writer."
    if any("previous window" in a["message"] for a in summary["alerts"]):
        since = date.fromisoformat(summary["period"]["since"])
        until = date.fromisoformat(summary["period"]["until"])
        # summaries that say "the previous window" (older versions) compared with as many
        # days just before, whole months or not: trends.previous_window is now months for those
        days = (until - since).days + 1
        start, end = since - timedelta(days=days), since - timedelta(days=1)
        length = counted(days // 7, "week") if days % 7 == 0 else counted(days, "day")
        note += (f' "The previous window" is the {length} just before this period: '
                 f"{period_label({'start': start.isoformat(), 'end': end.isoformat()}, ' to ')}.")
    return note
