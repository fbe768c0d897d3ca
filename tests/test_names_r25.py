"""Names in exports (round 25 QA): the preview's flags for names a tag also holds, names in
scripts without capitals and possessives; people add/remove of forms redaction counts as one;
wording of the short-form note and of an HTML export's preview."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

CLI = Callable[..., Result]


def _check_line(result: Result) -> str:
    """The 'Check these capitalised words' line of a preview or of an export --yes ('Check
    these words' when one is in lower case)."""
    text = " ".join(result.stderr.split())
    start = text.find("Check these ")
    return text[start:text.find("If any", start)] if start >= 0 else ""


def _preview(cli: CLI, tmp_path: Path, *args: str) -> Result:
    result = cli("export", "-o", str(tmp_path / "p.md"), *args, input="n\n")
    assert result.exit_code == 1, result.stderr
    return result


def _share(cli: CLI, text: str, *args: str) -> None:
    result = cli("write", "-x", text, "--share", *args)
    assert result.exit_code == 0, result.stderr


# ------------------------------------------------------------ a name that is also a tag


def test_a_tag_does_not_hide_a_name_opening_a_sentence(cli: CLI, tmp_path: Path) -> None:
    _share(cli, "Priya and Zoë met at the café. I shared my story.", "-t", "priya")
    result = cli("export", "--yes", "-o", str(tmp_path / "x.md"))
    assert result.exit_code == 0
    # the tag's "#priya" is counted with the two "Priya" of the text
    assert "Priya (2)" in _check_line(result) and "Zoë" in _check_line(result)


def test_a_tag_of_a_name_hidden_in_the_setting_is_flagged(cli: CLI, tmp_path: Path) -> None:
    _share(cli, "We met at the café. I shared my story.", "-s", "Priya's flat", "-t", "priya")
    line = _check_line(_preview(cli, tmp_path))
    # the possessive is named as the name to add, and the tag counts as it
    assert "Priya (2)" in line and "Priya's" not in line


def test_a_tag_that_is_a_given_name_is_flagged(cli: CLI, tmp_path: Path) -> None:
    _share(cli, "We met at the café. I shared my story.", "-t", "kasia", "-t", "boundaries")
    line = _check_line(_preview(cli, tmp_path))
    assert "kasia" in line and "boundaries" not in line
    assert line.startswith("Check these words (")  # (not "capitalised words": it is not)


def test_a_word_a_real_sentence_has_in_lower_case_is_still_no_name(
    cli: CLI, tmp_path: Path
) -> None:
    _share(cli, "Walked to the group. I walked home after and shared my story.", "-t", "walk")
    assert _check_line(_preview(cli, tmp_path)) == ""


# ----------------------------------------------------------------- scripts without capitals


def test_text_in_caseless_scripts_is_named_to_read(cli: CLI, tmp_path: Path) -> None:
    _share(cli, "Talked with Tāne. Also 王芳 and محمد came. I shared my own story.")
    text = " ".join(_preview(cli, tmp_path).stderr.split())
    assert (
        "Words in Chinese characters and Arabic script could not be checked for names "
        "(they have no capital letters): read them yourself: 王芳, محمد." in text
    )
    # with --yes there is no preview: the same note is said
    result = cli("export", "--yes", "-o", str(tmp_path / "yes.md"))
    assert result.exit_code == 0, result.stderr
    assert "read them yourself: 王芳, محمد." in " ".join(result.stderr.split())


def test_no_caseless_note_for_latin_text_or_an_unredacted_export(
    cli: CLI, tmp_path: Path
) -> None:
    _share(cli, "Talked with Tāne. I shared my own story.")
    assert "could not be checked" not in _preview(cli, tmp_path).stderr
    _share(cli, "Also 王芳 came.")
    assert "could not be checked" not in _preview(cli, tmp_path, "--no-redact").stderr


def test_a_long_caseless_passage_is_counted_not_listed(cli: CLI, tmp_path: Path) -> None:
    _share(cli, "I shared my story. 今天我和王芳一起去了公园然后我们聊了很久关于她的工作。")
    text = " ".join(_preview(cli, tmp_path).stderr.split())
    assert "read them yourself (1 passage)." in text


# ----------------------------------------------------------------------------- possessives


def test_a_flagged_possessive_is_named_without_its_s(cli: CLI, tmp_path: Path) -> None:
    _share(cli, "We met at the café. I shared my story.", "-s", "Priya's flat")
    result = cli("export", "--yes", "-o", str(tmp_path / "y.md"))
    line = _check_line(result)
    assert "Priya" in line and "Priya's" not in line


# ------------------------------------------------------------------------------ people list


@pytest.mark.parametrize(
    ("first", "second"),
    [("O'Neill", "O’Neill"), ("Zoë\u200b", "Zoë"), ("Ｚｏë", "Zoë"), ("Mary-Ann", "Mary Ann")],
)
def test_forms_redaction_takes_as_one_are_one_person(
    cli: CLI, first: str, second: str
) -> None:
    assert cli("people", "add", first).exit_code == 0
    again = cli("people", "add", second)
    assert again.exit_code == 1 and "already on the people list" in again.stderr
    assert len(json.loads(cli("people", "list", "--json").stdout)) == 1


def test_removing_one_form_says_another_still_replaces_it(cli: CLI) -> None:
    cli("people", "add", "Robert")
    cli("people", "add", "Bob")
    removed = cli("people", "remove", "Bob")
    assert removed.exit_code == 0
    assert "exports still replace that name: it matches Robert" in " ".join(
        removed.stderr.split()
    )
    assert "no longer redact" not in removed.stderr
    cli("people", "add", "Bob")
    out = json.loads(cli("people", "remove", "Bob", "--json").stdout)
    assert out == {"name": "Bob", "removed": True, "still_replaced_by": ["Robert"]}


def test_remove_finds_a_name_by_its_folded_form(cli: CLI) -> None:
    cli("people", "add", "O’Neill")
    removed = cli("people", "remove", "O'Neill")
    assert removed.exit_code == 0 and "Removed O’Neill: exports will no longer" in removed.stderr


# ----------------------------------------------------------------------------------- wording


def test_one_short_form_is_named_in_the_singular(cli: CLI) -> None:
    notes = " ".join(cli("people", "add", "José").stderr.split())
    assert "exports also replace Pepe, a short form of José." in notes
    notes = " ".join(cli("people", "add", "Robert").stderr.split())
    assert "Bert, Bob and Bobby, short forms of Robert" in notes


def test_an_html_preview_says_it_is_shown_as_markdown(cli: CLI, tmp_path: Path) -> None:
    _share(cli, "I shared my story.")
    html = cli("export", "--format", "html", "-o", str(tmp_path / "p.html"), input="n\n")
    assert "p.html (html), shown as Markdown" in " ".join(html.stderr.split())
    assert "shown as Markdown" not in _preview(cli, tmp_path).stderr
