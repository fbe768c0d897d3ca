"""Round 47, the self-check's 1-5 prompt and the launcher's last moments:

1. Words typed at 1-5 with no score survive a stop (Ctrl-C, q, Ctrl-D): kept in a file, as
   `write` keeps a draft, and the next check gives them to that question's score as its note
   (were: "The words typed at 1-5 are not kept").
2. A score with a few asides around it ("4 tbh lol", "idk 3") is the score, the asides its
   note (were asked again); a count or a sentence stays the writer's words.
3. Faces such as "^^", "^_^", "-_-", "xD" beside a score are kept in its note (were dropped).
4. A signal coming as Python ends, once the exit code is decided, leaves that code (was
   death by it: 143 for SIGTERM, 129 for SIGHUP).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, CTRL_C, CTRL_D, SRC, Keys
from peerjournal.db.store import Store
from test_supervision_qa import ITEMS, stored

FIRST, SECOND = ITEMS[0].id, ITEMS[1].id
AGAIN = "   A whole number from 1 to 5, please (or q to stop for now)."
KEPT_WORDS = "the words are kept as its note once it has one."
GIVEN_BACK = "stopped with words typed here and no score ("  # (then shown, and asked: `_offered`)
USE_THEM = "   Use them as this score's note? [y/N] "


def _words_files(home: Path) -> list[dict[str, str]]:
    folder = home / "drafts" / "self-check"
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("words-*"))]


def _ctrl_c_after(monkeypatch: pytest.MonkeyPatch, lines: list[str], half_typed: str) -> None:
    from test_write_robust_r23 import _ctrl_c_after as ctrl_c_after

    ctrl_c_after(monkeypatch, lines, half_typed)


# -- 1. words with no score survive a stop ------------------------------------------------------


@pytest.mark.parametrize(("lines", "half_typed"), [
    ([], "5 people came and I held back"),  # Ctrl-C on the line itself
    (["5 people came and I held back"], ""),  # Enter, then Ctrl-C at the 1-5 asked again
])
def test_ctrl_c_keeps_the_words_typed_at_1_5_and_the_next_check_gives_them_back(
    cli: CLI, store: Store, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None,
    keys: Callable[..., Keys], lines: list[str], half_typed: str,
) -> None:
    with monkeypatch.context() as patched:
        _ctrl_c_after(patched, lines, half_typed)
        result = cli("supervision", "check")
    assert result.exit_code == 130
    assert "No score came with the words typed at 1-5: they are kept in" in result.stderr
    assert ("`peerjournal supervision check` offers them as this question's note (it asks first)"
            in result.stderr)
    assert "people came" not in result.stderr  # (the writer's words are never echoed)
    assert stored(store) == []
    assert _words_files(isolated) == [{"item": FIRST, "words": "5 people came and I held back"}]

    keys("y", "4", "", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert (f"   A self-check on 2026-11-20 18:30 {GIVEN_BACK}7 words): \"5 people came and I "
            f"held back\"\n{USE_THEM}") in result.stderr
    assert "   Kept 4, with the words kept from 2026-11-20 18:30 as its note.\n" in result.stderr
    assert stored(store) == [({FIRST: {"score": 4, "note": "5 people came and I held back"}}, 0)]
    assert _words_files(isolated) == []  # the journal holds them now


@pytest.mark.parametrize("stop", ["q", CTRL_D])
def test_q_or_ctrl_d_after_words_keeps_them_too(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys], stop: str
) -> None:
    keys("she asked me to", stop)
    result = cli("supervision", "check")
    assert "they are kept in" in result.stderr and "not kept" not in result.stderr
    assert _words_files(isolated) == [{"item": FIRST, "words": "she asked me to"}]

    keys("y", "and I did", "3 lol", "q")  # more words, then a score: all of them its note
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert stored(store) == [({FIRST: {"score": 3, "note": "she asked me to and I did lol"}}, 0)]
    assert _words_files(isolated) == []


def test_words_kept_twice_are_one_file_and_go_to_their_own_question(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys]
) -> None:
    keys("4", "", "they asked me to", "q")  # the first answered, words at the second
    assert cli("supervision", "check").exit_code == 0
    keys("y", "y", "and I did", CTRL_C)  # carried on at the second: stopped again, more words
    assert cli("supervision", "check").exit_code == 130
    assert _words_files(isolated) == [{"item": SECOND, "words": "they asked me to and I did"}]

    keys("y", "y", "2: not yet", "q")
    result = cli("supervision", "check")
    assert result.stderr.count(GIVEN_BACK) == 1
    assert stored(store) == [({FIRST: {"score": 4, "note": ""},
                               SECOND: {"score": 2, "note": "they asked me to and I did not yet"}},
                              0)]
    assert _words_files(isolated) == []


def test_ctrl_c_on_words_that_start_with_no_score_keeps_them_as_enter_would(
    cli: CLI, store: Store, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    """"3.5 felt ok" at Enter is asked again and its words kept; at Ctrl-C they were lost with
    "it starts with no score on the scale"."""
    _ctrl_c_after(monkeypatch, [], "3.5 felt ok")
    result = cli("supervision", "check")
    assert result.exit_code == 130
    assert "they are kept in" in result.stderr and "starts with no score" not in result.stderr
    assert _words_files(isolated) == [{"item": FIRST, "words": "3.5 felt ok"}]


def test_ctrl_c_on_a_score_only_tried_keeps_nothing_and_says_so(
    cli: CLI, store: Store, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    _ctrl_c_after(monkeypatch, [], "3.5")
    result = cli("supervision", "check")
    assert result.exit_code == 130
    assert "What was typed at 1-5 is not kept: it starts with no score" in result.stderr
    assert _words_files(isolated) == [] and stored(store) == []


def test_words_that_cannot_be_kept_are_said_truly_and_the_check_stops_as_ever(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys]
) -> None:
    (isolated / "drafts").mkdir(parents=True)
    (isolated / "drafts" / "self-check").write_text("in the way", encoding="utf-8")
    keys("she asked me to", CTRL_C)
    result = cli("supervision", "check")
    assert result.exit_code == 130
    assert "No score came with the words typed at 1-5. The words file could not be written" \
        in result.stderr
    assert "so your text typed at 1-5 is printed on stdout" in result.stderr
    assert result.stdout == "she asked me to\n"  # (as `write` prints what no draft can keep)
    assert "Traceback" not in result.stderr and "she asked" not in result.stderr
    assert stored(store) == []


# -- 2. a score with asides around it -----------------------------------------------------------


@pytest.mark.parametrize(("typed", "score", "note", "where"), [
    ("4 tbh lol", 4, "tbh lol", "after it"),
    ("idk 3", 3, "idk", "typed with it"),
    ("idk, 3", 3, "idk", "typed with it"),
    ("lol idk 4", 4, "lol idk", "typed with it"),
    ("meh 2 :/", 2, "meh :/", "typed with it"),
    ("ok 5, honestly", 5, "ok honestly", "typed with it"),
    ("idk 3 because Sam asked", 3, "idk because Sam asked", "typed with it"),
    ("4 haha yeah", 4, "haha yeah", "after it"),
])
def test_a_score_with_asides_is_the_score_with_them_as_its_note(
    cli: CLI, store: Store, keys: Callable[..., Keys], typed: str, score: int, note: str,
    where: str,
) -> None:
    """Were asked again ("4 tbh lol", "idk 3"), the asides then kept for the next score's note."""
    keys(typed, "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert f"   Kept {score}, with the words {where} as its note.\n" in result.stderr
    assert AGAIN not in result.stderr
    assert stored(store) == [({FIRST: {"score": score, "note": note}}, 0)]


@pytest.mark.parametrize("typed", [
    "5 people came and I held back", "2 be honest", "i think 3", "3 people", "3 ppl",
    "4 tbh lol haha ok",  # (four asides: more than a few)
    "ok so 3", "lol 5 people came",
])
def test_a_count_or_a_sentence_stays_the_writer_s_words(
    cli: CLI, store: Store, keys: Callable[..., Keys], typed: str
) -> None:
    keys(typed, "4", "", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert KEPT_WORDS in result.stderr
    assert stored(store) == [({FIRST: {"score": 4, "note": typed}}, 0)]


@pytest.mark.parametrize("typed", ["five out of ten", "8/10", "3.5"])
def test_no_score_on_this_scale_is_still_asked_again_and_not_kept(
    cli: CLI, store: Store, keys: Callable[..., Keys], typed: str
) -> None:
    keys(typed, "3", "", "q")
    result = cli("supervision", "check")
    assert f"{AGAIN}\n" in result.stderr and KEPT_WORDS not in result.stderr
    assert stored(store) == [({FIRST: {"score": 3, "note": ""}}, 0)]


@pytest.mark.parametrize(("typed", "score", "note"), [
    ("3/5", 3, ""), ("3 out of 5", 3, ""), ("3 stars", 3, ""), ("4 lol", 4, "lol")])
def test_last_round_s_scores_still_work(
    cli: CLI, store: Store, keys: Callable[..., Keys], typed: str, score: int, note: str
) -> None:
    keys(typed, "q")  # (q at a note: the score kept without one)
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert AGAIN not in result.stderr
    assert stored(store) == [({FIRST: {"score": score, "note": note}}, 0)]


# -- 3. faces beside a score --------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "note"), [
    ("3 ^^", "^^"), ("3 :3", ":3"), ("3 xD", "xD"), ("3 <3", "<3"), ("3 ^_^", "^_^"),
    ("3 -_-", "-_-"), ("3 >.<", ">.<"), ("3 ;_;", ";_;"), ("3 T_T", "T_T"), ("^^ 3", "^^"),
    ("xD 3", "xD"), ("3 ^^ because Sam laughed", "^^ because Sam laughed"),
])
def test_a_face_beside_a_score_is_kept_in_its_note(
    cli: CLI, store: Store, keys: Callable[..., Keys], typed: str, note: str
) -> None:
    """Were: "3 ^^", "3 ^_^", "3 -_-" saved 3 with no note; "^^ 3" was asked again."""
    keys(typed, "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert AGAIN not in result.stderr
    assert stored(store) == [({FIRST: {"score": 3, "note": note}}, 0)]


# -- 4. a signal as Python ends ------------------------------------------------------------------


def _launched(tmp_path: Path, script: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "launch_r47.py").write_text(textwrap.dedent(script), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([SRC, str(tmp_path)])}
    return subprocess.run([sys.executable, "-m", "launch_r47"], env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL, cwd=tmp_path)


# an object Python collects as it clears the modules, after `sys.exit` and after it has put
# the signals' default actions back: the signal comes where a late one came
_AT_THE_END = """
    import os, signal, sys
    from peerjournal import launcher
    class AtTheEnd:
        def __del__(self):
            os.kill(os.getpid(), signal.{number})
    kept = AtTheEnd()
"""


@pytest.mark.parametrize("number", ["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_signal_as_python_ends_leaves_the_exit_code_decided(
    tmp_path: Path, number: str
) -> None:
    """Was: 143 for SIGTERM (129 SIGHUP, death by SIGINT) after `--version` printed whole."""
    done = _launched(tmp_path, _AT_THE_END.format(number=number) + """
    sys.argv = ["peerjournal", "--version"]
    launcher.main()
    """)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("peerjournal ")


def test_a_signal_as_python_ends_leaves_an_interrupt_s_130(tmp_path: Path) -> None:
    done = _launched(tmp_path, _AT_THE_END.format(number="SIGTERM") + """
    def stopped():
        raise KeyboardInterrupt
    launcher._run = stopped
    sys.argv = ["peerjournal", "list"]
    launcher.main()
    """)
    assert (done.returncode, done.stderr) == (130, "peerjournal: Interrupted.\n")


# -- round 47, second pass (QA qa_selfcheck): kept words are the writer's to give -----------------


def _kept_at_first(cli: CLI, keys: Callable[..., Keys], words: str) -> None:
    keys(words, "q")
    assert cli("supervision", "check").exit_code == 0


def test_kept_words_are_shown_and_a_no_leaves_them_in_their_file(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys]
) -> None:
    """Were added to any later check's score unasked, weeks later too (QA r47 2)."""
    _kept_at_first(cli, keys, "a rough night with Sam")
    keys("", "3", "", "q")  # Enter at [y/N]: no
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert f'{GIVEN_BACK}5 words): "a rough night with Sam"\n{USE_THEM}' in result.stderr
    assert "   They stay in " in result.stderr and "   Kept 3, with" not in result.stderr
    assert stored(store) == [({FIRST: {"score": 3, "note": ""}}, 0)]
    assert _words_files(isolated) == [{"item": FIRST, "words": "a rough night with Sam"}]


def test_q_at_1_5_with_only_kept_words_leaves_their_file_and_says_so(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys]
) -> None:
    _kept_at_first(cli, keys, "a rough night")
    keys("y", "q")
    result = cli("supervision", "check")
    assert "   The words kept from 2026-11-20 18:30 stay in " in result.stderr
    assert "No score came with the words typed" not in result.stderr  # (none typed this time)
    assert _words_files(isolated) == [{"item": FIRST, "words": "a rough night"}]


def test_kept_words_stay_when_the_note_cannot_hold_them(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys]
) -> None:
    """The file went once the score was saved, though its words were refused (QA r47 1)."""
    _kept_at_first(cli, keys, "word " * 300)  # 1,499 characters
    keys("y", "3 " + "x" * 600, "", "q")  # with them, the note is over 2,000 characters
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert "It was not kept: type or paste a shorter one" in result.stderr
    assert "   The words kept from 2026-11-20 18:30 are not in its note: they stay in" \
        in result.stderr
    assert stored(store) == [({FIRST: {"score": 3, "note": ""}}, 0)]
    assert len(_words_files(isolated)) == 1


def test_a_paste_longer_than_a_note_is_refused_when_typed(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys]
) -> None:
    """Was kept, then dropped with the words file once a score came (QA r47 1)."""
    keys("long " * 500, "q")
    result = cli("supervision", "check")
    assert "   The note is 2,499 characters; a note holds up to 2,000" in result.stderr
    assert "These words are not kept: type or paste a shorter note with the score" \
        in result.stderr
    assert _words_files(isolated) == [] and stored(store) == []


def test_answers_given_with_a_file_say_where_the_kept_words_are(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys]
) -> None:
    _kept_at_first(cli, keys, "a rough night")
    result = cli("supervision", "check", "--answers", "-", input=f"{FIRST} = 4\n")
    assert result.exit_code == 0, result.stderr
    assert (f"Words typed at {FIRST}'s 1-5 on 2026-11-20 18:30 with no score are not in these "
            "answers: they stay in ") in result.stderr
    assert stored(store) == [({FIRST: {"score": 4, "note": ""}}, 0)]
    assert len(_words_files(isolated)) == 1


def test_drafts_where_and_a_full_backup_tell_of_kept_words(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys], tmp_path: Path
) -> None:
    """Nothing but the message at the stop knew of them (QA r47 3)."""
    _kept_at_first(cli, keys, "a rough night")
    (isolated / "drafts" / "self-check" / "words-20261101-090000.json").write_text(
        '{"item": "story", "words": "I ', encoding="utf-8")  # (damaged)
    listed = cli("drafts")
    assert listed.exit_code == 0
    assert "Words kept from a self-check on 2026-11-20 18:30 (typed at " in listed.stderr
    assert "words-20261101-090000.json cannot be read as one (damaged?)" in listed.stderr
    assert "Words a self-check kept with no score (2 files) are in " in cli("where").stderr
    backup = cli("export", "--full", "-o", str(tmp_path / "b.json"))
    assert backup.exit_code == 0
    assert "Not in the backup: words a self-check kept with no score (2 files in " \
        in backup.stderr
    keys("q")
    checked = cli("supervision", "check")
    assert checked.stderr.count("cannot be read as one (damaged?)") == 1


def test_a_signal_while_an_exit_is_under_way_is_the_decided_one() -> None:
    """Typer's `except KeyboardInterrupt: raise Exit(130)` turned a late SIGTERM, after the
    command returned, into a silent 130 (QA r47 4): `_decided` says an exit is under way."""
    from peerjournal import launcher

    assert not launcher._decided()
    try:
        raise SystemExit(0)
    except SystemExit:
        assert launcher._decided()


# -- round 47, third pass (QA qa_selfcheck2) ------------------------------------------------------


def _unremovable(monkeypatch: pytest.MonkeyPatch, writable: bool) -> None:
    """Words files that cannot be removed (a folder made immutable, `chattr +i`), nor, unless
    `writable`, written."""
    unlink, write_text = Path.unlink, Path.write_text

    def refused(path: Path, *args: object, **kwargs: object) -> None:
        if path.name.startswith("words-"):
            raise PermissionError(1, "Operation not permitted")

    def no_unlink(path: Path, missing_ok: bool = False) -> None:
        refused(path)
        unlink(path, missing_ok)

    def no_write(path: Path, *args: object, **kwargs: object) -> int:
        if not writable:
            refused(path)
        return write_text(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "unlink", no_unlink)
    monkeypatch.setattr(Path, "write_text", no_write)


def test_words_saved_whose_file_cannot_go_are_said_and_never_offered_again(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The file stayed, unsaid, and the next check offered its words again: a second y put
    them in two self-checks (QA r47 second pass, 1)."""
    _kept_at_first(cli, keys, "a rough night")
    keys("y", "3", "q")
    with monkeypatch.context() as patched:
        _unremovable(patched, writable=True)
        result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert ("   The words kept from 2026-11-20 18:30 are saved in this check's note, but "
            in result.stderr)
    assert "could not be removed (Operation not permitted): delete it yourself (it is not " \
        "offered again)." in result.stderr
    assert stored(store) == [({FIRST: {"score": 3, "note": "a rough night"}}, 0)]
    assert _words_files(isolated) == [
        {"item": FIRST, "words": "a rough night", "saved": "2026-11-20 18:30"}]

    listed = cli("drafts")
    assert ("a self-check saved them in its note on 2026-11-20 18:30, but could not remove the "
            "file: delete it yourself (it is not offered again).") in listed.stderr
    keys("n", "4", "", "q")  # a new check: the words are not offered
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert GIVEN_BACK not in result.stderr
    assert [answers for answers, _ in stored(store)] == [{FIRST: {"score": 4, "note": ""}}]
    assert len(_words_files(isolated)) == 1


def test_a_file_that_cannot_be_removed_nor_marked_says_the_next_check_offers_it(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _kept_at_first(cli, keys, "a rough night")
    keys("y", "3", "q")
    with monkeypatch.context() as patched:
        _unremovable(patched, writable=False)
        result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert ("delete it yourself (until then the next check offers them again: answer n)."
            in result.stderr)
    assert _words_files(isolated) == [{"item": FIRST, "words": "a rough night"}]


@pytest.mark.parametrize(("stop", "code", "said"), [
    ("q", 0, "No answer is kept yet: `peerjournal supervision check` starts from the first"),
    (CTRL_D, 0, "No answer is kept yet: `peerjournal supervision check` starts from the first"),
])
def test_q_or_ctrl_d_at_the_offer_stops_the_check_as_at_1_5(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys],
    stop: str, code: int, said: str,
) -> None:
    """Were a no, and the check went on to 1-5 (QA r47 second pass, 2)."""
    _kept_at_first(cli, keys, "a rough night")
    keys(stop)
    result = cli("supervision", "check")
    assert result.exit_code == code, result.stderr
    assert said in result.stderr.replace("\n", " ")
    assert "   They stay in " in result.stderr and "   1-5: " not in result.stderr
    assert stored(store) == []
    assert _words_files(isolated) == [{"item": FIRST, "words": "a rough night"}]


def test_q_at_the_second_offer_keeps_both_files(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys]
) -> None:
    _kept_at_first(cli, keys, "a rough night")
    (isolated / "drafts" / "self-check" / "words-20261120-190000.json").write_text(
        json.dumps({"item": FIRST, "words": "and more"}), encoding="utf-8")
    keys("y", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert "   The words kept from 2026-11-20 18:30 stay in " in result.stderr
    assert stored(store) == [] and len(_words_files(isolated)) == 2


@pytest.mark.parametrize(("replies", "asked_again"), [
    (["yes please"], 0), (["yes."], 0), (["4", "y"], 1), (["yess", "Yes!"], 1),
])
def test_the_offer_reads_a_reply_as_every_y_n_question_does(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys],
    replies: list[str], asked_again: int,
) -> None:
    """"yes please" was a silent no, "4" dropped (QA r47 second pass, 3)."""
    _kept_at_first(cli, keys, "a rough night")
    keys(*replies, "3", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("   Please answer y or n.\n") == asked_again
    assert result.stderr.count(USE_THEM) == 1 + asked_again
    assert stored(store) == [({FIRST: {"score": 3, "note": "a rough night"}}, 0)]
    assert _words_files(isolated) == []


def test_drafts_says_words_too_long_for_a_note_are_not_offered(
    cli: CLI, store: Store, isolated: Path, keys: Callable[..., Keys]
) -> None:
    """`drafts` said the check offers them; the check says they are too long (QA r47 second
    pass, 4)."""
    folder = isolated / "drafts" / "self-check"
    folder.mkdir(parents=True)
    (folder / "words-20261101-090000.json").write_text(
        json.dumps({"item": FIRST, "words": "long " * 500}), encoding="utf-8")
    listed = cli("drafts")
    assert listed.exit_code == 0
    assert ("`peerjournal supervision check` does not offer them, as they are longer than a "
            "note holds: open the file to keep what you need, then delete it.") in listed.stderr
    assert "offers them as that question's note" not in listed.stderr
    keys("3", "", "q")
    result = cli("supervision", "check")
    assert "are longer than a note holds: they stay in" in result.stderr
    assert USE_THEM not in result.stderr
    assert len(_words_files(isolated)) == 1
