"""Round 26: a passage counts once, and identity words that are not the writer's practice.

- QA3 #6: a learned phrase on the words of a curated phrase of its side and dimension was
  counted beside it ("told him he" inside "told him he needs"), so a 20-word entry read 101
  drift per 100 words. It is now folded into the curated phrase, "(also learned)".
- QA1 #2: "You should listen to the doctor." counted "listen to" as Connection, and "He told me
  his landlord's number is …" counted "told me his" as Mutuality.
"""

from __future__ import annotations

import json
from itertools import pairwise

import pytest

from conftest import CLI
from peerjournal.drift import Hit, is_learned_marker, load_lexicon, score_text

QA3 = (
    "I told him he needs to take his medication and reminded him to stay compliant. "
    "He was presenting as paranoid."
)


def _hit(text: str, phrase: str, marker_prefix: str = "") -> Hit:
    score = score_text(text)
    return next(
        h for h in score.hits if h.text == phrase and h.marker.startswith(marker_prefix)
    )


def test_a_learned_phrase_on_a_curated_phrases_words_is_not_counted_again() -> None:
    score = score_text(QA3)
    curated = [h for h in score.hits if not is_learned_marker(h.marker)]
    inside = _hit(QA3, "told him he", "learned.")
    assert _hit(QA3, "told him he needs", "advice.").counted
    assert not inside.counted
    # no counted learned hit shares words with a curated one of its side and dimension
    for h in score.hits:
        if h.counted and is_learned_marker(h.marker):
            assert not any(
                c.start < h.end and h.start < c.end
                and (c.polarity, c.dimension) == (h.polarity, h.dimension)
                for c in curated
            ), h
    # every number is the sum of the counted hits' weights, per 100 words
    drift = sum(score.weights[h.marker] for h in score.hits if h.counted and h.polarity == "drift")
    assert score.drift == pytest.approx(drift * 100 / score.words)
    assert score.drift < 60  # 101.2 before: the same words counted twice


def test_the_table_folds_the_learned_phrase_into_the_curated_one(cli: CLI) -> None:
    out = cli("drift", "--text", QA3)
    assert out.exit_code == 0, out.stderr
    flat = " ".join(out.stdout.split())
    assert "“told him he needs” (also learned)" in flat
    assert "“told him he” (learned)" not in flat
    data = json.loads(cli("drift", "--json", "--text", QA3).stdout)
    counted = sum(h["counted"] for h in data["hits"])
    folded = [h for h in data["hits"] if h["text"] == "told him he"]
    assert folded and not folded[0]["counted"]  # the --json contract says so too
    assert f"{counted} counted of {counted} phrases" in flat  # the folded one is not listed


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("You should listen to the doctor.", "listen to"),
        ("I told her she should really listen to her body and take a break.", "really listen"),
    ],
)
def test_identity_words_inside_an_instruction_do_not_count(text: str, phrase: str) -> None:
    hit = _hit(text, phrase)
    assert hit.polarity == "identity"
    assert hit.hypothetical and not hit.counted
    assert score_text(text).identity == 0.0


def test_an_instruction_reaches_no_further_than_and() -> None:
    text = "I told him to take his time and I listened to him."
    assert _hit(text, "I listened").counted
    negated = "Instead of telling him to calm down I listened to him."
    assert _hit(negated, "I listened").counted  # no instruction was given


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("He told me his landlord's number is [phone] and asked me to call.", False),
        ("He told me his son doesn't get out of bed.", False),
        ("I told her mine and she told me hers.", True),
        ("I said the radio helps me sleep. He told me his was lo-fi beats.", True),
        ("He told me his trick of counting the colours in the room.", True),
    ],
)
def test_told_me_his_counts_as_mutuality_only_for_an_exchange(text: str, counted: bool) -> None:
    hit = next(h for h in score_text(text).hits if h.marker == "mutuality.learning_together")
    assert hit.counted is counted
    assert hit.attributed is not counted  # "told me his landlord's number is …": his words


def test_curated_hits_never_overlap_one_another() -> None:
    # so of two curated phrases of one side only one can count: the matcher keeps the longest
    # at each place and skips what it covers
    lexicon = load_lexicon()
    for text in (QA3, "I shared my own recovery story and we learned from each other."):
        curated = [h for h in score_text(text, lexicon).hits if not is_learned_marker(h.marker)]
        assert all(a.end <= b.start for a, b in pairwise(curated))
