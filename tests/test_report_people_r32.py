"""Round 31: a listed person's name is not a feeling the writer named ("Hope Walker came to
mind" counted "hope" in `report`'s "Feelings you named")."""

from __future__ import annotations

import json

from conftest import CLI


def _named(cli: CLI) -> list[str]:
    result = cli("report", "--json")
    assert result.exit_code == 0, result.output
    return [f["id"] for f in json.loads(result.stdout)["feelings"] if f["entries"]]


def test_a_listed_persons_name_is_not_a_feeling(isolated: object, cli: CLI) -> None:
    assert cli("people", "add", "Hope Walker").exit_code == 0
    feelings = "Hope Walker came to mind on the way home. Tired."
    assert cli("write", "-x", "We talked about housing.", "--feelings", feelings).exit_code == 0
    assert _named(cli) == ["tired"]


def test_hope_is_still_a_feeling_when_no_one_is_called_so(isolated: object, cli: CLI) -> None:
    feelings = "Hope, mostly. Tired."
    assert cli("write", "-x", "We talked about housing.", "--feelings", feelings).exit_code == 0
    assert sorted(_named(cli)) == ["hope", "tired"]
