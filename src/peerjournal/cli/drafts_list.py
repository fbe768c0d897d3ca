"""`peerjournal drafts`: the list's lines and each draft's age, in words.

Plain text (no Rich): the list is a line per draft, in columns that never run into each other
("10 minutes ago" beside "write"), with the first words cut to the terminal's width (on a
narrow one, without the time a draft was changed, or beneath it: `lines`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from peerjournal.dates import spoken
from peerjournal.plural import counted

if TYPE_CHECKING:
    from peerjournal.context import AppContext
    from peerjournal.drafts import Draft

# Older than this, a draft's age is its date ("on 3 Nov 2025"): "704 days ago" is a sum to do.
DATED_AFTER_DAYS = 7
FIRST_WORDS_MIN = 12  # the first words keep at least this many columns on a draft's line
STACK_INDENT = 5  # the first words on a line of their own: under the age, past the number


def age(then: datetime, now: datetime | None = None) -> str:
    """'just now', '10 minutes ago', '3 hours ago', '2 days ago'; beyond DATED_AFTER_DAYS,
    'on 3 Nov' (with its year when that is not this year's)."""
    now = now or datetime.now().astimezone()
    seconds = (now - then).total_seconds()
    if seconds >= DATED_AFTER_DAYS * 86400:
        day = then.date()
        return f"on {spoken(day, year=day.year != now.year)}"
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            return f"{counted(int(seconds // size), unit)} ago"
    return "just now"


def changed_at(app: AppContext, draft: Draft) -> datetime:
    """When `draft` was last changed, on the app's clock. Its file's time is the real
    clock's: under a fixed clock (PEERJOURNAL_NOW, for tests and demos) a draft kept a
    moment ago was listed at the real date, "just now", beside a name with the clock's date.
    There the time its name records (the clock's, when it was started: `drafts.started_at`)
    stands for it; a name that records none (made by hand) leaves the file's time. (Its age,
    `age`, is by the file's time and the real clock: how long ago it changed, whatever the
    clock says.)"""
    from peerjournal.context import fixed_now
    from peerjournal.drafts import started_at

    started = started_at(draft) if fixed_now() is not None else None
    return draft.modified() if started is None else started.replace(tzinfo=app.now().tzinfo)


def lines(rows: Sequence[Mapping[str, object]], width: int = 0) -> list[str]:
    """A line per draft row (`drafts --json`'s): its number, when it was last changed, its
    age, what it is and its first words, the columns two spaces apart and each as wide as its
    widest cell (a draft open in another terminal marked so, `OPEN_MARK`); the first words cut
    to fit `width` (0: whole). Where they would have fewer
    than FIRST_WORDS_MIN columns, the time it was changed is left out (its age says when);
    narrower still, the first words go on a line of their own beneath (`STACK_INDENT`); cut
    after a word (`textsafe.at_a_word`)."""
    from peerjournal.textsafe import at_a_word, clean

    numbers = [f"{r['number']:>3}" for r in rows]
    changed = [str(r["modified"])[:16].replace("T", " ") for r in rows]
    ages = [str(r["age"]) for r in rows]
    kinds = [_kind(r) + (OPEN_MARK if r.get("open") else "") for r in rows]
    heads = _columns(numbers, changed, ages, kinds)
    if width and _widest(heads) + FIRST_WORDS_MIN > width:
        heads = _columns(numbers, ages, kinds)
    stacked = bool(width) and _widest(heads) + FIRST_WORDS_MIN > width
    out = []
    for row, head in zip(rows, heads, strict=True):
        words = clean(str(row["first_words"]), multiline=False) or "(empty)"
        if stacked:
            out += [head.rstrip(), " " * STACK_INDENT + at_a_word(words, width - STACK_INDENT)]
        else:
            out.append(head + (at_a_word(words, max(width - len(head), FIRST_WORDS_MIN))
                               if width else words))
    return out


def _columns(*columns: Sequence[str]) -> list[str]:
    """Each row's cells, each column as wide as its widest cell, two spaces after each."""
    widths = [max(map(len, column), default=0) for column in columns]
    return ["".join(f"{cell:<{w}}  " for cell, w in zip(cells, widths, strict=True))
            for cells in zip(*columns, strict=True)]


def _widest(heads: Sequence[str]) -> int:
    return max(map(len, heads), default=0)


# beside the kind of a draft that a session in another terminal holds (`Draft.in_use`): it is
# being written, and `write --resume` and `drafts --discard` leave it alone
OPEN_MARK = " (open in another terminal)"
# how many characters of a draft's first words name it in a question (`named`)
NAMING_WORDS = 30


def _kind(row: Mapping[str, object]) -> str:
    """What the list calls a draft row's kind: "quick", "guided", "editor", "edit of 3", or
    "replaced in 3" (entry 3's text as it was before options replaced it)."""
    from peerjournal.drafts import listed_kind

    kind = listed_kind(str(row["kind"]), Path(str(row.get("path", ""))).name)
    if row["entry_id"] is not None:
        return f"{'replaced in' if kind == 'replaced' else 'edit of'} {row['entry_id']}"
    return kind


def closing_line(app: AppContext, drafts: Sequence[Draft]) -> str:
    """The lines under `drafts`' list, a sentence for each kind of draft listed, then how to
    discard one. A new entry's draft continues with `write --resume --draft N`; unsaved
    changes to an entry ("edit of 6") with `edit 6`, which `write --resume` refuses (`restore
    6` first when entry 6 is in the trash, which `edit` refuses); a text an option replaced
    ("replaced in 6") with neither: it is kept to copy from, in the file named."""
    from peerjournal.cli.write import continues_command

    kinds = [_kind({"kind": d.kind, "entry_id": d.entry_id, "path": str(d.path)})
             for d in drafts]
    edited = sorted({d.entry_id for d, kind in zip(drafts, kinds, strict=True)
                     if d.entry_id is not None and kind.startswith("edit of")})
    replaced = [d.path for d, kind in zip(drafts, kinds, strict=True)
                if kind.startswith("replaced in")]
    new = sum(d.entry_id is None for d in drafts)
    said = []  # (a sentence each: three kinds in one ran on)
    if new:
        said.append(f"{app.resume_hint(' --draft N')} continues "
                    f"{'one' if new == len(drafts) else 'a new entry'}")
    if edited:
        said.append("; ".join(f"{continues_command(app, entry)} the changes to entry {entry}"
                              for entry in edited))
    if replaced:
        said.append(_kept_to_copy(replaced))
    said[-1] += f"; {app.command_hint('drafts --discard N')} discards one"
    return " ".join(f"{sentence}." for sentence in said)


def _kept_to_copy(paths: Sequence[Path]) -> str:
    """Where the texts options replaced ("replaced in 6") are kept to copy from: the file, or
    the folder of several (`drafts --json` names each one's file)."""
    if len(paths) == 1:
        return f"The text 'replaced in' an entry is kept to copy from, in {paths[0]}"
    return (f"The texts 'replaced in' entries are kept to copy from, in {paths[0].parent} "
            "(`peerjournal drafts --json` names each one's file)")


def started(draft: Draft) -> str:
    """When `draft` was started ("2026-12-06 08:46"), as its name says; when it was last
    changed for one whose name does not (made by hand), "" when it is gone."""
    from peerjournal.drafts import started_at

    when = started_at(draft)
    if when is not None:
        return f"{when:%Y-%m-%d %H:%M}"
    try:
        return f"{draft.modified():%Y-%m-%d %H:%M}"
    except OSError:
        return ""


def named(
    number: int | None, draft: Draft, words: bool = True, among: Sequence[Draft] = ()
) -> str:
    """Draft `number` named as a question or a result line names it, for the writer to see it
    is the one meant (a number read from a list long ago may be another draft's by now: once
    a draft is gone, its number is free for the next one kept): 'draft 2 (quick, started
    2026-12-06 08:46: "Tired but glad…")'; without its `words` (for an error: errors never
    show journal text), only what it is and when it was started. Drafts `among` that begin
    with the same words: its words shown as far as where they differ (`telling_words`)."""
    from peerjournal.textsafe import clean

    what = _kind({"kind": draft.kind, "entry_id": draft.entry_id, "path": str(draft.path)})
    when = started(draft)
    if when:
        what += f", started {when}"
    first = clean(telling_words(draft, among), multiline=False) if words else ""
    return f"draft {number} ({what}: \"{first}\")" if first else f"draft {number} ({what})"


# how many characters of a draft's words past where it differs from another are shown, and
# how far into its words that is looked for
TELLING_AFTER = 20
TELLING_LIMIT = 2000


def telling_words(draft: Draft, among: Sequence[Draft] = ()) -> str:
    """`draft`'s first words (NAMING_WORDS characters), or, when another draft `among` starts
    the same, as far as where they differ, the words between left out ("We walked and
    talked … with him and then 2"); the first words alone when they do not differ."""
    from peerjournal.textsafe import cut

    text = draft.first_words(TELLING_LIMIT)
    others = [d.first_words(TELLING_LIMIT) for d in among if d.path != draft.path]
    shared = max((_common_prefix(text, other) for other in others if other != text), default=0)
    if shared + TELLING_AFTER <= NAMING_WORDS:
        return draft.first_words(NAMING_WORDS)
    start = max(text.rfind(" ", 0, max(shared - 10, 0)) + 1, 0)
    head = cut(text, NAMING_WORDS).rstrip("…").rstrip()
    if start <= len(head):  # (the two parts would overlap: one stretch)
        return cut(text, shared + TELLING_AFTER)
    return f"{head} … {cut(text[start:], shared - start + TELLING_AFTER)}"


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def refuse_open(found: Sequence[Draft], chosen: Sequence[Draft]) -> None:
    """Refuse to discard the `chosen` drafts (of those `found`, numbered as listed) when one
    is open in another terminal, as `write --resume` refuses to continue it: removed under
    that session, it would be written again at its next line, and the discard undone."""
    from peerjournal.errors import PeerJournalError

    for draft in chosen:
        if draft.in_use():
            raise PeerJournalError(
                f"{named(draft.number, draft, words=False).capitalize()} is open in "
                "another terminal: finish or close it there first. Nothing discarded."
            )


def ask_discard(app: AppContext, found: Sequence[Draft], chosen: Sequence[Draft]) -> bool:
    """Whether the writer says yes to discarding the `chosen` drafts (of those `found`), each
    named (`named`): a number read from a list long ago can be another draft's by now."""
    if len(chosen) == 1:
        [draft] = chosen
        return app.confirm(
            f"Discard {named(draft.number, draft, among=found)} and the text in "
            f"it{_and_recovery(draft)}?"
        )
    for draft in chosen:
        app.say(f"  {named(draft.number, draft, among=found)}{_and_recovery(draft)}")
    return app.confirm(f"Discard these {len(chosen)} drafts and the text in them?")


def discarded(found: Sequence[Draft], chosen: Sequence[Draft]) -> str:
    """The line that says which of the drafts `found` were discarded (`chosen`, named before
    they go: a discarded draft's words cannot be read)."""
    names = [f"{named(draft.number, draft, among=found)}{_and_recovery(draft)}"
             for draft in chosen]
    if len(names) == 1:
        return f"Discarded {names[0]}."
    return f"Discarded {counted(len(names), 'draft')}: {'; '.join(names)}."


def _and_recovery(draft: Draft) -> str:
    """Of a draft to discard: the editor's recovery files beside it, which go with it
    (`Draft.discard`) and may hold words it does not."""
    files = draft.recovery_files()
    if not files:
        return ""
    which = "file" if len(files) == 1 else "files"
    return f", and the editor's recovery {which} {', '.join(f.name for f in files)}"


# The answers a self-check could not save are kept in the drafts folder's `self-check`
# folder (cli/supervision.py `_keep_unsaved`), as answers-YYYYMMDD-HHMMSS.json
KEPT_ANSWERS = "answers-*.json"


def kept_answers(folder: Path, given: Path | None = None) -> list[Path]:
    """The answers files in `folder` that a self-check kept and the journal has not taken,
    oldest first: but `given` (one being saved now with --answers), and one a check in
    another terminal is asking (`Draft.in_use`)."""
    import contextlib

    from peerjournal.drafts import Draft

    found: list[Path] = []
    with contextlib.suppress(OSError):
        for path in sorted(folder.glob(KEPT_ANSWERS)):
            if given is not None and str(given) != "-" and path.resolve() == given.resolve():
                continue
            if not Draft(path).in_use():
                found.append(path)
    return found


def kept_answers_lines(app: AppContext, folder: Path) -> list[str]:
    """For `drafts`: a line for each answers file a self-check kept (`kept_answers`), which
    is no draft (`write --resume` does not continue it) but words of the writer's all the
    same: what it is, since when, and how to save it or let it go."""
    import shlex

    from peerjournal.drafts import Draft

    said = []
    for path in kept_answers(folder):
        when = started(Draft(path))
        count = _answers_in(path)
        about = ", ".join(filter(None, [counted(count, "answer") if count else "", when]))
        saves = app.command_hint(f"supervision check --answers {shlex.quote(str(path))}")
        said.append(
            f"A self-check's answers that the journal could not take are kept in {path}"
            f"{f' ({about})' if about else ''}: {saves} saves them; delete the file if they "
            "are not wanted."
        )
    from peerjournal.cli.supervision import kept_words_lines  # (words kept with no score)

    said += kept_words_lines(app, folder)
    return [kept_by_a_check(app), *said] if said else []


def kept_by_a_check(app: AppContext) -> str:
    """The heading over what a self-check kept, in `drafts`: no draft (`write --resume` does
    not continue it), so it is not counted among them (QA r47: "There are no unfinished
    drafts." and then a list); the command named in full, as every hint names it."""
    resume = app.command_hint("write --resume")
    return f"Kept by a self-check (not drafts: {resume} does not continue them):"


def no_drafts(app: AppContext, folder: Path) -> str:
    """`drafts`' line when no draft is kept, in agreement with what it lists below it: the
    words a self-check kept in `folder` (its self-check folder) are not drafts of an entry."""
    if kept_answers_lines(app, folder):
        return "There are no unfinished entry drafts."
    return "There are no unfinished drafts."


def _answers_in(path: Path) -> int:
    """How many answers the answers file `path` holds (0: it cannot be read as one)."""
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    return len(data) if isinstance(data, dict) else 0
