"""Round 38 QA finding 3: an entry whose drift is self-doubt alone is "self-doubt" in write's
last line, `show` and `list` (wide and narrow), as `drift ID` says it ("mostly self-doubt, not
a clinical role"), never "leans clinical"; clinical drift still leans clinical; --json keeps
the verdict."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from conftest import CLI

SELF_DOUBT = (
    "I felt out of my depth all day and I don't think I'm good enough for this job. I kept "
    "apologising and felt like a fraud in the team meeting."
)
CLINICAL = "I told him he needs to take his medication and stick to the care plan."


def test_self_doubt_alone_reads_the_same_in_every_command(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    written = cli("write", "--experience", SELF_DOUBT)
    assert written.exit_code == 0, written.stderr
    doubt = int(written.stdout.strip())
    [line] = [s for s in written.stderr.splitlines() if s.startswith("Drift: ")]
    assert line.startswith("Drift: self-doubt (peer identity")
    clinical = add(CLINICAL)
    assert "Drift: self-doubt" in cli("show", str(doubt)).stdout
    assert "Drift: leans clinical" in cli("show", str(clinical)).stdout
    explained = cli("drift", str(doubt)).stdout
    assert "mostly self-doubt, not a clinical role" in " ".join(explained.split())
    for columns in ("100", "50", "30"):
        monkeypatch.setenv("COLUMNS", columns)
        shown = cli("list").stdout
        assert "self-doubt" in shown and "leans clinical" in shown, (columns, shown)
        assert shown.count("leans clinical") == 1
    listed = json.loads(cli("list", "--json").stdout)
    assert sorted(e["drift"] for e in listed) == ["drift", "drift"]  # the contract: unchanged
