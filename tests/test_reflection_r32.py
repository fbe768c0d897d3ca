"""QA round 31: free text before an element heading in piped text (#9), an answer to a question
no longer in the prompt set (#8), a search query quoted as typed and NULs between words (#14)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from conftest import CLI, CTRL_C, Keys
from peerjournal import paths, reflection
from peerjournal.db.store import Store
from peerjournal.entry import EntryDraft
from peerjournal.textsafe import without_nul


def kept_drafts(home: Path) -> list[Path]:
    folder = home / "drafts"
    return sorted(folder.iterdir()) if folder.is_dir() else []


# -- #9: text before the first `##` section ----------------------------------------------------


@pytest.mark.parametrize("how", ["--stdin", "--from-file"])
def test_text_before_an_element_heading_is_the_experience(
    cli: CLI, store: Store, isolated: Path, tmp_path: Path, how: str
) -> None:
    text = "We walked to the housing office.\nHe did the talking.\n## Feelings\nCalm.\n"
    if how == "--stdin":
        result = cli("write", "--stdin", input=text)
    else:
        note = tmp_path / "note.md"
        note.write_text(text, "utf-8")
        result = cli("write", "--from-file", str(note))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "1\n"
    [entry] = store.iter_all()
    assert entry.experience == "We walked to the housing office.\nHe did the talking."
    assert entry.feelings == "Calm."
    assert kept_drafts(isolated) == []


def test_header_lines_then_a_blank_line_then_text_before_the_sections(
    cli: CLI, store: Store
) -> None:
    text = "setting: inpatient\ntags: handover\n\nWe walked.\n\n## Evaluation\nIt went ok.\n"
    result = cli("write", "--stdin", input=text)
    assert result.exit_code == 0, result.stderr
    [entry] = store.iter_all()
    assert (entry.setting, entry.tags) == ("inpatient", ["handover"])
    assert (entry.experience, entry.evaluation) == ("We walked.", "It went ok.")


@pytest.mark.parametrize(("text", "error"), [
    # front matter with a date that cannot be: its own clear error, as before
    ("date: 2026-13-45\n\n## Experience\nWe walked.\n", "there is no month 13"),
    ("date: 2026-13-45\n\nWe walked.\n## Feelings\nCalm.\n", "there is no month 13"),
    # a header line mistyped is not taken for the start of the experience
    ("dtae: 2026-11-19\n\n## Feelings\nCalm.\n",
     "Line 1: 'dtae' is not a header line (did you mean 'date:'?)"),
    ("Settings: ward\nWe walked.\n## Feelings\nCalm.\n",
     "Line 1: 'Settings' is not a header line (did you mean 'setting:'?)"),
    # text run on from the header lines, with no blank line between
    ("setting: ward\nWe walked.\n## Feelings\nCalm.\n",
     "Line 2: expected 'date:', 'setting:', 'tags:', 'mode:' or 'prompts:' before the first "
     "## section (a blank line after them, then text, starts the experience)."),
    # an experience of its own: the text above it belongs nowhere
    ("Stray line\n## Experience\nWe walked.\n",
     "Line 1: expected 'date:', 'setting:', 'tags:', 'mode:' or 'prompts:' before the first "
     "## section."),
])
def test_front_matter_that_cannot_be_read_is_still_refused_and_kept(
    cli: CLI, store: Store, isolated: Path, text: str, error: str
) -> None:
    result = cli("write", "--stdin", input=text)
    assert result.exit_code == 1
    assert error in result.stderr
    assert "Traceback" not in result.stderr
    assert list(store.iter_all()) == []
    [kept] = kept_drafts(isolated)
    assert "We walked." in kept.read_text("utf-8") or "Calm." in kept.read_text("utf-8")


def test_an_opening_that_only_looks_like_a_header_is_experience(
    cli: CLI, store: Store
) -> None:
    result = cli("write", "--stdin", input="Mood: low after the ward round.\n## Feelings\nTired.\n")
    assert result.exit_code == 0, result.stderr
    [entry] = store.iter_all()
    assert (entry.experience, entry.feelings) == ("Mood: low after the ward round.", "Tired.")


def test_the_editor_template_reads_as_before() -> None:
    prompt_set = reflection.load_prompt_set("boud")
    draft = EntryDraft(
        date=date(2026, 11, 20), experience="We walked.", setting="ward",
        answers={"do_differently": "Ask first."},
    )
    parsed = reflection.parse_template(reflection.format_template(draft, prompt_set), prompt_set)
    assert parsed.texts["experience"] == "We walked."
    assert (parsed.setting, parsed.date) == ("ward", "2026-11-20")
    assert parsed.answers == {"do_differently": "Ask first."}


# -- #8: an answer to a question no longer in the set ------------------------------------------


def shift_set(question_id: str) -> str:
    boud = (reflection.prompts_dir() / "boud.toml").read_text("utf-8")
    return boud.replace('id = "obstructing_feeling"', f'id = "{question_id}"')


def test_an_answer_to_a_renamed_question_is_kept_and_not_passed_off_as_evaluation(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys]
) -> None:
    folder = paths.user_prompts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "shift.toml").write_text(shift_set("carrying"), "utf-8")
    # setting, experience; feelings skipped, its question answered, then Ctrl-C
    keys("ward", "We walked to the office.", "", "", "The look on his face.", CTRL_C)
    assert cli("write", "--prompts", "shift").exit_code == 130
    [draft] = (isolated / "drafts").glob("*.json")
    assert json.loads(draft.read_text("utf-8"))["entry"]["answers"] == {
        "carrying": "The look on his face."
    }
    (folder / "shift.toml").write_text(shift_set("carry2"), "utf-8")  # the same text, a new id
    reflection._load.cache_clear()  # (a new process reads the set again)
    # carry2 asked, skipped; evaluation and its question skipped; tags, self-care; save
    keys("", "", "", "", "", "y")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert "Evaluation skipped" in result.stderr
    assert "see Answers" not in result.stderr
    assert "Answers    The look on his face." in result.stderr
    [entry] = store.iter_all()
    assert entry.answers == {"carrying": "The look on his face."}  # never dropped
    shown = cli("show", "1").stdout
    assert "Carrying (not in the entry's prompt set)\nThe look on his face." in shown


def test_the_review_still_says_when_only_an_elements_question_was_answered(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("ward", "We walked.", "", "", "Irritated.", "", "", "", "", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "Feelings   see Answers (only its question was answered)" in result.stderr
    assert "Evaluation skipped" in result.stderr


def test_answers_are_placed_by_the_sets_questions_then_the_rest_under_evaluation() -> None:
    """Exports and summaries place them as before: only `show` says why one is there."""
    layout = reflection.answer_layout("boud")
    answers = {"old_one": "Kept.", "do_differently": "Ask first.", "obstructing_feeling": " "}
    assert reflection.set_answers(answers, layout, "feelings") == []
    assert reflection.element_answers(answers, layout, "evaluation") == [
        ("Appropriation: what do you now own; what will you do differently?", "Ask first."),
        ("Old one", "Kept."),
    ]


def test_show_says_when_an_answers_set_is_not_installed(cli: CLI, store: Store) -> None:
    store.add_entry(
        EntryDraft(date=date(2026, 11, 19), experience="Ward.", prompt_set="mine",
                   answers={"what_helped": "Tea."}),
        datetime(2026, 11, 19, tzinfo=UTC),
    )
    shown = cli("show", "1").stdout
    assert "What helped (its prompt set, 'mine', is not installed here)\nTea." in shown


# -- #14: a query as typed; NULs between words ---------------------------------------------------


def test_a_query_is_quoted_as_typed(cli: CLI, add: Callable[..., int]) -> None:
    add()
    sigh = "😮\u200d💨"
    result = cli("search", sigh)
    assert result.exit_code != 0
    assert f"Nothing to search for in '{sigh}'" in result.stderr
    assert "\\u200d" not in result.stderr
    escape = cli("search", "zzq\x1b[31m")
    assert "Nothing found for 'zzq\\x1b[31m'." in escape.stdout + escape.stderr
    assert "\x1b" not in escape.stdout + escape.stderr
    apostrophe = cli("search", "Sam's")
    assert "Nothing found for \"Sam's\"" in apostrophe.stdout + apostrophe.stderr


@pytest.mark.parametrize(("text", "kept"), [
    ("ok\x00nul", "ok nul"),
    ("ok\x00\x00nul word", "ok nul word"),
    ("W\x00e\x00 \x00w\x00a\x00l\x00k\x00e\x00d\x00.\x00", "We walked."),  # UTF-16, no mark
    ("\x00end.\x00", "end."),
])
def test_a_nul_between_words_is_a_space(text: str, kept: str) -> None:
    assert without_nul(text) == kept


def test_the_editor_template_says_an_answer_is_to_no_question_of_the_set() -> None:
    prompt_set = reflection.load_prompt_set("boud")
    draft = EntryDraft(date=date(2026, 11, 20), experience="x", answers={"carrying": "Heavy."})
    template = reflection.format_template(draft, prompt_set)
    assert ("### carrying <!-- id: carrying -->\n<!-- Not a question of the 'boud' prompt set "
            "(renamed or removed since, or from an import): your answer is kept. -->\nHeavy.\n"
            ) in template
    assert reflection.parse_template(template, prompt_set).answers == {"carrying": "Heavy."}
