"""Tags, round 29: a stored tag that is not UTF-8 (another program's bytes), which `tags`
shows with U+FFFD, is found by `--tag` as shown (list, search, report); U+FFFD is refused in a
tag given to store (write, edit, the guided prompt), with the text kept; a tag stored by hand in
another spelling ("Hard Day", "#Ward") is found as `tags` shows it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, Keys

Add = Callable[..., int]
MARK = "\ufffd"
REFUSED = (
    f"peerjournal: A tag cannot contain U+FFFD ({MARK}), the mark of a character lost before "
    f"it reached peerjournal: 'ward{MARK}'; type the tag as it should be."
)


def stored_tags(isolated: Path) -> list[tuple[int, bytes]]:
    with sqlite3.connect(isolated / "journal.db") as conn:
        rows = conn.execute(
            "SELECT entry_id, CAST(tag AS BLOB) FROM entry_tag ORDER BY entry_id, tag"
        ).fetchall()
    return [(int(entry), bytes(tag)) for entry, tag in rows]


def found(cli: CLI, *args: str) -> list[int]:
    result = cli("list", "--json", "--limit", "0", *args)
    assert result.exit_code == 0, result.stderr
    return [e["id"] for e in json.loads(result.stdout)]


@pytest.fixture
def damaged(add: Add, isolated: Path) -> list[int]:
    """Three entries: the first's tag "ward" and the second's "handover" hold a byte that is
    not UTF-8 (written by another program); the third is tagged "ward" as typed."""
    ids = [add("One.", "-t", "ward,calm"), add("Two.", "-t", "handover"),
           add("Three.", "-t", "ward")]
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("UPDATE entry_tag SET tag = CAST(X'77617264ff' AS TEXT) "
                     "WHERE entry_id = ? AND tag = 'ward'", (ids[0],))
        conn.execute("UPDATE entry_tag SET tag = CAST(X'68616e64ff6f766572' AS TEXT) "
                     "WHERE entry_id = ?", (ids[1],))
    return ids


# -- a damaged tag, copied from `tags` -------------------------------------------------------


def test_the_tag_tags_shows_finds_its_entry(cli: CLI, damaged: list[int]) -> None:
    one, two, three = damaged
    shown = json.loads(cli("tags", "--json").stdout)
    assert {t["tag"] for t in shown} == {"calm", f"hand{MARK}over", "ward", f"ward{MARK}"}
    assert found(cli, "--tag", f"ward{MARK}") == [one]  # not the clean "ward"
    assert found(cli, "--tag", f"hand{MARK}over") == [two]
    assert found(cli, "--tag", f"#WARD{MARK}", "--tag", "calm") == [one]
    assert found(cli, "--tag", "ward") == [three]


def test_search_and_report_find_it_too(cli: CLI, damaged: list[int]) -> None:
    hits = cli("search", "--json", "One OR Two OR Three", "--tag", f"ward{MARK}")
    assert hits.exit_code == 0, hits.stderr
    assert [h["id"] for h in json.loads(hits.stdout)] == [damaged[0]]
    report = cli("report", "--json", "--tag", f"hand{MARK}over")
    assert report.exit_code == 0, report.stderr
    assert json.loads(report.stdout)["totals"]["entries"] == 1


def test_a_damaged_tag_in_no_entry_is_named_as_typed(cli: CLI, damaged: list[int]) -> None:
    result = cli("list", "--tag", f"calm{MARK}")
    assert result.exit_code == 0
    assert f"no entry is tagged calm{MARK} (`peerjournal tags` lists the tags)" in result.stderr


def test_edit_tag_corrects_the_damaged_tag(cli: CLI, damaged: list[int], isolated: Path) -> None:
    one = damaged[0]
    assert cli("edit", str(one), "--tag", "calm,ward").exit_code == 0
    assert (one, b"ward") in stored_tags(isolated)
    assert found(cli, "--tag", "ward") == [damaged[2], one]
    assert found(cli, "--tag", f"ward{MARK}") == []


# -- U+FFFD is not stored -----------------------------------------------------------------------


def test_write_refuses_the_mark_and_keeps_the_text(cli: CLI, isolated: Path) -> None:
    result = cli("write", "-x", "Sat with Jo at the drop-in.", "-t", f"calm, ward{MARK}")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{REFUSED} Your words are kept as draft ")
    assert result.stderr.endswith("`peerjournal write --resume --draft 1 --tag TAG`.\n")
    assert result.stderr.count("\n") == 1
    [kept] = (isolated / "drafts").glob("kept-*.json")
    assert "Sat with Jo at the drop-in." in kept.read_text(encoding="utf-8")
    assert found(cli) == []


def test_edit_refuses_the_mark_and_changes_nothing(cli: CLI, add: Add, isolated: Path) -> None:
    entry = add("One.", "-t", "calm")
    result = cli("edit", str(entry), "--tag", f"ward{MARK}")
    assert (result.exit_code, result.stderr) == (1, f"{REFUSED}\n")
    assert stored_tags(isolated) == [(entry, b"calm")]


def test_the_guided_prompt_asks_again(cli: CLI, keys: Callable[..., Keys]) -> None:
    # setting, experience, blank line; feelings, its question, evaluation, its question; tags
    keys("", "We walked to the shop.", "", "", "", "", "", f"ward{MARK}", "ward", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert f"{REFUSED.removeprefix('peerjournal: ')} Try again (Enter to skip)." in result.stderr
    assert json.loads(cli("show", "1", "--json").stdout)["tags"] == ["ward"]


def test_invisible_characters_are_still_dropped(cli: CLI, add: Add, isolated: Path) -> None:
    entry = add("One.", "-t", "wa\u200brd\ufeff")
    assert stored_tags(isolated) == [(entry, b"ward")]
    assert found(cli, "--tag", "\u200bward") == [entry]


# -- a tag stored in another spelling ------------------------------------------------------------


def test_a_tag_stored_by_hand_is_found_as_tags_shows_it(cli: CLI, add: Add,
                                                        isolated: Path) -> None:
    first, second = add("One.", "-t", "hard-day"), add("Two.", "-t", "ward")
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("UPDATE entry_tag SET tag = 'Hard Day' WHERE entry_id = ?", (first,))
        conn.execute("UPDATE entry_tag SET tag = '#Ward' WHERE entry_id = ?", (second,))
    shown = [t["tag"] for t in json.loads(cli("tags", "--json").stdout)]
    assert sorted(shown) == ["#Ward", "Hard Day"]
    assert found(cli, "--tag", "Hard Day") == found(cli, "--tag", "hard-day") == [first]
    assert found(cli, "--tag", "#Ward") == found(cli, "--tag", "ward") == [second]


def test_tags_says_when_the_only_tags_are_in_the_trash(cli: CLI, add: Add) -> None:
    add("Kept.")
    for tag in ("solo", "duo"):
        assert cli("delete", str(add("Gone.", "-t", tag))).exit_code == 0
    result = cli("tags")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == (
        "No entry in the journal has a tag; entries in the trash have 2 tags "
        "(`peerjournal trash`).\n"
    )
    assert cli("tags", "--json").stdout.strip() == "[]"


# -- tags not typed now are left as stored ------------------------------------------------------


def test_edit_without_tag_leaves_a_damaged_tag_alone(cli: CLI, damaged: list[int],
                                                     isolated: Path) -> None:
    one = damaged[0]
    before = stored_tags(isolated)
    result = cli("edit", str(one), "--date", "2026-11-01")
    assert (result.exit_code, result.stdout) == (0, ""), result.stderr
    assert "Updated entry 1." in result.stderr
    assert stored_tags(isolated) == before  # the bytes as they were: b"ward\xff"
    assert (one, b"ward\xff") in before
    assert json.loads(cli("show", str(one), "--json").stdout)["date"] == "2026-11-01"


def test_the_editor_tags_line_left_as_shown_keeps_the_stored_tags(
    cli: CLI, damaged: list[int], isolated: Path, edits: Callable[..., None]
) -> None:
    before = stored_tags(isolated)
    edits(("One.", "One, and more."))
    result = cli("edit", str(damaged[0]))
    assert result.exit_code == 0, result.stderr
    assert json.loads(cli("show", "1", "--json").stdout)["experience"] == "One, and more."
    assert stored_tags(isolated) == before


def test_the_editor_tags_line_changed_is_checked(
    cli: CLI, damaged: list[int], isolated: Path, edits: Callable[..., None]
) -> None:
    before = stored_tags(isolated)
    edits(("One.", "One, and more."), (f"tags: calm, ward{MARK}", f"tags: calm, ward{MARK}, new"))
    result = cli("edit", str(damaged[0]))
    assert result.exit_code == 1
    assert result.stderr.startswith(REFUSED)
    assert "Nothing changed; your edit is kept in " in result.stderr
    assert stored_tags(isolated) == before
    edits((f"ward{MARK}, ", "ward, "))  # the kept edit continued, the tag corrected
    assert cli("edit", str(damaged[0])).exit_code == 0
    assert json.loads(cli("show", "1", "--json").stdout)["tags"] == ["calm", "new", "ward"]


# -- import keeps a backup's damaged and long tags ------------------------------------------------


def test_import_reads_a_damaged_tag_as_earlier_versions_did(
    cli: CLI, damaged: list[int], isolated: Path, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    backup = tmp_path / "backup.json"
    backup.write_text(cli("export", "--full").stdout, encoding="utf-8")
    monkeypatch.setenv("PEERJOURNAL_HOME", str(tmp_path / "other"))
    result = cli("import", str(backup))
    assert result.exit_code == 0, result.stderr
    assert "Imported 3 entries" in result.stderr
    shown = {t["tag"]: t["entries"] for t in json.loads(cli("tags", "--json").stdout)}
    assert shown == {"ward": 2, "calm": 1, "hand-over": 1}  # as before round 29
    assert "Note: 2 tags held characters that could not be read" in result.stderr
    assert "imported as hand-over and ward" in result.stderr


def test_the_import_note_names_the_tags_made(tmp_path: Path) -> None:
    from datetime import UTC, date

    from peerjournal.importing import read_import, unreadable_note

    records = [{"date": "2026-11-01", "experience": "One.", "tags": [f"hand{MARK}over", "calm"]},
               {"date": "2026-11-02", "experience": "Two.", "tags": [f"ward{MARK}", MARK]},
               {"date": "2026-11-03", "experience": "Three.", "tags": [f"ward{MARK}"]}]
    found = read_import(json.dumps(records), "b.json", UTC, date(2026, 11, 20))
    assert [r.draft.tags for r in found.records] == [["calm", "hand-over"], ["ward"], ["ward"]]
    assert unreadable_note(found.records) == (
        "3 tags held characters that could not be read (U+FFFD: bytes that were not UTF-8 in "
        "the journal they came from): imported as hand-over and ward; a tag of nothing else is "
        "left out."
    )
    assert unreadable_note(found.records[:1], would=True).endswith(
        ": would be imported as hand-over."
    )
    assert unreadable_note([]) == ""


def test_import_keeps_a_long_tag_stored_before_the_limit(
    cli: CLI, add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    long = "x" * 300
    entry = add("One.", "-t", "calm")
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("UPDATE entry_tag SET tag = ? WHERE entry_id = ?", (long, entry))
    backup = tmp_path / "backup.json"
    backup.write_text(cli("export", "--full").stdout, encoding="utf-8")
    monkeypatch.setenv("PEERJOURNAL_HOME", str(tmp_path / "other"))
    result = cli("import", str(backup))
    assert result.exit_code == 0, result.stderr
    assert found(cli, "--tag", long) == [entry]


# -- a tag's length ------------------------------------------------------------------------------


def test_write_refuses_a_tag_too_long_and_keeps_the_text(cli: CLI, isolated: Path) -> None:
    assert cli("write", "-x", "Fits.", "-t", "y" * 64).exit_code == 0
    result = cli("write", "-x", "Sat with Jo at the drop-in.", "-t", "calm", "-t", "y" * 65)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"peerjournal: A tag can be at most 64 characters; '{'y' * 39}…' has 65: shorten it "
        "(the entry's text is the place for a longer note). Your words are kept as draft "
    )
    [kept] = (isolated / "drafts").glob("kept-*.json")
    assert "Sat with Jo at the drop-in." in kept.read_text(encoding="utf-8")
    assert len(found(cli)) == 1


def test_edit_refuses_a_tag_too_long(cli: CLI, add: Add, isolated: Path) -> None:
    entry = add("One.", "-t", "calm")
    result = cli("edit", str(entry), "--tag", "hard day " * 8)  # 71 characters as a tag
    assert result.exit_code == 1
    assert "A tag can be at most 64 characters; 'hard-day-hard-day" in result.stderr
    assert "has 71: shorten it" in result.stderr
    assert stored_tags(isolated) == [(entry, b"calm")]


def test_tags_cuts_a_long_stored_tag_in_the_table(cli: CLI, add: Add, isolated: Path) -> None:
    entry = add("One.", "-t", "calm")
    add("Two.", "-t", "calm")
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("INSERT INTO entry_tag VALUES (?, ?)", (entry, "x" * 300))
    assert cli("tags").stdout.splitlines() == [
        f"calm{' ' * 60}  2",
        f"{'x' * 63}…  1",
    ]
    assert {t["tag"] for t in json.loads(cli("tags", "--json").stdout)} == {"calm", "x" * 300}


# -- `tags` counts what `--tag` finds -----------------------------------------------------------


def test_spellings_found_as_one_are_one_row(cli: CLI, add: Add, isolated: Path) -> None:
    both = add("One.", "-t", "cafe,café")
    add("Two.", "-t", "café")
    add("Three.", "-t", "cafe")
    add("Four.", "-t", "cafe")
    hand = [add("Five.", "-t", "hard-day"), add("Six.", "-t", "hard-day")]
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("UPDATE entry_tag SET tag = 'Hard Day' WHERE entry_id = ?", (hand[1],))
    counts = json.loads(cli("tags", "--json").stdout)
    # "cafe" on 3 entries, "café" on 2 (one entry has both): 4, as --tag finds them
    assert counts == [{"tag": "cafe", "entries": 4}, {"tag": "Hard Day", "entries": 2}]
    assert len(found(cli, "--tag", "café")) == 4 and both in found(cli, "--tag", "cafe")
    assert found(cli, "--tag", "hard-day") == hand[::-1]  # of two as common: the later one's
