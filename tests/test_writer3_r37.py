"""Round 37, the writer's words (writer3), from QA of the round's own changes:

1. `write --resume` of a guided draft with questions left keeps text piped in that is slow to
   come (`(sleep 1; echo words) |`) as a draft of its own; an open pipe with nothing in it is
   given up after _NOTHING_PIPED_AFTER seconds, the message naming the guided draft truly.
2. A really locked or damaged journal (not a monkeypatched Store.get) still names the kept edit
   `write --resume` would have looked up.
3. `delete 5-0` says IDs start at 1 (not "type 0-5", which is refused in turn).
5. A setting with a longer abbreviation or a number before a stop is no sentence.
7. A large or endless pipe into `write --resume` is read only up to a bound, said.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC
from test_damaged_journal_r29 import garbage, root_page
from test_write import drafts
from test_writer3_r36 import _kept_guided
from test_writer_r37 import WORDS, _kept_edit, _kept_words

PJ = [sys.executable, "-m", "peerjournal"]


def _env(**more: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": SRC, **more}


def _said(err: bytes) -> str:
    return " ".join(err.decode().split())


# -- 1. text slow to come is kept; an open pipe with nothing is given up -------------------------


def test_text_slow_to_come_is_kept_as_a_draft_of_its_own(cli: CLI, isolated: Path) -> None:
    """Was: `(sleep 1; echo words) | write --resume` dropped the words ("not read")."""
    guided = _kept_guided(cli, open_questions=2)
    before = guided.read_bytes()
    process = subprocess.Popen([*PJ, "write", "--resume", "-d", "today"], env=_env(),
                               stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdin is not None
    time.sleep(1.5)
    _, err = process.communicate(b"Words typed slowly.\n", timeout=120)
    said = _said(err)
    assert process.returncode == 1, said
    assert "What was piped in was not taken as its answers." in said
    assert "not read" not in said
    [kept] = [p for p in drafts(isolated) if p.suffix == ".md"]
    assert "Words typed slowly." in kept.read_text(encoding="utf-8")
    assert "Your words are kept as draft " in said
    assert guided.read_bytes() == before


_SHORT_WAIT = (
    "import sys; import peerjournal.cli.write as w; w._NOTHING_PIPED_AFTER = 1.0; "
    "from peerjournal.cli import app; sys.argv = ['peerjournal', *sys.argv[1:]]; app()"
)


def test_an_open_pipe_with_nothing_is_given_up_naming_the_draft(
    cli: CLI, isolated: Path
) -> None:
    """Was: "… was not read. Your text is kept in <the guided draft>", as if it held them."""
    guided = _kept_guided(cli, open_questions=2)
    process = subprocess.Popen([sys.executable, "-c", _SHORT_WAIT, "write", "--resume", "-d",
                                "today"], env=_env(), stdin=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdin is not None and process.stderr is not None
    err = process.stderr.read()  # (to its end: the process ends with stdin still open)
    assert process.wait(timeout=60) == 1
    process.stdin.close()
    said = _said(err)
    assert "Nothing came in on standard input for 1 seconds, so it was not read." in said
    assert "Your words are kept as draft " not in said
    assert (f"`peerjournal write --resume`, in a terminal, asks the questions of the draft "
            f"{guided}.") in said
    assert drafts(isolated) == [guided]


# -- 2. a journal really locked or damaged, a kept edit to resume --------------------------------


@pytest.fixture
def locked(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], None]]:
    """`locked()` holds an exclusive lock on the journal till the test ends."""
    held: list[sqlite3.Connection] = []
    monkeypatch.setenv("PEERJOURNAL_BUSY_TIMEOUT_MS", "200")

    def lock() -> None:
        conn = sqlite3.connect(isolated / "journal.db", isolation_level=None, timeout=1)
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("UPDATE entry SET id = id WHERE id = -5")
        held.append(conn)

    yield lock
    for conn in held:
        conn.rollback()
        conn.close()


def _damage(isolated: Path) -> None:
    path = isolated / "journal.db"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    garbage(path, root_page(path, "entry_fts_data"))


@pytest.mark.parametrize("how", ["locked", "damaged"])
def test_a_kept_edit_picked_by_number_is_named_when_the_journal_is_unusable(
    how: str, cli: CLI, add: Callable[..., int], edits: Any, isolated: Path,
    locked: Callable[[], None],
) -> None:
    entry_id = _kept_edit(cli, add, edits)
    [kept] = _kept_words(isolated)
    locked() if how == "locked" else _damage(isolated)
    result = cli("write", "--resume", "--draft", "1", input="")
    said = " ".join(result.stderr.split())
    assert result.exit_code == 4, said
    assert said.count("peerjournal:") == 1 and "Traceback" not in said
    assert ("locked by another program" if how == "locked" else "is damaged") in said
    assert f"Draft 1, unsaved changes to entry {entry_id}, is kept as it was." in said
    assert _kept_words(isolated) == [kept] and WORDS in kept.read_text(encoding="utf-8")


@pytest.mark.parametrize("how", ["locked", "damaged"])
def test_no_draft_to_resume_names_the_kept_edit_when_the_journal_is_unusable(
    how: str, cli: CLI, add: Callable[..., int], edits: Any, isolated: Path,
    locked: Callable[[], None],
) -> None:
    entry_id = _kept_edit(cli, add, edits)
    locked() if how == "locked" else _damage(isolated)
    result = cli("write", "--resume", input="")
    said = " ".join(result.stderr.split())
    assert result.exit_code == 4, said
    assert ("There is no unfinished draft to resume. Unsaved changes to entry "
            f"{entry_id} are kept as they were: `peerjournal edit {entry_id}` continues "
            "them.") in said
    assert len(_kept_words(isolated)) == 1


def test_an_other_draft_picked_says_nothing_of_edits(
    cli: CLI, add: Callable[..., int], edits: Any, isolated: Path,
    locked: Callable[[], None],
) -> None:
    _kept_edit(cli, add, edits)
    _kept_guided(cli)
    locked()
    result = cli("write", "--resume", input="")
    assert result.exit_code == 4
    assert "unsaved changes" not in result.stderr.lower()


# -- 3. a range ending at 0 ----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["delete", "restore"])
@pytest.mark.parametrize("span", ["5-0", "0-5", "0-0"])
def test_a_range_touching_0_says_ids_start_at_1(
    cli: CLI, isolated: Path, command: str, span: str
) -> None:
    result = cli(command, span)
    said = " ".join(result.stderr.split())
    assert result.exit_code == 2
    assert "IDs start at 1" in said
    assert "give the lower ID first" not in said


def test_a_range_the_wrong_way_round_still_says_so(cli: CLI, isolated: Path) -> None:
    said = " ".join(cli("delete", "5-2").stderr.split())
    assert "give the lower ID first, as in 2-5." in said


# -- 5. a setting's abbreviations and numbers ----------------------------------------------------


@pytest.mark.parametrize("line", [
    "Univ. hospital", "Ward 7. Bay 2", "Dept. 3", "U.S. base", "Gen Hosp. A&E", "dept. 3",
    "St. Mary's ward",
])
def test_a_setting_with_an_abbreviation_or_a_number_is_no_sentence(line: str) -> None:
    from peerjournal.cli.guided import reads_like_a_sentence

    assert not reads_like_a_sentence(line, one_value=True)


@pytest.mark.parametrize("line", ["ward. Kai kicked off", "home visit! Sam was out"])
def test_a_stop_after_a_plain_word_is_still_a_sentence(line: str) -> None:
    from peerjournal.cli.guided import reads_like_a_sentence

    assert reads_like_a_sentence(line, one_value=True)


# -- 7. a large or endless pipe ------------------------------------------------------------------


def test_a_large_pipe_is_read_only_up_to_a_bound_and_said(cli: CLI, isolated: Path) -> None:
    """Was: 200 MB read whole (1.4 GB in memory), kept as a draft that can never be saved."""
    from peerjournal.cli.write import _KEPT_AT_MOST
    from peerjournal.entry import MAX_TEXT_CHARS

    assert _KEPT_AT_MOST >= 4 * MAX_TEXT_CHARS
    _kept_guided(cli, open_questions=2)
    data = "Some words of text, é.\n".encode() * (_KEPT_AT_MOST // 20)
    result = subprocess.run([*PJ, "write", "--resume", "-d", "today"], input=data,
                            env=_env(), capture_output=True, timeout=120)
    said = _said(result.stderr)
    assert result.returncode == 1, said
    [kept] = [p for p in drafts(isolated) if p.suffix == ".md"]
    size = kept.stat().st_size
    assert 4 * MAX_TEXT_CHARS - 100 < size <= _KEPT_AT_MOST + 200  # (a header line or two)
    assert f"the first {size:,}" in said or "the rest was not read" in said
    assert "the rest was not read" in said
    assert kept.read_text(encoding="utf-8").endswith("é.\n")  # whole lines, whole characters


def test_an_endless_pipe_ends_and_sigterm_stops_a_slow_one(cli: CLI, isolated: Path) -> None:
    _kept_guided(cli, open_questions=2)
    endless = subprocess.run(f"yes 'some words' | {sys.executable} -m peerjournal write --resume",
                             shell=True, env=_env(), capture_output=True, timeout=120)
    assert endless.returncode == 1, _said(endless.stderr)
    assert "the rest was not read" in _said(endless.stderr)
    slow = subprocess.Popen([*PJ, "write", "--resume", "--draft", "2"], env=_env(),
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    assert slow.stdin is not None
    slow.stdin.write(b"A first line that came.\n")
    slow.stdin.flush()
    time.sleep(1.5)
    slow.send_signal(signal.SIGTERM)
    assert slow.wait(timeout=20) == 130
    slow.stdin.close()
    kept = [p for p in drafts(isolated)
            if "A first line that came." in p.read_text(encoding="utf-8")]
    assert len(kept) == 1
