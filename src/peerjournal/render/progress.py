"""A progress bar on stderr for long jobs (it disappears when output is not a terminal)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from rich.console import Console
from rich.progress import track as rich_track

T = TypeVar("T")


def track(items: Sequence[T], label: str, console: Console) -> Iterable[T]:
    return rich_track(items, description=label, console=console, transient=True, total=len(items))
