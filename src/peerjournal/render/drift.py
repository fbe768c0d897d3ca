"""Drift on the terminal: the one-line summary after `write`, and the full explanation."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from peerjournal.drift import (
    DIMENSIONS,
    DriftScore,
    Hit,
    Lexicon,
    drift_name,
    is_learned_marker,
    mostly,
    self_doubt_only,
)
from peerjournal.drift.score import BALANCE_CENTER, learned_share, named_drift, outweighing
from peerjournal.plural import counted
from peerjournal.render.console import Trimmed, styled
from peerjournal.render.layout import Section, bullets
from peerjournal.render.safe import clean, clean_mapped, safe_text
from peerjournal.render.verdicts import VERDICT_STYLES

if TYPE_CHECKING:
    from peerjournal.entry import Entry

VERDICT_SENTENCES = {
    "identity": "Your language in this entry leans toward your peer identity.",
    "drift": "Your language in this entry leans toward a clinical role: peer drift.",
    "mixed": "This entry holds both: peer identity and signs of drift.",
    "insufficient": "Not enough signal in this entry to say either way, and that is fine.",
}
# why counted phrases gave no verdict (a high number beside "not enough signal" read as a
# contradiction to round 47's QA: 54.2 from two learned words in a 6-word text)
TOO_LITTLE_SENTENCE = (
    "A word or two, or a short text, is too little to lean either way, however high its "
    "number per 100 words."
)
# drift whose largest part is the writer's doubt about themselves ("I felt like a fraud"):
# drift from the peer role, but not toward a clinical one, and a writer back from sick leave
# should not read that it was; "largest" among the dimensions that really drifted, as the
# questions asked (score.asked_dimensions): not a learned word or two ("Felt a"). Where other
# dimensions drifted as much, whichever sorts first, neither "mostly" nor "not a clinical
# role" is true: the sentence names them all, as the table does ("Clinical language  drift
# 12.0"), in the words of the report's rising drift (drift.mostly)
DRIFT_NAMED_SENTENCE = "Your language in this entry leans toward drift: {named}"
SELF_DOUBT_SENTENCE = DRIFT_NAMED_SENTENCE.format(
    named=f"{mostly([drift_name('self_worth', '')])}, not a clinical role."
)
# drift toward a clinical role beside more of another (score.outweighing: self-doubt beside
# a clinical label): the verdict, what makes it clinical, and what outweighs it (round 40)
OUTWEIGHED_SENTENCE = (
    "Your language in this entry leans toward a clinical role ({role}), though its drift is"
    " {largest}."
)
# "mostly" says more than this share of the drift (`largest_part`)
MOSTLY_SHARE = 0.5
HIT_STYLES = {
    "identity": "bold green",
    "drift": "bold red underline",  # underlined: identity and drift differ without colour
    "attributed": "italic magenta",
    "dropped": "dim strike",
    # dim as well: with NO_COLOR, italic alone was the others' framing's mark too
    "hypothetical": "dim italic yellow",
}


class Glyphs(NamedTuple):
    """The characters of the view that are not ASCII, and what stands in for them on a
    console that cannot show them (where they came out as "\\u201c")."""

    open_quote: str
    close_quote: str
    times: str
    ellipsis: str
    bullet: str


UNICODE = Glyphs("“", "”", "×", "…", "•")
ASCII = Glyphs('"', '"', "x", "...", "*")


def _signed(value: float, places: int) -> str:
    """`value` with its sign: "-0.33", "+0.20". A hyphen-minus, as the report's balances have
    it: a braille table may have no "−" (U+2212), and a screen reader may not say it."""
    return f"{value:+.{places}f}"


def _hit_style(hit: Hit) -> str:
    if hit.attributed:
        return HIT_STYLES["attributed"]
    if not hit.counted:
        return HIT_STYLES["hypothetical" if hit.hypothetical else "dropped"]
    return HIT_STYLES[hit.polarity]


def highlighted(text: str, hits: Sequence[Hit], parts: Sequence[tuple[str, str]] = ()) -> Text:
    """The text, cleaned for the terminal, with each hit's span (into `text`) styled.

    `parts`: (label, text) for each paragraph of `text` (an entry's: `entry_parts`), each
    then under its label as `show` has it, so that "Ashamed, if I'm honest." is heard as the
    Feelings; ignored unless they make up `text` exactly."""
    shown, where = clean_mapped(text)
    body = Text(shown)
    for hit in hits:
        if 0 <= hit.start <= hit.end <= len(text):
            body.stylize(_hit_style(hit), where[hit.start], where[hit.end])
    if not parts or PARAGRAPH.join(part for _, part in parts) != text:
        return body
    out = Text()
    start = 0
    for n, (label, part) in enumerate(parts):
        end = start + len(part)
        out.append(f"{PARAGRAPH if n else ''}{clean(label, multiline=False)}\n", style="bold")
        out.append_text(body[where[start]:where[end]])
        start = end + len(PARAGRAPH)
    return out


PARAGRAPH = "\n\n"  # between the parts of an entry's scored text (`entry.scored_text`)


def entry_parts(entry: Entry) -> list[tuple[str, str]]:
    """(label, text) for each paragraph of the text `drift` scores for `entry`, in its order
    (`entry.scored_text`): the elements by name, then each answer under its question."""
    from peerjournal.reflection import answer_layout, question_label

    layout = answer_layout(entry.prompt_set)
    parts = [(name.capitalize(), getattr(entry, name))
             for name in ("experience", "feelings", "evaluation")]
    parts += [(layout[qid][1] if qid in layout else question_label(qid), answer)
              for qid, answer in entry.answers.items()]
    return [(label, text) for label, text in parts if text]


class Legend:
    """The key to the marked text, where styles are shown at all: piped, or with TERM=dumb,
    the text carries no marks for a key to explain (the table lists the phrases)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if styled(console):
            yield Trimmed(legend(colour=not console.no_color))


# each mark's style in words, so that the key says something read aloud too (a screen
# reader does not say "bold"); colours only where they show (not with NO_COLOR)
_STYLE_WORDS = {"bold": "bold", "underline": "underlined", "italic": "italic", "dim": "dim",
                "strike": "struck through"}
_COLOURS = {"green", "red", "magenta", "yellow"}


def legend(colour: bool = True) -> Text:
    line = Text("Key to the marks in the text: ")
    for n, (label, key) in enumerate((
        ("peer identity", "identity"),
        ("drift", "drift"),
        ("others' framing, not counted", "attributed"),
        ("negated, not counted", "dropped"),
        ("hypothetical, past or an instruction, not counted", "hypothetical"),
    )):
        style = HIT_STYLES[key]
        words = [_STYLE_WORDS.get(word, word) for word in style.split()
                 if word in _STYLE_WORDS or (colour and word in _COLOURS)]
        line.append("; " if n else "")
        line.append(label, style=style)
        line.append(f" ({', '.join(words)})")
    line.append(".")
    return line


_SIDE = {"identity": "peer identity", "drift": "drift"}


def _flags(hit: Hit, share: float | None = None) -> str:
    """The notes beside a phrase; `share`: what a counted learned phrase counts for, of its
    weight (`learned_share`), named where it is less than all of it."""
    learned = is_learned_marker(hit.marker)
    flags = [
        name
        for name, on in (
            ("learned", learned and not _partial(hit, share)),
            (f"learned, counts {_percent(share or 0.0)}", learned and _partial(hit, share)),
            ("negated", hit.negated and not hit.counted),
            # a flipped marker ("didn't share my story") counts, for the other side: unlike
            # the key's "negated (not counted)"
            (f"negated, counts as {_SIDE[hit.polarity]}", hit.negated and hit.counted),
            ("others' framing", hit.attributed),
            ("hypothetical, past or an instruction", hit.hypothetical and not hit.counted),
            # an entry that only says what the writer will do counts its intentions
            ("what you plan to do", hit.hypothetical and hit.counted),
            # on the drift noticed (the matcher flags no other), not on someone else's words
            ("you noticed it", hit.self_noticed and hit.polarity == "drift" and not hit.attributed),
            # the side it was on: outweighed by the other side's
            (f"{_SIDE[hit.polarity]}, outweighed",
             learned and not hit.counted and not _explained(hit)),
        )
        if on
    ]
    return f" ({', '.join(flags)})" if flags else ""


def _partial(hit: Hit, share: float | None) -> bool:
    """Does the counted learned `hit` count for less than its weight (netted: `share`)?"""
    return hit.counted and share is not None and share < 1.0 - 1e-9


def _percent(share: float) -> str:
    """`share` as a whole percent, never rounded up to 100% nor down to 0%: it is neither."""
    return f"{min(99, max(1, int(share * 100 + 1e-9)))}%"


def _explained(hit: Hit) -> bool:
    return hit.negated or hit.attributed or hit.hypothetical


def _shown(score: DriftScore) -> list[Hit]:
    """The hits to show: a learned phrase outweighed by the other side's is left out (the
    table's "learned" rows still list it), so the entry is not a wall of highlights."""
    return [
        h for h in score.hits if h.counted or _explained(h) or not is_learned_marker(h.marker)
    ]


def _listed(score: DriftScore) -> list[Hit]:
    """The hits the table lists: not an uncounted learned phrase that overlaps a curated one,
    which already says what that passage is ("shared my" inside "shared my own story" is not
    advice; "meds" inside the others' framing "check she'd taken her meds" is the same words)."""
    overlaps = _overlap_test([h for h in score.hits if not is_learned_marker(h.marker)])
    return [
        h
        for h in score.hits
        if h.counted or not is_learned_marker(h.marker) or not overlaps(h.start, h.end)
    ]


def _overlap_test(spans: Sequence[Hit]) -> Callable[[int, int], bool]:
    """A test of whether [start, end) overlaps any of `spans`, in log time: a long text has
    thousands of hits, and testing each against every curated one took minutes."""
    merged: list[list[int]] = []  # sorted, overlapping spans joined: starts and ends ascend
    for span in sorted(spans, key=lambda h: h.start):
        if merged and span.start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span.end)
        else:
            merged.append([span.start, span.end])
    starts = [start for start, _ in merged]

    def overlaps(start: int, end: int) -> bool:
        last = bisect_left(starts, end) - 1  # the last span starting before `end`
        return last >= 0 and start < merged[last][1]

    return overlaps


def _folded(score: DriftScore, share: float | None = None) -> list[tuple[Hit, str]]:
    """The listed hits (`_listed`) with their flags; a curated hit that a learned hit of its
    side and dimension overlaps is marked "also learned": the passage counts once, through the
    curated hit ("told him he" inside "told him he needs"; score.py)."""
    learned = [h for h in score.hits if is_learned_marker(h.marker)]
    overlapped = {
        key: _overlap_test([h for h in learned if (h.polarity, h.dimension) == key])
        for key in {(h.polarity, h.dimension) for h in learned}
    }
    out: list[tuple[Hit, str]] = []
    for hit in _listed(score):
        flags = _flags(hit, share)
        test = overlapped.get((hit.polarity, hit.dimension))
        if test is not None and not is_learned_marker(hit.marker) and test(hit.start, hit.end):
            flags = f" ({flags[2:-1]}, also learned)" if flags else " (also learned)"
        out.append((hit, flags))
    return out


def _repeats(hits: Sequence[tuple[Hit, str]]) -> list[tuple[Hit, str, int]]:
    """Each phrase once, as first written, with its flags and how often it occurs (flagged
    the same way)."""
    first: dict[tuple[str, str, str], tuple[Hit, str]] = {}
    times: Counter[tuple[str, str, str]] = Counter()
    for hit, flags in hits:
        key = (hit.text.casefold(), _hit_style(hit), flags)
        first.setdefault(key, (hit, flags))
        times[key] += 1
    return [(hit, flags, times[key]) for key, (hit, flags) in first.items()]


def _rows(score: DriftScore, lexicon: Lexicon, glyphs: Glyphs) -> list[tuple[Text, str, str, Text]]:
    """(dimension, identity, drift, phrases) for each dimension with a phrase, then All.

    A dimension with phrases on both sides lists them by side, "identity: “…”; drift: “…”":
    in words, not by colour or bold beside underlined alone, lost on a screen reader at a
    colour terminal (round 43: it was named only piped, with TERM=dumb or NO_COLOR)."""
    rows: list[tuple[Text, str, str, Text]] = []
    listed = _folded(score, learned_share(score, lexicon))
    for dim in DIMENSIONS:
        hits = [(h, flags) for h, flags in listed if h.dimension == dim]
        if not hits:
            continue
        values = score.dimensions.get(dim, {"identity": 0.0, "drift": 0.0})
        rows.append(
            (
                safe_text(lexicon.label(dim), multiline=False),
                f"{values['identity']:.1f}",
                f"{values['drift']:.1f}",
                _phrases(_repeats(hits), glyphs),
            )
        )
    rows.append(
        (
            Text(ALL_LABEL, style="bold"),
            f"{score.identity:.1f}",
            f"{score.drift:.1f}",
            Text(
                f"{sum(h.counted for h, _ in listed):,} counted of "
                f"{counted(len(listed), 'phrase')}, {counted(score.words, 'word')}"
            ),
        )
    )
    return rows


def _phrases(repeats: Sequence[tuple[Hit, str, int]], glyphs: Glyphs) -> Text:
    """A dimension's phrases, "; " between them; by side, each side named before its
    phrases, where they are of both sides."""
    groups: list[tuple[str, list[tuple[Hit, str, int]]]] = [("", list(repeats))]
    if len({hit.polarity for hit, _, _ in repeats}) > 1:
        groups = [(f"{side}: ", [r for r in repeats if r[0].polarity == side])
                  for side in ("identity", "drift")]
    phrases = Text()
    for label, group in groups:
        for n, (hit, flags, times) in enumerate(group):
            if phrases.plain:
                phrases.append("; ")
            if not n:
                phrases.append(label)
            phrases.append(_quoted(hit.text, glyphs), style=_hit_style(hit))
            phrases.append(flags, style="dim")
            if times > 1:
                phrases.append(f" {glyphs.times}{times:,}")
    return phrases


ALL_LABEL = "All (per 100 words)"
PHRASES_MIN = 16  # narrower than this, the phrases column would cut phrases: stack instead


def _quoted(text: str, glyphs: Glyphs) -> str:
    return f"{glyphs.open_quote}{clean(text, multiline=False)}{glyphs.close_quote}"


def dimension_table(score: DriftScore, lexicon: Lexicon, glyphs: Glyphs = UNICODE) -> Table:
    """The wide layout: one row per dimension, its numbers and its phrases side by side
    (light: a rule of "-" where the output is plain or ASCII, the console's `light_head`)."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column("Dimension", no_wrap=True)
    table.add_column("Identity", justify="right", no_wrap=True)
    table.add_column("Drift", justify="right", no_wrap=True)
    table.add_column("Phrases", ratio=1)
    for row in _rows(score, lexicon, glyphs):
        table.add_row(*row)
    return table


def _packed(label: Text, numbers: Sequence[str], width: int) -> Text:
    """The label and its numbers on one line if they fit, else the numbers beneath it
    (together if they fit, else one a line): a number never parts from its name."""
    line = label.copy()
    line.stylize("bold")
    together = "  ".join(numbers)
    if cell_len(line.plain) + 2 + len(together) <= width:
        line.append("  " + together)
    elif 2 + len(together) <= width:
        line.append("\n  " + together)
    else:
        line.append("".join("\n  " + number for number in numbers))
    line.overflow = "fold"
    return line


def dimension_blocks(
    score: DriftScore,
    lexicon: Lexicon,
    width: int,
    glyphs: Glyphs = UNICODE,
) -> Group:
    """The narrow layout: a block per dimension, its numbers by its name, phrases beneath.

    Nothing is cut: phrases wrap between words, and each number stays beside its name."""
    blocks: list[RenderableType] = []
    for label, identity, drift, phrases in _rows(score, lexicon, glyphs):
        blocks.append(_packed(label, (f"identity {identity}", f"drift {drift}"), width))
        phrases = phrases.copy()
        phrases.overflow = "fold"
        blocks.append(Padding(phrases, (0, 0, 0, 2)))
    return Group(*blocks)


class DimensionView:
    """The dimensions as a table where it fits without cutting phrases, else stacked."""

    def __init__(self, score: DriftScore, lexicon: Lexicon, glyphs: Glyphs = UNICODE) -> None:
        self.score = score
        self.lexicon = lexicon
        self.glyphs = glyphs

    def wide_width(self) -> int:
        rows = _rows(self.score, self.lexicon, self.glyphs)
        label = max(cell_len(r[0].plain) for r in rows)
        identity = max(len("Identity"), *(len(r[1]) for r in rows))
        drift = max(len("Drift"), *(len(r[2]) for r in rows))
        return max(label, len("Dimension")) + identity + drift + PHRASES_MIN + 3 * 4 - 1

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= self.wide_width():
            yield dimension_table(self.score, self.lexicon, self.glyphs)
        else:
            yield dimension_blocks(self.score, self.lexicon, options.max_width, self.glyphs)


# Each note the table can put beside a phrase, in plain words: (what marks it in the flags,
# its key line). Only those the table shows are said (round 47's QA, a recovery coach: "counts
# 37%", "outweighed" and "(hypothetical, past or an instruction)" meant nothing to him).
NOTE_KEYS = (
    (r"(?<!also )learned", "(learned): a word that leaned that way in example entries, not a "
     "practice the word list names."),
    (r"also learned", "also learned: a learned word there too, never counted twice."),
    (r"counts \d", "counts {percent}: the two sides' learned words partly cancel out; what is "
     "left counts {percent}."),
    (r"outweighed", "outweighed: a learned word cancelled out by the other side's: not "
     "counted."),
    (r"hypothetical, past", "hypothetical, past or an instruction: an \"if\", a plan, a past "
     "habit or what someone was told to do: not counted."),
    (r"what you plan to do", "what you plan to do: the entry says only what you mean to do, so "
     "it is scored by those plans."),
    (r"you noticed it", "you noticed it: you caught yourself at it. A slip you noticed still "
     "counts, and noticing it counts for your peer identity too; a pull you only noticed does "
     "not count."),
    (r"negated(?!, counts as)", "negated: said with \"not\" or \"never\": not counted."),
    (r"negated, counts as", "negated, counts as: \"didn't\" turns it to the other side "
     "(\"didn't speak up\" is drift)."),
)
# dimensions whose name alone says little: glossed when `drift ID` lists one, in the mentor
# summary's words (`exporters.common.DIMENSION_GLOSSES`)
GLOSSED = ("mutuality", "focus", "voice", "co_optation", "worldview", "moving_toward")


def table_key(score: DriftScore, lexicon: Lexicon) -> str:
    """The key under the dimensions table: what its numbers are, the less plain dimension
    names it lists, and each note it puts beside a phrase, said once (a paragraph each)."""
    import re  # (loaded already; here to keep the module's imports for the scoring path)

    share = learned_share(score, lexicon)
    listed = _folded(score, share)
    notes = " ".join(flags for _, flags in listed)
    dimensions = {hit.dimension for hit, _ in listed}
    glossed = [d for d in GLOSSED if d in dimensions]
    key = ["Key: the numbers are per 100 words; each phrase has its own weight."]
    if glossed:  # (the mentor summary's module: only here, never on `write`'s path)
        from peerjournal.exporters.common import DIMENSION_GLOSSES

        key.append(" ".join(f"{clean(lexicon.label(d), multiline=False)}: "
                            f"{DIMENSION_GLOSSES[d]}." for d in glossed))
    said = [line.format(percent=_percent(share or 0.0)) for mark, line in NOTE_KEYS
            if re.search(mark, notes)]
    if said:
        key.append(" ".join(said))
    return "\n".join(key)


def verdict_sentence(score: DriftScore, lexicon: Lexicon | None = None) -> str:
    """The verdict in a sentence; drift that is mostly self-doubt, or self-doubt tied with
    other drift, is named so (`lexicon`: the others' labels), and clinical-role drift that more
    self-doubt outweighs names both (`outweighing`), by the rule the reflective
    questions use (`asked_dimensions`) and every short verdict (`drift.drift_named`,
    `verdicts.verdict_words`), so that none disagree."""
    named = named_drift(score)
    if "self_worth" not in named:
        largest = outweighing(score)
        if not largest:
            return VERDICT_SENTENCES[score.verdict]
        return OUTWEIGHED_SENTENCE.format(
            role=" and ".join(_drift_labels(named, lexicon)),
            largest=largest_part(score, largest, lexicon),
        )
    if self_doubt_only(named):
        if drift_share(score, named) > MOSTLY_SHARE:
            return SELF_DOUBT_SENTENCE
        return DRIFT_NAMED_SENTENCE.format(
            named=f"{largest_part(score, named, lexicon)}, not a clinical role."
        )
    return DRIFT_NAMED_SENTENCE.format(named=f"{largest_part(score, named, lexicon, ' drift')}.")


def drift_share(score: DriftScore, dimensions: Sequence[str]) -> float:
    """The share of `score`'s drift (as stored) in `dimensions`: 0.0 without drift."""
    drift = {d: v["drift"] for d, v in score.figures()["dimensions"].items()}
    total = sum(drift.values())
    return sum(drift.get(d, 0.0) for d in dimensions) / total if total > 0 else 0.0


def largest_part(
    score: DriftScore, dimensions: Sequence[str], lexicon: Lexicon | None, noun: str = ""
) -> str:
    """`dimensions`, the largest part of `score`'s drift, in words: "mostly self-doubt" only
    when it is more than half (`MOSTLY_SHARE`), else "self-doubt more than anything else"
    (round 48's QA: "mostly self-doubt" for 1.7 of 3.6); a tie is said as a tie (`mostly`).
    `noun` follows the name ("mostly advice drift")."""
    labels = _drift_labels(dimensions, lexicon)
    if len(labels) > 1 or drift_share(score, dimensions) > MOSTLY_SHARE:
        return f"{mostly(labels)}{noun}"
    return f"{labels[0]}{noun} more than anything else"


def _drift_labels(dimensions: Sequence[str], lexicon: Lexicon | None) -> list[str]:
    """How each of `dimensions` is named in a verdict sentence (`drift_name`; without a
    lexicon, the dimension's own name)."""
    return [
        drift_name(d, lexicon.label(d) if lexicon else d.replace("_", " ")) for d in dimensions
    ]


def explanation(
    title: str | Text,
    text: str,
    score: DriftScore,
    lexicon: Lexicon,
    questions: Sequence[str],
    *,
    ascii_only: bool = False,
    labels: Sequence[tuple[str, str]] = (),
) -> RenderableType:
    """The text with its phrases marked (under the `labels` of its parts: see `highlighted`),
    the dimensions, the verdict and questions to sit with; `ascii_only` for a console that
    cannot show quotes, dashes and bullets."""
    glyphs = ASCII if ascii_only else UNICODE
    parts: list[RenderableType] = [
        Section(title, highlighted(text, _shown(score), labels), box=box.ROUNDED),
        Legend(),
    ]
    if score.hits:
        parts.append(DimensionView(score, lexicon, glyphs))
        parts.append(Text(table_key(score, lexicon), style="dim"))
    verdict = Text(verdict_sentence(score, lexicon), style=VERDICT_STYLES.get(score.verdict, ""))
    if score.verdict == "insufficient" and any(h.counted for h in score.hits):
        verdict.append(f" {TOO_LITTLE_SENTENCE}", style="")
    elif score.verdict != "insufficient":
        verdict.append(
            f"  Balance {_signed(score.balance, 2)} (-1 drift "
            f"{glyphs.ellipsis} +1 identity; even at {_signed(BALANCE_CENTER, 1)}, as "
            "identity words are common in any entry).",
            style="",
        )
    parts.append(verdict)
    framing = score.others_framing()
    if framing:
        parts.append(
            Text(
                "Others' framing, not counted as yours: "
                + ", ".join(_quoted(h.text, glyphs) for h in framing),
                style="magenta",
            )
        )
    if questions:
        parts.append(Text("\nQuestions to sit with:", style="bold"))
        parts.append(bullets(questions, glyphs.bullet, indent=2))
    parts.append(
        Text(
            "Drift is a lean from the peer role toward a clinical one; these counts are for "
            "reflection, not a grade. One entry says little; `peerjournal report` shows the "
            f"trend. {LEXICON_WORDS} Lexicon {clean(score.lexicon_version, multiline=False)} "
            f"({clean(lexicon.name, multiline=False)}).",
            style="dim",
        )
    )
    return Group(*parts)


# what the lexicon line under `drift ID` is, in words a writer new to the tool can read
LEXICON_WORDS = (
    "The phrases come from this word list and version (a new version can score differently):"
)

