"""Drift verdicts in words and colours, and the one line `write` ends with.

Kept apart from the entry and drift views (tables, panels) so that `write` imports only Rich's
Text for its last line.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text

VERDICT_STYLES = {"identity": "green", "drift": "red", "mixed": "yellow", "insufficient": "dim"}
VERDICT_WORDS = {
    "identity": "leans peer",
    "drift": "leans clinical",
    "mixed": "mixed",
    "insufficient": "not enough signal",
}


def one_line_summary(entry_id: int, score: dict[str, Any]) -> Text:
    verdict = score["verdict"]
    line = Text("Drift: ")
    line.append(VERDICT_WORDS.get(verdict, verdict), style=VERDICT_STYLES.get(verdict, ""))
    if verdict != "insufficient":
        line.append(
            f" (peer identity {score['identity']:.1f}, drift {score['drift']:.1f} per 100 words)"
        )
    line.append(f"  · phrases: peerjournal drift {entry_id}", style="dim")
    return line
