"""The self-check form, answers, history and prep assembly (pure logic, no CLI)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import drift_hit
from peerjournal.errors import ExitCode, PeerJournalError
from peerjournal.supervision import (
    Answer,
    EntryFacts,
    SelfCheck,
    SupervisionRecord,
    build_history,
    build_prep,
    check_score,
    chosen_supervision,
    content_stems,
    follow_intentions,
    form_path,
    load_form,
    load_items,
    most_drift_evidence,
    movements,
    parse_answers,
    parse_answers_text,
    parse_form,
    prep_to_json,
    prep_window,
    run_check,
    trend_brief,
)

TODAY = date(2026, 11, 20)

MINIMAL = """
title = "Check"
low = "rarely"
high = "very much"

[[section]]
id = "one"
title = "One"

  [[section.item]]
  id = "a"
  text = "Statement A."

  [[section.item]]
  id = "b"
  text = "Statement B."
  low = "never"
"""


def write_form(tmp_path: Path, text: str, name: str = "check.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def stamp(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=UTC)


def scored(*phrases: tuple[str, str], noticed: bool = False, extra: int = 0) -> dict[str, Any]:
    """A stored drift dict with counted drift hits for `phrases` ((text, dimension) pairs)."""
    hits = [drift_hit(text, dim, self_noticed=noticed) for text, dim in phrases]
    # Others' words are never the writer's drift evidence.
    hits.append(drift_hit("non-compliant", "clinical_language", attributed=True))
    return {
        "verdict": "drift" if phrases else "insufficient",
        "balance": -0.5,
        "identity": 0.0,
        "drift": float(len(phrases) + extra),
        "words": 100,
        "dimensions": {},
        "hits": hits,
        "lexicon_version": "t",
    }


def facts(entry_id: int, day: date, **kw: Any) -> EntryFacts:
    values: dict[str, Any] = dict(
        setting="",
        tags=(),
        shared=False,
        experience="Met someone.",
        feelings="",
        evaluation="",
        self_care="",
        drift=None,
    )
    values.update(kw)
    return EntryFacts(id=entry_id, date=day, **values)


# -- the shipped form ------------------------------------------------------------------------


def test_shipped_form_covers_the_named_domains() -> None:
    form = load_form()
    assert [s.id for s in form.sections] == ["identity", "ips", "scope", "workplace", "self_care"]
    ids = {i.id for i in form.items}
    assert {"story", "mutuality", "focus", "voice", "self_worth"} <= ids
    assert {"connection", "worldview", "shared_power", "moving_toward"} <= ids
    assert len(form.section("scope").items) == 5  # the five signs of co-optation
    assert len(form.section("workplace").items) == 5
    for item in form.items:
        assert item.text and item.low and item.high and item.question.endswith("?")


def test_load_items_gives_id_section_text() -> None:
    items = load_items()
    assert items[0].id == "story" and items[0].section == "identity"
    assert all(i.text for i in items)
    assert form_path().name == "supervision.toml"


def test_item_anchors_fall_back_to_section_then_form(tmp_path: Path) -> None:
    form = load_form(write_form(tmp_path, MINIMAL))
    a, b = form.items
    assert (a.low, a.high) == ("rarely", "very much")
    assert (b.low, b.high) == ("never", "very much")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('text = "Statement A."', 'txet = "Statement A."'),
            "check.toml: section[1].item[1].txet: unknown key",
        ),
        (('id = "b"', 'id = "a"'), "check.toml: section[1].item[2].id: 'a' is used twice"),
        (('id = "b"', 'id = "B-2"'), "check.toml: section[1].item[2].id: needs an id"),
        (('title = "Check"', 'titel = "Check"'), "check.toml: titel: unknown key"),
        (('low = "never"', 'low = ""'), "check.toml: section[1].item[2].low: should be non-empty"),
        (
            ('text = "Statement B."', 'dimension = "vibes"\n  text = "B"'),
            "check.toml: section[1].item[2].dimension: unknown dimension 'vibes'",
        ),
        (('title = "One"', "title = 3"), "check.toml: section[1].title: should be non-empty text"),
    ],
)
def test_form_errors_name_file_and_key(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    path = write_form(tmp_path, MINIMAL.replace(*change, 1))
    with pytest.raises(PeerJournalError) as err:
        load_form(path)
    assert err.value.message.startswith(message)


def test_form_without_sections_or_items(tmp_path: Path) -> None:
    with pytest.raises(PeerJournalError, match=r"section: needs at least one"):
        parse_form(Path("x.toml"), {"title": "t", "low": "l", "high": "h"})
    no_items = {"title": "t", "low": "l", "high": "h", "section": [{"id": "s", "title": "S"}]}
    with pytest.raises(PeerJournalError, match=r"section\[1\]\.item: needs at least one"):
        parse_form(Path("x.toml"), no_items)


def test_form_not_toml(tmp_path: Path) -> None:
    with pytest.raises(PeerJournalError, match=r"bad\.toml: not valid TOML"):
        load_form(write_form(tmp_path, "title = [", "bad.toml"))


# -- answers ---------------------------------------------------------------------------------


@given(st.integers())
def test_only_whole_numbers_one_to_five_are_answers(value: int) -> None:
    if 1 <= value <= 5:
        assert check_score(value, "x") == value
    else:
        with pytest.raises(PeerJournalError, match=r"x: .* not an answer on the scale"):
            check_score(value, "x")


@pytest.mark.parametrize("value", [0, 6, 3.5, "3", True, None])
def test_answers_outside_the_scale_are_refused(value: Any) -> None:
    with pytest.raises(PeerJournalError, match=r"answers: story: .*whole number from 1 to 5"):
        parse_answers({"story": value}, load_form())


def test_answers_accept_score_and_note_and_refuse_unknown_items() -> None:
    form = load_form()
    got = parse_answers({"story": 2, "voice": {"score": 4, "note": " spoke up "}}, form)
    assert got == {"story": Answer(2), "voice": Answer(4, "spoke up")}
    with pytest.raises(PeerJournalError, match="no self-check item 'stroy'"):
        parse_answers({"stroy": 3}, form)
    with pytest.raises(PeerJournalError, match="unknown key 'nope'"):
        parse_answers({"story": {"score": 3, "nope": 1}}, form)


def test_answers_text_toml_and_json() -> None:
    form = load_form()
    toml_text = 'story = 3\nvoice = { score = 5, note = "yes" }\n'
    json_text = json.dumps({"story": 3, "voice": {"score": 5, "note": "yes"}})
    assert parse_answers_text(toml_text, "a.toml", ".toml", form) == parse_answers_text(
        json_text, "a.json", ".json", form
    )
    assert parse_answers_text(toml_text, "a", "", form) == parse_answers_text(
        json_text, "a", "", form
    )
    with pytest.raises(PeerJournalError, match=r"a\.json: not valid JSON"):
        parse_answers_text("{", "a.json", ".json", form)


# -- the interactive loop -----------------------------------------------------------------------


def test_run_check_saves_after_every_answer_and_resumes(tmp_path: Path) -> None:
    items = load_form(write_form(tmp_path, MINIMAL)).items
    saved: list[tuple[dict[str, Answer], bool]] = []

    def interrupted(item: Any, pos: int, total: int) -> Answer:
        if item.id == "b":
            raise KeyboardInterrupt
        return Answer(4, "first")

    with pytest.raises(KeyboardInterrupt):
        run_check(items, {}, interrupted, lambda a, c: saved.append((dict(a), c)))
    assert saved == [({"a": Answer(4, "first")}, False)]

    asked: list[str] = []

    def rest(item: Any, pos: int, total: int) -> Answer:
        asked.append(item.id)
        return Answer(2)

    answers, complete = run_check(
        items, saved[-1][0], rest, lambda a, c: saved.append((dict(a), c))
    )
    assert asked == ["b"] and complete
    assert answers == {"a": Answer(4, "first"), "b": Answer(2)}
    assert saved[-1] == (answers, True)


def test_run_check_stops_when_asked(tmp_path: Path) -> None:
    items = load_form(write_form(tmp_path, MINIMAL)).items
    answers, complete = run_check(items, {}, lambda *_: None, lambda a, c: None)
    assert answers == {} and not complete


# -- history ---------------------------------------------------------------------------------


def test_history_across_check_ins() -> None:
    form = load_form()
    checks = [
        SelfCheck(3, stamp(15), {"story": Answer(2), "voice": Answer(4)}, True),
        SelfCheck(1, stamp(1), {"story": Answer(4), "voice": Answer(4)}, True),
        SelfCheck(2, stamp(8), {"story": Answer(3)}, True),
        SelfCheck(4, stamp(18), {"story": Answer(1)}, False),  # unfinished: not a check-in
    ]
    sups = [
        SupervisionRecord(2, date(2026, 11, 10), "", stamp(10)),
        SupervisionRecord(1, date(2026, 11, 2), "first", stamp(2)),
    ]
    history = build_history(form, checks, sups)
    assert [c.id for c in history.checks] == [1, 2, 3]
    by_id = {h.item.id: h for h in history.items}
    assert by_id["story"].scores == (4, 3, 2) and by_id["story"].change == -2
    assert by_id["voice"].scores == (4, None, 4) and by_id["voice"].change == 0
    assert by_id["focus"].scores == (None, None, None) and by_id["focus"].change is None
    assert [s.id for s in history.supervisions] == [1, 2]
    data = history.to_json()
    assert data["items"][0] == {
        "id": "story",
        "section": "identity",
        "text": form.items[0].text,
        "scores": [4, 3, 2],
        "change": -2,
    }


def test_undo_chooses_the_last_recorded_or_the_given_id() -> None:
    # the last one recorded (highest ID), not the latest by date: a mistaken `done --date`
    # written up late is the one to take back
    late = SupervisionRecord(3, date(2026, 11, 1), "wrong date", stamp(20))
    sups = [
        SupervisionRecord(1, date(2026, 11, 2), "", stamp(2)),
        SupervisionRecord(2, date(2026, 11, 10), "", stamp(10)),
        late,
    ]
    assert chosen_supervision(sups, None) == late
    assert chosen_supervision(sups, 2).date == date(2026, 11, 10)
    with pytest.raises(PeerJournalError, match="no supervision 9") as missing:
        chosen_supervision(sups, 9)
    assert missing.value.exit_code == ExitCode.NOT_FOUND
    with pytest.raises(PeerJournalError, match="nothing to undo") as empty:
        chosen_supervision([], None)
    assert empty.value.exit_code == ExitCode.NOT_FOUND


def test_movements_biggest_drop_first() -> None:
    form = load_form()
    before = SelfCheck(
        1, stamp(1), {"story": Answer(4), "voice": Answer(5), "focus": Answer(1)}, True
    )
    after = SelfCheck(
        2, stamp(2), {"story": Answer(3), "voice": Answer(2), "focus": Answer(3)}, True
    )
    moved = movements(before, after, form.items)
    assert [(m.item.id, m.change) for m in moved] == [("voice", -3), ("story", -1), ("focus", 2)]


# -- prep ------------------------------------------------------------------------------------


def test_prep_window_defaults_and_supervision_today() -> None:
    # this week (from Monday 16 Nov) and the 3 before it, as export counts "the last 4 weeks"
    assert prep_window(TODAY, None, []).since == date(2026, 10, 26)
    assert prep_window(TODAY, None, []).basis == "default"
    today = SupervisionRecord(1, TODAY, "", stamp(20))
    old = SupervisionRecord(2, date(2026, 10, 1), "", stamp(20))
    window = prep_window(TODAY, None, [old, today])
    assert (window.since, window.until, window.basis) == (TODAY, TODAY, "supervision")
    assert prep_window(TODAY, date(2026, 11, 1), [today]).since == date(2026, 11, 1)
    with pytest.raises(PeerJournalError, match="in the future"):
        prep_window(TODAY, TODAY + timedelta(days=1), [])


def test_most_drift_evidence_ranks_by_counted_phrases() -> None:
    entries = [
        facts(1, date(2026, 11, 1), drift=scored(("you should", "advice"))),
        facts(
            2,
            date(2026, 11, 2),
            drift=scored(
                ("symptomatic", "clinical_language"), ("you should", "advice"), noticed=True
            ),
        ),
        facts(3, date(2026, 11, 3), drift=scored()),  # only others' words
        facts(4, date(2026, 11, 4)),  # not scored
        facts(5, date(2026, 11, 5), drift=scored(("if I were you", "advice"), extra=3)),
        facts(6, date(2026, 11, 6), drift=scored(("lacks insight", "clinical_language"))),
    ]
    top = most_drift_evidence(entries)
    assert [ev.entry.id for ev in top] == [2, 5, 6]
    assert [p.text for p in top[0].phrases] == ["symptomatic", "you should"]
    assert top[0].phrases[0].self_noticed


def test_intentions_followed_up_by_shared_key_words() -> None:
    entries = [
        facts(
            1,
            date(2026, 11, 2),
            evaluation="Next time I will share my own story sooner. "
            "I want to ask the team about the restraint policy.",
        ),
        facts(2, date(2026, 11, 5), experience="I shared a bit of my story today and it landed."),
        facts(3, date(2026, 11, 1), experience="An earlier entry about my story sharing."),
    ]
    found = follow_intentions(entries)
    assert [i.text for i in found] == [
        "Next time I will share my own story sooner.",
        "I want to ask the team about the restraint policy.",
    ]
    assert found[0].came_back_in is not None and found[0].came_back_in.id == 2
    assert set(found[0].shared_words) == {"share", "story"}
    assert found[1].came_back_in is None  # entry 3 shares words but was written before


def test_content_stems_ignore_stopwords_and_endings() -> None:
    assert set(content_stems("I will be supporting them")) == {"support"}
    assert content_stems("stories") == {"story": "stories"}


def test_build_prep_with_no_entries() -> None:
    window = prep_window(TODAY, None, [])
    prep = build_prep(window, [], trend_brief([], None), [], load_form(), {}, {})
    assert prep.entries == 0 and not prep.most_drift and not prep.questions
    data = prep_to_json(prep)
    assert data["entries"] == 0 and data["basis"] == "default" and data["alerts"] == []


def test_prep_questions_from_drifting_dimensions_and_dropped_items() -> None:
    form = load_form()
    report = {
        "changes": [
            {"kind": "dimension", "id": "advice", "polarity": "drift", "change": 1.2},
            {"kind": "dimension", "id": "focus", "polarity": "drift", "change": 0.9},  # no question
            {"kind": "dimension", "id": "story", "polarity": "identity", "change": -0.4},
            {"kind": "dimension", "id": "connection", "polarity": "identity", "change": 0.8},
            {
                "kind": "marker",
                "id": "advice.should",
                "dimension": "advice",
                "polarity": "drift",
                "change": 3,
            },
        ],
        "alerts": ["Drift markers rose in 3 of the last 4 weeks you wrote in."],
        "periods": [{"start": "2026-11-16", "drift": 1.0, "balance": -0.2}],
        "totals": {"entries": 3, "identity": 0.5, "drift": 1.0},
        "previous": {"entries": 3},  # enough on each side to say what moved
    }
    entries = [
        facts(
            1,
            date(2026, 11, 18),
            drift=scored(("you should", "advice")),
            tags=("supervision",),
            self_care="A walk by the river.",
        )
    ]
    checks = [
        SelfCheck(1, stamp(1), {"voice": Answer(5), "story": Answer(3)}, True),
        SelfCheck(2, stamp(10), {"voice": Answer(2), "story": Answer(4)}, True),
    ]
    questions = {
        "advice": ("Whose decision was it?",),
        "story": ("What held your story back?",),
        "connection": ("Not asked: it moved towards identity?",),
    }
    window = prep_window(TODAY, None, [])
    prep = build_prep(
        window, entries, trend_brief(entries, report), checks, form, questions, {"advice": "Advice"}
    )
    # story's identity fell: said as that, not as a move towards drift (QA round 22)
    assert [d for d, _ in prep.trend.moved_towards_drift] == ["advice", "focus"]
    assert [d for d, _ in prep.trend.moved_towards_identity] == ["connection"]
    assert prep.trend.less_identity == (("story", -0.4),)
    texts = [q.text for q in prep.questions]
    assert texts == [
        "Whose decision was it?",
        form.item("focus").question,  # focus has no lexicon question here; its item has one
        form.item("voice").question,
    ]
    assert "went from 5 to 2" in prep.questions[-1].reason
    data = prep_to_json(prep)
    assert data["alerts"] == report["alerts"]
    assert data["brought"][0]["id"] == 1 and data["self_care"][0]["note"] == "A walk by the river."
    assert data["trend"]["weekly_drift"] == [{"start": "2026-11-16", "drift": 1.0}]


@given(
    st.lists(
        st.tuples(
            st.integers(1, 28),
            st.dictionaries(st.sampled_from(["story", "voice", "focus"]), st.integers(1, 5)),
            st.booleans(),
        ),
        max_size=8,
    ),
    st.randoms(),
)
def test_history_ignores_input_order_and_keeps_one_score_per_check_in(
    raw: list[tuple[int, dict[str, int], bool]], rnd: Any
) -> None:
    form = load_form()
    checks = [
        SelfCheck(n, stamp(day), {k: Answer(v) for k, v in ans.items()}, done)
        for n, (day, ans, done) in enumerate(raw, start=1)
    ]
    shuffled = list(checks)
    rnd.shuffle(shuffled)
    history = build_history(form, checks, [])
    assert history == build_history(form, shuffled, [])
    complete = sum(1 for c in checks if c.complete)
    assert all(len(h.scores) == complete for h in history.items)
    assert all(s is None or 1 <= s <= 5 for h in history.items for s in h.scores)


# -- answers to the prompt set's questions (QA pass) ------------------------------------------


def test_entry_facts_keep_answers_and_prep_reads_their_intentions() -> None:
    from peerjournal.entry import Entry
    from peerjournal.reflection import answer_layout

    entry = Entry(date=date(2026, 11, 17), experience="A long day.", id=4, prompt_set="boud",
                  answers={"do_differently": "Next time I will ask Sam first.",
                           "obstructing_feeling": "Tired."})
    fact = EntryFacts.from_entry(entry, None, answer_layout("boud"))
    assert fact.answers_to("evaluation") == [
        ("Appropriation: what do you now own; what will you do differently?",
         "Next time I will ask Sam first.")]
    assert fact.answers_to("feelings") == [
        ("If one feeling is still in the way, what is it?", "Tired.")]
    later = facts(5, date(2026, 11, 19), experience="I asked Sam first at handover.")
    (found,) = follow_intentions([fact, later])
    assert found.text == "Next time I will ask Sam first." and found.came_back_in == later
