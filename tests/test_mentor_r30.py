"""QA round 30, the mentor journey: a trend's halves are pooled over their words, as an export
of each half gives its numbers; q at "Carry on with the self-check?" stops for now; an answer
with no score says so; an unsigned summary's whole file name is in review's overview."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import Keys
from peerjournal.summary import halves, period_words
from test_review_r26 import _overview, _save, _summary
from test_supervision_qa import N, stored

CLI = Callable[..., Any]
Add = Callable[..., int]

# -- 1. a half of the weeks reads as an export of those weeks ---------------------------------

ADVICE = "I told her she should take her medication."
PAD = "The bus was late so we waited at the stop on the corner by the shops for a while."


def _few_long_and_many_short(add: Add) -> None:
    """Advice per 100 words, as exports of each half give it: 1.5 over 26 Oct - 8 Nov (three
    8-word notes full of it, then a 388-word entry with it once), 3.3 over 9 - 20 Nov (two
    184-word entries with it four times each: 300 scored words in each half, as a trend needs
    since round 43). Weighing the first two weeks by their entries made that 14.2, so the
    arrows said "falling"."""
    for day in ("2026-10-26", "2026-10-27", "2026-10-28"):
        add(ADVICE, "-d", day, "-s", "community")
    add(" ".join([ADVICE, *[PAD] * 20]), "-d", "2026-11-03", "-s", "community")
    for day in ("2026-11-10", "2026-11-17"):
        add(" ".join([ADVICE, PAD, PAD] * 4), "-d", day, "-s", "community")


def _words(text: str) -> str:
    return " ".join(text.split())


def test_the_report_s_arrows_compare_the_halves_pooled_over_their_words(
    cli: CLI, add: Add
) -> None:
    _few_long_and_many_short(add)
    result = cli("report")
    assert result.exit_code == 0, result.stderr
    assert "Advice: identity 0.00 steady, drift 2.31 rising" in _words(result.stdout)


def test_the_summary_s_arrows_agree_with_an_export_of_each_half(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    _few_long_and_many_short(add)
    for name, *window in (("all", "--since", "2026-10-26"),
                          ("first", "--since", "2026-10-26", "--until", "2026-11-08"),
                          ("last", "--since", "2026-11-09")):
        for suffix in ("md", "json"):
            result = cli("export", "--yes", *window, "-o", str(tmp_path / f"{name}.{suffix}"))
            assert result.exit_code == 0, result.stderr
    assert "| Advice | 0.0 → steady | 2.3 ↑ rising |" in (tmp_path / "all.md").read_text()
    assert "| Advice | 0.0 | 1.5 |" in (tmp_path / "first.md").read_text()
    assert "| Advice | 0.0 | 3.3 |" in (tmp_path / "last.md").read_text()
    summary = json.loads((tmp_path / "all.json").read_text())
    advice = next(d for d in summary["dimensions"] if d["id"] == "advice")
    assert advice["drift_direction"] == "up"
    periods = summary["periods"]
    assert [p["words"] for p in periods if p["entries"]] == [24, 388, 184, 184]
    split = halves(advice["drift_series"], [p["entries"] for p in periods],
                   period_words(periods))
    assert split is not None and (round(split.before, 1), round(split.after, 1)) == (1.5, 3.3)


def test_each_period_of_report_json_gives_the_words_its_rates_are_over(
    cli: CLI, add: Add
) -> None:
    _few_long_and_many_short(add)
    report = json.loads(cli("report", "--json").stdout)
    assert sum(p["words"] for p in report["periods"]) == report["totals"]["words"] == 780
    assert all(p["words"] == 0 for p in report["periods"] if not p["entries"])


def test_halves_weigh_periods_by_their_words_or_else_by_their_entries() -> None:
    series, entries = [18.75, 0.367, 3.409, 3.409], [3, 1, 1, 1]
    pooled = halves(series, entries, [24, 388, 184, 184])
    assert pooled is not None and pooled.direction == "up"
    by_entries = halves(series, entries)  # a summary from before periods had words
    assert by_entries is not None and by_entries.direction == "down"
    assert halves(series, entries, [0, 0, 46, 46]) is None  # no scored word in a half


def test_a_summary_without_period_words_is_read_and_a_wrong_count_refused(
    cli: CLI, tmp_path: Path
) -> None:
    old = _summary("Sam")
    for period in old["periods"]:
        period.pop("words", None)
    assert cli("review", _save(tmp_path / "old.json", old)).exit_code == 0
    bad = _summary("Sam")
    bad["periods"][0]["words"] = -3
    result = cli("review", _save(tmp_path / "bad.json", bad))
    assert result.exit_code == 1
    assert "(periods #1 words is not a whole number of 0 or more)" in result.stderr


# -- 2. q at "Carry on with the self-check?" stops for now -------------------------------------


@pytest.mark.parametrize("stop", ["q", "Q", "quit", "stop"])
def test_q_at_carry_on_stops_for_now_and_keeps_the_answers(
    stop: str, cli: CLI, store: Any, keys: Callable[..., Keys]
) -> None:
    """Was: "Please answer y (carry on) or n (start afresh)", though q stops at every other
    prompt and the intro says "Type q to stop for now"."""
    keys("3", "kept note", "q")
    cli("supervision", "check")
    before = stored(store)
    fake = keys(stop, "2", "")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert "Please answer" not in result.stderr and "2/" not in result.stderr
    assert len(fake.lines) == 2  # nothing more was asked
    assert result.stderr.strip().endswith(
        f"Kept 1 of {N} answers; `peerjournal supervision check` carries on from there.")
    assert stored(store) == before


def test_a_stray_answer_at_carry_on_names_q_too(
    cli: CLI, store: Any, keys: Callable[..., Keys]
) -> None:
    keys("3", "", "q")
    cli("supervision", "check")
    keys("perhaps", "q")
    result = cli("supervision", "check")
    assert "Please answer y (carry on), n (start afresh) or q (stop for now)." in result.stderr
    assert result.exit_code == 0


# -- 3. an answer with no score says so --------------------------------------------------------


@pytest.mark.parametrize(("name", "text"), [
    ("a.json", '{"story": {"note": "x"}}'),
    ("b.json", '{"story": null}'),
    ("c.json", '{"story": {"score": null, "note": "x"}}'),
    ("d.toml", '[story]\nnote = "x"\n'),
])
def test_an_answer_without_a_score_says_no_score_was_given(
    name: str, text: str, cli: CLI, store: Any, tmp_path: Path
) -> None:
    """Was: "story: nothing is not an answer on the scale"."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = cli("supervision", "check", "--answers", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path}: story: no score given; use a whole number from 1 to 5.\n")
    assert stored(store) == []


# -- 4. review shows an unsigned summary's whole file name -------------------------------------


def test_unsigned_summaries_named_alike_but_for_their_start_are_told_apart(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "…unsigned_real.json" for both: the start of the name, which differs, cut off."""
    files = [_save(tmp_path / f"2026-{month}-unsigned_real.json", _summary(None, since, until))
             for month, since, until in (("10", "2026-10-01", "2026-10-31"),
                                         ("11", "2026-11-01", "2026-11-20"))]
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("review", *files).stdout
    rows = _overview(out).splitlines()
    assert "…" not in _overview(out)
    starts = [n for n, line in enumerate(rows) if line.startswith("2026-")]
    names = ["".join(rows[n].split("  ")[0] + rows[n + 1].strip()) for n in starts]
    assert names == ["2026-10-unsigned_real.json", "2026-11-unsigned_real.json"], rows
    assert all(len(line) <= 80 for line in out.splitlines())
