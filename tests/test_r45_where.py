"""Round 45 (fix_where, from qa_fixes_c): `where` prints its paths before the drift lexicon is
parsed, and names it without parsing it, in rows `grep ^lexicon` does not find; review tells the
lexicon an earlier peerjournal shipped from an organisation's own, as the export names it, and
says a summary's lexicon once."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.context import AppContext
from peerjournal.drift import load_lexicon
from peerjournal.drift.lexicon import DEFAULT_LEXICON, SHIPPED_NAME, lexicon_version
from peerjournal.summary import lexicon_names
from test_drift_cli import DRIFT, IDENTITY, ORG_LEXICON, ok, org_lexicon

Add = Callable[..., int]
ORG_VERSION = "8a9eabb22e24"  # a version this peerjournal does not ship
UNKNOWN = "unknown (the message below says why)"


# -- 1: the paths first, the lexicon named without parsing it ------------------------------------


def test_where_prints_every_path_and_the_lexicon_rows_before_parsing_it(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: the lexicon loaded before the paths (26 s for a large new one; a Ctrl-C while it
    was read left no path at all). Here the check after the paths is interrupted."""
    path = org_lexicon(tmp_path)
    parsed: list[str] = []

    def interrupted(self: AppContext) -> None:
        parsed.append("parsed")
        raise KeyboardInterrupt

    monkeypatch.setattr(AppContext, "lexicon", interrupted)
    result = cli("--lexicon", str(path), "where")
    assert parsed == ["parsed"] and result.exit_code != 0
    rows = dict(line.split(maxsplit=1) for line in result.stdout.splitlines())
    assert rows["lexicon"] == str(path) and rows["config"].endswith("config.toml")
    assert rows["name"] == "our-org" and rows["version"] == lexicon_version(path)


def test_where_json_names_the_lexicon_without_parsing_it(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = org_lexicon(tmp_path)
    expected = load_lexicon(path)
    monkeypatch.setattr(AppContext, "lexicon_problem", lambda self: None)  # (no check at all)
    monkeypatch.setattr(AppContext, "lexicon", lambda self: pytest.fail("parsed"))
    data = json.loads(ok(cli("--lexicon", str(path), "where", "--json")).stdout)
    assert (data["lexicon_name"], data["lexicon_version"]) == (expected.name, expected.version)
    assert list(data)[-2:] == ["lexicon_name", "lexicon_version"]


def test_a_broken_lexicon_is_named_by_its_file_and_said_to_be_unusable(
    cli: CLI, tmp_path: Path
) -> None:
    path = org_lexicon(tmp_path, ORG_LEXICON + '\n[[marker]]\nid = "learned.x"\n')
    result = ok(cli("--lexicon", str(path), "where", "--json"))
    data = json.loads(result.stdout)
    assert data["lexicon_name"] == "our-org"
    assert data["lexicon_version"] == lexicon_version(path)  # the file's hash, as scored
    assert result.stderr.count("Drift lexicon not usable") == 1 and "learned.x" in result.stderr


def test_where_finds_a_lexicon_table_after_the_markers_and_says_when_it_cannot(
    cli: CLI, tmp_path: Path
) -> None:
    """A [lexicon] table after the markers is found by a line scan (no whole parse: QA r45
    found the name left out); a missing file has neither name nor version, said why."""
    late = org_lexicon(tmp_path, ORG_LEXICON.replace('[lexicon]\nname = "our-org"\n', "")
                       + '\n[lexicon]\nname = "Latecomers"\n', "late.toml")
    assert load_lexicon(late).name == "Latecomers"
    out = ok(cli("--lexicon", str(late), "where")).stdout
    assert " name     Latecomers" in out
    assert f" version  {lexicon_version(late)}" in out
    assert json.loads(ok(cli("--lexicon", str(late), "where", "--json")).stdout)[
        "lexicon_name"] == "Latecomers"
    missing = ok(cli("--lexicon", str(tmp_path / "gone.toml"), "where"))
    assert f" version  {UNKNOWN}" in missing.stdout and f" name     {UNKNOWN}" in missing.stdout
    assert "Drift lexicon not usable" in missing.stderr and "gone.toml" in missing.stderr


def test_a_copy_of_the_shipped_lexicon_is_named_as_scoring_names_it(
    cli: CLI, tmp_path: Path
) -> None:
    copy = tmp_path / "ours.toml"
    copy.write_bytes(DEFAULT_LEXICON.read_bytes())
    data = json.loads(ok(cli("--lexicon", str(copy), "where", "--json")).stdout)
    assert data["lexicon_name"] == load_lexicon(copy).name == f"a copy of {SHIPPED_NAME}"
    shipped = json.loads(ok(cli("--lexicon", str(DEFAULT_LEXICON), "where", "--json")).stdout)
    assert shipped["lexicon_name"] == SHIPPED_NAME


# -- 3: rows `grep ^lexicon` does not find, in the paths' column ----------------------------------


def test_grep_lexicon_still_finds_the_path_alone_and_every_value_lines_up(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: `where | grep ^lexicon | cut -c11-` (docs/drift.md says to copy that file) gave
    three lines, and the name and version rows were out of line with the others."""
    for args in ((), ("--lexicon", str(org_lexicon(tmp_path)))):
        lines = ok(cli(*args, "where")).stdout.splitlines()
        found = [line[10:] for line in lines if line.startswith("lexicon")]
        assert found == [str(DEFAULT_LEXICON) if not args else args[1]]
        assert [line.split()[0] for line in lines if line[0] == " "] == ["name", "version"]
        assert all(line[8:10] == "  " and line[10] != " " for line in lines), lines
        assert sum(line.split()[0] == "lexicon" for line in lines) == 1  # awk '$1=="lexicon"'


# -- 2: the lexicon an earlier peerjournal shipped -------------------------------------------------


@pytest.fixture
def months(cli: CLI, add: Add, tmp_path: Path) -> tuple[Path, Path]:
    return october_and_november(cli, add, tmp_path)


def october_and_november(cli: CLI, add: Add, tmp_path: Path) -> tuple[Path, Path]:
    """One writer's October and November summaries, scored with the shipped lexicon."""
    add(IDENTITY, "--date", "2026-10-10")
    add(DRIFT, "--date", "2026-11-12")
    files = []
    for month, until in (("10", "31"), ("11", "30")):
        path = tmp_path / f"ellis-{month}.json"
        ok(cli("export", "--yes", "--from", "Ellis", "--since", f"2026-{month}-01",
               "--until", f"2026-{month}-{until}", "-o", str(path)))
        files.append(path)
    return files[0], files[1]


def edited(path: Path, **fields: object) -> Path:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(fields)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_an_export_names_the_shipped_lexicon(months: tuple[Path, Path]) -> None:
    data = json.loads(months[0].read_text(encoding="utf-8"))
    assert data["lexicon_names"] == {lexicon_version(): SHIPPED_NAME}
    assert list(data).index("lexicon_names") == list(data).index("lexicon_versions") + 1


def test_the_lexicon_in_use_is_named_and_a_stale_version_is_not() -> None:
    shipped = lexicon_version()
    named = lexicon_names([ORG_VERSION, shipped, "0ld0ld0ld0ld"], {ORG_VERSION: "Northside\x1b"})
    assert named == {ORG_VERSION: "Northside ", shipped: SHIPPED_NAME}
    assert lexicon_names([shipped], {shipped: f"a copy of {SHIPPED_NAME}"}) == {
        shipped: SHIPPED_NAME}  # the same bytes score as the shipped file


def test_review_says_an_earlier_peerjournal_shipped_it_and_adds_no_section(
    cli: CLI, months: tuple[Path, Path]
) -> None:
    """Was: "not the lexicon this peerjournal ships", as for an organisation's own, and a
    "Drift lexicon" section under every such summary."""
    october = edited(months[0], lexicon_versions=[ORG_VERSION],
                     lexicon_names={ORG_VERSION: SHIPPED_NAME})
    said = " ".join(ok(cli("review", str(october), str(months[1]))).stdout.split())
    assert (f"Scored with different drift lexicons: {october.name} with {ORG_VERSION} (the "
            f"lexicon an earlier peerjournal shipped), {months[1].name} with "
            f"{lexicon_version()} (the lexicon this peerjournal ships).") in said
    assert "Drift lexicon Scored" not in said and "an organisation's" not in said
    alone = " ".join(ok(cli("review", str(october))).stdout.split())
    assert alone.count(ORG_VERSION) == 1  # in its header, once (5)
    data = json.loads(ok(cli("review", "--json", str(october), str(months[1]))).stdout)
    assert data["between"][0]["lexicons"] == [
        [{"version": ORG_VERSION, "name": SHIPPED_NAME, "shipped": False,
          "shipped_by": "earlier"}],
        [{"version": lexicon_version(), "name": SHIPPED_NAME, "shipped": True,
          "shipped_by": "this"}],
    ]


def test_review_tells_a_later_peerjournals_and_an_organisations_lexicon(
    cli: CLI, months: tuple[Path, Path]
) -> None:
    october = edited(months[0], lexicon_versions=[ORG_VERSION], generator="peerjournal 9.0.0",
                     lexicon_names={ORG_VERSION: SHIPPED_NAME})
    said = " ".join(ok(cli("review", str(october), str(months[1]))).stdout.split())
    assert f"{ORG_VERSION} (the lexicon a later peerjournal ships)" in said
    edited(october, lexicon_names={ORG_VERSION: "Northside\nPeer Collective"})
    said = " ".join(ok(cli("review", str(october), str(months[1]))).stdout.split())
    assert (f'{ORG_VERSION} ("Northside Peer Collective", not a lexicon peerjournal '
            "ships)") in said
    edited(october, lexicon_names=None)  # exported before summaries named their lexicon
    said = " ".join(ok(cli("review", str(october), str(months[1]))).stdout.split())
    assert (f"{ORG_VERSION} (not the lexicon this peerjournal ships: an organisation's own, "
            "or one that another version of peerjournal shipped)") in said


# -- 4: a summary that does not say its lexicon is left out of the note ---------------------------


def test_a_summary_without_lexicon_versions_is_not_said_with_not_said(
    cli: CLI, months: tuple[Path, Path], tmp_path: Path
) -> None:
    october = edited(months[0], lexicon_versions=[ORG_VERSION])
    data = json.loads(months[1].read_text(encoding="utf-8"))
    del data["lexicon_versions"], data["lexicon_names"]  # from an older peerjournal
    older = tmp_path / "old.json"
    older.write_text(json.dumps(data), encoding="utf-8")
    said = " ".join(ok(cli("review", str(older), str(october), str(months[1]))).stdout.split())
    assert "not said" not in said
    note = said.partition("Scored with different drift lexicons: ")[2].partition(". ")[0]
    assert note.startswith(f"{october.name} with {ORG_VERSION}") and older.name not in note
    assert f"The summary in {older.name} does not say which drift lexicon scored it" in said
