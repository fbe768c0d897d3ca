"""Golden scores: the drift scorer's full output on 200 generated entries must not change.

The matcher is tuned for speed; this pins its results (every hit, span and flag) so that an
optimisation cannot change a score unnoticed. The texts are shuffled sentences of the labelled
evaluation set, sentences built around lexicon phrases, and variants with curly quotes,
abbreviations and line breaks; they are stored with their scores in
``tests/data/drift_golden.json``.

A deliberate change of results (a lexicon edit, a matcher rule) regenerates the file:

    PYTHONPATH=src python tests/test_drift_golden.py
"""

from __future__ import annotations

import json
import random
import tomllib
from pathlib import Path
from typing import Any

import pytest

from conftest import HIT_KEYS
from peerjournal.drift import load_lexicon, score_text
from peerjournal.drift.lexicon import example_phrase

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "drift_golden.json"
EVAL_SET = DATA / "drift_eval.toml"

TEMPLATES = [
    "I {p} with her this morning.",
    "The team said he was {p} again.",
    "I didn't {p} today.",
    "Next time I would {p} earlier.",
    "I caught myself {p} in handover.",
    "She told me \u201cI {p}\u201d and laughed.",
    "Dr. Okafor wrote that I {p}; I said I hadn't.",
    "Honestly I think I {p}, and it felt different.",
    "Not {p}, but we sat together - in-and-out of the room.",
]
FILLER = [
    "It rained all afternoon and the bus was late.",
    "We had tea in the garden room before the group started.",
    "Handover ran long because of the fire alarm.",
    "I walked back through the park after the visit.\n",
    "Mrs. P. brought photos of her dog (a spaniel) to show everyone.",
]


def _texts() -> list[str]:
    with EVAL_SET.open("rb") as fh:
        entries = tomllib.load(fh)["entry"]
    sentences = [
        s.strip() + "." for e in entries for s in str(e["text"]).split(". ") if len(s.split()) > 2
    ]
    phrases = sorted({example_phrase(p) for m in load_lexicon().markers for p in m.patterns})
    rng = random.Random(2026)

    def compose(sentence: Any) -> str:
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < 150:
            parts.append(sentence())
        return " ".join(parts)

    texts = []
    for n in range(200):
        if n % 2:
            text = compose(lambda: rng.choice(TEMPLATES).format(p=rng.choice(phrases)))
        else:
            text = compose(lambda: rng.choice(sentences + FILLER))
        if n % 5 == 0:
            text = text.replace("'", "\u2019")
        texts.append(text)
    return texts




def _regenerate() -> None:
    """Write the file; hits are stored as rows in `HIT_KEYS` order, to keep it small."""
    cases = []
    for text in _texts():
        score = score_text(text).to_dict()
        assert all(tuple(h) == HIT_KEYS for h in score["hits"])
        score["hits"] = [list(h.values()) for h in score["hits"]]
        cases.append({"text": text, "score": score})
    GOLDEN.write_text(json.dumps(cases, ensure_ascii=False, separators=(",", ":")) + "\n")


def _cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads(GOLDEN.read_text())
    for case in cases:
        case["score"]["hits"] = [
            dict(zip(HIT_KEYS, row, strict=True)) for row in case["score"]["hits"]
        ]
    return cases


def test_golden_file_is_for_the_shipped_lexicon() -> None:
    version = load_lexicon().version
    stale = {c["score"]["lexicon_version"] for c in _cases()} - {version}
    assert not stale, "the lexicon changed: regenerate tests/data/drift_golden.json (see above)"


@pytest.mark.parametrize("chunk", range(4))
def test_scores_match_golden(chunk: int) -> None:
    lexicon = load_lexicon()
    cases = _cases()[chunk::4]
    assert len(cases) == 50
    for case in cases:
        assert score_text(case["text"], lexicon).to_dict() == case["score"]


if __name__ == "__main__":
    _regenerate()
