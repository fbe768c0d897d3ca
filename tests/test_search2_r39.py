"""Round 39 (QA changes findings 2, 4, 5 and 9): a search's did-you-mean names a word as
written in an entry and prints a command that finds entries, putting right every missing
word; a Windows path in "…" in config.toml is said in plain words, the line as typed;
`people remove` suggests the listed person for an alias, a surname or a short form; a
setting's left-out characters are all shown escaped."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.entry import normalise_setting, resettled_note


def _ok(cli: CLI, *args: str) -> Any:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result


# -- finding 2: did you mean ----------------------------------------------------------------

TEXT = ("We were walking to the housing office and talking about the forms, and he was "
        "listening carefully.")


@pytest.fixture
def written(cli: CLI) -> None:
    _ok(cli, "write", "-x", TEXT)


@pytest.mark.usefixtures("written")
@pytest.mark.parametrize(("typed", "meant"), [
    ("walkd", "walking"), ("walki", "walking"), ("listend", "listening"), ("hous", "housing"),
])
def test_a_near_word_is_a_word_of_an_entry_that_finds_it(
    cli: CLI, typed: str, meant: str
) -> None:
    result = _ok(cli, "search", typed)
    assert result.stderr == (f"Nothing found for '{typed}': no entry has that word; did you "
                             f"mean '{meant}' (`peerjournal search {meant}`)?\n")
    assert meant in TEXT
    assert "housing office" in _ok(cli, "search", meant).stdout


@pytest.mark.usefixtures("written")
def test_every_missing_word_is_put_right_and_the_command_finds_the_entry(cli: CLI) -> None:
    result = _ok(cli, "search", "housng", "offce")
    assert result.stderr == (
        "Nothing found for 'housng offce': no entry has 'housng' or 'offce'; did you mean "
        "'housing' and 'office' (`peerjournal search housing office`)?\n")
    command = result.stderr.split("`")[1]
    assert "housing office" in _ok(cli, *shlex.split(command)[1:]).stdout


@pytest.mark.usefixtures("written")
def test_no_command_when_a_word_left_in_it_matches_nothing(cli: CLI) -> None:
    result = _ok(cli, "search", "housng", "zzzz")
    assert result.stderr == ("Nothing found for 'housng zzzz': no entry has 'housng' or "
                             "'zzzz'; did you mean 'housing' for 'housng'?\n")
    assert "peerjournal search" not in result.stderr


def test_no_command_when_the_words_put_right_are_not_together(cli: CLI) -> None:
    _ok(cli, "write", "-x", "We went to the housing list meeting today.")
    _ok(cli, "write", "-x", "The office was closed again this morning.")
    result = _ok(cli, "search", "housng", "offce")
    assert result.stderr == (
        "Nothing found for 'housng offce': no entry has 'housng' or 'offce'; near ones are "
        "'housing' and 'office', but no entry has them all with the rest.\n")


# -- finding 4: a Windows path in "…" -------------------------------------------------------

@pytest.mark.parametrize(("value", "single", "slashed"), [
    ('"C:\\Users\\me\\lex.toml"', "C:\\Users\\me\\lex.toml", "C:/Users/me/lex.toml"),
    ('"C:\\data\\lex.toml"  # ours', "C:\\data\\lex.toml", "C:/data/lex.toml"),
])
def test_a_windows_path_in_double_quotes_is_said_plainly(
    cli: CLI, isolated: Path, value: str, single: str, slashed: str
) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    config = isolated / "config.toml"
    config.write_text(f"[drift]\nlexicon = {value}\n", encoding="utf-8")
    result = cli("write", "-x", "A shift on the ward.")
    assert result.exit_code != 0
    assert (f"{config}: line 2: lexicon = {value}: a \\ inside \"…\" starts an escape: write "
            f"the path in single quotes ('{single}') or with / (\"{slashed}\").") in result.stderr
    assert "hex" not in result.stderr and "\\\\" not in result.stderr


def test_other_parser_words_quote_the_line_as_typed(cli: CLI, isolated: Path) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.toml").write_text('[drift]\nlexicon = "a\x01b"\n', encoding="utf-8")
    result = cli("write", "-x", "A shift on the ward.")
    assert result.exit_code != 0
    assert "line 2: illegal character '\\x01' in 'lexicon = \"a\\x01b\"'." in result.stderr


# -- finding 9: people remove ---------------------------------------------------------------

@pytest.mark.parametrize(("typed", "meant"), [
    ("S.", "Sam Jones"), ("s.", "Sam Jones"), ("Jones", "Sam Jones"),
    ("Bob Brown", "Robert Brown"),
])
def test_people_remove_suggests_the_listed_person(cli: CLI, typed: str, meant: str) -> None:
    _ok(cli, "people", "add", "Sam Jones", "--alias", "S.")
    _ok(cli, "people", "add", "Robert Brown")
    result = cli("people", "remove", typed)
    assert result.exit_code != 0
    assert result.stderr == (f"peerjournal: {typed!r} is not on the people list; did you mean "
                             f"'{meant}' (`peerjournal people remove '{meant}'`)?\n")


def test_people_remove_names_no_one_for_two_people(cli: CLI) -> None:
    _ok(cli, "people", "add", "Sam Jones")
    _ok(cli, "people", "add", "Ann Jones")
    result = cli("people", "remove", "Jones")
    assert result.stderr == ("peerjournal: 'Jones' is not on the people list (see `peerjournal "
                             "people list`).\n")


# -- finding 5: a setting's left-out characters ---------------------------------------------

@pytest.mark.parametrize(("typed", "shown", "stored"), [
    ("crisis house\u200d", "crisis house\\u200d", "crisis house"),
    ("\u200dcrisis house", "\\u200dcrisis house", "crisis house"),
    ("crisis\x01house", "crisis\\x01house", "crisis house"),
    ("ward\u200b 4", "ward\\u200b 4", "ward 4"),
])
def test_every_left_out_character_is_shown_escaped(typed: str, shown: str, stored: str) -> None:
    assert normalise_setting(typed) == stored
    assert resettled_note(typed) == (
        f'Setting "{shown}" is stored as "{stored}": control characters and characters drawn '
        "as nothing are left out of a setting.")


def test_a_joiner_inside_a_word_is_kept_as_it_is() -> None:
    typed = "ho\u200duse\u200b"
    assert resettled_note(typed) == (
        'Setting "ho\u200duse\\u200b" is stored as "ho\u200duse": control characters and '
        "characters drawn as nothing are left out of a setting.")


def test_a_trailing_joiner_is_noted_by_write(cli: CLI) -> None:
    result = _ok(cli, "write", "-x", TEXT, "-s", "crisis house\u200d")
    assert 'Setting "crisis house\\u200d" is stored as "crisis house"' in result.stderr
