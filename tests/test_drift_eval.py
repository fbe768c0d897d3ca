"""The labelled evaluation set must keep the accuracy reached when it was written.

Numbers are printed by `PYTHONPATH=src python benchmarks/drift_eval.py`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from drift_eval import (
    CLEAR,
    EVAL_SET,
    HOLDOUT2_SET,
    HOLDOUT3_SET,
    HOLDOUT4_SET,
    HOLDOUT_SET,
    evaluate,
    load_entries,
)

# Floors a little under the level reached (see benchmarks/drift_eval.py), so that a lexicon
# change that loses accuracy fails here.
MIN_CLEAR_ACCURACY = 0.98  # reached: 100.0%
MIN_OVERALL_ACCURACY = 0.98  # 100.0%
MIN_HARD_ACCURACY = 0.98  # 100.0%
MIN_MACRO_RECALL = 0.885  # 88.7%



@dataclass(frozen=True)
class Floors:
    """Floors a little under the level reached on one labelled set (clear, overall, hard
    accuracy, macro recall)."""

    path: Path
    clear: float
    overall: float
    hard: float
    recall: float


# The held-out sets were written blind, before tuning, each by a different helper:
# - drift_holdout.toml: its "test" half was scored once at the end of the first round; both
#   halves were used for development in the rounds after.
# - drift_holdout2.toml: scored only before (baseline) and after the second round; its errors
#   were used for development in the third, so its floors now guard that work.
# - drift_holdout3.toml: scored only before and after the third round; its errors were used for
#   development in the fourth, so its floors now guard that work.
# - drift_holdout4.toml: written blind before the fourth round, scored only before and after it;
#   its errors were not read. The one measure of entries the engine has not been tuned on.
HELD_OUT = [
    Floors(HOLDOUT_SET, 0.98, 0.91, 0.88, 0.74),  # reached 100.0 / 93.3 / 90.0 / 75.7%
    # reached 100.0 / 86.0 / 79.5 / 68.6% (first baseline 72.2 / 49.1 / 38.5 / 46.9%)
    Floors(HOLDOUT2_SET, 0.98, 0.84, 0.77, 0.67),
    # reached 95.0 / 86.2 / 82.2 / 65.4% (blind: 75.0 / 61.5 / 55.6 / 59.2%; first baseline
    # 50.0 / 32.3 / 24.4 / 46.2%)
    Floors(HOLDOUT3_SET, 0.93, 0.84, 0.80, 0.64),
    # reached 62.5 / 58.0 / 55.9 / 43.2% (baseline 62.5 / 52.0 / 47.1 / 40.6%)
    Floors(HOLDOUT4_SET, 0.60, 0.56, 0.54, 0.42),
]
HELD_OUT_IDS = [f.path.stem for f in HELD_OUT]


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


@pytest.mark.parametrize("floors", HELD_OUT, ids=HELD_OUT_IDS)
def test_held_out_set_shape(floors: Floors) -> None:
    entries = load_entries(floors.path)
    assert len(entries) >= 50
    ids = {e["id"] for e in entries}
    assert len(ids) == len(entries)
    for other in [EVAL_SET, *(f.path for f in HELD_OUT if f.path != floors.path)]:
        assert not ids & {e["id"] for e in load_entries(other)}
    assert {e["category"] for e in entries} == {e["category"] for e in load_entries()}
    for e in entries:
        assert e["label"] in ("identity", "drift", "mixed")
        assert e["dims"]


def test_held_out_halves_cover_every_category() -> None:
    halves = [load_entries(HOLDOUT_SET, split) for split in ("dev", "test")]
    assert sum(map(len, halves)) == len(load_entries(HOLDOUT_SET))
    for half in halves:
        assert {e["category"] for e in half} == {e["category"] for e in load_entries()}


@pytest.mark.parametrize("floors", HELD_OUT, ids=HELD_OUT_IDS)
def test_held_out_accuracy(floors: Floors) -> None:
    found = evaluate(floors.path)
    assert found.clear_accuracy >= floors.clear
    assert found.accuracy() >= floors.overall
    assert found.hard_accuracy >= floors.hard
    assert found.macro_recall >= floors.recall
    assert found.flipped_by_flags == []  # no negated or attributed hit turns identity into drift
