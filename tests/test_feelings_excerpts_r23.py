"""Round 23: one-word feelings in the feelings answer count; a mentor summary quotes each
sentence once, and not a drift sentence as the example of peer identity."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peerjournal.feelings import named_feelings

CLI = Callable[..., Any]


# -- feelings named in one word ---------------------------------------------------------------


def _feelings_report(cli: CLI) -> dict[str, int]:
    result = cli("report", "--since", "2026-11-01", "--json")
    assert result.exit_code == 0, result.stderr
    return {f["id"]: f["entries"] for f in json.loads(result.stdout)["feelings"]}


def test_a_feeling_answered_in_one_word_is_counted(cli: CLI, add: Callable[..., int]) -> None:
    """Was: only tired and fear; "Steady.", "Flat." and "heavy" need a cue such as "felt",
    but the feelings question is the cue."""
    add("Night at the crisis house.", "-f", "Steady. Tired to my bones by 4am.",
        "--date", "2026-11-12")
    add("Back after a week off.", "-f", "Flat.", "--date", "2026-11-13")
    add("Crisis line shift.", "-f", "Scared, heavy afterwards.", "--date", "2026-11-14")
    assert _feelings_report(cli) == {"calm": 1, "tired": 1, "sadness": 2, "fear": 1}
    text = cli("report", "--since", "2026-11-01").stdout
    assert "calm / steady" in text and "sadness / low" in text


def test_everyday_words_in_a_feelings_sentence_still_need_a_cue(
    cli: CLI, add: Callable[..., int]
) -> None:
    add("Home visit.", "-f", "I sat down when I got home, close to the station.",
        "--date", "2026-11-12")
    add("Team meeting.", "-f", "Not steady. I heard her say it.", "--date", "2026-11-13")
    assert _feelings_report(cli) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Steady.", {"calm": 1}),
        ("Flat, heavy.", {"sadness": 2}),
        ("Tired. Steady though.", {"tired": 1, "calm": 1}),
        ("Down again, flat all day.", {"sadness": 2}),
        ("Kind of flat", {"sadness": 1}),
        ("Heard.\nClose to her by the end of it", {"connected": 1}),
        ("Steady, not flat.", {"calm": 1}),
        ("Not steady.", {}),
        ("She was down.", {}),  # hers, not the writer's
        ("I sat down", {}),
        ("close to the station", {}),
        ("At present.", {}),
        ("Down the corridor.", {}),
    ],
)
def test_a_cued_form_counts_when_it_stands_alone(text: str, expected: dict[str, int]) -> None:
    assert dict(named_feelings(text)) == expected


_NO_FEELING = ["sat", "the", "station", "went", "home", "she", "at", "i", "team", "of"]
_WORDS = [*_NO_FEELING, "steady", "flat", "heavy", "down", "close", "heard", "felt", "so", "not",
          "never", "he", "tired", "scared", "calm", "though", "again", "afterwards", "kind",
          "very", "still"]


@settings(max_examples=300, deadline=None)
@given(
    answer=st.lists(st.sampled_from([*_WORDS, ",", ".", "\n"]), max_size=12),
    other=st.lists(st.sampled_from(_NO_FEELING), min_size=1, max_size=6),
)
def test_a_sentence_without_a_feeling_changes_no_count(
    answer: list[str], other: list[str]
) -> None:
    """Adding a sentence that names no feeling, before or after the answer, neither lowers
    nor raises any count: the standalone rule reads a clause, never past its end."""
    text, sentence = " ".join(answer), " ".join(other).capitalize()
    counts = named_feelings(text)
    assert named_feelings(f"{text}. {sentence}.") == counts
    assert named_feelings(f"{sentence}. {text}") == counts


# -- the mentor summary's excerpts ---------------------------------------------------------


JOURNAL = (
    ("2026-11-02", "I felt like a fraud sitting with her."),  # self-doubt, and "sitting with her"
    ("2026-11-03", "I sat with her and listened."),
    # recovery story, learning from each other, their choices: one sentence, three markers
    ("2026-11-04", "I shared how I got through my own dark times and we made a plan she chose."),
    ("2026-11-05", "We learned from each other."),
    ("2026-11-06", "I told her she should take her medication."),  # advice and compliance
    ("2026-11-09", "I reminded him to take his medication."),
    ("2026-11-10", "I shared my own story with him."),
)


def _export(cli: CLI, tmp_path: Path, name: str) -> Path:
    out = tmp_path / name
    result = cli("export", "--yes", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out


def _quotes(cli: CLI, add: Callable[..., int], tmp_path: Path,
            journal: tuple[tuple[str, str], ...] = JOURNAL) -> dict[str, list[str]]:
    for day, text in journal:
        add(text, "--share", "--date", day)
    summary = json.loads(_export(cli, tmp_path, "s.json").read_text())
    return {
        m["label"]: [x["text"] for x in m["excerpts"]]
        for polarity in ("identity", "drift")
        for m in summary["markers"][polarity]
    }


def test_each_sentence_is_quoted_once_and_drift_is_not_an_example_of_identity(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    """Was: "I felt like a fraud sitting with her." under being there with them (and under
    self-doubt); the three-marker sentence under three markers; the advice sentence under
    Advice and Co-optation."""
    assert _quotes(cli, add, tmp_path) == {
        "sharing the writer's recovery story": ["I shared my own story with him."],
        "being there with them": ["I sat with her and listened."],
        "learning from each other": ["We learned from each other."],
        "their choices and hopes": [
            "I shared how I got through my own dark times and we made a plan she chose."
        ],
        "checking compliance": ["I reminded him to take his medication."],
        "telling them what to do": ["I told her she should take her medication."],
        "self-doubt and shame": ["I felt like a fraud sitting with her."],
    }
    md = _export(cli, tmp_path, "s.md").read_text()
    markers = md[md.index("## Peer identity markers"):md.index("## Shared entries")]
    for _, sentence in JOURNAL:
        assert markers.count(sentence) == 1, sentence


def test_a_sentence_counting_for_both_sides_is_quoted_under_drift(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    """With no other sentence, the one that holds both goes to the drift marker; the identity
    marker shows its count without a quote rather than a sentence about self-doubt."""
    quotes = _quotes(cli, add, tmp_path, JOURNAL[:1])
    assert quotes == {
        "being there with them": [],
        "self-doubt and shame": ["I felt like a fraud sitting with her."],
    }


def test_a_marker_keeps_two_quotes_of_its_own(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    """Two sentences of its own are still quoted, earliest first; the sentence that holds
    drift too is left out while there is another."""
    journal = (
        ("2026-11-02", "I felt like a fraud sitting with her."),
        ("2026-11-03", "I sat with her and listened."),
        ("2026-11-04", "We were in it together."),
    )
    quotes = _quotes(cli, add, tmp_path, journal)
    assert quotes["being there with them"] == [
        "I sat with her and listened.", "We were in it together."
    ]
    assert quotes["self-doubt and shame"] == ["I felt like a fraud sitting with her."]


def test_sentences_that_read_the_same_once_redacted_are_quoted_once(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    """Two sentences that differ only in a listed name read the same to the mentor."""
    for name in ("Priya Shah", "Joanne Bell"):
        assert cli("people", "add", name).exit_code == 0
    journal = (
        ("2026-11-02", "I sat with Priya and listened."),
        ("2026-11-03", "I sat with Joanne and listened."),
        ("2026-11-04", "We were in it together."),
    )
    assert _quotes(cli, add, tmp_path, journal) == {
        "being there with them": ["I sat with [person] and listened.", "We were in it together."]
    }
