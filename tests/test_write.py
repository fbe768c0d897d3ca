"""peerjournal write, as a writer uses it: quick entries, dates, files, stdin, the editor."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, FIXED_NOW

DOCUMENTED_KEYS = {"id", "date", "created_at", "updated_at", "setting", "mode", "prompt_set",
                   "tags", "experience", "feelings", "evaluation", "self_care", "answers"}

# A stand-in for $EDITOR: applies (old, new) replacements from FAKE_EDITS to the file it is
# given, then exits with FAKE_EDITOR_EXIT.
FAKE_EDITOR = """
import json, os, sys
path = sys.argv[-1]
with open(path, encoding="utf-8") as handle:
    text = handle.read()
for old, new in json.loads(os.environ.get("FAKE_EDITS", "[]")):
    text = text.replace(old, new)
with open(path, "w", encoding="utf-8") as handle:
    handle.write(text)
sys.exit(int(os.environ.get("FAKE_EDITOR_EXIT", "0")))
"""

Editor = Callable[..., None]


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Editor:
    """Make $EDITOR a script that applies the given (old, new) edits and exits with exit_code."""
    script = tmp_path / "fake_editor.py"
    script.write_text(FAKE_EDITOR, encoding="utf-8")

    def use(*edits: tuple[str, str], exit_code: int = 0) -> None:
        monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
        monkeypatch.setenv("FAKE_EDITS", json.dumps(edits))
        monkeypatch.setenv("FAKE_EDITOR_EXIT", str(exit_code))

    return use


def editor_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    """Make $EDITOR a Python script that runs `code` (the file to edit is sys.argv[-1])."""
    script = tmp_path / "editor_script.py"
    script.write_text(code, encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")


def entries(cli: CLI) -> list[dict[str, Any]]:
    result = cli("list", "--json", "--limit", "0")
    assert result.exit_code == 0, result.stderr
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


def drafts(home: Path) -> list[Path]:
    folder = home / "drafts"
    return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []


# -- quick entries ---------------------------------------------------------------------------


def test_quick_entry_prints_only_the_id(cli: CLI) -> None:
    result = cli("write", "--experience", "I sat with Sam.", "--feelings", "Calm.",
                 "--evaluation", "Good.", "--setting", "community", "-t", "Night", "-t", "team",
                 "--self-care", "A walk.", "--mode", "in-action")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "1\n"
    assert "Drift" in result.stderr  # messages go to stderr
    [stored] = entries(cli)
    assert stored["experience"] == "I sat with Sam."
    assert (stored["feelings"], stored["evaluation"], stored["self_care"]) == ("Calm.", "Good.",
                                                                              "A walk.")
    assert stored["tags"] == ["night", "team"]
    assert (stored["setting"], stored["mode"], stored["prompt_set"]) == ("community", "in-action",
                                                                         "boud")


def test_json_gives_the_stored_entry_in_the_documented_shape(cli: CLI) -> None:
    result = cli("write", "-x", "We talked about housing.", "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= DOCUMENTED_KEYS
    assert data["id"] == 1 and data["date"] == "2026-11-20"
    assert data["created_at"] == data["updated_at"] == FIXED_NOW
    assert data["answers"] == {} and data["tags"] == []
    assert data.pop("already") is False  # (a new entry: not the repeat of one)
    assert json.loads(cli("show", "1", "--json").stdout) == data


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("today", "2026-11-20"),
        ("yesterday", "2026-11-19"),
        ("3 days ago", "2026-11-17"),
        ("2 weeks ago", "2026-11-06"),
        ("tuesday", "2026-11-17"),
        ("last friday", "2026-11-13"),
        ("2026-10-31", "2026-10-31"),
        ("5 Nov 2026", "2026-11-05"),
        ("November 1, 2026", "2026-11-01"),
    ],
)
def test_date_forms(cli: CLI, given: str, stored: str) -> None:
    result = cli("write", "-x", "Something happened.", "--date", given, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["date"] == stored


@pytest.mark.parametrize("given", ["someday", "2026-13-01", "monthly", "next month"])
def test_unreadable_date_names_the_accepted_forms(cli: CLI, given: str) -> None:
    result = cli("write", "-x", "Something happened.", "--date", given)
    assert result.exit_code == 1
    assert "yesterday" in result.stderr and "days ago" in result.stderr
    assert "Traceback" not in result.stderr
    assert entries(cli) == []


@pytest.mark.parametrize("given", ["2026-11-21", "1 Dec 2026", "tomorrow", "next monday"])
def test_future_date_is_refused(cli: CLI, given: str) -> None:
    result = cli("write", "-x", "Something happened.", "--date", given)
    assert result.exit_code == 1
    assert "in the future" in result.stderr
    assert entries(cli) == []


@pytest.mark.parametrize("text", ["", "   ", "\n\t \n"])
def test_empty_experience_is_refused(cli: CLI, text: str) -> None:
    result = cli("write", "--experience", text)
    assert result.exit_code == 1
    assert "experience is empty" in result.stderr
    assert result.stdout == ""
    assert entries(cli) == []


def test_feelings_alone_is_not_an_entry(cli: CLI) -> None:
    result = cli("write", "--feelings", "Tired.")
    assert result.exit_code == 1 and "experience is empty" in result.stderr


def test_a_one_megabyte_entry_is_kept_whole(cli: CLI, tmp_path: Path) -> None:
    text = ("We talked for a long time about the week. " * 25_000)[:1_000_000].strip()
    source = tmp_path / "long.md"
    source.write_text(text, encoding="utf-8")
    result = cli("write", "--from-file", str(source))
    assert result.exit_code == 0, result.stderr
    assert json.loads(cli("show", "1", "--json").stdout)["experience"] == text


def test_bad_mode_and_tag_are_clear_errors(cli: CLI) -> None:
    result = cli("write", "-x", "x", "--mode", "sideways")
    assert result.exit_code == 1 and "on-action or in-action" in result.stderr
    result = cli("write", "-x", "x", "--tag", "###")
    assert result.exit_code == 1 and "Not a usable tag" in result.stderr
    result = cli("write", "-x", "x", "--tag", "\U0001f60a")  # an emoji alone
    assert result.stderr.startswith(
        "peerjournal: Not a usable tag: '\U0001f60a' (a tag needs at least one letter or "
        "number). Your words are kept as draft "
    )
    assert result.stderr.endswith("`peerjournal write --resume --draft 3 --tag TAG`.\n")
    assert entries(cli) == []


def test_two_ways_of_writing_at_once_is_refused(cli: CLI, tmp_path: Path) -> None:
    result = cli("write", "-x", "x", "--from-file", str(tmp_path / "nothing.md"))
    assert result.exit_code == 2 and "Use only one of" in result.stderr


# -- files and stdin --------------------------------------------------------------------------

MARKDOWN_ENTRY = """\
date: 3 days ago
setting: crisis
tags: night, Hard Day
mode: in-action
prompts: gibbs

## Experience
<!-- what happened -->
She called the line at 2am.
We stayed on the phone.

## Feelings
Tense, then calmer.

## Evaluation
It helped to say less.

### What else could you have done? <!-- id: conclusion -->
Asked what she wanted first.

## Self-care
Slept in.
"""


def _assert_markdown_entry(stored: dict[str, Any]) -> None:
    assert stored["date"] == "2026-11-17"
    assert (stored["setting"], stored["mode"], stored["prompt_set"]) == ("crisis", "in-action",
                                                                         "gibbs")
    assert stored["tags"] == ["hard-day", "night"]  # split on commas only, as the prompt says
    assert stored["experience"] == "She called the line at 2am.\nWe stayed on the phone."
    assert stored["feelings"] == "Tense, then calmer."
    assert stored["evaluation"] == "It helped to say less."
    assert stored["answers"] == {"conclusion": "Asked what she wanted first."}
    assert stored["self_care"] == "Slept in."


def test_from_file_reads_the_markdown_format(cli: CLI, tmp_path: Path) -> None:
    source = tmp_path / "entry.md"
    source.write_text(MARKDOWN_ENTRY, encoding="utf-8")
    result = cli("write", "--from-file", str(source), "--json")
    assert result.exit_code == 0, result.stderr
    _assert_markdown_entry(json.loads(result.stdout))


def test_from_stdin_reads_the_markdown_format(cli: CLI) -> None:
    result = cli("write", "--from-file", "-", input=MARKDOWN_ENTRY)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "1\n"
    _assert_markdown_entry(entries(cli)[0])


def test_question_headings_match_the_set_the_file_names(cli: CLI) -> None:
    text = ("prompts: gibbs\n## Experience\nA visit.\n## Evaluation\nOk.\n"
            "### Action plan: if it came up again, what would you do? \nAsk first.\n")
    result = cli("write", "--from-file", "-", "--json", input=text)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["answers"] == {"action_plan": "Ask first."}


def test_piped_text_without_sections_is_the_experience(cli: CLI) -> None:
    result = cli("write", "--setting", "housing", input="Helped him fill in the form.\r\n")
    assert result.exit_code == 0, result.stderr
    [stored] = entries(cli)
    assert stored["experience"] == "Helped him fill in the form."
    assert stored["setting"] == "housing"


def test_command_line_options_win_over_the_file_header(cli: CLI) -> None:
    result = cli("write", "--from-file", "-", "--setting", "group", "--date", "yesterday",
                 input=MARKDOWN_ENTRY)
    assert result.exit_code == 0, result.stderr
    stored = entries(cli)[0]
    assert (stored["setting"], stored["date"]) == ("group", "2026-11-19")


def test_stdin_neither_utf8_nor_windows_1252_is_a_clear_error_and_kept(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: refused and gone, though piped text exists nowhere else (a program's output).
    Text half Latin-1, half UTF-8 is not guessed at; Latin-1 alone is read (round 33)."""
    piped = b"caf\xe9 with Sam, d\xc3\xa9j\xc3\xa0 vu\n"
    result = cli("write", "--from-file", "-", "-s", "housing", input=piped)
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "peerjournal: Standard input is not UTF-8 text (at byte 4; it may be Latin-1 or "
        "Windows-1252): those bytes are kept as �. Your words are kept as draft ")
    assert entries(cli) == []
    [kept] = drafts(isolated)
    assert kept.read_text(encoding="utf-8").endswith("caf\ufffd with Sam, déjà vu\n")
    # the draft saved as it is in the editor (`:wq`; closed without saving, `:q!`, it would
    # stay a draft: round 32)
    monkeypatch.setenv("VISUAL", "touch")
    resumed = cli("write", "--resume")
    assert resumed.exit_code == 0, resumed.stderr
    assert [(e["experience"], e["setting"]) for e in entries(cli)] == [
        ("caf\ufffd with Sam, déjà vu", "housing")]
    latin1 = cli("write", "--from-file", "-", input=b"caf\xe9 with Kim\n")
    assert latin1.exit_code == 0, latin1.stderr
    assert "Standard input is not UTF-8: it was read as Windows-1252" in latin1.stderr
    assert sorted(e["experience"] for e in entries(cli)) == [
        "café with Kim", "caf\ufffd with Sam, déjà vu"]
    assert drafts(isolated) == []


def test_a_file_neither_utf8_nor_windows_1252_is_a_clear_error(cli: CLI, tmp_path: Path) -> None:
    source = tmp_path / "dos.md"
    source.write_bytes(b"## Experience\nNa\x8bve caf\x82 in Z\x81rich\n")  # cp850: 0x81 is ü
    result = cli("write", "--from-file", str(source))
    assert result.exit_code == 1
    assert "not UTF-8" in result.stderr and str(source) in result.stderr
    assert entries(cli) == []
    latin1 = tmp_path / "latin1.md"  # Latin-1 alone is read as Windows-1252 (round 33)
    latin1.write_bytes("## Experience\nNaïve café\n".encode("latin-1"))
    result = cli("write", "--from-file", str(latin1))
    assert result.exit_code == 0, result.stderr
    assert f"{latin1} is not UTF-8: it was read as Windows-1252" in result.stderr
    assert [e["experience"] for e in entries(cli)] == ["Naïve café"]


def test_missing_file_and_folder(cli: CLI, tmp_path: Path) -> None:
    result = cli("write", "--from-file", str(tmp_path / "nope.md"))
    assert result.exit_code == 1 and "No such file" in result.stderr
    result = cli("write", "--from-file", str(tmp_path))
    assert result.exit_code == 1 and "folder" in result.stderr


def test_a_file_with_a_future_date_or_unknown_set_saves_nothing(cli: CLI) -> None:
    future = MARKDOWN_ENTRY.replace("date: 3 days ago", "date: 2027-01-01")
    result = cli("write", "--from-file", "-", input=future)
    assert result.exit_code == 1 and "in the future" in result.stderr
    unknown = MARKDOWN_ENTRY.replace("prompts: gibbs", "prompts: nosuchset")
    result = cli("write", "--from-file", "-", input=unknown)
    assert result.exit_code == 3 and "nosuchset" in result.stderr
    assert entries(cli) == []


def test_a_file_with_an_unknown_section_names_the_line(cli: CLI) -> None:
    result = cli("write", "--from-file", "-", input="## Experience\nx\n## Thoughts\ny\n")
    assert result.exit_code == 1
    assert "Line 3" in result.stderr and "Thoughts" in result.stderr


# -- the editor --------------------------------------------------------------------------------


def test_editor_writes_an_entry_and_removes_the_draft(cli: CLI, editor: Editor,
                                                      isolated: Path) -> None:
    editor(("## Experience\n", "## Experience\nWalked to the shop together.\n"),
           ("## Feelings\n", "## Feelings\nLight.\n"))
    result = cli("write", "--editor", "--setting", "community")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "1\n"
    [stored] = entries(cli)
    assert stored["experience"] == "Walked to the shop together."
    assert stored["feelings"] == "Light."
    assert stored["setting"] == "community"
    assert drafts(isolated) == []


def test_editor_template_shows_the_questions(cli: CLI, editor: Editor, isolated: Path) -> None:
    editor(("## Experience\n", "## Experience\nA line.\n"), exit_code=1)
    cli("write", "--editor", "--prompts", "ips")
    [draft] = drafts(isolated)
    template = draft.read_text(encoding="utf-8")
    for heading in ("## Experience", "## Feelings", "## Evaluation", "## Self-care"):
        assert heading in template
    assert "<!-- id: moving_toward -->" in template
    assert "prompts: ips" in template


def test_editor_failing_saves_nothing_and_keeps_the_draft(cli: CLI, editor: Editor,
                                                         isolated: Path) -> None:
    editor(("## Experience\n", "## Experience\nHalf a thought.\n"), exit_code=3)
    result = cli("write", "--editor")
    assert result.exit_code == 1
    assert "status 3" in result.stderr and "nothing was saved" in result.stderr
    assert entries(cli) == []
    [draft] = drafts(isolated)
    assert "Half a thought." in draft.read_text(encoding="utf-8")
    # the kept draft is finished with --resume, nothing lost
    editor(("Half a thought.", "Half a thought, now whole."))
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert entries(cli)[0]["experience"] == "Half a thought, now whole."
    assert drafts(isolated) == []


def test_editor_left_empty_saves_nothing(cli: CLI, editor: Editor, isolated: Path) -> None:
    editor()
    result = cli("write", "--editor")
    assert result.exit_code == 1 and "left empty" in result.stderr
    assert entries(cli) == []


def test_missing_editor_is_a_clear_error(cli: CLI, monkeypatch: pytest.MonkeyPatch,
                                         isolated: Path) -> None:
    monkeypatch.setenv("EDITOR", "/no/such/editor-program")
    result = cli("write", "--editor")
    assert result.exit_code == 1
    assert "not found" in result.stderr and "$EDITOR" in result.stderr
    assert entries(cli) == []
    assert drafts(isolated) == []  # a blank template holds nothing typed: it is not kept


def test_resume_without_drafts(cli: CLI) -> None:
    result = cli("write", "--resume")
    assert result.exit_code == 3 and "no unfinished draft" in result.stderr  # not found


# -- prompt sets -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["boud", "gibbs", "driscoll", "ips"])
def test_each_shipped_prompt_set_can_be_used(cli: CLI, name: str) -> None:
    result = cli("write", "-x", "A visit.", "--prompts", name, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["prompt_set"] == name
    shown = cli("prompts", "show", name)
    assert shown.exit_code == 0 and "Experience" in shown.stdout


def test_unknown_prompt_set_is_not_found(cli: CLI) -> None:
    result = cli("write", "-x", "A visit.", "--prompts", "nope")
    assert result.exit_code == 3
    assert "nope" in result.stderr and "boud" in result.stderr
    assert cli("prompts", "show", "nope").exit_code == 3
    assert entries(cli) == []


def test_user_prompt_set_with_a_typo_names_file_and_key(cli: CLI, isolated: Path) -> None:
    folder = isolated / "prompts"
    folder.mkdir(parents=True)
    body = "".join(f'[{e}]\nheading = "{e}"\nguide = ["?"]\n'
                   for e in ("experience", "feelings", "evaluation"))
    (folder / "mine.toml").write_text('title = "Mine"\n' + body, encoding="utf-8")
    assert cli("write", "-x", "ok", "--prompts", "mine").exit_code == 0
    assert "mine" in cli("prompts", "list").stdout
    broken = folder / "broken.toml"
    broken.write_text('title = "Broken"\n' + body.replace("guide =", "giude =", 1),
                      encoding="utf-8")
    result = cli("write", "-x", "ok", "--prompts", "broken")
    assert result.exit_code == 1
    assert str(broken) in result.stderr and "experience.giude" in result.stderr
    assert len(entries(cli)) == 1


def test_prompts_list_json(cli: CLI) -> None:
    result = cli("prompts", "list", "--json")
    assert result.exit_code == 0
    names = {s["name"] for s in json.loads(result.stdout)}
    assert {"boud", "gibbs", "driscoll", "ips"} <= names


def test_text_from_stdin_is_kept_when_it_cannot_be_saved(cli: CLI, tmp_path: Path,
                                                         isolated: Path) -> None:
    bad_lexicon = tmp_path / "lexicon.toml"
    bad_lexicon.write_text("this is [not toml", encoding="utf-8")
    result = cli("--lexicon", str(bad_lexicon), "write", "--from-file", "-",
                 input=MARKDOWN_ENTRY)
    assert result.exit_code == 1
    assert "kept as draft" in result.stderr and entries(cli) == []
    # resuming asks nothing again: every element and question was already answered
    resumed = cli("write", "--resume", input="y\n")
    assert resumed.exit_code == 0, resumed.stderr
    assert "What else could you have done?" not in resumed.stderr
    _assert_markdown_entry(entries(cli)[0])
    assert drafts(isolated) == []


@pytest.mark.parametrize("setting", ['vim "unbalanced', "   "])
def test_an_unusable_editor_setting_is_a_clear_error(cli: CLI, monkeypatch: pytest.MonkeyPatch,
                                                     setting: str) -> None:
    monkeypatch.setenv("VISUAL", setting)
    result = cli("write", "--editor")
    assert result.exit_code == 1
    assert "$EDITOR" in result.stderr and "Unexpected" not in result.stderr


@pytest.mark.parametrize("option", ["--experience", "--feelings", "--setting", "--self-care"])
def test_non_utf8_bytes_on_the_command_line_are_a_clear_error(cli: CLI, option: str,
                                                              isolated: Path) -> None:
    # Python hands non-UTF-8 argv bytes over as lone surrogates ('\udce9' for b'\xe9').
    # (round 36: they are read as Windows-1252, as piped text is, and said so; they were
    # refused, and the words thrown away)
    args = ["-x", "ok"] if option != "--experience" else []
    result = cli("write", *args, option, "caf\udce9 with Sam")
    assert result.exit_code == 0, result.stderr
    assert "not UTF-8: it was read as Windows-1252" in result.stderr
    assert "Unexpected" not in result.stderr
    [entry] = entries(cli)
    key = option.removeprefix("--").replace("-", "_")
    assert entry[key] == "café with Sam"
    assert drafts(isolated) == []


def test_prompts_list_shows_the_good_sets_when_one_of_yours_is_broken(
    cli: CLI, isolated: Path
) -> None:
    folder = isolated / "prompts"
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text('title = "Mine"\ntypo = 1\n', encoding="utf-8")
    result = cli("prompts", "list")
    assert result.exit_code == 0  # said, as `where` says a broken config.toml
    assert "boud" in result.stdout and "gibbs" in result.stdout
    assert "Prompt set not usable: " in result.stderr
    assert "broken.toml" in result.stderr and "typo" in result.stderr


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (MARKDOWN_ENTRY.replace("## Feelings", "## Feelngs"), "unknown section"),
        (MARKDOWN_ENTRY.replace("date: 3 days ago", "date: 2027-01-01"), "in the future"),
        (MARKDOWN_ENTRY.replace("prompts: gibbs", "prompts: nosuchset"), "nosuchset"),
        ("## Feelings\nOnly feelings, no experience yet.\n", "experience is empty"),
    ],
)
def test_piped_text_that_cannot_be_saved_is_kept_as_a_draft(
    cli: CLI, isolated: Path, broken: str, message: str
) -> None:
    # Piped text (a paste, a phone note) exists nowhere else: it used to be dropped.
    result = cli("write", input=broken)
    assert result.exit_code in (1, 3) and message in result.stderr
    [kept] = drafts(isolated)
    assert kept.read_text(encoding="utf-8") == broken
    assert "Your words are kept as draft " in result.stderr and "--resume" in result.stderr
    assert entries(cli) == [] and result.stdout == ""


def test_piped_text_kept_after_a_typo_is_finished_with_resume(
    cli: CLI, editor: Editor, isolated: Path
) -> None:
    cli("write", "--from-file", "-", input=MARKDOWN_ENTRY.replace("## Feelings", "## Feelngs"))
    editor(("## Feelngs", "## Feelings"))
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    _assert_markdown_entry(entries(cli)[0])
    assert drafts(isolated) == []


def test_piped_text_is_printed_when_not_even_a_draft_can_be_kept(
    cli: CLI, isolated: Path
) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    (isolated / "drafts").write_text("not a folder", encoding="utf-8")
    broken = "## Experiance\nWe sat on the bench.\n"
    result = cli("write", input=broken)
    assert result.exit_code == 1 and "unknown section" in result.stderr
    assert "We sat on the bench." in result.stdout and "printed on stdout" in result.stderr


def test_a_file_that_cannot_be_saved_is_left_where_it_is(cli: CLI, tmp_path: Path,
                                                         isolated: Path) -> None:
    source = tmp_path / "entry.md"
    source.write_text("## Experiance\nx\n", encoding="utf-8")
    result = cli("write", "--from-file", str(source))
    assert result.exit_code == 1 and drafts(isolated) == []  # the file itself holds the text


@pytest.mark.parametrize("args", [[], ["--from-file", "-"]])
def test_nothing_on_stdin_says_so(cli: CLI, isolated: Path, args: list[str]) -> None:
    # e.g. `peerjournal write` run where there is no terminal (ssh without -t, an IDE panel)
    result = cli("write", *args, input="  \n")
    assert result.exit_code == 1
    assert "No text came in on standard input" in result.stderr
    assert "in a terminal" in result.stderr and drafts(isolated) == []


@pytest.mark.parametrize("args", [["We", "sat", "together."], ["-x", "We", "sat", "together."]])
def test_text_without_x_or_quotes_says_how_to_give_it(cli: CLI, args: list[str]) -> None:
    # `peerjournal write We sat together.` (as jrnl takes it), or -x without quotes: it was
    # "Got unexpected extra argument(s)".
    result = cli("write", *args)
    assert result.exit_code == 2
    assert result.stderr == (
        "peerjournal: A quick entry's text goes after -x, in quotes: "
        'peerjournal write -x "What happened". Nothing was saved.\n'
    )
    assert entries(cli) == []
    assert "[OPTIONS]\n" in cli("write", "--help").stdout  # no argument in the usage line


@pytest.mark.parametrize("args", [
    ["-x", "A call.", "-s", "phone/text", "line"],
    ["-f", "tired", "-s", "phone/text", "line"],
])
def test_an_unquoted_option_value_is_named(cli: CLI, args: list[str]) -> None:
    """Was: "A quick entry's text goes after -x, in quotes" though -x was given: the stray
    word was the second word of the setting."""
    result = cli("write", *args)
    assert result.exit_code == 2
    assert result.stderr == (
        "peerjournal: 'line' is not part of -s: a value of more than one word goes in "
        'quotes, as in -s "phone/text line". Nothing was saved.\n'
    )
    assert entries(cli) == []


def test_stdin_reads_the_entry_as_drift_stdin_does(cli: CLI) -> None:
    """Was: "No such option: --stdin. Did you mean --json or --setting?" (drift has --stdin)."""
    result = cli("write", "--stdin", input="We sat in the garden and talked about his week.\n")
    assert result.exit_code == 0, result.stderr
    assert [e["experience"] for e in entries(cli)] == [
        "We sat in the garden and talked about his week."]
    both = cli("write", "--stdin", "--from-file", "shift.md", input="x\n")
    assert both.exit_code == 2 and "Use only one of --stdin and --from-file." in both.stderr


def test_an_editor_that_returns_at_once_gets_a_hint_about_waiting(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, isolated: Path, add: Callable[..., int]
) -> None:
    # EDITOR=code (without --wait) returns at once: the writer saw a window open, and then
    # only "left empty" or "No changes", with no clue why.
    from peerjournal.cli import editor as editor_module

    monkeypatch.setenv("EDITOR", "true")
    hint = 'make it wait until you close the file, e.g. EDITOR="code --wait".'
    result = cli("write", "--editor")
    assert result.exit_code == 1 and "left empty" in result.stderr and hint in result.stderr
    entry_id = add()
    result = cli("edit", str(entry_id))
    assert result.exit_code == 0 and f"Entry {entry_id} is unchanged." in result.stderr
    assert hint in result.stderr
    monkeypatch.setattr(editor_module, "QUICK_EXIT_SECONDS", 0.0)  # an editor that took time
    assert "code --wait" not in cli("write", "--editor").stderr
    assert cli("edit", str(entry_id)).stderr == f"Entry {entry_id} is unchanged.\n"


def test_a_header_above_text_without_sections_is_read(cli: CLI) -> None:
    # `date:` used to be stored as the first line of the experience, and the date ignored.
    text = "date: 2026-11-10\r\nsetting: crisis\r\ntags: night, hard day\r\n\r\nWe sat.\r\n"
    result = cli("write", "--from-file", "-", input=text)
    assert result.exit_code == 0, result.stderr
    [stored] = entries(cli)
    assert stored["experience"] == "We sat."
    assert (stored["date"], stored["setting"], stored["tags"]) == (
        "2026-11-10", "crisis", ["hard-day", "night"])


def test_options_given_with_piped_text_are_kept_with_its_draft(
    cli: CLI, editor: Editor, isolated: Path
) -> None:
    # They used to be lost: `--resume` saved the entry dated today, untagged, unshared.
    broken = "## Experiance\nWe sat on the bench.\n"
    result = cli("write", "-t", "Bench", "-s", "community", "--date", "2026-11-02",
                 "--self-care", "Tea --> biscuits", "--share", input=broken)
    assert result.exit_code == 1 and "unknown section" in result.stderr
    [kept] = drafts(isolated)
    assert kept.read_text(encoding="utf-8").endswith(broken)
    listed = cli("drafts", "--json")
    # listed by the writer's words, not the mistyped heading
    assert json.loads(listed.stdout)[0]["first_words"] == "We sat on the bench."
    editor(("## Experiance", "## Experience"))
    result = cli("write", "--resume", "-s", "group")  # given now: replaces the kept one
    assert result.exit_code == 0, result.stderr
    [stored] = entries(cli)
    assert (stored["date"], stored["setting"], stored["tags"], stored["self_care"]) == (
        "2026-11-02", "group", ["bench"], "Tea --> biscuits")
    assert stored["shared"] is True and stored["experience"] == "We sat on the bench."
    assert drafts(isolated) == []


def test_options_kept_with_a_draft_are_dropped_with_their_line(
    cli: CLI, editor: Editor, isolated: Path
) -> None:
    cli("write", "-s", "community", input="## Experiance\nWe sat on the bench.\n")
    [kept] = drafts(isolated)
    first_line = kept.read_text(encoding="utf-8").split("\n")[0]
    editor((first_line, ""), ("## Experiance", "## Experience"))
    assert cli("write", "--resume").exit_code == 0
    assert entries(cli)[0]["setting"] == ""


def test_an_editor_killed_by_a_signal_is_said_in_words_and_the_text_is_kept(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor_script(
        tmp_path,
        monkeypatch,
        "import os, signal, sys\n"
        "with open(sys.argv[-1], 'a', encoding='utf-8') as f:\n"
        "    f.write('\\nHalf a thought.\\n')\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n",
    )
    result = cli("write", "--editor")
    assert result.exit_code == 1
    # it said "The editor exited with status -9"
    assert "The editor was stopped (SIGKILL); nothing was saved." in result.stderr
    [draft] = drafts(isolated)
    assert "kept as draft 1: `peerjournal write --resume --draft 1`" in result.stderr
    assert "Half a thought." in draft.read_text("utf-8")


def test_an_editor_that_saves_another_encoding_says_how_to_continue(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, editor: Editor
) -> None:
    editor_script(
        tmp_path,
        monkeypatch,
        "import sys\n"  # DOS's cp850: ü is 0x81, which Windows-1252 leaves undefined
        "with open(sys.argv[-1], 'w', encoding='cp850') as f:\n"
        "    f.write('## Experience\\nWe went to the caf\\u00e9 in Z\\u00fcrich.\\n')\n",
    )
    result = cli("write", "--editor")
    assert result.exit_code == 1
    [draft] = drafts(isolated)
    # "save it as UTF-8 and try again": `write --editor` again started a new, blank template
    assert "save it as UTF-8 and run `peerjournal write --resume --draft 1`." in result.stderr
    # (r37: then the ways out, should it not be made text)
    assert result.stderr.strip().endswith("`peerjournal drafts --discard 1` discards it.")
    assert str(draft) in result.stderr and len(result.stderr.strip().splitlines()) == 1
    draft.write_text(draft.read_text(encoding="cp850"), encoding="utf-8")  # fixed
    editor()  # saves it unchanged
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert entries(cli)[0]["experience"] == "We went to the café in Zürich."


ODD_SET = '''title = "Odd"
[experience]
heading = "What happened --> and then?"
guide = ["Say it <!-- here -->"]
questions = [{id = "first", text = """Line one
line two?"""}]
[feelings]
heading = "Feelings"
[evaluation]
heading = "Evaluation"
questions = [{id = "later", text = "Next <!-- id: first --> time?"}]
'''


def test_a_prompt_set_with_comment_marks_or_line_breaks_keeps_the_template_whole(
    cli: CLI, isolated: Path, editor: Editor
) -> None:
    # A `-->` in a heading ended the template's comment early: the rest of the guidance was
    # saved as the experience of an entry nobody wrote, and answers went under the wrong id.
    (isolated / "prompts").mkdir(parents=True)
    (isolated / "prompts" / "odd.toml").write_text(ODD_SET, encoding="utf-8")
    editor()
    result = cli("write", "--editor", "--prompts", "odd")
    assert result.exit_code == 1 and "left empty" in result.stderr
    assert entries(cli) == []
    editor(
        ("## Experience\n", "## Experience\nWe met.\n"),
        ("line two? <!-- id: first -->\n", "line two? <!-- id: first -->\nFirst answer.\n"),
        ("time? <!-- id: later -->\n", "time? <!-- id: later -->\nLater answer.\n"),
    )
    result = cli("write", "--editor", "--prompts", "odd")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert entry["experience"] == "We met."
    assert entry["answers"] == {"first": "First answer.", "later": "Later answer."}
