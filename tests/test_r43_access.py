"""Round 43, access: a blind peer supporter (screen reader and braille display; NO_COLOR,
TERM=dumb, 40 columns) and a colleague with dyslexia (50 columns). Meaning is never carried by
marks alone; one rule decides plain output for every command (a "-" rule, words for marks);
a terminal under the C locale keeps the writer's words; `list` and `trash` never cut a
setting or a tag;
`drift` names each phrase's side, says its key in words, and writes "-" for minus."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from test_supervision_cli import all_answers, answers_file

SRC = str(Path(__file__).parents[1] / "src")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
BLOCKS = set("▁▂▃▄▅▆▇█")
Add = Callable[..., int]


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def two_check_ins(cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two finished self-checks: every item 5, then every item 1."""
    for day, answers in (("2026-10-01", all_answers(5)), ("2026-11-10", all_answers(1))):
        monkeypatch.setenv("PEERJOURNAL_NOW", f"{day}T18:00:00+00:00")
        ok(cli("supervision", "check", "--answers", answers_file(tmp_path, answers)))
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-20T18:30:00+00:00")


def row_of(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if line.strip().startswith(name))


# -- supervision history: numbers and words, not a sparkline ---------------------------------


def test_history_piped_says_the_answers_in_words_under_a_plain_rule(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: a Unicode rule, sparklines, "→" and "self_worth", piped and with TERM=dumb."""
    two_check_ins(cli, tmp_path, monkeypatch)
    text = ok(cli("supervision", "history")).stdout
    assert not BLOCKS & set(text) and "─" not in text and "→" not in text
    assert " ----" in text and "1st to now" in text
    assert row_of(text, "Secure and proud").split()[3:8] == ["5,", "1", "5", "to", "1"]


def test_history_says_an_item_not_answered_in_a_check_in() -> None:
    """An item the form gained after a check-in: "no answer" piped, not a blank or a dash."""
    from datetime import UTC, datetime

    from rich.console import Console

    from peerjournal.render.supervision import HistoryTable
    from peerjournal.supervision import History, ItemHistory, SelfCheck, load_items

    item = load_items()[0]
    check = SelfCheck(1, datetime(2026, 10, 1, tzinfo=UTC), {}, True)
    history = History((check, check), (ItemHistory(item, (None, 4)),), ())
    console = Console(width=100, color_system=None)
    with console.capture() as plain:
        console.print(HistoryTable(history, ascii_only=False))
    row = row_of(plain.get(), "Drawing on my story").split()
    assert row[4:10] == ["no", "answer,", "4", "4", "to", "4"], row


def test_history_at_a_colour_terminal_gives_numbers_beside_the_arrow(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, colour_terminal: None
) -> None:
    two_check_ins(cli, tmp_path, monkeypatch)
    text = ANSI.sub("", ok(cli("supervision", "history")).stdout)
    assert not BLOCKS & set(text) and "─" in text  # (styled: the light rule as before)
    assert row_of(text, "Secure and proud").split()[3:8] == ["5", "1", "5", "to", "1"]


def test_history_at_40_columns_keeps_each_item_s_lines_under_it(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    two_check_ins(cli, tmp_path, monkeypatch)
    ok(cli("supervision", "done", "--note",
           "Talked about handovers and the drift weeks on Elm ward with my mentor"))
    monkeypatch.setenv("COLUMNS", "40")
    lines = ok(cli("supervision", "history")).stdout.splitlines()
    assert all(len(line) <= 40 for line in lines)
    at = lines.index("Secure and proud")
    assert lines[at + 1:at + 3] == ["  Answers: 5, 1", "  1st to now: 5 to 1"]
    # a note that wraps stays beside its date, not back at the margin as a new item
    note = lines.index("Supervisions") + 1
    assert lines[note].startswith("  #1  20 Nov 2026  Talked about")
    assert all(line.startswith(" " * 19) for line in lines[note + 1:]), lines[note:]


def test_list_items_and_people_list_piped_have_a_plain_rule(cli: CLI) -> None:
    """Was: "────" under the header, piped."""
    ok(cli("people", "add", "Sam"))
    for args in (("supervision", "check", "--list-items"), ("people", "list")):
        out = ok(cli(*args)).stdout
        assert "─" not in out and out.splitlines()[1].strip("- ") == "", out


def test_the_check_summary_says_each_answer_of_the_scale(cli: CLI, tmp_path: Path) -> None:
    """Was: "4  My attention went to…", the 4 read as the item's number."""
    out = ok(cli("supervision", "check", "--answers", answers_file(tmp_path, all_answers(4))))
    assert "4 of 5  When it could help someone" in out.stdout


# -- prep: the weekly drift in numbers beside its marks --------------------------------------


@pytest.mark.parametrize("columns", ["80", "40"])
def test_prep_at_a_colour_terminal_says_the_weekly_drift_in_numbers_too(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch, colour_terminal: None, columns: str
) -> None:
    """Was: "Drift by week from 26 Oct 2026: ▁▁█▁" and nothing a screen reader can say."""
    add("I told him he should take his meds.", "--date", "2026-11-10")
    monkeypatch.setenv("COLUMNS", columns)
    lines = ANSI.sub("", ok(cli("supervision", "prep")).stdout).splitlines()
    at = next(n for n, line in enumerate(lines) if "Drift by week" in line)
    assert BLOCKS & set(lines[at])
    said = " ".join(" ".join(lines[at + 1:at + 4]).split())
    assert said.startswith("no entries for 2 weeks, 37.5, no entries (per 100 words)"), said
    assert not BLOCKS & set(said)
    assert all(len(line) <= int(columns) for line in lines)


# -- list and trash: a setting or a tag is never cut -------------------------------------------


SETTINGS_AND_TAGS = (("community", "1to1,hard-conversation"), ("inpatient", "handover,ward-round"),
                     ("supervision", "supervision"))


def _tagged_entries(add: Add) -> list[int]:
    return [add(f"We met and talked about the week, entry {n}.", "-s", setting, "-t", tags)
            for n, (setting, tags) in enumerate(SETTINGS_AND_TAGS)]


@pytest.mark.parametrize("command", ["list", "trash"])
def test_list_and_trash_never_cut_a_setting_or_a_tag_at_any_width(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """Was: "commun…", "1to1, hard-…" between about 66 and 85 columns."""
    ids = _tagged_entries(add)
    if command == "trash":
        for entry_id in ids:
            ok(cli("delete", str(entry_id)))
    # whole, or a tag wider than its column broken after a hyphen ("hard-" / "conversation")
    words = {w for setting, tags in SETTINGS_AND_TAGS
             for w in re.findall(r"\w+", f"{setting} {tags}")}
    for columns in range(40, 121, 3):
        monkeypatch.setenv("COLUMNS", str(columns))
        out = ok(cli(command)).stdout
        assert not re.search(r"\w… {2}", out), out  # no cell but the last is cut
        shown = set(re.findall(r"\w+", out))
        assert words <= shown, (columns, out)
        assert all(len(line) <= columns for line in out.splitlines()), (columns, out)


def test_list_keeps_its_table_where_every_setting_and_tag_fits(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tagged_entries(add)
    monkeypatch.setenv("COLUMNS", "100")
    out = ok(cli("list")).stdout
    assert out.split()[:6] == ["ID", "Date", "Setting", "Tags", "Drift", "Experience"]
    assert all(f" {word}" in out for word in ("1to1,", "hard-conversation", "ward-round"))


LONG = "community mental health drop-in"
MANY_TAGS = "ward,night-shift,handover,hard-day,self-care"


@pytest.mark.parametrize("columns", [80, 100, 130])
def test_one_long_setting_or_many_tags_wrap_in_their_row_not_the_whole_list(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """Was (f580f88): one such entry turned every entry of the list into a 3-4 line block."""
    _tagged_entries(add)
    add("Drop-in with Sam, the housing forms.", "-s", LONG, "-t", "housing")
    add("Long shift on the ward.", "-s", "inpatient", "-t", MANY_TAGS)
    for n in range(15):
        add(f"A short visit, number {n}.", "-s", "community", "-t", "1to1")
    monkeypatch.setenv("COLUMNS", str(columns))
    lines = ok(cli("list", "--limit", "0")).stdout.splitlines()
    assert lines[0].split() == ["ID", "Date", "Setting", "Tags", "Drift", "Experience"]
    # a row an entry, and a few more lines for the long ones (not a block of 3-4 lines each)
    assert len([line for line in lines if line.split()[0].isdigit()]) == 20
    # round 47: "not enough signal" (as `drift` names it, was "too little") may wrap in its
    # column at 80, a second line of the row: not counted as the long ones' extra lines
    wrapped = [line for line in lines if line.strip() == "signal"]
    assert len(lines) - len(wrapped) <= 2 + 20 + 10, lines
    flat = " ".join(" ".join(lines).split())
    assert all(word in flat for word in re.findall(r"[\w-]+", LONG + " " + MANY_TAGS))
    assert all(len(line) <= columns for line in lines)


def test_a_table_at_a_terminal_has_no_blank_line_before_or_after_it(
    cli: CLI, add: Add, colour_terminal: None
) -> None:
    """Was: a line of 100 spaces above the header and below the last row, read as "blank"."""
    _tagged_entries(add)
    lines = ANSI.sub("", ok(cli("list")).stdout).splitlines()
    assert lines[0].split()[0] == "ID" and lines[-1].strip()
    assert not [line for line in lines if line and not line.strip()]


# -- drift: sides, the key and the minus in words ---------------------------------------------

BOTH = ("I felt ten feet tall at the start but then felt useless and out of my depth. Later I "
        "told him he needs to take his meds.")


def test_drift_at_a_colour_terminal_says_its_key_in_words(
    cli: CLI, colour_terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = " ".join(ANSI.sub("", ok(cli("drift", "--text", BOTH)).stdout).split())
    # NO_COLOR (the tests' own): the styles that show, no colours
    assert ("Key to the marks in the text: peer identity (bold); drift (bold, underlined); "
            "others' framing, not counted (italic);") in out
    assert "identity: “felt ten feet tall”" in out and "Balance -" in out and "−" not in out
    monkeypatch.delenv("NO_COLOR")
    coloured = " ".join(ANSI.sub("", ok(cli("drift", "--text", BOTH)).stdout).split())
    assert "peer identity (bold, green); drift (bold, red, underlined)" in coloured


# -- the C locale at a terminal: the writer's words as written ------------------------------


def _on_a_terminal(*args: str, **env: str) -> str:
    """`peerjournal ARGS` with stdout and stderr on a pseudo-terminal 80 columns wide, in a
    colour terminal's environment, with `env` (the locale) and no other locale settings."""
    controller, terminal = os.openpty()
    child = {k: v for k, v in os.environ.items()
             if k not in ("LC_ALL", "LC_CTYPE", "LANG", "PYTHONUTF8", "PYTHONIOENCODING")}
    child.update(PYTHONPATH=SRC, TERM="xterm-256color", COLUMNS="80", **env)
    process = subprocess.Popen([sys.executable, "-m", "peerjournal", *args],
                               stdin=subprocess.DEVNULL, stdout=terminal, stderr=terminal,
                               env=child, close_fds=True)
    os.close(terminal)
    out = b""
    try:
        while chunk := os.read(controller, 65536):
            out += chunk
    except OSError:  # the child is gone and has closed the terminal
        pass
    finally:
        os.close(controller)
    assert process.wait(timeout=60) == 0, out
    return ANSI.sub("", out.decode("utf-8", "replace"))


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("env", [
    {"LANG": "C"},
    {"LANG": "C", "LC_ALL": "C"},
    {"LANG": "POSIX"},
    {},  # no locale set at all
    {"LANG": "en_US.UTF-8"},  # asked for, and not installed (a container)
    {"LANG": "C.UTF-8"},
    {"LANG": "C", "PYTHONUTF8": "1"},
])
def test_a_terminal_under_any_locale_shows_the_writer_s_words_as_written(
    add: Add, env: dict[str, str]
) -> None:
    """Was (f580f88): under LANG=C, LC_ALL=C or no locale, "“I’m fine…”" shown as
    "\"I'm fine~\"", "·" as "/": Python writes UTF-8 there, and so does peerjournal, its
    own lines too (as before that commit)."""
    words = "Zoë said “I’m fine…” — then nothing. We sat • quietly · for a while → then."
    entry_id = add(words, "-t", "ward")
    shown = " ".join(_on_a_terminal("show", str(entry_id), **env).split())
    assert " ".join(words.split()) in " ".join(shown.replace("│", " ").split()), shown
    out = _on_a_terminal("list", **env)
    assert "─" in out and "|" not in out and "+--" not in out, out  # never Rich's grid


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_an_ascii_terminal_s_list_has_a_light_rule_not_a_grid(add: Add) -> None:
    """Was: "+----+", and "|" between every cell, read as "vertical line" seven times."""
    add("Café with Zoë, and what she wants next.", "-s", "community", "-t", "1to1")
    out = _on_a_terminal("list", LANG="C.UTF-8", PYTHONIOENCODING="ascii")
    lines = out.splitlines()
    assert "|" not in out and "+--" not in out and set(lines[1].strip()) == {"-"}, out
    assert "Cafe with Zoe" in out
