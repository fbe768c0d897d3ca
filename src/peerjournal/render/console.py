"""Consoles with markup and highlighting off, so journal text prints exactly as written."""

from __future__ import annotations

import sys

from rich.console import Console


def make_console(*, stderr: bool) -> Console:
    # Rich honours NO_COLOR, FORCE_COLOR, TERM=dumb and COLUMNS by itself.
    return Console(
        file=sys.stderr if stderr else sys.stdout,
        markup=False,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
