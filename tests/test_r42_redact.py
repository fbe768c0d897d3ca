"""Round 42 (redaction): an everyday English word in a tag or setting that is only a slip
of a listed name ("weight-gain" with Gian listed, "bard" with Brad, "car-boot-sale" with
Sal, "kite-flying" with Kit) is kept and listed in the export preview, read from an English
word list shipped with the package (SCOWL's, built by benchmarks/make_wordlist.py) instead
of hand lists of the words QA found. Privacy first: a listed name itself ("will-visit" with
Will), a short form redaction knows ("bill-visit" with William), and a slip that is no
English word or is a proper noun too ("grcae", "gracie", "eddy" with Eddie) are replaced
as before. The list is read only when a label rule is about to replace a word.

Then (QA of that change): a word of the list that is the listed person's name in another
spelling or pet form ("bonny" with Bonnie, "abbey" with Abbie, "belle" with Bella) was kept.
The list now leaves out the census given names and their pet forms ("nanny" of Nannie), and
a plural of a slip is replaced as the slip is ("bonnys", "belles")."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CLI
from make_wordlist import english_words
from peerjournal import namewords
from peerjournal.redact import Person, Redactor, name_words
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


# ------------------------------------------------------------ a name spelt otherwise

# (the listed name, a word of the dictionary that is her name spelt otherwise or as a pet
# form): QA round 42 found each kept, "bonny-visit" exported as written
NAME_WORDS = [
    ("Bonnie", "bonny"), ("Abbie", "abbey"), ("Abby", "abbey"), ("Bella", "belle"),
    ("Dottie", "dotty"), ("Merri", "merry"), ("Nannie", "nanny"), ("Gene", "genie"),
    ("Pearl", "pearly"), ("Gloria", "glory"), ("Mette", "meta"), ("Gale", "gala"),
    ("Sara", "sari"), ("Lori", "lore"), ("Patsy", "pasty"), ("Celeste", "celesta"),
    ("Aida", "aide"), ("Rosetta", "rosette"),
]


@pytest.mark.parametrize(("name", "word"), NAME_WORDS)
@pytest.mark.parametrize(("shape", "expected"), [
    ("{w}", "[person]"), ("{W}", "[person]"), ("{u}", "[person]"),
    ("{w}-visit", "[person]-visit"), ("visit-{w}", "visit-[person]"),
    ("{W}Visit", "[person]Visit"), ("{w} flat", "[person] flat"),
    ("{w}_1to1", "[person]_1to1"), ("{w}s", "[person]"), ("{w}'s flat", "[person]'s flat"),
])
def test_a_word_that_is_the_listed_name_spelt_otherwise_is_replaced_in_a_label(
    name: str, word: str, shape: str, expected: str
) -> None:
    text = shape.format(w=word, W=word.capitalize(), u=word.upper())
    assert label(text, name) == expected


def test_the_word_list_holds_no_given_name_nor_a_pet_form_of_one() -> None:
    words = namewords._english_words()
    assert not words & {word for _, word in NAME_WORDS}
    for name_form in ("nanny", "alley", "lorry", "dotty", "abbeys", "belles", "raja", "serge"):
        assert name_form not in words
    for everyday in ("gain", "bard", "sale", "kite", "money", "free", "victory", "summery"):
        assert everyday in words


def test_the_list_is_built_without_given_names_or_their_pet_forms() -> None:
    lines = ["abbey", "bonny", "nanny", "many", "sale", "gain", "alley", "Eddy", "eddy"]
    names = frozenset({"abbie", "bonny", "nannie", "allie", "manny"})
    # "abbey" is Abbie with another pet ending; "many" ends in none that makes a name of it
    assert english_words(lines, names) == ["gain", "many", "sale"]


def test_everyday_words_that_are_census_names_too_are_kept_where_they_were() -> None:
    assert label("angle-grinder", "Angel") == "angle-grinder"
    assert label("tiny-steps", "Tina") == "tiny-steps"


def test_a_plural_of_an_everyday_word_slip_is_kept() -> None:
    assert label("gains", "Gian") == "gains"
    assert label("bards", "Brad") == "bards"
    assert label("angles", "Angel") == "angles"
    assert label("denies-drinking", "Denise") == "denies-drinking"  # ("denie" is a slip)


def test_a_plural_of_a_slip_alone_is_replaced() -> None:
    for word, name in (("siobahns", "Siobhan Kelly"), ("gracies", "Grace")):
        assert Redactor(people=[Person(name)], identifiers=False)(word) == "[person]"


def test_the_export_replaces_a_name_spelt_otherwise_in_tags_and_the_setting(
    cli: CLI, tmp_path: Path
) -> None:
    people(cli, "Bonnie Hart", "Abbie Cole")
    shared(cli, "Sat in the garden.", "-t", "bonny-visit", "-t", "visit-abbey",
           "-s", "abbey flat")
    out = tmp_path / "summary.md"
    result = cli("export", "--yes", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "[person] flat · #[person]-visit #visit-[person]" in text
    for word in ("bonny", "abbey", "Bonny", "Abbey"):
        assert word not in text, word


# ---------------------------------------- a listed part with a pet ending (final review)


@pytest.mark.parametrize(("tag", "names", "expected"), [
    ("posy-visit", ("Posie Jones",), "[person]-visit"), ("ferry", ("Ferrie Smith",), "[person]"),
    ("snowy-call", ("Jo Snow",), "[person]-call"), ("woody", ("Tom Wood",), "[person]"),
    ("mossy", ("Hank Moss",), "[person]"), ("Woody-notes", ("Tom Wood",), "[person]-notes"),
    ("rainy-day", ("Rainey Cole",), "[person]-day"), ("foxy", ("Sam Fox",), "[person]"),
    ("belly-ache", ("Bell",), "[person]-ache"),  # Bell with "y" added, as Snow is "Snowy"
])
def test_a_listed_part_with_a_pet_ending_is_replaced_though_a_word(
    tag: str, names: tuple[str, ...], expected: str
) -> None:
    assert label(tag, *names) == expected


def test_a_pet_form_is_a_listed_part_with_its_ending_added_or_changed() -> None:
    parts = {"posie", "snow", "wood", "ferrie", "jo", "gian", "brad", "sal", "kit", "mona"}
    for word in ("posy", "posey", "snowy", "snowie", "woody", "ferry", "ferri"):
        assert namewords.pet_form_of(word, parts), word
    for word in ("joy", "gain", "bard", "sale", "kite", "money", "snow", "wooden"):
        assert not namewords.pet_form_of(word, parts), word


def test_the_export_replaces_a_surname_with_a_pet_ending_in_tags(
    cli: CLI, tmp_path: Path
) -> None:
    """The final review's repro (5f5b289, the start of round 42, replaced all five)."""
    people(cli, "Posie Jones", "Ferrie Smith", "Jo Snow", "Tom Wood", "Hank Moss", "Gian",
           "Mona")
    shared(cli, "Sat with him at the day centre.", "-t",
           "posy-visit,ferry,snowy-call,woody,mossy,weight-gain,money-worries")
    out = tmp_path / "summary.md"
    result = cli("export", "--yes", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8").casefold()
    for word in ("posy", "ferry", "snowy", "woody", "mossy"):
        assert word not in text, word
    assert "#[person]-call" in text and "#[person]-visit" in text
    assert "#weight-gain" in text and "#money-worries" in text


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
