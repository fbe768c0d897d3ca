"""Round 34, export: the words-to-check counts are the writer's (the summary's own headings
and tables were counted: "Advocacy (4)" for a word written twice, the Dimensions table and a
marker's line holding it too), while a nickname or an alias like a listed name the writer
typed is still flagged; and the passages in scripts without capitals are found without
reading a summary letter by letter when it has none."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.redact import caseless_runs
from peerjournal.render.summary import caseless_passages
from peerjournal.reviewing import sanitise
from test_names_r25 import _check_line, _preview, _share

# "Connection" and "Advocacy" are the labels of two drift dimensions: the summary's
# Dimensions table has both, and the marker this entry scores names "(Advocacy)".
LABELS_TOO = "Voice matters, said Connection. I met Advocacy today."


def _export(cli: CLI, out: Path, *args: str) -> tuple[str, dict[str, Any]]:
    """An export --yes --json to `out`: its check line, and its receipt."""
    result = cli("export", "--yes", "--json", "-o", str(out), *args)
    assert result.exit_code == 0, result.stderr
    return _check_line(result), json.loads(result.stdout)


# -- the counts are of the writer's text -----------------------------------------------------


def test_a_word_the_summary_has_in_its_own_tables_is_counted_where_the_writer_wrote_it(
    cli: CLI, tmp_path: Path
) -> None:
    """Before: "Advocacy (4), Connection (2)": the table's rows and the marker's line were
    counted with the writer's words."""
    _share(cli, LABELS_TOO)
    out = tmp_path / "s.md"
    line, receipt = _export(cli, out)
    text = out.read_text()
    # the summary's own: a row of the Dimensions table each, and the marker's "(Advocacy)"
    assert "| Connection |" in text and "| Advocacy |" in text and "(Advocacy)" in text
    # the writer's: the entry, and the marker's quote of it (“I met Advocacy today.”)
    assert text.count("I met Advocacy today.") == 2
    assert "Advocacy (2), Connection. " in line
    assert receipt["words_to_check"] == ["Advocacy", "Connection"]


def test_the_preview_counts_as_export_yes_does(cli: CLI, tmp_path: Path) -> None:
    _share(cli, LABELS_TOO)
    line = _check_line(_preview(cli, tmp_path))
    assert line.startswith("Check these capitalised words (in the preview above): "
                           "Advocacy (2), Connection. ")


def test_a_nickname_the_writer_typed_is_flagged_and_counted_each_time(
    cli: CLI, tmp_path: Path
) -> None:
    """The reverted round-33 patch counted the writer's text and lost "Sammy" (like a listed
    name) on the way; it is flagged first, and counted where it is written."""
    assert cli("people", "add", "Samuel", "Jones").exit_code == 0
    _share(cli, "Sammy was upset at group. I met Advocacy today. Later Sammy laughed.")
    line, receipt = _export(cli, tmp_path / "s.md")
    assert "Sammy (2, like a listed name), Advocacy (2)" in line
    assert receipt["words_to_check"][0] == "Sammy"


def test_an_alias_like_a_listed_name_is_counted_where_redaction_put_it_and_typed(
    cli: CLI, tmp_path: Path
) -> None:
    """"Sammy", the alias of Samuel Jones, is printed for his name (once here) and typed by
    the writer (twice): it names him wherever it is, and is counted each time."""
    assert cli("people", "add", "Samuel", "Jones", "--alias", "Sammy").exit_code == 0
    _share(cli, "Samuel Jones came to group. Sammy rang later, and Sammy laughed.")
    out = tmp_path / "s.md"
    line, receipt = _export(cli, out)
    assert "Sammy came to group. Sammy rang later, and Sammy laughed." in out.read_text()
    assert "Sammy (3, like a listed name)" in line
    assert receipt["words_to_check"] == ["Sammy"]


def test_a_signature_named_in_the_title_is_counted_once(cli: CLI, tmp_path: Path) -> None:
    """A name the writer signs with (--from) and writes is checked; the title and the
    header show the signature, which the writer typed once."""
    _share(cli, "Kerry was upset after group.")
    line, _ = _export(cli, tmp_path / "s.md", "--from", "Kerry")
    assert "Kerry (2)" in line


def test_a_csv_holds_no_words_of_the_writer_to_check(cli: CLI, tmp_path: Path) -> None:
    """The counts come from the writer's texts, but only for words in what is written: a
    CSV has none of them."""
    _share(cli, "Kerry was upset. " + LABELS_TOO)
    line, receipt = _export(cli, tmp_path / "s.csv")
    assert line == "" and receipt["words_to_check"] == []
    line, _ = _export(cli, tmp_path / "s.md")
    assert "Kerry" in line


# -- passages in scripts without capitals ----------------------------------------------------


@pytest.mark.parametrize("text", [
    "",
    "Plain ASCII only. Sam was here.",
    "Café, naïve, Zoë, Ñoño: Latin letters with accents.",
    "ª and º are letters of category Lo, but no script's.",
    "Met 王小明 and محمد علي at the café.",
    "Thai ภาษาไทย and Hebrew שלום\u200b with a zero-width space.",
    "\x1b[31m王\x1b[0m coloured",
])
def test_caseless_passages_are_those_caseless_runs_finds(text: str) -> None:
    assert caseless_passages(text) == caseless_runs(sanitise(text))


def test_export_json_names_the_passages_to_read_once_and_the_warning_says_them(
    cli: CLI, tmp_path: Path
) -> None:
    _share(cli, "Met 王小明 at the café, and 王小明 again. Zoë came too.")
    result = cli("export", "--yes", "--json", "-o", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["passages_to_read"] == [
        {"text": "王小明", "script": "Chinese characters"}
    ]
    assert "Words in Chinese characters could not be checked" in result.stderr


def test_an_export_in_latin_letters_alone_has_no_passages_to_read(
    cli: CLI, tmp_path: Path
) -> None:
    _share(cli, "Nothing but Latin letters here: café, Zoë, ª.")
    result = cli("export", "--yes", "--json", "-o", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["passages_to_read"] == []
    assert "could not be checked" not in result.stderr
