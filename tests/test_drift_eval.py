"""The labelled evaluation set must keep the accuracy reached when it was written.

Numbers are printed by `PYTHONPATH=src python benchmarks/drift_eval.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from drift_eval import CLEAR, HOLDOUT2_SET, HOLDOUT3_SET, HOLDOUT_SET, evaluate, load_entries

# Floors a little under the level reached (see benchmarks/drift_eval.py), so that a lexicon
# change that loses accuracy fails here.
MIN_CLEAR_ACCURACY = 0.98  # reached: 100.0%
MIN_OVERALL_ACCURACY = 0.98  # 100.0%
MIN_HARD_ACCURACY = 0.98  # 100.0%
MIN_MACRO_RECALL = 0.875  # 88.5%

# The held-out set (tests/data/drift_holdout.toml) was written blind, before tuning; its "test"
# half was scored once, at the end. Floors for the whole set, a little under the level reached.
HOLDOUT_MIN_CLEAR_ACCURACY = 0.98  # reached: 100.0%
HOLDOUT_MIN_OVERALL_ACCURACY = 0.91  # 93.3%
HOLDOUT_MIN_HARD_ACCURACY = 0.88  # 90.0%
HOLDOUT_MIN_MACRO_RECALL = 0.74  # 75.7%

# The second held-out set (tests/data/drift_holdout2.toml, no split) was written blind and
# scored only before (baseline) and after a round of tuning; its errors were not read while
# tuning. Floors a little under the level reached at the end.
HOLDOUT2_MIN_CLEAR_ACCURACY = 0.98  # reached: 100.0% (first baseline 72.2%)
HOLDOUT2_MIN_OVERALL_ACCURACY = 0.84  # 86.0% (first baseline 49.1%)
HOLDOUT2_MIN_HARD_ACCURACY = 0.77  # 79.5% (first baseline 38.5%)
HOLDOUT2_MIN_MACRO_RECALL = 0.64  # 66.1% (first baseline 46.9%)
# (holdout2's errors were used for development in the next round, so its floors now guard
# that work rather than measure unseen text.)

# The third held-out set (tests/data/drift_holdout3.toml, no split) was written blind and
# scored only before (baseline) and after a round of tuning; its errors were not read while
# tuning. Floors a little under the level reached at the end.
HOLDOUT3_MIN_CLEAR_ACCURACY = 0.73  # reached: 75.0% (baseline 50.0%)
HOLDOUT3_MIN_OVERALL_ACCURACY = 0.60  # 61.5% (baseline 32.3%)
HOLDOUT3_MIN_HARD_ACCURACY = 0.53  # 55.6% (baseline 24.4%)
HOLDOUT3_MIN_MACRO_RECALL = 0.57  # 59.2% (baseline 46.2%)


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


@pytest.fixture(scope="module")
def holdout3():  # type: ignore[no-untyped-def]
    return evaluate(HOLDOUT3_SET)


def test_holdout3_set_shape() -> None:
    entries = load_entries(HOLDOUT3_SET)
    assert len(entries) >= 50
    ids = {e["id"] for e in entries}
    assert len(ids) == len(entries)
    for other in (load_entries(), load_entries(HOLDOUT_SET), load_entries(HOLDOUT2_SET)):
        assert not ids & {e["id"] for e in other}
    assert {e["category"] for e in entries} == {e["category"] for e in load_entries()}
    for e in entries:
        assert e["label"] in ("identity", "drift", "mixed")
        assert e["dims"]


def test_holdout3_accuracy(holdout3) -> None:  # type: ignore[no-untyped-def]
    assert holdout3.clear_accuracy >= HOLDOUT3_MIN_CLEAR_ACCURACY
    assert holdout3.accuracy() >= HOLDOUT3_MIN_OVERALL_ACCURACY
    assert holdout3.hard_accuracy >= HOLDOUT3_MIN_HARD_ACCURACY
    assert holdout3.macro_recall >= HOLDOUT3_MIN_MACRO_RECALL


def test_holdout3_flags_never_turn_identity_into_drift(holdout3) -> None:  # type: ignore[no-untyped-def]
    assert holdout3.flipped_by_flags == []
