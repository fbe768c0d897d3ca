"""QA round 16: what a mentor summary says about itself, and what the writer is told."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from peerjournal.drift.lexicon import lexicon_version
from peerjournal.entry import Entry
from peerjournal.exporters import markdown
from peerjournal.redact import unlisted_capitalised
from peerjournal.summary import build_summary, validate_summary
from test_summary import redactor, sample_input, sample_summary

PEER = "I shared my own recovery story with her and we learned from each other."


def _words(text: str) -> str:
    return " ".join(text.split())


def test_the_summary_names_the_lexicon_its_numbers_come_from() -> None:
    """Was: no lexicon version anywhere, so two summaries could not be compared safely."""
    data = sample_input()
    data.drifts[1]["lexicon_version"] = "abc123"  # type: ignore[index]
    data.drifts[2]["lexicon_version"] = "abc123"  # type: ignore[index]
    summary = build_summary(data, redactor())
    assert summary["lexicon_versions"] == ["abc123"]
    assert validate_summary(summary, "s.json") == summary
    line = next(line for line in markdown.lines(summary) if "**Drift lexicon:**" in line)
    assert line.startswith(  # (then which lexicon that is, r45: not one peerjournal ships here)
        "- **Drift lexicon:** version abc123 (the list of phrases the drift numbers count: "
        "two exports made with the same version compare directly)")


def test_mixed_lexicon_versions_are_flagged_most_used_first() -> None:
    data = sample_input()
    data.drifts[1]["lexicon_version"] = "old"  # type: ignore[index]
    data.drifts[2]["lexicon_version"] = "new"  # type: ignore[index]
    data.drifts[3] = {"hits": [], "lexicon_version": "new"}  # type: ignore[index]
    summary = build_summary(data, redactor())
    assert summary["lexicon_versions"] == ["new", "old"]
    text = _words("\n".join(markdown.lines(summary)))
    assert "versions new, old (entries were scored with different lexicons" in text


def test_export_json_carries_the_current_lexicon_version(cli, add, tmp_path: Path) -> None:
    add(PEER, "--date", "2026-11-16")
    out = tmp_path / "s.json"
    assert cli("export", "--yes", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text())["lexicon_versions"] == [lexicon_version()]


def test_two_hits_in_one_sentence_are_quoted_once() -> None:
    """Was: the same sentence twice, once whole and once cut ("…asked what happened…")."""
    text = "This time I asked him what happened, and I wrote his account in his words."
    data = sample_input(experience=text, evaluation="")
    entry = data.entries[0]
    assert isinstance(entry, Entry)
    scored = "\n\n".join([entry.experience, entry.feelings])
    hits = []
    for phrase in ("This time", "in his words"):
        start = scored.index(phrase)
        hits.append({"marker": "worldview.meaning_making", "dimension": "worldview",
                     "polarity": "identity", "text": phrase, "start": start,
                     "end": start + len(phrase), "counted": True})
    data.drifts[1]["hits"] = hits  # type: ignore[index]
    (marker,) = build_summary(data, redactor())["markers"]["identity"]
    assert marker["count"] == 2
    assert [x["text"] for x in marker["excerpts"]] == [text]


def test_an_empty_period_warns_the_writer_and_says_so(cli, add, tmp_path: Path) -> None:
    """Was: a summary of empty tables and blank sparklines, written without a word."""
    add(PEER, "--date", "2026-11-16")
    out = tmp_path / "s.md"
    result = cli("export", "--yes", "--since", "2025-01-01", "--until", "2025-02-01",
                 "-o", str(out))
    assert result.exit_code == 0
    assert ("No entries from 1 Jan 2025 to 1 Feb 2025; yours are all dated 16 Nov 2026, "
            "so the summary has no numbers") in result.stderr
    text = out.read_text()
    assert "*No entries were written in this period, so there are no numbers to show.*" in text
    assert "## Trend" not in text and "## Dimensions" not in text
    html = tmp_path / "s.html"
    cli("export", "--yes", "--since", "2025-01-01", "--until", "2025-02-01", "-o", str(html))
    assert "No entries were written in this period" in html.read_text()
    full = cli("export", "--yes", "-o", str(tmp_path / "full.md"))
    assert "There are no entries" not in full.stderr


def test_export_warns_when_scores_are_from_another_lexicon(
    cli, add, isolated: Path, tmp_path: Path
) -> None:
    add(PEER, "--date", "2026-11-16")
    assert "--rescore" not in cli("export", "--yes").stderr
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("UPDATE entry SET lexicon_version = 'an-old-one'")
    result = cli("export", "--yes")
    assert result.exit_code == 0
    assert "1 entry was scored with another version of the drift lexicon" in result.stderr
    assert "--rescore" not in result.stdout


def test_the_numbers_note_explains_balance() -> None:
    text = _words("\n".join(markdown.lines(sample_summary())))
    assert "balance runs from -1 (all drift) to +1 (all identity)" in text


def test_a_and_e_is_not_flagged_as_a_possible_name() -> None:
    """Was: the preview asked the writer to check "A (2), E" for every "A&E"."""
    text = "She ended up in A&E. We went to A&E again, then met Priya at M&S."
    assert [text[a:b] for a, b in unlisted_capitalised(text)] == ["Priya", "M&S"]


def test_the_preview_of_a_real_export_does_not_flag_a_and_e(cli, add, tmp_path: Path) -> None:
    add("She ended up in A&E and we talked about what happened.", "--date", "2026-11-16",
        "--share")
    result = cli("export", "-o", str(tmp_path / "s.md"), input="n\n")
    assert "A&E" in result.stderr and "Check these capitalised words" not in result.stderr


def test_date_window_of_the_summary_is_the_one_asked_for(cli, add) -> None:
    add(PEER, "--date", "2025-12-30")
    add(PEER, "--date", "2026-01-02")
    result = cli("export", "--yes", "-f", "json", "--since", "2025-12-29", "--until", "2026-01-04")
    data = json.loads(result.stdout)
    assert data["period"] == {"since": "2025-12-29", "until": "2026-01-04", "by": "week"}
    assert data["entries"]["total"] == 2 and data["periods"][0]["entries"] == 2
    assert data["periods"][0]["start"] == "2025-12-29"
    assert date.fromisoformat(data["periods"][-1]["end"]) == date(2026, 1, 4)


def test_an_empty_journal_is_not_told_to_pick_another_period(cli) -> None:
    result = cli("export", "--yes")
    assert result.exit_code == 0
    assert "your journal has no entries yet (`peerjournal write` adds one)." in result.stderr
    assert "choose another period" not in result.stderr


def test_sharing_an_older_entry_says_how_to_export_it(cli, add, tmp_path: Path) -> None:
    """Was: "shared: goes into `peerjournal export`", yet the default export left it out."""
    old = add(PEER, "--date", "2026-09-18")
    recent = add(PEER, "--date", "2026-11-19")
    result = cli("share", str(recent), str(old))
    assert result.exit_code == 0 and result.stdout == ""
    assert (
        "An export covers the last 4 weeks (from 2026-10-26) unless told otherwise; to include "
        f"entry {old}, export with --since 2026-09-18."
    ) in " ".join(result.stderr.split())
    assert "An export covers" not in cli("share", str(recent)).stderr
    assert json.loads(cli("share", str(old), "--json").stdout) == {"ids": [old], "shared": True}
    out = tmp_path / "s.json"
    assert cli("export", "--yes", "--since", "2026-09-18", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text())["entries"]["shared"] == 2


def test_the_pdf_says_what_its_numbers_are_and_when_there_are_none(
    cli, add, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    add(PEER, "--date", "2026-11-16")

    def pdf_text(name: str, *args: str) -> str:
        out = tmp_path / name
        assert cli("export", "--yes", "-o", str(out), *args).exit_code == 0
        return _words(" ".join(page.extract_text() for page in PdfReader(out).pages))

    full = pdf_text("full.pdf")
    assert f"Drift lexicon: version {lexicon_version()}" in full
    assert "balance runs from -1 (all drift) to +1 (all identity)" in full
    empty = pdf_text("empty.pdf", "--since", "2025-01-01", "--until", "2025-02-01")
    assert "No entries were written in this period" in empty and "Trend by" not in empty


def test_a_reversed_or_future_export_period_is_a_clear_error(cli, add, tmp_path: Path) -> None:
    """Was: "the report needs…" when the writer asked for a summary."""
    add(PEER, "--date", "2026-11-16")
    out = tmp_path / "s.md"
    reversed_ = cli("export", "--yes", "--since", "2026-11-10", "--until", "2026-11-01",
                    "-o", str(out))
    assert reversed_.exit_code == 1 and reversed_.stdout == ""
    assert reversed_.stderr == (
        "peerjournal: --since 2026-11-10 is after --until 2026-11-01: a period needs a start "
        "on or before its end.\n"
    )
    future = cli("export", "--yes", "--since", "2026-12-01", "-o", str(out))
    assert future.exit_code == 1 and "a period ends today at the latest" in future.stderr
    assert "report" not in reversed_.stderr + future.stderr and not out.exists()


def test_unscored_entries_are_said_to_be_left_out_of_the_numbers() -> None:
    summary = sample_summary()
    assert "without a drift score" not in "\n".join(markdown.lines(summary))
    summary["entries"]["scored"] = 1
    assert (
        "- **Entries:** 2 written, 1 shared with you (1 without a drift score, left out of the "
        "numbers)"
    ) in markdown.lines(summary)


def test_the_preview_does_not_flag_the_alias_redaction_put_in(cli, add, tmp_path: Path) -> None:
    """Was: with Sam Jones listed as "S.", the preview asked the writer to check "S (3)"."""
    assert cli("people", "add", "Sam Jones", "--alias", "S.").exit_code == 0
    add("Sam Jones and I walked to the library; Sam chose the route.", "--date", "2026-11-16",
        "--share")
    result = cli("export", "-o", str(tmp_path / "s.md"), input="n\n")
    assert "S." in result.stderr and "Check these capitalised words" not in result.stderr
