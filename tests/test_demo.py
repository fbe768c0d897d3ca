"""`peerjournal demo`: a temporary journal with a believable story, and its report."""

from __future__ import annotations

import json
import re
import tempfile
from datetime import date
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.demo import load_demo_drafts

TODAY = date(2026, 11, 20)


def demo_path(stderr: str) -> Path:
    match = re.search(r"created at (\S+journal\.db)", stderr)
    assert match, stderr
    return Path(match.group(1))


def test_demo_entries_cover_twelve_weeks() -> None:
    drafts = load_demo_drafts(TODAY)
    assert 30 <= len(drafts) <= 60
    assert drafts[-1].date == TODAY
    assert (TODAY - drafts[0].date).days < 12 * 7
    assert {d.setting for d in drafts} >= {"community", "inpatient"}
    assert all(d.experience and d.feelings and d.evaluation for d in drafts)


def test_demo_never_touches_the_real_journal(cli: CLI, isolated: Path) -> None:
    result = cli("demo", "--json")
    assert result.exit_code == 0, result.stderr
    path = demo_path(result.stderr)
    try:
        assert path.exists()
        assert not path.is_relative_to(isolated)
        assert not any(isolated.rglob("*.db"))  # the writer's own journal was not created
        data = json.loads(result.stdout)
        assert data["totals"]["entries"] == len(load_demo_drafts(TODAY))
        # The story: drift on the inpatient placement (then the peer role found again there),
        # identity in the community.
        inpatient, community = data["settings"]["inpatient"], data["settings"]["community"]
        assert inpatient["balance"] < community["balance"] and community["balance"] > 0
        assert inpatient["drift"] > community["drift"]
        weeks = [p for p in data["periods"] if p["entries"]]
        middle = weeks[3:6]
        assert all(p["drift"] > p["identity"] for p in middle)
        assert weeks[-1]["balance"] > 0  # the peer role found again
        assert data["feelings"] and data["rhythm"]["days_since_last"] == 0
        listed = cli("--db", str(path), "list", "--json")
        # every entry: --json has no default limit (round 42); `list` shows the newest 20
        assert len(json.loads(listed.stdout)) == len(load_demo_drafts(TODAY))
    finally:
        for file in path.parent.iterdir():
            file.unlink()
        path.parent.rmdir()


def test_demo_prints_the_report(cli: CLI) -> None:
    result = cli("demo")
    assert result.exit_code == 0
    path = demo_path(result.stderr)
    try:
        assert "your own journal is untouched" in result.stderr
        assert "Practice report" in result.stdout and "inpatient" in result.stdout
    finally:
        for file in path.parent.iterdir():
            file.unlink()
        path.parent.rmdir()


def test_a_failing_demo_leaves_no_folder_behind(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    isolated.mkdir(exist_ok=True)
    (isolated / "config.toml").write_text('[drift]\nlexicon = "missing.toml"\n', encoding="utf-8")
    result = cli("demo")
    assert result.exit_code == 1 and "missing.toml" in result.stderr
    assert not any((tmp_path / "tmp").iterdir())


def test_the_demo_path_can_be_pasted_even_with_spaces(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spaced = tmp_path / "my temp"
    spaced.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spaced))
    result = cli("demo")
    assert result.exit_code == 0, result.stderr
    (folder,) = spaced.iterdir()
    assert f"peerjournal --db '{folder / 'journal.db'}' list" in result.stderr
