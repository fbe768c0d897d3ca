"""Round 45: what was left of the newcomer's QA (r44 qa_newcomer 6, 7, 9, 11; fix_newcomer's
notes): a text written twice, subcommands in capitals, `--tag a b`, the report's bars by
setting, `people add -` of names all listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CLI

SHIFT = """---
setting: inpatient
tags: handover
---
## Experience
Sat with a man in the crisis house while he waited for the doctor.

## Feelings
Calm, then tired.
"""


def _ids(cli: CLI) -> list[int]:
    return [e["id"] for e in json.loads(cli("list", "--json").stdout)]


# -- 7. the same text written twice ---------------------------------------------------------------


@pytest.mark.parametrize("how", ["file", "stdin", "piped", "quick"])
def test_a_text_written_again_is_not_saved_twice_and_the_entry_holding_it_is_named(
    cli: CLI, tmp_path: Path, how: str
) -> None:
    shift = tmp_path / "shift.md"
    shift.write_text(SHIFT, encoding="utf-8")
    args, given = {
        "file": (("write", "--from-file", str(shift)), None),
        "stdin": (("write", "--stdin"), SHIFT),
        "piped": (("write",), "Quiet shift."),
        "quick": (("write", "-x", "Quiet shift."), None),
    }[how]
    first = cli(*args, input=given)
    assert first.exit_code == 0, first.stderr
    again = cli(*args, input=given)
    assert again.exit_code == 0, again.stderr
    assert again.stdout.strip() == first.stdout.strip() == "1"  # the entry that holds it
    said = again.stderr.strip().splitlines()
    assert said == [
        "Entry 1 already holds this text, written today at 18:30: it is not saved again "
        "(`peerjournal show 1` shows it; --again saves a second entry with it)."
    ]
    assert _ids(cli) == [1]
    assert cli("drafts", "--json").stdout.strip() == "[]"  # nothing kept to save it again


def test_again_saves_a_second_entry(cli: CLI) -> None:
    assert cli("write", "-x", "Quiet shift.").exit_code == 0
    again = cli("write", "-x", "Quiet shift.", "--again")
    assert again.exit_code == 0 and again.stdout.strip() == "2"
    assert "already holds" not in again.stderr
    assert _ids(cli) == [2, 1]


@pytest.mark.parametrize(
    "other",
    # (the same words for another date within the hour are told: tests/test_r48_misc1.py)
    [("-s", "ward"), ("-t", "nights"), ("-f", "Tired."), ("--mode", "in-action")],
)
def test_the_same_words_with_anything_else_written_differently_are_saved(
    cli: CLI, other: tuple[str, ...]
) -> None:
    assert cli("write", "-x", "Quiet shift.").exit_code == 0
    second = cli("write", "-x", "Quiet shift.", *other)
    assert second.exit_code == 0 and second.stdout.strip() == "2", second.stderr
    assert "already holds" not in second.stderr


def test_a_repeat_of_an_entry_in_the_trash_is_saved(cli: CLI) -> None:
    assert cli("write", "-x", "Quiet shift.").exit_code == 0
    assert cli("delete", "1").exit_code == 0
    again = cli("write", "-x", "Quiet shift.")
    assert again.exit_code == 0 and again.stdout.strip() == "2"


# -- 6. subcommands typed in another case ---------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [("people", "List"), ("PEOPLE", "LIST"), ("prompts", "List"), ("supervision", "History")],
)
def test_a_subcommand_in_capitals_is_that_subcommand(cli: CLI, args: tuple[str, ...]) -> None:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert "No such command" not in result.stderr


def test_a_capitalised_subcommand_keeps_its_one_dash_hint_under_its_own_name(cli: CLI) -> None:
    result = cli("people", "List", "-json")
    assert result.exit_code == 2
    assert "did you mean --json? See 'peerjournal people list --help'." in result.stderr


def test_write_in_capitals_is_write_alone(cli: CLI) -> None:
    result = cli("Write", "-x", "A calm shift.")
    assert result.exit_code == 0 and result.stdout.strip() == "1"
    assert cli("Wirte").stderr.count("Did you mean") == 1
    assert "'write', 'drift'" not in cli("Wirte").stderr


# -- `--tag a b`: two tags meant ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "told"),
    [
        (("list", "--tag", "a", "b"), "'b' is not part of --tag: it takes one tag; give each "
         "its own --tag, as in --tag a --tag b."),
        (("report", "-t", "a", "b", "c"), "'b c' is not part of -t: it takes one tag; give "
         "each its own -t, as in -t a -t b -t c."),
        (("drafts", "--discard", "1", "2"), "'2' is not part of --discard: it takes one "
         "number; give each its own --discard, as in --discard 1 --discard 2."),
    ],
)
def test_words_after_a_one_word_option_are_told_to_repeat_it(
    cli: CLI, args: tuple[str, ...], told: str
) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert told in result.stderr
    assert "quotes" not in result.stderr


def test_write_tags_without_repeating_the_option_save_nothing_and_say_to_repeat_it(
    cli: CLI,
) -> None:
    result = cli("write", "-x", "A calm shift.", "-t", "handover", "nights")
    assert result.exit_code == 2
    assert "give each its own -t, as in -t handover -t nights" in result.stderr
    assert _ids(cli) == []


def test_a_setting_of_two_words_still_goes_in_quotes(cli: CLI) -> None:
    """write's -s is repeatable too (to catch it given twice), but a setting is a phrase."""
    result = cli("list", "-s", "day", "centre")
    assert 'as in -s "day centre"' in result.stderr


# -- 9. the report's bars by setting --------------------------------------------------------------


def test_the_settings_heading_says_what_the_bars_show(cli: CLI) -> None:
    for text, setting in (("I shared my own story of recovery with Sam.", "inpatient"),
                          ("We walked to the housing office together and I shared my own "
                           "story of recovery.", "housing")):
        assert cli("write", "-x", text, "-s", setting).exit_code == 0
    report = cli("report").stdout
    heading = next(line for line in report.splitlines() if "Where drift shows up" in line)
    assert "balance by setting; bars: markers per 100 words" in heading


def test_a_narrow_report_without_bars_says_nothing_of_them(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("write", "-x", "I shared my own story of recovery.", "-s", "ward").exit_code == 0
    monkeypatch.setenv("COLUMNS", "50")
    report = cli("report").stdout
    section = report.split("Where drift shows up", 1)[1]
    assert "balance by setting" in section.splitlines()[0] + section.splitlines()[1]
    assert "bars" not in section.split("\n\n", 1)[0]


# -- 11. `people add -` of names all on the list already -------------------------------------------


def test_a_list_read_whose_names_are_all_listed_already_succeeds(cli: CLI) -> None:
    assert cli("people", "add", "Sam Jones").exit_code == 0
    one = cli("people", "add", "-", input="Sam Jones\n")
    assert one.exit_code == 0, one.stderr
    assert one.stderr.strip() == (
        "Already on the people list, left as they are: Sam Jones. Nobody was added.")
    both = cli("people", "add", "-", input="Sam Jones\nsam jones\n")
    assert both.exit_code == 0
    as_json = cli("people", "add", "-", "--json", input="Sam Jones\n")
    assert as_json.exit_code == 0 and json.loads(as_json.stdout) == []
    mixed = cli("people", "add", "-", input="Sam Jones\nPriya Shah\n")
    assert mixed.exit_code == 0
    assert "left as they are: Sam Jones." in mixed.stderr
    assert "Nobody was added" not in mixed.stderr
    listed = sorted(p["name"] for p in json.loads(cli("people", "list", "--json").stdout))
    assert listed == ["Priya Shah", "Sam Jones"]


def test_one_name_typed_that_is_listed_already_is_still_refused(cli: CLI) -> None:
    """On the command line it is one person asked for: the --alias hint is what helps."""
    assert cli("people", "add", "Sam Jones").exit_code == 0
    again = cli("people", "add", "Sam Jones")
    assert again.exit_code == 1 and "use --alias to change the alias" in again.stderr
