"""Round 36 (mentor, fourth pass; qa_changes3 findings 2-5): a name spelt otherwise is never
another given name and never gets the listed person's alias; its capitalised form goes with
its lower-case one; let/helped/drove make a lower-case part a person only where what follows
does ("let frank decide", not "let rose petals fall"), a modal part too ("Let will go first")."""

from __future__ import annotations

import pytest

from conftest import CLI
from peerjournal.redact import Person, Redactor, misspelt_names
from test_redact_cli import people, shared

ALIASED = [Person("Carol Smith", "C."), Person("Dean Fox", "D."), Person("Jana Novak", "J."),
           Person("Marko Ilic", "M.")]
WORD_NAMES = ("Mark Evans", "Bill Hughes", "Rose Tyler", "Hope Walker", "Faith Obi", "Joy Adams",
              "Summer Khan", "Grace Lee", "Frank Miller", "Will Turner")


def redacted(text: str, *names: str) -> str:
    return Redactor([Person(name) for name in names])(text)


# ---------------------------------------------------------------- 2. other given names, aliases

@pytest.mark.parametrize("text", ["jane said hi.", "I met maria at group.", "deana came in late."])
def test_another_given_name_is_not_taken_for_a_listed_one(text: str) -> None:
    """Was: "J. said hi." (Jana's alias), "I met M. at group" (Marko's)."""
    assert Redactor(ALIASED)(text) == text


def test_another_given_name_near_a_listed_one_is_still_flagged() -> None:
    text = "jane said hi."
    assert [text[a:b] for a, b in misspelt_names(text, ["Jana Novak"])] == ["jane"]


@pytest.mark.parametrize("text", ["marky was there.", "janu came too.", "marka said no."])
def test_a_guessed_spelling_gets_the_placeholder_never_the_alias(text: str) -> None:
    out = Redactor(ALIASED)(text)
    assert out.startswith("[person] ") and "J." not in out and "M." not in out, out


def test_a_listed_name_still_gets_its_alias() -> None:
    assert Redactor(ALIASED)("Jana rang and Marko came.") == "J. rang and M. came."


# ---------------------------------------------------------------- 3. both cases together

@pytest.mark.parametrize("text", [
    "Kerri rang me and kerri was upset.",
    "kerri rang me. I thought of Kerri all day.",
    "Zoey came later and zoey was tearful.",
    "I thought of zoey. Zoey was tearful.",
])
def test_a_misspelling_is_replaced_in_both_cases(text: str) -> None:
    """Was: "Kerri rang me and [person] was upset" (the pair shows who it was)."""
    out = redacted(text, "Kerry Jones", "Zoë Smith")
    assert "erri" not in out and "oey" not in out, out
    assert out.count("[person]") == 2, out


def test_a_capitalised_misspelling_alone_in_a_persons_place_is_replaced() -> None:
    assert redacted("Kerri rang me.", "Kerry Jones") == "[person] rang me."


def test_the_export_leaves_neither_case(cli: CLI) -> None:
    people(cli, "Kerry Jones", "Zoë Smith")
    shared(cli, "Kerri rang me and kerri was upset. Zoey came later and zoey was tearful.")
    result = cli("export", "--yes", "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert "erri" not in result.stdout.casefold() and "zoey" not in result.stdout.casefold()


# ---------------------------------------------------------------- 4. let/helped/drove + a word

@pytest.mark.parametrize("text", [
    "We helped mark out the route to the food bank.",
    "I helped mark papers for the course.",
    "We helped bill clients for the art course.",
    "He let rose petals fall on the grave.",
    "We let bill pile up, which was a mistake.",
    "Let hope guide you, my manager said.",
    "Let faith carry you, she said at the end.",
    "I let joy in for once and smiled.",
    "Let summer come, I said.",
    "Helping hope along is what we do.",
    "We let rose bushes grow wild in the garden.",
    "We drove summer and winter alike.",
    "Help will come, I told her.",
    "I let will power carry me through the shift.",
])
def test_the_word_after_let_helped_or_drove_stays_a_word(text: str) -> None:
    assert redacted(text, *WORD_NAMES) == text


@pytest.mark.parametrize("text", [
    "I will let grace lead.", "I drove grace home.", "I helped grace with the forms.",
    "I let frank decide.", "I let faith choose.", "I helped faith get her bus pass.",
    "I drove rose to her appointment.", "I drove joy and her son to the clinic.",
    "Let mark know he matters.", "I helped grace out.", "I helped hope find a flat.",
])
def test_a_person_after_let_helped_or_drove_is_replaced(text: str) -> None:
    out = redacted(text, *WORD_NAMES)
    assert out.count("[person]") == 1, out


# ---------------------------------------------------------------- 5. will as a person

@pytest.mark.parametrize("names", [("Will Turner",), ("Will",)])
@pytest.mark.parametrize("text", [
    "Let will go first.", "We let will decide for himself.", "I drove will home.",
    "I helped will with the washing up.", "I helped will move flat.",
])
def test_will_let_helped_or_driven_is_replaced(text: str, names: tuple[str, ...]) -> None:
    """Was: all left with Will Turner listed (README: "Let will go first" is replaced)."""
    assert "will" not in redacted(text, *names), redacted(text, *names)


@pytest.mark.parametrize("text", ["I will try.", "they will let it go.", "we will drive home."])
def test_will_the_verb_stays(text: str) -> None:
    assert redacted(text, "Will Turner") == text
