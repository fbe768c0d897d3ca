"""Round 38: `review` refuses a summary whose dimension numbers, marker counts or `by` were
edited (a dimension doubled, a marker "1,000 times" in a few hundred words, a month summary
called weekly), as it refuses edited totals; real exports, of every kind, still review
cleanly. And one writer's overlapping summaries are said to cover from the earliest since
to the latest until."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

CLI = Callable[..., Any]
Add = Callable[..., int]
Export = Callable[..., dict[str, Any]]
AGAIN = "ask for the summary to be sent again.\n"

TEXTS = [
    ("2026-10-05", "I shared my story with her and asked what she wanted from the week. "
                   "She chose the group herself."),
    ("2026-10-14", "I told her she should take her meds and stick to the care plan. "
                   "Her symptoms were bad and she was non-compliant again."),
    ("2026-10-29", "We sat together. I listened and asked what mattered to her."),
    ("2026-11-03", "I told him what to do about his housing and filled the form for him."),
    ("2026-11-10", "I shared my own recovery and she said it gave her hope. We made a plan "
                   "she owns. I asked what she wanted."),
    ("2026-11-18", "Busy day on the ward. Staff talked about his presentation and his risk."),
]


@pytest.fixture
def exported(cli: CLI, add: Add, tmp_path: Path) -> Export:
    """A journal of entries over seven weeks (some shared); export(*options) gives the
    summary exported with them (--yes, as JSON)."""
    for n, (day, text) in enumerate(TEXTS):
        add(text, "-d", day, *(("--share",) if n % 2 else ()))

    def export(*options: str, name: str = "export.json") -> dict[str, Any]:
        out = tmp_path / name
        result = cli("export", "--yes", "--force", "-o", str(out), "--from", "Alex", *options)
        assert result.exit_code == 0, result.stderr
        return json.loads(out.read_text(encoding="utf-8"))

    return export


def _review(cli: CLI, path: Path, data: dict[str, Any]) -> Any:
    path.write_text(json.dumps(data), encoding="utf-8")
    return cli("review", str(path))


def _refused(result: Any, path: Path, problem: str) -> None:
    assert result.exit_code == 1 and result.stdout == "", result.stdout
    assert result.stderr == (f"peerjournal: {path}: the file was changed after it was exported "
                             f"({problem}); {AGAIN}")


def _row(summary: dict[str, Any], polarity: str) -> tuple[int, dict[str, Any]]:
    """The first dimension with a number above 0 on `polarity`, and its place (from 1)."""
    return next((n, row) for n, row in enumerate(summary["dimensions"], 1) if row[polarity])


@pytest.mark.parametrize("polarity", ["identity", "drift"])
def test_an_edited_dimension_number_is_refused(
    cli: CLI, exported: Export, tmp_path: Path, polarity: str
) -> None:
    summary = exported("--since", "2026-10-01")
    n, row = _row(summary, polarity)
    true = row[polarity]
    row[polarity] = round(true * 2, 3)  # within its periods' lowest and highest, or not
    path = tmp_path / "dim.json"
    result = _review(cli, path, summary)
    _refused(result, path, f"dimensions #{n} {polarity} is {true * 2:g}, but its periods' "
                           f"numbers, weighed by their words, come to {true:.3f}")
    # within rounding of the true number: a real export's rounding, let be
    row[polarity] = round(true + 0.001, 3)
    assert _review(cli, path, summary).exit_code == 0


def test_an_edited_dimension_between_its_periods_numbers_is_refused(
    cli: CLI, exported: Export, tmp_path: Path
) -> None:
    """The QA case: a number between the lowest and highest period's passed before."""
    summary = exported("--since", "2026-10-01")
    n, row = _row(summary, "identity")
    known = [x for x in row["identity_series"] if x is not None]
    assert len(set(known)) > 1
    row["identity"] = max(known)
    path = tmp_path / "between.json"
    result = _review(cli, path, summary)
    assert result.exit_code == 1 and f"(dimensions #{n} identity is" in result.stderr


def test_a_marker_count_raised_past_its_dimension_is_refused(
    cli: CLI, exported: Export, tmp_path: Path
) -> None:
    summary = exported("--since", "2026-10-01")
    marker = summary["markers"]["drift"][0]
    words = sum(p["words"] for p in summary["periods"])
    path = tmp_path / "count.json"
    # more than the words themselves hold
    marker["count"] = words + 1
    result = _review(cli, path, summary)
    counted = sum(m["count"] for p in ("identity", "drift") for m in summary["markers"][p])
    _refused(result, path, f"the markers' counts add up to {counted:,}, but the periods' words, "
                           f"in which each is a word or more, add up to {words:,}")
    # fewer than the words, more than its dimension's drift holds (its weight known)
    marker["count"] = 40
    assert words > 40
    result = _review(cli, path, summary)
    assert result.exit_code == 1 and result.stdout == ""
    assert "(markers drift #1 count is 40, more than its dimension's drift (" in result.stderr
    assert f"per 100 of the {words:,} words) holds)" in result.stderr


def test_a_marker_scored_with_another_lexicon_is_checked_by_words_alone(
    cli: CLI, exported: Export, tmp_path: Path
) -> None:
    """Its weights are not known: only the words bound it."""
    summary = exported("--since", "2026-10-01")
    summary["lexicon_versions"] = ["0123456789ab"]
    summary["markers"]["drift"][0]["count"] = 40
    assert _review(cli, tmp_path / "other.json", summary).exit_code == 0


def test_by_edited_is_refused(cli: CLI, exported: Export, tmp_path: Path) -> None:
    """A month summary said to be weekly. (A week's periods said to be months are not: a
    month's period may be a few days, cut by since or until.)"""
    summary = exported("--since", "2026-10-01", "--by", "month")
    summary["period"]["by"] = "week"
    path = tmp_path / "by.json"
    _refused(_review(cli, path, summary), path, "period by is week, but periods #1 runs from "
                                                "2026-10-01 to 2026-10-31, longer than a week")


def test_a_period_with_entries_stretched_over_two_weeks_is_refused(
    cli: CLI, exported: Export, tmp_path: Path
) -> None:
    summary = exported("--since", "2026-10-12", "--until", "2026-10-25")
    first, second = summary["periods"]
    assert first["entries"] and not second["entries"]
    merged = {**first, "end": second["end"], "entries": first["entries"] + second["entries"]}
    summary["periods"] = [merged]
    for row in summary["dimensions"]:
        for polarity in ("identity", "drift"):
            row[f"{polarity}_series"] = row[f"{polarity}_series"][:1]
    path = tmp_path / "stretched.json"
    _refused(_review(cli, path, summary), path, "period by is week, but periods #1 runs from "
                                                "2026-10-12 to 2026-10-25, longer than a week")


@pytest.mark.parametrize("options", [
    ("--since", "2026-10-01"),
    ("--since", "2026-10-01", "--by", "month"),
    ("--since", "2026-10-07", "--until", "2026-11-12"),
    ("--since", "2026-10-07", "--until", "2026-11-12", "--by", "month"),
    ("--since", "2026-10-14", "--until", "2026-10-14"),  # one entry, one day
    ("--since", "2026-10-15", "--until", "2026-10-20"),  # no entries
    ("--since", "2026-06-01", "--by", "week"),  # long runs of empty weeks, collapsed
    ("--since", "2026-01-15", "--by", "month", "--no-redact"),
    ("--since", "2026-10-29", "--until", "2026-11-03"),  # two single-entry periods
])
def test_real_exports_review_cleanly(
    cli: CLI, exported: Export, tmp_path: Path, options: tuple[str, ...]
) -> None:
    summary = exported(*options)
    path = tmp_path / "real.json"
    result = _review(cli, path, summary)
    assert result.exit_code == 0, result.stderr


def test_overlapping_summaries_give_the_span_they_cover(
    cli: CLI, exported: Export, tmp_path: Path
) -> None:
    """The QA case: a later-starting summary that ends first."""
    whole = tmp_path / "whole.json"
    exported("--since", "2026-10-01", "--until", "2026-11-20", name=whole.name)
    cut = tmp_path / "cut.json"
    exported("--since", "2026-10-12", "--until", "2026-11-08", name=cut.name)
    result = cli("review", "--json", str(cut), str(whole))
    assert result.exit_code == 0, result.stderr
    between = json.loads(result.stdout)["between"]
    assert [(b["since"], b["until"], b["overlap"]) for b in between] == [
        ("2026-10-01", "2026-11-20", True)]
    text = cli("review", str(cut), str(whole))
    assert "Alex: 2 summaries, 2026-10-01 to 2026-11-20" in text.stdout
