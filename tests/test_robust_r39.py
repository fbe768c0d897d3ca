"""Round 39 (QA qa_robust.md): a --lexicon only tried is never stored (`write`, `edit`,
`import` refuse it as `drift --rescore` does); `where` says so when PEERJOURNAL_HOME is under a
file; bytes not UTF-8 in an option are shown as U+FFFD and a huge value is cut in a message
(`textsafe.quoted`); `--setting` reads control characters as `write -s` does and `export --note`
refuses them; a damaged journal's not-UTF-8 note does not offer `edit`; a long word in a search
answers at once (patch: db/searchfold.py)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC
from peerjournal.textsafe import QUOTED_WIDTH, as_typed_in, clean, quoted

SHIPPED = Path(SRC) / "peerjournal" / "drift" / "markers.toml"
TEXT = "The psychiatrist called her non-compliant. I pushed back and shared my own story."


def _stored(isolated: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(isolated / "journal.db") as conn:
        return conn.execute("SELECT * FROM entry ORDER BY id").fetchall()


def _drafts(isolated: Path) -> list[Path]:
    return sorted((isolated / "drafts").glob("*.json"))


@pytest.fixture
def trial(tmp_path: Path) -> Path:
    """A lexicon that scores otherwise than the shipped one (its name is part of its version)."""
    path = tmp_path / "org.toml"
    path.write_text(SHIPPED.read_text("utf-8").replace(
        'name = "peerjournal default"', 'name = "Org lexicon"', 1), "utf-8")
    return path


def _refused(result: Any, command: str, path: Path) -> str:
    assert result.exit_code == 2, result.stderr
    line = " ".join(result.stderr.split())
    assert f"peerjournal: {command} --lexicon: {path} is not the journal's lexicon" in line
    assert "never stored" in line and "Traceback" not in line
    return line


# -- 1. a lexicon only tried is never stored ----------------------------------------------------


def test_write_with_a_trial_lexicon_is_refused_and_keeps_the_text(
    cli: CLI, add: Any, isolated: Path, trial: Path
) -> None:
    add("We sat together.")
    before = _stored(isolated)
    line = _refused(cli("--lexicon", str(trial), "write", "-x", TEXT), "write", trial)
    assert "kept as draft" in line
    assert _stored(isolated) == before
    (kept,) = _drafts(isolated)
    assert TEXT in kept.read_text("utf-8")


def test_write_from_a_file_with_a_trial_lexicon_is_refused_and_nothing_stored(
    cli: CLI, add: Any, isolated: Path, trial: Path
) -> None:
    add("We sat together.")
    before = _stored(isolated)
    result = cli("--lexicon", str(trial), "write", "--from-file", "-",
                 input=f"## Experience\n\n{TEXT}\n")
    assert result.exit_code == 2 and "is not the journal's lexicon" in result.stderr
    assert _stored(isolated) == before


def test_edit_and_import_with_a_trial_lexicon_are_refused_and_store_nothing(
    cli: CLI, add: Any, isolated: Path, trial: Path, tmp_path: Path
) -> None:
    entry = add("We sat together.")
    before = _stored(isolated)
    _refused(cli("--lexicon", str(trial), "edit", str(entry), "-s", "ward"), "edit", trial)
    # (round 44: new words are kept as the entry's unsaved changes, as write keeps a draft)
    line = _refused(cli("--lexicon", str(trial), "edit", str(entry), "-x", TEXT), "edit", trial)
    assert "kept in" in line
    backup = tmp_path / "in.json"
    backup.write_text(json.dumps([{"date": "2026-11-01", "experience": TEXT}]), "utf-8")
    _refused(cli("--lexicon", str(trial), "import", str(backup)), "import", trial)
    assert _stored(isolated) == before


def test_the_editor_is_not_opened_under_a_trial_lexicon(
    cli: CLI, add: Any, isolated: Path, trial: Path, edits: Any
) -> None:
    """Checked before the editor, as an unreadable lexicon is: not after the writer's edit."""
    entry = add("We sat together.")
    before = _stored(isolated)
    edits("## Experience\n\nChanged in the editor.\n")
    _refused(cli("--lexicon", str(trial), "edit", str(entry)), "edit", trial)
    assert _stored(isolated) == before


def test_the_journals_own_lexicon_named_again_is_stored(
    cli: CLI, isolated: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.toml"
    copy.write_bytes(SHIPPED.read_bytes())
    result = cli("--lexicon", str(copy), "write", "-x", TEXT)
    assert result.exit_code == 0, result.stderr
    assert len(_stored(isolated)) == 1 and not _drafts(isolated)


def test_a_trial_lexicon_still_explains_an_entry_and_scores_text(
    cli: CLI, add: Any, trial: Path
) -> None:
    entry = add(TEXT)
    assert cli("--lexicon", str(trial), "drift", str(entry)).exit_code == 0
    assert cli("drift", "--text", TEXT, "--lexicon", str(trial)).exit_code == 0


def test_rescore_under_a_trial_lexicon_says_the_same_rule(
    cli: CLI, add: Any, trial: Path
) -> None:
    add(TEXT)
    line = _refused(cli("--lexicon", str(trial), "drift", "--rescore"), "drift --rescore", trial)
    assert "(the shipped one)" in line


# -- 2. where, with PEERJOURNAL_HOME under a file ---------------------------------------------


def test_where_says_when_the_data_folder_is_under_a_file(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("x")
    monkeypatch.setenv("PEERJOURNAL_HOME", str(blocker / "sub" / "deeper"))
    result = cli("where")
    assert result.exit_code == 4
    assert f"{blocker} is a file, not a folder, so the data folder" in result.stderr
    monkeypatch.setenv("PEERJOURNAL_HOME", str(tmp_path / "fresh" / "sub"))
    assert cli("where").exit_code == 0  # a folder not there yet: made when needed


# -- 3 and 4. bytes not UTF-8, and huge values, in what an error quotes ------------------------


def test_quoted_cuts_and_shows_bytes_not_utf8_as_replacement_characters() -> None:
    assert quoted("\udcff\udcfe") == "'\ufffd\ufffd'"
    assert quoted("a" * 100_000) == repr("a" * (QUOTED_WIDTH - 1) + "…")
    assert quoted("x\x01") == "'x\\x01'"
    escaped, typed = repr("\udcff"), repr("\\udcff")  # Python's escape; a backslash typed
    assert as_typed_in(f"{escaped} and {typed}") == "'\ufffd' and '\\\\udcff'"
    assert clean("Wrote \udcff.md") == "Wrote \ufffd.md"
    assert clean("\ud800") == "\\ud800"  # (no byte stands for it: still an escape)


@pytest.mark.parametrize("args", [
    ["show", "\udcff\udcfe"], ["list", "--limit", "\udcff\udcfe"],
    ["report", "--by", "\udcff\udcfe"], ["delete", "\udcff\udcfe"],
])
def test_bytes_not_utf8_in_an_option_are_shown_as_replacement_characters(
    cli: CLI, args: list[str]
) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert "'\ufffd\ufffd'" in result.stderr and "\\udc" not in result.stderr


@pytest.mark.parametrize("args", [["list", "--limit"], ["list", "--setting"], ["show"],
                                  ["search", "x", "--setting"]])
def test_a_huge_bad_value_is_cut_in_the_message(cli: CLI, add: Any, args: list[str]) -> None:
    add()
    result = cli(*args, "a" * 100_000)
    assert len(result.stderr) < 600, len(result.stderr)


# -- 5. control characters in --setting and --note ---------------------------------------------


@pytest.mark.parametrize("command", [["list"], ["search", "sat"], ["report"]])
def test_a_setting_of_control_characters_is_refused_as_write_refuses_it(
    cli: CLI, add: Any, command: list[str]
) -> None:
    add()
    result = cli(*command, "--setting", "\x01\x02")
    assert result.exit_code == 1
    assert "Not a usable setting: '\\x01\\x02'" in result.stderr


def test_a_setting_with_a_control_character_finds_what_write_stored(
    cli: CLI, add: Any
) -> None:
    entry = add("We sat together.", "-s", "ward\x01one")  # stored as "ward one"
    result = cli("list", "--setting", "ward\x01one", "--json")
    assert result.exit_code == 0, result.stderr
    assert [e["id"] for e in json.loads(result.stdout)] == [entry]


def test_export_note_with_a_control_character_is_refused(
    cli: CLI, add: Any, tmp_path: Path
) -> None:
    add("I sat with Sam.", "--share")
    target = tmp_path / "s.md"
    result = cli("export", "--note", "\x01\x02", "--yes", "-o", str(target))
    assert result.exit_code == 1 and not target.exists()
    assert "--note holds a control character ('\\x01')" in result.stderr
    kept = cli("export", "--note", "Line one.\nLine\ttwo.", "--yes", "-o", str(target))
    assert kept.exit_code == 0, kept.stderr


# -- 6. a damaged journal's text that is not UTF-8 -----------------------------------------------


def test_a_damaged_journals_not_utf8_note_does_not_offer_edit(
    cli: CLI, add: Any, isolated: Path
) -> None:
    from test_store_r34 import LONG, entry_leaf_of, settled, zero_page

    for n in range(30):
        add(f"Entry {n}. {LONG}", "--date", f"2026-11-{n % 19 + 1:02d}")
    path = isolated / "journal.db"
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE entry SET setting = CAST(X'77617264ff' AS TEXT) WHERE id = 30")
    settled(path)
    zero_page(path, entry_leaf_of(path, b"Entry 14. We walked"))
    result = cli("list", "--limit", "0")
    said = " ".join(result.stderr.split())
    assert "Entry 30 holds text that is not UTF-8" in said, said
    assert "correct it with `peerjournal edit 30`" not in said
    assert "this journal is damaged, so it cannot be corrected here" in said
    assert cli("edit", "30", "-x", "fix").exit_code == 4  # (what the note no longer offers)


# -- 7. a long word in a search (db/searchfold.py patch) ----------------------------------------


def test_a_long_unbroken_word_is_searched_at_once(add: Any, isolated: Path) -> None:
    """Was: 57 s for 20,000 letters (a quadratic regex), and minutes, gigabytes, then exit 70
    ("string or blob too big") in the "did you mean" guess. Run apart, with a time limit: the
    old code must not hold the suite (needs robust-patches/searchfold-*.patch)."""
    add()
    started = time.monotonic()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "peerjournal", "search", "a" * 20_000], capture_output=True,
            text=True, timeout=15, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        )
    except subprocess.TimeoutExpired:
        pytest.fail("a search of one 20,000-letter word took over 15 s")
    assert result.returncode == 0 and "Nothing found" in result.stderr, result.stderr
    assert time.monotonic() - started < 10
