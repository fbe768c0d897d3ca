"""The naive-Bayes baseline (benchmarks/drift_nb_baseline.py): a measure the engine is compared
with, so it must learn what it is shown and never train on a never-read set."""

from __future__ import annotations

from drift_eval import NEVER_READ, load_entries
from drift_nb_baseline import NaiveBayes, features, training_examples


def test_features_are_words_and_pairs_of_words() -> None:
    assert features("Told her, she should") == {
        "told",
        "her",
        "she",
        "should",
        "told her",
        "her she",
        "she should",
    }


def test_it_learns_the_side_of_what_it_is_shown() -> None:
    model = NaiveBayes(
        [
            ("told her she should take her meds", "drift"),
            ("reminded him to take his tablets", "drift"),
            ("sat with him and listened to his story", "identity"),
            ("shared my own story and we laughed", "identity"),
        ]
    )
    assert model.classify("she should take the tablets") == "drift"
    assert model.classify("we sat and I shared my story") == "identity"


def test_it_never_trains_on_a_never_read_set() -> None:
    texts = {text for text, _ in training_examples()}
    never_read = {str(e["text"]) for path in NEVER_READ for e in load_entries(path)}
    assert texts and not texts & never_read
