"""Round 45 (QA: a user who upgrades a lived-in journal): what shows the earlier version's
drift scores says so, and so does the upgrade; a Ctrl-C while the upgrade is starting says
the journal is unchanged; a resumed old draft's tags show as they will be stored."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import CLI, OLD_CODE, alembic_config, run_sql
from peerjournal.db import engine
from peerjournal.drafts import Draft

Add = Callable[..., int]
DB = "journal.db"


def _said(text: str) -> str:
    return " ".join(text.split())  # (stderr is wrapped on a wide terminal)


def _three(add: Add) -> None:
    add("We walked with Grace to the housing office and she spoke up.", "--date", "2026-11-02")
    add("We sat together and I shared my own story of recovery.", "--date", "2026-11-03")
    add("I told him what he should do and gave him the diagnosis.", "--date", "2026-11-04")


# -- 1. list, show and search say when the scores they show are stale ----------------------------


def test_list_and_show_say_once_that_scores_shown_are_from_another_scorer(
    cli: CLI, add: Add, isolated: Path
) -> None:
    """Was: `report` said "3 entries were scored with another version", `list` and `show`
    showed the same old verdicts with no word (and `drift 1` another verdict)."""
    _three(add)
    run_sql(isolated / DB, f"{OLD_CODE} WHERE id = 1")
    listed = cli("list")
    assert listed.exit_code == 0
    assert _said(listed.stderr) == (
        "1 of the 3 entries listed was scored with another version of peerjournal (its drift "
        "scoring has changed since; the lexicon has not); `peerjournal drift --rescore` "
        "brings it up to date."
    )
    shown = cli("show", "1")
    assert shown.exit_code == 0 and "Drift:" in shown.stdout
    assert _said(shown.stderr).startswith("The entry shown was scored with another version")
    assert "brings it up to date" in _said(shown.stderr)
    assert cli("show", "2").stderr == ""  # its score is current: nothing said
    assert cli("list", "--since", "2026-11-03").stderr == ""  # nor of entries not listed


def test_json_output_stays_whole_and_the_note_goes_to_stderr(
    cli: CLI, add: Add, isolated: Path
) -> None:
    _three(add)
    run_sql(isolated / DB, "UPDATE entry SET lexicon_version = 'an-old-one'")
    listed = cli("list", "--json")
    assert [e["id"] for e in json.loads(listed.stdout)] == [3, 2, 1]
    assert _said(listed.stderr) == (
        "The entries listed were scored with another version of the drift lexicon; "
        "`peerjournal drift --rescore` brings them up to date."
    )
    shown = cli("show", "2", "--json")
    assert json.loads(shown.stdout)["id"] == 2
    assert "The entry shown was scored with another version of the drift lexicon" in (
        _said(shown.stderr)
    )
    found = cli("search", "--json", "housing")
    assert [e["id"] for e in json.loads(found.stdout)] == [1]
    assert _said(found.stderr).startswith("The entry found was scored with another version")


def test_after_a_rescore_nothing_is_said(cli: CLI, add: Add, isolated: Path) -> None:
    _three(add)
    run_sql(isolated / DB, OLD_CODE)
    assert "3 entries listed" not in cli("list").stderr  # (all of them: "The entries")
    assert "The entries listed were scored" in _said(cli("list").stderr)
    assert cli("drift", "--rescore").exit_code == 0
    for args in (["list"], ["list", "--json"], ["show", "3"], ["search", "--json", "diagnosis"]):
        result = cli(*args)
        assert result.exit_code == 0 and result.stderr == "", args


def test_a_trashed_entry_is_not_counted_among_those_listed(
    cli: CLI, add: Add, isolated: Path
) -> None:
    _three(add)
    assert cli("delete", "2").exit_code == 0
    run_sql(isolated / DB, OLD_CODE)
    assert "The entries listed were scored" in _said(cli("list").stderr)
    assert "trash" not in cli("list").stderr


# -- 1. the upgrade says the scores it kept are the earlier version's ----------------------------


def _upgraded_from(isolated: Path, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(isolated / DB), revision)


def test_an_upgrade_from_a_journal_without_scorer_versions_says_its_scores_are_old(
    cli: CLI, add: Add, isolated: Path
) -> None:
    """A journal made before schema 0004 holds no scorer version: every score is the
    earlier version's, and the upgrade's closing line says so, and how to recompute them."""
    _three(add)
    _upgraded_from(isolated, "0003")
    result = cli("list", "--json")
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 3
    upgrading, upgraded, old_scores, listed = result.stderr.splitlines()
    assert upgrading.startswith("Upgrading your journal")
    assert upgraded.startswith("Upgraded your journal. The copy from before the upgrade is ")
    assert old_scores == (
        "The drift scores of 3 entries are still the earlier version's; `peerjournal drift "
        "--rescore` recomputes them with this one."
    )
    assert listed.startswith("The entries listed were scored with another version")
    assert cli("drift", "--rescore").exit_code == 0
    assert cli("list").stderr == ""


def test_the_upgrade_names_the_journal_given_with_db(
    cli: CLI, add: Add, isolated: Path
) -> None:
    path = isolated / "other.db"
    assert cli("--db", str(path), "write", "-x", "We talked about his week.").exit_code == 0
    from alembic import command

    command.downgrade(alembic_config(path), "0005")
    run_sql(path, OLD_CODE)
    result = cli("--db", str(path), "write", "-x", "Another visit, another week.")
    assert result.exit_code == 0, result.stderr
    assert (
        f"The drift scores of 1 entry are still the earlier version's; `peerjournal --db "
        f"{path} drift --rescore` recomputes it with this one."
    ) in result.stderr


def test_an_upgrade_with_current_scores_says_nothing_of_them(
    cli: CLI, add: Add, isolated: Path
) -> None:
    add("Kept through the upgrade.")
    _upgraded_from(isolated, "0005")
    result = cli("list")
    assert result.exit_code == 0
    assert "drift scores" not in result.stderr and "rescore" not in result.stderr


# -- 3. Ctrl-C while the upgrade is starting --------------------------------------------------


def test_ctrl_c_before_the_upgrade_has_started_says_the_journal_is_unchanged(
    cli: CLI, add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "peerjournal: Interrupted." alone, after "Upgrading your journal…", for a Ctrl-C
    while Alembic loaded and its steps were checked (`_check_installed`)."""
    add("Kept through the upgrade.")
    _upgraded_from(isolated, "0005")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    checked = engine._check_installed
    monkeypatch.setattr(engine, "_check_installed", interrupted)
    result = cli("list")
    assert result.exit_code == 130
    assert (
        f"Interrupted: the journal at {isolated / DB} was not upgraded; it is unchanged and "
        "no copy was kept"
    ) in _said(result.stderr)
    assert list(isolated.glob("journal.db.*backup*")) == []
    assert engine._stored_revision(isolated / DB) == "0005"
    monkeypatch.setattr(engine, "_check_installed", checked)
    assert cli("list").exit_code == 0  # upgraded next time
    assert engine._stored_revision(isolated / DB) == engine.HEAD_REVISION


# -- 2. a resumed old draft's tags ----------------------------------------------------------


def _old_guided_draft(isolated: Path) -> Path:
    """A guided draft as version 1 (schema 0003) kept it: every question answered, tags with
    the full stops that version stored."""
    folder = isolated / "drafts"
    folder.mkdir(parents=True)
    path = folder / "20261112-183000.json"
    entry = {
        "date": "2026-11-12", "experience": "A call about a man at the bridge.",
        "feelings": "Shaky afterwards.", "evaluation": "", "setting": "crisis",
        "mode": "on-action", "prompt_set": "boud", "tags": ["oldtag.", "ward-round."],
        "self_care": "", "answers": {}, "shared": False,
    }
    done = ["setting", "experience", "feelings", "answer:obstructing_feeling", "evaluation",
            "answer:do_differently", "tags", "self_care"]
    path.write_text(json.dumps({"entry": entry, "done": done}), encoding="utf-8")
    return path


def test_a_resumed_old_drafts_review_shows_its_tags_as_they_are_saved(
    cli: CLI, isolated: Path
) -> None:
    """Was: the review showed `oldtag., ward-round.`, and the entry saved `oldtag`,
    `ward-round` without a word."""
    _old_guided_draft(isolated)
    result = cli("write", "--resume", input="y\n")
    assert result.exit_code == 0, result.stderr
    tags_lines = [line for line in result.stderr.splitlines() if line.startswith("Tags")]
    [note] = [line for line in tags_lines if line.startswith('Tags "')]  # (said on resume)
    assert note.startswith('Tags "oldtag." and "ward-round." are stored as oldtag and ward-round')
    [tags_row] = [line for line in tags_lines if line != note]
    assert tags_row.split(None, 1)[1] == "oldtag, ward-round"
    [saved] = json.loads(cli("list", "--json").stdout)
    assert saved["tags"] == ["oldtag", "ward-round"]


def test_an_old_drafts_tags_changed_by_saving_are_named(isolated: Path) -> None:
    """What `write --resume` can say of them, as `write -t "ward-round."` does."""
    draft = Draft(_old_guided_draft(isolated))
    note = draft.retagged_note()
    assert note is not None
    assert note.startswith('Tags "oldtag." and "ward-round." are stored as oldtag and ward-round')
    assert draft.entry(date(2026, 12, 7)).tags == ["oldtag", "ward-round"]


def test_a_current_drafts_tags_are_left_as_they_are(cli: CLI, isolated: Path) -> None:
    path = _old_guided_draft(isolated)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["entry"]["tags"] = ["handover", "v1.2"]
    path.write_text(json.dumps(data), encoding="utf-8")
    draft = Draft(path)
    assert draft.retagged_note() is None
    assert draft.entry(date(2026, 12, 7)).tags == ["handover", "v1.2"]


def test_a_configured_lexicon_that_is_gone_does_not_stop_list_or_show(
    cli: CLI, add: Add, isolated: Path
) -> None:
    """The note needs the lexicon's version: without it, nothing is said, and `list` and
    `show` work as before (`write` and `report` say what is wrong with the setting)."""
    _three(add)
    run_sql(isolated / DB, OLD_CODE)
    (isolated / "config.toml").write_text(
        f'[drift]\nlexicon = "{isolated / "gone.toml"}"\n', encoding="utf-8"
    )
    listed = cli("list")
    assert listed.exit_code == 0 and "rescore" not in listed.stderr
    assert [line.split()[0] for line in listed.stdout.splitlines()[2:5]] == ["3", "2", "1"]
    assert cli("show", "1").exit_code == 0
    report = cli("report")  # (as before: it names the file and the setting)
    assert report.exit_code != 0 and "gone.toml" in report.stderr
