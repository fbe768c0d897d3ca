"""A message wrapped for the terminal never breaks a `command` the reader copies (QA: at 80
columns "`peerjournal write --resume --draft`" ended one line and "`1`" began the next)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import CLI
from peerjournal.textsafe import on_screen

KEPT = (
    "Interrupted. Nothing was saved to the journal. Your words are kept as draft 1: "
    "`peerjournal write --resume --draft 1`."
)


@pytest.mark.parametrize("columns", [40, 50, 60, 80, 100])
def test_a_command_in_backquotes_stays_on_one_line(
    monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    shown = on_screen(KEPT, terminal=True)
    [line] = [line for line in shown.splitlines() if "`" in line]
    assert "`peerjournal write --resume --draft 1`" in line
    assert shown.split() == KEPT.split()  # no word lost, added or cut


def test_off_a_terminal_a_message_is_as_written() -> None:
    assert on_screen(KEPT, terminal=False) == KEPT


words = st.text(alphabet="abcdefghij", min_size=1, max_size=12)


@given(
    before=st.lists(words, max_size=20),
    command=st.lists(words, min_size=1, max_size=6),
    after=st.lists(words, max_size=20),
    columns=st.integers(min_value=20, max_value=120),
)
def test_every_line_holds_whole_commands(
    before: list[str], command: list[str], after: list[str], columns: int
) -> None:
    message = " ".join([*before, "`" + " ".join(command) + "`", *after])
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COLUMNS", str(columns))
        shown = on_screen(message, terminal=True)
    assert all(line.count("`") % 2 == 0 for line in shown.splitlines())
    assert shown.split() == message.split()


# -- q at a [y/N] question is a no, as it stops the self-check (QA: "Please answer y or n.") --


@pytest.mark.parametrize("reply", ["q", "Q", "quit", " stop "])
def test_q_at_a_yes_no_question_is_a_no_at_once(cli: CLI, add: object, reply: str) -> None:
    entry = add()  # type: ignore[operator]
    cli("delete", str(entry))
    result = cli("trash", "--empty", input=f"{reply}\ny\n")  # the "y" would empty it if asked again
    assert result.exit_code == 1
    assert "Please answer y or n." not in result.stderr and "Nothing destroyed" in result.stderr
    assert str(entry) in cli("trash").stdout  # still in the trash
