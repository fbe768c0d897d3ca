"""Round 26 (QA3, a first-month peer supporter reading the README): a one-day date option's
help offers no period, and a period typed there (2025-11 too) is refused with its first day as
an example; `supervision prep --since` takes a period; prep and export mean the same "last 4
weeks"; `search handover -medication` names the word as typed and the command that searches
for it; a list that matches nothing names only the filters given; a tag wrapped in a `show`
or `search` header stays indented under it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, without_kept_draft

Add = Callable[..., int]


def flat(text: str) -> str:
    """Help text with its wrapping undone."""
    return " ".join(text.split())


# -- 1. one day, or a period -----------------------------------------------------------------


@pytest.mark.parametrize(
    "command", [("write",), ("edit",), ("supervision", "done")], ids=" ".join
)
def test_a_one_day_date_option_offers_no_period(cli: CLI, command: tuple[str, ...]) -> None:
    """Was: "'last month' (its first day; with --until its last)", which -d refuses."""
    shown = flat(cli(*command, "--help").stdout)
    assert "-d, --date DATE" in shown and "'last friday', 2026-11-20" in shown
    assert "last month" not in shown and "--until" not in shown


@pytest.mark.parametrize("command", [("list",), ("search",), ("supervision", "prep")], ids=" ".join)
def test_since_still_offers_a_period(cli: CLI, command: tuple[str, ...]) -> None:
    shown = flat(cli(*command, "--help").stdout)
    assert "--since DATE From this date" in shown and "'last month' (its first day)" in shown


@pytest.mark.parametrize(
    ("typed", "first"),
    [("last month", "2026-10-01"), ("this week", "2026-11-16"), ("2026-09", "2026-09-01"),
     ("2026", "2026-01-01"), ("1 Nov 2026", "2026-11-01")],
)
def test_prep_since_a_period_starts_on_its_first_day(cli: CLI, typed: str, first: str) -> None:
    """Was: "Could not read the date 'last month': it is a period, not one day"."""
    result = cli("supervision", "prep", "--since", typed, "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["since"], data["basis"]) == (first, "since")


def test_prep_since_a_later_period_or_an_unreadable_one_is_refused(cli: CLI) -> None:
    later = cli("supervision", "prep", "--since", "2027")
    assert later.exit_code == 1
    assert later.stderr == "peerjournal: --since 2027-01-01 is in the future.\n"
    unread = cli("supervision", "prep", "--since", "whenever")
    assert unread.exit_code == 1 and "a period ('last month'" in unread.stderr


@pytest.mark.parametrize(
    ("typed", "example"),
    [("2025-11", "'1 Nov 2025' or 2025-11-01"), ("2025", "'1 Jan 2025' or 2025-01-01"),
     ("last month", "'1 Oct 2026' or 2026-10-01")],
)
def test_a_numeric_period_as_one_day_is_refused_as_a_period(
    cli: CLI, add: Add, typed: str, example: str
) -> None:
    """Was: `write -d 2025-11` "Could not read the date '2025-11'. Use today, …"."""
    message = (f"peerjournal: {typed!r} is a period, not one day. "
               f"Give one day, such as {example}.\n")
    written = cli("write", "-x", "A note.", "-d", typed)
    assert (written.exit_code, without_kept_draft(written.stderr)) == (1, message)
    entry = add()
    edited = cli("edit", str(entry), "-d", typed)
    assert (edited.exit_code, edited.stderr) == (1, message)
    done = cli("supervision", "done", "-d", typed)
    assert (done.exit_code, done.stderr) == (1, message)
    listed = json.loads(cli("list", "--json").stdout)
    assert [(e["id"], e["date"]) for e in listed] == [(entry, "2026-11-20")]
    assert json.loads(cli("supervision", "history", "--json").stdout)["supervisions"] == []


def test_a_month_that_does_not_exist_says_so(cli: CLI) -> None:
    result = cli("write", "-x", "A note.", "-d", "2025-13")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "peerjournal: Could not read the date '2025-13': there is no month 13. Use today"
    )


# -- 2. "the last 4 weeks": the same days in prep and export ----------------------------------


@pytest.mark.parametrize(
    ("now", "since"),
    [("2026-11-20T18:30:00+00:00", "2026-10-26"),  # a Friday
     ("2026-11-16T09:00:00+00:00", "2026-10-26"),  # a Monday: its week and the 3 before it
     ("2026-11-22T21:00:00+00:00", "2026-10-26"),  # a Sunday
     ("2026-12-05T12:00:00+00:00", "2026-11-09")],  # QA's day: not 7 Nov
)
def test_prep_without_a_supervision_covers_what_export_covers(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch, now: str, since: str
) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", now)
    add("I sat with Sam.", "-d", "2026-11-10")
    prep = json.loads(cli("supervision", "prep", "--json").stdout)
    exported = json.loads(cli("export", "--format", "json", "--yes").stdout)
    assert (prep["since"], prep["until"], prep["basis"]) == (since, now[:10], "default")
    assert (exported["period"]["since"], exported["period"]["until"]) == (since, now[:10])
    shown = cli("supervision", "prep").stdout
    assert shown.startswith("Before supervision: the last 4 weeks (no supervision recorded yet)")


# -- 3. search handover -medication ------------------------------------------------------------


SEE = " See 'peerjournal search --help'.\n"


@pytest.mark.parametrize(
    "typed",
    [
        ["handover", "-medication"],
        ["handover", "-medication", "--since", "last month", "-n", "5"],
        ["-medication", "handover"],
        ["handover", "-medication", "--json"],
    ],
)
def test_a_word_left_out_without_quotes_is_left_out(
    cli: CLI, add: Add, typed: list[str]
) -> None:
    """Was: "No such option: -m. Words to search for that start with '-' go after --, as in
    'peerjournal search -- -handover'"; then (round 26 to 34) the quoted command to type.
    Since round 35 it searches as that command does."""
    wanted = add("Handover went well.")
    add("Handover about medication.")
    result = cli("search", *typed, *([] if "--json" in typed else ["--json"]))
    assert result.exit_code == 0, result.stderr
    assert [hit["id"] for hit in json.loads(result.stdout)] == [wanted]


def test_the_quoted_search_runs(cli: CLI, add: Add, tmp_path: Path) -> None:
    wanted = add("Handover went well.")
    add("Handover about medication.")
    [hit] = json.loads(cli("search", "handover -medication", "--json").stdout)
    assert hit["id"] == wanted
    db = tmp_path / "j.db"
    cli("--db", str(db), "write", "-x", "A handover note.")
    other = cli("--db", str(db), "search", "handover", "-medication", "--json")
    assert other.exit_code == 0 and len(json.loads(other.stdout)) == 1


def test_a_mistyped_option_is_still_one(cli: CLI) -> None:
    result = cli("search", "handover", "--medication")
    assert result.stderr == f"peerjournal: No such option: --medication.{SEE}"


# -- 4. a list that matches nothing names the filters given -----------------------------------


def test_no_match_names_only_the_filters_given(cli: CLI, add: Add) -> None:
    """Was: "try fewer of --since, --until, --tag and --setting" for `list --tag a,b` alone."""
    add("On the ward.", "-t", "ward", "-s", "inpatient")
    add("One to one.", "-t", "1to1", "-s", "inpatient")

    def said(*args: str) -> str:
        result = cli(*args)
        assert result.exit_code == 0 and result.stdout == ""
        return result.stderr

    assert said("list", "--tag", "Ward,1TO1", "-n", "0") == (
        "No entries match: no entry is tagged both 1to1 and ward.\n"
    )
    assert said("list", "-t", "ward", "-t", "nosuch") == (
        "No entries match: no entry is tagged nosuch (`peerjournal tags` lists the tags).\n"
    )
    assert said("list", "--until", "2026-01-01") == (  # dates alone: when the entries are
        "No entries match: none up to 1 Jan 2026; yours are all dated 20 Nov 2026.\n"
    )
    assert said("list", "--since", "1 Nov", "--until", "2026-11-19", "-t", "ward") == (
        "No entries match: try fewer of --since, --until and --tag.\n"
    )
    assert said("search", "ward", "--tag", "1to1") == (
        "Nothing found for 'ward': try without --tag.\n"
    )
    assert said("list", "-s", "inpatinet") == (  # the setting's own message, as before
        "No entries match: no entry has the setting 'inpatinet'; did you mean 'inpatient' "
        "(`--setting inpatient`)?\n"
    )


# -- 5. a wrapped tag stays under its header --------------------------------------------------


@pytest.mark.parametrize("command", ["show", "search"])
def test_a_wrapped_tag_is_indented_under_the_header(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """Was, at 80 columns: "#ward-round" alone at the start of a line, read as a heading."""
    entry = add("Ward round at ten.", "-d", "2026-10-17", "-s", "inpatient ward",
                "--mode", "on-action", "-t", "ward", "-t", "ward-round")
    monkeypatch.setenv("COLUMNS", "80")
    out = cli(command, str(entry) if command == "show" else "round").stdout.splitlines()
    assert out[:2] == [
        f"#{entry} · Sat 17 Oct 2026 · inpatient ward · on-action · prompts: boud   #ward",
        "     #ward-round",
    ]


def test_a_header_too_long_for_one_line_keeps_every_line_under_it(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = add("Sat with Sam.", "-s", "crisis house", "--share", "-t", "advocacy",
                "-t", "benefits-letter", "-t", "night-shift")
    monkeypatch.setenv("COLUMNS", "44")
    header = cli("show", str(entry)).stdout.split("\nExperience\n")[0].splitlines()
    assert header[0] == f"#{entry} · Fri 20 Nov 2026 · crisis house"
    assert all(line.startswith("     ") and len(line) <= 44 for line in header[1:]), header
    assert " ".join(" ".join(header).split()).endswith("#night-shift shared with mentor")
