"""A progress bar on stderr for long jobs (it disappears when it is done)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import Progress


@contextmanager
def progress_bar(total: int, label: str, console: Console) -> Iterator[Callable[[int], None]]:
    """Yields `advance(n)`; the bar shows only on a terminal and only for `total` > 0."""
    off = total <= 0 or not console.is_terminal  # else a blank line is left in a log or a pipe
    with Progress(console=console, transient=True, disable=off) as progress:
        task = progress.add_task(label, total=total)
        yield lambda n: progress.advance(task, n)
