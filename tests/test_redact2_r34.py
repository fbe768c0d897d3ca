"""Round 34 (QA mentor F1, F3): a part of a listed full name that is an everyday word,
typed in lower case, is replaced where the sentence makes it a person ("frank was upset",
"grace rang me", "mr turner", "met frank") and left where it is the word ("to be frank",
"it may rain"); a name listed alone that is a word is left where the sentence makes it the
word ("we all hope.", "next summer", "prices rose again", "I won't sue them")."""

from __future__ import annotations

import json

import pytest

from conftest import CLI
from peerjournal.redact import Person, Redactor
from test_redact_cli import people, shared, summary

QA_PEOPLE = ("Frank Miller", "Grace O'Neill", "William Turner", "May Chen")


def redacted(text: str, *names: str) -> str:
    return Redactor(people=[Person(name) for name in names])(text)


def test_the_qa_sentence_leaves_no_lower_case_part_in_the_export(cli: CLI) -> None:
    """Was: "frank was upset after group. grace rang me at night. turner phoned later. may
    came too. [person] waved. miller shouted." (only "chen", no word, was replaced)."""
    people(cli, *QA_PEOPLE)
    shared(cli, "frank was upset after group. grace rang me at night. turner phoned later. "
                "may came too. chen waved. miller shouted. To be frank, it may rain.")
    assert summary(cli)["shared_entries"][0]["experience"] == (
        "[person] was upset after group. [person] rang me at night. [person] phoned later. "
        "[person] came too. [person] waved. [person] shouted. To be frank, it may rain."
    )


@pytest.mark.parametrize(("text", "expected"), [
    ("frank was hard", "[person] was hard"),
    ("i met frank today", "i met [person] today"),
    ("spoke to miller about it", "spoke to [person] about it"),
    ("then mr turner said no", "then mr [person] said no"),
    ("ok so frank and grace came", "ok so [person] and [person] came"),
    ("frank's mum rang", "[person]'s mum rang"),
    ("may is off sick", "[person] is off sick"),
    ("told may about it", "told [person] about it"),
    ("bill rang at nine", "[person] rang at nine"),  # a short form of William
    ("later will cried", "later [person] cried"),
    ("sat with grace at lunch", "sat with [person] at lunch"),
])
def test_a_lower_case_part_is_replaced_where_the_sentence_makes_it_a_person(
    text: str, expected: str
) -> None:
    assert redacted(text, *QA_PEOPLE) == expected


@pytest.mark.parametrize("text", [
    "to be frank i was tired", "he is frank about it", "by the grace of god",
    "the grace period ends", "it may rain", "the meeting may start late", "this may help",
    "you may embed notes", "in may we started", "a turner and a miller by trade",
    "i will call later", "pay the bill", "the bill was paid", "free will", "will power",
    "who will come?", "we paid the bill and i left", "I will go to grace house",
])
def test_a_lower_case_part_stays_where_it_is_the_word(text: str) -> None:
    assert redacted(text, *QA_PEOPLE) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("every day was hard. day was late.", "every day was hard. [person] was late."),
    ("it was a long day", "it was a long day"),
    ("long phoned later", "[person] phoned later"),
    ("do not mark it. mark rang.", "do not mark it. [person] rang."),
])
def test_surnames_that_are_words_in_lower_case(text: str, expected: str) -> None:
    assert redacted(text, "Summer Day", "Mark Long") == expected


def test_a_self_check_note_in_lower_case_is_redacted(cli: CLI, tmp_path) -> None:
    people(cli, *QA_PEOPLE)
    shared(cli, "A quiet day.")
    items = cli("supervision", "check", "--list-items", "--json")
    assert items.exit_code == 0, items.stderr
    listed = json.loads(items.stdout)
    ids = [item["id"] for item in (listed if isinstance(listed, list) else listed["items"])]
    answers = {i: 3 for i in ids}
    answers[ids[0]] = {"score": 2, "note": "frank was hard; it may help"}
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    assert cli("supervision", "check", "--answers", str(path)).exit_code == 0
    result = cli("export", "--yes", "--with-check", "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert "[person] was hard; it may help" in result.stdout
    assert "frank" not in result.stdout.casefold()


# ------------------------------------------------------------------------ QA F3: the word


@pytest.mark.parametrize(("names", "text"), [
    (("Hope",), "We all hope. Everyone hopes. we hope."),
    (("Hope",), "They still hope so."),
    (("Summer",), "Next summer we go camping; last summer was hard. This summer is hard."),
    (("Rose",), "Prices rose again. Her mood rose."),
    (("Sue",), "I won't sue them. I wont sue them."),
    (("Chase",), "I had to chase the GP."),
])
def test_a_name_listed_alone_stays_where_the_sentence_makes_it_the_word(
    names: tuple[str, ...], text: str
) -> None:
    assert redacted(text, *names) == text


@pytest.mark.parametrize(("names", "text", "expected"), [
    (("Summer",), "summer rang. Summer came.", "[person] rang. [person] came."),
    (("Grace",), "my grace rang", "my [person] rang"),
    (("Faith",), "my faith helped", "my [person] helped"),  # "my Faith" may be her
    (("Hope",), "Thank you hope.", "Thank you [person]."),
    (("Rose",), "my friend rose said hi", "my friend [person] said hi"),
    (("Rose",), "will rose come?", "will [person] come?"),
    (("Sue",), "spoke to sue them", "spoke to [person] them"),
    (("Chase",), "I spoke to chase the whole time", "I spoke to [person] the whole time"),
    (("Hope",), "I saw hope today.", "I saw [person] today."),
])
def test_in_those_frames_a_persons_word_still_makes_the_person(
    names: tuple[str, ...], text: str, expected: str
) -> None:
    assert redacted(text, *names) == expected


def test_a_lower_case_part_left_with_nothing_around_it_is_flagged(cli: CLI, tmp_path) -> None:
    """Was: "frank drinks at night" left and never flagged ("words_to_check": [])."""
    people(cli, *QA_PEOPLE)
    shared(cli, "frank drinks at night. It may rain. frank was upset.")
    result = cli("export", "--yes", "--json", "-o", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    assert "frank (" in result.stderr and "like a listed name" in result.stderr
    assert json.loads(result.stdout)["words_to_check"] == ["frank"]
    assert (tmp_path / "s.md").read_text(encoding="utf-8").count("frank drinks at night") == 1
