"""Prompt sets, config.toml and the data folder as a writer or an organisation's admin meets
them: a set file with a mistake in it, a misspelt set name, a file saved by Windows Notepad,
a blank --db or PEERJOURNAL_HOME (QA round 20)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.reflection import MAX_SET_BYTES
from test_drift_cli import ok, one_line_error

WRITE = ("write", "-x", "We walked to the housing office together.")
ELEMENTS = ("experience", "feelings", "evaluation")


def set_text(extra_top: str = "", experience: str = "", evaluation: str = "") -> str:
    """A prompt set: `extra_top` above the tables, more keys under experience/evaluation."""
    extra = {"experience": experience, "evaluation": evaluation}
    return 'title = "Ours"\n' + extra_top + "".join(
        f'[{e}]\nheading = "{e} heading"\nguide = ["a question?"]\n{extra.get(e, "")}\n'
        for e in ELEMENTS
    )


def user_set(home: Path, name: str, content: str | bytes) -> Path:
    folder = home / "prompts"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def entries(cli: CLI) -> list[dict[str, object]]:
    result = ok(cli("list", "--json"))
    return list(json.loads(result.stdout))


# -- a set name that is not found ---------------------------------------------------------------


@pytest.mark.parametrize(("typed", "meant"), [("gibs", "gibbs"), ("Boud", "boud")])
def test_a_misspelt_set_name_suggests_the_set(cli: CLI, typed: str, meant: str) -> None:
    """Before, only the list of names: no "did you mean"."""
    message = one_line_error(cli(*WRITE, "--prompts", typed), 3, f"No prompt set named '{typed}'",
                             f"(did you mean '{meant}'?)", "Available: boud")
    assert "kept as draft" in message  # the typed entry is not lost to a typo
    one_line_error(cli("prompts", "show", typed), 3, f"(did you mean '{meant}'?)")


def test_a_set_saved_as_toml_txt_says_to_rename_it(cli: CLI, isolated: Path) -> None:
    """Notepad saves `ours.toml` as `ours.toml.txt`: before, only "No prompt set named 'ours'"
    while the file was plainly in the folder."""
    path = user_set(isolated, "ours.toml.txt", set_text())
    one_line_error(cli("prompts", "show", "ours"), 3, f"{path} is there: rename it to ours.toml")
    upper = user_set(isolated, "mine.TOML", set_text())
    one_line_error(cli(*WRITE, "--prompts", "mine"), 3, f"{upper} is there")
    assert entries(cli) == []


def test_a_set_named_like_the_self_check_form_says_why_it_is_not_read(
    cli: CLI, isolated: Path
) -> None:
    one_line_error(cli("prompts", "show", "supervision"), 3, "self-check form",
                   "peerjournal supervision check")
    path = user_set(isolated, "supervision.toml", set_text())
    one_line_error(cli(*WRITE, "--prompts", "supervision"), 3,
                   f"{path} is not read as a prompt set", "rename the file")


# -- a set with a mistake in it -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        # before: accepted, and shown and asked as an empty bullet
        (set_text(experience='guide_in_action = ["What did you notice?", "  "]\n'),
         ["experience.guide_in_action[2]: needs some text"]),
        # before: "no" was read as optional, silently
        (set_text(evaluation='[[evaluation.questions]]\nid = "plan"\ntext = "Plan?"\n'
                             'optional = "no"\n'),
         ["evaluation.questions[1].optional: should be true or false"]),
        # before: shown as "5" and "['Boud']"
        (set_text('description = 5\n'), ["description: should be text in quotes"]),
        (set_text('source = ["Boud"]\n'), ["source: should be text in quotes"]),
        # before: "questions: two questions share an id", with no id and no place
        (set_text(experience='[[experience.questions]]\nid = "plan"\ntext = "A?"\n',
                  evaluation='[[evaluation.questions]]\nid = "next"\ntext = "B?"\n'
                             '[[evaluation.questions]]\nid = "plan"\ntext = "C?"\n'),
         ["evaluation.questions[2].id: 'plan' is already the id of experience.questions[1]"]),
    ],
    ids=["blank-guide", "optional-text", "description-number", "source-list", "duplicate-id"],
)
def test_a_mistake_in_a_set_is_one_line_naming_the_file_and_the_key(
    cli: CLI, isolated: Path, content: str, fragments: list[str]
) -> None:
    path = user_set(isolated, "ours.toml", content)
    one_line_error(cli("prompts", "show", "ours"), 1, f"{path}: ", *fragments)
    one_line_error(cli(*WRITE, "--prompts", "ours"), 1, *fragments)
    assert entries(cli) == []


@pytest.mark.parametrize(
    ("encoding", "mark"), [("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")]
)
def test_a_set_saved_as_utf32_says_utf32(cli: CLI, isolated: Path, encoding: str,
                                         mark: bytes) -> None:
    """Before: "saved as UTF-16" (little-endian) or "not a text file" (big-endian)."""
    path = user_set(isolated, "ours.toml", mark + set_text().encode(encoding))
    message = one_line_error(cli("prompts", "show", "ours"), 1, f"{path}: saved as UTF-32",
                             "save it as UTF-8")
    assert "UTF-16" not in message


def test_a_huge_file_in_the_prompts_folder_is_refused_before_it_is_parsed(
    cli: CLI, isolated: Path
) -> None:
    """Before: a 10 MB file of questions took seconds to list and half a minute to show, and
    `write` asked every one of its thousands of questions."""
    filler = "# " + "x" * 98 + "\n"
    path = user_set(isolated, "big.toml", set_text() + filler * (MAX_SET_BYTES // 100 + 1))
    one_line_error(cli("prompts", "show", "big"), 1, f"{path}: too large for a prompt set",
                   "is it the right file?")
    listed = cli("prompts", "list")
    assert listed.exit_code == 0 and "boud" in listed.stdout and "too large" in listed.stderr
    user_set(isolated, "small.toml", set_text() + filler * 100)
    assert ok(cli("prompts", "show", "small", "--json"))


def test_prompts_list_keeps_one_line_a_set_and_a_column_for_long_names(
    cli: CLI, isolated: Path
) -> None:
    """Before: a title with a line break took two lines, an escape code in it reached the
    terminal, and a name longer than ten letters pushed its title out of the column."""
    user_set(isolated, "organisation-set.toml",
             set_text().replace('title = "Ours"', 'title = "Ours\\nsecond line \\u001b[2J"'))
    result = ok(cli("prompts", "list"))
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    assert "organisation-set  Ours second line \\x1b[2J" in lines
    assert "\x1b" not in result.stdout
    starts = {line.index(line.split()[1]) for line in lines}
    assert starts == {len("organisation-set  ")}
    shown = json.loads(ok(cli("prompts", "show", "organisation-set", "--json")).stdout)
    assert shown["title"] == "Ours second line \x1b[2J"  # JSON is data, untouched


def test_prompts_list_with_only_the_shipped_sets_is_as_the_readme_shows(cli: CLI) -> None:
    lines = ok(cli("prompts", "list")).stdout.splitlines()
    assert lines[0] == "boud       The three elements of reflection (Boud, Keogh & Walker)"
    assert lines[1] == "driscoll   What? So what? Now what? (Driscoll)"


def test_prompts_show_json_names_the_file_in_use(cli: CLI, isolated: Path) -> None:
    """A set of yours named like a shipped one replaces it: `show --json` now says which file
    is in use, as `list --json` does."""
    shipped = json.loads(ok(cli("prompts", "show", "gibbs", "--json")).stdout)
    assert Path(shipped["path"]).name == "gibbs.toml" and Path(shipped["path"]).is_file()
    path = user_set(isolated, "boud.toml", set_text())
    shown = json.loads(ok(cli("prompts", "show", "boud", "--json")).stdout)
    assert shown["path"] == str(path) and shown["title"] == "Ours"


# -- config.toml --------------------------------------------------------------------------------


def test_a_setting_above_its_section_says_where_it_goes(cli: CLI, isolated: Path) -> None:
    """Before: "unknown section [summary_after_write] (the sections are [drift])"."""
    isolated.mkdir(parents=True, exist_ok=True)
    config = isolated / "config.toml"
    config.write_text("summary_after_write = false\n", encoding="utf-8")
    message = one_line_error(cli(*WRITE), 1, f"{config}: summary_after_write is a [drift] "
                             "setting: put it on a line after [drift]")
    assert "unknown section" not in message
    config.write_text("[drift]\nsummary_after_write = false\n", encoding="utf-8")
    result = ok(cli(*WRITE))
    assert "Drift:" not in result.stderr


def test_a_settings_file_saved_as_utf32_says_utf32(cli: CLI, isolated: Path) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    config = isolated / "config.toml"
    config.write_bytes("[drift]\nsummary_after_write = false\n".encode("utf-32"))
    one_line_error(cli(*WRITE), 1, f"{config}: saved as UTF-32; save it as UTF-8")


# -- where the journal lives ---------------------------------------------------------------------


def test_a_blank_db_option_is_an_error_not_the_default_journal(cli: CLI, isolated: Path) -> None:
    """`--db "$JOURNAL"` with JOURNAL unset: before, the default journal was read and written
    instead, without a word."""
    ok(cli(*WRITE))
    for blank in ("", "  "):
        one_line_error(cli("--db", blank, "list"), 2, "--db (or PEERJOURNAL_DB) is empty")
        one_line_error(cli("--db", blank, "people", "add", "Sam"), 2, "is empty")
    assert len(entries(cli)) == 1
    assert json.loads(ok(cli("people", "list", "--json")).stdout) == []


def test_a_relative_db_is_named_in_full(cli: CLI, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: `where` printed "rel.db", while the data folder was named in full. (A relative
    PEERJOURNAL_DB is refused since round 30: a typed --db is read from the current folder.)"""
    monkeypatch.chdir(tmp_path)
    found = json.loads(ok(cli("--db", "rel.db", "where", "--json")).stdout)
    assert found["database"] == str(tmp_path / "rel.db")
    assert set(found) == {"data_dir", "database", "drafts", "cache", "prompts", "config",
                          "lexicon", "upgrade_copies", "lexicon_name", "lexicon_version"}
    one_line_error(cli("--db", "rel.db", "list"), 3,
                   f"There is no journal at {tmp_path / 'rel.db'}:")


def test_a_blank_peerjournal_home_is_unset_not_a_folder_named_space(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: PEERJOURNAL_HOME=' ' kept the journal in a folder named ' ' under the current
    one; an empty value already meant the default folder."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PEERJOURNAL_HOME", " ")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    found = json.loads(ok(cli("where", "--json")).stdout)
    assert found["data_dir"] == str(tmp_path / "xdg" / "peerjournal")
    ok(cli(*WRITE))
    assert not (tmp_path / " ").exists()
    assert (tmp_path / "xdg" / "peerjournal" / "journal.db").is_file()


def test_a_set_named_by_its_file_name_suggests_the_name(cli: CLI, isolated: Path) -> None:
    """`--prompts ips.toml`: before, no suggestion ('ips.toml' is too far from 'ips')."""
    one_line_error(cli(*WRITE, "--prompts", "ips.toml"), 3, "(did you mean 'ips'?)")
    path = user_set(isolated, "ours.toml", set_text())
    one_line_error(cli("prompts", "show", str(path)), 3, "(did you mean 'ours'?)")


def test_where_says_why_the_settings_cannot_be_read(cli: CLI, isolated: Path) -> None:
    """Before: "unknown: config.toml cannot be read", and another command to run to find out
    why; the paths still answer, on stdout as before."""
    isolated.mkdir(parents=True, exist_ok=True)
    config = isolated / "config.toml"
    config.write_text("[drift]\nsumary_after_write = false\n", encoding="utf-8")
    result = ok(cli("where"))
    assert f"config    {config}\n" in result.stdout
    assert "lexicon   unknown: config.toml cannot be read" in result.stdout
    assert result.stderr == (f"Settings not read: {config}: unknown setting "
                             "drift.sumary_after_write (did you mean 'summary_after_write'?).\n")
    as_json = ok(cli("where", "--json"))
    assert json.loads(as_json.stdout)["config"] == str(config)
    assert as_json.stderr == result.stderr
    config.write_text("[drift]\nsummary_after_write = false\n", encoding="utf-8")
    assert ok(cli("where")).stderr == ""


def test_a_home_folder_that_does_not_exist_is_one_line(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`~someone/…` for a user this computer does not have: before, "Unexpected error
    (RuntimeError)", exit 70, from PEERJOURNAL_HOME, --db and the drift.lexicon setting."""
    nobody = "~no-such-user-qa20"
    one_line_error(cli("--db", f"{nobody}/journal.db", "list"), 1,
                   f"--db (or PEERJOURNAL_DB) is '{nobody}/journal.db'",
                   f"no home folder '{nobody}'", "write the path in full")
    isolated.mkdir(parents=True, exist_ok=True)
    config = isolated / "config.toml"
    config.write_text(f'[drift]\nlexicon = "{nobody}/ours.toml"\n', encoding="utf-8")
    one_line_error(cli("drift", "--text", "I shared my story."), 1,
                   f"{config}: drift.lexicon is '{nobody}/ours.toml'")
    config.unlink()
    monkeypatch.setenv("PEERJOURNAL_HOME", f"{nobody}/journal")
    one_line_error(cli(*WRITE), 1, f"PEERJOURNAL_HOME is '{nobody}/journal'")
    one_line_error(cli("where"), 1, "PEERJOURNAL_HOME")


def test_a_guide_written_as_one_question_shows_the_list_to_write(
    cli: CLI, isolated: Path
) -> None:
    """`guide = "What happened?"`: before, "should be a list of questions", without saying
    what a list looks like in TOML."""
    user_set(isolated, "ours.toml", set_text().replace('guide = ["a question?"]',
                                                       'guide = "a question?"', 1))
    one_line_error(cli("prompts", "show", "ours"), 1,
                   'experience.guide: should be a list of questions in square brackets, '
                   'such as ["What happened?"')
    user_set(isolated, "empty.toml", "")
    one_line_error(cli("prompts", "show", "empty"), 1,
                   "experience: missing table", "add the line [experience] with a heading")
