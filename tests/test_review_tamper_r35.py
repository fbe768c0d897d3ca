"""Round 35: `review` refuses a summary changed after it was exported in ways it let through:
an unredacted summary whose "redacted" was set to true (or given twice) read "Redaction: on";
shared entries, quotes and intentions dated outside the period, a self-check after the summary
was made, with no items or with one item twice, were shown as the writer's. Real exports,
of every kind, still review cleanly."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from test_supervision_cli import all_answers, answers_file

CLI = Callable[..., Any]
Add = Callable[..., int]
AGAIN = "ask for the summary to be sent again.\n"


@pytest.fixture
def exported(cli: CLI, add: Add, tmp_path: Path) -> Callable[..., dict[str, Any]]:
    """A journal with people listed, shared entries and a self-check; export(*options) gives
    the summary exported with them (--yes, as JSON)."""
    for name in ("Kerry Smith", "Maria Lopez"):
        assert cli("people", "add", name).exit_code == 0
    add("Email from maria.lopez@example.org. Kerry came. I shared my story with her.",
        "--share", "-d", "2026-11-10", "-e", "Next time I will ask Kerry first.")
    add("I told her she should take her meds.", "--share", "-d", "2026-11-18",
        "-e", "I will listen more.")
    answers = answers_file(tmp_path, all_answers(3))
    assert cli("supervision", "check", "--answers", answers).exit_code == 0

    def export(*options: str) -> dict[str, Any]:
        out = tmp_path / "export.json"
        result = cli("export", "--yes", "--force", "-o", str(out), "--from", "Alex", *options)
        assert result.exit_code == 0, result.stderr
        return json.loads(out.read_text(encoding="utf-8"))

    return export


def _review(cli: CLI, path: Path, data: dict[str, Any] | str) -> Any:
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return cli("review", str(path))


def _refused(result: Any, path: Path, problem: str) -> None:
    assert result.exit_code == 1 and result.stdout == "", result.stdout
    assert result.stderr == (f"peerjournal: {path}: the file was changed after it was exported "
                             f"({problem}); {AGAIN}")


def test_an_unredacted_summary_marked_redacted_is_refused(
    cli: CLI, exported: Callable[..., dict[str, Any]], tmp_path: Path
) -> None:
    plain = exported("--no-redact", "--since", "2026-11-01")
    assert plain["redacted"] is False and "maria.lopez@example.org" in json.dumps(plain)
    path = tmp_path / "flag.json"
    # made on 20 Nov 2026, before exports said people_listed (round 42: such a summary is read
    # as an older export's): its e-mail address tells (a later one: test_r42_review.py)
    result = _review(cli, path, {**plain, "redacted": True})
    _refused(result, path, "redacted is true, but it holds an e-mail address, which redaction "
                           "replaces")
    # with people_listed added too, its e-mail address still tells (never quoted)
    result = _review(cli, path, {**plain, "redacted": True, "people_listed": True})
    _refused(result, path, "redacted is true, but it holds an e-mail address, which redaction "
                           "replaces")
    assert "maria" not in result.stderr


def test_a_key_given_twice_is_refused(
    cli: CLI, exported: Callable[..., dict[str, Any]], tmp_path: Path
) -> None:
    text = json.dumps(exported("--no-redact"), indent=2)
    twice = text.replace('"redacted": false', '"redacted": false, "redacted": true')
    path = tmp_path / "twice.json"
    _refused(_review(cli, path, twice), path,
             "'redacted' is given twice in one place, which an export never writes")
    assert _review(cli, path, text).exit_code == 0


@pytest.mark.parametrize(("change", "problem"), [
    (lambda s: s["shared_entries"][0].update(date="2025-01-01"),
     "shared entries #1 date is 2025-01-01, before period since 2026-11-09"),
    (lambda s: s["intentions"].append({"date": "2026-12-01", "text": "Tampered intention"}),
     "intentions #3 date is 2026-12-01, after period until 2026-11-20"),
    (lambda s: s["markers"]["identity"][0]["excerpts"][0].update(date="1999-01-01"),
     "markers identity #1 excerpts #1 date is 1999-01-01, before period since 2026-11-09"),
    (lambda s: s["selfcheck"].update(date="2027-05-01"),
     "selfcheck date is after the day the summary was made"),
    (lambda s: s["selfcheck"].update(items=[]), "selfcheck items is empty"),
    (lambda s: s["selfcheck"]["items"].append(s["selfcheck"]["items"][2]),
     "selfcheck items #23 is the same item as #3"),
])
def test_what_no_export_writes_is_refused(
    cli: CLI, exported: Callable[..., dict[str, Any]], tmp_path: Path,
    change: Callable[[dict[str, Any]], None], problem: str,
) -> None:
    summary = exported("--with-check", "--since", "2026-11-09")
    path = tmp_path / "changed.json"
    assert _review(cli, path, summary).exit_code == 0
    change(summary)
    if "#23" in problem:
        assert len(summary["selfcheck"]["items"]) == 23
    _refused(_review(cli, path, summary), path, problem)


def test_a_changed_summary_in_a_folder_is_named_and_the_others_shown(
    cli: CLI, exported: Callable[..., dict[str, Any]], tmp_path: Path
) -> None:
    folder = tmp_path / "mentees"
    folder.mkdir()
    good = exported("--since", "2026-11-09")
    (folder / "a.json").write_text(json.dumps(good), encoding="utf-8")
    good["shared_entries"][0]["date"] = "2026-11-21"
    (folder / "b.json").write_text(json.dumps(good), encoding="utf-8")
    result = cli("review", str(folder))
    assert result.exit_code == 1
    assert "Reflective-practice summary: Alex" in result.stdout
    assert result.stderr == (
        f"peerjournal: {folder / 'b.json'}: the file was changed after it was exported (shared "
        f"entries #1 date is 2026-11-21, after period until 2026-11-20); {AGAIN}")


@pytest.mark.parametrize("options", [
    (), ("--no-redact",), ("--with-check",), ("--since", "2026-11-18", "--with-check"),
    ("--since", "2020-01-01", "--by", "month"), ("--since", "2026-11-11", "--until", "2026-11-17"),
    ("--since", "2026-10-01", "--until", "2026-10-31", "--with-check"),
    ("--since", "2026-11-10", "--until", "2026-11-10"), ("--since", "today"),
])
def test_real_exports_review_cleanly(
    cli: CLI, exported: Callable[..., dict[str, Any]], tmp_path: Path, options: tuple[str, ...]
) -> None:
    path = tmp_path / "real.json"
    path.write_text(json.dumps(exported(*options)), encoding="utf-8")
    for shown in ((), ("--json",)):
        result = cli("review", *shown, str(path))
        assert result.exit_code == 0 and result.stderr == "", result.stderr


def test_a_real_export_from_a_journal_with_nobody_listed_reviews_cleanly(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    add("I shared my story. Next time I will ask first.", "--share")
    out = tmp_path / "s.json"
    assert cli("export", "--yes", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text())["people_listed"] is False
    result = cli("review", str(out))
    assert result.exit_code == 0 and result.stderr == ""
    assert "Next time I will ask first." in result.stdout
