"""Round 29: review of a summary with many shared entries. A whole journal's (20,000) took
27 s and printed nothing until the end; the text now shows the latest 50 shared entries (and
things the writer will do differently) and says how many earlier ones it leaves out; `--all`
shows every one, and `--json` always has them all."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from test_summary import sample_summary

SHOWN = 50
NOTE = ("The latest 50 of 300 shared entries are shown; the 250 earlier ones, from 26 Oct 2026 "
        "to 16 Nov 2026, are not: `peerjournal review --all` shows every one.")


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines long enough to hold each sentence whole."""
    monkeypatch.setenv("COLUMNS", "200")


def _day(n: int, of: int) -> str:
    """The nth of `of` items' date, spread over the sample's period (26 Oct to 20 Nov)."""
    return (date(2026, 10, 26) + timedelta(days=n * 26 // of)).isoformat()


def many(shared: int = 300, intentions: int = 1) -> dict[str, Any]:
    """The sample summary with `shared` shared entries ("Shared number N."), oldest first as an
    export lists them, and `intentions` things to do differently ("Intention N.")."""
    s = sample_summary()
    entry = s["shared_entries"][0]
    s["shared_entries"] = [
        {**entry, "date": _day(n, shared), "experience": f"Shared number {n}."}
        for n in range(shared)
    ]
    s["intentions"] = [{"date": _day(n, intentions), "text": f"Intention {n}."}
                       for n in range(intentions)]
    s["periods"][1]["entries"] = shared  # the periods add up to the entries, as exported
    s["entries"].update(total=shared + 1, shared=shared, scored=shared + 1)
    return s


def _review(cli: CLI, tmp_path: Path, summary: dict[str, Any], *options: str) -> str:
    path = tmp_path / "many.json"
    path.write_text(json.dumps(summary), encoding="utf-8")
    result = cli("review", *options, str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return str(result.stdout)


def _numbers(out: str) -> list[int]:
    """The shared entries shown, by number, in order."""
    return [int(line.split()[-1].rstrip(".")) for line in out.splitlines()
            if line.startswith("Shared number ")]


def test_the_latest_entries_are_shown_and_the_rest_counted(cli: CLI, tmp_path: Path) -> None:
    out = _review(cli, tmp_path, many())
    assert _numbers(out) == list(range(250, 300))
    assert f"Shared entries\n{NOTE}\n\nShared entry: {_day(250, 300)}" in out
    # the top sections are whole: the glance counts every entry
    assert "and 300 shared entries." in out
    assert "Trend by week" in out and "Self-check (2026-11-19)" in out


def test_all_shows_every_entry_as_the_default_shows_the_latest(cli: CLI, tmp_path: Path) -> None:
    every = _review(cli, tmp_path, many(), "--all")
    assert _numbers(every) == list(range(300))
    assert "are not:" not in every
    latest = _review(cli, tmp_path, many())
    tail = every[every.rindex("Shared entry: ", 0, every.index("Shared number 250.")):]
    assert latest.endswith(tail)  # the 50 entries drawn alike, line for line
    head = latest.index("Shared entries\n")
    assert latest[:head] == every[:every.index("Shared entry: ")]


def test_json_is_always_complete(cli: CLI, tmp_path: Path) -> None:
    for options in ((), ("--all",)):
        merged = json.loads(_review(cli, tmp_path, many(intentions=120), "--json", *options))
        (summary,) = merged["summaries"]
        assert len(summary["summary"]["shared_entries"]) == 300
        assert len(summary["summary"]["intentions"]) == 120


def test_intentions_too_are_the_latest_with_the_rest_counted(cli: CLI, tmp_path: Path) -> None:
    out = _review(cli, tmp_path, many(intentions=120))
    section = out[out.index("What the writer will do differently"):out.index("Self-check")]
    assert section.splitlines()[1] == (
        "The latest 50 of 120 are shown; the 70 earlier ones, from 26 Oct 2026 to 9 Nov 2026, "
        "are not: `peerjournal review --all` shows every one."
    )
    shown = [line for line in section.splitlines() if line.startswith("• ")]
    assert shown[0].endswith("Intention 70.") and shown[-1].endswith("Intention 119.")
    assert len(shown) == SHOWN
    every = _review(cli, tmp_path, many(intentions=120), "--all")
    assert "Intention 0." in every and "are not:" not in every


@pytest.mark.parametrize("shared", [1, SHOWN])
def test_a_summary_of_up_to_50_is_shown_whole(cli: CLI, tmp_path: Path, shared: int) -> None:
    out = _review(cli, tmp_path, many(shared, intentions=SHOWN))
    assert _numbers(out) == list(range(shared))
    assert "Intention 0." in out and "are not:" not in out and "Shared entries\n" not in out


def test_the_same_on_a_colour_terminal(cli: CLI, tmp_path: Path, colour_terminal: None) -> None:
    """Piped or on a terminal, the same entries: the note is in a panel of its own."""
    out = _review(cli, tmp_path, many())
    assert out.count("Shared entry: ") == SHOWN
    assert "╭─ Shared entries ─" in out and NOTE in out


def test_a_shown_entry_is_still_made_safe(cli: CLI, tmp_path: Path) -> None:
    summary = many()
    summary["shared_entries"][-1]["experience"] = "Shared number 299.\x1b[2J\u202e"
    out = _review(cli, tmp_path, summary)
    assert "\x1b" not in out and "\u202e" not in out
    assert "Shared number 299.\\x1b[2J\\u202e" in out
