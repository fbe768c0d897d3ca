"""Round 37 (writer2, QA of a tired writer's first week and of hostile input): a setting typed
as a sentence with a comma or a full stop is questioned; "back" at "Save this entry?" is asked
again; a tag stored as another word is said at the prompt; Ctrl-D at "did you mean" says what
was kept; -f's words are named as given, not as a draft; q typed after a line given back stops;
`edit` that changes nothing names the entry; an editor stopped by Ctrl-C exits 130; `list`
uses a wide terminal; `drafts --discard` takes 1,2 and 1-3; a draft that cannot be read (deep
JSON, not UTF-8) does not block `write --resume`; UTF-16 without a byte order mark is read as
that for any text; output to a full device names standard output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, CTRL_D, SRC, Keys
from test_guided_r31 import typed_through_readline
from test_write import entries

# after the experience (and the blank line ending it): feelings, its question, evaluation, its
# question, tags, self-care, then "Save this entry?"
REST = ["", "", "", "", "", "", "y"]


def said(result: Any) -> str:
    return " ".join(result.stderr.split())


# -- QA week 1: a setting line judged whole -------------------------------------------------------


@pytest.mark.parametrize("line", [
    "rough one today, Kai kicked off", "ward. Kai kicked off", "home visit! Sam was out",
])
def test_a_setting_with_a_comma_or_a_stop_that_reads_as_a_sentence_is_questioned(line: str) -> None:
    from peerjournal.cli.guided import reads_like_a_sentence

    assert reads_like_a_sentence(line, one_value=True)


@pytest.mark.parametrize("line", [
    "St. Mary's ward", "Dr. Jones clinic", "A&E, Leeds", "phone/text line", "ward.", "inpatient",
])
def test_a_setting_that_is_a_place_is_not_questioned(line: str) -> None:
    from peerjournal.cli.guided import reads_like_a_sentence

    assert not reads_like_a_sentence(line, one_value=True)


def test_a_comma_joined_note_at_the_setting_prompt_begins_the_experience(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """Was: stored as the setting without a question ("rough one tod…" in `list`)."""
    keys("rough one today, Kai kicked off", "y", "", "He threw a chair.", "", *REST)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "That reads like a sentence, not a setting" in said(result)
    [entry] = entries(cli)
    assert entry["setting"] == ""
    assert entry["experience"] == "rough one today, Kai kicked off\nHe threw a chair."


# -- QA week 3: "back" at "Save this entry?" ------------------------------------------------------


@pytest.mark.parametrize("word", ["back", "edit", "change", "fix", "undo", "redo", "go back"])
def test_a_wish_to_go_back_at_save_is_asked_again_with_the_way_to_change_it(
    cli: CLI, keys: Callable[..., Keys], word: str
) -> None:
    """Was: "That reads like words for your entry": the word was added to the evaluation."""
    keys("community", "Sat with Jo in the garden.", "", "", "", "", "", "", "", word, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert ("Please answer y (save) or n (keep it as a draft; to change it: n, then "
            "`peerjournal write --resume --editor`).") in said(result)
    assert "words for your entry" not in said(result)
    [entry] = entries(cli)
    assert entry["evaluation"] == ""


# -- QA week 6: a tag stored as another word ------------------------------------------------------


def test_the_tags_prompt_says_a_tag_is_stored_as_another_word(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("", "We sat.", "", "", "", "", "", "ana's, hard day", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert ('Tag "ana\'s" is stored as ana-s: a tag keeps letters, digits and' in said(result))
    assert entries(cli)[0]["tags"] == ["ana-s", "hard-day"]


# -- QA week 13: Ctrl-D at "did you mean" ---------------------------------------------------------


def test_no_answer_at_did_you_mean_says_the_setting_was_kept_as_typed(
    cli: CLI, add: Callable[..., int], keys: Callable[..., Keys]
) -> None:
    add("Earlier words.", "--setting", "inpatient")
    keys("inpateint", CTRL_D, "Words.", "", *REST)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert ("No answer, so the setting is kept as typed: 'inpateint'. Once the entry is saved, "
            "`peerjournal edit ID --setting inpatient` changes it.") in said(result)
    assert entries(cli)[0]["setting"] == "inpateint"


# -- QA week 14: -f's words named as given --------------------------------------------------------


def test_feelings_given_with_f_are_shown_as_given_not_as_a_draft(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("Prefilled run words.", "", "", "", "", "", "", "y")
    result = cli("write", "-s", "ward", "-t", "a,b", "-f", "Anxious then calm")
    assert result.exit_code == 0, result.stderr
    assert "(given with --feelings:) Anxious then calm" in said(result)
    assert "continuing your draft" not in result.stderr
    assert entries(cli)[0]["feelings"] == "Anxious then calm"


# -- QA week 5: q typed after the line given back -------------------------------------------------


def test_q_typed_after_a_line_given_back_stops_and_keeps_the_line_as_it_was(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    """Was: "We sat by the rivq" stored, and the session went on."""
    from test_guided_r31 import ctrl_c_after

    ctrl_c_after(monkeypatch, [""], "We sat by the riv", readline=True)
    assert cli("write").exit_code == 130
    typed_through_readline(monkeypatch, ["q"])
    result = cli("write", "--resume")
    assert result.exit_code == 1
    assert ("Enter keeps it as it is; q typed after it, or Ctrl-C, stops for now)"
            in said(result))
    assert "Stopped for now (q)" in said(result)
    [draft] = (isolated / "drafts").glob("*.json")
    kept = json.loads(draft.read_text(encoding="utf-8"))
    assert kept["entry"]["experience"] == "We sat by the riv"
    assert kept["cut_off"] == "experience"


def test_a_word_ending_in_q_typed_after_the_line_given_back_is_words() -> None:
    from peerjournal.cli.guided import _stop_typed_after

    assert _stop_typed_after("We sat by the riv", "We sat by the rivq")
    assert _stop_typed_after("We sat by the riv", "We sat by the riv q")
    assert not _stop_typed_after("We sat by the riv", "We sat by the river. q")
    assert not _stop_typed_after("In Ira", "In Iraq too")


# -- QA week 7: edit that changes nothing ---------------------------------------------------------


def test_edit_in_an_editor_that_changes_nothing_names_the_entry(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    entry_id = add("We met at the library.")
    monkeypatch.setenv("EDITOR", "true")
    result = cli("edit", str(entry_id))
    assert result.exit_code == 0
    assert result.stderr.startswith(f"Entry {entry_id} is unchanged.")
    assert "No changes" not in result.stderr


# -- QA week 9: Ctrl-C in the editor --------------------------------------------------------------


def _editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    script = tmp_path / "editor.sh"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))


@pytest.mark.parametrize("how", ["kill -INT $$", "exit 130"])
def test_an_editor_stopped_by_ctrl_c_exits_130_and_keeps_the_text(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, terminal: None, how: str
) -> None:
    _editor(tmp_path, monkeypatch,
            f"printf '## Experience\\nSlow editor words about Mo.\\n' > \"$1\"\n{how}")
    result = cli("write", "--editor")
    assert result.exit_code == 130, result.stderr
    assert "nothing was saved" in said(result) and "Your words are kept as draft " in said(result)


def test_an_editor_killed_otherwise_is_still_a_user_error(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    _editor(tmp_path, monkeypatch, "printf '## Experience\\nWords.\\n' > \"$1\"\nkill -SEGV $$")
    result = cli("write", "--editor")
    assert result.exit_code == 1
    assert "The editor was stopped (SIGSEGV)" in said(result)


# -- QA week 11: list on a wide terminal ----------------------------------------------------------


def test_list_shows_as_much_of_the_experience_as_a_wide_terminal_has_room_for(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    words = ("Sam Jones was admitted again. I told him he should take his medication and "
             "comply with the plan, and then we talked about the garden.")
    add(words, "--setting", "inpatient")
    monkeypatch.setenv("COLUMNS", "200")
    wide = cli("list").stdout
    assert words[:130] in wide
    monkeypatch.setenv("COLUMNS", "100")
    assert "Sam Jones was admitted again. I told him" in cli("list").stdout


# -- QA week 12: drafts --discard takes ID lists --------------------------------------------------


def _three_drafts(cli: CLI) -> None:
    for n in range(3):
        assert cli("write", "--stdin", input=f"Draft words {n}.\x00").exit_code == 1


@pytest.mark.parametrize("given", [["1,2"], ["1-2"], ["1", "--discard", "2"]])
def test_drafts_discard_takes_several_as_delete_does(
    cli: CLI, isolated: Path, given: list[str]
) -> None:
    _three_drafts(cli)
    before = json.loads(cli("drafts", "--json").stdout)
    result = cli("drafts", "--yes", "--discard", *given)
    assert result.exit_code == 0, result.stderr
    assert "Discarded 2 drafts" in said(result)
    left = json.loads(cli("drafts", "--json").stdout)
    assert [d["path"] for d in left] == [before[2]["path"]]


def test_drafts_discard_refuses_a_reversed_range(cli: CLI) -> None:
    result = cli("drafts", "--discard", "3-1")
    assert result.exit_code == 2
    assert "3-1 is not a range of draft numbers: give the lower number first, as in 1-3." \
        in said(result)


# -- QA robust 1 and QA week 4: a draft that cannot be read ---------------------------------------


def _deep_draft(isolated: Path) -> Path:
    folder = isolated / "drafts"
    folder.mkdir(parents=True, exist_ok=True)
    deep = folder / "20261201-100000.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    os.utime(deep, (2_000_000_000, 2_000_000_000))  # the newest
    return deep


def test_a_deeply_nested_draft_is_listed_as_unreadable_and_said_so(
    cli: CLI, isolated: Path
) -> None:
    """Was: exit 70 "Unexpected error (RecursionError)" for `drafts` and `write --resume`."""
    deep = _deep_draft(isolated)
    listed = cli("drafts")
    assert listed.exit_code == 0 and "(cannot be read)" in listed.stdout
    result = cli("write", "--resume")
    assert result.exit_code == 1
    assert f"The draft {deep} is damaged and cannot be continued" in said(result)
    assert "RecursionError" not in result.stderr


def test_an_unreadable_newest_draft_does_not_block_the_others(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    keys("", "Crashed words about Lena.", CTRL_D)
    assert cli("write").exit_code == 1
    deep = _deep_draft(isolated)
    keys("", "", "", "", "", "", "", "y")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    # (the first kept its number from its message, round 47: the damaged one is draft 2)
    assert (f"Draft 2 ({deep}) cannot be continued: it is damaged. It is left as it is. "
            "`peerjournal drafts --discard 2` discards it. Continuing draft 1, the newest "
            "after it.") in said(result)
    assert entries(cli)[0]["experience"] == "Crashed words about Lena."
    assert deep.exists()


GBK_EDITOR = (
    "#!/bin/sh\nprintf '## Experience\\n我们一起去了住房办公室，他很紧张。\\n' | "
    "iconv -f utf-8 -t gbk > \"$1\"\n"
)


def test_an_editor_draft_not_utf8_names_iconv_and_the_ways_out_and_is_passed_over(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    keys: Callable[..., Keys],
) -> None:
    if subprocess.run(["sh", "-c", "command -v iconv"], capture_output=True).returncode:
        pytest.skip("no iconv")
    keys("", "Crashed words about Lena.", CTRL_D)
    assert cli("write").exit_code == 1
    script = tmp_path / "gbk.sh"
    script.write_text(GBK_EDITOR, encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    result = cli("write", "--editor")
    assert result.exit_code == 1
    [md] = (isolated / "drafts").glob("*.md")
    os.utime(md, (2_000_000_000, 2_000_000_000))
    text = said(result)
    assert "it looks like Chinese text in GBK (GB2312)" in text
    assert f"`iconv -f GBK -t UTF-8 {md} > {md}.txt && mv {md}.txt {md}` makes it UTF-8" in text
    assert "`peerjournal drafts --discard 2` discards it" in text  # (the guided one is 1)
    assert "`peerjournal write --resume` continues your other drafts meanwhile." in text
    keys("", "", "", "", "", "", "", "y")
    resumed = cli("write", "--resume")
    assert resumed.exit_code == 0, resumed.stderr
    assert f"Draft 2 ({md}) cannot be continued: it is not UTF-8 text" in said(resumed)
    assert "`peerjournal write --resume --draft 2` opens it in the editor" in said(resumed)
    assert entries(cli)[0]["experience"] == "Crashed words about Lena."
    assert md.exists()


# -- QA robust 2: UTF-16 without a byte order mark ------------------------------------------------


@pytest.mark.parametrize("text", [
    "Visited Zoë at the ward.\n", "今天我陪他去了住房办公室。He spoke up.\n",
])
@pytest.mark.parametrize("order", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_mark_is_read_as_that_for_any_text(
    cli: CLI, isolated: Path, text: str, order: str
) -> None:
    """Was: read as UTF-16 only when all ASCII: "Zo�" kept, and `iconv -f ENCODING`."""
    result = cli("write", "--stdin", input=text.encode(order))
    assert result.exit_code == 1
    name = order.upper().replace("-LE", "LE").replace("-BE", "BE")
    assert f"It was read as {name} to keep it" in said(result)
    assert f"iconv -f {name} -t UTF-8" in said(result) and "ENCODING" not in result.stderr
    [draft] = (isolated / "drafts").glob("*.md")
    assert draft.read_text(encoding="utf-8").strip() == text.strip()


def test_random_bytes_are_not_taken_for_utf16() -> None:
    from peerjournal.cli.editor import utf16_order

    assert utf16_order(bytes(range(256)) * 4) is None
    assert utf16_order("Café olé, à bientôt".encode("cp1252")) is None
    assert utf16_order("我们一起去了住房办公室".encode("gbk")) is None


# -- QA robust 7 and 8: stdout ---------------------------------------------------------------------


def _run(*args: str, stdout: Any, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC, "PEERJOURNAL_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "peerjournal", *args], stdout=stdout,
                          stderr=subprocess.PIPE, text=True, env=env, timeout=60)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", [["list"], ["tags"], ["list", "--json"]])
def test_output_to_a_full_device_names_standard_output(
    add: Callable[..., int], isolated: Path, args: list[str]
) -> None:
    add("We met at the library.", "--tag", "library")
    with open("/dev/full", "w") as full:
        done = _run(*args, stdout=full, home=isolated)
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "peerjournal: Could not write to standard output: No space left on device."
    )


def test_tags_and_drafts_print_in_one_write(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`tags | head -1` exited 0 or 1 at random: a write per line lost the race with the reader
    closing the pipe now and then. One write ends alike every time, as the tables do."""
    import typer

    add("Words.", "--tag", "a,b,c")
    _three_drafts(cli)
    echoed: list[str] = []
    monkeypatch.setattr(typer, "echo", lambda text="", *a, **k: echoed.append(str(text)))
    cli("tags")
    cli("drafts")
    assert len(echoed) == 2
    assert echoed[0].splitlines()[0].startswith("a")
    assert len(echoed[1].splitlines()) == 3
