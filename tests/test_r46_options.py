"""Round 46: a word written as an option that the command does not have (`supervision done
--note -y`, `write -x --force`) is no option's value either: "X has no value", exit 2, nothing
saved; attached with "=" it is the value, and words that only start with a dash are text."""

from __future__ import annotations

import json

import pytest

from conftest import CLI


def _texts(cli: CLI) -> list[str]:
    """The experience of every entry in the journal."""
    listed = cli("list", "--json")
    assert listed.exit_code == 0, listed.stderr
    return [entry["experience"] for entry in json.loads(listed.stdout)]


@pytest.mark.parametrize(("args", "option", "value"), [
    (("supervision", "done", "--note", "-y"), "--note", "-y"),
    (("write", "-x", "--force"), "-x", "--force"),
    (("write", "-x", "--force=1"), "-x", "--force=1"),
    (("write", "-x", "-q"), "-x", "-q"),
])
def test_an_option_the_command_lacks_is_no_value(
    cli: CLI, args: tuple[str, ...], option: str, value: str,
) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    name = value.split("=")[0]
    assert (f"{option} has no value: the word after it, {value}, is written as an option (this "
            f"command has no {name}); to give {option} that value, write {option}={value}."
            ) in result.stderr
    assert _texts(cli) == []
    assert json.loads(cli("supervision", "history", "--json").stdout)["supervisions"] == []


def test_attached_with_an_equals_sign_it_is_the_value(cli: CLI) -> None:
    result = cli("supervision", "done", "--note=-y", "--json")
    assert result.exit_code == 0, result.stderr
    done = json.loads(cli("supervision", "history", "--json").stdout)["supervisions"]
    assert [row["note"] for row in done] == ["-y"]


@pytest.mark.parametrize("text", ["-", "-5", "-ish", "-- quiet shift", "- tired"])
def test_text_that_only_starts_with_a_dash_is_saved(cli: CLI, text: str) -> None:
    result = cli("write", "-x", text)
    assert result.exit_code == 0, result.stderr
    assert _texts(cli) == [text]
