"""Round 29: a relative clause about someone else is theirs ("Sam, who was upset, left"), a
place opening a sentence is no one ("London felt lonely" is the writer's loneliness), and
the name lists feelings.py needs no longer import redact.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from peerjournal.feelings import named_feelings

CLI = Callable[..., Any]

# -- relative clauses ---------------------------------------------------------------------------

RELATIVE_OTHERS = [
    "Sam, who was upset, left.",
    "Sam (who was upset) left.",
    "Sam - who was upset - left.",
    "Sam \u2013 who was upset \u2013 left.",
    "Sam who was upset left early.",
    "The man, who was scared, ran off.",
    "The man who was scared ran off.",
    "Her mum, who felt let down, cried.",
    "My sister, who was anxious about the scan, rang twice.",
    "Spoke to a lad who seemed really anxious.",
    "The client that was angry left early.",
    "The team, which was exhausted, went home.",
    "Everyone who was nervous got a cuppa.",
    "Asked who was upset.",
    "Hope, who was upset, left.",  # a name that is a feeling: neither hope nor sadness
    "Sam - who was upset - felt anxious.",  # the subject past a relative clause between dashes
    "Sam, whose mum was anxious, left.",
]

RELATIVE_WRITERS = [
    ("I, who was scared myself, stayed.", "fear"),
    ("I was upset, which surprised me.", "sadness"),
    ("Sam left, which was upsetting. I was upset.", "sadness"),
    ("Me and Sam, who were both scared, hid.", "fear"),
    ("Sam and I, who were both scared, hid.", "fear"),
    ("Sam, who I was worried about, left.", "fear"),
    ("Sam, whose news made me anxious, left.", "fear"),
    ("I'm the one who felt guilty.", "shame"),
    ("It was me who was upset.", "sadness"),
    ("It was a shift that felt heavy.", "sadness"),
    ("Sam, who was upset, left and I felt anxious.", "fear"),
    ("Who was upset? Me.", "sadness"),
    ("Felt anxious (who wouldn't).", "fear"),
]


@pytest.mark.parametrize("text", RELATIVE_OTHERS)
def test_a_relative_clause_about_someone_else_is_theirs(text: str) -> None:
    assert dict(named_feelings(text)) == {}


@pytest.mark.parametrize(("text", "family"), RELATIVE_WRITERS)
def test_a_relative_clause_about_the_writer_or_a_thing_still_counts(
    text: str, family: str
) -> None:
    assert dict(named_feelings(text)) == {family: 1}


def test_only_the_writers_part_of_a_sentence_with_a_relative_clause_counts() -> None:
    text = "Her mum, who was furious, shouted; I felt calm. The lad who seemed scared left."
    assert dict(named_feelings(text)) == {"calm": 1}


# -- places opening a sentence ------------------------------------------------------------------

PLACES = [
    ("London felt lonely.", "sadness"),
    ("Manchester was lonely without them.", "sadness"),
    ("Dublin felt calm for once.", "calm"),
    ("New York felt lonely.", "sadness"),
    ("Town felt lonely.", "sadness"),
    ("City felt lonely tonight.", "sadness"),
    ("Tesco made me anxious.", "fear"),
    ("Tesco was heaving and I was anxious.", "fear"),
    ("Ireland felt calm.", "calm"),
    # a place the answer itself puts somewhere, no list needed
    ("Moved to Ennis in May. Ennis still feels lonely.", "sadness"),
    ("Back in Carlow for the weekend. Carlow felt calm.", "calm"),
]

NAMES_STILL = [
    "Priya felt anxious.",
    "Jordan was scared the whole time.",  # a country's name that is a given name
    "Georgia felt anxious.",
    "Florence was upset.",
    "Sydney felt lonely.",
    "Paris was anxious about the hearing.",
    "Talked to Priya. Priya felt anxious.",  # "to" takes a person too
    "Went to Priya for help. Priya felt anxious.",
    "Confided in Priya. Priya felt anxious.",
    "Back in London, Priya felt lonely.",  # the place is not the subject
]


@pytest.mark.parametrize(("text", "family"), PLACES)
def test_a_place_opening_a_sentence_is_the_writers_setting(text: str, family: str) -> None:
    assert dict(named_feelings(text)) == {family: 1}


@pytest.mark.parametrize("text", NAMES_STILL)
def test_a_name_is_still_someone_else_beside_places(text: str) -> None:
    assert dict(named_feelings(text)) == {}


# -- the report ---------------------------------------------------------------------------------


def _report_feelings(cli: CLI) -> dict[str, int]:
    result = cli("report", "--since", "2026-11-01", "--json")
    assert result.exit_code == 0, result.stderr
    return {f["id"]: f["entries"] for f in json.loads(result.stdout)["feelings"]}


def test_report_counts_a_place_but_not_a_relative_clause_about_someone(cli: CLI) -> None:
    for feelings in (
        "Sam, who was upset, left.",
        "The man (who was scared) ran off.",
        "London felt lonely.",
        "I, who was anxious myself, stayed.",
    ):
        result = cli("write", "-x", "We walked to the office.", "-f", feelings)
        assert result.exit_code == 0, result.stderr
    assert _report_feelings(cli) == {"sadness": 1, "fear": 1}


# -- speed: feelings.py does without redact.py --------------------------------------------------


def test_telling_a_name_from_a_word_does_not_import_redact() -> None:
    """Was: ~20 ms more for every report with "Priya felt" in a feelings answer."""
    code = (
        "import sys\n"
        "from peerjournal.feelings import named_feelings\n"
        "assert dict(named_feelings('Priya felt anxious. Church felt safe.')) == {'calm': 1}\n"
        "print('peerjournal.namewords' in sys.modules, 'peerjournal.redact' in sys.modules)\n"
    )
    src = str(Path(__file__).parents[1] / "src")
    env = {**os.environ, "PYTHONPATH": src}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False"]
