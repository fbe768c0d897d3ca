"""Round 41, access: `review`'s trend gives each period's balance as a number, and no sparkline
in plain text; `--help` wraps to a narrow terminal; `report`'s tables have a rule of "-" in
plain text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def _summary(cli: CLI, add: Callable[..., int], tmp_path: Path) -> Path:
    for day in ("2026-11-02", "2026-11-03", "2026-11-10", "2026-11-17"):
        add("I shared my story and we talked about hope and his choices.", "--date", day)
    out = tmp_path / "summary.json"
    ok(cli("export", "--format", "json", "--yes", "--since", "2026-11-01", "-o", str(out)))
    return out


def _trend(out: str) -> str:
    return out.split("Trend by week", 1)[1].split("\nDimensions", 1)[0]


@pytest.mark.parametrize("columns", ["40", "80", "120"])
def test_review_trend_gives_the_balance_as_a_number_and_no_sparkline_when_plain(
    cli: CLI, add: Callable[..., int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    columns: str,
) -> None:
    """It was drawn only as shade and block characters (none at all at 40 columns), which a
    screen reader spells out; `report` and the Markdown export have the number."""
    summary = _summary(cli, add, tmp_path)
    monkeypatch.setenv("COLUMNS", columns)
    trend = _trend(ok(cli("review", str(summary))).stdout)
    assert "+1.00" in trend, trend
    assert "Balance" in trend or "balance +1.00" in trend, trend
    assert not set("▁▂▃▄▅▆▇") & set(trend), trend
    assert all(len(line) <= int(columns) for line in trend.splitlines()), trend


def test_review_trend_in_a_narrow_terminal_keeps_its_sparkline(
    cli: CLI, add: Callable[..., int], tmp_path: Path, colour_terminal: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    summary = _summary(cli, add, tmp_path)
    monkeypatch.setenv("COLUMNS", "40")
    trend = _trend(ok(cli("review", str(summary))).stdout)
    assert "balance +1.00" in trend and set("▁▂▃▄▅▆▇█") & set(trend), trend


def test_review_trend_at_80_columns_keeps_each_period_on_one_line(
    cli: CLI, add: Callable[..., int], tmp_path: Path, colour_terminal: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    summary = _summary(cli, add, tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    trend = _trend(ok(cli("review", str(summary))).stdout)
    assert "2026-11-02 – 2026-11-08" in trend and "Balance" in trend, trend


@pytest.mark.parametrize("args", [(), ("drift",), ("write",), ("export",)])
def test_help_wraps_to_a_40_column_terminal(
    monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """Help was wrapped at 50 whatever COLUMNS said: the terminal broke its lines mid-word
    ("identity or drift toward a clinical ro|le"); a command's short help is whole."""
    from typer.testing import CliRunner

    from peerjournal.cli import build_app

    monkeypatch.setenv("COLUMNS", "40")
    result = CliRunner().invoke(build_app(), [*args, "--help"])
    assert result.exit_code == 0
    # (an example command line is kept whole, to copy)
    prose = [line for line in result.stdout.splitlines()
             if not line.lstrip().startswith("peerjournal ")]
    assert all(len(line.rstrip()) <= 40 for line in prose), result.stdout
    assert not [line for line in prose if line.endswith((",...", " ..."))], result.stdout


def test_help_on_a_wide_terminal_is_as_wide_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from peerjournal.cli import build_app

    monkeypatch.setenv("COLUMNS", "200")
    out = CliRunner().invoke(build_app(), ["--help"]).stdout
    assert max(len(line) for line in out.splitlines()) <= 78
    assert "  list         List entries, newest first." in out


def test_report_tables_in_plain_text_have_a_rule_of_dashes(
    cli: CLI, add: Callable[..., int]
) -> None:
    for day in ("2026-11-02", "2026-11-10", "2026-11-17"):
        add("I shared my story and we talked about hope and his choices.", "--date", day)
    lines = ok(cli("report")).stdout.splitlines()
    header = next(k for k, line in enumerate(lines) if line.startswith("Week"))
    rule = lines[header + 1]
    assert "---" in rule and set(rule) <= {"-", " "}
