"""Round 23: what a mentor reads in a summary file and in `review`, said the same way in both.

The journal: five weeks with entries out of eight (two empty weeks first, one in the middle;
one of them with two entries),
three of them anxious, and a self-check whose low scores are mostly about the workplace."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from peerjournal.supervision import load_form

ENTRIES = (
    ("2026-10-14", "I shared my recovery story and we learned from each other.", "Anxious."),
    ("2026-10-21", "I told her she should take her medication.", "Worried and nervous."),
    # a second entry that week: weeks of one entry each are no trend (round 38)
    ("2026-10-22", "We walked to the park and talked about football.", "Glad."),
    ("2026-11-04", "We talked about what she hopes for; her choice.", "Glad."),
    ("2026-11-11", "I asked what he wanted and backed him up at the housing office.", "Calm."),
    ("2026-11-18", "The nurse called him non-compliant and I stayed quiet.", "Anxious again."),
)
# 2026-10-01 to 2026-11-20 by week: 7 rows; 1–11 Oct and 26 Oct–1 Nov are empty
# r48: the weeks before the journal's first entry (1–4 Oct, 5–11 Oct) are one row, "before the
# journal began" (summary.before_journal), not two weeks of "0" that read as not writing
EMPTY_ROWS = (0, 3)
ROWS = 7


@pytest.fixture
def files(cli, tmp_path: Path) -> dict[str, Path]:
    """The summary exported as md, html and json, with the self-check."""
    for day, text, feelings in ENTRIES:
        # (12 times over: each half holds the 300 scored words a trend needs, round 43)
        result = cli("write", "-x", " ".join([text] * 12), "-f", feelings,
                     "-e", "Next time I will ask first.", "-d", day, "--share")
        assert result.exit_code == 0, result.stderr
    answers = tmp_path / "answers.toml"
    workplace = {i.id for i in load_form().items if i.section == "workplace"}
    practice = [i.id for i in load_form().items if i.id not in workplace]
    scores = {i: 1 for i in workplace} | {i: 4 for i in practice} | {practice[0]: 2}
    answers.write_text("".join(f"{k} = {v}\n" for k, v in scores.items()), encoding="utf-8")
    result = cli("supervision", "check", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    out = {}
    for fmt in ("md", "html", "json"):
        out[fmt] = tmp_path / f"s.{fmt}"
        result = cli("export", "--yes", "--with-check", "--since", "2026-10-01",
                     "-o", str(out[fmt]))
        assert result.exit_code == 0, result.stderr
    return out


def _review(cli, path: Path) -> str:
    result = cli("review", str(path))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _words(text: str) -> str:
    """Text as one line of words: panel borders and markup gone."""
    text = re.sub(r"[│╭╮╰╯─]", " ", text.replace("**", ""))
    return " ".join(text.split())


def _dimension_rows(md: str) -> list[tuple[str, str, str]]:
    table = md.split("## Dimensions", 1)[1].split("\n## ", 1)[0]
    return [tuple(cell.strip() for cell in line.strip("|").split("|"))  # type: ignore[misc]
            for line in table.splitlines()[4:] if line.startswith("| ")]


def test_review_gives_the_dimensions_in_the_exports_order_and_words(cli, files) -> None:
    """Was: review showed Drift then Identity, and a Trend column that left out "steady";
    md and html showed Identity then Drift, each with "→ steady"."""
    md = files["md"].read_text(encoding="utf-8")
    html = files["html"].read_text(encoding="utf-8")
    assert "| Dimension | Identity | Drift |" in md
    rows = _dimension_rows(md)
    assert rows and any("→ steady" in cell for row in rows for cell in row)
    out = _review(cli, files["json"])
    dims = out[out.index("\nDimensions\n") + 1:out.index("Peer identity markers")]
    header = dims.splitlines()[1]
    assert header.index("Identity") < header.index("Drift")
    assert "Trend" not in header
    for label, identity, drift in rows:
        assert re.search(rf"{re.escape(label)} +{re.escape(identity)} +{re.escape(drift)} ",
                         dims), (label, identity, drift)
        assert f"<td>{label}</td><td>{identity}</td><td>{drift}</td>" in html


def test_the_sparkline_has_one_mark_per_row_and_says_so(cli, files, monkeypatch) -> None:
    """Was: "identity    ▇▁▄▇█▂█" under a table of 10 rows: the blanks for the empty weeks
    at its start could not be told from the space after the label, and nothing said what a
    mark was."""
    md = files["md"].read_text(encoding="utf-8")
    table = [line for line in md.splitlines() if line.startswith("| 2026-")]
    assert len(table) == ROWS
    for name in ("identity", "drift"):
        line = next(x for x in md.splitlines() if x.startswith(f"{name} "))
        marks = line.split("|")[1]
        assert len(marks) == ROWS, line
        assert [n for n, mark in enumerate(marks) if mark == " "] == list(EMPTY_ROWS)
    assert re.search(r"\*One mark per week listed above; both rows on one scale, 0 to "
                     r"\d+\.\d per 100 words; blank = no entries\.\*", md)
    html = files["html"].read_text(encoding="utf-8")
    assert "One point per week; a gap = no entries." in html
    assert html.count("<circle ") == ROWS - len(EMPTY_ROWS)  # identity's points, one a week

    # review's bars already draw one row each: no sparkline repeating them beneath
    wide = _review(cli, files["json"])
    trend = wide[wide.index("Trend by week"):wide.index("\nDimensions\n")]
    assert "drift│identity" in trend and "One mark per" not in trend
    assert not re.search(r"identity +[▁▂▃▄▅▆▇█]", trend)
    # piped (plain text, read aloud) and too narrow for bars: each week's balance as a number,
    # no sparkline (round 41; a terminal still draws one: test_access_patches_r41)
    monkeypatch.setenv("COLUMNS", "60")
    narrow = _review(cli, files["json"])
    trend = narrow[narrow.index("Trend by week"):narrow.index("\nDimensions\n")]
    assert "Balance" in trend and re.search(r"[+-]\d\.\d\d", trend)
    assert not re.search(r"[▁▂▃▄▅▆▇█]", trend) and "One mark per" not in trend


# (r37: a spike's caveat followed it, "; but the markers of the earlier half …"; r47
# (fix_trends2): the earlier half's other week holds under 150 scored words, too thin to
# count as a week without drift, so its fall is named, `summary._thin_period`)
GLANCE = ("Peer drift fell from 13.3 to 4.4 per 100 words: the first 2 weeks with entries (12 "
          "Oct – 25 Oct 2026) against the last 3 weeks (2 Nov – 20 Nov 2026).")


def test_the_halves_compared_are_named_with_their_dates(cli, files) -> None:
    """Was: "the first 3 weeks with entries against the last 4": which weeks, a mentor
    could not tell."""
    md = _words(files["md"].read_text(encoding="utf-8"))
    assert GLANCE in md
    assert GLANCE in _words(_review(cli, files["json"]))
    assert GLANCE in _words(re.sub(r"<[^>]+>", " ", files["html"].read_text(encoding="utf-8")))


def test_a_feelings_alert_names_the_feeling_as_its_label(cli, files) -> None:
    """Was: "Feelings of fear / anxious came up in 3 of 5 entries": a noun and an adjective
    after "of". The label is quoted as a name, which reads for every label in the file."""
    alert = ("“Fear / anxious” feelings came up in 3 of 6 entries from 1 Oct to 20 Nov 2026. "
             "What is in the way, and who could you talk it through with?")
    summary = json.loads(files["json"].read_text(encoding="utf-8"))
    assert alert in [a["message"] for a in summary["alerts"]]
    assert alert in _words(files["md"].read_text(encoding="utf-8"))
    out = _words(_review(cli, files["json"]))
    assert alert in out and "Feelings of" not in out


def test_the_document_speaks_of_the_writer_and_quotes_their_words(cli, files) -> None:
    """Was: "What I will do differently" beside "1 thing the writer will do differently",
    and the self-check's headings ("What your workplace gives you") with no word on whose."""
    md = files["md"].read_text(encoding="utf-8")
    note = ("The writer's own statements, each scored by them from 1 (low) to 5, under the "
            "headings the self-check put to them.")
    assert "## What the writer will do differently" in md and "What I will" not in md
    assert f"## Self-check (2026-11-20)\n\n*{note}*" in md
    out = _review(cli, files["json"])
    assert "What the writer will do differently" in out and "What I will" not in out
    assert note in _words(out[out.index("Self-check (2026-11-20)"):])
    summary = json.loads(files["json"].read_text(encoding="utf-8"))
    assert summary["selfcheck"]["items"][0]["section"] == "Peer identity and drift"  # unchanged


def test_low_self_check_scores_are_split_into_practice_and_workplace(cli, files) -> None:
    """Was: "a self-check (6 of 22 items scored 1 or 2 out of 5)": the 5 low workplace items
    read as if about the writer's own practice."""
    talk = ("a self-check (scored 1 or 2 out of 5: 1 of 17 items about the writer's practice, "
            "5 of 5 about the writer's workplace)")
    assert talk in _words(files["md"].read_text(encoding="utf-8"))
    assert talk in _words(_review(cli, files["json"]))
