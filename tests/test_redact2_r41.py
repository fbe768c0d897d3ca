"""Round 41, second pass (redaction): what a QA pass of the first found over-redacted, put
back as before, and one weakening closed. An everyday word inside a tag or setting that
reads as a pet form ("money-worries" with Mona listed) is kept and listed, as the word
alone is; a three-letter acronym of a tag ("dna", "aed", "tai-chi") is no swapped name; a
lower-case word with an "s" before a noun is a plural ("energy bills support") unless it
is a given name owning kin, a friend or (after "to", "at"…) a house or flat ("franks
mum", "went to wills house"); "EDS"/"EDs" with Edward listed is the
abbreviation, kept and listed; a short form's plural before "support", "review"… ("Energy
Bills Support Scheme") is kept and listed; and a three-letter word that is a slip of a
listed name opening a sentence is replaced before any verb a person does ("Oil spoke to
me", "Oil was upset"), kept only before a verb a thing does too ("Oil went everywhere")."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.redact import Person
from peerjournal.render.summary import words_to_check
from test_redact_cli import people, shared
from test_redact_r41 import flagged, label, redacted

# ------------------------------------------------------------ F3: everyday words in labels


@pytest.mark.parametrize(("tag", "name", "word"), [
    ("money-worries", "Mona", "money"), ("MoneyWorries", "Mona", "Money"),
    ("money_worries", "Mona", "money"), ("debt-and-money", "Mona", "money"),
    ("money", "Mona", "money"), ("free-school-meals", "Fred", "free"),
    ("free-time", "Fred", "free"), ("beta-blockers", "Beth", "beta"),
    ("tone-of-voice", "Tony", "tone"), ("isle-of-wight", "Isla", "isle"),
    ("tiny-flat", "Tina", "tiny"),  # ("belly-ache" of Bell: replaced since round 42, Bell+y)
    ("mole-check", "Molly", "mole"), ("poly-pharmacy", "Polly", "poly"),
    ("annoy-neighbours", "Anne", "annoy"), ("para-medic", "Ray Park", "para"),
    ("frau", "Frank", "frau"), ("rave", "Ravi", "rave"), ("shone", "Shona", "shone"),
])
def test_an_everyday_word_in_a_label_is_kept_and_flagged(tag: str, name: str, word: str) -> None:
    out = label(tag, name)
    assert out == tag
    assert words_flagged(out, tag, name), word


def words_flagged(out: str, tag: str, name: str) -> bool:
    return bool(words_to_check(out, [tag], [Person(name)], [out]))


@pytest.mark.parametrize(("tag", "expected"), [
    ("gracie-visit", "[person]-visit"), ("GracieVisit", "[person]Visit"),
    ("gracie", "[person]"), ("visit-gracie", "visit-[person]"),
])
def test_a_pet_form_in_a_label_is_still_replaced(tag: str, expected: str) -> None:
    assert label(tag, "Grace") == expected


@pytest.mark.parametrize(("tag", "expected"), [
    ("kerri-visit", "[person]-visit"), ("zoey-notes", "[person]-notes"),
    ("willie-notes", "[person]-notes"), ("frankie-notes", "[person]-notes"),
])
def test_other_pet_forms_in_a_label_are_replaced(tag: str, expected: str) -> None:
    assert label(tag, "Kerry", "Zoë", "William", "Frank") == expected


# ------------------------------------------------------------ F4: acronyms in labels


@pytest.mark.parametrize(("tag", "name"), [
    ("dna", "Dan"), ("dna-test", "Dan"), ("DNA", "Dan"), ("aed", "Ade"),
    ("aed-training", "Ade"), ("eal", "Ela"), ("eal-support", "Ela"), ("sma", "Sam"),
    ("sma-clinic", "Sam"), ("tai", "Tia"), ("tai-chi", "Tia"), ("kia-car", "Kai"),
    ("oed", "Ode"), ("bae", "Bea"), ("nai", "Nia"), ("mai", "Mia"), ("lai", "Lia"),
    ("rai", "Ria"), ("rya", "Ray"), ("eil", "Eli"),
])
def test_a_three_letter_acronym_in_a_label_is_kept(tag: str, name: str) -> None:
    assert label(tag, name) == tag


def test_a_three_letter_slip_that_is_no_acronym_is_still_replaced() -> None:
    assert label("tmo-notes", "Tom") == "[person]-notes"
    assert label("zeo", "Zoë") == "[person]"


# ------------------------------------------------------------ F5: lower-case plurals


@pytest.mark.parametrize(("text", "name"), [
    ("energy prices support helped", "Amy Price"), ("other wards staff came", "Ann Ward"),
    ("car parks number", "Ray Park"), ("applied for parks job", "Ray Park"),
    ("two days notes", "Tom Day"), ("housing laws review", "Sue Law"),
    ("pages notes were lost", "Liz Page"), ("local churches support", "Joe Church"),
    ("energy bills support", "William"), ("rent and bills support", "William"),
    ("help with bills support", "William"), ("pay bills phone number", "William"),
    ("car jacks job", "John"), ("in mays job", "Margaret"),
])
def test_a_lower_case_plural_before_a_noun_is_kept(text: str, name: str) -> None:
    assert redacted(text, name) == text


@pytest.mark.parametrize("text", [
    "franks flat was cold", "went to wills house", "franks mum rang",
])
def test_a_lower_case_part_owning_a_home_or_kin_is_kept(text: str) -> None:
    assert redacted(text, "Frank Miller", "Will Turner") == text


# (round 41, third pass: a surname owning kin is kept in lower case, and listed; a given
# name before what is not kin, a friend or a house or flat is kept: see test_redact3_r41)
@pytest.mark.parametrize(("text", "word"), [
    ("millers mum rang", "millers"), ("millers sister came", "millers"),
])
def test_a_lower_case_surname_owning_kin_is_kept_and_flagged(text: str, word: str) -> None:
    assert redacted(text, "Frank Miller", "Will Turner") == text
    assert word in flagged(text, "Frank Miller", "Will Turner")


# ------------------------------------------------------------ F6: EDS, EDs


@pytest.mark.parametrize(("text", "word"), [
    ("EDS support group was helpful.", "EDS"), ("EDS care plan agreed.", "EDS"),
    ("EDs staff were kind.", "EDs"),
])
def test_ed_in_capitals_owning_is_the_abbreviation_kept_and_flagged(text: str, word: str) -> None:
    assert redacted(text, "Edward") == text
    assert word in flagged(text, "Edward")


def test_eds_flat_is_still_edwards() -> None:
    assert redacted("Eds flat was cold.", "Edward") == "[person] flat was cold."


# ------------------------------------------------------------ F7: a short form's plural


@pytest.mark.parametrize(("text", "word"), [
    ("Energy Bills Support Scheme", "Bills"), ("Bills support is available.", "Bills"),
    ("Bills case was reviewed.", "Bills"),
])
def test_a_short_forms_plural_before_support_or_a_case_is_kept_and_flagged(
    text: str, word: str
) -> None:
    assert redacted(text, "William") == text
    assert word in flagged(text, "William")


@pytest.mark.parametrize("text", ["Wills review with the solicitor.", "Wills case law"])
def test_wills_review_is_kept(text: str) -> None:
    assert redacted(text, "William") == text


@pytest.mark.parametrize(("text", "expected"), [
    ("Wills flat was cold.", "[person] flat was cold."),
    ("Bills mum rang.", "[person] mum rang."),
    ("Wills support worker rang.", "[person] support worker rang."),
    ("Bills case worker rang.", "[person] case worker rang."),
])
def test_a_short_forms_possessive_of_a_home_or_kin_is_still_replaced(
    text: str, expected: str
) -> None:
    assert redacted(text, "William") == expected


# ------------------------------------------------------------ F2: "Oil spoke to me"


@pytest.mark.parametrize(("text", "expected"), [
    ("Oil spoke to me about her mum.", "[person] spoke to me about her mum."),
    ("Oil hugged me after.", "[person] hugged me after."),
    ("Oil was upset.", "[person] was upset."),
    ("Oil was so upset.", "[person] was so upset."),
    ("Oil felt low.", "[person] felt low."),
    ("Oil came round later.", "[person] came round later."),
    ("Oil whispered something.", "[person] whispered something."),
    ("Oil explained it all.", "[person] explained it all."),
    ("Oil talked for ages.", "[person] talked for ages."),
    ("Oil complained again.", "[person] complained again."),
    ("Oil got me a tea.", "[person] got me a tea."),
    ("Air admitted it.", "[person] admitted it."),
    ("Aim insisted.", "[person] insisted."),
])
def test_a_short_word_slip_before_a_persons_verb_is_replaced(text: str, expected: str) -> None:
    assert redacted(text, "Oli", "Ari", "Ami") == expected


@pytest.mark.parametrize(("text", "word"), [
    ("Oil went everywhere.", "Oil"), ("Oil was on the floor.", "Oil"),
    ("Oil spilled everywhere.", "Oil"), ("Air came in through the window.", "Air"),
    ("Aim was to calm things down.", "Aim"), ("Oil was hot.", "Oil"),
])
def test_a_short_word_before_a_things_verb_is_kept_and_flagged(text: str, word: str) -> None:
    assert word in redacted(text, "Oli", "Ari", "Ami")
    assert word in flagged(text, "Oli", "Ari", "Ami")


# ------------------------------------------------------------ the export (F8)


def test_the_export_keeps_everyday_words_and_warns_of_no_alias(cli: CLI, tmp_path: Path) -> None:
    people(cli, "Mona", "Fred", "William", "Oli", "Edward", "Amy Price", "Ann Ward", "Beth",
           "Tony", "Isla", "Ela")
    shared(cli, "Energy prices support ran out. Other wards staff came to help. EDS support "
                "group was helpful. Oil spoke to me about her mum.",
           "-t", "beta-blockers", "-t", "eal-support", "-t", "isle-of-wight",
           "-t", "money-worries", "-t", "free-school-meals", "-s", "tone-of-voice")
    out = tmp_path / "summary.md"
    result = cli("export", "--yes", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    for kept in ("#beta-blockers", "#eal-support", "#isle-of-wight", "#money-worries",
                 "#free-school-meals", "tone-of-voice", "Energy prices support",
                 "Other wards staff", "EDS support group"):
        assert kept in text, kept
    assert "[person] spoke to me" in text and "Oil" not in text
    assert "alias" not in result.stderr
