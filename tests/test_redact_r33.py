"""Round 33: redaction of a long text full of word-names in linear time, Greek feminine
names declined in the singular only (and a Greek or Cyrillic name drawn in Latin look-alikes
caught), and word-names after "of", "is" and "that"."""

from __future__ import annotations

import random
import time

import pytest

from conftest import CLI
from peerjournal import redact
from peerjournal.redact import Person, Redactor
from test_redact_cli import people, shared, summary


def experience(cli: CLI) -> str:
    text: str = summary(cli)["shared_entries"][0]["experience"]
    return text


# ------------------------------------------------------------------------------ speed


def test_a_long_text_full_of_lower_case_word_names_is_redacted_quickly() -> None:
    """Was: ~34 s for 50,000 characters of word-names (each one looked for the word before
    it from the start of the text); ~0.8 s now."""
    rng = random.Random(1)
    words = ["grace", "hope", "joy", "will", "faith", "rose", "mark", "the", "a", "of", "and",
             "we", "sat"]
    text = " ".join(rng.choice(words) for _ in range(12_000))[:50_000]
    redactor = Redactor([Person(n) for n in ("Grace", "Hope", "Joy", "Faith", "Rose")]
                        + [Person("Will Turner"), Person("Mark Bell")])
    began = time.process_time()
    out = redactor(text)
    assert time.process_time() - began < 10  # 34 s before; generous for a busy machine
    assert redactor.counts["name"] > 1_000 and "[person]" in out


def test_the_word_before_a_name_is_found_as_a_search_from_the_start_finds_it() -> None:
    """The search for the word (or list) before a word-name starts a few words back, not at
    the start of the text: the same match, on texts made to catch the edge cases (long
    words and long runs of spaces, separators, line breaks)."""
    rng = random.Random(5)
    pieces = ["a", "b", "é", " ", "   ", "\n", ",", ".", "&", "1", "_", "and", "or", "AND",
              "-", "\t", "x" * 70, " " * 70]
    for _ in range(2_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        for end in {len(text), rng.randint(0, len(text))}:
            for regex in (redact._WORD_BEFORE, redact._LIST_BEFORE):
                full = regex.search(text, 0, end)
                back = redact._search_back(regex, text, end)
                assert (full and (full.span(), full.groups())) == (
                    back and (back.span(), back.groups())), (text, end)


# ------------------------------------------------------------------------------ Greek


def test_a_greek_feminine_name_is_declined_in_the_singular_only(cli: CLI) -> None:
    """Was: "Μέλισσες" (bees), the plural, went as Μέλισσα; her genitive still goes."""
    people(cli, "Μέλισσα", "Αναστασία")
    shared(cli, "Η Μέλισσα ήρθε. Της Μέλισσας. Οι μέλισσες πετούν, το μέλι των μελισσών. "
                "Η Αναστασία, της Αναστασίας, Αναστασία!")
    assert experience(cli) == (
        "Η [person] ήρθε. Της [person]. Οι μέλισσες πετούν, το μέλι των μελισσών. "
        "Η [person], της [person], [person]!"
    )


@pytest.mark.parametrize(
    ("name", "text", "redacted"),
    [
        ("Ελπίδα", "Η Ελπίδα, της Ελπίδας, οι ελπίδες μας.",
         "Η [person], της [person], οι ελπίδες μας."),
        ("Αυγή", "Η Αυγή, της Αυγής, ένα αυγό, τα αυγά.",
         "Η [person], της [person], ένα αυγό, τα αυγά."),
        ("Κλειώ", "Η Κλειώ, της Κλειώς. Κλαίω.", "Η [person], της [person]. Κλαίω."),
        # a masculine name keeps its cases, and a surname its plural (the family)
        ("Γιώργος Παπαδόπουλος", "Ο Γιώργος, του Γιώργου, Γιώργε, οι Παπαδόπουλοι.",
         "Ο [person], του [person], [person], οι [person]."),
        ("Νικόλαος", "Του Νικολάου.", "Του [person]."),
    ],
)
def test_greek_names_in_their_cases_and_the_words_like_them(
    name: str, text: str, redacted: str
) -> None:
    assert Redactor([Person(name)])(text) == redacted


def test_a_greek_or_cyrillic_name_drawn_only_in_latin_look_alikes_is_caught(cli: CLI) -> None:
    """Was: "Μαρία" and "Вера" themselves (every letter one a Latin letter looks like, so the
    word is read as Latin) were left; only "Μαρίας", "Веры" went. The case ending now takes
    the Latin look-alike too."""
    people(cli, "Μαρία Κώστα", "Вера")
    shared(cli, "Η Μαρία ήρθε, της Μαρίας. Вера пришла. Веры нет.")
    assert experience(cli) == "Η [person] ήρθε, της [person]. [person] пришла. [person] нет."


# -------------------------------------------------------------------- of, is, that


def test_a_word_name_after_of_is_or_that_is_the_person(cli: CLI) -> None:
    """Was: "I think of grace often" kept "grace" with Grace listed, as "of" made it the
    word; and so after "is" and "that"."""
    people(cli, "Grace")
    shared(cli, "I think of grace often. I knew that grace often struggles. The new mentee "
                "is grace. A state of grace, full of grace; we said grace.")
    assert experience(cli) == (
        "I think of [person] often. I knew that [person] often struggles. The new mentee "
        "is [person]. A state of grace, full of grace; we said grace."
    )


@pytest.mark.parametrize(
    ("name", "text", "redacted"),
    [
        ("Hope", "A ray of hope. Signs of hope. There is hope. I think of hope.",
         "A ray of hope. Signs of hope. There is hope. I think of [person]."),
        ("Faith", "A leap of faith, in good faith. She spoke of faith today.",
         "A leap of faith, in good faith. She spoke of [person] today."),
        ("Joy", "Tears of joy. A lot of joy. I told her that joy was here.",
         "Tears of joy. A lot of joy. I told her that [person] was here."),
        # an adjective after "is" is the word; after "of" a noun follows, and after "that"
        # it may be the person ("It's not that frank drinks"): replaced
        ("Frank", "He is frank about it, not that frank. I think of frank.",
         "He is frank about it, not that [person]. I think of [person]."),
        # round 32 QA: after "is", an adjective-name with a person's verb after it is him
        ("Frank", "The thing is frank said no. He is frank.",
         "The thing is [person] said no. He is frank."),
        ("Sunny", "The good news is sunny passed her exam.",
         "The good news is [person] passed her exam."),
        ("Will", "An act of will. The question is will he cope. This is will.",
         "An act of will. The question is will he cope. This is [person]."),
    ],
)
def test_set_phrases_after_of_is_and_that_keep_the_word(
    name: str, text: str, redacted: str
) -> None:
    assert Redactor([Person(name)])(text) == redacted
