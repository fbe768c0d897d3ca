"""Round 47, drift: what a person still does is a fact about them, and a single-quoted quotation
runs over the apostrophes inside its words.

"He is still using" read as Advice drift and "He is still drinking most days" as Focus drift,
through the learned "still using" and "still drinking": the writer reports a fact, not advice
(learn_markers.TWO_SENSES). "'He's an alcoholic,' the doctor said" leaned drift while the same
sentence in double quotes was others' framing: the apostrophe of "He's" cut the quotation short
(matcher._QUOTE).
"""

from __future__ import annotations

import pytest

from learn_markers import usable
from peerjournal.drift import load_lexicon, score_text
from peerjournal.drift.lexicon import Lexicon
from peerjournal.drift.matcher import _QUOTE


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def counted(text: str, lexicon: Lexicon) -> list[str]:
    return [h.text for h in score_text(text, lexicon).hits if h.counted]


@pytest.mark.parametrize(
    "text",
    [
        "He is still using.",
        "He is still drinking most days.",
        "She's still drinking, and he's using again.",
        "They are drinking again, he said.",
    ],
)
def test_what_a_person_still_does_is_no_evidence(text: str, lexicon: Lexicon) -> None:
    assert counted(text, lexicon) == []
    assert score_text(text, lexicon).verdict == "insufficient"


@pytest.mark.parametrize("gram", ["still using", "still drinking", "drinking again", "using again"])
def test_the_fact_is_not_learned(gram: str) -> None:
    assert not usable(gram)


@pytest.mark.parametrize("gram", ["using and", "drinking problem", "started using", "still i"])
def test_the_words_stay_learnable_in_other_phrases(gram: str) -> None:
    """"while I was using, and" is the writer's own story."""
    assert usable(gram)


def test_checking_up_on_it_is_still_drift(lexicon: Lexicon) -> None:
    text = "I tried to find out whether he's still using."
    assert score_text(text, lexicon).verdict == "drift"


DOUBLE = "\"He's an alcoholic,\" the doctor said, \"he'll never stop.\""


@pytest.mark.parametrize(
    "text",
    [
        "'He's an alcoholic,' the doctor said, 'he'll never stop.'",
        "\u2018He\u2019s an alcoholic,\u2019 the doctor said, \u2018he\u2019ll never stop.\u2019",
    ],
)
def test_single_quotes_with_contractions_are_others_framing(text: str, lexicon: Lexicon) -> None:
    single, double = score_text(text, lexicon), score_text(DOUBLE, lexicon)
    assert single.verdict == double.verdict == "insufficient"
    assert counted(text, lexicon) == []
    shown = [h.text.replace("\u2019", "'") for h in single.hits]
    assert shown == [h.text for h in double.hits]
    assert "He's an alcoholic" in shown


def test_the_writers_own_quoted_words_with_contractions_count(lexicon: Lexicon) -> None:
    text = "I said 'he's an alcoholic, he won't change' and left it there."
    assert "he's an alcoholic" in [t.lower() for t in counted(text, lexicon)]


@pytest.mark.parametrize(
    "text",
    [
        "I went stiff, said 'let's keep the focus on you lot' and moved on.",
        "Nearly did the old line, 'sure we're here to talk about you'. Caught it.",
        "He told me about the alarm and I go 'that's textbook PTSD, you're dissociating'.",
    ],
)
def test_the_writers_own_single_quoted_lines_still_count(text: str, lexicon: Lexicon) -> None:
    """Lines the writer said, now read as quotations, stay the writer's words."""
    assert [h for h in score_text(text, lexicon).hits if h.counted and h.polarity == "drift"]


def test_someone_elses_line_after_a_comma_is_theirs(lexicon: Lexicon) -> None:
    text = "The nurse went quiet, said 'he's non-compliant'."
    assert score_text(text, lexicon).verdict == "insufficient"
    assert score_text("I went quiet, said 'he's non-compliant'.", lexicon).verdict == "drift"


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("'He's an alcoholic,' she said", ["'He's an alcoholic,'"]),
        ("I told him 'you can't keep doing this' and left", ["'you can't keep doing this'"]),
        ("the writer's view of the nurses' station", []),
        ("'cause he's late and the nurses' station was shut", []),
        ("see 'em later, it's the lads' night", []),
        ("we played rock 'n' roll and he's 'fine'", ["'n'", "'fine'"]),
        ("Labels: 'non-compliant', 'doesn't engage', 'frequent flyer'",
         ["'non-compliant'", "'doesn't engage'", "'frequent flyer'"]),
        ("She said 'no', 'not now', 'maybe later'", ["'no'", "'not now'", "'maybe later'"]),
    ],
)
def test_where_a_single_quoted_quotation_starts_and_ends(text: str, quotes: list[str]) -> None:
    assert [m.group() for m in _QUOTE.finditer(text)] == quotes
