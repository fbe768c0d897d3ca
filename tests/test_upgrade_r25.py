"""Round 25: an upgrade says what it does and the copy it keeps; `supervision prep` asks about
a self-check only while it is "lately"; readline edits characters under LC_ALL=C."""

from __future__ import annotations

import json
import locale
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, alembic_config
from peerjournal.cli.guided import UTF8_LOCALES, edit_characters
from peerjournal.supervision import load_form
from test_qa16_writer_terminal import REST, _stored, _write_on_a_terminal
from test_supervision_cli import all_answers, answers_file

FORM = load_form()

# -- an upgrade is told (QA round 25, long-term user #2) ----------------------------------------


def test_an_upgrade_says_so_before_and_names_the_copy_it_kept_after(
    cli: CLI, add: Callable[..., int], isolated: Path
) -> None:
    """Was: 7 s of silence on a large journal, and a full-size copy beside it that nothing
    mentioned. The lines go to stderr: `--json` output on stdout stays whole."""
    from alembic import command

    add("Kept through the upgrade.", "--date", "2026-11-02")
    command.downgrade(alembic_config(isolated / "journal.db"), "0005")
    result = cli("list", "--json")
    assert result.exit_code == 0, result.stderr
    assert [e["id"] for e in json.loads(result.stdout)] == [1]
    [copy] = isolated.glob("journal.db.backup-*")
    before, after = result.stderr.splitlines()
    assert before == (
        "Upgrading your journal to this version of peerjournal (once; it can take a while)."
    )
    size = -(-copy.stat().st_size // 1000)
    assert after == (
        f"Upgraded your journal. The copy from before the upgrade is {copy} ({size} kB): "
        "delete it once you are happy with this version."
    )
    again = cli("list", "--json")  # current now: nothing more is said
    assert again.exit_code == 0 and again.stderr == ""


# -- prep and an old self-check (QA round 25, long-term user #3) ---------------------------------


@pytest.fixture
def at(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Set the clock to noon UTC of a day."""
    return lambda day: monkeypatch.setenv("PEERJOURNAL_NOW", f"{day}T12:00:00+00:00")


def _prep(cli: CLI) -> dict[str, Any]:
    result = cli("supervision", "prep", "--json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _check(cli: CLI, tmp_path: Path, answers: dict[str, Any], name: str) -> None:
    result = cli("supervision", "check", "--answers", answers_file(tmp_path, answers, name))
    assert result.exit_code == 0, result.stderr


def test_a_check_from_before_the_last_supervision_is_not_asked_about_as_lately(
    cli: CLI, tmp_path: Path, at: Callable[[str], None]
) -> None:
    """Was: "What has made your own story feel harder to reach for lately? (you answered …
    with 1 in your latest self-check)" from a check 20 months old, older than the last two
    supervisions, where it was most likely talked about."""
    at("2025-04-01")
    _check(cli, tmp_path, all_answers(1), "old.json")
    for day in ("2026-01-05", "2026-11-29"):
        at(day)
        assert cli("supervision", "done").exit_code == 0
    at("2026-12-20")
    prep = _prep(cli)
    assert prep["questions"] == []
    assert prep["self_check"]["last"].startswith("2025-04-01")
    assert prep["self_check"]["before_period"] is True
    text = cli("supervision", "prep").stdout
    assert "latest self-check" not in text


def test_a_check_since_the_last_supervision_is_still_asked_about(
    cli: CLI, tmp_path: Path, at: Callable[[str], None]
) -> None:
    at("2026-11-29")
    assert cli("supervision", "done").exit_code == 0
    at("2026-12-01")
    answers: dict[str, Any] = {**all_answers(3), "story": 1}
    _check(cli, tmp_path, answers, "new.json")
    at("2026-12-20")
    prep = _prep(cli)
    assert prep["self_check"]["before_period"] is False
    assert [q["why"] for q in prep["questions"]] == [
        f"you answered '{FORM.item('story').text}' with score 1 of 5 in your latest self-check"
    ]


def test_a_newer_unfinished_check_has_the_newer_word_on_what_it_answered(
    cli: CLI, tmp_path: Path, at: Callable[[str], None]
) -> None:
    """Was: story answered 3 in last week's unfinished check, yet prep asked about story from
    the older check's 1; and the unfinished check's own 1 was never asked about."""
    at("2026-11-02")
    old: dict[str, Any] = {**all_answers(3), "story": 1, "voice": 2}
    _check(cli, tmp_path, old, "old.json")
    at("2026-12-14")
    _check(cli, tmp_path, {"story": 3, "self_worth": 1}, "started.json")
    at("2026-12-20")
    prep = _prep(cli)
    assert [item["id"] for item in prep["self_check"]["low"]] == ["voice"]  # story: answered 3
    worth, voice = FORM.item("self_worth"), FORM.item("voice")
    assert [(q["text"], q["why"]) for q in prep["questions"]] == [
        (worth.question,
         f"you answered '{worth.text}' with score 1 of 5 in the self-check you started on "
         "14 Dec 2026"),
        (voice.question,
         f"you answered '{voice.text}' with score 2 of 5 in your latest self-check"),
    ]


# -- readline under LC_ALL=C (QA round 25, international writers #4) ----------------------------


@pytest.fixture
def ctype_kept() -> Iterator[None]:
    """The test process's LC_CTYPE as it was (setlocale is not undone by monkeypatch)."""
    kept = locale.setlocale(locale.LC_CTYPE)
    yield
    locale.setlocale(locale.LC_CTYPE, kept)


def _utf8_locale_exists() -> bool:
    for name in UTF8_LOCALES:
        try:
            locale.setlocale(locale.LC_CTYPE, name)
        except locale.Error:
            continue
        return True
    return False


@pytest.mark.usefixtures("ctype_kept")
def test_the_c_locale_is_switched_to_utf8_before_readline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not _utf8_locale_exists():
        pytest.skip("no UTF-8 locale on this system")
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setenv("LANG", "C")
    edit_characters()
    assert os.environ["LC_ALL"] in UTF8_LOCALES
    assert locale.setlocale(locale.LC_CTYPE).lower().replace("-", "").endswith("utf8")
    monkeypatch.delenv("LC_ALL")
    monkeypatch.setenv("LC_CTYPE", "POSIX")
    edit_characters()
    assert os.environ["LC_CTYPE"] in UTF8_LOCALES and "LC_ALL" not in os.environ


@pytest.mark.usefixtures("ctype_kept")
def test_a_locale_the_writer_chose_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "de_DE.ISO-8859-1")
    edit_characters()
    assert os.environ["LC_ALL"] == "de_DE.ISO-8859-1" and "LC_CTYPE" not in os.environ


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_backspace_under_lc_all_c_deletes_a_whole_character(
    isolated: Path, journal_template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was "It fits 李\ufffdX": readline deleted one of 伟's three bytes."""
    import shutil

    if not _utf8_locale_exists():
        pytest.skip("no UTF-8 locale on this system")
    isolated.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(journal_template, isolated / "journal.db")
    monkeypatch.setenv("LC_ALL", "C")  # (the child's environment is this process's)
    monkeypatch.setenv("LANG", "C")
    keys = [b"\r", "It fits 李伟".encode(), b"\x7f", b"X\r", b"\r", *REST]
    _write_on_a_terminal(keys)
    assert _stored(isolated)["experience"] == "It fits 李X"
