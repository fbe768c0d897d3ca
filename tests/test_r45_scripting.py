"""Round 45 (leftovers of round 44's qa_scripter): a script's view. `delete --json` and
`restore --json` say which entries were already where the command puts them ("already").
The JSON summary's marker labels say "the writer's", as the Markdown one does. A search for an
emoji says why it finds nothing. `edit` with a terminal editor ($EDITOR=vim) and no terminal is
refused, not started. A PEERJOURNAL_NOW out of the dates peerjournal takes is exit 2; at the
edges of that range every command works or says one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC

Add = Any
STORY = "I shared my recovery story with him today and it helped, my lived experience."
CLINICAL = ("She kept saying her condition, her diagnosis. I told her to comply with treatment "
            "and take her meds.")


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """`peerjournal ARGS` as cron runs it: stdin /dev/null, stdout and stderr pipes."""
    return subprocess.run([sys.executable, "-m", "peerjournal", *args],
                          env={**os.environ, "PYTHONPATH": SRC, **env},
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=120, check=False)


# -- 1. delete / restore --json: "already" -------------------------------------------------------


def _three(add: Add) -> None:
    for n in range(1, 4):
        assert add(f"Shift number {n} at the drop-in.") == n


def test_delete_json_says_which_were_already_in_the_trash(cli: CLI, add: Add) -> None:
    _three(add)
    first = json.loads(cli("delete", "1", "--json").stdout)
    assert first["id"] == 1 and first["already"] is False
    # the entry as `trash --json` lists it, and "already" last
    assert {k: v for k, v in first.items() if k != "already"} == json.loads(
        cli("trash", "--json").stdout)[0]
    assert list(first)[-1] == "already"
    again = cli("delete", "1", "--json")
    assert again.exit_code == 0 and json.loads(again.stdout)["already"] is True
    mixed = json.loads(cli("delete", "1", "2", "--json").stdout)
    assert [(e["id"], e["already"]) for e in mixed] == [(1, True), (2, False)]
    assert all(e["deleted_at"] for e in mixed)  # (deleted_at keeps its meaning: when moved)


def test_restore_json_says_which_were_already_in_the_journal(cli: CLI, add: Add) -> None:
    _three(add)
    assert cli("delete", "1", "2").exit_code == 0
    back = cli("restore", "3", "1", "--json")
    assert back.exit_code == 0
    assert [(e["id"], e["already"]) for e in json.loads(back.stdout)] == [(3, True), (1, False)]
    one = json.loads(cli("restore", "2", "--json").stdout)
    assert one["already"] is False
    assert {k: v for k, v in one.items() if k != "already"} == json.loads(
        cli("show", "2", "--json").stdout)
    assert json.loads(cli("restore", "2", "--json").stdout)["already"] is True
    unknown = cli("restore", "2", "9", "--json")  # (an ID that is nowhere: still 3, no data)
    assert (unknown.exit_code, unknown.stdout) == (3, "")


# -- 2. the JSON summary's labels say "the writer's", as the Markdown summary does ------------


def _export(cli: CLI, tmp_path: Path, fmt: str) -> Path:
    out = tmp_path / f"summary.{fmt}"
    result = cli("export", "-f", fmt, "-o", str(out), "-y", "--since", "2026-11-01")
    assert result.exit_code == 0, result.stderr
    return out


def test_the_json_summary_labels_say_their_as_the_markdown_does(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    for day in ("2026-11-10", "2026-11-17"):
        add(STORY, "--share", "-d", day)
        add(CLINICAL + ' Your condition, "your" words.', "--share", "-d", day)
    summary = json.loads(_export(cli, tmp_path, "json").read_text(encoding="utf-8"))
    labels = [m["label"] for side in summary["markers"].values() for m in side]
    assert "sharing the writer's recovery story" in labels
    assert not any("your" in label.replace('"your condition"', "") for label in labels)
    assert 'illness framing ("your condition")' in labels  # (a quotation left as said)
    markdown = _export(cli, tmp_path, "md").read_text(encoding="utf-8")
    for label in labels:
        assert label in markdown
    # the mentor's review of it, in text and JSON, says the same
    reviewed = cli("review", str(tmp_path / "summary.json"))
    assert reviewed.exit_code == 0 and "sharing the writer's recovery story" in reviewed.stdout
    assert "sharing your" not in reviewed.stdout
    as_json = cli("review", str(tmp_path / "summary.json"), "--json").stdout
    assert "sharing the writer's recovery story" in as_json and "sharing your" not in as_json


# -- 3. a search for an emoji ------------------------------------------------------------------


@pytest.mark.parametrize("query", ["😊", "❤️", "👍🏽", "NOT 😊", '"😊"'])
def test_a_search_for_an_emoji_says_why_it_finds_nothing(
    cli: CLI, add: Add, query: str
) -> None:
    add("Good shift today 😊 we laughed a lot ❤️ 👍🏽")
    for json_out in ([], ["--json"]):
        result = cli("search", query, *json_out)
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr.startswith("peerjournal: Nothing to search for in ")
        assert result.stderr.endswith(": search finds words, not emoji or other symbols; "
                                      "search for a word of the entry instead.\n")
        assert result.stderr.count("\n") == 1


def test_an_emoji_beside_words_is_said_to_be_ignored(cli: CLI, add: Add) -> None:
    add("Good shift today 😊 we laughed a lot.")
    add("A long night on the ward.")
    result = cli("search", "laughed 👩‍⚕️ 😊", "--json")
    assert result.exit_code == 0 and [e["id"] for e in json.loads(result.stdout)] == [1]
    assert result.stderr == (
        "Search ignores 👩‍⚕️ 😊: it finds words, not emoji or other symbols.\n")
    plain = cli("search", ":)")  # (punctuation alone: as before)
    assert plain.exit_code == 1
    assert plain.stderr == "peerjournal: Nothing to search for in ':)': type a word or a phrase.\n"


# -- 4. a terminal editor and no terminal ---------------------------------------------------------


@pytest.mark.parametrize("editor", ["vim", "/usr/bin/vim.basic", "nano -w", "nvim -u NONE"])
@pytest.mark.parametrize("args", [["edit", "1"], ["write", "--editor"]])
def test_a_terminal_editor_without_a_terminal_is_refused(
    cli: CLI, add: Add, editor: str, args: list[str]
) -> None:
    add("Before.")
    done = _run(args, EDITOR=editor, VISUAL="")
    assert (done.returncode, done.stdout) == (2, ""), done.stderr
    assert done.stderr == (
        f"peerjournal: $EDITOR is {editor!r}, which needs a terminal, and standard input is not "
        "one (cron, a pipe, < /dev/null), so it was not started: run this in a terminal, or "
        "give the text as options (-x TEXT) (`write --stdin` reads a new entry from standard "
        "input).\n")
    assert [e["experience"] for e in json.loads(cli("list", "--json").stdout)] == ["Before."]
    assert "no unfinished drafts" in cli("drafts").stderr.lower()


def test_visual_is_named_when_it_is_the_editor(cli: CLI, add: Add) -> None:
    add("Before.")
    done = _run(["edit", "1"], VISUAL="vi", EDITOR="nano")
    assert done.returncode == 2 and done.stderr.startswith("peerjournal: $VISUAL is 'vi', ")


def test_an_editor_that_needs_no_terminal_still_runs_without_one(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """A script as $EDITOR (cron's way to change an entry's text in place) is not refused."""
    add("Before the change.")
    script = tmp_path / "ed.py"
    script.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('Before the change.', 'After it.'))\n",
        encoding="utf-8")
    done = _run(["edit", "1"], EDITOR=f"{sys.executable} {script}", VISUAL="")
    assert done.returncode == 0, done.stderr
    assert json.loads(cli("show", "1", "--json").stdout)["experience"] == "After it."


@pytest.mark.parametrize(("command", "env", "needs"), [
    (["vim"], {}, True), (["vim", "-es", "-c", "wq"], {}, False),
    (["nvim", "--headless"], {}, False),
    (["emacs"], {"DISPLAY": ""}, True), (["emacs"], {"DISPLAY": ":0"}, False),
    (["emacs", "-nw"], {"DISPLAY": ":0"}, True), (["code", "--wait"], {}, False),
    (["sed", "-i", "s/a/b/"], {}, False),
])
def test_which_editors_need_a_terminal(
    monkeypatch: pytest.MonkeyPatch, command: list[str], env: dict[str, str], needs: bool
) -> None:
    from peerjournal.cli.editor import needs_a_terminal

    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert needs_a_terminal(command) is needs


# -- 5. PEERJOURNAL_NOW at and past the ends of the dates peerjournal takes --------------------


@pytest.mark.parametrize("now", ["0001-01-01", "0001-01-01T00:00", "1899-12-31T23:00",
                                 "1900-01-01T00:00+14:00"])
@pytest.mark.parametrize("args", [["list"], ["report", "--json"], ["write", "-x", "A shift."]])
def test_a_clock_out_of_range_is_a_usage_error(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch, now: str, args: list[str]
) -> None:
    """Was: ValueError, exit 70 (year 1), for report, export, prep, write."""
    add()
    monkeypatch.setenv("PEERJOURNAL_NOW", now)
    result = cli(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"peerjournal: PEERJOURNAL_NOW={now!r} is out of range: use a date and time from 1 Jan "
        "1900 to 31 Dec 9999, as for any date; unset it to use the real clock.\n")
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-20T18:30:00+00:00")
    assert len(json.loads(cli("list", "--json").stdout)) == 1  # (nothing was written)


EDGE_COMMANDS = [
    ["list", "--since", "2 weeks ago"], ["list", "--json"], ["report"], ["report", "--json"],
    ["report", "--by", "month"], ["supervision", "prep"], ["supervision", "prep", "--json"],
    ["write", "-x", "A quiet shift at the end of time."],
]


@pytest.mark.parametrize("now", ["1900-01-01", "1900-01-01T00:00-12:00", "9999-12-31T23:59",
                                 "9999-12-31T23:59:59+14:00", "9999-12-31T23:59:59-12:00"])
def test_a_clock_at_the_ends_of_the_range_works_or_says_one_line(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, now: str
) -> None:
    """Was: OverflowError (exit 70) for the mentor export on 31 Dec 9999."""
    add(STORY, "--share")
    monkeypatch.setenv("PEERJOURNAL_NOW", now)
    exports = [["export", "-f", fmt, "-y", "-o", str(tmp_path / f"s.{fmt}")]
               for fmt in ("json", "md")]
    for args in [*EDGE_COMMANDS, *exports]:
        result = cli(*args)
        assert result.exit_code in (0, 1), (args, result.stderr)
        if result.exit_code:
            assert result.stderr.count("\n") == 1 and result.stdout == ""
            assert "out of range" in result.stderr or "after this computer" in result.stderr


def test_a_summary_made_on_the_last_day_can_be_reviewed(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    add(STORY, "--share")
    monkeypatch.setenv("PEERJOURNAL_NOW", "9999-12-31T12:00")
    out = tmp_path / "s.json"
    assert cli("export", "-f", "json", "-y", "-o", str(out)).exit_code == 0
    assert cli("review", str(out)).exit_code == 0


def test_a_self_check_read_on_the_calendars_last_day_is_not_too_late() -> None:
    """Was: OverflowError (exit 70) importing a backup with a self-check on 31 Dec 9999."""
    from datetime import date

    from peerjournal.selfcheck_rules import dated_too_late

    assert not dated_too_late(date.max, date.max)
    assert dated_too_late(date(2026, 11, 23), date(2026, 11, 21))
