"""Drift verdicts in words and colours, and the one line `write` ends with.

Kept apart from the entry and drift views (tables, panels) so that `write` imports only Rich's
Text for its last line.
"""

from __future__ import annotations

from typing import Any

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
    return Text(f"  {dot} details: peerjournal drift {entry_id}", style="dim")


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
        yield Trimmed(self.text(options.ascii_only))  # wrapped on a narrow terminal
