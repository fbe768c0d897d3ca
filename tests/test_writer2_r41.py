"""Round 41 (writer2), after QA of the guided writer: lower-case first names ending like a role
("allison", "norman", "keenan") are questioned at the Setting prompt again; a reply naming the
day ("yesterday", "no, it's today") answers the small-hours question, never words for the
entry; a paste's last line "back" is text; a day question left unanswered is asked again on
`--resume`; going back to a one-line step says what is true of it; Ctrl-D at the day question
stops for now; `write --editor` in the small hours says the day it used; no day before 1 Jan
1900 is offered."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import CLI, CTRL_C, CTRL_D, Keys
from test_editor_drafts_r29 import use_editor
from test_write import entries

AFTER = ["", "", "", "", "", ""]  # feelings to self-care, then "Save this entry?"
LATE = "2026-11-21T00:40:00+00:00"
ASKED = "is this entry about yesterday, Fri 20 Nov 2026"


def _said(stderr: str) -> str:
    return " ".join(stderr.split())


def _drafts(home: Path) -> list[Path]:
    folder = home / "drafts"
    return sorted(p for p in folder.glob("*.*") if p.is_file()) if folder.is_dir() else []


# -- 1. first names ending like a role are names ---------------------------------------------

NAMES = [
    "allison", "madison", "jackson", "harrison", "wilson", "nelson", "dawson", "edison",
    "emerson", "addison", "norman", "herman", "sherman", "coleman", "freeman", "keenan", "brennan",
]


@pytest.mark.parametrize("name", NAMES)
def test_a_first_name_ending_like_a_role_is_questioned(name: str) -> None:
    """Was: '' (the matcher's ending rule took "-son", "-man", "-nan" for a role)."""
    from peerjournal.cli.guided import person_named

    assert person_named(f"{name} crying") == name


@pytest.mark.parametrize("line", ["nurses upset", "hca crying", "carers angry", "ward 4, guard"])
def test_whole_role_words_and_plurals_are_still_no_names(line: str) -> None:
    from peerjournal.cli.guided import person_named

    assert person_named(line) == ""


def test_the_setting_prompt_asks_about_allison(cli: CLI, keys: Callable[..., Keys]) -> None:
    keys("allison crying", "y", "Sat with her.", "", *AFTER, "y")
    result = cli("write")
    assert "may be a person's name" in result.stderr


# -- 2. the day named at the day question ----------------------------------------------------


@pytest.mark.parametrize(("reply", "day"), [
    ("yesterday", "2026-11-20"), ("last night", "2026-11-20"), ("Yes, yesterday.", "2026-11-20"),
    ("today", "2026-11-21"), ("no, it's today", "2026-11-21"), ("It was last night", "2026-11-20"),
])
def test_the_day_named_answers_the_question(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch, reply: str, day: str
) -> None:
    """Was: "That reads like words for your entry": the word added to the experience."""
    monkeypatch.setenv("PEERJOURNAL_NOW", LATE)
    keys(reply, "", "Sat with Jo.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "words for your entry" not in result.stderr
    [entry] = entries(cli)
    assert (entry["date"], entry["experience"]) == (day, "Sat with Jo.")


@pytest.mark.parametrize("reply", ["no, yesterday", "yes, today"])
def test_a_yes_or_no_at_odds_with_the_day_is_asked_again(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch, reply: str
) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", LATE)
    keys(reply, "y", "", "Sat with Jo.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert _said(result.stderr).count(ASKED) == 2
    [entry] = entries(cli)
    assert (entry["date"], entry["experience"]) == ("2026-11-20", "Sat with Jo.")


def test_day_replies_elsewhere_are_as_they_were() -> None:
    from peerjournal.replies import DAY_ANSWERS, yes_or_no_reply

    assert yes_or_no_reply("yesterday") is None  # (at "Save this entry?": words)
    assert yes_or_no_reply("yesterday was hard", DAY_ANSWERS) is None
    assert yes_or_no_reply("Long night on the ward.", DAY_ANSWERS) is None


# -- 3. a paste ending in "back" --------------------------------------------------------------


def test_a_paste_whose_last_line_is_back_is_text(cli: CLI, keys: Callable[..., Keys]) -> None:
    """Was: "Back a question", the word "back" lost and the writer sent to Experience."""
    keys("", "Exp.", "", ["Jo said she would come", "back"], "", *AFTER[1:], "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "Back a question" not in result.stderr
    assert entries(cli)[0]["feelings"] == "Jo said she would come\nback"


def test_back_typed_after_a_paste_still_goes_back(cli: CLI, keys: Callable[..., Keys]) -> None:
    keys("", "Exp.", "", ["Jo said", "she would come"], "back", "More.", "", "", *AFTER[1:], "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "Back a question" in result.stderr
    [entry] = entries(cli)
    assert entry["experience"] == "Exp.\nMore."
    assert entry["feelings"] == "Jo said\nshe would come"


# -- 4. the day question stopped: asked again on --resume ------------------------------------


def _stopped_at_the_day_question(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch, stop: str
) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", LATE)
    keys("Long night on the ward.", stop)
    assert cli("write").exit_code != 0


@pytest.mark.parametrize("stop", ["q", CTRL_C])
def test_resume_asks_the_day_left_unanswered(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch, stop: str
) -> None:
    """Was: dated 21 Nov on `--resume`, without a word."""
    _stopped_at_the_day_question(cli, keys, monkeypatch, stop)
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-21T00:45:00+00:00")
    keys("", "", "", *AFTER, "y")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert ASKED in _said(result.stderr)
    [entry] = entries(cli)
    assert (entry["date"], entry["experience"]) == ("2026-11-20", "Long night on the ward.")


def test_resumed_in_the_morning_names_the_day_and_n_keeps_the_day_begun(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stopped_at_the_day_question(cli, keys, monkeypatch, "q")
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-21T09:30:00+00:00")
    keys("n", "", "", *AFTER, "y")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    said = _said(result.stderr)
    assert "Begun in the small hours: is this entry about Fri 20 Nov 2026" in said
    assert "Dated today, Sat 21 Nov 2026" in said
    assert entries(cli)[0]["date"] == "2026-11-21"


def test_resumed_with_a_date_is_not_asked(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stopped_at_the_day_question(cli, keys, monkeypatch, "q")
    keys("", "", *AFTER, "y")
    result = cli("write", "--resume", "-d", "2026-11-19")
    assert result.exit_code == 0, result.stderr
    assert "is this entry about" not in result.stderr
    assert entries(cli)[0]["date"] == "2026-11-19"


def test_resumed_piped_leaves_it_and_a_terminal_still_asks(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Piped in, nobody is asked: the draft is left as it was, the day still to be asked."""
    _stopped_at_the_day_question(cli, keys, monkeypatch, "q")
    with monkeypatch.context() as piped:
        piped.setattr("peerjournal.context.AppContext.stdin_is_terminal", lambda self: False)
        result = cli("write", "--resume", input="y\n")
    assert result.exit_code != 0 and "left as it was" in result.stderr
    keys("", "", "", *AFTER, "y")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert ASKED in _said(result.stderr)
    assert entries(cli)[0]["date"] == "2026-11-20"


# -- 6. going back to Setting or Tags ----------------------------------------------------------


def test_back_to_the_setting_says_enter_keeps_it(cli: CLI, keys: Callable[..., Keys]) -> None:
    """Was: "What you type there is added to what it holds" (a setting's line is replaced)."""
    keys("ward", "back", "", "A1.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    said = _said(result.stderr)
    assert "(Enter keeps it; anything typed replaces it)" in said
    assert "added to what it holds" not in said and "cut off" not in said
    assert entries(cli)[0]["setting"] == "ward"


def test_back_to_an_answer_still_says_it_adds(cli: CLI, keys: Callable[..., Keys]) -> None:
    keys("", "A1.", "", "back", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "added to what it holds" in _said(result.stderr)


# -- 7. Ctrl-D at the day question -------------------------------------------------------------


def test_ctrl_d_at_the_day_question_stops_for_now(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch, isolated: Path
) -> None:
    """Was: "Dated today" and on to Setting, though the line above says Ctrl-D stops."""
    monkeypatch.setenv("PEERJOURNAL_NOW", LATE)
    keys(CTRL_D)
    result = cli("write")
    assert result.exit_code != 0
    assert "Dated" not in result.stderr and "Setting (" not in result.stderr
    assert "nothing was saved" in result.stderr
    assert _drafts(isolated) == []


def test_ctrl_d_after_words_keeps_them_and_the_question(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch
) -> None:
    _stopped_at_the_day_question(cli, keys, monkeypatch, CTRL_D)
    keys("", "", "", *AFTER, "y")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert ASKED in _said(result.stderr)
    assert entries(cli)[0]["date"] == "2026-11-20"


# -- 9. write --editor in the small hours ------------------------------------------------------


def test_editor_in_the_small_hours_says_the_day(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", LATE)
    monkeypatch.setattr("peerjournal.context.AppContext.stdin_is_terminal", lambda self: True)
    use_editor(monkeypatch, tmp_path, "pass\n")
    result = cli("write", "--editor")
    said = _said(result.stderr)
    assert "It is 00:40: this entry is dated today, Sat 21 Nov 2026." in said
    assert "change the date: line in the editor" in said and "edit ID --date DATE" in said


@pytest.mark.parametrize("given", [["-d", "today"], []])
def test_editor_says_nothing_of_the_day_with_a_date_or_by_day(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, given: list[str]
) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", LATE if given else "2026-11-21T14:00:00+00:00")
    monkeypatch.setattr("peerjournal.context.AppContext.stdin_is_terminal", lambda self: True)
    use_editor(monkeypatch, tmp_path, "pass\n")
    assert "this entry is dated today" not in cli("write", "--editor", *given).stderr


# -- 10. no day before 1 Jan 1900 offered ---------------------------------------------------


def test_no_day_is_offered_that_cannot_be_saved(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "Sun 31 Dec 1899" offered, and the save refused ("Date out of range")."""
    monkeypatch.setenv("PEERJOURNAL_NOW", "1900-01-01T00:10:00")
    keys("", "Sat.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "1899" not in result.stderr and "is this entry about" not in result.stderr
    assert entries(cli)[0]["date"] == "1900-01-01"


# -- on a real terminal (readline; a hard timeout kills the child's process group) -------------


class _Pty:
    """`peerjournal write` on a pseudo-terminal, in a session (process group) of its own."""

    LIMIT = 90.0  # seconds for the whole session: then its process group is killed

    def __init__(self, home: Path, journal_template: Path) -> None:
        import os
        import shutil
        import subprocess
        import sys

        from conftest import SRC
        from test_qa16_writer_terminal import _controlling_terminal

        home.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(journal_template, home / "journal.db")  # no migration in the child
        self.controller, terminal = os.openpty()
        env = {**os.environ, "PYTHONPATH": SRC, "TERM": "xterm"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "peerjournal", "write"], stdin=terminal, stdout=terminal,
            stderr=terminal, env=env, close_fds=True, preexec_fn=_controlling_terminal,
        )
        os.close(terminal)
        self.shown = b""
        import time

        self.deadline = time.monotonic() + self.LIMIT

    def until(self, text: bytes, seconds: float = 30) -> bool:
        """Read what is shown until `text` is (never past the session's LIMIT)."""
        import os
        import select
        import time

        end = min(time.monotonic() + seconds, self.deadline)
        while time.monotonic() < end and text not in self.shown:
            if select.select([self.controller], [], [], 0.02)[0]:
                try:
                    self.shown += os.read(self.controller, 65536)
                except OSError:  # exited
                    break
        return text in self.shown

    def type(self, keys: bytes) -> None:
        import os

        os.write(self.controller, keys)

    def close(self) -> None:
        import os
        import signal

        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)  # (its own session: setsid)
        self.process.wait(timeout=30)
        os.close(self.controller)


@pytest.fixture
def pty_write(isolated: Path, journal_template: Path) -> Iterator[_Pty]:
    import os

    if not hasattr(os, "openpty"):
        pytest.skip("needs a pseudo-terminal")
    session = _Pty(isolated, journal_template)
    try:
        yield session
    finally:
        session.close()


def _show(isolated: Path) -> dict[str, object]:
    import json
    import subprocess
    import sys

    from conftest import SRC

    out = subprocess.run(
        [sys.executable, "-m", "peerjournal", "show", "1", "--json"], capture_output=True,
        text=True, timeout=60, env={**__import__("os").environ, "PYTHONPATH": SRC},
        check=True,
    ).stdout
    data = json.loads(out)
    return dict(data.get("entry", data))


def test_on_a_terminal_a_paste_ending_in_back_is_text(pty_write: _Pty, isolated: Path) -> None:
    session = pty_write
    assert session.until(b"Enter to skip):")
    session.type(b"\r")
    assert session.until(b"Experience")
    session.type(b"Exp.\r")
    session.until(b"Exp.", 5)
    session.type(b"\r")
    assert session.until(b"Feelings")
    session.type(b"Jo said she would come\rback\r")  # one paste
    session.until(b"Jo said she would come", 5)
    import time

    time.sleep(0.5)
    session.type(b"\r")
    for _ in range(len(AFTER) - 1):
        time.sleep(0.3)
        session.type(b"\r")
    assert session.until(b"Save this entry?")
    session.type(b"y\r")
    session.process.wait(timeout=60)
    assert b"Back a question" not in session.shown
    assert _show(isolated)["feelings"] == "Jo said she would come\nback"


def test_on_a_terminal_back_to_the_setting_says_what_it_holds(
    pty_write: _Pty,
) -> None:
    session = pty_write
    assert session.until(b"Enter to skip):")
    session.type(b"ward\r")
    assert session.until(b"Experience")
    import time

    time.sleep(0.3)
    session.type(b"back\r")
    assert session.until(b"Setting (gone back to, it holds:)")
    shown = session.shown.decode(errors="replace")
    assert "cut off" not in shown and "added to what it holds" not in shown


def test_back_at_the_first_question_after_the_day_says_how_to_change_the_day(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Final review: "there is no question before this one", though the day was just asked."""
    monkeypatch.setenv("PEERJOURNAL_NOW", LATE)
    keys("y", "back", "", "Sat with Jo.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    said = _said(result.stderr)
    assert "there is no question before this one (the day is changed by" in said
    assert "edit ID --date DATE" in said
    [entry] = entries(cli)
    assert (entry["date"], entry["experience"]) == ("2026-11-20", "Sat with Jo.")
