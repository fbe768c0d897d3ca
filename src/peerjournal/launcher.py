"""The console-script entry point: answers `--version` before importing Typer (100 ms budget),
and `--help` from the text Typer printed last time when it is still current (`help_cache`)."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from peerjournal import __version__

        sys.stdout.write(f"peerjournal {__version__}\n")
        return
    if sys.argv[1:] in (["--help"], ["-h"]):
        from peerjournal import help_cache

        text = help_cache.load()
        if text is not None:
            sys.stdout.write(text)
            return
    from peerjournal.cli import main as cli_main

    cli_main()
