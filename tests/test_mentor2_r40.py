"""Round 40, mentor2: others' words and past events are not the writer's notes-to-self; a
"too little" summary keeps its balance (older peerjournals still read it) and every reader
that knows `too_little` says "too little" instead of it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.exporters import common
from peerjournal.intentions import evaluation_intentions
from peerjournal.reviewing import headline, writers


@pytest.mark.parametrize("text", [
    "Keep taking your meds, the nurse said again.",
    "Try harder next time, my manager told me.",
    "Tell me later, she said.",
    "See you soon, he said as he left.",
    "Let it go, he told me again.",
    "Text from him again at 2am, I felt drained.",
    "Call from the ward later that night was hard.",
    "See, that is where it went wrong again.",
    "Let myself get pulled into fixing it again.",
    "Message from the ward tomorrow about the bed.",
])
def test_others_words_and_past_events_are_not_plans(text: str) -> None:
    assert evaluation_intentions(text, []) == []


@pytest.mark.parametrize("text", [
    "Ask her what she needs next time.",
    "Call him next week.",
    "Text her tomorrow to see how the move went.",
    "Follow up with him in a week.",
    "Next time I will ask first.",
])
def test_the_writers_own_plans_still_count(text: str) -> None:
    assert evaluation_intentions(text, []) == [text]


def test_a_plan_beside_reported_speech_is_kept_alone() -> None:
    text = "Keep taking your meds, the nurse said. Ask her what she needs next time."
    assert evaluation_intentions(text, []) == ["Ask her what she needs next time."]


TINY = "I listened."


def _too_little_summary(cli: CLI, add: Callable[..., int], fmt: str = "json") -> str:
    add(TINY, "-d", "2026-11-18", "--share")
    result = cli("export", "-f", fmt, "--yes", "--since", "2026-11-01", "--until", "2026-11-30")
    assert result.exit_code == 0, result.stderr
    return str(result.stdout)


def test_a_too_little_summary_keeps_a_balance_readers_hide(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    summary: dict[str, Any] = json.loads(_too_little_summary(cli, add))
    totals = summary["totals"]
    assert totals["too_little"] is True and totals["balance"] == 1.0
    week = next(p for p in summary["periods"] if p["entries"])
    assert week["too_little"] is True and week["balance"] == 1.0
    assert common.balance(week["balance"], week) == "too little"
    assert headline(summary).balance is None
    path = tmp_path / "s.json"
    path.write_text(json.dumps(summary), encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "too little to read a balance from" in out and "+1.00" not in out


def test_md_and_csv_say_too_little_for_the_row(cli: CLI, add: Callable[..., int]) -> None:
    markdown = " ".join(_too_little_summary(cli, add, "md").split())
    assert "| too little |" in markdown and "+1.00" not in markdown
    assert 'shows "too little"' in markdown
    rows = list(csv.DictReader(io.StringIO(str(cli(
        "export", "-f", "csv", "--yes", "--since", "2026-11-01", "--until", "2026-11-30").stdout))))
    assert [r["balance"] for r in rows if r["entries"] != "0"] == ["too little"]


def test_review_between_summaries_says_too_little(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    add("We sat together and I shared my own story of recovery; we learned from each other.",
        "-d", "2026-10-05", "--share")
    add(TINY, "-d", "2026-11-10", "--share")
    files = []
    for name, since, until in (("oct", "2026-10-01", "2026-10-31"),
                               ("nov", "2026-11-01", "2026-11-19")):
        out = tmp_path / f"{name}.json"
        result = cli("export", "--yes", "--from", "Sam", "--since", since, "--until", until,
                     "-o", str(out))
        assert result.exit_code == 0, result.stderr
        files.append(str(out))
    result = cli("review", *files)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "→ too little" in out and "→ –" not in out


def _signed(since: str, until: str, *entries: tuple[str, str]) -> dict[str, Any]:
    return {"writer": "Ellis", "period": {"since": since, "until": until},
            "shared_entries": [{"date": day, "experience": text} for day, text in entries]}


def test_a_shared_entry_groups_one_writers_summaries_before_file_order() -> None:
    """Was: S2 (another writer) joined S1 as first fit, and S3 (S1's writer, sharing an entry
    with it) was set apart."""
    a = [("2026-11-05", "A one."), ("2026-11-24", "A two."), ("2026-12-05", "A three.")]
    b = [("2026-12-03", "B one."), ("2026-12-10", "B two.")]
    s1 = _signed("2026-11-01", "2026-11-30", *a[:2])
    s2 = _signed("2026-12-01", "2026-12-15", *b)
    s3 = _signed("2026-11-20", "2026-12-31", *a[1:])
    assert writers([s1, s2, s3]) == [("ellis", 0), ("ellis", 1), ("ellis", 0)]
    assert writers([s2, s1, s3]) == [("ellis", 0), ("ellis", 1), ("ellis", 1)]
    assert writers([s1, s3]) == [("ellis", 0), ("ellis", 0)]
