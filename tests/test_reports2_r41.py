"""Round 41, reports (QA "three years"): a window before of a few short notes is not compared
with (`trends.comparable`: 300 scored words in each window), feelings are counted as shares of
the entries with a Feelings part (a jrnl import has none), so "in none" is said only of those,
and `report --all` shows every week or month the table otherwise cuts to the last 26.

The clock is fixed (conftest: today is Friday 20 Nov 2026)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from conftest import CLI
from peerjournal.cli.report import MAX_TABLE_ROWS
from peerjournal.render.report import MAX_PERIOD_ROWS
from peerjournal.trends import THRESHOLDS, ReportRow, build_report

TODAY = date(2026, 11, 20)
# ~45 words, a few markers: seven of these hold more than the 300 words a window needs
LONG = ("I sat with Sam at the drop-in and we talked about his week. I shared a little of my own "
        "recovery story and he told me what he hopes for next. We made a plan together, his plan, "
        "and he chose what to try first.")
# two short jrnl entries from 2022: ~25 words in all, one says "Ashamed" in its text
OLD_JRNL = (
    "[2022-03-04 09:30] Long shift at the cafe.\nAshamed I froze in the group.\n\n"
    "[2022-03-05 22:10] Tired\nFelt tired. I told him he should take his meds.\n"
)


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def flat(text: str) -> str:
    return " ".join(text.split())


def ashamed_autumn(cli: CLI, tmp_path: Path) -> None:
    """Seven long entries from Sep 2026 naming shame, and the 2022 jrnl import before them."""
    for k in range(7):
        day = (date(2026, 9, 1) + timedelta(days=10 * k)).isoformat()
        ok(cli("write", "-x", LONG, "-f", "ashamed and embarrassed", "--date", day))
    path = tmp_path / "old.jrnl"
    path.write_text(OLD_JRNL, encoding="utf-8")
    ok(cli("import", str(path)))


def test_a_window_before_of_two_short_notes_is_not_compared(cli: CLI, tmp_path: Path) -> None:
    """Was: "What changed" listed moves against ~25 words, every feeling "0 (0%) ↑ more", and
    the alert said shame came up "in none" before, though an imported entry says "Ashamed"."""
    ashamed_autumn(cli, tmp_path)
    args = ("--by", "month", "--since", "2024-06-01")  # the window before reaches back to 2021
    report = json.loads(ok(cli("report", "--json", *args)).stdout)
    assert report["previous"]["entries"] == 2 and report["previous"]["words"] < 300
    assert report["too_little_to_compare"] == "previous"
    assert report["changes"] == []
    (alert,) = [a for a in report["alerts"] if "Shame" in a]
    assert "in none" not in alert
    assert alert.startswith("“Shame / embarrassed” feelings came up in 7 of 7 entries from "
                            "1 Jun 2024 to 20 Nov 2026.")
    text = flat(ok(cli("report", *args)).stdout)
    assert ("31 May 2024, the window before Too little writing in the window before to "
            "compare: 2 entries, ") in text
    assert "(a comparison needs 300 in each)." in text
    assert "no entry before has a Feelings part to compare" in text and "↑ more" not in text
    assert "Before" not in text.split("Feelings you named", 1)[1].split("Rhythm", 1)[0]


def test_a_thin_window_of_its_own_is_not_compared_either(cli: CLI) -> None:
    for k in range(7):
        ok(cli("write", "-x", LONG, "--date", (date(2026, 9, 1) + timedelta(days=k)).isoformat()))
    ok(cli("write", "-x", "Sat with Kay at the cafe and listened.", "--date", "2026-11-02"))
    report = json.loads(ok(cli("report", "--json", "--since", "2026-10-01")).stdout)
    assert report["too_little_to_compare"] == "window" and report["changes"] == []
    text = flat(ok(cli("report", "--since", "2026-10-01")).stdout)
    assert "Too little writing in these weeks to compare: 1 entry, " in text


def row(day: date, n: int, feelings: str = "", words: int = 200) -> ReportRow:
    score = {"verdict": "identity", "identity": 2.0, "drift": 0.0, "words": words,
             "dimensions": {"story": {"identity": 2.0, "drift": 0.0}}}
    return ReportRow(id=n, date=day, setting="community", feelings=feelings, drift=score)


def report(rows: list[ReportRow]) -> dict[str, Any]:
    since = date(2026, 8, 31)  # the default 12 weeks; the window before: 10 Jun - 30 Aug
    return build_report(rows, since=since, until=TODAY, by="week", today=TODAY)


NOW = [row(date(2026, 9, 7) + timedelta(days=i), 100 + i, "drained") for i in range(3)]


def test_in_none_is_said_of_the_entries_with_a_feelings_part() -> None:
    """Two of the four entries before are quick notes (no Feelings part): "in none" of them
    could be false, so the alert says of which entries it speaks."""
    before = [row(date(2026, 7, 1) + timedelta(days=i), i + 1, "calm" if i < 2 else "")
              for i in range(4)]
    r = report(before + NOW)
    assert (r["previous"]["entries"], r["previous"]["with_feelings"], r["with_feelings"]) == (
        4, 2, 3)
    (alert,) = [a for a in r["alerts"] if "Tired" in a]
    assert ("came up in 3 entries from 31 Aug to 20 Nov 2026, and in none of the 2 entries "
            "with a Feelings part from 10 Jun to 30 Aug 2026.") in alert
    (calm,) = [f for f in r["feelings"] if f["id"] == "calm"]
    assert (calm["previous"], calm["previous_share"], calm["direction"]) == (2, 1.0, "fewer")


def test_shares_are_of_the_entries_with_a_feelings_part() -> None:
    """1 of the 2 entries with a Feelings part before (half), 2 of 3 now: not "3 times"."""
    before = [row(date(2026, 7, 1) + timedelta(days=i), i + 1,
                  ("drained", "calm", "", "", "", "")[i]) for i in range(6)]
    now = [*NOW[:2], row(date(2026, 9, 20), 200, "calm")]
    r = report(before + now)
    (tired,) = [f for f in r["feelings"] if f["id"] == "tired"]
    assert (tired["share"], tired["previous_share"]) == (round(2 / 3, 3), 0.5)
    assert not any("Tired" in a for a in r["alerts"])  # 2/3 is not twice 1/2


def test_no_feelings_part_before_is_no_comparison() -> None:
    before = [row(date(2026, 7, 1) + timedelta(days=i), i + 1) for i in range(4)]
    (alert,) = [a for a in report(before + NOW)["alerts"] if "Tired" in a]
    assert "“Tired / drained” feelings came up in 3 of 3 entries from 31 Aug to 20 Nov 2026." \
        in alert and "none" not in alert


def test_the_window_before_needs_300_scored_words() -> None:
    assert THRESHOLDS.min_window_words == 300
    calm = [row(date(2026, 7, 1) + timedelta(days=i), i + 1, "calm", words=100) for i in range(3)]
    enough = report(calm + NOW)
    assert enough["too_little_to_compare"] is None  # 300: enough
    thin = report([replace_words(calm[0], 99), *calm[1:], *NOW])
    assert thin["too_little_to_compare"] == "previous" and thin["changes"] == []
    # feelings are shares of entries, shown with their counts: compared all the same
    assert any("and in none from 10 Jun to 30 Aug 2026" in a for a in thin["alerts"])


def replace_words(r: ReportRow, words: int) -> ReportRow:
    return row(r.date, r.id, r.feelings, words=words)


# -- F7: every month of three years --------------------------------------------------------


def test_report_all_shows_every_month_and_the_cut_says_how(cli: CLI) -> None:
    """Was: "the last 26 of 37 months (--json for all)", with no way to see them as text."""
    for k in range(37):
        year, month = divmod(2023 * 12 + 10 + k, 12)  # Nov 2023 - Nov 2026
        ok(cli("write", "-x", LONG, "--date", date(year, month + 1, 3).isoformat()))
    cut = ok(cli("report", "--by", "month", "--since", "2023-11-01")).stdout
    assert "the last 26 of 37 months (--all: every one)" in cut
    assert "\nSep 2024 " not in cut and "\nOct 2024 " in cut  # the last 26: Oct 2024 on
    every = ok(cli("report", "--by", "month", "--since", "2023-11-01", "--all")).stdout
    table = every.split("Dimensions", 1)[0]
    assert "\nNov 2023 " in table and "\nNov 2026 " in table and "the last" not in table
    months = [line for line in table.splitlines() if line[:3] in {"Jan", "Nov", "Jun"}]
    assert len(months) == 10  # 4 Novembers, 3 Januaries and 3 Junes
    assert json.loads(ok(cli("report", "--json", "--all", "--by", "month", "--since",
                             "2023-11-01")).stdout)["periods"][0]["start"] == "2023-11-01"


def test_the_help_names_the_table_limit() -> None:
    assert MAX_TABLE_ROWS == MAX_PERIOD_ROWS
