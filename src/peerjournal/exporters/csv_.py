"""CSV: one row per period with the numbers behind the trend (dimension columns included)."""

from __future__ import annotations

import csv
import io
from typing import Any

BASE = ("start", "end", "entries", "identity", "drift", "balance")


def write(summary: dict[str, Any]) -> bytes:
    periods = summary["periods"]
    dims = sorted({d for p in periods for d in p["dimensions"]})
    header = [*BASE, *(f"{d}_{pol}" for d in dims for pol in ("identity", "drift"))]
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(header)
    for p in periods:
        row = [p[k] for k in BASE]
        for d in dims:
            values = p["dimensions"].get(d, {})
            row.extend([values.get("identity"), values.get("drift")])
        out.writerow(["" if v is None else v for v in row])
    return buffer.getvalue().encode("utf-8")
