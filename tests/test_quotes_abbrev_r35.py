"""Round 35: a summary's marker quotes are not cut at the full stop of "Dr.", "Mrs." or "e.g."
(`intentions.sentence_ends`): "I told Mrs." was quoted as its own sentence."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

CLI = Callable[..., Any]
Add = Callable[..., int]


def test_a_quote_runs_past_a_title_to_the_sentence_end(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    add("A long day. I told Mrs. Smith she should take her meds, e.g. the new ones. Then home.",
        "--share")
    out = tmp_path / "s.json"
    assert cli("export", "--yes", "-o", str(out)).exit_code == 0
    quotes = [q["text"] for m in json.loads(out.read_text())["markers"]["drift"]
              for q in m["excerpts"]]
    assert quotes == ["I told Mrs. Smith she should take her meds, e.g. the new ones."]
