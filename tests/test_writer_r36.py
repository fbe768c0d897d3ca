"""Round 36, the writer's words (writer):

1. Lines piped after a no to "Save this entry?" are added to the evaluation, as after a yes.
2. Text piped to a guided draft with questions still to answer is kept as a draft of its own.
3. Bytes not UTF-8 piped after the answer ("Caf\\xe9") are read as Windows-1252, not as �.
4. The "waiting for the end of standard input" notice shows only when nothing has come in for
   NOTICE_AFTER seconds, not while a fast pipe is read.
5. One filter tells more answers from words after the answer (guided and editor drafts).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC
from test_write import drafts

PJ = [sys.executable, "-m", "peerjournal"]


def _env(**more: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": SRC, **more}


def _kept_guided(cli: CLI) -> Path:
    """A quick entry kept as a guided draft (its date in the future), for `write --resume`."""
    assert cli("write", "-x", "We sat together at the bench.", "-d", "2030-01-01").exit_code == 1
    [draft] = drafts(Path(os.environ["PEERJOURNAL_HOME"]))
    return draft


def _resumed(data: bytes, *more: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*PJ, "write", "--resume", "-d", "today", *more], input=data,
                          env=_env(), capture_output=True, timeout=120)


def _evaluation(draft: Path) -> str:
    entry = json.loads(draft.read_text(encoding="utf-8"))["entry"]
    return str(entry["evaluation"])


def _said(result: subprocess.CompletedProcess[bytes]) -> str:
    return " ".join(result.stderr.decode().split())


# -- 1. after a no ---------------------------------------------------------------------------


def test_lines_piped_after_a_no_are_kept_in_the_evaluation(cli: CLI, isolated: Path) -> None:
    """Was: `printf 'n\\nOne more thought\\n' | write --resume` said "Not saved." and the line
    was in no draft."""
    draft = _kept_guided(cli)
    result = _resumed(b"n\nOne more thought\n\nAnd another.\ny\n")
    assert result.returncode == 1, _said(result)
    assert _evaluation(draft) == "One more thought\n\nAnd another."
    assert "Not saved (the answer was no). What came in after it (2 lines) is added to the " \
        "end of your evaluation." in _said(result)


def test_a_no_with_nothing_after_it_says_not_saved_as_before(cli: CLI, isolated: Path) -> None:
    draft = _kept_guided(cli)
    result = _resumed(b"n\nn\n\n")
    assert result.returncode == 1
    assert _evaluation(draft) == ""
    assert "Not saved. Your draft is kept in" in _said(result)


# -- 2. questions left -----------------------------------------------------------------------


def test_text_piped_to_a_draft_with_questions_left_is_kept(cli: CLI, isolated: Path) -> None:
    """Was: "left as it was", and the piped text was neither kept nor mentioned."""
    draft = _kept_guided(cli)
    data = json.loads(draft.read_text(encoding="utf-8"))
    data["done"] = data["done"][:2]
    draft.write_text(json.dumps(data), encoding="utf-8")
    before = draft.read_text(encoding="utf-8")
    result = _resumed(b"My answer\nMore reflection.\n")
    said = _said(result)
    assert result.returncode == 1, said
    assert draft.read_text(encoding="utf-8") == before
    [kept] = [d for d in drafts(isolated) if d.suffix == ".md"]
    assert "\nMy answer\nMore reflection.\n" in kept.read_text(encoding="utf-8")
    assert "This draft has questions still to answer" in said
    assert "Your words are kept as draft " in said
    assert "--draft 1`, in a terminal" in said  # (the guided draft, numbered first)


def test_nothing_piped_to_a_draft_with_questions_left_keeps_no_draft(
    cli: CLI, isolated: Path
) -> None:
    draft = _kept_guided(cli)
    data = json.loads(draft.read_text(encoding="utf-8"))
    data["done"] = data["done"][:2]
    draft.write_text(json.dumps(data), encoding="utf-8")
    result = _resumed(b"")
    assert result.returncode == 1
    assert drafts(isolated) == [draft]
    assert "left as it was" in _said(result)


# -- 3. not UTF-8 after the answer -----------------------------------------------------------


def test_latin_1_after_the_answer_is_read_as_windows_1252(cli: CLI, isolated: Path) -> None:
    """Was: "Caf� with Ana" in the evaluation, without a word."""
    draft = _kept_guided(cli)
    result = _resumed(b"y\nCaf\xe9 with Ana\n")
    assert result.returncode == 1
    assert _evaluation(draft) == "Café with Ana"
    assert "read as Windows-1252" in _said(result)


def test_utf_8_split_across_writes_after_the_answer_is_kept(cli: CLI, isolated: Path) -> None:
    draft = _kept_guided(cli)
    process = subprocess.Popen([*PJ, "write", "--resume", "-d", "today"], env=_env(),
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdin is not None
    process.stdin.write(b"y\nCaf\xc3")
    process.stdin.flush()
    time.sleep(0.3)
    process.stdin.write(b"\xa9 \xe6\x9d\x8e\n")
    process.communicate(timeout=120)
    assert process.returncode == 1
    assert _evaluation(draft) == "Café 李"


# -- 4. the notice ---------------------------------------------------------------------------


def test_the_waiting_notice_waits_for_a_quiet_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    from peerjournal.cli import guided

    said: list[str] = []
    monkeypatch.setattr(guided, "NOTICE_AFTER", 0.3)
    notice = guided.QuietNotice(said.append, "waiting")
    end = time.monotonic() + 0.8
    while time.monotonic() < end:  # a fast pipe: something comes in all the time
        notice.poke()
        time.sleep(0.02)
    assert said == []
    time.sleep(0.6)  # then nothing
    assert said == ["waiting"]
    notice.cancel()


def test_yes_piped_does_not_say_waiting(cli: CLI, isolated: Path) -> None:
    """Was: `yes | write --resume` said "Waiting for the end of standard input" while `yes`
    was still streaming."""
    _kept_guided(cli)
    result = subprocess.run(f"yes | {' '.join(PJ)} write --resume -d today", shell=True,
                            env=_env(), capture_output=True, timeout=120)
    assert "Waiting for the end" not in _said(result)


# -- 5. one filter ---------------------------------------------------------------------------


def test_words_after_the_answer_leave_out_more_answers() -> None:
    from peerjournal.cli.guided import words_after_the_answer

    assert words_after_the_answer(["y", "", "yes"]) == ("", 0)
    assert words_after_the_answer(["y", "One", "", "n", "Two", ""]) == ("One\n\nTwo", 2)


# -- 6. a kept edit of a trashed entry, trash --empty -----------------------------------------

WORDS = "Words I typed and never saved."


def _kept_edit_of_a_trashed_entry(cli: CLI, add: Callable[..., int], edits: Any) -> int:
    from conftest import GUIDE

    entry_id = add()
    edits((GUIDE, f"{GUIDE}\n{WORDS}"))
    assert cli("edit", str(entry_id)).exit_code == 1
    assert cli("delete", str(entry_id)).exit_code == 0
    return entry_id


def test_trash_empty_names_the_unsaved_edit_in_its_question(
    cli: CLI, add: Callable[..., int], edits: Any, isolated: Path
) -> None:
    """Was: "Destroy 1 entry for good?", the unsaved edit named only once destroyed."""
    entry_id = _kept_edit_of_a_trashed_entry(cli, add, edits)
    result = cli("trash", "--empty", input="n\n")
    assert result.exit_code == 1
    assert (f"Destroy 1 entry for good, and 1 unsaved edit of entry {entry_id} (changes never "
            f"saved; to keep them, answer n, then `peerjournal restore {entry_id}`)? [y/N]"
            ) in result.stderr
    assert any(WORDS in p.read_text(encoding="utf-8") for p in isolated.rglob("*.md"))


def test_trash_empty_without_edits_asks_as_before(cli: CLI, add: Callable[..., int]) -> None:
    assert cli("delete", str(add())).exit_code == 0
    result = cli("trash", "--empty", input="n\n")
    assert "Destroy 1 entry for good? [y/N]" in result.stderr


def test_a_kept_edit_of_a_trashed_entry_says_restore_first(
    cli: CLI, add: Callable[..., int], edits: Any
) -> None:
    """Was: "`peerjournal edit 1` continues them", which only says the entry is in the trash."""
    entry_id = _kept_edit_of_a_trashed_entry(cli, add, edits)
    restore_first = (f"`peerjournal restore {entry_id}` (the entry is in the trash), then "
                     f"`peerjournal edit {entry_id}`, continues them.")
    for args in (("write", "--resume"), ("write", "--resume", "--draft", "1")):
        result = cli(*args, input="y\n")
        assert result.exit_code != 0
        assert restore_first in " ".join(result.stderr.split()), result.stderr


def test_a_kept_edit_of_an_entry_in_the_journal_says_edit(
    cli: CLI, add: Callable[..., int], edits: Any
) -> None:
    from conftest import GUIDE

    entry_id = add()
    edits((GUIDE, f"{GUIDE}\n{WORDS}"))
    assert cli("edit", str(entry_id)).exit_code == 1
    result = cli("write", "--resume", input="y\n")
    assert f"`peerjournal edit {entry_id}` continues them." in result.stderr


# -- 7. the home a file; no journal made to look ----------------------------------------------


def test_resume_with_the_home_a_file_says_so(tmp_path: Path) -> None:
    """Was: "There is no unfinished draft to resume." (exit 3), as if they were gone."""
    home = tmp_path / "afile"
    home.write_text("not a folder", encoding="utf-8")
    for args in (["write", "--resume"], ["write", "--resume", "--draft", "1"], ["drafts"]):
        result = subprocess.run([*PJ, *args], env=_env(PEERJOURNAL_HOME=str(home)), input=b"",
                                capture_output=True, timeout=120)
        assert result.returncode == 4, result.stderr
        assert result.stderr.decode().startswith(f"peerjournal: {home} is a file, not a folder")


def test_resume_in_a_home_of_drafts_only_makes_no_journal(
    cli: CLI, add: Callable[..., int], edits: Any, isolated: Path
) -> None:
    """Was: an empty journal.db made just to look for the entry of a kept edit."""
    from conftest import GUIDE

    entry_id = add()
    edits((GUIDE, f"{GUIDE}\n{WORDS}"))
    assert cli("edit", str(entry_id)).exit_code == 1
    for made in isolated.glob("journal.db*"):
        made.unlink()
    result = cli("write", "--resume", input="y\n")
    assert result.exit_code == 3
    assert "saves them as a new entry" in result.stderr
    assert list(isolated.glob("journal.db*")) == []


# -- 8. the iconv hint for an encoding not listed ---------------------------------------------

FRENCH = "Elle était très fatiguée, ça va mieux après le groupe.\n"


def test_text_converted_from_an_encoding_not_listed_keeps_its_options(
    cli: CLI, isolated: Path
) -> None:
    """Was: `iconv -f MACINTOSH … | write` saved the entry dated today, without -s, -t or
    --share, and the kept draft stayed."""
    kept = cli("write", "-s", "group", "-t", "evening", "--share", "-d", "yesterday",
               input=FRENCH.encode("mac_roman"))
    assert kept.exit_code == 1 and "ENCODING the one it was saved in" in kept.stderr
    [original] = (isolated / "drafts" / "originals").iterdir()
    converted = original.read_bytes().decode("mac_roman")
    saved = cli("write", input=converted.encode("utf-8"))
    assert saved.exit_code == 0, saved.stderr
    entry = json.loads(cli("show", saved.stdout.strip(), "--json").stdout)
    assert (entry["setting"], entry["tags"], entry["shared"]) == ("group", ["evening"], True)
    assert entry["date"] == "2026-11-19"  # yesterday (conftest.FIXED_NOW)
    assert [d for d in drafts(isolated) if d.suffix == ".md"] == []


def test_other_text_is_not_taken_for_a_converted_draft(cli: CLI, isolated: Path) -> None:
    kept = cli("write", "-s", "group", input=FRENCH.encode("mac_roman"))
    assert kept.exit_code == 1
    saved = cli("write", input="Une autre journée, très calme.\n".encode())
    assert saved.exit_code == 0
    entry = json.loads(cli("show", saved.stdout.strip(), "--json").stdout)
    assert entry["setting"] == ""
    assert len([d for d in drafts(isolated) if d.suffix == ".md"]) == 1


# -- 10. one copy of the same replaced text ----------------------------------------------------


def test_the_same_replaced_text_is_kept_once(cli: CLI, add: Callable[..., int]) -> None:
    """Was: one "replaced in N" copy per `edit ID -x`, the same text kept again and again."""
    from peerjournal import paths
    from peerjournal.drafts import kept_edits

    entry_id = add("Kerry told me about her week at the day centre.")
    for text in ("A peer told me about a week.", "Kerry told me about her week at the day "
                 "centre.", "A peer told me about a week."):
        result = cli("edit", str(entry_id), "-x", text)
        assert result.exit_code == 0, result.stderr
    copies = [d for d in kept_edits(paths.drafts_dir(paths.db_path())) if d.was]
    assert len(copies) == 2  # the two texts replaced, each once
    assert "the entry as it was is kept as draft" in result.stderr
    held = sorted(c.path.read_text(encoding="utf-8").count("Kerry") for c in copies)
    assert held == [0, 1]
