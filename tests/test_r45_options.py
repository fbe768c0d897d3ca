"""Round 45: the command line's hints after b9783a1 (qa_fixes_d 1-4, 9): a dimension's name
quoted, the IDs typed last left out of a suggested value, no journal text repeated, an
option's value that is another option refused, a date's words suggested whole or not at all."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI
from test_r45_newcomer2 import _one_line_usage_error as _usage_error


def _texts(cli: CLI) -> list[str]:
    """The experience of every entry in the journal."""
    listed = cli("list", "--json")
    assert listed.exit_code == 0, listed.stderr
    return [entry["experience"] for entry in json.loads(listed.stdout)]


# -- 1. report -d clinical language: the dimension's label in quotes ---------------------------


def test_a_dimension_named_by_its_label_in_two_words_gets_the_quoting_hint(
    cli: CLI, add: Callable[..., int]
) -> None:
    add()
    stderr = _usage_error(cli("report", "-d", "clinical", "language"))
    assert ("'language' is not part of -d: a value of more than one word goes in quotes, as in "
            '-d "clinical language".') in stderr
    assert cli("report", "-d", "clinical language").exit_code == 0


def test_words_that_name_no_dimension_get_clicks_own_message(
    cli: CLI, add: Callable[..., int]
) -> None:
    add()
    stderr = _usage_error(cli("report", "-d", "story", "mutuality"))
    assert "Got unexpected extra argument(s) (mutuality)" in stderr
    assert "as in -d" not in stderr


# -- 2. the IDs typed last are not part of the suggested value ---------------------------------


@pytest.mark.parametrize(("args", "said"), [
    (("edit", "1", "-s", "crisis", "team", "2"),
     "'team' is not part of -s: a value of more than one word goes in quotes, as in "
     '-s "crisis team".'),
    (("edit", "-s", "crisis", "team", "1"),
     "'team' is not part of -s: a value of more than one word goes in quotes, as in "
     '-s "crisis team".'),
    (("edit", "-x", "New", "text", "1"),
     "-x took one word, and 1 more came after it: a text of more than one word goes in quotes, "
     'as in -x "your words".'),
    (("drift", "--text", "Sat", "with", "Sam", "1"),
     "--text took one word, and 2 more came after it: a text of more than one word goes in "
     'quotes, as in --text "your words".'),
])
def test_the_ids_typed_last_are_left_out_of_the_value(
    cli: CLI, add: Callable[..., int], args: tuple[str, ...], said: str
) -> None:
    add()
    add()
    stderr = _usage_error(cli(*args))
    assert said in stderr
    assert _texts(cli) == ["I sat with Sam and we talked about his week."] * 2


def test_the_suggested_setting_with_its_id_after_it_is_taken(
    cli: CLI, add: Callable[..., int]
) -> None:
    add()
    add()
    assert cli("edit", "1", "-s", "crisis team", "2").exit_code == 0
    shown = json.loads(cli("show", "2", "--json").stdout)
    assert shown["setting"] == "crisis team"


# -- 3. no journal text in a hint --------------------------------------------------------------


@pytest.mark.parametrize(("args", "option", "more"), [
    (("edit", "1", "-x", "Today", "I", "sat", "with", "Jo", "Bloggs"), "-x", 5),
    (("edit", "1", "-f", "Felt", "scared", "of", "Jo"), "-f", 3),
    (("edit", "1", "-e", "Went", "well", "with", "Jo"), "-e", 3),
    (("edit", "1", "--self-care", "Walked", "with", "Jo"), "--self-care", 2),
    (("drift", "--text", "Sat", "with", "Jo", "at", "the", "clinic"), "--text", 5),
    (("write", "-x", "Sat.", "-f", "Felt", "scared", "of", "Jo"), "-f", 3),
    (("export", "--note", "Talked", "about", "Jo", "-o", "x.md"), "--note", 2),
    (("supervision", "done", "--note", "About", "Jo", "Bloggs"), "--note", 2),
])
def test_a_text_options_hint_shows_a_placeholder_not_the_words(
    cli: CLI, add: Callable[..., int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...], option: str, more: int,
) -> None:
    monkeypatch.chdir(tmp_path)
    add()
    stderr = _usage_error(cli(*args))
    assert (f"{option} took one word, and {more} more came after it: a text of more than one "
            f'word goes in quotes, as in {option} "your words".') in stderr
    for word in ("Jo", "scared", "clinic", "Walked", "Talked"):
        assert word not in stderr
    assert not (tmp_path / "x.md").exists()


def test_a_name_given_apart_from_its_alias_is_not_repeated(cli: CLI) -> None:
    stderr = _usage_error(cli("people", "add", "Sam", "Jones", "--alias", "S", "J"))
    assert ("--alias took one word, and 1 more came after it, apart from the name before it: "
            "part of the alias or of the name? Give each in quotes, whole, as in people add "
            '"Full Name" --alias "Alias". Nobody was added.') in stderr
    assert "Sam" not in stderr and "Jones" not in stderr
    assert json.loads(cli("people", "list", "--json").stdout) == []


def test_names_from_stdin_with_an_alias_apart_ask_for_the_alias_in_quotes(cli: CLI) -> None:
    stderr = _usage_error(cli("people", "add", "-", "--alias", "K", "B", input="Kim Bell\n"))
    assert ('--alias took one word, and 1 more came after it: give the alias in quotes, whole, '
            'as in --alias "Alias". Nobody was added.') in stderr
    assert "Kim" not in stderr and '"-' not in stderr


def test_a_writes_stray_words_are_counted_not_repeated(cli: CLI) -> None:
    stderr = _usage_error(cli("write", "--mode", "quick", "Felt", "scared", "-x", "Sat."))
    assert "2 words no option takes" in stderr and "scared" not in stderr
    assert _texts(cli) == []


def test_a_setting_is_still_shown_in_its_hint(cli: CLI) -> None:
    stderr = _usage_error(cli("write", "-x", "Sat.", "-s", "crisis", "team"))
    assert 'as in -s "crisis team". Nothing was saved.' in stderr


# -- 4. an option's value that is another of the command's options ----------------------------


@pytest.mark.parametrize(("args", "option", "metavar", "value"), [
    (("write", "-x", "--share"), "-x", "TEXT", "--share"),
    (("write", "-s", "--json", "-x", "Quiet one"), "-s", "SETTING", "--json"),
    (("people", "add", "Jo Bloggs", "--alias", "--json"), "--alias", "TEXT", "--json"),
    (("export", "-o", "--json", "-y"), "-o", "FILE", "--json"),
    (("list", "--tag", "--json"), "--tag", "TAG", "--json"),
    (("drift", "--text", "--json"), "--text", "TEXT", "--json"),
    (("supervision", "done", "--note", "--date", "yesterday"), "--note", "TEXT", "--date"),
    (("edit", "1", "-x", "-s"), "-x", "TEXT", "-s"),  # (-h there is the help: shown)
])
def test_an_option_is_never_taken_as_another_options_value(
    cli: CLI, add: Callable[..., int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...], option: str, metavar: str, value: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    add()
    stderr = _usage_error(cli(*args))
    assert (f"{option} has no value: the word after it, {value}, is an option; give {option} "
            f"its value first ({option} {metavar} {value} …).") in stderr
    assert _texts(cli) == ["I sat with Sam and we talked about his week."]
    assert not (tmp_path / "--json").exists()
    assert json.loads(cli("people", "list", "--json").stdout) == []
    assert json.loads(cli("supervision", "history", "--json").stdout)["supervisions"] == []


def test_such_a_value_can_still_be_given_attached(cli: CLI) -> None:
    result = cli("write", "--experience=--share")
    assert result.exit_code == 0, result.stderr
    assert _texts(cli) == ["--share"]


def test_an_options_name_after_a_double_dash_is_no_option() -> None:
    from typer.main import get_command

    from peerjournal.cli import app
    from peerjournal.cli.options import option_without_value

    params = get_command(app).commands["drift"].params  # type: ignore[attr-defined]
    assert option_without_value(params, ["--", "--text", "--json"]) is None
    assert option_without_value(params, ["--text=--json"]) is None
    assert option_without_value(params, ["--text", "--json"]) is not None


# -- 5. a date's words: the whole run or none ---------------------------------------------------


def test_a_date_hint_suggests_the_whole_run_of_words_or_none(
    cli: CLI, add: Callable[..., int]
) -> None:
    add("Housing forms again.")
    stderr = cli("search", "housing", "--since", "last", "fortnight", "ago").stderr
    assert "last fortnight" not in stderr and "Traceback" not in stderr
    stderr = cli("search", "housing", "--since", "4", "weeks", "ago").stderr
    assert 'as in --since "4 weeks ago"' in stderr
