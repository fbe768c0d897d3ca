"""Round 35: an import works out who of a backup's people list joins the journal's once.

Before: `import` ran `redact.people_to_add` twice, once for the note it prints and once in
`restore_people` for what it adds (each a pass over every name and alias): now the note is
made from what `restore_people` added. What the writer sees is unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal import redact


def test_an_import_decides_who_joins_once_and_says_it(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("people", "add", "Marcus").exit_code == 0
    assert cli("people", "add", "Jo Bloggs", "--alias", "J.").exit_code == 0
    assert cli("write", "-x", "I sat with Marcus in the garden.").exit_code == 0
    backup = tmp_path / "backup.json"
    assert cli("export", "--full", "-f", "json", "-o", str(backup)).exit_code == 0
    monkeypatch.setenv("PEERJOURNAL_DB", str(tmp_path / "new.db"))
    assert cli("people", "add", "MARCUS", "--alias", "M.").exit_code == 0
    calls = []
    real = redact.people_to_add
    monkeypatch.setattr(redact, "people_to_add",
                        lambda *args, **kw: calls.append(1) or real(*args, **kw))
    result = cli("import", str(backup))
    assert result.exit_code == 0, result.stderr
    assert len(calls) == 1
    assert "People list: added 1 of 2 people (1 already listed)." in result.stderr
    listed = json.loads(cli("people", "list", "--json").stdout)
    assert sorted(p["name"] for p in listed) == ["Jo Bloggs", "MARCUS"]
    calls.clear()
    dry = cli("import", "--dry-run", str(backup))
    assert "a people list of 2 people (2 already listed)" in dry.stderr and len(calls) == 1
