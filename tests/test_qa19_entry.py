"""QA round 19: tags and settings as typed (accents, commas, empty filters) and text that is
only invisible characters."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CLI, without_kept_draft
from peerjournal.entry import normalise_tag
from peerjournal.errors import PeerJournalError

Add = Callable[..., int]
CAFE_DECOMPOSED = "cafe\u0301"  # e and a combining acute accent, as some keyboards send é
NAIVE_DECOMPOSED = "nai\u0308ve"
INVISIBLE = ["\u200b", "\ufeff", "\u2060", " \u200b\ufeff\n\u200e "]


def as_json(cli: CLI, *args: str) -> Any:
    result = cli(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def stored_tags(cli: CLI, entry_id: int) -> list[str]:
    return list(as_json(cli, "show", str(entry_id))["tags"])


# -- 1. accents typed as combining marks -----------------------------------------------------


def test_tags_typed_with_combining_accents_keep_them(cli: CLI, add: Add) -> None:
    """Was: 'café' typed as e + U+0301 was stored as 'cafe', 'naïve' as 'nai-ve'."""
    entry_id = add("We met at the café.", "-t", CAFE_DECOMPOSED, "-t", NAIVE_DECOMPOSED)
    assert stored_tags(cli, entry_id) == ["café", "naïve"]  # composed: one character each
    assert as_json(cli, "tags") == [{"tag": "café", "entries": 1}, {"tag": "naïve", "entries": 1}]
    # the same tag typed either way selects the entry
    for typed in ("café", CAFE_DECOMPOSED, "CAFE\u0301"):
        assert [e["id"] for e in as_json(cli, "list", "--tag", typed)] == [entry_id]


@pytest.mark.parametrize("word", ["हिन्दी", "தமிழ்", "naïve"])
def test_marks_that_have_no_composed_form_stay_in_the_word(cli: CLI, add: Add, word: str) -> None:
    """Was: 'हिन्दी' became 'ह-न-द': vowel signs and viramas were read as separators."""
    entry_id = add("A group in two languages.", "--tag", unicodedata.normalize("NFD", word))
    assert stored_tags(cli, entry_id) == [word]


def test_a_setting_typed_with_a_combining_accent_is_stored_composed(cli: CLI, add: Add) -> None:
    entry_id = add("Coffee and a chat.", "--setting", "Cafe\u0301")
    assert as_json(cli, "show", str(entry_id))["setting"] == "Café"
    assert [e["id"] for e in as_json(cli, "list", "--setting", "café")] == [entry_id]


# -- 2. a comma separates tags on the command line, as at the prompt and in a header ----------


def test_write_tag_with_a_comma_is_two_tags(cli: CLI, add: Add) -> None:
    """Was: `write -t handover,advocacy` stored the one tag 'handover-advocacy'."""
    entry_id = add("At handover I spoke up for Sam.", "-t", "handover,advocacy",
                   "--tag", "Hard day, housing office,")
    assert stored_tags(cli, entry_id) == ["advocacy", "handover", "hard-day", "housing-office"]


def test_edit_tag_with_a_comma_replaces_with_both_and_empty_still_clears(
    cli: CLI, add: Add
) -> None:
    entry_id = add("We walked to the housing office.", "--tag", "walk")
    result = cli("edit", str(entry_id), "--tag", "housing, advocacy")
    assert result.exit_code == 0, result.stderr
    assert stored_tags(cli, entry_id) == ["advocacy", "housing"]
    result = cli("edit", str(entry_id), "--tag", "")
    assert result.exit_code == 0, result.stderr
    assert stored_tags(cli, entry_id) == []


def test_tag_filters_with_a_comma_need_both_tags(cli: CLI, add: Add) -> None:
    both = add("At handover I spoke up for Sam.", "-t", "handover", "-t", "advocacy")
    add("A quiet handover.", "-t", "handover")
    assert [e["id"] for e in as_json(cli, "list", "--tag", "handover,advocacy")] == [both]
    hits = as_json(cli, "search", "handover", "--tag", "advocacy, handover")
    assert [h["id"] for h in hits] == [both]
    report = as_json(cli, "report", "--tag", "handover,advocacy")
    assert report["totals"]["entries"] == 1
    assert report["filters"]["tags"] == ["advocacy", "handover"]


@pytest.mark.parametrize("tag", [",", " , ", "/", ".", "+", "_", "#"])
def test_a_tag_with_no_letter_or_number_is_refused(cli: CLI, tag: str) -> None:
    """Was: '/', '.', '+' and '_' were stored as tags, though the error says a tag needs a
    letter or number."""
    result = cli("write", "-x", "We talked.", "--tag", tag)
    assert result.exit_code == 1
    assert without_kept_draft(result.stderr) == (
        f"peerjournal: Not a usable tag: {tag!r} (a tag needs at least one letter or number).\n"
    )
    assert as_json(cli, "list") == []


def test_spaces_around_a_hyphen_make_one_hyphen(cli: CLI, add: Add) -> None:
    """Was: 'hard day - housing' became 'hard-day---housing'."""
    entry_id = add("We talked.", "--tag", "hard day - housing", "--tag", "- night -")
    assert stored_tags(cli, entry_id) == ["hard-day-housing", "night"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aéE\u0301\u0308\u093f\u094d हि-_/., #@İ"), max_size=12))
def test_tag_normalisation_is_idempotent_with_marks(raw: str) -> None:
    try:
        tag = normalise_tag(raw)
    except PeerJournalError:
        return
    assert normalise_tag(tag) == tag
    assert tag == unicodedata.normalize("NFC", tag) and " " not in tag and "," not in tag
    assert any(ch.isalnum() for ch in tag)


# -- 3. an empty --setting is an error, as an empty --tag is ----------------------------------


@pytest.mark.parametrize("command", [["list"], ["search", "talked"], ["report"]])
@pytest.mark.parametrize("setting", ["", "  ", "\u200b"])
def test_an_empty_setting_filter_is_an_error(
    cli: CLI, add: Add, command: list[str], setting: str
) -> None:
    """Was: `list --setting ''` and `report --setting ''` listed every entry, unfiltered."""
    add("We talked about the week.", "--setting", "crisis")
    result = cli(*command, "--setting", setting)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"peerjournal: Not a usable setting: {setting!r} (name one, or `--setting unspecified` "
        "for entries without a setting).\n"
    )


def test_the_setting_filter_still_selects_and_unspecified_still_works(cli: CLI, add: Add) -> None:
    crisis = add("We talked about the week.", "--setting", "Crisis  team")
    none = add("We talked on the bus.")
    assert [e["id"] for e in as_json(cli, "list", "--setting", " crisis team ")] == [crisis]
    assert [e["id"] for e in as_json(cli, "list", "--setting", "unspecified")] == [none]
    report = as_json(cli, "report", "--setting", " crisis   team ")
    assert report["totals"]["entries"] == 1 and report["filters"]["setting"] == "crisis team"


# -- 4. text with nothing visible in it is empty ---------------------------------------------


@pytest.mark.parametrize("text", INVISIBLE)
def test_drift_of_invisible_text_has_nothing_to_score(cli: CLI, text: str) -> None:
    """Was: a zero-width space or a BOM alone was scored: "Not enough signal"."""
    result = cli("drift", "--text", text)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "peerjournal: Nothing to score: --text is empty.\n"


@pytest.mark.parametrize("text", INVISIBLE)
def test_write_of_invisible_text_is_the_empty_entry_error(cli: CLI, text: str) -> None:
    result = cli("write", "-x", text)
    assert result.exit_code == 1
    assert result.stderr == (
        "peerjournal: The experience is empty: write at least a line about what happened.\n"
    )
    assert as_json(cli, "list") == []


def test_invisible_parts_and_setting_are_stored_empty(cli: CLI, add: Add) -> None:
    entry_id = add("We talked.", "--feelings", "\ufeff", "--setting", "\u200b",
                   "--self-care", "\u2060")
    shown = as_json(cli, "show", str(entry_id))
    assert (shown["feelings"], shown["setting"], shown["self_care"]) == ("", "", "")
    assert [e["id"] for e in as_json(cli, "list", "--setting", "unspecified")] == [entry_id]


def test_visible_text_around_invisible_characters_is_kept(cli: CLI, add: Add) -> None:
    entry_id = add("We talked\u200b at length.")
    assert as_json(cli, "show", str(entry_id))["experience"] == "We talked\u200b at length."


# -- 5. the UTF-8 error reads naturally after a prefix ---------------------------------------


def test_a_note_that_is_not_utf8_reads_naturally(cli: CLI) -> None:
    """Was: "--note: The text is not UTF-8 …", a capital after the prefix. Round 36: bytes
    on the command line are read as Windows-1252 (as write -x's are), said in one line."""
    result = cli("supervision", "done", "--note", "Talked \udcff about handovers")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(
        "The text given on the command line is not UTF-8: it was read as Windows-1252 (Latin-1)"
        ", so letters such as é are kept; check they read as you meant.\n"
    )
    [done] = as_json(cli, "supervision", "history")["supervisions"]
    assert done["note"] == "Talked ÿ about handovers"
