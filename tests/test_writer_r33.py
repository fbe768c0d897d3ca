"""Round 32: confirmations read yes and no as the guided write does, and a prompt set that is
not a file.

1. `AppContext.confirm` (trash --empty, drafts --discard, supervision remove, export) takes a
   clear yes as `guided.yes_or_no_reply` reads one ("Yes!", "yes please"); a slip at y or n
   ("ues", "hmm") is asked again; anything else ("no thanks", "cancel", Enter, other words,
   end of input) is no, and Ctrl-C is an interrupt (exit 130).
2. A named pipe (or a folder) called *.toml in the prompts folder is named as not a prompt
   set, at once: `prompts list` waited on it for ever.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, CTRL_C, Keys

YES = ["y", "Yes!", "yes please", "YES", "yes, go ahead"]
NOT_YES = ["", "n", "no thanks", "not yet", "cancel", "yes delete the lot", "I think so"]


def _trashed(cli: CLI) -> list[int]:
    return [e["id"] for e in json.loads(cli("trash", "--json").stdout)]


@pytest.fixture
def trashed(cli: CLI) -> int:
    """An entry in the trash (for `trash --empty` to ask about)."""
    entry = int(cli("write", "--experience", "Sat with Sam at the drop-in.").stdout)
    assert cli("delete", str(entry)).exit_code == 0
    return entry


@pytest.mark.parametrize("reply", YES)
def test_a_clear_yes_empties_the_trash(cli: CLI, trashed: int, reply: str) -> None:
    result = cli("trash", "--empty", input=f"{reply}\n")
    assert result.exit_code == 0, result.stderr
    assert "Destroy 1 entry for good? [y/N]" in result.stderr
    assert "Destroyed 1 entry." in result.stderr
    assert _trashed(cli) == []


@pytest.mark.parametrize("reply", NOT_YES)
def test_anything_else_destroys_nothing(cli: CLI, trashed: int, reply: str) -> None:
    result = cli("trash", "--empty", input=f"{reply}\n")
    assert result.exit_code == 1
    assert "\nNothing destroyed." in result.stderr
    assert "Please answer" not in result.stderr  # a no, not a slip: not asked again
    assert _trashed(cli) == [trashed]


def test_a_slip_at_yes_is_asked_again(cli: CLI, trashed: int) -> None:
    result = cli("trash", "--empty", input="ues\ny\n")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("for good? [y/N]") == 2
    assert "Please answer y or n." in result.stderr
    assert _trashed(cli) == []


@pytest.mark.parametrize("script", ["hmm\n", "yesss\n", "ok\nnop\n"])
def test_a_hesitation_then_no_answer_is_no(cli: CLI, trashed: int, script: str) -> None:
    result = cli("trash", "--empty", input=script)
    assert result.exit_code == 1
    assert result.stderr.count("Please answer y or n.") == script.count("\n")
    assert "\nNothing destroyed." in result.stderr
    assert _trashed(cli) == [trashed]


@pytest.mark.parametrize(
    "reply", ["yes not yet", "y not", "yes do not", "yes, keep it", "yes save it", "yes as a draft"]
)
def test_a_yes_taken_back_is_asked_again_never_a_yes(cli: CLI, trashed: int, reply: str) -> None:
    result = cli("trash", "--empty", input=f"{reply}\n")
    assert result.exit_code == 1
    assert result.stderr.count("Please answer y or n.") == 1
    assert "\nNothing destroyed." in result.stderr
    assert _trashed(cli) == [trashed]


def test_ctrl_c_at_the_question_destroys_nothing(
    cli: CLI, trashed: int, keys: Callable[..., Keys]
) -> None:
    keys("hmm", CTRL_C)
    result = cli("trash", "--empty")
    assert result.exit_code == 130
    assert result.stderr.rstrip().endswith("Interrupted.")
    assert _trashed(cli) == [trashed]


def test_supervision_undo_takes_yes_please(cli: CLI) -> None:
    assert cli("supervision", "done", "--note", "Talked about boundaries.").exit_code == 0
    kept = cli("supervision", "undo", input="not yet\n")
    assert kept.exit_code == 1 and "\nNothing removed." in kept.stderr
    assert cli("supervision", "prep", "--json").stdout.count("Talked about boundaries.") == 1
    removed = cli("supervision", "undo", input="Yes please!\n")
    assert removed.exit_code == 0, removed.stderr
    assert "Talked about boundaries." not in cli("supervision", "prep", "--json").stdout


def test_export_writes_on_yes_only(cli: CLI, tmp_path: Path) -> None:
    cli("write", "--experience", "Sat with a caller about their week.")
    out = tmp_path / "summary.md"
    declined = cli("export", "-o", str(out), input="no thanks\n")
    assert declined.exit_code == 1 and not out.exists()
    written = cli("export", "-o", str(out), input="Yes!\n")
    assert written.exit_code == 0, written.stderr
    assert out.read_text(encoding="utf-8").startswith("# Reflective-practice summary")


@pytest.mark.skipif(sys.platform == "win32", reason="no named pipes")
def test_a_named_pipe_in_the_prompts_folder_is_named_not_waited_on(
    cli: CLI, isolated: Path
) -> None:
    prompts = isolated / "prompts"
    prompts.mkdir(parents=True)
    os.mkfifo(prompts / "pipe.toml")  # opened for reading, it would wait for a writer
    (prompts / "folder.toml").mkdir()
    listed = cli("prompts", "list")
    assert listed.exit_code == 0
    assert "boud" in listed.stdout and "pipe" not in listed.stdout
    for name in ("pipe.toml", "folder.toml"):
        assert (
            f"Prompt set not usable: {prompts / name}: cannot read prompt set: it is not a file "
            "(a folder, a named pipe or a device)"
        ) in listed.stderr
    shown = cli("prompts", "show", "pipe")
    assert shown.exit_code == 1
    assert shown.stderr.startswith(f"peerjournal: {prompts / 'pipe.toml'}: cannot read")
    chosen = cli("write", "--prompts", "pipe", "--experience", "A short visit.")
    assert chosen.exit_code == 1 and "pipe.toml: cannot read prompt set" in chosen.stderr
    assert json.loads(cli("list", "--json").stdout) == []


# -- without a terminal, a no says how to go ahead: --yes -------------------------------------


def _draft(isolated: Path) -> Path:
    folder = isolated / "drafts"
    folder.mkdir(parents=True)
    draft = folder / "20261120-120000.json"
    entry = {"date": "2026-11-20", "experience": "We walked to the shop.", "prompt_set": "boud"}
    draft.write_text(json.dumps({"entry": entry, "done": []}), encoding="utf-8")
    return draft


@pytest.mark.parametrize("piped", [None, "\n", "n\n"])
def test_discarding_a_draft_without_a_terminal_names_yes(
    cli: CLI, isolated: Path, piped: str | None
) -> None:
    draft = _draft(isolated)
    refused = cli("drafts", "--discard", "1", input=piped)
    assert refused.exit_code == 1
    assert refused.stderr.rstrip().endswith(
        "Nothing discarded. Add --yes to discard without the question."
    )
    assert draft.exists()
    done = cli("drafts", "--discard", "1", "--yes")
    assert done.exit_code == 0 and "Discarded draft 1 (" in done.stderr
    assert not draft.exists()


def test_a_no_at_a_terminal_needs_no_hint(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    draft = _draft(isolated)
    keys("no thanks")
    refused = cli("drafts", "--discard", "1")
    assert refused.exit_code == 1 and refused.stderr.rstrip().endswith("Nothing discarded.")
    assert draft.exists()


def test_emptying_the_trash_without_a_terminal_names_yes(cli: CLI, trashed: int) -> None:
    refused = cli("trash", "--empty", input="")
    assert refused.stderr.rstrip().endswith(
        "Nothing destroyed. Add --yes to empty the trash without the question."
    )
    assert _trashed(cli) == [trashed]


# -- a backup's people: the notes say what was done --------------------------------------------


def test_restored_people_notes_say_they_were_added(cli: CLI, tmp_path: Path) -> None:
    assert cli("people", "add", "Alex Brown", "--alias", "friend of Kim").exit_code == 0
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps({"schema": "peerjournal.backup/1", "entries": [], "people": [
        {"name": "Kim", "alias": None, "created_at": "2026-01-01T00:00:00+00:00"},
        {"name": "Lee Park", "alias": "Lee P", "created_at": "2026-01-01T00:00:00+00:00"},
    ]}), encoding="utf-8")
    result = cli("import", str(backup))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[1:] == [
        "Note: Added Kim, whose name is in Alex Brown's alias 'friend of Kim': change that "
        "alias (`peerjournal people add NAME --alias TEXT`).",
        "Note: Added Lee Park without the alias 'Lee P' (it contains part of the name Lee "
        "Park, so it would not hide it): exports show [person] for Lee Park.",
    ]
    listed = json.loads(cli("people", "list", "--json").stdout)
    assert [(p["name"], p["alias"]) for p in listed] == [
        ("Alex Brown", "friend of Kim"), ("Kim", None), ("Lee Park", None)
    ]
