"""The summary document: what leaves, what doesn't, and validation for review."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from peerjournal.entry import Entry
from peerjournal.redact import Person, Redactor
from peerjournal.summary import (
    SCHEMA,
    CheckItem,
    SelfCheck,
    SummaryError,
    SummaryInput,
    build_summary,
    excerpt,
    validate_summary,
)

SHARED_TEXT = (
    "I met Maria Lopez at the ward. I shared my story with her and we learned from each other."
)
SHARED_EVAL = "The nurse called her non-compliant. Next time I will ask Maria what she wants."
PRIVATE_TEXT = "Busy work all day. Called 07700 900123 about Maria's housing."


def _hit(text: str, phrase: str, marker: str, polarity: str) -> dict[str, Any]:
    start = text.index(phrase)
    return {"marker": marker, "dimension": marker.split(".")[0], "polarity": polarity,
            "text": phrase, "start": start, "end": start + len(phrase), "counted": True}


def _period(start: str, end: str, entries: int, identity: float, drift: float,
            dims: dict[str, dict[str, float]]) -> dict[str, Any]:
    """A report period, its balance the one its identity and drift give (review checks it)."""
    return {"start": start, "end": end, "entries": entries, "identity": identity, "drift": drift,
            "balance": balance(identity, drift), "dimensions": dims}


def balance(identity: float, drift: float) -> float | None:
    """(identity - drift) / (identity + drift) to 3 decimals, as a report gives it; None
    without evidence."""
    return round((identity - drift) / (identity + drift), 3) if identity + drift else None


def sample_input(
    experience: str = SHARED_TEXT, evaluation: str = SHARED_EVAL, note: str = "",
    extra_text: str = "",
) -> SummaryInput:
    experience = experience + extra_text
    shared = Entry(date=date(2026, 11, 3), experience=experience, feelings="Proud. 😀 中文",
                   evaluation=evaluation, setting="Maria's house", tags=["maria-visit", "crisis"],
                   shared=True, id=1, drift_verdict="identity")
    private = Entry(date=date(2026, 11, 10), experience=PRIVATE_TEXT, id=2)
    scored = "\n\n".join([experience, shared.feelings, evaluation])
    wanted = [("shared my story", "story.shared", "identity"),
              ("non-compliant", "clinical_language.non_compliant", "drift")]
    drifts = {
        1: {"hits": [_hit(scored, *w) for w in wanted if w[0] in scored]},
        2: {"hits": [_hit(PRIVATE_TEXT, "Busy work", "co_optation.busy_work", "drift")]},
    }
    story = {"story": {"identity": 3.2, "drift": 0.0}}
    report = {
        "by": "week",
        "periods": [
            _period("2026-10-26", "2026-11-01", 0, 0.0, 0.0, {}),
            _period("2026-11-02", "2026-11-08", 1, 3.2, 1.1, story),
            _period("2026-11-09", "2026-11-15", 1, 0.0, 4.0,
                    {"co_optation": {"identity": 0.0, "drift": 4.0}}),
            _period("2026-11-16", "2026-11-20", 0, 0.0, 0.0, {}),
        ],
        "alerts": ["Drift rose in the last two weeks, mostly around Maria's housing."],
    }
    check = SelfCheck(datetime(2026, 11, 19, tzinfo=UTC),
                      [CheckItem("mutuality.learn", 4, "Better with maria", "Mutuality",
                                 "I learn from the people I support")])
    return SummaryInput(
        since=date(2026, 10, 26), until=date(2026, 11, 20),
        generated_at=datetime(2026, 11, 20, 18, 30, tzinfo=UTC), report=report,
        entries=[shared, private], drifts=drifts, labels={"story": "Recovery story"},
        note=note or "Maria's case is on my mind; mail me at a@b.org", writer="Sam",
        selfcheck=check, generator="peerjournal test",
    )


def redactor() -> Redactor:
    return Redactor([Person("Maria Lopez")])


def sample_summary(**kwargs: Any) -> dict[str, Any]:
    return build_summary(sample_input(**kwargs), redactor())


def counted_as_periods(summary: dict[str, Any]) -> dict[str, Any]:
    """`summary` with its entry count the sum of its periods', as an export's always is (review
    checks it): a hand-made report's periods hold more entries than the two `sample_input`
    gives. As many are left without a drift score as before."""
    entries = summary["entries"]
    unscored = entries["total"] - entries["scored"]
    total = sum(p["entries"] for p in summary["periods"])
    entries.update(total=total, scored=max(total - unscored, 0))
    return summary


def moved(summary: dict[str, Any], since: str, until: str) -> dict[str, Any]:
    """`summary` moved to `since`..`until` with its periods spread over the new days (as many
    periods, of about as many days each), and what comes from its entries (shared entries,
    quotes, intentions) dated within them, at the nearest day: an export's periods and entries
    lie within its period, and review checks that they do."""
    if (since, until) != (summary["period"]["since"], summary["period"]["until"]):
        first, periods = date.fromisoformat(since), summary["periods"]
        days = (date.fromisoformat(until) - first).days + 1
        for n, period in enumerate(periods):
            period["start"] = (first + timedelta(days=days * n // len(periods))).isoformat()
            period["end"] = (first + timedelta(days=days * (n + 1) // len(periods) - 1)).isoformat()
        summary["period"] = {**summary["period"], "since": since, "until": until}
        if days > 7 * len(periods):  # periods longer than a week: review refuses them "by week"
            summary["period"]["by"] = "month"
        quotes = [q for p in ("identity", "drift") for m in summary["markers"][p]
                  for q in m["excerpts"]]
        for item in (*summary["shared_entries"], *summary["intentions"], *quotes):
            item["date"] = min(max(item["date"], since), until)
    return summary


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_summary_shape_and_counts() -> None:
    s = sample_summary()
    assert s["schema"] == SCHEMA and s["redacted"] is True and s["writer"] == "Sam"
    assert s["period"] == {"since": "2026-10-26", "until": "2026-11-20", "by": "week"}
    assert s["entries"] == {"total": 2, "shared": 1, "scored": 2}
    assert [p["identity"] for p in s["periods"]] == [None, 3.2, 0.0, None]
    assert validate_summary(s, "x.json") == s


def test_nothing_private_leaves() -> None:
    text = " ".join(_strings(sample_summary()))
    assert "maria" not in text.casefold() and "lopez" not in text.casefold()
    assert "Busy work all day" not in text and "07700" not in text and "a@b.org" not in text


def test_markers_count_every_entry_but_quote_shared_ones_only() -> None:
    markers = sample_summary()["markers"]
    (busy,) = [m for m in markers["drift"] if m["id"] == "co_optation.busy_work"]
    assert busy["count"] == 1 and busy["excerpts"] == []
    (story,) = markers["identity"]
    assert story["dimension_label"] == "Recovery story"
    assert story["excerpts"] == [{
        "date": "2026-11-03",
        "text": "I shared my story with her and we learned from each other.",
        "noticed": False,
    }]


def test_markers_leave_learned_markers_out() -> None:
    """A learned marker groups unrelated words by weight: its id tells a mentor nothing."""
    data = sample_input()
    learned = {**data.drifts[1]["hits"][0], "marker": "learned.story.identity.2"}
    data.drifts[1]["hits"].append(learned)  # type: ignore[attr-defined]
    markers = build_summary(data, redactor())["markers"]
    assert [m["id"] for m in markers["identity"]] == ["story.shared"]


def test_intentions_come_from_shared_evaluations_redacted() -> None:
    assert sample_summary()["intentions"] == [
        {"date": "2026-11-03", "text": "Next time I will ask [person] what she wants."}
    ]


def test_tags_settings_alerts_and_check_notes_are_redacted() -> None:
    s = sample_summary()
    entry = s["shared_entries"][0]
    assert entry["setting"] == "[person]'s house"
    assert entry["tags"] == ["[person]-visit", "crisis"]
    assert "[person]'s housing" in s["alerts"][0]["message"]
    assert s["selfcheck"]["items"][0]["note"] == "Better with [person]"


def test_unredacted_summary_says_so() -> None:
    s = build_summary(sample_input(), None)
    assert s["redacted"] is False and "Maria" in s["note"]


def test_excerpt_stays_in_its_sentence_and_cuts_at_words() -> None:
    text = "First bit. " + "word " * 40 + "HIT " + "more " * 40 + "end."
    start = text.index("HIT")
    out = excerpt(text, start, start + 3)
    assert "HIT" in out and out.startswith("…") and out.endswith("…")
    assert "First" not in out and len(out) < 170
    assert excerpt("One. Two HIT three. Four.", 9, 12) == "Two HIT three."


def test_direction_needs_three_periods() -> None:
    dims = {d["id"]: d for d in sample_summary()["dimensions"]}
    assert dims["story"]["identity_direction"] is None


# --------------------------------------------------------------------------- validation


def _broken(path: list[Any], value: Any) -> dict[str, Any]:
    s = copy.deepcopy(sample_summary())
    target: Any = s
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return s


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (["schema"], "peerjournal.summary/2", "not supported"),
        (["schema"], "something/1", "not a peerjournal summary"),
        (["periods", 0, "identity"], "high", "(periods #1 identity is not a number of 0 or more)"),
        (["periods", 1, "start"], "yesterday", "(periods #2 start is not a date)"),
        (["entries", "total"], -1, "(entries total is not a whole number of 0 or more)"),
        (["markers", "drift", 0, "excerpts"], "x", "(markers drift #1 excerpts is not a list)"),
        (["shared_entries", 0, "tags"], [1],
         "(shared entries #1 tags holds something other than text)"),
        (["selfcheck", "items", 0, "score"], 9,
         "(selfcheck items #1 score is not a score from 1 to 5)"),
        (["note"], KeyError, "(note is missing)"),
        (["redacted"], "yes", "(redacted is not true or false)"),
        (["markers", "drift", 0, "noticed"], 9,
         "(markers drift #1 noticed is more than its count)"),
        (["markers", "drift", 0, "excerpts", 0, "noticed"], "yes",
         "(markers drift #1 excerpts #1 noticed is not true or false)"),
    ],
)
def test_validation_names_file_and_field(path: list[Any], value: Any, message: str) -> None:
    with pytest.raises(SummaryError) as err:
        validate_summary(_broken(path, value), "mentee.json")
    assert err.value.message.startswith("mentee.json: ")
    assert message in err.value.message


def test_validation_rejects_non_objects() -> None:
    for data in ([], "x", 3, None):
        with pytest.raises(SummaryError, match=r"bad\.json"):
            validate_summary(data, "bad.json")
