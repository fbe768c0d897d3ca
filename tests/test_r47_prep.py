"""Round 47, prep: its words say what it counts, and how an export of the same days differs.

1. An entry written on the supervision's day before it counts in the period before (the trend
   compares it there): prep said it was "left out".
2. `supervision undo` says what the next prep covers: the supervision left, the whole of a
   young journal, or the last 4 weeks with their dates (was "the last 4 weeks" for a journal
   prep then brought whole).
3. Which plans of the periods before prep quotes is one rule (`follow_intentions`): one an
   entry since came back to, or one of the supervision's day before it; not one picked up
   before, nor one never picked up.
4. prep and `export --since` give different counts when the supervision's day had entries on
   both sides of it: prep says which export has what, and the numbers it says are export's.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

CLI = Callable[..., Any]
Add = Callable[..., int]


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def flat(text: str) -> str:
    return " ".join(text.split())


def at(monkeypatch: pytest.MonkeyPatch, moment: str) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", moment)


def exported(cli: CLI, since: str) -> int:
    """How many entries `export --since` counts (its JSON's `entries.total`)."""
    data = json.loads(ok(cli("export", "--since", since, "--format", "json", "--yes")).stdout)
    return int(data["entries"]["total"])


@pytest.fixture
def split_day(cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch) -> None:
    """A supervision on 13 Nov at 15:00: one entry that morning, two that evening, three on the
    days after; prep on 20 Nov."""
    at(monkeypatch, "2026-11-13T09:00:00+00:00")
    add("Morning: I told him he should take his meds.")
    at(monkeypatch, "2026-11-13T15:00:00+00:00")
    ok(cli("supervision", "done", "--note", "with Jo"))
    at(monkeypatch, "2026-11-13T20:00:00+00:00")
    add("Evening: I sat with Sam and shared my own story.")
    add("Evening: we laughed about the bus.")
    for day in ("14", "17", "19"):
        at(monkeypatch, f"2026-11-{day}T19:00:00+00:00")
        add("I walked with Kim and listened to her hopes.")
    at(monkeypatch, "2026-11-20T18:30:00+00:00")


# -- 1 and 4: where the supervision's morning counts, and which export has prep's entries -------


@pytest.mark.usefixtures("split_day")
def test_prep_says_the_morning_counts_before_and_what_export_counts(cli: CLI) -> None:
    text = flat(ok(cli("supervision", "prep")).stdout)
    assert ("13 Nov 2026 to 20 Nov 2026 · 5 entries written after your supervision (1 written "
            "earlier that day counts in the period before; export counts whole days: `export "
            "--since 2026-11-13` has 6 entries, `export --since 2026-11-14` 3 entries)") in text
    assert "left out" not in text
    # the numbers said are export's own
    assert (exported(cli, "2026-11-13"), exported(cli, "2026-11-14")) == (6, 3)
    data = json.loads(ok(cli("supervision", "prep", "--json")).stdout)
    assert (data["entries"], data["left_out_before_supervision"],
            data["after_supervision_that_day"]) == (5, 1, 2)


def test_with_only_the_morning_prep_names_the_export_with_its_entries(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-11-13T09:00:00+00:00")
    add("Morning: I told him he should take his meds.")
    add("Morning again: you should rest, I said.")
    at(monkeypatch, "2026-11-13T15:00:00+00:00")
    ok(cli("supervision", "done"))
    for day in ("14", "17"):
        at(monkeypatch, f"2026-11-{day}T19:00:00+00:00")
        add("I walked with Kim and listened to her hopes.")
    at(monkeypatch, "2026-11-20T18:30:00+00:00")
    text = flat(ok(cli("supervision", "prep")).stdout)
    assert ("2 entries written after your supervision (2 written earlier that day count in the "
            "period before, as in `export --since 2026-11-14`)") in text
    assert exported(cli, "2026-11-14") == 2
    data = json.loads(ok(cli("supervision", "prep", "--json")).stdout)
    assert (data["entries"], data["after_supervision_that_day"]) == (2, 0)


def test_with_only_the_evening_prep_and_export_of_that_day_agree_silently(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-11-13T15:00:00+00:00")
    ok(cli("supervision", "done"))
    at(monkeypatch, "2026-11-13T20:00:00+00:00")
    add("Evening: I sat with Sam and shared my own story.")
    at(monkeypatch, "2026-11-16T19:00:00+00:00")
    add("I walked with Kim and listened to her hopes.")
    at(monkeypatch, "2026-11-20T18:30:00+00:00")
    text = flat(ok(cli("supervision", "prep")).stdout)
    assert "13 Nov 2026 to 20 Nov 2026 · 2 entries written" in text
    assert "export" not in text and "period before" not in text
    assert exported(cli, "2026-11-13") == 2


def test_a_supervision_today_names_no_export_of_tomorrow(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-11-20T09:00:00+00:00")
    add("Morning: I told him he should take his meds.")
    at(monkeypatch, "2026-11-20T15:00:00+00:00")
    ok(cli("supervision", "done"))
    at(monkeypatch, "2026-11-20T18:30:00+00:00")
    add("Evening: I sat with Sam and shared my own story.")
    text = flat(ok(cli("supervision", "prep")).stdout)
    assert ("1 entry written after your supervision (1 written earlier today counts in the "
            "period before)") in text
    assert "2026-11-21" not in text


# -- 2: undo says what the next prep covers ----------------------------------------------------


def test_undo_names_a_young_journal_whole_as_prep_then_covers_it(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-10-01T19:00:00+00:00")
    add("My first entry: I sat with Sam.")
    at(monkeypatch, "2026-11-10T12:00:00+00:00")
    ok(cli("supervision", "done"))
    at(monkeypatch, "2026-11-20T18:30:00+00:00")
    undone = ok(cli("supervision", "undo", "--yes"))
    assert ("Removed the supervision on 10 Nov 2026 (#1). `peerjournal supervision prep` now "
            "covers your whole journal, from your first entry on 1 Oct 2026.") in undone.stderr
    assert "4 weeks" not in undone.stderr
    prep = ok(cli("supervision", "prep", "--json"))
    assert json.loads(prep.stdout)["since"] == "2026-10-01"


def test_undo_gives_the_last_4_weeks_their_dates(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-06-01T19:00:00+00:00")
    add("An entry from long ago.")
    at(monkeypatch, "2026-11-10T12:00:00+00:00")
    ok(cli("supervision", "done"))
    at(monkeypatch, "2026-11-20T18:30:00+00:00")
    undone = ok(cli("supervision", "undo", "--yes"))
    assert ("`peerjournal supervision prep` now covers the last 4 weeks (no supervision recorded "
            "yet), as of today: 26 Oct 2026 to 20 Nov 2026.") in undone.stderr
    data = json.loads(ok(cli("supervision", "prep", "--json")).stdout)
    assert (data["since"], data["until"], data["basis"]) == ("2026-10-26", "2026-11-20", "default")


def test_undo_of_the_latest_goes_back_to_the_one_before(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-10-01T19:00:00+00:00")
    add("My first entry: I sat with Sam.")
    at(monkeypatch, "2026-11-20T18:30:00+00:00")
    for day in ("2026-11-02", "2026-11-16"):
        ok(cli("supervision", "done", "--date", day))
    undone = ok(cli("supervision", "undo", "--yes"))
    assert "`peerjournal supervision prep` now starts from 2 Nov 2026." in undone.stderr
    assert json.loads(ok(cli("supervision", "prep", "--json")).stdout)["since"] == "2026-11-02"


# -- 3: which plans of the periods before prep quotes -------------------------------------------


def test_prep_quotes_the_older_plans_its_rule_says(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    def write(moment: str, experience: str, plan: str = "") -> int:
        at(monkeypatch, moment)
        return add(experience, *(("--evaluation", plan) if plan else ()))

    at(monkeypatch, "2026-11-02T12:00:00+00:00")
    ok(cli("supervision", "done"))
    back = write("2026-11-05T19:00:00+00:00", "Sat with Maya on the ward.",
                 "Next time I will ask Maya about her housing appeal.")
    write("2026-11-06T19:00:00+00:00", "Quiet shift.",
          "Next time I will book the quiet room for the art group.")
    write("2026-11-08T19:00:00+00:00", "Sam missed the bus.",
          "I want to learn the bus routes to the foodbank.")
    write("2026-11-10T19:00:00+00:00", "Learned the bus routes to the foodbank with Sam.")
    morning = write("2026-11-16T09:00:00+00:00", "Talked with Lee about money.",
                    "Next time I will phone the advocacy service about benefits.")
    at(monkeypatch, "2026-11-16T15:00:00+00:00")
    ok(cli("supervision", "done"))
    later = write("2026-11-18T19:00:00+00:00",
                  "Asked Maya about her housing appeal, it is going well.")
    at(monkeypatch, "2026-11-20T18:30:00+00:00")

    data = json.loads(ok(cli("supervision", "prep", "--json")).stdout)
    quoted = {i["intention"]: i for i in data["intentions"]}
    assert set(quoted) == {
        "Next time I will ask Maya about her housing appeal.",
        "Next time I will phone the advocacy service about benefits.",
    }
    maya = quoted["Next time I will ask Maya about her housing appeal."]
    assert (maya["id"], maya["carried"], maya["came_back_in"]["id"]) == (back, True, later)
    phone = quoted["Next time I will phone the advocacy service about benefits."]
    assert (phone["id"], phone["carried"], phone["came_back_in"]) == (morning, True, None)
    text = flat(ok(cli("supervision", "prep")).stdout)
    assert "housing appeal" in text and "advocacy service" in text
    assert "quiet room" not in text and "bus routes" not in text


# -- round 47, second pass (QA of the prep change) ----------------------------------------------
# 5. A time given to `done --date` ("2026-11-20 14:00") is kept, in local time: it was dropped
#    without a word, and an entry written four hours after the supervision counted before it.
# 6. The header's commands stay whole on one line at 80 columns; "`export --since …` 0" is
#    "no entries"; a supervision recorded today is "earlier today".
# 7. `undo`: "as of today: <dates>" (was "today, <dates>", read as a date); "now" when the
#    supervision prep counts from changes on the same day; q at its question is a no.


def history_of_supervisions(cli: CLI) -> list[dict[str, Any]]:
    return list(json.loads(ok(cli("supervision", "history", "--json")).stdout)["supervisions"])


@pytest.fixture
def afternoon_supervision(cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Entries on 20 Nov at 09:00 and 18:00 (with a plan) around a supervision at 14:00 that is
    recorded at 22:00 with that time; one more entry on 24 Nov."""
    for day in ("02", "06", "10", "13", "17"):
        at(monkeypatch, f"2026-11-{day}T19:00:00+00:00")
        add(f"Nov day {day}, I listened to Sam.")
    at(monkeypatch, "2026-11-20T09:00:00+00:00")
    morning = add("Morning before supervision, I listened to Kim.")
    at(monkeypatch, "2026-11-20T18:00:00+00:00")
    evening = add("Evening after my supervision, I walked with Kim.",
                  "--evaluation", "Next time I will ask Kim what she wants.")
    at(monkeypatch, "2026-11-20T22:00:00+00:00")
    done = ok(cli("supervision", "done", "--date", "2026-11-20 14:00", "--note", "at 2pm"))
    assert "Recorded a supervision on 20 Nov 2026 at 14:00." in done.stderr
    at(monkeypatch, "2026-11-24T19:00:00+00:00")
    add("Later, sat with Sam.")
    at(monkeypatch, "2026-12-07T20:00:00+00:00")
    return {"morning": morning, "evening": evening}


def test_done_keeps_the_time_given_and_prep_counts_from_it(
    cli: CLI, afternoon_supervision: dict[str, int]
) -> None:
    [record] = history_of_supervisions(cli)
    assert (record["date"], record["created_at"]) == ("2026-11-20", "2026-11-20T14:00:00+00:00")
    text = flat(ok(cli("supervision", "prep")).stdout)
    assert ("2 entries written after your supervision (1 written earlier that day counts in the "
            "period before; export counts whole days: `export --since 2026-11-20` has 3 "
            "entries, `export --since 2026-11-21` 1 entry)") in text
    data = json.loads(ok(cli("supervision", "prep", "--json")).stdout)
    assert (data["entries"], data["left_out_before_supervision"],
            data["after_supervision_that_day"]) == (2, 1, 1)
    # the 18:00 entry's plan is this period's own, not one "from before your last supervision"
    [plan] = data["intentions"]
    assert (plan["id"], plan["carried"]) == (afternoon_supervision["evening"], False)


@pytest.mark.parametrize(
    "typed",
    ["2026-11-20T14:00", "20/11/2026 2pm", "2026-11-20T15:00:00+01:00", "yesterday 14:00",
     "last friday at 2pm", "20 Nov 2026 14:00:00"],
)
def test_done_reads_a_time_in_every_form_a_date_is_read(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    at(monkeypatch, "2026-11-21T10:00:00+00:00")
    done = ok(cli("supervision", "done", "--date", typed))
    assert "Recorded a supervision on 20 Nov 2026 at 14:00." in done.stderr
    [record] = history_of_supervisions(cli)
    assert (record["date"], record["created_at"]) == ("2026-11-20", "2026-11-20T14:00:00+00:00")


def test_done_reads_a_time_as_local_time(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch, zone: Callable[[str], None]
) -> None:
    zone("Europe/Berlin")  # UTC+1 in November
    at(monkeypatch, "2026-11-20T13:30:00+00:00")  # 14:30 in Berlin: after the supervision
    add("After supervision, I walked with Kim.")
    at(monkeypatch, "2026-11-20T21:00:00+00:00")
    ok(cli("supervision", "done", "--date", "2026-11-20 14:00"))
    [record] = history_of_supervisions(cli)
    assert record["created_at"] == "2026-11-20T14:00:00+01:00"
    assert json.loads(ok(cli("supervision", "prep", "--json")).stdout)["entries"] == 1


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("today 23:00", "peerjournal: 7 Dec 2026 at 23:00 is still to come; record a "
         "supervision once it has taken place."),
        ("14:00 yesterday", "peerjournal: Could not read the time in '14:00 yesterday'. Give "
         "it after the date as 14:00 or 2pm, such as 'yesterday 14:00'."),
        ("1 Nov 2026 at 9", "peerjournal: Could not read the time in '1 Nov 2026 at 9'. Give "
         "it after the date as 14:00 or 2pm, such as '2026-11-20 14:00' or 'yesterday 2pm'."),
        ("yesterday 25:00", "peerjournal: Could not read the time in 'yesterday 25:00': use "
         "00:00 to 23:59, or 1 to 12 with am or pm."),
        ("yesterday 13pm", "peerjournal: Could not read the time in 'yesterday 13pm': use "
         "00:00 to 23:59, or 1 to 12 with am or pm."),
    ],
)
def test_done_refuses_a_time_it_cannot_keep_and_records_nothing(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, typed: str, said: str
) -> None:
    at(monkeypatch, "2026-12-07T20:00:00+00:00")
    result = cli("supervision", "done", "--date", typed)
    assert result.exit_code != 0
    assert result.stderr.strip() == said
    assert history_of_supervisions(cli) == []


def test_the_header_keeps_each_command_on_one_line(
    cli: CLI, afternoon_supervision: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    for columns in ("80", "60", "50", "100"):
        monkeypatch.setenv("COLUMNS", columns)
        lines = ok(cli("supervision", "prep")).stdout.splitlines()
        header = [line for line in lines if "export" in line]
        assert header, columns
        assert all(line.count("`") % 2 == 0 for line in header), (columns, header)
        assert all(len(line) <= int(columns) for line in lines[:4]), (columns, lines[:4])


def test_with_every_entry_of_its_day_the_next_day_has_no_entries(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-11-20T09:00:00+00:00")
    add("Morning, I listened to Kim.")
    at(monkeypatch, "2026-11-20T14:00:00+00:00")
    ok(cli("supervision", "done"))
    at(monkeypatch, "2026-11-20T18:00:00+00:00")
    add("Evening, I walked with Kim.")
    at(monkeypatch, "2026-11-21T20:00:00+00:00")
    text = flat(ok(cli("supervision", "prep")).stdout)
    assert ("`export --since 2026-11-20` has 2 entries, `export --since 2026-11-21` no "
            "entries)") in text
    assert exported(cli, "2026-11-21") == 0


def test_a_supervision_today_is_earlier_today(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-12-07T09:00:00+00:00")
    add("Morning today, I listened to Kim.")
    at(monkeypatch, "2026-12-07T14:00:00+00:00")
    ok(cli("supervision", "done", "--date", "today"))
    at(monkeypatch, "2026-12-07T20:00:00+00:00")
    text = flat(ok(cli("supervision", "prep")).stdout)
    assert "(1 written earlier today counts in the period before)" in text
    assert "that day" not in text


def test_undo_of_the_later_of_two_on_one_day_says_prep_now_counts_from_the_other(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-11-20T09:00:00+00:00")
    add("Early, I listened to Kim.")
    at(monkeypatch, "2026-11-20T10:00:00+00:00")
    ok(cli("supervision", "done", "--note", "group"))
    at(monkeypatch, "2026-11-20T12:00:00+00:00")
    add("Between supervisions, I told Kim what to do.")
    at(monkeypatch, "2026-11-20T16:00:00+00:00")
    ok(cli("supervision", "done", "--note", "one to one"))
    at(monkeypatch, "2026-11-20T20:00:00+00:00")
    add("Evening, I walked with Jo.")
    at(monkeypatch, "2026-12-07T20:00:00+00:00")
    assert json.loads(ok(cli("supervision", "prep", "--json")).stdout)["entries"] == 1
    undone = ok(cli("supervision", "undo", "--yes"))
    assert ("Removed the supervision on 20 Nov 2026 (#2). `peerjournal supervision prep` now "
            "starts from 20 Nov 2026 at 10:00 (supervision #1).") in flat(undone.stderr)
    assert json.loads(ok(cli("supervision", "prep", "--json")).stdout)["entries"] == 2


def test_prep_starts_from_the_later_time_of_two_on_one_day(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A supervision recorded after another of its day, with an earlier time: prep counts from
    the later moment, not the later record."""
    at(monkeypatch, "2026-11-20T12:00:00+00:00")
    add("Between supervisions, I told Kim what to do.")
    at(monkeypatch, "2026-11-20T16:00:00+00:00")
    ok(cli("supervision", "done", "--note", "one to one"))
    done = ok(cli("supervision", "done", "--date", "today 10:00", "--note", "group"))
    assert "`peerjournal supervision prep` still starts from 20 Nov 2026." in done.stderr
    at(monkeypatch, "2026-12-07T20:00:00+00:00")
    data = json.loads(ok(cli("supervision", "prep", "--json")).stdout)
    assert (data["entries"], data["left_out_before_supervision"]) == (0, 1)


@pytest.mark.parametrize("typed", ["q\n", "quit\n", "Q\n"])
def test_q_at_undos_question_is_a_no(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    at(monkeypatch, "2026-11-20T16:00:00+00:00")
    ok(cli("supervision", "done"))
    result = cli("supervision", "undo", input=typed)
    assert result.exit_code == 1
    assert "Nothing removed." in result.stderr
    assert "Please answer" not in result.stderr
    assert len(history_of_supervisions(cli)) == 1
