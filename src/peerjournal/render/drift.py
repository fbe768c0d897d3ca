"""Drift on the terminal: the one-line summary after `write`, and the full explanation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from peerjournal.drift import DIMENSIONS, DriftScore, Hit, Lexicon, is_learned_marker
from peerjournal.drift.score import BALANCE_CENTER
from peerjournal.render.entries import VERDICT_STYLES, VERDICT_WORDS


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


VERDICT_SENTENCES = {
    "identity": "Your language in this entry leans toward your peer identity.",
    "drift": "Your language in this entry leans toward a clinical role: peer drift.",
    "mixed": "This entry holds both: peer identity and signs of drift.",
    "insufficient": "Not enough signal in this entry to say either way, and that is fine.",
}
HIT_STYLES = {
    "identity": "bold green",
    "drift": "bold red underline",  # underlined: identity and drift differ without colour
    "attributed": "italic magenta",
    "dropped": "dim strike",
    "hypothetical": "italic yellow",
}


def _hit_style(hit: Hit) -> str:
    if hit.attributed:
        return HIT_STYLES["attributed"]
    if not hit.counted:
        return HIT_STYLES["hypothetical" if hit.hypothetical else "dropped"]
    return HIT_STYLES[hit.polarity]


def highlighted(text: str, hits: Sequence[Hit]) -> Text:
    body = Text(text)
    for hit in hits:
        body.stylize(_hit_style(hit), hit.start, hit.end)
    return body


def legend() -> Text:
    line = Text("Key: ")
    for label, key in (
        ("peer identity", "identity"),
        ("drift", "drift"),
        ("others' framing (not counted)", "attributed"),
        ("negated (not counted)", "dropped"),
        ("hypothetical or past (not counted)", "hypothetical"),
    ):
        line.append(label, style=HIT_STYLES[key])
        line.append("  ")
    return line


def _flags(hit: Hit) -> str:
    learned = is_learned_marker(hit.marker)
    flags = [
        name
        for name, on in (
            ("learned", learned),
            ("negated", hit.negated),
            ("others' framing", hit.attributed),
            ("hypothetical or past", hit.hypothetical),
            ("you noticed it", hit.self_noticed),
            ("outweighed", learned and not hit.counted and not _explained(hit)),
        )
        if on
    ]
    return f" ({', '.join(flags)})" if flags else ""


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
    curated = [h for h in score.hits if not is_learned_marker(h.marker)]
    return [
        h
        for h in score.hits
        if h.counted
        or not is_learned_marker(h.marker)
        or not any(c.start < h.end and h.start < c.end for c in curated)
    ]


def _repeats(hits: Sequence[Hit]) -> list[tuple[Hit, int]]:
    """Each phrase once, as first written, with how often it occurs (flagged the same way)."""
    first: dict[tuple[str, str, str], Hit] = {}
    times: Counter[tuple[str, str, str]] = Counter()
    for hit in hits:
        key = (hit.text.casefold(), _hit_style(hit), _flags(hit))
        first.setdefault(key, hit)
        times[key] += 1
    return [(hit, times[key]) for key, hit in first.items()]


def dimension_table(score: DriftScore, lexicon: Lexicon) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column("Dimension", no_wrap=True)
    table.add_column("Identity", justify="right", no_wrap=True)
    table.add_column("Drift", justify="right", no_wrap=True)
    table.add_column("Phrases", ratio=1)
    listed = _listed(score)
    for dim in DIMENSIONS:
        hits = [h for h in listed if h.dimension == dim]
        if not hits:
            continue
        values = score.dimensions.get(dim, {"identity": 0.0, "drift": 0.0})
        phrases = Text()
        for n, (hit, times) in enumerate(_repeats(hits)):
            if n:
                phrases.append("; ")
            phrases.append(f"“{hit.text}”", style=_hit_style(hit))
            phrases.append(_flags(hit), style="dim")
            if times > 1:
                phrases.append(f" ×{times}")
        table.add_row(
            lexicon.label(dim), f"{values['identity']:.1f}", f"{values['drift']:.1f}", phrases
        )
    table.add_row(
        Text("All (per 100 words)", style="bold"),
        f"{score.identity:.1f}",
        f"{score.drift:.1f}",
        Text(
            f"{len(score.counted_hits())} counted of {len(listed)} "
            f"phrase{'' if len(listed) == 1 else 's'}, "
            f"{score.words} word{'' if score.words == 1 else 's'}"
        ),
    )
    return table


def explanation(
    title: str, text: str, score: DriftScore, lexicon: Lexicon, questions: Sequence[str]
) -> RenderableType:
    parts: list[RenderableType] = [
        Panel(
            highlighted(text, _shown(score)),
            title=title,
            title_align="left",
            box=box.ROUNDED,
        ),
        legend(),
    ]
    if score.hits:
        parts.append(dimension_table(score, lexicon))
    verdict = Text(VERDICT_SENTENCES[score.verdict], style=VERDICT_STYLES.get(score.verdict, ""))
    if score.verdict != "insufficient":
        verdict.append(
            f"  Balance {score.balance:+.2f} (−1 drift … +1 identity; even at"
            f" {BALANCE_CENTER:+.1f}, as identity words are common in any entry).",
            style="",
        )
    parts.append(verdict)
    framing = score.others_framing()
    if framing:
        parts.append(
            Text(
                "Others' framing, not counted as yours: "
                + ", ".join(f"“{h.text}”" for h in framing),
                style="magenta",
            )
        )
    if questions:
        parts.append(Text("\nQuestions to sit with:", style="bold"))
        parts += [Text(f"  • {q}") for q in questions]
    parts.append(
        Text(
            f"Lexicon {score.lexicon_version}. One entry says little; "
            "`peerjournal report` shows the trend.",
            style="dim",
        )
    )
    return Group(*parts)
