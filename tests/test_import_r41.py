"""Round 41 (QA "three years"): `import` reads Windows-1252 text as `write` does, says when a
file's IDs are not kept (and the import or dry run renumbers every entry), and has --json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI

LATIN_JRNL = b"[2022-03-04 09:30] Caf\xe9 shift\nMet Jos\xe9 at the caf\xe9, calm \x96 mostly.\n"
READ_AS_1252 = "is not UTF-8: it was read as Windows-1252 (Latin-1)"


def entries(cli: CLI) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(cli("list", "--json", "--limit", "0").stdout)
    return sorted(data, key=lambda e: e["id"])


def saved(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def backup(cli: CLI, add: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           n: int = 3) -> str:
    """A full backup of a journal of `n` entries (IDs 1..n); then a new laptop, a day later
    (its entries made at another time than the backup's)."""
    for i in range(n):
        add(f"Entry {i + 1}: I sat with Sam and we talked about his week.")
    path = tmp_path / "backup.json"
    assert cli("export", "--full", "-o", str(path)).exit_code == 0
    monkeypatch.setenv("PEERJOURNAL_HOME", str(tmp_path / "laptop"))
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-21T09:00:00+00:00")
    return str(path)


# -- F5: Windows-1252 -------------------------------------------------------------------------

def test_a_windows_1252_jrnl_file_is_read_as_that_and_said(cli: CLI, tmp_path: Path) -> None:
    path = saved(tmp_path, "latin.jrnl", LATIN_JRNL)
    result = cli("import", path)
    assert result.exit_code == 0, result.stderr
    assert f"{path} {READ_AS_1252}" in result.stderr
    assert "Imported 1 entry (jrnl text)" in result.stderr
    [entry] = entries(cli)
    assert entry["experience"] == "Café shift\nMet José at the café, calm – mostly."


@pytest.mark.parametrize("dry_run", [False, True])
def test_windows_1252_from_standard_input_is_said_as_a_sentence(
    cli: CLI, dry_run: bool
) -> None:
    result = cli("import", "-", *(["--dry-run"] if dry_run else []), input=LATIN_JRNL)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"Standard input {READ_AS_1252}")
    assert len(entries(cli)) == (0 if dry_run else 1)


def test_a_windows_1252_json_array_is_read(cli: CLI, tmp_path: Path) -> None:
    data = '[{"date": "2026-11-01", "experience": "Caf\u00e9 with Zo\u00eb \u2014 calm."}]'
    result = cli("import", saved(tmp_path, "notepad.json", data.encode("cp1252")))
    assert result.exit_code == 0, result.stderr
    assert READ_AS_1252 in result.stderr
    assert [e["experience"] for e in entries(cli)] == ["Café with Zoë — calm."]


def test_a_windows_1252_markdown_diary_is_refused_without_the_read_as_line(
    cli: CLI, tmp_path: Path
) -> None:
    result = cli("import", saved(tmp_path, "diary.md", b"# My diary\n\nCaf\xe9 today.\n"))
    assert result.exit_code == 1
    assert "expected a jrnl entry header" in result.stderr
    assert READ_AS_1252 not in result.stderr  # (it says "check them in the entry")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_text_in_another_encoding_is_still_refused(cli: CLI, tmp_path: Path) -> None:
    cyrillic = "[2022-03-04 09:30] Привет мир очень хорошо\n".encode("cp1251")
    result = cli("import", saved(tmp_path, "cyr.jrnl", cyrillic))
    assert result.exit_code == 1
    assert "Cyrillic text in Windows-1251" in result.stderr
    assert entries(cli) == []


# -- F6: IDs not kept -------------------------------------------------------------------------

def test_a_restore_into_a_journal_with_an_entry_says_the_ids_changed(
    cli: CLI, add: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = backup(cli, add, tmp_path, monkeypatch)
    add("First shift at the new job, walked with Kev.")  # ID 1
    expected = ("The file's IDs (1–3) {} kept, as ID 1 is taken here: they {} IDs 2–4 (ID 1 {} 2, "
                "each 1 higher), and an ID in old notes {} another entry. A new, empty journal "
                f"keeps a backup's IDs: `peerjournal --db NEW.db import {path}`.")
    dry = cli("import", path, "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert expected.format("would not be", "would get", "would be", "would name") in dry.stderr
    done = cli("import", path)
    assert done.exit_code == 0, done.stderr
    assert "Imported 3 entries (peerjournal backup)" in done.stderr
    assert expected.format("were not", "got", "is now", "may name") in done.stderr
    assert [e["id"] for e in entries(cli)] == [1, 2, 3, 4]


def test_irregular_renumbering_names_the_first_and_last_pair(
    cli: CLI, add: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = backup(cli, add, tmp_path, monkeypatch, n=4)
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    data["entries"][3]["id"] = 9  # IDs 1, 2, 3, 9
    Path(path).write_text(json.dumps(data), encoding="utf-8")
    add()  # ID 1
    result = cli("import", path, "--json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert dict(zip(out["file_ids"], out["ids"], strict=True)) == {1: 2, 2: 3, 3: 4, 9: 5}
    assert ("The file's IDs (1–3 and 9) were not kept, as ID 1 is taken here: they got IDs "
            "2–5 (ID 1 is now 2, …, ID 9 is now 5: --json pairs them all)") in result.stderr


def test_ids_in_use_by_entries_in_the_trash_are_taken(
    cli: CLI, add: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = backup(cli, add, tmp_path, monkeypatch, n=2)
    add()  # ID 1, moved to the trash: its ID is taken all the same
    assert cli("delete", "1").exit_code == 0
    result = cli("import", path)
    assert result.exit_code == 0, result.stderr
    assert "as ID 1 is taken here: they got IDs 2–3" in result.stderr


def test_nothing_is_said_when_the_ids_are_kept_or_there_are_none(
    cli: CLI, add: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = backup(cli, add, tmp_path, monkeypatch)
    result = cli("import", path)
    assert result.exit_code == 0, result.stderr
    assert "IDs 1–3." in result.stderr and "not kept" not in result.stderr
    jrnl = cli("import", saved(tmp_path, "j.jrnl", b"[2022-03-04 09:30] A walk.\n"))
    assert jrnl.exit_code == 0 and "kept" not in jrnl.stderr  # jrnl gives no IDs


def test_a_file_giving_one_id_twice_says_why(cli: CLI, tmp_path: Path) -> None:
    records = [{"id": 5, "date": "2026-11-01", "experience": "One."},
               {"id": 5, "date": "2026-11-02", "experience": "Two."}]
    result = cli("import", saved(tmp_path, "twice.json", json.dumps(records).encode()))
    assert result.exit_code == 0, result.stderr
    assert ("The file's IDs (5) were not kept, as the file gives ID 5 to more than one "
            "entry: they got IDs 1–2 (ID 5 is now 1, …, ID 5 is now 2:") in result.stderr


def test_edited_versions_are_not_said_twice(cli: CLI, add: Any, tmp_path: Path) -> None:
    add("Before the edit.")
    path = tmp_path / "b.json"
    assert cli("export", "--full", "-o", str(path)).exit_code == 0
    assert cli("edit", "1", "-x", "After the edit.").exit_code == 0
    result = cli("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert "differs from the journal's version" in result.stderr
    assert "not kept" not in result.stderr


# -- F8: --json -------------------------------------------------------------------------------

def test_json_says_what_was_imported_on_stdout(
    cli: CLI, add: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = backup(cli, add, tmp_path, monkeypatch)
    add()  # ID 1
    dry = cli("import", path, "--dry-run", "--json")
    assert dry.exit_code == 0, dry.stderr
    planned = json.loads(dry.stdout)
    assert planned["dry_run"] is True and planned["ids"] == [2, 3, 4]
    assert "Nothing was changed (--dry-run)" in dry.stderr  # messages stay on stderr
    result = cli("import", path, "--json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["message"] in result.stderr and "Imported 3 entries" in out["message"]
    assert {k: out[k] for k in ("dry_run", "format", "entries", "ids", "file_ids")} == {
        "dry_run": False, "format": "peerjournal backup", "entries": 3, "ids": [2, 3, 4],
        "file_ids": [1, 2, 3],
    }
    assert planned["ids"] == out["ids"] and planned["file_ids"] == out["file_ids"]
    assert out["skipped"]["entries"] == 0 and out["notes"] == []
    assert out["from"] == out["to"] and out["versions"] == [] and out["added_back"] == []
    again = json.loads(cli("import", path, "--json").stdout)
    assert again["entries"] == 0 and again["ids"] == [] and again["skipped"]["entries"] == 3


def test_json_notes_hold_every_note_line(cli: CLI, tmp_path: Path) -> None:
    result = cli("import", saved(tmp_path, "latin.jrnl", LATIN_JRNL), "--json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["format"] == "jrnl text" and out["ids"] == [1] and out["file_ids"] == [None]
    assert len(out["notes"]) == 1 and READ_AS_1252 in out["notes"][0]
    assert out["from"] == "2022-03-04" and out["people"] is None


def test_json_for_a_file_without_entries(cli: CLI, tmp_path: Path) -> None:
    result = cli("import", saved(tmp_path, "empty.json", b"[]"), "--json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["entries"] == 0 and out["ids"] == [] and "No entries" in result.stderr


def test_json_on_a_refused_file_prints_no_data(cli: CLI, tmp_path: Path) -> None:
    result = cli("import", saved(tmp_path, "bad.json", b'[{"date": "soon"}]'), "--json")
    assert result.exit_code == 1 and result.stdout == ""
    assert "Nothing was imported" in result.stderr
