"""Round 39 QA (F1, F2, F5, F9, F10): everyday words learned as evidence, supported decisions and
advocacy read as drift, and self-doubt naming an entry full of clinical-role drift."""

from __future__ import annotations

import pytest

from learn_markers import FUNCTION_WORDS, MOOD_WORDS, SETTING_WORDS
from peerjournal.drift import (
    CLINICAL_NEGLIGIBLE,
    DIMENSIONS,
    Lexicon,
    drift_named,
    load_lexicon,
    score_text,
)
from peerjournal.drift.score import DriftScore, named_drift
from peerjournal.render.drift import (
    OUTWEIGHED_SENTENCE,
    SELF_DOUBT_SENTENCE,
    verdict_sentence,
)
from peerjournal.render.verdicts import SELF_DOUBT_WORDS, VERDICT_WORDS, verdict_words


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _learned(lexicon: Lexicon) -> list[str]:
    return [p for m in lexicon.markers if m.learned for p in m.patterns]


def _counted(text: str, lexicon: Lexicon) -> list[tuple[str, str, str]]:
    score = score_text(text, lexicon)
    return [(h.text.lower(), h.dimension, h.polarity) for h in score.hits if h.counted]


# -- F10: "b'y" matched every "by"; "hour" learned ------------------------------------------


def test_no_learned_word_reads_as_a_function_word(lexicon: Lexicon) -> None:
    """A pattern's apostrophe may be left out: "b'y" was every "by"."""
    for phrase in _learned(lexicon):
        for word in phrase.split():
            stripped = word.replace("'", "")
            assert word in FUNCTION_WORDS or stripped not in FUNCTION_WORDS, phrase


def test_no_learned_phrase_holds_clock_time_or_group_alone(lexicon: Lexicon) -> None:
    """Clock time is never learned; the spans of a life ("two years clean") may be."""
    clock = {"hour", "hours", "minute", "minutes", "mins", "seconds"}
    learned = _learned(lexicon)
    for phrase in learned:
        assert not clock.intersection(phrase.split()), phrase
    assert not {"group", "group but", "hour and"}.intersection(learned)


def test_a_late_bus_gets_no_verdict(lexicon: Lexicon) -> None:
    text = ("The handover ran over by an hour and I missed the bus by a minute, so I got home an "
            "hour late.")
    score = score_text(text, lexicon)
    assert score.verdict == "insufficient"
    assert not any(h.text.lower() in {"by", "hour", "hour and"} for h in score.hits)


# -- F5: single everyday and warm words carried drift alone -------------------------------

EVERYDAY = (
    "keep", "understand", "supportive", "settled", "reliable", "report", "thin", "tick",
    "waste", "worrying", "missing", "sake", "program", "helpful", "friendly",
)


def test_everyday_and_warm_words_are_not_learned_alone(lexicon: Lexicon) -> None:
    learned = set(_learned(lexicon))
    assert learned.isdisjoint(EVERYDAY)
    assert "worrying" in MOOD_WORDS and "hour" in SETTING_WORDS


@pytest.mark.parametrize(
    "text",
    [
        "Walked with Jo to the food bank. It was a really supportive chat, she seemed settled "
        "and said she'd come to group.",
        "I try to understand what matters to him, and I keep coming back to what he said about "
        "his daughter. It was a supportive, settled conversation and he felt more hopeful.",
    ],
)
def test_a_warm_peer_entry_is_not_mixed(text: str, lexicon: Lexicon) -> None:
    score = score_text(text, lexicon)
    assert score.verdict == "identity", _counted(text, lexicon)
    assert not [h for h in _counted(text, lexicon) if h[2] == "drift"]


def test_self_doubt_has_no_co_optation_row_from_keep(lexicon: Lexicon) -> None:
    text = ("I keep thinking I'm not good enough for this job. Maybe they're right that I'm just "
            "a service user with a lanyard.")
    assert "co_optation" not in {d for _, d, _ in _counted(text, lexicon)}


# -- F9: sharing despite fear; advocacy at the person's request ---------------------------


def test_sharing_my_story_despite_fear_is_sharing(lexicon: Lexicon) -> None:
    text = "I was scared to share my story in group but I did it anyway and people thanked me."
    assert score_text(text, lexicon).verdict == "identity"
    assert ("group but", "co_optation", "drift") not in _counted(text, lexicon)
    # the fear alone is still withholding
    assert score_text("I was scared to share my story in group so I kept quiet.",
                      lexicon).verdict != "identity"


def test_chasing_on_a_persons_behalf_at_her_request_is_advocacy(lexicon: Lexicon) -> None:
    text = ("Spent the afternoon chasing the housing officer on Kim's behalf because she asked me "
            "to.")
    score = score_text(text, lexicon)
    assert score.verdict == "identity"
    assert {d for _, d, p in _counted(text, lexicon) if p == "identity"} == {"advocacy"}
    # busy work is still busy work, and the team's errand still co-optation
    for drift in ("Spent the whole afternoon chasing paperwork for the audit again today.",
                  "Rang the pharmacy on the team's behalf to chase his depot and bloods."):
        assert score_text(drift, lexicon).verdict == "drift", drift


# -- F2: supported decision making, stepping back, naming the role's scope -----------------


def test_she_decides_for_herself(lexicon: Lexicon) -> None:
    text = "I held back my own opinion so she could decide for herself, and she chose the flat."
    assert score_text(text, lexicon).verdict == "identity"
    assert not [h for h in _counted(text, lexicon) if h[2] == "drift"]
    # the writer deciding for someone is still instructing
    assert ("decided for her", "mutuality", "drift") in _counted(
        "I decided for her which flat to take, it was quicker.", lexicon
    )


def test_kept_quiet_and_let_her_lead_counts_once_as_identity(lexicon: Lexicon) -> None:
    text = ("Walked with Priya to the job centre. She led the conversation. Glad I kept quiet and "
            "let her lead.")
    counted = _counted(text, lexicon)
    assert score_text(text, lexicon).verdict == "identity"
    assert not [h for h in counted if h[2] == "drift"], counted
    assert score_text("In the ward round I kept quiet and said nothing about the section.",
                      lexicon).verdict != "identity"


def test_naming_the_roles_scope_is_not_compliance(lexicon: Lexicon) -> None:
    text = ("My job isn't to make sure he takes his tablets, so I let it go and we talked about "
            "football.")
    score = score_text(text, lexicon)
    assert score.verdict == "identity"
    assert "co_optation" not in {d for _, d, p in _counted(text, lexicon) if p == "drift"}


# -- F1: self-doubt names the verdict only beside negligible clinical-role drift -----------

F1 = ("Kai was kicking off on the ward and he is very manipulative. I told him to calm down and "
      "explained the rules. I didn't share my story because I felt like a fraud. Ashamed. I "
      "doubted myself all day. I need to be firmer with him about compliance.")


def _figures(drift: dict[str, float]) -> DriftScore:
    return DriftScore.from_dict({
        "verdict": "drift", "balance": -1.0, "identity": 0.0, "drift": sum(drift.values()),
        "words": 100, "lexicon_version": "test",
        "dimensions": {d: {"identity": 0.0, "drift": drift.get(d, 0.0)} for d in DIMENSIONS},
        "hits": [
            {"marker": f"{d}.x", "dimension": d, "polarity": "drift", "text": "x", "start": i,
             "end": i + 1, "negated": False, "attributed": False, "hypothetical": False,
             "self_noticed": False, "counted": True}
            for i, d in enumerate(drift)
        ],
    })


def test_self_doubt_beside_clinical_role_drift_leans_clinical(lexicon: Lexicon) -> None:
    score = score_text(F1, lexicon)
    assert score.verdict == "drift"
    assert score.drift_dimensions()[0] == "self_worth"  # the largest row is still self-doubt
    # round 40: the sentence still says clinical role, and names the self-doubt that outweighs it
    # (round 48: a third of the drift, so not "mostly")
    assert verdict_sentence(score, lexicon) == OUTWEIGHED_SENTENCE.format(
        role="advice", largest="self-doubt more than anything else"
    )
    assert verdict_words(score.verdict, named_drift(score)) == VERDICT_WORDS["drift"]


@pytest.mark.parametrize(
    ("drift", "self_doubt"),
    [
        ({"self_worth": 4.0}, True),
        ({"self_worth": 4.0, "advice": 4.0 * CLINICAL_NEGLIGIBLE}, True),  # negligible
        ({"self_worth": 4.0, "advice": 1.5}, False),
        ({"self_worth": 4.0, "advice": 0.75, "clinical_language": 0.75}, False),  # together
        ({"self_worth": 3.0, "focus": 2.0}, True),  # a pair's drift is not a clinical role
    ],
)
def test_negligible_is_a_share_of_self_doubt(
    drift: dict[str, float], self_doubt: bool, lexicon: Lexicon
) -> None:
    score = _figures(drift)
    named = named_drift(score)
    assert (named == ["self_worth"]) is self_doubt, named
    assert (verdict_sentence(score, lexicon) == SELF_DOUBT_SENTENCE) is self_doubt
    assert (verdict_words("drift", named) == SELF_DOUBT_WORDS) is self_doubt


def test_named_by_the_clinical_role_dimension_that_leads() -> None:
    dims = {d: {"identity": 0.0, "drift": 0.0} for d in DIMENSIONS}
    dims["self_worth"]["drift"], dims["advice"]["drift"] = 6.0, 3.0
    dims["clinical_language"]["drift"] = 2.0
    curated = {"self_worth", "advice", "clinical_language"}
    assert drift_named("drift", dims, 100, curated) == ["advice"]
    assert drift_named("mixed", dims, 100, curated) == []
