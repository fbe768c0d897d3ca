"""Small things a writer sees (round 31): the editor message names the variable the editor came
from, and words other tools use for a command are answered from one table."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.cli import COMMANDS, LIKELY_MEANT

MISSING = "no-such-editor-r31"


# -- 3. the editor that was not found -----------------------------------------------------------


def test_an_editor_from_visual_that_is_not_there_names_visual(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was "…was not found; set $EDITOR." when $VISUAL (which wins) named it: setting $EDITOR
    changes nothing."""
    monkeypatch.setenv("VISUAL", MISSING)
    monkeypatch.setenv("EDITOR", "vi")
    result = cli("write", "--editor")
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: The editor '{MISSING}' was not found; check $VISUAL (it is used before "
        "$EDITOR), or unset it.\n"
    )
    assert not (isolated / "journal.db").exists()


def test_an_editor_from_editor_that_is_not_there_names_editor(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", MISSING)
    result = cli("write", "--editor")
    assert result.exit_code == 1
    assert result.stderr == f"peerjournal: The editor '{MISSING}' was not found; check $EDITOR.\n"


def test_an_editor_that_cannot_be_run_names_its_variable(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_runnable = tmp_path / "editor"
    not_runnable.write_text("#!/bin/sh\n", encoding="utf-8")
    not_runnable.chmod(0o600)
    monkeypatch.setenv("VISUAL", str(not_runnable))
    result = cli("write", "--editor")
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: The editor '{not_runnable}' cannot be run; check $VISUAL (it is used "
        "before $EDITOR), or unset it.\n"
    )


def test_an_unreadable_editor_setting_names_its_variable(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "vim 'unbalanced")
    result = cli("write", "--editor")
    assert result.exit_code == 1
    assert result.stderr == (
        "peerjournal: Cannot run the editor \"vim 'unbalanced\": check $EDITOR.\n"
    )


# -- 4. words other tools use for a command ----------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("resume", "Did you mean 'write --resume'? See 'peerjournal --help'."),  # was 'restore'
        ("continue", "Did you mean 'write --resume'? See 'peerjournal --help'."),
        ("settings", "Settings are kept in config.toml: 'peerjournal where' names the file. "
                     "See 'peerjournal --help'."),
        ("config", "Settings are kept in config.toml: 'peerjournal where' names the file. "
                   "See 'peerjournal --help'."),
        ("help", "Did you mean 'peerjournal --help'?"),
        ("version", "Did you mean 'peerjournal --version'? See 'peerjournal --help'."),
        ("view", "Did you mean 'show'? See 'peerjournal --help'."),  # Typer said 'review'
        ("create", "Did you mean 'write'? See 'peerjournal --help'."),  # Typer said 'restore'
        ("person", "Did you mean 'people'? See 'peerjournal --help'."),  # …'supervision'
        ("backup", "Did you mean 'export --full'? See 'peerjournal --help'."),
        ("Undo", "Did you mean 'restore'? See 'peerjournal --help'."),
    ],
)
def test_a_word_another_tool_uses_is_answered_with_ours(cli: CLI, typed: str, said: str) -> None:
    result = cli(typed)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"peerjournal: No such command '{typed}'. {said}\n"


def test_help_before_a_command_means_that_commands_help(cli: CLI) -> None:
    result = cli("help", "export")
    assert result.exit_code == 2
    assert result.stderr == (
        "peerjournal: No such command 'help'. Did you mean 'peerjournal export --help'?\n"
    )


def test_the_table_answers_only_with_what_exists() -> None:
    """No word in the table is a command (it would never be asked), and every command line
    it suggests begins with a command or a root option that is there."""
    assert not set(LIKELY_MEANT) & set(COMMANDS)
    for word, meant in LIKELY_MEANT.items():
        assert word == word.lower()
        if meant[0].isupper():  # a sentence: it names a command that exists
            assert "'peerjournal where'" in meant and "where" in COMMANDS
        else:
            first = meant.split()[0]
            assert first in COMMANDS or first in ("--help", "--version"), word


def test_an_unreadable_visual_setting_names_visual_and_why(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", "   ")
    monkeypatch.setenv("EDITOR", "vi")
    result = cli("write", "--editor")
    assert result.exit_code == 1
    assert result.stderr == (
        "peerjournal: Cannot run the editor '   ': check $VISUAL (it is used before $EDITOR), "
        "or unset it.\n"
    )
