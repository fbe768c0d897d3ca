"""Round 31 QA: what a mentor export shows of names written as handles, of everyday words that
are names, and of identifiers.

1. a listed full name written as a handle or user name ("hope_walker", "@will.turner",
   "#hope_walker", "hope/walker") is replaced, a handle whole ("@hope_walker99" -> "@[person]"),
   and such a file name is refused;
2. a word-name opening a sentence as the verb ("Hope he is safe", "Hope so", "Rose early") or
   listed as a feeling ("Joy, relief. Hope.") stays and is flagged; a one-word listed name that
   is a word stays in lower case where the sentence makes it the word ("I felt joy"), flagged;
3. "Walked" is not flagged "like a listed name" for Walker, nor "Hold"/"Advocate" opening to-dos;
4. an IBAN, a reg plate, a case number and an NHS number go out as labelled placeholders.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.redact import Person, Redactor, contains_name, nickname_like
from test_redaction_r30 import CHECK, _checked, _export, _people

Add = Callable[..., int]
PEOPLE = ("Hope Walker", "Will Turner", "Rose O'Neill")








def _words_to_check(cli: CLI, tmp_path: Path) -> list[str]:
    receipt, _ = _export(cli, tmp_path, "--json")
    words: list[str] = json.loads(receipt.stdout)["words_to_check"]
    return words


# -- 1. handles ---------------------------------------------------------------------------------

HANDLES = (
    "Her insta is hope_walker and his is @will.turner and @hope_walker99 and #hope_walker. "
    "Also hope.walker, hope/walker, hope+walker, rose.oneill."
)


def test_a_full_name_written_as_a_handle_never_leaves(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Was: "hope\\_walker", "@[person].turner", "@[person]\\_walker99", "hope.walker",
    "rose.[person]" in the file, and nothing flagged."""
    _people(cli, *PEOPLE)
    add(HANDLES, "--share")
    _, text = _export(cli, tmp_path)
    line = next(x for x in text.splitlines() if x.startswith("Her insta"))
    assert line == (
        "Her insta is [person] and his is @[person] and @[person] and #[person]. "
        "Also [person], [person], [person], [person]."
    )
    for leak in ("hope", "walker", "turner", "oneill", "99"):
        assert leak not in line.casefold()


def test_the_forms_that_were_already_replaced_still_are(cli: CLI, add: Add, tmp_path: Path) -> None:
    _people(cli, *PEOPLE)
    add("Seen: hope walker, hope-walker, hopewalker, Hope_Walker, @mr_walker, @hope.", "--share")
    _, text = _export(cli, tmp_path)
    assert ("Seen: [person], [person], [person], [person], @[person], @[person]."
            in text.replace("\\_", "_"))


def test_e_mail_addresses_and_links_holding_a_name_go_whole() -> None:
    r = Redactor([Person(n) for n in PEOPLE])
    assert r("Mail hope.walker@example.org or see instagram.com/hope_walker now.") == (
        "Mail [email] or see [link] now."
    )


@pytest.mark.parametrize("name", ["hope_walker.md", "will.turner.md", "hope+walker.md"])
def test_a_file_name_holding_a_name_as_a_handle_is_refused(
    cli: CLI, add: Add, tmp_path: Path, name: str
) -> None:
    _people(cli, *PEOPLE)
    add("A quiet shift.", "--share")
    result = cli("export", "--yes", "-o", str(tmp_path / name))
    assert result.exit_code != 0
    assert "holds a name on the people list" in result.stderr
    assert not (tmp_path / name).exists()
    people = [Person(n) for n in PEOPLE]
    assert contains_name(name, people) and not contains_name("notes-walked.md", people)


# -- 2. word-names as words ---------------------------------------------------------------------


def test_hope_and_rose_opening_a_sentence_as_the_verb_stay_and_are_flagged(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: "[person] he is safe. [person] this helps. [person] so. [person] early…"."""
    _people(cli, *PEOPLE)
    add("Hope he is safe. Hope this helps. Hope so. Rose early and went in.", "--share",
        "-f", "Joy, relief. Hope.", "-e", "Hope to do better. Will ask first.")
    result, text = _export(cli, tmp_path, "--note", "Hope this helps.")
    assert "Hope he is safe. Hope this helps. Hope so. Rose early and went in." in text
    assert "Joy, relief. Hope." in text
    assert "Hope to do better. Will ask first." in text
    assert "[person]" not in text.split("## Shared entries")[1]
    named = _checked(result.stderr)
    for word in ("Hope", "Rose", "Will"):
        assert any(n.startswith(f"{word} (") for n in named), named
    assert {"Hope", "Rose", "Will"} <= set(_words_to_check(cli, tmp_path))


def test_hope_as_a_person_is_still_replaced(cli: CLI, add: Add, tmp_path: Path) -> None:
    _people(cli, *PEOPLE)
    add("Hope rang me. Hope said she was fine. I met Hope. Hope's mum came. Rose and I "
        "talked. I felt relief, Hope rang again.", "--share")
    _, text = _export(cli, tmp_path)
    assert ("[person] rang me. [person] said she was fine. I met [person]. [person]'s mum came. "
            "[person] and I talked. I felt relief, [person] rang again.") in text


def test_a_one_word_listed_word_name_stays_as_the_word_and_is_flagged(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Joy listed alone: "I felt joy" was "I felt [person]". Where the sentence makes it the
    word it stays, and the check line (and --json) names it; as a person it goes."""
    said = _people(cli, "Joy")
    assert "where the sentence makes it the word" in said[0]
    add("I felt joy at the end. Joy rang me. I saw joy today. Joy, relief.", "--share")
    result, text = _export(cli, tmp_path)
    assert "I felt joy at the end. [person] rang me. I saw [person] today. Joy, relief." in text
    # (the lower-case "joy" left is named on its own, with its own advice, on a line of
    # "words", not "capitalised words": mentor2's change to render/summary.py, round 38)
    assert "Check these words (in the summary): joy (like a listed name), Joy (like a listed "\
        "name)." in " ".join(result.stderr.split()), result.stderr
    assert "Joy" in _words_to_check(cli, tmp_path)


def test_a_lower_case_verb_after_a_pronoun_stays() -> None:
    r = Redactor([Person("Hope")])
    assert r("I hope he is safe. We hope so. I hope HOPE is well.") == (
        "I hope he is safe. We hope so. I hope [person] is well."
    )
    assert r("hope, HOPE, Hope's") == "[person], [person], [person]'s"


# -- 3. flagged noise ---------------------------------------------------------------------------


def test_walked_hold_and_advocate_are_not_flagged(cli: CLI, add: Add, tmp_path: Path) -> None:
    _people(cli, *PEOPLE)
    add("Walked home after. Walked back.", "--share",
        "-e", "Hold the line with the team. Advocate for her at the review.")
    result, _ = _export(cli, tmp_path)
    named = " ".join(_checked(result.stderr))
    for word in ("Walked", "Hold", "Advocate"):
        assert word not in named, named
    assert not nickname_like("Walked", ["Hope Walker"]) and nickname_like("Walkr", ["Hope Walker"])


# -- 4. identifiers -----------------------------------------------------------------------------


def test_bank_plate_case_and_nhs_numbers_are_replaced_with_their_labels(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    add("IBAN GB33BUKB20201555555555. Reg plate AB12 CDE. Case no. 2026/1234. NHS number "
        "943 476 5919. NI number QQ 12 34 56 C. Sort code 12-34-56. Ref ABC123 given.",
        "--share")
    result, text = _export(cli, tmp_path)
    assert CHECK not in result.stderr  # "IBAN", "Reg", "Case", "NHS", "NI", "Sort", "Ref"
    assert (
        "IBAN [bank details]. Reg plate [vehicle registration]. Case no. [reference]. NHS "
        "number [nhs number]. NI number [reference]. Sort code [bank details]. Ref "
        "[reference] given."
    ) in text
    for leak in ("GB33", "AB12", "1234", "5919", "QQ", "12-34-56", "ABC123"):
        assert leak not in text


def test_everyday_words_near_those_cues_are_left() -> None:
    r = Redactor()
    text = "With reference to the plan, in case 2 was hard; the reg was late."
    assert r(text) == text


# -- QA of round 31's rules ----------------------------------------------------------------------
# 1. the verb rule keeps a word-name only where nothing after it makes it a person


def _redacted(names: tuple[str, ...], text: str) -> str:
    return Redactor([Person(n) for n in names])(text)


@pytest.mark.parametrize(
    ("names", "text"),
    [
        (("Mark Evans", "Rob Hall", "Hope Walker"),
         "Rob the porter helped. Mark the nurse rang. Hope for once was on time."),
        (("Sue Smith",), "Sue the manager signed it."),
        (("Drew Barr",), "Drew on the ward was rude."),
        (("Rose Hall",), "Rose from the team rang."),
        (("Mark Evans",), "Mark as usual was late. Mark every week calls me."),
        (("Hope Walker",), "Hope not only came but stayed. Hope so much wanted to come."),
        (("William Hall",), "Bill for his part said sorry."),
    ],
)
def test_a_word_name_followed_by_what_a_person_does_is_replaced(
    names: tuple[str, ...], text: str
) -> None:
    """Was: each kept (only flagged): "the", "as", "every", "for", "not", "on", "from", "so"
    were taken as what follows the verb, whatever came next."""
    out = _redacted(names, text)
    for word in ("Rob", "Mark", "Hope", "Sue", "Drew", "Rose", "Bill"):
        assert not re.search(rf"\b{word}\b", out), out


def test_the_verb_with_nothing_of_a_person_after_it_still_stays() -> None:
    text = ("Hope he is safe. Hope so. Hope this helps. Hope to see her. Rose early and went "
            "in. Mark the date. Hope she was fine.")
    assert _redacted(("Hope Walker", "Rose Hall", "Mark Evans"), text) == text


def test_a_name_listed_alone_is_never_kept_as_the_verb() -> None:
    """Hope listed alone: the add-note promises it is replaced wherever it is capitalised."""
    assert _redacted(("Hope",), "Hope so. Hope he is safe. Hope this helps. I hope so.") == (
        "[person] so. [person] he is safe. [person] this helps. I hope so."
    )


def test_a_feelings_list_stays_only_when_no_one_acts_after_it() -> None:
    names = ("Joy", "Hope")
    assert _redacted(names, "Joy, relief. Hope.") == "Joy, relief. Hope."
    assert _redacted(names, "Joy, relief, Hope and Grace came.") == (
        "[person], relief, [person] and Grace came."
    )


# 2. a listed month-name is kept silently only where it can only be the month

MONTH_PEOPLE = ("May Chen", "June Park", "April Stone")


@pytest.mark.parametrize(
    "text",
    [
        "I rang May 12 times about the flat.", "June 1:1 went well today.",
        "At 9 May arrived late.", "Called April 3 times today.", "I gave June 20 pounds.",
        "This May rang twice.", "Last May came to group again.", "Early May arrived",
    ],
)
def test_a_month_name_that_is_the_person_is_not_kept_as_a_date(text: str) -> None:
    """Was: kept, unflagged, as the month in a date."""
    out = _redacted(MONTH_PEOPLE, text)
    assert "[person]" in out and not re.search(r"\b(?:May|June|April)\b", out), out


def test_a_month_that_may_be_the_person_is_kept_and_flagged(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    _people(cli, *MONTH_PEOPLE)
    add("We met on 3 May. From May 3 to 5 we were away. I rang May 12. 3 June was busy.",
        "--share")
    result, text = _export(cli, tmp_path)
    assert "We met on 3 May. From May 3 to 5 we were away. I rang May 12. 3 June was busy." in text
    named = " ".join(_checked(result.stderr))
    assert "May (" in named and "June (" in named, named


# 3. a reference number looks like one


@pytest.mark.parametrize(
    "text",
    [
        "reference: 3 times a week", "policy: 2 weeks notice", "claim: 3 times she lied",
        "incident: 2 hours at A&E", "Ref 3 of the notes", "ref 2pm meeting",
        "crime ref 3 mins ago", "reference 10 Downing", "ref 2026 times",
    ],
)
def test_counts_and_times_after_a_reference_cue_are_left(text: str) -> None:
    """Was: "reference: [reference] times a week"…"""
    assert Redactor()(text) == text


def test_reference_numbers_are_still_replaced() -> None:
    r = Redactor()
    assert r("Case no. 2026/1234, crime ref 24/123456, NI number QQ123456C, ref AB-1234, "
             "ticket no. 5544.") == (
        "Case no. [reference], crime ref [reference], NI number [reference], ref [reference], "
        "ticket no. [reference]."
    )


# 4. a handle written surname first, or with a doubled mark


def test_surname_first_and_doubled_marks_in_a_handle_are_replaced() -> None:
    r = Redactor([Person(n) for n in PEOPLE])
    assert r("Seen: walker_hope, turner.will, hope__walker, hope..walker, @walker_hope99.") == (
        "Seen: [person], [person], [person], [person], @[person]."
    )
    people = [Person(n) for n in PEOPLE]
    for name in ("walker_hope.md", "turner.will.md", "hope__walker.md", "hope..walker.md"):
        assert contains_name(name, people), name
    assert not contains_name("walked_home.md", people)


def test_a_surname_first_file_name_is_refused(cli: CLI, add: Add, tmp_path: Path) -> None:
    _people(cli, *PEOPLE)
    add("A quiet shift.", "--share")
    result = cli("export", "--yes", "-o", str(tmp_path / "walker_hope.md"))
    assert result.exit_code != 0
    assert "holds a name on the people list" in result.stderr
    assert not (tmp_path / "walker_hope.md").exists()
