"""The mentor's review without Rich: summary text and file names made safe to show, and what
review compares between one writer's summaries, as numbers.

`review --json` needs nothing more (it writes these numbers and draws nothing), so it never
imports Rich; `render.review` only formats what is computed here. Summaries reach here
validated (`summary.validate_summary`).

A summary exported since round 43 carries the ID of the journal it came from (`journal_id`):
summaries with the same ID are one writer's, whatever their signatures. One without it (from an
older peerjournal, or exported with --no-journal-id) names its writer only by its signature
(`export --from`): summaries signed alike are one writer's (`writer_key`), unless their shared
entries show two journals (`writers`); unsigned ones, and those whose signature redaction
replaced, are never compared.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from itertools import combinations, pairwise
from typing import Any, NamedTuple, TypeVar

from peerjournal.plain_letters import EMAIL, NHS_NUMBER, PHONE, phone_number
from peerjournal.textsafe import clean

T = TypeVar("T")

Loaded = Sequence[tuple[str, dict[str, Any]]]
# The places the text shows a rate and a balance with (`exporters.common.number`, `balance`):
# `review --json` gives the numbers as a mentor reads them.
RATE_PLACES = 1
BALANCE_PLACES = 2
# The shared entries (and things the writer will do differently) the text review shows without
# --all: the latest. More than a 4-week summary holds with an entry every day, and already
# more than a mentor reads before a meeting; a whole journal's (20,000) took 27 s to draw.
SHOWN = 50


def sanitise(text: str, *, multiline: bool = True) -> str:
    """Text from an untrusted file (a summary, or its file's name) made safe to show:
    `textsafe.clean`, which here also shows bidi overrides and zero-width characters as
    escapes; on one line (`multiline=False`), the line and paragraph separators too, which
    a terminal's text (and Rich) would break a line at."""
    shown = clean(text, multiline=multiline, format_chars=True)
    return shown if multiline else _SEPARATOR.sub(lambda m: f"\\u{ord(m[0]):04x}", shown)


_SEPARATOR = re.compile("[\u2028\u2029]")


def sanitise_document(value: Any) -> Any:
    """Every string (keys included) in a loaded JSON document, sanitised. Without recursion:
    a field a summary never has, nested as deep as JSON is read (~1,000), is still shown."""
    root: list[Any] = [None]
    todo: list[tuple[Any, list[Any] | dict[str, Any], int | str]] = [(value, root, 0)]
    while todo:
        item, parent, at = todo.pop()
        if isinstance(item, str):
            parent[at] = sanitise(item)  # type: ignore[index]
        elif isinstance(item, list):
            copy: list[Any] = [None] * len(item)
            parent[at] = copy  # type: ignore[index]
            todo.extend((v, copy, n) for n, v in enumerate(item))
        elif isinstance(item, dict):
            keyed: dict[str, Any] = {}
            parent[at] = keyed  # type: ignore[index]
            pairs = [(sanitise(str(k)), v) for k, v in item.items()]
            keyed.update((key, None) for key, _ in pairs)  # (in the file's order)
            # the last of two keys made alike wins, as a dict built in order has it
            todo.extend((v, keyed, key) for key, v in reversed(pairs))
        else:
            parent[at] = item  # type: ignore[index]
    return root[0]


def sanitised_to_show(summary: dict[str, Any], shown: int | None) -> dict[str, Any]:
    """`summary` sanitised (`sanitise_document`) for the text review, which shows only the
    latest `shown` shared entries and intentions (`latest`) and counts and dates the rest:
    those are kept as `_unshown` stubs, not cleaned whole (20,000 entries took seconds). The
    signature is shown on one line: a line break in it (an edited file) would draw a line of
    the review's own ("File: …") under the title."""
    out = {}
    for key, value in summary.items():
        if key in ("shared_entries", "intentions") and shown is not None:
            kept, hidden = latest(value, shown)
            out[key] = _unshown(hidden) + sanitise_document(list(kept))
            continue
        if key == "writer" and isinstance(value, str):
            out[key] = sanitise(value, multiline=False)
            continue
        out[sanitise(key)] = sanitise_document(value)
    return out


def directions_as_read_now(summary: dict[str, Any]) -> dict[str, Any]:
    """`summary` with its dimensions' directions as this version shows them: none where
    every period with entries holds one entry (`summary.one_entry_each`), as a summary from
    before round 38 gave them; none where a half holds too little writing to compare
    (`summary.halves`), as one from before round 43 gave them; none for a one-period spike
    (`summary.Halves.arrow`), which the file calls steady. "At a glance" says there is no
    trend then ("a spike rather than a trend"): the Dimensions table shows no arrow saying
    there is one, nor that it held steady, but "spike" (`exporters.common.dimension_spike`).
    (`review --json` gives the file's own; so does the summary, as `report` does.)"""
    from peerjournal.summary import POLARITIES, dimension_trend, one_entry_each

    if one_entry_each(p["entries"] for p in summary["periods"]):
        rows = [{**row, **{f"{p}_direction": None for p in POLARITIES}}
                for row in summary["dimensions"]]
        return {**summary, "dimensions": rows}
    periods = _with_dimensions(summary)
    if periods is None:
        return summary
    rows = []
    for row in summary["dimensions"]:
        row = dict(row)
        for polarity in POLARITIES:
            split = dimension_trend(periods, row["id"], polarity).halves
            if split is None or split.arrow is None:
                row[f"{polarity}_direction"] = None
        rows.append(row)
    return {**summary, "dimensions": rows}


# What redaction writes in place of a listed name; with no one listed, one in a summary was
# typed so by the writer, which its "Redaction" line says (`exporters.common.facts`)
_PERSON = "[person]"


def _unshown(items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Shared entries or intentions the review does not show, as what is still said of them
    reads them: their dates (`left_out`), and their texts (`summary.journal_texts`, for
    whether they hold a "[person]") empty but for those holding one, cleaned. Their fields
    are kept (a stub of its date alone had `journal_texts` fail on its setting)."""
    keys: dict[str, str] = {}  # each field's name, cleaned once (they are alike in each item)
    stubs = []
    for item in items:
        stub: dict[str, Any] = {"date": item["date"]}  # (a validated ISO date)
        for key, value in item.items():
            if isinstance(value, list):
                value = [sanitise(v) for v in value if isinstance(v, str) and _PERSON in v]
            elif isinstance(value, str) and key != "date":
                value = sanitise(value) if _PERSON in value else ""
            else:
                continue  # (the date; a verdict of None: nothing said of an unshown one)
            if key not in keys:
                keys[key] = sanitise(key)
            stub[keys[key]] = value
        stubs.append(stub)
    return stubs


def latest(items: Sequence[T], shown: int | None) -> tuple[Sequence[T], Sequence[T]]:
    """The last `shown` items (all of them with None) and those before them. An export lists
    shared entries and intentions oldest first, so these are the latest."""
    if shown is None or len(items) <= shown:
        return items, ()
    return items[-shown:], items[:-shown]


def left_out(hidden: Sequence[dict[str, Any]], shown: int, noun: str = "") -> str:
    """The line in place of `hidden` (dated items): how many, of when, and how to see them."""
    from datetime import date

    from peerjournal.dates import spoken

    dates = [item["date"] for item in hidden]
    first, last = (spoken(date.fromisoformat(d)) for d in (min(dates), max(dates)))
    when = f"on {first}" if first == last else f"from {first} to {last}"
    return (
        f"The latest {shown} of {len(hidden) + shown:,}{f' {noun}' if noun else ''} are shown; "
        f"the {len(hidden):,} earlier ones, {when}, are not: `peerjournal review --all` shows "
        "every one."
    )


# What redaction writes in place of a name or a number (`redact.placeholders`: "[person]",
# "[phone]", "[date of birth]"), without importing the redactor into `review --json`
_PLACEHOLDER = re.compile(r"\[[a-z]+(?: [a-z]+)*\]")


# The journal ID an export gives a summary (`db.store.JOURNAL_ID_BYTES` random bytes, as hex),
# and in words (a backup's "journal" too: `importing`)
JOURNAL_ID = re.compile(r"[0-9a-f]{12}")
JOURNAL_ID_FORM = "12 characters, 0-9 and a-f"


def journal_id(summary: dict[str, Any]) -> str | None:
    """The ID of the journal a summary was exported from (its "journal", which
    `check_as_exported` has checked); None for a summary without one: made by an older
    peerjournal, or exported with --no-journal-id."""
    found = summary.get("journal")
    return found if isinstance(found, str) else None


def writer_key(summary: dict[str, Any]) -> str | None:
    """Who signed a summary (`--from`), compared without case or spacing; None if unsigned,
    or signed with what redaction put in place of a name: a signature that held a listed
    name ("[person]", an alias; `writer_replaced`, or a placeholder in a summary from before
    it) names no one, and two writers' would read alike.

    Of a summary without a journal ID (`journal_id`), the signature is the only identity it
    carries: such summaries signed alike are read as one writer's."""
    writer = summary.get("writer")
    if not isinstance(writer, str) or summary.get("writer_replaced") is True:
        return None
    if _PLACEHOLDER.search(writer):
        return None
    return " ".join(writer.casefold().split()) or None


# The texts of a shared entry that tell it from another writer's of the same day (a feeling
# such as "Tired." may well be two writers')
_TELLING = ("experience", "evaluation", "self_care")


def _entry_marks(s: dict[str, Any], since: str, until: str) -> set[tuple[str, str]]:
    """(date, text) of each of the summary's shared entries dated from `since` to `until`."""
    return {(e["date"], text) for e in s["shared_entries"] if since <= e["date"] <= until
            for key in _TELLING if isinstance(text := e.get(key), str) and text.strip()}


def _overlap_marks(
    a: dict[str, Any], b: dict[str, Any]
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """Each summary's shared entries (`_entry_marks`) of the days both periods cover."""
    since = max(a["period"]["since"], b["period"]["since"])
    until = min(a["period"]["until"], b["period"]["until"])
    if since > until:
        return set(), set()
    return _entry_marks(a, since, until), _entry_marks(b, since, until)


def apart(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two summaries that cannot be one journal's: their periods share days, each shares an
    entry of those days, and no entry of those days is in both. (Two people sign alike, "Ellis";
    one writer's summaries share the same entries where their periods overlap.)"""
    marks_a, marks_b = _overlap_marks(a, b)
    return bool(marks_a and marks_b and not marks_a & marks_b)


def _share(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two summaries holding the same shared entry: evidence they are one journal's."""
    marks_a, marks_b = _overlap_marks(a, b)
    return bool(marks_a & marks_b)


class Writer(NamedTuple):
    """Whose review reads a summary as: the journal's ID (`key`, with `n` BY_JOURNAL) for a
    summary that gives one; else its signature (`writer_key`) and which of the journals
    signing so it is (`n`: 0, 1, …). A tuple: ("ellis", 0) is the first journal signed Ellis."""

    key: str
    n: int


BY_JOURNAL = -1  # `Writer.n` of a writer known by their journal's ID (never a signature's n)


def _clusters(members: Sequence[int], summaries: Sequence[dict[str, Any]]) -> list[list[int]]:
    """`members` (indexes into `summaries`) joined where they share an entry (`_share`), even
    through another; in the order of each one's first summary."""
    clusters: list[list[int]] = []
    for i in members:
        joined = [c for c in clusters if any(_share(summaries[i], summaries[j]) for j in c)]
        rest = [c for c in clusters if all(c is not d for d in joined)]
        clusters = [*rest, sorted([i, *(j for c in joined for j in c)])]
    return sorted(clusters, key=lambda c: c[0])


def writers(summaries: Sequence[dict[str, Any]]) -> list[Writer | None]:
    """Each summary's writer, as review groups them. Summaries with a journal ID are that
    journal's, whatever their signatures, unless some are `apart` (a copied journal, or two
    started from one backup: `shared_ids`): each part is then a writer (n BY_JOURNAL, one
    less for each further part). Those without an ID go by their `writer_key`: those that
    share an entry are one journal's first (`_clusters`); each such cluster, in file order,
    joins the journal of its signature it shares an entry with, else the one it is `apart`
    from none of (the journals with an ID that signed so come first), else a journal of its
    own (n 0, 1, … for each signature); one that fits more than one journal with an ID of
    its signature and shares an entry with none is no one's (`unplaced`), not guessed.
    Unsigned summaries without an ID, and those whose signature redaction replaced, are no
    one's (None)."""
    out: list[Writer | None] = [None] * len(summaries)
    by_id: dict[str, list[int]] = {}
    by_key: dict[str, list[int]] = {}
    for i, s in enumerate(summaries):
        if (found := journal_id(s)) is not None:
            by_id.setdefault(found, []).append(i)
        elif (key := writer_key(s)) is not None:
            by_key.setdefault(key, []).append(i)
    known: list[tuple[Writer, list[int]]] = []  # each journal with an ID (each part of one)
    for found, members in by_id.items():
        parts: list[tuple[Writer, list[int]]] = []
        for cluster in _clusters(members, summaries):
            sharing, fits = _fitting(cluster, parts, summaries)
            if not (sharing or fits):
                parts.append((Writer(found, BY_JOURNAL - len(parts)), []))
            (sharing or fits or parts[-1:])[0][1].extend(cluster)
        known += parts
    for key, members in by_key.items():
        journals = [(writer, journal) for writer, journal in known
                    if any(writer_key(summaries[j]) == key for j in journal)]
        with_id = len(journals)
        for cluster in _clusters(members, summaries):
            sharing, fits = _fitting(cluster, journals, summaries)
            if not sharing and sum(1 for writer, _ in fits if by_journal(writer)) > 1:
                continue  # signed like two journals with an ID, and either's: `unplaced`
            if not (sharing or fits):
                journals.append((Writer(key, len(journals) - with_id), []))
            (sharing or fits or journals[-1:])[0][1].extend(cluster)
        known += journals[with_id:]
    for writer, journal in known:
        for i in journal:
            out[i] = writer
    return out


def _fitting(
    cluster: Sequence[int], journals: Sequence[tuple[Writer, list[int]]],
    summaries: Sequence[dict[str, Any]],
) -> tuple[list[tuple[Writer, list[int]]], list[tuple[Writer, list[int]]]]:
    """The `journals` (writer, summaries) `cluster` may join: those it shares an entry with,
    and those it is `apart` from none of."""
    fits = [(writer, journal) for writer, journal in journals if not any(
        apart(summaries[i], summaries[j]) for i in cluster for j in journal)]
    sharing = [(writer, journal) for writer, journal in fits if any(
        _share(summaries[i], summaries[j]) for i in cluster for j in journal)]
    return sharing, fits


def by_journal(key: Writer | None) -> bool:
    """Whether `writers` read a writer by their journal's ID (not by a signature)."""
    return key is not None and key.n <= BY_JOURNAL


def unplaced(summaries: Sequence[dict[str, Any]], keys: Sequence[Writer | None]) -> list[int]:
    """The summaries (indexes) without a journal ID that `writers` (`keys`) read as no one's
    although signed: each is signed like more than one journal with an ID, and could be any
    of theirs."""
    return [i for i, (s, key) in enumerate(zip(summaries, keys, strict=True))
            if key is None and journal_id(s) is None and writer_key(s) is not None]


class SharedId(NamedTuple):
    """A journal ID that `writers` read as more than one writer's: its summaries (indexes)
    and how many writers they are read as."""

    journal: str
    members: list[int]
    writers: int


def shared_ids(
    summaries: Sequence[dict[str, Any]], keys: Sequence[Writer | None]
) -> list[SharedId]:
    """Each journal ID that `writers` (`keys`) read as more than one writer's: some of its
    summaries cover the same days with different entries (`apart`)."""
    parts: dict[str, set[Writer]] = {}
    members: dict[str, list[int]] = {}
    for i, (s, key) in enumerate(zip(summaries, keys, strict=True)):
        if (found := journal_id(s)) is not None and key is not None:
            parts.setdefault(found, set()).add(key)
            members.setdefault(found, []).append(i)
    return [SharedId(found, members[found], len(writers_of))
            for found, writers_of in parts.items() if len(writers_of) > 1]


# Why a summary is never compared (`not_compared`): `review --json`'s "not_compared"
UNSIGNED = "unsigned"
SIGNATURE_REPLACED = "signature_replaced"
SIGNED_LIKE_SEVERAL = "signed_like_several"


def not_compared(
    summaries: Sequence[dict[str, Any]], keys: Sequence[Writer | None]
) -> list[str | None]:
    """Why `writers` (`keys`) read each summary as no one's, so that it is compared with
    none: without a journal ID, UNSIGNED, SIGNATURE_REPLACED (a name redaction replaced:
    `writer_key`), or SIGNED_LIKE_SEVERAL writers with an ID (`unplaced`); None for a summary
    read as a writer's."""
    left = set(unplaced(summaries, keys))
    out: list[str | None] = []
    for i, (s, key) in enumerate(zip(summaries, keys, strict=True)):
        signed = isinstance(writer := s.get("writer"), str) and bool(writer.strip())
        out.append(None if key is not None else SIGNED_LIKE_SEVERAL if i in left
                   else SIGNATURE_REPLACED if signed else UNSIGNED)
    return out


def signed_alike(
    summaries: Sequence[dict[str, Any]], keys: Sequence[Writer | None]
) -> list[bool]:
    """Whether each summary is signed like one that `writers` (`keys`) read as another
    writer's: two journals whose IDs differ, or, without IDs, whose shared entries differ."""
    groups = _by_signature(summaries, keys)
    return [(signature := writer_key(s)) is not None and len(groups.get(signature, {})) > 1
            for s in summaries]


def _by_signature(
    summaries: Sequence[dict[str, Any]], keys: Sequence[Writer | None]
) -> dict[str, dict[Writer, list[int]]]:
    """The summaries (their indexes) signed alike (`writer_key`), by the writer each is read
    as (`keys`)."""
    found: dict[str, dict[Writer, list[int]]] = {}
    for i, (s, key) in enumerate(zip(summaries, keys, strict=True)):
        if (signature := writer_key(s)) is not None and key is not None:
            found.setdefault(signature, {}).setdefault(key, []).append(i)
    return found


def told_apart(
    summaries: Sequence[dict[str, Any]], keys: Sequence[Writer | None]
) -> tuple[bool, bool]:
    """How summaries signed alike (`signed_alike`) were read as different writers': whether
    some by their journal IDs (two that give one, and they differ), and whether some by
    their shared entries: two read as different writers', one of them without an ID, that
    are `apart` (two with one ID told apart so: `shared_ids`)."""
    by_id = by_entries = False
    for groups in _by_signature(summaries, keys).values():
        if len(groups) < 2:
            continue
        given = {journal_id(summaries[i]) for members in groups.values() for i in members}
        by_id = by_id or len(given - {None}) > 1
        by_entries = by_entries or any(
            apart(summaries[i], summaries[j])
            for a, b in combinations(groups.values(), 2) for i in a for j in b
            if journal_id(summaries[i]) is None or journal_id(summaries[j]) is None)
    return by_id, by_entries


def writer_numbers(keys: Sequence[Writer | None]) -> list[int | None]:
    """Each summary's writer (`keys`, `writers`') as a number, 1 for the first named, the
    same for the summaries read as one writer's (and compared); None for those never compared
    (unsigned without a journal ID, or signed with a name redaction replaced).
    `review --json`'s "writer_number"."""
    numbers: dict[Writer, int] = {}
    for key in keys:
        if key is not None:
            numbers.setdefault(key, len(numbers) + 1)
    return [None if key is None else numbers[key] for key in keys]


def as_shown(value: float | None, places: int) -> float | None:
    """`value` rounded to `places` decimals as the text rounds it (`trends.fixed`: ties to
    even, from the digits the value prints with), None for none. A `trends.Rounded`, so that
    formatting it again gives the digits `value` would have."""
    if value is None:
        return None
    from fractions import Fraction

    from peerjournal.trends import Rounded

    exact = Fraction(repr(float(value)))
    return Rounded(exact.numerator, exact.denominator, places)


def _mean(s: dict[str, Any], key: str) -> float | None:
    """The summary's identity or drift per 100 words: its totals (as `peerjournal report` gives
    them), or, in a summary from before them, the periods' pooled as the trend's halves are
    (`summary.halves`), over the periods that have that number (the schema lets either be
    null alone)."""
    from peerjournal.summary import period_words, pooled, trend_points

    totals = s.get("totals") or {}
    if totals.get(key) is not None:
        return float(totals[key])
    periods = s["periods"]
    entries = [p["entries"] for p in periods]
    return pooled(trend_points([p[key] for p in periods], entries, period_words(periods)))


@dataclass(frozen=True)
class Headline:
    """A summary's overall numbers, rounded as the text shows them (None where it shows "–"):
    identity and drift per 100 words, and the balance (from its totals alone: a summary from
    before them gives none, and the text says what its numbers give, `older_balance`)."""

    identity: float | None
    drift: float | None
    balance: float | None
    too_little: bool = False  # each scored entry too little for a balance: shown so, not "–"


def headline(s: dict[str, Any]) -> Headline:
    from peerjournal.exporters.common import settled

    totals = s.get("totals") or {}
    # (a "too little" summary keeps a balance for older readers, not to be shown: `summary`)
    balance = None if totals.get("too_little") else totals.get("balance")
    return Headline(
        as_shown(_mean(s, "identity"), RATE_PLACES),
        as_shown(_mean(s, "drift"), RATE_PLACES),
        # a balance stored on a tie (0.595) shown as the export shows it (`settled`)
        as_shown(None if balance is None else settled(balance, totals), BALANCE_PLACES),
        bool(totals.get("too_little")),
    )


def older_balance(s: dict[str, Any]) -> float | None:
    """For a summary from before the totals (which gives no balance: `headline`'s is None),
    the balance its identity and drift as review shows them (`_mean`) give, (identity - drift)
    / (identity + drift) as `peerjournal report` defines it, rounded as shown; None for any
    other summary, or one without evidence. The text says it beside the "–" so a mentor
    need not work it out; `--json` keeps null, as the summary holds none."""
    if s.get("totals") is not None:
        return None
    identity, drift = _mean(s, "identity"), _mean(s, "drift")
    if identity is None or drift is None or identity + drift <= 0:
        return None
    return as_shown((identity - drift) / (identity + drift), BALANCE_PLACES)


def lexicons_differ(run: Sequence[dict[str, Any]]) -> bool:
    """The summaries were scored with different drift lexicons (those that say which; those
    that do not: `lexicon_unknown`)."""
    versions = {tuple(s.get("lexicon_versions") or ()) for s in run}
    versions.discard(())
    return len(versions) > 1


NAME_WIDTH = 80  # characters of a lexicon's name a review shows (it is in every note)


def lexicon_names(s: dict[str, Any]) -> dict[str, str]:
    """The names a summary gives the drift lexicons that scored it (`lexicon_names`: the
    lexicon the writer's peerjournal used, by version, as `export` writes it), each on one
    line and cut to NAME_WIDTH; {} for a summary without them (exported before they were
    given), or with anything else there."""
    from peerjournal.textsafe import cut

    names = s.get("lexicon_names")
    if not isinstance(names, dict):
        return {}
    return {version: cut(" ".join(name.split()), NAME_WIDTH) for version, name in names.items()
            if isinstance(version, str) and isinstance(name, str) and name.strip()}


def dimensions_said_of_the_writer(s: dict[str, Any]) -> dict[str, Any]:
    """`s` with its dimensions named as a mentor reads them (`common.said_of_the_writer`:
    "Your voice" is "The writer's voice"), for the review's Dimensions table, as a summary's
    own pages name them."""
    from peerjournal.exporters.common import said_of_the_writer

    return {**s, "dimensions": said_of_the_writer(s["dimensions"])}


def named_alike(summaries: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The summaries, each naming the lexicon versions that scored it where another of them
    names one it does not (exported before summaries named their lexicon, or after the writer
    switched lexicon without rescoring): a version is its file's hash, so the name another
    gives is the same lexicon's, and one `review` describes each version one way throughout
    (its note on lexicons and each summary's "Drift lexicon" row)."""
    names: dict[str, str] = {}
    for s in summaries:
        names = lexicon_names(s) | names  # (the first summary to name a version names it)
    out = []
    for s in summaries:
        own = lexicon_names(s)
        missing = {v: names[v] for v in s.get("lexicon_versions") or ()
                   if isinstance(v, str) and v in names and v not in own}
        out.append({**s, "lexicon_names": own | missing} if missing else s)
    return out


@cache
def shipped_lexicon_version() -> str:
    """The version of the lexicon this peerjournal ships (its file's hash: read once, not
    for each of a hundred summaries)."""
    from peerjournal.drift.lexicon import lexicon_version

    return lexicon_version()


def lexicons(s: dict[str, Any]) -> list[dict[str, Any]]:
    """Each drift lexicon that scored the summary (its `lexicon_versions`, most used first):
    its version, its name where the summary gives one (else null), whether it is the
    lexicon this peerjournal ships ("shipped"), and which peerjournal shipped it
    ("shipped_by": `_shipped_by`): what a mentor needs to know whose phrase list counted the
    numbers. `review --json`'s "lexicons", and `render.review`'s words."""
    names = lexicon_names(s)
    versions = [v for v in s.get("lexicon_versions") or () if isinstance(v, str)]
    shipped = shipped_lexicon_version() if versions else None
    return [{"version": v, "name": names.get(v), "shipped": v == shipped,
             "shipped_by": _shipped_by(s, v == shipped, names.get(v))} for v in versions]


def _shipped_by(s: dict[str, Any], here: bool, name: str | None) -> str | None:
    """Which peerjournal shipped a lexicon: "this" one; "earlier" or "later" where the summary
    names it as a peerjournal's shipped lexicon (SHIPPED_NAME: an organisation's copy is
    named "a copy of" it) of another version, "later" only when the summary's generator is a
    newer peerjournal than this (a summary is mostly made before its mentor upgrades); None
    for an organisation's own lexicon, or one the summary does not name."""
    from peerjournal.drift.lexicon import SHIPPED_NAME

    if here:
        return "this"
    if name != SHIPPED_NAME:
        return None
    return "later" if _newer(str(s.get("generator", ""))) else "earlier"


def _newer(generator: str) -> bool:
    """Whether a summary's generator ("peerjournal 0.2.0") is a newer peerjournal than this."""
    from peerjournal import __version__

    def numbers(version: str) -> tuple[int, ...]:
        return tuple(int(n) for n in re.findall(r"\d+", version)[:3])

    return numbers(generator.rpartition(" ")[2]) > numbers(__version__)


def lexicon_unknown(s: dict[str, Any]) -> bool:
    """Whether a summary has numbers but does not say which drift lexicon scored them: made
    before summaries gave `lexicon_versions` (4 December 2026), or of entries scored before
    entries kept their lexicon's version. Its numbers may then come from another lexicon
    than the next summary's, which moves them as much as the writing does."""
    if s.get("lexicon_versions"):
        return False
    heads = headline(s)
    return heads.identity is not None or heads.drift is not None


def exported_again(run: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """The pairs of `run` (by index, the earlier export first) that cover the same period,
    by the same periods, with different entries or numbers: the writer changed entries in it
    (edited, added, deleted or rescored them) between the two exports, which `review` says,
    as two figures for one period read as a mistake otherwise. Not a pair scored with
    different drift lexicons (`lexicons_differ`) and as many entries: the lexicon moved
    its numbers, which the lexicon note says alone."""
    def numbers(s: dict[str, Any]) -> tuple[Any, ...]:
        totals = s.get("totals") or {}
        return (s["entries"]["total"], totals.get("identity"), totals.get("drift"))

    pairs = []
    for i, j in combinations(range(len(run)), 2):
        a, b = run[i], run[j]
        if a["period"] == b["period"] and numbers(a) != numbers(b) and not (
                lexicons_differ([a, b]) and a["entries"]["total"] == b["entries"]["total"]):
            pairs.append((i, j) if made_at(a) <= made_at(b) else (j, i))
    return pairs


def made_at(summary: Mapping[str, Any]) -> datetime:
    """When `summary` was exported (its `generated_at`, with its offset: validated so), which
    orders two summaries of one period (`exported_again`; review's order)."""
    return datetime.fromisoformat(summary["generated_at"])


def overlaps(run: Sequence[dict[str, Any]]) -> bool:
    """A summary's period starts before the previous one's ends: the same entries are then in
    both, and the numbers are not a sequence in time."""
    return any(b["period"]["since"] <= a["period"]["until"] for a, b in pairwise(run))


def _runs(
    loaded: Loaded, keys: Sequence[Writer | None]
) -> list[tuple[Writer, list[tuple[str, dict[str, Any]]]]]:
    """Each writer (`keys`, `writers`') who sent two summaries or more, with those summaries
    in `loaded`'s order (oldest first)."""
    runs: dict[Writer, list[tuple[str, dict[str, Any]]]] = {}
    for (name, s), key in zip(loaded, keys, strict=True):
        if key is not None:
            runs.setdefault(key, []).append((name, s))
    return [(key, run) for key, run in runs.items() if len(run) > 1]


def comparisons(
    loaded: Loaded, keys: Sequence[Writer | None] | None = None
) -> list[dict[str, Any]]:
    """For each writer with two summaries or more (`loaded` in review's order; `keys` their
    writers, else `writers` of them): their files and the numbers from one summary to the
    next (`headline`'s; null for "–"), and whether the periods overlap, the drift lexicons
    differ, or some summary does not say which scored it (`lexicon_unknown`); and the rest
    the text says of them: each one's signature, the balance an older one's rates give
    (`older_balance`), those that do not say their lexicon, and from each to the next the
    dimensions that moved most (`dimension_moves`), and each one's drift lexicons
    (`lexicons`: version, name, shipped, shipped_by). A writer known by their journal ID is
    named by their latest signature (`latest_signature`), one known by their signature as
    their first summary signs it.
    `review --json`'s "between", and what the text's "Between summaries" shows."""
    out = []
    keys = writers([s for _, s in loaded]) if keys is None else keys
    for key, run in _runs(loaded, keys):
        summaries = [s for _, s in run]
        heads = [headline(s) for s in summaries]
        out.append({
            "writer": (summaries[0]["writer"] if not by_journal(key)
                       else None if not all(s.get("writer") for s in summaries)
                       else latest_signature(summaries)),
            "files": [name for name, _ in run],
            **_span(summaries),
            "identity": [h.identity for h in heads],
            "drift": [h.drift for h in heads],
            "balance": [h.balance for h in heads],
            "entries": [s["entries"]["total"] for s in summaries],
            "alerts": [len(s["alerts"]) for s in summaries],
            "overlap": overlaps(summaries),
            "lexicons_differ": lexicons_differ(summaries),
            "lexicons_unknown": any(map(lexicon_unknown, summaries)),
            "words": [scored_words(s) for s in summaries],
            "too_little_to_compare": too_little_to_compare(summaries),
            "signature_only": signature_only(summaries),
            "signatures": [s.get("writer") for s in summaries],
            "derived_balance": [older_balance(s) for s in summaries],
            "files_without_lexicon": [name for name, s in run if lexicon_unknown(s)],
            "moved_most": [[m.as_json() for m in dimension_moves(a, b)]
                           for a, b in pairwise(summaries)],
            "lexicons": [lexicons(s) for s in summaries],
        })
    return out


def latest_signature(run: Sequence[dict[str, Any]]) -> str | None:
    """How the latest of one writer's summaries (oldest first) that is signed is signed;
    None when none is (summaries joined by their journal ID alone)."""
    return next((s["writer"] for s in reversed(run) if s.get("writer")), None)


def signature_only(run: Sequence[dict[str, Any]]) -> bool:
    """Whether one writer's summaries (`writers`) are joined only by their signature: some
    two in a row neither carry the same journal ID nor share an entry (`_share`). A summary
    without an ID does not say which journal it came from, so two people who sign alike in
    periods that do not overlap read as one writer."""
    return not all(_same_journal(a, b) or _share(a, b) for a, b in pairwise(run))


def joined_by_signature(run: Sequence[dict[str, Any]]) -> tuple[str, bool]:
    """For one writer's summaries joined by their signature (`signature_only`): the signature
    that joined them (that of those without a journal ID, signed alike: `writers`), and
    whether others carry an ID and are signed otherwise (a signature changed since)."""
    without = next(s for s in run if journal_id(s) is None)
    return without["writer"], len({writer_key(s) for s in run}) > 1


def _same_journal(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return (found := journal_id(a)) is not None and found == journal_id(b)


def _span(summaries: Sequence[dict[str, Any]]) -> dict[str, str]:
    """The days the summaries cover together: the earliest since to the latest until (the
    last to start need not end last, when they overlap)."""
    from datetime import date

    first = min(summaries, key=lambda s: date.fromisoformat(s["period"]["since"]))
    last = max(summaries, key=lambda s: date.fromisoformat(s["period"]["until"]))
    return {"since": first["period"]["since"], "until": last["period"]["until"]}


@dataclass(frozen=True)
class Move:
    """A dimension's rate on one side (`polarity`) in two summaries, one after the other."""

    polarity: str
    dimension: str  # its id
    label: str  # its name as a mentor reads it (`about_the_writer`: "The writer's voice")
    before: float
    after: float

    def as_json(self) -> dict[str, Any]:
        """As `review --json` gives it ("moved_most"), rounded as the text shows it."""
        return {"dimension": self.dimension, "label": self.label, "polarity": self.polarity,
                "before": as_shown(self.before, RATE_PLACES),
                "after": as_shown(self.after, RATE_PLACES)}


def scored_words(s: dict[str, Any]) -> int | None:
    """The scored words of a summary's periods; None for one from before periods gave them."""
    from peerjournal.summary import period_words

    words = period_words(s["periods"])
    return None if words is None else sum(words)


def too_little_to_compare(run: Sequence[dict[str, Any]]) -> bool:
    """Whether a summary of `run` holds too little writing to compare with another, by the
    rule the writer's `report` compares two windows by (`trends.comparable`: 300 scored words
    in each); one from before periods gave their words is not held to it."""
    from peerjournal.trends import Totals, comparable

    return not all(comparable(Totals(words=w)) for s in run if (w := scored_words(s)) is not None)


def dimension_moves(before: dict[str, Any], s: dict[str, Any]) -> list[Move]:
    """On each side (drift first), the dimension whose rate changed most between the two
    summaries, if by more than `summary.steady` allows (the dimensions' arrows' rule); none
    when either holds too little writing to compare (`too_little_to_compare`)."""
    from peerjournal.exporters.writer_words import about_the_writer
    from peerjournal.summary import steady

    if too_little_to_compare([before, s]):
        return []
    then = {d["id"]: d for d in before["dimensions"]}
    out = []
    for polarity in ("drift", "identity"):
        moves = [
            Move(polarity, d["id"], about_the_writer(d["label"]), a, b)
            for d in s["dimensions"]
            for a, b in [((then.get(d["id"]) or {}).get(polarity), d[polarity])]
            if a is not None and b is not None and not steady(a, b)
        ]
        if moves:
            out.append(max(moves, key=lambda m: abs(m.after - m.before)))
    return out


# ------------------------------------------------------------------ as an export writes it

# When exports began to say whether the people list had anyone on it ("people_listed", within
# schema 1 and the same version string): a redacted summary made before then says nothing of
# it, and is read, but its Redaction line claims nothing it cannot show (names may not have
# been hidden: its "redacted" may be set by hand; `exporters.common.facts`)
PEOPLE_LISTED_SINCE = "2026-12-06T01:45:05+00:00"
_PEOPLE_LISTED_DAY = "6 December 2026"


def _before_people(summary: dict[str, Any]) -> bool:
    """Whether the summary was made before exports said "people_listed" (its `generated_at`,
    validated: an ISO time with its offset)."""
    from datetime import datetime

    made = datetime.fromisoformat(summary["generated_at"])
    return made < datetime.fromisoformat(PEOPLE_LISTED_SINCE)


def check_as_exported(summary: dict[str, Any], name: str) -> None:
    """Refuse a summary (validated: `summary.validate_summary`) holding what no export writes:
    it was changed after it was exported, and a mentor must not read it as the writer sent it.

    Above all a summary that says it is redacted but is not ("redacted" set to true, in an
    unredacted one): every redacted export since `PEOPLE_LISTED_SINCE` says whether the people
    list had anyone on it (one made before then, by an older peerjournal, is read; a later one
    without it cannot be told from an edited one), and none holds an e-mail address. Then what
    an export takes from the period's entries (shared entries, the quotes of markers, the
    things the writer will do differently) dated outside the period, and a self-check after
    the summary was made, with no items, or with an item twice. An alert cannot be checked:
    it comes from entries the summary does not hold. Nor can a journal ID (only its form:
    `_journal_problem`)."""
    from peerjournal.summary import SummaryError, changed_after_export

    if summary["redacted"] is True and "people_listed" not in summary and not _before_people(
        summary
    ):
        raise SummaryError(
            f"{name}: it says it is redacted, but not whether the people list had anyone on it, "
            f"as every redacted export since {_PEOPLE_LISTED_DAY} says: it was made by an older "
            "peerjournal (ask the writer to update peerjournal and export it again), or it was "
            "changed after it was exported."
        )
    problem = (_journal_problem(summary) or _redaction_problem(summary)
               or _date_problem(summary) or _selfcheck_problem(summary)
               or _numbers_problem(summary))
    if problem:
        raise changed_after_export(name, problem)


def _journal_problem(summary: dict[str, Any]) -> str | None:
    """A "journal" that is not an ID as an export gives it (`JOURNAL_ID`): one edited would
    join the summary to another writer's, or part it from its own. (Absent or null: no ID,
    as `import` reads a backup's.)"""
    found = summary.get("journal")
    if found is None or (isinstance(found, str) and JOURNAL_ID.fullmatch(found)):
        return None
    return f'its "journal" is not a Journal ID as export writes it: {JOURNAL_ID_FORM}'



def _numbers_problem(summary: dict[str, Any]) -> str | None:
    """Numbers that disagree with the others an export made them from, in words: the periods
    with `by`, the totals and the dimensions with the periods', a marker's count and entries
    with the summary's, a direction with its series."""
    return (_by_problem(summary) or _totals_problem(summary) or _dimensions_problem(summary)
            or _marker_problem(summary) or _direction_problem(summary))


def _by_problem(summary: dict[str, Any]) -> str | None:
    """A period with entries longer than `by` allows (a week's seven days; a calendar month):
    "by" edited (month to week) would have review call a month a week. (Only a period without
    entries may be longer: a run of them is one, `summary.collapse_empty`.)"""
    from datetime import date, timedelta

    from peerjournal.dates import LATEST, period_end

    by = summary["period"]["by"]
    week = timedelta(days=6)
    for n, period in enumerate(summary["periods"], 1):
        start, end = date.fromisoformat(period["start"]), date.fromisoformat(period["end"])
        if by != "week":
            longest = period_end(start, by)
        else:  # (seven days, or to the calendar's last day: a summary made on 31 Dec 9999)
            longest = LATEST if start > LATEST - week else start + week
        if period["entries"] and end > longest:
            outside = "longer than a week" if by == "week" else "past the end of its month"
            return (f"period by is {by}, but periods #{n} runs from {start.isoformat()} to "
                    f"{end.isoformat()}, {outside}")
    return None


# How far a number may be from its periods' numbers pooled over their words: each number is
# given to a thousandth (half a thousandth off at most, in the periods and in the number)
_POOLED_ROUNDING = 0.002


def _pooled_problem(where: str, given: float | None, expected: float | None) -> str | None:
    """`given` (the number at `where`), which an export makes from the same scored entries
    as its periods' numbers, against those pooled over the periods' words (`expected`)."""
    if given is None or expected is None or abs(given - expected) <= _POOLED_ROUNDING:
        return None
    return (f"{where} is {given:g}, but its periods' numbers, weighed by their words, come to "
            f"{expected:.3f}")


def _totals_problem(summary: dict[str, Any]) -> str | None:
    """Totals that are not their periods' numbers pooled over the periods' words, as `report`
    makes both from the same scored entries (a period's `words` edited shows here too)."""
    from peerjournal.summary import POLARITIES, period_words, pooled, trend_points

    periods, totals = summary["periods"], summary.get("totals")
    words = period_words(periods)
    if totals is None or words is None:  # (a summary from before periods gave their words)
        return None
    entries = [p["entries"] for p in periods]
    for polarity in POLARITIES:
        expected = pooled(trend_points([p[polarity] for p in periods], entries, words))
        problem = _pooled_problem(f"totals {polarity}", totals.get(polarity), expected)
        if problem:
            return problem
    return None


def _dimensions_problem(summary: dict[str, Any]) -> str | None:
    """A dimension's number that is not its periods' numbers pooled over their words
    (`summary.dimension_trend`), as the totals' (every period with entries gives every
    dimension a number: the report's word-weighted rates over the same entries)."""
    from peerjournal.summary import POLARITIES, dimension_trend

    periods = _with_dimensions(summary)
    if periods is None:
        return None
    for n, row in enumerate(summary["dimensions"], 1):
        for polarity in POLARITIES:
            trend = dimension_trend(periods, row["id"], polarity)
            if any(v is None for v, p in zip(trend.series, periods, strict=True) if p["entries"]):
                continue  # (not a number in every period: not one an export wrote)
            problem = _pooled_problem(f"dimensions #{n} {polarity}", row[polarity], trend.rate)
            if problem:
                return problem
    return None


def _with_dimensions(summary: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The summary's periods, when they give their words and dimensions, as every export
    since those were added does; None for an older summary, whose numbers are not checked
    against them."""
    from peerjournal.summary import period_words

    periods: list[dict[str, Any]] = summary["periods"]
    if period_words(periods) is None or any("dimensions" not in p for p in periods):
        return None
    return periods


def _marker_problem(summary: dict[str, Any]) -> str | None:
    """A marker said to be in more entries than the summary scored, or fewer times than the
    entries it is in (each of them holds it once at least); or the markers counted more
    often than the scored words have room for (`_marker_room_problem`)."""
    from peerjournal.summary import POLARITIES

    scored = summary["entries"]["scored"]
    for polarity in POLARITIES:
        for n, marker in enumerate(summary["markers"][polarity], 1):
            where, times, found = f"markers {polarity} #{n}", marker["count"], marker["entries"]
            if found > scored:
                return f"{where} entries is {found:,}, but entries scored is {scored:,}"
            if times < found:
                return f"{where} count is {times:,}, fewer than its entries, {found:,}"
    return _marker_room_problem(summary)


def _marker_room_problem(summary: dict[str, Any]) -> str | None:
    """Markers counted more often than the scored words hold. The markers listed are curated
    ones, whose hits never overlap: together no more than the words. And each hit adds its
    marker's weight to its dimension's number (per 100 words), so, scored with the lexicon
    this peerjournal ships (whose weights are then known), a marker's count times its weight,
    with the other listed markers' of its dimension, is no more than that number's evidence."""
    from peerjournal.summary import POLARITIES, period_words

    words = sum(period_words(summary["periods"]) or [0])
    listed = [(p, n, m) for p in POLARITIES for n, m in enumerate(summary["markers"][p], 1)]
    if not words or not listed:
        return None
    counted = sum(m["count"] for _, _, m in listed)
    if counted > words:
        return (f"the markers' counts add up to {counted:,}, but the periods' words, in which "
                f"each is a word or more, add up to {words:,}")
    weights = _shipped_weights(summary)
    if weights is None or _with_dimensions(summary) is None:
        return None
    rates = {(row["id"], p): row[p] for row in summary["dimensions"] for p in POLARITIES}
    used: dict[tuple[str, str], float] = {}
    for polarity, n, marker in listed:
        key, weight = (marker["dimension"], polarity), weights.get(marker["id"])
        rate = rates.get(key)
        if weight is None or rate is None:
            continue
        used[key] = used.get(key, 0.0) + marker["count"] * weight
        room = (rate + _POOLED_ROUNDING) * words / 100
        if used[key] > room + 1e-9:
            return (f"markers {polarity} #{n} count is {marker['count']:,}, more than its "
                    f"dimension's {polarity} ({rate:g} per 100 of the {words:,} words) holds")
    return None


def _shipped_weights(summary: dict[str, Any]) -> dict[str, float] | None:
    """The curated markers' weights, when every entry of the summary was scored with the
    lexicon this peerjournal ships (its version is its content's hash); None otherwise. Read
    from the parsed lexicon's cache (`paths.cache_dir`), as scoring reads it: parsing it anew
    took `review` of one summary ~5 s on a loaded machine."""
    from peerjournal import paths
    from peerjournal.drift.lexicon import load_lexicon

    if summary.get("lexicon_versions") != [shipped_lexicon_version()]:
        return None
    return {m.id: m.weight for m in load_lexicon(None, paths.cache_dir()).markers
            if not m.learned}


def _direction_problem(summary: dict[str, Any]) -> str | None:
    """A dimension's direction that its own series, read as an export reads it, gives the
    other way round ("down" for a series that rises), or gives none (too few entries), or
    one where none was given. "steady" against up or down is let be: a change at the edge of
    steady may read either way once its numbers are rounded. Only of a summary whose periods
    give their words and dimensions, as every export since they were added does. Periods of
    one entry each have no direction since round 38 (`summary.one_entry_each`); one given
    there is checked as exports before it made it."""
    from peerjournal.summary import POLARITIES, dimension_trend

    periods = _with_dimensions(summary)
    if periods is None:
        return None
    for n, row in enumerate(summary["dimensions"], 1):
        for polarity in POLARITIES:
            given = row.get(f"{polarity}_direction")
            found = dimension_trend(periods, row["id"], polarity).halves
            if found is None and given:
                found = dimension_trend(periods, row["id"], polarity, singles=True).halves
            expected = found.direction if found else None
            if given == expected or (given and expected and "steady" in (given, expected)):
                continue
            return (f"dimensions #{n} {polarity}_direction is {given or 'none'}, but its "
                    f"periods' numbers make it {expected or 'none (too few entries)'}")
    return None


def _redaction_problem(summary: dict[str, Any]) -> str | None:
    from peerjournal.summary import journal_texts

    if summary["redacted"] is not True:
        return None
    for text in journal_texts(summary):
        kind = _identifier_in(text)
        if kind:
            return f"redacted is true, but it holds {kind}, which redaction replaces"
    return None


def _identifier_in(text: str) -> str | None:
    """What `text` holds that redaction always replaces (by its own rules: `plain_letters`),
    in words; None when it holds none."""
    if EMAIL.search(text):
        return "an e-mail address"
    if NHS_NUMBER.search(text):
        return "an NHS number"
    if any(phone_number(m.group()) for m in PHONE.finditer(text)):
        return "a phone number"
    return None


def _date_problem(summary: dict[str, Any]) -> str | None:
    """The first item from the period's entries that is dated outside the period, in words."""
    from peerjournal.summary import POLARITIES

    since, until = summary["period"]["since"], summary["period"]["until"]
    dated = [(f"shared entries #{n}", item) for n, item in enumerate(summary["shared_entries"], 1)]
    dated += [(f"intentions #{n}", item) for n, item in enumerate(summary["intentions"], 1)]
    dated += [
        (f"markers {polarity} #{n} excerpts #{k}", quote)
        for polarity in POLARITIES
        for n, marker in enumerate(summary["markers"][polarity], 1)
        for k, quote in enumerate(marker["excerpts"], 1)
    ]
    for where, item in dated:
        day = item["date"]
        if day < since:  # ISO dates (validated) compare as the days do
            return f"{where} date is {day}, before period since {since}"
        if day > until:
            return f"{where} date is {day}, after period until {until}"
    return None


def _selfcheck_problem(summary: dict[str, Any]) -> str | None:
    from datetime import date, datetime

    from peerjournal.selfcheck_rules import complete_but_empty, dated_too_late

    check = summary["selfcheck"]
    if check is None:
        return None
    made = datetime.fromisoformat(summary["generated_at"]).date()
    if dated_too_late(date.fromisoformat(check["date"]), made):
        return "selfcheck date is after the day the summary was made"
    if complete_but_empty(len(check["items"]), True):  # an export includes a complete one alone
        return "selfcheck items is empty"
    seen: dict[str, int] = {}
    for n, item in enumerate(check["items"], 1):
        if item["id"] in seen:
            return f"selfcheck items #{n} is the same item as #{seen[item['id']]}"
        seen[item["id"]] = n
    return None
