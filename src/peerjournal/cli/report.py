"""Trends over weeks, months or years (`report`), and a demo journal that shows one (`demo`)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

from peerjournal.cli.options import (
    Json,
    ReportBy,
    ReportPeriod,
    Setting,
    Since,
    Tags,
    Until,
    date_bound,
    setting_filter,
    tag_filter,
)
from peerjournal.cli.stale import stale_note, stale_scores
from peerjournal.context import AppContext
from peerjournal.errors import PeerJournalError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from peerjournal.db.store import Store


# (the ids of drift.lexicon.DIMENSIONS, said here: importing the lexicon costs every command
# ~50 ms; a test holds the two together)
DIMENSION_IDS = (
    "story, mutuality, focus, voice, self_worth, clinical_language, advice, co_optation, "
    "connection, worldview, moving_toward, advocacy"
)
# (render.report.MAX_PERIOD_ROWS, said here: importing Rich's tables costs every command's
# --help; a test holds the two together)
MAX_TABLE_ROWS = 26
Dimension = Annotated[
    str | None,
    typer.Option(
        "--dimension", "-d", metavar="DIM",
        help=f"Show one drift dimension in detail: {DIMENSION_IDS} (or its name as the report "
        "shows it, such as 'clinical language').",
    ),
]


def build(
    app: AppContext,
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    by: str = "week",
    setting: str | None = None,
    tags: list[str] | None = None,
    dimension: str | None = None,
) -> tuple[dict[str, Any], dict[str, str], LeftOut]:
    """The report dict, the dimension labels and what the window leaves out after today, for
    the journal in `store`."""
    from peerjournal.dates import period_start
    from peerjournal.db.people import list_people
    from peerjournal.db.stats import marker_counts, period_lexicon_versions, report_stats
    from peerjournal.drift import DIMENSIONS
    from peerjournal.trends import (
        check_dimension,
        report_from_stats,
        resolve_window,
        unknown_dimension,
    )

    labels = lexicon_labels(app, DIMENSIONS)
    today = app.today()
    if dimension is not None:
        try:
            dimension = check_dimension(dimension, DIMENSIONS, labels)
        except PeerJournalError:
            if not reads_as_date(dimension, today):
                raise
            why = "-d is --dimension in report; a date goes in --since or --until"
            raise unknown_dimension(dimension, DIMENSIONS, why) from None
    asked = date_bound(app, until, until=True)
    start, end = resolve_window(date_bound(app, since), asked, today, by=by)
    wanted_tags = tag_filter(tags)
    place = setting_filter(setting)
    stats = report_stats(store, start, end, by, place, wanted_tags, dimensions=DIMENSIONS)
    # Marker counts compare two windows (and list what is behind one dimension): reading the
    # hits is the slow part, skipped when there is nothing to compare them with.
    if dimension or stats.previous.scored:
        stats.markers, stats.previous_markers = marker_counts(
            store, start, end, place, wanted_tags, by
        )
    report = report_from_stats(
        stats,
        since=start,
        until=end,
        by=by,
        today=today,
        dimension=dimension,
        labels=labels,
        since_given=since is not None,
        people=[person.name for person in list_people(store, redacting=False)],
    )
    versions = period_lexicon_versions(store, start, end, by, place, wanted_tags)
    for period in report["periods"]:
        period["lexicon_versions"] = versions.get(
            period_start(date.fromisoformat(period["start"]), by), []
        )
    report["filters"] = {"setting": place, "tags": wanted_tags}
    report["scores_unreadable"] = stats.scores_unreadable
    if place or wanted_tags:
        report["rhythm"]["journal_first_entry"] = (
            None if since is not None else journal_started(store, start, end)
        )
    report["lexicon_version"], report["stale"] = stale_scores(app, store)
    left = left_out_after_today(app, store, end, asked, place, wanted_tags)
    report[AFTER_TODAY] = left.entries
    return report, labels, left


def reads_as_date(text: str, today: date) -> bool:
    """Whether `text` reads as a date or a period, as --since takes it."""
    from peerjournal.dates import parse_bound

    try:
        parse_bound(text, today)
    except PeerJournalError:
        return False
    return True


def journal_started(store: Store, start: date, end: date) -> str | None:
    """The journal's first entry, whatever the filters, when it falls after `start` (and by
    `end`): a filtered report's rows begin where the unfiltered one's do, so that a month
    with no matching entry shows as empty at either end of the window."""
    from peerjournal.db.stats import date_range

    found = date_range(store)
    return found[0].isoformat() if found and start < found[0] <= end else None


def lexicon_labels(app: AppContext, dimensions: tuple[str, ...]) -> dict[str, str]:
    """The lexicon's labels for `dimensions`, and its [marker_labels] by marker id.

    An organisation's lexicon (--lexicon, or the setting) is loaded whole, so that a broken
    one is refused here with the same one-line error as `write` and `drift` give (reading only
    its label tables accepted an empty or cut-short file); a parsed copy is cached by its
    content, so this costs ~30 ms after the first time. The shipped lexicon is known to be
    sound: compiling it takes most of a second and even parsing its thousands of patterns as
    TOML ~80 ms, so only the part above its first marker, where it keeps both tables, is read.
    """
    if app.lexicon_path() is not None:
        lexicon = app.lexicon()  # raises the lexicon's own clear error
        return {dim: lexicon.label(dim) for dim in dimensions} | lexicon.marker_labels
    import tomllib

    from peerjournal.drift.lexicon import DEFAULT_LEXICON

    text = DEFAULT_LEXICON.read_text("utf-8")
    head = tomllib.loads(text.partition("\n[[marker]]")[0])
    if "labels" not in head or "marker_labels" not in head:
        head = tomllib.loads(text)
    named, markers = head.get("labels"), head.get("marker_labels")
    named = named if isinstance(named, dict) else {}
    markers = markers if isinstance(markers, dict) else {}
    return {
        dim: str(named.get(dim) or "") or dim.replace("_", " ").capitalize() for dim in dimensions
    } | {mid: label.strip() for mid, label in markers.items() if isinstance(label, str)}


def show(
    app: AppContext, store: Store, report: dict[str, Any], labels: dict[str, str],
    left: LeftOut, *, every_period: bool = False,
) -> None:
    """Print the report, or a friendly word when there is nothing to show; `every_period`
    (--all): every week, month or year in its table; `left`: what it leaves out after today,
    said after it."""
    if not report["totals"]["entries"]:
        # (the word for an empty window names the entries after today itself)
        empty_note = left.note("a report", entries_said=True)
        from peerjournal.cli.browse import entries_lost
        from peerjournal.db.stats import live_and_trashed

        if entries_lost(store):  # the closing note says which entries cannot be read
            return

        live, trashed = live_and_trashed(store)
        if not live and trashed:
            from peerjournal.cli.browse import empty_journal

            app.say(empty_journal(len(trashed)))  # as `list` says it
        elif not live:
            app.say(
                "Your journal is empty. Write your first entry with `peerjournal write`, "
                "or see what a report looks like with `peerjournal demo`."
            )
        else:
            app.say(nothing_in_window(store, report))
        if empty_note:
            app.say(empty_note)
        return
    from peerjournal.launcher import print_whole_of
    from peerjournal.render.report import print_report

    def draw() -> None:
        print_report(app.out, report, labels, every_period=every_period)

    print_whole_of(app.out, draw)  # (a late Ctrl-C or SIGTERM once it is whole: exit 0)
    for note in (left.note("a report"), stale_note(app, store, report.get("stale"))):
        if note:
            app.say(note)


# The key `report --json`, `supervision prep --json` and `export --json` give the count under
AFTER_TODAY = "after_today"


class LeftOut(NamedTuple):
    """What a window that ends today leaves out after it: the entries dated after today,
    written where the date was already tomorrow (another time zone: see `entry.ZONE_AHEAD`),
    which would be missed without a word; and an --until after today, read as today."""

    today: date
    entries: int = 0  # dated after today (0 when the window ends before today)
    latest: date | None = None  # the latest of their dates
    asked: date | None = None  # the --until given, when it is after today

    def note(self, what: str, *, entries_said: bool = False) -> str | None:
        """The one line that says so, for `what` ("a report", "prep", "a summary") ends
        today; `entries_said`: the entries are named already (the word for an empty window
        names them), so only an --until read as today is said. None: nothing to say (no
        entry is left out)."""
        from peerjournal.dates import spoken
        from peerjournal.plural import counted

        if not self.entries:  # (an --until after today then changes nothing: `--until
            return None         # 9999-12-31`, the README's "no end", is not said each run)
        read = f"--until {spoken(self.asked)} is read as today" if self.asked else ""
        if entries_said:
            return f"{read} ({spoken(self.today)}): {what} ends today." if read else None
        one = self.entries == 1
        latest = f"{'' if one else 'up to '}{spoken(self.latest)}" if self.latest else ""
        return (
            f"{counted(self.entries, 'entry')} {'is' if one else 'are'} dated after today "
            f"({latest}: written where the date was already tomorrow?) and "
            f"{'is' if one else 'are'} left out: {what} ends today"
            f"{f' ({read})' if read else ''}."
        )


def left_out_after_today(
    app: AppContext, store: Store, until: date, asked: date | None = None,
    setting: str | None = None, tags: Sequence[str] = (),
) -> LeftOut:
    """What a window ending `until` leaves out after today (`LeftOut`): the live entries
    matching `setting` and `tags` dated after today, when it ends today (one that ends
    before leaves them out by choice), and `asked`, the --until given, when it is after
    today."""
    from peerjournal.db.stats import date_range

    today = app.today()
    asked = asked if asked is not None and asked > today else None
    found = date_range(store, setting, tags, today=today) if until >= today else None
    if found is None or not found.ahead:
        return LeftOut(today, asked=asked)
    return LeftOut(today, found.ahead, found.last, asked)


def nothing_in_window(store: Store, report: dict[str, Any]) -> str:
    """Why a report of a journal with entries is empty, and when its entries are: an earlier
    --since does not help a window before the first entry, nor fewer filters a gap."""
    from datetime import date

    from peerjournal.db.stats import date_range, none_in_window

    filters = report.get("filters") or {}
    filtered = bool(filters.get("setting") or filters.get("tags"))
    found = date_range(store, filters.get("setting"), filters.get("tags") or ())
    if found is None:  # only with filters: `show` speaks of an empty journal itself
        from peerjournal.cli.browse import not_found
        from peerjournal.db.store import Filters

        # as `list` says it: a setting or tag no entry has, tags no entry has together
        given = Filters(tags=list(filters.get("tags") or ()), setting=filters.get("setting"))
        return f"No entries match: {not_found(store, given)}"
    since, until = (date.fromisoformat(report[end]) for end in ("since", "until"))
    return none_in_window(since, until, found, filtered=filtered)


def register(app: typer.Typer) -> None:
    @app.command(short_help="Trends over weeks, months or years.")
    def report(
        ctx: typer.Context,
        since: Since = None,
        until: Until = None,
        by: ReportBy = ReportPeriod.week,
        setting: Setting = None,
        tag: Tags = None,
        dimension: Dimension = None,
        every_period: Annotated[
            bool,
            typer.Option(
                "--all", help=f"Show every week, month or year in the table (else the last "
                f"{MAX_TABLE_ROWS}).",
            ),
        ] = False,
        json_out: Json = False,
    ) -> None:
        """Trends over weeks, months or years: drift and identity, settings, feelings, rhythm.

        The default window is the 12 weeks (Monday to Sunday) up to and including this one
        (with --by year, the 10 calendar years up to and including this one); a window ends
        today at the latest. Numeric dates are day/month/year (03/04/2026 is
        3 April 2026), or year-month-day when the year comes first (2026-04-03). Streaks
        count weeks in a row with an entry, over the whole journal up to the window's end.
        """
        app_ctx = AppContext.from_ctx(ctx)
        store = app_ctx.store()
        result, labels, left = build(
            app_ctx,
            store,
            since=since,
            until=until,
            by=by.value,
            setting=setting,
            tags=tag,
            dimension=dimension,
        )
        if json_out:
            from peerjournal.launcher import stdout_whole

            stdout_whole(lambda: app_ctx.print_json(result))  # (a late signal: exit 0)
            if note := left.note("a report"):  # (the count is in the JSON too)
                app_ctx.say(note)
            return
        show(app_ctx, store, result, labels, left, every_period=every_period)

    @app.command(short_help="Try a demo journal.")
    def demo(ctx: typer.Context, json_out: Json = False) -> None:
        """Create a demo journal in a temporary folder and show its report (--json: the
        report, with the demo journal's path as "database").

        Twelve weeks of example entries: community work, a stretch of drift on an inpatient
        placement, supervision, and finding the peer role again. Your own journal is not
        touched.
        """
        import shlex
        import tempfile
        from pathlib import Path

        from peerjournal.db.store import Store
        from peerjournal.demo import load_demo_drafts
        from peerjournal.scoring import score_draft

        app_ctx = AppContext.from_ctx(ctx)
        drafts = load_demo_drafts(app_ctx.today())
        lexicon = app_ctx.lexicon()  # a bad setting or clock fails before any folder is made
        folder = Path(tempfile.mkdtemp(prefix="peerjournal-demo-"))
        path = folder / "journal.db"
        store = Store(path)
        try:
            store.add_entries(drafts, app_ctx.now(), [score_draft(d, lexicon) for d in drafts])
            app_ctx.say(
                f"Demo journal with {len(drafts)} entries created at {path} "
                "(your own journal is untouched).\n"
                f"Explore it: peerjournal --db {shlex.quote(str(path))} list   "
                "(delete the folder when done)"
            )
            result, labels, left = build(app_ctx, store)
            if json_out:  # the report, and where the demo journal is (as `where --json` names it)
                app_ctx.print_json({"database": str(path), **result})
            else:
                show(app_ctx, store, result, labels, left)
        finally:
            store.close()
