"""Round 45 (fix_newcomer4; qa_fixes_d 7, 8, 10): a score under a "Score" heading is "2 of 5"
(beside a statement, with no heading, still "score 2 of 5"); `supervision history` names its
scale; at a narrow terminal the score has a line of its own; the mentor's summary says "the
writer's" for the writer everywhere (the low self-check line, an organisation's labels with
"yourself", "you", "you're"); the self-check's score words follow one rule, and an answer
refused is not kept as the next one's note."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import CLI, Keys
from peerjournal.db.store import Store
from peerjournal.exporters.writer_words import about_the_writer
from peerjournal.supervision import load_items, typed_score
from test_drift_cli import ORG_LEXICON
from test_supervision_cli import all_answers, answers_file
from test_supervision_qa import ITEMS, stored

Add = Callable[..., int]
FIRST, SECOND = ITEMS[0].id, ITEMS[1].id
AGAIN = "   A whole number from 1 to 5, please (or q to stop for now)."


def _checked(cli: CLI, add: Add, tmp_path: Path, answers: dict[str, object]) -> None:
    add("We walked to the housing office together.", "--share")
    done = cli("supervision", "check", "--answers", answers_file(tmp_path, answers))
    assert done.exit_code == 0, done.stderr


def _export(cli: CLI, tmp_path: Path, form: str) -> Path:
    out = tmp_path / f"s.{form}"
    result = cli("export", "--format", form, "--with-check", "-o", str(out), "--yes")
    assert result.exit_code == 0, result.stderr
    return out


# -- 7. the score under a "Score" heading, and beside a statement -----------------------------


def test_the_md_and_html_tables_say_2_of_5_under_score(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    _checked(cli, add, tmp_path, {**all_answers(3), "self_worth": 2})
    md = _export(cli, tmp_path, "md").read_text(encoding="utf-8")
    assert "| Section | Item | Score | Note |" in md
    assert "| 2 of 5 |" in md and "| 3 of 5 |" in md and "score 3 of 5" not in md
    html = _export(cli, tmp_path, "html").read_text(encoding="utf-8")
    assert "<th>Score</th>" in html and "<td>2 of 5</td>" in html
    assert "score 3 of 5" not in html


def test_the_pdf_list_keeps_score_2_of_5_and_wraps_beside_it(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """The PDF's answers are a list with no "Score" heading: "score 2 of 5" stays. It is no
    longer justified with its statement, whose wrapped lines stay beside it."""
    answers = {**all_answers(2), "mutuality": {"score": 2, "note": "a note of mine"}}
    _checked(cli, add, tmp_path, answers)
    reader = PdfReader(io.BytesIO(_export(cli, tmp_path, "pdf").read_bytes()))
    runs: list[tuple[str, float]] = []  # each line drawn, and where it starts

    def seen(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            runs.append((" ".join(text.split()), tm[4]))

    for page in reader.pages:
        page.extract_text(visitor_text=seen)
    text = " ".join(line for line, _ in runs)
    story = next(i for i in load_items() if i.id == "story").text
    assert f"score 2 of 5 {story}" in text
    at = next(n for n, (line, _) in enumerate(runs) if line.startswith("My conversations"))
    score, statement, wrapped, note = runs[at - 1:at + 3]
    assert score[0] == "score 2 of 5"  # not justified with the statement
    assert wrapped[0] in ITEMS[1].text and note[0] == "Note: a note of mine"
    assert score[1] < statement[1] == wrapped[1] == note[1]  # beside it, not at the margin


def test_history_says_its_scale_once_above_the_table(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    _checked(cli, add, tmp_path, all_answers(3))
    history = cli("supervision", "history")
    assert history.exit_code == 0, history.stderr
    lines = history.stdout.splitlines()
    assert lines[1] == "Answers are scored 1 (low) to 5 (high), oldest first."
    assert any(line.split()[:7] == ["Drawing", "on", "my", "story", "3", "3", "to"]
               for line in lines)


@pytest.mark.parametrize("command", [("supervision", "check"), ("supervision", "prep")])
def test_at_20_columns_the_score_has_a_line_of_its_own(
    cli: CLI, add: Add, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    command: tuple[str, ...],
) -> None:
    """Was: 'score 1 of 5' and 6 columns beside it for the statement, a word a line."""
    answers = answers_file(tmp_path, {**all_answers(3), "story": 1})
    add("We walked to the housing office together.")
    monkeypatch.setenv("COLUMNS", "20")
    result = cli("supervision", "check", "--answers", answers)
    if command[1] == "prep":  # its answers of 1 or 2
        result = cli(*command)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    at = lines.index(next(line for line in lines if line.strip() == "score 1 of 5"))
    assert lines[at + 1].strip().startswith("When it could")
    assert all(len(line) <= 20 for line in lines)


def test_at_40_columns_the_statement_stays_beside_its_score(
    cli: CLI, add: Add, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("We walked to the housing office together.")
    monkeypatch.setenv("COLUMNS", "40")
    done = cli("supervision", "check", "--answers", answers_file(tmp_path, all_answers(3)))
    assert done.exit_code == 0, done.stderr
    assert "score 3 of 5  When it could help" in done.stdout


# -- 8. the writer is "the writer's", in every line of the summary -----------------------------


def test_the_low_self_check_line_says_the_writer_s_practice(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    workplace = {i.id for i in load_items() if i.section == "workplace"}
    _checked(cli, add, tmp_path, {i.id: 1 if i.id in workplace or i.id == "story" else 4
                                  for i in load_items()})
    md = " ".join(_export(cli, tmp_path, "md").read_text(encoding="utf-8").split())
    assert "items about the writer's practice," in md
    assert "about the writer's workplace)" in md and "their practice" not in md


@pytest.mark.parametrize(("label", "said"), [
    ("looking after yourself", "looking after themselves"),
    ("what you think", "what the writer thinks"),
    ("when you're told", "when the writer is told"),
    ("if you aren't sure", "if the writer isn't sure"),
    ("telling you what to do", "telling the writer what to do"),
    ("You feel stuck", "The writer feels stuck"),
    ("doubting yours", "doubting the writer's"),
    ('advice ("you should")', 'advice ("you should")'),
    ("their choices and hopes", "their choices and hopes"),
])
def test_an_organisation_s_label_is_said_about_the_writer(label: str, said: str) -> None:
    assert about_the_writer(label) == said


def test_an_organisation_lexicon_s_labels_reach_the_mentor_about_the_writer(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    lexicon = tmp_path / "org.toml"
    lexicon.write_text(ORG_LEXICON + '\n[marker_labels]\n"org.story" = "looking after yourself"'
                       '\n"org.advice" = \'what you think ("you should")\'\n', encoding="utf-8")
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.toml").write_text(f"[drift]\nlexicon = {json.dumps(str(lexicon))}\n")
    wrote = cli("write", "-x", "I shared my story. I said you should sleep.", "--share")
    assert wrote.exit_code == 0, wrote.stderr
    out = tmp_path / "s.md"
    assert cli("export", "--format", "md", "-o", str(out), "--yes").exit_code == 0
    md = out.read_text(encoding="utf-8")
    assert "looking after themselves (Our stories)" in md
    assert 'what the writer thinks ("you should") (Advice giving)' in md
    assert "yourself" not in md and "you think" not in md


# -- 10. score words: one rule -------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "read"), [
    ("five!", (5, "")), ("Five.", (5, "")), ("5!", (5, "")), ("four?", (4, "")),
    ("three!!", (3, "")), ("five! because Sam asked", (5, "because Sam asked")),
    ("three, maybe four", None), ("3, maybe 4", None), ("four or five", None),
    ("four, perhaps five", None), ("4 and a half", None), ("four, no five", None),
    ("5 because 4 people came", (5, "because 4 people came")),
    ("4 and I did", (4, "and I did")),
])
def test_a_score_with_a_mark_is_that_score_and_two_scores_are_none(
    typed: str, read: tuple[int, str] | None
) -> None:
    assert typed_score(typed) == read


def test_five_with_an_exclamation_mark_is_kept_at_the_prompt(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    keys("five!", "", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert AGAIN not in result.stderr
    assert stored(store) == [({FIRST: {"score": 5, "note": ""}}, 0)]


def test_a_refused_answer_is_not_the_next_answer_s_note(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    """Was: "four or five", "four and a half", then "Four": the note "four or five four and
    a half"; "three, maybe four" was a 3."""
    keys("four or five", "four and a half", "three, maybe four", "Four", "", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count(f"{AGAIN}\n") == 3
    assert "kept as its note" not in result.stderr
    assert stored(store) == [({FIRST: {"score": 4, "note": ""}}, 0)]


def test_words_before_a_score_are_still_its_note_but_not_a_refused_answer(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    keys("one thing I noticed", "3.5 felt right", "one: not yet", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert stored(store) == [  # (words beside a half are words: kept, never dropped)
        ({FIRST: {"score": 1, "note": "one thing I noticed 3.5 felt right not yet"}}, 0)]


def test_words_that_open_with_a_number_are_kept_for_the_note(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    """Was (QA r45): "10 people came to group and I held back" read as a score tried and
    dropped without a word; the 4 typed next saved with no note."""
    keys("10 people came to group and I held back", "4", "", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert stored(store) == [
        ({FIRST: {"score": 4, "note": "10 people came to group and I held back"}}, 0)]


@pytest.mark.parametrize(("label", "said"), [
    ("what you told yourself", "what the writer told themselves"),  # was "tolds"
    ("what you said", "what the writer said"),  # was "saids"
    ("Are you okay?", "Is the writer okay?"),  # was "Are the writer okay?"
    ("how are you", "how is the writer"),
    ("you yourself", "the writer themselves"),  # was "the writer yourself"
    ("sharing YOUR story", "sharing THE WRITER'S story"),  # was "The writer's" mid-label
    ("when you try", "when the writer tries"),
])
def test_a_label_with_you_keeps_its_grammar(label: str, said: str) -> None:
    """QA r45 (qa_fixes_e finding 2): every word after "you" took an "s"."""
    assert about_the_writer(label) == said
