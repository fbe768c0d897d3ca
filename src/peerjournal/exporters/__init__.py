"""Summary writers behind one registry: `export --format NAME` picks one.

Each writer module defines `write(summary: dict) -> bytes`. Modules are imported only when
their format is asked for, so fpdf2 loads for PDF exports alone.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any


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
    from peerjournal.errors import PeerJournalError

    try:
        return FORMATS[name.strip().lower().lstrip(".")]
    except KeyError:
        raise PeerJournalError(
            f"Unknown format {name!r}: use one of {', '.join(FORMATS)}."
        ) from None
