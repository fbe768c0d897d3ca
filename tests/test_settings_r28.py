"""A setting with an invisible character pasted inside it is the same setting: "hous\u200bing"
is selected by `--setting housing` and grouped with it in the report."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from conftest import CLI
from peerjournal.setting_groups import setting_key


@pytest.mark.parametrize("invisible", ["\u200b", "\u2060", "\ufeff", "\u00ad"])
def test_an_invisible_character_inside_a_setting_is_the_same_setting(
    cli: CLI, add: Callable[..., int], invisible: str
) -> None:
    pasted = add("At the housing office.", "--setting", f"hous{invisible}ing")
    typed = add("Housing again.", "--setting", "housing")
    listed = cli("list", "--json", "--setting", "housing")
    assert listed.exit_code == 0, listed.stderr
    assert sorted(e["id"] for e in json.loads(listed.stdout)) == [pasted, typed]
    report = json.loads(cli("report", "--json").stdout)
    assert {name: row["entries"] for name, row in report["settings"].items()} == {"housing": 2}


def test_joiners_and_direction_marks_inside_a_setting_stay() -> None:
    # an emoji's joiner and a Persian word's non-joiner are part of what was written
    assert setting_key("team \U0001f469\u200d\U0001f467") == "team \U0001f469\u200d\U0001f467"
    assert setting_key("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645") == (
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    )
