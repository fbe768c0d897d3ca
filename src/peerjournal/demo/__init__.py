"""The demo journal's entries (entries.toml), dated relative to today.

Each [[entry]] has `days_ago` and the fields of an `EntryDraft` (experience, feelings,
evaluation, setting, tags, self_care, mode). A typo in the data file is an error, not a gap.
"""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from importlib import resources
from typing import Any

from peerjournal.entry import EntryDraft, validate

FIELDS = {
    "days_ago",
    "experience",
    "feelings",
    "evaluation",
    "setting",
    "tags",
    "self_care",
    "mode",
}


def _draft(raw: dict[str, Any], today: date, number: int) -> EntryDraft:
    unknown = set(raw) - FIELDS
    if unknown:
        raise ValueError(f"demo entry {number}: unknown field(s) {', '.join(sorted(unknown))}")
    days_ago = raw.get("days_ago")
    if not isinstance(days_ago, int) or days_ago < 0:
        raise ValueError(f"demo entry {number}: days_ago must be a whole number >= 0")
    draft = EntryDraft(
        date=today - timedelta(days=days_ago),
        experience=str(raw.get("experience", "")),
        feelings=str(raw.get("feelings", "")),
        evaluation=str(raw.get("evaluation", "")),
        setting=str(raw.get("setting", "")),
        tags=[str(t) for t in raw.get("tags", [])],
        self_care=str(raw.get("self_care", "")),
        mode=str(raw.get("mode", "on-action")),
    )
    return validate(draft, today)


def load_demo_drafts(today: date) -> list[EntryDraft]:
    """The demo entries, oldest first, the newest dated `today`."""
    text = resources.files("peerjournal.demo").joinpath("entries.toml").read_text("utf-8")
    entries = tomllib.loads(text).get("entry", [])
    drafts = [_draft(raw, today, n) for n, raw in enumerate(entries, start=1)]
    return sorted(drafts, key=lambda d: d.date)
