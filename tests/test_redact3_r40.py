"""Round 40 (redact7, after a QA pass of this round's redaction): a word-name before "is
that" and a clause is the word only in its one safe frame ("my hope is that he stays": a
hope, a will or a faith after an owner word or "the" opening its clause, no one of that
name earlier), and is listed for the writer to check there; anywhere else ("the thing about
grace is that she…", "grace is that you?") the person. A modal name after a preposition is
the person only where no verb follows ("without will, the group…"; not "the people I work
with will arrive"), and named as in doubt only after with, without, from or like. A name in
a thing named after someone is kept only where that phrase ends ("murphy's law struck";
not "murphy's law exam"), and listed."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.redact import Person, Redactor
from peerjournal.render.summary import words_to_check
from test_redact_cli import people, shared

NAMES = (
    "Will Smith", "Hope Jones", "Grace Lee", "Faith Okoro", "Joy Mensah", "Mercy Banda",
    "Patience Osei", "Charity Moyo",
)


def redactor(*names: str) -> Redactor:
    return Redactor(people=[Person(name) for name in names or NAMES], identifiers=False)


def flagged(text: str, out: str, *names: str) -> Counter[str]:
    return words_to_check(out, [text], [Person(name) for name in names or NAMES], [])


# ------------------------------------------------ 1. "… is that she…": the person


@pytest.mark.parametrize(("text", "word"), [
    ("The thing about grace is that she never listens.", "grace"),
    ("The problem with hope is that she never calls back.", "hope"),
    ("What I like about will is that he listens.", "will"),
    ("My worry for grace was that she would relapse.", "grace"),
    ("All I know about hope is that she moved away.", "hope"),
    ("The good news for hope is that she is home.", "hope"),
    ("the only issue with grace is that she is late", "grace"),
    ("I think hope is that she will come.", "hope"),
    ("grace is that you?", "grace"), ("I said hope is that you and she nodded.", "hope"),
    ("hope is that they come", "hope"), ("will was that she would call", "will"),
    ("grace was that I would go", "grace"), ("what I admire in joy is that she keeps going", "joy"),
    ("the sad thing for patience was that she lost the flat", "patience"),
    ("sitting with mercy was that she cried", "mercy"),
    ("my colleague faith is that you?", "faith"),
    ("Me and faith talked; faith is that she feels alone.", "faith"),
    ("Me and faith talked; my faith is that she feels alone.", "faith"),
    ("Faith rang. My faith is that it works out.", "faith"),
    ("thank you hope is that he stays", "hope"), ("my hope is that you?", "hope"),
    ("her grace is that she forgives", "grace"), ("My joy is that she is home.", "joy"),
])
@pytest.mark.parametrize("names", [NAMES, ("Will", "Hope", "Grace", "Faith", "Joy", "Mercy",
                                           "Patience")])
def test_a_name_before_is_that_is_the_person(text: str, word: str, names: tuple[str]) -> None:
    out = redactor(*names)(text)
    assert word not in out.casefold(), out


@pytest.mark.parametrize("text", [
    "My hope is that he stays.", "Her hope is that he stays.", "His will was that we sell.",
    "the hope is that they come", "It went badly, and my hope is that it gets better.",
    "My faith is that it works out.", "our hope is still that we win",
])
@pytest.mark.parametrize("names", [NAMES, ("Will", "Hope", "Faith")])
def test_a_hope_said_of_after_an_owner_word_is_the_word_and_listed(
    text: str, names: tuple[str]
) -> None:
    r = redactor(*names)
    out = r(text)
    assert out == text and not r.in_doubt
    word = next(w for w in ("hope", "will", "faith") if f" {w} " in f" {text.casefold()} ")
    assert word in {w.casefold() for w in flagged(text, out, *names)}


# (not after "the": an article makes it the word, as it did before this round; "I said
# grace" is a set phrase)
PLACES = [
    "", "My ", "the thing about ", "I think ", "thank you ", "Me and {n} talked; ",
    "Me and {n} talked; my ", "I rang {n} and my ", "sitting with ", "Dear ", "I told her ",
    "my colleague ", "All I know about ", "So my ",
]
CLAUSES = [
    "is that he stays.", "was that she would call.", "is that you?", "is that it?",
    "is still that we win.", "is that you and she nodded.",
]


@pytest.mark.parametrize("name", ["hope", "will", "faith", "grace", "joy", "patience"])
def test_a_name_before_is_that_is_never_kept_unlisted(name: str) -> None:
    r = redactor()
    for place in PLACES:
        for clause in CLAUSES:
            text = f"{place.format(n=name)}{name} {clause}"
            out = r(text)
            if name in out.casefold().split():
                assert name in {w.casefold() for w in flagged(text, out)}, text


# ------------------------------------------------ 2. a modal after a stranded preposition


@pytest.mark.parametrize("text", [
    "The people I work with will arrive tomorrow.", "What she asked for will arrive soon.",
    "Whatever she dealt with will arrive soon.", "Everything we talked about will end soon.",
    "The help she applied for will last a while.", "What she paid for will cost a lot.",
    "The people I work with will not come.", "Whoever she lives with will bring it.",
    "The team I work for will pay for it.", "She got through it with will power.",
])
def test_a_modal_before_a_verb_after_a_preposition_is_the_verb(text: str) -> None:
    r = redactor()
    assert r(text) == text and not r.in_doubt


@pytest.mark.parametrize(("text", "expected", "in_doubt"), [
    ("Without will, the group felt empty.", "Without [person], the group felt empty.", 1),
    ("Her dad died without will or savings.", "Her dad died without [person] or savings.", 1),
    ("I sat with will watching tv.", "I sat with [person] watching tv.", 1),
    ("a text from will", "a text from [person]", 1),
    ("I sat near will.", "I sat near [person].", 0),
    ("I felt sorry for will.", "I felt sorry for [person].", 0),
    ("I sat beside will today.", "I sat beside [person] today.", 0),
    ("for will it was hard", "for [person] it was hard", 0),
])
def test_a_modal_with_no_verb_after_a_preposition_is_the_person(
    text: str, expected: str, in_doubt: int
) -> None:
    r = redactor()
    assert r(text) == expected
    assert r.in_doubt == (Counter({"will": 1}) if in_doubt else Counter())


# ------------------------------------------------ 3. a thing named after someone


EPONYM_PEOPLE = ("Ciara Murphy", "Dan Hobson", "Bright Mensah", "Joe Parkinson", "Amy Kerr")


@pytest.mark.parametrize("text", [
    "murphy's law exam is tomorrow and she is scared.", "Murphy's law exam is tomorrow.",
    "murphy's law degree is stressing her out", "I helped murphy's law coursework",
    "hobson's choice of college upset him", "bright's disease clinic appointment",
    "I told parkinson's disease nurse", "kerr's pinks jumper",
])
def test_a_name_before_a_things_name_and_a_noun_is_the_person(text: str) -> None:
    out = redactor(*EPONYM_PEOPLE)(text)
    assert "'s" in out and "[person]'s" in out, out


@pytest.mark.parametrize(("text", "word"), [
    ("murphy's law struck again.", "murphy"), ("It was hobson's choice.", "hobson"),
    ("parkinson's disease is advancing, she told me", "parkinson"),
    ("Kerr's Pinks for lunch.", "Kerr"), ("Murphy's law, as ever.", "Murphy"),
])
def test_a_things_name_that_ends_there_is_kept_and_listed(text: str, word: str) -> None:
    out = redactor(*EPONYM_PEOPLE)(text)
    assert out == text
    assert word in flagged(text, out, *EPONYM_PEOPLE)


# ------------------------------------------------ the export


def test_the_export_lists_the_kept_words_and_names_the_doubtful(
    cli: CLI, tmp_path: Path
) -> None:
    people(cli, "Will Smith", "Hope Jones", "Ciara Murphy")
    shared(cli, "The people I work with will arrive tomorrow. My hope is that he stays. "
                "The thing about hope is that she never listens. I sat near will. "
                "murphy's law struck again. murphy's law exam is Monday.")
    out = tmp_path / "summary.md"
    result = cli("export", "--yes", "--json", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    written = json.loads(result.stdout)
    assert written["replaced_opening"] == []  # ("near will" is the person, for certain)
    assert {"hope", "murphy"} <= set(written["words_to_check"])
    text = out.read_text(encoding="utf-8")
    assert "The people I work with will arrive tomorrow." in text
    assert "My hope is that he stays." in text
    assert "The thing about [person] is that she" in text and "near [person]." in text
    assert "murphy's law struck again. [person]'s law exam" in text
