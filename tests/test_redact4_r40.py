"""Round 40 (review_redact F1, F9): a word kept in its drug sense ("on tina all weekend") is
flagged for the writer whatever makes it a name, a short form too ("tina" of Christina), and
kept only where the grammar surely makes it the drug: not after "dropped", nor before "at"
(but a rave or a club), "again" or "yesterday", nor after a bare "the" or "some"."""

from __future__ import annotations

import pytest

from peerjournal.redact import Person, Redactor
from peerjournal.render.summary import words_to_check


def checked(names: tuple[str, ...], text: str) -> tuple[str, set[str]]:
    """`text` as redacted, and the words the export would ask the writer to check in it."""
    people = [Person(n) for n in names]
    out = Redactor(people=people)(text)
    return out, set(words_to_check(out, [out], people))


@pytest.mark.parametrize("names", [("Christina Ho",), ("Christine Ho",)])
@pytest.mark.parametrize("text", [
    "Dropped tina at the station.", "I took tina again.", "The tina from group rang.",
    "Some tina came round.", "dropped tina at school", "I bought tina yesterday, a cake.",
])
def test_a_short_form_that_is_drug_slang_as_a_person_is_replaced(
    names: tuple[str, ...], text: str
) -> None:
    out, _ = checked(names, text)
    assert "tina" not in out.casefold()
    assert "[person]" in out


@pytest.mark.parametrize("names", [("Christina Ho",), ("Christine Ho",)])
@pytest.mark.parametrize("text", [
    "She was on tina all weekend.", "She snorted tina.", "He bought a gram of tina.",
    "The tina got her through it.",
])
def test_a_short_form_kept_as_the_drug_is_flagged(names: tuple[str, ...], text: str) -> None:
    out, words = checked(names, text)
    assert out == text
    assert "tina" in words


@pytest.mark.parametrize("text", [
    "I dropped charlie at school.", "I took molly at her word.", "The charlie from group rang.",
    "I bought charlie yesterday, a cake.", "I took molly again.", "Some charlie came round.",
    "I waited on molly for ages.", "We counted on charlie again.",
])
def test_a_listed_drug_name_on_weak_cues_is_replaced(text: str) -> None:
    out, _ = checked(("Charlie Day", "Molly Ray"), text)
    assert "[person]" in out
    assert "charlie" not in out.casefold() and "molly" not in out.casefold()


@pytest.mark.parametrize("text", [
    "She took molly at the rave.", "He was on charlie all weekend.",
    "He said the charlie got him through it.", "He spent the weekend on charlie.",
    "She sniffed charlie.", "He bought a gram of charlie.",
])
def test_every_word_kept_as_the_drug_is_flagged(text: str) -> None:
    out, words = checked(("Charlie Day", "Molly Ray"), text)
    assert out == text
    assert words & {"charlie", "molly"}


def test_a_kept_word_of_no_listed_name_is_not_flagged() -> None:
    out, words = checked(("Grace Kim",), "She was on tina all weekend.")
    assert out == "She was on tina all weekend."
    assert "tina" not in words


@pytest.mark.parametrize("text", ["The molly was strong.", "I gave some molly to him."])
def test_a_word_like_short_form_that_is_drug_slang_kept_is_flagged(text: str) -> None:
    out, words = checked(("Mary Li",), text)
    assert out == text
    assert "molly" in words
