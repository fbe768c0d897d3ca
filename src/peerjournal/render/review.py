"""What the mentor's review adds when it is given several summaries from one writer: how the
writer moved from one summary to the next (`peerjournal review sep.json oct.json nov.json`).

A summary names its writer only by its signature (`export --from`), so summaries signed alike
are one writer's; unsigned ones are never compared. Summaries reach here validated and sanitised.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import Any

from rich.console import RenderableType
from rich.text import Text

from peerjournal.exporters import common
from peerjournal.plural import counted
from peerjournal.render.summary import means, section
from peerjournal.summary import STEADY

Loaded = Sequence[tuple[str, dict[str, Any]]]
ARROW = " → "


def _headline(s: dict[str, Any]) -> tuple[str, str, str]:
    identity, drift = means(s)
    return identity, drift, common.balance((s.get("totals") or {}).get("balance"))


def _lexicon_note(run: Sequence[dict[str, Any]]) -> str | None:
    versions = {tuple(s.get("lexicon_versions") or ()) for s in run}
    versions.discard(())
    if len(versions) < 2:
        return None
    return ("Scored with different drift lexicons (as the headers say): the numbers may not "
            "compare until the writer runs `peerjournal drift --rescore`.")


def _overlap_note(run: Sequence[dict[str, Any]]) -> str | None:
    """Said when a summary's period starts before the previous one's ends: the same entries
    are then in both, and the arrows are not a sequence in time."""
    if all(b["period"]["since"] > a["period"]["until"] for a, b in pairwise(run)):
        return None
    return ("Some of these periods overlap (the headers give them): the same entries are "
            "counted in more than one, so the numbers are not steps in time.")


def _notes(run: Sequence[dict[str, Any]]) -> list[str]:
    return [note for note in (_overlap_note(run), _lexicon_note(run)) if note]


def between_summaries(
    loaded: Loaded, writer_key: Callable[[dict[str, Any]], str | None]
) -> RenderableType | None:
    """For each writer with two summaries or more (in `loaded`'s order, oldest first), the
    headline numbers from one summary to the next; None when no writer sent two."""
    runs: dict[str, list[dict[str, Any]]] = {}
    for _, s in loaded:
        key = writer_key(s)
        if key is not None:
            runs.setdefault(key, []).append(s)
    text = Text()
    for run in runs.values():
        if len(run) < 2:
            continue
        heads = [_headline(s) for s in run]
        if text:
            text.append("\n\n")
        first, last = run[0]["period"]["since"], run[-1]["period"]["until"]
        text.append(f"{run[0]['writer']}: {counted(len(run), 'summary')}, {first} to {last}",
                    "bold")
        text.append(
            "\n  identity " + ARROW.join(h[0] for h in heads)
            + "\n  drift " + ARROW.join(h[1] for h in heads)
            + "\n  balance " + ARROW.join(h[2] for h in heads)
            + "\n  entries " + ARROW.join(str(s["entries"]["total"]) for s in run)
            + " · alerts " + ARROW.join(str(len(s["alerts"])) for s in run)
        )
        for note in _notes(run):
            text.append(f"\n  {note}", "italic")
    if not text:
        return None
    return section("Between summaries (oldest first; identity and drift per 100 words)", text)


def since_previous(
    previous: tuple[str, dict[str, Any]] | None, s: dict[str, Any]
) -> RenderableType | None:
    """The section opening a summary when the same writer's previous one was reviewed too:
    its headline numbers then and now, and the dimensions that moved most between them."""
    if previous is None:
        return None
    name, before = previous
    (i0, d0, b0), (i1, d1, b1) = _headline(before), _headline(s)
    lines = [
        f"• Identity {i0}{ARROW}{i1}, drift {d0}{ARROW}{d1} per 100 words; "
        f"balance {b0}{ARROW}{b1}.",
        f"• Entries {before['entries']['total']}{ARROW}{s['entries']['total']}; "
        f"alerts {len(before['alerts'])}{ARROW}{len(s['alerts'])}.",
        *(f"• {line}" for line in _dimension_moves(before, s)),
    ]
    lines += [f"• {note}" for note in _notes([before, s])]
    lines.append(f"(That summary is {name}.)")
    title = f"Since the previous summary ({common.period_text(before)})"
    return section(title, Text("\n".join(lines)))  # a Text: its bullets' lines hang


def _dimension_moves(before: dict[str, Any], s: dict[str, Any]) -> list[str]:
    """On each side (drift first), the dimension whose rate changed most between the two
    summaries, if by STEADY or more per 100 words."""
    then = {d["id"]: d for d in before["dimensions"]}
    lines = []
    for polarity in ("drift", "identity"):
        moves = [
            (abs(b - a), d["label"], a, b)
            for d in s["dimensions"]
            for a, b in [((then.get(d["id"]) or {}).get(polarity), d[polarity])]
            if a is not None and b is not None and abs(b - a) >= STEADY
        ]
        if moves:
            _, label, a, b = max(moves, key=lambda m: m[0])
            lines.append(f"{label} ({polarity} markers) {'rose' if b > a else 'fell'} from "
                         f"{common.number(a)} to {common.number(b)}.")
    return lines
