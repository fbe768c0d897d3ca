"""The console-script entry point: answers `--version` before importing Typer (100 ms budget)."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from peerjournal import __version__

        sys.stdout.write(f"peerjournal {__version__}\n")
        return
    from peerjournal.cli import main as cli_main

    cli_main()
