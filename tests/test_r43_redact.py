"""Round 43: a listed name inside a word joined up never leaves in an export.

A name that is a part of a CamelCase word ("WillVisit", "visitWill", "JoWalk", "SamAndMe",
"WillsCafe", "TeamJo") is replaced with the word whole, in prose as in a tag or setting, in
every format and in the preview; a brand or an everyday word joined up ("NatWest",
"PowerPoint", "WillPower") stays only for a part of a listed full name or a short form, never
for a name listed as written ("Nat": "NatWest" goes). A tag is stored in lower case, so the
tag "WillVisit" is "willvisit": a label's word with no join showing that is a listed name
written together with everyday words is replaced too ("willvisit", "jowalk", "teamsam"),
unless the whole is an English word ("willing", "samples").
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from conftest import CLI
from peerjournal.namewords import COMMON_WORDS, common_opener, english_word
from peerjournal.redact import Person, Redactor, name_words, names_in_label
from peerjournal.summary import build_summary
from test_exporters import readable
from test_summary import sample_input


def redact(names: tuple[str, ...], text: str) -> str:
    return Redactor([Person(n) for n in names])(text)


def label(names: tuple[str, ...], text: str) -> str:
    return Redactor([Person(n) for n in names]).label(text)


# ------------------------------------------------------------------ CamelCase, in prose


@pytest.mark.parametrize(
    ("names", "text", "expected"),
    [
        (("Will",), "The WillVisit went well.", "The [person] went well."),
        (("Will",), "Notes from visitWill today.", "Notes from [person] today."),
        (("Will",), "Met at WillsCafe again.", "Met at [person] again."),
        (("Will",), "TeamWill rang.", "[person] rang."),
        (("Jo",), "Went on the JoWalk today.", "Went on the [person] today."),
        (("Jo",), "TeamJo rang.", "[person] rang."),
        (("Sam",), "Wrote in SamAndMe today.", "Wrote in [person] today."),
        (("Sam",), "Posted in #TeamSam.", "Posted in #[person]."),
        (("Will Turner",), "The WillVisit went well.", "The [person] went well."),
        (("Jo Smith",), "Went on the JoWalk and the SmithFund.",
         "Went on the [person] and the [person]."),
        (("Ngozi Okonkwo",), "The NgoziCare team", "The [person] team"),
        (("Nat",), "I helped her log into NatWest online.",
         "I helped her log into [person] online."),
        (("Hope",), "Gave her the HopeLine number.", "Gave her the [person] number."),
        (("Will",), "I have WillPower.", "I have [person]."),
    ],
)
def test_a_name_inside_a_camel_case_word_goes_with_the_word(
    names: tuple[str, ...], text: str, expected: str
) -> None:
    """Was: kept as a brand would be ("WillVisit", "JoWalk" went to the mentor as written)."""
    assert redact(names, text) == expected


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Sarah West", "I helped her log into NatWest online."),
        ("Max Power", "The PowerPoint slides."),
        ("Hope Walker", "Gave her the HopeLine number."),
        ("Will Grant", "WillPower."),
        ("Joy Smith", "Played on the JoyStick."),
        ("Lewis Hart", "Bought it at JohnLewis."),
        ("Minh Le", "Watched LeBron play."),
        ("Mo Farah", "Went to MoMA."),
        ("Don Smith", "Ate at McDonald's."),
    ],
)
def test_a_brand_holding_a_part_of_a_full_name_stays(name: str, text: str) -> None:
    assert redact((name,), text) == text


def test_a_kept_brand_is_listed_for_the_writer_to_check(cli: CLI, tmp_path: Path) -> None:
    """The writer sees what stayed: the words to check name it."""
    assert cli("people", "add", "Sarah West").exit_code == 0
    wrote = cli("write", "-x", "Helped her into NatWest online. We sat for an hour.", "--share")
    assert wrote.exit_code == 0, wrote.stderr
    result = cli("export", "--yes", "--json", "-o", str(tmp_path / "s.md"))
    assert result.exit_code == 0, result.stderr
    assert "NatWest" in json.loads(result.stdout)["words_to_check"]


# ------------------------------------------------------- labels, handles and file names


@pytest.mark.parametrize(
    ("names", "text", "expected"),
    [
        (("Will",), "WillVisit", "[person]"),
        (("Will",), "willvisit", "[person]"),
        (("Will",), "willsflat", "[person]"),
        (("Will",), "will-visit", "[person]-visit"),
        (("Will",), "willvisit notes", "[person] notes"),
        (("Jo",), "jowalk", "[person]"),
        (("Jo",), "walk-jowalk", "walk-[person]"),
        (("Sam",), "teamsam", "[person]"),
        (("Sam",), "samandme", "[person]"),
        (("Sam",), "sam-visit", "[person]-visit"),
        (("Kai Brown",), "kaivisit", "[person]"),
        (("William",), "liamvisit", "[person]"),
    ],
)
def test_a_name_joined_to_words_in_a_label_goes(
    names: tuple[str, ...], text: str, expected: str
) -> None:
    """A tag is stored in lower case: the tag "WillVisit" is "willvisit"."""
    assert label(names, text) == expected


@pytest.mark.parametrize(
    ("names", "text"),
    [
        (("Will",), "willing"),
        (("Will",), "willpower"),
        (("Will",), "goodwill"),
        (("Sam",), "samples"),
        (("Mark",), "marketing"),
        (("Al",), "totalcare"),
        (("Al",), "delusional"),
        (("Al",), "alice"),
        (("Ed",), "knackered"),
        (("Ed",), "sortedvisit"),
        (("Li",), "hospitalized"),
        (("Minh Le",), "leavers"),
        (("Max Power",), "powerpoint"),
    ],
)
def test_an_everyday_word_in_a_label_stays(names: tuple[str, ...], text: str) -> None:
    assert label(names, text) == text


def test_a_brand_in_a_label_goes_for_a_name_listed_as_written() -> None:
    assert label(("Hope",), "hopeline") == "[person]"
    assert label(("Hope Walker",), "hopeline") == "hopeline"


def test_a_capitalised_place_in_a_setting_stays_for_a_part_of_a_full_name() -> None:
    """A word capitalised as one name is a place ("Hopewell centre", "Deansgate"), as round
    39 keeps it, for a part of a full name; for a name listed as written it goes."""
    assert label(("Hope Walker",), "Hopewell centre") == "Hopewell centre"
    assert label(("Dean Moss",), "Deansgate") == "Deansgate"
    assert label(("Hope",), "Hopewell centre") == "[person] centre"
    assert label(("Will",), "Willvisit") == "[person]"
    assert label(("Will Turner",), "willvisit") == "[person]"
    assert label(("Sam",), "SAMVISIT") == "[person]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See #jowalk now", "See #[person] now"),
        ("See #JoWalk now", "See #[person] now"),
        ("Saved samvisit.pdf", "Saved [person].pdf"),
        ("Saved JoWalk.docx", "Saved [person].docx"),
        ("Ask @TeamJo", "Ask @[person]"),
        ("Read #WalkWithJo", "Read #[person]"),
    ],
)
def test_a_short_name_inside_a_handle_or_file_name_goes(text: str, expected: str) -> None:
    """Was: a name of two or three letters was never looked for inside one."""
    assert redact(("Jo", "Sam"), text) == expected


def test_a_file_name_holding_a_joined_name_is_named() -> None:
    people = [Person("Jo"), Person("Sam")]
    assert names_in_label("jowalk.md", people) == [("jowalk", "Jo")]
    assert names_in_label("TeamSam.md", people) == [("TeamSam", "Sam")]
    assert names_in_label("samples.md", people) == []


# ---------------------------------------------------------------- every export format

JOINED = ("willvisit", "visitwill", "willscafe", "jowalk", "samandme", "teamsam", "teamjo")


def _journal(cli: CLI) -> None:
    for name in ("Will", "Jo", "Sam"):
        assert cli("people", "add", name).exit_code == 0
    wrote = cli(
        "write", "-x",
        "Met at WillsCafe with visitWill and the JoWalk group. SamAndMe posted in #TeamSam. "
        "The WillVisit went well and TeamJo came.",
        "-f", "Calm. WillVisit again.", "-e", "Next time I will plan the JoWalk with them.",
        "-s", "WillVisit", "-t", "WillVisit,JoWalk,TeamSam,sam-visit",
        "--self-care", "Tea at WillsCafe", "--share",
    )
    assert wrote.exit_code == 0, wrote.stderr


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv", "pdf"])
def test_no_joined_name_is_in_any_format(cli: CLI, tmp_path: Path, fmt: str) -> None:
    _journal(cli)
    out = tmp_path / f"summary.{fmt}"
    result = cli("export", "--yes", "--format", fmt, "--output", str(out))
    assert result.exit_code == 0, result.stderr
    data = out.read_bytes()
    if fmt == "pdf":
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    else:
        text = data.decode("utf-8")
    flat = re.sub(r"\s+", "", text).casefold()  # (a PDF line may break inside a word)
    assert not [word for word in JOINED if word in flat], fmt
    if fmt == "json":
        entry = json.loads(text)["shared_entries"][0]
        assert entry["setting"] == "[person]"
        assert entry["tags"] == ["[person]", "[person]-visit"]
        assert entry["self_care"] == "Tea at [person]"


def test_the_preview_shows_them_replaced(cli: CLI, tmp_path: Path) -> None:
    _journal(cli)
    out = tmp_path / "summary.md"
    result = cli("export", "--output", str(out), input="n\n")
    assert result.exit_code == 1 and not out.exists()
    assert "### 2026-11-20 · [person] · #[person] #[person]-visit" in result.stderr
    assert "Tea at [person]" in result.stderr
    flat = re.sub(r"\s+", "", result.stderr).casefold()
    assert not [word for word in JOINED if word in flat]


@pytest.mark.parametrize("file_name", ["JoWalk.md", "jowalk.md", "teamsam.json"])
def test_an_output_file_named_with_a_joined_name_is_refused(
    cli: CLI, tmp_path: Path, file_name: str
) -> None:
    _journal(cli)
    result = cli("export", "--yes", "--output", str(tmp_path / file_name))
    assert result.exit_code == 1
    assert "holds a name on the people list" in result.stderr
    assert not (tmp_path / file_name).exists()


# ------------------------------------------------------------------------- the invariant

NAMES = st.text("bcdfghjklmnprstvwz", min_size=1, max_size=3).flatmap(
    lambda consonants: st.sampled_from(["a", "e", "i", "o", "u"]).map(
        lambda vowel: (consonants[0] + vowel + consonants[1:]).title()
    )
)
CAMEL = ["{}Visit", "visit{}", "Team{}", "{}AndMe", "{}sCafe", "#Team{}", "{}Walk.docx"]
TAGS = ["{}visit", "team{}", "{}walk", "{}sflat"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=NAMES, data=st.data())
def test_a_listed_name_joined_up_never_appears_in_any_export(
    name: str, data: st.DataObject
) -> None:
    key = name.casefold()
    assume(len(key) >= 3 and key not in COMMON_WORDS and not english_word(key))
    camel = data.draw(st.sampled_from(CAMEL)).format(name)
    tag = data.draw(st.sampled_from(TAGS)).format(key)
    assume(not english_word(re.sub("[^a-z]", "", tag)))
    entry = sample_input(experience=f"I shared my story. We went to {camel} today.",
                         evaluation=f"Next time: {camel}.", note=f"About {camel}.")
    shared = entry.entries[0]
    shared.tags, shared.setting, shared.self_care = [tag], camel, f"Tea at {camel}"
    summary = build_summary(entry, Redactor([Person(name)]))
    joined = [re.sub(r"\W", "", camel).casefold(), tag]
    for fmt in ("md", "html", "json", "csv"):
        out = re.sub(r"\W", "", readable(fmt, summary)).casefold()
        assert not [word for word in joined if word in out], fmt


# ------------------------------- a name glued to a word the lists lack (QA of round 43)


@pytest.mark.parametrize(
    ("names", "text"),
    [
        (("Will",), "willmeds"),
        (("Will",), "willrota"),
        (("Will",), "WillRide"),
        (("Will",), "willssister"),
        (("Jo",), "jomeds"),
        (("Jo",), "josflat"),
        (("Al",), "alsflat"),
        (("Ed",), "edrota"),
        (("Ed",), "edsflat"),
        (("Sam",), "sammeds"),
        (("Sam",), "samthursday"),
        (("Sam",), "teamsams"),
        (("Grace",), "gracedoctor"),
        (("Grace Turner",), "turnerhandover"),
        (("Kim",), "keyworkerkim"),
    ],
)
def test_a_name_opening_or_ending_a_label_goes_whatever_the_word(
    names: tuple[str, ...], text: str
) -> None:
    """Was kept: "meds", "rota", "ride", "sister"… are on no word list, and an "s" after a
    name of two letters was never read ("josflat")."""
    assert label(names, text) == "[person]"


@pytest.mark.parametrize(
    ("names", "text"),
    [(("Ed",), "selfcareneeded"), (("Ed",), "sorted"), (("Al",), "alice"),
     (("Will",), "willingly"), (("Sam",), "samples")],
)
def test_a_word_or_a_name_holding_one_at_an_edge_stays(names: tuple[str, ...], text: str) -> None:
    """An English word, a known name, and everyday words ending as "-ed" does."""
    assert label(names, text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I printed JoCV.docx for her", "I printed [person].docx for her"),
        ("She posted #TeamJoNHS", "She posted #[person]"),
        ("Follow @EdUK too", "Follow @[person] too"),
        ("Saved AlPIP.docx", "Saved [person].docx"),
        ("We went to MoMA", "We went to MoMA"),
    ],
)
def test_a_two_letter_name_before_an_acronym_goes_in_a_file_name_or_handle(
    text: str, expected: str
) -> None:
    """The abbreviation rule ("MoMA" with Mo listed) is prose's alone."""
    assert redact(("Jo", "Ed", "Al", "Mo"), text) == expected


@pytest.mark.parametrize("file_name", ["samrota.md", "jomeds.md", "JoCV.md", "EdUK.pdf"])
def test_an_output_file_named_with_a_name_and_any_word_is_refused(
    cli: CLI, tmp_path: Path, file_name: str
) -> None:
    for name in ("Sam", "Jo", "Ed"):
        assert cli("people", "add", name).exit_code == 0
    result = cli("export", "--yes", "--output", str(tmp_path / file_name))
    assert result.exit_code == 1
    assert "holds a name on the people list" in result.stderr
    assert not (tmp_path / file_name).exists()


SUFFIXES = st.text("abcdefghiklmnoprstuwy", min_size=3, max_size=8)


@settings(max_examples=200, deadline=None)
@given(name=NAMES, suffix=SUFFIXES, first=st.booleans(), owned=st.booleans())
def test_a_name_at_either_end_of_a_tag_never_stays(
    name: str, suffix: str, first: bool, owned: bool
) -> None:
    """Whatever the letters beside it: the tag goes, unless it is an English word (or reads as
    one's inflection, `common_opener`: "babed" of "babe", with Ba listed) or a name."""
    key = name.casefold()
    assume(key not in COMMON_WORDS and not english_word(key))
    tag = key + "s" * owned + suffix if first else suffix + key + "s" * owned
    assume(not english_word(tag) and not common_opener(tag) and tag not in name_words())
    assume(not (len(key) == 2 and not first and key in {"al", "ed", "an", "en", "er", "es",
                                                        "ly", "ic", "le", "ty"}))
    assert label((name,), tag) == "[person]"
