"""Round 35 (damage): an entry whose page is lost is named, and damaged tags are read past.

Before: `show 15` of a journal whose page holding entry 15 is damaged said "Part of the journal
is damaged, so this command cannot read what it needs" (naming no entry), and `search` that
found it said the same, showing nothing; with the pages of the tags table damaged as well as
its index, `list --limit 0`, `tags` and `report --tag` failed the same way."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import CLI
from test_damage_r34 import Add, _tagged_entries, digest
from test_store_r34 import LONG, entry_leaf_of, lost_rows, said, settled, zero_page


@pytest.fixture
def damaged_entries(add: Add, isolated: Path) -> tuple[Path, list[int]]:
    """30 long entries, the page holding entry 15 zeroed: the journal, and the lost IDs."""
    for n in range(30):
        add(f"Entry {n}. {LONG}", "-s", "community", "--date", f"2026-11-{n % 19 + 1:02d}")
    path = isolated / "journal.db"
    settled(path)
    zero_page(path, entry_leaf_of(path, b"Entry 14. We walked"))
    lost = lost_rows(path)
    assert lost and len(lost) < 30  # (the damage is where the test means it to be)
    return path, lost

# -- 1. show and search of an entry on a lost page ---------------------------------------------


def test_show_of_an_entry_on_a_lost_page_names_it_and_says_what_can_be_done(
    cli: CLI, damaged_entries: tuple[Path, list[int]]
) -> None:
    path, lost = damaged_entries
    before = digest(path)
    for args in (("show", str(lost[0])), ("show", str(lost[0]), "--json")):
        result = cli(*args)
        assert result.exit_code == 4 and result.stdout == ""
        assert said(result.stderr) == (
            f"peerjournal: Entry {lost[0]} of the journal at {path} cannot be read: the file is "
            "damaged where it is. `peerjournal export --full` saves the entries that can still "
            "be read; keep the damaged file as it is. A copy of the journal made before the "
            f"damage (a backup of your own) may still hold entry {lost[0]}."
        )
    assert digest(path) == before
    kept = cli("show", str(lost[-1] + 1))  # its neighbour reads as before
    assert kept.exit_code == 0 and f"Entry {lost[-1]}." in kept.stdout


def test_show_of_an_id_never_given_is_not_found_not_lost(
    cli: CLI, damaged_entries: tuple[Path, list[int]]
) -> None:
    result = cli("show", "999")
    assert result.exit_code == 3
    assert "No entry 999 in the journal" in result.stderr and "cannot be read" not in result.stderr


def test_search_shows_what_it_can_read_and_names_the_entry_it_cannot(
    cli: CLI, damaged_entries: tuple[Path, list[int]]
) -> None:
    _, lost = damaged_entries
    result = cli("search", "housing", "--limit", "0", "--json")
    assert result.exit_code == 4
    found = {hit["id"] for hit in json.loads(result.stdout)}
    assert found == set(range(1, 31)) - set(lost)
    message = said(result.stderr)
    named = f"Entry {lost[0]}" if len(lost) == 1 else f"Entries {lost[0]}"
    assert message.startswith(f"peerjournal: {named}")
    assert ", so what is shown may be missing them." in message


# -- 2. a damaged tags table -------------------------------------------------------------------


def _tags_table_damaged(add: Add, isolated: Path) -> Path:
    """The journal of `_tagged_entries` with a leaf of the tags table and one of its index
    overwritten: some entries' tags cannot be read at all."""
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


TAGS_LOST = ("cannot be read (the file is damaged where they are): those entries were read "
             "without them, so what is shown may be incomplete.")


def test_list_reads_past_a_damaged_tags_table_and_says_whose_tags_are_unknown(
    cli: CLI, add: Add, isolated: Path
) -> None:
    path = _tags_table_damaged(add, isolated)
    before = digest(path)
    result = cli("list", "--limit", "0", "--json")
    assert result.exit_code == 4
    entries = json.loads(result.stdout)
    assert sorted(e["experience"] for e in entries) == sorted(
        f"Entry {n}, its text intact." for n in range(80))
    untagged = sorted(e["id"] for e in entries if not e["tags"])
    assert untagged and len(untagged) < 80
    message = said(result.stderr)
    assert message.startswith(f"peerjournal: The tags of entries {untagged[0]}, ")
    assert TAGS_LOST in message
    assert message.endswith("`peerjournal export --full` saves the entries that can still be "
                            "read; keep the damaged file as it is.")
    assert message.count("The tags of") == 1  # (said once, at the end)
    assert digest(path) == before  # (the tags read are kept in memory, not in the journal)
    shown = cli("show", str(untagged[0]))  # (by itself: its text, without its tags)
    assert shown.exit_code == 0 and f"Entry {untagged[0] - 1}, its text intact." in shown.stdout
    assert (f"The tags of entry {untagged[0]} of the journal at {path} cannot be read (the file "
            "is damaged where they are): it is shown without them.") in said(shown.stderr)


def test_tags_and_a_report_by_tag_read_past_it_too(cli: CLI, add: Add, isolated: Path) -> None:
    _tags_table_damaged(add, isolated)
    tags = cli("tags", "--json")
    assert tags.exit_code == 4 and TAGS_LOST in said(tags.stderr)
    counted = {t["tag"]: t["entries"] for t in json.loads(tags.stdout)}
    assert 0 < counted["tag-0-" + "x" * 50] < 80  # (the entries whose tags are lost: none)
    report = cli("report", "--tag", "tag-0-" + "x" * 50)
    assert report.exit_code == 4 and TAGS_LOST in said(report.stderr)
    assert "entries" in report.stdout


def test_a_sound_journal_lists_every_tag_and_exits_0(cli: CLI, add: Add, isolated: Path) -> None:
    tags, _ = _tagged_entries(add, isolated)
    result = cli("list", "--limit", "0", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    assert all(e["tags"] == tags[: (e["id"] - 1) % 6 + 1] for e in json.loads(result.stdout))


def test_the_note_counts_rows_whose_ids_cannot_be_read_without_naming_them(
    isolated: Path,
) -> None:
    """An ID read off a damaged page may be garbage (`health.named_lost`): such rows are
    counted, not named."""
    from peerjournal.db.store import Store

    store = Store(isolated / "journal.db")
    try:
        store.lost, store.unnamed_lost = {3, 4}, 2
        assert store.left_out_note().startswith(
            "Entries 3 and 4, and 2 more (their IDs cannot be read either), of the journal at "
            f"{store.path} cannot be read (the file is damaged where they are), so what is shown "
            "may be missing them.")
        store.lost, store.unnamed_lost = set(), 1
        assert store.left_out_note().startswith(
            f"1 entry (its ID cannot be read either) of the journal at {store.path} cannot be "
            "read (the file is damaged where it is)")
    finally:
        store.close()
