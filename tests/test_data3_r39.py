"""Round 39, review_writer F2, F4-F8, F10, F12: an edited jrnl entry sharing its minute is a
version, not "deleted since"; `import --dry-run` refuses a --lexicon only tried as the import
does; config.toml slips in the words of the setting's type; `people remove` suggests no one
when a name is as near two; --note reads Word's soft line break as a line break; a search's
suggestion keeps its filters; a \\x01 in an entry is not read as a highlight."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal import paths
from peerjournal.config import toml_slip


def _ok(cli: CLI, *args: str) -> Any:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result


# -- F2: an edited jrnl entry that shares its minute with another -----------------------------

JRNL = ("[2026-11-01 09:00] First one at nine.\nSat with J on the ward.\n\n"
        "[2026-11-01 09:00] Second one at nine.\nPhone call with K.\n\n"
        "[2026-11-02 10:00] Third.\nQuiet day.\n")


def test_an_edited_jrnl_entry_sharing_its_minute_is_a_version_not_deleted(
    cli: CLI, tmp_path: Path
) -> None:
    path = tmp_path / "j.txt"
    path.write_text(JRNL, encoding="utf-8")
    _ok(cli, "import", str(path))
    _ok(cli, "edit", "2", "-x", "Phone call with K, rewritten.")
    said = _ok(cli, "import", str(path)).stderr
    assert "deleted since" not in said
    assert "differs from the journal's version (ID 2: edited since" in said


def test_two_edited_entries_of_one_minute_are_not_guessed_apart(
    cli: CLI, tmp_path: Path
) -> None:
    path = tmp_path / "j.txt"
    path.write_text(JRNL, encoding="utf-8")
    _ok(cli, "import", str(path))
    _ok(cli, "edit", "1", "-x", "Sat with J, rewritten.")
    _ok(cli, "edit", "2", "-x", "Phone call with K, rewritten.")
    said = _ok(cli, "import", "--dry-run", str(path)).stderr
    assert "ID 2: edited since" not in said and "Would import 2 entries" in said


# -- F5: import --dry-run --lexicon ------------------------------------------------------------


def test_a_dry_run_refuses_a_lexicon_only_tried_as_the_import_does(
    cli: CLI, tmp_path: Path
) -> None:
    shipped = Path(__file__).parents[1] / "src/peerjournal/drift/markers.toml"
    lexicon = tmp_path / "lex.toml"
    lexicon.write_text(shipped.read_text(encoding="utf-8").replace(
        "weight = 1.5", "weight = 1.7", 1), encoding="utf-8")
    backup = tmp_path / "imp.json"
    backup.write_text(json.dumps([{"date": "2026-11-01", "experience": "Sat with J."}]),
                      encoding="utf-8")
    dry = cli("--lexicon", str(lexicon), "import", "--dry-run", str(backup))
    real = cli("--lexicon", str(lexicon), "import", str(backup))
    assert dry.exit_code == real.exit_code == 2
    assert "import --lexicon:" in dry.stderr and "Would import" not in dry.stderr
    assert not paths.db_path().exists() or "Would" not in dry.stderr


def test_write_x_refused_for_a_trial_lexicon_says_the_text_is_kept(
    cli: CLI, tmp_path: Path
) -> None:
    shipped = Path(__file__).parents[1] / "src/peerjournal/drift/markers.toml"
    lexicon = tmp_path / "lex.toml"
    lexicon.write_text(shipped.read_text(encoding="utf-8").replace(
        "weight = 1.5", "weight = 1.7", 1), encoding="utf-8")
    result = cli("--lexicon", str(lexicon), "write", "-x", "Sat with K today.")
    assert result.exit_code == 2
    assert "Your words are kept as draft " in result.stderr


# -- F4: config.toml slips ------------------------------------------------------------------


@pytest.mark.parametrize(("text", "said"), [
    ("[drift]\nlexicon = yes", 'line 2: lexicon = yes: put the path in quotes ("yes").'),
    ("[drift]\nlexicon = ~/lex.toml",
     'line 2: lexicon = ~/lex.toml: put the path in quotes ("~/lex.toml").'),
    ("[drift]\nsummary_after_write = maybe",
     "line 2: summary_after_write = maybe: write true or false."),
    ("[drift]\nsummary_after_write = yes # comment",
     "line 2: summary_after_write = yes: write true or false."),
    ("[drift]\nsummary_after_write = True",
     "line 2: summary_after_write = True: write true or false, lower case."),
    ("[drift]\nlexicon =\n", 'line 2: lexicon has no value after the =: write the path in '
     'quotes ("…").'),
    ("drift.summary_after_write = true\n[drift]",
     "line 2: [drift] comes after settings written drift.…: write them under it."),
    ("[drift]\nsummary_after_write = true\n[drift]",
     "line 3: [drift] appears twice: merge them into one."),
])
def test_a_config_slip_is_said_in_the_words_of_its_setting(text: str, said: str) -> None:
    import tomllib

    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(text)
    assert toml_slip(str(caught.value), text) == said


def test_a_config_slip_reaches_the_writer_as_one_line(cli: CLI) -> None:
    config = paths.config_path()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[drift]\nlexicon = yes\n", encoding="utf-8")
    result = cli("drift", "--text", "I sat with him.")
    assert result.exit_code != 0
    assert result.stderr.strip().endswith('put the path in quotes ("yes").')


# -- F6: people remove ------------------------------------------------------------------------


def test_people_remove_suggests_no_one_when_a_name_is_as_near_two(cli: CLI) -> None:
    _ok(cli, "people", "add", "Sam Jones", "--alias", "S.")
    _ok(cli, "people", "add", "Sam Smith")
    result = cli("people", "remove", "Sam")
    assert result.exit_code == 3
    assert result.stderr.strip() == (
        "peerjournal: 'Sam' is not on the people list (see `peerjournal people list`).")
    near = cli("people", "remove", "Sam Jone")
    assert "did you mean 'Sam Jones'" in near.stderr
    assert _ok(cli, "people", "remove", "Sam Smith")


# -- F7: --note and Word's soft line break ---------------------------------------------------


@pytest.mark.parametrize("brk", ["\x0b", "\x0c", "\x1c", "\x1e", "\x85", "\u2028", "\u2029"])
def test_a_note_reads_other_line_breaks_as_line_breaks(brk: str) -> None:
    from peerjournal.cli.options import option_text

    assert option_text(f"Para one{brk}para two", "--note") == "Para one\npara two"


def test_a_note_still_refuses_an_escape() -> None:
    from peerjournal.cli.options import option_text
    from peerjournal.errors import PeerJournalError

    with pytest.raises(PeerJournalError, match="control character"):
        option_text("Para \x1b[2J two", "--note")


# -- F8: a search's suggestion keeps its filters -------------------------------------------


def test_a_search_suggestion_keeps_the_filters(cli: CLI) -> None:
    _ok(cli, "write", "-x", "Went to the housing office with R.", "--tag", "x")
    _ok(cli, "write", "-x", "The housing office again.", "-s", "ward")
    kept = cli("search", "housing offce", "--tag", "x")
    assert "(`peerjournal search housing office --tag x`)" in kept.stderr
    dropped = cli("search", "housing offce", "--setting", "ward", "--tag", "x")
    assert ("(`peerjournal search housing office`, without --tag and --setting: no entry "
            "with those has the words)") in dropped.stderr
    plain = cli("search", "housing offce")
    assert "(`peerjournal search housing office`)?" in plain.stderr


# -- F10: a control character in an entry is no highlight ------------------------------------


def test_a_control_character_in_an_entry_is_not_read_as_a_highlight(cli: CLI) -> None:
    _ok(cli, "write", "-x", "Start \x01 the handover went \x02 fine today")
    result = cli("search", "handovr")
    assert "did you mean 'handover' (`peerjournal search handover`)?" in result.stderr
    assert "Start" not in result.stderr and "\\x01" not in result.stderr


# -- F12: one name for one thing ---------------------------------------------------------------


def test_drift_cli_keeps_no_second_name_for_the_lexicon_check() -> None:
    import peerjournal.cli.drift as drift_cli

    assert not hasattr(drift_cli, "is_the_journals_lexicon")
