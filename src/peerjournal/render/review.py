"""What the mentor's review adds when it is given several summaries: an overview of them, and
for one writer's how they moved from one summary to the next (`peerjournal review sep.json
oct.json nov.json`).

The numbers, and which summaries are one writer's, come from `reviewing` (Rich-free, as
`review --json` writes them); this only formats them. Summaries reach here validated and
sanitised.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from peerjournal.exporters import common
from peerjournal.plural import counted, joined
from peerjournal.render.charts import unicode_ok
from peerjournal.render.console import Trimmed
from peerjournal.render.layout import ASCII_SIMPLE_HEAD
from peerjournal.render.summary import section
from peerjournal.reviewing import (
    Loaded,
    Writer,
    by_journal,
    comparisons,
    dimension_moves,
    exported_again,
    headline,
    joined_by_signature,
    journal_id,
    lexicon_unknown,
    lexicons,
    lexicons_differ,
    older_balance,
    overlaps,
    scored_words,
    shared_ids,
    signed_alike,
    told_apart,
    too_little_to_compare,
    unplaced,
)
from peerjournal.trends import THRESHOLDS

ARROW = " → "
UNREDACTED_MARK = "(UNREDACTED)"
# Room for the names narrower than this, the overview is two lines per summary.
WHO_MIN = len(UNREDACTED_MARK)


def _wrapped(name: str, width: int) -> str:
    """`name` whole, in lines of at most `width` columns, each broken after a "-", "_", "."
    or space where one falls in it (else where the width ends): any part of a file's name
    may be what tells it apart ("alex-oct.json", "alex-nov.json", "unsigned_real.json")."""
    lines = []
    while cell_len(name) > width:
        fits = 0
        while cell_len(name[: fits + 1]) <= width:
            fits += 1
        breaks = [i + 1 for i, char in enumerate(name[:fits]) if char in "-_. /\\"]
        cut = breaks[-1] if breaks else max(fits, 1)
        lines.append(name[:cut].rstrip())
        name = name[cut:].lstrip()
    return "\n".join([*lines, name])


class Overview:
    """One row per summary (validated and sanitised): who (its signature, else its file's
    name: the folders are the same for every file), when, how much, the overall numbers and
    how many alerts. An unredacted summary is marked in its row, so a mentor knows before
    reading on that it holds real names; one signed as another writer's (`keys`,
    `reviewing.writers`) names its file too, and a line under the table says why (their
    journal IDs differ, or their shared entries: `reviewing.told_apart`), as for summaries
    that share a journal ID but are read as two writers' (`reviewing.shared_ids`), or one
    left uncompared, as it could be any of several writers' (`reviewing.unplaced`). A light
    table, as `report`'s, where its numbers leave WHO_MIN columns for the names (a longer
    file name on more lines, whole); else two lines per summary."""

    COLUMNS = ("Period", "Entries", "Shared", "Identity", "Drift", "Alerts")
    GAP = 2  # a space of padding and the space of the rule's column break

    def __init__(self, summaries: Loaded, keys: Sequence[Writer | None]) -> None:
        self.summaries = summaries
        self.names = dict(zip((name for name, _ in summaries),
                              distinct_names([name for name, _ in summaries]), strict=True))
        found = [s for _, s in summaries]
        left = unplaced(found, keys)
        self.alike = [alike or i in left for i, alike in enumerate(signed_alike(found, keys))]
        self.apart = told_apart(found, keys)
        files = [self.names[name] for name, _ in summaries]
        self.notes = [*(_shared_id_note([files[i] for i in shared.members], shared.writers)
                        for shared in shared_ids(found, keys)),
                      *(_unplaced_note(files[i], found[i]["writer"]) for i in left)]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        ascii_only = not unicode_ok(console.encoding)
        rows = [
            (common.date_span(s["period"]["since"], s["period"]["until"],
                         " - " if ascii_only else " – "),
             _count(s["entries"]["total"]), _count(s["entries"]["shared"]), *_headline(s)[:2],
             _count(len(s["alerts"])))
            for _, s in self.summaries
        ]
        numbers = sum(max(cell_len(cell) for cell in (header, *cells)) + self.GAP
                      for header, cells in zip(self.COLUMNS, zip(*rows, strict=True),
                                               strict=True))
        room = options.max_width - numbers
        if room < WHO_MIN:
            yield self._lines(rows)
        else:
            yield self._table(rows, room, ascii_only)
        by_id, by_entries = self.apart
        for note, said in ((ALIKE_JOURNAL_NOTE, by_id), (ALIKE_NOTE, by_entries)):
            if said:
                yield Text(note, style="italic")
        for note in self.notes:
            yield Text(note, style="italic")

    def _table(self, rows: Sequence[tuple[str, ...]], room: int, ascii_only: bool) -> Trimmed:
        table = Table(title="Summaries  (identity and drift per 100 words)",
                      title_justify="left", header_style="bold",
                      box=ASCII_SIMPLE_HEAD if ascii_only else box.SIMPLE_HEAD,
                      show_edge=False, pad_edge=False, padding=(0, 1, 0, 0))
        table.add_column("Who", overflow="fold")
        for column in self.COLUMNS:
            table.add_column(column, justify="left" if column == "Period" else "right",
                             no_wrap=True)
        for (source, s), alike, row in zip(self.summaries, self.alike, rows, strict=True):
            table.add_row(self._who(self.names[source], s, lambda name: _wrapped(name, room),
                                    alike), *row)
        return Trimmed(table)

    def _lines(self, rows: Sequence[tuple[str, ...]]) -> Group:
        lines = [Text("Summaries", style="bold")]
        for (source, s), alike, (period, _, shared, identity, drift, _) in zip(
            self.summaries, self.alike, rows, strict=True
        ):
            who = self._who(self.names[source], s, lambda name: name, alike)
            who.append(f"  {period}")
            lines += [who, Text(
                f"  {counted(s['entries']['total'], 'entry')}, {shared} shared · "
                f"{counted(len(s['alerts']), 'alert')}\n"
                f"  identity {identity}, drift {drift} per 100 words"
            )]
        return Group(*lines)

    @staticmethod
    def _who(name: str, s: dict[str, Any], fit: Callable[[str], str], alike: bool) -> Text:
        """The signature, else the file's `name` (`distinct_names`) made to `fit` (under the
        signature when another writer signs `alike`); marked when unredacted."""
        name = fit(name)
        writer = s.get("writer")
        who = Text(f"{writer}\n{name}" if writer and alike else writer or name)
        if not s["redacted"]:
            who.append(f" {UNREDACTED_MARK}", "bold")
        return who


def distinct_names(sources: Sequence[str]) -> list[str]:
    """Each file's name as the overview gives it: its base name, or where another file has
    the same one (three folders' "summary.json"), the shortest ending of its path that no
    other file's ends alike ("drift/summary.json"); the whole path where nothing shorter is."""
    parts = [PurePath(source).parts for source in sources]
    out = []
    for n, mine in enumerate(parts):
        others = [p for m, p in enumerate(parts) if m != n]
        size = 1
        while size < len(mine) and any(p[-size:] == mine[-size:] for p in others):
            size += 1
        out.append(str(PurePath(*mine[-size:])) if mine else sources[n])
    return out


def _count(n: int) -> str:
    """A count as `plural.counted` writes it, without its noun: "12,345"."""
    return f"{n:,}"


def _headline(s: dict[str, Any]) -> tuple[str, str, str]:
    """`reviewing.headline` as the text shows it: identity, drift, balance."""
    h = headline(s)
    return common.number(h.identity), common.number(h.drift), _balance(h.balance, h.too_little)


def _balance(value: float | None, too_little: bool) -> str:
    return common.TOO_LITTLE if too_little else common.balance(value)


ALIKE_NOTE = ("Some summaries are signed alike but are read as different writers': they cover "
              "some of the same days, and no shared entry of those days is in both. Each names "
              "its file, and they are not compared (if they are one writer's, the entries were "
              "changed or shared differently between the exports).")
ALIKE_JOURNAL_NOTE = ("Some summaries are signed alike but are read as different writers': they "
                      "come from different journals (their Journal IDs differ). Each names its "
                      "file, and they are not compared. (A writer who started a new journal, "
                      "after a reinstall say, gives it their old one's ID by importing their old "
                      "backup with `peerjournal import --journal-id backup`, then exports again.)")


def _shared_id_note(files: Sequence[str], writers: int) -> str:
    """The line on summaries with one journal ID read as `writers` writers' (`shared_ids`)."""
    return (f"{joined(files)} share a Journal ID but cover the same days with different "
            f"entries: read as {counted(writers, 'writer')} (a copied journal?).")


def _unplaced_note(file: str, signature: str) -> str:
    """The line on a summary without a journal ID signed like several writers with one."""
    return (f'{file} carries no Journal ID and is signed "{signature}" like more than one '
            "writer who gives one: it could be any of theirs, so it is not compared.")


OVERLAP_NOTE = ("Some of these periods overlap (the headers give them): the same entries are "
                "counted in more than one, so the numbers are not steps in time.")
# what a mentor can do about summaries scored with different lexicons: files already sent
# stay as they are; new ones, exported after one rescore, compare
LEXICON_ADVICE = ("Each summary's numbers are right for its own lexicon, but they count "
                  "different lists of phrases, so a change between them may come from the "
                  "lexicons rather than the writing. To compare them, ask the writer to score "
                  "their journal with one lexicon (`peerjournal drift --rescore`) and export "
                  "these periods again.")


def lexicon_words(lexicon: dict[str, Any]) -> str:
    """One drift lexicon (`reviewing.lexicons`' item) as a mentor reads it: its version, then
    what it is (`common.lexicon_about`):
    '8a9eabb22e24 ("Northside Peer Collective", not a lexicon peerjournal ships)'."""
    return f"{lexicon['version']} ({common.lexicon_about(lexicon)})"


def _lexicon_note(run: Sequence[dict[str, Any]], files: Sequence[str] | None) -> str:
    """The line on one writer's summaries (`run`; `files`: theirs as shown, None for the
    previous summary and this one) scored with different drift lexicons: which scored
    which (of those that say: the next note names the others), the summaries scored alike
    together and each lexicon described once (`lexicon_words`), and what the mentor can do
    (LEXICON_ADVICE)."""
    labels = ["the previous one", "this one"] if files is None else files
    groups: dict[tuple[str, ...], list[str]] = {}  # the summaries scored with each set
    described: dict[str, dict[str, Any]] = {}
    for label, s in zip(labels, run, strict=True):
        if found := lexicons(s):
            groups.setdefault(tuple(lex["version"] for lex in found), []).append(label)
            described |= {lex["version"]: lex for lex in found  # (named where one names it)
                          if lex["version"] not in described or lex["name"]}
    said = list(groups.items())
    if files is None:
        said.reverse()  # (this one first)
    told: set[str] = set()

    def words(version: str) -> str:  # described the first time only
        first = version not in told
        told.add(version)
        return lexicon_words(described[version]) if first else version

    which = ", ".join(
        f"{joined(group)} with {'both ' if len(versions) == 2 else ''}"
        f"{joined([words(v) for v in versions])}"
        for versions, group in said)
    return f"Scored with different drift lexicons: {which}. {LEXICON_ADVICE}"


def _notes(
    run: Sequence[dict[str, Any]], overlap: bool, differ: bool, files: Sequence[str] | None
) -> list[str]:
    """What keeps `run`'s numbers from reading as steps in the writer's writing: periods that
    overlap, different lexicons (`_lexicon_note`), and lexicons not said (`_unknown_lexicons`,
    `files`)."""
    return [*([OVERLAP_NOTE] if overlap else []),
            *_exported_again(run, files),
            *([_lexicon_note(run, files)] if differ else []),
            *_unknown_lexicons(run, files)]


def _exported_again(run: Sequence[dict[str, Any]], files: Sequence[str] | None) -> list[str]:
    """The line on two summaries of one period whose numbers differ (`exported_again`): the
    writer changed entries in it between the exports, so neither figure is a mistake."""
    labels = ["the previous one", "this one"] if files is None else files
    said = [f"{labels[a]} and {labels[b]} cover the same period ({_span(run[a])}) with "
            "different numbers: the writer changed entries in it (edited, added, deleted or "
            f"rescored them) between the two exports; {labels[b]} is the later."
            for a, b in exported_again(run)]
    # (a file's name as it is; "The previous one" opens a sentence)
    return said if files is not None else [line[:1].upper() + line[1:] for line in said]


def _unknown_lexicons(run: Sequence[dict[str, Any]], files: Sequence[str] | None) -> list[str]:
    """The line saying which of one writer's summaries (`run`; `files`: theirs as shown, None
    for the previous summary and this one, `since_previous`) have numbers without the lexicon
    that scored them (`lexicon_unknown`): compared with another, they may move with the scorer
    (an older one had other markers) rather than with the writing."""
    unknown = [n for n, s in enumerate(run) if lexicon_unknown(s)]
    if not unknown:
        return []
    if len(unknown) == len(run):
        which = ("Neither summary says" if len(run) == 2 else "None of these summaries says") \
            + " which drift lexicon scored it"
    elif files is None:
        which = (f"{'This' if unknown == [1] else 'The previous'} summary does not say which "
                 "drift lexicon scored it")
    else:
        named = joined([files[n] for n in unknown])
        which = (f"The summary in {named} does not say which drift lexicon scored it"
                 if len(unknown) == 1 else
                 f"The summaries in {named} do not say which drift lexicon scored them")
    return [f"{which}: a change may come from the scorer, not the writing."]


def _older(summaries: Sequence[dict[str, Any]], labels: Sequence[str]) -> list[str]:
    """What "–" as a balance means for each summary from an older peerjournal (before the
    totals) that has identity and drift to give one: said, with the balance they give. A
    summary is named by its period, and by its label too (`labels`: its file, "this one")
    where another said so has the same period: two lines alike would read as one summary with
    two balances."""
    said = [(_span(s), label, derived) for s, label in zip(summaries, labels, strict=True)
            if (derived := older_balance(s)) is not None]
    spans = [span for span, _, _ in said]
    return [
        f"No balance (–) in the summary of {span}{f' ({label})' if spans.count(span) > 1 else ''}"
        f": it is from an older peerjournal, which gave none; its identity and drift give "
        f"{common.balance(derived)}."
        for span, label, derived in said
    ]


def _span(s: dict[str, Any]) -> str:
    return common.date_span(s["period"]["since"], s["period"]["until"])


def between_summaries(loaded: Loaded, keys: Sequence[Writer | None]) -> RenderableType | None:
    """`reviewing.comparisons` as the text shows them; None when no writer sent two
    summaries. A writer signed as another is named with their files; one known by their
    journal ID who signed differently, by their latest signature, with a line on the others
    (`_signatures_note`)."""
    by_name = dict(loaded)
    alike = dict(zip(by_name, signed_alike([s for _, s in loaded], keys), strict=True))
    known_by_id = {name for name, k in zip(by_name, keys, strict=True) if by_journal(k)}
    names = dict(zip(by_name, distinct_names(list(by_name)), strict=True))
    text = Text()
    signed_only = []  # the writers whose summaries their signature alone joins, and how
    for c in comparisons(loaded, keys):
        if text:
            text.append("\n\n")
        files = (f" ({', '.join(names[f] for f in c['files'])})"
                 if any(alike[f] for f in c["files"]) else "")
        run = [by_name[name] for name in c["files"]]
        text.append(f"{_named(c['writer'], run)}{files}: {counted(len(c['files']), 'summary')}, "
                    f"{c['since']} to {c['until']}", "bold")
        text.append(
            "\n  identity " + ARROW.join(map(common.number, c["identity"]))
            + "\n  drift " + ARROW.join(map(common.number, c["drift"]))
            + "\n  balance " + ARROW.join(map(_balance, c["balance"], (
                headline(by_name[name]).too_little for name in c["files"])))
            + "\n  entries " + ARROW.join(map(_count, c["entries"]))
            + " · alerts " + ARROW.join(map(_count, c["alerts"]))
        )
        signatures = (_signatures_note(c["files"], run, names) if c["files"][0] in known_by_id
                      else [])
        shown = [names[f] for f in c["files"]]
        for note in [*signatures, *_older(run, shown),
                     *_notes(run, c["overlap"], c["lexicons_differ"], shown), *_too_little(run)]:
            text.append(f"\n  {note}", "italic")
        if c["signature_only"]:
            signed_only.append((_named(c["writer"], run), *joined_by_signature(run)))
    if not text:
        return None
    if signed_only:  # once, below them all: true of most writers' summaries, as sharing is opt-in
        text.append(f"\n\n{_signed_only(signed_only)}", "italic")
    return section("Between summaries (oldest first; identity and drift per 100 words)", text)


def since_previous(
    previous: tuple[str, dict[str, Any]] | None, s: dict[str, Any]
) -> RenderableType | None:
    """The section opening a summary when the same writer's previous one was reviewed too:
    its headline numbers then and now, and the dimensions that moved most between them.
    (The lexicon that scored it is its header's: said once.)"""
    if previous is None:
        return None
    name, before = previous
    (i0, d0, b0), (i1, d1, b1) = _headline(before), _headline(s)
    numbers = (f"Identity {i0}{ARROW}{i1}, drift {d0}{ARROW}{d1} per 100 words; "
               if not _said_against_before(before, s, (i0, d0)) else "")
    lines = [
        f"• {numbers}{'balance' if numbers else 'Balance'} {b0}{ARROW}{b1}.",
        f"• Entries {_count(before['entries']['total'])}{ARROW}{_count(s['entries']['total'])}; "
        f"alerts {_count(len(before['alerts']))}{ARROW}{_count(len(s['alerts']))}.",
        *(f"• {line}" for line in _older([before, s], ["the previous one", "this one"])),
        *(f"• {line}" for line in _dimension_moves(before, s)),
    ]
    lines += [f"• {note}" for note in [
        *_notes([before, s], overlaps([before, s]), lexicons_differ([before, s]), None),
        *_too_little([before, s]),
    ]]
    lines.append(f"(That summary is {name}.)")
    title = f"Since the previous summary ({common.period_text(before)})"
    return section(title, Text("\n".join(lines)))  # a Text: its bullets' lines hang


def _said_against_before(before: dict[str, Any], s: dict[str, Any],
                         numbers: tuple[str, str]) -> bool:
    """Whether "At a glance" has said `before`'s identity and drift (`numbers`, as shown)
    against `s`'s already: `s`'s `previous` (its "Against the period before") is the period
    `before` covers, with the same numbers. The section then leaves them out rather than
    saying them twice (the entries of an edit made between the two exports would differ)."""
    prev = s.get("previous")
    if not prev or (prev["since"], prev["until"]) != (
        before["period"]["since"], before["period"]["until"]
    ):
        return False
    return numbers == tuple(common.number(prev[key]) for key in ("identity", "drift"))


def _too_little(run: Sequence[dict[str, Any]]) -> list[str]:
    """The line saying the summaries hold too little writing to say what moved, with each
    one's scored words, as the writer's `report` says it of two windows; none with enough."""
    if not too_little_to_compare(run):
        return []
    words = joined(["not given" if (w := scored_words(s)) is None else f"{w:,}" for s in run])
    return [f"Too little writing to say which dimensions moved: {words} scored words (a "
            f"comparison needs {THRESHOLDS.min_window_words:,} in each, as the writer's own "
            "report asks); the numbers above are each summary's own."]


# How a run of summaries joined by their journal ID alone, none signed, is named
UNSIGNED = "Unsigned"


def _named(writer: str | None, run: Sequence[dict[str, Any]]) -> str:
    """How a writer's summaries (`run`) are named: by their signature (`comparisons`'
    "writer"); else, when some are unsigned, by their journal ID, never by another summary's
    signature (an unsigned summary was meant to name no one)."""
    if writer:
        return writer
    found = journal_id(run[0])
    return f"Journal ID {found}" if found and any(s.get("writer") for s in run) else UNSIGNED


def _signatures_note(
    files: Sequence[str], run: Sequence[dict[str, Any]], names: dict[str, str]
) -> list[str]:
    """For one writer's summaries joined by their journal ID (`files`, `run`; `names`: the
    files as shown), signed differently: the line naming each signature with its files, in
    order, the writer being named by the latest above; nothing when all are signed alike."""
    signed: dict[str, tuple[str, list[str]]] = {}  # (alike but for case and spaces: one)
    for name, s in zip(files, run, strict=True):
        shown = f'"{s["writer"]}"' if s.get("writer") else "unsigned"
        signed.setdefault(" ".join(shown.casefold().split()), (shown, []))[1].append(names[name])
    if len(signed) < 2:
        return []
    each = joined([f"{shown} ({', '.join(found)})" for shown, found in signed.values()])
    how = ("by their Journal ID" if all(journal_id(s) for s in run)
           else "by their Journal ID, and those without one by their signature")
    return [f"Signed differently over time: {each}; read as one writer's {how}."]


def _signed_only(writers: Sequence[tuple[str, str, bool]]) -> str:
    """The line saying the summaries of `writers` (each: as named, the signature that joins
    them, and whether some carry a journal ID: `reviewing.joined_by_signature`) are joined
    by their signature alone (`signature_only`), said once for them all."""
    if len(writers) == 1 and not writers[0][2]:
        these = f"These are read as one writer's only because each is signed \"{writers[0][1]}\""
    elif len(writers) == 1:
        name, signature, _ = writers[0]
        these = (f"{name}'s summaries without a Journal ID are read as that writer's only "
                 f"because they are signed \"{signature}\", as some of the others are")
    else:  # 'The summaries signed "Al", and those signed "Sam", are…'
        signed = ", and those signed ".join(f'"{signature}"' for _, signature, _ in writers)
        these = (f"The summaries signed {signed}, are each read as one writer's only because "
                 "they are signed alike")
    return (f"{these}: not every one of them says which journal it came from (a Journal ID, "
            "which summaries carry since December 2026 unless exported with --no-journal-id), "
            "so two people who sign alike would read here as one; ask if a change surprises "
            "you.")


def _dimension_moves(before: dict[str, Any], s: dict[str, Any]) -> list[str]:
    """`reviewing.dimension_moves` in words."""
    return [
        f"{m.label} ({m.polarity} markers) {'rose' if m.after > m.before else 'fell'} from "
        f"{common.number(m.before)} to {common.number(m.after)}."
        for m in dimension_moves(before, s)
    ]
