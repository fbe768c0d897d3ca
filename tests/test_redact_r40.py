"""Round 40 (redaction): a modal given name in lower case after a preposition is no verb
("without will, the group felt empty"): replaced and named for the writer to check; a
thanked word-name before "is that" and a clause is the person ("thank you hope is that he
stays": see test_redact3_r40 for the word's one frame); a capitalised English word made of
a listed name and an x is kept ("Unix", "Marx") unless it signs a message off, and flagged;
a thing named after someone ("Kerr's Pinks") is kept; a long entry full of one word-name is
redacted in linear time."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.redact import Person, Redactor
from peerjournal.render.summary import words_to_check
from test_redact_cli import people, shared


def redactor(*names: str) -> Redactor:
    return Redactor(people=[Person(name) for name in names], identifiers=False)


def redacted(text: str, *names: str) -> str:
    return redactor(*names)(text)


def flagged(text: str, *names: str) -> Counter[str]:
    return words_to_check(redacted(text, *names), [text], [Person(name) for name in names], [])


# ------------------------------------------------------------ 1. linear time


def _seconds(redact: Redactor, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        redact(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize(("piece", "name"), [
    ("grace, ", "Grace"), ("Marx ", "Mar Ruiz"), ("without will ", "Will Turner"),
])
def test_a_long_entry_of_one_name_takes_linear_time(piece: str, name: str) -> None:
    redact = redactor(name)
    short, long = piece * 1000, piece * 8000
    # eight times the text: well under the 64 times a quadratic pass would take
    assert _seconds(redact, long) < 24 * _seconds(redact, short)


def test_a_long_entry_of_one_word_name_is_all_replaced() -> None:
    assert redacted("grace, " * 5000, "Grace") == "[person], " * 5000


# ------------------------------------------------------------ 2. a modal after a preposition


@pytest.mark.parametrize("names", [("Will Turner",), ("Will",)])
@pytest.mark.parametrize(("text", "expected"), [
    ("Without will, the group felt empty.", "Without [person], the group felt empty."),
    ("without will the group felt empty", "without [person] the group felt empty"),
    ("With will, the group felt full.", "With [person], the group felt full."),
    ("I learnt a lot from will.", "I learnt a lot from [person]."),
])
def test_a_modal_name_after_a_preposition_is_replaced_and_named(
    text: str, expected: str, names: tuple[str, ...]
) -> None:
    redact = redactor(*names)
    assert redact(text) == expected
    assert redact.in_doubt == Counter({"will": 1})


@pytest.mark.parametrize("text", [
    "he can come and go at will", "strength of will", "an act of will", "I will go.",
    "it was against my will", "booked it for may", "from may to june",
])
def test_a_modal_as_the_word_after_a_preposition_is_kept(text: str) -> None:
    assert redacted(text, "Will Turner", "May Okafor") == text


# ------------------------------------------------------------ 3. "hope is that…"


@pytest.mark.parametrize("names", [("Hope Walker",), ("Hope",)])
def test_a_name_thanked_before_is_that_is_the_person(names: tuple[str]) -> None:
    # (redact7: was kept as the word; a thanks is no owner word: "thank you hope is that you?")
    assert redacted("thank you hope is that he stays", *names) == (
        "thank you [person] is that he stays")
    assert redacted("thank you hope is here", *names) == "thank you [person] is here"
    assert redacted("thanks hope, is that ok?", *names) == "thanks [person], is that ok?"


# ------------------------------------------------------------ 4, 5: earlier reports, held


@pytest.mark.parametrize("text", [
    "flee came over", "Flee came over.", "flee said hi", "I saw flee today",
])
def test_a_user_name_before_a_persons_verb_is_replaced(text: str) -> None:
    assert "flee" not in redacted(text, "Frank Lee").casefold()


def test_flee_the_verb_is_kept() -> None:
    assert redacted("they had to flee the ward", "Frank Lee") == "they had to flee the ward"


@pytest.mark.parametrize("text", [
    "THE MARY JANE came in.", "A Mary Jane said hi.", "THE MARY-JANE SMITH came",
    "the mary jane came in", "A MARY JANE SHOW",
])
def test_parts_of_a_full_name_after_an_article_are_replaced(text: str) -> None:
    out = redacted(text, "Mary-Jane Smith")
    assert "mary" not in out.casefold() and "jane" not in out.casefold(), out


# ------------------------------------------------------------ 6. words made of a name


@pytest.mark.parametrize("text", [
    "Unix and Marx came up.", "Marx came up in group.", "I read Marx.",
    "Marx said the workers unite.", "We talked about Marx and Engels.", "glove Marx.",
])
def test_a_capitalised_word_of_a_name_and_an_x_is_kept_and_flagged(text: str) -> None:
    assert redacted(text, "Uni Lee", "Mar Ruiz") == text
    assert {"Marx", "Unix"} & set(flagged(text, "Uni Lee", "Mar Ruiz"))


@pytest.mark.parametrize(("text", "expected"), [
    ("love Marx", "love [person]"), ("Thanks, Marx.", "Thanks, [person]."),
    ("Thank you Marx!", "Thank you [person]!"), ("ok\nMarx", "ok\n[person]"),
    ("marx rang", "[person] rang"), ("Marxx rang", "[person] rang"),
    (" " * 30 + "Marx", " " * 30 + "[person]")
])
def test_a_name_and_an_x_signing_off_or_in_lower_case_is_a_kiss(text: str, expected: str) -> None:
    assert redacted(text, "Mar Ruiz") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Kerr's Pinks for lunch.", "Kerr's Pinks for lunch."),
    ("KERR'S PINKS", "KERR'S PINKS"),
    ("Kerr's pink jumper.", "[person]'s pink jumper."),
    ("Kerr's mum rang", "[person]'s mum rang"),
    ("He has Bell's palsy. Bell rang.", "He has Bell's palsy. [person] rang."),
])
def test_a_thing_named_after_someone_is_kept(text: str, expected: str) -> None:
    assert redacted(text, "Kerr", "Sam Bell") == expected


def test_the_export_names_what_it_kept_and_replaced_in_doubt(cli: CLI, tmp_path: Path) -> None:
    people(cli, "Will Turner", "Hope Walker", "Mar Ruiz", "Kerr")
    shared(cli, "Without will, the group felt empty. My hope is that he stays. "
                "Marx came up. Kerr's Pinks for lunch.")
    out = tmp_path / "summary.md"
    result = cli("export", "--yes", "--json", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    written = json.loads(result.stdout)
    assert written["replaced_opening"] == ["will"]
    assert {"Marx", "Kerr", "hope"} <= set(written["words_to_check"])
    text = out.read_text(encoding="utf-8")
    assert "Without [person], the group" in text and "My hope is that he stays" in text
