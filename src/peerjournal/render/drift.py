"""Drift on the terminal: the one-line summary after `write`, and the full explanation."""

from __future__ import annotations

from typing import Any

from rich.text import Text

from peerjournal.render.entries import VERDICT_STYLES, VERDICT_WORDS


def one_line_summary(entry_id: int, score: dict[str, Any]) -> Text:
    verdict = score["verdict"]
    line = Text("Drift: ")
    line.append(VERDICT_WORDS.get(verdict, verdict), style=VERDICT_STYLES.get(verdict, ""))
    if verdict != "insufficient":
        line.append(f" (peer identity {score['identity']:.1f}, drift {score['drift']:.1f} per 100 words)")
    line.append(f"  · phrases: peerjournal drift {entry_id}", style="dim")
    return line
