"""A flipped marker ("I didn't share my story" counts as drift) is named as its opposite
wherever markers are listed by name: a mentor reading "sharing your recovery story" under
peer drift markers reads nonsense."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI

# "kept quiet" is drift as written (voice.defer_avoid); "share my story" is story.shared, an
# identity marker, negated by the writer: it counts as drift
FLIPPED = "In the ward round I kept quiet when they talked over her. I didn't share my story."
# two drift markers negated: both count as peer identity
FLIPPED_TO_IDENTITY = "At the meeting I didn't stay quiet this time. I didn't hold my story back."
BEFORE = "I sat with Sam and we talked about his week."  # the previous report window's entry


def ok(result: Any) -> str:
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


def flat(text: str) -> str:
    """Text with its line breaks and runs of spaces as one space (tables wrap their cells)."""
    return " ".join(text.split())


def summary_json(cli: CLI) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ok(cli("export", "--yes", "--format", "json")))
    return data


def labels(markers: list[dict[str, Any]]) -> dict[str, str]:
    return {m["id"]: m["label"] for m in markers}


@pytest.mark.parametrize("shared", [False, True], ids=["not shared", "shared"])
def test_export_lists_a_flipped_marker_under_drift_as_its_negation(
    cli: CLI, add: Callable[..., int], shared: bool
) -> None:
    """Shared entries' hits are read whole (for their excerpts), the others' from the markers
    stored with the score: both name it so."""
    add(FLIPPED, *(["--share"] if shared else []))
    markdown = ok(cli("export", "--yes", "--format", "md"))
    drift_section = markdown.split("## Peer drift markers", 1)[1].split("\n## ", 1)[0]
    assert ("- not sharing the writer's recovery story (Recovery story): 1 time in 1 entry"
            in drift_section)
    assert "- sharing the writer's recovery story" not in markdown
    markers = summary_json(cli)["markers"]
    assert labels(markers["drift"])["story.shared"] == "not sharing the writer's recovery story"
    assert "story.shared" not in labels(markers["identity"])


def test_export_lists_flipped_drift_markers_under_identity(
    cli: CLI, add: Callable[..., int]
) -> None:
    add(FLIPPED_TO_IDENTITY)
    markers = summary_json(cli)["markers"]
    assert labels(markers["identity"]) == {
        "voice.defer_avoid": "not deferring or keeping quiet",  # one thing (round 38)
        "story.withheld": "not holding the writer's story back",
    }
    assert markers["drift"] == []


def test_review_of_such_a_summary_shows_the_negated_label(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    add(FLIPPED)
    file = tmp_path / "summary.json"
    ok(cli("export", "--yes", "--format", "json", "-o", str(file)))
    out = flat(ok(cli("review", str(file))))
    assert "not sharing the writer's recovery story (Recovery story): 1 time in 1 entry" in out


def test_report_what_changed_names_a_flipped_marker_as_its_negation(
    cli: CLI, add: Callable[..., int]
) -> None:
    # (each 20 times: round 41 compares windows of 300 scored words or more)
    add(" ".join([BEFORE] * 35), "--date", "2026-08-01")  # in the previous 12 weeks
    add(" ".join([FLIPPED] * 20))
    out = ok(cli("report"))
    assert "Recovery story: not sharing your recovery story (drift)" in out
    assert "Voice: deferring, keeping quiet (drift)" in out
    changes = json.loads(ok(cli("report", "--json")))["changes"]
    rows = {c["id"]: c for c in changes if c["kind"] == "marker"}
    assert rows["story.shared"]["negated"] is True
    assert rows["story.shared"]["polarity"] == "drift"
    # the marker's own name, as the summary's markers; the dimension's beside it (round 38)
    assert rows["story.shared"]["label"] == "not sharing your recovery story"
    assert rows["story.shared"]["dimension_label"] == "Recovery story"
    assert rows["voice.defer_avoid"]["negated"] is False


def test_report_dimension_lists_a_flipped_marker_as_its_negation(
    cli: CLI, add: Callable[..., int]
) -> None:
    add(FLIPPED)
    add("I shared my own recovery story with him.", "--date", "2026-11-19")
    out = ok(cli("report", "--dimension", "story"))
    table = out.split("Marker", 1)[1].splitlines()
    assert [row.split() for row in table if "sharing" in row] == [
        ["not", "sharing", "your", "recovery", "story", "drift", "1", "0"],
        ["sharing", "your", "recovery", "story", "identity", "1", "0"],
    ]
    detail = json.loads(ok(cli("report", "--json", "--dimension", "story")))["dimension"]
    assert detail["markers"] == [
        {"marker": "story.shared", "polarity": "drift", "negated": True, "count": 1,
         "previous": 0},
        {"marker": "story.shared", "polarity": "identity", "negated": False, "count": 1,
         "previous": 0},
    ]


def test_drift_view_says_a_flipped_hit_counts_and_a_dropped_one_does_not(
    cli: CLI, add: Callable[..., int]
) -> None:
    """The key says "negated (not counted)": a flipped hit's flag must not say the same."""
    flipped = flat(ok(cli("drift", str(add(FLIPPED)))))
    # (", also learned)" since round 26: the learned part found the same words)
    assert "“share my story” (negated, counts as drift" in flipped
    identity = flat(ok(cli("drift", str(add(FLIPPED_TO_IDENTITY)))))
    assert "“stay quiet” (negated, counts as peer identity)" in identity
    # advice is dropped when negated: not counted, and flagged as before
    dropped = flat(ok(cli("drift", str(add("I didn't tell her what to do. I kept quiet.")))))
    assert "(negated)" in dropped
    assert "counts as" not in dropped


def test_supervision_prep_marks_a_flipped_phrase_as_negated(
    cli: CLI, add: Callable[..., int]
) -> None:
    add(FLIPPED)
    out = ok(cli("supervision", "prep"))
    assert "      “share my story” (negated, counts as drift) – Recovery story" in out
    assert "      “kept quiet” – Voice" in out
    [entry] = json.loads(ok(cli("supervision", "prep", "--json")))["most_drift_evidence"]
    negated = {p["text"]: p["negated"] for p in entry["phrases"]}
    assert negated == {"kept quiet": False, "share my story": True}


def test_markers_stored_before_negated_was_kept_read_as_not_negated(
    cli: CLI, add: Callable[..., int], isolated: Path
) -> None:
    """A stored marker list of [marker, dimension, polarity, times] (until `drift --rescore`
    rewrites it) still reads; without any list, the markers are read from the hits."""
    entry = add(FLIPPED)
    with sqlite3.connect(isolated / "journal.db") as conn:
        (text,) = conn.execute("SELECT drift_summary FROM entry WHERE id = ?", (entry,)).fetchone()
        summary = json.loads(text)
        assert ["story.shared", "story", "drift", 1, True] in summary[4]
        summary[4] = [marker[:4] for marker in summary[4]]
        conn.execute(
            "UPDATE entry SET drift_summary = ? WHERE id = ?", (json.dumps(summary), entry)
        )

    def story_markers() -> list[dict[str, Any]]:
        report = json.loads(ok(cli("report", "--json", "--dimension", "story")))
        markers: list[dict[str, Any]] = report["dimension"]["markers"]
        return markers

    old = {"marker": "story.shared", "polarity": "drift", "count": 1, "previous": 0}
    assert story_markers() == [{**old, "negated": False}]
    assert "- sharing the writer's recovery story (Recovery story)" in ok(cli("export", "--yes"))
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("UPDATE entry SET drift_summary = json_remove(drift_summary, '$[4]')")
    assert story_markers() == [{**old, "negated": True}]
    assert "- not sharing the writer's recovery story (Recovery story)" in ok(
        cli("export", "--yes"))
