"""Round 24: a practice done to the writer ("being told what to do when I was on the ward") is
someone else's, shown as others' framing; the writer's own telling, and a note's passive about
another person (which may hide the writer as its doer), still count."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import CLI
from test_drift_r23 import scored


def advice(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [h for h in data["hits"] if h["dimension"] == "advice" and h["polarity"] == "drift"]


@pytest.mark.parametrize(
    "text",
    [
        "It reminds me of being told what to do when I was on the ward myself.",
        "I hated being told what to do when I was unwell, so I asked what she wanted.",
        "For years I was told what to do by every service I met.",
        "I've been told what to do by every service, and I said so to him.",
        "She hated getting told what to do, and so did I when I was in the unit.",
    ],
)
def test_being_told_what_to_do_is_others_framing(cli: CLI, text: str) -> None:
    data = scored(cli, text)
    hits = advice(data)
    assert hits, "the phrase is still shown"
    assert all(h["attributed"] and not h["counted"] for h in hits)
    assert data["verdict"] != "drift"


@pytest.mark.parametrize(
    "text",
    [
        "I was telling him what to do again before I noticed.",
        "I told him what to do about his benefits.",
        "Resident B was told what to do about the house rules twice tonight.",
        "He was being told what to do all shift and I joined in.",
    ],
)
def test_the_writers_telling_and_a_notes_passive_still_count(cli: CLI, text: str) -> None:
    hits = advice(scored(cli, text))
    assert hits and any(h["counted"] and not h["attributed"] for h in hits)


def test_the_key_shows_only_where_the_text_is_marked(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    # piped (or TERM=dumb), no phrase is marked: a key to the marks would explain nothing
    text = "I told him what to do and then I listened to him."
    piped = cli("drift", "--text", text)
    assert piped.exit_code == 0 and "“told him what to do”" in piped.stdout
    assert "Key to the marks" not in piped.stdout
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    shown = cli("drift", "--text", text)
    # (round 43: "Key to the marks in the text:", each style in words)
    assert "Key to the marks in the text:" in shown.stdout and "\x1b[" in shown.stdout


def test_the_view_says_what_learned_means_where_it_lists_a_learned_phrase(cli: CLI) -> None:
    note = "(learned): a word that leaned that way in example entries"
    learned = cli("drift", "--text", "Long night. I gave her the crisis line number tonight.")
    assert "(learned)" in learned.stdout.replace(note, "")
    assert note in " ".join(learned.stdout.split())
    curated = cli("drift", "--text", "I shared my story with him.")
    assert "(learned)" not in curated.stdout
