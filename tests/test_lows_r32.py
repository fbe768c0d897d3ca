"""Round 32, low findings: a kept quick entry is listed as "quick" (it said "guided"); the
drafts list reads at 40 columns (its rows wrapped); a report whose drift scores could not be
read says so (it said they were not scored "yet"); the words-to-check line of an export says
"capitalised words" only when every word it names is capitalised."""

from __future__ import annotations

import io
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from conftest import CLI, CTRL_C, Keys
from peerjournal.render.report import print_report
from test_data_safety_r31 import _damaged
from test_names_r25 import _preview, _share

QUICK = "Sat with Jo at the drop-in; we talked about the housing forms for an hour."


def _kept_quick(cli: CLI, isolated: Path) -> Path:
    """`write -x` whose save failed (a mode that is no mode): the entry kept as a draft."""
    assert cli("write", "-x", QUICK, "--mode", "bogus").exit_code == 1
    [kept] = (isolated / "drafts").glob("kept-*.json")
    return kept


def _guided(cli: CLI, keys: Callable[..., Keys]) -> None:
    keys("community", "We walked to the shop with Sam.", "", CTRL_C)  # a guided draft
    assert cli("write").exit_code == 130


def _aged(draft: Path, minutes: int) -> None:
    """Make `draft` `minutes` old: its age ("10 minutes ago") is read from the clock."""
    then = time.time() - minutes * 60
    os.utime(draft, (then, then))


# -- 1. a kept quick entry is "quick" ------------------------------------------------------


def test_a_kept_quick_entry_is_listed_as_quick_and_resumes_as_before(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    """Before: "  1  …  just now  guided  Sat with Jo…", for an entry given with -x."""
    kept = _kept_quick(cli, isolated)
    _aged(kept, 5)
    _guided(cli, keys)
    older, newest = cli("drafts").stdout.splitlines()  # (kept first: draft 1, round 47)
    assert newest.endswith("just now       guided  We walked to the shop with Sam.")
    # (round 36: the first words as far as the terminal's 100 columns go, not 50 characters)
    # (round 41: cut after a whole word, "the…", not "the housi…", read aloud as a syllable)
    assert older.endswith("5 minutes ago  quick   Sat with Jo at the drop-in; we talked about "
                          "the…") and len(older) <= 100
    # the kind kept in --json and in a backup is unchanged: a JSON draft, continued so
    rows = json.loads(cli("drafts", "--json").stdout)
    assert [r["kind"] for r in rows] == ["guided", "guided"]
    keys("y")  # every step is done: only "Save this entry?"
    assert cli("write", "--resume", "--draft", "1").exit_code == 0
    assert [e["experience"] for e in json.loads(cli("list", "--json").stdout)] == [QUICK]
    assert not kept.exists()


# -- 2. the drafts list at 40 columns -------------------------------------------------------


def test_the_drafts_list_reads_at_40_columns(
    cli: CLI, isolated: Path, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: each row took 53 columns or more ("  1  2026-11-20 18:30  10 minutes ago
    guided  Sat with Jo…"), so every one wrapped onto a second line at 40."""
    _aged(_kept_quick(cli, isolated), 10)
    monkeypatch.setenv("COLUMNS", "45")  # the time it was changed left out: its age says when
    listed = cli("drafts").stdout.splitlines()
    assert listed == ["  1  10 minutes ago  quick  Sat with Jo at…"]  # (a word: round 41)
    monkeypatch.setenv("COLUMNS", "40")  # narrower: the first words on a line of their own
    _guided(cli, keys)
    listed = cli("drafts").stdout.splitlines()
    # (by number: the quick draft was kept first, and keeps its number 1 - round 46)
    assert listed[0].startswith("  1  10 minutes ago") and listed[2].startswith("  2  just now")
    assert listed[1] == "     Sat with Jo at the drop-in; we…"
    assert listed[3] == "     We walked to the shop with Sam."
    assert max(map(len, listed)) <= 40
    monkeypatch.setenv("COLUMNS", "100")  # wide: as before, the time it was changed too
    wide = cli("drafts").stdout.splitlines()
    # (round 36: the first words as far as the 100 columns go, not cut at 50 characters)
    assert len(wide) == 2 and wide[0].endswith(
        "10 minutes ago  quick   Sat with Jo at the drop-in; we talked about the…")
    assert len(wide[0]) <= 100  # (round 41: cut after a whole word)


# -- 3. a report whose scores could not be read ---------------------------------------------


def _report_text(data: dict[str, Any]) -> str:
    out = io.StringIO()
    print_report(Console(file=out, width=100, color_system=None), data, {})
    return " ".join(out.getvalue().split())


def test_a_report_whose_scores_could_not_be_read_says_so() -> None:
    """Before: "120 entries without a drift score yet are left out of the numbers", as if
    a rescore (which a damaged journal refuses) would bring them in."""
    from typer.testing import CliRunner

    from peerjournal.cli import app

    _damaged("entry_score")
    result = CliRunner().invoke(app, ["report", "--since", "2026-01-01", "--json"])
    data = json.loads(result.stdout)
    assert data["unscored"] == 120
    # (what the report says of entries not scored: only those)
    unscored = _report_text({**data, "scores_unreadable": False})
    assert "120 entries without a drift score yet are left out" in unscored
    text = _report_text({**data, "scores_unreadable": True})
    assert ("The drift scores could not be read (the journal is damaged), so 120 entries are "
            "left out of the numbers.") in text
    assert "yet" not in text.split("Practice report")[1].split("By week")[0]


def test_report_on_a_journal_with_damaged_scores_says_they_could_not_be_read(cli: CLI) -> None:
    _damaged("entry_score")
    result = cli("report", "--since", "2026-01-01")
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stdout.split())
    assert "The drift scores could not be read (the journal is damaged), so 120 entries" in said
    assert "without a drift score yet" not in said


# -- 4. the words to check: "capitalised" only when they are ------------------------------


def test_the_words_to_check_are_called_capitalised_only_when_they_are(
    cli: CLI, tmp_path: Path
) -> None:
    """Before: "Check these capitalised words (in the preview above): kasia"."""
    _share(cli, "Kerry was upset about the forms. I listened.")
    said = " ".join(_preview(cli, tmp_path).stderr.split())
    assert "Check these capitalised words (in the preview above): Kerry. If any is" in said
    _share(cli, "We met at the café. I shared my story.", "-t", "kasia")
    said = " ".join(_preview(cli, tmp_path).stderr.split())
    assert "Check these words (in the preview above): Kerry, kasia. If any is" in said
