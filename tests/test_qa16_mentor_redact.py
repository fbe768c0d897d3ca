"""QA round 16: names in the forms a writer really uses, and ordinary words left alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peerjournal.redact import Person, Redactor

PEOPLE = [Person("Will Jones"), Person("May Lee"), Person("Hope"), Person("Sam-Kofi Mensah"),
          Person("Samuel Okafor"), Person("Sammy")]


@pytest.mark.parametrize(("text", "expected"), [
    # a capitalised modal verb before a pronoun and a verb is the name unless the sentence
    # asks a question (the preview flags the word left)
    ("Will I think is doing better.", "[person] I think is doing better."),
    ("Will you come? I told Will you were coming.",
     "Will you come? I told [person] you were coming."),
    ("May I ask? May came in late.", "May I ask? [person] came in late."),
    # the name, at a sentence start or not, in every other form
    ("Will, you know, was fine. Will said no.", "[person], you know, was fine. [person] said no."),
    ("Will's mum rang. WILL JONES. Jones's form.",
     "[person]'s mum rang. [person]. [person]'s form."),
    ("I will help, I may stay.", "I will help, I may stay."),
    ("Hope. I hope HOPE is hopeful.", "[person]. I hope [person] is hopeful."),
    ("SAM-KOFI and Sam Kofi and Kofi's bag", "[person] and [person] and [person]'s bag"),
    ("Sammy and Samuel met; samuel's OKAFOR", "[person] and [person] met; [person]'s [person]"),
])
def test_names_in_unusual_forms(text: str, expected: str) -> None:
    assert Redactor(PEOPLE)(text) == expected


def test_a_tag_or_setting_of_one_word_is_redacted_in_any_case() -> None:
    redact = Redactor(PEOPLE)
    assert redact("will") == "[person]" and redact("Will") == "[person]"


def test_an_export_drops_the_name_however_it_opens_a_sentence(cli, add, tmp_path: Path) -> None:
    add("Will I think is better. I asked Will. Will said yes.", "--date", "2026-11-16",
        "--share")
    assert cli("people", "add", "Will Jones").exit_code == 0
    out = tmp_path / "s.json"
    assert cli("export", "--yes", "-o", str(out)).exit_code == 0
    (entry,) = json.loads(out.read_text())["shared_entries"]
    assert entry["experience"] == "[person] I think is better. I asked [person]. [person] said yes."
