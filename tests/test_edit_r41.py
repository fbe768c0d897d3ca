"""Round 41 (QA qa_years.md F3, F4): `edit ID -t TAG` replaced every tag and said only
"Updated entry N"; now it names the tags it was and is, and --add-tag / --remove-tag keep the
others. `edit` takes several IDs (5 6, 5,6, 5-7) for the setting, mode and tags: one
transaction, all or none, with --dry-run and a summary of what changed."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import CLI
from peerjournal.db.store import Store


def _entry(cli: CLI, entry_id: int) -> dict[str, Any]:
    result = cli("show", str(entry_id), "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.fixture
def journal(cli: CLI, add: Any) -> list[int]:
    """Three entries: two inpatient (tagged), one community (untagged)."""
    return [
        add("Walked with Sam to the housing office.", "-s", "inpatient",
            "-t", "first-meeting", "-t", "self-care"),
        add("Group session on the ward.", "-s", "inpatient", "-t", "handover"),
        add("Call with Kev about the weekend.", "-s", "community"),
    ]


# -- F4: tags ------------------------------------------------------------------------------


def test_replacing_tags_names_what_they_were(cli: CLI, journal: list[int]) -> None:
    result = cli("edit", str(journal[0]), "-t", "old-job")
    assert result.exit_code == 0, result.stderr
    assert _entry(cli, journal[0])["tags"] == ["old-job"]
    assert f"Tags of entry {journal[0]} were first-meeting, self-care; now old-job." in (
        result.stderr
    )


def test_add_tag_keeps_the_others(cli: CLI, journal: list[int]) -> None:
    result = cli("edit", str(journal[0]), "--add-tag", "Old Job", "--add-tag", "b,c")
    assert result.exit_code == 0, result.stderr
    assert _entry(cli, journal[0])["tags"] == ["b", "c", "first-meeting", "old-job", "self-care"]
    assert "now b, c, first-meeting, old-job, self-care." in result.stderr


def test_tags_given_to_an_entry_with_none_need_no_note(cli: CLI, journal: list[int]) -> None:
    result = cli("edit", str(journal[2]), "--add-tag", "weekend")
    assert result.exit_code == 0 and _entry(cli, journal[2])["tags"] == ["weekend"]
    assert result.stderr == f"Updated entry {journal[2]}.\n"


def test_add_tag_already_there_is_unchanged(cli: CLI, journal: list[int]) -> None:
    result = cli("edit", str(journal[0]), "--add-tag", "self-care")
    assert result.exit_code == 0
    assert "is unchanged" in result.stderr and "Tags of" not in result.stderr


def test_remove_tag_keeps_the_others_whatever_its_case(cli: CLI, journal: list[int]) -> None:
    result = cli("edit", str(journal[0]), "--remove-tag", "First-Meeting")
    assert result.exit_code == 0, result.stderr
    assert _entry(cli, journal[0])["tags"] == ["self-care"]
    assert "were first-meeting, self-care; now self-care." in result.stderr


def test_remove_tag_matches_whatever_its_accents_as_list_tag_does(cli: CLI, add: Any) -> None:
    entry = add("Met Jo at the cafe.", "-t", "café", "-t", "walk")
    assert cli("list", "--tag", "cafe").stdout.count("Met Jo") == 1
    result = cli("edit", str(entry), "--remove-tag", "cafe")
    assert result.exit_code == 0, result.stderr
    assert _entry(cli, entry)["tags"] == ["walk"]


def test_removing_the_last_tag_says_none(cli: CLI, journal: list[int]) -> None:
    result = cli("edit", str(journal[1]), "--remove-tag", "handover")
    assert result.exit_code == 0 and _entry(cli, journal[1])["tags"] == []
    assert "were handover; now none." in result.stderr


def test_removing_a_tag_the_entry_lacks_is_refused(cli: CLI, journal: list[int]) -> None:
    result = cli("edit", str(journal[0]), "--remove-tag", "handvoer", "-s", "ward")
    assert result.exit_code == 1
    assert "has no tag 'handvoer' (its tags: first-meeting, self-care)" in result.stderr
    assert "Nothing changed." in result.stderr and "Traceback" not in result.stderr
    assert _entry(cli, journal[0])["setting"] == "inpatient"


@pytest.mark.parametrize(
    "args",
    [("--tag", "a", "--add-tag", "b"), ("--tag", "a", "--remove-tag", "self-care"),
     ("--add-tag", "x", "--remove-tag", "X")],
)
def test_conflicting_tag_options_are_a_usage_error(
    cli: CLI, journal: list[int], args: tuple[str, ...]
) -> None:
    result = cli("edit", str(journal[0]), *args)
    assert result.exit_code == 2
    assert "Nothing changed." in result.stderr
    assert _entry(cli, journal[0])["tags"] == ["first-meeting", "self-care"]


# -- F3: several IDs -----------------------------------------------------------------------


@pytest.mark.parametrize("ids", [("1-3",), ("1", "2", "3"), ("1,2,3",), ("#1-#3",)])
def test_several_ids_rename_a_setting_in_one_go(
    cli: CLI, journal: list[int], ids: tuple[str, ...]
) -> None:
    assert journal == [1, 2, 3]
    result = cli("edit", *ids, "-s", "acute ward")
    assert result.exit_code == 0, result.stderr
    assert [_entry(cli, i)["setting"] for i in journal] == ["acute ward"] * 3
    assert "Updated entries 1, 2 and 3." in result.stderr
    assert "Setting 'inpatient' -> 'acute ward': entries 1 and 2" in result.stderr
    assert "Setting 'community' -> 'acute ward': entry 3" in result.stderr
    assert result.stdout == ""


def test_several_ids_add_and_remove_tags_and_name_the_unchanged(
    cli: CLI, journal: list[int]
) -> None:
    result = cli("edit", "1-3", "--add-tag", "old-job", "--remove-tag", "handover")
    assert result.exit_code == 0, result.stderr
    assert [_entry(cli, i)["tags"] for i in journal] == [
        ["first-meeting", "old-job", "self-care"], ["old-job"], ["old-job"]
    ]
    assert "Tag 'old-job' added: entries 1, 2 and 3" in result.stderr
    assert "Tag 'handover' removed: entry 2" in result.stderr
    again = cli("edit", "1-3", "--add-tag", "old-job", "--json")
    assert again.exit_code == 0
    assert json.loads(again.stdout) == {"updated": [], "unchanged": [1, 2, 3], "dry_run": False}
    assert "Entries 1, 2 and 3 are unchanged" in again.stderr


def test_dry_run_changes_nothing(cli: CLI, journal: list[int]) -> None:
    before = [_entry(cli, i) for i in journal]
    result = cli("edit", "1-3", "-s", "acute ward", "-t", "x", "--dry-run", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["updated"] == [1, 2, 3]
    assert "Would update entries 1, 2 and 3." in result.stderr
    assert "Tag 'first-meeting' removed: entry 1" in result.stderr
    assert "Nothing was changed (--dry-run)." in result.stderr
    assert [_entry(cli, i) for i in journal] == before
    one = cli("edit", "1", "--add-tag", "y", "--dry-run")
    assert one.exit_code == 0 and "Would update entry 1: tag 'y' added." in one.stderr
    assert _entry(cli, 1)["tags"] == before[0]["tags"]


@pytest.mark.parametrize(
    ("ids", "code", "said"),
    [(("1", "9"), 3, "No entry 9"), (("1-4",), 3, "No entry 4")],
)
def test_one_missing_id_changes_none(
    cli: CLI, journal: list[int], ids: tuple[str, ...], code: int, said: str
) -> None:
    result = cli("edit", *ids, "-s", "acute ward")
    assert result.exit_code == code
    assert said in result.stderr and "Nothing was changed." in result.stderr
    assert _entry(cli, 1)["setting"] == "inpatient"


def test_a_trashed_id_among_several_changes_none(cli: CLI, journal: list[int]) -> None:
    assert cli("delete", "3").exit_code == 0
    result = cli("edit", "1-3", "-s", "ward")
    assert result.exit_code != 0 and "Entry 3 is in the trash" in result.stderr
    assert _entry(cli, 1)["setting"] == "inpatient"


@pytest.mark.parametrize(
    ("args", "said"),
    [(("-x", "New text."), "--experience takes one entry at a time"),
     (("-d", "yesterday"), "--date takes one entry at a time"),
     (("-f", "calm", "-s", "ward"), "--feelings takes one entry at a time"),
     ((), "give what to change")],
)
def test_several_ids_refuse_text_date_and_the_editor(
    cli: CLI, journal: list[int], args: tuple[str, ...], said: str
) -> None:
    before = [_entry(cli, i) for i in journal]
    result = cli("edit", "1", "2", *args)
    assert result.exit_code == 2
    assert said in result.stderr and "Nothing changed." in result.stderr
    assert [_entry(cli, i) for i in journal] == before


def test_several_ids_are_one_transaction(
    cli: CLI, journal: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure on the second entry leaves the first unchanged too."""
    real = Store.update
    calls: list[int] = []

    def failing(self: Store, entry_id: int, *args: Any, **kwargs: Any) -> None:
        calls.append(entry_id)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real(self, entry_id, *args, **kwargs)

    monkeypatch.setattr(Store, "update", failing)
    result = cli("edit", "1-2", "-s", "acute ward")
    assert result.exit_code == 130
    monkeypatch.setattr(Store, "update", real)
    assert calls == [1, 2]
    assert [_entry(cli, i)["setting"] for i in journal[:2]] == ["inpatient", "inpatient"]


def test_several_ids_change_the_mode(cli: CLI, journal: list[int]) -> None:
    result = cli("edit", "1,3", "--mode", "in-action")
    assert result.exit_code == 0, result.stderr
    assert [_entry(cli, i)["mode"] for i in journal] == ["in-action", "on-action", "in-action"]
    assert "Mode 'on-action' -> 'in-action': entries 1 and 3" in result.stderr


def test_an_entry_that_cannot_take_the_change_is_named(cli: CLI, journal: list[int]) -> None:
    result = cli("edit", "1-2", "--mode", "sideways")
    assert result.exit_code != 0 and "Traceback" not in result.stderr
    assert "Entry 1:" in result.stderr and "Nothing was changed." in result.stderr


def test_a_one_id_dry_run_refusal_says_why_for_one_entry(cli: CLI, journal: list[int]) -> None:
    result = cli("edit", str(journal[0]), "-x", "New text", "--dry-run")
    assert result.exit_code == 2
    assert "cannot be tried with --dry-run" in result.stderr
    assert "one entry at a time" not in result.stderr
    result = cli("edit", str(journal[0]), "--dry-run")
    assert result.exit_code == 2 and "a dry run opens no editor" in result.stderr
