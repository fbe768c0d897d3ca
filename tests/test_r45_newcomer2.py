"""Round 45: the newcomer QA's findings on last round's fixes (qa_newcomer2 1-8)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, Keys
from peerjournal.supervision import load_items, typed_score
from test_supervision_cli import all_answers, answers_file


def _one_line_usage_error(result: object) -> str:
    """The stderr of a usage error, checked to be one line with exit 2."""
    assert result.exit_code == 2, result.stderr  # type: ignore[attr-defined]
    stderr: str = result.stderr  # type: ignore[attr-defined]
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert "Traceback" not in stderr
    return stderr


# -- 1. an option given no value: the next option is not its value's first word ----------------


@pytest.mark.parametrize(("args", "said"), [
    (("export", "--note", "-o", "x.md"), "--note has no value: the word after it, -o, is an "
     "option; give --note its value first (--note TEXT -o …)."),
    (("list", "-s", "--json", "extra"), "-s has no value: the word after it, --json, is an "
     "option; give -s its value first (-s SETTING --json …)."),
    (("list", "--since", "-n", "5"), "--since has no value: the word after it, -n, is an "
     "option; give --since its value first (--since DATE -n …)."),
])
def test_an_option_given_no_value_is_said_to_have_none(
    cli: CLI, add: Callable[..., int], tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    add()
    stderr = _one_line_usage_error(cli(*args))
    assert said in stderr
    assert "goes in quotes" not in stderr
    assert not (tmp_path / "x.md").exists()


# -- 2. no quoting advice for a value that is one known word ----------------------------------


@pytest.mark.parametrize("args", [
    ("report", "-d", "story", "mutuality"),
    ("list", "--since", "yesterday", "housing"),
    ("list", "-n", "5", "foo"),
])
def test_words_after_a_one_word_value_get_no_quoting_advice(
    cli: CLI, add: Callable[..., int], args: tuple[str, ...]
) -> None:
    add()
    stderr = _one_line_usage_error(cli(*args))
    assert "quotes" not in stderr
    assert f"Got unexpected extra argument(s) ({args[-1]})" in stderr


# -- 3. the hint where it was missed: an ID argument, search, --opt=value ----------------------


@pytest.mark.parametrize(("args", "meant"), [
    (("edit", "1", "-x", "New", "text", "here"), '-x took one word, and 2 more came after it: '
     'a text of more than one word goes in quotes, as in -x "your words".'),  # (no words said)
    (("edit", "1", "-d", "last", "night"), "as in -d \"last night\"."),
    (("edit", "1", "--self-care", "A", "long", "bath"), 'as in --self-care "your words".'),
    (("drift", "--text", "Sat", "with", "Sam", "on", "the", "ward"),
     '--text took one word, and 5 more came after it: a text of more than one word goes in '
     'quotes, as in --text "your words".'),
    (("list", "--since=4", "weeks", "ago"), 'as in --since "4 weeks ago".'),
    (("search", "housing", "--since", "4", "weeks", "ago"),
     "'weeks ago' is not part of --since: a value of more than one word goes in quotes, as "
     'in --since "4 weeks ago".'),
    (("search", "housing", "--since=4", "weeks", "ago"), 'as in --since "4 weeks ago".'),
])
def test_the_quoting_hint_where_an_argument_or_search_took_the_words(
    cli: CLI, add: Callable[..., int], store: object, args: tuple[str, ...], meant: str
) -> None:
    entry = add("We walked to the housing office together.")
    stderr = _one_line_usage_error(cli(*args))
    assert meant in stderr
    assert "is not an entry ID" not in stderr and "use --text" not in stderr
    shown = cli("show", str(entry), "--json")
    assert json.loads(shown.stdout)["experience"] == "We walked to the housing office together."


def test_a_slip_in_the_id_itself_is_still_said_as_one(cli: CLI, add: Callable[..., int]) -> None:
    add()
    stderr = _one_line_usage_error(cli("edit", "abc", "-x", "New", "text"))
    assert "'abc' is not an entry ID" in stderr and "quotes" not in stderr


def test_search_with_a_date_in_quotes_still_searches(cli: CLI, add: Callable[..., int]) -> None:
    add("We walked to the housing office together.")
    result = cli("search", "housing", "--since", "4 weeks ago", "--json")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)) == 1
    unread = cli("search", "housing", "--since", "someday")
    assert unread.exit_code == 1 and "Could not read the date 'someday'" in unread.stderr


# -- 4. people add: a word of the name after --alias's value -----------------------------------


def _people(cli: CLI) -> list[dict[str, object]]:
    listed = cli("people", "list", "--json")
    assert listed.exit_code == 0, listed.stderr
    return json.loads(listed.stdout)


@pytest.mark.parametrize("args", [
    ("Sam Jones", "--alias", "S", "J"),
    ("Sam", "Jones", "--alias=S", "J"),
])
def test_a_name_split_by_alias_is_refused_saying_which_word(
    cli: CLI, args: tuple[str, ...]
) -> None:
    stderr = _one_line_usage_error(cli("people", "add", *args))
    assert ("--alias took one word, and 1 more came after it, apart from the name before it: "
            "part of the alias or of the name?") in stderr
    assert "Sam" not in stderr  # (a name said on no error line)
    assert "Nobody was added." in stderr
    assert _people(cli) == []


def test_a_name_and_alias_each_whole_are_added(cli: CLI) -> None:
    result = cli("people", "add", "Sam", "Jones", "--alias", "S J")
    assert result.exit_code == 0, result.stderr
    assert [(p["name"], p["alias"]) for p in _people(cli)] == [("Sam Jones", "S J")]


# -- 5. a misspelt command in capitals, a subcommand's too --------------------------------------


@pytest.mark.parametrize(("args", "typo", "meant", "group"), [
    (("people", "Lsit"), "Lsit", "list", "peerjournal people"),
    (("WIRTE",), "WIRTE", "write", "peerjournal"),
    (("Lsit",), "Lsit", "list", "peerjournal"),
    (("supervision", "Hstory"), "Hstory", "history", "peerjournal supervision"),
])
def test_a_misspelt_command_in_capitals_is_suggested(
    cli: CLI, args: tuple[str, ...], typo: str, meant: str, group: str
) -> None:
    stderr = _one_line_usage_error(cli(*args))
    assert (f"No such command '{typo}'. Did you mean '{meant}'? See '{group} --help'."
            in stderr)


def test_subcommands_in_capitals_run(cli: CLI) -> None:
    result = cli("PEOPLE", "LIST")
    assert result.exit_code == 0, result.stderr
    unknown = _one_line_usage_error(cli("XYZ"))
    assert "Did you mean" not in unknown


# -- 6. the mentor's summary: "their" for the person supported, "the writer's" for the writer --


def test_the_writers_own_labels_say_the_writers(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    add("I shared my own recovery story with him and he opened up about his.", "--share")
    out = tmp_path / "s.md"
    assert cli("export", "--format", "md", "-o", str(out), "--yes").exit_code == 0
    text = out.read_text()
    assert "sharing the writer's recovery story (Recovery story)" in text
    assert "their recovery story" not in text and "your recovery story" not in text
    assert "using the writer's own recovery story as a tool" in text
    saved = tmp_path / "s.json"
    assert cli("export", "--format", "json", "-o", str(saved), "--yes").exit_code == 0
    labels = [m["label"] for side in json.loads(saved.read_text())["markers"].values()
              for m in side]
    assert "sharing the writer's recovery story" in labels
    reviewed = cli("review", str(saved))
    assert reviewed.exit_code == 0, reviewed.stderr
    assert "sharing the writer's recovery story" in reviewed.stdout


def test_about_the_writer_keeps_quotations_and_other_words() -> None:
    from peerjournal.exporters.writer_words import about_the_writer

    assert about_the_writer("holding your story back") == "holding the writer's story back"
    assert about_the_writer("Your story, noticing your own practice") == (
        "The writer's story, noticing the writer's own practice")
    assert about_the_writer('illness framing ("your condition")') == (
        'illness framing ("your condition")')
    assert about_the_writer("their choices and hopes") == "their choices and hopes"
    assert about_the_writer("yourself") == "themselves"  # (since fix_newcomer4)


# -- 7. the self-check: a score word with a note, halves, one way to show a score ------------


@pytest.mark.parametrize(("typed", "read"), [
    ("five because Sam asked", (5, "because Sam asked")),
    ("5 because Sam asked", (5, "because Sam asked")),
    ("Four: they did", (4, "they did")),
    ("one: not yet", (1, "not yet")),
    ("Two, because", (2, "because")),
])
def test_a_score_word_before_a_note_is_read_as_its_digit(
    typed: str, read: tuple[int, str]
) -> None:
    assert typed_score(typed) == read


@pytest.mark.parametrize("typed", [
    "four and a half", "4 and a half", "four or five", "three - four", "four point five",
    "4 ½", "one thing I noticed", "3 or 4", "2-3",
])
def test_no_score_on_the_scale_is_read_from_these(typed: str) -> None:
    assert typed_score(typed) is None


def test_the_check_keeps_five_with_its_note(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("five because Sam asked", "", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert "Kept 5, with the words after it as its note." in result.stderr + result.stdout
    saved = json.loads(cli("export", "--full").stdout)["self_checks"][0]["answers"]
    assert saved == {load_items()[0].id: {"score": 5, "note": "because Sam asked"}}


def test_a_score_is_shown_one_way_in_the_check_export_and_prep(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    add("We walked to the housing office together.", "--share")
    answers = {**all_answers(3), "self_worth": 1}
    done = cli("supervision", "check", "--answers", answers_file(tmp_path, answers))
    assert done.exit_code == 0, done.stderr
    assert "score 3 of 5  When it could help someone" in done.stdout
    out = tmp_path / "s.md"
    exported = cli("export", "--format", "md", "--with-check", "-o", str(out), "--yes")
    assert exported.exit_code == 0, exported.stderr
    text = out.read_text()
    assert "| 3 of 5 |" in text and "3/5" not in text  # under "Score" (since fix_newcomer4)
    worth = next(i for i in load_items() if i.id == "self_worth").text
    questions = json.loads(cli("supervision", "prep", "--json").stdout)["questions"]
    assert questions[0]["why"] == (
        f"you answered '{worth}' with score 1 of 5 in your latest self-check")


# -- 8. the line under `drafts` ---------------------------------------------------------------


def _drafts_closing(cli: CLI) -> str:
    listed = cli("drafts")
    assert listed.exit_code == 0, listed.stderr
    return listed.stderr.strip().splitlines()[-1]


def test_drafts_says_to_restore_an_entry_in_the_trash_before_editing_it(
    cli: CLI, add: Callable[..., int], edits: Callable[..., None]
) -> None:
    entry = add("We sat together in the garden.")
    edits(("## Feelings", "## Feelingz"))  # a heading broken: the edit is kept, unsaved
    assert cli("edit", str(entry)).exit_code == 1
    assert _drafts_closing(cli) == (
        f"`peerjournal edit {entry}` continues the changes to entry {entry}; "
        "`peerjournal drafts --discard N` discards one.")
    assert cli("delete", str(entry)).exit_code == 0
    assert _drafts_closing(cli) == (
        f"`peerjournal restore {entry}` (the entry is in the trash), then `peerjournal edit "
        f"{entry}`, continues the changes to entry {entry}; `peerjournal drafts --discard N` "
        "discards one.")


def test_drafts_says_where_a_replaced_text_is_kept(cli: CLI, add: Callable[..., int]) -> None:
    """Was: "kept to copy from", without where; three kinds in one run-on sentence."""
    entry = add("We sat together in the garden.")
    assert cli("edit", str(entry), "-x", "We sat in the garden, then walked.").exit_code == 0
    drafts = json.loads(cli("drafts", "--json").stdout)
    assert _drafts_closing(cli) == (
        f"The text 'replaced in' an entry is kept to copy from, in {drafts[0]['path']}; "
        "`peerjournal drafts --discard N` discards one.")
    other = add("Walked with Jo to the shop.")
    assert cli("edit", str(other), "-x", "Walked with Jo.").exit_code == 0
    folder = Path(drafts[0]["path"]).parent
    assert _drafts_closing(cli) == (
        f"The texts 'replaced in' entries are kept to copy from, in {folder} (`peerjournal "
        "drafts --json` names each one's file); `peerjournal drafts --discard N` discards one.")


def test_three_kinds_of_draft_are_a_sentence_each(
    cli: CLI, add: Callable[..., int], edits: Callable[..., None]
) -> None:
    entry = add("We sat together in the garden.")
    assert cli("edit", str(entry), "-x", "We sat in the garden, then walked.").exit_code == 0
    edits(("## Feelings", "## Feelingz"))
    assert cli("edit", str(entry)).exit_code == 1
    cli("write", input="## Feelngs\nA note.\n")  # kept as a new entry's draft
    replaced = next(d["path"] for d in json.loads(cli("drafts", "--json").stdout)
                    if "-was-" in d["path"])
    assert _drafts_closing(cli) == (
        "`peerjournal write --resume --draft N` continues a new entry. "
        f"`peerjournal edit {entry}` continues the changes to entry {entry}. "
        f"The text 'replaced in' an entry is kept to copy from, in {replaced}; "
        "`peerjournal drafts --discard N` discards one.")
