"""The writer's flow, QA round 24: prep just after a supervision, a mistyped setting, a line
cut off by Ctrl-C, and one name for each drift verdict."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, CTRL_C, CTRL_D, Keys
from peerjournal.cli import guided
from test_qa18_writer import entries
from test_write_robust_r23 import _ctrl_c_after

CLINICAL = "I told him he should take his medication and assessed his symptoms for the nurse."
PEER = "We sat together and I shared my own story of recovery; we walked to the shop together."
# after the setting and the experience: feelings, an optional question, evaluation, an optional
# question, tags, self-care (each skipped or ended with Enter), then "Save this entry?"
REST = ["", "", "", "", "", "", "", "y"]


def drafts(home: Path) -> list[Path]:
    folder = home / "drafts"
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


# -- 1. prep just after `supervision done` -------------------------------------------------------


def at(monkeypatch: pytest.MonkeyPatch, moment: str) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", moment)


def test_prep_minutes_after_supervision_asks_nothing_about_a_gap(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "No entries on 5 Dec 2026, after 1 entry on 4 Dec 2026. What made writing hard to
    fit in…?" five minutes after supervision, with two entries dated 5 Dec."""
    at(monkeypatch, "2026-12-05T07:30:00+00:00")
    add("Walked to the shop together.", "--date", "yesterday")
    add("Sat with people in the lounge, listened.")
    add("Sat with Bo in the garden, we talked about music.")
    at(monkeypatch, "2026-12-05T09:00:00+00:00")
    assert cli("supervision", "done", "--note", "x").exit_code == 0
    at(monkeypatch, "2026-12-05T09:05:00+00:00")
    shown = cli("supervision", "prep")
    assert shown.exit_code == 0, shown.stderr
    assert "No entries in this period." in shown.stdout  # (entries of the morning: talked about)
    assert "No entries on" not in shown.stdout
    assert "hard to fit in" not in shown.stdout
    assert json.loads(cli("supervision", "prep", "--json").stdout)["alerts"] == []


def test_prep_asks_about_a_quiet_fortnight_from_the_supervision(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-12-05T07:30:00+00:00")
    add("Sat with people in the lounge, listened.")
    at(monkeypatch, "2026-12-05T09:00:00+00:00")
    cli("supervision", "done")
    at(monkeypatch, "2026-12-18T09:00:00+00:00")  # 13 days: not yet
    assert json.loads(cli("supervision", "prep", "--json").stdout)["alerts"] == []
    at(monkeypatch, "2026-12-19T09:00:00+00:00")
    alerts = json.loads(cli("supervision", "prep", "--json").stdout)["alerts"]
    assert alerts == [
        "No entries since your supervision on 5 Dec 2026, 14 days ago. What made writing hard "
        "to fit in, and is there a moment from then you would like to return to?"
    ]
    assert "No entries on" not in cli("supervision", "prep").stdout


def test_a_journal_with_nothing_written_yet_is_not_asked_why(cli: CLI) -> None:
    result = cli("supervision", "prep", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["alerts"] == []


# -- 2. a mistyped setting -----------------------------------------------------------------------


def test_guided_prompt_questions_a_near_miss_and_enter_takes_the_suggestion(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("inpateint", "", "A quiet shift in the lounge.", "", *REST)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "'inpateint' is new: did you mean inpatient? [Y/n]" in result.stderr
    assert entries(cli)[0]["setting"] == "inpatient"


def test_guided_prompt_n_keeps_the_new_setting_and_it_is_not_asked_again(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("inpateint", "maybe", "n", "A quiet shift.", "", *REST)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "Please answer y (use 'inpatient') or n (keep 'inpateint')." in result.stderr
    assert entries(cli)[0]["setting"] == "inpateint"
    keys("inpateint", "Another shift.", "", *REST)  # used now: a setting of the journal's own
    result = cli("write")
    assert result.exit_code == 0 and "did you mean" not in result.stderr
    assert [e["setting"] for e in entries(cli)] == ["inpateint", "inpateint"]


def test_guided_prompt_knows_the_settings_the_journal_uses(
    cli: CLI, add: Callable[..., int], keys: Callable[..., Keys]
) -> None:
    add("A walk.", "--setting", "Day Centre")
    keys("day centr", "", "A quiet shift.", "", *REST)
    result = cli("write")
    assert "'day centr' is new: did you mean Day Centre? [Y/n]" in result.stderr
    assert entries(cli)[-1]["setting"] == "Day Centre"


def test_a_new_setting_or_another_spelling_of_a_known_one_is_not_questioned(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    for setting in ("hospice", "Inpatient", "GROUP"):
        keys(setting, "A quiet shift.", "", *REST)
        result = cli("write")
        assert result.exit_code == 0 and "did you mean" not in result.stderr


def test_ctrl_c_or_ctrl_d_at_the_question_keeps_what_was_typed(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    keys("inpateint", CTRL_C)
    result = cli("write")
    assert result.exit_code == 130 and "Your words are kept as draft " in result.stderr
    [draft] = drafts(isolated)
    assert json.loads(draft.read_text("utf-8"))["entry"]["setting"] == "inpateint"
    # resumed, Enter keeps the setting, and the question comes again: Ctrl-D is no answer
    keys("", CTRL_D, "A quiet shift.", "", *REST)
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("did you mean inpatient?") == 1
    assert entries(cli)[0]["setting"] == "inpateint"


def test_setting_option_saves_as_typed_and_says_how_to_change_it(cli: CLI) -> None:
    result = cli("write", "-s", "inpateint", "-x", "A quiet shift, I sat with people.")
    assert result.exit_code == 0 and result.stdout == "1\n"
    assert (
        "Setting 'inpateint' is new; did you mean 'inpatient'? Change it with "
        "`peerjournal edit 1 --setting inpatient`.\n"
    ) in result.stderr
    assert entries(cli)[0]["setting"] == "inpateint"
    result = cli("write", "-s", "emergency departmnet", "-x", "Another.")
    assert "peerjournal edit 2 --setting 'emergency department'" in result.stderr
    result = cli("write", "-s", "inpateint", "-x", "A third.")  # in the journal now
    assert result.exit_code == 0 and "did you mean" not in result.stderr


def test_setting_option_with_a_known_setting_says_nothing(cli: CLI) -> None:
    result = cli("write", "-s", "Inpatient", "-x", "A quiet shift.")
    assert result.exit_code == 0 and "did you mean" not in result.stderr


# -- 3. a line cut off by Ctrl-C, resumed ----------------------------------------------------------


def cut_off_at(monkeypatch: pytest.MonkeyPatch, cli: CLI, typed: list[str], cut: str) -> None:
    """A guided session that Ctrl-C ends with `cut` on the line (as readline keeps it)."""
    with monkeypatch.context() as patch:
        _ctrl_c_after(patch, typed, cut)
        assert cli("write").exit_code == 130


def test_resume_carries_on_the_cut_off_line_without_a_line_break(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, keys: Callable[..., Keys]
) -> None:
    """Was: 'I felt proud that he listened to my sto' + a new line 'ry.'"""
    cut_off_at(monkeypatch, cli, ["community", "We sat in the garden."],
               "I felt proud that he listened to my sto")
    keys("ry.", "", *REST)
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert "I felt proud that he listened to my sto\n(your last line, above, was cut off" in (
        result.stderr
    )
    assert entries(cli)[0]["experience"] == (
        "We sat in the garden.\nI felt proud that he listened to my story."
    )
    assert drafts(isolated) == []


def test_enter_keeps_the_cut_off_line_and_ends_the_answer(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, keys: Callable[..., Keys]
) -> None:
    cut_off_at(monkeypatch, cli, ["community"], "We talked about music")
    keys("", *REST)
    assert cli("write", "--resume").exit_code == 0
    assert entries(cli)[0]["experience"] == "We talked about music"


def test_ctrl_c_again_keeps_the_cut_off_line_for_the_next_resume(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, keys: Callable[..., Keys]
) -> None:
    cut_off_at(monkeypatch, cli, ["community"], "We talked about mus")
    keys(CTRL_C)
    assert cli("write", "--resume").exit_code == 130
    keys("ic.", "", *REST)
    assert cli("write", "--resume").exit_code == 0
    assert entries(cli)[0]["experience"] == "We talked about music."


class FakeReadline(types.ModuleType):
    """readline as `input()` uses it: the startup hook runs as the line begins, and what it
    inserts is on the line, for the keys typed after it to carry on."""

    def __init__(self) -> None:
        super().__init__("readline")
        self.hook: Callable[[], None] | None = None
        self.buffer = ""

    def set_startup_hook(self, hook: Callable[[], None] | None = None) -> None:
        self.hook = hook

    def insert_text(self, text: str) -> None:
        self.buffer += text

    def get_line_buffer(self) -> str:
        return self.buffer


def test_through_readline_the_cut_off_line_is_typed_back_in_to_edit(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    cut_off_at(monkeypatch, cli, ["community"], "We talked about mus")
    fake = FakeReadline()
    typed = iter(["ic.", "", *REST])
    shown: list[str] = []

    def input_(prompt: str = "") -> str:
        fake.buffer = ""
        if fake.hook is not None:
            fake.hook()
        shown.append(fake.buffer)
        return fake.buffer + next(typed)

    monkeypatch.setitem(sys.modules, "readline", fake)
    monkeypatch.setattr("builtins.input", input_)
    monkeypatch.setattr(guided.LineReader, "for_stdin", classmethod(lambda cls: cls(True)))
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert "cut off: it is back on the line below" in result.stderr
    assert shown[0] == "We talked about mus" and set(shown[1:]) == {""}  # that line only
    assert entries(cli)[0]["experience"] == "We talked about music."


# -- 4. one name for each verdict ------------------------------------------------------------------


def test_list_names_verdicts_as_show_does(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    clinical, peer = add(CLINICAL), add(PEER)
    assert "Drift: leans clinical" in cli("show", str(clinical)).stdout
    assert "Drift: leans peer" in cli("show", str(peer)).stdout
    for columns in ("100", "80", "50"):
        monkeypatch.setenv("COLUMNS", columns)
        shown = cli("list").stdout
        rows = {line.split()[0]: line for line in shown.splitlines() if line.strip()}
        assert "leans clinical" in rows[str(clinical)] and "leans peer" in rows[str(peer)]
        assert max(len(line) for line in shown.splitlines()) <= int(columns)
    assert [e["drift"] for e in entries(cli)] == ["drift", "identity"]  # --json: unchanged


# -- the review before "Save this entry?" (QA r24 finding 7) --------------------------------------


@pytest.mark.parametrize("width", [50, 80, 120])
@pytest.mark.parametrize("styled", [True, False])
def test_the_review_keeps_each_part_on_its_line_at_any_width(width: int, styled: bool) -> None:
    from datetime import date

    from rich.console import Console

    from peerjournal.entry import EntryDraft
    from peerjournal.render.writing import Review

    long = "Tired. A bit ashamed I pushed the meds thing. I felt proud that he listened to me."
    draft = EntryDraft(date=date(2026, 12, 2), experience=long * 3, feelings=long,
                       answers={"q": long})
    # styled: a panel; plain (a pipe, TERM=dumb, since round 25): its title on a line
    console = Console(width=width, record=True, color_system="standard" if styled else None)
    console.print(Review(draft))
    lines = console.export_text().splitlines()
    if styled:
        assert len(lines) == 2 + 9  # the panel's edges, and one line a part
        body = [line[2:] for line in lines[1:-1]]
    else:
        body = [line for line in lines[1:] if line]  # (and a blank line after the section)
        assert lines[0] == "Review" and len(body) == 9
    assert all(len(line) <= width for line in lines)
    assert all(b.split()[0] in ("Date", "Setting", "Mode", "Tags", "Experience", "Feelings",
                                "Evaluation", "Answers", "Self-care") for b in body)
    assert body[4].startswith("Experience Tired. A bit ashamed") and "…" in body[4]
