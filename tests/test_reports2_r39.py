"""Round 39, reports (2): entries leaning toward drift, trend words in JSON, denied feelings.

1. (QA F3) A once-a-week writer whose last 4 entries each lean clinical after 8 weeks of peer
   entries was told nothing by `report` (weeks of one entry show no trend; a month's one entry
   is under the words a period needs), nor by the mentor summary. The report, the summary and
   prep now say "Your last 4 entries each leaned toward drift (from … to …)", with no trend
   word; when every entry of the window leans so, the "drift markers outweighed" alert speaks.
2. (QA F7) `report --json` carries the Dimensions section's words: `trend.dimensions` with
   each dimension's `identity_direction`/`drift_direction` ("up", "down", "steady", null, as
   the exported summary names them) and `trend.too_few`, the "No trend words" reason.
3. (QA F11) "Feelings you named" leaves out a feeling asked and answered no ("Anxious? Not
   really.") or expected and not felt ("I thought I'd be ashamed, but I wasn't").
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from peerjournal.feelings import named_feelings

CLI = Callable[..., Any]
PEER = ("Met Sam at the cafe and I shared my own story of waiting for a flat; we worked out "
        "together what he wanted.")
CLINICAL = "Sam was non-compliant again and I told him he needs to take his meds. He lacks insight."
PEER_DAYS = ("2026-09-14", "2026-09-22", "2026-09-29", "2026-10-06", "2026-10-13", "2026-10-20",
             "2026-10-27", "2026-11-03")
CLINICAL_DAYS = ("2026-11-10", "2026-11-17", "2026-11-24", "2026-12-01")
LEANED = ("Your last 4 entries each leaned toward drift (from 10 Nov to 1 Dec 2026): drift "
          "markers outweighed identity markers in each.")


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(autouse=True)
def december(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-12-06T20:00:00+00:00")


def _weekly(add: Callable[..., int], peer: tuple[str, ...] = PEER_DAYS,
            clinical: tuple[str, ...] = CLINICAL_DAYS, times: int = 1) -> None:
    """Each text `times` over (a trend's halves need 300 scored words each: round 43)."""
    for text, days in ((PEER, peer), (CLINICAL, clinical)):
        for day in days:
            add(" ".join([text] * times), "--feelings", "Calm.", "--date", day,
                "--setting", "community")


# -- 1. the last entries each leaning toward drift -----------------------------------------


@pytest.mark.parametrize("by", ["week", "month"])
def test_report_names_the_last_entries_leaning_toward_drift(
    cli: CLI, add: Callable[..., int], by: str
) -> None:
    _weekly(add)
    out = flat(ok(cli("report", "--by", by)).stdout)
    assert LEANED in out
    alerts = json.loads(ok(cli("report", "--by", by, "--json")).stdout)["alerts"]
    assert [a for a in alerts if a.startswith("Your last")] == [
        LEANED + " What pulled you there, and who could you talk it through with?"
    ]
    if by == "week":  # no trend word beside "too few entries per week to show a trend"
        assert "rising" not in out and "No trend words: too few entries per week" in out


def test_the_mentor_summary_names_them_too(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    _weekly(add)
    path = tmp_path / "summary.json"
    ok(cli("export", "--yes", "--since", "2026-09-14", "-f", "json", "-o", str(path)))
    messages = [a["message"] for a in json.loads(path.read_text(encoding="utf-8"))["alerts"]]
    assert any(m.startswith(LEANED) for m in messages)


def test_prep_names_them_when_its_period_holds_an_entry_before_them(
    cli: CLI, add: Callable[..., int]
) -> None:
    _weekly(add)
    ok(cli("supervision", "done", "--date", "2026-11-02"))  # prep: 3 Nov (peer) on
    assert LEANED in flat(ok(cli("supervision", "prep")).stdout)


def test_prep_of_only_leaning_entries_says_drift_outweighed_instead(
    cli: CLI, add: Callable[..., int]
) -> None:
    """Prep's last 4 weeks hold the 4 clinical entries only: one alert, not two saying it."""
    _weekly(add)
    out = flat(ok(cli("supervision", "prep")).stdout)
    assert "drift markers outweighed identity markers (balance -1.00)" in out
    assert "Your last" not in out


def test_three_leaning_entries_are_not_named(cli: CLI, add: Callable[..., int]) -> None:
    _weekly(add, (*PEER_DAYS, "2026-11-10"), CLINICAL_DAYS[1:])
    alerts = json.loads(ok(cli("report", "--json")).stdout)["alerts"]
    assert not [a for a in alerts if a.startswith("Your last")]


def test_a_run_of_five_is_named_with_its_length(cli: CLI, add: Callable[..., int]) -> None:
    _weekly(add, PEER_DAYS[:-1], ("2026-11-03", *CLINICAL_DAYS))
    out = flat(ok(cli("report")).stdout)
    assert "Your last 5 entries each leaned toward drift (from 3 Nov to 1 Dec 2026)" in out


def test_an_entry_of_another_setting_ends_the_run_unless_filtered_out(
    cli: CLI, add: Callable[..., int]
) -> None:
    """An entry of another setting between them is not in a `--setting community` report."""
    _weekly(add)
    add(PEER, "--date", "2026-11-20", "--setting", "inpatient")
    assert "Your last" not in flat(ok(cli("report")).stdout)
    assert LEANED in flat(ok(cli("report", "--setting", "community")).stdout)


# -- 2. trend words in report --json -------------------------------------------------------


def test_report_json_has_the_directions_the_text_gives(cli: CLI, add: Callable[..., int]) -> None:
    _weekly(add, times=4)
    text = flat(ok(cli("report", "--by", "month")).stdout)
    data = json.loads(ok(cli("report", "--by", "month", "--json")).stdout)
    assert "Clinical language: identity 0.00 steady, drift 4.63 rising" in text
    assert "Mutuality: identity 9.27 falling" in text
    trend = data["trend"]
    assert trend["too_few"] is None
    assert trend["dimensions"]["clinical_language"] == {  # (round 46: and no rise and return;
        "identity_direction": "steady", "drift_direction": "up", "identity_turn": None,
        "drift_turn": None, "identity_reads": "steady", "drift_reads": "up"}  # 47: the words')
    assert trend["dimensions"]["mutuality"]["identity_direction"] == "down"
    assert set(trend["dimensions"]) == set(data["totals"]["dimensions"])


def test_report_json_gives_the_no_trend_reason_the_text_prints(
    cli: CLI, add: Callable[..., int]
) -> None:
    _weekly(add)
    text = flat(ok(cli("report")).stdout)
    trend = json.loads(ok(cli("report", "--json")).stdout)["trend"]
    assert trend["too_few"] == (
        "too few entries per week to show a trend: each of the 12 weeks with entries holds "
        "only 1 entry; months (--by month) may hold more.")
    assert f"No trend words: {trend['too_few']}" in text
    assert {way for d in trend["dimensions"].values() for way in d.values()} == {None}
    assert trend["compared"] is None  # (round 46: no halves compared)


# -- 3. feelings denied after the word -----------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "families"),
    [
        ("Anxious? Not really.", set()),
        ("Was I scared? No.", set()),
        ("I expected to feel anxious but didn't.", set()),
        ("I thought I'd be ashamed, but I wasn't.", set()),
        ("Anxious? No. Proud.", {"pride"}),
        ("Anxious? No, proud.", {"pride"}),
        ("Anxious? Not really, just tired.", {"tired"}),
        ("I was worried I'd feel ashamed but I didn't.", {"fear"}),
        # kept: not denied
        ("Not anxious, just tired", {"tired"}),
        ("I wasn't sure if I was angry", {"anger"}),  # unsure is still named
        ("Was I scared?", {"fear"}),
        ("Scared? A bit.", {"fear"}),
        ("Angry? No idea.", {"anger"}),
        ("I felt anxious but didn't show it.", {"fear"}),
        ("Anxious? Yes. Scared? No.", {"fear"}),
    ],
)
def test_a_feeling_denied_after_it_is_not_named(answer: str, families: set[str]) -> None:
    assert set(named_feelings(answer)) == families


def test_report_feelings_leave_out_denied_ones(cli: CLI, add: Callable[..., int]) -> None:
    for day, answer in (("2026-11-30", "Anxious? Not really."), ("2026-12-01", "Was I scared? No."),
                        ("2026-12-02", "I thought I'd be ashamed, but I wasn't."),
                        ("2026-12-03", "Anxious? No. Proud.")):
        add(PEER, "--feelings", answer, "--date", day)
    data = json.loads(ok(cli("report", "--since", "2026-11-30", "--json")).stdout)
    assert [(f["id"], f["entries"]) for f in data["feelings"]] == [("pride", 1)]
    out = flat(ok(cli("report", "--since", "2026-11-30")).stdout)
    assert "Fear / anxious" not in out and "Shame" not in out


@pytest.mark.parametrize(("drift", "named"), [(5.0, True), (1.0, False)])
def test_a_stray_phrase_in_a_long_entry_is_no_lean(drift: float, named: bool) -> None:
    """Balance -1.00 from one phrase in 200 words (0.5 per 100) is not "leaned toward drift":
    the alert needs `jump_min` drift per 100 words in each entry."""
    from datetime import date, timedelta

    from peerjournal.trends import ReportRow, build_report

    def row(n: int, identity: float, drift: float) -> ReportRow:
        score = {"identity": identity, "drift": drift, "words": 200, "dimensions": {}}
        return ReportRow(n, date(2026, 11, 2) + timedelta(weeks=n), drift=score)

    rows = [row(0, 4.0, 0.0), row(1, 4.0, 0.0)] + [row(n, 0.0, drift) for n in range(2, 6)]
    report = build_report(rows, since=date(2026, 11, 1), until=date(2026, 12, 13), by="week",
                          today=date(2026, 12, 13))
    leaned = [a for a in report["alerts"] if a.startswith("Your last 4 entries")]
    assert bool(leaned) is named


# -- round 39 review (F3, F4) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "families"),
    [
        # someone else's question after the writer's feeling denies nothing (review F3)
        ("I felt guilty when he asked, can you stay longer? No, I had to go.", {"shame"}),
        ("I felt anxious when she asked me, are you coming back? No, I said.", {"fear"}),
        ("I felt hopeful, and then he asked: is there any point? No, he said.", {"hope"}),
        ("Anxious when he asked can you stay? No.", {"fear"}),
        ("Anxious? Not now, but earlier yes.", {"fear"}),  # they were
        # the question is the feeling: still denied
        ("Scared of him? No.", set()),
        ("Was I feeling anxious at all? No.", set()),
        ("Did I feel ashamed? Not at all.", set()),
        ("He asked, was I scared? No.", set()),
        ("Anxious? No, but tired.", {"tired"}),
    ],
)
def test_only_a_question_that_is_the_feeling_denies_it(answer: str, families: set[str]) -> None:
    assert set(named_feelings(answer)) == families


def test_report_keeps_a_feeling_before_someone_elses_question(
    cli: CLI, add: Callable[..., int]
) -> None:
    add("Visited Jo at the drop-in.", "--date", "2026-12-01", "--feelings",
        "I felt guilty when he asked, can you stay longer? No, I had to go.")
    data = json.loads(ok(cli("report", "--json")).stdout)
    assert [f["id"] for f in data["feelings"]] == ["shame"]
    assert "None named from the vocabulary" not in flat(ok(cli("report")).stdout)


def test_sixteen_leaning_entries_give_one_alert_not_a_capped_count(
    cli: CLI, add: Callable[..., int]
) -> None:
    """All 16 lean, only the last 12 are kept: no "Your last 12", the window's alert alone."""
    from datetime import date, timedelta

    for i in range(1, 17):
        add(CLINICAL, "--date", (date(2026, 12, 6) - timedelta(days=4 * i)).isoformat(), "--share")
    out = flat(ok(cli("report")).stdout)
    assert "Your last" not in out
    assert "drift markers outweighed identity markers (balance -1.00)" in out
    alerts = json.loads(ok(cli("report", "--json")).stdout)["alerts"]
    assert len([a for a in alerts if "outweighed identity markers" in a]) == 1


def test_a_run_filling_the_kept_entries_is_said_as_or_more() -> None:
    """14 leaning weekly entries after 30 peer ones (weeks of one entry: no jump), the window
    still on the identity side: the run reaches past the 12 kept, so its length is "12 or
    more", not a cap said as a count."""
    from datetime import date, timedelta

    from peerjournal.trends import RECENT_ENTRIES, ReportRow, build_report

    def row(n: int, identity: float, drift: float) -> ReportRow:
        score = {"identity": identity, "drift": drift, "words": 200, "dimensions": {}}
        return ReportRow(n, date(2026, 2, 2) + timedelta(weeks=n), drift=score)

    rows = [row(n, 8.0, 0.0) for n in range(30)] + [row(n, 0.0, 5.0) for n in range(30, 44)]
    report = build_report(rows, since=date(2026, 2, 1), until=date(2026, 12, 13), by="week",
                          today=date(2026, 12, 13))
    leaned = [a for a in report["alerts"] if a.startswith("Your last")]
    assert leaned == [a for a in leaned if a.startswith(
        f"Your last {RECENT_ENTRIES} or more entries each leaned toward drift (the last "
        f"{RECENT_ENTRIES} from ")]
    assert len(leaned) == 1
    assert not [a for a in report["alerts"] if "markers outweighed identity markers (balance" in a]
