"""Round 45 (QA: draft numbers shifted under the message that named them).

1. A self-check's kept answers are named by their file's path, which a later one does not
   take: the first message's command still saves the first answers. (The numbered drafts'
   shift is not fixed this round: see /tmp/r45/reports/fix_drafts.md.)
2. An editor's own stdout (ed prints the bytes it wrote) never lands in the command's stdout
   when that is no terminal: it goes to stderr.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, SRC, Keys
from test_editor_drafts_r29 import said
from test_inputs_r26 import locked  # noqa: F401 (a fixture)


def _at(monkeypatch: pytest.MonkeyPatch, minute: int) -> None:
    """The clock at 18:`minute` on the tests' day: drafts kept later are started later."""
    monkeypatch.setenv("PEERJOURNAL_NOW", f"2026-11-20T18:{minute:02d}:00+00:00")


# -- 1. a self-check's answers file: named by its path -------------------------------------


def test_a_self_checks_kept_answers_stay_where_the_message_named_them(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, keys: Callable[..., Keys],
    locked: sqlite3.Connection,  # noqa: F811 (the fixture)
) -> None:
    """An answers file is named by its path, which a later one does not take: the first
    message's command saves the first answers."""
    keys("4", "the first note", "q")
    first = cli("supervision", "check")
    assert first.exit_code == 4
    _at(monkeypatch, 40)
    keys("2", "the second note", "q")
    second = cli("supervision", "check")
    assert second.exit_code == 4
    command = "`peerjournal supervision check --answers "
    path = said(first).split(command)[1].split("`")[0]
    other = said(second).split(command)[-1].split("`")[0]  # (after it names the first)
    assert path in said(second)
    assert path != other
    listed = said(cli("drafts"))
    assert listed.index(path) < listed.index(other)  # (oldest first, as the drafts)
    locked.execute("ROLLBACK")
    saved = cli("supervision", "check", "--answers", path)
    assert saved.exit_code == 0, saved.stderr
    [check] = json.loads(cli("export", "--full").stdout)["self_checks"]
    assert [(a["score"], a["note"]) for a in check["answers"].values()] == [
        (4, "the first note")
    ]
    assert Path(other).exists()


# -- 2. an editor's stdout ----------------------------------------------------------------------


def test_an_editors_own_output_is_not_on_stdout(isolated: Path, tmp_path: Path) -> None:
    """As `EDITOR=ed` prints the bytes it wrote ("1292"): on stderr, never in the data."""
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys\nopen(sys.argv[-1], 'w').write('We sat and talked about the week.')\n"
        "print(1292)\n", encoding="utf-8",
    )
    env = {"PEERJOURNAL_HOME": str(isolated), "PEERJOURNAL_NOW": "2026-11-20T18:30:00+00:00",
           "PYTHONPATH": SRC, "EDITOR": f"{sys.executable} {editor}", "NO_COLOR": "1",
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "peerjournal", "write", "--editor", "--json"],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "1292" in done.stderr
    assert json.loads(done.stdout)["id"] == 1
