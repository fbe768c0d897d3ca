"""QA round 28, the summary's polish: the entry counts with thousands separators, a time
written with "Z", link syntax typed in an entry escaped whole in Markdown (and no link in HTML),
`--help`'s command lines uncut, and redact naming commands as the journal does without db/."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import CLI, SRC
from test_qa19_mentor import FORMATS, seen
from test_summary import sample_summary

# -- 1. thousands separators in the headline counts -------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_entry_counts_have_thousands_separators(fmt: str, cli: CLI, tmp_path: Path) -> None:
    """Was: "Entries: 20000 written, 1234 shared with you (1000 without a drift score…"."""
    summary = sample_summary()
    for period, entries in zip(summary["periods"], (0, 12_000, 8_000, 0), strict=True):
        period["entries"] = entries
    summary["entries"].update(total=20_000, shared=1_234, scored=19_000)
    summary["shared_entries"] = summary["shared_entries"][:1] * 1_234
    text = seen(fmt, summary, cli, tmp_path)
    assert re.search(r"Entries:? 20,000 written, 1,234 shared with you \(1,000 without a drift "
                     r"score, left out of the numbers\)", text), text[:400]


def test_a_time_written_with_z_is_shown_as_utc(cli: CLI, tmp_path: Path) -> None:
    """ISO 8601's "Z" (UTC) in a summary saved again by another tool: review opens it."""
    summary = sample_summary()
    summary["generated_at"] = "2026-11-20T18:30:00Z"
    assert "Generated: 2026-11-20 18:30 UTC by peerjournal" in seen("review", summary, cli,
                                                                    tmp_path)


# -- 4. link syntax typed in an entry or a note ------------------------------------------------

TYPED = "See [link](javascript:alert(1)) and ![x](https://t.example/p.png) and Maria said so."


def _export(cli: CLI, tmp_path: Path, fmt: str) -> str:
    assert cli("people", "add", "Maria").exit_code == 0
    assert cli("write", "-x", TYPED, "--share").exit_code == 0
    out = tmp_path / f"summary.{fmt}"
    result = cli("export", "--since", "2026-11-01", "--note", "[link](javascript:alert(1))",
                 "--yes", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_markdown_escapes_typed_link_syntax_whole(cli: CLI, tmp_path: Path) -> None:
    """Was: "See [link]\\(javascript:alert(1))": "[link]" was taken for the redaction
    placeholder and left bare, while "![x](…)" beside it was escaped whole."""
    md = _export(cli, tmp_path, "md")
    assert ("See \\[link\\]\\(javascript:alert(1)) and !\\[x\\]\\([link]) and [person] "
            "said so.") in md
    assert "> \\[link\\]\\(javascript:alert(1))" in md  # the note
    page = MarkdownIt("commonmark").render(md)
    assert "<a " not in page and "<img" not in page
    assert "See [link](javascript:alert(1)) and ![x]([link]) and [person] said so." in page
    assert "<p>[link](javascript:alert(1))</p>" in page


def test_html_shows_typed_link_syntax_as_text(cli: CLI, tmp_path: Path) -> None:
    page = _export(cli, tmp_path, "html")
    assert "javascript:" not in "".join(re.findall(r"<[^>]*>", page))  # in no tag
    assert "<a " not in page and "href" not in page
    shown = html.unescape(re.sub(r"<[^>]+>", " ", page))
    assert "See [link](javascript:alert(1)) and ![x]([link]) and [person] said so." in shown


# -- 5. `peerjournal --help` -----------------------------------------------------------------


@pytest.mark.parametrize("columns", ["80", "100"])
def test_no_command_line_in_help_is_cut_off(
    columns: str, cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "import  Import entries, and a full backup's people list,..."."""
    monkeypatch.setenv("COLUMNS", columns)
    result = cli("--help")
    assert result.exit_code == 0
    commands = result.stdout.split("Commands:", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(commands) > 20
    assert not [line for line in commands if line.rstrip().endswith("...")]
    assert "  import       Import entries or a full backup." in commands


# -- 6. redact names a command as the journal does, without importing db/ --------------------


def test_redact_imports_no_database_code() -> None:
    """redact's default `peerjournal COMMAND` hint comes from errors, as db.engine's does."""
    code = ("import sys, peerjournal.redact as r; "
            "print(r.one_letter_word_note('A')); "
            "print(sorted(m for m in sys.modules if m.startswith(('peerjournal.db', 'sql'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PYTHONPATH": SRC}, check=True).stdout.splitlines()
    assert "(`peerjournal people remove A`)" in out[0]
    assert out[1] == "[]"
