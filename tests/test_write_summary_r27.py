"""Round 27 (QA findings): `write --from-file` given a mentor summary says it is one: a JSON
summary names `review`, which reads it; the other formats (which `review` refuses) name the
JSON form. Before, `import` was suggested (which refuses summaries too), and an HTML or CSV
summary was saved as an entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from test_qa18_writer import drafts, entries


def _summary(cli: CLI, add: Any, tmp_path: Path, form: str) -> Path:
    add("We walked to the housing office together and talked about the garden.", "--share")
    summary = tmp_path / f"summary.{form}"
    made = cli("export", "--format", form, "--output", str(summary), "--yes")
    assert made.exit_code == 0, made.stderr
    return summary


def test_a_json_summary_given_to_write_names_review(
    cli: CLI, add: Any, tmp_path: Path, isolated: Path
) -> None:
    summary = _summary(cli, add, tmp_path, "json")
    result = cli("write", "--from-file", str(summary))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"peerjournal: {summary} is a summary for a mentor, not an entry: "
        f"`peerjournal review {summary}` shows it. Nothing was saved.\n"
    )
    piped = cli("write", input=summary.read_text(encoding="utf-8"))
    assert piped.exit_code == 1
    assert "`peerjournal review -`" in piped.stderr
    assert len(entries(cli)) == 1
    assert drafts(isolated) == []


@pytest.mark.parametrize(("form", "named"), [("md", "Markdown"), ("html", "HTML"), ("csv", "CSV")])
def test_a_summary_review_cannot_read_is_named_with_the_json_form(
    cli: CLI, add: Any, tmp_path: Path, isolated: Path, form: str, named: str
) -> None:
    summary = _summary(cli, add, tmp_path, form)
    for args, source, given in (
        (("--from-file", str(summary)), str(summary), None),
        ((), "standard input", summary.read_text(encoding="utf-8")),
    ):
        result = cli("write", *args, input=given)
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr == (
            f"peerjournal: {source} is a summary for a mentor ({named}), not an entry: nothing "
            "was saved. `peerjournal review` reads the JSON form (`export --format json`).\n"
        )
    assert len(entries(cli)) == 1
    assert drafts(isolated) == []
    # `import` still names it as a summary, through the same check
    imported = cli("import", str(summary))
    assert imported.exit_code == 1
    assert "summary for a mentor, not a backup" in imported.stderr
