"""Round 42 (redaction): an everyday English word in a tag or setting that is only a slip
of a listed name ("weight-gain" with Gian listed, "bard" with Brad, "car-boot-sale" with
Sal, "kite-flying" with Kit) is kept and listed in the export preview, read from an English
word list shipped with the package (SCOWL's, built by benchmarks/make_wordlist.py) instead
of hand lists of the words QA found. Privacy first: a listed name itself ("will-visit" with
Will), a short form redaction knows ("bill-visit" with William), and a slip that is no
English word or is a proper noun too ("grcae", "gracie", "eddy" with Eddie) are replaced
as before. The list is read only when a label rule is about to replace a word."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal import namewords
from peerjournal.redact import Person, name_words
from peerjournal.render.summary import words_to_check
from test_redact_cli import people, shared
from test_redact_r41 import label

SRC = Path(__file__).resolve().parent.parent / "src"


# ------------------------------------------------------------ kept and listed


@pytest.mark.parametrize(("tag", "name", "word"), [
    ("weight-gain", "Gian", "gain"), ("bard", "Brad", "bard"),
    ("car-boot-sale", "Sal", "sale"), ("kite-flying", "Kit", "kite"),
    ("WeightGain", "Gian", "Gain"), ("hair-cut", "Hari", "hair"),
    ("brain-fog", "Brian", "brain"), ("nana-visit", "Nan", "nana"),
    ("money-worries", "Mona", "money"), ("angle-grinder", "Angel", "angle"),
    ("lean-week", "Lena", "lean"),
])
def test_an_everyday_word_slip_in_a_label_is_kept_and_listed(
    tag: str, name: str, word: str
) -> None:
    assert label(tag, name) == tag
    # (a label joined up in capitals is listed whole: "WeightGain")
    assert any(word in listed for listed in words_to_check(tag, [tag], [Person(name)], [tag]))


# ------------------------------------------------------------ privacy first


@pytest.mark.parametrize(("tag", "names", "expected"), [
    ("will-visit", ("Will",), "[person]-visit"), ("rose-garden", ("Rose",), "[person]-garden"),
    ("mark", ("Mark",), "[person]"), ("gian", ("Gian",), "[person]"),
    ("brad-notes", ("Brad",), "[person]-notes"), ("sal", ("Sal",), "[person]"),
    ("kit-visit", ("Kit",), "[person]-visit"), ("bill-visit", ("William",), "[person]-visit"),
    ("grcae", ("Grace",), "[person]"), ("gracie-visit", ("Grace",), "[person]-visit"),
    ("kerri", ("Kerry",), "[person]"), ("eddy", ("Eddie",), "[person]"),
    ("bobby-visit", ("Bobbi",), "[person]-visit"), ("gina-notes", ("Gian",), "gina-notes"),
    ("gain-and-gian", ("Gian",), "gain-and-[person]"),
])
def test_a_listed_name_or_a_slip_that_is_no_everyday_word_is_still_replaced(
    tag: str, names: tuple[str, ...], expected: str
) -> None:
    assert label(tag, *names) == expected


def test_the_word_list_holds_no_name_redaction_knows_and_only_lower_case_words() -> None:
    words = namewords._english_words()
    assert len(words) > 50_000
    assert not words & name_words()
    assert all(word.isascii() and word.isalpha() and word.islower() for word in words)
    for proper_noun_too in ("eddy", "kitty", "sally", "bobby", "terry", "randy", "brad"):
        assert proper_noun_too not in words


def test_the_word_list_ships_with_its_licence() -> None:
    data = Path(namewords.__file__).parent / "data"
    assert gzip.decompress((data / "english_words.txt.gz").read_bytes()).startswith(b"aardvark\n")
    licence = (data / "english_words.LICENSE.txt").read_text(encoding="utf-8")
    assert "Copyright 2000-2011 by Kevin Atkinson" in licence


# ------------------------------------------------------------ read only when needed


def _python(code: str, home: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(SRC), "PEERJOURNAL_HOME": str(home),
           "PEERJOURNAL_NOW": "2026-12-07T18:30:00"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize("commands", [
    [["--help"]],
    [["people", "add", "Gian"], ["write", "-x", "Weight gain talk.", "-t", "weight-gain"],
     ["list"]],
])
def test_the_cli_starts_without_reading_the_word_list(
    commands: list[list[str]], tmp_path: Path
) -> None:
    code = (
        "import sys\nfrom peerjournal.launcher import main\n"
        f"for argv in {commands!r}:\n"
        "    sys.argv = ['peerjournal', *argv]\n"
        "    try:\n        main()\n    except SystemExit as e:\n        assert not e.code, e.code\n"
        "n = sys.modules.get('peerjournal.namewords')\n"
        "print('LOADED', 0 if n is None else n._english_words.cache_info().currsize)"
    )
    assert _python(code, tmp_path).splitlines()[-1] == "LOADED 0"


def test_the_word_list_is_read_only_for_a_slip(tmp_path: Path) -> None:
    code = (
        "from peerjournal.redact import Person, Redactor\n"
        "from peerjournal import namewords as n\n"
        "r = Redactor(people=[Person('Gian')], identifiers=False)\n"
        "r.label('weight-loss'); r.label('gian-visit'); r('I sat with Gian.')\n"
        "print(n._english_words.cache_info().currsize)\n"
        "r.label('weight-gain')\n"
        "print(n._english_words.cache_info().currsize)"
    )
    assert _python(code, tmp_path).split() == ["0", "1"]


# ------------------------------------------------------------ the export


def test_the_export_keeps_everyday_tags_and_asks_the_writer_to_check_them(
    cli: CLI, tmp_path: Path
) -> None:
    people(cli, "Gian", "Brad", "Sal", "Kit", "Will")
    shared(cli, "A long day at the drop-in.", "-t", "weight-gain", "-t", "bard",
           "-t", "car-boot-sale", "-t", "kite-flying", "-t", "will-visit", "-s", "gain clinic")
    out = tmp_path / "summary.md"
    result = cli("export", "--yes", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    for kept in ("#weight-gain", "#bard", "#car-boot-sale", "#kite-flying", "gain clinic"):
        assert kept in text, kept
    assert "#[person]-visit" in text and "will-visit" not in text
    check = next(line for line in result.stderr.splitlines() if "Check these words" in line)
    for word in ("gain", "bard", "sale", "kite"):
        assert word in check, word
