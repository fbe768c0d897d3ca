"""Wording and number formats shared by the summary writers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peerjournal.plural import counted

TITLE = "Reflective-practice summary"
UNREDACTED = (
    "UNREDACTED: this summary was exported with --no-redact. Names and identifiers were NOT "
    "removed."
)
REDACTED = (
    "on (names on the writer's people list, and identifiers such as phone numbers, are shown "
    "as [person], [phone]…)"
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
    counts = f"{entries['total']} written, {entries['shared']} shared with you"
    unscored = entries["total"] - entries["scored"]
    if unscored > 0:
        counts += f" ({unscored} without a drift score, left out of the numbers)"
    rows = [
        ("Period", f"{period_text(summary)} (by {summary['period']['by']})"),
        ("Entries", counts),
        ("Generated", f"{summary['generated_at'][:16].replace('T', ' ')} by "
                      f"{summary['generator']}"),
    ]
    versions = summary.get("lexicon_versions") or []
    if versions:
        rows.append(("Drift lexicon", lexicon_text(versions)))
    if not summary["redacted"]:
        rows.append(("Redaction", "OFF (exported with --no-redact)"))
    else:  # said, not only implied by the absence of the warning: what [person] stands for
        rows.append(("Redaction", REDACTED))
    return rows


def lexicon_text(versions: list[str]) -> str:
    """The lexicon version(s) behind the numbers; more than one makes them less comparable."""
    if len(versions) == 1:
        return f"version {versions[0]}"
    return (
        f"versions {', '.join(versions)} (entries were scored with different lexicons, so "
        "their numbers compare less well)"
    )


def period_label(period: dict[str, Any]) -> str:
    start, end = period["start"], period["end"]
    return start if start == end else f"{start} – {end}"


def axis_label(period: dict[str, Any], periods: Sequence[dict[str, Any]]) -> str:
    """A period's start under a chart: month and day, or the whole date when the periods
    span more than one year (a run of empty years is one period: "01-01" would hide it)."""
    one_year = periods[0]["start"][:4] == periods[-1]["end"][:4]
    return str(period["start"][5:] if one_year else period["start"])


def entry_heading(entry: dict[str, Any]) -> str:
    parts = [entry["date"]]
    if entry.get("setting"):
        parts.append(entry["setting"])
    if entry.get("tags"):
        parts.append(" ".join(f"#{t}" for t in entry["tags"]))
    return " · ".join(parts)


def marker_line(marker: dict[str, Any]) -> str:
    return (
        f"{marker['label']} ({marker['dimension_label']}): {counted(marker['count'], 'time')} "
        f"in {counted(marker['entries'], 'entry')}"
    )


def check_score(score: int | None) -> str:
    return "–" if score is None else f"{score}/5"


DATA_NOTE = (
    "Identity and drift are marker evidence per 100 words (how often the writer's words show "
    "peer identity, or drift into a clinical role); balance runs from -1 (all drift) to +1 "
    "(all identity); a period without entries shows –. Markers are phrases the writer used; "
    "trends over many entries say more than one entry."
)
NO_ENTRIES = "No entries were written in this period, so there are no numbers to show."


def has_entries(summary: dict[str, Any]) -> bool:
    return bool(summary["entries"]["total"])
