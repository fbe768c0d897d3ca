"""Round 28, QA finding 1: text piped into `write`, or given with -x, was dropped with no draft
when an option was wrong (`--date yesterdya`, a future --date, `--mode sideways`, a misspelt
--prompts, an unquoted setting). It is kept as a draft now, with the options that could be
used, and the error says where and which option to give `write --resume` again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, CTRL_C
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
        # (round 44: the quoting hint every command gives)
        (["-s", "phone/text", "line"], 2, "'line' is not part of -s", ""),
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
                   "Your words are kept as draft 1: `peerjournal write --resume --draft "
                   f"1{again}`.")
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
                   "Your words are kept as draft 1: "
                   "`peerjournal write --resume --draft 1 --date DATE`.")
    assert kept.exists()
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
    [_kept] = drafts(isolated)
    one_line_error(result, 3, "(did you mean 'gibbs'?)",
                   "Your words are kept as draft 1: `peerjournal write --resume --draft 1`.")
    assert cli("write", "--resume", input="y\n").exit_code == 0
    assert [(e["experience"], e["prompt_set"]) for e in entries(cli)] == [(NOTE, "boud")]


def test_the_piped_text_is_kept_when_two_ways_of_writing_are_given(
    cli: CLI, isolated: Path
) -> None:
    """The piped text exists nowhere else; the line given in hand is still on the command
    line (round 33: one draft, not two for one mistake)."""
    result = cli("write", "--stdin", "-x", "A short line.", input=NOTE + "\n")
    [kept] = drafts(isolated)
    one_line_error(result, 2, "Use only one of --stdin and --experience. Nothing was saved.",
                   "Your words are kept as draft 1: `peerjournal write --resume --draft 1`.")
    assert kept.suffix == ".md" and NOTE in kept.read_text(encoding="utf-8")
    assert "A short line." not in kept.read_text(encoding="utf-8")


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


# -- Round 28, QA follow-ups -------------------------------------------------------------------

NOT_UTF8 = b"Piped \x81 bytes on the ward\n"  # 0x81: not Windows-1252 either


def test_piped_text_not_utf8_still_shows_the_wrong_option(
    cli: CLI, isolated: Path, edits: Any
) -> None:
    """Before: only "Standard input is not UTF-8 text …", the hint without --mode MODE, and
    `write --resume` saved the entry on-action."""
    result = cli("write", "--date", "3 days ago", "-s", "ward", "--mode", "bad", input=NOT_UTF8)
    [kept] = drafts(isolated)
    message = one_line_error(
        result, 1, "Standard input is not UTF-8 text (at byte 7",
        "Your words are kept as draft 1: `peerjournal write --resume --draft 1 --mode MODE`.",
    )
    assert message.startswith("peerjournal: Unknown mode 'bad': use on-action or in-action. ")
    assert "Piped \ufffd bytes on the ward" in kept.read_text(encoding="utf-8")
    edits()
    assert cli("write", "--resume", "--mode", "in-action").exit_code == 0
    [entry] = entries(cli)
    assert (entry["experience"], entry["mode"], entry["setting"], entry["date"]) == (
        "Piped \ufffd bytes on the ward", "in-action", "ward", "2026-11-17"
    )


def test_only_nul_bytes_piped_leave_the_option_error_alone(cli: CLI, isolated: Path) -> None:
    result = cli("write", "--mode", "bad", input=b"\x00\x00\n")
    message = one_line_error(result, 1, "Unknown mode 'bad'")
    assert "NUL" not in message and drafts(isolated) == []


def test_every_unusable_option_is_named_and_resume_takes_them_all(
    cli: CLI, isolated: Path
) -> None:
    """Before: the date alone, in the message and the hint; resume saved on-action, no tags."""
    result = cli("write", "-x", "We walked to the office.", "--date", "2026-13-01",
                 "--mode", "inaction", "-t", "...")
    [_kept] = drafts(isolated)
    message = one_line_error(
        result, 1, "Could not read the date '2026-13-01'",
        "Also not usable: --mode and --tag. Your words are kept as draft 1: `peerjournal write "
        "--resume --draft 1 --date DATE --mode MODE --tag TAG`.",
    )
    assert "Unknown mode" not in message  # one line: the others are named, not explained
    result = cli("write", "--resume", "--date", "2026-11-13", "--mode", "in-action",
                 "-t", "walks", input="y\n")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert (entry["date"], entry["mode"], entry["tags"]) == ("2026-11-13", "in-action", ["walks"])


def test_every_unusable_option_is_named_for_piped_text(cli: CLI, isolated: Path) -> None:
    result = cli("write", "--mode", "sideways", "--tag", "###", "-s", "ward", input=NOTE + "\n")
    [kept] = drafts(isolated)
    message = one_line_error(
        result, 1, "Also not usable: --tag.",
        "Your words are kept as draft 1: `peerjournal write --resume --draft 1 --mode MODE "
        "--tag TAG`.",
    )
    assert message.startswith("peerjournal: Unknown mode 'sideways'")
    assert read_options(kept.read_text(encoding="utf-8")) == {"setting": "ward"}


QUICK = "We walked to the office."
REMOVED = "is removed: the same text is saved now."


def test_a_fixed_quick_entry_removes_the_draft_kept_before(cli: CLI, isolated: Path) -> None:
    """Before: `drafts` still listed it, and `write --resume` saved the entry a second time."""
    assert cli("write", "-x", QUICK, "--date", "2026-13-01").exit_code == 1
    [kept] = drafts(isolated)
    result = cli("write", "-x", QUICK, "--date", "2026-11-13")
    assert result.exit_code == 0 and result.stdout == "1\n"
    assert (f"The draft kept when this text could not be saved before ({kept}) {REMOVED}\n"
            in result.stderr)
    assert drafts(isolated) == []
    assert "There are no unfinished drafts." in cli("drafts").stderr
    assert cli("write", "--resume").exit_code != 0
    assert [e["experience"] for e in entries(cli)] == [QUICK]


def test_fixed_piped_text_removes_every_draft_kept_of_it(cli: CLI, isolated: Path) -> None:
    for _ in range(2):  # run twice with the typo
        assert cli("write", "-s", "ward", "--date", "yesterdya", input=NOTE + "\n").exit_code == 1
    first, second = drafts(isolated)
    result = cli("write", "-s", "ward", "--date", "yesterday", input=NOTE + "\n")
    assert result.exit_code == 0
    [said] = [line for line in result.stderr.splitlines() if "removed" in line]
    assert said.startswith("The 2 drafts kept when this text could not be saved before (")
    assert said.endswith(") are removed: the same text is saved now.")
    assert str(first) in said and str(second) in said
    assert drafts(isolated) == [] and len(entries(cli)) == 1


def test_a_draft_with_other_text_stays(cli: CLI, isolated: Path) -> None:
    assert cli("write", "-x", QUICK, "--date", "bad").exit_code == 1
    assert cli("write", "-x", QUICK, "-f", "Tired.", "--date", "bad").exit_code == 1
    piped = cli("write", "--date", "bad", input=NOTE + "\n")
    assert piped.exit_code == 1
    [*_, edited] = sorted(drafts(isolated), key=lambda p: p.suffix)  # the piped one, .md
    edited.write_text(edited.read_text(encoding="utf-8") + "And a line added since.\n",
                      encoding="utf-8")
    before = drafts(isolated)
    result = cli("write", "-x", QUICK, "-f", "Tired!")  # not the same feelings
    assert result.exit_code == 0 and "removed" not in result.stderr
    result = cli("write", input=NOTE + "\n")  # the draft of it was edited since
    assert result.exit_code == 0 and "removed" not in result.stderr
    assert drafts(isolated) == before


def test_a_guided_session_s_draft_of_the_same_text_stays(
    cli: CLI, isolated: Path, keys: Any
) -> None:
    keys("community", QUICK, "", CTRL_C)
    assert cli("write").exit_code == 130
    [guided] = drafts(isolated)
    assert QUICK in guided.read_text(encoding="utf-8")
    result = cli("write", "-x", QUICK)
    assert result.exit_code == 0 and "removed" not in result.stderr
    assert drafts(isolated) == [guided]
