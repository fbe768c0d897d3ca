"""Round 37, mentor3: redaction fixes from QA of this round's own changes (qa_changes2).

1. "Will"/"May" opening a sentence with no subject before it is the modal only before a verb
   of the writer's own plans, and not with "me" after ("Will show me"; "Will lose his flat",
   "Will calm today": no such verb): else the person, named as replaced in doubt.
2. An "X, Y and I" list still names its listed parts when one is also a season or a feeling.
5. An everyday word made of a listed name and an ending ("Cooker's broken") is no slip.
6. After "helped" and up/down/into…, a listed part in lower case is the person.
8. A refused file name names only the person it reads as.
"""

from __future__ import annotations

import pytest

from peerjournal.redact import Person, Redactor, _whose


def redacted(text: str, *names: str) -> str:
    return Redactor(people=[Person(n) for n in names], identifiers=True)(text)


@pytest.mark.parametrize("text", [
    "Will calm today.", "Will open about his drinking for the first time.",
    "May close to tears all session.", "Will show me his drawings next week.",
    "Will lose his flat if the rent is not paid.", "Will play pool with me most weeks.",
    "May open up to me more now.", "Will fit in fine.", "Will tell me if it changes.",
    "wILL rang.",
])
def test_a_listed_modal_opening_a_sentence_is_the_person(text: str) -> None:
    """Was (this round): kept as the verb."""
    out = redacted(text, "Will Turner", "May Jones")
    assert out.startswith("[person] ")
    assert "Will" not in out and "May" not in out


def test_a_replaced_opener_is_named_in_doubt() -> None:
    r = Redactor(people=[Person("Will Turner")], identifiers=True)
    assert r("Saw Will. Will calm now.") == "Saw [person]. [person] calm now."
    assert r.in_doubt["Will"] == 1


@pytest.mark.parametrize("text", [
    "Will do.", "May be.", "Can't wait.", "Will see how it goes.", "Will try again tomorrow.",
    "May need to rethink.", "Will ring him tomorrow.", "Will call her back.",
    "Will also ring her tomorrow.", "Will you show me?", "May I ask?",
    "Will follow up with the team, then me.", "Will ring her mum.", "Will pick up his meds.",
    "Will raise in supervision that I need a plan for myself.",
])
def test_the_writers_elided_modal_is_kept(text: str) -> None:
    assert redacted(text, "Will Turner", "May Jones") == text


@pytest.mark.parametrize(("text", "expected"), [
    ("frank, summer and I went for a walk.", "[person], [person] and I went for a walk."),
    ("summer, autumn and I had tea.", "[person], [person] and I had tea."),
    ("frank, love and I went out", "[person], [person] and I went out"),
])
def test_a_list_with_a_listed_season_still_names_people(text: str, expected: str) -> None:
    """Was (this round): "frank" and "summer" kept, a season being in the list."""
    names = ("Frank Miller", "Summer Jones", "Autumn Lee", "Sam Love")
    assert redacted(text, *names) == expected


def test_an_unlisted_season_still_makes_no_list_of_people() -> None:
    assert redacted("summer, winter and I", "Summer Jones") == "summer, winter and I"


@pytest.mark.parametrize("text", [
    "Cooker's broken again.", "Mum's cooker's broken.", "the cooker's door",
])
def test_an_everyday_word_is_no_slip_of_a_name(text: str) -> None:
    """Was (this round): "[person]'s broken again." with Sam Cooke listed."""
    assert redacted(text, "Sam Cooke") == text


def test_a_slip_owning_something_is_still_replaced() -> None:
    assert redacted("I saw siobahn's mum.", "Siobhan Kelly") == "I saw [person]'s mum."


@pytest.mark.parametrize("where", [
    "into bed.", "up two flights of stairs.", "up again after she fell.", "down some steps.",
    "through it.", "across town to the bank.",
])
def test_helped_along_somewhere_is_the_person(where: str) -> None:
    assert redacted(f"I helped rose {where}", "Rose Smith") == f"I helped [person] {where}"


def test_an_idiom_after_helped_is_the_verb() -> None:
    text = "The people I helped rose up in protest"
    assert redacted(text, "Rose Smith") == text


@pytest.mark.parametrize(("piece", "whose"), [
    ("jsmith", "Jo Smith"), ("smithr", "Rose Smith"), ("rose_smith", "Rose Smith"),
    ("smith", "Jo Smith and Rose Smith"),
])
def test_a_user_name_reads_as_its_own_person(piece: str, whose: str) -> None:
    people = [Person("Jo Smith"), Person("Rose Smith")]
    assert _whose(piece, f"{piece}.md", people) == whose
