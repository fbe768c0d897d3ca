"""Round 37 (data): a Windows-1252 summary read alike by every caller of `load_summary`; the
count of scores of another lexicon asked of the db layer; month-year dates (11/2025, 0-2025,
50-2020) read as delete and restore read them, by list, report and export."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.cli.review import load_summary
from peerjournal.dates import parse_bound, parse_date
from peerjournal.errors import PeerJournalError
from test_redact_cli import people, shared

Add = Callable[..., int]
TODAY = date(2026, 11, 20)  # conftest.FIXED_NOW
NOTE = "not UTF-8 but Windows-1252 (Latin-1) text"


# -- 1. a Windows-1252 summary, whatever the caller ---------------------------------------------

def _latin_summary(cli: CLI, folder: Path) -> Path:
    people(cli, "Kerry Walsh")
    shared(cli, "Kerry told me about her recovery story; I listened and shared my own.")
    exported = folder / "s.json"
    result = cli("export", "--yes", "--format", "json", "-o", str(exported))
    assert result.exit_code == 0, result.stderr
    summary = json.loads(exported.read_text(encoding="utf-8"))
    exported.unlink()
    summary["note"] = "café"
    path = folder / "c.json"
    path.write_bytes(json.dumps(summary, ensure_ascii=False).encode("cp1252"))
    return path


def test_load_summary_without_said_reads_windows_1252_and_notes_it_on_stderr(
    cli: CLI, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Was: refused as "not UTF-8 text; it may be Windows-1252" when no `said` was given."""
    path = _latin_summary(cli, tmp_path)
    capsys.readouterr()
    now = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
    summary = load_summary(path, now)
    assert summary["note"] == "café"
    out, err = capsys.readouterr()
    assert out == "" and NOTE in err
    heard: list[str] = []
    assert load_summary(path, now, heard.append) == summary
    assert len(heard) == 1 and NOTE in heard[0]


@pytest.mark.parametrize("how", ["file", "folder", "json", "json-folder"])
def test_review_reads_windows_1252_on_every_path_with_one_note(
    cli: CLI, tmp_path: Path, how: str
) -> None:
    path = _latin_summary(cli, tmp_path)
    named = str(tmp_path) if how.endswith("folder") else str(path)
    args = ["review", named, *(["--json"] if how.startswith("json") else [])]
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count(NOTE) == 1
    if how.startswith("json"):
        merged = json.loads(result.stdout)
        assert merged["summaries"][0]["summary"]["note"] == "café"
        assert merged["errors"] == []
    else:
        assert NOTE not in result.stdout


# -- 2. the other-lexicon count from the db layer -----------------------------------------------

def test_other_lexicon_scores_counts_live_entries_of_another_or_no_lexicon(
    cli: CLI, add: Add
) -> None:
    from peerjournal import paths
    from peerjournal.db.stats import other_lexicon_scores
    from peerjournal.db.store import Store

    first, second, third = add(), add(), add()
    assert cli("delete", str(third)).exit_code == 0
    store = Store(paths.db_path())
    try:
        version = store.conn.execute(
            "SELECT lexicon_version FROM entry WHERE id = ?", (first,)
        ).fetchone()[0]
        assert other_lexicon_scores(store, version) == 0
        assert other_lexicon_scores(store, "another") == 2  # not the trashed one
        with store.conn:
            store.conn.execute("UPDATE entry SET lexicon_version = NULL WHERE id = ?", (second,))
        assert other_lexicon_scores(store, version) == 1
    finally:
        store.close()


def test_report_cli_runs_no_sql_of_its_own() -> None:
    source = Path(__file__).parents[1] / "src" / "peerjournal" / "cli" / "report.py"
    assert "SELECT" not in source.read_text(encoding="utf-8")


# -- 3. month-year dates -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("typed", "month"),
    [("0-2025", 0), ("00-2025", 0), ("0/2025", 0), ("0.2025", 0), ("50-2020", 50),
     ("13/2025", 13)],
)
def test_a_month_year_with_no_such_month_says_so_as_delete_does(typed: str, month: int) -> None:
    """Was: "Could not read the date '0-2025'." with no reason, where delete said "there is no
    month 0" (and 2025-0 did here)."""
    for parse in (parse_date, parse_bound):
        with pytest.raises(PeerJournalError) as caught:
            parse(typed, TODAY)
        message = caught.value.message
        assert message.startswith(f"Could not read the date '{typed}': there is no month {month}.")
        assert "\n" not in message


@pytest.mark.parametrize("typed", ["11/2025", "11-2025", "11.2025", "2025-11", "2025/11"])
def test_a_month_year_is_the_month_as_delete_names_it(typed: str) -> None:
    """Was: 11/2025 "Could not read", though `delete 11/2025` pointed to that month's entries
    and 2025/11 was read."""
    assert parse_bound(typed, TODAY) == date(2025, 11, 1)
    assert parse_bound(typed, TODAY, until=True) == date(2025, 11, 30)
    with pytest.raises(PeerJournalError) as caught:
        parse_date(typed, TODAY)
    assert caught.value.message == (
        f"{typed!r} is a period, not one day. Give one day, such as '1 Nov 2025' or 2025-11-01."
    )


@pytest.mark.parametrize("command", [["list"], ["report"], ["export", "--format", "csv"]])
def test_list_report_and_export_read_month_years_alike(
    cli: CLI, add: Add, command: list[str], tmp_path: Path
) -> None:
    add()
    out = ["-o", str(tmp_path / "out.csv"), "--yes"] if command[0] == "export" else []
    ran = cli(*command, "--since", "10/2026", "--until", "11/2026", *out)
    assert ran.exit_code == 0, ran.stderr
    refused = cli(*command, "--since", "0-2025", *out)
    assert refused.exit_code != 0 and refused.stdout == ""
    assert "there is no month 0" in refused.stderr and "Traceback" not in refused.stderr


def test_a_latin_1_note_beside_summaries_is_skipped_with_one_line(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: "notes.txt: not UTF-8 but Windows-1252 …; read as that." and then "skipped
    notes.txt": two lines for a file that was no summary."""
    _latin_summary(cli, tmp_path)
    (tmp_path / "notes.txt").write_bytes("notes about the café meeting\n".encode("cp1252"))
    result = cli("review", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("notes.txt") == 1 and "skipped" in result.stderr
    assert result.stderr.count(NOTE) == 1  # c.json's


# -- 4. odd files ------------------------------------------------------------------------------

@pytest.mark.parametrize("depth", [500, 700])
@pytest.mark.parametrize("json_out", [False, True])
def test_review_shows_a_summary_with_a_deeply_nested_extra_field(
    cli: CLI, tmp_path: Path, depth: int, json_out: bool
) -> None:
    """Was: "Unexpected error (RecursionError)" (exit 70) from the text review of a summary
    with a field nested 500 deep, which JSON reads (to ~1,000)."""
    path = _latin_summary(cli, tmp_path)
    text = path.read_bytes().decode("cp1252")
    deep = tmp_path / "deep.json"
    deep.write_text(f'{text.rstrip()[:-1]}, "extra": {"[" * depth}"\\u001b"{"]" * depth}}}',
                    encoding="utf-8")
    args = ["review", str(deep), str(deep.with_name("deep2.json"))]
    deep.with_name("deep2.json").write_bytes(deep.read_bytes())
    result = cli(*args, *(["--json"] if json_out else []))
    assert result.exit_code == 0, result.stderr
    assert "the same summary as" in result.stderr


def test_sanitise_document_keeps_shape_order_and_the_last_of_keys_made_alike() -> None:
    from peerjournal.reviewing import sanitise_document

    given = {"b\x1b": [1, "x\x07", {"n": None, "f": [True, 2.5]}], "b\\x1b": "later", "a": {}}
    shown = sanitise_document(given)
    assert shown == {"b\\x1b": "later", "a": {}}
    assert list(shown) == ["b\\x1b", "a"]
    assert sanitise_document({"k": [1, "x\x07", {"n": None}]}) == {"k": [1, "x\\x07", {"n": None}]}
    assert sanitise_document("q\x1b") == "q\\x1b" and sanitise_document(5) == 5


@pytest.mark.parametrize("as_backup", [True, False])
def test_import_refuses_a_field_given_twice_rather_than_lose_its_words(
    cli: CLI, tmp_path: Path, as_backup: bool
) -> None:
    """Was: the first "experience" silently dropped (json.loads keeps the last)."""
    entry = ('{"date": "2026-11-01", "experience": "The first words, lost before.", '
             '"experience": "I sat with Sam."}')
    text = f'{{"schema": "peerjournal.backup/1", "entries": [{entry}]}}' if as_backup else (
        f"[{entry}]")
    path = tmp_path / "b.json"
    path.write_text(text, encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: {path}: record 1: 'experience' is given twice, with two values, which "
        "no export writes; peerjournal will not guess which to keep. Nothing was imported.\n"
    )
    assert json.loads(cli("list", "--json").stdout) == []
