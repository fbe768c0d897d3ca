"""Round 28: an initial's own full stop ("J. said") goes with it; a full stop that may end
the sentence ("I saw J.", "J. Then") stays, with or without an alias."""

from __future__ import annotations

import json

import pytest

from conftest import CLI
from peerjournal.redact import PLACEHOLDER, Person, Redactor

P = PLACEHOLDER


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("J. said no.", f"{P} said no."),
        ("Then J. rang; jam and Jam.", f"Then {P} rang; jam and Jam."),
        ("J., my mentee, came.", f"{P}, my mentee, came."),
        ("Was it J.? Met J.!", f"Was it {P}? Met {P}!"),
        ("I saw J.", f"I saw {P}."),
        ("I saw J. Then I left.", f"I saw {P}. Then I left."),
        ("I saw J.\nThen I left.", f"I saw {P}.\nThen I left."),
        ("I saw J. é", f"I saw {P} é"),  # a lower-case letter of any script
        ("(I saw J.) Fine.", f"(I saw {P}.) Fine."),
        ("J... said", f"{P}... said"),
        ("J said, J's coat.", f"{P} said, {P}'s coat."),
    ],
)
def test_an_initials_full_stop_goes_before_a_word_in_lower_case(
    text: str, expected: str
) -> None:
    assert Redactor([Person("J")], identifiers=False)(text) == expected


@pytest.mark.parametrize(
    ("alias", "text", "expected"),
    [
        ("R.", "J. said no.", "R. said no."),
        ("R.", "I saw J.", "I saw R."),
        ("R.", "I saw J. Then I left.", "I saw R. Then I left."),
        ("R.", "J., my mentee", "R., my mentee"),
        ("R", "J. said no.", "R said no."),
        ("R", "I saw J.", "I saw R."),
        ("my mentee", "J. said no. I saw J.", "my mentee said no. I saw my mentee."),
    ],
)
def test_with_an_alias(alias: str, text: str, expected: str) -> None:
    assert Redactor([Person("J", alias)], identifiers=False)(text) == expected


def test_a_longer_name_keeps_the_full_stop_after_it() -> None:
    """Only an initial's "." is its own: "Robert. said" is two sentences, however odd."""
    redact = Redactor([Person("Robert")], identifiers=False)
    assert redact("I rang Robert. then left.") == f"I rang {P}. then left."


def test_export_of_an_initial_with_its_full_stop(cli: CLI) -> None:
    assert cli("people", "add", "J").exit_code == 0
    written = cli("write", "-x", "J. said it was fine. I saw J.", "--share", "--date", "yesterday")
    assert written.exit_code == 0, written.stderr
    result = cli("export", "--yes", "--format", "json")
    assert result.exit_code == 0, result.stderr
    entry = json.loads(result.stdout)["shared_entries"][0]
    assert entry["experience"] == f"{P} said it was fine. I saw {P}."



@pytest.mark.parametrize(
    ("text", "redacted"),
    [
        ("We met (J.) today.", f"We met ({PLACEHOLDER}) today."),
        ("Met J.) later.", f"Met {PLACEHOLDER}) later."),
        ("J.'s plan", f"{PLACEHOLDER}'s plan"),
        ("J.\u2019s idea", f"{PLACEHOLDER}\u2019s idea"),
        ('She said "J." and left', f'She said "{PLACEHOLDER}" and left'),
        ("(I saw J.) Then we left.", f"(I saw {PLACEHOLDER}.) Then we left."),
    ],
)
def test_an_initials_full_stop_past_a_bracket_or_before_s(text: str, redacted: str) -> None:
    """QA: "(J.) today" gave "([person].) today" and "J.'s plan" "[person].'s plan"."""
    assert Redactor([Person("J")], identifiers=False)(text) == redacted
