"""Round 34, the writer's words (fix-writer):

1. Piped text that is not UTF-8 is kept as a draft with a � for each such byte, and its bytes
   as they came in under the draft's name in `drafts/originals/`, named in the error with the
   `iconv` command that converts and saves them; `drafts` names it, a discard removes it, and
   the converted text saved removes both.
2. The encoding hint fits the bytes: Cyrillic, Greek, Japanese, Korean, Chinese … not
   "Latin-1" for all.
3. Lines piped after the answer to "Save this entry?" (`printf 'y\\nmore\\n' | write
   --resume`) are not dropped: added to the evaluation, the entry not saved.
4. A half-typed line of a guided write reaches the draft when typing pauses (kill -9 keeps
   it); SIGHUP keeps it too; a long paste is still saved only a few times.
5. "yes..." at a [y/N] question that destroys something is asked again.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import CLI
from test_guided_r33 import Terminal, on_a_terminal  # noqa: F401 (a fixture)
from test_write import drafts, entries

RUSSIAN = "Сегодня был трудный день на смене, мы долго говорили о его опыте.\n"
JAPANESE = "今日は大変な一日でした。彼と話して、少し気持ちが楽になりました。\n"


def _kept_draft(home: Path) -> tuple[Path, Path]:
    """The one draft kept, and the file holding its bytes as they came in."""
    [draft] = drafts(home)
    [original] = (home / "drafts" / "originals").iterdir()
    assert original.name == draft.name
    return draft, original


def _no_originals(home: Path) -> bool:
    return not (home / "drafts" / "originals").exists()


# -- 1. the bytes as they came in are kept -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding", "iconv"),
    [(RUSSIAN, "cp1251", "CP1251"), (RUSSIAN, "koi8_r", "KOI8-R"),
     (JAPANESE, "shift_jis", "SHIFT_JIS")],
)
def test_piped_text_not_utf8_is_kept_as_it_came_in_beside_the_draft(
    cli: CLI, isolated: Path, text: str, encoding: str, iconv: str
) -> None:
    """Was: the draft held only � for every letter; the writer's words were gone."""
    data = text.encode(encoding)
    result = cli("write", input=data)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert entries(cli) == []
    draft, original = _kept_draft(isolated)
    assert original.read_bytes() == data
    assert "\ufffd" in draft.read_text(encoding="utf-8")
    shown = result.stderr
    assert shown.count("\n") == 1  # one line
    assert f"As it came in, it is in {original}: `iconv -f {iconv} -t UTF-8 {original} | " \
           "peerjournal write` saves it." in shown
    assert text.strip() not in shown  # (the journal text is never in an error)


def test_the_kept_bytes_converted_and_saved_remove_the_draft_and_the_bytes(
    cli: CLI, isolated: Path
) -> None:
    data = RUSSIAN.encode("cp1251")
    assert cli("write", input=data).exit_code == 1
    draft, original = _kept_draft(isolated)
    # what `iconv -f CP1251 -t UTF-8 FILE | peerjournal write` pipes in
    saved = cli("write", input=original.read_bytes().decode("cp1251").encode("utf-8"))
    assert saved.exit_code == 0, saved.stderr
    assert [e["experience"] for e in entries(cli)] == [RUSSIAN.strip()]
    assert f"({draft}) is removed" in saved.stderr
    assert drafts(isolated) == [] and _no_originals(isolated)


def test_drafts_names_the_kept_bytes_and_discard_removes_them(cli: CLI, isolated: Path) -> None:
    assert cli("write", input=JAPANESE.encode("shift_jis")).exit_code == 1
    _draft, original = _kept_draft(isolated)
    listed = cli("drafts")
    assert listed.exit_code == 0
    assert listed.stdout.count("\n") == 1  # still one draft listed
    assert f"Draft 1 came in as text that is not UTF-8; as it came in, it is in {original}." \
        in listed.stderr
    [row] = json.loads(cli("drafts", "--json").stdout)
    assert row["original"] == str(original)
    assert cli("drafts", "--discard", "1", "--yes").exit_code == 0
    assert drafts(isolated) == [] and _no_originals(isolated)  # no file left behind


def test_the_experience_piped_with_feelings_keeps_its_bytes_too(cli: CLI, isolated: Path) -> None:
    """-f without -x: the piped text is the experience, kept in a guided draft."""
    data = RUSSIAN.encode("cp1251")
    result = cli("write", "-f", "Tired.", input=data)
    assert result.exit_code == 1
    draft, original = _kept_draft(isolated)
    assert draft.suffix == ".json" and original.read_bytes() == data
    assert f"(`iconv -f CP1251 -t UTF-8 {original}` converts it)." in result.stderr


def test_utf8_text_keeps_no_file_beside_its_draft(cli: CLI, isolated: Path) -> None:
    """Text refused for another reason (a date in the future) has no bytes to keep aside."""
    result = cli("write", "--stdin", "-d", "2030-01-01", input="We talked.\n")
    assert result.exit_code == 1
    assert [p.suffix for p in drafts(isolated)] == [".md"] and _no_originals(isolated)
    assert "As it came in" not in result.stderr


# -- 2. a hint that fits the bytes ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding", "hint"),
    [
        (RUSSIAN, "cp1251", "it looks like Cyrillic text in Windows-1251"),
        (RUSSIAN, "koi8_r", "it looks like Cyrillic text in KOI8-R"),
        ("Σήμερα ήταν δύσκολη βάρδια, μιλήσαμε πολύ.", "cp1253",
         "it looks like Greek text in Windows-1253"),
        (JAPANESE, "shift_jis", "it looks like Japanese text in Shift-JIS"),
        (JAPANESE, "euc_jp", "it looks like Japanese text in EUC-JP"),
        ("오늘은 힘든 하루였습니다. 그와 이야기를 나누었어요.", "euc_kr",
         "it looks like Korean text in EUC-KR"),
        ("今天是很辛苦的一天。我和他谈了很久，心里轻松了一些。", "gbk",
         "it looks like Chinese text in GBK (GB2312)"),
        ("היום היה יום קשה במשמרת, דיברנו הרבה.", "cp1255",
         "it looks like Hebrew text in Windows-1255"),
    ],
)
def test_the_encoding_hint_fits_the_bytes(
    cli: CLI, isolated: Path, text: str, encoding: str, hint: str
) -> None:
    """Was: "it may be Latin-1 or Windows-1252" for Cyrillic, or no hint at all."""
    result = cli("write", input=text.encode(encoding))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"peerjournal: Standard input is not UTF-8 text (at byte 1; {hint}): "
    )
    assert "Latin-1" not in result.stderr


def test_a_file_in_cyrillic_is_refused_with_its_encoding(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    path = tmp_path / "entry.md"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    result = cli("write", "--from-file", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path} is not UTF-8 text (at byte 1); it looks like Cyrillic text in "
        "Windows-1251: save it as UTF-8 and try again.\n"
    )


@pytest.mark.parametrize(
    "data", [b"It was fine \xe2\x80", b"caf\x81 with Sam\n", b"ok \xff\xfe\xfd"],
    ids=["cut-utf8", "undefined", "too-little"],
)
def test_no_encoding_is_named_when_the_bytes_do_not_say(cli: CLI, data: bytes) -> None:
    result = cli("write", input=data)
    assert result.exit_code == 1
    assert "it looks like" not in result.stderr and "iconv -f ENCODING" in result.stderr


# -- 3. lines piped after the answer -------------------------------------------------------


def _kept_quick_entry(cli: CLI) -> None:
    """A quick entry kept as a draft (its date in the future), for `write --resume`."""
    assert cli("write", "-x", "We sat together at the bench.", "-d", "2030-01-01").exit_code == 1


def test_lines_piped_after_the_save_answer_are_kept_not_dropped(
    cli: CLI, isolated: Path
) -> None:
    """Was: saved without "An extra thought", which was read and thrown away."""
    _kept_quick_entry(cli)
    result = cli("write", "--resume", "-d", "today", input="y\nAn extra thought\n\nAnd one more\n")
    assert result.exit_code == 1
    assert entries(cli) == []
    assert "More came in after the answer to 'Save this entry?' (2 lines), so the entry was " \
        "not saved: that is added to the end of your evaluation." in result.stderr
    [draft] = drafts(isolated)
    kept = json.loads(draft.read_text(encoding="utf-8"))["entry"]
    assert kept["evaluation"] == "An extra thought\n\nAnd one more"
    # asked again, it is saved with them
    again = cli("write", "--resume", "-d", "today", input="y\n")
    assert again.exit_code == 0, again.stderr
    assert entries(cli)[0]["evaluation"] == "An extra thought\n\nAnd one more"


@pytest.mark.parametrize("rest", ["", "\n\n", "y\ny\ny\n"], ids=["none", "blank", "answers"])
def test_blank_lines_or_more_answers_after_the_save_answer_save_it(
    cli: CLI, isolated: Path, rest: str
) -> None:
    """`yes | peerjournal write --resume`: answers are not words for the entry."""
    _kept_quick_entry(cli)
    result = cli("write", "--resume", "-d", "today", input="y\n" + rest)
    assert result.exit_code == 0, result.stderr
    assert [e["experience"] for e in entries(cli)] == ["We sat together at the bench."]
    assert drafts(isolated) == []


def test_yes_piped_forever_does_not_hang(isolated: Path, tmp_path: Path) -> None:
    """The rest of standard input is read as far as it is there, not to its end."""
    import os
    import sys

    from conftest import SRC

    env = {**os.environ, "PYTHONPATH": SRC}
    command = [sys.executable, "-m", "peerjournal"]
    subprocess.run([*command, "write", "-x", "A calm talk.", "-d", "2030-01-01"], env=env,
                   capture_output=True, timeout=60, check=False)
    yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    try:
        done = subprocess.run([*command, "write", "--resume", "-d", "today"], env=env,
                              stdin=yes.stdout, capture_output=True, timeout=60, check=False)
    finally:
        yes.kill()
        yes.wait()
    assert done.returncode == 0, done.stderr


# -- 4. a half-typed line reaches the draft when typing pauses ------------------------------


def test_on_a_terminal_a_half_typed_line_is_saved_when_typing_pauses(
    on_a_terminal: Terminal,  # noqa: F811
) -> None:
    """Was: only Enter or Ctrl-C put it on disk: kill -9 (or a crash) lost it."""
    on_a_terminal.type(b"We sat together.\r")
    assert on_a_terminal.read(5, lambda: on_a_terminal.experience() == "We sat together.")
    on_a_terminal.type(b"half a li")
    both = "We sat together.\nhalf a li"
    assert on_a_terminal.read(10, lambda: on_a_terminal.experience() == both)
    on_a_terminal.process.kill()
    on_a_terminal.process.wait(timeout=30)
    assert on_a_terminal.experience() == both
    # resumed, it is the line cut off, to carry on
    [draft] = on_a_terminal.home.joinpath("drafts").glob("*.json")
    assert json.loads(draft.read_text(encoding="utf-8"))["cut_off"] == "experience"


def test_on_a_terminal_typing_on_after_a_pause_is_not_doubled(
    on_a_terminal: Terminal,  # noqa: F811
) -> None:
    """The line saved at the pause is not kept twice once Enter ends it."""
    on_a_terminal.type(b"half a li")
    assert on_a_terminal.read(10, lambda: on_a_terminal.experience() == "half a li")
    on_a_terminal.type(b"ne ended.\r")
    assert on_a_terminal.read(5, lambda: on_a_terminal.experience() == "half a line ended.")
    on_a_terminal.read(1.5)  # a pause on an empty line changes nothing
    assert on_a_terminal.experience() == "half a line ended."


def test_on_a_terminal_sighup_keeps_the_half_typed_line(
    on_a_terminal: Terminal,  # noqa: F811
) -> None:
    """A closed terminal, a dropped ssh: SIGHUP, with no pause first."""
    on_a_terminal.type(b"We sat together.\r")
    assert on_a_terminal.read(5, lambda: on_a_terminal.experience() == "We sat together.")
    on_a_terminal.type(b"half a li")
    on_a_terminal.read(0.3)
    on_a_terminal.process.send_signal(signal.SIGHUP)
    on_a_terminal.read(30, lambda: on_a_terminal.process.poll() is not None)
    on_a_terminal.process.wait(timeout=30)
    assert on_a_terminal.experience() == "We sat together.\nhalf a li"


def test_on_a_terminal_a_3000_line_paste_stays_quick_and_saved_a_few_times(
    on_a_terminal: Terminal,  # noqa: F811
) -> None:
    lines = [f"pasted line {n:04d} of a long note" for n in range(3000)]
    started = time.monotonic()
    on_a_terminal.type("".join(f"{line}\r" for line in lines).encode())
    pasted = "\n".join(lines)
    assert on_a_terminal.read(180, lambda: on_a_terminal.experience() == pasted)
    took = time.monotonic() - started
    assert on_a_terminal.writes() < 200
    print(f"3,000-line paste: {took:.1f} s, {on_a_terminal.writes()} draft writes")


# -- 5. "yes..." is a hesitation -----------------------------------------------------------


@pytest.mark.parametrize("reply", ["yes...", "yes…", "Yes..", "y...", "yes please..."])
def test_a_yes_trailing_off_at_trash_empty_is_asked_again(
    cli: CLI, add: object, reply: str
) -> None:
    entry = add()  # type: ignore[operator]
    cli("delete", str(entry))
    result = cli("trash", "--empty", input=f"{reply}\n")  # then end of input: no
    assert result.exit_code == 1
    assert "Please answer y or n." in result.stderr and "Nothing destroyed" in result.stderr
    assert [e["id"] for e in json.loads(cli("trash", "--json").stdout)] == [entry]
    confirmed = cli("trash", "--empty", input=f"{reply}\nyes\n")
    assert confirmed.exit_code == 0 and "Destroyed 1" in confirmed.stderr


@pytest.mark.parametrize("reply", ["yes.", "yes!", "Yes", "y"])
def test_yes_with_a_full_stop_or_a_bang_is_still_yes(cli: CLI, add: object, reply: str) -> None:
    entry = add()  # type: ignore[operator]
    cli("delete", str(entry))
    result = cli("trash", "--empty", input=f"{reply}\n")
    assert result.exit_code == 0 and "Destroyed 1" in result.stderr


def test_confirm_reply_reads_an_ellipsis_as_hesitation() -> None:
    from peerjournal.replies import AGAIN, confirm_reply

    assert [confirm_reply(r) for r in ("yes...", "yes…", "yes.", "yes!", "no...", "")] == [
        AGAIN, AGAIN, True, True, False, False,
    ]
