"""Round 26 QA: the export's check for names missing from the people list, and CSV options.

1. text redaction itself put in (an alias, and its possessive: "S.'s flat") is not flagged;
2. the writer's own --from signature is never flagged (and is said to be replaced when it
   is a listed name); one-word answers of the tool's own vocabularies ("Tender.", "Long
   walk.") are common words, names ("Maggie", "Kerry was upset", "Long rang me") are not;
3. a CSV says once that it leaves out --note, --from and --with-check, and needs no
   self-check for --with-check.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import CLI

Add = Callable[..., int]
CHECK = "Check these capitalised words"
CSV_LINE = (
    "The CSV holds the numbers only: --note, --from and --with-check are left out; use md, "
    "html, pdf or json to send them."
)


def _export(cli: CLI, tmp_path: Path, *args: str, name: str = "s.md") -> Result:
    result = cli("export", "--yes", "-o", str(tmp_path / name), *args)
    assert result.exit_code == 0, result.stderr
    return result


def _one_line(stderr: str) -> str:
    return " ".join(stderr.split())


def _checked(stderr: str) -> str:
    """The words an export --yes asks to check ('' when none)."""
    text = _one_line(stderr).replace("Check these words", CHECK)  # (a word in lower case)
    if CHECK not in text:
        return ""
    return text.split(f"{CHECK} (in the summary): ")[1].split(". If any is")[0]


# -- 1. what redaction put in -------------------------------------------------------------------


@pytest.mark.parametrize("yes", [True, False])
def test_a_listed_name_s_possessive_in_a_setting_is_no_word_to_check(
    cli: CLI, add: Add, tmp_path: Path, yes: bool
) -> None:
    """Was: "Sam's flat", with Sam listed, went out as "S.'s flat" and the check asked about
    a name "s (5)": the "s" of every possessive in the summary."""
    assert cli("people", "add", "Sam Jones", "--alias", "S.").exit_code == 0
    add("Coffee with Sam after group; he talked about his new flat and I listened.",
        "-s", "Sam's flat", "--share")
    if yes:
        result = _export(cli, tmp_path)
    else:
        result = cli("export", "-o", str(tmp_path / "s.md"), input="y\n")
        assert result.exit_code == 0, result.stderr
        assert "S.'s flat" in result.stderr  # the preview shows what leaves
    assert CHECK not in result.stderr
    written = (tmp_path / "s.md").read_text()
    assert "S.'s flat" in written and "Coffee with S. after group" in written


def test_an_unlisted_name_beside_the_alias_is_still_flagged(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    assert cli("people", "add", "Sam Jones", "--alias", "S.").exit_code == 0
    add("Met Sam and Maggie after group. I shared my story.", "-s", "Sam's flat", "--share")
    assert _checked(_export(cli, tmp_path).stderr) == "Maggie"


# -- 2. the signature, and the tool's own words -------------------------------------------------


def test_the_writer_s_signature_is_never_flagged(cli: CLI, add: Add, tmp_path: Path) -> None:
    """Was: `--from Alex` made the check ask whether "Alex" was someone's name to list. The
    same name elsewhere (a tag, an entry) is still checked: a client may be called Alex too."""
    add("Kerry was upset about the forms. I listened.", "--share")
    result = _export(cli, tmp_path, "--from", "Alex")
    assert _checked(result.stderr) == "Kerry"
    add("Talked it over.", "-t", "alex", "--share")
    assert "alex" in _checked(_export(cli, tmp_path, "--from", "Alex", name="t.md").stderr)
    assert (tmp_path / "s.md").read_text().startswith("# Reflective-practice summary: Alex\n")
    # the same word with no signature is a word to check
    result = _export(cli, tmp_path, name="plain.md")
    assert "Alex" not in (tmp_path / "plain.md").read_text()
    assert "alex" in _checked(result.stderr)


def test_a_signature_that_is_a_listed_name_is_replaced_and_said(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    assert cli("people", "add", "Alex").exit_code == 0
    add("I listened and shared my story.", "--share")
    result = _export(cli, tmp_path, "--from", "Alex")
    assert (
        "Your signature (--from Alex) holds a name on the people list, so it is replaced "
        "there too: the summary is signed [person]." in _one_line(result.stderr)
    )
    assert (tmp_path / "s.md").read_text().startswith("# Reflective-practice summary: [person]\n")
    assert CHECK not in result.stderr
    # a signature not on the list gets no such line
    assert "Your signature" not in _export(cli, tmp_path, "--from", "Jo", name="jo.md").stderr


ANSWERS = (
    ("Good.", "Mutual learning.", "Long walk by the canal."),
    ("Uneasy but glad I noticed.", "Hope.", "Run."),
    ("Tender.", "Choice matters.", "Bath."),
)


def test_one_word_answers_of_the_tool_s_vocabularies_are_not_names(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: "Good", "Long", "Run", "Hope", "Uneasy", "Tender", "Mutual" and "Bath" (feelings,
    evaluation and self-care answers opening their sentence) were listed as possible names
    beside the one real one."""
    for day, (feelings, evaluation, self_care) in enumerate(ANSWERS, start=16):
        add("I sat with him and shared a bit of my own story.", "-f", feelings,
            "-e", evaluation, "--self-care", self_care, "--date", f"2026-11-{day}", "--share")
    add("Maggie rang me twice. Kerry was upset. Long rang me about the rent.", "--share")
    result = _export(cli, tmp_path)
    checked = _checked(result.stderr)
    # a word flagged once is highlighted wherever it is: "Long walk" too
    assert checked == "Long (2), Maggie, Kerry", checked
    written = (tmp_path / "s.md").read_text()
    assert "Tender." in written and "Long walk by the canal." in written


def test_a_word_of_the_writer_s_own_prompt_set_is_not_a_name(
    cli: CLI, add: Add, tmp_path: Path, isolated: Path
) -> None:
    """The writer's own prompt sets are the tool's words too."""
    add("Bouldering.", "--share")
    assert "Bouldering" in _checked(_export(cli, tmp_path).stderr)
    prompts = isolated / "prompts"
    prompts.mkdir(exist_ok=True)
    (prompts / "mine.toml").write_text(
        'title = "Mine"\ndescription = "d"\nsource = "s"\n'
        '[experience]\nheading = "What happened?"\nguide = ["Was it bouldering or a walk?"]\n'
        '[feelings]\nheading = "Feelings?"\nguide = ["How?"]\n'
        '[evaluation]\nheading = "What now?"\nguide = ["Why?"]\n'
    )
    assert cli("prompts", "list").stdout.count("mine") >= 1
    assert CHECK not in _export(cli, tmp_path, name="again.md").stderr


# -- 3. CSV and the options it cannot hold ------------------------------------------------------


def test_csv_says_once_what_it_leaves_out_and_needs_no_self_check(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: --note, --from and --with-check were dropped without a word, and --with-check
    refused a CSV when there was no finished self-check (which the CSV never holds)."""
    add("I shared my story.", "--share")
    result = _export(cli, tmp_path, "--note", "Hard week", "--from", "Priya", "--with-check",
                     name="s.csv")
    assert _one_line(result.stderr).count(CSV_LINE) == 1
    with (tmp_path / "s.csv").open(newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:6] == ["summary_since", "summary_until", "redacted", "start", "end",
                           "entries"]
    assert not any("Priya" in cell or "Hard week" in cell for row in rows for cell in row)


@pytest.mark.parametrize("option", [("--note", "Hard week"), ("--from", "Priya"),
                                    ("--with-check",)])
def test_csv_names_the_options_left_out_for_each_one(
    cli: CLI, add: Add, tmp_path: Path, option: tuple[str, ...]
) -> None:
    add("I shared my story.", "--share")
    """Each named alone (was: "--note, --from and --with-check" whichever was given)."""
    result = _export(cli, tmp_path, "-f", "csv", *option, name="s.csv")
    assert (f"The CSV holds the numbers only: {option[0]} is left out; use md, html, pdf or "
            "json to send it.") in _one_line(result.stderr)


def test_csv_without_those_options_says_nothing_of_them_and_md_still_needs_the_check(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    add("I shared my story.", "--share")
    assert "The CSV holds" not in _export(cli, tmp_path, name="s.csv").stderr
    refused = cli("export", "--yes", "--with-check", "-o", str(tmp_path / "s.md"))
    assert refused.exit_code == 1
    assert "There is no complete self-check to include yet" in refused.stderr
    assert not (tmp_path / "s.md").exists()
