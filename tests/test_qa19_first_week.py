"""QA round 19, a new writer's first week: the screens explain themselves.

After the first entry `write` says where it is kept (and that it sends nothing) and what the drift
line means, once; `drift` says what drift is; the guided write names its prompt set in words;
and the report of a journal younger than its 12-week window counts "since you started" rather
than a rate over weeks before the journal existed ("0.3 entries a week" after 3 entries).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from conftest import CLI, Keys
from peerjournal.db.store import Filters, Store
from peerjournal.trends import build_report
from test_trends import TODAY, report, row

PEER = "We walked to the housing office together and I shared my own story."
ADVICE = "I told her she should sign whatever the council sent."


def on(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", f"{day}T19:30:00+00:00")


def rhythm_line(out: str) -> str:
    lines = out.splitlines()
    return lines[lines.index("Rhythm") + 1]


# -- write ---------------------------------------------------------------------------------


def test_the_first_entry_says_where_it_is_kept_and_what_drift_means(
    cli: CLI, store: Store
) -> None:
    result = cli("write", "-x", ADVICE)
    assert result.exit_code == 0 and result.stdout == "1\n"  # the ID alone, as ever
    err = " ".join(result.stderr.split())
    assert f"Your first entry is saved (entry 1) in {store.path}" in err
    assert "peerjournal never sends anything anywhere (a synced or shared folder is copied" in err
    assert "Drift is how far an entry's words lean from the peer role toward a clinical one" in err
    assert "something to reflect on, not a grade. `peerjournal drift 1` shows the phrases" in err
    assert len(store.list(Filters())) == 1


def test_later_entries_keep_the_one_line_summary_only(cli: CLI, add: Callable[..., int]) -> None:
    add(PEER)
    result = cli("write", "-x", ADVICE)
    assert result.exit_code == 0 and result.stdout == "2\n"
    assert "first entry" not in result.stderr and "not a grade" not in result.stderr
    assert result.stderr.startswith("Drift: ")


def test_a_first_entry_after_the_trash_was_emptied_is_explained_again(
    cli: CLI, add: Callable[..., int]
) -> None:
    add(PEER)
    assert cli("delete", "1").exit_code == 0
    result = cli("write", "-x", PEER)
    assert "Your first entry is saved" in result.stderr  # the trash is not the journal


def test_without_the_summary_line_the_first_entry_still_says_where_it_is(
    cli: CLI, isolated: object
) -> None:
    from peerjournal import paths

    paths.config_path().parent.mkdir(parents=True, exist_ok=True)
    paths.config_path().write_text("[drift]\nsummary_after_write = false\n")
    result = cli("write", "-x", PEER)
    assert result.exit_code == 0
    assert "Your first entry is saved (entry 1)" in result.stderr
    assert "Drift" not in result.stderr  # no summary line, so nothing to explain


def test_a_guided_write_names_its_prompt_set_in_words(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("community", PEER, "", "", "", "", "", "", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(
        "Writing with the 'boud' prompts: The three elements of reflection "
        "(Boud, Keogh & Walker). Draft, saved as you type: "
    )


# -- drift ---------------------------------------------------------------------------------


def test_drift_says_what_drift_is_and_that_it_is_not_a_grade(
    cli: CLI, add: Callable[..., int]
) -> None:
    add(ADVICE)
    out = " ".join(cli("drift", "1").stdout.split())
    assert "Drift is a lean from the peer role toward a clinical one" in out
    assert "these counts are for reflection, not a grade." in out


# -- report --------------------------------------------------------------------------------


def test_a_first_week_report_counts_since_the_journal_started(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three entries in week one were "0.3 entries a week" (over the 12-week window)."""
    on(monkeypatch, "2026-12-02")
    add(ADVICE)
    assert rhythm_line(cli("report").stdout).startswith("1 entry: you started today · ")
    on(monkeypatch, "2026-12-03")
    assert rhythm_line(cli("report").stdout).startswith("1 entry: you started yesterday · ")
    add(PEER)
    on(monkeypatch, "2026-12-05")
    add(PEER)
    on(monkeypatch, "2026-12-08")
    out = cli("report").stdout
    line = rhythm_line(out)
    assert line.startswith("3 entries since you started on 2 Dec 2026 · streak 1 week")
    assert "entries a week" not in out
    assert "Nothing to compare with yet: your first entry is from 2 Dec 2026." in out
    data = cli("report", "--json").stdout
    assert '"first_entry": "2026-12-02"' in data and '"per_week": 0.27' in data


def test_a_first_week_report_shows_its_weeks_from_the_first_entry_on(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A week-old journal's table and sparklines came after eleven empty weeks."""
    on(monkeypatch, "2026-12-08")
    add(PEER, "--date", "2026-12-02")
    add(ADVICE, "--date", "2026-12-08")
    out = cli("report").stdout
    table = out[out.index("By week"):out.index("Dimensions")]
    assert table.startswith("By week in 2026 ")
    rows = [line.split()[:2] for line in table.splitlines()[3:] if line.strip()]
    assert rows == [["30", "Nov"], ["7", "Dec"]]
    assert "–" not in table  # no empty weeks before the first entry
    data = cli("report", "--json").stdout
    assert data.count('"start"') > 2  # the JSON keeps every week of the window


def test_a_journal_a_month_old_gives_its_rate_since_it_started(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    on(monkeypatch, "2026-11-20")
    for day in ("2026-10-23", "2026-10-30", "2026-11-06", "2026-11-13", "2026-11-19"):
        add(PEER, "--date", day)
    # 5 entries over the 29 days from 23 Oct to 20 Nov: 1.2 a week (not 0.4 over 12 weeks)
    assert rhythm_line(cli("report").stdout).startswith(
        "5 entries since you started on 23 Oct 2026 (1.2 a week) · "
    )


def test_a_journal_older_than_the_window_keeps_its_rate(
    cli: CLI, add: Callable[..., int]
) -> None:
    add(PEER, "--date", "2026-01-05")  # long before the window
    add(PEER, "--date", "2026-11-11")
    out = cli("report").stdout
    assert rhythm_line(out).startswith("0.1 entries a week · ")
    assert "since you started" not in out
    assert "Nothing to compare with: no entries in the window before." in out


def test_a_window_chosen_with_since_keeps_its_own_rate(
    cli: CLI, add: Callable[..., int]
) -> None:
    add(PEER, "--date", "2026-11-02")
    add(PEER, "--date", "2026-11-18")
    out = cli("report", "--since", "2026-10-06").stdout
    assert rhythm_line(out).startswith("0.3 entries a week · ")
    assert '"first_entry": null' in cli("report", "--since", "2026-10-06", "--json").stdout


def test_first_entry_in_the_json_rhythm() -> None:
    young = report([row(TODAY, n=1)])["rhythm"]
    assert young["first_entry"] == TODAY.isoformat()
    old = report([row(TODAY - timedelta(weeks=20), n=1), row(TODAY, n=2)])["rhythm"]
    assert old["first_entry"] is None
    # an earlier entry in a week before the previous window: the journal is older than both
    short = report(
        [row(TODAY - timedelta(days=30), n=1), row(TODAY, n=2)],
        since=TODAY - timedelta(days=2),
    )["rhythm"]
    assert short["first_entry"] is None
    chosen = build_report(
        [row(TODAY, n=1)], since=TODAY - timedelta(weeks=4), until=TODAY, by="week",
        today=TODAY, since_given=True,
    )["rhythm"]
    assert chosen["first_entry"] is None and chosen["entries"] == 1


def test_the_review_panel_says_what_the_mode_means() -> None:
    """"Mode  on-action" meant nothing to a new writer."""
    from datetime import date

    from rich.console import Console

    from peerjournal.entry import EntryDraft
    from peerjournal.render.writing import Review

    console = Console(width=80, record=True, color_system=None)
    for mode, meaning in (("on-action", "after the fact"),
                          ("in-action", "what you noticed and adjusted in the moment")):
        draft = EntryDraft(date=date(2026, 12, 2), experience="We walked.", mode=mode)
        console.print(Review(draft))
        assert f"Mode       {mode} ({meaning})" in console.export_text()


def test_bare_peerjournal_points_a_newcomer_to_demo_and_write(cli: CLI) -> None:
    result = cli()
    assert result.exit_code == 2  # a group called bare: its help, as click does
    said = " ".join((result.stdout + result.stderr).split())
    assert "New here? `peerjournal demo` shows a journal of example weeks; `peerjournal " \
        "write` starts your first entry." in said


def test_a_written_summary_says_nothing_was_sent_and_a_backup_does_not_mention_a_mentor(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    add("We walked to the housing office together.")
    summary = cli("export", "-y", "-o", str(tmp_path / "summary.md"))
    assert summary.exit_code == 0, summary.stderr
    assert summary.stderr.splitlines()[-1].endswith(
        "bytes). peerjournal sends nothing: give it to your mentor as you usually share files.")
    backup = cli("export", "--full", "-o", str(tmp_path / "backup.json"))
    assert backup.exit_code == 0, backup.stderr
    assert "mentor" not in backup.stderr.splitlines()[-1]
