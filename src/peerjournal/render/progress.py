"""A progress bar on stderr for long jobs (it disappears when it is done)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import Progress


@contextmanager
def progress_bar(total: int, label: str, console: Console) -> Iterator[Callable[[int], None]]:
    """Yields `advance(n)`; the bar shows only on a terminal and only for `total` > 0.

    It is redrawn by `advance`, never by a thread of its own: scoring forks worker processes
    while the bar is shown, and a thread holding a lock (stderr's) at that moment would leave
    it held forever in the worker, which then hangs writing to stderr as it exits."""
    # else a blank line is left in a log or a pipe, or on a dumb terminal (TERM=dumb: Rich
    # draws no bar there, but leaves the line it would have drawn, read out as "blank")
    off = total <= 0 or not console.is_terminal or console.is_dumb_terminal
    with Progress(console=console, transient=True, disable=off, auto_refresh=False) as progress:
        task = progress.add_task(label, total=total)

        def advance(n: int) -> None:
            progress.advance(task, n)
            progress.refresh()

        yield advance
