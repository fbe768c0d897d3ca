"""Markdown: plain enough to read as text, safe to open in any Markdown viewer.

Journal text is escaped so that it cannot become a link, an image (a tracking pixel) or raw
HTML in a viewer: Markdown punctuation and angle brackets get a backslash.
"""

from __future__ import annotations

import re
from typing import Any

from peerjournal.exporters import common
from peerjournal.exporters.writer_words import about_the_writer
from peerjournal.redact import placeholders
from peerjournal.reviewing import directions_as_read_now

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# Line starts that would make a list, heading, rule or (for "[person]: x") a link definition;
# every other "[" is escaped already, and a placeholder alone at a line start is no link.
_LINE_START = re.compile(
    r"^([ \t]*)(\d+(?=[.)])|[-+=]|#+(?=[ \t]*$)|\[(?=[^\]\n]*\]:))", re.MULTILINE
)
# A heading the writer typed ("### My notes"): bold, so it is no heading of the summary and
# shows no backslash read as text (a "#" with no space after it is no heading: "#selfcare")
_HEADING = re.compile(r"^([ \t]*+)#{1,6}[ \t]++(.*?\S)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
# "](" is how a link or an image goes on: its "(" is escaped too, "!\[x\]\(//host/p.png)".
_LINK_AFTER = re.compile(r"(?<=\])\(")
# An HTML entity ("S&#97;m", "&lt;") would be shown as the character it stands for.
_ENTITY = re.compile(r"&(?=#?\w+;)")


# The placeholders as _SPECIAL escaped them, made readable again ("[person]") unless "(" follows:
# "[link](javascript:…)" typed by the writer is a link's syntax, escaped whole as "[x](…)" is.
_PLACEHOLDER = re.compile(
    "(?:" + "|".join(re.escape(_SPECIAL.sub(r"\\\1", p)) for p in sorted(placeholders()))
    + r")(?!\()"
)


def escape(text: str) -> str:
    """Backslash Markdown syntax; redaction placeholders ("[person]") stay readable."""
    text = _ENTITY.sub(r"\\&", _SPECIAL.sub(r"\\\1", text))
    text = _PLACEHOLDER.sub(lambda m: m.group(0).replace("\\", ""), text)
    text = _LINK_AFTER.sub(r"\\(", text)
    text = _HEADING.sub(r"\1**\2**", text)
    return _LINE_START.sub(_escaped_line_start, text)


def _escaped_line_start(match: re.Match[str]) -> str:
    """A backslash before the mark, but after a number's digits: CommonMark escapes the "."
    of "1." ("1\\."); "\\1." would be shown with its backslash."""
    indent, mark = match.groups()
    return f"{indent}{mark}\\" if mark[0].isdigit() else f"{indent}\\{mark}"


# The end of a line the writer typed, kept in a viewer: a Markdown viewer joins the lines of
# a paragraph into one ("- listened\n- asked" would read "- listened - asked"); two spaces
# before the line break make it a line break there (CommonMark, GitHub, Python-Markdown,
# pandoc), and are not seen in the file read as text, as a backslash would be.
HARD_BREAK = "  "


def _kept_lines(text: str) -> list[str]:
    """`text` escaped, a line of it a line in the viewer too (`HARD_BREAK`); an empty line
    is left empty, as the break between two paragraphs."""
    found = [line.rstrip() for line in escape(text).splitlines()]
    return [
        line + HARD_BREAK if line and at + 1 < len(found) and found[at + 1] else line
        for at, line in enumerate(found)
    ]


def _quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in _kept_lines(text))


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def write(summary: dict[str, Any]) -> bytes:
    return ("\n".join(lines(summary)).rstrip() + "\n").encode("utf-8")


def lines(s: dict[str, Any]) -> list[str]:
    out = [f"# {escape(common.title(s))}", ""]
    if not s["redacted"]:
        out += [f"**{common.UNREDACTED}**", ""]
    out += [f"- **{label}:** {escape(value)}" for label, value in common.facts(s)]
    out.append("")
    glance = common.glance(s)
    if glance:
        out += [f"## {common.GLANCE_TITLE}", ""]
        out += [f"*{line}*\n" if line == common.NO_ENTRIES else f"- {escape(line)}"
                for line in glance] + [""]
    if s["note"]:
        out += ["## Note from the writer", "", _quote(s["note"]), ""]
    if s["alerts"]:
        out += ["## Alerts", "", f"*{escape(common.alerts_note(s))}*", ""]
        out += [f"- {escape(a['message'])}" for a in s["alerts"]] + [""]
    if common.has_entries(s):
        out += _trend(s) + _dimensions(s) + _markers(s)
    if s["intentions"]:
        out += [f"## {common.INTENTIONS_TITLE}", ""]
        out += [f"- {i['date']}: {escape(i['text'])}" for i in s["intentions"]] + [""]
    out += _selfcheck(s) + _entries(s)
    out += ["---", "", f"*{common.data_note(s)}*"]
    return out


def _trend(s: dict[str, Any]) -> list[str]:
    periods = s["periods"]
    if not periods:
        return []
    out = [f"## Trend by {s['period']['by']}", ""]
    periods, cut = common.table_periods(s)
    if cut:
        out += [f"*{escape(cut)}*", ""]
    rows = [
        [common.period_label(p), common.period_entries(p, short=False),
         common.number(p["identity"]), common.number(p["drift"]), common.balance(p["balance"], p)]
        for p in periods
    ]
    out += _table(["Period", "Entries", "Identity", "Drift", "Balance"], rows)
    identity, drift, high = common.sparklines(periods)
    out += ["", "```text", f"identity {identity}", f"drift    {drift}", "```", "",
            f"*{escape(common.spark_note(s, high))}*", ""]
    return out


def _dimensions(s: dict[str, Any]) -> list[str]:
    if not s["dimensions"]:
        return []
    rows = [
        [escape(about_the_writer(d["label"])),  # ("Your voice": "The writer's voice")
         common.dimension_cell(s, d, "identity"), common.dimension_cell(s, d, "drift")]
        for d in directions_as_read_now(s)["dimensions"]  # (no "steady" for a spike)
    ]
    glosses = [f"- **{escape(label)}:** {escape(gloss)}"
               for label, gloss in common.dimension_glosses(s)]
    return ["## Dimensions", "", *_table(["Dimension", "Identity", "Drift"], rows), "",
            f"*{escape(common.direction_note(s) + common.spike_note(s))}*", "",
            *([f"{common.GLOSS_TITLE}:", "", *glosses, ""] if glosses else [])]


def _markers(s: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for polarity, heading in common.POLARITY_TITLES.items():
        markers = s["markers"][polarity]
        if not markers:
            continue
        out += [f"## {heading}", ""]
        for m in markers:
            out.append(f"- {escape(common.marker_line(m, s))}")
            for ex in m["excerpts"]:
                note = common.quote_note(ex)
                out.append(f"  - {ex['date']}: “{escape(ex['text'])}”"
                           + (f" *{note}*" if note else ""))
        out.append("")
    return out


def _selfcheck(s: dict[str, Any]) -> list[str]:
    check = s["selfcheck"]
    if not check:
        return []
    rows = [
        [escape(common.check_section(i["section"])), escape(i["text"] or i["id"]),
         common.table_score(i["score"]),
         escape(i["note"]).replace("\n", " ")]
        for i in check["items"]
    ]
    return [f"## {common.check_title(s)}", "", f"*{escape(common.CHECK_NOTE)}*", "",
            *_table(["Section", "Item", "Score", "Note"], rows), ""]


def _entries(s: dict[str, Any]) -> list[str]:
    if not s["shared_entries"]:
        return []
    out = ["## Shared entries", ""]
    for e in s["shared_entries"]:
        out += [f"### {escape(common.entry_heading(e))}", ""]
        for key, label in common.ELEMENT_TITLES:
            if e[key]:
                out += [f"**{label}**", "", *_kept_lines(e[key]), ""]
    return out
