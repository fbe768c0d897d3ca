"""Round 38 (QA qa_week.md F1-F5): `edit ID` keeps what the saved file leaves out (a file of
plain text, a deleted `##` section or `###` question), says so, and says "unchanged" when
nothing changed; `search prefix*` finds words the prefix begins past their stem; a bare
`a NEAR b` is read as NEAR(a b); `list --tag` suggests the tag a slip was meant for."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.db.searchfold import fold_query
from peerjournal.entry import EntryDraft
from peerjournal.reflection import apply_parsed, parse_template
from test_editor_drafts_r29 import use_editor

ENTRY = (
    "## Experience\nWalked with Dev to the job centre.\n\n## Feelings\nProud.\n\n"
    "### If one feeling is still in the way, what is it?\nworry about money\n\n"
    "## Evaluation\nHe led.\n\n"
    "### Appropriation: what do you now own; what will you do differently?\n"
    "Let him lead again.\n\n## Self-care\nswimming\n"
)
ANSWERS = {"obstructing_feeling": "worry about money", "do_differently": "Let him lead again."}


def _entry(cli: CLI, entry_id: int = 1) -> dict[str, Any]:
    result = cli("show", str(entry_id), "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.fixture
def written(cli: CLI, isolated: Path) -> dict[str, Any]:
    assert cli("write", "--stdin", input=ENTRY).exit_code == 0
    entry = _entry(cli)
    assert entry["answers"] == ANSWERS and entry["self_care"] == "swimming"
    return entry


def _edits(home: Path) -> list[Path]:
    return sorted((home / "drafts" / "edits").glob("*.md"))


def _editing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: str) -> None:
    use_editor(monkeypatch, tmp_path, body)


# -- F1: a file of plain text replaces the experience alone: the answers are kept ------------


def test_plain_text_from_the_editor_keeps_the_answers_and_says_so(
    cli: CLI, written: dict[str, Any], isolated: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Was: "Updated entry 1.", and both answers gone, kept in no draft."""
    _editing(monkeypatch, tmp_path, """
        open(path, "w").write("Walked with Dev to the job centre; he did the talking.\\n")
    """)
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    entry = _entry(cli)
    assert entry["experience"] == "Walked with Dev to the job centre; he did the talking."
    assert entry["answers"] == ANSWERS
    assert (entry["feelings"], entry["evaluation"], entry["self_care"]) == (
        "Proud.", "He led.", "swimming")
    assert "Updated entry 1." in result.stderr
    said = " ".join(result.stderr.split())
    assert ("Not in the file, so kept as they are in entry 1: the Feelings, Evaluation and "
            "Self-care sections and the answers to 2 questions") in said
    assert _edits(isolated) == []


# -- F3: a deleted section is kept, with its answers, and said; nothing changed is "unchanged" --

DROP = """
import re
text = open(path).read()
open(path, "w").write(re.sub({pattern!r}, "", text, flags=re.S))
"""


def test_a_deleted_section_keeps_its_text_and_answer_and_the_entry_is_unchanged(
    cli: CLI, written: dict[str, Any], isolated: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Was: "Updated entry 1.", the Feelings text kept but the answer inside it deleted."""
    _editing(monkeypatch, tmp_path, DROP.format(pattern=r"## Feelings.*?(?=## Evaluation)"))
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert "Entry 1 is unchanged." in said and "Updated" not in said
    assert ("kept as they are in entry 1: the Feelings section and the answer to 1 question "
            "(to remove one, keep its heading and empty it)") in said
    assert _entry(cli) == written
    assert _edits(isolated) == []


def test_a_deleted_self_care_block_leaves_the_time_of_change_alone(
    cli: CLI, written: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Was: "Updated entry 1." and a new updated_at, though self-care stayed as it was."""
    _editing(monkeypatch, tmp_path, DROP.format(pattern=r"## Self-care.*?\nswimming\n"))
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    assert "Entry 1 is unchanged." in result.stderr and "Self-care section" in result.stderr
    assert _entry(cli)["updated_at"] == written["updated_at"]


def test_emptying_a_section_and_an_answer_under_their_headings_removes_them(
    cli: CLI, written: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _editing(monkeypatch, tmp_path, """
        text = open(path).read()
        text = text.replace("swimming", "").replace("worry about money", "")
        open(path, "w").write(text.replace("He led.", "He led, I followed."))
    """)
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    assert "Updated entry 1." in result.stderr and "Not in the file" not in result.stderr
    entry = _entry(cli)
    assert entry["self_care"] == "" and entry["evaluation"] == "He led, I followed."
    assert entry["answers"] == {"do_differently": "Let him lead again."}


def test_apply_parsed_keeps_an_answer_whose_question_is_not_in_the_file() -> None:
    draft = EntryDraft.from_dict({"date": "2026-01-02", "experience": "x",
                                  "answers": dict(ANSWERS)})
    only_one = ENTRY.replace("worry about money", "")  # its question there, left blank
    parsed = parse_template(only_one.split("## Evaluation")[0])
    assert parsed.questions == {"obstructing_feeling"}
    apply_parsed(draft, parsed, draft.date)
    assert draft.answers == {"do_differently": "Let him lead again."}
    plain = parse_template("Just the experience.")
    assert plain.questions == set()
    apply_parsed(draft, plain, draft.date)
    assert draft.answers == {"do_differently": "Let him lead again."}
    assert draft.experience == "Just the experience."


# -- F2: a prefix typed past the stem finds the word -------------------------------------------

TEXT = "Staff said he was manipulative and attention seeking. I slipped. Worry about money."


@pytest.mark.parametrize("prefix", [
    "manipul*", "manipula*", "manipulat*", "Manipulativ*", "slipp*", "seeki*", "attenti*",
    "experience:manipula*", "housing OR manipulat*",
])
def test_a_prefix_of_a_word_in_the_text_finds_it(
    cli: CLI, isolated: Path, prefix: str
) -> None:
    """Was: "Nothing found" for every prefix longer than the word's porter stem."""
    assert cli("write", "-x", TEXT).exit_code == 0
    assert cli("write", "-x", "Nothing of that here.").exit_code == 0
    result = cli("search", prefix, "--json")
    assert result.exit_code == 0, result.stderr
    assert [hit["id"] for hit in json.loads(result.stdout)] == [1]


def test_a_prefix_not_begun_by_any_word_still_finds_nothing(cli: CLI, isolated: Path) -> None:
    assert cli("write", "-x", TEXT).exit_code == 0
    for prefix in ("manipulx*", "slipq*", "attentz*"):
        result = cli("search", prefix)
        assert result.exit_code == 0 and "Nothing found" in result.stderr


def test_fold_query_widens_prefixes_only_where_fts5_reads_an_or() -> None:
    assert fold_query("manipula*") == "(manipula* OR manipulal)"
    assert "slipped" in fold_query("slipp*")
    assert fold_query("manipul*") == "manipul*"  # (the stem itself: nothing to add)
    for kept in ('"manipula*"', "NEAR(manipula* seek)", "-manipula*", "man*", "é*"):
        assert fold_query(kept) == kept


# -- F4: `money NEAR worry` is read as NEAR(money worry), said so ------------------------------


def test_a_bare_near_between_two_words_is_read_as_near_brackets(
    cli: CLI, isolated: Path
) -> None:
    """Was: "Nothing found for 'money NEAR worry'." with no word of why."""
    assert cli("write", "-x", TEXT).exit_code == 0
    result = cli("search", "money NEAR worry")
    assert result.exit_code == 0, result.stderr
    assert "Search reads 'money NEAR worry' as 'NEAR(money worry)'" in result.stderr
    assert "#1" in result.stdout
    phrase = cli("search", '"money NEAR worry"')
    assert "Search reads" not in phrase.stderr


# -- F5: `list --tag handovr` suggests the tag, as --setting does ------------------------------


def test_a_tag_slip_gets_did_you_mean(cli: CLI, isolated: Path) -> None:
    assert cli("write", "-x", TEXT, "-t", "handover").exit_code == 0
    result = cli("list", "--tag", "handovr")
    assert result.exit_code == 0
    assert ("no entry is tagged handovr (`peerjournal tags` lists the tags); did you mean "
            "'handover' (`--tag handover`)?\n" in result.stderr)
    far = cli("list", "--tag", "zebra")
    assert "did you mean" not in far.stderr and "`peerjournal tags` lists the tags" in far.stderr
