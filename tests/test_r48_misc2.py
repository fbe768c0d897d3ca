"""Round 48, fix_misc2: feelings named in the Feelings part's questions; summaries' weeks
before the journal began; supervision history's scale and item names; prep's too-few line;
Ctrl-D at the self-check; a late SIGTERM after `list`; a damaged journal's `export --json`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, CTRL_D, SRC, Keys
from peerjournal.supervision import load_items
from test_damaged_journal_r29 import garbage, journal, root_page, said
from test_supervision_qa import N, stored

BOUD_QUESTION = (
    "## Experience\nWe met.\n\n## Feelings\n### If one feeling is still in the way, what is "
    "it? <!-- id: obstructing_feeling -->\n{}\n"
)


def _write(cli: CLI, text: str, *extra: str) -> None:
    result = cli("write", "--stdin", *extra, input=text)
    assert result.exit_code == 0, result.stderr


# -- 1. the answers to the Feelings part's questions are feelings too ----------------------------


def test_a_feeling_named_at_the_obstructing_question_counts_in_report(cli: CLI) -> None:
    """Was: with_feelings 0, feelings [] (only the Feelings part was read)."""
    _write(cli, BOUD_QUESTION.format("shame, anxious"))
    report = json.loads(cli("report", "--json").stdout)
    assert report["with_feelings"] == 1
    assert {f["id"] for f in report["feelings"]} == {"shame", "fear"}


def test_the_part_and_its_question_count_one_entry_once(cli: CLI) -> None:
    _write(cli, BOUD_QUESTION.replace("We met.\n\n## Feelings\n",
                                      "We met.\n\n## Feelings\nAshamed at first.\n")
           .format("still some shame"))
    report = json.loads(cli("report", "--json").stdout)
    assert report["with_feelings"] == 1
    shame = next(f for f in report["feelings"] if f["id"] == "shame")
    assert shame["entries"] == 1


def test_an_answer_under_evaluation_is_no_feeling(cli: CLI) -> None:
    """Only the questions a set asks under Feelings: boud's do_differently is not one."""
    _write(cli, "## Experience\nWe met.\n\n## Evaluation\n### Appropriation: what do you now "
                "own; what will you do differently? <!-- id: do_differently -->\nLess shame.\n")
    report = json.loads(cli("report", "--json").stdout)
    assert report["with_feelings"] == 0 and report["feelings"] == []


def test_the_mentor_summary_counts_them_too(cli: CLI, tmp_path: Path) -> None:
    """The summary's alerts read the same feelings (`report_rows`, not `report_stats`)."""
    for day in ("2026-11-16", "2026-11-17", "2026-11-18"):
        _write(cli, BOUD_QUESTION.format("shame"), "--again", "--date", day)
    out = tmp_path / "summary.json"
    assert cli("export", "-y", "-o", str(out)).exit_code == 0
    alerts = json.loads(out.read_text(encoding="utf-8"))["alerts"]
    assert any("“Shame / embarrassed” feelings came up in 3" in a["message"] for a in alerts)


# -- 2. a summary's weeks before the journal's first entry ---------------------------------------


def _summary(cli: CLI, tmp_path: Path, fmt: str, *extra: str) -> str:
    out = tmp_path / f"summary.{fmt}"
    result = cli("export", "-y", "--since", "2026-10-26", "-o", str(out), *extra)
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_weeks_before_the_first_entry_are_one_period_that_says_so(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    """Was: the weeks of 26 Oct and 2 Nov as periods of 0 entries (a journal begun 9 Nov)."""
    add("I shared my story.", "--date", "2026-11-09")
    add("I shared my story again.", "--date", "2026-11-18")
    periods = json.loads(_summary(cli, tmp_path, "json"))["periods"]
    assert periods[0] == {**periods[0], "start": "2026-10-26", "end": "2026-11-08",
                          "entries": 0, "before_journal": True}
    assert [p["start"] for p in periods[1:]] == ["2026-11-09", "2026-11-16"]
    assert not any("before_journal" in p for p in periods[1:])
    markdown = _summary(cli, tmp_path, "md", "--force")
    assert "| 2026-10-26 – 2026-11-08 | before the journal began | – | – | – |" in markdown


def test_a_quiet_week_after_the_first_entry_still_reads_0(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    add("I shared my story.", "--date", "2026-10-27")
    add("I shared my story again.", "--date", "2026-11-18")
    periods = json.loads(_summary(cli, tmp_path, "json"))["periods"]
    assert not any(p.get("before_journal") for p in periods)
    assert [p["entries"] for p in periods] == [1, 0, 0, 1]


def test_review_reads_the_period_before_the_journal(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    add("I shared my story.", "--date", "2026-11-09")
    _summary(cli, tmp_path, "json")
    result = cli("review", str(tmp_path / "summary.json"))
    assert result.exit_code == 0, result.stderr
    assert "not begun" in result.stdout


# -- 3. supervision history: the scale and the items in words ------------------------------------


def _answers(tmp_path: Path, score: int) -> str:
    path = tmp_path / f"answers{score}.json"
    path.write_text(json.dumps({i.id: score for i in load_items()}), encoding="utf-8")
    return str(path)


def test_history_says_the_scale_and_names_items_in_words(cli: CLI, tmp_path: Path) -> None:
    """Was: "Each answer is a score of 5 (1 low)" and "scope policies", "self worth"."""
    for score in (2, 4):
        assert cli("supervision", "check", "--answers", _answers(tmp_path, score)).exit_code == 0
    text = cli("supervision", "history").stdout
    assert "Answers are scored 1 (low) to 5 (high), oldest first." in text
    assert "score of 5" not in text
    for name in ("Clear role policies", "Secure and proud", "Asked for peer work"):
        assert any(line.split("  ")[0].strip() == name for line in text.splitlines()), name
    assert "scope policies" not in text and "self worth" not in text


def test_every_shipped_item_has_a_short_name_that_fits_40_columns() -> None:
    items = load_items()
    assert all(item.short and len(item.name) <= 20 for item in items)
    assert len({item.name for item in items}) == len(items)


# -- 4. prep's too-few line after a supervision today --------------------------------------------


def test_prep_right_after_done_names_what_it_compares(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "1 entry in this period and 0 in the day before it", with 11 entries written
    before the supervision."""
    for day in range(1, 12):
        add("I shared my story with him.", "--date", f"2026-11-{day:02d}")
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-20T10:00:00+00:00")
    assert cli("supervision", "done").exit_code == 0
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-20T15:00:00+00:00")
    add("We talked after my supervision.")
    text = " ".join(cli("supervision", "prep").stdout.split())
    assert "in the day before it" not in text
    assert ("Too few entries to say what moved: 1 entry since your supervision on 20 Nov "
            "2026, and 0 from 19 Nov 2026 to that supervision (it takes 3 on each side).") in text


# -- 5. Ctrl-D at the self-check is a stop for now, as q is --------------------------------------


def test_ctrl_d_exits_0_as_q_does(cli: CLI, keys: Callable[..., Keys]) -> None:
    for stop in ("q", CTRL_D):
        keys("4", "", stop)
        result = cli("supervision", "check")
        assert result.exit_code == 0, (stop, result.stderr)
        assert "End of input" not in result.stderr


def test_ctrl_d_keeps_the_answers(cli: CLI, keys: Callable[..., Keys], store: Any) -> None:
    keys("4", "", "2", "held back", CTRL_D)
    result = cli("supervision", "check")
    assert result.exit_code == 0
    assert f"Kept 2 of {N} answers" in result.stderr
    [(answers, complete)] = stored(store)
    assert complete == 0 and len(answers) == 2


# -- 6. a late SIGTERM after `list`'s whole output -----------------------------------------------


def test_list_keeps_exit_0_after_a_sigterm_once_its_output_is_whole(
    add: Callable[..., int], isolated: Path
) -> None:
    """Was: 130 and "Interrupted." in 100 of 100 runs (`list` of a 60-entry journal)."""
    for n in range(3):
        add(f"Entry {n}: I sat with Sam and we talked about his week at the drop-in.")
    command = [sys.executable, "-m", "peerjournal", "list"]
    env = {**os.environ, "PYTHONPATH": SRC, "NO_COLOR": "1"}
    whole = subprocess.run(command, env=env, capture_output=True, timeout=60, check=True).stdout
    codes = []
    for _ in range(3):
        run = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert run.stdout is not None
        got = b""
        while len(got) < len(whole) and (chunk := os.read(run.stdout.fileno(), 65536)):
            got += chunk
        run.send_signal(signal.SIGTERM)
        rest, err = run.communicate(timeout=60)
        assert got + rest == whole
        codes.append((run.returncode, b"Interrupted" in err))
    assert codes == [(0, False)] * 3


# -- 7. a damaged journal's export --json says the damage ----------------------------------------


def test_export_json_of_a_damaged_journal_says_the_damage(
    cli: CLI, add: Callable[..., int], isolated: Path, tmp_path: Path
) -> None:
    path = journal(add, isolated)
    garbage(path, root_page(path, "entry_fts_data"))
    for extra in ((), ("--json",)):
        out = tmp_path / f"summary{len(extra)}.md"
        result = cli("export", "-y", *extra, "-o", str(out))
        assert result.exit_code == 0, result.stderr
        assert said(result.stderr).count(f"The journal at {path} is damaged") == 1, extra
