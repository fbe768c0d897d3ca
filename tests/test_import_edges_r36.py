"""A backup's self-check dated at the calendar's first or last hour: import's future check
read its day in the local zone, which overflowed (exit 70 with a traceback's OverflowError)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CLI

CHECK = {"id": 1, "complete": True, "answers": {"story": {"score": 4, "note": ""}}}


def _backup(tmp_path: Path, created_at: str) -> Path:
    path = tmp_path / "b.json"
    data = {"schema": "peerjournal.backup/1", "entries": [],
            "self_checks": [{**CHECK, "created_at": created_at}]}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_self_check_at_the_calendars_end_is_refused_as_future(cli: CLI, tmp_path: Path) -> None:
    result = cli("import", str(_backup(tmp_path, "9999-12-31T23:59:59-12:00")))
    assert result.exit_code == 1, result.stderr
    assert "self-check 1: 'created_at' is 9999-12-31, in the future" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("stamp", ["0001-01-01T00:00:00+14:00", "0001-01-01T00:30:00+00:00"])
def test_a_self_check_at_the_calendars_start_is_imported(
    cli: CLI, tmp_path: Path, stamp: str
) -> None:
    result = cli("import", str(_backup(tmp_path, stamp)))
    assert result.exit_code == 0, result.stderr
    history = json.loads(cli("supervision", "history", "--json").stdout)
    assert [c["created_at"] for c in history["check_ins"]] == [stamp]

