"""What `write`, `edit` and `drafts` keep when something goes wrong: a full disk, Ctrl-C while
saving, a typo after the editor, a bad option, a stray byte; and listing/discarding drafts."""

from __future__ import annotations

import builtins
import errno
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

import test_write
from conftest import CLI
from peerjournal.context import AppContext
from peerjournal.db import engine
from test_guided import ANSWERS, EXPECTED, ScriptedInput
from test_write import Editor, drafts, entries

editor = test_write.editor  # the fake $EDITOR fixture


def _disk_full_on_create(monkeypatch: pytest.MonkeyPatch) -> None:
    """Making the new journal's schema runs out of space."""

    def full(path: Path) -> None:
        path.write_bytes(b"SQLite format 3\x00" + bytes(100))  # half a journal left behind
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(engine, "_create", full)


# -- 1. a full disk ----------------------------------------------------------------------------


def test_a_full_disk_creating_the_journal_is_a_one_line_error_and_keeps_the_text(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    working = engine._create
    _disk_full_on_create(monkeypatch)
    result = cli("write", "-x", "A reflection.")
    assert result.exit_code == 4, result.stderr
    assert "disk" in result.stderr and "full" in result.stderr
    assert "Unexpected" not in result.stderr
    [draft] = drafts(isolated)
    assert "kept as draft 1: `peerjournal write --resume --draft 1`" in result.stderr
    assert "A reflection." in draft.read_text(encoding="utf-8")
    assert not (isolated / "journal.db").exists()  # no half journal that looks foreign later
    listed = cli("list")  # a command that reads makes no journal, so none is found
    assert listed.exit_code == 0 and "No journal yet at " in listed.stderr
    monkeypatch.setattr(engine, "_create", working)  # space freed
    assert cli("write", "--resume", input="y\n").exit_code == 0
    assert entries(cli)[0]["experience"] == "A reflection."


def test_when_not_even_the_draft_can_be_written_the_entry_is_printed(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal import drafts as drafts_module

    _disk_full_on_create(monkeypatch)

    def no_space(*args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(drafts_module, "save_json", no_space)
    result = cli("write", "-x", "Every word of it.")
    assert result.exit_code == 4
    assert "could not be written" in result.stderr and "No space left" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Every word of it." in result.stdout and "Every word of it." not in result.stderr
    assert drafts(isolated) == []


# -- 3. options checked before the first prompt -------------------------------------------------


@pytest.mark.parametrize("option", [["--mode", "sideways"], ["--tag", "-"], ["--tag", "#"],
                                    ["--date", "tomorrow"], ["--prompts", "nope"]])
def test_bad_options_are_refused_before_the_first_prompt(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None, option: list[str]
) -> None:
    scripted = ScriptedInput(ANSWERS)
    monkeypatch.setattr(builtins, "input", scripted)
    result = cli("write", *option)
    assert result.exit_code in (1, 3) and "Unexpected" not in result.stderr
    assert scripted.calls == 0  # nothing asked, nothing lost
    assert drafts(isolated) == []


# -- 4. Ctrl-C while saving --------------------------------------------------------------------


def _interrupt_scoring(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Ctrl-C in the slow part of saving; returns the real scorer, to put back."""
    import peerjournal.scoring

    real = peerjournal.scoring.score_draft

    def interrupted(*args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(peerjournal.scoring, "score_draft", interrupted)
    return real


@pytest.mark.parametrize("how", ["flags", "stdin"])
def test_ctrl_c_while_saving_quick_text_keeps_a_draft(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    import peerjournal.scoring

    real = _interrupt_scoring(monkeypatch)
    args, given = (["-x", "Saw Sam."], None) if how == "flags" else ([], "Saw Sam.\n")
    result = cli("write", *args, input=given)
    assert result.exit_code == 130
    [_draft] = drafts(isolated)
    assert "kept as draft 1: `peerjournal write --resume --draft 1`" in result.stderr
    monkeypatch.setattr(peerjournal.scoring, "score_draft", real)
    assert cli("write", "--resume", input="y\n").exit_code == 0
    assert entries(cli)[0]["experience"] == "Saw Sam."


def test_ctrl_c_while_saving_a_guided_or_editor_entry_names_its_draft(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, editor: Editor
) -> None:
    _interrupt_scoring(monkeypatch)
    monkeypatch.setattr(AppContext, "stdin_is_terminal", lambda self: True)
    monkeypatch.setattr(builtins, "input", ScriptedInput(ANSWERS))
    result = cli("write")
    assert result.exit_code == 130
    [_guided] = drafts(isolated)
    assert "kept as draft 1: `peerjournal write --resume --draft 1`" in result.stderr
    editor(("## Experience\n", "## Experience\nIn the editor.\n"))
    result = cli("write", "--editor")
    assert result.exit_code == 130
    [_kept] = [d for d in drafts(isolated) if d.suffix == ".md"]
    assert "kept as draft 2: `peerjournal write --resume --draft 2`" in result.stderr


# -- 5. edit and write --editor failing after the editor ------------------------------------------


def test_a_failed_edit_names_the_kept_file_and_the_next_edit_continues_it(
    cli: CLI, add: Any, editor: Editor, isolated: Path
) -> None:
    entry_id = add("We met at the library.")
    editor(("We met at the library.", "A rewrite I want."), ("## Feelings", "## Feeling"))
    result = cli("edit", str(entry_id))
    assert result.exit_code == 1 and "unknown section" in result.stderr
    [kept] = (isolated / "drafts" / "edits").glob("*.md")
    assert str(kept) in result.stderr and f"edit {entry_id}" in result.stderr
    resumed = cli("write", "--resume")
    assert resumed.exit_code == 3 and f"edit {entry_id}" in resumed.stderr  # no write draft
    # drafts shows it by the writer's words, not the template's comment or headers
    listed = cli("drafts").stdout
    assert "A rewrite I want." in listed and "<!--" not in listed and "date:" not in listed
    # the next edit starts from the kept text: fixing the heading saves the rewrite
    editor(("## Feeling\n", "## Feelings\n"))
    result = cli("edit", str(entry_id))
    assert result.exit_code == 0, result.stderr
    assert "unsaved changes" in result.stderr and "--fresh" in result.stderr
    assert entries(cli)[0]["experience"] == "A rewrite I want."
    assert list((isolated / "drafts" / "edits").glob("*.md")) == []


def test_edit_fresh_starts_from_the_stored_entry(
    cli: CLI, add: Any, editor: Editor, isolated: Path
) -> None:
    entry_id = add("We met at the library.")
    editor(("We met at the library.", "Abandoned."), ("date: 2026-11-20", "date: 2030-01-01"))
    result = cli("edit", str(entry_id))
    assert result.exit_code == 1 and "future" in result.stderr and "kept in" in result.stderr
    editor(("We met at the library.", "Second go."))
    result = cli("edit", str(entry_id), "--fresh")
    assert result.exit_code == 0, result.stderr
    assert entries(cli)[0]["experience"] == "Second go."
    assert list((isolated / "drafts" / "edits").glob("*.md")) == []


def test_write_editor_errors_name_the_draft(cli: CLI, editor: Editor, isolated: Path) -> None:
    editor(("## Experience\n", "## Experience\nSomething.\n"), ("## Feelings", "## Feeling"))
    result = cli("write", "--editor")
    assert result.exit_code == 1 and "unknown section" in result.stderr
    [_draft] = drafts(isolated)
    assert "kept as draft 1: `peerjournal write --resume --draft 1`" in result.stderr


# -- 6, 7. the tags prompt ---------------------------------------------------------------------


def test_an_unusable_tag_at_the_prompt_is_asked_again(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    answers = list(ANSWERS)
    at = answers.index("night, Team")
    answers[at:at + 1] = ["-", "#", "hard day, housing office"]
    monkeypatch.setattr(builtins, "input", ScriptedInput(answers))
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "Not a usable tag" in result.stderr
    assert entries(cli)[0]["tags"] == ["hard-day", "housing-office"]  # commas only, as -t does


def test_editor_tags_header_splits_on_commas_only(cli: CLI) -> None:
    text = "tags: hard day, housing office\n## Experience\nA visit.\n"
    result = cli("write", "--from-file", "-", "--json", input=text)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["tags"] == ["hard-day", "housing-office"]


# -- 8. options given with --resume ------------------------------------------------------------


def test_options_given_with_resume_replace_the_drafts_values(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    monkeypatch.setattr(builtins, "input", ScriptedInput([*ANSWERS[:-1], "n"]))
    assert cli("write").exit_code == 1  # "Not saved": the draft is kept
    monkeypatch.setattr(builtins, "input", ScriptedInput(["y"]))
    result = cli("write", "--resume", "--date", "yesterday", "--setting", "housing",
                 "--tag", "late", "--mode", "in-action")
    assert result.exit_code == 0, result.stderr
    entry = entries(cli)[0]
    assert (entry["date"], entry["setting"], entry["tags"], entry["mode"]) == (
        "2026-11-19", "housing", ["late"], "in-action")


def test_resume_with_another_prompt_set_is_a_clear_error(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    monkeypatch.setattr(builtins, "input", ScriptedInput([*ANSWERS[:-1], "n"]))
    cli("write")
    result = cli("write", "--resume", "--prompts", "gibbs")
    assert result.exit_code == 1 and "--prompts" in result.stderr
    assert len(drafts(isolated)) == 1


# -- 9. empty drafts, listing and discarding ----------------------------------------------------


def test_a_bad_editor_leaves_no_blank_draft(cli: CLI, isolated: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", "/no/such/editor-program")
    result = cli("write", "--editor")
    assert result.exit_code == 1 and drafts(isolated) == []
    assert "kept in" not in result.stderr
    assert "no unfinished draft" in cli("write", "--resume").stderr


def test_ctrl_c_at_the_first_prompt_does_not_hide_an_older_draft(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    monkeypatch.setattr(builtins, "input", ScriptedInput([*ANSWERS[:-1], "n"]))
    cli("write")
    [older] = drafts(isolated)
    monkeypatch.setattr(builtins, "input", ScriptedInput(ANSWERS, interrupt_at=1))
    assert cli("write").exit_code == 130
    assert drafts(isolated) == [older]


def test_drafts_lists_and_discards_and_resume_picks_one(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    assert "no unfinished drafts" in cli("drafts").stderr
    first = [*ANSWERS[:-1], "n"]
    monkeypatch.setattr(builtins, "input", ScriptedInput(first))
    cli("write")
    second = list(first)
    second[1] = "A second visit."
    monkeypatch.setattr(builtins, "input", ScriptedInput(second))
    cli("write", "--date", "yesterday")
    newer, older = sorted(drafts(isolated), key=lambda p: "second visit" not in p.read_text())
    os.utime(older, (1_000_000_000, 1_000_000_000))  # make the order certain
    listed = cli("drafts")
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    # (started in the same second: the one written first is draft 1 - oldest first, round 47)
    assert lines[0].split()[0] == "1" and "We walked to the shop." in lines[0]
    assert "A second visit." in lines[1]
    rows = json.loads(cli("drafts", "--json").stdout)
    assert [r["path"] for r in rows] == [str(older), str(newer)]
    # resume the older one by number
    monkeypatch.setattr(builtins, "input", ScriptedInput(["y"]))
    result = cli("write", "--resume", "--draft", "1")
    assert result.exit_code == 0, result.stderr
    assert entries(cli)[0]["experience"].startswith("We walked to the shop.")
    # discarding asks first; end of input means no
    monkeypatch.setattr(builtins, "input", ScriptedInput([]))
    declined = cli("drafts", "--discard", "2")
    assert declined.exit_code == 1
    assert "Discard draft 2 (guided, started 2026-11-20 18:30: \"A second visit." in declined.stderr
    assert ") and the text in it?" in declined.stderr
    assert drafts(isolated) == [newer]
    assert cli("drafts", "--discard", "9").exit_code == 3  # not found
    monkeypatch.setattr(builtins, "input", ScriptedInput(["y"]))
    result = cli("drafts", "--discard", "2")
    assert result.exit_code == 0 and drafts(isolated) == []


def test_discard_empty_removes_only_drafts_without_text(cli: CLI, isolated: Path) -> None:
    folder = isolated / "drafts"
    folder.mkdir(parents=True)
    entry = {"date": "2026-11-20", "experience": "", "prompt_set": "boud"}
    (folder / "20261120-100000.json").write_text(json.dumps({"entry": entry, "done": []}))
    (folder / "20261120-110000.md").write_text("date: 2026-11-20\n## Experience\n<!-- x -->\n")
    kept = folder / "20261120-120000.json"
    kept.write_text(json.dumps({"entry": {**entry, "experience": "Real."}, "done": []}))
    result = cli("drafts", "--discard-empty")
    assert result.exit_code == 0, result.stderr
    assert drafts(isolated) == [kept]


# -- 10. trash --empty at end of input ----------------------------------------------------------


def test_empty_trash_at_end_of_input_destroys_nothing(cli: CLI, add: Any) -> None:
    entry_id = add()
    cli("delete", str(entry_id))
    result = cli("trash", "--empty", input="")
    assert result.exit_code == 1
    assert "Nothing destroyed" in result.stderr and "Interrupted" not in result.stderr
    assert len(json.loads(cli("trash", "--json").stdout)) == 1


# -- NUL bytes ---------------------------------------------------------------------------------


def test_nul_bytes_on_stdin_are_refused(cli: CLI, isolated: Path) -> None:
    result = cli("write", input=b"A visit.\x00 More.\n## Feelings\nok\n")
    assert result.exit_code == 1 and "NUL" in result.stderr
    assert entries(cli) == []


# -- damaged drafts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        '{"entry": {"date": "2026-11-20", "experience": 5}}',  # a value of the wrong kind
        '{"entry": {"date": "2026-11-20", "experience": "Hi.", "tags": "night"}}',
        '{"entry": 5}',
        '{"entry": {"experience": "A date that is not one.", "date": "someday"}}',
        "[1, 2]",
        b"\xb2\x00garbage",
    ],
)
def test_a_damaged_draft_is_a_clear_error_and_is_never_discarded_as_empty(
    cli: CLI, isolated: Path, content: str | bytes
) -> None:
    folder = isolated / "drafts"
    folder.mkdir(parents=True)
    damaged = folder / "20261120-100000.json"
    if isinstance(content, bytes):
        damaged.write_bytes(content)
    else:
        damaged.write_text(content, encoding="utf-8")
    result = cli("write", "--resume", input="y\n")
    assert result.exit_code == 1  # it used to be exit 70, "Unexpected error (AttributeError)"
    assert f"The draft {damaged} is damaged" in result.stderr
    assert "text editor" in result.stderr and "--discard" in result.stderr
    assert "(cannot be read)" in cli("drafts").stdout
    assert cli("drafts", "--discard-empty").exit_code == 0
    assert damaged.exists()  # what cannot be checked is never deleted as "empty"
    assert entries(cli) == []


# -- a draft whose prompt set is gone ----------------------------------------------------------


@pytest.mark.parametrize("prompts", [[], ["--prompts", "gibbs"]])
def test_a_draft_whose_prompt_set_was_removed_can_still_be_finished(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None,
    prompts: list[str],
) -> None:
    folder = isolated / "prompts"
    folder.mkdir(parents=True)
    body = "".join(f'[{e}]\nheading = "{e}"\nguide = ["?"]\n'
                   for e in ("experience", "feelings", "evaluation"))
    (folder / "mine.toml").write_text('title = "Mine"\n' + body, encoding="utf-8")
    monkeypatch.setattr(builtins, "input", ScriptedInput(["", "Typed with my own set."], 3))
    assert cli("write", "--prompts", "mine").exit_code == 130
    (folder / "mine.toml").unlink()
    # It used to fail with "No prompt set named 'mine'" and point at --resume, which failed
    # the same way for ever.
    monkeypatch.setattr(builtins, "input", ScriptedInput([""] * 12 + ["y"]))
    result = cli("write", "--resume", *prompts)
    assert result.exit_code == 0, result.stderr
    chosen = prompts[-1] if prompts else "boud"
    assert f"The prompt set 'mine' this draft was started with is gone; continuing with the " \
           f"'{chosen}' prompts." in result.stderr
    [entry] = entries(cli)
    assert (entry["experience"], entry["prompt_set"]) == ("Typed with my own set.", chosen)
    assert drafts(isolated) == []


def test_the_drafts_list_shows_whole_commands(cli: CLI, isolated: Path) -> None:
    cli("write", input="## Feelngs\nA note.\n")  # kept as a draft
    result = cli("drafts")
    assert result.stderr == (
        "`peerjournal write --resume --draft N` continues one; "
        "`peerjournal drafts --discard N` discards one.\n"
    )


def test_resume_leaves_alone_a_draft_open_in_another_terminal(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    from peerjournal.drafts import Draft

    # `write --resume` in a second terminal picked the draft the first was still writing:
    # each session saved its own text over the other's, and what one had typed was lost.
    monkeypatch.setattr(builtins, "input", ScriptedInput([*ANSWERS[:-1], "n"]))
    cli("write")
    [older] = drafts(isolated)
    os.utime(older, (1_000_000_000, 1_000_000_000))
    monkeypatch.setattr(builtins, "input", ScriptedInput(["", "Still being written.", ""],
                                                         interrupt_at=4))
    cli("write")
    [open_elsewhere] = [d for d in drafts(isolated) if d != older]
    other_terminal = Draft(open_elsewhere)
    other_terminal.hold()
    try:
        monkeypatch.setattr(builtins, "input", ScriptedInput(["y"]))
        result = cli("write", "--resume")  # the older draft, not the open one
        assert result.exit_code == 0, result.stderr
        assert entries(cli)[0]["experience"].startswith("We walked to the shop.")
        result = cli("write", "--resume")
        assert result.exit_code == 1
        assert f"The draft {open_elsewhere} is open in another terminal" in result.stderr
        assert cli("write", "--resume", "--draft", "2").exit_code == 1  # (oldest first: 2)
        assert [d for d in drafts(isolated) if not d.name.startswith(".")] == [open_elsewhere]
        assert "Still being written." in open_elsewhere.read_text(encoding="utf-8")
    finally:
        other_terminal.release()
    monkeypatch.setattr(builtins, "input", ScriptedInput(["", "", "", "", "", "", "", "y"]))
    result = cli("write", "--resume")  # once that terminal is done with it
    assert result.exit_code == 0, result.stderr
    assert entries(cli)[0]["experience"] == "Still being written."
    assert list((isolated / "drafts").iterdir()) == []  # no lock file left behind


# -- a guided entry over the size limit ------------------------------------------------------------

LONG = "We talked. " * 181_819  # 2,000,008 characters once its last space is trimmed
CUT_DOWN = """
import re, sys
path = sys.argv[-1]
text = open(path, encoding="utf-8").read()
open(path, "w", encoding="utf-8").write(re.sub(r"(We talked\\. ){3,}", "We talked. ", text))
"""


def test_a_guided_entry_over_the_limit_is_cut_down_in_the_editor_without_losing_a_word(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None,
    editor: Editor, tmp_path: Path,
) -> None:
    # It was kept as a draft, but `write --resume` went through to "Save this entry?" and
    # failed the same way every time: only editing the draft's JSON by hand got out of it.
    monkeypatch.setattr(builtins, "input", ScriptedInput([ANSWERS[0], LONG, *ANSWERS[2:]]))
    result = cli("write", "--share", "--date", "yesterday")
    assert result.exit_code == 1
    [guided] = drafts(isolated)
    size = len(LONG.strip()) + len("\n") + len(ANSWERS[2])
    told = (
        f"The experience section is {size:,} characters long; an entry can hold at most "
        f"2,000,000 in each part. Every word is kept in the draft {guided}: `peerjournal write "
        "--resume --editor` opens it in your editor, to cut it down or move some of it to "
        "another entry.\n"
    )
    assert result.stderr.endswith(f"peerjournal: {told}")
    kept = guided.read_text(encoding="utf-8")
    assert LONG.strip() in kept
    # --resume says so before asking anything (it used to end at the same failure again)
    scripted = ScriptedInput(["y"] * 20)
    monkeypatch.setattr(builtins, "input", scripted)
    result = cli("write", "--resume")
    assert (result.exit_code, scripted.calls) == (1, 0)
    assert result.stderr.endswith(f"peerjournal: {told}")
    assert drafts(isolated) == [guided] and guided.read_text(encoding="utf-8") == kept
    # --resume --editor: the whole draft in the editor; saved unchanged, it is still too long,
    # and every word is now in a Markdown draft that --resume opens in the editor again
    editor()
    result = cli("write", "--resume", "--editor")
    assert result.exit_code == 1
    [markdown] = drafts(isolated)
    assert markdown.suffix == ".md" and LONG.strip() in markdown.read_text(encoding="utf-8")
    assert f"Every word is kept in the draft {markdown}: `peerjournal write --resume` opens " \
           "it in your editor" in result.stderr
    assert entries(cli) == []
    test_write.editor_script(tmp_path, monkeypatch, CUT_DOWN)
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert entry["experience"] == (
        "We talked. We talked.\nHe talked about [bold]his sister[/bold]."
    )
    assert (entry["date"], entry["shared"], entry["setting"], entry["tags"]) == (
        "2026-11-19", True, "community", ["night", "team"])
    assert (entry["feelings"], entry["evaluation"], entry["self_care"], entry["answers"]) == (
        "Calm.", EXPECTED["evaluation"], "A walk.", {"do_differently": "Ask first."})
    assert drafts(isolated) == []


def test_resume_editor_continues_an_unfinished_guided_draft_in_the_editor(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None, editor: Editor
) -> None:
    monkeypatch.setattr(builtins, "input", ScriptedInput(["", "Sat with Jo.", "", "Tired."],
                                                         interrupt_at=5))
    assert cli("write", "--tag", "late").exit_code == 130
    [guided] = drafts(isolated)
    os.utime(guided, (1_000_000_000, 1_000_000_000))  # an older draft: kept first, number 1
    monkeypatch.setattr(builtins, "input", ScriptedInput(["", "Another day."], interrupt_at=3))
    assert cli("write").exit_code == 130
    editor(("## Evaluation\n", "## Evaluation\nIt helped.\n"))
    result = cli("write", "--resume", "--editor", "--draft", "1", "--setting", "housing")
    assert result.exit_code == 0, result.stderr
    # the draft named is the one `drafts` listed, not the Markdown copy made for the editor
    resuming = " ".join(result.stderr.split())
    assert "Resuming draft 1 (guided, started " in resuming and f"\"): {guided}." in resuming
    [entry] = entries(cli)
    assert (entry["experience"], entry["feelings"], entry["evaluation"]) == (
        "Sat with Jo.", "Tired.", "It helped.")
    assert (entry["tags"], entry["setting"]) == (["late"], "housing")
    assert not guided.exists() and len(drafts(isolated)) == 1  # the other draft is untouched


def test_editor_with_another_way_of_writing_is_still_refused(cli: CLI, tmp_path: Path) -> None:
    result = cli("write", "--editor", "--from-file", str(tmp_path / "nothing.md"))
    assert result.exit_code == 2 and "Use only one of --editor and --from-file" in result.stderr


def test_resume_of_a_too_long_draft_names_the_draft_number_it_was_given(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    import peerjournal.entry

    monkeypatch.setattr(peerjournal.entry, "MAX_TEXT_CHARS", 20)
    monkeypatch.setattr(builtins, "input", ScriptedInput(
        ["", "Short.", "", "A feeling that runs on and on.", ""], interrupt_at=6))
    assert cli("write").exit_code == 130
    result = cli("write", "--resume", "--draft", "1")
    assert result.exit_code == 1
    assert "The feelings section is 30 characters long; an entry can hold at most 20 in each " \
        "part." in result.stderr
    assert "`peerjournal write --resume --editor --draft 1`" in result.stderr


def test_a_too_long_guided_entry_whose_draft_cannot_be_written_is_printed(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    import peerjournal.cli.guided
    import peerjournal.entry
    from peerjournal import drafts as drafts_module

    def no_space(*args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(peerjournal.entry, "MAX_TEXT_CHARS", 20)
    monkeypatch.setattr(peerjournal.cli.guided, "save_json", no_space)
    monkeypatch.setattr(drafts_module, "save_json", no_space)
    monkeypatch.setattr(builtins, "input", ScriptedInput(
        ["", "An experience longer than twenty characters.", "", "", "", "", "", "", "", "",
         "", "y"]))
    result = cli("write")
    assert result.exit_code == 1
    assert "The experience section is 44 characters long" in result.stderr
    assert "printed on stdout" in result.stderr
    assert "An experience longer than twenty characters." in result.stdout
    assert drafts(isolated) == []


def test_the_resume_hint_names_the_journal_given_with_db(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # drafts are kept beside the default journal: the hint said `peerjournal write --resume`,
    # which saved the entry into the default journal instead of the one given with --db
    import peerjournal.scoring

    other = tmp_path / "work journal.db"
    assert cli("--db", str(other), "write", "-x", "First.").exit_code == 0
    real = _interrupt_scoring(monkeypatch)
    result = cli("--db", str(other), "write", "-x", "Second.")
    assert result.exit_code == 130
    hint = f"`peerjournal --db '{other}' write --resume --draft 1`"
    assert hint in result.stderr
    monkeypatch.setattr(peerjournal.scoring, "score_draft", real)
    assert cli("--db", str(other), "write", "--resume", input="y\n").exit_code == 0
    found = json.loads(cli("--db", str(other), "list", "--json").stdout)
    assert sorted(e["experience"] for e in found) == ["First.", "Second."]
    assert cli("list").stderr.startswith("No entries yet")


def test_date_on_the_command_line_replaces_a_future_date_header(
    cli: CLI, isolated: Path, tmp_path: Path, editor: Editor
) -> None:
    # the header was checked before the options were applied, so `--date yesterday` failed
    # again with "in the future" (README: options given with --resume replace the draft's)
    note = "date: 2030-01-01\n\n## Experience\nWe sat in the garden.\n"
    result = cli("write", input=note)
    assert result.exit_code == 1 and "in the future" in result.stderr
    assert len(drafts(isolated)) == 1
    editor()  # the resumed draft opens in the editor: saved as it is
    result = cli("write", "--resume", "--date", "yesterday")
    assert result.exit_code == 0, result.stderr
    assert drafts(isolated) == []
    path = tmp_path / "note.md"
    path.write_text(note.replace("garden", "kitchen"), encoding="utf-8")
    assert cli("write", "--from-file", str(path), "--date", "2 days ago").exit_code == 0
    saved = {e["experience"]: e["date"] for e in entries(cli)}
    assert saved == {"We sat in the garden.": "2026-11-19", "We sat in the kitchen.": "2026-11-18"}
    assert cli("write", "--from-file", str(path)).exit_code == 1  # the header still counts alone
