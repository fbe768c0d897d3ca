"""Round 28, QA finding 2: one bad value in config.toml stopped every write, edit, report and
import. A setting that only changes what is shown (`drift.summary_after_write`) is warned
about once, and its default used; yes/no in quotes are taken as they say; a mistake in the
lexicon setting, which gives the scores stored, still stops the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CLI
from test_drift_cli import one_line_error
from test_qa16_settings_config import settings
from test_write import drafts, entries

WRITE = ("write", "-x", "A second entry after a shift.")
SUMMARY = "Drift:"


@pytest.mark.parametrize("value", ['"sometimes"', "1", "[true]"])
def test_a_display_setting_that_cannot_be_used_is_warned_about_and_the_default_used(
    cli: CLI, isolated: Path, value: str
) -> None:
    """Before: "… should be true or false. Your entry is kept as a draft …", exit 1."""
    config = settings(isolated, f"[drift]\nsummary_after_write = {value}\n")
    warning = f"{config}: drift.summary_after_write should be true or false; using true.\n"
    result = cli(*WRITE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "1\n" and result.stderr.startswith(warning)
    assert result.stderr.count("should be true or false") == 1  # once a command
    assert SUMMARY in result.stderr  # the default: the summary is shown
    assert drafts(isolated) == []
    for args in (("edit", "1", "--tag", "x"), ("report",), ("where",)):
        other = cli(*args)
        assert other.exit_code == 0, (args, other.stderr)
        assert other.stderr.count(warning) == 1, (args, other.stderr)
    assert entries(cli)[0]["tags"] == ["x"]


def test_import_goes_on_with_a_display_setting_that_cannot_be_used(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    assert cli(*WRITE).exit_code == 0
    backup = tmp_path / "backup.json"
    assert cli("export", "--full", "-f", "json", "-o", str(backup)).exit_code == 0
    settings(isolated, '[drift]\nsummary_after_write = "sometimes"\n')
    result = cli("--db", str(tmp_path / "new.db"), "import", str(backup))  # scored there
    assert result.exit_code == 0, result.stderr
    assert "Imported 1 entry" in result.stderr
    assert "drift.summary_after_write should be true or false; using true." in result.stderr


@pytest.mark.parametrize(
    ("value", "shown"),
    [('"no"', False), ('"Off"', False), ('"false"', False), ('"yes"', True), ('" on "', True)],
)
def test_yes_and_no_in_quotes_are_taken_as_they_say(
    cli: CLI, isolated: Path, value: str, shown: bool
) -> None:
    """`"no"` taken as true ("using true") would show what the writer turned off."""
    settings(isolated, f"[drift]\nsummary_after_write = {value}\n")
    result = cli(*WRITE)
    assert result.exit_code == 0, result.stderr
    assert (SUMMARY in result.stderr) is shown
    assert "should be" not in result.stderr


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("[drift]\nlexicon = 5\n", "drift.lexicon should be text in quotes"),
        ('[drift]\nlexicon = ""\n', "drift.lexicon is empty"),
        ("[drift]\nsumary_after_write = false\n", "unknown setting drift.sumary_after_write"),
    ],
    ids=["lexicon-number", "lexicon-empty", "typo"],
)
def test_a_mistake_that_would_change_the_scores_still_stops_and_keeps_the_entry(
    cli: CLI, isolated: Path, content: str, said: str
) -> None:
    """A lexicon set wrongly, scored with the shipped one unasked, stores the wrong scores;
    a misspelt setting may be a misspelt lexicon line."""
    settings(isolated, content)
    result = cli(*WRITE)
    [_kept] = drafts(isolated)
    one_line_error(result, 1, said, "Your words are kept as draft ")
    assert entries(cli) == []
    where = cli("where")
    assert where.exit_code == 0 and f"Settings not read: {isolated / 'config.toml'}" in (
        where.stderr
    )
