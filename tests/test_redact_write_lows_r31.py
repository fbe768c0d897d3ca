"""Round 31: low-severity fixes in redaction, `write` and guided prompts.

1. With May Chen (or Mary, or Margaret: May is a short form of both) listed, the month May in a
   date ("on 3 May", "in May", "May 2026", "early May") stays, where it was "[person]"; "May
   rang me" and "I met May" are still replaced. The preview flags "in May" (it could be her),
   not "on 3 May";
2. "Precious" (a name that is also an adjective) is flagged when a person's verb follows it,
   as Hope and Grace are, and not in "Precious time";
3. `write` tells an entry printed to the terminal (no draft could be kept) by a flag on the
   error, not by the words of its message;
4. without readline, a resumed self-care line that was cut mid-word is joined without a space.
"""

from __future__ import annotations

import errno
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from test_redaction_r30 import _checked, _export, _people

Add = Callable[..., int]








# -- 1. the month May ---------------------------------------------------------------------------

DATES = "We met on 3 May. In May it rained. May 2026 was busy. By early May it was calm."


@pytest.mark.parametrize("listed", ["May Chen", "Mary", "Margaret", "May"])
def test_the_month_may_in_a_date_stays(
    cli: CLI, add: Add, tmp_path: Path, listed: str
) -> None:
    """Was: "We met on 3 [person]. In [person] it rained. [person] 2026 was busy." """
    _people(cli, listed)
    add(f"{DATES} May rang me. I met May. Since May told me, fine. In May's room.", "--share")
    _, text = _export(cli, tmp_path)
    assert (f"{DATES} [person] rang me. I met [person]. Since [person] told me, fine. In "
            "[person]'s room.") in text


def test_a_month_that_could_be_her_is_flagged_a_date_is_not(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    _people(cli, "May Chen")
    add("We met on 3 May. May 2026 was busy. It rained in early May.", "--share")
    result, text = _export(cli, tmp_path)
    assert "We met on 3 May. May 2026 was busy. It rained in early May." in text
    assert _checked(result.stderr) == []
    add("I confided in May.", "--share")
    result, text = _export(cli, tmp_path)
    assert "I confided in May." in text
    assert "May (4, like a listed name)" in _checked(result.stderr)


def test_people_add_says_the_month_stays(cli: CLI) -> None:
    chen, mary, may = _people(cli, "May Chen", "Mary", "May")
    assert "and not as the month in a date ('on 3 May', 'in May')" in " ".join(chen.split())
    assert "May not as the month in a date" in " ".join(mary.split())
    assert "the word, or the month in a date (" in " ".join(may.split())
    assert "'on 3 May')" in " ".join(may.split())


def test_june_listed_keeps_the_month_too_but_jan_is_replaced(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """June is a word (a month) as well as a name; "Jan" is a name, so a listed Jan goes even
    from "3 Jan": a listed name that is no word is replaced wherever it is."""
    _people(cli, "June Okafor", "Jan Novak")
    add("By 30 June the plan was done. June rang. In June I rested. Jan rang on 3 Jan.",
        "--share")
    _, text = _export(cli, tmp_path)
    assert ("By 30 June the plan was done. [person] rang. In June I rested. [person] rang on 3 "
            "[person].") in text


# -- 2. Precious --------------------------------------------------------------------------------


def test_precious_used_as_a_name_is_flagged(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Was: not flagged: a word ending "-ous" was read as an adjective wherever it opened a
    sentence, though "Precious rang" can only be someone."""
    add("Precious rang. Precious time with the group. Hope was upset.", "--share")
    result, _ = _export(cli, tmp_path)
    assert _checked(result.stderr) == ["Precious (2)", "Hope"]  # (each word counted whole)
    add("I met Precious. Precious and I walked.", "--share")
    result, _ = _export(cli, tmp_path)
    assert "Precious (4)" in _checked(result.stderr)


def test_precious_as_the_word_is_not_flagged(cli: CLI, add: Add, tmp_path: Path) -> None:
    add("Precious little sleep. Precious moments with my kids.", "--share")
    result, _ = _export(cli, tmp_path)
    assert "Precious" not in " ".join(_checked(result.stderr))


def test_precious_listed_is_replaced_only_capitalised(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    (said,) = _people(cli, "Precious Moyo")
    assert "'Precious' on its own is also an English word" in " ".join(said.split())
    add("Precious rang about her precious dog.", "--share")
    _, text = _export(cli, tmp_path)
    assert "[person] rang about her precious dog." in text


# -- 3. an entry printed on stdout: known by the error, not its words ---------------------------


def test_a_printed_entry_is_known_however_its_message_is_worded(
    cli: CLI, isolated: Path, keys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: `write` looked for "so your entry is printed on stdout" in the message: reworded,
    it would have sent the writer to `write --resume` for a draft lacking the last line."""
    from conftest import CTRL_C
    from peerjournal import drafts as drafts_module
    from peerjournal.cli import guided
    from test_editor_drafts_r29 import drafts, said

    real_save, real_printed = guided.save_json, drafts_module.text_printed
    calls: list[object] = []

    def filling(*args: Any, **kwargs: Any) -> None:
        calls.append(args)
        if len(calls) > 1:  # the disk is full after the first line is saved
            raise OSError(errno.ENOSPC, "No space left on device")
        real_save(*args, **kwargs)

    def reworded(*args: Any, **kwargs: Any) -> Any:
        failed = real_printed(*args, **kwargs)
        failed.message = failed.message.replace(
            "so your entry is printed on stdout", "so the entry is shown above"
        )
        return failed

    monkeypatch.setattr(guided, "save_json", filling)
    monkeypatch.setattr(drafts_module, "text_printed", reworded)
    keys("", "First line saved.", "Second line on a full disk.", CTRL_C)
    result = cli("write")
    assert result.exit_code == 130
    [draft] = drafts(isolated)
    assert json.loads(draft.read_text("utf-8"))["entry"]["experience"] == "First line saved."
    assert "First line saved.\nSecond line on a full disk." in result.stdout
    message = said(result)
    assert "so the entry is shown above" in message
    assert "Your text is kept in" not in message and "--resume" not in message
    assert message.endswith(
        f"The draft {draft} holds your text only up to the last line that could be saved."
    )


# -- 4. a self-care line cut mid-word, resumed without readline ---------------------------------


def _cut_self_care(cli: CLI, monkeypatch: pytest.MonkeyPatch, on_the_line: str) -> None:
    """A guided write that Ctrl-C stops with `on_the_line` typed at "Self-care:"."""
    from peerjournal.cli import guided

    script = iter(["We filled in the form.", "", "", "", "", "", None])

    def read(self: guided.LineReader, prompt: str, show: Any) -> str:
        line = next(script)
        if line is None:
            self.interrupted = on_the_line
            raise KeyboardInterrupt
        return line

    with monkeypatch.context() as patch:
        patch.setattr(guided.LineReader, "read", read)
        assert cli("write", "-s", "housing", "-t", "forms").exit_code == 130


@pytest.mark.parametrize(
    ("on_the_line", "typed", "saved"),
    [
        ("Walk ho", "me", "Walk home"),  # cut mid-word: carried on
        ("Walk ", "home", "Walk home"),  # a word had ended: after a space
        ("Walk ho", " me", "Walk ho me"),  # a space typed first begins a new word
        ("Walk ho", "", "Walk ho"),  # Enter keeps it
    ],
)
def test_a_self_care_line_cut_mid_word_is_carried_on_without_readline(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None,
    on_the_line: str, typed: str, saved: str,
) -> None:
    """Was: "Walk ho" and "me" saved as "Walk ho me"."""
    _cut_self_care(cli, monkeypatch, on_the_line)
    answers = iter([typed, "y"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    shown = on_the_line.strip()
    assert f"Self-care (continuing your draft:)\n{shown}\n" in result.stderr
    mid_word = "(Enter keeps it; what you type carries it on where it was cut off, so start"
    assert (mid_word in " ".join(result.stderr.split())) is (on_the_line == "Walk ho")
    entry = json.loads(cli("show", "1", "--json").stdout)
    assert entry["self_care"] == saved


def test_cut_twice_the_line_still_knows_where_it_was_cut(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    """Resumed without readline, "Walk ho" carried on with "me by the " and cut again: then
    "river" is a new word."""
    from peerjournal.cli import guided

    _cut_self_care(cli, monkeypatch, "Walk ho")

    def cut_again(self: guided.LineReader, prompt: str, show: Any) -> str:
        self.interrupted = "me by the "
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(guided.LineReader, "read", cut_again)
        assert cli("write", "--resume").exit_code == 130
    answers = iter(["river", "y"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert "Self-care (continuing your draft:)\nWalk home by the\n" in result.stderr
    assert json.loads(cli("show", "1", "--json").stdout)["self_care"] == "Walk home by the river"
