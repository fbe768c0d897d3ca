"""Round 27 (QA): an entry's 'date' that is there but not text is not called missing, and a
date in the right form naming no day says so (digits only, so it can be shown)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CLI


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (20261101, "'date' should be text such as \"2026-11-01\" (YYYY-MM-DD)."),
        (["2026-11-01"], "'date' should be text such as \"2026-11-01\" (YYYY-MM-DD)."),
        (None, "'date' is missing (use YYYY-MM-DD)."),
        ("2026-11-31", "'date' 2026-11-31 is no day of the calendar."),
        ("Sam said 2026-11-01", "'date' is not a YYYY-MM-DD date."),  # text: never shown
    ],
)
def test_a_bad_date_is_named_for_what_it_is(
    cli: CLI, tmp_path: Path, value: object, problem: str
) -> None:
    path = tmp_path / "entries.json"
    path.write_text(json.dumps([{"date": value, "experience": "We walked."}]), encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"peerjournal: {path}: record 1: {problem} Nothing was imported.\n"
    assert json.loads(cli("list", "--json").stdout) == []
