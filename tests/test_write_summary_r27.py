"""Round 27 (QA finding 4): `write --from-file` given a mentor summary says it is one and
names `review`, rather than pointing at `import`, which refuses summaries too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from test_qa18_writer import drafts, entries


@pytest.mark.parametrize("form", ["json", "md"])
def test_a_summary_given_to_write_is_named_as_one_and_review_suggested(
    cli: CLI, add: Any, tmp_path: Path, isolated: Path, form: str
) -> None:
    add("We walked to the housing office together and talked about the garden.", "--share")
    summary = tmp_path / f"summary.{form}"
    made = cli("export", "--format", form, "--output", str(summary), "--yes")
    assert made.exit_code == 0, made.stderr
    result = cli("write", "--from-file", str(summary))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"peerjournal: {summary} is a summary for a mentor, not an entry: "
        f"`peerjournal review {summary}` shows it. Nothing was saved.\n"
    )
    assert len(entries(cli)) == 1
    assert drafts(isolated) == []
    piped = cli("write", input=summary.read_text(encoding="utf-8"))
    assert piped.exit_code == 1
    assert "standard input is a summary for a mentor" in piped.stderr
    assert "`peerjournal review -`" in piped.stderr
    assert len(entries(cli)) == 1
