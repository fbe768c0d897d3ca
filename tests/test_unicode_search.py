"""Search reads canonically equivalent text alike: a word typed with its accent apart (e and ´,
и and ˘, as macOS and some keyboards paste it) and the same word typed precomposed (é, й) find
each other, in every script, and the snippet shows the entry's own characters."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import CLI, alembic_config, search_hits
from peerjournal.db import engine
from peerjournal.db.searchfold import Unfolder, fold
from peerjournal.db.store import Filters, SearchHit, Store


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def add(store: Store, experience: str) -> int:
    from peerjournal.entry import EntryDraft

    draft = EntryDraft(date=date(2026, 11, 18), experience=experience)
    return store.add_entry(draft, datetime(2026, 11, 20, tzinfo=UTC))


WORDS = [
    "йти",  # Cyrillic short i: и and a combining breve
    "ёлка",  # Cyrillic yo: е and a combining diaeresis
    "ά",  # Greek alpha with tonos
    "ὦ",  # Greek with breathing and circumflex, three marks apart
    "한국",  # Hangul syllables, or their jamo one by one
    "José",  # Latin, as before
    "Ångström",
]


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize(("written_as", "searched_as"), [(nfc, nfd), (nfd, nfc)])
def test_a_word_typed_with_its_accents_apart_finds_it_precomposed_and_back(
        cli: CLI, store: Store, word: str, written_as: Any, searched_as: Any) -> None:
    written, searched = written_as(word), searched_as(word)
    assert written != searched
    entry_id = add(store, f"Today {written} came up again.")
    add(store, "Nothing to see here.")
    [hit] = search_hits(cli, searched)
    assert hit["id"] == entry_id
    assert hit["matches"] == [written]  # the writer's own characters, not the search's
    assert hit["snippet"] == f"Today {written} came up again."


def test_a_letter_with_an_accent_is_still_not_its_plain_letter_outside_latin(
        cli: CLI, store: Store) -> None:
    """й is a letter of its own in Russian (мой, мои): canonical equivalence joins only the
    spellings of the same letter. Latin stays accent-blind, as it was."""
    add(store, f"{nfd('мой')} день")
    add(store, "мои дни")
    assert [h["matches"] for h in search_hits(cli, "мой")] == [[nfd("мой")]]
    assert [h["matches"] for h in search_hits(cli, "мои")] == [["мои"]]
    add(store, nfd("café"))
    assert [h["matches"] for h in search_hits(cli, "cafe")] == [[nfd("café")]]


def test_a_devanagari_letter_with_nukta_finds_it_typed_apart_and_back(cli: CLI,
                                                                     store: Store) -> None:
    """क़ (U+0958) is canonically क and the nukta ़ (NFC keeps them apart, as NFD does)."""
    one, apart = "\u0958लम", "\u0915\u093cलम"
    first, second = add(store, f"A {one} here."), add(store, f"A {apart} there.")
    for query in (one, apart):
        assert sorted(h["id"] for h in search_hits(cli, query)) == [first, second]
    [hit] = search_hits(cli, f"{one} here")
    assert hit["snippet"].startswith(f"A {one} here")


def test_pasted_hangul_jamo_are_found_by_the_syllables(cli: CLI, store: Store) -> None:
    jamo = "\u1112\u1161\u11ab\u1100\u116e\u11a8"  # 한국 typed one jamo at a time
    assert nfc(jamo) == "한국"
    add(store, f"Met {jamo} students.")
    [hit] = search_hits(cli, "한국")
    assert hit["matches"] == [jamo]


# -- the property -----------------------------------------------------------------------------

bases = st.sampled_from("aeiouncAEOUNCиеоуаИЕУαεηιουωΑΕΩкКᄀᄒकखग")
marks = st.sampled_from("\u0300\u0301\u0302\u0303\u0306\u0308\u030a\u0313\u0314\u0323\u0327"
                        "\u0342\u0345\u093c\u0941\u1161\u116e\u11a8\u11ab")
grapheme = st.tuples(bases, st.lists(marks, max_size=3)).map(lambda t: t[0] + "".join(t[1]))
word = st.lists(grapheme, min_size=1, max_size=5).map("".join)
text = st.lists(word | st.sampled_from(["the", "Straße", "ﬁrst", "ΟΔΟΣ"]), min_size=1,
                max_size=6)


@settings(max_examples=300, deadline=None)
@given(words=text, start=st.integers(0, 5), size=st.integers(1, 6))
def test_any_run_of_words_folds_alike_in_nfc_and_nfd(words: list[str], start: int,
                                                    size: int) -> None:
    whole, part = " ".join(words), " ".join(words[start : start + size])
    assume(part)
    assert fold(nfc(whole)) == fold(nfd(whole))
    assert fold(nfd(part)) in fold(nfc(whole))
    assert fold(nfc(part)) in fold(nfd(whole))
    for form in (nfc(whole), nfd(whole), whole):  # and the snippet maps back onto each
        assert Unfolder(form).folded_length == len(fold(form))


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=text, start=st.integers(0, 5), size=st.integers(1, 3))
def test_search_for_any_words_of_an_entry_in_nfd_finds_it_in_nfc_and_back(
        store: Store, words: list[str], start: int, size: int) -> None:
    part = words[start : start + size]
    assume(part)
    for written_as, searched_as in ((nfc, nfd), (nfd, nfc)):
        entry_id = add(store, written_as(" ".join(words)))
        query = " ".join(f'"{searched_as(w)}"' for w in part)
        found = [h for h in store.search(query, Filters()) if h.entry.id == entry_id]
        readable = store.search(" ".join(f'"{written_as(w)}"' for w in part), Filters())
        if not any(h.entry.id == entry_id for h in readable):
            continue  # words the tokenizer reads as no word at all (only marks)
        [hit] = found
        marked = hit.snippet.replace(SearchHit.START, "").replace(SearchHit.END, "")
        assert marked == written_as(" ".join(words))  # shown as written


# -- a journal folded before revision 0008 ---------------------------------------------------

STAMP = "2026-11-01T10:00:00+00:00"


def _fold_before_0008(text: str) -> str:
    """What searchfold.fold made of `text` before NFC (each character folded alone)."""
    import re

    def one(ch: str) -> str:
        if "\u0300" <= ch <= "\u036f" and ch != "\u0345":
            return ""
        return ch.casefold()

    return re.sub(r"[^\x00-\x7f]", lambda m: one(m[0]), text)


def test_a_journal_folded_before_nfc_is_folded_again(cli: CLI, isolated: Path) -> None:
    from alembic import command

    path = isolated / "journal.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(path), "0007")
    written = unicodedata.normalize("NFD", "Пошли йти на ёлку")  # as macOS pastes it
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO entry (created_at, updated_at, date, experience, experience_folded, "
            "feelings, answers, answers_text) VALUES (?, ?, ?, ?, ?, '', '{}', '')",
            (STAMP, STAMP, "2026-11-01", written, _fold_before_0008(written)))
        conn.execute("INSERT INTO entry (created_at, updated_at, date, experience, feelings, "
                     "answers, answers_text) VALUES (?, ?, '2026-11-02', 'Plain', '', '{}', '')",
                     (STAMP, STAMP))
        assert conn.execute("SELECT rowid FROM entry_fts WHERE entry_fts MATCH 'йти'"
                            ).fetchall() == []  # the defect
    result = cli("search", "--json", "йти")  # opening it upgrades it
    assert result.exit_code == 0, result.stderr
    [hit] = json.loads(result.stdout)
    assert hit["matches"] == [unicodedata.normalize("NFD", "йти")]
    with sqlite3.connect(path) as conn:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        assert revision == (engine.HEAD_REVISION,)
        assert conn.execute("SELECT experience, experience_folded FROM entry ORDER BY id"
                            ).fetchall() == [(written, "пошли йти на ёлку"), ("Plain", None)]
        conn.execute("INSERT INTO entry_fts(entry_fts, rank) VALUES ('integrity-check', 1)")
