"""QA round 32, second pass (#6-#8): front matter between `---` lines, header-looking lines in
the text, a mistyped header line at the top of a file without sections, a first line that runs
on like a sentence, and an answer to a question no longer in the set shown with its heading once.
Each piped (--stdin) or read from a file (--from-file), as a writer would."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import CLI
from peerjournal import reflection
from peerjournal.entry import EntryDraft


def written(cli: CLI, tmp_path: Path, how: str, text: str) -> Result:
    if how == "--stdin":
        return cli("write", "--stdin", input=text)
    note = tmp_path / "note.md"
    note.write_text(text, "utf-8")
    return cli("write", "--from-file", str(note))


def saved(cli: CLI, entry_id: int = 1) -> dict[str, object]:
    shown = cli("show", str(entry_id), "--json")
    assert shown.exit_code == 0, shown.stderr
    entry: dict[str, object] = json.loads(shown.stdout)
    return entry


def nothing_saved(cli: CLI, isolated: Path, how: str = "--stdin") -> None:
    """Nothing saved; piped text kept as a draft (a file is there already)."""
    assert cli("show", "1", "--json").exit_code != 0
    drafts = isolated / "drafts"
    assert (drafts.is_dir() and any(drafts.iterdir())) == (how == "--stdin")


BOTH = pytest.mark.parametrize("how", ["--stdin", "--from-file"])


# -- #6a: front matter between `---` lines ----------------------------------------------------


@BOTH
@pytest.mark.parametrize("text", [
    "---\ndate: 2026-11-16\n---\n\nText\n## Feelings\nok\n",  # the QA's file (was refused)
    "---\ndate: 2026-11-16\n---\nText\n## Feelings\nok\n",
    "\n---\ndate: 2026-11-16\n---\n\n## Experience\nText\n## Feelings\nok\n",
])
def test_front_matter_is_read_as_header_lines(
    cli: CLI, isolated: Path, tmp_path: Path, how: str, text: str
) -> None:
    result = written(cli, tmp_path, how, text)
    assert result.exit_code == 0, result.stderr
    entry = saved(cli)
    assert (entry["date"], entry["experience"], entry["feelings"]) == ("2026-11-16", "Text", "ok")


@BOTH
def test_front_matter_as_markdown_notes_write_it_in_a_file_without_sections(
    cli: CLI, isolated: Path, tmp_path: Path, how: str
) -> None:
    text = ('---\ndate: "2026-11-16"\nsetting: inpatient\ntags: [handover, family]\n'
            "mode: in-action\n---\n\nA quiet shift.\n")
    result = written(cli, tmp_path, how, text)
    assert result.exit_code == 0, result.stderr
    entry = saved(cli)
    assert entry["date"] == "2026-11-16"
    assert (entry["setting"], entry["tags"], entry["mode"]) == (
        "inpatient", ["family", "handover"], "in-action")
    assert entry["experience"] == "A quiet shift."


@BOTH
@pytest.mark.parametrize(("text", "error"), [
    ("---\ntitle: Shift\ndate: 2026-11-16\n---\n\nText\n## Feelings\nok\n",
     "Line 2: 'title:' is not a header line; between the '---' lines, the header lines are "
     "'date:', 'setting:', 'tags:', 'mode:' or 'prompts:'"),
    ("---\ndate: 2026-11-16\ndtae: 2026-11-15\n---\nText\n",
     "Line 3: 'dtae' is not a header line (did you mean 'date:'?)"),
    ("---\ndate: 2026-11-16\n\nText\n## Feelings\nok\n",
     "Line 1: the '---' there opens header lines that no '---' line closes"),
    ("---\ntags:\n  - ward\n---\nText\n", "Line 3: this is not a header line"),
])
def test_front_matter_that_cannot_be_read_is_refused_never_saved_as_text(
    cli: CLI, isolated: Path, tmp_path: Path, how: str, text: str, error: str
) -> None:
    result = written(cli, tmp_path, how, text)
    assert result.exit_code == 1
    assert error in result.stderr
    assert "Traceback" not in result.stderr
    nothing_saved(cli, isolated, how)


def test_a_rule_at_the_top_is_text(cli: CLI) -> None:
    """`---` with no `key:` line after it is a Markdown rule, as before."""
    result = cli("write", "--stdin", input="---\nA hard night.\n---\n\nWe talked.\n")
    assert result.exit_code == 0, result.stderr
    assert saved(cli)["experience"] == "---\nA hard night.\n---\n\nWe talked."


# -- #6b: header-looking lines after the first line of text ------------------------------------


@BOTH
@pytest.mark.parametrize("text", [
    "Lead text first.\ndate: 2026-11-10\nsettnig: ward\n## Feelings\nok\n",
    "Lead text first.\ndate: 2026-11-10\nsettnig: ward\n",
])
def test_header_looking_lines_after_text_are_text(
    cli: CLI, tmp_path: Path, how: str, text: str
) -> None:
    """Header lines are read at the top only, as in a file without sections ("Date: we met
    at 3" further down is the writer's own words)."""
    result = written(cli, tmp_path, how, text)
    assert result.exit_code == 0, result.stderr
    entry = saved(cli)
    assert entry["experience"] == "Lead text first.\ndate: 2026-11-10\nsettnig: ward"
    assert (entry["date"], entry["setting"]) == ("2026-11-20", "")


# -- #6c: a mistyped header line at the top of a file without sections -------------------------


@BOTH
@pytest.mark.parametrize(("text", "line", "meant"), [
    ("dtae: 2026-11-19\n\nA quiet shift.\n", 1, "dtae' is not a header line (did you mean 'date:'"),
    ("date: 2026-11-19\nsettnig: ward\n\nA quiet shift.\n", 2,
     "settnig' is not a header line (did you mean 'setting:'"),
])
def test_a_mistyped_header_line_ended_by_a_blank_line_is_refused(
    cli: CLI, isolated: Path, tmp_path: Path, how: str, text: str, line: int, meant: str
) -> None:
    result = written(cli, tmp_path, how, text)
    assert result.exit_code == 1
    assert f"Line {line}: '{meant}?); the header lines are" in result.stderr
    nothing_saved(cli, isolated, how)


@pytest.mark.parametrize(("text", "experience", "setting"), [
    # as before this round: a header block counts only when a blank line ends it
    ("dtae: 2026-11-19\nA quiet shift.\n", "dtae: 2026-11-19\nA quiet shift.", ""),
    ("date: 2026-11-18\nNo blank line.\n", "date: 2026-11-18\nNo blank line.", ""),
    ("Mood: low\n\nA quiet shift.\n", "Mood: low\n\nA quiet shift.", ""),
    ("setting: ward\n\nA quiet shift.\n", "A quiet shift.", "ward"),
    ("A quiet shift.\n", "A quiet shift.", ""),
])
def test_files_without_sections_read_as_before(
    cli: CLI, text: str, experience: str, setting: str
) -> None:
    result = cli("write", "--stdin", input=text)
    assert result.exit_code == 0, result.stderr
    entry = saved(cli)
    assert (entry["experience"], entry["setting"]) == (experience, setting)


# -- #7: a first line that runs on like a sentence ---------------------------------------------


@BOTH
@pytest.mark.parametrize(("text", "experience", "feelings"), [
    ("Setting: busy ward, no beds, and he was upset\n## Feelings\nok\n",
     "Setting: busy ward, no beds, and he was upset", "ok"),
    ("Setting: busy ward, no beds, and he was upset\nHe shouted.\n## Feelings\nok\n",
     "Setting: busy ward, no beds, and he was upset\nHe shouted.", "ok"),
    ("Date: we met at three and talked for an hour\n## Feelings\nok\n",
     "Date: we met at three and talked for an hour", "ok"),
    ("Setting: busy ward, no beds, and he was upset\n", "Setting: busy ward, no beds, and he "
     "was upset", ""),
])
def test_an_opening_line_that_runs_on_is_the_experience(
    cli: CLI, tmp_path: Path, how: str, text: str, experience: str, feelings: str
) -> None:
    result = written(cli, tmp_path, how, text)
    assert result.exit_code == 0, result.stderr
    entry = saved(cli)
    assert (entry["experience"], entry["feelings"], entry["setting"]) == (
        experience, feelings, "")


@pytest.mark.parametrize(("text", "setting", "experience"), [
    # a blank line, then text: a header line, however long
    ("Setting: busy ward, no beds\n\nHe was upset.\n## Feelings\nok\n", "busy ward, no beds",
     "He was upset."),
    ("setting: inpatient\ntags: a, b, c\n\nHe was upset.\n", "inpatient", "He was upset."),
])
def test_a_long_header_line_ended_by_a_blank_line_is_a_header(
    cli: CLI, text: str, setting: str, experience: str
) -> None:
    result = cli("write", "--stdin", input=text)
    assert result.exit_code == 0, result.stderr
    entry = saved(cli)
    assert (entry["setting"], entry["experience"]) == (setting, experience)


def test_a_short_header_line_with_no_experience_is_still_refused_as_empty(
    cli: CLI, isolated: Path
) -> None:
    result = cli("write", "--stdin", input="setting: ward\n## Feelings\nok\n")
    assert result.exit_code == 1
    assert "The experience is empty" in result.stderr
    nothing_saved(cli, isolated)


def test_a_long_header_line_above_an_experience_section_is_a_header(cli: CLI) -> None:
    text = "setting: busy ward, no beds, and he was upset\n## Experience\nWe walked.\n"
    result = cli("write", "--stdin", input=text)
    assert result.exit_code == 0, result.stderr
    entry = saved(cli)
    assert (entry["setting"], entry["experience"]) == (
        "busy ward, no beds, and he was upset", "We walked.")


# -- #8: an answer to a question no longer in the set, headed once ------------------------------


@BOTH
def test_an_answer_under_a_gone_questions_heading_is_headed_once(
    cli: CLI, tmp_path: Path, how: str
) -> None:
    text = ("## Experience\nWe walked.\n## Evaluation\nFine.\n"
            "### Gone question <!-- id: gone_q -->\nI would ask first.\n")
    result = written(cli, tmp_path, how, text)
    assert result.exit_code == 0, result.stderr
    assert saved(cli)["answers"] == {"gone_q": "### Gone question\nI would ask first."}
    shown = cli("show", "1").stdout
    assert "Gone question (not in the entry's prompt set)\nI would ask first.\n" in shown
    assert "###" not in shown
    assert "Gone q " not in shown


def test_an_answer_to_a_gone_question_without_a_heading_is_shown_by_its_id(cli: CLI) -> None:
    text = "## Experience\nWe walked.\n## Evaluation\n### gone_q <!-- id: gone_q -->\nAsk.\n"
    assert cli("write", "--stdin", input=text).exit_code == 0
    assert "Gone q (not in the entry's prompt set)\nAsk.\n" in cli("show", "1").stdout


# -- files that worked before -------------------------------------------------------------------


def test_the_editor_template_reads_as_before_with_a_rule_and_a_gone_answer() -> None:
    prompt_set = reflection.load_prompt_set("boud")
    draft = EntryDraft(date=date(2026, 11, 20), experience="---\nWe walked.", setting="ward",
                       tags=["a"], feelings="Calm.", answers={"gone_q": "Heavy."})
    parsed = reflection.parse_template(reflection.format_template(draft, prompt_set), prompt_set)
    assert parsed.texts["experience"] == "---\nWe walked."
    assert (parsed.date, parsed.setting, parsed.tags) == ("2026-11-20", "ward", ["a"])
    assert parsed.answers == {"gone_q": "Heavy."}
