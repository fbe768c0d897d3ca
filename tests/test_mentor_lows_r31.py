"""QA round 31, the mentor's low findings: an old self-check is said to be from before the
period; an empty people list is not called redaction of names; `review FOLDER` reads the
summaries in it and a `report --json` file is named as one; narrow terminals keep tags and
commands whole, a wide one shows the tags; `drift`'s balance has one kind of minus; `drift
--json`'s spans are documented and --text drops a byte order mark as --stdin does."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from peerjournal.cli.drafts_list import age, lines
from test_review_r26 import _save
from test_supervision_cli import all_answers, answers_file

CLI = Callable[..., Any]
Add = Callable[..., int]


def _one_line(text: str) -> str:
    return " ".join(text.split())


# -- 1. a self-check from before the period says so ------------------------------------------


def _old_check_and_export(cli: CLI, add: Add, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                          fmt: str = "json") -> Path:
    answers = {**all_answers(3), "voice": 1, "self_worth": 2}
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-10-01T10:00:00+00:00")
    assert cli("supervision", "check", "--answers", answers_file(tmp_path, answers)).exit_code == 0
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-20T18:30:00+00:00")
    add("I shared my story and we planned together.", "--share")
    out = tmp_path / f"wc.{fmt}"
    result = cli("export", "--yes", "--with-check", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out


def test_review_says_an_old_self_check_was_made_before_the_period(
    cli: CLI, add: Add, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _old_check_and_export(cli, add, tmp_path, monkeypatch)
    assert json.loads(out.read_text())["selfcheck"]["date"] == "2026-10-01"
    shown = _one_line(cli("review", str(out)).stdout)
    assert "To talk about: a self-check from 1 Oct, before this period (scored 1 or 2" in shown
    assert "Self-check (2026-10-01, before this period)" in shown


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_every_export_format_says_the_self_check_is_older(
    cli: CLI, add: Add, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    text = _one_line(_old_check_and_export(cli, add, tmp_path, monkeypatch, fmt).read_text())
    assert "a self-check from 1 Oct, before this period" in text
    assert "Self-check (2026-10-01, before this period)" in text


def test_a_self_check_in_the_period_is_named_as_before(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    assert cli("supervision", "check", "--answers",
               answers_file(tmp_path, {**all_answers(3), "voice": 1})).exit_code == 0
    add("I shared my story.", "--share")
    out = tmp_path / "s.json"
    assert cli("export", "--yes", "--with-check", "-o", str(out)).exit_code == 0
    shown = _one_line(cli("review", str(out)).stdout)
    assert "To talk about: a self-check (scored 1 or 2" in shown
    assert "Self-check (2026-11-20)" in shown and "before this period" not in shown


# -- 2. an empty people list is said to be one -----------------------------------------------


def test_a_summary_with_nobody_listed_says_no_names_were_replaced(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    add("I shared my story with Will.", "--share")
    out = tmp_path / "s.json"
    result = cli("export", "--yes", "-o", str(out))
    assert "No people are listed" in result.stderr  # the writer's warning, as before
    assert json.loads(out.read_text())["people_listed"] is False
    shown = _one_line(cli("review", str(out)).stdout)
    assert "Redaction: on, but no people were listed, so no names were replaced" in shown
    assert "[person]" not in shown
    md = tmp_path / "s.md"
    assert cli("export", "--yes", "-o", str(md)).exit_code == 0
    assert "no people were listed, so no names were replaced" in _one_line(md.read_text())


def test_with_people_listed_redaction_reads_as_before_and_a_summary_without_it_is_refused(
    cli: CLI, add: Add, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Round 35: a summary that says it is redacted without people_listed is refused (an
    unredacted one with its flag set to true read "Redaction: on"). Round 42: one made before
    the field (6 Dec 2026) is read as an older export's (test_r42_review.py), so this one is
    made after it."""
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-12-07T18:30:00+00:00")
    assert cli("people", "add", "Will Turner").exit_code == 0
    add("I shared my story with Will.", "--share")
    out = tmp_path / "s.json"
    assert cli("export", "--yes", "-o", str(out)).exit_code == 0
    data = json.loads(out.read_text())
    assert data["people_listed"] is True
    before = "Redaction: on (names on the writer's people list"
    assert before in _one_line(cli("review", str(out)).stdout)
    del data["people_listed"]  # an edited summary, or one from a peerjournal not updated
    old = _save(tmp_path / "old.json", data)
    result = cli("review", old)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: {old}: it says it is redacted, but not whether the people list had "
        "anyone on it, as every redacted export since 6 December 2026 says: it was made by an "
        "older peerjournal (ask the writer to update peerjournal and export it again), or it "
        "was changed after it was exported.\n")
    data["people_listed"] = "no"  # a changed file is refused, naming the field
    result = cli("review", _save(tmp_path / "bad.json", data))
    assert result.exit_code == 1
    assert "people listed is not true or false" in result.stderr


def test_an_unredacted_summary_has_no_people_field(cli: CLI, add: Add, tmp_path: Path) -> None:
    add("A day.", "--share")
    out = tmp_path / "s.json"
    assert cli("export", "--yes", "--no-redact", "-o", str(out)).exit_code == 0
    assert "people_listed" not in json.loads(out.read_text())


# -- 3. review FOLDER, and a report named as one ---------------------------------------------


def _summary_file(cli: CLI, add: Add, path: Path) -> Path:
    add("I shared my story.", "--share")
    assert cli("export", "--yes", "-o", str(path)).exit_code == 0
    return path


def test_review_of_a_folder_reads_its_summaries_and_skips_other_files(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    folder = tmp_path / "summaries"
    folder.mkdir()
    _summary_file(cli, add, folder / "alex.json")
    assert cli("export", "--yes", "-o", str(folder / "alex.md")).exit_code == 0
    (folder / "report.json").write_text(cli("report", "--json").stdout, encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\0\1")
    (folder / "old").mkdir()
    result = cli("review", str(folder))
    assert result.exit_code == 0, result.stderr
    assert f"File: {folder / 'alex.json'}" in result.stdout
    skipped = result.stderr.splitlines()
    assert len(skipped) == 2, result.stderr  # one line each; not the hidden file or the folder
    assert skipped[0].startswith(f"peerjournal: skipped {folder / 'alex.md'}: a Markdown summary")
    assert skipped[1].startswith(f"peerjournal: skipped {folder / 'report.json'}: the output of "
                                 "`peerjournal report --json`")


def test_a_folder_with_no_summary_is_an_error(cli: CLI, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli("review", str(empty))
    assert result.exit_code == 1
    assert result.stderr == f"peerjournal: {empty}: a folder with no files in it; `peerjournal " \
                            "review` reads the summaries made by `peerjournal export --format " \
                            "json`.\n"
    (empty / "notes.txt").write_text("a note", encoding="utf-8")
    result = cli("review", str(empty))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].startswith(
        f"peerjournal: {empty}: a folder with no summary in it (1 file skipped above)")


def test_a_damaged_summary_in_a_folder_fails_the_review(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    good = _summary_file(cli, add, folder / "a.json")
    data = json.loads(good.read_text())
    data["entries"]["total"] = -1
    _save(folder / "b.json", data)
    result = cli("review", str(folder))
    assert result.exit_code == 1
    assert f"File: {good}" in result.stdout  # the good one is still shown
    assert f"{folder / 'b.json'}: the file was changed after it was exported" in result.stderr


def test_a_report_json_is_named_as_a_report(cli: CLI, add: Add, tmp_path: Path) -> None:
    add("A day.")
    report = tmp_path / "report.json"
    report.write_text(cli("report", "--json").stdout, encoding="utf-8")
    result = cli("review", str(report))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {report}: the output of `peerjournal report --json` (the writer's own "
        "trends), not a summary made by `export`: ask for a summary made with `peerjournal "
        "export --format json`.\n"
    )


# -- 4. widths -------------------------------------------------------------------------------

LONG_TAG = "very-long-tag-name-that-does-not-fit-in-a-table"


def test_show_and_search_at_40_columns_break_a_long_tag_at_a_hyphen(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("I told him he needs to take his meds.", "-t", f"{LONG_TAG},housing", "-s", "housing")
    monkeypatch.setenv("COLUMNS", "40")
    for args in (("show", "1"), ("search", "meds")):
        out = cli(*args).stdout
        rows = out.splitlines()
        assert all(len(row) <= 40 for row in rows), out
        # round 41: both pieces under the date, as the header's other lines: flush left, the
        # last piece read as a heading of its own
        assert "     #very-long-tag-name-that-does-not-" in rows, out
        assert "     fit-in-a-table" in rows, out  # the tag's last piece on its own line
        assert "     #housing" in rows, out


def test_show_never_breaks_the_command_in_its_drift_line(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("I told him he needs to take his meds.")
    for columns in ("40", "30", "24", "100"):
        monkeypatch.setenv("COLUMNS", columns)
        out = cli("show", "1").stdout
        assert any(row.endswith("peerjournal drift 1") and "peerjournal drift 1" in row
                   and row.strip().startswith(("peerjournal", "·", "Drift", "details"))
                   for row in out.splitlines()), (columns, out)
        assert "peerjournal\n" not in out, (columns, out)
    monkeypatch.setenv("COLUMNS", "40")
    rows = cli("show", "1").stdout.splitlines()
    # a line of its own starts with its words, not the dot that joined it (round 43)
    assert rows[-2:] == ["Drift: leans clinical", "details: peerjournal drift 1"]


def test_write_s_drift_line_keeps_the_command_whole_on_a_narrow_terminal() -> None:
    from rich.console import Console

    from peerjournal.render.verdicts import OneLineSummary

    console = Console(width=40, record=True, color_system=None)
    console.print(OneLineSummary(12, {"verdict": "drift", "identity": 0.0, "drift": 33.3}))
    assert console.export_text().splitlines() == [
        "Drift: leans clinical (peer identity",
        "0.0, drift 33.3 per 100 words)",
        "details: peerjournal drift 12",
    ]


def test_list_on_a_wide_terminal_shows_whole_tags(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("We talked about the week.", "-t", "housing,very-long-tag", "-s", "housing")
    monkeypatch.setenv("COLUMNS", "160")
    out = cli("list").stdout
    assert "housing, very-long-tag" in out and "…" not in out, out
    # where there is less room, never cut (round 43: "housing, very…" was): the tags wrap
    # in their row, a tag at a time, and narrower still each entry is a block
    monkeypatch.setenv("COLUMNS", "80")
    lines = cli("list").stdout.splitlines()
    assert lines[2].split()[3:4] == ["housing,"] and lines[3].split() == ["very-long-tag"]
    monkeypatch.setenv("COLUMNS", "50")
    narrow = cli("list").stdout
    assert "#housing  #very-long-tag" in narrow and "…" not in narrow.split("\n", 2)[1]


def test_drafts_ages_keep_their_column_and_old_ones_are_dates() -> None:
    now = datetime.fromisoformat("2026-12-05T10:00:00+00:00")
    assert age(now - timedelta(minutes=10), now) == "10 minutes ago"
    assert age(now - timedelta(days=3), now) == "3 days ago"
    assert age(now - timedelta(days=704), now) == "on 31 Dec 2024"
    assert age(now - timedelta(days=20), now) == "on 15 Nov"
    rows: list[dict[str, Any]] = [
        {"number": 1, "modified": "2026-12-05T09:50:00+00:00", "kind": "write",
         "entry_id": None, "age": "10 minutes ago", "first_words": "A long day"},
        {"number": 2, "modified": "2024-12-31T10:00:00+00:00", "kind": "guided",
         "entry_id": None, "age": "on 31 Dec 2024", "first_words": "Calm"},
        {"number": 3, "modified": "2026-12-05T08:00:00+00:00", "kind": "edit",
         "entry_id": 14, "age": "2 hours ago", "first_words": ""},
    ]
    assert lines(rows) == [
        "  1  2026-12-05 09:50  10 minutes ago  write       A long day",
        "  2  2024-12-31 10:00  on 31 Dec 2024  guided      Calm",
        "  3  2026-12-05 08:00  2 hours ago     edit of 14  (empty)",
    ]


def test_drift_s_balance_has_one_kind_of_minus(cli: CLI, add: Add) -> None:
    add("I told him he needs to take his meds. I shared my story.")
    out = _one_line(cli("drift", "1").stdout)
    # a hyphen-minus, as the report's balances (round 43: braille tables may lack U+2212)
    assert "Balance -0.33 (-1 drift … +1 identity; even at +0.2" in out


# -- 5. drift --json's spans -----------------------------------------------------------------


def test_drift_help_says_what_the_json_spans_index(cli: CLI) -> None:
    text = _one_line(cli("drift", "--help").stdout)
    assert "each hit's start and end count characters (not bytes) into the text scored" in text
    assert "less a byte order mark at its start" in text
    assert 'joined by a blank line ("\\n\\n")' in text


def test_a_byte_order_mark_is_dropped_by_text_as_by_stdin(cli: CLI) -> None:
    said = "I told HIM he needs to take his meds."
    piped = cli("drift", "--stdin", "--json", input=b"\xef\xbb\xbf" + said.encode())
    typed = cli("drift", "--text", "\ufeff" + said, "--json")
    plain = cli("drift", "--text", said, "--json")
    spans = [[(h["start"], h["end"]) for h in json.loads(r.stdout)["hits"]]
             for r in (piped, typed, plain)]
    assert spans[0] == spans[1] == spans[2] and spans[0]
    first = json.loads(plain.stdout)["hits"][0]
    assert said[first["start"]:first["end"]] == first["text"]


def test_an_entry_s_spans_index_its_elements_joined_by_a_blank_line(cli: CLI) -> None:
    result = cli("write", "-x", "We met.", "-f", "Tired.", "-e", "I told him he needs to rest.")
    entry_id = result.stdout.strip()
    entry = json.loads(cli("show", entry_id, "--json").stdout)
    text = "\n\n".join(entry[k] for k in ("experience", "feelings", "evaluation") if entry[k])
    hits = json.loads(cli("drift", entry_id, "--json").stdout)["hits"]
    assert hits and all(text[h["start"]:h["end"]] == h["text"] for h in hits)
