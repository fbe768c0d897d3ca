"""The labelled evaluation set must keep the accuracy reached when it was written.

Numbers are printed by `PYTHONPATH=src python benchmarks/drift_eval.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from drift_eval import CLEAR, evaluate, load_entries

# Floors a little under the level reached (see benchmarks/drift_eval.py), so that a lexicon
# change that loses accuracy fails here.
MIN_CLEAR_ACCURACY = 0.95
MIN_OVERALL_ACCURACY = 0.87
MIN_HARD_ACCURACY = 0.77
MIN_MACRO_RECALL = 0.82


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return evaluate()


def test_eval_set_shape() -> None:
    entries = load_entries()
    assert len(entries) >= 150
    assert len({e["id"] for e in entries}) == len(entries)
    cats = {e["category"] for e in entries}
    assert cats >= CLEAR
    assert {
        "negation",
        "reported",
        "quote",
        "hypothetical",
        "self_noticed",
        "critical_clinical",
        "upbeat_drift",
        "sad_identity",
        "mixed",
    } <= cats
    for e in entries:
        assert e["label"] in ("identity", "drift", "mixed")
        assert e["dims"]


def test_clear_accuracy(result) -> None:  # type: ignore[no-untyped-def]
    assert result.clear_accuracy >= MIN_CLEAR_ACCURACY


def test_overall_and_hard_accuracy(result) -> None:  # type: ignore[no-untyped-def]
    assert result.accuracy() >= MIN_OVERALL_ACCURACY
    assert result.hard_accuracy >= MIN_HARD_ACCURACY


def test_dimension_recall(result) -> None:  # type: ignore[no-untyped-def]
    assert result.macro_recall >= MIN_MACRO_RECALL


def test_flags_never_turn_identity_into_drift(result) -> None:  # type: ignore[no-untyped-def]
    assert result.flipped_by_flags == []
