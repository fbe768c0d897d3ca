"""Pure-string charts: sparklines and diverging bars.

No Rich here: these return plain strings (or plain parts of a string) that render modules
colour. Every chart has an ASCII form for consoles that cannot show block characters; callers
decide which to use with `unicode_ok(console.encoding)`. Colour is never the only carrier of
meaning: gaps are blanks and the two sides of a diverging bar use different glyphs.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

SPARK_BLOCKS = "▁▂▃▄▅▆▇█"
SPARK_ASCII = "_.-~=+*#"
GAP = " "


def unicode_ok(encoding: str | None) -> bool:
    """True when an output encoding can carry block and box characters."""
    return bool(encoding) and "utf" in str(encoding).lower()


def _present(values: Sequence[float | None]) -> list[float]:
    return [v for v in values if v is not None and math.isfinite(v)]


def sparkline(
    values: Sequence[float | None],
    *,
    lo: float | None = None,
    hi: float | None = None,
    ascii_only: bool = False,
) -> str:
    """One character per value; None (an empty period) is a blank gap, never dropped.

    The scale runs from `lo` (default: the smaller of 0 and the lowest value, so rates are
    drawn against zero) to `hi` (default: the highest value). A flat series of zeros is the
    lowest glyph; a flat non-zero series sits at the top, since each value equals the max.
    """
    glyphs = SPARK_ASCII if ascii_only else SPARK_BLOCKS
    present = _present(values)
    if not present:
        return GAP * len(values)
    low = min(0.0, min(present)) if lo is None else lo
    high = max(present) if hi is None else hi
    span = high - low
    top = len(glyphs) - 1
    out = []
    for value in values:
        if value is None or not math.isfinite(value):
            out.append(GAP)
            continue
        if span <= 0:
            level = 0 if value <= 0 else top
        else:
            clamped = min(max(value, low), high)
            level = round((clamped - low) / span * top)
        out.append(glyphs[level])
    return "".join(out)


@dataclass(frozen=True)
class DivergingBar:
    """A bar around a central axis, split into parts so a renderer can colour each side.

    `left` grows leftwards from the axis, `right` grows rightwards; the pads keep every bar
    from one call the same width, so bars line up in a column.
    """

    left_pad: str
    left: str
    axis: str
    right: str
    right_pad: str

    def __str__(self) -> str:
        return self.left_pad + self.left + self.axis + self.right + self.right_pad

    @property
    def width(self) -> int:
        return len(str(self))


def _cells(value: float, scale: float, half_width: int) -> int:
    if value <= 0 or scale <= 0 or not math.isfinite(value):
        return 0
    cells = round(value / scale * half_width)
    return max(1, min(half_width, cells))  # anything above zero stays visible


def diverging_bar(
    left: float,
    right: float,
    *,
    scale: float,
    half_width: int,
    ascii_only: bool = False,
    left_glyph: str | None = None,
    right_glyph: str | None = None,
) -> DivergingBar:
    """Draw `left` and `right` (both >= 0) on either side of an axis.

    `scale` is the value that fills a whole side (use the largest value in the column so
    rows are comparable). Any value above zero shows at least one cell. Defaults use
    different glyphs per side ("░" / "█", ASCII "-" / "#") so the bar reads without colour.
    """
    if half_width < 1:
        raise ValueError("half_width must be at least 1")
    lg = left_glyph or ("-" if ascii_only else "░")
    rg = right_glyph or ("#" if ascii_only else "█")
    n_left = _cells(left, scale, half_width)
    n_right = _cells(right, scale, half_width)
    return DivergingBar(
        left_pad=" " * (half_width - n_left),
        left=lg * n_left,
        axis="|" if ascii_only else "│",
        right=rg * n_right,
        right_pad=" " * (half_width - n_right),
    )


def empty_bar(half_width: int, *, ascii_only: bool = False) -> DivergingBar:
    """The axis alone: an empty period shown as a gap, at the same width as real bars."""
    return diverging_bar(0.0, 0.0, scale=1.0, half_width=half_width, ascii_only=ascii_only)
