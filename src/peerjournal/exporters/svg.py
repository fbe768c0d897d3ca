"""Inline SVG charts for the HTML summary: no fonts, links or scripts, readable in print.

Colour is never the only carrier: identity is a solid line with round points, drift a dashed
line with square points, and both are named in the legend.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from peerjournal.exporters import common

IDENTITY = "#1b7a5a"
DRIFT = "#b5462f"


def _segments(points: Sequence[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Split a series at gaps (empty periods) so a line never bridges missing data."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in points:
        if point is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(point)
    return [r for r in runs if r]


def trend_chart(periods: Sequence[dict[str, Any]], width: int = 640, height: int = 220) -> str:
    """Identity and drift per period as two lines over a shared scale."""
    if not periods:
        return ""
    # room either side for half a centred date under the first and last points ("2026-11-30")
    left, right, top, bottom = 40, 36, 24, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [p[k] for p in periods for k in ("identity", "drift") if p[k] is not None]
    high = max([*values, 1.0])
    step = plot_w / max(1, len(periods) - 1)

    def xy(n: int, value: float | None) -> tuple[float, float] | None:
        if value is None or not periods[n]["entries"]:
            return None
        x = left + (n * step if len(periods) > 1 else plot_w / 2)
        return round(x, 1), round(top + plot_h - value / high * plot_h, 1)

    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="trend-title">',
        '<title id="trend-title">Peer identity and peer drift per period</title>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" '
        'stroke="#888"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#888"/>',
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end">{high:.1f}</text>',
        f'<text x="{left - 6}" y="{top + plot_h + 4}" text-anchor="end">0</text>',
    ]
    label_every = max(1, len(periods) // 6)
    for n, period in enumerate(periods):
        if n % label_every == 0:
            x = left + (n * step if len(periods) > 1 else plot_w / 2)
            parts.append(
                f'<text x="{x:.1f}" y="{height - 18}" text-anchor="middle">'
                f"{escape(common.axis_label(period, periods))}</text>"
            )
    for key, colour, dash, shape in (
        ("identity", IDENTITY, "", "circle"),
        ("drift", DRIFT, ' stroke-dasharray="6 4"', "square"),
    ):
        points = [xy(n, p[key]) for n, p in enumerate(periods)]
        for run in _segments(points):
            coords = " ".join(f"{x},{y}" for x, y in run)
            parts.append(
                f'<polyline points="{coords}" fill="none" stroke="{colour}" '
                f'stroke-width="2"{dash}/>'
            )
        for point in points:
            if point is None:
                continue
            x, y = point
            if shape == "circle":
                parts.append(f'<circle cx="{x}" cy="{y}" r="3.5" fill="{colour}"/>')
            else:
                parts.append(
                    f'<rect x="{x - 3.5}" y="{y - 3.5}" width="7" height="7" fill="{colour}"/>'
                )
    parts += [
        f'<line x1="{left}" y1="10" x2="{left + 24}" y2="10" stroke="{IDENTITY}" '
        'stroke-width="2"/>',
        f'<text x="{left + 30}" y="14">identity</text>',
        f'<line x1="{left + 110}" y1="10" x2="{left + 134}" y2="10" stroke="{DRIFT}" '
        'stroke-width="2" stroke-dasharray="6 4"/>',
        f'<text x="{left + 140}" y="14">drift (per 100 words)</text>',
        "</svg>",
    ]
    return "\n".join(parts)


def dimension_chart(dimensions: Sequence[dict[str, Any]], width: int = 640) -> str:
    """Diverging bars: drift to the left of the axis, identity to the right."""
    if not dimensions:
        return ""
    row_h, label_w = 22, 170
    height = row_h * len(dimensions) + 30
    axis = label_w + (width - label_w) / 2
    half = (width - label_w) / 2 - 10
    scale = max([1.0, *(d[k] or 0.0 for d in dimensions for k in ("identity", "drift"))])
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        'aria-labelledby="dim-title">',
        '<title id="dim-title">Drift (left) and identity (right) by dimension</title>',
        f'<text x="{axis - 8}" y="14" text-anchor="end">◀ drift</text>',
        f'<text x="{axis + 8}" y="14">identity ▶</text>',
    ]
    for n, dim in enumerate(dimensions):
        y = 24 + n * row_h
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end">{escape(dim["label"])}</text>'
        )
        drift = (dim["drift"] or 0.0) / scale * half
        identity = (dim["identity"] or 0.0) / scale * half
        if drift:
            parts.append(
                f'<rect x="{axis - drift:.1f}" y="{y + 3}" width="{drift:.1f}" height="14" '
                f'fill="{DRIFT}" fill-opacity="0.55" stroke="{DRIFT}"/>'
            )
        if identity:
            parts.append(
                f'<rect x="{axis:.1f}" y="{y + 3}" width="{identity:.1f}" height="14" '
                f'fill="{IDENTITY}"/>'
            )
    parts += [
        f'<line x1="{axis}" y1="20" x2="{axis}" y2="{height - 4}" stroke="#555"/>',
        "</svg>",
    ]
    return "\n".join(parts)
