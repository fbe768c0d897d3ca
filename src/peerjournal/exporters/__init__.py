"""Summary writers behind one registry: `export --format NAME` picks one.

Each writer module defines `write(summary: dict) -> bytes`. Modules are imported only when
their format is asked for, so fpdf2 loads for PDF exports alone.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

# The words for a period's balance made only of entries with too little evidence to say
# either way (`too_little`: `common.too_little_note` says why): `report`, `supervision prep`,
# `review` and the summary's writers show it instead of the number. It lives here, where
# nothing is imported, so a renderer needs none of the exporters' modules. One entry's verdict
# ("insufficient") reads "not enough signal" everywhere, `list` too (`render.verdicts`).
TOO_LITTLE = "too little"


@dataclass(frozen=True)
class Format:
    name: str
    extension: str
    module: str
    description: str

    def write(self, summary: dict[str, Any]) -> bytes:
        writer = importlib.import_module(f"peerjournal.exporters.{self.module}")
        data: bytes = writer.write(summary)
        return data


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("md", ".md", "markdown", "Markdown, readable in any viewer"),
        Format("html", ".html", "html", "one self-contained, printable page"),
        Format("pdf", ".pdf", "pdf", "a short report with a table and charts"),
        Format("json", ".json", "json_", "schema peerjournal.summary/1, what `review` reads"),
        Format("csv", ".csv", "csv_", "the per-period numbers"),
    )
}


def get_format(name: str) -> Format:
    """The format `name` ("pdf", ".PDF") names; an unknown or empty one is a usage error (of
    `export --format`), naming the formats there are."""
    from peerjournal.errors import ExitCode, PeerJournalError
    from peerjournal.plural import joined
    from peerjournal.textsafe import quoted

    key = name.strip().lower().lstrip(".")
    if key in FORMATS:
        return FORMATS[key]
    what = f"Unknown format {quoted(name)}" if key else "--format needs a format"
    raise PeerJournalError(f"{what}: use one of {joined(list(FORMATS), 'or')}.", ExitCode.USAGE)
