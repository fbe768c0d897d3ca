"""Round 44, access: a blind peer supporter (screen reader, 40-cell braille display; NO_COLOR,
sometimes TERM=dumb or Emacs' shell) and a colleague with dyslexia (50 columns). Meaning is
never carried by a mark alone, at a colour terminal too, and no word is cut: `people list`'s
header whole, the report's Dimensions in words beneath the marks, `--help` readable at 40 and
50 columns, `supervision history` and prep in words ("none", "5 to 1"), the drift key's two
italic kinds told apart, TERM=emacs plain as TERM=dumb is."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CLI
from peerjournal.cli import app
from test_r43_access import ANSI, BLOCKS, SRC, Add, ok, two_check_ins


def styled_out(cli: CLI, *args: str) -> str:
    return ANSI.sub("", ok(cli(*args)).stdout)


# -- people list: the header whole, or a line each ---------------------------------------------


@pytest.mark.parametrize("columns", [40, 50])
def test_people_list_at_a_narrow_terminal_is_a_line_each_with_names_whole(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, colour_terminal: None, columns: int
) -> None:
    """Was, at 40 columns: the header split ("Shown in" / "Name exports as Added") and a name
    cut to "Mensah-Abab…"."""
    ok(cli("people", "add", "Kofi Mensah-Ababio"))
    ok(cli("people", "add", "Dee", "--alias", "D (a person I support)"))
    monkeypatch.setenv("COLUMNS", str(columns))
    out = styled_out(cli, "people", "list")
    words = " ".join(out.split())
    assert "Kofi Mensah-Ababio, shown as [person] (added 2026-" in words
    assert "Dee, shown as D (a person I support) (added 2026-" in words
    assert "…" not in out and "Shown in" not in out
    assert all(len(line) <= columns for line in out.splitlines())


def test_people_list_with_room_is_a_table_with_its_header_on_one_line(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, colour_terminal: None
) -> None:
    ok(cli("people", "add", "Kofi Mensah-Ababio"))
    monkeypatch.setenv("COLUMNS", "60")
    lines = styled_out(cli, "people", "list").splitlines()
    assert lines[0].split() == ["Name", "Shown", "in", "exports", "as", "Added"]
    assert "Kofi Mensah-Ababio" in lines[2]


# -- report: the Dimensions' marks, and the same in words beneath ------------------------------


def _weeks(cli: CLI) -> None:
    """Five weeks of entries long enough for trend words (300 scored words each half)."""
    for day, text in (("2026-10-20", "I told him he should take his meds."),
                      ("2026-10-28", "I shared my own story and we laughed."),
                      ("2026-11-04", "I told her to comply with the treatment plan."),
                      ("2026-11-12", "We sat together; I shared my story of recovery."),
                      ("2026-11-18", "I shared my own story; she chose what to do next."),
                      ("2026-11-19", "I shared my own story with him.")):
        ok(cli("write", "-x", " ".join([text] * 30), "--date", day))


def _dimensions(out: str) -> str:
    return out.split("\nDimensions", 1)[1].split("\nWhat changed", 1)[0]


def test_report_at_a_colour_terminal_says_its_dimensions_in_words_too(
    cli: CLI, colour_terminal: None
) -> None:
    """Was: sparklines alone, read out "lower one eighth block, full block…"."""
    _weeks(cli)
    dims = _dimensions(styled_out(cli, "report"))
    assert BLOCKS & set(dims)  # the marks are kept for the sighted
    assert "In words, per 100 words over these weeks" in dims
    story = next(line for line in dims.splitlines() if line.startswith("Recovery story: "))
    assert re.fullmatch(r"Recovery story: identity \d+\.\d\d \w+, drift \d+\.\d\d \w+", story)


def test_report_words_at_40_columns_keep_each_number_with_its_name(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: "Mutuality: identity 1.19 rising, drift" / "0.10 steady"."""
    _weeks(cli)
    monkeypatch.setenv("COLUMNS", "40")
    lines = _dimensions(ok(cli("report")).stdout).splitlines()
    at = lines.index("Recovery story:")
    assert re.fullmatch(r"  identity \d+\.\d\d \w+,", lines[at + 1]), lines[at:at + 3]
    assert re.fullmatch(r"  drift \d+\.\d\d \w+", lines[at + 2]), lines[at:at + 3]
    assert all(len(line) <= 40 for line in lines)


# -- --help at 40 and 50 columns ----------------------------------------------------------------

HELPS = [[], ["write"], ["edit"], ["report"], ["export"], ["review"], ["drift"],
         ["supervision", "check"], ["people", "add"]]


def helped(*args: str, width: int) -> str:
    """The help as Click formats it `width` wide (a terminal's columns less 2, as
    `widths.help_width` gives it)."""
    result = CliRunner().invoke(app, [*args, "--help"], terminal_width=width)
    assert result.exit_code == 0, args
    return result.stdout


@pytest.mark.parametrize("columns", [40, 50])
@pytest.mark.parametrize("args", HELPS)
def test_help_at_a_narrow_terminal_breaks_no_word(args: list[str], columns: int) -> None:
    """Was: "self_worth, c / linical_langu / age", "--self- / care", "year-month- / day",
    "peerjournal- / backup-DATE.json", and examples wider than the terminal."""
    wide = set(helped(*args, width=78).split())
    out = helped(*args, width=columns - 2)
    assert all(len(line) <= columns - 2 for line in out.splitlines()), args
    # (a folded example ends its lines in " \\", to paste as one command: fix_access2)
    assert set(out.split()) - {"\\"} <= wide, set(out.split()) - wide


def test_report_help_at_40_columns_puts_each_option_s_text_under_it() -> None:
    lines = helped("report", width=38).splitlines()
    assert lines[0] == "Usage: peerjournal report [OPTIONS]"
    at = lines.index("  -d, --dimension DIM")
    assert lines[at + 1] == "      Show one drift dimension in"
    assert "      clinical_language, advice," in lines[at + 1:at + 8]


def test_help_with_room_keeps_options_and_their_text_side_by_side() -> None:
    lines = helped("report", width=78).splitlines()
    beside = "  -d, --dimension DIM    Show one drift dimension"
    assert any(line.startswith(beside) for line in lines)
    out = helped(width=48)  # the commands' short lines leave room beside them at 50
    assert "  write        Write a journal entry." in out.splitlines()


def test_help_from_the_cache_follows_the_terminal_s_width(tmp_path: Path) -> None:
    """`peerjournal --help` is answered from the text saved last time: one saved at 80
    columns is not given at 40, nor the 40-column one back at 80."""
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "PYTHONPATH": SRC, "PEERJOURNAL_HOME": str(home)}

    def run(columns: int) -> str:
        return subprocess.run([sys.executable, "-m", "peerjournal", "--help"], check=True,
                              env={**env, "COLUMNS": str(columns)}, capture_output=True,
                              text=True).stdout

    first = {columns: run(columns) for columns in (80, 40)}
    assert "  --db PATH\n      Journal file to use." in first[40]
    assert "  --db PATH       Journal file to use.  [env var: PEERJOURNAL_DB]" in first[80]
    assert run(80) == first[80] and run(40) == first[40]


# -- supervision history and prep: words, not marks ----------------------------------------------


def test_history_at_a_colour_terminal_says_none_and_to() -> None:
    """Was: "3 – 1" (read as a range) for an item not answered, and "5 → 1"."""
    from datetime import UTC, datetime

    from rich.console import Console

    from peerjournal.render.supervision import HistoryTable
    from peerjournal.supervision import History, ItemHistory, SelfCheck, load_items

    item = load_items()[0]
    check = SelfCheck(1, datetime(2026, 10, 1, tzinfo=UTC), {}, True)
    history = History((check,) * 3, (ItemHistory(item, (5, None, 1)),), ())
    console = Console(width=120, force_terminal=True, color_system="standard")
    with console.capture() as captured:
        console.print(HistoryTable(history))
    out = ANSI.sub("", captured.get())
    assert not set("–→") & set(out), out
    row = next(line for line in out.splitlines()
               if line.strip().startswith("Drawing on my story"))
    # (its QA: "no answer", as piped output says it)
    assert row.split()[4:11] == ["5", "no", "answer", "1", "5", "to", "1"], row
    assert "1st to now" in out


def test_history_blocks_name_the_answers_and_the_first_and_latest(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was, at 40 columns: "3 1 3 2 2  3 → 2", a wrapped row run into its arrow. (Piped: at a
    colour terminal 40 columns hold the table again, fix_access2.)"""
    two_check_ins(cli, tmp_path, monkeypatch)
    monkeypatch.setenv("COLUMNS", "40")
    lines = styled_out(cli, "supervision", "history").splitlines()
    at = lines.index("Secure and proud")
    assert lines[at + 1:at + 3] == ["  Answers: 5, 1", "  1st to now: 5 to 1"]


def test_prep_says_what_moved_in_words(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, colour_terminal: None
) -> None:
    two_check_ins(cli, tmp_path, monkeypatch)
    out = styled_out(cli, "supervision", "prep")
    assert "5 to 1 (lower)" in out and "→" not in out


# -- drift: others' framing and the hypothetical told apart without colour ---------------------

FRAMED = "The nurse said he was non-compliant. If I had said you should rest, it would be advice."


def test_the_drift_key_tells_others_framing_from_the_hypothetical_without_colour(
    cli: CLI, colour_terminal: None
) -> None:
    """Was, with NO_COLOR: "(italic)" for both, and both drawn italic alone."""
    raw = ok(cli("drift", "--text", FRAMED)).stdout
    key = " ".join(ANSI.sub("", raw).split())
    assert "others' framing, not counted (italic);" in key
    assert "hypothetical, past or an instruction, not counted (dim, italic)." in key
    assert "\x1b[3mnon-" in raw and "\x1b[2;3myou should" in raw


# -- the drift line's hint at narrow widths ------------------------------------------------------


def test_show_s_drift_line_never_starts_a_line_with_the_dot(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch, colour_terminal: None
) -> None:
    entry = add("I told him he needs to take his meds, then we shared our stories.")
    for columns in range(38, 61):
        monkeypatch.setenv("COLUMNS", str(columns))
        lines = styled_out(cli, "show", str(entry)).splitlines()
        drift = next(n for n, line in enumerate(lines) if line.startswith("Drift: "))
        assert not any(line.lstrip().startswith(("·", "-")) for line in lines[drift:]), columns
        assert f"peerjournal drift {entry}" in " ".join(lines[drift:])


# -- review: a panel title cut after a word ----------------------------------------------------


def test_a_review_panel_title_too_long_is_cut_after_a_word() -> None:
    from rich.console import Console
    from rich.text import Text

    from peerjournal.render.summary import section

    console = Console(width=40, force_terminal=True, color_system="standard")
    with console.capture() as captured:
        console.print(section("Shared entry: 2026-11-20 · inpatient · #team", Text("Body.")))
    first, inside = captured.get().splitlines()[:2]
    assert ANSI.sub("", first).startswith("╭─ Shared entry: 2026-11-20… ─")
    assert "Shared entry: 2026-11-20 · inpatient" in ANSI.sub("", inside)


# -- TERM=emacs: a terminal that only prints, as TERM=dumb is ------------------------------------


def _escapes_on_a_terminal(term: str, *args: str, home: Path) -> tuple[int, str]:
    """The escape codes `peerjournal ARGS` writes to a 40-column pseudo-terminal."""
    controller, terminal = os.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(PYTHONPATH=SRC, TERM=term, COLUMNS="40", PEERJOURNAL_HOME=str(home))
    process = subprocess.Popen([sys.executable, "-m", "peerjournal", *args],
                               stdin=subprocess.DEVNULL, stdout=terminal, stderr=terminal,
                               env=env, close_fds=True)
    os.close(terminal)
    out = b""
    try:
        while chunk := os.read(controller, 65536):
            out += chunk
    except OSError:
        pass
    finally:
        os.close(controller)
    assert process.wait(timeout=60) == 0, out
    text = out.decode("utf-8", "replace")
    return len(ANSI.findall(text)), ANSI.sub("", text)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_term_emacs_gets_the_plain_output_of_term_dumb(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: Rich took "emacs" (Emacs' shell's termcap "emacs:co#N:tc=unknown:", a terminal
    that only prints) for a colour terminal: panels, sparklines and 174 escape codes."""
    for day in ("2026-10-20", "2026-11-04"):
        ok(cli("write", "-x", "I shared my own story and we laughed.", "--date", day))
    home = Path(os.environ["PEERJOURNAL_HOME"])
    codes, emacs = _escapes_on_a_terminal("emacs", "report", home=home)
    assert codes == 0 and not BLOCKS & set(emacs) and "─" not in emacs
    assert emacs == _escapes_on_a_terminal("dumb", "report", home=home)[1]
    assert _escapes_on_a_terminal("xterm-256color", "report", home=home)[0] > 0
