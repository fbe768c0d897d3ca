"""Round 36 (data3, with cli_init_one_dash.patch): a long option typed with one dash on any
command is answered "did you mean --json?", not click's "No such option: -j"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import CLI

Add = Callable[..., int]


@pytest.mark.parametrize(
    ("args", "typed", "meant", "command"),
    [
        (["list", "-json"], "-json", "--json", "list"),
        (["list", "-JSON"], "-JSON", "--json", "list"),
        (["list", "-limit=2"], "-limit=2", "--limit=2", "list"),
        (["list", "-tag", "housing"], "-tag", "--tag", "list"),  # (was: extra argument)
        (["list", "-since", "2026-01-01"], "-since", "--since", "list"),
        (["show", "1", "-json"], "-json", "--json", "show"),
        (["tags", "-json"], "-json", "--json", "tags"),
        (["people", "list", "-json"], "-json", "--json", "people list"),
    ],
)
def test_a_long_option_with_one_dash_is_named_as_meant(
    cli: CLI, add: Add, args: list[str], typed: str, meant: str, command: str
) -> None:
    add()
    result = cli(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: No such option: {typed}; did you mean {meant}? "
        f"See 'peerjournal {command} --help'.\n"
    )


def test_other_usage_errors_are_as_they_were(cli: CLI) -> None:
    assert cli("list", "-x").stderr == (
        "peerjournal: No such option: -x. See 'peerjournal list --help'.\n")
    after = cli("list", "--", "-json")  # (after --: an argument, not an option)
    assert after.exit_code == 2 and "did you mean" not in after.stderr
    valued = cli("write", "-x", "-json", "--tag")  # (-json is -x's value)
    assert "did you mean" not in valued.stderr
