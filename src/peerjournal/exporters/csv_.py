"""CSV: one row per period with the numbers behind the trend (dimension columns included).

Each row opens with what the whole file covers (`summary_since`, `summary_until`) and whether
it was exported redacted (`redacted`, as the JSON summary's field): the first thing a mentor
sees in a spreadsheet, still there after the rows are sorted, filtered or pasted beside
another mentee's, and no line above the header for a CSV reader to trip on. The file holds
numbers alone, never journal text. `words` (each period's scored words) is what the rates are
per 100 of: a mentor pools periods by it (the summary's totals), not by averaging the rates.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from peerjournal.exporters import common

ABOUT = ("summary_since", "summary_until", "redacted")
BASE = ("start", "end", "entries", "identity", "drift", "balance")  # (`review` knows a CSV by them)
PERIOD = (*BASE, "words")


def write(summary: dict[str, Any]) -> bytes:
    periods = summary["periods"]
    dims = sorted({d for p in periods for d in p["dimensions"]})
    header = [*ABOUT, *PERIOD, *(f"{d}_{pol}" for d in dims for pol in ("identity", "drift"))]
    about = [summary["period"]["since"], summary["period"]["until"],
             "true" if summary["redacted"] else "false"]
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(header)
    for p in periods:
        # (a "too little" period's balance says so, as the other formats do: `common.balance`)
        row = [common.TOO_LITTLE if k == "balance" and p.get("too_little") else p.get(k)
               for k in PERIOD]
        for d in dims:
            values = p["dimensions"].get(d, {})
            row.extend([values.get("identity"), values.get("drift")])
        out.writerow([*about, *("" if v is None else v for v in row)])
    return buffer.getvalue().encode("utf-8")
