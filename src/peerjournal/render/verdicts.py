"""Drift verdicts in words and colours, and the one line `write` ends with.

Kept apart from the entry and drift views (tables, panels) so that `write` imports only Rich's
Text for its last line.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from peerjournal.render.console import Trimmed

VERDICT_STYLES = {"identity": "green", "drift": "red", "mixed": "yellow", "insufficient": "dim"}
VERDICT_WORDS = {
    "identity": "leans peer",
    "drift": "leans clinical",
    "mixed": "mixed",
    "insufficient": "not enough signal",
}


def details_hint(entry_id: int, ascii_only: bool = False) -> Text:
    """'  · details: peerjournal drift 12', which ends the drift line of `write` and `show`,
    with '-' for the dot on a console that cannot show it (where it came out as "\\xb7")."""
    dot = "-" if ascii_only else "·"
    return Text(f"  {dot} {DETAILS} peerjournal drift {entry_id}", style="dim")


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
        else:
            last = _stripped(unit)
            lines.append(last)
    # each line fits, but for a command wider than the terminal: wrapped, not cropped
    return Text("\n").join(lines)


def _stripped(unit: Text) -> Text:
    """`unit` without the spaces around it, keeping its style."""
    plain = unit.plain
    lead = len(plain) - len(plain.lstrip())
    return unit[lead:len(plain.rstrip())]


class OneLineSummary:
    """'Drift: leans peer (…)  · details: peerjournal drift 12' (`details_hint`)."""

    def __init__(self, entry_id: int, score: dict[str, Any]) -> None:
        self.entry_id = entry_id
        self.score = score

    def text(self, ascii_only: bool = False) -> Text:
        verdict = self.score["verdict"]
        line = Text("Drift: ")
        line.append(VERDICT_WORDS.get(verdict, verdict), style=VERDICT_STYLES.get(verdict, ""))
        if verdict != "insufficient":
            line.append(
                f" (peer identity {self.score['identity']:.1f}, "
                f"drift {self.score['drift']:.1f} per 100 words)"
            )
        line.append_text(details_hint(self.entry_id, ascii_only))
        return line

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # wrapped on a narrow terminal, the command kept whole (`with_details`)
        line = self.text(options.ascii_only)
        yield Trimmed(line if options.no_wrap else with_details(console, line, options.max_width))
