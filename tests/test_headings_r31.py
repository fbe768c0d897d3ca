"""`###` lines in the Markdown entry format (`write --editor`, `write --from-file`, `edit`).

Was: words typed on a question's heading line were dropped without a sign (saved with exit 0,
or "No changes." in `edit`), and a heading of the writer's own became a question id made of
its lower-case ASCII letters ("### 住房" shown as "Q", "What helped?" and "What helped!" one
answer, "After Kerry Walsh left" exported as "After kerry walsh left", past the capitalised-word
check), shown under Evaluation whatever section it was written in.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CLI
from peerjournal.db.store import Store
from peerjournal.entry import EntryDraft
from peerjournal.reflection import apply_parsed, format_template, load_prompt_set, parse_template

QUESTION = "### Appropriation: what do you now own; what will you do differently?"
ID = "<!-- id: do_differently -->"
TYPED = "Ask Sam first next time."
NO_CHANGES = "Entry 1 is unchanged."  # (was "No changes.": one wording, r37)


def entry(cli: CLI, entry_id: int = 1) -> dict[str, Any]:
    result = cli("show", str(entry_id), "--json")
    assert result.exit_code == 0, result.stderr
    stored: dict[str, Any] = json.loads(result.stdout)
    return stored


def from_file(cli: CLI, tmp_path: Path, text: str) -> Any:
    source = tmp_path / "entry.md"
    source.write_text(text, encoding="utf-8")
    return cli("write", "--from-file", str(source))


# -- 1. words typed on a question's heading line ---------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        f"{QUESTION} {ID} {TYPED}",  # the end of the line: after the comment
        f"{QUESTION} {ID}{TYPED}",
        f"{QUESTION} {TYPED} {ID}",  # after the question, before its comment
        f"{QUESTION}   {TYPED}{ID}   ",
    ],
)
def test_words_typed_on_a_questions_heading_line_start_its_answer(
    cli: CLI, tmp_path: Path, heading: str
) -> None:
    result = from_file(cli, tmp_path, f"## Experience\nWard round.\n\n## Evaluation\n{heading}\n")
    assert result.exit_code == 0, result.stderr
    assert entry(cli)["answers"] == {"do_differently": TYPED}
    shown = cli("show", "1").stdout
    assert f"{QUESTION[4:]}\n{TYPED}" in shown


def test_words_on_the_heading_line_come_before_the_lines_below_it(
    cli: CLI, tmp_path: Path
) -> None:
    text = f"## Evaluation\n{QUESTION} {ID} {TYPED}\nAnd say why.\n\n## Experience\nWard round.\n"
    assert from_file(cli, tmp_path, text).exit_code == 0
    assert entry(cli)["answers"] == {"do_differently": f"{TYPED}\nAnd say why."}


def test_a_reworded_question_is_kept_as_a_heading_of_the_writers_own(
    cli: CLI, tmp_path: Path
) -> None:
    """Words of the writer's own anywhere but after the question: the heading, whole."""
    text = f"## Experience\nWard round.\n### What I own now, honestly {ID}\nThe silence.\n"
    assert from_file(cli, tmp_path, text).exit_code == 0
    assert entry(cli)["answers"] == {
        "do_differently": "### What I own now, honestly\nThe silence."
    }


@pytest.mark.parametrize(
    "heading",
    [
        f"{QUESTION} {ID}",
        f"### appropriation:   WHAT do you now own; what will you do differently? {ID}",
        f"### What will you do differently? {ID}",  # shortened: no words of the writer's own
        f"### {ID}",
        f"### do_differently {ID}",
    ],
)
def test_the_question_as_the_template_gives_it_adds_nothing(
    cli: CLI, tmp_path: Path, heading: str
) -> None:
    text = f"## Experience\nWard round.\n\n## Evaluation\n{heading}\nThe silence.\n"
    assert from_file(cli, tmp_path, text).exit_code == 0
    assert entry(cli)["answers"] == {"do_differently": "The silence."}


def test_a_question_heading_written_by_hand_adds_nothing(cli: CLI, tmp_path: Path) -> None:
    """A shorter wording of the set's question that starts like the question's id made
    readable ("Now what?" for now_what, "Now what? What will you do differently, …")."""
    text = ("prompts: driscoll\n\n## Experience\nA long day.\n\n## Evaluation\n"
            "### Now what? <!-- id: now_what -->\nBring the forms.\n")
    assert from_file(cli, tmp_path, text).exit_code == 0
    assert entry(cli)["answers"] == {"now_what": "Bring the forms."}


def test_a_heading_with_no_answer_under_it_still_keeps_its_words(
    cli: CLI, isolated: Path, edits: Callable[..., None]
) -> None:
    edits(("## Experience\n", "## Experience\nWard round.\n"), (ID, f"{ID} {TYPED}"))
    result = cli("write", "--editor")
    assert result.exit_code == 0, result.stderr
    assert entry(cli)["answers"] == {"do_differently": TYPED}


def test_words_typed_after_the_comment_in_an_edit_are_saved(
    cli: CLI, add: Callable[..., int], edits: Callable[..., None]
) -> None:
    entry_id = add("We met at the library.")
    edits((ID, f"{ID} {TYPED}"))
    result = cli("edit", str(entry_id))
    assert result.exit_code == 0, result.stderr
    assert NO_CHANGES not in result.stderr
    assert entry(cli, entry_id)["answers"] == {"do_differently": TYPED}
    # and the edit after it gives them back, under the question, unchanged
    edits()
    again = cli("edit", str(entry_id))
    assert again.exit_code == 0 and NO_CHANGES in again.stderr
    assert entry(cli, entry_id)["answers"] == {"do_differently": TYPED}


# -- 2. headings of the writer's own ----------------------------------------------------------

OWN = [
    "### 住房",
    "### Ärztehaus: Gespräch über die Entlassung morgen früh mit Frau Öz und ihrem Sohn",
    "### What helped?",
    "### What helped!",
    "### Why did I freeze when Dr Patel spoke?",
    "### After Kerry Walsh left the group",
]
OWN_ENTRY = (
    "## Experience\nWard round.\n\n"
    + "\n".join(f"{heading}\nWords {n}.\n" for n, heading in enumerate(OWN))
    + "\n## Feelings\nTired.\n"
)


def test_a_heading_of_the_writers_own_stays_in_its_section_as_typed(
    cli: CLI, tmp_path: Path
) -> None:
    result = from_file(cli, tmp_path, OWN_ENTRY)
    assert result.exit_code == 0, result.stderr
    stored = entry(cli)
    assert stored["answers"] == {}
    assert stored["experience"] == "Ward round.\n\n" + "\n\n".join(
        f"{heading}\nWords {n}." for n, heading in enumerate(OWN)
    )
    assert stored["feelings"] == "Tired."
    shown = cli("show", "1").stdout
    experience = shown[shown.index("Experience") : shown.index("Feelings")]
    for n, heading in enumerate(OWN):  # as typed, each with its own words, under Experience
        assert f"{heading}\nWords {n}." in experience
    assert "Evaluation" not in shown  # nothing was written there


def test_a_heading_of_the_writers_own_after_an_answer_stays_with_that_answer(
    cli: CLI, tmp_path: Path
) -> None:
    text = f"## Experience\nWard round.\n## Evaluation\n{QUESTION} {ID}\nAsk.\n### 住房\nLater.\n"
    assert from_file(cli, tmp_path, text).exit_code == 0
    assert entry(cli)["answers"] == {"do_differently": "Ask.\n### 住房\nLater."}


def test_a_question_of_the_set_typed_without_its_id_is_still_that_question(
    cli: CLI, tmp_path: Path
) -> None:
    text = f"## Experience\nWard round.\n## Evaluation\n{QUESTION.upper()}\nAsk.\n"
    assert from_file(cli, tmp_path, text).exit_code == 0
    assert entry(cli)["answers"] == {"do_differently": "Ask."}


def test_an_entry_with_headings_of_its_own_edits_with_no_change(
    cli: CLI, tmp_path: Path, edits: Callable[..., None], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert from_file(cli, tmp_path, OWN_ENTRY).exit_code == 0
    before = entry(cli)
    edits()  # the editor saves the file as it was given
    result = cli("edit", "1")
    assert result.exit_code == 0 and NO_CHANGES in result.stderr
    assert entry(cli) == before
    # the editor is given them as typed (not as "\\### 住房")
    seen, script = tmp_path / "seen.md", tmp_path / "copying_editor.py"
    script.write_text(
        f"import shutil, sys\nshutil.copy(sys.argv[-1], {str(seen)!r})\n", encoding="utf-8"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    assert cli("edit", "1").exit_code == 0
    given = seen.read_text(encoding="utf-8")
    for heading in OWN:
        assert f"\n{heading}\n" in given
    assert entry(cli) == before


def test_a_heading_typed_in_an_edit_stays_where_it_was_typed(
    cli: CLI, add: Callable[..., int], edits: Callable[..., None]
) -> None:
    entry_id = add("We met at the library.")
    edits(("We met at the library.", "We met at the library.\n\n### 住房\nThe flat."))
    assert cli("edit", str(entry_id)).exit_code == 0
    stored = entry(cli, entry_id)
    assert stored["experience"] == "We met at the library.\n\n### 住房\nThe flat."
    assert stored["answers"] == {}


def test_a_text_line_like_a_question_of_the_set_round_trips(store: Store, cli: CLI,
                                                            edits: Callable[..., None]) -> None:
    """Stored text (an import) with a line that would be read as one of the set's questions:
    the template escapes it, and `edit` reads it back as the text it is."""
    text = f"Notes.\n{QUESTION}\n## not a section\n\\### escaped already"
    store.add_entry(EntryDraft(date=date(2026, 11, 19), experience=text),
                    datetime(2026, 11, 19, tzinfo=UTC))
    edits()
    result = cli("edit", "1")
    assert result.exit_code == 0 and NO_CHANGES in result.stderr
    assert entry(cli)["experience"] == text and entry(cli)["answers"] == {}


def test_old_entries_with_made_up_ids_show_and_edit_as_before(
    store: Store, cli: CLI, edits: Callable[..., None]
) -> None:
    answers = {"q_": "Housing talk.", "why_did_i_freeze_when_dr_patel_spoke": "Fear."}
    store.add_entry(EntryDraft(date=date(2026, 11, 19), experience="Ward.", answers=answers),
                    datetime(2026, 11, 19, tzinfo=UTC))
    shown = cli("show", "1").stdout
    # (headed as answers to no question of the set: round 32, QA #8)
    assert "Q (not in the entry's prompt set)\nHousing talk." in shown
    assert "Why did i freeze when dr patel spoke (not in the entry's prompt set)\nFear." in shown
    edits()
    result = cli("edit", "1")
    assert result.exit_code == 0 and NO_CHANGES in result.stderr
    assert entry(cli)["answers"] == answers
    edits(("<!-- id: q_ -->", f"<!-- id: q_ --> {TYPED}"))
    assert cli("edit", "1").exit_code == 0
    assert entry(cli)["answers"]["q_"] == f"{TYPED}\n\nHousing talk."


@pytest.mark.parametrize("qid", ["what-sam-said", "Sam's words", "q.2"])
def test_an_imported_answer_with_any_id_stays_its_own_through_an_edit(
    store: Store, cli: CLI, edits: Callable[..., None], qid: str
) -> None:
    """An id the template writes is read back, whatever it is: an imported "what-sam-said"
    was taken for a heading of the writer's own and joined to the answer before it."""
    answers = {qid: "He said so.", "do_differently": "Real."}
    store.add_entry(EntryDraft(date=date(2026, 11, 19), experience="Ward.", answers=answers),
                    datetime(2026, 11, 19, tzinfo=UTC))
    edits(("Ward.", "Ward, busy."))
    assert cli("edit", "1").exit_code == 0
    assert entry(cli)["answers"] == answers and entry(cli)["experience"] == "Ward, busy."


def test_a_heading_with_a_name_is_exported_as_typed_redacted_and_checked(
    cli: CLI, tmp_path: Path
) -> None:
    text = "## Experience\nWard round.\n\n### After Kerry Walsh left the group\nQuiet.\n"
    source = tmp_path / "entry.md"
    source.write_text(text, encoding="utf-8")
    assert cli("write", "--from-file", str(source), "--share").exit_code == 0
    out = tmp_path / "summary.md"
    result = cli("export", "-o", str(out), "--yes", "--json")
    assert result.exit_code == 0, result.stderr
    assert "After Kerry Walsh left the group" in out.read_text(encoding="utf-8")
    assert {"Kerry", "Walsh"} <= set(json.loads(result.stdout)["words_to_check"])
    assert cli("people", "add", "Kerry Walsh").exit_code == 0
    redacted = tmp_path / "redacted.md"
    assert cli("export", "-o", str(redacted), "--yes").exit_code == 0
    written = redacted.read_text(encoding="utf-8")
    assert "Kerry" not in written and "Walsh" not in written
    assert "After [person] left the group" in written


def test_the_word_opening_a_heading_of_the_writers_own_is_not_flagged(
    cli: CLI, tmp_path: Path
) -> None:
    """A heading opens a sentence: "After" and "What" were flagged as names to check."""
    text = ("## Experience\nBusy day.\n\n### After the group\nKerry was quiet.\n\n"
            "### What helped?\nTea.\n")
    assert from_file(cli, tmp_path, text).exit_code == 0
    assert cli("share", "1").exit_code == 0
    result = cli("export", "-o", str(tmp_path / "summary.md"), "--yes", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["words_to_check"] == ["Kerry"]


def test_headings_of_the_writers_own_survive_a_full_backup(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert from_file(cli, tmp_path, OWN_ENTRY).exit_code == 0
    before = entry(cli)
    backup = tmp_path / "backup.json"
    assert cli("export", "--full", "-o", str(backup)).exit_code == 0
    monkeypatch.setenv("PEERJOURNAL_HOME", str(tmp_path / "another"))  # a new journal
    result = cli("import", str(backup))
    assert result.exit_code == 0, result.stderr
    after = entry(cli)
    assert (after["experience"], after["answers"]) == (before["experience"], {})


# Lines a writer may have in an entry's text: headings of their own, lines like the set's
# questions (with an id comment or without), escapes and comment markers.
_LINE = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
    st.sampled_from([
        *OWN, QUESTION, QUESTION.upper(), f"{QUESTION} {ID}", f"### x {ID} y", "### x <!-- c -->",
        "### ", "###", "###\tTabbed", "\\### escaped", "\\\\### twice", "## Feelings",
        "#### four", "### If one feeling is still in the way, what is it?", "### do_differently",
        "<!--",
    ]),
)
_TEXT = st.lists(_LINE, max_size=6).map(lambda lines: "\n".join(lines).strip())


@settings(max_examples=300, deadline=None)
@given(experience=_TEXT.filter(bool), evaluation=_TEXT, self_care=_TEXT, answer=_TEXT,
       imported=_TEXT)
def test_text_with_heading_lines_round_trips_through_the_template(
    experience: str, evaluation: str, self_care: str, answer: str, imported: str
) -> None:
    prompt_set = load_prompt_set("boud")
    answers = {k: v for k, v in (("do_differently", answer), ("q_", imported)) if v}
    draft = EntryDraft(date=date(2026, 11, 2), experience=experience, evaluation=evaluation,
                       self_care=self_care, answers=answers)
    parsed = parse_template(format_template(draft, prompt_set), prompt_set)
    back = apply_parsed(EntryDraft(date=date(2026, 11, 20)), parsed, date(2026, 11, 20))
    assert (back.experience, back.evaluation, back.self_care) == (
        experience, evaluation.strip(), self_care.strip())
    assert back.answers == answers
