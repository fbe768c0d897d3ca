"""Round 41, access: what a partially sighted screen-reader user (40 columns or fewer,
NO_COLOR, TERM=dumb, piped output) reads. `list` never drops the drift verdict; `drift` names
the side of each phrase where colour does not show it; `show` breaks a long setting at a
space; the Review before saving cuts no setting, mode or tags; first words are cut at a word;
plain tables have no box-drawing rule; no blank line from a progress bar on a dumb terminal;
the self-check scale wraps under itself."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from rich.console import Console

from conftest import CLI

CLINICAL = ("Gave a ten-minute talk at the ward's team meeting about the peer role: medication, "
            "observations, what the nurses need from us. My role is to support compliance.")
PEER = "I shared my story and we talked about hope and his choices."
BOTH = ("I felt ten feet tall at the start but then felt useless and out of my depth. Later I "
        "spoke up for her at ward round.")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def _block(out: str, start: str, end: str) -> str:
    """The lines of `out` from the one starting `start` up to the one starting `end`."""
    return out.split(f"\n{start}", 1)[1].split(f"\n{end}", 1)[0]


# -- 1. `list` keeps every verdict at any width ---------------------------------------------


@pytest.mark.parametrize("columns", [20, 23, 24, 27, 28, 30, 40, 60, 100])
def test_a_narrow_list_shows_every_entry_its_verdict(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """At 20-27 columns "28 2026-11-20" stood alone: the one entry leaning clinical read as
    having no verdict (and at 20-23 no entry had one)."""
    add(CLINICAL, "-s", "inpatient", "-t", "team,ward", "--date", "2026-11-18")
    add(PEER, "--date", "2026-11-19")
    monkeypatch.setenv("COLUMNS", str(columns))
    out = ok(cli("list")).stdout
    assert out.count("leans clinical") == 1 and out.count("leans peer") == 1, out
    assert all(len(line) <= columns for line in out.splitlines()), out


def test_a_verdict_too_wide_beside_the_date_goes_under_it_for_every_entry(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    add(CLINICAL, "--date", "2026-11-18")
    add(PEER, "--date", "2026-11-19")
    monkeypatch.setenv("COLUMNS", "24")
    lines = ok(cli("list")).stdout.splitlines()
    # in one place for every entry: the next line, indented as the entry's other lines
    assert lines[lines.index("2 2026-11-19") + 1] == "  leans peer"
    assert lines[lines.index("1 2026-11-18") + 1] == "  leans clinical"


def test_the_verdict_stays_beside_the_date_where_it_fits(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    add(CLINICAL, "--date", "2026-11-18")
    monkeypatch.setenv("COLUMNS", "40")
    assert ok(cli("list")).stdout.splitlines()[0] == "1  2026-11-18  leans clinical"


# -- 2. `drift`: each phrase's side in words where colour does not show it -----------------


@pytest.mark.parametrize("columns", ["40", "100"])
def test_plain_drift_names_the_side_of_each_phrase_in_a_dimension_with_both(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    """Piped (TERM=dumb, NO_COLOR), bold beside underlined was all that told "felt ten feet
    tall" (identity) from "felt useless" (drift): nothing at all when piped."""
    monkeypatch.setenv("COLUMNS", columns)
    out = ok(cli("drift", "--text", BOTH)).stdout
    block = " ".join(_block(out, "Self-worth" if columns == "40" else " Self-worth",
                            "Advocacy" if columns == "40" else " Advocacy").split())
    assert re.search(r"identity: “felt ten feet tall”[^;]*; drift: “felt useless”; "
                     r"“out of my depth”", block), block
    # a dimension whose phrases are all of one side: its numbers say which
    advocacy = " ".join(_block(out, "Advocacy" if columns == "40" else " Advocacy",
                               "All" if columns == "40" else " All").split())
    assert "“spoke up for her”" in advocacy and "identity:" not in advocacy


def test_drift_on_a_no_color_terminal_names_the_sides_too(
    cli: CLI, colour_terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    out = ANSI.sub("", ok(cli("drift", "--text", BOTH)).stdout)
    assert "identity: “felt ten feet tall”" in out and "drift: “felt useless”" in out


def test_drift_in_colour_names_the_sides_too(
    cli: CLI, colour_terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # round 43: a screen reader at a colour terminal (no NO_COLOR) hears no colour either
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("COLUMNS", "40")
    out = ANSI.sub("", ok(cli("drift", "--text", BOTH)).stdout)
    assert "identity: “felt ten feet tall”" in out and "drift: “felt useless”" in out


# -- 5. `show`: a long setting broken at a space, under the date ----------------------------


@pytest.mark.parametrize("columns", [20, 24, 30])
def test_show_breaks_a_long_setting_between_words(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    entry = add("Sat with Ray in the day room.", "-s", "mental health tribunal waiting room",
                "-t", "advocacy,tribunal-preparation")
    monkeypatch.setenv("COLUMNS", str(columns))
    head = ok(cli("show", str(entry))).stdout.split("\nExperience", 1)[0].splitlines()
    setting = "mental health tribunal waiting room"
    shown = [line.strip() for line in head[1:] if set(line.split()) <= set(setting.split(" "))]
    assert " ".join(shown) == setting, head
    # every line after the first hangs under the date, a broken tag's end too
    assert all(line.startswith("  ") for line in head[1:]), head
    assert all(len(line) <= columns for line in head), head


# -- 6. the Review before saving: short parts whole, at any width --------------------------


@pytest.mark.parametrize("width", [20, 30, 40])
@pytest.mark.parametrize("styled", [True, False])
def test_the_review_cuts_no_setting_mode_or_tags(width: int, styled: bool) -> None:
    from peerjournal.entry import EntryDraft
    from peerjournal.render.writing import Review

    draft = EntryDraft(date=date(2026, 12, 2), experience="Met Jo at the cafe. " * 5,
                       setting="community outreach", tags=["housing", "advocacy"],
                       self_care="Early night.")
    console = Console(width=width, record=True, color_system="standard" if styled else None)
    console.print(Review(draft))
    lines = console.export_text().splitlines()
    assert all(len(line) <= width for line in lines), lines
    text = " ".join(" ".join(line.strip("│╭╮╰╯─ ").split()) for line in lines)
    for whole in ("2026-12-02", "community outreach", "on-action (after the fact)",
                  "housing, advocacy", "Early night."):
        assert whole in text, (whole, lines)


# -- 8. first words cut at a word ------------------------------------------------------------


@pytest.mark.parametrize("width", [36, 40, 44, 60])
def test_drafts_cut_their_first_words_at_a_word(width: int) -> None:
    from peerjournal.cli.drafts_list import lines

    words = "Met Jo at the library and we talked about her sister and the new flat"
    row = {"number": 1, "modified": "2026-12-07T05:00:00", "age": "just now",
           "kind": "guided", "entry_id": None, "first_words": words}
    (line,) = lines([row], width)
    shown = line.split("  ")[-1]
    assert shown.endswith("…") and words.startswith(shown[:-1])
    assert words[len(shown) - 1] == " ", shown  # a whole word before the "…"
    assert len(line) <= width


@pytest.mark.parametrize("columns", [64, 70, 80, 90, 120])
def test_the_list_cuts_the_experience_at_a_word(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    experience = ("Short visit with Dee at her flat. We planned her week together and she "
                  "asked if I'd help her find a peer support group near her home.")
    add(experience, "-s", "community", "-t", "1to1")
    monkeypatch.setenv("COLUMNS", str(columns))
    row = ok(cli("list")).stdout.splitlines()[2]
    shown = row.split("leans peer", 1)[1].strip()
    assert shown.endswith("…") and experience.startswith(shown[:-1]), row
    assert experience[len(shown) - 1] == " ", row


# -- 7. plain tables: an ASCII rule, no box drawing ----------------------------------------


def test_plain_list_and_drift_tables_have_no_box_drawing(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    add(CLINICAL)
    monkeypatch.setenv("COLUMNS", "120")
    for args in (("list",), ("drift", "1")):
        out = ok(cli(*args)).stdout
        assert "─" not in out and "\n ---" in out, out


def test_a_terminal_list_keeps_its_rule(
    cli: CLI, add: Callable[..., int], colour_terminal: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(CLINICAL)
    monkeypatch.setenv("COLUMNS", "120")
    assert "─" in ok(cli("list")).stdout


# -- 9. no blank line from a progress bar on a dumb terminal -------------------------------


def test_no_progress_line_on_a_dumb_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from peerjournal.render.progress import progress_bar

    monkeypatch.setenv("TERM", "dumb")
    stream = io.StringIO()
    console = Console(file=stream, force_terminal=True)
    assert console.is_dumb_terminal
    with progress_bar(3, "Re-scoring", console) as advance:
        advance(3)
    assert stream.getvalue() == ""


# -- 10. the self-check's scale wraps under itself -----------------------------------------


def test_the_scale_wraps_under_its_own_start() -> None:
    from peerjournal.render.supervision import item_prompt
    from peerjournal.supervision import Item

    item = Item("strengths", "drift", "My attention went to people's strengths.",
                "mostly problems", "mostly strengths, hopes and skills")
    console = Console(width=40, record=True, color_system=None)
    console.print(item_prompt(item, 3, 22))
    lines = console.export_text().splitlines()
    scale = lines[lines.index(next(x for x in lines if "1 = " in x)):]
    assert len(scale) > 1 and all(line.startswith("   ") for line in scale), lines
    assert all(line == line.rstrip() for line in scale), lines
