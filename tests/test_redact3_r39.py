"""A listed full name (all its parts in order) is a person wherever it stands, in any case:
never read as the word after an article in shouted text ("A BB BB", "THE BB BB")."""

import pytest

from peerjournal.redact import PLACEHOLDER, Person, Redactor


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("bb bb", "I shared my story. A BB BB", f"I shared my story. A {PLACEHOLDER}"),
        ("bb bb", "A BB BB", f"A {PLACEHOLDER}"),
        ("bb bb", "THE BB BB", f"THE {PLACEHOLDER}"),
        ("bb bb", "so BB BB", f"so {PLACEHOLDER}"),
        ("bb bb", "I met BB BB.", f"I met {PLACEHOLDER}."),
        ("bb bb", "A BB BB rang", f"A {PLACEHOLDER} rang"),
        ("jo jo", "A JO JO", f"A {PLACEHOLDER}"),
        ("jo jo", "I shared. THE JO JO", f"I shared. THE {PLACEHOLDER}"),
        ("Hope Walker", "NO HOPE WALKER TODAY", f"NO {PLACEHOLDER} TODAY"),
        ("William Turner", "THE WILL TURNER", f"THE {PLACEHOLDER}"),
    ],
)
def test_a_full_name_in_capitals_after_an_article_is_replaced(
    name: str, text: str, expected: str
) -> None:
    assert Redactor([Person(name)])(text) == expected


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Hope Walker", "NO HOPE LEFT"),
        ("Will Turner", "I WILL NOT GO BACK"),
        ("Hope Walker", "There is no hope left."),
    ],
)
def test_a_part_alone_is_still_the_word_where_grammar_says(name: str, text: str) -> None:
    assert Redactor([Person(name)])(text) == text


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("bb bb", "I shared my story. A BB", f"I shared my story. A {PLACEHOLDER}"),
        ("Jo Okafor", "THE JO WAS LATE", f"THE {PLACEHOLDER} WAS LATE"),
    ],
)
def test_a_part_that_is_no_word_is_replaced_in_capitals_after_an_article(
    name: str, text: str, expected: str
) -> None:
    # only an everyday word ("NO HOPE LEFT") is read as the word after an article
    assert Redactor([Person(name)])(text) == expected
