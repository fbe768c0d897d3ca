"""HTML: one self-contained, printable page.

Inline CSS and inline SVG only: no external URL of any kind (no fonts, images, links,
stylesheets or namespaces: inline SVG in HTML5 needs no xmlns), no script. All journal text
is HTML-escaped, so nothing in an entry can become markup. Journal text takes its direction
from its own first letters (`dir="auto"`, `<bdi>`): an entry in Arabic or Hebrew reads right to
left, with its punctuation where it belongs.
"""

from __future__ import annotations

from html import escape
from typing import Any

from peerjournal.exporters import common, svg
from peerjournal.exporters.writer_words import about_the_writer
from peerjournal.reviewing import directions_as_read_now

CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#222;max-width:46em;
margin:2em auto;padding:0 1em}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;border-bottom:1px solid #ccc;
margin-top:1.6em}h3{font-size:1em;margin-bottom:.2em}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #ccc;
padding:.25em .5em;text-align:left;vertical-align:top}td.n,th.n{text-align:right}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}
.warning{border:2px solid #b5462f;padding:.5em;font-weight:600}
blockquote{margin:.3em 0 .3em 1em;padding-left:.8em;border-left:3px solid #ccc;
white-space:pre-wrap}
.text{white-space:pre-wrap}.chart{max-width:100%;height:auto}.chart text{font-size:11px;fill:#444}
.small{font-size:.85em;color:#555}article{break-inside:avoid}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}.chart{break-inside:avoid}}
"""


def e(text: Any) -> str:
    return escape(str(text), quote=True)


def write(summary: dict[str, Any]) -> bytes:
    return page(summary).encode("utf-8")


def page(s: dict[str, Any]) -> str:
    body = [f"<h1>{e(common.title(s))}</h1>"]
    if not s["redacted"]:
        body.append(f'<p class="warning">{e(common.UNREDACTED)}</p>')
    body.append('<dl class="facts">')
    body += [f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in common.facts(s)]
    body.append("</dl>")
    glance = common.glance(s)
    if glance:
        body += [f"<h2>{e(common.GLANCE_TITLE)}</h2>", _list(e(line) for line in glance)]
    if s["note"]:
        body += ["<h2>Note from the writer</h2>",
                 f'<blockquote dir="auto">{e(s["note"])}</blockquote>']
    if s["alerts"]:
        body += ["<h2>Alerts</h2>", f'<p class="small">{e(common.alerts_note(s))}</p>',
                 _list(e(a["message"]) for a in s["alerts"])]
    if common.has_entries(s):
        body += _trend(s) + _dimensions(s) + _markers(s)
    if s["intentions"]:
        body += [f"<h2>{e(common.INTENTIONS_TITLE)}</h2>",
                 _list(f"{e(i['date'])}: <bdi>{e(i['text'])}</bdi>" for i in s["intentions"])]
    body += _selfcheck(s) + _entries(s)
    body.append(f'<p class="small">{e(common.data_note(s))}</p>')
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{e(common.title(s))}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _list(items: Any) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _table(header: list[str], rows: list[list[str]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    cls = [' class="n"' if n in numeric else "" for n in range(len(header))]
    head = "".join(f"<th{cls[n]}>{e(h)}</th>" for n, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(f"<td{cls[n]}>{e(c)}</td>" for n, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _trend(s: dict[str, Any]) -> list[str]:
    periods = s["periods"]
    if not periods:
        return []
    shown, cut = common.table_periods(s)
    rows = [
        [common.period_label(p), common.period_entries(p, short=False),
         common.number(p["identity"]), common.number(p["drift"]), common.balance(p["balance"], p)]
        for p in shown
    ]
    return [f"<h2>Trend by {e(s['period']['by'])}</h2>", svg.trend_chart(periods),
            f'<p class="small">{e(common.chart_note(s))}</p>',
            *([f'<p class="small">{e(cut)}</p>'] if cut else []),
            _table(["Period", "Entries", "Identity", "Drift", "Balance"], rows, {1, 2, 3, 4})]


def _dimensions(s: dict[str, Any]) -> list[str]:
    dims = s["dimensions"]
    if not dims:
        return []
    rows = [
        [about_the_writer(d["label"]),  # an organisation's "Your voice", as said of them
         common.dimension_cell(s, d, "identity"), common.dimension_cell(s, d, "drift")]
        for d in directions_as_read_now(s)["dimensions"]  # (no "steady" for a spike)
    ]
    glosses = "".join(f"<li><b>{e(label)}:</b> {e(gloss)}</li>"
                      for label, gloss in common.dimension_glosses(s))
    return ["<h2>Dimensions</h2>", svg.dimension_chart(common.said_of_the_writer(dims)),
            _table(["Dimension", "Identity", "Drift"], rows),
            f'<p class="small">{e(common.direction_note(s) + common.spike_note(s))}</p>',
            *([f'<p class="small">{e(common.GLOSS_TITLE)}:</p>'
               f'<ul class="small">{glosses}</ul>'] if glosses else [])]


def _markers(s: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for polarity, heading in common.POLARITY_TITLES.items():
        markers = s["markers"][polarity]
        if not markers:
            continue
        out.append(f"<h2>{e(heading)}</h2><ul>")
        for m in markers:
            quotes = "".join(_quote(x) for x in m["excerpts"])
            out.append(f"<li>{e(common.marker_line(m, s))}{quotes}</li>")
        out.append("</ul>")
    return out


def _quote(excerpt: dict[str, Any]) -> str:
    """A quoted marker, its date and whether the writer noticed it, in small print."""
    said = f"({excerpt['date']}) {common.quote_note(excerpt)}".strip()
    return (f'<blockquote dir="auto">{e(excerpt["text"])} <span class="small">{e(said)}</span>'
            "</blockquote>")


def _selfcheck(s: dict[str, Any]) -> list[str]:
    check = s["selfcheck"]
    if not check:
        return []
    rows = [[common.check_section(i["section"]), i["text"] or i["id"],
             common.table_score(i["score"]), i["note"]]
            for i in check["items"]]
    return [f"<h2>{e(common.check_title(s))}</h2>", f'<p class="small">{e(common.CHECK_NOTE)}</p>',
            _table(["Section", "Item", "Score", "Note"], rows)]


def _entries(s: dict[str, Any]) -> list[str]:
    if not s["shared_entries"]:
        return []
    out = ["<h2>Shared entries</h2>"]
    for entry in s["shared_entries"]:
        out.append(f"<article><h3>{e(common.entry_heading(entry))}</h3>")
        for key, label in common.ELEMENT_TITLES:
            if entry[key]:
                out.append(f"<p><strong>{e(label)}</strong></p>"
                           f'<p class="text" dir="auto">{e(entry[key])}</p>')
        out.append("</article>")
    return out
