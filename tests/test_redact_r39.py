"""Round 39 (redaction): a word that may be a user name, joined by "or" (or by "and" after a
determiner) to a word that is no one, is the word ("Fight or flee kicked in"); one x after a
listed name is a kiss only where a person stands or a message is signed, so English words
made of a name and an x stay ("ajax", "beaux", "unix"); a shouted common first name is
flagged unless its sentence makes it the word ("SAW ROSE AND MARK TODAY"); and "May" asking
after a sentence's opening word and comma ("So, May I ask?") is the verb."""

from __future__ import annotations

import pytest

from peerjournal.redact import Person, Redactor, unlisted_capitalised

USERS = ("Frank Lee", "Grace Obi", "Sam Ash")
KISSERS = (
    "Aja Brown", "Beau Smith", "Bri Jones", "Uni Lee", "Ony Ade", "Kerry Smith", "Zoë Brennan",
    "Siobhan O'Neill", "Hope Walker", "Will Turner",
)


def redacted(text: str, *names: str) -> str:
    return Redactor(people=[Person(name) for name in names])(text)


def flagged(text: str, *names: str) -> list[str]:
    return [text[a:b] for a, b in unlisted_capitalised(text, list(names))]


# ------------------------------------------------------------ 1. user names joined to a word


@pytest.mark.parametrize("text", [
    "Fight or flee kicked in.", "freeze or flee kicked in",
    "Whether fight or flee kicked in, I froze.", "Her belt and sash were stolen.",
    "The heat and gobi dust choked us.",
    "a belt and sash was red",
])
def test_a_user_name_that_is_a_word_joined_to_a_word_is_kept(text: str) -> None:
    assert redacted(text, *USERS) == text


@pytest.mark.parametrize("text", [
    "I told flee about it.", "I asked flee.", "Met mchen, rhill and flee.", "flee said hi.",
    "I met Kai and flee.", "Kai and flee came.", "mchen and flee came",
    "The nurse and flee came.", "her and flee came.", "Mum or flee rang.", "Jane and flee came.",
    "Frank or flee rang.",
    "Gobi and flee came.", "Sam or sash said",
])
def test_a_user_name_beside_a_person_or_where_one_stands_is_replaced(text: str) -> None:
    out = redacted(text, *USERS)
    assert "flee" not in out.casefold() and "sash" not in out.casefold(), out


# ------------------------------------------------------------ 2. kisses


@pytest.mark.parametrize("text", [
    "We cleaned with ajax.", "Her beaux came by.", "Beaux Arts style.", "A unix box.",
    "Brix level high.", "an onyx ring", "Ajax won.", "made of onyx.", "her beaux.",
])
def test_an_english_word_of_a_name_and_one_x_is_kept_where_it_is_used_as_one(text: str) -> None:
    assert redacted(text, *KISSERS, "Mar Ruiz") == text


@pytest.mark.parametrize("text", [
    "ok thanks Kerryx", "love Kerryx", "Zoëx", "Zoëx rang me.", "Kerryx said hi",
    "I met Kerryx today", "Thanks, Kerryx. Bye", "See you soon Zoëx", "night Zoëx\nmore",
    "kerryx rang", "Kerryxx", "zoexx", "I sent it to Kerryxx in the end", "O'Neillx",
    "_Kerryx_", '"Hopexxx"', "Willxx said so", "Her texts end 'Kerryxx'.", "thanks Kerryx!",
    "Love you Kerryx", "Thank you Kerryx", "xx Kerryx", "It was from Kerryx.", "signed Kerryx",
    "Text from Kerryx: ok", "Kerryx - see you", "Had coffee with Kerryx.", "love you my Zoëx",
    "Zoëx’s mum",
])
def test_a_listed_name_with_kisses_is_replaced_where_signed_or_a_person_stands(text: str) -> None:
    out = redacted(text, *KISSERS)
    assert "[person]" in out
    for leak in ("kerry", "zoë", "zoe", "neill", "hope", "will"):
        assert leak not in out.casefold(), out


# ------------------------------------------------------------ 3. shouted common first names


def test_a_shouted_unlisted_first_name_is_flagged_unless_the_sentence_makes_it_the_word() -> None:
    words = flagged("SAW ROSE AND MARK TODAY, BILL RANG.", "Kai Smith")
    assert {"ROSE", "MARK", "BILL"} <= set(words)
    assert "WILL" in flagged("WILL RANG ME.", "Kai Smith")
    assert "MARK" in flagged("SAW MARK.", "Kai Smith")
    assert flagged("I WILL NOT GO BACK.", "Kai Smith") == []
    assert flagged("GO BACK NOW, NOT LATER.", "Kai Smith") == []
    assert "MAY" not in flagged("IT MAY RAIN.", "Kai Smith")


# ------------------------------------------------------------ 4. "May" asking after "So,"


@pytest.mark.parametrize("names", [("May Chen",), ("May",)])
@pytest.mark.parametrize("text", ["So, May I ask?", "Well, May I come in?", "Sorry, May I?"])
def test_may_asking_after_an_opening_word_and_comma_is_the_verb(
    names: tuple[str, ...], text: str
) -> None:
    assert redacted(text, *names) == text


@pytest.mark.parametrize("text", [
    "So, May rang.", "So May said no.", "Ok, May said I could.", "Did you tell May I was late?",
])
def test_may_elsewhere_after_a_comma_is_still_the_person(text: str) -> None:
    assert "May" not in redacted(text, "May Chen")
