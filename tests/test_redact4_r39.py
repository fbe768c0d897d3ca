"""Round 39 (redaction, review fixes): a short listed part that is a little word ("an", "do",
"so") after a verb of meeting or telling is the person unless a noun follows it as the word
("talked to an old man"); a listed name with one x is a kiss unless name and x make an
English word ("ajax"); after "thanks", a person's verb makes a part in lower case the person;
a user name after "X or" is a person before a person's verb; a look-alike of a listed name
joined to a person ("Chase and Kai left") is flagged; and the in-doubt advice fits a
possessive as well as a sentence's opening."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import CLI
from peerjournal.cli.export import in_doubt_note
from peerjournal.redact import Person, Redactor
from peerjournal.render.summary import words_to_check
from test_redact_cli import people, shared

SHORT_PARTS = ("Nguyen Van An", "Do Minh", "Sehun Oh", "Ha Linh", "Go Eun", "Jae So")
KISSERS = ("Mia Jones", "Ben Ross", "Amy Li", "Kerry Smith", "Zoë Hart", "Siobhan Kelly")
WORD_NAMES = ("Will Turner", "Rose Hill", "Mark Evans", "Bill Hughes", "Hope Walker")


def redacted(text: str, *names: str) -> str:
    return Redactor(people=[Person(name) for name in names], identifiers=False)(text)


def flagged(text: str, *names: str) -> Counter[str]:
    return words_to_check(redacted(text, *names), [text], [Person(name) for name in names], [])


# ------------------------------------------------------------ F1: little-word parts


@pytest.mark.parametrize("text", [
    "I told do she was late.", "I met an she was sad.", "I texted an because she was upset.",
    "I told so my news.", "I met do outside the shop.", "I sat with so while she cried.",
    "I told an she could stay.", "I met an the day after.", "I told go she was late.",
    "I told oh she was late.", "I rang ha back.", "talked to an today.",
])
def test_a_little_word_part_after_a_verb_of_meeting_or_telling_is_the_person(text: str) -> None:
    out = redacted(text, *SHORT_PARTS)
    assert "[person]" in out, out


@pytest.mark.parametrize("text", [
    "talked to an old man.", "I met an old friend.", "spoke to so many people.",
    "An hour later it was fine.",
])
def test_a_little_word_part_before_its_noun_is_the_word(text: str) -> None:
    assert redacted(text, *SHORT_PARTS) == text


# ------------------------------------------------------------ F2: one kiss


@pytest.mark.parametrize("text", [
    "talked about amyx at group", "I think of benx often.", "worried about miax today",
    "talked about zoëx and her mum", "I think of zoëx often", "Went to the GP with Miax today.",
    "I think of Benx often.", "A Siobhanx text came.", "Went for a walk with Kerryx today.",
    "Kerryx and Kai rang", "I worry about Kerryx and her mum.", "the Kerryx situation is hard.",
    "thanks for everything Kerryx love you", "had coffee with kerryx.",
])
def test_a_listed_name_with_one_kiss_is_replaced_wherever_it_stands(text: str) -> None:
    out = redacted(text, *KISSERS)
    assert "[person]" in out, out
    for leak in ("mia", "ben", "amy", "kerry", "zoë", "siobhan"):
        assert leak not in out.casefold(), out


@pytest.mark.parametrize("text", ["We cleaned with ajax.", "A unix box.", "an onyx ring"])
def test_an_english_word_of_a_name_and_an_x_is_still_kept(text: str) -> None:
    assert redacted(text, "Aja Brown", "Uni Lee", "Ony Ade") == text


# ------------------------------------------------------------ F3: thanks, then a person's verb


@pytest.mark.parametrize(("text", "expected"), [
    ("Thanks, will rang me back.", "Thanks, [person] rang me back."),
    ("cheers mark said to me", "cheers [person] said to me"),
    ("thanks bill came round.", "thanks [person] came round."),
    ("thank you rose rang me.", "thank you [person] rang me."),
    ("thank you will rang me.", "thank you [person] rang me."),
])
def test_after_thanks_a_persons_verb_makes_the_part_the_person(text: str, expected: str) -> None:
    assert redacted(text, *WORD_NAMES) == expected


def test_thanks_to_a_word_with_no_persons_verb_is_left_and_flagged() -> None:
    text = "thanks to hope I kept going"
    assert redacted(text, *WORD_NAMES) == text
    assert "hope" in flagged(text, *WORD_NAMES)


# ------------------------------------------------------------ F5: user name after "X or"


@pytest.mark.parametrize("text", [
    "Stay or flee rang.", "Help or flee came round.", "Sorry or flee rang back.",
    "Maybe or flee phoned.", "Tired or flee said no.",
])
def test_a_user_name_after_or_before_a_persons_verb_is_replaced(text: str) -> None:
    assert "flee" not in redacted(text, "Frank Lee")


def test_fight_or_flee_kicking_in_is_still_the_word() -> None:
    assert redacted("Fight or flee kicked in.", "Frank Lee") == "Fight or flee kicked in."


# ------------------------------------------------------------ F9: a look-alike joined to a person


def test_a_look_alike_joined_by_and_to_a_person_is_flagged() -> None:
    names = ("Chace Brown", "Callum Reid")
    assert "Chase" in flagged("Chase and Kai left.", *names)
    assert "Check" not in flagged("Check and sort the files.", *names)


# ------------------------------------------------------------ F7: the advice fits both cases


def test_the_in_doubt_advice_fits_a_possessive_as_well_as_an_opening() -> None:
    note = in_doubt_note(Counter({"hope": 1, "will": 1}))
    assert "does not open the sentence" not in note
    assert "what I hope is" in note and "export again." in note


# ------------------------------------------------------------ end to end


def test_the_export_holds_none_of_the_reviewers_leaks(cli: CLI) -> None:
    people(cli, "Ben Ross", "Jae So", "Zoë Hart")
    shared(cli, "I think of benx often. I sat with so while she cried. I told so my news. "
                "talked about zoëx and her mum.")
    result = cli("export", "--yes", "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert "I think of [person] often. I sat with [person] while she cried. I told [person] my " \
        "news. talked about [person] and her mum." in result.stdout
