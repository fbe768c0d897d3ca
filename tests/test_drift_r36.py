"""Round 36: a named person's state ("Mo was tearful") is clinical language as "she was tearful"
is, the writer's own is not; someone speaking up for the writer is not the writer's voice; the
verdict sentence names self-doubt by the rule the questions use."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift_eval import EVAL_SET, load_entries
from peerjournal.drift import DIMENSIONS, Lexicon, LexiconError, load_lexicon, score_text
from peerjournal.drift.score import DriftScore, asked_dimensions, reflective_questions
from peerjournal.render.drift import SELF_DOUBT_SENTENCE, VERDICT_SENTENCES, verdict_sentence

STATE = "clinical_language.described_other"


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _counted(text: str, lexicon: Lexicon, dimensions: set[str]) -> list[str]:
    """The counted hits of `dimensions` in `text` (clinical language: drift; else identity)."""
    return [
        h.text
        for h in score_text(text, lexicon).hits
        if h.counted and h.dimension in dimensions
        and h.polarity == ("drift" if "clinical_language" in dimensions else "identity")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mo was tearful",
        "After group, Mo seemed a bit tearful.",
        "After group Mo was very tearful.",
        "Her mum was tearful on the phone.",
        "Sat with Mo, who was tearful.",
        "D was tearful when we talked about the move.",
        "It left him tearful.",
        "The client was tearful.",
        "She was tearful",
        "Dev is bipolar, the nurse reckons, but he calls it his ups and downs.",
    ],
)
def test_someone_elses_state_is_clinical_language(text: str, lexicon: Lexicon) -> None:
    assert _counted(text, lexicon, {"clinical_language"}), text


@pytest.mark.parametrize(
    "text",
    [
        "I was tearful",
        "I was tearful after group.",
        "Tearful today.",
        "Really tearful on the bus home.",
        "Felt tearful after group.",
        "Left tearful.",
        "Made me tearful.",
        "Mo and I were tearful.",
        "We were all tearful at the memorial.",
        "Everyone was tearful at the memorial.",
        "Sat with a tearful mum.",
        "I'm an addict and that's why I can do this job.",
        "I am bipolar and I said so.",
    ],
)
def test_the_writers_own_state_is_not(text: str, lexicon: Lexicon) -> None:
    hits = [h for h in score_text(text, lexicon).hits if h.marker == STATE]
    assert not hits, text


def test_a_named_subject_counts_like_a_pronoun(lexicon: Lexicon) -> None:
    named = score_text("Mo was tearful all afternoon.", lexicon)
    pronoun = score_text("She was tearful all afternoon.", lexicon)
    assert named.dimensions["clinical_language"]["drift"] > 0
    assert pronoun.dimensions["clinical_language"]["drift"] > 0
    # the span is the state, not the name: exported summaries do not carry people's names
    assert [h.text for h in named.hits if h.marker == STATE] == ["tearful"]


def test_about_must_be_anyone_or_other(tmp_path: Path) -> None:
    base = (
        '[[marker]]\nid = "clinical_language.x"\ndimension = "clinical_language"\n'
        'polarity = "drift"\nsource = "guide"\npatterns = ["tearful"]\n'
    )
    ok = tmp_path / "ok.toml"
    ok.write_text(base + 'about = "other"\n', encoding="utf-8")
    assert load_lexicon(ok).markers[0].about == "other"
    bad = tmp_path / "bad.toml"
    bad.write_text(base + 'about = "others"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="field 'about'"):
        load_lexicon(bad)
    learned = tmp_path / "learned.toml"
    learned.write_text(
        '[[marker]]\nid = "learned.focus.drift.1"\ndimension = "focus"\npolarity = "drift"\n'
        'source = "learned"\npatterns = ["tearful"]\nlearned = true\nabout = "other"\n',
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match="field 'about'"):
        load_lexicon(learned)


@pytest.mark.parametrize(
    "text",
    [
        "Jo spoke up for me",
        "Jo spoke up for me in the team meeting.",
        "My supervisor stood up for us at the meeting.",
        "Her sister spoke up for me when the manager started on at me.",
    ],
)
def test_someone_speaking_up_for_the_writer_is_not_their_voice(
    text: str, lexicon: Lexicon
) -> None:
    assert not _counted(text, lexicon, {"voice", "advocacy"}), text


@pytest.mark.parametrize(
    "text",
    [
        "I spoke up",
        "I spoke up for her.",
        "I spoke up for me and for her.",
        "Spoke up for him in the ward round.",
        "The manager backed me.",  # the writer's view, taken up (round 22): stays theirs
    ],
)
def test_the_writer_speaking_up_still_counts(text: str, lexicon: Lexicon) -> None:
    assert _counted(text, lexicon, {"voice", "advocacy"}), text


def test_the_writers_voice_after_someone_elses_counts_once(lexicon: Lexicon) -> None:
    text = "Jo spoke up for me, and then I spoke up too."
    counted = [
        h for h in score_text(text, lexicon).hits
        if h.counted and h.dimension in ("voice", "advocacy")
    ]
    assert counted and all(h.start > text.index("then") for h in counted)


def _score(dims: dict[str, float], hits: list[tuple[str, str]]) -> DriftScore:
    """A drift score of 100 words whose drift per dimension is `dims`, from `hits`
    (marker id, dimension)."""
    figures = {d: {"identity": 0.0, "drift": dims.get(d, 0.0)} for d in DIMENSIONS}
    return DriftScore.from_dict({
        "verdict": "drift", "balance": -1.0, "identity": 0.0, "drift": sum(dims.values()),
        "words": 100, "dimensions": figures, "lexicon_version": "test",
        "hits": [
            {"marker": marker, "dimension": dim, "polarity": "drift", "text": "x",
             "start": i, "end": i + 1, "negated": False, "attributed": False,
             "hypothetical": False, "self_noticed": False, "counted": True}
            for i, (marker, dim) in enumerate(hits)
        ],
    })


def test_a_learned_word_or_two_of_doubt_is_not_mostly_self_doubt(lexicon: Lexicon) -> None:
    """Was: "mostly self-doubt" from the largest drift figure, while the questions (curated
    hits or learned weight of QUESTION_MIN_WEIGHT) asked about advice alone."""
    score = _score(
        {"self_worth": 1.25, "advice": 1.0},
        [("learned.self_worth.drift.1.25", "self_worth"), ("advice.you_should", "advice")],
    )
    assert score.drift_dimensions()[0] == "self_worth"
    assert asked_dimensions(score) == ["advice"]
    assert verdict_sentence(score) == VERDICT_SENTENCES["drift"]
    assert reflective_questions(score, lexicon)[0] in lexicon.questions["advice"]


def test_curated_doubt_under_a_larger_learned_figure_is_mostly_self_doubt(
    lexicon: Lexicon,
) -> None:
    score = _score(
        {"co_optation": 1.25, "self_worth": 1.0},
        [("learned.co_optation.drift.1.25", "co_optation"), ("self_worth.doubt_shame",
                                                               "self_worth")],
    )
    assert score.drift_dimensions()[0] == "co_optation"
    # named by self-doubt, yet not "mostly": 1.0 of 2.25 (round 48)
    assert verdict_sentence(score) == SELF_DOUBT_SENTENCE.replace(
        "mostly self-doubt", "self-doubt more than anything else")
    assert reflective_questions(score, lexicon)[0] in lexicon.questions["self_worth"]


def test_sentence_and_questions_agree_on_the_labelled_set(lexicon: Lexicon) -> None:
    for entry in load_entries(EVAL_SET):
        score = score_text(str(entry["text"]), lexicon)
        if score.verdict != "drift":
            continue
        questions = reflective_questions(score, lexicon)
        doubt_first = bool(questions) and questions[0] in lexicon.questions["self_worth"]
        assert (verdict_sentence(score) == SELF_DOUBT_SENTENCE) == doubt_first, entry["id"]
