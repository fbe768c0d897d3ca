"""Round 35: `report -d` with a dimension it does not know is a usage error (exit 2, as a
value outside an option's choices is) that says which one was likely meant."""

from __future__ import annotations

import pytest

from conftest import CLI


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("advise", "advice"), ("clinical", "clinical_language"), ("Co optaton", "co_optation")],
)
def test_an_unknown_dimension_is_a_usage_error_with_did_you_mean(
    cli: CLI, typed: str, meant: str
) -> None:
    result = cli("report", "-d", typed)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"Unknown dimension {typed!r} (did you mean {meant!r}?). Valid dimensions: story," in (
        result.stderr
    )


def test_no_guess_for_a_word_like_no_dimension(cli: CLI) -> None:
    result = cli("report", "-d", "kindness")
    assert result.exit_code == 2
    assert "did you mean" not in result.stderr
    assert "Valid dimensions: story, mutuality" in result.stderr
