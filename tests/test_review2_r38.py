"""Round 38 (review2): `review` of a genuine summary with more than 50 shared entries and no
people listed crashed (KeyError 'setting', exit 70); `supervision prep` called drift that is
self-doubt alone "leans clinical" where `list`, `show` and `drift ID` say "self-doubt"; and
`review` of a summary from before round 38 said "too few entries per week to show a trend"
above a Dimensions table of "↑ rising" and "↓ falling"."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from conftest import CLI
from peerjournal.reviewing import directions_as_read_now, sanitised_to_show
from test_review_large_r29 import many
from test_trends_r38 import SEESAW, SINGLE, _as_before_round_38, _export

PLACEHOLDER_NOTE = "a [person] in it was written so in the journal, not put there by redaction"
ARROWS = ("↑", "↓", "→", "rising", "falling", "steady")


def _flat(text: str) -> str:
    return " ".join(text.split())


# -- 4. more than 50 shared entries, no people listed ------------------------------------------


def _shared_journal(cli: CLI, n: int = 60, placeholder_in_first: bool = False) -> None:
    """`n` shared entries, one a day up to the tests' today (20 Nov 2026); the oldest (never
    shown without --all) holds a "[person]" typed by the writer, if asked."""
    today = date(2026, 11, 20)
    records = [
        {"date": (today - timedelta(days=n - 1 - k)).isoformat(), "setting": "community",
         "experience": f"Shared day {k}. I listened and shared my own story with her.",
         "shared": True}
        for k in range(n)
    ]
    if placeholder_in_first:
        records[0]["experience"] = "I sat with [person] and we talked. I shared my story."
    result = cli("import", "-", input=json.dumps(records))
    assert result.exit_code == 0, result.stderr


def _exported(cli: CLI, tmp_path: Path) -> Path:
    path = tmp_path / "s.json"
    result = cli("export", "--yes", "-f", "json", "--since", "2026-09-01", "-o", str(path))
    assert result.exit_code == 0, result.stderr
    summary = json.loads(path.read_text(encoding="utf-8"))
    assert summary["people_listed"] is False and summary["entries"]["shared"] == 60
    return path


def test_a_real_export_of_60_shared_entries_with_no_people_listed_is_reviewed(
    cli: CLI, tmp_path: Path
) -> None:
    _shared_journal(cli)
    result = cli("review", str(_exported(cli, tmp_path)))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    out = _flat(result.stdout)
    assert "The latest 50 of 60 shared entries are shown; the 10 earlier ones" in out
    assert "Shared day 59." in out and "Shared day 9." not in out
    assert "no people were listed" in out and PLACEHOLDER_NOTE not in out


def test_a_typed_placeholder_in_an_unshown_entry_is_said_as_with_all(
    cli: CLI, tmp_path: Path
) -> None:
    """The Redaction line is the summary's, whichever of its entries are shown."""
    _shared_journal(cli, placeholder_in_first=True)
    path = _exported(cli, tmp_path)
    for options in ((), ("--all",)):
        result = cli("review", *options, str(path))
        assert result.exit_code == 0, result.stderr
        assert PLACEHOLDER_NOTE in _flat(result.stdout), options
    shown = _flat(cli("review", str(path)).stdout)
    assert "I sat with [person]" not in shown  # (the entry itself is still not shown)


def test_many_intentions_with_no_people_listed_are_reviewed(cli: CLI, tmp_path: Path) -> None:
    summary = many(shared=60, intentions=60)
    summary["people_listed"] = False
    path = tmp_path / "many.json"
    path.write_text(json.dumps(summary), encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code == 0, result.stderr
    assert "The latest 50 of 60 are shown" in _flat(result.stdout)


def test_unshown_items_keep_their_dates_and_only_placeholder_texts_cleaned() -> None:
    summary = many(shared=3)
    summary["shared_entries"][0]["experience"] = "Met [person] \x1b[31mtoday."
    summary["shared_entries"][0]["tags"] = ["[person]", "\x1b[2Jhome"]
    stub = sanitised_to_show(summary, 1)["shared_entries"][0]
    assert stub["date"] == summary["shared_entries"][0]["date"]
    assert stub["experience"] == "Met [person] \\x1b[31mtoday."
    assert stub["tags"] == ["[person]"] and stub["feelings"] == ""
    assert sanitised_to_show(summary, 1)["shared_entries"][1]["feelings"] == ""


# -- 8. self-doubt in prep --------------------------------------------------------------------

FRAUD = ("I felt like a fraud all shift. I'm not good enough for this job and I felt useless "
         "when she cried. Maybe I am not cut out for it.")
ADVICE = "I told him he should take his meds and stick to the care plan. He was non-compliant."


def test_prep_names_self_doubt_as_list_and_drift_do(cli: CLI, add: Any) -> None:
    doubt = add(FRAUD, "-s", "community")
    add(ADVICE, "-s", "community")
    assert "self-doubt" in cli("list").stdout
    assert "not a clinical role" in cli("drift", str(doubt)).stdout
    prep = cli("supervision", "prep")
    assert prep.exit_code == 0, prep.stderr
    assert "Entries: 1 leans clinical, 1 self-doubt" in prep.stdout


def test_prep_counts_self_doubt_alone(cli: CLI, add: Any) -> None:
    add(FRAUD, "-s", "community")
    out = cli("supervision", "prep").stdout
    assert "Entries: 1 self-doubt\n" in out and "leans clinical" not in out


def test_prep_json_keeps_the_verdict_ids_and_counts_self_doubt(cli: CLI, add: Any) -> None:
    add(FRAUD, "-s", "community")
    add(ADVICE, "-s", "community")
    trend = json.loads(cli("supervision", "prep", "--json").stdout)["trend"]
    assert trend["verdicts"] == {"drift": 2}
    assert trend["drift_self_doubt"] == 1


# -- 9. an old summary's directions over one-entry weeks --------------------------------------


def _dimensions(out: str) -> str:
    return out.split("\nDimensions", 1)[1].split("What the dimensions look for", 1)[0]


def test_an_old_summary_of_one_entry_weeks_shows_no_arrows(cli: CLI, add: Any, tmp_path) -> None:
    for day, text in SEESAW:
        add(text, "--date", day)
    new = json.loads(_export(cli, tmp_path).read_text(encoding="utf-8"))
    old = _as_before_round_38(new)
    assert any(row["drift_direction"] in ("up", "down") for row in old["dimensions"])
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    result = cli("review", str(path))
    assert result.exit_code == 0, result.stderr
    assert SINGLE in _flat(result.stdout)
    dims = _dimensions(result.stdout)
    assert not any(word in dims for word in ARROWS), dims
    # the same as the new export of the same entries reads
    again = cli("review", str(tmp_path / "s.json")).stdout
    assert result.stdout.replace("old.json", "s.json") == again
    # `--json` gives the file as it is
    merged = json.loads(cli("review", "--json", str(path)).stdout)
    assert merged["summaries"][0]["summary"]["dimensions"] == old["dimensions"]


def test_directions_are_kept_where_periods_hold_more_than_one_entry() -> None:
    summary = many(shared=3)
    assert not all(p["entries"] in (0, 1) for p in summary["periods"])
    assert directions_as_read_now(summary) is summary
