"""The guided reflection: what the writer sees and types, Ctrl-C at every prompt, --resume.

CliRunner's stdin is not a terminal, so `write` would read the Markdown format from it; these
tests make `AppContext.stdin_is_terminal` say yes, which is how `write` picks guided mode.
"""

from __future__ import annotations

import builtins
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.context import AppContext

# Every answer the guided boud reflection asks for, one input() call each.
ANSWERS = [
    "community",  # setting
    "We walked to the shop.",  # experience …
    "He talked about [bold]his sister[/bold].",
    "",  # … a blank line ends it
    "Calm.",  # feelings
    "",
    "",  # optional question: skipped with Enter
    "It went well.",  # evaluation
    "",
    "Ask first.",  # optional question: answered
    "",
    "Next time I will ask him first.",  # tags: a sentence, questioned …
    "",  # … Enter adds it to the evaluation, and the tags are asked again
    "night, Team",  # tags
    "A walk.",  # self-care
    "y",  # save
]
SENTENCE_QUESTION = ANSWERS.index("Next time I will ask him first.") + 2  # its input() call
EXPECTED = {
    "setting": "community",
    "experience": "We walked to the shop.\nHe talked about [bold]his sister[/bold].",
    "feelings": "Calm.",
    "evaluation": "It went well.\nNext time I will ask him first.",
    "answers": {"do_differently": "Ask first."},
    "tags": ["night", "team"],
    "self_care": "A walk.",
    "prompt_set": "boud",
}


@pytest.fixture(autouse=True)
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(AppContext, "stdin_is_terminal", lambda self: True)


class ScriptedInput:
    """Stands in for input(): returns lines in turn; Ctrl-C on call `interrupt_at`."""

    def __init__(self, lines: list[str], interrupt_at: int | None = None) -> None:
        self.lines = list(lines)
        self.calls = 0
        self.interrupt_at = interrupt_at

    def __call__(self, prompt: str = "") -> str:
        self.calls += 1
        if self.calls == self.interrupt_at:
            raise KeyboardInterrupt
        if not self.lines:
            raise EOFError
        return self.lines.pop(0)


def stored(cli: CLI) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(cli("list", "--json").stdout)
    return data


def drafts(home: Path) -> list[Path]:
    folder = home / "drafts"
    return list(folder.glob("*.json")) if folder.is_dir() else []


def assert_expected(entry: dict[str, Any]) -> None:
    for key, value in EXPECTED.items():
        assert entry[key] == value, key


def test_guided_write_shows_headings_and_questions_and_saves(cli: CLI, isolated: Path) -> None:
    result = cli("write", input="\n".join(ANSWERS) + "\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "1\n"  # only the ID on stdout; everything else on stderr
    for shown in ("Returning to the experience", "Walk through it", "Attending to feelings",
                  "If one feeling is still in the way", "Appropriation", "Setting (",
                  "Tags", "Self-care", "Review", "Save this entry?", "Enter to skip",
                  "add it to your evaluation instead? [Y/n]", "Added to your evaluation."):
        assert shown in result.stderr, shown
    assert "Answers    Ask first." in result.stderr  # the review shows what was answered
    [entry] = stored(cli)
    assert_expected(entry)
    assert drafts(isolated) == []


def test_in_action_mode_shows_its_own_guidance(cli: CLI) -> None:
    result = cli("write", "--mode", "in-action", input="\n".join(ANSWERS) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "What did you notice in the moment" in result.stderr
    assert stored(cli)[0]["mode"] == "in-action"


def test_options_given_skip_their_questions(cli: CLI) -> None:
    lines = ["Met at the day centre.", "", "", "", "", "", "", "", "y"]
    result = cli("write", "--setting", "group", "--tag", "day", "--self-care", "Tea.",
                 "--prompts", "driscoll", input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "Setting (" not in result.stderr and "Tags, separated" not in result.stderr
    [entry] = stored(cli)
    assert (entry["setting"], entry["tags"], entry["self_care"]) == ("group", ["day"], "Tea.")
    assert entry["prompt_set"] == "driscoll"


def test_experience_is_asked_again_when_left_blank(cli: CLI) -> None:
    lines = ["", "", "Now I write.", "", "", "", "", "", "", "", "", "y"]
    result = cli("write", input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "even one line is enough" in result.stderr
    assert stored(cli)[0]["experience"] == "Now I write."


def test_end_of_input_with_no_experience_saves_nothing(cli: CLI, isolated: Path) -> None:
    result = cli("write", input="")
    assert result.exit_code == 1
    assert "No experience written" in result.stderr
    assert stored(cli) == []


def test_answering_no_keeps_the_draft(cli: CLI, isolated: Path) -> None:
    result = cli("write", input="\n".join([*ANSWERS[:-1], "n"]) + "\n")
    assert result.exit_code == 1 and "Not saved" in result.stderr
    assert stored(cli) == [] and len(drafts(isolated)) == 1
    result = cli("write", "--resume", input="y\n")
    assert result.exit_code == 0, result.stderr
    assert_expected(stored(cli)[0])


def test_a_waiting_draft_is_mentioned(cli: CLI, isolated: Path) -> None:
    cli("write", input="\n".join([*ANSWERS[:-1], "n"]) + "\n")
    result = cli("write", input="\n".join(ANSWERS) + "\n")
    assert "unfinished draft" in result.stderr and "--resume" in result.stderr


@pytest.mark.parametrize("interrupt_at", range(1, len(ANSWERS) + 1))
def test_ctrl_c_at_any_prompt_keeps_a_draft_that_resume_finishes(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, interrupt_at: int
) -> None:
    monkeypatch.setattr(builtins, "input", ScriptedInput(ANSWERS, interrupt_at))
    result = cli("write")
    assert result.exit_code == 130
    assert "Traceback" not in result.stderr
    assert stored(cli) == []
    if interrupt_at == 1:  # nothing typed yet: no empty draft to nag about or hide older ones
        assert "no draft was kept" in result.stderr
        assert drafts(isolated) == []
        return
    assert "kept as draft" in result.stderr and "--resume" in result.stderr
    [draft] = drafts(isolated)
    assert str(draft) in result.stderr
    typed = "\n".join(ANSWERS[: interrupt_at - 1])
    for text in ("We walked to the shop.", "Next time I will ask him first."):
        if text in typed:  # what was typed before Ctrl-C is on disk
            assert text in draft.read_text(encoding="utf-8")

    # Ctrl-C at "add it to your evaluation instead?" leaves the sentence there, as Enter does
    rest = interrupt_at if interrupt_at == SENTENCE_QUESTION else interrupt_at - 1
    monkeypatch.setattr(builtins, "input", ScriptedInput(ANSWERS[rest:]))
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    [entry] = stored(cli)
    assert_expected(entry)
    assert drafts(isolated) == []


def test_failed_save_keeps_the_draft(cli: CLI, isolated: Path) -> None:
    lines = list(ANSWERS)
    result = cli("--db", str(isolated), "write", input="\n".join(lines) + "\n")
    assert result.exit_code == 4  # the data folder is not a journal file
    assert stored(cli) == []
    # kept with the journal --db names (drafts are kept per journal), and resumed there
    assert len(list((isolated / "drafts").rglob("*.json"))) == 1
    assert f"`peerjournal --db {isolated} write --resume --draft 1`" in result.stderr


def test_non_utf8_typed_input_is_kept_with_a_replacement_character(
    cli: CLI, isolated: Path
) -> None:
    result = cli("write", input=b"community\ncaf\xe9 with Sam\n\n" + b"\n" * 6 + b"y\n")
    assert result.exit_code == 0, result.stderr
    assert "not UTF-8" in result.stderr and "Traceback" not in result.stderr
    assert stored(cli)[0]["experience"] == "caf\ufffd with Sam"


def test_non_utf8_bytes_from_a_c_locale_terminal_do_not_end_the_session(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A C.UTF-8 terminal hands undecodable bytes over as lone surrogates (surrogateescape).
    lines = ["", "First line.", "Then the caf\udce9.", "", "", "", "", "", "", "", "", "y"]
    monkeypatch.setattr(builtins, "input", ScriptedInput(lines, interrupt_at=5))
    result = cli("write")
    assert result.exit_code == 130, result.stderr
    [draft] = drafts(isolated)
    assert "Then the caf\ufffd." in json.loads(draft.read_text(encoding="utf-8"))["entry"][
        "experience"
    ]
    monkeypatch.setattr(builtins, "input", ScriptedInput(lines[4:]))
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert stored(cli)[0]["experience"] == "First line.\nThen the caf\ufffd."


@pytest.mark.parametrize("name", ["boud", "gibbs", "driscoll", "ips"])
def test_every_shipped_set_guides_through_its_questions(cli: CLI, name: str) -> None:
    from peerjournal.reflection import load_prompt_set

    prompt_set = load_prompt_set(name)
    questions = [q for e in prompt_set.elements for q in e.questions]
    # setting, experience (+ blank), then for each element a blank and each question an answer
    lines = ["", "What happened.", ""]
    for element in prompt_set.elements:
        if element.id != "experience":
            lines.append("")
        for question in element.questions:
            lines += [f"Answer to {question.id}.", ""]
    lines += ["", "", "y"]
    result = cli("write", "--prompts", name, input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.stderr
    for question in questions:
        assert question.text in result.stderr
    for element in prompt_set.elements:
        assert element.heading in result.stderr
    [entry] = stored(cli)
    assert entry["answers"] == {q.id: f"Answer to {q.id}." for q in questions}
    assert entry["prompt_set"] == name


class PastedInput(ScriptedInput):
    """input() for a writer who pastes: `pasted` lines arrive at once after the first `typed`."""

    def __init__(self, typed: list[str], pasted: list[str], after: list[str]) -> None:
        super().__init__([*typed, *pasted, *after])
        self.paste_ends = len(typed) + len(pasted)

    def waiting(self) -> bool:
        return self.calls < self.paste_ends


def test_a_pasted_note_with_paragraphs_stays_in_the_experience(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.cli import guided

    # Blank lines inside a paste used to end the answer: the next paragraphs became the
    # feelings, an answer, the evaluation, a tag and the reply to "Save this entry?".
    note = ["", "We met at the café.", "", "He talked about court.", "", "", "I listened.",
            "", "Tags, maybe.", "y"]
    fake = PastedInput(["community"], note, ["", "", "", "", "", "night", "", "y"])
    monkeypatch.setattr(builtins, "input", fake)
    monkeypatch.setattr(guided, "more_input_waiting", fake.waiting)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    [entry] = stored(cli)
    assert entry["experience"] == (
        "We met at the café.\n\nHe talked about court.\n\n\nI listened.\n\nTags, maybe.\ny"
    )
    assert entry["feelings"] == "" and entry["answers"] == {} and entry["tags"] == ["night"]
    assert drafts(isolated) == []


def test_more_input_waiting_sees_the_rest_of_a_paste_on_a_real_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io
    import os
    import sys

    from peerjournal.cli import guided

    controller, terminal_end = os.openpty()
    stdin = io.TextIOWrapper(io.FileIO(terminal_end, "r", closefd=True), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    try:
        os.write(controller, b"first paragraph\n\nsecond paragraph\n")
        assert stdin.readline() == "first paragraph\n"
        assert stdin.readline() == "\n"
        assert guided.more_input_waiting()  # the paste goes on after the blank line
        assert stdin.readline() == "second paragraph\n"
        assert not guided.more_input_waiting()  # a person's Enter: nothing behind it
    finally:
        stdin.close()
        os.close(controller)


def test_the_save_question_asks_again_unless_the_answer_is_yes_or_no(
    cli: CLI, isolated: Path
) -> None:
    # "nope" (or a stray line of text) used to count as yes: only n/no kept the draft.
    result = cli("write", input="\n".join([*ANSWERS[:-1], "nop", "No"]) + "\n")
    assert result.exit_code == 1 and "Not saved." in result.stderr
    assert result.stderr.count("Save this entry? [Y/n]") == 2
    assert "Please answer y (save) or n (keep it as a draft)." in result.stderr
    assert stored(cli) == [] and len(drafts(isolated)) == 1
    result = cli("write", "--resume", input="what?\nYES\n")
    assert result.exit_code == 0, result.stderr
    assert_expected(stored(cli)[0])


@pytest.mark.parametrize("eof_at", range(1, len(ANSWERS) + 1))
def test_ctrl_d_at_any_prompt_loses_nothing_typed(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, eof_at: int
) -> None:
    # Ctrl-D (end of input) from prompt `eof_at` on: what was typed is kept as a draft (no
    # answer at "Save this entry?" is no), with no experience yet "No experience written"
    typed = ANSWERS[: eof_at - 1]
    monkeypatch.setattr(builtins, "input", ScriptedInput(typed))
    result = cli("write")
    assert "Traceback" not in result.stderr
    if "We walked to the shop." not in typed:
        assert result.exit_code == 1
        assert "No experience written, so nothing was saved." in result.stderr
        if typed:  # the setting
            [draft] = drafts(isolated)
            assert str(draft) in result.stderr and "community" in draft.read_text("utf-8")
        else:
            assert drafts(isolated) == []
        return
    assert result.exit_code == 1, result.stderr
    # (round 36: Ctrl-D at a prompt before the question stops there, as q does)
    said = ("No answer to 'Save this entry?' (end of input), so it was not saved."
            if eof_at == len(ANSWERS) else "Stopped for now (Ctrl-D), so it was not saved.")
    assert said in result.stderr
    assert stored(cli) == []
    [draft] = drafts(isolated)
    assert str(draft) in result.stderr
    entry = json.loads(draft.read_text(encoding="utf-8"))["entry"]
    typed_text = "\n".join(typed)
    for text in ("We walked to the shop.", "Calm.", "It went well.", "Ask first.",
                 "Next time I will ask him first.", "A walk."):
        if text in typed_text:
            assert text in json.dumps(entry, ensure_ascii=False), text


def test_a_required_question_of_your_own_set_is_asked_for_by_its_name(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A blank answer to a question marked `optional = false` was told "The experience is the
    # one part that is needed", and Ctrl-D there "No experience written".
    (isolated / "prompts").mkdir(parents=True)
    (isolated / "prompts" / "mine.toml").write_text(
        'title = "Mine"\n[experience]\nheading = "What happened"\n'
        '[feelings]\nheading = "Feelings"\n'
        'questions = [{id = "named", text = "Name one feeling.", optional = false}]\n'
        '[evaluation]\nheading = "Evaluation"\n',
        encoding="utf-8",
    )
    lines = ["", "We met.", "", "", ""]  # setting, experience, feelings, then a blank answer
    monkeypatch.setattr(builtins, "input", ScriptedInput(lines))
    result = cli("write", "--prompts", "mine")
    assert result.exit_code == 1
    assert "Your prompt set needs an answer here" in result.stderr
    assert "experience is the one part" not in result.stderr
    assert "A required question has no answer, so nothing was saved." in result.stderr
    [draft] = drafts(isolated)
    assert str(draft) in result.stderr
    monkeypatch.setattr(builtins, "input", ScriptedInput(["Calm.", "", "", "", "", "y"]))
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    [entry] = stored(cli)
    assert (entry["experience"], entry["answers"]) == ("We met.", {"named": "Calm."})


def test_the_hint_promises_only_what_ends_an_answer() -> None:
    # it said "A blank line or Ctrl-D ends it": under readline Ctrl-D on a line with text
    # does nothing
    from peerjournal.render.writing import input_hint

    assert input_hint(required=False).plain == (
        "(A blank line ends it; just Enter to skip. q or Ctrl-D stops for now. Ctrl-C keeps a "
        "draft.)"
    )
    assert input_hint(required=True).plain == (
        "(A blank line ends it. q or Ctrl-D stops for now. Ctrl-C keeps a draft.)"
    )

