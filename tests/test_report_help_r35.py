"""Round 35: `report --help` names every dimension -d takes."""

from __future__ import annotations

from conftest import CLI
from peerjournal.cli.report import DIMENSION_IDS
from peerjournal.drift.lexicon import DIMENSIONS


def test_report_help_lists_the_dimension_ids(cli: CLI) -> None:
    assert DIMENSION_IDS.split(", ") == list(DIMENSIONS)
    result = cli("report", "--help")
    assert result.exit_code == 0
    said = " ".join(result.stdout.replace("│", " ").split())
    assert all(dim in said for dim in DIMENSIONS), said
