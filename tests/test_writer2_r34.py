"""Round 34, the writer's words (fix-writer2), after a QA pass (/tmp/r34/qa_writer.md):

F0. A disk that fills during a guided write: the draft saved before is removed only once the
    entry is saved (or kept whole elsewhere); printing the entry when nothing can be written
    falls back to stderr when stdout cannot take it, and says so.
F1. A whole entry (Markdown format) piped in with -f/-e is refused (exit 2) and kept, as
    `--from-file FILE -e X` is; plain text piped with them is still the experience.
F9. `echo y | write --resume` saves a draft kept from piped text as it is (with the options
    given); a reply piped in ("y", "n", "maybe later") is never kept as a draft.
F4. Windows-1252 punctuation (Word's `”—“`, `café’s`) is read as that; Cyrillic is not.
F5. "later", "maybe later", "y es" at "Save this entry?" are asked again, not saved as words.
F14. -f/-e at a terminal start the guided session with them filled in.
F11. `write --resume --tag ''` removes the draft's tags, as `edit --tag ''` does.
F10. `write --stdin` at a terminal: text, Ctrl-D, Ctrl-D ends the input.
"""

from __future__ import annotations

import builtins
import errno
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.errors import ExitCode, PeerJournalError
from test_guided import ScriptedInput
from test_write import drafts, entries
from test_write_drafts import _disk_full_on_create

NO_SPACE = os.strerror(errno.ENOSPC)
LINE_ONE = "Line one, saved before the disk fills."
LINE_TWO = "Line two, typed after it is full."


# -- F0: a disk that fills mid-session -----------------------------------------------------


class _FillingDisk:
    """Draft writes that work until `full` is set (a disk that fills during the session)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import peerjournal.cli.guided
        from peerjournal import drafts as drafts_module

        self.full = False
        real = drafts_module.save_json

        def save_json(draft: Any, data: dict[str, Any]) -> None:
            if self.full:
                raise OSError(errno.ENOSPC, NO_SPACE)
            real(draft, data)

        monkeypatch.setattr(peerjournal.cli.guided, "save_json", save_json)
        monkeypatch.setattr(drafts_module, "save_json", save_json)


class _FillsAfterLineOne(ScriptedInput):
    """The guided answers; the disk fills as the second line of the experience is typed."""

    def __init__(self, disk: _FillingDisk) -> None:
        super().__init__(["", LINE_ONE, LINE_TWO, "", "", "", "", "", "", "", "", "y"])
        self.disk = disk

    def __call__(self, prompt: str = "") -> str:
        line = super().__call__(prompt)
        if line == LINE_TWO:
            self.disk.full = True
        return line


def _guided_on_a_filling_disk(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, *, journal_fails: bool
) -> tuple[Any, _FillingDisk]:
    from peerjournal.context import AppContext

    monkeypatch.setattr(AppContext, "stdin_is_terminal", lambda self: True)
    disk = _FillingDisk(monkeypatch)
    if journal_fails:
        _disk_full_on_create(monkeypatch)
    monkeypatch.setattr(builtins, "input", _FillsAfterLineOne(disk))
    return cli("write"), disk


def test_a_disk_that_fills_mid_session_keeps_the_draft_saved_before(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: the draft holding line one was deleted before the journal save was even tried;
    printed on stdout only, and with `> id.txt` on the same disk, lost."""
    result, _disk = _guided_on_a_filling_disk(cli, isolated, monkeypatch, journal_fails=True)
    assert result.exit_code == ExitCode.DATABASE
    [draft] = drafts(isolated)
    kept = json.loads(draft.read_text(encoding="utf-8"))["entry"]
    assert kept["experience"] == LINE_ONE  # up to the last line saved
    assert f"{LINE_ONE}\n{LINE_TWO}" in result.stdout  # the whole entry, printed
    message = result.stderr.strip().splitlines()[-1]
    assert "printed on stdout" in message
    assert f"The draft {draft} holds your text only up to the last line that could be saved." \
        in message
    assert LINE_ONE not in message  # (journal text is never in an error)


def test_the_whole_entry_kept_in_a_new_draft_replaces_the_partial_one(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Space freed by the time the journal save fails: the whole entry is kept, once."""
    import peerjournal.cli.write

    disk = _FillingDisk(monkeypatch)
    real_keep = peerjournal.cli.write._keep_as_draft

    def keep_after_freeing(*args: Any, **kwargs: Any) -> Any:
        disk.full = False
        return real_keep(*args, **kwargs)

    monkeypatch.setattr(peerjournal.cli.write, "_keep_as_draft", keep_after_freeing)
    from peerjournal.context import AppContext

    monkeypatch.setattr(AppContext, "stdin_is_terminal", lambda self: True)
    _disk_full_on_create(monkeypatch)
    monkeypatch.setattr(builtins, "input", _FillsAfterLineOne(disk))
    result = cli("write")
    assert result.exit_code == ExitCode.DATABASE
    [draft] = drafts(isolated)
    kept = json.loads(draft.read_text(encoding="utf-8"))["entry"]
    assert kept["experience"] == f"{LINE_ONE}\n{LINE_TWO}"
    assert "Your words are kept as draft " in result.stderr
    assert result.stdout == ""


def test_the_partial_draft_goes_once_the_entry_is_saved(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result, _disk = _guided_on_a_filling_disk(cli, isolated, monkeypatch, journal_fails=False)
    assert result.exit_code == 0, result.stderr
    assert [e["experience"] for e in entries(cli)] == [f"{LINE_ONE}\n{LINE_TWO}"]
    assert drafts(isolated) == []


class _Unwritable(io.StringIO):
    """A stream on a full disk: every write fails; no descriptor to point elsewhere."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, NO_SPACE)

    def fileno(self) -> int:
        raise io.UnsupportedOperation("fileno")


def test_an_entry_stdout_cannot_take_is_printed_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: a bare "No space left on device" (`write > id.txt` on the full disk)."""
    from peerjournal.drafts import text_printed

    err = io.StringIO()
    monkeypatch.setattr(sys, "stdout", _Unwritable())
    monkeypatch.setattr(sys, "stderr", err)
    failed = text_printed(PeerJournalError("Nothing was saved."), "Every word.", tmp_path, NO_SPACE)
    assert failed.printed
    assert err.getvalue() == "Every word.\n"
    assert failed.message == (
        f"Nothing was saved. The draft could not be written to {tmp_path} ({NO_SPACE}), so your "
        f"entry is printed on stderr (stdout could not take it: {NO_SPACE}): copy it somewhere "
        "safe (`write --from-file` reads it back)."
    )


def test_an_entry_that_can_be_printed_nowhere_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.drafts import text_printed

    monkeypatch.setattr(sys, "stdout", _Unwritable())
    monkeypatch.setattr(sys, "stderr", _Unwritable())
    failed = text_printed(PeerJournalError("Nothing was saved."), "Every word.", tmp_path, NO_SPACE)
    assert failed.message.endswith(
        f"and it could not be printed on stdout or stderr either ({NO_SPACE}): this entry was "
        "kept nowhere."
    )


# -- F1: a whole entry piped in with -f or -e ----------------------------------------------

WHOLE_ENTRY = (
    "date: 2026-11-01\nsetting: inpatient\n\n## Experience\nWe met on the ward.\n\n"
    "## Feelings\nAnxious.\n"
)


@pytest.mark.parametrize(
    ("option", "text"), [("-e", "I learned to wait."), ("-f", "Calm.")]
)
@pytest.mark.parametrize(
    "piped", [WHOLE_ENTRY, "## Experience\nWe met on the ward.\n"], ids=["headers", "heading"]
)
def test_a_whole_entry_piped_with_a_part_given_too_is_refused_and_kept(
    cli: CLI, isolated: Path, option: str, text: str, piped: str
) -> None:
    """Was: saved, the raw Markdown (`## Feelings`, `date:` lines) as its experience and
    dated today; `--from-file FILE -e X` is refused, so this is too."""
    result = cli("write", option, text, input=piped)
    assert result.exit_code == ExitCode.USAGE
    assert entries(cli) == []
    assert "The text piped in is a whole entry in the Markdown format" in result.stderr
    [draft] = drafts(isolated)
    assert draft.suffix == ".md" and draft.read_text(encoding="utf-8") == piped
    assert "Your words are kept as draft " in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_whole_entry_kept_is_saved_as_the_entry_it_is(cli: CLI, isolated: Path) -> None:
    assert cli("write", "-e", "I learned to wait.", input=WHOLE_ENTRY).exit_code == 2
    saved = cli("write", "--resume", input="y\n")  # (F9: a yes piped in saves it as it is)
    assert saved.exit_code == 0, saved.stderr
    [entry] = entries(cli)
    assert (entry["date"], entry["setting"], entry["experience"], entry["feelings"]) == (
        "2026-11-01", "inpatient", "We met on the ward.", "Anxious."
    )
    assert drafts(isolated) == []


@pytest.mark.parametrize(
    "piped",
    ["We met on the ward.\r\nIt was # fine.\r\n", "Setting: busy ward, no beds and we waited.\n",
     "Notes\n## Later\nWe met.\n"],
    ids=["crlf", "setting-sentence", "own-heading"],
)
def test_plain_text_piped_with_feelings_is_still_the_experience(
    cli: CLI, piped: str
) -> None:
    result = cli("write", "-f", "Calm.", input=piped)
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert entry["experience"] == piped.replace("\r\n", "\n").strip()
    assert entry["feelings"] == "Calm."


# -- F9: `echo y | write --resume` on a draft kept from piped text -------------------------

LONG_TAG = "x" * 70


def _kept_piped_draft(cli: CLI, isolated: Path) -> Path:
    result = cli("write", "-t", LONG_TAG, input="Piped words about the day.\n")
    assert result.exit_code == 1
    [draft] = drafts(isolated)
    assert draft.suffix == ".md"
    return draft


def test_a_yes_piped_in_saves_a_kept_piped_draft_with_the_options_given(
    cli: CLI, isolated: Path
) -> None:
    """Was: refused ("opens the draft in your editor"), and the "y" kept as a new draft,
    the newest: a script had no way to save it."""
    _kept_piped_draft(cli, isolated)
    result = cli("write", "--resume", "--tag", "ok", input="y\n")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert (entry["experience"], entry["tags"]) == ("Piped words about the day.", ["ok"])
    assert drafts(isolated) == []


@pytest.mark.parametrize(
    ("reply", "options", "code", "said"),
    [
        ("n\n", [], 1, "Not saved (a no was piped in)."),
        ("maybe later\n", [], 1, "No answer to 'Save this entry?'"),
        ("y\n", ["--editor"], 2, "without --editor, `echo y | peerjournal write --resume` saves"),
    ],
    ids=["no", "later", "editor"],
)
def test_a_reply_piped_in_is_never_kept_as_a_draft(
    cli: CLI, isolated: Path, reply: str, options: list[str], code: int, said: str
) -> None:
    draft = _kept_piped_draft(cli, isolated)
    before = draft.read_bytes()
    result = cli("write", "--resume", *options, input=reply)
    assert result.exit_code == code
    assert said in result.stderr and f"The draft {draft} is as it was" in result.stderr
    assert drafts(isolated) == [draft] and draft.read_bytes() == before
    assert entries(cli) == []


def test_text_piped_to_an_editor_draft_is_still_kept(cli: CLI, isolated: Path) -> None:
    """Words, not a reply: kept as before (the editor would have taken them as keys)."""
    draft = _kept_piped_draft(cli, isolated)
    result = cli("write", "--resume", input="More words about the day.\n")
    assert result.exit_code == 2
    assert len(drafts(isolated)) == 2 and draft in drafts(isolated)


# -- F4: Word's punctuation in Windows-1252 ------------------------------------------------

WORD_TEXT = (
    "He said \u201cno\u201d\u2014\u201cnever\u201d. We sat in the caf\u00e9\u2019s corner\u2026"
)


def test_word_punctuation_in_windows_1252_is_read_from_a_file(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: "is not UTF-8 text (at byte 9)", no guess: `”—“` was three bytes past ASCII in a
    row, as a Cyrillic word is."""
    path = tmp_path / "word.txt"
    path.write_bytes(WORD_TEXT.encode("cp1252"))
    result = cli("write", "--from-file", str(path))
    assert result.exit_code == 0, result.stderr
    assert "it was read as Windows-1252" in result.stderr
    assert entries(cli)[0]["experience"] == WORD_TEXT


def test_word_punctuation_in_windows_1252_is_read_from_a_pipe(cli: CLI) -> None:
    result = cli("write", input=WORD_TEXT.encode("cp1252"))
    assert result.exit_code == 0, result.stderr
    assert entries(cli)[0]["experience"] == WORD_TEXT


@pytest.mark.parametrize(
    ("data", "read"),
    [
        ("\u201cno\u201d\u2014\u201cnever\u201d".encode("cp1252"), True),
        ("caf\u00e9\u2019s".encode("cp1252"), True),
        ("\u2026\u00bb\u00ab\u00a0ok".encode("cp1252"), True),
        ("\u00c5\u00c4\u00d6 letters".encode("cp1252"), False),  # three letters: not guessed
        ("Сегодня был трудный день".encode("cp1251"), False),
        ("Сегодня был трудный день".encode("koi8_r"), False),
        (b"It was fine \xe2\x80\n", False),  # UTF-8 cut off mid-letter
        ("caf\u00e9 \u2014 ok".encode() + b"\xff", False),  # UTF-8 with a bad byte
    ],
    ids=["quotes-dash", "apostrophe-after-e", "ellipsis-guillemets", "letters", "cp1251",
         "koi8-r", "cut-utf8", "utf8"],
)
def test_what_is_read_as_windows_1252(data: bytes, read: bool) -> None:
    from peerjournal.cli.editor import as_windows_1252

    assert (as_windows_1252(data) is not None) == read


# -- F5: "later" at "Save this entry?" -----------------------------------------------------


@pytest.mark.parametrize("reply", ["later", "maybe later", "Later.", "not today", "y es", "n o"])
def test_later_or_a_spaced_yes_is_asked_again_not_saved_as_words(
    cli: CLI, isolated: Path, reply: str
) -> None:
    """Was: "later", "maybe later", "y es" were added to the end of the evaluation."""
    assert cli("write", "-x", "We sat together.", "-d", "2030-01-01").exit_code == 1
    result = cli("write", "--resume", "-d", "today", input=f"{reply}\ny\n")
    assert result.exit_code == 0, result.stderr
    assert "Please answer y (save) or n" in result.stderr
    assert entries(cli)[0]["evaluation"] == ""


def test_replies_that_are_words_stay_words() -> None:
    from peerjournal.replies import AGAIN, yes_or_no_reply

    assert [yes_or_no_reply(r) for r in ("later", "y es", "yes please", "no thanks")] == [
        AGAIN, AGAIN, True, False,
    ]
    assert yes_or_no_reply("Later we talked about his week.") is None
    assert yes_or_no_reply("We met later.") is None


# -- F14: -f/-e at a terminal --------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "part"), [("-f", "feelings"), ("-e", "evaluation")]
)
def test_feelings_or_evaluation_at_a_terminal_start_the_guided_session(
    cli: CLI, isolated: Path, keys: Any, option: str, part: str
) -> None:
    """Was: "The experience is empty" at once, exit 1, and a stray draft."""
    keys("", "We talked about his week.", "", "", "", "", "", "", "", "y")
    result = cli("write", option, "Calm and tired.")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert entry["experience"] == "We talked about his week."
    assert entry[part] == "Calm and tired."
    # (r37: named as given with the option, not as a draft continued: nothing was resumed)
    assert f"(given with --{part}:)\nCalm and tired." in result.stderr
    assert drafts(isolated) == []


# -- F11: `write --resume --tag ''` ----------------------------------------------------------


def test_resume_with_an_empty_tag_removes_the_drafts_tags(cli: CLI, isolated: Path) -> None:
    """Was: "Not a usable tag: ''", while `edit --tag ''` removes them."""
    kept = cli("write", "-x", "We talked.", "-t", "keep", "-d", "2030-01-01")
    assert kept.exit_code == 1
    result = cli("write", "--resume", "--tag", "", "-d", "today", input="y\n")
    assert result.exit_code == 0, result.stderr
    assert entries(cli)[0]["tags"] == []


def test_a_bad_option_with_resume_says_the_draft_is_unchanged(cli: CLI, isolated: Path) -> None:
    assert cli("write", "-f", "Tired.", "-t", "keep", input="").exit_code == 1
    [draft] = drafts(isolated)
    before = draft.read_bytes()
    result = cli("write", "--resume", "--mode", "sideways", input="y\n")
    assert result.exit_code == 1
    assert result.stderr.rstrip().endswith("Your drafts are as they were.")
    assert drafts(isolated) == [draft] and draft.read_bytes() == before


# -- F10: `write --stdin` at a terminal: text, Ctrl-D, Ctrl-D --------------------------------


def test_on_a_terminal_ctrl_d_twice_after_text_ends_stdin(
    cli: CLI, isolated: Path, journal_template: Path
) -> None:
    """Was: Ctrl-D on a line with text did nothing (readline deleted a character there),
    so `text^D^D`, which ends `cat`, left the writer waiting with no word on screen."""
    import select
    import shutil
    import subprocess
    import time

    from conftest import SRC
    from test_qa16_writer_terminal import _controlling_terminal

    if not hasattr(os, "openpty"):
        pytest.skip("needs a pseudo-terminal")
    isolated.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(journal_template, isolated / "journal.db")
    controller, terminal = os.openpty()
    env = {**os.environ, "PYTHONPATH": SRC, "TERM": "xterm"}
    process = subprocess.Popen(
        [sys.executable, "-m", "peerjournal", "write", "--stdin", "-t", "x"], stdin=terminal,
        stdout=terminal, stderr=terminal, env=env, close_fds=True,
        preexec_fn=_controlling_terminal,
    )
    os.close(terminal)
    shown = b""

    def read(seconds: float, until: Any = lambda: False) -> bool:
        nonlocal shown
        end = time.monotonic() + seconds
        while time.monotonic() < end and not until():
            if select.select([controller], [], [], 0.02)[0]:
                try:
                    shown += os.read(controller, 65536)
                except OSError:
                    break
        return bool(until())

    def reading_keys() -> bool:
        """Readline has the terminal (not line by line): Ctrl-D typed before that would be
        the terminal's own."""
        import termios

        return b"line of its own" in shown and not termios.tcgetattr(controller)[3] & (
            termios.ICANON
        )

    try:
        assert read(60, reading_keys)
        for keys in (b"Typed line one.\r", b"no newline at end", b"\x04", b"\x04"):
            os.write(controller, keys)
            read(0.3)
        read(60, lambda: process.poll() is not None)  # (ends early when the terminal closes)
        assert process.wait(timeout=60) == 0, shown.decode(errors="replace")
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        os.close(controller)
    assert [e["experience"] for e in entries(cli)] == ["Typed line one.\nno newline at end"]


# -- QA of this round's changes ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Date: yesterday we talked about it.\n", "Mode: crisis, but we got through.\n",
             "We talked <!-- not this --> about it.\n"])
def test_plain_text_that_looks_like_a_header_is_the_experience(
    cli: CLI, isolated: Path, text: str
) -> None:
    """QA: refused as a whole entry, then `echo y | write --resume` deleted it as empty."""
    result = cli("write", "-f", "scared", input=text)
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert entry["feelings"] == "scared" and entry["experience"] == text.strip()
    assert drafts(isolated) == []


def test_a_draft_kept_from_text_not_utf8_is_not_saved_garbled(cli: CLI, isolated: Path) -> None:
    """QA: `echo y | write --resume` saved the � text and deleted the bytes as they came in."""
    kept = cli("write", input="Мы поговорили сегодня о его неделе.\n".encode("cp1251"))
    assert kept.exit_code == 1
    [draft] = drafts(isolated)
    original = isolated / "drafts" / "originals" / draft.name
    before = original.read_bytes()
    result = cli("write", "--resume", input="y\n")
    assert result.exit_code == 1
    assert "not UTF-8" in result.stderr and "Nothing was saved." in result.stderr
    assert entries(cli) == [] and drafts(isolated) == [draft]
    assert original.read_bytes() == before


def test_yes_for_ever_saves_an_editor_draft_without_reading_it_all(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: `yes | write --resume` read stdin whole (23 GB); now its first MiB is enough."""
    from peerjournal.cli import write

    monkeypatch.setenv("EDITOR", "false")
    assert cli("write", "--editor", input="We talked.\n").exit_code == 2
    monkeypatch.setattr(write, "_REPLIES_AT_MOST", 1000)
    result = cli("write", "--resume", input="y\n" * 5000)
    assert result.exit_code == 0, result.stderr
    assert [e["experience"] for e in entries(cli)] == ["We talked."]
