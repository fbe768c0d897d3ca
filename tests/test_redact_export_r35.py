"""Round 35: "I hope Hope comes back" keeps the verb with Hope listed; "love is all you need"
and "his love was gone" keep the word with Sam Love listed (and the preview flags it), while
"love said no" and "love is upset" are still him; a summary counts a marker that hit an
unshared entry twice from its compact score; the export's name check reads each text once."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import CLI, compact_and_whole_summaries
from peerjournal.redact import Person, Redactor, lower_case_words, unlisted_capitalised
from test_redact_cli import people, shared, summary


def redacted(text: str, *names: str) -> str:
    return Redactor([Person(name) for name in names])(text)


def flagged(text: str, *names: str) -> list[str]:
    return [text[a:b] for a, b in unlisted_capitalised(text, names)]


# ---------------------------------------------------------------- "I hope Hope comes back"


@pytest.mark.parametrize(("text", "expected"), [
    ("I hope Hope comes back.", "I hope [person] comes back."),
    ("I really hope Hope is ok.", "I really hope [person] is ok."),
    ("We all hope HOPE gets the flat.", "We all hope [person] gets the flat."),
    ("They hope hope rings.", "They hope [person] rings."),
    ("Sam and I hope to go.", "Sam and I hope to go."),
])
def test_the_verb_after_i_we_or_they_is_kept_whatever_follows(text: str, expected: str) -> None:
    """Was: "I [person] [person] comes back": the verb went with the name after it."""
    assert redacted(text, "Hope") == expected


@pytest.mark.parametrize("text", [
    "hope rang me.", "I told hope about it.", "thank you hope.", "I gave it hope.",
    "I saw hope and Sam.", "Hope's mum came.", "you hope", "it hope",
])
def test_hope_is_still_her_where_no_such_subject_makes_it_the_verb(text: str) -> None:
    assert "hope" not in redacted(text, "Hope").casefold()


def test_the_verb_left_is_flagged_for_the_writer_to_check() -> None:
    assert flagged("I hope Hope comes back", "Hope") == ["hope", "Hope"]


def test_the_export_keeps_the_verb_and_replaces_the_name(cli: CLI) -> None:
    people(cli, "Hope")
    shared(cli, "I hope Hope comes back. We hope so.")
    data = summary(cli)
    assert data["shared_entries"][0]["experience"] == "I hope [person] comes back. We hope so."
    result = cli("export", "--yes", "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert "I hope [person] comes back. We hope so." in result.stdout
    assert "hope (" in result.stderr  # named among the words to check


# ---------------------------------------------------------------- "love" of Sam Love


@pytest.mark.parametrize("text", [
    "love is all you need", "with love", "With love, Mum", "love will find a way",
    "love has no limits", "his love was gone", "my love said no", "love is not enough",
    "love isn't everything", "I love it", "lots of love",
])
def test_love_in_lower_case_is_the_word_beside_sam_love(text: str) -> None:
    """Was: "[person] is all you need", "his [person] was gone"."""
    assert redacted(text, "Sam Love") == text


@pytest.mark.parametrize(("text", "expected"), [
    ("love said no", "[person] said no"),
    ("love was upset", "[person] was upset"),
    ("love is upset today", "[person] is upset today"),
    ("love is coming in later", "[person] is coming in later"),
    ("love isn't feeling well", "[person] isn't feeling well"),
    ("love will ring me", "[person] will ring me"),
    ("love can't make it", "[person] can't make it"),
    ("love is my mentee", "[person] is my mentee"),
    ("love is new", "[person] is new"),
    ("love is out today", "[person] is out today"),
    ("love is all over the place", "[person] is all over the place"),
    ("love is kind", "[person] is kind"),  # (said of a person as often)
    ("mr love is kind", "mr [person] is kind"),
    ("I spoke to love about it", "I spoke to [person] about it"),
    ("love's mum is kind", "[person]'s mum is kind"),
    ("love and sam came", "[person] and [person] came"),
    ("Love is all you need, said Sam Love.", "[person] is all you need, said [person]."),
    ("her love was upset", "her [person] was upset"),  # ("her": told her love…)
])
def test_love_is_still_him_where_the_sentence_makes_it_a_person(
    text: str, expected: str
) -> None:
    assert redacted(text, "Sam Love") == expected


def test_the_word_love_left_is_flagged_but_not_after_a_possessive() -> None:
    assert flagged("love is all you need", "Sam Love") == ["love"]
    assert flagged("with love", "Sam Love") == ["love"]
    assert flagged("his love was gone", "Sam Love") == []


def test_a_given_name_before_is_is_still_the_person() -> None:
    """Only a feeling that is no given name reads so: "grace is upset", "hope is kind" (of
    Hope Walker) are still her."""
    assert redacted("grace is kind", "Grace Hill") == "[person] is kind"
    assert redacted("hope is kind", "Hope Walker") == "[person] is kind"


# ---------------------------------------------------------------- compact marker counts


def test_a_marker_hit_twice_in_an_unshared_entry_counts_twice(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The compact scores give each marker once with the times it counted (no dict for each
    hit): the summary is the one the whole scores give."""
    text = ("I told him he should take his meds. Later I told her she should take her meds. "
            "I told them they should take their meds.")
    add(text, "--date", "2026-11-10")
    compact, whole = compact_and_whole_summaries(cli, monkeypatch)
    assert compact == whole
    counts = [(m["count"], m["entries"]) for m in compact["markers"]["drift"]]
    assert any(count > 1 and entries == 1 for count, entries in counts), counts


# ---------------------------------------------------------------- each text's words, kept


def test_the_lower_case_words_of_each_text_are_its_own() -> None:
    """Each text's words are kept once read: another text's never stand in for them."""
    assert "tender" in lower_case_words(["it was tender"])
    assert "tender" not in lower_case_words(["Tender."])
    assert lower_case_words(["it was tender", "walked home"]) == (
        lower_case_words(["it was tender"]) | lower_case_words(["walked home"])
    )
    assert flagged("Tender day. It was tender.") == []
    assert flagged("Tender day.") == ["Tender"]
    assert flagged("Tender day. It was tender.") == []
