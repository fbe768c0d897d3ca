"""Wording and number formats shared by the summary writers."""

from __future__ import annotations

from typing import Any

TITLE = "Reflective-practice summary"
UNREDACTED = (
    "UNREDACTED: this summary was exported with --no-redact. Names and identifiers were NOT "
    "removed."
)
DIRECTIONS = {"up": "↑ rising", "down": "↓ falling", "steady": "→ steady", None: ""}
POLARITY_TITLES = {"identity": "Peer identity markers", "drift": "Peer drift markers"}
ELEMENT_TITLES = (
    ("experience", "Experience"),
    ("feelings", "Feelings"),
    ("evaluation", "Evaluation"),
    ("self_care", "Self-care"),
)


def number(value: float | None, digits: int = 1) -> str:
    """A rate per 100 words, or an en dash for a period without evidence."""
    return "–" if value is None else f"{value:.{digits}f}"


def title(summary: dict[str, Any]) -> str:
    writer = summary.get("writer")
    return f"{TITLE}: {writer}" if writer else TITLE


def period_text(summary: dict[str, Any]) -> str:
    period = summary["period"]
    return f"{period['since']} to {period['until']}"


def facts(summary: dict[str, Any]) -> list[tuple[str, str]]:
    """The headline facts, as (label, value) pairs, in display order."""
    entries = summary["entries"]
    rows = [
        ("Period", f"{period_text(summary)} (by {summary['period']['by']})"),
        ("Entries", f"{entries['total']} written, {entries['shared']} shared with you"),
        ("Generated", f"{summary['generated_at'][:16].replace('T', ' ')} by "
                      f"{summary['generator']}"),
    ]
    if not summary["redacted"]:
        rows.append(("Redaction", "OFF (exported with --no-redact)"))
    return rows


def period_label(period: dict[str, Any]) -> str:
    start, end = period["start"], period["end"]
    return start if start == end else f"{start} – {end}"


def entry_heading(entry: dict[str, Any]) -> str:
    parts = [entry["date"]]
    if entry.get("setting"):
        parts.append(entry["setting"])
    if entry.get("tags"):
        parts.append(" ".join(f"#{t}" for t in entry["tags"]))
    return " · ".join(parts)


def marker_line(marker: dict[str, Any]) -> str:
    times = "time" if marker["count"] == 1 else "times"
    entries = "entry" if marker["entries"] == 1 else "entries"
    return (
        f"{marker['label']} ({marker['dimension_label']}): {marker['count']} {times} "
        f"in {marker['entries']} {entries}"
    )


def check_score(score: int | None) -> str:
    return "–" if score is None else f"{score}/5"


DATA_NOTE = (
    "Identity and drift are marker evidence per 100 words; a period without entries shows –. "
    "Markers are phrases the writer used; trends over many entries say more than one entry."
)
