"""Entries on the terminal: the list table, one entry's panels, search results, the trash."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from peerjournal.db.store import SearchHit
    from peerjournal.entry import Entry

VERDICT_STYLES = {"identity": "green", "drift": "red", "mixed": "yellow", "insufficient": "dim"}
VERDICT_WORDS = {
    "identity": "leans peer",
    "drift": "leans clinical",
    "mixed": "mixed",
    "insufficient": "not enough signal",
}


def first_words(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


SHORT_WORDS = {"identity": "peer", "drift": "drift", "mixed": "mixed", "insufficient": "–"}


def verdict_text(verdict: str | None, *, short: bool = False) -> Text:
    if not verdict:
        return Text("–", style="dim")
    words = SHORT_WORDS if short else VERDICT_WORDS
    return Text(words.get(verdict, verdict), style=VERDICT_STYLES.get(verdict, ""))


def entry_table(entries: Sequence[Entry], *, deleted: bool = False) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column("ID", justify="right", style="bold", no_wrap=True)
    table.add_column("Date", no_wrap=True, min_width=10)
    table.add_column("Setting", max_width=14, overflow="ellipsis", no_wrap=True)
    table.add_column("Tags", max_width=18, overflow="ellipsis", no_wrap=True)
    table.add_column("Drift", no_wrap=True)
    table.add_column(
        "Trashed" if deleted else "Experience",
        ratio=1,
        no_wrap=True,
        overflow="ellipsis",
        min_width=20,
    )
    for entry in entries:
        last = (
            entry.deleted_at.strftime("%Y-%m-%d") + "  " + first_words(entry.experience, 40)
            if deleted and entry.deleted_at
            else first_words(entry.experience)
        )
        table.add_row(
            str(entry.id),
            entry.date.isoformat(),
            Text(entry.setting),
            Text(", ".join(entry.tags)),
            verdict_text(entry.drift_verdict, short=True),
            Text(last, overflow="ellipsis"),
        )
    return table


def entry_header(entry: Entry) -> Text:
    parts = [f"#{entry.id}", entry.date.strftime("%a %d %b %Y")]
    parts += [p for p in (entry.setting, entry.mode, f"prompts: {entry.prompt_set}") if p]
    header = Text(" · ".join(parts), style="bold")
    if entry.tags:
        header.append("   " + " ".join(f"#{t}" for t in entry.tags), style="cyan")
    if entry.shared:
        header.append("   shared with mentor", style="magenta")
    return header


def entry_view(entry: Entry, layout: dict[str, tuple[str, str]]) -> RenderableType:
    """The entry, one panel per element; answers to extra questions sit inside their element.

    `layout` maps question id -> (element, question text); unknown ids go under Evaluation.
    """
    parts: list[RenderableType] = [entry_header(entry)]
    for element in ("experience", "feelings", "evaluation"):
        body = Text(getattr(entry, element))
        for qid, answer in entry.answers.items():
            placed, question = layout.get(qid, ("evaluation", qid))
            if placed == element:
                body.append(f"\n\n{question}\n", style="bold")
                body.append(answer)
        if body.plain.strip():
            parts.append(
                Panel(body, title=element.capitalize(), title_align="left", box=box.ROUNDED)
            )
    if entry.self_care:
        parts.append(
            Panel(
                Text(entry.self_care),
                title="Self-care",
                title_align="left",
                box=box.ROUNDED,
                border_style="green",
            )
        )
    drift = Text("Drift: ")
    drift.append_text(verdict_text(entry.drift_verdict))
    drift.append(f"   (details: peerjournal drift {entry.id})", style="dim")
    parts.append(drift)
    return Group(*parts)


def highlighted_snippet(snippet: str) -> Text:
    text = Text()
    for n, chunk in enumerate(snippet.replace("\x03", "\x02").split("\x02")):
        text.append(
            " ".join(chunk.split()) if "\n" in chunk else chunk,
            style="bold reverse" if n % 2 else "",
        )
    return text


def search_results(hits: Sequence[SearchHit]) -> RenderableType:
    rows: list[RenderableType] = []
    for hit in hits:
        rows.append(entry_header(hit.entry))
        snippet = highlighted_snippet(hit.snippet)
        snippet.pad_left(4)
        rows.append(snippet)
        rows.append(Text(""))
    return Group(*rows)
