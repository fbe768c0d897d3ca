"""Round 41, reports: `review --json` says which summaries it read as different writers' (as
the text does), "too little" is worded alike in every output, from one source
(`exporters.common.too_little_note`), and the summary checks its redactor once."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.exporters.common import DATA_NOTE, TOO_LITTLE, too_little_note
from peerjournal.reviewing import writer_numbers

TINY = "Sat with Kay."  # 3 words: "too little" on its own


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def _ellis(cli: CLI, tmp_path: Path, days: tuple[str, ...], name: str, *db: str) -> Path:
    """A summary signed Ellis of 1–30 Nov of a journal (`db`: another) with entries on `days`."""
    for day in days:
        ok(cli(*db, "write", "-x", f"We sat together on {day} and I listened.", "--share",
               "--date", day))
    out = tmp_path / name
    ok(cli(*db, "export", "--yes", "--from", "Ellis", "--since", "2026-11-01", "--until",
           "2026-11-30", "-o", str(out)))
    return out


def _readers(merged: dict[str, Any]) -> list[tuple[str, int | None, bool]]:
    return [(Path(s["file"]).name, s["writer_number"], s["signed_alike"])
            for s in merged["summaries"]]


# ------------------------------------------------------------ review --json: which writer


def test_json_says_two_writers_signed_alike_are_different_writers(
    cli: CLI, tmp_path: Path
) -> None:
    first = _ellis(cli, tmp_path, ("2026-11-03", "2026-11-10"), "ellis-a.json")
    other = ["--db", str(tmp_path / "other.db")]
    second = _ellis(cli, tmp_path, ("2026-11-05", "2026-11-12"), "ellis-b.json", *other)
    merged = json.loads(ok(cli("review", "--json", str(first), str(second))).stdout)
    assert _readers(merged) == [("ellis-a.json", 1, True), ("ellis-b.json", 2, True)]
    assert merged["between"] == []
    # the first writer's longer summary is theirs: one number, compared; the other apart
    longer = tmp_path / "ellis-a-long.json"
    ok(cli("export", "--yes", "--from", "Ellis", "--since", "2026-10-01", "--until",
           "2026-11-30", "-o", str(longer)))
    merged = json.loads(ok(cli("review", "--json", str(second), str(first), str(longer))).stdout)
    assert _readers(merged) == [("ellis-b.json", 1, True), ("ellis-a-long.json", 2, True),
                                ("ellis-a.json", 2, True)]
    assert [c["files"] for c in merged["between"]] == [[str(longer), str(first)]]
    # the keys that were there are unchanged, in their place ("skipped": round 43)
    # (round 44: new keys only after them)
    assert list(merged)[:5] == ["schema", "summaries", "between", "errors", "skipped"]
    assert list(merged["summaries"][0])[:5] == ["file", "redacted", "writer_number",
                                                "signed_alike", "summary"]


def test_json_one_writer_and_unsigned_summaries(cli: CLI, tmp_path: Path) -> None:
    """Sam writes a journal of their own; an unsigned summary with no journal ID (an older
    one, or exported with --no-journal-id) is no one's."""
    nov = _ellis(cli, tmp_path, ("2026-11-03",), "nov.json")
    both = tmp_path / "oct-nov.json"
    ok(cli("export", "--yes", "--from", "Ellis", "--since", "2026-10-01", "--until",
           "2026-11-30", "-o", str(both)))
    unsigned = tmp_path / "unsigned.json"
    ok(cli("export", "--yes", "--no-journal-id", "--since", "2026-11-01", "--until",
           "2026-11-30", "-o", str(unsigned)))
    sams = ["--db", str(tmp_path / "sam.db")]
    ok(cli(*sams, "write", "-x", "We sat together and I listened.", "--date", "2026-11-04"))
    sam = tmp_path / "sam.json"
    ok(cli(*sams, "export", "--yes", "--from", "Sam", "--since", "2026-11-01", "--until",
           "2026-11-30", "-o", str(sam)))
    merged = json.loads(ok(cli("review", "--json", str(unsigned), str(nov), str(both),
                               str(sam))).stdout)
    assert _readers(merged) == [("unsigned.json", None, False), ("oct-nov.json", 1, False),
                                ("nov.json", 1, False), ("sam.json", 2, False)]


def test_writer_numbers_follow_the_first_named() -> None:
    assert writer_numbers([("b", 0), None, ("a", 0), ("b", 1), ("b", 0)]) == [1, None, 2, 3, 1]
    assert writer_numbers([]) == []


def test_review_help_documents_the_keys(cli: CLI) -> None:
    text = " ".join(ok(cli("review", "--help")).stdout.split())
    assert '"writer_number"' in text and '"signed_alike"' in text


# ------------------------------------------------------------ "too little": one wording


def test_one_wording_for_too_little() -> None:
    assert too_little_note() == ("Too little to read a balance from: each entry scored holds "
                                 "too little evidence on its own to say either way.")
    assert too_little_note(clause=True) == (
        "too little to read a balance from (each entry scored holds too little evidence on its "
        "own to say either way)")
    assert f'shows "{TOO_LITTLE}"' in DATA_NOTE and "too short" not in DATA_NOTE


def test_report_summary_and_review_say_too_little_alike(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    add(TINY, "-d", "2026-11-18", "--share")
    report = " ".join(ok(cli("report")).stdout.split())
    assert too_little_note() in report
    window = ("--since", "2026-11-01", "--until", "2026-11-30")
    markdown = " ".join(ok(cli("export", "--yes", *window)).stdout.split())
    assert too_little_note(clause=True) in markdown
    path = tmp_path / "s.json"
    ok(cli("export", "-f", "json", "--yes", "-o", str(path), *window))
    review = " ".join(ok(cli("review", str(path))).stdout.split())
    assert too_little_note(clause=True) in review
    for text in (report, markdown, review):
        assert "not enough signal" not in text.lower() and "too short" not in text


def test_a_narrow_report_puts_its_window_on_a_line_of_its_own(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "Practice report  21 Sep 2026 – 7 Dec" and "2026  by week" under it at 40
    columns: a date broken across lines."""
    add("We sat together and I listened.", "-d", "2026-11-18")
    monkeypatch.setenv("COLUMNS", "40")
    lines = ok(cli("report", "--since", "2026-09-21", "--until", "2026-11-20")).stdout
    assert lines.splitlines()[:2] == ["Practice report", "21 Sep 2026 – 20 Nov 2026  by week"]
    monkeypatch.setenv("COLUMNS", "80")
    lines = ok(cli("report", "--since", "2026-09-21", "--until", "2026-11-20")).stdout
    assert lines.splitlines()[0] == "Practice report  21 Sep 2026 – 20 Nov 2026  by week"


def test_next_week_i_will_is_an_intention_and_next_week_we_were_is_not() -> None:
    from peerjournal.intentions import evaluation_intentions

    found = evaluation_intentions("Next week I will check in with her before group.")
    assert found and "check in with her" in found[0]
    assert evaluation_intentions("Next week we were moved to the other ward.") == []
