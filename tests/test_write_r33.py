"""Round 33, QA of `write` (findings 1, 2, 3, 6, 9, 10, 11): piped text is never dropped.

1. Text piped in with -f/-e and no -x is the experience (as with -t or -s alone), read to
   its end however slowly it comes; with --editor it is refused (usage error) and kept as a
   draft. -x and --from-file FILE never read stdin (`while read l; do write -x "$l"`).
2. `write --resume` of a draft for the editor, with text piped in, does not start the editor
   (it took the pipe as its keystrokes): refused, the piped text kept, the draft as it was.
3. Standard input, a file, or an editor draft, in Windows-1252 is read as that, with a line
   saying so; Cyrillic, Greek or cut-off UTF-8 is not (refused, and kept, as before).
4. Conflicting ways of writing are one kind of error: exit 2, one draft at most.
5. `edit ID` with options that change nothing says so, and leaves the entry as it was.
6. A file named `drafts` in the way is named as such, in one line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC
from test_drift_cli import one_line_error
from test_editor_drafts_r29 import use_editor
from test_write import drafts, entries

PIPED = "We walked to the river and he talked about his brother, PIPED."


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# -- 1. piped text with the quick options --------------------------------------------------


def test_piped_text_is_the_experience_when_only_feelings_and_evaluation_are_given(
    cli: CLI, isolated: Path
) -> None:
    """Was: "The experience is empty", and a draft with the feelings only."""
    result = cli("write", "-f", "Tired but glad.", "-e", "Listening was enough.", "-s", "crisis",
                 input=PIPED + "\n")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert (entry["experience"], entry["feelings"], entry["evaluation"], entry["setting"]) == (
        PIPED, "Tired but glad.", "Listening was enough.", "crisis")
    assert drafts(isolated) == []


def test_feelings_alone_and_nothing_piped_still_keeps_the_feelings(
    cli: CLI, isolated: Path
) -> None:
    result = cli("write", "-f", "Tired but glad.", input="")
    assert result.exit_code == 1 and "The experience is empty" in result.stderr
    [kept] = drafts(isolated)
    assert "Tired but glad." in _text(kept) and entries(cli) == []


def _shell(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`script` run by sh, `$PJ` running peerjournal (from the source tree)."""
    command = f"{sys.executable} -m peerjournal"
    return subprocess.run(
        ["sh", "-c", script], cwd=cwd, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": SRC, "PJ": command},
    )


@pytest.mark.parametrize("how", ["-x", "--from-file"])
def test_a_shell_loop_over_lines_saves_each_line(
    isolated: Path, tmp_path: Path, how: str
) -> None:
    """Was (this round): the first pass refused, the rest of the loop's lines read into a draft,
    nothing saved. -x and --from-file FILE leave stdin to the loop."""
    (tmp_path / "list.txt").write_text("First note\nSecond note\nThird note\n", encoding="utf-8")
    if how == "-x":
        body = '$PJ write -x "$l" -t batch'
    else:
        body = 'printf "## Experience\\n%s\\n" "$l" > one.md; $PJ write --from-file one.md'
    result = _shell(f'while IFS= read -r l; do {body} || exit 9; done < list.txt', tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1", "2", "3"]
    assert "Text was piped in" not in result.stderr and drafts(isolated) == []
    listed = subprocess.run(
        [sys.executable, "-m", "peerjournal", "list", "--json"], capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": SRC}, timeout=60, check=True,
    )
    assert sorted(e["experience"] for e in json.loads(listed.stdout)) == [
        "First note", "Second note", "Third note"]


def test_a_slow_pipe_with_feelings_is_read_to_its_end(isolated: Path, tmp_path: Path) -> None:
    """Was: "The experience is empty" (stdin looked at for 0.1 s only), the text lost."""
    result = _shell('(sleep 1; echo "From a slow producer.") | $PJ write -f tired -t slow',
                    tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1" and drafts(isolated) == []


def test_a_slow_pipe_of_blanks_with_feelings_keeps_the_feelings(
    isolated: Path, tmp_path: Path
) -> None:
    result = _shell('(sleep 1; echo "   ") | $PJ write -f "Tired but glad."', tmp_path)
    assert result.returncode == 1 and "The experience is empty" in result.stderr
    [kept] = drafts(isolated)
    assert "Tired but glad." in _text(kept)


def test_piped_text_with_experience_is_left_unread(cli: CLI, isolated: Path) -> None:
    """As before this round: -x is the experience, and stdin is not read."""
    result = cli("write", "-x", "Other words.", input=PIPED + "\n")
    assert result.exit_code == 0, result.stderr
    assert [e["experience"] for e in entries(cli)] == ["Other words."]
    assert drafts(isolated) == []


def test_a_blank_pipe_does_not_stop_a_quick_entry(cli: CLI, isolated: Path) -> None:
    assert cli("write", "-x", "A calm shift.", input=" \n\n").exit_code == 0
    assert [e["experience"] for e in entries(cli)] == ["A calm shift."]
    assert drafts(isolated) == []


def test_piped_text_with_editor_is_refused_before_the_editor_opens(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: the editor's entry saved, the piped text dropped."""
    ran = tmp_path / "ran"
    use_editor(monkeypatch, tmp_path, f"open({str(ran)!r}, 'w').close()\n")
    result = cli("write", "--editor", "-s", "ward", input=PIPED + "\n")
    [kept] = drafts(isolated)
    one_line_error(result, 2, "Text was piped in, and --editor opens an empty template",
                   "Your words are kept as draft ")
    assert not ran.exists() and entries(cli) == []
    assert PIPED in _text(kept) and '"setting": "ward"' in _text(kept)


def test_piped_text_with_a_file_to_read_is_left_unread(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    source = tmp_path / "entry.md"
    source.write_text("## Experience\nFrom the file.\n", encoding="utf-8")
    result = cli("write", "--from-file", str(source), input=PIPED + "\n")
    assert result.exit_code == 0, result.stderr
    assert [e["experience"] for e in entries(cli)] == ["From the file."]
    assert drafts(isolated) == []


def _run(args: list[str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """peerjournal in a process of its own, its stdin a pipe left open and never written to
    (a program that runs it with stdin=PIPE); it must end without waiting on that pipe."""
    with subprocess.Popen(
        [sys.executable, "-m", "peerjournal", *args], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": SRC},
    ) as process:
        started = time.monotonic()
        while process.poll() is None:
            if time.monotonic() - started > timeout:
                process.kill()
                pytest.fail("waited on an open, silent pipe")
            time.sleep(0.05)
        assert process.stdout is not None and process.stderr is not None
        return subprocess.CompletedProcess(
            args, process.returncode, process.stdout.read(), process.stderr.read()
        )


def test_a_pipe_left_open_and_silent_is_not_waited_on_by_x(isolated: Path) -> None:
    result = _run(["write", "-x", "A calm shift."])
    assert result.returncode == 0, result.stderr
    assert "Text was piped in" not in result.stderr


def test_a_real_pipe_with_feelings_is_the_experience(isolated: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "peerjournal", "write", "-f", "Tired."], input=PIPED + "\n",
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": SRC}, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1" and drafts(isolated) == []


# -- 2. --resume of a draft for the editor, with text piped in -----------------------------


def test_resume_of_an_editor_draft_with_piped_text_keeps_both_and_opens_nothing(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: vim started with the pipe as its keystrokes, a swap file of journal text left."""
    use_editor(monkeypatch, tmp_path, "open(path, 'a').write('## Experience\\nMine.\\n')\n"
                                      "sys.exit(1)\n")
    assert cli("write", "--editor").exit_code == 1
    [original] = drafts(isolated)
    before = original.read_bytes()
    ran = tmp_path / "ran"
    use_editor(monkeypatch, tmp_path, f"open({str(ran)!r}, 'w').close()\n")
    result = cli("write", "--resume", input=PIPED + "\n")
    [kept] = [d for d in drafts(isolated) if d != original]
    one_line_error(result, 2, "Text was piped in, and --resume opens the draft in your editor",
                   "Your words are kept as draft ",
                   # (kept first, it keeps its number 1 - round 46)
                   f"The draft {original} is as it was: `peerjournal write --resume --draft 1`")
    assert not ran.exists() and original.read_bytes() == before and PIPED in _text(kept)
    use_editor(monkeypatch, tmp_path, "open(path, 'a').write('More.\\n')\n")
    assert cli("write", "--resume", "--draft", "1").exit_code == 0  # (as the message said)
    assert [e["experience"] for e in entries(cli)] == ["Mine.\nMore."]


def test_resume_of_an_editor_draft_with_nothing_piped_opens_the_editor(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_editor(monkeypatch, tmp_path, "open(path, 'a').write('## Experience\\nMine.\\n')\n"
                                      "sys.exit(1)\n")
    assert cli("write", "--editor").exit_code == 1
    use_editor(monkeypatch, tmp_path, "open(path, 'a').write('More.\\n')\n")
    assert cli("write", "--resume", input="").exit_code == 0
    assert drafts(isolated) == []


# -- 3. Windows-1252 ----------------------------------------------------------------------


def test_windows_1252_on_stdin_is_read_as_that(cli: CLI, isolated: Path) -> None:
    """Was: "may be Latin-1", the é kept as � (and so gone for good)."""
    result = cli("write", input="Café with Sam, “thanks” – he said.\n".encode("cp1252"))
    assert result.exit_code == 0, result.stderr
    assert "Standard input is not UTF-8: it was read as Windows-1252" in result.stderr
    assert [e["experience"] for e in entries(cli)] == ["Café with Sam, “thanks” – he said."]
    assert drafts(isolated) == []


@pytest.mark.parametrize(
    "data", [b"caf\xc3\xa9 and caf\xe9\n", b"caf\x81 with Sam\n"], ids=["mixed", "undefined"]
)
def test_text_not_plainly_windows_1252_is_not_guessed_at(
    cli: CLI, isolated: Path, data: bytes
) -> None:
    result = cli("write", input=data)
    [kept] = drafts(isolated)
    one_line_error(result, 1, "Standard input is not UTF-8 text", "kept as �")
    assert "\ufffd" in _text(kept) and "read as Windows-1252" not in result.stderr


WESTERN = ["Café", "naïve", "Müller’s “quoted” – dash", "São João", "Straße", "coração",
           "L’été à Paris, c’était très calme."]


@pytest.mark.parametrize("text", WESTERN)
def test_western_windows_1252_words_are_read_as_that(
    cli: CLI, isolated: Path, text: str
) -> None:
    result = cli("write", input=f"We met, {text}, and talked.\n".encode("cp1252"))
    assert result.exit_code == 0, result.stderr
    assert [e["experience"] for e in entries(cli)] == [f"We met, {text}, and talked."]


NOT_1252 = {
    "cp1251": "Сегодня была трудная смена.".encode("cp1251"),
    "cp1253": "Σήμερα ήταν δύσκολη βάρδια.".encode("cp1253"),
    "koi8-r": "Сегодня была трудная смена.".encode("koi8_r"),
    "cut-utf8": b"It was fine \xe2\x80",
}


@pytest.mark.parametrize("data", NOT_1252.values(), ids=NOT_1252.keys())
def test_other_encodings_are_not_saved_as_windows_1252(
    cli: CLI, isolated: Path, data: bytes
) -> None:
    """Was (this round): saved garbled ("Ñåãîäíÿ", "It was fine â€"), only a note on stderr."""
    result = cli("write", input=data + b"\n")
    [kept] = drafts(isolated)
    one_line_error(result, 1, "Standard input is not UTF-8 text", "kept as �")
    assert entries(cli) == [] and "read as Windows-1252" not in result.stderr
    assert "\ufffd" in _text(kept)


@pytest.mark.parametrize(
    ("data", "saved"),
    [("Un café, “enfin” – oui.".encode("cp1252"), True), (NOT_1252["cp1251"], False)],
    ids=["cp1252", "cp1251"],
)
def test_a_file_is_read_as_windows_1252_as_stdin_is(
    cli: CLI, isolated: Path, tmp_path: Path, data: bytes, saved: bool
) -> None:
    """Was: a file in Windows-1252 refused ("save it as UTF-8"), the same text piped in read."""
    source = tmp_path / "entry.md"
    source.write_bytes(b"## Experience\n" + data + b"\n")
    result = cli("write", "--from-file", str(source))
    if saved:
        assert result.exit_code == 0, result.stderr
        assert f"{source} is not UTF-8: it was read as Windows-1252" in result.stderr
        assert [e["experience"] for e in entries(cli)] == ["Un café, “enfin” – oui."]
    else:
        one_line_error(result, 1, f"{source} is not UTF-8 text", "save it as UTF-8")
        assert entries(cli) == []


def test_an_editor_draft_in_windows_1252_can_be_resumed(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "save it as UTF-8" every time (vim keeps the encoding it read the draft in)."""
    folder = isolated / "drafts"
    folder.mkdir(parents=True)
    draft = folder / "20261120-170000.md"
    draft.write_bytes("## Experience\nLe café, encore.\n".encode("cp1252"))
    use_editor(monkeypatch, tmp_path, "open(path, 'ab').write('Déjà vu.\\n'.encode('cp1252'))\n")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert f"{draft} is not UTF-8: it was read as Windows-1252" in " ".join(result.stderr.split())
    assert [e["experience"] for e in entries(cli)] == ["Le café, encore.\nDéjà vu."]
    assert drafts(isolated) == []


# -- 4. conflicting ways of writing --------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "kept"),
    [
        (["--resume", "-x", "Quick."], False),
        (["--stdin", "--resume"], True),
        (["--editor", "-x", "Quick."], False),
        (["--stdin", "-x", "Quick."], True),
        (["--stdin", "-f", "Quick."], True),
        (["--editor", "--from-file", "nothing.md"], False),
    ],
    ids=["resume-x", "stdin-resume", "editor-x", "stdin-x", "stdin-f", "editor-file"],
)
def test_two_ways_of_writing_are_a_usage_error_with_one_draft_at_most(
    cli: CLI, isolated: Path, args: list[str], kept: bool
) -> None:
    """Was: exit 1 for some, 2 for others; `--stdin -f` kept two drafts for one failure."""
    result = cli("write", *args, input=PIPED + "\n")
    one_line_error(result, 2, "Use only one of", "Nothing was saved")
    found = drafts(isolated)
    assert len(found) == int(kept) and entries(cli) == []
    assert all(PIPED in _text(d) and "Quick." not in _text(d) for d in found)


# -- 5. edit with options that change nothing ----------------------------------------------


def test_edit_that_changes_nothing_leaves_the_entry_as_it_was(
    cli: CLI, add: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry_id = add("I sat with Sam and we talked about his week.", "-t", "Handover")
    assert cli("edit", str(entry_id), "-s", "crisis").stderr == f"Updated entry {entry_id}.\n"
    before = json.loads(cli("show", str(entry_id), "--json").stdout)
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-20T21:00:00+00:00")
    for args in (["-s", "crisis"], ["-s", " crisis "], ["-t", "handover"],
                 ["-x", "I sat with Sam and we talked about his week."]):
        result = cli("edit", str(entry_id), *args)
        assert (result.exit_code, result.stderr) == (0, f"Entry {entry_id} is unchanged.\n")
    as_json = cli("edit", str(entry_id), "-s", "crisis", "--json")
    assert json.loads(as_json.stdout) == before
    assert json.loads(cli("show", str(entry_id), "--json").stdout) == before
    result = cli("edit", str(entry_id), "-s", "ward")
    assert result.stderr == f"Updated entry {entry_id}.\n"
    after = json.loads(cli("show", str(entry_id), "--json").stdout)
    assert after["updated_at"] != before["updated_at"] and after["setting"] == "ward"


def test_edit_that_changes_nothing_still_brings_a_stale_drift_score_up_to_date(
    cli: CLI, add: Any, isolated: Path
) -> None:
    """Was (this round): the score of an older lexicon left as it was by `edit -s` unchanged."""
    import sqlite3

    entry_id = add("I sat with Sam and we talked about his week.", "-s", "crisis")
    db = isolated / "journal.db"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE entry SET lexicon_version = 'an-old-one' WHERE id = ?", (entry_id,))
    before = json.loads(cli("show", str(entry_id), "--json").stdout)
    result = cli("edit", str(entry_id), "-s", "crisis")
    assert (result.exit_code, result.stderr) == (0, f"Entry {entry_id} is unchanged.\n")
    with sqlite3.connect(db) as conn:
        (version,) = conn.execute(
            "SELECT lexicon_version FROM entry WHERE id = ?", (entry_id,)).fetchone()
    assert version not in (None, "an-old-one")
    assert json.loads(cli("show", str(entry_id), "--json").stdout)["updated_at"] == (
        before["updated_at"])


# -- 6. a file where the drafts folder goes ------------------------------------------------


def test_a_file_named_drafts_is_one_clear_line(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "peerjournal: File exists: …/drafts"."""
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "drafts").write_text("", encoding="utf-8")
    monkeypatch.setenv("EDITOR", "true")
    result = cli("write", "--editor")
    one_line_error(result, 1, f"Cannot use the drafts folder {isolated / 'drafts'}: a file of "
                   "that name is in the way (move or rename it); the editor was not opened")
