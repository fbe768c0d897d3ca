"""Scoring: per-100-word numbers, balance, verdicts, the JSON contract, questions."""

from __future__ import annotations

import json

import pytest

from conftest import HIT_KEYS, SCORE_KEYS, SRC, curated_lexicon, curated_score
from peerjournal.drift import (
    DIMENSIONS,
    DriftScore,
    Hit,
    is_learned_marker,
    load_lexicon,
    reflective_questions,
    score_text,
)
from peerjournal.drift.score import (
    BALANCE_CENTER,
    DRIFT_THRESHOLD,
    IDENTITY_THRESHOLD,
    MIN_COUNTED_HITS,
    MIN_EVIDENCE_WEIGHT,
    MIXED_MIN_SIDE,
    NEAR_TIE,
    verdict_for,
)

IDENTITY = (
    "I shared some of my own recovery story with her and we learned from each other. "
    "We explored her options together and it was her decision in the end."
)
DRIFT = (
    "I told her she should take her meds and made sure she took them. Then I reported back "
    "to the team that she was non-compliant and spent the afternoon on paperwork."
)


def test_json_contract_exact() -> None:
    d = score_text(IDENTITY + " The doctor called her manipulative.").to_dict()
    assert tuple(d) == SCORE_KEYS
    assert isinstance(d["verdict"], str) and isinstance(d["words"], int)
    assert set(d["dimensions"]) == set(DIMENSIONS)
    for v in d["dimensions"].values():
        assert set(v) == {"identity", "drift"}
    assert d["hits"] and all(tuple(h) == HIT_KEYS for h in d["hits"])
    assert d["lexicon_version"] == load_lexicon().version
    for key in ("balance", "identity", "drift"):
        assert d[key] == round(d[key], 3)
    json.dumps(d)  # serialisable


def test_from_dict_round_trips() -> None:
    d = score_text(IDENTITY + " " + DRIFT).to_dict()
    assert DriftScore.from_dict(d).to_dict() == d
    assert DriftScore.from_dict(json.loads(json.dumps(d))).to_dict() == d


def test_pickle_round_trips() -> None:
    """Scores cross processes in score_many as compact tuples; nothing may be lost."""
    import pickle

    full = score_text(IDENTITY + " " + DRIFT)
    story_only = {"story": {"identity": 1.5, "drift": 0.0}}
    partial = DriftScore.from_dict({**full.to_dict(), "dimensions": story_only})
    for score in (full, partial):
        back = pickle.loads(pickle.dumps(score))
        assert back == score
        assert back.to_dict() == score.to_dict()
        assert back.weights == score.weights
        assert all(type(h) is Hit for h in back.hits)
        assert back.hits[0].marker == score.hits[0].marker


@pytest.mark.parametrize("curated", [True, False], ids=["curated", "shipped"])
def test_numbers_are_traceable_to_hits(curated: bool) -> None:
    lex = curated_lexicon() if curated else load_lexicon()
    s = score_text(IDENTITY + " " + DRIFT, lex)
    learned = [h for h in s.hits if lex.marker(h.marker).learned]
    assert bool(learned) != curated
    for pol, total in (("identity", s.identity), ("drift", s.drift)):
        weights = sum(s.weights[h.marker] for h in s.hits if h.counted and h.polarity == pol)
        assert total == pytest.approx(weights * 100 / s.words)
    for dim, v in s.dimensions.items():
        for pol in ("identity", "drift"):
            w = sum(
                s.weights[h.marker]
                for h in s.hits
                if h.counted and h.dimension == dim and h.polarity == pol
            )
            assert v[pol] == pytest.approx(w * 100 / s.words)
    assert s.balance == pytest.approx((s.identity - s.drift) / (s.identity + s.drift))
    # a curated hit adds its marker's weight; every learned one the same share of its own
    shares = {s.weights[h.marker] / lex.marker(h.marker).weight for h in learned}
    for h in s.hits:
        if h not in learned:
            assert s.weights[h.marker] == lex.marker(h.marker).weight
    if shares:
        assert max(shares) - min(shares) < 1e-9 and 0 <= min(shares) <= max(shares) <= 1


def curated(hits: tuple[Hit, ...] | list[Hit]) -> list[Hit]:
    """The hits of the shipped lexicon's curated markers."""
    return [h for h in hits if not is_learned_marker(h.marker)]


def test_learned_hits_net_out() -> None:
    """The lighter side's learned hits are not counted; the heavier side's count at a share."""
    lex = load_lexicon()
    # "made sure he": "sure" alone is no longer learned (round 35, benchmarks/learn_markers.py)
    text = "I told her she should take her meds and made sure he did. I shared my own story with"
    text += " her and we sat with her and listened."
    s = score_text(text, lex)
    learned = [h for h in s.hits if lex.marker(h.marker).learned and not h.negated]
    counted = {h.polarity for h in learned if h.counted}
    assert learned and len(counted) == 1  # one side only
    assert any(not h.counted for h in learned if h.polarity not in counted)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("I shared my story with him. Ticked, documented, chased, tearful, caseload.", "identity"),
        (  # identity must weigh more than drift to win (score.py: BALANCE_CENTER)
            "I told her she should leave him. Fishing, guitar, allotment, choir, hurling,"
            " football, grandkids, baking, knitting, pottery.",
            "drift",
        ),
    ],
)
def test_learned_words_can_outvote_a_curated_phrase(text: str, side: str) -> None:
    """Learned words are not capped by the curated evidence (score.py, round 12): many of them
    leaning one way outweigh one curated phrase of the other, and every number is still the
    sum of the listed hits."""
    s = score_text(text)
    other = "drift" if side == "identity" else "identity"
    assert {h.polarity for h in curated(s.counted_hits())} == {side}
    assert s.verdict == other
    total = {
        p: sum(s.weights[h.marker] for h in s.counted_hits() if h.polarity == p)
        for p in (side, other)
    }
    assert total[other] > total[side]
    assert s.balance == pytest.approx((total["identity"] - total["drift"]) / sum(total.values()))


def test_a_learned_hit_against_a_curated_one_is_not_counted() -> None:
    """'life' leans identity, but inside "left my life out of it" it is the holding back's."""
    lex = load_lexicon()
    s = score_text("I kept quiet and left my life out of it.", lex)
    inside = [h for h in s.hits if lex.marker(h.marker).learned and h.polarity == "identity"]
    assert inside and not any(h.counted for h in inside)


def test_a_word_matched_twice_is_one_place_of_evidence() -> None:
    """'symptoms' is a curated and a learned drift word: still one word, not a score."""
    s = score_text("symptoms")
    assert len(s.counted_hits()) == 2 and s.verdict == "insufficient"


def test_clear_entries() -> None:
    assert score_text(IDENTITY).verdict == "identity"
    assert score_text(DRIFT).verdict == "drift"
    assert score_text(IDENTITY + " " + DRIFT.split(". ")[0]).verdict == "mixed"


@pytest.mark.parametrize(
    "text", ["", "   ", "symptoms", "What a lovely sunny day, we had cake!", "Sad day. I cried."]
)
def test_thin_evidence_is_insufficient(text: str) -> None:
    s = score_text(text)
    assert s.verdict == "insufficient"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Long shift on the ward. I told her she should go.", "drift"),
        ("Quiet afternoon at the drop-in. I shared my story with him.", "identity"),
    ],
)
def test_one_phrase_is_evidence(text: str, verdict: str) -> None:
    """One phrase (something the writer did) is enough for a verdict; one word is not."""
    s = score_text(text)
    (hit,) = curated(s.counted_hits())  # learned words inside it are not more places
    assert len(hit.text.split()) > 1
    assert all(hit.start <= h.start < hit.end for h in s.counted_hits())
    assert s.verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Next time I'll ask what she wants instead of telling her what to do.", "identity"),
        ("Rough one. Going forward I want to share my story and not hide it.", "identity"),
        ("Tomorrow I'm going to tell him he needs to take his meds.", "drift"),
        ("If the team disagree I'll go along with them, they're the professionals.", "drift"),
    ],
)
def test_an_entry_of_intentions_alone_is_scored_by_them(text: str, verdict: str) -> None:
    s = score_text(text)
    intentions = curated(s.counted_hits())  # learned words may count beside them
    assert intentions and all(h.hypothetical for h in intentions)
    assert s.verdict == verdict


@pytest.mark.parametrize(
    "text",
    [
        "I should have shared my story with him.",  # a regret
        "I used to tell people what they should do.",  # a past habit
        "The team are expecting me to check he takes his meds.",  # someone's expectation
        "If I had shared my story it might have helped.",  # a condition, not a plan
    ],
)
def test_other_hypotheticals_never_count(text: str) -> None:
    s = score_text(text)
    assert curated(s.hits) and not curated(s.counted_hits())  # learned words may count nearby
    assert curated_score(text).verdict == "insufficient"


def test_what_happened_outweighs_intentions() -> None:
    s = score_text(
        "I told her she should take her meds and made sure she did. "
        "Next time I'll share my story instead."
    )
    assert [h.hypothetical for h in curated(s.hits) if h.dimension == "story"] == [True]
    assert not any(h.counted for h in s.hits if h.hypothetical)


def test_one_word_is_not_a_score() -> None:
    s = score_text("Long shift, lots of talk about symptoms.")
    assert {h.text for h in s.counted_hits()} == {"symptoms"}
    assert s.verdict == "insufficient"


def test_mood_is_not_evidence() -> None:
    assert score_text("Brilliant, happy, joyful, amazing day! So pleased!").hits == ()
    assert score_text("Awful, miserable, heartbreaking, exhausting day.").hits == ()


def test_verdict_rule_constants() -> None:
    enough = MIN_EVIDENCE_WEIGHT + MIXED_MIN_SIDE  # on one side
    side = MIXED_MIN_SIDE  # each side, when both have evidence
    assert verdict_for(enough, 0.0, MIN_COUNTED_HITS - 1) == "insufficient"
    assert verdict_for(MIN_EVIDENCE_WEIGHT - 0.1, 0.0, MIN_COUNTED_HITS) == "insufficient"
    assert verdict_for(MIN_EVIDENCE_WEIGHT, 0.0, MIN_COUNTED_HITS) == "identity"
    assert verdict_for(0.0, MIN_EVIDENCE_WEIGHT, MIN_COUNTED_HITS) == "drift"
    # with evidence on both sides, the balance decides: identity, drift or mixed
    ratio = (1 + IDENTITY_THRESHOLD) / (1 - IDENTITY_THRESHOLD) * 1.01  # just past the edge
    assert verdict_for(side * ratio, side, MIN_COUNTED_HITS) == "identity"
    drift_ratio = (1 - DRIFT_THRESHOLD) / (1 + DRIFT_THRESHOLD) * 1.01  # drift / identity
    assert verdict_for(side, side * drift_ratio, MIN_COUNTED_HITS) == "drift"
    assert verdict_for(side * ratio * 0.95, side, MIN_COUNTED_HITS) == "mixed"
    assert verdict_for(side, side, MIN_COUNTED_HITS) == "mixed"
    # little on the other side: the entry goes the way it leans from BALANCE_CENTER, unless it
    # is a near tie
    little = MIXED_MIN_SIDE * 0.9

    def ratio_for(balance: float) -> float:  # identity / drift that gives this balance
        return (1 + balance) / (1 - balance)

    above, below = BALANCE_CENTER + NEAR_TIE * 1.1, BALANCE_CENTER - NEAR_TIE * 1.1
    assert verdict_for(little * ratio_for(above), little, MIN_COUNTED_HITS) == "identity"
    assert verdict_for(little * ratio_for(below), little, MIN_COUNTED_HITS) == "drift"
    assert below > 0  # leaning a little to identity is not enough: identity words are common
    tie = ratio_for(BALANCE_CENTER + NEAR_TIE * 0.9)
    assert verdict_for(little * tie, little, MIN_COUNTED_HITS) == "mixed"
    # a corrected slip is mixed whatever the balance, but one word is still not a score
    assert verdict_for(enough, 0.0, MIN_COUNTED_HITS, corrected_slip=True) == "mixed"
    assert verdict_for(0.0, enough, MIN_COUNTED_HITS, corrected_slip=True) == "mixed"
    assert verdict_for(enough, 0.0, 1, corrected_slip=True) == "insufficient"
    # one counted phrase of two or more words is enough; no hit never is
    assert verdict_for(0.3, 0.0, 1, phrase=True) == "identity"
    assert verdict_for(0.0, 0.3, 1, phrase=True) == "drift"
    assert verdict_for(0.0, 0.0, 0, phrase=True) == "insufficient"


SLIP = "I caught myself telling him he should phone his GP."


def test_a_noticed_slip_then_a_correction_is_mixed() -> None:
    text = (
        "We had a proper laugh and talked for ages about dogs. " + SLIP + " I said sorry and"
        " asked what he wanted to do. He wants to try the walking group."
    )
    s = score_text(text)
    assert s.balance >= IDENTITY_THRESHOLD  # the numbers are not changed by the rule
    assert s.verdict == "mixed"
    slip = [h for h in curated(s.hits) if h.self_noticed and h.polarity == "drift"]
    assert slip and all(h.counted for h in slip)  # the slip keeps its weight


def test_a_correction_must_come_after_the_slip() -> None:
    # identity before the noticed slip is not a correction of it
    text = "We had a proper laugh and talked for ages about dogs. We sat together. " + SLIP
    assert score_text(text).verdict == "identity"
    # a slip noticed but not corrected scores as usual
    text = (
        "I noticed I was lecturing him and telling him he should go to meetings every day,"
        " and I carried on."
    )
    assert curated_score(text).verdict == "drift"  # the rule's claim ("carried" is learned)
    # drift that was not noticed, then identity, is not a corrected slip
    text = (
        "I told him he should phone his GP. We had a proper laugh and talked for ages about"
        " dogs, we sat together for a while, and he wants to try the walking group."
    )
    assert score_text(text).verdict == "identity"


def test_words_and_per_100() -> None:
    s = score_text("You should rest. You should eat.")
    assert s.words == 6
    assert s.drift == pytest.approx(2 * load_lexicon().marker("advice.you_should").weight * 100 / 6)


def test_reflective_questions_come_from_drifting_dimensions() -> None:
    lex = load_lexicon()
    s = score_text(DRIFT, lex)
    qs = reflective_questions(s, lex)
    assert 2 <= len(qs) <= 3
    drifting = s.drift_dimensions()
    pool = {q for d in drifting for q in lex.questions[d]}
    assert set(qs) <= pool
    assert all(q.endswith("?") for q in qs)
    assert len(set(qs)) == len(qs)
    assert reflective_questions(s, lex, limit=1) == qs[:1]
    assert reflective_questions(score_text(IDENTITY, lex), lex) == []


def test_single_drifting_dimension_still_gives_two_questions() -> None:
    lex = load_lexicon()
    s = score_text("You should rest. You must eat.", lex)
    assert s.drift_dimensions() == ["advice"]
    assert reflective_questions(s, lex) == list(lex.questions["advice"][:2])


def test_others_framing_is_listed() -> None:
    s = score_text("The psychiatrist called him non-compliant. I pushed back.")
    assert [h.text for h in s.others_framing()] == ["non-compliant"]
    assert all(h.counted for h in s.counted_hits())


def test_score_many_matches_score_text() -> None:
    from peerjournal.drift import score_many

    texts = [IDENTITY, DRIFT, "", "You should rest."] * 600  # large enough to use workers
    many = score_many(texts, workers=2)
    assert [s.to_dict() for s in many[:4]] == [score_text(t).to_dict() for t in texts[:4]]
    assert len(many) == len(texts)
    assert [s.verdict for s in score_many(texts[:4], workers=1)] == [s.verdict for s in many[:4]]


def test_score_many_leaves_garbage_collection_as_it_found_it() -> None:
    import gc

    from peerjournal.drift import score_many

    texts = [IDENTITY, DRIFT] * 1200  # parallel: collection is paused while results arrive
    assert gc.isenabled()
    assert len(score_many(texts, workers=2)) == len(texts)
    assert gc.isenabled()
    gc.disable()
    try:
        score_many(texts, workers=2)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_gift_to_the_writer_is_not_advice() -> None:
    """'gave me a card' once matched advice.you_should through a wildcard object."""
    score = score_text("Ayesha gave me a card. Later I gave him a leaflet for the crisis line.")
    assert [(h.marker, h.text) for h in curated(score.hits) if h.dimension == "advice"] == [
        ("advice.you_should", "gave him a leaflet for")
    ]


def test_learned_words_take_the_flags_of_the_curated_phrase_around_them() -> None:
    lex = load_lexicon()
    s = score_text("I did not chase the paperwork.")
    inside = [h for h in s.hits if lex.marker(h.marker).learned]
    assert inside and all(h.negated and not h.counted for h in inside)
    s = score_text("The nurse said she is low in mood.")
    (label, mood) = s.hits  # "low" is a mood word, never learned (round 35): "mood" is
    assert label.text == "she is low in mood" and mood.text == "mood"
    assert mood.attributed and is_learned_marker(mood.marker) and not mood.counted


def test_learned_drift_words_elsewhere_are_negated_identity_words_are_not() -> None:
    """A negator drops a learned drift word as a curated one; learned identity weights come
    from texts as written, negations and all (the matcher's module docstring)."""
    s = score_text("I did not mention the caseload.")
    (mention,) = [h for h in s.hits if h.text.startswith("mention")]
    assert mention.polarity == "drift" and mention.negated and not mention.counted
    s = score_text("We did not talk about football.")
    (football,) = [h for h in s.hits if h.text == "football"]
    assert football.polarity == "identity" and not football.negated and football.counted


def test_others_framing_lists_each_passage_once() -> None:
    s = score_text('The new manager explained that we will "bring the peer voice" there.')
    assert len([h for h in s.hits if h.attributed]) > 1  # learned words inside the quote too
    assert [h.text for h in s.others_framing()] == ["bring the peer voice"]


def test_ctrl_c_during_parallel_scoring_prints_no_worker_tracebacks() -> None:
    """Ctrl-C reaches the whole process group: the parent stops the pool, the workers stay
    quiet (before, each printed "Process ForkPoolWorker-N:" and a traceback)."""
    import os
    import signal
    import subprocess
    import sys
    import time

    script = (
        "from peerjournal.drift import load_lexicon, score_many\n"
        "lex = load_lexicon()\n"
        "print('go', flush=True)\n"
        "try:\n"
        "    score_many(['I told her she should take her meds today.'] * 200_000, lex, workers=2)\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted', flush=True)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": SRC},
    )
    assert child.stdout is not None and child.stdout.readline() == "go\n"
    time.sleep(1.0)  # the workers are scoring
    os.killpg(child.pid, signal.SIGINT)
    out, err = child.communicate(timeout=60)
    assert "interrupted" in out
    assert "ForkPoolWorker" not in err and "Traceback" not in err, err
