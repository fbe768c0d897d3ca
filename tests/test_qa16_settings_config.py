"""config.toml, environment overrides and --version as people meet them: a file saved by a
Windows editor, a typo, a setting that names a file that has moved (QA round 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal import version_line
from peerjournal.drift import load_lexicon
from test_drift_cli import DRIFT, drift_json, ok, one_line_error, org_lexicon

WRITE = ("write", "-x", "We walked to the housing office together.")


def settings(home: Path, content: bytes | str) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "config.toml"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


@pytest.mark.parametrize(
    "content",
    [
        b'\xef\xbb\xbf[drift]\r\nsummary_after_write = false\r\n',  # Notepad: BOM and CRLF
        b'[drift]\r\nsummary_after_write = false\r\n',
    ],
    ids=["bom", "crlf"],
)
def test_settings_saved_by_a_windows_editor_are_read(
    cli: CLI, isolated: Path, content: bytes
) -> None:
    settings(isolated, content)
    result = ok(cli(*WRITE))
    assert result.stdout.strip() == "1"
    assert "Drift:" not in result.stderr  # the setting took effect


def test_a_lexicon_setting_in_a_file_with_a_bom(cli: CLI, isolated: Path, tmp_path: Path) -> None:
    org = org_lexicon(tmp_path)
    settings(isolated, b"\xef\xbb\xbf[drift]\nlexicon = " + json.dumps(str(org)).encode())
    assert drift_json(cli, "--text", DRIFT)["lexicon_version"] == load_lexicon(org).version


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        ("[drift]\nlexicon = 5\n", ["drift.lexicon should be text in quotes"]),
        (
            "[drift]\nsumary_after_write = false\n",
            ["unknown setting drift.sumary_after_write (did you mean 'summary_after_write'?)"],
        ),
        ("[drfit]\nlexicon = 'x.toml'\n", ["unknown section [drfit] (did you mean 'drift'?)"]),
        ("[colours]\nx = 1\n", ["unknown section [colours] (the sections are [drift])"]),
        ('[drift]\nlexicon = ""\n', ["drift.lexicon is empty", "remove the line"]),
        ('[drift]\nlexicon = "  "\n', ["drift.lexicon is empty"]),
        (b"# r\xe9glages\n[drift]\n", ["line 1 is not UTF-8"]),
        (b"\xff\xfe[\x00d\x00", ["saved as UTF-16; save it as UTF-8"]),
    ],
)
def test_settings_mistakes_are_one_line_in_plain_words(
    cli: CLI, isolated: Path, content: str | bytes, fragments: list[str]
) -> None:
    path = settings(isolated, content)
    message = one_line_error(cli("drift", "--text", DRIFT), 1, str(path), *fragments)
    for jargon in ("bool", " str", "codec", "0x"):
        assert jargon not in message


def test_a_lexicon_setting_naming_a_missing_file_says_where_it_is_set(
    cli: CLI, isolated: Path
) -> None:
    """An organisation set the path up; the writer needs to know it comes from config.toml."""
    config = settings(isolated, '[drift]\nlexicon = "our-lexicon.toml"\n')
    named = (str(isolated / "our-lexicon.toml"), f"the drift lexicon set in {config}")
    one_line_error(cli("drift", "--text", DRIFT), 1, "No such file", *named)
    one_line_error(cli("report"), 1, *named)
    result = cli(*WRITE)
    assert result.exit_code == 1
    assert all(part in result.stderr for part in named) and "kept as draft" in result.stderr
    (isolated / "our-lexicon.toml").mkdir()
    one_line_error(cli("drift", "--text", DRIFT), 1, "it is a folder", *named)


def test_the_lexicon_option_is_not_blamed_on_the_setting(cli: CLI, tmp_path: Path) -> None:
    message = one_line_error(
        cli("drift", "--lexicon", str(tmp_path / "gone.toml"), "--text", DRIFT), 1, "gone.toml"
    )
    assert "setting" not in message


def test_a_data_folder_under_a_file_does_not_stop_ad_hoc_scoring(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No config.toml can be there, so there are no settings; scoring --text needs nothing."""
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("PEERJOURNAL_HOME", str(tmp_path / "a-file" / "home"))
    ok(cli("drift", "--text", DRIFT))


def test_a_bad_fixed_clock_is_one_line(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEERJOURNAL_NOW", "next tuesday")
    one_line_error(cli("report"), 2, "PEERJOURNAL_NOW='next tuesday'", "unset it")


def test_short_version_option_works_with_other_options(cli: CLI) -> None:
    """The launcher answered `-V` alone, while `--db x -V` was 'No such option: -V'."""
    result = ok(cli("--db", "x.db", "-V"))
    assert result.stdout == f"{version_line()}\n"
    assert "-V, --version" in ok(cli("--help")).stdout


def test_top_level_help_lists_the_exit_codes(cli: CLI) -> None:
    """They were written as the root callback's docstring, which Typer never shows."""
    out = " ".join(ok(cli("--help")).stdout.split())
    assert "Exit codes: 0 ok, 1 user error, 2 usage error, 3 not found" in out
    assert "70 unexpected error, 130 interrupted, 141 output cut short by its reader" in out


def test_where_names_the_lexicon_in_use(cli: CLI, isolated: Path, tmp_path: Path) -> None:
    """Nothing said which lexicon scored the entries, or where the setting pointed."""
    from peerjournal.drift.lexicon import DEFAULT_LEXICON

    assert json.loads(ok(cli("where", "--json")).stdout)["lexicon"] == str(DEFAULT_LEXICON)
    settings(isolated, '[drift]\nlexicon = "moved-away.toml"\n')
    shown = ok(cli("where")).stdout
    assert f"lexicon   {isolated / 'moved-away.toml'}\n" in shown  # even though it is missing
    chosen = str(org_lexicon(tmp_path))
    assert json.loads(ok(cli("--lexicon", chosen, "where", "--json")).stdout)["lexicon"] == chosen
    settings(isolated, "[drift\n")
    shown = ok(cli("where")).stdout  # where still answers: it is how one finds config.toml
    assert f"config    {isolated / 'config.toml'}\n" in shown
    assert "lexicon   unknown: config.toml cannot be read" in shown
