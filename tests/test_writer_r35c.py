"""Round 35, words a writer typed that were counted as none, or put in the wrong place (fix-q2a):

A. Words typed after a comment the writer left open at the end of the editor template (the
   last `-->` backspaced over) count as typed: the draft is kept and listed by them, and
   `drafts --discard-empty` leaves it. A template an editor cut short, with nothing typed,
   is still empty.
B. At "skip the self-care note? [Y/n]", words typed there and then y keep those words.
C. At "skip the tags? [Y/n]", the tags typed there are the tags (not added to the evaluation).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from test_guided_r31 import ctrl_c_after, kept
from test_write import entries
from test_writer_r35b import TO_TAGS, listed, use_editor

WORDS = "Ana told me about her son's relapse and I froze. Went for a walk after."


# -- A. a comment left open at the end of the template ------------------------------------


@pytest.mark.parametrize("status", [0, 1], ids=["saved", "editor-failed"])
def test_words_typed_after_an_open_comment_are_kept_and_not_discarded_as_empty(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, status: int
) -> None:
    """Was: listed as (empty) and removed by --discard-empty (exit 0), or deleted (exit 1)."""
    use_editor(monkeypatch, tmp_path, f"""\
        text = open(path, encoding="utf-8").read()
        text = text[:text.rindex("-->")] + "\\n" + {WORDS!r} + "\\n"
        open(path, "w", encoding="utf-8").write(text)
        raise SystemExit({status})
    """)
    result = cli("write", "--editor")
    assert result.exit_code == 1
    said = "editor exited with status 1" if status else "The experience is empty"
    assert said in result.stderr, result.stderr
    assert "Your words are kept as draft " in result.stderr, result.stderr
    [row] = listed(cli)
    assert row["first_words"] == "Ana told me about her son's relapse and I froze.…"
    kept = Path(row["path"])
    assert cli("drafts", "--discard-empty", "-y").exit_code == 0
    assert WORDS in kept.read_text(encoding="utf-8")
    assert [r["path"] for r in listed(cli)] == [row["path"]]


def test_a_template_cut_short_inside_a_comment_with_nothing_typed_is_still_empty(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_editor(monkeypatch, tmp_path, """\
        text = open(path, encoding="utf-8").read()
        open(path, "w", encoding="utf-8").write(text[:text.rindex("-->") - 12])
    """)
    assert cli("write", "--editor").exit_code == 1  # the experience is empty
    [row] = listed(cli)
    assert row["first_words"] == ""
    assert cli("drafts", "--discard-empty", "-y").exit_code == 0
    assert listed(cli) == []


# -- B. words added at "skip the self-care note?" ----------------------------------------


@pytest.mark.parametrize(
    ("answer", "note"), [("y", "Walked home"), ("n", "yes Walked home")], ids=["skip", "keep"]
)
def test_words_added_at_the_self_care_question_are_kept_whatever_the_answer(
    cli: CLI, keys: Any, answer: str, note: str
) -> None:
    """Was: "added to the end of your self-care note", then y emptied the note (n too)."""
    keys(*TO_TAGS, "", "yes", "Walked home", answer, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "added to the end of your self-care note" in result.stderr
    [entry] = entries(cli)
    assert (entry["self_care"], entry["tags"]) == (note, [])


# -- C. the tags typed at "skip the tags?" -----------------------------------------------


def test_tags_typed_at_the_skip_the_tags_question_are_the_tags(cli: CLI, keys: Any) -> None:
    """Was: "group, evening" added to the end of the evaluation (text that can be shared)."""
    keys(*TO_TAGS, "yes", "group, evening", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "skip the tags? [Y/n]" in result.stderr
    [entry] = entries(cli)
    assert sorted(entry["tags"]) == ["evening", "group"]
    assert (entry["evaluation"], entry["self_care"]) == ("", "")


def test_a_sentence_at_the_skip_the_tags_question_is_asked_about_as_at_tags(
    cli: CLI, keys: Any
) -> None:
    keys(*TO_TAGS, "yes", "Next time I will let him lead.", "y", "ward", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "That reads like a sentence, not tags" in result.stderr
    [entry] = entries(cli)
    assert (entry["tags"], entry["evaluation"]) == (["ward"], "Next time I will let him lead.")


def test_a_line_ctrl_c_cuts_off_at_the_skip_the_tags_question_is_kept_as_the_tags(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None, keys: Any
) -> None:
    with monkeypatch.context() as patched:
        ctrl_c_after(patched, [*TO_TAGS, "yes"], "group, eve")
        result = cli("write")
    assert result.exit_code == 130
    data = kept(isolated)
    assert data["tags_line"] == "group, eve" and data["entry"]["evaluation"] == ""
    keys("group, evening", "", "y")  # resumed: typed in place of the line kept
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert "Tags (continuing your draft:)\ngroup, eve\n" in result.stderr
    [entry] = entries(cli)
    assert sorted(entry["tags"]) == ["evening", "group"]
