"""QA round 20: a mentor reading one writer's monthly summaries, and several writers' at once."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

IDENTITY = ("I shared my own recovery story and we learned from each other; it was her "
            "choice and I asked what she hopes for.")
DRIFT = ("The nurse asked me to remind her to take her medication because she is "
         "non-compliant, and I wrote it in the notes.")


SAMS_JOURNAL = "5a3000000000"  # the ID of Sam's journal (an export's is random)


@pytest.fixture
def months(cli, add, tmp_path: Path) -> dict[str, Path]:
    """Alex's September (identity) and October (drift) summaries, and Sam's October (a copy
    of Alex's, signed Sam, from a journal of Sam's own: another journal ID)."""
    add(IDENTITY, "--date", "2026-09-10")
    add(DRIFT, "--date", "2026-10-12")
    files: dict[str, Path] = {}
    for name, month, until in (("alex-sep", "09", "30"), ("alex-oct", "10", "31")):
        files[name] = tmp_path / f"{name}.json"
        result = cli("export", "--yes", "--from", "Alex", "--since", f"2026-{month}-01",
                     "--until", f"2026-{month}-{until}", "-o", str(files[name]))
        assert result.exit_code == 0, result.stderr
    sam = json.loads(files["alex-oct"].read_text(encoding="utf-8"))
    sam["writer"] = "Sam"
    assert sam["journal"] != SAMS_JOURNAL
    sam["journal"] = SAMS_JOURNAL
    files["sam-oct"] = tmp_path / "sam-oct.json"
    files["sam-oct"].write_text(json.dumps(sam), encoding="utf-8")
    return files


def test_one_writers_months_are_read_oldest_first_with_how_they_moved(
    cli, months: dict[str, Path]
) -> None:
    """Was: the files in the order named (October before September), and nothing said how
    the writer moved from one summary to the next."""
    result = cli("review", str(months["alex-oct"]), str(months["alex-sep"]))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.index("2026-09-01 to 2026-09-30") < out.index("2026-10-01 to 2026-10-31")
    assert out.index("File: " + str(months["alex-sep"])) < out.index(
        "File: " + str(months["alex-oct"]))
    assert "Between summaries" in out
    assert "Alex: 2 summaries, 2026-09-01 to 2026-10-31" in out
    assert "balance +1.00 → -1.00" in out
    since = out[out.index("Since the previous summary (2026-09-01 to 2026-09-30"):]
    assert "balance +1.00 → -1.00." in since and "alerts 0 → " in since
    # one short entry a month: too little writing to name a dimension that moved (round 42,
    # the writer's report's rule; was "…(drift markers) rose from 0.0 to…")
    assert "Too little writing to say which dimensions moved: 23 and 23 scored words" in " ".join(
        since.split())
    assert "rose from" not in since
    assert out.count("Since the previous summary") == 1  # not for September


def test_overlapping_periods_are_said_to_overlap(cli, months: dict[str, Path], add,
                                                tmp_path: Path) -> None:
    """Was: October, then September to October, read as a sequence ("entries 1 → 2") with no
    word that the second holds the first."""
    both = tmp_path / "alex-sep-oct.json"
    result = cli("export", "--yes", "--from", "Alex", "--since", "2026-09-01", "--until",
                 "2026-10-31", "-o", str(both))
    assert result.exit_code == 0, result.stderr
    def seen(*files: Path) -> str:
        text = cli("review", *map(str, files)).stdout
        return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())

    out = seen(months["alex-oct"], both)
    note = ("Some of these periods overlap (the headers give them): the same entries are "
            "counted in more than one, so the numbers are not steps in time.")
    assert out.count(note) == 2  # between the summaries, and since the previous one
    assert note not in seen(months["alex-sep"], months["alex-oct"])


def test_a_writers_summaries_are_grouped_and_other_writers_are_not_compared(
    cli, months: dict[str, Path]
) -> None:
    result = cli("review", str(months["alex-oct"]), str(months["sam-oct"]),
                 str(months["alex-sep"]))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    files = [line.split("File: ")[1].split()[0] for line in out.splitlines() if "File: " in line]
    assert files == [str(months["alex-sep"]), str(months["alex-oct"]), str(months["sam-oct"])]
    assert "Sam: " not in out  # one summary: nothing to compare
    assert out.count("Since the previous summary") == 1


def test_unsigned_summaries_are_never_taken_for_one_writer(
    cli, months: dict[str, Path], tmp_path: Path
) -> None:
    """Unsigned summaries with no journal ID (from before round 43, or exported with
    --no-journal-id) say nothing of who wrote them; one journal's unsigned summaries that
    carry its ID are one writer's (tests/test_r43_journal_id.py)."""
    names = []
    for name in ("alex-sep", "alex-oct"):
        data = json.loads(months[name].read_text(encoding="utf-8"))
        data["writer"] = None
        del data["journal"]
        names.append(tmp_path / f"unsigned-{name}.json")
        names[-1].write_text(json.dumps(data), encoding="utf-8")
    result = cli("review", *map(str, names))
    assert result.exit_code == 0, result.stderr
    assert "Between summaries" not in result.stdout
    assert "Since the previous summary" not in result.stdout


def test_the_same_summary_twice_is_shown_once(
    cli, months: dict[str, Path], tmp_path: Path
) -> None:
    """Was: the same month reviewed twice, with a row each in the overview."""
    copy = tmp_path / "alex-sep (1).json"
    copy.write_bytes(months["alex-sep"].read_bytes())
    sep = str(months["alex-sep"])
    result = cli("review", sep, sep, str(copy))
    assert result.exit_code == 0
    assert result.stdout.count("File: ") == 1
    assert "Summaries" not in result.stdout.splitlines()[0]  # one summary: no overview
    assert result.stderr == (
        f"peerjournal: {sep}: named twice; shown once.\n"
        f"peerjournal: {copy}: the same summary as {sep}; shown once.\n"
    )


def test_review_json_orders_one_writers_summaries_as_the_text(
    cli, months: dict[str, Path]
) -> None:
    """Was: --json kept the order named (October before September)."""
    result = cli("review", "--json", str(months["alex-oct"]), str(months["alex-sep"]))
    merged = json.loads(result.stdout)
    assert [s["file"] for s in merged["summaries"]] == [
        str(months["alex-sep"]), str(months["alex-oct"])]


def test_between_summaries_fits_a_narrow_terminal(
    cli, months: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    result = cli("review", str(months["alex-sep"]), str(months["alex-oct"]))
    assert result.exit_code == 0
    assert all(len(line) <= 60 for line in result.stdout.splitlines())
    assert "balance +1.00 → -1.00" in result.stdout


def test_summaries_scored_with_different_lexicons_say_the_numbers_may_not_compare(
    cli, months: dict[str, Path]
) -> None:
    data = json.loads(months["alex-sep"].read_text(encoding="utf-8"))
    data["lexicon_versions"] = ["our-org-2"]  # the writer's organisation's own lexicon
    months["alex-sep"].write_text(json.dumps(data), encoding="utf-8")
    result = cli("review", str(months["alex-sep"]), str(months["alex-oct"]))
    assert result.exit_code == 0, result.stderr
    assert " ".join(result.stdout.split()).count("Scored with different drift lexicons") == 2


def test_a_summary_of_a_period_with_no_entries_after_some_asks_about_it(cli, add) -> None:
    """In a mentor's overview the writer who stopped writing showed 0 alerts: the quietest row."""
    add("I sat with him at the drop-in and listened.", "--date", "2026-10-20")
    add("We planned the group together.", "--date", "2026-10-25")
    result = cli("export", "--yes", "-f", "json", "--since", "2026-11-01", "--until", "2026-11-20")
    assert result.exit_code == 0, result.stderr
    alerts = [a["message"] for a in json.loads(result.stdout)["alerts"]]
    assert any(
        a.startswith("No entries from 1 Nov to 20 Nov 2026, after 2 entries from 12 Oct to 31 Oct")
        for a in alerts
    ), alerts
    earlier = cli("export", "--yes", "-f", "json", "--since", "2026-10-01", "--until", "2026-10-31")
    earlier_alerts = json.loads(earlier.stdout)["alerts"]
    assert not any(a["message"].startswith("No entries") for a in earlier_alerts)
