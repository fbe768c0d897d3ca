"""Round 39 (QA qa_week.md F1, F5, F6): `edit` says the date it stored as `write` does ("Dec 7"
on 6 Dec is last year's; "1/11" is 1 Nov, not 11 Jan), from --date or the editor's `date:`
line; a line typed just under a `##` heading, above its guidance comment, is stored with no
blank line never typed; a deleted `tags:` or `setting:` line is kept, and said."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.reflection import parse_template
from test_editor_drafts_r29 import use_editor

# (today, conftest's FIXED_NOW, is Fri 20 Nov 2026)
ENTRY = (
    "## Experience\nWalked with Dev to the job centre.\n\n## Feelings\nIrritated, then "
    "steadier.\n\n## Evaluation\nHe led.\n\n## Self-care\nswimming\n"
)
LAST_YEAR = "Dated Fri 21 Nov 2025."
DAY_MONTH = ("Dated Sun 1 Nov 2026: '1/11' is read as day/month/year; for Sun 11 Jan 2026 give "
             "2026-01-11.")


def _entry(cli: CLI, entry_id: int = 1) -> dict[str, Any]:
    result = cli("show", str(entry_id), "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _said(stderr: str) -> str:
    return " ".join(stderr.split())


@pytest.fixture
def written(cli: CLI, isolated: Path) -> dict[str, Any]:
    result = cli("write", "--stdin", "-d", "2026-11-18", "-s", "inpatient", "-t", "advocacy",
                 "-t", "family", input=ENTRY)
    assert result.exit_code == 0, result.stderr
    entry = _entry(cli)
    assert entry["tags"] == ["advocacy", "family"] and entry["setting"] == "inpatient"
    return entry


def _editing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *pairs: tuple[str, str]) -> None:
    """$EDITOR: replace each regular expression of `pairs` (multi-line) in the file."""
    use_editor(monkeypatch, tmp_path, f"""
        import re
        text = open(path).read()
        for old, new in {list(pairs)!r}:
            text = re.sub(old, new, text, flags=re.M)
        open(path, "w").write(text)
    """)


# -- F1: the date `edit` stores, said as `write` says it -------------------------------------


@pytest.mark.parametrize(("typed", "said", "stored"), [
    ("Nov 21", LAST_YEAR, "2025-11-21"),  # tomorrow's day and month: last year's
    ("1/11", DAY_MONTH, "2026-11-01"),
    ("2026-11-19", "Dated Thu 19 Nov 2026.", "2026-11-19"),
])
def test_edit_date_says_the_date_stored(
    cli: CLI, written: dict[str, Any], typed: str, said: str, stored: str
) -> None:
    """Was: "Updated entry 1." alone, the entry gone 13 months back or to the other d/m day."""
    result = cli("edit", "1", "--date", typed)
    assert result.exit_code == 0, result.stderr
    assert "Updated entry 1." in result.stderr and said in _said(result.stderr)
    assert _entry(cli)["date"] == stored
    # the same words as `write` says for the same date typed
    wrote = cli("write", "-x", "Another shift.", "--date", typed)
    assert wrote.exit_code == 0, wrote.stderr
    assert said in _said(wrote.stderr)


@pytest.mark.parametrize(("typed", "said", "stored"), [
    ("Nov 21", LAST_YEAR, "2025-11-21"),
    ("1/11", DAY_MONTH, "2026-11-01"),
])
def test_the_editors_date_line_says_the_date_stored(
    cli: CLI, written: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    typed: str, said: str, stored: str,
) -> None:
    _editing(monkeypatch, tmp_path, (r"^date: .*$", f"date: {typed}"))
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    assert "Updated entry 1." in result.stderr and said in _said(result.stderr)
    assert _entry(cli)["date"] == stored


def test_no_date_line_when_the_date_is_not_changed(
    cli: CLI, written: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    result = cli("edit", "1", "-f", "Calm.")
    assert result.exit_code == 0, result.stderr
    assert "Dated" not in result.stderr
    result = cli("edit", "1", "--date", "18/11")  # the date it has: nothing to change
    assert result.exit_code == 0 and "unchanged" in result.stderr
    assert "Dated" not in result.stderr
    _editing(monkeypatch, tmp_path, (r"^Calm\.$", "Calm, mostly."))
    result = cli("edit", "1")
    assert "Updated entry 1." in result.stderr and "Dated" not in result.stderr
    assert _entry(cli)["date"] == "2026-11-18"


# -- F5: a line typed under a heading, above its guidance comment ----------------------------


def test_a_line_typed_above_the_guidance_is_stored_without_blank_lines_never_typed(
    cli: CLI, written: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Was: 'Also relieved.\\n\\n\\nIrritated, then steadier.'"""
    _editing(monkeypatch, tmp_path, (r"^## Feelings$", "## Feelings\nAlso relieved."))
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    assert _entry(cli)["feelings"] == "Also relieved.\n\nIrritated, then steadier."
    shown = cli("show", "1").stdout
    assert "Also relieved.\n\nIrritated" in shown and "\n\n\nIrritated" not in shown


def test_a_comment_line_between_two_lines_of_text_is_one_blank_line() -> None:
    parsed = parse_template(
        "## Experience\nFirst.\n<!-- a note -->\nSecond.\n<!-- a\nlong note -->\n\nThird.\n"
        "\n<!-- c -->\n\nFourth.\n## Feelings\n<!-- guidance -->\n\nCalm.\n<!-- end -->\n"
    )
    assert parsed.texts["experience"] == "First.\n\nSecond.\n\nThird.\n\n\nFourth."
    assert parsed.texts["feelings"] == "Calm."


# -- F6: a deleted header line is kept, and said ----------------------------------------------

HINT = "to clear the setting or the tags, keep `setting:` or `tags:` with nothing after it"


def test_deleting_the_tags_and_setting_lines_keeps_them_and_says_so(
    cli: CLI, written: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Was: "Entry 1 is unchanged." alone."""
    _editing(monkeypatch, tmp_path, (r"^tags: .*\n", ""), (r"^setting: .*\n", ""))
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    said = _said(result.stderr)
    assert "Entry 1 is unchanged." in said
    assert ("Not in the file, so kept as they are in entry 1: the `setting:` and `tags:` lines "
            f"({HINT}).") in said
    assert _entry(cli) == written


def test_a_deleted_tags_line_with_another_change_is_said_beside_updated(
    cli: CLI, written: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _editing(monkeypatch, tmp_path, (r"^tags: .*\n", ""), (r"^He led\.$", "He led, I followed."))
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    said = _said(result.stderr)
    assert "Updated entry 1." in said
    assert ("kept as they are in entry 1: the `tags:` line (to clear the tags, keep `tags:` "
            "with nothing after it).") in said
    entry = _entry(cli)
    assert entry["tags"] == ["advocacy", "family"] and entry["evaluation"] == "He led, I followed."


def test_a_deleted_section_and_date_line_are_named_together(
    cli: CLI, written: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _editing(monkeypatch, tmp_path, (r"^date: .*\n", ""),
             (r"^## Self-care\n(.*\n)*", ""))
    result = cli("edit", "1")
    said = _said(result.stderr)
    assert ("kept as they are in entry 1: the Self-care section and the `date:` line (to "
            "remove one, keep its heading and empty it).") in said
    assert _entry(cli) == written


def test_emptied_tags_and_setting_lines_clear_them_with_no_note(
    cli: CLI, written: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _editing(monkeypatch, tmp_path, (r"^tags: .*$", "tags:"), (r"^setting: .*$", "setting:"))
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    assert "Updated entry 1." in result.stderr and "Not in the file" not in result.stderr
    entry = _entry(cli)
    assert entry["tags"] == [] and entry["setting"] == ""


def test_a_file_of_plain_text_names_no_header_line(
    cli: CLI, written: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file of plain text is the experience alone: its headers are not "deleted" one by one."""
    use_editor(monkeypatch, tmp_path, 'open(path, "w").write("Walked; he talked.\\n")\n')
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    assert "the Feelings, Evaluation and Self-care sections" in _said(result.stderr)
    assert "`tags:`" not in result.stderr and "`date:`" not in result.stderr
    entry = _entry(cli)
    assert entry["experience"] == "Walked; he talked." and entry["tags"] == written["tags"]
