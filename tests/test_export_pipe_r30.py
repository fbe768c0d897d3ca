"""A backup piped to a reader that stops early is an error: Python's buffered write took part
of it and said nothing, so `export --full | …` exited 0 with a backup cut short. It now dies of
SIGPIPE with no message, as every command (and `cat`) does: a shell shows 141."""

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.cli.export import FULL_WARNING


def export_full(home: Path, keep: int | None) -> tuple[int, bytes, str]:
    """Run `export --full` with its output read whole, or only `keep` bytes then closed."""
    env = {**os.environ, "PEERJOURNAL_HOME": str(home),
           "PYTHONPATH": str(Path(__file__).resolve().parent.parent / "src")}
    process = subprocess.Popen([sys.executable, "-m", "peerjournal", "export", "--full"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    got = process.stdout.read(keep) if keep is not None else process.stdout.read()
    process.stdout.close()
    said = process.stderr.read().decode()
    return process.wait(timeout=60), got, said


@pytest.mark.skipif(not hasattr(signal, "SIGPIPE"), reason="no SIGPIPE on this platform")
def test_a_backup_cut_short_by_its_reader_is_an_error(
    cli: CLI, isolated: Path, add: Callable[..., int]
) -> None:
    add(" ".join(["word"] * 200_000))  # a backup far larger than a pipe's buffer
    code, got, said = export_full(isolated, keep=1000)
    assert len(got) == 1000
    # no word of the pipe: only the backup's own warning, said before it is written
    assert code == -signal.SIGPIPE and said == f"{FULL_WARNING}\n"
    code, whole, said = export_full(isolated, keep=None)
    assert code == 0 and len(whole) > 1_000_000 and "cut short" not in said


def test_a_backup_file_is_on_disk_before_it_is_said_written(
    cli: CLI, isolated: Path, add: Callable[..., int], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add("A note.")
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    for extra in ([], ["--force"]):  # a new file, and one replaced
        synced.clear()
        result = cli("export", "--full", "-o", str(tmp_path / "backup.json"), *extra)
        assert result.exit_code == 0 and "Wrote" in result.stderr
        assert synced, extra
