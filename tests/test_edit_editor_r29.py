"""Round 29: an editor that fails on a kept edit (`edit ID` continuing unsaved changes) never
loses them: what the kept edit held survives a failing, killed or truncating editor, and when
the editor saved new words before failing both are kept, and named. The entry is unchanged."""

from __future__ import annotations

import json
import os
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI

WORDS = "We met at the library and talked for an hour about his week."
KEPT_WORDS = "We met at the museum and the garden and talked for an hour about his week."


def said(result: Any) -> str:
    return " ".join(result.stderr.split())


def shown(cli: CLI, entry_id: int) -> dict[str, Any]:
    result = cli("show", "--json", str(entry_id))
    assert result.exit_code == 0, result.stderr
    return dict(json.loads(result.stdout))


def edit_files(home: Path) -> list[Path]:
    folder = home / "drafts" / "edits"
    return sorted(folder.glob("*.md")) if folder.is_dir() else []


def use_editor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: str) -> None:
    """$EDITOR: a Python script, `body`, with `path` the file it is given."""
    script = tmp_path / f"editor{len(list(tmp_path.glob('editor*')))}.py"
    script.write_text("import os, signal, sys\npath = sys.argv[-1]\n" + textwrap.dedent(body),
                      encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")


@pytest.fixture
def kept_edit(
    cli: CLI, add: Callable[..., int], edits: Any, isolated: Path
) -> tuple[int, Path, dict[str, Any]]:
    """An entry, and an edit of it kept because it could not be saved (a date in the
    future): its ID, the kept edit's file, and the entry as stored."""
    entry_id = add(WORDS)
    stored = shown(cli, entry_id)
    edits(("date: 2026-11-20", "date: 2027-11-20"), ("the library", "the museum and the garden"))
    assert cli("edit", str(entry_id)).exit_code == 1
    [kept] = edit_files(isolated)
    assert shown(cli, entry_id) == stored
    return entry_id, kept, stored


@pytest.fixture
def continue_and_save(
    cli: CLI, edits: Any, monkeypatch: pytest.MonkeyPatch
) -> Callable[[int], Any]:
    """`continue_and_save(ID)`: `edit ID` continuing the kept edit, with its date put right
    (by the `edits` editor, whatever editor the test used meanwhile): it is saved."""
    replacing = os.environ["EDITOR"]

    def run(entry_id: int) -> Any:
        monkeypatch.setenv("EDITOR", replacing)
        edits(("date: 2027-11-20", "date: 2026-11-20"))
        result = cli("edit", str(entry_id))
        assert result.exit_code == 0, result.stderr
        assert result.stderr.startswith(f"You have unsaved changes to entry {entry_id} from ")
        return result

    return run


CUT_SHORT = '#!/bin/sh\nhead -c 40 "$1" > "$1.t"; mv "$1.t" "$1"; exit 1\n'
NOTHING_NEW = {
    "cut short": "data = open(path, 'rb').read()\nopen(path, 'wb').write(data[:300])\n"
                 "sys.exit(1)",
    "killed mid-write": "data = open(path, 'rb').read()\nopen(path, 'wb').write(data[:200])\n"
                        "os.kill(os.getpid(), signal.SIGSEGV)",
    "emptied, status 0": "open(path, 'w').close()",
    "emptied, status 1": "open(path, 'w').close()\nsys.exit(1)",
    "deleted": "os.remove(path)",
    "words removed": "text = open(path).read()\n"
                     f"open(path, 'w').write(text.replace({KEPT_WORDS!r}, ''))",
}
REASONS = {
    "cut short": "The editor exited with status 1; nothing was saved.",
    "killed mid-write": "The editor was stopped (SIGSEGV); nothing was saved.",
    "emptied, status 0": "The editor left your unsaved changes empty; the entry is unchanged.",
    "emptied, status 1": "The editor exited with status 1; nothing was saved.",
    "deleted": "The editor deleted or moved the file it was given",
    "words removed": "The editor left your unsaved changes empty; the entry is unchanged.",
}


def test_a_kept_edit_cut_short_by_the_reported_editor_is_put_back(
    cli: CLI, kept_edit: tuple[int, Path, dict[str, Any]], isolated: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, continue_and_save: Callable[[int], Any],
) -> None:
    """Before: the kept edit held the editor's 40 bytes (a piece of its first comment), and
    `edit ID` then continued those, every word of the edit gone."""
    entry_id, kept, stored = kept_edit
    before = kept.read_bytes()
    script = tmp_path / "cut.sh"
    script.write_text(CUT_SHORT, encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    result = cli("edit", str(entry_id))
    assert result.exit_code == 1
    assert said(result).endswith(
        f"peerjournal: The editor exited with status 1; nothing was saved. The text it held "
        f"before is back in {kept}: `peerjournal edit {entry_id}` opens it again (`peerjournal "
        f"edit {entry_id} --fresh` if you meant to throw it away)."
    )
    assert edit_files(isolated) == [kept] and kept.read_bytes() == before
    assert shown(cli, entry_id) == stored
    continue_and_save(entry_id)
    assert shown(cli, entry_id)["experience"] == KEPT_WORDS
    assert edit_files(isolated) == []


@pytest.mark.parametrize("kind", list(NOTHING_NEW))
def test_an_editor_that_adds_nothing_to_a_kept_edit_leaves_it_as_it_was(
    cli: CLI, kept_edit: tuple[int, Path, dict[str, Any]], isolated: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, continue_and_save: Callable[[int], Any], kind: str,
) -> None:
    entry_id, kept, stored = kept_edit
    before = kept.read_bytes()
    use_editor(monkeypatch, tmp_path, NOTHING_NEW[kind])
    result = cli("edit", str(entry_id))
    assert result.exit_code == 1
    assert REASONS[kind] in said(result)
    assert f"The text it held before is back in {kept}: `peerjournal edit {entry_id}`" \
        in said(result)
    assert edit_files(isolated) == [kept] and kept.read_bytes() == before
    assert not list((isolated / "drafts" / "edits").glob(".*"))  # no stray lock
    assert shown(cli, entry_id) == stored
    continue_and_save(entry_id)
    assert shown(cli, entry_id)["experience"] == KEPT_WORDS


def test_a_kept_edit_cut_short_then_interrupted_is_put_back(
    cli: CLI, kept_edit: tuple[int, Path, dict[str, Any]], isolated: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """SIGTERM or SIGHUP while the editor has the file (KeyboardInterrupt), after it cut it."""
    from peerjournal.cli import editor

    entry_id, kept, stored = kept_edit
    before = kept.read_bytes()

    def cut_then_stopped(path: Path, retry: str = "") -> str:
        path.write_bytes(path.read_bytes()[:100])
        raise KeyboardInterrupt

    monkeypatch.setattr(editor, "run_editor", cut_then_stopped)
    result = cli("edit", str(entry_id))
    assert result.exit_code == 130
    assert said(result).endswith(
        f"peerjournal: Interrupted. The text it held before is back in {kept}: `peerjournal "
        f"edit {entry_id}` opens it again (`peerjournal edit {entry_id} --fresh` if you meant "
        "to throw it away)."
    )
    assert kept.read_bytes() == before and shown(cli, entry_id) == stored


def test_an_editor_that_fails_without_touching_a_kept_edit_keeps_it(
    cli: CLI, kept_edit: tuple[int, Path, dict[str, Any]], isolated: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entry_id, kept, stored = kept_edit
    before = kept.read_bytes()
    use_editor(monkeypatch, tmp_path, "sys.exit(1)")
    result = cli("edit", str(entry_id))
    assert result.exit_code == 1
    assert said(result).endswith(
        f"peerjournal: The editor exited with status 1; nothing was saved. Your edit is kept "
        f"in {kept} (`peerjournal edit {entry_id}` continues it)."
    )
    assert edit_files(isolated) == [kept] and kept.read_bytes() == before
    assert shown(cli, entry_id) == stored


def test_an_editor_that_saves_new_words_then_fails_keeps_both(
    cli: CLI, kept_edit: tuple[int, Path, dict[str, Any]], isolated: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, continue_and_save: Callable[[int], Any],
) -> None:
    """Its newest words (vim's :w then :cq, a crash on the way out) are continued by `edit
    ID`; the kept edit as it was is kept beside them, as old as it was, and named."""
    entry_id, kept, stored = kept_edit
    before, age = kept.read_bytes(), kept.stat().st_mtime
    use_editor(monkeypatch, tmp_path, """
        text = open(path).read().replace("the garden", "the garden, then the cafe")
        open(path, "w").write(text)
        os.kill(os.getpid(), signal.SIGSEGV)
    """)
    result = cli("edit", str(entry_id))
    assert result.exit_code == 1
    [copy] = [p for p in edit_files(isolated) if p != kept]
    assert "then the cafe" in kept.read_text(encoding="utf-8")
    assert copy.read_bytes() == before and copy.stat().st_mtime == age
    assert said(result).endswith(
        f"peerjournal: The editor was stopped (SIGSEGV); nothing was saved. What the editor "
        f"left is kept in {kept} (`peerjournal edit {entry_id}`). Your unsaved changes as they "
        f"were before the editor opened them are kept in {copy} (`peerjournal edit {entry_id}` "
        "continues them once the newer edit is saved, or discarded with `peerjournal drafts "
        "--discard 2`; `peerjournal drafts --discard 1` if you no longer need them)."
    )
    assert shown(cli, entry_id) == stored
    # `edit ID` continues the newer words; once saved, it names the older ones still kept
    saved = continue_and_save(entry_id)
    newer = KEPT_WORDS.replace("garden", "garden, then the cafe")
    assert shown(cli, entry_id)["experience"] == newer
    assert (
        f"Unsaved changes from an earlier edit of entry {entry_id} are still kept in {copy}: "
        f"`peerjournal edit {entry_id}` continues them"
    ) in said(saved)
    assert edit_files(isolated) == [copy]


def test_the_older_kept_edit_is_continued_once_the_newer_one_is_discarded(
    cli: CLI, kept_edit: tuple[int, Path, dict[str, Any]], isolated: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, continue_and_save: Callable[[int], Any],
) -> None:
    """As the message says: `drafts --discard 2` drops what the editor left (the copy as it
    was, started as early and written before it, is draft 1: oldest first), and `edit ID`
    then continues the edit as it was."""
    entry_id, kept, stored = kept_edit
    use_editor(monkeypatch, tmp_path, """
        text = open(path).read().replace("the garden", "GARBLED")
        open(path, "w").write(text)
        sys.exit(1)
    """)
    assert cli("edit", str(entry_id)).exit_code == 1
    assert shown(cli, entry_id) == stored
    [copy] = [p for p in edit_files(isolated) if p != kept]
    assert cli("drafts", "--discard", "2", "--yes").exit_code == 0
    assert edit_files(isolated) == [copy]
    continue_and_save(entry_id)
    assert shown(cli, entry_id)["experience"] == KEPT_WORDS
    assert edit_files(isolated) == []


def test_an_editor_that_saves_another_encoding_keeps_both_naming_each_once(
    cli: CLI, kept_edit: tuple[int, Path, dict[str, Any]], isolated: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entry_id, kept, stored = kept_edit
    before = kept.read_bytes()
    use_editor(monkeypatch, tmp_path, """
        text = open(path, encoding="utf-8").read().replace("garden", "\\u0441\\u0430\\u0434")
        open(path, "w", encoding="koi8-r").write(text)  # (Windows-1252 is read: round 34)
    """)
    result = cli("edit", str(entry_id))
    assert result.exit_code == 1
    [copy] = [p for p in edit_files(isolated) if p != kept]
    assert copy.read_bytes() == before
    told = said(result)
    assert f"peerjournal: {kept} is not UTF-8 text (at byte " in told
    assert f"kept in {kept}" not in told  # named once, by the error itself
    assert f"Your unsaved changes as they were before the editor opened them are kept in {copy}" \
        in told
    assert shown(cli, entry_id) == stored


def test_a_new_edit_cut_short_by_a_failing_editor_is_not_kept(
    cli: CLI, add: Callable[..., int], isolated: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, edits: Any,
) -> None:
    """It held the stored entry, cut short: kept, the next `edit ID` continued the cut copy
    ("You have unsaved changes"), and saving it would have cut the entry."""
    entry_id = add(WORDS)
    stored = shown(cli, entry_id)
    replacing = os.environ["EDITOR"]
    use_editor(monkeypatch, tmp_path, """
        data = open(path, "rb").read()
        open(path, "wb").write(data[:len(data) // 2])
        sys.exit(1)
    """)
    result = cli("edit", str(entry_id))
    assert result.exit_code == 1
    assert said(result) == "peerjournal: The editor exited with status 1; nothing was saved."
    assert edit_files(isolated) == [] and shown(cli, entry_id) == stored
    monkeypatch.setenv("EDITOR", replacing)
    edits(("the library", "the park"))
    result = cli("edit", str(entry_id))
    assert result.exit_code == 0 and "unsaved changes" not in result.stderr
    assert shown(cli, entry_id)["experience"] == WORDS.replace("the library", "the park")


def test_a_new_edit_interrupted_after_new_words_is_kept(
    cli: CLI, add: Callable[..., int], isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.cli import editor

    entry_id = add(WORDS)
    stored = shown(cli, entry_id)

    def typed_then_stopped(path: Path, retry: str = "") -> str:
        path.write_text(path.read_text(encoding="utf-8").replace("library", "harbour"),
                        encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setattr(editor, "run_editor", typed_then_stopped)
    result = cli("edit", str(entry_id))
    assert result.exit_code == 130
    [kept] = edit_files(isolated)
    assert said(result) == (
        f"peerjournal: Interrupted. Nothing changed; your edit is kept in {kept} (`peerjournal "
        f"edit {entry_id}` continues it)."
    )
    assert "harbour" in kept.read_text(encoding="utf-8") and shown(cli, entry_id) == stored
    assert os.path.exists(kept)
