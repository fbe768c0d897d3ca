"""Round 46 (qa_longterm, findings 1-4): six months whose writing drifted into clinical
language in Aug-Sep and came back. Every trend word says what it compares: the report's
Dimensions name their halves, and a rise and a fall back within the window is said as one
("rose to 7.2 in Aug – Sep 2026, back to 0.1 in Oct – Nov 2026": the thirds' pooled
rates) rather than "rising"; `report -d DIM` shows the dimension period by period; an
exported summary compares with the period before ("Against the period before")
and "Moved most" says which periods its numbers cover.

The clock is fixed (conftest: today is Friday 20 Nov 2026)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from conftest import CLI
from test_r43_trends import Add, flat, ok, report_json

PEER = ("I sat with Sam in the garden and we talked about his week and the allotment he is "
        "proud of. I shared a little of my own story about my first week on a ward, and he "
        "said it helped to hear it. We made a plan together in his own words for his leave, "
        "and he decided what he wanted to say at the ward round. I listened more than I "
        "talked, and we both learned something.")
CLINICAL = ("The patient was presenting with low mood and poor engagement today, and was "
            "non-compliant with medication again. He lacks insight into his illness and is "
            "decompensating, more symptomatic since the weekend, with pressured speech. The "
            "patient is attention seeking on the ward. I documented his presentation and "
            "reported back to the team on his symptoms and his non-compliance with the care "
            "plan, and I told him he needs to take his meds.")
# three entries a month, each written twice over (a month then holds the writing a
# comparison with the month before needs): Jun-Jul peer, Aug-Sep clinical, Oct-Nov peer again
PEER, CLINICAL = f"{PEER} {PEER}", f"{CLINICAL} {CLINICAL}"
MONTHS = {"06": PEER, "07": PEER, "08": CLINICAL, "09": CLINICAL, "10": PEER, "11": PEER}
SIX_MONTHS = ("--by", "month", "--since", "2026-06-01")


def write_six_months(add: Add, days: tuple[str, ...] = ("03", "10", "17")) -> None:
    for month, text in MONTHS.items():
        for day in days:
            add(text, "-d", f"2026-{month}-{day}")


def section(out: str, title: str) -> str:
    """A report section from its heading to the next blank line."""
    return out.split(f"\n{title}", 1)[1].split("\n\n", 1)[0]


def test_a_rise_and_return_reads_as_one_not_as_rising(cli: CLI, add: Add) -> None:
    """Was: "Clinical language: identity 0.00 steady, drift 2.37 rising" (Jun-Aug against
    Sep-Nov) for 0, 0, 5.9, 8.6, 0.3, 0; and "which way each went within them" without
    saying which periods were compared."""
    write_six_months(add)
    out = ok(cli("report", *SIX_MONTHS)).stdout
    dims = flat(section(out, "Dimensions"))
    assert ("rising or falling: the last 3 months with entries against the first 3" in dims)
    clinical = re.search(r"Clinical language: identity [^,]*, drift [\d.]+ \(([^)]*)\)", dims)
    assert clinical, dims
    assert re.fullmatch(r"rose to [\d.]+ in Aug – Sep 2026, back to 0\.00 in Oct – Nov 2026",
                        clinical[1]), clinical[1]
    assert "Clinical language: identity 0.00 steady, drift" in dims
    # the JSON keeps the halves' direction, and adds the turn and what the halves are
    trend = report_json(cli, *SIX_MONTHS)["trend"]
    turn = trend["dimensions"]["clinical_language"]["drift_turn"]
    assert turn["way"] == "up_down" and turn["back"] is True
    assert (turn["at"], turn["at_end"]) == ("2026-08-01", "2026-09-01")
    assert (turn["last_at"], turn["last_end"]) == ("2026-10-01", "2026-11-01")
    assert turn["last"] == 0 and turn["first"] == 0 and turn["value"] > 5
    assert trend["dimensions"]["clinical_language"]["drift_direction"] in ("up", "steady")
    assert trend["compared"] == {
        "first": 3, "first_since": "2026-06-01", "first_until": "2026-08-31",
        "last": 3, "last_since": "2026-09-01", "last_until": "2026-11-20",
    }


def test_by_week_the_same_entries_say_what_their_halves_are(cli: CLI, add: Add) -> None:
    """Was: by week "steady" and by month "rising" for the same entries, neither saying what
    it compared. By week the halves are named in weeks, and the rise and return is said in
    weeks."""
    write_six_months(add, ("03", "04", "17", "18"))
    out = ok(cli("report", "--since", "2026-06-01", "--all")).stdout
    dims = flat(section(out, "Dimensions"))
    assert re.search(r"rising or falling: the last \d+ weeks with entries against the "
                     r"first \d+", dims), dims
    assert re.search(r"Clinical language: identity [^,]*, drift [\d.]+ \(rose to [\d.]+ in "
                     r"the weeks of 3 Aug – 14 Sep, back to 0\.00 in the weeks of 28 Sep – "
                     r"16 Nov\)",
                     dims), dims


def test_report_d_shows_the_dimension_period_by_period(cli: CLI, add: Add) -> None:
    """Was: `-d clinical_language` gave only the window's totals and marker counts."""
    write_six_months(add)
    out = ok(cli("report", *SIX_MONTHS, "-d", "clinical_language")).stdout
    detail = out.split("Clinical language  in detail", 1)[1].split("\nSetting", 1)[0]
    assert "By month  per 100 words" in detail
    rows = dict(re.findall(r"^(\w{3} 2026) +3 +[\d.]+ +([\d.]+)$", detail, re.M))
    assert list(rows) == ["Jun 2026", "Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026",
                          "Nov 2026"], detail
    assert rows["Jun 2026"] == rows["Nov 2026"] == "0.00"
    assert float(rows["Aug 2026"]) > 5 and float(rows["Sep 2026"]) > 5
    said = flat(detail)
    assert "rising or falling: the last 3 months with entries against the first 3:" in said
    assert re.search(r"drift [\d.]+ \(rose to [\d.]+ in Aug – Sep 2026, back to 0\.00 in "
                     r"Oct – Nov 2026\)", said), said
    # the numbers agree with the JSON's periods
    periods = report_json(cli, *SIX_MONTHS, "-d", "clinical_language")["periods"]
    assert [f"{p['dimensions']['clinical_language']['drift']:.2f}" for p in periods
            if p["entries"]] == list(rows.values())


def export(cli: CLI, tmp_path: Path, name: str, *args: str) -> str:
    path = tmp_path / name
    ok(cli("export", "--yes", "--force", "-o", str(path), *args))
    return path.read_text(encoding="utf-8")


def glance(md: str) -> str:
    return flat(md.split("## At a glance", 1)[1].split("\n## ", 1)[0])


def test_six_months_summary_says_the_rise_and_return(cli: CLI, add: Add, tmp_path: Path) -> None:
    """The mentor's summary over the six months: peer drift rose and came back (not "rose
    from 0.0 to 9.5"); "Moved most" names the largest move, here a rise and fall back, and the note
    beneath the dimensions gives its path; `review` marks it in the table."""
    write_six_months(add)
    md = export(cli, tmp_path, "six.md", *SIX_MONTHS)
    said = glance(md)
    assert re.search(r"Peer drift rose to [\d.]+ in Aug – Sep 2026, back to 0\.0 in Oct – "
                     r"Nov 2026 \(per 100 words\)", said), said
    # the largest move is named, with its path (not a small one left over)
    assert re.search(r"Moved most: Clinical language \(drift markers\) rose to [\d.]+ in "
                     r"Aug – Sep 2026, back to 0\.0 in Oct – Nov 2026\.", said), said
    assert re.search(r"Rose and fell back \(or fell and came back\) within the period, which "
                     r"halves do not show: .*Clinical language \(drift\) rose to [\d.]+ in "
                     r"Aug – Sep 2026, back to 0\.0 in Oct – Nov 2026", flat(md)), flat(md)
    export(cli, tmp_path, "six.json", *SIX_MONTHS)
    out = ok(cli("review", str(tmp_path / "six.json"))).stdout
    row = next(line for line in out.splitlines() if line.startswith("Clinical language"))
    assert "↑↓ rose, fell" in row and "rising" not in row, row
    assert "Clinical language (drift) rose to" in flat(out)


def test_a_month_s_summary_compares_with_the_month_before(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: the October summary said "Peer drift held steady (1.0, then 0.9)" (its own weeks)
    and nothing of September's 26.8; "Moved most: … fell from 7.5 to 4.9" did not say which
    periods its numbers were."""
    write_six_months(add)
    md = export(cli, tmp_path, "oct.md", "--since", "2026-10-01", "--until", "2026-10-31")
    said = glance(md)
    before = re.search(r"Against the period before \(1 Sep – 30 Sep 2026, 3 entries\): peer "
                       r"drift fell from ([\d.]+) to 0\.0 and peer identity rose from 0\.0 to "
                       r"([\d.]+) per 100 words\.", said)
    assert before and float(before[1]) > 5 and float(before[2]) > 5, said
    summary = json.loads(export(cli, tmp_path, "oct.json", "--since", "2026-10-01",
                                "--until", "2026-10-31"))
    assert summary["previous"] == {
        "since": "2026-09-01", "until": "2026-09-30", "entries": 3,
        "identity": 0.0, "drift": summary["previous"]["drift"],
    }
    review = flat(ok(cli("review", str(tmp_path / "oct.json"))).stdout)
    assert "Against the period before (1 Sep – 30 Sep 2026, 3 entries): peer drift fell" in review


def test_moved_most_says_which_periods_it_compares(cli: CLI, add: Add, tmp_path: Path) -> None:
    """A slide within one month: "Moved most" gives each number with the weeks it covers."""
    for day, text in (("02", PEER), ("03", PEER), ("09", PEER), ("10", PEER),
                      ("16", CLINICAL), ("17", CLINICAL), ("18", CLINICAL), ("19", CLINICAL)):
        add(text, "-d", f"2026-11-{day}")
    said = glance(export(cli, tmp_path, "nov.md", "--since", "2026-11-01"))
    assert re.search(r"Moved most: [A-Z][\w -]+ \((drift|identity)( markers)?\) (rose|fell) "
                     r"from [\d.]+ in the first (\d+ weeks|week) with entries to [\d.]+ in the "
                     r"last (\d+ weeks|week)\.", said), said


def test_a_summary_whose_previous_was_changed_is_refused(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    write_six_months(add)
    export(cli, tmp_path, "oct.json", "--since", "2026-10-01", "--until", "2026-10-31")
    path = tmp_path / "oct.json"
    summary: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    summary["previous"]["drift"] = "lots"
    path.write_text(json.dumps(summary), encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "previous" in result.stderr and len(result.stderr.strip().splitlines()) <= 2


def test_an_alert_about_a_rise_says_when_it_came_back_down(cli: CLI, add: Add) -> None:
    """Was: four weeks after the writing came back, the report still asked only "Whose words
    or whose agenda were they?" about the clinical language of August and September."""
    write_six_months(add)
    out = flat(ok(cli("report", "--since", "2026-08-01", "--until", "2026-10-31")).stdout)
    assert re.search(r"Clinical language came up more from 1 Aug to 31 Oct 2026 than from 1 May "
                     r"to 31 Jul 2026 \([\d.]+ vs 0\.00 per 100 words\); from the week of 28 Sep "
                     r"to 31 Oct 2026 it was back down \(0\.00 per 100 words\)\. Whose words or "
                     r"whose agenda were they, and what brought it back down\?", out), out
    # still rising at the end of the window: the question as it was
    out = flat(ok(cli("report", "--since", "2026-07-01", "--until", "2026-09-30")).stdout)
    assert "Clinical language came up more from 1 Jul to 30 Sep 2026" in out
    assert "back down" not in out and "Whose words or whose agenda were they?" in out


# ---- fix_turn (qa_fixes_d 1-3, 7, 9): a turn is said only from pooled thirds that stand apart


def test_a_turn_quotes_the_pooled_last_third_not_the_last_part_week(cli: CLI, add: Add) -> None:
    """Was: "then fell to 5.5 by the week of 30 Nov", the last week alone (one day, one
    entry), after 8 weeks at 0.0-1.8. Now the last third's words-weighted rate and its span."""
    write_six_months(add, ("03", "04", "17", "18"))
    add(CLINICAL, "-d", "2026-11-19")  # a drift entry in the last week only
    report = report_json(cli, "--since", "2026-06-01", "--all")
    turn = report["trend"]["dimensions"]["clinical_language"]["drift_turn"]
    assert turn is not None and turn["way"] == "up_down", turn
    written = [p for p in report["periods"] if p["entries"]]
    last = written[-len(written) // 3:]  # (the last third)
    assert turn["last_at"] == last[0]["start"] and turn["last_end"] == last[-1]["start"]
    pooled = (sum(p["dimensions"]["clinical_language"]["drift"] * p["words"] for p in last)
              / sum(p["words"] for p in last))
    assert abs(turn["last"] - pooled) < 0.01, (turn, pooled)
    assert turn["last"] < written[-1]["dimensions"]["clinical_language"]["drift"]
    dims = flat(section(ok(cli("report", "--since", "2026-06-01", "--all")).stdout,
                        "Dimensions"))
    assert re.search(r"Clinical language: identity [^,]*, drift [\d.]+ \(rose to [\d.]+ in the "
                     r"weeks of 3 Aug – 14 Sep, then fell to [\d.]+ in the weeks of 28 Sep – "
                     r"16 Nov\)", dims), dims


def test_one_drift_week_among_peer_weeks_is_no_turn(cli: CLI, add: Add) -> None:
    """Was: one clinical week among 13 peer weeks gave "Mutuality: identity 2.14 (fell to
    0.00 in the week of 12 Oct, then rose to 2.08 …)" while the drift itself read steady."""
    from datetime import date, timedelta

    start = date(2026, 8, 17)
    for week in range(13):
        day = start + timedelta(weeks=week)
        text = CLINICAL if week == 6 else PEER
        for extra in (0, 1):
            add(text, "-d", (day + timedelta(days=extra)).isoformat())
    report = report_json(cli, "--since", "2026-08-17", "--all")
    turns = {dim: way for dim, way in report["trend"]["dimensions"].items()
             if way["identity_turn"] or way["drift_turn"]}
    assert turns == {}, turns
    dims = flat(section(ok(cli("report", "--since", "2026-08-17", "--all")).stdout,
                        "Dimensions"))
    assert "rose to" not in dims and "fell to" not in dims, dims


def test_too_few_periods_for_thirds_keep_the_halves_words(cli: CLI, add: Add) -> None:
    """Four months (peer, clinical, clinical, peer): each end a month of three entries.
    Until round 47 (fix_trends2) an end third needed two periods and this read by its halves
    ("drift 6.31 steady", the QA's peak4); now ends of one period that hold a half's entries
    and writing are ends, and the two clinical months are a turn; ends of one entry each
    are still no ends."""
    for month, text in (("06", PEER), ("07", CLINICAL), ("08", CLINICAL), ("09", PEER)):
        for day in ("03", "10", "17"):
            add(text, "-d", f"2026-{month}-{day}")
    report = report_json(cli, "--by", "month", "--since", "2026-06-01", "--until", "2026-09-30")
    clinical = report["trend"]["dimensions"]["clinical_language"]["drift_turn"]
    assert clinical and clinical["way"] == "up_down" and clinical["back"] is True
    assert (clinical["at"], clinical["at_end"], clinical["last_at"]) == (
        "2026-07-01", "2026-08-01", "2026-09-01")
    single = report_json(cli, "--by", "month", "--since", "2026-06-17", "--until", "2026-09-03")
    assert all(not way["identity_turn"] and not way["drift_turn"]
               for way in single["trend"]["dimensions"].values())


def test_no_drift_either_time_is_said_so(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Was: "peer drift held steady (0.0, then 0.0)"."""
    write_six_months(add)
    said = glance(export(cli, tmp_path, "jul.md", "--since", "2026-07-01",
                         "--until", "2026-07-31"))
    assert re.search(r"Against the period before \(1 Jun – 30 Jun 2026, 3 entries\): no peer "
                     r"drift either time and peer identity held steady \([\d.]+, then [\d.]+\) "
                     r"per 100 words\.", said), said
    assert "(0.0, then 0.0)" not in said
