"""The summary after the QA pass: answers to a prompt set's questions, empty periods,
duplicate quotes and the size of a long journal."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from typing import Any

from peerjournal.entry import Entry
from peerjournal.redact import Person, Redactor
from peerjournal.reflection import answer_layout, element_answers, element_text
from peerjournal.summary import (
    MAX_EMPTY_RUN,
    SummaryInput,
    build_summary,
    collapse_empty,
    validate_summary,
)

BOUD = answer_layout("boud")
DO_DIFFERENTLY = "Appropriation: what do you now own; what will you do differently?"


def _input(entries: list[Entry], **kw: Any) -> SummaryInput:
    values: dict[str, Any] = dict(
        since=date(2026, 11, 2), until=date(2026, 11, 20),
        generated_at=datetime(2026, 11, 20, 18, 30, tzinfo=UTC),
        entries=entries, drifts={}, layouts={"boud": BOUD},
    )
    values.update(kw)
    # one period over the window, as a report always has one at least
    values.setdefault("report", {"by": "week", "periods": [
        {"start": str(values["since"]), "end": str(values["until"]), "entries": len(entries)}]})
    return SummaryInput(**values)


def _entry(entry_id: int, **kw: Any) -> Entry:
    values: dict[str, Any] = dict(date=date(2026, 11, 3), experience="We talked.", shared=True)
    values.update(kw)
    return Entry(id=entry_id, **values)


# -- answers to the prompt set's questions ---------------------------------------------------


def test_answers_are_placed_in_their_element_and_unknown_ones_under_evaluation() -> None:
    answers = {"do_differently": "Ask first.", "obstructing_feeling": "Shame.",
               "what_sam_said": "Leave me be."}
    assert element_answers(answers, BOUD, "evaluation") == [
        (DO_DIFFERENTLY, "Ask first."), ("What sam said", "Leave me be.")]
    assert element_answers(answers, BOUD, "feelings") == [
        ("If one feeling is still in the way, what is it?", "Shame.")]
    assert element_answers(answers, BOUD, "experience") == []
    assert element_text("It went well.", answers, BOUD, "feelings") == (
        "It went well.\n\nIf one feeling is still in the way, what is it?\nShame.")
    assert element_text("", {"do_differently": "Ask first."}, BOUD, "evaluation") == (
        f"{DO_DIFFERENTLY}\nAsk first.")


def test_shared_evaluation_answers_reach_the_summary_redacted() -> None:
    entry = _entry(1, evaluation="", feelings="Irritated.",
                   answers={"do_differently": "Next time I will ask Maria first.",
                            "obstructing_feeling": "Worry about Maria."})
    private = _entry(2, shared=False, answers={"do_differently": "I will call Maria's mum."})
    s = build_summary(_input([entry, private]), Redactor([Person("Maria Lopez")]))
    assert s["intentions"] == [
        {"date": "2026-11-03", "text": "Next time I will ask [person] first."}]
    (shared,) = s["shared_entries"]
    assert shared["evaluation"] == f"{DO_DIFFERENTLY}\nNext time I will ask [person] first."
    assert shared["feelings"] == (
        "Irritated.\n\nIf one feeling is still in the way, what is it?\nWorry about [person].")
    assert "mum" not in str(s)  # an unshared entry's answers never leave
    assert validate_summary(s, "x.json") == s


def test_an_answer_to_a_do_differently_question_is_an_intention_as_a_whole() -> None:
    layout = answer_layout("driscoll")
    entry = _entry(1, prompt_set="driscoll",
                   answers={"now_what": "Ask him first.\nKeep the notes short."})
    s = build_summary(_input([entry], layouts={"driscoll": layout}))
    assert s["intentions"] == [
        {"date": "2026-11-03", "text": "Ask him first. Keep the notes short."}]


def test_a_set_without_a_layout_still_counts_its_answers_as_evaluation() -> None:
    entry = _entry(1, prompt_set="gone", answers={"plan": "I will rest more."})
    s = build_summary(_input([entry], layouts={}))
    assert s["intentions"][0]["text"] == "I will rest more."
    assert s["shared_entries"][0]["evaluation"] == "Plan\nI will rest more."


# -- two different quotes per marker ---------------------------------------------------------


def _story_hits(text: str) -> dict[str, Any]:
    hits = []
    start = text.find("shared my story")
    while start >= 0:
        hits.append({"marker": "story.shared", "dimension": "story", "polarity": "identity",
                     "text": "shared my story", "start": start, "end": start + 15,
                     "counted": True})
        start = text.find("shared my story", start + 1)
    return {"hits": hits}


def test_a_markers_two_quotes_are_different_sentences() -> None:
    same = "I shared my story, then I shared my story again."
    entries = [
        _entry(1, date=date(2026, 9, 1), experience=same),
        _entry(2, date=date(2026, 9, 2), experience=same.upper().lower().capitalize()),
        _entry(3, date=date(2026, 9, 3), experience="Later I shared my story with the group."),
    ]
    drifts = {e.id: _story_hits(e.experience) for e in entries}
    s = build_summary(_input(entries, drifts=drifts))
    (story,) = s["markers"]["identity"]
    assert story["count"] == 5
    assert story["excerpts"] == [
        {"date": "2026-09-01", "text": same, "noticed": False},
        {"date": "2026-09-03", "text": "Later I shared my story with the group.", "noticed": False},
    ]


def test_one_distinct_quote_is_given_once() -> None:
    same = "I shared my story, then I shared my story again."
    entry = _entry(1, date=date(2026, 9, 1), experience=same)
    s = build_summary(_input([entry], drifts={1: _story_hits(same)}))
    assert s["markers"]["identity"][0]["excerpts"] == [
        {"date": "2026-09-01", "text": same, "noticed": False}]


# -- empty periods ---------------------------------------------------------------------------


def _week(start: date, entries: int) -> dict[str, Any]:
    return {"start": start.isoformat(), "end": (start + timedelta(days=6)).isoformat(),
            "entries": entries, "identity": 1.0, "drift": 0.5, "balance": 0.33,
            "dimensions": {"story": {"identity": 1.0, "drift": 0.0}}}


def test_long_runs_of_empty_periods_become_one_period() -> None:
    first = date(1900, 1, 1)
    counts = [0] * 6000 + [1] + [0] * MAX_EMPTY_RUN + [2] + [0] * 10 + [1]
    weeks = [_week(first + timedelta(weeks=n), c) for n, c in enumerate(counts)]
    s = build_summary(_input([], since=first, report={"by": "week", "periods": weeks}))
    periods = s["periods"]
    assert [p["entries"] for p in periods] == [0, 1, *[0] * MAX_EMPTY_RUN, 2, 0, 1]
    assert (periods[0]["start"], periods[0]["end"]) == ("1900-01-01", weeks[5999]["end"])
    assert periods[0]["identity"] is None and periods[0]["dimensions"]["story"]["identity"] is None
    gap = periods[-2]
    assert (gap["start"], gap["end"]) == (weeks[-11]["start"], weeks[-2]["end"])
    # the periods still cover the window, one after another
    for before, after in itertools.pairwise(periods):
        assert date.fromisoformat(after["start"]) - date.fromisoformat(before["end"]) == (
            timedelta(days=1))
    assert len(s["dimensions"][0]["identity_series"]) == len(periods)


def test_a_few_empty_periods_stay_one_by_one() -> None:
    weeks = [_week(date(2026, 10, 26) + timedelta(weeks=n), c) for n, c in enumerate([0, 0, 0, 1])]
    assert collapse_empty(weeks) == weeks


def test_review_reads_a_ten_year_journal_with_everything_shared() -> None:
    entries = [_entry(n, date=date(2016, 1, 1) + timedelta(days=n // 6),
                      evaluation="I will rest.") for n in range(1, 20_002)]
    s = build_summary(_input(entries, since=date(2016, 1, 1)))
    assert len(s["shared_entries"]) == 20_001
    assert validate_summary(s, "x.json") is not None
