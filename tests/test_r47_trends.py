"""Round 47 (fix_trends): what the trend words say over few periods, and how they show.

1. Three periods with data (three years, three months) whose middle one dips (or peaks)
   read "falling" from the halves, which give the middle period to one side: now the dip
   is said ("fell to 0.00 in 2025, back to 12.99 in 2026"); the JSON's directions keep
   their meaning (the halves), and `*_turn` gives the dip.
2. "it is back down" was said of periods with unscored or a few words of entries, and in
   the present tense of a window that ended weeks before (the summary's alert).
3. `review` of two consecutive summaries gave the same identity and drift numbers twice
   ("Against the period before" and "Since the previous summary").
4. A side too long for a line in the report's Dimensions wrapped from the edge.

fix_trends2 (QA of the above, /tmp/r47/reports/qa_trends.md):
5. A middle month a little off both ends (3.91, 3.12, 5.60), or one month's spike with no
   marker in either end, read as a turn where the halves said "held steady": a turn of
   one-period thirds now needs twice `steady`'s margin, a half's entries in each third, and
   markers outside a one-period peak.
6. Three weeks with a thin middle (26.3, 14.4, 26.3) read "falling" from the halves' odd
   split; five months with a one-month dip (17.1, 17.1, 0, 17.1, 17.1) read "falling": the
   words now say steady ("ended where it began"), the JSON's direction stays the halves'.
7. Four months with two months of different practice (peer, clinical, clinical, peer) read
   "steady": now a turn (ends of one period, each holding a half's entries and writing).

The clock is fixed (conftest: today is Friday 20 Nov 2026)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.summary import ended_where_began, turn
from test_r43_trends import Add, flat, ok, report_json
from test_r46_trends import CLINICAL, PEER, export, glance, section, write_six_months

MIXED = f"{PEER} {CLINICAL}"


def write_dip(add: Add, middle_of: tuple[str, str, str], dates: tuple[str, ...]) -> None:
    """Three entries in each of three periods (`middle_of`: the period prefixes, the middle
    one written as peer work alone, the ends half clinical); `dates`: the days in each."""
    for i, prefix in enumerate(middle_of):
        for day in dates:
            add(PEER if i == 1 else MIXED, "-d", f"{prefix}-{day}")


def test_the_halves_rule_s_dip_is_a_turn_in_numbers() -> None:
    """The brief's numbers: 2.0, 0.5, 2.1 over three periods of equal writing."""
    found = turn([2.0, 0.5, 2.1], [3, 3, 3], [400, 400, 400])
    assert found is not None and found.way == "down_up" and found.back
    assert (found.first, found.peak, found.last) == (2.0, 0.5, 2.1)
    assert (found.middle, found.end) == ((1, 1), (2, 2))
    # not back: fell, then rose past where it was (twice `steady`'s margin from each end)
    risen = turn([2.0, 0.5, 4.0], [3, 3, 3], [400, 400, 400])
    assert risen is not None and not risen.back
    # a middle between its ends, or too little writing in a period, is no turn
    assert turn([2.0, 1.0, 0.5], [3, 3, 3], [400, 400, 400]) is None
    assert turn([2.0, 0.5, 2.1], [3, 3, 3], [400, 100, 400]) is None
    # one entry each: no trend word at all, turn or not
    assert turn([2.0, 0.5, 2.1], [1, 1, 1], [400, 400, 400]) is None


def test_a_year_s_dip_reads_as_a_dip_not_falling(cli: CLI, add: Add) -> None:
    """Was: "Clinical language: identity 0.00 steady, drift 10.34 falling" for 2024 and 2026
    half clinical and 2025 peer work alone (2024 against 2025-2026)."""
    write_dip(add, ("2024-02", "2025-02", "2026-02"), ("03", "10", "17"))
    out = ok(cli("report", "--by", "year")).stdout
    dims = flat(section(out, "Dimensions"))
    clinical = re.search(r"Clinical language: identity 0\.00 steady, drift [\d.]+ \(([^)]*)\)",
                         dims)
    assert clinical, dims
    assert re.fullmatch(r"fell to 0\.00 in 2025, back to [\d.]+ in 2026", clinical[1]), clinical[1]
    assert not re.search(r"\d (rising|falling)", dims), dims  # (the heading names them)
    # the JSON keeps the halves' direction (`review` checks older summaries by it) and adds
    # the dip
    trend = report_json(cli, "--by", "year")["trend"]["dimensions"]["clinical_language"]
    assert trend["drift_direction"] == "down"
    dip = trend["drift_turn"]
    assert dip["way"] == "down_up" and dip["back"] is True and dip["value"] == 0
    assert (dip["at"], dip["at_end"], dip["last_at"], dip["last_end"]) == (
        "2025-01-01", "2025-01-01", "2026-01-01", "2026-01-01")


def test_three_months_with_a_dip_in_the_summary_and_review(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """The mentor's summary over three months: the dip is said in "At a glance", marked in
    the Dimensions table, and `review` reads the file without a problem."""
    write_dip(add, ("2026-08", "2026-09", "2026-10"), ("03", "10", "17"))
    args = ("--by", "month", "--since", "2026-08-01", "--until", "2026-10-31")
    said = glance(export(cli, tmp_path, "three.md", *args))
    assert re.search(r"Peer drift fell to 0\.0 in Sep 2026, back to [\d.]+ in Oct 2026 \(per "
                     r"100 words\)\.", said), said
    assert re.search(r"Moved most: Clinical language \(drift markers\) fell to 0\.0 in Sep "
                     r"2026, back to [\d.]+ in Oct 2026\.", said), said
    export(cli, tmp_path, "three.json", *args)
    result = ok(cli("review", str(tmp_path / "three.json")))
    row = next(line for line in result.stdout.splitlines()
               if line.startswith("Clinical language"))
    assert "↓↑ fell, rose" in row and "falling" not in row, row
    assert "does not match" not in result.stdout + result.stderr


def test_back_down_is_said_in_the_tense_of_its_window(cli: CLI, add: Add) -> None:
    """A window that ended weeks ago says where it was at its end; one that reaches today
    says where it is. The numbers beside "back down" are the report's own periods'."""
    write_six_months(add)
    past = ("--since", "2026-08-01", "--until", "2026-10-31")
    out = flat(ok(cli("report", *past)).stdout)
    assert re.search(r"Clinical language came up more from 1 Aug to 31 Oct 2026 than from 1 May "
                     r"to 31 Jul 2026 \(([\d.]+) vs 0\.00 per 100 words\); from the week of 28 "
                     r"Sep to 31 Oct 2026 it was back down \(0\.00 per 100 words\)\. Whose words "
                     r"or whose agenda were they, and what brought it back down\?", out), out
    assert "it is back down" not in out
    # every period named "back down" is at or below the level before (0.00), as said
    periods = report_json(cli, *past)["periods"]
    back = [p for p in periods if p["start"] >= "2026-09-28" and p["entries"]]
    assert len(back) == 3
    assert all(p["dimensions"]["clinical_language"]["drift"] == 0 for p in back)
    assert all(p["dimensions"]["clinical_language"]["drift"] > 5 for p in periods
               if "2026-08-03" <= p["start"] <= "2026-09-14" and p["entries"])
    now = flat(ok(cli("report", "--since", "2026-08-01")).stdout)
    # (round 48: the week of 16 Nov is not over on 20 Nov, so it is said as so far)
    assert ("since the week of 28 Sep it has been back down so far (0.00 per 100 words up to "
            "Fri 20 Nov 2026; the week of 16 Nov was not over)") in now, now


def test_a_few_words_or_unscored_entries_are_no_return(cli: CLI, add: Add) -> None:
    """Was: two short notes after the clinical weeks read "it is back down (0.00 per 100
    words)": 8 words are no measure of where the writing is."""
    for month in ("06", "07", "08", "09"):
        for day in ("03", "10", "17"):
            add(CLINICAL if month in ("08", "09") else PEER, "-d", f"2026-{month}-{day}")
    for day in ("2026-10-05", "2026-10-12", "2026-10-19"):
        add("Quiet shift, nothing much to note.", "-d", day)
    out = flat(ok(cli("report", "--since", "2026-08-01")).stdout)
    assert "Clinical language came up more from 1 Aug" in out, out
    assert "back down" not in out, out
    assert "Whose words or whose agenda were they?" in out


def _two_months(cli: CLI, add: Add, tmp_path: Path) -> tuple[Path, Path, Path]:
    write_six_months(add)
    files = []
    for name, since, until in (("aug", "2026-08-01", "2026-08-31"),
                               ("sep", "2026-09-01", "2026-09-30"),
                               ("oct", "2026-10-01", "2026-10-31")):
        export(cli, tmp_path, f"{name}.json", "--since", since, "--until", until)
        files.append(tmp_path / f"{name}.json")
    return files[0], files[1], files[2]


def test_review_says_the_comparison_with_the_month_before_once(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: October's "Against the period before (1 Sep – 30 Sep 2026, 3 entries): peer
    drift fell from 39.5 to 0.0 and peer identity rose from 0.0 to 26.3", then under "Since
    the previous summary" (September's) "Identity 0.0 → 26.3, drift 39.5 → 0.0"."""
    _, sep, oct_ = _two_months(cli, add, tmp_path)
    out = ok(cli("review", str(sep), str(oct_))).stdout
    october = out.split(f"File: {oct_}", 1)[1]
    said = flat(october)
    assert said.count("Against the period before (1 Sep – 30 Sep 2026") == 1, said
    assert "peer drift fell from 39.5 to 0.0 and peer identity rose from 0.0 to 26.3" in said
    since = flat(october.split("Since the previous summary", 1)[1].split("(That summary", 1)[0])
    assert "39.5 → 0.0" not in since and "0.0 → 26.3" not in since, since
    assert since.startswith("(2026-09-01 to 2026-09-30) • Balance -1.00 → +1.00."), since
    assert "Entries 3 → 3; alerts 1 → 0." in since


def test_review_keeps_the_numbers_of_a_previous_summary_of_another_period(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """August's summary before October's: "Against the period before" is September, so the
    section on August gives its own numbers."""
    aug, _, oct_ = _two_months(cli, add, tmp_path)
    out = ok(cli("review", str(aug), str(oct_))).stdout
    since = flat(out.split("Since the previous summary", 1)[1].split("(That summary", 1)[0])
    assert "Identity 0.0 → 26.3, drift 39.5 → 0.0 per 100 words; balance -1.00 → +1.00." in since


def test_against_the_period_before_ends_on_its_numbers(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Was: "peer drift held steady (39.5, then 39.5) and no peer identity either time per 100
    words"."""
    write_six_months(add)
    said = glance(export(cli, tmp_path, "sep.md", "--since", "2026-09-01",
                         "--until", "2026-09-30"))
    assert ("Against the period before (1 Aug – 31 Aug 2026, 3 entries): no peer identity "
            "either time and peer drift held steady (39.5, then 39.5) per 100 words.") in said


@pytest.mark.parametrize("width", ["60", "80"])
def test_a_long_turn_hangs_under_its_side(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch, width: str
) -> None:
    """Was: "  drift 10.82 (rose to 31.08 in the weeks of 3 Aug – 14\\nSep, then fell to …"
    carried on from the edge, under the labels. Now every line of a dimension's sides is
    indented: the sides 2, their wrapped lines 4."""
    monkeypatch.setenv("COLUMNS", width)
    write_six_months(add, ("03", "04", "17", "18"))
    add(CLINICAL, "-d", "2026-11-19")
    for extra in ((), ("-d", "clinical_language")):
        out = ok(cli("report", "--since", "2026-06-01", "--all", *extra)).stdout
        block = out.split("against the first 6", 1)[1].split("\n\n", 1)[0].strip("\n")
        lines = block.splitlines()
        assert any("then fell to" in line for line in lines), block
        for line in lines:
            assert len(line) <= int(width), line
            if line.startswith("  "):
                side = line[2:].startswith(("identity", "drift"))
                assert side or line.startswith("    "), block
            else:
                assert line.endswith(":") and not line.startswith(" "), block
        assert any(line.startswith("    ") for line in lines), block
        # the same words as on one line (as a wide terminal shows them)
        assert re.search(r"Clinical language: identity 0\.00 steady, drift [\d.]+ \(rose to "
                         r"[\d.]+ in the weeks of 3 Aug – 14 Sep, then fell to [\d.]+ in the "
                         r"weeks of 28 Sep – 16 Nov\)", flat(block)), flat(block)


def test_review_json_of_three_months_keeps_the_halves_direction(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """The file's `*_direction` stays the halves' (what `review` checks), the dip beside it."""
    write_dip(add, ("2026-08", "2026-09", "2026-10"), ("03", "10", "17"))
    path = tmp_path / "three.json"
    export(cli, tmp_path, "three.json", "--by", "month", "--since", "2026-08-01",
           "--until", "2026-10-31")
    summary = json.loads(path.read_text(encoding="utf-8"))
    row = next(d for d in summary["dimensions"] if d["id"] == "clinical_language")
    assert row["drift_direction"] == "down"
    merged = json.loads(ok(cli("review", "--json", str(path))).stdout)
    dims = merged["summaries"][0]["summary"]["dimensions"]
    shown = next(d for d in dims if d["id"] == "clinical_language")
    assert shown["drift_direction"] == "down"


MONTHS3 = ("--by", "month", "--since", "2026-08-01", "--until", "2026-10-31")
CLINICAL_ONCE = CLINICAL.split(" The patient was presenting", 1)[0]  # (test_r46's, once)


def write_months(add: Add, months: dict[str, tuple[str, ...]]) -> None:
    """Each month's entries on the 3rd, 10th, 17th … (`months`: "2026-08": their texts)."""
    for month, texts in months.items():
        for i, text in enumerate(texts):
            add(text, "-d", f"{month}-{3 + 7 * i:02d}")


def _dimension_line(out: str, label: str) -> str:
    dims = flat(section(out, "Dimensions"))
    found = re.search(rf"{label}: identity [^:]*?(?= [A-Z][a-z ]+:|$)", dims)
    assert found, dims
    return found[0]


def test_one_period_thirds_need_twice_the_margin_and_evidence_in_numbers() -> None:
    """The QA's quarters: 1.42, 1.15, 1.65 by month is noise (old: "fell to 1.2 …, back to
    1.7"); 0, 0.47, 0 is one month's spike; a third of one entry is no level."""
    words, entries = [808, 737, 756], [8, 8, 8]
    assert turn([1.423, 1.153, 1.653], entries, words) is None
    assert turn([0.0, 0.474, 0.0], entries, words) is None  # (the halves: a spike)
    assert turn([0.175, 0.565, 0.0], entries, words) is None
    assert turn([0.47, 2.93, 0.27], entries, words) is not None  # (a year's rise and return)
    assert turn([2.0, 0.5, 2.1], [3, 1, 3], [400, 400, 400]) is None  # (one entry's month)
    # four and five months: ends of one period each
    dip4 = turn([15.5, 0.0, 0.0, 15.5], [3] * 4, [600] * 4)
    assert dip4 is not None and (dip4.middle, dip4.end) == ((1, 2), (3, 3))
    assert turn([15.5, 15.5, 0.0, 15.5, 15.5], [3] * 5, [600] * 5) is None  # (one month's)
    assert turn([15.5, 0.0, 0.0, 15.5], [1, 3, 3, 3], [600] * 4) is None  # (one entry's end)


def test_a_small_wobble_over_three_months_holds_steady(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was (fc68350): "Peer drift fell to 3.1 in Sep 2026, then rose to 5.6 in Oct 2026" of
    3.91, 3.12, 5.60 by month, whose halves hold steady (3.9, then 4.4)."""
    long_mixed = f"{PEER} {PEER} {PEER} {CLINICAL_ONCE}"
    longer = f"{PEER} {PEER} {PEER} {PEER} {PEER} {CLINICAL_ONCE}"
    write_months(add, {"2026-08": (long_mixed, PEER, PEER), "2026-09": (longer, PEER, PEER),
                       "2026-10": (f"{PEER} {CLINICAL_ONCE}", PEER, PEER)})
    periods = report_json(cli, *MONTHS3)["periods"]
    drift = [round(p["drift"], 2) for p in periods]
    assert drift[1] < drift[0] < drift[2] and drift[0] - drift[1] > 0.6, drift  # (a wobble)
    out = ok(cli("report", *MONTHS3)).stdout
    assert "fell to" not in out and "rose to" not in out, section(out, "Dimensions")
    said = glance(export(cli, tmp_path, "wobble.md", *MONTHS3))
    assert re.search(r"Peer drift held steady \([\d.]+, then [\d.]+ per 100 words\)", said), said
    assert "fell to" not in said and "rose to" not in said, said


def test_one_month_s_spike_with_no_marker_either_side_is_no_turn(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: "Peer drift rose to 5.6 in Sep 2026, back to 0.0 in Oct 2026" from one entry of
    peer work and clinical notes among nine of peer work; the summary's note promises trend
    words "not from one month's spike"."""
    write_months(add, {"2026-08": (PEER,) * 3, "2026-09": (PEER, PEER, MIXED),
                       "2026-10": (PEER,) * 3})
    out = ok(cli("report", *MONTHS3)).stdout
    assert "rose to" not in section(out, "Dimensions"), section(out, "Dimensions")
    assert re.search(r"Clinical language: identity 0\.00 steady, drift [\d.]+ steady",
                     flat(out)), flat(out)
    said = glance(export(cli, tmp_path, "spike.md", *MONTHS3))
    assert "Peer drift rose to" not in said and "drift markers) rose to" not in said, said
    assert re.search(r"Peer drift went from 0\.0 to [\d.]+ per 100 words: .*; but the "
                     r"markers of the later half all come from one month, a spike rather "
                     r"than a trend\.", said), said
    # (identity's dip rests on both ends, each holding it: a dip, not a spike)
    assert re.search(r"Peer identity fell to [\d.]+ in Sep 2026, back to 26\.3 in Oct 2026",
                     said), said


def test_three_weeks_with_a_thin_middle_end_where_they_began(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: "Recovery story: identity 7.71 falling" and "Peer identity fell from 26.3 to
    20.6" for identity 26.3, 14.4, 26.3 by week, the middle week under 300 scored words (too
    thin for a turn): the halves' odd split (week 1 against weeks 2-3) moved."""
    thin = f"{CLINICAL_ONCE} {CLINICAL_ONCE}".replace(", and I told him he needs to take his "
                                                      "meds", "")
    for day, text in (("02", PEER), ("04", PEER), ("09", PEER), ("11", thin), ("16", PEER),
                      ("18", PEER)):
        add(text, "-d", f"2026-11-{day}")
    args = ("--by", "week", "--since", "2026-11-02")
    report = report_json(cli, *args)
    identity = [round(p["identity"], 1) for p in report["periods"]]
    assert identity == [26.3, 14.4, 26.3] and report["periods"][1]["words"] < 300, report
    story = report["trend"]["dimensions"]["story"]
    assert story["identity_direction"] == "down"  # (the halves', as `review` checks them)
    assert story["identity_reads"] == "steady" and story["identity_turn"] is None
    out = ok(cli("report", *args)).stdout
    assert not re.search(r"\d (rising|falling)", section(out, "Dimensions")), out
    assert "Recovery story: identity 7.71 steady" in flat(out)
    md = export(cli, tmp_path, "weeks.md", *args)
    said = glance(md)
    assert re.search(r"Peer identity ended where it began: 26\.3 per 100 words in the first "
                     r"week with entries, 26\.3 in the last week; the weeks between are in "
                     r"the table below\.", said), said
    assert "fell from" not in said and "Moved most" not in said, said
    assert re.search(r"\| Recovery story \| [\d.]+ → steady \|", md), md
    assert "nor where the last weeks end where the first began" in flat(md)
    export(cli, tmp_path, "weeks.json", *args)
    reviewed = ok(cli("review", str(tmp_path / "weeks.json")))
    assert "does not match" not in reviewed.stdout + reviewed.stderr
    row = next(line for line in reviewed.stdout.splitlines()
               if line.startswith("Recovery story"))
    assert "falling" not in row, row


def test_five_months_with_a_one_month_dip_are_not_falling(cli: CLI, add: Add) -> None:
    """Was: "Clinical language: … drift 10.34 falling" and "Recovery story: identity 2.62
    rising" for drift 17.1, 17.1, 0, 17.1, 17.1 by month (one month's dip: no turn)."""
    write_months(add, {f"2026-{m:02d}": ((PEER if m == 8 else MIXED),) * 3
                       for m in range(6, 11)})
    args = ("--by", "month", "--since", "2026-06-01", "--until", "2026-10-31")
    out = ok(cli("report", *args)).stdout
    dims = section(out, "Dimensions")
    assert not re.search(r"\d (rising|falling)", dims) and "fell to" not in dims, dims
    assert re.search(r"Clinical language: identity 0\.00 steady, drift [\d.]+ steady", flat(dims))
    trend = report_json(cli, *args)["trend"]["dimensions"]["clinical_language"]
    assert trend["drift_direction"] == "down" and trend["drift_reads"] == "steady"


def test_four_months_of_two_different_months_in_the_middle_read_as_a_turn(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: "drift 6.41 steady" for peer, clinical, clinical, peer by month (the halves
    split the rise); ends of one month each hold a half's entries and writing."""
    write_months(add, {"2026-06": (PEER,) * 3, "2026-07": (MIXED,) * 3,
                       "2026-08": (MIXED,) * 3, "2026-09": (PEER,) * 3})
    args = ("--by", "month", "--since", "2026-06-01", "--until", "2026-09-30")
    out = flat(ok(cli("report", *args)).stdout)
    assert re.search(r"Clinical language: identity 0\.00 steady, drift [\d.]+ \(rose to "
                     r"[\d.]+ in Jul – Aug 2026, back to 0\.00 in Sep 2026\)", out), out
    said = glance(export(cli, tmp_path, "four.md", *args))
    assert re.search(r"Peer drift rose to [\d.]+ in Jul – Aug 2026, back to 0\.0 in Sep 2026",
                     said), said


def test_a_month_of_a_few_words_does_not_make_a_rise_a_spike(cli: CLI, add: Add) -> None:
    """Was: "Clinical language: … drift 8.49 steady" for 0, 17.1, 0 (three 3-word notes),
    17.1 by month: the notes' month counted as a month without evidence, so the later
    half's markers "all came from one month". A period under 150 scored words is not
    counted either way."""
    write_months(add, {"2026-06": (PEER,) * 3, "2026-07": (MIXED,) * 3,
                       "2026-08": ("Quiet shift. Tired.",) * 3, "2026-09": (MIXED,) * 3})
    args = ("--by", "month", "--since", "2026-06-01", "--until", "2026-09-30")
    out = flat(ok(cli("report", *args)).stdout)
    assert re.search(r"Clinical language: identity 0\.00 steady, drift [\d.]+ rising", out), out
    trend = report_json(cli, *args)["trend"]["dimensions"]["clinical_language"]
    assert trend["drift_direction"] == "up" and trend["drift_turn"] is None


def test_back_down_over_whole_months_names_them_as_the_table_does(cli: CLI, add: Add) -> None:
    """Was: "from May 2026 to 30 Jun 2026 it was back down" (a month's name, then a date,
    and the year twice)."""
    write_months(add, {month: ((CLINICAL if month in ("2026-03", "2026-04") else PEER),) * 3
                       for month in ("2025-10", "2025-11", "2025-12", "2026-01", "2026-02",
                                     "2026-03", "2026-04", "2026-05", "2026-06")})
    out = flat(ok(cli("report", "--by", "month", "--since", "2026-01-01",
                      "--until", "2026-06-30")).stdout)
    assert re.search(r"Clinical language came up more from 1 Jan to 30 Jun 2026 than from 1 Jul "
                     r"to 31 Dec 2025 \([\d.]+ vs 0\.00 per 100 words\); in May – Jun 2026 it "
                     r"was back down \(0\.00 per 100 words\)", out), out
    # a window ending within a month keeps its date
    mid = flat(ok(cli("report", "--by", "month", "--since", "2026-01-01",
                      "--until", "2026-06-20")).stdout)
    assert "from May 2026 to 20 Jun 2026 it was back down" in mid, mid


def test_one_month_against_one_needs_a_real_gap_to_be_a_turn() -> None:
    """QA (qa_trends2): a quarter written at a steady rate wobbles: drift 0.8, 0.3, 1.0 by
    month read "fell to 0.3 …, then rose to 1.0"; a gap under ONE_PERIOD_GAP (per 100 words)
    from either end is no turn, a dip of 2.0, 0.5, 2.1 is one."""
    assert turn([0.8, 0.3, 1.0], [4, 4, 4], [900] * 3) is None
    assert turn([0.69, 1.62, 0.4], [4, 4, 4], [900] * 3) is None
    dip = turn([2.0, 0.5, 2.1], [4, 4, 4], [900] * 3)
    assert dip is not None and dip.way == "down_up"


def test_thin_end_months_are_no_level_to_read_steady_from() -> None:
    """QA (qa_trends2, six_short): drift 0, 15.5, 15.5 and then three months of short notes
    read "drift steady" (the last third's thin months taken as an end that matched the first);
    the halves' rise stands."""
    series = [0.0, 0.0, 15.5, 15.5, 0.0, 0.0]
    assert ended_where_began(series, [3] * 6, [600, 600, 600, 600, 40, 40]) is None
