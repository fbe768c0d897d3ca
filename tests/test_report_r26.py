"""Round 26: `report`'s dimension numbers are the mentor summary's; a filtered report by month
shows empty months alike at both ends; `report -d DATE` says that -d is --dimension there."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from typer.testing import Result

from conftest import CLI
from peerjournal.trends import fixed

ADVICE_SHORT = "I told him he should take his tablets."
ADVICE_LONG = (
    "A long shift on the ward with a lot of sitting together and talking about music, "
    "football, the garden, the weather, his sister and the food. " * 4
    + "At the end I told him he should take his tablets."
)
PEER = "I shared my own recovery story and we learned from each other; she chose what to do."


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.stderr
    return result


def dimension_lines(out: str) -> dict[str, str]:
    """The plain report's Dimensions section, by label: {"Advice": "identity 0.00 …"} (not
    its note on why no direction is given)."""
    section = out.split("\nDimensions", 1)[1].split("\n\n", 1)[0].split("\nNo trend words:", 1)[0]
    return dict(line.split(": ", 1) for line in section.splitlines()[1:])


# -- 1. one number per dimension and window ------------------------------------------------


def test_report_dimensions_are_the_exported_summarys(cli: CLI, add: Callable[..., int]) -> None:
    """Was: the report averaged the weeks' rates by entries (Advice drift 6.68 here), while
    the summary a mentor reads gives the word-weighted rate over the window (2.14)."""
    add(ADVICE_SHORT, "--date", "2026-11-03")
    add(ADVICE_LONG, "--date", "2026-11-10")
    add(PEER, "--date", "2026-11-17")
    summary = json.loads(ok(cli("export", "--since", "2026-11-02", "--format", "json",
                                "--yes")).stdout)
    report = json.loads(ok(cli("report", "--since", "2026-11-02", "--json")).stdout)
    exported = {d["id"]: d for d in summary["dimensions"]}
    totals = report["totals"]["dimensions"]
    assert set(totals) == set(exported)
    for dim, rates in totals.items():
        assert rates == {"identity": exported[dim]["identity"], "drift": exported[dim]["drift"]}
    # the two ways of averaging do differ here: the test would catch the entry-weighted one
    weeks = [p["dimensions"]["advice"]["drift"] for p in report["periods"] if p["entries"]]
    assert fixed(sum(weeks) / len(weeks)) != fixed(totals["advice"]["drift"])

    lines = dimension_lines(ok(cli("report", "--since", "2026-11-02")).stdout)
    assert lines, "no Dimensions section"
    for dim in exported.values():
        if dim["label"] not in lines:
            continue  # a dimension with no evidence in the window is left out
        numbers = re.findall(r"(identity|drift) (\d+\.\d\d)", lines[dim["label"]])
        assert numbers == [("identity", fixed(dim["identity"])), ("drift", fixed(dim["drift"]))]
    advice = fixed(totals["advice"]["drift"])
    assert re.match(rf"identity 0\.00( \w+)?, drift {re.escape(advice)}\b", lines["Advice"])


def test_report_json_keeps_its_totals_and_adds_the_dimensions(
    cli: CLI, add: Callable[..., int]
) -> None:
    add(ADVICE_SHORT, "--date", "2026-11-03")
    totals = json.loads(ok(cli("report", "--json")).stdout)["totals"]
    assert {"entries", "identity", "drift", "balance", "words", "dimensions"} == set(totals)
    assert totals["dimensions"]["advice"]["drift"] > 0
    assert totals["dimensions"]["story"] == {"identity": 0.0, "drift": 0.0}


# -- 2. empty months at both ends of a filtered report -------------------------------------


def period_names(out: str) -> list[str]:
    """The first column of the "By week" / "By month" table."""
    table = out.split("\nBy ", 1)[1].split("\n\n", 1)[0].splitlines()[3:]
    return [row.split("  ", 1)[0].strip() for row in table]


def test_filtered_report_by_month_shows_an_empty_first_month_as_it_does_the_last(
    cli: CLI, add: Callable[..., int]
) -> None:
    """Was: with --setting, the months before the first matching entry were left out (the
    "*" note with them) while an empty month after the last one was shown."""
    add(PEER, "--date", "2026-08-31", "--setting", "community")
    add(ADVICE_SHORT, "--date", "2026-10-10", "--setting", "inpatient")
    add(PEER, "--date", "2026-11-10", "--setting", "community")
    everything = ok(cli("report", "--by", "month")).stdout
    inpatient = ok(cli("report", "--by", "month", "--setting", "inpatient")).stdout
    months = ["Aug 2026*", "Sep 2026", "Oct 2026", "Nov 2026"]
    assert period_names(everything) == period_names(inpatient) == months
    assert "* part of a month, cut by the window" in inpatient
    entries = [line.split()[2] for line in inpatient.splitlines()
               if line.startswith(tuple(month[:8] for month in months))]
    assert entries == ["–", "–", "1", "–"]


def test_filtered_report_of_a_young_journal_starts_at_the_journals_first_week(
    cli: CLI, add: Callable[..., int]
) -> None:
    """The rows start where the unfiltered report's do: at the journal's first entry, not 12
    weeks back, and not at the first entry that matches."""
    add(PEER, "--date", "2026-11-03", "--setting", "community")
    add(ADVICE_SHORT, "--date", "2026-11-12", "--setting", "inpatient")
    everything = ok(cli("report")).stdout
    inpatient = ok(cli("report", "--setting", "inpatient")).stdout
    assert period_names(everything) == period_names(inpatient) == ["2 Nov", "9 Nov", "16 Nov"]
    data: dict[str, Any] = json.loads(ok(cli("report", "--json", "--setting", "inpatient")).stdout)
    assert data["rhythm"]["first_entry"] == "2026-11-12"  # the first that matches, as before
    assert data["rhythm"]["journal_first_entry"] == "2026-11-03"
    assert "1 matching entry" in inpatient


# -- 3. -d is --dimension in report ---------------------------------------------------------


def test_report_d_with_a_date_says_d_is_dimension_here(cli: CLI, add: Callable[..., int]) -> None:
    add(PEER, "--date", "2026-11-03")
    for value in ("last month", "2026-10-03", "yesterday"):
        result = cli("report", "-d", value)
        assert result.exit_code == 2  # a usage error (round 35: was 1)
        assert result.stdout == ""
        assert result.stderr.startswith(
            f"peerjournal: Unknown dimension {value!r}: -d is --dimension in report; a date "
            "goes in --since or --until. Valid dimensions: story, mutuality,"
        ), result.stderr
    result = cli("report", "-d", "kindness")
    assert result.exit_code == 2
    assert "--since" not in result.stderr
    assert "Unknown dimension 'kindness'. Valid dimensions: story," in result.stderr
    assert "Advice" in ok(cli("report", "-d", "advice")).stdout
