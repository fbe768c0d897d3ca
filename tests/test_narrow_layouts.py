"""Layouts on narrow terminals, and snippets that span a line break.

1. `review` shows a summary's self-check as blocks at narrow widths (each score before its
   statement, the note beneath), not as a table squeezed to a word or two a line.
2. `list` (and `trash`) on a tiny terminal still show the start of what was written: a block
   per entry (ID, date and drift, then up to two lines of the experience).
3. `highlighted_snippet` keeps the space where a line break meets a highlighted word.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.text import Text

from conftest import CLI
from peerjournal.render.entries import highlighted_snippet

Add = Callable[..., int]

# ------------------------------------------------------------------ 1. review's self-check

NOTES = {"story": "Easier this month after the ward round",
         "focus": "Mostly strengths, but the handover pulled me toward diagnoses again"}


def _summary_with_check(cli: CLI, add: Add, tmp_path: Path) -> tuple[str, list[dict[str, str]]]:
    """A summary exported with --with-check, and the items it holds."""
    add("We walked to the housing office together and I shared my own story.")
    items = json.loads(cli("supervision", "check", "--list-items", "--json").stdout)
    answers = {item["id"]: {"score": n % 5 + 1, "note": NOTES.get(item["id"], "")}
               for n, item in enumerate(items)}
    answers_path = tmp_path / "answers.json"
    answers_path.write_text(json.dumps(answers), encoding="utf-8")
    assert cli("supervision", "check", "--answers", str(answers_path)).exit_code == 0
    summary = tmp_path / "summary.json"
    result = cli("export", "--yes", "-f", "json", "--with-check", "-o", str(summary))
    assert result.exit_code == 0, result.stderr
    return str(summary), json.loads(summary.read_text(encoding="utf-8"))["selfcheck"]["items"]


def _self_check_part(out: str) -> list[str]:
    """The self-check section, line by line, under its heading (piped: no panel borders)."""
    lines = out.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("Self-check"))
    start = next(n for n in range(start, len(lines)) if lines[n].endswith(")")) + 1  # (date)
    end = next(n for n in range(start, len(lines)) if not lines[n])
    return [line.rstrip() for line in lines[start:end]]


@pytest.mark.parametrize("columns", ["40", "30", "20"])
def test_review_stacks_the_self_check_on_a_narrow_terminal(
    cli: CLI, add: Add, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    path, items = _summary_with_check(cli, add, tmp_path)
    monkeypatch.setenv("COLUMNS", columns)
    result = cli("review", path)
    assert result.exit_code == 0, result.stderr
    assert all(len(line) <= int(columns) for line in result.stdout.splitlines())
    part = _self_check_part(result.stdout)
    assert "Score" not in " ".join(part[0].split())  # blocks, not the table's header
    flat = " ".join(" ".join(part).split())
    for item in items:
        # the score first, then the statement, then its note: none of them cut
        shown = f"score {item['score']} of 5 {item['text']}"
        if item["note"]:
            shown += f" note: {item['note']}"
        if int(columns) >= 40:
            assert shown in flat, shown
        else:  # a word longer than the column is folded: every letter is still there
            assert shown.replace(" ", "") in flat.replace(" ", "").replace("…", ""), shown
    # the statement and note wrap under the statement's start, not under the score
    first = next(n for n, line in enumerate(part) if line.startswith("score 1 of 5 "))
    assert part[first + 1].startswith("    ") and part[first + 1].strip()
    if int(columns) == 40:
        assert part[first] == "score 1 of 5 When it could help someone,", part  # (no border)


def test_review_keeps_the_self_check_table_where_it_fits(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    path, _ = _summary_with_check(cli, add, tmp_path)
    part = _self_check_part(cli("review", path).stdout)  # COLUMNS=100
    assert part[0].startswith("The writer's own statements")  # whose words these are
    part = part[next(n for n, line in enumerate(part) if line.startswith("Item")):]
    assert part[0].split() == ["Item", "Score", "Note"]
    row = next(line for line in part if " 1 of 5 " in line)  # (under Score: "1 of 5")
    assert "score 1 of 5" not in row
    assert row.startswith("When it could help someone") and "Easier this month" in row


# ------------------------------------------------------------------ 2. list on a tiny terminal

LONG = ("Short visit with Dee at her flat. We planned her week together and she chose the "
        "order of the calls herself, which mattered to her.")


@pytest.mark.parametrize("columns", ["20", "30", "37"])
def test_list_on_a_tiny_terminal_shows_some_of_the_experience(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    long_id = add(LONG, "--setting", "community")
    short_id = add("Quick chat.")
    monkeypatch.setenv("COLUMNS", columns)
    result = cli("list")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(len(line) <= int(columns) for line in lines)
    # round 41: a verdict too wide beside the date goes under it (every entry's), not left out
    below = [n for n, line in enumerate(lines)
             if line.strip() in ("not enough signal", "leans peer")]
    assert len(below) == (2 if columns == "20" else 0), lines
    lines = [line for n, line in enumerate(lines) if n not in below]
    assert lines[0].split()[:2] == [str(short_id), "2026-11-20"]
    assert lines[1].rstrip() == "  Quick chat."
    assert lines[2].split()[:2] == [str(long_id), "2026-11-20"]
    assert lines[3] == "  community"  # r36: the setting on a line of its own, not left out
    body = lines[4:6]
    assert all(line.startswith("  ") for line in body) and len(lines) == 6
    shown = " ".join(" ".join(body).split())
    assert shown.endswith("…") and LONG.startswith(shown[:-1].rstrip())
    assert len(shown) > int(columns)  # two lines of it, not one
    assert re.search(r"\w…$", shown) or shown.endswith(".…")  # cut at a word


def test_list_keeps_the_table_while_the_experience_fits_beside_the_date(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(LONG)
    monkeypatch.setenv("COLUMNS", "46")  # the Drift column says "leans peer", as `show` does
    out = cli("list").stdout
    # r36: no line of spaces above the table when not on a terminal (the header was line 1)
    assert out.splitlines()[0].split() == ["ID", "Date", "Drift", "Experience"]
    assert "Short vis" in out


def test_trash_on_a_tiny_terminal_says_when_and_what(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = add("The housing panel was cancelled again today.")
    assert cli("delete", str(gone)).exit_code == 0
    monkeypatch.setenv("COLUMNS", "20")
    lines = cli("trash").stdout.splitlines()
    assert lines[0].split()[:2] == [str(gone), "2026-11-20"]
    # round 41: under the date, where it does not fit beside
    assert lines[1] == "  not enough signal"
    assert " ".join(" ".join(lines[2:]).split()).startswith("trashed 2026-11-20 The housing")


# ------------------------------------------------------------------ 3. snippets over a line break


def _highlighted(text: Text) -> list[str]:
    return [text.plain[s.start : s.end] for s in text.spans if "reverse" in str(s.style)]


@pytest.mark.parametrize(
    ("snippet", "plain", "marked"),
    [
        ("Our \x02Tenancy\x03\npapers arrived", "Our Tenancy papers arrived", ["Tenancy"]),
        ("the panel\n\n\x02Tenancy\x03 papers", "the panel Tenancy papers", ["Tenancy"]),
        ("our \x02Tenancy\x03  \n  \x02papers\x03 came", "our Tenancy papers came",
         ["Tenancy", "papers"]),
        ("a \x02housing\noffice\x03 visit", "a housing office visit", ["housing office"]),
        ("\n\x02Tenancy\x03 papers\n", "Tenancy papers", ["Tenancy"]),
        ("no  break \x02here\x03", "no  break here", ["here"]),  # as before: kept as written
    ],
)
def test_a_line_break_beside_a_highlight_reads_as_a_space(
    snippet: str, plain: str, marked: list[str]
) -> None:
    text = highlighted_snippet(snippet, ("\x02", "\x03"))  # any two marks the index puts
    assert text.plain == plain
    assert _highlighted(text) == marked
