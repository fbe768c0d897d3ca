"""--help everywhere, --version, exit codes, and no traceback ever reaching the writer."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import typer

from conftest import CLI, SRC
from peerjournal import JOURNAL_FORMAT, __version__
from peerjournal.cli import app
from peerjournal.db.store import Store


def command_paths() -> list[list[str]]:
    """Every command and subcommand, as the words a person types."""
    found: list[list[str]] = []

    def walk(command: object, path: list[str]) -> None:
        found.append(path)
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return found


def test_the_command_tree_has_the_contracted_commands() -> None:
    names = {" ".join(p) for p in command_paths()}
    assert {"write", "list", "show", "edit", "delete", "restore", "trash", "search", "tags",
            "import", "where", "prompts list", "prompts show"} <= names


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "root")
def test_help_on_every_command(cli: CLI, path: list[str], isolated: Path) -> None:
    result = cli(*path, "--help")
    assert result.exit_code == 0, result.stderr
    assert "Usage:" in result.stdout
    assert not isolated.exists()  # asking for help never creates a journal
    assert "<str>" not in result.stdout and "<int>" not in result.stdout  # TEXT, DATE, N …


def test_version(cli: CLI) -> None:
    result = cli("--version")
    assert result.exit_code == 0 and result.stdout == (
        f"peerjournal {__version__} (journal format {JOURNAL_FORMAT})\n")


def test_no_arguments_shows_help(cli: CLI) -> None:
    result = cli()
    assert "Usage:" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["no-such-command"], "No such command 'no-such-command'. See 'peerjournal --help'."),
        (["list", "--zzz"], "No such option: --zzz. See 'peerjournal list --help'."),
        (["show"], "Missing argument 'ID'. See 'peerjournal show --help'."),
        (["show", "x"], "as `peerjournal list` shows it. See 'peerjournal show --help'."),
        (["supervision", "check", "--bad"], "See 'peerjournal supervision check --help'."),
        (["--db"], "Option '--db' requires an argument."),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(cli: CLI, args: list[str], line: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert result.stderr.endswith(line + "\n") and result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == ""


def test_a_group_called_bare_still_shows_its_help(cli: CLI) -> None:
    result = cli("supervision")
    assert "Usage: peerjournal supervision" in result.stdout + result.stderr
    assert "Commands:" in result.stdout + result.stderr


def test_an_unexpected_error_is_one_line_without_journal_text(
    cli: CLI, add: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("My private words about Sam.")  # type: ignore[operator]

    def broken(self: Store, filters: object) -> None:
        raise RuntimeError("My private words about Sam.")

    monkeypatch.setattr(Store, "list", broken)
    result = cli("list")
    assert result.exit_code == 70
    assert result.stderr.count("\n") == 1
    assert "Unexpected error (RuntimeError)" in result.stderr
    assert "PEERJOURNAL_DEBUG" in result.stderr
    assert "private" not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_debug_shows_the_traceback_and_keeps_exit_70(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PEERJOURNAL_DEBUG=1 re-raised the error: the traceback, but exit 1 (a user error)
    def broken(self: Store, filters: object) -> None:
        raise RuntimeError("the cause")

    monkeypatch.setattr(Store, "list", broken)
    monkeypatch.setenv("PEERJOURNAL_DEBUG", "1")
    result = cli("list")
    assert result.exit_code == 70
    assert "Traceback" in result.stderr and "RuntimeError: the cause" in result.stderr
    assert result.stderr.rstrip().endswith("(it may contain journal text).")


def test_ctrl_c_anywhere_exits_130(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(self: Store, filters: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "list", interrupted)
    result = cli("list")
    assert result.exit_code == 130 and result.stderr == "peerjournal: Interrupted.\n"


def test_os_errors_name_the_path_not_the_text(cli: CLI, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def full(self: Store, *args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device", str(tmp_path / "journal.db"))

    monkeypatch.setattr(Store, "add_entries", full)
    result = cli("write", "-x", "Words that must not be echoed.")
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr and "journal.db" in result.stderr
    assert "Words that" not in result.stderr


LAZY_CHECK = textwrap.dedent(
    """
    import sys
    from typer.testing import CliRunner
    from peerjournal.cli import app

    result = CliRunner().invoke(app, sys.argv[1:])
    assert result.exit_code == 0, result.output
    heavy = sorted(
        m
        for m in ("sqlalchemy", "alembic", "sqlmodel", "rich", "peerjournal.drift.matcher")
        if m in sys.modules
    )
    print(" ".join(heavy))
    """
)


def modules_loaded_by(*args: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": SRC}
    done = subprocess.run([sys.executable, "-c", LAZY_CHECK, *args], env=env,
                          capture_output=True, text=True, timeout=60, check=True)
    return set(done.stdout.split())


def test_help_and_version_do_not_import_the_database_stack() -> None:
    assert not modules_loaded_by("--help") & {"sqlalchemy", "alembic", "sqlmodel"}
    assert modules_loaded_by("--version") == set()
    assert not modules_loaded_by("write", "--help") & {"sqlalchemy", "alembic", "sqlmodel"}


def test_reading_an_existing_journal_does_not_import_sqlalchemy(cli: CLI) -> None:
    assert cli("write", "-x", "So the journal exists.").exit_code == 0
    assert not modules_loaded_by("list") & {"sqlalchemy", "alembic", "sqlmodel"}


def test_a_report_does_not_load_the_matcher(cli: CLI) -> None:
    """A report reads stored scores: compiling the matcher's regexes would only cost time."""
    assert cli("write", "-x", "I shared my story and we sat together.").exit_code == 0
    assert "peerjournal.drift.matcher" not in modules_loaded_by("report")
    assert "peerjournal.drift.matcher" in modules_loaded_by("drift", "--text", "I sat with her.")


def test_python_dash_m_works(isolated: Path) -> None:
    env = {**os.environ, "PYTHONPATH": SRC}
    done = subprocess.run([sys.executable, "-m", "peerjournal", "--version"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("peerjournal ")


def test_every_command_is_mapped_to_the_module_that_registers_it() -> None:
    """`main` imports only the requested command's module; the map must know them all."""
    import typer.main

    from peerjournal.cli import COMMANDS, build_app

    assert set(typer.main.get_command(build_app()).commands) == set(COMMANDS)  # type: ignore[attr-defined]
    for name, module in COMMANDS.items():
        assert name in typer.main.get_command(build_app((module,))).commands  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["list"], "list"),
        (["--db", "x.db", "show", "3"], "show"),
        (["--lexicon", "org.toml", "drift", "--text", "t"], "drift"),
        (["--version"], None),
        ([], None),
    ],
)
def test_command_name_skips_global_options(args: list[str], name: str | None) -> None:
    from peerjournal.cli import command_name

    assert command_name(args) == name
