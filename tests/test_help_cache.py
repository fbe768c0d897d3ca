"""`peerjournal --help`: the commands it lists, and the copy the launcher prints without Typer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CLI, SRC
from peerjournal import help_cache, launcher, paths

COMMANDS = [
    "write", "drafts", "list", "show", "search", "tags", "edit", "delete", "restore", "trash",
    "import", "where", "drift", "report", "demo", "share", "unshare", "export", "review",
    "prompts", "supervision", "people",
]  # fmt: skip


def listed_commands(help_text: str) -> list[str]:
    section = help_text.split("\nCommands:\n", 1)[1].split("\n\n", 1)[0]  # (the epilog)
    return [line.split()[0] for line in section.splitlines() if line.startswith("  ")]


def run_launcher(*args: str) -> None:
    """The console script in this process (Typer ends a run with SystemExit(0))."""
    sys.argv = ["peerjournal", *args]
    try:
        launcher.main()
    except SystemExit as done:
        assert done.code in (0, None)


def test_help_lists_every_command_in_order(cli: CLI) -> None:
    result = cli("--help")
    assert result.exit_code == 0
    assert listed_commands(result.stdout) == COMMANDS


def test_the_second_help_is_the_saved_text_without_typer(
    isolated: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    isolated.mkdir()
    monkeypatch.setattr(sys, "argv", sys.argv)  # restored after the test
    run_launcher("--help")
    printed_by_typer = capsys.readouterr().out
    assert listed_commands(printed_by_typer) == COMMANDS

    def no_typer() -> None:
        raise AssertionError("Typer ran for a saved --help")

    monkeypatch.setattr("peerjournal.cli.main", no_typer)
    for option in ("--help", "-h"):
        run_launcher(option)
        assert capsys.readouterr().out == printed_by_typer


def test_saved_help_is_dropped_when_what_it_depends_on_changes(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolated.mkdir()
    typer_init = isolated / "typer_init.py"  # stands in for typer/__init__.py
    typer_init.write_text("__version__ = '0.28.0'\n")
    help_cache.save("Usage: peerjournal\n", str(typer_init))
    assert help_cache.load() == "Usage: peerjournal\n"
    monkeypatch.setenv("COLUMNS", "60")  # another width wraps differently
    assert help_cache.load() is None
    monkeypatch.setenv("COLUMNS", "100")
    assert help_cache.load() == "Usage: peerjournal\n"
    with monkeypatch.context() as change:
        change.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((132, 40)))
        assert help_cache.load() is None
    with monkeypatch.context() as change:
        change.setattr(sys, "version", "3.13.1")
        assert help_cache.load() is None
    assert help_cache.load() == "Usage: peerjournal\n"
    typer_init.write_text("__version__ = '0.28.10'\n")  # Typer upgraded
    assert help_cache.load() is None
    help_cache.save("Usage: peerjournal\n", str(typer_init))
    typer_init.unlink()  # Typer uninstalled
    assert help_cache.load() is None


def test_saved_help_is_dropped_when_a_peerjournal_module_changes(
    isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolated.mkdir()
    package = tmp_path / "package"  # stands in for the installed peerjournal
    (package / "cli").mkdir(parents=True)
    (package / "cli" / "write.py").write_text('"""Write a reflection."""\n')
    (package / "notes.txt").write_text("not a module")
    monkeypatch.setattr(help_cache, "PACKAGE", str(package))
    help_cache.save("Usage: peerjournal\n", __file__)
    (package / "notes.txt").write_text("still not a module")
    assert help_cache.load() == "Usage: peerjournal\n"
    (package / "cli" / "write.py").write_text('"""Write a reflection, guided."""\n')
    assert help_cache.load() is None


def test_help_is_printed_when_it_cannot_be_saved(
    isolated: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = Path(help_cache._cache_file())
    (blocked / "in the way").mkdir(parents=True)  # a folder where the file would go
    monkeypatch.setattr(sys, "argv", sys.argv)
    run_launcher("--help")
    assert listed_commands(capsys.readouterr().out) == COMMANDS
    assert help_cache.load() is None
    assert [p.name for p in paths.cache_dir().iterdir()] == [blocked.name]  # no partial file


def test_a_saved_help_does_not_import_typer(isolated: Path) -> None:
    isolated.mkdir()
    check = (
        "import sys; from peerjournal.launcher import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('typer' in sys.modules, file=sys.stderr)"
    )
    env = {**os.environ, "PYTHONPATH": SRC}
    runs = [
        subprocess.run([sys.executable, "-c", check, "--help"], env=env, capture_output=True,
                       text=True, timeout=60, check=True)
        for _ in range(2)
    ]  # fmt: skip
    assert [run.stderr.strip() for run in runs] == ["True", "False"]
    assert runs[0].stdout == runs[1].stdout and "Commands:" in runs[0].stdout
