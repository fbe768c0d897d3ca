"""Round 28, QA finding 1: text piped into `write`, or given with -x, was dropped with no draft
when an option was wrong (`--date yesterdya`, a future --date, `--mode sideways`, a misspelt
--prompts, an unquoted setting). It is kept as a draft now, with the options that could be
used, and the error says where and which option to give `write --resume` again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.drafts import read_options
from test_drift_cli import one_line_error
from test_write import drafts, entries

NOTE = (
    "We sat on the bench outside the hostel and he told me about the noise at night, and "
    "how he had started walking to the river before breakfast."
)


@pytest.mark.parametrize(
    ("args", "code", "said", "again"),
    [
        (["--date", "yesterdya"], 1, "Could not read the date 'yesterdya'", " --date DATE"),
        (["--date", "tomorrow"], 1, "is in the future", " --date DATE"),
        (["--mode", "sideways"], 1, "use on-action or in-action", " --mode MODE"),
        (["--tag", "###"], 1, "Not a usable tag", " --tag TAG"),
        (["--prompts", "gibs"], 3, "No prompt set named 'gibs'", ""),
        (["-s", "phone/text", "line"], 2, "Unexpected 'line'", ""),
        (["-s", "ward", "-s", "garden"], 2, "--setting was given twice", ""),
        (["--stdin", "--from-file", "entry.md"], 2, "Use only one of --stdin and --from-file", ""),
    ],
    ids=["typo-date", "future-date", "mode", "tag", "prompts", "unquoted", "twice", "stdin-file"],
)
def test_piped_text_is_kept_when_an_option_is_wrong(
    cli: CLI, isolated: Path, args: list[str], code: int, said: str, again: str
) -> None:
    """Before: the error alone, and `drafts` said "There are no unfinished drafts."."""
    result = cli("write", *args, input=NOTE + "\n")
    [kept] = drafts(isolated)
    one_line_error(result, code, said,
                   f"Your text is kept in {kept} (`peerjournal write --resume{again}`).")
    assert NOTE in kept.read_text(encoding="utf-8")
    assert entries(cli) == []
    assert "1 " in cli("drafts").stdout  # listed


def test_the_usable_options_are_kept_and_resume_saves_with_the_date_put_right(
    cli: CLI, isolated: Path, edits: Any
) -> None:
    result = cli("write", "-s", "housing", "-t", "calm", "--share", "--date", "yesterdya",
                 input=NOTE + "\n")
    assert result.exit_code == 1
    [kept] = drafts(isolated)
    options = read_options(kept.read_text(encoding="utf-8"))
    assert options == {"setting": "housing", "tags": ["calm"], "shared": True}
    edits()  # the editor saves the draft as it is
    assert cli("write", "--resume", "--date", "yesterday").exit_code == 0
    [entry] = entries(cli)
    assert (entry["experience"], entry["date"], entry["setting"], entry["tags"]) == (
        NOTE, "2026-11-19", "housing", ["calm"]
    )
    assert json.loads(cli("show", "1", "--json").stdout)["shared"] is True
    assert drafts(isolated) == []


def test_a_quick_entry_is_kept_when_an_option_is_wrong(cli: CLI, isolated: Path) -> None:
    result = cli("write", "-x", NOTE, "-f", "Tired but glad.", "-s", "ward", "--date", "bad")
    [kept] = drafts(isolated)
    one_line_error(result, 1, "Could not read the date 'bad'",
                   f"Your entry is kept as a draft in {kept} "
                   "(`peerjournal write --resume --date DATE`).")
    # the hint's command saves it, with the date given then ("Save this entry?": yes)
    assert cli("write", "--resume", "--date", "yesterday", input="y\n").exit_code == 0
    [entry] = entries(cli)
    assert (entry["experience"], entry["feelings"], entry["setting"], entry["date"]) == (
        NOTE, "Tired but glad.", "ward", "2026-11-19"
    )
    assert drafts(isolated) == []


def test_a_quick_entry_with_a_misspelt_prompt_set_is_kept_with_the_default_set(
    cli: CLI, isolated: Path
) -> None:
    result = cli("write", "-x", NOTE, "--prompts", "gibs")
    [kept] = drafts(isolated)
    one_line_error(result, 3, "(did you mean 'gibbs'?)",
                   f"Your entry is kept as a draft in {kept} (`peerjournal write --resume`).")
    assert cli("write", "--resume", input="y\n").exit_code == 0
    assert [(e["experience"], e["prompt_set"]) for e in entries(cli)] == [(NOTE, "boud")]


def test_both_texts_are_kept_when_two_ways_of_writing_are_given(
    cli: CLI, isolated: Path
) -> None:
    result = cli("write", "--stdin", "-x", "A short line.", input=NOTE + "\n")
    assert result.exit_code == 1 and "Use only one of --from-file and --experience" in (
        result.stderr
    )
    kept = {p.suffix: p.read_text(encoding="utf-8") for p in drafts(isolated)}
    assert "A short line." in kept[".json"] and NOTE in kept[".md"]


@pytest.mark.parametrize("piped", ["", "  \n\n", '{"schema": "peerjournal.backup/1"}\n'],
                         ids=["nothing", "blank", "json"])
def test_no_draft_of_nothing_nor_of_a_program_s_file(
    cli: CLI, isolated: Path, piped: str
) -> None:
    result = cli("write", "--date", "yesterdya", input=piped)
    message = one_line_error(result, 1, "Could not read the date 'yesterdya'")
    assert "kept" not in message and drafts(isolated) == []


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["-x", "First.", "-x", "Second.", "--date", "bad"], "--experience was given twice"),
        (["-x", "A call.", "-s", "ward", "-s", "garden"], "--setting was given twice"),
        (["-x", "We", "sat", "together."], "goes after -x, in quotes"),
    ],
    ids=["text-twice", "option-twice", "unquoted"],
)
def test_a_command_line_not_well_formed_keeps_no_quick_entry(
    cli: CLI, isolated: Path, args: list[str], said: str
) -> None:
    """Which text is meant is not known (the first -x, or "We" of "We sat together."), and
    all of it is still in the shell's history."""
    one_line_error(cli("write", *args), 2, said, "Nothing was saved.")
    assert drafts(isolated) == []


def test_stdin_at_a_terminal_is_not_waited_for(
    cli: CLI, isolated: Path, terminal: None
) -> None:
    """`--from-file -` typed at a terminal with a wrong option: nothing is typed yet, and the
    error comes at once (stdin is not read)."""
    result = cli("write", "--from-file", "-", "--date", "yesterdya", input=NOTE + "\n")
    message = one_line_error(result, 1, "Could not read the date")
    assert "kept" not in message and drafts(isolated) == []
