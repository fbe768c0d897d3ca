"""The writer's settings: `<data dir>/config.toml` (optional).

[drift]
summary_after_write = true   # the one-line drift summary after `write`
lexicon = "/path/to/our-lexicon.toml"
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from peerjournal.errors import PeerJournalError

KNOWN = {"drift": {"summary_after_write": bool, "lexicon": str}}


def load_config(path: Path) -> dict[str, Any]:
    """The settings, validated; a relative `drift.lexicon` is read from the config's folder."""
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PeerJournalError(f"{path}: not valid TOML ({exc}).") from None
    except OSError as exc:  # a folder, no permission
        raise PeerJournalError(f"{path}: cannot read settings: {exc.strerror or exc}.") from None
    for section, values in data.items():
        if section not in KNOWN:
            raise PeerJournalError(f"{path}: unknown section [{section}].")
        if not isinstance(values, dict):
            raise PeerJournalError(f"{path}: [{section}] should be a section of settings.")
        for key, value in values.items():
            expected = KNOWN[section].get(key)
            if expected is None:
                raise PeerJournalError(f"{path}: unknown setting {section}.{key}.")
            if not isinstance(value, expected):
                raise PeerJournalError(f"{path}: {section}.{key} should be a {expected.__name__}.")
    lexicon = data.get("drift", {}).get("lexicon")
    if lexicon is not None:
        data["drift"]["lexicon"] = str(path.parent / Path(lexicon).expanduser())
    return data
