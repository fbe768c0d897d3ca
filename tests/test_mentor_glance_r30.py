"""QA round 30: a summary's "At a glance" compares its halves pooled over their words, so each
half's number is the one an export of that half alone gives (it was the mean of its weeks'
rates, weighted by their entries: "Peer drift fell from 2.3 to 1.9" where the halves exported
alone said 1.9 and 2.0)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from test_mentor_r29 import DRIFT, PEER, _write
from test_mentor_r30 import _few_long_and_many_short

CLI = Callable[..., Any]
Add = Callable[..., int]


def _export(cli: CLI, path: Path, *window: str) -> str:
    result = cli("export", "--yes", *window, "-o", str(path))
    assert result.exit_code == 0, result.stderr
    return " ".join(path.read_text(encoding="utf-8").replace("**", "").split())


def test_the_glance_s_halves_are_the_numbers_of_an_export_of_each_half(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    _few_long_and_many_short(add)
    text = _export(cli, tmp_path / "all.md", "--since", "2026-10-26")
    first = _export(cli, tmp_path / "first.md", "--since", "2026-10-26", "--until", "2026-11-08")
    last = _export(cli, tmp_path / "last.md", "--since", "2026-11-09")
    # (3.6 to 7.7 until round 48, when the padding's "corner", a word of where, was no longer
    # learned as Recovery story identity that cancelled the advice's learned drift)
    assert ("Peer drift rose from 3.9 to 8.7 per 100 words: the first 2 weeks with entries "
            "(26 Oct – 8 Nov 2026) against the last 2 weeks (9 Nov – 20 Nov 2026).") in text
    assert ("Moved most: Advice (drift markers) rose from 1.5 in the first 2 weeks with "
            "entries to 3.3 in the last 2 weeks") in text
    assert "peer drift 3.9 markers per 100 words" in first and "| Advice | 0.0 | 1.5 |" in first
    assert "peer drift 8.7 markers per 100 words" in last and "| Advice | 0.0 | 3.3 |" in last
    _export(cli, tmp_path / "all.json", "--since", "2026-10-26")
    review = " ".join(cli("review", str(tmp_path / "all.json")).stdout.split())
    assert "Peer drift rose from 3.9 to 8.7 per 100 words" in review


def test_the_slide_s_first_half_is_the_identity_of_its_own_export(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """The round-29 slide: its first half (2 Nov - 15 Nov) exported alone says identity 59.4,
    which the glance now gives (59.3 was its weeks' mean weighted by entries)."""
    # (5 times over: each half holds the 300 scored words a trend needs, round 43)
    _write(add, " ".join([PEER] * 5), "2026-11-08", *(f"2026-11-{d}" for d in range(9, 14)))
    _write(add, " ".join([DRIFT] * 5), "2026-11-15", *(f"2026-11-{d}" for d in range(16, 21)))
    half = _export(cli, tmp_path / "half.md", "--since", "2026-11-02", "--until", "2026-11-15")
    assert "peer identity 59.4 and peer drift 5.7 markers per 100 words" in half
    # (with what it rests on, as "Moved most" says it: round 43)
    assert ("Peer identity fell from 59.4 to 0.0 per 100 words; most of what counts for it is "
            "words learned from example entries") in _export(cli, tmp_path / "s.md")
