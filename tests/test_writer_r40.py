"""Round 40 (writer4): `edit` says what it kept when every header line is deleted, and when a
`date:` or `mode:` line is left empty; a --setting refused as too long is kept with its draft,
and `write --resume --editor --setting X` saves with the editor closed unsaved; a name typed in
lower case before a feeling or deed in a setting is questioned, ordinary words are not."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, Keys
from test_editor_drafts_r29 import use_editor
from test_write import entries

# (today, conftest's FIXED_NOW, is Fri 20 Nov 2026)
ENTRY = (
    "## Experience\nWalked with Dev to the job centre.\n\n## Feelings\nIrritated, then "
    "steadier.\n\n## Evaluation\nHe led.\n\n## Self-care\nswimming\n"
)
LONG = "crisis house, night shift, bank staff, ward 4, day centre, outreach van"  # 71
AFTER = ["", "", "", "", "", ""]  # feelings to self-care, then "Save this entry?"
TOO_LONG = "A setting can be at most 64 characters"


def _said(stderr: str) -> str:
    return " ".join(stderr.split())


def _entry(cli: CLI, entry_id: int = 1) -> dict[str, Any]:
    result = cli("show", str(entry_id), "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _drafts(home: Path) -> list[Path]:
    folder = home / "drafts"
    return sorted(p for p in folder.glob("*.*") if p.is_file()) if folder.is_dir() else []


@pytest.fixture
def written(cli: CLI, isolated: Path) -> dict[str, Any]:
    result = cli("write", "--stdin", "-d", "2026-11-18", "-s", "inpatient", "-t", "advocacy",
                 "-t", "family", input=ENTRY)
    assert result.exit_code == 0, result.stderr
    return _entry(cli)


def _editing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, *pairs: tuple[str, str]) -> None:
    """$EDITOR: replace each regular expression of `pairs` (multi-line) in the file."""
    use_editor(monkeypatch, tmp_path, f"""
        import re
        text = open(path).read()
        for old, new in {list(pairs)!r}:
            text = re.sub(old, new, text, flags=re.M)
        open(path, "w").write(text)
    """)


# -- 1. every header line deleted: kept, and said, with how to change one ----------------------

EVERY_LINE = (r"^(date|setting|tags|mode|prompts):.*\n", "")
KEPT_ALL = (
    "Not in the file, so kept as they are in entry 1: the `date:`, `setting:`, `tags:` and "
    "`mode:` lines (to change one, put its line back at the top with the new value; to clear "
    "the setting or the tags, keep `setting:` or `tags:` with nothing after it)."
)


def test_every_header_line_deleted_with_a_change_says_they_were_kept(
    cli: CLI, written: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Was: "Updated entry 1." alone, the setting and tags kept silently."""
    _editing(monkeypatch, tmp_path, EVERY_LINE, (r"^He led\.$", "He led, I followed."))
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    said = _said(result.stderr)
    assert "Updated entry 1." in said and said.count(KEPT_ALL) == 1
    entry = _entry(cli)
    assert entry["evaluation"] == "He led, I followed."
    assert (entry["date"], entry["setting"], entry["tags"], entry["mode"]) == (
        written["date"], "inpatient", ["advocacy", "family"], written["mode"])


def test_every_header_line_deleted_alone_is_unchanged_and_said(
    cli: CLI, written: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _editing(monkeypatch, tmp_path, EVERY_LINE)
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    said = _said(result.stderr)
    assert "Entry 1 is unchanged." in said and KEPT_ALL in said
    assert _entry(cli) == written


def test_a_file_of_plain_text_still_names_no_header_line(
    cli: CLI, written: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    use_editor(monkeypatch, tmp_path, 'open(path, "w").write("Walked; he talked.\\n")\n')
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    assert "`setting:`" not in result.stderr and "put its line back" not in result.stderr


# -- 2. a `date:` or `mode:` line left empty: said so, and what was kept -----------------------


def test_emptied_date_and_mode_lines_are_said_left_empty_not_missing(
    cli: CLI, written: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Was: "Not in the file, so kept as they are in entry 1: the `date:` and `mode:` lines"."""
    _editing(monkeypatch, tmp_path, (r"^date: .*$", "date:"), (r"^mode: .*$", "mode:  "),
             (r"^He led\.$", "He led, I followed."))
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    said = _said(result.stderr)
    assert "Updated entry 1." in said and "Not in the file" not in said
    assert (
        "The `date:` and `mode:` lines were left empty, so entry 1 keeps its date (2026-11-18) "
        "and mode (on-action), which an entry always has: to change one, type the new value "
        "after the colon."
    ) in said
    entry = _entry(cli)
    assert (entry["date"], entry["mode"]) == ("2026-11-18", "on-action")


def test_an_emptied_date_alone_is_unchanged_and_said(
    cli: CLI, written: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _editing(monkeypatch, tmp_path, (r"^date: .*$", "date:"))
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    said = _said(result.stderr)
    assert (
        "The `date:` line was left empty, so entry 1 keeps its date (2026-11-18), which an "
        "entry always has: to change it, type the new value after the colon."
    ) in said
    assert "Entry 1 is unchanged." in said and "Not in the file" not in said
    assert _entry(cli) == written


def test_an_emptied_mode_and_a_deleted_tags_line_are_each_said_truly(
    cli: CLI, written: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _editing(monkeypatch, tmp_path, (r"^mode: .*$", "mode:"), (r"^tags: .*\n", ""))
    result = cli("edit", "1")
    said = _said(result.stderr)
    assert ("kept as they are in entry 1: the `tags:` line (to clear the tags, keep `tags:` "
            "with nothing after it).") in said
    assert "The `mode:` line was left empty, so entry 1 keeps its mode (on-action)" in said
    assert "`mode:` line (" not in said and "put its line back" not in said
    assert _entry(cli) == written


# -- 3. a --setting refused as too long: kept; --resume --editor --setting saves it ------------


def _closing_unsaved(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A terminal, and an editor that quits without saving (vim's `:q!`)."""
    from peerjournal.cli import editor
    from peerjournal.context import AppContext

    monkeypatch.setattr(editor, "QUICK_EXIT_SECONDS", 0.0)
    monkeypatch.setattr(AppContext, "stdin_is_terminal", lambda self: True)
    script = tmp_path / "quits.py"
    script.write_text("import sys\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)


def _piped_with_a_long_setting(cli: CLI, isolated: Path) -> Path:
    result = cli("write", "--stdin", "-s", LONG, input="Sat with Jo at the drop-in.\n")
    assert result.exit_code == 1
    assert TOO_LONG in _said(result.stderr)
    assert '--resume --draft 1 --setting "SETTING"' in _said(result.stderr)
    [draft] = _drafts(isolated)
    assert LONG in draft.read_text(encoding="utf-8")  # the words typed are not lost
    return draft


def test_resume_editor_with_a_setting_saves_a_piped_draft_closed_unsaved(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    """Was: "No changes were made in the editor, so nothing was saved." (the setting refused
    was not in the draft: nothing told the given --setting was its fix)."""
    _piped_with_a_long_setting(cli, isolated)
    _closing_unsaved(monkeypatch, tmp_path)
    result = cli("write", "--resume", "--editor", "--setting", "ward 4")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert (entry["setting"], entry["experience"]) == ("ward 4", "Sat with Jo at the drop-in.")
    assert _drafts(isolated) == []


def test_resume_editor_closed_unsaved_without_the_fix_still_saves_nothing(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    draft = _piped_with_a_long_setting(cli, isolated)
    before = draft.read_text(encoding="utf-8")
    _closing_unsaved(monkeypatch, tmp_path)
    for extra in ([], ["--tag", "outreach"]):
        result = cli("write", "--resume", "--editor", *extra)
        assert result.exit_code == 1
        assert "No changes were made in the editor, so nothing was saved." in _said(result.stderr)
    assert entries(cli) == []
    assert draft.read_text(encoding="utf-8") == before


def test_resume_alone_refuses_the_kept_setting_again_naming_setting(
    cli: CLI, isolated: Path
) -> None:
    draft = _piped_with_a_long_setting(cli, isolated)
    again = cli("write", "--resume", input="y\n")
    assert again.exit_code == 1
    assert TOO_LONG in _said(again.stderr) and '--draft 1 --setting "SETTING"' in _said(
        again.stderr)
    assert _drafts(isolated) == [draft] and entries(cli) == []
    result = cli("write", "--resume", "--setting", "ward 4", input="y\n")
    assert result.exit_code == 0, result.stderr
    assert entries(cli)[0]["setting"] == "ward 4"


def test_a_quick_entry_with_a_long_setting_saves_from_the_editor_closed_unsaved(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    result = cli("write", "-x", "Sat with Jo.", "-s", LONG)
    assert result.exit_code == 1 and TOO_LONG in _said(result.stderr)
    [draft] = _drafts(isolated)
    assert json.loads(draft.read_text(encoding="utf-8"))["entry"]["setting"] == LONG
    _closing_unsaved(monkeypatch, tmp_path)
    result = cli("write", "--resume", "--editor", "--setting", "ward 4")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert (entry["setting"], entry["experience"]) == ("ward 4", "Sat with Jo.")


@pytest.mark.parametrize("typed", [",", "\x1b["])
def test_a_setting_with_no_letter_is_not_kept(cli: CLI, isolated: Path, typed: str) -> None:
    result = cli("write", "--stdin", "-s", typed, input="Sat with Jo.\n")
    assert result.exit_code == 1
    [draft] = _drafts(isolated)
    assert "peerjournal write options" not in draft.read_text(encoding="utf-8")


# -- 4. a name in lower case before a feeling or deed in a setting -----------------------------

NAMED = {
    "busy ward, jamal upset": "jamal", "jamal upset": "jamal", "jamal kicked off": "jamal",
    "jamal lost his flat": "jamal", "ward 4, kai crying": "kai", "busy ward jamal upset": "jamal",
    "grace upset": "grace", "night shift, dev agitated": "dev", "james upset": "james",
}
ORDINARY = [
    "staff upset", "ward busy", "everyone tired", "busy ward, staff upset", "bus late",
    "stock low", "keys missing", "lift broke", "visibly upset", "bit upset", "residents upset",
    "client agitated", "patients distressed", "meds changed", "rota changed", "mum upset",
    "kids screaming", "hospice, relatives grieving", "cafe, rain pouring", "drop-in, quiet",
    "library, computers crashed", "gp surgery, receptionist rude", "ward, man shouting",
    "home visit, dog barking", "tea room, everyone exhausted", "crisis house, kai's flat",
    "inpatient", "busy ward, no beds", "street outreach, rough sleepers freezing",
]


@pytest.mark.parametrize(("line", "name"), NAMED.items())
def test_a_lower_case_name_before_a_feeling_or_deed_is_named(line: str, name: str) -> None:
    from peerjournal.cli.guided import named_note, person_named

    assert person_named(line) == name
    assert named_note(line) is not None


@pytest.mark.parametrize("line", ORDINARY)
def test_ordinary_lower_case_words_are_no_name(line: str) -> None:
    from peerjournal.cli.guided import person_named, reads_like_a_sentence

    assert person_named(line) == ""
    assert not reads_like_a_sentence(line, one_value=True)


def test_the_prompt_questions_a_lower_case_name_and_n_keeps_it(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """Was: taken without a question (the export flagged it later)."""
    keys("busy ward, jamal upset", "n", "He sat down.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert (
        "'jamal' may be a person's name, and a setting is a place (it shows in reports and "
        "exports): begin your experience with it instead? [Y/n]"
    ) in _said(result.stderr)
    [entry] = entries(cli)
    assert entry["setting"] == "busy ward, jamal upset"


def test_the_prompt_takes_an_ordinary_lower_case_setting_unasked(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("busy ward, staff upset", "He sat down.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "may be a person's name" not in result.stderr
    assert entries(cli)[0]["setting"] == "busy ward, staff upset"


def test_closed_unsaved_on_a_draft_whose_setting_is_refused_names_setting(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    _piped_with_a_long_setting(cli, isolated)
    _closing_unsaved(monkeypatch, tmp_path)
    result = cli("write", "--resume")
    assert result.exit_code == 1
    assert ("The draft's setting cannot be saved as it is: give another with --setting, and "
            "the draft is saved even with the editor closed unchanged.") in _said(result.stderr)


@pytest.mark.parametrize(("line", "name"), [
    ("jamal was upset", "jamal"), ("jamal not coping", "jamal"),
    ("ward, jamal really angry", "jamal"),
])
def test_a_lower_case_name_with_words_before_the_feeling_is_named(line: str, name: str) -> None:
    from peerjournal.cli.guided import person_named

    assert person_named(line) == name


@pytest.mark.parametrize("line", ["food was cold", "bus was late", "heating was off"])
def test_a_thing_and_its_state_is_no_name(line: str) -> None:
    from peerjournal.cli.guided import person_named

    assert person_named(line) == ""


def test_the_setting_check_of_a_draft_that_does_not_parse_raises_nothing() -> None:
    """(on an editor closed unsaved: "No changes were made", never the file's own error)"""
    from peerjournal.cli.write import _own_setting_refused

    assert not _own_setting_refused("## Feelngs\nCalm.\n")
    assert _own_setting_refused(f"setting: {LONG}\n\n## Experience\nSat.\n")
