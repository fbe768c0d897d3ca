"""The export preview (what will leave) and the mentor's review of summaries, with Rich.

Summaries reaching `review` are untrusted: every string is passed through `sanitise` before
it is drawn, so escape sequences, carriage returns, C1 controls and bidirectional overrides
in a file show up as visible `\\x1b`-style escapes instead of acting on the terminal.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from peerjournal.exporters import common
from peerjournal.redact import Person, unlisted_capitalised
from peerjournal.render.charts import diverging_bar, sparkline, unicode_ok
from peerjournal.render.safe import clean, safe_text, safe_title

if TYPE_CHECKING:
    from peerjournal.db.people import PersonRow

def sanitise(text: str, *, multiline: bool = True) -> str:
    """Text from an untrusted file made safe to draw: `render.safe.clean`, which here also
    shows bidi overrides and zero-width characters as escapes."""
    return clean(text, multiline=multiline, format_chars=True)


def sanitise_document(value: Any) -> Any:
    """Every string (keys included) in a loaded JSON document, sanitised."""
    if isinstance(value, str):
        return sanitise(value)
    if isinstance(value, list):
        return [sanitise_document(v) for v in value]
    if isinstance(value, dict):
        return {sanitise(str(k)): sanitise_document(v) for k, v in value.items()}
    return value


# ------------------------------------------------------------------------------ preview


def preview(
    console: Console, text: str, journal_texts: Sequence[str], destination: str, redacted: bool
) -> list[str]:
    """Show exactly what will leave; capitalised words from the journal text are highlighted.

    Only words the writer wrote are candidates (not the summary's own headings). Returns the
    distinct highlighted words so the caller can mention them.
    """
    shown = sanitise(text)
    body = Text(shown)
    candidates = {
        sanitise(t)[a:b] for t in journal_texts for a, b in unlisted_capitalised(sanitise(t))
    }
    words: Counter[str] = Counter()
    if candidates:
        pattern = re.compile(
            r"(?<![^\W\d_])(?:"
            + "|".join(re.escape(w) for w in sorted(candidates, key=len, reverse=True))
            + r")(?![^\W\d_])"
        )
        for match in pattern.finditer(shown):
            body.stylize("bold reverse", match.start(), match.end())
            words[match.group(0)] += 1
    title = f"Preview: what will be written to {destination}"
    if not redacted:
        title += " (UNREDACTED)"
    console.print(Panel(body, title=safe_title(title), title_align="left", expand=True))
    if words:
        listed = ", ".join(f"{w} ({n})" if n > 1 else w for w, n in words.most_common(20))
        listed = clean(listed, multiline=False)
        more = f" and {len(words) - 20} more" if len(words) > 20 else ""
        console.print(
            Text(
                f"Check these capitalised words (highlighted above): {listed}{more}. If any is "
                "someone's name, add it with `peerjournal people add NAME` and export again."
            )
        )
    return list(words)


# ------------------------------------------------------------------------------ review


def people_table(people: Sequence[PersonRow]) -> Table:
    """The people list: each name and what exports show instead of it."""
    table = Table(show_edge=False)
    for column in ("Name", "Shown in exports as", "Added"):
        table.add_column(column)
    for p in people:
        shown_as = Person(p.name, p.alias).replacement
        table.add_row(
            safe_text(p.name, multiline=False),
            safe_text(shown_as, multiline=False),
            p.created_at.date().isoformat(),
        )
    return table


def _who(summary: dict[str, Any], source: str) -> str:
    return str(summary.get("writer") or source)


def overview(summaries: Sequence[tuple[str, dict[str, Any]]]) -> Table:
    """One row per summary: who, when, how much, the overall numbers, how many alerts."""
    table = Table(title="Summaries", title_justify="left", show_edge=False)
    for column in ("Who", "Period", "Entries", "Shared", "Identity", "Drift", "Alerts"):
        table.add_column(column, justify="right" if column not in ("Who", "Period") else "left")
    for source, s in summaries:
        scored = [p for p in s["periods"] if p["entries"] and p["identity"] is not None]
        weight = sum(p["entries"] for p in scored)

        def mean(key: str, periods: list[dict[str, Any]] = scored, total: int = weight) -> str:
            if not total:
                return "–"
            return common.number(sum(p[key] * p["entries"] for p in periods) / total)

        table.add_row(
            Text(sanitise(_who(s, source), multiline=False)),
            Text(common.period_text(s)),
            str(s["entries"]["total"]),
            str(s["entries"]["shared"]),
            mean("identity"),
            mean("drift"),
            str(len(s["alerts"])),
        )
    return table


def review(console: Console, source: str, s: dict[str, Any]) -> None:
    """One summary in full (`s` must be validated and sanitised)."""
    ascii_only = not unicode_ok(console.encoding)
    header = Text()
    header.append(common.title(s), "bold")
    header.append(f"\nFile: {source}")
    for label, value in common.facts(s):
        header.append(f"\n{label}: {value}")
    if not s["redacted"]:
        header.append(f"\n{common.UNREDACTED}", "bold")
    console.print(Panel(header, expand=True))
    parts: list[RenderableType] = []
    if s["note"]:
        parts.append(_section("Note from the writer", Text(s["note"])))
    if s["alerts"]:
        parts.append(_section("Alerts", Text("\n".join(f"• {a['message']}" for a in s["alerts"]))))
    if s["periods"]:
        parts.append(_section(f"Trend by {s['period']['by']}", _trend(s, ascii_only)))
    if s["dimensions"]:
        parts.append(_section("Dimensions (drift ◀ │ ▶ identity)", _dimensions(s, ascii_only)))
    parts += _markers(s)
    if s["intentions"]:
        lines = "\n".join(f"• {i['date']}: {i['text']}" for i in s["intentions"])
        parts.append(_section("What I will do differently", Text(lines)))
    if s["selfcheck"]:
        parts.append(_section(f"Self-check ({s['selfcheck']['date']})", _selfcheck(s)))
    for entry in s["shared_entries"]:
        parts.append(_section(f"Shared entry: {common.entry_heading(entry)}", _entry(entry)))
    console.print(Group(*parts))


def _section(title: str, body: RenderableType) -> Panel:
    """A titled panel; the title (which may hold a setting or tag) is shown literally."""
    return Panel(body, title=Text(sanitise(title, multiline=False)), title_align="left",
                 expand=True)


def _trend(s: dict[str, Any], ascii_only: bool) -> Table:
    periods = s["periods"]
    table = Table(show_edge=False, box=None, pad_edge=False)
    for column, justify in (("Period", "left"), ("Entries", "right"), ("Identity", "right"),
                            ("Drift", "right"), ("drift │ identity", "left")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    scale = max([1.0, *(p[k] or 0.0 for p in periods for k in ("identity", "drift"))])
    for p in periods:
        bar = diverging_bar(p["drift"] or 0.0, p["identity"] or 0.0, scale=scale, half_width=12,
                            ascii_only=ascii_only)
        table.add_row(Text(common.period_label(p)), str(p["entries"]),
                      common.number(p["identity"]),
                      common.number(p["drift"]), str(bar))
    identity = sparkline([p["identity"] if p["entries"] else None for p in periods],
                         ascii_only=ascii_only)
    drift = sparkline([p["drift"] if p["entries"] else None for p in periods],
                      ascii_only=ascii_only)
    table.caption = Text(f"identity {identity}   drift {drift}")
    table.caption_justify = "left"
    return table


def _dimensions(s: dict[str, Any], ascii_only: bool) -> Table:
    dims = s["dimensions"]
    table = Table(show_edge=False, box=None, pad_edge=False)
    for column, justify in (("Dimension", "left"), ("Drift", "right"), ("", "left"),
                            ("Identity", "right"), ("Trend", "left")):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    scale = max([1.0, *(d[k] or 0.0 for d in dims for k in ("identity", "drift"))])
    for d in dims:
        bar = diverging_bar(d["drift"] or 0.0, d["identity"] or 0.0, scale=scale, half_width=10,
                            ascii_only=ascii_only)
        trend = ", ".join(
            f"{pol} {common.DIRECTIONS[d[f'{pol}_direction']][0]}"
            for pol in ("identity", "drift") if d[f"{pol}_direction"] in ("up", "down")
        )
        table.add_row(Text(d["label"]), common.number(d["drift"]), str(bar),
                      common.number(d["identity"]), trend)
    return table


def _markers(s: dict[str, Any]) -> list[RenderableType]:
    out: list[RenderableType] = []
    for polarity, heading in common.POLARITY_TITLES.items():
        markers = s["markers"][polarity]
        if not markers:
            continue
        text = Text()
        for n, m in enumerate(markers):
            text.append(("\n" if n else "") + f"• {common.marker_line(m)}")
            for ex in m["excerpts"]:
                text.append(f"\n    “{ex['text']}” ({ex['date']})", "italic")
        out.append(_section(heading, text))
    return out


def _selfcheck(s: dict[str, Any]) -> Table:
    table = Table(show_edge=False, box=None, pad_edge=False)
    for column in ("Section", "Item", "Score", "Note"):
        table.add_column(column)
    for item in s["selfcheck"]["items"]:
        table.add_row(Text(item["section"]), Text(item["text"] or item["id"]),
                      common.check_score(item["score"]), Text(item["note"]))
    return table


def _entry(entry: dict[str, Any]) -> Text:
    text = Text()
    for key, label in common.ELEMENT_TITLES:
        if entry[key]:
            if text:
                text.append("\n\n")
            text.append(label, "bold")
            text.append("\n" + entry[key])
    return text
