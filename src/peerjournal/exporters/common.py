"""Wording and number formats shared by the summary writers."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from peerjournal.exporters import TOO_LITTLE
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
            f"of the higher, and not from one {unit}'s spike; otherwise {steady_mark}."
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
    would hide ("2.4 ↑↓ rose, fell": `direction_note` gives its path)."""
    return f"{number(dim[polarity])} {dimension_way(summary, dim, polarity)}".strip()


def dimension_way(summary: Mapping[str, Any], dim: Mapping[str, Any], polarity: str) -> str:
    """Which way `dim`'s `polarity` went, as `dimension_cell` says it after the rate."""
    turned = dimension_turn(summary, dim, polarity)
    if turned is not None:
        return _TURN_MARKS[turned.way]
    return DIRECTIONS[dim[f"{polarity}_direction"]]


_TURN_MARKS = {"up_down": "↑↓ rose, fell", "down_up": "↓↑ fell, rose"}  # (the path: below)


def dimension_turn(summary: Mapping[str, Any], dim: Mapping[str, Any], polarity: str
                   ) -> Turn | None:
    """Whether `dim`'s `polarity` rose and fell back within the summary's periods
    (`summary.turn`), worked out from its series as `direction_note` does."""
    from peerjournal.summary import period_words, turn

    periods = summary["periods"]
    series = dim.get(f"{polarity}_series") or []
    if len(series) != len(periods):
        return None
    return turn(series, [p["entries"] for p in periods], period_words(periods))


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


# a quotation in a label ('illness framing ("your condition")', "telling them 'you should'"):
# the words as said, kept; a single quote only where it opens or closes words, not the
# apostrophe inside one ("you're", "writer's", "don't")
_QUOTATION = re.compile(
    r"""("[^"]*"|“[^”]*”|(?<![\w'‘’])['‘](?=\w)(?:[^'‘’]|(?<=\w)['’](?=\w))*?"""
    r"""(?<=[\w.!?,…])['’](?![\w'’]))""")
# a label's words (a contraction is one: "you're", "don't"), and what lies between them
_WORDS = re.compile(r"([A-Za-z]+(?:['’][A-Za-z]+)*)")
# the writer, said to them in a label ("your", "yourself", "you're"), as said about them
_ABOUT_THE_WRITER = {
    "your": "the writer's", "yours": "the writer's", "yourself": "themselves",
    "you're": "the writer is", "you've": "the writer has", "you'll": "the writer will",
    "you'd": "the writer would", "yourselves": "themselves",
}
# verbs that read otherwise after "the writer" than after "you" ("you are" -> "is")
_AFTER_YOU = {"are": "is", "were": "was", "have": "has", "do": "does", "don't": "doesn't",
              "aren't": "isn't", "weren't": "wasn't", "haven't": "hasn't"}
# before "you", a verb that asks a question ("Do you…", "what did you…"): the verb after
# "you" stays as it is ("does the writer feel"); those in _AFTER_YOU change for "the writer"
_ASKING = frozenset({
    *_AFTER_YOU, "did", "didn't", "can", "can't", "could", "couldn't", "will", "won't",
    "would", "wouldn't", "should", "shouldn't", "shall", "may", "might", "must", "does",
    "doesn't", "had", "hadn't", "is", "isn't", "was", "wasn't", "has", "hasn't",
})
# before "you", words after which "you" is the one doing something ("what you think", "when
# you feel", "and you check", "sure you learn") where a verb follows
_SUBJECT_AFTER = frozenset({
    "what", "how", "when", "where", "why", "if", "that", "because", "as", "while", "whether",
    "who", "once", "until", "till", "unless", "before", "after", "since", "though", "although",
    "than", "and", "or", "but", "so", "whatever", "whenever", "wherever", "however", "which",
    "sure", "certain", "glad", "afraid", "aware", "proud", "think", "thought", "feel", "felt",
    "know", "knew", "believe", "say", "said", "hope", "mean", "guess", "wish", "realise",
    "realize", "like",
})
# before "you", a noun it follows as the subject of a clause about it ("the people you support",
# "those you help", "whom you trust")
_NOUN_BEFORE = frozenset({
    "people", "person", "one", "ones", "someone", "anyone", "everyone", "somebody", "anybody",
    "everybody", "something", "anything", "everything", "nothing", "thing", "things", "way",
    "ways", "time", "times", "words", "word", "role", "work", "group", "team", "staff",
    "those", "whom",
})
# two words before "you": after these the word between is a noun ("the role you play")
_DETERMINERS = frozenset({
    "the", "a", "an", "my", "our", "their", "his", "her", "its", "every", "each", "any", "some",
    "no", "whose", "which", "other", "own", "first", "last", "only", "same", "many", "few",
})
# before "you" after "the" or a possessive: a noun, even one ending as a verb might ("the
# stories you tell", "the less you say", "the feeling you get")
_STRICT_DETERMINERS = frozenset({"the", "my", "our", "their", "its"})
_QUESTION_WORDS = frozenset({"what", "which", "whose", "how", "why", "where", "when", "who",
                             "whom"})
_SUBJECTS = frozenset({"i", "we", "they", "he", "she", "it", "staff", "people", "someone",
                       "everyone", "nobody", "others", "you"})
# words after "you" that are not a verb it does ("telling you what", "for you and", "you
# told", "you can"), whatever comes before
_NOT_A_VERB = frozenset({
    "and", "or", "but", "nor", "to", "in", "on", "at", "for", "of", "with", "as", "what", "how",
    "that", "the", "a", "an", "about", "back", "up", "down", "out", "off", "too", "well",
    "again", "there", "here", "when", "where", "why", "if", "because", "from", "by", "into",
    "over", "more", "less", "all", "both", "yourself", "your", "it", "them", "him", "her", "me",
    "us", "this", "these", "those", "so", "not", "okay", "ok", "alright", "sure", "alone",
    "right", "wrong", "now", "today", "guys", "lot", "who", "which", "than", "like",
    "can", "could", "will", "would", "should", "shall", "might", "must", "may", "did", "had",
    "does", "is", "was", "be", "been", "being", "got", "ought", "used", "better",
})
# past tenses that do not end in "ed" ("what you told yourself": no "s" to add)
_IRREGULAR_PAST = frozenset({
    "told", "said", "felt", "thought", "kept", "left", "went", "took", "gave", "made", "knew",
    "saw", "heard", "came", "became", "brought", "bought", "taught", "caught", "found", "held",
    "sent", "spent", "met", "paid", "sat", "stood", "spoke", "wrote", "began", "ran", "won",
    "lost", "meant", "slept", "wept", "built", "lent", "dealt", "chose", "drew", "fell", "forgot",
    "gone", "done", "seen", "known", "given", "taken", "spoken", "written", "chosen", "ate",
    "drove", "grew", "threw", "rose", "woke", "wore", "hid", "led", "fed", "fled", "bit", "shook",
    "stuck", "struck", "understood", "withdrew", "overlooked", "learnt", "burnt",
})
# words ending in "ed" that are verbs in the present ("you embed it")
_ED_VERBS = frozenset({"embed", "imbed"})
# words between "you" and its verb that are no adverbs ("you each decide", "you alone know")
_FLOATING = frozenset({"each", "both", "alone", "too"})
# words after "and" or a comma that start a clause with a subject of its own ("…, they
# follow", "and each person answers", "and two people listen"): no verb joined to "you"'s
_NEW_SUBJECT = _SUBJECTS | _DETERMINERS | frozenset({
    "you", "he", "she", "this", "that", "these", "those", "all", "both", "most", "several",
    "none", "one", "two", "three", "four", "five", "six", "ten", "family", "friends",
})
# words between "you" and its verb ("when you quietly go"): the verb after them takes the "s"
_ADVERBS = frozenset({
    "just", "often", "always", "never", "still", "also", "first", "then", "only", "even", "ever",
    "already", "sometimes", "seldom", "soon", "almost", "rather", "quite", "perhaps", "maybe",
    "mostly", "instead", "together", "once", "twice", "hardly", "barely", "nearly",
})
# words ending in "ly" that are verbs, not adverbs ("when you apply pressure")
_LY_VERBS = frozenset({"apply", "reply", "rely", "supply", "comply", "imply", "multiply",
                       "bully", "rally", "tally", "fly", "ally", "sully"})
_LY_NOUNS = frozenset({"family", "assembly", "belly", "jelly"})
# well-known verbs: one joined by "and"/"or" further along takes the "s" too ("sits with
# them and listens"), where a noun would not ("checks meds and bloods")
_KNOWN_VERBS = frozenset({
    "think", "feel", "know", "want", "need", "say", "see", "hear", "believe", "go", "get",
    "make", "take", "give", "tell", "ask", "work", "help", "care", "notice", "expect", "hope",
    "like", "try", "use", "bring", "share", "keep", "let", "find", "come", "sit", "listen",
    "learn", "look", "seem", "mean", "stay", "lead", "choose", "decide", "speak", "talk",
    "own", "hold", "carry", "walk", "stand", "agree", "call", "name", "offer", "plan", "owe",
    "check", "push", "step", "reach", "wait", "watch", "read", "write", "cope", "worry",
    "teach", "fix", "relax", "wish", "echo", "doubt", "apply", "dismiss", "rush", "catch",
    "play", "support", "miss", "cry", "finish", "act", "leave", "follow", "ring", "return",
})

# words that end the stretch in which a verb can be joined to the one before ("thinks and
# feels"): a new clause ("…when they", "…what your")
_STOP_JOINING = (_SUBJECTS | _SUBJECT_AFTER | {"your", "yourself"}) - {"and", "or"}


def _adverb(word: str) -> bool:
    """A word between "you" and its verb ("really", "quietly", "always")."""
    w = word.casefold()
    return w in _ADVERBS or (w.endswith("ly") and len(w) > 4
                             and w not in _LY_VERBS and w not in _LY_NOUNS)


def _present(verb: str) -> str | None:
    """`verb` as said after "the writer" ("think" -> "thinks", "do" -> "does"); None for a
    word that is not a verb in the present ("told", "can't", "okay", "guys")."""
    w = verb.casefold().replace("’", "'")
    if w in _AFTER_YOU:
        return _in_case_of(verb, _AFTER_YOU[w])
    if ("'" in w or w in _NOT_A_VERB or w in _IRREGULAR_PAST or _adverb(w)
            or (w.endswith("ed") and len(w) > 3 and not w.endswith("eed")
                and w not in _ED_VERBS)
            or (w.endswith("s") and not w.endswith(("ss", "us", "is")))
            or (w.endswith("ing") and re.search("[aeiouy]", w[:-3]))):
        return None
    return _third_person(verb)


def _third_person(verb: str) -> str:
    """"think" as "the writer thinks" says it ("push" -> "pushes", "cry" -> "cries")."""
    if verb.casefold().endswith(("s", "sh", "ch", "x", "z", "o")):
        said = verb + "es"
    elif len(verb) > 1 and verb.casefold().endswith("y") and verb[-2] not in "aeiouAEIOU":
        said = verb[:-1] + "ies"
    else:
        said = verb + "s"
    return said.upper() if verb.isupper() and len(verb) > 1 else said


def _in_case_of(word: str, said: str, title: bool = False) -> str:
    """`said` in the case `word` was typed in: "YOUR" -> "THE WRITER'S", "Your" -> "The…";
    `title`: the label is in title case ("You Think" -> "The Writer Thinks")."""
    if word.isupper() and len(word) > 1:
        return said.upper()
    if title and word[:1].isupper():
        return " ".join(w[:1].upper() + w[1:] for w in said.split(" "))
    return said[:1].upper() + said[1:] if word[:1].isupper() else said


class _Label:
    """One stretch of a label (outside quotations) as its words and the text between them,
    rewritten word by word from "you" to "the writer" (`about_the_writer`)."""

    def __init__(self, text: str) -> None:
        parts = _WORDS.split(text)
        self.gaps, self.words = parts[0::2], parts[1::2]  # gaps[i] is before words[i]
        self.said = list(self.words)
        self.seen = False  # "the writer" said already: a second "your" is "the writer's own"

    def low(self, i: int) -> str:
        return self.words[i].casefold().replace("’", "'") if 0 <= i < len(self.words) else ""

    def opens(self, i: int, comma: bool = True) -> bool:
        """Whether word `i` starts the label, a sentence or a clause."""
        gap = self.gaps[i].strip()
        return i == 0 or any(c in gap for c in ".?!;:()—–" + ("," if comma else ""))

    def spaced(self, i: int) -> bool:
        """Whether only spaces come before word `i` (no punctuation joins or splits it)."""
        return i < len(self.words) and not self.gaps[i].strip()

    def asks(self, i: int) -> bool:
        """Whether word `i` ("do", "have", "are") asks a question ("Have you…", "what do
        you…", "What strengths do you…"), not "staff have you run errands"."""
        if self.opens(i) or self.low(i - 1) in _QUESTION_WORDS | {"or"}:
            return True
        for back in range(i - 1, max(i - 5, -1), -1):
            if self.low(back) in _SUBJECTS or (back < i - 1 and self.opens(back + 1)):
                return False
            if self.low(back) in {"what", "which", "whose", "how"}:
                return True
        return False

    def role(self, i: int) -> str:
        """What "you" (word `i`) is: "asked" ("do you feel"), "subject" ("what you feel",
        "the people you support") or "object" ("telling you", "staff have you run")."""
        before = self.low(i - 1)
        if self.opens(i) or not before:
            return "subject"
        if before in _ASKING:
            return "asked" if before not in _AFTER_YOU or self.asks(i - 1) else "object"
        if before in _SUBJECT_AFTER:
            return "subject"
        if before in _NOUN_BEFORE or (self.spaced(i - 1) and self._noun(i - 1)):
            return "subject"
        return "object"

    def _noun(self, i: int) -> bool:
        """Whether word `i`, after a determiner, is a noun ("the role", "the stories", "the
        feeling"), not a verb or gerund ("each tells", "their telling")."""
        det, w = self.low(i - 1), self.low(i)
        if w.endswith("ing"):
            return det == "the"
        return det in _STRICT_DETERMINERS or (det in _DETERMINERS and not w.endswith(("ed", "s")))

    def verbs(self, i: int) -> None:
        """The verb(s) "you" (word `i`) does, as "the writer" does them: past adverbs
        ("quietly goes"), and on along "and"/"or"/a list ("hears and sees")."""
        k = start = self._aside(i + 1)
        while self.spaced(k) and (_adverb(self.words[k]) or self.low(k) in _FLOATING):
            k += 1
        after_aside = k == start and start > i + 1  # "you, not staff, decide"
        if not (self.spaced(k) or after_aside) or (said := _present(self.words[k])) is None:
            return
        self.said[k] = said
        while (joined := self._joined(k)) is not None:
            k = joined
            self.said[k] = _present(self.words[k]) or self.words[k]

    def _aside(self, k: int) -> int:
        """Word `k` after "you", or the word after an aside there ("you, not staff, decide")."""
        if self.low(k) == "not" and "," in self.gaps[k]:
            for j in range(k + 1, min(k + 5, len(self.words))):
                if "," in self.gaps[j]:
                    return j
        return k

    def _joined(self, verb: int) -> int | None:
        """The next verb joined to the one at `verb` ("thinks and feels", "feels, thinks",
        "sits with them and really listens", "asks questions, listens"), if any: not one
        with a subject of its own ("leads, they follow", "cares and staff notice")."""
        for k in range(verb + 1, min(verb + 8, len(self.words))):
            listed = k == verb + 1 and "," in self.gaps[k]
            if not listed and (self.opens(k, comma=False) or self.low(k) in _STOP_JOINING):
                return None
            if not listed and "," in self.gaps[k] and self.low(k) in _KNOWN_VERBS \
                    and self.low(k + 1) not in _ASKING:
                return k  # a list further along ("asks questions, listens and waits")
            if self.low(k) not in {"and", "or"} and not listed:
                continue
            first = k + 1 if not listed or self.low(k) in {"and", "or"} else k
            after = first
            while after < len(self.words) and _adverb(self.words[after]):
                after += 1
            if after >= len(self.words) or _present(self.words[after]) is None \
                    or self._subject(after):
                return None
            close = k == verb + 1 or after > first
            return after if close or self.low(after) in _KNOWN_VERBS else None
        return None

    def _subject(self, k: int) -> bool:
        """Whether word `k`, after "and" or a comma, starts a clause with a subject of its
        own: a pronoun, a determiner or number ("each person", "two people"), or a noun with
        its verb after it ("family notice")."""
        w = self.low(k)
        return w in _NEW_SUBJECT or self.low(k + 1) in _ASKING or (
            w not in _KNOWN_VERBS and self.spaced(k + 1) and self.low(k + 1) in _KNOWN_VERBS)

    def writer(self, i: int) -> None:
        """"you" (word `i`) as "the writer", with its verb(s) where it does something."""
        title = self.spaced(i + 1) and self.words[i + 1][:1].isupper() \
            and not self.words[i + 1].isupper()
        said = "the writer"
        if self.low(i - 1) in {"the", "a"} and self.spaced(i):  # "the you that shows up"
            said, self.said[i - 1], self.gaps[i] = self.words[i - 1] + " writer", "", ""
        self.said[i] = _in_case_of(self.words[i], said, title)
        if self.low(i + 1) in {"all", "guys"} and self.spaced(i + 1):  # "you all": the writer
            self.said[i + 1], self.gaps[i + 1] = "", ""
            return
        role = self.role(i)
        if self.low(i + 1) in _ABOUT_THE_WRITER and self.spaced(i + 1):  # "you yourself"
            self.word(i + 1)
            i += 1
        if role == "subject":
            self.verbs(i)

    def word(self, i: int) -> None:
        """Word `i` as said about the writer, where it is said to them."""
        w = self.low(i)
        if w == "you":
            keep = self.gaps[i].endswith("-") or (i + 1 < len(self.words)
                                                  and self.gaps[i + 1].startswith("-"))
            thanked = self.low(i - 1) == "thank" and (
                i == 1 or self.low(i - 2) in {"a", "the", "no", "any", "say", "says", "said",
                                               "saying", "big", "quick"})
            if not (keep or thanked):
                self.writer(i)
                self.seen = True
            return
        said = _ABOUT_THE_WRITER.get(w)
        if said is None:
            if w in _AFTER_YOU and self.low(i + 1) == "you" and self.spaced(i + 1) \
                    and self.low(i + 2) != "and" and self.asks(i):
                self.said[i] = _in_case_of(self.words[i], _AFTER_YOU[w])
            return
        if w == "your" and self.seen and self.low(i + 1) != "own":
            said = "the writer's own"  # "Has the writer shared the writer's own story?"
        if w == "you'd" and self._had(i + 1):
            said = "the writer had"
        title = self.spaced(i + 1) and self.words[i + 1][:1].isupper()
        self.said[i] = _in_case_of(self.words[i], said, title)
        self.seen = True

    def _had(self, k: int) -> bool:
        """Whether "you'd" before word `k` is "you had" ("you'd better", "you'd been",
        "you'd already told them"), not "you would" ("you'd like", "you'd have been")."""
        while self.spaced(k) and _adverb(self.words[k]):
            k += 1
        w = self.low(k)
        return self.spaced(k) and (w in {"better", "been"} or w in _IRREGULAR_PAST or (
            w.endswith("ed") and len(w) > 3 and not w.endswith("eed") and w not in _ED_VERBS))

    def text(self) -> str:
        for i in range(len(self.words)):
            if self.said[i] == self.words[i]:  # not yet said otherwise (a verb after "you")
                self.word(i)
        return "".join(g + s for g, s in zip(self.gaps, [*self.said, ""], strict=True))


def about_the_writer(label: str) -> str:
    """A marker's label, said to the writer ("sharing your recovery story", "looking after
    yourself", "what you think"), as the summary says it to the mentor who reads it: about
    the writer ("sharing the writer's recovery story", "looking after themselves", "what the
    writer thinks"). Not "their": the labels of what the person supported says use it
    ("their choices and hopes"), and "holding their story back" would read as that person's
    story. A quotation inside it ("you should…" or 'you should…') is left as it was said.

    A word after "you" that it does takes the "s" ("when the writer pushes back") unless it
    is not a verb in the present (`_present`: "told", "can", "okay"); "you" as the subject of
    a question keeps its verb ("Does the writer feel heard?"), and as an object has none
    ("letting staff have the writer run errands")."""
    parts = _QUOTATION.split(label)
    return "".join(part if n % 2 else _Label(part).text() for n, part in enumerate(parts))


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
    return (f"{first} to {show(turn['value'])} in {_starts_span(turn['at'], turn['at_end'], by)}"
            f", {back} to {show(turn['last'])} in "
            f"{_starts_span(turn['last_at'], turn['last_end'], by)}")


def _starts_span(start: str, last: str, by: str) -> str:
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
        halves,
        learned_caveat,
        period_words,
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
        turned = turn([p[key] for p in with_entries], entries, words)
        if turned:  # (its halves would call a rise and a fall back "rose" or "held steady")
            starts = [p["start"] for p in with_entries]
            lines.append(f"{name} {turn_words(turned.as_json(starts), unit)} (per 100 "
                         f"words){learned_caveat(summary, key)}.")
            continue
        then = f"{number(split.before)}, then {number(split.after)} per 100 words"
        caveat = ""
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
    from peerjournal.summary import halves, period_words, turn

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
            turned = turn(series, entries, words)
            split = None if turned else halves(series, entries, words)
            if turned:
                size, moved = turned.size, turn_words(turned.as_json(starts), unit)
            elif split is not None and split.direction != "steady":
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
    said = []
    for key, name in (("drift", "peer drift"), ("identity", "peer identity")):
        then, now = prev[key], totals[key]
        if then is None or now is None:
            continue
        if number(then) == number(now) == number(0):  # (not "held steady (0.0, then 0.0)")
            said.append(f"no {name} either time")
        elif steady(then, now):
            said.append(f"{name} held steady ({number(then)}, then {number(now)})")
        else:
            way = "rose" if now > then else "fell"
            said.append(f"{name} {way} from {number(then)} to {number(now)}")
    if not said:
        return None
    return (f"Against the period before ({date_span(prev['since'], prev['until'])}, "
            f"{counted(prev['entries'], 'entry')}): {' and '.join(said)} per 100 words.")


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
