"""Round 44 (dates): 1. entries dated after today (written where the date was already tomorrow)
are said by `report --json` and `supervision prep` (text and JSON) as the text `report` says
them, with an `after_today` count in their JSON, and an --until after today is said to be read
as today. 2. `report` names a setting by the spelling most of its entries carry. 3. A
self-check keeps the answer in hand in an answers file until the journal holds it: kill -9 at
its note keeps the score and the words typed."""

from __future__ import annotations

import builtins
import json
import os
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, FIXED_NOW, Keys
from test_r43_durability import _gnu_readline, terminal

TODAY = date(2026, 11, 20)  # conftest.FIXED_NOW
AHEAD = ("1 entry is dated after today (21 Nov 2026: written where the date was already "
         "tomorrow?) and is left out: {what} ends today{read}.")


@pytest.fixture
def written(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """`written(day, setting="")`: an entry written on `day` (the day after today: as in a time
    zone ahead), with that setting."""

    def write(day: str, setting: str = "", text: str = "We walked and talked, I shared my story.",
              ) -> None:
        monkeypatch.setenv("PEERJOURNAL_NOW", f"{day}T12:00:00+00:00")
        result = cli("write", "-x", text, *(["-s", setting] if setting else []))
        assert result.exit_code == 0, result.stderr
        monkeypatch.setenv("PEERJOURNAL_NOW", FIXED_NOW)

    return write


@pytest.fixture
def one_ahead(written: Callable[..., None]) -> None:
    """Two entries up to today, one of them on the ward, and one dated tomorrow."""
    written("2026-11-18")
    written("2026-11-19", "ward")
    written("2026-11-21")


# -- 1. entries dated after today -------------------------------------------------------------


def test_report_json_counts_them_and_says_so_on_stderr(cli: CLI, one_ahead: None) -> None:
    """Was: `report --json` left the entry out with no key and no word."""
    result = cli("report", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["totals"]["entries"] == 2 and data["after_today"] == 1
    assert result.stderr.splitlines() == [AHEAD.format(what="a report", read="")]
    text = cli("report")  # the text report says it as before
    assert text.stderr.splitlines() == [AHEAD.format(what="a report", read="")]


def test_a_window_that_leaves_them_out_anyway_counts_none(cli: CLI, one_ahead: None) -> None:
    for args in (("--until", "yesterday"), ("--setting", "ward")):
        result = cli("report", "--json", *args)
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["after_today"] == 0
        assert result.stderr == ""


def test_an_until_after_today_is_said_to_be_read_as_today(cli: CLI, one_ahead: None) -> None:
    """Was: `--until 2026-11-21` ended the window on 20 Nov without a word."""
    result = cli("report", "--json", "--until", "2026-11-21")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["until"] == "2026-11-20"
    assert result.stderr.splitlines() == [
        AHEAD.format(what="a report", read=" (--until 21 Nov 2026 is read as today)")
    ]
    # none ahead: the README's "no end" (`--until 9999-12-31`) leaves nothing out, not said
    alone = cli("report", "--setting", "ward", "--until", "9999-12-31")
    assert alone.exit_code == 0, alone.stderr
    assert alone.stderr == ""
    period = cli("report", "--until", "this month")  # a period ends today as it is: no word
    assert period.stderr.splitlines() == [AHEAD.format(what="a report", read="")]


def test_an_empty_window_names_them_once(
    cli: CLI, written: Callable[..., None]
) -> None:
    """The word for an empty window names them already: not said twice; --json, which has no
    such word, says the note."""
    written("2026-11-21")
    result = cli("report", "--until", "2026-11-21")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "No entries from 31 Aug 2026 to 20 Nov 2026; yours are all dated after today "
        "(21 Nov 2026).",
        "--until 21 Nov 2026 is read as today (20 Nov 2026): a report ends today.",
    ]
    quiet = cli("report", "--json")
    assert quiet.stderr.splitlines() == [AHEAD.format(what="a report", read="")]
    assert json.loads(quiet.stdout)["after_today"] == 1


def test_prep_says_it_in_text_and_json(cli: CLI, one_ahead: None) -> None:
    """Was: prep said nothing of the entry in either."""
    text = cli("supervision", "prep")
    assert text.exit_code == 0, text.stderr
    assert "2 entries written" in text.stdout
    assert text.stderr.splitlines() == [AHEAD.format(what="prep", read="")]
    data = cli("supervision", "prep", "--json")
    assert data.exit_code == 0, data.stderr
    prep = json.loads(data.stdout)
    assert prep["entries"] == 2 and prep["after_today"] == 1
    assert data.stderr.splitlines() == [AHEAD.format(what="prep", read="")]
    earlier = cli("supervision", "done", "-d", "2026-11-10")
    assert earlier.exit_code == 0, earlier.stderr
    since = json.loads(cli("supervision", "prep", "--json").stdout)  # from that supervision
    assert since["basis"] == "supervision" and since["after_today"] == 1


def test_prep_of_a_period_with_none_but_them_names_them_once(
    cli: CLI, written: Callable[..., None]
) -> None:
    written("2026-11-21")
    text = cli("supervision", "prep")
    assert text.exit_code == 0, text.stderr
    assert "yours are all dated after today (21 Nov 2026)" in " ".join(text.stdout.split())
    assert text.stderr == ""
    data = cli("supervision", "prep", "--json")
    assert json.loads(data.stdout)["after_today"] == 1
    assert data.stderr.splitlines() == [AHEAD.format(what="prep", read="")]


def test_without_them_nothing_is_said(cli: CLI, written: Callable[..., None]) -> None:
    written("2026-11-19")
    for command in (["report"], ["report", "--json"], ["supervision", "prep"],
                    ["supervision", "prep", "--json"]):
        result = cli(*command)
        assert result.exit_code == 0, result.stderr
        assert "after today" not in result.stderr, command
    assert json.loads(cli("supervision", "prep", "--json").stdout)["after_today"] == 0


def test_several_are_counted_up_to_the_latest(cli: CLI, written: Callable[..., None]) -> None:
    written("2026-11-19")
    written("2026-11-21")
    written("2026-11-22")
    result = cli("report", "--json")
    assert json.loads(result.stdout)["after_today"] == 2
    assert result.stderr.splitlines() == [
        "2 entries are dated after today (up to 22 Nov 2026: written where the date was "
        "already tomorrow?) and are left out: a report ends today."
    ]


# -- 2. a setting as most entries spell it ------------------------------------------------------


WARD = "Ysbyty Gwynedd – ward ŵ"


def test_report_names_a_setting_as_most_entries_spell_it(
    cli: CLI, written: Callable[..., None]
) -> None:
    """Was: "ysbyty gwynedd – ward ŵ", the group's lower-case key."""
    written("2026-11-16", WARD)
    written("2026-11-17", WARD.lower())
    written("2026-11-18", WARD)
    written("2026-11-19")
    result = cli("report")
    assert result.exit_code == 0, result.stderr
    assert WARD in result.stdout and WARD.lower() not in result.stdout
    assert "unspecified" in result.stdout
    data = json.loads(cli("report", "--json").stdout)
    key = WARD.lower()  # the group's key stays as it was (`list -s` takes it)
    assert data["settings"][key]["entries"] == 3  # its numbers keep their shape
    assert data["setting_names"] == {key: WARD, "unspecified": "unspecified"}
    detail = cli("report", "-d", "story")
    assert WARD in detail.stdout and WARD.lower() not in detail.stdout


def test_of_two_spellings_as_common_the_one_written_last_names_it(
    cli: CLI, written: Callable[..., None]
) -> None:
    """As `tags` names a tag: the writer's spelling now."""
    written("2026-11-16", "CRISIS team")
    written("2026-11-17", "Crisis Team")
    data = json.loads(cli("report", "--json").stdout)
    assert data["setting_names"]["crisis team"] == "Crisis Team"
    written("2026-11-18", "CRISIS team")  # written last, and now the most common too
    data = json.loads(cli("report", "--json").stdout)
    assert data["setting_names"]["crisis team"] == "CRISIS team"


def test_the_database_and_python_count_the_same_spellings(
    cli: CLI, written: Callable[..., None], store: object
) -> None:
    """`report_stats` (SQL) and `stats_from_rows` (the summary's) name the settings alike."""
    from peerjournal.db.stats import report_rows, report_stats
    from peerjournal.drift import DIMENSIONS
    from peerjournal.trends import previous_window, setting_names, stats_from_rows

    written("2026-11-16", "Café")
    written("2026-11-17", "café")
    written("2026-11-18", "CAFÉ")
    since, until = date(2026, 11, 1), TODAY
    sql = report_stats(store, since, until, "week", dimensions=DIMENSIONS)  # type: ignore[arg-type]
    rows = report_rows(store, previous_window(since, until)[0], until)  # type: ignore[arg-type]
    python = stats_from_rows(rows, since=since, until=until, by="week", dimensions=set(DIMENSIONS))
    assert setting_names(sql.cells) == setting_names(python.cells) == {"café": "CAFÉ"}


# -- 3. kill -9 at the self-check's note -------------------------------------------------------


def _answers_files(home: Path) -> list[Path]:
    return sorted((home / "drafts" / "self-check").glob("answers-*.json"))


def _file_holding(home: Path, wanted: dict[str, Any], seconds: float = 60) -> Path:
    """The answers file that holds `wanted` (waited for: kept as the note is typed)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for path in _answers_files(home):
            try:
                if json.loads(path.read_text(encoding="utf-8")) == wanted:
                    return path
            except (OSError, ValueError):  # (replaced as it was read)
                continue
        time.sleep(0.05)
    raise AssertionError(f"no answers file holds {wanted}: {_answers_files(home)}")


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.skipif(not _gnu_readline(), reason="a pause is seen through GNU readline")
def test_kill_9_at_a_note_keeps_the_score_and_the_words_typed(cli: CLI, isolated: Path) -> None:
    """Was: only the answers before it were in the journal; the score and the note were lost."""
    from peerjournal.supervision import load_items

    first, second = (item.id for item in load_items()[:2])
    given = {first: {"score": 2, "note": ""}}
    with terminal("supervision", "check") as term:
        for keys, echo in ((b"", b"1-5: "), (b"2\r", b"note (Enter to skip): "),
                           (b"\r", b"1-5: "), (b"4\r", b"note (Enter to skip): ")):
            term.seen = b""  # (each step waits for its own prompt)
            term.type(keys, echo)  # the first answer: saved, and its file gone
        _file_holding(isolated, {**given, second: {"score": 4, "note": ""}})
        term.type(b"Half a note about Sam", b"Sam")
        kept = _file_holding(isolated, {**given, second: {"score": 4,
                                                          "note": "Half a note about Sam"}})
        term.kill()
    assert [c["answers"] for c in json.loads(cli("export", "--full").stdout)["self_checks"]] == [
        given
    ]
    saved = cli("supervision", "check", "--answers", str(kept))
    assert saved.exit_code == 0, saved.stderr
    assert "stopped before the journal held" not in saved.stderr  # (the file given: not named)
    assert f"Removed {kept}: its answers are saved." in saved.stderr
    [check] = json.loads(cli("export", "--full").stdout)["self_checks"]
    assert check["answers"][second] == {"score": 4, "note": "Half a note about Sam"}
    assert _answers_files(isolated) == []


def test_the_score_is_kept_before_its_note_is_asked_and_the_file_goes_once_saved(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    from peerjournal.cli import guided
    from peerjournal.supervision import load_items

    first = load_items()[0].id
    seen: list[list[Any]] = []
    lines = iter(["3", "", "q"])

    def typed(prompt: str = "") -> str:
        seen.append([json.loads(p.read_text(encoding="utf-8")) for p in _answers_files(isolated)])
        return next(lines)

    monkeypatch.setattr(builtins, "input", typed)
    monkeypatch.setattr(guided, "more_input_waiting", lambda: False)
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    # at 1-5 nothing; at the note the score; at the next 1-5 nothing (the journal holds it)
    assert seen == [[], [{first: {"score": 3, "note": ""}}], []]
    assert _answers_files(isolated) == []


def test_an_answers_file_left_behind_is_named_at_the_next_check(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    from peerjournal.supervision import load_items

    folder = isolated / "drafts" / "self-check"
    folder.mkdir(parents=True)
    left = folder / "answers-20261120-101500.json"
    left.write_text(json.dumps({load_items()[0].id: {"score": 4, "note": "Half"}}), "utf-8")
    keys("q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert (
        "A self-check stopped before the journal held all its answers: they are kept in "
        f"{left} (`peerjournal supervision check --answers {left}` saves them; delete the file "
        "if they are not wanted)."
    ) in " ".join(result.stderr.split())
    assert left.exists()
