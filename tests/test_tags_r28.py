"""Tags and search, polished: a tag only in the trash is named there, invisible characters
typed in a tag are dropped (not a hyphen), '_' and '^' in a search, `tags` counting a
hand-stored "ward." with "ward"."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from conftest import CLI, search_hits
from peerjournal.db.store import Store

TRASH_HINT = "(see `peerjournal trash`)"
TAGS_HINT = "(`peerjournal tags` lists the tags)"


def _trashed(cli: CLI, entry_id: int) -> None:
    assert cli("delete", str(entry_id)).exit_code == 0


def _stored_tags(store: Store) -> list[str]:
    return [row[0] for row in store.conn.execute("SELECT tag FROM entry_tag ORDER BY tag")]


# -- a tag that only entries in the trash carry -----------------------------------------------


def test_list_by_a_tag_only_in_the_trash_says_it_is_there(
    cli: CLI, add: Callable[..., int]
) -> None:
    _trashed(cli, add("Walked alone.", "-t", "solo"))
    add("With the group.", "-t", "group")
    result = cli("list", "--tag", "solo")
    assert result.exit_code == 0
    assert result.stderr == (
        "No entries match: no entry is tagged solo; 1 entry in the trash is tagged solo "
        f"{TRASH_HINT}.\n"
    )


def test_two_tags_in_the_trash_are_counted_each(cli: CLI, add: Callable[..., int]) -> None:
    for n in range(2):
        _trashed(cli, add(f"Walk {n}.", "-t", "duo", *(["-t", "solo"] if n else [])))
    add("Kept.", "-t", "kept")
    assert cli("list", "-t", "solo", "-t", "duo").stderr == (
        "No entries match: no entry is tagged duo or solo; 2 entries in the trash are tagged "
        f"duo and 1 entry is tagged solo {TRASH_HINT}.\n"
    )


def test_a_tag_in_no_entry_beside_one_in_the_trash_keeps_the_tags_hint(
    cli: CLI, add: Callable[..., int]
) -> None:
    _trashed(cli, add("Walked alone.", "-t", "solo"))
    assert cli("list", "-t", "solo", "-t", "sollo").stderr == (
        f"No entries match: no entry is tagged sollo or solo {TAGS_HINT}; "
        f"1 entry in the trash is tagged solo {TRASH_HINT}.\n"
    )


def test_a_tag_no_entry_ever_had_says_nothing_of_the_trash(
    cli: CLI, add: Callable[..., int]
) -> None:
    _trashed(cli, add("Walked alone.", "-t", "solo"))
    assert cli("list", "--tag", "sollo").stderr == (
        f"No entries match: no entry is tagged sollo {TAGS_HINT}.\n"
    )


def test_search_narrowed_by_a_tag_only_in_the_trash_says_it_is_there(
    cli: CLI, add: Callable[..., int]
) -> None:
    _trashed(cli, add("Walked to the park.", "-t", "solo"))
    add("Walked to the shop.")
    result = cli("search", "walked", "--tag", "solo")
    assert result.exit_code == 0
    assert result.stderr == (
        "Nothing found for 'walked': no entry is tagged solo; 1 entry in the trash is tagged "
        f"solo {TRASH_HINT}.\n"
    )


# -- invisible characters typed in a tag ----------------------------------------------------


@pytest.mark.parametrize(
    "invisible",
    ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"],
    ids=["zero-width-space", "zwnj", "zwj", "word-joiner", "bom", "soft-hyphen"],
)
def test_an_invisible_character_in_a_tag_is_dropped(
    cli: CLI, add: Callable[..., int], store: Store, invisible: str
) -> None:
    entry = add("Coffee with Sam.", "-t", f"ca{invisible}fé")
    assert _stored_tags(store) == ["café"]
    assert [e["id"] for e in json.loads(cli("list", "--json", "--tag", "cafe").stdout)] == [entry]
    assert cli("tags").stdout == "café  1\n"


def test_a_space_beside_an_invisible_character_still_separates_words(
    add: Callable[..., int], store: Store
) -> None:
    add("A long shift.", "-t", "\ufeffhard\u200b day")
    assert _stored_tags(store) == ["hard-day"]


def test_a_tag_of_invisible_characters_alone_is_refused(cli: CLI, store: Store) -> None:
    result = cli("write", "-x", "A long shift.", "-t", "\u200b\u00ad")
    assert result.exit_code == 1
    assert "Not a usable tag" in result.stderr and "Traceback" not in result.stderr
    assert store.conn.execute("SELECT count(*) FROM entry").fetchone() == (0,)


# -- queries with no word, and ^ ---------------------------------------------------------------


@pytest.mark.parametrize("query", ["_", "__", "_*", '"_"', "%", "*", "^"])
def test_a_query_with_no_letter_or_digit_is_nothing_to_search_for(
    cli: CLI, add: Callable[..., int], query: str
) -> None:
    add("The housing_office again.")
    result = cli("search", query)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"peerjournal: Nothing to search for in {query!r}")


def test_a_word_with_an_underscore_is_still_found(cli: CLI, add: Callable[..., int]) -> None:
    entry = add("The housing_office again.")
    assert [hit["id"] for hit in search_hits(cli, "housing_office")] == [entry]
    assert [hit["id"] for hit in search_hits(cli, "office_")] == [entry]


@pytest.mark.parametrize("query", ["^housing", "office ^housing", "^housing office"])
def test_a_caret_before_a_word_is_ignored_and_said_so(
    cli: CLI, add: Callable[..., int], query: str
) -> None:
    entry = add("Went to the housing office with Jo.")
    add("A quiet shift.")
    result = cli("search", query)
    assert result.exit_code == 0
    assert f"#{entry} " in result.stdout and "housing office" in result.stdout
    assert result.stderr == "Search ignores ^: it finds words anywhere in the text.\n"
    assert [hit["id"] for hit in search_hits(cli, query)] == [entry]


def test_a_caret_inside_a_phrase_is_not_remarked_on(cli: CLI, add: Callable[..., int]) -> None:
    entry = add("Went to the housing office with Jo.")
    result = cli("search", '"^housing"')
    assert result.exit_code == 0 and result.stderr == ""
    assert [hit["id"] for hit in search_hits(cli, '"^housing"')] == [entry]


# -- `tags` with a hand-stored full stop --------------------------------------------------------


def test_tags_counts_a_hand_stored_full_stop_with_the_tag(
    cli: CLI, add: Callable[..., int], store: Store
) -> None:
    both, plain, stopped = (add(f"Shift {n}.", "-t", "ward") for n in range(3))
    add("Night.", "-t", "night")
    with store.conn:  # as a hand edit leaves them (revision 0011 took them off)
        store.conn.executemany(
            "INSERT INTO entry_tag (entry_id, tag) VALUES (?, 'ward.')", [(both,), (stopped,)]
        )
        store.conn.execute("DELETE FROM entry_tag WHERE entry_id = ? AND tag = 'ward'", (stopped,))
    assert cli("tags").stdout == "ward   3\nnight  1\n"  # each entry once: `both` has two
    assert json.loads(cli("tags", "--json").stdout) == [
        {"tag": "ward", "entries": 3},
        {"tag": "night", "entries": 1},
    ]
    listed = json.loads(cli("list", "--json", "--tag", "ward").stdout)
    assert sorted(e["id"] for e in listed) == [both, plain, stopped]


def test_tags_counts_a_hand_stored_dash_with_the_tag(
    cli: CLI, add: Callable[..., int], store: Store
) -> None:
    """QA: "ward-" (a hand edit) was a row of its own, though `--tag ward` finds it."""
    plain, dashed = (add(f"Shift {n}.", "-t", "ward") for n in range(2))
    with store.conn:
        store.conn.execute("UPDATE entry_tag SET tag = 'ward-' WHERE entry_id = ?", (dashed,))
    assert json.loads(cli("tags", "--json").stdout) == [{"tag": "ward", "entries": 2}]
    listed = json.loads(cli("list", "--json", "--tag", "ward").stdout)
    assert sorted(e["id"] for e in listed) == [plain, dashed]
