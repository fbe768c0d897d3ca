"""Search reads combining marks as parts of words (revision 0009): in Devanagari, Bengali, Tamil
and the other Indic scripts a word is found whole, not as its consonants one by one ("किताब"
no longer finds "कुतुब"); Arabic and Hebrew words are found with or without their vowel
points; Latin stays accent-blind."""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CLI, alembic_config, fts_integrity_check, search_hits
from peerjournal.db import engine
from peerjournal.db.searchfold import TOKENIZER, Unfolder, fold
from peerjournal.db.store import Filters, SearchHit, Store

OLD_TOKENIZER = "porter unicode61 remove_diacritics 2"  # revisions 0001-0008


def write(cli: CLI, text: str) -> int:
    result = cli("write", "--experience", text)
    assert result.exit_code == 0, result.stderr
    return int(result.stdout.strip())


def words(tokenizer: str, text: str) -> list[str]:
    """The words `tokenizer` reads in `text`, in order."""
    conn = sqlite3.connect(":memory:")
    quoted = tokenizer.replace("'", "''")
    conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{quoted}')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    conn.execute("INSERT INTO t(x) VALUES (?)", (text,))
    found = [row[0] for row in conn.execute("SELECT term FROM v ORDER BY offset")]
    conn.close()
    return found


def old_index_finds(text: str, word: str) -> bool:
    """Whether the index of revisions 0001-0008 found `word` in `text`."""
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{OLD_TOKENIZER}')")
    conn.execute("INSERT INTO t(x) VALUES (?)", (fold(text),))
    found = conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (f'"{fold(word)}"',))
    return bool(found.fetchone()[0])


# -- a word is found whole -------------------------------------------------------------------

LOOKALIKES = [
    # (a word, in an entry; another word, of the same consonants, in another entry)
    ("किताब", "आज किताब पढ़ी", "कुतुब", "कुतुब मीनार देखी"),  # Hindi: book; Qutub (Minar)
    ("दिन", "आज का दिन अच्छा था", "दुनिया", "दुनिया बदल गई"),  # Hindi: day; world
    ("দিন", "আজ দিন ভালো ছিল", "দুনিয়া", "দুনিয়া বদলে গেছে"),  # Bengali: day; world
    ("கொடு", "பணம் கொடு என்றார்", "கேடு", "இது பெரிய கேடு"),  # Tamil: give; harm
]


@pytest.mark.parametrize(("word", "entry", "other_word", "other_entry"), LOOKALIKES)
def test_an_indic_word_finds_only_itself(cli: CLI, word: str, entry: str, other_word: str,
                                         other_entry: str) -> None:
    # the defect: the old tokenizer read a word as its consonants, found in the other word
    assert old_index_finds(other_entry, word)
    first, second = write(cli, entry), write(cli, other_entry)
    [hit] = search_hits(cli, word)
    assert (hit["id"], hit["matches"], hit["snippet"]) == (first, [word], entry)
    [hit] = search_hits(cli, other_word)
    assert (hit["id"], hit["matches"]) == (second, [other_word])


def test_a_hindi_word_written_with_a_nukta_apart_is_still_found(cli: CLI) -> None:
    """पढ़ी: ढ़ (U+095D) is ढ and a nukta, typed either way."""
    whole = "आज किताब \u095dी"  # (NFC writes U+095D apart, as most keyboards do)
    entry_id = write(cli, whole)
    apart = unicodedata.normalize("NFC", "\u095dी")
    assert apart != "\u095dी"
    assert [h["id"] for h in search_hits(cli, apart)] == [entry_id]
    assert [h["id"] for h in search_hits(cli, "\u095dी")] == [entry_id]
    assert search_hits(cli, "ढी") == []  # without the nukta: another letter


def test_prefixes_and_phrases_in_devanagari(cli: CLI) -> None:
    book = write(cli, "आज किताब पढ़ी")
    write(cli, "कुतुब मीनार देखी")
    assert [h["id"] for h in search_hits(cli, "कित*")] == [book]
    assert [h["id"] for h in search_hits(cli, '"किताब पढ़ी"')] == [book]
    assert search_hits(cli, '"पढ़ी किताब"') == []


def test_a_devanagari_and_an_arabic_search_highlight_the_words_as_written(
        cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    reverse, reset = "\x1b[1;7m", "\x1b[0m"
    write(cli, "आज किताब पढ़ी, कुतुब नहीं")
    write(cli, "قرأت كِتَابًا جميلا اليوم")
    shown = cli("search", "किताब").stdout
    assert f"आज {reverse}किताब{reset} पढ़ी, कुतुब नहीं" in shown
    assert shown.count(reverse) == 1
    shown = cli("search", "كتابا").stdout  # without the harakat: the writer's word is shown
    assert f"قرأت {reverse}كِتَابًا{reset} جميلا اليوم" in shown
    assert shown.count(reverse) == 1


# -- vowel points a writer may leave out -------------------------------------------------------

POINTED = [
    # (with its vowel points, without them)
    ("كِتَابًا", "كتابا"),  # Arabic: a book (fatha, kasra, tanwin)
    ("مُدَرِّس", "مدرس"),  # Arabic: a teacher (damma, fatha, shadda, kasra)
    ("هٰذا", "هذا"),  # Arabic: this (superscript alef)
    ("סֵפֶר", "ספר"),  # Hebrew: a book (niqqud)
    ("שָׁלוֹם", "שלום"),  # Hebrew: peace (shin dot, qamats, holam)
]


@pytest.mark.parametrize(("pointed", "plain"), POINTED)
@pytest.mark.parametrize("written_pointed", [True, False])
def test_a_word_is_found_with_or_without_its_vowel_points(cli: CLI, pointed: str, plain: str,
                                                         written_pointed: bool) -> None:
    written, searched = (pointed, plain) if written_pointed else (plain, pointed)
    entry_id = write(cli, f"اليوم {written} هنا")
    write(cli, "Nothing to see here.")
    [hit] = search_hits(cli, searched)
    assert (hit["id"], hit["matches"]) == (entry_id, [written])
    assert hit["snippet"] == f"اليوم {written} هنا"


def test_the_hamza_and_madda_stay_letters(cli: CLI) -> None:
    """أ and آ are letters of their own (NFC writes them so), not points left out."""
    write(cli, "سأل")  # asked
    assert search_hits(cli, "سال") == []  # (flowed)
    assert [h["matches"] for h in search_hits(cli, "سأل")] == [["سأل"]]


def test_latin_stays_accent_blind(cli: CLI) -> None:
    first = write(cli, "Un café ce matin, naïve.")
    second = write(cli, "CAFÉ NOIR")
    assert sorted(h["id"] for h in search_hits(cli, "cafe")) == [first, second]
    assert [h["matches"] for h in search_hits(cli, "naive")] == [["naïve"]]
    assert sorted(h["id"] for h in search_hits(cli, "CAFÉ")) == [first, second]


def test_an_emoji_variation_selector_is_not_a_word(cli: CLI) -> None:
    """❤️ is ❤ and a variation selector (a mark): read as a word, it would find every entry
    with such an emoji; folded away, an emoji is no word, as before."""
    write(cli, "Felt ❤️ calm")
    day = write(cli, "A ☺️ day")
    assert words(TOKENIZER, fold("Felt ❤️ calm ☺️ 1️⃣")) == ["felt", "calm", "1"]
    result = cli("search", "❤️")
    assert (result.exit_code, result.stdout) == (1, "")
    assert "Nothing to search for" in result.stderr
    assert [h["id"] for h in search_hits(cli, "☺️ day")] == [day]


# -- every mark -------------------------------------------------------------------------------

MARKS = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c))[0] == "M"]


def test_every_mark_in_a_word_reads_alike_in_every_case() -> None:
    """The module's claim, for the marks that now join words: "a", a mark in any case form,
    "b" fold to texts the tokenizer reads alike."""
    conn = sqlite3.connect(":memory:")
    quoted = TOKENIZER.replace("'", "''")
    conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{quoted}')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    forms = (str, str.upper, str.lower, str.title, str.casefold)
    conn.executemany("INSERT INTO t(rowid, x) VALUES (?, ?)",
                     [(n * len(forms) + k, fold(f"a{form(mark)}b"))
                      for n, mark in enumerate(MARKS) for k, form in enumerate(forms)])
    read: dict[int, list[str]] = {}
    for term, doc in conn.execute("SELECT term, doc FROM v ORDER BY doc, offset"):
        read.setdefault(doc, []).append(term)
    differ = [mark for n, mark in enumerate(MARKS)
              if len({tuple(read.get(n * len(forms) + k, [])) for k in range(len(forms))}) > 1]
    assert differ == []


def test_marks_fold_keeps_join_the_letters_around_them() -> None:
    """Vowel signs, viramas, nuktas, anusvaras: one word with the letters around them."""
    for mark in "\u093f\u0941\u094d\u093c\u0902\u09bf\u09cd\u0bcd\u0bca\u0e31\u0345":
        assert fold(f"क{mark}ब") == f"क{mark}ब".casefold()
        assert len(words(TOKENIZER, fold(f"क{mark}ब"))) == 1, hex(ord(mark))
    for mark in "\u064e\u0651\u0670\u05b8\u05c1\u0591\u1dc0\u20dd\ufe0f\U000e0100\u0301":
        assert fold(f"क{mark}ब") == "कब", hex(ord(mark))


# Words of the scripts above, each letter with up to three marks: the Indic marks fold keeps,
# and the points it drops.
def _script_word(letters: str, marks: str) -> st.SearchStrategy[str]:
    letter = st.tuples(st.sampled_from(letters), st.lists(st.sampled_from(marks), max_size=3))
    return st.lists(letter.map(lambda t: t[0] + "".join(t[1])), min_size=1, max_size=4).map(
        "".join)


INDIC_MARKS = "\u093f\u0941\u094d\u093c\u0902\u09bf\u09cd\u09bc\u0bcd\u0bca\u0bbe"
POINTS = "\u064b\u064e\u064f\u0650\u0651\u0652\u0654\u0670\u05b8\u05bc\u05c1\u05b4"
script_word = _script_word("कतबदनমনদতகடபஅ", INDIC_MARKS) | _script_word("كتبدرسאבשספ", POINTS)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(script_word, min_size=1, max_size=6).map(" ".join))
def test_each_folded_position_maps_back_in_these_scripts(text: str) -> None:
    """(In text NFC changes, a position inside a stretch it changes maps to the stretch's
    start: tested in NFC, and the length in every form.)"""
    for form in (text, unicodedata.normalize("NFD", text)):
        assert Unfolder(form).folded_length == len(fold(form))
    text = unicodedata.normalize("NFC", text)
    unfolder = Unfolder(text)
    before = [len(fold(text[:n])) for n in range(len(text) + 1)]
    for pos in range(len(fold(text)) + 1):
        n = unfolder.index(pos)
        assert before[n] <= pos and (n == len(text) or before[n + 1] > pos)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entry=st.lists(script_word, min_size=1, max_size=5), at=st.integers(0, 4))
def test_a_word_of_an_entry_finds_it_and_shows_it_as_written(store: Store, entry: list[str],
                                                            at: int) -> None:
    from datetime import UTC, date, datetime

    from peerjournal.entry import EntryDraft

    word = entry[at % len(entry)]
    text = " ".join(entry)
    draft = EntryDraft(date=date(2026, 11, 18), experience=text)
    entry_id = store.add_entry(draft, datetime(2026, 11, 20, tzinfo=UTC))
    for query in (word, unicodedata.normalize("NFD", word), fold(word)):
        # (no limit: the store keeps every example's entry, and a common word's 21st is cut)
        found = store.search(f'"{query}"', Filters(limit=None))
        [hit] = [h for h in found if h.entry.id == entry_id]
        assert hit.snippet.replace(SearchHit.START, "").replace(SearchHit.END, "") == text


# -- a journal made before revision 0009 -------------------------------------------------------

STAMP = "2026-11-01T10:00:00+00:00"
OLD_ENTRIES = ["आज किताब पढ़ी", "कुतुब मीनार देखी", "قرأت كِتَابًا جميلا اليوم"]


def _journal_at_0008(path: Path) -> None:
    """Entries as the 0008 schema's store wrote them (Hindi and pointed Arabic fold to
    themselves there: no folded copy), and its loose index."""
    from alembic import command

    path.parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(path), "0008")
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO entry (created_at, updated_at, date, experience, feelings, answers, "
            "answers_text) VALUES (?, ?, '2026-11-01', ?, '', '{}', '')",
            [(STAMP, STAMP, text) for text in OLD_ENTRIES])
        match = "SELECT rowid FROM entry_fts WHERE entry_fts MATCH ? ORDER BY rowid"
        assert conn.execute(match, ("किताब",)).fetchall() == [(1,), (2,)]  # the defect
        assert conn.execute(match, ("كتابا",)).fetchall() == []


def test_an_older_journal_is_searched_precisely_after_the_upgrade(cli: CLI,
                                                                   isolated: Path) -> None:
    path = isolated / "journal.db"
    _journal_at_0008(path)
    [hit] = search_hits(cli, "किताब")  # opening it upgrades it
    assert (hit["id"], hit["matches"], hit["snippet"]) == (1, ["किताब"], OLD_ENTRIES[0])
    assert [h["id"] for h in search_hits(cli, "कुतुब")] == [2]
    [hit] = search_hits(cli, "كتابا")  # its fold written again, without the harakat
    assert (hit["id"], hit["matches"]) == (3, ["كِتَابًا"])
    assert len(list(isolated.glob("journal.db.backup-*"))) == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            engine.HEAD_REVISION,)
        assert conn.execute("SELECT experience, experience_folded FROM entry ORDER BY id"
                            ).fetchall() == [(OLD_ENTRIES[0], None), (OLD_ENTRIES[1], None),
                                             (OLD_ENTRIES[2], "قرأت كتابا جميلا اليوم")]
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'entry_fts'"
                              ).fetchone()
        assert TOKENIZER.replace("'", "''") in sql  # the migration's copy is searchfold's
    fts_integrity_check(path)
    # the triggers still index what is written, edited and deleted
    new = write(cli, "फिर से किताब")
    assert cli("edit", "1", "--experience", "आज अख़बार पढ़ा").exit_code == 0
    assert cli("delete", "2").exit_code == 0
    assert [h["id"] for h in search_hits(cli, "किताब")] == [new]
    assert [h["id"] for h in search_hits(cli, "अख़बार")] == [1]
    assert search_hits(cli, "कुतुब") == []
    fts_integrity_check(path)


def test_the_upgrade_can_be_undone(cli: CLI, isolated: Path) -> None:
    """Downgrading to 0008 makes the index with the old tokenizer again."""
    from alembic import command

    write(cli, "आज किताब पढ़ी")
    write(cli, "कुतुब मीनार देखी")
    path = isolated / "journal.db"
    command.downgrade(alembic_config(path), "0008")
    fts_integrity_check(path)
    with sqlite3.connect(path) as conn:
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'entry_fts'"
                              ).fetchone()
        assert "categories" not in sql
        assert conn.execute("SELECT rowid FROM entry_fts WHERE entry_fts MATCH 'किताब'"
                            ).fetchall() == [(1,), (2,)]
