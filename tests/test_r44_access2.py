"""Round 44, access (second pass, after QA of ad1cd33): the report's "In words" say which weeks
they cover when the marks above show fewer, one layout for every dimension's line; `supervision
history` a line an item at a 40-column colour terminal, "no answer" in colour as piped, "1st to
now" the latest check-in's answer; `people list`'s wrapped lines indented; `--help` at 40
columns: one usage indent, folded examples that still paste as one command."""

from __future__ import annotations

import re
import shlex
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.console import Console

from conftest import CLI
from peerjournal.render.supervision import HistoryTable
from peerjournal.supervision import History, ItemHistory, SelfCheck, load_items
from test_r43_access import two_check_ins
from test_r44_access import _dimensions, _weeks, helped, ok, styled_out

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


# -- report: the numbers in words ---------------------------------------------------------------


def _twelve_weeks(cli: CLI) -> None:
    """An entry a week for 12 weeks: more weeks than the Dimensions' marks show at 40."""
    for week in range(12):
        day = f"2026-{9 + (week + 14) // 30:02d}-{(week * 7 + 14) % 30 + 1:02d}"
        ok(cli("write", "-x", "I shared my own story and we laughed together.", "--date", day))


def test_report_words_under_fewer_marks_name_the_weeks_they_cover(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, colour_terminal: None
) -> None:
    """Was: "In words, per 100 words over these weeks" under marks headed "the last 8 weeks",
    the numbers being the whole report's."""
    _twelve_weeks(cli)
    monkeypatch.setenv("COLUMNS", "40")
    dims = " ".join(_dimensions(styled_out(cli, "report")).split())
    shown = re.search(r"the last (\d+) weeks", dims)
    weeks = re.search(r"per 100 words over the (\d+) weeks of the report", dims)
    assert shown and weeks, dims
    assert int(shown.group(1)) < int(weeks.group(1))
    assert "over these weeks" not in dims


def test_report_words_with_every_mark_shown_say_these_weeks(
    cli: CLI, colour_terminal: None
) -> None:
    _weeks(cli)
    dims = " ".join(_dimensions(styled_out(cli, "report")).split())
    assert "In words, per 100 words over these weeks" in dims and "of the report" not in dims


@pytest.mark.parametrize("columns", [50, 62])
def test_report_dimension_lines_share_one_layout(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """Was, at 50 columns piped: "Mutuality: identity 1.19 rising, drift 0.10 steady" on one
    line and the next dimension split into three, by its label's length alone."""
    _weeks(cli)
    monkeypatch.setenv("COLUMNS", str(columns))
    lines = _dimensions(ok(cli("report")).stdout).splitlines()[3:]  # after its heading
    labels = [line for line in lines if re.match(r"[A-Z][\w -]*:", line)]
    assert len(labels) >= 3, lines
    whole = [bool(re.search(r": identity .*, drift ", line)) for line in labels]
    assert len(set(whole)) == 1, labels
    assert all(len(line) <= columns for line in lines)


# -- supervision history ------------------------------------------------------------------------


def _history(*scores: tuple[int | None, ...], width: int, colour: bool) -> str:
    items = load_items()
    check = SelfCheck(1, datetime(2026, 10, 1, tzinfo=UTC), {}, True)
    rows = tuple(ItemHistory(item, s) for item, s in zip(items, scores, strict=False))
    console = Console(width=width, force_terminal=colour,
                      color_system="standard" if colour else None)
    with console.capture() as captured:
        console.print(HistoryTable(History((check,) * len(scores[0]), rows, ())))
    return ANSI.sub("", captured.get())


def test_history_at_40_colour_columns_is_a_line_an_item(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, colour_terminal: None
) -> None:
    """Was: 3 lines an item ("self worth" / "Answers: 5 1" / "1st to now: 5 to 1") once the
    header "1st to now" made the table one column too wide."""
    two_check_ins(cli, tmp_path, monkeypatch)
    monkeypatch.setenv("COLUMNS", "40")
    lines = styled_out(cli, "supervision", "history").splitlines()
    assert lines[1:3] == ["Answers are scored 1 (low) to 5 (high),", "oldest first."]  # (r48)
    assert lines[3].split() == ["Item", "Answers", "1st", "to", "now"]
    row = next(line for line in lines if line.startswith("Secure and proud"))
    assert row.split() == ["Secure", "and", "proud", "5", "1", "5", "to", "1"]
    assert "  5 to 1" in row  # two spaces: "1 5 to 1" would read as one more answer
    assert all(len(line) <= 40 for line in lines)


def test_history_four_check_ins_at_40_keep_answers_apart_from_1st_to_now() -> None:
    lines = _history(*[(5, 4, 3, 2)] * 22, width=40, colour=True).splitlines()
    assert len(lines) == 24 and all(len(line) <= 40 for line in lines)
    row = next(line for line in lines if line.startswith("Questioning coercion"))
    assert row.rstrip() == "Questioning coercion 5 4 3 2  5 to 2"


def test_history_piped_at_40_columns_keeps_its_blocks(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Plain text (a braille display) keeps each number on a line that names it."""
    two_check_ins(cli, tmp_path, monkeypatch)
    monkeypatch.setenv("COLUMNS", "40")
    lines = ok(cli("supervision", "history")).stdout.splitlines()
    at = lines.index("Secure and proud")
    assert lines[at + 1:at + 3] == ["  Answers: 5, 1", "  1st to now: 5 to 1"]


@pytest.mark.parametrize("colour", [True, False], ids=["colour", "piped"])
def test_history_says_no_answer_alike_and_now_is_the_latest_check_in(colour: bool) -> None:
    """Was: "5 none 5" in colour, "5, no answer, 5" piped; and "1st to now: 5 to 1" when the
    latest check-in had no answer (1 being an older one's)."""
    out = _history((5, 1, None), (4, None, 2), width=100, colour=colour)
    assert "none" not in out
    sep = " " if colour else ", "
    story = next(line for line in out.splitlines()
                 if line.strip().startswith("Drawing on my story"))
    assert f"5{sep}1{sep}no answer" in story and "no answer   5 to no answer" in story
    mutuality = next(line for line in out.splitlines()
                     if line.strip().startswith("Learning alongside"))
    assert f"4{sep}no answer{sep}2" in mutuality and "2   4 to 2" in mutuality


def test_history_blocks_say_now_had_no_answer() -> None:
    lines = _history((5, 1, None), width=30, colour=False).splitlines()
    assert lines[:3] == ["Drawing on my story", "  Answers: 5, 1, no answer",
                         "  1st to now: 5 to no answer"]


# -- people list --------------------------------------------------------------------------------


@pytest.mark.parametrize("colour", [True, False], ids=["colour", "piped"])
def test_people_list_wrapped_lines_hang_under_their_person(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, colour: bool
) -> None:
    """Was, at 40 columns: "Sam, shown as [person] (added" / "2026-12-07)", the date alone at
    the margin where a new person starts."""
    if colour:
        monkeypatch.setenv("FORCE_COLOR", "1")
        monkeypatch.setenv("TERM", "xterm-256color")
    for name in ("Sam", "Kofi Mensah-Ababio", "Mary-Jane O'Sullivan-Fitzgerald"):
        ok(cli("people", "add", name))
    monkeypatch.setenv("COLUMNS", "40")
    lines = styled_out(cli, "people", "list").splitlines()
    starts = [line for line in lines if not line.startswith("  ")]
    assert [line.split(",")[0] for line in starts] == [
        "Kofi Mensah-Ababio", "Mary-Jane O'Sullivan-Fitzgerald", "Sam"]
    assert len(lines) > len(starts)  # some wrapped, each under its person
    assert all(len(line) <= 40 for line in lines)
    joined = " ".join(" ".join(lines).split())
    assert "Sam, shown as [person] (added 2026-" in joined


# -- --help at 40 columns -----------------------------------------------------------------------


@pytest.mark.parametrize("args", [["supervision", "undo"], ["people", "add"], ["edit"],
                                  ["prompts", "show"]])
def test_help_usage_at_40_columns_has_one_indent_and_no_trailing_space(args: list[str]) -> None:
    """Was: "Usage: peerjournal supervision undo " / "           [OPTIONS] [ID]" (Click's
    11 columns) beside "Usage: peerjournal edit [OPTIONS]" / "       {ID...}"."""
    lines = helped(*args, width=38).splitlines()
    assert lines[0].startswith(f"Usage: peerjournal {' '.join(args)}")
    assert lines[0] == lines[0].rstrip()
    assert lines[1].startswith("       ") and not lines[1].startswith("        ")
    assert "[OPTIONS]" in lines[0] + lines[1]


@pytest.mark.parametrize("args", [["export"], ["edit"], ["write"], ["drift"], ["review"]])
def test_help_examples_folded_at_40_columns_still_paste_as_one_command(args: list[str]) -> None:
    """Was: "peerjournal export --full -o" / "  backup.json": pasted, two commands."""
    wide = helped(*args, width=78)
    examples = {line.strip() for line in wide.splitlines()
                if line.strip().startswith("peerjournal ")}
    lines = helped(*args, width=38).splitlines()
    assert all(len(line) <= 38 for line in lines)
    commands, current = [], ""
    for line in lines:
        if current or line.strip().startswith("peerjournal "):
            current += line.strip()
            if current.endswith(" \\"):
                current = current[:-1]
                continue
            commands.append(current)
            current = ""
    assert any(line.endswith(" \\") for line in lines), args
    assert examples <= set(commands), examples - set(commands)
    assert all(shlex.split(command)[0] == "peerjournal" for command in commands)


def test_help_with_room_is_unchanged_by_folding() -> None:
    assert " \\\n" not in helped("export", width=78)
    assert "    peerjournal export --full -o backup.json" in helped("export", width=78)
