"""QA of the self-check before supervision: what a peer supporter (and their mentor) meets at
the edges. Prompts interrupted or ended, pastes, note sizes, --json on every outcome, narrow
terminals, dates and names in notes."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from conftest import CTRL_C, CTRL_D, Keys
from peerjournal import paths
from peerjournal.db.store import Store
from peerjournal.db.supervision import save_check
from peerjournal.render.supervision import check_summary
from peerjournal.supervision import (
    MAX_NOTE_CHARS,
    Answer,
    SelfCheck,
    check_note,
    load_form,
    load_items,
    trend_brief,
)
from test_supervision_cli import all_answers, answers_file

CLI = Callable[..., Any]
ITEMS = load_items()
N = len(ITEMS)
NOW = datetime(2026, 11, 20, 18, 30, tzinfo=UTC)


def stored(store: Store) -> list[tuple[dict[str, Any], int]]:
    rows = store.conn.execute("SELECT answers, complete FROM selfcheck ORDER BY id").fetchall()
    return [(json.loads(r[0]), r[1]) for r in rows]


# -- 1. a note has a size limit ------------------------------------------------------------------


def test_a_huge_note_in_an_answers_file_is_refused_and_nothing_is_saved(
    cli: CLI, store: Store, tmp_path: Path
) -> None:
    answers = all_answers()
    answers["voice"] = {"score": 2, "note": "x" * (MAX_NOTE_CHARS + 1)}
    result = cli("supervision", "check", "--answers", answers_file(tmp_path, answers))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1  # one line
    assert (
        f"answers.json: voice: the note is {MAX_NOTE_CHARS + 1:,} characters; a note holds up "
        f"to {MAX_NOTE_CHARS:,}" in result.stderr
    )
    assert "xxxx" not in result.stderr
    assert stored(store) == []
    answers["voice"] = {"score": 2, "note": "y" * MAX_NOTE_CHARS}  # the limit itself is fine
    assert cli("supervision", "check", "--answers", answers_file(tmp_path, answers)).exit_code == 0
    [(kept, complete)] = stored(store)
    assert complete == 1 and kept["voice"]["note"] == "y" * MAX_NOTE_CHARS


def test_a_huge_pasted_note_is_refused_with_its_length_and_asked_again(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    huge = " ".join(["word"] * 1_000)  # 4,999 characters
    keys("4", [huge[:2_000], huge[2_000:]], "a shorter note", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert f"The note is 4,999 characters; a note holds up to {MAX_NOTE_CHARS:,}" in result.stderr
    assert "It was not kept: type or paste a shorter one (Enter for none)." in result.stderr
    assert stored(store) == [({ITEMS[0].id: {"score": 4, "note": "a shorter note"}}, 0)]


def test_a_supervision_note_has_the_same_limit(cli: CLI, store: Store) -> None:
    result = cli("supervision", "done", "--note", "z" * (MAX_NOTE_CHARS + 5))
    assert result.exit_code == 1
    assert f"--note: the note is {MAX_NOTE_CHARS + 5:,} characters" in result.stderr
    assert store.conn.execute("SELECT COUNT(*) FROM supervision").fetchone() == (0,)


def test_check_note_refuses_nul_and_keeps_the_words() -> None:
    assert check_note("  line one\r\nline two  ") == "line one\nline two"
    with pytest.raises(Exception, match=r"^a\.json: voice: the text contains NUL bytes"):
        check_note("a\x00b", "a.json: voice")


def test_a_note_stored_before_the_limit_is_shown_cut_and_says_so() -> None:
    from rich.console import Console

    form = load_form()
    check = SelfCheck(1, NOW, {ITEMS[0].id: Answer(3, "n" * 50_000)}, True)
    console = Console(width=100, file=io.StringIO())
    console.print(check_summary(check, form, []))
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert f"(the first {MAX_NOTE_CHARS:,} of 50,000 characters)" in shown
    assert shown.count("n") < MAX_NOTE_CHARS + 200


# -- 2. --json prints the check, finished or not -------------------------------------------------


def test_json_for_a_partial_answers_file_prints_the_stored_check(
    cli: CLI, store: Store, tmp_path: Path
) -> None:
    # It printed nothing at all: a script could not tell what was kept.
    result = cli(
        "supervision", "check", "--answers", answers_file(tmp_path, {"story": 2}), "--json"
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["complete"] is False and data["answered"] == 1 and data["items"] == N
    assert data["missing"] == [i.id for i in ITEMS if i.id != "story"]
    assert data["answers"]["story"]["score"] == 2 and data["moved"] == []
    assert "Kept 1 of" in result.stderr  # the message stays on stderr


def test_json_when_stopped_before_the_first_answer(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    keys("q")
    result = cli("supervision", "check", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["id"] is None and data["answered"] == 0 and len(data["missing"]) == N
    assert stored(store) == []


def test_json_of_a_finished_check_names_what_moved(
    cli: CLI, store: Store, tmp_path: Path
) -> None:
    cli("supervision", "check", "--answers", answers_file(tmp_path, all_answers(4)))
    changed = {**all_answers(4), "voice": 2}
    result = cli("supervision", "check", "--answers", answers_file(tmp_path, changed), "--json")
    data = json.loads(result.stdout)
    assert data["complete"] is True and data["missing"] == []
    voice = next(i for i in ITEMS if i.id == "voice")
    assert data["moved"] == [{"id": "voice", "text": voice.text, "before": 4, "after": 2}]


def test_every_supervision_subcommand_prints_json(cli: CLI, tmp_path: Path) -> None:
    for args in (
        ("prep", "--json"),
        ("history", "--json"),
        ("done", "--json"),
        ("undo", "--yes", "--json"),
        ("check", "--list-items", "--json"),
        ("check", "--answers", answers_file(tmp_path, all_answers()), "--json"),
    ):
        result = cli("supervision", *args)
        assert result.exit_code == 0, (args, result.stderr)
        json.loads(result.stdout)


# -- 3. Ctrl-C and Ctrl-D at every prompt ---------------------------------------------------------


def test_ctrl_d_at_the_score_keeps_the_answers_and_exits_0(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    keys("4", "", CTRL_D)
    result = cli("supervision", "check")
    assert result.exit_code == 0  # a stop for now, as q's (r48: was 1; docs/exit-codes.md)
    assert f"Kept 1 of {N} answers" in result.stderr and "End of input" not in result.stderr
    assert stored(store) == [({ITEMS[0].id: {"score": 4, "note": ""}}, 0)]


def test_ctrl_d_at_the_note_keeps_the_score_and_stops(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    fake = keys("4", CTRL_D, "5", "")
    result = cli("supervision", "check")
    assert result.exit_code == 0
    assert f"Kept 1 of {N} answers" in result.stderr
    assert stored(store) == [({ITEMS[0].id: {"score": 4, "note": ""}}, 0)]
    assert fake.lines  # nothing more was asked


def test_ctrl_c_at_the_note_keeps_the_score_and_stops(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    keys("4", "", "2", CTRL_C)
    result = cli("supervision", "check")
    assert result.exit_code == 130
    assert f"Stopped. Kept 2 of {N} answers;" in result.stderr
    assert "Traceback" not in result.stderr
    assert stored(store) == [
        ({ITEMS[0].id: {"score": 4, "note": ""}, ITEMS[1].id: {"score": 2, "note": ""}}, 0)
    ]


def test_the_carry_on_question_at_ctrl_c_ctrl_d_and_a_stray_answer(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    keys("3", "kept note", "q")
    cli("supervision", "check")
    before = stored(store)

    keys(CTRL_C)
    result = cli("supervision", "check")
    assert result.exit_code == 130
    assert "Nothing changed: the self-check started 20 Nov 2026 (1 of" in result.stderr
    assert stored(store) == before

    fake = keys(CTRL_D, "1", "")
    result = cli("supervision", "check", "--json")
    assert result.exit_code == 0  # stopped for now, as at q: the check, kept, is the JSON
    assert json.loads(result.stdout)["complete"] is False
    assert f"Kept 1 of {N} answers" in result.stderr
    assert "2/" not in result.stderr and len(fake.lines) == 2  # no question was asked
    assert stored(store) == before

    keys("perhaps", "y", "q")
    result = cli("supervision", "check")
    assert "Please answer y (carry on), n (start afresh) or q (stop for now)." in result.stderr
    assert result.stderr.count("Carry on with") == 2
    assert stored(store) == before


# -- 4. pasted text --------------------------------------------------------------------------------


def test_a_pasted_note_stays_one_note(cli: CLI, store: Store, keys: Callable[..., Keys]) -> None:
    # The lines after the first became the next items' score and note: "4" answered item 2.
    keys("3", ["Sam was upset.", "", "4", "I told him what to do."], "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert stored(store) == [
        ({ITEMS[0].id: {"score": 3, "note": "Sam was upset. 4 I told him what to do."}}, 0)
    ]


def test_text_pasted_at_the_score_prompt_is_not_taken_as_answers(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    # Round 35: the pasted words are kept as the note of the score that follows (they were
    # thrown away, "That looked like pasted text, so it was not kept")
    keys(["A hard week.", "2", "more"], "5", "q")
    result = cli("supervision", "check")
    assert ("A whole number from 1 to 5, please (or q to stop for now): the words are kept as "
            "its note once it has one.") in result.stderr
    assert "note (Enter to skip)" not in result.stderr
    assert stored(store) == [({ITEMS[0].id: {"score": 5, "note": "A hard week. 2 more"}}, 0)]


# -- 5. one entry, empty journal ----------------------------------------------------------------


def test_one_entry_before_is_an_entry_not_entries() -> None:
    report = {
        "totals": {"entries": 2, "drift": 1.0, "identity": 2.0},
        "previous": {"entries": 1, "drift": 3.0, "identity": 0.5},
        "unscored": 1,
    }
    lines = trend_brief([], report).lines
    assert "(the entry before: drift 3.00, identity 0.50)" in lines[0]
    assert lines[1] == "1 entry is not scored yet (`peerjournal drift --rescore`)."
    report["previous"]["entries"], report["unscored"] = 3, 2
    lines = trend_brief([], report).lines
    assert "(the 3 entries before:" in lines[0] and lines[1].startswith("2 entries are")


def test_an_empty_journal_everywhere(cli: CLI) -> None:
    assert "0 entries written" in cli("supervision", "prep").stdout
    assert "No finished self-checks yet" in cli("supervision", "history").stderr
    missing = cli("--db", str(paths.data_dir() / "other.db"), "supervision", "history")
    assert missing.exit_code == 3 and "There is no journal" in missing.stderr


# -- 6. narrow terminals ---------------------------------------------------------------------------


def test_history_at_40_columns_keeps_its_header_and_every_item(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("supervision", "check", "--answers", answers_file(tmp_path, all_answers(2)))
    cli("supervision", "check", "--answers", answers_file(tmp_path, all_answers(4)))
    monkeypatch.setenv("COLUMNS", "40")
    text = cli("supervision", "history").stdout
    assert "1st to now" in text  # it was cut to "1st→no"; plain text: words (round 43)
    assert all(len(line) <= 40 for line in text.splitlines())
    for item in ITEMS:  # each by its name (r48: its few words, "Secure and proud")
        assert any(line.strip() == item.name for line in text.splitlines()), item.id
    monkeypatch.setenv("COLUMNS", "24")
    narrow = cli("supervision", "history").stdout
    assert all(len(line) <= 24 for line in narrow.splitlines())
    assert "Questioning coercion" in narrow and "2 to 4" in narrow


def test_list_items_at_40_columns_is_readable(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    # The statement column was three characters wide: a word or less a line.
    monkeypatch.setenv("COLUMNS", "40")
    text = cli("supervision", "check", "--list-items").stdout
    assert all(len(line) <= 40 for line in text.splitlines())
    assert "story · identity" in text
    assert "  When it could help someone, I felt at" in text


# -- 7. errors never echo the writer's words ----------------------------------------------------


def test_a_note_given_as_the_score_is_not_echoed(cli: CLI, tmp_path: Path) -> None:
    result = cli(
        "supervision", "check", "--answers", answers_file(tmp_path, {"story": "Sam Jones shouted"})
    )
    assert result.exit_code == 1
    assert "story: text is not an answer on the scale" in result.stderr
    assert "Sam" not in result.stderr


# -- 8. answers files: BOM, '-', wording ----------------------------------------------------------


def test_answers_files_with_a_bom_and_on_stdin(cli: CLI, store: Store, tmp_path: Path) -> None:
    bom = tmp_path / "notepad.toml"
    bom.write_bytes(b"\xef\xbb\xbfstory = 3\n")
    result = cli("supervision", "check", "--answers", str(bom))
    assert result.exit_code == 0, result.stderr
    result = cli("supervision", "check", "--answers", "-", "--json", input='{"voice": 4}')
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["answered"] == 2
    empty = cli("supervision", "check", "--answers", "-", input="")
    assert empty.exit_code == 1 and "standard input has no answers in it" in empty.stderr
    assert "Carrying on" not in empty.stderr  # nothing is said about a check left unchanged
    bad = tmp_path / "bad.toml"
    bad.write_text("story = \n", encoding="utf-8")
    result = cli("supervision", "check", "--answers", str(bad))
    assert "bad.toml: not valid TOML (" in result.stderr


# -- 9. names in notes leave the journal only redacted ---------------------------------------------


def test_a_name_typed_in_a_note_is_redacted_in_the_mentor_export(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    assert cli("people", "add", "Sam Jones", "--alias", "S.").exit_code == 0
    keys(*[step for n in range(N) for step in ("3", "Sam Jones and sam again" if n == 3 else "")])
    assert cli("supervision", "check").exit_code == 0
    [(kept, _)] = stored(store)
    assert kept["voice"]["note"] == "Sam Jones and sam again"  # the journal keeps the words
    summary = cli("export", "--yes", "-f", "json", "--with-check").stdout
    assert "Sam" not in summary and "sam again" not in summary
    voice = next(i for i in json.loads(summary)["selfcheck"]["items"] if i["id"] == "voice")
    assert voice["note"] == "S. and S. again"


# -- 10. a form that lost items --------------------------------------------------------------------


def test_resuming_a_check_that_already_answers_every_item_saves_it_finished(
    cli: CLI, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    form = tmp_path / "supervision.toml"
    form.write_text(
        'title = "T"\nlow = "l"\nhigh = "h"\n[[section]]\nid = "s"\ntitle = "S"\n'
        '[[section.item]]\nid = "a"\ntext = "A."\n',
        encoding="utf-8",
    )
    monkeypatch.setattr("peerjournal.supervision.form_path", lambda: form)
    # started when the form had a second item, which has since been removed
    save_check(store, None, {"a": Answer(2)}, False, NOW)
    result = cli("supervision", "check", "--resume", "--json", input="")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["complete"] is True
    assert [c for _, c in stored(store)] == [1]


# -- 11. recording supervisions: dates and what prep starts from ----------------------------------


def test_an_earlier_supervision_written_up_late_does_not_move_prep(cli: CLI) -> None:
    # It said "prep now starts from it" while prep went on starting from the latest one.
    first = cli("supervision", "done", "--date", "2026-11-13")
    assert "`peerjournal supervision prep` now starts from it." in first.stderr
    late = cli("supervision", "done", "--date", "1/11")  # no year: the most recent 1 Nov
    assert late.exit_code == 0, late.stderr
    assert (
        "Recorded a supervision on 1 Nov 2026. `peerjournal supervision prep` still starts "
        "from 13 Nov 2026." in late.stderr
    )
    assert json.loads(cli("supervision", "prep", "--json").stdout)["since"] == "2026-11-13"
    refused = (("2026-11-21", "in the future"), ("31/11", "no day 31"), ("soon", "Could not"))
    for bad, why in refused:
        result = cli("supervision", "done", "--date", bad)
        assert result.exit_code == 1 and why in result.stderr, bad
    history = json.loads(cli("supervision", "history", "--json").stdout)
    dates = [s["date"] for s in history["supervisions"]]
    assert dates == ["2026-11-01", "2026-11-13"]


def test_prep_tells_of_an_unfinished_self_check(cli: CLI, tmp_path: Path) -> None:
    # It said "None yet" while ten answers waited in a check stopped part-way.
    cli("supervision", "check", "--answers", answers_file(tmp_path, {"story": 2, "voice": 3}))
    text = cli("supervision", "prep").stdout
    assert f"Unfinished: started 20 Nov 2026, 2 of {N} answered" in text
    assert "None yet" not in text
    data = json.loads(cli("supervision", "prep", "--json").stdout)["self_check"]
    assert data["last"] is None
    assert data["unfinished"] == {"started": "2026-11-20T18:30:00+00:00", "answered": 2, "items": N}
    cli("supervision", "check", "--answers", answers_file(tmp_path, all_answers()))
    data = json.loads(cli("supervision", "prep", "--json").stdout)["self_check"]
    assert data["unfinished"] is None and data["last"].startswith("2026-11-20")
