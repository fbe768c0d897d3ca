"""Column widths that more than one renderer uses, so their layouts agree.

A module of constants alone: importing it loads nothing else (`review` draws a self-check
with these without loading the supervision renderer).
"""

from __future__ import annotations

STATEMENT_MIN = 24  # narrower than this, a statement column is a word a line: stack instead
