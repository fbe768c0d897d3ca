"""A listed name leaves no export however it is encoded: letters of another alphabet drawn
alike ("Sаm" with a Cyrillic а), full-width letters, accents typed apart, and characters that
draw nothing inside it. Ordinary Cyrillic and Greek text is left as it was."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CLI
from peerjournal.redact import PLACEHOLDER, Person, Redactor
from test_redact_cli import people, summary


def shared(cli: CLI, text: str) -> None:
    result = cli("write", "-x", text, "--share", "--date", "yesterday")
    assert result.exit_code == 0, result.stderr


ENCODED = [
    # (listed, as written in the entry)
    ("Sam", "S\u0430m"),  # Cyrillic а
    ("John", "J\u043ehn"),  # Cyrillic о
    ("John", "J\u03bfhn"),  # Greek ο
    ("Alexander", "\u0391lexander"),  # Greek Α
    ("Alexander", "\u0410l\u0435\u0445\u0430nd\u0435r"),  # five Cyrillic letters
    ("Sam", "\u0405\u0410\u041c"),  # Cyrillic capitals ЅАМ
    ("Sam", "Ｓａｍ"),  # full-width
    ("José", "Jose\u0301"),  # the accent typed apart (NFD)
    ("Jose\u0301", "José"),  # listed so, written precomposed
    ("Sam", "Sa\u200bm"),  # zero-width space
    ("Sam", "S\u200da\u2060m\ufeff"),  # zero-width joiner, word joiner, BOM
    ("Sam", "Sa\u3164m"),  # a Hangul filler, a letter that draws nothing
    ("Grace", "Gr\u0430c\u0435"),  # a common-word name, matched only capitalised
    ("Олег", "O\u043b\u0435\u0433"),  # a Cyrillic name with a Latin O
]


@pytest.mark.parametrize(("listed", "written"), ENCODED)
def test_a_listed_name_however_encoded_is_redacted_in_the_export(cli: CLI, listed: str,
                                                                 written: str) -> None:
    people(cli, listed)
    shared(cli, f"Talked with {written} about the week.")
    data = summary(cli)
    assert data["shared_entries"][0]["experience"] == (
        f"Talked with {PLACEHOLDER} about the week.")
    assert written not in json.dumps(data, ensure_ascii=False)


def test_russian_and_greek_words_drawn_like_latin_ones_are_kept(cli: CLI) -> None:
    """Only a whole word drawn as a listed name is a name: "сом", "Сам", "Там", "Нет" share
    letters with Sam and Tom but are none of them."""
    people(cli, "Sam", "Tom", "Cox")
    text = "Сам пришёл. Там был сом, а том лежал. Ο κόσμος. Нет. Сох."
    shared(cli, text)
    assert summary(cli)["shared_entries"][0]["experience"] == text.replace("Сох", PLACEHOLDER)


# -- the property -----------------------------------------------------------------------------

LATIN_NAMES = ["Sam", "John", "Alexander", "Maria", "Chris", "Peter", "Oscar", "Kate",
               "Yusuf", "Xavier", "Becky", "Grace Hill"]
# Letters of other alphabets drawn as a Latin one (in the same case)
LOOK_ALIKE = {"A": "АΑ", "a": "аα", "B": "ВΒ", "C": "С", "c": "с", "E": "ЕΕ", "e": "е",
              "H": "НΗ", "h": "һ", "I": "ІΙ", "i": "і", "J": "Ј", "j": "ј", "K": "КΚ",
              "M": "МΜ", "N": "Ν", "O": "ОΟ", "o": "оο", "P": "РΡ", "p": "р", "S": "Ѕ",
              "s": "ѕ", "T": "ТΤ", "X": "ХΧ", "x": "х", "Y": "УΥ", "y": "у"}
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f\ufe0f\u180e\u3164"


@st.composite
def disguised(draw: st.DrawFn, name: str) -> str:
    """`name` with letters swapped for look-alikes and invisible characters put inside."""
    out = []
    for ch in draw(st.sampled_from([name, name.upper(), name.lower()])):
        if ch in LOOK_ALIKE and draw(st.booleans()):
            ch = draw(st.sampled_from(LOOK_ALIKE[ch]))
        out.append(ch + draw(st.text(st.sampled_from(INVISIBLE), max_size=2)))
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), name=st.sampled_from(LATIN_NAMES),
       form=st.sampled_from([lambda s: s, lambda s: unicodedata.normalize("NFD", s)]))
def test_no_look_alike_or_invisible_character_lets_a_listed_name_through(
        data: st.DataObject, name: str, form: Any) -> None:
    written = data.draw(disguised(name))
    redactor = Redactor([Person(name)])
    out = redactor(form(f"Yesterday {written} and I spoke."))
    assert out == f"Yesterday {PLACEHOLDER} and I spoke."


def test_an_alias_drawn_as_the_name_in_cyrillic_letters_is_refused(cli: CLI) -> None:
    result = cli("people", "add", "Sam", "--alias", "\u0405\u0430m")  # Ѕаm: Cyrillic Ѕ, а
    assert result.exit_code == 1
    assert "contains the name Sam itself" in result.stderr
    assert cli("people", "add", "Sam", "--alias", "Rob").exit_code == 0
