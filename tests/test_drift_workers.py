"""Scoring in worker processes while a progress bar is shown (import, drift --rescore): no
thread is running when the workers are forked, and the pool can always end its workers.

A 20k import once waited forever at its end for a worker stuck in a lock: a lock held by the
progress bar's refresh thread at the moment of the fork stays held in the worker, and the
worker's inherited SIGTERM handler (Python code) never ran while it was blocked in C."""

from __future__ import annotations

import io
import signal
import threading
from collections.abc import Iterator

import pytest
from rich.console import Console

from peerjournal.drift.score import _ignore_interrupts
from peerjournal.render.progress import progress_bar


@pytest.fixture
def handlers() -> Iterator[None]:
    saved = {n: signal.getsignal(n) for n in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    yield
    for number, handler in saved.items():
        signal.signal(number, handler)


def test_the_progress_bar_draws_without_a_thread_of_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TERM", "xterm")  # (the tests' terminal is dumb: no bar is drawn)
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=60)
    threads = threading.active_count()
    with progress_bar(10, "Re-scoring", console) as advance:
        assert threading.active_count() == threads
        advance(4)
        assert "Re-scoring" in out.getvalue() and "40%" in out.getvalue()
        advance(6)
        assert "100%" in out.getvalue()
    assert threading.active_count() == threads


def test_a_worker_ends_at_once_on_sigterm_and_leaves_ctrl_c_to_the_parent(
    handlers: None,
) -> None:
    def launcher_handler(signum: int, frame: object) -> None:  # as launcher installs
        raise KeyboardInterrupt

    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, launcher_handler)
    _ignore_interrupts()  # the pool's initializer, in each worker
    assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
    assert signal.getsignal(signal.SIGHUP) == signal.SIG_DFL
