"""QA round 19: the command line as a new user meets it through `--help`, and as a scripter.

Each test asserts what the user sees: the help text, the one-line error, the exit code, what is
on stdout and what is in the journal afterwards.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CLI
from peerjournal.cli import app

GROUPS = {
    "prompts": ["list", "show"],
    "supervision": ["prep", "check", "done", "undo", "history"],
    "people": ["add", "list", "remove"],
}
COMMANDS = [
    "write", "drafts", "list", "show", "search", "tags", "edit", "delete", "restore", "trash",
    "import", "where", "drift", "report", "demo", "share", "unshare", "export", "review",
]  # fmt: skip
EVERY_HELP = [[], *([c] for c in COMMANDS), *([g] for g in GROUPS)] + [
    [g, c] for g, subs in GROUPS.items() for c in subs
]
# Each command's line in the list of commands, whole at 50 columns as at 80 (it was cut off
# at the first 45 characters: "List unfinished drafts (newest first, with their age and...").
SUMMARIES = {
    (): {
        "write": "Write a journal entry.",
        "drafts": "List unfinished drafts.",
        "edit": "Change an entry.",
        "delete": "Move entries to the trash.",
        "restore": "Take entries out of the trash.",
        "trash": "List or empty the trash.",
        "where": "Show where your files are kept.",
        "drift": "Explain an entry's drift score.",
        "share": "Share entries' text in summaries.",
        "unshare": "Stop sharing entries' text.",
        "export": "Export a summary for your mentor.",
        "review": "Read summaries sent to you.",
        "prompts": "List and show prompt sets.",
        "supervision": "Before and after supervision.",
        "people": "Names to replace in exports.",
    },
    ("prompts",): {"list": "List the prompt sets.", "show": "Show a prompt set's questions."},
    ("supervision",): {
        "prep": "What to bring to supervision.",
        "check": "Do a guided 1-5 self-check.",
        "done": "Record a supervision session.",
        "undo": "Remove a supervision record.",
        "history": "Self-checks and supervisions so far.",
    },
    ("people",): {
        "add": "Add a person, or change an alias.",
        "list": "List the people on the list.",
        "remove": "Take a person off the list.",
    },
}


def helped(*args: str, columns: int) -> str:
    """The help a terminal `columns` wide shows (CliRunner alone always formats for 80; on a
    real terminal click leaves 2 columns free, and never goes below 50)."""
    result = CliRunner().invoke(app, list(args), terminal_width=max(columns - 2, 50))
    assert result.exit_code == 0, args
    return result.stdout


def listed(help_text: str) -> dict[str, str]:
    """The list of commands in a help text: name -> its line."""
    section = help_text.split("\nCommands:\n", 1)[1].split("\n\n", 1)[0]
    return dict(line.strip().split(None, 1) for line in section.splitlines())  # type: ignore[misc]


@pytest.mark.parametrize("columns", [50, 80])
@pytest.mark.parametrize("group", list(SUMMARIES))
def test_each_command_says_what_it_does_in_a_whole_line(
    columns: int, group: tuple[str, ...]
) -> None:
    lines = listed(helped(*group, "--help", columns=columns))
    for name, summary in SUMMARIES[group].items():
        assert lines[name] == summary


@pytest.mark.parametrize("columns", [50, 80])
def test_help_speaks_plainly_everywhere(columns: int) -> None:
    """Click's own words for a number option ("<int range>", "[x>=0]") and a file's mode were
    in the help; every line fits the terminal (the examples too)."""
    for args in EVERY_HELP:
        for option in ("--help", "-h"):
            out = helped(*args, option, columns=columns)
            assert "-h, --help" in out, args
            for jargon in ("int range", "x>=", "mode 600", "md|html", "ISO weeks (Monday"):
                assert jargon not in out, (args, jargon)
            assert max(map(len, out.splitlines())) <= columns, args


def test_options_of_export_leave_room_for_their_help() -> None:
    """`--format md|html|pdf|json|csv` squeezed every option's help into 16 columns."""
    out = helped("export", "--help", columns=50)
    assert "  -f, --format FORMAT\n      md (Markdown), html, pdf, json (what\n" in out
    assert "      Write to FILE (only you can read it) instead\n" in out


def test_examples_in_the_help_are_shown_as_typed(cli: CLI) -> None:
    """An example is one line to copy, not rewrapped into the paragraph around it."""
    examples = {
        ("write",): ['  peerjournal write -x "A calm shift." -s ward'],
        ("edit",): ["  peerjournal edit 14", "  peerjournal edit 14 -t handover -s inpatient"],
        ("drift",): ["  peerjournal drift 14", '  peerjournal drift --text "I shared my story."'],
        ("export",): ["  peerjournal export -o summary.html",
                      "  peerjournal export --full -o backup.json"],
        ("review",): ["  peerjournal review alex.json sam.json"],
    }  # fmt: skip
    for command, lines in examples.items():
        out = cli(*command, "--help").stdout.splitlines()
        for line in lines:
            assert f"  {line}" in out, (command, line)


def test_the_write_example_works_as_shown(cli: CLI) -> None:
    result = cli("write", "-x", "A calm shift.", "-s", "ward")
    assert result.exit_code == 0 and result.stdout == "1\n"
    assert json.loads(cli("show", "1", "--json").stdout)["setting"] == "ward"


def test_write_share_says_what_sharing_does(cli: CLI, add: Callable[..., int]) -> None:
    """It said "shared with your mentor", as if something were sent."""
    out = " ".join(cli("write", "--help").stdout.split())
    assert "--share Let the entry's text go into mentor summaries (see `peerjournal share`)." in (
        out
    )
    entry_id = add("We talked about the week.", "--share")
    assert json.loads(cli("show", str(entry_id), "--json").stdout)["shared"] is True


# -- typos: did you mean … ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lsit"], "No such command 'lsit'. Did you mean 'list'? See 'peerjournal --help'."),
        (["list", "--tga", "x"],
         "No such option: --tga. Did you mean --tag? See 'peerjournal list --help'."),
        (["export", "--formt", "md"], "No such option: --formt. Did you mean --force, --format "
         "or --from? See 'peerjournal export --help'."),
        (["supervision", "chek"], "No such command 'chek'. Did you mean 'check'? See "
         "'peerjournal supervision --help'."),
        (["people", "ad", "Sam"],
         "No such command 'ad'. Did you mean 'add'? See 'peerjournal people --help'."),
        (["--dbb", "x", "list"],
         "No such option: --dbb. Did you mean --db? See 'peerjournal --help'."),
        (["list", "--zzz"], "No such option: --zzz. See 'peerjournal list --help'."),
    ],
)  # fmt: skip
def test_a_typo_is_answered_with_what_was_meant(
    cli: CLI, args: list[str], message: str
) -> None:
    """It said "Did you mean 'list'?. See …" and "(Possible options: --tag)"."""
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"peerjournal: {message}\n"


# -- numbers: --limit, --draft -----------------------------------------------------------------


@pytest.mark.parametrize("value", ["-1", "abc", "1.5", ""])
@pytest.mark.parametrize("command", [["list"], ["search", "calm"]])
def test_a_limit_that_is_not_a_count_is_a_plain_usage_error(
    cli: CLI, add: Callable[..., int], command: list[str], value: str
) -> None:
    add("A calm shift.")
    result = cli(*command, "--limit", value)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: Invalid value for '--limit' / '-n': {value!r}: give a whole number, 0 "
        f"or more. See 'peerjournal {command[0]} --help'.\n"
    )


def test_limit_counts_as_before(cli: CLI, add: Callable[..., int]) -> None:
    for n in range(3):
        add(f"A calm shift, number {n}.")
    rows = lambda *args: len(json.loads(cli("list", "--json", *args).stdout))  # noqa: E731
    assert (rows(), rows("-n", "2"), rows("--limit", " 1 "), rows("-n", "0")) == (3, 2, 1, 3)
    assert " -n, --limit N " in cli("list", "--help").stdout


def test_draft_zero_is_a_plain_usage_error(cli: CLI, isolated: Path) -> None:
    result = cli("write", "--draft", "0")
    assert result.exit_code == 2
    assert result.stderr == (
        "peerjournal: Invalid value for '--draft': 0 is not a draft number; drafts are "
        "numbered from 1 (see `peerjournal drafts`). See 'peerjournal write --help'.\n"
    )
    assert "  --draft N " in cli("write", "--help").stdout


# -- short options -----------------------------------------------------------------------------


def test_supervision_done_takes_d_for_its_date_as_write_does(cli: CLI) -> None:
    result = cli("supervision", "done", "-d", "2 days ago", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["date"] == "2026-11-18"
    history = json.loads(cli("supervision", "history", "--json").stdout)
    assert [s["date"] for s in history["supervisions"]] == ["2026-11-18"]
    assert "-d, --date DATE" in cli("supervision", "done", "--help").stdout


# -- --json on delete and restore ---------------------------------------------------------------


def test_delete_and_restore_print_the_entry_with_json(
    cli: CLI, add: Callable[..., int]
) -> None:
    """Every other command that changes something (share, people remove, supervision undo)
    took --json; these two said "No such option: --json"."""
    entry_id = add("A calm shift.")
    deleted = cli("delete", str(entry_id), "--json")
    assert deleted.exit_code == 0 and deleted.stderr == ""
    trashed = json.loads(deleted.stdout)
    assert trashed.pop("already") is False  # moved by this run, not a repeat
    assert trashed == json.loads(cli("trash", "--json").stdout)[0]
    assert trashed["id"] == entry_id and trashed["deleted_at"] == "2026-11-20T18:30:00+00:00"
    assert cli("show", str(entry_id)).exit_code == 3  # in the trash now

    restored = cli("restore", str(entry_id), "--json")
    assert restored.exit_code == 0 and restored.stderr == ""
    back = json.loads(restored.stdout)
    assert back.pop("already") is False
    assert back == json.loads(cli("show", str(entry_id), "--json").stdout)
    assert json.loads(cli("trash", "--json").stdout) == []


def test_delete_and_restore_without_json_print_no_data(
    cli: CLI, add: Callable[..., int]
) -> None:
    entry_id = add("A calm shift.")
    deleted = cli("delete", str(entry_id))
    assert deleted.stdout == "" and "Moved entry 1 to the trash." in deleted.stderr
    restored = cli("restore", str(entry_id))
    assert restored.stdout == "" and restored.stderr == "Restored entry 1.\n"


def test_json_is_taken_by_every_command_that_prints_data(cli: CLI) -> None:
    """Every one (`import` was the last, until round 41)."""
    without = []
    for args in EVERY_HELP:
        out = cli(*args, "--help").stdout
        if "\nCommands:\n" not in out and not re.search(r"^  --json ", out, re.MULTILINE):
            without.append(" ".join(args))
    assert without == []
