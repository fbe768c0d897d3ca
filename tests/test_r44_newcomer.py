"""Round 44: a newcomer's low findings (qa_newcomer 5, 6, 10, 13, 15)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, Keys
from peerjournal.supervision import bare_score, load_items, typed_score
from test_supervision_cli import all_answers, answers_file

# -- 5. a value of several words typed without quotes -------------------------------------------


@pytest.mark.parametrize(
    ("args", "option", "meant"),
    [
        (("list", "--since", "4", "weeks", "ago"), "--since", '--since "4 weeks ago"'),
        (("report", "--since", "4", "weeks", "ago"), "--since", '--since "4 weeks ago"'),
        (("list", "-s", "day", "centre"), "-s", '-s "day centre"'),
        (("supervision", "prep", "--since", "4", "weeks", "ago"), "--since",
         '--since "4 weeks ago"'),
    ],
)
def test_words_left_out_of_quotes_are_told_to_go_in_them_naming_the_option_typed(
    cli: CLI, add: Callable[..., int], args: tuple[str, ...], option: str, meant: str
) -> None:
    add()
    result = cli(*args)
    assert result.exit_code == 2
    assert f"is not part of {option}: a value of more than one word goes in quotes" in (
        result.stderr)
    assert f"as in {meant}." in result.stderr
    assert "Got unexpected extra argument" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not Path("x.md").exists()


def test_a_text_left_out_of_quotes_is_told_without_its_words(cli: CLI) -> None:
    """A text option's hint names no word of it (errors never print journal text, r45)."""
    result = cli("export", "--note", "good", "week", "-o", "x.md")
    assert result.exit_code == 2
    assert ('--note took one word, and 1 more came after it: a text of more than one word goes '
            'in quotes, as in --note "your words".') in result.stderr
    assert "good" not in result.stderr and "week" not in result.stderr
    assert not Path("x.md").exists()


def test_a_value_with_a_double_quote_in_it_is_shown_in_quotes_that_keep_it(cli: CLI) -> None:
    result = cli("list", "-s", 'a "hard"', "ward")  # (a setting: a text's words are not said)
    assert result.exit_code == 2
    assert """as in -s 'a "hard" ward'.""" in result.stderr


@pytest.mark.parametrize(
    "args",
    [("list", "-n", "5", "more"),  # a number's value holds no space: no quotes to suggest
     ("show", "1", "2"),  # no option before the extra word
     ("list", "--json", "weeks")],  # a flag takes no value
)
def test_an_extra_word_after_no_text_value_keeps_clicks_message(
    cli: CLI, add: Callable[..., int], args: tuple[str, ...]
) -> None:
    add()
    result = cli(*args)
    assert result.exit_code == 2
    assert "Got unexpected extra argument(s)" in result.stderr
    assert "quotes" not in result.stderr


# -- 6. a command typed in another case ---------------------------------------------------------


def test_a_capitalised_command_is_that_command(cli: CLI) -> None:
    result = cli("Write", "-x", "We walked to the housing office together.")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == "1"
    listed = cli("LIST", "--json")
    assert listed.exit_code == 0
    assert [e["id"] for e in json.loads(listed.stdout)] == [1]


def test_a_misspelt_capitalised_command_is_still_suggested(cli: CLI) -> None:
    result = cli("Wirte")
    assert result.exit_code == 2
    assert "No such command 'Wirte'" in result.stderr and "'write'" in result.stderr


# -- 10. the mentor's summary speaks of the writer ----------------------------------------------


def test_the_summary_names_markers_about_the_writer_not_to_them(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    add("I shared my own recovery story with him and he opened up about his.", "--share")
    out = tmp_path / "s.md"
    result = cli("export", "--format", "md", "-o", str(out), "--yes")
    assert result.exit_code == 0, result.stderr
    text = out.read_text()
    assert "sharing the writer's recovery story (Recovery story)" in text
    assert "your recovery story" not in text
    saved = tmp_path / "s.json"
    assert cli("export", "--format", "json", "-o", str(saved), "--yes").exit_code == 0
    reviewed = cli("review", str(saved))
    assert reviewed.exit_code == 0, reviewed.stderr
    assert "sharing the writer's recovery story" in reviewed.stdout
    assert "your recovery story" not in reviewed.stdout


def test_a_quotation_in_a_label_is_left_as_said() -> None:
    from peerjournal.exporters.writer_words import about_the_writer

    assert about_the_writer('illness framing ("your condition")') == (
        'illness framing ("your condition")')
    assert about_the_writer("Your story, noticing your own practice") == (
        "The writer's story, noticing the writer's own practice")
    assert about_the_writer("yourself") == "themselves"  # (since fix_newcomer4)


# -- 15. the self-check's scores ---------------------------------------------------------------


@pytest.mark.parametrize(("typed", "score"), [
    ("five", 5), ("Five.", 5), (" one ", 1), ("THREE", 3), ("two", 2), ("four", 4), ("4", 4)])
def test_a_score_typed_as_a_word_is_that_score(typed: str, score: int) -> None:
    assert bare_score(typed) == score
    assert typed_score(typed) == (score, "")


@pytest.mark.parametrize("typed", ["six", "zero", "one thing I noticed", "fives"])
def test_no_other_word_is_a_score(typed: str) -> None:
    assert bare_score(typed) is None
    assert typed_score(typed) is None


def test_the_check_takes_five_typed_as_a_word(
    cli: CLI, terminal: None, keys: Callable[..., Keys]
) -> None:
    keys("five", "", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    saved = json.loads(cli("export", "--full").stdout)["self_checks"][0]["answers"]
    assert saved == {load_items()[0].id: {"score": 5, "note": ""}}


def test_the_checks_answers_show_each_as_a_score(cli: CLI, tmp_path: Path) -> None:
    """Was: "4 of 5  When it could help…" under questions numbered "1/22": a numbering."""
    result = cli("supervision", "check", "--answers", answers_file(tmp_path, all_answers(4)))
    assert result.exit_code == 0, result.stderr
    assert "score 4 of 5  When it could help someone" in result.stdout


# -- 13. the line under `drafts` ---------------------------------------------------------------


def _listed(cli: CLI) -> tuple[Path, list[Any]]:
    from peerjournal.drafts import everything

    where = cli("where", "--json")
    assert where.exit_code == 0, where.stderr
    folder = Path(json.loads(where.stdout)["drafts"])
    return folder, everything(folder)


def test_drafts_closing_line_fits_the_drafts_listed(
    cli: CLI, add: Callable[..., int], edits: Callable[..., None]
) -> None:
    """Was: "`write --resume --draft N` continues one" under "edit of 6" and "replaced in 6",
    which `write --resume` refuses."""
    from datetime import datetime

    from peerjournal.cli.drafts_list import closing_line
    from peerjournal.context import AppContext
    from peerjournal.drafts import new_draft

    app = AppContext()
    discard = "; `peerjournal drafts --discard N` discards one."
    entry = add("We sat together in the garden.")
    replaced = cli("edit", str(entry), "-x", "We sat in the garden, then walked.")
    assert replaced.exit_code == 0, replaced.stderr
    folder, found = _listed(cli)
    kept_to_copy = f"The text 'replaced in' an entry is kept to copy from, in {found[0].path}"
    assert closing_line(app, found) == kept_to_copy + discard
    edits(("## Feelings", "## Feelingz"))  # a heading broken: the edit is kept, unsaved
    kept = cli("edit", str(entry))
    assert kept.exit_code == 1 and "your edit is kept in" in kept.stderr
    folder, found = _listed(cli)
    assert closing_line(app, found) == (
        f"`peerjournal edit {entry}` continues the changes to entry {entry}. "
        f"{kept_to_copy}{discard}")
    draft = new_draft(folder, datetime(2026, 12, 7, 9, 0), ".json")
    draft.path.write_text(json.dumps({"experience": "Half a thought"}))
    draft.release()
    folder, found = _listed(cli)
    assert len(found) == 3
    assert closing_line(app, found) == (
        "`peerjournal write --resume --draft N` continues a new entry. "
        f"`peerjournal edit {entry}` continues the changes to entry {entry}. "
        f"{kept_to_copy}{discard}")
    only_new = [d for d in found if d.entry_id is None]
    assert closing_line(app, only_new) == (
        f"`peerjournal write --resume --draft N` continues one{discard}")
