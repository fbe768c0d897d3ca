"""Round 36, QA findings (writer2):

1. A data folder that cannot be entered (root's, after `sudo peerjournal write`): exit 4 with a
   message that says so, and piped text printed on stdout when no draft can be written.
2. Text on the command line that is not UTF-8 is read as UTF-8 from its bytes, else as
   Windows-1252 (as piped text is), not refused and thrown away.
3. UTF-16 without a byte order mark piped to `write --stdin` is named as that, not "binary".
4. Ctrl-D at a guided prompt stops for now, the draft kept, as q does.
5. `drafts` shows as many first words as the terminal has room for; the discard question
   shows where two drafts that start the same differ.
6. The self-check's resume question reads as a question.
7. The start of a known setting ("commu") gets a did-you-mean.
8. A slip in a date's word ("yesterdya") gets a did-you-mean.
9. `edit ID -x` that cannot change the journal does not speak of an editor.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, CTRL_D, SRC, Keys
from peerjournal.cli import folder_kept_out
from peerjournal.dates import parse_date
from peerjournal.entry import SETTING_SUGGESTIONS
from peerjournal.errors import ExitCode, PeerJournalError
from peerjournal.setting_names import likely_meant
from peerjournal.textsafe import from_command_line
from test_write import drafts, entries

PJ = [sys.executable, "-m", "peerjournal"]
TEXT = "We walked with Sam, he spoke up about housing."


def _denied(path: Path) -> PermissionError:
    return PermissionError(errno.EACCES, "Permission denied", str(path))


# -- 1. a data folder that cannot be entered --------------------------------------------------


def test_a_permission_error_in_the_data_folder_is_exit_4(isolated: Path) -> None:
    kept_out = folder_kept_out(_denied(isolated / "journal.db"))
    assert kept_out is not None and kept_out.exit_code == ExitCode.DATABASE
    assert str(isolated) in kept_out.message and "PEERJOURNAL_HOME" in kept_out.message
    assert folder_kept_out(_denied(Path("/elsewhere/notes.md"))) is None  # not the journal's
    assert folder_kept_out(FileNotFoundError(errno.ENOENT, "gone", str(isolated))) is None


def shut_the_home(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The data folder as one that cannot be entered: the prompt sets under it and the drafts
    folder refuse with EACCES (tests run as root, which file modes do not stop)."""
    from peerjournal import reflection
    from peerjournal.cli import write

    shipped = reflection._sources

    def shut(user_dir: Path | None) -> dict[str, Path]:
        if user_dir is not None:
            raise _denied(user_dir)
        return shipped(None)

    def no_draft(*args: object, **kwargs: object) -> None:
        raise _denied(isolated / "drafts")

    monkeypatch.setattr(reflection, "_sources", shut)
    monkeypatch.setattr(write, "_new_draft", no_draft)


def test_piped_text_is_printed_when_the_folder_cannot_be_read(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "peerjournal: Permission denied: …/prompts", exit 1, and the text gone."""
    shut_the_home(isolated, monkeypatch)
    result = cli("write", "--stdin", input=TEXT + "\n")
    assert result.exit_code == ExitCode.DATABASE
    assert TEXT in result.stdout
    assert f"The folder {isolated}" in result.stderr and "printed on stdout" in result.stderr
    assert "Permission denied: " not in result.stderr.splitlines()[0][:40]
    quick = cli("write", "-x", "A quick one with Sam.", "-s", "ward")
    assert quick.exit_code == ExitCode.DATABASE
    assert "A quick one with Sam." in quick.stdout and "setting: ward" in quick.stdout


def _as_nobody() -> bool:
    return os.geteuid() == 0 and shutil.which("setpriv") is not None


@pytest.mark.skipif(not _as_nobody(), reason="needs root and setpriv, to run as another user")
def test_a_folder_made_by_sudo_as_another_user(tmp_path: Path) -> None:
    """The QA's own case: the folder is root's, 700; the writer is another user."""
    outer = Path(tempfile.mkdtemp(prefix="pj-r36-"))
    try:
        outer.chmod(0o755)
        home = outer / "home"
        env = {**os.environ, "PYTHONPATH": SRC, "PEERJOURNAL_HOME": str(home)}
        subprocess.run([*PJ, "write", "-x", "first, as root"], env=env, check=True,
                       capture_output=True, timeout=120)
        home.chmod(0o700)
        nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        ran = subprocess.run([*nobody, *PJ, "write", "--stdin"], env=env, input=TEXT.encode(),
                             capture_output=True, timeout=120)
        if b"No module named" in ran.stderr or b"Permission denied: '" in ran.stderr:
            pytest.skip("this Python cannot be run as another user here")
        assert ran.returncode == 4, ran.stderr
        assert TEXT in ran.stdout.decode()
        assert f"The folder {home} cannot be entered: it belongs to root" in ran.stderr.decode()
        listed = subprocess.run([*nobody, *PJ, "list", "--json"], env=env,
                                capture_output=True, timeout=120)
        assert listed.returncode == 4 and b"cannot be entered" in listed.stderr
    finally:
        shutil.rmtree(outer, ignore_errors=True)


# -- 2. text on the command line that is not UTF-8 --------------------------------------------


def test_command_line_bytes_are_read_as_utf8_then_windows_1252() -> None:
    assert from_command_line("Zo\udcc3\udcab") == ("Zoë", None)  # UTF-8 under an ASCII locale
    text, note = from_command_line("Zo\udceb was there, caf\udce9 after.")  # Latin-1 bytes
    assert text == "Zoë was there, café after." and note and "Windows-1252" in note
    assert from_command_line("plain") == ("plain", None)


def test_write_and_edit_keep_latin1_bytes_from_the_command_line(cli: CLI) -> None:
    """Was: "UTF-8 is needed, and this text is not UTF-8 …; nothing was saved." and no draft."""
    result = cli("write", "-x", "Zo\udceb was there, caf\udce9 after.", "-t", "caf\udce9")
    assert result.exit_code == 0, result.stderr
    assert "read as Windows-1252" in result.stderr
    [entry] = entries(cli)
    assert (entry["experience"], entry["tags"]) == ("Zoë was there, café after.", ["café"])
    edited = cli("edit", "1", "-x", "Tea with Zo\udcc3\udcab")
    assert edited.exit_code == 0, edited.stderr
    assert entries(cli)[0]["experience"] == "Tea with Zoë"


def test_utf8_under_an_ascii_locale_is_saved(isolated: Path) -> None:
    env = {**os.environ, "PYTHONPATH": SRC, "LC_ALL": "C", "PYTHONUTF8": "0",
           "PYTHONCOERCECLOCALE": "0"}
    ran = subprocess.run([*PJ, "write", "-x", "Zoë was there".encode()], env=env,
                         capture_output=True, timeout=120)
    assert ran.returncode == 0, ran.stderr
    shown = subprocess.run([*PJ, "list", "--json"], env={**env, "PYTHONUTF8": "1"},
                           capture_output=True, timeout=120)
    assert json.loads(shown.stdout)[0]["experience"] == "Zoë was there"


# -- 3. UTF-16 without a byte order mark, piped -----------------------------------------------


def test_utf16_without_a_mark_piped_is_named_and_kept(cli: CLI, isolated: Path) -> None:
    """Was: "Standard input contains NUL bytes (is it a binary file?)", no original kept."""
    data = "We walked to the office together.\n".encode("utf-16-le")
    result = cli("write", "--stdin", input=data)
    assert result.exit_code == 1
    said = " ".join(result.stderr.split())
    assert "it looks like UTF-16 saved without a byte order mark" in said
    assert "NUL bytes" not in said and "iconv -f UTF-16LE" in said
    [draft] = drafts(isolated)
    assert "We walked to the office together." in draft.read_text("utf-8")
    assert (isolated / "drafts" / "originals" / draft.name).read_bytes() == data


# -- 4. Ctrl-D at a guided prompt -------------------------------------------------------------


def test_ctrl_d_at_a_prompt_stops_for_now(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    """Was: Ctrl-D acted as Enter at each prompt; seven to get out."""
    keys("community", "We walked to the shop.", "", CTRL_D, "never read")
    result = cli("write")
    assert result.exit_code == 1
    assert "(q alone on a line, or Ctrl-D, stops for now)" in result.stderr
    assert "Stopped for now (Ctrl-D), so it was not saved." in result.stderr
    assert "Save this entry?" not in result.stderr
    [draft] = drafts(isolated)
    kept = json.loads(draft.read_text("utf-8"))["entry"]
    assert (kept["setting"], kept["experience"]) == ("community", "We walked to the shop.")
    assert entries(cli) == []


def test_ctrl_d_at_the_setting_with_nothing_written(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    keys(CTRL_D, "not the experience")
    result = cli("write")
    assert result.exit_code == 1 and "No experience written, so nothing was saved." in (
        result.stderr)
    assert "What happened" not in result.stderr and drafts(isolated) == []


# -- 5. drafts that start the same ------------------------------------------------------------

SAME_START = "We walked and talked, I shared my story with him and then"


def test_drafts_that_start_the_same_can_be_told_apart(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in (1, 2):
        assert cli("write", "-x", f"{SAME_START} {n}", "-d", "yesterdya").exit_code == 1
    monkeypatch.setenv("COLUMNS", "200")
    listed = cli("drafts").stdout.splitlines()
    assert len(listed) == 2
    # (each numbered by the message that kept it: the first kept is draft 1, round 47)
    assert [line.endswith(f"{SAME_START} {n}") for line, n in zip(listed, (1, 2), strict=True)] \
        == [True, True]
    asked = cli("drafts", "--discard", "2", input="n\n")
    assert asked.exit_code == 1 and "him and then 2\")" in asked.stderr
    assert len(drafts(isolated)) == 2


# -- 6. the self-check's resume question ------------------------------------------------------


def test_the_resume_question_of_a_self_check_reads_as_one(cli: CLI, terminal: None) -> None:
    # r48: Ctrl-D (the input's end) stops a self-check for now as q does: exit 0, its answers
    # kept (docs/exit-codes.md "Stopping for now"); it was 1
    assert cli("supervision", "check", input="4\n\n2\n\n").exit_code == 0
    result = cli("supervision", "check", input="q\n")
    assert ("(2 of 22 answered)? [Y/n] (y carries on; n sets it aside and starts afresh; "
            "q stops for now)") in " ".join(result.stderr.split())
    assert "? No sets it aside" not in result.stderr


# -- 7. the start of a setting ----------------------------------------------------------------


@pytest.mark.parametrize(("typed", "meant"), [
    ("commu", "community"), ("hous", "housing"), ("emerg", "emergency department"),
    ("co", None), ("crisis", None), ("group", None), ("xyz", None), ("inpateint", "inpatient"),
])
def test_the_start_of_a_known_setting_is_questioned(typed: str, meant: str | None) -> None:
    assert likely_meant(typed, SETTING_SUGGESTIONS) == meant


def test_a_truncated_setting_option_is_named(cli: CLI) -> None:
    result = cli("write", "-x", "We walked to the shop.", "-s", "commu")
    assert result.exit_code == 0
    assert "did you mean 'community'?" in result.stderr


# -- 8. a slip in a date's word ---------------------------------------------------------------


@pytest.mark.parametrize(("typed", "meant"), [
    # ("tomorow" suggests nothing now: a date ahead is refused wherever a date is read, round 37)
    ("yesterdya", "yesterday"), ("3 dyas ago", "3 days ago"),
    ("last fridya", "last friday"),
])
def test_a_date_word_slip_gets_a_did_you_mean(typed: str, meant: str) -> None:
    from datetime import date

    with pytest.raises(PeerJournalError) as raised:
        parse_date(typed, date(2026, 11, 20))
    assert f"Could not read the date {typed!r}; did you mean {meant!r}? Use " in str(raised.value)


def test_no_did_you_mean_for_what_is_no_date_word(cli: CLI) -> None:
    result = cli("list", "--since", "xyzzy")
    assert result.exit_code != 0 and "did you mean" not in result.stderr
    write = cli("write", "-x", "We walked.", "--date", "yesterdya")
    assert "did you mean 'yesterday'?" in write.stderr and write.exit_code == 1


# -- 9. edit -x that cannot change the journal ------------------------------------------------


def test_edit_x_in_a_read_only_folder_names_no_editor(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch, isolated: Path
) -> None:
    """Was: "…, so the editor was not opened; entry 1 is unchanged." for `edit 1 -x`."""
    entry = add("We sat together at the bench.")
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: mode != os.W_OK and real(p, mode))
    result = cli("edit", str(entry), "-x", "new text")
    assert result.exit_code == ExitCode.DATABASE
    assert "read-only" in result.stderr and f"entry {entry} is unchanged" in result.stderr
    assert "editor" not in result.stderr


def test_edit_x_whose_copy_cannot_be_kept_names_no_editor(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch, isolated: Path
) -> None:
    from peerjournal import drafts as drafts_module

    entry = add("We sat together at the bench.")

    def denied(*args: object, **kwargs: object) -> None:
        raise _denied(isolated / "drafts" / "edits")

    monkeypatch.setattr(drafts_module, "new_edit", denied)
    result = cli("edit", str(entry), "-x", "new text")
    assert result.exit_code == ExitCode.DATABASE
    assert "editor" not in result.stderr and f"entry {entry} is unchanged" in result.stderr
    assert entries(cli)[0]["experience"] == "We sat together at the bench."
