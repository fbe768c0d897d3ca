"""The export preview (what will leave) and the mentor's review of summaries, with Rich.

Summaries reaching `review` are untrusted: every string is passed through `reviewing.sanitise`
before it is drawn, so escape sequences, carriage returns, C1 controls and bidirectional
overrides in a file show up as visible `\\x1b`-style escapes instead of acting on the terminal.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from peerjournal.plural import counted, joined
from peerjournal.redact import (
    Person,
    capitalised_words,
    caseless_letter,
    caseless_runs,
    lower_case_words,
    may_be_user_name,
    misspelt_names,
    name_key,
    nickname_like,
    nickname_spans,
    own_initials,
    part_as_word,
    possessor,
    unlisted_capitalised,
    user_names_left,
)
from peerjournal.render.charts import diverging_bar, unicode_ok
from peerjournal.render.console import styled
from peerjournal.render.layout import Section
from peerjournal.render.safe import clean, safe_text
from peerjournal.render.widths import STATEMENT_MIN
from peerjournal.textsafe import at_a_word

# (exporters.common, reviewing and summary are imported in the functions that read them:
# `people list` draws `people_table` alone, and they cost it about 50 ms to import)

if TYPE_CHECKING:
    from peerjournal.db.people import PersonRow

# Narrower than this, review leaves out its bars so the numbers and labels fit (down to 40).
BARS_WIDTH = 80


# ------------------------------------------------------------------------------ preview


def preview(
    console: Console,
    text: str,
    journal_texts: Sequence[str],
    destination: str,
    redacted: bool,
    people: Sequence[Person] = (),
    labels: Sequence[str] = (),
    *,
    signature: str = "",
    vocabulary: Iterable[str] = (),
) -> list[str]:
    """Show exactly what will leave, with the words to check (`words_to_check`) highlighted.

    Returns the distinct highlighted words, in the order the line under it names them.
    """
    from peerjournal.reviewing import sanitise

    shown = sanitise(text)
    body = Text(shown)
    matches, words = _words_to_check(shown, journal_texts, people, labels, signature,
                                     vocabulary)
    for match in matches:
        body.stylize("bold reverse", match.start(), match.end())
    title = f"Preview: what will be written to {destination}"
    if _AS_MARKDOWN.search(destination):
        title += ", shown as Markdown"
    if not redacted:
        title += " (UNREDACTED)"
    console.print(section(title, body))  # a long destination, or UNREDACTED, is never cut
    names = [p.name for p in people]
    spoken = spoken_of(words, journal_texts)
    if words:
        # where no style is shown (TERM=dumb, a pipe), nothing above is highlighted
        where = "highlighted above" if styled(console) else "in the preview above"
        console.print(Text(check_words_message(words, where, names, spoken)))
    if redacted and (unchecked := unchecked_scripts_message(text)):
        console.print(Text(unchecked))
    return [word for word, _ in ranked_words(words, names, spoken)]


# The preview of these formats (named last in the destination: "p.html (html)") is their
# Markdown: the file itself is not text to show.
_AS_MARKDOWN = re.compile(r"\((?:html|pdf)\)$")


def words_to_check(
    text: str, journal_texts: Sequence[str], people: Sequence[Person] = (),
    labels: Sequence[str] = (), *, signature: str = "", vocabulary: Iterable[str] = (),
) -> Counter[str]:
    """The capitalised words of `text` (a summary as written) that may be names missing from
    the people list, with how often each is there.

    Only words the writer wrote are candidates: not the summary's own headings, nor the
    words of the aliases redaction put in ("S." for Sam Jones, and the "s" of "S.'s flat"),
    nor the writer's `signature` itself (--from, theirs on purpose: its words are flagged only
    where the journal's texts have them too, as a client may share the writer's name). At a
    sentence start,
    not a common word there (`redact.unlisted_capitalised`: "Today", "Walked", one written in
    lower case in these texts, or one of the tool's own words in `vocabulary`: "Tender."),
    but a name ("Kerry was upset") and a word that looks like a listed name's short form
    ("Sammy was upset" for Samuel Jones, however common) are. An alias that looks like that
    is flagged too: it names them wherever it is printed; and so is such a word in `labels`
    (settings and tags, in lower case: "sammy-visit").

    Each is counted where the writer's texts have it, not in the summary's own words: the
    "Connection" of the Dimensions table, the "will" of "What the writer will do
    differently" (a word typed by the writer is counted even where redaction also put it in,
    as an alias like "Sammy" is).
    """
    from peerjournal.reviewing import sanitise

    return _words_to_check(
        sanitise(text), journal_texts, people, labels, signature, vocabulary
    )[1]


def _counted(matches: Sequence[re.Match[str]], names: Sequence[str] = ()) -> Counter[str]:
    """Each flagged word with how often it is there, a tag's "priya" counted with "Priya"
    (shown as the first written with a capital); but a listed name's part left in lower case
    ("Met may and will." with Will Turner listed) under its own spelling, as the advice for
    it (`check_words_message`: write it with a capital) is its own."""
    parts = _listed_parts(names)

    def key(word: str) -> tuple[str, bool]:
        return name_key(word), word.islower() and name_key(word) in parts

    shown: dict[tuple[str, bool], str] = {}
    for m in sorted(matches, key=lambda m: not m.group(0)[:1].isupper()):
        shown.setdefault(key(m.group(0)), m.group(0))
    return Counter(shown[key(m.group(0))] for m in matches)


def _listed_parts(names: Sequence[str]) -> set[str]:
    """The keys (`name_key`) of the parts of `names`, split at spaces and hyphens."""
    return {name_key(part) for name in names for part in re.split(r"[\s\-]+", name) if part}


# Passages of caseless script listed by `unchecked_scripts_message`: more, or a longer one,
# and the writer is asked to read them without a list.
_RUNS_LISTED = 8
_RUN_CHARS = 20


def unchecked_scripts_message(text: str) -> str | None:
    """A note that the words of `text` (what will leave) in scripts without capital letters
    (Chinese, Arabic, Thai…) could not be checked for names as capitalised words are, naming
    those passages when there are few and short ones; None when there are none."""
    runs = caseless_passages(text)
    if not runs:
        return None
    scripts = joined(list(dict.fromkeys(script for _, script in runs)))
    passages = list(dict.fromkeys(run for run, _ in runs))
    if len(passages) <= _RUNS_LISTED and all(len(p) <= _RUN_CHARS for p in passages):
        listed = f": {clean(', '.join(passages), multiline=False)}"
    else:
        listed = f" ({counted(len(passages), 'passage')})"
    return (
        f"Words in {scripts} could not be checked for names (they have no capital letters): "
        f"read them yourself{listed}. If any is someone's name, add it with "
        "`peerjournal people add NAME` and export again."
    )


def caseless_passages(text: str) -> list[tuple[str, str]]:
    """`redact.caseless_runs` of `text`, sanitised, without reading it letter by letter when
    no letter of it is of such a script: most summaries (half a megabyte took 0.1 s, and
    `export --json` read it twice)."""
    from peerjournal.reviewing import sanitise

    shown = sanitise(text)
    if shown.isascii() or not any(map(caseless_letter, set(shown))):
        return []  # (`caseless_runs` starts a run only at such a letter)
    return caseless_runs(shown)


def check_words_message(
    words: Counter[str], where: str, names: Sequence[str] = (),
    spoken: frozenset[str] = frozenset(),
) -> str:
    """'Check these capitalised words (WHERE): Sam (like a listed name), Priya (2). If any
    is …': a word that looks like a short form of a listed name first; 'these words' when one
    is in lower case (a tag, a listed name typed so). Every word is named, however many: one
    left out of the line would leave unchecked, as nothing is highlighted with --yes or in a
    piped preview. `spoken`: the words a person's verb follows somewhere (`spoken_of`)."""
    def shown(word: str, times: int) -> str:
        notes = [str(times)] if times > 1 else []
        notes += ["like a listed name"] if _like_listed(word, names, word in spoken) else []
        return f"{word} ({', '.join(notes)})" if notes else word

    listed = ", ".join(shown(w, n) for w, n in ranked_words(words, names, spoken))
    listed = clean(listed, multiline=False)
    kind = "capitalised words" if all(w[:1].isupper() for w in words) else "words"
    parts = _listed_parts(names)
    already = [w for w in words if w.islower() and name_key(w) in parts]
    logins = [w for w in words if w not in already and may_be_user_name(w, names)]
    others = len(already) + len(logins) < len(words)
    advice = (
        " If any is someone's name, add it with `peerjournal people add NAME` and export again."
        if others else ""
    )
    if already:
        those = clean(joined(already), multiline=False)
        advice += (
            f" {those} {'is a listed name' if len(already) == 1 else 'are listed names'}, "
            "left where the sentence may make it the everyday word: where it is the person, "
            "write it with a capital letter and export again."
        )
    if logins:
        those = clean(joined(logins), multiline=False)
        one = len(logins) == 1
        advice += (
            f" {those} may be {'a listed person' if one else 'listed people'} written as a "
            "user name (an initial and a surname), left as "
            f"{'it may be an everyday word' if one else 'they may be everyday words'}: where "
            "it is the person, write the name out and export again."
        )
    return f"Check these {kind} ({where}): {listed}.{advice}"




def ranked_words(
    words: Counter[str], names: Sequence[str] = (), spoken: frozenset[str] = frozenset()
) -> list[tuple[str, int]]:
    """The words to check with how often each is there, in the order they are named: those
    like a listed name first, then the most frequent."""
    return sorted(words.most_common(),
                  key=lambda wn: not _like_listed(wn[0], names, wn[0] in spoken))


def spoken_of(words: Iterable[str], texts: Sequence[str]) -> frozenset[str]:
    """The `words` that one of `texts` has with a person's speaking verb after it ("Chase
    rang me"): a to-do verb so is like a listed name (`nickname_like`'s `person`)."""
    from peerjournal.namewords import speaks

    return frozenset(
        word for word in words for text in texts
        for m in re.finditer(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", text)
        if speaks(text[m.end():])
    )


def _like_listed(word: str, names: Sequence[str], person: bool = False) -> bool:
    """Whether `word` looks like a short form of a listed name (`nickname_like`; `person`:
    a person's verb follows it), or is a capital standing alone that is the initial of one
    ("S" for Sam Jones: an initial is not replaced, being too often someone else's)."""
    return nickname_like(word, names, person) or (
        len(word) == 1 and word.isupper()
        and any(part[:1].upper() == word for name in names for part in name.split())
    )


def _words_to_check(
    shown: str, journal_texts: Sequence[str], people: Sequence[Person], labels: Sequence[str],
    signature: str, vocabulary: Iterable[str],
) -> tuple[list[re.Match[str]], Counter[str]]:
    """Where in `shown` (sanitised) the words of `words_to_check` are, and how often each is
    in the writer's own texts (`journal_texts`: the summary's headings and tables are not
    theirs). The signature's words are no candidates by being in it; the same word elsewhere
    in the journal's texts is (a client may share the writer's name), and is then
    highlighted wherever it is."""
    from peerjournal.reviewing import sanitise
    from peerjournal.summary import label_words_in_doubt

    names = [p.name for p in people]
    aliases = [sanitise(p.alias.strip()) for p in people if p.alias and p.alias.strip()]
    # the keys (`name_key`) of an alias's words: none to check where redaction put them in,
    # nor anywhere else but a capital alone that is not all of it (the "S" of "Client S": a
    # bare "S." is the writer's, maybe an initial); one like a listed name is checked anywhere
    # (an alias of the person's own initials, "SL" of Siân Llywelyn, is chosen: not checked)
    alias_words = {
        name_key(word): word
        for p in people if p.alias and p.alias.strip()
        for a in [sanitise(p.alias.strip())]
        for x, y in capitalised_words(a)
        if not nickname_like(word := a[x:y], names) or (
            own_initials(word, p.name)
            and not nickname_like(word, [n for n in names if n != p.name])
        )
    }
    not_names = {
        key for key, word in alias_words.items()
        if len(word) > 1 or any(a.strip(".") == word for a in aliases)
    }
    written = [sanitise(t) for t in journal_texts]
    # the journal's texts but the signature (`journal_texts` holds it once): its words are
    # the writer's
    texts = list((Counter(written) - Counter([sanitise(signature)])).elements())
    tags = [sanitise(t) for t in labels]
    # a word opening a sentence that is written in lower case elsewhere is that word, no
    # name; but not when that is a label, all lower case: the tag "priya" of "Priya and Zoë"
    lower = lower_case_words(Counter(texts) - Counter(tags))  # (each text once)
    prose = {  # (each text read once: a setting or tag is there for every entry with it)
        word for t in dict.fromkeys(texts)
        for a, b in [*unlisted_capitalised(t, names, lower, vocabulary), *misspelt_names(t, names),
                     *user_names_left(t, names)]
        if name_key(word := possessor(t[a:b])) not in not_names
    }
    # a label's words are compared with those of the prose left to check, so the "s" of
    # "S.'s flat" is not taken for the alias "S." it follows
    candidates = prose | {
        word for t in tags
        for a, b in [*nickname_spans(t, names, prose), *label_words_in_doubt(t, names)]
        if name_key(word := t[a:b]) not in not_names
    }
    if not candidates:
        return [], Counter()
    pattern = re.compile(
        r"(?<![^\W\d_])(?:"
        + "|".join(re.escape(w) for w in sorted(candidates, key=len, reverse=True))
        + r")(?![^\W\d_])"
    )

    def found(text: str) -> list[re.Match[str]]:
        """The candidates in `text`, but an alias's words where redaction put it in."""
        put_in = [m.span() for a in aliases for m in re.finditer(re.escape(a), text)]
        return [
            m for m in pattern.finditer(text)
            if (name_key(m.group()) not in alias_words
                or not any(a <= m.start() and m.end() <= b for a, b in put_in))
            and not part_as_word(text, *m.span(), names)  # "I will call": no Will
        ]

    # what is shown (a CSV has none of the writer's texts), counted in the writer's texts
    # alone: where the summary's own words have it too (a dimension's label "Connection", a
    # heading) it is highlighted, not counted; an alias like a listed name ("Sammy") is
    # counted where redaction put it in, as it is shown
    matches = found(shown)
    keys = {name_key(m.group()) for m in matches}
    words = _counted(
        [m for t in written for m in found(t) if name_key(m.group()) in keys], names
    )
    keys &= {name_key(word) for word in words}
    return [m for m in matches if name_key(m.group()) in keys], words


# ------------------------------------------------------------------------------ review


def people_table(people: Sequence[PersonRow]) -> RenderableType:
    """The people list: each name and what exports show instead of it; on a terminal too
    narrow for the table with every header and cell on one line, a line each (a squeezed
    table split its header, "Shown in" / "exports as", and cut names to "Mensah-Abab…")."""
    headers = ("Name", "Shown in exports as", "Added")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)  # light, as `list` and `tags` are
    for column in headers:
        table.add_column(column)
    lines = Text()
    widths = [len(header) for header in headers]
    for p in people:
        name = safe_text(p.name, multiline=False)
        shown_as = safe_text(Person(p.name, p.alias).replacement, multiline=False)
        added = p.created_at.date().isoformat()
        table.add_row(name, shown_as, added)
        lines.append(name)
        lines.append(", shown as ")
        lines.append(shown_as)
        lines.append(f" (added {added})\n")
        widths = [max(w, cell_len(str(cell)))
                  for w, cell in zip(widths, (name, shown_as, added), strict=True)]
    lines.rstrip()
    # each column's widest cell, its padding (a space either side) and the rules between;
    # a person's line that wraps goes on two columns in, not at the margin where a new
    # person starts ("2026-12-07)" alone read as one)
    return _TableOrLines(sum(widths) + 3 * 2 + 2, table, _Lines(lines, hang=2))


def review(
    console: Console, source: str, s: dict[str, Any], since: RenderableType | None = None,
    shown: int | None = None, *, explain: bool = True, said_once: Collection[str] = (),
) -> None:
    """One summary (`s` must be validated and sanitised): all of it, but of its shared entries
    and intentions only the latest `shown` (all with None), and a line on the rest; `since`, a
    section on how the writer moved since their previous summary, goes after "At a glance".
    Without `explain`, what the dimensions look for and what the numbers mean
    (`explanations`) are left to the end of a review of several, and a line says so; the
    facts labelled in `said_once` (`common.facts_alike`) are said above them all instead."""
    from peerjournal.exporters import common
    from peerjournal.reviewing import latest, left_out

    ascii_only = not unicode_ok(console.encoding)
    header = Text()
    header.append(common.title(s), "bold")
    header.append(f"\nFile: {source}")
    for label, value in common.facts(s):
        if label not in said_once:
            header.append(f"\n{label}: {value}")
    if not s["redacted"]:
        header.append(f"\n{common.UNREDACTED}", "bold")
    console.print(Panel(header, expand=True) if styled(console) else Group(header, Text("")))
    bars = console.width >= BARS_WIDTH
    parts: list[RenderableType] = []
    glance = common.glance(s)
    if glance:
        parts.append(section(common.GLANCE_TITLE, Text("\n".join(f"• {x}" for x in glance))))
    if since is not None:
        parts.append(since)
    if s["note"]:
        parts.append(section("Note from the writer", Text(s["note"])))
    if s["alerts"]:
        alerts = Text(common.alerts_note(s) + "\n", style="dim")
        alerts.append("\n".join(f"• {a['message']}" for a in s["alerts"]))
        parts.append(section("Alerts", alerts))
    if common.has_entries(s):  # else "At a glance" says there are none
        if s["periods"]:
            inside = console.width - (4 if styled(console) else 0)  # a panel's border
            trend = _trend(s, ascii_only, bars, plain=not styled(console), width=inside)
            parts.append(section(f"Trend by {s['period']['by']}", trend))
        if s["dimensions"]:
            table = _dimensions(s, ascii_only, bars)
            # what the arrows compare (the halves), and any rise and fall back they hide, as
            # the exported files say it beneath the same table
            arrows = Text(common.direction_note(s) + common.spike_note(s), style="dim")
            shown_dims = _with_glosses(s, table) if explain else table
            parts.append(section("Dimensions", Group(shown_dims, arrows)))
        parts += _markers(s)
    intentions, hidden = latest(s["intentions"], shown)
    if intentions:
        lines = Text()
        if hidden:
            lines.append(f"{left_out(hidden, len(intentions))}\n", "dim")
        lines.append("\n".join(f"• {i['date']}: {i['text']}" for i in intentions))
        parts.append(section(common.INTENTIONS_TITLE, lines))
    if s["selfcheck"]:
        check = Group(Text(common.CHECK_NOTE, style="dim"), _selfcheck(s))
        parts.append(section(common.check_title(s), check))
    entries, hidden = latest(s["shared_entries"], shown)
    if hidden:
        note = Text(left_out(hidden, len(entries), "shared entries"), style="dim")
        parts.append(section("Shared entries", note))
    for entry in entries:
        parts.append(section(f"Shared entry: {common.entry_heading(entry)}", _entry(entry)))
    parts.append(Text(common.DATA_NOTE if explain else EXPLAINED_AT_END, style="dim"))
    console.print(Group(*parts))


EXPLAINED_AT_END = ("What the dimensions look for, and what the numbers mean: at the end of "
                    "this review, once for every summary.")


def explanations(s: dict[str, Any]) -> RenderableType:
    """What a review of several summaries says once, at its end (`review(explain=False)`):
    what the dimensions of `s` (alike in each) look for, and what the numbers mean."""
    from peerjournal.exporters import common

    glosses = common.glosses_text(s)
    parts: list[RenderableType] = [Text(common.DATA_NOTE, style="dim")]
    if glosses:
        parts.insert(0, Text(f"{common.GLOSS_TITLE}:\n" + "\n".join(glosses) + "\n",
                             style="dim"))
    return Group(*parts)


class _Section:
    """A titled panel where styles show (else a `layout.Section`); the title (which may hold
    a setting or tag) is shown literally. A title longer than the top border (a shared entry's
    tags, any title at COLUMNS=20) is cut there with "…" and opens the panel whole, wrapped:
    the border alone would cut it short without a mark."""

    def __init__(self, title: str, body: RenderableType) -> None:
        from peerjournal.reviewing import sanitise

        self.title = Text(sanitise(title, multiline=False))
        self.body = body

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not styled(console):  # a heading and the body, no border: see `layout.Section`
            yield Section(self.title, self.body)
            return
        room = options.max_width - 6  # "╭─ " before the title and " ─╮" after it
        if self.title.cell_len <= room:
            yield Panel(self.body, title=self.title, title_align="left", expand=True)
            return
        # cut after a word ("· inpati…" was read as a syllable), the full title inside
        cut = Text(at_a_word(self.title.plain, max(room, 1)).replace(" ·…", "…"))
        heading = self.title.copy()
        heading.stylize("bold")
        yield Panel(Group(heading, Text(""), self.body), title=cut, title_align="left",
                    expand=True)


def section(title: str, body: RenderableType) -> _Section:
    return _Section(title, _Lines(body) if isinstance(body, Text) else body)


# what a review of several says once, above them, of the facts each says alike
ALIKE_TITLE = "In every summary below"


def alike_section(alike: list[tuple[str, str]]) -> _Section:
    """The facts (label, value) every summary of a review says alike, said once."""
    return section(ALIKE_TITLE, Text("\n".join(f"{label}: {value}" for label, value in alike)))


# What a wrapped line hangs under: its indent and a list's bullet or a quote's mark
# ("• ", "- ", "  - ", "> ", "1. "), so the lines of an item stay under its text.
_HANG = re.compile(r"[ \t]*(?:[•*-] |\d{1,3}[.)] |> ?)?")
HANG_MIN = 20  # columns a hanging line keeps at least; narrower, lines wrap from the edge


def _hang(line: str, width: int) -> int:
    """How far the wrapped lines of `line` are indented (see `_HANG`)."""
    indent = _HANG.match(line)
    n = indent.end() if indent else 0
    return n if n < len(line) and width - n >= HANG_MIN else 0


class _Lines:
    """A Text drawn as `Text.__rich_console__` draws it, but one line at a time, and each
    line's wrapped part under its text rather than under its bullet (see `_HANG`).

    Rich joins a Text's wrapped lines into one string and a panel then splits it at each
    newline, copying what is left every time: a shared entry of 2,000,000 characters took
    over a minute to review. Line by line, each split copies one line."""

    def __init__(self, text: Text, hang: int | None = None) -> None:
        self.text = text
        self.hang = hang  # every line's wrapped part this far in, not as `_HANG` finds it

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        text = self.text
        tab_size = console.tab_size if text.tab_size is None else text.tab_size
        width = options.max_width

        justify = text.justify or options.justify or "default"
        overflow = text.overflow or options.overflow or "fold"
        no_wrap = bool(text.no_wrap if text.no_wrap is not None else options.no_wrap)

        def wrap(line: Text, room: int) -> list[Text]:
            plain = line.plain
            if (justify, overflow, no_wrap) == ("default", "fold", False) and room > 0 \
                    and plain.isascii() and plain.isprintable():
                return _plain_wrap(line, room)
            return list(line.wrap(
                console,
                room,
                justify=justify, overflow=overflow, tab_size=tab_size or 8, no_wrap=no_wrap,
            ))

        lines: list[Text] = []
        for line in text.split("\n", allow_blank=True):
            hang = _hang(line.plain, width) if self.hang is None else self._fixed(line, width)
            if not hang:
                lines += wrap(line, width)
                continue
            head, body = line.divide([hang])
            for n, part in enumerate(wrap(body, width - hang)):
                lines.append(Text.assemble(head if n == 0 else " " * hang, part))
        for n, line in enumerate(lines, 1):
            yield from line.render(console, end=text.end if n == len(lines) else "\n")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)

    def _fixed(self, line: Text, width: int) -> int:
        """`self.hang` where `line` is longer than it and the rest keeps HANG_MIN columns."""
        hang = self.hang or 0
        return hang if len(line.plain) > hang and width - hang >= HANG_MIN else 0


_LETTER = re.compile("[^ ]")


def _letters(plain: str, at: int) -> int:
    """Where the first character of `plain` from `at` on that is not a space is, else its end."""
    found = _LETTER.search(plain, at)
    return found.start() if found else len(plain)


def _plain_wrap(line: Text, width: int) -> list[Text]:
    """`line` wrapped as `Text.wrap` wraps it (default justify, fold), where every character
    of it is one cell wide and the only blank is a space (printable ASCII): most of a review's
    lines, wrapped many times faster than Rich's word by word."""
    if len(line) <= width:
        return [line]
    lines = line.divide(_breaks(line.plain, width))
    for part in lines:
        part.rstrip_end(width)
    return list(lines)


def _breaks(plain: str, width: int) -> list[int]:
    """Where `rich._wrap.divide_line(plain, width, fold=True)` breaks `plain` (printable
    ASCII), found a line at a time rather than a word at a time.

    A line starting at `start` holds every word whose last letter is within `width` of it;
    the first that is not opens the next line, or is cut every `width` characters (trailing
    spaces included, as Rich cuts it) when it is longer than a line. The first word takes in
    the spaces before it."""
    size = len(plain)
    first = _letters(plain, 0)  # where the first word's letters start
    breaks: list[int] = []
    start = 0
    while start + width < size:
        limit = start + width
        if plain[limit] == " ":  # the words ending by `limit` fit: the next one does not
            letters = _letters(plain, limit)
            if letters == size:
                break
        else:  # the word running over `limit` does not fit
            letters = plain.rfind(" ", start, limit) + 1
        end = plain.find(" ", letters)
        end = size if end < 0 else end
        word = 0 if letters == first else letters
        if end - word <= width:
            breaks.append(word)
            start = word
            continue
        ends = _letters(plain, end)
        cuts = range(word, ends, width)
        breaks += [cut for cut in cuts if cut]
        start = cuts[-1]
    return breaks


class _TableOrLines:
    """`table` where its columns fit their widest words (`width`), else `lines`: a narrow
    table cuts its labels and dates to "20…" and "Self-wor…"."""

    def __init__(self, width: int, table: Table, lines: RenderableType) -> None:
        self.width, self.table, self.lines = width, table, lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.table if options.max_width >= self.width else self.lines


def _table_width(table: Table, first_column: int) -> int:
    """The width of a narrow `_numbers_table` whose first column is `first_column` wide and
    whose other columns are never wrapped: each is as wide as its header or widest cell."""
    others = [
        max([len(str(column.header)), *(len(str(cell)) for cell in column.cells)])
        for column in table.columns[1:]
    ]
    return first_column + sum(others) + len(others)  # one space before each


BAR = ""  # the justification of a bar column: left, and never wrapped


def _numbers_table(columns: Sequence[tuple[str, str]], narrow: bool = False) -> Table:
    """Labels wrap; numbers (right-justified) and bars never do, so neither is ever cut.
    `narrow`: one space between columns instead of two."""
    table = Table(show_edge=False, box=None, pad_edge=False,
                  padding=(0, 0, 0, 1) if narrow else (0, 1))
    for column, justify in columns:
        table.add_column(column, justify=justify or "left",  # type: ignore[arg-type]
                         no_wrap=justify in ("right", BAR))
    return table


def _bar_header(half_width: int, ascii_only: bool) -> str:
    """'drift │ identity' with its axis over the bars' axis."""
    return "drift".rjust(half_width) + ("|" if ascii_only else "│") + "identity"


def _bar_half(room: int, ascii_only: bool) -> int:
    """The widest half of a bar (12 cells at most) whose column, its header too, fits in
    `room`; 0 where none of at least 4 does."""
    for half in range(min(12, (room - 1) // 2), 3, -1):
        if len(_bar_header(half, ascii_only)) <= room:
            return half
    return 0


def _trend(
    s: dict[str, Any], ascii_only: bool, bars: bool = True, *, plain: bool = False,
    width: int = BARS_WIDTH,
) -> RenderableType:
    """The trend table, as the exports show it: a year of rows at most (`table_periods`),
    with each period's balance as a number, as `report` and the Markdown export give it
    ("too little" where it is).

    With bars, each row's bar already draws the trend, so there is no sparkline under them
    (it repeated the bars); without (a narrow terminal), a framed sparkline draws it, but not
    in `plain` text (piped, TERM=dumb), which has the numbers instead, as README says."""
    from peerjournal.exporters import common

    periods, shown_note = common.table_periods(s)
    balances = [common.balance(p["balance"], p) for p in periods]
    # the bars have what the other columns leave (two spaces between each, six columns)
    others = [max(len(common.period_label(p)) for p in periods),
              max(map(len, ["Entries", *map(common.period_entries, periods)])),
              len("Identity"), len("Drift"), max(map(len, ["Balance", *balances]))]
    half = _bar_half(width - sum(others) - 2 * len(others), ascii_only) if bars else 0
    bars = half > 0
    table = _numbers_table([
        ("Period", "left"), ("Entries", "right"), ("Identity", "right"), ("Drift", "right"),
        *([(_bar_header(half, ascii_only), BAR)] if bars else []), ("Balance", "right"),
    ], narrow=not bars)
    # a "too little" row draws an empty bar, as `peerjournal report` does; its balance says so
    drawn = [(0.0, 0.0) if p.get("too_little") else (p["drift"] or 0.0, p["identity"] or 0.0)
             for p in periods]
    scale = max([1.0, *(v for pair in drawn for v in pair)])
    lines: list[RenderableType] = []
    for p, (drift, identity), balance in zip(periods, drawn, balances, strict=True):
        label = common.period_label(p)
        bar = diverging_bar(drift, identity, scale=scale, half_width=half,
                            ascii_only=ascii_only) if bars else ""
        table.add_row(Text(label if bars else label.replace(" – ", " –\n")),
                      common.period_entries(p),
                      common.number(p["identity"]), common.number(p["drift"]),
                      *([str(bar)] if bars else []), balance)
        numbers = (
            f"{counted(p['entries'], 'entry')}, identity {common.number(p['identity'])}, "
            f"drift {common.number(p['drift'])}, balance {balance}" if p["entries"]
            else common.period_entries(p, short=False) if p.get("before_journal")
            else "no entries"
        )
        lines += [Text(label, style="bold"), Padding(Text(numbers), (0, 0, 0, 2))]
    table.caption_justify = "left"
    if bars:
        if shown_note:
            table.caption = Text(shown_note)
        return table
    if plain:  # the numbers are all there: no marks for a screen reader to spell out
        table.caption = Text(shown_note) if shown_note else None
        lines.append(Text("(per 100 words)" + (f"\n{shown_note}" if shown_note else "")))
    else:
        identity, drift, high = common.sparklines(periods, ascii_only)
        note = "".join(f"\n{n}" for n in (common.spark_note(s, high), shown_note) if n)
        table.caption = Text(f"identity {identity}\ndrift    {drift}{note}")
        lines.append(Text(f"(per 100 words)\nidentity {identity}\ndrift    {drift}{note}"))
    period_width = max(len(line) for p in periods for line in common.period_label(p).split(" – "))
    return _TableOrLines(_table_width(table, period_width + 2), table, Group(*lines))


def _dimensions(s: dict[str, Any], ascii_only: bool, bars: bool = True) -> RenderableType:
    """Identity, then drift, each with the word the exports give it ("3.9 → steady"), so a
    mentor moving between the file and `review` reads the same columns; then, where there
    is room, the bars."""
    from peerjournal.exporters import common

    dims = s["dimensions"]

    cells = [(common.dimension_cell(s, d, "identity"), common.dimension_cell(s, d, "drift"))
             for d in dims]
    if not bars:
        table = _numbers_table([("Dimension", "left"), ("Identity", BAR), ("Drift", BAR)],
                               narrow=True)
        lines = Text()
        for d, (identity, drift) in zip(dims, cells, strict=True):
            table.add_row(Text(d["label"]), identity, drift)
            lines.append(f"{d['label']}: ", "bold")
            lines.append(f"identity {identity}, drift {drift}\n")
        lines.append("(per 100 words)")
        longest_word = max([len("Dimension"), *(len(w) for d in dims for w in d["label"].split())])
        return _TableOrLines(_table_width(table, longest_word), table, lines)
    table = _numbers_table([("Dimension", "left"), ("Identity", BAR), ("Drift", BAR),
                            (_bar_header(10, ascii_only), BAR)])
    scale = max([1.0, *(d[k] or 0.0 for d in dims for k in ("identity", "drift"))])
    for d, (identity, drift) in zip(dims, cells, strict=True):
        bar = diverging_bar(d["drift"] or 0.0, d["identity"] or 0.0, scale=scale, half_width=10,
                            ascii_only=ascii_only)
        table.add_row(Text(d["label"]), identity, drift, str(bar))
    return table


def _with_glosses(s: dict[str, Any], dimensions: RenderableType) -> RenderableType:
    """The dimensions, then what each looks for (`common.dimension_glosses`)."""
    from peerjournal.exporters import common

    glosses = common.glosses_text(s)
    if not glosses:
        return dimensions
    return Group(dimensions, Text(f"{common.GLOSS_TITLE}:\n" + "\n".join(glosses), style="dim"))


def _markers(s: dict[str, Any]) -> list[RenderableType]:
    from peerjournal.exporters import common

    out: list[RenderableType] = []
    for polarity, heading in common.POLARITY_TITLES.items():
        markers = s["markers"][polarity]
        if not markers:
            continue
        text = Text()
        for n, m in enumerate(markers):
            text.append(("\n" if n else "") + f"• {common.marker_line(m, s)}")
            for ex in m["excerpts"]:
                text.append(f"\n    “{ex['text']}” ({ex['date']})", "italic")
                if note := common.quote_note(ex):
                    text.append(f" {note}")
        out.append(section(heading, text))
    return out


CHECK_NOTE_MIN = 16


class SelfCheckView:
    """The self-check's items under their sections' names: a table of statement, score and
    note where the statements and notes have room side by side, else (a narrow terminal)
    each score before its statement, with its note beneath."""

    def __init__(self, items: Sequence[dict[str, Any]]) -> None:
        self.items = items

    def table_width(self) -> int:
        """The narrowest width at which the table's statements and notes are still readable."""
        notes = any(item["note"] for item in self.items)
        note_width = CHECK_NOTE_MIN if notes else len("Note")
        return STATEMENT_MIN + len("Score") + note_width + 2 * 2  # two 2-space gaps

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.table() if options.max_width >= self.table_width() else self.stacked()

    def _sections(self) -> list[tuple[str, list[dict[str, Any]]]]:
        """The items in runs that share a section, in their order."""
        from peerjournal.exporters import common

        return [(common.check_section(section), list(run))
                for section, run in groupby(self.items, itemgetter("section"))]

    def table(self) -> Table:
        """A section's name has a row of its own, so the items have the width. Statements and
        notes share the width 3:2, so neither is squeezed below its minimum at `table_width`."""
        from peerjournal.exporters import common

        notes = any(item["note"] for item in self.items)
        table = Table(show_edge=False, box=None, pad_edge=False, expand=True)
        table.add_column("Item", ratio=STATEMENT_MIN)
        table.add_column("Score", no_wrap=True)
        table.add_column("Note", ratio=CHECK_NOTE_MIN if notes else None)
        for section, items in self._sections():
            if section:
                table.add_row(Text(section, style="bold"), "", "")
            for item in items:
                table.add_row(Text(item["text"] or item["id"]),
                              common.table_score(item["score"]), Text(item["note"]))
        return table

    def stacked(self) -> Group:
        from peerjournal.exporters import common

        parts: list[RenderableType] = []
        for section, items in self._sections():
            if section:
                parts.append(Text(section, style="bold"))
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True)
            grid.add_column(ratio=1)
            for item in items:
                text = Text(item["text"] or item["id"], overflow="fold")  # a long word whole
                if item["note"]:
                    text.append(f"\nnote: {item['note']}", style="italic")
                grid.add_row(common.check_score(item["score"]), text)
            parts.append(grid)
        return Group(*parts)


def _selfcheck(s: dict[str, Any]) -> SelfCheckView:
    return SelfCheckView(s["selfcheck"]["items"])


def _entry(entry: dict[str, Any]) -> Text:
    from peerjournal.exporters import common

    text = Text()
    for key, label in common.ELEMENT_TITLES:
        if entry[key]:
            if text:
                text.append("\n\n")
            text.append(label, "bold")
            text.append("\n" + entry[key])
    return text
