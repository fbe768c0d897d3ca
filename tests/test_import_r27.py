"""`import`, round 27: every error names the file (and the record or line) by construction,
not by matching the text of some; and a file over the size cap is refused before it takes the
memory (a large file by its size, a gzip bomb as it is counted, unpacked a piece at a time)."""

from __future__ import annotations

import gzip
import json
import os
import tracemalloc
from collections.abc import Callable
from datetime import UTC, date
from pathlib import Path
from typing import Any

import pytest

from peerjournal.cli import importer
from peerjournal.importing import ImportFileError, read_import

CLI = Callable[..., Any]
SECRET = "Sam told me about the eviction."  # journal text, never in an error
BACKUP = "peerjournal.backup/1"
CAP = 1024 * 1024  # the cap in these tests (256 MB really)

BAD_FILES = [
    ("entries.json",
     json.dumps([{"date": "2026-11-01", "experience": SECRET},
                 {"date": SECRET, "experience": SECRET}]),
     "record 2: 'date' is not a YYYY-MM-DD date. Nothing was imported."),
    ("jrnl.json",
     json.dumps({"entries": [{"date": "2026-11-01", "title": SECRET, "body": ""}, SECRET]}),
     "entry 2: expected an object with 'date', 'title' and 'body'. Nothing was imported."),
    ("journal.txt", f"[2026-11-01 10:00] {SECRET}\n\n[2026-13-45 10:00] {SECRET}\n",
     "line 3: cannot read the date '2026-13-45 10:00'. Nothing was imported."),
    ("backup.json",
     json.dumps({"schema": BACKUP, "entries": [], "drafts": [{"kind": SECRET}]}),
     "draft 1: 'kind' should be guided, editor or edit. Nothing was imported."),
    ("backup.json",
     json.dumps({"schema": BACKUP, "entries": [], "people": [{"name": "Sam", "alias": 3}]}),
     "person 1: 'alias' should be text or null. Nothing was imported."),
    ("backup.json",
     json.dumps({"schema": BACKUP, "entries": [],
                 "supervisions": [{"date": "2026-11-02", "note": SECRET}]}),
     "supervision 1: 'created_at' is missing (an ISO 8601 timestamp). Nothing was imported."),
    ("backup.json", json.dumps({"schema": BACKUP, "entries": {}}),
     "the backup's 'entries' should be a list of entries. Nothing was imported."),
    ("backup.json", json.dumps({"schema": "peerjournal.backup/9"}),
     "this backup (peerjournal.backup/9) was made by a newer peerjournal: upgrade to import "
     "it. Nothing was imported."),
    ("empty.txt", "\n\n", "no entries found: the file is empty. Nothing was imported."),
]


@pytest.mark.parametrize(("name", "content", "said"), BAD_FILES)
def test_every_import_error_names_the_file_then_the_record_or_line(
    cli: CLI, tmp_path: Path, name: str, content: str, said: str
) -> None:
    """Before, only a jrnl journal's line errors named the file (rewritten by matching
    "Line N:"): "Record 2: …" or "Draft 1: …" left a writer importing several to guess."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    for args, shown, given in (((str(path),), str(path), None),
                               (("-",), "standard input", content)):
        result = cli("import", *args, input=given)
        assert result.exit_code == 1
        assert result.stderr == f"peerjournal: {shown}: {said}\n"
        assert "Sam" not in result.stderr.replace(str(tmp_path), "")
    assert cli("list", "--json").stdout.strip() == "[]"


def test_a_file_cut_short_is_named_as_a_whole() -> None:
    with pytest.raises(ImportFileError) as raised:
        read_import('[{"date": "2026-11-01", "experience": "Sam', "old.json", UTC,
                    date(2026, 11, 20))
    error = raised.value
    assert (error.file, error.where) == ("old.json", "")
    assert error.message == (
        "old.json: not valid JSON: the file ends part way through (after line 1), as a file "
        "cut short does (a copy or download that did not finish). Nothing was imported; "
        "import a complete copy."
    )


def test_an_import_error_carries_its_file_place_and_problem_apart() -> None:
    text = json.dumps([{"date": "2026-11-01", "experience": "x"},
                       {"date": "2026-11-02", "experience": "y", "mode": "later"}])
    with pytest.raises(ImportFileError) as raised:
        read_import(text, "b.json", UTC, date(2026, 11, 20))
    error = raised.value
    assert (error.file, error.where, error.problem) == (
        "b.json", "Record 2", "Unknown mode 'later': use on-action or in-action.")
    assert error.message == (
        "b.json: record 2: unknown mode 'later': use on-action or in-action. Nothing was "
        "imported."
    )


def _measured(cli: CLI, *args: str, input: bytes | None = None) -> tuple[Any, int]:
    """`import` run with `args`, and the most memory (bytes allocated by Python) it held."""
    tracemalloc.start()
    try:
        result = cli("import", *args, input=input)
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture
def small_cap(cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "MAX_IMPORT_BYTES", CAP)
    warm = tmp_path / "warm.json"  # (the modules an import loads, loaded before measuring)
    warm.write_text("[]", encoding="utf-8")
    assert cli("import", str(warm)).exit_code == 0


def test_a_file_over_the_cap_is_refused_by_its_size_before_it_is_read(
    cli: CLI, tmp_path: Path, small_cap: None
) -> None:
    """Before, the whole file was read (5 GB of memory for a 5 GB file) and then refused."""
    path = tmp_path / "huge.json"
    path.write_bytes(b"[" + b" " * (32 * CAP) + b"]")
    result, peak = _measured(cli, str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path} is larger than 1 MB, more than `import` reads: split it into "
        "smaller files and import each. Nothing was imported.\n"
    )
    assert peak < 4 * CAP, peak


def test_a_gzip_bomb_is_refused_before_it_is_unpacked_into_memory(
    cli: CLI, tmp_path: Path, small_cap: None
) -> None:
    """Before, the whole of it was unpacked (1 GB of memory for 1 MB of gzip), then refused."""
    path = tmp_path / "bomb.json.gz"
    path.write_bytes(gzip.compress(b"[" + b" " * (64 * CAP) + b"]"))
    for args, shown, given in (((str(path),), str(path), None),
                               (("-",), "standard input", path.read_bytes())):
        result, peak = _measured(cli, *args, input=given)
        assert result.exit_code == 1
        assert result.stderr == (
            f"peerjournal: {shown} is larger than 1 MB unpacked, more than `import` reads: "
            "split it into smaller files and import each. Nothing was imported.\n"
        )
        assert peak < 6 * CAP, peak


def test_a_gzip_under_the_cap_imports_even_of_several_parts(
    cli: CLI, tmp_path: Path, small_cap: None
) -> None:
    """`cat a.gz b.gz` is a gzip file too: counted and unpacked whole."""
    text = json.dumps([{"date": "2026-11-01", "experience": "We talked."},
                       {"date": "2026-11-02", "experience": "We walked."}])
    half = len(text) // 2
    path = tmp_path / "two.json.gz"
    path.write_bytes(gzip.compress(text[:half].encode()) + gzip.compress(
        (text[half:] + " " * (CAP - len(text) - 1)).encode()))
    result = cli("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("Imported 2 entries (peerjournal JSON)")


def test_a_journal_file_over_the_cap_is_still_named_as_a_journal(
    cli: CLI, tmp_path: Path, small_cap: None
) -> None:
    path = tmp_path / "journal.db"
    path.write_bytes(b"SQLite format 3\x00")
    os.truncate(path, 8 * CAP)
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"peerjournal: {path} is a journal itself (a SQLite file)")
