"""Round 40 (writer6): `write --resume --editor` keeps a section whose heading was deleted, and
says so, as `edit` does; "skip" (none, n/a, no, nothing, -) alone at the setting line skips
it; a reply of no word at a [Y/n] question (`replies.holds_no_word`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, Keys
from test_guided_r32 import REST
from test_write import entries
from test_writer_r40 import AFTER, _drafts, _editing, _said

DRAFT = (
    "date: 2026-11-18\nsetting: ward\n\n## Experience\nWalked with Dev.\n\n## Feelings\n"
    "Irritated, then steadier.\n\n## Evaluation\nHe led.\n\n## Self-care\n"
)
NO_FEELINGS = (r"^## Feelings\n(.*\n)*?(?=## Evaluation)", "")
KEPT = (
    "Not in the file, so kept as they are in the draft: the Feelings section (to remove one, "
    "keep its heading and empty it)."
)


def _a_draft(home: Path, text: str = DRAFT) -> Path:
    """An editor draft, as `write --editor` leaves one, to resume."""
    folder = home / "drafts"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "20261118-090000.md"
    path.write_text(text, encoding="utf-8")
    return path


# -- 1. a deleted `##` heading of a resumed draft: its words kept, and said --------------------


def test_a_deleted_section_of_a_resumed_draft_is_kept_and_said(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Was: saved with empty Feelings, nothing said, no copy kept (the words lost)."""
    _a_draft(isolated)
    _editing(monkeypatch, tmp_path, NO_FEELINGS, (r"^He led\.$", "He led, I followed."))
    result = cli("write", "--resume", "--editor")
    assert result.exit_code == 0, result.stderr
    assert _said(result.stderr).count(KEPT) == 1
    [entry] = entries(cli)
    assert entry["feelings"] == "Irritated, then steadier."
    assert entry["evaluation"] == "He led, I followed."
    assert _drafts(isolated) == []


def test_an_emptied_section_is_emptied_unsaid(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The way to remove one, as the note says: keep its heading and empty it."""
    _a_draft(isolated)
    _editing(monkeypatch, tmp_path, (r"^Irritated, then steadier\.\n", ""))
    result = cli("write", "--resume", "--editor")
    assert result.exit_code == 0, result.stderr
    assert "Not in the file" not in result.stderr
    assert entries(cli)[0]["feelings"] == ""


def test_a_kept_section_stays_in_the_draft_when_the_save_is_refused(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A setting too long refuses the save after the file was read: the draft kept then
    still holds the Feelings (resumed again, nothing is lost)."""
    path = _a_draft(isolated)
    _editing(monkeypatch, tmp_path, NO_FEELINGS, (r"^setting: ward$", "setting: " + "x" * 80))
    result = cli("write", "--resume", "--editor")
    assert result.exit_code == 1
    assert KEPT in _said(result.stderr)
    assert "Irritated, then steadier." in path.read_text(encoding="utf-8")
    assert entries(cli) == []


def test_a_new_editor_entry_keeps_nothing_from_its_blank_template(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _editing(monkeypatch, tmp_path, (r"^## Feelings\n", ""),
             (r"^## Experience\n", "## Experience\nWe sat.\n"))
    result = cli("write", "--editor")
    assert result.exit_code == 0, result.stderr
    assert "Not in the file" not in result.stderr


# -- 2. a word meaning "no setting" at the setting line ----------------------------------------


@pytest.mark.parametrize("typed", ["skip", "none", "n/a", "No", "nothing", "-", "Skip."])
def test_a_word_for_no_setting_skips_it(
    cli: CLI, keys: Callable[..., Keys], typed: str
) -> None:
    """Was: stored as the setting "skip", a row of its own in `report`."""
    keys(typed, "He sat down.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert _said(result.stderr).count(
        f"'{typed}' taken as skipping: the setting is left blank.") == 1
    assert entries(cli)[0]["setting"] == ""


def test_a_setting_with_such_a_word_in_it_is_kept(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("no fixed abode outreach", "He sat down.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "taken as skipping" not in result.stderr
    assert entries(cli)[0]["setting"] == "no fixed abode outreach"


# -- 3. a reply of no word at a [Y/n] question -------------------------------------------------


@pytest.mark.parametrize(("line", "none"), [
    ("x", True), (".", True), (";", True), ("x .", True), ("1", True), ("y", True),
    ("", False), ("   ", False), ("no", False), ("ok", False), ("x we sat", False),
])
def test_a_reply_holds_no_word(line: str, none: bool) -> None:
    from peerjournal.replies import holds_no_word

    assert holds_no_word(line) is none


# -- a paste at a [Y/n] question that opens with a line of no word (final review F6) ------------


def test_a_paste_opening_with_i_at_a_question_keeps_every_line(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """"I⏎was there…" pasted at "did you mean…?": the "I" was dropped as a stray key."""
    keys("inpateint", ["I", "was there and saw it.", "y"], "", *REST)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert (entry["setting"], entry["experience"]) == ("inpatient", "I\nwas there and saw it.")


def test_a_stray_key_and_a_fast_enter_at_a_question_is_asked_again(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("inpateint", ["x", ""], "y", "We sat.", "", *REST)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert (entry["setting"], entry["experience"]) == ("inpatient", "We sat.")
