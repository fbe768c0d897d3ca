"""Round 35, the tired writer's words (fix-writer2):

A. `edit ID -x/-f/-e/--self-care` that replaces text keeps the entry as it was, as a copy
   that `drafts` lists ("replaced in ID"; at a terminal, the writer is told what was replaced
   and where it is kept). It is no unsaved edit: `edit ID` opens the entry as it is (and says
   where the copy is), --fresh keeps it, `write --resume` never continues it, and it never
   blocks the next change made with options.
B. `edit ID --fresh` drops the kept unsaved edit only once the fresh edit is saved.
C. -x/-f/-e words given beside refused piped text: the error says they are not in the draft.
D. A piped entry file (front matter) with a mistyped `##` heading, with -f: refused like
   `write < FILE` (the line of the bad heading), kept.
E. A kept edit of an entry that is gone: `edit ID` names it, `write --resume --draft N`
   saves it as a new entry.
F. `write --resume --draft N` of an older kept edit says `edit ID` continues the newer first.
G. `write --resume` says when the newest draft is open in another terminal.
H. `drafts` with PEERJOURNAL_HOME set to a file fails like every other command (exit 4).
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC
from test_write import entries

OLD = "Walked with Vic to the shop. We talked about her week and the move."
MD_FILE = (
    "---\ndate: 2026-11-05\nsetting: group\ntags: [group, evening]\n---\n"
    "## Experience\nRan the evening group.\n\n## Feelngs\nAnxious, then relieved.\n"
)


def use_editor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: str) -> None:
    """$EDITOR: a Python script, `body`, with `path` the file it is given."""
    script = tmp_path / f"editor{len(list(tmp_path.glob('editor*')))}.py"
    script.write_text("import sys\npath = sys.argv[-1]\n" + textwrap.dedent(body),
                      encoding="utf-8")
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")


def listed(cli: CLI) -> list[dict[str, Any]]:
    result = cli("drafts", "--json")
    assert result.exit_code == 0, result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def shown(cli: CLI, entry_id: int) -> dict[str, Any]:
    result = cli("show", str(entry_id), "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# -- A. options that replace text ----------------------------------------------------------


def test_an_experience_replaced_by_x_is_kept_in_a_copy_that_drafts_lists(
    cli: CLI, add: Any
) -> None:
    """Was: `edit 1 -x "oops"` (meant to add a line) and the experience was gone for good."""
    entry_id = add(OLD, "-f", "Calm.")
    result = cli("edit", str(entry_id), "-x", "oops")
    assert result.exit_code == 0 and result.stdout == "", result.stderr
    # (no terminal: the copy is named too, r35 QA; its path and discard command)
    updated, note = result.stderr.splitlines()
    assert updated == "Updated entry 1." and note.startswith("Replaced the experience (14 words)")
    assert "`peerjournal drafts --discard 1` drops it" in note
    assert shown(cli, entry_id)["experience"] == "oops"
    [row] = listed(cli)
    assert (row["kind"], row["listed_as"], row["entry_id"]) == ("edit", "replaced", entry_id)
    assert row["first_words"].startswith("Walked with Vic")
    assert " replaced in 1  Walked with Vic" in cli("drafts").stdout
    # a change with options after it is not refused as "unsaved changes" in the way
    assert cli("edit", str(entry_id), "-t", "shop").exit_code == 0
    assert OLD in Path(row["path"]).read_text(encoding="utf-8")
    discarded = cli("drafts", "--discard", "1", "--yes")
    assert discarded.exit_code == 0 and "(replaced in 1, started" in discarded.stderr
    assert listed(cli) == [] and not Path(row["path"]).exists()


def _copy_note(row: dict[str, Any]) -> str:
    return (f"The text an option replaced on 2026-11-20 18:30 is kept in {row['path']} "
            f"(draft {row['number']}; `peerjournal drafts --discard {row['number']}` drops it).")


def test_edit_after_x_opens_the_entry_as_it_is_and_says_where_the_old_text_is(
    cli: CLI, add: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: `edit 1` opened the old text (the note behind the editor), and saving it undid
    the -x change without a word; `edit 1 --fresh` deleted the copy."""
    entry_id = add(OLD)
    assert cli("edit", str(entry_id), "-x", "oops").exit_code == 0
    [row] = listed(cli)
    seen = tmp_path / "seen.md"
    use_editor(monkeypatch, tmp_path, f"""\
        text = open(path, encoding="utf-8").read()
        open({str(seen)!r}, "w", encoding="utf-8").write(text)
        open(path, "w", encoding="utf-8").write(text.replace("oops", "oops, then tea."))
    """)
    result = cli("edit", str(entry_id))
    assert result.exit_code == 0, result.stderr
    opened = seen.read_text(encoding="utf-8")
    assert "\noops\n" in opened and "Walked" not in opened
    assert shown(cli, entry_id)["experience"] == "oops, then tea."
    said = " ".join(result.stderr.split())
    assert said.count(_copy_note(row)) == 1 and "Updated entry 1." in said
    assert listed(cli) == [row]
    assert OLD in Path(row["path"]).read_text(encoding="utf-8")
    # closed unchanged: still said; --fresh (in the editor or with options) keeps the copy
    use_editor(monkeypatch, tmp_path, "pass\n")
    unchanged = cli("edit", str(entry_id), "--fresh")
    assert unchanged.exit_code == 0 and _copy_note(row) in " ".join(unchanged.stderr.split())
    assert cli("edit", str(entry_id), "--fresh", "-x", "Tea.").exit_code == 0
    # (the copy kept first keeps its number, 1; the second copy is draft 2 - round 46)
    assert [r["path"] for r in listed(cli)][:1] == [row["path"]] and len(listed(cli)) == 2
    assert OLD in Path(row["path"]).read_text(encoding="utf-8")


def test_resume_never_continues_the_text_an_option_replaced(cli: CLI, add: Any) -> None:
    entry_id = add(OLD)
    assert cli("edit", str(entry_id), "-x", "oops").exit_code == 0
    [row] = listed(cli)
    result = cli("write", "--resume", input="y\n")
    assert result.exit_code == 3, result.stderr
    assert "There is no unfinished draft to resume." in result.stderr
    assert "continues them" not in result.stderr
    chosen = cli("write", "--resume", "--draft", "1", input="y\n")
    assert chosen.exit_code == 1
    said = " ".join(chosen.stderr.split())
    assert ("Draft 1 is entry 1's text as it was before an option replaced it, not a draft "
            f"to continue: copy what you need from {row['path']}") in said
    assert len(entries(cli)) == 1
    assert listed(cli) == [row]


def test_options_that_keep_the_words_or_change_no_text_keep_no_copy(
    cli: CLI, add: Any
) -> None:
    entry_id = add(OLD)
    assert cli("edit", str(entry_id), "-x", OLD + " Then tea.").exit_code == 0  # added to
    assert cli("edit", str(entry_id), "-s", "community", "-t", "x").exit_code == 0
    assert listed(cli) == []


def _on_a_terminal(home: Path, *args: str) -> tuple[int, str]:
    """`peerjournal ARGS` with its stderr on a pseudo-terminal: the exit code, and what it said."""
    controller, terminal = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "peerjournal", *args], stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=terminal,
        env={**os.environ, "PYTHONPATH": SRC, "PEERJOURNAL_HOME": str(home), "COLUMNS": "500"},
    )
    os.close(terminal)
    said = b""
    while True:
        ready, _, _ = select.select([controller], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        said += chunk
    os.close(controller)
    return process.wait(60), " ".join(said.decode().split())


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_at_a_terminal_the_writer_is_told_what_was_replaced(
    cli: CLI, add: Any, isolated: Path
) -> None:
    entry_id = add(OLD, "--self-care", "A walk home.")
    code, said = _on_a_terminal(isolated, "edit", str(entry_id), "-x", "oops",
                                "--self-care", "Tea.")
    assert code == 0, said
    assert (
        "Replaced the experience (14 words) and the self-care note (3 words); the entry as it "
        "was is kept as draft 1, in "
    ) in said
    assert (
        ", to take back what you need (`peerjournal drafts --discard 1` drops it)."
    ) in said
    assert "opens it" not in said


# -- B. edit --fresh ----------------------------------------------------------------------


def _kept_edit(cli: CLI, add: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """An entry with an unsaved edit kept (the editor added words, then failed)."""
    entry_id = add(OLD)
    use_editor(monkeypatch, tmp_path, """\
        text = open(path, encoding="utf-8").read()
        open(path, "w", encoding="utf-8").write(text.replace("the move.", "the move. PRECIOUS."))
        sys.exit(1)
    """)
    result = cli("edit", str(entry_id))
    assert result.exit_code == 1 and "Your edit is kept in" in result.stderr, result.stderr
    return int(entry_id)


@pytest.mark.parametrize("editor", ["sys.exit(1)\n", "pass\n"], ids=["fails", "unchanged"])
def test_edit_fresh_keeps_the_unsaved_edit_until_the_fresh_one_is_saved(
    cli: CLI, add: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, editor: str
) -> None:
    """Was: "Discarded the unsaved changes to entry 6." before the editor ran, and gone."""
    entry_id = _kept_edit(cli, add, tmp_path, monkeypatch)
    use_editor(monkeypatch, tmp_path, editor)
    result = cli("edit", str(entry_id), "--fresh")
    assert "Discarded" not in result.stderr
    [row] = listed(cli)
    assert "PRECIOUS" in Path(row["path"]).read_text(encoding="utf-8")


def test_edit_fresh_drops_the_unsaved_edit_once_the_fresh_edit_is_saved(
    cli: CLI, add: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    entry_id = _kept_edit(cli, add, tmp_path, monkeypatch)
    use_editor(monkeypatch, tmp_path, """\
        text = open(path, encoding="utf-8").read()
        open(path, "w", encoding="utf-8").write(text.replace("the move.", "the move. Fresh."))
    """)
    result = cli("edit", str(entry_id), "--fresh")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"Discarded the unsaved changes to entry {entry_id}.\nUpdated entry {entry_id}.\n"
    )
    assert shown(cli, entry_id)["experience"] == OLD + " Fresh."
    assert listed(cli) == []


# -- C, D. piped text refused -------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "flags"),
    [(["--stdin", "-x", "MY X", "-f", "MY F"], "-x/-f"), (["-e", "MY EVAL"], "-e")],
)
def test_words_given_beside_refused_piped_text_are_named_as_not_in_the_draft(
    cli: CLI, args: list[str], flags: str
) -> None:
    piped = "## Experience\nWe met.\n\n## Feelings\nAnxious.\n" if flags == "-e" else "Plain.\n"
    result = cli("write", *args, input=piped)
    assert result.exit_code == 2
    assert (f"The draft holds the text piped in, not the words given with {flags}: add them "
            "when you continue it. Your words are kept as draft ") in result.stderr
    [row] = listed(cli)
    assert "MY" not in Path(row["path"]).read_text(encoding="utf-8")


def test_an_entry_file_with_a_mistyped_heading_piped_with_f_is_refused_and_kept(
    cli: CLI
) -> None:
    """Was: saved, exit 0, dated today, the front matter and headings as its experience."""
    result = cli("write", "-f", "tired", input=MD_FILE)
    assert result.exit_code == 1
    assert result.stderr.startswith("peerjournal: Line 9: unknown section '## Feelngs'")
    assert "not the words given with -f" in result.stderr
    assert entries(cli) == []
    [row] = listed(cli)
    assert Path(row["path"]).read_text(encoding="utf-8") == MD_FILE


def test_plain_text_with_a_heading_of_its_own_piped_with_f_is_still_the_experience(
    cli: CLI
) -> None:
    piped = "We met.\n\n## Notes\nBring the leaflet.\n"
    result = cli("write", "-f", "tired", input=piped)
    assert result.exit_code == 0, result.stderr
    assert [e["experience"] for e in entries(cli)] == [piped.strip()]


# -- E, F. kept edits whose entry is gone, or not the newest ------------------------------


def _edit_file(home: Path, entry_id: int, created: str, text: str, name: str) -> Path:
    folder = home / "drafts" / "edits"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"entry-{entry_id}-{name}.md"
    path.write_text(
        f"## Experience\n{text}\n\n<!-- peerjournal: unsaved changes to the entry created "
        f"{created} (how they are told from another entry with its ID: leave this line as it "
        "is) -->\n", encoding="utf-8")
    return path


def test_a_kept_edit_of_an_entry_no_longer_there_is_saved_as_a_new_entry(
    cli: CLI, isolated: Path, add: Any
) -> None:
    """Was: `edit 7` "No entry 7", and `write --resume --draft 1` pointed back at `edit 7`."""
    add("Another entry.")
    _edit_file(isolated, 7, "2026-11-01T10:00:00+00:00", "Words typed at 3am.", "20261120-1")
    gone = cli("edit", "7")
    assert gone.exit_code == 3
    assert ("Unsaved changes kept for an entry 7 are draft 1 of `peerjournal drafts`: "
            "`peerjournal write --resume --draft 1` saves them as a new entry.") in gone.stderr
    saved = cli("write", "--resume", "--draft", "1", input="y\n")
    assert saved.exit_code == 0, saved.stderr
    assert "no longer in the journal (nor in the trash)" in saved.stderr
    assert [e["experience"] for e in entries(cli)] == ["Words typed at 3am.", "Another entry."]
    assert listed(cli) == []


def test_a_kept_edit_of_an_entry_in_the_trash_is_not_taken_as_a_new_entry(
    cli: CLI, isolated: Path, add: Any
) -> None:
    entry_id = add(OLD)
    created = shown(cli, entry_id)["created_at"]
    _edit_file(isolated, entry_id, created, "Edited.", "20261120-1")
    assert cli("delete", str(entry_id)).exit_code == 0
    result = cli("write", "--resume", "--draft", "1", input="y\n")
    assert result.exit_code == 1
    assert ("Draft 1 holds unsaved changes to entry 1: `peerjournal restore 1` (the entry is in "
            "the trash), then `peerjournal edit 1`, continues them.") in result.stderr
    assert [row["kind"] for row in listed(cli)] == ["edit"]


def test_an_older_kept_edit_says_the_newer_is_continued_first(
    cli: CLI, isolated: Path, add: Any
) -> None:
    entry_id = add(OLD)
    created = shown(cli, entry_id)["created_at"]
    older = _edit_file(isolated, entry_id, created, "Older.", "20261120-1")
    _edit_file(isolated, entry_id, created, "Newer.", "20261120-2")
    os.utime(older, (1_700_000_000, 1_700_000_000))  # (oldest first: draft 1, round 47)
    result = cli("write", "--resume", "--draft", "1")
    assert result.exit_code == 1
    assert ("Draft 1 holds unsaved changes to entry 1, older than those of draft 2, which "
            "`peerjournal edit 1` continues: once draft 2 is saved there, or discarded "
            "(`peerjournal drafts --discard 2`), `peerjournal edit 1` continues draft 1."
            ) in " ".join(result.stderr.split())


# -- G. the newest draft open in another terminal -----------------------------------------


def test_resume_says_the_newest_draft_is_open_elsewhere(cli: CLI, isolated: Path) -> None:
    from peerjournal.drafts import Draft

    folder = isolated / "drafts"
    folder.mkdir(parents=True)
    older, newest = folder / "kept-20261120-100000.md", folder / "20261120-110000.md"
    older.write_text("## Experience\nOlder draft.\n", encoding="utf-8")
    newest.write_text("## Experience\nNewest open session with Eve.\n", encoding="utf-8")
    os.utime(older, (1_700_000_000, 1_700_000_000))
    other_terminal = Draft(newest)
    assert other_terminal.take()
    try:
        result = cli("write", "--resume", input="y\n")
    finally:
        other_terminal.release()
    assert result.exit_code == 0, result.stderr
    assert ("Your newest draft (“Newest open session with Eve.”) is open in another terminal, "
            "and is left alone there; continuing draft 1, the newest after it."  # (oldest first)
            ) in " ".join(result.stderr.split())
    assert [e["experience"] for e in entries(cli)] == ["Older draft."]


# -- H. PEERJOURNAL_HOME set to a file ----------------------------------------------------


@pytest.mark.parametrize("json_out", [False, True])
def test_drafts_with_a_file_as_home_fails_like_every_command(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, json_out: bool
) -> None:
    """Was: "There are no unfinished drafts." (exit 0): told the drafts were gone."""
    home = tmp_path / "afile"
    home.write_text("", encoding="utf-8")
    monkeypatch.setenv("PEERJOURNAL_HOME", str(home))
    result = cli("drafts", *(["--json"] if json_out else []))
    assert result.exit_code == 4
    assert result.stdout == ""
    assert f"{home} is a file, not a folder" in result.stderr


def test_a_kept_edit_that_is_not_text_names_the_ways_out(
    cli: CLI, isolated: Path, add: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "…is not UTF-8 text … `peerjournal edit 1` continues it", which fails again."""
    entry_id = add(OLD)
    folder = isolated / "drafts" / "edits"
    folder.mkdir(parents=True)
    (folder / "entry-1-20261120-100000.md").write_bytes(b"## Experience\n\xff\xfe\x00bin\n")
    use_editor(monkeypatch, tmp_path, "pass\n")
    result = cli("edit", str(entry_id))
    assert result.exit_code == 1
    assert ("If it cannot be made text, `peerjournal edit 1 --fresh` starts again from the "
            "stored entry, and `peerjournal drafts --discard 1` drops it.") in result.stderr


# -- J. drafts --json says what `drafts` lists ----------------------------------------------


def test_drafts_json_gives_the_kind_drafts_lists(cli: CLI) -> None:
    """Was: `drafts` "quick", `drafts --json` only "kind": "guided" for a kept quick entry."""
    assert cli("write", "-x", "Sat with Jo.", "-d", "2030-01-01").exit_code == 1
    [row] = listed(cli)
    assert (row["kind"], row["listed_as"]) == ("guided", "quick")
    assert " quick " in cli("drafts").stdout


# -- K. drafts' first words ----------------------------------------------------------------


def test_drafts_show_the_words_typed_not_front_matter_nor_a_cut_template(
    cli: CLI, isolated: Path
) -> None:
    """Was: "--- --- Ran the evening group…" and "<!-- peerjournal entry. Text i"."""
    assert cli("write", input=MD_FILE).exit_code == 1  # a typo in a heading: kept
    cut = isolated / "drafts" / "20261120-100000.md"
    cut.write_text("<!-- peerjournal entry. Text i", encoding="utf-8")
    os.utime(cut, (1_700_000_000, 1_700_000_000))
    assert [row["first_words"] for row in listed(cli)] == [
        "Ran the evening group. Anxious, then relieved.", ""]
    # a template an editor cut short holds no words: discarded as empty
    assert cli("drafts", "--discard-empty", "-y").exit_code == 0
    assert [row["first_words"] for row in listed(cli)] == [
        "Ran the evening group. Anxious, then relieved."]


# -- L. no `code --wait` hint for an editor given --wait --------------------------------------


@pytest.mark.parametrize("editor", ["true --wait", "true -w", "true"])
def test_no_wait_hint_for_an_editor_that_is_told_to_wait(
    cli: CLI, add: Any, monkeypatch: pytest.MonkeyPatch, editor: str
) -> None:
    entry_id = add(OLD)
    monkeypatch.setenv("EDITOR", editor)
    result = cli("edit", str(entry_id))
    assert result.exit_code == 0
    hinted = 'e.g. EDITOR="code --wait".' in result.stderr
    assert hinted == (editor == "true"), result.stderr


# -- I. an answer piped in to "Save this entry?" ---------------------------------------------


def test_a_piped_answer_ends_the_prompt_line_and_no_typing_hints_are_given(cli: CLI) -> None:
    """Was: "Save this entry? [Y/n] Drift: …" on one line, and "saved as you type … (q alone
    on a line stops for now)" though nobody types."""
    assert cli("write", "-x", "Again, with Mo.", "-p", "nosuch").exit_code == 3
    result = cli("write", "--resume", input="y\n")
    assert result.exit_code == 0, result.stderr
    assert "Save this entry? [Y/n] \n" in result.stderr
    assert "saved as you type" not in result.stderr and "q alone" not in result.stderr


# -- M. a yes or no typed one prompt early ---------------------------------------------------


TO_TAGS = ["", "We sat.", "", "", "", "", ""]  # (as test_guided_r31's)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (["yes", "", "y", "", "y"], ([], "")),  # asked: Enter skips; y at self-care: y skips
        (["no", "n", "n", "n", "y"], (["no"], "n")),  # n keeps them as typed
        (["ward", "Tea.", "y"], (["ward"], "Tea.")),  # not asked
    ],
    ids=["skipped", "kept", "words"],
)
def test_a_bare_yes_or_no_at_tags_or_self_care_is_asked_about(
    cli: CLI, keys: Any, typed: list[str], expected: tuple[list[str], str]
) -> None:
    """Was: `Tags yes` and `Self-care y` stored without a word."""
    keys(*TO_TAGS, *typed)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert (entry["tags"], entry["self_care"]) == expected
    asked = "reads like an answer to 'Save this entry?', which comes next: skip the"
    assert (asked in result.stderr) == (typed[0] in ("yes", "no"))


# -- N. -s and -t over a piped file's own ----------------------------------------------------


def test_options_that_replace_a_piped_files_setting_and_tags_say_so(cli: CLI) -> None:
    """Was: `write -t clitag -s ward < file` dropped "group" and "evening" without a word."""
    good = MD_FILE.replace("## Feelngs", "## Feelings")
    result = cli("write", "-t", "clitag", "-s", "ward", input=good)
    assert result.exit_code == 0, result.stderr
    assert ("The options given replace the file's own setting 'group' (-s) and tags evening, "
            "group (-t).") in result.stderr
    [entry] = entries(cli)
    assert (entry["setting"], entry["tags"]) == ("ward", ["clitag"])
    same = cli("write", "-t", "evening,group", input=good)
    assert same.exit_code == 0 and "replace the file's own" not in same.stderr


def test_resume_with_no_draft_names_a_kept_edit_of_an_entry_no_longer_there(
    cli: CLI, isolated: Path
) -> None:
    _edit_file(isolated, 7, "2026-11-01T10:00:00+00:00", "Words typed at 3am.", "20261120-1")
    result = cli("write", "--resume", input="y\n")
    assert result.exit_code == 3
    assert ("There is no unfinished draft to resume. Unsaved changes to an entry 7 no longer in "
            "the journal are draft 1: `peerjournal write --resume --draft 1` saves them as a new "
            "entry.") in " ".join(result.stderr.split())
