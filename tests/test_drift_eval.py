"""The labelled evaluation set must keep the accuracy reached when it was written.

Numbers are printed by `PYTHONPATH=src python benchmarks/drift_eval.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from drift_eval import CLEAR, HOLDOUT2_SET, HOLDOUT_SET, evaluate, load_entries

# Floors a little under the level reached (see benchmarks/drift_eval.py), so that a lexicon
# change that loses accuracy fails here.
MIN_CLEAR_ACCURACY = 0.98  # reached: 100.0%
MIN_OVERALL_ACCURACY = 0.97  # 98.8%
MIN_HARD_ACCURACY = 0.95  # 97.7%
MIN_MACRO_RECALL = 0.87  # 87.7%

# The held-out set (tests/data/drift_holdout.toml) was written blind, before tuning; its "test"
# half was scored once, at the end. Floors for the whole set, a little under the level reached.
HOLDOUT_MIN_CLEAR_ACCURACY = 0.95  # reached: 100.0%
HOLDOUT_MIN_OVERALL_ACCURACY = 0.81  # 83.3%
HOLDOUT_MIN_HARD_ACCURACY = 0.72  # 75.0%
HOLDOUT_MIN_MACRO_RECALL = 0.71  # 73.7%

# The second held-out set (tests/data/drift_holdout2.toml, no split) was written blind and
# scored only before (baseline) and after a round of tuning; its errors were not read while
# tuning. Floors a little under the level reached at the end.
HOLDOUT2_MIN_CLEAR_ACCURACY = 0.85  # reached: 88.9% (baseline 72.2%)
HOLDOUT2_MIN_OVERALL_ACCURACY = 0.55  # 57.9% (baseline 49.1%)
HOLDOUT2_MIN_HARD_ACCURACY = 0.41  # 43.6% (baseline 38.5%)
HOLDOUT2_MIN_MACRO_RECALL = 0.51  # 54.0% (baseline 46.9%)


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


@pytest.fixture(scope="module")
def holdout():  # type: ignore[no-untyped-def]
    return evaluate(HOLDOUT_SET)


def test_holdout_set_shape() -> None:
    entries = load_entries(HOLDOUT_SET)
    assert len(entries) >= 80
    assert len({e["id"] for e in entries}) == len(entries)
    main_ids = {e["id"] for e in load_entries()}
    assert not main_ids & {e["id"] for e in entries}
    for split in ("dev", "test"):
        half = load_entries(HOLDOUT_SET, split)
        # both halves cover every category of the main set
        assert {e["category"] for e in half} == {e["category"] for e in load_entries()}
    assert len(load_entries(HOLDOUT_SET, "dev")) + len(load_entries(HOLDOUT_SET, "test")) == len(
        entries
    )


def test_holdout_accuracy(holdout) -> None:  # type: ignore[no-untyped-def]
    assert holdout.clear_accuracy >= HOLDOUT_MIN_CLEAR_ACCURACY
    assert holdout.accuracy() >= HOLDOUT_MIN_OVERALL_ACCURACY
    assert holdout.hard_accuracy >= HOLDOUT_MIN_HARD_ACCURACY
    assert holdout.macro_recall >= HOLDOUT_MIN_MACRO_RECALL


def test_holdout_flags_never_turn_identity_into_drift(holdout) -> None:  # type: ignore[no-untyped-def]
    assert holdout.flipped_by_flags == []


@pytest.fixture(scope="module")
def holdout2():  # type: ignore[no-untyped-def]
    return evaluate(HOLDOUT2_SET)


def test_holdout2_set_shape() -> None:
    entries = load_entries(HOLDOUT2_SET)
    assert len(entries) >= 50
    ids = {e["id"] for e in entries}
    assert len(ids) == len(entries)
    assert not ids & {e["id"] for e in load_entries()}
    assert not ids & {e["id"] for e in load_entries(HOLDOUT_SET)}
    assert {e["category"] for e in entries} == {e["category"] for e in load_entries()}
    for e in entries:
        assert e["label"] in ("identity", "drift", "mixed")
        assert e["dims"]


def test_holdout2_accuracy(holdout2) -> None:  # type: ignore[no-untyped-def]
    assert holdout2.clear_accuracy >= HOLDOUT2_MIN_CLEAR_ACCURACY
    assert holdout2.accuracy() >= HOLDOUT2_MIN_OVERALL_ACCURACY
    assert holdout2.hard_accuracy >= HOLDOUT2_MIN_HARD_ACCURACY
    assert holdout2.macro_recall >= HOLDOUT2_MIN_MACRO_RECALL


def test_holdout2_flags_never_turn_identity_into_drift(holdout2) -> None:  # type: ignore[no-untyped-def]
    assert holdout2.flipped_by_flags == []
