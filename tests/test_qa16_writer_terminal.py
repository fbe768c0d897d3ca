"""The guided write on a real terminal (a pseudo-terminal), where the terminal's own line
reading applies: what a writer pastes or types with the arrow keys reaches the entry intact."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")


def _write_on_a_terminal(keys: list[bytes]) -> str:
    """Run `peerjournal write` on a pseudo-terminal, typing each chunk of `keys` after a pause;
    returns everything the terminal showed."""
    controller, terminal = os.openpty()
    src = Path(__file__).resolve().parents[1] / "src"
    env = {**os.environ, "PYTHONPATH": str(src), "TERM": "xterm"}
    process = subprocess.Popen(
        [sys.executable, "-m", "peerjournal", "write"],
        stdin=terminal, stdout=terminal, stderr=terminal, env=env, close_fds=True,
    )
    os.close(terminal)
    shown = b""

    def read_for(seconds: float, until: bytes = b"") -> None:
        nonlocal shown
        end = time.monotonic() + seconds
        while time.monotonic() < end and not (until and until in shown):
            ready, _, _ = select.select([controller], [], [], 0.05)
            if ready:
                try:
                    shown += os.read(controller, 65536)
                except OSError:  # the program has exited
                    return

    try:
        read_for(20.0, until=b"Enter to skip):")  # the first prompt
        for chunk in keys:
            for start in range(0, len(chunk), 1000):  # as a terminal delivers a paste
                os.write(controller, chunk[start : start + 1000])
            read_for(0.25)
        process.wait(timeout=60)
        read_for(0.2)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(controller)
    assert process.returncode == 0, shown.decode("utf-8", "replace")[-2000:]
    return shown.decode("utf-8", "replace")


def _stored(home: Path) -> dict[str, object]:
    import sqlite3

    with sqlite3.connect(home / "journal.db") as conn:
        experience, feelings = conn.execute("SELECT experience, feelings FROM entry").fetchone()
    return {"experience": experience, "feelings": feelings}


def test_a_long_pasted_paragraph_and_the_arrow_keys_reach_the_entry_intact(
    isolated: Path, journal_template: Path,
) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(journal_template, isolated / "journal.db")  # no migration in the child
    # One pasted paragraph of 6,000 characters used to be cut at 4,095 by the terminal;
    # the left arrow typed "\x1b[D" into the entry instead of moving the cursor.
    paragraph = " ".join(f"w{n:04d}" for n in range(1000))
    keys = [
        b"\r",  # setting: skipped
        paragraph.encode() + b"\r\rA second paragraph.\r",  # pasted at once
        b"We sat\x1b[D\x1b[Dtogether\r",  # two left arrows, then more typing
        b"\r",  # a blank line ends the experience
        *[b"\r"] * 6,  # feelings, its question, evaluation, its question, tags, self-care
        b"y\r",
    ]
    shown = _write_on_a_terminal(keys)
    assert "Save this entry?" in shown
    entry = _stored(isolated)
    assert entry["experience"] == (
        f"{paragraph}\n\nA second paragraph.\nWe stogetherat"
    )
    assert entry["feelings"] == ""
    assert json.dumps(entry).count("\\u001b") == 0
