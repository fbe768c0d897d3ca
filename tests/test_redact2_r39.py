"""Round 39 (redaction, second pass; qa_mentor F2-F4, F8): a listed name in lower case after a
verb of telling or listening and "to", "next to", or thanked ("Thank you rose.") is replaced;
so is one joined to a person ("met will and mark"), given something ("gave grace a lift"), or
in apposition ("his brother, mark, came too"); after a possessive a word-name is replaced and
named (`in_doubt`) unless a clause no person is follows ("her hope is that he stays"); a word
joined by "or" to a name or a user name is a person ("Kai or flee kicked in"); and a to-do
verb is no look-alike of a listed name ("Check" of Chen: exportfix's redact.py patch). Never
silent: a word left in doubt is flagged in the preview."""

from __future__ import annotations

import re

import pytest

from peerjournal.redact import Person, Redactor
from peerjournal.render.summary import words_to_check

PEOPLE = ("Will Turner", "Rose Hill", "Hope Walker", "Mark Evans", "May Chen", "Grace Obi",
          "Summer Jones")
WORD_NAMES = ("will", "rose", "hope", "mark", "may", "grace", "summer")


def redactor(*names: str) -> Redactor:
    return Redactor(people=[Person(name) for name in names or PEOPLE])


def left(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w']+", text) if w.casefold() in WORD_NAMES]


def flagged(redacted: str, text: str) -> bool:
    return bool(words_to_check(redacted, [text], [Person(name) for name in PEOPLE]))


# ------------------------------------------------ F2: told, listened to, next to, thanked


FRAMES = (
    "I listened to {} for an hour.", "I explained to {} what happens next.",
    "I apologised to {}.", "Said goodbye to {}.", "Thank you {}.", "Thanks {}!",
    "I said to {} that it was fine.", "I sat next to {} in group.", "Next to {} sat her dad.",
    "Thanks to {} for the tea.", "Cheers {}.", "Wrote to {}.",
)


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("name", WORD_NAMES)
def test_a_listed_name_told_listened_to_or_thanked_is_replaced(frame: str, name: str) -> None:
    text = frame.format(name)
    out = redactor()(text)
    assert not left(out), out
    assert "[person]" in out


@pytest.mark.parametrize("text", [
    "It is hard to hope.", "Thanks to hope I kept going.", "you rose.",
])
def test_a_name_after_to_or_you_that_grammar_does_not_settle_is_never_silent(text: str) -> None:
    out = redactor()(text)
    assert not left(out) or flagged(out, text), out


@pytest.mark.parametrize("text", [
    "I want to hope.", "I had to mark the essays.", "We hope so.", "Thanks, hope you are well.",
    "Thanks, will do.", "I will not go.", "It may rain.", "I talked to an old man.",
])
def test_the_word_is_kept_where_grammar_makes_it_the_word(text: str) -> None:
    assert redactor(*PEOPLE, "Nguyễn Văn An")(text) == text


# ------------------------------------------------ F3: joined to a person, given, apposed


@pytest.mark.parametrize("text", [
    "Met will and mark at the cafe.", "A hard month with Rose and will.", "with Kai and mark",
    "grace and mark both rang.", "Between rose and me, it went well.", "I gave grace a lift home.",
    "Gave hope a hug.", "Sent grace a card.", "I took hope to the food bank.",
    "The man, will, was upset.", "His brother, mark, came too.", "I asked will how he was.",
    "Rang may twice.", "Met rose, mark and will.",
])
def test_a_name_joined_to_a_person_given_something_or_apposed_is_replaced(text: str) -> None:
    out = redactor()(text)
    assert not left(out), out


@pytest.mark.parametrize("text", [
    "It gave hope to many.", "Fight or flight, hope or fear.", "I went to Leeds and will go back.",
])
def test_such_grammar_does_not_take_the_word(text: str) -> None:
    assert redactor()(text) == text


# ------------------------------------------------ F4: after a possessive


@pytest.mark.parametrize(("text", "word"), [
    ("My hope is simple.", "hope"), ("His will was strong.", "will"),
    ("his rose came round.", "rose"), ("my will is poorly.", "will"),
    ("her grace was upset.", "grace"), ("Our rose came by.", "rose"),
])
def test_a_word_name_after_a_possessive_is_replaced_and_named(text: str, word: str) -> None:
    r = redactor()
    out = r(text)
    assert "[person]" in out and word not in out
    assert r.in_doubt[word] == 1


@pytest.mark.parametrize("names", [PEOPLE, ("Hope", "Will")])
@pytest.mark.parametrize("text", ["Her hope is that he stays.", "His will was that we sell."])
def test_a_clause_no_person_is_keeps_the_word(names: tuple[str, ...], text: str) -> None:
    r = redactor(*names)
    assert r(text) == text and not r.in_doubt


def test_a_person_after_a_possessive_is_still_replaced() -> None:
    assert redactor()("Her hope is that girl.") == "Her [person] is that girl."


# ------------------------------------------------ "or" beside a name or a user name


USERS = ("Frank Lee", "Grace Obi", "Sam Ash")


@pytest.mark.parametrize("text", [
    "Kai or flee kicked in.", "mchen or flee came", "kai or flee came", "Tom or flee came.",
])
def test_a_user_name_joined_by_or_to_a_name_is_replaced(text: str) -> None:
    assert "flee" not in redactor(*USERS)(text)


@pytest.mark.parametrize("text", [
    "Fight or flee kicked in.", "freeze or flee kicked in", "Run or flee.",
    "Whether fight or flee kicked in, I froze.",
])
def test_a_user_name_joined_by_or_to_an_everyday_word_is_kept(text: str) -> None:
    assert redactor(*USERS)(text) == text


# ------------------------------------------------ F8 (exportfix's patch): to-do verbs


@pytest.mark.parametrize(("sentence", "name"), [
    ("Check the rota.", "May Chen"), ("Print the forms.", "Priya Patel"),
    ("Check in with [person] on Friday.", "May Chen"),
])
def test_a_to_do_verb_is_not_like_a_listed_name(sentence: str, name: str) -> None:
    assert not words_to_check(sentence, [sentence], [Person(name)])


@pytest.mark.parametrize(("word", "name"), [("Chec", "May Chen"), ("Pria", "Priya Patel")])
def test_a_slip_of_a_listed_name_is_still_flagged(word: str, name: str) -> None:
    sentence = f"{word} rang me."
    assert word in words_to_check(sentence, [sentence], [Person(name)])
