"""Round 32 (QA of the guided `write`): a line typed or pasted at a [Y/n] question is never
lost. It is kept in the entry (the setting's "did you mean …?": the experience, asked next;
the tags' and "Save this entry?": the evaluation), the writer is told where, and the question
is asked again; the rest of a paste at the tags or self-care line is kept; Ctrl-C at a
question keeps the line being typed; n at "Save this entry?" names `--resume --editor`; a
prompt wider than the terminal is broken between words."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, Keys
from test_guided_r31 import TO_TAGS, ctrl_c_after, kept
from test_write import drafts, entries

# after the experience (and the blank line ending it): feelings, its question, evaluation, its
# question, tags, self-care, then "Save this entry?"
REST = ["", "", "", "", "", "", "y"]
PASTE = ["We walked to the office together.", "He was calm the whole way."]
AT_EXPERIENCE = (
    "That reads like words for your entry, not y or n: added to the end of your experience."
)


# -- 1. the setting's "did you mean …?" ----------------------------------------------------------


def test_a_paste_at_did_you_mean_begins_the_experience_and_it_asks_again(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """Before: each sentence got "Please answer y (use 'inpatient') or n…" and was gone."""
    keys(["inpateint", *PASTE], "y", "", *REST)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("'inpateint' is new: did you mean inpatient? [Y/n]") == 2
    assert (
        "Those lines read like words for your entry, not y or n: added to the end of your "
        "experience." in result.stderr
    )
    assert "Please answer y" not in result.stderr
    assert f"(continuing your draft:)\n{PASTE[0]}\n{PASTE[1]}\n" in result.stderr
    [entry] = entries(cli)
    assert (entry["setting"], entry["experience"]) == ("inpatient", "\n".join(PASTE))


def test_the_experience_typed_at_did_you_mean_is_kept_and_the_writer_told(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """A tired writer types on without seeing the question: each line is kept, in order."""
    keys("inpateint", PASTE[0], PASTE[1], "n", "", *REST)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count(AT_EXPERIENCE) == 2
    [entry] = entries(cli)
    assert (entry["setting"], entry["experience"]) == ("inpateint", "\n".join(PASTE))


@pytest.mark.parametrize(("reply", "setting"), [("Inpatient", "inpatient"),
                                                ("inpateint", "inpateint")])
def test_the_setting_typed_at_did_you_mean_answers_it(
    cli: CLI, keys: Callable[..., Keys], reply: str, setting: str
) -> None:
    keys("inpateint", reply, "We sat.", "", *REST)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "words for your entry" not in result.stderr
    [entry] = entries(cli)
    assert (entry["setting"], entry["experience"]) == (setting, "We sat.")


def test_ctrl_c_at_did_you_mean_keeps_the_line_and_resumed_it_carries_on(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, keys: Callable[..., Keys]
) -> None:
    with monkeypatch.context() as patched:
        ctrl_c_after(patched, ["inpateint"], "We walked to the office")
        result = cli("write")
    assert result.exit_code == 130
    assert (
        "peerjournal: Interrupted. The line you were typing is added to the end of your "
        "experience. Your words are kept as draft " in " ".join(result.stderr.split())
    )
    data = kept(isolated)
    assert data["entry"]["experience"] == "We walked to the office"
    assert data["entry"]["setting"] == "inpateint" and data["cut_off"] == "experience"
    keys("", "y", " together.", "", *REST)
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert (entry["setting"], entry["experience"]) == (
        "inpatient", "We walked to the office together."
    )


# -- 2. the rest of a paste at the tags or self-care line ----------------------------------------


def test_a_paste_of_sentences_at_tags_goes_whole_to_the_evaluation(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """Before: line 1 went to the evaluation, lines 2-3 were eaten by the [Y/n] question."""
    lines = ["He told me about his brother.", "We laughed about the bus.", "I felt useful tonight."]
    keys(*TO_TAGS, lines, "calm", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert (
        "That reads like a sentence, not tags: it and the rest of what you pasted are added to "
        "the end of your evaluation." in " ".join(result.stderr.split())
    )
    assert "[Y/n]" not in result.stderr.replace("Save this entry? [Y/n]", "")
    assert result.stderr.count("Tags, separated by commas") == 2
    [entry] = entries(cli)
    assert (entry["evaluation"], entry["tags"]) == ("\n".join(lines), ["calm"])


def test_a_paste_at_self_care_is_kept_whole_in_the_self_care_note(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """Before: line 2 ended in the evaluation, "Early night" was refused and gone."""
    keys(*TO_TAGS, "", ["Walked home slowly.", "Called my sister.", "", "Early night"], "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "The rest of what you pasted is added to your self-care note." in result.stderr
    assert "Please answer y" not in result.stderr
    [entry] = entries(cli)
    assert entry["self_care"] == "Walked home slowly. Called my sister. Early night"
    assert entry["evaluation"] == ""


def test_a_line_at_the_tags_question_stays_in_the_evaluation_after_n(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys(*TO_TAGS, "Went well!", "He was calm all the way home.", "n", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "added to the end of your evaluation." in result.stderr
    [entry] = entries(cli)
    assert entry["evaluation"] == "He was calm all the way home." and entry["tags"]


# -- "Save this entry?": what is kept, what is asked again ---------------------------------------


@pytest.mark.parametrize("line", ["Early night", "yoga", "Slept. Then a walk.", "no idea why"])
def test_any_words_at_save_this_entry_are_kept_in_the_evaluation(
    cli: CLI, keys: Callable[..., Keys], line: str
) -> None:
    """Before: under three words they were refused ("Please answer y…") and gone."""
    keys(*TO_TAGS, "", "", line, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "That reads like words for your entry, not y or n: added to the end of your " \
        "evaluation (to change it: n, then `peerjournal write --resume --editor`)." in (
            " ".join(result.stderr.split()))
    assert entries(cli)[0]["evaluation"] == line


@pytest.mark.parametrize("reply", ["ye", "Yy", "nop", "hmm.", "Yess", "what?", "x", "...", "1"])
def test_a_try_at_y_or_n_is_asked_again_and_not_kept(
    cli: CLI, keys: Callable[..., Keys], reply: str
) -> None:
    keys(*TO_TAGS, "", "", reply, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("Please answer y (save) or n (keep it as a draft).") == 1
    assert entries(cli)[0]["evaluation"] == ""


def test_a_paste_at_save_this_entry_is_kept_whole_even_its_y_and_blank_lines(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """No one pastes an answer: a "y" line inside a paste is text, not a yes."""
    keys(*TO_TAGS, "", "", ["I forgot the bus.", "", "y", "He laughed."], "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "Those lines read like words for your entry" in result.stderr
    assert entries(cli)[0]["evaluation"] == "I forgot the bus.\n\ny\nHe laughed."


# -- 3. Ctrl-C (or a closed terminal) at a question ----------------------------------------------


@pytest.mark.parametrize(("half_typed", "evaluation"), [
    ("I forgot to mention the bus ride home", "I forgot to mention the bus ride home"),
    ("Bus", "Bus"),
    ("ye", ""),  # a try at y: nothing for the entry
])
def test_ctrl_c_at_save_this_entry_keeps_the_line_being_typed(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None,
    half_typed: str, evaluation: str,
) -> None:
    """Before: "Interrupted. Your draft is kept", and the words were in no draft."""
    with monkeypatch.context() as patched:
        ctrl_c_after(patched, [*TO_TAGS, "", ""], half_typed)
        result = cli("write")
    assert result.exit_code == 130
    said = " ".join(result.stderr.split())
    assert ("peerjournal: Interrupted. " + (
        "The line you were typing is added to the end of your evaluation. " if evaluation
        else ""
    ) + "Your words are kept as draft ") in said
    assert kept(isolated)["entry"]["evaluation"] == evaluation
    result = cli("write", "--resume", input="y\n")  # every step done: only "Save this entry?"
    assert result.exit_code == 0, result.stderr
    assert entries(cli)[0]["evaluation"] == evaluation


def test_ctrl_c_at_the_tags_question_keeps_the_sentence_and_the_line(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    ctrl_c_after(monkeypatch, [*TO_TAGS, "Went well!"], "He was calm")
    assert cli("write").exit_code == 130
    assert kept(isolated)["entry"]["evaluation"] == "Went well!\nHe was calm"


# -- 10. n at "Save this entry?" names what changes the entry ------------------------------------


def test_n_at_save_names_resume_editor_which_opens_the_entry_to_change(
    cli: CLI, isolated: Path, keys: Callable[..., Keys], edits: Callable[..., None]
) -> None:
    """Before: "`write --resume` continues it", which goes straight back to "Save?"."""
    keys(*TO_TAGS, "", "", "Next time I will ask him first.", "n")
    result = cli("write")
    assert result.exit_code == 1
    [draft] = drafts(isolated)
    assert " ".join(result.stderr.split()).endswith(
        f"peerjournal: Not saved. Your draft is kept in {draft}; `peerjournal write --resume "
        "--editor` opens it to change it, `peerjournal write --resume` asks again to save it."
    )
    edits(("ask him first", "ask him what he wants first"))
    result = cli("write", "--resume", "--editor")
    assert result.exit_code == 0, result.stderr
    assert entries(cli)[0]["evaluation"] == "Next time I will ask him what he wants first."


# -- 12. a prompt wider than the terminal ---------------------------------------------------------


@pytest.mark.parametrize(("prompt", "shown", "given"), [
    ("'inpateint' is new: did you mean inpatient? [Y/n] ",
     "'inpateint' is new: did you mean\n", "inpatient? [Y/n] "),
    ("Setting (community, inpatient, crisis, …; Enter to skip): ",
     "Setting (community, inpatient, crisis,\n", "…; Enter to skip): "),
    ("\nTags, separated by commas (Enter to skip): ",
     "\nTags, separated by commas (Enter to\n", "skip): "),
])
def test_a_prompt_wider_than_the_terminal_is_broken_between_words(
    monkeypatch: pytest.MonkeyPatch, prompt: str, shown: str, given: str
) -> None:
    """Readline wrote the prompt as it was, and a 40-column terminal broke it mid-word:
    "did you mean inpatie" / "nt? [Y/n]"."""
    from peerjournal.cli import guided

    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(os, "get_terminal_size", lambda fd=1: os.terminal_size((40, 24)))
    asked: list[str] = []
    monkeypatch.setattr(guided.LineReader, "_readline_input",
                        lambda self, prompt: asked.append(prompt) or "y")
    printed: list[str] = []
    assert guided.LineReader(readline=True).read(prompt, printed.append) == "y"
    assert (printed, asked) == ([shown], [given])
    assert max(len(line) for line in (shown + given).splitlines()) < 40


# -- on a real terminal (readline, a real paste, Ctrl-C) ------------------------------------------


@pytest.fixture
def journal(isolated: Path, journal_template: Path) -> Path:
    isolated.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(journal_template, isolated / "journal.db")  # no migration in the child
    return isolated


def _saved(home: Path) -> dict[str, Any]:
    import sqlite3

    with sqlite3.connect(home / "journal.db") as conn:
        conn.row_factory = sqlite3.Row
        return dict(conn.execute("SELECT setting, experience, evaluation FROM entry").fetchone())


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_on_a_40_column_terminal_a_paste_at_did_you_mean_is_kept(
    journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_qa16_writer_terminal import REST as KEYS_REST
    from test_qa16_writer_terminal import _write_on_a_terminal

    monkeypatch.setenv("COLUMNS", "40")  # (a pseudo-terminal has no size of its own)
    paste = ("inpateint\r" + "\r".join(PASTE) + "\r").encode()
    shown = _write_on_a_terminal([paste, b"y\r", b"\r", *KEYS_REST])
    assert "did you mean\r\ninpatient? [Y/n]" in shown
    assert "inpatie\r\nnt" not in shown and "crisis, \u2026;" not in shown
    assert _saved(journal) == {
        "setting": "inpatient", "experience": "\n".join(PASTE), "evaluation": ""
    }


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_on_a_terminal_ctrl_c_at_save_keeps_the_line_being_typed(journal: Path) -> None:
    from test_qa16_writer_terminal import _write_on_a_terminal

    line = "I forgot to mention the bus ride home"
    keys = [b"\r", b"We sat.\r", *[b"\r"] * 7, line.encode(), b"\x03"]
    shown = _write_on_a_terminal(keys, None, 130)
    assert "added to the end of your evaluation" in shown
    [draft] = (journal / "drafts").glob("*.json")
    assert json.loads(draft.read_text(encoding="utf-8"))["entry"]["evaluation"] == line

