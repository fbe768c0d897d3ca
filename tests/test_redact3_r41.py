"""Round 41, third pass (redaction): what a QA pass of the second found over-redacted, put
back, and one weakening closed. In lower case a word with an "s" owns something with its
apostrophe left out only when it is a given name or pet form before kin or a friend
("franks mum"), or a house or flat after "to", "at"… ("went to wills house"): never a
surname or a plural ("rising prices family budget", "two days home", "brought roses
home"); a tag word that is a listed name with two letters swapped but an English word
("hair" of Hari, "oral" of Orla) is kept and listed; a short form's plural in a title or
before plan, care, team, school or room ("Household Bills Team", "Bills plan") is kept and
listed; and a three-letter slip opening a sentence is kept only where the clause is a
thing's ("Oil went everywhere"), not a person's ("Ail got sectioned")."""

from __future__ import annotations

import pytest

from peerjournal.redact import Person
from peerjournal.render.summary import words_to_check
from test_redact_r41 import flagged, label, redacted

# ------------------------------------------------------------ 1. lower-case plurals

PEOPLE = ("Amy Price", "Mark Wood", "Ann Ward", "Tom Day", "Rose Hill", "Hope Evans",
          "Grace Bell", "Miles Davis", "Ruth King", "William", "Christopher", "Dorothy")


@pytest.mark.parametrize("text", [
    "Rising prices family budget again.", "I brought good marks home.",
    "Hospital wards family room shut.", "Two days home.", "brought roses home",
    "walked two miles home", "heard church bells home", "old kings house",
    "raised hopes home", "I took the unpaid bills home", "Gas bills family budget",
    "packed first aid kits home", "painted dots room walls", "sorted roses flat packs",
    "she grows roses house plants", "we planted roses flat against the wall",
    "energy bills support", "other wards staff came",
])
def test_a_lower_case_plural_is_kept(text: str) -> None:
    assert redacted(text, *PEOPLE) == text


@pytest.mark.parametrize("text", [
    "franks mum rang", "wills sister came", "went to wills house", "at franks flat",
    "franks flat was cold", "bills mum rang",
])
def test_a_given_name_owning_kin_or_a_home_in_lower_case_is_kept(text: str) -> None:
    assert redacted(text, "Frank Miller", "William") == text


# final review: a word-name's plural before kin ("good marks mum") was replaced
@pytest.mark.parametrize(("text", "name"), [
    ("I got good marks mum was so proud", "Mark Wood"),
    ("I bought roses mum loves them", "Rose Hill"),
    ("Paid bills mum had left", "Bill Smith"),
    ("we did jumping jacks kids loved it", "Jack Lee"),
])
def test_a_word_names_plural_before_kin_is_kept(text: str, name: str) -> None:
    assert redacted(text, name) == text


# ------------------------------------------------------------ 2. swapped everyday words


@pytest.mark.parametrize(("tag", "name", "word"), [
    ("hair-appointment", "Hari", "hair"), ("HairSalon", "Hari", "HairSalon"),
    ("bad-hair-day", "Hari", "hair"), ("hair_loss", "Hari", "hair"), ("hair", "Hari", "hair"),
    ("oral-health", "Orla", "oral"), ("OralMeds", "Orla", "OralMeds"),
    ("denies-drinking", "Denise", "denies"), ("tory-cuts", "Troy", "tory"),
    ("tuned-in", "Tunde", "tuned"), ("hair-appointment", "Hari Patel", "hair"),
])
def test_a_swapped_everyday_word_in_a_label_is_kept_and_listed(
    tag: str, name: str, word: str
) -> None:
    kept = label(tag, name)
    assert kept == tag
    assert word in words_to_check(kept, [tag], [Person(name)], [kept])


def test_a_swapped_everyday_word_in_prose_is_kept_and_listed() -> None:
    text = "She had oral surgery. Her hair was cut."
    assert redacted(text, "Orla", "Hari") == text
    assert {"oral", "hair"} <= set(flagged(text, "Orla", "Hari"))


def test_a_swapped_slip_that_is_no_word_is_still_replaced() -> None:
    assert label("grcae-visit", "Grace") == "[person]-visit"
    assert label("hpoe", "Hope") == "[person]"


# ------------------------------------------------------------ 3. titles and services

SHORT = ("William", "Christopher", "Dorothy", "Margaret")


@pytest.mark.parametrize(("text", "word"), [
    ("Rang the Household Bills Team.", "Bills"), ("Booked the First Aid Kits room.", "Kits"),
    ("She goes to Polka Dots School.", "Dots"), ("Mays care home rang.", "Mays"),
    ("Bills plan.", "Bills"), ("Energy Bills Plan", "Bills"), ("Utility Bills Care", "Bills"),
    ("Bills Team called.", "Bills"), ("Dots team.", "Dots"), ("Kits school", "Kits"),
    ("Wills care plan changed.", "Wills"),
])
def test_a_short_forms_plural_in_a_title_or_before_a_service_is_kept_and_listed(
    text: str, word: str
) -> None:
    assert redacted(text, *SHORT) == text
    assert word in flagged(text, *SHORT)


@pytest.mark.parametrize(("text", "expected"), [
    ("Wills flat was cold.", "[person] flat was cold."),
    ("Then Bills mum rang.", "Then [person] mum rang."),
    ("Pegs house.", "[person] house."),
])
def test_a_short_forms_possessive_is_still_replaced(text: str, expected: str) -> None:
    assert redacted(text, *SHORT) == expected


# ------------------------------------------------------------ 4. personal sentences


@pytest.mark.parametrize("rest", [
    "went to see her mum.", "got sectioned.", "got arrested.", "was drunk.", "was high.",
    "was sectioned.", "left in tears.", "went home crying.", "took an overdose.",
    "kept asking for you.", "made a complaint.", "fell out with her sister.",
    "started college.", "became unwell.", "began screaming.", "sat with me for an hour.",
    "ran out of the room.", "came in late.", "went to stay with her mum.", "burned her arm.",
])
def test_a_three_letter_slip_in_a_personal_sentence_is_replaced(rest: str) -> None:
    assert redacted(f"Ail {rest}", "Ali") == f"[person] {rest}"


@pytest.mark.parametrize("text", [
    "Oil went everywhere.", "Oil was on the floor.", "Oil spilled everywhere.",
    "Oil ran down the wall.", "Air came in through the window.", "Aim was to calm things down.",
    "Oil was hot.",
])
def test_a_three_letter_word_in_a_things_clause_is_kept_and_listed(text: str) -> None:
    assert redacted(text, "Oli", "Ari", "Ami") == text
    assert text.split()[0] in flagged(text, "Oli", "Ari", "Ami")


# ------------------------------------------------------------ 5. lower-case owners listed


@pytest.mark.parametrize(("text", "word"), [
    ("millers mum rang", "millers"), ("millers sister came", "millers"),
])
def test_a_lower_case_owner_kept_is_listed(text: str, word: str) -> None:
    assert redacted(text, "Frank Miller") == text
    assert word in flagged(text, "Frank Miller")


@pytest.mark.parametrize("text", ["franks dog bit me", "drew bills dog pictures"])
def test_a_lower_case_word_before_a_dog_is_kept(text: str) -> None:
    assert redacted(text, "Frank Miller", "William") == text
