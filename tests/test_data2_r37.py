"""Round 37 (data2): review refuses numbers its summary contradicts (totals against the
periods, a marker's entries, a flipped direction); drift ID says when the journal's score
comes from another lexicon though the verdict is the same; one wording for a window without
entries, which prep uses too (naming an entry dated tomorrow); deeply nested TOML or JSON
refused in a line; a thousand --tag; share taking delete's ID lists; an import id past 2**63
renumbered; a journal's schema version that does not match its tables; no date suggested
that is in the future."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.db.stats import none_in_window
from peerjournal.demo import load_demo_drafts

Add = Callable[..., int]
TODAY = date(2026, 11, 20)  # conftest's FIXED_NOW
AGAIN = "ask for the summary to be sent again.\n"


# -- qa_mentor 3: review checks the numbers against each other ---------------------------------


@pytest.fixture
def demo(cli: CLI, tmp_path: Path) -> None:
    """The demo's twelve weeks of entries (a realistic journal), with people listed and two
    entries shared."""
    records = []
    for draft in load_demo_drafts(TODAY):
        record = {k: v for k, v in asdict(draft).items()
                  if k in ("experience", "feelings", "evaluation", "setting", "tags",
                           "self_care", "mode")}
        records.append({**record, "date": draft.date.isoformat()})
    source = tmp_path / "demo.json"
    source.write_text(json.dumps(records), encoding="utf-8")
    assert cli("import", str(source)).exit_code == 0
    for name in ("Sam", "Jo"):
        assert cli("people", "add", name).exit_code == 0
    assert cli("share", f"{len(records) - 1}-{len(records)}").exit_code == 0


def _export(cli: CLI, path: Path, *options: str) -> dict[str, Any]:
    result = cli("export", "--yes", "--force", "-o", str(path), "--format", "json", *options)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("options", [
    (), ("--by", "month"), ("--since", "2026-08-01"), ("--since", "2026-08-01", "--by", "month"),
    ("--no-redact", "--since", "2026-09-01"), ("--since", "last month"),
    ("--since", "2026-11-16"), ("--since", "2025-01-01"),
])
def test_genuine_summaries_of_a_realistic_journal_still_pass_review(
    cli: CLI, demo: None, tmp_path: Path, options: tuple[str, ...]
) -> None:
    path = tmp_path / "summary.json"
    _export(cli, path, *options)
    result = cli("review", str(path))
    assert result.exit_code == 0, result.stderr
    for other in ("md", "html"):  # (review reads JSON only: said as before)
        out = tmp_path / f"summary.{other}"
        assert cli("export", "--yes", "--force", "-o", str(out), "--format", other,
                   *options).exit_code == 0
        assert cli("review", str(out)).exit_code == 1


def _tampered(cli: CLI, tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Any:
    path = tmp_path / "summary.json"
    data = _export(cli, path, "--since", "2026-08-01")
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")
    return cli("review", str(path)), path


def _refused(result: Any, path: Path, problem: str) -> None:
    assert result.exit_code == 1 and result.stdout == "", result.stdout
    assert result.stderr.startswith(
        f"peerjournal: {path}: the file was changed after it was exported ({problem}"
    ), result.stderr
    assert result.stderr.endswith(AGAIN)


def test_totals_raised_above_every_period_are_refused(
    cli: CLI, demo: None, tmp_path: Path
) -> None:
    """Before: "peer identity 19.0" shown, no week above 12.5 (the balance made to match)."""

    def up(data: dict[str, Any]) -> None:
        t = data["totals"]
        t["identity"] += 10
        t["balance"] = round((t["identity"] - t["drift"]) / (t["identity"] + t["drift"]), 3)

    result, path = _tampered(cli, tmp_path, up)
    _refused(result, path, "totals identity is ")


def test_a_periods_words_multiplied_are_refused(cli: CLI, demo: None, tmp_path: Path) -> None:
    def more_words(data: dict[str, Any]) -> None:
        busiest = max(data["periods"], key=lambda p: p["entries"])
        busiest["words"] *= 100

    result, path = _tampered(cli, tmp_path, more_words)
    _refused(result, path, "totals ")


@pytest.mark.parametrize(("count", "entries", "problem"), [
    (3, 99, "markers drift #1 entries is 99, but entries scored is "),
    (1, 5, "markers drift #1 count is 1, fewer than its entries, 5"),
])
def test_impossible_marker_counts_are_refused(
    cli: CLI, demo: None, tmp_path: Path, count: int, entries: int, problem: str
) -> None:
    """Before: "telling them what to do (Advice): 3 times in 99 entries" in a smaller summary."""

    def change(data: dict[str, Any]) -> None:
        data["markers"]["drift"][0].update(count=count, entries=entries)

    result, path = _tampered(cli, tmp_path, change)
    _refused(result, path, problem)


def test_a_flipped_direction_is_refused_and_steady_is_let_be(
    cli: CLI, demo: None, tmp_path: Path
) -> None:
    """Before: "Recovery story 2.4 ↓ falling" over a series that rises."""
    path = tmp_path / "summary.json"
    data = _export(cli, path, "--since", "2026-08-01")
    moving = [(n, row, polarity) for n, row in enumerate(data["dimensions"])
              for polarity in ("identity", "drift")
              if row[f"{polarity}_direction"] in ("up", "down")]
    assert moving, "the demo has a dimension that moves"
    n, row, polarity = moving[0]
    given = row[f"{polarity}_direction"]
    flipped = "down" if given == "up" else "up"
    for value, refused in ((flipped, True), (None, True), ("steady", False)):
        changed = json.loads(json.dumps(data))
        changed["dimensions"][n][f"{polarity}_direction"] = value
        path.write_text(json.dumps(changed), encoding="utf-8")
        result = cli("review", str(path))
        if refused:
            _refused(result, path, f"dimensions #{n + 1} {polarity}_direction is "
                                   f"{value or 'none'}, but its periods' numbers make it {given}")
        else:
            assert result.exit_code == 0, result.stderr


def test_a_person_placeholder_typed_by_the_writer_is_no_tampering(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """With no people listed, "[person]" in an export is the writer's own typing: a summary
    that says "no names were replaced" above it is genuine, so not refused."""
    add("I sat with [person] and listened to her story.", "--share")
    path = tmp_path / "summary.json"
    data = _export(cli, path)
    assert data["people_listed"] is False and "[person]" in json.dumps(data)
    assert cli("review", str(path)).exit_code == 0


# -- qa_reports 3: drift ID and a score from another lexicon -----------------------------------


def test_drift_id_says_the_stored_score_is_from_another_lexicon_with_the_same_verdict(
    cli: CLI, add: Add, isolated: Path
) -> None:
    entry = add("I shared my own story and we explored options together; he chose.")
    verdict = json.loads(cli("show", str(entry), "--json").stdout)["drift"]
    assert verdict
    db = sqlite3.connect(isolated / "journal.db")
    with db:
        db.execute("UPDATE entry SET lexicon_version = 'older'")
    db.close()
    result = cli("drift", str(entry))
    assert result.exit_code == 0
    assert "The journal still holds an earlier score for this entry (also " in result.stderr
    # (round 46: only the version differs, so the figures are the same, and said so)
    assert "with the same figures" in result.stderr and "drift --rescore" in result.stderr
    assert cli("drift", "--rescore").exit_code == 0
    assert "earlier score" not in cli("drift", str(entry)).stderr


# -- qa_reports 7 and 8: one wording for a window without entries ------------------------------


def test_one_wording_for_a_window_without_entries() -> None:
    found = (date(2026, 6, 8), date(2026, 12, 4))
    assert none_in_window(date(2025, 1, 1), date(2025, 2, 1), found) == (
        "No entries from 1 Jan 2025 to 1 Feb 2025; your entries run from 8 Jun 2026 to "
        "4 Dec 2026."
    )
    assert none_in_window(date(2025, 1, 1), None, (found[0], found[0]), filtered=True) == (
        "No entries from 1 Jan 2025 on match these filters; those that match are all "
        "dated 8 Jun 2026."
    )


def test_prep_names_an_only_entry_dated_tomorrow(cli: CLI, tmp_path: Path) -> None:
    """Before: "No entries in this period." alone, while report named the entry."""
    source = tmp_path / "tomorrow.json"
    source.write_text(json.dumps([{"date": "2026-11-21", "experience": "We walked."}]), "utf-8")
    assert cli("import", str(source)).exit_code == 0
    shown = cli("supervision", "prep")
    assert shown.exit_code == 0
    assert ("No entries from 26 Oct 2026 to 20 Nov 2026; yours are all dated after today "
            "(21 Nov 2026). What would you like to bring anyway?") in " ".join(shown.stdout.split())


def test_prep_of_an_empty_journal_says_no_entries_in_this_period(cli: CLI) -> None:
    assert "No entries in this period." in cli("supervision", "prep").stdout


# -- qa_robust 1: deeply nested TOML and JSON --------------------------------------------------

DEEP_TOML = "x = " + "[" * 1000 + "]" * 1000 + "\n"
DEEP_JSON = "[" * 100_000 + "]" * 100_000


def test_a_deeply_nested_config_is_one_line_and_write_stdin_keeps_the_text(
    cli: CLI, isolated: Path
) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.toml").write_text(DEEP_TOML, "utf-8")
    result = cli("write", "--stdin", input="Piped words about the day\n")
    assert result.exit_code == 1
    assert f"{isolated / 'config.toml'}: not valid TOML (nested too deeply)." in result.stderr
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    kept = list((isolated / "drafts").glob("kept-*.json"))
    assert len(kept) == 1 and "Piped words about the day" in kept[0].read_text("utf-8")
    assert cli("report").exit_code == 1


def test_a_deeply_nested_prompt_set_is_one_line(cli: CLI, isolated: Path) -> None:
    (isolated / "prompts").mkdir(parents=True)
    (isolated / "prompts" / "mine.toml").write_text(DEEP_TOML, "utf-8")
    listed = cli("prompts", "list")
    assert listed.exit_code == 0 and "nested too deeply" in listed.stderr
    result = cli("write", "-x", "hi", "--prompts", "mine")
    assert result.exit_code == 1 and "not valid TOML (nested too deeply)." in result.stderr


@pytest.mark.parametrize(("name", "text", "kind"), [
    ("deep.json", DEEP_JSON, "JSON"),
    ("deep.json", '{"a":' * 100_000 + "1" + "}" * 100_000, "JSON"),
    ("deep.toml", DEEP_TOML, "TOML"),
])
def test_deeply_nested_answers_are_one_line(
    cli: CLI, tmp_path: Path, name: str, text: str, kind: str
) -> None:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    result = cli("supervision", "check", "--answers", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"peerjournal: {path}: not valid {kind} (nested too deeply).\n"
    piped = cli("supervision", "check", "--answers", "-", input=text)
    assert piped.exit_code == 1
    assert piped.stderr.endswith("not valid TOML or JSON (nested too deeply).\n")


# -- qa_robust 3: a thousand tags --------------------------------------------------------------


@pytest.mark.parametrize("command", [("list",), ("report",), ("search", "walked")])
def test_a_thousand_tags_are_looked_for(cli: CLI, add: Add, command: tuple[str, ...]) -> None:
    """Before: "Database error … SQLITE_ERROR", exit 4 (SQLite's expression depth)."""
    add("We walked to the office.", "-t", "a,b")
    many = ",".join(f"t{n}" for n in range(1000))
    result = cli(*command, "--tag", many)
    assert result.exit_code == 0, result.stderr
    assert "Database error" not in result.stderr


def test_many_tags_that_an_entry_holds_match_it(cli: CLI, add: Add) -> None:
    tags = [f"t{n}" for n in range(120)]
    add("We walked to the office.", "-t", ",".join(tags))
    add("We walked to the shop.", "-t", ",".join(tags[:-1]))
    found = json.loads(cli("list", "--tag", ",".join(tags), "--json").stdout)
    assert [e["experience"] for e in found] == ["We walked to the office."]


def test_more_tags_than_a_query_holds_are_refused_in_a_line(cli: CLI, add: Add) -> None:
    add("We walked to the office.")
    result = cli("list", "--tag", ",".join(f"t{n}" for n in range(10_001)))
    assert result.exit_code == 1
    assert result.stderr == (
        "peerjournal: 10,001 tags given to look for; at most 10,000 at once (an entry must "
        "hold every one).\n"
    )


# -- qa_robust 5: share takes the ID lists delete and restore take -----------------------------


@pytest.mark.parametrize("ids", [("1-2",), ("1,2",), ("1", "2")])
def test_share_and_unshare_take_ranges_and_lists(cli: CLI, add: Add, ids: tuple[str, ...]) -> None:
    add("One.")
    add("Two.")
    shared = cli("share", *ids)
    assert shared.exit_code == 0, shared.stderr
    assert "Entries 1 and 2 shared" in shared.stderr
    assert json.loads(cli("unshare", *ids, "--json").stdout) == {"ids": [1, 2], "shared": False}


def test_share_of_a_range_with_an_unknown_id_changes_nothing(cli: CLI, add: Add) -> None:
    add("One.")
    result = cli("share", "1-3")
    assert result.exit_code != 0 and "Nothing was changed." in result.stderr
    assert json.loads(cli("show", "1", "--json").stdout)["shared"] is False


def test_share_of_a_month_is_refused_as_delete_refuses_it(cli: CLI, add: Add) -> None:
    add("One.")
    result = cli("share", "11-2025")
    assert result.exit_code == 2 and "looks like" in result.stderr


# -- qa_robust 6: an import id of 2**63 or more ------------------------------------------------


def test_an_import_id_past_what_sqlite_stores_gets_a_new_id(cli: CLI, tmp_path: Path) -> None:
    source = tmp_path / "big.json"
    source.write_text(json.dumps([
        {"date": "2026-11-01", "experience": "x", "id": 2**63},
        {"date": "2026-11-02", "experience": "y", "id": 10**30},
    ]), "utf-8")
    dry = cli("import", str(source), "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert "2 records have an ID over 1,000,000,000" in dry.stdout + dry.stderr
    done = cli("import", str(source))
    assert done.exit_code == 0, done.stderr
    listed = json.loads(cli("list", "--json").stdout)
    assert sorted(e["id"] for e in listed) == [1, 2]
    again = cli("import", str(source))
    assert again.exit_code == 0 and "Skipped 2 entries" in again.stdout + again.stderr


def test_an_import_id_of_zero_or_text_is_still_refused(cli: CLI, tmp_path: Path) -> None:
    for bad in (0, -5, "7", True):
        source = tmp_path / "bad.json"
        source.write_text(json.dumps([{"date": "2026-11-01", "experience": "x", "id": bad}]))
        result = cli("import", str(source))
        assert result.exit_code == 1 and "'id' should be an entry's ID" in result.stderr


# -- qa_robust 9: a schema version that does not match the tables ------------------------------


def _set_version(path: Path, version: str) -> None:
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE alembic_version SET version_num = ?", (version,))
    db.close()


def test_a_schema_version_behind_its_tables_is_said_and_the_journal_kept(
    cli: CLI, add: Add, isolated: Path
) -> None:
    add("One.")
    path = isolated / "journal.db"
    _set_version(path, "0005")
    result = cli("list")
    assert result.exit_code == 4
    assert "SQLITE_ERROR" not in result.stderr
    assert (f"The journal at {path} could not be upgraded: its tables do not match the schema "
            "version it records ('0005'") in result.stderr
    assert "It was left as it was, and no copy was kept." in result.stderr
    assert not list(isolated.glob("journal*.bak*")) and not list(isolated.glob("*backup*"))
    db = sqlite3.connect(path)
    assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0005",)
    db.close()


@pytest.mark.parametrize(("version", "said"), [
    ("", "has lost its schema version (damaged, or not made by peerjournal)."),
    ("  ", "has lost its schema version (damaged, or not made by peerjournal)."),
    ("abc", "holds a schema version no peerjournal writes, 'abc' (damaged, or not made"),
    ("0099", "was written by a newer peerjournal (journal format 99; this one,"),
])
def test_an_odd_schema_version_is_not_blamed_on_a_newer_peerjournal(
    cli: CLI, add: Add, isolated: Path, version: str, said: str
) -> None:
    add("One.")
    _set_version(isolated / "journal.db", version)
    result = cli("list")
    assert result.exit_code == 4
    assert said in result.stderr
    assert ("newer" in result.stderr) == (version == "0099")


# -- qa_week 10: no date ahead suggested -------------------------------------------------------


@pytest.mark.parametrize("args", [("write", "-x", "hi", "-d", "tomorow"),
                                  ("list", "--since", "tomorow"),
                                  ("report", "--since", "next fridya")])
def test_a_slip_for_a_date_ahead_suggests_nothing(cli: CLI, args: tuple[str, ...]) -> None:
    result = cli(*args)
    assert result.exit_code == 1
    assert "Could not read the date" in result.stderr and "did you mean" not in result.stderr


@pytest.mark.parametrize(("typed", "meant"), [("yesterdya", "yesterday"),
                                              ("last mnoth", "last month")])
def test_a_slip_for_a_past_date_or_period_is_still_put_right(
    cli: CLI, typed: str, meant: str
) -> None:
    result = cli("list", "--since", typed)
    assert result.exit_code == 1 and f"did you mean {meant!r}?" in result.stderr
