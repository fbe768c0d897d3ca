"""Round 37 (redaction): "helped rose up the stairs" is her (not "rose to the occasion"); a
list of seasons ("Summer, winter and I") is no list of people; a name typed with a slip
owning something ("siobahn's mum") is replaced in either case, and "kerris mum" flagged as
"Kerris mum" is; a link's trailing comma or full stop is kept outside "[link]"; intensifiers
opening a sentence ("Pretty tired.") are not flagged as names; the bare-vowel groups are
named; and export says truly what a damaged journal's summary would leave out."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest

from conftest import CLI
from peerjournal import redact
from peerjournal.cli.export import _what_damage_leaves_out
from peerjournal.db.store import Store
from peerjournal.redact import Person, Redactor, misspelt_names, unlisted_capitalised
from test_damage_r34 import Add, _tagged_entries
from test_store_r34 import said


def redacted(text: str, *names: str) -> str:
    return Redactor(people=[Person(name) for name in names])(text)


# ------------------------------------------------------------ 1. helped someone somewhere


@pytest.mark.parametrize("text", [
    "I helped rose up the stairs", "I helped rose into the car", "I helped rose down from the bus",
    "I helped rose up.", "I helped rose upstairs",
])
def test_a_part_helped_somewhere_is_the_person(text: str) -> None:
    """Was: kept ("up" is none of the words after "helped" that make a person)."""
    assert "rose" not in redacted(text, "Rose Smith")
    assert "[person]" in redacted(text, "Rose Smith")


@pytest.mark.parametrize("text", [
    "I helped rose to the occasion", "The team I helped rose to the occasion",
    "The people I helped rose up in protest", "The crowd I helped rose to the challenge",
])
def test_the_verb_after_helped_is_kept(text: str) -> None:
    """"rose to the occasion" was replaced (after "helped", "to" makes a person); the idiom,
    and "rose up" going on with no place, are the verb."""
    assert redacted(text, "Rose Smith") == text


def test_a_listed_rose_alone_keeps_the_idiom_and_others_are_still_helped() -> None:
    assert redacted("she rose to the occasion", "Rose") == "she rose to the occasion"
    assert redacted("I helped grace up the stairs", "Grace Hill") == (
        "I helped [person] up the stairs")
    assert redacted("I helped grace move", "Grace Hill") == "I helped [person] move"
    assert redacted("I helped rose to the car", "Rose Smith") == "I helped [person] to the car"


# ------------------------------------------------------------------ 2. a list of seasons


@pytest.mark.parametrize(("text", "names"), [
    ("Summer, winter and I", ("Summer",)),
    ("summer, winter and I", ("Summer",)),
    ("so summer, winter and I went", ("Summer Jones",)),
    ("so grace, anger and I sat there", ("Grace Hill",)),
    ("so grace, monday and I", ("Grace Hill",)),
])
def test_a_list_holding_an_everyday_word_is_no_list_of_people(
    text: str, names: tuple[str, ...]
) -> None:
    """Was: the first replaced (as "grace, frank and I had tea" is)."""
    assert redacted(text, *names) == text


@pytest.mark.parametrize(("text", "expected", "names"), [
    ("Summer, Tom and I went", "[person], Tom and I went", ("Summer",)),
    ("so grace, frank and I had tea", "so [person], [person] and I had tea",
     ("Grace Hill", "Frank Miller")),
    ("so summer, tom and I went", "so [person], tom and I went", ("Summer Jones",)),
    ("Summer and I went", "[person] and I went", ("Summer",)),
])
def test_a_list_of_people_is_still_replaced(
    text: str, expected: str, names: tuple[str, ...]
) -> None:
    assert redacted(text, *names) == expected


# ----------------------------------------------------- 3. a misspelling owning something


@pytest.mark.parametrize("text", [
    "I saw siobahn's mum.", "I saw Siobahn's mum.", "siobhann's mum rang.",
    "Siobhann's mum rang.", "I saw kerri's mum.", "I saw Kerri's mum.",
])
def test_a_misspelt_name_owning_something_is_replaced_in_either_case(text: str) -> None:
    """Was: "siobahn's" (a slip of the keys) kept in either case, only flagged; "kerri's"
    (spelt otherwise) replaced. Owning something, each is a person."""
    out = redacted(text, "Siobhan Kelly", "Kerry")
    assert "[person]'s mum" in out and not re.search(r"(?i)siob|kerr", out)


def test_the_same_slip_elsewhere_in_the_text_goes_too() -> None:
    out = redacted("Siobahn's mum rang. siobahn was there.", "Siobhan Kelly")
    assert out == "[person]'s mum rang. [person] was there."


def test_an_everyday_word_owning_something_after_an_article_is_kept() -> None:
    assert redacted("the cooker's door", "Cooke") == "the cooker's door"


def test_a_misspelling_owning_without_its_apostrophe_is_flagged_in_either_case() -> None:
    """Was: "Kerris mum" flagged (a capitalised word), "kerris mum" not at all."""
    names = ["Kerry", "Siobhan Kelly"]
    for text, word in (("I saw kerris mum", "kerris"), ("I saw siobahns mum", "siobahns")):
        assert [text[a:b] for a, b in misspelt_names(text, names)] == [word]
    assert [t[a:b] for t in ["I saw Kerris mum"]
            for a, b in unlisted_capitalised(t, names)] == ["Kerris"]


# ----------------------------------------------------------------- 4. a link's punctuation


@pytest.mark.parametrize(("text", "expected"), [
    ("See https://example.com/a, then go.", "See [link], then go."),
    ("See https://example.com/a. Then go.", "See [link]. Then go."),
    ("See https://example.com/a?x=1&y=2.", "See [link]."),
    ("see www.nhs.uk/x, ok", "see [link], ok"),
    ("see example.com/a/; ok", "see [link]; ok"),
    ("(https://a.org/wiki/Foo_(bar)).", "([link])."),
    ("https://x.org/a.pdf", "[link]"),
    ("https://x.org/a!? yes", "[link]!? yes"),
])
def test_a_links_trailing_punctuation_stays_outside(text: str, expected: str) -> None:
    """Was: "See [link] then go." (the comma taken into the replacement)."""
    assert redacted(text) == expected


# ------------------------------------------------------------ 5. intensifiers as openers


@pytest.mark.parametrize("word", ["Pretty", "Super", "Kinda", "Bloody", "Dead", "Totally"])
def test_an_intensifier_opening_a_sentence_is_not_flagged(word: str) -> None:
    """Was: "Pretty tired today." flagged "Pretty" ("tired" read as a person's verb)."""
    text = f"{word} tired today. {word} exhausted."
    assert unlisted_capitalised(text, ["Sam Jones"]) == []


def test_an_intensifier_is_flagged_where_listed_or_a_person() -> None:
    text = "Pretty rang me."
    assert [text[a:b] for a, b in unlisted_capitalised(text, ["Sam Jones"])] == ["Pretty"]
    text = "Pretty tired today."
    assert [text[a:b] for a, b in unlisted_capitalised(text, ["Pretty Jones"])] == ["Pretty"]


# -------------------------------------------------------------- 7. named bare-vowel groups


def test_the_bare_vowel_groups_are_named_and_still_read() -> None:
    regex, _ = redact._compile_names([Person("Hans Mueller"), Person("Baer")], bare=True)
    assert regex is not None
    assert regex.groups == len(regex.groupindex)  # every group named
    assert redacted("Muller rang. I met Muller. Bär came.", "Hans Mueller", "Baer") == (
        "[person] rang. I met [person]. [person] came.")
    assert redacted("the bull. Bar none.", "Hans Mueller", "Baer") == "the bull. Bar none."


# --------------------------------------------------------- 6. export of a damaged journal


def _tags_damaged(add: Add, isolated: Path) -> Path:
    """The journal of `_tagged_entries` with a leaf of the tags table and of its index
    overwritten (as tests/test_damage_r35.py): some entries' tags cannot be read."""
    _, path = _tagged_entries(add, isolated)
    conn = sqlite3.connect(path)
    pages = [
        [page for (page,) in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (name,))][1]
        for name in ("entry_tag", "sqlite_autoindex_entry_tag_1")
    ]
    conn.close()
    with path.open("r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * 4096)
            handle.write(b"\xff" * 4096)
    return path


def test_a_summary_of_entries_whose_tags_are_lost_is_refused_in_true_words(
    cli: CLI, add: Add, isolated: Path, tmp_path: Path
) -> None:
    """Was: "it would leave out entries that cannot be read", and the store's "could not
    tell whether they belong in what it shows": their text can be read; their tags cannot."""
    path = _tags_damaged(add, isolated)
    out = tmp_path / "summary.md"
    result = cli("export", "--yes", "--output", str(out))
    assert result.exit_code == 4 and not out.exists()
    message = said(result.stderr)
    assert message.startswith("peerjournal: No summary was written: it would show entries "
                              "without their tags, without saying so: the tags of entries ")
    assert (f"of the journal at {path} cannot be read (the file is damaged there), though "
            "their text can.") in message
    assert "leave out" not in message and "could not tell" not in message
    assert message.endswith("`peerjournal export --full` saves the entries that can still be "
                            "read; keep the damaged file as it is.")
    assert "Traceback" not in result.stderr


def test_the_damage_is_said_in_exports_words_whatever_was_lost() -> None:
    """Entries lost, some of them with IDs unread, and tags lost, each said as what the
    summary would lack."""
    store = cast(Store, SimpleNamespace(lost={3, 4}, unnamed_lost=2, tags_lost={7}, path="/j.db"))
    assert _what_damage_leaves_out(store) == (
        "it would leave out entries that cannot be read, without saying so. Entries 3 and 4, "
        "and 2 more (their IDs cannot be read either), of the journal at /j.db cannot be read "
        "(the file is damaged there), so a summary of this period would be incomplete. It "
        "would show entries without their tags, without saying so: the tags of entry 7 of the "
        "journal at /j.db cannot be read (the file is damaged there), though their text can."
    )
    store = cast(Store, SimpleNamespace(lost=set(), unnamed_lost=1, tags_lost=set(), path="/j"))
    assert _what_damage_leaves_out(store).endswith(
        "1 entry (its ID cannot be read) of the journal at /j cannot be read (the file is "
        "damaged there), so a summary of this period would be incomplete.")
