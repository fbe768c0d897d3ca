"""Round 31 (QA of the guided `write`): a tags line cut off by Ctrl-C is kept as typed, a
sentence too, and comes back as typed; a refused tags line is given back, not lost; q at a
prompt; an editor closed without saving; a resume with no terminal; the options named."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, CTRL_C, Keys
from peerjournal.cli import editor
from test_write import drafts, entries

SENTENCE = (
    "Next time I will let Ali lead the conversation with the housing officer because he knows"
)
# setting, experience and the blank line ending it, feelings, its question, evaluation, its
# question: the lines before the Tags prompt of the 'boud' set
TO_TAGS = ["", "We sat.", "", "", "", "", ""]


def ctrl_c_after(monkeypatch: pytest.MonkeyPatch, lines: list[str], half_typed: str,
                 readline: bool = False) -> list[str]:
    """The terminal gives `lines`, then Ctrl-C with `half_typed` on the line (as readline keeps
    it). Returns the prefills readline was given (with `readline`)."""
    from peerjournal.cli import guided

    script = iter([*lines, None])
    prefills: list[str] = []

    def read(self: guided.LineReader, prompt: str, show: Any) -> str:
        prefills.append(self.prefill)
        self.prefill = ""
        show(prompt)
        line = next(script)
        if line is None:
            self.interrupted = half_typed
            raise KeyboardInterrupt
        return line

    monkeypatch.setattr(guided.LineReader, "read", read)
    if readline:
        monkeypatch.setattr(guided.LineReader, "for_stdin", classmethod(
            lambda cls: cls(readline=True)))
    return prefills


def typed_through_readline(monkeypatch: pytest.MonkeyPatch, lines: list[str]) -> list[str]:
    """Readline gives `lines`, each typed after the line typed back in (`prefill`), which
    Enter keeps; returns the prefills."""
    from peerjournal.cli import guided

    script = iter(lines)
    prefills: list[str] = []

    def read(self: guided.LineReader, prompt: str, show: Any) -> str:
        prefill, self.prefill = self.prefill, ""
        prefills.append(prefill)
        show(prompt)
        try:
            line = next(script)
        except StopIteration:
            raise EOFError from None
        if line == CTRL_C:
            raise KeyboardInterrupt
        # Ctrl-U (\x15) first clears the line typed back in
        return line[1:] if line.startswith("\x15") else prefill + line

    monkeypatch.setattr(guided.LineReader, "read", read)
    monkeypatch.setattr(guided.LineReader, "for_stdin", classmethod(
        lambda cls: cls(readline=True)))
    return prefills


def kept(isolated: Path) -> dict[str, Any]:
    [draft] = drafts(isolated)
    data: dict[str, Any] = json.loads(draft.read_text(encoding="utf-8"))
    return data


# -- 1. a tags line that cannot be tags, cut off by Ctrl-C --------------------------------------


@pytest.mark.parametrize("line", [SENTENCE, "###"], ids=["sentence", "no-letters"])
def test_a_cut_off_tags_line_that_cannot_be_tags_is_kept(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None, keys: Any,
    line: str,
) -> None:
    """Before: `tags: []` and the line nowhere, though the message said the draft was kept."""
    with monkeypatch.context() as patched:
        ctrl_c_after(patched, TO_TAGS, line)
        result = cli("write")
    assert result.exit_code == 130
    assert "Your words are kept as draft " in result.stderr
    data = kept(isolated)
    assert data["tags_line"] == line and data["entry"]["tags"] == []
    assert "tags" not in data["done"]
    # resumed: shown as typed; Enter keeps it, and the sentence is questioned as ever
    keys("", "y", "calm", "", "y") if line == SENTENCE else keys("", "", "", "y")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert f"Tags (continuing your draft:)\n{line}\n" in result.stderr
    [entry] = entries(cli)
    if line == SENTENCE:
        assert entry["evaluation"] == SENTENCE and entry["tags"] == ["calm"]
    else:  # no tag can be made of it: said, and given back
        assert "Your line was:\n###\n" in result.stderr
        assert entry["tags"] == []


def test_a_cut_off_sentence_at_tags_is_kept_through_the_editor(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None,
    edits: Callable[..., None],
) -> None:
    with monkeypatch.context() as patched:
        ctrl_c_after(patched, TO_TAGS, SENTENCE)
        assert cli("write").exit_code == 130
    edits((f"tags: {SENTENCE}", "tags: housing"), ("We sat.", "We sat. " + SENTENCE))
    result = cli("write", "--resume", "--editor")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert entry["tags"] == ["housing"] and SENTENCE in entry["experience"]


# -- 2. a resumed, cut-off tags line comes back as typed ---------------------------------------


def test_a_cut_off_tags_line_comes_back_as_typed_through_readline(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    """Before: 'handover, advoc' came back as 'advoc, handover', and 'acy' made
    'handoveracy'."""
    with monkeypatch.context() as patched:
        ctrl_c_after(patched, TO_TAGS, "handover, advoc", readline=True)
        assert cli("write").exit_code == 130
    data = kept(isolated)
    assert data["tags_line"] == "handover, advoc"
    assert data["entry"]["tags"] == ["advoc", "handover"]  # (older versions read these)
    prefills = typed_through_readline(monkeypatch, ["acy", "", "y"])
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert prefills[0] == "handover, advoc"
    assert "Tags (your line was cut off: it is back on the line below)" in result.stderr
    assert entries(cli)[0]["tags"] == ["advocacy", "handover"]


def test_a_cut_off_sentence_is_not_made_into_tags(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    """Before: 'Next time, I will let Ali lead the' came back as 'i-will-let-ali-lead-the,
    next-time', which has no spaces, so it passed the sentence check and was saved as tags."""
    cut = "Next time, I will let Ali lead the"
    with monkeypatch.context() as patched:
        ctrl_c_after(patched, TO_TAGS, cut, readline=True)
        assert cli("write").exit_code == 130
    assert kept(isolated)["tags_line"] == cut and kept(isolated)["entry"]["tags"] == []
    prefills = typed_through_readline(monkeypatch, [" conversation.", "", "", "", "y"])
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert prefills[0] == cut
    assert "That reads like a sentence, not tags" in result.stderr
    [entry] = entries(cli)
    assert entry["evaluation"] == cut + " conversation." and entry["tags"] == []


# -- 3. a long sentence ended with Enter, a refused line ---------------------------------------


def test_a_long_sentence_at_tags_is_offered_to_the_evaluation_first(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """Before: refused as a tag of 88 characters, and thrown away."""
    keys(*TO_TAGS, SENTENCE, "", "housing", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "at most 64 characters" not in result.stderr
    assert "reads like a sentence, not tags: add it to your evaluation" in result.stderr
    [entry] = entries(cli)
    assert (entry["evaluation"], entry["tags"]) == (SENTENCE, ["housing"])


def test_words_typed_at_save_this_entry_go_to_the_evaluation(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """Before: "Please answer y…", and the line (an answer typed one prompt late) was gone."""
    late = "Next time I will ask him first."
    keys(*TO_TAGS, "", "", late, "hmm", "y")  # (two words, "hmm", are still only asked again)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "added to the end of your evaluation" in result.stderr
    assert result.stderr.count("Please answer y (save)") == 1
    assert entries(cli)[0]["evaluation"] == late


def test_words_at_save_then_n_are_in_the_kept_draft(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    late = "Next time I will ask him first."
    keys(*TO_TAGS, "", "", late, "n")
    assert cli("write").exit_code == 1
    [kept] = (isolated / "drafts").glob("*.json")
    assert late in kept.read_text(encoding="utf-8")
    assert entries(cli) == []


def test_a_refused_tags_line_is_given_back(cli: CLI, keys: Callable[..., Keys]) -> None:
    """Kept as tags (n), a sentence too long for a tag is refused: the line is shown to copy,
    not lost; Enter skips."""
    keys(*TO_TAGS, SENTENCE, "n", "", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "A tag can be at most 64 characters" in result.stderr
    assert f"Try again (Enter to skip). Your line was:\n{SENTENCE}\n" in result.stderr
    assert entries(cli)[0]["tags"] == []


def test_a_refused_tags_line_is_back_on_the_line_through_readline(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    long_tag = "a" * 70
    prefills = typed_through_readline(
        monkeypatch, [*TO_TAGS, long_tag, "\x15handover", "", "y"]
    )
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "your line is back on the line below, to edit" in result.stderr
    assert prefills[len(TO_TAGS) + 1] == long_tag  # typed back in, to cut down
    assert entries(cli)[0]["tags"] == ["handover"]


def test_ctrl_c_after_a_refused_line_keeps_it(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    long_tag = "b" * 70
    typed_through_readline(monkeypatch, [*TO_TAGS, long_tag, CTRL_C])
    assert cli("write").exit_code == 130
    assert kept(isolated)["tags_line"] == long_tag


def test_an_old_draft_without_a_tags_line_reads_as_before(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    folder = isolated / "drafts"
    folder.mkdir(parents=True)
    (folder / "20261120-120000.json").write_text(json.dumps({
        "entry": {"experience": "Old words.", "tags": ["hous", "night"]},
        "done": ["setting", "experience"],
    }), encoding="utf-8")
    keys("", "", "", "", "", "", "y")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert "Tags (continuing your draft:)\nhous, night\n" in result.stderr
    assert entries(cli)[0]["tags"] == ["hous", "night"]


# -- 4. q alone on a line stops for now ------------------------------------------------------


def test_q_at_the_first_prompt_stops_and_keeps_nothing(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    keys("q")
    result = cli("write")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0].endswith("(q alone on a line, or Ctrl-D, stops for now).")
    assert result.stderr.endswith(
        "peerjournal: Stopped for now (q), so nothing was saved. Nothing was typed, so no draft "
        "was kept.\n"
    )
    assert drafts(isolated) == [] and entries(cli) == []


@pytest.mark.parametrize("where", ["answer", "self-care", "save"])
def test_q_stops_for_now_and_the_draft_goes_on_from_there(
    cli: CLI, isolated: Path, keys: Callable[..., Keys], where: str
) -> None:
    """Before: "q" was stored as the answer or the self-care note, and "Save this entry?"
    asked again."""
    before = {
        "answer": ["", "We sat.", "", "Nervous.", "", "Q"],  # the feelings' follow-up question
        "self-care": [*TO_TAGS, "calm", "q"],
        "save": [*TO_TAGS, "calm", "", " q "],
    }[where]
    keys(*before)
    result = cli("write")
    assert result.exit_code == 1, result.stderr
    assert "peerjournal: Stopped for now (q), so nothing was saved. Your words are kept as " in (
        result.stderr
    )
    data = kept(isolated)
    assert "q" not in json.dumps(data["entry"]["answers"]) and data["entry"]["self_care"] == ""
    assert data["entry"]["feelings"] == ("Nervous." if where == "answer" else "")
    # resumed, it asks again where q was typed
    rest = {
        "answer": ["It passed.", "", "", "", "calm", "tea", "y"],
        "self-care": ["tea", "y"],
        "save": ["y"],
    }[where]
    keys(*rest)
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert (entry["experience"], entry["tags"]) == ("We sat.", ["calm"])
    assert entry["self_care"] == ("" if where == "save" else "tea")


def test_quit_is_an_answer_like_any_other(cli: CLI, keys: Callable[..., Keys]) -> None:
    keys("", "We sat.", "", "quit", "", "", "", "", "", "stop", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert (entry["feelings"], entry["self_care"]) == ("quit", "stop")


def test_q_inside_a_paste_is_text(cli: CLI, keys: Callable[..., Keys]) -> None:
    keys("", ["We sat.", "q", "Then we left."], "", *[""] * 6, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert entries(cli)[0]["experience"] == "We sat.\nq\nThen we left."


# -- 5. an editor closed without saving ------------------------------------------------------


def test_a_resumed_guided_draft_closed_unchanged_in_the_editor_stays_a_draft(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, keys: Callable[..., Keys]
) -> None:
    """Before: `EDITOR=true write --resume --editor` (vim's :q!) saved the draft at once."""
    keys("", "We sat.", "", "", "", "", "", "", "", "n")
    assert cli("write").exit_code == 1
    [guided] = drafts(isolated)
    held = guided.read_bytes()
    monkeypatch.setenv("EDITOR", "true")
    # (round 32: it returns at once, and would be told how to make an editor wait)
    monkeypatch.setattr(editor, "QUICK_EXIT_SECONDS", 0.0)
    monkeypatch.delenv("VISUAL", raising=False)
    result = cli("write", "--resume", "--editor")
    assert result.exit_code == 1
    assert " ".join(result.stderr.split()).endswith(
        "peerjournal: No changes were made in the editor, so nothing was saved. Your text is "
        f"still in {guided} (`peerjournal write --resume --draft 1`)."
    )
    assert drafts(isolated) == [guided] and guided.read_bytes() == held
    assert entries(cli) == []


def test_a_resumed_editor_draft_closed_unchanged_stays_a_draft(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = isolated / "drafts"
    folder.mkdir(parents=True)
    draft = folder / "20261120-120000.md"
    draft.write_text("## Experience\nWe sat by the river.\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", "true")
    # (round 32: it returns at once, and would be told how to make an editor wait)
    monkeypatch.setattr(editor, "QUICK_EXIT_SECONDS", 0.0)
    monkeypatch.delenv("VISUAL", raising=False)
    result = cli("write", "--resume", "--editor")
    assert result.exit_code == 1
    assert " ".join(result.stderr.split()).endswith(
        "peerjournal: No changes were made in the editor, so nothing was saved. Your words are "
        "kept as draft 1: `peerjournal write --resume --draft 1`."
    )
    assert draft.read_text(encoding="utf-8") == "## Experience\nWe sat by the river.\n"
    assert entries(cli) == []
    # without --editor, an editor draft is opened all the same, and closed unchanged it
    # stays a draft too (round 32: it was saved); saved as it is (`:wq`), it is saved
    again = cli("write", "--resume")
    assert (again.exit_code, again.stderr) == (1, result.stderr)
    assert draft.read_text(encoding="utf-8") == "## Experience\nWe sat by the river.\n"
    monkeypatch.setenv("EDITOR", "touch")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert [e["experience"] for e in entries(cli)] == ["We sat by the river."]


def test_a_resumed_draft_saved_unchanged_in_the_editor_is_saved(
    cli: CLI, isolated: Path, keys: Callable[..., Keys], edits: Callable[..., None]
) -> None:
    """Saved and closed (vim's :wq) with no change, the draft is kept as the entry."""
    keys("", "We sat.", "", "", "", "", "", "", "", "n")
    assert cli("write").exit_code == 1
    edits()  # writes the file back as it is
    result = cli("write", "--resume", "--editor")
    assert result.exit_code == 0, result.stderr
    assert [e["experience"] for e in entries(cli)] == ["We sat."] and drafts(isolated) == []


def test_a_new_template_closed_unchanged_saves_and_keeps_nothing(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "true")
    monkeypatch.delenv("VISUAL", raising=False)
    result = cli("write", "--editor")
    assert result.exit_code == 1
    assert result.stderr.startswith("peerjournal: The entry was left empty, so nothing was saved.")
    assert drafts(isolated) == [] and entries(cli) == []


# -- 6. --resume with no terminal ------------------------------------------------------------


def at_a_terminal(patched: pytest.MonkeyPatch) -> None:
    from peerjournal.context import AppContext

    patched.setattr(AppContext, "stdin_is_terminal", lambda self: True)


@pytest.mark.parametrize("piped", ["", "y\n"], ids=["nothing", "y"])
def test_resume_with_no_terminal_leaves_an_unfinished_draft_as_it_was(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, piped: str
) -> None:
    """Before: `write --resume < /dev/null` marked every question done and cleared the line
    cut off: the next --resume went straight to the review."""
    with monkeypatch.context() as patched:
        at_a_terminal(patched)
        ctrl_c_after(patched, ["", "We sat."], "and then he")
        assert cli("write").exit_code == 130
    [draft] = drafts(isolated)
    held = draft.read_bytes()
    result = cli("write", "--resume", input=piped)
    assert result.exit_code == 1
    assert " ".join(result.stderr.split()).endswith(
        "peerjournal: This draft has questions still to answer, and there is no terminal to "
        "ask them at (standard input is not one), so it was left as it was. Your words are kept "
        "as draft 1: `peerjournal write --resume --draft 1`."
    )
    assert draft.read_bytes() == held and entries(cli) == []


def test_a_finished_draft_is_still_saved_from_a_script(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patched:
        at_a_terminal(patched)
        ctrl_c_after(patched, ["", "We sat.", "", "", "", "", "", "", "", "n"], "")
        assert cli("write").exit_code == 1
    assert cli("write", "--resume", input="y\n").exit_code == 0
    assert [e["experience"] for e in entries(cli)] == ["We sat."]


# -- 7. Ctrl-C at "did you mean …?" -------------------------------------------------------------


def test_a_setting_entered_and_then_questioned_is_not_said_to_be_cut_off(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    typed_through_readline(monkeypatch, ["inpateint", CTRL_C])
    result = cli("write")
    assert result.exit_code == 130
    assert "'inpateint' is new: did you mean inpatient? [Y/n]" in result.stderr
    assert kept(isolated)["entry"]["setting"] == "inpateint"
    prefills = typed_through_readline(monkeypatch, ["", "", "We sat.", "", *[""] * 6, "y"])
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert "Setting (you had typed it and pressed Enter: it is back on the line below)" in (
        result.stderr
    )
    assert "cut off" not in result.stderr and prefills[0] == "inpateint"
    assert entries(cli)[0]["setting"] == "inpatient"


# -- 8. the options named, --resume with -x ---------------------------------------------------


def test_resume_with_stdin_names_the_options_given(cli: CLI) -> None:
    result = cli("write", "--resume", "--stdin", input="")
    assert (result.exit_code, result.stderr) == (
        2, "peerjournal: Use only one of --stdin and --resume. Nothing was saved.\n"
    )


@pytest.mark.parametrize("resume", [["--resume"], ["--draft", "1"]], ids=["resume", "draft"])
def test_resume_with_x_is_refused_and_makes_no_new_draft(
    cli: CLI, isolated: Path, keys: Callable[..., Keys], resume: list[str]
) -> None:
    """Before: "foo" was kept as a new draft, which the next `write --resume` opened instead
    of the draft meant."""
    keys("", "We sat.", "", "", "", "", "", "", "", "n")
    assert cli("write").exit_code == 1
    [meant] = drafts(isolated)
    result = cli("write", *resume, "-x", "foo")
    name = resume[0]
    assert (result.exit_code, result.stderr) == (2, (
        f"peerjournal: Use only one of {name} and --experience: {name} continues a draft "
        "(type more into it there), --experience writes a new entry. Nothing was saved, and "
        "your drafts are as they were.\n"
    ))
    assert drafts(isolated) == [meant]
