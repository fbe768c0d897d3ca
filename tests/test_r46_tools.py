"""Round 46 (fix_tools, from qa_review_b 1-3 and qa_docs_a 3, 9, 10, 11): `where` names a
lexicon saved with a byte order mark, is not fooled by a header line in a multi-line string nor
slowed by `[[ marker ]]`, and never says "the message below says why" without that message;
`list --setting` suggests only the entries' settings; `drift ID --lexicon` says when the
figures are the same; a file name refusal quotes the name without a dot; the stale-scores note
does not promise a `drift --rescore` that fails."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.cli import where
from peerjournal.drift import load_lexicon
from peerjournal.drift.lexicon import DEFAULT_LEXICON, lexicon_version
from test_drift_cli import IDENTITY, ORG_LEXICON, ok, org_lexicon

Add = Callable[..., int]
UNKNOWN = "unknown (the message below says why)"
WITHOUT_TABLE = ORG_LEXICON.replace('[lexicon]\nname = "our-org"\n', "")


def named(cli: CLI, path: Path) -> str | None:
    data = json.loads(ok(cli("--lexicon", str(path), "where", "--json")).stdout)
    return data["lexicon_name"]


# -- 1: a byte order mark; "unknown" always with its reason ---------------------------------------


def test_where_names_a_lexicon_saved_with_a_byte_order_mark(cli: CLI, tmp_path: Path) -> None:
    """Was: "unknown (the message below says why)" and no message; null in --json."""
    path = tmp_path / "bom.toml"
    path.write_text(ORG_LEXICON.replace('"our-org"', '"BOM Org"'), encoding="utf-8-sig")
    assert load_lexicon(path).name == "BOM Org"
    assert named(cli, path) == "BOM Org"
    result = ok(cli("--lexicon", str(path), "where"))
    assert " name     BOM Org" in result.stdout and UNKNOWN not in result.stdout
    assert "not usable" not in result.stderr


def test_a_name_not_read_is_had_by_loading_the_lexicon(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the file's [lexicon] table cannot be read without parsing it, loading names it:
    "unknown" is left for a lexicon that cannot be used, with the reason below."""
    path = org_lexicon(tmp_path)
    monkeypatch.setattr(where, "_name_read", lambda path: None)
    assert named(cli, path) == "our-org"
    broken = org_lexicon(tmp_path, ORG_LEXICON + '\n[[marker]]\nid = "learned.x"\n', "b.toml")
    result = ok(cli("--lexicon", str(broken), "where"))
    assert f" name     {UNKNOWN}" in result.stdout
    assert result.stderr.count("Drift lexicon not usable") == 1 and "learned.x" in result.stderr


def test_an_unknown_row_is_explained_before_a_journal_that_cannot_be_kept(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: the rows said "the message below says why", and the only message below was that
    the journal path is a folder (or the data folder a file)."""
    broken = org_lexicon(tmp_path, '[lexicon]\nname = "unterminated\n', "broken.toml")
    folder = tmp_path / "journal-folder"
    folder.mkdir()
    result = cli("--db", str(folder), "--lexicon", str(broken), "where")
    assert result.exit_code == 4 and f" name     {UNKNOWN}" in result.stdout
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Drift lexicon not usable: ") and "not valid TOML" in lines[0]
    assert lines[1].startswith(f"The journal path {folder} is a folder")
    fine = cli("--db", str(folder), "where")  # (nothing unknown: the folder alone, as before)
    assert fine.exit_code == 4 and fine.stderr.startswith("The journal path")
    assert len(fine.stderr.splitlines()) == 1


# -- 2: the line scan: multi-line strings, `[[ marker ]]` ------------------------------------------


def test_a_lexicon_line_in_a_multi_line_string_is_not_the_table(cli: CLI, tmp_path: Path) -> None:
    """Was: "unknown" for a marker whose source held "[lexicon]" on a line of its own; and a
    name holding a line that starts with "[" was cut there."""
    fooled = ORG_LEXICON.replace(
        '[lexicon]\nname = "our-org"\n', "").replace(
        'source = "our practice guide, p. 1"',
        'source = """our guide\n[lexicon]\nname = "Fake"\n[labels]\n"""') + (
        '\n[lexicon]\nname = "Real End"\n')
    path = org_lexicon(tmp_path, fooled, "fooled.toml")
    assert load_lexicon(path).name == "Real End" == named(cli, path)
    bracketed = org_lexicon(tmp_path, WITHOUT_TABLE + (
        '\n[lexicon]\nname = """Northside\n[marker_labels]\nEnd"""\n'), "bracketed.toml")
    assert load_lexicon(bracketed).name == "Northside\n[marker_labels]\nEnd"
    assert named(cli, bracketed) == load_lexicon(bracketed).name
    quoted = org_lexicon(tmp_path, WITHOUT_TABLE.replace(
        'source = "our practice guide, p. 1"', "source = 'three quotes: \"\"\" '") + (
        '\n[lexicon] # ours\nname = "Quoted"\n'), "quoted.toml")
    assert named(cli, quoted) == load_lexicon(quoted).name == "Quoted"


def test_spaced_marker_headers_are_not_parsed(cli: CLI, tmp_path: Path) -> None:
    """Was: `[[ marker ]]` (valid TOML) was not seen as a marker, so the whole file was parsed
    every time (2.1 s instead of 0.4 s on 5.8 MB): here the markers are not even valid TOML,
    which a whole parse would refuse."""
    spaced = WITHOUT_TABLE.replace("[[marker]]", "[[ marker ]]") + (
        '\n[[ "marker" ]]\nid = \n\n[lexicon]\nname = "Spaced End"\n')
    path = org_lexicon(tmp_path, spaced, "spaced.toml")
    result = ok(cli("--lexicon", str(path), "where"))
    assert " name     Spaced End" in result.stdout
    assert "not valid TOML" in result.stderr  # (loading it, after the rows, says so)
    assert where._lexicon_table(spaced) == {"name": "Spaced End"}
    crlf = (WITHOUT_TABLE + '\n[lexicon]\nname = "CRLF End"\n').replace("\n", "\r\n")
    assert where._lexicon_table(crlf) == {"name": "CRLF End"}
    assert where._lexicon_table(DEFAULT_LEXICON.read_text("utf-8")) == {
        "name": "peerjournal default"}


# -- 3: --setting suggests the entries' settings only ----------------------------------------------


def test_a_setting_no_entry_has_is_answered_from_the_entries_settings(
    cli: CLI, add: Add
) -> None:
    """Was: "did you mean 'community'" from the prompt's list, which no entry had, so the
    command suggested found nothing either."""
    add("Sat with him on the ward at handover.")
    said = cli("list", "--setting", "commu")
    assert said.exit_code == 0 and said.stdout == ""
    assert said.stderr == "No entries match: no entry has the setting 'commu', nor any other.\n"
    add("We walked to the housing office.", "--setting", "housing")
    add("Handover on the ward.", "--setting", "inpatient")
    add("Another handover.", "--setting", "inpatient")
    said = cli("list", "--setting", "commu").stderr
    assert said == ("No entries match: no entry has the setting 'commu'; entries have the "
                    "settings 'inpatient' and 'housing'.\n")  # (the most used first)
    assert cli("search", "handover", "--setting", "commu").stderr == (
        "Nothing found for 'handover': no entry has the setting 'commu'; entries have the "
        "settings 'inpatient' and 'housing'.\n")
    assert cli("report", "--setting", "commu").stderr.strip() == said.strip()
    add("Ran the group.", "--setting", "community")
    assert cli("list", "--setting", "commu").stderr == (
        "No entries match: no entry has the setting 'commu'; did you mean 'community' "
        "(`--setting community`)?\n")


# -- 4: drift ID --lexicon: the same figures ----------------------------------------------------


def test_drift_with_another_lexicon_says_when_the_figures_are_the_same(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: "also leans peer, with other figures" from a copy of the shipped lexicon renamed,
    whose figures are the journal's to the digit."""
    entry = str(add("I shared my own story of recovery with him and we learned from each "
                    "other. He told me what he hopes for next, in his own words."))
    renamed = tmp_path / "renamed.toml"
    renamed.write_text(DEFAULT_LEXICON.read_text("utf-8").replace(
        'name = "peerjournal default"', 'name = "Org lexicon"', 1), encoding="utf-8")
    same = ok(cli("drift", entry, "--lexicon", str(renamed)))
    assert "has the same verdict and figures (leans peer)" in " ".join(same.stderr.split())
    stored = json.loads(ok(cli("list", "--json")).stdout)[0]
    scored = json.loads(ok(cli("drift", entry, "--lexicon", str(renamed), "--json")).stdout)
    assert (stored["identity_per_100_words"], stored["balance"]) == (
        scored["identity"], scored["balance"])
    org = org_lexicon(tmp_path)  # (another weight for "shared my story": other figures)
    other = ok(cli("drift", str(add(IDENTITY)), "--lexicon", str(org)))
    assert "has the same verdict (leans peer) with other figures" in " ".join(other.stderr.split())


# -- 5: a file name refused: the name as found ----------------------------------------------------


@pytest.mark.parametrize(("file_name", "piece"), [("sam.md", "sam"), ("sams.md", "sams")])
def test_a_file_name_refused_quotes_the_name_without_the_dot(
    cli: CLI, add: Add, tmp_path: Path, file_name: str, piece: str
) -> None:
    """Was: "('sam.' reads as Sam Jones)" where Sam Jones's alias ends with a full stop."""
    add()
    ok(cli("people", "add", "Sam Jones", "--alias", "S."))
    target = tmp_path / file_name
    result = cli("export", "--output", str(target), "--yes")
    assert result.exit_code != 0 and not target.exists()
    assert f"({piece!r} reads as Sam Jones)" in result.stderr
    assert f"'{piece}.'" not in result.stderr


# -- 6: the stale-scores note with a lexicon that cannot be used ---------------------------------


def test_the_stale_note_does_not_promise_a_rescore_that_fails(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was: "`peerjournal drift --rescore` brings them up to date", and that command failed on
    the broken lexicon set in config.toml."""
    entry = add()
    bad = org_lexicon(tmp_path, '[lexicon]\nname = "bad"\n[[markers]]\nid = 1\n', "bad.toml")
    config = Path(json.loads(ok(cli("where", "--json")).stdout)["config"])
    config.write_text(f'[drift]\nlexicon = "{bad}"\n', encoding="utf-8")
    rescore = cli("drift", "--rescore")
    assert rescore.exit_code != 0 and "unknown table" in rescore.stderr
    for args, shown in ((("list",), "listed"), (("show", str(entry)), "shown")):
        said = ok(cli(*args)).stderr
        assert said == (f"The entry {shown} was scored with another drift lexicon than the one "
                        "set in config.toml, which cannot be used: `peerjournal where` says "
                        "why.\n")
    assert "unknown table" in ok(cli("where")).stderr  # (where does say why)
    config.write_text("", encoding="utf-8")
    tried = ok(cli("--lexicon", str(bad), "list")).stderr
    assert "--rescore" not in tried and tried.endswith(
        f"than the one given with --lexicon, which cannot be used: `peerjournal --lexicon "
        f"{bad} where` says why.\n")
    assert lexicon_version(bad)  # (readable: only loading it tells it is broken)
