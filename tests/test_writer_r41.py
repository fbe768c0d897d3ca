"""Round 41 (writer): a guided entry begun in the small hours asks its day; an unknown -p on a
quick entry can be given again with `--resume -p SET`, the set meant; "back" alone at a prompt goes
back a question; a `## Feelings` heading deleted alone keeps its words once (`edit` and `write
--resume --editor` alike); role words in lower case in a setting are not taken for names; the
hint of a draft whose setting was refused saves it (`echo y | … --setting "SETTING"`)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, Keys
from test_editor_drafts_r29 import use_editor
from test_write import entries

AFTER = ["", "", "", "", "", ""]  # feelings to self-care, then "Save this entry?"
LONG = "crisis house, night shift, bank staff, ward 4, day centre, outreach van"  # 71


def _said(stderr: str) -> str:
    return " ".join(stderr.split())


def _drafts(home: Path) -> list[Path]:
    folder = home / "drafts"
    return sorted(p for p in folder.glob("*.*") if p.is_file()) if folder.is_dir() else []


# -- 1. the small hours: the day asked once --------------------------------------------------


def _at(monkeypatch: pytest.MonkeyPatch, moment: str) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", moment)


def test_after_midnight_enter_dates_the_entry_yesterday(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: dated 21 Nov silently, though written about the shift of the 20th."""
    _at(monkeypatch, "2026-11-21T00:40:00+00:00")
    keys("", "ward", "Sat with Jo after handover.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    said = _said(result.stderr)
    assert ("It is 00:40: is this entry about yesterday, Fri 20 Nov 2026 (a late shift)? "
            "[Y/n]") in said
    assert ("Dated Fri 20 Nov 2026 (`peerjournal edit ID --date DATE` changes it once "
            "saved).") in said
    [entry] = entries(cli)
    assert (entry["date"], entry["setting"]) == ("2026-11-20", "ward")


def test_after_midnight_n_keeps_today_and_says_so(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch
) -> None:
    _at(monkeypatch, "2026-11-21T03:59:00+00:00")
    keys("n", "", "Sat with Jo.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "Dated today, Sat 21 Nov 2026" in _said(result.stderr)
    assert entries(cli)[0]["date"] == "2026-11-21"


@pytest.mark.parametrize("moment", ["2026-11-21T04:00:00+00:00", "2026-11-20T18:30:00+00:00"])
def test_the_day_is_not_asked_in_the_daytime(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch, moment: str
) -> None:
    _at(monkeypatch, moment)
    keys("", "Sat with Jo.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "is this entry about yesterday" not in result.stderr
    assert entries(cli)[0]["date"] == moment[:10]


def test_a_date_given_is_not_asked_after_midnight(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch
) -> None:
    _at(monkeypatch, "2026-11-21T00:40:00+00:00")
    keys("", "Sat with Jo.", "", *AFTER, "y")
    result = cli("write", "-d", "today")
    assert result.exit_code == 0, result.stderr
    assert "is this entry about yesterday" not in result.stderr
    assert entries(cli)[0]["date"] == "2026-11-21"


def test_words_typed_at_the_day_question_begin_the_experience(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch
) -> None:
    _at(monkeypatch, "2026-11-21T00:40:00+00:00")
    keys("Long night on the ward.", "y", "", "Jo settled.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert entry["date"] == "2026-11-20"
    assert entry["experience"] == "Long night on the ward.\nJo settled."


# -- 2. an unknown -p on a quick entry -------------------------------------------------------


def test_an_unknown_prompt_set_given_again_with_resume_works(cli: CLI, isolated: Path) -> None:
    """Was: `--resume -p ips`, the set meant (the error lists the sets), refused: "This draft
    was started with the 'boud' prompts" (the default the kept draft was given)."""
    result = cli("write", "-x", "Sat with Jo.", "-p", "nosuch")
    assert result.exit_code != 0
    assert "`peerjournal write --resume --draft 1`" in _said(result.stderr)
    again = cli("write", "--resume", "-p", "ips", input="y\n")
    assert again.exit_code == 0, again.stderr
    [entry] = entries(cli)
    assert (entry["prompt_set"], entry["experience"]) == ("ips", "Sat with Jo.")
    assert _drafts(isolated) == []


def test_an_unknown_prompt_set_with_piped_text_resumes_with_the_set_meant(
    cli: CLI, isolated: Path
) -> None:
    result = cli("write", "--stdin", "-p", "nosuch", input="Sat with Jo.\n")
    assert "`peerjournal write --resume --draft 1`" in _said(result.stderr)
    again = cli("write", "--resume", "-p", "gibbs", input="y\n")
    assert again.exit_code == 0, again.stderr
    assert entries(cli)[0]["prompt_set"] == "gibbs"


def test_resume_without_the_set_still_saves_with_the_default(cli: CLI) -> None:
    cli("write", "-x", "Sat with Jo.", "-p", "nosuch")
    again = cli("write", "--resume", input="y\n")
    assert again.exit_code == 0, again.stderr
    assert entries(cli)[0]["prompt_set"] == "boud"


def test_a_draft_with_questions_left_still_refuses_another_set(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("", "Sat with Jo.", "", "q")
    assert cli("write").exit_code != 0
    keys("y")
    result = cli("write", "--resume", "-p", "ips")
    assert result.exit_code != 0
    assert "cannot change them halfway" in _said(result.stderr)


# -- 3. "back" alone at a prompt ---------------------------------------------------------------


def test_back_at_a_prompt_goes_back_a_question_and_is_not_saved(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """Was: "back" saved as the feelings."""
    keys("", "Sat with Jo.", "", "back", "He led the way.", "", "Calm.", "", *AFTER[1:], "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    said = _said(result.stderr)
    assert said.count("(back alone on a line goes back a question)") == 1
    assert "Back a question ('back' is not added to your answer)." in said
    [entry] = entries(cli)
    assert entry["experience"] == "Sat with Jo.\nHe led the way."
    assert entry["feelings"] == "Calm."
    assert "back" not in json.dumps(entry).lower()


@pytest.mark.parametrize("typed", ["Go back", "undo", "back."])
def test_back_after_lines_keeps_them_and_they_are_shown_again(
    cli: CLI, keys: Callable[..., Keys], typed: str
) -> None:
    keys("", "Sat with Jo.", "", "Tired.", typed, "", "", "", *AFTER[1:], "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "(continuing your draft:) Tired." in _said(result.stderr)
    [entry] = entries(cli)
    assert (entry["experience"], entry["feelings"]) == ("Sat with Jo.", "Tired.")


def test_back_at_the_first_question_says_there_is_none(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("back", "ward", "Sat with Jo.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "there is no question before this one" in _said(result.stderr)
    assert entries(cli)[0]["setting"] == "ward"


def test_back_does_not_go_to_a_setting_given_as_a_flag(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("back", "Sat with Jo.", "", *AFTER, "y")
    result = cli("write", "-s", "ward")
    assert result.exit_code == 0, result.stderr
    assert "there is no question before this one" in _said(result.stderr)
    assert entries(cli)[0]["experience"] == "Sat with Jo."


def test_back_inside_a_paste_is_words(cli: CLI, keys: Callable[..., Keys]) -> None:
    keys("", ["Sat with Jo.", "back", "Then home."], "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert entries(cli)[0]["experience"] == "Sat with Jo.\nback\nThen home."


def test_back_piped_in_is_words(cli: CLI) -> None:
    from peerjournal.replies import goes_back

    assert goes_back("  Go   BACK! ") and goes_back("undo") and not goes_back("went back")


# -- 4. a `## Feelings` heading deleted alone ---------------------------------------------------

ENTRY = ("## Experience\nWalked with Dev.\n\n## Feelings\nIrritated, then steadier.\n\n"
         "## Evaluation\nHe led.\n")
MOVED = ("The `## Feelings` heading is not in the file, but the words under it are, now under "
         "Experience: they are kept there, once")


def _deleting_the_feelings_heading(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    use_editor(monkeypatch, tmp_path, """
        import re
        text = open(path, encoding="utf-8").read()
        text = re.sub(r"^## Feelings[^\\n]*\\n", "", text, flags=re.M)
        open(path, "w", encoding="utf-8").write(text)
    """)


def test_edit_keeps_the_words_of_a_deleted_heading_once(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert cli("write", "--stdin", input=ENTRY).exit_code == 0
    _deleting_the_feelings_heading(monkeypatch, tmp_path)
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    assert MOVED in _said(result.stderr) and "Not in the file" not in result.stderr
    [entry] = entries(cli)
    assert entry["feelings"] == ""
    assert entry["experience"].count("Irritated, then steadier.") == 1


def test_resume_editor_does_as_edit_does(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Was: the words kept twice (in Experience and in Feelings), said "Not in the file"."""
    cli("write", "-x", "Walked with Dev.", "-f", "Irritated, then steadier.", "-s", LONG)
    _deleting_the_feelings_heading(monkeypatch, tmp_path)
    monkeypatch.setattr("peerjournal.context.AppContext.stdin_is_terminal", lambda self: True)
    result = cli("write", "--resume", "--editor", "--setting", "ward")
    assert result.exit_code == 0, result.stderr
    assert MOVED in _said(result.stderr) and "Not in the file" not in result.stderr
    [entry] = entries(cli)
    assert entry["feelings"] == ""
    assert entry["experience"].count("Irritated, then steadier.") == 1


def test_a_section_deleted_with_its_words_is_still_kept_and_said(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert cli("write", "--stdin", input=ENTRY).exit_code == 0
    use_editor(monkeypatch, tmp_path, """
        text = open(path, encoding="utf-8").read()
        text = text.replace("## Feelings", "").replace("Irritated, then steadier.", "")
        open(path, "w", encoding="utf-8").write(text.replace("He led.", "He led, I followed."))
    """)
    result = cli("edit", "1")
    assert result.exit_code == 0, result.stderr
    assert "Not in the file, so kept as they are in entry 1: the Feelings section" in _said(
        result.stderr)
    assert entries(cli)[0]["feelings"] == "Irritated, then steadier."


# -- 5. role words in lower case are no names ---------------------------------------------------

ROLES = ["hca crying", "customer shouting", "nurse upset", "security guard shouting",
         "ward 4, hca upset", "pharmacist angry", "support worker crying", "students shouting"]


@pytest.mark.parametrize("line", ROLES)
def test_a_role_in_lower_case_is_no_name(line: str) -> None:
    from peerjournal.cli.guided import person_named, reads_like_a_sentence

    assert person_named(line) == ""
    assert not reads_like_a_sentence(line, one_value=True)


@pytest.mark.parametrize("line", ["jamal upset", "dev upset", "busy ward, kai crying"])
def test_a_name_in_lower_case_is_still_questioned(line: str) -> None:
    from peerjournal.cli.guided import person_named

    assert person_named(line) == re.findall(r"jamal|dev|kai", line)[0]


def test_the_prompt_takes_a_role_unasked(cli: CLI, keys: Callable[..., Keys]) -> None:
    keys("hca crying", "Sat with her.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "may be a person's name" not in result.stderr
    assert entries(cli)[0]["setting"] == "hca crying"


# -- 6. a draft whose --setting was refused: the hint that saves it -----------------------------


def _kept_with_a_long_setting(cli: CLI) -> None:
    result = cli("write", "--stdin", "-s", LONG, input="Sat with Jo at the drop-in.\n")
    assert result.exit_code == 1


def _resumed_with_no_stdin() -> tuple[int, str]:
    """`write --resume < /dev/null` in a child process (a hard timeout kills its group)."""
    import os
    import signal
    import subprocess
    import sys

    from conftest import SRC

    child = subprocess.Popen(
        [sys.executable, "-m", "peerjournal", "write", "--resume"], stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env={**os.environ, "PYTHONPATH": SRC, "EDITOR": "false", "VISUAL": "false"},
    )
    try:
        _, err = child.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        raise
    return child.returncode, err


@pytest.mark.parametrize("reply", [None, "maybe\n"])
def test_the_echo_y_hint_names_setting_and_works(cli: CLI, reply: str | None) -> None:
    """Was: `echo y | peerjournal write --resume`, refused again (the setting too long)."""
    _kept_with_a_long_setting(cli)
    if reply is None:  # (no answer: stdin at its end)
        code, stderr = _resumed_with_no_stdin()
    else:
        result = cli("write", "--resume", input=reply)
        code, stderr = result.exit_code, result.stderr
    assert code == 1
    hint = re.search(r"`echo y \| (peerjournal write --resume[^`]*)`", stderr)
    assert hint is not None and hint.group(1).endswith('--setting "SETTING"')
    again = cli("write", "--resume", "--setting", "ward 4", input="y\n")
    assert again.exit_code == 0, again.stderr
    assert entries(cli)[0]["setting"] == "ward 4"


def test_the_echo_y_hint_is_plain_when_the_setting_is_fine(cli: CLI) -> None:
    cli("write", "--stdin", "-s", "ward", "-d", "bogus", input="Sat with Jo.\n")
    result = cli("write", "--resume", input="maybe\n")
    assert "`echo y | peerjournal write --resume` saves it" in _said(result.stderr)


def test_a_guided_draft_with_a_refused_setting_names_setting(cli: CLI) -> None:
    cli("write", "-x", "Sat with Jo.", "-s", LONG)
    result = cli("write", "--resume", input="y\n")
    assert result.exit_code == 1
    assert '`peerjournal write --resume --draft 1 --setting "SETTING"`.' in _said(result.stderr)




def test_words_inside_a_word_are_not_taken_as_moved() -> None:
    from peerjournal.cli.edit import headings_deleted
    from peerjournal.entry import EntryDraft
    from peerjournal.reflection import ParsedEntry

    kept = EntryDraft(date=__import__("datetime").date(2026, 11, 20), experience="I was saddened",
                      feelings="sad")
    parsed = ParsedEntry(texts={"experience": "I was saddened"}, answers={})
    assert headings_deleted(kept, parsed) == [] and "feelings" not in parsed.texts


def test_back_at_the_tags_goes_back_to_the_last_question(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("", "Sat with Jo.", "", *AFTER[:4], "back", "", "family", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "Back a question" in result.stderr
    [entry] = entries(cli)
    assert entry["tags"] == ["family"]
