"""peerjournal export as the writer uses it: preview, confirmation, files, formats, backups."""

from __future__ import annotations

import io
import json
import os
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader

from peerjournal import paths
from peerjournal.db.store import Store

SHARED = ("I met Maria Lopez at the ward. I shared my own recovery story with her and we learned "
          "from each other. Her sister rang from 07700 900123.")
PRIVATE = "Busy work all day. I told Maria she should take her meds and listen to the team."


@pytest.fixture
def journal(cli, add) -> dict[str, int]:
    shared = add(SHARED, "--date", "2026-11-16", "--share", "-e",
                 "Next time I will ask Maria what she wants. Dr Okafor agreed.",
                 "--tag", "maria", "--setting", "Maria's flat")
    private = add(PRIVATE, "--date", "2026-11-18")
    old = add("An old entry about Maria from the spring.", "--date", "2026-03-02")
    assert cli("people", "add", "Maria Lopez").exit_code == 0
    return {"shared": shared, "private": private, "old": old}


def test_preview_then_confirm_writes_a_private_file(cli, journal, tmp_path: Path) -> None:
    out = tmp_path / "summary.md"
    result = cli("export", "-o", str(out), "--note", "Maria is on my mind", input="y\n")
    assert result.exit_code == 0, result.stderr
    assert "Preview: what will be written to" in result.stderr
    checks = " ".join(result.stderr.split("Check these capitalised words")[1].split())
    assert checks.startswith("(in the preview above): Okafor")
    assert "Identity" not in checks  # the summary's own headings are not flagged
    text = out.read_text()
    assert "maria" not in text.casefold() and "07700" not in text
    assert "[person] is on my mind" in text and "[phone]" in text
    assert "Busy work all day" not in text  # an unshared entry's text never leaves
    assert "Next time I will ask [person] what she wants." in text
    assert "2026-03-02" not in text  # outside the default 4 weeks
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600


def test_saying_no_writes_nothing(cli, journal, tmp_path: Path) -> None:
    out = tmp_path / "s.md"
    result = cli("export", "-o", str(out), input="n\n")
    assert result.exit_code == 1 and "Nothing was written" in result.stderr
    assert not out.exists()


def test_no_answer_is_a_clear_error(cli, journal, tmp_path: Path) -> None:
    result = cli("export", "-o", str(tmp_path / "s.md"), input="")
    assert result.exit_code == 1 and "add --yes" in result.stderr


def test_refuses_to_overwrite_without_force(cli, journal, tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    out.write_text("keep me")
    refused = cli("export", "--yes", "-o", str(out))
    assert refused.exit_code == 1 and "already exists; add --force" in refused.stderr
    assert out.read_text() == "keep me"
    assert cli("export", "--yes", "-o", str(out), "--force").exit_code == 0
    assert json.loads(out.read_text())["schema"] == "peerjournal.summary/1"


def test_format_from_extension_and_stdout(cli, journal, tmp_path: Path) -> None:
    csv_out = cli("export", "--yes", "--format", "csv")
    assert csv_out.stdout.startswith(
        "summary_since,summary_until,redacted,start,end,entries,identity,drift,balance")
    assert len(csv_out.stdout.strip().splitlines()) == 5  # header + 4 weeks
    html = tmp_path / "s.html"
    assert cli("export", "--yes", "-o", str(html)).exit_code == 0
    page = html.read_text()
    assert page.startswith("<!DOCTYPE html>") and "http" not in page and "<script" not in page


def test_pdf_export(cli, journal, tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    result = cli("export", "--yes", "-o", str(out), "--from", "Sam", "--json")
    receipt = json.loads(result.stdout)
    assert {k: v for k, v in receipt.items() if k != "words_to_check"} == {
        "output": str(out), "format": "pdf", "bytes": out.stat().st_size,
        # (round 44: the keys a script reads are there when empty)
        "replaced_opening": [], "passages_to_read": [], "after_today": 0}
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Reflective-practice summary: Sam" in text and "Maria" not in text


def test_no_redact_is_explicit_and_labelled(cli, journal) -> None:
    result = cli("export", "--yes", "--no-redact", "--format", "json")
    summary = json.loads(result.stdout)
    assert summary["redacted"] is False
    assert "Maria" in summary["shared_entries"][0]["experience"]
    assert "UNREDACTED" in cli("export", "--yes", "--no-redact").stdout


def test_window_options(cli, journal) -> None:
    summary = json.loads(cli("export", "--yes", "-f", "json", "--since", "2026-03-01",
                             "--until", "2026-03-31", "--by", "month").stdout)
    assert summary["period"] == {"since": "2026-03-01", "until": "2026-03-31", "by": "month"}
    assert summary["entries"]["total"] == 1 and summary["entries"]["shared"] == 0
    bad = cli("export", "--yes", "--since", "2026-11-20", "--until", "2026-11-01")
    assert bad.exit_code == 1 and "after --until" in bad.stderr
    assert "Unknown format" in cli("export", "--yes", "-f", "docx").stderr


def test_with_check_includes_the_latest_complete_self_check(cli, journal) -> None:
    missing = cli("export", "--yes", "--with-check")
    assert missing.exit_code == 1 and "no complete self-check" in missing.stderr
    store = Store(paths.db_path())
    with store._write() as conn:
        conn.execute("INSERT INTO selfcheck (created_at, answers, complete) VALUES (?, ?, 1)",
                     ("2026-11-19T10:00:00+00:00",
                      json.dumps({"mutuality": {"score": 4, "note": "Better with Maria"},
                                  "story": {"score": 2, "note": ""}})))
        conn.execute("INSERT INTO selfcheck (created_at, answers, complete) VALUES (?, ?, 0)",
                     ("2026-11-20T10:00:00+00:00", json.dumps({"story": {"score": 5}})))
    store.close()
    summary = json.loads(cli("export", "--yes", "-f", "json", "--with-check").stdout)
    items = {i["id"]: i for i in summary["selfcheck"]["items"]}
    assert summary["selfcheck"]["date"] == "2026-11-19"
    assert items["mutuality"]["note"] == "Better with [person]" and items["story"]["score"] == 2
    assert items["story"]["text"]  # the wording from the self-check form
    assert list(items) == ["story", "mutuality"]  # in the form's order


def test_a_self_check_after_the_period_says_so(cli, journal) -> None:
    """Was: an October summary carried "Self-check (2026-11-19)" with nothing to say it was
    done after the period it covers."""
    store = Store(paths.db_path())
    with store._write() as conn:
        conn.execute("INSERT INTO selfcheck (created_at, answers, complete) VALUES (?, ?, 1)",
                     ("2026-11-19T10:00:00+00:00", json.dumps({"story": {"score": 2}})))
    store.close()
    october = ("--since", "2026-10-01", "--until", "2026-10-31", "--with-check")
    assert "## Self-check (2026-11-19, after this period)" in cli(
        "export", "--yes", *october).stdout
    assert "## Self-check (2026-11-19)\n" in cli("export", "--yes", "--with-check").stdout


def test_full_backup_round_trips_through_import(cli, journal, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    backup = tmp_path / "backup.json"
    result = cli("export", "--full", "--format", "json", "-o", str(backup))
    assert result.exit_code == 0
    assert "holds the journal's entries, records and drafts, unredacted" in result.stderr
    data = json.loads(backup.read_text())
    assert data["schema"] == "peerjournal.backup/1" and len(data["entries"]) == 3
    assert data["people"] == [
        {"name": "Maria Lopez", "alias": None, "created_at": "2026-11-20T18:30:00+00:00"}]
    assert data["self_checks"] == [] and data["supervisions"] == []  # see test_backup.py
    monkeypatch.setenv("PEERJOURNAL_DB", str(tmp_path / "empty.db"))
    assert cli("import", str(backup)).exit_code == 0
    again = cli("export", "--full", "--format", "json")
    assert json.loads(again.stdout) == data  # the people list came back too


def test_full_refuses_other_formats_and_options(cli, journal) -> None:
    assert "--format json" in cli("export", "--full", "-f", "md").stderr
    assert "takes no" in cli("export", "--full", "-f", "json", "--note", "x").stderr


def test_nothing_written_when_the_output_folder_is_missing(cli, journal, tmp_path: Path) -> None:
    result = cli("export", "--yes", "-o", str(tmp_path / "nope" / "s.md"))
    assert result.exit_code == 1 and "does not exist" in result.stderr


def test_full_without_format_is_a_json_backup_on_stdout(cli, journal) -> None:
    # It used to fail, asking for --format json: a full backup has no other format.
    result = cli("export", "--full")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "peerjournal.backup/1" and len(data["entries"]) == 3
    assert "holds the journal's entries, records and drafts, unredacted" in result.stderr


def test_full_without_output_on_a_terminal_goes_to_a_dated_private_file(
    cli, journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.cli import export

    monkeypatch.setattr(export, "_stdout_is_terminal", lambda: True)
    monkeypatch.chdir(tmp_path)
    result = cli("export", "--full")
    assert result.exit_code == 0, result.stderr
    backup = tmp_path / "peerjournal-backup-2026-11-20.json"
    assert result.stdout == "" and f"Wrote {backup.name}" in result.stderr
    assert len(json.loads(backup.read_text())["entries"]) == 3
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    again = cli("export", "--full")  # never over an earlier backup without --force
    assert again.exit_code == 1 and "--force" in again.stderr
    assert len(json.loads(backup.read_text())["entries"]) == 3
    piped = cli("export", "--full", "-o", "-")  # asked for on stdout: there it goes
    assert piped.exit_code == 0 and json.loads(piped.stdout)["entries"]


def test_a_csv_says_on_every_row_what_it_covers_and_whether_it_was_redacted(
    cli, journal, tmp_path: Path
) -> None:
    """Was: the periods' numbers alone, nothing on the period asked for or on redaction."""
    import csv

    out = tmp_path / "numbers.csv"
    assert cli("export", "--yes", "--since", "2026-11-04", "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert [(r["summary_since"], r["summary_until"], r["redacted"]) for r in rows] == [
        ("2026-11-04", "2026-11-20", "true")] * 3
    assert [r["start"] for r in rows] == ["2026-11-04", "2026-11-09", "2026-11-16"]
    assert rows[2]["entries"] == "2"
    raw = cli("export", "--yes", "--no-redact", "-f", "csv", "--since", "2026-11-16")
    (row,) = csv.DictReader(io.StringIO(raw.stdout))
    assert (row["summary_since"], row["redacted"]) == ("2026-11-16", "false")
    assert "maria" not in (out.read_text() + raw.stdout).casefold()  # numbers alone
