"""`peerjournal supervision …` as a user meets it: output, exit codes, what is stored."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from conftest import drift_hit
from peerjournal.db.store import Drift, Store
from peerjournal.entry import EntryDraft
from peerjournal.supervision import load_items

CLI = Callable[..., Any]
ITEMS = load_items()
N = len(ITEMS)


def drift_dict(*phrases: str, dimension: str = "advice") -> dict[str, Any]:
    hits = [drift_hit(p, dimension) for p in phrases]
    return {
        "verdict": "drift",
        "balance": -1.0,
        "identity": 0.0,
        "drift": 2.0 * len(phrases),
        "words": 50,
        "dimensions": {dimension: {"identity": 0.0, "drift": 2.0 * len(phrases)}},
        "hits": hits,
        "lexicon_version": "test",
    }


def add_entry(
    store: Store, day: date, experience: str, drift: dict[str, Any] | None = None, **kw: Any
) -> int:
    stored = Drift(drift["verdict"], drift, "test", "test") if drift else None
    now = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)
    return store.add_entry(EntryDraft(date=day, experience=experience, **kw), now, stored)


def answers_file(tmp_path: Path, answers: dict[str, Any], name: str = "answers.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(answers), encoding="utf-8")
    return str(path)


def all_answers(score: int = 3) -> dict[str, int]:
    return {i.id: score for i in ITEMS}


def stored_checks(store: Store) -> list[tuple[int, dict[str, Any], int]]:
    rows = store.conn.execute("SELECT id, answers, complete FROM selfcheck ORDER BY id").fetchall()
    return [(r[0], json.loads(r[1]), r[2]) for r in rows]


# -- prep --------------------------------------------------------------------------------------


def test_prep_with_no_entries(cli: CLI) -> None:
    result = cli("supervision", "prep")
    assert result.exit_code == 0, result.stderr
    assert "the last 4 weeks (no supervision recorded yet)" in result.stdout
    assert "26 Oct 2026 to 20 Nov 2026 · 0 entries written" in result.stdout
    assert "No entries in this period" in result.stdout
    data = json.loads(cli("supervision", "prep", "--json").stdout)
    assert data["entries"] == 0 and data["basis"] == "default"
    assert data["since"] == "2026-10-26" and data["most_drift_evidence"] == []


def test_prep_without_supervision_covers_four_weeks(cli: CLI, store: Store) -> None:
    inside = add_entry(
        store,
        date(2026, 11, 18),
        "I told him you should call your mum.",
        drift_dict("you should", "if I were you"),
        setting="community",
        tags=["supervision"],
        evaluation="Next time I will ask what he wants before offering ideas.",
        self_care="Walked home the long way.",
    )
    later = add_entry(
        store,
        date(2026, 11, 19),
        "Asked what he wants from the week; he wants ideas for getting out more.",
    )
    # (r46: more than 4 weeks before the window: a journal begun 1 Oct would be brought whole)
    add_entry(store, date(2026, 9, 1), "Long before the window.", drift_dict("you must"))
    result = cli("supervision", "prep", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["entries"] == 2
    top = data["most_drift_evidence"]
    assert [e["id"] for e in top] == [inside]
    assert top[0]["setting"] == "community"
    assert [p["text"] for p in top[0]["phrases"]] == ["you should", "if I were you"]
    assert [e["id"] for e in data["brought"]] == [inside]
    intention = data["intentions"][0]
    assert intention["intention"] == "Next time I will ask what he wants before offering ideas."
    assert intention["came_back_in"]["id"] == later
    assert data["self_care"] == [
        {
            "id": inside,
            "date": "2026-11-18",
            "setting": "community",
            "note": "Walked home the long way.",
        }
    ]
    assert data["questions"], "drift evidence should suggest something to bring"

    text = cli("supervision", "prep").stdout
    assert f"#{inside}  18 Nov 2026 · community" in text
    assert "“you should”" in text
    assert f"came back to it in #{later}" in text
    assert "Questions you might bring" in text


def test_prep_with_a_supervision_today(
    cli: CLI, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_entry(store, date(2026, 11, 19), "Yesterday's shift.")
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-20T17:00:00+00:00")
    assert cli("supervision", "done", "--note", "with Jo").exit_code == 0
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-20T18:30:00+00:00")
    today = add_entry(store, date(2026, 11, 20), "After supervision I wrote this.")  # at 18:30
    data = json.loads(cli("supervision", "prep", "--json").stdout)
    assert (data["since"], data["until"], data["basis"]) == (
        "2026-11-20",
        "2026-11-20",
        "supervision",
    )
    assert data["last_supervision"]["note"] == "with Jo"
    assert data["entries"] == 1
    assert "since your last supervision on 20 Nov 2026" in cli("supervision", "prep").stdout
    # --since overrides the last supervision
    data = json.loads(cli("supervision", "prep", "--since", "yesterday", "--json").stdout)
    assert data["entries"] == 2 and data["basis"] == "since"
    assert today


def test_prep_since_in_the_future_is_refused(cli: CLI) -> None:
    result = cli("supervision", "prep", "--since", "2026-12-01")
    assert result.exit_code == 1
    assert "in the future" in result.stderr


# -- done --------------------------------------------------------------------------------------


def test_done_records_a_supervision(cli: CLI, store: Store) -> None:
    result = cli(
        "supervision", "done", "--date", "2026-11-13", "--note", "  peer mentor  ", "--json"
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["date"] == "2026-11-13"
    rows = store.conn.execute("SELECT date, note FROM supervision").fetchall()
    assert rows == [("2026-11-13", "peer mentor")]
    future = cli("supervision", "done", "--date", "2026-12-24")
    assert future.exit_code == 1 and "future" in future.stderr


# -- undo --------------------------------------------------------------------------------------


def stored_supervisions(store: Store) -> list[tuple[int, str, str]]:
    return store.conn.execute("SELECT id, date, note FROM supervision ORDER BY id").fetchall()


def journal_counts(store: Store) -> tuple[int, int]:
    entries = store.conn.execute("SELECT count(*) FROM entry").fetchone()[0]
    checks = store.conn.execute("SELECT count(*) FROM selfcheck").fetchone()[0]
    return entries, checks


def test_undo_a_mistaken_done_brings_back_the_entries_prep_hid(
    cli: CLI, store: Store, tmp_path: Path
) -> None:
    for day in (date(2026, 11, 10), date(2026, 11, 14), date(2026, 11, 18)):
        add_entry(store, day, f"Shift on {day}.")
    cli("supervision", "check", "--answers", answers_file(tmp_path, all_answers()))
    assert cli("supervision", "done", "--date", "2026-11-13", "--note", "with Jo").exit_code == 0
    assert cli("supervision", "done").exit_code == 0  # by mistake: there was none today
    hidden = json.loads(cli("supervision", "prep", "--json").stdout)
    assert (hidden["since"], hidden["entries"]) == ("2026-11-20", 0)
    before = journal_counts(store)

    result = cli("supervision", "undo", input="y\n")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "Remove the supervision on 20 Nov 2026 (#2, prep counts from 18:30)? [y/N]" in (
        result.stderr
    )
    assert (
        "Removed the supervision on 20 Nov 2026 (#2). `peerjournal supervision prep` now "
        "starts from 13 Nov 2026." in result.stderr
    )
    assert stored_supervisions(store) == [(1, "2026-11-13", "with Jo")]
    assert journal_counts(store) == before == (3, 1)  # entries and self-checks untouched
    back = json.loads(cli("supervision", "prep", "--json").stdout)
    assert (back["since"], back["basis"], back["entries"]) == ("2026-11-13", "supervision", 2)
    assert back["last_supervision"]["note"] == "with Jo"

    last = cli("supervision", "undo", "--yes")
    assert last.exit_code == 0 and "[y/N]" not in last.stderr
    assert (
        "`peerjournal supervision prep` now covers the last 4 weeks (no supervision recorded "
        "yet), as of today: 26 Oct 2026 to 20 Nov 2026." in last.stderr
    )
    assert stored_supervisions(store) == [] and journal_counts(store) == (3, 1)
    window = json.loads(cli("supervision", "prep", "--json").stdout)
    assert (window["since"], window["basis"], window["entries"]) == ("2026-10-26", "default", 3)


def test_undo_asks_first_and_no_answer_is_no(cli: CLI, store: Store) -> None:
    cli("supervision", "done", "--note", "Talked about handovers")
    for answer in (None, "", "n\n", "nope\n", "no thanks\n"):
        result = cli("supervision", "undo", input=answer)
        assert result.exit_code == 1, answer
        assert "“Talked about handovers”? [y/N]" in result.stderr
        assert result.stderr.rstrip().endswith(
            "Nothing removed. Add --yes to remove it without the question."
        )
        assert result.stdout == ""
    assert stored_supervisions(store) == [(1, "2026-11-20", "Talked about handovers")]
    declined_json = cli("supervision", "undo", "--json", input="n\n")
    assert declined_json.exit_code == 1 and declined_json.stdout == ""


def test_undo_by_id_with_json_and_the_errors(cli: CLI, store: Store) -> None:
    nothing = cli("supervision", "undo", "--yes")
    assert nothing.exit_code == 3
    assert nothing.stderr == "peerjournal: No supervision is recorded: there is nothing to undo.\n"
    for day in ("2026-11-06", "2026-11-13", "2026-11-20"):
        cli("supervision", "done", "--date", day, "--note", f"on {day}")
    result = cli("supervision", "undo", "#2", "--yes", "--json")  # as history shows it
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "id": 2,
        "date": "2026-11-13",
        "note": "on 2026-11-13",
        "created_at": "2026-11-20T18:30:00+00:00",
    }
    assert [r[0] for r in stored_supervisions(store)] == [1, 3]
    # the one removed was not the one prep starts from
    kept = cli("supervision", "undo", "1", "--yes")
    assert "`peerjournal supervision prep` still starts from 20 Nov 2026." in kept.stderr
    missing = cli("supervision", "undo", "2", "--yes")
    assert missing.exit_code == 3
    assert missing.stderr.count("\n") == 1 and "supervision history" in missing.stderr
    zero = cli("supervision", "undo", "0", "--yes")  # IDs start at 1, as entries' do
    assert zero.exit_code == 2 and "IDs start at 1" in zero.stderr
    bad = cli("supervision", "undo", "last", "--yes")
    assert bad.exit_code == 2 and "not a supervision ID" in bad.stderr
    assert [r[0] for r in stored_supervisions(store)] == [3]


def test_done_twice_says_how_to_undo_and_history_shows_ids(cli: CLI, store: Store) -> None:
    first = cli("supervision", "done")
    assert "undo" not in first.stderr
    again = cli("supervision", "done")
    assert (
        "One was already recorded that day: `peerjournal supervision undo` removes this one "
        "if it was a mistake." in again.stderr
    )
    text = cli("supervision", "history").stdout
    assert "  #1  20 Nov 2026\n" in text and "  #2  20 Nov 2026\n" in text
    undone = cli("supervision", "undo", "--yes")
    assert "(#2). `peerjournal supervision prep` still starts from 20 Nov 2026." in undone.stderr
    assert stored_supervisions(store) == [(1, "2026-11-20", "")]


def test_undo_shows_a_note_with_control_characters_harmlessly(cli: CLI, store: Store) -> None:
    # a note from an imported backup can hold anything: the question never sends it raw
    store.conn.execute(
        "INSERT INTO supervision (date, note, created_at) VALUES (?, ?, ?)",
        ("2026-11-13", "red\x1b[31m\nline", "2026-11-13T17:00:00+00:00"),
    )
    store.conn.commit()
    result = cli("supervision", "undo", input="n\n")
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr
    assert "(#1, prep counts from 17:00): “red\\x1b[31m line”? [y/N]" in result.stderr


# -- check -------------------------------------------------------------------------------------


def test_list_items_json(cli: CLI) -> None:
    result = cli("supervision", "check", "--list-items", "--json")
    assert result.exit_code == 0
    items = json.loads(result.stdout)
    assert [i["id"] for i in items] == [i.id for i in ITEMS]
    assert set(items[0]) == {"id", "section", "text", "scale"}


def test_check_from_answers_file(cli: CLI, store: Store, tmp_path: Path) -> None:
    answers = all_answers(4)
    answers["voice"] = {"score": 2, "note": "deferred to the nurse"}
    result = cli("supervision", "check", "--answers", answers_file(tmp_path, answers), "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["complete"] and data["answered"] == N
    assert "score" not in json.dumps({k: v for k, v in data.items() if k != "answers"})
    [(_, stored, complete)] = stored_checks(store)
    assert complete == 1 and stored["voice"] == {"score": 2, "note": "deferred to the nurse"}
    text = cli("supervision", "check", "--answers", answers_file(tmp_path, all_answers(4)))
    assert "Moved since your previous check-in" in text.stdout
    assert "2 to 4 (higher)" in text.stdout
    assert "total" not in text.stdout.lower() and "/ 5" not in text.stdout


@pytest.mark.parametrize("bad", [0, 6, 2.5, "four"])
def test_answers_outside_the_scale_are_refused(
    cli: CLI, store: Store, tmp_path: Path, bad: Any
) -> None:
    result = cli("supervision", "check", "--answers", answers_file(tmp_path, {"story": bad}))
    assert result.exit_code == 1
    assert "story" in result.stderr and "1 to 5" in result.stderr
    assert stored_checks(store) == []


def test_unknown_item_in_answers_file(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text("stroy = 3\n", encoding="utf-8")
    result = cli("supervision", "check", "--answers", str(path))
    assert result.exit_code == 1 and "no self-check item 'stroy'" in result.stderr


def test_no_terminal_and_no_answers_is_a_clear_error(cli: CLI) -> None:
    result = cli("supervision", "check")
    assert result.exit_code == 1
    assert "No terminal" in result.stderr and "--answers FILE" in result.stderr


def test_check_interrupted_halfway_and_resumed(cli: CLI, store: Store, terminal: None) -> None:
    # Two answers (the second with a note), then the input ends (Ctrl-D): the answers are
    # kept, and the check is not done: a stop for now, exit 0 as for q (r48: was 1).
    result = cli("supervision", "check", input="4\n\n2\nheld back today\n")
    assert result.exit_code == 0
    assert (f"Kept 2 of {N} answers; "
            "`peerjournal supervision check` carries on from there.") in result.stderr
    [(check_id, stored, complete)] = stored_checks(store)
    assert complete == 0
    assert stored == {
        ITEMS[0].id: {"score": 4, "note": ""},
        ITEMS[1].id: {"score": 2, "note": "held back today"},
    }

    # Resume: confirm, then answer only what is left (one bad answer re-asked).
    rest = "y\n" + "9\n3\n\n" + "3\n\n" * (N - 3)
    result = cli("supervision", "check", input=rest)
    assert result.exit_code == 0, result.stderr
    assert "Carry on with the self-check started 20 Nov 2026 (2 of" in result.stderr
    assert "A whole number from 1 to 5" in result.stderr
    [(same_id, stored, complete)] = stored_checks(store)
    assert same_id == check_id and complete == 1 and len(stored) == N
    assert stored[ITEMS[1].id]["note"] == "held back today"
    assert "Your answers" in result.stdout


def test_quit_keeps_answers_and_restart_sets_them_aside(
    cli: CLI, store: Store, terminal: None
) -> None:
    result = cli("supervision", "check", input="5\n\nq\n")
    assert result.exit_code == 0
    assert f"Kept 1 of {N} answers" in result.stderr
    assert len(stored_checks(store)) == 1
    result = cli("supervision", "check", "--restart", input="q\n")
    assert "Set aside the self-check started" in result.stderr
    # stopped before a new answer: the one set aside is still there (it used to be deleted)
    [(first_id, stored, _)] = stored_checks(store)
    assert stored == {ITEMS[0].id: {"score": 5, "note": ""}}
    result = cli("supervision", "check", input="n\n2\n\nq\n")  # a new answer replaces it
    [(second_id, stored, _)] = stored_checks(store)
    assert second_id != first_id and stored == {ITEMS[0].id: {"score": 2, "note": ""}}


def test_answers_file_carries_on_an_unfinished_check(
    cli: CLI, store: Store, tmp_path: Path
) -> None:
    first = {i.id: 2 for i in ITEMS[:3]}
    result = cli("supervision", "check", "--answers", answers_file(tmp_path, first))
    assert result.exit_code == 0 and f"Kept 3 of {N} answers" in result.stderr
    rest = {i.id: 4 for i in ITEMS[3:]}
    result = cli("supervision", "check", "--answers", answers_file(tmp_path, rest, "b.json"))
    assert result.exit_code == 0, result.stderr
    assert "Carrying on with the self-check" in result.stderr
    [(_, stored, complete)] = stored_checks(store)
    assert complete == 1 and stored[ITEMS[0].id]["score"] == 2
    both = cli(
        "supervision",
        "check",
        "--resume",
        "--restart",
        "--answers",
        answers_file(tmp_path, rest, "b.json"),
    )
    assert both.exit_code == 1 and "one of --resume and --restart" in both.stderr


# -- history -----------------------------------------------------------------------------------


def test_history_across_several_check_ins(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for day, score in (("2026-10-01", 5), ("2026-10-20", 3), ("2026-11-10", 1)):
        monkeypatch.setenv("PEERJOURNAL_NOW", f"{day}T18:00:00+00:00")
        answers = all_answers(4)
        answers["story"] = score
        assert (
            cli("supervision", "check", "--answers", answers_file(tmp_path, answers)).exit_code == 0
        )
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-20T18:30:00+00:00")
    cli("supervision", "done", "--date", "2026-10-21")
    data = json.loads(cli("supervision", "history", "--json").stdout)
    assert [c["created_at"][:10] for c in data["check_ins"]] == [
        "2026-10-01",
        "2026-10-20",
        "2026-11-10",
    ]
    story = next(i for i in data["items"] if i["id"] == "story")
    assert story["scores"] == [5, 3, 1] and story["change"] == -4
    assert [s["date"] for s in data["supervisions"]] == ["2026-10-21"]
    text = cli("supervision", "history").stdout
    assert "Check-ins (3): 1 Oct 2026, 20 Oct 2026, 10 Nov 2026" in text
    story_row = next(line for line in text.splitlines()
                     if line.strip().startswith("Drawing on my story"))
    # plain text (the tests' TERM=dumb): the answers in words, not a sparkline (round 43)
    assert story_row.split()[4:10] == ["5,", "3,", "1", "5", "to", "1"], story_row
    assert "  #1  21 Oct 2026" in text


def test_history_when_empty(cli: CLI) -> None:
    result = cli("supervision", "history")
    assert result.exit_code == 0
    assert result.stdout == ""  # nothing yet: messages, on stderr as list's "No entries"
    assert "No finished self-checks yet" in result.stderr
    assert "No supervisions recorded" in result.stderr


def test_a_broken_self_check_file_is_a_clear_error(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "supervision.toml"
    broken.write_text(
        'title = "t"\nlow = "l"\nhigh = "h"\n[[section]]\nid = "s"\ntitle = "S"\n'
        '[[section.item]]\nid = "a"\ntxet = "typo"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr("peerjournal.supervision.form_path", lambda: broken)
    result = cli("supervision", "check", "--list-items")
    assert result.exit_code == 1
    assert "supervision.toml: section[1].item[1].txet: unknown key" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_superscript_digit_is_asked_again_not_a_crash(
    cli: CLI, store: Store, terminal: None
) -> None:
    # '²' passed the digit check, then int() failed: "Unexpected error", exit 70.
    result = cli("supervision", "check", input="²\n3\n\nq\n")
    assert result.exit_code == 0, result.stderr
    assert "A whole number from 1 to 5" in result.stderr
    [(_, stored, _)] = stored_checks(store)
    assert stored == {ITEMS[0].id: {"score": 3, "note": ""}}
