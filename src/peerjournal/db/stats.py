"""Queries for reports: the journal added up in SQL (`report_stats`), or reduced to `ReportRow`s.

`report_stats` is what `peerjournal report` reads: SQLite sums each (period, setting) in C,
so ten years of entries come back as a few hundred rows and Python never parses 20,000 scores.
It gives the same `trends.ReportStats` as `trends.stats_from_rows` over `report_rows`
(tests/test_report_stats.py). The stored drift JSON carries every hit's text and offsets; the
report reads only the compact `drift_summary`, and its counted markers (`marker_counts`) only
when there is a previous window to compare with or a dimension to detail.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Container, Sequence
from datetime import date
from typing import Any, NamedTuple

from peerjournal.db.store import ONLY_IDS, TAG_SEP, Filters, Store
from peerjournal.drift import LEARNED_PREFIX
from peerjournal.trends import (
    INSUFFICIENT,
    RECENT_ENTRIES,
    Markers,
    ReportRow,
    ReportStats,
    Totals,
    check_by,
    previous_window,
    recent_entries,
)

# The score without hit texts, in two columns: the compact summary stored beside the score
# ([words, identity, drift, {dimension: [identity, drift]}, markers], written with it; parsing
# the full score, ~8 KB with its learned hits, of 20,000 entries was most of the time budget),
# and the counted curated markers as [[marker, dimension, polarity, times, negated], …] for
# entries dated on or after :hits_from (NULL: none). The markers are the summary's fifth
# element; a summary stored before it had one (a score not yet rescored) has them read from
# the hits. `negated` (true or 1) marks a flipped marker's count ("I didn't share my story"
# counted as drift); it may be left out when false, as it is in the stored lists, and lists
# stored before it was kept have none (`drift --rescore` rewrites them).
# Marker lists leave learned markers out (their ids mean nothing to a reader).
_MARKERS = f"""CASE WHEN json_array_length(e.drift_summary) > 4
  THEN json_extract(e.drift_summary, '$[4]')
  ELSE (
    SELECT json_group_array(json_array(marker, dimension, polarity, times, negated)) FROM (
      SELECT json_extract(h.value, '$.marker') AS marker,
        json_extract(h.value, '$.dimension') AS dimension,
        json_extract(h.value, '$.polarity') AS polarity,
        json_extract(h.value, '$.negated') AS negated, count(*) AS times
      FROM json_each(e.drift_json, '$.hits') AS h
      WHERE json_extract(h.value, '$.counted')
        AND json_extract(h.value, '$.marker') NOT LIKE '{LEARNED_PREFIX}%'
      GROUP BY 1, 2, 3, 4))
END"""
_DRIFT_COLUMNS = f"""
e.drift_summary,
CASE WHEN e.date >= :hits_from THEN {_MARKERS} END
"""

# An entry's feelings: its Feelings part, then the answers to the questions its prompt set
# asks under Feelings (boud's "If one feeling is still in the way, what is it?"), one a line.
# :feeling_questions lists those questions as "set:id" (`feeling_questions`); answers that
# are not valid JSON add nothing (SQLite's JSON functions would stop the query at them).
_FEELINGS = """CASE WHEN e.answers = '{}' OR NOT json_valid(e.answers) THEN e.feelings
ELSE trim(e.feelings || char(10) || coalesce((
  SELECT group_concat(trim(a.value), char(10)) FROM json_each(e.answers) AS a
  WHERE a.type = 'text' AND trim(a.value) != ''
    AND e.prompt_set || ':' || a.key IN (SELECT value FROM json_each(:feeling_questions))
), ''), char(10)) END"""

_TAGS = f"(SELECT group_concat(tag, '{TAG_SEP}') FROM entry_tag t WHERE t.entry_id = e.id)"


def _columns(with_tags: bool) -> str:
    # The tags subquery costs ~0.15 s at 20,000 rows; the report filters tags in SQL instead.
    tags = _TAGS if with_tags else "NULL"
    return (
        f"e.id, e.date, e.setting, {_FEELINGS}, e.self_care != '', e.drift_summary IS NOT NULL, "
        f"{tags}, {_DRIFT_COLUMNS}, e.drift_verdict"
    )


def feeling_questions() -> str:
    """The Feelings questions of every prompt set installed (the writer's own too), as the
    JSON list of "set:id" that `_FEELINGS` reads: their answers name feelings as the
    Feelings part does."""
    from peerjournal.paths import user_prompts_dir
    from peerjournal.reflection import answer_layouts, available

    layouts = answer_layouts(available(user_prompts_dir()))
    return json.dumps(sorted(
        f"{name}:{question}" for name, layout in layouts.items()
        for question, (element, _) in layout.items() if element == "feelings"
    ))


def _slim_drift(row: Sequence[Any]) -> dict[str, Any] | None:
    """The columns from index 5 on as the slim score dict `ReportRow.drift` documents; a
    damaged stored score reads as unscored (as in `Store.drifts_between`), so one bad row
    does not stop a report or an export."""
    try:
        return _slim(*row[5:10])
    except (ValueError, TypeError, AttributeError, IndexError):  # (JSONDecodeError too)
        return None


def _slim(
    scored: Any, _tags: Any, values: Any, hits: Any, verdict: Any
) -> dict[str, Any] | None:
    if not scored:
        return None
    words, identity, drift, dimensions = json.loads(values)[:4]
    return {
        "verdict": verdict,
        "identity": identity or 0.0,
        "drift": drift or 0.0,
        "words": words or 0,
        "dimensions": {d: {"identity": i, "drift": x} for d, (i, x) in dimensions.items()},
        "hits": _hits(hits) if hits else [],
    }


def _hits(markers: str) -> list[dict[str, Any]]:
    """Counted markers stored as [[marker, dimension, polarity, times, negated], …]
    (`_MARKERS`) as hits without their places in the text, one for each time."""
    return [
        {"marker": m, "dimension": d, "polarity": p, "negated": bool(flag and flag[0])}
        for m, d, p, times, *flag in json.loads(markers)
        for _ in range(times)
    ]


def _marker_counts(markers: str) -> list[dict[str, Any]]:
    """Counted markers stored as `_hits` reads them, each once with how many `times` it
    counted: what a summary adds up, without a dict for each hit (of a 20,000-entry export,
    ~0.7 s)."""
    return [
        {"marker": m, "dimension": d, "polarity": p, "negated": bool(flag and flag[0]),
         "times": times}
        for m, d, p, times, *flag in json.loads(markers)
    ]


def _where(
    since: date | None,
    until: date,
    setting: str | None,
    tags: Sequence[str],
    ids: Sequence[int] | None = None,
) -> tuple[str, dict[str, Any]]:
    """The store's filter SQL, with its positional parameters turned into named ones; `ids`
    (not None: the entries of a damaged journal that can be read, `Store.past_damage`) only
    those entries."""
    where, params = Filters(
        since=since, until=until, setting=setting, tags=list(tags), limit=None, ids=ids
    ).where()
    parts = where.split("?")
    named = "".join(f"{part}:p{i}" for i, part in enumerate(parts[:-1])) + parts[-1]
    return named, {f"p{i}": value for i, value in enumerate(params)}


def report_rows(
    store: Store,
    since: date,
    until: date,
    setting: str | None = None,
    tags: Sequence[str] = (),
    *,
    hits_from: date | None = None,
    with_tags: bool = False,
) -> list[ReportRow]:
    """Live entries dated in [since, until] (inclusive), oldest first.

    `setting` matches case-insensitively; an entry must carry every tag in `tags`.

    Counted hits are loaded for entries dated on or after `hits_from` (None: for none), and
    each row's `tags` only `with_tags` (the report itself never needs them).
    """

    questions = feeling_questions()

    def read(ids: list[int] | None) -> list[Any]:
        where, params = _where(since, until, setting, tags, ids)
        params["hits_from"] = hits_from.isoformat() if hits_from else None
        params["feeling_questions"] = questions
        sql = f"SELECT {_columns(with_tags)} FROM entry e WHERE {where} ORDER BY e.date, e.id"
        return store.fetch(sql, params)

    rows = store.past_damage(read)
    return [
        ReportRow(
            id=row[0],
            date=date.fromisoformat(row[1]),
            setting=row[2],
            feelings=row[3],
            has_self_care=bool(row[4]),
            tags=tuple(sorted(row[6].split(TAG_SEP))) if row[6] else (),
            drift=_slim_drift(row),
        )
        for row in rows
    ]


def summary_drifts(
    store: Store, since: date, until: date, full: Container[int]
) -> dict[int, dict[str, Any]]:
    """The stored scores a mentor summary reads, of live entries dated since..until: each
    one's lexicon version and counted curated hits, each marker once with the `times` it
    counted (`_marker_counts`); whole (`DriftScore.to_dict`, with each hit's place in the
    text) only for the entries in `full` (shared: their excerpts quote the hits). Parsing
    every entry's whole score took most of a 10-year export (6.7 s of 20,000); the others
    read the markers stored in the compact summary.

    A damaged stored score reads as unscored (as in `Store.drifts_between`): SQLite's JSON
    functions would stop the query at it."""

    def read(ids: list[int] | None) -> list[Any]:
        where, params = _where(since, until, None, (), ids)
        params["hits_from"] = since.isoformat()
        sql = f"""SELECT e.id, e.lexicon_version, {_MARKERS} FROM entry e
            WHERE {where} AND json_valid(e.drift_json) AND json_valid(e.drift_summary)"""
        return store.conn.execute(sql, params).fetchall()

    rows = store.past_damage(read)
    whole = store.drifts_between(since, until, only=[r[0] for r in rows if r[0] in full])
    return {
        entry_id: whole[entry_id]
        if entry_id in full
        else {"lexicon_version": version, "hits": _marker_counts(markers)}
        for entry_id, version, markers in rows
        if entry_id in whole or entry_id not in full
    }


def has_scored_entries(
    store: Store, since: date, until: date, setting: str | None = None, tags: Sequence[str] = ()
) -> bool:
    """Whether any live, scored entry matching the filters is dated in [since, until]."""

    def read(ids: list[int] | None) -> bool:
        where, params = _where(since, until, setting, tags, ids)
        sql = f"SELECT EXISTS (SELECT 1 FROM entry e WHERE {where} AND e.drift_json IS NOT NULL)"
        return bool(store.conn.execute(sql, params).fetchone()[0])

    return store.past_damage(read)


# The start of an entry's period (ISO text, as `dates.period_start`): the Monday on or before
# its date, the first of its month, or 1 January of its year.
_PERIOD_START = {
    "week": "date(e.date, 'weekday 0', '-6 days')",
    "month": "substr(e.date, 1, 8) || '01'",
    "year": "substr(e.date, 1, 5) || '01-01'",
}


def report_stats(
    store: Store,
    since: date,
    until: date,
    by: str,
    setting: str | None = None,
    tags: Sequence[str] = (),
    *,
    dimensions: Sequence[str],
) -> ReportStats:
    """Live entries in [since, until] and the previous window, added up per period and setting,
    and the ISO weeks of every entry up to `until` (the streaks reach back as far as they go).

    Filters as `report_rows`. Marker counts are left empty: `marker_counts` reads them.
    """
    prev_since, _ = previous_window(since, until, by)
    stats = ReportStats()
    questions = feeling_questions()

    def read(ids: list[int] | None) -> tuple[list[Any], ...]:
        where, params = _where(prev_since, until, setting, tags, ids)
        params["since"] = since.isoformat()
        params["feeling_questions"] = questions
        history, history_params = _where(None, until, setting, tags, ids)
        queries = _stats_sql(by, dimensions, where, history)
        # (rows of a setting or a feeling each, not of an entry: no entry's ID in them)
        try:
            cells = store.fetch(queries["cells"], params, named=False)
        except sqlite3.DatabaseError as exc:
            if not scores_damaged(store, exc):
                raise
            stats.scores_unreadable = True
            cells = store.fetch(queries["unscored"], params, named=False)
        feelings = store.fetch(queries["feelings"], params, named=False)
        days = store.conn.execute(queries["days"], params).fetchall()
        weeks = store.conn.execute(queries["weeks"], history_params).fetchall()
        return cells, feelings, days, weeks

    cells, feelings, days, weeks = store.past_damage(read)
    for start, place, entries, scored, decided, self_care, first, last, *sums in cells:
        words, identity_w, drift_w, identity_n, drift_n, *dim_sums = sums
        dims, marked = dim_sums[: 2 * len(dimensions)], dim_sums[2 * len(dimensions):]
        first_day, first_id = first.split()
        stats.cells[(date.fromisoformat(start) if start else None, place)] = Totals(
            entries=entries,
            scored=scored,
            decided=decided,
            words=int(words or 0),
            identity_w=int(identity_w or 0),
            drift_w=int(drift_w or 0),
            self_care=self_care,
            marked_all=[int(identity_n or 0), int(drift_n or 0)],
            first=(date.fromisoformat(first_day), int(first_id)),
            last=int(last),
            dims={
                dim: [int(dims[2 * n] or 0), int(dims[2 * n + 1] or 0)]
                for n, dim in enumerate(dimensions)
                if dims[2 * n] is not None
            },
            marked={  # (the entries with markers: after the sums, in the same order)
                dim: [int(marked[2 * n] or 0), int(marked[2 * n + 1] or 0)]
                for n, dim in enumerate(dimensions)
                if dims[2 * n] is not None
            },
        )
    for current, text, entries in feelings:
        (stats.feelings if current else stats.previous_feelings)[text] = entries
    stats.days = {date.fromisoformat(day) for (day,) in days}
    stats.weeks = {date.fromisoformat(week) for (week,) in weeks}
    # the window's last entries one by one (`ReportStats.recent`), read from the day of the
    # RECENT_ENTRIES-th last day with an entry: a few rows, not the whole window
    days_in = sorted(day for day in stats.days if since <= day <= until)[-RECENT_ENTRIES:]
    if days_in and not stats.scores_unreadable:
        stats.recent = recent_entries(report_rows(store, days_in[0], until, setting, tags))
    return stats


def _stats_sql(by: str, dimensions: Sequence[str], where: str, history: str) -> dict[str, str]:
    """`report_stats`'s queries: the cells (per period and setting; "unscored": the same
    without the score table, when it is damaged), the feelings, the days and the weeks.
    `where` filters the two windows, `history` every entry up to the window's end."""
    from peerjournal.db.scoretable import TABLE, dimension_columns

    columns = [column for dim in dimensions for column in dimension_columns(dim)]
    # each dimension side's sum, then how many entries carry its markers (`Totals.marked`)
    dim_sums = "".join(f", sum(s.{column})" for column in columns) + "".join(
        f", sum(s.{column} > 0)" for column in columns
    )
    cells_sql = f"""
        SELECT CASE WHEN e.date >= :since THEN {_PERIOD_START[check_by(by)]} END, e.setting,
            count(*), count(s.entry_id),
            -- scored with a verdict (`trends.decided`: a verdict not stored counts as one)
            count(CASE WHEN coalesce(e.drift_verdict, '') != '{INSUFFICIENT}' THEN s.entry_id END),
            sum(e.self_care != ''),
            min(printf('%s %012d', e.date, e.id)), -- (date, id) of the first: sorts as text
            max(e.id), -- the entry written last (`trends.setting_names`)
            sum(s.words), sum(s.identity_w), sum(s.drift_w),
            sum(s.identity_w > 0), sum(s.drift_w > 0){dim_sums}
        FROM entry e LEFT JOIN {TABLE} s ON s.entry_id = e.id WHERE {where} GROUP BY 1, 2"""
    # (the score table damaged: the entries counted without it, none of them scored)
    nulls = "".join(f", NULL AS {column}" for column in _score_columns(dimensions))
    unscored_sql = cells_sql.replace(
        f"LEFT JOIN {TABLE} s ON s.entry_id = e.id",
        f"LEFT JOIN (SELECT NULL AS entry_id{nulls}) s ON 0",
    )
    # Distinct days first (the live-date index covers them), then their weeks: ~10 ms at 20,000.
    week_of_day = _PERIOD_START["week"].replace("e.date", "day")
    return {
        "cells": cells_sql,
        "unscored": unscored_sql,
        "feelings": f"""
            SELECT e.date >= :since, {_FEELINGS} AS text, count(*) FROM entry e
            WHERE {where} GROUP BY 1, 2 HAVING text != ''""",
        "days": f"SELECT DISTINCT e.date FROM entry e WHERE {where}",
        "weeks": f"""SELECT DISTINCT {week_of_day}
            FROM (SELECT DISTINCT e.date AS day FROM entry e WHERE {history})""",
    }


def period_lexicon_versions(
    store: Store,
    since: date,
    until: date,
    by: str,
    setting: str | None = None,
    tags: Sequence[str] = (),
) -> dict[date, list[str]]:
    """The lexicon versions that scored the live entries of each period in [since, until]
    (by its start, as `dates.period_start`), most used first: the shape of the mentor
    summary's `lexicon_versions` (`summary.lexicon_versions`). A period without scored
    entries is left out. Filters as `report_rows`."""
    from peerjournal.db.scoretable import TABLE


    def read(ids: list[int] | None) -> list[Any]:
        where, params = _where(since, until, setting, tags, ids)
        sql = f"""
            SELECT {_PERIOD_START[check_by(by)]}, e.lexicon_version
            FROM entry e JOIN {TABLE} s ON s.entry_id = e.id
            WHERE {where} AND e.lexicon_version IS NOT NULL
            GROUP BY 1, 2 ORDER BY 1, count(*) DESC, 2"""
        try:
            return store.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            if not scores_damaged(store, exc):
                raise
            return []

    versions: dict[date, list[str]] = {}
    for start, version in store.past_damage(read):
        versions.setdefault(date.fromisoformat(start), []).append(str(version))
    return versions


def _score_columns(dimensions: Sequence[str]) -> list[str]:
    from peerjournal.db.scoretable import dimension_columns

    return ["words", "identity_w", "drift_w",
            *(column for dim in dimensions for column in dimension_columns(dim))]


def scores_damaged(store: Store, exc: sqlite3.DatabaseError) -> bool:
    """Whether `exc` is the damage of the score table of a journal found damaged: then the
    writer is told once that a report reads its entries without their scores, and how to
    have them made anew (the entries are safe)."""
    from peerjournal.db.engine import is_damage, rebuilt_elsewhere
    from peerjournal.db.scoretable import TABLE

    if not getattr(store.conn, "damage", None) or not is_damage(exc):
        return False
    try:
        store.conn.execute(f"SELECT count(*), sum(words) FROM {TABLE}").fetchall()
    except sqlite3.DatabaseError as found:
        if not is_damage(found):
            return False
    else:
        return False
    store.tell(
        f"The drift scores of the journal at {store.path} are damaged and could not be read, "
        "so this report counts the entries without them; the entries themselves are safe. "
        f"{rebuilt_elsewhere(store.hint)}"
    )
    return True


def marker_counts(
    store: Store,
    since: date,
    until: date,
    setting: str | None = None,
    tags: Sequence[str] = (),
    by: str | None = None,
) -> tuple[Markers, Markers]:
    """Counted hits per (marker, dimension, polarity, negated) in [since, until] and the window
    before (`previous_window`: whole years `by` year).

    Reads the counted markers stored with each score (or, for a score stored before they were,
    every hit): the slow part of a report, so only when needed.
    """
    prev_since, _ = previous_window(since, until, by)

    def read(ids: list[int] | None) -> list[Any]:
        where, params = _where(prev_since, until, setting, tags, ids)
        params["since"] = since.isoformat()
        sql = f"""
            SELECT e.date >= :since, json_extract(m.value, '$[0]'),
                json_extract(m.value, '$[1]'), json_extract(m.value, '$[2]'),
                coalesce(json_extract(m.value, '$[4]'), 0), sum(json_extract(m.value, '$[3]'))
            FROM entry e, json_each({_MARKERS}) AS m
            WHERE {where}
            GROUP BY 1, 2, 3, 4, 5"""
        return store.conn.execute(sql, params).fetchall()

    current: Markers = Counter()
    previous: Markers = Counter()
    for now, marker, dimension, polarity, negated, count in store.past_damage(read):
        key = (str(marker), str(dimension), str(polarity), bool(negated))
        (current if now else previous)[key] = count
    return current, previous


class Found(NamedTuple):
    """When a journal's live entries (those matching the filters) are dated (`date_range`):
    the first and last dates, how many are dated after today (`ahead`), the latest dated up
    to today (`before`: None when all are after it) and the earliest after it (`after`)."""

    first: date
    last: date
    ahead: int = 0
    before: date | None = None
    after: date | None = None


def date_range(
    store: Store, setting: str | None = None, tags: Sequence[str] = (), *,
    today: date | None = None,
) -> Found | None:
    """When the live entries matching the filters are dated, at any date (None when there are
    none): what a report over an empty window points to. `today` (by default, as the running
    command has it: PEERJOURNAL_NOW or the clock) splits off those dated after it, which no
    window up to today shows."""
    if today is None:
        from peerjournal.context import system_clock

        today = system_clock().date()

    def read(ids: list[int] | None) -> tuple[Any, ...]:
        where, params = _where(None, date.max, setting, tags, ids)
        params["today"] = today.isoformat()
        sql = f"""SELECT min(e.date), max(e.date), coalesce(sum(e.date > :today), 0),
            max(CASE WHEN e.date <= :today THEN e.date END),
            min(CASE WHEN e.date > :today THEN e.date END)
            FROM entry e WHERE {where}"""
        return tuple(store.conn.execute(sql, params).fetchone())

    first, last, ahead, before, after = store.past_damage(read)
    if not first:
        return None
    return Found(
        date.fromisoformat(first),
        date.fromisoformat(last),
        ahead=int(ahead),
        before=date.fromisoformat(before) if before else None,
        after=date.fromisoformat(after) if after else None,
    )


def none_in_window(
    since: date | None, until: date | None, found: tuple[date, date] | Found, *,
    filtered: bool = False,
) -> str:
    """The one wording of every command for a window of dates that holds no entry, and when
    the entries are (`found`: their first and last dates, `date_range`): "No entries from 1
    Jan 2025 to 1 Feb 2025; your entries run from 8 Jun 2026 to 4 Dec 2026." ("on 2 Jun
    2026" for one day; "yours are all dated …"; with a setting or tags, "… match these
    filters; those that match …"). Entries dated after today, which no window up to today
    shows, are said apart ("…, and 1 more is dated after today (4 Dec 2026)."): a range
    run on to them would read as if it covered the window. ("All dated 2 Jun 2026" is then
    said of those up to today: "all …, and 1 more" would contradict itself.)"""
    from peerjournal.plural import counted

    found = found if isinstance(found, Found) else Found(*found)
    said = f"No entries {_window(since, until)}".rstrip() + (
        " match these filters" if filtered else "")
    if not found.ahead:
        return f"{said}; {_dated(found.first, found.last, filtered)}."
    later = f"dated after today ({_dates(found.after or found.last, found.last)})"
    if found.before is None:
        return f"{said}; {'those that match' if filtered else 'yours'} are all {later}."
    more = f"{counted(found.ahead, 'more', 'more')} {'is' if found.ahead == 1 else 'are'}"
    before = _dated(found.first, found.before, filtered, up_to_today=True)
    return f"{said}; {before}, and {more} {later}."


def _window(since: date | None, until: date | None) -> str:
    """"from 1 Jan 2025 to 1 Feb 2025", "on 2 Jun 2026" (one day), "from … on", "up to …"."""
    from peerjournal.dates import spoken

    if since and until:
        return f"on {spoken(since)}" if since == until else _dates(since, until)
    return f"from {spoken(since)} on" if since else (f"up to {spoken(until)}" if until else "")


def _dated(first: date, last: date, filtered: bool, *, up_to_today: bool = False) -> str:
    """"your entries run from … to …", or "yours are all dated …" (one entry or several;
    "your entries up to today are all dated …" when more are dated after today)."""
    from peerjournal.dates import spoken

    if first == last:
        if up_to_today:
            whose = "the matching entries" if filtered else "your entries"
            return f"{whose} up to today are all dated {spoken(first)}"
        return f"{'those that match are' if filtered else 'yours are'} all dated {spoken(first)}"
    return f"{'those that match' if filtered else 'your entries'} run {_dates(first, last)}"


def _dates(first: date, last: date) -> str:
    """"4 Dec 2026", or "from 4 Dec 2026 to 9 Dec 2026"."""
    from peerjournal.dates import spoken

    return spoken(first) if first == last else f"from {spoken(first)} to {spoken(last)}"


def live_and_trashed(store: Store) -> tuple[int, set[int]]:
    """How many entries are live, and the IDs of those in the trash (`drift --rescore` scores
    both, and says how many of what it did the writer will not see in `list`)."""

    def read(ids: list[int] | None) -> tuple[int, set[int]]:
        only = "" if ids is None else f" AND {ONLY_IDS}"
        params = [] if ids is None else [json.dumps(ids)]
        live = store.conn.execute(
            f"SELECT count(*) FROM entry e WHERE e.deleted_at IS NULL{only}", params
        ).fetchone()[0]
        trashed = store.conn.execute(
            f"SELECT e.id FROM entry e WHERE e.deleted_at IS NOT NULL{only}", params
        ).fetchall()
        return int(live), {int(entry_id) for (entry_id,) in trashed}

    return store.past_damage(read)


def other_lexicon_scores(store: Store, version: str) -> int:
    """How many live entries were scored with another lexicon than `version`, or not at all
    (`report`'s stale-scores note tells the lexicon from the scoring code by it)."""
    from peerjournal.db.engine import translated_errors

    sql = (
        "SELECT count(*) FROM entry WHERE deleted_at IS NULL "
        "AND (lexicon_version IS NULL OR lexicon_version != ?)"
    )
    with translated_errors(store.path):
        return int(store.conn.execute(sql, (version,)).fetchone()[0])
