"""`supervision prep` lists each drift phrase of an entry once, with how often it was used.

Before, an entry that said "you should" twice listed “you should” twice, which read like a bug.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from conftest import CLI, SRC, drift_hit
from peerjournal.db.store import Drift, Store
from peerjournal.entry import EntryDraft

REPEATING = "I told him you should call your mum. Later I said You should really rest."
Hit = tuple[str, str, bool]  # text, dimension, self-noticed


def scored(*hits: Hit) -> dict[str, Any]:
    """A stored drift score whose counted drift hits are `hits`, in order."""
    dimensions = {dim for _, dim, _ in hits}
    return {
        "verdict": "drift",
        "balance": -1.0,
        "identity": 0.0,
        "drift": 2.0 * len(hits),
        "words": 50,
        "dimensions": {d: {"identity": 0.0, "drift": 2.0} for d in dimensions},
        "hits": [drift_hit(text, dim, self_noticed=noticed) for text, dim, noticed in hits],
        "lexicon_version": "test",
    }


def add_scored(store: Store, day: date, *hits: Hit) -> int:
    drift = scored(*hits)
    now = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
    draft = EntryDraft(date=day, experience="An entry scored by hand for the test.")
    return store.add_entry(draft, now, Drift("drift", drift, "test", "test"))


def evidence(cli: CLI) -> list[dict[str, Any]]:
    result = cli("supervision", "prep", "--json")
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)["most_drift_evidence"]
    return found


def evidence_lines(cli: CLI) -> list[str]:
    """The lines of the text output under "Entries with the most drift phrases"."""
    result = cli("supervision", "prep")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    start = lines.index("Entries with the most drift phrases") + 1
    return lines[start : lines.index("", start)]


def test_a_phrase_written_twice_is_listed_once_with_its_count(
    cli: CLI, add: Callable[..., int]
) -> None:
    entry = add(REPEATING + " He seemed symptomatic.")
    assert evidence_lines(cli) == [
        f"  #{entry}  20 Nov 2026",
        "      “you should” (×2) – Advice",
        "      “symptomatic” – Clinical language",
    ]
    [shown] = evidence(cli)
    assert shown["id"] == entry
    assert shown["phrases"] == [
        {
            "text": "you should",
            "dimension": "advice",
            "self_noticed": False,
            "negated": False,
            "count": 2,
        },
        {
            "text": "symptomatic",
            "dimension": "clinical_language",
            "self_noticed": False,
            "negated": False,
            "count": 1,
        },
    ]


def test_same_phrase_ignores_case_and_spaces_but_not_the_dimension(
    cli: CLI, store: Store
) -> None:
    """The first spelling is kept, in order of first appearance; noticed once is noticed."""
    add_scored(
        store,
        date(2026, 11, 18),
        ("You should", "advice", False),
        ("lacks insight", "clinical_language", False),
        (" you SHOULD ", "advice", True),
        ("you should", "co_optation", False),  # another dimension: another phrase
        ("Lacks Insight", "clinical_language", False),
        ("you should", "advice", False),
    )
    [shown] = evidence(cli)
    keys = ("text", "dimension", "self_noticed", "count")
    assert [tuple(p[k] for k in keys) for p in shown["phrases"]] == [
        ("You should", "advice", True, 3),
        ("lacks insight", "clinical_language", False, 2),
        ("you should", "co_optation", False, 1),
    ]
    lines = evidence_lines(cli)
    assert lines[1] == "      “You should” (×3) – Advice (you noticed this yourself)"
    assert lines[2] == "      “lacks insight” (×2) – Clinical language"
    assert lines[3].startswith("      “you should” – ") and "×" not in lines[3]


def test_entries_are_still_ranked_by_hits_not_by_distinct_phrases(
    cli: CLI, store: Store
) -> None:
    """Three times one phrase outranks two phrases once each, as before the phrases were
    merged; the JSON counts add up to the hits the ranking used."""
    repeated = add_scored(store, date(2026, 11, 10), *[("you should", "advice", False)] * 3)
    varied = add_scored(
        store,
        date(2026, 11, 19),  # more recent, and more distinct phrases
        ("you must", "advice", False),
        ("if I were you", "advice", False),
    )
    shown = evidence(cli)
    assert [e["id"] for e in shown] == [repeated, varied]
    assert [sum(p["count"] for p in e["phrases"]) for e in shown] == [3, 2]
    assert [len(e["phrases"]) for e in shown] == [1, 2]


def test_questions_follow_the_dimension_used_most_often(cli: CLI, store: Store) -> None:
    """The questions' dimensions are tallied by hits too, so their order is unchanged: advice
    (one phrase, three times) before clinical language (two phrases, once each)."""
    add_scored(
        store,
        date(2026, 11, 18),
        ("symptomatic", "clinical_language", False),
        ("you should", "advice", False),
        ("lacks insight", "clinical_language", False),
        ("you should", "advice", False),
        ("You should", "advice", False),
    )
    data = json.loads(cli("supervision", "prep", "--json").stdout)
    assert [q["why"] for q in data["questions"]] == [
        "Advice had drift phrases in your entries",
        "Clinical language had drift phrases in your entries",
    ]


def test_an_ascii_terminal_gets_x_for_times(add: Callable[..., int]) -> None:
    add(REPEATING)
    done = subprocess.run(
        [sys.executable, "-m", "peerjournal", "supervision", "prep"],
        env={**os.environ, "PYTHONPATH": SRC, "PYTHONIOENCODING": "ascii"},
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert b" (x2) " in done.stdout and b"you should" in done.stdout
