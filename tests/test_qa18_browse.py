"""QA of finding entries again (round 18): `show` of a part holding only answers, settings
that differ only in the case of a non-ASCII letter, the setting key shared by the store and
the report."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from conftest import CLI

Add = Callable[..., int]
DO_DIFFERENTLY = "Appropriation: what do you now own; what will you do differently?"


def add_drafts(*drafts: Any) -> list[int]:
    """Entries straight into the journal (answers, settings exactly as given)."""
    from peerjournal.db.store import Store
    from peerjournal.paths import db_path

    store = Store(db_path())
    try:
        return store.add_entries(
            list(drafts), datetime(2026, 11, 20, tzinfo=UTC), [None] * len(drafts)
        )
    finally:
        store.close()


def draft(experience: str, **fields: Any) -> Any:
    from peerjournal.entry import EntryDraft

    return EntryDraft(date=date(2026, 11, 18), experience=experience, **fields)


def panel(stdout: str, title: str) -> list[str]:
    """The section headed `title` (piped: a heading, no panel): its lines up to the blank
    line that ends it. Blank lines inside a part are kept, as one blank line."""
    lines = stdout.splitlines()
    start = lines.index(title) + 1
    end = next(n for n in range(start, len(lines)) if lines[n].startswith(SECTION_ENDS))
    return [line.strip() for line in lines[start : end - 1]]


SECTION_ENDS = ("Feelings", "Evaluation", "Self-care", "Drift: ")  # the next heading


# -- show: a part with only an answer in it ---------------------------------------------------


def test_a_part_holding_only_an_answer_opens_with_its_question(cli: CLI) -> None:
    (entry_id,) = add_drafts(draft("A call about housing.", prompt_set="boud",
                                   answers={"do_differently": "Ask Sam first."}))
    result = cli("show", str(entry_id))
    assert result.exit_code == 0, result.stderr
    assert panel(result.stdout, "Evaluation") == [DO_DIFFERENTLY, "Ask Sam first."]


def test_text_and_answers_keep_one_blank_line_between_them(cli: CLI) -> None:
    (entry_id,) = add_drafts(draft(
        "A call.", prompt_set="boud", feelings="Tense.", evaluation="It went fine.",
        answers={"obstructing_feeling": "Worry about Sam.", "do_differently": "Ask first.",
                 "own_note": "Write sooner."},
    ))
    out = cli("show", str(entry_id)).stdout
    evaluation = panel(out, "Evaluation")
    assert evaluation == ["It went fine.", "", DO_DIFFERENTLY, "Ask first.", "",
                          "Own note (not in the entry's prompt set)", "Write sooner."]
    feelings = panel(out, "Feelings")
    assert feelings[:2] == ["Tense.", ""] and feelings[-1] == "Worry about Sam."
    assert "" not in feelings[2:]


def test_an_answer_alone_under_feelings_has_no_blank_lines_above_it(cli: CLI) -> None:
    (entry_id,) = add_drafts(draft("A call.", prompt_set="boud",
                                   answers={"obstructing_feeling": "Worry about Sam."}))
    feelings = panel(cli("show", str(entry_id)).stdout, "Feelings")
    assert feelings[0] != "" and feelings[-1] == "Worry about Sam." and "" not in feelings
    assert "Evaluation" not in cli("show", str(entry_id)).stdout  # nothing there: no panel


# -- settings: one setting whatever the case of its letters -----------------------------------

NFD_CAFE = "Cafe\u0301"  # "Café" typed as e and a combining accent


@pytest.fixture
def settings_journal() -> dict[str, list[int]]:
    ids = add_drafts(
        draft("Housing call at the practice.", setting="Ärztehaus"),
        draft("Housing form at the practice.", setting="ärztehaus"),
        draft("Housing chat over coffee.", setting="CAFÉ"),
        draft("Housing plans over coffee.", setting="café"),
        draft("Housing worries over coffee.", setting=NFD_CAFE),
        draft("Housing meeting on the ward.", setting="inpatient"),
    )
    return {"ärztehaus": ids[:2], "café": ids[2:5], "inpatient": ids[5:]}


@pytest.mark.parametrize("typed", ["ÄRZTEHAUS", "ärztehaus", "Ärztehaus", "café", "CAFÉ",
                                   NFD_CAFE, "  Café ", "INPATIENT"])
def test_a_setting_selects_every_spelling_the_report_groups_with_it(
    cli: CLI, settings_journal: dict[str, list[int]], typed: str
) -> None:
    from peerjournal.setting_groups import setting_key

    group = settings_journal[setting_key(typed)]
    report = json.loads(cli("report", "--json").stdout)
    assert report["settings"][setting_key(typed)]["entries"] == len(group)
    for command in (["list"], ["search", "housing"]):
        result = cli(*command, "--setting", typed, "--json")
        assert result.exit_code == 0, result.stderr
        assert sorted(e["id"] for e in json.loads(result.stdout)) == group
    only = json.loads(cli("report", "--setting", typed, "--json").stdout)
    assert only["totals"]["entries"] == len(group)
    shown = cli("list", "--setting", typed)
    assert shown.exit_code == 0 and shown.stdout.count("2026-11-18") == len(group)


def test_the_report_groups_and_filters_every_setting_the_same(
    cli: CLI, settings_journal: dict[str, list[int]]
) -> None:
    report = json.loads(cli("report", "--json").stdout)
    assert sorted(report["settings"]) == ["café", "inpatient", "ärztehaus"]
    for name, summary in report["settings"].items():
        listed = json.loads(cli("list", "--setting", name, "--json").stdout)
        assert len(listed) == summary["entries"]


def test_filtering_leaves_the_settings_as_they_were_typed(
    cli: CLI, settings_journal: dict[str, list[int]]
) -> None:
    listed = json.loads(cli("list", "--setting", "café", "--json").stdout)
    assert sorted(e["setting"] for e in listed) == sorted(["CAFÉ", "café", NFD_CAFE])


def test_a_setting_that_only_looks_alike_is_not_the_same(
    cli: CLI, settings_journal: dict[str, list[int]]
) -> None:
    result = cli("list", "--setting", "arztehaus", "--json")  # no umlaut: another word
    assert result.exit_code == 0 and json.loads(result.stdout) == []


# -- the setting key lives apart from the report --------------------------------------------


def test_the_store_filters_settings_without_loading_the_report_code() -> None:
    code = (
        "import sys\n"
        "from peerjournal.db.store import Filters\n"
        "where, params = Filters(setting='ÄRZTEHAUS').where()\n"
        "assert params == ['ärztehaus'], params\n"
        "assert 'peerjournal.trends' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_report_and_the_store_share_one_setting_key() -> None:
    from peerjournal import setting_groups, trends

    assert trends.setting_key is setting_groups.setting_key
    assert trends.UNSPECIFIED_SETTING == setting_groups.UNSPECIFIED_SETTING == "unspecified"
    assert setting_groups.setting_key("  Crisis \t Team ") == "crisis team"
    assert setting_groups.setting_key(" ") == "unspecified"


# -- tags: the counts line up whatever the letters -------------------------------------------


def test_tag_counts_line_up_with_wide_letters(cli: CLI, add: Add) -> None:
    add("A call.", "--tag", "日本語", "--tag", "ab")
    add("A visit.", "--tag", "ab", "--tag", "café")
    result = cli("tags")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["ab      2", "café    1", "日本語  1"]  # 6 cells wide


def test_tag_lines_count_cells_not_characters() -> None:
    from peerjournal.render.entries import tag_lines

    # an é typed as e and a combining accent takes one cell, 日 takes two
    assert tag_lines([("cafe\u0301", 3), ("日本", 1), ("abcd", 12)]) == [
        "cafe\u0301  3", "日本  1", "abcd  12"]


# -- trash --empty --json says what it did -----------------------------------------------------


def test_empty_trash_json_says_how_many_were_destroyed(cli: CLI, add: Add, store: Any) -> None:
    gone = [add("Trash me."), add("Me too.")]
    kept = add("Keep me.")
    for entry_id in gone:
        cli("delete", str(entry_id))
    result = cli("trash", "--empty", "--yes", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"destroyed": 2}
    assert result.stderr == "Destroyed 2 entries.\n"
    assert [row[0] for row in store.conn.execute("SELECT id FROM entry")] == [kept]
    again = cli("trash", "--empty", "--yes", "--json")
    assert again.exit_code == 0 and json.loads(again.stdout) == {"destroyed": 0}


def test_declining_to_empty_the_trash_prints_no_json(cli: CLI, add: Add) -> None:
    entry_id = add("Trash me.")
    cli("delete", str(entry_id))
    result = cli("trash", "--empty", "--json", input="n\n")
    assert result.exit_code == 1 and result.stdout == ""
    assert [e["id"] for e in json.loads(cli("trash", "--json").stdout)] == [entry_id]


# -- search: a filter that hides every match says so ----------------------------------------


def test_a_search_narrowed_to_nothing_says_the_filters_did_it(cli: CLI, add: Add) -> None:
    add("We walked to the housing office.", "--setting", "community")
    result = cli("search", "housing", "--setting", "comunity")  # a typo
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == (  # (a setting no entry has: the near one, since round 25)
        "Nothing found for 'housing': no entry has the setting 'comunity'; did you mean "
        "'community' (`--setting community`)?\n"
    )
    plain = cli("search", "zebra")
    assert plain.stderr == "Nothing found for 'zebra'.\n"
    listed = cli("list", "--setting", "comunity")
    assert listed.stderr == (
        "No entries match: no entry has the setting 'comunity'; did you mean 'community' "
        "(`--setting community`)?\n"
    )
    narrowed = cli("search", "housing", "--setting", "community", "--until", "2026-01-01")
    assert narrowed.stderr == (
        "Nothing found for 'housing': try fewer of --until and --setting.\n"
    )


# -- search: control characters in an entry are text, not highlights -------------------------


def test_control_characters_in_an_entry_are_not_read_as_highlights(cli: CLI) -> None:
    (entry_id,) = add_drafts(draft("Pasted \x02weird\x03 bytes, then the zebra crossing."))
    (hit,) = json.loads(cli("search", "zebra", "--json").stdout)
    assert hit["id"] == entry_id and hit["matches"] == ["zebra"]
    assert hit["snippet"] == "Pasted \x02weird\x03 bytes, then the zebra crossing."
    shown = cli("search", "zebra")
    assert shown.exit_code == 0
    assert "Pasted \\x02weird\\x03 bytes, then the zebra crossing." in shown.stdout


def test_the_highlight_is_on_the_match_alone() -> None:
    from peerjournal.db.store import SearchHit
    from peerjournal.render.entries import highlighted_snippet

    marks = (SearchHit.START, SearchHit.END)
    text = highlighted_snippet(f"a \x02b\x03 {SearchHit.START}zebra{SearchHit.END} c", marks)
    assert text.plain == "a \\x02b\\x03 zebra c"
    assert [text.plain[s.start : s.end] for s in text.spans if "reverse" in str(s.style)] == [
        "zebra"]
