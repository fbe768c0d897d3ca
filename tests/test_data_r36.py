"""Round 36 (data): search's options typed with one dash, delete's date-like IDs, every
unknown field of an imported record at once, self-checks import takes as review would, one
page of results shared by list, search and trash, and one sentence for a damaged journal."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.cli.browse import one_page
from peerjournal.db import health
from peerjournal.selfcheck_rules import complete_but_empty, dated_too_late

Add = Callable[..., int]


# -- 1: `search tea -json` ------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["-json", "-limit", "-since", "-tag", "-setting", "-until"])
def test_an_option_typed_with_one_dash_is_refused_with_its_name(
    cli: CLI, add: Add, typed: str
) -> None:
    add("Tea with Sam; the json of it.")
    result = cli("search", "tea", typed)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: No such option: {typed}; did you mean -{typed}? To leave out the "
        f"entries with the word {typed[1:]!r}, type NOT {typed[1:]}. "
        "See 'peerjournal search --help'.\n"
    )


def test_a_word_to_leave_out_that_is_no_option_still_works(cli: CLI, add: Add) -> None:
    add("Tea with Sam.")
    add("Tea and a kettle.")
    result = cli("search", "tea", "-kettle", "--json")
    assert result.exit_code == 0, result.stderr
    assert [hit["id"] for hit in json.loads(result.stdout)] == [1]


def test_an_option_name_after_double_dash_or_as_a_value_is_a_word(cli: CLI, add: Add) -> None:
    add("Tea with Sam.")
    after = cli("search", "--json", "--", "tea", "-json")
    assert after.exit_code == 0, after.stderr
    assert [hit["id"] for hit in json.loads(after.stdout)] == [1]
    valued = cli("search", "--setting", "-json", "tea")  # (a setting, as typed)
    assert valued.exit_code == 0 and "did you mean" not in valued.stderr


def test_not_word_leaves_the_word_out_as_the_error_says(cli: CLI, add: Add) -> None:
    add("Tea with Sam.")
    add("Tea and some json.")
    result = cli("search", "tea", "NOT", "json", "--json")
    assert [hit["id"] for hit in json.loads(result.stdout)] == [1]


# -- 2: date-like IDs -----------------------------------------------------------------------

def _refusal(command: str, typed: str, what: str, find: str, meant: str = "") -> str:
    return (
        f"peerjournal: Invalid value for 'ID...': {typed} looks like {what}, not entry IDs: "
        f"{find}, with their IDs (`peerjournal trash`: those in the trash){meant}. "
        f"See 'peerjournal {command} --help'.\n"
    )


@pytest.mark.parametrize(
    ("typed", "what", "find", "meant"),
    [
        ("1-12-2025", "a date",
         "`peerjournal list --since 2025-12-01 --until 2025-12-01` lists that day's entries", ""),
        ("2025-12-01", "a date",
         "`peerjournal list --since 2025-12-01 --until 2025-12-01` lists that day's entries", ""),
        ("31-02-2025", "a date", "Feb 2025 has no day 31; `peerjournal list --since "
         "2025-02-01 --until 2025-02-28` lists that month's entries", ""),  # (data3: its month)
        ("2025-2026", "years",
         "`peerjournal list --since 2025-01-01 --until 2026-12-31` lists those years' entries",
         "; for the IDs 2025 to 2026, type #2025-#2026"),
        ("2026-2025", "years",
         "`peerjournal list --since 2025-01-01 --until 2026-12-31` lists those years' entries",
         ""),
        ("50-2020", "a date", "there is no month 50; `peerjournal list --since 2020-01-01 "
         "--until 2020-12-31` lists 2020's entries", "; for the IDs 50 to 2020, type #50-#2020"),
    ],
)
def test_dates_and_years_are_refused_and_nothing_moves(
    cli: CLI, add: Add, typed: str, what: str, find: str, meant: str
) -> None:
    add()
    for command in ("delete", "restore"):
        result = cli(command, typed)
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == _refusal(command, typed, what, find, meant)
    assert len(json.loads(cli("list", "--json").stdout)) == 1


@pytest.mark.parametrize("typed", ["1-2000", "100-2020", "2000-2010"])
def test_ranges_that_are_no_date_are_ids(cli: CLI, add: Add, typed: str) -> None:
    add()
    result = cli("delete", typed)  # (IDs: not there, so nothing moves)
    assert result.exit_code == 3 and "No entry" in result.stderr
    assert "looks like" not in result.stderr


def test_years_typed_with_hashes_are_ids(cli: CLI, add: Add) -> None:
    add()
    result = cli("delete", "#2025-#2026")
    assert result.exit_code == 3 and "looks like" not in result.stderr


# -- 3: every unknown field of a record -----------------------------------------------------

def _write(tmp_path: Path, name: str, data: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


FIELDS = ("date, experience, feelings, evaluation, self_care, setting, mode, prompt_set, "
          "tags, answers, shared, id, created_at, updated_at")


def test_every_unknown_field_of_a_record_is_named_at_once(cli: CLI, tmp_path: Path) -> None:
    record = {"date": "2026-11-01", "experience": "x", "mood": "ok", "energy": 3, "zzz": 1}
    path = _write(tmp_path, "x.json", [record])
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path}: record 1: unknown fields 'energy', 'mood' and 'zzz' (the fields "
        f"are: {FIELDS}). Nothing was imported.\n"
    )


def test_many_unknown_fields_are_counted_past_eight(cli: CLI, tmp_path: Path) -> None:
    record = {"date": "2026-11-01", "experience": "x", **{f"f{n:02d}": n for n in range(11)}}
    result = cli("import", str(_write(tmp_path, "x.json", [record])))
    assert "unknown fields 'f00', 'f01', 'f02', 'f03', 'f04', 'f05', 'f06', 'f07' and 3 more" \
        in result.stderr


def test_unknown_fields_of_a_newer_backup_are_all_named(cli: CLI, tmp_path: Path) -> None:
    data = {"schema": "peerjournal.backup/1", "entries": [], "mood": 1, "weather": 2}
    result = cli("import", str(_write(tmp_path, "b.json", data)))
    assert result.exit_code == 1
    assert "unknown fields 'mood' and 'weather': a backup made by a newer peerjournal" \
        in result.stderr


# -- 4: self-checks import takes are ones review takes --------------------------------------

CHECK = {"id": 1, "created_at": "2026-11-02T10:00:00+00:00", "complete": True,
         "answers": {"story": {"score": 4, "note": ""}}}


def _backup(tmp_path: Path, check: dict[str, Any]) -> Path:
    data = {"schema": "peerjournal.backup/1", "entries": [], "self_checks": [CHECK, check]}
    return _write(tmp_path, "b.json", data)


@pytest.mark.parametrize(
    ("check", "said"),
    [
        ({**CHECK, "id": 2, "answers": {}},
         "self-check 2: it is marked complete but answers no item ('answers' is empty)."),
        ({**CHECK, "id": 2, "created_at": "2027-03-01T10:00:00+00:00"},
         "self-check 2: 'created_at' is 2027-03-01, in the future (today is"),
        ({**CHECK, "id": 2, "complete": False, "created_at": "2030-01-01T00:00:00+00:00"},
         "self-check 2: 'created_at' is 2030-01-01, in the future"),
    ],
)
def test_a_self_check_review_would_refuse_is_not_imported(
    cli: CLI, tmp_path: Path, check: dict[str, Any], said: str
) -> None:
    path = _backup(tmp_path, check)
    result = cli("import", str(path))
    assert result.exit_code == 1 and f"{path}: {said}" in result.stderr
    assert "Nothing was imported." in result.stderr
    listed = cli("supervision", "history", "--json")
    assert "2027" not in listed.stdout


def test_an_unfinished_empty_self_check_is_imported(cli: CLI, tmp_path: Path) -> None:
    result = cli("import", str(_backup(tmp_path, {**CHECK, "id": 2, "complete": False,
                                                  "answers": {}})))
    assert result.exit_code == 0, result.stderr


def test_the_rules_themselves() -> None:
    from datetime import date

    made = date(2026, 11, 20)
    assert not dated_too_late(date(2026, 11, 21), made)  # (a day: time zones)
    assert dated_too_late(date(2026, 11, 22), made)
    assert complete_but_empty(0, True)
    assert not complete_but_empty(0, False) and not complete_but_empty(1, True)


# -- 5: one page ----------------------------------------------------------------------------

def test_one_page_fetches_one_more_to_know_of_more() -> None:
    asked: list[int | None] = []

    def fetch(n: int | None) -> list[int]:
        asked.append(n)
        return list(range(5))[:n]

    assert one_page(3, fetch) == ([0, 1, 2], True)
    assert one_page(5, fetch) == ([0, 1, 2, 3, 4], False)
    assert one_page(0, fetch) == ([0, 1, 2, 3, 4], False)
    assert one_page(None, fetch) == ([0, 1, 2, 3, 4], False)
    assert asked == [4, 6, None, None]


def test_list_and_search_still_say_there_are_more(cli: CLI, add: Add) -> None:
    for _ in range(3):
        add("Tea with Sam.")
    listed = cli("list", "--limit", "2")
    assert "Showing the newest 2 entries; there are more" in listed.stderr
    found = cli("search", "tea", "--limit", "2")
    assert "Showing the best 2 matches; there are more" in found.stderr
    whole = cli("list", "--limit", "3")
    assert "there are more" not in whole.stderr


# -- 6: the damaged journal's sentence ------------------------------------------------------

def test_the_salvage_sentence_is_one(tmp_path: Path) -> None:
    said = ("`peerjournal export --full` saves the entries that can still be read; keep the "
            "damaged file as it is.")
    assert health.salvage_advice() == said
    path = tmp_path / "journal.db"
    assert said in health.damaged_warning(path)
    assert said in health.damaged_refusal(path)
    lost = health.lost_entry(path, 7, lambda command: f"`peerjournal {command}`")
    assert said in lost and "may still hold entry 7" in lost
    assert health.salvage_advice("`x`", " (and more)") == (
        "`x` saves the entries that can still be read (and more); keep the damaged file as it "
        "is.")


def test_unknown_fields_of_every_record_are_named_at_once(cli: CLI, tmp_path: Path) -> None:
    records = [{"date": "2026-11-01", "experience": "x", "mood": "ok"},
               {"date": "2026-11-02", "experience": "y"},
               {"date": "2026-11-03", "experience": "z", "energy": 2, "mood": "low"}]
    path = _write(tmp_path, "x.json", records)
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path}: records 1 and 3: unknown fields 'energy' and 'mood' (the fields "
        f"are: {FIELDS}). Nothing was imported.\n"
    )
