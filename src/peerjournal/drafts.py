"""Drafts: what the writer has typed, on disk after every answer, until the entry is saved.

One file per writing session in `<data dir>/drafts/`: JSON for a guided write, Markdown for
an editor session. Writes are atomic (temp file + rename), so a crash leaves the previous
version intact.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from peerjournal.errors import PeerJournalError


@dataclass
class Draft:
    path: Path

    @property
    def kind(self) -> str:
        return "editor" if self.path.suffix == ".md" else "guided"

    def read_json(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise PeerJournalError(f"The draft {self.path} cannot be read ({exc}).") from None
        if not isinstance(data, dict):
            raise PeerJournalError(f"The draft {self.path} is not a peerjournal draft.")
        return data

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)


def new_draft(folder: Path, now: datetime, suffix: str) -> Draft:
    folder.mkdir(parents=True, exist_ok=True)
    stem = now.strftime("%Y%m%d-%H%M%S")
    path = folder / f"{stem}{suffix}"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{stem}-{n}{suffix}"
    return Draft(path)


def write_atomic(path: Path, text: str) -> None:
    """Replace `path` with `text` so that a crash or a full disk never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".draft-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        os.chmod(path, 0o600)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_json(draft: Draft, data: dict[str, Any]) -> None:
    write_atomic(draft.path, json.dumps(data, ensure_ascii=False, indent=1))


def pending(folder: Path) -> list[Draft]:
    """Unfinished drafts, newest first."""
    if not folder.is_dir():
        return []
    found = [
        p for p in folder.iterdir() if p.suffix in (".json", ".md") and not p.name.startswith(".")
    ]
    return [Draft(p) for p in sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)]
