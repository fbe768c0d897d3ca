"""Round 32 (QA, the writer's report): an editor closed without saving (vim's `:q!`) saves
nothing, whether an editor draft is resumed with --editor or without (4) and when `edit ID`
continues a kept edit (5); a lexicon that cannot be read is refused before the first question
or the editor (6); `edit ID` on a journal that cannot be written says so before the editor
opens (11)."""

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

WORDS = "We walked to the office together."
EDITED = "We walked to the office and the park together."


@pytest.fixture(autouse=True)
def editors_take_their_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stand-in editors return at once: no hint about editors that do not wait."""
    from peerjournal.cli import editor

    monkeypatch.setattr(editor, "QUICK_EXIT_SECONDS", 0.0)


def said(result: Any) -> str:
    return " ".join(result.stderr.split())


def drafts(home: Path) -> list[Path]:
    folder = home / "drafts"
    return sorted(p for p in folder.glob("*.*") if p.is_file()) if folder.is_dir() else []


def edit_files(home: Path) -> list[Path]:
    folder = home / "drafts" / "edits"
    return sorted(folder.glob("*.md")) if folder.is_dir() else []


def experiences(cli: CLI) -> list[str]:
    return [e["experience"] for e in json.loads(cli("list", "--json").stdout)]


def shown(cli: CLI, entry_id: int) -> dict[str, Any]:
    result = cli("show", "--json", str(entry_id))
    assert result.exit_code == 0, result.stderr
    return dict(json.loads(result.stdout))


def use_editor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: str) -> Path:
    """$EDITOR: a Python script, `body`, with `path` the file it is given; it notes that it
    ran in the file returned."""
    ran = tmp_path / "editor-ran"
    script = tmp_path / f"editor{len(list(tmp_path.glob('editor*.py')))}.py"
    script.write_text(
        f"import sys\npath = sys.argv[-1]\nopen({str(ran)!r}, 'a').write('ran')\n"
        + textwrap.dedent(body),
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)
    return ran


def quits(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An editor closed without saving (vim's `:q!`): the file is not written."""
    return use_editor(monkeypatch, tmp_path, "")


def saves_as_is(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """An editor saved and closed with no change (vim's `:wq`): the file is written again."""
    return use_editor(monkeypatch, tmp_path, """
        data = open(path, "rb").read()
        open(path, "wb").write(data)
    """)


# -- 4. an editor draft resumed and closed unchanged, with --editor or without ----------------


def editor_draft(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> Path:
    """A draft left by `write --editor` whose editor typed the experience, then failed."""
    use_editor(monkeypatch, tmp_path, f"""
        text = open(path).read().replace("## Feelings", {WORDS!r} + "\\n\\n## Feelings", 1)
        open(path, "w").write(text)
        sys.exit(1)
    """)
    result = cli("write", "--editor")
    assert result.exit_code == 1
    [draft] = drafts(isolated)
    assert said(result).endswith(
        "Your words are kept as draft 1: `peerjournal write --resume --draft 1`.")
    return draft


@pytest.mark.parametrize("options", [[], ["--editor"]], ids=["resume", "resume-editor"])
def test_an_editor_draft_closed_unsaved_stays_a_draft(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    options: list[str],
) -> None:
    """Before: `write --resume` (no --editor) and `:q!` saved the entry, exit 0; with --editor
    the same `:q!` kept the draft ("Save and close the editor to keep it", says its template)."""
    draft = editor_draft(cli, isolated, monkeypatch, tmp_path)
    held, age = draft.read_bytes(), draft.stat().st_mtime
    quits(monkeypatch, tmp_path)
    result = cli("write", "--resume", *options)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert said(result).startswith("Resuming draft 1 (editor, started ")
    assert said(result).split("\"): ", 1)[1] == (
        f"{draft}. peerjournal: No changes were made in the editor, so "
        "nothing was saved. Your words are kept as draft 1: `peerjournal write --resume "
        "--draft 1`."
    )
    assert drafts(isolated) == [draft]
    assert draft.read_bytes() == held and draft.stat().st_mtime == age
    assert experiences(cli) == []


@pytest.mark.parametrize("options", [[], ["--editor"]], ids=["resume", "resume-editor"])
def test_an_editor_draft_saved_unchanged_is_saved(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    options: list[str],
) -> None:
    """Saved and closed (`:wq`) with no change: the writer chose to keep it as it is."""
    editor_draft(cli, isolated, monkeypatch, tmp_path)
    saves_as_is(monkeypatch, tmp_path)
    result = cli("write", "--resume", *options)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == "1"
    assert experiences(cli) == [WORDS] and drafts(isolated) == []


def test_a_guided_draft_resumed_without_editor_is_still_asked(
    cli: CLI, isolated: Path, keys: Any
) -> None:
    """A guided draft is not opened in any editor by `write --resume`: it asks, as before."""
    keys("", WORDS, "", "", "", "", "", "", "", "n")
    assert cli("write").exit_code == 1
    keys("y")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert experiences(cli) == [WORDS] and drafts(isolated) == []


# -- 5. `edit ID` continuing a kept edit, closed unsaved --------------------------------------


@pytest.fixture
def kept_edit(
    cli: CLI, isolated: Path, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> tuple[int, Path]:
    """An entry, and an edit of it kept because the editor changed the text and then failed
    (exit 1): the entry's ID and the kept edit's file."""
    entry_id = add(WORDS)
    use_editor(monkeypatch, tmp_path, f"""
        text = open(path).read().replace({WORDS!r}, {EDITED!r})
        open(path, "w").write(text)
        sys.exit(1)
    """)
    result = cli("edit", str(entry_id))
    assert result.exit_code == 1
    [kept] = edit_files(isolated)
    assert EDITED in kept.read_text(encoding="utf-8")
    assert experiences(cli) == [WORDS]
    return entry_id, kept


def test_a_kept_edit_closed_unsaved_changes_nothing_and_stays_kept(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    kept_edit: tuple[int, Path],
) -> None:
    """Before: "Updated entry 1." — the kept edit was compared with the stored entry, not with
    the file the editor opened, though `edit --help` says nothing changes if the text is
    unchanged."""
    entry_id, kept = kept_edit
    stored, held = shown(cli, entry_id), kept.read_bytes()
    quits(monkeypatch, tmp_path)
    result = cli("edit", str(entry_id))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    lines = said(result)
    assert lines.startswith(f"You have unsaved changes to entry {entry_id} from ")
    assert lines.endswith(
        f"Entry {entry_id} is unchanged. Unsaved changes from an earlier edit of entry {entry_id} "
        f"are still kept "
        f"in {kept}: `peerjournal edit {entry_id}` continues them (`peerjournal edit "
        f"{entry_id} --fresh` drops them)."
    )
    assert "Updated" not in lines
    assert shown(cli, entry_id) == stored
    assert edit_files(isolated) == [kept] and kept.read_bytes() == held
    # --json: the entry as stored, for a script, as for any edit without a change
    result = cli("edit", str(entry_id), "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == stored
    # saved and closed (`:wq`) as it is, the kept edit is what the writer chose: it is saved
    saves_as_is(monkeypatch, tmp_path)
    result = cli("edit", str(entry_id))
    assert result.exit_code == 0, result.stderr
    assert said(result).endswith(f"Updated entry {entry_id}.")
    assert experiences(cli) == [EDITED] and edit_files(isolated) == []


def test_a_kept_edit_that_could_not_be_saved_closed_unsaved_is_not_refused_again(
    cli: CLI, isolated: Path, add: Callable[..., int], edits: Any,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    """A kept edit with a date in the future, closed unsaved: "No changes", not the date's
    error again (nothing was tried)."""
    entry_id = add(WORDS)
    edits(("date: 2026-11-20", "date: 2027-11-20"))
    assert cli("edit", str(entry_id)).exit_code == 1
    [kept] = edit_files(isolated)
    quits(monkeypatch, tmp_path)
    result = cli("edit", str(entry_id))
    assert result.exit_code == 0, result.stderr
    assert f"Entry {entry_id} is unchanged." in said(result) and "future" not in said(result)
    assert shown(cli, entry_id)["date"] == "2026-11-20" and edit_files(isolated) == [kept]


def test_a_kept_edit_put_back_as_the_entry_is_discarded(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    kept_edit: tuple[int, Path],
) -> None:
    """Changed back to the entry as stored: nothing to save, and nothing left to keep."""
    entry_id, _ = kept_edit
    use_editor(monkeypatch, tmp_path, f"""
        text = open(path).read().replace({EDITED!r}, {WORDS!r})
        open(path, "w").write(text)
    """)
    result = cli("edit", str(entry_id))
    assert result.exit_code == 0, result.stderr
    assert said(result).endswith(f"Entry {entry_id} is unchanged.")
    assert experiences(cli) == [WORDS] and edit_files(isolated) == []


# -- 6. a lexicon that cannot be read: refused before the first question ----------------------


@pytest.fixture
def bad_lexicon(tmp_path: Path) -> Path:
    path = tmp_path / "bad.toml"
    path.write_text("[lexicon\nname = 'ours'\n", encoding="utf-8")
    return path


def configured(home: Path, lexicon: str) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    config = home / "config.toml"
    config.write_text(f'[drift]\nlexicon = "{lexicon}"\n', encoding="utf-8")
    return config


@pytest.mark.parametrize("how", ["option", "config"])
@pytest.mark.parametrize("options", [[], ["--editor"]], ids=["guided", "editor"])
def test_a_broken_lexicon_is_refused_before_the_first_question(
    cli: CLI, isolated: Path, keys: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    bad_lexicon: Path, how: str, options: list[str],
) -> None:
    """Before: every question was asked (or the editor opened), and only at save "not valid
    TOML … kept as a draft". README: options are checked before the first prompt."""
    typed = keys("", WORDS, "", "", "", "", "", "", "", "y")
    ran = quits(monkeypatch, tmp_path)
    if how == "option":
        result = cli("--lexicon", str(bad_lexicon), "write", *options)
        problem = str(bad_lexicon)
    else:
        config = configured(isolated, str(tmp_path / "nonexistent.toml"))
        result = cli("write", *options)
        problem = f"It is the drift lexicon set in {config}"
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and problem in said(result)
    assert "draft" not in said(result)
    assert len(typed.lines) == 10  # not a question asked
    assert not ran.exists()  # nor the editor opened
    assert drafts(isolated) == [] and not (isolated / "journal.db").exists()


def test_a_broken_lexicon_leaves_a_resumed_draft_untouched(
    cli: CLI, isolated: Path, keys: Any, bad_lexicon: Path
) -> None:
    """Before: `--lexicon bad.toml write --resume` went straight to "Save this entry?" again,
    and failed again."""
    keys("", WORDS, "", "", "", "", "", "", "", "n")
    assert cli("write").exit_code == 1
    [draft] = drafts(isolated)
    held, age = draft.read_bytes(), draft.stat().st_mtime
    for options in (["--resume"], ["--resume", "--editor"], ["--draft", "1"]):
        typed = keys("y")
        result = cli("--lexicon", str(bad_lexicon), "write", *options)
        assert result.exit_code == 1
        assert len(result.stderr.splitlines()) == 1 and str(bad_lexicon) in result.stderr
        assert "Resuming" not in result.stderr and typed.lines == [("y", False)]
        assert drafts(isolated) == [draft]
        assert draft.read_bytes() == held and draft.stat().st_mtime == age
    keys("y")
    assert cli("write", "--resume").exit_code == 0  # the shipped lexicon: saved
    assert experiences(cli) == [WORDS]


def test_a_quick_entry_with_a_broken_lexicon_is_still_kept(
    cli: CLI, isolated: Path, bad_lexicon: Path
) -> None:
    """Text given on the command line is kept as a draft, as before (nothing to ask first)."""
    result = cli("--lexicon", str(bad_lexicon), "write", "-x", WORDS)
    assert result.exit_code == 1 and "kept as draft" in said(result)
    assert len(drafts(isolated)) == 1


@pytest.mark.parametrize("how", ["option", "config"])
def test_edit_refuses_a_broken_lexicon_before_the_editor(
    cli: CLI, isolated: Path, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path, bad_lexicon: Path, how: str,
) -> None:
    """Before: the editor opened, and the edit failed after (kept) when it was rescored."""
    entry_id = add(WORDS)
    stored = shown(cli, entry_id)
    ran = use_editor(monkeypatch, tmp_path, f"""
        text = open(path).read().replace({WORDS!r}, {EDITED!r})
        open(path, "w").write(text)
    """)
    if how == "option":
        result = cli("--lexicon", str(bad_lexicon), "edit", str(entry_id))
        problem = str(bad_lexicon)
    else:
        config = configured(isolated, "/nonexistent/ours.toml")
        result = cli("edit", str(entry_id))
        problem = f"It is the drift lexicon set in {config}"
        config.unlink()
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1 and problem in said(result)
    assert not ran.exists() and edit_files(isolated) == []
    assert shown(cli, entry_id) == stored


# -- 11. `edit ID` on a journal that cannot be written ----------------------------------------


@pytest.mark.parametrize("which", ["file", "folder"])
def test_edit_of_a_journal_that_cannot_be_written_says_so_before_the_editor(
    cli: CLI, isolated: Path, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path, which: str,
) -> None:
    """Before: the editor opened, and the change failed after it (the edit kept). A read-only
    file or folder (`chattr +i`, a read-only disk) is what `os.access` reports."""
    entry_id = add(WORDS)
    stored = shown(cli, entry_id)
    journal = isolated / "journal.db"
    blocked = journal if which == "file" else journal.parent
    real_access = os.access

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        if Path(path) == blocked and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)

    ran = use_editor(monkeypatch, tmp_path, f"""
        text = open(path).read().replace({WORDS!r}, {EDITED!r})
        open(path, "w").write(text)
    """)
    with monkeypatch.context() as patch:
        patch.setattr(os, "access", access)
        result = cli("edit", str(entry_id))
    assert result.exit_code == 4
    assert said(result) == (
        f"peerjournal: The journal at {journal} cannot be changed: "
        + ("the file is read-only" if which == "file" else "its folder is read-only")
        + f" (a read-only disk, or no permission to write there); entry {entry_id} is "
        "unchanged, and the editor was not opened."
    )
    assert not ran.exists() and edit_files(isolated) == []
    assert shown(cli, entry_id) == stored
    # once it can be written again, the same edit opens the editor and is saved
    result = cli("edit", str(entry_id))
    assert result.exit_code == 0, result.stderr
    assert ran.exists() and experiences(cli) == [EDITED]
