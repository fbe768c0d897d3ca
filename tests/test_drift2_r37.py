"""Round 37 QA, drift engine and reports (qa_week 2 and 8, qa_mentor 4, qa_reports 1, 2, 4-6).

Learned markers no longer read a workplace or a topic ("crisis line", "hanging", "shared my")
as advice; a plan to ask "before advising" is no advice given; a balance that prints as zero
has no minus sign; the rising-drift alert reads short-entry weeks; the report's sections say
what they compare; a current week cut at its start is starred; single-entry periods get no
trend words; an empty comparison has one wording.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from conftest import CLI
from learn_markers import IDENTITY_OPENERS, usable
from peerjournal.drift import load_lexicon, score_text
from peerjournal.trends import fixed

CRISIS = "A long night on the crisis line with a caller who kept hanging up and calling back."
PLAN = (
    "It was a long shift on the ward with lots going on and I felt tired by the end of it. "
    "Next time I will ask her what matters to her before advising."
)
PEER = "I shared my own story and we worked out together what she wanted."
ADVICE = "I told him he should take his meds and comply with the plan."


def on(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", f"{day}T19:30:00+00:00")


def advice_counted(text: str) -> list[str]:
    score = score_text(text, load_lexicon())
    return [h.text for h in score.hits if h.dimension == "advice" and h.counted]


# -- qa_week 2: places and topics are not advice -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [CRISIS, "Busy shift on the crisis line.", "I shared my lunch with her.",
     "She seemed much better today.", "It was simple in the end."],
)
def test_a_place_or_topic_is_not_advice(text: str) -> None:
    assert advice_counted(text) == []
    assert score_text(text, load_lexicon()).verdict != "drift"


def test_learning_keeps_places_and_identity_openers_out() -> None:
    assert not usable("crisis line") and not usable("hanging") and not usable("much better")
    assert not usable("grounding") and not usable("simple")
    # in a phrase they stay
    assert usable("ends up") and usable("feel better") and usable("crisis team")
    assert "shared" in IDENTITY_OPENERS
    learned = [
        p for m in load_lexicon().markers if m.learned and m.polarity == "drift"
        for p in m.patterns
    ]
    for gram in ("crisis line", "hanging", "shared my", "much better", "simple", "grounding"):
        assert gram not in learned


def test_real_advice_still_counts() -> None:
    assert advice_counted(ADVICE)
    assert advice_counted("I listened to her for ages before advising her to take the tablets.")


# -- qa_mentor 4: a plan to hold advice back -------------------------------------------------


def test_a_plan_to_ask_before_advising_is_not_advice() -> None:
    assert advice_counted(PLAN) == []
    assert score_text(PLAN, load_lexicon()).verdict != "drift"
    assert advice_counted("Next time I will listen before telling her what to do.") == []


def test_a_plan_to_advise_still_counts_as_an_intention() -> None:
    assert advice_counted("Next time I will tell her what to do.")


# -- qa_week 8: no "-0.00" ----------------------------------------------------------------------


def test_a_balance_that_rounds_to_zero_has_no_minus() -> None:
    assert fixed(-0.004, sign=True) == "+0.00"
    assert fixed(-0.004) == "0.00"
    assert fixed(-0.006, sign=True) == "-0.01"
    assert fixed(0.004, sign=True) == "+0.00"


def test_the_report_prints_an_even_balance_without_a_minus(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    on(monkeypatch, "2026-12-06")
    for text, day, setting in (
        ("Sam Jones was admitted again. I told him he should take his medication and comply "
         "with the plan.", "2026-12-05", "inpatient"),
        ("Phone line: caller in crisis, I listened and we made a plan together.", "2026-11-30",
         "phone/text line"),
    ):
        assert cli("write", "-x", text, "-s", setting, "-d", day).exit_code == 0
    out = cli("report").stdout
    assert "-0.00" not in out


# -- qa_reports 1: the rising-drift alert for short entries ---------------------------------------


def _weeks(add: Callable[..., int], texts_per_week: list[list[str]], monday: date) -> None:
    for k, texts in enumerate(texts_per_week):
        for j, text in enumerate(texts):
            add(text, "--date", (monday + timedelta(weeks=k, days=j)).isoformat())


def test_short_entries_two_a_week_can_rise(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    on(monkeypatch, "2026-12-02")
    _weeks(add, [[PEER, PEER], [PEER, ADVICE], [ADVICE, PEER, ADVICE], [ADVICE, ADVICE],
                 [ADVICE, ADVICE + " He is non-compliant and lacks insight."]],
           date(2026, 10, 26))
    report = json.loads(cli("report", "--json").stdout)
    assert any(a.startswith("Drift markers rose in") for a in report["alerts"]), report["alerts"]


def test_one_short_entry_a_week_says_the_weeks_are_too_short(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    on(monkeypatch, "2026-12-02")
    mild = "I shared my own story. I told him he should rest."
    _weeks(add, [[PEER], [mild], [ADVICE + " " + PEER], [ADVICE],
                 [ADVICE + " He is non-compliant and lacks insight."]], date(2026, 10, 26))
    alerts = json.loads(cli("report", "--json").stdout)["alerts"]
    # (round 38: weeks of one entry each are no trend, whatever their words: the alert says
    # so, as the Dimensions section and the mentor summary do, rather than "rose")
    rose = [a for a in alerts if a.startswith("Drift markers were higher than the week before")]
    assert rose, alerts
    assert not any(a.startswith("Drift markers rose") for a in alerts), alerts
    assert "each of those weeks holds only 1 entry: too few entries per week" in rose[0]


# -- qa_reports 2, 5, 6: what each section compares; thin data; one empty wording -------------


def test_sections_say_what_they_compare(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    on(monkeypatch, "2026-11-20")
    for day, text in (("2026-10-20", ADVICE), ("2026-10-21", ADVICE), ("2026-10-28", PEER),
                      ("2026-11-04", ADVICE), ("2026-11-12", PEER), ("2026-11-18", PEER),
                      ("2026-11-19", PEER)):
        # (8 times over: each half holds the 300 scored words a comparison needs, round 43)
        add(" ".join([text] * 8), "--date", day)
    out = " ".join(cli("report").stdout.split())
    # (round 46: the Dimensions' heading names the halves it compares)
    assert ("per 100 words over these weeks; rising or falling: the last 3 weeks with entries "
            "against the first 2") in out
    assert ", the window before" in out


def test_an_empty_window_before_has_one_wording(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    on(monkeypatch, "2026-12-06")
    for month in range(1, 10):
        add(PEER if month % 2 else ADVICE, "--date", f"2025-{month:02d}-10")
    out = " ".join(cli("report", "--since", "2025", "--until", "2025", "--by", "month").stdout
                   .split())
    assert "Nothing to compare with: no entries in the window before." in out
    assert "No scored entries in the previous window" not in out


# -- qa_reports 4: the current week cut at its start is starred -------------------------------


def test_the_current_week_cut_at_its_start_is_starred(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    on(monkeypatch, "2026-12-06")  # a Sunday; the week began on Monday 30 Nov
    add(PEER, "--date", "2026-11-30")
    add(ADVICE, "--date", "2026-12-02")
    cut = cli("report", "--since", "2026-12-01").stdout
    assert "1 Dec*" in cut and "* part of a week, cut by the window" in cut
    whole = cli("report", "--since", "2026-11-30").stdout
    assert "30 Nov*" not in whole and "30 Nov " in whole
    month = cli("report", "--since", "2026-12-01", "--by", "month").stdout
    assert "Dec 2026*" not in month  # the month began on 1 Dec: not cut
