"""QA round 26 (qa1 #3, #4, #5, #13, #14), the mentor's summary.

A drift marker the writer noticed says so beside its quote and in its count; the Markdown
sparklines draw identity and drift on one scale and say which; a direction needs a change a
reader would call one, over more than one entry and more than one week's spike; a hand-edited
summary is refused in a mentor's words with the remedy; the PDF's dimensions name the order
they are drawn in.
"""

from __future__ import annotations

import copy
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from peerjournal.exporters import get_format
from peerjournal.summary import halves
from test_qa19_mentor import _pdf_words, seen, turning_summary
from test_summary import balance, counted_as_periods

CLI = Callable[..., Any]
NOTICED = "I noticed I wanted to fix it for her and held back. We made a plan she chose."


def _export(cli: CLI, fmt: str, path: Path) -> str:
    result = cli("export", "--yes", "--format", fmt, "-o", str(path))
    assert result.exit_code == 0, result.stderr
    if fmt == "pdf":
        return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())
    return " ".join(path.read_text(encoding="utf-8").split())


# -- #3 the awareness beside a noticed marker ---------------------------------------------------


def test_a_noticed_drift_marker_says_so_in_every_format(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    """Was: "instructing, managing for them (Mutuality): 1 time in 1 entry — “I noticed I
    wanted to fix it for her and held back.”", a success filed as plain drift."""
    add(NOTICED, "--share")
    for fmt in ("md", "html", "pdf"):
        text = " ".join(re.sub(r"<[^>]+>", " ", _export(cli, fmt, tmp_path / f"s.{fmt}")).split())
        assert re.search(r"instructing, managing for them \(Mutuality\): 1 time in 1 entry, "
                         r"noticed by the writer\W+(\d{4}-\d\d-\d\d: )?“?I noticed I wanted to "
                         r"fix it for her and held back\.”?( \(\d{4}-\d\d-\d\d\))? \*?\(the "
                         r"writer noticed it\)", text), fmt
    data = json.loads(cli("export", "--yes", "--format", "json").stdout)
    (marker,) = [m for m in data["markers"]["drift"] if m["dimension"] == "mutuality"]
    assert marker["count"] == marker["noticed"] == 1
    assert [x["noticed"] for x in marker["excerpts"]] == [True]
    assert all(m["noticed"] == 0 for m in data["markers"]["identity"])  # a slip's noticing


def test_a_marker_noticed_once_of_several_times_says_how_many(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    """Counted in shared entries only: an export reads the others' compact scores."""
    add("I told him he should take his meds.", "--share")
    add("I noticed I was telling her she should call the clinic.", "--share")
    add("I caught myself telling him he should rest.")  # not shared
    text = _export(cli, "md", tmp_path / "s.md")
    assert "3 times in 3 entries, 1 of them noticed by the writer (in shared entries)" in text
    assert "“I told him he should take his meds.”" in text  # quoted, not noticed
    assert "“I told him he should take his meds.” *(the writer" not in text
    # the noticed slip is quoted once, under the awareness it shows (round 38: its own marker)
    noticing = text.index("noticing the writer's own practice (Worldview)")
    assert text.index("“I noticed I was telling her she should call the clinic.”") > noticing


def test_review_reads_the_count_and_an_older_summary_without_it(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    add(NOTICED, "--share")
    data = json.loads(cli("export", "--yes", "--format", "json").stdout)
    new, old = tmp_path / "new.json", tmp_path / "old.json"
    new.write_text(json.dumps(data), encoding="utf-8")
    for polarity in ("identity", "drift"):
        for marker in data["markers"][polarity]:
            del marker["noticed"]
            for quote in marker["excerpts"]:
                del quote["noticed"]
    old.write_text(json.dumps(data), encoding="utf-8")
    shown = cli("review", str(new))
    assert shown.exit_code == 0, shown.stderr
    assert "1 time in 1 entry, noticed by the writer" in " ".join(shown.stdout.split())
    older = cli("review", str(old))
    assert older.exit_code == 0, older.stderr
    assert "noticed by the writer" not in older.stdout


# -- #4 one scale for both sparklines -----------------------------------------------------------


def test_markdown_sparklines_share_one_scale_and_say_it(cli: CLI, tmp_path: Path) -> None:
    """Was: drift 0.6 then 0.0 drawn "█▁" beside identity 18.8: each row scaled alone."""
    summary = turning_summary()
    for period, identity, drift in zip(summary["periods"], (18.8, 9.4, 18.8, 4.7),
                                       (0.6, 0.0, 0.6, 0.0), strict=True):
        period.update(identity=identity, drift=drift)
    md = get_format("md").write(summary).decode("utf-8")
    rows = dict(re.findall(r"^(identity|drift) +\|(.*)\|$", md, re.MULTILINE))
    assert rows == {"identity": "█▅█▃", "drift": "▁▁▁▁"}
    assert ("*One mark per week listed above; both rows on one scale, 0 to 18.8 per 100 words; "
            "blank = no entries.*") in md


# -- #5 directions a careful reader accepts ---------------------------------------------------


@pytest.mark.parametrize(("series", "entries", "direction"), [
    ([30.8, 31.6, 26.5, 4.7, 27.8, 88.2, 13.2], [2, 1, 1, 1, 1, 1, 2], "steady"),  # 29.9→29.4
    ([0.0, 0.0, 0.0, 0.98], [1, 1, 1, 2], "steady"),  # "Advocacy ↑ rising": one entry
    ([0.0, 0.0, 16.9, 0.0], [1, 1, 1, 2], "steady"),  # one week's spike
    ([0.0, 0.0, 5.0, 6.0], [1, 1, 1, 2], "up"),  # from nothing, in two weeks
    ([5.0, 6.0, 0.0, 0.0], [1, 1, 1, 2], "down"),
    ([0.5, 0.5, 1.2, 1.2], [1, 1, 1, 2], "up"),  # small, but more than a quarter of a word
    ([10.0, 2.0, 1.0], [11, 9, 10], "down"),  # by month: one month of 11 entries is a half
    ([1.0, 2.0, 9.0], [1, 1, 1], None),  # a first half of one entry: too few for a trend
    ([1.0, 9.0], [5, 5], None),  # two periods
])
def test_a_direction_needs_a_real_change_over_more_than_one_entry(
    series: list[float], entries: list[int], direction: str | None
) -> None:
    split = halves(series, entries)
    assert (split.direction if split else None) == direction


def _weeks(summary: dict[str, Any], identity: list[float], drift: list[float]) -> None:
    for period, i, d in zip(summary["periods"], identity, drift, strict=True):
        period.update(entries=2, identity=i, drift=d, balance=balance(i, d))
    counted_as_periods(summary)


@pytest.mark.parametrize("fmt", ("md", "html", "pdf", "review"))
def test_the_glance_calls_a_small_change_steady_and_a_spike_no_trend(
    fmt: str, cli: CLI, tmp_path: Path
) -> None:
    """Was: "Peer drift fell from 29.9 to 29.4 per 100 words", a 1.7% change."""
    summary = turning_summary()
    _weeks(summary, [0.0, 0.0, 17.0, 0.0], [30.0, 29.8, 29.4, 29.4])
    text = seen(fmt, summary, cli, tmp_path)
    assert "Peer drift held steady (29.9, then 29.4 per 100 words)" in text
    assert ("Peer identity went from 0.0 to 8.5 per 100 words; but the markers of the later "
            "half all come from one week, a spike rather than a trend.") in text
    assert "fell from 29.9" not in text and "rose from 0.0" not in text


def test_too_few_entries_for_a_trend_is_said_and_the_arrows_left_out(
    cli: CLI, tmp_path: Path
) -> None:
    summary = turning_summary()
    summary["periods"][3].update(entries=0, identity=None, drift=None, balance=None)
    for period, entries in zip(summary["periods"], (1, 2, 1), strict=False):
        period["entries"] = entries  # not one each: that is its own reason (round 38)
    summary["entries"]["total"] = 4
    for dim in summary["dimensions"]:
        for polarity in ("identity", "drift"):
            dim[f"{polarity}_series"][3] = None
            dim[f"{polarity}_direction"] = None
    text = seen("md", summary, cli, tmp_path)
    assert ("Only 4 entries in 3 weeks: too few to show a trend (it needs 2 entries in each "
            "half: the first week holds 1, the last 2 weeks 3); the numbers are in the table "
            "below.") in text
    assert ("No arrows: too few entries to show a trend (it needs 2 entries in each half: the "
            "first week holds 1, the last 2 weeks 3).") in text
    assert "rose from" not in text and "fell from" not in text and "↑" not in text


def test_the_dimensions_say_how_an_arrow_is_decided(cli: CLI, tmp_path: Path) -> None:
    text = seen("md", turning_summary(), cli, tmp_path)
    assert ("↑ rising, ↓ falling: the later half of the weeks with entries against the earlier, "
            "by at least 0.25 per 100 words and 15% of the higher, and not from one week's "
            "spike, nor where the last weeks end where the first began; otherwise → "
            "steady.") in text


# -- #13 a hand-edited summary, in a mentor's words ---------------------------------------------

REMEDY = "; ask for the summary to be sent again.\n"


@pytest.mark.parametrize(("edit", "said"), [
    (lambda s: s["totals"].update(identity="4.3"), "totals identity is not a number of 0 or more"),
    (lambda s: s.pop("generated_at"), "generated at is missing"),
    (lambda s: s["selfcheck"]["items"][0].update(score=9),
     "selfcheck items #1 score is not a score from 1 to 5"),
    (lambda s: s.update(periods={}), "periods is not a list"),
    (lambda s: s["periods"].__setitem__(0, None),
     "periods #1 is not in the form a summary gives it"),
])
def test_an_edited_summary_is_refused_with_the_remedy(
    cli: CLI, tmp_path: Path, edit: Callable[[dict[str, Any]], Any], said: str
) -> None:
    """Was: "totals.identity has the wrong type or value", "generated_at is missing"."""
    summary = copy.deepcopy(turning_summary())
    summary["selfcheck"] = {"date": "2026-11-20", "items": [
        {"id": "a", "section": "", "text": "", "score": 3, "note": ""}]}
    edit(summary)
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(summary), encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (f"peerjournal: {path}: the file was changed after it was exported "
                             f"({said}){REMEDY}")


@pytest.mark.parametrize(("content", "kind"), [
    ("null", "null"), ("3", "a number"), ('"x"', "text"), ("true", "true or false")])
def test_a_file_of_one_value_is_not_a_summary(
    cli: CLI, tmp_path: Path, content: str, kind: str
) -> None:
    """Was: "the file must be an object"."""
    path = tmp_path / "one.json"
    path.write_text(content, encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path}: not a summary (the file holds only {kind}); `peerjournal review` "
        "reads the file made by `peerjournal export --format json`.\n")


# -- #14 the PDF's dimensions in one order ------------------------------------------------------


def test_the_pdf_dimensions_are_headed_in_the_order_they_are_drawn() -> None:
    """Was: "Dimensions (drift ◀ | ▶ identity)" over numbers "identity | drift"."""
    data = get_format("pdf").write(turning_summary())
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
    assert "drift ◀ | ▶ identity" not in text and "identity | drift" not in text
    words = _pdf_words(data)
    x = {text: left for text, left in words}
    assert x["Identity"] < x["Drift"] < x["◀ drift"] < x["identity ▶"]
    row = [text for text, _ in words]
    start = row.index("Recovery story")
    assert row[start:start + 3] == ["Recovery story", "2.1 ↑", "0.0"]  # identity, then drift
    identity, drift = (left for _, left in words[start + 1:start + 3])
    assert abs(identity - x["Identity"]) < 20 and abs(drift - x["Drift"]) < 20
