"""Search folds case fully (revision 0006): "strasse" finds "Straße", "first" finds "ﬁrst",
and the snippet shows the entry's own words with the match highlighted."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import CLI, alembic_config, fts_integrity_check, search_hits
from peerjournal.db import engine
from peerjournal.db.searchfold import Unfolder, fold, unfold_snippet
from peerjournal.db.store import Filters, SearchHit, Store

MARKS = (SearchHit.START, SearchHit.END)


def add(store: Store, experience: str, **fields: Any) -> int:
    from peerjournal.entry import EntryDraft

    draft = EntryDraft(date=date(2026, 11, 18), experience=experience, **fields)
    return store.add_entry(draft, datetime(2026, 11, 20, tzinfo=UTC))


def highlighted(hit: SearchHit) -> str:
    """The stretch of the snippet from the first match's start to the last one's end."""
    start, end = hit.snippet.index(SearchHit.START), hit.snippet.rindex(SearchHit.END)
    return hit.snippet[start:end].replace(SearchHit.START, "").replace(SearchHit.END, "")


# -- what a search finds, and what it shows -----------------------------------------------------

FOUND = [
    # (in the entry, searched for)
    ("Straße", "strasse"),
    ("Straße", "STRASSE"),
    ("STRAẞE", "strasse"),  # the capital sharp s
    ("STRASSE", "straße"),
    ("ﬁrst", "first"),  # ligatures, as a PDF copy-paste gives them
    ("ﬁrst", "FIRST"),
    ("eﬀort", "effort"),
    ("ﬂow", "flow"),
    ("first", "ﬁrst"),
    ("οδός", "ΟΔΟΣ"),  # Greek accents, as for Latin letters (café, cafe)
    ("ΟΔΟΣ", "οδος"),
    ("ΟΔΟΣ", "οδός"),
    ("İstanbul", "istanbul"),
    ("istanbul", "İSTANBUL"),
    ("ısı", "ISI"),  # the dotless ı reads as i, as the dotted İ does
    ("Ｈｏｕｓｉｎｇ", "housing"),  # full-width letters
    ("housing", "ＨＯＵＳＩＮＧ"),
    ("𝐇𝐨𝐮𝐬𝐢𝐧𝐠", "housing"),  # mathematical bold, as "fancy text" pastes give it
    ("Ǆemal", "džemal"),
]


@pytest.mark.parametrize(("written", "query"), FOUND)
def test_a_word_is_found_by_any_case_of_it(cli: CLI, store: Store, written: str,
                                            query: str) -> None:
    entry_id = add(store, f"We walked to the {written} office together.")
    add(store, "Nothing to see here.")
    [hit] = search_hits(cli, query)
    assert hit["id"] == entry_id
    assert hit["matches"] == [written]
    assert hit["snippet"] == f"We walked to the {written} office together."


def test_compatibility_forms_that_carry_meaning_are_kept(cli: CLI, store: Store) -> None:
    """NFKC would read x² as x2 and ½ as 1⁄2: those are not the same words."""
    add(store, "Room x² and ½ a shift.")
    assert search_hits(cli, "x2") == []
    assert [h["matches"] for h in search_hits(cli, "x²")] == [["x²"]]


def test_search_strasse_highlights_strasse_as_written(cli: CLI, store: Store,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    entry_id = add(store, "Walked up the Straße with Sam. Then the ﬁrst coffee in Größenwahn.")
    result = cli("search", "strasse")
    assert result.exit_code == 0, result.stderr
    assert f"#{entry_id}" in result.stdout
    reverse = "\x1b[1;7m"
    assert f"the {reverse}Straße\x1b[0m with Sam. Then the ﬁrst coffee in Größenwahn." in (
        result.stdout)
    assert result.stdout.count(reverse) == 1
    both = cli("search", "FIRST GRÖSSENWAHN")
    assert f"{reverse}ﬁrst\x1b[0m coffee in {reverse}Größenwahn\x1b[0m." in both.stdout
    assert "strasse" not in result.stdout + both.stdout  # the folded text is never shown


def test_search_help_says_case_does_not_matter(cli: CLI) -> None:
    result = cli("search", "--help")
    assert result.exit_code == 0
    assert "strasse finds Straße" in " ".join(result.stdout.split())


def test_a_long_entry_shows_the_stretch_around_the_match(cli: CLI, store: Store) -> None:
    words = " ".join(f"Wörter{n}" for n in range(40))
    add(store, f"{words} then the Straße and ﬁnally {words}")
    [hit] = search_hits(cli, "strasse")
    assert hit["matches"] == ["Straße"]
    assert hit["snippet"] == (  # cut where the index cut its folded text, ß and ﬁ as written
        "…Wörter35 Wörter36 Wörter37 Wörter38 Wörter39 then the Straße and ﬁnally Wörter0 "
        "Wörter1 Wörter2 Wörter3 Wörter4 Wörter5…")


def test_every_part_of_an_entry_is_folded(cli: CLI, store: Store) -> None:
    entry_id = add(store, "A call.", feelings="Müde, aber froh.", evaluation="Nächstes Mal ﬁrst.",
                   self_care="Spaziergang an der Straße.", answers={"learned": "GROẞ ist gut."})
    assert [h["id"] for h in search_hits(cli, "MÜDE")] == [entry_id]
    assert [h["matches"] for h in search_hits(cli, "first")] == [["ﬁrst"]]
    assert [h["matches"] for h in search_hits(cli, "strasse")] == [["Straße"]]
    [hit] = search_hits(cli, "answers:gross")
    assert hit["matches"] == ["GROẞ"] and hit["snippet"] == "GROẞ ist gut."


def test_phrases_prefixes_and_exclusions_are_folded_too(cli: CLI, store: Store) -> None:
    both = add(store, "Die Straße ist groß.")
    other = add(store, "Die Strasse ist klein.")
    assert [h["id"] for h in search_hits(cli, '"STRASSE IST GROSS"')] == [both]
    assert sorted(h["id"] for h in search_hits(cli, "stras*")) == [both, other]
    assert [h["id"] for h in search_hits(cli, "strasse -GROẞ")] == [other]
    assert [h["id"] for h in search_hits(cli, "strasse", "NOT", "groß")] == [other]  # NOT stays NOT


def test_an_edited_entry_is_searched_as_it_is_now(cli: CLI, store: Store, isolated: Path) -> None:
    entry_id = add(store, "Die Straße.")
    store.update(entry_id, {"experience": "Der ﬂuss.", "self_care": "Groß."},
                 datetime(2026, 11, 21, tzinfo=UTC), None)
    assert search_hits(cli, "strasse") == []
    assert [h["matches"] for h in search_hits(cli, "fluss")] == [["ﬂuss"]]
    assert [h["matches"] for h in search_hits(cli, "gross")] == [["Groß"]]
    store.update(entry_id, {"experience": "Plain words."}, datetime(2026, 11, 22, tzinfo=UTC),
                 None)
    assert search_hits(cli, "fluss") == []
    assert [h["id"] for h in search_hits(cli, "plain")] == [entry_id]
    with sqlite3.connect(isolated / "journal.db") as conn:
        assert conn.execute(
            "SELECT experience_folded, self_care_folded FROM entry").fetchone() == (None, "Gross.")
        conn.execute("INSERT INTO entry_fts(entry_fts, rank) VALUES ('integrity-check', 1)")


def test_only_text_that_folds_differently_is_stored_twice(store: Store, isolated: Path) -> None:
    add(store, "Plain English, with smart quotes: it’s “fine”.", feelings="Calm.")
    add(store, "Straße", feelings="calm")
    with sqlite3.connect(isolated / "journal.db") as conn:
        assert conn.execute(
            "SELECT experience_folded, feelings_folded, answers_folded FROM entry ORDER BY id"
        ).fetchall() == [(None, None, None), ("Strasse", None, None)]


def test_emptying_the_trash_leaves_no_folded_copy(cli: CLI, store: Store,
                                                 isolated: Path) -> None:
    gone = add(store, "Zanziquuxstraße and the ﬁrst zanziword.")
    kept = add(store, "The Straße again.")
    assert cli("delete", str(gone)).exit_code == 0
    assert cli("trash", "--empty", "--yes").exit_code == 0
    for file in isolated.glob("journal.db*"):
        assert b"zanzi" not in file.read_bytes().lower(), file.name
    assert [h["id"] for h in search_hits(cli, "strasse")] == [kept]


def test_a_large_import_is_folded(cli: CLI, store: Store, isolated: Path) -> None:
    from peerjournal.db.store import BULK_FROM
    from peerjournal.entry import EntryDraft

    drafts = [EntryDraft(date=date(2026, 11, 18), experience=f"Call {n} on the Straße.")
              for n in range(BULK_FROM)]
    ids = store.add_entries(drafts, datetime(2026, 11, 20, tzinfo=UTC), [None] * len(drafts))
    found = search_hits(cli, "strasse", "--limit", "0")
    assert sorted(h["id"] for h in found) == ids
    assert {h["matches"][0] for h in found} == {"Straße"}


# -- the property --------------------------------------------------------------------------

letters = st.characters(categories=["Lu", "Ll", "Lt", "Lo", "Nd"])
words = st.text(letters, min_size=1, max_size=8) | st.sampled_from(
    ["Straße", "ﬁrst", "eﬀort", "ﬂow", "ΟΔΟΣ", "οδός", "İstanbul", "ısı", "Ｈｏｕｓｉｎｇ"]
)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=words)
def test_a_word_found_in_an_entry_is_found_by_its_casefold_and_upper_forms(
    store: Store, word: str
) -> None:
    entry_id = add(store, f"Before {word} after.")
    by_word = [h for h in store.search(f'"{word}"', Filters()) if h.entry.id == entry_id]
    # The property is about case: only a word the tokenizer reads whole. Its tables know
    # fewer letters than Python ("0ᧈ", New Tai Lue, is the word "0"), and a letter whose
    # compatibility form is a space and a mark ("ﹰ" is " ً") folds to two words.
    assume(by_word and highlighted(by_word[0]) == word)
    for form in (word.casefold(), word.upper(), word.lower()):
        [hit] = [h for h in store.search(f'"{form}"', Filters()) if h.entry.id == entry_id]
        assert highlighted(hit) == word  # the entry's own word, whatever case was searched


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.characters(codec="utf-8") | st.sampled_from("ßﬁẞﬀ\u0301\u0342ΐ"),
                    max_size=40))
def test_each_folded_position_maps_to_where_it_comes_from(text: str) -> None:
    unfolder = Unfolder(text)
    before = [len(fold(text[:n])) for n in range(len(text) + 1)]  # fold's length up to n
    for pos in range(len(fold(text)) + 1):
        n = unfolder.index(pos)  # the last place in the text whose fold comes before pos
        assert before[n] <= pos and (n == len(text) or before[n + 1] > pos)
        assert unfolder.index(pos, end=True) == (n if before[n] == pos else n + 1)


def test_a_snippet_is_mapped_back_only_from_a_fold_of_its_text() -> None:
    start, end = MARKS
    snippet = f"…the {start}Straße{end} again"
    text = "the Straße again and more"
    assert unfold_snippet(snippet, [(text, None)], MARKS) == snippet  # indexed as written
    assert unfold_snippet(f"…the {start}Strasse{end} again", [(text, fold(text))], MARKS) == (
        snippet)
    # a fold that fold() would not make of this text now (another Unicode version): as it is
    assert unfold_snippet(f"{start}Strasse{end}", [("Straße", "Strasssse")], MARKS) == (
        f"{start}Strasse{end}")


# -- a journal written before revision 0006 ---------------------------------------------------

STAMP = "2026-11-01T10:00:00+00:00"
OLD_ENTRIES = [
    # (date, experience, feelings, answers, in the trash)
    ("2026-11-01", "We walked up the Straße together.", "Calm.", {}, None),
    ("2026-11-02", "Plain words only.", "The ﬁrst time in weeks.", {"learned": "GROẞ ist gut."},
     None),
    ("2026-11-03", "ΟΔΟΣ and a trashed note.", "", {}, STAMP),
]


def _journal_at_0005(path: Path) -> None:
    """Entries written by the 0005 schema (answers' text beside their JSON, as its store wrote
    it), one in the trash, with tags: the index unfolded, so "strasse" finds nothing."""
    from alembic import command

    path.parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(path), "0005")
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO entry (created_at, updated_at, date, experience, feelings, answers, "
            "answers_text, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(STAMP, STAMP, day, text, feelings, json.dumps(answers, ensure_ascii=False),
              " · ".join(answers.values()), trashed)
             for day, text, feelings, answers, trashed in OLD_ENTRIES],
        )
        conn.execute("INSERT INTO entry_tag (entry_id, tag) VALUES (1, 'housing')")
        for word in ("strasse", "first", "gross", "οδός"):  # the defect
            assert conn.execute("SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?",
                                (word,)).fetchall() == []


def _rows(path: Path) -> list[tuple[Any, ...]]:
    """Every entry's stored values but the folds 0006 adds."""
    with sqlite3.connect(path) as conn:
        cursor = conn.execute("SELECT * FROM entry ORDER BY id")
        kept = [n for n, c in enumerate(cursor.description) if not c[0].endswith("_folded")]
        return [tuple(row[n] for n in kept) for row in cursor]


def test_an_older_journal_is_searched_with_folding_after_the_upgrade(cli: CLI,
                                                                     isolated: Path) -> None:
    path = isolated / "journal.db"
    _journal_at_0005(path)
    before = _rows(path)
    [hit] = search_hits(cli, "strasse")  # opening it upgrades it
    assert hit["id"] == 1 and hit["matches"] == ["Straße"]
    assert hit["snippet"] == "We walked up the Straße together."
    assert [h["matches"] for h in search_hits(cli, "FIRST")] == [["ﬁrst"]]
    assert [h["matches"] for h in search_hits(cli, "answers:gross")] == [["GROẞ"]]
    assert [h["id"] for h in search_hits(cli, "plain")] == [2]
    assert search_hits(cli, "οδός") == []  # in the trash
    # every entry as it was (the trash included), its tags, and a copy made before
    assert _rows(path) == before
    assert [e["tags"] for e in json.loads(cli("list", "--json").stdout)] == [[], ["housing"]]
    [backup] = list(isolated.glob("journal.db.backup-*"))
    assert _rows(backup) == before
    with sqlite3.connect(path) as conn:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        assert revision == (engine.HEAD_REVISION,)
        assert conn.execute(
            "SELECT experience_folded, feelings_folded, evaluation_folded, self_care_folded, "
            "answers_folded FROM entry ORDER BY id"
        ).fetchall() == [("We walked up the Strasse together.", None, None, None, None),
                         (None, "The first time in weeks.", None, None, "GROss ist gut."),
                         ("οδοσ and a trashed note.", None, None, None, None)]
    fts_integrity_check(path)
    # the trashed entry was folded too: restored, it is found
    assert cli("restore", "3").exit_code == 0
    assert [h["matches"] for h in search_hits(cli, "οδός")] == [["ΟΔΟΣ"]]


def test_an_older_journal_with_nothing_to_fold_is_upgraded_as_it_is(isolated: Path) -> None:
    from alembic import command

    path = isolated / "journal.db"
    _journal_at_0005(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE entry SET experience = 'Plain', feelings = '', answers = '{}', "
                     "answers_text = ''")
    command.upgrade(alembic_config(path), "head")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM entry WHERE coalesce(experience_folded, "
                            "feelings_folded, answers_folded) IS NOT NULL").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM entry_fts WHERE entry_fts MATCH 'plain'"
                            ).fetchone() == (3,)
    fts_integrity_check(path)


def test_the_upgrade_can_be_undone(isolated: Path) -> None:
    """Downgrading to 0005 drops the folds and indexes the text as written again."""
    from alembic import command

    path = isolated / "journal.db"
    _journal_at_0005(path)
    before = _rows(path)
    command.upgrade(alembic_config(path), "head")
    command.downgrade(alembic_config(path), "0005")
    assert _rows(path) == before
    fts_integrity_check(path)
    with sqlite3.connect(path) as conn:
        assert not {r[1] for r in conn.execute("PRAGMA table_info(entry)")
                    if r[1].endswith("_folded")}
        match = "SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?"
        assert conn.execute(match, ("straße",)).fetchall() == [(1,)]
        assert conn.execute(match, ("strasse",)).fetchall() == []
