"""Search, round 25 (QA r25): letters with a stroke are found by their plain letters, as
redaction reads them (ł đ ø æ œ þ ð: l d o ae oe th d); a Chinese, Japanese or Korean word is
found inside a sentence; a search that finds nothing says where its word is a tag or a
setting; `--tag cafe` selects "café"; `--setting communty` suggests "community". Journals of
revision 0009 are folded again on opening (revision 0010)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, alembic_config, fts_integrity_check, search_hits
from peerjournal.db import engine

Add = Callable[..., int]

# -- letters with a stroke, and letters spelled out ------------------------------------------

STROKED = "Đà Nẵng trip with Đức; the Øresund bridge; Ærø island; Łódź trip; Guðrún; Œuvre; Þór"
FOUND_BY_PLAIN_LETTERS = [
    # (searched, the word highlighted)
    ("lodz", "Łódź"), ("LODZ", "Łódź"), ("duc", "Đức"), ("oresund", "Øresund"),
    ("aero", "Ærø"), ("gudrun", "Guðrún"), ("oeuvre", "Œuvre"), ("thor", "Þór"),
    ("łódź", "Łódź"), ("ÆRØ", "Ærø"),  # and each as written, in any case
]


@pytest.mark.parametrize(("query", "word"), FOUND_BY_PLAIN_LETTERS)
def test_a_letter_with_a_stroke_is_found_by_its_plain_letter(cli: CLI, add: Add, query: str,
                                                             word: str) -> None:
    entry = add(STROKED)
    add("Another trip, to Lodi.")
    [hit] = search_hits(cli, query)
    assert (hit["id"], hit["matches"], hit["snippet"]) == (entry, [word], STROKED)


def test_a_stroke_folded_search_shows_the_match_as_written(cli: CLI, add: Add) -> None:
    add("We met at Łódź Fabryczna station.")
    result = cli("search", "lodz")
    assert result.exit_code == 0
    assert "We met at Łódź Fabryczna station." in result.stdout


# -- Chinese, Japanese and Korean words inside a sentence -------------------------------------

CHINESE = "李伟和我一起去了住房办公室。我分享了我自己的康复故事。"
JAPANESE = "今日は東京で会議がありました。"
KOREAN = "오늘 학교에 갔다가 병원에 들렀다."
FOUND_INSIDE = [
    # (searched, the entry, the word highlighted)
    ("住房", CHINESE, ["住房"]),
    ("李伟", CHINESE, ["李伟"]),
    ("康复故事", CHINESE, ["康复故事"]),
    ("住房*", CHINESE, ["住房"]),
    ('"住房 办公室"', CHINESE, ["住房办公室"]),
    ("NEAR(住房 办公室)", CHINESE, ["住房", "办公室"]),
    ("東京", JAPANESE, ["東京"]),
    ("会議", JAPANESE, ["会議"]),
    ("학교", KOREAN, ["학교"]),
    ("병원", KOREAN, ["병원"]),
]


@pytest.mark.parametrize(("query", "entry", "matches"), FOUND_INSIDE)
def test_a_cjk_word_is_found_inside_a_sentence(cli: CLI, add: Add, query: str, entry: str,
                                               matches: list[str]) -> None:
    wanted = add(entry)
    for other in (CHINESE, JAPANESE, KOREAN):
        if other != entry:
            add(other)
    [hit] = search_hits(cli, query)
    assert (hit["id"], hit["matches"]) == (wanted, matches)
    assert hit["snippet"].strip("…") in entry  # 16 characters of it, as written


def test_a_cjk_word_is_its_characters_together_not_anywhere(cli: CLI, add: Add) -> None:
    add(CHINESE)  # 住 and 办 are both there, never side by side
    assert search_hits(cli, "住办") == []
    assert search_hits(cli, "办公 -李伟") == []  # a word left out, as in Latin
    other = add("我们去了办公室。")
    assert [h["id"] for h in search_hits(cli, "办公 -李伟")] == [other]
    result = cli("search", "住房")
    assert result.exit_code == 0 and "李伟和我一起去了住房办公室" in result.stdout


def test_a_cjk_word_beside_latin_letters_is_found(cli: CLI, add: Add) -> None:
    entry = add("Meeting in Tokyo東京で会議。")
    assert [h["matches"] for h in search_hits(cli, "東京")] == [["東京"]]
    assert [h["id"] for h in search_hits(cli, "tokyo")] == [entry]


# -- nothing found: tags and settings --------------------------------------------------------


def test_a_search_that_finds_nothing_says_where_its_word_is_a_tag(cli: CLI, add: Add) -> None:
    for _ in range(3):
        add("Talked through the side effects.", "--tag", "meds")
    result = cli("search", "meds")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == (
        "Nothing found for 'meds' in the entries' text; 3 entries are tagged meds "
        "(`peerjournal list --tag meds`).\n"
    )


def test_a_search_that_finds_nothing_says_where_its_words_are_a_setting(cli: CLI,
                                                                        add: Add) -> None:
    add("Walked to the shop.", "--setting", "Drop-in Centre")
    result = cli("search", "drop-in", "centre")
    assert result.stderr == (
        "Nothing found for 'drop-in centre' in the entries' text; 1 entry has the setting "
        "drop-in centre (`peerjournal list --setting 'drop-in centre'`).\n"
    )
    assert cli("search", "zebra").stderr == "Nothing found for 'zebra'.\n"  # neither


def test_a_search_that_finds_its_word_gives_no_tag_hint(cli: CLI, add: Add) -> None:
    add("We talked about meds.", "--tag", "meds")
    result = cli("search", "meds")
    assert result.exit_code == 0 and "#1" in result.stdout and "tagged" not in result.stderr


# -- tags match as search does; a near-miss setting ------------------------------------------


@pytest.mark.parametrize("typed", ["cafe", "CAFE", "Café", "CAFÉ"])
def test_a_tag_matches_whatever_its_accents_and_case(cli: CLI, add: Add, typed: str) -> None:
    entry = add("Coffee with Sam.", "--tag", "café")
    add("Tea with Jo.", "--tag", "tea")
    listed = cli("list", "--tag", typed, "--json")
    assert listed.exit_code == 0
    assert [e["id"] for e in json_list(listed.stdout)] == [entry]
    assert [h["id"] for h in search_hits(cli, "coffee", "--tag", typed)] == [entry]


def test_a_tag_with_a_stroke_matches_its_plain_spelling(cli: CLI, add: Add) -> None:
    entry = add("Trip notes.", "--tag", "łódź")
    assert [e["id"] for e in json_list(cli("list", "--tag", "lodz", "--json").stdout)] == [entry]


def test_list_with_a_setting_no_entry_has_suggests_a_near_one(cli: CLI, add: Add) -> None:
    add("Ran the group.", "--setting", "community")
    result = cli("list", "--setting", "communty")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == (
        "No entries match: no entry has the setting 'communty'; did you mean 'community' "
        "(`--setting community`)?\n"
    )
    searched = cli("search", "group", "--setting", "communty")
    assert searched.stderr == (
        "Nothing found for 'group': no entry has the setting 'communty'; did you mean "
        "'community' (`--setting community`)?\n"
    )
    far = cli("list", "--setting", "xyzzy")
    assert far.stderr == ("No entries match: no entry has the setting 'xyzzy'; entries have "
                          "the setting 'community'.\n")  # (round 46: the settings they have)
    # a setting that is there, with a tag that no entry has: the tag
    narrowed = cli("list", "--setting", "community", "--tag", "nosuch")
    assert narrowed.stderr == (
        "No entries match: no entry is tagged nosuch (`peerjournal tags` lists the tags).\n"
    )


# -- a journal made at revision 0009 ---------------------------------------------------------

STAMP = "2026-11-01T10:00:00+00:00"
OLD_ENTRIES = [
    # (experience, its fold as revision 0009's store wrote it)
    ("Łódź trip with Ærø friends", "łódź trip with ærø friends"),
    (CHINESE, None),
    ("Plain words only.", None),
]


def _journal_at_0009(path: Path, entries: list[tuple[str, str | None]]) -> None:
    """Entries as the 0009 schema's store wrote them: "lodz" and "住房" find nothing."""
    from alembic import command

    path.parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(path), "0009")
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO entry (created_at, updated_at, date, setting, experience, "
            "experience_folded, answers, answers_text) "
            "VALUES (?, ?, '2026-11-01', 'community', ?, ?, '{}', '')",
            [(STAMP, STAMP, text, folded) for text, folded in entries])
        match = "SELECT rowid FROM entry_fts WHERE entry_fts MATCH ?"
        for word in ("lodz", "住房"):  # the defect
            assert conn.execute(match, (word,)).fetchall() == []


def test_an_older_journal_is_folded_again_on_opening(cli: CLI, isolated: Path) -> None:
    path = isolated / "journal.db"
    _journal_at_0009(path, OLD_ENTRIES)
    [hit] = search_hits(cli, "lodz")  # opening it upgrades it
    assert (hit["id"], hit["matches"]) == (1, ["Łódź"])
    assert [h["matches"] for h in search_hits(cli, "aero")] == [["Ærø"]]
    [hit] = search_hits(cli, "住房")
    assert (hit["id"], hit["matches"]) == (2, ["住房"])
    # whole: 32 characters fit
    assert hit["snippet"] == "李伟和我一起去了住房办公室。我分享了我自己的康复故事。"
    assert len(list(isolated.glob("journal.db.backup-*"))) == 1
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            engine.HEAD_REVISION,)
        assert conn.execute("SELECT experience FROM entry ORDER BY id").fetchall() == [
            (text,) for text, _ in OLD_ENTRIES]  # no entry's text changes
        (folded,) = conn.execute("SELECT experience_folded FROM entry WHERE id = 1").fetchone()
        assert folded == "lódź trip with aero friends"  # (the index drops the accents)
        assert conn.execute("SELECT experience_folded FROM entry WHERE id = 3").fetchone() == (
            None,)
    fts_integrity_check(path)
    # the triggers still index what is written, edited and deleted
    assert cli("edit", "1", "--experience", "Trip to Gdańsk").exit_code == 0
    assert search_hits(cli, "lodz") == [] and len(search_hits(cli, "gdansk")) == 1
    assert cli("list", "--setting", "communty").stderr.startswith(
        "No entries match: no entry has the setting 'communty'; did you mean 'community'")
    fts_integrity_check(path)


def test_an_older_journal_written_in_chinese_is_reindexed_at_once(cli: CLI,
                                                                  isolated: Path) -> None:
    """Many entries to fold again: the index is rebuilt once, and the trigger kept."""
    path = isolated / "journal.db"
    _journal_at_0009(path, [(f"第{n}天：我去了住房办公室。", None) for n in range(250)])
    assert len(search_hits(cli, "住房", "--limit", "0")) == 250
    fts_integrity_check(path)
    assert cli("edit", "7", "--experience", "今天在家休息。").exit_code == 0
    assert len(search_hits(cli, "住房", "--limit", "0")) == 249
    assert [h["id"] for h in search_hits(cli, "休息")] == [7]
    fts_integrity_check(path)


def test_the_upgrade_can_be_undone(cli: CLI, add: Add, isolated: Path) -> None:
    from alembic import command

    add(CHINESE, "--setting", "community")
    path = isolated / "journal.db"
    command.downgrade(alembic_config(path), "0009")
    fts_integrity_check(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = "
                            "'ix_entry_live_setting'").fetchall() == []
        # the folds stay: the phrase of its characters still finds the word
        assert conn.execute("SELECT rowid FROM entry_fts WHERE entry_fts MATCH '\"住 房\"'"
                            ).fetchall() == [(1,)]


def json_list(text: str) -> list[dict[str, object]]:
    found: list[dict[str, object]] = json.loads(text)
    return found
