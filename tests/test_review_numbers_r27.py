"""Round 27: review compares summaries on numbers (`reviewing`, Rich-free), so `review --json`
loads no Rich, and its "between" holds the numbers the text shows; the summary's dimension
rates are the report's `totals.dimensions`, and the report's dimension words are the summary's
directions (`summary.dimension_trend`)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from conftest import CLI
from peerjournal.summary import SummaryInput, build_summary
from test_cli_basics import modules_loaded_by
from test_report_r26 import dimension_lines, ok
from test_review_r26 import _save, _summary


def _pair(tmp_path: Path, before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Two summaries signed by Sam, one month after the other."""
    return [_save(tmp_path / "oct.json", _summary("Sam", "2026-10-01", "2026-10-31", **before)),
            _save(tmp_path / "nov.json", _summary("Sam", "2026-11-01", "2026-11-20", **after))]


def _between(out: str) -> dict[str, list[str]]:
    """The text's "Between summaries" numbers: {"identity": ["0.4", "0.2"], …}."""
    section = out.split("Between summaries", 1)[1].split("\n\n", 1)[0]
    found = re.findall(r"^\s*(identity|drift|balance) (.+?)$", section, re.MULTILINE)
    return {key: values.split(" → ") for key, values in found}


# -- 1. review --json loads no Rich -------------------------------------------------------


def test_review_json_loads_no_rich_where_the_text_does(tmp_path: Path) -> None:
    """Was: `review --json` imported Rich (and the export preview's name checks) to compute
    its comparisons from the text's strings: ~70 ms of a run that draws nothing."""
    files = _pair(tmp_path, {}, {})
    assert "rich" not in modules_loaded_by("review", "--json", *files)
    assert "rich" in modules_loaded_by("review", *files)  # the check can tell


def test_review_json_gives_the_numbers_the_text_shows(cli: CLI, tmp_path: Path) -> None:
    """Ties are rounded from the digits a summary gives (0.35 is 0.4, 0.25 is 0.2, -0.125 is
    -0.12), in the text and in `--json` alike."""
    files = _pair(
        tmp_path,
        {"totals": {"identity": 0.35, "drift": 0.45, "balance": -0.125}},
        {"totals": {"identity": 0.25, "drift": 0.125, "balance": 0.335}},
    )
    shown = _between(ok(cli("review", *files)).stdout)
    assert shown == {"identity": ["0.4", "0.2"], "drift": ["0.4", "0.1"],
                     "balance": ["-0.12", "+0.34"]}
    (between,) = json.loads(ok(cli("review", "--json", *files)).stdout)["between"]
    for key in ("identity", "drift", "balance"):
        assert between[key] == [float(value) for value in shown[key]]


def test_a_summary_without_totals_is_compared_on_its_periods(cli: CLI, tmp_path: Path) -> None:
    """A summary from before `totals`: identity and drift are its periods' weighted by
    entries (3.2 and 0.0 over a week each: 1.6), and no balance ("–", null)."""
    files = _pair(tmp_path, {"totals": None},
                  {"totals": {"identity": 2.0, "drift": 1.0, "balance": 0.333}})
    shown = _between(ok(cli("review", *files)).stdout)
    assert shown["identity"] == ["1.6", "2.0"] and shown["balance"] == ["–", "+0.33"]
    (between,) = json.loads(ok(cli("review", "--json", *files)).stdout)["between"]
    assert between["identity"] == [1.6, 2.0] and between["balance"] == [None, 0.33]


def test_a_balance_just_below_zero_reads_alike_in_both_sections(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: "Between summaries" read the balance back from "-0.00" and showed "+0.00", where
    "Since the previous summary" and the summary's own totals said "-0.00"."""
    files = _pair(tmp_path, {"totals": {"identity": 5.0, "drift": 5.04, "balance": -0.004}},
                  {"totals": {"identity": 5.0, "drift": 4.0, "balance": 0.111}})
    out = ok(cli("review", *files)).stdout
    assert _between(out)["balance"] == ["+0.00", "+0.11"]  # r37: no "-0.00"
    assert "balance +0.00 → +0.11." in out  # since the previous summary (r37: no "-0.00")
    (between,) = json.loads(ok(cli("review", "--json", *files)).stdout)["between"]
    assert between["balance"] == [0.0, 0.11]


# -- 2. the summary's dimension rates are the report's totals ------------------------------


def test_a_summary_takes_its_dimension_rates_from_the_reports_totals() -> None:
    """The rate over the whole period is the report's word-weighted `totals.dimensions`, not
    the periods' rates averaged by entries (0.5 and 4.0 here would give 2.25); a report
    without them leaves the average."""
    periods = [
        {"start": "2026-11-02", "end": "2026-11-08", "entries": 1, "identity": 0.0,
         "drift": 0.5, "balance": -1.0, "dimensions": {"advice": {"identity": 0.0, "drift": 0.5}}},
        {"start": "2026-11-09", "end": "2026-11-15", "entries": 1, "identity": 0.0,
         "drift": 4.0, "balance": -1.0, "dimensions": {"advice": {"identity": 0.0, "drift": 4.0}}},
    ]
    totals = {"identity": 0.0, "drift": 1.2, "balance": -1.0,
              "dimensions": {"advice": {"identity": 0.0, "drift": 1.234}}}

    def advice(report: dict[str, Any]) -> dict[str, Any]:
        data = SummaryInput(since=date(2026, 11, 2), until=date(2026, 11, 15),
                            generated_at=datetime(2026, 11, 20, tzinfo=UTC), report=report,
                            entries=[], drifts={})
        (row,) = build_summary(data)["dimensions"]
        return row

    assert advice({"periods": periods, "totals": totals})["drift"] == 1.234
    assert advice({"periods": periods})["drift"] == 2.25


# -- 3. the report's dimension words are the summary's directions --------------------------

WORDS = {"up": "rising", "down": "falling", "steady": "steady"}
ADVICE = "I told him he should take his tablets and that he needs to go to bed early."
PEER = "I shared my own recovery story and we learned from each other; she chose what to do."
CALM = "A quiet shift on the ward, we played cards and talked about football and the garden."


def test_the_reports_dimension_words_are_the_summarys_directions(
    cli: CLI, add: Callable[..., int]
) -> None:
    """Advice falls and peer identity rises over six weeks: the plain report says so in the
    words of the directions the exported summary gives, with its rates (to the rounding of
    the summary's three decimals)."""
    weeks = ["2026-10-12", "2026-10-19", "2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"]
    for n, day in enumerate(weeks):  # (each 4 times over: 300 scored words a half, round 43)
        add(" ".join([ADVICE if n < 3 else PEER] * 4), "--date", day)
        add(" ".join([CALM if n < 3 else ADVICE if n == 5 else PEER] * 4), "--date", day)
    summary = json.loads(ok(cli("export", "--since", weeks[0], "--format", "json",
                                "--yes")).stdout)
    lines = dimension_lines(ok(cli("report", "--since", weeks[0])).stdout)
    shown = [dim for dim in summary["dimensions"] if dim["label"] in lines]
    assert shown
    for dim in shown:
        said = re.findall(r"(identity|drift) (\d+\.\d\d) (\w+)", lines[dim["label"]])
        assert [(p, WORDS[dim[f"{p}_direction"]]) for p in ("identity", "drift")] == [
            (p, word) for p, _, word in said]
        assert all(round(abs(float(rate) - dim[p]), 6) <= 0.005 for p, rate, _ in said)
    words = " ".join(lines.values())
    assert "falling" in lines["Advice"] and "rising" in words
