"""Round 41 (redaction): a listed name typed with a slip of the keys in a tag or setting is
replaced as in prose where a person stands ("#grcae", "grcae-visit" with Grace listed), and
so is a name spelt otherwise in a piece of one ("gracie-visit"); a short form's possessive
with its apostrophe left out is read as the short form's ("Wills flat was cold" with
William listed, as with Will listed); an English word of three letters that is a slip of a
listed three-letter name opening a sentence is kept and listed for the writer to check
("Oil went everywhere" with Oli listed), unless what follows is only a person's ("Oil
said")."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.redact import Person, Redactor
from peerjournal.render.summary import words_to_check
from peerjournal.summary import _label_redactor
from test_redact_cli import people, shared


def redacted(text: str, *names: str) -> str:
    return Redactor(people=[Person(name) for name in names], identifiers=False)(text)


def label(text: str, *names: str) -> str:
    return _label_redactor(Redactor(people=[Person(name) for name in names], identifiers=False))(
        text
    )


def flagged(text: str, *names: str) -> Counter[str]:
    return words_to_check(redacted(text, *names), [text], [Person(name) for name in names], [])


# ------------------------------------------------------------ 1. a slip in a tag or setting


@pytest.mark.parametrize(("tag", "expected"), [
    ("grcae", "[person]"), ("graec", "[person]"), ("GRCAE", "[person]"),
    ("grcae-visit", "[person]-visit"), ("visit-grcae", "visit-[person]"),
    ("grcae_visit", "[person]_visit"), ("GrcaeVisit", "[person]Visit"),
    ("grcae's flat", "[person]'s flat"), ("visit grcae", "visit [person]"),
    ("gracie-visit", "[person]-visit"), ("visit-gracie", "visit-[person]"),
    ("GracieVisit", "[person]Visit"),
])
def test_a_slip_of_a_listed_name_in_a_label_is_replaced(tag: str, expected: str) -> None:
    assert label(tag, "Grace") == expected
    assert label(tag, "Grace Kim") == expected


@pytest.mark.parametrize(("tag", "name"), [
    ("trace", "Grace"), ("grace-period-notes", "Will Turner"), ("housing", "Grace"),
    ("oil", "Oli"), ("oil-spill", "Oli"), ("air", "Ari"), ("tuner", "Will Turner"),
    ("weight", "Sam Wright"), ("jane", "Jana"), ("brenan", "Zoë Brennan"),
])
def test_a_word_in_a_label_is_kept(tag: str, name: str) -> None:
    assert label(tag, name) == tag


def test_a_three_letter_slip_that_is_no_word_is_replaced_in_a_label() -> None:
    assert label("zeo", "Zoe") == "[person]"
    assert label("visit-tmo", "Tom") == "visit-[person]"


# ------------------------------------------------------------ 2. "Wills flat", a short form's


_OWNING = [
    "{W}s flat was cold.", "Went to {W}s flat.", "{W}s mum rang.", "{U}S FLAT WAS COLD.",
    "I saw {W}s mum.", "{W}s care worker rang.", "Then {W}s dog bit me.", "{W}es flat.",
    '"{W}s flat was cold", I said.',
]
_NOT_OWNING = [
    "{W}s are due.", "The {W}s house.", "my {w}s flat", "the {w}s flat", "{W}s, {W}s, {W}s.",
]


@pytest.mark.parametrize(("form", "name"), [
    ("Will", "William"), ("Bill", "William"), ("Bob", "Robert"), ("Jack", "John"),
    ("Will", "William Turner"), ("Peggy", "Margaret"),
])
@pytest.mark.parametrize("frame", _OWNING)
def test_a_short_forms_possessive_without_its_apostrophe_is_replaced(
    frame: str, form: str, name: str
) -> None:
    text = frame.format(W=form, w=form.lower(), U=form.upper())
    out = redacted(text, name)
    assert form.casefold() not in out.casefold(), out
    assert out == redacted(text, form)  # as the short form listed is


@pytest.mark.parametrize(("form", "name"), [("Will", "William"), ("Bill", "William")])
@pytest.mark.parametrize("frame", _NOT_OWNING)
def test_a_short_forms_plural_is_kept_as_the_listed_form_is(
    frame: str, form: str, name: str
) -> None:
    text = frame.format(W=form, w=form.lower())
    assert redacted(text, name) == redacted(text, form) == text


# (final review: in lower case a word-name + s before kin is a plural as often, "good marks mum
# was proud", "paid bills mum had left": kept, and listed for the writer to check)
@pytest.mark.parametrize(("text", "word"), [
    ("franks mum rang", "franks"), ("wills sister came", "wills"),
])
def test_a_lower_case_part_owning_without_its_apostrophe_is_kept_and_listed(
    text: str, word: str
) -> None:
    assert redacted(text, "Frank Miller", "Will Turner") == text
    assert word in flagged(text, "Frank Miller", "Will Turner")


@pytest.mark.parametrize("text", ["franks and beans", "the millers flat", "my wills review"])
def test_a_lower_case_part_in_the_plural_is_kept(text: str) -> None:
    assert redacted(text, "Frank Miller", "Will Turner") == text


# ------------------------------------------------------------ 3. "Oil" of Oli


@pytest.mark.parametrize(("text", "name", "word"), [
    ("Oil went everywhere.", "Oli", "Oil"),
    ("Oil went everywhere. The oil was hot.", "Oli", "Oil"),
    ("It was a mess. Oil was on the floor.", "Oli", "Oil"),
    ('"Oil went everywhere", I said.', "Oli", "Oil"),
    ("Air came in through the window.", "Ari", "Air"),
    ("Aim was to calm things down.", "Ami Shah", "Aim"),
    ("Oli rang. Oil went everywhere.", "Oli", "Oil"),
])
def test_a_word_that_is_a_slip_of_a_short_name_is_kept_and_flagged(
    text: str, name: str, word: str
) -> None:
    out = redacted(text, name)
    assert word in out, out
    assert word in flagged(text, name)


@pytest.mark.parametrize(("text", "expected"), [
    ("Oil said hi.", "[person] said hi."),
    ("Oil rang me later.", "[person] rang me later."),
    ("Oil, who was late, came.", "[person], who was late, came."),
    ("I met Oil.", "I met [person]."),
    ("Oil said hi. Oil went home.", "[person] said hi. [person] went home."),
    ("Zeo went home.", "[person] went home."),
])
def test_a_slip_of_a_short_name_where_only_a_person_stands_is_replaced(
    text: str, expected: str
) -> None:
    assert redacted(text, "Oli", "Zoe") == expected


def test_a_short_word_is_no_slip_in_lower_case() -> None:
    assert redacted("the oil went everywhere", "Oli") == "the oil went everywhere"
    assert not flagged("the oil went everywhere", "Oli")


# ------------------------------------------------------------ the export


def test_the_export_replaces_slips_in_tags_and_names_the_word_kept(
    cli: CLI, tmp_path: Path
) -> None:
    people(cli, "Grace", "William", "Oli")
    shared(cli, "Grcae was tearful. Wills flat was cold. Oil went everywhere.",
           "-t", "grcae", "-t", "gracie-visit")
    out = tmp_path / "summary.md"
    result = cli("export", "--yes", "--json", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "Oil" in json.loads(result.stdout)["words_to_check"]
    text = out.read_text(encoding="utf-8")
    for gone in ("grcae", "Grcae", "gracie", "Wills"):
        assert gone not in text, gone
    assert "[person] flat was cold. Oil went everywhere." in text
    assert "#[person]" in text and "#[person]-visit" in text
