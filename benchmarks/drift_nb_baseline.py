"""A bar for the drift lexicon: a naive-Bayes baseline on the never-read held-out sets.

A multinomial naive Bayes over words and pairs of words (Laplace smoothing, presence not counts)
is trained on every labelled entry and coverage sentence that is read while tuning (the labelled
set, the read held-out sets, tests/data/dev) whose label is identity or drift. It is then scored,
beside the engine, on the clear entries of the sets whose errors are never read:

    PYTHONPATH=src python benchmarks/drift_nb_baseline.py

Columns: the engine's verdict, the baseline's class, and the engine with the baseline's class
where the engine says "insufficient". The baseline is a measure, not part of peerjournal: it
cannot say "mixed", it counts words whatever their use (negation, someone else's words), and its
numbers are not traceable to phrases. Its training texts and the never-read ones were written by
the same kind of helper from the same brief, so part of its lead may be their style ("i suppose",
"not really" lean drift in this data) rather than the practice.
"""

from __future__ import annotations

import argparse
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import pairwise

from drift_eval import CLEAR, NEVER_READ, load_entries, read_examples
from peerjournal.drift import load_lexicon, score_text

CLASSES = ("identity", "drift")
_WORD = re.compile(r"[a-z']+")


def features(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    return {*words, *(f"{a} {b}" for a, b in pairwise(words))}


def training_examples() -> Iterator[tuple[str, str]]:
    """(text, label) of the read sets and the development data, identity or drift only."""
    return ((ex.text, ex.label) for ex in read_examples())


class NaiveBayes:
    def __init__(self, examples: Iterable[tuple[str, str]]) -> None:
        self.counts = {c: Counter[str]() for c in CLASSES}
        self.docs = Counter[str]()
        for text, label in examples:
            self.counts[label].update(features(text))
            self.docs[label] += 1
        self.vocab = set().union(*self.counts.values())
        self.totals = {c: sum(self.counts[c].values()) + len(self.vocab) for c in CLASSES}

    def classify(self, text: str) -> str:
        found = features(text) & self.vocab

        def log_odds(c: str) -> float:
            counts, total = self.counts[c], self.totals[c]
            return math.log(self.docs[c]) + sum(math.log((counts[f] + 1) / total) for f in found)

        return max(CLASSES, key=log_odds)


def main() -> None:
    argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        epilog="Trains on the read sets and scores the never-read ones; it takes no options.",
    ).parse_args()
    model = NaiveBayes(training_examples())
    lexicon = load_lexicon()
    print(f"trained on {sum(model.docs.values())} texts; clear entries of the never-read sets:")
    print(f"{'set':16} {'n':>4} {'engine':>7} {'baseline':>9} {'engine+baseline':>16}")
    sums = [0, 0, 0, 0]
    for path in NEVER_READ:
        entries = [e for e in load_entries(path) if e["category"] in CLEAR]
        engine = baseline = both = 0
        for entry in entries:
            text, label = str(entry["text"]), entry["label"]
            verdict, guess = score_text(text, lexicon).verdict, model.classify(text)
            engine += verdict == label
            baseline += guess == label
            both += (guess if verdict == "insufficient" else verdict) == label
        for k, v in enumerate((len(entries), engine, baseline, both)):
            sums[k] += v
        print(f"{path.stem:16} {len(entries):4} {engine:7} {baseline:9} {both:16}")
    n, *right = sums
    engine_pct, baseline_pct, both_pct = (100 * r / n for r in right)
    print(f"{'all':16} {n:4} {engine_pct:6.1f}% {baseline_pct:8.1f}% {both_pct:15.1f}%")


if __name__ == "__main__":
    main()
