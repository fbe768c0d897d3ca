"""QA round 19, `peerjournal report` as a writer uses it over months.

Alerts name the dates they speak of ("than from 10 Jun to 30 Aug 2026", not "than in the
previous window") and each ends in a question to the writer; the table rounds each number once
from its exact value (16.9449 is 16.945 in the JSON and 16.94 on screen, not 16.95); a window
with no entries says when the entries are, rather than "try an earlier --since" for a window
before the first entry.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

from conftest import CLI
from peerjournal.db.store import Drift, Store
from peerjournal.entry import EntryDraft
from peerjournal.trends import Rounded, build_report, fixed
from test_trends import TODAY, row

NOW = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)  # conftest's clock: the window is 31 Aug – 20 Nov


def score(identity: float, drift: float, words: int = 200, clinical: float = 0.0) -> Drift:
    data = {
        "identity": identity,
        "drift": drift,
        "words": words,
        "dimensions": {"clinical_language": {"identity": 0.0, "drift": clinical}},
        "hits": [],
    }
    return Drift("mixed", data, "v1", "s1", markers=[])


def add(store: Store, day: str, drift: Drift, feelings: str = "", self_care: str = "") -> None:
    draft = EntryDraft(
        date=date.fromisoformat(day),
        experience="An entry.",
        feelings=feelings,
        self_care=self_care,
    )
    store.add_entries([draft], NOW, [drift])


def seen(cli: CLI, *args: str) -> str:
    """The report as the writer reads it, its lines joined (alerts wrap at the width)."""
    result = cli("report", *args)
    assert result.exit_code == 0, result.stderr
    return " ".join(result.stdout.split())


def report_json(cli: CLI, *args: str) -> dict[str, Any]:
    result = cli("report", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# -- alerts say which dates they compare, and ask ------------------------------------------

ALERTS = [
    "From 31 Aug to 20 Nov 2026, drift markers outweighed identity markers (balance -0.50). "
    "Which moments felt least like peer work, and what pulled you there?",
    "Clinical language came up more from 31 Aug to 20 Nov 2026 than from 10 Jun to 30 Aug 2026 "
    "(3.00 vs 0.40 per 100 words). Whose words or whose agenda were they?",
    "“Tired / drained” feelings came up in 4 entries from 31 Aug to 20 Nov 2026, and in none "
    "from 10 Jun to 30 Aug 2026. What is in the way, and who could you talk it through with?",
    "0 of 4 entries from 31 Aug to 20 Nov 2026 have a self-care note. What helps you come back "
    "to yourself after a hard shift?",
    "It has been 19 days since your last entry, on 1 Nov 2026. Is there a moment since then "
    "you would like to return to?",
]


@pytest.fixture
def hard_autumn(store: Store) -> None:
    """Two calm entries in the summer, then four drained ones with clinical language, the
    last on 1 Nov: every alert but rising drift speaks."""
    for day in ("2026-07-01", "2026-08-01"):
        add(store, day, score(2.0, 0.4, clinical=0.4), feelings="calm", self_care="a swim")
    for day in ("2026-09-07", "2026-09-21", "2026-10-12", "2026-11-01"):
        add(store, day, score(1.0, 3.0, clinical=3.0), feelings="drained")


def test_alerts_name_the_dates_they_compare(cli: CLI, hard_autumn: None) -> None:
    """Was: "came up more than in the previous window (3.00 vs 0.40 …)", "Across this
    window …": which dates, the writer (or a mentor reading the summary) could not tell."""
    assert report_json(cli)["alerts"] == ALERTS
    text = seen(cli)
    assert text.index("Something to reflect on") < text.index(ALERTS[0])
    for alert in ALERTS:
        assert alert in text


def test_every_alert_asks_rather_than_tells(cli: CLI, hard_autumn: None) -> None:
    """Was: the gap alert told the writer what to do ("A few lines after your next shift are
    enough …") and the self-care one lectured ("Self-care is a necessity, not a luxury")."""
    for alert in report_json(cli)["alerts"]:
        assert alert.endswith("?"), alert
        assert "previous window" not in alert and "this window" not in alert
        assert not any(word in alert for word in ("should", "necessity", "enough to"))


def test_a_window_from_the_command_line_is_the_one_named(cli: CLI, hard_autumn: None) -> None:
    alerts = report_json(cli, "--since", "2026-09-01", "--until", "2026-10-31")["alerts"]
    assert alerts[0].startswith("From 1 Sep to 31 Oct 2026, drift markers outweighed")
    # whole months: the window before is the two months before --since, with both calm entries
    assert alerts[1].startswith("Clinical language came up more from 1 Sep to 31 Oct 2026 than "
                                "from 1 Jul to 31 Aug 2026 (3.00 vs 0.40 per 100 words).")
    assert "came up in 3 entries from 1 Sep to 31 Oct 2026, and in none from 1 Jul to 31 Aug " \
        "2026." in alerts[2]


def test_a_one_day_window_says_on(cli: CLI, store: Store) -> None:
    for _ in range(3):
        add(store, "2026-11-18", score(1.0, 3.0))
    alerts = report_json(cli, "--since", "2026-11-18", "--until", "2026-11-18")["alerts"]
    assert alerts[0].startswith("On 18 Nov 2026, drift markers outweighed identity markers")


# -- one rounding, from the exact value ----------------------------------------------------


def test_the_table_rounds_once_from_the_exact_value(cli: CLI, store: Store) -> None:
    """Was: the table rounded the JSON's 21.675 again and showed 21.68, where the words'
    weighted mean is 21.67499 (21.674 over 101 words and 21.676 over 99)."""
    add(store, "2026-11-16", score(21.674, 0.0, words=101))
    add(store, "2026-11-17", score(21.676, 0.0, words=99))
    data = report_json(cli)
    assert data["totals"]["identity"] == data["periods"][-1]["identity"] == 21.675
    text = seen(cli)
    assert "2 entries, 21.67 identity and 0.00 drift markers per 100 words" in text
    assert "16 Nov 2 21.67 0.00" in text
    assert "21.68" not in text


def test_entries_a_week_are_rounded_once(cli: CLI, store: Store) -> None:
    """One entry in 46 days is 0.152 a week: 0.15 in the JSON, and 0.2 on screen (rounding
    0.15 again gave 0.1)."""
    add(store, "2026-11-01", score(1.0, 0.0))
    args = ("--since", "2026-10-06", "--until", "2026-11-20")
    assert report_json(cli, *args)["rhythm"]["per_week"] == 0.15
    assert "0.2 entries a week" in seen(cli, *args)


def test_fixed_rounds_half_to_even_from_the_exact_value() -> None:
    assert fixed(Rounded(169449, 10000)) == "16.94"  # 16.9449: JSON 16.945
    assert float(Rounded(169449, 10000)) == 16.945
    assert fixed(Rounded(1, 8)) == "0.12" and fixed(Rounded(3, 8)) == "0.38"  # ties to even
    assert fixed(Rounded(-1, 1000), sign=True) == "+0.00"  # r37: no minus on a zero
    assert fixed(Rounded(1, 1000), sign=True) == "+0.00"
    # a plain number is read by its digits, not its binary approximation
    assert fixed(21.675) == "21.68" and fixed(17.485) == "17.48" and fixed(3.07, 1) == "3.1"


# -- an empty window says when the entries are ---------------------------------------------


def test_a_window_before_the_first_entry_says_when_entries_start(cli: CLI, store: Store) -> None:
    """Was: "Try an earlier --since", for a window that was already before every entry."""
    add(store, "2025-03-01", score(1.0, 0.0))
    add(store, "2026-06-01", score(1.0, 0.0))
    result = cli("report", "--since", "2020-01-01", "--until", "2020-06-30")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.strip() == (
        "No entries from 1 Jan 2020 to 30 Jun 2020; your entries run from 1 Mar 2025 to 1 Jun "
        "2026."
    )
    # a gap of months between entries reads the same way
    gap = cli("report", "--since", "2025-06-01", "--until", "2025-12-31")
    assert "your entries run from 1 Mar 2025 to 1 Jun 2026." in gap.stderr


def test_an_empty_window_with_filters_says_when_the_matching_entries_are(
    cli: CLI, store: Store
) -> None:
    store.add_entries(
        [EntryDraft(date=date(2025, 3, 1), experience="An entry.", setting="crisis")],
        NOW,
        [score(1.0, 0.0)],
    )
    add(store, "2026-11-02", score(1.0, 0.0))
    crisis = cli("report", "--setting", "crisis")
    assert crisis.stderr.strip() == (
        "No entries from 31 Aug 2026 to 20 Nov 2026 match these filters; those that match "
        "are all dated 1 Mar 2025."
    )
    nowhere = cli("report", "--setting", "crisis", "--tag", "housing")
    assert nowhere.stderr.strip() == (  # as `list` says it (round 35)
        "No entries match: no entry is tagged housing (`peerjournal tags` lists the tags)."
    )
    # a setting no entry has is named, with the one it may be a slip for, as `list` says it
    unknown = cli("report", "--setting", "forensic")
    assert unknown.exit_code == 0 and unknown.stdout == ""
    assert unknown.stderr.strip() == ("No entries match: no entry has the setting 'forensic'; "
                                      "entries have the setting 'crisis'.")  # (r46: theirs)
    slip = cli("report", "--setting", "crisys")
    assert slip.stderr.strip() == (
        "No entries match: no entry has the setting 'crisys'; did you mean 'crisis' "
        "(`--setting crisis`)?"
    )


def test_a_dimension_in_detail_names_the_window_it_compares_with(
    cli: CLI, hard_autumn: None
) -> None:
    """Was: "(previous window 0.00 and 0.40)"."""
    text = seen(cli, "--dimension", "clinical language")
    assert "0.00 identity and 3.00 drift per 100 words; the window before (10 Jun 2026" in text
    assert "30 Aug 2026): 0.00 and 0.40." in text
    assert "previous window" not in text


def test_a_balance_is_rounded_once_from_the_exact_sums() -> None:
    """Three one-word entries: identity 1.003 / 3 = 0.33433 and drift 7.000 / 3 = 2.33333, so
    the balance is -5.997 / 8.003 = -0.74934. It was worked out from the rates already rounded
    (0.334 and 2.333): -0.7495, rounded again to -0.750."""
    rows = [
        row(TODAY, 0.335, 2.334, n=1, words=1),
        row(TODAY, 0.334, 2.333, n=2, words=1),
        row(TODAY, 0.334, 2.333, n=3, words=1),
    ]
    totals = build_report(rows, since=TODAY, until=TODAY, by="week", today=TODAY)["totals"]
    assert (totals["identity"], totals["drift"], totals["balance"]) == (0.334, 2.333, -0.749)
