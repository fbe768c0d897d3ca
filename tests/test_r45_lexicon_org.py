"""Round 45: the practice lead who keeps her organisation's drift lexicon (qa_lexicon_org):
a curated marker named like a learned one, which lexicon scored a mentor's summaries, a broken
lexicon's error alone, the same file by another path, error wording, `where`, and the wait
at the start of `drift --rescore`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.drift import load_lexicon
from peerjournal.drift.lexicon import DEFAULT_LEXICON, SHIPPED_NAME, lexicon_version
from test_drift_cli import DRIFT, IDENTITY, ORG_LEXICON, ok, one_line_error, org_lexicon
from test_r45_where import october_and_november

Add = Callable[..., int]

MARKER = """
[[marker]]
id = "{id}"
dimension = "advice"
polarity = "drift"
weight = 2.0
source = "our practice notes"
patterns = [{patterns}]
"""


def with_marker(tmp_path: Path, mid: str = "advice.ours", patterns: str = '"did my obs"',
                before: str = "", name: str = "org.toml") -> Path:
    """ORG_LEXICON with one more marker (after `before`: comments, say)."""
    return org_lexicon(tmp_path, before + ORG_LEXICON + MARKER.format(id=mid, patterns=patterns),
                       name)


def lexicon_error(cli: CLI, path: Path, *fragments: str) -> str:
    return " ".join(one_line_error(
        cli("drift", "--lexicon", str(path), "--text", DRIFT), 1, str(path), *fragments).split())


# -- finding 1: a curated marker's id may not start with "learned." -----------------------------


def test_a_curated_marker_named_like_a_learned_one_is_refused(cli: CLI, tmp_path: Path) -> None:
    """Was accepted, then shown as "(learned)" and left out of every marker list (the prefix
    alone decides that downstream, from the ids stored with each score)."""
    path = with_marker(tmp_path, "learned.advice.mine")
    said = lexicon_error(cli, path, "marker 'learned.advice.mine'", "field 'id'")
    assert "'learned.' is for generated markers (learned = true)" in said
    assert "give a curated marker another id" in said
    fixed = with_marker(tmp_path, "advice.mine")
    out = " ".join(ok(cli("drift", "--lexicon", str(fixed), "--text", "I did my obs.")).stdout
                   .split())
    assert "did my obs" in out and "(learned)" not in out


# -- finding 5: a broken lexicon's error alone; the same file by another path ---------------------

PADDING = "".join(f"# our notes on the markers, line {n:06d}\n" for n in range(6_000))


def test_a_large_broken_lexicon_gives_its_error_alone_every_time(
    cli: CLI, tmp_path: Path
) -> None:
    """Was: "Reading the drift lexicon … for the first time: … later runs are quick." before
    the error, on every run (a broken file is never kept)."""
    path = with_marker(tmp_path, patterns='"did my obs", 7', before=PADDING)
    assert path.stat().st_size > 200_000
    for _ in range(2):
        assert "Reading the drift lexicon" not in lexicon_error(cli, path, "field 'patterns'")


def test_the_same_lexicon_by_another_path_is_not_read_again(cli: CLI, tmp_path: Path) -> None:
    folder = tmp_path / "lex"
    folder.mkdir()
    path = with_marker(folder, before=PADDING)
    first = ok(cli("drift", "--lexicon", str(path), "--text", DRIFT))
    assert first.stderr.startswith(f"Reading the drift lexicon {path} ")
    other = folder / ".." / "lex" / path.name
    again = ok(cli("drift", "--lexicon", str(other), "--text", DRIFT))
    assert again.stderr == ""  # the kept copy, though named another way
    assert again.stdout == first.stdout


def test_the_shipped_lexicon_named_by_its_path_is_the_shipped_one(
    cli: CLI, isolated: Path
) -> None:
    named = ok(cli("drift", "--lexicon", str(DEFAULT_LEXICON), "--text", DRIFT))
    assert named.stdout == ok(cli("drift", "--text", DRIFT)).stdout
    assert "(peerjournal default)" in " ".join(named.stdout.split())
    assert not list(isolated.glob("cache/lexicon-*.pickle"))  # not parsed into the data dir


# -- finding 7: error wording ----------------------------------------------------------------------


@pytest.mark.parametrize("pattern", ["risk assess(ment)?s?", "chase.* up", "did my [o]bs"])
def test_a_regular_expression_is_told_patterns_are_words(
    cli: CLI, tmp_path: Path, pattern: str
) -> None:
    said = lexicon_error(cli, with_marker(tmp_path, patterns=json.dumps(pattern)),
                         "field 'patterns'", "unexpected")
    assert "patterns are words, not regular expressions" in said
    for wildcard in ("word~", "word*", "* one word", "(a|b)"):
        assert wildcard in said


def test_punctuation_in_a_pattern_is_named(cli: CLI, tmp_path: Path) -> None:
    said = lexicon_error(cli, with_marker(tmp_path, patterns='"obs, again"'), "unexpected 'obs,'")
    assert "patterns are words; leave out punctuation" in said
    assert "regular expressions" not in said


def test_an_id_without_quotes_says_so(cli: CLI, tmp_path: Path) -> None:
    path = org_lexicon(tmp_path, ORG_LEXICON + MARKER.replace('"{id}"', "5").format(
        patterns='"did my obs"'))
    said = lexicon_error(cli, path, "field 'id'")
    assert 'must be text in quotes, such as id = "co_optation.jargon" (not 5)' in said


def test_a_single_bracket_marker_among_double_ones_says_to_double_them(
    cli: CLI, tmp_path: Path
) -> None:
    path = org_lexicon(tmp_path, ORG_LEXICON + MARKER.replace("[[marker]]", "[marker]").format(
        id="advice.ours", patterns='"did my obs"'))
    said = lexicon_error(cli, path, "not valid TOML")
    assert "Write each marker as [[marker]], with double brackets." in said


# -- finding 10: `where` names the lexicon and its version ---------------------------------------


def lexicon_rows(stdout: str) -> list[list[str]]:
    """`where`'s `lexicon` row and the rows under it (its name and version), split in words."""
    lines = stdout.splitlines()
    (at,) = [n for n, line in enumerate(lines) if line.startswith("lexicon ")]  # one: grep-able
    return [line.split() for line in lines[at:]]


def test_where_gives_the_lexicons_name_and_version(cli: CLI, tmp_path: Path) -> None:
    rows = lexicon_rows(ok(cli("where")).stdout)
    assert rows == [["lexicon", str(DEFAULT_LEXICON)], ["name", "peerjournal", "default"],
                    ["version", lexicon_version()]]
    path = org_lexicon(tmp_path)
    data = json.loads(ok(cli("--lexicon", str(path), "where", "--json")).stdout)
    assert data["lexicon"] == str(path)
    assert data["lexicon_name"] == "our-org"
    assert data["lexicon_version"] == load_lexicon(path).version
    assert list(data)[-2:] == ["lexicon_name", "lexicon_version"]  # new fields last


def test_where_with_a_broken_lexicon_names_the_file_and_says_why_it_is_not_usable(
    cli: CLI, tmp_path: Path
) -> None:
    """The name and version are read without parsing the file (9aad853): a broken lexicon is
    still named, by its [lexicon] name and its file's hash, and the message says what is
    wrong with it."""
    path = with_marker(tmp_path, "learned.advice.mine")
    result = ok(cli("--lexicon", str(path), "where", "--json"))  # where answers anyway
    data = json.loads(result.stdout)
    assert data["lexicon_name"] == "our-org" and data["lexicon_version"] == lexicon_version(path)
    assert "Drift lexicon not usable" in result.stderr and "learned.advice.mine" in result.stderr
    text = ok(cli("--lexicon", str(path), "where"))
    assert lexicon_rows(text.stdout)[1:] == [["name", "our-org"],
                                             ["version", lexicon_version(path)]]
    assert "unknown" not in text.stdout
    assert text.stderr.count("Drift lexicon not usable") == 1
    assert "learned.advice.mine" in text.stderr


# -- finding 2: the mentor sees which lexicon scored a summary -----------------------------------

ORG_VERSION = "8a9eabb22e24"


@pytest.fixture
def two_months(cli: CLI, add: Add, tmp_path: Path) -> tuple[Path, Path]:
    """The writer's October, scored with their organisation's lexicon (named in the file, as
    an export that gives `lexicon_names` does), and November with the shipped one."""
    files = october_and_november(cli, add, tmp_path)
    october = json.loads(files[0].read_text(encoding="utf-8"))
    october["lexicon_versions"] = [ORG_VERSION]
    october["lexicon_names"] = {ORG_VERSION: "Northside Peer Collective"}
    files[0].write_text(json.dumps(october), encoding="utf-8")
    return files


def test_review_names_each_summarys_lexicon_and_says_what_to_ask_for(
    cli: CLI, two_months: tuple[Path, Path]
) -> None:
    october, november = two_months
    result = ok(cli("review", str(october), str(november)))
    said = " ".join(result.stdout.split())
    org = f'{ORG_VERSION} ("Northside Peer Collective", not a lexicon peerjournal ships)'
    shipped = f"{lexicon_version()} (the lexicon this peerjournal ships)"
    assert f"Scored with different drift lexicons: {october.name} with {org}" in said
    assert f"{november.name} with {shipped}" in said
    assert "ask the writer to score their journal with one lexicon" in said
    assert "export these periods again" in said
    assert "until the writer runs" not in said  # rescoring cannot change files already sent
    # November's "since the previous summary" says whose lexicon scored October, and which
    # scored itself; each summary's header gives its version, once (no "Drift lexicon" section)
    assert (f"Scored with different drift lexicons: this one with {shipped}, the previous one "
            f"with {org}.") in said
    for version in (ORG_VERSION, lexicon_version()):
        assert said.count(f"Drift lexicon: version {version} (") == 1
    assert "Drift lexicon Scored" not in said


def test_review_json_gives_each_summarys_lexicons(
    cli: CLI, two_months: tuple[Path, Path]
) -> None:
    october, november = two_months
    data = json.loads(ok(cli("review", "--json", str(october), str(november))).stdout)
    (between,) = data["between"]
    assert between["lexicons_differ"] is True
    assert between["lexicons"] == [
        [{"version": ORG_VERSION, "name": "Northside Peer Collective", "shipped": False,
          "shipped_by": None}],  # an organisation's own
        [{"version": lexicon_version(), "name": SHIPPED_NAME, "shipped": True,
          "shipped_by": "this"}],  # named by the export itself
    ]
    assert list(between)[-1] == "lexicons"  # a new field, last


def test_a_summary_without_lexicon_names_gives_the_version_alone(
    cli: CLI, two_months: tuple[Path, Path]
) -> None:
    """A summary that names no lexicon (exported before `lexicon_names`, or edited) is not
    called an organisation's: it may be an earlier peerjournal's shipped lexicon."""
    october, november = two_months
    data = json.loads(october.read_text(encoding="utf-8"))
    del data["lexicon_names"]
    data["lexicon_names"] = "not a table"  # an edited file: read as giving none
    october.write_text(json.dumps(data), encoding="utf-8")
    alone = " ".join(ok(cli("review", str(october))).stdout.split())
    assert alone.count(ORG_VERSION) == 1 and "Northside" not in alone
    assert f"Drift lexicon: version {ORG_VERSION} (" in alone
    said = " ".join(ok(cli("review", str(october), str(november))).stdout.split())
    assert (f"{october.name} with {ORG_VERSION} (not the lexicon this peerjournal ships: an "
            "organisation's own, or one that another version of peerjournal shipped), "
            f"{november.name} with {lexicon_version()} (the lexicon this peerjournal "
            "ships).") in said
    data = json.loads(ok(cli("review", "--json", str(october), str(november))).stdout)
    assert data["between"][0]["lexicons"][0] == [
        {"version": ORG_VERSION, "name": None, "shipped": False, "shipped_by": None}]


# -- finding 9: the wait before the first step of `drift --rescore` --------------------------------


def test_a_large_rescore_on_a_terminal_says_what_it_is_doing(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch, colour_terminal: None
) -> None:
    import peerjournal.drift.score as score

    add(DRIFT)
    add(IDENTITY)
    monkeypatch.setattr(score, "PARALLEL_FROM", 2)  # (2,000 entries: as large as that)
    with_changed_scorer(monkeypatch)
    result = ok(cli("drift", "--rescore"))
    said = " ".join(result.stderr.split())
    assert (f"Re-scoring 2 entries with lexicon {lexicon_version()} (peerjournal default): the "
            "bar moves once the first batch is scored, after a few seconds.") in said
    assert "Re-scored 2 entries" in said
    monkeypatch.delenv("FORCE_COLOR")  # not a terminal (a log, a pipe): no such line
    with_changed_scorer(monkeypatch, "again")
    assert "the bar moves" not in ok(cli("drift", "--rescore")).stderr


def with_changed_scorer(monkeypatch: pytest.MonkeyPatch, version: str = "other") -> None:
    """Every stored score out of date, as after an upgrade of the scoring code."""
    import peerjournal.cli.drift  # noqa: F401 (its `scorer_version` is imported when called)
    import peerjournal.drift.lexicon as lexicon

    monkeypatch.setattr(lexicon, "scorer_version", lambda: version)
