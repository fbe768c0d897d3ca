"""Round 48, the self-check, `drafts` and `report`'s last moments:

1. Every aside and face typed with a score is its note: "idk maybe 3??" kept "idk" (now "idk
   maybe"), "3 </3" was asked again and "3 ._." lost its face.
2. `drafts` with no entry draft but words a self-check kept opened "There are no unfinished
   drafts." and then listed them: now "no unfinished entry drafts", the kept ones under a
   heading of their own.
3. Two checks at once could both offer (and take) the same kept words: a check claims the file
   before it offers the words.
4. `report` holds back a late SIGTERM once its output is written (exit 0, not 130).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import CLI, CTRL_C, SRC, Keys
from peerjournal.db.store import Store
from peerjournal.drafts import Draft
from peerjournal.supervision import is_face, score_and_words
from test_r47_selfcheck import AGAIN, GIVEN_BACK
from test_supervision_qa import ITEMS, stored

FIRST = ITEMS[0].id
KEPT_BY_A_CHECK = ("Kept by a self-check (not drafts: `peerjournal write --resume` does not "
                   "continue them):")

# -- 1. every aside and face typed with a score is its note -------------------------------------

FACES = [":)", ":(", ":-)", ";)", ":D", ":P", "<3", "</3", "^^", "^_^", "xD", "T_T", ";_;", "._.",
         "-_-", ">_<", ">:(", ":'(", "o_O", "0_0", "u.u", "~_~", ":/", "D:", "(:", "\\o/",
         "(-_-)", "ಠ_ಠ", "¯\\_(ツ)_/¯", "ʕ•ᴥ•ʔ", "🙂", "😅", "🙃🙃"]
ASIDES = ["idk", "lol", "tbh", "meh", "ok", "haha", "ugh", "ngl", "hmm"]
HEDGES = ["maybe", "about", "like", "probably"]


@pytest.mark.parametrize(("typed", "score", "note"), [
    ("idk maybe 3??", 3, "idk maybe"),  # (the marks glued to the score: no note's, r48 QA)
    ("3 </3", 3, "</3"),
    ("3 ._.", 3, "._."),
    ("3 >:(", 3, ">:("),
    ("3... :)", 3, ":)"),
    ("3?? idk", 3, "idk"),
    ("¯\\_(ツ)_/¯ 4", 4, "¯\\_(ツ)_/¯"),
])
def test_every_aside_and_face_typed_with_a_score_is_its_note(
    cli: CLI, store: Store, keys: Callable[..., Keys], typed: str, score: int, note: str
) -> None:
    """Were: "idk" alone, "3 </3" asked again, "3 ._." and "3... :)" with no note."""
    keys(typed, "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert AGAIN not in result.stderr
    assert f"   Kept {score}, with the words " in result.stderr
    assert stored(store) == [({FIRST: {"score": score, "note": note}}, 0)]


@pytest.mark.parametrize("typed", ["3 -4", "3 (3)", "3/10", "3.5", "3 #2", "3 ~4"])
def test_a_number_beside_a_score_is_still_no_face(typed: str) -> None:
    assert not is_face(typed.split()[-1]) and score_and_words(typed) is None


@pytest.mark.parametrize(("typed", "score"), [("3.", 3), ("3?", 3), ("about 3", 3), ("3/5", 3)])
def test_a_score_alone_still_has_no_note(typed: str, score: int) -> None:
    assert score_and_words(typed) == (score, "")


_WORD = st.sampled_from(ASIDES) | st.sampled_from(FACES)
_DOUBT = st.sampled_from(["", "?", "??", "?!", "..."])


@given(lead=st.lists(_WORD, max_size=3), hedge=st.sampled_from(["", *HEDGES]),
       score=st.sampled_from(["1", "3", "five"]), doubt=_DOUBT,
       after=st.lists(_WORD, max_size=3))
def test_no_typed_character_is_lost_between_the_score_and_its_note(
    lead: list[str], hedge: str, score: str, doubt: str, after: list[str]
) -> None:
    """A line of asides and faces around a score (a hedge after an aside, marks after the
    score): its score read, and every other character typed in its note, in order, but the
    marks glued to the score ("3??": the score's, as alone)."""
    if not lead:
        hedge = ""  # ("about 3" alone is the score: no note)
    if not (lead or after):
        doubt = ""  # ("3??" alone: the score)
    before = [*lead, hedge] if hedge else lead
    line = " ".join([*before, score + doubt, *after])
    read = score_and_words(line)
    assert read is not None
    assert read[0] == {"five": 5}.get(score, int(score) if score.isdigit() else 0)
    typed = "".join([*before, *after])
    assert "".join(read[1].split()) == typed


# -- 2. `drafts` with words a self-check kept -----------------------------------------------------


def _words_file(home: Path) -> Path:
    [path] = sorted((home / "drafts" / "self-check").glob("words-*.json"))
    return path


def test_drafts_does_not_say_none_then_list_what_a_check_kept(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    """Was: "There are no unfinished drafts." and then the words file, as if it were one."""
    keys("5 people came and I held back", "q")
    assert cli("supervision", "check").exit_code == 0
    listed = cli("drafts")
    assert listed.exit_code == 0 and listed.stdout == ""
    first, heading, words = listed.stderr.splitlines()
    assert first == "There are no unfinished entry drafts."
    assert heading == KEPT_BY_A_CHECK
    assert words.startswith("Words kept from a self-check on 2026-11-20 18:30 (typed at "
                            f"{FIRST}'s 1-5 with no score, 7 words): {_words_file(isolated)}")


def test_drafts_lists_entry_drafts_then_what_a_check_kept_under_its_heading(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    keys("5 people came and I held back", "q")
    assert cli("supervision", "check").exit_code == 0
    keys("We walked to the housing office together.", CTRL_C)
    assert cli("write").exit_code == 130
    said = cli("drafts").stderr.splitlines()
    heading = said.index(KEPT_BY_A_CHECK)
    assert "continues one" in said[heading - 1]  # (the drafts' closing line, above it)
    assert said[heading + 1].startswith("Words kept from a self-check")
    assert cli("drafts").stdout.count("\n") == 1  # the one entry draft


def test_drafts_with_nothing_at_all_still_says_no_drafts(cli: CLI) -> None:
    assert cli("drafts").stderr == "There are no unfinished drafts.\n"


# -- 3. two checks at once do not both take the same kept words ----------------------------------


def test_words_another_check_holds_are_not_offered_until_it_lets_go(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys]
) -> None:
    keys("5 people came and I held back", "q")
    assert cli("supervision", "check").exit_code == 0
    path = _words_file(isolated)
    other = Draft(path)
    assert other.take()  # a check in another terminal is offering them
    keys("3", "", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert GIVEN_BACK not in result.stderr
    assert stored(store)[-1] == ({FIRST: {"score": 3, "note": ""}}, 0)
    assert path.exists()  # still the other check's to give

    other.release()
    keys("n", "y", "4", "", "q")  # (a new check: its first question, then use the words)
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert GIVEN_BACK in result.stderr
    assert stored(store)[-1][0][FIRST] == {"score": 4, "note": "5 people came and I held back"}
    assert not path.exists()


def test_words_a_killed_check_had_claimed_are_offered_again(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys]
) -> None:
    keys("5 people came and I held back", "q")
    assert cli("supervision", "check").exit_code == 0
    path = _words_file(isolated)
    claimed_then_killed = (f"import os; from peerjournal.drafts import Draft; "
                           f"assert Draft(__import__('pathlib').Path({str(path)!r})).take(); "
                           "os.kill(os.getpid(), 9)")
    killed = subprocess.run([sys.executable, "-c", claimed_then_killed], timeout=60,
                            env={**os.environ, "PYTHONPATH": SRC}, check=False)
    assert killed.returncode == -signal.SIGKILL
    keys("y", "4", "", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert stored(store) == [({FIRST: {"score": 4, "note": "5 people came and I held back"}}, 0)]


# -- 4. `report` and a SIGTERM as its output is whole -------------------------------------------

# `report` in a process of its own, with a stdout that sends it `signal` once it has written
# `whole` characters (the whole report): the moment a late SIGTERM came (QA r47-48)
_SIGNAL_ONCE_WHOLE = """
import os, signal, sys
from peerjournal import launcher
whole, number = int(sys.argv[1]), getattr(signal, sys.argv[2])
class SignalOnceWhole:
    def __init__(self, stream):
        self.stream, self.written = stream, 0
    def write(self, text):
        taken = self.stream.write(text)
        self.stream.flush()
        self.written += len(text)
        if self.written >= whole:
            os.kill(os.getpid(), number)
        return taken
    def __getattr__(self, name):
        return getattr(self.stream, name)
sys.stdout = SignalOnceWhole(sys.stdout)
sys.argv = ["peerjournal", *sys.argv[3:]]
launcher.main()
"""


@pytest.mark.parametrize("json_out", [[], ["--json"]])
@pytest.mark.parametrize("number", ["SIGTERM", "SIGINT"])
def test_a_signal_once_the_report_is_whole_leaves_exit_0(
    add: Callable[..., int], tmp_path: Path, number: str, json_out: list[str]
) -> None:
    """Was: exit 130 and "Interrupted." in 65% (74% with --json) of SIGTERMs sent the moment
    the report was read whole (`late_sigterm.py`, round 48)."""
    add()
    (tmp_path / "signal_once_whole.py").write_text(_SIGNAL_ONCE_WHOLE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([SRC, str(tmp_path)])}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True,
                              timeout=120, stdin=subprocess.DEVNULL, cwd=tmp_path, check=False)

    alone = run("-m", "peerjournal", "report", *json_out)
    assert alone.returncode == 0 and alone.stdout
    late = run("-m", "signal_once_whole", str(len(alone.stdout)), number, "report", *json_out)
    assert (late.returncode, late.stdout) == (0, alone.stdout), late.stderr
    assert "Interrupted" not in late.stderr
    early = run("-m", "signal_once_whole", "1", number, "report", *json_out)
    assert early.returncode == 130 and early.stdout != alone.stdout  # (a cut one still is)
