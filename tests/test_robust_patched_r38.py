"""Round 38 (QA qa_robust.md 1, 2, 3), with robust's patches to supervision.py,
cli/supervision.py, cli/saved.py and cli/edit.py applied: `supervision check --answers` with
a number thousands of digits long is one line; `supervision done`/`undo` --json to a full
stdout succeed and say so; an entry saved with a setting now refused can still be edited."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC

HUGE = "9" * 5000


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [("a.json", '{"story": ' + HUGE + "}", "JSON"), ("a.toml", f"story = {HUGE}\n", "TOML")],
)
def test_answers_with_a_huge_number_are_one_line(
    cli: CLI, tmp_path: Path, name: str, text: str, kind: str
) -> None:
    answers = tmp_path / name
    answers.write_text(text, encoding="utf-8")
    result = cli("supervision", "check", "--answers", str(answers))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {answers}: not valid {kind} (a number in it is thousands of digits "
        "long).\n"
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_supervision_done_and_undo_to_a_full_stdout_succeed(cli: CLI) -> None:
    env = {**os.environ, "PYTHONPATH": SRC}
    said = []
    for args in (("done", "-d", "2026-11-19", "--json"), ("undo", "-y", "--json")):
        with open("/dev/full", "wb") as full:
            run = subprocess.run([sys.executable, "-m", "peerjournal", "supervision", *args],
                                 env=env, stdout=full, stderr=subprocess.PIPE, timeout=120,
                                 check=False)
        assert run.returncode == 0, run.stderr
        said.append(run.stderr.decode())
    assert "Recorded a supervision on" in said[0] and "(#1), but it could not be printed" in (
        said[0]
    )
    assert "Removed the supervision on" in said[1] and "(No space left on device)" in said[1]
    history: dict[str, Any] = json.loads(cli("supervision", "history", "--json").stdout)
    assert history["supervisions"] == []


def test_an_entry_saved_with_a_setting_now_refused_can_still_be_edited(
    cli: CLI, isolated: Path, add: Any
) -> None:
    entry_id = add("We walked to the shop.")
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("UPDATE entry SET setting = ',' WHERE id = ?", (entry_id,))
    assert cli("edit", str(entry_id), "-f", "Calmer now.").exit_code == 0
    shown = json.loads(cli("show", str(entry_id), "--json").stdout)
    assert (shown["setting"], shown["feelings"]) == (",", "Calmer now.")
    refused = cli("edit", str(entry_id), "-s", ",,")
    assert refused.exit_code == 1 and "Not a usable setting" in refused.stderr
