"""Round 43: a journal ID in every mentor summary, so that `review` tells writers apart by the
journal their summaries come from rather than by their signature and dates; and two scripting
leftovers (`export --json` without --output refused first; `review DIR --json` lists the files
it skipped)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, alembic_config
from peerjournal.db import engine, store
from peerjournal.errors import DatabaseError
from peerjournal.exporters.common import JOURNAL_ID_NOTE
from peerjournal.render.review import ALIKE_JOURNAL_NOTE, ALIKE_NOTE
from peerjournal.reviewing import BY_JOURNAL, JOURNAL_ID, Writer, writers

Add = Callable[..., int]
ID = re.compile(r"[0-9a-f]{12}")
ONLY_BECAUSE = "read as one writer's only because"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _stored(path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT slot, id FROM journal").fetchall()


def _export(cli: CLI, out: Path, *options: str, db: tuple[str, ...] = ()) -> dict[str, Any]:
    """A JSON summary of `db`'s journal (the usual one without), written to `out`."""
    result = cli(*db, "export", "--yes", "--force", "-o", str(out), *options)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def _write(cli: CLI, text: str, day: str, *db: str) -> None:
    result = cli(*db, "write", "-x", text, "--share", "--date", day)
    assert result.exit_code == 0, result.stderr


def _without_id(path: Path) -> Path:
    """The summary at `path` as an older peerjournal wrote it: no "journal"."""
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["journal"]
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _months(cli: CLI, tmp_path: Path, oct_from: str = "Al", nov_from: str = "Al") -> list[Path]:
    """One entry shared in each of October and November, each month exported on its own
    (no entry in both: nothing but the journal ID, or the signature, joins them)."""
    _write(cli, "We walked to the housing office together.", "2026-10-05")
    _write(cli, "We sat in the garden and I listened.", "2026-11-05")
    oct_, nov = tmp_path / "mine-oct.json", tmp_path / "mine-nov.json"
    _export(cli, oct_, "--since", "2026-10-01", "--until", "2026-10-31",
            *(("--from", oct_from) if oct_from else ()))
    _export(cli, nov, "--since", "2026-11-01", "--until", "2026-11-19",
            *(("--from", nov_from) if nov_from else ()))
    return [oct_, nov]


def _review_json(cli: CLI, *files: Path | str) -> dict[str, Any]:
    result = cli("review", "--json", *map(str, files))
    assert result.exit_code == 0, result.stderr
    merged: dict[str, Any] = json.loads(result.stdout)
    return merged


# -- the ID: made by the first summary, kept, one per journal ----------------------------------

def test_a_new_journal_has_no_id_until_its_first_summary(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Made really (not the tests' template), as the revisions make it: the table is empty;
    the first export makes the ID, and every later one gives the same."""
    monkeypatch.setattr(engine, "_create", REAL_CREATE)
    _write(cli, "We walked to the housing office together.", "2026-11-05")
    journal = isolated / "journal.db"
    assert _stored(journal) == []
    first = _export(cli, tmp_path / "a.json")["journal"]
    assert ID.fullmatch(first) and JOURNAL_ID.fullmatch(first)
    assert _stored(journal) == [(1, first)]
    assert _export(cli, tmp_path / "b.json", "--from", "Al")["journal"] == first
    assert len(store.Store(journal).journal_id()) == 2 * store.JOURNAL_ID_BYTES


REAL_CREATE = engine._create  # (before conftest's autouse fixture patches it for each test)


def test_copies_of_one_new_journal_get_ids_of_their_own(cli: CLI, tmp_path: Path) -> None:
    """Every test journal is a copy of one template: the ID is not made with the journal."""
    _write(cli, "We walked to the housing office together.", "2026-11-05")
    _write(cli, "We sat in the garden and I listened.", "2026-11-05", "--db",
           str(tmp_path / "other.db"))
    mine = _export(cli, tmp_path / "a.json")["journal"]
    other = _export(cli, tmp_path / "b.json", db=("--db", str(tmp_path / "other.db")))["journal"]
    assert mine != other


def test_a_journal_from_before_is_upgraded_and_its_summary_carries_an_id(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    from alembic import command

    journal = isolated / "journal.db"
    journal.parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(journal), "0011")
    with sqlite3.connect(journal) as conn:
        assert "journal" not in {n for (n,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    listed = cli("list")  # opening it upgrades it
    assert listed.exit_code == 0 and engine.UPGRADING in listed.stderr
    assert _stored(journal) == []
    _write(cli, "We walked to the housing office together.", "2026-11-05")
    assert ID.fullmatch(_export(cli, tmp_path / "a.json")["journal"])
    command.downgrade(alembic_config(journal), "0011")  # undone: the table goes
    with sqlite3.connect(journal) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0011",)
        assert "journal" not in {n for (n,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_the_table_holds_one_id_at_most(cli: CLI, isolated: Path, tmp_path: Path) -> None:
    _write(cli, "We walked to the housing office together.", "2026-11-05")
    made = _export(cli, tmp_path / "a.json")["journal"]
    with sqlite3.connect(isolated / "journal.db") as conn, pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO journal (slot, id) VALUES (2, 'abcdefabcdef')")
    assert _stored(isolated / "journal.db") == [(1, made)]


# -- the export: JSON after the signature, a line in Markdown, HTML and PDF, none in CSV ------

def test_every_summary_format_carries_the_id(cli: CLI, tmp_path: Path) -> None:
    _write(cli, "We walked to the housing office together.", "2026-11-05")
    data = _export(cli, tmp_path / "s.json", "--from", "Al")
    made = data["journal"]
    assert list(data)[list(data).index("writer") + 1] == "journal"
    for fmt, line in (("md", f"- **Journal ID:** {made} {JOURNAL_ID_NOTE}\n"),
                      ("html", f"<dt>Journal ID</dt><dd>{made} {JOURNAL_ID_NOTE}</dd>")):
        out = tmp_path / f"s.{fmt}"
        assert cli("export", "--yes", "-o", str(out)).exit_code == 0
        assert out.read_text(encoding="utf-8").count(line) == 1
    preview = cli("export", "--format", "md", "-o", str(tmp_path / "p.md"), input="n\n")
    # the writer sees it before it leaves
    assert f"**Journal ID:** {made} {JOURNAL_ID_NOTE}" in _flat(preview.stderr)
    csv = tmp_path / "s.csv"
    assert cli("export", "--yes", "-o", str(csv)).exit_code == 0
    assert made not in csv.read_text(encoding="utf-8")


def test_a_pdf_summary_shows_the_id(cli: CLI, tmp_path: Path) -> None:
    """The PDF draws the same facts (`common.facts`) as Markdown and HTML, the ID among them."""
    from peerjournal.exporters.common import facts

    _write(cli, "We walked to the housing office together.", "2026-11-05")
    data = _export(cli, tmp_path / "s.json")
    assert ("Journal ID", f"{data['journal']} {JOURNAL_ID_NOTE}") in facts(data)
    pdf = tmp_path / "s.pdf"
    assert cli("export", "--yes", "-o", str(pdf)).exit_code == 0
    assert pdf.read_bytes()[:4] == b"%PDF"


def test_no_journal_id_leaves_it_out_and_makes_none(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    _write(cli, "We walked to the housing office together.", "2026-11-05")
    data = _export(cli, tmp_path / "s.json", "--from", "Al", "--no-journal-id")
    assert "journal" not in data
    assert _stored(isolated / "journal.db") == []
    md = tmp_path / "s.md"
    assert cli("export", "--yes", "--no-journal-id", "-o", str(md)).exit_code == 0
    assert "Journal ID" not in md.read_text(encoding="utf-8")
    refused = cli("export", "--full", "--no-journal-id", "-o", str(tmp_path / "b.json"))
    assert refused.exit_code == 1 and "--no-journal-id" in refused.stderr
    assert not (tmp_path / "b.json").exists()


def test_a_journal_that_cannot_keep_an_id_exports_without_one_and_says_so(
    cli: CLI, tmp_path: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(cli, "We walked to the housing office together.", "2026-11-05")

    def cannot(self: store.Store) -> str:
        raise DatabaseError(f"The journal at {self.path} is read-only; check the file's "
                            "permissions.")

    monkeypatch.setattr(store.Store, "journal_id", cannot)
    out = tmp_path / "s.json"
    result = cli("export", "--yes", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "journal" not in json.loads(out.read_text(encoding="utf-8"))
    assert ("This summary carries no Journal ID: the journal could not store one. The journal "
            f"at {isolated / 'journal.db'} is read-only; check the file's permissions. Nothing in "
            "the journal was lost or changed. Your mentor's `peerjournal review` joins this "
            "summary to your other summaries by your signature (--from) alone.") in _flat(
        result.stderr)


def test_an_export_with_no_journal_there_says_nothing_of_an_id(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    out = tmp_path / "s.json"
    result = cli("export", "--yes", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "journal" not in json.loads(out.read_text(encoding="utf-8"))
    assert "Journal ID" not in result.stderr and not (isolated / "journal.db").exists()


# -- review: writers by their journal ID -------------------------------------------------------

def test_two_people_signed_alike_are_two_writers_by_their_ids(cli: CLI, tmp_path: Path) -> None:
    """Was: months that do not overlap, signed "Ellis" by two people, read as one writer."""
    other = ("--db", str(tmp_path / "other.db"))
    _write(cli, "We walked to the housing office together.", "2026-10-05")
    first = tmp_path / "ellis-a.json"
    _export(cli, first, "--since", "2026-10-01", "--until", "2026-10-31", "--from", "Ellis")
    _write(cli, "We sat in the garden and I listened.", "2026-11-05", *other)
    second = tmp_path / "ellis-b.json"
    _export(cli, second, "--since", "2026-11-01", "--until", "2026-11-19", "--from", "Ellis",
            db=other)
    merged = _review_json(cli, first, second)
    assert [s["writer_number"] for s in merged["summaries"]] == [1, 2]
    assert [s["signed_alike"] for s in merged["summaries"]] == [True, True]
    assert merged["between"] == []
    result = cli("review", str(first), str(second))
    out = _flat(result.stdout)
    assert _flat(ALIKE_JOURNAL_NOTE) in out and _flat(ALIKE_NOTE) not in out
    assert "Between summaries" not in out and ONLY_BECAUSE not in out
    assert re.search(r"Ellis 1 Oct .{0,60} ellis-a\.json Ellis 1 Nov .{0,60} ellis-b\.json", out)
    # older summaries (no ID) of the same two: read as today, by their signature and dates
    older = [_without_id(first), _without_id(second)]
    merged = _review_json(cli, *older)
    assert [s["writer_number"] for s in merged["summaries"]] == [1, 1]
    assert merged["between"][0]["signature_only"] is True
    assert ONLY_BECAUSE in _flat(cli("review", *map(str, older)).stdout)


def test_one_journal_signed_differently_is_one_writer_named_by_the_latest(
    cli: CLI, tmp_path: Path
) -> None:
    files = _months(cli, tmp_path, "Ellis", "Ellis Brown")
    merged = _review_json(cli, *files)
    assert [s["writer_number"] for s in merged["summaries"]] == [1, 1]
    assert [s["signed_alike"] for s in merged["summaries"]] == [False, False]
    (between,) = merged["between"]
    assert between["writer"] == "Ellis Brown" and between["signature_only"] is False
    out = _flat(cli("review", *map(str, files)).stdout)
    assert "Ellis Brown: 2 summaries, 2026-10-01 to 2026-11-19" in out
    assert ('Signed differently over time: "Ellis" (mine-oct.json) and "Ellis Brown" '
            "(mine-nov.json); read as one writer's by their Journal ID.") in out
    assert ONLY_BECAUSE not in out and "Since the previous summary" in out


def test_one_journals_months_are_not_said_to_rest_on_the_signature(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: "read as one writer's only because each is signed" for months sharing no entry."""
    files = _months(cli, tmp_path)
    assert _review_json(cli, *files)["between"][0]["signature_only"] is False
    out = _flat(cli("review", *map(str, files)).stdout)
    assert "Al: 2 summaries" in out and ONLY_BECAUSE not in out
    assert "Signed differently" not in out


def test_an_older_summary_joins_the_newer_ones_of_its_signature(
    cli: CLI, tmp_path: Path
) -> None:
    """A writer who updated peerjournal between two exports: one writer, the older summary
    joined by the signature alone (and said so)."""
    oct_, nov = _months(cli, tmp_path)
    _without_id(oct_)
    merged = _review_json(cli, oct_, nov)
    assert [s["writer_number"] for s in merged["summaries"]] == [1, 1]
    assert merged["between"][0]["signature_only"] is True
    out = _flat(cli("review", str(oct_), str(nov)).stdout)
    assert ('These are read as one writer\'s only because each is signed "Al": not every one '
            "of them says which journal it came from") in out


def test_unsigned_summaries_of_one_journal_are_compared(cli: CLI, tmp_path: Path) -> None:
    files = _months(cli, tmp_path, "", "")
    merged = _review_json(cli, *files)
    assert [s["writer_number"] for s in merged["summaries"]] == [1, 1]
    assert merged["between"][0]["writer"] is None
    assert "Unsigned: 2 summaries, 2026-10-01 to 2026-11-19" in _flat(
        cli("review", *map(str, files)).stdout)
    assert [s["writer_number"] for s in _review_json(
        cli, *map(_without_id, files))["summaries"]] == [None, None]  # as before: never


@pytest.mark.parametrize("given", ["XYZ", "abcdef", "ABCDEF123456", "abcdef1234567", 12])
def test_an_edited_journal_id_is_refused(cli: CLI, tmp_path: Path, given: Any) -> None:
    _write(cli, "We walked to the housing office together.", "2026-11-05")
    path = tmp_path / "s.json"
    data = _export(cli, path)
    data["journal"] = given
    path.write_text(json.dumps(data), encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: {path}: the file was changed after it was exported (its \"journal\" is "
        "not a Journal ID as export writes it: 12 characters, 0-9 and a-f); ask for the summary "
        "to be sent again.\n")


def _signed(who: str, since: str, until: str, journal: str | None = None,
            *entries: tuple[str, str]) -> dict[str, Any]:
    return {"writer": who, "period": {"since": since, "until": until},
            **({"journal": journal} if journal else {}),
            "shared_entries": [{"date": day, "experience": text} for day, text in entries]}


def test_writers_by_journal_then_by_signature() -> None:
    x, y = "aaaaaaaaaaaa", "bbbbbbbbbbbb"
    a = _signed("Ellis", "2026-11-01", "2026-11-30", x, ("2026-11-05", "A one."))
    b = _signed("Ellis", "2026-11-01", "2026-11-30", y, ("2026-11-06", "B one."))
    old_b = _signed("Ellis", "2026-11-01", "2026-11-15", None, ("2026-11-06", "B one."))
    old_c = _signed("Ellis", "2026-11-01", "2026-11-15", None, ("2026-11-07", "C one."))
    renamed = _signed("Ellis Brown", "2026-12-01", "2026-12-31", x)
    # an older summary joins the journal it shares an entry with; one apart from both is its own
    assert writers([a, b, old_b, old_c, renamed]) == [
        Writer(x, BY_JOURNAL), Writer(y, BY_JOURNAL), Writer(y, BY_JOURNAL), ("ellis", 0),
        Writer(x, BY_JOURNAL)]
    # one that fits either (no days in common) is no one's: not guessed (`unplaced`)
    quiet = _signed("Ellis", "2026-10-01", "2026-10-31", None)
    assert writers([b, a, quiet])[2] is None
    # an unsigned summary with an ID is its journal's; without one, no one's
    assert writers([_signed("", "2026-10-01", "2026-10-31", x), a,
                    _signed("", "2026-10-01", "2026-10-31")]) == [
        Writer(x, BY_JOURNAL), Writer(x, BY_JOURNAL), None]


# -- review DIR --json lists what it skipped ---------------------------------------------------

def test_review_json_lists_the_skipped_files(cli: CLI, tmp_path: Path) -> None:
    _write(cli, "We walked to the housing office together.", "2026-11-05")
    folder = tmp_path / "inbox"
    folder.mkdir()
    _export(cli, folder / "nov.json")
    for fmt in ("md", "html"):
        assert cli("export", "--yes", "-o", str(folder / f"nov.{fmt}")).exit_code == 0
    (folder / "notes.txt").write_text("Ask about the rota.\n", encoding="utf-8")
    (folder / "gone.json").symlink_to(tmp_path / "nowhere.json")
    result = cli("review", "--json", str(folder))
    assert result.exit_code == 0, result.stderr
    merged = json.loads(result.stdout)
    assert [s["file"] for s in merged["summaries"]] == [str(folder / "nov.json")]
    assert merged["skipped"] == [
        {"file": str(folder / "gone.json"), "format": None,
         "why": f"a link to {tmp_path / 'nowhere.json'}, which is not there (moved or "
                "deleted?); not read."},
        {"file": str(folder / "notes.txt"), "format": None,
         "why": "not a summary (not JSON); `peerjournal review` reads the file made by "
                "`peerjournal export --format json`."},
        {"file": str(folder / "nov.html"), "format": "HTML",
         "why": "an HTML summary, to read as it is: open it with a web browser. `peerjournal "
                "review` reads summaries exported with `--format json`."},
        {"file": str(folder / "nov.md"), "format": "Markdown",
         "why": "a Markdown summary, to read as it is: open it with any text editor or "
                "Markdown viewer. `peerjournal review` reads summaries exported with "
                "`--format json`."},
    ]
    # the text says the same files, the copies in one line as before
    lines = cli("review", str(folder)).stderr.splitlines()
    assert lines == [
        f"peerjournal: skipped {folder / 'gone.json'}: {merged['skipped'][0]['why']}",
        f"peerjournal: skipped {folder / 'notes.txt'}: {merged['skipped'][1]['why']}",
        f"peerjournal: skipped 1 HTML and 1 Markdown summaries in {folder}: read them as they "
        "are (in a text editor, a browser, a PDF viewer or a spreadsheet); `peerjournal "
        "review` reads summaries exported with `--format json`.",
    ]
    assert result.stderr == "\n".join(lines) + "\n"
    assert _review_json(cli, folder / "nov.json")["skipped"] == []


def test_a_folder_of_skipped_files_alone_lists_them_and_fails(cli: CLI, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "notes.txt").write_text("Ask about the rota.\n", encoding="utf-8")
    result = cli("review", "--json", str(folder))
    assert result.exit_code == 1
    merged = json.loads(result.stdout)
    assert [s["file"] for s in merged["skipped"]] == [str(folder / "notes.txt")]
    assert [e["file"] for e in merged["errors"]] == [str(folder)]


# -- export --json without --output: refused before anything else ------------------------------

@pytest.mark.parametrize("options", [
    ("--full",), ("--format", "json", "--yes"), ("--yes",), ("-o", "-", "--yes"),
])
def test_export_json_without_output_is_refused_first(
    cli: CLI, add: Add, options: tuple[str, ...]
) -> None:
    """QA round 42: the backup's privacy warning, the trash note and "No people are listed"
    came before the refusal. Now nothing is read: the one usage error alone."""
    trashed = add("An entry moved to the trash.")
    assert cli("delete", str(trashed)).exit_code == 0
    add("We walked to the housing office together.", "--share")
    result = cli("export", "--json", *options)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "peerjournal: --json describes the written file: use it with --output FILE.\n")


# -- a backup carries the ID; a journal with none takes it on import (round 43, second part) -----

KEPT_NOTE = ("Note: This journal keeps its own Journal ID, not the backup's: a mentor's "
             "`peerjournal review` reads summaries exported from the backup's journal and from "
             "this one as two writers'.")
TAKEN_NOTE = ("Note: This journal took the backup's Journal ID: a mentor's `peerjournal review` "
              "reads summaries exported from either journal as one writer's.")


def _backup(cli: CLI, out: Path, *db: str) -> dict[str, Any]:
    result = cli(*db, "export", "--full", "--force", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def _import_json(
    cli: CLI, path: Path, *db: str, dry_run: bool = False
) -> tuple[dict[str, Any], str]:
    """`import --json` of `path` into `db`'s journal: what it printed, and stderr (flat)."""
    result = cli(*db, "import", str(path), "--json", *(("--dry-run",) if dry_run else ()))
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout), _flat(result.stderr)


def test_a_writer_moving_computers_keeps_one_journal_id(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    """Was: the backup left the ID out, so the new computer's journal made another, and a
    mentor's review read the summaries from before and after the move as two writers'."""
    oct_, _ = _months(cli, tmp_path)
    old = json.loads(oct_.read_text(encoding="utf-8"))["journal"]
    backup = _backup(cli, tmp_path / "backup.json")
    assert backup["journal"] == old
    new = ("--db", str(tmp_path / "new" / "journal.db"))
    planned, said = _import_json(cli, tmp_path / "backup.json", *new, dry_run=True)
    assert planned["journal_id"] == "taken" and TAKEN_NOTE.replace("took", "would take") in said
    assert not (tmp_path / "new" / "journal.db").exists()  # (a dry run makes no journal)
    done, said = _import_json(cli, tmp_path / "backup.json", *new)
    assert done["journal_id"] == "taken" and TAKEN_NOTE in said
    assert _stored(tmp_path / "new" / "journal.db") == [(1, old)]
    _write(cli, "We met at the library and talked.", "2026-11-20", *new)  # (today)
    moved = _export(cli, tmp_path / "moved-nov.json", "--from", "Al", "--since", "2026-11-20",
                    "--until", "2026-11-20", db=new)
    assert moved["journal"] == old
    merged = _review_json(cli, oct_, tmp_path / "moved-nov.json")
    assert [s["writer_number"] for s in merged["summaries"]] == [1, 1]
    assert merged["between"][0]["signature_only"] is False
    again, said = _import_json(cli, tmp_path / "backup.json", *new)  # its own ID: nothing said
    assert again["journal_id"] == "same" and "Journal ID" not in said


def test_a_backup_of_a_journal_without_an_id_makes_none(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    """A backup reads the ID, never makes one (a read-only or damaged journal backs up too);
    without one it holds no "journal", which an older peerjournal could not import."""
    _write(cli, "We walked to the housing office together.", "2026-11-05")
    backup = _backup(cli, tmp_path / "backup.json")
    assert "journal" not in backup
    assert _stored(isolated / "journal.db") == []
    done, _ = _import_json(cli, tmp_path / "backup.json", "--db", str(tmp_path / "new.db"))
    assert done["journal_id"] is None and _stored(tmp_path / "new.db") == []


def test_a_journal_with_an_id_of_its_own_keeps_it_and_says_so(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    _write(cli, "We walked to the housing office together.", "2026-11-05")
    mine = _export(cli, tmp_path / "mine.json")["journal"]
    other = ("--db", str(tmp_path / "other.db"))
    _write(cli, "We sat in the garden and I listened.", "2026-11-06", *other)
    theirs = _export(cli, tmp_path / "theirs.json", db=other)["journal"]
    _backup(cli, tmp_path / "backup.json", *other)
    planned = cli("import", str(tmp_path / "backup.json"), "--dry-run", "--json")
    assert planned.exit_code == 0, planned.stderr
    assert json.loads(planned.stdout)["journal_id"] == "kept"
    assert KEPT_NOTE.replace("keeps", "would keep") in _flat(planned.stderr)
    done, said = _import_json(cli, tmp_path / "backup.json")
    assert done["journal_id"] == "kept" and done["entries"] == 1
    assert said.count("Journal ID") == 1 and KEPT_NOTE in said
    # (round 44: the note ends with the command that takes the backup's ID instead)
    assert len(done["notes"]) == 1
    assert done["notes"][0].startswith(KEPT_NOTE.removeprefix("Note: "))
    assert _stored(isolated / "journal.db") == [(1, mine)] and mine != theirs


@pytest.mark.parametrize("given", ["ABCDEF012345", "0123456789a", "", 12, ["0123456789ab"]])
def test_a_backup_with_an_edited_journal_id_is_refused_whole(
    cli: CLI, isolated: Path, tmp_path: Path, given: Any
) -> None:
    """Taken, a made-up ID would join this journal's summaries to another writer's."""
    _write(cli, "We walked to the housing office together.", "2026-11-05")
    backup = _backup(cli, tmp_path / "backup.json")
    backup["journal"] = given
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(backup), encoding="utf-8")
    new = tmp_path / "new.db"
    result = cli("--db", str(new), "import", str(path))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: {path}: the backup's 'journal' should be a journal ID (12 characters, "
        "0-9 and a-f), as `export --full` writes it. Nothing was "
        "imported: remove it to import the rest (the journal then keeps, or makes, an ID of its "
        "own).\n")
    assert not new.exists()
    backup["journal"] = None  # (as good as none)
    path.write_text(json.dumps(backup), encoding="utf-8")
    done, _ = _import_json(cli, path, "--db", str(new))
    assert done["entries"] == 1 and done["journal_id"] is None and _stored(new) == []


def test_an_import_that_fails_takes_no_id(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ID is taken in the import's one transaction: all or nothing (here the ID's own
    write fails, after the entries': none of them is kept either)."""
    _write(cli, "We walked to the housing office together.", "2026-11-05")
    _export(cli, tmp_path / "s.json")
    _backup(cli, tmp_path / "backup.json")
    new = tmp_path / "new.db"
    assert cli("--db", str(new), "write", "-x", "A journal of its own.").exit_code == 0

    def fails(self: store.Store, given: str) -> str:
        raise DatabaseError(engine._full(self.path))

    monkeypatch.setattr(store.Store, "take_journal_id", fails)
    result = cli("--db", str(new), "import", str(tmp_path / "backup.json"))
    assert result.exit_code == 4 and "is full; nothing was saved." in result.stderr
    assert _stored(new) == []
    with sqlite3.connect(new) as conn:
        assert conn.execute("SELECT count(*) FROM entry").fetchone() == (1,)


# -- the warning of an export whose journal cannot store its ID --------------------------------

def test_on_a_full_disk_the_id_warning_says_nothing_was_lost(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA durability #5: "…could not keep one: The disk … is full; nothing was saved." read as
    if the journal had lost something."""
    _write(cli, "We walked to the housing office together.", "2026-11-05")

    def full(self: store.Store) -> str:
        raise DatabaseError(engine._full(self.path))

    monkeypatch.setattr(store.Store, "journal_id", full)
    monkeypatch.setattr(engine, "_write_blocker", lambda path: engine.FULL)
    result = cli("export", "--yes", "-o", str(tmp_path / "s.json"))
    assert result.exit_code == 0, result.stderr
    said = _flat(result.stderr)
    assert ("This summary carries no Journal ID: the journal could not store one, as it cannot "
            "be changed: the disk holding it is full. Nothing in the journal was lost or "
            "changed.") in said
    assert "nothing was saved" not in said


# -- export with no one to answer its question: nothing written, and a failure -----------------

@pytest.mark.parametrize("extension", ["md", "json", "csv"])
def test_an_export_without_a_terminal_or_yes_fails(
    add: Add, isolated: Path, tmp_path: Path, extension: str
) -> None:
    """QA durability #6 (`export --output x.md < /dev/null`): a script or a cron backup must
    not take the question nobody answered for a written file."""
    import os
    import subprocess
    import sys

    from conftest import SRC

    add("We walked to the housing office together.", "--share")
    out = tmp_path / f"s.{extension}"
    done = subprocess.run(
        [sys.executable, "-m", "peerjournal", "export", "--output", str(out)],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": SRC},
    )
    assert done.returncode == 1 and done.stdout == "" and not out.exists()
    assert done.stderr.endswith(
        "Nothing was written. Check the preview, then add --yes to write without the question.\n")
