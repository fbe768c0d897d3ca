"""QA round 18: `drift` and `report` as a user meets them.

--rescore's messages on an empty journal, one entry and the trash; the demo entry about
presenting the writer's own drift; long texts; a one-off --lexicon; narrow terminals; a
journal whose only entries are in the trash.
"""

from __future__ import annotations

import io
import json
import re
import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner, Result

from conftest import CLI
from peerjournal.cli import app
from peerjournal.demo import load_demo_drafts
from peerjournal.drift import LEARNED_PREFIX, DriftScore, Hit, load_lexicon
from peerjournal.render.drift import _listed, dimension_table
from peerjournal.render.report import print_report
from test_drift_cli import DRIFT, IDENTITY, Add, make_stale, ok, org_lexicon

TODAY = date(2026, 11, 20)


def shipped() -> str:
    lexicon = load_lexicon()
    return f"lexicon {lexicon.version} ({lexicon.name})"


# -- drift --rescore: what it says is true of any journal -----------------------------------------


def test_rescore_of_a_journal_with_one_entry(cli: CLI, add: Add) -> None:
    """Was "Every entry is already scored" of a single entry."""
    add(DRIFT)
    result = ok(cli("drift", "--rescore"))
    assert result.stderr == f"The journal's one entry is already scored with {shipped()}.\n"


def test_rescore_of_a_journal_whose_only_entry_is_in_the_trash(cli: CLI, add: Add) -> None:
    """Was "Every entry is already scored" while `list` showed no entry at all."""
    ok(cli("delete", str(add(DRIFT))))
    result = ok(cli("drift", "--rescore"))
    assert result.stderr == (
        f"The journal's one entry is in the trash, already scored with {shipped()}.\n"
    )
    assert json.loads(ok(cli("drift", "--rescore", "--json")).stdout)["rescored"] == 0


def test_rescore_of_a_journal_whose_entries_are_all_in_the_trash(cli: CLI, add: Add) -> None:
    for text in (DRIFT, IDENTITY):
        ok(cli("delete", str(add(text))))
    result = ok(cli("drift", "--rescore"))
    assert result.stderr == f"All 2 entries are in the trash, already scored with {shipped()}.\n"


def test_rescore_counts_the_trash_it_scored(cli: CLI, add: Add, isolated: Path) -> None:
    """`list` shows two entries; "Re-scored 3 entries" did not say where the third was."""
    ids = [add(text) for text in (DRIFT, IDENTITY, "Rain all day.")]
    ok(cli("delete", str(ids[0])))
    assert ok(cli("drift", "--rescore")).stderr == (
        f"All 3 entries (1 in the trash) are already scored with {shipped()}.\n"
    )
    make_stale(isolated, *ids)
    assert ok(cli("drift", "--rescore")).stderr == (
        f"Re-scored 3 entries (1 in the trash) with {shipped()}.\n"
    )
    make_stale(isolated, ids[0])
    assert ok(cli("drift", "--rescore")).stderr == (
        f"Re-scored 1 entry (in the trash) with {shipped()}.\n"
    )
    with sqlite3.connect(isolated / "journal.db") as conn:
        versions = {v for (v,) in conn.execute("SELECT lexicon_version FROM entry")}
    assert versions == {load_lexicon().version}


# -- drift ID with a one-off --lexicon ------------------------------------------------------------


@pytest.mark.parametrize("where", ["command", "global"])
def test_a_look_through_another_lexicon_does_not_send_the_writer_to_a_bare_rescore(
    cli: CLI, add: Add, tmp_path: Path, where: str
) -> None:
    """Was: "`peerjournal drift --rescore` brings it up to date", which, without the
    --lexicon, changes nothing (the journal is up to date with its own lexicon)."""
    entry_id = add("I shared my own recovery story and we learned from each other.")
    path = str(org_lexicon(tmp_path, name="org.toml"))
    org = path.replace("org.toml", "drifty.toml")
    Path(org).write_text(
        Path(path).read_text("utf-8").replace('"shared my story"', '"shared my own recovery"')
        .replace('polarity = "identity"', 'polarity = "drift"'),
        encoding="utf-8",
    )
    args = ["drift", "--lexicon", org] if where == "command" else ["--lexicon", org, "drift"]
    result = ok(cli(*args, str(entry_id)))
    assert "leans toward a clinical role" in result.stdout
    assert "another score for this entry (leans peer)" in result.stderr
    assert "with this --lexicon" in result.stderr
    assert "brings it up to date" not in result.stderr
    assert "already scored" in ok(cli("drift", "--rescore")).stderr  # as it always was


# -- the demo --------------------------------------------------------------------------------------


def demo_entry(cli: CLI, days_ago: int) -> tuple[dict[str, Any], str]:
    """The demo entry dated `days_ago`: its `drift --json`, and its `drift` view."""
    result = ok(cli("demo", "--json"))
    match = re.search(r"created at (\S+journal\.db)", result.stderr)
    assert match, result.stderr
    path = Path(match.group(1))
    try:
        entries = json.loads(ok(cli("--db", str(path), "list", "--json", "--limit", "0")).stdout)
        wanted = (TODAY - timedelta(days=days_ago)).isoformat()
        (entry,) = [e for e in entries if e["date"] == wanted]
        data = json.loads(ok(cli("--db", str(path), "drift", str(entry["id"]), "--json")).stdout)
        view = ok(cli("--db", str(path), "drift", str(entry["id"]))).stdout
        return data, view
    finally:
        for file in path.parent.iterdir():
            file.unlink()
        path.parent.rmdir()


def test_the_demo_entry_about_presenting_ones_drift_is_carried_by_curated_phrases(
    cli: CLI,
) -> None:
    """Was: "leans toward a clinical role" from learned words alone ("presented",
    "study", "Exposed"), for an entry about owning one's drift in front of the team."""
    (draft,) = [d for d in load_demo_drafts(TODAY) if d.date == TODAY - timedelta(days=2)]
    assert "Sharing my own drift openly" in draft.evaluation  # the entry this is about
    data, view = demo_entry(cli, 2)
    assert data["verdict"] == "identity"
    counted = [h for h in data["hits"] if h["counted"]]
    curated = [h for h in counted if not h["marker"].startswith(LEARNED_PREFIX)]
    assert not [h for h in counted if h["polarity"] == "drift"]
    assert {h["polarity"] for h in curated} == {"identity"}
    assert "shared my own story" in {h["text"] for h in curated}
    assert len({h["dimension"] for h in curated}) >= 3  # story, mutuality, advocacy
    assert "leans toward your peer identity" in view
    assert re.search(r"“shared my own story”(?!\s*\(learned)", view)  # a curated phrase


# -- long texts ------------------------------------------------------------------------------------


def test_a_long_text_with_thousands_of_phrases_is_laid_out_quickly() -> None:
    """Was: each learned phrase tested against every curated one: a 220 KB text (12,000
    hits) took 70 s to lay out after 6 s of scoring."""
    curated, learned = [], []
    for n in range(8000):
        start = n * 40
        curated.append(Hit("story.shared", "story", "identity", "shared my story", start,
                           start + 15))
        # one uncounted learned phrase inside each curated one, one outside it
        learned.append(Hit(f"{LEARNED_PREFIX}advice.drift.1", "advice", "drift", "shared my",
                           start, start + 9, counted=False))
        learned.append(Hit(f"{LEARNED_PREFIX}advice.drift.1", "advice", "drift", "alone",
                           start + 20, start + 25, counted=False))
    score = DriftScore(
        verdict="identity", balance=1.0, identity=10.0, drift=0.0, words=64000,
        dimensions={}, hits=tuple(curated + learned), lexicon_version="test",
    )
    began = time.process_time()
    table = dimension_table(score, load_lexicon())
    assert time.process_time() - began < 5
    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(table)
    text = out.getvalue()
    assert "“shared my story” ×8,000" in text
    assert "“alone” (learned, drift, outweighed) ×8,000" in text  # its side (round 43)
    assert "“shared my”" not in text  # inside a curated phrase: already explained
    assert "16,000 counted of 16,000 phrases" not in text
    assert "8,000 counted of 16,000 phrases" in text


spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 12), st.booleans(), st.booleans()), max_size=30
)


@given(spans)
@settings(max_examples=200, deadline=None)
def test_the_quick_overlap_test_lists_what_testing_every_pair_listed(
    raw: list[tuple[int, int, bool, bool]],
) -> None:
    hits = tuple(
        Hit(f"{LEARNED_PREFIX}advice.drift.1" if learned else "story.shared", "story",
            "identity", "x", start, start + length, counted=counted)
        for start, length, learned, counted in raw
    )
    score = DriftScore(verdict="identity", balance=1.0, identity=1.0, drift=0.0, words=10,
                       dimensions={}, hits=hits, lexicon_version="test")
    curated = [h for h in hits if not h.marker.startswith(LEARNED_PREFIX)]
    expected = [
        h for h in hits
        if h.counted or not h.marker.startswith(LEARNED_PREFIX)
        or not any(c.start < h.end and h.start < c.end for c in curated)
    ]
    assert _listed(score) == expected


# -- narrow terminals ------------------------------------------------------------------------------


def test_questions_wrap_under_their_own_words(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    """Was: a question's second line started at the left edge, under the bullet."""
    monkeypatch.setenv("COLUMNS", "40")
    out = ok(cli("drift", "--text", "I told her she should take her meds.")).stdout
    block = out.split("Questions to sit with:\n")[1].split("Drift is a lean")[0].splitlines()
    assert block[0].startswith("  • ")
    assert all(re.match(r"(  • |    )\S", line) for line in block), block
    assert any(line.startswith("    ") for line in block)  # at 40 columns, some wrap
    assert all(len(line) <= 40 for line in out.splitlines())


def ascii_cli(*args: str) -> Result:
    """The command on a console whose encoding is ASCII (LANG=C, a Windows code page)."""
    return CliRunner(charset="ascii").invoke(app, list(args), catch_exceptions=False)


def test_drift_on_an_ascii_console_uses_ascii_quotes_dashes_and_bullets(add: Add) -> None:
    """Was: ‘\\u201cYou should\\u201d’, ‘(\\u22121 drift \\u2026’ and ‘\\u2022’ on a console that
    cannot show curly quotes (the launcher escapes what cannot be encoded)."""
    entry_id = add("The nurse called her non-compliant. I told her she should take her meds.",
                   "--setting", "inpatient")
    result = ascii_cli("drift", str(entry_id))
    assert result.exit_code == 0, result.stderr
    out = result.stdout_bytes.decode("ascii")  # would raise on any character that is not
    assert f"#{entry_id} / Fri 20 Nov 2026 / inpatient" in out
    assert '"told her she should"' in out and "(-1 drift ..." in out
    assert "Others' framing, not counted as yours: \"non-compliant\"" in out
    assert re.search(r"^  \* \S", out, re.M)  # the questions' bullets
    # a rule under the header, not a boxed grid of "|" and "+--+" around every cell
    assert re.search(r"^ Dimension +Identity +Drift +Phrases *\n -{20,} *$", out, re.M)


def test_the_summary_after_write_on_an_ascii_console() -> None:
    result = ascii_cli("write", "-x", "I told her she should take her meds.")
    assert result.exit_code == 0
    said = result.stderr_bytes.decode("ascii").splitlines()  # (then the first entry's note)
    summary = next(line for line in said if line.startswith("Drift: "))
    assert summary.startswith("Drift: leans clinical (")
    assert summary.endswith("  - details: peerjournal drift 1")


@pytest.fixture
def journal(add: Add) -> None:
    clinical = "She was symptomatic and non-compliant so I told her she should take her meds."
    for day in ("2026-10-05", "2026-10-20", "2026-11-02", "2026-11-19"):
        add(clinical, "--date", day, "--setting", "inpatient", "--feelings", "drained")
    add("I shared my own recovery story and we learned from each other.", "--date",
        "2026-11-18", "--setting", "community")


def _report(cli: CLI, width: int, *args: str) -> str:
    data = json.loads(ok(cli("report", "--json", *args)).stdout)
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, markup=False, highlight=False)
    print_report(console, data, {})
    return out.getvalue()


@pytest.mark.parametrize("width", [30, 34, 39])
def test_a_tiny_report_shows_every_number_whole(cli: CLI, journal: None, width: int) -> None:
    """Was: at COLUMNS=30, "Dr… 21…" and "31 Aug…": numbers cut below 40 columns."""
    text = _report(cli, width)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    header = next(line for line in lines if line.startswith("Week"))
    assert header.split() == ["Week", "N", "Ident", "Drift", "Bal"]
    assert re.search(r"N\s+=\s+entries", text)
    (row,) = [line for line in lines if line.startswith("2 Nov ")]
    assert "…" not in row
    _day, _month, entries, *numbers = row.split()
    assert entries == "1" and len(numbers) == 3
    assert all(re.fullmatch(r"[+-]?\d+\.\d\d", n) for n in numbers), row


def test_a_tiny_report_by_month_shows_every_number_whole(cli: CLI, journal: None) -> None:
    lines = _report(cli, 30, "--by", "month").splitlines()
    assert next(line for line in lines if line.startswith("Month")).split()[1:3] == ["N", "Ident"]
    (row,) = [line for line in lines if line.startswith("Nov 2026")]
    assert "…" not in row and len(row.split()) == 6, row


def test_report_alerts_wrap_under_their_own_words(cli: CLI, journal: None) -> None:
    text = _report(cli, 40)
    alerts = [line for line in text.split("Something to reflect on\n")[1].splitlines() if line]
    assert alerts[0].startswith("• ")
    assert all(re.match(r"(• |  )\S", line) for line in alerts), alerts
    assert any(line.startswith("  ") for line in alerts)


def test_a_report_over_a_century_counts_its_weeks_with_separators(
    cli: CLI, journal: None
) -> None:
    weeks = (date(2026, 11, 16) - date(1900, 1, 1)).days // 7 + 1
    out = ok(cli("report", "--since", "1900-01-01")).stdout
    assert f"the last 26 of {weeks:,} weeks (--all: every one)" in out


# -- a journal with nothing outside the trash ------------------------------------------------------


def test_report_of_a_journal_whose_entries_are_all_in_the_trash(cli: CLI, add: Add) -> None:
    """Was "Your journal is empty", where `list` says what is in the trash."""
    ok(cli("delete", str(add(DRIFT))))
    result = ok(cli("report"))
    assert result.stdout == ""
    assert result.stderr == ok(cli("list")).stderr
    assert result.stderr == (
        "No entries in the journal; 1 entry is in the trash (`peerjournal trash`).\n"
    )
    assert json.loads(ok(cli("report", "--json")).stdout)["totals"]["entries"] == 0


def test_report_of_an_empty_journal_points_to_write_and_demo(cli: CLI, add: Add) -> None:
    add(DRIFT)
    ok(cli("delete", "1"))
    ok(cli("trash", "--empty", "--yes"))
    assert "`peerjournal demo`" in ok(cli("report")).stderr
