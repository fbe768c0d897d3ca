"""Round 36 (qa_changes2 3, 4, 5, 7): a word for a person's state ("tearful", "is bipolar")
is clinical language about someone else only when someone else is its subject: not a degree
word opening the sentence ("Pretty tearful"), not the writer saying who they are ("As someone
who is bipolar, I relate"), not anyone at all ("Anyone who is bipolar …"), not a subject the
writer is part of ("Me and Jo were tearful"); and self-doubt tied with other drift is not
"mostly self-doubt"."""

from __future__ import annotations

import pytest

from peerjournal.drift import DIMENSIONS, Lexicon, load_lexicon, score_text
from peerjournal.drift.score import DriftScore, reflective_questions
from peerjournal.render.drift import (
    OUTWEIGHED_SENTENCE,
    SELF_DOUBT_SENTENCE,
    VERDICT_SENTENCES,
    verdict_sentence,
)

STATE = "clinical_language.described_other"


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _counted_state(text: str, lexicon: Lexicon) -> list[str]:
    return [h.text for h in score_text(text, lexicon).hits if h.marker == STATE and h.counted]


@pytest.mark.parametrize(
    "text",
    [
        # 3: a degree word opening the sentence modifies the state; it is nobody
        "Super tearful after the call.",
        "Long day at the drop-in. Proper tearful on the drive home, so I rang my sponsor.",
        "Pretty tearful tonight.",
        "Kinda tearful tbh.",
        "Bloody tearful all evening.",
        "Dead tearful.",
        "Massively tearful on the bus.",
        # 4: the writer saying who they are, or anyone at all
        "As someone who is bipolar, I relate.",
        "As someone who is bipolar myself, I get it.",
        "As a peer worker who is bipolar, I relate.",
        "I relate, as someone who is bipolar.",
        "Being someone who was tearful a lot, I get it.",
        "I'm someone who is bipolar.",
        "I was a kid who was tearful.",
        "Anyone who is bipolar knows this.",
        "Everyone who is bipolar knows this.",
        "Those of us who are bipolar know this.",
        "People who are bipolar get labelled.",
        "Young people who are bipolar get labelled.",
        # 5: the writer first in a shared subject
        "Me and Jo were tearful.",
        "Myself and Jo were tearful at the end.",
        "Those of us who were tearful stayed behind.",
        "Me, Jo and Sam were tearful.",
        "Me and her were tearful.",
        "Me and her mum were tearful.",
        "It made me and Jo tearful.",
        "Me and Jo, who were tearful, left early.",
    ],
)
def test_not_about_someone_else(text: str, lexicon: Lexicon) -> None:
    assert not _counted_state(text, lexicon), text


@pytest.mark.parametrize(
    "text",
    [
        "Mo was tearful.",
        "Mo very tearful today.",
        "Grace was tearful.",
        "Will was tearful.",
        "Fred was tearful.",
        "Emily was tearful.",
        "Jo was super tearful after the call.",
        "Honestly Mo was pretty tearful.",
        "Mo was noticeably tearful.",
        "Pretty sure Mo was tearful.",
        "Sat with Mo, who was tearful.",
        "Kim, who is bipolar, came in.",
        "I met a man who is bipolar.",
        "I was with a man who was tearful.",
        "Someone who is bipolar told me about it.",
        "The people who were tearful stayed.",
        "Those of them who were tearful stayed.",
        "As a kid who was tearful, he hid.",
        "Mo, as someone who is bipolar, gets it.",
        "Clients such as someone who is bipolar need time.",
    ],
)
def test_still_about_someone_else(text: str, lexicon: Lexicon) -> None:
    assert _counted_state(text, lexicon), text


TIED = (
    "I felt like a fraud all day. Mo was tearful and Dev is bipolar, and the client was "
    "tearful too. I felt like a fraud."
)


def test_self_doubt_tied_with_clinical_language_is_not_mostly_self_doubt(
    lexicon: Lexicon,
) -> None:
    score = score_text(TIED, lexicon)
    drift = {d: score.dimensions[d]["drift"] for d in ("self_worth", "clinical_language")}
    assert score.verdict == "drift" and drift["self_worth"] == drift["clinical_language"] > 0
    sentence = verdict_sentence(score, lexicon)
    assert "mostly" not in sentence and "not a clinical role" not in sentence
    assert sentence == (
        "Your language in this entry leans toward drift: self-doubt, and as much clinical "
        "language drift."
    )
    # the questions still ask about both, self-doubt first as the sentence names it
    questions = reflective_questions(score, lexicon)
    assert questions[0] in lexicon.questions["self_worth"]
    assert questions[1] in lexicon.questions["clinical_language"]


def _figures(drift: dict[str, float]) -> DriftScore:
    """A drift score of 100 words whose curated drift per dimension is `drift`."""
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


def test_tied_sentence_names_every_tied_dimension(lexicon: Lexicon) -> None:
    tied = _figures({"self_worth": 2.0, "clinical_language": 2.0, "advice": 2.0, "voice": 1.0})
    assert verdict_sentence(tied, lexicon) == (
        "Your language in this entry leans toward drift: self-doubt, and as much clinical "
        "language and advice drift."
    )
    assert "as much co optation drift" in verdict_sentence(
        _figures({"self_worth": 1.0, "co_optation": 1.0})
    )  # without a lexicon, the dimension's own name


def test_self_doubt_leading_strictly_is_still_mostly_self_doubt(lexicon: Lexicon) -> None:
    # round 39: only beside negligible clinical-role drift (at most CLINICAL_NEGLIGIBLE of the
    # self-doubt); 3.0 beside 2.0 clinical language was "self-doubt" until then, now clinical
    assert verdict_sentence(
        _figures({"self_worth": 4.0, "clinical_language": 1.0}), lexicon
    ) == SELF_DOUBT_SENTENCE
    # … and round 40: the clinical role named, with the self-doubt that outweighs it
    assert verdict_sentence(
        _figures({"self_worth": 3.0, "clinical_language": 2.0}), lexicon
    ) == OUTWEIGHED_SENTENCE.format(role="clinical language", largest="mostly self-doubt")
    # another dimension first on a tie (display order) is a tie too (round 37): named first
    assert verdict_sentence(
        _figures({"focus": 2.0, "self_worth": 2.0}), lexicon
    ) == "Your language in this entry leans toward drift: focus, and as much self-doubt drift."
    # … and one that leads strictly is drift as before
    assert verdict_sentence(
        _figures({"focus": 3.0, "self_worth": 2.0}), lexicon
    ) == VERDICT_SENTENCES["drift"]

