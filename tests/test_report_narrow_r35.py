"""Round 35: at 40 columns the "What changed" rows wrap instead of being cut, so each still
says which marker moved and whether it is identity or drift."""

from __future__ import annotations

import re

import pytest

from conftest import CLI

BEFORE = ("I told him he should take his medication and follow the treatment plan. He presented "
          "as non-compliant and I reminded him of his care plan. I checked he took his meds.")
NOW = ("I shared my own story of recovery with Sam and we learned from each other. I sat with "
       "him and listened. We talked about what he hopes for, and he chose what to do next.")


def _changes(text: str) -> list[str]:
    """The rows of "What changed", a row's wrapped lines joined to it."""
    part = text.split("What changed", 1)[1].split("\n\n", 1)[0]
    rows: list[str] = []
    for line in part.splitlines()[1:]:
        if re.match(r"\S+ (rose|fell)", line):
            rows.append(line)
        elif rows and line.startswith(" "):
            rows[-1] += " " + line
    return [" ".join(r.split()) for r in rows]


@pytest.mark.parametrize("columns", ["40", "100"])
def test_what_changed_rows_say_identity_or_drift_at_any_width(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    # (round 41: 300 scored words in each window, the least "What changed" compares)
    for day in ("2026-07-06", "2026-07-13", "2026-07-20"):
        assert cli("write", "-x", " ".join([BEFORE] * 4), "-d", day).exit_code == 0
    for day in ("2026-11-02", "2026-11-09", "2026-11-16"):
        assert cli("write", "-x", " ".join([NOW] * 4), "-d", day).exit_code == 0
    monkeypatch.setenv("COLUMNS", columns)
    result = cli("report")
    assert result.exit_code == 0, result.stderr
    assert all(len(line) <= int(columns) for line in result.stdout.splitlines())
    rows = _changes(result.stdout)
    assert len(rows) >= 3, result.stdout
    for row in rows:  # was at 40: "↑ rose  recovery story (ide…   4.04 6.52"
        assert "…" not in row
        assert re.search(r"\((identity|drift)\) [\d.]+ [\d.]+$", row) or re.search(
            r"[\d.]+ [\d.]+ .*\((identity|drift)\)$", row
        ), row
