"""Round 44, qa_i18n 4-7 and 11: `search obrien`, and output in a locale that is not UTF-8."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

SRC = str(Path(__file__).parents[1] / "src")
NOTE = "use a UTF-8 locale (for example LC_ALL=C.UTF-8)"


def _ascii_locale(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess[str]:
    """peerjournal in a real ASCII locale: no coercion to UTF-8 (an old server, an ssh session)."""
    env = {key: value for key, value in os.environ.items() if key not in ("LANG", "LANGUAGE")}
    env.update(LC_ALL="C", PYTHONCOERCECLOCALE="0", PYTHONUTF8="0", PYTHONPATH=SRC)
    env.pop("PYTHONIOENCODING", None)
    done = subprocess.run([sys.executable, "-m", "peerjournal", *args], env=env, input=input,
                          capture_output=True, timeout=120)
    return subprocess.CompletedProcess(done.args, done.returncode,
                                       done.stdout.decode("ascii"), done.stderr.decode("ascii"))


# -- 5: plain letters, and two names in a script with no plain letters told apart -----------


def test_list_and_people_list_show_plain_letters_and_tell_arabic_names_apart(
    add: Callable[..., int], cli: Any
) -> None:
    add("Łukasz and ناصر met Đức at the group and I shared my own story.",
        "-s", "Łódź ward", "-t", "łódź")
    assert cli("people", "add", "-", input="Łukasz\nناصر\nعلي\n").exit_code == 0
    listed = _ascii_locale("list")
    assert listed.returncode == 0
    assert "Lodz ward   lodz" in listed.stdout
    assert "Lukasz and nasr met Duc" in listed.stdout and "?" not in listed.stdout
    people = _ascii_locale("people", "list")
    names = [line.split()[0] for line in people.stdout.splitlines()[2:]]
    assert sorted(names) == ["Lukasz", "aly", "nasr"]  # was "?ukasz", "???", "????"
    # said once, after the output, with how to see the letters as written
    assert people.stderr.count("Note: ") == 1 and NOTE in people.stderr


def test_stand_ins_keep_the_width_and_differ_between_letters() -> None:
    from peerjournal.render.console import stand_ins

    for text in ("ناصر", "علي", "Жанна", "שרה", "٦/١٢/٢٠٢٦", "ΟΔΟΣ", "Ærø", "日本 🙂", "ひらがな"):
        shown = stand_ins(text, "ascii")
        assert shown.isascii() and cell_len(shown) == cell_len(text), (text, shown)
    assert stand_ins("ناصر", "ascii") != stand_ins("علي", "ascii")
    assert stand_ins("٦/١٢/٢٠٢٦", "ascii") == "6/12/2026"
    assert stand_ins("Жанна Ольга", "ascii") == "Zanna Ol'ga"
    assert stand_ins("Ærø", "ascii") == "Aro"
    assert stand_ins("日本", "ascii") == "????"  # an ideograph has no letters to stand in
    assert stand_ins("Café – x", "latin-1") == "Café - x"


# -- 6 and 7: review and the guided write's Review panel: letters, not Python escapes ------


def test_review_in_an_ascii_locale_has_plain_letters_and_three_dots(
    add: Callable[..., int], cli: Any, tmp_path: Path
) -> None:
    entry = add("Met Siân at the café: she said “dziękuję” and we talked about waiting "
                "lists 🙂 and the ward round, and her phone 07946 095812.", "--share")
    assert entry
    summary = tmp_path / "summary.json"
    done = cli("export", "--format", "json", "--output", str(summary), "--from", "Eluned Ŵyn",
               "--yes")
    assert done.exit_code == 0, done.stderr
    review = _ascii_locale("review", str(summary))
    assert review.returncode == 0, review.stderr
    out = review.stdout
    assert "Reflective-practice summary: Eluned Wyn" in out
    assert "\\u" not in out and "\\x" not in out and "\\U" not in out
    assert "cafe" in out and "dziekuje" in out
    assert "[phone]..." in out and "[phone]~" not in out  # "~" read as a tilde
    assert review.stderr.count(NOTE) == 1


class _AsciiTerminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def _review_panel(draft: Any, monkeypatch: pytest.MonkeyPatch, columns: int) -> list[str]:
    """The Review panel as an ASCII colour terminal `columns` wide shows it, escape codes
    left out."""
    import re

    from peerjournal.render.console import make_console
    from peerjournal.render.writing import Review

    raw = io.BytesIO()
    stream = _AsciiTerminal(raw, encoding="ascii", errors="backslashreplace")
    monkeypatch.setattr(sys, "stdout", stream)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.delenv("NO_COLOR", raising=False)
    console = make_console(stderr=False)
    console.print(Review(draft))
    stream.flush()
    return re.sub(r"\x1b\[[0-9;]*m", "", raw.getvalue().decode("ascii")).splitlines()


@pytest.mark.parametrize("columns", [80, 40])
def test_the_review_panel_keeps_its_border_in_an_ascii_locale(
    monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    from peerjournal.entry import EntryDraft

    draft = EntryDraft(date(2026, 12, 7), setting="Ysbyty Gwynedd – ward Ŵ",
                       experience="Met Siân and Łukasz and ناصر at the ward and then we went "
                       "for a long walk around the whole hospital site 🙂 and back again.",
                       feelings="nerfus", evaluation="fine")
    lines = _review_panel(draft, monkeypatch, columns)
    text = "\n".join(lines)
    assert "\\u" not in text and "\\x" not in text and "\\U" not in text  # was "Si\\xe2n"
    assert "Met Sian and Lukasz" in text and "ward W" in text
    assert {len(line) for line in lines} == {columns}, text  # its right border in line
    experience = next(line for line in lines if "Met Sian" in line)
    assert experience.rstrip(" |").endswith("..."), text  # cut at a word, three dots


def test_show_still_keeps_every_letter_as_an_escape(add: Callable[..., int]) -> None:
    add("Café with Zoë – we talked about the week.")
    shown = _ascii_locale("show", "1")
    assert "Caf\\xe9 with Zo\\xeb - we" in shown.stdout  # no word of an entry lost
    assert NOTE in shown.stderr


# -- 11: a cut after wide characters leaves no space before the "…" ------------------------


def test_first_words_are_cut_in_cells() -> None:
    from peerjournal.textsafe import at_a_word

    line = "住房办公室 we went together to see about the flat"
    for width in range(1, 40):
        shown = at_a_word(line, width)
        assert cell_len(shown) <= width and " …" not in shown, (width, shown)
    assert at_a_word(line, 20) == "住房办公室 we went…"
    assert at_a_word("Met Jo at the library", 12) == "Met Jo at…"


def test_list_of_a_chinese_entry_is_cut_at_a_word(
    add: Callable[..., int], cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("住房办公室 we went together to see about the flat and the repairs it needs.")
    for columns in range(40, 90, 3):
        monkeypatch.setenv("COLUMNS", str(columns))
        [row] = [line for line in cli("list").stdout.splitlines() if "住房" in line]
        assert " …" not in row and row.endswith("…"), (columns, row)


# -- 4: `search obrien` ---------------------------------------------------------------------


def test_a_name_with_an_apostrophe_is_found_typed_without_it(
    add: Callable[..., int], cli: Any
) -> None:
    add("O’Brien was upset and I listened to him at 8 o’clock.")
    add("We went to the office together, as we often do.")
    for query in ("obrien", "OBrien", "O’Brien", "o brien", "oclock", "obrien listened"):
        found = cli("search", query)
        assert found.exit_code == 0 and "#1 " in found.stdout and "#2 " not in found.stdout, query
    office = cli("search", "office NOT often")
    assert office.exit_code == 0 and "#1 " not in office.stdout and "#2 " not in office.stdout
    assert "#2 " in cli("search", "office").stdout


def test_a_name_after_d_apostrophe_is_suggested(add: Callable[..., int], cli: Any) -> None:
    add("Dafydd D’Angelo came to the group for the first time.")
    found = cli("search", "dangelo")
    assert "did you mean \"d'angelo\"" in " ".join(found.stderr.split())


def test_the_query_is_widened_only_where_fts5_reads_a_word() -> None:
    from peerjournal.db.searchfold import fold_query

    assert fold_query("obrien") == '(obrien OR "o brien")'
    # joined to the words beside it by AND: FTS5 reads none from a space beside a bracket
    assert fold_query("housing obrien") == 'housing AND (obrien OR "o brien")'
    assert fold_query('"obrien"') == '"obrien"'
    assert fold_query("-obrien") == "-obrien"
    assert fold_query("experience:obrien") == "experience:obrien"
    assert fold_query("NEAR(obrien ward)") == "NEAR(obrien ward)"
    assert fold_query("obrien*").startswith("(obrien* OR")
    assert "o brien" not in fold_query("obrien*")
    assert fold_query("one two") == "one two"  # (too short to be an O' name)
