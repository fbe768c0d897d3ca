"""Round 45 (fix_last_review, from qa_fixes_e 3, 4, 8 and tests_update2): `where` names a
lexicon whose [lexicon] table comes after its markers, and says a broken lexicon's version is of
a file that scores nothing; review describes each lexicon once in its note, and a single
summary's header says whose lexicon scored it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import CLI
from peerjournal.drift import load_lexicon
from peerjournal.drift.lexicon import lexicon_version
from test_drift_cli import ORG_LEXICON, ok, org_lexicon
from test_r45_where import edited, months, october_and_november  # noqa: F401 (fixtures)

ORG_VERSION = "8a9eabb22e24"  # a version this peerjournal does not ship
UNKNOWN = "unknown (the message below says why)"
SHIPS = "(the lexicon this peerjournal ships)"
WITHOUT_TABLE = ORG_LEXICON.replace('[lexicon]\nname = "our-org"\n', "")


def flat(text: str) -> str:
    return " ".join(text.split())


# -- 3: the name wherever the [lexicon] table is --------------------------------------------------


def test_where_names_a_lexicon_whose_table_comes_after_the_markers(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: no name row, and "lexicon_name": null, though drift and export named it."""
    late = org_lexicon(tmp_path, WITHOUT_TABLE + '\n[lexicon] # ours\nname = "Latecomers"\n'
                       '\n[marker_labels]\n"org.advice" = "telling"\n', "late.toml")
    assert load_lexicon(late).name == "Latecomers"
    out = ok(cli("--lexicon", str(late), "where")).stdout
    assert out.splitlines()[-2:] == [" name     Latecomers",
                                     f" version  {lexicon_version(late)}"]
    data = json.loads(ok(cli("--lexicon", str(late), "where", "--json")).stdout)
    assert data["lexicon_name"] == "Latecomers"


def test_where_names_a_lexicon_without_a_table_by_its_file_as_loading_does(
    cli: CLI, tmp_path: Path
) -> None:
    plain = org_lexicon(tmp_path, WITHOUT_TABLE, "northside.toml")
    data = json.loads(ok(cli("--lexicon", str(plain), "where", "--json")).stdout)
    assert data["lexicon_name"] == load_lexicon(plain).name == "northside"


# -- 4: a broken lexicon's rows -------------------------------------------------------------------


def test_where_says_a_broken_lexicons_version_is_of_a_file_that_scores_nothing(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: its hash as the version, as of a working lexicon, and no name row at all."""
    broken = org_lexicon(tmp_path, '[lexicon]\nname = "unterminated\n', "broken.toml")
    result = ok(cli("--lexicon", str(broken), "where"))
    version = lexicon_version(broken)
    assert result.stdout.splitlines()[-2:] == [f" name     {UNKNOWN}", f" version  {version}"]
    assert result.stderr.startswith("Drift lexicon not usable: ") and "not valid TOML" in (
        result.stderr)
    assert result.stderr.rstrip().endswith(f"(Version {version} above is of that file, which "
                                           "scores nothing as it is.)")
    missing = ok(cli("--lexicon", str(tmp_path / "gone.toml"), "where"))
    assert missing.stdout.splitlines()[-2:] == [f" name     {UNKNOWN}", f" version  {UNKNOWN}"]
    assert "Version" not in missing.stderr and "gone.toml" in missing.stderr


# -- 8: each lexicon once in the note -------------------------------------------------------------


def test_the_note_describes_each_lexicon_once_and_groups_the_summaries(
    cli: CLI, months: tuple[Path, Path], tmp_path: Path  # noqa: F811 (the fixture)
) -> None:
    """Was: "… b.json with ORG (…); SHIPPED (the lexicon this peerjournal ships)" after a.json
    with the same words: each lexicon described again, the "; " read as a third file."""
    shipped = lexicon_version()
    october = edited(months[0], lexicon_versions=[ORG_VERSION, shipped],
                     lexicon_names={ORG_VERSION: "Northside", shipped: "peerjournal default"})
    december = edited(shutil.copy(months[1], tmp_path / "ellis-12.json"),
                      generated_at="2026-11-20T08:00:00+00:00")  # (not the same summary)
    said = flat(ok(cli("review", str(october), str(months[1]), str(december))).stdout)
    note = said.partition("Scored with different drift lexicons: ")[2].partition(" Each ")[0]
    assert note == (f'{october.name} with both {ORG_VERSION} ("Northside", not a lexicon '
                    f"peerjournal ships) and {shipped} {SHIPS}, {december.name} and "
                    f"{months[1].name} with {shipped}.")  # (round 48: one period's two
    # exports in the order they were made, whatever order the mentor named them in)
    since = said.partition("Since the previous summary")[2]
    assert (f"this one with {shipped} {SHIPS}, the previous one with both {ORG_VERSION} "
            '("Northside", not a lexicon peerjournal ships) and '
            f"{shipped}.") in since


# -- tests_update2: a single summary's header says whose lexicon --------------------------------


def test_a_single_summarys_header_says_whose_lexicon_scored_it(
    cli: CLI, months: tuple[Path, Path]  # noqa: F811 (the fixture)
) -> None:
    """Was: "Drift lexicon: version 8a9eabb22e24 (…)" alone: nothing told a mentor it was not
    peerjournal's list, nor gave the name the summary carries."""
    shipped = lexicon_version()
    alone = flat(ok(cli("review", str(months[1]))).stdout)
    assert f"Drift lexicon: version {shipped} (" in alone
    assert "compare directly). It is the lexicon this peerjournal ships." in alone
    october = edited(months[0], lexicon_versions=[ORG_VERSION],
                     lexicon_names={ORG_VERSION: "Northside Peer Collective"})
    alone = flat(ok(cli("review", str(october))).stdout)
    assert ('compare directly). It is "Northside Peer Collective", not a lexicon peerjournal '
            "ships.") in alone and alone.count(ORG_VERSION) == 1
    both = edited(october, lexicon_versions=[ORG_VERSION, shipped])
    alone = flat(ok(cli("review", str(both))).stdout)
    assert (f'compare less well). {ORG_VERSION} is "Northside Peer Collective", not a lexicon '
            f"peerjournal ships. {shipped} is the lexicon this peerjournal ships.") in alone
