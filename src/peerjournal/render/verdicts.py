"""Drift verdicts in words and colours, and the one line `write` ends with.

Kept apart from the entry and drift views (tables, panels) so that `write` imports only Rich's
Text for its last line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from peerjournal.drift import drift_name, drift_named, self_doubt_only
from peerjournal.render.console import Trimmed

VERDICT_STYLES = {"identity": "green", "drift": "red", "mixed": "yellow", "insufficient": "dim"}
VERDICT_WORDS = {
    "identity": "leans peer",
    "drift": "leans clinical",
    "mixed": "mixed",
    "insufficient": "not enough signal",
}
# drift led by self-doubt alone (`drift.self_doubt_only`): not toward a clinical role, as
# `drift ID` says ("mostly self-doubt, not a clinical role"); the same in every short verdict
SELF_DOUBT_WORDS = drift_name("self_worth", "")


def verdict_words(verdict: str, named: Sequence[str] = ()) -> str:
    """A verdict in a few words; `named`: the dimensions a drift verdict is named by
    (`drift.drift_named`), so that drift that is self-doubt alone reads "self-doubt"."""
    if verdict == "drift" and self_doubt_only(named):
        return SELF_DOUBT_WORDS
    return VERDICT_WORDS.get(verdict, verdict)


def named_of(
    verdict: str, figures: dict[str, Any], markers: Sequence[Sequence[Any]] | None
) -> list[str]:
    """`drift.drift_named` for a score as the store has it: its figures (`DriftScore.figures`,
    or the stored summary's) and its counted curated markers ([marker, dimension, polarity,
    …]; None where not stored: then every dimension that drifted counts as curated)."""
    dimensions = figures.get("dimensions")
    if not dimensions:  # figures without them (a verdict and totals only): the verdict's words
        return []
    curated = (
        {str(m[1]) for m in markers if len(m) > 2 and m[2] == "drift"}
        if markers is not None else set(dimensions)
    )
    return drift_named(verdict, dimensions, int(figures.get("words", 0)), curated)


def named_of_summary(verdict: str | None, summary: str | None) -> list[str]:
    """`named_of` for an entry's stored verdict and drift_summary ([words, identity, drift,
    {dimension: [identity, drift]}, markers?]); [] where either is missing or unreadable."""
    if verdict != "drift" or not summary:
        return []
    import json  # (only for a stored drift verdict: `drift --text` never needs it)

    try:
        words, _, _, pairs, *rest = json.loads(summary)
        dimensions = {d: {"identity": float(i), "drift": float(x)} for d, (i, x) in pairs.items()}
        figures = {"words": words, "dimensions": dimensions}
        return named_of(verdict, figures, rest[0] if rest else None)
    except (TypeError, ValueError, AttributeError, IndexError, KeyError):
        return []  # a damaged summary: the plain verdict's words


def details_hint(
    entry_id: int, ascii_only: bool = False, drift: str = "peerjournal drift"
) -> Text:
    """'  · details: peerjournal drift 12', which ends the drift line of `write` and `show`,
    with '-' for the dot on a console that cannot show it (where it came out as "\\xb7");
    `drift`: the command with the journal's --db (`AppContext.command_text`), which the
    command must carry to find the entry."""
    dot = "-" if ascii_only else "·"
    return Text(f"  {dot} {DETAILS} {drift} {entry_id}", style="dim")


DETAILS = "details:"


def with_details(console: Console, line: Text, width: int) -> Text:
    """`line` (which ends with `details_hint`) wrapped at `width`, with the command in the hint
    never broken across lines: copied from the terminal, "peerjournal drift 12" must run.
    The words before the hint wrap between words; the hint's dot and "details:", and the
    command, each go whole on to the next line when they do not fit (only a command wider
    than the terminal is broken, as it must be)."""
    plain = line.plain
    at = plain.rfind(f" {DETAILS} ")
    start = len(plain[:at].rstrip(" ·-")) if at >= 0 else -1
    if at < 0 or start <= 0 or cell_len(plain) <= width:
        return line
    command = at + len(DETAILS) + 2
    head = line[:start]
    lines = list(head.wrap(console, width)) if head.plain.strip() else [Text()]
    for wrapped in lines:
        wrapped.rstrip()  # the space it was wrapped at
    hint = plain[start:].strip()
    fits = lines[-1].cell_len + 2 + cell_len(hint) <= width or cell_len(hint) <= width
    units = [(hint, line[start:])] if fits else [  # whole, as one styled run, where it fits
        (line[start:command].plain.strip(), line[start:command]),
        (plain[command:].strip(), line[command:]),
    ]
    last = lines[-1]
    for n, (shown, unit) in enumerate(units):
        gap = " " if n else "  "
        if last.plain and last.cell_len + len(gap) + cell_len(shown) <= width:
            last.append(gap)
            last.append_text(_stripped(unit))
        else:  # a line of its own: "details: …", not a line that starts with the dot
            last = _stripped(_undotted(unit))
            lines.append(last)
    # each line fits, but for a command wider than the terminal: wrapped, not cropped
    return Text("\n").join(lines)


def _undotted(unit: Text) -> Text:
    """`unit` without the dot (or "-") that joins the hint to the words before it."""
    at = unit.plain.find(DETAILS)
    return unit[at:] if at > 0 and not unit.plain[:at].strip(" ·-") else unit


def _stripped(unit: Text) -> Text:
    """`unit` without the spaces around it, keeping its style."""
    plain = unit.plain
    lead = len(plain) - len(plain.lstrip())
    return unit[lead:len(plain.rstrip())]


class OneLineSummary:
    """'Drift: leans peer (…)  · details: peerjournal drift 12' (`details_hint`); `markers`:
    the score's counted curated markers (`store.Drift.markers`), which name drift that is
    self-doubt alone as `drift ID` does (`verdict_words`)."""

    def __init__(
        self, entry_id: int, score: dict[str, Any], markers: Sequence[Sequence[Any]] | None = None,
        drift: str = "peerjournal drift",
    ) -> None:
        self.entry_id = entry_id
        self.score = score
        self.markers = markers
        self.drift = drift  # (`details_hint`)

    def text(self, ascii_only: bool = False) -> Text:
        verdict = self.score["verdict"]
        named = named_of(verdict, self.score, self.markers) if verdict == "drift" else []
        line = Text("Drift: ")
        line.append(verdict_words(verdict, named), style=VERDICT_STYLES.get(verdict, ""))
        if verdict != "insufficient":
            line.append(
                f" (peer identity {self.score['identity']:.1f}, "
                f"drift {self.score['drift']:.1f} per 100 words)"
            )
        line.append_text(details_hint(self.entry_id, ascii_only, self.drift))
        return line

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # wrapped on a narrow terminal, the command kept whole (`with_details`)
        line = self.text(options.ascii_only)
        yield Trimmed(line if options.no_wrap else with_details(console, line, options.max_width))
