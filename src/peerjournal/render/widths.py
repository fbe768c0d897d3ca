"""Column widths that more than one renderer uses, so their layouts agree.

Constants (and `help_width`) alone: importing it loads nothing else (`review` draws a self-check
with these without loading the supervision renderer).
"""

from __future__ import annotations

STATEMENT_MIN = 24  # narrower than this, a statement column is a word a line: stack instead
MIN_WIDTH = 20  # narrower than this nothing useful fits; Rich draws nothing at width 0
HELP_MAX = 78  # help wraps at the terminal's width, as Click does, but no wider than this
# and no narrower than this: Click's option table keeps 10 columns for the text beside options
# up to 30 wide, so narrower help spills over anyway (and is the terminal's to wrap)
HELP_MIN = 38


def help_width(columns: int) -> int:
    """The width `--help` wraps to on a terminal of `columns` (`COLUMNS` first): Click's own
    (two columns less, 78 at most) but down to a 40-column terminal's, where Click stops at
    50 and the terminal then breaks every line mid-word."""
    return min(max(columns - 2, HELP_MIN), HELP_MAX)
