"""Round 40 (qa_env 1-7, qa_first F3): an entry printed because it could not be saved reaches
stdout whole or stderr whole, and the message says which; a closed stdin or stderr is an
inheritable /dev/null for the editor; a terminal's typed letters are read as the terminal sends
them whatever PYTHONIOENCODING says; `drift --text` reads non-UTF-8 bytes as `write -x` does;
`tags` honours an ASCII or Latin-1 stdout; an absurd COLUMNS is capped; an import refused by
the journal says nothing was imported; `edit`'s template says how to cancel an edit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC
from peerjournal.cli.editor import check_comments
from peerjournal.drafts import EDIT_HEADER, for_entry
from peerjournal.entry import Entry, EntryDraft
from peerjournal.errors import DatabaseError, PeerJournalError
from peerjournal.reflection import format_template, load_prompt_set
from peerjournal.render.console import MAX_WIDTH

SENTENCE = "Lots of words about the long shift on the ward. "


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": SRC, **extra}


# -- 1. the entry printed when not even a draft can be written ---------------------------------


def _limit_file_size(size: int) -> Callable[[], None]:
    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


@pytest.mark.skipif(sys.platform == "win32", reason="needs resource.setrlimit")
def test_an_entry_cut_short_on_stdout_is_printed_whole_on_stderr(tmp_path: Path) -> None:
    out = tmp_path / "o.txt"
    text = (SENTENCE * 2000).strip()  # ~96 KB, past the 50 KB limit: no draft, stdout cut
    with out.open("wb") as stdout:
        run = subprocess.run(
            [sys.executable, "-m", "peerjournal", "write", "-x", text, "-s", "ward"],
            env=_env(), stdout=stdout, stderr=subprocess.PIPE, timeout=120, check=False,
            preexec_fn=_limit_file_size(50 * 1024),
        )
    err = run.stderr.decode("utf-8")
    assert run.returncode != 0 and "Traceback" not in err
    printed = out.read_text(encoding="utf-8", errors="replace")
    assert printed.count("Lots of words") < 2000  # (the limit cut stdout's copy)
    assert err.count("Lots of words") == 2000  # every word, on stderr
    assert "printed on stdout" not in err
    assert "so your entry is printed on stderr (stdout could not take it: File too large; " \
        "what it took is cut short)" in err


@pytest.mark.skipif(sys.platform == "win32", reason="needs resource.setrlimit")
def test_an_entry_printed_whole_on_stdout_says_so() -> None:
    text = (SENTENCE * 2000).strip()  # (a pipe has no file-size limit: stdout takes it all)
    run = subprocess.run(
        [sys.executable, "-m", "peerjournal", "write", "-x", text],
        env=_env(), capture_output=True, timeout=120, check=False,
        preexec_fn=_limit_file_size(50 * 1024),
    )
    err = run.stderr.decode("utf-8")
    assert "so your entry is printed on stdout: copy it" in err
    assert err.count("Lots of words") == 0
    assert run.stdout.decode("utf-8").count("Lots of words") == 2000


# -- 2. a closed stdin or stderr: the editor still gets one ------------------------------------


CHILD_SEES = (
    "import os, subprocess, sys\n"
    "from peerjournal.launcher import _open_closed_streams\n"
    "_open_closed_streams()\n"
    "code = 'import os; os.fstat(0); os.fstat(2)'\n"
    "sys.exit(subprocess.run([sys.executable, '-c', code], check=False).returncode)\n"
)


@pytest.mark.parametrize("closed", [(0,), (2,), (0, 2)])
def test_a_child_sees_the_null_device_on_a_closed_stdin_or_stderr(closed: tuple[int, ...]) -> None:
    def close() -> None:
        for fd in closed:
            os.close(fd)

    run = subprocess.run([sys.executable, "-c", CHILD_SEES], env=_env(), preexec_fn=close,
                         stdout=subprocess.PIPE, timeout=60, check=False)
    assert run.returncode == 0


# -- 6. a terminal's stdin read as the terminal sends it ---------------------------------------


READ_A_LINE = (
    "from peerjournal.launcher import _tolerate_encodings\n"
    "_tolerate_encodings()\n"
    "import sys\n"
    "line = sys.stdin.readline()\n"
    "sys.stdout.write(ascii(line) + ' ' + sys.stdin.encoding + '\\n')\n"
)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_typed_letters_are_read_as_utf8_whatever_pythonioencoding_says(encoding: str) -> None:
    import pty

    leader, follower = pty.openpty()
    try:
        child = subprocess.Popen(
            [sys.executable, "-c", READ_A_LINE], stdin=follower, stdout=subprocess.PIPE,
            env=_env(PYTHONIOENCODING=encoding, LC_ALL="C.UTF-8"),
        )
        os.write(leader, "Zoë und Jürgen, 住房\n".encode())
        said, _ = child.communicate(timeout=60)
    finally:
        os.close(leader)
        os.close(follower)
    assert said.decode("ascii") == ascii("Zoë und Jürgen, 住房\n") + " utf-8\n"


def test_a_pipe_keeps_the_encoding_asked_for() -> None:
    run = subprocess.run([sys.executable, "-c", READ_A_LINE], input=b"abc\n",
                         env=_env(PYTHONIOENCODING="latin-1"), stdout=subprocess.PIPE,
                         timeout=60, check=False)
    assert run.stdout.decode().split() == ["'abc\\n'", "iso8859-1"]


# -- 3. drift --text with bytes that are not UTF-8 ----------------------------------------------


@pytest.mark.skipif(sys.getfilesystemencoding() != "utf-8", reason="needs a UTF-8 locale")
def test_drift_text_reads_latin1_bytes_as_write_does(cli: CLI) -> None:
    given = "Zo\udceb told her to take the meds"  # b"Zo\xeb …" on a UTF-8 command line
    result = cli("drift", "--text", given)
    assert result.exit_code == 0, result.stderr
    assert "Zoë told her to take the meds" in result.stdout
    assert "not UTF-8: it was read as Windows-1252 (Latin-1)" in result.stderr
    assert "nothing was saved" not in result.stderr
    scored = cli("drift", "--json", "--text", given)
    assert scored.exit_code == 0 and json.loads(scored.stdout)["verdict"]


# -- 4. tags on an ASCII or Latin-1 stdout -----------------------------------------------------


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_tags_print_as_list_does_on_a_narrow_encoding(add: Any, encoding: str) -> None:
    add("Tag test words here", "-t", "住房", "-t", "über", "-t", "plain")
    run = subprocess.run([sys.executable, "-m", "peerjournal", "tags"],
                         env=_env(PYTHONIOENCODING=encoding), capture_output=True,
                         timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.decode(encoding).splitlines()  # (UTF-8 bytes would not decode)
    assert len(lines) == 3 and len({len(line) for line in lines}) == 1  # counts aligned
    assert ("über" if encoding == "latin-1" else "uber") in run.stdout.decode(encoding)


# -- 7. an absurd COLUMNS ----------------------------------------------------------------------


def test_an_absurd_columns_is_capped(cli: CLI, add: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    add()
    monkeypatch.setenv("COLUMNS", "99999999999")
    result = cli("list")
    assert result.exit_code == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= MAX_WIDTH


# -- 8. an import refused by the journal -------------------------------------------------------


def test_an_import_the_journal_refuses_says_nothing_was_imported(
    cli: CLI, add: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("Seed entry words.")
    file = tmp_path / "journal.txt"
    file.write_text("[2026-10-01 09:00] A shift\nWords of the imported entry.\n", "utf-8")

    def full(*args: Any) -> list[int]:
        raise DatabaseError("Database error in j.db: disk I/O error.")

    monkeypatch.setattr("peerjournal.cli.importer._import_entries", full)
    result = cli("import", str(file))
    assert result.exit_code != 0
    assert result.stderr.strip() == (
        "peerjournal: Database error in j.db: disk I/O error. Nothing was imported (the "
        "journal is as it was)."
    )
    listed = json.loads(cli("list", "--json").stdout)
    assert [e["experience"] for e in listed] == ["Seed entry words."]


# -- 5. the edit template says how to cancel an edit --------------------------------------------


def _template() -> str:
    prompts = load_prompt_set("boud")
    return format_template(EntryDraft(date(2026, 11, 20), experience="Words."), prompts)


EDITED = Entry(date=date(2026, 11, 20), id=1,
               created_at=datetime(2026, 11, 20, 18, 0, tzinfo=UTC))


def test_the_edit_template_does_not_say_an_empty_experience_cancels() -> None:
    assert "leave Experience empty to cancel" in _template()  # (true for a new entry)
    edit = for_entry(_template(), EDITED)
    assert "empty to cancel" not in edit and EDIT_HEADER in edit
    assert "without saving" in edit and "--fresh" in edit and "drafts --discard" in edit
    assert edit.count("\n") == _template().count("\n") + 1  # (its line numbers kept)


def test_an_edit_kept_with_the_old_header_is_not_taken_for_words_in_a_comment() -> None:
    given = for_entry(_template(), EDITED)
    kept = for_entry("", EDITED).join([_template().replace("Words.", "Other words."), ""])
    check_comments(given, kept)  # (no error)
    typed = kept.replace("empty to cancel.", "empty to cancel. I typed here.")
    with pytest.raises(PeerJournalError, match="inside a <!-- … --> comment"):
        check_comments(given, typed)


def test_edit_shows_the_edit_header(
    cli: CLI, add: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add()
    shown = tmp_path / "shown.md"
    script = tmp_path / "copying_editor.py"
    script.write_text(f"import shutil, sys; shutil.copy(sys.argv[-1], {str(shown)!r})\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    text = shown.read_text(encoding="utf-8")
    assert EDIT_HEADER in text and "empty to cancel" not in text


def test_an_edit_moved_to_a_new_entry_draft_is_not_taken_for_words_in_a_comment() -> None:
    check_comments(_template(), for_entry(_template(), EDITED))  # (no error)


def test_words_typed_into_guidance_are_told_by_their_own_line() -> None:
    for given in (_template(), for_entry(_template(), EDITED)):
        for edited in (_template(), for_entry(_template(), EDITED)):
            guide = "What were you hoping for?"
            typed = edited.replace(guide, f"{guide} I typed here.")
            line = typed[: typed.index("I typed here.")].count("\n") + 1
            with pytest.raises(PeerJournalError, match=f"^Line {line}: "):
                check_comments(given, typed)
