"""Round 42, writer: the lines of a paste still waiting on the terminal when Ctrl-C is pressed
are kept in the draft (the terminal threw them away: NOFLSH); `edit ID --dry-run` reads as
`edit ID` does."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI

PASTE = [f"Pasted line {n} about the ward round and the walk back." for n in range(1, 41)]


@pytest.fixture
def journal(isolated: Path, journal_template: Path) -> Path:
    isolated.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(journal_template, isolated / "journal.db")  # no migration in the child
    return isolated


def _draft(home: Path) -> dict[str, object]:
    [draft] = (home / "drafts").glob("*.json")
    return json.loads(draft.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("lines", [5, 40])
def test_ctrl_c_right_after_a_paste_keeps_every_line_still_waiting(
    journal: Path, lines: int
) -> None:
    from test_qa16_writer_terminal import _write_on_a_terminal

    # the paste and Ctrl-C come at once: the terminal threw away every line not yet read
    paste = ("\r".join(PASTE[:lines]) + "\r").encode()
    shown = _write_on_a_terminal([b"\r", paste + b"\x03"], None, 130)
    assert "Interrupted. Your draft is kept in" in shown
    draft = _draft(journal)
    assert draft["entry"]["experience"] == "\n".join(PASTE[:lines])  # type: ignore[index]
    assert "cut_off" not in draft  # (the paste ended with Enter: no line was cut off)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_ctrl_c_after_a_paste_ending_mid_line_keeps_it_cut_off_and_resume_carries_it_on(
    journal: Path,
) -> None:
    from test_qa16_writer_terminal import _write_on_a_terminal

    paste = ("\r".join(PASTE[:3]) + "\r\rA new paragraph, cut").encode()
    _write_on_a_terminal([b"\r", paste + b"\x03"], None, 130)
    draft = _draft(journal)
    assert draft["entry"]["experience"] == (  # type: ignore[index]
        "\n".join(PASTE[:3]) + "\n\nA new paragraph, cut"
    )
    assert draft["cut_off"] == "experience"


# -- edit ID --dry-run -------------------------------------------------------------------------


@pytest.fixture
def entries(cli: CLI) -> list[int]:
    first = cli("write", "-x", "We walked to the office.", "-s", "housing", "-t", "calm,advocacy")
    second = cli("write", "-x", "We sat in the garden.", "-s", "housing")
    assert first.exit_code == second.exit_code == 0
    return [1, 2]


def _stored(cli: CLI, entry_id: int) -> dict[str, object]:
    result = cli("show", str(entry_id), "--json")
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_a_one_id_dry_run_reads_as_the_one_id_edit(cli: CLI, entries: list[int]) -> None:
    before = _stored(cli, 1)
    result = cli("edit", "1", "-s", "ward", "--remove-tag", "calm", "--add-tag", "x", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "Would update entry 1: setting 'housing' -> 'ward', tag 'x' added, tag 'calm' removed. "
        "Nothing was changed (--dry-run).\n"
    )
    assert result.stdout == ""
    assert _stored(cli, 1) == before
    real = cli("edit", "1", "-s", "ward")
    assert real.stderr.startswith("Updated entry 1.")


def test_a_one_id_dry_run_json_is_the_entry_as_it_would_be_stored(
    cli: CLI, entries: list[int]
) -> None:
    before = _stored(cli, 1)
    result = cli("edit", "1", "-s", "ward", "--add-tag", "x", "--dry-run", "--json")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown == {**before, "setting": "ward", "tags": ["advocacy", "calm", "x"],
                     "dry_run": True}
    assert _stored(cli, 1) == before
    real = cli("edit", "1", "-s", "ward", "--add-tag", "x", "--json")
    stored = json.loads(real.stdout)
    assert {k: stored[k] for k in ("setting", "tags")} == {
        k: shown[k] for k in ("setting", "tags")}


def test_a_one_id_dry_run_that_changes_nothing_says_so_as_the_edit_does(
    cli: CLI, entries: list[int]
) -> None:
    result = cli("edit", "1", "-s", "housing", "--dry-run")
    assert (result.exit_code, result.stderr) == (0, "Entry 1 is unchanged.\n")
    assert cli("edit", "1", "-s", "housing").stderr == "Entry 1 is unchanged.\n"
    as_json = cli("edit", "1", "-s", "housing", "--dry-run", "--json")
    assert json.loads(as_json.stdout) == {**_stored(cli, 1), "dry_run": True}


def test_a_dry_run_of_several_ids_keeps_its_form(cli: CLI, entries: list[int]) -> None:
    result = cli("edit", "1", "2", "-s", "ward", "--dry-run", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"updated": [1, 2], "unchanged": [], "dry_run": True}
    assert result.stderr == (
        "Would update entries 1 and 2.\n"
        "  Setting 'housing' -> 'ward': entries 1 and 2\n"
        "Nothing was changed (--dry-run).\n"
    )


# -- write --editor in the small hours asks the day, as a guided write does -------------------

LATE = "2026-11-21T00:40:00+00:00"
ASKED = "It is 00:40: is this entry about yesterday, Fri 20 Nov 2026 (a late shift)? [Y/n]"
# the editor adds the experience after the one the template holds, if any
ADDS = """
    text = open(path).read().replace("## Feelings", "We sat together.\\n\\n## Feelings", 1)
    open(path, "w").write(text)
"""


@pytest.fixture
def late_editor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from test_editor_drafts_r29 import use_editor

    monkeypatch.setenv("PEERJOURNAL_NOW", LATE)
    use_editor(monkeypatch, tmp_path, ADDS)


def _said(stderr: str) -> str:
    return " ".join(stderr.split())


@pytest.mark.parametrize(("typed", "day"), [("", "2026-11-20"), ("yesterday", "2026-11-20"),
                                            ("n", "2026-11-21"), ("today", "2026-11-21")])
def test_editor_in_the_small_hours_asks_the_day_first(
    cli: CLI, keys: Any, late_editor: None, typed: str, day: str
) -> None:
    keys(typed)
    result = cli("write", "--editor", "--json")
    assert result.exit_code == 0, result.stderr
    said = _said(result.stderr)
    assert ASKED in said
    shown = "Fri 20 Nov 2026" if day == "2026-11-20" else "today, Sat 21 Nov 2026"
    assert f"Dated {shown}: to change it, change the date: line in the editor" in said
    assert json.loads(result.stdout)["date"] == day


def test_editor_day_question_asks_again_after_a_slip_and_keeps_words_typed_there(
    cli: CLI, keys: Any, late_editor: None
) -> None:
    keys("ues", "Long night on the ward, Sam was upset")
    result = cli("write", "--editor", "--json")
    assert result.exit_code == 0, result.stderr
    said = _said(result.stderr)
    assert "Please answer y (date it Fri 20 Nov 2026) or n (date it Sat 21 Nov 2026)." in said
    assert "they begin your experience in the editor" in said
    assert "this entry is dated today, Sat 21 Nov 2026" in said
    stored = json.loads(result.stdout)
    assert stored["experience"] == "Long night on the ward, Sam was upset\n\nWe sat together."
    assert stored["date"] == "2026-11-21"


@pytest.mark.parametrize("given", [["-d", "today"], []])
def test_editor_asks_no_day_with_a_date_or_without_a_terminal(
    cli: CLI, late_editor: None, given: list[str]
) -> None:
    result = cli("write", "--editor", *given)
    assert result.exit_code == 0, result.stderr
    assert "is this entry about yesterday" not in result.stderr
    assert ("this entry is dated today" in result.stderr) == (not given)


def test_ctrl_c_at_the_editor_day_question_opens_no_editor_and_keeps_nothing(
    cli: CLI, keys: Any, late_editor: None, isolated: Path
) -> None:
    from conftest import CTRL_C

    keys(CTRL_C)
    result = cli("write", "--editor")
    assert result.exit_code == 130
    assert not list((isolated / "drafts").glob("*")) if (isolated / "drafts").is_dir() else True
    assert cli("list", "--json").stdout.strip() in ("[]", "")
