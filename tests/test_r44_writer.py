"""Round 44, the guided write's one-line steps and long lines on a dumb terminal:

1. The Setting or Tags asked a second time (after "back" there, or after going back past
   them and on again) typed the value back in to edit, under "your line was cut off" (it was
   not): what was typed joined it ("inpatientcrisis", tag "t2crisis"), and the Up arrow
   brought back "back". Now every visit says what the step holds and starts an empty line.
2. TERM=dumb: readline was told the screen is 2**20 columns wide, and each key cost time in
   the square of the line's length (0.36 s of CPU a key at 25,000 characters).
3. Ctrl-C (or a kill after a pause) while a gone-back setting was retyped lost what it held:
   the draft kept "cri", "inpatient" gone. Now it keeps the value, and the line beside it.
4. "r" at "Save this entry?" said "Setting: none" where the review says "skipped".
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, CTRL_C, Keys
from test_guided_r31 import ctrl_c_after, kept, typed_through_readline
from test_r43_writer_access import (  # noqa: F401 (on_terminal: a fixture)
    AFTER,
    _said,
    _stored,
    _Terminal,
    on_a_terminal,
    on_terminal,
)
from test_write import entries

ENDED = ["", *AFTER, "y"]  # the experience ended, the rest skipped, the entry saved


# -- 1. every visit to the setting or the tags says what it holds -------------------------------


def test_the_setting_asked_again_after_back_there_is_replaced_not_joined(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    """Was: "inpatientcrisis" (the setting typed back in, "your line was cut off")."""
    prefills = typed_through_readline(
        monkeypatch, ["inpatient", "We sat.", "back", "back", "crisis", *ENDED])
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    said = _said(result.stderr)
    assert "there is no question before this one" in said
    assert "Setting (asked again, it holds:) inpatient (Enter keeps it; anything typed " \
           "replaces it; the Up arrow edits it):" in said
    assert "cut off" not in said
    assert set(prefills) == {""}  # (nothing typed back in to join)
    assert entries(cli)[0]["setting"] == "crisis"


def test_the_tags_asked_again_after_going_back_past_them_are_replaced_not_joined(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    """Was: tags t1 and "t2crisis"."""
    # (setting, experience, its end, feelings, its question, evaluation, its question)
    typed_through_readline(monkeypatch, [
        "", "We sat.", "", "", "", "", "", "t1, t2",
        "back",  # at the self-care line: the tags again, "gone back to"
        "back",  # there: the question before them, which Enter leaves empty
        "", "crisis", "", "y",
    ])
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    said = _said(result.stderr)
    assert "Tags (gone back to, it holds:) t1, t2" in said
    assert "Tags (asked again, it holds:) t1, t2" in said and "cut off" not in said
    assert entries(cli)[0]["tags"] == ["crisis"]


def test_the_setting_asked_again_without_readline_keeps_it_on_enter(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("community", "back", "back", "back", "", "We sat.", *ENDED)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "Setting (asked again, it holds:)\ncommunity\n" in result.stderr
    assert entries(cli)[0]["setting"] == "community"


def test_a_setting_cut_off_the_first_time_it_is_asked_is_still_typed_back_in(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    """A line Ctrl-C cut off is given back to finish, as before: only a value the step held
    is said and kept beside an empty line."""
    with monkeypatch.context() as patched:
        ctrl_c_after(patched, [], "inpat", readline=True)
        assert cli("write").exit_code == 130
    assert kept(isolated)["entry"]["setting"] == "inpat"
    assert kept(isolated)["cut_off"] == "setting"
    prefills = typed_through_readline(monkeypatch, ["ient", "We sat.", *ENDED])
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert prefills[0] == "inpat"
    assert "Setting (your line was cut off: it is back on the line below)" in result.stderr
    assert entries(cli)[0]["setting"] == "inpatient"


# -- 3. Ctrl-C while a gone-back setting is retyped keeps what it held ---------------------------


@pytest.mark.parametrize(("typed", "setting"), [
    ("sis", "crisis"),  # the line given back, finished: it takes the setting's place
    ("\x15", "inpatient"),  # the line cleared: the setting kept
])
def test_ctrl_c_while_a_gone_back_setting_is_retyped_keeps_it_and_the_line(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None,
    typed: str, setting: str
) -> None:
    """Was: the draft's setting "cri", "inpatient" gone."""
    with monkeypatch.context() as patched:
        ctrl_c_after(patched, ["inpatient", "We sat.", "back"], "cri", readline=True)
        assert cli("write").exit_code == 130
    data = kept(isolated)
    assert data["entry"]["setting"] == "inpatient" and data["typed_over"] == "cri"
    assert data["entry"]["experience"] == "We sat."
    prefills = typed_through_readline(monkeypatch, [typed, *ENDED])
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert prefills[0] == "cri"
    assert "Setting (continuing your draft:) inpatient (the line you were typing to replace " \
           "it is back below, cut off: Enter puts it in its place; cleared, Enter keeps what " \
           "it holds):" in _said(result.stderr)
    assert entries(cli)[0]["setting"] == setting


def test_ctrl_c_on_an_empty_gone_back_setting_keeps_it_and_nothing_beside_it(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    with monkeypatch.context() as patched:
        ctrl_c_after(patched, ["inpatient", "We sat.", "back"], "", readline=True)
        assert cli("write").exit_code == 130
    data = kept(isolated)
    assert data["entry"]["setting"] == "inpatient" and "typed_over" not in data
    prefills = typed_through_readline(monkeypatch, [CTRL_C])
    assert cli("write", "--resume").exit_code == 130
    assert prefills == [""] and kept(isolated)["entry"]["setting"] == "inpatient"


def test_ctrl_c_on_gone_back_tags_being_retyped_keeps_them(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    with monkeypatch.context() as patched:
        ctrl_c_after(patched, ["", "We sat.", "", "", "", "", "", "t1, t2", "back"], "t3",
                     readline=True)
        assert cli("write").exit_code == 130
    data = kept(isolated)
    assert data["entry"]["tags"] == ["t1", "t2"] and data["typed_over"] == "t3"
    typed_through_readline(monkeypatch, ["", "", "y"])
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert entries(cli)[0]["tags"] == ["t3"]


# -- 4. "r" reads an empty part as the review shows it ----------------------------------------


def test_r_reads_an_empty_setting_as_skipped_as_the_review_does(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("", "We sat.", *ENDED[:-1], "r", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "Setting: skipped\n" in result.stderr and "Tags: none\n" in result.stderr


# -- on a real terminal -----------------------------------------------------------------------


@on_a_terminal
def test_on_a_terminal_the_up_arrow_at_the_setting_asked_again_edits_it_never_back(
    on_terminal: Callable[..., _Terminal], isolated: Path  # noqa: F811 (the fixture)
) -> None:
    """Was: "inpatientcrisis"; and Up brought back "back"."""
    session = on_terminal("dumb", 80)
    session.answer(b"inpatient", b"(A blank line ends it")
    session.answer(b"We sat.", b"We sat.\r\n")
    time.sleep(0.3)  # (typed, not pasted: "back" in a paste is text)
    session.answer(b"back", b"the Up arrow edits it): ")
    time.sleep(0.3)
    session.answer(b"back", b"(asked again, it holds:)")
    assert session.until(b"the Up arrow edits it): ")
    session.answer(b"\x1b[A ward", b"(A blank line ends it")
    assert session.finish() == 0
    assert _stored(isolated) == ("inpatient ward", "We sat.")


@on_a_terminal
def test_on_a_terminal_a_kill_after_a_pause_in_a_gone_back_setting_keeps_it(
    on_terminal: Callable[..., _Terminal], isolated: Path  # noqa: F811 (the fixture)
) -> None:
    """Was: the draft's setting "cri" (the pause save put the line in its place)."""
    import json

    session = on_terminal("dumb", 80)
    session.answer(b"inpatient", b"(A blank line ends it")
    session.answer(b"We sat.", b"We sat.\r\n")
    time.sleep(0.3)  # (typed, not pasted: "back" in a paste is text)
    session.answer(b"back", b"the Up arrow edits it): ")
    session.keys(b"cri")
    assert session.until(b"): cri")
    [draft] = (isolated / "drafts").glob("*.json")
    deadline = time.monotonic() + 20  # (the line is saved once the writer has paused 1 s)
    while "typed_over" not in (data := json.loads(draft.read_text(encoding="utf-8"))):
        assert time.monotonic() < deadline, data
        time.sleep(0.1)
    os.killpg(session.process.pid, signal.SIGKILL)
    data = json.loads(draft.read_text(encoding="utf-8"))
    assert data["entry"]["setting"] == "inpatient" and data["typed_over"] == "cri"


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@on_a_terminal
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_on_a_dumb_terminal_a_key_on_a_long_line_costs_little(
    on_terminal: Callable[..., _Terminal], isolated: Path  # noqa: F811 (the fixture)
) -> None:
    """Was 0.36 s of CPU a key on a line of 25,000 characters (readline told the screen was
    2**20 columns wide compared the whole line at each key); now a few ms."""
    words = " ".join(f"x{n:05d}" for n in range(3600)).encode()  # (25,199 characters)
    session = on_terminal("dumb", 40)
    session.answer(b"", b"(A blank line ends it")
    session.settle(0.5)  # (readline reading the keys: the terminal's own line holds 4,095)
    session.paste(words)
    assert session.until(b"x03599", 60)
    session.settle(0.5)
    before = _cpu_seconds(session.process.pid)
    for key in b" abcde":  # each key once the one before is echoed
        shown, end = len(session.shown), time.monotonic() + 30
        session.keys(bytes([key]))
        while len(session.shown) == shown and time.monotonic() < end:
            session.settle(0.01)
    assert _cpu_seconds(session.process.pid) - before < 0.6  # (was over 2 s for these 6)
    session.keys(b"\r")
    assert session.until(b"abcde\r\n")
    assert session.finish() == 0
    assert _stored(isolated) == ("", words.decode() + " abcde")
