"""Round 38 (QA qa_robust.md 1-4): a number thousands of digits long in a TOML file is one
line, and `write` keeps its text as a draft; a change made (delete, restore, trash --empty,
people add/remove, drafts --discard) with --json to a stdout that takes nothing succeeds and
says so; a setting is cleaned and limited as a tag is; `write --from-file` refuses a file too
large for an entry before reading it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC
from peerjournal.config import loads_toml
from peerjournal.entry import MAX_SETTING_CHARS, normalise_setting, resettled_note
from peerjournal.errors import PeerJournalError

HUGE = "9" * 5000  # past Python's 4,300 digits for reading a whole number


def _drafts(home: Path) -> list[Path]:
    return sorted((home / "drafts").glob("*.json"))


def _entries(cli: CLI) -> list[dict[str, Any]]:
    listed: list[dict[str, Any]] = json.loads(cli("list", "--json").stdout)
    return listed


# -- 1. a number thousands of digits long ------------------------------------------------------


def test_loads_toml_names_the_file_for_a_huge_number() -> None:
    with pytest.raises(PeerJournalError, match=r"^a\.toml: not valid TOML \(a number in it is "
                       r"thousands of digits long\)\.$"):
        loads_toml(f"n = {HUGE}", "a.toml")
    assert loads_toml("n = 0x" + "f" * 5000, "a.toml")["n"] > 0  # (hex has no such limit)


def test_write_keeps_its_text_when_config_holds_a_huge_number(cli: CLI, isolated: Path) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "config.toml").write_text(f"[drift]\nlexicon = {HUGE}\n", encoding="utf-8")
    result = cli("write", "-x", "Words that must not be lost.")
    assert result.exit_code == 1
    assert "config.toml: not valid TOML (a number in it is thousands of digits long)" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr and "Unexpected" not in result.stderr
    [kept] = _drafts(isolated)
    assert "Words that must not be lost." in kept.read_text(encoding="utf-8")
    where = cli("where")
    assert where.exit_code == 0 and "Unexpected" not in where.stderr


def test_write_keeps_its_text_whatever_error_reading_config_raises(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: Path, warn: Any) -> dict[str, Any]:
        raise ValueError("a parser's own error")

    monkeypatch.setattr("peerjournal.config.load_config", broken)
    result = cli("write", "-x", "Still kept.")
    assert result.exit_code == 1
    assert "config.toml: cannot read settings (ValueError)." in result.stderr
    [kept] = _drafts(isolated)
    assert "Still kept." in kept.read_text(encoding="utf-8")


def test_a_prompt_set_or_lexicon_with_a_huge_number_is_one_line(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    (isolated / "prompts").mkdir(parents=True)
    (isolated / "prompts" / "big.toml").write_text(f'name = "big"\nversion = {HUGE}\n')
    shown = cli("prompts", "show", "big")
    assert shown.exit_code == 1 and "thousands of digits long" in shown.stderr
    assert cli("prompts", "list").exit_code == 0  # the others are listed
    lexicon = tmp_path / "biglex.toml"
    lexicon.write_text(f'[lexicon]\nname = "x"\nweight = {HUGE}\n')
    scored = cli("--lexicon", str(lexicon), "drift", "--text", "hi")
    assert scored.exit_code == 1
    assert scored.stderr.count("\n") == 1 and "thousands of digits long" in scored.stderr


# -- 2. a change made, then a stdout that takes nothing ------------------------------------------


def _run(*args: str, stdout: Any) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run(
        [sys.executable, "-m", "peerjournal", *args],
        env=env, stdout=stdout, stderr=subprocess.PIPE, timeout=120, check=False,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("delete", "1", "--json"), "Moved entry 1 to the trash"),
        (("people", "add", "Zelda", "Quint", "--json"), "Added Zelda Quint"),
        (("trash", "--empty", "-y", "--json"), "Destroyed 1 entry"),
    ],
)
def test_a_change_printed_to_a_full_stdout_succeeds_and_says_it_is_done(
    cli: CLI, add: Any, args: tuple[str, ...], said: str
) -> None:
    add()
    if args[0] == "trash":
        assert cli("delete", "1").exit_code == 0
    with open("/dev/full", "wb") as full:
        done = _run(*args, stdout=full)
    assert done.returncode == 0, done.stderr
    assert f"{said}, but it could not be printed (No space left on device).".encode() in (
        done.stderr
    )
    assert b"Could not write" not in done.stderr


def test_a_change_printed_to_a_closed_stdout_succeeds(cli: CLI, add: Any) -> None:
    add()
    assert cli("delete", "1").exit_code == 0
    assert cli("people", "add", "Zelda", "Quint").exit_code == 0
    env = {**os.environ, "PYTHONPATH": SRC}
    script = (
        "import os, sys, runpy; os.close(1); "
        "sys.argv = ['peerjournal', *sys.argv[1:]]; runpy.run_module('peerjournal', "
        "run_name='__main__')"
    )
    for args, said in (
        (("restore", "1", "--json"), "Restored entry 1"),
        (("people", "remove", "Zelda", "Quint", "--json"), "Removed Zelda Quint"),
    ):
        done = subprocess.run([sys.executable, "-c", script, *args], env=env,
                              stderr=subprocess.PIPE, timeout=120, check=False)
        assert done.returncode == 0, done.stderr
        assert f"{said}, but it could not be printed (standard output is closed).".encode() in (
            done.stderr
        )
    assert [e["id"] for e in _entries(cli)] == [1]
    assert json.loads(cli("people", "list", "--json").stdout) == []


# -- 3. settings cleaned and limited as tags are ----------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("emergency   department", "emergency department"),
        ("\x1b[31mred", "[31mred"),
        ("a\u202eb", "ab"),
        ("hous\u200bing", "housing"),
        ("کار\u200cگاه", "کار\u200cگاه"),  # a joiner inside a word is part of its spelling
        ("Cafe\u0301", "Café"),
        ("", ""),
        ("   ", ""),
        ("\u202e", ""),  # only what is drawn as nothing: no setting, as an empty part is empty
    ],
)
def test_a_setting_is_cleaned(typed: str, stored: str) -> None:
    assert normalise_setting(typed) == stored


@pytest.mark.parametrize(
    "typed", [",", ",,,", "\x1b", "\x1b\u202e", "-", "a" * (MAX_SETTING_CHARS + 1)]
)
def test_an_unusable_setting_is_refused(typed: str) -> None:
    with pytest.raises(PeerJournalError, match="setting"):
        normalise_setting(typed)


def test_an_imported_setting_is_kept() -> None:
    long = "x" * 500
    assert normalise_setting(long, new=False) == long
    assert normalise_setting(",", new=False) == ","


def test_resettled_note_only_for_a_character_left_out() -> None:
    assert resettled_note(None) is None
    assert resettled_note(" inpatient  ward ") is None
    assert resettled_note(",") is None  # (refused: no note)
    note = resettled_note("\x1b[31mred")
    assert note is not None and 'stored as "[31mred"' in note


@pytest.mark.parametrize("typed", [",", ",,,", "\x1b[", "x" * 120_000])
def test_write_refuses_an_unusable_setting_and_keeps_the_words(
    cli: CLI, isolated: Path, typed: str
) -> None:
    result = cli("write", "-x", "Words kept whatever.", "-s", typed)
    assert result.exit_code == 1
    assert "setting" in result.stderr and result.stderr.count("\n") <= 2
    assert "Traceback" not in result.stderr
    [kept] = _drafts(isolated)
    assert "Words kept whatever." in kept.read_text(encoding="utf-8")
    assert _entries(cli) == []


def test_write_stores_a_cleaned_setting_and_says_so(cli: CLI) -> None:
    result = cli("write", "-x", "ok words", "-s", "\x1b[31mred", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["setting"] == "[31mred"
    assert '"\\x1b[31mred" is stored as "[31mred"' in result.stderr
    assert "\x1b" not in result.stderr


# -- 4. --from-file: too large to be an entry, refused before it is read ---------------------


def test_a_file_too_large_for_an_entry_is_refused_before_it_is_read(
    cli: CLI, tmp_path: Path
) -> None:
    big = tmp_path / "big.md"
    with open(big, "wb") as handle:
        handle.truncate(3 * 1024**3)  # sparse: 3 GB that takes no room
    result = cli("write", "--from-file", str(big))
    assert result.exit_code == 1
    assert "3,221,225,472 bytes: too large for an entry file (at most 8,000,000 bytes" in (
        result.stderr
    )
    assert big.stat().st_size == 3 * 1024**3 and _entries(cli) == []


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_that_never_ends_is_read_only_so_far(cli: CLI) -> None:
    result = cli("write", "--from-file", "/dev/zero")
    assert result.exit_code == 1
    assert "/dev/zero is over 8,000,000 bytes: too large for an entry file" in result.stderr


def test_a_file_just_within_the_bytes_is_still_read(cli: CLI, tmp_path: Path) -> None:
    small = tmp_path / "ok.md"
    small.write_text("## Experience\nWe walked.\n\n## Feelings\nCalm.\n", encoding="utf-8")
    result = cli("write", "--from-file", str(small))
    assert result.exit_code == 0, result.stderr
    assert _entries(cli)[0]["id"] == 1
